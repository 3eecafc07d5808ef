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

The encoding is detected by trying, in order, a byte-order mark, UTF-8 and GB18030 (a
superset of GBK and GB2312); a file none of them decodes gets an error naming them.
pandas and pyreadstat do the parsing; the detection and layouts are cxlab's because no
maintained package recognises these survey-platform layouts.

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

import io as _io
import re
from pathlib import Path
from typing import Any

import pandas as pd

from cxlab.errors import DataError
from cxlab.survey import Survey, normalise_codebook

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
ENCODINGS = ("utf-8", "gb18030")
_WJX_QUESTION = re.compile(r"^\s*(\d+)\s*[、.．]\s*(.+?)\s*$")
_WJX_PAREN = re.compile(r"^\s*(\d+)\s*[(（](.+)[)）]\s*$")
_WJX_SUB = re.compile(r"^(.*?)\s*(?:—+|-{1,2}|:|：)\s*([^—:：]+)$")
_WJX_META = ("序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP")


def decode(
    raw: bytes, path: str | Path = "<bytes>", encoding: str | None = None
) -> tuple[str, str]:
    """(text, encoding) of a file's bytes: BOM, then UTF-8, then GB18030 (GBK).

    Examples
    --------
    >>> decode("满意度".encode("gbk"))
    ('满意度', 'gb18030')
    >>> decode("\\ufeffq1".encode("utf-8"))
    ('q1', 'utf-8-sig')
    """
    if encoding is not None:
        try:
            return raw.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise DataError(
                f"{path} cannot be read as {encoding} ({exc}). Leave encoding out to let cxlab "
                "detect it, or save the file as UTF-8."
            ) from exc
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16"
    failures = []
    for enc in ENCODINGS:
        try:
            return raw.decode(enc), enc
        except UnicodeDecodeError as exc:
            failures.append(
                f"{enc}: byte {raw[exc.start : exc.start + 1]!r} at position {exc.start}"
            )
    raise DataError(
        f"{path} is not text in any encoding cxlab tried (UTF-8 with or without BOM, UTF-16 "
        f"with BOM, GB18030/GBK) — {'; '.join(failures)}. If it is a spreadsheet, save it "
        "as .xlsx or 'CSV UTF-8'; if you know its encoding, pass encoding='…'."
    )


def _frame_from_text(text: str, path: Path) -> pd.DataFrame:
    first = text.split("\n", 1)[0]
    sep = max([",", ";", "\t"], key=first.count)
    try:
        return pd.read_csv(
            _io.StringIO(text), sep=sep, dtype=str, keep_default_na=False, na_values=[""]
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise DataError(f"{path} cannot be parsed as a table ({exc}).") from exc


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


def _map_options(
    df: pd.DataFrame, cb: pd.DataFrame, warnings: list[str]
) -> tuple[pd.DataFrame, dict[str, dict[str, Any]]]:
    """Replace option text by codes; returns the data and {column: codebook updates}."""
    updates: dict[str, dict[str, Any]] = {}
    given = {r.name: r.labels for r in cb.itertuples() if isinstance(r.labels, dict) and r.labels}
    text_cols = [
        c
        for c in df.columns
        if df[c].notna().any() and pd.to_numeric(df[c], errors="coerce").isna()[df[c].notna()].all()
    ]
    for group in _question_groups(text_cols).values():
        values = {str(v).strip() for c in group for v in df[c].dropna()}
        folded = {v.casefold() for v in values}
        mapping: dict[str, int] | None = None
        if all(c in given for c in group):
            mapping = {
                str(label).strip().casefold(): int(float(code))
                for code, label in given[group[0]].items()
            }
            if not folded <= set(mapping):
                continue
        else:
            fits = [s for s in RATING_SCALES if folded <= {o.casefold() for o in s}]
            if not fits:
                continue
            codings = {tuple(s.index(o) for o in s if o.casefold() in folded) for s in fits}
            ambiguous = len(codings) > 1 or len({len(s) for s in fits}) > 1
            if ambiguous and len(folded) <= 3:
                warnings.append(
                    f"{', '.join(group)}: the answers ({', '.join(sorted(values))}) fit more than "
                    f"one rating scale; coded with the {len(fits[0])}-point scale "
                    f"{' / '.join(fits[0])}. Give a codebook with value labels to be sure."
                )
            scale = fits[0]
            mapping = {o.casefold(): i + 1 for i, o in enumerate(scale)}
            for c in group:
                updates[c] = {
                    "scale_min": 1,
                    "scale_max": len(scale),
                    "labels": {i + 1: o for i, o in enumerate(scale)},
                }
        for c in group:
            df[c] = df[c].map(
                lambda v, m=mapping: m[str(v).strip().casefold()] if pd.notna(v) else pd.NA
            )
    return df, updates


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
    """
    path = Path(path)
    if not path.is_file():
        hint = " (it is a folder)" if path.is_dir() else ""
        raise DataError(f"Survey file not found: {path}{hint}.")
    suffix = path.suffix.lower()
    meta: dict[str, Any] = {"file": str(path), "warnings": []}
    labels_from_file: dict[str, dict[str, Any]] = {}
    if suffix in (".sav", ".zsav"):
        df, inferred = _read_sav(path)
        meta.update(layout="spss", encoding=None)
    elif suffix in (".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".xls"):
        if suffix.startswith(".xls"):
            try:
                df = pd.read_excel(path, sheet_name=sheet, dtype=str)
            except (ValueError, OSError, KeyError) as exc:
                raise DataError(
                    f"{path} cannot be read as an Excel workbook (sheet {sheet!r}): {exc}."
                ) from exc
            meta["encoding"] = None
        else:
            text, meta["encoding"] = decode(path.read_bytes(), path, encoding)
            df = _frame_from_text(text, path)
        df.columns = [str(c).strip() for c in df.columns]
        if _is_qualtrics(df):
            question = df.iloc[0]
            df = df.iloc[2:].reset_index(drop=True)
            labels_from_file = {c: {"label_en": str(question[c])} for c in df.columns}
            meta["layout"] = "qualtrics"
        elif _is_wjx(df):
            names, full = _wjx_names(list(df.columns))
            df.columns = names
            labels_from_file = {n: {"label_zh": h} for n, h in full.items()}
            meta["layout"] = "wjx"
        else:
            meta["layout"] = "table"
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
