"""Bootstrap CIs of cx.sem against lavaan's (se = "bootstrap", 1000 draws), determinism."""

from __future__ import annotations

import importlib
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


# --- the fast refit (issue 24): Newton from the full-sample solution, BFGS as fallback ---


def _bench_problems(root):
    """(key, model, data) of benchmarks/bench_bootstrap.py's two timed bootstraps."""
    import re
    import sys

    sys.path.insert(0, str(root / "benchmarks"))
    try:
        import bench_bootstrap
    finally:
        sys.path.remove(str(root / "benchmarks"))
    out = []
    for key, (_, model, data) in zip(
        ("political_democracy", "hotel_4e"), bench_bootstrap.problems(), strict=True
    ):
        columns = [c for c in data.columns if re.search(rf"\b{re.escape(c)}\b", model)]
        out.append((key, model, data[columns]))
    return out


@pytest.mark.parametrize("which", [0, 1], ids=["political_democracy", "hotel_4e"])
def test_fast_refit_gives_the_bfgs_bootstrap(root, which):
    # tests/reference/sem_bootstrap_bfgs.json: B = 1000, seed = 1, every draw refitted by
    # BFGS (gradient tolerance 1e-7), as before the Newton refit. BFGS left each draw off
    # its optimum by up to ~1e-6 (Newton solves them to ~1e-10), so the few interval
    # bounds near 0 may differ by up to 1e-7 in absolute terms; all else within 1e-6
    key, model, data = _bench_problems(root)[which]
    ref = json.loads((root / "tests/reference/sem_bootstrap_bfgs.json").read_text())[key]
    boot = cx.sem.fit(model, data).bootstrap(1000, seed=1, n_jobs=1, progress=False)
    assert (boot.n_ok, boot.n_nonconverged, boot.n_inadmissible) == (
        ref["n_ok"], ref["n_nonconverged"], ref["n_inadmissible"]
    )  # fmt: skip
    table = boot.table
    assert len(table) == len(ref["rows"])
    for row, (_, ours) in zip(ref["rows"], table.iterrows(), strict=True):
        assert (ours["lhs"], ours["op"], ours["rhs"]) == (row["lhs"], row["op"], row["rhs"])
        for column in ("est", "se", "ci_low", "ci_high"):
            if row[column] is None:
                assert np.isnan(ours[column])
            else:
                assert ours[column] == pytest.approx(row[column], rel=1e-6, abs=1e-7), column
    se = table["se"].to_numpy(float)
    ref_se = np.array([np.nan if r["se"] is None else r["se"] for r in ref["rows"]])
    np.testing.assert_allclose(se, ref_se, rtol=1e-6)  # the SEs: 1e-6 relative throughout


def test_refitter_gradient_information_and_hessian_are_the_engines(fit):
    from cxlab.sem._refit import Refitter

    ram = fit.ram_
    moments = [(mo.n, mo.cov, mo.mean) for mo in ram.moments]
    theta = fit.theta_ * (1 + 0.05 * np.random.default_rng(0).standard_normal(ram.n_free))
    refitter = Refitter(ram, fit.theta_)
    assert refitter.term_order  # one group, no means: the Σ terms' order, mapped back here
    value, grad, info2, hess = refitter._step_terms(theta, moments)
    order = np.argsort(refitter.groups[0].k_sigma)
    grad, info2, hess = (
        refitter._to_theta(grad),
        info2[np.ix_(order, order)],
        hess[np.ix_(order, order)],
    )
    engine_value, engine_grad = ram.objective(theta)
    assert value == pytest.approx(engine_value, rel=1e-12)
    np.testing.assert_allclose(grad, engine_grad, atol=1e-10)
    np.testing.assert_allclose(info2, 2 * ram.information(theta), atol=1e-10)
    eps, numeric = 1e-6, np.zeros_like(hess)  # the Hessian: a central difference of ∇F
    for j in range(len(theta)):
        step = np.zeros_like(theta)
        step[j] = eps
        numeric[:, j] = (ram.objective(theta + step)[1] - ram.objective(theta - step)[1]) / (
            2 * eps
        )
    np.testing.assert_allclose(hess, numeric, atol=1e-6 * np.abs(numeric).max())


@pytest.mark.parametrize(
    "model, group",
    [
        ("visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nvisual ~~ textual", "school"),
        ("visual =~ x1 + a*x2 + a*x3\ntextual =~ x4 + x5 + x6\ntextual ~ visual", None),
    ],
    ids=["two_groups_with_means", "equal_loadings"],
)
def test_refitter_solves_mean_structures_and_shared_labels(model, group):
    # two groups (a mean structure: Fisher scoring) and one label on two loadings (terms
    # that share a parameter): from a start 10 % off, the refit lands on cx.sem.fit's solution
    from cxlab.sem._refit import Refitter

    hs = cx.datasets.load("holzinger_swineford")
    fit = cx.sem.fit(model, hs, group=group) if group else cx.sem.fit(model, hs)
    ram = fit.ram_
    moments = [(mo.n, mo.cov, mo.mean) for mo in ram.moments]
    theta = Refitter(ram, fit.theta_ * 1.1).refit(moments)
    assert theta is not None
    np.testing.assert_allclose(theta, fit.theta_, atol=1e-5)
    assert np.abs(ram.objective(theta)[1]).max() < 1e-9


def test_draws_the_newton_refit_misses_fall_back_to_bfgs_and_are_counted(fit, monkeypatch):
    from cxlab.sem._refit import Refitter

    boot_module = importlib.import_module("cxlab.sem.bootstrap")  # cx.sem.bootstrap: the function
    fast = fit.bootstrap(40, seed=7, n_jobs=1, progress=False)
    newton = Refitter.refit
    calls = {"n": 0}

    def every_other(self, moments):  # Newton "fails" on every other draw: BFGS refits it
        calls["n"] += 1
        return None if calls["n"] % 2 else newton(self, moments)

    monkeypatch.setattr(Refitter, "refit", every_other)
    mixed = fit.bootstrap(40, seed=7, n_jobs=1, progress=False)
    assert mixed.n_nonconverged == 0 and mixed.n_ok == 40
    np.testing.assert_allclose(mixed.draws, fast.draws, rtol=1e-4, atol=1e-5)
    bfgs = boot_module.refit
    done = {"n": 0}

    def bfgs_fails_thrice(*args, **kwargs):  # ... and BFGS fails on 3 of them: left out
        done["n"] += 1
        return None if done["n"] <= 3 else bfgs(*args, **kwargs)

    monkeypatch.setattr(boot_module, "refit", bfgs_fails_thrice)
    calls["n"] = 0
    fewer = fit.bootstrap(40, seed=7, n_jobs=1, progress=False)
    assert (fewer.n_nonconverged, fewer.n_ok, fewer.n_dropped) == (3, 37, 3)
    assert fewer.summary().startswith("40 bootstrap draws: 3 did not converge (left out)")
