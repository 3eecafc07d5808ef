"""Exercises of lesson 02: measuring CX with NPS, CSAT and CES."""

from __future__ import annotations

import math

from cxlab.exercises.registry import Exercise, register


def _halfwidth() -> float:
    from cxlab import metrics

    row = metrics.nps_from_counts(130, 50, 70, ci="wald").iloc[0]
    return float(row["nps"] - row["ci_low"])


def _alert_store() -> str:
    from cxlab import datasets, metrics

    df = datasets.load("nps_tracking")
    tracked = metrics.track(df, "nps", "nps_score", "week", unit="store_id", method="ewma")
    return str(metrics.alerts(tracked, min_periods=3)["unit"].value_counts().index[0])


register(
    Exercise(
        id="02.nps",
        prompt="130 promoters, 50 passives and 70 detractors: what is the NPS?",
        solution=lambda: 100 * (130 - 70) / 250,
        wrong=lambda: 100 * 130 / 250,
        tol=0.05,
        hint="NPS = % promoters − % detractors, with shares of all 250 answers.",
        explanation="52 % − 28 % = 24.",
    )
)

register(
    Exercise(
        id="02.halfwidth",
        prompt="Half-width of the Wald 95 % CI for that NPS, in points.",
        solution=_halfwidth,
        wrong=lambda: 1.96 * 100 * math.sqrt(0.24 * 0.76 / 250),
        tol=0.01,
        hint="Var = [p + d − (p − d)²] / n with p = .52, d = .28, n = 250; "
        "half-width = 1.96 · 100 · √Var.",
        explanation="About ±10.7 points: 250 answers cannot tell an NPS of 24 from one of 30.",
    )
)

register(
    Exercise(
        id="02.sample_size",
        prompt="Responses needed for a ±3-point NPS (95 %) in the worst case.",
        solution=lambda: math.ceil(1.959963984540054**2 * 100**2 / 3**2),
        wrong=lambda: 1537,
        hint="cx.metrics.nps_sample_size(margin=3) — or n = (1.96 · 100)² · 1 / 3².",
        explanation="About 4,270 answers: precision costs the square of the margin.",
    )
)

register(
    Exercise(
        id="02.alert_store",
        prompt="Which store of nps_tracking has a real, persistent drop?",
        kind="text",
        solution=_alert_store,
        wrong=lambda: "S19",
        hint="Track NPS per store with method='ewma' and keep alerts that last 3 weeks: "
        "cx.metrics.alerts(tracked, min_periods=3).",
        explanation="Its EWMA stays below the lower limit for weeks; other alerts are single "
        "weeks that chance explains.",
    )
)
