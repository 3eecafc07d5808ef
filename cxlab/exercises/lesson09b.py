"""Exercises of lesson 09b: who will leave, and what to do about it — Kaplan–Meier retention,
the churn classifier's gains on a later quarter, the cost-based cut-off, and the key ideas
(censoring, hazard ratios as associations, P(churn) is not uplift)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from cxlab.exercises.lesson00b import self_assessment_question
from cxlab.exercises.registry import Exercise, register

if TYPE_CHECKING:
    import pandas as pd

    from cxlab.churn import ChurnClassifier

#: the end of observation passed to cx.churn.durations: the day after the data end
#: (2025-06-30), as the codebook's tenure_days
AS_OF = "2025-07-01"
#: the classifier of section 4
FEATURES = [
    "plan", "segment", "channel", "visits_month", "complaints", "nps_latest", "nps_previous",
    "tenure_days",
]  # fmt: skip
#: the manager's numbers of section 5: a kept member is worth 12 months of margin, a contact
#: costs 20 CNY, the offer keeps 30 % of the contacted leavers
VALUE_MONTHS, COST, SUCCESS = 12, 20, 0.3


def _survival() -> pd.DataFrame:
    """The members with their months to churn and event flag (section 1)."""
    from cxlab import churn, datasets

    members = datasets.load("membership_churn")
    return churn.durations(
        members, start="join_date", end="end_date", as_of=AS_OF, unit="months", id="member_id"
    )


def _retention_leisure() -> float:
    """Kaplan–Meier 12-month retention (%) of the leisure travellers."""
    from cxlab import churn

    km = churn.kaplan_meier(_survival(), group="segment", times=[12])
    row = km.at[km.at["group"] == "leisure"].iloc[0]
    return round(100 * float(row["surv"]), 1)


def _naive_leisure() -> float:
    """Share (%) of leisure travellers not cancelled by the data end: ignores censoring."""
    data = _survival()
    leisure = data[data["segment"] == "leisure"]
    return round(100 * float(1 - leisure["event"].mean()), 1)


@lru_cache(maxsize=1)
def _model() -> ChurnClassifier:
    """The classifier of section 4: trained on 2022Q2–2025Q1, tested on 2025Q2."""
    from cxlab import churn

    return churn.classifier(
        churn.example_snapshots(), "churned", FEATURES, time="quarter", cutoff="2025Q2"
    )


def _gains_share(tenths: int) -> float:
    """Share (%) of the test quarter's leavers among the top *tenths* tenths by predicted risk."""
    gains = _model().gains()
    row = gains[gains["group"] == tenths].iloc[0]
    return round(100 * float(row["share_churners"]), 1)


def _best_share(success: float) -> float:
    """Best share (%) to contact in the test quarter with the manager's value and cost."""
    model = _model()
    quarter = model.test_.assign(value=VALUE_MONTHS * model.test_["margin_month"])
    profit = model.profit(value="value", data=quarter, cost=COST, success=success)
    return round(100 * float(profit.best["share"]), 1)


register(
    Exercise(
        id="09b.retention_leisure",
        prompt="Kaplan–Meier by segment: the share (%) of leisure travellers still members 12 "
        "months after joining?",
        solution=_retention_leisure,
        wrong=_naive_leisure,
        tol=0.1,
        hint="by_segment.at, the row with group == 'leisure' (time 12): column surv, times 100. "
        "(About 49 is the share of leisure travellers not cancelled by the data end — that "
        "ignores how long each was observed.)",
        explanation="About 61.2 % [59.4 %, 63.0 %]: the lowest of the three segments (business "
        "70 %, local 74 %). The share still members at the data end (49 %) is no retention rate: "
        "members joined at different times and were watched for different lengths.",
        prompt_zh="按客群的 Kaplan–Meier 曲线：休闲旅客在加入 12 个月后仍是会员的比例（%）是多少？",
        hint_zh="by_segment.at 中 group == 'leisure'（时间 12）的那一行：surv 一列，乘以 100。（49 "
        "左右是截至数据截止日尚未取消的休闲旅客比例——它忽略了每人被观察了多久。）",
        explanation_zh="约 61.2 % [59.4 %, 63.0 %]：三个客群中最低（商务旅客 70 %，本地客 74 %）。"
        "截至数据截止日仍是会员的比例（49 %）不是留存率：会员加入的时间不同，被观察的时长也不同。",
        worked="Read the 12-month row of the leisure travellers from the curves by segment "
        "(section 2):\n\n"
        "```python\n"
        'by_segment = cx.churn.kaplan_meier(survival, group="segment", times=[12])\n'
        'row = by_segment.at[by_segment.at["group"] == "leisure"]\n'
        'round(100 * row["surv"].iloc[0], 1)  # 61.2\n```\n\n'
        "61.2 %: after a year, six leisure travellers in ten are still members. The share not "
        "cancelled by the data end (48.7 %) mixes members watched for six months with members "
        "watched for three and a half years.",
        worked_zh="从按客群画的曲线（第 2 节）中读出休闲旅客 12 个月那一行：\n\n"
        "```python\n"
        'by_segment = cx.churn.kaplan_meier(survival, group="segment", times=[12])\n'
        'row = by_segment.at[by_segment.at["group"] == "leisure"]\n'
        'round(100 * row["surv"].iloc[0], 1)  # 61.2\n```\n\n'
        "61.2 %：一年后，十位休闲旅客中有六位仍是会员。截至数据截止日尚未取消的比例（48.7 %）把"
        "只观察了半年的会员和观察了三年半的会员混在了一起。",
    )
)

