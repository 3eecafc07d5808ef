"""Exercises of lesson 09d: the service-profit chain — linking employees and customers of the
same hotels (ICC), within and between effects, the chain on hotel means and its limits."""

from __future__ import annotations

import math
import warnings
from functools import lru_cache
from typing import TYPE_CHECKING

from cxlab.exercises.lesson00b import self_assessment_question
from cxlab.exercises.registry import Exercise, register

if TYPE_CHECKING:
    from cxlab.profit_chain import Linked

#: the ICC(2) a unit mean should reach (the convention ``cx.profit_chain.link`` warns at)
TARGET_ICC2 = 0.7


@lru_cache(maxsize=1)
def _linked() -> Linked:
    """The 60 hotels linked as in section 2 (the ICC(2) warning for ``stay`` silenced)."""
    from cxlab import profit_chain

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return profit_chain.link(*profit_chain.example_data())


def _survey_size() -> int:
    """Employees per hotel for ICC(2) of ``stay`` to reach 0.7 (Spearman-Brown on ICC(1))."""
    icc1 = float(_linked().icc.set_index("variable").loc["stay", "icc1"])
    return math.ceil(TARGET_ICC2 * (1 - icc1) / (icc1 * (1 - TARGET_ICC2)))


def _mean_survey_size() -> int:
    """Employees surveyed per hotel today, on average (the typical wrong answer)."""
    return round(float(_linked().units["n_employees"].mean()))


def _esat_growth_r() -> float:
    """Correlation over the 60 hotels of mean employee satisfaction and revenue growth."""
    units = _linked().units
    return round(float(units["esat"].corr(units["revenue_growth"])), 2)


def _isq_effects() -> tuple[float, float]:
    """Within- and between-hotel effects of ISQ on employee satisfaction (section 3)."""
    from cxlab import profit_chain

    employees = profit_chain.example_data()[0]
    fit = profit_chain.multilevel(employees, "esat ~ isq", centre=["isq"])
    est = fit.decomposition.set_index("effect")["est"]
    return float(est["within"]), float(est["between"])


def _between_over_within() -> float:
    """How many times the between-hotel effect of ISQ is the within-hotel one."""
    within, between = _isq_effects()
    return round(between / within, 2)


register(
    Exercise(
        id="09d.survey_size",
        prompt="ICC(1) of intention to stay (stay) is about .08. How many employees per hotel "
        "would a survey need for the hotel mean of stay to reach ICC(2) = 0.7? A whole number.",
        solution=_survey_size,
        wrong=_mean_survey_size,
        tol=0.0,
        hint="ICC(2) grows with the number k of respondents per unit: ICC(2) = k·ICC(1) / "
        "(1 + (k − 1)·ICC(1)). Solve for k at ICC(2) = 0.7 with the exact ICC(1) from "
        "linked.icc and round up. 18 is about how many are surveyed now — which gives .62.",
        explanation="26 employees per hotel (k = 25.7, rounded up). Today's 10-25 (18 on "
        "average) give ICC(2) = .62: staff differ so much within a hotel on this question that "
        "a hotel's mean rests on too few answers.",
        prompt_zh="留任意向（stay）的 ICC(1) 约为 .08。要使酒店的 stay 均值达到 ICC(2) = 0.7，调查"
        "需要每家酒店多少名员工？填整数。",
        hint_zh="ICC(2) 随每个单位的受访人数 k 增大：ICC(2) = k·ICC(1) / (1 + (k − 1)·ICC(1))。用 "
        "linked.icc 中精确的 ICC(1)，在 ICC(2) = 0.7 处解出 k，并向上取整。18 大约是现在每家酒店"
        "调查的人数——它只给出 .62。",
        explanation_zh="每家酒店 26 名员工（k = 25.7，向上取整）。现在的 10–25 人（平均 18 人）只"
        "得到 ICC(2) = .62：在这个问题上，同一家酒店的员工彼此差别很大，酒店均值所依据的回答太少。",
        worked="Take ICC(1) of `stay` from the link of section 2 and solve "
        "ICC(2) = k·ICC(1) / (1 + (k − 1)·ICC(1)) for k:\n\n"
        "```python\nimport math\n"
        'icc1 = linked.icc.set_index("variable").loc["stay", "icc1"]   # 0.083\n'
        "k = 0.7 * (1 - icc1) / (icc1 * (1 - 0.7))\n"
        "math.ceil(k)  # 26\n```\n\n"
        "26 employees per hotel (k = 25.7). The formula is exact for the ICCs of a one-way "
        "ANOVA: with k = 17.8, today's mean size, it gives back the .62 of the table.",
        worked_zh="从第 2 节的 link 结果中取出 `stay` 的 ICC(1)，由 "
        "ICC(2) = k·ICC(1) / (1 + (k − 1)·ICC(1)) 解出 k：\n\n"
        "```python\nimport math\n"
        'icc1 = linked.icc.set_index("variable").loc["stay", "icc1"]   # 0.083\n'
        "k = 0.7 * (1 - icc1) / (icc1 * (1 - 0.7))\n"
        "math.ceil(k)  # 26\n```\n\n"
        "每家酒店 26 名员工（k = 25.7）。对单因素方差分析得到的 ICC，这个公式是精确的：代入现在的"
        "平均人数 k = 17.8，正好得到表中的 .62。",
    )
)

