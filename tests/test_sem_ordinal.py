"""Ordered indicators estimated as lavaan's WLSMV (cxlab.sem.ordinal), single group:
sample statistics (thresholds, polychoric correlations, Γ, DWLS weights), estimates,
robust SEs, the scaled-shifted test and scaled fit indices, std.all, R², ':=' effects,
listwise deletion and std_lv — each against lavaan 0.6.14 on the same CSV
(tests/reference/lavaan_wlsmv.R) — and the refusals of what is not supported."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from cxlab.errors import DataError, ModelSpecError
from cxlab.sem._polychoric import bivariate_normal_cdf, ordinal_stats
from cxlab.sem.ordinal import fit_ordered

# fit measures: cxlab key → lavaan's fitMeasures() name
MEASURES = {
    "chisq": "chisq",
    "df": "df",
    "pvalue": "pvalue",
    "chisq_scaled": "chisq.scaled",
    "df_scaled": "df.scaled",
    "pvalue_scaled": "pvalue.scaled",
    "chisq_scaling_factor": "chisq.scaling.factor",
    "baseline_chisq": "baseline.chisq",
    "baseline_df": "baseline.df",
    "baseline_chisq_scaled": "baseline.chisq.scaled",
    "baseline_chisq_scaling_factor": "baseline.chisq.scaling.factor",
    "cfi": "cfi",
    "tli": "tli",
    "cfi_scaled": "cfi.scaled",
    "tli_scaled": "tli.scaled",
    "rmsea": "rmsea",
    "rmsea_ci_low": "rmsea.ci.lower",
    "rmsea_ci_high": "rmsea.ci.upper",
    "rmsea_scaled": "rmsea.scaled",
    "rmsea_ci_low_scaled": "rmsea.ci.lower.scaled",
    "rmsea_ci_high_scaled": "rmsea.ci.upper.scaled",
    "rmsea_pvalue_scaled": "rmsea.pvalue.scaled",
    "srmr": "srmr",
    "fmin": "fmin",
    "npar": "npar",
}
# the brief's tolerances: absolute for indices, relative for the scaled χ²
ABSOLUTE = {"cfi_scaled", "tli_scaled", "rmsea_scaled", "rmsea_ci_low_scaled",
            "rmsea_ci_high_scaled", "cfi", "tli", "rmsea", "rmsea_ci_low", "rmsea_ci_high",
            "srmr", "fmin", "pvalue", "pvalue_scaled", "rmsea_pvalue_scaled"}  # fmt: skip


@pytest.fixture(scope="module")
def ref(root) -> dict:
    return json.loads((root / "tests/reference/lavaan_wlsmv.json").read_text())


@pytest.fixture(scope="module")
def data(root) -> pd.DataFrame:
    return pd.read_csv(root / "tests/reference/ordinal_cx.csv")


@pytest.fixture(scope="module")
def sem_fit(ref, data):
    return fit_ordered(ref["sem"]["model"], data, ref["items"])


def _joined(fit, part: dict) -> pd.DataFrame:
    """lavaan's parameterEstimates rows joined with ours on (lhs, op, rhs, group)."""
    theirs = pd.DataFrame(part["estimates"])
    if "group" not in theirs:
        theirs["group"] = np.where(theirs["op"] == ":=", 0, 1)
    ours = fit.table[["lhs", "op", "rhs", "group", "est", "se", "std_all"]]
    joined = theirs.merge(ours, on=["lhs", "op", "rhs", "group"], suffixes=("", "_cx"))
    assert len(joined) == len(theirs)  # every lavaan row is one of ours
    return joined


def check_estimates(fit, part: dict) -> dict[str, float]:
    """Estimates (1e-3), robust SEs (2 % relative) and std.all (1e-3) of every row."""
    j = _joined(fit, part)
    free = j["se"] > 0  # lavaan: 0 for fixed rows; cxlab: NaN
    d_est = float(np.abs(j["est"] - j["est_cx"]).max())
    d_se = float((np.abs(j["se"] - j["se_cx"]) / j["se"])[free].max())
    d_std = float(np.abs(j["std.all"] - j["std_all"]).max())
    assert d_est < 1e-3, d_est
    assert d_se < 0.02, d_se
    assert d_std < 1e-3, d_std
    assert j.loc[~free, "se_cx"].isna().all()  # fixed and derived rows have no SE
    return {"est": d_est, "se_rel": d_se, "std": d_std}


def check_measures(fit, part: dict) -> None:
    f = fit.fit_measures
    for ours, theirs in MEASURES.items():
        expected = part["fit"][theirs]
        if ours in ABSOLUTE:
            assert f[ours] == pytest.approx(expected, abs=1e-4), ours
        else:
            assert f[ours] == pytest.approx(expected, rel=1e-3), ours
    assert f["chisq_shift_parameters"] == pytest.approx(part["shift"], rel=1e-3)


# --- stage A: sample statistics ------------------------------------------------------


