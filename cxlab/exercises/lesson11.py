"""Exercises of lesson 11: key drivers, importance-performance analysis, funnels."""

from __future__ import annotations

from cxlab.exercises.lesson00b import OPTION_WORDS
from cxlab.exercises.registry import Exercise, register

MOTS = ["mot_booking", "mot_checkin", "mot_boarding", "mot_crew", "mot_meal", "mot_arrival"]
BLACK_FRIDAY = "2025-11-28"
TIMEOUT_S = 7.0


def _airline():
    from cxlab import datasets

    return datasets.load("airline_mot")


def _crew_share() -> float:
    from cxlab import drivers

    air = _airline()
    no_problem = air[~air["had_problem"].astype(bool)]
    rw = drivers.relative_weights(no_problem, "nps_score", MOTS, B=0)
    return round(float(rw.table.loc["mot_crew", "pct"]), 1)


def _arrival_median_quadrant() -> str:
    from cxlab import drivers

    air = _airline()
    problem = air[air["had_problem"].astype(bool)]
    seven = [*MOTS, "mot_complaint"]
    rw = drivers.relative_weights(problem, "nps_score", seven, B=0)
    grid = drivers.ipa(rw, problem[seven].mean(), cut="median")
    return str(grid.table.loc["mot_arrival", "quadrant"])


def _black_friday_checkouts():
    from cxlab import datasets

    events = datasets.load("journey_events")
    checkout = events[(events["stage"] == "checkout") & (events["date"] == BLACK_FRIDAY)]
    bought = checkout["session_id"].isin(events.loc[events["stage"] == "purchase", "session_id"])
    return checkout, bought


def _timeout_share() -> float:
    checkout, _ = _black_friday_checkouts()
    return round(100 * float((checkout["page_load_s"] > TIMEOUT_S).mean()), 1)


def _fast_conversion() -> float:
    checkout, bought = _black_friday_checkouts()
    fast = checkout["page_load_s"] <= TIMEOUT_S
    return round(100 * float(bought[fast].mean()), 1)


register(
    Exercise(
        id="11.crew_share",
        prompt="Relative weights, passengers without a problem: mot_crew's share (%) of the R² "
        "of nps_score?",
        solution=_crew_share,
        wrong=lambda: 28.5,
        tol=0.1,
        hint="rw.table.loc['mot_crew', 'pct'] for the model of section 1 (no_problem data, "
        "six MOTs) — a percentage, e.g. 12.3, not a proportion. 28.5 is the value for all "
        "passengers.",
        explanation="The crew carries about a third (34 %) of what the six moments of truth "
        "explain of NPS — the truth of the simulation is 32 %, well inside the interval.",
        prompt_zh="相对权重，没有遇到问题的乘客：mot_crew 占 nps_score 的 R² 的份额（%）是多少？",
        hint_zh="第 1 节模型（no_problem 数据，六个关键时刻）的 rw.table.loc['mot_crew', 'pct']——"
        "填百分数，例如 12.3，不是比例。28.5 是全部乘客的值。",
        explanation_zh="乘务组承载了六个关键时刻对净推荐值所解释部分的约三分之一（34 %）——模拟的"
        "真实值是 32 %，完全落在区间之内。",
        worked="Relative weights share the R² of `nps_score` among the six moments; `pct` is "
        "each share in % of R². Read the crew's row of `rw`, the model of section 1 (passengers "
        "without a problem):\n\n"
        '```python\nround(rw.table.loc["mot_crew", "pct"], 1)  # 34.2\n```\n\n'
        "34.2 %: the crew carries about a third of what the six moments of truth explain of NPS "
        "(bootstrap interval about 25–42 %). 28.5 is the value for all passengers (`rw_all`).",
        worked_zh="相对权重把 `nps_score` 的 R² 分给六个关键时刻；`pct` 是每一份占 R² 的百分比。读"
        "出第 1 节模型（没有遇到问题的乘客）`rw` 中乘务组那一行：\n\n"
        '```python\nround(rw.table.loc["mot_crew", "pct"], 1)  # 34.2\n```\n\n'
        "34.2 %：六个关键时刻对净推荐值所解释的部分，乘务组约占三分之一（自助法区间约为 25–42 "
        "%）。28.5 是全部乘客（`rw_all`）的值。",
    )
)

