"""Exercises of lesson 11b: journey maps, pain points, the peak-end rule, service blueprints."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cxlab.exercises.lesson00b import OPTION_WORDS
from cxlab.exercises.registry import Exercise, register

if TYPE_CHECKING:
    import pandas as pd


def _hotel() -> pd.DataFrame:
    """The dataset of the lesson, ``hotel_journey``."""
    from cxlab import datasets

    return datasets.load("hotel_journey")


def _family_dining_row() -> pd.Series:
    """The family guests' dining row of the journey map by segment (section 3)."""
    from cxlab import journey

    table = journey.journey_map(_hotel(), journey.HOTEL_STAGES, group="segment").table
    row = table[(table["segment"] == "family") & (table["stage"] == "dining")]
    return row.iloc[0]


def _family_dining_low() -> float:
    """Lower end (%) of the 95 % Wilson interval of families' share negative at dining."""
    return round(100 * float(_family_dining_row()["negative_ci_low"]), 1)


def _family_dining_share() -> float:
    """The share itself (%): the typical wrong answer."""
    return round(100 * float(_family_dining_row()["share_negative"]), 1)


def _peak_end_r2(peak: str) -> float:
    """R² of the peak-end model with the given definition of the peak, no bootstrap."""
    from cxlab import journey

    pe = journey.peak_end(_hotel(), journey.HOTEL_STAGES, overall="overall", peak=peak, B=0)
    return round(float(pe.fits.set_index("model").loc["peak-end", "r2"]), 3)


def _checkout_gap(column: str) -> float:
    """Mean of *column* at check-out: express check-out minus front desk."""
    hotel = _hotel()
    checkout = hotel[hotel["stage"] == "check-out"]
    means = checkout.groupby("touchpoint")[column].mean()
    return round(float(means["express check-out"] - means["front desk"]), 2)


register(
    Exercise(
        id="11b.family_dining",
        prompt="Journey map by segment: the lower end (%) of the 95 % interval of the share of "
        "family guests who felt negative at dining?",
        solution=_family_dining_low,
        wrong=_family_dining_share,
        tol=0.1,
        hint="by_segment.table, the row with segment == 'family' and stage == 'dining': column "
        "negative_ci_low, times 100. (About 24 is the share itself, not the lower end of its "
        "interval.)",
        explanation="About 18 %: below the 20 % of the pain-point rule, so family dining is not "
        "flagged although 24 % of families felt negative there — 181 answers leave the interval "
        "wide (18–31 %).",
        prompt_zh="按细分群体的客户旅程地图：家庭客人在餐饮阶段感到负面的比例，其 95 % 区间的下限"
        "（%）是多少？",
        hint_zh="by_segment.table 中 segment == 'family' 且 stage == 'dining' 的那一行：negative_ci"
        "_"
        "low 一列，乘以 100。（24 左右是比例本身，不是其区间的下限。）",
        explanation_zh="约 18 %：低于痛点规则的 20 %，所以尽管有 24 % 的家庭客人在那里感到负面，家"
        "庭"
        "客人的用餐仍没有被标记——181 个回答让区间很宽（18–31 %）。",
        worked="Read the family guests' dining row of the map by segment (section 3); the lower "
        "end of the Wilson interval of the share negative is `negative_ci_low`:\n\n"
        "```python\nt = by_segment.table\n"
        'row = t[(t["segment"] == "family") & (t["stage"] == "dining")]\n'
        'round(100 * row["negative_ci_low"].iloc[0], 1)  # 18.1\n```\n\n'
        "18.1 %: 23.8 % of the 181 families felt negative at dining, but the interval runs from "
        "18.1 % to 30.5 %, and the rule asks its lower end to reach 20 %. Not flagged does not "
        "mean no problem: the simulation made families' dining 0.4 worse.",
        worked_zh="读出按细分群体的地图（第 3 节）中家庭客人餐饮阶段那一行；负面比例的 Wilson 区间"
        "下限"
        "是 `negative_ci_low`：\n\n"
        "```python\nt = by_segment.table\n"
        'row = t[(t["segment"] == "family") & (t["stage"] == "dining")]\n'
        'round(100 * row["negative_ci_low"].iloc[0], 1)  # 18.1\n```\n\n'
        "18.1 %：181 个用餐的家庭中有 23.8 % 感到负面，但区间从 18.1 % 到 30.5 %，而规则要求区间"
        "下限达到 20 %。没有被标记不等于没有问题：模拟让家庭客人的用餐体验低了 0.4。",
    )
)

