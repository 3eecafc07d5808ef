"""Ordered items and continuous variables together, estimated as lavaan's WLSMV
(cxlab.sem._polyserial, cxlab.sem.ordinal): sample statistics (thresholds, negative
means, variances, polychoric / polyserial / Pearson covariances, the full Γ and the DWLS
weights), estimates, robust SEs, the scaled-shifted test and scaled indices, std.all, R²
and ':=' effects — single group (continuous indicator and continuous outcome; continuous
variables first and between ordered ones; std_lv; listwise deletion) and two groups
(configural; equal thresholds and loadings, which in lavaan also hold the continuous
variables' intercepts equal) — each against lavaan 0.6.14 on the same CSV
(tests/reference/lavaan_wlsmv_mixed.R on ordinal_mixed.csv), and the refusals.

Tolerances: those of the ordinal tests (estimates and std.all 1e-3, SEs 2 % relative,
indices 1e-4, χ² 1e-3 relative) are met with a wide margin; asserted here are the
tighter bounds below. Measured (max over all rows of all seven fits): estimates 8.4e-7
(relative to max(1, |est|)), SEs 5.3e-7 relative, std.all 8.9e-7; the statistics 4.6e-7;
the full Γ 1.0e-10 relative to its largest element, its diagonal 1.1e-7 relative; the
fit measures 5.7e-6 relative at most (RMSEA interval bounds, found by root search) and
the shift parameter 8.8e-8 relative.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from scipy import optimize, special, stats

from cxlab.errors import DataError, ModelSpecError
from cxlab.sem._polyserial import mixed_stats, polyserial
from cxlab.sem.ordinal import fit_ordered

MEASURES = {
    "chisq": "chisq", "df": "df", "pvalue": "pvalue", "chisq_scaled": "chisq.scaled",
    "df_scaled": "df.scaled", "pvalue_scaled": "pvalue.scaled",
    "chisq_scaling_factor": "chisq.scaling.factor", "baseline_chisq": "baseline.chisq",
    "baseline_df": "baseline.df", "baseline_chisq_scaled": "baseline.chisq.scaled",
    "baseline_chisq_scaling_factor": "baseline.chisq.scaling.factor", "cfi": "cfi",
    "tli": "tli", "cfi_scaled": "cfi.scaled", "tli_scaled": "tli.scaled", "rmsea": "rmsea",
    "rmsea_ci_low": "rmsea.ci.lower", "rmsea_ci_high": "rmsea.ci.upper",
    "rmsea_pvalue": "rmsea.pvalue", "rmsea_scaled": "rmsea.scaled",
    "rmsea_ci_low_scaled": "rmsea.ci.lower.scaled",
    "rmsea_ci_high_scaled": "rmsea.ci.upper.scaled",
    "rmsea_pvalue_scaled": "rmsea.pvalue.scaled", "srmr": "srmr", "fmin": "fmin",
    "npar": "npar",
}  # fmt: skip
CONTINUOUS = ["csat", "spend"]


@pytest.fixture(scope="module")
def ref(root) -> dict:
    return json.loads((root / "tests/reference/lavaan_wlsmv_mixed.json").read_text())


@pytest.fixture(scope="module")
def data(root) -> pd.DataFrame:
    return pd.read_csv(root / "tests/reference/ordinal_mixed.csv")


def _with_missing(data: pd.DataFrame) -> pd.DataFrame:
    """The R script's NAs: csat in rows 3, 44, …; q2 in rows 7, 66, … (1-based)."""
    out = data.copy()
    out.loc[np.arange(2, 700, 41), "csat"] = np.nan
    out.loc[np.arange(6, 700, 59), "q2"] = np.nan
    return out


CASES = {
    "sem": {},
    "order": {},
    "std_lv": {"std_lv": True},
    "missing": {},
    "covariate": {},
    "mg_config": {"group": "channel"},
    "mg_equal": {"group": "channel", "group_equal": ("thresholds", "loadings")},
}


@pytest.fixture(scope="module")
def fits(ref, data) -> dict:
    out = {}
    for key, kwargs in CASES.items():
        frame = _with_missing(data) if key == "missing" else data
        items = ref[key].get("items", ref["items"])
        out[key] = fit_ordered(ref[key]["model"], frame, items, **kwargs)
    return out


def _values(frame: pd.DataFrame, names: list[str]) -> tuple[np.ndarray, list[int]]:
    cols, kinds = [], []
    for v in names:
        if v in CONTINUOUS:
            cols.append(frame[v].to_numpy(float))
            kinds.append(0)
        else:
            cols.append(frame[v].to_numpy(float) - 1)
            kinds.append(5)
    return np.column_stack(cols), kinds


