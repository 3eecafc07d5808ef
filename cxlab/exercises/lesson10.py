"""Exercises of lesson 10: attitude meets behaviour (retail_omnichannel + transactions)."""

from __future__ import annotations

from functools import cache

from cxlab.exercises.registry import Exercise, register


@cache
def _data():
    from cxlab import datasets, loyalty
    from cxlab.survey import Survey

    raw = datasets.load("retail_omnichannel")
    survey = Survey(
        raw, datasets.codebook("retail_omnichannel"), id_column="customer_id"
    ).reverse_code()
    scores = survey.scale_scores().set_index("customer_id")
    scores.columns = ["cons", "trust", "sat", "li"]
    counts = loyalty.purchase_counts(
        datasets.load("retail_transactions"), scores.index, amount="amount"
    )
    data = scores.join(counts)
    data["bought"] = data["bought"].astype(int)
    return data


def _spearman() -> float:
    d = _data()
    return float(d["li"].corr(d["purchases"], method="spearman"))


def _odds_ratio_li() -> float:
    from cxlab import loyalty

    m = loyalty.behaviour_model(_data(), "bought", ["sat", "li"], "logit", missing="drop")
    return float(m.table.loc["li", "ratio"])


def _spurious() -> int:
    from cxlab import loyalty

    d = _data()
    m = loyalty.loyalty_matrix(d["li"], d["purchases"], missing="drop")
    return int(m.cells.loc["spurious loyalty", "n"])


def _count_model() -> str:
    from cxlab import loyalty

    d = _data()
    aic = {
        f: loyalty.behaviour_model(d, "purchases", ["sat", "li"], f, missing="drop").stats["aic"]
        for f in ("poisson", "negbin")
    }
    return min(aic, key=aic.get)


register(
    Exercise(
        id="10.spearman_li",
        prompt="Spearman correlation between loyalty intention and the number of purchases?",
        solution=_spearman,
        wrong=lambda: 0.40,
        tol=0.005,
        hint="d['li'].corr(d['purchases'], method='spearman'); .40 is the simulation's latent "
        "correlation, not what the data show.",
        explanation="ρ = .26: stated loyalty intention and actual purchases go together, but "
        "far from perfectly — measurement error and habit dilute the latent .40.",
        prompt_zh="忠诚意向与购买次数之间的斯皮尔曼相关系数是多少？",
        hint_zh="d['li'].corr(d['purchases'], method='spearman')；.40 是模拟中的潜变量相关，不是"
        "数据所显示的。",
        explanation_zh="ρ = .26：说出来的忠诚意向与实际购买相伴随，但远不完美——测量误差和习惯冲淡"
        "了潜在的 .40。",
        worked="Section 2 correlates each scale with the number of purchases in 2025 by ranks "
        "(Spearman); take loyalty intention's:\n\n"
        '```python\nrho = d[["cons", "trust", "sat", "li"]].corrwith(d["purchases"], '
        'method="spearman")\nround(rho["li"], 3)  # 0.261\n```\n\n'
        "ρ = .261: stated loyalty and actual buying go together, but far from perfectly. .40 is "
        "the simulation's latent correlation; the measured data show less.",
        worked_zh="第 2 节按秩（斯皮尔曼）计算每个量表与 2025 年购买次数的相关；取忠诚意向那一个："
        "\n\n"
        '```python\nrho = d[["cons", "trust", "sat", "li"]].corrwith(d["purchases"], '
        'method="spearman")\nround(rho["li"], 3)  # 0.261\n```\n\n'
        "ρ = .261：说出来的忠诚意向与实际购买相伴随，但远不完美。.40 是模拟中的潜变量相关；带有"
        "测量误差的数据显示的要弱一些。",
    )
)

