"""lavaan's explicit constraints (``==``, ``<``, ``>``), read and checked once for every
estimator; CB-SEM (:mod:`cxlab.sem.constraints`) is the one that imposes them.

A constraint compares two expressions of parameter labels and numbers, with the operators
of ``:=`` (``+ − * / ^``, parentheses): ``a == b``, ``a == 2*b``, ``b1 + b2 == 1``,
``a1 == a2 + a3``, ``v > 0``, ``a < b``, ``a == b^2``; a defined parameter (``:=``) may
appear in it, as in lavaan. :class:`Constraint` keeps one as written (its line and text
for messages); :func:`linear_form` says whether it is linear in the labels (the SEM
estimator then reparameterises it exactly) and :func:`check_constraints` refuses, with the
line named, a constraint on an unknown label, one that holds whatever the estimates
(``a == a``) and one that contradicts a fixed value. :class:`ConstraintSet` evaluates
them at a vector of free parameters, with their exact Jacobian (complex-step
derivatives, as lavaan's ``lav_func_jacobian_complex``).

# In R: lavaan::sem("... \\n a == b \\n v > 0", data)

Examples
--------
>>> from cxlab.models.constraints import Constraint, linear_form
>>> Constraint(3, "b1 + b2 == 1", "b1 + b2", "==", "1").expression
'(b1 + b2) - (1)'
>>> linear_form("(a1) - (2*a2)", {"a1": ({"a1": 1.0}, 0.0), "a2": ({"a2": 1.0}, 0.0)})
({'a1': 1.0, 'a2': -2.0}, 0.0)
>>> linear_form("a - b^2", {"a": ({"a": 1.0}, 0.0), "b": ({"b": 1.0}, 0.0)}) is None
True
"""

from __future__ import annotations

import ast
import difflib
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from cxlab.errors import ModelSpecError
from cxlab.models.defined import evaluate_defined

__all__ = [
    "CONSTRAINT_OPERATORS",
    "Constraint",
    "ConstraintSet",
    "check_constraints",
    "linear_form",
    "names_in",
]

#: lavaan's constraint operators
CONSTRAINT_OPERATORS = ("==", "<", ">")

LinearForm = tuple[dict[Any, float], float]


@dataclass(frozen=True)
class Constraint:
    """One constraint as written: ``line`` (1-based), statement ``text``, ``lhs``, ``op``
    (``==``, ``<``, ``>``), ``rhs``. ``expression`` is the function that must be 0
    (``==``) or at least 0 (``<``, ``>``), as lavaan's ``ceq.function`` / ``cin.function``."""

    line: int
    text: str
    lhs: str
    op: str
    rhs: str

    @property
    def expression(self) -> str:
        """``(lhs) - (rhs)`` for ``==`` and ``>``, ``(rhs) - (lhs)`` for ``<``.

        Examples
        --------
        >>> Constraint(1, "a < b", "a", "<", "b").expression
        '(b) - (a)'
        """
        if self.op == "<":
            return f"({self.rhs}) - ({self.lhs})"
        return f"({self.lhs}) - ({self.rhs})"

    @property
    def where(self) -> str:
        """The statement and its line, for messages.

        Examples
        --------
        >>> Constraint(4, "a == b", "a", "==", "b").where
        "Line 4 of the model ('a == b')"
        """
        return f"Line {self.line} of the model ('{self.text}')"


def _tree(expression: str) -> ast.AST:
    return ast.parse(expression.replace("^", "**"), mode="eval").body


def names_in(expression: str) -> list[str]:
    """The names (labels) used in an expression, in order of appearance; raises
    ModelSpecError when it is not an expression of names, numbers and ``+ − * / ^``.

    Examples
    --------
    >>> names_in("b1 + 2*b2 - b1^2")
    ['b1', 'b2']
    """
    try:
        tree = _tree(expression)
    except SyntaxError:
        raise ModelSpecError(f"cannot read {expression!r} as an expression.") from None
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            names.append(node.id)
        elif isinstance(node, ast.Constant):
            if isinstance(node.value, bool) or not isinstance(node.value, int | float):
                raise ModelSpecError(f"{node.value!r} in {expression!r} is not a number.")
        elif not isinstance(
            node,
            ast.BinOp
            | ast.UnaryOp
            | ast.Add
            | ast.Sub
            | ast.Mult
            | ast.Div
            | ast.Pow
            | ast.USub
            | ast.UAdd
            | ast.Load,
        ):
            raise ModelSpecError(
                f"{expression!r}: only labels, numbers, + − * / ^ and parentheses are allowed."
            )
    return list(dict.fromkeys(names))


