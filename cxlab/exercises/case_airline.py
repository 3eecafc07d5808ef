"""Checked answers of the airline case (notebooks/cases/airline_moments_of_truth.ipynb).

Every reference answer is computed from ``airline_mot`` when it is checked (each in
well under a second; no bootstrap is needed for a point estimate). Tolerances: NPS
points and shares in % to ±0.1 (the notebook asks for one decimal), the CES difference
and the regression coefficient to ±0.01 (two decimals).
"""

from __future__ import annotations

import pandas as pd

from cxlab.exercises.registry import Exercise, register

MOTS = ["mot_booking", "mot_checkin", "mot_boarding", "mot_crew", "mot_meal", "mot_arrival"]
SEVEN = [*MOTS, "mot_complaint"]
NO_PROBLEM, WELL, NEUTRAL, BADLY = (
    "no problem",
    "handled well (4-5)",
    "neutral (3)",
    "handled badly (1-2)",
)

#: answers naming a moment of truth: short English names, the Chinese labels of the case
#: (订票, 值机, 登机, 乘务组, 机上餐饮, 到达与行李, 投诉处理), the words of lessons 05 and 11
#: (机组服务, 餐食, 到达) and the everyday words (空乘 …); also used by 05.top_mot
_MOT_WORDS = {
    "mot_booking": "booking 订票 预订 购票 订票环节",
    "mot_checkin": "checkin 值机 办理值机 办理登机手续 值机环节",
    "mot_boarding": "boarding 登机 登机环节",
    "mot_crew": "crew 乘务组 乘务 乘务员 空乘 空乘人员 空中乘务员 机组 机组服务 机组人员 "
    "乘务组服务 客舱乘务组",
    "mot_meal": "meal meals 机上餐饮 餐饮 餐食 机上餐食 飞机餐",
    "mot_arrival": "arrival baggage luggage 到达 行李 到达与行李 到达和行李 到达及行李 行李提取",
    "mot_complaint": "complaint complaints 投诉处理 投诉 投诉处理环节 问题处理",
}
MOT_SYNONYMS = {word: mot for mot, words in _MOT_WORDS.items() for word in words.split()} | {
    "check in": "mot_checkin",
    "cabin crew": "mot_crew",
    "flight attendants": "mot_crew",
    "arrival and baggage": "mot_arrival",
    "complaint handling": "mot_complaint",
}


def _air() -> pd.DataFrame:
    """``airline_mot`` with the case's two derived columns: ``detractor`` (NPS 0-6) and
    ``recovery`` (no problem, or the problem's handling: 1-2, 3, 4-5)."""
    import numpy as np

    from cxlab import datasets

    air = datasets.load("airline_mot")
    problem = air["had_problem"].astype(bool)
    handling = air["mot_complaint"].astype("float64")
    air["detractor"] = air["nps_score"] <= 6
    air["recovery"] = np.select(
        [~problem, handling >= 4, handling == 3], [NO_PROBLEM, WELL, NEUTRAL], default=BADLY
    )
    return air


def _nps() -> float:
    from cxlab import metrics

    return round(float(metrics.nps(_air()["nps_score"])["nps"].iloc[0]), 1)


def _difference(result, group: str) -> pd.Series:
    diffs = result.differences.set_index("group")
    return diffs.loc[group]


def _business_gap() -> float:
    from cxlab import metrics

    res = metrics.compare(_air(), "nps", by="cabin", score="nps_score", reference="economy")
    return round(float(_difference(res, "business")["difference"]), 1)


def _ces_problem() -> float:
    from cxlab import metrics

    air = _air()
    res = metrics.compare(air, "ces", by="had_problem", score="ces", reference=False)
    return round(float(_difference(res, True)["difference"]), 2)


def _rw_all():
    from cxlab import drivers

    return drivers.relative_weights(_air(), "nps_score", MOTS, B=0)


def _second_driver() -> str:
    return str(_rw_all().table.index[1])


def _concentrate() -> list[str]:
    from cxlab import drivers

    grid = drivers.ipa(_rw_all(), _air()[MOTS].mean())
    table = grid.table
    return sorted(table.index[table["quadrant"] == "concentrate here"])


