"""Exercises of lesson 09: behavioural loyalty, BG/NBD, Gamma-Gamma and CLV (CDNOW)."""

from __future__ import annotations

from functools import cache

from cxlab.exercises.lesson00b import OPTION_WORDS
from cxlab.exercises.registry import Exercise, register

CAL_END = "1997-09-30"


@cache
def _calibration():
    from cxlab import datasets, loyalty

    sample = datasets.load("cdnow_sample")
    cal = loyalty.clv_summary(
        sample,
        "customer_id",
        "date",
        "dollar_value",
        freq="D",
        freq_multiplier=7,
        calibration_end=CAL_END,
    )
    return cal, loyalty.fit_bgnbd(cal)


def _one_time() -> int:
    cal, _ = _calibration()
    return int((cal["frequency_cal"] == 0).sum())


def _r() -> float:
    return float(_calibration()[1].params_["r"])


def _holdout_predicted() -> float:
    from cxlab import loyalty

    cal, bg = _calibration()
    return float(loyalty.holdout_check(bg, cal).totals["predicted"])


def _champions_share() -> float:
    from cxlab import datasets, loyalty

    sample = datasets.load("cdnow_sample")
    full = loyalty.clv_summary(
        sample, "customer_id", "date", "dollar_value", freq="D", freq_multiplier=7
    )
    value = loyalty.clv(loyalty.fit_bgnbd(full), loyalty.fit_gamma_gamma(full))
    segment = loyalty.rfm(sample, amount="dollar_value")["segment"]
    total = value["clv"].groupby(segment, observed=False).sum()
    return float(total["champions"] / total.sum())


register(
    Exercise(
        id="09.one_time",
        prompt="How many of the 2,357 sample customers made no repeat purchase in weeks 1–39?",
        solution=_one_time,
        wrong=lambda: 946,
        hint="cal['frequency_cal'] == 0 — frequency counts repeat purchases only; 946 is the "
        "number of customers who did repeat.",
        explanation="1,411 of 2,357 (60 %) bought once in the calibration period: most CDNOW "
        "customers never came back within 39 weeks, which is why the model needs a dropout "
        "process.",
        prompt_zh="在 2,357 名样本客户中，有多少人在第 1–39 周内没有重复购买？",
        hint_zh="cal['frequency_cal'] == 0——frequency 只统计重复购买；946 是有过重复购买的客户人"
        "数。",
        explanation_zh="2,357 人中有 1,411 人（60 %）在校准期内只买过一次：大多数 CDNOW 客户在 "
        "39 周内都没有再回来，所以模型需要一个流失（dropout）过程。",
        worked="`frequency_cal` counts *repeat* purchases in weeks 1–39, so a customer who bought "
        "only once has 0. Count them in the calibration summary `cal` of section 4:\n\n"
        '```python\n(cal["frequency_cal"] == 0).sum()  # 1411\n```\n\n'
        "1,411 of the 2,357 customers (60 %) did not come back within 39 weeks. 946 is the "
        "number who did (`frequency_cal > 0`) — the usual slip.",
        worked_zh="`frequency_cal` 只统计第 1–39 周内的*重复*购买，所以只买过一次的客户记为 0。在"
        "第 4 节的校准期汇总 `cal` 中数一数这样的客户：\n\n"
        '```python\n(cal["frequency_cal"] == 0).sum()  # 1411\n```\n\n'
        "2,357 名客户中有 1,411 人（60 %）在 39 周内没有再回来。946 是有过重复购买的人数"
        "（`frequency_cal > 0`）——这是常见的错误。",
    )
)

