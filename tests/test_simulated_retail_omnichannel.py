"""retail_omnichannel + retail_transactions: regenerate byte for byte; documented truth holds."""

from __future__ import annotations

import importlib.util
import io

import numpy as np
import pandas as pd
import pytest
import semopy
import statsmodels.api as sm
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


# --- loyalty-programme membership: self-selected, no effect (issue 22) -------------------


@pytest.fixture(scope="module")
def truth(script, survey):
    truth = script.build_with_truth()[3]
    assert truth["customer_id"].tolist() == survey["customer_id"].tolist()
    return truth.assign(member=survey["member"].to_numpy())


@pytest.fixture(scope="module")
def spend(survey, tx):
    per = tx.groupby("customer_id")["amount"].agg(["sum", "size"])
    per = per.reindex(survey["customer_id"], fill_value=0)
    return pd.DataFrame({"spend": per["sum"].to_numpy(), "purchases": per["size"].to_numpy()})


def test_membership_share_and_model_are_as_documented(survey, truth):
    sim = cx.datasets.resource("retail_omnichannel")["simulation"]["membership"]
    assert survey["member"].notna().all() and survey["member"].dtype == "boolean"
    assert sim["realised_share"] == pytest.approx(survey["member"].mean())
    assert 0.50 < survey["member"].mean() < 0.60  # near the old 55 %
    # the true probabilities average to the documented expected share
    assert truth["p_member"].mean() == pytest.approx(sim["expected_share"], abs=0.02)
    # a logistic regression on the true driver B recovers the documented coefficients
    fit = sm.Logit(truth["member"].astype(float), sm.add_constant(truth["behaviour"])).fit(disp=0)
    a, b = fit.params
    se_a, se_b = fit.bse
    assert abs(a - sim["intercept"]) < 3 * se_a and abs(b - sim["slope_on_B"]) < 3 * se_b
    assert sim["effect_of_membership"] == 0 and sim["note_zh"]


def test_members_spend_and_recommend_more_naively(survey, spend):
    member = survey["member"].to_numpy()
    # the naive gap: members spend about twice as much in 2025 ...
    assert spend["spend"][member].mean() > 1.6 * spend["spend"][~member].mean()
    assert spend["purchases"][member].mean() > 1.6 * spend["purchases"][~member].mean()
    # ... and their NPS is clearly higher
    gap = cx.metrics.compare(survey, "nps", by="member", score="nps").differences.iloc[0]
    assert gap["group"] == True and gap["ci_low"] > 10  # noqa: E712 (numpy bool)
    assert survey.groupby("member")["li1"].mean().diff().iloc[-1] > 0.3
    # the codebook documents the same naive gap
    doc = cx.datasets.resource("retail_omnichannel")["simulation"]["membership"]["naive_gap"]
    nps = cx.metrics.nps(survey["nps"][member]).iloc[0]["nps"]
    assert doc["nps_members"] == pytest.approx(nps, abs=0.05)
    assert doc["nps_members"] - doc["nps_non_members"] == pytest.approx(gap["difference"], abs=0.1)
    assert doc["spend_2025_members"] == pytest.approx(spend["spend"][member].mean(), abs=0.01)
    assert doc["spend_2025_non_members"] == pytest.approx(spend["spend"][~member].mean(), abs=0.01)


def test_given_the_true_driver_membership_makes_no_difference(survey, spend, truth):
    member = truth["member"].astype(float).to_numpy()
    b = truth["behaviour"].to_numpy()
    x = sm.add_constant(np.column_stack([b, member]))
    naive_x = sm.add_constant(member)
    outcomes = {
        "log purchases": np.log1p(spend["purchases"].to_numpy()),
        "nps": survey["nps"].to_numpy(float),
    }
    for name, y in outcomes.items():
        naive = sm.OLS(y, naive_x).fit()
        adjusted = sm.OLS(y, x).fit()
        assert naive.params[1] > 4 * naive.bse[1], name  # a clear naive gap ...
        low, high = adjusted.conf_int()[2]
        assert low < 0 < high, name  # ... that vanishes given B
        assert abs(adjusted.params[2]) < abs(naive.params[1]) / 5, name
    # the same by strata: within fifths of B, members and non-members buy alike
    fifth = pd.qcut(b, 5, labels=False)
    y = outcomes["log purchases"]
    within = [
        y[(fifth == k) & (member == 1)].mean() - y[(fifth == k) & (member == 0)].mean()
        for k in range(5)
    ]
    overall = y[member == 1].mean() - y[member == 0].mean()
    assert max(abs(d) for d in within) < overall / 3


def test_membership_is_drawn_without_the_attitudes_given_b(truth):
    # member depends on B only: given B, it is unrelated to the loyalty intention LI
    x = sm.add_constant(truth[["behaviour", "LI"]])
    fit = sm.Logit(truth["member"].astype(float), x).fit(disp=0)
    low, high = fit.conf_int().loc["LI"]
    assert low < 0 < high
