"""Simulate ``store_rollout`` (a store × month panel around a programme rollout) and
``store_rollout_customers`` (customers of the programme stores, self-selected members) —
the "Did it work?" lesson: difference-in-differences, event study, the loyalty-programme
trap.

    python datasets/make/store_rollout.py

The truth (also in datapackage.json under ``simulation``):

STORE PANEL (``store_rollout``): 72 stores (ids 1–72) of a retail chain, 24 months
2025-01 … 2026-12. Each store is urban with probability 0.5; its floor area is
lognormal (median 1,100 m² suburban, 1,500 m² urban, log-sd 0.3), rounded to 10 m².
THE ROLLOUT RULE (not random): the loyalty programme starts in 2026-01 (month 13) in every
urban store with a floor area of at least 1,400 m²; all other stores never get it. So the
programme stores are the bigger, urban ones and their levels differ, but every store
shares the same month effects (trends parallel by construction).
- sales per customer (yuan) = 175 + 25·urban + 0.02·(area − 1,200) + store effect
  N(0, 12²) + month effect + 6·programme·post + N(0, 5²), rounded to 0.01; the month
  effect is 0.6·(t − 1) + 8·cos(2π(t − 2)/12) for month t = 1…24 (growth and a
  Chinese-New-Year peak in February).
- NPS (store-month, −100…100) = 28 + 4·urban + store effect N(0, 6²) + 4·programme·post
  + N(0, 4²), rounded to 0.1.
- TRUE PROGRAMME EFFECT on the programme stores: +6.00 yuan of sales per customer (about
  2.8 % of their pre-rollout mean, stated in ``simulation``) and +4.0 NPS points, from the
  rollout month on, constant over time; nothing before (no anticipation).

CUSTOMERS (``store_rollout_customers``): 3,000 customers of the programme stores (the
programme exists only there), each in one store drawn uniformly. Age group 18-29 / 30-44 /
45-59 / 60+ (25 / 35 / 25 / 15 %), tenure U(0.5, 10) years (rounded to 0.1), distance to the
store lognormal (median 3 km, log-sd 0.7, rounded to 0.1). Underlying monthly spend
a = exp(log 250 + 0.15·[30-44] + 0.20·[45-59] + 0.05·[60+] + 0.03·tenure
− 0.10·log(distance) + N(0, 0.25²)). Pre-period (2025) monthly spend = a + N(0, 25²),
pre-period visits per month ~ Poisson(a / 80).
- MEMBERSHIP IS SELF-SELECTED: a customer joins at the rollout with probability
  logistic(−4.0 + 0.008·pre_spend + 0.15·pre_visits + 0.08·tenure − 0.10·distance
  + 0.3·[30-44] + 0.2·[45-59] − 0.3·[60+]): big, frequent, loyal, nearby spenders join.
  Joining depends only on these measured columns (so adjusting for them can work here;
  in real data unmeasured motives also drive joining).
- Post-period (2026) monthly spend = a + 12 + 8·member + N(0, 25²): the TRUE EFFECT of
  membership on spend is +8 yuan a month for every member (so ATT = ATE = 8), while the
  naive member − non-member gap is large (stated from a population simulation). A DiD on
  the customers (change in spend, members − non-members) is biased too: joining depended
  on the noisy pre-period spend, which falls back afterwards (regression to the mean).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _package import SIMULATED_LICENSES, register, simulated_sources

SEED = 20261206
N_STORES = 72
MONTHS = [f"{y}-{m:02d}" for y in (2025, 2026) for m in range(1, 13)]
ROLLOUT = "2026-01"
AREA_RULE = 1400
SALES = {"const": 175.0, "urban": 25.0, "area_per_m2": 0.02, "store_sd": 12.0, "sd": 5.0}
NPS = {"const": 28.0, "urban": 4.0, "store_sd": 6.0, "sd": 4.0}
EFFECT_SALES = 6.0
EFFECT_NPS = 4.0
N_CUSTOMERS = 3000
AGE_GROUPS = {"18-29": 0.25, "30-44": 0.35, "45-59": 0.25, "60+": 0.15}
SPEND_AGE = {"18-29": 0.0, "30-44": 0.15, "45-59": 0.20, "60+": 0.05}
JOIN = {
    "const": -4.0,
    "pre_spend": 0.008,
    "pre_visits": 0.15,
    "tenure_years": 0.08,
    "distance_km": -0.10,
    "age 30-44": 0.3,
    "age 45-59": 0.2,
    "age 60+": -0.3,
}
GROWTH = 12.0
EFFECT_MEMBER = 8.0
SPEND_NOISE = 25.0
SPEND_LOGSD = 0.25


def _month_effect(t: np.ndarray) -> np.ndarray:
    return 0.6 * (t - 1) + 8 * np.cos(2 * np.pi * (t - 2) / 12)


def _stores(rng: np.random.Generator) -> pd.DataFrame:
    urban = rng.random(N_STORES) < 0.5
    area = np.exp(np.log(np.where(urban, 1500, 1100)) + rng.normal(0, 0.3, N_STORES))
    area = np.round(area / 10) * 10
    return pd.DataFrame(
        {
            "store_id": np.arange(1, N_STORES + 1),
            "location": np.where(urban, "urban", "suburban"),
            "floor_area_m2": area.astype(int),
            "programme": (urban & (area >= AREA_RULE)).astype(int),
            "sales_effect": rng.normal(0, SALES["store_sd"], N_STORES),
            "nps_effect": rng.normal(0, NPS["store_sd"], N_STORES),
        }
    )


def build_panel(seed: int = SEED) -> pd.DataFrame:
    """The store × month panel (deterministic for a seed)."""
    rng = np.random.default_rng(seed)
    stores = _stores(rng)
    n, m = len(stores), len(MONTHS)
    t = np.tile(np.arange(1, m + 1), n)
    s = stores.loc[np.repeat(np.arange(n), m)].reset_index(drop=True)
    urban = (s["location"] == "urban").to_numpy()
    post = (t >= MONTHS.index(ROLLOUT) + 1).astype(int)
    on = s["programme"].to_numpy() * post
    sales = (
        SALES["const"]
        + SALES["urban"] * urban
        + SALES["area_per_m2"] * (s["floor_area_m2"].to_numpy() - 1200)
        + s["sales_effect"].to_numpy()
        + _month_effect(t)
        + EFFECT_SALES * on
        + rng.normal(0, SALES["sd"], n * m)
    )
    nps = (
        NPS["const"]
        + NPS["urban"] * urban
        + s["nps_effect"].to_numpy()
        + EFFECT_NPS * on
        + rng.normal(0, NPS["sd"], n * m)
    )
    return pd.DataFrame(
        {
            "store_id": s["store_id"],
            "location": s["location"],
            "floor_area_m2": s["floor_area_m2"],
            "programme": s["programme"],
            "month": np.tile(MONTHS, n),
            "post": post,
            "sales_per_customer": np.round(sales, 2),
            "nps": np.round(np.clip(nps, -100, 100), 1),
        }
    )


def _customers(rng: np.random.Generator, stores: list[int], n: int) -> dict[str, np.ndarray]:
    """Customers' covariates, membership and spend (the generator behind the table)."""
    store = rng.integers(0, len(stores), n)
    age = rng.choice(list(AGE_GROUPS), size=n, p=list(AGE_GROUPS.values()))
    tenure = np.round(rng.uniform(0.5, 10, n), 1)
    distance = np.round(np.exp(np.log(3) + rng.normal(0, 0.7, n)), 1).clip(0.1)
    log_a = (
        np.log(250)
        + np.vectorize(SPEND_AGE.get)(age)
        + 0.03 * tenure
        - 0.10 * np.log(distance)
        + rng.normal(0, SPEND_LOGSD, n)
    )
    a = np.exp(log_a)
    pre_spend = np.round(a + rng.normal(0, SPEND_NOISE, n), 2)
    pre_visits = rng.poisson(a / 80)
    eta = (
        JOIN["const"]
        + JOIN["pre_spend"] * pre_spend
        + JOIN["pre_visits"] * pre_visits
        + JOIN["tenure_years"] * tenure
        + JOIN["distance_km"] * distance
        + JOIN["age 30-44"] * (age == "30-44")
        + JOIN["age 45-59"] * (age == "45-59")
        + JOIN["age 60+"] * (age == "60+")
    )
    member = (rng.random(n) < 1 / (1 + np.exp(-eta))).astype(int)
    post_spend = np.round(a + GROWTH + EFFECT_MEMBER * member + rng.normal(0, SPEND_NOISE, n), 2)
    return {
        "store": np.asarray(stores)[store],
        "age": age,
        "tenure": tenure,
        "distance": distance,
        "pre_visits": pre_visits,
        "pre_spend": pre_spend,
        "member": member,
        "post_spend": post_spend,
    }