register(
    Exercise(
        id="11.arrival_median",
        prompt="IPA of the passengers with a problem, cut at the medians instead of the means: "
        "in which quadrant is mot_arrival?",
        kind="text",
        synonyms={
            "重点改进": "concentrate here",
            "concentrate": "concentrate here",
            "keep up": "keep up the good work",
            "keep up the good work": "keep up the good work",
            "继续保持": "keep up the good work",
            "低优先级": "low priority",
            "过度投入": "possible overkill",
            "overkill": "possible overkill",
            "重点改进区": "concentrate here",
            "重点改进象限": "concentrate here",
            "优先改进区": "concentrate here",
            "优先改进": "concentrate here",
            "继续保持区": "keep up the good work",
            "继续保持象限": "keep up the good work",
            "保持优势区": "keep up the good work",
            "低优先级区": "low priority",
            "低优先级象限": "low priority",
            "低优先区": "low priority",
            "次要改进区": "low priority",
            "过度投入区": "possible overkill",
            "过度投入象限": "possible overkill",
            "供给过度区": "possible overkill",
        },
        solution=_arrival_median_quadrant,
        wrong=lambda: "low priority",
        hint="cx.drivers.ipa(rw7, perf7, cut='median').table.loc['mot_arrival', 'quadrant'].",
        explanation="'Concentrate here': at the median, arrival's importance (14.0 %) counts as "
        "high and its performance (3.19) as low. It sits close to both lines, so its quadrant "
        "depends on where they are drawn — report the cut points with the grid.",
        prompt_zh="遇到问题的乘客的 IPA，分界线画在中位数而不是均值处：mot_arrival 落在哪个象限？",
        hint_zh="查看 cx.drivers.ipa(rw7, perf7, cut='median').table.loc['mot_arrival', "
        "'quadrant']。",
        explanation_zh="“重点改进”（concentrate here）：以中位数为界，到达的重要性（14.0 %）算"
        "高，绩效（3.19）算低。它离两条线都很近，所以落在哪个象限取决于线画在哪里——报告 IPA 图时"
        "要同时给出分界点。",
        worked="Redraw the grid of section 5 with the same importance (`rw7`) and performance, "
        "but `cut='median'`, and read arrival's row:\n\n"
        '```python\ngrid_median = cx.drivers.ipa(rw7, problem[SEVEN].mean(), cut="median")\n'
        'print(grid_median.summary())\ngrid_median.table.loc["mot_arrival", "quadrant"]\n'
        "```\n\n"
        "'concentrate here': the lines move to importance 12.3 % and performance 3.88, so "
        "arrival's 14.0 % counts as high and its 3.19 as low. At the means (section 5) it is "
        "'low priority': it sits close to both lines, so report where they are drawn.",
        worked_zh="用同样的重要性（`rw7`）和绩效重画第 5 节的图，但改用 `cut='median'`，再读出到达"
        "那一行：\n\n"
        '```python\ngrid_median = cx.drivers.ipa(rw7, problem[SEVEN].mean(), cut="median")\n'
        'print(grid_median.summary())\ngrid_median.table.loc["mot_arrival", "quadrant"]\n'
        "```\n\n"
        "“重点改进”（concentrate here）：分界线移到重要性 12.3 % 和绩效 3.88 处，于是到达的 "
        "14.0 % 算高，3.19 算低。以均值为界（第 5 节）时，它在“低优先级”：它离两条线都很近，所以"
        "报告时要说明线画在哪里。",
    )
)

