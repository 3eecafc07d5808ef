"""Codebooks as people write them: read a codebook file and parse its cells (used by
:func:`cxlab.survey.normalise_codebook`, which most code should call instead).

- ``reverse``: 1, yes, Y, T, 是, 反向, x, ✓ … are True; 0, no, 否, blank … False.
- ``scale`` / ``scale_min`` / ``scale_max``: numbers, or ranges written ``1-7``, ``1–7``,
  ``1 to 7``, ``1~7``, ``1至7``.
- ``labels``: ``{code: label}`` dicts, or text such as ``1=非常不同意; 2=不同意 …`` or
  ``{"1": "Hard", "2": "OK"}``.
- Codebook files (CSV) are decoded like survey files (UTF-8, GBK …); xlsx is read by pandas.

Anything else is a :class:`~cxlab.errors.DataError` naming the codebook row and variable.

This module imports neither :mod:`cxlab.io`'s face nor :mod:`cxlab.survey` (which imports
it), so both can use it without an import cycle.

Examples
--------
>>> import pandas as pd
>>> from cxlab.io.codebook import tidy_codebook
>>> cb = tidy_codebook(pd.DataFrame({"name": ["q1"], "scale": ["1-7"], "reverse": ["是"]}))
>>> row = cb.loc[0]
>>> float(row["scale_min"]), float(row["scale_max"]), bool(row["reverse"])
(1.0, 7.0, True)
"""

from __future__ import annotations

import ast
import csv
import io as _io
import re
from pathlib import Path
from typing import Any

import pandas as pd

from cxlab.errors import DataError
from cxlab.io._encoding import decode, file_blocks

#: the columns of a codebook (cx.datasets.codebook, read_survey's codebook)
CODEBOOK_COLUMNS = [
    "name",
    "label_en",
    "label_zh",
    "construct",
    "construct_zh",
    "scale_min",
    "scale_max",
    "reverse",
    "type",
    "description",
]

__all__ = [
    "FALSE_WORDS",
    "TRUE_WORDS",
    "parse_labels",
    "parse_reverse",
    "parse_scales",
    "read_codebook_file",
    "refuse_duplicate_names",
    "tidy_codebook",
]

TRUE_WORDS = ("1", "1.0", "true", "yes", "y", "t", "是", "反向", "x", "✓")
FALSE_WORDS = ("0", "0.0", "false", "no", "n", "f", "否", "")
_NUMBER = r"[-+−]?\d+(?:\.\d+)?"
_RANGE = re.compile(
    rf"^\s*[\[(]?\s*({_NUMBER})\s*(?:-|–|—|－|~|～|〜|\.\.|to|至|到)\s*({_NUMBER})\s*[\])]?\s*$",
    re.IGNORECASE,
)
_LABEL_SPLIT = re.compile(r"\s*[;；|\n]\s*")
_LABEL_PAIR = re.compile(rf"^\s*({_NUMBER})\s*(?:=|:|：|-|–|\s)\s*(.+?)\s*$")


def read_codebook_file(path: Path) -> pd.DataFrame:
    """A codebook CSV / xlsx file as a DataFrame; CSV is decoded like survey files.

    Column names are stripped; the cells are left as written (see :func:`tidy_codebook`).

    Examples
    --------
    >>> from pathlib import Path
    >>> import cxlab as cx
    >>> path = Path(cx.datasets.example_file("qualtrics_retail_codebook.csv"))
    >>> "name" in read_codebook_file(path).columns
    True
    """
    if not path.is_file():
        raise DataError(f"Codebook file not found: {path}.")
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        try:
            return pd.read_excel(path, dtype=object)
        except Exception as exc:  # zipfile.BadZipFile, openpyxl errors …
            raise DataError(
                f"Codebook {path} cannot be read as an Excel workbook ({exc}). Save it again as "
                ".xlsx or as CSV UTF-8."
            ) from exc
    raw = b"".join(file_blocks(path))
    text, _ = decode(raw, f"Codebook {path}")
    try:
        sep = max([",", ";", "\t"], key=text.split("\n", 1)[0].count)
        frame = pd.read_csv(_io.StringIO(text), sep=sep)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError, csv.Error) as exc:
        raise DataError(
            f"Codebook {path} cannot be parsed as a table ({exc}). A codebook is a CSV or "
            "xlsx file with one row per variable and at least a 'name' column."
        ) from exc
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame


