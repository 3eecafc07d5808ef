"""Bad input to cx.sem.fit gets a specific message that quotes the model line or names
the column, with a suggestion — never a numpy traceback."""

from __future__ import annotations

import numpy as np
import pytest

import cxlab as cx
from cxlab.errors import DataError, ModelSpecError

HS3 = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"


@pytest.fixture(scope="module")
def hs():
    return cx.datasets.load("holzinger_swineford")


def test_unknown_item_names_the_line_and_the_near_match(hs):
    with pytest.raises(ModelSpecError) as err:
        cx.sem.fit("visual =~ x1 + x2 + X3", hs)
    text = str(err.value)
    assert "Line 1 of the model ('visual =~ x1 + x2 + X3')" in text
    assert "'X3' is neither a column" in text and "Did you mean 'x3'?" in text


def test_misspelt_factor_in_a_regression(hs):
    with pytest.raises(ModelSpecError, match=r"Line 4 .*'textul'.*Did you mean 'textual'\?"):
        cx.sem.fit("visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\n\ntextul ~ visual", hs)


def test_syntax_errors_quote_the_line(hs):
    with pytest.raises(ModelSpecError, match=r"Line 3 of the model: In 'textual =~ x4 \+ \+ x5'"):
        cx.sem.fit("visual =~ x1 + x2 + x3\n# comment\ntextual =~ x4 + + x5", hs)
    with pytest.raises(ModelSpecError, match=r"Line 2 .*no lavaan operator"):
        cx.sem.fit("visual =~ x1 + x2 + x3\nvisual x4", hs)


def test_more_parameters_than_moments_is_refused_before_fitting(hs):
    with pytest.raises(ModelSpecError, match=r"7 free parameters .* only 6 .*df = -1"):
        cx.sem.fit("f =~ x1 + x2 + x3\nx1 ~~ x2", hs)


def test_fewer_respondents_than_parameters(hs):
    with pytest.raises(DataError, match=r"12 respondents for 21 free parameters.*210 here"):
        cx.sem.fit(HS3, hs.iloc[:12])


def test_text_in_a_numeric_column_names_it(hs):
    with pytest.raises(DataError, match=r"Column 'school' holds text"):
        cx.sem.fit("visual =~ x1 + x2 + school", hs)


def test_constant_indicator_names_it(hs):
    with pytest.raises(DataError, match=r"Column\(s\) c do not vary"):
        cx.sem.fit("visual =~ x1 + x2 + c", hs.assign(c=1.0))


def test_data_must_be_a_dataframe(hs):
    with pytest.raises(DataError, match="pandas DataFrame"):
        cx.sem.fit(HS3, hs.to_numpy())


@pytest.mark.parametrize("name", ["second_order", "single_indicator"])
def test_lavaan_defaults_for_higher_order_and_single_indicator_factors(root, hs, name):
    import json

    ref = json.loads((root / "tests/reference/lavaan_syntax.json").read_text())[name]
    fit = cx.sem.fit(ref["model"], hs)
    f = fit.fit_indices()
    assert f["chisq"] == pytest.approx(ref["fit"]["chisq"], rel=1e-4)
    assert f["df"] == ref["fit"]["df"]
    assert f["loglik"] == pytest.approx(ref["fit"]["logl"], abs=1e-3)
    est = fit.estimates().set_index(["lhs", "op", "rhs"])
    for row in ref["estimates"]:
        mine = est.loc[(row["lhs"], row["op"], row["rhs"])]
        assert mine["est"] == pytest.approx(row["est"], abs=1e-4)
        assert mine["std.all"] == pytest.approx(row["std.all"], abs=1e-4)
        if row["free"]:
            assert mine["se"] == pytest.approx(row["se"], rel=1e-2)
        else:
            assert np.isnan(mine["se"])