register(
    Exercise(
        id="09.bgnbd_r",
        prompt="The BG/NBD shape parameter r of the calibration fit (three decimals)?",
        solution=_r,
        wrong=lambda: 0.283,
        tol=0.001,
        hint="bg.params_['r'] of the fit to clv_summary(..., freq='D', freq_multiplier=7, "
        "calibration_end='1997-09-30'); 0.283 comes from discrete weekly periods (freq='W').",
        explanation="r = .243, as Fader, Hardie & Lee (2005) publish: a shape below 1 means "
        "purchase rates differ a lot between customers (most buy rarely, a few often).",
        prompt_zh="校准期拟合得到的 BG/NBD 形状参数 r 是多少（保留三位小数）？",
        hint_zh="用 clv_summary(..., freq='D', freq_multiplier=7, calibration_end='1997-09-30') "
        "拟合后的 bg.params_['r']；0.283 来自离散的按周时段（freq='W'）。",
        explanation_zh="r = .243，与 Fader, Hardie & Lee（2005）发表的结果相同：形状参数小于 1，"
        "说明客户之间的购买率差别很大（大多数人很少买，少数人经常买）。",
        worked="The calibration fit `bg` of section 4 (purchases of one day merged, `freq='D'`, "
        "days divided by 7) keeps its four parameters in `bg.params_`:\n\n"
        '```python\nround(bg.params_["r"], 3)  # 0.243\n```\n\n'
        "r = 0.243, the value Fader, Hardie & Lee (2005) publish: a shape below 1, so purchase "
        "rates differ a lot between customers. 0.283 is what weekly periods (`freq='W'`) give.",
        worked_zh="第 4 节的校准期拟合 `bg`（同一天的购买合并为一次，`freq='D'`，天数除以 7）把四"
        "个参数存放在 `bg.params_` 中：\n\n"
        '```python\nround(bg.params_["r"], 3)  # 0.243\n```\n\n'
        "r = 0.243，与 Fader, Hardie & Lee（2005）发表的数值相同：形状参数小于 1，说明客户之间的"
        "购买速率差别很大。0.283 是按自然周计算（`freq='W'`）得到的结果。",
    )
)

register(
    Exercise(
        id="09.holdout_pred",
        prompt="How many repeat purchases does the BG/NBD predict in the holdout weeks 40–78?",
        solution=_holdout_predicted,
        wrong=lambda: 1882,
        tol=1.0,
        hint="loyalty.holdout_check(bg, cal).totals['predicted'] (1,882 is what happened).",
        explanation="About 1,653 against 1,882 observed: the model under-forecasts the holdout "
        "by 12 %, most of it among customers with one or two calibration purchases.",
        prompt_zh="BG/NBD 预测保留期（第 40–78 周）内有多少次重复购买？",
        hint_zh="loyalty.holdout_check(bg, cal).totals['predicted']（1,882 是实际发生的次数）。",
        explanation_zh="约 1,653 次，而实际为 1,882 次：模型对保留期的预测偏低 12 %，大部分来自校"
        "准期内只购买过一两次的客户。",
        worked="The model has seen only weeks 1–39; the holdout check of section 5 adds up its "
        "forecasts for weeks 40–78 over all customers:\n\n"
        "```python\ncheck = loyalty.holdout_check(bg, cal)\n"
        'round(check.totals["predicted"])  # 1653\n```\n\n'
        "About 1,653 repeat purchases, where 1,882 happened (`check.totals['actual']`, the "
        "usual slip): the model forecasts 12 % too few.",
        worked_zh="模型只“见过”第 1–39 周；第 5 节的保留期检验把它对第 40–78 周的预测在全部客户上"
        "加总：\n\n"
        "```python\ncheck = loyalty.holdout_check(bg, cal)\n"
        'round(check.totals["predicted"])  # 1653\n```\n\n'
        "约 1,653 次重复购买，而实际发生的是 1,882 次（`check.totals['actual']`，常见的错误就是"
        "填了它）：模型的预测少了 12 %。",
    )
)

register(
    Exercise(
        id="09.champions_clv",
        prompt="What share (0–1) of the sample's total 12-month CLV do the champions hold?",
        solution=_champions_share,
        wrong=lambda: 0.316,
        tol=0.01,
        hint="Sum clv by RFM segment and divide the champions' sum by the total; 0.316 is "
        "their share of customers, not of value.",
        explanation="About 85 % of the expected value sits with the 32 % of customers who are "
        "champions: value is far more concentrated than customers.",
        prompt_zh="在样本未来 12 个月的客户生命周期价值（CLV）总和中，冠军客户占多大份额（0–1）？",
        hint_zh="按 RFM 细分群体汇总 clv，再用冠军客户的总和除以全部总和；0.316 是他们占客户人数"
        "的份额，不是占价值的份额。",
        explanation_zh="约 85 % 的预期价值集中在占客户 32 % 的冠军客户身上：价值远比客户人数集中。",
        worked="Add up the 12-month CLV of section 6 by RFM segment and divide the champions' sum "
        "by the total (the column `share_of_clv` of `by_value` does the same):\n\n"
        '```python\ntotal = value.groupby("segment", observed=False)["clv"].sum()\n'
        'round(total["champions"] / total.sum(), 2)  # 0.85\n```\n\n'
        "0.85: the 745 champions, 32 % of the 2,357 customers, hold 85 % of the expected "
        "(discounted) revenue. 0.316 is their share of customers, not of value.",
        worked_zh="把第 6 节未来 12 个月的客户生命周期价值按 RFM 细分群体加总，再用冠军客户的总和除"
        "以全部总和（`by_value` 的 `share_of_clv` 列做的是同一件事）：\n\n"
        '```python\ntotal = value.groupby("segment", observed=False)["clv"].sum()\n'
        'round(total["champions"] / total.sum(), 2)  # 0.85\n```\n\n'
        "0.85：745 名冠军客户只占 2,357 名客户的 32 %，却握有 85 % 的预期（贴现后）收入。0.316 "
        "是他们占客户人数的份额，不是占价值的份额。",
    )
)