register(
    Exercise(
        id="09d.esat_growth_r",
        prompt="Over the 60 hotels (linked.units), what is the correlation between mean "
        "employee satisfaction (esat) and revenue growth? Two decimals.",
        solution=_esat_growth_r,
        wrong=lambda: 0.84,
        tol=0.005,
        hint="linked.units['esat'].corr(linked.units['revenue_growth']) — one row per hotel. "
        "0.84 is the correlation of recommendation and revenue growth, the last link.",
        explanation="0.48: hotels with more satisfied staff grow faster, on average. The number "
        "is the same whichever way the chain runs — happy staff making growth, or growth making "
        "happy staff — and it would also appear if a third factor drove both.",
        prompt_zh="在 60 家酒店上（linked.units），员工满意度均值（esat）"
        "与收入增长之间的相关是多少？"
        "保留两位小数。",
        hint_zh="linked.units['esat'].corr(linked.units['revenue_growth'])——每家酒店一行。0.84 是"
        "推荐意愿与收入增长之间的相关，即链条的最后一环。",
        explanation_zh="0.48：员工更满意的酒店，平均而言收入增长更快。不论链条朝哪个方向——员工满意"
        "带来增长，还是增长带来员工满意——这个数字都一样；如果有第三个因"
        "素同时推动两者，它也会出现。",
        worked="The unit table has one row per hotel, so the correlation is over 60 hotels:\n\n"
        "```python\nunits = linked.units\n"
        'round(units["esat"].corr(units["revenue_growth"]), 2)  # 0.48\n```\n\n'
        "0.48. In the simulation it arises only through the chain (satisfaction → service "
        "value → guest satisfaction → recommendation → growth), but section 5 shows that the "
        "reversed chain produces exactly the same data.",
        worked_zh="单位表每家酒店一行，所以相关是在 60 家酒店上计算的：\n\n"
        "```python\nunits = linked.units\n"
        'round(units["esat"].corr(units["revenue_growth"]), 2)  # 0.48\n```\n\n'
        "0.48。在模拟中，它只通过链条产生（员工满意 → 服务价值 → 客人满意 → 推荐 → 增长），"
        "但第 5 节表明，反过来的链条会产生完全相同的数据。",
    )
)

register(
    Exercise(
        id="09d.between_within",
        prompt="In section 3, how many times larger is the between-hotel effect of internal "
        "service quality on employee satisfaction than the within-hotel effect? Two decimals.",
        solution=_between_over_within,
        wrong=lambda: 0.40,
        tol=0.01,
        hint="Divide the between effect by the within effect of the esat ~ isq row of the "
        "multilevel table. 0.40 is their difference (the contextual effect), not their ratio.",
        explanation="2.10 (0.765 / 0.364): a hotel whose staff rate its internal service one "
        "point higher has staff about 0.76 points more satisfied, but an employee who rates it "
        "one point higher than her colleagues is only 0.36 points more satisfied. Reading the "
        "hotel-level number as an individual one doubles the effect — the ecological fallacy.",
        prompt_zh="在第 3 节中，内部服务质量对员工满意度的组间（酒店之间"
        "）效应是组内（酒店之内）效应"
        "的多少倍？保留两位小数。",
        hint_zh="用多层模型表中 esat ~ isq 一行的组间效应除以组内效应。"
        "0.40 是两者之差（情境效应），"
        "不是两者之比。",
        explanation_zh="2.10（0.765 / 0.364）：员工对内部服务的评分高一分的酒店，员工满意度约高 "
        "0.76 分；但一名员工的评分比同事高一分，她的满意度只高 0.36 分。"
        "把酒店层面的数字当成个人层面"
        "的数字来读，效应就被夸大了一倍——这就是生态谬误。",
        worked="The folded cell of section 3 keeps each fit in `fits`; its decomposition holds "
        "the within and between effects:\n\n"
        "```python\n"
        'effects = fits["esat ~ isq"].decomposition.set_index("effect")["est"]\n'
        'round(effects["between"] / effects["within"], 2)  # 2.1\n```\n\n'
        "2.10: 0.765 between, 0.364 within (the simulation's structural values are 0.8 and "
        "0.35). The between effect holds whatever else differs between hotels; the within "
        "effect compares colleagues in the same hotel.",
        worked_zh="第 3 节折叠的单元格把每个模型保存在 `fits` 中；其 decomposition 给出组内和组间"
        "效应：\n\n"
        "```python\n"
        'effects = fits["esat ~ isq"].decomposition.set_index("effect")["est"]\n'
        'round(effects["between"] / effects["within"], 2)  # 2.1\n```\n\n'
        "2.10：组间 0.765，组内 0.364（模拟的结构真值为 0.8 和 0.35）。组间效应里包含了酒店之间的"
        "一切其他差异；组内效应比较的是同一家酒店的同事。",
    )
)


