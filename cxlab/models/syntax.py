"""lavaan model syntax, read once for every estimator of cxlab.

Two readings of the same text:

* :func:`statements` — light and estimator-neutral: each statement with its line,
  left-hand side, operator (``=~``, ``<~``, ``~``, ``~~``, ``:=``, ``==``, ``<``, ``>``)
  and right-hand-side :class:`Term` objects (variable, label, fixed value, ``start()``,
  ``NA``, per-group ``c(…)``). CB-SEM, PLS-PM (:mod:`cxlab.pls`), the simulator
  (:mod:`cxlab.simulate`) and the report read models through it, each applying its own
  rules (PLS refuses fixed values, the simulator needs them).
* :func:`parse` — the CB-SEM parameter table with lavaan's defaults (used by
  :func:`cxlab.sem.fit`).

Statements end at a line break or ``;`` and continue over lines that end with ``+`` or
an operator; ``#`` and ``!`` start comments. Several names on the left of ``=~ ~ ~~``
(``a + b ~ x``, lavaan's shorthand) make one statement per name. ``:=`` expressions are evaluated by
:func:`cxlab.models.defined.evaluate_defined`; :func:`measurement_part` cuts the
measurement model (what a CFA of the same constructs fits) out of a model.

Modifiers: ``2*x`` (fixed), ``a*x`` / ``label("a")*x`` (label; a shared label holds
parameters equal, as does ``equal("a")*x``), ``NA*x`` (free), ``start(0.5)*x``,
``c(a1, a2)*x`` (one per group). Constraints ``==``, ``<``, ``>`` on labels and
expressions of labels (``a == b``, ``b1 + b2 == 1``, ``v > 0``, ``a == b^2``) are checked
against the labels (:func:`cxlab.models.constraints.check_constraints`) and stored, as
:class:`~cxlab.models.constraints.Constraint` fields, in ``table.attrs["constraints"]``:
only the CB-SEM estimator reads them (PLS-PM and the simulator refuse them). Refused with
the reason and an alternative (:data:`OPERATOR_REFUSALS`, :data:`REFUSED_MODIFIERS`,
:data:`BLOCK_REFUSALS`): ``<~`` (composites: PLS), ``|`` and ``~*~`` (ordinal models), ``level:``
(two-level SEM) and ``group:`` blocks, ``upper()``, ``lower()``, ``prior()``, ``efa()``,
``rv()``. docs/lavaan_syntax.md has the whole table, checked by tests/test_syntax_table.py.

The defaults of :func:`parse` are those of lavaan's ``cfa()`` / ``sem()`` (lavaan 0.6):
the first loading of each factor fixed to 1 (or, with ``std_lv``, factor variances fixed
to 1 and all loadings free); residual variances of indicators and endogenous variables,
variances of exogenous factors and covariances among exogenous factors free; covariances
among endogenous variables that predict nothing free (``auto.cov.y``); exogenous observed
predictors' variances, covariances and means fixed at their sample values
(``fixed.x``); with a mean structure, observed intercepts free and factor means fixed
at 0 (free in groups 2… when intercepts are held equal).

Written here, not taken from semopy, because semopy's parser has no per-group
modifiers, no ``group.equal``, no ``start()`` and no ``<~``.

Examples
--------
>>> from cxlab.models.syntax import parse
>>> table = parse("F =~ x1 + x2 + x3", observed=["x1", "x2", "x3"])
>>> table.loc[table.op == "=~", ["rhs", "free", "value"]].values.tolist()
[['x1', 0, 1.0], ['x2', 1, nan], ['x3', 2, nan]]
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from cxlab.errors import ModelSpecError
from cxlab.models._table import GROUP_EQUAL, assign_free, group_rows
from cxlab.models.constraints import CONSTRAINT_OPERATORS, Constraint, check_constraints

__all__ = [
    "GROUP_EQUAL",
    "NAME",
    "OPERATORS",
    "Statement",
    "Term",
    "measurement_part",
    "numbered_statements",
    "parse",
    "split_statements",
    "statements",
]

#: lavaan's operators, in the order they are looked for in a statement.
OPERATORS = (":=", "=~", "<~", "~*~", "~~", "==", "<", ">", "~", "|")
_TERM_OPERATORS = ("=~", "<~", "~~", "~")
#: A variable name or label (lavaan's and R's rules).
NAME = re.compile(r"^[A-Za-z_.][\w.]*$")


@dataclass
class Term:
    """One right-hand-side term: the variable ``name`` and what is written before it.

    ``text`` is the term as written and ``modifiers`` the parts before the name (split on
    ``*`` outside parentheses), read the lavaan way into ``fixed`` values and ``label``
    (one per group when given with ``c()``), ``start`` and ``free`` (``NA``). A term that
    cannot be read so keeps the first reason in ``problem``: CB-SEM raises it, PLS-PM and
    the simulator apply their own rules to ``modifiers``.
    """

    name: str
    fixed: list[float | None] = field(default_factory=list)
    label: list[str | None] = field(default_factory=list)
    start: float | None = None
    free: bool = False
    text: str = ""
    modifiers: tuple[str, ...] = ()
    problem: str | None = None


@dataclass(frozen=True)
class Statement:
    """One statement: the ``line`` it starts on (1-based), its ``text`` (comment removed,
    blanks collapsed), ``lhs``, ``op`` (None when it has no operator), ``rhs`` as written
    and, for ``=~ <~ ~ ~~``, its ``+``-separated ``terms`` (empty for ``:=`` and
    constraints, whose ``rhs`` is the expression)."""

    line: int
    text: str
    lhs: str
    op: str | None
    rhs: str
    terms: tuple[Term, ...] = ()


def split_statements(model: str) -> list[str]:
    """Statements of a model: comments removed, continuation lines joined.

    Examples
    --------
    >>> split_statements("F =~ x1 +\\n  x2  # two items\\nY ~ F; Y ~~ Y")
    ['F =~ x1 + x2', 'Y ~ F', 'Y ~~ Y']
    """
    if not isinstance(model, str) or not model.strip():
        raise ModelSpecError("The model is empty: give lavaan syntax such as 'F =~ x1 + x2 + x3'.")
    return [st for _, st in numbered_statements(model)]


def numbered_statements(model: str) -> list[tuple[int, str]]:
    """Statements with the line each starts on (1-based), for error messages.

    Examples
    --------
    >>> numbered_statements("# a model\\nF =~ x1 +\\n  x2\\nY ~ F")
    [(2, 'F =~ x1 + x2'), (4, 'Y ~ F')]
    """
    lines = [re.split(r"[#!]", line, maxsplit=1)[0].strip() for line in model.splitlines()]
    statements: list[tuple[int, str]] = []
    buffer, start = "", 0
    for number, line in enumerate(lines, start=1):
        for part in line.split(";"):
            part = part.strip()
            if not part:
                continue
            if buffer and (buffer.endswith(("+", "~", "=~", ":=", "*")) or part.startswith("+")):
                buffer = f"{buffer} {part}"
            else:
                if buffer:
                    statements.append((start, buffer))
                buffer, start = part, number
    if buffer:
        statements.append((start, buffer))
    return [(n, re.sub(r"\s+", " ", st)) for n, st in statements]


def statements(model: str) -> list[Statement]:
    """Every statement of *model*, read without an estimator's rules (never raises on
    content: what an estimator cannot use it refuses itself).

    Examples
    --------
    >>> model = "F =~ x1 + 0.8*x2\\nY ~ b*F + start(0.3)*X\\nind := 2*b"
    >>> [(s.line, s.lhs, s.op, [t.name for t in s.terms]) for s in statements(model)]
    [(1, 'F', '=~', ['x1', 'x2']), (2, 'Y', '~', ['F', 'X']), (3, 'ind', ':=', [])]
    >>> [(t.label, t.fixed, t.start) for t in statements(model)[1].terms]
    [(['b'], [], None), ([], [], 0.3)]
    >>> statements(model)[2].rhs
    '2*b'
    >>> [(s.lhs, s.op, s.rhs) for s in statements("a + b ~ x + z")]  # several outcomes
    [('a', '~', 'x + z'), ('b', '~', 'x + z')]
    """
    out: list[Statement] = []
    for line, text in numbered_statements(model):
        op = next((o for o in OPERATORS if o in text), None)
        if op is None:
            out.append(Statement(line, text, "", None, ""))
            continue
        lhs, rhs = (side.strip() for side in text.split(op, 1))
        terms = tuple(_terms(rhs, text)) if op in _TERM_OPERATORS else ()
        names = [name.strip() for name in lhs.split("+")]
        if op in _TERM_OPERATORS and len(names) > 1 and all(NAME.match(n) for n in names):
            # lavaan's shorthand 'a + b ~ x': one statement per left-hand name
            out += [Statement(line, text, name, op, rhs, _copy_terms(terms)) for name in names]
        else:
            out.append(Statement(line, text, lhs, op, rhs, terms))
    return out


def _copy_terms(terms: tuple[Term, ...]) -> tuple[Term, ...]:
    return tuple(dataclasses.replace(t) for t in terms)


def measurement_part(model: str) -> str:
    """The measurement model of *model*: its ``=~`` statements, then the ``~~`` statements
    among its factors and their indicators (residual covariances of items, factor
    (co)variances), one a line — what a CFA of the same constructs fits. "" when the
    model has no ``=~``.

    Examples
    --------
    >>> print(measurement_part("F =~ a + b + c\\nY ~ F + X\\na ~~ b\\nG =~ d + e\\nY ~~ X"))
    F =~ a + b + c
    G =~ d + e
    a ~~ b
    """
    read = statements(model)
    loads = [st for st in read if st.op == "=~"]
    keep = {st.lhs for st in loads} | {t.name for st in loads for t in st.terms}
    covariances = [
        st for st in read if st.op == "~~" and {st.lhs, *(t.name for t in st.terms)} <= keep
    ]
    texts = [
        f"{st.lhs} {st.op} {st.rhs}" if "+" in st.text.split(st.op, 1)[0] else st.text
        for st in [*loads, *covariances]
    ]
    return "\n".join(dict.fromkeys(texts))


def _unknown_name(name: str, observed: list[str], latent: list[str]) -> str:
    """Message for a name that is neither a column nor a factor, with near matches."""
    pool = list(observed) + list(latent)
    lower = {c.lower(): c for c in pool}
    close = [lower[name.lower()]] if name.lower() in lower else []
    close += [c for c in difflib.get_close_matches(name, pool, n=3, cutoff=0.6) if c not in close]
    hint = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    shown = ", ".join(observed[:15]) + ("…" if len(observed) > 15 else "")
    return (
        f"{name!r} is neither a column of the data nor a factor defined with =~.{hint} "
        f"Columns are: {shown}; factors: {', '.join(latent) or 'none'}."
    )


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


#: lavaan modifiers cxlab's estimators cannot honour, and why
REFUSED_MODIFIERS = {
    "upper": "bounds on a parameter (upper(), lower()) are not supported: label the parameter "
    "and write the bound as an inequality constraint instead, e.g. 'x1 ~~ v*x1' and 'v > 0'",
    "lower": "bounds on a parameter (upper(), lower()) are not supported: label the parameter "
    "and write the bound as an inequality constraint instead, e.g. 'x1 ~~ v*x1' and 'v > 0'",
    "prior": "prior() belongs to Bayesian SEM (blavaan), which cxlab does not fit",
    "efa": "efa() blocks (exploratory SEM with rotated loadings) are not supported; explore "
    "the items with cx.psychometrics.efa and confirm with a CFA",
    "rv": "rv() is not supported by cxlab's SEM",
}
_QUOTED = re.compile(r"""^\s*(['"])([A-Za-z_.][\w.]*)\1\s*$""")


def _modifier(text: str, term: Term, statement: str) -> str | None:
    """Read one modifier into *term*; the reason when it cannot be read."""
    text = text.strip()
    call = text.split("(", 1)[0].strip()
    if call in ("label", "equal") and text.endswith(")"):
        # lavaan: label("a")*x names the parameter; equal("a")*x holds it equal to the
        # parameter labelled a, which is what sharing the label does
        quoted = _QUOTED.match(text[len(call) + 1 : -1])
        if quoted is None:
            return (
                f"In '{statement}': {call}() needs one quoted label, as in {call}(\"a\"); "
                f"not {text!r}."
            )
        term.label = [quoted.group(2)]
        return None
    if call in REFUSED_MODIFIERS and text.endswith(")"):
        return f"In '{statement}': {REFUSED_MODIFIERS[call]}."
    if text.startswith("start(") and text.endswith(")"):
        value = _number(text[6:-1])
        if value is None:
            return f"In '{statement}': start() needs a number, not {text[6:-1]!r}."
        term.start = value
        return None
    items = [text]
    if text.startswith("c(") and text.endswith(")"):
        items = [t.strip() for t in text[2:-1].split(",")]
    fixed: list[float | None] = []
    labels: list[str | None] = []
    for item in items:
        value = _number(item)
        if item == "NA":
            fixed.append(None)
            labels.append(None)
            term.free = True
        elif value is not None:
            fixed.append(value)
            labels.append(None)
        elif NAME.match(item):
            fixed.append(None)
            labels.append(item)
        else:
            return f"In '{statement}': cannot read the modifier {item!r}."
    if any(v is not None for v in fixed):
        term.fixed = fixed
    if any(v is not None for v in labels):
        term.label = labels
    return None


def _terms(rhs: str, statement: str) -> list[Term]:
    terms = []
    for raw in rhs.split("+"):
        raw = raw.strip()
        if not raw:
            problem = f"In '{statement}': an empty term (two '+' in a row?)."
            terms.append(Term("", problem=problem))
            continue
        *modifiers, name = [p.strip() for p in _split_star(raw)]
        term = Term(name, text=raw, modifiers=tuple(modifiers))
        call = name.split("(", 1)[0].strip()
        if "(" in name and call in REFUSED_MODIFIERS:
            term.problem = f"In '{statement}': {REFUSED_MODIFIERS[call]}."
        elif name != "1" and not NAME.match(name):
            term.problem = f"In '{statement}': {name!r} is not a variable name."
        for mod in modifiers:
            problem = _modifier(mod, term, statement)
            if problem is not None:
                term.problem = term.problem or problem
                break
        terms.append(term)
    return terms


def _split_star(raw: str) -> list[str]:
    """Split on '*' outside parentheses."""
    parts, depth, current = [], 0, ""
    for char in raw:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        if char == "*" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return parts


#: lavaan operators cxlab's CB-SEM reads but cannot fit, and what to do instead
OPERATOR_REFUSALS = {
    "<~": "'<~' defines a composite (formative construct), which a covariance-based model "
    "cannot identify the way lavaan's '<~' does; estimate composites with PLS path modeling "
    "(cx.pls.fit, mode B), or model the construct reflectively with '=~'.",
    "|": "thresholds ('|') belong to ordinal (categorical) indicators: remove the '|' lines "
    "and name the items in cx.sem.fit(..., ordered=[...]) — WLSMV then adds every item's "
    "thresholds itself (free, or equal across groups with group_equal=('thresholds', ...)).",
    "~*~": "scaling factors ('~*~') belong to ordinal (categorical) models: remove the '~*~' "
    "lines and name the items in cx.sem.fit(..., ordered=[...]) — WLSMV adds the scale "
    "factors itself where lavaan frees them (multi-group models with equal thresholds).",
}
#: a block header such as 'level: 1' or 'group: 2'
_BLOCK = re.compile(r"^\s*(level|group|block)\s*:", re.IGNORECASE)
BLOCK_REFUSALS = {
    "level": "Two-level SEM ('level: 1' / 'level: 2' blocks, lavaan's cluster=) is not "
    "available in cxlab: fitting it as lavaan does (ML with a within- and a between-cluster "
    "model for clusters of unequal size) is not implemented. For respondents nested in "
    "stores or hotels, fit a mixed (multilevel) regression with a random intercept per "
    "cluster that separates within- and between-cluster effects — "
    "cx.profit_chain.multilevel(data, 'loyalty ~ satisfaction', group='store', "
    "centre=['satisfaction']) (statsmodels' mixedlm) — and for store-level paths average per "
    "store with cx.profit_chain.link(...) and fit cx.profit_chain.unit_paths(...) on the "
    "cluster means (lesson 09d, the service-profit chain); in R: "
    "lavaan::sem(model, data, cluster = 'store').",
    "group": "'group:' blocks are not supported: fit one model to all groups with "
    "cx.sem.fit(model, data, group='column'), and give a parameter a different value or label "
    "per group with c(): 'F =~ x1 + c(a1, a2)*x2'.",
    "block": "'block:' sections are not supported; use cx.sem.fit(..., group='column') for "
    "several groups.",
}


def _read_statement(
    st: Statement,
    written: list[tuple[str, str, Term]],
    defined: list[tuple[str, str]],
    constraints: list[Constraint] | None = None,
) -> None:
    """Parse one statement into ``written`` (=~, ~, ~~, ~1 terms), ``defined`` (:=) or
    ``constraints`` (==, <, >)."""
    if st.op is None:
        block = _BLOCK.match(st.text)
        if block:
            raise ModelSpecError(BLOCK_REFUSALS[block.group(1).lower()])
        raise ModelSpecError(f"'{st.text}' has no lavaan operator (=~, ~, ~~, :=).")
    if st.op in OPERATOR_REFUSALS:
        raise ModelSpecError(f"'{st.text}': {OPERATOR_REFUSALS[st.op]}")
    if st.op in CONSTRAINT_OPERATORS:
        if not st.lhs or not st.rhs:
            raise ModelSpecError(
                f"'{st.text}': a constraint needs an expression of labels on both sides, "
                "as in 'a == b' or 'v > 0'."
            )
        if constraints is not None:
            constraints.append(Constraint(st.line, st.text, st.lhs, st.op, st.rhs))
        return
    if st.op == ":=":
        if not NAME.match(st.lhs):
            raise ModelSpecError(f"'{st.text}': {st.lhs!r} is not a valid name.")
        defined.append((st.lhs, st.rhs.replace(" ", "")))
        return
    if "efa(" in st.lhs.replace(" ", ""):
        raise ModelSpecError(f"'{st.text}': {REFUSED_MODIFIERS['efa']}.")
    if not NAME.match(st.lhs):
        raise ModelSpecError(
            f"'{st.text}': {st.lhs!r} is not a variable name; write one name on the left "
            "(letters, digits, '.', '_'), or several joined by '+' as in 'a + b ~ x'."
        )
    for term in st.terms:
        if term.problem:
            raise ModelSpecError(term.problem)
    for term in st.terms:
        if term.name == "1":
            if st.op != "~":
                raise ModelSpecError(
                    f"'{st.text}': '1' (an intercept) goes with '~', as in 'y ~ 1'."
                )
            written.append((st.lhs, "~1", term))
        else:
            written.append((st.lhs, st.op, term))


def parse(
    model: str,
    observed: list[str],
    *,
    n_groups: int = 1,
    meanstructure: bool | None = None,
    std_lv: bool = False,
    group_equal: tuple[str, ...] | list[str] = (),
) -> pd.DataFrame:
    """The parameter table of *model*: one row per parameter and group.

    Columns: lhs, op, rhs, group (1…), label, free (0 = fixed, else the index of the free
    parameter, shared by parameters held equal), value (fixed value; NaN when free),
    start, user (written in the model), exo (fixed at sample values, ``fixed.x``).
    Defined parameters (``:=``) have group 0 and the expression in ``rhs``. Constraints
    (``==``, ``<``, ``>``) are not rows: ``table.attrs["constraints"]`` holds them as
    (line, text, lhs, op, rhs), checked against the labels (an unknown label, ``a == a`` or
    a contradiction of a fixed value raises ModelSpecError naming the line).

    Examples
    --------
    >>> from cxlab.models.syntax import parse
    >>> table = parse("F =~ x1 + x2 + x3", ["x1", "x2", "x3"])
    >>> table[["lhs", "op", "rhs", "free", "value"]]  # the first loading is fixed to 1
      lhs  op rhs  free  value
    0   F  =~  x1     0    1.0
    1   F  =~  x2     1    NaN
    2   F  =~  x3     2    NaN
    3   F  ~~   F     3    NaN
    4  x1  ~~  x1     4    NaN
    5  x2  ~~  x2     5    NaN
    6  x3  ~~  x3     6    NaN
    """
    unknown = [g for g in group_equal if g not in GROUP_EQUAL]
    if unknown:
        raise ModelSpecError(
            f"group_equal: unknown {', '.join(unknown)}; choose from {', '.join(GROUP_EQUAL)}."
        )
    written: list[tuple[str, str, Term]] = []
    defined: list[tuple[str, str]] = []
    constraints: list[Constraint] = []
    origin: list[tuple[int, str]] = []
    defined_lines: list[tuple[int, str]] = []  # (line, statement) of each ':='
    if not isinstance(model, str):
        raise ModelSpecError(
            f"The model must be a string of lavaan syntax, not {type(model).__name__}."
        )
    read = statements(model)
    if not read:
        raise ModelSpecError(
            "The model has no statements (it is empty or holds only comments and blank "
            "lines): write lavaan syntax such as 'F =~ x1 + x2 + x3', one statement per line."
        )
    for st in read:
        try:
            _read_statement(st, written, defined, constraints)
        except ModelSpecError as exc:
            raise ModelSpecError(f"Line {st.line} of the model: {exc}") from None
        origin += [(st.line, st.text)] * (len(written) - len(origin))
        if len(defined) > len(defined_lines):
            defined_lines.append((st.line, st.text))
    if not written:
        raise ModelSpecError(
            "The model has no statements with =~, ~ or ~~, only defined parameters (:=) or "
            "constraints (==, <, >): there is nothing to estimate. Add the measurement or "
            "structural part, e.g. "
            "'F =~ x1 + x2 + x3' or 'y ~ a*x'."
        )
    latent = list(dict.fromkeys(lhs for lhs, op, _ in written if op == "=~"))
    names = set(latent)
    for k, (lhs, op, term) in enumerate(written):
        for v in (lhs, term.name) if op != "~1" else (lhs,):
            if v not in names and v not in observed:
                number, st = origin[k]
                raise ModelSpecError(
                    f"Line {number} of the model ('{st}'): {_unknown_name(v, observed, latent)}"
                )
    indicators = {t.name for lhs, op, t in written if op == "=~"}
    endogenous = list(dict.fromkeys(lhs for lhs, op, _ in written if op == "~"))
    predictors = {t.name for lhs, op, t in written if op == "~"}
    # observed variables in order of appearance in the model, as lavaan orders them
    appearance = []
    for lhs, op, t in written:
        appearance += [t.name] if op == "=~" else [lhs] if op == "~1" else [lhs, t.name]
    obs_used = [v for v in dict.fromkeys(appearance) if v in set(observed) and v not in names]
    exo_obs = [
        v for v in obs_used if v in predictors and v not in endogenous and v not in indicators
    ]
    if meanstructure is None:
        meanstructure = n_groups > 1 or any(op == "~1" for _, op, _ in written)
    rows: list[dict] = []
    for g in range(n_groups):
        rows += group_rows(
            written,
            latent,
            obs_used,
            endogenous,
            predictors,
            exo_obs,
            g,
            n_groups,
            meanstructure,
            std_lv,
        )
    table = pd.DataFrame(rows)
    table = assign_free(table, latent, group_equal, n_groups)
    for name, expression in defined:
        table.loc[len(table)] = {
            "lhs": name,
            "op": ":=",
            "rhs": expression,
            "group": 0,
            "label": name,
            "free": 0,
            "value": np.nan,
            "start": np.nan,
            "user": True,
            "exo": False,
        }
    check_constraints(table, constraints)
    table.attrs.update(
        latent=latent,
        observed=obs_used,
        meanstructure=meanstructure,
        n_groups=n_groups,
        exo_observed=exo_obs,
        defined_lines=defined_lines,
        constraints=[(c.line, c.text, c.lhs, c.op, c.rhs) for c in constraints],
    )
    return table
