"""Simulate ``voc_reviews``: short hotel guest reviews in Chinese and English with a star
rating (lesson 12, voice of the customer: word frequencies, lexicon sentiment, alerts).

    python datasets/make/voc_reviews.py

The truth (also recorded in datapackage.json under ``simulation``):
- 2,000 reviews written in 2025 about four hotels of one group: a city business hotel,
  a beach resort, an airport hotel and an old-town hotel; each guest is on a business
  or a leisure trip and writes in simplified Chinese or in English (about half each);
- every review is composed from phrase pools (``_voc_phrases.py``): 1-3 aspect clauses
  (room, cleanliness, service, food, check-in, noise, location, value, wifi, pool_spa)
  with a positive, neutral or negative wording, joined by connectors that fit the turn
  of sentiment (而且 / 但是; and / but), with optional openers, closings and emojis;
- a review either reports a service failure (a concrete incident: hair on the sheets,
  rude staff, a lost booking, a broken air conditioner …) or not. Failure reviews get
  low stars (1-2 in about 2 of 3); the rest follow a J-shaped distribution (most 4-5);
  the aspects' sentiments follow the stars, and 3-star reviews with two or more aspects
  are usually mixed (one good, one bad);
- THE CLEANLINESS PROBLEM: the airport hotel has three to four times the failure rate
  of the other hotels, two in three of its failures are about cleanliness, guests mention
  cleanliness 1.8 times as often, and its other cleanliness mentions are more negative;
- business guests weight wifi x3 and check-in x2.2 (leisure guests: wifi x0.6), so they
  write about them far more often; leisure guests write more about the pool/spa and food.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _package import SIMULATED_LICENSES, register, simulated_sources
from _voc_phrases import POOLS, SLOTS

SEED = 20261124
N_REVIEWS = 2000
YEAR_START = pd.Timestamp("2025-01-01")

ASPECTS = [
    "room",
    "cleanliness",
    "service",
    "food",
    "check-in",
    "noise",
    "location",
    "value",
    "wifi",
    "pool_spa",
]
BASE_WEIGHT = np.array([1.0, 0.9, 1.0, 0.8, 0.5, 0.4, 0.7, 0.6, 0.3, 0.5])
SEGMENT_FACTOR = {
    "business": {"wifi": 3.0, "check-in": 2.2, "location": 1.2, "pool_spa": 0.4, "food": 0.8},
    "leisure": {"wifi": 0.6, "pool_spa": 1.4, "food": 1.2, "value": 1.2},
}
# name: (type tag, share of reviews, share of business guests, share in Chinese,
#        stars 1-5 without a failure, failure rate, aspect factors)
HOTELS = {
    "Riverside Business Hotel": (
        "city",
        0.32,
        0.72,
        0.55,
        [0.04, 0.05, 0.13, 0.34, 0.44],
        0.06,
        {"pool_spa": 0.3, "location": 1.2},
    ),
    "Coral Bay Beach Resort": (
        "resort",
        0.26,
        0.12,
        0.50,
        [0.03, 0.04, 0.11, 0.30, 0.52],
        0.05,
        {"pool_spa": 3.0, "location": 1.1, "value": 1.3},
    ),
    "Skyport Airport Hotel": (
        "airport",
        0.22,
        0.62,
        0.52,
        [0.06, 0.08, 0.18, 0.36, 0.32],
        0.20,
        {"pool_spa": 0.0, "noise": 1.5, "check-in": 1.3, "cleanliness": 1.8},
    ),
    "Old Town Garden Hotel": (
        "town",
        0.20,
        0.30,
        0.60,
        [0.04, 0.05, 0.14, 0.33, 0.44],
        0.06,
        {"pool_spa": 0.2, "location": 1.4},
    ),
}
DIRTY_HOTEL = "Skyport Airport Hotel"
DIRTY_CLEANLINESS_SHARE = 0.65  # of its failures
DIRTY_SHIFT = 0.30  # share of its positive cleanliness mentions turned negative (1-4 stars)
FAILURE_WEIGHT = {
    "room": 0.18,
    "cleanliness": 0.22,
    "service": 0.22,
    "food": 0.07,
    "check-in": 0.20,
    "noise": 0.03,
    "wifi": 0.06,
    "pool_spa": 0.02,
}
FAILURE_STARS = [0.36, 0.28, 0.20, 0.11, 0.05]
N_ASPECTS_P = [0.38, 0.42, 0.20]
POLARITIES = ["pos", "neu", "neg"]
# P(pos, neu, neg) of the first aspect and of the others, by stars 1-5
MAIN_SENTIMENT = {
    1: [0.0, 0.0, 1.0],
    2: [0.0, 0.15, 0.85],
    3: [0.30, 0.35, 0.35],
    4: [0.88, 0.12, 0.0],
    5: [1.0, 0.0, 0.0],
}
OTHER_SENTIMENT = {
    1: [0.04, 0.11, 0.85],
    2: [0.12, 0.23, 0.65],
    3: [0.35, 0.30, 0.35],
    4: [0.72, 0.18, 0.10],
    5: [0.93, 0.06, 0.01],
}
SIGN = {"pos": 1, "neu": 0, "neg": -1, "fail": -1}
LENGTH = {"zh": (8, 80), "en": (5, 60)}  # characters / words
P_OPENER, P_CLOSING, P_EMOJI, P_LOWER_EN = 0.40, 0.50, 0.12, 0.05


def _choice(rng: np.random.Generator, items: list[str]) -> str:
    return items[int(rng.integers(len(items)))]


def _pick(rng: np.random.Generator, lang: str, key: str, tags: tuple[str, ...]) -> str:
    """A phrase of pool *key* allowed for *tags*, with its slots filled."""
    pool = [p for tag, p in POOLS[lang][key] if tag is None or tag in tags]
    text = _choice(rng, pool)
    return re.sub(r"\{([A-Z])\}", lambda m: _choice(rng, SLOTS[lang][m[1]]), text)


def _aspect_weights(hotel: str, segment: str) -> np.ndarray:
    w = BASE_WEIGHT.copy()
    for factors in (SEGMENT_FACTOR[segment], HOTELS[hotel][6]):
        for aspect, f in factors.items():
            w[ASPECTS.index(aspect)] *= f
    return w


def _plan(
    rng: np.random.Generator, hotel: str, segment: str, stars: int, failure: bool
) -> list[tuple[str, str]]:
    """The review's aspects in order of mention, each with its polarity."""
    w = _aspect_weights(hotel, segment)
    k = int(rng.choice(3, p=N_ASPECTS_P)) + 1
    plan: list[tuple[str, str]] = []
    if failure:
        if hotel == DIRTY_HOTEL and rng.random() < DIRTY_CLEANLINESS_SHARE:
            first = "cleanliness"
        else:
            fw = np.array([FAILURE_WEIGHT.get(a, 0.0) for a in ASPECTS]) * w
            if hotel == DIRTY_HOTEL:
                fw[ASPECTS.index("cleanliness")] = 0.0
            first = ASPECTS[int(rng.choice(len(ASPECTS), p=fw / fw.sum()))]
        plan.append((first, "fail"))
        w[ASPECTS.index(first)] = 0.0
    k_rest = min(k - len(plan), int((w > 0).sum()))
    if k_rest > 0:
        for i in rng.choice(len(ASPECTS), size=k_rest, replace=False, p=w / w.sum()):
            table = OTHER_SENTIMENT if plan else MAIN_SENTIMENT
            p = np.array(table[stars], dtype=float)
            aspect = ASPECTS[int(i)]
            if hotel == DIRTY_HOTEL and aspect == "cleanliness" and stars < 5:
                p = p + np.array([-DIRTY_SHIFT * p[0], 0.0, DIRTY_SHIFT * p[0]])
            plan.append((aspect, POLARITIES[int(rng.choice(3, p=p))]))
    same_tone = len({SIGN[pol] for _, pol in plan}) == 1
    if stars == 3 and len(plan) >= 2 and same_tone and rng.random() < 0.7:
        aspect, pol = plan[1]  # a 3-star review with two or more aspects is mostly mixed
        plan[1] = (aspect, "neg" if SIGN[pol] >= 0 else "pos")
    return plan


