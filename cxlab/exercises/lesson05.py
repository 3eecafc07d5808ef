"""Exercises of lesson 05: structural equation models of satisfaction → loyalty."""

from __future__ import annotations

from cxlab.exercises.case_airline import MOT_SYNONYMS
from cxlab.exercises.lesson00b import OPTION_WORDS
from cxlab.exercises.registry import Exercise, register

MOTS = ["mot_booking", "mot_checkin", "mot_boarding", "mot_crew", "mot_meal", "mot_arrival"]


def _airline(with_effort_path: bool):
    from cxlab import datasets, sem

    effort = " + ces" if with_effort_path else ""
    model = f"sat_overall ~ {' + '.join(MOTS)}{effort}\nnps_score ~ sat_overall + ces"
    return sem.fit(model, datasets.load("airline_mot"))


def _rmsea() -> float:
    return float(_airline(False).fit_indices()["rmsea"])


def _r2_sat() -> float:
    r2 = _airline(True).r2().set_index("variable")["r2"]
    return float(r2["sat_overall"])


def _top_mot() -> str:
    eff = _airline(True).effects()
    total = eff[(eff["to"] == "nps_score") & (eff["effect"] == "total")]
    total = total[total["from"].isin(MOTS)]
    return str(total.loc[total["std_all"].idxmax(), "from"])


def _indirect_trust() -> float:
    from cxlab import datasets, sem
    from cxlab.survey import Survey

    retail = Survey(
        datasets.load("retail_omnichannel"),
        datasets.codebook("retail_omnichannel"),
        id_column="customer_id",
    ).reverse_code()
    from cxlab.exercises.case_retail import MODEL  # the retail case's structural model

    eff = sem.fit(MODEL, retail.data, missing="fiml").effects()
    row = eff[(eff["effect"] == "indirect") & (eff["from"] == "TRUST") & (eff["to"] == "LI")]
    return float(row["std_all"].iloc[0])


def _chisq_mlr() -> float:
    from cxlab import datasets, sem

    model = f"sat_overall ~ {' + '.join(MOTS)} + ces\nnps_score ~ sat_overall + ces"
    fit = sem.fit(model, datasets.load("airline_mot"), estimator="MLR")
    return float(fit.fit_measures["chisq_scaled"])


def _ml_coverage() -> float:
    from cxlab import datasets

    stored = datasets.load("estimator_study").set_index(["n", "estimator"])
    return float(stored.loc[(500, "ML"), "coverage_loadings"])


register(
    Exercise(
        id="05.rmsea",
        prompt="RMSEA of the airline path model A (no path from effort to satisfaction)?",
        solution=_rmsea,
        wrong=lambda: 0.059,
        tol=0.001,
        hint="fit_a.fit_indices()['rmsea'] — not SRMR, which happens to look fine.",
        explanation="RMSEA = .209, far above .06: model A misses something (effort → "
        "satisfaction), although its SRMR (.059) looks acceptable.",
        prompt_zh="航空公司路径模型 A（没有费力度 → 满意度的路径）的 RMSEA 是多少？",
        hint_zh="fit_a.fit_indices()['rmsea']——不是 SRMR，SRMR 碰巧看起来还不错。",
        explanation_zh="RMSEA = .209，远高于 .06：模型 A 漏掉了什么（费力度 → 满意度），尽管它的 "
        "SRMR（.059）看起来可以接受。",
        worked="Read RMSEA among model A's fit indices (section 1):\n\n"
        "```python\n"
        'fit_a.fit_indices()["rmsea"]  # 0.209\n'
        "```\n\n"
        "RMSEA = .209 [.190, .229], far above .06: model A misfits, and CFI (.861) and TLI "
        "(.703) agree. Not .059: that is SRMR, the one index that looks acceptable — and one "
        "index that passes does not rescue a model the others reject.",
        worked_zh="在模型 A 的拟合指数中读 RMSEA（第 1 节）：\n\n"
        "```python\n"
        'fit_a.fit_indices()["rmsea"]  # 0.209\n'
        "```\n\n"
        "RMSEA = .209 [.190, .229]，远高于 .06：模型 A 拟合不好，CFI（.861）和 TLI（.703）也这"
        "样说。不是 .059：那是 SRMR，唯一看上去还可以接受的指数——一个指数达标，救不了一个被其他"
        "指数否定的模型。",
    )
)

