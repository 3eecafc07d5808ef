"""Exercises of lesson 00b: a plain-words primer for managers (reading a number with its
interval, a p-value, correlation and cause, sample size)."""

from __future__ import annotations

from functools import cache

from cxlab.exercises.registry import Exercise, register

#: option letters as a learner may type them, in English and Chinese
OPTION_WORDS = {
    **{f"({letter})": letter for letter in "abcd"},
    **{f"{letter}项": letter for letter in "abcd"},
    **{f"第{number}项": letter for number, letter in zip("一二三四", "abcd", strict=True)},
    **{f"第{number}个": letter for number, letter in zip("一二三四", "abcd", strict=True)},
}

#: "does the interval include 0?" answered in words
INCLUDES_WORDS = {
    "includes 0": "yes",
    "includes zero": "yes",
    "it includes 0": "yes",
    "contains 0": "yes",
    "包含": "yes",
    "包含 0": "yes",
    "包含0": "yes",
    "包括": "yes",
    "包括 0": "yes",
    "含 0": "yes",
    "does not include 0": "no",
    "excludes 0": "no",
    "不包含": "no",
    "不包含 0": "no",
    "不包含0": "no",
    "不包括": "no",
    "不包括 0": "no",
}


def _airline_margin() -> float:
    """Half the width of the 95 % interval of the airline's NPS (all 1,000 passengers)."""
    from cxlab import datasets, metrics

    row = metrics.nps(datasets.load("airline_mot")["nps_score"]).iloc[0]
    return float((row["ci_high"] - row["ci_low"]) / 2)


@cache  # one comparison of 2,000 answers; the answer never changes
def _members_interval() -> tuple[float, float]:
    """The 95 % interval of the NPS difference members − non-members (retail survey)."""
    from cxlab import datasets, metrics

    data = datasets.load("retail_omnichannel")
    row = metrics.compare(data, "nps", by="member", score="nps").differences.iloc[0]
    return float(row["ci_low"]), float(row["ci_high"])


def _includes_zero() -> str:
    """Whether the members' interval includes 0: "yes" or "no"."""
    low, high = _members_interval()
    return "yes" if low <= 0 <= high else "no"


def _sample_size() -> int:
    """Answers for a ±4-point NPS with 50 % promoters and 20 % detractors expected."""
    from cxlab import metrics

    return metrics.nps_sample_size(margin=4, promoters=0.5, detractors=0.2)


def _worst_case_sample_size() -> int:
    """The same without expected shares (the worst case): the typical slip."""
    from cxlab import metrics

    return metrics.nps_sample_size(margin=4)


register(
    Exercise(
        id="00b.margin",
        prompt="The airline's NPS (1,000 passengers) is 21.2, 95 % CI 16.3 to 26.0. What is "
        "the margin of error, ± how many points?",
        solution=_airline_margin,
        wrong=lambda: 2 * _airline_margin(),
        tol=0.1,
        hint="The margin is half the width of the interval: (upper end − lower end) / 2.",
        explanation="(26.0 − 16.3) / 2 ≈ 4.9: 'NPS 21, give or take about 5 points'.",
        prompt_zh="这家航空公司的净推荐值（1,000 名乘客）是 21.2，95 % 置信区间为 16.3 至 26.0。"
        "误差范围是正负多少分？",
        hint_zh="误差范围是区间宽度的一半：（上限 − 下限）/ 2。",
        explanation_zh="(26.0 − 16.3) / 2 ≈ 4.9：可以说“净推荐值 21，上下约 5 分”。",
        worked="The margin of error is half the width of the interval. Section B1 keeps the "
        "airline's NPS and its interval in `row`:\n\n```python\n"
        'result = cx.metrics.nps(air["nps_score"])\nrow = result.iloc[0]\n'
        'round((row["ci_high"] - row["ci_low"]) / 2, 1)  # 4.9\n```\n\n'
        "By hand, (26.0 − 16.3) / 2 = 4.85: ± 4.9 points, 'NPS 21, give or take 5'. The whole "
        "width of the interval, 9.7, is twice the margin.",
        worked_zh="误差范围是区间宽度的一半。B1 节把航空公司的净推荐值及其区间存在 `row` 里：\n\n"
        '```python\nresult = cx.metrics.nps(air["nps_score"])\nrow = result.iloc[0]\n'
        'round((row["ci_high"] - row["ci_low"]) / 2, 1)  # 4.9\n```\n\n'
        "手算：(26.0 − 16.3) / 2 = 4.85，即 ± 4.9 分——“净推荐值 21，上下约 5 分”。整个区间的宽度 "
        "9.7 是误差范围的两倍。",
    )
)

