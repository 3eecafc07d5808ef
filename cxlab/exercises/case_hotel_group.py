"""Checked answers of the hotel-group case (notebooks/cases/hotel_group_cxm.ipynb): CRM,
CXM or CEM for a Chinese hotel group.

Every reference answer is computed from ``hotel_group_guests`` when it is checked, by the
code the solution key runs (the relative weights' bootstrap is cached; each answer takes
under 2 s from a cold start). Tolerances: NPS points and percentages ±0.05 (the notebook
asks for two decimals); the top driver is a word (either language).
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from cxlab.exercises.registry import Exercise, register

#: the six attribute ratings of the post-stay survey
RATINGS = [
    "rating_room",
    "rating_cleanliness",
    "rating_checkin",
    "rating_breakfast",
    "rating_staff",
    "rating_value",
]

#: other ways to name an attribute (English and 中文) → its column
DRIVER_SYNONYMS = {
    "staff": "rating_staff",
    "staff service": "rating_staff",
    "staff's service": "rating_staff",
    "service": "rating_staff",
    "员工服务": "rating_staff",
    "员工": "rating_staff",
    "服务": "rating_staff",
    "cleanliness": "rating_cleanliness",
    "清洁": "rating_cleanliness",
    "卫生": "rating_cleanliness",
    "room": "rating_room",
    "客房": "rating_room",
    "check-in": "rating_checkin",
    "checkin": "rating_checkin",
    "入住办理": "rating_checkin",
    "breakfast": "rating_breakfast",
    "早餐": "rating_breakfast",
    "value": "rating_value",
    "value for money": "rating_value",
    "性价比": "rating_value",
}


@cache
def _guests() -> pd.DataFrame:
    from cxlab import datasets

    return datasets.load("hotel_group_guests")


def _revisit_difference(data: pd.DataFrame, by: str, group: object, reference: object) -> float:
    """Revisit rate (%) of *group* minus that of *reference*, as ``cx.metrics.compare``
    gives it (revisit 1 as the "top box" of a 0-1 scale)."""
    from cxlab import metrics

    res = metrics.compare(
        data, "csat", by=by, score="revisit_12m", scale=(0, 1), top=1, reference=reference
    )
    return float(res.differences.set_index("group").loc[group, "difference"])


def _nps() -> float:
    from cxlab import metrics

    return float(metrics.nps(_guests()["nps"])["nps"].iloc[0])


@cache
def _top_driver() -> str:
    from cxlab import drivers

    rw = drivers.relative_weights(_guests(), "csat", RATINGS, B=1000, seed=2026)
    return str(rw.table.index[0])


def _problem_gap() -> float:
    return _revisit_difference(_guests(), "problem", 0, 1)


def _unvoiced() -> float:
    problems = _guests()[_guests()["problem"] == 1]
    return float(100 * (problems["complained"] == 0).mean())


def _fast_vs_none() -> float:
    problems = _guests()[_guests()["problem"] == 1]
    return _revisit_difference(problems, "recovery", "fast", "none")


def _direct_gap_within() -> float:
    guests = _guests()
    noncorp = guests[guests["channel"] != "corporate"]
    rates = noncorp.pivot_table(
        index="tier", columns="channel", values="revisit_12m", aggfunc="mean"
    )
    weights = noncorp["tier"].value_counts(normalize=True)
    return float(100 * ((rates["direct"] - rates["OTA"]) * weights).sum())


register(
    Exercise(
        id="hotel_group.nps",
        prompt="NPS of the group's 5,000 surveyed guests (two decimals)?",
        solution=_nps,
        wrong=lambda: 41.82,
        tol=0.05,
        hint="cx.metrics.nps(guests['nps']) — the column 'nps' of its one row, not "
        "'promoters' (NPS = % promoters − % detractors).",
        explanation="NPS = 41.82 − 34.48 = 7.34, adjusted-Wald 95 % CI [4.92, 9.75]: with "
        "5,000 answers the group's NPS is known to about ±2.4 points. It does not differ by "
        "booking channel or tier (task 1).",
        prompt_zh="集团 5,000 位受访客人的净推荐值是多少（保留两位小数）？",
        hint_zh="cx.metrics.nps(guests['nps'])——取它唯一一行的 'nps' 列，不是 'promoters'"
        "（净推荐值 = 推荐者 % − 贬损者 %）。",
        explanation_zh="净推荐值 = 41.82 − 34.48 = 7.34，调整 Wald 95 % 置信区间 [4.92, 9.75]："
        "5,000 份回答，集团的净推荐值精确到约 ±2.4 分。它在不同预订渠道和会员等级之间没有差别"
        "（任务 1）。",
        worked="NPS is % promoters (9–10) − % detractors (0–6); `cx.metrics.nps` gives both "
        "shares, the score and its interval in one row:\n\n"
        '```python\nnps_all = cx.metrics.nps(guests["nps"])\n'
        'round(nps_all["nps"].iloc[0], 2)  # 7.34\n```\n\n'
        "NPS = 41.82 − 34.48 = 7.34, 95 % CI [4.92, 9.75]. 41.82 is the share of promoters, "
        "not the NPS.",
        worked_zh="净推荐值 = 推荐者 %（9–10 分）− 贬损者 %（0–6 分）；`cx.metrics.nps` 在一行里"
        "给出两个比例、净推荐值及其区间：\n\n"
        '```python\nnps_all = cx.metrics.nps(guests["nps"])\n'
        'round(nps_all["nps"].iloc[0], 2)  # 7.34\n```\n\n'
        "净推荐值 = 41.82 − 34.48 = 7.34，95 % 置信区间 [4.92, 9.75]。41.82 是推荐者的比例，"
        "不是净推荐值。",
    )
)

register(
    Exercise(
        id="hotel_group.top_driver",
        prompt="Which attribute rating carries the largest share of CSAT's explained variance "
        "(relative weights)?",
        kind="text",
        synonyms=DRIVER_SYNONYMS,
        solution=_top_driver,
        wrong=lambda: "rating_breakfast",
        hint="cx.drivers.relative_weights(guests, 'csat', ratings, B=1000, seed=2026): "
        "rw.table is sorted by rank — the first row. (Breakfast has the highest mean "
        "rating, which is performance, not importance.)",
        explanation="The staff's service: 26.7 % of R² [24.8, 28.7], ahead of cleanliness "
        "(20.8 %) and the room (17.5 %); R² = .61. Breakfast is rated best and matters "
        "least (9.4 %).",
        prompt_zh="哪一项分项评分在客户满意度（CSAT）的已解释方差中占比最大（相对权重）？",
        hint_zh="cx.drivers.relative_weights(guests, 'csat', ratings, B=1000, seed=2026)："
        "rw.table 按名次排序——第一行。（早餐的平均分最高，那是绩效，不是重要性。）",
        explanation_zh="员工服务：占 R² 的 26.7 % [24.8, 28.7]，领先于清洁（20.8 %）和客房"
        "（17.5 %）；R² = .61。早餐得分最高，却最不重要（9.4 %）。",
        worked="Divide CSAT's R² among the six attribute ratings with Johnson's relative "
        "weights; the table is sorted by rank:\n\n"
        '```python\nrw = cx.drivers.relative_weights(guests, "csat", ratings, B=1000, '
        "seed=2026)\n"
        "rw.table.index[0]  # 'rating_staff'\n```\n\n"
        "The staff's service, 26.7 % of R² [24.8, 28.7]. 'rating_breakfast' is the best-rated "
        "attribute (performance), not the most important one.",
        worked_zh="用 Johnson 的相对权重把客户满意度的 R² 分给六项分项评分；表格按名次排序：\n\n"
        '```python\nrw = cx.drivers.relative_weights(guests, "csat", ratings, B=1000, '
        "seed=2026)\n"
        "rw.table.index[0]  # 'rating_staff'\n```\n\n"
        "员工服务，占 R² 的 26.7 % [24.8, 28.7]。'rating_breakfast' 是得分最高的一项（绩效），"
        "不是最重要的一项。",
    )
)

register(
    Exercise(
        id="hotel_group.problem_gap",
        prompt="Revisit rate of guests without a problem minus that of guests with a problem, "
        "in percentage points (two decimals)?",
        solution=_problem_gap,
        wrong=lambda: -17.39,
        tol=0.05,
        hint="cx.metrics.compare(guests, 'csat', by='problem', score='revisit_12m', "
        "scale=(0, 1), top=1, reference=1): .differences, the row of group 0. Positive if "
        "guests without a problem come back more often.",
        explanation="36.59 % against 19.20 %: +17.39 points [14.67, 20.10]. A problem goes "
        "with about half the revisit rate — an association; the simulation's causal effect "
        "of an unrecovered problem is about −19 points.",
        prompt_zh="没有遇到问题的客人的回访率减去遇到问题的客人的回访率，是多少个百分点（保留两位"
        "小数）？",
        hint_zh="cx.metrics.compare(guests, 'csat', by='problem', score='revisit_12m', "
        "scale=(0, 1), top=1, reference=1)：.differences 中 group 为 0 的那一行。如果没有问题"
        "的客人回访更多，则为正数。",
        explanation_zh="36.59 % 对 19.20 %：+17.39 个百分点 [14.67, 20.10]。遇到问题的客人回访率"
        "大约只有一半——这是关联；在模拟中，一个未补救的问题的因果效应约为 −19 个百分点。",
        worked="Treat revisit (1) as the 'top box' of a 0–1 scale, so that `compare` gives "
        "revisit rates with Wilson intervals and their difference:\n\n"
        '```python\nby_problem = cx.metrics.compare(guests, "csat", by="problem", '
        'score="revisit_12m", scale=(0, 1), top=1, reference=1)\n'
        'round(by_problem.differences["difference"].iloc[0], 2)  # 17.39\n```\n\n'
        "+17.39 points [14.67, 20.10]: 36.59 % against 19.20 %. Mind the sign — −17.39 is "
        "problem minus no problem.",
        worked_zh="把回访（1）当作 0–1 量表的“最高分”，`compare` 就会给出带 Wilson 区间的回访率"
        "及其差值：\n\n"
        '```python\nby_problem = cx.metrics.compare(guests, "csat", by="problem", '
        'score="revisit_12m", scale=(0, 1), top=1, reference=1)\n'
        'round(by_problem.differences["difference"].iloc[0], 2)  # 17.39\n```\n\n'
        "+17.39 个百分点 [14.67, 20.10]：36.59 % 对 19.20 %。注意符号——−17.39 是有问题减去没有"
        "问题。",
    )
)

register(
    Exercise(
        id="hotel_group.unvoiced",
        prompt="Of the guests who had a problem, what percentage never told the hotel "
        "(complained = 0)? Two decimals.",
        solution=_unvoiced,
        wrong=lambda: 58.21,
        tol=0.05,
        hint="Among the rows with problem == 1, the share with complained == 0, times 100. "
        "58.21 is the share who did complain.",
        explanation="494 of 1,182 guests with a problem (41.79 %) said nothing: a service "
        "recovery that waits for complaints cannot reach them, and 426 of them got no "
        "recovery at all.",
        prompt_zh="遇到问题的客人中，有百分之多少从未向酒店反映（complained = 0）？保留两位小数。",
        hint_zh="在 problem == 1 的行中，求 complained == 0 的比例，再乘以 100。58.21 是反映了问题"
        "的客人的比例。",
        explanation_zh="1,182 位遇到问题的客人中有 494 位（41.79 %）什么也没说：只等投诉上门的服务"
        "补救够不着他们，其中 426 位根本没有得到任何补救。",
        worked="Keep the guests with a problem and take the share who did not complain:\n\n"
        '```python\nproblems = guests[guests["problem"] == 1]\n'
        'round(100 * (problems["complained"] == 0).mean(), 2)  # 41.79\n```\n\n'
        "41.79 % — 494 of 1,182. 58.21 % is the share who complained.",
        worked_zh="只保留遇到问题的客人，求没有反映问题的比例：\n\n"
        '```python\nproblems = guests[guests["problem"] == 1]\n'
        'round(100 * (problems["complained"] == 0).mean(), 2)  # 41.79\n```\n\n'
        "41.79 %——1,182 位中的 494 位。58.21 % 是反映了问题的比例。",
    )
)

register(
    Exercise(
        id="hotel_group.fast_vs_none",
        prompt="Among guests with a problem: revisit rate after a fast recovery minus after "
        "no recovery, in percentage points (two decimals)?",
        solution=_fast_vs_none,
        wrong=lambda: 1.99,
        tol=0.05,
        hint="cx.metrics.compare(problems, 'csat', by='recovery', score='revisit_12m', "
        "scale=(0, 1), top=1, reference='none'): .differences, the row of group 'fast' "
        "(1.99 is slow − none).",
        explanation="28.43 % against 15.42 %: +13.01 points [7.22, 18.80]; a slow recovery "
        "shows no clear gain (+1.99 [−3.52, 7.49]). Still below the 36.59 % of guests "
        "without a problem — and recovery was not assigned at random.",
        prompt_zh="在遇到问题的客人中：快速补救后的回访率减去没有补救的回访率，是多少个百分点"
        "（保留两位小数）？",
        hint_zh="cx.metrics.compare(problems, 'csat', by='recovery', score='revisit_12m', "
        "scale=(0, 1), top=1, reference='none')：.differences 中 group 为 'fast' 的那一行"
        "（1.99 是慢速减去无补救）。",
        explanation_zh="28.43 % 对 15.42 %：+13.01 个百分点 [7.22, 18.80]；慢速补救看不出明显的收益"
        "（+1.99 [−3.52, 7.49]）。仍低于没有遇到问题的客人的 36.59 %——而且补救并不是随机分配"
        "的。",
        worked="Compare the recovery groups among the guests with a problem, with no recovery "
        "as the reference:\n\n"
        '```python\nby_recovery = cx.metrics.compare(problems, "csat", by="recovery", '
        'score="revisit_12m", scale=(0, 1), top=1, reference="none")\n'
        'diff = by_recovery.differences.set_index("group")\n'
        'round(diff.loc["fast", "difference"], 2)  # 13.01\n```\n\n'
        "+13.01 points [7.22, 18.80]. 1.99 is slow − none.",
        worked_zh="在遇到问题的客人中比较各补救组，以“无补救”为参照：\n\n"
        '```python\nby_recovery = cx.metrics.compare(problems, "csat", by="recovery", '
        'score="revisit_12m", scale=(0, 1), top=1, reference="none")\n'
        'diff = by_recovery.differences.set_index("group")\n'
        'round(diff.loc["fast", "difference"], 2)  # 13.01\n```\n\n'
        "+13.01 个百分点 [7.22, 18.80]。1.99 是慢速减去无补救。",
    )
)

register(
    Exercise(
        id="hotel_group.direct_gap_within",
        prompt="Direct minus OTA revisit rate within tiers (non-corporate guests; tier gaps "
        "weighted by the tiers' shares), in percentage points (two decimals)?",
        solution=_direct_gap_within,
        wrong=lambda: 14.13,
        tol=0.05,
        hint="rates = noncorp.pivot_table(index='tier', columns='channel', "
        "values='revisit_12m', aggfunc='mean'); weights = noncorp['tier'].value_counts("
        "normalize=True); 100 * ((rates['direct'] - rates['OTA']) * weights).sum(). 14.13 is "
        "the raw gap.",
        explanation="7.52 points, about half the raw gap of 14.13: direct bookers are more "
        "often gold and platinum guests, who come back anyway. The rest may still be who "
        "they are (unmeasured attachment) — in the simulation the channel's own effect is "
        "about 2.6 points.",
        prompt_zh="在同一会员等级之内（非企业协议客人；各等级的差值按等级所占比例加权），直订减去 "
        "OTA 的回访率是多少个百分点（保留两位小数）？",
        hint_zh="rates = noncorp.pivot_table(index='tier', columns='channel', "
        "values='revisit_12m', aggfunc='mean')；weights = noncorp['tier'].value_counts("
        "normalize=True)；100 * ((rates['direct'] - rates['OTA']) * weights).sum()。14.13 是"
        "未分层的原始差距。",
        explanation_zh="7.52 个百分点，约为原始差距 14.13 的一半：直订客人更多是金卡和白金会员，"
        "他们本来就会回来。剩下的差距仍可能来自他们是谁（没有测量到的品牌依恋）——在模拟中，"
        "渠道本身的效应约为 2.6 个百分点。",
        worked="Compare direct and OTA bookers within each tier, then average the tier gaps "
        "with the tiers' shares as weights (a standardised difference):\n\n"
        '```python\nnoncorp = guests[guests["channel"] != "corporate"]\n'
        'rates = noncorp.pivot_table(index="tier", columns="channel", '
        'values="revisit_12m", aggfunc="mean")\n'
        'weights = noncorp["tier"].value_counts(normalize=True)\n'
        'round(100 * ((rates["direct"] - rates["OTA"]) * weights).sum(), 2)  # 7.52\n'
        "```\n\n"
        "7.52 points, against the raw 14.13: half of the channel gap is the tiers' mix.",
        worked_zh="在每个会员等级之内比较直订和 OTA 客人，再以各等级所占比例为权重，对各等级的"
        "差距求平均（标准化差值）：\n\n"
        '```python\nnoncorp = guests[guests["channel"] != "corporate"]\n'
        'rates = noncorp.pivot_table(index="tier", columns="channel", '
        'values="revisit_12m", aggfunc="mean")\n'
        'weights = noncorp["tier"].value_counts(normalize=True)\n'
        'round(100 * ((rates["direct"] - rates["OTA"]) * weights).sum(), 2)  # 7.52\n'
        "```\n\n"
        "7.52 个百分点，而原始差距是 14.13：渠道差距的一半来自各渠道会员等级构成的不同。",
    )
)
