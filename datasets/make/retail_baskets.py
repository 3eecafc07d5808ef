"""Simulate ``retail_baskets``: what was in each basket of ``retail_transactions`` — one row
per transaction and product category (issue 21: basket rules and recommenders).

    python datasets/make/retail_baskets.py

The baskets are the 14,889 transactions of ``retail_transactions`` (same ``transaction_id``,
``customer_id`` and date; read from the bundled CSV files, which are not changed): each
transaction's ``n_items`` items get a product category, items of one category are one row
with their ``quantity`` (so quantities add up to ``n_items``), and the basket value
``amount`` is split over the rows (values add up to ``amount`` to the cent).

The truth (also recorded in datapackage.json under ``simulation``):
- 20 product categories (names in English and 中文 in the codebook).
- Every customer of the survey ``retail_omnichannel`` has a latent taste segment drawn
  given the age group they reported (``SEGMENT_BY_AGE``): family, young urban, home cook,
  health. A segment multiplies the weight of its core categories by 4 and of its secondary
  categories by 2 (``SEGMENTS``); 25 % of customers, whatever their segment, own a pet
  (pet supplies × 4). A customer's own category shares are Dirichlet(30 × the segment's
  shares), so customers of a segment differ. The segment is NOT in the data.
- Season: gifts & seasonal × 3 in November and December; soft drinks & juice × 1.5 in June
  to August. So the months after a September cut (the holdout) differ from the months before.
- Planted associations (``PAIRS``): coffee & tea with bakery, beer & wine with snacks,
  meat & seafood with sauces & condiments, pet supplies with household cleaning. The first
  item of a basket is drawn from the customer's shares (in that month); each further item
  is, with probability 0.25, the partner of a category already in the basket (chosen at
  random among those whose partner is missing), else a new draw from the customer's shares
  (which may repeat a category: quantity > 1).
- ``simulation.pair_lift`` gives each planted pair's population support and lift of the
  generator on these transactions (mean over 40 fresh draws of segments, tastes and
  baskets; Monte-Carlo SE of the lift below 0.02), and the same for four pairs that were NOT
  planted but share a segment (their lift, 0.93-1.07, comes only from customers' tastes
  and from planted partners taking places in the basket).
- Line values: each item's price is Gamma(shape 4) around its category's price level
  (``PRICE``), and the basket's amount is divided in proportion, in whole cents, each row at
  least 0.01.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _package import DATASETS, SIMULATED_LICENSES, register, simulated_sources

SEED = 20261221
CATEGORIES: dict[str, tuple[str, str]] = {
    "fresh_produce": ("Fresh fruit & vegetables", "生鲜果蔬"),
    "dairy_eggs": ("Dairy & eggs", "乳品蛋类"),
    "bakery": ("Bakery", "烘焙面包"),
    "meat_seafood": ("Meat & seafood", "肉禽水产"),
    "rice_noodles": ("Rice, noodles & cooking oil", "米面粮油"),
    "sauces_condiments": ("Sauces & condiments", "调味品"),
    "snacks": ("Snacks", "休闲零食"),
    "beverages": ("Soft drinks & juice", "饮料"),
    "beer_wine": ("Beer & wine", "酒类"),
    "coffee_tea": ("Coffee & tea", "咖啡茶饮"),
    "frozen_food": ("Frozen food", "冷冻食品"),
    "ready_meals": ("Ready meals & deli", "即食熟食"),
    "baby_care": ("Baby care", "母婴用品"),
    "personal_care": ("Personal care", "个人护理"),
    "household_cleaning": ("Household cleaning", "家居清洁"),
    "pet_supplies": ("Pet supplies", "宠物用品"),
    "health_supplements": ("Health & supplements", "保健营养"),
    "kitchenware": ("Kitchenware", "厨房用品"),
    "stationery_books": ("Stationery & books", "文具图书"),
    "gifts_seasonal": ("Gifts & seasonal", "节日礼品"),
}
NAMES = list(CATEGORIES)
#: mean price of one item (CNY), for splitting a basket's amount over its rows
PRICE = dict(
    zip(
        NAMES,
        [12, 10, 8, 25, 15, 8, 7, 6, 20, 18, 14, 16, 35, 22, 15, 28, 45, 30, 18, 40],
        strict=True,
    )
)
#: segment -> (name in 中文, core categories × 4, secondary categories × 2)
SEGMENTS: dict[str, tuple[str, list[str], list[str]]] = {
    "family": (
        "家庭",
        ["baby_care", "dairy_eggs", "household_cleaning"],
        ["fresh_produce", "rice_noodles", "snacks", "frozen_food"],
    ),
    "young_urban": (
        "都市青年",
        ["coffee_tea", "ready_meals", "beverages"],
        ["snacks", "beer_wine", "bakery", "personal_care"],
    ),
    "home_cook": (
        "居家烹饪",
        ["meat_seafood", "fresh_produce", "rice_noodles"],
        ["sauces_condiments", "kitchenware", "beer_wine"],
    ),
    "health": (
        "健康生活",
        ["health_supplements", "fresh_produce", "dairy_eggs"],
        ["coffee_tea", "personal_care", "bakery"],
    ),
}
#: P(segment | age group), segments in the order of SEGMENTS
SEGMENT_BY_AGE = {
    "18-29": [0.10, 0.50, 0.20, 0.20],
    "30-44": [0.40, 0.25, 0.20, 0.15],
    "45-59": [0.30, 0.10, 0.35, 0.25],
    "60+": [0.10, 0.05, 0.40, 0.45],
}
PET_SHARE, PET_WEIGHT = 0.25, 4.0
CONCENTRATION = 30.0
SEASON = {"gifts_seasonal": ({11, 12}, 3.0), "beverages": ({6, 7, 8}, 1.5)}
PAIRS = [
    ("coffee_tea", "bakery"),
    ("beer_wine", "snacks"),
    ("meat_seafood", "sauces_condiments"),
    ("pet_supplies", "household_cleaning"),
]
#: pairs that were not planted but are favoured by the same segment
CONTROL_PAIRS = [
    ("baby_care", "dairy_eggs"),
    ("coffee_tea", "ready_meals"),
    ("fresh_produce", "meat_seafood"),
    ("health_supplements", "dairy_eggs"),
]
PARTNER_PROB = 0.25
TRUTH_DRAWS = 40


def _skeleton() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The bundled transactions and survey (the customers and their age groups)."""
    tx = pd.read_csv(DATASETS / "retail_transactions.csv", encoding="utf-8")
    survey = pd.read_csv(DATASETS / "retail_omnichannel.csv", encoding="utf-8")
    return tx, survey[["customer_id", "age_group"]].sort_values("customer_id")