# --- sample statistics -------------------------------------------------------------


@pytest.mark.parametrize("key", ["sem", "order"])
def test_sample_statistics_and_full_gamma_equal_lavaan(key, ref, data, fits):
    part = ref[key]
    sample = part["sample"][0]
    names = list(fits[key].meta["sample_stats"][0].names)
    if key == "order":  # continuous variables first and between ordered ones
        assert names == part["ov"]
    values, kinds = _values(data, names)
    st = mixed_stats(values, names, kinds)
    wls = np.array(sample["wls_obs"])
    assert len(st.wls_obs) == len(wls)
    assert np.abs(st.wls_obs - wls).max() < 1e-6  # measured 1.8e-8
    # the continuous variables' entries: negative means, then ML variances
    for v in CONTINUOUS:
        k = sample["names"].index(f"{v}~1")
        assert st.wls_obs[k] == pytest.approx(-data[v].mean(), abs=1e-10)
        k = sample["names"].index(f"{v}~~{v}")
        assert st.wls_obs[k] == pytest.approx(data[v].var(ddof=0), rel=1e-12)
    assert np.abs(st.cov - np.array(sample["cov"])).max() < 1e-6
    gamma = np.array(sample["gamma"])
    assert np.abs(st.gamma - gamma).max() < 1e-8 * np.abs(gamma).max()  # measured 1.0e-10
    assert np.allclose(st.wls_v, 1 / np.array(sample["gamma_diag"]), rtol=1e-7)
    assert st.n_thresholds == 26 and st.n_univariate == 28  # 24 thresholds, 2 means, 2 vars


def test_gamma_diagonal_in_every_group_and_with_missing_rows(ref, fits):
    for key in ("std_lv", "missing", "covariate", "mg_config", "mg_equal"):
        for g, sample in enumerate(ref[key]["sample"]):
            st = fits[key].meta["sample_stats"][g]
            assert np.abs(st.wls_obs - np.array(sample["wls_obs"])).max() < 2e-6, key
            diag = np.array(sample["gamma_diag"])
            assert np.abs(np.diag(st.gamma) - diag).max() < 1e-7 * diag.max(), key


def test_polyserial_is_the_maximum_of_its_likelihood(data):
    """The Newton steps land on the maximum found by a bounded scalar search of the
    two-step log-likelihood Σ log φ(z)/s · [Φ((τ_c − ρz)/R) − Φ((τ_{c−1} − ρz)/R)]."""
    x = data[CONTINUOUS].to_numpy(float)
    codes = data[["q1", "s1", "s3"]].to_numpy() - 1
    rho = polyserial(x, codes)
    assert rho.shape == (2, 3)
    for a in range(2):
        z = (x[:, a] - x[:, a].mean()) / x[:, a].std()
        for b in range(3):
            th = special.ndtri(np.cumsum(np.bincount(codes[:, b]))[:-1] / len(codes))
            ext = np.concatenate([[-np.inf], th, [np.inf]])
            up, lo = ext[codes[:, b] + 1], ext[codes[:, b]]

            def negloglik(r: float, z=z, up=up, lo=lo) -> float:
                s = np.sqrt(1 - r * r)
                prob = stats.norm.cdf((up - r * z) / s) - stats.norm.cdf((lo - r * z) / s)
                return -float(np.sum(np.log(prob)))

            best = optimize.minimize_scalar(
                negloglik, bounds=(-0.99, 0.99), method="bounded", options={"xatol": 1e-10}
            )
            assert rho[a, b] == pytest.approx(best.x, abs=1e-6)
    # the slider rating correlates with the satisfaction items more than spend does
    assert rho[0, 1] > rho[1, 1] > 0


def test_polyserial_recovers_a_known_correlation():
    rng = np.random.default_rng(8)
    e = rng.standard_normal((20000, 2))
    x = 300 + 80 * e[:, :1]  # a large scale: the correlation does not depend on it
    y = np.digitize(0.45 * e[:, :1] + np.sqrt(1 - 0.45**2) * e[:, 1:], [-1.2, -0.2, 0.9])
    assert polyserial(x, y)[0, 0] == pytest.approx(0.45, abs=0.02)
    assert polyserial(-x, y)[0, 0] == pytest.approx(-0.45, abs=0.02)


# --- estimates, SEs, test and indices ----------------------------------------------


