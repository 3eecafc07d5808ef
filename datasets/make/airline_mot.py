"""Simulate ``airline_mot``: 1,000 airline passengers rate the moments of truth of their
trip, with known driver weights for overall satisfaction (lesson 11, key drivers and
importance-performance analysis).

    python datasets/make/airline_mot.py

The truth (also recorded in datapackage.json under ``simulation``):
- seven latent perceptions, one per moment of truth (MOT): booking, check-in, boarding,
  crew, meal, arrival (baggage) and complaint handling, are correlated normals
  (r = .30-.50; the ground MOTs correlate most among themselves, and so do crew and meal);
- business class shifts crew (+0.5 SD), meal (+0.8 SD), check-in and boarding (+0.3 SD)
  up, premium economy half as much; gold members get smoother check-in and boarding
  (+0.3 SD); a problem (about 18 %: P = .15 domestic, .23 international) mostly means a
  late or damaged bag (arrival -0.5 SD);
- latent overall satisfaction = 0.42 crew + 0.24 check-in + 0.22 boarding + 0.18 arrival
  + 0.06 meal + 0.05 booking (+ 0.85 complaint handling - 0.85 for passengers with a
  problem) + N(0, 0.6^2): crew and complaint handling drive satisfaction most, meal and
  booking least;
- performance: booking and crew are rated high, meal lowest, complaint handling low
  (importance-performance quadrants: crew "keep up the good work", complaint handling
  "concentrate here", meal "low priority", booking "possible overkill");
- NPS (0-10) and CES (1-7) follow latent satisfaction plus noise; a problem handled well
  (complaint >= 4) ends near the NPS of passengers without a problem (a mild service-
  recovery paradox), a problem handled badly (<= 2) makes mostly detractors.
"""

from __future__ import annotations

import sys
from pathlib import Path
from statistics import NormalDist

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _package import SIMULATED_LICENSES, register, simulated_sources

SEED = 20261124
N = 1000
MOTS = ["booking", "checkin", "boarding", "crew", "meal", "arrival", "complaint"]
# correlations of the latent MOT perceptions (order of MOTS)
CORR = np.array(
    [
        [1.00, 0.50, 0.45, 0.30, 0.30, 0.35, 0.30],
        [0.50, 1.00, 0.50, 0.35, 0.30, 0.35, 0.35],
        [0.45, 0.50, 1.00, 0.40, 0.30, 0.35, 0.35],
        [0.30, 0.35, 0.40, 1.00, 0.50, 0.35, 0.40],
        [0.30, 0.30, 0.30, 0.50, 1.00, 0.30, 0.30],
        [0.35, 0.35, 0.35, 0.35, 0.30, 1.00, 0.40],
        [0.30, 0.35, 0.35, 0.40, 0.30, 0.40, 1.00],
    ]
)
# TRUE driver weights of latent overall satisfaction (per SD of each latent MOT)
WEIGHTS = {
    "booking": 0.05,
    "checkin": 0.24,
    "boarding": 0.22,
    "crew": 0.42,
    "meal": 0.06,
    "arrival": 0.18,
    "complaint": 0.85,  # only for passengers who had a problem
}
PROBLEM_PENALTY = 0.85
SAT_NOISE = 0.6
CABINS = ["economy", "premium economy", "business"]
CABIN_SHARE = [0.70, 0.15, 0.15]
CABIN_SHIFT = {  # latent shifts (SD units) of premium economy and business
    "premium economy": {"crew": 0.25, "meal": 0.40, "checkin": 0.15, "boarding": 0.15},
    "business": {"crew": 0.50, "meal": 0.80, "checkin": 0.30, "boarding": 0.30},
}
GOLD_SHIFT = {"checkin": 0.30, "boarding": 0.30}
ARRIVAL_PROBLEM_SHIFT = -0.50
P_PROBLEM = {"domestic": 0.15, "international": 0.23}
# shares of the answers 1..5 of an economy passenger without a problem: they set the
# thresholds that cut each latent perception into a rating (5 = very satisfied)
RATING_SHARES = {
    "booking": [0.02, 0.04, 0.10, 0.36, 0.48],
    "checkin": [0.03, 0.07, 0.17, 0.40, 0.33],
    "boarding": [0.04, 0.09, 0.20, 0.40, 0.27],
    "crew": [0.02, 0.04, 0.12, 0.38, 0.44],
    "meal": [0.16, 0.24, 0.30, 0.22, 0.08],
    "arrival": [0.05, 0.09, 0.20, 0.38, 0.28],
    "complaint": [0.12, 0.18, 0.22, 0.29, 0.19],
}
SAT_SHARES = [0.03, 0.05, 0.09, 0.16, 0.28, 0.25, 0.14]  # 1..7
NPS_SHARES = [0.02, 0.01, 0.02, 0.03, 0.03, 0.06, 0.08, 0.13, 0.19, 0.20, 0.23]  # 0..10
CES_SHARES = [0.03, 0.05, 0.08, 0.14, 0.22, 0.27, 0.21]  # 1..7
NPS_LOADING, CES_LOADING = 0.85, 0.70  # correlation of their latent with satisfaction
CES_PROBLEM_SHIFT = -0.40
FLIGHT_DATES = (pd.Timestamp("2025-09-01"), pd.Timestamp("2025-11-30"))