def _tastes(
    survey: pd.DataFrame, rng: np.random.Generator
) -> tuple[dict[int, np.ndarray], dict[int, str]]:
    """Each customer's category shares and latent segment."""
    segment_names = list(SEGMENTS)
    base = {}
    for name, (_, core, secondary) in SEGMENTS.items():
        w = np.ones(len(NAMES))
        w[[NAMES.index(c) for c in core]] *= 4.0
        w[[NAMES.index(c) for c in secondary]] *= 2.0
        base[name] = w
    shares: dict[int, np.ndarray] = {}
    segment: dict[int, str] = {}
    for cid, age in zip(survey["customer_id"], survey["age_group"], strict=True):
        seg = segment_names[rng.choice(len(segment_names), p=SEGMENT_BY_AGE[age])]
        w = base[seg].copy()
        if rng.random() < PET_SHARE:
            w[NAMES.index("pet_supplies")] *= PET_WEIGHT
        shares[int(cid)] = rng.dirichlet(CONCENTRATION * w / w.sum())
        segment[int(cid)] = seg
    return shares, segment


def _season(month: int) -> np.ndarray:
    factor = np.ones(len(NAMES))
    for name, (months, mult) in SEASON.items():
        if month in months:
            factor[NAMES.index(name)] = mult
    return factor


