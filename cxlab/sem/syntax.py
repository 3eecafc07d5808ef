"""lavaan model syntax → a parameter table with lavaan's defaults.

Supported: ``=~`` (loadings), ``~`` (regressions), ``~~`` (variances and covariances),
``~ 1`` (intercepts / means), ``:=`` (defined parameters such as ``ind := a*b``), and
the modifiers lavaan uses on a term: a number (fixed value), ``NA`` (free), a label
(equal to every other parameter with that label, across groups too), ``start(v)``, and
``c(…)`` with one modifier per group. Statements end at a line break or ``;`` and
continue over lines that end with ``+`` or an operator.

The defaults are those of lavaan's ``cfa()`` / ``sem()`` (lavaan 0.6): the first
loading of each factor fixed to 1 (or, with ``std_lv``, factor variances fixed to 1 and
all loadings free); residual variances of indicators and endogenous variables, variances
of exogenous factors and covariances among exogenous factors free; covariances among
endogenous variables that predict nothing free (``auto.cov.y``); exogenous observed
predictors' variances, covariances and means fixed at their sample values
(``fixed.x``); with a mean structure, observed intercepts free and factor means fixed
at 0 (free in groups 2… when intercepts are held equal).

Written here, not taken from semopy, because semopy's parser has no per-group
modifiers, no ``group.equal`` and no ``start()``.

Examples
--------
>>> from cxlab.sem.syntax import parse
>>> table = parse("F =~ x1 + x2 + x3", observed=["x1", "x2", "x3"])
>>> table.loc[table.op == "=~", ["rhs", "free", "value"]].values.tolist()
[['x1', 0, 1.0], ['x2', 1, nan], ['x3', 2, nan]]
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from itertools import combinations

import numpy as np
import pandas as pd

from cxlab.errors import ModelSpecError

__all__ = ["GROUP_EQUAL", "Term", "parse", "split_statements"]

GROUP_EQUAL = (
    "loadings",
    "intercepts",
    "means",
    "residuals",
    "residual.covariances",
    "lv.variances",
    "lv.covariances",
    "regressions",
)
_OPS = (":=", "=~", "~~", "==", "<", ">", "~")
_NAME = re.compile(r"^[A-Za-z_.][\w.]*$")


@dataclass
class Term:
    """One right-hand-side term with its modifiers (per group when given with c())."""

    name: str
    fixed: list[float | None] = field(default_factory=list)
    label: list[str | None] = field(default_factory=list)
    start: float | None = None
    free: bool = False


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
    """Statements with the line each starts on (1-based), for error messages."""
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


def _modifier(text: str, term: Term, statement: str) -> None:
    text = text.strip()
    if text.startswith("start(") and text.endswith(")"):
        value = _number(text[6:-1])
        if value is None:
            raise ModelSpecError(f"In '{statement}': start() needs a number, not {text[6:-1]!r}.")
        term.start = value
        return
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
        elif _NAME.match(item):
            fixed.append(None)
            labels.append(item)
        else:
            raise ModelSpecError(f"In '{statement}': cannot read the modifier {item!r}.")
    if any(v is not None for v in fixed):
        term.fixed = fixed
    if any(v is not None for v in labels):
        term.label = labels


def _terms(rhs: str, statement: str) -> list[Term]:
    terms = []
    for raw in rhs.split("+"):
        raw = raw.strip()
        if not raw:
            raise ModelSpecError(f"In '{statement}': an empty term (two '+' in a row?).")
        *modifiers, name = [p.strip() for p in _split_star(raw)]
        if name != "1" and not _NAME.match(name):
            raise ModelSpecError(f"In '{statement}': {name!r} is not a variable name.")
        term = Term(name)
        for mod in modifiers:
            _modifier(mod, term, statement)
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


def _per_group(values: list, g: int, n_groups: int, what: str, statement: str):
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    if len(values) != n_groups:
        raise ModelSpecError(
            f"In '{statement}': c() gives {len(values)} {what}s for {n_groups} group(s)."
        )
    return values[g]


def _read_statement(
    st: str, written: list[tuple[str, str, Term]], defined: list[tuple[str, str]]
) -> None:
    """Parse one statement into ``written`` (=~, ~, ~~, ~1 terms) or ``defined`` (:=)."""
    op = next((o for o in _OPS if o in st), None)
    if op is None:
        raise ModelSpecError(f"'{st}' has no lavaan operator (=~, ~, ~~, :=).")
    if op in ("==", "<", ">"):
        raise ModelSpecError(f"'{st}': constraints with {op} are not supported; use labels.")
    lhs, rhs = (s.strip() for s in st.split(op, 1))
    if op == ":=":
        if not _NAME.match(lhs):
            raise ModelSpecError(f"'{st}': {lhs!r} is not a valid name.")
        defined.append((lhs, rhs.replace(" ", "")))
        return
    if not _NAME.match(lhs):
        raise ModelSpecError(f"'{st}': {lhs!r} is not a variable name.")
    for term in _terms(rhs, st):
        if term.name == "1":
            if op != "~":
                raise ModelSpecError(f"'{st}': '1' (an intercept) goes with '~', as in 'y ~ 1'.")
            written.append((lhs, "~1", term))
        else:
            written.append((lhs, op, term))


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
    Defined parameters (``:=``) have group 0 and the expression in ``rhs``.
    """
    unknown = [g for g in group_equal if g not in GROUP_EQUAL]
    if unknown:
        raise ModelSpecError(
            f"group_equal: unknown {', '.join(unknown)}; choose from {', '.join(GROUP_EQUAL)}."
        )
    written: list[tuple[str, str, Term]] = []
    defined: list[tuple[str, str]] = []
    origin: list[tuple[int, str]] = []
    defined_lines: list[tuple[int, str]] = []  # (line, statement) of each ':='
    if not isinstance(model, str):
        raise ModelSpecError(
            f"The model must be a string of lavaan syntax, not {type(model).__name__}."
        )
    statements = numbered_statements(model)
    if not statements:
        raise ModelSpecError(
            "The model has no statements (it is empty or holds only comments and blank "
            "lines): write lavaan syntax such as 'F =~ x1 + x2 + x3', one statement per line."
        )
    for number, st in statements:
        try:
            _read_statement(st, written, defined)
        except ModelSpecError as exc:
            raise ModelSpecError(f"Line {number} of the model: {exc}") from None
        origin += [(number, st)] * (len(written) - len(origin))
        if len(defined) > len(defined_lines):
            defined_lines.append((number, st))
    if not written:
        raise ModelSpecError(
            "The model has no statements with =~, ~ or ~~, only defined parameters (:=): "
            "there is nothing to estimate. Add the measurement or structural part, e.g. "
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
        rows += _group_rows(
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
    table = _assign_free(table, latent, group_equal, n_groups)
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
    table.attrs.update(
        latent=latent,
        observed=obs_used,
        meanstructure=meanstructure,
        n_groups=n_groups,
        exo_observed=exo_obs,
        defined_lines=defined_lines,
    )
    return table


def _group_rows(
    written, latent, obs_used, endogenous, predictors, exo_obs, g, n_groups, meanstructure, std_lv
) -> list[dict]:
    rows: list[dict] = []
    seen: set[tuple[str, str, str]] = set()

    def add(lhs, op, rhs, *, fixed=None, label=None, start=None, user=False, exo=False):
        key = (lhs, op, rhs)
        alt = (rhs, op, lhs) if op == "~~" else key
        if key in seen or alt in seen:
            if user:
                raise ModelSpecError(f"'{lhs} {op} {rhs}' appears twice in the model.")
            return
        seen.add(key)
        rows.append(
            {
                "lhs": lhs,
                "op": op,
                "rhs": rhs,
                "group": g + 1,
                "label": label or "",
                "fixed": fixed,
                "start": start,
                "user": user,
                "exo": exo,
            }
        )

    first_done: set[str] = set()
    for lhs, op, term in written:
        st = f"{lhs} {op} {term.name}"
        fixed = _per_group(term.fixed, g, n_groups, "value", st)
        label = _per_group(term.label, g, n_groups, "label", st)
        rhs = "" if op == "~1" else term.name
        if op == "=~" and lhs not in first_done:
            first_done.add(lhs)
            if fixed is None and not term.free and not std_lv:
                fixed = 1.0
        add(lhs, op, rhs, fixed=fixed, label=label, start=term.start, user=True)
    # variances
    # a factor measured by a higher-order factor (g =~ f1 + f2) is not exogenous
    loaded = {t.name for lhs, op, t in written if op == "=~"}
    exo_lv = [f for f in latent if f not in endogenous and f not in loaded]
    for f in latent:
        add(f, "~~", f, fixed=1.0 if std_lv else None)
    # as lavaan: the only indicator of a factor has its residual variance fixed to 0
    n_ind: dict[str, list[str]] = {}
    for lhs, op, term in written:
        if op == "=~":
            n_ind.setdefault(lhs, []).append(term.name)
    single = {items[0] for items in n_ind.values() if len(items) == 1}
    for v in obs_used:
        if v in exo_obs:
            add(v, "~~", v, exo=True)
        else:
            add(v, "~~", v, fixed=0.0 if v in single else None)
    for a, b in combinations(exo_lv, 2):
        add(a, "~~", b)
    for a, b in combinations(exo_obs, 2):
        add(a, "~~", b, exo=True)
    pure_y = [v for v in endogenous if v not in predictors]
    for a, b in combinations(pure_y, 2):
        add(a, "~~", b)
    if meanstructure:
        for v in obs_used:
            add(v, "~1", "", exo=v in exo_obs)
        for f in latent:
            add(f, "~1", "", fixed=0.0)
    return rows


def _kind(row, latent: list[str]) -> str:
    if row.op == "=~":
        return "loadings"
    if row.op == "~":
        return "regressions"
    if row.op == "~1":
        return "means" if row.lhs in latent else "intercepts"
    if row.lhs in latent:
        return "lv.variances" if row.lhs == row.rhs else "lv.covariances"
    return "residuals" if row.lhs == row.rhs else "residual.covariances"


def _assign_free(
    table: pd.DataFrame, latent: list[str], group_equal, n_groups: int
) -> pd.DataFrame:
    equal = set(group_equal)
    if "intercepts" in equal and n_groups > 1:
        # lavaan: with equal intercepts, factor means are free in groups 2…
        free_means = (table.op == "~1") & table.lhs.isin(latent) & (table.group > 1) & ~table.user
        table.loc[free_means, "fixed"] = None
    free_index: dict[object, int] = {}
    by_key: dict[tuple[str, str, str], int] = {}
    counter = 0
    frees, values = [], []
    for row in table.itertuples():
        fixed = row.fixed
        if row.exo:  # fixed.x: set to the sample statistic when the data are known
            frees.append(0)
            values.append(np.nan)
            continue
        if fixed is not None and not (isinstance(fixed, float) and np.isnan(fixed)):
            frees.append(0)
            values.append(float(fixed))
            continue
        key = (row.lhs, row.op, row.rhs)
        if row.label:
            index = free_index.get(("label", row.label))
        elif row.group > 1 and _kind(row, latent) in equal and not row.exo:
            index = by_key.get(key)
        else:
            index = None
        if index is None:
            counter += 1
            index = counter
            if row.label:
                free_index[("label", row.label)] = index
        if row.group == 1:
            by_key.setdefault(key, index)
        frees.append(index)
        values.append(np.nan)
    table = table.drop(columns="fixed").assign(free=frees, value=values)
    table["start"] = table["start"].astype(float)
    return table[["lhs", "op", "rhs", "group", "label", "free", "value", "start", "user", "exo"]]
