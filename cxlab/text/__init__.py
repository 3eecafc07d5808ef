"""Voice of the customer (顾客之声, VoC): tokens, word frequencies, keyword contrasts,
lexicon sentiment and service-recovery alerts, for Chinese and English text, offline.

- :func:`tokenize` — jieba for Chinese, a plain tokenizer for English; ``lang="auto"``
  decides per text by the share of Chinese characters (:func:`detect_lang`).
- :func:`word_freq` and :func:`keywords_by_group` — what customers talk about, and what
  one group (detractors) says more than the rest: weighted log-odds with an informative
  Dirichlet prior (Monroe, Colaresi & Quinn 2008) and a χ² test.
- :func:`sentiment` — VADER (Hutto & Gilbert 2014) for English; for Chinese a
  VADER-style scorer over cxlab's documented lexicon (``cxlab/text/_lexicon.py``) with
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

from cxlab.text._common import detect_lang
from cxlab.text._sentiment import (
    HOTEL_TOPICS,
    agreement,
    alert_rates,
    alerts,
    confusion,
    sentiment,
)
from cxlab.text.frequencies import keywords_by_group, plot_words, word_freq
from cxlab.text.tokens import stop_words, tokenize

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
