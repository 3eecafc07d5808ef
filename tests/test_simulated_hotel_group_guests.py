"""hotel_group_guests: regenerates byte for byte, and the documented truth is in the data
(the hotel-group case: CRM, CXM or CEM).

- tiers are earned by past stays (the codebook's rule), so tier, channel and app use are
  self-selected: their raw revisit gaps are far larger than the simulated effects;
- a problem lowers revisit; a fast recovery restores part of it, not all;
- review stars follow the experience; the codebook and the recorded truth agree with the
  script.
"""

from __future__ import annotations

import importlib.util
import io

import numpy as np
import pandas as pd
import pytest

import cxlab as cx

NAME = "hotel_group_guests"


@pytest.fixture(scope="module")
def script(root):
    spec = importlib.util.spec_from_file_location(
        f"{NAME}_script", root / f"datasets/make/{NAME}.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def df() -> pd.DataFrame:
    return cx.datasets.load(NAME)


@pytest.fixture(scope="module")
def truth() -> dict:
    return cx.datasets.resource(NAME)["simulation"]


def _revisit_gap(data: pd.DataFrame, by: str, group: object, reference: object):
    res = cx.metrics.compare(
        data, "csat", by=by, score="revisit_12m", scale=(0, 1), top=1, reference=reference
    )
    return res.differences.set_index("group").loc[group]


def test_regenerates_byte_for_byte(script, root):
    buffer = io.StringIO()
    script.build().to_csv(buffer, index=False, lineterminator="\n")
    assert buffer.getvalue().encode("utf-8") == (root / f"datasets/{NAME}.csv").read_bytes()


def test_seed_matters(script):
    a = script.build(seed=1)
    assert not a.equals(script.build(seed=2))
    pd.testing.assert_frame_equal(script.build(seed=1), a)


def test_shape_columns_and_codebook(df, root):
    assert df.shape == (5000, 29)
    assert df["guest_id"].tolist() == list(range(1, 5001))
    assert set(df["segment"]) == {"business", "leisure", "family"}
    assert set(df["channel"]) == {"OTA", "direct", "corporate"}
    assert set(df["tier"]) == {"basic", "silver", "gold", "platinum"}
    assert set(df["city_tier"]) == {1, 2, 3} and df["hotel"].nunique() == 10
    assert pd.to_datetime(df["stay_date"]).dt.year.eq(2024).all()
    book = cx.datasets.codebook(NAME).set_index("name")
    assert list(book.index) == list(df.columns)
    assert book["label_zh"].str.contains(r"[\u4e00-\u9fff]").all()
    scales = {f"rating_{a}": (1, 5) for a in ["room", "cleanliness", "checkin", "breakfast"]}
    scales |= {"rating_staff": (1, 5), "rating_value": (1, 5), "csat": (1, 5), "nps": (0, 10)}
    scales |= {"review_stars": (1, 5)}
    for col, (low, high) in scales.items():
        assert (book.loc[col, "scale_min"], book.loc[col, "scale_max"]) == (low, high), col
        assert df[col].dropna().between(low, high).all(), col
    assert book.loc["csat", "construct_zh"] == "客户满意度"
    assert book.loc["nps", "construct_zh"] == "净推荐值"
    for tier in ("普通", "银卡", "金卡", "白金"):
        assert tier in book.loc["tier", "label_zh"]
    assert (root / f"datasets/{NAME}.csv").stat().st_size < 2_000_000


def test_tiers_are_earned_by_past_stays(df):
    tier = pd.cut(
        df["past_stays"], [-1, 1, 4, 9, 10_000], labels=["basic", "silver", "gold", "platinum"]
    )
    assert (tier.astype(str) == df["tier"]).all()
    assert (df.loc[df["past_stays"] == 0, "points"] == 0).all()
    medians = df.groupby("tier")["points"].median()
    assert medians["basic"] < medians["silver"] < medians["gold"] < medians["platinum"]
    # corporate bookings are business trips only
    assert set(df.loc[df["channel"] == "corporate", "segment"]) == {"business"}


def test_problem_complaint_and_recovery_fields_agree(df):
    problem = df["problem"] == 1
    assert df.loc[~problem, ["problem_type", "recovery"]].isna().all().all()
    assert (df.loc[~problem, "complained"] == 0).all()
    assert set(df.loc[problem, "recovery"]) == {"fast", "slow", "none"}
    hours = df["recovery_hours"]
    assert hours[df["recovery"] == "fast"].between(0, 2).all()
    assert hours[df["recovery"] == "slow"].between(3, 48).all()
    assert hours[~df["recovery"].isin(["fast", "slow"])].isna().all()
    # recovery mostly follows a complaint
    rec = df[problem].groupby("complained")["recovery"].apply(lambda s: (s != "none").mean())
    assert rec[1] > 0.6 > 0.2 > rec[0]


def test_a_problem_lowers_revisit_and_a_fast_recovery_restores_part(df, truth):
    pop = truth["population"]
    gap = _revisit_gap(df, "problem", 0, 1)
    assert gap["ci_low"] > 0
    assert gap["ci_low"] <= pop["naive gap: no problem minus problem (pp)"] <= gap["ci_high"]
    problems = df[df["problem"] == 1]
    fast = _revisit_gap(problems, "recovery", "fast", "none")
    assert fast["ci_low"] > 0
    effect = pop["effect of a fast recovery vs none, given a problem (pp)"]
    assert fast["ci_low"] <= effect <= fast["ci_high"]
    # part, not all: after a fast recovery guests still come back less than without a problem
    rates = df.groupby(df["recovery"].fillna("no problem"))["revisit_12m"].mean()
    assert rates["none"] < rates["fast"] < rates["no problem"]
    assert 0 < pop["share of the problem's cost a fast recovery restores (%)"] < 100
    assert pop["effect of a problem, fast recovery (pp)"] < 0
    assert truth["revisit_logit"]["fast"] < -truth["revisit_logit"]["problem"]


def test_self_selection_tiers_channels_and_the_app(df, truth):
    pop = truth["population"]
    noncorp = df[df["channel"] != "corporate"]
    raw = _revisit_gap(noncorp, "channel", "direct", "OTA")
    true_effect = pop["effect of booking direct instead of OTA, non-corporate guests (pp)"]
    assert raw["ci_low"] > true_effect  # the raw gap's interval misses the channel's effect
    rates = noncorp.pivot_table(index="tier", columns="channel", values="revisit_12m")
    weights = noncorp["tier"].value_counts(normalize=True)
    within = 100 * ((rates["direct"] - rates["OTA"]) * weights).sum()
    assert true_effect < within < raw["difference"]
    app = _revisit_gap(df, "app_user", 1, 0)
    assert truth["revisit_logit"]["app"] == 0 and pop["effect of the app (pp)"] == 0
    assert app["ci_low"] > 5  # app users come back more, though the app does nothing
    tiers = df.groupby("tier")["revisit_12m"].mean()
    assert tiers["basic"] < tiers["silver"] < tiers["gold"] < tiers["platinum"]
    naive = pop["naive gap: platinum minus basic (pp)"]
    assert naive > 10 * pop["effect of platinum instead of basic benefits (pp)"]
    # the app is used by those with the most history, not at random
    order = ["basic", "silver", "gold", "platinum"]
    assert df.groupby("tier")["app_user"].mean()[order].is_monotonic_increasing


def test_stars_follow_the_experience_and_reviews_are_bilingual(df):
    reviews = df.dropna(subset=["review_text"])
    assert 0.25 < len(reviews) / len(df) < 0.45
    assert reviews["review_stars"].notna().all()
    assert df.loc[df["review_text"].isna(), "review_stars"].isna().all()
    zh = reviews["review_text"].str.contains(r"[\u4e00-\u9fff]")
    assert (zh == (reviews["review_lang"] == "zh")).all()
    assert 0.75 < zh.mean() < 0.95
    rho = (
        reviews["review_stars"].astype(float).corr(reviews["csat"].astype(float), method="spearman")
    )
    assert rho > 0.6
    by_problem = reviews.groupby("problem")["review_stars"].mean()
    assert by_problem[0] - by_problem[1] > 0.5
    # OTA bookers review more often (the OTA site asks them)
    share = df["review_text"].notna().groupby(df["channel"]).mean()
    assert share["OTA"] > share["direct"]


def test_staff_and_cleanliness_drive_satisfaction(df, truth):
    ratings = [c for c in df.columns if c.startswith("rating_")]
    rw = cx.drivers.relative_weights(df, "csat", ratings, B=0)
    assert list(rw.table.index[:2]) == ["rating_staff", "rating_cleanliness"]
    weights = truth["satisfaction_weights"]
    assert max(weights, key=weights.get) == "staff"
    pct = truth["relative_weights_truth_pct"]
    assert max(pct, key=pct.get) == "staff"
    assert np.isclose(sum(pct.values()), 100, atol=0.5)


def test_codebook_records_the_truth(truth, script):
    assert truth["seed"] == script.SEED and truth["script"] == f"datasets/make/{NAME}.py"
    assert truth["guests"] == 5000
    assert "fictional" in truth["group"]
    assert truth["tiers"] == {"basic": "普通", "silver": "银卡", "gold": "金卡", "platinum": "白金"}
    assert truth["revisit_logit"] == script.REVISIT
    assert truth["satisfaction_weights"] == script.WEIGHTS
    assert "no recovery paradox" in truth["revisit_note"]
    assert cx.datasets.resource(NAME)["licenses"][0]["name"] == "GPL-3.0-or-later"
