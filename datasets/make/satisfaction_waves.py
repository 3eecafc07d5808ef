"""Simulate ``satisfaction_waves``: a retailer's customer panel answering a satisfaction
survey in four quarterly waves of 2025, for latent growth curves (lesson 10, section 7).

    python datasets/make/satisfaction_waves.py

The truth (also recorded in datapackage.json under ``simulation``):
- 800 panel customers; ``member`` (loyalty programme, 1 = yes) with probability .45.
- A linear growth model with time scored 0, 1, 2, 3 (quarters since wave 1). Each customer
  has a level ``i`` (satisfaction at wave 1) and a slope ``s`` (change per quarter):
  i = 4.60 + 0.30·member + ζi, s = −0.08 + 0.12·member + ζs, with var(ζi) = 0.60,
  var(ζs) = 0.04, cov(ζi, ζs) = −0.03. Non-members lose 0.08 points a quarter, members
  gain 0.04.
- ``problem1``…``problem4``: a service problem recorded in the CRM that quarter (complaint,
  failed delivery, faulty product), probability .12 each quarter, independent of
  everything else and known for every customer; it lowers that wave's satisfaction by 0.50
  (and no later wave).
- Each wave, the customer's satisfaction y = i + s·t − 0.50·problem + ε, var(ε) = 0.25,
  is answered on three 7-point items: each item is y plus item noise (SD 0.5), rounded and
  kept within 1–7. ``sat1``…``sat4`` is the mean of the three items, rounded to 2
  decimals. The residual variance of the index is therefore about
  0.25 + (0.5² + 1/12)/3 = 0.36, a little less because answers pile up at 7 (about 5 % of
  the item answers).
- Drop-out, missing at random (MAR): everyone answers wave 1; a customer who answered wave
  t − 1 skips wave t with probability logistic(−2.0 − 0.8·(sat at t − 1 − 4.6)) and then
  leaves the panel for good. About 86 %, 75 % and 65 % answer waves 2, 3 and 4; the
  customers who leave are the less satisfied, so complete cases overstate satisfaction.
- ``index_population`` in datapackage.json: the growth model fitted to 200,000 complete
  records of the same process (no drop-out), i.e. the values the index-level model
  recovers in the population. Rounding and the ceiling at 7 move them at most 0.015 from
  the generating values (residual variances: 0.35 instead of 0.36).
- Precision, measured before the seed was used (200 draws of n = 800 with drop-out, seeds
  1000-1199, cx.sem.growth): with FIML every estimate is unbiased within 0.008 of the
  population values, with sampling SDs from 0.009 (var(s)) to 0.104 (problem at wave 4);
  the slope mean 0.019, the member effect on the slope 0.026. ``TOLERANCE`` is 3.5 sampling
  SDs per parameter (tests/test_simulated_satisfaction_waves.py). Listwise deletion keeps
  about 520 of 800 customers and overstates the wave-1 level (i ~1) by 0.22 on average
  (the FIML sampling SD is 0.049) and understates var(i) by 0.09; the slope hardly moves.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from _package import SIMULATED_LICENSES, register, simulated_sources

SEED = 20261124
N = 800
WAVES = 4
P_MEMBER = 0.45
P_PROBLEM = 0.12
ITEM_SD = 0.5
DROP = {"intercept": -2.0, "slope": -0.8, "centre": 4.6}
#: the generating values, as lavaan would name the parameters of MODEL
TRUTH = {
    "i ~1": 4.60,
    "i ~ member": 0.30,
    "s ~1": -0.08,
    "s ~ member": 0.12,
    "i ~~ i": 0.60,
    "s ~~ s": 0.04,
    "i ~~ s": -0.03,
    "sat1 ~ problem1": -0.50,
    "sat2 ~ problem2": -0.50,
    "sat3 ~ problem3": -0.50,
    "sat4 ~ problem4": -0.50,
    "sat1 ~~ sat1": 0.25,
    "sat2 ~~ sat2": 0.25,
    "sat3 ~~ sat3": 0.25,
    "sat4 ~~ sat4": 0.25,
}
#: the model to fit (lavaan syntax for growth(); the values are in TRUTH)
MODEL = """i =~ 1*sat1 + 1*sat2 + 1*sat3 + 1*sat4
s =~ 0*sat1 + 1*sat2 + 2*sat3 + 3*sat4
i + s ~ member
sat1 ~ problem1
sat2 ~ problem2
sat3 ~ problem3
sat4 ~ problem4
"""
#: the residual variance of the index before the ceiling at 7: ε plus item noise and rounding
INDEX_RESIDUAL = 0.25 + (ITEM_SD**2 + 1 / 12) / 3
#: how far a FIML estimate at n = 800 may lie from the population value: 3.5 sampling SDs
#: (200 simulated panels, see the module docstring), rounded up
TOLERANCE = {
    "i ~1": 0.17,
    "i ~ member": 0.23,
    "s ~1": 0.066,
    "s ~ member": 0.092,
    "i ~~ i": 0.19,
    "s ~~ s": 0.032,
    "i ~~ s": 0.063,
    "sat1 ~ problem1": 0.30,
    "sat2 ~ problem2": 0.25,
    "sat3 ~ problem3": 0.30,
    "sat4 ~ problem4": 0.37,
    "sat1 ~~ sat1": 0.14,
    "sat2 ~~ sat2": 0.083,
    "sat3 ~~ sat3": 0.086,
    "sat4 ~~ sat4": 0.15,
}


def _simulate(n: int, rng: np.random.Generator, dropout: bool) -> pd.DataFrame:
    """*n* panel customers drawn from the true model (with the MAR drop-out if *dropout*)."""
    member = (rng.random(n) < P_MEMBER).astype("int64")
    cov = np.array([[TRUTH["i ~~ i"], TRUTH["i ~~ s"]], [TRUTH["i ~~ s"], TRUTH["s ~~ s"]]])
    zeta = rng.multivariate_normal([0.0, 0.0], cov, size=n, method="cholesky")
    level = TRUTH["i ~1"] + TRUTH["i ~ member"] * member + zeta[:, 0]
    slope = TRUTH["s ~1"] + TRUTH["s ~ member"] * member + zeta[:, 1]
    problem = (rng.random((n, WAVES)) < P_PROBLEM).astype("int64")
    time = np.arange(WAVES)
    y = (
        level[:, None]
        + slope[:, None] * time
        + TRUTH["sat1 ~ problem1"] * problem
        + rng.normal(0.0, np.sqrt(TRUTH["sat1 ~~ sat1"]), (n, WAVES))
    )
    items = np.clip(np.rint(y[:, :, None] + rng.normal(0.0, ITEM_SD, (n, WAVES, 3))), 1, 7)
    sat = items.mean(axis=2).round(2)
    if dropout:
        answered = np.ones((n, WAVES), dtype=bool)
        for t in range(1, WAVES):
            logit = DROP["intercept"] + DROP["slope"] * (sat[:, t - 1] - DROP["centre"])
            skips = rng.random(n) < 1 / (1 + np.exp(-logit))
            answered[:, t] = answered[:, t - 1] & ~skips
        sat = np.where(answered, sat, np.nan)
    df = pd.DataFrame({"customer_id": np.arange(1, n + 1, dtype="int64"), "member": member})
    for t in range(WAVES):
        df[f"sat{t + 1}"] = sat[:, t]
    for t in range(WAVES):
        df[f"problem{t + 1}"] = problem[:, t]
    return df


def build(seed: int = SEED) -> pd.DataFrame:
    """The dataset as a DataFrame (deterministic for a seed)."""
    return _simulate(N, np.random.default_rng(seed), dropout=True)


def index_population(n: int = 200_000, seed: int = SEED + 1) -> dict[str, float]:
    """The growth model's values on the satisfaction index in a very large complete sample
    of the same process: what a fit of MODEL recovers apart from sampling error."""
    from cxlab.sem import growth

    data = _simulate(n, np.random.default_rng(seed), dropout=False)
    est = growth(MODEL, data).estimates()
    est = est[est["se"].notna()]
    keys = est["lhs"] + " " + est["op"] + (" " + est["rhs"]).where(est["rhs"] != "", "")
    return {k: round(float(v), 3) for k, v in zip(keys, est["est"], strict=True)}


WAVE_LABELS = {
    1: ("2025 Q1", "2025 年第一季度"),
    2: ("2025 Q2", "2025 年第二季度"),
    3: ("2025 Q3", "2025 年第三季度"),
    4: ("2025 Q4", "2025 年第四季度"),
}


def fields() -> dict[str, dict]:
    """The codebook: wording in English and 中文, construct, scale."""
    out: dict[str, dict] = {
        "customer_id": {"title": "Panel customer id", "title_zh": "固定样本客户编号"},
        "member": {
            "title": "Member of the loyalty programme (1 = yes, 0 = no)",
            "title_zh": "是否为忠诚度计划会员（1 = 是，0 = 否）",
        },
    }
    for wave, (en, zh) in WAVE_LABELS.items():
        out[f"sat{wave}"] = {
            "title": f"Satisfaction index, wave {wave} ({en}): mean of three 7-point items "
            "(1 = very dissatisfied, 7 = very satisfied); empty = did not answer this wave",
            "title_zh": f"满意度指数，第 {wave} 期（{zh}）：三个 7 级题项的平均值"
            "（1 = 非常不满意，7 = 非常满意）；空白 = 本期未作答",
            "construct": "Satisfaction",
            "construct_zh": "满意度",
            "constraints": {"minimum": 1, "maximum": 7},
        }
    for wave, (en, zh) in WAVE_LABELS.items():
        out[f"problem{wave}"] = {
            "title": f"Service problem recorded in the CRM in {en} (complaint, failed delivery "
            "or faulty product; 1 = yes, 0 = no)",
            "title_zh": f"{zh}客户关系管理系统中是否记录了服务问题"
            "（投诉、配送失败或商品有缺陷；1 = 是，0 = 否）",
        }
    return out


def main() -> None:
    """Write satisfaction_waves.csv and its resource entry."""
    register(
        "satisfaction_waves",
        build(),
        title="Customer panel: satisfaction in four quarterly waves (simulated)",
        description=(
            "800 customers of an omnichannel retailer answer the same satisfaction survey "
            "in four quarterly waves of 2025 (a satisfaction index: the mean of three 7-point "
            "items). Loyalty-programme membership, and service problems recorded in the CRM "
            "each quarter. Customers who are less satisfied are more likely to leave the "
            "panel (missing at random). For latent growth curves. Simulated; the true model "
            "is in `simulation`."
        ),
        sources=simulated_sources("satisfaction_waves.py"),
        licenses=SIMULATED_LICENSES,
        fields=fields(),
        extra={
            "simulation": {
                "script": "datasets/make/satisfaction_waves.py",
                "seed": SEED,
                "model": MODEL,
                "function": "growth",
                "time_scores": list(range(WAVES)),
                "truth": TRUTH,
                "index_residual_variance": round(INDEX_RESIDUAL, 4),
                "index_population": index_population(),
                "index_population_note": (
                    "MODEL fitted with growth() to 200,000 complete records of the same "
                    f"process (seed {SEED + 1}, no drop-out): the values the index-level "
                    "model recovers apart from sampling error"
                ),
                "items": (
                    "three 7-point items per wave: round(y + N(0, 0.5²)) kept within 1-7; "
                    "the index is their mean, rounded to 2 decimals"
                ),
                "p_member": P_MEMBER,
                "p_problem": P_PROBLEM,
                "dropout": (
                    "MAR and monotone: everyone answers wave 1; a customer who answered wave "
                    "t-1 skips wave t with probability logistic(-2.0 - 0.8*(sat at t-1 - 4.6)) "
                    "and then leaves the panel"
                ),
                "tolerance": TOLERANCE,
            }
        },
    )


if __name__ == "__main__":
    main()