register(
    Exercise(
        id="05.r2_sat",
        prompt="R² of overall satisfaction in model B?",
        solution=_r2_sat,
        wrong=lambda: 0.519,
        tol=0.002,
        hint="fit_b.r2(), the row of sat_overall (model B, with effort → satisfaction).",
        explanation="R² = .647: the six moments of truth and effort explain about two thirds "
        "of the variance of overall satisfaction (model A's .519 lacked effort).",
        prompt_zh="模型 B 中总体满意度的 R² 是多少？",
        hint_zh="fit_b.r2()，sat_overall 一行（模型 B，含费力度 → 满意度）。",
        explanation_zh="R² = .647：六个关键时刻和费力度解释了总体满意度约三分之二的方差（模型 A "
        "没有费力度，只有 .519）。",
        worked="Model B (section 2) adds effort → satisfaction; its R² table has one row "
        "per outcome:\n\n"
        "```python\n"
        'r2 = fit_b.r2().set_index("variable")["r2"]\n'
        'r2["sat_overall"]  # 0.647\n'
        "```\n\n"
        "R² = .647: the six moments of truth and effort explain about two thirds of the "
        "variance of overall satisfaction. Not .519, which is model A's R² "
        "(`fit_a.r2()`), without the effort path.",
        worked_zh="模型 B（第 2 节）增加了费力度 → 满意度；它的 R² 表中每个结果变量占一行：\n\n"
        "```python\n"
        'r2 = fit_b.r2().set_index("variable")["r2"]\n'
        'r2["sat_overall"]  # 0.647\n'
        "```\n\n"
        "R² = .647：六个关键时刻和费力度解释了总体满意度约三分之二的方差。不是 .519——那是没有"
        "费力度路径的模型 A 的 R²（`fit_a.r2()`）。",
    )
)

register(
    Exercise(
        id="05.top_mot",
        prompt="Which moment of truth has the largest standardized total effect on NPS in model B?",
        kind="text",
        synonyms=MOT_SYNONYMS,  # crew, 乘务组, 空乘, 机组服务 … (the airline case's names)
        solution=_top_mot,
        wrong=lambda: "mot_arrival",
        hint="fit_b.effects(): rows with to == 'nps_score' and effect == 'total', "
        "largest std_all among the mot_ columns.",
        explanation="The cabin crew (std. total effect .19): in model B, the moment of truth "
        "where service staff meet the passenger for hours has the largest association with NPS "
        "(a survey cannot show that improving it would raise NPS: that needs a test).",
        prompt_zh="在模型 B 中，哪个关键时刻对 NPS 得分的标准化总效应最大？",
        hint_zh="fit_b.effects()：to == 'nps_score' 且 effect == 'total' 的各行中，mot_ 各列里 "
        "std_all 最大的那个。",
        explanation_zh="乘务组（标准化总效应 .19）：在模型 B 中，服务人员陪伴乘客好几个小时的这个"
        "关键时刻与净推荐值的关联最强（调查数据不能证明改进它就会提高净推荐值，那需要实验检验）。",
        worked="Take model B's total effects on `nps_score` (section 3), keep the six moments "
        "of truth and find the largest `std_all`:\n\n"
        "```python\n"
        "eff_b = fit_b.effects()\n"
        'totals = eff_b[(eff_b["to"] == "nps_score") & (eff_b["effect"] == "total")]\n'
        'moments = totals[totals["from"].isin(mots)]\n'
        'moments.loc[moments["std_all"].idxmax(), "from"]  # \'mot_crew\'\n'
        "```\n\n"
        "The crew: standardized total effect .191 (0.53 NPS points per rating point), "
        "ahead of arrival (.147). The sorted table of section 3 starts with `sat_overall` "
        "(.805) and `ces` (.371): neither is a moment of truth.",
        worked_zh="取模型 B 中对 `nps_score` 的总效应（第 3 节），只留下六个关键时刻，找出 "
        "`std_all` 最大的一个：\n\n"
        "```python\n"
        "eff_b = fit_b.effects()\n"
        'totals = eff_b[(eff_b["to"] == "nps_score") & (eff_b["effect"] == "total")]\n'
        'moments = totals[totals["from"].isin(mots)]\n'
        'moments.loc[moments["std_all"].idxmax(), "from"]  # \'mot_crew\'\n'
        "```\n\n"
        "乘务组：标准化总效应 .191（评分每高 1 分，推荐可能性高 0.53 分），领先于到达（.147）。第 "
        "3 节排好序的表中，排在最前面的是 `sat_overall`（.805）和 `ces`（.371）：它们都不是关键"
        "时刻。",
    )
)