def linear_form(expression: str, env: dict[str, LinearForm | None]) -> LinearForm | None:
    """The expression as ``({symbol: coefficient}, constant)`` when it is linear in the
    symbols of *env* (each name mapped to its own linear form; None for a nonlinear
    defined parameter), else None. Zero coefficients are dropped.

    Examples
    --------
    >>> env = {"a": ({"a": 1.0}, 0.0), "one": ({}, 1.0)}
    >>> linear_form("(a + one) - (a)", env)  # the label cancels: a constant
    ({}, 1.0)
    >>> linear_form("a/2 + 3", env)
    ({'a': 0.5}, 3.0)
    """

    def scale(form: LinearForm, k: float) -> LinearForm:
        return {s: c * k for s, c in form[0].items()}, form[1] * k

    def walk(node: ast.AST) -> LinearForm | None:
        if isinstance(node, ast.Constant):
            return {}, float(node.value)
        if isinstance(node, ast.Name):
            return env[node.id]
        if isinstance(node, ast.UnaryOp):
            inner = walk(node.operand)
            if inner is None:
                return None
            return scale(inner, -1.0) if isinstance(node.op, ast.USub) else inner
        if not isinstance(node, ast.BinOp):
            return None
        left, right = walk(node.left), walk(node.right)
        if left is None or right is None:
            return None
        if isinstance(node.op, ast.Add | ast.Sub):
            sign = 1.0 if isinstance(node.op, ast.Add) else -1.0
            coef = dict(left[0])
            for s, c in right[0].items():
                coef[s] = coef.get(s, 0.0) + sign * c
            return coef, left[1] + sign * right[1]
        if isinstance(node.op, ast.Mult):
            if not left[0]:
                return scale(right, left[1])
            return scale(left, right[1]) if not right[0] else None
        if isinstance(node.op, ast.Div):
            return scale(left, 1.0 / right[1]) if not right[0] and right[1] != 0 else None
        if isinstance(node.op, ast.Pow) and not right[0]:
            if not left[0]:
                return {}, left[1] ** right[1]
            return left if right[1] == 1 else ({}, 1.0) if right[1] == 0 else None
        return None

    form = walk(_tree(expression))
    if form is None:
        return None
    return {s: c for s, c in form[0].items() if c != 0}, form[1]


def _label_rows(table: pd.DataFrame) -> dict[str, tuple[int, float]]:
    """label → (free index, fixed value) of the first parameter carrying it (as lavaan's
    ``match``): free index 0 for a fixed parameter."""
    out: dict[str, tuple[int, float]] = {}
    params = table[table.op != ":="]
    for lab, free, value in zip(params["label"], params["free"], params["value"], strict=True):
        if lab and lab not in out:
            out[lab] = (int(free), float(value))
    return out


def _environment(table: pd.DataFrame, names: list[str]) -> dict[str, LinearForm | None]:
    """Linear forms of labels (free: the symbol of its free index; fixed: its value) and of
    defined parameters (None when nonlinear), for :func:`linear_form`."""
    env: dict[str, LinearForm | None] = {}
    for lab, (free, value) in _label_rows(table).items():
        env[lab] = ({free: 1.0}, 0.0) if free else ({}, value)
    for name, expression in table.loc[table.op == ":=", ["lhs", "rhs"]].itertuples(index=False):
        try:
            env[name] = (
                linear_form(expression, env) if set(names_in(expression)) <= set(env) else None
            )
        except (ModelSpecError, KeyError, ZeroDivisionError, OverflowError):
            env[name] = None
    return env


