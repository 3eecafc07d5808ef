"""Reading and checking transaction logs with DuckDB (the engine behind cxlab.loyalty).

A transaction log is a pandas DataFrame or CSV / Parquet files of any size (one path,
a glob, a folder or a list; found and compared file by file in
:mod:`cxlab.loyalty._files`). It is opened as a DuckDB view ``tx`` with normalised
columns ``cust``, ``ts`` (TIMESTAMP) and ``amt`` (DOUBLE), checked (:func:`check`: one
aggregate and one distinct count), and summarised in SQL, so a file larger than memory
is streamed, never loaded into pandas.

Bad input is never dropped silently. :func:`check` counts, for the columns in use:
missing customer ids, missing or unreadable dates, missing, non-numeric or negative
amounts, rows dated after ``as_of`` (without ``as_of``: after today + 2 days, which
would otherwise end the observation in the future), and duplicate rows; a mixed-type customer column
of a DataFrame (``1`` and ``"1"``) is refused before DuckDB would turn both into the
text ``'1'``. Errors raise :class:`~cxlab.errors.DataError` naming the source, the
column, how many rows and which (DataFrame index labels, or file line numbers).
Duplicates are kept by default and reported, because real logs (CDNOW) hold identical
purchases made on the same day.
"""

from __future__ import annotations

import functools
import itertools
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import pandas as pd

from cxlab.errors import DataError
from cxlab.loyalty._files import Files, check_schemas, resolve

if TYPE_CHECKING:
    import duckdb

Duplicates = Literal["keep", "drop", "raise"]
Late = Literal["raise", "drop"]

MEMORY_LIMIT = "1GB"  # DuckDB spills to a temporary folder beyond this
_CONNECTIONS = itertools.count()
_SHOW = 5  # offending rows named in a message
# Without as_of the last purchase ends the observation; a purchase after today + this
# grace (time zones, a log written just after midnight) is a typing or clock error.
FUTURE_GRACE = pd.Timedelta(days=2)
_NUMERIC = ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "FLOAT", "DOUBLE", "DECIMAL")
_UNSIGNED = ("UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT")


def q(name: str) -> str:
    """A quoted SQL identifier."""
    return '"' + str(name).replace('"', '""') + '"'


def lit(value: Any) -> str:
    """A quoted SQL string literal."""
    return "'" + str(value).replace("'", "''") + "'"


def ts_lit(value: pd.Timestamp) -> str:
    """A SQL TIMESTAMP literal."""
    return f"TIMESTAMP {lit(value.strftime('%Y-%m-%d %H:%M:%S.%f'))}"


_SIZE = re.compile(r"\s*\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)\s*", re.IGNORECASE)


def check_memory_limit(memory_limit: str) -> str:
    """*memory_limit* as DuckDB reads it (``"4GB"``, ``"500 MB"``), or a DataError."""
    if not isinstance(memory_limit, str) or not _SIZE.fullmatch(memory_limit):
        raise DataError(
            f"memory_limit={memory_limit!r} is not a size; write a number and a unit, e.g. "
            "memory_limit='4GB' or '500MB' (DuckDB spills to a temporary folder beyond it)."
        )
    return memory_limit.strip()


F = TypeVar("F", bound=Callable[..., Any])


