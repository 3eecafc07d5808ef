"""Read survey exports into a :class:`cxlab.survey.Survey`: CSV in any of the encodings
Chinese and Western tools write (UTF-8 with or without BOM, UTF-16, GBK / GB18030),
Excel, SPSS ``.sav``; Qualtrics and 问卷星 (wjx.cn) layouts are recognised.

- **Qualtrics** CSV / xlsx exports carry three header rows: variable names, question
  text, and ``{"ImportId": …}``. The question text becomes the codebook label; the
  ImportId row is dropped.
- **问卷星** exports have columns ``序号, 提交答卷时间, 所用时间, …`` and question
  headers such as ``1、您对本次入住的总体满意度`` or, for matrix questions,
  ``2、请评价以下方面—客房清洁``. Questions are renamed ``q1``, ``q2_1``, ``q2_2`` …
  (the full header is kept in the codebook's ``label_zh``).
- Answers exported as option text (``非常满意``, ``Strongly agree`` …) are mapped to codes
  with the value labels of a codebook you give, or else with the common Chinese and
  English rating scales listed in :data:`RATING_SCALES` (1 = the first option).

The encoding is detected by trying, in order, a byte-order mark, UTF-16 without one,
UTF-8 and GB18030 (a superset of GBK and GB2312), streaming through the file; a file none
of them decodes, one mixing UTF-8 and GBK lines, or one holding control characters gets
an error naming the line. pandas parses CSV straight from the file (large files in
chunks); duplicated column names and rows beyond the header are refused, trailing
commas and summary rows (平均分, 合计, Total …) are handled. pandas and pyreadstat do
the parsing; the detection and layouts are cxlab's because no maintained package
recognises these survey-platform layouts.

Examples
--------
>>> import cxlab as cx
>>> survey = cx.io.read_survey(cx.datasets.example_file("wjx_hotel_gbk.csv"))
>>> survey.meta["encoding"], survey.meta["layout"]
('gb18030', 'wjx')
>>> survey.data["q1"].tolist()[:5]
[5, 3, 4, 3, 5]
"""

from __future__ import annotations

import re
import warnings as _warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from cxlab.errors import DataError
from cxlab.io._encoding import decode as _decode
from cxlab.io._table import (
    drop_summary_rows,
    read_csv_table,
    read_excel_table,
    refuse_empty,
)

if TYPE_CHECKING:
    from cxlab.survey import Survey

__all__ = ["RATING_SCALES", "decode", "read_survey"]

RATING_SCALES: list[list[str]] = [
    ["非常不满意", "不满意", "一般", "满意", "非常满意"],
    ["很不满意", "不满意", "一般", "满意", "很满意"],
    ["非常不满意", "不满意", "比较不满意", "一般", "比较满意", "满意", "非常满意"],
    ["非常不同意", "不同意", "一般", "同意", "非常同意"],
    ["非常不同意", "不同意", "中立", "同意", "非常同意"],
    ["非常不同意", "不同意", "比较不同意", "一般", "比较同意", "同意", "非常同意"],
    ["完全不同意", "不同意", "有点不同意", "中立", "有点同意", "同意", "完全同意"],
    ["非常困难", "困难", "比较困难", "一般", "比较容易", "容易", "非常容易"],
    ["Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"],
    [
        "Very dissatisfied",
        "Dissatisfied",
        "Neither satisfied nor dissatisfied",
        "Satisfied",
        "Very satisfied",
    ],
    ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"],
    [
        "Strongly disagree",
        "Disagree",
        "Somewhat disagree",
        "Neither agree nor disagree",
        "Somewhat agree",
        "Agree",
        "Strongly agree",
    ],
    [
        "Extremely dissatisfied",
        "Moderately dissatisfied",
        "Slightly dissatisfied",
        "Neither satisfied nor dissatisfied",
        "Slightly satisfied",
        "Moderately satisfied",
        "Extremely satisfied",
    ],
    [
        "Very difficult",
        "Difficult",
        "Somewhat difficult",
        "Neutral",
        "Somewhat easy",
        "Easy",
        "Very easy",
    ],
]
_WJX_QUESTION = re.compile(r"^\s*(\d+)\s*[、.．]\s*(.+?)\s*$")
_WJX_PAREN = re.compile(r"^\s*(\d+)\s*[(（](.+)[)）]\s*$")
_WJX_SUB = re.compile(r"^(.*?)\s*(?:—+|-{1,2}|:|：)\s*([^—:：]+)$")
_WJX_META = ("序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP")