def check_constraints(table: pd.DataFrame, constraints: list[Constraint]) -> None:
    """Refuse, naming the line, a constraint on a name that is neither a label nor a
    defined parameter, one that holds whatever the estimates (``a == a``; a constraint on
    fixed parameters only that holds) and one that contradicts fixed values.

    Examples
    --------
    >>> from cxlab.models.syntax import parse
    >>> parse("y ~ a*x1 + b*x2\\na == c", ["y", "x1", "x2"])
    Traceback (most recent call last):
        ...
    cxlab.errors.ModelSpecError: Line 2 of the model ('a == c'): 'c' is not a label of the \
model. Labels are: a, b. Did you mean 'b' or 'a'? Give a parameter this label first \
(e.g. 'y ~ c*x'), then constrain it.
    """
    labels = _label_rows(table)
    defined = list(table.loc[table.op == ":=", "lhs"])
    known = list(labels) + defined
    for con in constraints:
        try:
            used = names_in(con.expression)
        except ModelSpecError as exc:
            raise ModelSpecError(f"{con.where}: {exc}") from None
        for name in used:
            if name in known:
                continue
            close = difflib.get_close_matches(name, known, n=2, cutoff=0.0)
            hint = f" Did you mean {' or '.join(map(repr, close))}?" if close else ""
            shown = ", ".join(known) if known else "none"
            raise ModelSpecError(
                f"{con.where}: {name!r} is not a label of the model. Labels are: {shown}.{hint} "
                f"Give a parameter this label first (e.g. 'y ~ {name}*x'), then constrain it."
            )
        env = _environment(table, used)
        try:
            form = linear_form(con.expression, env)
        except ZeroDivisionError:
            form = None
        if form is not None and form[0]:
            continue
        if form is None:
            free = [n for n in used if n in labels and labels[n][0] > 0]
            if free or any(n in defined for n in used):
                continue
            values = {n: labels[n][1] for n in used}
            form = ({}, float(evaluate_defined(con.expression, values)))
        fixed = [n for n in used if n in labels and labels[n][0] == 0]
        value = form[1]
        holds = value == 0 if con.op == "==" else value >= 0
        if np.isnan(value):
            continue  # a label fixed at a sample value (fixed.x): known only at fit time
        if holds:
            why = (
                "both sides are the same"
                if not fixed
                else f"it involves only fixed parameters ({', '.join(fixed)})"
            )
            raise ModelSpecError(
                f"{con.where}: the constraint holds whatever the estimates ({why}), so it "
                "constrains nothing; remove it."
            )
        shown = ", ".join(f"{n} = {labels[n][1]:g}" for n in fixed)
        raise ModelSpecError(
            f"{con.where}: the constraint contradicts the fixed value(s) of the model "
            f"({shown or 'numbers only'}): it can never hold. Free the fixed parameter "
            "(e.g. NA*x1 for a first loading, with std_lv=True or another loading fixed) or "
            "correct the constraint."
        )


