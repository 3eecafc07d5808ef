"""Bootstrap CIs of cx.sem against lavaan's (se = "bootstrap", 1000 draws), determinism."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

import cxlab as cx
from cxlab.errors import DataError, InadmissibleSolutionError


@pytest.fixture(scope="module")
def ref(root):
    return json.loads((root / "tests/reference/lavaan_sem.json").read_text())["political_democracy"]


@pytest.fixture(scope="module")
def fit(ref):
    return cx.sem.fit(ref["model"], cx.datasets.load("political_democracy"))


def test_indirect_effect_ci_agrees_with_lavaan(fit, ref):
    # lavaan 0.6.14, 1000 draws: indirect 1.242 [0.572, 2.009]; total 1.814 [1.027, 2.663];
    # the two Monte-Carlo estimates of the same interval differ by sampling noise
    boot = fit.bootstrap(1000, seed=20261124, n_jobs=1)
    ours = boot.defined().set_index("lhs")
    for row in ref["bootstrap_percentile"]:
        assert ours.loc[row["lhs"], "est"] == pytest.approx(row["est"], abs=1e-4)
        assert ours.loc[row["lhs"], "ci_low"] == pytest.approx(row["ci.lower"], abs=0.1)
        assert ours.loc[row["lhs"], "ci_high"] == pytest.approx(row["ci.upper"], abs=0.1)
        assert ours.loc[row["lhs"], "se"] == pytest.approx(row["se"], rel=0.15)
    assert boot.n_nonconverged <= 5
    # dem65's disturbance variance (0.17, SE 0.21) is negative in about a third of the draws
    assert 0.2 < boot.n_inadmissible / 1000 < 0.5
    assert "kept, as lavaan does" in boot.summary()


def test_same_seed_same_result_on_any_number_of_cores(fit):
    a = fit.bootstrap(40, seed=3, n_jobs=1)
    b = fit.bootstrap(40, seed=3, n_jobs=2)
    c = fit.bootstrap(40, seed=4, n_jobs=1)
    np.testing.assert_array_equal(a.draws, b.draws)
    assert not np.array_equal(a.draws, c.draws)


def test_dropping_inadmissible_draws_is_possible_and_reported(fit):
    boot = fit.bootstrap(60, seed=5, n_jobs=1, inadmissible="drop")
    assert boot.n_ok == 60 - boot.n_nonconverged - boot.n_inadmissible
    assert "left out" in boot.summary()


def test_bca_interval_contains_the_estimate(fit):
    boot = fit.bootstrap(200, seed=6, n_jobs=1, ci="bca")
    row = boot.defined().set_index("lhs").loc["indirect"]
    assert row["ci_low"] < row["est"] < row["ci_high"]


def test_bad_requests(fit):
    with pytest.raises(DataError, match="too few draws"):
        fit.bootstrap(5, seed=1)
    with pytest.raises(DataError, match="'percentile', 'bc' or 'bca'"):
        fit.bootstrap(100, seed=1, ci="normal")
    target = np.array([[1, 0.8, 0.8], [0.8, 1, 0.5], [0.8, 0.5, 1]])  # a Heywood case
    z = np.random.default_rng(1).normal(size=(300, 3))
    z = (z - z.mean(0)) @ np.linalg.inv(np.linalg.cholesky(np.cov(z, rowvar=False, bias=True)).T)
    data = pd.DataFrame(z @ np.linalg.cholesky(target).T, columns=["a", "b", "c"])
    with pytest.raises(InadmissibleSolutionError, match="negative"):
        cx.sem.fit("F =~ a + b + c", data).bootstrap(100, seed=1)


def test_bias_corrected_interval_agrees_with_lavaan_bca_simple(fit, ref):
    # lavaan's boot.ci.type = "bca.simple" is bias-corrected without acceleration: ci="bc"
    boot = fit.bootstrap(1000, seed=20261124, n_jobs=1, ci="bc", progress=False)
    ours = boot.defined().set_index("lhs")
    for row in ref["bootstrap_bc"]:
        assert ours.loc[row["lhs"], "ci_low"] == pytest.approx(row["ci.lower"], abs=0.1)
        assert ours.loc[row["lhs"], "ci_high"] == pytest.approx(row["ci.upper"], abs=0.1)