register(
    Exercise(
        id="05.indirect_trust",
        prompt="Standardized indirect effect of TRUST on LI through SAT in the retail SEM?",
        solution=_indirect_trust,
        wrong=lambda: 0.210,
        tol=0.002,
        hint="sem.effects(): effect == 'indirect', from TRUST to LI, column std_all.",
        explanation="About .23 — larger than trust's direct effect on loyalty intention "
        "(.21): half of what trust does for loyalty runs through satisfaction.",
        prompt_zh="在零售结构方程模型中，TRUST 经由 SAT 对 LI 的标准化间接效应是多少？",
        hint_zh="sem.effects()：effect == 'indirect'、从 TRUST 到 LI 的那一行，std_all 列。",
        explanation_zh="约 .23——比信任对忠诚意向的直接效应（.21）还大：信任对忠诚的作用有一半经由"
        "满意度。",
        worked="`effects()` of the retail SEM (section 4) lists TRUST → LI as direct, "
        "indirect (via SAT) and total:\n\n"
        "```python\n"
        "eff = sem.effects()\n"
        'trust_li = eff[(eff["from"] == "TRUST") & (eff["to"] == "LI")].set_index("effect")\n'
        'trust_li.loc["indirect", "std_all"]  # 0.232\n'
        "```\n\n"
        "β = .232 = .429 × .540, the standardized paths TRUST → SAT and SAT → LI. It is "
        "larger than the direct effect (.210): about half of trust's total effect (.441) "
        "runs through satisfaction.",
        worked_zh="零售结构方程模型（第 4 节）的 `effects()` 把 TRUST → LI 分成直接效应、间接效应"
        "（经由 SAT）和总效应：\n\n"
        "```python\n"
        "eff = sem.effects()\n"
        'trust_li = eff[(eff["from"] == "TRUST") & (eff["to"] == "LI")].set_index("effect")\n'
        'trust_li.loc["indirect", "std_all"]  # 0.232\n'
        "```\n\n"
        "β = .232 = .429 × .540，即 TRUST → SAT 与 SAT → LI 两条标准化路径的乘积。它比直接效应"
        "（.210）还大：信任的总效应（.441）约有一半经由满意度。",
    )
)

register(
    Exercise(
        id="05.chisq_mlr",
        prompt="Model B refitted with MLR: its Yuan–Bentler scaled χ²?",
        solution=_chisq_mlr,
        wrong=lambda: 5.675,
        tol=0.05,
        hint="fit_b_mlr.fit_measures['chisq_scaled'] — not 'chisq', which is still ML's χ².",
        explanation="χ² scaled = 5.0 (ML's 5.7 divided by the scaling factor 1.144): the "
        "skewed items make ML's χ² a little too large; the model fits either way.",
        prompt_zh="用 MLR 重新拟合的模型 B：它的 Yuan–Bentler 校正 χ² 是多少？",
        hint_zh="fit_b_mlr.fit_measures['chisq_scaled']——不是 'chisq'，那仍然是 ML 的 χ²。",
        explanation_zh="校正 χ² = 5.0（ML 的 5.7 除以校正因子 1.144）：偏态的题项让 ML 的 χ² 略微"
        "偏大；无论用哪一个，模型都拟合良好。",
        worked='Section 7 refits model B with `estimator="MLR"`; the scaled statistic is '
        "among its fit measures:\n\n"
        "```python\n"
        'fit_b_mlr = cx.sem.fit(model_b, air, estimator="MLR")\n'
        'fit_b_mlr.fit_measures["chisq_scaled"]  # 4.96\n'
        "```\n\n"
        "χ² scaled = 4.96 ≈ 5.0 on 6 df (p = .55): ML's χ² 5.67 divided by the Yuan–Bentler "
        "scaling factor 1.144. Not 5.7: `chisq` in an MLR fit is still the ML statistic, "
        "reported next to the scaled one as lavaan does.",
        worked_zh='第 7 节用 `estimator="MLR"` 重新拟合了模型 B；'
        "校正后的统计量在它的拟合指标中：\n\n"
        "```python\n"
        'fit_b_mlr = cx.sem.fit(model_b, air, estimator="MLR")\n'
        'fit_b_mlr.fit_measures["chisq_scaled"]  # 4.96\n'
        "```\n\n"
        "校正 χ² = 4.96 ≈ 5.0，自由度 6（p = .55）：即 ML 的 χ² 5.67 除以 Yuan–Bentler 校正因子 "
        "1.144。不是 5.7：MLR 拟合中的 `chisq` 仍然是 ML 的统计量，和 lavaan 一样与校正后的统计量"
        "并列报告。",
    )
)

