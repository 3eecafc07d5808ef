"""Exercises of lesson 10: attitude meets behaviour (retail_omnichannel + transactions)."""

from __future__ import annotations

from functools import cache

from cxlab.exercises.lesson00b import OPTION_WORDS
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


# --- Self-assessment: the key ideas of the lesson, one letter each ------------------------------


def _answer_cell(exercise_id: str, letter: str) -> str:
    """The code block of a worked self-assessment answer: the letter, checked."""
    return f'```python\nanswer = "{letter}"\ncx.check("{exercise_id}", answer)\n```'


register(
    Exercise(
        id="10.sa1",
        prompt="Alone, satisfaction predicts repurchase (odds ratio 1.26 per SD); next to loyalty "
        "intention its odds ratio is 1.03 (CI [0.88, 1.20]). What do these data say? (a) "
        "satisfaction does not matter for repurchase: stop measuring it; (b) the two models "
        "contradict each other, so one of them is wrong; (c) satisfaction goes with repurchase "
        "through loyalty intention: given intention, it adds nothing; (d) satisfaction is the "
        "strongest driver of repurchase",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "c",
        wrong=lambda: "a",
        hint="Section 3 compares the model with satisfaction alone and the model with both "
        "attitudes; the Concepts say how the data were simulated.",
        explanation="(c). Satisfaction drives intention and intention drives buying, so once "
        "intention is in the model satisfaction has nothing left to add. (a) forgets the first "
        "link of the chain: without satisfaction there is less intention.",
        prompt_zh="单独使用时，满意度能预测重复购买（每个标准差的优势比为 1.26）；与忠诚意向一起放"
        "进模型后，它的优势比为 1.03（置信区间 [0.88, 1.20]）。这些数据说明了什么？(a) 满意度对重复"
        "购买无关紧要：别再测量它了；(b) 两个模型相互矛盾，其中必有一个是错的；(c) 满意度通过忠诚意"
        "向与重复购买相联系：在忠诚意向给定时，它不再增加任何东西；(d) 满意度是重复购买最强的驱动因"
        "素",
        hint_zh="第 3 节比较了只含满意度的模型和同时含两种态度的模型；核心概念部分说明了数据是怎样"
        "模拟的。",
        explanation_zh="(c)。满意度推动忠诚意向，忠诚意向推动购买，所以忠诚意向一进入模型，满意度就"
        "没有什么可以再增加的了。(a) 忘了这条链的第一环：没有满意度，忠诚意向也会更少。",
        worked="Both models are right about different questions. Alone, satisfaction carries what "
        "it shares with intention (OR 1.26); next to intention it adds nothing (OR 1.03, CI [0.88, "
        "1.20]) — the pattern of an effect that runs *through* intention, which is how the data "
        "were simulated:\n\n"
        + _answer_cell("10.sa1", "c")
        + "\n\nDropping satisfaction (a) would cut the first link of the chain: it is what raises "
        "intention. These are associations in simulated data, not effects measured in an "
        "experiment.",
        worked_zh="两个模型回答的是不同的问题，都没有错。单独使用时，满意度带着它与忠诚意向共有的那"
        "部分（优势比 1.26）；与忠诚意向并列时，它不再增加任何东西（优势比 1.03，置信区间 [0.88, "
        "1.20]）——这正是效应*通过*忠诚意向起作用时的样子，数据也是这样模拟的：\n\n"
        + _answer_cell("10.sa1", "c")
        + "\n\n放弃满意度 (a) 等于砍掉这条链的第一环：正是满意度提高了忠诚意向。这些是模拟数据中的"
        "关联，不是在实验中测得的效应。",
    )
)

