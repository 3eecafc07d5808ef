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


def self_assessment_question(
    exercise_id: str,
    right: str,
    wrong: str,
    *,
    prompt: str,
    hint: str,
    explanation: str,
    worked: str,
    prompt_zh: str,
    hint_zh: str,
    explanation_zh: str,
    worked_zh: str,
) -> Exercise:
    """One question of a lesson's self-assessment (``"<NN>.sa<k>"``): a multiple choice
    whose answer is one option letter, given in English or Chinese ("b", "(b)", "选B",
    "b项", "第二项" …). The worked solutions end with the answer cell, the same code in
    both languages.

    Parameters
    ----------
    exercise_id : str
        e.g. ``"02.sa1"``.
    right, wrong : str
        The right option letter and a tempting wrong one (the usual misreading).
    prompt, hint, explanation, worked, prompt_zh, hint_zh, explanation_zh, worked_zh : str
        As in :class:`~cxlab.exercises.registry.Exercise`; the worked texts without the
        answer cell.

    Examples
    --------
    >>> q = self_assessment_question(
    ...     "99.sa1", "c", "a", prompt="Which?", hint="Look.", explanation="(c).",
    ...     worked="Because (c):", prompt_zh="哪个？", hint_zh="看。", explanation_zh="(c)。",
    ...     worked_zh="因为 (c)：")
    >>> q.kind, q.wrong()
    ('choice', 'a')
    >>> print(q.worked)
    Because (c):
    <BLANKLINE>
    ```python
    answer = "c"
    cx.check("99.sa1", answer)
    ```
    """
    cell = f'\n\n```python\nanswer = "{right}"\ncx.check("{exercise_id}", answer)\n```'
    return Exercise(
        id=exercise_id,
        prompt=prompt,
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: right,
        wrong=lambda: wrong,
        hint=hint,
        explanation=explanation,
        prompt_zh=prompt_zh,
        hint_zh=hint_zh,
        explanation_zh=explanation_zh,
        worked=worked + cell,
        worked_zh=worked_zh + cell,
    )


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
        prompt="Members minus non-members of the retailer: NPS difference +22.1 points, 95 % CI "
        "15.0 to 29.2. Does the interval include 0? yes / no",
        kind="text",
        synonyms=INCLUDES_WORDS,
        solution=_includes_zero,
        wrong=lambda: "no" if _includes_zero() == "yes" else "yes",
        hint="Is 0 between the lower end and the upper end of the interval? A lower end below 0 "
        "and an upper end above 0 means yes.",
        explanation="No: both ends, 15.0 and 29.2, are above 0, so a difference of 0 is not "
        "compatible with these data — the gap is not chance. It is not the programme either: "
        "in the simulation membership changes nothing, and the heavy, loyal shoppers are the "
        "likeliest to join.",
        prompt_zh="这家零售商的会员减非会员：净推荐值之差为 +22.1 分，95 % 置信区间为 15.0 至 "
        "29.2。这个区间包含 0 吗？是 / 否",
        hint_zh="0 是否位于区间的下限和上限之间？下限低于 0、上限高于 0，答案就是“是”。",
        explanation_zh="否：区间两端 15.0 和 29.2 都高于 0，所以差值为 0 与这些数据不相容——"
        "差距不是偶然。但它也不是忠诚度计划的效果：在模拟中会员身份什么也不改变，只是购物多、"
        "忠诚的顾客最可能加入。",
        worked="An interval includes 0 when its lower end is at most 0 and its upper end at least "
        "0. With `members` from section B2:\n\n```python\n"
        'includes = members["ci_low"] <= 0 <= members["ci_high"]\n'
        '"yes" if includes else "no"  # \'no\'\n```\n\n'
        "No: the lower end, 15.0, is above 0, so a difference of 0 is not compatible with these "
        "data (p < 0.001): the gap is not chance. Here we also know the truth: in the simulation "
        "membership changes nothing — no purchase and no answer depends on it — but the heavy, "
        "loyal shoppers are the likeliest to join. The gap is real, and it is who joins, not the "
        "programme's effect.",
        worked_zh="下限不大于 0、上限不小于 0 时，区间就包含 0。用 B2 节的 `members`：\n\n"
        '```python\nincludes = members["ci_low"] <= 0 <= members["ci_high"]\n'
        '"yes" if includes else "no"  # \'no\'\n```\n\n'
        "否：下限 15.0 高于 0，所以差值为 0 与这些数据不相容（p < 0.001）：差距不是偶然。这里我们"
        "还知道真相：在模拟中会员身份什么也不改变——没有任何购买、任何回答取决于它——只是购物多、"
        "忠诚的顾客最可能加入。差距是真实的，但它来自加入的是哪些人，而不是忠诚度计划的效果。",
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

# --- Self-assessment: the key ideas of Part B in plain words --------------------------------

