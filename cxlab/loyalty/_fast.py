"""The in-memory path of ``clv_summary``: a clean pandas DataFrame summarised by numpy.

DuckDB (``_source``, ``_sql``) reads any log — files larger than memory, text dates, bad rows
named one by one. For the common case of a DataFrame that is already clean (integer customer
ids, a datetime64 date column, a numeric amount, no missing or negative value, nothing after
``as_of`` or in the future) that path spends most of its time moving rows between pandas and
DuckDB. Here the same numbers come from one sort of the rows in numpy: the customer-day
groups by ``argsort`` of one int64 key, their sums by ``np.add.reduceat`` — for days of three
or more purchases in (time, amount) order, as pandas sums them (see ``_sql``) — and the
per-customer count, first and last day and Kahan mean by ``_sql._customers``. The result is
identical to the DuckDB path and to lifetimes to the last bit (tests/test_loyalty*).

:func:`summary` returns ``None`` whenever the frame is not of that kind; the caller then takes
the DuckDB path, which also produces every error message.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from cxlab.loyalty._source import FUTURE_GRACE
from cxlab.loyalty._sql import _customers

_PER_DAY = {"s": 86_400, "ms": 86_400 * 10**3, "us": 86_400 * 10**6, "ns": 86_400 * 10**9}
_NAT = np.iinfo(np.int64).min
#: bits of an int64 that may hold the customer-day key and the row number together; np.sort of
#: that one array is about 3x faster than np.argsort of the key (x86-simd-sort), else argsort
PACK_BITS = 62


def _codes(ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Codes 0..k-1 of integer customer ids in sorted order, and the sorted distinct ids."""
    lo, hi = ids.min(), ids.max()
    if int(hi) - int(lo) <= 4 * len(ids) + 1_000_000:  # dense ids: a presence table, no hashing
        offset = (ids - lo).astype(np.int64)
        present = np.zeros(int(hi) - int(lo) + 1, dtype=bool)
        present[offset] = True
        rank = np.cumsum(present) - 1
        return rank[offset], (np.flatnonzero(present) + lo).astype(ids.dtype)
    codes, uniques = pd.factorize(ids, sort=True)
    return codes, np.asarray(uniques)