def _cut(latent: np.ndarray, shares: list[float], low: int) -> np.ndarray:
    """Cut a standard-normal latent into ordered categories low, low+1, ... with the
    given shares (thresholds at the normal quantiles of the cumulative shares)."""
    cum = np.cumsum(shares)[:-1]
    thresholds = np.array([NormalDist().inv_cdf(float(c)) for c in cum])
    return (low + (latent[:, None] > thresholds).sum(axis=1)).astype("int64")


def build(seed: int = SEED) -> pd.DataFrame:
    """The dataset as a DataFrame, one row per passenger (deterministic for a seed)."""
    rng = np.random.default_rng(seed)
    route = rng.choice(["domestic", "international"], size=N, p=[0.6, 0.4])
    cabin = rng.choice(CABINS, size=N, p=CABIN_SHARE)
    p_tier = np.where((cabin == "business")[:, None], [[0.35, 0.30, 0.35]], [[0.62, 0.25, 0.13]])
    tier = np.array(["none", "silver", "gold"])[
        (rng.random(N)[:, None] > p_tier.cumsum(axis=1)).sum(axis=1)
    ]
    days = (FLIGHT_DATES[1] - FLIGHT_DATES[0]).days + 1
    flight_date = FLIGHT_DATES[0] + pd.to_timedelta(rng.integers(0, days, N), unit="D")
    problem = rng.random(N) < np.where(route == "international", 0.23, 0.15)
    z = rng.multivariate_normal(np.zeros(len(MOTS)), CORR, size=N, method="cholesky")
    latent = pd.DataFrame(z, columns=MOTS)
    for name, shifts in CABIN_SHIFT.items():
        for mot, shift in shifts.items():
            latent.loc[cabin == name, mot] += shift
    for mot, shift in GOLD_SHIFT.items():
        latent.loc[tier == "gold", mot] += shift
    latent.loc[problem, "arrival"] += ARRIVAL_PROBLEM_SHIFT
    sat = sum(WEIGHTS[m] * latent[m].to_numpy() for m in MOTS if m != "complaint")
    sat = sat + np.where(
        problem, WEIGHTS["complaint"] * latent["complaint"].to_numpy() - PROBLEM_PENALTY, 0.0
    )
    sat = sat + rng.normal(0.0, SAT_NOISE, N)
    sat = (sat - sat.mean()) / sat.std()  # standardized latent overall satisfaction
    nps_latent = NPS_LOADING * sat + np.sqrt(1 - NPS_LOADING**2) * rng.normal(size=N)
    ces_latent = CES_LOADING * sat + np.sqrt(1 - CES_LOADING**2) * rng.normal(size=N)
    ces_latent = ces_latent + np.where(problem, CES_PROBLEM_SHIFT, 0.0)
    df = pd.DataFrame(
        {
            "passenger_id": np.arange(1, N + 1, dtype="int64"),
            "flight_date": flight_date.strftime("%Y-%m-%d"),
            "route_type": route,
            "cabin": cabin,
            "loyalty_tier": tier,
        }
    )
    for mot in MOTS[:-1]:
        df[f"mot_{mot}"] = _cut(latent[mot].to_numpy(), RATING_SHARES[mot], 1)
    df["had_problem"] = problem
    complaint = _cut(latent["complaint"].to_numpy(), RATING_SHARES["complaint"], 1)
    df["mot_complaint"] = pd.Series(complaint, dtype="Int64").where(problem)  # asked if problem
    df["sat_overall"] = _cut(sat, SAT_SHARES, 1)
    df["nps_score"] = _cut(nps_latent, NPS_SHARES, 0)
    df["ces"] = _cut(ces_latent, CES_SHARES, 1)
    df = df.sort_values(["flight_date", "passenger_id"], kind="stable").reset_index(drop=True)
    df["passenger_id"] = np.arange(1, N + 1, dtype="int64")  # numbered by flight date
    return df


