"""Ordered indicators in several groups (cxlab.sem.ordinal, lavaan's WLSMV): the
configural model (thresholds, loadings and factor covariances free in each group, scale
factors 1, factor means 0) and ordinal invariance with ``group_equal=("thresholds",
"loadings")`` (scale factors and factor means free in groups 2…), each against lavaan
0.6.14's ``cfa(..., ordered =, group = "channel")`` on the same CSV."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

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


@pytest.fixture(scope="module")
def configural(ref, data):
    return fit_ordered(ref["mg_config"]["model"], data, ref["items"], group="channel")


@pytest.fixture(scope="module")
def invariant(ref, data):
    return fit_ordered(
        ref["mg_equal"]["model"],
        data,
        ref["items"],
        group="channel",
        group_equal=("thresholds", "loadings"),
    )


def test_configural_equals_lavaan(configural, ref):
    assert configural.groups == ref["mg_config"]["group_labels"] == ["store", "online"]
    d = check_estimates(configural, ref["mg_config"])
    assert d["est"] < 1e-5 and d["se_rel"] < 1e-5  # measured 2e-7 and 2e-7
    check_measures(configural, ref["mg_config"])
    t = configural.table
    assert (t.loc[t.op == "~*~", "est"] == 1).all()  # scale factors fixed at 1
    assert (t.loc[(t.op == "~1") & t.lhs.isin(["Q", "S", "L"]), "free"] == 0).all()


def test_equal_thresholds_and_loadings_equal_lavaan(invariant, ref):
    d = check_estimates(invariant, ref["mg_equal"])
    assert d["est"] < 1e-4 and d["se_rel"] < 1e-4  # measured 4e-6 and 6e-6
    check_measures(invariant, ref["mg_equal"])
    t = invariant.table
    th = t[t.op == "|"].pivot_table(index=["lhs", "rhs"], columns="group", values="est")
    assert np.allclose(th[1], th[2])  # one set of thresholds
    assert (t.loc[(t.op == "~*~") & (t.group == 2), "free"] > 0).all()  # delta free
    means = t[(t.op == "~1") & (t.lhs == "Q")].set_index("group")["est"]
    assert means[1] == 0 and means[2] == pytest.approx(-0.279, abs=1e-3)  # lavaan -0.279


def test_invariance_models_nest(configural, invariant, ref):
    # lavaan: χ² 32.371 (df 64) and 60.266 (df 98)
    assert invariant.fit_measures["df"] - configural.fit_measures["df"] == 34
    assert configural.fit_measures["chisq"] == pytest.approx(32.371, abs=1e-3)
    assert invariant.fit_measures["chisq"] == pytest.approx(60.266, abs=1e-3)
    diff = invariant.fit_measures["chisq"] - configural.fit_measures["chisq"]
    assert diff > 0
