"""cxlab.models.syntax: one reader of lavaan syntax for CB-SEM, PLS-PM, the simulator and
the report, and one evaluator of ``:=`` (cxlab.models.defined) for CB-SEM and PLS-PM."""

from __future__ import annotations

import numpy as np
import pytest

import cxlab as cx
from cxlab.errors import ModelSpecError
from cxlab.models.defined import ExpressionError, evaluate_defined
from cxlab.models.syntax import measurement_part, split_statements, statements
from cxlab.pls._spec import evaluate as pls_evaluate

# an admissible CB-SEM model on ecsi_mobile (the full ECSI model is not: lesson 06)
MODEL = """
Image =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
Quality =~ PERQ1 + PERQ2 + PERQ3 + PERQ4 + PERQ5 + PERQ6 + PERQ7
Satisfaction =~ CUSA1 + CUSA2 + CUSA3
Quality ~ a*Image
Satisfaction ~ b*Quality + c*Image
"""
DEFINED = {"caret": "a^2", "stars": "a**2", "ratio": "a*b/c"}
WITH_DEFINED = MODEL + "".join(f"{name} := {expr}\n" for name, expr in DEFINED.items())


def _expected(a: float, b: float, c: float) -> dict[str, float]:
    return {"caret": a**2, "stars": a**2, "ratio": a * b / c}


@pytest.fixture(scope="module")
def ecsi():
    return cx.datasets.load("ecsi_mobile")


# -- one := evaluator ---------------------------------------------------------------------
@pytest.mark.parametrize("expression", ["a^2", "a**2", "a*b/c", "-(a - b)^2 + 2*c", "+a"])
def test_pls_and_sem_evaluate_an_expression_alike(expression):
    scalars = {"a": 0.7, "b": 0.4, "c": 0.2}
    arrays = {k: np.array([v, 2 * v]) for k, v in scalars.items()}
    sem_value = float(evaluate_defined(expression, scalars))
    assert float(pls_evaluate(expression, scalars, "d")) == pytest.approx(sem_value, abs=1e-15)
    assert pls_evaluate(expression, arrays, "d")[0] == pytest.approx(sem_value, abs=1e-15)
    assert evaluate_defined(expression, arrays)[0] == pytest.approx(sem_value, abs=1e-15)


def test_sem_defined_parameters_equal_the_expression_of_their_estimates(ecsi):
    fit = cx.sem.fit(WITH_DEFINED, ecsi)
    assert fit.admissible
    est = fit.estimates().set_index("label")["est"]
    expected = _expected(est["a"], est["b"], est["c"])
    for name, value in expected.items():
        assert est[name] == pytest.approx(value, rel=1e-12)
    assert est["caret"] == est["stars"]


def test_pls_defined_effects_equal_the_expression_of_pls_paths(ecsi):
    fit = cx.pls.fit(WITH_DEFINED, ecsi)  # 'a^2' was refused by PLS before one evaluator
    paths = fit.paths_.set_index("label")["est"]
    expected = _expected(paths["a"], paths["b"], paths["c"])
    boot = fit.bootstrap(B=10, seed=1, n_jobs=1, progress=False).effects()
    est = boot[boot["kind"] == "defined"].set_index("from")["est"]
    for name, value in expected.items():
        assert est[name] == pytest.approx(value, rel=1e-12)
    assert est["caret"] == est["stars"]


def test_non_finite_and_unreadable_expressions():
    assert float(evaluate_defined("10**400", {})) == np.inf
    assert np.isnan(float(evaluate_defined("a/b", {"a": 0.0, "b": 0.0})))
    with pytest.raises(ExpressionError, match="'z' is not a label of the model") as info:
        evaluate_defined("a*z", {"a": 1.0})
    assert (info.value.reason, info.value.name) == ("label", "z")
    with pytest.raises(ModelSpecError, match=r"'z' is not a path label\. Labels: a"):
        pls_evaluate("a*z", {"a": np.ones(1)}, "d")
    with pytest.raises(ModelSpecError, match=r"d := a \+ is not a valid expression"):
        pls_evaluate("a +", {"a": np.ones(1)}, "d")
    with pytest.raises(ModelSpecError, match="only labels, numbers and"):
        pls_evaluate("a % 2", {"a": np.ones(1)}, "d")
    with pytest.raises(ModelSpecError, match="is not a number"):
        evaluate_defined("True * a", {"a": 1.0})


