"""cxlab.sem.standardized.standardized_solution against lavaan 0.6.14's
standardizedSolution(type = "std.all" | "std.lv" | "std.nox")
(tests/reference/lavaan_standardized.R → lavaan_standardized.json; the ':=' rows of a
two-group model also against tests/reference/lavaan_defined_std.json)."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import cxlab as cx
from cxlab.errors import InadmissibleSolutionError, ModelSpecError
from cxlab.sem.results import Layout, std_values
from cxlab.sem.standardized import (
    STD_LAVAAN_NAMES,
    TYPES,
    standardize,
    standardized_solution,
)

HS = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"
CASES = [
    "political_democracy",
    "hs_two_groups",
    "hs_two_groups_equal",
    "hs_std_lv",
    "hs_covariate",
    "hs_covariate_means",
    "hs_missing_fiml",
]
KEYS = ["lhs", "op", "rhs", "group"]


@pytest.fixture(scope="module")
def ref(root):
    return json.loads((root / "tests/reference/lavaan_standardized.json").read_text())


def _data(root, name: str) -> pd.DataFrame:
    if name.endswith(".csv"):
        return pd.read_csv(root / name)
    return cx.datasets.load(name)


@pytest.fixture(scope="module")
def fits(ref, root):
    out = {}
    for case in CASES:
        part = ref[case]
        o = part["options"]
        kwargs = {
            "group": o.get("group"),
            "group_equal": (o["group_equal"],) if "group_equal" in o else (),
            "std_lv": bool(o.get("std_lv", False)),
            "meanstructure": True if o.get("meanstructure") else None,
            "missing": o.get("missing", "listwise"),
        }
        out[case] = cx.sem.fit(part["model"], _data(root, part["data"]), **kwargs)
    return out


def _merged(fit, rows: list[dict], type: str) -> pd.DataFrame:
    """lavaan's rows joined to ours on lhs, op, rhs, group (':=' rows: spaces removed)."""
    theirs = pd.DataFrame(rows)
    ours = standardized_solution(fit, type=type).rename(columns=STD_LAVAAN_NAMES)
    for frame in (theirs, ours):
        if "group" not in frame:
            frame["group"] = 1
        frame["rhs"] = frame["rhs"].str.replace(" ", "")
    merged = theirs.merge(ours, on=KEYS, how="outer", suffixes=("_r", ""), indicator=True)
    unmatched = merged.loc[merged["_merge"] != "both", [*KEYS, "_merge"]]
    assert unmatched.empty, f"rows only on one side:\n{unmatched}"
    assert len(merged) == len(theirs) == len(ours)
    return merged


@pytest.mark.parametrize("type", TYPES)
@pytest.mark.parametrize("case", CASES)
def test_equals_lavaan_standardized_solution(fits, ref, case, type):
    fit = fits[case]
    assert fit.admissible
    assert sorted(fit.table.attrs["exo_observed"]) == sorted(ref[case]["ov_x"])
    m = _merged(fit, ref[case][type], type)
    # est_std within lavaan's own convergence noise (its default optimiser stops ~1e-5 away)
    np.testing.assert_allclose(m["est.std"], m["est.std_r"], atol=1e-5, rtol=0)
    np.testing.assert_allclose(m["se"], m["se_r"], atol=1e-4, rtol=0)
    # lavaan's SE of exactly 0 (values that no free parameter moves) is exactly 0 here too
    assert ((m["se"] == 0) == (m["se_r"] == 0)).all()
    for col in ("z", "pvalue"):  # missing exactly where lavaan's are (SE 0)
        assert (m[col].isna() == m[f"{col}_r"].isna()).all(), col
    np.testing.assert_allclose(m["z"], m["z_r"], rtol=1e-3, atol=1e-3)
    np.testing.assert_allclose(m["pvalue"], m["pvalue_r"], atol=1e-4, rtol=0)
    for col in ("ci.lower", "ci.upper"):
        np.testing.assert_allclose(m[col], m[f"{col}_r"], atol=1e-4, rtol=0)
    if "label_r" in m:  # lavaan's own labels of group.equal constraints (.p2.) aside
        users = ~m["label_r"].str.startswith(".")
        assert (m.loc[users, "label"] == m.loc[users, "label_r"]).all()


