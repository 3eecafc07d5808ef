"""SQL (DuckDB) of cxlab.loyalty's summaries: CLV summary, RFM, cohorts, purchase counts.

Every function takes an opened and checked :class:`~cxlab.loyalty._source.Source` whose view
``ok`` holds the usable rows, and returns a pandas object with one row per customer
(or per cohort), so memory grows with the number of customers, not of transactions.

``clv_summary`` reproduces ``lifetimes.utils.summary_data_from_transaction_data`` to the
last bit under pandas 3.1: purchases are grouped per period and summed as numpy's
``np.add.reduce`` sums them (pandas' sorted-groups fast path), the mean of the repeat
periods is a Kahan sum divided by the count (pandas' Cython ``group_mean``), and times
are day differences divided by the period length and then by ``freq_multiplier``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cxlab.errors import DataError
from cxlab.loyalty._source import Source, date_range, ts_lit

UNITS = {"D": ("day", 1), "W": ("week", 7)}
PERIODS = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}

CHUNK_PERIODS = 4_000_000  # customer-periods streamed into numpy at a time
# np.add.reduce adds up to 8 values as first + running sum of the rest (pairwise beyond)
_SEQUENTIAL = 8

SEGMENTS = ("champions", "loyal", "potential", "at risk", "hibernating", "lost")
SEGMENT_SQL = """CASE
  WHEN R >= 4 AND F + M >= 8 THEN 'champions'
  WHEN R >= 3 AND F + M >= 6 THEN 'loyal'
  WHEN R >= 3 THEN 'potential'
  WHEN F + M >= 6 THEN 'at risk'
  WHEN R = 2 THEN 'hibernating'
  ELSE 'lost' END"""


def floor_period(ts: pd.Timestamp, freq: str) -> pd.Timestamp:
    """Start of the period holding *ts* (pandas ``to_period(freq).to_timestamp()``)."""
    return ts.to_period(freq).to_timestamp()


def _check_freq(freq: str, freq_multiplier: float) -> tuple[str, int]:
    if freq not in UNITS:
        raise DataError(
            f"freq must be 'D' (days) or 'W' (weeks), not {freq!r}; with freq='D' and "
            "freq_multiplier=7 times are in weeks but purchases are counted per day."
        )
    if not freq_multiplier > 0:
        raise DataError(f"freq_multiplier must be positive, not {freq_multiplier!r}.")
    return UNITS[freq]


def _period_sums(src: Source, unit: str, where: str) -> None:
    """Temp table ``per``: one row per customer and period, amounts summed like pandas.

    DuckDB sums each period. One or two purchases sum alike in any order; where a period
    holds three or more, the sum is redone in the order pandas' sorted-groups fast path
    uses (``np.add.reduceat`` over the purchases in (time, amount) order: the first
    plus the running sum of the others, for up to 8 purchases) — in SQL, so the rows
    never leave DuckDB; the rare periods of 9 or more purchases (numpy then sums in
    pairs of blocks) are summed by numpy itself.
    """
    con = src.con
    amt = ", sum(amt) AS s" if src.amount else ""
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE per AS SELECT cust, date_trunc('{unit}', ts) AS per, "
        f"count(*) AS k{amt} FROM ok WHERE {where} GROUP BY ALL"
    )
    if not src.amount:
        return
    n_small, n_large = con.execute(
        f"SELECT count(*) FILTER (WHERE k BETWEEN 3 AND {_SEQUENTIAL}), "
        f"count(*) FILTER (WHERE k > {_SEQUENTIAL}) FROM per"
    ).fetchone()
    o_where = where.replace("ts", "o.ts")
    join = (
        "FROM ok o SEMI JOIN (SELECT cust, per FROM per WHERE {cond}) b "
        f"ON o.cust = b.cust AND date_trunc('{unit}', o.ts) = b.per WHERE {o_where}"
    )
    if n_small:
        cols = ", ".join(
            f"max(amt) FILTER (WHERE i = {i}) AS a{i}" for i in range(1, _SEQUENTIAL + 1)
        )
        running = "a2"
        for i in range(3, _SEQUENTIAL + 1):
            running = f"({running} + coalesce(a{i}, 0.0))"
        con.execute(
            f"""UPDATE per SET s = f.s FROM (
                  SELECT cust, per, a1 + {running} AS s FROM (
                    SELECT cust, per, {cols} FROM (
                      SELECT o.cust, date_trunc('{unit}', o.ts) AS per, o.amt, row_number()
                        OVER (PARTITION BY o.cust, date_trunc('{unit}', o.ts)
                              ORDER BY o.ts, o.amt) AS i
                      {join.format(cond=f"k BETWEEN 3 AND {_SEQUENTIAL}")})
                    GROUP BY ALL)) f
                WHERE per.cust = f.cust AND per.per = f.per"""
        )
    if not n_large:
        return
    rows = con.execute(
        f"SELECT o.cust, date_trunc('{unit}', o.ts) AS per, o.amt "
        f"{join.format(cond=f'k > {_SEQUENTIAL}')} ORDER BY o.cust, per, o.ts, o.amt"
    ).fetchnumpy()
    cust, per = np.asarray(rows["cust"]), np.asarray(rows["per"])
    new = np.r_[True, (cust[1:] != cust[:-1]) | (per[1:] != per[:-1])]
    starts = np.flatnonzero(new)
    fixed = pd.DataFrame(
        {"cust": cust[starts], "per": per[starts], "s": np.add.reduceat(rows["amt"], starts)}
    )
    con.register("fixed_sums", fixed)
    con.execute(
        "UPDATE per SET s = f.s FROM fixed_sums f WHERE per.cust = f.cust AND per.per = f.per"
    )
    con.unregister("fixed_sums")


def _customers(cust: np.ndarray, day: np.ndarray, s: np.ndarray | None) -> pd.DataFrame:
    """Count, first / last period and Kahan mean of the repeat periods' sums, for rows
    sorted by customer and period; the Kahan sum runs vectorised over the customers."""
    starts = np.flatnonzero(np.r_[True, cust[1:] != cust[:-1]])
    lens = np.diff(np.r_[starts, len(cust)])
    part = pd.DataFrame(
        {"cust": cust[starts], "n": lens, "first": day[starts], "last": day[starts + lens - 1]}
    )
    if s is not None:
        total, comp = np.zeros(len(starts)), np.zeros(len(starts))
        for j in range(1, int(lens.max())):
            idx = np.flatnonzero(lens > j)
            y = s[starts[idx] + j] - comp[idx]
            t = total[idx] + y
            comp[idx] = (t - total[idx]) - y
            total[idx] = t
        with np.errstate(invalid="ignore", divide="ignore"):
            part["monetary_value"] = np.where(lens > 1, total / (lens - 1), 0.0)
    return part


def _per_customer(src: Source, obs: pd.Timestamp) -> pd.DataFrame:
    """count, first / last period (days) and Kahan mean of the repeat periods' sums.

    One ORDER BY in DuckDB (which sorts out of core beyond its memory limit), streamed
    back in chunks of about ``CHUNK_PERIODS`` customer-periods; the last customer of a
    chunk is held back until the next chunk, which may continue her periods.
    """
    con = src.con
    money = ", s" if src.amount else ""
    n_per = con.execute("SELECT count(*) FROM per").fetchone()[0]
    con.execute(
        f"SELECT cust, date_diff('day', {ts_lit(obs)}, per) AS day{money} FROM per "
        "ORDER BY cust, per"
    )
    if n_per <= CHUNK_PERIODS:  # one chunk: numpy arrays straight from DuckDB
        a = con.fetchnumpy()
        money_s = np.asarray(a["s"], dtype=float) if src.amount else None
        out = _customers(np.asarray(a["cust"]), np.asarray(a["day"], dtype=np.int64), money_s)
        return out.iloc[np.argsort(out["cust"].to_numpy(), kind="stable")]
    vectors = max(1, CHUNK_PERIODS // 2048)
    parts, held = [], None
    while True:
        chunk = con.fetch_df_chunk(vectors)
        done = chunk.empty
        if held is not None:
            chunk = pd.concat([held, chunk], ignore_index=True)
        if chunk.empty:
            break
        cust = np.asarray(chunk["cust"])
        if not done:
            tail = np.flatnonzero(cust[1:] != cust[:-1])
            cut = int(tail[-1]) + 1 if len(tail) else 0
            held = chunk.iloc[cut:]
            if cut == 0:  # one customer fills the whole chunk
                continue
            chunk, cust = chunk.iloc[:cut], cust[:cut]
        day = np.asarray(chunk["day"], dtype=np.int64)
        money_s = np.asarray(chunk["s"], dtype=float) if src.amount else None
        parts.append(_customers(cust, day, money_s))
        if done:
            break
    out = pd.concat(parts, ignore_index=True)
    return out.iloc[np.argsort(out["cust"].to_numpy(), kind="stable")]


def clv_summary(
    src: Source,
    *,
    freq: str,
    freq_multiplier: float,
    as_of: pd.Timestamp | None,
    calibration_end: pd.Timestamp | None,
) -> tuple[pd.DataFrame, list[str]]:
    """frequency / recency / T (/ monetary_value) per customer, plus holdout columns."""
    unit, days = _check_freq(freq, freq_multiplier)
    first, last = date_range(src)
    end = as_of if as_of is not None else last
    notes: list[str] = []
    if calibration_end is not None:
        if not first <= calibration_end < end:
            raise DataError(
                f"calibration_end={calibration_end:%Y-%m-%d} must fall between the first "
                f"purchase ({first:%Y-%m-%d}) and the end of observation ({end:%Y-%m-%d})."
            )
        cal_where = f"ts <= {ts_lit(calibration_end)}"
        obs = floor_period(calibration_end, freq)
    else:
        cal_where, obs = "TRUE", floor_period(end, freq)
    _period_sums(src, unit, cal_where)
    out = _per_customer(src, obs)
    frame = pd.DataFrame(index=pd.Index(out["cust"].to_numpy(), name=src.customer))
    frame["frequency"] = out["n"].to_numpy(dtype=float) - 1
    rec_days = (out["last"] - out["first"]).to_numpy(dtype=float)
    frame["recency"] = rec_days / days / freq_multiplier
    frame["T"] = (-out["first"]).to_numpy(dtype=float) / days / freq_multiplier
    if src.amount:
        frame["monetary_value"] = out["monetary_value"].to_numpy(dtype=float)
    if calibration_end is None:
        return frame, notes
    frame.columns = [f"{c}_cal" for c in frame.columns]
    money_h = ", avg(s) AS monetary_value_holdout" if src.amount else ""
    sums = ", sum(amt) AS s" if src.amount else ""
    hold = src.con.execute(
        f"""SELECT cust, count(*) AS frequency_holdout{money_h} FROM (
              SELECT cust, date_trunc('{unit}', ts) AS per{sums} FROM ok
              WHERE ts > {ts_lit(calibration_end)} AND ts <= {ts_lit(end)} GROUP BY ALL)
            GROUP BY cust"""
    ).df()
    if hold.empty:
        raise DataError(
            f"No purchases after calibration_end={calibration_end:%Y-%m-%d} up to "
            f"{end:%Y-%m-%d}: the holdout period is empty. Choose an earlier calibration_end."
        )
    hold = hold.set_index("cust")
    new = int((~hold.index.isin(frame.index)).sum())
    if new:
        notes.append(
            f"{new:,} customers made their first purchase after calibration_end; they are "
            "not in the summary (the models describe customers known at calibration_end)"
        )
    frame["frequency_holdout"] = hold["frequency_holdout"].reindex(frame.index).fillna(0)
    frame["frequency_holdout"] = frame["frequency_holdout"].astype(float)
    if src.amount:
        mh = hold["monetary_value_holdout"].reindex(frame.index).fillna(0)
        frame["monetary_value_holdout"] = mh.astype(float)
    span = (floor_period(end, freq) - floor_period(calibration_end, freq)).days
    frame["duration_holdout"] = span / days / freq_multiplier
    return frame, notes


def rfm(src: Source, as_of: pd.Timestamp | None) -> pd.DataFrame:
    """Recency (days), frequency (purchase days), monetary (total), quintile scores, segment."""
    _, last = date_range(src)
    end = (as_of if as_of is not None else last).normalize()

    def score(col: str, order: str) -> str:
        rank = f"rank() OVER (ORDER BY {col} {order})"
        ties = f"count(*) OVER (PARTITION BY {col})"
        pct = f"(2 * {rank} + {ties} - 1) / (2.0 * count(*) OVER ())"
        return f"least(5, greatest(1, ceil(5.0 * {pct})))::INTEGER"

    out = src.con.execute(
        f"""WITH d AS (
              SELECT cust, date_trunc('day', ts) AS day, sum(amt) AS s FROM ok GROUP BY ALL),
            c AS (
              SELECT cust, date_diff('day', max(day), {ts_lit(end)}) AS recency,
                     count(*) AS frequency, fsum(s) AS monetary
              FROM d GROUP BY cust),
            s AS (SELECT *, {score("recency", "DESC")} AS R, {score("frequency", "ASC")} AS F,
                            {score("monetary", "ASC")} AS M FROM c)
            SELECT *, concat(R, F, M) AS RFM, {SEGMENT_SQL} AS segment FROM s ORDER BY cust"""
    ).df()
    out = out.set_index("cust").rename_axis(src.customer)
    out["segment"] = pd.Categorical(out["segment"], categories=list(SEGMENTS))
    return out


def cohorts(
    src: Source, period: str, as_of: pd.Timestamp | None = None
) -> tuple[pd.DataFrame, pd.Series]:
    """Active customers by cohort (rows) and periods since the first purchase (columns)."""
    if period not in PERIODS:
        raise DataError(f"period must be one of {', '.join(PERIODS)}, not {period!r}.")
    unit = PERIODS[period]
    out = src.con.execute(
        f"""WITH p AS (SELECT DISTINCT cust, date_trunc('{unit}', ts) AS per FROM ok),
                 c AS (SELECT cust, min(per) AS cohort FROM p GROUP BY cust)
            SELECT c.cohort, p.per, count(*) AS active FROM p JOIN c USING (cust)
            GROUP BY ALL ORDER BY ALL"""
    ).df()
    _, last = date_range(src)
    last = as_of if as_of is not None else last
    pfreq = "W-SUN" if period == "W" else period
    cohort = pd.PeriodIndex(pd.DatetimeIndex(out["cohort"]), freq=pfreq)
    per = pd.PeriodIndex(pd.DatetimeIndex(out["per"]), freq=pfreq)
    out["k"] = (per.asi8 - cohort.asi8).astype("int64")
    out["cohort"] = cohort
    counts = out.pivot(index="cohort", columns="k", values="active")
    horizon = np.array([(last.to_period(pfreq) - c).n for c in counts.index])
    counts = counts.reindex(columns=range(int(horizon.max()) + 1))
    inside = np.arange(counts.shape[1])[None, :] <= horizon[:, None]
    counts[:] = np.where(inside, np.nan_to_num(counts.to_numpy(dtype=float)), np.nan)
    labels = [p.start_time.strftime("%Y-%m-%d") if period == "W" else str(p) for p in counts.index]
    counts.index = pd.Index(labels, name="cohort")
    counts.columns.name = "periods since first purchase"
    return counts, counts[0].astype("int64").rename("customers")


def purchase_counts(
    src: Source, start: pd.Timestamp | None, end: pd.Timestamp | None
) -> tuple[pd.DataFrame, int]:
    """Purchases, purchase days (and spend) per customer within [start, end]."""
    where = ["TRUE"]
    if start is not None:
        where.append(f"ts >= {ts_lit(start)}")
    if end is not None:
        where.append(f"ts < {ts_lit(end.normalize() + pd.Timedelta(days=1))}")
    cond = " AND ".join(where)
    spend = ", fsum(amt) AS spend" if src.amount else ""
    out = src.con.execute(
        f"""SELECT cust, count(*) AS purchases, count(DISTINCT date_trunc('day', ts)) AS
                   purchase_days{spend}, min(ts) AS first_purchase, max(ts) AS last_purchase
            FROM ok WHERE {cond} GROUP BY cust ORDER BY cust"""
    ).df()
    outside = src.con.execute(f"SELECT count(*) FROM ok WHERE NOT ({cond})").fetchone()[0]
    return out.set_index("cust").rename_axis(src.customer), int(outside)