# --- Self-assessment: the key ideas of the lesson, one letter each ------------------------------

register(
    self_assessment_question(
        "09d.sa1",
        "c",
        "a",
        prompt="Intention to stay (stay) has ICC(1) = .08 and ICC(2) = .62 over 60 hotels with "
        "10-25 employees each. What does this mean for a head-office ranking of hotels by their "
        "staff's mean intention to stay? (a) nothing: the F test is significant, so the means "
        "differ; (b) the question is badly worded and should be dropped; (c) the hotel means "
        "are unreliable — much of a hotel's place in the ranking is chance — and links built on "
        "them are weakened; survey more staff per hotel (about 26) or rank on a more reliable "
        "measure; (d) the hotels do not differ at all in intention to stay",
        hint="Section 2: what ICC(1) and ICC(2) each measure, and what cxlab's warning says.",
        explanation="(c). ICC(2) is the reliability of a hotel's mean: at .62 a large part of "
        "the differences between hotel means is sampling noise. The hotels do differ (the F "
        "test says so; ICC(1) > 0), but 18 answers per hotel are too few to rank them.",
        worked="ICC(1) = .08: only 8 % of the variance of stay lies between hotels. ICC(2) = "
        ".62: the mean of a hotel's 10-25 employees would agree only moderately with the mean "
        "of another sample of its staff. Unreliable means attenuate every link built on them; "
        "exercise 09d.survey_size gives the survey size that would reach .7.",
        prompt_zh="留任意向（stay）在 60 家酒店（每家 10–25 名员工）上的"
        " ICC(1) = .08，ICC(2) = .62。"
        "这对总部按员工平均留任意向给酒店排名意味着什么？(a) 没什么：F 检验显著，所以均值有差别；"
        "(b) 这道题措辞不好，应当删去；(c) 酒店均值不可靠——一家酒店在排名中的位置很大程度上是偶然"
        "——以它们为基础的关联也被削弱了；应当每家酒店调查更多员工（约 26 名），或者用更可靠的指标"
        "排名；(d) 酒店之间在留任意向上完全没有差别",
        hint_zh="第 2 节：ICC(1) 和 ICC(2) 分别衡量什么，以及 cxlab 的警告说了什么。",
        explanation_zh="(c)。ICC(2) 是酒店均值的信度：只有 .62 时，酒店均值之间的差别有很大一部分"
        "是抽样噪声。酒店之间确有差别（F 检验如此显示；ICC(1) > 0），但每家酒店 18 个回答太少，不足"
        "以给它们排名。",
        worked_zh="ICC(1) = .08：stay 的方差只有 8 % 位于酒店之间。ICC(2) = .62：一家酒店 10–25 名"
        "员工的均值，与该酒店另一批员工样本的均值只能中等程度地一致。不可靠的均值会削弱以它为基础的"
        "每一条关联；练习 09d.survey_size 给出了达到 .7 所需的调查人数。",
    )
)