# --- Self-assessment: the key ideas of the lesson, one letter each ------------------------------


def _answer_cell(exercise_id: str, letter: str) -> str:
    """The code block of a worked self-assessment answer: the letter, checked."""
    return f'```python\nanswer = "{letter}"\ncx.check("{exercise_id}", answer)\n```'


register(
    Exercise(
        id="09.sa1",
        prompt="A customer has bought every month for two years. Which loyalty does the "
        "transaction log show? (a) emotional loyalty: she is attached to the brand; (b) "
        "behavioural loyalty: she buys again — whether from attachment, habit or lack of choice, "
        "the log cannot say; (c) cognitive loyalty: she trusts that the shop fits her needs; (d) "
        "all three, since buying that often proves each of them",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "b",
        wrong=lambda: "a",
        hint="The lesson's introduction names three faces of loyalty and says which of them "
        "surveys measure and which the transaction log measures.",
        explanation="(b). A log records what customers do: repeat buying, behavioural loyalty. "
        "Feelings (emotional loyalty) and beliefs (cognitive loyalty) need a survey; (a) and (d) "
        "read attachment into a habit. Lesson 10 joins a survey to the purchases to tell the two "
        "apart.",
        prompt_zh="一位客户两年来每个月都在这家店购买。交易记录显示的是哪一种忠诚？(a) 情感忠诚：她"
        "对品牌有依恋；(b) 行为忠诚：她一再购买——至于是出于依恋、习惯还是别无选择，交易记录说不出"
        "来；(c) 认知忠诚：她相信这家店适合自己的需要；(d) 三种都有，因为这么频繁的购买证明了每一"
        "种",
        hint_zh="本课开头列出了客户忠诚度的三个侧面，并说明了哪些由问卷测量、哪一个由交易记录测"
        "量。",
        explanation_zh="(b)。交易记录记下的是客户做了什么：重复购买，即行为忠诚。感受（情感忠诚）和"
        "信念（认知忠诚）要靠问卷；(a) 和 (d) 把习惯读成了依恋。第 10 课把问卷与购买记录连接起来，"
        "区分这两者。",
        worked="A transaction log records behaviour — who buys again, how often, for how much — "
        "not why. Attachment (emotional loyalty) and trust that the shop fits (cognitive loyalty) "
        "are feelings and beliefs, measured by a survey. So the answer is (b):\n\n"
        + _answer_cell("09.sa1", "b")
        + "\n\nA customer who buys every month out of habit or for lack of choice looks exactly "
        "like an attached one in the log; lesson 10 joins a survey to the purchases to tell them "
        "apart.",
        worked_zh="交易记录记下的是行为——谁再次购买、多久买一次、花多少钱——而不是原因。依恋（情感忠"
        "诚）和相信这家店适合自己（认知忠诚）是感受和信念，要用问卷测量。所以答案是 (b)：\n\n"
        + _answer_cell("09.sa1", "b")
        + "\n\n出于习惯或别无选择而每月购买的客户，在交易记录里和真心依恋的客户一模一样；第 10 课把"
        "问卷与购买记录连接起来，区分这两种客户。",
    )
)

