"""Exercises of lesson 09: behavioural loyalty, BG/NBD, Gamma-Gamma and CLV (CDNOW)."""

from __future__ import annotations

from functools import cache

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