def _row(cb: pd.DataFrame, i: Any) -> str:
    name = cb.at[i, "name"] if "name" in cb.columns else None
    where = f"codebook row {cb.index.get_loc(i) + 1}"
    return f"{where} ({name})" if name is not None and not pd.isna(name) else where


def parse_reverse(cb: pd.DataFrame) -> pd.Series:
    """The ``reverse`` column as booleans; an unknown spelling is a DataError.

    Examples
    --------
    >>> import pandas as pd
    >>> parse_reverse(pd.DataFrame({"reverse": ["yes", "否", None, "✓"]})).tolist()
    [True, False, False, True]
    """
    out = pd.Series(False, index=cb.index, dtype=bool)
    for i, value in cb["reverse"].items():
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            continue
        if isinstance(value, bool):
            out[i] = value
            continue
        text = str(value).strip().casefold()
        if text in TRUE_WORDS:
            out[i] = True
        elif text not in FALSE_WORDS:
            raise DataError(
                f"{_row(cb, i)}: reverse = {value!r} is neither yes nor no. Write one of "
                f"{', '.join(w for w in TRUE_WORDS)} for a reverse-keyed item, or one of "
                f"{', '.join(w for w in FALSE_WORDS if w)} (or leave it blank) otherwise."
            )
    return out


def _number(text: str) -> float:
    return float(text.replace("−", "-"))


def _scale_cell(cb: pd.DataFrame, i: Any, col: str) -> tuple[float, float] | float | None:
    value = cb.at[i, col]
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    text = str(value).strip()
    if not text:
        return None
    try:
        return _number(text)
    except ValueError:
        pass
    match = _RANGE.match(text)
    if match is None:
        raise DataError(
            f"{_row(cb, i)}: {col} = {value!r} is not a number or a range. Write the scale as "
            "numbers in scale_min / scale_max (e.g. 1 and 7) or as a range like '1-7' or "
            "'1 to 7'."
        )
    low, high = _number(match.group(1)), _number(match.group(2))
    if low >= high:
        raise DataError(
            f"{_row(cb, i)}: {col} = {value!r} runs from {low:g} down to {high:g}; write the "
            f"lowest code first, e.g. '{high:g}-{low:g}'."
        )
    return low, high


def parse_scales(cb: pd.DataFrame) -> pd.DataFrame:
    """scale_min / scale_max as numbers, filled from a ``scale`` column or from ranges.

    Examples
    --------
    >>> import pandas as pd
    >>> cb = parse_scales(pd.DataFrame({"name": ["q1", "q2"], "scale": ["1–7", "0 to 10"]}))
    >>> cb[["scale_min", "scale_max"]].to_numpy().tolist()
    [[1.0, 7.0], [0.0, 10.0]]
    """
    cb = cb.copy()
    low = pd.Series(float("nan"), index=cb.index)
    high = pd.Series(float("nan"), index=cb.index)
    for i in cb.index:
        found: dict[str, float] = {}
        for col in ("scale", "scale_min", "scale_max"):
            if col not in cb.columns:
                continue
            cell = _scale_cell(cb, i, col)
            if cell is None:
                continue
            pairs = (
                {"scale_min": cell[0], "scale_max": cell[1]}
                if isinstance(cell, tuple)
                else {col: cell}
            )
            if col == "scale" and not isinstance(cell, tuple):
                raise DataError(
                    f"{_row(cb, i)}: scale = {cb.at[i, col]!r} is a single number; write the "
                    "range, e.g. '1-7', or fill scale_min and scale_max."
                )
            if isinstance(cell, tuple) and col != "scale":
                pairs = {col: cell[0] if col == "scale_min" else cell[1]}
            for key, number in pairs.items():
                if key in found and found[key] != number:
                    raise DataError(
                        f"{_row(cb, i)}: the scale is given twice and disagrees ({key} "
                        f"{found[key]:g} vs {number:g}); keep one of 'scale' and "
                        "'scale_min'/'scale_max'."
                    )
                found[key] = number
        low[i] = found.get("scale_min", float("nan"))
        high[i] = found.get("scale_max", float("nan"))
        if low[i] >= high[i]:
            raise DataError(
                f"{_row(cb, i)}: scale_min {low[i]:g} is not below scale_max {high[i]:g}; "
                "fix the codebook."
            )
    for col, parsed in (("scale_min", low), ("scale_max", high)):
        given = cb[col] if col in cb.columns else None
        same = (
            given is not None
            and pd.api.types.is_numeric_dtype(given)
            and not pd.api.types.is_bool_dtype(given)
            and parsed.isna().equals(given.isna())
        )
        cb[col] = given if same else parsed  # numbers as given (Int64 stays Int64)
    return cb