def _complaint_detractor_share() -> float:
    from cxlab import drivers

    air = _air()
    problem = air[air["had_problem"].astype(bool)]
    det = drivers.shapley_logistic(problem, "detractor", SEVEN, B=0)
    return round(float(det.table.loc["mot_complaint", "pct"]), 1)


def _bad_handling_detractors() -> float:
    air = _air()
    return round(100 * float(air.loc[air["recovery"] == BADLY, "detractor"].mean()), 1)


def _recovery_compare():
    from cxlab import metrics

    return metrics.compare(_air(), "nps", by="recovery", score="nps_score", reference=NO_PROBLEM)


def _recovery_gap() -> float:
    return round(float(_difference(_recovery_compare(), WELL)["difference"]), 1)


def _paradox() -> str:
    row = _difference(_recovery_compare(), WELL)
    return "yes" if row["ci_low"] > 0 else "no"


def _adjusted_gap() -> float:
    import statsmodels.formula.api as smf

    formula = f"nps_score ~ {' + '.join(MOTS)} + C(recovery, Treatment('{NO_PROBLEM}'))"
    fit = smf.ols(formula, data=_air()).fit()
    return round(float(fit.params[f"C(recovery, Treatment('{NO_PROBLEM}'))[T.{WELL}]"]), 2)


register(
    Exercise(
        id="airline.nps",
        prompt="NPS of all 1,000 passengers (one decimal)?",
        solution=_nps,
        wrong=lambda: 43.8,
        tol=0.05,
        hint="cx.metrics.nps(air['nps_score']): the column nps, i.e. % promoters (9-10) minus "
        "% detractors (0-6). 43.8 is the share of promoters alone.",
        explanation="NPS = 43.8 % − 22.6 % = 21.2, adjusted-Wald 95 % CI [16.3, 26.0]: with 1,000 "
        "answers the score is known to about ±5 points.",
        prompt_zh="全部 1,000 名乘客的净推荐值是多少（保留一位小数）？",
        hint_zh="cx.metrics.nps(air['nps_score'])：nps 列，即推荐者（9–10 分）% 减去贬损者（0–6 "
        "分）%。43.8 只是推荐者的比例。",
        explanation_zh="净推荐值 = 43.8 % − 22.6 % = 21.2，调整 Wald 95 % 置信区间 [16.3, 26.0]："
        "有 1,000 份回答，这个分数的精度约为 ±5 分。",
        worked="Task 1's call gives the shares, the NPS and its interval in one row:\n\n"
        '```python\noverall = cx.metrics.nps(air["nps_score"], ci="wald")\n'
        'round(overall["nps"].iloc[0], 1)  # 21.2\n```\n\n'
        "NPS = 43.8 % promoters − 22.6 % detractors = 21.2, Wald 95 % CI [16.3, 26.1] "
        "(adjusted-Wald [16.3, 26.0]): with 1,000 answers the methods agree, ± 5 points. 43.8 is "
        "the share of promoters, not the NPS.",
        worked_zh="任务 1 的这次调用在一行里给出各个比例、净推荐值及其区间：\n\n```python\n"
        'overall = cx.metrics.nps(air["nps_score"], ci="wald")\n'
        'round(overall["nps"].iloc[0], 1)  # 21.2\n```\n\n'
        "净推荐值 = 推荐者 43.8 % − 贬损者 22.6 % = 21.2，Wald 95 % 置信区间 [16.3, 26.1]（调整 "
        "Wald 区间 [16.3, 26.0]）：有 1,000 份回答，几种方法结果一致，精度约 ± 5 分。43.8 是推荐者"
        "的比例，不是净推荐值。",
    )
)