def decode(
    raw: bytes, path: str | Path = "<bytes>", encoding: str | None = None
) -> tuple[str, str]:
    """(text, encoding) of a file's bytes: BOM, UTF-16 without BOM, then UTF-8, then GB18030.

    Text that mixes UTF-8 and GBK lines, or holds control characters once decoded
    (binary data, UTF-16 read as bytes), is refused with a DataError naming the line.

    Examples
    --------
    >>> decode("满意度".encode("gbk"))
    ('满意度', 'gb18030')
    >>> decode("\\ufeffq1".encode("utf-8"))
    ('q1', 'utf-8-sig')
    >>> decode("q1,q2\\n5,满意\\n".encode("utf-16-le"))[1]
    'utf-16-le'
    """
    return _decode(raw, path, encoding)


def _is_qualtrics(df: pd.DataFrame) -> bool:
    return len(df) >= 2 and df.iloc[1].astype(str).str.startswith('{"ImportId"').any()


def _is_wjx(df: pd.DataFrame) -> bool:
    questions = sum(
        bool(_WJX_QUESTION.match(str(c)) or _WJX_PAREN.match(str(c))) for c in df.columns
    )
    return "序号" in df.columns and ("所用时间" in df.columns or questions >= 2)


def _wjx_names(columns: list[str]) -> tuple[list[str], dict[str, str]]:
    """New names q1, q2_1 … for 问卷星 question headers; labels keep the full header."""
    parsed = []
    for col in columns:
        m = _WJX_QUESTION.match(col) or _WJX_PAREN.match(col)
        if m is None or col in _WJX_META:
            parsed.append((col, None, None))
            continue
        number, rest = m.groups()
        sub = _WJX_PAREN.match(col)
        if sub is None:
            split = _WJX_SUB.match(rest)
            sub_label = split.group(2) if split and split.group(1) else None
        else:
            sub_label = rest
        parsed.append((col, number, sub_label))
    counts: dict[str, int] = {}
    for _, number, _sub in parsed:
        if number is not None:
            counts[number] = counts.get(number, 0) + 1
    seen: dict[str, int] = {}
    names, labels = [], {}
    for col, number, _sub in parsed:
        if number is None:
            names.append(col)
            continue
        if counts[number] > 1:
            seen[number] = seen.get(number, 0) + 1
            name = f"q{number}_{seen[number]}"
        else:
            name = f"q{number}"
        names.append(name)
        labels[name] = col
    return names, labels