# -- PLS reads through the one parser and refuses what it refused -------------------------
BLOCKS = "Image =~ IMAG1 + IMAG2\nLoyalty =~ CUSL1 + CUSL2\n"


@pytest.mark.parametrize(
    ("model", "match"),
    [
        (BLOCKS + "Loyalty ~ 0.5*Image", "'0.5\\*Image' fixes a value"),
        ("Image =~ IMAG1 + 0.8*IMAG2\nLoyalty =~ CUSL1\nLoyalty ~ Image", "fixes a value"),
        (BLOCKS + "Loyalty ~ 1", "intercepts '~ 1' are not part of PLS-PM"),
        (BLOCKS + "Loyalty ~ a*b*Image", "'a\\*b' in 'Loyalty ~ a\\*b\\*Image' is not a label"),
        (BLOCKS + "Loyalty ~ Image\nImage Loyalty", "Line 4: 'Image Loyalty' has no operator"),
        (BLOCKS + "Loyalty ~ a*Image\na == b", "Line 4: 'a == b' is a constraint.*cx.sem.fit"),
        (BLOCKS + "Loyalty ~ a*Image\na > 0", "Line 4: 'a > 0' is a constraint"),
        (BLOCKS + "Loyalty ~ Image + + Image", "an empty term"),
        ("Image =~\nLoyalty =~ CUSL1 + CUSL2\nLoyalty ~ Image", "'Image' has no indicators"),
        (BLOCKS + "Loyalty ~ a*Image\nd := a*z", "'z' is not a path label"),
    ],
)
def test_pls_refuses_what_it_refused(ecsi, model, match):
    with pytest.raises(ModelSpecError, match=match):
        cx.pls.fit(model, ecsi)


def test_pls_skips_covariances_and_reads_mode_b(ecsi):
    fit = cx.pls.fit(
        "Image <~ IMAG1 + IMAG2 + IMAG3\nLoyalty =~ CUSL1 +\n  CUSL2  # continued\n"
        "Loyalty ~ Image; CUSL1 ~~ CUSL2",
        ecsi,
    )
    assert fit.notes[0] == (
        "line 4 (CUSL1 ~~ CUSL2) skipped: PLS-PM does not estimate (co)variances."
    )
    assert fit.spec_.modes == {"Image": "B", "Loyalty": "A"}
    assert fit.spec_.blocks["Loyalty"] == ("CUSL1", "CUSL2")


# -- the light reading ----------------------------------------------------------------------
def test_statements_read_operators_terms_labels_and_fixed_values():
    read = statements(
        "F =~ NA*x1 + c(1, 2)*x2 + start(0.5)*x3 # comment\n"
        "C <~ x4 + x5; Y ~ b*F + 1\nx1 ~~ 0*x2\nd := b^2\nb == 0.3\nnothing here"
    )
    assert [(s.line, s.lhs, s.op) for s in read] == [
        (1, "F", "=~"),
        (2, "C", "<~"),
        (2, "Y", "~"),
        (3, "x1", "~~"),
        (4, "d", ":="),
        (5, "b", "=="),
        (6, "", None),
    ]
    x1, x2, x3 = read[0].terms
    assert (x1.name, x1.free, x1.fixed, x1.modifiers) == ("x1", True, [], ("NA",))
    assert (x2.fixed, x2.text) == ([1.0, 2.0], "c(1, 2)*x2")
    assert x3.start == 0.5
    assert [(t.name, t.label) for t in read[2].terms] == [("F", ["b"]), ("1", [])]
    assert read[3].terms[0].fixed == [0.0]
    assert (read[4].rhs, read[4].terms) == ("b^2", ())
    bad = statements("F =~ x1 + + 2x*x2 + x 3")[0].terms
    assert [t.problem is not None for t in bad] == [False, True, True, True]


