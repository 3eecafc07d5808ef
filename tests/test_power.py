"""cx.simulate.power: Monte-Carlo power against the analytic power of the t test, the
fast refit against cx.sem.fit, determinism on any number of cores, indirect effects."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import cxlab as cx
from cxlab._intervals import wilson
from cxlab.errors import DataError, ModelSpecError

MEDIATION = "M ~ 0.3*X\nY ~ 0.3*M + 0.1*X"
HEYWOOD = "F =~ 0.95*a + 0.9*b + 0.4*c\nY ~ 0.3*F"  # a loading near 1: Heywood cases


def analytic_power(n: int, beta: float, critical: float | None = None) -> float:
    """Power of the two-sided t test of a standardized slope in y = βx + e (G*Power's
    noncentral t: df = n − 2, δ = β√n / √(1 − β²))."""
    df = n - 2
    ncp = beta * np.sqrt(n) / np.sqrt(1 - beta**2)
    c = stats.t.ppf(0.975, df) if critical is None else critical
    return float(stats.nct.sf(c, df, ncp) + stats.nct.cdf(-c, df, ncp))


def test_single_path_matches_the_analytic_t_test():
    sizes = [50, 100, 200, 400]
    res = cx.simulate.power(
        "Y ~ 0.2*X", "Y ~ X", n=sizes, reps=2500, seed=2026, test="t", n_jobs=1, progress=False
    )
    table = res.table.set_index("n")
    for n in sizes:
        expected = analytic_power(n, 0.2)
        assert table.loc[n, "power"] == pytest.approx(expected, abs=0.03), n
        assert table.loc[n, "ci_low"] < table.loc[n, "power"] < table.loc[n, "ci_high"]
    assert (table["n_failed"] == 0).all()
    assert table["mean_est"].to_numpy() == pytest.approx(0.2, abs=0.01)
    # the same replications tested as lavaan does (Wald z with the ML SE): that test rejects
    # when |t| > 1.96·√((n − 2)/n), whose power is again a noncentral t probability
    reps = res.replications
    for n in sizes:
        part = reps[reps["n"] == n]
        z_power = float((np.abs(part["est"] / part["se"]) > 1.959964).mean())
        crit = 1.959964 * np.sqrt((n - 2) / n)
        assert z_power == pytest.approx(analytic_power(n, 0.2, crit), abs=0.03), n
    assert res.n_for(0.80) == 200


def test_replications_are_simulate_plus_sem_fit():
    res = cx.simulate.power(MEDIATION, "X -> M -> Y", n=60, reps=10, seed=7, progress=False)
    model = "M ~ a*X\nY ~ b*M + X\nind := a*b"
    for rep in (0, 3):
        sim = cx.simulate.simulate(MEDIATION, n=60, seed=np.random.SeedSequence([7, 60, rep]))
        fit = cx.sem.fit(model, sim.data)
        ind = fit.estimates().set_index("lhs").loc["ind"]
        row = res.replications.iloc[rep]
        assert row["est"] == pytest.approx(ind["est"], abs=1e-7)
        assert row["se"] == pytest.approx(ind["se"], abs=1e-6)
        assert row["reject"] == (ind["pvalue"] < 0.05)


def test_fast_refits_equal_full_sem_fits_including_failures():
    kw = dict(n=[30], reps=15, seed=3, n_jobs=1, progress=False)
    fast = cx.simulate.power(HEYWOOD, "Y ~ F", **kw)
    full = cx.simulate.power(HEYWOOD, "Y ~ F", fast=False, **kw)
    assert fast.table["n_inadmissible"].sum() > 0 and fast.table["n_nonconverged"].sum() > 0
    cols = ["n", "n_used", "n_nonconverged", "n_inadmissible", "power"]
    pd.testing.assert_frame_equal(fast.table[cols], full.table[cols])
    assert fast.table["mean_est"].to_numpy() == pytest.approx(
        full.table["mean_est"].to_numpy(), abs=1e-6
    )
    assert any("inadmissible" in note for note in fast.notes)


def test_same_seed_same_result_on_any_number_of_cores():
    kw = dict(n=[80, 120], reps=40, seed=11, test="montecarlo", mc_draws=500, progress=False)
    one = cx.simulate.power(MEDIATION, "X -> M -> Y", n_jobs=1, **kw)
    two = cx.simulate.power(MEDIATION, "X -> M -> Y", n_jobs=2, **kw)
    pd.testing.assert_frame_equal(one.table, two.table)
    alone = cx.simulate.power(MEDIATION, "X -> M -> Y", n_jobs=1, **{**kw, "n": [120]})
    pd.testing.assert_frame_equal(
        alone.table.reset_index(drop=True), one.table.iloc[[1]].reset_index(drop=True)
    )


def test_defined_parameter_by_name_equals_the_chain():
    kw = dict(n=[100], reps=30, seed=5, n_jobs=1, progress=False)
    chain = cx.simulate.power(MEDIATION, "X -> M -> Y", **kw)
    named = cx.simulate.power(
        MEDIATION, "ind", analysis_model="M ~ a*X\nY ~ b*M + X\nind := a*b", **kw
    )
    pd.testing.assert_frame_equal(chain.table, named.table)
    assert chain.population_value == pytest.approx(0.09)
    assert named.population_value == pytest.approx(0.09)


def test_monte_carlo_ci_is_more_powerful_than_sobel_for_an_indirect_effect():
    kw = dict(n=[100], reps=150, seed=2, n_jobs=1, progress=False)
    sobel = cx.simulate.power(MEDIATION, "X -> M -> Y", test="z", **kw)
    mc = cx.simulate.power(MEDIATION, "X -> M -> Y", test="montecarlo", **kw)
    assert mc.table["power"].iloc[0] > sobel.table["power"].iloc[0]


def test_result_helpers():
    table = pd.DataFrame(
        {"n": [50, 100, 200], "power": [0.4, 0.7, 0.9], "ci_low": [0.3, 0.6, 0.85],
         "ci_high": [0.5, 0.8, 0.95], "n_failed": [0, 0, 0]}
    )  # fmt: skip
    res = cx.simulate.PowerResult(table, "Y ~ X", 0.2, "z", 0.05, 100, 1, "", "")
    assert res.n_for(0.8) == 200
    assert res.n_for(0.8, interpolate=True) == pytest.approx(150.0)
    assert res.n_for(0.99) is None
    assert "Power reaches 0.80 at n = 200." in res.summary()
    fig = res.plot()
    assert fig.axes[0].get_xlabel() == "sample size n"
    low, high = wilson(50, 100)
    assert (low, high) == pytest.approx((0.4038, 0.5962), abs=1e-4)


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        (dict(effect="X ~ Y"), ModelSpecError, "not a free path"),
        (dict(effect="X -> Y"), ModelSpecError, "at least three"),
        (dict(effect="nonsense"), ModelSpecError, "write a path"),
        (dict(effect="X -> M -> Y", test="t"), DataError, "single path"),
        (dict(effect="Y ~ M", test="exact"), DataError, "test must be"),
        (dict(effect="Y ~ M", n=[3]), DataError, "too small"),
        (dict(effect="Y ~ M", reps=5), DataError, "reps"),
    ],
)
def test_errors_name_the_problem(kwargs, error, words):
    args = {"n": [50], "reps": 20, "seed": 1, "progress": False, "n_jobs": 1, **kwargs}
    with pytest.raises(error, match=words):
        cx.simulate.power(MEDIATION, **args)