def _compose(
    rng: np.random.Generator,
    lang: str,
    tags: tuple[str, ...],
    stars: int,
    plan: list[tuple[str, str]],
    opener: bool,
    closing: bool,
) -> str:
    """Write one review from its plan; *opener* and *closing* add the framing sentences."""
    tone = "pos" if stars >= 4 else ("neu" if stars == 3 else "neg")
    zh = lang == "zh"
    body, prev, last_conn = "", None, ""
    for aspect, pol in plan:
        clause = _pick(rng, lang, f"{aspect}.{pol}", tags)
        sign = SIGN[pol]
        if pol == "fail":
            if stars <= 2 and rng.random() < 0.7:
                clause += _pick(rng, lang, "aggr", tags)
            elif stars >= 4 or (stars == 3 and rng.random() < 0.75):
                clause += _pick(rng, lang, "recov", tags)
                sign = 1  # put right: what follows continues in a positive tone
        if prev is None:
            body = clause
        else:
            turn = SIGN[pol] - prev
            kind = "same" if turn == 0 else ("to_pos" if turn > 0 else "to_neg")
            if pol == "neu":  # 好在 / unfortunately do not lead to a so-so remark
                kind = "same" if prev < 0 else kind.replace("to_neg", "to_neu")
            conn = ""
            if rng.random() < (0.5 if kind == "same" else 0.85):
                conn = _pick(rng, lang, f"conn.{kind}", tags)
                if conn == last_conn:  # no 但是 … 但是
                    conn = _pick(rng, lang, f"conn.{kind}", tags)
            if zh:
                body += ("，" if rng.random() < 0.7 else "。") + conn + clause
            else:
                body += (conn or ", and") + " " + clause
            last_conn = conn
        prev = sign
    strong = tone != "neu" and rng.random() < 0.3
    body += ("！" if strong else "。") if zh else ("!" if strong else ".")
    parts = [body]
    if opener:
        kind = "any" if rng.random() < 0.5 else tone
        if kind == "any" and not any(t for t, _ in POOLS[lang]["open.any"] if t in tags):
            kind = tone
        parts.insert(0, _pick(rng, lang, f"open.{kind}", tags))
    if closing:
        parts.append(_pick(rng, lang, f"close.{stars}", tags))
    if rng.random() < P_EMOJI:
        parts.append(_pick(rng, lang, f"emoji.{tone}", tags))
    if zh:
        return "".join(parts).replace("还有有", "还有")
    text = re.sub(r"(^|[.!?]\s+)([a-z])", lambda m: m[1] + m[2].upper(), " ".join(parts))
    if rng.random() < P_LOWER_EN:
        text = text.lower().rstrip(".")
    return text


