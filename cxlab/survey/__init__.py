"""A survey as data plus codebook: validate it, reverse-code, score scales, report missing
data, flag careless respondents, anonymise and export safely.

A :class:`Survey` never changes the file it was read from: every method returns new
data (or a new ``Survey``), and :meth:`Survey.export` refuses to write over the source.

Written here rather than taken from a library because no maintained Python package
checks a survey against a codebook (Likert ranges, allowed codes, duplicate ids) with
messages that name the column, the respondents and the fix; careless-responding
indices (long-string, IRV; Curran 2016, Dunn et al. 2018) exist only in R's
``careless`` package.

Examples
--------
>>> import pandas as pd
>>> from cxlab.survey import Survey
>>> data = pd.DataFrame({"id": [1, 2, 3], "q1": [5, 8, 2], "q2": [4, 6, 1]})
>>> cb = pd.DataFrame({"name": ["q1", "q2"], "scale_min": [1, 1], "scale_max": [7, 7]})
>>> report = Survey(data, cb, id_column="id").validate()
>>> report.ok
False
>>> print(report.errors["message"].iloc[0])
q1: 1 answer outside the scale 1–7 (values 8), respondent id 2.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from cxlab.errors import DataError
from cxlab.io.codebook import CODEBOOK_COLUMNS, read_codebook_file, tidy_codebook
from cxlab.survey._reports import MissingReport, ValidationReport

__all__ = [
    "ID_CANDIDATES",
    "MissingReport",
    "Survey",
    "ValidationReport",
    "normalise_codebook",
]

ID_CANDIDATES = (
    "respondent_id",
    "ResponseId",
    "response_id",
    "id",
    "ID",
    "序号",
    "答卷编号",
    "guest_id",
    "customer_id",
    "passenger_id",
)
_SHOW = 8  # respondent ids listed in one message


def normalise_codebook(codebook: Any, data: pd.DataFrame | None = None) -> pd.DataFrame:
    """A codebook as a DataFrame with cxlab's columns (missing ones added empty).

    *codebook* may be a DataFrame, a path to a CSV / xlsx codebook (decoded like survey
    files), or None (then one row per column of *data*, nothing known about scales).
    ``reverse`` may be 1 / yes / y / 是 / 反向 / ✓ …, the scale a range like ``1-7``
    (also in a ``scale`` column), ``labels`` ``{code: label}`` dicts or ``1=…; 2=…``
    text; other spellings and names listed twice are DataErrors naming the row.

    Examples
    --------
    >>> from cxlab.survey import normalise_codebook
    >>> normalise_codebook(None, pd.DataFrame({"q1": [1]}))[["name", "reverse"]].values.tolist()
    [['q1', False]]
    >>> cb = normalise_codebook(pd.DataFrame({"name": ["q1", "q2"], "scale": ["1-7", "1 to 5"],
    ...                                       "reverse": ["是", None]}))
    >>> cb[["scale_min", "scale_max", "reverse"]].values.tolist()
    [[1.0, 7.0, True], [1.0, 5.0, False]]
    """
    if codebook is None:
        cb = pd.DataFrame({"name": list(data.columns) if data is not None else []})
    elif isinstance(codebook, pd.DataFrame):
        cb = codebook.copy()
    elif isinstance(codebook, str | Path):
        cb = read_codebook_file(Path(codebook))
    else:
        raise DataError(
            "A codebook must be a DataFrame or a path to a CSV/xlsx file, not "
            f"{type(codebook).__name__}."
        )
    if "name" not in cb.columns:
        raise DataError(
            "The codebook has no 'name' column; it needs one row per variable with at least "
            f"'name' (and ideally {', '.join(CODEBOOK_COLUMNS[1:])})."
        )
    return tidy_codebook(cb)


def _id_list(ids: list[Any], by_row: bool) -> str:
    word = ("row" if by_row else "respondent id") + ("s" if len(ids) > 1 else "")
    shown = ", ".join(str(i) for i in ids[:_SHOW])
    more = f" and {len(ids) - _SHOW} more" if len(ids) > _SHOW else ""
    return f"{word} {shown}{more}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


@dataclass
class Survey:
    """Survey answers (``data``) and their ``codebook``.

    ``id_column`` names the respondent id (found automatically among common names when
    not given); ``source`` is the file it came from; ``reversed_items`` records items
    already reverse-coded so they are never reversed twice.
    """

    data: pd.DataFrame
    codebook: pd.DataFrame | None = None
    id_column: str | None = None
    source: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    reversed_items: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.data, pd.DataFrame):
            raise DataError(f"Survey data must be a DataFrame, not {type(self.data).__name__}.")
        self.codebook = normalise_codebook(self.codebook, self.data)
        if self.id_column is None:
            self.id_column = next((c for c in ID_CANDIDATES if c in self.data.columns), None)
        elif self.id_column not in self.data.columns:
            raise DataError(
                f"id_column={self.id_column!r} is not a column of the survey; columns are "
                f"{', '.join(map(str, self.data.columns[:12]))}…"
            )

    def __repr__(self) -> str:
        src = f" from {Path(self.source).name}" if self.source else ""
        return (
            f"Survey({len(self.data)} respondents × {self.data.shape[1]} columns{src}, "
            f"id={self.id_column!r})"
        )

    # -- helpers ---------------------------------------------------------------
    def _ids(self, mask: pd.Series) -> list[Any]:
        if self.id_column is None:
            return [int(i) + 1 for i in np.flatnonzero(mask.to_numpy())]
        return self.data.loc[mask.to_numpy(), self.id_column].tolist()

    def _where(self, mask: pd.Series) -> str:
        return _id_list(self._ids(mask), self.id_column is None)

    def _scale(self, name: str) -> tuple[float, float] | None:
        row = self.codebook[self.codebook["name"] == name]
        if row.empty or row[["scale_min", "scale_max"]].isna().any(axis=None):
            return None
        return float(row["scale_min"].iloc[0]), float(row["scale_max"].iloc[0])

    def items(self) -> list[str]:
        """Columns that the codebook gives a scale (rating items), in data order.

        Examples
        --------
        >>> import cxlab as cx
        >>> hotel = Survey(cx.datasets.load("hotel_4e"), cx.datasets.codebook("hotel_4e"))
        >>> hotel.items()[:4], len(hotel.items())
        (['nps', 'edu1', 'edu2', 'edu3'], 25)
        """
        return [c for c in self.data.columns if self._scale(str(c)) is not None]

    def battery(self) -> list[str]:
        """The rating items on the survey's most common scale (e.g. all 1–7 items), the
        block that careless-responding indices compare within.

        Examples
        --------
        >>> import cxlab as cx
        >>> hotel = Survey(cx.datasets.load("hotel_4e"), cx.datasets.codebook("hotel_4e"))
        >>> sorted(set(hotel.items()) - set(hotel.battery()))  # nps is on 0–10, not 1–7
        ['nps']
        """
        items = self.items()
        if not items:
            return []
        ranges = pd.Series([self._scale(i) for i in items], index=items)
        return list(ranges[ranges == ranges.value_counts().index[0]].index)

    def scales(self) -> dict[str, list[str]]:
        """{construct: its items} from the codebook's ``construct`` column (constructs
        measured by two or more rating items).

        Examples
        --------
        >>> import cxlab as cx
        >>> hotel = Survey(cx.datasets.load("hotel_4e"), cx.datasets.codebook("hotel_4e"))
        >>> hotel.scales()["Escapism"], len(hotel.scales())
        (['esc1', 'esc2', 'esc3r'], 8)
        """
        cb = self.codebook.dropna(subset=["construct"])
        cb = cb[cb["name"].isin(self.items())]
        groups = cb.groupby("construct", sort=False)["name"]
        return {str(k): list(v) for k, v in groups if len(v) >= 2}

    # -- validation --------------------------------------------------------------
    def validate(self, required: list[str] | None = None) -> ValidationReport:
        """Check the data against the codebook; return a report (nothing is changed).

        Errors: required columns missing, duplicate respondent ids, text in a rating
        item, values outside the scale, codes without a value label. Warnings:
        non-integer ratings, columns the codebook does not describe, empty rows.

        Examples
        --------
        >>> data = pd.DataFrame({"id": [1, 2, 3], "q1": [5, 8, 2], "note": ["", "", ""]})
        >>> cb = pd.DataFrame({"name": ["q1"], "scale_min": [1], "scale_max": [7]})
        >>> Survey(data, cb, id_column="id").validate()
        ValidationReport:
        [error] q1: 1 answer outside the scale 1–7 (values 8), respondent id 2.
        [warning] 2 columns not in the codebook: id, note.
        """
        rows: list[tuple[Any, ...]] = []

        def add(
            severity: str, check: str, column: Any, mask: pd.Series | None, message: str
        ) -> None:
            ids = self._ids(mask) if mask is not None else []
            count = int(mask.sum()) if mask is not None else 0
            rows.append((severity, check, column, count, ids, message))

        names = set(map(str, self.data.columns))
        wanted = required if required is not None else self.codebook["name"].tolist()
        absent = [c for c in wanted if c not in names]
        if absent:
            add("error", "required", ", ".join(absent), None,
                f"Missing column{'s' if len(absent) > 1 else ''} {', '.join(absent)} (in the "
                "codebook but not in the data): check the export's variable names or the codebook."
            )  # fmt: skip
        if self.id_column is not None:
            ids = self.data[self.id_column]
            dup = ids.duplicated(keep=False) & ids.notna()
            if dup.any():
                values = list(dict.fromkeys(ids[dup].tolist()))
                add("error", "duplicate id", self.id_column, dup,
                    f"{self.id_column}: {_plural(len(values), 'id')} used more than once "
                    f"({', '.join(map(str, values[:_SHOW]))}) in {int(dup.sum())} rows; remove "
                    "repeated submissions or fix the ids.")  # fmt: skip
        for col in self.items():
            self._check_item(col, add)
        described = set(self.codebook["name"])
        extra = [c for c in map(str, self.data.columns) if c not in described]
        if extra and len(described) < len(names):
            add("warning", "undocumented", ", ".join(extra[:_SHOW]), None,
                f"{_plural(len(extra), 'column')} not in the codebook: {', '.join(extra[:_SHOW])}"
                + ("…" if len(extra) > _SHOW else "")
                + ".")  # fmt: skip
        answers = self.data.drop(columns=[self.id_column] if self.id_column else [])
        empty = answers.isna().all(axis=1)
        if empty.any():
            add("warning", "empty row", None, empty,
                f"{_plural(int(empty.sum()), 'row')} with no answers: {self._where(empty)}."
            )  # fmt: skip
        problems = pd.DataFrame(
            rows, columns=["severity", "check", "column", "count", "ids", "message"]
        )
        return ValidationReport(problems, self.source)

    def _check_item(self, col: str, add: Any) -> None:
        low, high = self._scale(col)  # type: ignore[misc]
        raw = self.data[col]
        numeric = pd.to_numeric(raw, errors="coerce")
        text = raw.notna() & numeric.isna()
        if text.any():
            examples = ", ".join(repr(v) for v in dict.fromkeys(raw[text].astype(str)))
            add("error", "not a number", col, text,
                f"{col}: {_plural(int(text.sum()), 'answer')} that are not numbers "
                f"({examples[:80]}), {self._where(text)}. Map option text to codes (give a "
                "codebook with value labels) or fix these cells.")  # fmt: skip
        outside = numeric.notna() & ((numeric < low) | (numeric > high))
        if outside.any():
            vals = ", ".join(f"{v:g}" for v in sorted(numeric[outside].unique()))
            add("error", "out of range", col, outside,
                f"{col}: {_plural(int(outside.sum()), 'answer')} outside the scale "
                f"{low:g}–{high:g} (values {vals}), {self._where(outside)}.")  # fmt: skip
        fractional = numeric.notna() & (numeric % 1 != 0)
        if fractional.any():
            add("warning", "not whole", col, fractional,
                f"{col}: {_plural(int(fractional.sum()), 'answer')} not whole numbers on a "
                f"rating item, {self._where(fractional)}.")  # fmt: skip
        labels = self.codebook.loc[self.codebook["name"] == col, "labels"].iloc[0]
        if isinstance(labels, dict) and labels:
            codes = {float(k) for k in labels}
            unknown = numeric.notna() & ~numeric.isin(codes) & ~outside
            if unknown.any():
                add("error", "unknown code", col, unknown,
                    f"{col}: {_plural(int(unknown.sum()), 'answer')} with codes that have no label "
                    f"({', '.join(f'{v:g}' for v in sorted(numeric[unknown].unique()))}), "
                    f"{self._where(unknown)}.")  # fmt: skip

    # -- transformations ----------------------------------------------------------
    def numeric_items(self, items: list[str] | None = None) -> pd.DataFrame:
        """The rating items as numbers; raises a clear error if validation finds errors in them.

        Examples
        --------
        >>> import cxlab as cx
        >>> hotel = Survey(cx.datasets.load("hotel_4e"), cx.datasets.codebook("hotel_4e"))
        >>> hotel.numeric_items(["edu1", "edu2"]).mean().round(2).to_dict()
        {'edu1': 5.5, 'edu2': 5.55}
        """
        items = items if items is not None else self.items()
        unknown = [i for i in items if i not in self.data.columns]
        if unknown:
            raise DataError(f"No column {', '.join(unknown)} in the survey.")
        frame = self.data[items].apply(pd.to_numeric, errors="coerce")
        bad = self.data[items].notna() & frame.isna()
        if bad.any(axis=None):
            col = bad.any().idxmax()
            raise DataError(
                f"{col} holds text where numbers are expected ({self._where(bad[col])}); run "
                ".validate() to see every problem and fix them first."
            )
        return frame.astype(float)

    def reverse_code(self, items: list[str] | None = None) -> Survey:
        """A new Survey with reverse-keyed items recoded as min + max − x.

        *items* defaults to the codebook's reverse-keyed items. Items are never reversed
        twice: a second call raises an error.

        Examples
        --------
        >>> s = Survey(pd.DataFrame({"q": [1, 7, 4]}),
        ...     pd.DataFrame({"name": ["q"], "scale_min": [1], "scale_max": [7],
        ...                   "reverse": [True]}))
        >>> s.reverse_code().data["q"].tolist()
        [7.0, 1.0, 4.0]
        """
        if items is None:
            items = self.codebook.loc[self.codebook["reverse"], "name"].tolist()
        twice = [i for i in items if i in self.reversed_items]
        if twice:
            raise DataError(
                f"{', '.join(twice)} already reverse-coded; reversing again would undo it."
            )
        data = self.data.copy()
        for item in items:
            scale = self._scale(item)
            if scale is None:
                raise DataError(
                    f"{item}: the codebook gives no scale_min / scale_max, so it cannot be "
                    "reversed."
                )
            data[item] = scale[0] + scale[1] - self.numeric_items([item])[item]
        return replace(self, data=data, reversed_items=self.reversed_items + tuple(items))

    def scale_scores(
        self, scales: dict[str, list[str]] | None = None, min_items: float = 0.5
    ) -> pd.DataFrame:
        """Mean of each scale's items per respondent, when enough items are answered.

        *min_items*: a share (< 1) or a number (≥ 1) of a scale's items that must be
        answered; otherwise the score is missing. Reverse-keyed items must be reversed
        first (:meth:`reverse_code`), or an error says so.

        Examples
        --------
        >>> import cxlab as cx
        >>> hotel = Survey(cx.datasets.load("hotel_4e"), cx.datasets.codebook("hotel_4e"))
        >>> scores = hotel.reverse_code().scale_scores()  # esc3r is reverse-keyed
        >>> scores[["guest_id", "Education", "Escapism"]].head(2).round(2).values.tolist()
        [[1.0, 3.33, 4.0], [2.0, 5.67, 4.0]]
        """
        scales = scales if scales is not None else self.scales()
        if not scales:
            raise DataError(
                "No scales: give scales={'name': [items]} or a codebook with a 'construct' column."
            )
        reverse_keyed = self.codebook.loc[self.codebook["reverse"], "name"]
        pending = set(reverse_keyed) - set(self.reversed_items)
        out = {}
        for name, items in scales.items():
            stale = sorted(pending & set(items))
            if stale:
                raise DataError(
                    f"Scale {name!r} contains reverse-keyed {', '.join(stale)} not yet reversed; "
                    "call .reverse_code() first."
                )
            frame = self.numeric_items(list(items))
            need = math.ceil(min_items * len(items)) if min_items < 1 else int(min_items)
            answered = frame.notna().sum(axis=1)
            out[name] = frame.mean(axis=1).where(answered >= need)
        scores = pd.DataFrame(out, index=self.data.index)
        if self.id_column is not None:
            scores.insert(0, self.id_column, self.data[self.id_column])
        return scores

    def missing_report(self, items: list[str] | None = None) -> MissingReport:
        """Missing answers by item and by respondent, and a summary.

        Examples
        --------
        >>> import cxlab as cx
        >>> wjx = cx.io.read_survey(cx.datasets.example_file("wjx_hotel_gbk.csv"))
        >>> wjx.missing_report()
        MissingReport: 0.7% of answers missing; 96.7% of respondents complete; worst item \
