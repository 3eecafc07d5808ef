"""Simulate ``nps_tracking``: two years of weekly NPS answers across a store network,
with one real drop hidden in it (lesson 02, early warning).

    python datasets/make/nps_tracking.py

The truth (also recorded in datapackage.json under ``simulation``):
- 24 stores S01–S24 in four regions; each store has its own baseline promoter and
  detractor shares (NPS 20–50) and its own weekly volume (Poisson, mean 4–30; ×1.4 in
  December);
- a chain-wide mild dip: NPS about 4 points lower in July and August (summer staff);
- THE REAL DROP: store S07 (about 30 answers a week) loses 30 NPS points for the 12
  weeks from 2025-07-14 (a new manager), then recovers to 5 points below its baseline;
- a red herring: the small store S19 has one week (2024-11-04) of 5 answers with an
  NPS of -40, which is well within chance for n = 5.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _package import SIMULATED_LICENSES, register, simulated_sources

SEED = 20261124
START = pd.Timestamp("2024-01-01")  # a Monday
WEEKS = 104
STORES = [f"S{i:02d}" for i in range(1, 25)]
REGIONS = ["North", "East", "South", "West"]
DROP_STORE, DROP_START, DROP_WEEKS, DROP_SIZE = "S07", pd.Timestamp("2025-07-14"), 12, 30.0
AFTER_DROP = 5.0
HERRING_STORE, HERRING_WEEK = "S19", pd.Timestamp("2024-11-04")
CHANNELS = ["in-store", "app", "web"]


def _shares(nps: float, passive: float) -> tuple[float, float]:
    """Promoter and detractor shares with the given NPS and passive share."""
    rest = 1 - passive
    p = (rest + nps / 100) / 2
    return p, rest - p


def _scores(rng: np.random.Generator, n: int, p: float, d: float) -> np.ndarray:
    group = rng.choice(3, size=n, p=[p, 1 - p - d, d])
    promoter = rng.choice([9, 10], size=n, p=[0.45, 0.55])
    passive = rng.choice([7, 8], size=n, p=[0.4, 0.6])
    detractor = rng.choice(np.arange(7), size=n, p=[0.06, 0.04, 0.06, 0.1, 0.14, 0.28, 0.32])
    return np.choose(group, [promoter, passive, detractor])


def build(seed: int = SEED) -> pd.DataFrame:
    """The dataset as a DataFrame (deterministic for a seed)."""
    rng = np.random.default_rng(seed)
    base_nps = rng.uniform(20, 50, len(STORES)).round(1)
    passive = rng.uniform(0.22, 0.32, len(STORES))
    volume = rng.uniform(4, 30, len(STORES))
    volume[STORES.index(HERRING_STORE)] = 4.0
    volume[STORES.index(DROP_STORE)] = 30.0
    region = [REGIONS[i % 4] for i in range(len(STORES))]
    frames = []
    for w in range(WEEKS):
        week = START + pd.Timedelta(weeks=w)
        for s, store in enumerate(STORES):
            nps = base_nps[s] - (4.0 if week.month in (7, 8) else 0.0)
            if store == DROP_STORE and week >= DROP_START:
                in_drop = week < DROP_START + pd.Timedelta(weeks=DROP_WEEKS)
                nps -= DROP_SIZE if in_drop else AFTER_DROP
            lam = volume[s] * (1.4 if week.month == 12 else 1.0)
            n = int(rng.poisson(lam))
            if store == HERRING_STORE and week == HERRING_WEEK:
                n, scores = 5, np.array([3, 6, 8, 10, 2])
            else:
                p, d = _shares(nps, passive[s])
                scores = _scores(rng, n, p, d)
            if n == 0:
                continue
            frames.append(
                pd.DataFrame(
                    {
                        "date": week + pd.to_timedelta(rng.integers(0, 7, n), unit="D"),
                        "week": week,
                        "store_id": store,
                        "region": region[s],
                        "nps_score": scores.astype("int64"),
                        "channel": rng.choice(CHANNELS, size=n, p=[0.6, 0.25, 0.15]),
                    }
                )
            )
    df = pd.concat(frames, ignore_index=True)
    df = df.sort_values(["date", "store_id"], kind="stable").reset_index(drop=True)
    df.insert(0, "response_id", np.arange(1, len(df) + 1, dtype="int64"))
    for col in ("date", "week"):
        df[col] = df[col].dt.strftime("%Y-%m-%d")
    return df


FIELDS = {
    "response_id": {"title": "Response id", "title_zh": "答卷编号"},
    "date": {
        "type": "date",
        "format": "%Y-%m-%d",
        "title": "Date of the answer",
        "title_zh": "作答日期",
    },
    "week": {
        "type": "date",
        "format": "%Y-%m-%d",
        "title": "Week (Monday it starts on)",
        "title_zh": "周（周一日期）",
    },
    "store_id": {"title": "Store", "title_zh": "门店"},
    "region": {"title": "Region", "title_zh": "区域"},
    "nps_score": {
        "title": "How likely is it that you would recommend this store to a friend or "
        "colleague? (0 = not at all likely, 10 = extremely likely)",
        "title_zh": "您向朋友或同事推荐本店的可能性有多大？（0 = 完全不可能，10 = 极有可能）",
        "construct": "NPS",
        "constraints": {"minimum": 0, "maximum": 10},
    },
    "channel": {
        "title": "Survey channel (in-store tablet, app, web)",
        "title_zh": "调查渠道（店内平板、App、网页）",
    },
}


def main() -> None:
    df = build()
    register(
        "nps_tracking",
        df,
        title="Weekly NPS tracking across 24 stores (simulated)",
        description=(
            "Two years (2024-2025) of weekly net-promoter answers from the 24 stores of a "
            "retail chain. One store has a real drop; the lesson on early warning finds it "
            "with control charts. Simulated; the truth is in `simulation`."
        ),
        sources=simulated_sources("nps_tracking.py"),
        licenses=SIMULATED_LICENSES,
        fields=FIELDS,
        extra={
            "simulation": {
                "script": "datasets/make/nps_tracking.py",
                "seed": SEED,
                "model": (
                    "Per store: baseline NPS ~ U(20, 50), passive share ~ U(.22, .32), weekly "
                    "answers ~ Poisson(U(4, 30)), x1.4 in December; chain-wide NPS -4 in July "
                    "and August; S07 (Poisson(30) answers/week): NPS -30 for 12 weeks from "
                    "2025-07-14, then -5; S19 "
                    "(4 answers/week): the week of 2024-11-04 fixed at 5 answers with NPS -40 "
                    "(within chance)."
                ),
                "drop": {
                    "store": DROP_STORE,
                    "start_week": DROP_START.date().isoformat(),
                    "weeks": DROP_WEEKS,
                    "size_nps_points": DROP_SIZE,
                },
                "red_herrings": [
                    {
                        "store": HERRING_STORE,
                        "week": HERRING_WEEK.date().isoformat(),
                        "note": "5 answers, NPS -40, within chance",
                    },
                    {"store": "all", "months": [7, 8], "note": "chain-wide dip of 4 points"},
                ],
            }
        },
    )


if __name__ == "__main__":
    main()