register(
    Exercise(
        id="11b.peak_min",
        prompt="peak_end with peak='min' (the worst moment) and B=0: the R² of the peak-end model?",
        solution=lambda: _peak_end_r2("min"),
        wrong=lambda: _peak_end_r2("extreme"),
        tol=0.001,
        hint="pe_min = cx.journey.peak_end(hotel, STAGES, overall='overall', peak='min', B=0); "
        "then the r2 of the row 'peak-end' of pe_min.fits. (.771 is the value with the default "
        "peak, the most intense moment.)",
        explanation="About .556 — hardly more than the mean's .552. With the worst moment as the "
        "peak, the peak-end score predicts no better than the average: the definition of the "
        "peak matters, and it should be fixed before looking at the results.",
        prompt_zh="用 peak='min'（最糟的时刻）和 B=0 运行 peak_end：峰终模型的 R² 是多少？",
        hint_zh="pe_min = cx.journey.peak_end(hotel, STAGES, overall='overall', peak='min', B=0)；"
        "再读出 pe_min.fits 中 'peak-end' 那一行的 r2。（.771 是默认峰值，即最强烈时刻的结果。）",
        explanation_zh="约 .556——几乎不比平均值的 .552 高。把最糟的时刻当作峰值时，峰终均值的预测"
        "并不比平均值好：峰值怎样定义很要紧，应当在看结果之前就定下来。",
        worked="Refit with the worst moment as the peak and read the R² of the peak-end model:\n\n"
        "```python\n"
        'pe_min = cx.journey.peak_end(hotel, STAGES, overall="overall", peak="min", B=0)\n'
        'round(pe_min.fits.set_index("model").loc["peak-end", "r2"], 3)  # 0.556\n```\n\n'
        "0.556, against 0.771 with the most intense moment and 0.552 for the average of all "
        "stages. The data were simulated with the most intense moment as the peak; the worst "
        "moment misses the guests whose strongest moment was a good one.",
        worked_zh="把最糟的时刻当作峰值重新拟合，读出峰终模型的 R²：\n\n"
        "```python\n"
        'pe_min = cx.journey.peak_end(hotel, STAGES, overall="overall", peak="min", B=0)\n'
        'round(pe_min.fits.set_index("model").loc["peak-end", "r2"], 3)  # 0.556\n```\n\n'
        "0.556，而用最强烈时刻时是 0.771，所有阶段的平均值是 0.552。数据是以最强烈的时刻作为峰值模"
        "拟的；最糟的时刻漏掉了那些最强烈时刻是好时刻的客人。",
    )
)

register(
    Exercise(
        id="11b.express_checkout",
        prompt="At check-out: mean emotion of express check-out guests minus that of front-desk "
        "guests?",
        solution=lambda: _checkout_gap("emotion"),
        wrong=lambda: _checkout_gap("rating"),
        tol=0.01,
        hint="Keep the rows with stage == 'check-out', group them by touchpoint and take the mean "
        "of emotion; subtract the front desk's from express check-out's. (0.26 is the gap in "
        "the rating, not in the emotion.)",
        explanation="About 0.42 emotion points in favour of express check-out. The guests chose "
        "it themselves (business guests about twice as often as leisure guests), so in real "
        "data this is a comparison, not an effect; the simulation built in +0.4.",
        prompt_zh="退房阶段：使用快速退房的客人的平均情绪减去在前台退房的客人的平均情绪，是多少？",
        hint_zh="保留 stage == 'check-out' 的行，按 touchpoint 分组求 emotion 的均值；用快速退房的"
        "均值减去前台的均值。（0.26 是评分的差距，不是情绪的差距。）",
        explanation_zh="约 0.42 个情绪分，快速退房更高。快速退房是客人自己选的（商务客人选它的比例"
        "约为休闲客人的两倍），所以在真实数据中这只是比较，不是效应；模拟中设置的是 +0.4。",
        worked="Keep the check-out rows, average the emotion by touchpoint and take the "
        "difference:\n\n"
        "```python\n"
        'checkout = hotel[hotel["stage"] == "check-out"]\n'
        'means = checkout.groupby("touchpoint")["emotion"].mean()\n'
        'round(means["express check-out"] - means["front desk"], 2)  # 0.42\n```\n\n'
        "0.42: express check-out guests felt better (1.12 against 0.70). The guests chose "
        "their touchpoint, so this is a comparison, not the effect of express check-out; in the "
        "simulation the built-in effect is +0.4 on the latent scale.",
        worked_zh="保留退房阶段的行，按触点求情绪的均值，再求差值：\n\n"
        "```python\n"
        'checkout = hotel[hotel["stage"] == "check-out"]\n'
        'means = checkout.groupby("touchpoint")["emotion"].mean()\n'
        'round(means["express check-out"] - means["front desk"], 2)  # 0.42\n```\n\n'
        "0.42：快速退房的客人感觉更好（1.12 对 0.70）。触点是客人自己选的，所以这只是比较，而不是"
        "快速退房的效应；模拟中设置的效应在潜在量表上是 +0.4。",
    )
)