def _baskets(tx: pd.DataFrame, shares: dict[int, np.ndarray], rng: np.random.Generator) -> list:
    """Category indices of the items of every transaction."""
    partner = {}
    for a, b in PAIRS:
        partner[NAMES.index(a)] = NAMES.index(b)
        partner[NAMES.index(b)] = NAMES.index(a)
    seasons = {m: _season(m) for m in range(1, 13)}
    months = pd.to_datetime(tx["date"]).dt.month.to_numpy()
    out = []
    for cid, n, month in zip(tx["customer_id"], tx["n_items"], months, strict=True):
        p = shares[int(cid)] * seasons[int(month)]
        p = p / p.sum()
        items = [int(rng.choice(len(NAMES), p=p))]
        for _ in range(int(n) - 1):
            open_ = [partner[i] for i in dict.fromkeys(items) if i in partner]
            open_ = [j for j in open_ if j not in items]
            if open_ and rng.random() < PARTNER_PROB:
                items.append(open_[int(rng.integers(len(open_)))])
            else:
                items.append(int(rng.choice(len(NAMES), p=p)))
        out.append(items)
    return out


def _rows(tx: pd.DataFrame, baskets: list, rng: np.random.Generator) -> pd.DataFrame:
    """One row per transaction and category; quantities and values in whole cents."""
    records = []
    for (tid, cid, date, amount), items in zip(
        tx[["transaction_id", "customer_id", "date", "amount"]].itertuples(index=False),
        baskets,
        strict=True,
    ):
        price = np.array([PRICE[NAMES[i]] for i in items]) * rng.gamma(4.0, 0.25, len(items))
        cats = sorted(set(items))
        weight = np.array([price[[k for k, i in enumerate(items) if i == c]].sum() for c in cats])
        cents = round(amount * 100)
        share = (cents - len(cats)) * weight / weight.sum()
        alloc = np.floor(share).astype(int)
        rest = cents - len(cats) - alloc.sum()
        alloc[np.argsort(-(share - alloc), kind="stable")[:rest]] += 1
        alloc += 1
        for c, value in zip(cats, alloc, strict=True):
            records.append((tid, cid, date, NAMES[c], items.count(c), value / 100))
    frame = pd.DataFrame(
        records,
        columns=["transaction_id", "customer_id", "date", "category", "quantity", "value"],
    )
    return frame.astype({"transaction_id": "int64", "customer_id": "int64", "quantity": "int64"})


def build(seed: int = SEED) -> pd.DataFrame:
    """The baskets, deterministic for a seed."""
    tx, survey = _skeleton()
    rng = np.random.default_rng(seed)
    shares, _ = _tastes(survey, rng)
    return _rows(tx, _baskets(tx, shares, rng), rng)


def pair_lift(draws: int = TRUTH_DRAWS, seed: int = SEED + 1) -> dict[str, dict[str, float]]:
    """Population support and lift of the planted and the control pairs (mean of *draws*
    fresh draws of segments, tastes and baskets on the same transactions)."""
    tx, survey = _skeleton()
    rng = np.random.default_rng(seed)
    pairs = PAIRS + CONTROL_PAIRS
    found: dict[str, list[tuple[float, float]]] = {f"{a} & {b}": [] for a, b in pairs}
    for _ in range(draws):
        shares, _ = _tastes(survey, rng)
        sets = [set(b) for b in _baskets(tx, shares, rng)]
        n = len(sets)
        for a, b in pairs:
            ia, ib = NAMES.index(a), NAMES.index(b)
            sa = sum(ia in s for s in sets) / n
            sb = sum(ib in s for s in sets) / n
            sab = sum(ia in s and ib in s for s in sets) / n
            found[f"{a} & {b}"].append((sab, sab / (sa * sb)))
    out = {}
    for (a, b), (key, values) in zip(pairs, found.items(), strict=True):
        arr = np.array(values)
        out[key] = {
            "planted": (a, b) in PAIRS,
            "support": round(float(arr[:, 0].mean()), 4),
            "lift": round(float(arr[:, 1].mean()), 3),
            "lift_mc_se": round(float(arr[:, 1].std(ddof=1) / np.sqrt(draws)), 4),
        }
    return out


