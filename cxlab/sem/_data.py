"""Checks of the data before a SEM is fitted: model columns numeric and finite, group
labels of one type, no group emptied by listwise deletion; then the sample moments per
group (and, for FIML, each group's rows). Used by :func:`cxlab.sem.fit`."""

from __future__ import annotations

import numpy as np
import pandas as pd

from cxlab._conventions import numeric_columns
from cxlab.errors import DataError
from cxlab.sem import fiml
from cxlab.sem.engine import Moments


def _prepare(
    data: pd.DataFrame,
    observed: list[str],
    group: str | None,
    missing: str = "listwise",
    exo: list[str] | tuple[str, ...] = (),
):
    """Sample moments per group, group labels, notes, and each group's rows (complete rows
    after listwise deletion; with FIML every kept row, NaN where missing)."""
    absent = [c for c in observed if c not in data.columns]
    if absent:
        raise DataError(f"Column(s) {', '.join(absent)} used in the model are not in the data.")
    cols = observed + ([group] if group else [])
    frame = data[cols].copy()
    frame[observed] = numeric_columns(data, observed)
    if missing in ("fiml", "fiml.x"):
        # fiml.x (lavaan's ml.x) keeps rows missing a predictor: the predictors' moments are
        # then the EM (FIML) estimates of the unrestricted model, held fixed as fixed.x does
        keep_exo = list(exo) if missing == "fiml" else []
        moments, labels, rows, notes = fiml.prepare(frame, observed, group, keep_exo)
        if missing == "fiml.x" and exo:
            notes.append(
                f"Rows missing an exogenous predictor ({', '.join(exo)}) are kept: the "
                "predictors' means and covariances are their FIML estimates, held fixed "
                "(lavaan's missing = 'ml.x')."
            )
        _check_emptied(frame, group, labels, missing, observed)
        return moments, labels, notes, rows
    complete = frame.dropna()
    notes = []
    if len(complete) < len(frame):
        notes.append(
            f"{len(frame) - len(complete)} of {len(frame)} rows with missing values were "
            "dropped (listwise deletion; missing='fiml' would use them)."
        )
    labels = list(dict.fromkeys(complete[group])) if group else ["all"]
    _check_emptied(frame, group, labels, missing, observed)
    moments, rows = [], []
    for label in labels:
        part = complete[complete[group] == label] if group else complete
        x = part[observed].to_numpy()
        if len(x) <= len(observed):
            raise DataError(
                f"Group {label!r} has {len(x)} complete rows for {len(observed)} observed "
                "variables; ML needs more rows than variables."
            )
        zero = [c for c, s in zip(observed, x.std(axis=0), strict=True) if s == 0]
        if zero:
            raise DataError(f"Column(s) {', '.join(zero)} do not vary in group {label!r}.")
        moments.append(Moments(len(x), np.cov(x, rowvar=False, bias=True), x.mean(axis=0)))
        rows.append(np.asarray(x, dtype=float))
    return moments, labels, notes, rows


def _check_groups(data: pd.DataFrame, group: str) -> None:
    """Refuse a group column where one value is written both as a number and as text
    (1 and '1'): they would silently become two groups."""
    seen: dict[str, list] = {}
    for value in data[group].dropna().unique():  # in order of appearance
        seen.setdefault(str(value), []).append(value)
    mixed = {
        text: values for text, values in seen.items() if len({type(v).__name__ for v in values}) > 1
    }
    if mixed:
        shown = "; ".join(
            " and ".join(f"{v!r} ({type(v).__name__})" for v in values)
            for values in list(mixed.values())[:5]
        )
        raise DataError(
            f"The group column {group!r} mixes types for the same group: {shown} would "
            "become separate groups. Make the column one type first, e.g. "
            f"data[{group!r}] = data[{group!r}].astype(str)."
        )


def _check_emptied(
    frame: pd.DataFrame, group: str | None, labels: list, missing: str, observed: list[str]
) -> None:
    """A group with rows in the data but none left to estimate from is an error."""
    if not group:
        return
    for label in dict.fromkeys(frame[group].dropna()):
        if label in labels:
            continue
        part = frame.loc[frame[group] == label, observed]
        gaps = [c for c in observed if part[c].isna().any()]
        if missing == "listwise":
            how = (
                "listwise deletion removed them all (each has a missing value, in "
                f"{', '.join(gaps[:6])}{'…' if len(gaps) > 6 else ''}). Use missing='fiml' "
                "to keep incomplete rows, or drop this group from the data."
            )
        else:
            how = (
                "every one is empty on the model's variables or misses an exogenous "
                "predictor, so FIML has nothing to use. Drop this group from the data."
            )
        raise DataError(f"Group {label!r} of column {group!r} has {len(part)} rows, but {how}")
