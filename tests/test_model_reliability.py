"""Reliability of the fitted joint measurement model against semTools 0.5.6 (lavaan 0.6.14).

The reference numbers come from tests/reference/semtools_reliability.R (rerun it with
``Rscript tests/reference/semtools_reliability.R`` from the repository root); this file
only reads tests/reference/semtools_reliability.json. Tolerance 1e-4 as asked; the
largest differences measured are about 5e-6 (the two-group model, where lavaan's
optimiser stops at its tolerance), about 1e-6 elsewhere, and α (tau.eq) to 1e-12 where
it depends on the sample covariances alone.

Ordered items (WLSMV): tests/reference/semtools_reliability_ordinal.R writes
tests/reference/semtools_reliability_ordinal.json (semTools' categorical ω, ord.scale,
AVE on the simulated survey tests/reference/ordinal_cx.csv); largest difference measured
about 1.2e-7.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import cxlab as cx
from cxlab.errors import DataError, InadmissibleSolutionError, ModelSpecError
from cxlab.psychometrics import ave, comp_rel_sem, composite_reliability, model_reliability

TOL = 1e-4

#: each quantity of the JSON and the cxlab call that must reproduce it
CALLS: dict[str, Callable[..., pd.DataFrame]] = {
    "omega": lambda fit: comp_rel_sem(fit),
    "omega_model_implied": lambda fit: comp_rel_sem(fit, obs_var=False),
    "alpha_tau_eq": lambda fit: comp_rel_sem(fit, tau_eq=True),
    "omega_total": lambda fit: comp_rel_sem(fit, return_total=True),
    "alpha_total": lambda fit: comp_rel_sem(fit, tau_eq=True, return_total=True),
    "omega_keep_single": lambda fit: comp_rel_sem(fit, drop_single=False),
    "ave": lambda fit: ave(fit),
    "ave_model_implied": lambda fit: ave(fit, obs_var=False),
    # R computes these for every factor, single-indicator ones included
    "fornell_larcker_cr": lambda fit: composite_reliability(fit, drop_single=False),
    "fornell_larcker_ave": lambda fit: ave(fit, method="fornell_larcker", drop_single=False),
}

CASES = [
    "holzinger_swineford",
    "political_democracy",
    "political_democracy_sem",
    "holzinger_swineford_groups",
    "holzinger_swineford_std_lv",
    "holzinger_swineford_fiml",
    "holzinger_swineford_single",
]


@pytest.fixture(scope="module")
def ref(root) -> dict:
    return json.loads((root / "tests/reference/semtools_reliability.json").read_text())


def _data(case: str, root) -> pd.DataFrame:
    if case.startswith("political"):
        return cx.datasets.load("political_democracy")
    if case.endswith("fiml"):
        return pd.read_csv(root / "tests/reference/hs_missing.csv").drop(columns="id")
    return cx.datasets.load("holzinger_swineford")


@pytest.fixture(scope="module")
def fits(ref, root) -> dict:
    out = {}
    for case in CASES:
        settings = ref[case]["settings"]
        kw = {
            "group": settings.get("group"),
            "std_lv": bool(settings.get("std_lv", False)),
            "missing": settings.get("missing", "listwise"),
        }
        out[case] = cx.sem.fit(ref[case]["model"], _data(case, root), **kw)
        assert out[case].admissible, case
    return out


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("quantity", list(CALLS))
def test_equals_semtools(case, quantity, ref, fits):
    got = CALLS[quantity](fits[case])
    expected = ref[case][quantity]
    assert list(got.index) == list(expected), "one row per group, in lavaan's order"
    for group, row in expected.items():
        assert list(got.columns) == list(row), "the factors (and total) of compRelSEM / AVE"
        for factor, value in row.items():
            assert got.loc[group, factor] == pytest.approx(value, abs=TOL), (group, factor)


def test_measured_differences_are_about_1e_6(ref, fits):
    worst = 0.0
    for case in CASES:
        for quantity, call in CALLS.items():
            got = call(fits[case])
            for group, row in ref[case][quantity].items():
                for factor, value in row.items():
                    worst = max(worst, abs(got.loc[group, factor] - value))
    assert worst < 1e-5, worst


def test_residual_covariances_count_in_the_denominator(fits):
    # Political Democracy: dem60's items y1-y4 share the residual covariance y2 ~~ y4;
    # compRelSEM(obs.var = FALSE) counts it (twice, both triangles) in the total variance
    fit = fits["political_democracy"]
    est = fit.table.set_index(["lhs", "op", "rhs"])["est"]
    items = ["y1", "y2", "y3", "y4"]
    common = sum(est[("dem60", "=~", y)] for y in items) ** 2 * est[("dem60", "~~", "dem60")]
    unique = sum(est[(y, "~~", y)] for y in items)
    shared = 2 * est[("y2", "~~", "y4")]
    omega = comp_rel_sem(fit, obs_var=False).loc["all", "dem60"]
    assert omega == pytest.approx(common / (common + unique + shared), abs=1e-10)
    assert abs(omega - common / (common + unique)) > 0.01  # ignoring it would be wrong


def test_definitions_are_named(fits):
    fit = fits["holzinger_swineford"]
    assert comp_rel_sem(fit).attrs["definition"] == "ω (compRelSEM, obs.var = TRUE)"
    assert comp_rel_sem(fit, obs_var=False).attrs["definition"] == (
        "ω (compRelSEM, obs.var = FALSE)"
    )
    assert comp_rel_sem(fit, tau_eq=True).attrs["definition"].startswith("α (compRelSEM")
    assert ave(fit).attrs["definition"] == "AVE (semTools::AVE, obs.var = TRUE)"
    assert "Fornell & Larcker" in ave(fit, method="fornell_larcker").attrs["definition"]
    assert "Fornell & Larcker" in composite_reliability(fit).attrs["definition"]
    # the definition survives rounding (what tables and reports do)
    assert comp_rel_sem(fit).round(3).attrs["definition"].startswith("ω")


def test_model_reliability_table(ref, fits):
    table = model_reliability(fits["holzinger_swineford_groups"])
    assert list(table.columns) == [
        "group", "factor", "n_items", "omega_total", "composite_reliability", "ave",
    ]  # fmt: skip
    assert len(table) == 6 and set(table["group"]) == {"Pasteur", "Grant-White"}
    row = table.set_index(["group", "factor"]).loc[("Grant-White", "speed")]
    expected = ref["holzinger_swineford_groups"]
    assert row["omega_total"] == pytest.approx(expected["omega"]["Grant-White"]["speed"], abs=TOL)
    assert row["ave"] == pytest.approx(expected["ave"]["Grant-White"]["speed"], abs=TOL)
    assert row["composite_reliability"] == pytest.approx(
        expected["fornell_larcker_cr"]["Grant-White"]["speed"], abs=TOL
    )
    assert row["n_items"] == 3
    assert set(table.attrs["definitions"]) == {"omega_total", "composite_reliability", "ave"}


def test_joint_model_differs_from_one_factor_fits():
    # the issue: per-scale one-factor fits are not what semTools reports for the joint CFA
    hs = cx.datasets.load("holzinger_swineford")
    scales = {"visual": ["x1", "x2", "x3"], "textual": ["x4", "x5", "x6"],
              "speed": ["x7", "x8", "x9"]}  # fmt: skip
    model = "\n".join(f"{f} =~ {' + '.join(items)}" for f, items in scales.items())
    joint = ave(cx.psychometrics.cfa(model, hs)).loc["all"]
    single = cx.psychometrics.reliability(hs, scales).scales.set_index("scale")["ave"]
    assert np.abs(joint - single).max() > 1e-3


def test_cross_loading_item_gives_nan_ave_but_omega(fits):
    hs = cx.datasets.load("holzinger_swineford")
    fit = cx.sem.fit(
        "visual =~ x1 + x2 + x3 + x9\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9", hs
    )
    extracted = ave(fit).loc["all"]
    assert np.isnan(extracted["visual"]) and np.isnan(extracted["speed"])
    assert np.isfinite(extracted["textual"])
    assert np.isfinite(comp_rel_sem(fit).loc["all"]).all()


def test_refuses_what_it_cannot_compute(fits):
    with pytest.raises(DataError, match="fitted model"):
        comp_rel_sem(cx.datasets.load("holzinger_swineford"))
    with pytest.raises(DataError, match="method must be"):
        ave(fits["holzinger_swineford"], method="psych")
    # an ordered (categorical) fit needs WLSMV thresholds: refused, not computed wrongly
    fit = fits["holzinger_swineford"]
    ordered = type(fit)(**{**fit.__dict__, "meta": {**fit.meta, "estimator": "WLSMV"}})
    with pytest.raises(ModelSpecError, match="ordered"):
        comp_rel_sem(ordered)
    with pytest.raises(ModelSpecError, match="ordered"):
        ave(ordered)


def test_inadmissible_fit_is_refused_unless_allowed():
    ecsi = cx.datasets.load("ecsi_mobile")
    model = (
        "Image =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5\nExpectation =~ CUEX1 + CUEX2 + CUEX3\n"
        "Quality =~ PERQ1 + PERQ2 + PERQ3 + PERQ4 + PERQ5 + PERQ6 + PERQ7\n"
        "Satisfaction =~ CUSA1 + CUSA2 + CUSA3\nValue =~ PERV1 + PERV2\n"
        "Loyalty =~ CUSL1 + CUSL2 + CUSL3"
    )
    fit = cx.psychometrics.cfa(model, ecsi)
    assert not fit.admissible
    with pytest.raises(InadmissibleSolutionError):
        model_reliability(fit)
    assert len(model_reliability(fit, allow_inadmissible=True)) == 6


def test_discriminant_validity_names_its_ave_and_htmt(ref, fits):
    fit = fits["holzinger_swineford"]
    dv = cx.psychometrics.discriminant_validity(fit, B=50, seed=1, ave_method="semtools")
    assert dv.ave_definition == "AVE (semTools::AVE, obs.var = TRUE)"
    for factor, value in ref["holzinger_swineford"]["ave"]["all"].items():
        assert dv.ave[factor] == pytest.approx(value, abs=TOL)
        assert dv.fornell_larcker.loc[factor, factor] == pytest.approx(np.sqrt(value), abs=TOL)
    assert "htmt2 = FALSE" in dv.htmt_definition and "htmt2 = FALSE" in dv.summary()
    assert dv.htmt.attrs["definition"] == dv.htmt_definition
    default = cx.psychometrics.discriminant_validity(fit, B=50, seed=1)
    assert default.ave_definition.startswith("AVE (Fornell & Larcker 1981")
    for factor, value in ref["holzinger_swineford"]["fornell_larcker_ave"]["all"].items():
        assert default.ave[factor] == pytest.approx(value, abs=TOL)
    two = cx.psychometrics.discriminant_validity(fit, B=50, seed=1, htmt2=True)
    assert two.htmt_definition.startswith("HTMT2") and "htmt2 = TRUE" in two.summary()
    scales = {"visual": ["x1", "x2", "x3"], "textual": ["x4", "x5", "x6"],
              "speed": ["x7", "x8", "x9"]}  # fmt: skip
    expected = cx.psychometrics.htmt(cx.datasets.load("holzinger_swineford"), scales, htmt2=True)
    assert expected.attrs["definition"] == two.htmt_definition
    for r in two.htmt.itertuples():
        assert r.htmt == pytest.approx(expected.loc[r.scale_1, r.scale_2], abs=1e-12)
    with pytest.raises(DataError, match="ave_method"):
        cx.psychometrics.discriminant_validity(fit, B=50, seed=1, ave_method="psych")


def test_error_free_single_indicator_has_ave_1_in_fornell_larcker(fits):
    # semTools gives 1.0000002 for speed =~ x7 with x7 ~~ 0*x7: numerically 1
    fit = fits["holzinger_swineford_single"]
    dv = cx.psychometrics.discriminant_validity(fit, B=50, seed=1, ave_method="semtools")
    assert dv.ave["speed"] == pytest.approx(1.0, abs=1e-6) and dv.ave["speed"] <= 1.0


# ---------------------------------------------------------------------------------------
# Ordered items (WLSMV): semTools' categorical versions, tests/reference/
# semtools_reliability_ordinal.R → .json (the simulated 5-point survey ordinal_cx.csv).
# Measured against semTools: at most about 1.2e-7 (the equal-thresholds two-group model,
# where the two optimisers stop at their tolerances), α of the answers to 1e-15.

#: each quantity of the ordinal JSON and the cxlab call that must reproduce it
ORDINAL_CALLS: dict[str, Callable[..., pd.DataFrame]] = {
    "omega": lambda fit: comp_rel_sem(fit),
    "omega_model_implied": lambda fit: comp_rel_sem(fit, obs_var=False),
    "omega_latent": lambda fit: comp_rel_sem(fit, ord_scale=False),
    "omega_latent_model_implied": lambda fit: comp_rel_sem(fit, ord_scale=False, obs_var=False),
    "alpha_tau_eq": lambda fit: comp_rel_sem(fit, tau_eq=True),
    "alpha_latent": lambda fit: comp_rel_sem(fit, tau_eq=True, ord_scale=False),
    "omega_latent_total": lambda fit: comp_rel_sem(fit, ord_scale=False, return_total=True),
    "alpha_total": lambda fit: comp_rel_sem(fit, tau_eq=True, return_total=True),
    "alpha_latent_total": lambda fit: comp_rel_sem(
        fit, tau_eq=True, ord_scale=False, return_total=True
    ),
    # semTools 0.5.6 stops here; the reference is its omegaCat given the matrix λΦλᵀ
    "omega_total_cat": lambda fit: comp_rel_sem(fit, return_total=True)[["total"]],
    "omega_total_cat_model_implied": lambda fit: comp_rel_sem(
        fit, return_total=True, obs_var=False
    )[["total"]],
    "ave": lambda fit: ave(fit),
    "ave_model_implied": lambda fit: ave(fit, obs_var=False),
    "fornell_larcker_cr": lambda fit: composite_reliability(fit, drop_single=False),
    "fornell_larcker_ave": lambda fit: ave(fit, method="fornell_larcker", drop_single=False),
}

#: every observed variable ordered
ORDINAL_CASES = ["cfa", "cfa_missing", "cfa_std_lv", "cfa_groups", "cfa_groups_equal", "sem"]
#: ordered items and continuous variables together (polyserial correlations)
MIXED_CASES = ["cfa_mixed_factors", "cfa_mixed_items"]


@pytest.fixture(scope="module")
def ordinal_ref(root) -> dict:
    return json.loads((root / "tests/reference/semtools_reliability_ordinal.json").read_text())


def _ordinal_data(root, missing_rows: bool) -> pd.DataFrame:
    data = pd.read_csv(root / "tests/reference/ordinal_cx.csv")
    if missing_rows:  # as the R script: R's rows seq(1, 800, 37) and seq(5, 800, 53)
        data.loc[np.arange(0, 800, 37), "q1"] = np.nan
        data.loc[np.arange(4, 800, 53), "s2"] = np.nan
    return data


def _ordinal_fit(case: str, ordinal_ref: dict, root):
    spec = ordinal_ref[case]
    settings = spec["settings"]
    data = _ordinal_data(root, bool(settings.get("missing_rows", False)))
    items = [c for c in data.columns if c != "channel" and c in spec["model"]]
    fit = cx.sem.fit(
        spec["model"],
        data,
        ordered=settings.get("ordered", items),
        group=settings.get("group"),
        group_equal=settings.get("group_equal", ()),
        std_lv=bool(settings.get("std_lv", False)),
    )
    assert fit.admissible and fit.meta["estimator"] == "WLSMV", case
    return fit


@pytest.fixture(scope="module")
def ordinal_fits(ordinal_ref, root) -> dict:
    return {case: _ordinal_fit(case, ordinal_ref, root) for case in ORDINAL_CASES}


def _differences(got: pd.DataFrame, expected: dict) -> list[float]:
    """|cxlab − semTools| of every cell; NA in R must be NaN here (then 0)."""
    assert list(got.index) == list(expected), "one row per group, in lavaan's order"
    out = []
    for group, row in expected.items():
        assert list(got.columns) == list(row), "the factors (and total) of compRelSEM / AVE"
        for factor, value in row.items():
            mine = float(got.loc[group, factor])
            if value is None:
                assert np.isnan(mine), (group, factor)
                out.append(0.0)
            else:
                out.append(abs(mine - value))
    return out


@pytest.mark.parametrize("case", ORDINAL_CASES)
@pytest.mark.parametrize("quantity", list(ORDINAL_CALLS))
def test_ordinal_equals_semtools(case, quantity, ordinal_ref, ordinal_fits):
    got = ORDINAL_CALLS[quantity](ordinal_fits[case])
    assert max(_differences(got, ordinal_ref[case][quantity])) < TOL, (case, quantity)


def test_ordinal_measured_differences(ordinal_ref, ordinal_fits):
    worst = 0.0
    for case in ORDINAL_CASES:
        for quantity, call in ORDINAL_CALLS.items():
            worst = max(worst, *_differences(call(ordinal_fits[case]), ordinal_ref[case][quantity]))
    assert worst < 1e-6, worst
    # α of the answers depends on the data alone: equal to rounding
    for case in ORDINAL_CASES:
        got = comp_rel_sem(ordinal_fits[case], tau_eq=True, return_total=True)
        assert max(_differences(got, ordinal_ref[case]["alpha_total"])) < 1e-7, case


@pytest.mark.parametrize("case", MIXED_CASES)
def test_ordered_and_continuous_items_as_semtools(case, ordinal_ref, root):
    # needs WLSMV with continuous variables (polyserial correlations) in cxlab.sem
    fit = _ordinal_fit(case, ordinal_ref, root)
    mixed_factor = case == "cfa_mixed_items"  # S =~ s1 + s2 (ordered) + s3 (continuous)
    for quantity, call in ORDINAL_CALLS.items():
        if quantity not in ordinal_ref[case]:
            continue  # omegaCat of all items: not defined with continuous ones
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            got = call(fit)
        assert max(_differences(got, ordinal_ref[case][quantity])) < 1e-6, quantity
        said = " ".join(str(w.message) for w in caught)
        if mixed_factor and quantity in ("omega", "omega_latent", "alpha_latent"):
            assert "ordered and continuous" in said and "S" in said
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        total = comp_rel_sem(fit, return_total=True, ord_scale=False)
    assert "total" not in total.columns
    assert any("no 'total'" in str(w.message) for w in caught)


def test_semtools_stops_at_the_categorical_total(ordinal_ref, ordinal_fits):
    # what the docstring says: semTools' return.total fails with ordered items, so the
    # total is omegaCat of all items with the matrix λΦλᵀ (and the factors as compRelSEM)
    assert ordinal_ref["cfa"]["omega_total_error"] == "non-conformable arguments"
    fit = ordinal_fits["cfa_groups"]
    with_total = comp_rel_sem(fit, return_total=True)
    pd.testing.assert_frame_equal(with_total[["Q", "S"]], comp_rel_sem(fit))
    # the total of 7 items is more reliable than either factor's sum
    assert (with_total["total"] > with_total[["Q", "S"]].max(axis=1)).all()


def test_categorical_omega_is_the_true_score_share_of_the_sum_score():
    # Green & Yang's ω = Var(E[X | F]) / Var(X) for the sum X of the category scores of a
    # one-factor model; here both variances by Gauss–Hermite quadrature over F, given
    # the items' category probabilities (no bivariate normal probability involved)
    from cxlab.psychometrics._reliability_parts import omega_cat

    lam = np.array([0.8, 0.7, 0.6, 0.5])
    taus = [
        np.array([-1.5, -0.5, 0.6]),
        np.array([-1.0, 0.2]),
        np.array([-0.3]),
        np.array([-2.0, -1.0, 0.0, 1.0]),
    ]
    nodes, weights = np.polynomial.hermite_e.hermegauss(80)
    weights = weights / weights.sum()
    mean_x = np.zeros_like(nodes)
    var_x = np.zeros_like(nodes)
    for lj, tj in zip(lam, taus, strict=True):
        above = stats.norm.cdf((lj * nodes[:, None] - tj[None, :]) / np.sqrt(1 - lj**2))
        cat = -np.diff(np.column_stack([np.ones(len(nodes)), above, np.zeros(len(nodes))]))
        scores = np.arange(len(tj) + 1)
        m = cat @ scores
        mean_x += m
        var_x += cat @ scores**2 - m**2
    grand = weights @ mean_x
    true_var = weights @ (mean_x - grand) ** 2
    expected = true_var / (true_var + weights @ var_x)
    common = np.outer(lam, lam)
    total = common + np.diag(1 - lam**2)
    assert omega_cat(common, total, taus, np.ones(4)) == pytest.approx(expected, abs=1e-9)
    # scale factors multiply the thresholds and the common part: δ with τ/δ, λ/δ … is the same
    delta = np.array([0.9, 1.1, 1.0, 1.2])
    shifted = [t / d for t, d in zip(taus, delta, strict=True)]
    scaled = omega_cat(common / np.outer(delta, delta), total, shifted, delta)
    assert scaled == pytest.approx(expected, abs=1e-9)


def test_ordinal_definitions_and_table(ordinal_ref, ordinal_fits, fits):
    fit = ordinal_fits["cfa_groups"]
    assert comp_rel_sem(fit).attrs["definition"] == (
        "categorical ω (compRelSEM, ord.scale = TRUE, obs.var = TRUE; Green & Yang 2009)"
    )
    assert "latent responses" in comp_rel_sem(fit, ord_scale=False).attrs["definition"]
    assert "category scores" in comp_rel_sem(fit, tau_eq=True).attrs["definition"]
    assert ave(fit).attrs["definition"] == "AVE (semTools::AVE, obs.var = TRUE; latent responses)"
    table = model_reliability(fit)
    assert len(table) == 4 and list(table["n_items"]) == [4, 3, 4, 3]
    row = table.set_index(["group", "factor"]).loc[("online", "S")]
    expected = ordinal_ref["cfa_groups"]
    assert row["omega_total"] == pytest.approx(expected["omega"]["online"]["S"], abs=1e-6)
    assert row["ave"] == pytest.approx(expected["ave"]["online"]["S"], abs=1e-6)
    assert row["composite_reliability"] == pytest.approx(
        expected["fornell_larcker_cr"]["online"]["S"], abs=1e-6
    )
    latent = model_reliability(fit, ord_scale=False).set_index(["group", "factor"])
    assert latent.loc[("online", "S"), "omega_total"] == pytest.approx(
        expected["omega_latent"]["online"]["S"], abs=1e-6
    )
    assert "Green & Yang" in table.attrs["definitions"]["omega_total"]
    # ord_scale does not apply to continuous items: their names stay (the report maps
    # them to its words)
    continuous = fits["holzinger_swineford"]
    assert comp_rel_sem(continuous, ord_scale=False).attrs["definition"] == (
        "ω (compRelSEM, obs.var = TRUE)"
    )
    pd.testing.assert_frame_equal(
        comp_rel_sem(continuous, ord_scale=False), comp_rel_sem(continuous)
    )


def test_alpha_of_the_answers_uses_category_codes(ordinal_fits, root):
    # lavaan codes the categories present 1…K: an order-preserving recoding of the answers
    # changes neither the WLSMV fit nor α of the answers (but α of the raw values would)
    data = _ordinal_data(root, False)
    items = ["q1", "q2", "q3", "q4", "s1", "s2", "s3"]
    recoded = data.copy()
    recoded[items] = recoded[items] ** 2  # 1, 4, 9, 16, 25
    fit = cx.sem.fit("Q =~ q1 + q2 + q3 + q4\nS =~ s1 + s2 + s3", recoded, ordered=items)
    before = comp_rel_sem(ordinal_fits["cfa"], tau_eq=True)
    pd.testing.assert_frame_equal(comp_rel_sem(fit, tau_eq=True), before)
    pd.testing.assert_frame_equal(comp_rel_sem(fit), comp_rel_sem(ordinal_fits["cfa"]), atol=1e-8)
    raw = cx.psychometrics.reliability(recoded, {"Q": items[:4]}).scales.set_index("scale")
    assert abs(raw.loc["Q", "alpha"] - before.loc["all", "Q"]) > 1e-3
    without_data = type(fit)(**{**fit.__dict__, "data_": None})
    with pytest.raises(DataError, match="data_"):
        comp_rel_sem(without_data, tau_eq=True)
    assert np.isfinite(comp_rel_sem(without_data, tau_eq=True, ord_scale=False)).all().all()


def test_other_categorical_estimators_are_refused(ordinal_fits):
    fit = ordinal_fits["cfa"]
    pml = type(fit)(**{**fit.__dict__, "meta": {**fit.meta, "estimator": "PML"}})
    with pytest.raises(ModelSpecError, match="ordered"):
        comp_rel_sem(pml)
    with pytest.raises(ModelSpecError, match="ordered"):
        model_reliability(pml)
