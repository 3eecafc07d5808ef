"""Exercises of lesson 12: the voice of the customer in Chinese and English reviews."""

from __future__ import annotations

from functools import lru_cache

from cxlab.exercises.registry import Exercise, register


@lru_cache(maxsize=1)
def _reviews():
    """voc_reviews with the lesson's sentiment columns (cached: one pass takes ~1 s)."""
    from cxlab import datasets, text

    df = datasets.load("voc_reviews")
    return df.join(text.sentiment(df["text"])[["compound", "label"]])


def _agree_zh() -> float:
    from cxlab import text

    zh = _reviews()[_reviews()["lang"] == "zh"]
    return text.agreement(zh["label"], zh["stars"])


def _detractor_word_en() -> str:
    import numpy as np

    from cxlab import text

    en = _reviews()[_reviews()["lang"] == "en"]
    group = np.select([en["stars"] <= 2, en["stars"] >= 4], ["detractor", "promoter"], None)
    kw = text.keywords_by_group(en["text"], group, top=1)
    return str(kw.loc[kw["group"] == "detractor", "word"].iloc[0])


def _breakfast_alerts() -> int:
    from cxlab import text

    return len(text.alerts(_reviews()["text"], ["早餐", "breakfast"]))


def _cleanliness_hotel() -> str:
    from cxlab import text

    df = _reviews()
    rates = text.alert_rates(df["text"], df["hotel"])
    return str(rates["cleanliness"].idxmax())


register(
    Exercise(
        id="12.agree_zh",
        prompt="Share of the 1-2 and 4-5 star Chinese reviews whose sentiment label has the "
        "stars' polarity?",
        solution=_agree_zh,
        wrong=lambda: 0.856,
        tol=0.001,
        hint="cx.text.agreement(sent['label'], stars) on the rows with lang == 'zh' — the "
        "English share is the other number in the table.",
        explanation="About .95 for Chinese (English: .86 with VADER). On simulated reviews "
        "written from common phrases; expect less on real ones (sarcasm, slang, typos).",
    )
)

register(
    Exercise(
        id="12.detractor_word_en",
        prompt="Top English keyword of detractors (1-2 stars) against promoters (4-5 stars)?",
        kind="text",
        synonyms={"won't come back": "not_come", "not come back": "not_come"},
        solution=_detractor_word_en,
        wrong=lambda: "slow",
        hint="cx.text.keywords_by_group(en['text'], group) — the first row of the "
        "detractor group (largest z). Negations are joined to the next word.",
        explanation="not_come — 'won't come back': a loyalty intention, not an aspect. Joining "
        "the negation keeps it apart from 'come back', which promoters write.",
    )
)

register(
    Exercise(
        id="12.breakfast_alerts",
        prompt="How many reviews are breakfast alerts (topic words 早餐 and breakfast)?",
        solution=_breakfast_alerts,
        wrong=lambda: 206,
        tol=0,
        hint="len(cx.text.alerts(df['text'], ['早餐', 'breakfast'])) — an alert is a "
        "negative clause about the topic, not every review that mentions it.",
        explanation="41 of the 2,000 reviews — few enough for a duty manager to read and "
        "answer each one within a day.",
    )
)

register(
    Exercise(
        id="12.cleanliness_hotel",
        prompt="Which hotel has the most negative cleanliness mentions per 100 reviews?",
        kind="text",
        synonyms={
            "skyport": "Skyport Airport Hotel",
            "airport": "Skyport Airport Hotel",
            "airport hotel": "Skyport Airport Hotel",
            "skyport airport": "Skyport Airport Hotel",
        },
        solution=_cleanliness_hotel,
        wrong=lambda: "Old Town Garden Hotel",
        hint="cx.text.alert_rates(df['text'], df['hotel']) and the column cleanliness.",
        explanation="The Skyport Airport Hotel: about 10 per 100 reviews, two to three times "
        "the others — the simulated housekeeping problem, visible in the words.",
    )
)