register(
    self_assessment_question(
        "09d.sa2",
        "b",
        "a",
        prompt="Between hotels, one point more internal service quality goes with 0.76 points "
        "more employee satisfaction; within a hotel, with 0.36. A manager says: 'if we raise "
        "one employee's rating of internal service by a point, her satisfaction rises by 0.76.' "
        "What is wrong? (a) nothing: 0.76 is the better estimate because it uses the hotel "
        "means; (b) it reads a hotel-level association as an individual one (the ecological "
        "fallacy): the comparison of colleagues gives 0.36, and neither number shows what a "
        "change would cause; (c) the two numbers should be averaged; (d) multilevel models "
        "cannot be used with rating scales",
        hint="Section 3: what the within and between effects compare, and the Concepts' "
        "paragraph on the ecological fallacy.",
        explanation="(b). The between effect compares hotels and carries everything else that "
        "differs between them; the within effect compares employees of the same hotel. Both "
        "are associations in cross-sectional data: what a change would do needs a design that "
        "makes the change (lesson 09c).",
        worked="The multilevel model splits ISQ into the hotel mean (between, 0.765) and each "
        "employee's deviation from it (within, 0.364); the contextual effect 0.40 is their "
        "difference. The manager's sentence is about one employee, so the within number is "
        "the relevant association — and even it is not a causal effect.",
        prompt_zh="在酒店之间，内部服务质量每高一分，员工满意度高 0.76 分"
        "；在酒店之内，只高 0.36 分。"
        "一位经理说：“如果让一名员工对内部服务的评分提高一分，她的满意度就会提高 0.76。”错在哪里？"
        "(a) 没有错：0.76 用的是酒店均值，所以是更好的估计；(b) 它把酒店层面的关联当成了个人层面的"
        "关联（生态谬误）：比较同事得到的是 0.36，而且两个数字都不能说明"
        "一项改变会带来什么；(c) 应当"
        "取两个数字的平均值；(d) 多层模型不能用于评分量表",
        hint_zh="第 3 节：组内效应和组间效应分别比较的是什么；以及核心概念中关于生态谬误的那一段。",
        explanation_zh="(b)。组间效应比较的是酒店，其中包含了酒店之间的一切其他差异；组内效应比较的"
        "是同一家酒店的员工。两者都是横截面数据中的关联：一项改变会带来什么，需要一种真正做出改变的"
        "设计（第 09c 课）。",
        worked_zh="多层模型把内部服务质量分成酒店均值（组间，0.765）和每名员工与均值的偏差（组内，"
        "0.364）；情境效应 0.40 是两者之差。经理的话说的是一名员工，所以相关的是组内的数字——而它"
        "也不是因果效应。",
    )
)

register(
    self_assessment_question(
        "09d.sa3",
        "d",
        "a",
        prompt="The chain fitted on the 60 hotel means fits well (CFI .99) and six of its seven "
        "paths are clearly different from zero. What may the board conclude? (a) the chain is "
        "proven: investing in internal service will raise revenue growth; (b) nothing, because "
        "the χ² test is not significant; (c) the chain is proven for large hotels only; (d) "
        "the data are consistent with the chain, but equally with the reversed chain (same "
        "fit) and with common causes; to learn whether better internal service raises "
        "satisfaction and growth, change it in some hotels and compare with the others over "
        "time",
        hint="Section 5: the reversed chain's fit, and what the caveats say a cross-sectional "
        "path model cannot tell.",
        explanation="(d). Forward and reversed chains fit with the same χ²(14) = 16.97; "
        "cross-sectional data cannot tell the direction, nor rule out a common cause. A "
        "staggered or randomised programme with a before-after comparison (lesson 09c) can.",
        worked="A good fit means only that the data do not contradict the model. The reversed "
        "chain — growth making guests loyal, loyal guests making staff happy — fits exactly as "
        "well, and the simulation record says the two directions produce the same data. The "
        "design that tests the chain changes internal service quality in some hotels (chosen "
        "at random, or rolled out in steps) and follows staff, guests and revenue.",
        prompt_zh="在 60 家酒店均值上拟合的链条拟合良好（CFI .99），七条路径中有六条明显不为零。"
        "董事会可以得出什么结论？(a) 链条得到了证明：投资内部服务会提高收入增长；(b) 什么也得不出，"
        "因为 χ² 检验不显著；(c) 链条只对大酒店得到了证明；(d) 数据与链条一致，但同样与反过来的链条"
        "（拟合完全相同）以及共同原因一致；要知道更好的内部服务是否会提高满意度和增长，就要在一部分"
        "酒店做出改变，并随时间与其他酒店比较",
        hint_zh="第 5 节：反过来的链条拟合得如何，以及那些注意事项说横截面路径模型不能说明什么。",
        explanation_zh="(d)。正向链条和反向链条的拟合完全相同，χ²(14) = 16.97；横截面数据既分不出"
        "方向，也排除不了共同原因。分批推行或随机分配的项目，加上前后比较（第 09c 课），才能做到。",
        worked_zh="拟合良好只说明数据与模型不矛盾。反过来的链条——增长使客人忠诚，忠诚的客人使员工"
        "满意——拟合得一模一样；模拟记录也说明两个方向会产生相同的数据。检验链条的设计是：在一部分"
        "酒店（随机选出，或分批推行）改变内部服务质量，然后追踪员工、客人和收入。",
    )
)
