"""Checked answers of the hotel case (notebooks/cases/hotel_experience.ipynb).

Every reference answer is computed from ``hotel_4e`` and ``voc_reviews`` when it is
checked, by the code the solution key runs; fits and review selections are cached, so a
process pays for each once (each answer takes under 2 s from a cold start: the
invariance ladder is the slowest). Tolerances: NPS points ±0.05 (the notebook asks
for two decimals), standardized effects ±0.001 (three decimals), Δχ² ±0.01, shares
±0.01, counts exact, the break-even ±0.01 nights.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from cxlab.exercises.registry import Exercise, register

#: The resort of the case, as named in ``voc_reviews``.
RESORT = "Coral Bay Beach Resort"

#: The finance team's (hypothetical) assumptions for the loyalty programme, per member
#: and year: room rate, nights a member stays anyway, points as a share of room revenue,
#: other programme cost, and the contribution margin of one extra night (after points).
FINANCE = {
    "room_rate": 1500.0,
    "baseline_nights": 4.0,
    "points_share": 0.05,
    "other_cost": 60.0,
    "margin_extra_night": 600.0,
}

#: Each realm's total effect on loyalty and the esthetics − entertainment contrast, added
#: to the labelled 4E template (entertainment also reaches satisfaction directly).
CONTRAST = """
tot_est_loy := b_est_mem*b_mem_sat*b_sat_loy
tot_ent_loy := b_ent_mem*b_mem_sat*b_sat_loy + b_ent_sat*b_sat_loy
d_est_ent := tot_est_loy - tot_ent_loy
"""

#: Structural part of the two-group model: esthetics → memory free per segment.
STRUCTURE_FREE = """
Memory ~ Education + c(a_bus, a_lei)*Esthetics + Entertainment + Escapism
Satisfaction ~ Memory + Entertainment
Loyalty ~ Satisfaction
WOM ~ Satisfaction
diff_a := a_lei - a_bus
"""

#: The same with esthetics → memory held equal (one label for both segments).
STRUCTURE_EQUAL = """
Memory ~ Education + c(a, a)*Esthetics + Entertainment + Escapism
Satisfaction ~ Memory + Entertainment
Loyalty ~ Satisfaction
WOM ~ Satisfaction
"""

#: Loadings and intercepts equal across segments (scalar invariance holds, task 2).
INVARIANT = ("loadings", "intercepts")

LEVEL_SYNONYMS = {
    "configural invariance": "configural",
    "形态不变": "configural",
    "metric invariance": "metric",
    "weak": "metric",
    "weak invariance": "metric",
    "弱不变": "metric",
    "scalar invariance": "scalar",
    "strong": "scalar",
    "strong invariance": "scalar",
    "强不变": "scalar",
    "标量不变": "scalar",
}


@cache
def _hotel() -> pd.DataFrame:
    """``hotel_4e`` with ``esc3r`` reverse-coded (as in lessons 07 and 08)."""
    from cxlab import datasets
    from cxlab.survey import Survey

    survey = Survey(datasets.load("hotel_4e"), datasets.codebook("hotel_4e"), id_column="guest_id")
    return survey.reverse_code().data


def _measurement() -> str:
    from cxlab import models

    return "\n".join(
        line for line in models.experience_economy_4e(labels=False).splitlines() if "=~" in line
    )


@cache
def _fit():
    from cxlab import models, sem

    return sem.fit(models.experience_economy_4e(), _hotel())


@cache
def _fit_contrast():
    from cxlab import models, sem

    return sem.fit(models.experience_economy_4e() + CONTRAST, _hotel(), std_lv=True)


@cache
def _group_fits():
    from cxlab import sem

    data, measurement = _hotel(), _measurement()
    free = sem.fit(measurement + STRUCTURE_FREE, data, group="segment", group_equal=INVARIANT)
    equal = sem.fit(measurement + STRUCTURE_EQUAL, data, group="segment", group_equal=INVARIANT)
    return free, equal


@cache
def _resort() -> pd.DataFrame:
    from cxlab import datasets

    reviews = datasets.load("voc_reviews")
    return reviews[reviews["hotel"] == RESORT]


def _nps() -> float:
    from cxlab import metrics

    return float(metrics.nps(_hotel()["nps"])["nps"].iloc[0])


def _invariance() -> str:
    from cxlab.sem import invariance

    result = invariance(
        _measurement(), _hotel(), "segment", levels=("configural", "metric", "scalar")
    )
    table = result.table
    holds = table[table["holds"].astype(bool)]
    return str(holds["level"].iloc[-1])


def _memory_loyalty() -> float:
    eff = _fit().effects()
    row = eff[(eff["effect"] == "total") & (eff["from"] == "Memory") & (eff["to"] == "Loyalty")]
    return float(row["std_all"].iloc[0])


def _d_est_ent() -> float:
    est = _fit_contrast().estimates()
    return float(est.loc[est["label"] == "d_est_ent", "std.all"].iloc[0])


def _delta_chisq() -> float:
    from cxlab import sem

    table = sem.compare(*_group_fits(), names=["free", "equal"])
    return float(table["delta_chisq"].iloc[1])


def _service_alerts() -> int:
    from cxlab import text

    return len(text.alerts(_resort()["text"], text.HOTEL_TOPICS["service"]))


def _failures_caught() -> float:
    from cxlab import text

    resort = _resort()
    flagged: set = set()
    for words in text.HOTEL_TOPICS.values():
        flagged |= set(text.alerts(resort["text"], words).index)
    failures = resort[resort["service_failure"].astype(bool)]
    return float(failures.index.isin(list(flagged)).mean())


def _direct_minus_ota() -> float:
    from cxlab import metrics

    res = metrics.compare(_hotel(), "nps", by="channel", score="nps", reference="OTA")
    diff = res.differences.set_index("group")
    return float(diff.loc["direct", "difference"])


def _breakeven_nights() -> float:
    f = FINANCE
    points = f["points_share"] * f["room_rate"] * f["baseline_nights"]
    return (points + f["other_cost"]) / f["margin_extra_night"]


register(
    Exercise(
        id="hotel.nps",
        prompt="NPS of the 600 resort guests in hotel_4e (two decimals)?",
        solution=_nps,
        wrong=lambda: 42.83,
        tol=0.05,
        hint="cx.metrics.nps(data['nps']) — the column 'nps' of its one row, not 'promoters' "
        "(the NPS is % promoters − % detractors).",
        explanation="NPS = 42.83 − 22.17 = 20.67, adjusted-Wald 95 % CI [14.35, 26.78]: ±6 "
        "points with 600 answers. The simulation's population NPS (≈ 23) lies inside the interval.",
    )
)

register(
    Exercise(
        id="hotel.invariance",
        prompt="Highest level of measurement invariance across business and leisure guests "
        "(configural, metric, scalar) for the eight 4E constructs?",
        kind="text",
        synonyms=LEVEL_SYNONYMS,
        solution=_invariance,
        wrong=lambda: "metric",
        hint="cx.invariance.invariance(measurement, data, 'segment', levels=('configural', "
        "'metric', 'scalar')), then .summary(): the last level whose 'holds' is True.",
        explanation="Scalar: equal loadings (Δχ²(16) = 21.41, p = .16, ΔCFI = −.001) and equal "
        "intercepts (Δχ²(16) = 10.20, p = .86). Paths and means may be compared across segments.",
    )
)

register(
    Exercise(
        id="hotel.memory_loyalty",
        prompt="Standardized total effect (std_all) of Memory on Loyalty in the pooled 4E model?",
        solution=_memory_loyalty,
        wrong=lambda: 0.633,
        tol=0.001,
        hint="fit.effects(): the row with effect 'total', from 'Memory', to 'Loyalty' — not "
        "the path Memory → Satisfaction (.633).",
        explanation="β = .374 = .633 × .591 (memory → satisfaction → loyalty): one SD more "
        "memorable stay, .37 SD more loyalty intention. Every realm works through this funnel.",
    )
)

register(
    Exercise(
        id="hotel.d_est_ent",
        prompt="Standardized difference (std.all) of the total effects on Loyalty, Esthetics "
        "minus Entertainment (d_est_ent)?",
        solution=_d_est_ent,
        wrong=lambda: 0.012,
        tol=0.001,
        hint="fit_c.estimates(), the row with label 'd_est_ent', column 'std.all'. Mind the "
        "order: esthetics minus entertainment.",
        explanation="−.012 (β .118 for esthetics against .130 for entertainment), and the "
        "Monte-Carlo 95 % CI of the difference covers 0 widely: these data cannot tell the "
        "garden from the show.",
    )
)

register(
    Exercise(
        id="hotel.delta_chisq",
        prompt="Δχ² when esthetics → memory is held equal for business and leisure guests in "
        "the two-group 4E model?",
        solution=_delta_chisq,
        wrong=lambda: 3.841,
        tol=0.01,
        hint="cx.sem.compare(free, equal, names=[...]): the column delta_chisq of the second "
        "row (3.841 is the critical value, not the statistic).",
        explanation="Δχ²(1) = 3.75, p = .053: the standardized path is .232 for business and "
        ".379 for leisure guests, and the data only just fail to reject equality — although "
        "the simulation made them differ (.15 vs .45).",
    )
)

register(
    Exercise(
        id="hotel.service_alerts",
        prompt="How many of the resort's reviews are alerts on the topic 'service' "
        "(cx.text.HOTEL_TOPICS['service'])?",
        kind="number",
        solution=_service_alerts,
        wrong=lambda: 102,
        hint="Keep only the rows with hotel == 'Coral Bay Beach Resort' first; 102 is the "
        "count for all four hotels of the group.",
        explanation="25 alerts — but read them before calling anyone: 11 say 'Nothing was too "
        "much trouble for the staff', praise that the English lexicon (VADER) scores as "
        "negative.",
    )
)

register(
    Exercise(
        id="hotel.failures_caught",
        prompt="Share of the resort's service-failure reviews that are on at least one "
        "topic's alert list (any of the six HOTEL_TOPICS)?",
        solution=_failures_caught,
        wrong=lambda: 0.625,
        tol=0.01,
        hint="Collect the index of cx.text.alerts(resort['text'], words) for every topic in "
        "cx.text.HOTEL_TOPICS, then the mean of failures.index.isin(...) over the 24 rows with "
        "service_failure True. (.625 is the share that sentiment labels negative.)",
        explanation="10 of 24 (.42): the topic alerts miss most failures — incidents told as "
        "facts, problems no topic covers (lights, hot water, luggage, the spa) and failures "
        "already put right.",
    )
)

register(
    Exercise(
        id="hotel.direct_minus_ota",
        prompt="NPS of guests who booked direct minus NPS of guests who booked through an OTA "
        "(NPS points, two decimals)?",
        solution=_direct_minus_ota,
        wrong=lambda: 7.50,
        tol=0.05,
        hint="cx.metrics.compare(data, 'nps', by='channel', score='nps', reference='OTA'): "
        ".differences, the row of group 'direct'. Negative if direct bookers score lower.",
        explanation="−7.50 [−22.82, 7.77], p = .33: direct bookers are not more likely to "
        "recommend — and in the simulation booking channel has no effect at all.",
    )
)

register(
    Exercise(
        id="hotel.breakeven_nights",
        prompt="How many extra nights per member and year must the loyalty programme create "
        "to pay for itself, under the finance team's assumptions?",
        solution=_breakeven_nights,
        wrong=lambda: 0.1,
        tol=0.01,
        hint="The cost per member is the points on the nights a member stays anyway "
        "(5 % × ¥1,500 × 4) plus ¥60; divide it by the margin of one extra night (¥600). "
        "0.1 forgets the points.",
        explanation="(¥300 + ¥60) / ¥600 = 0.6 extra nights per member and year, +15 % on the "
        "4 nights members stay anyway. Most of the cost rewards stays that would have happened "
        "without the programme.",
    )
)
