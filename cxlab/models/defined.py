"""The one evaluator of defined parameters (``ind := a*b``), for CB-SEM and PLS-PM.

An expression holds labels, numbers, ``+ − * /``, powers written ``^`` (lavaan, R) or
``**`` (Python), unary signs and parentheses. It is evaluated in numpy floating point,
so a label's value may be a number or an array (bootstrap and Monte-Carlo draws), and a
division by zero or an overflow gives ±inf or NaN instead of a Python exception (the
caller decides: :func:`cxlab.sem.fit` names the ``:=`` line, draws keep the value).

Examples
--------
>>> import numpy as np
>>> from cxlab.models.defined import evaluate_defined
>>> float(evaluate_defined("a^2", {"a": 0.5})), float(evaluate_defined("a**2", {"a": 0.5}))
(0.25, 0.25)
>>> evaluate_defined("a*b/c", {"a": np.array([1.0, 2.0]), "b": 3.0, "c": 2.0}).tolist()
[1.5, 3.0]
"""

from __future__ import annotations

import ast
import operator
from typing import Any

import numpy as np

from cxlab.errors import ModelSpecError

__all__ = ["ExpressionError", "evaluate_defined"]

_BINOPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
}


class ExpressionError(ModelSpecError):
    """A ``:=`` expression that cannot be evaluated. ``reason`` is ``"syntax"`` (not an
    expression), ``"operator"`` (something other than labels, numbers and arithmetic),
    ``"number"`` (True/False) or ``"label"`` (``name`` is not a label of the model), so
    that an estimator can word the message its own way."""

    def __init__(self, message: str, reason: str, name: str | None = None):
        super().__init__(message)
        self.reason = reason
        self.name = name


def evaluate_defined(expression: str, values: dict[str, Any]) -> Any:
    """Value of a ``:=`` expression (labels, numbers, + − * / ``^`` or ``**`` and
    parentheses), in numpy floating point: a division by zero or an overflow gives
    ±inf or NaN instead of a Python exception (``fit`` then names the ``:=`` line; the
    bootstrap and Monte-Carlo draws keep the non-finite value). *values* maps labels to
    numbers or numpy arrays; raises :class:`ExpressionError`.

    Examples
    --------
    >>> float(evaluate_defined("a*b + 2^2", {"a": 0.5, "b": 3.0}))
    5.5
    >>> float(evaluate_defined("10**400", {}))
    inf
    """

    def walk(node: ast.AST) -> Any:
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
            if isinstance(node.value, bool):
                raise ExpressionError(f"':= {expression}': {node.value} is not a number.", "number")
            try:
                return np.float64(node.value)
            except OverflowError:  # an integer literal beyond the float range
                return np.float64(np.inf) if node.value > 0 else np.float64(-np.inf)
        if isinstance(node, ast.Name):
            if node.id not in values:
                raise ExpressionError(
                    f"In ':= {expression}': {node.id!r} is not a label of the model; label a "
                    "parameter first, e.g. 'M ~ a*X'.",
                    "label",
                    node.id,
                )
            value = values[node.id]
            return np.float64(value) if isinstance(value, int | float) else value
        if isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
            return _BINOPS[type(node.op)](walk(node.left), walk(node.right))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
            value = walk(node.operand)
            return -value if isinstance(node.op, ast.USub) else value
        raise ExpressionError(
            f"':= {expression}': only labels, numbers and + − * / ** are allowed.", "operator"
        )

    try:
        tree = ast.parse(expression.replace("^", "**"), mode="eval")
    except SyntaxError as exc:
        raise ExpressionError(
            f"Cannot read the defined parameter ':= {expression}'.", "syntax"
        ) from exc
    with np.errstate(all="ignore"):
        return walk(tree)