register(
    Exercise(
        id="09.sa2",
        prompt="A customer's RFM scores are 5-5-5. What do they say? (a) she will buy again next "
        "month; (b) she has the highest customer lifetime value of the cohort; (c) so far she "
        "ranks in the top fifth of this cohort on recency, frequency and spend — a rank under "
        "fixed conventions, not a forecast; (d) she will stay a customer for good",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "c",
        wrong=lambda: "a",
        hint="Section 2 ends with the limits of RFM scores: what they are, and what they say "
        "nothing about.",
        explanation="(c). RFM scores are quintile ranks within this cohort, cut at conventional "
        "points; they describe the past. (a) reads them as a forecast — who will buy next needs a "
        "model such as the BG/NBD (sections 4–6).",
        prompt_zh="一位客户的 RFM 得分是 5-5-5。这说明什么？(a) 她下个月会再次购买；(b) 她的客户生"
        "命周期价值是这个同期群中最高的；(c) 到目前为止，她在最近购买、购买频率和购买金额上都排在这"
        "个同期群的前五分之一——这是按固定惯例得出的排名，不是预测；(d) 她会永远是这里的客户",
        hint_zh="第 2 节末尾讲了 RFM 得分的局限：它们是什么，又对什么只字未提。",
        explanation_zh="(c)。RFM 得分是这个同期群内部的五分位排名，分界点是惯例；它们描述的是过去。"
        "(a) 把它读成了预测——谁会再次购买，要靠 BG/NBD 模型这样的模型（第 4–6 节）。",
        worked="RFM ranks customers into quintiles (1–5) within this cohort on what they have "
        "already done, and names segments by fixed rules. 5-5-5 is the top fifth on all three — a "
        "description of the past:\n\n"
        + _answer_cell("09.sa2", "c")
        + "\n\nWhether she will buy again (a), or what she is worth (b), needs a model of "
        "purchasing: the BG/NBD and Gamma-Gamma models of sections 4–6.",
        worked_zh="RFM 按客户已经做过的事，在这个同期群内部把客户分成五个等级（1–5），再按固定规则"
        "给细分群体命名。5-5-5 就是三项都在前五分之一——描述的是过去：\n\n"
        + _answer_cell("09.sa2", "c")
        + "\n\n她会不会再次购买 (a)、价值多少 (b)，要靠购买行为的模型：第 4–6 节的 BG/NBD 模型和 "
        "Gamma-Gamma 模型。",
    )
)

register(
    Exercise(
        id="09.sa3",
        prompt="The model gives nearly all one-time buyers a probability alive of 1.00. What does "
        "that mean? (a) they are certainly still customers: the model has shown it; (b) the data "
        "contain an error that the checks of section 1 missed; (c) they are the most valuable "
        "customers; (d) it is an assumption of the BG/NBD model, not a finding: customers can drop "
        "out only right after a purchase, so one who never bought again counts as alive — their "
        "CLV is low because their purchase rate is low",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "d",
        wrong=lambda: "a",
        hint="Section 6 discusses the probability alive of the potential, hibernating and lost "
        "customers.",
        explanation="(d). In the BG/NBD model dropout happens only after a purchase, so a customer "
        "with no repeat purchase is assumed alive. (a) reads that assumption as a fact about the "
        "customers; models where dropout can happen at any time (the Pareto/NBD, the MBG/NBD) do "
        "not make it.",
        prompt_zh="模型给几乎所有只买过一次的客户的存活概率都是 1.00。这是什么意思？(a) 他们肯定仍"
        "是客户：模型证明了这一点；(b) 数据里有错误，第 1 节的检查漏掉了；(c) 他们是最有价值的客"
        "户；(d) 这是 BG/NBD 模型的一个假定，不是发现：客户只能在一次购买之后立即流失，所以从未再次"
        "购买的客户被当作仍然存活——他们的客户生命周期价值低，是因为购买率低",
        hint_zh="第 6 节讨论了潜力客户、沉睡客户和已流失客户的存活概率。",
        explanation_zh="(d)。在 BG/NBD 模型中，客户只会在一次购买之后流失，所以没有重复购买的客户被"
        "假定为仍然存活。(a) 把这个假定当成了关于客户的事实；流失可以在任何时候发生的模型（"
        "Pareto/NBD、MBG/NBD）没有这个假定。",
        worked="The BG/NBD lets a customer drop out only right *after* a purchase. A customer who "
        "never bought again has had no chance to drop out, so the model counts her as alive — an "
        "assumption, not a finding:\n\n"
        + _answer_cell("09.sa3", "d")
        + "\n\nHer CLV is still low, because her estimated purchase rate is low. (a) takes the "
        "assumption for a fact; the Pareto/NBD and the MBG/NBD let dropout happen at any time.",
        worked_zh="BG/NBD 模型只允许客户在一次购买*之后*立即流失。从未再次购买的客户根本没有流失的"
        "机会，所以模型把她算作仍然存活——这是假定，不是发现：\n\n"
        + _answer_cell("09.sa3", "d")
        + "\n\n她的客户生命周期价值仍然很低，因为估计出的购买率很低。(a) 把假定当成了事实；"
        "Pareto/NBD 和 MBG/NBD 模型允许流失在任何时候发生。",
    )
)