register(
    Exercise(
        id="05.ml_coverage",
        prompt="In the stored study (estimator_study), the mean coverage of ML's 95 % CIs of the "
        "loadings at n = 500?",
        solution=_ml_coverage,
        wrong=lambda: 0.951,
        tol=0.001,
        hint="stored: the row with n == 500 and estimator == 'ML', column coverage_loadings.",
        explanation="About .928: ML's intervals miss the truth in about 7 % of the samples, not "
        "5 %, and more data do not repair them (.922 at n = 200); MLR's cover .951 at n = 500.",
        prompt_zh="在保存下来的研究（estimator_study）中，n = 500 时 ML 的载荷 95% 置信区间的"
        "平均覆盖率是多少？",
        hint_zh="stored 中 n == 500 且 estimator == 'ML' 的那一行，coverage_loadings 列。",
        explanation_zh="约 .928：ML 的置信区间在约 7% 的样本中没有包含真值，而不是 5%；"
        "数据多了也没有改善（n = 200 时为 .922）；MLR 在 n = 500 时的覆盖率为 .951。",
        worked="Section 7 loads the study with 1,000 replications per sample size:\n\n"
        "```python\n"
        'stored = cx.datasets.load("estimator_study").set_index(["n", "estimator"])\n'
        'stored.loc[(500, "ML"), "coverage_loadings"]  # 0.928\n'
        "```\n\n"
        "ML's 95 % CIs of the six loadings contain the truth (the loadings of the 5-point scores) "
        "in 92.8 % of the samples on average — too narrow, and no better than at n = 200 (.922). "
        "Not .951: that is MLR, the same estimates with robust standard errors.",
        worked_zh="第 7 节载入了每个样本量重复 1,000 次的研究结果：\n\n"
        "```python\n"
        'stored = cx.datasets.load("estimator_study").set_index(["n", "estimator"])\n'
        'stored.loc[(500, "ML"), "coverage_loadings"]  # 0.928\n'
        "```\n\n"
        "平均而言，ML 对六个载荷给出的 95% 置信区间只在 92.8% 的样本中包含真值（5 点得分的载荷）"
        "——区间太窄，而且并不比 n = 200 时（.922）好。不是 .951：那是 MLR，估计值相同，只是用了稳健"
        "标准误。",
    )
)

# --- Self-assessment: the lesson's key ideas, one letter each (cx.self_assessment) ---

register(
    Exercise(
        id="05.sa1",
        prompt="Model A: SRMR .059 meets its cut-off (≤ .08), but CFI .861, TLI .703 and RMSEA "
        ".209 miss theirs. What do you report? (a) the model fits: one index within its "
        "cut-off is enough; (b) the model fits, because χ² always rejects with 1,000 "
        "respondents; (c) the model does not fit: one index that passes does not rescue a "
        "model the others reject; (d) drop the indices that fail and report SRMR",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "c",
        wrong=lambda: "a",
        hint="Practice, section 1, and the paragraph on fit in Concepts.",
        explanation="(c). Read χ² with CFI, TLI, RMSEA and SRMR, never one index alone: here "
        "χ² and three approximate indices reject model A, and section 2 finds the missing "
        "path (effort → satisfaction). (a) and (d) pick the index that flatters the model — "
        "the reason reviewers ask for all of them; (b) with large samples χ² rejects even "
        "trivial misfit, which is why the approximate indices are read too, and here they "
        "reject as well.",
        prompt_zh="模型 A 的 SRMR 为 .059，达到了它的临界值（≤ .08），而 CFI .861、TLI .703 和 "
        "RMSEA .209 都没有达到各自的临界值。你该怎样报告？(a) 模型拟合良好：有一个指数达标就够了；"
        "(b) 模型拟合良好，因为有 1,000 名受访者时 χ² 总会拒绝；(c) 模型拟合不佳：一个达标的指数"
        "救不了被其他指数拒绝的模型；(d) 删掉没有达标的指数，只报告 SRMR",
        hint_zh="动手练习第 1 节，以及基本概念中讲拟合的那一段。",
        explanation_zh="(c)。χ² 要和 CFI、TLI、RMSEA、SRMR 一起看，绝不能只看一个指数：这里 χ² 和"
        "三个近似拟合指数都拒绝了模型 A，第 2 节也找到了漏掉的那条路径（费力度 → 满意度）。(a) 和 "
        "(d) 挑的是让模型好看的那个指数——这正是审稿人要求报告全部指数的原因；(b) 样本很大时，χ² "
        "连微不足道的偏差也会拒绝，所以才要同时看近似拟合指数，而这里它们同样拒绝了模型。",
        worked="Section 1 prints all the indices of model A:\n\n"
        "```python\n"
        'fit_a.fit_indices()[["chisq", "df", "cfi", "tli", "rmsea", "srmr"]]\n'
        'answer = "c"\ncx.check("05.sa1", answer)\n```\n\n'
        "χ²(7) = 312.7 rejects it; CFI .861 and TLI .703 lie far below .95, RMSEA .209 far "
        "above .06. SRMR .059 alone looks acceptable, and one index does not rescue a model "
        "the others reject — model B, with effort → satisfaction, fits on every index.",
        worked_zh="第 1 节打印了模型 A 的全部指数：\n\n"
        "```python\n"
        'fit_a.fit_indices()[["chisq", "df", "cfi", "tli", "rmsea", "srmr"]]\n'
        'answer = "c"\ncx.check("05.sa1", answer)\n```\n\n'
        "χ²(7) = 312.7 拒绝了它；CFI .861 和 TLI .703 远低于 .95，RMSEA .209 远高于 .06。只有 "
        "SRMR .059 看上去可以接受，而一个指数救不了被其他指数拒绝的模型——加上费力度 → 满意度的模"
        "型 B 在每个指数上都拟合良好。",
    )
)