register(
    Exercise(
        id="00b.includes_zero",
        prompt="Members minus non-members of the retailer: NPS difference +5.4 points, 95 % CI "
        "−1.7 to 12.6. Does the interval include 0? yes / no",
        kind="text",
        synonyms=INCLUDES_WORDS,
        solution=_includes_zero,
        wrong=lambda: "no" if _includes_zero() == "yes" else "yes",
        hint="Is 0 between the lower end and the upper end of the interval? A lower end below 0 "
        "and an upper end above 0 means yes.",
        explanation="Yes: −1.7 is below 0 and 12.6 above. A difference of 0 is compatible with "
        "these data — here the truth is 0, since membership was drawn at random in the "
        "simulation.",
        prompt_zh="这家零售商的会员减非会员：净推荐值之差为 +5.4 分，95 % 置信区间为 −1.7 至 "
        "12.6。这个区间包含 0 吗？是 / 否",
        hint_zh="0 是否位于区间的下限和上限之间？下限低于 0、上限高于 0，答案就是“是”。",
        explanation_zh="是：−1.7 低于 0，12.6 高于 0。差值为 0 与这些数据并不矛盾——这里的真实"
        "差值就是 0，因为在模拟中会员身份是随机抽取的。",
        worked="An interval includes 0 when its lower end is at most 0 and its upper end at least "
        "0. With `members` from section B2:\n\n```python\n"
        'includes = members["ci_low"] <= 0 <= members["ci_high"]\n'
        '"yes" if includes else "no"  # \'yes\'\n```\n\n'
        "Yes: −1.7 is below 0 and 12.6 above, so a difference of 0 is compatible with these data "
        "(p = 0.14). Here we also know the truth: the simulation drew membership at random, and "
        "the true difference is 0.",
        worked_zh="下限不大于 0、上限不小于 0 时，区间就包含 0。用 B2 节的 `members`：\n\n"
        '```python\nincludes = members["ci_low"] <= 0 <= members["ci_high"]\n'
        '"yes" if includes else "no"  # \'yes\'\n```\n\n'
        "是：−1.7 低于 0，12.6 高于 0，所以差值为 0 与这些数据并不矛盾（p = 0.14）。这里我们还知道"
        "真相：模拟随机抽取了会员身份，真实差值就是 0。",
    )
)

register(
    Exercise(
        id="00b.sample_size",
        prompt="How many answers does a ±4-point NPS (95 %) need if you expect 50 % promoters "
        "and 20 % detractors?",
        solution=_sample_size,
        wrong=_worst_case_sample_size,
        hint="cx.metrics.nps_sample_size(margin=4, promoters=0.5, detractors=0.2) — the shares "
        "as proportions; without them you get the worst case.",
        explanation="1,465 answers. Without expected shares the worst case (half promoters, half "
        "detractors) asks for 2,401.",
        prompt_zh="如果预计推荐者占 50 %、贬损者占 20 %，要让净推荐值精确到 ±4 分（95 %），需要多少"
        "份回答？",
        hint_zh="cx.metrics.nps_sample_size(margin=4, promoters=0.5, detractors=0.2)——比例要写"
        "成小数；不写比例，得到的就是最坏情况。",
        explanation_zh="1,465 份回答。不给预计比例时，按最坏情况（一半推荐者、一半贬损者）计算，需"
        "要 2,401 份。",
        worked="Give the margin and the expected shares, as proportions, to the formula of "
        "section B4:\n\n```python\n"
        "cx.metrics.nps_sample_size(margin=4, promoters=0.5, detractors=0.2)  # 1465\n```\n\n"
        "n = (1.96 · 100)² · [0.5 + 0.2 − (0.5 − 0.2)²] / 4² ≈ 1,465 answers. Without the shares "
        "you get the worst case (half promoters, half detractors), 2,401; shares in percent (50, "
        "20) are refused with a message.",
        worked_zh="把误差范围和预计的比例（写成小数）交给 B4 节的公式：\n\n```python\n"
        "cx.metrics.nps_sample_size(margin=4, promoters=0.5, detractors=0.2)  # 1465\n```\n\n"
        "n = (1.96 · 100)² · [0.5 + 0.2 − (0.5 − 0.2)²] / 4² ≈ 1,465 份回答。不给比例，得到的是最"
        "坏情况（一半推荐者、一半贬损者）：2,401 份；把比例写成百分数（50, 20）会收到一条错误提示"
        "。",
    )
)