def test_fixed_parameters_as_lavaan(fits, ref):
    pdem = standardized_solution(fits["political_democracy"]).set_index(["lhs", "op", "rhs"])
    # a marker loading fixed to 1 is standardized by estimated SDs: it has an SE
    marker = pdem.loc[("ind60", "=~", "x1")]
    assert marker["se"] > 0.01
    assert marker["z"] == pytest.approx(marker["est_std"] / marker["se"])
    # the variance of an exogenous factor is 1 under std.all whatever θ: SE 0, no z or p
    var = pdem.loc[("ind60", "~~", "ind60")]
    assert var["est_std"] == pytest.approx(1.0, abs=1e-12) and var["se"] == 0.0
    assert var["ci_low"] == var["est_std"] == var["ci_high"]
    assert np.isnan(var["z"]) and np.isnan(var["pvalue"])
    # fixed.x covariates: variances 1 and their correlation under std.all, their raw
    # (co)variances and means under std.nox, all with SE 0
    fit = fits["hs_covariate_means"]
    hs = cx.datasets.load("holzinger_swineford")
    for type in TYPES:
        sol = standardized_solution(fit, type=type).set_index(["lhs", "op", "rhs"])
        exo = sol.loc[[("ageyr", "~~", "ageyr"), ("ageyr", "~~", "sex"), ("sex", "~1", "")]]
        assert (exo["se"] == 0).all() and exo["z"].isna().all(), type
    nox = standardized_solution(fit, type="std.nox").set_index(["lhs", "op", "rhs"])
    assert nox.loc[("ageyr", "~~", "ageyr"), "est_std"] == pytest.approx(
        hs["ageyr"].var(ddof=0), abs=1e-10
    )
    assert nox.loc[("sex", "~1", ""), "est_std"] == pytest.approx(hs["sex"].mean(), abs=1e-10)
    full = standardized_solution(fit, type="std.all").set_index(["lhs", "op", "rhs"])
    assert full.loc[("ageyr", "~~", "sex"), "est_std"] == pytest.approx(
        hs["ageyr"].corr(hs["sex"]), abs=1e-10
    )


def test_std_all_equals_the_fit_tables_std_all_and_std_se(fits):
    for case in ("political_democracy", "hs_two_groups", "hs_missing_fiml"):
        fit = fits[case]
        sol = standardized_solution(fit)
        np.testing.assert_allclose(sol["est_std"], fit.table["std_all"], atol=1e-12)
        std_se = fit.table["std_se"].to_numpy().copy()
        std_se[std_se < 1.2207e-4] = 0  # lavaan's rule: an SE below eps^(1/4) is 0
        np.testing.assert_allclose(sol["se"], std_se, atol=1e-7)
        layout = Layout.of(fit.table, fit.ram_)
        np.testing.assert_allclose(
            standardize(layout, fit.ram_, fit.theta_), std_values(layout, fit.ram_, fit.theta_)
        )


def test_std_nox_without_covariates_is_std_all(fits):
    fit = fits["hs_two_groups"]
    pd.testing.assert_frame_equal(
        standardized_solution(fit, type="std.nox"), standardized_solution(fit, type="std.all")
    )


def test_defined_parameters_of_two_groups_as_lavaan(root):
    """':=' rows of a two-group model whose labels sit in both groups: the first group's
    standardization, group 0 (reference from tests/reference/lavaan_defined_std.R)."""
    ref = json.loads((root / "tests/reference/lavaan_defined_std.json").read_text())
    part = ref["two_groups"]
    fit = cx.sem.fit(part["model"], cx.datasets.load("holzinger_swineford"), group="school")
    sol = standardized_solution(fit).set_index("lhs")
    for row in part["defined"]:
        mine = sol.loc[row["lhs"]]
        assert mine["op"] == ":=" and mine["group"] == 0 == row["group.std"]
        assert mine["est_std"] == pytest.approx(row["est.std"], abs=1e-5)
        assert mine["se"] == pytest.approx(row["se.std"], abs=1e-4)
        assert mine["ci_low"] == pytest.approx(row["ci.lower.std"], abs=1e-4)
        assert mine["ci_high"] == pytest.approx(row["ci.upper.std"], abs=1e-4)