def build_customers(seed: int = SEED) -> pd.DataFrame:
    """The customers of the programme stores (deterministic for a seed)."""
    stores = _stores(np.random.default_rng(seed))
    where = stores.loc[stores["programme"] == 1, "store_id"].tolist()
    c = _customers(np.random.default_rng(seed + 1), where, N_CUSTOMERS)
    return pd.DataFrame(
        {
            "customer_id": np.arange(1, N_CUSTOMERS + 1),
            "store_id": c["store"],
            "age_group": c["age"],
            "tenure_years": c["tenure"],
            "distance_km": c["distance"],
            "pre_visits": c["pre_visits"],
            "pre_spend": c["pre_spend"],
            "member": c["member"],
            "post_spend": c["post_spend"],
        }
    )


def build(seed: int = SEED) -> dict[str, pd.DataFrame]:
    """Both tables: ``{"store_rollout": panel, "store_rollout_customers": customers}``."""
    return {"store_rollout": build_panel(seed), "store_rollout_customers": build_customers(seed)}


def population(seed: int = SEED + 2, n: int = 1_000_000) -> dict[str, float]:
    """Population values of the customer table from one simulation of *n* customers: the
    share who join, the naive member − non-member gap in post-period spend and in the
    change of spend (what a DiD on the customers estimates), against the true +8."""
    c = _customers(np.random.default_rng(seed), [1], n)
    m = c["member"] == 1
    post, change = c["post_spend"], c["post_spend"] - c["pre_spend"]
    return {
        "share joining": round(float(m.mean()), 4),
        "naive gap in post_spend": round(float(post[m].mean() - post[~m].mean()), 2),
        "gap in post_spend - pre_spend (customer DiD)": round(
            float(change[m].mean() - change[~m].mean()), 2
        ),
    }