def _rating(title: str, title_zh: str, construct: str, low: int, high: int) -> dict:
    return {
        "title": title,
        "title_zh": title_zh,
        "construct": construct,
        "constraints": {"minimum": low, "maximum": high},
    }


_MOT_EN = "How satisfied were you with {}? (1 = very dissatisfied, 5 = very satisfied)"
_MOT_ZH = "您对{}的满意程度如何？（1 = 非常不满意，5 = 非常满意）"

FIELDS = {
    "passenger_id": {
        "title": "Passenger id (numbered by flight date)",
        "title_zh": "乘客编号（按航班日期）",
    },
    "flight_date": {
        "type": "date",
        "format": "%Y-%m-%d",
        "title": "Date of the flight",
        "title_zh": "航班日期",
    },
    "route_type": {"title": "Route: domestic or international", "title_zh": "航线：国内或国际"},
    "cabin": {
        "title": "Cabin: economy, premium economy, business",
        "title_zh": "舱位：经济舱、超级经济舱、商务舱",
    },
    "loyalty_tier": {
        "title": "Frequent-flyer tier: none, silver, gold",
        "title_zh": "常旅客等级：无、银卡、金卡",
    },
    "mot_booking": _rating(
        _MOT_EN.format("booking your ticket (website, app or agent)"),
        _MOT_ZH.format("订票（网站、App 或代理）"),
        "Moment of truth: booking",
        1,
        5,
    ),
    "mot_checkin": _rating(
        _MOT_EN.format("check-in and bag drop"),
        _MOT_ZH.format("值机和托运行李"),
        "Moment of truth: check-in",
        1,
        5,
    ),
    "mot_boarding": _rating(
        _MOT_EN.format("boarding"),
        _MOT_ZH.format("登机"),
        "Moment of truth: boarding",
        1,
        5,
    ),
    "mot_crew": _rating(
        _MOT_EN.format("the cabin crew"),
        _MOT_ZH.format("乘务组的服务"),
        "Moment of truth: crew",
        1,
        5,
    ),
    "mot_meal": _rating(
        _MOT_EN.format("the food and drinks on board"),
        _MOT_ZH.format("机上餐饮"),
        "Moment of truth: meal",
        1,
        5,
    ),
    "mot_arrival": _rating(
        _MOT_EN.format("arrival and baggage delivery"),
        _MOT_ZH.format("到达和行李提取"),
        "Moment of truth: arrival (baggage)",
        1,
        5,
    ),
    "had_problem": {
        "title": "Did you have a problem on this trip that you reported or complained about?",
        "title_zh": "本次行程中您是否遇到问题并进行了反映或投诉？",
    },
    "mot_complaint": _rating(
        _MOT_EN.format("the way your problem or complaint was handled")
        + " Asked only if had_problem; empty otherwise.",
        _MOT_ZH.format("您的问题或投诉的处理方式") + "仅在遇到问题时询问，否则为空。",
        "Moment of truth: complaint handling",
        1,
        5,
    ),
    "sat_overall": _rating(
        "Overall, how satisfied are you with this trip with us? "
        "(1 = very dissatisfied, 7 = very satisfied)",
        "总体而言，您对本次与我们同行的旅程满意吗？（1 = 非常不满意，7 = 非常满意）",
        "Overall satisfaction",
        1,
        7,
    ),
    "nps_score": _rating(
        "How likely is it that you would recommend this airline to a friend or colleague? "
        "(0 = not at all likely, 10 = extremely likely)",
        "您向朋友或同事推荐本航空公司的可能性有多大？（0 = 完全不可能，10 = 极有可能）",
        "NPS",
        0,
        10,
    ),
    "ces": _rating(
        "The airline made it easy for me to handle my trip and any issue. "
        "(1 = strongly disagree, very difficult; 7 = strongly agree, very easy)",
        "航空公司让我轻松地处理行程和任何问题。"
        "（1 = 非常不同意，非常费力；7 = 非常同意，非常轻松）",
        "Customer effort (CES)",
        1,
        7,
    ),
}


