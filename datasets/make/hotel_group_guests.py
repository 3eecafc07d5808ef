"""Simulate ``hotel_group_guests``: the guests of a fictional mid-scale Chinese hotel group,
Lanting Hotels (澜亭酒店集团, an invented name), with their profile, loyalty tier and points,
one stay, a post-stay survey, an OTA-style review, what went wrong and how it was put right,
and whether they came back within 12 months (the case of a hotel group choosing between
CRM, CXM and CEM investments).

    python datasets/make/hotel_group_guests.py

One row per guest: the guest's first stay of 2024 at one of ten hotels (the *index stay*),
followed for 12 months (to the end of 2025 at the latest). Every guest in the file answered
the post-stay survey. The truth (also in datapackage.json under ``simulation``):

- 5,000 guests: business 45 %, leisure 35 %, family 20 %; ten hotels in city tiers 1-3.
- Each guest has an unobserved *affinity* to the brand, a ~ N(0, 1). Past stays (previous
  24 months) ~ Poisson(exp(0.2 + 0.7·a + 0.5·business − 0.2·family)), at most 30.
- TIERS ARE EARNED BY PAST STAYS (self-selection): basic (普通) 0-1, silver (银卡) 2-4,
  gold (金卡) 5-9, platinum (白金) 10 or more. Points = past stays × U(150, 450), to tens.
- Channel: business guests book through a corporate agreement with probability 0.45; the
  others book direct (website / app) with probability logistic(−0.6 + 0.8·a + 0.3·tier
  index) and through an OTA otherwise. App users: logistic(−1.0 + 0.9·a + 0.8·direct).
- A problem during the stay with a hotel-specific probability (``HOTELS``); its type from
  ``PROBLEM_TYPES``. A guest with a problem complains with probability 0.55 (business 0.65).
  Recovery happens for 70 % of complaints (85 % for gold and platinum: staff look after
  them first) and for 15 % of unvoiced problems (staff noticed); a recovery is fast (within
  2 hours) with probability 0.55 (0.70 for gold and platinum), else slow (3-48 hours).
- Six attribute ratings (1-5): x_j = halo + e_j − 1.3·[the problem hit attribute j],
  halo ~ N(0, 0.6²), e_j ~ N(0, 0.7²); rating = round(3.9 + 0.8·x_j) cut to 1…5.
- Satisfaction (latent) S = Σ w_j·x_j (``WEIGHTS``: staff and cleanliness weigh most)
  − 0.8·problem + 0.6·fast recovery + 0.25·slow recovery + N(0, 0.5²); CSAT (1-5) and NPS
  (0-10) are S cut at fixed thresholds (NPS also + N(0, 0.6²)).
- A review on the OTA site with probability 0.25 + 0.15·OTA + 0.20·(problem not put right);
  stars = round(4.0 + 1.1·S + N(0, 0.5²)) cut to 1…5 — stars follow the experience. Text in
  Chinese (85 %) or English, from the phrase lists below: the best attribute when S is
  high, the problem when there was one, how it was (not) put right, and a closing that
  recommends the hotel when S is high (above 0.3) and does not otherwise.
- REVISIT within 12 months: logit = −0.9 + 0.9·a + 0.45·S − 0.9·problem + 0.6·fast
  recovery + 0.25·slow recovery + 0.15·direct + tier effect (silver 0.05, gold 0.10,
  platinum 0.20) + 0.3·business − 0.2·family. The app has NO effect. A fast recovery
  restores part of what a problem costs, not all of it (no "recovery paradox": a
  simulation choice). Direct bookers, app users and higher tiers revisit more mostly
  because of their affinity and history (who they are), not because of the channel, the
  app or the tier. Population values of these effects (the average change in the revisit
  rate if everyone had / had not …) come from one simulation of 400,000 guests
  (``population``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _package import SIMULATED_LICENSES, register, simulated_sources

SEED = 20261206
N_GUESTS = 5000
GROUP = "Lanting Hotels"
GROUP_ZH = "澜亭酒店集团"
SEGMENTS = {"business": 0.45, "leisure": 0.35, "family": 0.20}
#: hotel: (city tier, probability of a problem during the stay, share of the guests)
HOTELS = {
    "H01": (1, 0.18, 0.13),
    "H02": (1, 0.22, 0.12),
    "H03": (1, 0.26, 0.11),
    "H04": (1, 0.20, 0.10),
    "H05": (2, 0.24, 0.10),
    "H06": (2, 0.32, 0.10),
    "H07": (2, 0.21, 0.09),
    "H08": (3, 0.28, 0.09),
    "H09": (3, 0.23, 0.08),
    "H10": (3, 0.30, 0.08),
}
RATE = {1: 620.0, 2: 460.0, 3: 360.0}  # ¥ per night, before N(1, 0.1²) variation
TIERS = ["basic", "silver", "gold", "platinum"]
TIERS_ZH = ["普通", "银卡", "金卡", "白金"]
TIER_CUTS = [2, 5, 10]  # past stays needed for silver, gold, platinum
ATTRIBUTES = ["room", "cleanliness", "checkin", "breakfast", "staff", "value"]
ATTRIBUTES_ZH = ["客房", "清洁", "入住办理", "早餐", "员工服务", "性价比"]
WEIGHTS = {
    "room": 0.20,
    "cleanliness": 0.30,
    "checkin": 0.15,
    "breakfast": 0.10,
    "staff": 0.40,
    "value": 0.15,
}
#: problem type: (probability among problems, attribute it hits)
PROBLEM_TYPES = {
    "room": (0.20, "room"),
    "cleanliness": (0.22, "cleanliness"),
    "noise": (0.12, "room"),
    "check-in": (0.18, "checkin"),
    "staff": (0.16, "staff"),
    "billing": (0.12, "value"),
}
SATISFACTION = {"problem": -0.8, "fast": 0.6, "slow": 0.25, "sd": 0.5}
REVISIT = {
    "const": -0.9,
    "affinity": 0.9,
    "satisfaction": 0.45,
    "problem": -0.9,
    "fast": 0.6,
    "slow": 0.3,
    "direct": 0.15,
    "app": 0.0,
    "silver": 0.05,
    "gold": 0.10,
    "platinum": 0.20,
    "business": 0.3,
    "family": -0.2,
}
CSAT_CUTS = [-1.9, -1.2, -0.5, 0.3]  # S below the first cut: 1, …, above the last: 5
NPS_CUTS = [-2.5, -2.2, -1.9, -1.6, -1.3, -1.0, -0.7, -0.35, 0.05, 0.5]  # 0 … 10

PHRASES = {
    "zh": {
        "good": {
            "room": ["房间宽敞舒适", "床很舒服，睡得很好"],
            "cleanliness": ["房间打扫得很干净", "卫生做得很好"],
            "checkin": ["入住办理很快", "前台办理入住很顺利"],
            "breakfast": ["早餐品种丰富", "早餐很好吃"],
            "staff": ["员工服务热情周到", "前台小姐姐态度特别好"],
            "value": ["性价比很高", "价格很实惠"],
        },
        "plain": ["整体还可以", "出差住很方便", "位置不错，交通方便"],
        "problem": {
            "room": ["空调坏了", "房间设施有点旧"],
            "cleanliness": ["床单上有头发", "卫生间不太干净"],
            "noise": ["晚上很吵，隔音差", "楼上一直有噪音"],
            "check-in": ["办理入住排队等了很久", "到店时房间还没准备好"],
            "staff": ["服务员态度冷淡", "前台爱答不理"],
            "billing": ["退房时账单多收了钱", "发票开错了"],
        },
        "fast": ["不过前台马上帮我换了房", "反映后很快就解决了，还送了果盘"],
        "slow": ["反映后第二天才处理", "过了很久才有人来处理"],
        "none": ["投诉了也没人管", "向前台反映了，没有下文"],
        "end": {"good": ["", "下次还会来。", "推荐。"], "bad": ["", "不推荐。", "一般般吧。"]},
    },
    "en": {
        "good": {
            "room": ["The room was spacious and comfortable", "Very comfortable bed"],
            "cleanliness": ["The room was spotless", "Everything was very clean"],
            "checkin": ["Check-in was quick", "Smooth check-in at the front desk"],
            "breakfast": ["Great breakfast", "The breakfast had lots of choice"],
            "staff": ["The staff were friendly and helpful", "Lovely, attentive staff"],
            "value": ["Good value for money", "Fair price"],
        },
        "plain": ["It was fine overall", "Convenient for a business trip", "Good location"],
        "problem": {
            "room": ["the air conditioning was broken", "the room felt old"],
            "cleanliness": ["there was hair on the sheets", "the bathroom was not clean"],
            "noise": ["it was very noisy at night", "thin walls, lots of noise"],
            "check-in": ["we queued a long time to check in", "the room was not ready"],
            "staff": ["the staff were unfriendly", "the front desk ignored us"],
            "billing": ["we were overcharged at check-out", "the invoice was wrong"],
        },
        "fast": ["but they moved us to another room at once", "but it was fixed within the hour"],
        "slow": ["and it was only fixed the next day", "and it took ages to fix"],
        "none": ["and nobody did anything about it", "we complained and heard nothing"],
        "end": {
            "good": ["", "Will come back.", "Recommended."],
            "bad": ["", "Not recommended.", "So-so."],
        },
    },
}


def _logistic(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _pick(rng: np.random.Generator, pool: list[str]) -> str:
    return pool[int(rng.integers(len(pool)))]


def _guests(rng: np.random.Generator, n: int) -> dict[str, np.ndarray]:
    """Everything but the texts, vectorised: profile, stay, experience, recovery, revisit
    probability (the pieces the population values reuse)."""
    segment = rng.choice(list(SEGMENTS), size=n, p=list(SEGMENTS.values()))
    business, family = segment == "business", segment == "family"
    names = list(HOTELS)
    hotel = rng.choice(names, size=n, p=[HOTELS[h][2] for h in names])
    city_tier = np.array([HOTELS[h][0] for h in hotel])
    affinity = rng.normal(0.0, 1.0, n)
    past = np.minimum(rng.poisson(np.exp(0.2 + 0.7 * affinity + 0.5 * business - 0.2 * family)), 30)
    tier_index = np.searchsorted(TIER_CUTS, past, side="right")
    points = np.round(past * rng.uniform(150, 450, n), -1).astype(int)
    corporate = business & (rng.random(n) < 0.45)
    direct = ~corporate & (rng.random(n) < _logistic(-0.6 + 0.8 * affinity + 0.3 * tier_index))
    channel = np.where(corporate, "corporate", np.where(direct, "direct", "OTA"))
    app = rng.random(n) < _logistic(-1.0 + 0.9 * affinity + 0.8 * direct)
    nights = 1 + rng.poisson(np.where(business, 0.6, np.where(family, 1.5, 1.2)))
    rate = np.array([RATE[t] for t in city_tier]) * rng.normal(1.0, 0.1, n)
    problem = rng.random(n) < np.array([HOTELS[h][1] for h in hotel])
    types = list(PROBLEM_TYPES)
    kind = rng.choice(types, size=n, p=[PROBLEM_TYPES[t][0] for t in types])
    complained = problem & (rng.random(n) < np.where(business, 0.65, 0.55))
    high = tier_index >= 2
    recovered = problem & (rng.random(n) < np.where(complained, np.where(high, 0.85, 0.70), 0.15))
    fast = recovered & (rng.random(n) < np.where(high, 0.70, 0.55))
    slow = recovered & ~fast
    hours = np.where(fast, rng.uniform(0.2, 2.0, n), rng.uniform(3.0, 48.0, n))
    halo = rng.normal(0.0, 0.6, n)
    x = {}
    for a in ATTRIBUTES:
        hit = problem & np.array([PROBLEM_TYPES[k][1] == a for k in kind])
        x[a] = halo + rng.normal(0.0, 0.7, n) - 1.3 * hit
    ratings = {a: np.clip(np.rint(3.9 + 0.8 * x[a]), 1, 5).astype(int) for a in ATTRIBUTES}
    s = SATISFACTION
    base = sum(WEIGHTS[a] * x[a] for a in ATTRIBUTES) + rng.normal(0.0, s["sd"], n)
    sat = base + s["problem"] * problem + s["fast"] * fast + s["slow"] * slow
    r = REVISIT
    person = (
        r["const"]
        + r["affinity"] * affinity
        + r["business"] * business
        + r["family"] * family
        + r["app"] * app
    )
    tier_effect = np.array([0.0, r["silver"], r["gold"], r["platinum"]])
    u = rng.random(n)  # one uniform per guest: the same guest under every what-if
    return {
        "segment": segment,
        "hotel": hotel,
        "city_tier": city_tier,
        "affinity": affinity,
        "past": past,
        "tier_index": tier_index,
        "points": points,
        "channel": channel,
        "direct": direct,
        "app": app,
        "nights": nights,
        "spend": np.round(nights * rate * rng.uniform(1.05, 1.45, n), -1).astype(int),
        "problem": problem,
        "kind": kind,
        "complained": complained,
        "fast": fast,
        "slow": slow,
        "hours": hours,
        "ratings": ratings,
        "base": base,
        "sat": sat,
        "person": person,
        "tier_effect": tier_effect,
        "u": u,
    }


def _revisit_logit(g: dict, *, sat, problem, fast, slow, direct, tier_index) -> np.ndarray:
    r = REVISIT
    return (
        g["person"]
        + r["satisfaction"] * sat
        + r["problem"] * problem
        + r["fast"] * fast
        + r["slow"] * slow
        + r["direct"] * direct
        + g["tier_effect"][tier_index]
    )


def _observed_revisit(g: dict) -> np.ndarray:
    logit = _revisit_logit(
        g,
        sat=g["sat"],
        problem=g["problem"],
        fast=g["fast"],
        slow=g["slow"],
        direct=g["direct"],
        tier_index=g["tier_index"],
    )
    return g["u"] < _logistic(logit)


def _review(rng: np.random.Generator, lang: str, row: dict) -> str:
    """An OTA-style review from the phrase lists: the experience, the problem, the recovery."""
    words = PHRASES[lang]
    parts = []
    if row["problem"]:
        parts.append(_pick(rng, words["problem"][row["kind"]]))
        parts.append(
            _pick(rng, words["fast" if row["fast"] else "slow" if row["slow"] else "none"])
        )
    if row["sat"] > 0.3 or not parts:
        best = max(ATTRIBUTES, key=lambda a: row["ratings"][a])
        parts.insert(0, _pick(rng, words["good"][best] if row["sat"] > 0.3 else words["plain"]))
    end = _pick(rng, words["end"]["good" if row["sat"] > 0.3 else "bad"])
    if lang == "zh":
        return "，".join(parts) + "。" + end
    text = ", ".join(parts)
    return (text[0].upper() + text[1:] + ". " + end).strip()


def build(seed: int = SEED) -> pd.DataFrame:
    """The dataset (one row per guest), deterministic for a seed."""
    rng = np.random.default_rng(seed)
    g = _guests(rng, N_GUESTS)
    revisit = _observed_revisit(g)
    n = N_GUESTS
    sat = g["sat"]
    csat = 1 + np.searchsorted(CSAT_CUTS, sat)
    nps = np.searchsorted(NPS_CUTS, sat + rng.normal(0.0, 0.6, n))
    ota = g["channel"] == "OTA"
    unrecovered = g["problem"] & ~g["fast"] & ~g["slow"]
    writes = rng.random(n) < 0.25 + 0.15 * ota + 0.20 * unrecovered
    stars = np.clip(np.rint(4.0 + 1.1 * sat + rng.normal(0.0, 0.5, n)), 1, 5).astype(int)
    lang = np.where(rng.random(n) < 0.85, "zh", "en")
    day = rng.integers(0, 366, n)
    dates = (pd.Timestamp("2024-01-01") + pd.to_timedelta(day, unit="D")).strftime("%Y-%m-%d")
    texts = []
    for i in range(n):
        if not writes[i]:
            texts.append("")
            continue
        row = {
            "problem": bool(g["problem"][i]),
            "kind": g["kind"][i],
            "fast": bool(g["fast"][i]),
            "slow": bool(g["slow"][i]),
            "sat": float(sat[i]),
            "ratings": {a: int(g["ratings"][a][i]) for a in ATTRIBUTES},
        }
        texts.append(_review(rng, lang[i], row))
    recovery = np.where(g["fast"], "fast", np.where(g["slow"], "slow", "none"))
    df = pd.DataFrame(
        {
            "guest_id": np.arange(1, n + 1),
            "hotel": g["hotel"],
            "city_tier": g["city_tier"],
            "stay_date": dates,
            "segment": g["segment"],
            "channel": g["channel"],
            "tier": np.array(TIERS)[g["tier_index"]],
            "past_stays": g["past"],
            "points": g["points"],
            "app_user": g["app"].astype(int),
            "nights": g["nights"],
            "spend": g["spend"],
            **{f"rating_{a}": g["ratings"][a] for a in ATTRIBUTES},
            "csat": csat,
            "nps": nps,
            "problem": g["problem"].astype(int),
            "problem_type": np.where(g["problem"], g["kind"], ""),
            "complained": g["complained"].astype(int),
            "recovery": np.where(g["problem"], recovery, ""),
            "recovery_hours": np.where(g["fast"] | g["slow"], np.round(g["hours"], 1), np.nan),
            "review_stars": np.where(writes, stars, 0),
            "review_lang": np.where(writes, lang, ""),
            "review_text": texts,
            "revisit_12m": revisit.astype(int),
        }
    )
    df = df.sort_values(["stay_date", "guest_id"], kind="stable").reset_index(drop=True)
    df["guest_id"] = np.arange(1, n + 1)
    df["review_stars"] = df["review_stars"].astype("Int64").mask(df["review_stars"] == 0)
    return df


def population(seed: int = SEED + 1, n: int = 400_000) -> dict[str, float]:
    """Population values (in percentage points of the revisit rate), from one simulation of
    *n* guests: the observed gaps a naive comparison shows, and the average causal effects
    (everyone's revisit probability with and without the thing, all else as it was)."""
    rng = np.random.default_rng(seed)
    g = _guests(rng, n)
    s = SATISFACTION
    clean = g["base"]  # satisfaction without the problem and its recovery
    observed = {
        "sat": g["sat"],
        "problem": g["problem"],
        "fast": g["fast"],
        "slow": g["slow"],
        "direct": g["direct"],
        "tier_index": g["tier_index"],
    }

    def rate(**change) -> float:
        return float(_logistic(_revisit_logit(g, **(observed | change))).mean())

    def pp(x: float) -> float:
        return round(100 * x, 2)

    p = np.ones(n, dtype=bool)
    z = np.zeros(n, dtype=bool)
    no_problem = rate(sat=clean, problem=z, fast=z, slow=z)
    unrecovered = rate(sat=clean + s["problem"], problem=p, fast=z, slow=z)
    fast = rate(sat=clean + s["problem"] + s["fast"], problem=p, fast=p, slow=z)
    slow = rate(sat=clean + s["problem"] + s["slow"], problem=p, fast=z, slow=p)
    revisit = _logistic(_revisit_logit(g, **observed))
    prob = g["problem"]
    rec = g["fast"] | g["slow"]
    not_corp = g["channel"] != "corporate"
    return {
        "revisit rate (%)": pp(revisit.mean()),
        "problem rate (%)": pp(prob.mean()),
        "share of problems not complained about (%)": pp(1 - g["complained"][prob].mean()),
        "effect of a problem, unrecovered (pp)": pp(unrecovered - no_problem),
        "effect of a problem, fast recovery (pp)": pp(fast - no_problem),
        "effect of a problem, slow recovery (pp)": pp(slow - no_problem),
        "effect of a fast recovery vs none, given a problem (pp)": pp(fast - unrecovered),
        "share of the problem's cost a fast recovery restores (%)": round(
            100 * (fast - unrecovered) / (no_problem - unrecovered), 1
        ),
        "naive gap: no problem minus problem (pp)": pp(
            revisit[~prob].mean() - revisit[prob].mean()
        ),
        "naive gap: recovered minus unrecovered, among problems (pp)": pp(
            revisit[prob & rec].mean() - revisit[prob & ~rec].mean()
        ),
        "effect of booking direct instead of OTA, non-corporate guests (pp)": round(
            100
            * float(
                (
                    _logistic(_revisit_logit(g, **(observed | {"direct": p})))
                    - _logistic(_revisit_logit(g, **(observed | {"direct": z})))
                )[not_corp].mean()
            ),
            2,
        ),
        "naive gap: direct minus OTA (pp)": pp(
            revisit[g["channel"] == "direct"].mean() - revisit[g["channel"] == "OTA"].mean()
        ),
        "effect of platinum instead of basic benefits (pp)": pp(
            rate(tier_index=np.full(n, 3)) - rate(tier_index=np.zeros(n, dtype=int))
        ),
        "naive gap: platinum minus basic (pp)": pp(
            revisit[g["tier_index"] == 3].mean() - revisit[g["tier_index"] == 0].mean()
        ),
        "effect of the app (pp)": 0.0,
        "naive gap: app users minus non-users (pp)": pp(
            revisit[g["app"]].mean() - revisit[~g["app"]].mean()
        ),
    }


def relative_weights_truth() -> dict[str, float]:
    """The attributes' share of the latent satisfaction's explained variance (no problems,
    Johnson's relative weights on the population correlation of the latent attributes)."""
    halo, unique = 0.6**2, 0.7**2
    k = len(ATTRIBUTES)
    cov = np.full((k, k), halo) + np.eye(k) * unique
    w = np.array([WEIGHTS[a] for a in ATTRIBUTES])
    var_s = float(w @ cov @ w) + SATISFACTION["sd"] ** 2
    full = np.zeros((k + 1, k + 1))
    full[0, 0] = var_s
    full[0, 1:] = full[1:, 0] = cov @ w
    full[1:, 1:] = cov
    sd = np.sqrt(np.diag(full))
    corr = pd.DataFrame(
        full / np.outer(sd, sd), index=["S", *ATTRIBUTES], columns=["S", *ATTRIBUTES]
    )
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from cxlab.drivers import from_corr

    pct = from_corr(corr, "S", ATTRIBUTES).table["pct"]
    return {a: round(float(pct[a]), 1) for a in ATTRIBUTES}


def fields() -> dict[str, dict]:
    """The codebook: wording in English and 中文, scales, constructs."""
    rating = {
        a: (
            f"How satisfied were you with the {label} during your stay? "
            "(1 = very dissatisfied, 5 = very satisfied)",
            f"您对本次入住的{zh}满意吗？（1 = 非常不满意，5 = 非常满意）",
        )
        for a, label, zh in zip(
            ATTRIBUTES,
            ["room", "cleanliness", "check-in", "breakfast", "staff's service", "value for money"],
            ATTRIBUTES_ZH,
            strict=True,
        )
    }
    book: dict[str, dict] = {
        "guest_id": {
            "title": "Guest id (in order of the index stay)",
            "title_zh": "客人编号（按本次入住日期排序）",
        },
        "hotel": {
            "title": "Hotel of the group (H01-H10) where the index stay took place",
            "title_zh": "本次入住的集团酒店（H01–H10）",
        },
        "city_tier": {
            "title": "City tier of the hotel (1, 2, 3)",
            "title_zh": "酒店所在城市的等级（一线 = 1、二线 = 2、三线 = 3）",
        },
        "stay_date": {
            "title": "Arrival date of the index stay (2024)",
            "title_zh": "本次入住的到店日期（2024 年）",
            "format": "%Y-%m-%d",
        },
        "segment": {
            "title": "Trip purpose: business, leisure or family",
            "title_zh": "出行目的：商务、休闲或家庭",
        },
        "channel": {
            "title": "Booking channel: OTA (online travel agency), direct (website or app) "
            "or corporate (company agreement)",
            "title_zh": "预订渠道：OTA（在线旅行社）、直订（官网或 App）或协议（企业协议价）",
        },
        "tier": {
            "title": "Loyalty tier at the index stay: basic, silver, gold, platinum — earned "
            "by past stays (0-1, 2-4, 5-9, 10 or more)",
            "title_zh": "本次入住时的会员等级：普通、银卡、金卡、白金——按过去的入住次数"
            "评定（0–1、2–4、5–9、10 次及以上）",
        },
        "past_stays": {
            "title": "Stays at the group's hotels in the 24 months before the index stay",
            "title_zh": "本次入住前 24 个月内在集团酒店的入住次数",
        },
        "points": {
            "title": "Loyalty points balance at the index stay",
            "title_zh": "本次入住时的会员积分余额",
        },
        "app_user": {
            "title": "Uses the group's app (1 = yes, 0 = no)",
            "title_zh": "是否使用集团 App（1 = 是，0 = 否）",
        },
        "nights": {"title": "Nights of the index stay", "title_zh": "本次入住的晚数"},
        "spend": {
            "title": "Spend of the index stay (room, food and drink; ¥)",
            "title_zh": "本次入住的消费（客房与餐饮；元）",
        },
    }
    for a in ATTRIBUTES:
        en, zh = rating[a]
        book[f"rating_{a}"] = {
            "title": en,
            "title_zh": zh,
            "construct": "Attribute satisfaction",
            "construct_zh": "分项满意度",
            "constraints": {"minimum": 1, "maximum": 5},
        }
    book |= {
        "csat": {
            "title": "Overall, how satisfied were you with your stay? (1 = very dissatisfied, "
            "5 = very satisfied)",
            "title_zh": "总体而言，您对本次入住满意吗？（1 = 非常不满意，5 = 非常满意）",
            "construct": "CSAT",
            "construct_zh": "客户满意度",
            "constraints": {"minimum": 1, "maximum": 5},
        },
        "nps": {
            "title": "How likely is it that you would recommend this hotel to a friend or "
            "colleague? (0 = not at all likely, 10 = extremely likely)",
            "title_zh": "您向朋友或同事推荐这家酒店的可能性有多大？"
            "（0 = 完全不可能，10 = 极有可能）",
            "construct": "NPS",
            "construct_zh": "净推荐值",
            "constraints": {"minimum": 0, "maximum": 10},
        },
        "problem": {
            "title": "Did anything go wrong during your stay? (1 = yes, 0 = no)",
            "title_zh": "入住期间是否出现过问题？（1 = 是，0 = 否）",
        },
        "problem_type": {
            "title": "What went wrong: room, cleanliness, noise, check-in, staff, billing "
            "(empty: no problem)",
            "title_zh": "出现的问题：客房、清洁、噪音、入住办理、员工、账单（空 = 没有问题）",
        },
        "complained": {
            "title": "Did you tell the hotel about the problem? (1 = yes, 0 = no)",
            "title_zh": "是否向酒店反映了这个问题？（1 = 是，0 = 否）",
        },
        "recovery": {
            "title": "Service recovery of the problem (hotel records): fast (within 2 hours), "
            "slow, none (empty: no problem)",
            "title_zh": "问题的服务补救（酒店记录）：快（2 小时内）、慢、无（空 = 没有问题）",
        },
        "recovery_hours": {
            "title": "Hours from the problem's report to its resolution (hotel records)",
            "title_zh": "从反映问题到解决所用的小时数（酒店记录）",
        },
        "review_stars": {
            "title": "Stars of the guest's review on the OTA site (1-5; empty: no review)",
            "title_zh": "客人在 OTA 平台上评论的星级（1–5；空 = 没有评论）",
            "constraints": {"minimum": 1, "maximum": 5},
        },
        "review_lang": {
            "title": "Language of the review (zh, en; empty: no review)",
            "title_zh": "评论的语言（中文、英文；空 = 没有评论）",
        },
        "review_text": {
            "title": "Text of the review on the OTA site (empty: no review)",
            "title_zh": "OTA 平台上的评论文字（空 = 没有评论）",
        },
        "revisit_12m": {
            "title": "Stayed again at a hotel of the group within 12 months (1 = yes, 0 = no)",
            "title_zh": "12 个月内是否再次入住集团酒店（1 = 是，0 = 否）",
        },
    }
    return book


def main() -> None:
    """Write hotel_group_guests.csv and its resource entry."""
    register(
        "hotel_group_guests",
        build(),
        title="Guests of a Chinese hotel group: profile, tier, stay, survey, review, service "
        "recovery and revisit (simulated)",
        description=(
            f"5,000 guests of {GROUP} ({GROUP_ZH}, a fictional mid-scale Chinese hotel "
            "group of ten hotels), one row per guest: profile (trip purpose, city tier, "
            "booking channel, loyalty tier earned by past stays, points, app use), the "
            "index stay of 2024 (nights, spend), the post-stay survey (six attribute "
            "ratings, CSAT 1-5, NPS 0-10), an OTA-style review for some (stars and a short "
            "text in Chinese or English), whether a problem occurred, was complained about "
            "and was put right (fast or slow), and whether the guest stayed again within 12 "
            "months. Every guest in the file answered the survey. Simulated with known "
            "effects (self-selection into tiers, channels and the app; partial service "
            "recovery); the truth is in `simulation`."
        ),
        sources=simulated_sources("hotel_group_guests.py"),
        licenses=SIMULATED_LICENSES,
        fields=fields(),
        extra={
            "simulation": {
                "script": "datasets/make/hotel_group_guests.py",
                "seed": SEED,
                "guests": N_GUESTS,
                "group": f"{GROUP} ({GROUP_ZH}), fictional",
                "segments": SEGMENTS,
                "hotels": {
                    h: {"city_tier": t, "problem_probability": p, "share": s}
                    for h, (t, p, s) in HOTELS.items()
                },
                "affinity": "a ~ N(0, 1), unobserved: the guest's attachment to the brand",
                "past_stays": "Poisson(exp(0.2 + 0.7*a + 0.5*business - 0.2*family)), at most 30",
                "tiers": dict(zip(TIERS, TIERS_ZH, strict=True)),
                "tier_rule": "basic 0-1 past stays, silver 2-4, gold 5-9, platinum 10+ "
                "(earned: self-selection)",
                "channel": "business: corporate with probability 0.45; otherwise direct "
                "with probability logistic(-0.6 + 0.8*a + 0.3*tier index), else OTA",
                "app_user": "logistic(-1.0 + 0.9*a + 0.8*direct); the app has no effect",
                "problem_types": {
                    k: {"probability": p, "hits": a} for k, (p, a) in PROBLEM_TYPES.items()
                },
                "complaint": "0.55 of problems (business 0.65)",
                "recovery": "70 % of complaints (85 % for gold and platinum), 15 % of "
                "unvoiced problems; fast (within 2 h) 55 % of recoveries (70 % for gold "
                "and platinum), else slow (3-48 h)",
                "attributes": dict(zip(ATTRIBUTES, ATTRIBUTES_ZH, strict=True)),
                "attribute_rating": "round(3.9 + 0.8*(halo + e_j - 1.3*hit_j)) cut to 1..5; "
                "halo ~ N(0, 0.6^2), e_j ~ N(0, 0.7^2)",
                "satisfaction_weights": WEIGHTS,
                "satisfaction": "S = sum(w_j * x_j) - 0.8*problem + 0.6*fast + 0.25*slow + "
                "N(0, 0.5^2)",
                "csat_cuts": CSAT_CUTS,
                "nps": "S + N(0, 0.6^2) cut at nps_cuts",
                "nps_cuts": NPS_CUTS,
                "review": "written with probability 0.25 + 0.15*OTA + 0.20*(problem not "
                "put right); stars = round(4.0 + 1.1*S + N(0, 0.5^2)) cut to 1..5; zh 85 %",
                "revisit_logit": REVISIT,
                "revisit_note": "revisit ~ Bernoulli(logistic(const + affinity*a + "
                "satisfaction*S + problem + fast/slow recovery + direct + tier + segment)); "
                "no recovery paradox (a simulation choice)",
                "relative_weights_truth_pct": relative_weights_truth(),
                "population": population(),
                "population_note": "one simulation of 400,000 guests (seed + 1) from the same "
                "generator; 'effect' = average change in the revisit probability if every "
                "guest had / had not the thing, all else as it was (percentage points); "
                "'naive gap' = the difference a plain comparison of groups shows",
            }
        },
    )


if __name__ == "__main__":
    main()
