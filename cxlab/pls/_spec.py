"""PLS-PM model syntax and data checks for :mod:`cxlab.pls` (private).

The model is lavaan-style syntax: ``C =~ x1 + x2`` (mode A, "reflective"),
``C <~ x1 + x2`` (mode B, "formative"), ``Y ~ b*X + Z`` (paths, optional labels) and
``ind := b*c`` (defined effects from path labels). Statements are read by
:func:`cxlab.models.syntax.statements`, the parser every estimator of cxlab shares
(comments, ``;``, continuation lines, operators, terms); PLS-PM's own rules are applied
here: fixed values are refused (PLS estimates every weight, loading and path), ``~~``
lines (residual covariances, fixed error variances of single items) have no meaning in
PLS-PM and are skipped with a note. ``:=`` expressions are evaluated by
:func:`cxlab.models.defined.evaluate_defined`, as in CB-SEM (``^`` and ``**`` included).
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from cxlab._conventions import numeric_columns
from cxlab.errors import DataError, ModelSpecError
from cxlab.models.defined import ExpressionError, evaluate_defined
from cxlab.models.syntax import NAME as _NAME
from cxlab.models.syntax import Term, statements

_OPS = (":=", "=~", "<~", "~~", "~")
MISSING = ("mean", "listwise")


@dataclass(frozen=True)
class Spec:
    """A parsed PLS path model: blocks of items per construct, modes, paths, labels."""

    constructs: tuple[str, ...]
    blocks: dict[str, tuple[str, ...]]
    modes: dict[str, str]
    paths: tuple[tuple[str, str], ...]
    labels: dict[tuple[str, str], str] = field(default_factory=dict)
    defined: dict[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    @property
    def items(self) -> list[str]:
        return [i for c in self.constructs for i in self.blocks[c]]


def _close(name: str, pool: Sequence[str]) -> str:
    lower = {str(c).lower(): str(c) for c in pool}
    hits = [lower[name.lower()]] if name.lower() in lower else []
    hits += [c for c in difflib.get_close_matches(name, list(map(str, pool)), n=2) if c not in hits]
    return f" Did you mean {' or '.join(map(repr, hits))}?" if hits else ""


def _terms(terms: Sequence[Term], line: int, statement: str) -> list[tuple[str | None, str]]:
    """(label or None, name) of each ``+``-separated term; numbers are refused."""
    out = []
    for term in terms:
        if not term.text:
            raise ModelSpecError(f"Line {line}: an empty term in {statement!r}.")
        label, name = "*".join(term.modifiers) or None, term.name
        if label is not None:
            try:
                float(label)
            except ValueError:
                pass
            else:
                raise ModelSpecError(
                    f"Line {line}: {term.text!r} fixes a value; PLS-PM estimates every weight, "
                    "loading and path, so fixed values cannot be used. Remove the number."
                )
            if not _NAME.match(label):
                raise ModelSpecError(f"Line {line}: {label!r} in {statement!r} is not a label.")
        if not _NAME.match(name):
            raise ModelSpecError(
                f"Line {line}: {name!r} in {statement!r} is not a variable name"
                + (" (intercepts '~ 1' are not part of PLS-PM)." if name == "1" else ".")
            )
        out.append((label, name))
    return out


def parse(model: str, columns: Sequence[str]) -> Spec:
    """Parse *model* against the data's *columns*; see the module docstring."""
    columns = [str(c) for c in columns]
    blocks: dict[str, list[str]] = {}
    modes: dict[str, str] = {}
    raw_paths: list[tuple[str, str, str | None, int, str]] = []
    defined: dict[str, str] = {}
    notes: list[str] = []
    for statement in statements(model):
        line, st, op, lhs, rhs = (
            statement.line,
            statement.text,
            statement.op,
            statement.lhs,
            statement.rhs,
        )
        if op in ("==", "<", ">"):
            raise ModelSpecError(
                f"Line {line}: {st!r} is a constraint ('==', '<', '>'), which only "
                "covariance-based SEM imposes (cx.sem.fit); PLS-PM estimates every weight, "
                "loading and path freely. Remove the line, or fit the model with cx.sem.fit."
            )
        if op not in _OPS:
            raise ModelSpecError(
                f"Line {line}: {st!r} has no operator; use =~ (mode A), <~ (mode B), ~ (path) "
                "or := (defined effect)."
            )
        if op == "~~":
            notes.append(f"line {line} ({st}) skipped: PLS-PM does not estimate (co)variances.")
            continue
        if op == ":=":
            if not _NAME.match(lhs):
                raise ModelSpecError(f"Line {line}: {lhs!r} is not a valid name for := .")
            defined[lhs] = rhs
            continue
        if not _NAME.match(lhs):
            raise ModelSpecError(f"Line {line}: {lhs!r} on the left of {op} is not one name.")
        if op in ("=~", "<~"):
            if not rhs or any(o in rhs for o in _OPS):  # empty, or the next line joined on
                raise ModelSpecError(
                    f"Line {line}: construct {lhs!r} has no indicators; list its items, e.g. "
                    f"'{lhs} {op} item1 + item2'."
                )
            if lhs in columns:
                raise ModelSpecError(
                    f"Line {line}: construct {lhs!r} has the name of a data column; rename it."
                )
            mode = "A" if op == "=~" else "B"
            if modes.setdefault(lhs, mode) != mode:
                raise ModelSpecError(
                    f"Construct {lhs!r} is declared with both =~ (mode A) and <~ (mode B); "
                    "choose one."
                )
            blocks.setdefault(lhs, []).extend(name for _, name in _terms(statement.terms, line, st))
        else:
            for label, name in _terms(statement.terms, line, st):
                raw_paths.append((name, lhs, label, line, st))
    if not blocks:
        raise ModelSpecError(
            "The model declares no construct: measure each one with =~ (mode A) or <~ "
            "(mode B), e.g. 'Satisfaction =~ CUSA1 + CUSA2 + CUSA3'."
        )
    constructs = tuple(blocks)
    owner: dict[str, str] = {}
    for c, items in blocks.items():
        for item in items:
            if item in blocks:
                raise ModelSpecError(
                    f"{c!r} is measured by the construct {item!r}: higher-order constructs are "
                    "not supported. Fit the first-order model, then use its scores as items "
                    "(two-stage approach)."
                )
            if item not in columns:
                raise ModelSpecError(
                    f"Item {item!r} of construct {c!r} is not a column of the data."
                    + _close(item, columns)
                )
            if item in owner:
                raise ModelSpecError(
                    f"Item {item!r} is used by both {owner[item]!r} and {c!r}; each item "
                    "measures one construct in PLS-PM."
                )
            owner[item] = c
    paths: list[tuple[str, str]] = []
    labels: dict[tuple[str, str], str] = {}
    for source, target, label, line, st in raw_paths:
        for name in (target, source):
            if name in blocks:
                continue
            if name in columns:
                raise ModelSpecError(
                    f"Line {line}: {name!r} in {st!r} is an item, not a construct. PLS paths "
                    f"connect constructs: declare it as a single-item construct, e.g. "
                    f"'{name}_c =~ {name}', and use that name in the path."
                )
            raise ModelSpecError(
                f"Line {line}: {name!r} in {st!r} is not a declared construct (declare it with "
                f"=~ or <~).{_close(name, constructs)} Constructs: {', '.join(constructs)}."
            )
        if source == target:
            raise ModelSpecError(f"Line {line}: {st!r} regresses {source!r} on itself.")
        if (source, target) not in paths:
            paths.append((source, target))
        if label is not None:
            labels[(source, target)] = label
    if not paths:
        raise ModelSpecError(
            "The model has no paths between constructs (~); PLS-PM needs a structural model."
        )
    linked = {c for p in paths for c in p}
    isolated = [c for c in constructs if c not in linked]
    if isolated:
        raise ModelSpecError(
            f"Construct(s) {', '.join(isolated)} are in no path: PLS-PM estimates a construct "
            "from its neighbours in the structural model. Add its paths or drop it."
        )
    _check_cycles(constructs, paths)
    spec = Spec(
        constructs,
        {c: tuple(v) for c, v in blocks.items()},
        modes,
        tuple(paths),
        labels,
        defined,
        tuple(notes),
    )
    for name, expr in defined.items():
        evaluate(expr, {lab: np.zeros(1) for lab in labels.values()}, name)
    return spec


