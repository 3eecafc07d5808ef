"""cx.sem.growth on the customer panel satisfaction_waves against lavaan 0.6.14's growth()
(tests/reference/lavaan_growth_waves.R → lavaan_growth_waves.json): a linear growth curve
with a time-invariant covariate of the growth factors (member) and a time-varying covariate
of each wave (problem1…problem4), with FIML (lavaan missing = "ml") and listwise.
χ² to 1e-3, df and the number of parameters exactly, estimates to 1e-3, SEs to 1 %."""

from __future__ import annotations

import json

import pytest

import cxlab as cx

REFERENCE = "tests/reference/lavaan_growth_waves.json"
MISSING = {"fiml": "fiml", "listwise": "listwise"}  # lavaan's missing = "ml" is cxlab's "fiml"


@pytest.fixture(scope="module")
def ref(root) -> dict:
    return json.loads((root / REFERENCE).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def fits(ref) -> dict[str, cx.sem.SEMFit]:
    data = cx.datasets.load("satisfaction_waves")
    return {key: cx.sem.growth(ref["model"], data, missing=m) for key, m in MISSING.items()}


def test_the_reference_is_lavaan_growth_on_this_dataset(ref):
    assert ref["versions"]["lavaan"] == "0.6.14"
    assert ref["data"] == "datasets/satisfaction_waves.csv"
    sim = cx.datasets.resource("satisfaction_waves")["simulation"]
    assert ref["model"].split() == sim["model"].split()
    assert ref["fiml"]["options"] == {"function": "growth", "missing": "ml"}
    assert ref["fiml"]["fit"]["ntotal"] == 800
    assert ref["listwise"]["fit"]["ntotal"] < 800


@pytest.mark.parametrize("key", list(MISSING))
def test_fit_equals_lavaan(key, ref, fits):
    entry, fit = ref[key], fits[key]
    assert entry["converged"] and entry["admissible"]
    assert fit.converged and fit.admissible
    ours = fit.fit_indices()
    assert ours["df"] == entry["fit"]["df"]
    assert ours["npar"] == entry["fit"]["npar"]
    assert ours["n"] == entry["fit"]["ntotal"]
    assert ours["chisq"] == pytest.approx(entry["fit"]["chisq"], abs=1e-3)
    assert ours["loglik"] == pytest.approx(entry["fit"]["logl"], abs=1e-3)
    for k in ("cfi", "tli", "rmsea", "srmr", "aic", "bic"):
        assert ours[k] == pytest.approx(entry["fit"][k], rel=1e-4, abs=1e-4), k


@pytest.mark.parametrize("key", list(MISSING))
def test_estimates_equal_lavaan(key, ref, fits):
    entry = ref[key]
    ours = fits[key].estimates().set_index(["lhs", "op", "rhs"])
    assert len(ours) == len(entry["estimates"])
    for row in entry["estimates"]:
        name = (row["lhs"], row["op"], row["rhs"])
        mine = ours.loc[name]
        assert mine["est"] == pytest.approx(row["est"], abs=1e-3), name
        if row["se"]:
            assert mine["se"] == pytest.approx(row["se"], rel=0.01), name
            assert mine["ci.lower"] == pytest.approx(row["ci.lower"], abs=1e-3), name
            assert mine["ci.upper"] == pytest.approx(row["ci.upper"], abs=1e-3), name
        if row["std.all"] is not None:
            assert mine["std.all"] == pytest.approx(row["std.all"], abs=1e-3), name


def test_fiml_and_listwise_differ_where_the_dropout_bites(ref):
    def est(key: str, lhs: str, op: str, rhs: str = "") -> float:
        [row] = [
            r for r in ref[key]["estimates"] if (r["lhs"], r["op"], r["rhs"]) == (lhs, op, rhs)
        ]
        return row["est"]

    # the panel loses its less satisfied customers: complete cases start higher
    assert est("listwise", "i", "~1") - est("fiml", "i", "~1") > 0.1
