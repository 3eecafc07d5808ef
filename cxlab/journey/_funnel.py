"""The customer journey: touchpoints, funnel conversion and moments of truth (关键时刻, MOT).

An event log has one row per touchpoint a session (or customer) reached — e.g. visit →
browse → cart → checkout → purchase. This module turns it into a funnel with honest
uncertainty, finds *where* a bad day loses its customers, and asks which touchpoint
ratings move satisfaction or NPS.

- :func:`sessions` — one row per session: which stages it reached, and its attributes.
- :func:`funnel` — sessions reaching each stage, stage-to-stage conversion and
  conversion from the first stage, with Wilson score intervals (the interval of
  :func:`cxlab.metrics.csat`), overall or by day, segment, device …
- :func:`compare_days` — every step of a peak day (or period) against a baseline:
  difference of the two conversion rates with Newcombe's (1998) hybrid score interval
  and the two-proportion z test (R: ``prop.test(correct = FALSE)``; z² is its χ²).
- :func:`step_conversion` — one step's conversion by an attribute of the event where
  it starts (e.g. the checkout page's load time, binned).
- :func:`mot_impact` — moments-of-truth table for survey ratings: performance (mean,
  share of low ratings), importance from :mod:`cxlab.drivers`, and the penalty of a bad
  experience (outcome of customers rating a touchpoint low minus the others').

A session *reaches* a stage when it has an event at that stage. Funnels assume that no
session skips a stage: a session that reaches a later stage without an earlier one
means the stages were given out of order (or the log is incomplete), and raises
:class:`~cxlab.errors.DataError` with the order the data suggest; ``strict=False``
counts such a session as having passed every stage before its furthest one. Session
attributes (``by``) are taken from the session's first event.

References
----------
Wilson, E. B. (1927). Probable inference, the law of succession, and statistical
inference. JASA 22(158), 209–212.
Newcombe, R. G. (1998). Interval estimation for the difference between independent
proportions: comparison of eleven methods. Statistics in Medicine 17(8), 873–890.
Carlzon, J. (1987). Moments of Truth. Ballinger.

Examples
--------
>>> import cxlab as cx
>>> events = cx.datasets.load("journey_events")
>>> stages = ["visit", "browse", "cart", "checkout", "purchase"]
>>> f = cx.journey.funnel(events, stages)
>>> f[["stage", "sessions", "conversion", "overall"]].round(3)
      stage  sessions  conversion  overall
0     visit     40947         NaN    1.000
1    browse     21023       0.513    0.513
2      cart      7848       0.373    0.192
3  checkout      4850       0.618    0.118
4  purchase      2122       0.438    0.052
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Any, Literal

import numpy as np
import pandas as pd
from scipy import stats

from cxlab._conventions import as_frame
from cxlab._intervals import wilson
from cxlab.errors import DataError
from cxlab.journey._stagedata import check_level

__all__ = ["compare_days", "funnel", "mot_impact", "sessions", "step_conversion"]


def _as_list(value: str | Sequence[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _check_log(events: Any, columns: Sequence[str], session: str, stage: str) -> None:
    """A DataFrame with rows and the named columns, or a DataError saying which is not."""
    if not isinstance(events, pd.DataFrame):
        raise DataError(f"events must be a pandas DataFrame, not {type(events).__name__}.")
    if events.empty:
        raise DataError("The event log has no rows.")
    for col in (session, stage):
        if col not in events.columns:
            raise DataError(
                f"No column {col!r} in the event log (columns: {', '.join(events.columns)}); "
                "name the session id and stage columns with session= and stage=."
            )
    missing = [c for c in columns if c not in events.columns]
    if missing:
        raise DataError(f"No column(s) {missing} in the event log.")


def sessions(
    events: pd.DataFrame,
    stages: Sequence[str],
    *,
    session: str = "session_id",
    stage: str = "stage",
    strict: bool = True,
) -> pd.DataFrame:
    """One row per session: a True/False column per stage reached, then the other
    columns' values at the session's first event (in the log's row order).

    Examples
    --------
    >>> import pandas as pd
    >>> from cxlab.journey import sessions
    >>> log = pd.DataFrame({"session_id": [1, 1, 2], "stage": ["visit", "cart", "visit"],
    ...                     "device": ["app", "app", "mobile"]})
    >>> sessions(log, ["visit", "cart"])
                visit   cart  device
    session_id
    1            True   True     app
    2            True  False  mobile
    """
    _check_log(events, [], session, stage)
    stages = _as_list(stages)
    if len(stages) < 2:
        raise DataError("A funnel needs at least two stages, e.g. ['visit', 'purchase'].")
    if len(set(stages)) < len(stages):
        raise DataError(f"A stage is listed twice in {stages}.")
    found = set(events[stage].dropna().unique())
    absent = [s for s in stages if s not in found]
    if absent:
        raise DataError(
            f"Stage(s) {absent} never occur in column {stage!r}; "
            f"it holds {sorted(map(str, found))}."
        )
    known = events[events[stage].isin(stages)]
    codes = pd.Categorical(known[stage], categories=stages).codes
    ids, inverse = np.unique(known[session].to_numpy(), return_inverse=True)
    reached = np.zeros((len(ids), len(stages)), dtype=bool)
    reached[inverse, codes] = True
    gaps = reached[:, 1:] & ~reached[:, :-1]
    skipped = ~np.cumprod(reached, axis=1).astype(bool) & reached
    if skipped.any():
        if strict:
            counts = reached.sum(axis=0)
            i, j = np.argwhere(gaps)[0][1], np.argwhere(gaps)[0][1] + 1
            order = [stages[k] for k in np.argsort(-counts, kind="stable")]
            raise DataError(
                f"{int(skipped.any(axis=1).sum()):,} sessions reach a stage without the one "
                f"before it (e.g. {stages[j]!r} without {stages[i]!r}): are the stages out of "
                f"order? Funnel stages go first to last; by the number of sessions reaching "
                f"them the data suggest {order}. If sessions really skip stages, pass "
                "strict=False (a session then counts as passing every stage before its "
                "furthest one)."
            )
        furthest = len(stages) - 1 - np.argmax(reached[:, ::-1], axis=1)
        reached = np.arange(len(stages))[None, :] <= furthest[:, None]
    out = pd.DataFrame(reached, columns=stages, index=pd.Index(ids, name=session))
    others = [c for c in events.columns if c not in (session, stage)]
    if others:
        first = events.groupby(session, sort=True)[others].first()
        out = out.join(first)
    return out


def funnel(
    events: pd.DataFrame,
    stages: Sequence[str],
    *,
    by: str | Sequence[str] | None = None,
    session: str = "session_id",
    stage: str = "stage",
    strict: bool = True,
    level: float = 0.95,
) -> pd.DataFrame:
    """Funnel conversion with Wilson intervals, overall or by group.

    Parameters
    ----------
    events : DataFrame
        The event log, one row per (session, stage) reached.
    stages : list of str
        The stages in funnel order, first to last.
    by : str or list of str, optional
        Session attributes to split by (taken from each session's first event), e.g.
        ``"date"``, ``"segment"`` or ``["date", "device"]``.
    session, stage : str
        Names of the session id and stage columns.
    strict : bool
        Raise when sessions skip a stage (see the module notes).
    level : float
        Confidence level of the intervals.

    Returns
    -------
    DataFrame
        One row per group and stage: ``previous`` (sessions at the previous stage),
        ``sessions`` reaching this stage, ``conversion`` = sessions / previous with
        ``ci_low`` / ``ci_high``, ``overall`` conversion from the
        first stage with ``overall_ci_low`` / ``overall_ci_high``, and ``lost`` (sessions
        that reached the previous stage but not this one). Rates are proportions (0-1).

    Examples
    --------
    >>> import cxlab as cx
    >>> events = cx.datasets.load("journey_events")
    >>> f = cx.journey.funnel(events, ["visit", "checkout", "purchase"], by="segment")
    >>> f[f["stage"] == "purchase"][["segment", "conversion", "ci_low", "ci_high"]].round(3)
         segment  conversion  ci_low  ci_high
    2        new       0.381   0.362     0.40
    5  returning       0.499   0.479     0.52
    """
    check_level(level)
    keys = _as_list(by)
    _check_log(events, [], session, stage)
    missing = [k for k in keys if k not in events.columns]
    if missing:
        raise DataError(f"by: no column(s) {missing} in the event log.")
    table = sessions(
        events[[session, stage, *keys]], stages, session=session, stage=stage, strict=strict
    )
    stages = list(stages)
    if keys:
        counts = table.groupby(keys, sort=True, dropna=False)[stages].sum()
    else:
        counts = pd.DataFrame([table[stages].sum()])
    long = counts.reset_index(drop=not keys).melt(
        id_vars=keys, value_vars=stages, var_name="stage", value_name="sessions"
    )
    long["step"] = pd.Categorical(long["stage"], categories=stages).codes + 1
    long = long.sort_values([*keys, "step"], kind="stable").reset_index(drop=True)
    n = long["sessions"].to_numpy(dtype=float)
    first_stage = long["step"].to_numpy() == 1
    previous = np.where(first_stage, np.nan, np.r_[np.nan, n[:-1]])
    start = long.groupby(keys, sort=False)["sessions"].transform("first") if keys else n[0]
    start = np.asarray(start, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        long["conversion"] = n / previous
        long["overall"] = n / start
    prev0 = np.nan_to_num(previous)
    low, high = wilson(n, prev0, level)
    long["ci_low"], long["ci_high"] = (
        np.where(first_stage, np.nan, low),
        np.where(first_stage, np.nan, high),
    )
    long["overall_ci_low"], long["overall_ci_high"] = wilson(n, start, level)
    long["lost"] = pd.array(previous - n, dtype="Int64")  # <NA> for the first stage
    long["previous"] = pd.array(previous, dtype="Int64")
    cols = [*keys, "stage", "step", "previous", "sessions", "conversion", "ci_low", "ci_high"]
    cols.append("overall")
    return long[[*cols, "overall_ci_low", "overall_ci_high", "lost"]]


def _dates(values: Any, name: str) -> Any:
    """A date rule → a function of a datetime Series giving a boolean mask."""
    if isinstance(values, tuple) and len(values) == 2:
        start, end = pd.Timestamp(values[0]), pd.Timestamp(values[1])
        if end < start:
            raise DataError(f"{name}: the period ends ({end.date()}) before it starts.")
        return lambda d: d.between(start, end)
    if isinstance(values, str | pd.Timestamp) or not isinstance(values, Sequence):
        values = [values]
    try:
        days = pd.DatetimeIndex([pd.Timestamp(v) for v in values]).normalize()
    except (TypeError, ValueError) as exc:
        raise DataError(f"{name}: {values!r} are not dates (use 'YYYY-MM-DD').") from exc
    return lambda d: d.dt.normalize().isin(days)


def compare_days(
    events: pd.DataFrame,
    stages: Sequence[str],
    peak: Any,
    baseline: Any = None,
    *,
    date: str = "date",
    session: str = "session_id",
    stage: str = "stage",
    strict: bool = True,
    level: float = 0.95,
) -> pd.DataFrame:
    """Every funnel step of a peak day against a baseline: where is the drop?

    Parameters
    ----------
    peak, baseline
        A date (``"2025-11-28"``), a list of dates, or a ``(first, last)`` tuple of a
        period. ``baseline=None``: every other date in the log.
    date : str
        The date column (a session's date is that of its first event).

    Returns
    -------
    DataFrame
        One row per step (``"visit → browse"`` … and the whole funnel, first → last):
        sessions and conversion on the peak (``n_peak``, ``rate_peak``) and the
        baseline, ``diff`` = peak − baseline with Newcombe's hybrid score interval
        (``ci_low``, ``ci_high``), and the pooled two-proportion ``z`` with its
        two-sided ``pvalue``.

    Examples
    --------
    >>> import cxlab as cx
    >>> events = cx.datasets.load("journey_events")
    >>> stages = ["visit", "browse", "cart", "checkout", "purchase"]
    >>> bf = cx.journey.compare_days(events, stages, "2025-11-28", ("2025-12-15", "2025-12-22"))
    >>> cols = ["step", "rate_peak", "rate_base", "diff", "ci_low", "ci_high", "z"]
    >>> print(bf[cols].round(3).to_string(index=False))  # In R: prop.test(correct = FALSE)
                   step  rate_peak  rate_base   diff  ci_low  ci_high      z
         visit → browse      0.406      0.507 -0.101  -0.122   -0.080 -9.398
          browse → cart      0.466      0.409  0.057   0.025    0.089  3.496
        cart → checkout      0.702      0.611  0.091   0.045    0.134  3.862
    checkout → purchase      0.310      0.455 -0.145  -0.199   -0.089 -4.966
       visit → purchase      0.041      0.058 -0.017  -0.025   -0.007 -3.432
    """
    check_level(level)
    _check_log(events, [], session, stage)
    if date not in events.columns:
        raise DataError(f"No column {date!r} in the event log; name the date column with date=.")
    table = sessions(
        events[[session, stage, date]], stages, session=session, stage=stage, strict=strict
    )
    day = pd.to_datetime(table[date])
    in_peak = _dates(peak, "peak")(day).to_numpy()
    in_base = ~in_peak if baseline is None else _dates(baseline, "baseline")(day).to_numpy()
    in_base = in_base & ~in_peak
    if not in_peak.any():
        raise DataError(f"No sessions on the peak {peak!r} (dates run {day.min().date()} "
                        f"to {day.max().date()}).")  # fmt: skip
    if not in_base.any():
        raise DataError(f"No sessions in the baseline {baseline!r}.")
    stages = list(stages)
    pairs = list(pairwise(stages))
    pairs.append((stages[0], stages[-1]))
    rows = []
    for a, b in pairs:
        row: dict[str, Any] = {"step": f"{a} → {b}"}
        for name, mask in (("peak", in_peak), ("base", in_base)):
            at = table.loc[mask & table[a].to_numpy()]
            row[f"n_{name}"] = len(at)
            row[f"x_{name}"] = int(at[b].sum())
        rows.append(row)
    out = pd.DataFrame(rows)
    n1, x1 = out["n_peak"].to_numpy(float), out["x_peak"].to_numpy(float)
    n2, x2 = out["n_base"].to_numpy(float), out["x_base"].to_numpy(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        p1, p2 = x1 / n1, x2 / n2
        pooled = (x1 + x2) / (n1 + n2)
        z = (p1 - p2) / np.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    l1, u1 = wilson(x1, n1, level)
    l2, u2 = wilson(x2, n2, level)
    diff = p1 - p2
    out["rate_peak"], out["rate_base"], out["diff"] = p1, p2, diff
    out["ci_low"] = diff - np.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
    out["ci_high"] = diff + np.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    out["z"] = z
    out["pvalue"] = 2 * stats.norm.sf(np.abs(z))
    cols = ["step", "n_peak", "rate_peak", "n_base", "rate_base", "diff", "ci_low", "ci_high"]
    return out[[*cols, "z", "pvalue"]]


def step_conversion(
    events: pd.DataFrame,
    from_stage: str,
    to_stage: str,
    *,
    by: str,
    bins: Sequence[float] | None = None,
    session: str = "session_id",
    stage: str = "stage",
    level: float = 0.95,
) -> pd.DataFrame:
    """Conversion of one step by an attribute of the event where the step starts.

    Of the sessions with a ``from_stage`` event, the share that also have a
    ``to_stage`` event, grouped by the ``by`` value *on the from_stage event* (e.g.
    ``by="page_load_s"`` at the checkout: how long the checkout page took), cut into
    ``bins`` when given (right-closed intervals, as :func:`pandas.cut`).

    Examples
    --------
    >>> import cxlab as cx
    >>> events = cx.datasets.load("journey_events")
    >>> t = cx.journey.step_conversion(events, "checkout", "purchase", by="page_load_s",
    ...                                bins=[0, 3, 7, 60])
    >>> t[["page_load_s", "sessions", "conversion"]].round(3)
      page_load_s  sessions  conversion
    0      (0, 3]      3487       0.460
    1      (3, 7]      1257       0.412
    2     (7, 60]       106       0.000
    """
    check_level(level)
    _check_log(events, [by], session, stage)
    for s in (from_stage, to_stage):
        if not (events[stage] == s).any():
            raise DataError(f"Stage {s!r} never occurs in column {stage!r}.")
    start = events[events[stage] == from_stage].drop_duplicates(session)
    done = set(events.loc[events[stage] == to_stage, session])
    group = start[by]
    if bins is not None:
        group = pd.cut(group, bins=list(bins))
        outside = group.isna() & start[by].notna()
        if outside.any():
            raise DataError(f"{int(outside.sum())} {by!r} values fall outside bins={list(bins)}.")
    frame = pd.DataFrame({by: group, "converted": start[session].isin(done).to_numpy()})
    out = frame.groupby(by, observed=True, sort=True)["converted"].agg(["size", "sum"])
    out = out.rename(columns={"size": "sessions", "sum": "converted"}).reset_index()
    out["conversion"] = out["converted"] / out["sessions"]
    out["ci_low"], out["ci_high"] = wilson(out["converted"], out["sessions"], level)
    return out


def mot_impact(
    data: pd.DataFrame,
    outcome: str,
    touchpoints: Sequence[str],
    *,
    method: Literal["relative_weights", "shapley", "logistic"] = "relative_weights",
    low: float = 2,
    B: int = 1000,
    seed: int | None = None,
) -> pd.DataFrame:
    """Moments of truth: which touchpoint ratings move the outcome, and how they perform.

    Parameters
    ----------
    data : DataFrame or Survey
        One row per respondent with a rating per touchpoint and the outcome.
    outcome : str
        Overall satisfaction, NPS score, … or a 0/1 column with ``method="logistic"``.
    touchpoints : list of str
        The touchpoint ratings (the drivers).
    method : {"relative_weights", "shapley", "logistic"}
        Importance by :func:`cxlab.drivers.relative_weights`, :func:`~cxlab.drivers.shapley_r2`
        or :func:`~cxlab.drivers.shapley_logistic`.
    low : float
        A rating ≤ ``low`` is a bad experience (default 2 on a 1-5 scale).
    B, seed
        Bootstrap of the importance; ``seed`` is required when ``B > 0``.

    Returns
    -------
    DataFrame
        One row per touchpoint, most important first: ``mean`` rating, ``pct_low``
        (% of bad experiences), ``importance`` (% of R²) with ``ci_low`` / ``ci_high``,
        ``outcome_low`` / ``outcome_rest`` (mean outcome after a bad experience and
        otherwise) and their difference ``penalty``. Rows are those complete on the
        outcome and every touchpoint.

    Examples
    --------
    >>> import cxlab as cx
    >>> air = cx.datasets.load("airline_mot")
    >>> mots = ["mot_booking", "mot_checkin", "mot_boarding", "mot_crew", "mot_meal"]
    >>> t = cx.journey.mot_impact(air, "nps_score", mots, B=0)
    >>> t[["touchpoint", "importance", "penalty"]].round(2)
         touchpoint  importance  penalty
    0      mot_crew       37.96    -3.06
    1  mot_boarding       21.93    -2.38
    2   mot_checkin       21.51    -2.34
    3      mot_meal       10.51    -1.43
    4   mot_booking        8.09    -1.89
    """
    from cxlab import drivers

    data = as_frame(data)
    funcs = {
        "relative_weights": drivers.relative_weights,
        "shapley": drivers.shapley_r2,
        "logistic": drivers.shapley_logistic,
    }
    if method not in funcs:
        raise DataError(f"method must be one of {list(funcs)}, not {method!r}.")
    result = funcs[method](data, outcome, touchpoints, B=B, seed=seed)
    used = data[[outcome, *result.table.index]].dropna()
    y = used[outcome].astype(float)
    rows = []
    for tp, imp in result.table.iterrows():
        bad = used[tp].astype(float) <= low
        rows.append(
            {
                "touchpoint": tp,
                "n": len(used),
                "mean": float(used[tp].astype(float).mean()),
                "pct_low": 100 * float(bad.mean()),
                "importance": imp["pct"],
                "ci_low": imp["pct_ci_low"],
                "ci_high": imp["pct_ci_high"],
                "outcome_low": float(y[bad].mean()) if bad.any() else np.nan,
                "outcome_rest": float(y[~bad].mean()) if (~bad).any() else np.nan,
            }
        )
    out = pd.DataFrame(rows)
    out["penalty"] = out["outcome_low"] - out["outcome_rest"]
    return out