register(
    Exercise(
        id="11.bf_timeouts",
        prompt="What share (%) of the Black Friday checkouts had a checkout page that took "
        "more than 7 s to load?",
        solution=_timeout_share,
        wrong=lambda: 0.9,
        tol=0.1,
        hint="Rows of events with stage == 'checkout' and date == '2025-11-28'; the mean of "
        "page_load_s > 7, times 100. (0.9 % is the share on the other days.)",
        explanation="About one Black Friday checkout in six (16 %) took longer than 7 s — and "
        "none of those sessions bought anything.",
        prompt_zh="黑色星期五的结账中，结账页面加载超过 7 秒的占多少（%）？",
        hint_zh="events 中 stage == 'checkout' 且 date == '2025-11-28' 的行；page_load_s > 7 的均"
        "值，乘以 100。（0.9 % 是其他日子的比例。）",
        explanation_zh="黑色星期五约每六次结账就有一次（16 %）加载超过 7 秒——而这些会话没有一个买"
        "了东西。",
        worked="Keep Black Friday's checkout rows of the event log `events` (section 7) and "
        "take the share whose page took more than 7 s to load:\n\n"
        '```python\nbf_checkout = events[(events["stage"] == "checkout") & (events["date"] == '
        '"2025-11-28")]\nround(100 * (bf_checkout["page_load_s"] > 7).mean(), 1)  # 16.2\n'
        "```\n\n"
        "16.2 % — 64 of 394 checkouts, about one in six, and none of them ended in a purchase. "
        "0.9 % is the share on the other days.",
        worked_zh="在事件日志 `events`（第 7 节）中保留黑色星期五的结账行，求页面加载超过 7 秒的比"
        "例：\n\n"
        '```python\nbf_checkout = events[(events["stage"] == "checkout") & (events["date"] == '
        '"2025-11-28")]\nround(100 * (bf_checkout["page_load_s"] > 7).mean(), 1)  # 16.2\n'
        "```\n\n"
        "16.2 %——394 次结账中有 64 次，约每六次一次，而且没有一次完成了购买。0.9 % 是其他日子"
        "的比例。",
    )
)

register(
    Exercise(
        id="11.bf_fast_conversion",
        prompt="Checkout → purchase (%) on Black Friday among the checkouts whose page loaded "
        "within 7 s?",
        solution=_fast_conversion,
        wrong=lambda: 31.0,
        tol=0.1,
        hint="Keep Black Friday checkouts with page_load_s <= 7; the share of their sessions "
        "that have a purchase event, times 100. (31.0 % is the rate of all Black Friday "
        "checkouts.)",
        explanation="About 37 % — still well below the 46 % of 15-22 December: time-outs explain "
        "part of the gap, and something else at the checkout (new customers, sold-out items) "
        "the rest.",
        prompt_zh="黑色星期五，在页面 7 秒内加载完成的结账中，结账 → 购买的转化率（%）是多少？",
        hint_zh="保留 page_load_s <= 7 的黑色星期五结账；其中有购买事件的会话所占的比例，乘以 "
        "100。（31.0 % 是黑色星期五全部结账的转化率。）",
        explanation_zh="约 37 %——仍远低于 12 月 15–22 日的 46 %：超时解释了差距的一部分，其余来自"
        "结账环节的其他因素（新客户、已售罄的商品）。",
        worked="Keep Black Friday's checkouts whose page loaded within 7 s and take the share "
        "of their sessions that have a purchase event:\n\n"
        '```python\nbf_checkout = events[(events["stage"] == "checkout") & (events["date"] == '
        '"2025-11-28")]\nfast_bf = bf_checkout[bf_checkout["page_load_s"] <= 7]\n'
        'purchases = events.loc[events["stage"] == "purchase", "session_id"]\n'
        'round(100 * fast_bf["session_id"].isin(purchases).mean(), 1)  # 37.0\n```\n\n'
        "37.0 % (122 of 330): above the 31.0 % of all Black Friday checkouts (the usual slip), "
        "but still well below the 45.5 % of 15–22 December — the time-outs explain only part of "
        "the gap.",
        worked_zh="保留黑色星期五页面在 7 秒内加载完成的结账，求其中有购买事件的会话所占的比例："
        "\n\n"
        '```python\nbf_checkout = events[(events["stage"] == "checkout") & (events["date"] == '
        '"2025-11-28")]\nfast_bf = bf_checkout[bf_checkout["page_load_s"] <= 7]\n'
        'purchases = events.loc[events["stage"] == "purchase", "session_id"]\n'
        'round(100 * fast_bf["session_id"].isin(purchases).mean(), 1)  # 37.0\n```\n\n'
        "37.0 %（330 次中有 122 次）：高于黑色星期五全部结账的 31.0 %（常见的错误就是填了它），"
        "但仍远低于 12 月 15–22 日的 45.5 %——超时只解释了差距的一部分。",
    )
)