register(
    Exercise(
        id="airline.business_gap",
        prompt="NPS of business class minus NPS of economy, in points (one decimal)?",
        solution=_business_gap,
        wrong=lambda: 27.8,
        tol=0.1,
        hint="cx.metrics.compare(air, 'nps', by='cabin', score='nps_score', "
        "reference='economy'); the row of business in .differences. (27.8 is business minus "
        "premium economy.)",
        explanation="+30.1 points [16.6, 42.0] (46.2 against 16.1), p < .0001; premium economy "
        "is not distinguishable from economy (+2.3 [−12.1, 16.1]).",
        prompt_zh="商务舱的净推荐值减去经济舱的净推荐值，是多少分（保留一位小数）？",
        hint_zh="cx.metrics.compare(air, 'nps', by='cabin', score='nps_score', "
        "reference='economy')；.differences 中 business 那一行。（27.8 是商务舱减去超级经济"
        "舱。）",
        explanation_zh="+30.1 分 [16.6, 42.0]（46.2 对 16.1），p < .0001；超级经济舱与经济舱区分"
        "不开（+2.3 [−12.1, 16.1]）。",
        worked="Compare the cabins with economy as the reference and read the business row of the "
        "differences:\n\n```python\nby_cabin = cx.metrics.compare(\n"
        '    air, "nps", by="cabin", score="nps_score", reference="economy"\n)\n'
        'diffs = by_cabin.differences.set_index("group")\n'
        'round(diffs.loc["business", "difference"], 1)  # 30.1\n```\n\n'
        "Business 46.2 against economy 16.1: +30.1 points [16.6, 42.0], p < .0001. Premium "
        "economy cannot be told apart from economy (+2.3 [−12.1, 16.1]); 27.8 is business minus "
        "premium economy, not minus economy.",
        worked_zh="以经济舱为参照组比较各舱位，读出差值表中商务舱那一行：\n\n```python\n"
        "by_cabin = cx.metrics.compare(\n"
        '    air, "nps", by="cabin", score="nps_score", reference="economy"\n)\n'
        'diffs = by_cabin.differences.set_index("group")\n'
        'round(diffs.loc["business", "difference"], 1)  # 30.1\n```\n\n'
        "商务舱 46.2 对经济舱 16.1：+30.1 分 [16.6, 42.0]，p < .0001。超级经济舱与经济舱区分不开（"
        "+2.3 [−12.1, 16.1]）；27.8 是商务舱减去超级经济舱，不是减去经济舱。",
    )
)

register(
    Exercise(
        id="airline.ces_problem",
        prompt="CES 2.0 (1-7, 7 = very easy) of passengers with a problem minus those without "
        "(two decimals)?",
        solution=_ces_problem,
        wrong=lambda: 1.52,
        tol=0.01,
        hint="cx.metrics.compare(air, 'ces', by='had_problem', score='ces') compares True with "
        "the reference False (Welch's t). Mind the sign: a problem makes the trip harder.",
        explanation="−1.52 [−1.81, −1.23] on the 7-point scale (3.82 against 5.34): passengers "
        "with a problem rate the trip far less easy than any cabin difference would suggest "
        "(business − economy +0.47).",
        prompt_zh="遇到问题的乘客的客户费力度（CES 2.0，1–7 分，7 = 非常容易）减去没有遇到问题的"
        "乘客的，是多少（保留两位小数）？",
        hint_zh="cx.metrics.compare(air, 'ces', by='had_problem', score='ces') 把 True 与参照组 "
        "False 作比较（Welch t 检验）。注意正负号：遇到问题会让旅程更费力。",
        explanation_zh="在 7 分量表上为 −1.52 [−1.81, −1.23]（3.82 对 5.34）：遇到问题的乘客觉得"
        "这趟行程难办得多，这个差距远远超过任何舱位之间的差别（商务舱 − 经济舱为 +0.47）。",
        worked="Compare passengers with a problem (True) against those without (the reference "
        "False); `compare` uses Welch's t:\n\n```python\nces_problem = cx.metrics.compare(\n"
        '    air, "ces", by="had_problem", score="ces", reference=False\n)\n'
        'round(ces_problem.differences["difference"].iloc[0], 2)  # -1.52\n```\n\n'
        "3.82 against 5.34 on the 7-point scale: −1.52 [−1.81, −1.23]. The sign is negative "
        "because CES 2.0 is higher when the trip is easier, and a problem makes it harder; +1.52 "
        "subtracts the wrong way round. The cabin gap is far smaller (business − economy +0.47).",
        worked_zh="把遇到问题的乘客（True）与没有遇到问题的乘客（参照组 False）作比较；`compare` "
        "使用 Welch t 检验：\n\n```python\nces_problem = cx.metrics.compare(\n"
        '    air, "ces", by="had_problem", score="ces", reference=False\n)\n'
        'round(ces_problem.differences["difference"].iloc[0], 2)  # -1.52\n```\n\n'
        "在 7 分量表上是 3.82 对 5.34：−1.52 [−1.81, −1.23]。符号为负，因为 CES 2.0 的分数越高表示"
        "行程越省力，而遇到问题会让它更费力；+1.52 是减反了。舱位之间的差距要小得多（商务舱 − 经济"
        "舱为 +0.47）。",
    )
)

