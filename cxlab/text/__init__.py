"""Voice of the customer (顾客之声, VoC): tokens, word frequencies, keyword contrasts,
lexicon sentiment and service-recovery alerts, for Chinese and English text, offline.

- :func:`tokenize` — jieba for Chinese, a plain tokenizer for English; ``lang="auto"``
  decides per text by the share of Chinese characters (:func:`detect_lang`).
- :func:`word_freq` and :func:`keywords_by_group` — what customers talk about, and what
  one group (detractors) says more than the rest: weighted log-odds with an informative
  Dirichlet prior (Monroe, Colaresi & Quinn 2008) and a χ² test.
- :func:`sentiment` — VADER (Hutto & Gilbert 2014) for English; for Chinese a
  VADER-style scorer over cxlab's documented lexicon (``cxlab/_text_lexicon.py``) with
  negation (不干净), degree adverbs (非常, 有点) and contrast (但是).
- :func:`alerts` — negative mentions of a topic (早餐 / breakfast), worst first.
- :func:`confusion` and :func:`agreement` — sentiment against star ratings.

Missing texts (``None``, ``NaN``) are empty texts: no tokens, and sentiment ``NaN``.
Any other non-string value (a number, say) raises :class:`~cxlab.errors.DataError`
naming its position — usually the wrong column was passed.

Examples
--------
>>> import cxlab as cx
>>> cx.text.tokenize("早餐太贵了，服务态度很好", lang="zh", stopwords=True)
['早餐', '太贵', '服务态度', '好']
>>> cx.text.sentiment(["The room wasn't clean.", "房间很干净"])[["lang", "label"]]
  lang     label
0   en  negative
1   zh  positive
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal

from cxlab.errors import DataError
from cxlab.text import _lexicon as lx
from cxlab.text._common import Lang, _check_lang, _texts, detect_lang
from cxlab.text._lexicon import _w
from cxlab.text._sentiment import agreement, alerts, confusion, sentiment

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = [
    "HOTEL_TOPICS",
    "agreement",
    "alert_rates",
    "alerts",
    "confusion",
    "detect_lang",
    "keywords_by_group",
    "plot_words",
    "sentiment",
    "stop_words",
    "tokenize",
    "word_freq",
]

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

    Written for cxlab (see ``cxlab/_text_lexicon.py``); negations (not, no, 不, 没) are
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


# -------------------------------------------------------------------- frequencies
def word_freq(
    texts: str | Iterable[str] | Iterable[list[str]] | pd.Series,
    lang: Lang = "auto",
    *,
    stopwords: bool | Iterable[str] = True,
    join_negation: bool = True,
    min_len: int = 1,
    top: int | None = None,
) -> pd.DataFrame:
    """Word frequencies: how often each word occurs, and in how many texts.

    Parameters
    ----------
    texts : texts, or token lists from :func:`tokenize`
    lang, stopwords, join_negation, min_len
        As in :func:`tokenize` (here stop words are dropped and negations joined by
        default).
    top : int, optional
        Keep the *top* most frequent words.

    Returns
    -------
    DataFrame
        ``word``, ``n`` (occurrences), ``texts`` (texts containing it) and ``share``
        (``texts`` / number of non-missing texts), most frequent first.

    Examples
    --------
    >>> word_freq(["早餐很好", "早餐太贵了", "wifi fast"]).head(2)
      word  n  texts     share
    0   早餐  2      2  0.666667
    1   fast  1      1  0.333333
    """
    import pandas as pd

    items, _ = _token_lists(texts, lang, stopwords, join_negation, min_len)
    n_texts = sum(1 for t in items if t is not None)
    counts: Counter[str] = Counter()
    docs: Counter[str] = Counter()
    for toks in items:
        counts.update(toks)
        docs.update(set(toks))
    table = pd.DataFrame(
        {"word": list(counts), "n": list(counts.values()), "texts": [docs[w] for w in counts]},
        columns=["word", "n", "texts"],
    ).astype({"word": object, "n": "int64", "texts": "int64"})
    table["share"] = table["texts"] / n_texts if n_texts else 0.0
    table = table.sort_values(["n", "texts", "word"], ascending=[False, False, True])
    table = table.reset_index(drop=True)
    return table.head(top) if top is not None else table


def keywords_by_group(
    texts: Iterable[str] | Iterable[list[str]] | pd.Series,
    groups: Sequence[Any] | pd.Series,
    lang: Lang = "auto",
    *,
    stopwords: bool | Iterable[str] = True,
    join_negation: bool = True,
    min_count: int = 5,
    top: int | None = 10,
) -> pd.DataFrame:
    """Words that one group uses more than the others (each group against the rest).

    The contrast is the weighted log-odds ratio with an informative Dirichlet prior
    (Monroe, Colaresi & Quinn 2008, eq. 22), the prior being the word's count in the
    whole corpus (as in R's tidylo): for word *w*, group *i* and the rest *j*,

    δ = log[(y_wi + α_w) / (n_i + α_0 − y_wi − α_w)] − log[(y_wj + α_w) / (n_j + α_0 −
    y_wj − α_w)],  σ² ≈ 1/(y_wi + α_w) + 1/(y_wj + α_w),  z = δ / σ.

    The prior shrinks rare words towards zero, so a word said twice by one group does
    not top the list. ``chi2`` / ``p_value`` are Pearson's χ² (df = 1, no continuity
    correction) of the 2×2 table word × group. Tokens are not independent draws (one
    angry review repeats its words), so treat z and p as a ranking, not as tests.

    Parameters
    ----------
    texts : texts or token lists
    groups : array-like, same length as *texts*
        Group of each text (e.g. ``"detractor"`` / ``"promoter"``); texts with a
        missing group are left out.
    min_count : int
        Words occurring fewer times in the whole corpus are left out.
    top : int or None
        Rows per group (largest z first); ``None`` keeps every word.

    Returns
    -------
    DataFrame
        ``group``, ``word``, ``n`` and ``n_rest`` (counts), ``per_1000`` and
        ``per_1000_rest`` (per 1,000 tokens), ``log_odds`` (δ), ``z``, ``chi2``,
        ``p_value``.

    Examples
    --------
    >>> texts = ["房间很脏", "房间太脏了", "早餐很好", "早餐不错"]
    >>> kw = keywords_by_group(texts, ["low", "low", "high", "high"], min_count=1, top=1)
    >>> kw[["group", "word", "n", "z"]].round(3)
      group word  n      z
    0   low   房间  2  1.058
    1  high   早餐  2  1.058

    In R: ``tidylo::bind_log_odds(counts, group, word, n)``.
    """
    import numpy as np
    import pandas as pd
    from scipy import stats

    tokens, _ = _token_lists(texts, lang, stopwords, join_negation, 1)
    groups = list(groups)
    if len(groups) != len(tokens):
        raise DataError(
            f"groups has {len(groups)} values but texts has {len(tokens)}: give one group "
            "per text (e.g. df['segment'] for df['text'])."
        )
    counts: dict[Any, Counter[str]] = {}
    for toks, g in zip(tokens, groups, strict=True):
        if g is None or (isinstance(g, float) and math.isnan(g)) or g is pd.NA:
            continue
        counts.setdefault(g, Counter()).update(toks)
    if len(counts) < 2:
        raise DataError(
            f"keywords_by_group needs at least two groups with text; found {list(counts)}."
        )
    table = pd.DataFrame(counts).fillna(0.0)
    total = table.sum(axis=1)
    table = table[total >= min_count]
    if table.empty:
        raise DataError(f"No word occurs at least min_count={min_count} times; lower min_count.")
    y_w = table.sum(axis=1).to_numpy()
    n_total = float(y_w.sum())
    rows = []
    for g in table.columns:
        y_i = table[g].to_numpy()
        y_j = y_w - y_i
        n_i = y_i.sum()
        n_j = n_total - n_i
        a_w, a_0 = y_w, n_total
        delta = np.log((y_i + a_w) / (n_i + a_0 - y_i - a_w)) - np.log(
            (y_j + a_w) / (n_j + a_0 - y_j - a_w)
        )
        z = delta / np.sqrt(1.0 / (y_i + a_w) + 1.0 / (y_j + a_w))
        a, b, c, d = y_i, n_i - y_i, y_j, n_j - y_j
        denom = (a + b) * (c + d) * (a + c) * (b + d)
        chi2 = np.where(
            denom > 0, n_total * (a * d - b * c) ** 2 / np.where(denom > 0, denom, 1), 0.0
        )
        part = pd.DataFrame(
            {
                "group": g,
                "word": table.index,
                "n": y_i.astype("int64"),
                "n_rest": y_j.astype("int64"),
                "per_1000": 1000 * y_i / n_i if n_i else 0.0,
                "per_1000_rest": 1000 * y_j / n_j if n_j else 0.0,
                "log_odds": delta,
                "z": z,
                "chi2": chi2,
                "p_value": stats.chi2.sf(chi2, 1),
            }
        ).sort_values(["z", "word"], ascending=[False, True])
        rows.append(part.head(top) if top is not None else part)
    return pd.concat(rows, ignore_index=True)


def plot_words(
    table: pd.DataFrame,
    value: str = "n",
    *,
    top: int = 15,
    ax: Axes | None = None,
    color: str | None = None,
    title: str | None = None,
) -> Axes:
    """Horizontal bar chart of words (Chinese labels render: cxlab's CJK font is used).

    Parameters
    ----------
    table : DataFrame with a ``word`` column
        :func:`word_freq` or one group of :func:`keywords_by_group`.
    value : str
        Column for the bar length (``"n"``, ``"share"``, ``"z"`` …).
    top : int
        Bars to draw, largest on top.

    Examples
    --------
    >>> ax = plot_words(word_freq(["早餐很好", "早餐太贵了"]), top=3)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['早餐', '太贵', '好']
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    from cxlab import viz

    if "word" not in table or value not in table:
        raise DataError(f"table needs the columns 'word' and {value!r}; it has {list(table)}.")
    data = table.nlargest(top, value)
    cjk = viz.register_cjk_font()
    if ax is None:
        _, ax = viz.plt.subplots(figsize=(5, 0.3 * len(data) + 1))
    ax.barh(data["word"], data[value], color=color or viz.PALETTE[0])
    ax.invert_yaxis()
    ax.set(xlabel=value, ylabel="", title=title or "")
    if cjk is not None:  # Chinese glyphs even without cx.viz.set_theme(lang="zh")
        for text in [*ax.get_yticklabels(), ax.title, ax.xaxis.label]:
            text.set_fontfamily([viz.LATIN_FONT, cjk])
    return ax


#: words that name common hotel aspects, in Chinese and English, for :func:`alerts` and
#: :func:`alert_rates` (substring matches: 早餐 also finds 早餐券; extend them freely)
HOTEL_TOPICS: dict[str, list[str]] = {
    "cleanliness": _w("干净 卫生 脏 打扫 灰 异味 污 霉 clean dirty dust stain smell housekeeping"),
    "food": _w("早餐 餐厅 菜 咖啡 breakfast restaurant food coffee dinner buffet"),
    "check-in": _w("入住 退房 前台 排队 押金 check-in check-out checkout front desk queue"),
    "noise": _w("吵 噪音 隔音 安静 noise noisy loud quiet soundproof"),
    "wifi": _w("wifi wi-fi 网 信号 internet signal"),
    "service": _w("服务 员工 态度 服务员 staff service rude"),
}


def alert_rates(
    texts: Iterable[str] | pd.Series,
    by: Sequence[Any] | pd.Series,
    topics: dict[str, Iterable[str]] | None = None,
    lang: Lang = "auto",
    *,
    per: int = 100,
) -> pd.DataFrame:
    """Negative mentions of each topic per *per* texts, by group: an early-warning table.

    Tracked by unit (hotel, store) or by period, the rate of complaints about one topic
    shows *where* and *what* before an average score moves much.

    Parameters
    ----------
    texts : list of str or Series
    by : array-like, same length as *texts*
        The unit or period of each text (e.g. ``df["hotel"]``); missing ones left out.
    topics : dict of topic name → words, optional
        Default :data:`HOTEL_TOPICS`.
    per : int
        Rates per *per* texts of the group (100: per hundred reviews).

    Returns
    -------
    DataFrame
        One row per group (``n`` = its number of texts) and one column per topic.

    Examples
    --------
    >>> texts = ["早餐太贵了", "房间很脏", "房间很干净", "Dirty room."]
    >>> alert_rates(texts, ["A", "A", "B", "B"], {"clean": ["干净", "脏", "dirty"]})
       n  clean
    A  2   50.0
    B  2   50.0
    """
    import pandas as pd

    items, _, _ = _texts(texts)
    groups = pd.Series(list(by))
    if len(groups) != len(items):
        raise DataError(
            f"by has {len(groups)} values but texts has {len(items)}: give one group per text."
        )
    series = pd.Series(items, dtype=object)
    sizes = groups.value_counts(sort=False).sort_index()
    table = pd.DataFrame({"n": sizes.astype("int64")})
    for name, words in (topics or HOTEL_TOPICS).items():
        hits = alerts(series, list(words), lang).index
        counts = groups.iloc[hits].value_counts().reindex(sizes.index, fill_value=0)
        table[name] = per * counts / sizes
    table.index.name = None
    return table