# --- Self-assessment: the key ideas of the lesson, one letter each ------------------------------


def _answer_cell(exercise_id: str, letter: str) -> str:
    """The code block of a worked self-assessment answer: the letter, checked."""
    return f'```python\nanswer = "{letter}"\ncx.check("{exercise_id}", answer)\n```'


register(
    Exercise(
        id="11.sa1",
        prompt="Six correlated touchpoint ratings predict NPS. Which numbers share the model's R² "
        "among them so that the parts add up to R²? (a) the squared correlations of each rating "
        "with NPS; (b) the standardized regression coefficients; (c) relative weights or Shapley "
        "values (dominance analysis); (d) the mean rating of each touchpoint",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "c",
        wrong=lambda: "b",
        hint="The Concepts' paragraph on key driver analysis says what goes wrong with "
        "correlations and with regression coefficients when the drivers are correlated.",
        explanation="(c). Both share R² and add up to it exactly. Regression coefficients (b) give "
        "only what a driver adds with all the others held fixed: with correlated drivers they are "
        "unstable, can flip sign and do not add up to R². Squared correlations (a) count shared "
        "variance several times (.92 against R² = .38 in section 1).",
        prompt_zh="六个相互相关的触点评分用来预测净推荐值。哪一种数字能把模型的 R² 分给它们，并且各"
        "部分加起来正好等于 R²？(a) 各评分与净推荐值的相关系数的平方；(b) 标准化回归系数；(c) 相对"
        "权重或沙普利值（优势分析）；(d) 各触点的平均评分",
        hint_zh="核心概念中讲关键驱动因素分析的那一段，说明了驱动因素相互相关时，相关系数和回归系数"
        "各出了什么问题。",
        explanation_zh="(c)。两者都分配 R²，加起来正好等于 R²。回归系数 (b) 只给出一个驱动因素在其"
        "他因素都保持不变时额外增加的部分：驱动因素相互相关时，它们不稳定，甚至会改变符号，加起来也"
        "不等于 R²。相关系数的平方 (a) 把共有的方差重复计算了好几次（第 1 节中为 .92，而 R² = .3"
        "8）。",
        worked="Relative weights (Johnson 2000) and Shapley values (general dominance) both give "
        "non-negative parts that add up to R² exactly; divided by R², each is a driver's share of "
        "the explained variance:\n\n"
        + _answer_cell("11.sa1", "c")
        + "\n\nIn section 1 the squared correlations add up to .92 while R² is .38 (a), and "
        "arrival's coefficient beats the meal's although the meal goes with more of NPS (b).",
        worked_zh="相对权重（Johnson 2000）和沙普利值（一般优势）给出的各部分都不为负，加起来正好等"
        "于 R²；除以 R²，就是每个驱动因素在被解释方差中所占的份额：\n\n"
        + _answer_cell("11.sa1", "c")
        + "\n\n在第 1 节中，相关系数的平方加起来是 .92，而 R² 只有 .38 (a)；到达环节的回归系数超过"
        "了餐食，尽管餐食与净推荐值的关联更多 (b)。",
    )
)

