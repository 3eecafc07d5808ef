"""Checks shared by the tests of results whose ``summary()`` speaks English and Chinese
(tests/test_experiments_zh.py, tests/test_churn_zh.py). Not a test module itself."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

import cxlab as cx

NUMBER = re.compile(r"-?\d+(?:[.,]\d+)*(?:e[-+]?\d+)?")
CJK = re.compile(r"[\u4e00-\u9fff]")


def numbers(text: str) -> Counter:
    """The multiset of numbers in *text*."""
    return Counter(NUMBER.findall(text))


def words_only(text: str, identifiers: Iterable[str], names: Iterable[str] = ()) -> str:
    """*text* without numbers, identifiers (column names, group labels), snake_case names
    and the *names* that stay the same in both languages."""
    for name in sorted(identifiers, key=len, reverse=True):
        text = text.replace(name, " ")
    for name in names:
        text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", text)
    text = re.sub(r"\b\w*_\w*\b", " ", text)  # snake_case names: conf_type, event_study
    return NUMBER.sub(" ", text)


def cjk_share(text: str, identifiers: Iterable[str], names: Iterable[str] = ()) -> float:
    """Share of CJK characters among the letters outside numbers and identifiers."""
    letters = [ch for ch in words_only(text, identifiers, names) if ch.isalpha()]
    return sum(bool(CJK.match(ch)) for ch in letters) / len(letters)


def assert_same_numbers(res: object, deliberate: Mapping[str, str]) -> None:
    """summary(lang="zh") carries every number of the English one, line for line
    (*deliberate*: English wording → its Chinese wording, e.g. chi2 → χ²)."""
    en, zh = res.summary(lang="en"), res.summary(lang="zh")
    for english, chinese in deliberate.items():
        en = en.replace(english, chinese)
    assert numbers(zh) == numbers(en), (en, zh)
    assert en.count("\n") == zh.count("\n")  # line for line


def assert_follows_notebook_language(res: object) -> None:
    """summary() and repr follow cx.viz.set_theme(lang=...); the default stays English."""
    try:
        cx.viz.set_theme(lang="zh")
        assert res.summary() == res.summary(lang="zh")
        assert repr(res) == res.summary(lang="zh")
    finally:
        cx.viz.set_theme()
    assert res.summary() == res.summary(lang="en")
    assert not CJK.search(res.summary())