def test_standard_errors_come_from_the_fits_vcov(fits):
    """The SEs use fit.table.attrs["vcov"] as stored (a robust estimator's sandwich flows
    through): four times the matrix doubles every SE; a NaN matrix gives NaN SEs."""
    fit = fits["political_democracy"]
    base = standardized_solution(fit)
    table = fit.table.copy()
    table.attrs = dict(fit.table.attrs)
    table.attrs["vcov"] = 4 * np.asarray(fit.table.attrs["vcov"])
    scaled = standardized_solution(dataclasses.replace(fit, table=table))
    moved = base["se"] > 0
    assert moved.sum() > 30
    np.testing.assert_allclose(scaled.loc[moved, "se"], 2 * base.loc[moved, "se"], rtol=1e-12)
    np.testing.assert_allclose(scaled["est_std"], base["est_std"])
    table.attrs["vcov"] = np.full_like(table.attrs["vcov"], np.nan)
    missing = standardized_solution(dataclasses.replace(fit, table=table))
    assert missing["se"].isna().all() and missing["ci_low"].isna().all()


def test_level_sets_the_interval(fits):
    fit = fits["political_democracy"]
    sol = standardized_solution(fit, level=0.90)
    crit = stats.norm.ppf(0.95)
    np.testing.assert_allclose(sol["ci_high"] - sol["est_std"], crit * sol["se"])
    assert sol.attrs == {"type": "std.all", "level": 0.90}
    wide = standardized_solution(fit, level=0.99)
    assert (wide["ci_high"] - wide["ci_low"] >= sol["ci_high"] - sol["ci_low"]).all()


def test_columns_and_lavaan_names(fits):
    one = standardized_solution(fits["political_democracy"])
    assert list(one.columns) == [
        "lhs",
        "op",
        "rhs",
        "label",
        "est_std",
        "se",
        "z",
        "pvalue",
        "ci_low",
        "ci_high",
    ]
    two = standardized_solution(fits["hs_two_groups"]).rename(columns=STD_LAVAAN_NAMES)
    assert list(two.columns[:4]) == ["lhs", "op", "rhs", "group"]
    assert {"est.std", "ci.lower", "ci.upper"} <= set(two.columns)
    assert set(two["group"]) == {1, 2}


def test_bad_arguments_and_inadmissible_fits(fits):
    fit = fits["hs_std_lv"]
    with pytest.raises(ModelSpecError, match=r"std\.all, std\.lv, std\.nox"):
        standardized_solution(fit, type="std.ov")
    with pytest.raises(ModelSpecError, match="between 0 and 1"):
        standardized_solution(fit, level=95)
    bad = dataclasses.replace(fit, problems=["the residual variance of x1 is negative"])
    with pytest.raises(InadmissibleSolutionError, match="negative"):
        standardized_solution(bad)
    forced = standardized_solution(bad, allow_inadmissible=True)
    pd.testing.assert_frame_equal(forced, standardized_solution(fit))


def test_negative_variance_gives_missing_standardized_values(fits):
    """As lavaan: a negative model-implied variance standardizes to NaN (not |var|)."""
    fit = fits["hs_std_lv"]
    layout = Layout.of(fit.table, fit.ram_)
    theta = fit.theta_.copy()
    row = fit.table.index[(fit.table.lhs == "x1") & (fit.table.op == "~~")][0]
    theta[fit.table.loc[row, "free"] - 1] = -5.0  # x1's residual variance far below 0
    values = standardize(layout, fit.ram_, theta)
    x1_rows = (fit.table.rhs == "x1") | (fit.table.lhs == "x1")
    assert np.isnan(values[x1_rows.to_numpy()]).all()
    assert np.isfinite(values[(fit.table.lhs == "x4").to_numpy()]).all()