def _question_groups(names: list[str]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(re.sub(r"_\d+$", "", name), []).append(name)
    return groups


def _scale_groups(
    text_cols: list[str], cb: pd.DataFrame
) -> list[tuple[list[str], tuple[float, float] | None]]:
    """Columns of one question that share the codebook's scale (None when it gives none)."""
    scales = {
        str(r.name): (float(r.scale_min), float(r.scale_max))
        for r in cb.itertuples()
        if pd.notna(r.scale_min) and pd.notna(r.scale_max)
    }
    out = []
    for group in _question_groups(text_cols).values():
        by_scale: dict[Any, list[str]] = {}
        for c in group:
            by_scale.setdefault(scales.get(c), []).append(c)
        out.extend((cols, scale) for scale, cols in by_scale.items())
    return out


def _fit_codebook_scale(
    group: list[str], values: set[str], fits: list[list[str]], scale: tuple[float, float]
) -> list[str]:
    """The one rating scale of the codebook's length that codes *values*; else DataError."""
    folded = {v.casefold() for v in values}
    low, high = scale
    size = int(high - low) + 1
    on_scale = [s for s in fits if len(s) == size]
    codings = {tuple(s.index(o) for o in s if o.casefold() in folded) for s in on_scale}
    if len(codings) == 1:
        return on_scale[0]
    if not on_scale:
        sizes = sorted({len(s) for s in fits})
        reason = (
            f"they are the labels of a {' or '.join(map(str, sizes))}-point scale, not of a "
            f"{size}-point one"
        )
    else:
        reason = f"{len(codings)} different {size}-point scales hold them with different codes"
    raise DataError(
        f"{', '.join(group)}: the text answers ({', '.join(sorted(values))}) cannot be placed "
        f"on the codebook's scale {low:g}–{high:g} unambiguously: {reason}. Give the value "
        "labels in the codebook's 'labels' column (e.g. '1=非常不同意; 2=不同意; …'), or fix "
        "scale_min / scale_max."
    )


def _map_options(
    df: pd.DataFrame, cb: pd.DataFrame, warnings: list[str]
) -> tuple[pd.DataFrame, dict[str, dict[str, Any]]]:
    """Replace option text by codes; returns the data and {column: codebook updates}.

    Value labels given in the codebook win; otherwise the answers are matched to the
    :data:`RATING_SCALES` of the codebook's scale length (codes from its scale_min), or,
    without a scale in the codebook, to the first rating scale that holds them all.
    """
    updates: dict[str, dict[str, Any]] = {}
    given = {r.name: r.labels for r in cb.itertuples() if isinstance(r.labels, dict) and r.labels}
    text_cols = [
        c
        for c in df.columns
        if df[c].notna().any() and pd.to_numeric(df[c], errors="coerce").isna()[df[c].notna()].all()
    ]
    for group, scale in _scale_groups(text_cols, cb):
        values = {str(v).strip() for c in group for v in df[c].dropna()}
        folded = {v.casefold() for v in values}
        mappings: dict[str, dict[str, Any]] = {}
        if all(c in given for c in group):
            for c in group:
                mappings[c] = {
                    str(label).strip().casefold(): _code(code) for code, label in given[c].items()
                }
            if not all({str(v).strip().casefold() for v in df[c].dropna()} <= mappings[c].keys()
                       for c in group):  # fmt: skip
                continue  # validate() names the text that has no label
        else:
            fits = [s for s in RATING_SCALES if folded <= {o.casefold() for o in s}]
            if not fits:
                continue
            if scale is not None:
                chosen = _fit_codebook_scale(group, values, fits, scale)
                first = scale[0]
            else:
                codings = {tuple(s.index(o) for o in s if o.casefold() in folded) for s in fits}
                ambiguous = len(codings) > 1 or len({len(s) for s in fits}) > 1
                if ambiguous and (len(folded) <= 3 or len(codings) > 1):
                    warnings.append(
                        f"{', '.join(group)}: the answers ({', '.join(sorted(values))}) fit more "
                        f"than one rating scale; coded with the {len(fits[0])}-point scale "
                        f"{' / '.join(fits[0])}. Give a codebook with value labels (or "
                        "scale_min / scale_max) to be sure."
                    )
                chosen, first = fits[0], 1
            codes = {_code(first + i): o for i, o in enumerate(chosen)}
            for c in group:
                mappings[c] = {o.casefold(): k for k, o in codes.items()}
                updates[c] = {"labels": codes}
                if scale is None:
                    updates[c].update(scale_min=1, scale_max=len(chosen))
        for c in group:
            df[c] = df[c].map(
                lambda v, m=mappings[c]: m[str(v).strip().casefold()] if pd.notna(v) else pd.NA
            )
    return df, updates


def _code(value: Any) -> int | float:
    number = float(value)
    return int(number) if number.is_integer() else number


def _numeric(df: pd.DataFrame) -> pd.DataFrame:
    """Columns whose every value is a number become numbers (Int64 when whole)."""
    for col in df.columns:
        values = df[col]
        if values.dtype != object and not pd.api.types.is_string_dtype(values):
            continue
        numbers = pd.to_numeric(values, errors="coerce")
        if values.notna().any() and numbers.notna().sum() == values.notna().sum():
            whole = numbers.dropna() % 1 == 0
            df[col] = numbers.astype("Int64") if whole.all() else numbers.astype(float)
    return df


def _read_sav(path: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    try:
        import pyreadstat
    except ImportError as exc:  # pragma: no cover - a dependency of cxlab
        raise DataError("Reading .sav files needs pyreadstat: pip install pyreadstat.") from exc
    try:
        df, meta = pyreadstat.read_sav(str(path))
    except Exception as exc:  # pyreadstat raises its own ReadstatError and others
        raise DataError(f"{path} cannot be read as an SPSS .sav file ({exc}).") from exc
    rows = []
    for name in df.columns:
        label = meta.column_names_to_labels.get(name) or None
        labels = meta.variable_value_labels.get(name) or None
        codes = [float(k) for k in labels] if labels else []
        cjk = bool(label and re.search(r"[\u4e00-\u9fff]", label))
        rows.append(
            {
                "name": name,
                "label_en": None if cjk else label,
                "label_zh": label if cjk else None,
                "scale_min": min(codes) if len(codes) >= 2 else None,
                "scale_max": max(codes) if len(codes) >= 2 else None,
                "labels": {int(k) if float(k).is_integer() else k: v for k, v in labels.items()}
                if labels
                else None,
            }
        )
    return _numeric(df), pd.DataFrame(rows)


def read_survey(
    path: str | Path,
    codebook: pd.DataFrame | str | Path | None = None,
    *,
    id_column: str | None = None,
    encoding: str | None = None,
    sheet: int | str = 0,
) -> Survey:
    """Read a survey export (CSV, xlsx, .sav; Qualtrics and 问卷星 layouts) as a Survey.

    The file is only read, never changed. *codebook* (DataFrame or CSV/xlsx path with
    at least ``name``; ideally ``label_en, label_zh, construct, scale_min, scale_max,
    reverse`` and ``labels``) describes the variables; what it does not describe is
    inferred from the file (question text, option scales, SPSS labels).

    Examples
    --------
    >>> import cxlab as cx
    >>> path = cx.datasets.example_file("qualtrics_retail.csv")
    >>> survey = read_survey(path, cx.datasets.example_file("qualtrics_retail_codebook.csv"))
    >>> survey, survey.meta["layout"]
    (Survey(41 respondents × 26 columns from qualtrics_retail.csv, id='ResponseId'), 'qualtrics')
    >>> survey.scales()["Trust"]
    ['Q2_1', 'Q2_2', 'Q2_3']
    """
    from cxlab.survey import Survey, normalise_codebook  # survey imports cxlab.io.codebook

    path = Path(path)
    if not path.is_file():
        hint = " (it is a folder)" if path.is_dir() else ""
        raise DataError(f"Survey file not found: {path}{hint}.")
    suffix = path.suffix.lower()
    meta: dict[str, Any] = {"file": str(path), "warnings": []}
    if isinstance(codebook, str | Path):
        meta["codebook_file"] = str(codebook)
    labels_from_file: dict[str, dict[str, Any]] = {}
    if suffix in (".sav", ".zsav"):
        df, inferred = _read_sav(path)
        meta.update(layout="spss", encoding=None)
        refuse_empty(df, path)
    elif suffix in (".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".xls"):
        if suffix.startswith(".xls"):
            df = read_excel_table(path, sheet)
            meta["encoding"] = None
        else:
            df, meta["encoding"] = read_csv_table(path, encoding)
        refuse_empty(df, path)
        header_rows = 1
        if _is_qualtrics(df):
            question = df.iloc[0]
            df = df.iloc[2:].reset_index(drop=True)
            labels_from_file = {c: {"label_en": str(question[c])} for c in df.columns}
            meta["layout"] = "qualtrics"
            header_rows = 3
            refuse_empty(df, path)
        elif _is_wjx(df):
            names, full = _wjx_names(list(df.columns))
            df.columns = names
            labels_from_file = {n: {"label_zh": h} for n, h in full.items()}
            meta["layout"] = "wjx"
        else:
            meta["layout"] = "table"
        df, dropped = drop_summary_rows(df, path, id_column, header_rows)
        for message in dropped:
            _warnings.warn(message, UserWarning, stacklevel=2)
        meta["warnings"].extend(dropped)
        refuse_empty(df, path)
        inferred = pd.DataFrame({"name": list(df.columns)})
    else:
        raise DataError(
            f"{path}: cxlab reads .csv, .tsv, .txt, .xlsx and .sav survey files, not "
            f"{suffix or 'files without an extension'}."
        )
    given = normalise_codebook(codebook, df) if codebook is not None else None
    df, option_updates = _map_options(
        df, given if given is not None else normalise_codebook(None, df), meta["warnings"]
    )
    df = _numeric(df)
    cb = normalise_codebook(inferred, df).set_index("name")
    for name, values in {**labels_from_file}.items():
        for key, value in values.items():
            cb.loc[name, key] = value
    for name, values in option_updates.items():
        for key, value in values.items():
            cb.at[name, key] = value
    cb = cb.reset_index()
    if given is not None:
        known = given.set_index("name")
        cb = pd.concat(
            [known, cb.set_index("name").drop(index=known.index, errors="ignore")]
        ).reset_index()
    return Survey(df, cb, id_column=id_column, source=str(path), meta=meta)
