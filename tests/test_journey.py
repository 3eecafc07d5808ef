"""cx.journey: funnels with Wilson intervals, peak-day comparison, step conversion by an
event attribute, and the moments-of-truth table.

References: statsmodels' ``proportion_confint(method="wilson")``,
``confint_proportions_2indep(method="newcomb")`` and ``proportions_ztest``, and scipy's
χ² test without continuity correction (R's ``prop.test(correct = FALSE)``), to 1e-12;
journey_events' documented truth (realized checkout → purchase on Black Friday vs
15-22 December, in datapackage.json), to 5e-4 (its rounding).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats
from statsmodels.stats.proportion import (
    confint_proportions_2indep,
    proportion_confint,
    proportions_ztest,
)

import cxlab as cx
from cxlab.errors import DataError

STAGES = ["visit", "browse", "cart", "checkout", "purchase"]
SIX = ["mot_booking", "mot_checkin", "mot_boarding", "mot_crew", "mot_meal", "mot_arrival"]


@pytest.fixture(scope="module")
def events():
    return cx.datasets.load("journey_events")


@pytest.fixture
def tiny():
    """Six sessions: 1-3 buy, 4 stops at the cart, 5-6 only visit."""
    rows = []
    for sid, depth, device in [(1, 3, "app"), (2, 3, "app"), (3, 3, "web")]:
        rows += [(sid, s, device) for s in ["visit", "cart", "buy"][:depth]]
    rows += [(4, "visit", "web"), (4, "cart", "web"), (5, "visit", "web"), (6, "visit", "app")]
    return pd.DataFrame(rows, columns=["session_id", "stage", "device"])


def test_funnel_by_hand(tiny):
    f = cx.journey.funnel(tiny, ["visit", "cart", "buy"])
    assert f["sessions"].tolist() == [6, 4, 3]
    assert f["conversion"].tolist()[1:] == pytest.approx([4 / 6, 3 / 4])
    assert np.isnan(f.loc[0, "conversion"]) and np.isnan(f.loc[0, "ci_low"])
    assert f["overall"].tolist() == pytest.approx([1, 4 / 6, 3 / 6])
    assert f["lost"].tolist()[1:] == [2, 1]
    assert f["previous"].tolist()[1:] == [6, 4]
    low, high = proportion_confint(3, 4, method="wilson")
    assert (f.loc[2, "ci_low"], f.loc[2, "ci_high"]) == pytest.approx((low, high), abs=1e-12)
    low, high = proportion_confint(3, 6, alpha=0.1, method="wilson")
    f90 = cx.journey.funnel(tiny, ["visit", "cart", "buy"], level=0.9)
    assert f90.loc[2, "overall_ci_low"] == pytest.approx(low, abs=1e-12)
    assert f90.loc[2, "overall_ci_high"] == pytest.approx(high, abs=1e-12)


def test_funnel_by_group(tiny):
    f = cx.journey.funnel(tiny, ["visit", "cart", "buy"], by="device")
    app = f[f["device"] == "app"].set_index("stage")
    web = f[f["device"] == "web"].set_index("stage")
    assert app["sessions"].tolist() == [3, 2, 2] and web["sessions"].tolist() == [3, 2, 1]
    assert web.loc["buy", "conversion"] == pytest.approx(0.5)
    assert app.loc["cart", "overall"] == pytest.approx(2 / 3)


def test_sessions_table(tiny):
    s = cx.journey.sessions(tiny, ["visit", "cart", "buy"])
    assert s.index.tolist() == [1, 2, 3, 4, 5, 6]
    assert s["buy"].sum() == 3 and s.loc[4, "device"] == "web"


def test_black_friday_checkout_conversion_is_the_documented_truth(events):
    daily = cx.journey.funnel(events, STAGES, by="date")
    purchase = daily[daily["stage"] == "purchase"].set_index("date")
    bf = purchase.loc[pd.Timestamp("2025-11-28")]
    realized = cx.datasets.resource("journey_events")["simulation"]
    realized = realized["realized_checkout_to_purchase"]
    assert bf["conversion"] == pytest.approx(realized["black_friday"], abs=5e-4)
    assert bf["ci_low"] < bf["conversion"] < bf["ci_high"]
    # clearly below a typical day; a day with few checkouts (13 Dec: 18 of 63) may rank
    # lower by chance, but its interval is wide and reaches a typical day's rate
    typical = purchase["conversion"].median()
    assert bf["ci_high"] < typical - 0.05
    assert purchase["conversion"].idxmin() == pd.Timestamp("2025-12-13")
    assert purchase.loc[pd.Timestamp("2025-12-13"), "ci_high"] > 0.40
    table = cx.journey.compare_days(events, STAGES, "2025-11-28", ("2025-12-15", "2025-12-22"))
    row = table.set_index("step").loc["checkout → purchase"]
    assert row["rate_peak"] == pytest.approx(realized["black_friday"], abs=5e-4)
    assert row["rate_base"] == pytest.approx(realized["2025-12-15_to_2025-12-22"], abs=5e-4)
    assert row["z"] < -3 and row["pvalue"] < 0.001 and row["ci_high"] < 0
    # the drop is at the landing page and the checkout; carts go to the checkout *more*
    steps = table.set_index("step")["diff"]
    assert steps["visit → browse"] < 0 and steps["checkout → purchase"] < 0
    assert steps["browse → cart"] > 0 and steps["cart → checkout"] > 0
    assert table["step"].iloc[-1] == "visit → purchase"


def test_compare_days_matches_statsmodels_and_scipy(events):
    table = cx.journey.compare_days(events, STAGES, ["2025-11-28"])  # baseline: all other days
    for _, row in table.iterrows():
        count = np.array(
            [round(row["rate_peak"] * row["n_peak"]), round(row["rate_base"] * row["n_base"])]
        )
        nobs = np.array([row["n_peak"], row["n_base"]])
        z, p = proportions_ztest(count, nobs)
        assert row["z"] == pytest.approx(z, abs=1e-10)
        assert row["pvalue"] == pytest.approx(p, abs=1e-12)
        low, high = confint_proportions_2indep(
            count[0], nobs[0], count[1], nobs[1], method="newcomb", compare="diff"
        )
        assert (row["ci_low"], row["ci_high"]) == pytest.approx((low, high), abs=1e-12)
        chi2 = stats.chi2_contingency(
            [[count[0], nobs[0] - count[0]], [count[1], nobs[1] - count[1]]], correction=False
        )[0]
        assert row["z"] ** 2 == pytest.approx(chi2, rel=1e-10)
    assert table["n_peak"].iloc[0] + table["n_base"].iloc[0] == events["session_id"].nunique()


def test_peak_periods_and_bad_dates(events):
    week = cx.journey.compare_days(events, STAGES, ("2025-11-27", "2025-12-01"), "2025-11-20")
    assert week["n_base"].iloc[0] < week["n_peak"].iloc[0]
    with pytest.raises(DataError, match="No sessions on the peak"):
        cx.journey.compare_days(events, STAGES, "2024-01-01")
    with pytest.raises(DataError, match=r"ends .* before it starts"):
        cx.journey.compare_days(events, STAGES, ("2025-12-01", "2025-11-01"))
    with pytest.raises(DataError, match="not dates"):
        cx.journey.compare_days(events, STAGES, ["Black Friday"])
    with pytest.raises(DataError, match="date="):
        cx.journey.compare_days(events.drop(columns="date"), STAGES, "2025-11-28")


def test_slow_checkouts_never_convert(events):
    t = cx.journey.step_conversion(
        events, "checkout", "purchase", by="page_load_s", bins=[0, 3, 7, np.inf]
    )
    assert t["conversion"].iloc[-1] == 0 and t["sessions"].iloc[-1] > 50
    assert t["conversion"].iloc[0] > 0.4
    assert t["sessions"].sum() == (events["stage"] == "checkout").sum()
    by_device = cx.journey.step_conversion(events, "visit", "browse", by="device")
    assert set(by_device["device"]) == {"app", "desktop", "mobile"}
    with pytest.raises(DataError, match="outside bins"):
        cx.journey.step_conversion(events, "checkout", "purchase", by="page_load_s", bins=[0, 5])
    with pytest.raises(DataError, match="never occurs"):
        cx.journey.step_conversion(events, "checkout", "refund", by="device")


def test_stages_out_of_order_raise_with_the_suggested_order(events):
    with pytest.raises(DataError, match=r"out of order.*\['visit', 'browse', 'cart'"):
        cx.journey.funnel(events, ["visit", "cart", "browse", "checkout", "purchase"])


def test_skipped_stages_strict_and_lenient(tiny):
    skip = pd.concat([tiny, pd.DataFrame({"session_id": [7], "stage": ["buy"], "device": ["app"]})])
    with pytest.raises(DataError, match="1 sessions reach a stage without the one before"):
        cx.journey.funnel(skip, ["visit", "cart", "buy"])
    f = cx.journey.funnel(skip, ["visit", "cart", "buy"], strict=False)
    assert f["sessions"].tolist() == [7, 5, 4]  # session 7 counts as visit and cart too


def test_bad_funnel_input(events, tiny):
    with pytest.raises(DataError, match="no rows"):
        cx.journey.funnel(events.iloc[:0], STAGES)
    with pytest.raises(DataError, match=r"\['refund'\] never occur.*holds"):
        cx.journey.funnel(events, [*STAGES, "refund"])
    with pytest.raises(DataError, match="listed twice"):
        cx.journey.funnel(events, ["visit", "visit"])
    with pytest.raises(DataError, match="at least two stages"):
        cx.journey.funnel(events, ["visit"])
    with pytest.raises(DataError, match="session="):
        cx.journey.funnel(tiny.rename(columns={"session_id": "sid"}), ["visit", "buy"])
    with pytest.raises(DataError, match="by: no column"):
        cx.journey.funnel(tiny, ["visit", "buy"], by="weekday")
    with pytest.raises(DataError, match="DataFrame"):
        cx.journey.funnel([1, 2], ["visit", "buy"])


def test_mot_impact_airline():
    air = cx.datasets.load("airline_mot")
    t = cx.journey.mot_impact(air, "nps_score", SIX, B=200, seed=1)
    assert t["touchpoint"].iloc[0] == "mot_crew"
    assert t["importance"].sum() == pytest.approx(100)
    assert (t["penalty"] < 0).all()  # a bad experience always costs NPS points
    meal = t.set_index("touchpoint").loc["mot_meal"]
    assert meal["pct_low"] == pytest.approx(100 * (air["mot_meal"] <= 2).mean())
    assert meal["outcome_low"] == pytest.approx(air.loc[air["mot_meal"] <= 2, "nps_score"].mean())
    assert (t["ci_low"] <= t["importance"]).all()
    det = air.assign(detractor=air["nps_score"] <= 6)
    logit = cx.journey.mot_impact(det, "detractor", SIX, method="logistic", B=0)
    assert (logit["penalty"] > 0).all()  # more detractors after a bad experience
    with pytest.raises(DataError, match="method"):
        cx.journey.mot_impact(air, "nps_score", SIX, method="ols")


def test_mot_impact_bootstrap_needs_a_seed():
    air = cx.datasets.load("airline_mot")
    with pytest.raises(cx.errors.DataError, match="seed="):
        cx.journey.mot_impact(air, "nps_score", ["mot_crew", "mot_meal"], B=10)