register(
    Exercise(
        id="09b.top20",
        prompt="Gains on the test quarter: the share (%) of the quarter's leavers held by the 20 % "
        "of members with the highest predicted risk?",
        solution=lambda: _gains_share(2),
        wrong=lambda: _gains_share(1),
        tol=0.1,
        hint="gains = model.gains(); the row of group 2 (the top 20 %): column share_churners, "
        "times 100. (22.7 is the top 10 %, not the top 20 %.)",
        explanation="About 41.7 %: 90 of the 216 leavers of 2025Q2 are in the riskiest fifth — a "
        "cumulative lift of 2.1 over contacting a random fifth.",
        prompt_zh="检验季度的增益：预测风险最高的 20 % 会员包含当季流失者的多大比例（%）？",
        hint_zh="gains = model.gains()；group 为 2（前 20 %）的那一行：share_churners 一列，乘以 "
        "100。（22.7 是前 10 %，不是前 20 %。）",
        explanation_zh="约 41.7 %：2025Q2 的 216 位流失者中有 90 位在风险最高的五分之一里——累积提升"
        "度"
        "为 2.1，即随机联系五分之一会员的 2.1 倍。",
        worked="Read the second row of the gains table (section 4):\n\n"
        "```python\n"
        "gains = model.gains()\n"
        'round(100 * gains.loc[gains["group"] == 2, "share_churners"].iloc[0], 1)'
        "  # 41.7\n```\n\n"
        "41.7 %: 49 leavers in the first tenth and 41 in the second, 90 of 216. A random fifth "
        "would hold 20 %.",
        worked_zh="读出增益表（第 4 节）的第二行：\n\n"
        "```python\n"
        "gains = model.gains()\n"
        'round(100 * gains.loc[gains["group"] == 2, "share_churners"].iloc[0], 1)'
        "  # 41.7\n```\n\n"
        "41.7 %：第一个十分之一中有 49 位流失者，第二个中有 41 位，共 216 位中的 90 位。随机抽取的"
        "五分之一只会包含 20 %。",
    )
)

