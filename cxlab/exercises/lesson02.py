"""Exercises of lesson 02: measuring CX with NPS, CSAT and CES."""

from __future__ import annotations

import math
from functools import cache

from cxlab.exercises.lesson00b import self_assessment_question
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

# --- Self-assessment: the key ideas in plain words ------------------------------------------

register(
    self_assessment_question(
        "02.sa1",
        "c",
        "a",
        prompt="A store's NPS fell from 41 to 30 this week, on 12 answers. What do you do first? "
        "(a) call the manager: 11 points is a big drop; (b) report the new NPS of 30 to the "
        "board; (c) look at the interval (or the store's control chart): on 12 answers the NPS is "
        "very uncertain, and a drop of this size can be chance; (d) ignore it: a score on 12 "
        "answers means nothing",
        hint="Concepts, 'Tracking', and the first question of the Discussion: how wide is an "
        "interval on 12 answers?",
        explanation="(c): report every metric with its interval — on 12 answers it is very "
        "wide, so an 11-point drop can be chance; that is also why a control chart's limits "
        "widen in weeks with few responses. (a) and (b) read the bare change as real; (d) throws "
        "information away: the interval says how much the 12 answers do tell.",
        worked="Put an interval around a score from 12 answers, e.g. 6 promoters, 4 passives and "
        "2 detractors:\n\n```python\ncx.metrics.nps_from_counts(6, 4, 2)\n```\n\n"
        "NPS 33, 95 % CI −11.3 to 64.6: a drop of 11 points is well inside what chance can do "
        "with so few answers. Look at the interval or the control chart first — option (c).",
        prompt_zh="某门店本周的净推荐值从 41 降到了 30，依据的是 12 份回答。你首先该做什么？(a) 打"
        "电话给店长：11 分是很大的下滑；(b) 把新的净推荐值 30 报告给董事会；(c) 先看置信区间（或这"
        "家门店的控制图）：只有 12 份回答，净推荐值很不确定，这么大的下滑可能只是偶然；(d) 不予理会"
        "：12 份回答的分数毫无意义",
        hint_zh="“核心概念”中的“持续跟踪”，以及“讨论”的第一个问题：只有 12 份回答时，区间有多宽？",
        explanation_zh="(c)：每项指标都要连同区间一起报告——只有 12 份回答时，区间非常宽，11 分的下"
        "滑可能只是偶然；正因为如此，回答较少的那几周，控制图的控制限也会变宽。(a) 和 (b) 把未经检"
        "验的变化当成了真实的变化；(d) 丢掉了信息：区间说明了这 12 份回答究竟能告诉你多少。",
        worked_zh="给一个只有 12 份回答的分数加上区间，例如 6 名推荐者、4 名中立者和 2 名贬损者：\n"
        "\n```python\ncx.metrics.nps_from_counts(6, 4, 2)\n```\n\n"
        "净推荐值 33，95 % 置信区间 −11.3 到 64.6：回答这么少，11 分的下滑完全在偶然波动的范围之内"
        "。先看区间或控制图——选项 (c)。",
    )
)

register(
    self_assessment_question(
        "02.sa2",
        "a",
        "b",
        prompt="How do you tell whether the NPS of two channels differs? (a) look at the "
        "difference and its own confidence interval (and p-value); (b) the channel with the "
        "higher score is better; (c) check by eye whether the two scores' separate intervals "
        "overlap; (d) compare the numbers of answers",
        hint="Section 5 and the Summary: what does cx.metrics.compare give for two groups?",
        explanation="(a): the difference has its own interval and p-value — in section 5, "
        "in-store minus app is −1.0 points, 95 % CI −2.7 to 0.7, p = 0.25: compatible with no "
        "difference. A higher score (b) can be chance; two separate intervals (c) are not the "
        "test of the difference — compare groups with the difference and its interval, not with "
        "two separate scores; the numbers of answers (d) set the precision, not the difference.",
        worked="`cx.metrics.compare` gives each group's score and the differences, each with its "
        "interval and p-value:\n\n```python\n"
        'result = cx.metrics.compare(tracking, "nps", score="nps_score", by="channel")\n'
        "print(result.differences.round(3).to_string(index=False))\n```\n\n"
        "In-store − app = −1.0 points, 95 % CI −2.7 to 0.7, p = 0.25: no difference shown. "
        "Option (a).",
        prompt_zh="怎样判断两个渠道的净推荐值是否不同？(a) 看两者的差值及其自身的置信区间（以及 p "
        "值）；(b) 分数高的那个渠道更好；(c) 用眼睛看两个分数各自的区间是否重叠；(d) 比较两者的回答"
        "数",
        hint_zh="第 5 节和“小结”：对两个群体，cx.metrics.compare 给出的是什么？",
        explanation_zh="(a)：差值有它自己的置信区间和 p 值——第 5 节中，门店（in-store）减应用程序"
        "（app）为 −1.0 分，95 % 置信区间 −2.7 到 0.7，p = 0.25：与没有差别相容。分数更高 (b) 可能"
        "只是偶然；两个各自的区间 (c) 并不是对差值的检验——比较群体时，要看差值及其置信区间，而不是"
        "分别看两个分数；回答数 (d) 决定的是精度，而不是差别。",
        worked_zh="`cx.metrics.compare` 给出每个群体的分数，以及各个差值——每个差值都带有区间和 p 值"
        "：\n\n```python\n"
        'result = cx.metrics.compare(tracking, "nps", score="nps_score", by="channel")\n'
        "print(result.differences.round(3).to_string(index=False))\n```\n\n"
        "门店（in-store）− 应用程序（app）= −1.0 分，95 % 置信区间 −2.7 到 0.7，p = 0.25：看不出差"
        "别。选项 (a)。",
    )
)

