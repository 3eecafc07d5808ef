"""Behavioural loyalty and customer lifetime value, and where attitude meets behaviour.

Transactions measure behaviour; surveys measure attitude. This module summarises a
transaction log of any size with DuckDB (a DataFrame, or CSV / Parquet files streamed
from disk: one path, a glob such as ``"logs/*.parquet"``, a folder, or a list of paths),
fits the buy-till-you-die models with lifetimes, and joins the two sides in Dick &
Basu's loyalty matrix. The whole aggregation and every check run in DuckDB with a
memory limit (``memory_limit=``, default 1 GB) beyond which it spills to a temporary
folder, so a log larger than memory is processed out of core; only one row per
customer (or cohort) comes back to pandas. A DataFrame that is already clean (integer
customer ids, datetime64 dates, numbers, nothing missing, negative or late) is summarised
by :func:`clv_summary` in numpy instead, with the same numbers and notes.

- :func:`check_transactions` — every data check at once, as a table.
- :func:`clv_summary` — frequency, recency, T, monetary value per customer (lifetimes'
  definitions), with holdout columns after ``calibration_end``.
- :func:`rfm` — recency, frequency, monetary quintile scores and named segments
  (:func:`rfm_segments`); :func:`cohorts` — the retention matrix and its heatmap.
- :func:`fit_bgnbd`, :func:`fit_gamma_gamma`, :func:`clv` — BG/NBD purchase model,
  Gamma-Gamma spend model, discounted CLV and probability alive;
  :func:`holdout_check` and :func:`tracking` — predictions against held-out data.
- :func:`purchase_counts`, :func:`loyalty_matrix`, :func:`behaviour_model` — surveyed
  customers' purchases, the 2 × 2 of attitude and behaviour, logit / Poisson /
  negative-binomial models of repurchase.

Definitions (as in lifetimes and Fader, Hardie & Lee 2005): purchases on the same day
(``freq="D"``) or week (``"W"``) are one purchase whose value is their sum; *frequency*
counts repeat purchases (the first is not counted); *recency* is the customer's age at
the last purchase (not RFM's "time since"); *T* is the age at the end of observation;
*monetary_value* is the mean value of the repeat purchases. ``freq_multiplier`` divides
the times, so ``freq="D", freq_multiplier=7`` counts purchases per day and measures time
in weeks — the setup of the published CDNOW fits.

Bad input is never dropped silently: missing ids, unreadable or missing dates, missing,
non-numeric or negative amounts, purchases after ``as_of`` (without ``as_of``: after
today + 2 days, since the last purchase would end the observation) and a mixed-type
customer column raise :class:`~cxlab.errors.DataError` naming the source, column and rows;
duplicate rows are kept (real logs hold identical same-day purchases) and reported in
``result.attrs["notes"]`` — or dropped (``duplicates="drop"``) or refused (``"raise"``);
``late="drop"`` leaves out purchases after ``as_of`` and reports how many.

Examples
--------
>>> import cxlab as cx
>>> from cxlab import loyalty
>>> tx = cx.datasets.load("cdnow_sample")
>>> cal = loyalty.clv_summary(tx, "customer_id", "date", "dollar_value",
...                           freq="D", freq_multiplier=7, calibration_end="1997-09-30")
>>> loyalty.fit_bgnbd(cal).params_.round(3).to_dict()
{'r': 0.243, 'alpha': 4.414, 'a': 0.793, 'b': 2.426}

References: Fader, Hardie & Lee (2005a) Marketing Science 24(2) 275–284; Fader,
Hardie & Lee (2005b) Journal of Marketing Research 42(4) 415–430; Fader & Hardie
(2013) The Gamma-Gamma model of monetary value; Dick & Basu (1994) Journal of the
Academy of Marketing Science 22(2) 99–113.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from cxlab.errors import DataError
from cxlab.loyalty import _fast as _fast
from cxlab.loyalty import _holdout as _holdout
from cxlab.loyalty import _source as _io
from cxlab.loyalty import _sql as _sql
from cxlab.loyalty._holdout import HoldoutCheck, Tracking, holdout_check
from cxlab.loyalty._models import BGNBD, GammaGamma, clv, fit_bgnbd, fit_gamma_gamma
from cxlab.loyalty._results import (
    CELLS,
    BehaviourModel,
    Cohorts,
    LoyaltyMatrix,
    behaviour_model,
    loyalty_matrix,
)

__all__ = [
    "BGNBD",
    "CELLS",
    "BehaviourModel",
    "Cohorts",
    "GammaGamma",
    "HoldoutCheck",
    "LoyaltyMatrix",
    "Tracking",
    "behaviour_model",
    "check_transactions",
    "clv",
    "clv_summary",
    "cohorts",
    "fit_bgnbd",
    "fit_gamma_gamma",
    "holdout_check",
    "loyalty_matrix",
    "purchase_counts",
    "rfm",
    "rfm_segments",
    "tracking",
]

_SEGMENT_TABLE = [
    (
        "champions",
        "冠军客户",
        "R 4–5 and F + M 8–10",
        "bought recently, often, for much: reward, ask for reviews and referrals",
    ),
    (
        "loyal",
        "忠诚客户",
        "R 3–5 and F + M 6–10 (not champions)",
        "steady buyers: loyalty programme, cross-sell",
    ),
    (
        "potential",
        "潜力客户",
        "R 3–5 and F + M 2–5",
        "recent but few or small purchases (many new customers): onboarding, a second purchase",
    ),
    (
        "at risk",
        "流失风险客户",
        "R 1–2 and F + M 6–10",
        "were valuable, not seen lately: win-back before they are lost",
    ),
    ("hibernating", "沉睡客户", "R 2 and F + M 2–5", "small and lapsing: low-cost reminders"),
    ("lost", "已流失客户", "R 1 and F + M 2–5", "long gone and never valuable: do not spend much"),
]


def _summary_unit(freq: str, freq_multiplier: float) -> str | None:
    days = _sql.UNITS.get(freq, ("", 0))[1] * freq_multiplier
    return {1: "D", 7: "W"}.get(days)


@_io.within_memory
def check_transactions(
    transactions: Any,
    customer: str = "customer_id",
    date: str = "date",
    amount: str | None = None,
    *,
    as_of: Any = None,
    date_format: str | None = None,
    memory_limit: str = _io.MEMORY_LIMIT,
) -> pd.DataFrame:
    """Run every data check on a transaction log and return the report (never raises
    for bad rows; :func:`clv_summary` and the others raise on the ``error`` rows).

    Parameters
    ----------
    transactions : DataFrame, path, glob, folder or list of paths
        One row per purchase; CSV (.csv, .csv.gz, .tsv) or Parquet files are read by
        DuckDB without loading them into memory. Many files (``"logs/*.parquet"``,
        ``"logs/**/*.parquet"``, a folder, a list) must agree on the columns' types;
        the file that differs is named.
    customer, date, amount : str
        Column names. *amount* is optional.
    as_of : date, optional
        End of observation; purchases after it are counted.
    date_format : str, optional
        strptime format of text dates, e.g. ``"%d/%m/%Y"``.
    memory_limit : str
        DuckDB's memory cap, e.g. ``"4GB"`` or ``"500MB"`` (default 1 GB); beyond it the
        aggregation spills to a temporary folder, so a log larger than memory still runs.

    Returns
    -------
    DataFrame
        check, column, rows, status (ok / error / kept / dropped), detail (which rows).

    Examples
    --------
    >>> import pandas as pd
    >>> from cxlab import loyalty
    >>> tx = pd.DataFrame({"customer_id": [1, 1, 2], "date": ["2024-01-02", "2024-13-01",
    ...                    "2024-02-03"], "amount": [10.0, -5.0, 8.0]})
    >>> rep = loyalty.check_transactions(tx, amount="amount")
    >>> print(rep.loc[rep["status"] != "ok", ["check", "rows", "detail"]].to_string(index=False))
              check  rows                       detail
    unreadable date     1 row 1 (values '2024-13-01')
    negative amount     1         row 1 (values -5.0)
    """
    src = _io.open_source(
        transactions, customer, date, amount, date_format, memory_limit=memory_limit
    )
    return _io.check(src, _io.to_timestamp(as_of, "as_of"))


@_io.within_memory
def clv_summary(
    transactions: Any,
    customer: str = "customer_id",
    date: str = "date",
    amount: str | None = None,
    *,
    freq: str = "D",
    freq_multiplier: float = 1,
    as_of: Any = None,
    calibration_end: Any = None,
    date_format: str | None = None,
    duplicates: str = "keep",
    late: str = "raise",
    memory_limit: str = _io.MEMORY_LIMIT,
) -> pd.DataFrame:
    """Frequency, recency, T (and monetary value) per customer, computed by DuckDB.

    Equals ``lifetimes.utils.summary_data_from_transaction_data`` to the last bit
    (tested on CDNOW); with *calibration_end*, the columns of
    ``calibration_and_holdout_data`` (``*_cal``, ``frequency_holdout``,
    ``monetary_value_holdout``, ``duration_holdout``).

    Parameters
    ----------
    transactions : DataFrame, path, glob, folder or list of paths
        One row per purchase (DataFrame, or CSV / Parquet files of any size; as in
        :func:`check_transactions`).
    customer, date, amount : str
        Column names; without *amount* there is no ``monetary_value``.
    freq : {"D", "W"}
        Purchases in the same day / week count as one (values summed).
    freq_multiplier : float
        Times (recency, T) are divided by it: ``freq="D", freq_multiplier=7`` gives
        weeks measured in days / 7, as Fader, Hardie & Lee (2005) do.
    as_of : date, optional
        End of observation (default: the last purchase). Purchases after it raise a
        DataError unless ``late="drop"`` (then they are left out and reported).
        Without *as_of*, a purchase dated after today (+ 2 days) raises a DataError
        naming its rows, customers and dates: it would set every customer's T.
    calibration_end : date, optional
        Split into a calibration period (up to and including this date) and a holdout
        period (after it, up to *as_of*). Customers whose first purchase falls in the
        holdout are not in the result (reported in ``attrs["notes"]``).
        ``monetary_value_holdout`` is the mean value per holdout purchase period, like
        ``monetary_value_cal`` (lifetimes averages the raw rows instead).
    date_format : str, optional
        strptime format of text dates.
    duplicates : {"keep", "drop", "raise"}
        Rows identical in customer, date and amount: kept as separate purchases
        (default, like lifetimes), dropped, or refused; the count is reported.
    late : {"raise", "drop"}
        What to do with purchases after *as_of*.
    memory_limit : str
        DuckDB's memory cap, e.g. ``"4GB"`` or ``"500MB"`` (default 1 GB); beyond it the
        aggregation spills to a temporary folder, so a log larger than memory still runs.

    Returns
    -------
    DataFrame
        Indexed by customer, float columns. ``attrs``: ``time_unit`` ("D" / "W" / None),
        ``as_of``, ``calibration_end``, ``notes`` (what was kept or dropped).

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab import loyalty
    >>> tx = cx.datasets.load("cdnow_sample")
    >>> s = loyalty.clv_summary(tx, "customer_id", "date", "dollar_value",
    ...                         freq="D", freq_multiplier=7, as_of="1998-06-30")
    >>> s.loc[4].round(2).to_dict()
    {'frequency': 3.0, 'recency': 49.29, 'T': 77.86, 'monetary_value': 23.72}
    >>> for note in s.attrs["notes"]:
    ...     print(note)
    8 purchases of value 0 kept (free items, vouchers)
    21 duplicate rows (same customer, date, amount) kept as separate purchases

    In R: ``BTYDplus::elog2cbs(elog, units = "week", T.cal = "1997-09-30")``.
    """
    _io.check_memory_limit(memory_limit)
    cal = _io.to_timestamp(calibration_end, "calibration_end")
    as_of_ts = _io.to_timestamp(as_of, "as_of")
    fast = None
    if cal is None and date_format is None:  # a clean DataFrame: numpy, no DuckDB round trip
        fast = _fast.summary(
            transactions,
            customer,
            date,
            amount,
            freq=freq,
            freq_multiplier=freq_multiplier,
            as_of=as_of_ts,
            duplicates=duplicates,
            late=late,
        )
    if fast is not None:
        frame, notes = fast
    else:
        src, report, as_of_ts = _io.prepare(
            transactions,
            customer,
            date,
            amount,
            as_of=as_of,
            date_format=date_format,
            duplicates=duplicates,
            late=late,
            memory_limit=memory_limit,
        )
        frame, extra = _sql.clv_summary(
            src, freq=freq, freq_multiplier=freq_multiplier, as_of=as_of_ts, calibration_end=cal
        )
        notes = _io.notes(report) + extra
    frame.attrs = {
        "time_unit": _summary_unit(freq, freq_multiplier),
        "as_of": None if as_of_ts is None else str(as_of_ts.date()),
        "calibration_end": None if cal is None else str(cal.date()),
        "notes": notes,
    }
    return frame


@_io.within_memory
def rfm(
    transactions: Any,
    customer: str = "customer_id",
    date: str = "date",
    amount: str = "amount",
    *,
    as_of: Any = None,
    date_format: str | None = None,
    duplicates: str = "keep",
    late: str = "raise",
    memory_limit: str = _io.MEMORY_LIMIT,
) -> pd.DataFrame:
    """Recency, frequency, monetary value with quintile scores 1–5 and a named segment.

    *recency* = days from the last purchase to *as_of* (default: the last purchase in
    the data); *frequency* = number of purchase days; *monetary* = total spend. Scores
    are quintiles of each customer's average rank, so tied customers get the same
    score (5 = most recent, most frequent, highest spend). Segments follow
    :func:`rfm_segments` from R and F + M. Bad input is handled as in
    :func:`clv_summary`.

    Parameters
    ----------
    transactions : DataFrame, path, glob, folder or list of paths
        One row per purchase (as in :func:`check_transactions`).
    customer, date, amount : str
        Column names.
    as_of : date, optional
        The day recency is measured from.
    date_format, duplicates, late
        As in :func:`clv_summary`.
    memory_limit : str
        As in :func:`clv_summary`.

    Returns
    -------
    DataFrame
        Indexed by customer: recency, frequency, monetary, R, F, M, RFM (e.g. "545"),
        segment (categorical, in the order of :func:`rfm_segments`).

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab import loyalty
    >>> r = loyalty.rfm(cx.datasets.load("retail_transactions"), as_of="2025-12-31")
    >>> r["segment"].value_counts(sort=False).to_dict()  # doctest: +NORMALIZE_WHITESPACE
    {'champions': 465, 'loyal': 417, 'potential': 168, 'at risk': 89,
     'hibernating': 267, 'lost': 345}
    """
    src, report, as_of_ts = _io.prepare(
        transactions,
        customer,
        date,
        amount,
        as_of=as_of,
        date_format=date_format,
        duplicates=duplicates,
        late=late,
        memory_limit=memory_limit,
    )
    out = _sql.rfm(src, as_of_ts)
    out.attrs = {"notes": _io.notes(report)}
    return out


def rfm_segments() -> pd.DataFrame:
    """The named RFM segments, their rule (first match wins, top to bottom) and what a
    retailer typically does with each.

    Returns
    -------
    DataFrame
        segment, segment_zh, rule, action.

    Examples
    --------
    >>> from cxlab import loyalty
    >>> loyalty.rfm_segments()["segment"].tolist()
    ['champions', 'loyal', 'potential', 'at risk', 'hibernating', 'lost']
    """
    return pd.DataFrame(_SEGMENT_TABLE, columns=["segment", "segment_zh", "rule", "action"])


@_io.within_memory
def cohorts(
    transactions: Any,
    customer: str = "customer_id",
    date: str = "date",
    *,
    period: str = "M",
    as_of: Any = None,
    date_format: str | None = None,
    late: str = "raise",
    memory_limit: str = _io.MEMORY_LIMIT,
) -> Cohorts:
    """Cohort retention: customers grouped by the period of their first purchase.

    Parameters
    ----------
    transactions : DataFrame, path, glob, folder or list of paths
        One row per purchase (as in :func:`check_transactions`).
    customer, date : str
        Column names.
    period : {"M", "W", "Q", "Y", "D"}
        Month (default), week, quarter, year or day.
    as_of, date_format, late
        As in :func:`clv_summary`.
    memory_limit : str
        As in :func:`clv_summary`.

    Returns
    -------
    Cohorts
        ``counts`` and ``retention`` (cohort × periods since the first purchase),
        ``sizes``, ``plot()`` (seaborn heatmap), ``to_frame()``.

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab import loyalty
    >>> c = loyalty.cohorts(cx.datasets.load("cdnow"), period="M")
    >>> c.sizes.to_dict()
    {'1997-01': 7846, '1997-02': 8476, '1997-03': 7248}
    >>> c.retention.iloc[:, 1].round(3).to_list()
    [0.147, 0.155, 0.142]
    """
    src, _, as_of_ts = _io.prepare(
        transactions,
        customer,
        date,
        None,
        as_of=as_of,
        date_format=date_format,
        late=late,
        memory_limit=memory_limit,
    )
    counts, sizes = _sql.cohorts(src, period, as_of_ts)
    return Cohorts(counts, sizes, period)


@_io.within_memory
def purchase_counts(
    transactions: Any,
    customers: Any = None,
    customer: str = "customer_id",
    date: str = "date",
    amount: str | None = None,
    *,
    start: Any = None,
    end: Any = None,
    date_format: str | None = None,
    duplicates: str = "keep",
    memory_limit: str = _io.MEMORY_LIMIT,
) -> pd.DataFrame:
    """Purchases of each customer in a window — zero for listed customers who bought nothing.

    Parameters
    ----------
    transactions : DataFrame, path, glob, folder or list of paths
        One row per purchase (as in :func:`check_transactions`).
    customers : sequence, optional
        The customers to report (e.g. the survey's ids); default: everyone in the log.
        Purchases of customers not listed are counted in ``attrs["notes"]``.
    customer, date, amount : str
        Column names.
    start, end : date, optional
        First and last day of the window (inclusive); rows outside are reported.
    date_format, duplicates
        As in :func:`clv_summary`.
    memory_limit : str
        As in :func:`clv_summary`.

    Returns
    -------
    DataFrame
        Indexed by customer: purchases (rows), purchase_days, spend (with *amount*),
        first_purchase, last_purchase, bought (purchases > 0).

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab import loyalty
    >>> ids = cx.datasets.load("retail_omnichannel")["customer_id"]
    >>> pc = loyalty.purchase_counts(cx.datasets.load("retail_transactions"), ids)
    >>> int(pc["bought"].sum()), int(pc["purchases"].sum())
    (1751, 14889)
    """
    src, report, _ = _io.prepare(
        transactions,
        customer,
        date,
        amount,
        date_format=date_format,
        duplicates=duplicates,
        memory_limit=memory_limit,
    )
    start_ts, end_ts = _io.to_timestamp(start, "start"), _io.to_timestamp(end, "end")
    counts, outside = _sql.purchase_counts(src, start_ts, end_ts)
    notes = _io.notes(report)
    if outside:
        notes.append(f"{outside:,} purchases outside the window were not counted")
    if customers is not None:
        ids = pd.Index(customers, name=customer)
        if not ids.is_unique:
            raise DataError(f"customers lists ids twice: {list(ids[ids.duplicated()][:5])}.")
        others = ~counts.index.isin(ids)
        if others.any():
            notes.append(
                f"{int(counts.loc[others, 'purchases'].sum()):,} purchases of "
                f"{int(others.sum()):,} customers not in `customers` were not counted"
            )
        counts = counts.reindex(ids)
        for col in ("purchases", "purchase_days", "spend"):
            if col in counts:
                counts[col] = counts[col].fillna(0)
        counts[["purchases", "purchase_days"]] = counts[["purchases", "purchase_days"]].astype(
            "int64"
        )
    counts["bought"] = counts["purchases"] > 0
    counts.attrs = {"notes": notes}
    return counts


@_io.within_memory
def tracking(
    bgnbd: BGNBD,
    transactions: Any,
    customer: str = "customer_id",
    date: str = "date",
    *,
    end: Any = None,
    calibration_end: Any = None,
    date_format: str | None = None,
    memory_limit: str = _io.MEMORY_LIMIT,
) -> Tracking:
    """Repeat purchases of the whole cohort per period (week or day), actual vs BG/NBD.

    The prediction for each customer starts at her first purchase (eq. 9 of Fader et al.
    2005); actual repeat purchases are purchase days after the first.

    Parameters
    ----------
    bgnbd : BGNBD
        A fitted model whose ``time_unit`` ("W" or "D") sets the period.
    transactions : DataFrame, path, glob, folder or list of paths
        The same customers' purchases (as in :func:`check_transactions`).
    customer, date : str
        Column names.
    end : date, optional
        Last day to track (default: the last purchase); later purchases are left out.
    calibration_end : date, optional
        Drawn as a vertical line by ``plot()``.
    date_format : str, optional
        As in :func:`clv_summary`.
    memory_limit : str
        As in :func:`clv_summary`.

    Returns
    -------
    Tracking
        ``table`` per period (actual, predicted, cumulated) and ``plot()``.

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab import loyalty
    >>> tx = cx.datasets.load("cdnow_sample")
    >>> cal = loyalty.clv_summary(tx, "customer_id", "date", freq="D", freq_multiplier=7,
    ...                           calibration_end="1997-09-30")
    >>> tr = loyalty.tracking(loyalty.fit_bgnbd(cal), tx, calibration_end="1997-09-30")
    >>> tr.table[["actual_cum", "predicted_cum"]].iloc[-1].round(0).to_dict()
    {'actual_cum': 4339.0, 'predicted_cum': 4161.0}
    """
    unit_days = {"W": 7, "D": 1}.get(bgnbd.time_unit or "")
    if unit_days is None:
        raise DataError("tracking needs a model fitted to a summary in days or weeks.")
    src, _, _ = _io.prepare(
        transactions,
        customer,
        date,
        None,
        as_of=end,
        date_format=date_format,
        late="drop",
        memory_limit=memory_limit,
    )
    start, last = _io.date_range(src)
    stop = _io.to_timestamp(end, "end") or last
    con = src.con
    con.execute(
        "CREATE TEMP TABLE d AS SELECT DISTINCT cust, date_trunc('day', ts) AS day FROM ok; "
        "CREATE TEMP TABLE f AS SELECT cust, min(day) AS first FROM d GROUP BY cust"
    )
    s = _io.ts_lit(start.normalize())
    firsts = con.execute(
        f"SELECT date_diff('day', {s}, first) AS day_offset, count(*) AS customers FROM f "
        "GROUP BY ALL"
    ).df()
    repeats = con.execute(
        f"SELECT date_diff('day', {s}, d.day) // {unit_days} AS k, count(*) AS actual "
        "FROM d JOIN f USING (cust) WHERE d.day > f.first GROUP BY ALL"
    ).df()
    n_periods = (stop.normalize() - start.normalize()).days // unit_days + 1
    cal = _io.to_timestamp(calibration_end, "calibration_end")
    return _holdout.tracking_table(
        bgnbd, firsts, repeats, start.normalize(), n_periods, unit_days, cal
    )