def summary(
    frame: Any,
    customer: str,
    date: str,
    amount: str | None,
    *,
    freq: str,
    freq_multiplier: float,
    as_of: pd.Timestamp | None,
    duplicates: str,
    late: str,
) -> tuple[pd.DataFrame, list[str]] | None:
    """frequency / recency / T (/ monetary_value) and the notes, or None (take DuckDB's path)."""
    if not isinstance(frame, pd.DataFrame) or freq != "D":
        return None
    if duplicates not in ("keep", "drop", "raise"):
        return None
    if late not in ("raise", "drop") or not freq_multiplier > 0:
        return None
    wanted = [customer, date] + ([amount] if amount else [])
    if len(set(wanted)) < len(wanted) or any(c not in frame.columns for c in wanted):
        return None
    cust_s, date_s = frame[customer], frame[date]
    if not (
        isinstance(cust_s, pd.Series)
        and cust_s.dtype.kind in "iu"
        and isinstance(cust_s.dtype, np.dtype)
        and isinstance(date_s, pd.Series)
        and isinstance(date_s.dtype, np.dtype)
        and date_s.dtype.kind == "M"
    ):
        return None
    amt: np.ndarray | None = None
    if amount:
        amt_s = frame[amount]
        if not (isinstance(amt_s.dtype, np.dtype) and amt_s.dtype.kind in "iuf"):
            return None
        amt = amt_s.to_numpy(dtype=float)
    n = len(frame)
    if n == 0:
        return None
    unit, step = np.datetime_data(date_s.dtype)
    if unit not in _PER_DAY or step != 1:
        return None
    per_day = _PER_DAY[unit]
    ids = cust_s.to_numpy()
    ts = date_s.to_numpy().view("i8")
    if (ts == _NAT).any():
        return None
    if amt is not None and (np.isnan(amt).any() or (amt < 0).any()):
        return None
    last = pd.Timestamp(int(ts.max()), unit=unit)
    if as_of is not None:
        if last > as_of:
            return None  # dated after as_of: DuckDB's path raises or drops, and reports
        end = as_of
    else:
        if last >= pd.Timestamp.now().normalize() + FUTURE_GRACE:
            return None  # dated in the future: DuckDB's path names the rows
        end = last

    codes, uniques = _codes(ids)
    day = ts // per_day
    day0 = int(day.min())
    span = int(day.max()) - day0 + 1
    key = codes.astype(np.int64)
    key *= span
    key += day
    key -= day0
    bits = max(1, (n - 1).bit_length())
    if (len(uniques) * span).bit_length() + bits <= PACK_BITS:  # (key, row) in one int64
        packed = key << bits
        packed |= np.arange(n, dtype=np.int64)
        packed.sort()
        order = packed & ((1 << bits) - 1)
        key_sorted = packed >> bits
    else:
        order = np.argsort(key)
        key_sorted = key[order]
    new = np.empty(n, dtype=bool)
    new[0] = True
    np.not_equal(key_sorted[1:], key_sorted[:-1], out=new[1:])
    starts = np.flatnonzero(new)
    sizes = np.diff(starts, append=n)

    # rows of days with two or more purchases, in (customer, day, time, amount) order:
    # duplicates are found there, and days of 3+ purchases are summed in that order
    multi_groups = sizes >= 2
    rows = order[np.repeat(multi_groups, sizes)]
    k_m, t_m = key[rows], ts[rows]
    a_m = amt[rows] if amt is not None else None
    perm = np.lexsort((*([a_m] if a_m is not None else []), t_m, k_m))
    rows, k_m, t_m = rows[perm], k_m[perm], t_m[perm]
    same = (k_m[1:] == k_m[:-1]) & (t_m[1:] == t_m[:-1])
    if a_m is not None:
        a_m = a_m[perm]
        same &= a_m[1:] == a_m[:-1]
    n_dup = int(same.sum())
    if n_dup and duplicates != "keep":
        return None  # DuckDB's path drops them or raises, and reports

    sums = None
    if amt is not None and a_m is not None:
        sums = np.add.reduceat(amt[order], starts)
        big = np.flatnonzero(sizes >= 3)
        if len(big):
            m_sizes = sizes[multi_groups]
            a_big = a_m[np.repeat(m_sizes >= 3, m_sizes)]
            big_starts = np.r_[0, np.cumsum(sizes[big])[:-1]]
            sums[big] = np.add.reduceat(a_big, big_starts)

    obs_day = (end.normalize() - pd.Timestamp(0)).days
    first_keys = key_sorted[starts]
    group_cust, group_day = np.divmod(first_keys, span)
    out = _customers(group_cust, group_day + (day0 - obs_day), sums)
    result = pd.DataFrame(index=pd.Index(uniques[out["cust"].to_numpy()], name=customer))
    result["frequency"] = out["n"].to_numpy(dtype=float) - 1
    rec_days = (out["last"] - out["first"]).to_numpy(dtype=float)
    result["recency"] = rec_days / 1 / freq_multiplier
    result["T"] = (-out["first"]).to_numpy(dtype=float) / 1 / freq_multiplier
    if amt is not None:
        result["monetary_value"] = out["monetary_value"].to_numpy(dtype=float)

    notes = []
    n_zero = int((amt == 0).sum()) if amt is not None else 0
    if n_zero:
        notes.append(f"{n_zero:,} purchases of value 0 kept (free items, vouchers)")
    if n_dup:
        notes.append(
            f"{n_dup:,} duplicate rows (same customer, date, amount) kept as separate purchases"
        )
    return result, notes
