"""Survey files as raw text tables (private helper of :mod:`cxlab.io`).

CSV is parsed by pandas straight from the file with the detected encoding (never a
decoded copy of the whole file in memory); files above :data:`CHUNK_BYTES` are parsed
in chunks of :data:`CHUNK_ROWS` rows that are stored as categoricals until the final
concatenation, so a large export needs a few times its size in memory, not 13×.
Header problems pandas would hide (trailing commas, duplicated names renamed ``q1.1``,
a header without rows, summary rows of 问卷星) become errors or warnings here.
"""

from __future__ import annotations

import csv
import io as _io
import warnings
import zipfile
from pathlib import Path
from typing import Any

import pandas as pd
from pandas.api.types import union_categoricals

from cxlab.errors import DataError
from cxlab.io._encoding import detect_encoding, file_blocks, open_binary

CHUNK_BYTES = 32 * 2**20  # CSV files larger than this are parsed in chunks
CHUNK_ROWS = 50_000
SUMMARY_LABELS = frozenset(
    s.casefold()
    for s in (
        "平均分", "平均值", "平均", "合计", "小计", "总计", "总分", "汇总",
        "Average", "Mean", "Total", "Sum", "Subtotal", "Grand total",
    )
)  # fmt: skip
_READ = {"dtype": str, "keep_default_na": False, "na_values": [""]}


def _header_names(fields: list[Any]) -> list[str]:
    """Header cells as names: stripped text; blank cells named like pandas ('Unnamed: 3')."""
    names = []
    for i, field in enumerate(fields):
        text = "" if field is None or (isinstance(field, float) and pd.isna(field)) else str(field)
        names.append(text.strip() or f"Unnamed: {i}")
    return names


def _refuse_duplicates(names: list[str], path: Path) -> None:
    positions: dict[str, list[int]] = {}
    for i, name in enumerate(names, start=1):
        positions.setdefault(name, []).append(i)
    dup = {n: p for n, p in positions.items() if len(p) > 1}
    if dup:
        listed = "; ".join(
            f"{n!r} in columns {', '.join(map(str, p))}" for n, p in list(dup.items())[:8]
        )
        raise DataError(
            f"{path}: the header names a column more than once ({listed}). cxlab will not "
            "guess which is which; rename the columns so every name is unique and read again."
        )


def _first_long_row(path: Path, encoding: str, sep: str, width: int) -> tuple[int, list[str]]:
    """(line, extra fields) of the first row holding data beyond the header's *width*."""
    with open_binary(path) as raw:
        text = _io.TextIOWrapper(raw, encoding=encoding, newline="")
        reader = csv.reader(text, delimiter=sep)
        next(reader, None)
        for row in reader:
            extra = [f for f in row[width:] if f.strip()]
            if extra:
                return reader.line_num, extra
    return 0, []


def _parse(path: Path, encoding: str, sep: str, chunked: bool) -> pd.DataFrame:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", pd.errors.ParserWarning)
        options = dict(sep=sep, encoding=encoding, index_col=False, **_READ)
        if not chunked:
            frame = pd.read_csv(path, **options)
        else:
            parts: dict[str, list[Any]] = {}
            columns: list[str] = []
            with pd.read_csv(path, chunksize=CHUNK_ROWS, **options) as reader:
                for chunk in reader:
                    columns = list(chunk.columns)
                    for col in columns:
                        parts.setdefault(col, []).append(chunk[col].astype("category").array)
            if not parts:
                frame = pd.read_csv(path, nrows=0, **options)
            else:
                frame = pd.DataFrame(
                    {c: pd.Series(union_categoricals(parts.pop(c))) for c in columns}
                )
                for col in columns:  # back to text, sharing one string object per value
                    frame[col] = frame[col].astype(str).where(frame[col].notna())
    for warning in caught:
        if issubclass(warning.category, pd.errors.ParserWarning):
            line, extra = _first_long_row(path, encoding, sep, frame.shape[1])
            where = f"line {line} has more fields than the header" if line else str(warning.message)
            raise DataError(
                f"{path}: {where} ({', '.join(map(repr, extra[:5]))} beyond the "
                f"{frame.shape[1]} named columns). Add the missing column names to the header "
                "or remove the extra values (check for unquoted commas in answers)."
            )
        warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)
    return frame


