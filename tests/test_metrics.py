"""cx.metrics against hand-computed values and independent implementations."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

import cxlab as cx
from cxlab.errors import DataError

Z95 = stats.norm.ppf(0.975)  # 1.959964


def test_nps_wald_hand_computed():
    # p = 200/400 = .5, d = 80/400 = .2, NPS = 30
    # Var = [.5 + .2 - (.5 - .2)^2] / 400 = .61 / 400 = .001525; SE = 3.9051 points
    # CI = 30 ± 1.959964 * 3.9051 = 30 ± 7.654 -> [22.35, 37.65]
    row = cx.metrics.nps_from_counts(200, 120, 80, ci="wald").iloc[0]
    assert row["nps"] == pytest.approx(30.0)
    assert row["se"] == pytest.approx(3.9051, abs=1e-4)
    assert row["ci_low"] == pytest.approx(22.35, abs=0.01)
    assert row["ci_high"] == pytest.approx(37.65, abs=0.01)
    assert (row["promoters"], row["passives"], row["detractors"]) == (50.0, 30.0, 20.0)


def test_nps_from_scores_equals_counts():
    scores = np.repeat([10, 9, 8, 7, 6, 0], [120, 80, 60, 60, 40, 40])
    a = cx.metrics.nps(scores)
    b = cx.metrics.nps_from_counts(200, 120, 80)
    pd.testing.assert_frame_equal(a, b)


def test_adjusted_wald_hand_computed():
    # Rocks (2016): n' = 403, p' = 200.75/403 = .498139, d' = 80.75/403 = .200372
    # p' - d' = .297767; Var = (.698511 - .088665) / 403 = .00151327; SE = 3.8901
    # CI = 29.7767 ± 1.959964 * 3.8901 = 29.7767 ± 7.6245 -> [22.15, 37.40]
    row = cx.metrics.nps_from_counts(200, 120, 80, ci="adjusted-wald").iloc[0]
    assert row["nps"] == pytest.approx(30.0)  # the point estimate stays the raw NPS
    assert row["ci_low"] == pytest.approx(22.152, abs=0.002)
    assert row["ci_high"] == pytest.approx(37.401, abs=0.002)


def test_adjusted_wald_small_sample_is_wider_than_zero():
    # 5 promoters out of 5: Wald gives a zero-width interval, adjusted-Wald does not
    wald = cx.metrics.nps([10] * 5, ci="wald").iloc[0]
    adj = cx.metrics.nps([10] * 5, ci="adjusted-wald").iloc[0]
    assert wald["ci_low"] == wald["ci_high"] == 100
    assert adj["ci_low"] < 80


def test_bootstrap_deterministic_and_close_to_wald():
    rng = np.random.default_rng(7)
    scores = rng.integers(0, 11, size=3000)
    a = cx.metrics.nps(scores, ci="bootstrap", seed=1)
    b = cx.metrics.nps(scores, ci="bootstrap", seed=1)
    c = cx.metrics.nps(scores, ci="bootstrap", seed=2)
    pd.testing.assert_frame_equal(a, b)
    assert a["ci_low"].iloc[0] != c["ci_low"].iloc[0]
    wald = cx.metrics.nps(scores)
    assert abs(a["ci_low"].iloc[0] - wald["ci_low"].iloc[0]) < 1.5
    assert abs(a["ci_high"].iloc[0] - wald["ci_high"].iloc[0]) < 1.5


def test_sample_size_hand_computed():
    # n = 1.959964^2 * 100^2 * .61 / 5^2 = 937.3 -> 938; worst case Var = 1 -> 1536.6 -> 1537
    assert cx.metrics.nps_sample_size(5, promoters=0.5, detractors=0.2) == 938
    assert cx.metrics.nps_sample_size(5) == 1537
    # and the interval at that n is within the margin
    n = cx.metrics.nps_sample_size(3)
    half = Z95 * 100 * np.sqrt(1 / n)
    assert half <= 3 < Z95 * 100 * np.sqrt(1 / (n - 1))


def test_csat_wilson_by_formula():
    # Wilson (1927): centre = (x + z^2/2) / (n + z^2), half = z sqrt(n p q + z^2/4) / (n + z^2)
    scores = [5, 4, 4, 3, 2, 5, 5, 1, 4, 4]  # 7 of 10 in the top two boxes
    x, n, z = 7, 10, Z95
    centre = (x + z**2 / 2) / (n + z**2)
    half = z * np.sqrt(n * 0.7 * 0.3 + z**2 / 4) / (n + z**2)
    row = cx.metrics.csat(scores).iloc[0]
    assert row["csat"] == pytest.approx(70.0)
    assert row["ci_low"] == pytest.approx(100 * (centre - half), abs=1e-9)
    assert row["ci_high"] == pytest.approx(100 * (centre + half), abs=1e-9)


def test_ces_matches_scipy_t_interval():
    x = [6, 7, 5, 6, 4, 7, 6, 3, 5, 6]
    ci = stats.ttest_1samp(x, 0).confidence_interval(0.95)
    row = cx.metrics.ces(x).iloc[0]
    assert row["ci_low"] == pytest.approx(ci.low) and row["ci_high"] == pytest.approx(ci.high)


def test_compare_nps_z_hand_computed():
    # a: 60 promoters, 20 passives, 20 detractors (n 100) -> NPS 40, Var1 = .8 - .16 = .64
    # b: 30 promoters, 30 passives, 40 detractors (n 100) -> NPS -10, Var1 = .7 - .01 = .69
    # diff = -50, SE = 100 sqrt(.64/100 + .69/100) = 11.5326, z = -4.3355
    df = pd.DataFrame(
        {
            "store": ["a"] * 100 + ["b"] * 100,
            "s": [10] * 60 + [7] * 20 + [0] * 20 + [9] * 30 + [8] * 30 + [5] * 40,
        }
    )
    res = cx.metrics.compare(df, "nps", by="store", score="s", ci="wald")
    row = res.differences.iloc[0]
    assert row["difference"] == pytest.approx(-50.0)
    assert row["se"] == pytest.approx(11.5326, abs=1e-4)
    assert row["statistic"] == pytest.approx(-4.3355, abs=1e-4)
    assert row["pvalue"] == pytest.approx(2 * stats.norm.sf(4.3355), rel=1e-3)
    # overall chi-square of the 2 x 3 table equals scipy's
    table = np.array([[20, 20, 60], [40, 30, 30]])
    assert res.overall["statistic"] == pytest.approx(stats.chi2_contingency(table)[0])
    assert "−" in res.summary()


def test_compare_ces_is_welch():
    rng = np.random.default_rng(3)
    df = pd.DataFrame(
        {"g": ["x"] * 40 + ["y"] * 60, "s": np.r_[rng.integers(3, 8, 40), rng.integers(1, 6, 60)]}
    )
    res = cx.metrics.compare(df, "ces", by="g", score="s")
    welch = stats.ttest_ind(df.s[df.g == "y"], df.s[df.g == "x"], equal_var=False)
    assert res.differences["statistic"].iloc[0] == pytest.approx(welch.statistic)
    assert res.differences["pvalue"].iloc[0] == pytest.approx(welch.pvalue)


@pytest.mark.parametrize("bad", [[1, 2, 11], [3, 4.5, 6], ["x", 5, 6]])
def test_bad_scores_are_named(bad):
    with pytest.raises(
        DataError, match=r"0 to 10.*index \[2\]|0 to 10.*index \[1\]|0 to 10.*index \[0\]"
    ):
        cx.metrics.nps(bad)


def test_missing_answers_are_dropped_and_counted():
    row = cx.metrics.nps([10, np.nan, 0, None]).iloc[0]
    assert row["n"] == 2 and row["n_missing"] == 2 and row["nps"] == 0


def test_empty_and_bad_options():
    with pytest.raises(DataError, match="no valid answers"):
        cx.metrics.nps([np.nan, np.nan])
    with pytest.raises(DataError, match="ci must be"):
        cx.metrics.nps([10, 9], ci="exact")
    with pytest.raises(DataError, match="no column 'nope'"):
        cx.metrics.compare(pd.DataFrame({"a": [1]}), "nps", by="nope", score="a")


@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(0, 10), min_size=1, max_size=300))
def test_nps_properties(scores):
    row = cx.metrics.nps(scores).iloc[0]
    assert -100 <= row["nps"] <= 100
    assert row["promoters"] + row["passives"] + row["detractors"] == pytest.approx(100)
    assert row["ci_low"] <= row["nps"] <= row["ci_high"]


def _network(seed: int = 11, units: int = 20, weeks: int = 104, drop_from: int = 80):
    """Weekly answers of `units` stores; store U07 loses 25 NPS points from `drop_from`."""
    rng = np.random.default_rng(seed)
    rows = []
    for u in range(units):
        n_week = rng.integers(20, 60)
        for w in range(weeks):
            p, d = 0.5, 0.2
            if u == 7 and w >= drop_from:
                p, d = 0.375, 0.325  # NPS 30 -> 5
            cat = rng.choice([10, 8, 3], size=n_week, p=[p, 1 - p - d, d])
            rows.append(pd.DataFrame({"unit": f"U{u:02d}", "week": w, "s": cat}))
    return pd.concat(rows, ignore_index=True)


def test_track_finds_the_real_drop_and_few_false_alarms():
    df = _network()
    hits = {}
    for method in ("p-chart", "ewma"):
        tracked = cx.metrics.track(
            df, "nps", score="s", time="week", unit="unit", method=method, baseline=52
        )
        found = cx.metrics.alerts(tracked)
        drop = found[(found["unit"] == "U07") & (found["period"] >= 80)]
        others = found[found["unit"] != "U07"]
        # three-sigma limits: about 0.15 % of in-control points fall below the LCL
        assert len(others) <= 0.01 * 19 * 104, method
        assert len(drop) >= 1 and "U07" in drop["message"].iloc[0], method
        hits[method] = len(drop)
    # a persistent 25-point shift is ~1.5 weekly SEs: the Shewhart chart catches a few
    # weeks, the EWMA chart (built for small persistent shifts) most of the 24
    assert hits["ewma"] >= 12
    assert hits["ewma"] > hits["p-chart"]


def test_track_limits_widen_with_small_n():
    df = pd.DataFrame(
        {"week": [1] * 100 + [2] * 100 + [3] * 10, "s": ([10, 9, 7, 3, 10] * 40) + [10] * 10}
    )
    tracked = cx.metrics.track(df, "nps", "s", "week", baseline=2)
    width = tracked["ucl"] - tracked["lcl"]
    assert width.iloc[2] == pytest.approx(width.iloc[0] * np.sqrt(10), rel=1e-9)


def test_alerts_min_periods_keeps_only_long_runs():
    signal = ["", "low", "", "low", "low", "low", "", "high"]
    tracked = pd.DataFrame(
        {
            "unit": "A",
            "period": range(8),
            "n": 30,
            "value": 0.0,
            "centre": 0.0,
            "lcl": -1.0,
            "ucl": 1.0,
            "statistic": 0.0,
            "signal": signal,
        }
    )
    assert cx.metrics.alerts(tracked)["period"].tolist() == [1, 3, 4, 5]
    assert cx.metrics.alerts(tracked, min_periods=3)["period"].tolist() == [3, 4, 5]
    assert cx.metrics.alerts(tracked, direction="both")["period"].tolist() == [1, 3, 4, 5, 7]


# --- one convention for results (cxlab 0.2) --------------------------------------------


def test_comparison_old_p_value_names_still_work_with_a_warning():
    df = pd.DataFrame({"g": ["a"] * 40 + ["b"] * 40, "s": [5, 4, 4, 2] * 10 + [5, 3, 2, 2] * 10})
    res = cx.metrics.compare(df, "csat", by="g", score="s")
    with pytest.warns(DeprecationWarning, match="'pvalue'"):
        old = res.differences["p_value"]
    assert old.iloc[0] == res.differences["pvalue"].iloc[0]
    with pytest.warns(DeprecationWarning, match="pvalue"):
        assert res.overall["p_value"] == res.overall["pvalue"]
    assert res.to_frame() is res.groups
    assert "<table" in res._repr_html_()
    assert res.plot().get_xlabel() == "csat"


def test_bootstrap_needs_a_seed_and_data_may_be_a_survey():
    from cxlab.survey import Survey

    scores = np.repeat([10, 8, 3], [20, 12, 8])
    with pytest.raises(DataError, match="seed="):
        cx.metrics.nps(scores, ci="bootstrap")
    df = pd.DataFrame({"g": ["a"] * 40 + ["b"] * 40, "s": [10, 9, 9, 3] * 10 + [10, 2, 3, 8] * 10})
    with pytest.raises(DataError, match="seed="):
        cx.metrics.compare(df, "nps", by="g", score="s", ci="bootstrap")
    boot = cx.metrics.compare(df, "nps", by="g", score="s", ci="bootstrap", seed=1)
    assert boot.groups["method"].eq("bootstrap").all()
    same = cx.metrics.compare(Survey(df), "nps", by="g", score="s")
    pd.testing.assert_frame_equal(same.groups, cx.metrics.compare(df, "nps", "g", "s").groups)