def fields() -> dict[str, dict]:
    """Codebook entries of the columns (English and 中文)."""
    names = "; ".join(f"{k} = {en} {zh}" for k, (en, zh) in CATEGORIES.items())
    return {
        "transaction_id": {
            "title": "Transaction id (links to retail_transactions)",
            "title_zh": "交易编号（关联交易数据）",
        },
        "customer_id": {
            "title": "Customer id (links to retail_transactions and retail_omnichannel)",
            "title_zh": "顾客编号（关联交易数据与问卷）",
        },
        "date": {
            "type": "date",
            "format": "%Y-%m-%d",
            "title": "Date of purchase",
            "title_zh": "购买日期",
        },
        "category": {
            "title": "Product category",
            "title_zh": "商品品类",
            "description": f"20 product categories: {names}.",
            "constraints": {"enum": NAMES},
            "categories": [
                {"value": k, "label": en, "label_zh": zh} for k, (en, zh) in CATEGORIES.items()
            ],
        },
        "quantity": {
            "title": "Number of items of this category in the basket",
            "title_zh": "该品类的商品件数",
        },
        "value": {
            "title": "Value of these items (CNY; a basket's rows add up to its amount)",
            "title_zh": "该品类商品金额（元；同一订单各行之和等于订单金额）",
        },
    }


def main() -> None:
    """Write retail_baskets.csv and its resource entry."""
    register(
        "retail_baskets",
        build(),
        title="Omnichannel retail: product categories in each basket of 2025 (simulated)",
        description=(
            "The contents of every purchase in retail_transactions: one row per transaction "
            "and product category (20 categories, names in English and Chinese), with the "
            "number of items and their value. Quantities add up to the transaction's n_items "
            "and values to its amount. Customers' tastes depend on a latent segment (not in "
            "the data) related to their age group in retail_omnichannel; four category pairs "
            "are bought together by design. For basket rules and recommenders checked on a "
            "time holdout. Simulated; the truth is in `simulation`."
        ),
        sources=simulated_sources("retail_baskets.py"),
        licenses=SIMULATED_LICENSES,
        fields=fields(),
        extra={
            "simulation": {
                "script": "datasets/make/retail_baskets.py",
                "seed": SEED,
                "transactions": "retail_transactions (transaction_id, customer_id, date, "
                "amount, n_items); age groups from retail_omnichannel",
                "segments": {
                    name: {"zh": zh, "core_x4": core, "secondary_x2": secondary}
                    for name, (zh, core, secondary) in SEGMENTS.items()
                },
                "segment_by_age_group": {
                    age: dict(zip(SEGMENTS, p, strict=True)) for age, p in SEGMENT_BY_AGE.items()
                },
                "pet_owners": {"share": PET_SHARE, "pet_supplies_weight": PET_WEIGHT},
                "taste": f"customer shares ~ Dirichlet({CONCENTRATION:g} x segment shares)",
                "season": {k: {"months": sorted(m), "weight": w} for k, (m, w) in SEASON.items()},
                "planted_pairs": [list(p) for p in PAIRS],
                "partner_probability": PARTNER_PROB,
                "pair_lift": pair_lift(),
                "pair_lift_note": (
                    f"population support and lift of the generator on these transactions: "
                    f"mean of {TRUTH_DRAWS} fresh draws (seed {SEED + 1}); control pairs "
                    "(planted = false) share a segment but were not planted"
                ),
                "price_level_cny": PRICE,
            }
        },
    )


if __name__ == "__main__":
    main()
