"""Checks and design helpers shared by :func:`~cxlab.experiments.did` and
:func:`~cxlab.experiments.event_study` (private to :mod:`cxlab.experiments`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from cxlab._conventions import as_frame, numeric_columns
from cxlab.errors import DataError

__all__ = ["Panel", "cluster_fit", "interval", "panel", "rows_text"]


def rows_text(rows: Sequence[Any], shown: int = 5) -> str:
    """'3, 7, 9 and 4 more'."""
    rows = list(rows)
    more = f" and {len(rows) - shown} more" if len(rows) > shown else ""
    return ", ".join(map(str, rows[:shown])) + more


def check_level(level: float) -> None:
    """A DataError unless 0 < *level* < 1.

    Examples
    --------
    >>> check_level(0.9)
    """
    if not 0 < float(level) < 1:
        raise DataError(
            f"level must be a confidence level between 0 and 1 (e.g. 0.95), not {level!r}."
        )


@dataclass
class Panel:
    """The checked data of a DiD: outcome, 0/1 treated and post, unit codes, period order."""

    frame: pd.DataFrame  # columns y, d, p, unit, time, covariates…
    covariates: list[str]
    periods: list[Any]  # sorted distinct periods
    start: Any  # first post period
    n_units: int


def _binary(data: pd.DataFrame, col: str, what: str) -> pd.Series:
    values = data[col]
    if values.isna().any():
        rows = list(data.index[values.isna()])
        raise DataError(
            f"Column {col!r} ({what}) is missing in row(s) {rows_text(rows)}; it must be 0 or 1 "
            "on every row. Fill it in, or drop those rows yourself."
        )
    if pd.api.types.is_bool_dtype(values):
        return values.astype(int)
    num = pd.to_numeric(values, errors="coerce")
    bad = num.isna() | ~num.isin([0, 1])
    if bad.any():
        rows = list(data.index[bad])
        raise DataError(
            f"Column {col!r} ({what}) must be 0/1 (or True/False); row(s) {rows_text(rows)} "
            f"hold {values[bad].iloc[0]!r}. Recode it, e.g. (data[{col!r}] == 'yes').astype(int)."
        )
    return num.astype(int)


def panel(
    data: Any,
    outcome: str,
    unit: str,
    time: str,
    treated: str,
    post: str | None,
    start: Any,
    covariates: Sequence[str] | None,
    level: float,
) -> Panel:
    """Check a DiD panel and return it in a standard form (errors name columns and rows)."""
    check_level(level)
    df = as_frame(data)
    covariates = list(covariates or [])
    if (post is None) == (start is None):
        raise DataError(
            "Say when the programme starts in exactly one way: post='<0/1 column>' or "
            "start=<first period after the rollout> (a value of the time column)."
        )
    needed = [outcome, unit, time, treated, *([post] if post else []), *covariates]
    missing = [c for c in needed if c not in df.columns]
    if missing:
        raise DataError(f"Column(s) {missing} not in the data; the columns are {list(df.columns)}.")
    y = numeric_columns(df, [outcome], noun="Outcome")[outcome]
    if y.isna().any():
        rows = list(df.index[y.isna()])
        raise DataError(
            f"Outcome {outcome!r} is missing in {len(rows)} row(s): {rows_text(rows)}. A DiD "
            "never drops rows silently: fill them in or drop them yourself "
            f"(data.dropna(subset=[{outcome!r}])) and say so."
        )
    for col in (unit, time):
        if df[col].isna().any():
            rows = list(df.index[df[col].isna()])
            raise DataError(f"Column {col!r} is missing in row(s) {rows_text(rows)}.")
    d = _binary(df, treated, "treated group")
    if d.nunique() < 2:
        which = "treated" if d.iloc[0] == 1 else "untreated"
        raise DataError(
            f"Column {treated!r} never varies: every row is {which}. A DiD compares units "
            "that get the programme with units that do not; add comparison (or programme) units."
        )
    varies = d.groupby(df[unit].to_numpy()).nunique()
    if (varies > 1).any():
        bad = list(varies.index[varies > 1])
        raise DataError(
            f"Column {treated!r} changes within unit(s) {rows_text(bad)} of {unit!r}: it marks "
            "the units that ever get the programme and must be the same on all of a unit's "
            "rows (the timing goes in post= or start=). Use e.g. "
            f"data.groupby({unit!r})[{treated!r}].transform('max')."
        )
    if start is not None:
        try:
            p = (df[time] >= start).astype(int)
        except TypeError as exc:
            raise DataError(
                f"start={start!r} cannot be compared with column {time!r} "
                f"({df[time].dtype}): pass a value of the same kind as the time column."
            ) from exc
    else:
        p = _binary(df, post, "post period")
        per_time = p.groupby(df[time].to_numpy()).nunique()
        if (per_time > 1).any():
            bad = list(per_time.index[per_time > 1])
            raise DataError(
                f"Column {post!r} differs between units in period(s) {rows_text(bad)} of "
                f"{time!r}: this design has one rollout date for all programme units. For "
                "staggered rollouts estimate each cohort separately."
            )
    name = post or f"{time} >= {start!r}"
    if p.nunique() < 2:
        before = p.iloc[0] == 1
        raise DataError(
            f"{name!r} gives "
            + (
                "no observation before the start (a post period without a pre period)"
                if before
                else "no observation on or after the start (no post period)"
            )
            + ": a DiD needs both. Check start= / post= against the time column "
            f"{time!r} (from {df[time].min()!r} to {df[time].max()!r})."
        )
    cells = pd.crosstab(d.to_numpy(), p.to_numpy())
    for g in (0, 1):
        for q in (0, 1):
            if cells.loc[g, q] == 0:
                raise DataError(
                    f"No {'programme' if g else 'comparison'} rows in the "
                    f"{'post' if q else 'pre'} period: a DiD needs all four cells "
                    "(programme/comparison × pre/post)."
                )
    units = pd.Series(df[unit].to_numpy())
    per_arm = units.groupby(d.to_numpy()).nunique()
    if per_arm.min() < 2:
        arm = "programme" if per_arm.idxmin() == 1 else "comparison"
        raise DataError(
            f"Only {int(per_arm.min())} {arm} unit in {unit!r}: cluster-robust standard "
            "errors need at least 2 clusters (units) per arm, and many more to be reliable "
            "(roughly 30 or more in all)."
        )
    size = units.value_counts()
    if (size < 2).any():
        bad = list(size.index[size < 2])
        raise DataError(
            f"Unit(s) {rows_text(bad)} of {unit!r} have a single row: a panel DiD follows each "
            "unit over time, and a cluster of size one adds nothing to it. Check that "
            f"{unit!r} is the unit id, or drop those units and say so."
        )
    frame = pd.DataFrame(
        {
            "y": y.to_numpy(),
            "d": d.to_numpy(),
            "p": p.to_numpy(),
            "unit": df[unit].to_numpy(),
            "time": df[time].to_numpy(),
        },
        index=df.index,
    )
    if covariates:
        cov = numeric_columns(df, covariates, noun="Covariate")
        if cov.isna().any().any():
            col = cov.columns[cov.isna().any()][0]
            rows = list(df.index[cov[col].isna()])
            raise DataError(f"Covariate {col!r} is missing in row(s) {rows_text(rows)}.")
        for c in covariates:
            frame[f"x:{c}"] = cov[c].to_numpy()
    periods = sorted(frame["time"].unique())
    first = frame.loc[frame["p"] == 1, "time"].min()
    return Panel(frame, covariates, periods, first, int(units.nunique()))


def cluster_fit(y: np.ndarray, x: np.ndarray, groups: np.ndarray) -> Any:
    """statsmodels OLS with cluster-robust (CR1, as Stata) covariance by *groups*."""
    import statsmodels.api as sm

    codes = pd.factorize(groups)[0]
    return sm.OLS(y, x).fit(cov_type="cluster", cov_kwds={"groups": codes})


def interval(est: float, se: float, level: float) -> dict[str, float]:
    """``est, se, z, pvalue, ci_low, ci_high`` with a normal interval."""
    from scipy import stats

    z = est / se if se > 0 else np.nan
    q = stats.norm.ppf(0.5 + level / 2)
    return {
        "est": float(est),
        "se": float(se),
        "z": float(z),
        "pvalue": float(2 * stats.norm.sf(abs(z))),
        "ci_low": float(est - q * se),
        "ci_high": float(est + q * se),
    }
