"""Key-driver analysis and funnels at scale (cx.drivers, cx.journey).

1. Exact Shapley decomposition of R² with 12 drivers (4,095 subset regressions) on
   100,000 simulated respondents: point estimate, and with B = 200 bootstrap resamples.
2. Relative weights with 12 drivers, 100,000 rows, B = 1000.
3. Shapley value of McFadden's R² (logistic dominance) for the detractors of airline_mot,
   7 drivers (127 logistic fits per resample), B = 200.
4. Funnel of journey_events (76,790 events) by date, and the peak-day comparison.
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd

import cxlab as cx

STAGES = ["visit", "browse", "cart", "checkout", "purchase"]
MOTS = ["mot_booking", "mot_checkin", "mot_boarding", "mot_crew", "mot_meal", "mot_arrival"]


def _survey(n: int, k: int, seed: int = 1) -> tuple[pd.DataFrame, list[str]]:
    rng = np.random.default_rng(seed)
    corr = 0.4 + 0.6 * np.eye(k)
    x = rng.multivariate_normal(np.zeros(k), corr, size=n)
    y = x @ np.linspace(0.05, 0.4, k) + rng.normal(size=n)
    names = [f"d{i + 1:02d}" for i in range(k)]
    return pd.DataFrame(np.column_stack([y, x]), columns=["y", *names]), names


def _timed(name: str, func, limit: float | None = None) -> dict:
    start = time.perf_counter()
    note = func()
    return {"name": name, "seconds": time.perf_counter() - start, "limit": limit, "note": note}


def run() -> list[dict]:
    data, names = _survey(100_000, 12)
    air = cx.datasets.load("airline_mot")
    air["detractor"] = air["nps_score"] <= 6
    events = cx.datasets.load("journey_events")

    def shapley(b: int):
        def go() -> str:
            res = cx.drivers.shapley_r2(data, "y", names, B=b, seed=1)
            top = res.table.iloc[0]
            return f"R² = {res.r2:.3f}; top {top.name} {top['pct']:.1f} %"

        return go

    def rw() -> str:
        res = cx.drivers.relative_weights(data, "y", names, B=1000, seed=1)
        return f"R² = {res.r2:.3f} [{res.r2_ci[0]:.3f}, {res.r2_ci[1]:.3f}]"

    def logistic() -> str:
        res = cx.drivers.shapley_logistic(air, "detractor", [*MOTS, "ces"], B=200, seed=1)
        return f"McFadden R² = {res.r2:.3f}; top {res.table.index[0]}"

    def funnel() -> str:
        daily = cx.journey.funnel(events, STAGES, by="date")
        bf = cx.journey.compare_days(events, STAGES, "2025-11-28", ("2025-12-15", "2025-12-22"))
        row = bf.set_index("step").loc["checkout → purchase"]
        return f"{len(daily)} rows; Black Friday {row['rate_peak']:.3f} vs {row['rate_base']:.3f}"

    return [
        _timed("shapley_r2: 12 drivers, 100k rows, no bootstrap", shapley(0), limit=2.0),
        _timed("shapley_r2: 12 drivers, 100k rows, B=200", shapley(200), limit=10.0),
        _timed("relative_weights: 12 drivers, 100k rows, B=1000", rw, limit=10.0),
        _timed("shapley_logistic: 7 drivers, n=1000, B=200", logistic, limit=10.0),
        _timed("funnel by date + compare_days on journey_events", funnel, limit=2.0),
    ]