register(
    Exercise(
        id="airline.second_driver",
        prompt="Relative weights of nps_score on the six moments, all passengers: which moment "
        "ranks second?",
        kind="text",
        synonyms=MOT_SYNONYMS,
        solution=_second_driver,
        wrong=lambda: "mot_boarding",
        hint="rw = cx.drivers.relative_weights(air, 'nps_score', MOTS, ...); rw.table is sorted "
        "by rank: the second row. (Boarding is second only among passengers without a problem, "
        "lesson 11.)",
        explanation="Arrival and baggage: 25.2 % of R² [18.3, 31.9] behind the crew's 28.5 % "
        "[22.1, 35.6] (B = 1000, seed = 1) — the intervals overlap, so the two lead "
        "together. Shapley values agree to within a point.",
        prompt_zh="全部乘客，nps_score 对六个关键时刻的相对权重：排在第二位的是哪个关键时刻？",
        hint_zh="rw = cx.drivers.relative_weights(air, 'nps_score', MOTS, ...)；rw.table 按名次排"
        "序：第二行。（登机只在没有遇到问题的乘客中排第二，见第 11 课。）",
        explanation_zh="到达与行李：占 R² 的 25.2 % [18.3, 31.9]，仅次于乘务组的 28.5 % [22.1, "
        "35.6]（B = 1000，seed = 1）——两个区间相互重叠，所以两者并列领先。沙普利值的结果与之相差"
        "不到一个百分点。",
        worked="Share the R² of `nps_score` among the six moments every passenger rated; "
        "`rw.table` is sorted by rank:\n\n```python\n"
        'rw = cx.drivers.relative_weights(air, "nps_score", MOTS, B=1000, seed=1)\n'
        "rw.table.index[1]  # 'mot_arrival'\n```\n\n"
        "Arrival and baggage: 25.2 % of R² [18.3, 31.9], behind the crew's 28.5 % [22.1, 35.6]. "
        "The intervals overlap, so the two lead together; Shapley values "
        "(`cx.drivers.shapley_r2`) agree to within a point. Boarding ranks second only among "
        "passengers without a problem (lesson 11).",
        worked_zh="把 `nps_score` 的 R² 分给每位乘客都打过分的六个关键时刻；`rw.table` 按名次排序"
        "：\n\n```python\n"
        'rw = cx.drivers.relative_weights(air, "nps_score", MOTS, B=1000, seed=1)\n'
        "rw.table.index[1]  # 'mot_arrival'\n```\n\n"
        "到达与行李：占 R² 的 25.2 % [18.3, 31.9]，仅次于乘务组的 28.5 % [22.1, 35.6]。两个区间相"
        "互重叠，所以两者并列领先；沙普利值（`cx.drivers.shapley_r2`）与之相差不到一个百分点。登机"
        "只在没有遇到问题的乘客中排第二（第 11 课）。",
    )
)