def _check_cycles(constructs: Sequence[str], paths: Sequence[tuple[str, str]]) -> None:
    succ = {c: [b for a, b in paths if a == c] for c in constructs}
    state: dict[str, int] = {}

    def visit(c: str, trail: list[str]) -> None:
        state[c] = 1
        for nxt in succ[c]:
            if state.get(nxt) == 1:
                cycle = [*trail[trail.index(nxt) :], c, nxt] if nxt in trail else [c, nxt]
                raise ModelSpecError(
                    f"The structural model has a cycle: {' → '.join(cycle)}. PLS-PM needs a "
                    "recursive model (no feedback loops); remove one path of the cycle."
                )
            if state.get(nxt) is None:
                visit(nxt, [*trail, c])
        state[c] = 2

    for c in constructs:
        if c not in state:
            visit(c, [])


def evaluate(expr: str, values: dict[str, np.ndarray], name: str = "") -> np.ndarray:
    """Value of a ``:=`` expression (labels, numbers, + − × ÷, ``^`` or ``**``,
    parentheses), by the evaluator CB-SEM uses; messages in PLS-PM's words."""
    try:
        value = evaluate_defined(expr, values)
    except ExpressionError as err:
        if err.reason == "label":
            raise ModelSpecError(
                f"{name} := {expr}: {err.name!r} is not a path label. Labels: "
                f"{', '.join(values) or 'none (write e.g. Loyalty ~ b*Satisfaction)'}."
            ) from None
        if err.reason == "syntax":
            raise ModelSpecError(f"{name} := {expr} is not a valid expression.") from err
        raise ModelSpecError(
            f"{name} := {expr}: only labels, numbers and + - * / ^ are allowed."
        ) from None
    return np.asarray(value, dtype=float)