class ConstraintSet:
    """The constraints of a parameter table as functions of the free parameters θ.

    ``equalities(θ)`` must be 0 and ``inequalities(θ)`` at least 0; ``jacobian(θ)`` gives
    both Jacobians exactly (complex-step derivatives). ``linear`` says whether every
    constraint is linear in θ (then ``A θ + b`` is exact). Labels are read as lavaan
    reads them: the first parameter carrying a label; a fixed one counts as its value.

    Examples
    --------
    >>> from cxlab.models.syntax import parse
    >>> table = parse("y ~ a*x1 + b*x2 + c*x3\\na == 2*b\\nc > 0", ["y", "x1", "x2", "x3"])
    >>> cs = ConstraintSet.of(table)
    >>> theta = np.array([1.0, 0.2, -0.1, 0.5])  # a, b, c and the residual variance of y
    >>> cs.equalities(theta).round(3).tolist(), cs.inequalities(theta).round(3).tolist()
    ([0.6], [-0.1])
    >>> cs.jacobian(theta)[0].tolist()
    [[1.0, -2.0, 0.0, 0.0]]
    """

    def __init__(self, table: pd.DataFrame, constraints: list[Constraint]):
        self.constraints = list(constraints)
        self.equal = [c for c in self.constraints if c.op == "=="]
        self.unequal = [c for c in self.constraints if c.op != "=="]
        self.n_free = int(table.loc[table.op != ":=", "free"].max()) if len(table) else 0
        rows = _label_rows(table)
        self._free = {lab: free - 1 for lab, (free, _) in rows.items() if free}
        self._fixed = {lab: value for lab, (free, value) in rows.items() if not free}
        self._defined = list(table.loc[table.op == ":=", ["lhs", "rhs"]].itertuples(index=False))
        names = [n for c in self.constraints for n in names_in(c.expression)]
        env = _environment(table, names)
        self.linear = all(linear_form(c.expression, env) is not None for c in self.constraints)

    @classmethod
    def of(cls, table: pd.DataFrame) -> ConstraintSet | None:
        """The constraints stored by :func:`cxlab.models.syntax.parse` in
        ``table.attrs["constraints"]``; None when the model has none.

        Examples
        --------
        >>> from cxlab.models.syntax import parse
        >>> ConstraintSet.of(parse("y ~ x", ["y", "x"])) is None
        True
        """
        rows = table.attrs.get("constraints") or ()
        if not rows:
            return None
        return cls(table, [Constraint(*row) for row in rows])

    def _evaluate(self, theta: np.ndarray, which: list[Constraint]) -> np.ndarray:
        """Constraint values at θ (k,) or at each column of θ (k × m, real or complex)."""
        theta = np.asarray(theta)
        named: dict[str, Any] = {lab: theta[k] for lab, k in self._free.items()}
        named.update(self._fixed)
        for name, expression in self._defined:
            named[name] = evaluate_defined(expression, named)
        shape = theta.shape[1:]
        out = [np.broadcast_to(evaluate_defined(c.expression, named), shape) for c in which]
        return np.array(out).reshape((len(which), *shape))

    def equalities(self, theta: np.ndarray) -> np.ndarray:
        """Values of the ``==`` constraints (0 when they hold).

        Examples
        --------
        >>> from cxlab.models.syntax import parse
        >>> cs = ConstraintSet.of(parse("y ~ a*x1 + b*x2\\na == b", ["y", "x1", "x2"]))
        >>> cs.equalities(np.array([0.5, 0.5, 1.0])).tolist()
        [0.0]
        """
        return self._evaluate(theta, self.equal).astype(float)

    def inequalities(self, theta: np.ndarray) -> np.ndarray:
        """Values of the ``<`` / ``>`` constraints (at least 0 when they hold).

        Examples
        --------
        >>> from cxlab.models.syntax import parse
        >>> cs = ConstraintSet.of(parse("y ~ a*x1 + b*x2\\na < b", ["y", "x1", "x2"]))
        >>> cs.inequalities(np.array([0.2, 0.5, 1.0])).round(3).tolist()
        [0.3]
        """
        return self._evaluate(theta, self.unequal).astype(float)

    def jacobian(self, theta: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Jacobians (rows: constraints, columns: free parameters) of the equalities and of
        the inequalities at θ, by complex steps (exact to rounding).

        Examples
        --------
        >>> from cxlab.models.syntax import parse
        >>> cs = ConstraintSet.of(parse("y ~ a*x1 + b*x2\\na == b^2", ["y", "x1", "x2"]))
        >>> cs.jacobian(np.array([0.25, 0.5, 1.0]))[0].tolist()
        [[1.0, -1.0, 0.0]]
        """
        k, h = len(theta), 1e-30
        steps = np.asarray(theta, dtype=complex)[:, None] + 1j * h * np.eye(k)
        with np.errstate(all="ignore"):
            eq = self._evaluate(steps, self.equal).imag / h
            ineq = self._evaluate(steps, self.unequal).imag / h
        return eq.reshape(len(self.equal), k), ineq.reshape(len(self.unequal), k)