def parse_labels(cb: pd.DataFrame) -> pd.Series:
    """The ``labels`` column as ``{code: label}`` dicts (None when blank).

    Examples
    --------
    >>> import pandas as pd
    >>> parse_labels(pd.DataFrame({"labels": ["1=非常不同意; 2=不同意", None]})).tolist()
    [{1: '非常不同意', 2: '不同意'}, None]
    """
    out = pd.Series([None] * len(cb), index=cb.index, dtype=object)
    for i, value in cb["labels"].items():
        if isinstance(value, dict):
            out[i] = value or None
            continue
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            continue
        text = str(value).strip()
        if not text:
            continue
        labels: dict[Any, Any] | None = None
        if text.startswith("{"):
            try:
                parsed = ast.literal_eval(text)
            except (ValueError, SyntaxError):
                parsed = None
            if isinstance(parsed, dict):
                try:
                    labels = {_code(k): str(v).strip() for k, v in parsed.items()}
                except ValueError:
                    labels = None
        else:
            pairs = [_LABEL_PAIR.match(p) for p in _LABEL_SPLIT.split(text) if p]
            if pairs and all(pairs):
                labels = {_code(m.group(1)): m.group(2) for m in pairs}  # type: ignore[union-attr]
        if not labels:
            raise DataError(
                f"{_row(cb, i)}: labels = {text[:60]!r} cannot be read. Write the value labels "
                "as 'code=label' pairs separated by ';', e.g. '1=非常不同意; 2=不同意; …', or "
                "as a dict like {1: 'Hard', 2: 'OK'}."
            )
        out[i] = labels
    return out


def _code(key: Any) -> Any:
    number = _number(str(key).strip())
    return int(number) if number.is_integer() else number


def refuse_duplicate_names(cb: pd.DataFrame) -> None:
    """DataError when a variable is described by two codebook rows.

    Examples
    --------
    >>> import pandas as pd
    >>> refuse_duplicate_names(pd.DataFrame({"name": ["q1", "q2", "q1"]}))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    cxlab.errors.DataError: The codebook describes a variable more than once ('q1' in rows 1, 3)...
    """
    names = cb["name"].astype(str).str.strip()
    dup = names[names.duplicated(keep=False)]
    if not dup.empty:
        rows = {
            n: [cb.index.get_loc(i) + 1 for i in dup.index[dup == n]] for n in dict.fromkeys(dup)
        }
        listed = "; ".join(f"{n!r} in rows {', '.join(map(str, r))}" for n, r in rows.items())
        raise DataError(
            f"The codebook describes a variable more than once ({listed}); keep one row per "
            "variable so its scale and labels are not ambiguous."
        )


def tidy_codebook(cb: pd.DataFrame) -> pd.DataFrame:
    """cxlab's codebook columns added (empty) and every column parsed as described above.

    Rows without a name are dropped; ``reverse``, the scale and ``labels`` are parsed by
    :func:`parse_reverse`, :func:`parse_scales` and :func:`parse_labels`.

    Examples
    --------
    >>> import pandas as pd
    >>> cb = tidy_codebook(pd.DataFrame({"name": ["q1", None], "labels": ["1=No; 2=Yes", ""]}))
    >>> len(cb), cb.loc[0, "labels"], bool(cb.loc[0, "reverse"])
    (1, {1: 'No', 2: 'Yes'}, False)
    """
    cb = cb.reset_index(drop=True)
    for col in [*CODEBOOK_COLUMNS, "labels"]:
        if col not in cb.columns:
            cb[col] = False if col == "reverse" else None
    cb = cb[cb["name"].notna() & (cb["name"].astype(str).str.strip() != "")]
    cb = cb.reset_index(drop=True)
    cb["name"] = cb["name"].astype(str).str.strip()
    refuse_duplicate_names(cb)
    cb["reverse"] = parse_reverse(cb)
    cb = parse_scales(cb)
    cb["labels"] = parse_labels(cb)
    return cb
