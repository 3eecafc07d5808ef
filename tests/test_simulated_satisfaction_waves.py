"""satisfaction_waves: regenerates byte for byte; the drop-out is monotone and missing at
random as documented; cx.sem.growth with FIML recovers the true growth model within the
tolerances the script states (3.5 sampling SDs at n = 800, measured by simulation), while
listwise deletion overstates the wave-1 level."""

from __future__ import annotations

import importlib.util
import io

import numpy as np
import pandas as pd
import pytest

import cxlab as cx

SAT = [f"sat{t}" for t in range(1, 5)]
PROBLEM = [f"problem{t}" for t in range(1, 5)]


@pytest.fixture(scope="module")
def script(root):
    spec = importlib.util.spec_from_file_location(
        "satisfaction_waves_script", root / "datasets/make/satisfaction_waves.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def data() -> pd.DataFrame:
    return cx.datasets.load("satisfaction_waves")


@pytest.fixture(scope="module")
def sim() -> dict:
    return cx.datasets.resource("satisfaction_waves")["simulation"]


def estimates(fit: cx.sem.SEMFit) -> pd.Series:
    """Free parameters as 'lhs op rhs' (intercepts as 'i ~1') → estimate."""
    est = fit.estimates()
    est = est[est["se"].notna()]
    keys = est["lhs"] + " " + est["op"] + (" " + est["rhs"]).where(est["rhs"] != "", "")
    return pd.Series(est["est"].to_numpy(), index=keys.to_numpy())


@pytest.fixture(scope="module")
def fiml(data, sim) -> pd.Series:
    fit = cx.sem.growth(sim["model"], data, missing="fiml")
    assert fit.converged and fit.admissible
    return estimates(fit)


def test_regenerates_byte_for_byte(script, root):
    buffer = io.StringIO()
    script.build().to_csv(buffer, index=False, lineterminator="\n")
    assert (
        buffer.getvalue().encode("utf-8") == (root / "datasets/satisfaction_waves.csv").read_bytes()
    )


def test_seed_matters(script):
    a, b = script.build(seed=1), script.build(seed=2)
    assert not a.equals(b)
    pd.testing.assert_frame_equal(script.build(seed=1), a)


def test_the_catalogue_records_the_script_truth(script, sim):
    assert sim["seed"] == script.SEED
    assert sim["truth"] == script.TRUTH
    assert sim["tolerance"] == script.TOLERANCE
    assert sim["model"] == script.MODEL
    assert set(sim["tolerance"]) == set(sim["truth"]) == set(sim["index_population"])


def test_shape_scales_and_covariates(data):
    assert data.shape == (800, 10)
    assert data["customer_id"].is_unique
    assert set(data["member"]) == {0, 1}
    assert data[PROBLEM].notna().all().all() and set(np.unique(data[PROBLEM])) == {0, 1}
    answers = pd.Series(data[SAT].to_numpy().ravel()).dropna()
    assert answers.between(1, 7).all()
    # the mean of three 7-point items, rounded to 2 decimals: k/3 for an integer k
    assert np.allclose(answers * 3, np.round(answers * 3), atol=0.02)
    assert not np.allclose(answers, np.round(answers))


def test_dropout_is_monotone_and_depends_on_earlier_satisfaction(data):
    answered = data[SAT].notna()
    assert answered["sat1"].all()
    for t in range(1, 4):  # once a customer stops answering, she stays out
        assert not (answered.iloc[:, t] & ~answered.iloc[:, t - 1]).any()
    shares = answered.mean()
    assert shares["sat2"] == pytest.approx(0.86, abs=0.04)
    assert shares["sat4"] == pytest.approx(0.65, abs=0.05)
    for t in range(2, 5):  # MAR: who leaves was less satisfied at the wave before
        before = data[f"sat{t - 1}"]
        stayed = before[answered[f"sat{t - 1}"] & answered[f"sat{t}"]]
        left = before[answered[f"sat{t - 1}"] & ~answered[f"sat{t}"]]
        assert stayed.mean() - left.mean() > 0.4, t


def test_population_values_are_the_generating_values_up_to_rounding(sim):
    truth = pd.Series(sim["truth"])
    pop = pd.Series(sim["index_population"])[truth.index]
    residual = truth.index.str.match(r"sat\d ~~")
    assert (pop[~residual] - truth[~residual]).abs().max() < 0.016
    # the index adds item noise and rounding to the residual variance; the ceiling at 7
    # takes a little away
    assert sim["index_residual_variance"] == pytest.approx(0.25 + (0.25 + 1 / 12) / 3, abs=1e-4)
    off = (pop[residual] - sim["index_residual_variance"]).abs()
    assert off.max() < 0.016 and (pop[residual] < sim["index_residual_variance"]).all()


def test_fiml_recovers_the_truth_within_the_stated_tolerance(fiml, sim):
    pop, tolerance = pd.Series(sim["index_population"]), pd.Series(sim["tolerance"])
    assert set(fiml.index) == set(pop.index)
    off = (fiml - pop[fiml.index]).abs()
    too_far = off[off > tolerance[off.index]]
    assert too_far.empty, too_far.round(3).to_dict()


def test_the_story_of_the_truth_shows_in_the_fit(fiml):
    # non-members decline, members improve; a service problem costs about half a point
    assert fiml["s ~1"] < 0 < fiml["s ~1"] + fiml["s ~ member"]
    assert fiml["s ~ member"] > 0.05 and fiml["i ~ member"] > 0.1
    problems = fiml[[f"sat{t} ~ problem{t}" for t in range(1, 5)]]
    assert problems.between(-0.7, -0.3).all()


def test_listwise_deletion_overstates_the_starting_level(data, sim, fiml):
    listwise_fit = cx.sem.growth(sim["model"], data)
    listwise = estimates(listwise_fit)
    assert listwise_fit.fit_indices()["n"] == data[SAT].notna().all(axis=1).sum() < 600
    truth = sim["index_population"]["i ~1"]
    # the customers who stay are the more satisfied: complete cases start 0.1+ higher
    assert listwise["i ~1"] - truth > 0.1
    assert abs(fiml["i ~1"] - truth) < (listwise["i ~1"] - truth) / 2
    assert listwise["i ~1"] - truth > sim["tolerance"]["i ~1"]
