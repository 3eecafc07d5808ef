"""Input checks shared by :mod:`cxlab.text` and its sentiment functions."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any, Literal

from cxlab.errors import DataError

Lang = Literal["auto", "zh", "en"]
LABELS = ["negative", "neutral", "positive"]
THRESHOLD = 0.05  # VADER's convention: compound ≥ .05 positive, ≤ −.05 negative

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")


def _texts(texts: Any, *, tokens_ok: bool = False) -> tuple[list[Any], Any, bool]:
    """Return (items, index or None, single) with missing values as ``None``."""
    import pandas as pd

    if texts is None:
        raise DataError(
            "texts is None: pass a string, a list of strings or a text column such as df['text']."
        )
    if isinstance(texts, str):
        return [texts], None, True
    if isinstance(texts, pd.DataFrame):
        raise DataError(
            f"texts is a DataFrame with columns {list(texts.columns)}: pass one text "
            "column, e.g. df['text']."
        )
    index = texts.index if isinstance(texts, pd.Series) else None
    if not isinstance(texts, Iterable):
        raise DataError(
            f"texts is {type(texts).__name__} {texts!r}: expected a string or a column of strings."
        )
    items = list(texts)
    bad = []
    for i, item in enumerate(items):
        if isinstance(item, str) or (tokens_ok and isinstance(item, list | tuple)):
            continue
        if item is None or item is pd.NA or (isinstance(item, float) and math.isnan(item)):
            items[i] = None
            continue
        bad.append(i)
    if bad:
        where = [
            f"position {i}" + (f" (index {index[i]!r})" if index is not None else "") for i in bad
        ]
        first = items[bad[0]]
        raise DataError(
            f"texts must be strings; {len(bad)} value(s) are not, e.g. {where[0]} is "
            f"{type(first).__name__} {first!r} (all: {', '.join(where[:5])}"
            f"{' …' if len(bad) > 5 else ''}). Did you pass the wrong column? Missing "
            "reviews may be None or NaN; numbers meant as text need .astype(str)."
        )
    return items, index, False


def _check_lang(lang: str) -> None:
    if lang not in ("auto", "zh", "en"):
        raise DataError(f"lang must be 'auto', 'zh' or 'en', not {lang!r}.")


def detect_lang(text: str) -> Literal["zh", "en"]:
    """Language of one text: ``"zh"`` when Chinese characters are at least 20 % of its
    letters (Chinese characters + Latin letters), else ``"en"`` (also for a text
    without letters, e.g. emoji only).

    >>> detect_lang("WiFi信号很好"), detect_lang("The 前台 staff were great")
    ('zh', 'en')
    """
    n_cjk = len(_CJK.findall(text))
    n_latin = len(_LATIN.findall(text))
    return "zh" if n_cjk and n_cjk >= 0.2 * (n_cjk + n_latin) else "en"
