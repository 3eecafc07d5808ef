"""cx.simulate.power(..., estimator=...): each replication fitted as cx.sem.fit does with
that estimator (MLR/MLM: robust SEs in the test; WLSMV: the Likert items as ordered),
reproducible on any number of cores, the estimator recorded, WLSMV refused without
Likert categories."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import cxlab as cx
from cxlab.errors import DataError

CFA = "F =~ 0.7*a + 0.7*b + 0.6*c\nY =~ 0.7*d + 0.6*e + 0.6*f\nY ~ 0.3*F"
ITEMS = ["a", "b", "c", "d", "e", "f"]
KW = dict(n=[120], reps=12, seed=4, likert=5, thresholds="skewed", progress=False)


def _replication(n: int, rep: int, seed: int = 4) -> pd.DataFrame:
    """The answers of replication *rep* (power draws from SeedSequence([seed, n, rep]))."""
    seq = np.random.SeedSequence([seed, n, rep])
    return cx.simulate.simulate(CFA, n=n, seed=seq, likert=5, thresholds="skewed").data


def _path(fit: cx.sem.SEMFit) -> pd.Series:
    t = fit.table
    return t[(t.op == "~") & (t.lhs == "Y") & (t.rhs == "F")].iloc[0]


@pytest.mark.parametrize("estimator", ["MLR", "MLM", "WLSMV"])
def test_replications_are_sem_fit_with_the_estimator(estimator):
    res = cx.simulate.power(CFA, "Y ~ F", estimator=estimator, n_jobs=1, **KW)
    assert (res.table["estimator"] == estimator).all()
    assert res.table["n_used"].iloc[0] == 12
    model = cx.simulate.strip_values(CFA)
    for rep in (0, 5):
        data = _replication(120, rep)
        if estimator == "WLSMV":
            fit = cx.sem.fit(model, data, ordered=ITEMS)
        else:
            fit = cx.sem.fit(model, data, estimator=estimator)
        path = _path(fit)
        row = res.replications.iloc[rep]
        assert row["est"] == pytest.approx(path["est"], abs=1e-6)
        assert row["se"] == pytest.approx(path["se"], rel=1e-5)
        assert row["reject"] == (path["pvalue"] < 0.05)


def test_robust_ses_differ_from_ml_on_the_same_estimates():
    ml = cx.simulate.power(CFA, "Y ~ F", n_jobs=1, **KW)
    mlr = cx.simulate.power(CFA, "Y ~ F", estimator="mlr", n_jobs=1, **KW)
    np.testing.assert_allclose(ml.replications["est"], mlr.replications["est"], atol=1e-9)
    assert not np.allclose(ml.replications["se"], mlr.replications["se"], rtol=1e-3)
    assert ml.table["estimator"].iloc[0] == "ML" and not ml.notes
    assert mlr.table["estimator"].iloc[0] == "MLR"
    assert any("Estimator MLR" in note for note in mlr.notes)
    assert "MLR" in mlr.summary()


def test_fast_refit_with_robust_ses_equals_full_fits():
    fast = cx.simulate.power(CFA, "Y ~ F", estimator="MLR", n_jobs=1, **KW)
    full = cx.simulate.power(CFA, "Y ~ F", estimator="MLR", fast=False, n_jobs=1, **KW)
    cols = ["est", "se"]
    np.testing.assert_allclose(fast.replications[cols], full.replications[cols], atol=1e-6)
    assert fast.table["power"].iloc[0] == full.table["power"].iloc[0]


@pytest.mark.parametrize("estimator", ["MLR", "WLSMV"])
def test_same_seed_same_result_on_one_or_two_cores(estimator):
    kw = {**KW, "n": [100, 140], "reps": 10}
    one = cx.simulate.power(CFA, "Y ~ F", estimator=estimator, n_jobs=1, **kw)
    two = cx.simulate.power(CFA, "Y ~ F", estimator=estimator, n_jobs=2, **kw)
    pd.testing.assert_frame_equal(one.table, two.table)
    pd.testing.assert_frame_equal(one.replications, two.replications)


def test_wlsmv_indirect_effect_with_monte_carlo_test():
    model = "X =~ 0.7*x1 + 0.7*x2 + 0.7*x3\nM =~ 0.7*m1 + 0.7*m2 + 0.7*m3\n" \
        "Y =~ 0.7*y1 + 0.7*y2 + 0.7*y3\nM ~ 0.5*X\nY ~ 0.5*M"  # fmt: skip
    res = cx.simulate.power(
        model, "X -> M -> Y", n=150, reps=10, seed=3, likert=5, estimator="WLSMV",
        test="montecarlo", mc_draws=200, n_jobs=1, progress=False,
    )  # fmt: skip
    assert res.population_value == pytest.approx(0.25)
    assert res.table["n_used"].iloc[0] == 10
    assert res.table["power"].iloc[0] == 1.0  # .25 with n = 150: every CI excludes 0
    # WLSMV's std_lv-free delta parameterisation: the product of the unstandardized paths
    assert 0.15 < res.table["mean_est"].iloc[0] < 0.35


def test_wlsmv_is_refused_without_likert_categories():
    with pytest.raises(DataError, match="likert is not set"):
        cx.simulate.power(CFA, "Y ~ F", n=100, reps=10, seed=1, estimator="WLSMV",
                          progress=False)  # fmt: skip
    with pytest.raises(DataError, match="no indicators"):
        cx.simulate.power("Y ~ 0.3*X", "Y ~ X", n=100, reps=10, seed=1, likert=5,
                          estimator="WLSMV", progress=False)  # fmt: skip


def test_unknown_estimator_and_too_few_rows_for_robust_ses():
    with pytest.raises(DataError, match="estimator must be one of"):
        cx.simulate.power(CFA, "Y ~ F", n=100, reps=10, seed=1, estimator="GLS", progress=False)
    with pytest.raises(DataError, match="more rows than moments"):
        cx.simulate.power(CFA, "Y ~ F", n=16, reps=10, seed=1, estimator="MLR", progress=False)


def test_the_result_records_the_estimator_as_a_field():
    import cxlab as cx

    model = "F =~ 0.7*y1 + 0.7*y2 + 0.7*y3\nG =~ 0.7*y4 + 0.7*y5 + 0.7*y6\nG ~ 0.3*F"
    res = cx.simulate.power(model, "G ~ F", n=150, reps=10, seed=3, estimator="MLR",
                            n_jobs=1, progress=False)  # fmt: skip
    assert res.estimator == "MLR"
