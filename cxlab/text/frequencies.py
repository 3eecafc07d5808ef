"""What customers talk about: word frequencies, keywords that set one group apart
(weighted log-odds, Monroe, Colaresi & Quinn 2008) and a bar chart of words, for
:mod:`cxlab.text`.

Examples
--------
>>> from cxlab.text.frequencies import word_freq
>>> word_freq(["早餐很好", "早餐太贵了"])["word"].tolist()
['早餐', '太贵', '好']
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from cxlab.errors import DataError
from cxlab.text._common import Lang
from cxlab.text.tokens import _token_lists

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

    from cxlab import viz

__all__ = ["keywords_by_group", "plot_words", "word_freq"]

#: the x-axis label of :func:`plot_words` for the columns of :func:`word_freq` and
#: :func:`keywords_by_group`, by language (English: the column name itself)
_WORDS = {
    "en": {},
    "zh": {
        "n": "出现次数",
        "texts": "包含该词的文本数",
        "share": "包含该词的文本占比",
        "n_rest": "其余各组中的出现次数",
        "per_1000": "每千词出现次数",
        "per_1000_rest": "其余各组每千词出现次数",
        "log_odds": "加权对数优势比 (δ)",
        "z": "加权对数优势比的 z 值",
        "chi2": "χ²",
        "p_value": "p 值",
    },
}


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
    lang: viz.Lang | None = None,
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
    lang : {"en", "zh"}, optional
        Language of the axis label: the column's name in English, what it counts in
        Chinese (``"n"`` → 出现次数); default: the notebook's (:func:`cxlab.viz.language`,
        set by ``cx.viz.set_theme(lang=...)``). The words are drawn as they are.

    Examples
    --------
    >>> ax = plot_words(word_freq(["早餐很好", "早餐太贵了"]), top=3)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['早餐', '太贵', '好']
    >>> ax.get_xlabel(), plot_words(word_freq(["breakfast was great"]), lang="zh").get_xlabel()
    ('n', '出现次数')
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    import matplotlib

    from cxlab import viz

    if "word" not in table or value not in table:
        raise DataError(f"table needs the columns 'word' and {value!r}; it has {list(table)}.")
    lang, words, family = viz.figure_words(lang, _WORDS)
    xlabel = words.get(value, value)
    data = table.nlargest(top, value)
    # family: Chinese glyphs even without cx.viz.set_theme(lang="zh")
    with matplotlib.rc_context({"font.family": family}):
        if ax is None:
            _, ax = viz.plt.subplots(figsize=(5, 0.3 * len(data) + 1))
        ax.barh(data["word"], data[value], color=color or viz.PALETTE[0])
        ax.invert_yaxis()
        ax.set(xlabel=xlabel, ylabel="", title=title or "")
        # also the texts of an axes made before, outside this font
        viz.refont(ax, family)
    return ax
