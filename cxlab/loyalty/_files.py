"""The files of a transaction log: one CSV / Parquet file, a glob, a folder or a list.

:func:`resolve` turns what the user gave into a sorted list of files of one kind
(all Parquet or all CSV) and :func:`check_schemas` compares, file by file, the types of
the columns in use (DuckDB reads only each file's footer or first lines for this), so a
log split into many files fails with the name of the file that differs — a missing
column, or a date stored as text in one file — instead of a DuckDB cast error deep in
an aggregation, or dates silently read as text.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cxlab.errors import DataError

if TYPE_CHECKING:
    import duckdb

PARQUET = (".parquet", ".pq")
CSV = (".csv", ".csv.gz", ".tsv", ".txt", ".tsv.gz", ".txt.gz")
_GLOB = "*?["
_INTEGER = ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT")
_INTEGER += ("UINTEGER", "UBIGINT", "UHUGEINT")


def _lit(value: Any) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def kind_of(path: Path) -> str | None:
    """``"parquet"``, ``"csv"`` or None, from the file name."""
    name = path.name.lower()
    if name.endswith(PARQUET):
        return "parquet"
    if name.endswith(CSV):
        return "csv"
    return None


@dataclass(frozen=True)
class Files:
    """The files of one transaction log, all of one kind."""

    paths: tuple[Path, ...]
    kind: str
    label: str

    @property
    def many(self) -> bool:
        """More than one file."""
        return len(self.paths) > 1

    def reader(self, *, numbered: bool = False) -> str:
        """The DuckDB table function reading all files (by column name if many).

        With *numbered*, each row also carries ``filename`` and, for Parquet,
        ``file_row_number`` (0-based), to name offending rows.

        >>> Files((Path("a.parquet"), Path("b.parquet")), "parquet", "logs").reader()
        "read_parquet(['a.parquet', 'b.parquet'], union_by_name = true)"
        """
        if not self.many:
            src = _lit(self.paths[0])
        else:
            src = "[" + ", ".join(_lit(p) for p in self.paths) + "]"
        opts = [", union_by_name = true"] if self.many else []
        if numbered and self.many:
            opts.append(", filename = true")
            if self.kind == "parquet":
                opts.append(", file_row_number = true")
        if self.kind == "parquet":
            return f"read_parquet({src}{''.join(opts)})"
        return f"read_csv({src}, auto_detect = true{''.join(opts)})"


def _one_kind(paths: list[Path], label: str) -> Files:
    kinds = {p: kind_of(p) for p in paths}
    odd = [p for p, k in kinds.items() if k is None]
    if odd:
        raise DataError(
            f"{odd[0]}: cxlab reads transaction logs from .csv (.csv.gz, .tsv) or .parquet "
            "files, or from a pandas DataFrame; convert the file, load it with pandas first, "
            "or narrow the pattern (e.g. 'logs/*.parquet')."
        )
    found = sorted(set(kinds.values()))
    if len(found) > 1:
        first = {k: next(p for p in paths if kinds[p] == k) for k in found}
        raise DataError(
            f"{label} mixes CSV and Parquet files ({first['csv']} and {first['parquet']}); "
            "give one kind, e.g. 'logs/*.parquet'."
        )
    return Files(tuple(paths), found[0], label)


def resolve(transactions: str | os.PathLike | Sequence[Any]) -> Files:
    """The files named by a path, a glob (``logs/*.parquet``, ``logs/**/*.parquet``),
    a folder (every CSV / Parquet file below it) or a list of paths.

    >>> try:
    ...     resolve("no/such/folder/*.parquet")
    ... except DataError as exc:
    ...     print(str(exc).split(" (cwd")[0])
    No file matches no/such/folder/*.parquet
    """
    if isinstance(transactions, list | tuple):
        paths = [Path(p) for p in transactions]
        if not paths:
            raise DataError("The list of transaction files is empty.")
        for p in paths:
            if not p.is_file():
                raise DataError(f"No transaction file {p} (cwd {Path.cwd()}).")
        label = f"{paths[0]} and {len(paths) - 1} more files" if len(paths) > 1 else str(paths[0])
        return _one_kind(paths, label)
    text = os.fspath(transactions)
    path = Path(text)
    if any(ch in text for ch in _GLOB):
        paths = sorted(Path(p) for p in glob.glob(text, recursive=True) if Path(p).is_file())
        if not paths:
            raise DataError(
                f"No file matches {text} (cwd {Path.cwd()}). Check the folder and the "
                "pattern, e.g. 'logs/*.parquet', or 'logs/**/*.parquet' to include subfolders."
            )
        return _one_kind(paths, text if len(paths) > 1 else str(paths[0]))
    if path.is_dir():
        paths = sorted(p for p in path.rglob("*") if p.is_file() and kind_of(p) is not None)
        if not paths:
            raise DataError(f"Folder {path} holds no .parquet or .csv files (subfolders included).")
        return _one_kind(paths, f"folder {path}" if len(paths) > 1 else str(paths[0]))
    if not path.is_file():
        raise DataError(f"No transaction file {path} (cwd {Path.cwd()}).")
    return _one_kind([path], str(path))


def _family(dtype: str) -> str:
    if dtype == "VARCHAR":
        return "text"
    if dtype.startswith(("TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ")):
        return "time-zone timestamp"
    if dtype == "DATE" or dtype.startswith("TIMESTAMP"):
        return "date"
    if dtype.startswith(_INTEGER):
        return "integer"
    if dtype.startswith(("FLOAT", "DOUBLE", "DECIMAL")):
        return "number"
    return dtype


def check_schemas(con: duckdb.DuckDBPyConnection, files: Files, wanted: list[str]) -> None:
    """Every file has the columns in use, of one kind of type (dates, numbers, text).

    Integer widths may differ between files (and integers from decimals for amounts),
    and DATE from TIMESTAMP; text against dates or numbers may not, nor may a missing
    column. The error names the file that differs and the first file.
    """
    import duckdb

    first: dict[str, tuple[str, Path]] = {}
    for path in files.paths:
        one = Files((path,), files.kind, str(path))
        try:
            types = {
                r[0]: r[1] for r in con.execute(f"DESCRIBE SELECT * FROM {one.reader()}").fetchall()
            }
        except duckdb.Error as exc:
            raise DataError(f"{path} cannot be read as a table: {exc}") from exc
        missing = [c for c in wanted if c not in types]
        if missing:
            raise DataError(
                f"{path} has no column {', '.join(map(repr, missing))}; its columns are "
                f"{', '.join(map(repr, types))}. All files of {files.label} need the columns "
                f"{', '.join(map(repr, wanted))} (name them with customer=, date=, amount=)."
            )
        for col in wanted:
            fam = _family(types[col])
            if col not in first:
                first[col] = (types[col], path)
                continue
            ref_type, ref_path = first[col]
            ref = _family(ref_type)
            if fam == ref or {fam, ref} == {"integer", "number"}:
                continue
            hint = ""
            if "text" in (fam, ref) and "date" in (fam, ref):
                hint = (
                    " (a date stored as text in one file); write that file again with a date "
                    f"type, e.g. in DuckDB: COPY (SELECT * REPLACE (CAST({col} AS DATE) AS "
                    f"{col}) FROM '{path}') TO 'fixed.parquet' (FORMAT parquet)"
                )
            raise DataError(
                f"Column {col!r} has type {types[col]} ({fam}) in {path} but {ref_type} ({ref}) "
                f"in {ref_path}: the files of {files.label} disagree{hint}. Make the column one "
                "type in every file."
            )