def _pre_mean_programme_stores(seed: int = SEED) -> float:
    panel = build_panel(seed)
    pre = panel[(panel["programme"] == 1) & (panel["post"] == 0)]
    return float(pre["sales_per_customer"].mean())


def panel_fields() -> dict[str, dict]:
    """The codebook of the store panel."""
    return {
        "store_id": {"title": "Store id (1-72)", "title_zh": "门店编号（1-72）"},
        "location": {
            "title": "Store location: urban or suburban",
            "title_zh": "门店位置：城区或郊区",
        },
        "floor_area_m2": {
            "title": "Floor area of the store (m²)",
            "title_zh": "门店面积（平方米）",
        },
        "programme": {
            "title": "The store gets the loyalty programme in 2026-01 (1) or never (0); chosen "
            "by rule, not at random: urban stores of at least 1,400 m²",
            "title_zh": "该门店在 2026-01 推出忠诚度计划（1）或从未推出（0）；按规则而非随机"
            "选定：面积不小于 1,400 平方米的城区门店",
        },
        "month": {"title": "Month (YYYY-MM)", "title_zh": "月份（年-月）"},
        "post": {
            "title": "Month is on or after the rollout (2026-01): 1, before: 0",
            "title_zh": "该月份在推出（2026-01）当月或之后为 1，之前为 0",
        },
        "sales_per_customer": {
            "title": "Sales per customer in the month (yuan)",
            "title_zh": "当月客单价（元）",
        },
        "nps": {
            "title": "Net Promoter Score of the store in the month (-100 to 100)",
            "title_zh": "门店当月净推荐值（-100 至 100）",
            "construct": "NPS",
            "construct_zh": "净推荐值",
            "constraints": {"minimum": -100, "maximum": 100},
        },
    }


def customer_fields() -> dict[str, dict]:
    """The codebook of the customer table."""
    return {
        "customer_id": {"title": "Customer id", "title_zh": "顾客编号"},
        "store_id": {
            "title": "The customer's store (links to store_rollout; programme stores only)",
            "title_zh": "顾客所属门店（关联 store_rollout；仅限推出会员计划的门店）",
        },
        "age_group": {
            "title": "Age group (18-29, 30-44, 45-59, 60+)",
            "title_zh": "年龄组（18-29、30-44、45-59、60+）",
        },
        "tenure_years": {
            "title": "Years as a customer of the store",
            "title_zh": "成为该店顾客的年数",
        },
        "distance_km": {
            "title": "Distance from home to the store (km)",
            "title_zh": "住处到门店的距离（公里）",
        },
        "pre_visits": {
            "title": "Visits per month before the rollout (2025)",
            "title_zh": "推出会员计划前（2025 年）的月均到店次数",
        },
        "pre_spend": {
            "title": "Spend per month before the rollout (2025, yuan)",
            "title_zh": "推出会员计划前（2025 年）的月均消费（元）",
        },
        "member": {
            "title": "Joined the loyalty programme at the rollout (1) or not (0); self-selected",
            "title_zh": "是否在计划推出时加入会员（1 = 加入，0 = 未加入）；自愿加入",
            "construct": "Programme membership",
            "construct_zh": "会员身份",
        },
        "post_spend": {
            "title": "Spend per month after the rollout (2026, yuan)",
            "title_zh": "推出会员计划后（2026 年）的月均消费（元）",
        },
    }