q2_3 (3.3%).
        """
        cols = items
        if cols is None:
            cols = self.items() or [c for c in self.data.columns if c != self.id_column]
        miss = self.data[cols].isna()
        by_item = pd.DataFrame(
            {"item": cols, "n_missing": miss.sum().to_numpy(), "share": miss.mean().to_numpy()}
        )
        by_item = by_item.sort_values("share", ascending=False, kind="stable").reset_index(
            drop=True
        )
        resp = pd.DataFrame({"n_missing": miss.sum(axis=1), "share": miss.mean(axis=1)})
        if self.id_column is not None:
            resp.insert(0, self.id_column, self.data[self.id_column])
        resp = resp.sort_values("share", ascending=False, kind="stable").reset_index(drop=True)
        summary = {
            "missing_share": float(miss.to_numpy().mean()) if miss.size else 0.0,
            "complete_share": float((~miss.any(axis=1)).mean()) if len(miss) else 1.0,
            "worst_item": str(by_item["item"].iloc[0]) if len(by_item) else "",
            "worst_item_share": float(by_item["share"].iloc[0]) if len(by_item) else 0.0,
        }
        return MissingReport(by_item, resp, summary)

    # -- careless responding --------------------------------------------------------
    def careless(
        self,
        items: list[str] | None = None,
        *,
        duration: str | None = None,
        min_duration: float | None = None,
        longstring_max: int | None = None,
        irv_min: float = 0.3,
    ) -> pd.DataFrame:
        """Careless-responding indices and flags, one row per respondent.

        *items* defaults to :meth:`battery` (the rating items on the most common scale).

        - ``longstring``: the longest run of identical consecutive answers (Johnson 2005);
          flagged when ≥ *longstring_max* (default: 80 % of the items).
        - ``irv``: intra-individual response variability, the SD of a respondent's
          answers (Dunn et al. 2018); flagged when < *irv_min*.
        - ``duration``: flagged when below *min_duration* seconds (default: a third of
          the median duration). The column is found among common names when not given.

        Cut-offs are conventions, not tests: a very satisfied customer may honestly answer
        7 throughout. Inspect flagged respondents (``n_flags`` ≥ 2 is the usual
        shortlist) before removing anyone, and report what you removed.

        Examples
        --------
        >>> import cxlab as cx
        >>> wjx = cx.io.read_survey(cx.datasets.example_file("wjx_hotel_gbk.csv"))
        >>> flags = wjx.careless()  # the 5 satisfaction items and 所用时间
        >>> flags.loc[flags["n_flags"] >= 2, "序号"].tolist()  # the shortlist to inspect
        [1, 17, 29, 30]
        """
        from cxlab.careless import DURATION_COLUMNS, indices

        column = duration or next((c for c in DURATION_COLUMNS if c in self.data.columns), None)
        out = indices(
            self.numeric_items(items if items is not None else self.battery()),
            self.data[column] if column is not None else None,
            min_duration=min_duration,
            longstring_max=longstring_max,
            irv_min=irv_min,
        )
        if self.id_column is not None:
            out.insert(0, self.id_column, self.data[self.id_column])
        return out

    # -- privacy and export -----------------------------------------------------------
    def anonymise(
        self, salt: str, columns: list[str] | None = None, redact_text: bool = True
    ) -> Survey:
        """A new Survey with identifying columns replaced by salted SHA-256 hashes.

        *columns* defaults to the id column and every column whose name or content looks
        like an e-mail address, phone number, name or IP address. The same value and salt
        always give the same hash, so files anonymised with one salt still link; keep the
        salt secret and out of the data. With *redact_text*, e-mails and phone numbers
        inside free-text answers are replaced by ``[email]`` / ``[phone]``.

        Examples
        --------
        >>> import cxlab as cx
        >>> wjx = cx.io.read_survey(cx.datasets.example_file("wjx_hotel_gbk.csv"))
        >>> safe = wjx.anonymise(salt="my-secret-salt")
        >>> safe.meta["anonymised"], safe.data["序号"].iloc[0]  # id, IP address, phone numbers
        (['序号', '来自IP', 'q4'], '18ee80a3fa8dad92')
        """
        from cxlab.privacy import hash_values, identifying_columns, redact

        if not isinstance(salt, str) or len(salt) < 8:
            raise DataError(
                "Give a secret salt of at least 8 characters, e.g. salt=secrets.token_hex(16)."
            )
        data = self.data.copy()
        labels = {
            r.name: " ".join(str(x) for x in (r.label_en, r.label_zh) if isinstance(x, str))
            for r in self.codebook.itertuples()
        }
        cols = columns if columns is not None else identifying_columns(data, self.id_column, labels)
        for col in cols:
            if col not in data.columns:
                raise DataError(f"No column {col!r} to anonymise.")
            data[col] = hash_values(data[col], salt)
        if redact_text:
            for col in data.columns:
                is_text = data[col].dtype == object or pd.api.types.is_string_dtype(data[col])
                if col not in cols and is_text:
                    data[col] = redact(data[col])
        return replace(self, data=data, meta={**self.meta, "anonymised": list(cols)})

    def export(self, path: str | Path, *, escape: bool = True, encoding: str = "utf-8-sig") -> Path:
        """Write the data to CSV or xlsx with spreadsheet formulas escaped.

        Text cells starting with ``=``, ``+``, ``-``, ``@`` (or tab / carriage return)
        get a leading apostrophe so a spreadsheet shows them as text instead of running
        them (OWASP "CSV injection"). CSV is written as UTF-8 with a byte-order mark so
        Excel shows 中文 correctly. The source files are never overwritten: neither the
        survey file (``source``) nor the codebook it was read with
        (``meta["codebook_file"]``), also not through a hard link or a symlink. The file
        is written whole or not at all (a temporary file moved into place).

        Examples
        --------
        >>> import tempfile, pathlib
        >>> s = Survey(pd.DataFrame({"q1": [5, 4], "note": ["=1+1", "ok"]}))
        >>> out = s.export(pathlib.Path(tempfile.mkdtemp()) / "s.csv")
        >>> out.read_text(encoding="utf-8-sig").splitlines()
        ['q1,note', "5,'=1+1", '4,ok']
        """
        from cxlab import _files
        from cxlab.privacy import escape_formulas

        target = Path(path)
        if target.suffix.lower() not in (".csv", ".xlsx"):
            raise DataError(
                f"Export to .csv or .xlsx, not {target.suffix or 'a file without extension'} "
                f"({target})."
            )
        sources = {"source file": self.source, "survey file": self.meta.get("file"),
                   "codebook file": self.meta.get("codebook_file")}  # fmt: skip
        _files.check_outputs([target], sources, fix="choose another path")
        data = escape_formulas(self.data) if escape else self.data
        return _files.write_frame(data, target, sources, encoding=encoding)