register(
    Exercise(
        id="11.sa2",
        prompt="Relative weights give the crew a third of NPS's R². A manager concludes: 'Train "
        "the crew and NPS will rise by a third.' What do the weights say? (a) the manager is "
        "right: a third of R² means a third more NPS; (b) a third of what the six moments together "
        "predict of NPS goes with the crew rating; what NPS would do if the crew improved is a "
        "causal question the weights do not answer; (c) the crew explains a third of the variance "
        "of NPS; (d) the crew rating should be raised by a third",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "b",
        wrong=lambda: "a",
        hint="The Concepts say which question relative weights and Shapley values answer — and "
        "which they do not.",
        explanation="(b). The weights share the explained variance (R² = .38), so the crew goes "
        "with about a third of .38, not a third of NPS's variance (c). How much NPS would move is "
        "a causal question: lesson 05's paths answer it under the model's assumptions, an "
        "experiment answers it best. (a) reads importance as an effect.",
        prompt_zh="相对权重显示，乘务组占净推荐值 R² 的三分之一。一位经理得出结论：“培训乘务组，净"
        "推荐值就会提高三分之一。”这些权重说明了什么？(a) 经理说得对：占 R² 的三分之一就意味着净推"
        "荐值提高三分之一；(b) 六个关键时刻合起来能预测的净推荐值中，有三分之一与乘务组评分相关；乘"
        "务组改进之后净推荐值会怎样，是这些权重回答不了的因果问题；(c) 乘务组解释了净推荐值方差的三"
        "分之一；(d) 乘务组评分应当提高三分之一",
        hint_zh="核心概念说明了相对权重和沙普利值回答的是什么问题——以及不回答什么问题。",
        explanation_zh="(b)。权重分配的是被解释的方差（R² = .38），所以乘务组对应的是 .38 的大约三"
        "分之一，而不是净推荐值方差的三分之一 (c)。净推荐值会变动多少是因果问题：第 05 课的路径在模"
        "型假定下回答它，实验回答得最好。(a) 把重要性读成了效应。",
        worked="Relative weights answer 'how much of what we can predict goes with this "
        "touchpoint?'. The six moments predict R² = .38 of NPS; the crew's third of that is about "
        ".13 of NPS's variance, and it says nothing about what training would change:\n\n"
        + _answer_cell("11.sa2", "b")
        + "\n\n(a) reads importance as an effect. Passengers who rate the crew well may differ in "
        "other ways too; an experiment (train the crews of some routes, not of others) would show "
        "what training does.",
        worked_zh="相对权重回答的是“我们能预测的部分中，有多少与这个触点相关？”。六个关键时刻能预测"
        "净推荐值的 R² = .38；乘务组占其中的三分之一，大约是净推荐值方差的 .13，而且它完全没有说明"
        "培训会改变什么：\n\n"
        + _answer_cell("11.sa2", "b")
        + "\n\n(a) 把重要性读成了效应。给乘务组打高分的乘客也可能在别的方面与其他人不同；做一个实验"
        "（培训部分航线的乘务组，其他航线不培训），才能说明培训的作用。",
    )
)