def main() -> None:
    """Write both CSVs and their resource entries."""
    tables = build()
    panel = tables["store_rollout"]
    n_prog = int(panel.groupby("store_id")["programme"].first().sum())
    pre_mean = _pre_mean_programme_stores()
    common = {
        "script": "datasets/make/store_rollout.py",
        "seed": SEED,
        "stores": N_STORES,
        "programme_stores": n_prog,
        "months": [MONTHS[0], MONTHS[-1]],
        "rollout_month": ROLLOUT,
        "rollout_rule": "urban stores with floor_area_m2 >= 1400 get the programme in "
        "2026-01; all others never (not random; parallel trends by construction)",
    }
    panel_truth = {
        **common,
        "sales_per_customer": "175 + 25*urban + 0.02*(floor_area_m2 - 1200) + N(0, 12^2) store "
        "effect + 0.6*(t - 1) + 8*cos(2*pi*(t - 2)/12) + 6*programme*post + N(0, 5^2), "
        "t = 1..24, rounded to 0.01",
        "nps": "28 + 4*urban + N(0, 6^2) store effect + 4*programme*post + N(0, 4^2), "
        "rounded to 0.1",
        "true_effect_sales_per_customer": EFFECT_SALES,
        "true_effect_sales_percent_of_pre_mean": round(100 * EFFECT_SALES / pre_mean, 2),
        "pre_mean_sales_programme_stores": round(pre_mean, 2),
        "true_effect_nps": EFFECT_NPS,
        "effect_timing": "constant from the rollout month on; none before (no anticipation)",
    }
    customer_truth = {
        **common,
        "customers": N_CUSTOMERS,
        "age_groups": AGE_GROUPS,
        "underlying_spend": "a = exp(log 250 + 0.15*[30-44] + 0.20*[45-59] + 0.05*[60+] + "
        "0.03*tenure_years - 0.10*log(distance_km) + N(0, 0.25^2))",
        "pre_spend": "a + N(0, 25^2), rounded to 0.01",
        "pre_visits": "Poisson(a / 80)",
        "membership_logit": JOIN,
        "membership_note": "self-selected on the measured columns only (pre_spend, "
        "pre_visits, tenure_years, distance_km, age_group): adjusting for them can recover "
        "the effect here; real members also select on motives nobody measured",
        "post_spend": "a + 12 + 8*member + N(0, 25^2), rounded to 0.01",
        "true_effect_member_on_spend": EFFECT_MEMBER,
        "true_effect_note": "the same for every member: ATT = ATE = 8 yuan a month",
        "customer_did_note": "the members' change in spend minus the non-members' is biased "
        "here (population value below): joining depended on the noisy pre-period spend, so "
        "members' pre_spend was high partly by chance and falls back (regression to the mean)",
        "population": population(),
        "population_note": "one simulation of 1,000,000 customers (seed + 2) from the same "
        "generator",
    }
    register(
        "store_rollout",
        panel,
        title="Store panel around a loyalty-programme rollout (simulated)",
        description=(
            "72 stores of a retail chain over 24 months (2025-01 to 2026-12): sales per "
            "customer and NPS per store and month. A loyalty programme starts in 2026-01 in "
            "the urban stores of at least 1,400 m² (a rule, not random); the others never get "
            "it. Built for difference-in-differences and event studies; simulated with a "
            "known programme effect (+6 yuan per customer, +4 NPS points), the truth is in "
            "`simulation`."
        ),
        sources=simulated_sources("store_rollout.py"),
        licenses=SIMULATED_LICENSES,
        fields=panel_fields(),
        extra={"simulation": panel_truth},
    )
    register(
        "store_rollout_customers",
        tables["store_rollout_customers"],
        title="Customers of the programme stores: self-selected loyalty members (simulated)",
        description=(
            "3,000 customers of the stores of store_rollout that run the loyalty programme: "
            "age group, tenure, distance, visits and spend per month before the rollout, "
            "whether they joined (self-selected: big, frequent, loyal spenders join) and spend "
            "per month after. The true effect of membership is +8 yuan a month while members "
            "spend far more than non-members anyway: the loyalty-programme trap. The truth "
            "is in `simulation`."
        ),
        sources=simulated_sources("store_rollout.py"),
        licenses=SIMULATED_LICENSES,
        fields=customer_fields(),
        extra={"simulation": customer_truth},
    )


if __name__ == "__main__":
    main()