register(
    Exercise(
        id="10.sa2",
        prompt="The Poisson model of the purchase counts has a dispersion of 6.4. What follows? "
        "(a) nothing to worry about: its coefficients are close to the negative binomial's, so its "
        "p values can be trusted; (b) the counts vary far more than Poisson assumes (variance = "
        "mean): its standard errors are too small — use the negative binomial model; (c) customers "
        "buy 6.4 times a year on average; (d) the model has too many predictors",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "b",
        wrong=lambda: "a",
        hint="Section 4, and the Concepts' paragraph on models, say what Poisson assumes about the "
        "variance of the counts.",
        explanation="(b). Poisson assumes variance = mean; a dispersion of 6.4 makes its standard "
        "errors about √6.4 ≈ 2.5 times too small, so its p values are far too optimistic (a). The "
        "negative binomial adds a dispersion parameter, fits far better (lower AIC) and gives "
        "honest standard errors.",
        prompt_zh="购买次数的泊松回归模型的离散度为 6.4。由此可知什么？(a) 不必担心：它的系数与负二"
        "项回归的很接近，所以它的 p 值可以相信；(b) 购买次数的变异远大于泊松模型的假定（方差 = 均"
        "值）：它的标准误太小——应当用负二项回归；(c) 客户平均每年购买 6.4 次；(d) 模型的预测变量太"
        "多",
        hint_zh="第 4 节以及核心概念中讲模型的那一段，说明了泊松模型对购买次数的方差作何假定。",
        explanation_zh="(b)。泊松模型假定方差 = 均值；离散度为 6.4，意味着它的标准误小了大约 √6.4 "
        "≈ 2.5 倍，所以它的 p 值过于乐观 (a)。负二项回归加了一个离散参数，拟合得好得多（AIC 更"
        "低），给出的标准误也如实可信。",
        worked="Purchase counts are overdispersed: in section 1 the variance (51.8) was seven "
        "times the mean. Poisson assumes they are equal, so its standard errors are too small by "
        "about √6.4 ≈ 2.5:\n\n"
        + _answer_cell("10.sa2", "b")
        + "\n\nSimilar coefficients (a) do not rescue the p values: it is the standard errors that "
        "are wrong. The negative binomial model fits far better (AIC 12,166 against 18,785).",
        worked_zh="购买次数存在过度离散：第 1 节中方差（51.8）是均值的七倍。泊松模型假定二者相等，"
        "所以它的标准误小了大约 √6.4 ≈ 2.5 倍：\n\n"
        + _answer_cell("10.sa2", "b")
        + "\n\n系数相近 (a) 救不了 p 值：错的是标准误。负二项回归拟合得好得多（AIC 为 12,166，泊松"
        "模型为 18,785）。",
    )
)

register(
    Exercise(
        id="10.sa3",
        prompt="In Dick & Basu's loyalty matrix, who are the spurious loyals? (a) customers with a "
        "high attitude who buy little — they like the firm, but something stops them; (b) "
        "customers who say in the survey that they are loyal but do not mean it; (c) customers "
        "with a high attitude who buy often; (d) customers with a low attitude who buy often — "
        "held by habit, convenience or lack of an alternative, not by attachment",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "d",
        wrong=lambda: "a",
        hint="The table in the Concepts crosses relative attitude with repeat purchasing.",
        explanation="(d). Spurious loyalty is frequent buying without attachment; (a) describes "
        "latent loyalty, (c) true loyalty. (b) confuses 'spurious' with insincere answers: the "
        "cell is defined by attitude and behaviour.",
        prompt_zh="在 Dick & Basu 的忠诚矩阵中，哪些客户属于虚假忠诚？(a) 态度积极却很少购买的客"
        "户——他们喜欢这家企业，但有什么东西阻止了他们；(b) 在问卷中声称忠诚、其实言不由衷的客户；"
        "(c) 态度积极、购买频繁的客户；(d) 态度消极却购买频繁的客户——留住他们的是习惯、便利或别无选"
        "择，而不是依恋",
        hint_zh="核心概念中的那张表把相对态度与重复购买交叉起来。",
        explanation_zh="(d)。虚假忠诚是没有依恋的频繁购买；(a) 描述的是潜在忠诚，(c) 是真正忠诚。"
        "(b) 把“虚假”理解成了言不由衷的回答：这一格是由态度和行为界定的。",
        worked="Dick & Basu cross attitude (high / low) with repeat purchasing (high / low). Low "
        "attitude with frequent buying is spurious loyalty: the customer stays for habit, "
        "convenience or want of an alternative, and may leave when a competitor makes it easy:\n\n"
        + _answer_cell("10.sa3", "d")
        + "\n\n(a) is latent loyalty — the opposite cell. In section 6 the spurious loyals buy 11 "
        "times a year, yet almost half of them are detractors.",
        worked_zh="Dick & Basu 把态度（高 / 低）与重复购买（多 / 少）交叉起来。态度消极而购买频繁，"
        "就是虚假忠诚：客户留下来是出于习惯、便利或别无选择，竞争对手一旦让转换变得容易，他们就可能"
        "离开：\n\n"
        + _answer_cell("10.sa3", "d")
        + "\n\n(a) 是潜在忠诚——正好是对角的那一格。在第 6 节中，虚假忠诚客户一年购买 11 次，其中却"
        "有将近一半是贬损者。",
    )
)