def test_bivariate_normal_cdf_matches_scipy():
    rng = np.random.default_rng(3)
    x, y = rng.normal(0, 1.5, 60), rng.normal(0, 1.5, 60)
    for rho in (-0.97, -0.6, -0.2, 0.0, 0.1, 0.5, 0.8, 0.93, 0.995):
        ours = bivariate_normal_cdf(x, y, rho)
        mvn = stats.multivariate_normal([0, 0], [[1, rho], [rho, 1]])
        theirs = np.array([mvn.cdf([a, b]) for a, b in zip(x, y, strict=True)])
        assert np.abs(ours - theirs).max() < 1e-6, rho
    # infinite bounds reduce to the univariate distribution function
    assert bivariate_normal_cdf(np.inf, 0.3, 0.4) == pytest.approx(stats.norm.cdf(0.3))
    assert bivariate_normal_cdf(-np.inf, 0.3, 0.4) == 0.0


def test_thresholds_polychorics_and_gamma_equal_lavaan(ref, data):
    items = ref["items"]
    sample = ref["sem"]["sample"]
    st = ordinal_stats(data[items].to_numpy() - 1, items, [5] * len(items))
    # thresholds and polychoric correlations: 1e-4 (measured: 9e-9)
    assert np.abs(st.wls_obs - np.array(sample["wls_obs"])).max() < 1e-4
    assert np.abs(st.cor - np.array(sample["cor"])).max() < 1e-4
    assert st.n_thresholds == 40 and len(st.wls_obs) == 40 + 45
    # Γ (lavaan's NACOV): the diagonal, and whole rows of thresholds and correlations
    gamma_diag = np.array(sample["gamma_diag"])
    assert np.abs(np.diag(st.gamma) - gamma_diag).max() / gamma_diag.max() < 1e-6
    rows = np.array(sample["gamma_rows"]) - 1
    block = np.array(sample["gamma_block"])
    assert np.abs(st.gamma[rows] - block).max() < 1e-6 * np.abs(block).max()
    assert np.allclose(st.wls_v, sample["wls_v"], rtol=1e-6)  # DWLS weights 1/diag(Γ)


def test_polychoric_of_known_correlation_and_time():
    rng = np.random.default_rng(11)
    cov = 0.5 + 0.5 * np.eye(25)
    z = rng.multivariate_normal(np.zeros(25), cov, size=1000)
    codes = np.digitize(z, [-1.5, -0.5, 0.4, 1.2])  # 25 five-point items
    st = ordinal_stats(codes, [f"i{k}" for k in range(25)], [5] * 25)
    off = st.cor[np.tril_indices(25, -1)]
    assert len(off) == 300 and abs(off.mean() - 0.5) < 0.01 and off.std() < 0.05
    assert st.gamma.shape == (400, 400) and np.all(np.linalg.eigvalsh(st.gamma) > 0)


# --- stage B: DWLS, single group -------------------------------------------------------


def test_sem_estimates_ses_std_all_equal_lavaan(sem_fit, ref):
    d = check_estimates(sem_fit, ref["sem"])
    assert d["est"] < 1e-6 and d["se_rel"] < 1e-5  # measured 3e-8 and 4e-8
    t = sem_fit.table
    # lavaan's rows: thresholds free, intercepts 0, residual variances 1 − explained
    th = t[t.op == "|"]
    assert len(th) == 40 and (th["free"] > 0).all()
    resid = t[(t.op == "~~") & (t.lhs == "q1") & (t.rhs == "q1")].iloc[0]
    loading = t[(t.op == "=~") & (t.rhs == "q1")].iloc[0]
    assert resid.est == pytest.approx(1 - loading.std_all**2, abs=1e-8)
    assert t.loc[t.op == "~1", "est"].eq(0).all()


def test_sem_fit_measures_equal_lavaan(sem_fit, ref):
    check_measures(sem_fit, ref["sem"])
    f = sem_fit.fit_measures
    # measured against lavaan: χ² 19.67937, scaled 37.24913 (scaling 0.588, shift 3.789)
    assert f["chisq"] == pytest.approx(19.67937, abs=1e-4)
    assert f["chisq_scaled"] == pytest.approx(37.24913, abs=1e-4)
    assert sem_fit.meta["estimator"] == "WLSMV" and sem_fit.converged and sem_fit.admissible


def test_defined_effects_and_r2_equal_lavaan(sem_fit, ref):
    j = _joined(sem_fit, ref["sem"]).set_index("lhs")
    for name in ("ind", "tot"):  # a*b and c + a*b with delta-method SEs
        assert j.loc[name, "est_cx"] == pytest.approx(j.loc[name, "est"], abs=1e-6)
        assert j.loc[name, "se_cx"] == pytest.approx(j.loc[name, "se"], rel=1e-4)
        assert j.loc[name, "std_all"] == pytest.approx(j.loc[name, "std.all"], abs=1e-6)
    r2 = sem_fit.r2().set_index("variable")["r2"]
    theirs = ref["sem"]["r2"][0]
    assert set(r2.index) == set(theirs)
    for v, value in theirs.items():
        assert r2[v] == pytest.approx(value, abs=1e-6), v
    # the indirect effect of cx.sem's effects() is the same a*b with the same SE
    eff = sem_fit.effects()
    row = eff[(eff.effect == "indirect") & (eff["from"] == "Q") & (eff["to"] == "L")].iloc[0]
    assert row.est == pytest.approx(j.loc["ind", "est"], abs=1e-6)
    assert row.se == pytest.approx(j.loc["ind", "se"], rel=1e-3)


