"""cx.sem.fit against lavaan 0.6.14 (tests/reference/lavaan_sem.json), semopy and OLS."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
import semopy

import cxlab as cx
from cxlab.errors import DataError, InadmissibleSolutionError, ModelSpecError
from cxlab.models.syntax import parse, split_statements

NAMES = {
    "rmsea.ci.lower": "rmsea_ci_low",
    "rmsea.ci.upper": "rmsea_ci_high",
    "rmsea.pvalue": "rmsea_pvalue",
    "logl": "loglik",
    "unrestricted.logl": "unrestricted_loglik",
    "bic2": "sabic",
}
HS_ITEMS = [f"x{i}" for i in range(1, 10)]


@pytest.fixture(scope="module")
def ref(root):
    return json.loads((root / "tests/reference/lavaan_sem.json").read_text())


@pytest.fixture(scope="module")
def hs():
    return cx.datasets.load("holzinger_swineford")


@pytest.fixture(scope="module")
def pd_fit(ref):
    return cx.sem.fit(ref["political_democracy"]["model"], cx.datasets.load("political_democracy"))


def compare_fit(ours: pd.Series, theirs: dict, rel: float = 1e-5) -> None:
    for key, value in theirs.items():
        name = NAMES.get(key, key)
        if name in ours.index and value is not None:
            assert ours[name] == pytest.approx(value, rel=rel, abs=1e-6), key


def test_political_democracy_fit_equals_lavaan(pd_fit, ref):
    # χ² 38.125 (35), logL −1547.791, AIC 3157.582, BIC 3229.424 in lavaan
    compare_fit(pd_fit.fit_indices(), ref["political_democracy"]["fit"])
    assert pd_fit.admissible


def test_political_democracy_estimates_equal_lavaan(pd_fit, ref):
    ours = pd_fit.estimates().set_index(["lhs", "op", "rhs"])
    r2 = pd_fit.r2().set_index("variable")["r2"]
    for row in ref["political_democracy"]["estimates"]:
        key = (row["lhs"], row["op"], row["rhs"])
        if row["op"] == "r2":
            assert r2[row["lhs"]] == pytest.approx(row["est"], rel=1e-4), key
            continue
        mine = ours.loc[key]
        assert mine["est"] == pytest.approx(row["est"], rel=1e-4, abs=1e-5), key
        if row["se"]:
            assert mine["se"] == pytest.approx(row["se"], rel=1e-3), key
        if row["op"] != ":=":
            assert mine["std.all"] == pytest.approx(row["std.all"], rel=1e-4, abs=1e-5), key
    indirect = ours.loc[("indirect", ":=", "a*b")]
    assert indirect["est"] == pytest.approx(1.2418, abs=1e-4)


def test_holzinger_swineford_cfa_equals_lavaan(hs, ref):
    fit = cx.sem.fit(ref["holzinger_swineford"]["model"], hs)
    compare_fit(fit.fit_indices(), ref["holzinger_swineford"]["fit"])
    ours = fit.estimates().set_index(["lhs", "op", "rhs"])
    r2 = fit.r2().set_index("variable")["r2"]
    for row in ref["holzinger_swineford"]["estimates"]:
        if row["op"] == "r2":
            assert r2[row["lhs"]] == pytest.approx(row["est"], rel=1e-4)
            continue
        mine = ours.loc[(row["lhs"], row["op"], row["rhs"])]
        assert mine["est"] == pytest.approx(row["est"], rel=1e-4, abs=1e-5)
        if row["se"]:
            assert mine["se"] == pytest.approx(row["se"], rel=1e-3)


@pytest.mark.parametrize("level", ["configural", "metric", "scalar", "strict"])
def test_invariance_models_equal_lavaan(hs, ref, level):
    equal = {
        "configural": (),
        "metric": ("loadings",),
        "scalar": ("loadings", "intercepts"),
        "strict": ("loadings", "intercepts", "residuals"),
    }[level]
    fit = cx.sem.fit(ref["holzinger_swineford"]["model"], hs, group="school", group_equal=equal)
    assert fit.groups == ["Pasteur", "Grant-White"]  # order of appearance, as lavaan
    compare_fit(fit.fit_indices(), ref["invariance_school"][level])


def test_metric_invariance_estimates_equal_lavaan(hs, ref):
    fit = cx.sem.fit(
        ref["holzinger_swineford"]["model"], hs, group="school", group_equal=("loadings",)
    )
    ours = fit.estimates().set_index(["lhs", "op", "rhs", "group"])
    for row in ref["invariance_school_metric_estimates"]:
        mine = ours.loc[(row["lhs"], row["op"], row["rhs"], row["group"])]
        assert mine["est"] == pytest.approx(row["est"], rel=1e-4, abs=1e-5)
        if row["se"]:
            assert mine["se"] == pytest.approx(row["se"], rel=1e-3)
    loadings = ours.xs("=~", level="op")["est"].unstack("group")
    assert np.allclose(loadings[1], loadings[2])


def test_single_group_estimates_agree_with_semopy(hs):
    model = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"
    ours = cx.sem.fit(model, hs).estimates().set_index(["lhs", "op", "rhs"])["est"]
    other = semopy.Model(model)
    other.fit(hs[HS_ITEMS].astype(float))
    theirs = other.inspect()
    for row in theirs.itertuples():
        op, lhs, rhs = row.op, row.lval, row.rval
        key = (rhs, "=~", lhs) if op == "~" else (lhs, "~~", rhs)
        if key not in ours.index:
            key = (rhs, "~~", lhs)
        assert ours[key] == pytest.approx(row.Estimate, rel=2e-3, abs=2e-3), key


def test_observed_regression_equals_ols():
    rng = np.random.default_rng(5)
    x = rng.normal(size=(400, 2))
    y = 0.5 * x[:, 0] - 0.3 * x[:, 1] + rng.normal(size=400)
    data = pd.DataFrame({"y": y, "x1": x[:, 0], "x2": x[:, 1]})
    fit = cx.sem.fit("y ~ x1 + x2", data)
    design = np.column_stack([np.ones(400), x])
    beta, *_ = np.linalg.lstsq(design, y, rcond=None)
    resid = y - design @ beta
    est = fit.estimates().set_index(["lhs", "op", "rhs"])["est"]
    assert est[("y", "~", "x1")] == pytest.approx(beta[1], abs=1e-6)
    assert est[("y", "~", "x2")] == pytest.approx(beta[2], abs=1e-6)
    assert est[("y", "~~", "y")] == pytest.approx(resid @ resid / 400, rel=1e-6)
    assert fit.fit_indices()["df"] == 0  # saturated, as in lavaan (fixed.x)
    assert fit.r2()["r2"].iloc[0] == pytest.approx(1 - resid.var() / y.var(), abs=1e-6)


def test_improper_ecsi_solution_is_not_reported(root):
    # lavaan 0.6.14 does not converge on this model either (tests/reference/lavaan_ecsi.json);
    # semopy reports "success" with standardized paths of 2.29 and 3.45
    ecsi = cx.datasets.load("ecsi_mobile")
    ref = json.loads((root / "tests/reference/lavaan_ecsi.json").read_text())
    assert ref["converged"] is False
    model = ref["model"]
    fit = cx.sem.fit(model, ecsi)
    assert not fit.admissible and not fit.converged
    assert any("beyond ±1" in p or "negative" in p for p in fit.problems)
    with pytest.raises(InadmissibleSolutionError, match="cannot be reported"):
        fit.estimates()
    assert "cannot be reported" in fit.summary()
    assert len(fit.estimates(allow_inadmissible=True)) > 0


def test_heywood_case_is_named():
    # r12 = r13 = .8, r23 = .5: a one-factor model needs λ1² = .8·.8/.5 = 1.28, so the
    # residual variance of a is 1 − 1.28 < 0 (just identified, so ML reproduces it exactly)
    target = np.array([[1, 0.8, 0.8], [0.8, 1, 0.5], [0.8, 0.5, 1]])
    z = np.random.default_rng(1).normal(size=(500, 3))
    z = (z - z.mean(0)) @ np.linalg.inv(np.linalg.cholesky(np.cov(z, rowvar=False, bias=True)).T)
    data = pd.DataFrame(z @ np.linalg.cholesky(target).T, columns=["a", "b", "c"])
    fit = cx.sem.fit("F =~ a + b + c", data)
    assert not fit.admissible
    assert any(p.startswith("the residual variance of a is negative (-0.28") for p in fit.problems)
    assert any("standardized loading F =~ a" in p for p in fit.problems) or len(fit.problems) == 1
    with pytest.raises(InadmissibleSolutionError, match="Heywood"):
        fit.fit_indices()


def test_bad_input_gets_clear_errors(hs):
    with pytest.raises(ModelSpecError, match="'x99' is neither a column"):
        cx.sem.fit("F =~ x1 + x2 + x99", hs)
    with pytest.raises(DataError, match="group='nope'"):
        cx.sem.fit("F =~ x1 + x2 + x3", hs, group="nope")
    bad = hs.assign(x1=hs["x1"].astype(object))
    bad.loc[3, "x1"] = "n/a"
    with pytest.raises(DataError, match="'x1' holds text"):
        cx.sem.fit("F =~ x1 + x2 + x3", bad)
    with pytest.raises(ModelSpecError, match="group_equal"):
        cx.sem.fit("F =~ x1 + x2 + x3", hs, group="school", group_equal=("loading",))


def test_missing_rows_are_dropped_and_said(hs):
    data = hs[HS_ITEMS].copy()
    data.loc[:9, "x1"] = np.nan
    fit = cx.sem.fit("F =~ x1 + x2 + x3", data)
    assert fit.fit_indices()["n"] == 291
    assert any("10 of 301 rows" in n for n in fit.notes)


def test_syntax_modifiers_and_continuation():
    assert split_statements("F =~ x1 +\n x2 # c\n\nY ~ F; Y ~~ Y") == [
        "F =~ x1 + x2",
        "Y ~ F",
        "Y ~~ Y",
    ]
    t = parse(
        "F =~ NA*x1 + a*x2 + start(0.5)*x3 + c(l1, l2)*x4\nF ~~ 1*F",
        ["x1", "x2", "x3", "x4"],
        n_groups=2,
    )
    loads = t[t.op == "=~"].set_index(["rhs", "group"])
    assert loads.loc[("x1", 1), "free"] > 0  # NA frees the first loading
    assert loads.loc[("x2", 1), "free"] == loads.loc[("x2", 2), "free"]  # same label
    assert loads.loc[("x4", 1), "free"] != loads.loc[("x4", 2), "free"]  # c(l1, l2)
    assert loads.loc[("x3", 1), "start"] == 0.5
    with pytest.raises(ModelSpecError, match="2 labels for 3 group"):
        parse("F =~ x1 + c(a, b)*x2", ["x1", "x2"], n_groups=3)
    with pytest.raises(ModelSpecError, match="'c' is not a label"):
        parse("F =~ x1 + a*x2 + b*x3\na == c", ["x1", "x2", "x3"])


def test_ecsi_cfa_converges_with_a_non_positive_definite_factor_matrix(root):
    ref = json.loads((root / "tests/reference/lavaan_ecsi.json").read_text())
    fit = cx.sem.fit(ref["cfa_model"], cx.datasets.load("ecsi_mobile"))
    assert fit.converged and not fit.admissible  # lavaan: converged, with a warning
    assert "not positive definite (smallest eigenvalue -0.01)" in fit.problems[0]
    compare_fit(fit.fit_indices(allow_inadmissible=True), ref["cfa_fit"])
    est = fit.estimates(allow_inadmissible=True)
    cors = est[(est.op == "~~") & (est.lhs != est.rhs)]
    for _, row in cors.iterrows():
        assert row["std.all"] == pytest.approx(
            ref["cfa_latent_cor"][f"{row.lhs}~~{row.rhs}"], abs=1e-4
        )


@pytest.mark.parametrize(
    ("key", "dataset"),
    [
        ("political_democracy_cfa", "political_democracy"),
        ("holzinger_swineford", "holzinger_swineford"),
    ],
)
def test_modification_indices_equal_lavaan(root, key, dataset):
    # lavaan (PD CFA): y2~~y6 9.279, y6~~y8 8.668, y1~~y5 8.183
    ref = json.loads((root / "tests/reference/lavaan_modindices.json").read_text())[key]
    fit = cx.sem.fit(ref["model"], cx.datasets.load(dataset))
    ours = cx.sem.modification_indices(fit).set_index(["lhs", "op", "rhs"])
    theirs = pd.DataFrame(ref["mi"]).set_index(["lhs", "op", "rhs"])
    assert set(ours.index) == set(theirs.index)
    joined = theirs.join(ours.add_suffix("_cx"))
    assert np.allclose(joined["mi_cx"], joined["mi"], atol=1e-3)
    assert np.allclose(joined["epc_cx"], joined["epc"], atol=1e-3)
    assert np.allclose(joined["sepc_all_cx"], joined["sepc.all"], atol=1e-3)
    assert list(ours.index[:1]) == list(theirs.index[:1])


@pytest.mark.parametrize(
    ("key", "dataset"),
    [("airline_path", "airline_mot"), ("political_democracy_sem", "political_democracy")],
)
def test_modification_indices_propose_regressions_as_lavaan(root, key, dataset):
    # lavaan (airline path model): sat_overall ~ ces 264.393, the path the model misses
    ref = json.loads((root / "tests/reference/lavaan_modindices.json").read_text())[key]
    fit = cx.sem.fit(ref["model"], cx.datasets.load(dataset))
    ours = cx.sem.modification_indices(fit)
    ours = ours[ours.op == "~"].set_index(["lhs", "op", "rhs"])
    theirs = pd.DataFrame(ref["mi"]).set_index(["lhs", "op", "rhs"])
    exo = set(fit.table.attrs.get("exo_observed", []))
    paths = {(r.lhs, r.rhs) for r in fit.table.itertuples() if r.op == "~"}  # (outcome, predictor)
    expected = {k for k in theirs.index if k[0] not in exo}
    # as lavaan, reversed paths too; we do not propose turning a fixed.x predictor into an outcome
    assert any((k[2], k[0]) in paths for k in expected) or key == "airline_path"
    assert set(ours.index) == expected and len(expected) > 0
    joined = ours.join(theirs.add_suffix("_lavaan").rename(columns={"sepc.all_lavaan": "sepc.all"}))
    assert np.allclose(joined["mi"], joined["mi_lavaan"], atol=1e-3)
    assert np.allclose(joined["epc"], joined["epc_lavaan"], atol=1e-3)
    assert np.allclose(joined["sepc_all"], joined["sepc.all"], atol=1e-3)


def test_modification_indices_score_lavaans_whole_candidate_set(root):
    """Every row of lavaan's modindices() on the Political Democracy SEM — loadings, residual
    covariances, factor (residual) covariances such as dem60 ~~ dem65, regressions and the
    reversed path dem60 ~ dem65 — and no other, with MI, EPC and sEPC to 1e-3."""
    ref = json.loads((root / "tests/reference/lavaan_modindices.json").read_text())
    ref = ref["political_democracy_sem_full"]
    ours = cx.sem.modification_indices(
        cx.sem.fit(ref["model"], cx.datasets.load("political_democracy"))
    )
    keyed = {}
    for r in ours.itertuples():
        keyed[(r.lhs, r.op, r.rhs)] = r
        if r.op == "~~":
            keyed[(r.rhs, r.op, r.lhs)] = r
    theirs = ref["mi"]
    assert len(ours) == len(theirs) > 80
    for row in theirs:
        mine = keyed[(row["lhs"], row["op"], row["rhs"])]
        assert mine.mi == pytest.approx(row["mi"], abs=1e-3)
        assert mine.epc == pytest.approx(row["epc"], abs=1e-3)
        assert mine.sepc_all == pytest.approx(row["sepc.all"], abs=1e-3)
    assert ("dem60", "~~", "dem65") in keyed and ("dem60", "~", "dem65") in keyed