register(
    Exercise(
        id="airline.concentrate",
        prompt="IPA of all passengers (importance: relative weights of nps_score; performance: "
        "mean rating; lines at the means): which moments are in 'concentrate here'?",
        kind="set",
        synonyms=MOT_SYNONYMS,
        solution=_concentrate,
        wrong=lambda: ["mot_meal"],
        hint="grid = cx.drivers.ipa(rw, air[MOTS].mean()); the rows of grid.table whose quadrant "
        "is 'concentrate here', as a list, e.g. ['mot_x']. The worst-rated moment is not "
        "necessarily one of them.",
        explanation="Only arrival and baggage (importance 25.2 % above the line at 16.7 %, "
        "rating 3.69 below the line at 3.86). The meal is rated worst (3.00) but matters "
        "little: low priority. Boarding and check-in sit a hair below the importance line "
        "(16.6 %): at the medians boarding joins arrival — report where the lines are.",
        prompt_zh="全部乘客的 IPA（重要性：nps_score 的相对权重；绩效：平均评分；分界线在均值"
        "处）：哪些关键时刻在“重点改进”象限？",
        hint_zh="grid = cx.drivers.ipa(rw, air[MOTS].mean())；grid.table 中 quadrant 为 "
        "'concentrate here' 的行，写成列表，例如 ['mot_x']。评分最差的关键时刻不一定在其中。",
        explanation_zh="只有到达与行李（重要性 25.2 %，高于 16.7 % 的分界线；评分 3.69，低于 "
        "3.86 的分界线）。机上餐饮的评分最差（3.00），却不太重要：低优先级。登机和值机恰好略低于"
        "重要性分界线（16.6 %）：以中位数为界时，登机会和到达一起进入——要报告分界线的位置。",
        worked="Importance is Task 4's relative weights, performance the mean rating, the lines "
        "at the means; keep the moments whose quadrant is 'concentrate here':\n\n```python\n"
        'rw = cx.drivers.relative_weights(air, "nps_score", MOTS, B=1000, seed=1)\n'
        "grid = cx.drivers.ipa(rw, air[MOTS].mean(), labels=ZH)\ntable = grid.table\n"
        'sorted(table.index[table["quadrant"] == "concentrate here"])  # [\'mot_arrival\']\n```\n'
        "\n"
        "Only arrival and baggage: importance 25.2 % above the line at 16.7 % (100 / 6), rating "
        "3.69 below the line at 3.86. The meal is rated worst (3.00) but carries 7.5 %: low "
        "priority — the quadrant needs high importance, not just the lowest rating. Boarding and "
        "check-in sit a hair below the importance line (16.6 %); at the medians boarding joins "
        "arrival, so report where the lines are.",
        worked_zh="重要性用任务 4 的相对权重，绩效用平均评分，分界线画在均值处；留下象限为 "
        "'concentrate here'（重点改进）的关键时刻：\n\n```python\n"
        'rw = cx.drivers.relative_weights(air, "nps_score", MOTS, B=1000, seed=1)\n'
        "grid = cx.drivers.ipa(rw, air[MOTS].mean(), labels=ZH)\ntable = grid.table\n"
        'sorted(table.index[table["quadrant"] == "concentrate here"])  # [\'mot_arrival\']\n```\n'
        "\n"
        "只有到达与行李：重要性 25.2 %，高于 16.7 %（100 / 6）的分界线；评分 3.69，低于 3.86 的分"
        "界线。机上餐饮的评分最差（3.00），但只占 7.5 %：低优先级——进入重点改进象限要重要性高，而"
        "不只是评分最低。登机和值机恰好略低于重要性分界线（16.6 %）；以中位数为界时，登机会和到达"
        "一起进入，所以要报告分界线的位置。",
    )
)

register(
    Exercise(
        id="airline.complaint_detractor_share",
        prompt="Passengers with a problem: mot_complaint's share (%) of McFadden's R² for being "
        "a detractor (seven moments)?",
        solution=_complaint_detractor_share,
        wrong=lambda: 40.3,
        tol=0.1,
        hint="cx.drivers.shapley_logistic(problem, 'detractor', SEVEN, ...).table.loc["
        "'mot_complaint', 'pct']; detractor = nps_score <= 6. (40.3 is its share of the R² "
        "of nps_score by relative weights, lesson 11.)",
        explanation="41.6 % of McFadden's R² = .51 (B = 200, seed = 1: [27.8, 53.2]): for "
        "a passenger with a problem, how it was handled separates detractors from the rest "
        "more than any moment of the trip itself — arrival, second, has 17.8 %.",
        prompt_zh="遇到问题的乘客：在“是否成为贬损者”的 McFadden R² 中，mot_complaint 所占的份额"
        "（%）是多少（七个关键时刻）？",
        hint_zh="cx.drivers.shapley_logistic(problem, 'detractor', SEVEN, "
        "...).table.loc['mot_complaint', 'pct']；detractor = nps_score <= 6。（40.3 是用相对权重"
        "算出的它在 nps_score 的 R² 中的份额，见第 11 课。）",
        explanation_zh="McFadden R² = .51 中的 41.6 %（B = 200，seed = 1：[27.8, 53.2]）：对遇到"
        "问题的乘客来说，问题处理得如何，比旅程本身的任何一个关键时刻都更能把贬损者与其他乘客区分"
        "开——排第二的到达只有 17.8 %。",
        worked="With Task 7's `problem` (the 194 passengers with a problem) and its `detractor` "
        "column, share McFadden's R² among the seven moments:\n\n```python\n"
        'det = cx.drivers.shapley_logistic(problem, "detractor", SEVEN, B=200, seed=1)\n'
        'round(det.table.loc["mot_complaint", "pct"], 1)  # 41.6\n```\n\n'
        "Complaint handling carries 41.6 % [27.8, 53.2] of McFadden's R² = .51 — more than twice "
        "arrival, next with 17.8 %. 40.3 is its share of the R² of `nps_score` by relative "
        "weights (lesson 11), another outcome and another method.",
        worked_zh="用任务 7 的 `problem`（194 名遇到问题的乘客）及其 `detractor` 列，把 McFadden "
        "R² 分给七个关键时刻：\n\n```python\n"
        'det = cx.drivers.shapley_logistic(problem, "detractor", SEVEN, B=200, seed=1)\n'
        'round(det.table.loc["mot_complaint", "pct"], 1)  # 41.6\n```\n\n'
        "投诉处理占 McFadden R² = .51 的 41.6 % [27.8, 53.2]——是排第二的到达（17.8 %）的两倍多。"
        "40.3 是用相对权重算出的它在 `nps_score` 的 R² 中的份额（第 11 课），结果变量和方法都不同"
        "。",
    )
)

