"""Checked answers of the airline case (notebooks/cases/airline_moments_of_truth.ipynb).

Every reference answer is computed from ``airline_mot`` when it is checked (each in
well under a second; no bootstrap is needed for a point estimate). Tolerances: NPS
points and shares in % to ±0.1 (the notebook asks for one decimal), the CES difference
and the regression coefficient to ±0.01 (two decimals).
"""

from __future__ import annotations

import pandas as pd

from cxlab.exercises.registry import Exercise, register

MOTS = ["mot_booking", "mot_checkin", "mot_boarding", "mot_crew", "mot_meal", "mot_arrival"]
SEVEN = [*MOTS, "mot_complaint"]
NO_PROBLEM, WELL, NEUTRAL, BADLY = (
    "no problem",
    "handled well (4-5)",
    "neutral (3)",
    "handled badly (1-2)",
)

#: answers naming a moment of truth: short English names and the Chinese labels
MOT_SYNONYMS = {
    "booking": "mot_booking",
    "订票": "mot_booking",
    "check in": "mot_checkin",
    "checkin": "mot_checkin",
    "值机": "mot_checkin",
    "boarding": "mot_boarding",
    "登机": "mot_boarding",
    "crew": "mot_crew",
    "cabin crew": "mot_crew",
    "乘务组": "mot_crew",
    "meal": "mot_meal",
    "机上餐饮": "mot_meal",
    "arrival": "mot_arrival",
    "baggage": "mot_arrival",
    "arrival and baggage": "mot_arrival",
    "到达与行李": "mot_arrival",
    "complaint": "mot_complaint",
    "complaint handling": "mot_complaint",
    "投诉处理": "mot_complaint",
}


def _air() -> pd.DataFrame:
    """``airline_mot`` with the case's two derived columns: ``detractor`` (NPS 0-6) and
    ``recovery`` (no problem, or the problem's handling: 1-2, 3, 4-5)."""
    import numpy as np

    from cxlab import datasets

    air = datasets.load("airline_mot")
    problem = air["had_problem"].astype(bool)
    handling = air["mot_complaint"].astype("float64")
    air["detractor"] = air["nps_score"] <= 6
    air["recovery"] = np.select(
        [~problem, handling >= 4, handling == 3], [NO_PROBLEM, WELL, NEUTRAL], default=BADLY
    )
    return air


def _nps() -> float:
    from cxlab import metrics

    return round(float(metrics.nps(_air()["nps_score"])["nps"].iloc[0]), 1)


def _difference(result, group: str) -> pd.Series:
    diffs = result.differences.set_index("group")
    return diffs.loc[group]


def _business_gap() -> float:
    from cxlab import metrics

    res = metrics.compare(_air(), "nps", by="cabin", score="nps_score", reference="economy")
    return round(float(_difference(res, "business")["difference"]), 1)


def _ces_problem() -> float:
    from cxlab import metrics

    air = _air()
    res = metrics.compare(air, "ces", by="had_problem", score="ces", reference=False)
    return round(float(_difference(res, True)["difference"]), 2)


def _rw_all():
    from cxlab import drivers

    return drivers.relative_weights(_air(), "nps_score", MOTS, B=0)


def _second_driver() -> str:
    return str(_rw_all().table.index[1])


def _concentrate() -> list[str]:
    from cxlab import drivers

    grid = drivers.ipa(_rw_all(), _air()[MOTS].mean())
    table = grid.table
    return sorted(table.index[table["quadrant"] == "concentrate here"])


def _complaint_detractor_share() -> float:
    from cxlab import drivers

    air = _air()
    problem = air[air["had_problem"].astype(bool)]
    det = drivers.shapley_logistic(problem, "detractor", SEVEN, B=0)
    return round(float(det.table.loc["mot_complaint", "pct"]), 1)


def _bad_handling_detractors() -> float:
    air = _air()
    return round(100 * float(air.loc[air["recovery"] == BADLY, "detractor"].mean()), 1)


def _recovery_compare():
    from cxlab import metrics

    return metrics.compare(_air(), "nps", by="recovery", score="nps_score", reference=NO_PROBLEM)