def within_memory(func: F) -> F:
    """Turn DuckDB's out-of-memory error inside *func* into a DataError naming ``memory_limit``."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        import duckdb

        try:
            return func(*args, **kwargs)
        except duckdb.OutOfMemoryException as exc:
            limit = kwargs.get("memory_limit", MEMORY_LIMIT)
            raise DataError(
                f"{func.__name__}: DuckDB needed more memory than memory_limit={limit!r} even "
                "after spilling to its temporary folder. Raise it, e.g. memory_limit='4GB' "
                "(it may exceed the free RAM: DuckDB spills what does not fit)."
            ) from exc

    return wrapper  # type: ignore[return-value]


def connect(
    threads: int | None = None, memory_limit: str = MEMORY_LIMIT
) -> duckdb.DuckDBPyConnection:
    """A private in-memory DuckDB connection with a memory cap and a temp folder to spill to."""
    import duckdb

    # one spill folder per connection: DuckDB creates it only when it spills and removes
    # it on close; a shared folder would let two processes' temporary files collide
    tmp = Path(tempfile.gettempdir()) / f"cxlab_duckdb_{os.getpid()}_{next(_CONNECTIONS)}"
    config: dict[str, Any] = {
        "memory_limit": check_memory_limit(memory_limit),
        "temp_directory": str(tmp),
        "preserve_insertion_order": threads == 1,
    }
    if threads is not None:
        config["threads"] = threads
    return duckdb.connect(config=config)


@dataclass
class Source:
    """An opened transaction log: DuckDB views ``src`` (as given) and ``tx`` (normalised)."""

    con: duckdb.DuckDBPyConnection
    label: str
    frame: pd.DataFrame | None
    path: Path | None
    reader: str | None
    files: Files | None
    customer: str
    date: str
    amount: str | None
    select: str
    as_of: pd.Timestamp | None = None


def _mixed_types(frame: pd.DataFrame, column: str, label: str) -> None:
    col = frame[column]
    if col.dtype != object:
        return
    kind = pd.api.types.infer_dtype(col, skipna=True)
    if not kind.startswith("mixed"):
        return
    types = col.dropna().map(lambda v: type(v).__name__)
    examples = []
    for tname, idx in types.groupby(types, sort=True).groups.items():
        rows = ", ".join(repr(r) for r in list(idx[:3]))
        examples.append(
            f"{tname} (e.g. row{'s' if len(idx) > 1 else ''} {rows}: {col.loc[idx[0]]!r})"
        )
    raise DataError(
        f"Column {column!r} of {label} mixes value types: {'; '.join(examples)}. DuckDB and "
        f"pandas would treat 1 and '1' as different customers, or silently as the same one. "
        f"Make the ids one type first, e.g. df[{column!r}] = df[{column!r}].astype(str)."
    )


def open_source(
    transactions: Any,
    customer: str,
    date: str,
    amount: str | None,
    date_format: str | None = None,
    threads: int | None = None,
    memory_limit: str = MEMORY_LIMIT,
) -> Source:
    """Open *transactions* (DataFrame or file path) as the DuckDB views ``src`` and ``tx``."""
    import duckdb

    con = connect(threads, memory_limit)
    frame = path = reader = files = None
    wanted = [customer, date] + ([amount] if amount else [])
    if len(set(wanted)) < len(wanted):
        raise DataError(f"customer, date and amount must be different columns, got {wanted}.")
    if isinstance(transactions, pd.DataFrame):
        label = "the transactions DataFrame"
        missing = [c for c in wanted if c not in transactions.columns]
        if missing:
            raise DataError(
                f"{label} has no column {', '.join(map(repr, missing))}; its columns are "
                f"{', '.join(map(repr, map(str, transactions.columns)))}. Name them with "
                "customer=, date= and amount=."
            )
        frame = transactions.loc[:, wanted]
        _mixed_types(frame, customer, label)
        con.register("src", frame)
    elif isinstance(transactions, str | os.PathLike | list | tuple):
        files = resolve(transactions)
        label = files.label
        path = files.paths[0]
        if files.many:
            check_schemas(con, files, wanted)
        reader = files.reader()
        try:
            con.execute(f"CREATE VIEW src AS SELECT * FROM {reader}")
            columns = [r[0] for r in con.execute("DESCRIBE src").fetchall()]
        except duckdb.Error as exc:
            raise DataError(f"{label} cannot be read as a table: {exc}") from exc
        missing = [c for c in wanted if c not in columns]
        if missing:
            raise DataError(
                f"{label} has no column {', '.join(map(repr, missing))}; its columns are "
                f"{', '.join(map(repr, columns))}. Name them with customer=, date= and amount=."
            )
    else:
        raise DataError(
            "transactions must be a pandas DataFrame, the path of a CSV / Parquet file, a "
            "folder or glob of them ('logs/*.parquet'), or a list of paths, not "
            f"{type(transactions).__name__}."
        )
    types = {r[0]: r[1] for r in con.execute("DESCRIBE src").fetchall()}
    ts_expr = _date_expr(types[date], date, date_format, label)
    select = [f"{q(customer)} AS cust", f"{ts_expr} AS ts", f"{q(date)} AS raw_date"]
    if amount:
        select += [
            f"{_amount_expr(types[amount], amount, label)} AS amt",
            f"{q(amount)} AS raw_amt",
        ]
    select_sql = ", ".join(select)
    con.execute(f"CREATE VIEW tx AS SELECT {select_sql} FROM src")
    return Source(con, label, frame, path, reader, files, customer, date, amount, select_sql)


def _date_expr(dtype: str, column: str, date_format: str | None, label: str) -> str:
    col = q(column)
    if dtype.startswith("TIMESTAMP WITH TIME ZONE") or dtype == "TIMESTAMPTZ":
        raise DataError(
            f"Column {column!r} of {label} holds time-zone-aware timestamps; convert them to "
            "local dates first, e.g. df[col].dt.tz_convert('Asia/Shanghai').dt.tz_localize(None)."
        )
    if dtype == "DATE" or dtype.startswith("TIMESTAMP"):
        return f"CAST({col} AS TIMESTAMP)"
    if dtype == "VARCHAR":
        if date_format:
            return f"try_strptime({col}, {lit(date_format)})"
        return f"TRY_CAST({col} AS TIMESTAMP)"
    raise DataError(
        f"Column {column!r} of {label} has type {dtype}, not dates. Give dates such as "
        "2024-03-31 (text or datetime); numbers like 19970101 need pd.to_datetime(..., "
        "format='%Y%m%d') first."
    )


def _amount_expr(dtype: str, column: str, label: str) -> str:
    col = q(column)
    if dtype.startswith(_NUMERIC) or dtype in _UNSIGNED:
        return f"CAST({col} AS DOUBLE)"
    if dtype == "VARCHAR":
        return f"TRY_CAST({col} AS DOUBLE)"
    raise DataError(f"Column {column!r} of {label} has type {dtype}; expected amounts (numbers).")


def _rows(src: Source, where: str) -> str:
    """Name up to _SHOW offending rows: DataFrame index labels or file line numbers."""
    con = connect(threads=1)  # one thread keeps the file order for row_number()
    if src.frame is not None:
        con.register("src", src.frame.reset_index(drop=True))
        numbered = "(SELECT *, row_number() OVER () - 1 AS __rn FROM src)"
    elif src.files is not None and src.files.many:
        return _rows_of_files(src, con, where)
    else:
        numbered = f"(SELECT *, row_number() OVER () AS __rn FROM {src.reader})"
    found = con.execute(
        f"SELECT __rn FROM (SELECT {src.select}, __rn FROM {numbered}) WHERE {where} "
        f"ORDER BY __rn LIMIT {_SHOW}"
    ).fetchall()
    if src.frame is not None:
        labels = src.frame.index[[int(r[0]) for r in found]].tolist()
        shown = [repr(x) if isinstance(x, str) else str(x) for x in labels]
        word = "row"
    elif src.files is not None and src.files.kind == "parquet":
        shown, word = [str(int(r[0])) for r in found], "row"
    else:
        shown, word = [str(int(r[0]) + 1) for r in found], "file line"
    return f"{word}{'s' if len(shown) > 1 else ''} {', '.join(shown)}"


def _rows_of_files(src: Source, con: duckdb.DuckDBPyConnection, where: str) -> str:
    """Offending rows of a log in many files: 'a.parquet row 3, b.parquet row 1'."""
    files = src.files
    assert files is not None
    reader = files.reader(numbered=True)
    if files.kind == "parquet":
        numbered = f"(SELECT *, file_row_number + 1 AS __rn FROM {reader})"
        word, shift = "row", 0
    else:
        numbered = f"(SELECT *, row_number() OVER (PARTITION BY filename) AS __rn FROM {reader})"
        word, shift = "file line", 1
    found = con.execute(
        f"SELECT filename, __rn FROM (SELECT {src.select}, filename, __rn FROM {numbered}) "
        f"WHERE {where} ORDER BY filename, __rn LIMIT {_SHOW}"
    ).fetchall()
    return ", ".join(f"{name} {word} {int(rn) + shift}" for name, rn in found)


def _examples(src: Source, column_expr: str, where: str) -> str:
    vals = src.con.execute(f"SELECT {column_expr} FROM tx WHERE {where} LIMIT {_SHOW}").fetchall()

    def fmt(v: Any) -> str:
        if isinstance(v, str):
            return repr(v)
        if hasattr(v, "hour") and (v.hour, v.minute, v.second) == (0, 0, 0):
            return v.strftime("%Y-%m-%d")
        return str(v)

    return ", ".join(fmt(v[0]) for v in vals)


def check(
    src: Source,
    as_of: pd.Timestamp | None = None,
    duplicates: Duplicates = "keep",
    late: Late = "raise",
) -> pd.DataFrame:
    """One row per check: check, column, rows, status (ok / error / kept / dropped), detail."""
    if duplicates not in ("keep", "drop", "raise"):
        raise DataError(f"duplicates must be 'keep', 'drop' or 'raise', not {duplicates!r}.")
    if late not in ("raise", "drop"):
        raise DataError(f"late must be 'raise' or 'drop', not {late!r}.")
    conds: dict[str, str] = {
        "missing customer id": "cust IS NULL",
        "missing date": "raw_date IS NULL",
        "unreadable date": "raw_date IS NOT NULL AND ts IS NULL",
    }
    if src.amount:
        conds["missing amount"] = "raw_amt IS NULL"
        conds["non-numeric amount"] = "raw_amt IS NOT NULL AND amt IS NULL"
        conds["negative amount"] = "amt < 0"
        conds["zero amount"] = "amt = 0"
    if as_of is not None:
        conds["dated after as_of"] = f"ts > {ts_lit(as_of)}"
    else:
        limit = pd.Timestamp.now().normalize() + FUTURE_GRACE
        conds["dated in the future"] = f"ts >= {ts_lit(limit)}"
    sel = ", ".join(f"count(*) FILTER (WHERE {c})" for c in conds.values())
    counts = src.con.execute(f"SELECT count(*), {sel} FROM tx").fetchone()
    cols = ", ".join(["cust", "raw_date"] + (["raw_amt"] if src.amount else []))
    n_dup = src.con.execute(f"SELECT count(*) - count(DISTINCT ({cols})) FROM tx").fetchone()[0]
    column = {
        "missing customer id": src.customer,
        "missing date": src.date,
        "unreadable date": src.date,
        "dated after as_of": src.date,
        "dated in the future": src.date,
        "duplicate rows": ", ".join(c for c in (src.customer, src.date, src.amount) if c),
    }
    rows = []
    for (name, cond), n in zip(conds.items(), counts[1:], strict=True):
        n = int(n)
        status, detail = "ok", ""
        if n and name == "zero amount":
            status, detail = "kept", "purchases of value 0 (free items, vouchers) are kept"
        elif n and name == "dated after as_of":
            status = "dropped" if late == "drop" else "error"
            detail = f"{_rows(src, cond)} (dates {_examples(src, 'ts', cond)})"
        elif n and name == "dated in the future":
            status = "error"
            detail = (
                f"{_rows(src, cond)} (dates {_examples(src, 'ts', cond)}; customers "
                f"{_examples(src, 'cust', cond)}; today is {pd.Timestamp.now():%Y-%m-%d})"
            )
        elif n and name.startswith("missing"):
            status, detail = "error", _rows(src, cond)
        elif n:
            status = "error"
            expr = "raw_amt" if "amount" in name else ("raw_date" if "date" in name else "cust")
            detail = f"{_rows(src, cond)} (values {_examples(src, expr, cond)})"
        rows.append((name, column.get(name, src.amount), n, status, detail))
    dup_status = "ok"
    if n_dup:
        dup_status = {"keep": "kept", "drop": "dropped", "raise": "error"}[duplicates]
    dup_detail = "identical in customer, date and amount to an earlier row" if n_dup else ""
    rows.append(("duplicate rows", column["duplicate rows"], int(n_dup), dup_status, dup_detail))
    report = pd.DataFrame(rows, columns=["check", "column", "rows", "status", "detail"])
    report.attrs["n_rows"] = int(counts[0])
    return report


_FIX = {
    "missing customer id": "every purchase needs a customer id; remove or repair these rows",
    "missing date": "every purchase needs a date; remove or repair these rows",
    "unreadable date": "write dates as 2024-03-31, or give date_format= (e.g. '%d/%m/%Y')",
    "missing amount": "fill in the amount or remove these rows explicitly",
    "non-numeric amount": "amounts must be numbers such as 12.50 (no currency signs or commas)",
    "negative amount": (
        "returns or refunds are not purchases; net them against their orders or remove them "
        "explicitly, e.g. tx[tx['amount'] >= 0]"
    ),
    "dated after as_of": (
        "pass calibration_end= to use them as a holdout period, late='drop' to leave them "
        "out (reported), or a later as_of"
    ),
    "dated in the future": (
        "without as_of the last purchase ends the observation, so one wrong date would "
        "make every customer's T (age) reach into the future; correct these dates, or pass "
        "as_of= (e.g. as_of='2025-12-31') with late='drop' to leave them out (reported)"
    ),
    "duplicate rows": "pass duplicates='keep' or 'drop', or remove them explicitly",
}


def raise_for_errors(src: Source, report: pd.DataFrame) -> None:
    """Raise one DataError listing every failed check of *report*."""
    bad = report[report["status"] == "error"]
    if bad.empty:
        return
    lines = []
    for r in bad.itertuples():
        what = f"with {r.check}"
        if r.check == "dated after as_of":
            what = f"{r.check}={src.as_of:%Y-%m-%d}"
        elif r.check == "dated in the future":
            what = r.check
        lines.append(
            f"- {r.rows:,} row{'s' if r.rows != 1 else ''} {what} in column {r.column!r}: "
            f"{r.detail}. Fix: {_FIX[r.check]}."
        )
    label = src.label[0].upper() + src.label[1:]
    raise DataError(f"{label} cannot be used as it is:\n" + "\n".join(lines))


_NOTES = {
    ("zero amount", "kept"): "{n:,} purchases of value 0 kept (free items, vouchers)",
    ("duplicate rows", "kept"): (
        "{n:,} duplicate rows (same customer, date, amount) kept as separate purchases"
    ),
    ("duplicate rows", "dropped"): "{n:,} duplicate rows (same customer, date, amount) dropped",
    ("dated after as_of", "dropped"): "{n:,} purchases dated after as_of dropped",
}


def notes(report: pd.DataFrame) -> list[str]:
    """Plain-text notes of the checks that were handled (kept or dropped), not errors."""
    return [
        _NOTES[(r.check, r.status)].format(n=r.rows)
        for r in report[report["status"].isin(["kept", "dropped"])].itertuples()
    ]


def clean_view(src: Source, report: pd.DataFrame, as_of: pd.Timestamp | None) -> str:
    """Create the view ``ok`` of usable rows (late rows or duplicates dropped if asked)."""
    status = report.set_index("check")["status"]
    where = []
    if status.get("dated after as_of") == "dropped" and as_of is not None:
        where.append(f"ts <= {ts_lit(as_of)}")
    body = "SELECT cust, ts" + (", amt" if src.amount else "") + " FROM tx"
    if where:
        body += " WHERE " + " AND ".join(where)
    if status.get("duplicate rows") == "dropped":
        cols = "cust, raw_date" + (", raw_amt" if src.amount else "")
        body = (
            f"SELECT cust, ts{', amt' if src.amount else ''} FROM (SELECT *, row_number() OVER "
            f"(PARTITION BY {cols}) AS __k FROM tx"
            + (" WHERE " + " AND ".join(where) if where else "")
            + ") WHERE __k = 1"
        )
    src.con.execute(f"CREATE OR REPLACE VIEW ok AS {body}")
    return "ok"


def date_range(src: Source) -> tuple[pd.Timestamp, pd.Timestamp]:
    """First and last purchase date of the usable rows."""
    lo, hi = src.con.execute("SELECT min(ts), max(ts) FROM ok").fetchone()
    if lo is None:
        raise DataError(f"{src.label} has no purchases to summarise.")
    return pd.Timestamp(lo), pd.Timestamp(hi)


def prepare(
    transactions: Any,
    customer: str,
    date: str,
    amount: str | None,
    *,
    as_of: Any = None,
    date_format: str | None = None,
    duplicates: Duplicates = "keep",
    late: Late = "raise",
    memory_limit: str = MEMORY_LIMIT,
) -> tuple[Source, pd.DataFrame, pd.Timestamp | None]:
    """Open, check (raising on errors) and create the clean view ``ok``."""
    src = open_source(transactions, customer, date, amount, date_format, memory_limit=memory_limit)
    as_of_ts = to_timestamp(as_of, "as_of")
    src.as_of = as_of_ts
    report = check(src, as_of_ts, duplicates, late)
    raise_for_errors(src, report)
    clean_view(src, report, as_of_ts)
    return src, report, as_of_ts


def to_timestamp(value: Any, name: str) -> pd.Timestamp | None:
    """Parse a user-given date argument, or raise a DataError naming the argument."""
    if value is None:
        return None
    try:
        ts = pd.Timestamp(value)
    except (TypeError, ValueError) as exc:
        raise DataError(f"{name}={value!r} is not a date; write it as '2024-03-31'.") from exc
    if ts is pd.NaT or ts.tzinfo is not None:
        raise DataError(f"{name}={value!r} must be a date without a time zone.")
    return ts