# --- Self-assessment: the key ideas of the lesson, one letter each ------------------------------


def _answer_cell(exercise_id: str, letter: str) -> str:
    """The code block of a worked self-assessment answer: the letter, checked."""
    return f'```python\nanswer = "{letter}"\ncx.check("{exercise_id}", answer)\n```'


register(
    Exercise(
        id="11b.sa1",
        prompt="24 % of family guests felt negative at dining, 95 % interval 18–31 %. The "
        "pain-point rule flags a stage when the lower end of that interval is at least 20 %. What "
        "follows? (a) dining is a pain point for families, because 24 % is more than 20 %; (b) "
        "the data are not sure that one family in five felt bad there, so the stage is not "
        "flagged — which does not show that families have no problem at dining; (c) families "
        "have no problem at dining; (d) the rule is wrong because it ignores the mean emotion",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "b",
        wrong=lambda: "a",
        hint="The Concepts' paragraph on pain points says which end of the interval the rule "
        "reads, and section 3 what the simulation built into family dining.",
        explanation="(b). The rule reads the lower end of the interval, so a stage is flagged only "
        "when the data are sure; with 181 families the interval is wide. (a) reads the point "
        "estimate; (c) mistakes silence for a clean bill of health — the simulation made "
        "families' dining 0.4 worse.",
        prompt_zh="24 % 的家庭客人在餐饮阶段感到负面，95 % 区间为 18–31 %。当这个区间的下限至少为 "
        "20 % 时，痛点规则才会标记该阶段。由此可以得出什么？(a) 餐饮是家庭客人的痛点，因为 24 % 大"
        "于 20 %；(b) 数据没有把握说每五个家庭中就有一个在那里感觉不好，所以该阶段没有被标记——但这"
        "并不说明家庭客人在用餐上没有问题；(c) 家庭客人在用餐上没有问题；(d) 这条规则是错的，因为它"
        "忽略了平均情绪",
        hint_zh="核心概念中讲痛点的那一段说明了规则看的是区间的哪一端；第 3 节说明了模拟给家庭客人"
        "的"
        "用餐设置了什么。",
        explanation_zh="(b)。规则看的是区间的下限，所以只有数据有把握时才标记一个阶段；181 个家庭让"
        "区间很宽。(a) 看的是点估计；(c) 把没有信号当成了一切正常——模拟让家庭客人的用餐体验低了 "
        "0.4。",
        worked="The pain-point rule reads the lower end of the Wilson interval of the share "
        "negative: at least one customer in five felt bad, and the data are sure of it. Family "
        "dining's 24 % rests on 181 answers, and its interval starts at 18 %:\n\n"
        + _answer_cell("11b.sa1", "b")
        + "\n\nThe price of a cautious rule is that a smaller problem in a small segment can go "
        "unflagged: watch it and ask more families.",
        worked_zh="痛点规则看的是负面比例 Wilson 区间的下限：至少每五位客户中有一位感觉不好，而且数"
        "据"
        "对此有把握。家庭客人用餐的 24 % 只基于 181 个回答，其区间从 18 % 开始：\n\n"
        + _answer_cell("11b.sa1", "b")
        + "\n\n谨慎规则的代价是，小细分群体里一个较小的问题可能不被标记：要继续关注，并多询问一些家"
        "庭"
        "客人。",
    )
)