register(
    Exercise(
        id="09b.cutoff_success",
        prompt="model.profit as in section 5 (value 12 months of margin, cost 20 CNY) but "
        "success=0.5: the best share (%) of the test quarter's members to contact?",
        solution=lambda: _best_share(0.5),
        wrong=lambda: _best_share(SUCCESS),
        tol=0.1,
        hint="profit = model.profit(value='value', data=quarter, cost=COST, success=0.5); then "
        "profit.best['share'], times 100. (8.5 is the answer with success=0.3.)",
        explanation="About 34.5 % (1,286 members) instead of 8.5 %: when the offer keeps more of "
        "the leavers, the expected value saved passes the 20 CNY cost for many more members. "
        "The cut-off rests on the success rate — a number to measure in a randomised campaign, "
        "not to guess.",
        prompt_zh="像第 5 节那样运行 model.profit（价值为 12 个月毛利，成本 20 元），但 "
        "success=0.5：应当联系检验季度会员的最佳比例（%）是多少？",
        hint_zh="profit = model.profit(value='value', data=quarter, cost=COST, success=0.5)；再取 "
        "profit.best['share']，乘以 100。（8.5 是 success=0.3 时的答案。）",
        explanation_zh="约 34.5 %（1,286 位会员），而不是 8.5 %：当优惠能留住更多的流失者时，更多会"
        "员"
        "的期望挽回价值超过了 20 元的成本。截断点取决于成功率——这个数字要在随机化活动中测量，而不"
        "是靠猜。",
        worked="Rerun the profit curve of section 5 with the new success rate and read the best "
        "share:\n\n"
        "```python\n"
        'profit50 = model.profit(value="value", data=quarter, cost=COST, success=0.5)\n'
        'round(100 * profit50.best["share"], 1)  # 34.5\n```\n\n'
        "34.5 %: the best cut-off moves from 316 to 1,286 members. The model is the same; only "
        "the manager's number changed.",
        worked_zh="用新的成功率重新计算第 5 节的利润曲线，读出最佳比例：\n\n"
        "```python\n"
        'profit50 = model.profit(value="value", data=quarter, cost=COST, success=0.5)\n'
        'round(100 * profit50.best["share"], 1)  # 34.5\n```\n\n'
        "34.5 %：最佳截断点从 316 位会员移到了 1,286 位。模型没有变，变的只是管理者给出的数字。",
    )
)


# --- Self-assessment: the key ideas of the lesson, one letter each ------------------------------

register(
    self_assessment_question(
        "09b.sa1",
        "b",
        "a",
        prompt="The members who have cancelled stayed 9.2 months on average. Why is this not a "
        "good estimate of how long members stay? (a) it is a good estimate: only the members who "
        "left show how long a membership lasts; (b) it leaves out the members still there, whose "
        "memberships are longer than the data show; the Kaplan–Meier curve uses them up to their "
        "last day in the data; (c) it should be the median, not the mean; (d) it should be "
        "computed in days, not months",
        hint="The Concepts' paragraph on churn and censoring, and section 1: who is missing from "
        "an average over the leavers?",
        explanation="(b). 3,513 of 6,500 members had not left when the data end: their time is "
        "censored, and many have been members for years. Leaving them out keeps only the short "
        "stays; half of the basic members are still there after 17.9 months.",
        worked="An average over the leavers uses only the short stays; the 3,513 members still "
        "there are censored — we know they stayed at least until 2025-07-01. The Kaplan–Meier "
        "curve counts them as at risk until then, which is why the median of basic members is "
        "17.9 months, not 9.",
        prompt_zh="已取消的会员平均待了 9.2 个月。为什么这不是会员能留多久的好估计？(a) 它是好估计"
        "："
        "只有已离开的会员才能说明会员期有多长；(b) 它漏掉了仍在的会员，他们的会员期比数据所显示的"
        "更长；Kaplan–Meier 曲线在他们于数据中的最后一天之前都用上了他们；(c) 应当用中位数，而不是"
        "平均数；(d) 应当按天计算，而不是按月",
        hint_zh="核心概念中讲流失与删失的那一段，以及第 1 节：对已离开者求平均时，漏掉了谁？",
        explanation_zh="(b)。6,500 位会员中有 3,513 位在数据截止时还没有离开：他们的时间是删失的，"
        "其"
        "中"
        "许多人已经当了好几年会员。把他们去掉，就只剩下短的会员期；基础方案会员在 17.9 个月后仍有一"
        "半在。",
        worked_zh="对已离开者求平均只用到了短的会员期；仍在的 3,513 位会员是删失的——我们知道他们至"
        "少"
        "留到了 2025-07-01。Kaplan–Meier 曲线在那之前一直把他们算作处于风险中，所以基础方案会员的中"
        "位数是 17.9 个月，而不是 9 个月。",
    )
)