register(
    Exercise(
        id="airline.bad_handling_detractors",
        prompt="Share (%) of detractors among passengers whose complaint was handled badly "
        "(mot_complaint 1-2)?",
        solution=_bad_handling_detractors,
        wrong=lambda: 16.5,
        tol=0.1,
        hint="The mean of air['detractor'] in the rows with recovery == 'handled badly (1-2)', "
        "times 100. (16.5 % is the share among passengers without a problem.)",
        explanation="85.1 % (57 of 67), against 54.5 % after a neutral handling, 19.1 % after "
        "a good one and 16.5 % without a problem: handling decides whether a problem makes a "
        "detractor.",
        prompt_zh="投诉处理得很差（mot_complaint 1–2 分）的乘客中，贬损者所占的比例（%）是多少？",
        hint_zh="在 recovery == 'handled badly (1-2)' 的行中取 air['detractor'] 的均值，乘以 "
        "100。（16.5 % 是没有遇到问题的乘客中的比例。）",
        explanation_zh="85.1 %（67 人中有 57 人），而处理一般的为 54.5 %，处理得好的为 19.1 %，没"
        "有遇到问题的为 16.5 %：处理得如何，决定了一个问题会不会制造出一个贬损者。",
        worked="The mean of the True/False column `detractor` is a share; take it per `recovery` "
        "group (the Part C cell) and read the badly handled group:\n\n```python\n"
        'shares = air.groupby("recovery")["detractor"].mean() * 100\n'
        'round(shares["handled badly (1-2)"], 1)  # 85.1\n```\n\n'
        "85.1 % (57 of 67) are detractors, against 54.5 % after a neutral handling, 19.1 % after "
        "a good one and 16.5 % without a problem: between 'badly' and 'well' lie 66 percentage "
        "points. 16.5 is the share of the passengers without a problem.",
        worked_zh="True/False 列 `detractor` 的均值就是一个比例；按 `recovery` 分组（C 部分的单元"
        "格）求均值，读出处理得很差的那一组：\n\n```python\n"
        'shares = air.groupby("recovery")["detractor"].mean() * 100\n'
        'round(shares["handled badly (1-2)"], 1)  # 85.1\n```\n\n'
        "85.1 %（67 人中有 57 人）是贬损者，而处理一般的为 54.5 %，处理得好的为 19.1 %，没有遇到问"
        "题的为 16.5 %：“很差”与“很好”之间相差 66 个百分点。16.5 是没有遇到问题的乘客中的比例。",
    )
)

