"""Checks shared by the journey maps and the peak-end analysis (private): stage-level
survey data in long form, one row per respondent and stage.

Every check raises :class:`~cxlab.errors.DataError` naming the column, stage, value or
rows at fault and what to do; nothing is dropped silently.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from cxlab._conventions import as_frame, numeric_columns
from cxlab.errors import DataError

__all__ = ["check_counts", "check_level", "check_scale", "mean_ci", "stage_rows"]


def check_level(level: float) -> None:
    """A confidence level strictly between 0 and 1, or a DataError.

    Examples
    --------
    >>> check_level(0.95)
    >>> try:
    ...     check_level(95)
    ... except DataError as err:
    ...     print(err)
    level must be between 0 and 1 (e.g. 0.95), not 95.
    """
    if not 0 < level < 1:
        raise DataError(f"level must be between 0 and 1 (e.g. 0.95), not {level!r}.")


def stage_rows(
    data: Any, stages: Sequence[str], stage: str, columns: Sequence[str | None]
) -> tuple[pd.DataFrame, list[str], int]:
    """The rows of *data* at the listed *stages* (in that order), the stage list, and the
    number of rows at other stages (reported by the results, never dropped unsaid).

    Examples
    --------
    >>> import pandas as pd
    >>> d = pd.DataFrame({"stage": ["a", "b", "c"], "rating": [1, 2, 3]})
    >>> rows, stages, other = stage_rows(d, ["a", "b"], "stage", ["rating"])
    >>> len(rows), stages, other
    (2, ['a', 'b'], 1)
    """
    frame = as_frame(data)
    if frame.empty:
        raise DataError("The data have no rows.")
    if isinstance(stages, str) or not isinstance(stages, Sequence) or not stages:
        raise DataError(
            "stages must be a list of stage names in journey order, e.g. "
            "['search & booking', 'arrival & check-in', 'room', 'check-out']."
        )
    stages = [str(s) for s in stages]
    twice = sorted({s for s in stages if stages.count(s) > 1})
    if twice:
        raise DataError(f"Stage(s) {twice} are listed twice in stages; list each once.")
    needed = [stage, *[c for c in columns if c is not None]]
    missing = [c for c in dict.fromkeys(needed) if c not in frame.columns]
    if missing:
        raise DataError(
            f"No column(s) {missing} in the data (columns: {', '.join(map(str, frame.columns))}); "
            "name the columns with stage=, rating=, emotion=, ... ."
        )
    found = set(frame[stage].dropna().astype(str))
    absent = [s for s in stages if s not in found]
    if absent:
        raise DataError(
            f"Stage(s) {absent} named in stages are absent from column {stage!r}, which "
            f"holds {sorted(found)}. Check the spelling, or leave those stages out of stages."
        )
    at = frame[stage].astype(str).isin(stages) & frame[stage].notna()
    rows = frame.loc[at].copy()
    rows[stage] = pd.Categorical(rows[stage].astype(str), categories=stages, ordered=True)
    return rows, stages, int((~at).sum())


def check_scale(frame: pd.DataFrame, column: str, scale: tuple[float, float]) -> pd.Series:
    """*column* as floats, every value on its *scale* ``(low, high)`` — else a DataError
    naming the column, the values and the rows, and the fix.

    Examples
    --------
    >>> import pandas as pd
    >>> check_scale(pd.DataFrame({"r": [1, 5, None]}), "r", (1, 5)).tolist()
    [1.0, 5.0, nan]
    >>> try:
    ...     check_scale(pd.DataFrame({"r": [1, 7]}), "r", (1, 5))
    ... except DataError as err:
    ...     print(str(err)[:58])
    Column 'r' holds 1 value(s) outside its scale 1 to 5 (7 in
    """
    if len(scale) != 2 or not scale[0] < scale[1]:
        raise DataError(
            f"The scale of {column!r} must be (low, high) with low < high, not {scale}."
        )
    values = numeric_columns(frame, [column])[column]
    low, high = scale
    outside = values.notna() & ~values.between(low, high)
    if outside.any():
        rows = list(frame.index[outside.to_numpy()])
        shown = ", ".join(map(str, rows[:5])) + (
            f" and {len(rows) - 5} more" if len(rows) > 5 else ""
        )
        found = sorted(set(values[outside].tolist()))[:5]
        raise DataError(
            f"Column {column!r} holds {len(rows)} value(s) outside its scale {low:g} to {high:g} "
            f"({', '.join(f'{v:g}' for v in found)} in row(s) {shown}). Recode them (e.g. a "
            "'don't know' code to NaN), or pass the column's real scale (scale=, "
            "emotion_scale=, overall_scale=)."
        )
    return values


def check_counts(counts: pd.Series, min_n: int, what: str) -> None:
    """Every stage (or group × stage) in *counts* has at least *min_n* answers, or a
    DataError naming the thin cells and what to do.

    Examples
    --------
    >>> import pandas as pd
    >>> check_counts(pd.Series({"room": 40, "dining": 35}), 30, "emotion")
    >>> try:
    ...     check_counts(pd.Series({"room": 40, "dining": 12}), 30, "emotion")
    ... except DataError as err:
    ...     print(str(err)[:62])
    Fewer than 30 respondents answered emotion at stage 'dining' (
    """
    thin = counts[counts.to_numpy() < min_n]
    if thin.empty:
        return
    cells = [
        (" × ".join(map(str, key)) if isinstance(key, tuple) else str(key), int(n))
        for key, n in thin.items()
    ]
    listed = ", ".join(f"{k!r} (n = {n})" for k, n in cells[:6])
    more = f" and {len(cells) - 6} more" if len(cells) > 6 else ""
    raise DataError(
        f"Fewer than {min_n} respondents answered {what} at stage {listed}{more}: a mean "
        "or share of so few answers is too unsure to map. Collect more answers, merge the "
        "stage with a neighbouring one, drop group= (or merge small groups); or pass "
        f"min_n= lower than {min_n} knowingly (the intervals then widen)."
    )


def mean_ci(values: np.ndarray, level: float) -> tuple[int, float, float, float, float]:
    """n, mean, standard error and the t interval of the mean of *values* (NaN ignored):
    scipy's ``stats.t.interval(level, n - 1, loc=mean, scale=stats.sem(x))``.

    Examples
    --------
    >>> import numpy as np
    >>> [round(v, 3) for v in mean_ci(np.array([1.0, 2.0, 3.0, np.nan]), 0.95)]
    [3, 2.0, 0.577, -0.484, 4.484]
    """
    from scipy import stats

    x = values[~np.isnan(values)]
    n = len(x)
    if n == 0:
        return 0, np.nan, np.nan, np.nan, np.nan
    mean = float(x.mean())
    if n == 1:
        return 1, mean, np.nan, np.nan, np.nan
    se = float(x.std(ddof=1) / np.sqrt(n))
    half = float(stats.t.ppf((1 + level) / 2, n - 1)) * se
    return n, mean, se, mean - half, mean + half
