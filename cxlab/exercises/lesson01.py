"""Exercises of lesson 01: the experience economy and customer experience management."""

from __future__ import annotations

from typing import Any

from cxlab.exercises.registry import Exercise, register

REALM_SYNONYMS = {
    "education": "educational",
    "educational": "educational",
    "教育": "educational",
    "entertainment": "entertainment",
    "entertaining": "entertainment",
    "娱乐": "entertainment",
    "esthetic": "esthetic",
    "esthetics": "esthetic",
    "aesthetic": "esthetic",
    "aesthetics": "esthetic",
    "审美": "esthetic",
    "escapist": "escapist",
    "escapism": "escapist",
    "escape": "escapist",
    "逃避现实": "escapist",
}

STAGES = ["commodities", "goods", "services", "experiences"]
_STAGE_WORDS = {
    "commodity": "commodities",
    "commodities": "commodities",
    "good": "goods",
    "goods": "goods",
    "service": "services",
    "services": "services",
    "experience": "experiences",
    "experiences": "experiences",
    # the Chinese edition's words (Pine & Gilmore's progression as Chinese textbooks name it)
    "初级产品": "commodities",
    "大宗商品": "commodities",
    "商品": "goods",
    "产品": "goods",
    "服务": "services",
    "体验": "experiences",
}


def _same_order(answer: Any, reference: list[str]) -> bool:
    if isinstance(answer, str) or not hasattr(answer, "__iter__"):
        return False
    words = [_STAGE_WORDS.get(str(a).strip().lower()) for a in answer]
    return words == reference


def _top_box_share() -> float:
    from cxlab import datasets

    cusa1 = datasets.load("ecsi_mobile")["CUSA1"]
    return float((cusa1 >= 9).mean() * 100)


register(
    Exercise(
        id="01.realm",
        prompt="A resort's half-day cooking class where guests cook with the chef: which realm?",
        kind="text",
        solution=lambda: "educational",
        wrong=lambda: "entertainment",
        synonyms=REALM_SYNONYMS,
        hint="Do guests take part actively or watch? Do they absorb something or get immersed "
        "in a place? Active + absorption is one corner of the grid.",
        explanation="Guests participate actively and absorb new skills: the educational realm.",
    )
)

register(
    Exercise(
        id="01.progression",
        prompt="Order the four stages of economic value from least to most differentiated.",
        kind="custom",
        solution=lambda: list(STAGES),
        wrong=lambda: ["goods", "commodities", "services", "experiences"],
        checker=_same_order,
        hint="Start with what is extracted from nature (coffee beans) and end with what is "
        "staged for a guest (a cup in a Venice café).",
        explanation="Commodities → goods → services → experiences: each step adds "
        "differentiation and lets the seller charge a premium price.",
    )
)

register(
    Exercise(
        id="01.mot",
        prompt="Carlzon: 10 million customers a year, each in contact with about 5 employees. "
        "How many moments of truth a year?",
        solution=lambda: 10_000_000 * 5,
        wrong=lambda: 10_000_000,
        hint="Every contact between one customer and one employee is one moment of truth.",
        explanation="10 million × 5 = 50 million moments of truth a year, each about 15 seconds.",
    )
)

register(
    Exercise(
        id="01.delivery_gap",
        prompt="Bain: 80 % of firms believe they deliver a superior experience; their customers "
        "rate 8 % of the firms so. How large is the gap, in percentage points?",
        solution=lambda: 80 - 8,
        wrong=lambda: 10,
        hint="A gap in percentage points is a difference, not a ratio (80 / 8 = 10 is a ratio).",
        explanation="80 − 8 = 72 percentage points: the delivery gap.",
    )
)

register(
    Exercise(
        id="01.top_box",
        prompt="What share (in %) of the ECSI respondents rate overall satisfaction CUSA1 at "
        "9 or 10?",
        solution=_top_box_share,
        wrong=lambda: 100 - _top_box_share(),
        tol=0.05,
        hint="(ecsi['CUSA1'] >= 9).mean() gives a proportion; multiply by 100 for a percentage.",
        explanation="Only about a quarter of customers are delighted, though the mean is about 8.",
    )
)
