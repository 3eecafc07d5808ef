"""cx.sem.fit(missing="fiml") against lavaan 0.6.14's missing = "ml"
(tests/reference/lavaan_fiml.R → lavaan_fiml.json, hs_missing.csv, pd_missing.csv)."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

import cxlab as cx
from cxlab.errors import DataError
from cxlab.sem.fiml import FimlModel, Patterns, em_moments

HS = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"
NAMES = {
    "npar": "npar",
    "chisq": "chisq",
    "df": "df",
    "baseline.chisq": "baseline_chisq",
    "baseline.df": "baseline_df",
    "cfi": "cfi",
    "tli": "tli",
    "rmsea": "rmsea",
    "rmsea.ci.lower": "rmsea_ci_low",
    "rmsea.ci.upper": "rmsea_ci_high",
    "rmsea.pvalue": "rmsea_pvalue",
    "srmr": "srmr",
    "logl": "loglik",
    "unrestricted.logl": "unrestricted_loglik",
    "aic": "aic",
    "bic": "bic",
    "bic2": "sabic",
    "ntotal": "n",
}
# case in lavaan_fiml.json → data file and fit() arguments
CASES = {
    "holzinger_swineford": ("tests/reference/hs_missing.csv", {}),
    "holzinger_swineford_school": (
        "tests/reference/hs_missing.csv",
        {"group": "school", "group_equal": ["loadings", "intercepts"]},
    ),
    "political_democracy": ("tests/reference/pd_missing.csv", {}),
    "political_democracy_exo": ("tests/reference/pd_missing.csv", {}),
    "retail_omnichannel": ("datasets/retail_omnichannel.csv", {}),
}


@pytest.fixture(scope="module")
def ref(root):
    return json.loads((root / "tests/reference/lavaan_fiml.json").read_text())


@pytest.fixture(scope="module")
def fits(ref, root):
    out = {}
    for case, (path, kwargs) in CASES.items():
        data = pd.read_csv(root / path)
        out[case] = cx.sem.fit(ref[case]["model"], data, missing="fiml", **kwargs)
    return out


@pytest.fixture(scope="module")
def hs_missing(root):
    return pd.read_csv(root / "tests/reference/hs_missing.csv")


@pytest.mark.parametrize("case", list(CASES))
def test_fit_measures_equal_lavaan(fits, ref, case):
    ours, theirs = fits[case].fit_indices(), ref[case]["fit"]
    assert fits[case].admissible
    for key, name in NAMES.items():
        value = theirs[key]
        if key in ("chisq", "baseline.chisq"):
            assert ours[name] == pytest.approx(value, rel=1e-5), key
        elif key in ("logl", "unrestricted.logl", "aic", "bic", "bic2"):
            assert ours[name] == pytest.approx(value, abs=1e-4), key
        else:
            assert ours[name] == pytest.approx(value, abs=1e-5), key


@pytest.mark.parametrize("case", list(CASES))
def test_estimates_ses_and_std_all_equal_lavaan(fits, ref, case):
    keys = ["lhs", "op", "rhs"] + (["group"] if "group" in CASES[case][1] else [])
    ours = fits[case].estimates().set_index(keys)
    theirs = pd.DataFrame(ref[case]["estimates"])
    assert len(theirs) == len(ours)
    for row in theirs.to_dict("records"):
        key = tuple(row[k] for k in keys)
        mine = ours.loc[key]
        assert mine["est"] == pytest.approx(row["est"], rel=1e-4, abs=1e-4), key
        if row["se"]:  # lavaan: 0 for fixed parameters
            assert mine["se"] == pytest.approx(row["se"], rel=1e-3), key
        if row["op"] != ":=":
            assert mine["std.all"] == pytest.approx(row["std.all"], abs=1e-4), key


@pytest.mark.parametrize("case", list(CASES))
def test_rows_used_equal_lavaan(fits, ref, case):
    nobs = np.atleast_1d(ref[case]["nobs"]).tolist()
    assert [mo.n for mo in fits[case].ram_.moments] == nobs
    assert fits[case].fit_measures["n"] == sum(nobs)


def test_notes_count_rows_patterns_and_empty_rows(fits):
    assert fits["holzinger_swineford"].notes == [
        "FIML: 175 of 299 rows have at least one missing value; 59 missing-data patterns; "
        "2 rows empty on every model variable were dropped."
    ]
    exo = fits["political_democracy_exo"].notes
    assert "16 rows missing an exogenous predictor (x1, x2) were dropped" in exo[1]


def test_exogenous_predictors_complete_data_baseline_equals_lavaan(ref, root):
    # fixed.x: the baseline keeps cov(x1, x2); log L is that of y given x (lavaan)
    case = ref["political_democracy_exo_complete"]
    fit = cx.sem.fit(case["model"], pd.read_csv(root / "datasets/political_democracy.csv"))
    ours = fit.fit_indices()
    for key in ("chisq", "baseline.chisq", "baseline.df", "cfi", "tli", "srmr", "logl", "bic"):
        assert ours[NAMES[key]] == pytest.approx(case["fit"][key], rel=1e-6), key


def test_fiml_on_complete_data_equals_listwise():
    hs = cx.datasets.load("holzinger_swineford")
    full = cx.sem.fit(HS, hs, missing="fiml")
    listwise = cx.sem.fit(HS, hs, meanstructure=True)
    assert full.notes[0].startswith("FIML: 0 of 301 rows")
    np.testing.assert_allclose(full.table["est"], listwise.table["est"], atol=1e-5)
    for key in ("chisq", "df", "cfi", "tli", "rmsea", "srmr", "loglik", "bic"):
        assert full.fit_measures[key] == pytest.approx(listwise.fit_measures[key], rel=1e-7)


def test_deterministic(hs_missing):
    a = cx.sem.fit(HS, hs_missing, missing="fiml")
    b = cx.sem.fit(HS, hs_missing.copy(), missing="fiml")
    np.testing.assert_array_equal(a.table[["est", "se"]], b.table[["est", "se"]])
    assert a.fit_measures == b.fit_measures


def test_listwise_stays_the_default(hs_missing):
    fit = cx.sem.fit(HS, hs_missing)
    assert fit.meta["missing"] == "listwise"
    assert fit.fit_measures["n"] == 299 - 175
    assert "listwise deletion" in fit.notes[0]


def test_unknown_missing_option_lists_the_options(hs_missing):
    with pytest.raises(DataError, match="'listwise', 'fiml'"):
        cx.sem.fit(HS, hs_missing, missing="ml")


def test_fiml_without_meanstructure_is_refused(hs_missing):
    with pytest.raises(DataError, match="meanstructure"):
        cx.sem.fit(HS, hs_missing, missing="fiml", meanstructure=False)


def test_variable_missing_in_a_whole_group_is_named(hs_missing):
    data = hs_missing.copy()
    data.loc[data.school == "Pasteur", "x7"] = np.nan
    with pytest.raises(DataError, match=r"x7 have no observed value in group 'Pasteur'"):
        cx.sem.fit(HS, data, group="school", missing="fiml")


def test_variables_never_observed_together_are_named(hs_missing):
    data = hs_missing.copy()
    data.loc[data.x8.notna(), "x9"] = np.nan
    with pytest.raises(DataError, match="x8 & x9"):
        cx.sem.fit(HS, data, missing="fiml")


def test_single_row_patterns_are_fine(hs_missing):
    pat = Patterns.of(hs_missing[[f"x{i}" for i in range(1, 10)]].dropna(how="all").to_numpy())
    assert (pat.n == 1).sum() > 10
    assert np.all(pat.cov[pat.n == 1] == 0)
    assert cx.sem.fit(HS, hs_missing, missing="fiml").admissible


def test_bootstrap_and_modification_indices_refuse_fiml(fits):
    fit = fits["holzinger_swineford"]
    with pytest.raises(DataError, match="not available for missing='fiml'"):
        fit.bootstrap(50, seed=1, n_jobs=1)
    with pytest.raises(DataError, match="not available for missing='fiml'"):
        cx.sem.modification_indices(fit)


def test_em_moments_maximise_the_saturated_likelihood(hs_missing):
    x = hs_missing[[f"x{i}" for i in range(1, 10)]].dropna(how="all").to_numpy()
    pat = Patterns.of(x)
    cov, mean = em_moments(pat)
    _, g_sigma, g_mu = pat.minus2loglik(cov, mean)
    assert np.max(np.abs(g_sigma)) < 1e-6 * len(x)
    assert np.max(np.abs(g_mu)) < 1e-6 * len(x)
    # the casewise likelihood summed row by row
    rows = 0.0
    for row in x:
        o = ~np.isnan(row)
        s, d = cov[np.ix_(o, o)], row[o] - mean[o]
        rows += o.sum() * np.log(2 * np.pi) + np.linalg.slogdet(s)[1] + d @ np.linalg.solve(s, d)
    assert pat.minus2loglik(cov, mean, gradient=False)[0] == pytest.approx(rows, rel=1e-12)


def test_analytic_gradient_equals_finite_differences(fits):
    ram: FimlModel = fits["political_democracy"].ram_
    theta = fits["political_democracy"].theta_ + 0.01
    _, grad = ram.objective(theta)
    numeric = np.zeros_like(grad)
    for j in range(len(theta)):
        e = np.zeros_like(theta)
        e[j] = 1e-6
        numeric[j] = (ram.objective(theta + e)[0] - ram.objective(theta - e)[0]) / 2e-6
    np.testing.assert_allclose(grad, numeric, rtol=1e-5, atol=1e-7)