register(
    Exercise(
        id="airline.recovery_gap",
        prompt="NPS of passengers whose problem was handled well (4-5) minus NPS of passengers "
        "without a problem, in points (one decimal)?",
        solution=_recovery_gap,
        wrong=lambda: 38.3,
        tol=0.1,
        hint="cx.metrics.compare(air, 'nps', by='recovery', score='nps_score', reference="
        "'no problem'); the difference of 'handled well (4-5)'. (38.3 is that group's NPS, "
        "not the difference.)",
        explanation="+8.3 points, 95 % CI [−9.3, 23.7], p = .39 — 94 well-handled passengers "
        "cannot tell +8 from 0 (or from −8).",
        prompt_zh="问题处理得好（4–5 分）的乘客的净推荐值，减去没有遇到问题的乘客的净推荐值，是多"
        "少分（保留一位小数）？",
        hint_zh="cx.metrics.compare(air, 'nps', by='recovery', score='nps_score', reference='no "
        "problem')；'handled well (4-5)' 的差值。（38.3 是这一组的净推荐值，不是差值。）",
        explanation_zh="+8.3 分，95 % 置信区间 [−9.3, 23.7]，p = .39——94 名处理得好的乘客分不清 "
        "+8 和 0（或 −8）。",
        worked="Compare the four recovery groups with 'no problem' as the reference and read the "
        "difference of the well-handled group:\n\n```python\nrecovery = cx.metrics.compare(\n"
        '    air, "nps", by="recovery", score="nps_score", reference="no problem"\n)\n'
        'well = recovery.differences.set_index("group").loc["handled well (4-5)"]\n'
        'round(well["difference"], 1)  # 8.3\n```\n\n'
        "38.3 (handled well) − 30.0 (no problem) = +8.3 points, 95 % CI [−9.3, 23.7], p = .39. "
        "38.3 is the group's NPS, not the difference.",
        worked_zh="以 'no problem'（没有遇到问题）为参照组比较四个补救分组，读出处理得好的那一组的"
        "差值：\n\n```python\nrecovery = cx.metrics.compare(\n"
        '    air, "nps", by="recovery", score="nps_score", reference="no problem"\n)\n'
        'well = recovery.differences.set_index("group").loc["handled well (4-5)"]\n'
        'round(well["difference"], 1)  # 8.3\n```\n\n'
        "38.3（处理得好）− 30.0（没有遇到问题）= +8.3 分，95 % 置信区间 [−9.3, 23.7]，p = .39。"
        "38.3 是这一组的净推荐值，不是差值。",
    )
)

register(
    Exercise(
        id="airline.paradox",
        prompt="Service recovery paradox, first test: is the NPS of passengers whose problem "
        "was handled well (4-5) significantly (95 %) above that of passengers without a "
        "problem? yes / no",
        kind="text",
        synonyms={
            "not supported": "no",
            "not shown": "no",
            "no paradox": "no",
            "not significant": "no",
            "false": "no",
            "否": "no",
            "不": "no",
            "没有": "no",
            "不支持": "no",
            "不显著": "no",
            "没有显著差异": "no",
            "不成立": "no",
            "没有悖论": "no",
            "未得到支持": "no",
            "supported": "yes",
            "significant": "yes",
            "true": "yes",
            "是": "yes",
            "有": "yes",
            "支持": "yes",
            "显著": "yes",
            "成立": "yes",
        },
        solution=_paradox,
        wrong=lambda: "yes",
        hint="Look at the 95 % interval of the difference: does it lie entirely above 0?",
        explanation="No: the interval [−9.3, 23.7] contains 0. 'Not shown' is not 'refuted' "
        "either — and splitting 4 from 5, adjusting for the rest of the trip and comparing "
        "with the simulation's truth (tasks below) tell the fuller story.",
        prompt_zh="服务补救悖论，第一次检验：问题处理得好（4–5 分）的乘客，其净推荐值是否显著"
        "（95 %）高于没有遇到问题的乘客？yes / no（是 / 否）",
        hint_zh="看差值的 95 % 区间：它是否完全位于 0 之上？",
        explanation_zh="否：区间 [−9.3, 23.7] 包含 0。不过“没有得到证明”也不等于“被推翻”——把 4 分"
        "和 5 分分开、控制旅程的其他环节、再与模拟的真实值作比较（后面的任务），才能讲出更完整的"
        "故事。",
        worked="Significantly above means that the whole 95 % interval of Task 9's difference "
        "lies above 0:\n\n```python\nrecovery = cx.metrics.compare(\n"
        '    air, "nps", by="recovery", score="nps_score", reference="no problem"\n)\n'
        'well = recovery.differences.set_index("group").loc["handled well (4-5)"]\n'
        '"yes" if well["ci_low"] > 0 else "no"  # \'no\'\n```\n\n'
        "No: the interval [−9.3, 23.7] contains 0 (p = .39); 94 well-handled passengers cannot "
        "tell +8 from 0. 'Not shown' is not 'refuted' either — Task 11 compares like with like.",
        worked_zh="“显著高于”意味着任务 9 中差值的整个 95 % 区间都位于 0 之上：\n\n```python\n"
        "recovery = cx.metrics.compare(\n"
        '    air, "nps", by="recovery", score="nps_score", reference="no problem"\n)\n'
        'well = recovery.differences.set_index("group").loc["handled well (4-5)"]\n'
        '"yes" if well["ci_low"] > 0 else "no"  # \'no\'\n```\n\n'
        "否：区间 [−9.3, 23.7] 包含 0（p = .39）；94 名处理得好的乘客分不清 +8 和 0。不过“没有得到"
        "证明”也不等于“被推翻”——任务 11 会做同类比较。",
    )
)

