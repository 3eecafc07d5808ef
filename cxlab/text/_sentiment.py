"""Sentiment, alerts (per text and as rates per group) and agreement with star ratings
for :mod:`cxlab.text` (the functions are used as ``cx.text.sentiment`` etc.)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from cxlab.errors import DataError
from cxlab.text._common import LABELS, THRESHOLD, Lang, _check_lang, _texts, detect_lang
from cxlab.text._lexicon import _w
from cxlab.text.tokens import _tokens_en

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["HOTEL_TOPICS", "agreement", "alert_rates", "alerts", "confusion", "sentiment"]

_EN_CLAUSE = re.compile(r"[.,;:!?()\n]+|\s+-\s+")
_VADER: Any = None
# VADER's cost grows with the square of a text's length (for every sentiment word its
# negation and idiom checks lowercase the whole text again): 43 KB took 3 s and 1 MB
# would take many minutes. Longer English texts are therefore scored in pieces of at
# most this many characters, cut at sentence ends (else at a space).
MAX_PIECE = 1_000
_ENDS = ".!?\n"


# ---------------------------------------------------------------------- sentiment
def _vader() -> Any:
    global _VADER
    if _VADER is None:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        _VADER = SentimentIntensityAnalyzer()
    return _VADER


def _pieces(text: str, limit: int = MAX_PIECE) -> list[str]:
    """*text* cut into pieces of at most *limit* characters: whole sentences where
    possible, else cut at the last space (else hard). Linear in ``len(text)``."""
    if len(text) <= limit:
        return [text]
    out, pos, n = [], 0, len(text)
    while n - pos > limit:
        end = pos + limit
        cut = max(text.rfind(ch, pos, end) for ch in _ENDS) + 1
        if cut <= pos:
            cut = text.rfind(" ", pos, end)
            cut = end if cut <= pos else cut
        out.append(text[pos:cut])
        pos = cut
    out.append(text[pos:])
    return [p for p in out if p.strip()]


def _compound_en(text: str) -> float:
    """VADER's compound of *text*; above MAX_PIECE characters the length-weighted mean of
    the compounds of its :func:`_pieces` (VADER's authors average sentence scores of
    longer texts)."""
    vader = _vader()
    pieces = _pieces(text)
    if len(pieces) == 1:
        return float(vader.polarity_scores(pieces[0])["compound"])
    scores = [float(vader.polarity_scores(p)["compound"]) for p in pieces]
    sizes = [len(p) for p in pieces]
    return sum(c * k for c, k in zip(scores, sizes, strict=True)) / sum(sizes)


def _score_en(text: str) -> tuple[float, list[tuple[str, float]]]:
    """VADER's compound, and its lexicon words (× −0.74 after a negation, as VADER does)."""
    from vaderSentiment.vaderSentiment import NEGATE

    vader = _vader()
    compound = _compound_en(text)
    tokens = [t for t in _tokens_en(text) if t != "."]  # VADER ignores punctuation here
    negations = {*NEGATE, "not", "no", "never"}
    hits = []
    for i, tok in enumerate(tokens):
        if tok in vader.lexicon:
            flips = sum(t in negations for t in tokens[max(0, i - 3) : i])
            value = float(vader.lexicon[tok]) * (-0.74) ** flips
            hits.append((f"not {tok}" if flips % 2 else tok, round(value, 2)))
    return compound, hits


def _score(text: str, lang: str) -> tuple[str, float, list[tuple[str, float]]]:
    use = detect_lang(text) if lang == "auto" else lang
    if use == "zh":
        from cxlab.text import _zh as _text_zh

        compound, hits = _text_zh.score(text)
    else:
        compound, hits = _score_en(text)
    return use, compound, hits


def _label(compound: float, threshold: float) -> str:
    if compound >= threshold:
        return "positive"
    return "negative" if compound <= -threshold else "neutral"