def prepare(
    data: pd.DataFrame, items: list[str], missing: str | None
) -> tuple[pd.DataFrame, list[str]]:
    """The items as floats after the missing-data strategy, and notes on what was done."""
    if not isinstance(data, pd.DataFrame):
        raise DataError(f"data must be a pandas DataFrame, not {type(data).__name__}.")
    if missing is not None and missing not in MISSING:
        raise DataError(f"missing must be 'mean' or 'listwise' (or None), not {missing!r}.")
    frame = numeric_columns(data, items, noun="Item")
    notes: list[str] = []
    counts = frame.isna().sum()
    gaps = counts[counts > 0]
    if len(gaps) and missing is None:
        listed = ", ".join(f"{k} ({v})" for k, v in gaps.items())
        incomplete = int(frame.isna().any(axis=1).sum())
        raise DataError(
            f"Missing values in {len(gaps)} item(s): {listed}. PLS-PM needs complete data, so "
            f"choose a strategy: missing='mean' replaces each missing answer by the item's "
            f"mean (seminr's and SmartPLS's default), missing='listwise' drops the "
            f"{incomplete} incomplete row(s)."
        )
    if len(gaps) and missing == "mean":
        frame = frame.fillna(frame.mean())
        notes.append(
            f"{int(gaps.sum())} missing answer(s) in {', '.join(gaps.index)} replaced by the "
            "item means (missing='mean')."
        )
    elif len(gaps):
        kept = frame.dropna()
        notes.append(
            f"{len(frame) - len(kept)} of {len(frame)} rows with missing answers dropped "
            "(missing='listwise')."
        )
        frame = kept
    if len(frame) < 10:
        raise DataError(f"Only {len(frame)} complete rows; PLS-PM needs at least 10.")
    for item in items:
        if frame[item].nunique() < 2:
            raise DataError(
                f"Item {item!r} is constant: every respondent gave {frame[item].iloc[0]:g}. A "
                "constant item carries no information and cannot be standardized; drop it."
            )
    return frame, notes


def check_formative(x: pd.DataFrame, spec: Spec, tol: float = 1e-8) -> None:
    """Refuse a mode-B (formative) block whose indicators are exactly collinear.

    Mode-B weights are regression weights Sⱼⱼ⁻¹ cov(Zⱼ, Ỹⱼ); with a singular Sⱼⱼ (one
    indicator a linear combination of others, e.g. a total next to its parts) they are
    arbitrary numbers that floating-point noise picks. The indicators named are those
    with a non-negligible coefficient in the exact linear dependence.
    """
    for construct, items in spec.blocks.items():
        if spec.modes[construct] != "B" or len(items) < 2:
            continue
        z = x[list(items)].to_numpy(dtype=float)
        z = (z - z.mean(axis=0)) / z.std(axis=0, ddof=1)
        cor = z.T @ z / (len(z) - 1)
        values, vectors = np.linalg.eigh(cor)
        if values[0] > tol * len(items):
            continue
        v = vectors[:, 0]
        involved = [item for item, c in zip(items, v, strict=True) if abs(c) > 1e-3]
        raise DataError(
            f"Formative (mode B) construct {construct!r}: its indicators "
            f"{', '.join(map(repr, involved))} are exactly collinear (one is a linear "
            "combination of the others, e.g. a total next to its parts), so its weights "
            "cannot be estimated (they would be arbitrary numbers). Drop one of them, or "
            f"measure {construct!r} in mode A ('=~')."
        )
