"""Simulate ``retail_omnichannel`` (a customer survey) and ``retail_transactions`` (the same
customers' purchases in the 12 months after it), linked by ``customer_id`` (lessons 03, 10,
13; the retail case).

    python datasets/make/retail_omnichannel.py

The truth (also recorded in datapackage.json under ``simulation``):
- Survey, December 2024, 2,000 customers, 7-point items: channel consistency (CONS, 4
  items) → trust (TRUST, 3) → satisfaction (SAT, 3) → loyalty intention (LI, 4; ``li4r``
  "I am likely to switch" is reverse-keyed and stored as answered). Standardized paths
  TRUST ~ .50 CONS; SAT ~ .30 CONS + .45 TRUST; LI ~ .55 SAT + .20 TRUST. An NPS item
  (0–10) follows LI. 1.5 % of answers are missing completely at random; 2 % of the
  respondents are careless straight-liners who also finish in 40–90 s (the others take
  a log-normal time with median 6 minutes).
- Behaviour, 2025: a latent purchase propensity B = .40·LI + .92·H, where H (habit,
  convenience, switching costs) is independent of every attitude, so stated loyalty
  predicts actual purchases only in part (corr(LI, B) = .40). Each month a customer is
  still active buys Poisson(exp(−0.35 + 0.55·B)) times and stops for good with
  probability 1 / (1 + exp(2.6 + 0.9·B)). Basket value is Gamma(shape 4) around the
  customer's mean spend exp(4.0 + 0.25·S), S correlated .20 with SAT.
- Dick & Basu's cells on the latent scale (attitude = LI > 0, behaviour = B > 0): true
  loyalty and no loyalty about 31 % each, latent loyalty (high attitude, low repeat) and
  spurious loyalty (low attitude, high repeat, habit) about 19 % each. The realised
  counts are in ``simulation.dick_basu_cells``.
- Loyalty-programme membership (``member``) is self-selected: P(member) = 1 / (1 +
  exp(−(0.2 + 1.0·B))), so the heavy, loyal shoppers join (54 % expected, the realised
  share in ``simulation.membership``). Membership has no causal effect: purchases, baskets
  and every survey answer are drawn without it. Members buy more and recommend more only
  because of who joins; given B the gap is zero.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from _package import register

from cxlab.simulate import simulate

SEED = 20261124
N = 2000
MODEL = """
CONS =~ 0.80*cons1 + 0.75*cons2 + 0.70*cons3 + 0.75*cons4
TRUST =~ 0.85*trust1 + 0.80*trust2 + 0.75*trust3
SAT =~ 0.85*sat1 + 0.85*sat2 + 0.75*sat3
LI =~ 0.85*li1 + 0.80*li2 + 0.80*li3 + 0.65*li4r
TRUST ~ 0.50*CONS
SAT ~ 0.30*CONS + 0.45*TRUST
LI ~ 0.55*SAT + 0.20*TRUST
"""
ATTITUDE_BEHAVIOUR = 0.40
#: P(member) = 1 / (1 + exp(-(a + b·B))): intercept a and slope b on the purchase propensity B
MEMBER_LOGIT = (0.2, 1.0)
# cumulative shares of NPS answers 0..9 in the population (27 % detractors, 40 % promoters)
NPS_CUM = [0.02, 0.03, 0.05, 0.08, 0.12, 0.18, 0.27, 0.42, 0.60, 0.80]
SURVEY_START, SURVEY_DAYS = pd.Timestamp("2024-12-01"), 20
YEAR_START = pd.Timestamp("2025-01-01")
CHANNELS = ["store", "app", "web"]
ITEMS = [
    *(f"cons{i}" for i in range(1, 5)),
    *(f"trust{i}" for i in range(1, 4)),
    *(f"sat{i}" for i in range(1, 4)),
    "li1",
    "li2",
    "li3",
    "li4r",
]


def build(seed: int = SEED) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, int]]:
    """(survey, transactions, Dick & Basu cell counts), deterministic for a seed."""
    survey, tx, cells, _ = build_with_truth(seed)
    return survey, tx, cells


def build_with_truth(
    seed: int = SEED,
) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, int], pd.DataFrame]:
    """``build`` plus the latent truth per customer (in survey order): LI, SAT, the habit H,
    the purchase propensity B and the true probability of membership."""
    sim = simulate(
        MODEL,
        n=N,
        seed=seed,
        likert=7,
        thresholds="skewed",
        careless={"share": 0.02, "kind": "straightline"},
        missing={"mechanism": "MCAR", "rate": 0.015},
    )
    rng = np.random.default_rng(seed + 1)
    lat = sim.latent
    survey = sim.data[ITEMS].copy()
    survey["li4r"] = 8 - survey["li4r"]  # "I am likely to switch": answered the other way
    careless = survey.index.isin(sim.careless_ids)
    survey.loc[careless, "li4r"] = 8 - survey.loc[careless, "li4r"]  # straight-liners stay straight
    ids = rng.permutation(np.arange(10001, 10001 + 4 * N))[:N]
    survey.insert(0, "customer_id", ids.astype("int64"))
    days = rng.integers(0, SURVEY_DAYS, N)
    survey.insert(
        1, "survey_date", (SURVEY_START + pd.to_timedelta(days, unit="D")).strftime("%Y-%m-%d")
    )
    duration = np.round(np.exp(rng.normal(np.log(360), 0.45, N))).astype("int64")
    duration[sim.careless_ids] = rng.integers(40, 91, len(sim.careless_ids))
    survey.insert(2, "duration_s", duration)
    since = pd.Timestamp("2018-01-01") + pd.to_timedelta(rng.integers(0, 6 * 365, N), unit="D")
    survey.insert(3, "customer_since", since.strftime("%Y-%m-%d"))
    survey.insert(
        4,
        "age_group",
        rng.choice(["18-29", "30-44", "45-59", "60+"], N, p=[0.24, 0.36, 0.27, 0.13]),
    )
    survey.insert(5, "city_tier", rng.choice([1, 2, 3], N, p=[0.35, 0.4, 0.25]).astype("int64"))
    preferred = rng.choice(CHANNELS, N, p=[0.45, 0.35, 0.2])
    survey.insert(6, "preferred_channel", preferred)
    u_member = rng.random(N)  # drawn here so that every later draw stays as it was
    z_nps = 0.8 * lat["LI"] + rng.normal(0, 0.6, N)
    survey["nps"] = np.searchsorted(stats.norm.ppf(NPS_CUM), z_nps).astype("int64")

    habit = rng.normal(0, 1, N)
    behaviour = (
        ATTITUDE_BEHAVIOUR * lat["LI"].to_numpy() + np.sqrt(1 - ATTITUDE_BEHAVIOUR**2) * habit
    )
    # self-selection: the heavy, loyal shoppers (high B) join; membership itself changes
    # nothing — purchases and answers are drawn without it
    p_member = 1 / (1 + np.exp(-(MEMBER_LOGIT[0] + MEMBER_LOGIT[1] * behaviour)))
    survey.insert(7, "member", u_member < p_member)
    spend_z = 0.2 * lat["SAT"].to_numpy() + np.sqrt(1 - 0.04) * rng.normal(0, 1, N)
    mean_spend = np.exp(4.0 + 0.25 * spend_z)
    rows = []
    active = np.ones(N, dtype=bool)
    for month in range(12):
        start = YEAR_START + pd.DateOffset(months=month)
        length = ((start + pd.DateOffset(months=1)) - start).days
        counts = np.where(active, rng.poisson(np.exp(-0.35 + 0.55 * behaviour)), 0)
        for i in np.flatnonzero(counts):
            for _ in range(counts[i]):
                rows.append((i, start + pd.Timedelta(days=int(rng.integers(0, length)))))
        active &= rng.random(N) >= 1 / (1 + np.exp(2.6 + 0.9 * behaviour))
    who = np.array([r[0] for r in rows])
    tx = pd.DataFrame(
        {
            "customer_id": ids[who].astype("int64"),
            "date": pd.DatetimeIndex([r[1] for r in rows]),
            "amount": np.round(rng.gamma(4.0, mean_spend[who] / 4.0), 2),
            "n_items": (1 + rng.poisson(1.5, len(who))).astype("int64"),
            "channel": np.where(
                rng.random(len(who)) < 0.65, preferred[who], rng.choice(CHANNELS, len(who))
            ),
        }
    )
    tx = tx.sort_values(["date", "customer_id"], kind="stable").reset_index(drop=True)
    tx["date"] = tx["date"].dt.strftime("%Y-%m-%d")
    tx.insert(0, "transaction_id", np.arange(1, len(tx) + 1, dtype="int64"))
    high_att, high_beh = lat["LI"].to_numpy() > 0, behaviour > 0
    cells = {
        "true loyalty": int((high_att & high_beh).sum()),
        "latent loyalty": int((high_att & ~high_beh).sum()),
        "spurious loyalty": int((~high_att & high_beh).sum()),
        "no loyalty": int((~high_att & ~high_beh).sum()),
    }
    truth = pd.DataFrame(
        {
            "customer_id": ids.astype("int64"),
            "LI": lat["LI"].to_numpy(),
            "SAT": lat["SAT"].to_numpy(),
            "habit": habit,
            "behaviour": behaviour,
            "p_member": p_member,
        }
    )
    return survey, tx, cells, truth


WORDING = {
    "cons1": (
        "Prices and promotions are the same in the store, the app and the website",
        "门店、App 和网站的价格与促销活动一致",
    ),
    "cons2": (
        "I can start a purchase in one channel and finish it in another",
        "我可以在一个渠道开始购买，在另一个渠道完成",
    ),
    "cons3": ("Store staff know what I ordered online", "门店员工了解我在网上下的订单"),
    "cons4": (
        "Returns are easy whichever channel I bought in",
        "无论在哪个渠道购买，退换货都很方便",
    ),
    "trust1": ("This retailer keeps its promises", "这家零售商信守承诺"),
    "trust2": (
        "I can rely on the information this retailer gives me",
        "我可以信赖这家零售商提供的信息",
    ),
    "trust3": ("This retailer has my interests at heart", "这家零售商真正为我着想"),
    "sat1": ("Overall, I am satisfied with this retailer", "总体而言，我对这家零售商感到满意"),
    "sat2": ("This retailer meets my expectations", "这家零售商达到了我的期望"),
    "sat3": (
        "This retailer comes close to my ideal retailer",
        "这家零售商接近我心目中理想的零售商",
    ),
    "li1": (
        "I will buy from this retailer again in the coming months",
        "未来几个月我会再次在这家零售商购物",
    ),
    "li2": (
        "This retailer is my first choice for this kind of product",
        "购买此类商品时，这家零售商是我的首选",
    ),
    "li3": ("I would recommend this retailer to others", "我会向他人推荐这家零售商"),
    "li4r": (
        "I am likely to switch to another retailer (reverse-keyed)",
        "我很可能会转向其他零售商（反向题）",
    ),
}
CONSTRUCTS = {
    "cons": ("Channel consistency", "渠道一致性"),
    "trust": ("Trust", "信任"),
    "sat": ("Satisfaction", "满意度"),
    "li": ("Loyalty intention", "忠诚意向"),
}

SURVEY_FIELDS: dict[str, dict] = {
    "customer_id": {
        "title": "Customer id (links to retail_transactions)",
        "title_zh": "顾客编号（关联交易数据）",
    },
    "survey_date": {
        "type": "date",
        "format": "%Y-%m-%d",
        "title": "Date of the survey",
        "title_zh": "调查日期",
    },
    "duration_s": {
        "title": "Time taken to answer the survey, seconds",
        "title_zh": "作答用时（秒）",
    },
    "customer_since": {
        "type": "date",
        "format": "%Y-%m-%d",
        "title": "Date of the first purchase (customer since)",
        "title_zh": "首次购买日期",
    },
    "age_group": {"title": "Age group", "title_zh": "年龄段"},
    "city_tier": {
        "title": "City tier (1 = first-tier city)",
        "title_zh": "城市等级（1 = 一线城市）",
    },
    "preferred_channel": {
        "title": "Preferred channel (store, app, web)",
        "title_zh": "常用渠道（门店、App、网站）",
    },
    "member": {"title": "Member of the loyalty programme", "title_zh": "是否会员"},
    "nps": {
        "title": "How likely is it that you would recommend this retailer to a friend or "
        "colleague? (0 = not at all likely, 10 = extremely likely)",
        "title_zh": "您向朋友或同事推荐这家零售商的可能性有多大？（0 = 完全不可能，10 = 极有可能）",
        "construct": "NPS",
        "constraints": {"minimum": 0, "maximum": 10},
    },
}
for _item, (_en, _zh) in WORDING.items():
    _c_en, _c_zh = CONSTRUCTS[_item.rstrip("r").rstrip("0123456789")]
    SURVEY_FIELDS[_item] = {
        "title": f"{_en} (1 = strongly disagree, 7 = strongly agree)",
        "title_zh": f"{_zh}（1 = 非常不同意，7 = 非常同意）",
        "construct": _c_en,
        "construct_zh": _c_zh,
        "reverse": _item.endswith("r"),
        "constraints": {"minimum": 1, "maximum": 7},
    }

TX_FIELDS: dict[str, dict] = {
    "transaction_id": {"title": "Transaction id", "title_zh": "交易编号"},
    "customer_id": {
        "title": "Customer id (links to retail_omnichannel)",
        "title_zh": "顾客编号（关联问卷）",
    },
    "date": {
        "type": "date",
        "format": "%Y-%m-%d",
        "title": "Date of purchase",
        "title_zh": "购买日期",
    },
    "amount": {"title": "Basket value (CNY)", "title_zh": "订单金额（元）"},
    "n_items": {"title": "Number of items in the basket", "title_zh": "商品件数"},
    "channel": {
        "title": "Channel of the purchase (store, app, web)",
        "title_zh": "购买渠道（门店、App、网站）",
    },
}
LICENSES = [
    {"name": "GPL-3.0-or-later", "title": "Simulated by cxlab; GPL-3.0-or-later like the package"}
]
SOURCES = [{"title": "Simulated by datasets/make/retail_omnichannel.py (cxlab)"}]


def _naive_gap(survey: pd.DataFrame, tx: pd.DataFrame) -> dict[str, float]:
    """Members vs non-members as the data show them: NPS points and mean 2025 spend (CNY)."""
    member = survey["member"].to_numpy(dtype=bool)
    points = np.select([survey["nps"] >= 9, survey["nps"] <= 6], [1, -1], 0)
    spend = tx.groupby("customer_id")["amount"].sum().reindex(survey["customer_id"], fill_value=0)
    spend = spend.to_numpy()
    return {
        "nps_members": round(100 * float(points[member].mean()), 1),
        "nps_non_members": round(100 * float(points[~member].mean()), 1),
        "spend_2025_members": round(float(spend[member].mean()), 2),
        "spend_2025_non_members": round(float(spend[~member].mean()), 2),
    }


def main() -> None:
    """Write retail_omnichannel.csv, retail_transactions.csv and their resource entries."""
    survey, tx, cells = build()
    simulation = {
        "script": "datasets/make/retail_omnichannel.py",
        "seed": SEED,
        "model": MODEL.strip(),
        "reverse_keyed": ["li4r"],
        "likert": {"points": 7, "thresholds": "skewed"},
        "missing": {"mechanism": "MCAR", "rate": 0.015},
        "careless": {"kind": "straightline", "share": 0.02, "duration_s": [40, 90]},
        "behaviour": (
            "B = 0.40*LI + 0.92*H (H independent habit); monthly purchases "
            "Poisson(exp(-0.35 + 0.55*B)) while active; monthly dropout "
            "1/(1 + exp(2.6 + 0.9*B)); basket Gamma(4, mean exp(4.0 + 0.25*S)), "
            "cor(S, SAT) = 0.20"
        ),
        "attitude_behaviour_correlation": ATTITUDE_BEHAVIOUR,
        "dick_basu_cells": cells,
        "nps_cumulative_shares": NPS_CUM,
        "membership": {
            "model": "P(member) = 1/(1 + exp(-(0.2 + 1.0*B))), B the purchase propensity above "
            "(mean 0, SD 1)",
            "intercept": MEMBER_LOGIT[0],
            "slope_on_B": MEMBER_LOGIT[1],
            "expected_share": 0.54,
            "realised_share": float(survey["member"].mean()),
            "effect_of_membership": 0,
            "naive_gap": _naive_gap(survey, tx),
            "note": (
                "Self-selection: the heavy, loyal shoppers (high B = purchase habit plus "
                "loyalty intention) join the loyalty programme. Membership itself changes "
                "nothing: the 2025 purchases, basket values and every survey answer (NPS "
                "included) are simulated without it. Members spend more and recommend more "
                "only because of who joins; among customers with the same B there is no gap. "
                "B is not in the data, so the naive member vs non-member gap is not the "
                "programme's effect."
            ),
            "note_zh": (
                "自选择（self-selection）：购买习惯强、忠诚的顾客（B 高：购买习惯加忠诚意向）"
                "更会加入忠诚度计划。会员身份本身不改变任何东西：2025 年的购买、订单金额和"
                "问卷的每一个回答（包括净推荐值）都在模拟时与会员身份无关。会员花得更多、更愿意"
                "推荐，只是因为加入的是哪些人；B 相同的顾客之间没有差距。数据中没有 B，"
                "所以会员与非会员的简单差距不是忠诚度计划的效果。"
            ),
        },
    }
    register(
        "retail_omnichannel",
        survey,
        title="Omnichannel retail customers: consistency, trust, satisfaction, loyalty (simulated)",
        description=(
            "A December 2024 survey of 2,000 customers of an omnichannel retailer (store, app, "
            "web): channel consistency, trust, satisfaction and loyalty intention on 7-point "
            "items (one reverse-keyed), NPS, survey duration; with some missing answers and a "
            "few careless respondents. Linked by customer_id to retail_transactions. "
            "Simulated; the truth is in `simulation`."
        ),
        sources=SOURCES,
        licenses=LICENSES,
        fields=SURVEY_FIELDS,
        extra={"simulation": simulation},
    )
    register(
        "retail_transactions",
        tx,
        title="Omnichannel retail: purchases in 2025 of the surveyed customers (simulated)",
        description=(
            "Every purchase in 2025 by the 2,000 customers surveyed in retail_omnichannel "
            "(linked by customer_id): date, basket value, items, channel. Stated loyalty "
            "predicts these purchases only in part. Simulated; the truth is in `simulation`."
        ),
        sources=SOURCES,
        licenses=LICENSES,
        fields=TX_FIELDS,
        extra={"simulation": simulation},
    )


if __name__ == "__main__":
    main()