def sentiment(
    texts: str | Iterable[str] | pd.Series,
    lang: Lang = "auto",
    *,
    threshold: float = THRESHOLD,
) -> pd.DataFrame:
    """Lexicon sentiment of each text, offline: VADER for English, cxlab's lexicon for
    Chinese.

    English uses VADER 3.3 (Hutto & Gilbert 2014; MIT licence): 7,500 rated words with
    rules for negation, degree adverbs, "but", capitals, exclamation marks and emoji.
    Chinese uses the same recipe on jieba tokens and cxlab's lexicon
    (``cxlab/text/_lexicon.py``, ≈ 560 words rated −3 … 3): a negation within the three
    words before a sentiment word flips and dampens it (× −0.74; 不太 × −0.5), degree
    adverbs scale it (极其 × 1.6, 很 × 1.3, 比较 × 1.0, 有点 × 0.7), 太 / 有点 before a
    neutral scalar adjective (小, 远, 慢) make a complaint, the clause after 但是 / 不过 /
    可惜 weighs 1.5 and the clauses before it 0.5, exclamation marks amplify. The sum is
    normalised as in VADER: compound = s / √(s² + 15).

    Length limit: English texts longer than 1,000 characters (``MAX_PIECE``) are not
    given to VADER whole — its running time grows with the square of the length, so a
    1 MB review would not finish. They are cut into pieces of at most 1,000 characters
    at sentence ends (else at a space) and ``compound`` is the length-weighted mean of
    the pieces' compounds; ``words`` still lists every sentiment word of the text.
    Texts up to 1,000 characters are scored whole, exactly as by VADER. The Chinese
    scorer works clause by clause and is linear in the length already.

    Parameters
    ----------
    texts : str, list of str or Series
    lang : {"auto", "zh", "en"}
        ``"auto"`` decides per text.
    threshold : float
        compound ≥ threshold is ``positive``, ≤ −threshold ``negative``, otherwise
        ``neutral`` (VADER's convention: 0.05).

    Returns
    -------
    DataFrame
        One row per text (the Series' index is kept): ``lang``, ``compound`` (−1 … 1),
        ``label`` and ``words`` — the sentiment words found with their valence
        (Chinese: after negation and degree; English: VADER's lexicon value, × −0.74 after
        a negation). Missing or
        empty texts get ``NaN`` and a missing label.

    Examples
    --------
    >>> sentiment(["早餐不太好吃", "Breakfast was great!"])
      lang  compound     label               words
    0   zh   -0.2500  negative         不太好吃 -1.0
    1   en    0.6588  positive          great +3.1

    In R: ``vader::vader_df(text)`` for English.
    """
    import numpy as np
    import pandas as pd

    _check_lang(lang)
    items, index, _ = _texts(texts)
    rows = []
    for text in items:
        if text is None or not text.strip():
            rows.append((None, np.nan, None, ""))
            continue
        use, compound, hits = _score(text, lang)
        words = "; ".join(f"{w} {v:+.1f}" for w, v in hits)
        rows.append((use, round(compound, 4), _label(compound, threshold), words))
    frame = pd.DataFrame(rows, columns=["lang", "compound", "label", "words"])
    frame["compound"] = frame["compound"].astype(float)
    if index is not None:
        frame.index = index
    return frame


# ------------------------------------------------------------------------- alerts
def _clauses(text: str, lang: str) -> list[tuple[str, float]]:
    """Each clause of *text* with its own compound score."""
    if lang == "zh":
        from cxlab.text import _zh as _text_zh

        return [(c, _text_zh.normalize(v)) for c, v, _ in _text_zh.clause_scores(text)]
    parts = [p.strip() for p in _EN_CLAUSE.split(text) if p.strip()]
    return [(p, _compound_en(p)) for p in parts]


def alerts(
    texts: Iterable[str] | pd.Series,
    topic_words: str | Iterable[str],
    lang: Lang = "auto",
    *,
    threshold: float = -THRESHOLD,
    top: int | None = None,
) -> pd.DataFrame:
    """Negative comments about a topic, worst first: a list for service recovery.

    A text is an alert when a clause that mentions one of *topic_words* (case-free
    substring match, so 早餐 also finds 早餐券) scores at most *threshold*. Scoring the
    clause, not the whole review, keeps "早餐很好，但是房间很脏" off the breakfast list.

    Parameters
    ----------
    texts : list of str or Series
        A Series' index is kept, so ``df.loc[alerts(df["text"], …).index]`` gives the
        reviews' other columns (hotel, date, guest).
    topic_words : str or collection of str
        Words of the topic in any language, e.g. ``["早餐", "breakfast"]``.
    threshold : float
        Highest clause score that still raises an alert (default −0.05).
    top : int, optional
        Keep the *top* worst alerts.

    Returns
    -------
    DataFrame
        ``text``, ``lang``, ``mention`` (the worst clause about the topic),
        ``topic_score`` (its compound) and ``compound`` (the whole text), sorted by
        ``topic_score``.

    Examples
    --------
    >>> reviews = ["早餐很好，但是房间很脏", "早餐太贵了", "The breakfast was awful, the bed fine."]
    >>> alerts(reviews, ["早餐", "breakfast"])[["mention", "topic_score"]]
                       mention  topic_score
    1                    早餐太贵了      -0.6369
    2  The breakfast was awful      -0.4588
    """
    import pandas as pd

    _check_lang(lang)
    if isinstance(topic_words, str):
        topic_words = [topic_words]
    topics = [str(w).lower() for w in topic_words if str(w).strip()]
    if not topics:
        raise DataError("topic_words is empty: give the words of the topic, e.g. ['早餐'].")
    items, index, _ = _texts(texts)
    positions = list(index) if index is not None else list(range(len(items)))
    rows = []
    for pos, text in zip(positions, items, strict=True):
        if not text or not any(w in text.lower() for w in topics):
            continue
        use = detect_lang(text) if lang == "auto" else lang
        hits = [(c, s) for c, s in _clauses(text, use) if any(w in c.lower() for w in topics)]
        if not hits:
            continue
        clause, worst = min(hits, key=lambda h: h[1])
        if worst <= threshold:
            rows.append((pos, text, use, clause, round(worst, 4), round(_score(text, use)[1], 4)))
    frame = pd.DataFrame(
        rows, columns=["index", "text", "lang", "mention", "topic_score", "compound"]
    ).set_index("index")
    frame.index.name = index.name if index is not None else None
    frame = frame.sort_values(["topic_score", "compound"], kind="stable")
    return frame.head(top) if top is not None else frame


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