register(
    Exercise(
        id="11.sa3",
        prompt="With all passengers in the model, arrival's share of R² jumps from 11 % to 25 %; "
        "once 'had a problem' is a driver, it drops back to 17 %. What does this show? (a) arrival "
        "matters more to passengers who had a problem, so the airline should invest in arrival "
        "first; (b) the bootstrap is unstable with 1,000 passengers; (c) relative weights do not "
        "work for ratings; (d) a key driver analysis is only as good as its list of drivers: leave "
        "out a cause and its correlates inherit its importance",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "d",
        wrong=lambda: "a",
        hint="Section 3 adds the passengers who had a problem, then the problem itself as a "
        "driver.",
        explanation="(d). The problem (mostly a late or damaged bag) lowered both the arrival "
        "rating and NPS; left out of the model, it lent its importance to arrival. (a) credits "
        "arrival with what the problem did.",
        prompt_zh="把全部乘客放进模型后，到达环节占 R² 的份额从 11 % 跳到 25 %；把“遇到问题”也作为"
        "驱动因素后，它又回落到 17 %。这说明了什么？(a) 对遇到问题的乘客来说，到达环节更重要，所以"
        "航空公司应当先在到达环节投入；(b) 有 1,000 名乘客时自助法不稳定；(c) 相对权重不适用于评"
        "分；(d) 关键驱动因素分析的好坏取决于驱动因素清单：漏掉一个原因，与它相关的因素就会继承它的"
        "重要性",
        hint_zh="第 3 节先加入遇到问题的乘客，再把问题本身作为驱动因素。",
        explanation_zh="(d)。问题（大多是行李延误或损坏）同时拉低了到达环节的评分和净推荐值；它不在"
        "模型里时，就把自己的重要性借给了到达环节。(a) 把问题造成的影响算到了到达环节头上。",
        worked="A problem on the trip lowered the arrival rating *and* NPS. Without the problem in "
        "the model, arrival stands in for it (25 %); with it, arrival drops back (17 %) and the "
        "problem takes a fifth of R²:\n\n"
        + _answer_cell("11.sa3", "d")
        + "\n\nSo ask which causes the survey leaves out before reading the weights: a missing "
        "cause lends its importance to its correlates.",
        worked_zh="旅途中遇到的问题同时拉低了到达环节的评分*和*净推荐值。模型里没有这个问题时，到达"
        "环节替它顶了位置（25 %）；加入问题后，到达环节回落（17 %），问题本身占了 R² 的五分之一："
        "\n\n"
        + _answer_cell("11.sa3", "d")
        + "\n\n所以在解读权重之前，先问一问问卷漏掉了哪些原因：漏掉的原因会把它的重要性借给与它相关"
        "的因素。",
    )
)

register(
    Exercise(
        id="11.sa4",
        prompt="Only 5 % of passengers rate the crew 1–2, but their NPS is 3 points lower; the "
        "meal disappoints a third of passengers and costs 1.4 points. Which is the moment of "
        "truth? (a) the crew: a touchpoint where a bad experience costs a lot, even if it is rare; "
        "(b) both equally; (c) the meal: the touchpoint that disappoints most often; (d) neither: "
        "only a touchpoint with a low average rating can be a moment of truth",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "a",
        wrong=lambda: "c",
        hint="Section 6 and the Concepts' paragraph on moments of truth say what makes a "
        "touchpoint one.",
        explanation="(a). A moment of truth is defined by the penalty of a bad experience, not by "
        "how often it happens: the meal is an annoyance, not a moment of truth (c). The penalty is "
        "not causal either: passengers with a bad crew may have had a bad trip altogether.",
        prompt_zh="只有 5 % 的乘客给乘务组打 1–2 分，但这些乘客的净推荐值评分低 3 分；餐食让三分之"
        "一的乘客失望，代价是 1.4 分。哪一个是关键时刻？(a) 乘务组：一次糟糕的体验代价很大的触点，"
        "即使这种体验很少见；(b) 两者一样；(c) 餐食：最常让人失望的触点；(d) 都不是：只有平均评分低"
        "的触点才可能是关键时刻",
        hint_zh="第 6 节和核心概念中讲关键时刻的那一段，说明了什么样的触点才算关键时刻。",
        explanation_zh="(a)。关键时刻由一次糟糕体验的损失界定，而不是由它发生的频率界定：餐食只是个"
        "小烦恼，算不上关键时刻 (c)。损失也不是因果效应：乘务组体验差的乘客，可能整个旅程都不顺。",
        worked="`mot_impact` puts performance, importance and the penalty side by side. The crew "
        "is rarely bad (5 % of ratings 1–2), but then NPS falls by 3 points; the meal is often bad "
        "but costs only 1.4:\n\n"
        + _answer_cell("11.sa4", "a")
        + "\n\n(c) counts how often a touchpoint disappoints; a moment of truth is where a bad "
        "experience costs a lot (Carlzon 1987).",
        worked_zh="`mot_impact` 把绩效、重要性和损失并排列出。乘务组很少表现差（1–2 分的评分占 5 "
        "%），可一旦差，净推荐值评分就低 3 分；餐食常常让人失望，代价却只有 1.4 分：\n\n"
        + _answer_cell("11.sa4", "a")
        + "\n\n(c) 数的是一个触点多常让人失望；关键时刻则是一次糟糕体验代价很大的地方（Carlzon 198"
        "7）。",
    )
)

