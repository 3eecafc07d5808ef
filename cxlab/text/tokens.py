"""Tokens and stop words for :mod:`cxlab.text`: jieba for Chinese, a plain tokenizer for
English (``n't`` becomes ``not``), negations optionally joined to the next content word.

Examples
--------
>>> from cxlab.text.tokens import tokenize
>>> tokenize("The room wasn't very clean!", join_negation=True, stopwords=True)
['room', 'not_clean']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal

from cxlab.errors import DataError
from cxlab.text import _lexicon as lx
from cxlab.text._common import Lang, _check_lang, _texts, detect_lang
from cxlab.text._lexicon import _w

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["stop_words", "tokenize"]

_WORDISH = re.compile(r"[0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_EN_TOKEN = re.compile(
    r"[a-z0-9]+(?:[-'][a-z0-9]+)*|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[.,;:!?()\n]"
)
_NT_BASE = {"ca": "can", "wo": "will", "sha": "shall", "ai": "am"}
_GLUED_NOT = {
    w + "nt": w for w in _w("do does did is was were are has have had could would should must need")
} | {"cant": "can", "wont": "will", "aint": "am"}
_NEGATORS_EN = frozenset(_w("not no never without nor hardly barely cannot"))
_STOP = {"en": frozenset(lx.STOPWORDS_EN.split()), "zh": frozenset(lx.STOPWORDS_ZH.split())}


def stop_words(lang: Literal["zh", "en"] | None = None) -> frozenset[str]:
    """cxlab's stop words for ``"zh"``, ``"en"`` or both (``None``).

    Written for cxlab (see ``cxlab/text/_lexicon.py``); negations (not, no, 不, 没) are
    kept out on purpose. Extend with ``stop_words() | {"酒店", "hotel"}``.

    >>> "的" in stop_words("zh"), "not" in stop_words("en")
    (True, False)
    """
    if lang is None:
        return _STOP["en"] | _STOP["zh"]
    if lang not in _STOP:
        raise DataError(f"lang must be 'zh', 'en' or None, not {lang!r}.")
    return _STOP[lang]


# --------------------------------------------------------------------- tokenizing
def _tokens_en(text: str) -> list[str]:
    """English words, lowercased; ``n't`` becomes ``not``; punctuation as '.'."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    out: list[str] = []
    for tok in _EN_TOKEN.findall(text):
        if tok[0] in ".,;:!?()\n":
            out.append(".")
        elif tok.endswith("n't"):
            base = tok[:-3]
            out += [_NT_BASE.get(base, base), "not"] if base else ["not"]
        elif tok in _GLUED_NOT:
            out += [_GLUED_NOT[tok], "not"]
        elif tok == "cannot":
            out += ["can", "not"]
        elif "'" in tok:
            out.append(tok.split("'", 1)[0])
        else:
            out.append(tok)
    return out


def _tokens_zh(text: str) -> list[str]:
    from cxlab.text import _zh as _text_zh

    out = []
    for tok in _text_zh.tokenizer().lcut(text):
        tok = tok.strip().lower()
        if not tok:
            continue
        out.append(tok if _WORDISH.search(tok) else ".")
    return out


def _join_negation(tokens: list[str], lang: str) -> list[str]:
    """Attach a negation to the next content word: not … clean → not_clean, 不 干净 → 不干净."""
    negators = _NEGATORS_EN if lang == "en" else lx.NEGATORS_ZH
    skip = _STOP["en"] if lang == "en" else set(lx.DEGREE_ZH) | {"是"}
    out, i = [], 0
    while i < len(tokens):
        tok = tokens[i]
        if tok in negators:
            j = i + 1
            while (
                j < len(tokens) and j - i <= 3 and tokens[j] in skip and tokens[j] not in negators
            ):
                j += 1
            if j < len(tokens) and tokens[j] != "." and tokens[j] not in negators:
                word = tokens[j]
                if word not in _STOP["en"] and word not in _STOP["zh"]:
                    joined = f"{tok}_{word}" if lang == "en" else "".join(tokens[i : j + 1])
                    out.append(joined)
                    i = j + 1
                    continue
        out.append(tok)
        i += 1
    return out


def _tokenize_one(
    text: str | None, lang: str, stop: frozenset[str] | set[str], join: bool, min_len: int
) -> list[str]:
    if not text:
        return []
    use = detect_lang(text) if lang == "auto" else lang
    tokens = _tokens_zh(text) if use == "zh" else _tokens_en(text)
    if join:
        tokens = _join_negation(tokens, use)
    return [
        t for t in tokens if t != "." and len(t) >= min_len and not t.isdigit() and t not in stop
    ]


def _stop_set(stopwords: bool | Iterable[str]) -> frozenset[str] | set[str]:
    if stopwords is True:
        return stop_words()
    if stopwords is False or stopwords is None:
        return frozenset()
    if isinstance(stopwords, str):
        raise DataError("stopwords must be True, False or a collection of words, not a string.")
    return {str(w).lower() for w in stopwords}


def tokenize(
    texts: str | Iterable[str] | pd.Series,
    lang: Lang = "auto",
    *,
    stopwords: bool | Iterable[str] = False,
    join_negation: bool = False,
    min_len: int = 1,
) -> list[str] | list[list[str]] | pd.Series:
    """Split texts into words: jieba for Chinese, a plain tokenizer for English.

    Parameters
    ----------
    texts : str, list of str or pandas Series
        One text gives one list of tokens; a list gives a list of lists; a Series gives
        a Series of lists with the same index. ``None`` / ``NaN`` give ``[]``.
    lang : {"auto", "zh", "en"}
        ``"auto"`` decides per text (:func:`detect_lang`), so a mixed column works.
    stopwords : bool or collection of str
        ``True`` drops cxlab's stop words (:func:`stop_words`); a collection drops
        those words instead. Negations are never in the built-in lists.
    join_negation : bool
        Attach a negation to the next content word, so counts keep their polarity:
        "wasn't very clean" → ``not_clean``, 不太干净 → ``不太干净``.
    min_len : int
        Drop shorter tokens (1 keeps single Chinese characters such as 脏, 贵).

    Returns
    -------
    list of str, list of lists, or Series of lists
        Lowercased tokens without punctuation, emoji or bare numbers. English ``n't``
        becomes ``not`` (``wasn't`` → ``was``, ``not``).

    Examples
    --------
    >>> tokenize("酒店的服务态度非常好，但是早餐太贵了", lang="zh")
    ['酒店', '的', '服务态度', '非常', '好', '但是', '早餐', '太贵', '了']
    >>> tokenize("The room wasn't very clean!", join_negation=True, stopwords=True)
    ['room', 'not_clean']
    """
    _check_lang(lang)
    items, index, single = _texts(texts)
    stop = _stop_set(stopwords)
    out = [_tokenize_one(t, lang, stop, join_negation, min_len) for t in items]
    if single:
        return out[0]
    if index is not None:
        import pandas as pd

        return pd.Series(out, index=index, name="tokens", dtype=object)
    return out


def _token_lists(
    texts: Any, lang: Lang, stopwords: bool | Iterable[str], join_negation: bool, min_len: int
) -> tuple[list[list[str]], Any]:
    """Token lists of texts (or already tokenized lists), and the index."""
    _check_lang(lang)
    items, index, _ = _texts(texts, tokens_ok=True)
    stop = _stop_set(stopwords)
    out = []
    for item in items:
        if isinstance(item, list | tuple):
            out.append([str(t) for t in item if str(t) not in stop])
        else:
            out.append(_tokenize_one(item, lang, stop, join_negation, min_len))
    return out, index
