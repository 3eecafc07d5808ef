"""Checked answers of the hotel case (notebooks/cases/hotel_experience.ipynb).

Every reference answer is computed from ``hotel_4e`` and ``voc_reviews`` when it is
checked, by the code the solution key runs; fits and review selections are cached, so a
process pays for each once (each answer takes under 2 s from a cold start: the
invariance ladder is the slowest). Tolerances: NPS points ±0.05 (the notebook asks
for two decimals), standardized effects ±0.001 (three decimals), Δχ² ±0.01, shares
±0.01, counts exact, the break-even ±0.01 nights.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from cxlab.exercises.lesson04 import INVARIANCE_LEVELS
from cxlab.exercises.registry import Exercise, register

#: The resort of the case, as named in ``voc_reviews``.
RESORT = "Coral Bay Beach Resort"

#: The finance team's (hypothetical) assumptions for the loyalty programme, per member
#: and year: room rate, nights a member stays anyway, points as a share of room revenue,
#: other programme cost, and the contribution margin of one extra night (after points).
FINANCE = {
    "room_rate": 1500.0,
    "baseline_nights": 4.0,
    "points_share": 0.05,
    "other_cost": 60.0,
    "margin_extra_night": 600.0,
}

#: Each realm's total effect on loyalty and the esthetics − entertainment contrast, added
#: to the labelled 4E template (entertainment also reaches satisfaction directly).
CONTRAST = """
tot_est_loy := b_est_mem*b_mem_sat*b_sat_loy
tot_ent_loy := b_ent_mem*b_mem_sat*b_sat_loy + b_ent_sat*b_sat_loy
d_est_ent := tot_est_loy - tot_ent_loy
"""

#: Structural part of the two-group model: esthetics → memory free per segment.
STRUCTURE_FREE = """
Memory ~ Education + c(a_bus, a_lei)*Esthetics + Entertainment + Escapism
Satisfaction ~ Memory + Entertainment
Loyalty ~ Satisfaction
WOM ~ Satisfaction
diff_a := a_lei - a_bus
"""

#: The same with esthetics → memory held equal (one label for both segments).
STRUCTURE_EQUAL = """
Memory ~ Education + c(a, a)*Esthetics + Entertainment + Escapism
Satisfaction ~ Memory + Entertainment
Loyalty ~ Satisfaction
WOM ~ Satisfaction
"""

#: Loadings and intercepts equal across segments (scalar invariance holds, task 2).
INVARIANT = ("loadings", "intercepts")

#: the names of the invariance levels in both languages (形态 / 度量 / 标量 / 严格 …)
LEVEL_SYNONYMS = INVARIANCE_LEVELS


@cache
def _hotel() -> pd.DataFrame:
    """``hotel_4e`` with ``esc3r`` reverse-coded (as in lessons 07 and 08)."""
    from cxlab import datasets
    from cxlab.survey import Survey

    survey = Survey(datasets.load("hotel_4e"), datasets.codebook("hotel_4e"), id_column="guest_id")
    return survey.reverse_code().data


def _measurement() -> str:
    from cxlab import models

    return "\n".join(
        line for line in models.experience_economy_4e(labels=False).splitlines() if "=~" in line
    )


@cache
def _fit():
    from cxlab import models, sem

    return sem.fit(models.experience_economy_4e(), _hotel())


@cache
def _fit_contrast():
    from cxlab import models, sem

    return sem.fit(models.experience_economy_4e() + CONTRAST, _hotel(), std_lv=True)


@cache
def _group_fits():
    from cxlab import sem

    data, measurement = _hotel(), _measurement()
    free = sem.fit(measurement + STRUCTURE_FREE, data, group="segment", group_equal=INVARIANT)
    equal = sem.fit(measurement + STRUCTURE_EQUAL, data, group="segment", group_equal=INVARIANT)
    return free, equal


@cache
def _resort() -> pd.DataFrame:
    from cxlab import datasets

    reviews = datasets.load("voc_reviews")
    return reviews[reviews["hotel"] == RESORT]


def _nps() -> float:
    from cxlab import metrics

    return float(metrics.nps(_hotel()["nps"])["nps"].iloc[0])


@cache  # the ladder of three models takes seconds; the answer never changes
def _invariance() -> str:
    from cxlab.sem import invariance

    result = invariance(
        _measurement(), _hotel(), "segment", levels=("configural", "metric", "scalar")
    )
    table = result.table
    holds = table[table["holds"].astype(bool)]
    return str(holds["level"].iloc[-1])


def _memory_loyalty() -> float:
    eff = _fit().effects()
    row = eff[(eff["effect"] == "total") & (eff["from"] == "Memory") & (eff["to"] == "Loyalty")]
    return float(row["std_all"].iloc[0])


def _d_est_ent() -> float:
    est = _fit_contrast().estimates()
    return float(est.loc[est["label"] == "d_est_ent", "std.all"].iloc[0])


def _delta_chisq() -> float:
    from cxlab import sem

    table = sem.compare(*_group_fits(), names=["free", "equal"])
    return float(table["delta_chisq"].iloc[1])


def _service_alerts() -> int:
    from cxlab import text

    return len(text.alerts(_resort()["text"], text.HOTEL_TOPICS["service"]))


def _failures_caught() -> float:
    from cxlab import text

    resort = _resort()
    flagged: set = set()
    for words in text.HOTEL_TOPICS.values():
        flagged |= set(text.alerts(resort["text"], words).index)
    failures = resort[resort["service_failure"].astype(bool)]
    return float(failures.index.isin(list(flagged)).mean())


def _direct_minus_ota() -> float:
    from cxlab import metrics

    res = metrics.compare(_hotel(), "nps", by="channel", score="nps", reference="OTA")
    diff = res.differences.set_index("group")
    return float(diff.loc["direct", "difference"])


def _breakeven_nights() -> float:
    f = FINANCE
    points = f["points_share"] * f["room_rate"] * f["baseline_nights"]
    return (points + f["other_cost"]) / f["margin_extra_night"]


register(
    Exercise(
        id="hotel.nps",
        prompt="NPS of the 600 resort guests in hotel_4e (two decimals)?",
        solution=_nps,
        wrong=lambda: 42.83,
        tol=0.05,
        hint="cx.metrics.nps(data['nps']) — the column 'nps' of its one row, not 'promoters' "
        "(the NPS is % promoters − % detractors).",
        explanation="NPS = 42.83 − 22.17 = 20.67, adjusted-Wald 95 % CI [14.35, 26.78]: ±6 "
        "points with 600 answers. The simulation's population NPS (≈ 23) lies inside the interval.",
        prompt_zh="hotel_4e 中 600 位度假酒店客人的净推荐值是多少（保留两位小数）？",
        hint_zh="cx.metrics.nps(data['nps'])——取它唯一一行的 'nps' 列，不是 'promoters'（净推荐值"
        " = 推荐者 % − 贬损者 %）。",
        explanation_zh="净推荐值 = 42.83 − 22.17 = 20.67，调整 Wald 95 % 置信区间 [14.35, "
        "26.78]：600 份回答，精度约 ±6 分。模拟的总体净推荐值（≈ 23）落在区间之内。",
        worked="NPS is % promoters (9–10) − % detractors (0–6). `cx.metrics.nps` gives both "
        "shares, the score and its interval in one row:\n\n"
        '```python\nnps_all = cx.metrics.nps(data["nps"])\n'
        'round(nps_all["nps"].iloc[0], 2)  # 20.67\n```\n\n'
        "NPS = 42.83 − 22.17 = 20.67, adjusted-Wald 95 % CI [14.35, 26.78]: ±6 points with 600 "
        "answers. 42.83 is the share of promoters, not the NPS.",
        worked_zh="净推荐值 = 推荐者 %（9–10 分）− 贬损者 %（0–6 分）。`cx.metrics.nps` 在一行里给"
        "出两个比例、净推荐值及其区间：\n\n"
        '```python\nnps_all = cx.metrics.nps(data["nps"])\n'
        'round(nps_all["nps"].iloc[0], 2)  # 20.67\n```\n\n'
        "净推荐值 = 42.83 − 22.17 = 20.67，调整 Wald 95 % 置信区间 [14.35, 26.78]：600 份回答，"
        "精度约 ±6 分。42.83 是推荐者的比例，不是净推荐值。",
    )
)

register(
    Exercise(
        id="hotel.invariance",
        prompt="Highest level of measurement invariance across business and leisure guests "
        "(configural, metric, scalar) for the eight 4E constructs?",
        kind="text",
        synonyms=LEVEL_SYNONYMS,
        solution=_invariance,
        wrong=lambda: "metric",
        hint="cx.sem.invariance(measurement, data, 'segment', levels=('configural', "
        "'metric', 'scalar')), then .summary(): the last level whose 'holds' is True.",
        explanation="Scalar: equal loadings (Δχ²(16) = 21.41, p = .16, ΔCFI = −.001) and equal "
        "intercepts (Δχ²(16) = 10.20, p = .86). Paths and means may be compared across segments.",
        prompt_zh="对八个 4E 构念，商务客人与休闲客人之间成立的最高测量不变性层级是哪一级（形态 "
        "configural、度量 metric、标量 scalar）？",
        hint_zh="cx.sem.invariance(measurement, data, 'segment', levels=('configural', "
        "'metric', 'scalar'))，再看 .summary()：'holds' 为 True 的最后一级。",
        explanation_zh="标量不变：载荷相等（Δχ²(16) = 21.41，p = .16，ΔCFI = −.001），截距也相等"
        "（Δχ²(16) = 10.20，p = .86）。可以在两个细分群体之间比较路径和均值。",
        worked="Fit the measurement part of task 2 to both segments with ever more equality "
        "constraints; the highest level is the last one whose `holds` is True:\n\n"
        '```python\ninv = cx.sem.invariance(measurement, data, "segment", '
        'levels=("configural", "metric", "scalar"))\nprint(inv.summary())\n'
        'inv.table.loc[inv.table["holds"].astype(bool), "level"].iloc[-1]  # \'scalar\'\n'
        "```\n\n"
        "'scalar': equal loadings cost Δχ²(16) = 21.41 (p = .16, ΔCFI = −.001), equal intercepts "
        "Δχ²(16) = 10.20 (p = .86). Paths (task 5) and means may be compared across segments.",
        worked_zh="对两个细分群体拟合任务 2 的测量部分，逐级加上更多的相等约束；成立的最高一级，就"
        "是 `holds` 为 True 的最后一级：\n\n"
        '```python\ninv = cx.sem.invariance(measurement, data, "segment", '
        'levels=("configural", "metric", "scalar"))\nprint(inv.summary())\n'
        'inv.table.loc[inv.table["holds"].astype(bool), "level"].iloc[-1]  # \'scalar\'\n'
        "```\n\n"
        "'scalar'（标量不变）：载荷相等的代价为 Δχ²(16) = 21.41（p = .16，ΔCFI = −.001），截距相"
        "等为 Δχ²(16) = 10.20（p = .86）。可以在两个细分群体之间比较路径（任务 5）和均值。",
    )
)

register(
    Exercise(
        id="hotel.memory_loyalty",
        prompt="Standardized total effect (std_all) of Memory on Loyalty in the pooled 4E model?",
        solution=_memory_loyalty,
        wrong=lambda: 0.633,
        tol=0.001,
        hint="fit.effects(): the row with effect 'total', from 'Memory', to 'Loyalty' — not "
        "the path Memory → Satisfaction (.633).",
        explanation="β = .374 = .633 × .591 (memory → satisfaction → loyalty): one SD more "
        "memorable stay, .37 SD more loyalty intention. Every realm works through this funnel.",
        prompt_zh="在合并样本的 4E 模型中，记忆（Memory）对忠诚（Loyalty）的标准化总效应"
        "（std_all）是多少？",
        hint_zh="fit.effects()：effect 为 'total'、from 为 'Memory'、to 为 'Loyalty' 的那一行——不"
        "是记忆 → 满意度的路径（.633）。",
        explanation_zh="β = .374 = .633 × .591（记忆 → 满意度 → 忠诚）：入住的难忘程度每高一个标"
        "准差，忠诚意向就高 .37 个标准差。每个领域都要通过这个漏斗起作用。",
        worked="Memory reaches loyalty only through satisfaction, so its total effect is the "
        "product of the two paths. `fit.effects()` of the 4E fit `fit` (task 3) lists it:\n\n"
        "```python\neff = fit.effects()\n"
        'row = eff[(eff["effect"] == "total") & (eff["from"] == "Memory") & (eff["to"] == '
        '"Loyalty")]\nround(row["std_all"].iloc[0], 3)  # 0.374\n```\n\n'
        "β = .374 = .633 × .591: one SD more memorable stay, .37 SD more loyalty intention. .633 "
        "is the path memory → satisfaction, not the total effect on loyalty.",
        worked_zh="记忆只通过满意度影响忠诚，所以它的总效应是两条路径的乘积。任务 3 的 4E 拟合"
        " `fit` 的 `fit.effects()` 列出了它：\n\n"
        "```python\neff = fit.effects()\n"
        'row = eff[(eff["effect"] == "total") & (eff["from"] == "Memory") & (eff["to"] == '
        '"Loyalty")]\nround(row["std_all"].iloc[0], 3)  # 0.374\n```\n\n'
        "β = .374 = .633 × .591：入住的难忘程度每高一个标准差，忠诚意向就高 .37 个标准差。.633 是"
        "记忆 → 满意度的路径，不是对忠诚的总效应。",
    )
)

register(
    Exercise(
        id="hotel.d_est_ent",
        prompt="Standardized difference (std.all) of the total effects on Loyalty, Esthetics "
        "minus Entertainment (d_est_ent)?",
        solution=_d_est_ent,
        wrong=lambda: 0.012,
        tol=0.001,
        hint="fit_c.estimates(), the row with label 'd_est_ent', column 'std.all'. Mind the "
        "order: esthetics minus entertainment.",
        explanation="−.012 (β .118 for esthetics against .130 for entertainment), and the "
        "Monte-Carlo 95 % CI of the difference covers 0 widely: these data cannot tell the "
        "garden from the show.",
        prompt_zh="对忠诚（Loyalty）的总效应之差，审美减去娱乐（d_est_ent），标准化值（std.all）"
        "是多少？",
        hint_zh="fit_c.estimates()：label 为 'd_est_ent' 的那一行，'std.all' 列。注意顺序：审美减"
        "去娱乐。",
        explanation_zh="−.012（审美的 β 为 .118，娱乐为 .130），而差值的蒙特卡洛 95 % 置信区间远"
        "远覆盖了 0：这些数据分不出花园和演出孰轻孰重。",
        worked="Add the `:=` contrast of task 4 to the labelled template, fit it and read the "
        "standardized value of the defined parameter `d_est_ent`:\n\n"
        "```python\nfit_c = cx.sem.fit(model + contrast, data, std_lv=True)\n"
        "est_c = fit_c.estimates()\n"
        'round(est_c.loc[est_c["label"] == "d_est_ent", "std.all"].iloc[0], 3)  # -0.012\n'
        "```\n\n"
        "−.012: esthetics' total effect (.118) minus entertainment's (.130) — mind the order. Its "
        "Monte-Carlo 95 % interval (`fit_c.monte_carlo_ci(...)`) covers 0 widely: the data cannot "
        "tell the garden from the show.",
        worked_zh="把任务 4 的 `:=` 对比加到带标签的模板上，拟合后读出定义参数 `d_est_ent` 的标准化"
        "值：\n\n"
        "```python\nfit_c = cx.sem.fit(model + contrast, data, std_lv=True)\n"
        "est_c = fit_c.estimates()\n"
        'round(est_c.loc[est_c["label"] == "d_est_ent", "std.all"].iloc[0], 3)  # -0.012\n'
        "```\n\n"
        "−.012：审美的总效应（.118）减去娱乐的总效应（.130）——注意顺序。它的蒙特卡洛 95 % 区间"
        "（`fit_c.monte_carlo_ci(...)`）远远覆盖了 0：这些数据分不出花园和演出孰轻孰重。",
    )
)

register(
    Exercise(
        id="hotel.delta_chisq",
        prompt="Δχ² when esthetics → memory is held equal for business and leisure guests in "
        "the two-group 4E model?",
        solution=_delta_chisq,
        wrong=lambda: 3.841,
        tol=0.01,
        hint="cx.sem.compare(free, equal, names=[...]): the column delta_chisq of the second "
        "row (3.841 is the critical value, not the statistic).",
        explanation="Δχ²(1) = 3.75, p = .053: the standardized path is .232 for business and "
        ".379 for leisure guests, and the data only just fail to reject equality — although "
        "the simulation made them differ (.15 vs .45).",
        prompt_zh="在两群组 4E 模型中，把审美 → 记忆设为商务客人与休闲客人相等时，Δχ² 是多少？",
        hint_zh="cx.sem.compare(free, equal, names=[...])：第二行的 delta_chisq 列（3.841 是临界"
        "值，不是统计量）。",
        explanation_zh="Δχ²(1) = 3.75，p = .053：标准化路径在商务客人中为 .232，在休闲客人中为 "
        ".379，数据恰好未能拒绝二者相等——尽管模拟设定它们不同（.15 对 .45）。",
        worked="Fit the two-group model of task 5 twice — esthetics → memory free per segment, "
        "then held equal — and compare the nested fits:\n\n"
        '```python\nfree = cx.sem.fit(measurement + structure_free, data, group="segment", '
        "group_equal=invariant)\n"
        'equal = cx.sem.fit(measurement + structure_equal, data, group="segment", '
        "group_equal=invariant)\n"
        'comparison = cx.sem.compare(free, equal, names=["free", "held equal"])\n'
        'round(comparison["delta_chisq"].iloc[1], 2)  # 3.75\n```\n\n'
        "Δχ²(1) = 3.75, p = .053: the standardized path is .232 for business and .379 for leisure "
        "guests, and the data only just fail to reject equality. 3.841 is the critical value, "
        "not the statistic.",
        worked_zh="把任务 5 的两群组模型拟合两次——审美 → 记忆在各细分群体中自由估计，再设为相等——"
        "然后比较这两个嵌套模型：\n\n"
        '```python\nfree = cx.sem.fit(measurement + structure_free, data, group="segment", '
        "group_equal=invariant)\n"
        'equal = cx.sem.fit(measurement + structure_equal, data, group="segment", '
        "group_equal=invariant)\n"
        'comparison = cx.sem.compare(free, equal, names=["free", "held equal"])\n'
        'round(comparison["delta_chisq"].iloc[1], 2)  # 3.75\n```\n\n'
        "Δχ²(1) = 3.75，p = .053：标准化路径在商务客人中为 .232，在休闲客人中为 .379，数据恰好未"
        "能拒绝二者相等。3.841 是临界值，不是统计量。",
    )
)

register(
    Exercise(
        id="hotel.service_alerts",
        prompt="How many of the resort's reviews are alerts on the topic 'service' "
        "(cx.text.HOTEL_TOPICS['service'])?",
        kind="number",
        solution=_service_alerts,
        wrong=lambda: 102,
        hint="Keep only the rows with hotel == 'Coral Bay Beach Resort' first; 102 is the "
        "count for all four hotels of the group.",
        explanation="25 alerts — but read them before calling anyone: 11 say 'Nothing was too "
        "much trouble for the staff', praise that the English lexicon (VADER) scores as "
        "negative.",
        prompt_zh="度假酒店的评论中，有多少条是“服务”主题（cx.text.HOTEL_TOPICS['service']）的预"
        "警？",
        hint_zh="先只保留 hotel == 'Coral Bay Beach Resort' 的行；102 是集团全部四家酒店的数量。",
        explanation_zh="25 条预警——但打电话之前先读一读：其中 11 条写的是 'Nothing was too much "
        "trouble for the staff'（员工再麻烦也乐意帮忙），这是称赞，英文词典（VADER）却把它判为负"
        "面。",
        worked="Run the alerts on the resort's own reviews (`resort`), not on the whole group's, "
        "with the service words of `cx.text.HOTEL_TOPICS`:\n\n"
        '```python\nservice = cx.text.alerts(resort["text"], cx.text.HOTEL_TOPICS["service"])\n'
        "len(service)  # 25\n```\n\n"
        "25 alerts — but read them before calling anyone: 11 say 'Nothing was too much trouble "
        "for the staff', praise that VADER scores as negative. 102 is the count for all four "
        "hotels.",
        worked_zh="只对度假酒店自己的评论（`resort`）运行预警，而不是整个集团的评论，主题词用 "
        "`cx.text.HOTEL_TOPICS` 中的服务词：\n\n"
        '```python\nservice = cx.text.alerts(resort["text"], cx.text.HOTEL_TOPICS["service"])\n'
        "len(service)  # 25\n```\n\n"
        "25 条预警——但打电话之前先读一读：其中 11 条写的是 'Nothing was too much trouble for the "
        "staff'（员工再麻烦也乐意帮忙），这是称赞，VADER 却把它判为负面。102 是集团全部四家酒店的"
        "数量。",
    )
)

register(
    Exercise(
        id="hotel.failures_caught",
        prompt="Share of the resort's service-failure reviews that are on at least one "
        "topic's alert list (any of the six HOTEL_TOPICS)?",
        solution=_failures_caught,
        wrong=lambda: 0.625,
        tol=0.01,
        hint="Collect the index of cx.text.alerts(resort['text'], words) for every topic in "
        "cx.text.HOTEL_TOPICS, then the mean of failures.index.isin(...) over the 24 rows with "
        "service_failure True. (.625 is the share that sentiment labels negative.)",
        explanation="10 of 24 (.42): the topic alerts miss most failures — incidents told as "
        "facts, problems no topic covers (lights, hot water, luggage, the spa) and failures "
        "already put right.",
        prompt_zh="度假酒店报告服务失误的评论中，至少出现在一个主题预警清单上（六个 HOTEL_TOPICS "
        "中任何一个）的比例是多少？",
        hint_zh="对 cx.text.HOTEL_TOPICS 中的每个主题收集 cx.text.alerts(resort['text'], words) "
        "的索引，再在 service_failure 为 True 的 24 行上求 failures.index.isin(...) 的均值。"
        "（.625 是被情感标签判为负面的比例。）",
        explanation_zh="24 条中有 10 条（.42）：主题预警漏掉了大部分失误——有的以陈述事实的方式讲"
        "述，有的问题没有主题覆盖（灯、热水、行李、水疗），有的失误已经得到纠正。",
        worked="Collect the reviews on any topic's alert list, then take the share of the "
        "resort's service-failure reviews (`failures`, task 6) among them:\n\n"
        "```python\nflagged = set()\nfor words in cx.text.HOTEL_TOPICS.values():\n"
        '    flagged |= set(cx.text.alerts(resort["text"], words).index)\n'
        "round(failures.index.isin(list(flagged)).mean(), 2)  # 0.42\n```\n\n"
        "0.42 — 10 of 24: the topic alerts miss most failures (incidents told as facts, problems "
        "no topic covers, failures already put right). .625 is the share that sentiment labels "
        "negative.",
        worked_zh="收集出现在任何一个主题预警清单上的评论，再求度假酒店报告服务失误的评论（任务 6 "
        "的 `failures`）中有多大比例在其中：\n\n"
        "```python\nflagged = set()\nfor words in cx.text.HOTEL_TOPICS.values():\n"
        '    flagged |= set(cx.text.alerts(resort["text"], words).index)\n'
        "round(failures.index.isin(list(flagged)).mean(), 2)  # 0.42\n```\n\n"
        "0.42——24 条中的 10 条：主题预警漏掉了大部分失误（以陈述事实的方式讲述的事件、没有主题覆"
        "盖的问题、已经纠正的失误）。.625 是被情感标签判为负面的比例。",
    )
)

register(
    Exercise(
        id="hotel.direct_minus_ota",
        prompt="NPS of guests who booked direct minus NPS of guests who booked through an OTA "
        "(NPS points, two decimals)?",
        solution=_direct_minus_ota,
        wrong=lambda: 7.50,
        tol=0.05,
        hint="cx.metrics.compare(data, 'nps', by='channel', score='nps', reference='OTA'): "
        ".differences, the row of group 'direct'. Negative if direct bookers score lower.",
        explanation="−7.50 [−22.82, 7.77], p = .33: direct bookers are not more likely to "
        "recommend — and in the simulation booking channel has no effect at all.",
        prompt_zh="直接预订的客人的净推荐值减去通过 OTA 预订的客人的净推荐值，是多少（净推荐值分"
        "数，保留两位小数）？",
        hint_zh="cx.metrics.compare(data, 'nps', by='channel', score='nps', reference='OTA')："
        ".differences 中 group 为 'direct' 的那一行。如果直接预订的客人得分更低，则为负数。",
        explanation_zh="−7.50 [−22.82, 7.77]，p = .33：直接预订的客人并不更愿意推荐——而且在模拟"
        "中，预订渠道根本没有效应。",
        worked="Compare the NPS of the booking channels with OTA as the reference; "
        "`.differences` holds each channel minus OTA with its interval:\n\n"
        '```python\nby_channel = cx.metrics.compare(data, "nps", by="channel", score="nps", '
        'reference="OTA")\ndiff = by_channel.differences.set_index("group")\n'
        'round(diff.loc["direct", "difference"], 2)  # -7.5\n```\n\n'
        "−7.50 [−22.82, 7.77], p = .33: direct bookers are not more likely to recommend. Mind "
        "the sign — +7.50 would be OTA minus direct.",
        worked_zh="以 OTA 为参照比较各预订渠道的净推荐值；`.differences` 给出每个渠道减去 OTA 的差"
        "值及其区间：\n\n"
        '```python\nby_channel = cx.metrics.compare(data, "nps", by="channel", score="nps", '
        'reference="OTA")\ndiff = by_channel.differences.set_index("group")\n'
        'round(diff.loc["direct", "difference"], 2)  # -7.5\n```\n\n'
        "−7.50 [−22.82, 7.77]，p = .33：直接预订的客人并不更愿意推荐。注意符号——+7.50 是 OTA 减"
        "去直接预订。",
    )
)

register(
    Exercise(
        id="hotel.breakeven_nights",
        prompt="How many extra nights per member and year must the loyalty programme create "
        "to pay for itself, under the finance team's assumptions?",
        solution=_breakeven_nights,
        wrong=lambda: 0.1,
        tol=0.01,
        hint="The cost per member is the points on the nights a member stays anyway "
        "(5 % × ¥1,500 × 4) plus ¥60; divide it by the margin of one extra night (¥600). "
        "0.1 forgets the points.",
        explanation="(¥300 + ¥60) / ¥600 = 0.6 extra nights per member and year, +15 % on the "
        "4 nights members stay anyway. Most of the cost rewards stays that would have happened "
        "without the programme.",
        prompt_zh="按财务团队的假设，忠诚度计划每年必须让每位会员额外多住几晚，才能收回成本？",
        hint_zh="每位会员的成本 = 会员本来就会入住的那几晚的积分（5 % × ¥1,500 × 4）加上 ¥60；再"
        "除以额外一晚的边际贡献（¥600）。0.1 忘了积分。",
        explanation_zh="(¥300 + ¥60) / ¥600 = 每位会员每年 0.6 个额外晚数，相当于在会员本来就会入"
        "住的 4 晚之上增加 15 %。大部分成本奖励的是没有这个计划也会发生的入住。",
        worked="The cost per member and year is the points on the nights a member stays anyway "
        "plus the other cost; divide it by the margin of one extra night:\n\n"
        "```python\ncost = (\n"
        '    finance["points_share"] * finance["room_rate"] * finance["baseline_nights"]\n'
        '    + finance["other_cost"]\n)\n'
        'round(cost / finance["margin_extra_night"], 2)  # 0.6\n```\n\n'
        "(¥300 + ¥60) / ¥600 = 0.6 extra nights per member and year, +15 % on the 4 nights "
        "members stay anyway. 0.1 forgets the points.",
        worked_zh="每位会员每年的成本 = 会员本来就会入住的那几晚的积分 + 其他成本；再除以额外一晚的"
        "边际贡献：\n\n"
        "```python\ncost = (\n"
        '    finance["points_share"] * finance["room_rate"] * finance["baseline_nights"]\n'
        '    + finance["other_cost"]\n)\n'
        'round(cost / finance["margin_extra_night"], 2)  # 0.6\n```\n\n'
        "(¥300 + ¥60) / ¥600 = 每位会员每年 0.6 个额外晚数，相当于在会员本来就会入住的 4 晚之上增"
        "加 15 %。0.1 忘了积分。",
    )
)
