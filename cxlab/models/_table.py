"""lavaan's defaults for the CB-SEM parameter table of :func:`cxlab.models.syntax.parse`
(private to :mod:`cxlab.models`): the rows each group gets (user terms, the variances,
covariances and means lavaan adds) and the numbering of free parameters (labels and
``group.equal`` constraints share a number)."""

from __future__ import annotations

from itertools import combinations

import numpy as np
import pandas as pd

from cxlab.errors import ModelSpecError

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


def group_rows(
    written: list,
    latent: list[str],
    obs_used: list[str],
    endogenous: list[str],
    predictors: set[str],
    exo_obs: list[str],
    g: int,
    n_groups: int,
    meanstructure: bool,
    std_lv: bool,
) -> list[dict]:
    """The rows of group *g* (0-based): the ``written`` (lhs, op, Term) parameters, then
    the variances, covariances and means lavaan adds by default."""
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
    # auto.cov.y as lavaan's: its ov.y are regression outcomes that are not indicators (an
    # indicator regressed on a covariate keeps only its residual variance), its lv.y factors
    pure_y = [v for v in endogenous if v not in predictors and (v in latent or v not in loaded)]
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


def assign_free(
    table: pd.DataFrame, latent: list[str], group_equal: tuple | list, n_groups: int
) -> pd.DataFrame:
    """Number the free parameters (``free``; shared by a label and by ``group_equal``)
    and set the fixed ``value`` of the others."""
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