register(
    Exercise(
        id="05.sa2",
        prompt="Why estimate the paths between latent variables rather than regress one scale "
        "mean on another? (a) latent paths are free of measurement error, and a regression of "
        "scale means would underestimate them; (b) scale means overstate the paths; (c) SEM "
        "needs fewer respondents than a regression; (d) paths between latent variables are "
        "causal",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "a",
        wrong=lambda: "d",
        hint="Practice, section 4: the paragraph after the structural paths.",
        explanation="(a). A scale mean keeps the measurement error of its items, and error in "
        "a predictor shrinks its regression weight towards 0; the latent model separates the "
        "error from the construct. (b) has the direction wrong; (c) sample size is not the "
        "point; (d) no estimator makes the associations of a survey causal — that takes a "
        "design (an experiment, or a before/after comparison with a control group).",
        prompt_zh="为什么要估计潜变量之间的路径，而不是用一个量表均值对另一个量表均值做回归？(a) 潜"
        "变量之间的路径不受测量误差影响，用量表均值做回归会低估这些路径；(b) 量表均值会高估路径；"
        "(c) 结构方程模型比回归需要更少的受访者；(d) 潜变量之间的路径就是因果关系",
        hint_zh="动手练习第 4 节：结构路径之后的那一段。",
        explanation_zh="(a)。量表均值保留了各题项的测量误差，而预测变量中的误差会让它的回归系数向 0"
        " 收缩；潜变量模型把误差与构念分开。(b) 方向说反了；(c) 问题不在样本量；(d) 没有哪种估计方"
        "法能让一次调查中的关联变成因果——那要靠研究设计（做实验，或者设有对照组的前后对比）。",
        worked="Section 4 fits consistency → trust → satisfaction → loyalty with latent "
        "variables and compares the paths with the values the data were simulated from; every "
        "standardized path is within .06 of the truth. The lesson's reason:\n\n"
        '```python\nanswer = "a"\ncx.check("05.sa2", answer)\n```\n\n'
        "Structural paths between latent variables are free of measurement error; a regression "
        "of scale means would underestimate them, because the error the means keep weakens "
        "the association. Latent variables do not make a path causal (d).",
        worked_zh="第 4 节用潜变量拟合了一致性 → 信任 → 满意度 → 忠诚，并把路径与模拟数据所用的真"
        "实值相比较；每条标准化路径与真实值的差距都在 .06 以内。本课给出的理由是：\n\n"
        '```python\nanswer = "a"\ncx.check("05.sa2", answer)\n```\n\n'
        "潜变量之间的结构路径不受测量误差影响；用量表均值做回归会低估它们，因为均值里保留的误差削"
        "弱了关联。潜变量并不能让一条路径变成因果关系 (d)。",
    )
)