def _recovery_gap() -> float:
    return round(float(_difference(_recovery_compare(), WELL)["difference"]), 1)


def _paradox() -> str:
    row = _difference(_recovery_compare(), WELL)
    return "yes" if row["ci_low"] > 0 else "no"


def _adjusted_gap() -> float:
    import statsmodels.formula.api as smf

    formula = f"nps_score ~ {' + '.join(MOTS)} + C(recovery, Treatment('{NO_PROBLEM}'))"
    fit = smf.ols(formula, data=_air()).fit()
    return round(float(fit.params[f"C(recovery, Treatment('{NO_PROBLEM}'))[T.{WELL}]"]), 2)


register(
    Exercise(
        id="airline.nps",
        prompt="NPS of all 1,000 passengers (one decimal)?",
        solution=_nps,
        wrong=lambda: 43.8,
        tol=0.05,
        hint="cx.metrics.nps(air['nps_score']): the column nps, i.e. % promoters (9-10) minus "
        "% detractors (0-6). 43.8 is the share of promoters alone.",
        explanation="NPS = 43.8 % − 22.6 % = 21.2, adjusted-Wald 95 % CI [16.3, 26.0]: with 1,000 "
        "answers the score is known to about ±5 points.",
    )
)

register(
    Exercise(
        id="airline.business_gap",
        prompt="NPS of business class minus NPS of economy, in points (one decimal)?",
        solution=_business_gap,
        wrong=lambda: 27.8,
        tol=0.1,
        hint="cx.metrics.compare(air, 'nps', by='cabin', score='nps_score', "
        "reference='economy'); the row of business in .differences. (27.8 is business minus "
        "premium economy.)",
        explanation="+30.1 points [16.6, 42.0] (46.2 against 16.1), p < .0001; premium economy "
        "is not distinguishable from economy (+2.3 [−12.1, 16.1]).",
    )
)

register(
    Exercise(
        id="airline.ces_problem",
        prompt="CES (1-7, 7 = very easy) of passengers with a problem minus those without "
        "(two decimals)?",
        solution=_ces_problem,
        wrong=lambda: 1.52,
        tol=0.01,
        hint="cx.metrics.compare(air, 'ces', by='had_problem', score='ces') compares True with "
        "the reference False (Welch's t). Mind the sign: a problem makes the trip harder.",
        explanation="−1.52 [−1.81, −1.23] on the 7-point scale (3.82 against 5.34): a problem "
        "costs a passenger far more effort than any cabin difference (business − economy "
        "+0.47).",
    )
)

register(
    Exercise(
        id="airline.second_driver",
        prompt="Relative weights of nps_score on the six moments, all passengers: which moment "
        "ranks second?",
        kind="text",
        synonyms=MOT_SYNONYMS,
        solution=_second_driver,
        wrong=lambda: "mot_boarding",
        hint="rw = cx.drivers.relative_weights(air, 'nps_score', MOTS, ...); rw.table is sorted "
        "by rank: the second row. (Boarding is second only among passengers without a problem, "
        "lesson 11.)",
        explanation="Arrival and baggage: 25.2 % of R² [18.3, 31.9] behind the crew's 28.5 % "
        "[22.1, 35.6] (B = 1000, seed = 1) — the intervals overlap, so the two lead "
        "together. Shapley values agree to within a point.",
    )
)

register(
    Exercise(
        id="airline.concentrate",
        prompt="IPA of all passengers (importance: relative weights of nps_score; performance: "
        "mean rating; lines at the means): which moments are in 'concentrate here'?",
        kind="set",
        synonyms=MOT_SYNONYMS,
        solution=_concentrate,
        wrong=lambda: ["mot_meal"],
        hint="grid = cx.drivers.ipa(rw, air[MOTS].mean()); the rows of grid.table whose quadrant "
        "is 'concentrate here', as a list, e.g. ['mot_x']. The worst-rated moment is not "
        "necessarily one of them.",
        explanation="Only arrival and baggage (importance 25.2 % above the line at 16.7 %, "
        "rating 3.69 below the line at 3.86). The meal is rated worst (3.00) but matters "
        "little: low priority. Boarding and check-in sit a hair below the importance line "
        "(16.6 %): at the medians boarding joins arrival — report where the lines are.",
    )
)