@pytest.mark.parametrize("key", list(CASES))
def test_estimates_ses_and_std_all_equal_lavaan(key, ref, fits):
    fit = fits[key]
    theirs = pd.DataFrame(ref[key]["estimates"])
    if "group" not in theirs:
        theirs["group"] = np.where(theirs["op"] == ":=", 0, 1)
    ours = fit.table[["lhs", "op", "rhs", "group", "est", "se", "std_all"]]
    j = theirs.merge(ours, on=["lhs", "op", "rhs", "group"], suffixes=("", "_cx"))
    assert len(j) == len(theirs)  # every lavaan row is one of ours
    assert fit.converged and not fit.problems
    free = j["se"] > 0
    d_est = (np.abs(j["est"] - j["est_cx"]) / np.maximum(1, np.abs(j["est"]))).max()
    d_se = (np.abs(j["se"] - j["se_cx"]) / j["se"])[free].max()
    d_std = np.abs(j["std.all"] - j["std_all"]).max()
    assert d_est < 1e-5, d_est
    assert d_se < 1e-5, d_se
    assert d_std < 1e-5, d_std
    assert j.loc[~free, "se_cx"].isna().all()
    # the continuous variables' intercepts and residual variances are free parameters
    rows = fit.table[fit.table.lhs.isin(CONTINUOUS) & fit.table.op.isin(["~1", "~~"])]
    rows = rows[(rows.op == "~1") | (rows.lhs == rows.rhs)]
    rows = rows[~rows.user]  # not 'spend ~~ 0*spend' of the covariate model
    assert (rows["free"] > 0).all() and not rows["derived"].any()


@pytest.mark.parametrize("key", list(CASES))
def test_scaled_test_and_indices_equal_lavaan(key, ref, fits):
    f = fits[key].fit_measures
    part = ref[key]
    for ours, theirs in MEASURES.items():
        expected = part["fit"][theirs]
        assert f[ours] == pytest.approx(expected, rel=1e-5, abs=1e-7), ours
    assert f["chisq_shift_parameters"] == pytest.approx(part["shift"], rel=1e-5)


def test_r2_equals_lavaan(ref, fits):
    for key in ("sem", "mg_config"):
        r2 = fits[key].r2()
        if "group" not in r2:  # a single group
            r2 = r2.assign(group=1)
        per_group = ref[key]["r2"]
        per_group = list(per_group.values()) if isinstance(per_group, dict) else per_group
        for g, theirs in enumerate(per_group):
            for name, value in theirs.items():
                ours = r2.loc[(r2["variable"] == name) & (r2["group"] == g + 1), "r2"]
                assert float(ours.iloc[0]) == pytest.approx(value, abs=1e-6), (key, name)


def test_equal_thresholds_hold_the_continuous_intercepts_equal(fits):
    t = fits["mg_equal"].table
    nu = t[(t.lhs == "csat") & (t.op == "~1")]
    assert nu["free"].nunique() == 1 and nu["est"].nunique() == 1
    config = fits["mg_config"].table
    nu = config[(config.lhs == "csat") & (config.op == "~1")]
    assert nu["free"].nunique() == 2


def test_fit_with_ordered_takes_continuous_variables(ref, data):
    import cxlab as cx

    fit = cx.sem.fit(ref["sem"]["model"], data, ordered=ref["items"])
    assert fit.meta["estimator"] == "WLSMV"
    assert fit.meta["ordered"] == ref["items"] and fit.meta["continuous"] == CONTINUOUS
    assert fit.fit_measures["df"] == ref["sem"]["fit"]["df"]
    assert "polyserial" in fit.to_apa().note
    assert "scaled" in fit.summary()


# --- refusals ----------------------------------------------------------------------


def test_refusals_name_the_variable_and_the_fix(ref, data):
    items = ref["items"]
    model = ref["std_lv"]["model"]
    with pytest.raises(ModelSpecError, match=r"conditional\.x") as err:
        fit_ordered(model + "\nS ~ spend", data, items)  # spend: an exogenous covariate
    assert "spend" in str(err.value)
    bad = data.astype({"csat": object})
    bad.loc[5, "csat"] = "high"
    with pytest.raises(DataError, match="'csat' holds text"):
        fit_ordered(model, bad, items)
    flat = data.assign(csat=50.0)
    with pytest.raises(DataError, match="single value"):
        fit_ordered(model, flat, items)
    with pytest.raises(ModelSpecError, match=r"wu\.estabrook"):
        fit_ordered(model, data, items, group="channel", group_equal=("thresholds",),
                    std_lv=True, identification="wu.estabrook.2016")  # fmt: skip