register(
    Exercise(
        id="05.sa3",
        prompt="A modification index of 264 points to a path from effort to satisfaction. What "
        "do you do? (a) free it, then every parameter with an MI above 3.84, until the model "
        "fits; (b) add it only if it makes substantive sense, say so in the paper, and ideally "
        "confirm it on new data; (c) add it: an MI that large proves that effort causes "
        "satisfaction; (d) ignore it: modification indices are never useful",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "b",
        wrong=lambda: "a",
        hint="Practice, section 2: what the lesson says about freeing parameters because the "
        "data ask for them.",
        explanation="(b). An MI is the drop in χ² from freeing one parameter: a hint where the "
        "misfit is, not a recipe. This path also makes sense (passengers who had to struggle "
        "are less satisfied), so model B adds it and says so. (a) capitalises on chance "
        "(MacCallum, Roznowski & Necowitz 1992); (c) an MI is about fit, not about cause; (d) "
        "throws away the hint that found the missing path.",
        prompt_zh="一个大小为 264 的修正指数指向一条从费力度到满意度的路径。你该怎么做？(a) 放开它"
        "，然后放开每一个 MI 超过 3.84 的参数，直到模型拟合为止；(b) 只有在实质上说得通时才加上它，"
        "在论文中交代清楚，最好还能用新的数据加以验证；(c) 加上它：这么大的 MI 证明了费力度导致满意"
        "度；(d) 不理它：修正指数从来没有用",
        hint_zh="动手练习第 2 节：本课怎样评价“数据要求什么就放开什么参数”的做法。",
        explanation_zh="(b)。MI 是放开一个参数后 χ² 下降的幅度：它提示哪里拟合不好，而不是一份照做"
        "的处方。这条路径在实质上也说得通（费了很大力气的乘客，满意度会更低），所以模型 B 加上了"
        "它，并且交代清楚。(a) 等于是在利用偶然性（MacCallum, Roznowski & Necowitz 1992）；(c) MI "
        "说的是拟合，不是因果；(d) 丢掉了帮我们找到缺失路径的那条提示。",
        worked="Section 2 lists the largest modification indices of model A:\n\n"
        "```python\n"
        "fit_a.modification_indices().head(5)  # sat_overall ~ ces: mi 264.4\n"
        'answer = "b"\ncx.check("05.sa3", answer)\n```\n\n'
        "One candidate dominates, and it makes sense (Dixon, Freeman & Toman 2010), so model B "
        "adds it and the paper says so; confirming it on new data is better still. Freeing "
        "whatever the data ask for (a) capitalises on chance; an MI says nothing about cause "
        "(c).",
        worked_zh="第 2 节列出了模型 A 最大的几个修正指数：\n\n"
        "```python\n"
        "fit_a.modification_indices().head(5)  # sat_overall ~ ces: mi 264.4\n"
        'answer = "b"\ncx.check("05.sa3", answer)\n```\n\n'
        "有一个候选项遥遥领先，而且它说得通（Dixon, Freeman & Toman 2010），所以模型 B 加上了它，"
        "论文中也要交代这一点；能用新的数据加以验证就更好。数据要求什么就放开什么 (a)，等于是在利"
        "用偶然性；MI 对因果什么也说明不了 (c)。",
    )
)