register(
    self_assessment_question(
        "00b.sa1",
        "c",
        "a",
        prompt="A report says 'NPS 21, 95 % CI 16 to 26'. Which sentence reads the 95 % "
        "correctly? (a) there is a 95 % probability that the true NPS lies between 16 and 26; "
        "(b) next month's NPS will lie between 16 and 26 with 95 % probability; (c) the method "
        "that made the interval catches the true NPS in about 95 of 100 surveys — whether this "
        "interval is one of them, nobody can know; (d) 95 % of the customers answered the survey",
        hint="Section B1, 'What 95 % means': does the 95 % belong to this one interval, or to "
        "the method that made it?",
        explanation="(c): the 95 % belongs to the method — run the survey again and again, and "
        "its intervals contain the true NPS in about 95 of 100 surveys; values between 16 and 26 "
        "are compatible with this one. (a) gives the 95 % to this one interval, which either "
        "contains the true NPS or does not; (b) turns it into a forecast of another survey; (d) "
        "mistakes it for a response rate.",
        worked="The 95 % is a property of the method, not of one interval: in section B1, the "
        "intervals of 2,000 simulated surveys catch the true NPS of 30 in about 95 of 100 "
        "surveys, and no single survey can tell whether it is one of the few that miss. Say "
        "'values between 16 and 26 are compatible with the survey' — sentence (c):",
        prompt_zh="一份报告写着“净推荐值 21，95 % 置信区间 16 到 26”。哪一句正确地解读了这个 "
        "95 %？(a) 真实净推荐值落在 16 到 26 之间的概率是 95 %；(b) 下个月的净推荐值有 95 % 的概"
        "率落在 16 到 26 之间；(c) 用这种方法算出的区间，大约每 100 次调查中有 95 次能套住真实的"
        "净推荐值——至于这一个区间是不是其中之一，谁也无法知道；(d) 95 % 的客户回答了这份调查",
        hint_zh="B1 节“‘95 %’是什么意思”：这个 95 % 属于眼前这一个区间，还是属于算出它的方法？",
        explanation_zh="(c)：95 % 属于方法——把调查一次又一次地做下去，它算出的区间大约每 100 次"
        "调查中有 95 次包含真实的净推荐值；16 到 26 之间的数值都与这一次调查相容。(a) 把 95 % 安"
        "在了这一个区间上，而这个区间要么包含真实值，要么不包含；(b) 把它当成了对另一次调查的预测"
        "；(d) 把它误当成了回复率。",
        worked_zh="95 % 是方法的性质，而不是某一个区间的性质：在 B1 节模拟的 2,000 次调查中，区间"
        "大约每 100 次有 95 次套住了真实的净推荐值 30，而任何一次调查自己都无法知道它是不是没套住"
        "的那少数之一。要说“16 到 26 之间的数值都与这次调查相容”——也就是 (c) 句：",
    )
)

register(
    self_assessment_question(
        "00b.sa2",
        "b",
        "a",
        prompt="Your monthly NPS has a margin of error of ± 8 points with 400 answers. About how "
        "many answers give ± 4 points, at the same shares? (a) 800; (b) 1,600; (c) 4,000; (d) "
        "400 again: the margin depends only on the shares of promoters and detractors",
        hint="Section B1, 'Why more answers narrow it': does the margin shrink with n, or with √n?",
        explanation="(b): the margin of error shrinks with the square root of the number of "
        "answers — four times the answers halve it, so 4 × 400 = 1,600. Twice the answers (a) "
        "narrow it only by √2, to about ± 5.7 points; (d) forgets n: the shares matter, and so "
        "does the number of answers.",
        worked="The margin shrinks with √n: halving it takes four times the answers, 4 × 400 = "
        "1,600 — option (b). Section B1 shows it with `nps_scenario`: at 50 % promoters and 20 % "
        "detractors, 400 answers give ± 7.7 points and 1,600 give ± 3.8.",
        prompt_zh="你们每月的净推荐值基于 400 份回答，误差范围是 ± 8 分。在比例不变的情况下，大约"
        "要多少份回答才能达到 ± 4 分？(a) 800；(b) 1,600；(c) 4,000；(d) 还是 400：误差范围只取"
        "决于推荐者和贬损者的比例",
        hint_zh="B1 节“为什么回答越多，区间越窄”：误差范围是随 n 缩小，还是随 √n 缩小？",
        explanation_zh="(b)：误差范围随回答份数的平方根缩小——回答增加到 4 倍，误差范围减半，所以"
        "是 4 × 400 = 1,600。回答加倍 (a) 只能把它缩小到原来的 1/√2，约 ± 5.7 分；(d) 忘了 n："
        "比例有影响，回答的份数同样有影响。",
        worked_zh="误差范围随 √n 缩小：要减半，回答就得增加到 4 倍，4 × 400 = 1,600——选项 (b)。B1 "
        "节用 `nps_scenario` 演示过：推荐者 50 %、贬损者 20 % 时，400 份回答的误差范围是 ± 7.7 分"
        "，1,600 份是 ± 3.8 分。",
    )
)