register(
    Exercise(
        id="10.or_li",
        prompt="Odds ratio of repurchase per SD of loyalty intention, controlling satisfaction?",
        solution=_odds_ratio_li,
        wrong=lambda: 1.26,
        tol=0.01,
        hint="behaviour_model(d, 'bought', ['sat', 'li'], 'logit', missing='drop').table, row li, "
        "column ratio (1.26 is satisfaction's odds ratio on its own).",
        explanation="OR ≈ 1.45: one SD more loyalty intention goes with 45 % higher odds of "
        "buying again, while satisfaction adds nothing once intention is known (OR 1.03, p = .75).",
        prompt_zh="控制满意度之后，忠诚意向每增加一个标准差，重复购买的优势比是多少？",
        hint_zh="behaviour_model(d, 'bought', ['sat', 'li'], 'logit', missing='drop').table，li "
        "行，ratio 列（1.26 是满意度单独的优势比）。",
        explanation_zh="OR ≈ 1.45：忠诚意向每高一个标准差，再次购买的优势（odds）相应高 45 %；"
        "而一旦知道了意向，满意度就没有额外的贡献（OR 1.03，p = .75）。",
        worked="In a logistic regression the odds ratio is exp(coefficient); the predictors are "
        "standardized, so it is per SD. Read the row `li` of the model with both attitudes "
        "(section 3):\n\n"
        '```python\nm = logit["sat + li"]\nround(m.table.loc["li", "ratio"], 2)  # 1.45\n```\n\n'
        "OR = 1.45: one SD more loyalty intention goes with 45 % higher odds of buying again "
        "with satisfaction held fixed (an association in survey data, not an effect of changing "
        "intention) (satisfaction's OR is then 1.03). 1.26 is satisfaction's OR in "
        "the model without intention.",
        worked_zh="在逻辑回归中，优势比就是 exp(系数)；预测变量已经标准化，所以它是按一个标准差计算"
        "的。读出同时包含两种态度的模型（第 3 节）中 `li` 这一行：\n\n"
        '```python\nm = logit["sat + li"]\nround(m.table.loc["li", "ratio"], 2)  # 1.45\n```\n\n'
        "OR = 1.45：在满意度保持不变时，忠诚意向每高一个标准差，再次购买的优势相应高 45 %"
        "（这是调查数据中的关联，不是改变意向的效果；此时满意度的 OR 为 1.03）。"
        "1.26 是不含意向的模型中满意度的优势比。",
    )
)

register(
    Exercise(
        id="10.spurious",
        prompt="How many customers fall in the spurious-loyalty cell (median splits)?",
        solution=_spurious,
        wrong=lambda: 388,
        hint="loyalty_matrix(d['li'], d['purchases'], missing='drop').cells; 388 is the "
        "simulation's latent count, not the observed one.",
        explanation="425 customers buy often although their stated loyalty is below the "
        "median — almost half of them are NPS detractors: revenue that habit, not attitude, "
        "holds.",
        prompt_zh="按中位数划分时，虚假忠诚这一格有多少名客户？",
        hint_zh="loyalty_matrix(d['li'], d['purchases'], missing='drop').cells；388 是模拟中潜在"
        "的人数，不是观察到的人数。",
        explanation_zh="425 名客户购买频繁，说出来的忠诚度却低于中位数——其中将近一半是净推荐值的"
        "贬损者：这部分收入靠习惯而不是态度维系。",
        worked="Spurious loyalty is the cell of customers who buy often although their loyalty "
        "intention is below the median. Count it in the observed matrix of section 5:\n\n"
        '```python\nmatrix = loyalty.loyalty_matrix(d["li"], d["purchases"], missing="drop")\n'
        'matrix.cells.loc["spurious loyalty", "n"]  # 425\n```\n\n'
        "425 customers: frequent buying without the stated attitude. 388 is the count in the "
        "simulation's latent truth (`truth`), not in the observed data.",
        worked_zh="虚假忠诚这一格是购买频繁、忠诚意向却低于中位数的客户。在第 5 节观察到的矩阵中数"
        "一数：\n\n"
        '```python\nmatrix = loyalty.loyalty_matrix(d["li"], d["purchases"], missing="drop")\n'
        'matrix.cells.loc["spurious loyalty", "n"]  # 425\n```\n\n'
        "425 名客户：购买频繁，却没有说出来的那种态度。388 是模拟中潜在真相（`truth`）里的人数，"
        "不是观察数据中的人数。",
    )
)

