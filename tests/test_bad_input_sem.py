"""Bad input to cx.sem and std.all of ':=' parameters with shared labels (issue 16, part C).

Reference numbers: tests/reference/lavaan_defined_std.R → lavaan_defined_std.json
(lavaan 0.6.14); R is not needed to run these tests.
"""

from __future__ import annotations

import json
import warnings

import numpy as np
import pytest

import cxlab as cx
from cxlab.errors import DataError, InadmissibleSolutionError, ModelSpecError
from cxlab.sem.indices import rmsea_ci

THREE = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"


@pytest.fixture(scope="module")
def hs():
    return cx.datasets.load("holzinger_swineford")


@pytest.fixture(scope="module")
def ref(root):
    return json.loads((root / "tests/reference/lavaan_defined_std.json").read_text())


def test_defined_std_all_uses_first_labelled_parameter_as_lavaan(hs, ref):
    for key, kwargs in (("two_groups", {"group": "school"}), ("reused_label", {})):
        part = ref[key]
        fit = cx.sem.fit(part["model"], hs, **kwargs)
        assert fit.admissible
        est = fit.estimates().set_index("lhs")
        std_se = fit.table.set_index("lhs")["std_se"]
        eff = fit.effects().set_index("from")
        for row in part["defined"]:
            mine = est.loc[row["lhs"]]
            assert mine["est"] == pytest.approx(row["est"], abs=1e-4), (key, row["lhs"])
            assert mine["se"] == pytest.approx(row["se"], rel=1e-3), (key, row["lhs"])
            assert mine["std.all"] == pytest.approx(row["est.std"], abs=1e-4), (key, row["lhs"])
            assert std_se[row["lhs"]] == pytest.approx(row["se.std"], rel=1e-3), (key, row["lhs"])
            # the same values in effects(): std_all and lavaan's standardizedSolution() CI
            defined = eff.loc[row["lhs"]]
            assert defined["effect"] == "defined"
            assert defined["std_all"] == pytest.approx(row["est.std"], abs=1e-4)
            assert defined["std_ci_low"] == pytest.approx(row["ci.lower.std"], abs=1e-4)
            assert defined["std_ci_high"] == pytest.approx(row["ci.upper.std"], abs=1e-4)
            if "group" in row:  # multi-group: a ':=' row belongs to no group (lavaan: 0)
                assert row["group"] == 0
                assert mine["group"] == 0
                assert defined["group"] == 0
    # the standardization used is that of the first labelled parameter (group 1 here)
    labelled = ref["two_groups"]["labelled"]
    first = {r["label"]: r["std.all"] for r in reversed(labelled)}
    ind = next(r for r in ref["two_groups"]["defined"] if r["lhs"] == "ind")
    assert ind["est.std"] == pytest.approx(first["a"] * first["b"], abs=1e-12)


@pytest.mark.parametrize("model", ["", "   \n\n", "# only a comment\n  # and another\n"])
def test_empty_or_comment_only_model_is_a_model_spec_error(hs, model):
    with pytest.raises(ModelSpecError, match="no statements"):
        cx.sem.fit(model, hs)
    with pytest.raises(ModelSpecError, match=r"only defined parameters \(:=\)"):
        cx.sem.fit("# mediation\nind := a*b", hs)


def test_defined_parameter_that_is_not_finite_names_its_line(hs):
    base = THREE + "\nspeed ~ a*textual + b*visual\n"
    for expression in ("ind := 10**400", "ind := a*1e400", "ind := a*b/0", "ind := 10^400"):
        with pytest.raises(ModelSpecError, match="Line 5 of the model") as err:
            cx.sem.fit(base + expression, hs)
        assert expression in str(err.value)
        assert "not a finite number" in str(err.value)
    # '^' and '**' both still work and agree
    caret = cx.sem.fit(base + "sq := a^2", hs).estimates().set_index("lhs").loc["sq"]
    stars = cx.sem.fit(base + "sq := a**2", hs).estimates().set_index("lhs").loc["sq"]
    assert caret["est"] == pytest.approx(stars["est"], rel=1e-12)
    assert np.isfinite(caret["est"])


def test_infinite_cell_is_a_data_error_naming_column_and_row(hs):
    data = hs.copy()
    data.loc[7, "x3"] = np.inf
    data.loc[11, "x3"] = -np.inf
    for missing in ("listwise", "fiml"):
        with pytest.raises(DataError, match=r"Column 'x3' holds 2 infinite value\(s\)") as err:
            cx.sem.fit(THREE, data, missing=missing)
        assert "7, 11" in str(err.value)


def test_diverging_model_ends_as_non_converged_result_not_traceback(hs):
    model = "f =~ x1 + x2 + x3\nf2 =~ x4 + x5 + x6\nf ~~ 1*f2"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no RuntimeWarning either
        fit = cx.sem.fit(model, hs)
    assert not fit.converged
    assert not fit.admissible
    assert "not positive definite" in fit.diagnosis()
    indices = fit.fit_indices(allow_inadmissible=True)
    assert np.isnan(indices["chisq"]) and np.isnan(indices["rmsea_ci_low"])
    with pytest.raises(InadmissibleSolutionError):
        fit.fit_indices()
    # the RMSEA interval itself: NaN bounds (lavaan: NA) when no root can be bracketed
    low, high = rmsea_ci(3.01e12, 9, 301)
    assert np.isnan(low) and np.isnan(high)
    assert all(np.isnan(rmsea_ci(float("inf"), 9, 301)))
    assert [round(x, 4) for x in rmsea_ci(85.306, 24, 301)] == [0.0714, 0.1137]


def test_modification_indices_refuse_an_inadmissible_fit():
    fit = cx.sem.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
    assert not fit.admissible
    with pytest.raises(InadmissibleSolutionError, match="cannot be reported"):
        cx.sem.modification_indices(fit)
    with pytest.raises(InadmissibleSolutionError):
        fit.modification_indices()
    assert len(fit.modification_indices(allow_inadmissible=True)) > 0  # for diagnosis


def test_group_column_mixing_number_and_text_is_a_data_error(hs):
    data = hs.copy().astype({"school": object})
    data["school"] = [1 if i % 2 else "1" for i in range(len(data))]
    data.loc[data.index[:100], "school"] = "2"
    with pytest.raises(DataError, match=r"group column 'school' mixes types") as err:
        cx.sem.fit(THREE, data, group="school")
    assert "'1' (str) and 1 (int)" in str(err.value)  # in order of appearance


def test_group_emptied_by_listwise_deletion_is_a_data_error(hs):
    data = hs.copy()
    pasteur = data.school == "Pasteur"
    data.loc[pasteur, "x1"] = np.nan
    with pytest.raises(DataError, match=r"Group 'Pasteur' of column 'school'") as err:
        cx.sem.fit(THREE, data, group="school")
    message = str(err.value)
    assert f"has {int(pasteur.sum())} rows" in message
    assert "listwise deletion removed them all" in message
    assert "missing='fiml'" in message and "x1" in message
