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
        worked="NPS = % promoters − % detractors, both shares of all 250 answers (the passives "
        "count in the denominator):\n\n```python\n100 * (130 - 70) / 250  # 24.0\n```\n\n"
        "52 % − 28 % = 24; `cx.metrics.nps_from_counts(130, 50, 70)` gives the same with its "
        "interval. 52 is the share of promoters alone, not the NPS.",
        worked_zh="净推荐值 = 推荐者 % − 贬损者 %，两个比例都以全部 250 份回答为分母（中立者也计入"
        "分母）：\n\n```python\n100 * (130 - 70) / 250  # 24.0\n```\n\n"
        "52 % − 28 % = 24；`cx.metrics.nps_from_counts(130, 50, 70)` 给出同样的结果，并附上区间。"
        "52 只是推荐者的比例，不是净推荐值。",
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
        worked="As in section 1, with p = 130 / 250, d = 70 / 250 and n = 250:\n\n```python\n"
        "p, d, n = 130 / 250, 70 / 250, 250\n"
        "1.96 * 100 * np.sqrt((p + d - (p - d) ** 2) / n)  # 10.68\n```\n\n"
        '± 10.68 points: `cx.metrics.nps_from_counts(130, 50, 70, ci="wald")` gives the interval '
        "[13.32, 34.68] around 24. The usual slip treats the NPS as a single proportion, 1.96 · "
        "100 · √(0.24 · 0.76 / 250) = 5.29, and forgets that it is a difference of two shares of "
        "the same answers.",
        worked_zh="和第 1 节一样，取 p = 130 / 250，d = 70 / 250，n = 250：\n\n```python\n"
        "p, d, n = 130 / 250, 70 / 250, 250\n"
        "1.96 * 100 * np.sqrt((p + d - (p - d) ** 2) / n)  # 10.68\n```\n\n"
        '± 10.68 分：`cx.metrics.nps_from_counts(130, 50, 70, ci="wald")` 给出 24 周围的区间 '
        "[13.32, 34.68]。常见的错误是把净推荐值当成单个比例，算出 1.96 · 100 · √(0.24 · 0.76 / "
        "250) = 5.29，忘了它是同一批回答中两个比例之差。",
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
        worked="In the worst case (half promoters, half detractors) the variance term p + d − (p "
        "− d)² is 1, so n = (1.96 · 100)² / 3²:\n\n```python\n"
        "cx.metrics.nps_sample_size(margin=3)  # 4269\n```\n\n"
        "4,269 responses. 1,537 is the worst case for ± 5 points (section 2): going from ± 5 to ± "
        "3 takes (5 / 3)² ≈ 2.8 times the answers.",
        worked_zh="在最坏的情况下（一半推荐者、一半贬损者），方差项 p + d − (p − d)² 等于 1，所以 "
        "n = (1.96 · 100)² / 3²：\n\n```python\ncx.metrics.nps_sample_size(margin=3)  # 4269\n"
        "```\n\n"
        "4,269 份回答。1,537 是 ± 5 分时的最坏情况（第 2 节）：从 ± 5 分提高到 ± 3 分，需要 (5 / "
        "3)² ≈ 2.8 倍的回答。",
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
        worked="Track each store's weekly NPS with an EWMA chart and keep only the alerts that "
        "last at least three weeks (section 6):\n\n```python\newma = cx.metrics.track(\n"
        '    tracking, "nps", score="nps_score", time="week", unit="store_id", method="ewma"\n)\n'
        "persistent = cx.metrics.alerts(ewma, min_periods=3)\n"
        "persistent[\"unit\"].value_counts().index[0]  # 'S07'\n```\n\n"
        "S07, the only store with a lasting alert: its EWMA stays below the lower control limit "
        "for 15 weeks in a row, from 14 July to 20 October 2025. The Shewhart alerts of S02 (two) "
        "and of S20, S23 and S24 (one each) do not last: chance can explain them.",
        worked_zh="用 EWMA 控制图跟踪每家门店每周的净推荐值，只保留至少持续三周的警报（第 6 节）："
        "\n\n```python\newma = cx.metrics.track(\n"
        '    tracking, "nps", score="nps_score", time="week", unit="store_id", method="ewma"\n)\n'
        "persistent = cx.metrics.alerts(ewma, min_periods=3)\n"
        "persistent[\"unit\"].value_counts().index[0]  # 'S07'\n```\n\n"
        "S07，唯一一家警报持续下去的门店：它的 EWMA 从 2025 年 7 月 14 日到 10 月 20 日，连续 15 "
        "周低于下控制限。S02 的休哈特警报（两次）以及 S20、S23 和 S24 的（各一次）都没有持续下去："
        "偶然波动就能解释。",
    )
)