register(
    Exercise(
        id="05.sa4",
        prompt="In the retail model, consistency (CONS) has no direct path to loyalty intention "
        "(LI). What does the model say about CONS and LI? (a) consistency has no effect on "
        "loyalty intention; (b) the effect cannot be estimated without a direct path; (c) only "
        "the route through satisfaction counts; (d) consistency's effect runs through trust "
        "and satisfaction: its total effect is the sum of the indirect effects",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "d",
        wrong=lambda: "a",
        hint="Concepts, 'Effects', and Practice, section 4: the effects of CONS on LI.",
        explanation="(d). The total effect is the direct effect plus all indirect effects; "
        "with no direct path it is the sum of the three specific indirect effects (through "
        "trust, through satisfaction, through trust and then satisfaction), standardized .43. "
        "(a) mistakes 'no direct path' for 'no effect'; (b) effects() computes indirect "
        "effects as products of paths; (c) leaves out the routes through trust.",
        prompt_zh="在零售模型中，跨渠道一致性（CONS）没有通向忠诚意向（LI）的直接路径。对于 CONS 和"
        " LI，这个模型说明了什么？(a) 一致性对忠诚意向没有效应；(b) 没有直接路径，效应就无法估计；"
        "(c) 只有经由满意度的那条路线才算数；(d) 一致性的效应经由信任和满意度传递：它的总效应是各"
        "个间接效应之和",
        hint_zh="基本概念中的“效应”，以及动手练习第 4 节：CONS 对 LI 的各项效应。",
        explanation_zh="(d)。总效应等于直接效应加上全部间接效应；没有直接路径时，它就是三个特定间接"
        "效应之和（经由信任、经由满意度、先经由信任再经由满意度），标准化值为 .43。(a) 把“没有直"
        "接路径”当成了“没有效应”；(b) effects() 用路径系数的乘积计算间接效应；(c) 漏掉了经由信任"
        "的路线。",
        worked="Section 4 decomposes the effect of CONS on LI:\n\n"
        "```python\n"
        'cons_li = eff[(eff["from"] == "CONS") & (eff["to"] == "LI")]\n'
        'cons_li[["effect", "via", "est", "std_all"]]  # total = indirect: std .432\n'
        'answer = "d"\ncx.check("05.sa4", answer)\n```\n\n'
        "There is no direct row: the total effect (.43) is the indirect effect, made of three "
        "specific routes — through satisfaction alone (.19), through trust alone (.12) and "
        "through trust and then satisfaction (.13). No direct path is not no effect (a).",
        worked_zh="第 4 节分解了 CONS 对 LI 的效应：\n\n"
        "```python\n"
        'cons_li = eff[(eff["from"] == "CONS") & (eff["to"] == "LI")]\n'
        'cons_li[["effect", "via", "est", "std_all"]]  # total = indirect: std .432\n'
        'answer = "d"\ncx.check("05.sa4", answer)\n```\n\n'
        "表中没有直接效应这一行：总效应（.43）就是间接效应，由三条特定路线组成——只经由满意度"
        "（.19）、只经由信任（.12），以及先经由信任再经由满意度（.13）。没有直接路径不等于没有效应 "
        "(a)。",
    )
)

register(
    Exercise(
        id="05.sa5",
        prompt="In model B, passengers who rate the crew one point higher give a likelihood to "
        "recommend about half a point higher. What does this show? (a) improving the crew by "
        "one point will raise each passenger's likelihood to recommend by half a point; (b) "
        "the crew causes the rating, because model B fits well; (c) an association across "
        "passengers in one survey: to learn what a better crew does, change the crew service "
        "on some flights and not on comparable ones, and compare; (d) nothing, because the "
        "crew's effect runs through satisfaction",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "c",
        wrong=lambda: "a",
        hint="Practice, section 3: the paragraph after the figure; and the last sentence on "
        "fit in Concepts.",
        explanation="(c). These are associations across passengers in one cross-sectional "
        "survey (here, properties of the simulation that made the data). What improving the "
        "crew does is learnt from an experiment or a before/after comparison with a control "
        "group. (a) reads the association as the effect of a change; (b) good fit never "
        "proves a causal story; (d) an effect that runs through satisfaction is still part of "
        "the total effect.",
        prompt_zh="在模型 B 中，给乘务组多打 1 分的乘客，推荐可能性大约高出半分。这说明什么？(a) 把"
        "乘务服务提高 1 分，每位乘客的推荐可能性就会提高半分；(b) 因为模型 B 拟合良好，所以乘务组"
        "导致了这个评分；(c) 一次调查中乘客之间的关联：要知道更好的乘务服务有什么作用，就要在一部"
        "分航班上改变乘务服务、在可比的航班上保持不变，再加以比较；(d) 什么也说明不了，因为乘务组"
        "的效应是经由满意度传递的",
        hint_zh="动手练习第 3 节：图后面的那一段；以及基本概念中讲拟合的最后一句话。",
        explanation_zh="(c)。这些都是一次横截面调查中乘客之间的关联（在这里，也是生成这份数据的模拟"
        "本身的性质）。改进乘务服务有什么作用，要靠实验或者设有对照组的前后对比才能知道。(a) 把关"
        "联当成了改变的效果；(b) 拟合良好永远证明不了一个因果故事；(d) 经由满意度传递的效应，仍然"
        "是总效应的一部分。",
        worked="Section 3 reads the crew's total effect on NPS, 0.53 [0.43, 0.63] points per "
        "scale point, and then says what it is not:\n\n"
        '```python\nanswer = "c"\ncx.check("05.sa5", answer)\n```\n\n'
        "It is a difference between passengers who rate the crew differently, in one survey "
        "at one moment — not the effect of improving the crew (a). A good fit does not turn it "
        "into one (b). To learn the effect, change the crew service on some flights and not on "
        "comparable ones, and compare what passengers then say and do.",
        worked_zh="第 3 节读出了乘务组对净推荐值得分的总效应：评分每高 1 分，推荐可能性高 0.53 "
        "[0.43, 0.63] 分，接着说明了它不是什么：\n\n"
        '```python\nanswer = "c"\ncx.check("05.sa5", answer)\n```\n\n'
        "它是同一时刻、同一次调查中，给乘务组打分不同的乘客之间的差别——不是改进乘务服务的效果 "
        "(a)。拟合良好也不能把它变成因果效应 (b)。要知道效果，就要在一部分航班上改变乘务服务、在可"
        "比的航班上保持不变，再比较乘客事后怎么说、怎么做。",
    )
)