register(
    self_assessment_question(
        "02.sa3",
        "d",
        "a",
        prompt="A report gives a mean CES of 5.5. What do you check before calling it good or "
        "bad? (a) nothing: a higher score is always better; (b) the number of decimals; (c) "
        "whether it is above the NPS; (d) the wording and scale of the item: in Dixon et al.'s "
        "original (1–5) a high score means more effort, in CES 2.0 (1–7) it means easier",
        hint="Concepts, the paragraph on CSAT and CES: what do the two versions of CES ask, and "
        "which way do they point?",
        explanation="(d): the two versions point in opposite directions — read the wording of a "
        "CES item before you read its mean. In CES 2.0, this lesson's version, higher = easier; "
        "in the 2010 original, higher = more effort, so there (a) would get it backwards. (c) "
        "compares numbers on different scales.",
        worked="Read the item before its mean: CES 2.0 (1–7, whether the company made it easy "
        "to handle the issue) and the 2010 original (1–5, how much effort the customer had to "
        "put forth) point in opposite directions. Option (d).",
        prompt_zh="一份报告给出的客户费力度（CES）平均分是 5.5。在说它好还是不好之前，要先核对什么"
        "？(a) 不用核对：分数越高总是越好；(b) 小数位数；(c) 它是否高于净推荐值；(d) 这道题的措辞和"
        "量表：在 Dixon 等人的原始版本（1–5 分）中，分数高表示更费力；在 CES 2.0（1–7 分）中，分数"
        "高表示更省力",
        hint_zh="“核心概念”中讲客户满意度和客户费力度的那一段：客户费力度的两个版本各问什么，方向朝"
        "哪边？",
        explanation_zh="(d)：两个版本的方向正好相反——看一道客户费力度题项的平均分之前，先读清它的措"
        "辞。本课用的 CES 2.0 分数越高越省力；2010 年的原始版本分数越高越费力，所以在那里 (a) 会把"
        "意思读反。(c) 比较的是不同量表上的数字。",
        worked_zh="先读题目，再看平均分：CES 2.0（1–7 分，问企业是否让客户很容易就办成了事）和 2010"
        " 年的原始版本（1–5 分，问客户个人花了多大力气）方向正好相反。选项 (d)。",
    )
)

register(
    self_assessment_question(
        "02.sa4",
        "b",
        "c",
        prompt="A store's weekly NPS falls below its lower control limit, 3 standard errors "
        "below the store's usual level. What does that mean? (a) the NPS dropped by more than 3 "
        "points; (b) a drop unlikely to be chance alone (about 3 in 1,000 per point) — worth a "
        "second look, though among many stores and weeks a few such points are expected anyway; "
        "(c) the store certainly has a problem; (d) the week had fewer than 3 answers",
        hint="Concepts, 'Tracking', and the text after the Shewhart chart in section 6.",
        explanation="(b): a point beyond ±3 standard errors is unlikely to be chance, but with "
        "24 stores × 104 weeks a few single weeks beyond the limits are expected by chance; five "
        "in one store call for a second look, and EWMA alerts that last three weeks pick out a "
        "persistent drop. (c) forgets those chance alarms; (a) reads standard errors as NPS "
        "points.",
        worked="The limits lie ±3 standard errors around the store's usual level, so they "
        "depend on each week's n. Section 6 shows why one point is not yet a verdict: "
        "`cx.metrics.alerts` finds alarms in five stores, and only one store's EWMA "
        "alarms last three weeks. Option (b).",
        prompt_zh="某门店某一周的净推荐值跌破了下控制限——它设在该门店平常水平之下 3 个标准误处。这"
        "说明什么？(a) 净推荐值下降了 3 分以上；(b) 这次下滑不太可能只是偶然（每个点的概率约为 3/1,"
        "000）——值得再看一眼，不过门店多、周数多，本来就会有少数几个这样的点；(c) 这家门店肯定出了"
        "问题；(d) 这一周的回答不到 3 份",
        hint_zh="“核心概念”中的“持续跟踪”，以及第 6 节休哈特控制图之后的文字。",
        explanation_zh="(b)：超出 ±3 个标准误的点不太可能是偶然造成的；但 24 家门店 × 104 周，单凭"
        "偶然，也会有少数几周超出控制限；同一家门店出现五次，就值得再看一眼，而持续三周的 EWMA 警报"
        "能挑出持续的下滑。(c) 忘了这些偶然的警报；(a) 把标准误当成了净推荐值的分数。",
        worked_zh="控制限设在门店平常水平上下各 3 个标准误处，所以取决于每一周的回答数 n。第 6 节说"
        "明了为什么一个点还不是定论：`cx.metrics.alerts` 在五家门店找到了警报，而 EWMA 警报持"
        "续三周的只有一家门店。选项 (b)。",
    )
)
