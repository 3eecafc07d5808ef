"""Exercises of lesson 02: measuring CX with NPS, CSAT and CES."""

from __future__ import annotations

import math
from functools import cache

from cxlab.exercises.registry import Exercise, register

#: a store id with the Chinese (or English) word for store around it → the id (S01–S24)
STORE_WORDS = {
    form.format(sid): sid
    for sid in (f"S{i:02d}" for i in range(1, 25))
    for form in ("门店{}", "门店 {}", "{}门店", "{} 门店", "{}店", "{}号店", "{} 号店",
                 "{}号门店", "store {}", "{} store")
}  # fmt: skip


def _halfwidth() -> float:
    from cxlab import metrics

    row = metrics.nps_from_counts(130, 50, 70, ci="wald").iloc[0]
    return float(row["nps"] - row["ci_low"])


@cache  # tracking 24 stores takes seconds; the answer never changes
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
        prompt_zh="130 名推荐者、50 名中立者和 70 名贬损者：净推荐值是多少？",
        hint_zh="净推荐值 = 推荐者 % − 贬损者 %，比例都以全部 250 份回答为分母。",
        explanation_zh="净推荐值 = 52 % − 28 % = 24。",
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
        prompt_zh="这个净推荐值的 Wald 95 % 置信区间的半宽是多少分？",
        hint_zh="Var = [p + d − (p − d)²] / n，其中 p = .52，d = .28，n = 250；半宽 = 1.96 · 100 "
        "· √Var。",
        explanation_zh="约 ±10.7 分：250 份回答分不清净推荐值是 24 还是 30。",
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
        prompt_zh="在最坏的情况下，要让净推荐值精确到 ±3 分（95 %），需要多少份回答？",
        hint_zh="cx.metrics.nps_sample_size(margin=3)——或者 n = (1.96 · 100)² · 1 / 3²。",
        explanation_zh="约 4,270 份回答：所需的回答数与误差范围的平方成反比。",
    )
)

register(
    Exercise(
        id="02.alert_store",
        prompt="Which store of nps_tracking has a real, persistent drop?",
        kind="text",
        synonyms=STORE_WORDS,
        solution=_alert_store,
        wrong=lambda: "S19",
        hint="Track NPS per store with method='ewma' and keep alerts that last 3 weeks: "
        "cx.metrics.alerts(tracked, min_periods=3).",
        explanation="Its EWMA stays below the lower limit for weeks (it also raises five of the "
        "Shewhart alerts); the other stores raise one or two Shewhart alerts each, weeks that "
        "do not last and that chance can explain.",
        prompt_zh="nps_tracking 中哪家门店出现了真实而持续的下滑？",
        hint_zh="用 method='ewma' 按门店跟踪净推荐值，只保留持续 3 周的预警："
        "cx.metrics.alerts(tracked, min_periods=3)。",
        explanation_zh="它的 EWMA 连续数周低于下控制限（休哈特控制图的警报里也有五次是它"
        "发出的）；其他门店各只发出一两次休哈特警报，都没有持续下去，偶然波动就能解释。",
    )
)