register(
    Exercise(
        id="airline.complaint_detractor_share",
        prompt="Passengers with a problem: mot_complaint's share (%) of McFadden's R² for being "
        "a detractor (seven moments)?",
        solution=_complaint_detractor_share,
        wrong=lambda: 40.3,
        tol=0.1,
        hint="cx.drivers.shapley_logistic(problem, 'detractor', SEVEN, ...).table.loc["
        "'mot_complaint', 'pct']; detractor = nps_score <= 6. (40.3 is its share of the R² "
        "of nps_score by relative weights, lesson 11.)",
        explanation="41.6 % of McFadden's R² = .51 (B = 200, seed = 1: [27.8, 53.2]): for "
        "a passenger with a problem, how it was handled separates detractors from the rest "
        "more than any moment of the trip itself — arrival, second, has 17.8 %.",
    )
)

register(
    Exercise(
        id="airline.bad_handling_detractors",
        prompt="Share (%) of detractors among passengers whose complaint was handled badly "
        "(mot_complaint 1-2)?",
        solution=_bad_handling_detractors,
        wrong=lambda: 16.5,
        tol=0.1,
        hint="The mean of air['detractor'] in the rows with recovery == 'handled badly (1-2)', "
        "times 100. (16.5 % is the share among passengers without a problem.)",
        explanation="85.1 % (57 of 67), against 54.5 % after a neutral handling, 19.1 % after "
        "a good one and 16.5 % without a problem: handling decides whether a problem makes a "
        "detractor.",
    )
)

register(
    Exercise(
        id="airline.recovery_gap",
        prompt="NPS of passengers whose problem was handled well (4-5) minus NPS of passengers "
        "without a problem, in points (one decimal)?",
        solution=_recovery_gap,
        wrong=lambda: 38.3,
        tol=0.1,
        hint="cx.metrics.compare(air, 'nps', by='recovery', score='nps_score', reference="
        "'no problem'); the difference of 'handled well (4-5)'. (38.3 is that group's NPS, "
        "not the difference.)",
        explanation="+8.3 points, 95 % CI [−9.3, 23.7], p = .39 — 94 well-handled passengers "
        "cannot tell +8 from 0 (or from −8).",
    )
)

register(
    Exercise(
        id="airline.paradox",
        prompt="Service recovery paradox, first test: is the NPS of passengers whose problem "
        "was handled well (4-5) significantly (95 %) above that of passengers without a "
        "problem? yes / no",
        kind="text",
        synonyms={
            "not supported": "no",
            "not shown": "no",
            "no paradox": "no",
            "not significant": "no",
            "false": "no",
            "否": "no",
            "不": "no",
            "没有": "no",
            "不支持": "no",
            "supported": "yes",
            "significant": "yes",
            "true": "yes",
            "是": "yes",
            "有": "yes",
            "支持": "yes",
        },
        solution=_paradox,
        wrong=lambda: "yes",
        hint="Look at the 95 % interval of the difference: does it lie entirely above 0?",
        explanation="No: the interval [−9.3, 23.7] contains 0. 'Not shown' is not 'refuted' "
        "either — and splitting 4 from 5, adjusting for the rest of the trip and comparing "
        "with the simulation's truth (tasks below) tell the fuller story.",
    )
)

register(
    Exercise(
        id="airline.adjusted_gap",
        prompt="OLS of nps_score on the six moments plus the recovery groups (reference: no "
        "problem): coefficient of 'handled well (4-5)' (two decimals)?",
        solution=_adjusted_gap,
        wrong=lambda: 0.07,
        tol=0.01,
        hint='smf.ols("nps_score ~ mot_booking + ... + mot_arrival + C(recovery, '
        "Treatment('no problem'))\", data=air).fit().params, the row ending in "
        "[T.handled well (4-5)]. (0.07 is the raw difference of the mean nps_score, "
        "without the six moments.)",
        explanation="−0.30 on the 0-10 scale [−0.65, 0.06]: compared with passengers who rated "
        "the rest of the trip the same, a well-handled problem leaves NPS no higher — "
        "slightly lower. The raw +8 NPS points came with better ratings of everything else.",
    )
)