def _length(text: str, lang: str) -> int:
    return len(text) if lang == "zh" else len(text.split())


def build(seed: int = SEED) -> pd.DataFrame:
    """The dataset as a DataFrame (deterministic for a seed)."""
    rng = np.random.default_rng(seed)
    names = list(HOTELS)
    hotel_idx = rng.choice(len(names), size=N_REVIEWS, p=[HOTELS[h][1] for h in names])
    u_segment, u_lang, u_fail = rng.random((3, N_REVIEWS))
    days = np.arange(365)
    month = (YEAR_START + pd.to_timedelta(days, unit="D")).month.to_numpy()
    season = {
        "business": np.where(np.isin(month, [2, 8]), 0.6, 1.0),
        "leisure": np.select([np.isin(month, [7, 8]), np.isin(month, [2, 10])], [1.6, 1.4], 1.0),
    }
    rows = []
    for i in range(N_REVIEWS):
        hotel = names[hotel_idx[i]]
        tag, _, business, zh_share, star_p, fail_rate, _ = HOTELS[hotel]
        segment = "business" if u_segment[i] < business else "leisure"
        lang = "zh" if u_lang[i] < zh_share else "en"
        failure = bool(u_fail[i] < fail_rate)
        stars = int(rng.choice(5, p=FAILURE_STARS if failure else star_p)) + 1
        day = int(rng.choice(days, p=season[segment] / season[segment].sum()))
        plan = _plan(rng, hotel, segment, stars, failure)
        tags = (tag, segment)
        opener, closing = rng.random() < P_OPENER, rng.random() < P_CLOSING
        signs = {SIGN[pol] for _, pol in plan}
        if (stars <= 2 and -1 not in signs) or (stars >= 4 and 1 not in signs):
            closing = True  # the closing sentence then carries the verdict
        text = _compose(rng, lang, tags, stars, plan, opener, closing)
        lo, hi = LENGTH[lang]
        if _length(text, lang) > hi:
            text = _compose(rng, lang, tags, stars, plan, False, False)
        for _ in range(5):  # too short: write it again with an opener and a closing
            if _length(text, lang) >= lo:
                break
            text = _compose(rng, lang, tags, stars, plan, True, True)
        rows.append(
            {
                "date": YEAR_START + pd.Timedelta(days=day),
                "hotel": hotel,
                "segment": segment,
                "lang": lang,
                "stars": stars,
                "text": text,
                "aspect_main": plan[0][0],
                "service_failure": failure,
            }
        )
    df = pd.DataFrame(rows)
    df = df.sort_values(["date", "hotel"], kind="stable").reset_index(drop=True)
    df.insert(0, "review_id", np.arange(1, len(df) + 1, dtype="int64"))
    df["date"] = df["date"].dt.strftime("%Y-%m-%d")
    df["stars"] = df["stars"].astype("int64")
    df["service_failure"] = df["service_failure"].astype(bool)
    return df