register(
    Exercise(
        id="airline.adjusted_gap",
        prompt="OLS of nps_score on the six moments plus the recovery groups (reference: no "
        "problem): coefficient of 'handled well (4-5)' (two decimals)?",
        solution=_adjusted_gap,
        wrong=lambda: 0.07,
        tol=0.01,
        hint='smf.ols("nps_score ~ mot_booking + ... + mot_arrival + C(recovery, '
        "Treatment('no problem'))\", data=air).fit().params, the row ending in "
        "[T.handled well (4-5)]. (0.07 is the raw difference of the mean nps_score, "
        "without the six moments.)",
        explanation="−0.30 on the 0-10 scale [−0.65, 0.06]: compared with passengers who rated "
        "the rest of the trip the same, a well-handled problem leaves NPS no higher — "
        "slightly lower. The raw +8 NPS points came with better ratings of everything else.",
        prompt_zh="nps_score 对六个关键时刻加补救分组做 OLS 回归（参照组：没有遇到问题）："
        "'handled well (4-5)' 的系数是多少（保留两位小数）？",
        hint_zh='smf.ols("nps_score ~ mot_booking + ... + mot_arrival + C(recovery, '
        "Treatment('no problem'))\", data=air).fit().params，以 [T.handled well (4-5)] 结尾的那一"
        "行。（0.07 是 nps_score 均值的原始差异，没有控制六个关键时刻。）",
        explanation_zh="在 0–10 分量表上为 −0.30 [−0.65, 0.06]：与对旅程其余环节评分相同的乘客相"
        "比，问题处理得好并不会让净推荐值更高——反而略低。原始的 +8 个净推荐值分数，是伴随着对其他"
        "一切环节更好的评分而来的。",
        worked="Regress `nps_score` on the six moments and the recovery groups, 'no problem' as "
        "the reference, and read the coefficient of the well-handled group:\n\n```python\n"
        "groups = \"C(recovery, Treatment('no problem'))\"\n"
        'formula = "nps_score ~ " + " + ".join(MOTS) + " + " + groups\n'
        "ols = smf.ols(formula, data=air).fit()\n"
        'round(ols.params[groups + "[T.handled well (4-5)]"], 2)  # -0.3\n```\n\n'
        "−0.30 on the 0–10 scale [−0.65, 0.06]: compared with passengers without a problem who "
        "rated the six moments the same, a well-handled problem leaves `nps_score` no higher — "
        "slightly lower. The raw +8 NPS points came with better ratings of everything else; 0.07 "
        "is the raw difference of the mean `nps_score`, without the six moments.",
        worked_zh="让 `nps_score` 对六个关键时刻和补救分组做回归，以 'no problem' 为参照组，读出处"
        "理得好的那一组的系数：\n\n```python\ngroups = \"C(recovery, Treatment('no problem'))\"\n"
        'formula = "nps_score ~ " + " + ".join(MOTS) + " + " + groups\n'
        "ols = smf.ols(formula, data=air).fit()\n"
        'round(ols.params[groups + "[T.handled well (4-5)]"], 2)  # -0.3\n```\n\n'
        "在 0–10 分量表上为 −0.30 [−0.65, 0.06]：与对六个关键时刻评分相同、却没有遇到问题的乘客相"
        "比，问题处理得好并不会让 `nps_score` 更高——反而略低。原始的 +8 个净推荐值分数，是伴随着对"
        "其他一切环节更好的评分而来的；0.07 是 `nps_score` 均值的原始差异，没有控制六个关键时刻。",
    )
)
