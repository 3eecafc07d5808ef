"""retail_omnichannel + retail_transactions: regenerate byte for byte; documented truth holds."""

from __future__ import annotations

import importlib.util
import io

import numpy as np
import pandas as pd
import pytest
import semopy
from scipy import stats

import cxlab as cx
from cxlab.simulate import parse, strip_values


@pytest.fixture(scope="module")
def script(root):
    spec = importlib.util.spec_from_file_location(
        "retail_script", root / "datasets/make/retail_omnichannel.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def survey():
    return cx.datasets.load("retail_omnichannel")


@pytest.fixture(scope="module")
def tx():
    return cx.datasets.load("retail_transactions")


def csv_bytes(df: pd.DataFrame) -> bytes:
    buffer = io.StringIO()
    df.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue().encode("utf-8")


def test_regenerates_byte_for_byte(script, root):
    survey, tx, _ = script.build()
    assert csv_bytes(survey) == (root / "datasets/retail_omnichannel.csv").read_bytes()
    assert csv_bytes(tx) == (root / "datasets/retail_transactions.csv").read_bytes()


def test_seed_matters(script):
    assert not script.build(seed=1)[1].equals(script.build(seed=2)[1])


def test_semopy_recovers_the_structural_paths(survey):
    sim = cx.datasets.resource("retail_omnichannel")["simulation"]
    df = survey.copy()
    df["li4r"] = 8 - df["li4r"]
    items = [c for c in df.columns if c[:2] in ("co", "tr", "sa", "li") and c != "customer_id"]
    df = df.loc[df.duration_s > 90, items].dropna().astype(float)
    model = semopy.Model(strip_values(sim["model"]))
    model.fit(df)
    est = model.inspect(std_est=True)
    est = est[(est.op == "~") & est.lval.isin(["TRUST", "SAT", "LI"])]
    got = pd.Series(est["Est. Std"].to_numpy(), index=est.lval + " ~ " + est.rval)
    truth = parse(sim["model"]).query("op == '~'")
    truth = pd.Series(truth["value"].to_numpy(), index=truth.lhs + " ~ " + truth.rhs)
    # n ≈ 1,600 complete, careful cases: sampling SD of each path is about .03
    assert (got - truth[got.index]).abs().max() < 0.08


def test_missing_and_careless_respondents(survey):
    items = cx.datasets.codebook("retail_omnichannel").query("scale_max == 7")["name"].tolist()
    assert len(items) == 14
    assert survey[items].isna().to_numpy().mean() == pytest.approx(0.015, abs=0.004)
    straight = survey[items].nunique(axis=1) == 1
    fast = survey["duration_s"] <= 90
    assert (straight & fast).sum() == 40  # the 2 % careless respondents
    # a few genuine, very satisfied customers answer 7 throughout: long-string flags are
    # not proof of carelessness on their own
    genuine = survey.loc[straight & ~fast, items]
    assert len(genuine) <= 5 and (genuine.drop(columns="li4r").min(axis=1) >= 6).all()
    # a genuine respondent is rarely that fast (log-normal, median 6 minutes)
    assert (survey.loc[~straight, "duration_s"] <= 90).sum() <= 3
    slow = survey[~straight]
    assert slow.duration_s.median() == pytest.approx(360, rel=0.1)


def test_stated_loyalty_predicts_purchases_only_in_part(survey, tx):
    assert set(tx.customer_id) <= set(survey.customer_id)
    assert tx.date.min() >= pd.Timestamp("2025-01-01") and tx.date.max() <= pd.Timestamp(
        "2025-12-31"
    )
    counts = tx.groupby("customer_id").size().reindex(survey.customer_id, fill_value=0)
    intention = survey[["li1", "li2", "li3"]].mean(axis=1)
    rho = stats.spearmanr(intention, counts.to_numpy(), nan_policy="omit").statistic
    assert 0.15 < rho < 0.40
    assert 0.05 < (counts == 0).mean() < 0.25


def test_all_four_dick_basu_cells_are_present():
    cells = cx.datasets.resource("retail_omnichannel")["simulation"]["dick_basu_cells"]
    assert sum(cells.values()) == 2000
    assert min(cells["latent loyalty"], cells["spurious loyalty"]) > 0.15 * 2000
    assert np.isclose(cells["true loyalty"] / 2000, 0.31, atol=0.04)


def test_reverse_item_is_reverse_keyed(survey):
    assert survey["li4r"].corr(survey["li1"]) < -0.3
    cb = cx.datasets.codebook("retail_omnichannel").set_index("name")
    assert cb.index[cb.reverse].tolist() == ["li4r"]