register(
    self_assessment_question(
        "09b.sa2",
        "c",
        "b",
        prompt="The Cox model gives complaints a hazard ratio of 1.36 [1.28, 1.44]. Which sentence "
        "is right? (a) 36 % of the members who complain will leave; (b) resolving one complaint "
        "per member would cut churn by 36 %; (c) at any tenure, a member with one complaint more "
        "leaves at a rate 36 % higher than an otherwise similar member — an association, which "
        "does not show that complaints cause leaving; (d) complaints explain 36 % of churn",
        hint="The Concepts' paragraph on the Cox model says what a hazard ratio compares; section "
        "3 says what it does not show.",
        explanation="(c). A hazard ratio compares rates of leaving between members who differ by "
        "one complaint, the other traits equal. It is not a share of members (a, d), and it is "
        "not the effect of an intervention (b): a bad stay can cause both the complaint and the "
        "cancellation.",
        worked="A hazard ratio multiplies the rate of leaving at any tenure: 1.36 per complaint, "
        "with the other traits of the model held equal. It describes members as they are; what "
        "resolving complaints would change needs an experiment.",
        prompt_zh="Cox 模型给投诉的风险比是 1.36 [1.28, 1.44]。哪句话是对的？(a) 投诉的会员中有 36 "
        "% "
        "会离开；(b) 每位会员少一次投诉，流失就会减少 36 %；(c) 在任何会员时长上，多投诉一次的会员"
        "离开的速率比其他方面相似的会员高 36 %——这是关联，并不说明投诉导致离开；(d) 投诉解释了 "
        "36 % 的流失",
        hint_zh="核心概念中讲 Cox 模型的那一段说明了风险比比较的是什么；第 3 节说明了它不能说明什么"
        "。",
        explanation_zh="(c)。风险比比较的是在其他特征相同时、投诉次数相差一次的会员离开的速率。它不"
        "是"
        "会员的比例（a、d），也不是一项干预的效果（b）：一次糟糕的入住可能同时引起投诉和取消。",
        worked_zh="风险比乘的是任何会员时长上离开的速率：模型中其他特征保持不变时，每次投诉乘以 1.3"
        "6。"
        "它描述的是会员本来的样子；解决投诉能改变什么，需要实验来回答。",
    )
)

register(
    self_assessment_question(
        "09b.sa3",
        "b",
        "a",
        prompt="The classifier gives member A a 30 % chance of leaving next quarter and member B "
        "10 %. Both bring the same margin. Should the club call A rather than B? (a) yes: the "
        "higher P(churn), the more a call achieves; (b) not necessarily: what matters is how "
        "much the call changes each member's decision (its uplift), which P(churn) does not "
        "measure — some likely leavers cannot be kept, and some members leave because they are "
        "contacted; (c) no: the model's AUC of 0.68 is too low to use; (d) yes, if the model is "
        "well calibrated",
        hint="The Concepts' last paragraph, and section 7 on the offer tried on a random half of "
        "the members.",
        explanation="(b). P(churn) says who is likely to leave, not who a call would keep. In the "
        "simulated campaign the offer lowered churn among complainers by 5.4 points and raised "
        "it among 'sleeping dogs' by 4.1. Calibration (d) makes P(churn) right, not the call's "
        "effect; an AUC of 0.68 (c) is near the ceiling of 0.677 the true probabilities reach.",
        worked="Expected value saved assumes the offer keeps the same share of every contacted "
        "leaver. The randomised offer of October 2024 shows it does not: it helped complainers "
        "and drove some quiet members away. Whom to call follows from uplift (lesson 09c).",
        prompt_zh="预测模型认为会员 A 下个季度离开的概率是 30 %，会员 B 是 10 %。两人带来的毛利相同"
        "。"
        "俱乐部应当打给 A 而不是 B 吗？(a) 应当：流失概率越高，一通电话的作用越大；(b) 不一定：要紧"
        "的是这通电话能在多大程度上改变每位会员的决定（增益效应），而流失概率并不衡量这一点——有些很"
        "可能离开的会员留不住，也有些会员恰恰因为被联系而离开；(c) 不应当：模型的 AUC 只有 0.68，太"
        "低，不能用；(d) 应当，只要模型校准得好",
        hint_zh="核心概念的最后一段，以及第 7 节中在随机一半会员身上试过的那份优惠。",
        explanation_zh="(b)。流失概率说明的是谁可能离开，而不是一通电话能留住谁。在模拟的活动中，优"
        "惠"
        "让投诉过的会员的流失率降低了 5.4 个百分点，却让\u201c沉睡者\u201d的流失率升高了 4.1 个百分"
        "点。"
        "校准（d）让流失概率准确，而不是让电话有效；AUC 0.68（c）已接近真实概率所能达到的上限 "
        "0.677。",
        worked_zh="期望挽回价值假定优惠能留住每位被联系的流失者中同样的比例。2024 年 10 月那次随机"
        "化的"
        "优惠表明并非如此：它帮助了投诉过的会员，却把一些安静的会员推走了。该打给谁，要看增益效应"
        "（第 09c 课）。",
    )
)