def true_importance() -> dict[str, float]:
    """The true share (%) of NPS's R² of each of the six moments every passenger rates,
    for passengers without a problem: NPS follows latent satisfaction, so the shares are
    those of the latent model S = β'z + N(0, SAT_NOISE²), z ~ N(0, R) — the relative
    weights of its population correlations (cxlab.drivers.from_corr)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from cxlab.drivers import from_corr

    six = MOTS[:6]
    rows = [MOTS.index(m) for m in six]
    rxx = CORR[np.ix_(rows, rows)]
    beta = np.array([WEIGHTS[m] for m in six])
    r_sat = rxx @ beta / np.sqrt(beta @ rxx @ beta + SAT_NOISE**2)  # corr(MOT, satisfaction)
    names = ["sat", *(f"mot_{m}" for m in six)]
    population = pd.DataFrame(np.eye(7), index=names, columns=names)
    population.iloc[1:, 1:] = rxx
    population.iloc[0, 1:] = population.iloc[1:, 0] = r_sat
    pct = from_corr(population, "sat", names[1:]).table["pct"]
    return {name: round(float(value), 6) for name, value in pct.items()}


def main() -> None:
    """Build the survey data and write ``airline_mot.csv`` and its resource entry."""
    df = build()
    register(
        "airline_mot",
        df,
        title="Airline moments of truth: 1,000 passengers (simulated)",
        description=(
            "1,000 passengers of an airline rate six moments of truth of their trip "
            "(booking, check-in, boarding, crew, meal, arrival/baggage) on 1-5, complaint "
            "handling when they had a problem, overall satisfaction (1-7), likelihood to "
            "recommend (0-10) and customer effort (1-7). Simulated with known driver "
            "weights for key-driver and importance-performance analysis; the truth is in "
            "`simulation`."
        ),
        sources=simulated_sources("airline_mot.py"),
        licenses=SIMULATED_LICENSES,
        fields=FIELDS,
        extra={
            "simulation": {
                "script": "datasets/make/airline_mot.py",
                "seed": SEED,
                "model": (
                    "Latent MOT perceptions z ~ N(0, R) for booking, checkin, boarding, crew, "
                    "meal, arrival, complaint (R in `latent_correlations`, r = .30-.50). "
                    "Shifts (SD units): business crew +.5, meal +.8, check-in and boarding "
                    "+.3; premium economy half of that; gold tier check-in and boarding +.3; "
                    "had_problem (P = .15 domestic, .23 international) arrival -.5. Latent "
                    "satisfaction S = .05 booking + .24 checkin + .22 boarding + .42 crew + "
                    ".06 meal + .18 arrival + had_problem x (.85 complaint - .85) + "
                    "N(0, .6^2), then standardized. NPS latent = .85 S + .53 e; CES latent "
                    "= .70 S + .71 e - .40 x had_problem (e standard normal). Each latent is "
                    "cut into its scale at the normal quantiles of the target shares in "
                    "`rating_shares` (shares for an economy, non-gold passenger without a "
                    "problem; "
                    "shifts move the realized shares)."
                ),
                "true_weights": WEIGHTS,
                "true_weights_note": (
                    "weights of latent overall satisfaction per SD of each latent MOT; the "
                    "complaint weight applies only to passengers with a problem, who also "
                    f"lose {PROBLEM_PENALTY} before handling. Order of the six MOTs every "
                    "passenger rates: crew > check-in > boarding > arrival > meal > booking."
                ),
                "true_importance_pct": true_importance(),
                "true_importance_note": (
                    "each moment's true share (%) of the R² of NPS for passengers without a "
                    "problem (relative weights of the latent model's population "
                    "correlations; see true_importance() in the script)"
                ),
                "latent_correlations": {
                    m: dict(zip(MOTS, row.tolist(), strict=True))
                    for m, row in zip(MOTS, CORR, strict=True)
                },
                "rating_shares": {
                    **{f"mot_{m}": RATING_SHARES[m] for m in MOTS},
                    "sat_overall": SAT_SHARES,
                    "nps_score": NPS_SHARES,
                    "ces": CES_SHARES,
                },
                "importance_performance": {
                    "mot_crew": "high importance, high performance: keep up the good work",
                    "mot_complaint": "high importance, low performance: concentrate here",
                    "mot_meal": "low importance, lowest performance: low priority",
                    "mot_booking": "low importance, high performance: possible overkill",
                },
                "service_recovery": (
                    "passengers with a problem handled well (mot_complaint >= 4) end close "
                    "to the NPS of passengers without a problem (a mild recovery paradox); "
                    "handled badly (<= 2) they are mostly detractors"
                ),
            }
        },
    )


if __name__ == "__main__":
    main()