register(
    Exercise(
        id="00b.pvalue",
        prompt="Store B's NPS is 8 points below store A's, p = 0.03. Which sentence is right? "
        "(a) the probability that the two stores have the same NPS is 3 %; (b) if the two "
        "stores had the same true NPS, a gap this large or larger would turn up in about 3 % "
        "of surveys; (c) there is a 97 % chance that the gap is real; (d) the gap is "
        "important for the business",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "b",
        wrong=lambda: "a",
        hint="A p-value starts from 'suppose there were no difference' and asks how surprising "
        "the data would then be. It is not the probability that a hypothesis is true.",
        explanation="(b). (a) and (c) read the p-value as the probability that a hypothesis is "
        "true, which it is not; (d) a p-value says nothing about size or importance — look "
        "at the difference and its interval.",
        prompt_zh="门店 B 的净推荐值比门店 A 低 8 分，p = 0.03。哪一句说得对？(a) 两家门店净推荐值"
        "相同的概率是 3 %；(b) 如果两家门店真实的净推荐值相同，在大约 3 % 的调查中会出现这么大或"
        "更大的差距；(c) 这个差距是真实的概率为 97 %；(d) 这个差距对业务很重要",
        hint_zh="p 值从“假设根本没有差别”出发，问的是：那样的话，眼前的数据有多出人意料。它不是某个"
        "假设为真的概率。",
        explanation_zh="(b)。(a) 和 (c) 把 p 值当成了某个假设为真的概率，而它不是；(d) p 值不能说明"
        "差距的大小或重要性——要看差值及其置信区间。",
        worked="A p-value is computed *assuming* the two stores have the same true NPS; it says "
        "how often a gap at least this large would then turn up by chance. That is sentence (b):\n"
        '\n```python\nanswer = "b"\ncx.check("00b.pvalue", answer)\n```\n\n'
        "(a) and (c) read the p-value as the probability that a hypothesis is true, which it is "
        "not; (d) reads it as size or importance — for those, look at the 8-point difference and "
        "its interval.",
        worked_zh="p 值是在*假定*两家门店真实的净推荐值相同的前提下算出来的；它说的是：那样的话，"
        '单凭偶然，至少这么大的差距会有多频繁地出现。这正是 (b) 句：\n\n```python\nanswer = "b"\n'
        'cx.check("00b.pvalue", answer)\n```\n\n'
        "(a) 和 (c) 把 p 值当成了某个假设为真的概率，而它不是；(d) 把它当成了差距的大小或重要性——"
        "这些要看 8 分的差值及其置信区间。",
    )
)

register(
    Exercise(
        id="00b.cause",
        prompt="Loyalty-programme members are more satisfied than non-members. Which study could "
        "show that the programme raises satisfaction? (a) a larger survey of members and "
        "non-members; (b) a smaller p-value for the gap; (c) invite a random half of the "
        "non-members to join, and a year later compare the satisfaction of the invited and "
        "the not-invited half; (d) ask members whether the programme made them more satisfied",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "c",
        wrong=lambda: "a",
        hint="Members chose to join. Which study decides by chance who gets the programme, so "
        "that the two groups differ in nothing else?",
        explanation="(c), a randomised experiment: chance decides who is invited, so the two "
        "halves differ only in the invitation. More answers (a) or a smaller p (b) make the "
        "gap more certain, not causal; (d) asks people to know their own causes.",
        prompt_zh="忠诚度计划的会员比非会员更满意。哪一种研究能表明这个计划提高了满意度？"
        "(a) 对会员和非会员做一次规模更大的调查；(b) 让这个差距的 p 值更小；(c) 随机邀请一半非"
        "会员加入，一年后比较受邀的一半和未受邀的一半的满意度；(d) 问会员：这个计划是否让他们更"
        "满意了",
        hint_zh="会员是自己选择加入的。哪一种研究由随机决定谁获得这个计划，使两组之间别无其他差别？",
        explanation_zh="(c)，随机实验：由随机决定邀请谁，所以两半客户唯一的差别就是是否受到邀请。回答更"
        "多 (a) 或 p 值更小 (b) 只能让差距更确定，却不能证明因果；(d) 要求人们说清自己行为的原因。",
        worked="Members chose to join, so they may differ from non-members in more than the "
        "programme. Only a study in which chance decides who gets the programme makes the two "
        "groups alike in everything else — (c), a randomised experiment:\n\n```python\n"
        'answer = "c"\ncx.check("00b.cause", answer)\n```\n\n'
        "More answers (a) or a smaller p (b) make the gap more certain, not causal; asking the "
        "members (d) relies on people knowing the causes of their own satisfaction.",
        worked_zh="会员是自己选择加入的，所以他们与非会员的差别可能不止于这个计划。只有由随机决定"
        "谁获得这个计划的研究，才能让两组在其他方面都一样——这就是 (c)，随机实验：\n\n```python\n"
        'answer = "c"\ncx.check("00b.cause", answer)\n```\n\n'
        "回答更多 (a) 或 p 值更小 (b) 只能让差距更确定，却不能证明因果；问会员 (d) 则要求人们说清"
        "自己满意的原因。",
    )
)