def test_sem_keeps_its_messages():
    hs = cx.datasets.load("holzinger_swineford")
    with pytest.raises(
        ModelSpecError, match="Line 2 of the model: 'F <~ x1 \\+ x2': '<~' defines a composite"
    ):
        cx.sem.fit("G =~ x4 + x5 + x6\nF <~ x1 + x2", hs)
    with pytest.raises(ModelSpecError, match="Line 1 of the model: In 'F =~ x1 \\+ \\+ x2'"):
        cx.sem.fit("F =~ x1 + + x2", hs)
    with pytest.raises(ModelSpecError, match="has no lavaan operator"):
        cx.sem.fit("F =~ x1 + x2 + x3\nx4 x5", hs)


# -- the report's measurement model -----------------------------------------------------------
def _measurement_as_the_report_cut_it(model: str) -> str:
    """The cut the report made by hand before measurement_part (its keep set from =~)."""
    statements_ = split_statements(model)
    loads = [s for s in statements_ if "=~" in s]
    keep = {s.split("=~")[0].strip() for s in loads}
    keep |= {p.split("*")[-1].strip() for s in loads for p in s.split("=~")[1].split("+")}
    measurement = list(loads)
    for s in statements_:
        if "~~" in s and ":=" not in s:
            names = {p.split("*")[-1].strip() for side in s.split("~~") for p in side.split("+")}
            if names <= keep:
                measurement.append(s)
    return "\n".join(measurement)


@pytest.mark.parametrize(
    "model",
    [
        cx.models.acsi(),
        cx.models.ecsi(),
        cx.models.ecsi(complaints=True),
        cx.models.experience_economy_4e(),
        cx.models.servqual_loyalty(
            {
                c: [f"{c[:4].lower()}{i}" for i in (1, 2, 3)]
                for c in ["Tangibles", "Reliability", "Responsiveness", "Assurance", "Empathy"]
            }
            | {"Satisfaction": ["s1", "s2"], "Loyalty": ["l1", "l2"]}
        ),
        "F =~ a + b + c\nG =~ d + e + f\nY ~ F + G\na ~~ d\nY ~~ F\nF ~~ 1*F; ind := 2",
    ],
)
def test_measurement_part_of_the_templates(model):
    part = measurement_part(model)
    assert part == _measurement_as_the_report_cut_it(model)
    read = statements(part)
    assert read and {s.op for s in read} <= {"=~", "~~"}
    assert [s.text for s in read if s.op == "=~"] == [
        s.text for s in statements(model) if s.op == "=~"
    ]


def test_measurement_part_keeps_single_item_fixes_and_drops_structure():
    part = measurement_part(cx.models.ecsi(complaints=True))
    assert "CUSCO ~~ 0*CUSCO" in part.splitlines()
    assert measurement_part("Y ~ X\nY ~~ X") == ""


# -- the simulator reads fixed values through the same parser ----------------------------------
def test_simulate_still_reads_fixed_values():
    table = cx.simulate.parse("F =~ 0.8*a + .7*b +\n 1e-1*c  # continued\nY ~ -0.4*F; F ~~ 0.3*G")
    assert table.values.tolist() == [
        ["F", "=~", "a", 0.8],
        ["F", "=~", "b", 0.7],
        ["F", "=~", "c", 0.1],
        ["Y", "~", "F", -0.4],
        ["F", "~~", "G", 0.3],
    ]
    assert cx.simulate.strip_values("F =~ 0.8*a + 0.7*b\nY ~ -0.4*F") == "F =~ a + b\nY ~ F"


@pytest.mark.parametrize(
    ("model", "match"),
    [
        ("F =~ 0.8*a + b", "Line 1: F =~ b has no population value"),
        ("F =~ 0.8*a\nY ~ b*F", "Line 2: cannot read the term 'b\\*F'"),
        ("F =~ 0.8*a\nY ~ 0.5*0.2*F", "Line 2: cannot read the term '0.5\\*0.2\\*F'"),
        ("F =~ 0.8*a + NA*b", "cannot read the term 'NA\\*b'"),
        ("F =~ 0.8*a\nY ~ 0.5*1", "cannot read the term '0.5\\*1'"),
        ("F =~ 0.8*a\nind := 2", "Line 2: 'ind := 2' has no =~, ~ or ~~"),
        ("# only a comment", "The model is empty"),
    ],
)
def test_simulate_refuses_what_it_refused(model, match):
    with pytest.raises(ModelSpecError, match=match):
        cx.simulate.parse(model)