register(
    Exercise(
        id="05.sa6",
        prompt="Your 5-point satisfaction items are skewed towards the top of the scale. What does "
        "the simulation of section 7 say? (a) ML is fine: skew does not affect its standard errors "
        "or its χ²; (b) more respondents will repair ML's intervals; (c) MLR keeps ML's estimates "
        "and repairs most of the coverage and the test; WLSMV estimates the loadings of the "
        "latent responses behind the categories; (d) WLSMV and MLR estimate the same loadings, so "
        "the choice does not matter",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "c",
        wrong=lambda: "a",
        hint="Practice, section 7: the list after the figure.",
        explanation="(c). In the simulation ML's 95 % CIs covered about 92 % and its χ² rejected "
        "the correct model in 8–10 % of the samples; MLR, with the same estimates, came close "
        "to 95 % and 7 %. WLSMV's loadings are those of the latent responses, about 7 % higher "
        "than those of the scores. (a) is what the simulation refutes; (b) ML's coverage did not "
        "improve from n = 200 to 500; (d) the two describe different things.",
        prompt_zh="你的 5 点满意度题项偏向量表顶端。第 7 节的模拟说明了什么？"
        "(a) ML 没问题：偏态不影响它的标准误和 χ²；(b) 受访者多一些，ML 的置信区间就会恢复正常；"
        "(c) MLR 保留 ML 的估计值，"
        "修正了覆盖率和检验的大部分问题；WLSMV 估计的是类别背后潜在反应的载荷；(d) WLSMV 和 MLR "
        "估计的是同样的载荷，所以选哪一个都无所谓",
        hint_zh="动手练习第 7 节：图后面的那几条结论。",
        explanation_zh="(c)。在这项模拟中，ML 的 95% 置信区间覆盖率约为 92%，它的 χ² 在 8%–10% 的"
        "样本中拒绝了正确的模型；估计值相同的 MLR 则接近 95% 和 7%。WLSMV 的载荷是潜在反应的载"
        "荷，比得分的载荷高约 7%。(a) 正是模拟所否定的；(b) 从 n = 200 到 500，ML 的覆盖率没有改"
        "善；(d) 两者描述的是不同的东西。",
        worked="Section 7 prints the stored study:\n\n"
        "```python\n"
        'stored = cx.datasets.load("estimator_study")\n'
        'stored[["n", "estimator", "coverage_loadings", "chisq_rejection"]]\n'
        'answer = "c"\ncx.check("05.sa6", answer)\n```\n\n'
        "ML's loadings CIs cover .922 / .928 (n = 200 / 500) and its χ² rejects .078 / .103; "
        "MLR covers .942 / .951 and rejects .068 / .071, with the same estimates. WLSMV "
        "recovers the latent responses' loadings, which the scores understate by 6.8 %.",
        worked_zh="第 7 节打印了保存下来的研究结果：\n\n"
        "```python\n"
        'stored = cx.datasets.load("estimator_study")\n'
        'stored[["n", "estimator", "coverage_loadings", "chisq_rejection"]]\n'
        'answer = "c"\ncx.check("05.sa6", answer)\n```\n\n'
        "ML 的载荷置信区间覆盖率为 .922 / .928（n = 200 / 500），χ² 拒绝率为 .078 / .103；估计值"
        "相同的 MLR 覆盖率为 .942 / .951，拒绝率为 .068 / .071。WLSMV 还原了潜在反应的载荷，而得"
        "分把它们低估了 6.8%。",
    )
)