def read_csv_table(path: Path, encoding: str | None = None) -> tuple[pd.DataFrame, str]:
    """(table of text, encoding) of a CSV / TSV export; every cell str or missing."""
    found = detect_encoding(file_blocks(path), path, encoding)
    with open_binary(path) as handle:
        head = handle.read(2**20)
    text = head.decode(found, errors="replace")
    lines = text.splitlines(keepends=True)
    if len(lines) > 1 and len(head) == 2**20:
        lines = lines[:-1]  # possibly cut in the middle
    first = lines[0] if lines else ""
    sep = max([",", ";", "\t"], key=first.count)
    try:
        header = pd.read_csv(
            _io.StringIO("".join(lines)), sep=sep, header=None, nrows=1, dtype=str,
            keep_default_na=False, index_col=False,
        )  # fmt: skip
        frame = _parse(path, found, sep, path.stat().st_size > CHUNK_BYTES)
    except DataError:
        raise
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as exc:
        empty = " (the file is empty)" if not head.strip() else ""
        raise DataError(f"{path} cannot be parsed as a table{empty} ({exc}).") from exc
    raw = list(header.iloc[0]) if len(header) else []
    names = _header_names(raw)
    if len(names) != frame.shape[1]:  # pragma: no cover - pandas and the header disagree
        names = [str(c) for c in frame.columns]
    blank = [n for n, r in zip(names, raw, strict=False) if not str(r).strip()]
    _refuse_duplicates(names, path)
    frame.columns = names
    # an all-empty column without a name is a trailing delimiter, not a question
    empty = [n for n in blank if frame[n].isna().all()]
    return frame.drop(columns=empty), found


def read_excel_table(path: Path, sheet: int | str) -> pd.DataFrame:
    """A worksheet as a table of text; duplicated header names are refused."""
    try:
        grid = pd.read_excel(path, sheet_name=sheet, dtype=str, header=None)
    except PermissionError as exc:
        raise DataError(
            f"{path} cannot be opened: permission denied. Give yourself read permission "
            "(e.g. chmod u+r) or copy the file somewhere you can read it, then try again."
        ) from exc
    except zipfile.BadZipFile as exc:
        raise DataError(
            f"{path} is not a complete Excel workbook ({exc}): it was probably truncated while "
            "copying or downloading. Export or download it again, or save it as CSV UTF-8."
        ) from exc
    except Exception as exc:  # openpyxl / xlrd raise many types for broken workbooks
        raise DataError(
            f"{path} cannot be read as an Excel workbook (sheet {sheet!r}): {exc}. Open it in "
            "Excel and save it again as .xlsx, or export the survey as CSV UTF-8."
        ) from exc
    if grid.empty:
        raise DataError(f"{path} (sheet {sheet!r}) is empty: no header and no rows.")
    names = _header_names(list(grid.iloc[0]))
    _refuse_duplicates(names, path)
    frame = grid.iloc[1:].reset_index(drop=True)
    frame.columns = names
    return frame


def refuse_empty(frame: pd.DataFrame, path: Path) -> None:
    """DataError when a table has a header but no respondents."""
    if frame.empty:
        raise DataError(
            f"{path} has a header but no rows: there are no answers to read. Export the "
            "responses (not only the questionnaire), or check that a filter did not drop them."
        )


def drop_summary_rows(
    frame: pd.DataFrame, path: Path, id_column: str | None, header_rows: int
) -> tuple[pd.DataFrame, list[str]]:
    """Rows whose first / id column says 平均分, 合计, Total … are summaries, not respondents:
    dropped, each with a warning naming it."""
    columns = list(dict.fromkeys(c for c in [*frame.columns[:1], id_column] if c))
    found = pd.Series(False, index=frame.index)
    labels = pd.Series("", index=frame.index, dtype=object)
    for col in columns:
        if col not in frame.columns:
            continue
        text = frame[col].astype(str).str.strip().str.rstrip(":：").str.casefold()
        hit = text.isin(SUMMARY_LABELS) & frame[col].notna() & ~found
        labels[hit] = frame.loc[hit, col].astype(str) + f"' in column '{col}"
        found |= hit
    messages = []
    for i in frame.index[found]:
        messages.append(
            f"{path}: row {i + 1} of the data (line {i + 1 + header_rows} of the file, "
            f"'{labels[i]}') is a summary row the survey platform added (means or totals), not "
            "a respondent; it was dropped. Delete it from the export to silence this warning."
        )
    return frame.loc[~found].reset_index(drop=True), messages