def test_listwise_deletion_as_lavaan(ref, data):
    dm = data.copy()
    dm.loc[np.arange(0, 800, 37), "q1"] = np.nan
    dm.loc[np.arange(4, 800, 53), "s2"] = np.nan
    fit = fit_ordered(ref["missing"]["model"], dm, ref["items"])
    assert fit.fit_measures["n"] == ref["missing"]["n"] == 763
    assert "37 of 800 rows" in fit.notes[0]
    check_estimates(fit, ref["missing"])
    check_measures(fit, ref["missing"])


def test_std_lv_as_lavaan(ref, data):
    fit = fit_ordered(ref["std_lv"]["model"], data, ref["items"], std_lv=True)
    check_estimates(fit, ref["std_lv"])
    check_measures(fit, ref["std_lv"])


def test_estimates_frame_has_lavaan_names(sem_fit):
    est = sem_fit.estimates()
    assert {"est", "se", "ci.lower", "ci.upper", "std.all"} <= set(est.columns)
    th = est[est.op == "|"].iloc[0]
    assert (th.lhs, th.rhs) == ("q1", "t1")
    assert th["ci.lower"] < th.est < th["ci.upper"]


# --- refusals --------------------------------------------------------------------------


MODEL = "Q =~ q1 + q2 + q3 + q4\nS =~ s1 + s2 + s3"
ITEMS = ["q1", "q2", "q3", "q4", "s1", "s2", "s3"]


def test_fiml_refused_with_alternatives(data):
    with pytest.raises(ModelSpecError, match="listwise") as err:
        fit_ordered(MODEL, data, ITEMS, missing="fiml")
    assert "multiple imputation" in str(err.value)


def test_decimal_and_text_columns_refused(data):
    bad = data.copy()
    bad["q2"] = bad["q2"] + 0.5
    with pytest.raises(DataError, match=r"'q2'.*whole number"):
        fit_ordered(MODEL, bad, ITEMS)
    bad = data.copy().astype({"s1": object})
    bad.loc[3, "s1"] = "agree"
    with pytest.raises(DataError, match=r"'s1' holds text.*'agree'"):
        fit_ordered(MODEL, bad, ITEMS)


def test_empty_category_in_one_group_refused(data):
    bad = data.copy()
    online = bad["channel"] == "online"
    bad.loc[online & (bad["q3"] == 1), "q3"] = 2  # online customers never answer 1
    with pytest.raises(DataError) as err:
        fit_ordered(MODEL, bad, ITEMS, group="channel")
    message = str(err.value)
    assert "'q3'" in message and "category 1" in message and "'online'" in message
    assert "Merge" in message


def test_unsupported_models_refused(data):
    # a continuous exogenous covariate (lavaan: conditional.x) is not supported yet
    with_age = data.assign(age=np.arange(len(data)) % 50 + 20.0)
    with pytest.raises(ModelSpecError, match=r"conditional\.x"):
        fit_ordered(MODEL + "\nQ ~ age", with_age, ITEMS)
    with pytest.raises(ModelSpecError, match="'\\|' lines"):
        fit_ordered(MODEL + "\nq1 | t1 + t2 + t3 + t4", data, ITEMS)
    with pytest.raises(ModelSpecError, match="intercepts"):
        fit_ordered(MODEL, data, ITEMS, group="channel", group_equal=("intercepts",))
    with pytest.raises(ModelSpecError, match="l1"):
        fit_ordered(MODEL, data, [*ITEMS, "l1"])  # ordered but not in the model
    with pytest.raises(ModelSpecError, match="predict"):
        fit_ordered(MODEL + "\nS ~ q1", data, ITEMS)


def test_sem_fit_with_ordered_is_fit_ordered(data):
    import cxlab as cx

    via_fit = cx.sem.fit(MODEL, data, ordered=ITEMS)
    direct = fit_ordered(MODEL, data, ITEMS)
    assert via_fit.meta["estimator"] == "WLSMV"
    assert via_fit.fit_measures == direct.fit_measures
    assert "mean-and-variance adjusted (scaled-shifted)" in via_fit.summary()
    for method, args in [
        ("bootstrap", {"B": 10, "seed": 1}),
        ("monte_carlo_ci", {"R": 10, "seed": 1}),
        ("modification_indices", {}),
    ]:
        with pytest.raises(ModelSpecError, match="not available for a WLSMV fit"):
            getattr(via_fit, method)(**args)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"estimator": "MLR", "ordered": ["x"]}, "ordered items are fitted by WLSMV"),
        ({"estimator": "WLSMV"}, "name them with ordered="),
    ],
)
def test_estimator_and_ordered_must_agree(kwargs, match, data):
    import cxlab as cx

    with pytest.raises(ModelSpecError, match=match):
        cx.sem.fit("F =~ a + b + c", data, **kwargs)