register(
    Exercise(
        id="10.sa4",
        prompt="In the growth model, members' satisfaction slope is 0.132 points per quarter "
        "higher than non-members'. What can you conclude? (a) members' satisfaction develops "
        "better than non-members'; members chose to join, so this does not show that the programme "
        "causes it; (b) the programme raises satisfaction by 0.132 points per quarter: enrol more "
        "customers to stop the decline; (c) nothing, because the difference is not statistically "
        "significant; (d) members start lower and catch up",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "a",
        wrong=lambda: "b",
        hint="The end of section 7, 'What the model cannot say', is about who joins the programme.",
        explanation="(a). Membership was not randomised: members may shop more, live nearer a "
        "store or like the retailer more to begin with. (b) reads an association as the "
        "programme's effect; a randomised invitation to join would separate the two.",
        prompt_zh="在增长模型中，会员满意度的斜率比非会员每季度高 0.132 分。可以得出什么结论？(a) "
        "会员的满意度比非会员发展得好；但会员是自己选择加入的，所以这并不能说明是忠诚度计划造成的；"
        "(b) 忠诚度计划使满意度每季度提高 0.132 分：多招募会员就能止住下滑；(c) 什么也得不出，因为"
        "这个差异不是统计显著的；(d) 会员起点较低，后来追了上来",
        hint_zh="第 7 节末尾“模型说不出什么”一段，讲的是谁会加入忠诚度计划。",
        explanation_zh="(a)。会员身份不是随机分配的：会员也许购物更多、住得离门店更近，或者本来就更"
        "喜欢这家零售商。(b) 把关联读成了计划的效应；随机邀请客户加入，才能把两者分开。",
        worked="The slope difference is clear (CI [0.075, 0.188]), so (c) is wrong, and members "
        "start higher, not lower (d). But customers chose to join, and members may differ from "
        "non-members in other ways:\n\n"
        + _answer_cell("10.sa4", "a")
        + "\n\n(b) turns an association into the programme's effect. A randomised invitation to "
        "join, or a before-and-after comparison with similar customers who do not join, would show "
        "what the programme itself does.",
        worked_zh="斜率的差异很明确（置信区间 [0.075, 0.188]），所以 (c) 不对；会员的起点更高而不是"
        "更低 (d)。但客户是自己选择加入的，会员可能在别的方面也与非会员不同：\n\n"
        + _answer_cell("10.sa4", "a")
        + "\n\n(b) 把关联变成了计划的效应。随机邀请客户加入，或者把客户加入前后的变化与不加入的类似"
        "客户相比较，才能说明计划本身的作用。",
    )
)

register(
    Exercise(
        id="10.sa5",
        prompt="Customers who left the panel were less satisfied from the start. Why does FIML "
        "land near the truth while listwise deletion puts the starting level more than 0.2 points "
        "too high? (a) FIML fills in each missing answer with the mean of its wave; (b) listwise "
        "deletion is always unbiased, only less precise; (c) listwise deletion keeps only the "
        "customers who answered every wave — the more satisfied ones; FIML uses every answer given "
        "and is right when drop-out depends only on what was observed; (d) FIML leaves out the "
        "customers who dropped out",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "c",
        wrong=lambda: "b",
        hint="Section 7 compares FIML and listwise deletion with the truth of the simulation.",
        explanation="(c). The complete cases describe the customers who stayed, not the customer "
        "base. (b) holds only if drop-out is unrelated to satisfaction, which it was not here. "
        "FIML fills in nothing (a); it can be wrong too if customers leave for reasons never "
        "recorded.",
        prompt_zh="退出这个固定样本的客户一开始就不太满意。为什么全信息最大似然估计（FIML）接近真实"
        "值，而成列删除把起始水平高估了 0.2 分以上？(a) FIML 用每一轮的均值填补缺失的答案；(b) 成列"
        "删除总是无偏的，只是不够精确；(c) 成列删除只保留每一轮都作答的客户——也就是更满意的那些；"
        "FIML 利用给出的每一个答案，只要退出只取决于观测到的信息，它就是对的；(d) FIML 把退出的客户"
        "排除在外",
        hint_zh="第 7 节把 FIML 和成列删除与模拟的真实值作了比较。",
        explanation_zh="(c)。完整作答的客户描述的是留下来的客户，而不是整个客户群。(b) 只有在退出与"
        "满意度无关时才成立，而这里并非如此。FIML 什么也不填补 (a)；如果客户因为从未记录的原因离"
        "开，FIML 也可能出错。",
        worked="Those who left started less satisfied (4.36 against 4.85), so the 513 customers "
        "who answered every wave are the happier ones, and listwise deletion puts the start at "
        "4.83 against a true 4.60. FIML uses every answer, also the first ones of those who left:"
        "\n\n"
        + _answer_cell("10.sa5", "c")
        + "\n\nIt is right (apart from sampling error) when drop-out depends only on what was "
        "observed — missing at random. Say so when you report it.",
        worked_zh="退出的客户起点就不太满意（4.36，而留下的为 4.85），所以每一轮都作答的 513 名客户"
        "是更满意的那些，成列删除把起点估为 4.83，而真实值是 4.60。FIML 利用每一个答案，包括退出者"
        "最初的那些答案：\n\n"
        + _answer_cell("10.sa5", "c")
        + "\n\n当退出只取决于观测到的信息（随机缺失）时，它是对的（抽样误差除外）。报告时要说明这一"
        "点。",
    )
)
