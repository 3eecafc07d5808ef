"""Time to churn from join and end dates, and the checks every survival input passes
(private; public through :mod:`cxlab.churn`).
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
import pandas as pd

from cxlab._conventions import as_frame
from cxlab.errors import DataError

__all__ = ["DAYS_PER_MONTH", "durations", "survival_columns"]

#: days in an average month (365.25 / 12): ``unit="months"`` divides days by this
DAYS_PER_MONTH = 365.25 / 12


def _ids(data: pd.DataFrame, mask: np.ndarray | pd.Series, id_col: str | None) -> str:
    """The first few row ids (the *id_col* values, or the index labels) where *mask* holds."""
    mask = np.asarray(mask, dtype=bool)
    labels = data.loc[mask, id_col] if id_col else data.index[mask]
    shown = [str(v) for v in list(labels)[:5]]
    more = f" and {int(mask.sum()) - 5} more" if mask.sum() > 5 else ""
    what = f"{id_col} " if id_col else "rows "
    return what + ", ".join(shown) + more


def _dates(data: pd.DataFrame, col: str, id_col: str | None, fmt: str | None) -> pd.Series:
    if col not in data.columns:
        raise DataError(f"No column {col!r} in the data; columns are {list(data.columns)}.")
    raw = data[col]
    parsed = pd.to_datetime(raw, errors="coerce", format=fmt)
    bad = raw.notna() & parsed.isna() & (raw.astype(str).str.strip() != "")
    if bad.any():
        first = raw[bad].iloc[0]
        raise DataError(
            f"Column {col!r} holds {int(bad.sum())} value(s) that do not parse as dates "
            f"(e.g. {first!r} at {_ids(data, bad, id_col)}). Fix them, or give the "
            f"format (date_format='%d/%m/%Y')."
        )
    return parsed


def durations(
    data: Any,
    *,
    start: str,
    end: str,
    as_of: str | pd.Timestamp | None = None,
    event: str | None = None,
    unit: Literal["days", "months"] = "months",
    id: str | None = None,
    date_format: str | None = None,
) -> pd.DataFrame:
    """Duration and event (0/1) of each member from the join date and the end date.

    An empty *end* means the member is still active: the duration is censored at *as_of*
    (event 0). A filled *end* is a churn (event 1) — unless an *event* column says
    otherwise (a 0 there with an end date means the member left observation without
    churning, e.g. moved away; the end date is then a censoring date).

    Parameters
    ----------
    data : DataFrame
        One row per member.
    start, end : str
        Columns of the join date and the churn (or censoring) date; *end* empty = active.
    as_of : date, optional
        The end of observation; needed when some *end* is empty. No date may lie after it.
    event : str, optional
        A 0/1 column (1 = churned); by default event = *end* is filled.
    unit : {"months", "days"}
        Days between the dates, or those days divided by 365.25 / 12 = 30.4375
        (average months; not calendar months).
    id : str, optional
        The member-id column named in error messages (default: the index labels).
    date_format : str, optional
        The dates' format for :func:`pandas.to_datetime`, if it cannot guess.

    Returns
    -------
    DataFrame
        *data* with two columns added (replacing columns of those names):
        ``duration`` (in *unit*) and ``event`` (0/1 int). ``attrs`` records the unit and
        as_of.

    Raises
    ------
    DataError
        A missing column, a date that does not parse, an end before its start, a date
        after *as_of*, an empty *end* without *as_of*, an *event* value that is not 0/1,
        an event without an end date, or no event at all — naming the rows.

    Examples
    --------
    >>> import pandas as pd
    >>> import cxlab as cx
    >>> members = pd.DataFrame({"joined": ["2024-01-01", "2024-03-01", "2024-02-15"],
    ...                         "left": ["2024-07-01", None, "2024-02-20"]})
    >>> d = cx.churn.durations(members, start="joined", end="left", as_of="2024-12-31",
    ...                        unit="days")
    >>> d[["duration", "event"]].values.tolist()
    [[182.0, 1.0], [305.0, 0.0], [5.0, 1.0]]
    """
    frame = as_frame(data)
    if id is not None and id not in frame.columns:
        raise DataError(f"No id column {id!r} in the data; columns are {list(frame.columns)}.")
    if unit not in ("days", "months"):
        raise DataError(f"unit is 'days' or 'months', not {unit!r}.")
    t0 = _dates(frame, start, id, date_format)
    t1 = _dates(frame, end, id, date_format)
    if t0.isna().any():
        raise DataError(
            f"Column {start!r} (join date) is empty at {_ids(frame, t0.isna(), id)}; every "
            "member needs a start date. Fill it or leave those members out explicitly."
        )
    if event is not None:
        if event not in frame.columns:
            raise DataError(f"No event column {event!r}; columns are {list(frame.columns)}.")
        flag = pd.to_numeric(frame[event], errors="coerce")
        bad = ~flag.isin([0, 1])
        if bad.any():
            raise DataError(
                f"Event column {event!r} must hold 0 (censored) or 1 (churned); it holds "
                f"{frame.loc[bad, event].iloc[0]!r} at {_ids(frame, bad, id)}. Recode it "
                "(e.g. data[col].map({'yes': 1, 'no': 0}))."
            )
        ev = flag.astype(int)
        orphan = (ev == 1) & t1.isna()
        if orphan.any():
            raise DataError(
                f"Event column {event!r} says churned but {end!r} is empty at "
                f"{_ids(frame, orphan, id)}: give the churn date or set the event to 0."
            )
    else:
        ev = t1.notna().astype(int)
    open_ = t1.isna()
    if as_of is None:
        if open_.any():
            raise DataError(
                f"{int(open_.sum())} member(s) have no {end!r} date (still active, e.g. "
                f"{_ids(frame, open_, id)}): give as_of='YYYY-MM-DD', the end of "
                "observation, to censor them there."
            )
        cutoff = t1.max()
    else:
        cutoff = pd.Timestamp(as_of)
    stop = t1.fillna(cutoff)
    before = stop < t0
    if before.any():
        raise DataError(
            f"{end!r} lies before {start!r} at {_ids(frame, before, id)}: an end date cannot "
            "precede the join date. Check for swapped columns or typing errors."
        )
    late = (t0 > cutoff) | (t1 > cutoff)
    if late.any():
        raise DataError(
            f"Dates after as_of={cutoff.date()} at {_ids(frame, late, id)}: the observation "
            "ends at as_of; move as_of later or correct the dates."
        )
    if ev.sum() == 0:
        raise DataError(
            "No member churned (no event = 1): survival analysis needs at least one event. "
            f"Check the {end!r} column{' and ' + repr(event) if event else ''}."
        )
    days = (stop - t0).dt.total_seconds().to_numpy() / 86400.0
    out = frame.copy()
    out["duration"] = days if unit == "days" else days / DAYS_PER_MONTH
    out["event"] = ev.to_numpy()
    out.attrs = {**frame.attrs, "unit": unit, "as_of": str(cutoff.date())}
    return out


def survival_columns(
    data: pd.DataFrame, duration: str, event: str, extra: list[str] | None = None
) -> pd.DataFrame:
    """*duration* (≥ 0, finite) and *event* (0/1) checked, plus *extra* columns without
    missing values, as a frame ``time, event, *extra`` on *data*'s index.

    Examples
    --------
    >>> import pandas as pd
    >>> survival_columns(pd.DataFrame({"t": [1, 2], "e": [1, 0]}), "t", "e").dtypes.tolist()
    [dtype('float64'), dtype('int64')]
    """
    for col in [duration, event, *(extra or [])]:
        if col not in data.columns:
            raise DataError(f"No column {col!r} in the data; columns are {list(data.columns)}.")
    t = pd.to_numeric(data[duration], errors="coerce")
    bad = t.isna() | ~np.isfinite(t) | (t < 0)
    if bad.any():
        raise DataError(
            f"Duration column {duration!r} must hold finite numbers ≥ 0; it holds "
            f"{data.loc[bad, duration].iloc[0]!r} in row(s) {_ids(data, bad, None)[5:]}. "
            "Compute durations with cx.churn.durations(...) or drop those rows explicitly."
        )
    e = pd.to_numeric(data[event], errors="coerce")
    bad = ~e.isin([0, 1])
    if bad.any():
        raise DataError(
            f"Event column {event!r} must hold 0 (censored) or 1 (churned); it holds "
            f"{data.loc[bad, event].iloc[0]!r} in row(s) {_ids(data, bad, None)[5:]}. Recode it."
        )
    if e.sum() == 0:
        raise DataError(
            f"No event in {event!r} (all 0): survival analysis needs at least one churn."
        )
    out = pd.DataFrame({"time": t.astype(float), "event": e.astype(int)}, index=data.index)
    for col in extra or []:
        miss = data[col].isna()
        if miss.any():
            raise DataError(
                f"Column {col!r} is missing in row(s) {_ids(data, miss, None)[5:]}; fill or "
                "drop those rows first (cxlab does not drop them silently)."
            )
        out[col] = data[col]
    return out