register(
    Exercise(
        id="09.sa4",
        prompt="On average a champion's 12-month CLV in this lesson is $78. Can you set it against "
        "what it costs to acquire such a customer? (a) not yet: it is discounted expected revenue"
        " — apply the gross margin and subtract the cost of serving and keeping her first; (b) "
        "yes: CLV is by definition the profit a customer brings; (c) yes, once it is no longer "
        "discounted; (d) no: a CLV can never be compared with a cost",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "a",
        wrong=lambda: "b",
        hint="The Concepts section has a paragraph 'Revenue, not yet value'.",
        explanation="(a). cxlab's clv() sums discounted expected spend with no margin; a lifetime "
        "value in the full sense is discounted margin less the cost to serve and keep the customer "
        "(Gupta et al. 2006). (b) mistakes revenue for profit.",
        prompt_zh="本课中冠军客户未来 12 个月的客户生命周期价值平均为 78 美元。可以直接拿它和获取这"
        "样一位客户的成本相比吗？(a) 还不行：它是贴现后的预期收入——先乘以毛利率，再减去服务和维系这"
        "位客户的成本；(b) 可以：客户生命周期价值按定义就是客户带来的利润；(c) 可以，只要不再贴现；"
        "(d) 不行：客户生命周期价值永远不能与成本相比",
        hint_zh="核心概念部分有一段“这是收入，还不是价值”。",
        explanation_zh="(a)。cxlab 的 clv() 加总的是贴现后的预期消费金额，没有乘以毛利率；完整意义"
        "上的生命周期价值是贴现后的利润，再减去服务和维系客户的成本（Gupta et al. 2006）。(b) 把收"
        "入当成了利润。",
        worked="The CLV of this lesson is discounted expected *revenue*: expected purchases times "
        "expected spend, discounted month by month, with no margin. Only the margin, less the cost "
        "of serving and keeping the customer, can be set against an acquisition cost:\n\n"
        + _answer_cell("09.sa4", "a")
        + "\n\n(b) mistakes revenue for profit. With one margin for every customer the segments' "
        "shares stay as they are; the amounts shrink by the margin.",
        worked_zh="本课的客户生命周期价值是贴现后的预期*收入*：预期购买次数乘以预期每次消费金额，逐"
        "月贴现，没有乘以毛利率。只有毛利减去服务和维系客户的成本，才能与获客成本相比：\n\n"
        + _answer_cell("09.sa4", "a")
        + "\n\n(b) 把收入当成了利润。如果所有客户的毛利率相同，各细分群体占总额的比例不变，金额则按"
        "毛利率相应缩小。",
    )
)

register(
    Exercise(
        id="09.sa5",
        prompt="In the calibration period the BG/NBD tracks the cumulative repeat purchases within "
        "1.5 %. What does that say about its forecasts? (a) they are accurate to within about 1.5 "
        "% too; (b) nothing: the model is useless; (c) little: only a holdout period the model has "
        "not seen shows the forecast error, which belongs in the report with the CLV; (d) they are "
        "too high",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "c",
        wrong=lambda: "a",
        hint="Section 5 compares the forecast with weeks the model did not see.",
        explanation="(c). Fit to the data a model was estimated on flatters it: in the holdout "
        "weeks 40–78 it predicted 1,653 repeat purchases where 1,882 happened, 12 % too few. (a) "
        "carries the calibration fit over to the future.",
        prompt_zh="在校准期内，BG/NBD 模型对累计重复购买次数的拟合误差在 1.5 % 以内。这对它的预测说"
        "明了什么？(a) 预测的误差同样在 1.5 % 左右以内；(b) 什么也说明不了：这个模型没有用；(c) 说"
        "明得很少：只有模型没有见过的保留期才能显示预测误差，这个误差要和客户生命周期价值一起报告；"
        "(d) 预测偏高",
        hint_zh="第 5 节把预测与模型没有见过的那几周作比较。",
        explanation_zh="(c)。用估计模型所用的数据来衡量拟合，会让模型显得比实际更好：在保留期第 40–"
        "78 周，它预测了 1,653 次重复购买，实际发生了 1,882 次，少了 12 %。(a) 把校准期的拟合搬到了"
        "未来。",
        worked="A model fitted to weeks 1–39 is bound to describe weeks 1–39 well. Its forecasts "
        "are tested only on weeks it has not seen — the holdout period of section 5:\n\n"
        + _answer_cell("09.sa5", "c")
        + "\n\nThere it predicted 1,653 repeat purchases where 1,882 happened: 12 % too few, "
        "usable for planning, not for promising. Report that error with the CLV.",
        worked_zh="用第 1–39 周拟合的模型，自然能很好地描述第 1–39 周。它的预测只能在它没有见过的几"
        "周里检验——也就是第 5 节的保留期：\n\n"
        + _answer_cell("09.sa5", "c")
        + "\n\n在保留期里，它预测了 1,653 次重复购买，实际发生了 1,882 次：少了 12 %，可以用来做规"
        "划，不能用来做承诺。要把这个误差和客户生命周期价值一起报告。",
    )
)