register(
    Exercise(
        id="11b.sa2",
        prompt="The peak-end score explains R² = .77 of overall satisfaction, the average of all "
        "stages .55. A manager concludes: 'Guests remember only the peak and the end; the other "
        "stages do not matter.' What do the results say? (a) the manager is right: the average "
        "adds nothing; (b) the difference is not significant; (c) peak and end predict the "
        "overall judgement better than the average, but the average still adds its own part; "
        "and in a survey these are associations — what an improvement would change must be "
        "tested; (d) the average of all stages is the better predictor",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "c",
        wrong=lambda: "a",
        hint="Section 4 fits mean, peak and end together; section 5 says what a survey can and "
        "cannot show.",
        explanation="(c). The difference in R² is +.22 [.19, .25], far from zero, so (b) and (d) "
        "are wrong; but with mean, peak and end together the mean keeps a coefficient of .87 "
        "[.75, .99], so (a) is wrong too. And a survey shows associations: test an improvement "
        "before promising its effect.",
        prompt_zh="峰终均值解释了客户满意度的 R² = .77，所有阶段的平均值解释了 .55。一位经理得出结"
        "论：“客人只记得峰值和结尾，其他阶段都不重要。”这些结果说明了什么？(a) 经理说得对：平均值"
        "没有任何额外贡献；(b) 两者的差异不显著；(c) 峰值和结尾对总体评价的预测比平均值好，但平均"
        "值仍有自己的一份贡献；而且在调查中这些只是关联——一项改进会带来什么变化，必须经过检验；(d)"
        " 所有阶段的平均值是更好的预测指标",
        hint_zh="第 4 节把平均值、峰值和终值一起放进模型；第 5 节说明了一份调查能说明什么、不能说明"
        "什么。",
        explanation_zh="(c)。R² 之差为 +.22 [.19, .25]，远离 0，所以 (b) 和 (d) 不对；但把平均值、"
        "峰"
        "值和终值一起放进模型时，平均值仍保留 .87 [.75, .99] 的系数，所以 (a) 也不对。而且调查显示"
        "的"
        "是关联：承诺一项改进的效果之前，先要检验它。",
        worked="The paired bootstrap gives the R² difference an interval, +.22 [.19, .25]: the "
        "peak and the end predict better. The model with mean, peak and end together keeps the "
        "mean's coefficient at .87 [.75, .99]: the average still counts:\n\n"
        + _answer_cell("11b.sa2", "c")
        + "\n\n(a) drops the mean's own part; and whichever stage the hotel improves, a test (a "
        "random half of the guests) shows what the improvement changes.",
        worked_zh="配对自助法给 R² 之差一个区间，+.22 [.19, .25]：峰值和结尾的预测更好。平均值、峰"
        "值和"
        "终值一起放进的模型中，平均值的系数仍为 .87 [.75, .99]：平均值仍然要紧：\n\n"
        + _answer_cell("11b.sa2", "c")
        + "\n\n(a) 丢掉了平均值自己的那一份；不论酒店改进哪个阶段，都要通过检验（随机挑一半客人）"
        "才能知道改进带来了什么变化。",
    )
)

register(
    Exercise(
        id="11b.sa3",
        prompt="Guests queue at check-in partly because housekeeping releases rooms late. In a "
        "service blueprint, where does that cause sit? (a) in the customer actions; (b) in the "
        "front stage, above the line of visibility; (c) in the back stage, below the line of "
        "visibility: the guest does not see it, but it produces the fail point the guest does "
        "see; (d) in the physical evidence",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "c",
        wrong=lambda: "b",
        hint="The Concepts' paragraph on the service blueprint names the lanes and the line of "
        "visibility; section 7 reads the blueprint of arrival & check-in bottom-up.",
        explanation="(c). Releasing rooms is work the guest does not see: back stage, below the "
        "line of visibility. The queue the guest sees is front stage (b); fixing only the front "
        "stage leaves the cause in place.",
        prompt_zh="客人在入住时排队，部分原因是客房部放房太晚。在服务蓝图中，这个原因位于哪里？(a) "
        "顾客行为中；(b) 前台，在可视线以上；(c) 后台，在可视线以下：客人看不见它，但它造成了客人看"
        "得见的失误点；(d) 有形展示中",
        hint_zh="核心概念中讲服务蓝图的那一段列出了各条泳道和可视线；第 7 节从下往上解读了抵达与入"
        "住"
        "的服务蓝图。",
        explanation_zh="(c)。放房是客人看不见的工作：后台，在可视线以下。客人看到的排队在前台 (b)；"
        "只改进前台，原因依然存在。",
        worked="A blueprint separates what the guest sees (front stage) from what produces it out "
        "of sight (back stage), with the line of visibility between them. Housekeeping releasing "
        "rooms is back-stage work; the queue is where it shows:\n\n"
        + _answer_cell("11b.sa3", "c")
        + "\n\nSo the fail point the guest sees and its cause belong to different departments: the "
        "front office and housekeeping.",
        worked_zh="服务蓝图把客人看得见的部分（前台）与在视线之外产生它的部分（后台）分开，两者之间"
        "是"
        "可视线。客房部放房是后台工作；排队是它显露出来的地方：\n\n"
        + _answer_cell("11b.sa3", "c")
        + "\n\n所以客人看到的失误点和它的原因分属不同部门：前厅部和客房部。",
    )
)