register(
    Exercise(
        id="11.sa5",
        prompt="13 December has the lowest checkout → purchase rate, 28.6 % of 63 checkouts (95 % "
        "interval up to 41 %); Black Friday converts 31 % (interval 27–36 %) against 44 % on a "
        "typical day. Which day signals a real problem? (a) 13 December: its rate is the lowest; "
        "(b) Black Friday: its interval is narrow and far from a typical day, while 13 December's "
        "few checkouts leave its interval close to a typical day; (c) neither: one day's rate says "
        "nothing; (d) both equally",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "b",
        wrong=lambda: "a",
        hint="Section 7 compares the days by their Wilson intervals, not only by their point "
        "estimates.",
        explanation="(b). A rate from 63 checkouts is uncertain: its interval reaches 41 %, near a "
        "typical day. Black Friday's interval (27–36 %) is narrow and far from the rest. (a) ranks "
        "days by their point estimates; rank them by their intervals.",
        prompt_zh="12 月 13 日的结账 → 购买转化率最低，63 次结账中有 28.6 % 购买（95 % 区间上限为 "
        "41 %）；黑色星期五的转化率为 31 %（区间为 27–36 %），而普通日子为 44 %。哪一天显示出真正的"
        "问题？(a) 12 月 13 日：它的转化率最低；(b) 黑色星期五：它的区间很窄，而且离普通日子很远；"
        "12 月 13 日的结账次数少，区间离普通日子很近；(c) "
        "都不是：一天的转化率说明不了任何问题；(d) 两天一样",
        hint_zh="第 7 节按各天的 Wilson 区间来比较，而不只看点估计。",
        explanation_zh="(b)。由 63 次结账算出的转化率很不确定：它的区间上限达到 41 %，接近普通日"
        "子。黑色星期五的区间（27–36 %）很窄，而且远离其他日子。(a) 按点估计给各天排序；应当按区间"
        "排序。",
        worked="Each day's rate is a proportion with a Wilson interval. 13 December's 28.6 % rests "
        "on 63 checkouts and its interval reaches 41 %; Black Friday's 31 % rests on 394 checkouts "
        "and its interval (27–36 %) stays far below the 44 % of a typical day:\n\n"
        + _answer_cell("11.sa5", "b")
        + "\n\n(a) ranks days by point estimates: a small day can look worst by chance.",
        worked_zh="每天的转化率都是一个比例，配有 Wilson 区间。12 月 13 日的 28.6 % 只基于 63 次结"
        "账，区间上限达到 41 %；黑色星期五的 31 % 基于 394 次结账，区间（27–36 %）远低于普通日子的 "
        "44 %：\n\n"
        + _answer_cell("11.sa5", "b")
        + "\n\n(a) 按点估计给各天排序：结账次数少的一天，可能纯属偶然而显得最差。",
    )
)
