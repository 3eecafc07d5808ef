"""Careless-responding indices: long-string, intra-individual response variability (IRV)
and response time, with flags at conventional cut-offs.

Written here because the standard implementation is R's ``careless`` package (Yentes &
Wilhelm); no maintained Python package computes these indices. Definitions follow
Johnson (2005) for long-string, Dunn et al. (2018) for IRV and Curran (2016) for the
review of cut-offs.

Examples
--------
>>> import pandas as pd
>>> from cxlab.careless import indices
>>> items = pd.DataFrame({"a": [4, 1], "b": [4, 3], "c": [4, 5], "d": [4, 2]})
>>> indices(items, pd.Series(["40秒", "3分10秒"]), min_duration=60).values.tolist()
[[4, 0.0, True, True, 40.0, True, 3], [1, 1.7078, False, False, 190.0, False, 0]]
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from cxlab.errors import DataError

__all__ = ["DURATION_COLUMNS", "indices", "seconds"]

DURATION_COLUMNS = ("duration_s", "Duration (in seconds)", "所用时间", "duration")


def seconds(values: pd.Series) -> pd.Series:
    """Durations in seconds from numbers or text such as ``125秒``, ``2分5秒``, ``00:02:05``.

    Examples
    --------
    >>> seconds(pd.Series(["125秒", "2分5秒", "00:02:05", 125])).tolist()
    [125.0, 125.0, 125.0, 125.0]
    """
    numeric = pd.to_numeric(values, errors="coerce")
    text = values.astype(str).str.strip()
    hms = text.str.extract(r"^(?:(\d+):)?(\d+):(\d+)$").astype(float)
    from_hms = hms[0].fillna(0) * 3600 + hms[1] * 60 + hms[2]
    zh = text.str.extract(r"^(?:(\d+)\s*小时)?\s*(?:(\d+)\s*分钟?)?\s*(?:(\d+)\s*秒)?$")
    zh = zh.astype(float)
    from_zh = zh[0].fillna(0) * 3600 + zh[1].fillna(0) * 60 + zh[2].fillna(0)
    from_zh = from_zh.where(zh.notna().any(axis=1))
    return numeric.astype(float).fillna(from_hms).fillna(from_zh)


def indices(
    items: pd.DataFrame,
    durations: pd.Series | None = None,
    *,
    min_duration: float | None = None,
    longstring_max: int | None = None,
    irv_min: float = 0.3,
) -> pd.DataFrame:
    """Long-string, IRV and duration per respondent, with flags and their count.

    *items* are numeric rating answers in questionnaire order. ``flag_longstring``: the
    longest run of identical consecutive answers ≥ *longstring_max* (default 80 % of
    the items); ``flag_irv``: the SD of a respondent's answers (sample SD, n − 1, as R's
    ``careless::irv``) < *irv_min*;
    ``flag_fast``: duration below *min_duration* seconds (default a third of the
    median). These are screening conventions, not tests: an honest, very satisfied
    customer may answer 7 throughout.

    Examples
    --------
    >>> items = pd.DataFrame({"q1": [7, 6, 4], "q2": [7, 5, 4], "q3": [7, 6, 4],
    ...                       "q4": [7, 7, 4], "q5": [7, 5, 2]})
    >>> flags = indices(items, pd.Series([250, 300, 45]))  # 45 s: a third of 250 is 83 s
    >>> flags[["longstring", "irv", "n_flags"]].values.tolist()
    [[5.0, 0.0, 2.0], [1.0, 0.8367, 0.0], [4.0, 0.8944, 2.0]]
    """
    k = items.shape[1]
    if k < 3:
        raise DataError("Careless-responding indices need at least 3 rating items.")
    values = items.to_numpy(dtype=float)
    runs = np.ones(len(items), dtype=int)
    current = np.ones(len(items), dtype=int)
    for j in range(1, k):
        same = (values[:, j] == values[:, j - 1]) & ~np.isnan(values[:, j])
        current = np.where(same, current + 1, 1)
        runs = np.maximum(runs, current)
    out = pd.DataFrame(
        {"longstring": runs, "irv": items.std(axis=1, ddof=1).round(4)}, index=items.index
    )
    limit = longstring_max if longstring_max is not None else math.ceil(0.8 * k)
    out["flag_longstring"] = out["longstring"] >= limit
    out["flag_irv"] = out["irv"] < irv_min
    if durations is not None:
        secs = seconds(durations).set_axis(items.index)
        if secs.isna().all():
            raise DataError(f"The duration column {durations.name!r} holds no readable times.")
        cut = min_duration if min_duration is not None else float(secs.median()) / 3
        out["duration_s"] = secs
        out["flag_fast"] = secs < cut
    flags = [c for c in out.columns if c.startswith("flag_")]
    out["n_flags"] = out[flags].sum(axis=1)
    return out