# -------------------------------------------------------- sentiment against stars
def _labels_and_stars(labels: Any, stars: Any) -> tuple[Any, Any]:
    import pandas as pd

    if isinstance(labels, pd.DataFrame):
        if "label" not in labels:
            raise DataError("labels is a DataFrame without a 'label' column: pass sentiment(...).")
        labels = labels["label"]
    lab = pd.Series(list(labels), dtype=object)
    st = pd.to_numeric(pd.Series(list(stars)), errors="coerce")
    if len(lab) != len(st):
        raise DataError(f"labels has {len(lab)} values but stars has {len(st)}; give one per text.")
    unknown = set(lab.dropna()) - set(LABELS)
    if unknown:
        raise DataError(f"labels must be {LABELS} (sentiment()['label']); found {sorted(unknown)}.")
    return lab, st


def _bands(low: int, high: int) -> list[str]:
    """Row labels: ≤ low, the ratings between, ≥ high."""
    mid = f"{low + 1}" if high - low == 2 else f"{low + 1}–{high - 1}"
    return [f"≤ {low} stars", f"{mid} stars", f"≥ {high} stars"]


def _star_band(st: Any, low: int, high: int) -> Any:
    import numpy as np
    import pandas as pd

    lo, mid, hi = _bands(low, high)
    band = np.select([st <= low, st >= high, st.notna()], [lo, hi, mid], default="")
    return pd.Series(band).replace("", None)


def confusion(
    labels: pd.Series | pd.DataFrame | Sequence[str],
    stars: Sequence[float] | pd.Series,
    *,
    low: int = 2,
    high: int = 4,
) -> pd.DataFrame:
    """Cross-table of star band (≤ *low*, between, ≥ *high*) by sentiment label.

    Parameters
    ----------
    labels : sentiment()'s DataFrame, or its ``label`` column
    stars : array-like of star ratings, one per text
    low, high : int
        Ratings ≤ *low* should be negative, ≥ *high* positive.

    Returns
    -------
    DataFrame
        Counts; rows are star bands, columns negative / neutral / positive (and
        ``missing`` for texts without a score, if any).

    Examples
    --------
    >>> confusion(["negative", "positive", "neutral"], [1, 5, 3])
    label        negative  neutral  positive
    stars
    ≤ 2 stars           1        0         0
    3 stars             0        1         0
    ≥ 4 stars           0        0         1

    In R: ``table(stars_band, label)``.
    """
    import pandas as pd

    lab, st = _labels_and_stars(labels, stars)
    band = _star_band(st, low, high)
    cols = LABELS + (["missing"] if lab.isna().any() else [])
    rows = _bands(low, high)
    table = pd.crosstab(band.rename("stars"), lab.fillna("missing").rename("label"))
    return table.reindex(index=rows, columns=cols, fill_value=0).astype("int64")


def agreement(
    labels: pd.Series | pd.DataFrame | Sequence[str],
    stars: Sequence[float] | pd.Series,
    *,
    low: int = 2,
    high: int = 4,
) -> float:
    """Share of low-star (≤ *low*) and high-star (≥ *high*) texts whose sentiment label
    has the stars' polarity; middle ratings are left out, and a ``neutral`` or missing
    label counts as a miss.

    >>> agreement(["negative", "neutral", "positive", "positive"], [1, 2, 3, 5])
    0.6666666666666666
    """
    lab, st = _labels_and_stars(labels, stars)
    want = _star_band(st, low, high).map(
        {f"≤ {low} stars": "negative", f"≥ {high} stars": "positive"}
    )
    mask = want.notna()
    if not mask.any():
        raise DataError(f"No rating is ≤ {low} or ≥ {high} stars: nothing to compare.")
    return float((lab[mask] == want[mask]).mean())
