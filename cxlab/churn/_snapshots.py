"""A member table (one row per member: start, end or empty, event) turned into member ×
quarter snapshots: the features at each quarter's start and whether the member left within
that quarter — the table a churn classifier is trained on with a time-based split."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from cxlab._conventions import as_frame
from cxlab.errors import DataError


def _rows(index: pd.Index, shown: int = 5) -> str:
    values = list(index)
    more = f" and {len(values) - shown} more" if len(values) > shown else ""
    return ", ".join(map(str, values[:shown])) + more


def _dates(data: pd.DataFrame, col: str) -> pd.Series:
    if col not in data.columns:
        raise DataError(
            f"Column {col!r} is not in the member table; columns: {list(data.columns)}."
        )
    try:
        return pd.to_datetime(data[col])
    except (ValueError, TypeError) as err:
        raise DataError(
            f"Column {col!r} must hold dates (e.g. 2024-03-31); pandas could not read it ({err})."
        ) from err


def check_members(
    data: pd.DataFrame, *, start: str, end: str, event: str, data_end: pd.Timestamp | None
) -> tuple[pd.Series, pd.Series, np.ndarray, pd.Timestamp]:
    """Start and end dates, the 0/1 event flag and the data end of a member table, checked.

    A start date missing, an end date before the start, an event flag that is not 0/1, a
    churner without an end date or an end date after the data end is a DataError naming
    the rows.
    """
    begin, stop = _dates(data, start), _dates(data, end)
    if event not in data.columns:
        raise DataError(f"Column {event!r} (churn event 0/1) is not in the member table.")
    flag = pd.to_numeric(data[event], errors="coerce")
    bad = flag.isna() | ~flag.isin([0, 1])
    if bad.any():
        raise DataError(
            f"Column {event!r} must be 0 (still a member: censored) or 1 (left); rows "
            f"{_rows(data.index[bad])} hold {data.loc[bad, event].iloc[0]!r}. Recode it to 0/1."
        )
    if begin.isna().any():
        raise DataError(
            f"Column {start!r} is missing in rows {_rows(data.index[begin.isna()])}; every "
            "member needs a start date. Fill it or drop those members explicitly."
        )
    ev = flag.to_numpy(dtype=int)
    no_end = (ev == 1) & stop.isna().to_numpy()
    if no_end.any():
        raise DataError(
            f"Rows {_rows(data.index[no_end])} have {event!r} = 1 but no {end!r} date; a member "
            "who left needs the date they left."
        )
    before = (stop < begin).to_numpy()
    if before.any():
        raise DataError(
            f"Column {end!r} is before {start!r} in rows {_rows(data.index[before])} (e.g. "
            f"{stop[before].iloc[0].date()} < {begin[before].iloc[0].date()}); a member cannot "
            "leave before joining. Fix the dates."
        )
    latest = max(begin.max(), stop.max()) if stop.notna().any() else begin.max()
    cut = latest if data_end is None else pd.Timestamp(data_end)
    after = (stop > cut).to_numpy()
    if after.any():
        raise DataError(
            f"Column {end!r} is after the data end {cut.date()} in rows "
            f"{_rows(data.index[after])}; pass data_end= the last day of the data."
        )
    return begin, stop, ev, cut


def quarterly_snapshots(
    members: pd.DataFrame,
    *,
    features: Sequence[str] = (),
    id: str = "member_id",
    start: str = "join_date",
    end: str = "end_date",
    event: str = "event",
    data_end: str | pd.Timestamp | None = None,
) -> pd.DataFrame:
    """One row per member and calendar quarter: the member as at the quarter's start and
    whether they left within the quarter.

    A member is in quarter *q* when they joined before its first day and had not left by
    then (``end`` on or after that day, or no end: still a member at ``data_end``). Only
    complete quarters that start after the first join and end by ``data_end`` are made.
    ``churned`` is 1 when the member left within the quarter. ``tenure_days`` is the age
    of the membership at the quarter's start. *features* are copied as they are: in a
    member table they are one value per member, so use only features that were known at
    the quarter's start (never the final tenure or anything measured after it).

    Parameters
    ----------
    members : one row per member (``cx.datasets.load("membership_churn")``).
    features : columns copied onto each snapshot.
    id, start, end, event : the member id, join date, end (churn) date — empty while
        still a member — and the 0/1 churn flag (1 = left, 0 = censored).
    data_end : the last day of the data (right censoring); default the latest date in
        ``start`` / ``end``.

    Returns
    -------
    DataFrame with ``id, quarter`` (e.g. ``"2025Q2"``), ``quarter_start``,
    ``tenure_days``, the *features* and ``churned`` (0/1), sorted by quarter then member.

    Examples
    --------
    >>> import cxlab as cx
    >>> members = cx.datasets.load("membership_churn")
    >>> snaps = cx.churn.quarterly_snapshots(members, features=["plan"], data_end="2025-06-30")
    >>> list(snaps.columns)
    ['member_id', 'quarter', 'quarter_start', 'tenure_days', 'plan', 'churned']
    >>> last = snaps[snaps["quarter"] == "2025Q2"]
    >>> bool(last["churned"].between(0, 1).all())
    True
    """
    data = as_frame(members, what="members")
    missing = [c for c in [id, *features] if c not in data.columns]
    if missing:
        raise DataError(
            f"Columns {missing} are not in the member table; columns: {list(data.columns)}."
        )
    begin, stop, ev, cut = check_members(data, start=start, end=end, event=event, data_end=data_end)
    first = begin.min().to_period("Q") + 1
    last = (cut + pd.Timedelta(days=1)).to_period("Q") - 1
    if last < first:
        raise DataError(
            f"The data run from {begin.min().date()} to {cut.date()}: no complete quarter "
            "after the first join. Snapshots need at least one whole quarter."
        )
    frames = []
    for q in pd.period_range(first, last, freq="Q"):
        qs, qe = q.start_time.normalize(), (q + 1).start_time.normalize()
        active = (begin < qs) & ((ev == 0) | (stop >= qs))
        part = data.loc[active.to_numpy(), [id, *features]].copy()
        part.insert(1, "quarter", str(q))
        part.insert(2, "quarter_start", qs)
        part.insert(3, "tenure_days", (qs - begin[active]).dt.days.to_numpy().astype("int64"))
        left = (ev[active.to_numpy()] == 1) & (stop[active] < qe).to_numpy()
        part["churned"] = left.astype("int64")
        frames.append(part)
    return pd.concat(frames, ignore_index=True)