FIELDS = {
    "review_id": {"title": "Review id", "title_zh": "评论编号"},
    "date": {
        "type": "date",
        "format": "%Y-%m-%d",
        "title": "Date the review was posted",
        "title_zh": "评论发布日期",
    },
    "hotel": {"title": "Hotel", "title_zh": "酒店"},
    "segment": {"title": "Trip type (business, leisure)", "title_zh": "出行类型（商务、休闲）"},
    "lang": {
        "title": "Language of the review (zh, en)",
        "title_zh": "评论语言（zh 中文、en 英文）",
    },
    "stars": {
        "title": "Star rating (1 = terrible, 5 = excellent)",
        "title_zh": "星级评分（1 = 很差，5 = 很好）",
        "constraints": {"minimum": 1, "maximum": 5},
    },
    "text": {"title": "Review text", "title_zh": "评论文本"},
    "aspect_main": {
        "title": "Main aspect of the review (simulation truth)",
        "title_zh": "评论的主要方面（模拟真值）",
        "description": "The aspect of the first clause: " + ", ".join(ASPECTS) + ".",
    },
    "service_failure": {
        "title": "The review reports a service failure (simulation truth)",
        "title_zh": "评论报告了服务失误（模拟真值）",
        "description": "A concrete incident such as a dirty room, rude staff, a lost booking "
        "or broken equipment; the target of service recovery alerts.",
    },
}


def main() -> None:
    """Build the dataset and write ``voc_reviews.csv`` with its datapackage.json entry."""
    df = build()
    register(
        "voc_reviews",
        df,
        title="Hotel guest reviews in Chinese and English (simulated)",
        description=(
            f"{len(df):,} short guest reviews of four hotels posted in 2025, in "
            "simplified Chinese and English, with a 1-5 star rating. For the voice of the "
            "customer lesson: word frequencies (jieba for Chinese), lexicon sentiment and "
            "service-failure alerts. Simulated; the truth is in `simulation`."
        ),
        sources=simulated_sources("voc_reviews.py"),
        licenses=SIMULATED_LICENSES,
        fields=FIELDS,
        extra={
            "simulation": {
                "script": "datasets/make/voc_reviews.py",
                "seed": SEED,
                "model": (
                    f"{N_REVIEWS} reviews; hotel, segment (business/leisure) and language "
                    "drawn from per-hotel shares; date in 2025 with seasonal weights "
                    "(leisure x1.6 in July-August, x1.4 in February and October; business "
                    "x0.6 in February and August). A review reports a service failure with "
                    "a per-hotel probability (airport hotel 0.20, the others 0.05-0.06); "
                    "failure reviews get 1-5 stars with P = .36/.28/.20/.11/.05, the others "
                    "a per-hotel J-shaped distribution (4-5 stars: 68-82%). Each review "
                    "names 1-3 aspects (P = .38/.42/.20), drawn without replacement with "
                    "weights by hotel and segment; aspect_main is the first one named. A "
                    "failure review names the failed aspect first, as a concrete incident, "
                    "left unresolved (1-2 stars: 70%) or put right (4-5 stars: always; 3 "
                    "stars: 75%). Otherwise the first aspect's sentiment follows the stars "
                    "closely (1 star: negative; 2: 85% negative; 4: 88% positive; 5: "
                    "positive) and the others loosely; a 3-star review with 2+ aspects in "
                    "one tone gets its second aspect flipped with P = 0.7 (mixed). Clauses "
                    "come from phrase pools (6-14 phrasings per aspect and sentiment, 3-9 "
                    "incidents per aspect, random intensifiers, sentiment-correct "
                    "negations) joined by connectors that fit the turn of sentiment (而且 / "
                    "但是 / 好在; and / but / on the plus side), with an opener (40%), a "
                    "closing sentence for the star level (50%; always when no clause "
                    "carries the star level's tone) and an emoji (12%); 5% of English "
                    "reviews are all lower case. Length limits: 8-80 characters (zh), 5-60 "
                    "words (en)."
                ),
                "hotels": {
                    h: {
                        "type": v[0],
                        "share": v[1],
                        "business_share": v[2],
                        "zh_share": v[3],
                        "failure_rate": v[5],
                    }
                    for h, v in HOTELS.items()
                },
                "cleanliness_problem": {
                    "hotel": DIRTY_HOTEL,
                    "note": (
                        "failure rate 0.20 vs 0.05-0.06 elsewhere; 65% of its failures are "
                        "about cleanliness; cleanliness named x1.8 as often; in its other "
                        "cleanliness mentions (1-4 stars) 30% of the chance of a positive "
                        "wording moves to negative"
                    ),
                },
                "segment_effect": (
                    "business guests mention wifi x3 and check-in x2.2 (leisure: wifi "
                    "x0.6); leisure guests mention pool_spa x1.4 and food x1.2"
                ),
                "aspects": ASPECTS,
            }
        },
    )


if __name__ == "__main__":
    main()