register(
    self_assessment_question(
        "00b.sa3",
        "d",
        "a",
        prompt="A hotel e-mails its survey only to guests who have just left a five-star review "
        "and gets 2,000 answers: NPS 70, with a narrow interval. Which statement is right? (a) "
        "with 2,000 answers the interval is narrow, so the NPS of all guests is about 70; (b) the "
        "narrow interval shows that the guests were well chosen; (c) the width of the interval "
        "already allows for who was asked; (d) the interval covers only the chance of who "
        "happened to answer — a survey sent only to happy guests stays biased however many answer",
        hint="Section B1, after the 50 simulated surveys: which errors does an interval cover, "
        "and which stay however many answers come in?",
        explanation="(d): the interval covers only the chance of who happened to answer. It does "
        "not cover the customers who never answer, a leading question, or a survey sent only to "
        "happy customers — such errors stay however many answers come in. (a), (b) and (c) read "
        "a narrow interval as proof of a good sample; it only says that chance plays a small part.",
        worked="An interval is about chance only: with 2,000 answers chance moves the NPS little, "
        "so the interval is narrow — around a number that describes the guests who had just "
        "praised the hotel, not all guests. Many answers are no defence against a biased sample: "
        "statement (d).",
        prompt_zh="一家酒店只把问卷发给刚刚留下五星好评的客人，收到 2,000 份回答：净推荐值 70，区"
        "间很窄。哪一种说法对？(a) 有 2,000 份回答，区间很窄，所以全体客人的净推荐值约为 70；(b) "
        "区间很窄，说明客人选得好；(c) 区间的宽度已经把问了谁考虑在内；(d) 区间只涵盖碰巧是哪些人"
        "作答带来的偶然误差——只发给满意客人的问卷，无论回答再多，偏差也不会消失",
        hint_zh="B1 节 50 次模拟调查的图后面：置信区间涵盖哪些误差？哪些误差无论回答再多也不会消失"
        "？",
        explanation_zh="(d)：置信区间只涵盖碰巧是哪些人作答带来的偶然误差。它不涵盖从来不作答的客"
        "户、带诱导性的问题，或者只发给满意客户的问卷——这类误差无论回答再多也不会消失。(a)、(b) "
        "和 (c) 都把窄区间当成了样本好的证明；它只说明偶然误差的影响小。",
        worked_zh="置信区间只管偶然误差：有 2,000 份回答，偶然因素对净推荐值的影响很小，所以区间很"
        "窄——但它围绕的数字描述的是刚刚称赞过酒店的那些客人，而不是全体客人。回答再多也挡不住有偏"
        "的样本：这就是 (d)。",
    )
)

register(
    self_assessment_question(
        "00b.sa4",
        "a",
        "b",
        prompt="In March 2025, store S05's NPS was 8.6 points below S01's: p = 0.43, 95 % CI of "
        "the difference −28.0 to 11.9. What may you conclude? (a) the March data cannot tell the "
        "two stores apart: the interval is compatible with a large gap either way; (b) the two "
        "stores have the same NPS; (c) there is a 43 % probability that the gap is due to "
        "chance; (d) S01 is clearly the better store",
        hint="Section B2, the last point of 'What a p-value is not': what does p = 0.43 not show?",
        explanation="(a): between two equal stores a gap like this would turn up in about 43 % "
        "of such months, and the interval, −28.0 to 11.9, allows a large gap in either "
        "direction. 'Not significant' is not 'no difference' (b): over two years, with far more "
        "answers, the same two stores differ (p = 0.0002). (c) reads the p-value as the "
        "probability of a hypothesis; (d) ignores the interval.",
        worked="A large p-value says that chance alone could easily produce the gap; the "
        "interval says which gaps remain possible — from S05 28.0 points below S01 to 11.9 "
        "above. That is statement (a). Section B2 asks the same question of two years: with "
        "2,467 and 2,858 answers the interval narrows to 3.6 to 11.4 points below S01, p = "
        "0.0002.",
        prompt_zh="2025 年 3 月，门店 S05 的净推荐值比 S01 低 8.6 分：p = 0.43，差值的 95 % 置信区"
        "间为 −28.0 到 11.9。你可以得出什么结论？(a) 3 月份的数据分不出两家门店的高下：这个区间与"
        "两个方向上的大差距都相容；(b) 两家门店的净推荐值相同；(c) 这个差距由偶然造成的概率是 43 "
        "%；(d) S01 显然是更好的门店",
        hint_zh="B2 节“p 值不是什么”的最后一点：p = 0.43 不能说明什么？",
        explanation_zh="(a)：即使两家门店一模一样，这么大的差距也会在大约 43 % 的月份里出现；而区"
        "间 −28.0 到 11.9 容得下两个方向上的大差距。“不显著”不等于“没有差别” (b)：两年下来，回答"
        "多得多，同样这两家门店就显出了差别（p = 0.0002）。(c) 把 p 值当成了某个假设为真的概率；"
        "(d) 没有看区间。",
        worked_zh="p 值大，说明单凭偶然就很容易产生这样的差距；区间则说明哪些差距仍有可能——从 S05 "
        "比 S01 低 28.0 分到高 11.9 分。这就是 (a)。B2 节对两年的数据问了同一个问题：两家门店分别"
        "有 2,467 和 2,858 份回答，区间缩小到 S05 比 S01 低 3.6 到 11.4 分，p = 0.0002。",
    )
)