register(
    Exercise(
        id="10.count_model",
        prompt="Which count model fits the number of purchases better: 'poisson' or 'negbin'?",
        kind="text",
        synonyms={
            "negative binomial": "negbin",
            "nb": "negbin",
            "negbinomial": "negbin",
            "负二项": "negbin",
            "负二项回归": "negbin",
            "负二项模型": "negbin",
            "负二项分布": "negbin",
            "负二项回归模型": "negbin",
            "negative binomial regression": "negbin",
            "negative binomial model": "negbin",
            "泊松": "poisson",
            "泊松回归": "poisson",
            "泊松模型": "poisson",
            "poisson regression": "poisson",
            "poisson model": "poisson",
        },
        solution=_count_model,
        wrong=lambda: "poisson",
        hint="Compare .stats['aic'] of both models (lower is better) and the Poisson model's "
        "dispersion.",
        explanation="The negative binomial (AIC ≈ 12,166 vs 18,785): purchase counts vary "
        "6 times more than a Poisson model allows, so its standard errors would be far too "
        "small.",
        prompt_zh="哪个计数模型对购买次数的拟合更好：'poisson' 还是 'negbin'？",
        hint_zh="比较两个模型的 .stats['aic']（越低越好），并看泊松模型的离散度。",
        explanation_zh="负二项模型（AIC ≈ 12,166，泊松模型为 18,785）：购买次数的波动是泊松模型所"
        "允许的 6 倍，所以泊松模型给出的标准误会严重偏小。",
        worked="Compare the AIC of the two count models of section 4 — lower is better — and "
        "look at the Poisson model's dispersion:\n\n"
        '```python\naic = pd.Series({family: m.stats["aic"] for family, m in counts.items()})\n'
        "print(aic.round(1))\naic.idxmin()  # 'negbin'\n```\n\n"
        "The negative binomial: AIC 12,165.9 against 18,784.6. The Poisson model's dispersion is "
        "6.4 where it should be about 1, so its standard errors are far too small.",
        worked_zh="比较第 4 节两个计数模型的 AIC（越低越好），再看泊松模型的离散度：\n\n"
        '```python\naic = pd.Series({family: m.stats["aic"] for family, m in counts.items()})\n'
        "print(aic.round(1))\naic.idxmin()  # 'negbin'\n```\n\n"
        "负二项模型：AIC 为 12,165.9，泊松模型为 18,784.6。泊松模型的离散度是 6.4，本应在 1 左"
        "右，所以它的标准误严重偏小。",
    )
)


@cache
def _growth():
    from cxlab import datasets, sem

    data = datasets.load("satisfaction_waves")
    model = datasets.resource("satisfaction_waves")["simulation"]["model"]
    return sem.growth(model, data, missing="fiml")


def _growth_slope() -> float:
    est = _growth().estimates()
    return float(est.loc[(est["lhs"] == "s") & (est["op"] == "~1"), "est"].iloc[0])


register(
    Exercise(
        id="10.growth_slope",
        prompt="With FIML, how many points per quarter does a non-member's satisfaction change "
        "on average (s ~1)?",
        solution=_growth_slope,
        wrong=lambda: -0.08,
        tol=0.002,
        hint="The row 's ~1' of the growth model's estimates in section 7 (missing='fiml'); "
        "−0.08 is the simulation's true value, not the estimate.",
        explanation="−0.087 points per quarter (95 % CI [−0.126, −0.047]): a non-member's "
        "satisfaction slides about a quarter of a point from Q1 to Q4, while members gain "
        "0.045 a quarter (−0.087 + 0.132).",
        prompt_zh="用 FIML 估计时，非会员的满意度平均每个季度变化多少分（s ~1）？",
        hint_zh="第 7 节增长模型估计值中的 's ~1' 一行（missing='fiml'）；−0.08 是模拟中的真值，"
        "不是估计值。",
        explanation_zh="每个季度 −0.087 分（95 % 置信区间 [−0.126, −0.047]）："
        "从第一季度到第四季度，非会员的满意度下滑约四分之一分，"
        "而会员每个季度上升 0.045 分（−0.087 + 0.132）。",
        worked="`s ~1` is the mean of the slope factor for non-members (member = 0), in points "
        "per quarter. Read it from the FIML fit `lgc` of section 7:\n\n"
        '```python\nest = by_name(lgc)\nround(est.loc["s ~1", "est"], 3)  # -0.087\n```\n\n'
        "−0.087 points per quarter, 95 % CI [−0.126, −0.047]; members change by −0.087 + 0.132 "
        "= +0.045. −0.08 is the simulation's true value, not the estimate.",
        worked_zh="`s ~1` 是非会员（member = 0）斜率因子的均值，单位是每个季度的分数。从第 7 节的 "
        "FIML 拟合 `lgc` 中读出：\n\n"
        '```python\nest = by_name(lgc)\nround(est.loc["s ~1", "est"], 3)  # -0.087\n```\n\n'
        "每个季度 −0.087 分，95 % 置信区间 [−0.126, −0.047]；会员每个季度变化 −0.087 + 0.132 = "
        "+0.045 分。−0.08 是模拟中的真值，不是估计值。",
    )
)
