"""airline_mot: regenerates byte for byte, and the documented truth is in the data."""

from __future__ import annotations

import importlib.util
import io

import numpy as np
import pandas as pd
import pytest

import cxlab as cx

SIX = ["mot_booking", "mot_checkin", "mot_boarding", "mot_crew", "mot_meal", "mot_arrival"]
SCALES = {**dict.fromkeys([*SIX, "mot_complaint"], (1, 5)), "sat_overall": (1, 7)}
SCALES |= {"nps_score": (0, 10), "ces": (1, 7)}


@pytest.fixture(scope="module")
def script(root):
    spec = importlib.util.spec_from_file_location(
        "airline_mot_script", root / "datasets/make/airline_mot.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def df():
    return cx.datasets.load("airline_mot")


def _standardized_ols(frame: pd.DataFrame, predictors: list[str]) -> pd.Series:
    """Standardized coefficients of sat_overall regressed on *predictors*."""
    x = frame[predictors].astype(float)
    x = (x - x.mean()) / x.std()
    y = frame["sat_overall"].astype(float)
    y = (y - y.mean()) / y.std()
    design = np.column_stack([np.ones(len(x)), x.to_numpy()])
    beta = np.linalg.lstsq(design, y.to_numpy(), rcond=None)[0][1:]
    return pd.Series(beta, index=predictors).sort_values(ascending=False)


def test_regenerates_byte_for_byte(script, root):
    buffer = io.StringIO()
    script.build().to_csv(buffer, index=False, lineterminator="\n")
    assert buffer.getvalue().encode("utf-8") == (root / "datasets/airline_mot.csv").read_bytes()


def test_seed_matters(script):
    a, b = script.build(seed=1), script.build(seed=2)
    assert not a.equals(b)
    pd.testing.assert_frame_equal(script.build(seed=1), a)


def test_shape_groups_and_scales(df):
    assert len(df) == 1000 and df["passenger_id"].is_unique
    cabin = df["cabin"].value_counts(normalize=True)
    assert cabin["economy"] == pytest.approx(0.70, abs=0.04)
    assert cabin["premium economy"] == pytest.approx(0.15, abs=0.03)
    assert cabin["business"] == pytest.approx(0.15, abs=0.03)
    assert set(df["route_type"]) == {"domestic", "international"}
    assert set(df["loyalty_tier"]) == {"none", "silver", "gold"}
    codebook = cx.datasets.codebook("airline_mot").set_index("name")
    for col, (low, high) in SCALES.items():
        values = df[col].dropna()
        assert values.between(low, high).all(), col
        assert (codebook.loc[col, "scale_min"], codebook.loc[col, "scale_max"]) == (low, high)
        assert codebook.loc[col, "construct"], col
    # realistic: skewed to the top, but not all top answers
    for col in SIX:
        assert df[col].nunique() == 5 and df[col].value_counts(normalize=True).max() < 0.6, col


def test_complaint_asked_only_after_a_problem(df):
    assert (df["mot_complaint"].isna() == ~df["had_problem"]).all()
    assert df["had_problem"].mean() == pytest.approx(0.18, abs=0.03)


def test_key_driver_order_is_recovered(df):
    beta = _standardized_ols(df[~df["had_problem"]], SIX)
    assert beta.index[0] == "mot_crew"
    assert set(beta.index[-2:]) == {"mot_meal", "mot_booking"}
    # with a problem, complaint handling is the strongest driver
    with_problem = df[df["had_problem"]]
    assert _standardized_ols(with_problem, [*SIX, "mot_complaint"]).index[0] == "mot_complaint"
    weights = cx.datasets.resource("airline_mot")["simulation"]["true_weights"]
    ranked = sorted(weights, key=weights.get, reverse=True)
    assert ranked[:2] == ["complaint", "crew"] and set(ranked[-2:]) == {"meal", "booking"}


def test_importance_performance_quadrants(df):
    means = df[[*SIX, "mot_complaint"]].mean()
    assert means.idxmin() == "mot_meal"  # lowest performance (and low importance)
    assert means["mot_complaint"] < means[["mot_checkin", "mot_boarding", "mot_arrival"]].min()
    top_two = set(means.sort_values().index[-2:])
    assert top_two == {"mot_booking", "mot_crew"}  # high performance


def test_service_recovery(df):
    problem = df[df["had_problem"]]
    good = problem.loc[problem["mot_complaint"] >= 4, "nps_score"]
    bad = problem.loc[problem["mot_complaint"] <= 2, "nps_score"]
    no_problem = df.loc[~df["had_problem"], "nps_score"]
    assert good.mean() - bad.mean() >= 3
    assert abs(good.mean() - no_problem.mean()) < 1  # a mild recovery paradox at most
    assert (bad <= 6).mean() > 0.6  # mostly detractors
    ces = df.groupby("had_problem")["ces"].mean()
    assert ces[True] < ces[False]  # a problem costs effort


def test_business_cabin_rates_crew_and_meal_higher(df):
    by_cabin = df.groupby("cabin")[["mot_crew", "mot_meal"]].mean()
    assert (by_cabin.loc["business"] > by_cabin.loc["economy"]).all()


def test_nps_and_ces_follow_satisfaction(df):
    r = df[["sat_overall", "nps_score", "ces"]].corr(method="spearman")
    assert r.loc["sat_overall", "nps_score"] > 0.6
    assert r.loc["sat_overall", "ces"] > 0.5


def test_stored_true_importance_is_the_latent_models():
    """The true shares of R² stored with the data (what lesson 11 compares with) are the
    relative weights of the latent model's population correlations, computed here again."""
    sim = cx.datasets.resource("airline_mot")["simulation"]
    six = ["booking", "checkin", "boarding", "crew", "meal", "arrival"]
    rxx = pd.DataFrame(sim["latent_correlations"]).loc[six, six].to_numpy()
    beta = pd.Series(sim["true_weights"])[six].to_numpy()
    r_sat = rxx @ beta / np.sqrt(beta @ rxx @ beta + 0.6**2)
    names = ["sat", *(f"mot_{m}" for m in six)]
    corr = pd.DataFrame(np.eye(7), index=names, columns=names)
    corr.iloc[1:, 1:] = rxx
    corr.iloc[0, 1:] = corr.iloc[1:, 0] = r_sat
    truth = cx.drivers.from_corr(corr, "sat", names[1:]).table["pct"]
    stored = pd.Series(sim["true_importance_pct"])
    assert stored.sum() == pytest.approx(100, abs=1e-4)
    assert (stored.reindex(truth.index) - truth).abs().max() < 1e-5
