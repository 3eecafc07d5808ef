"""Exercises of lesson 06: the ECSI model on real data — PLS-PM, CSI index and IPMA."""

from __future__ import annotations

from cxlab.exercises.lesson00b import OPTION_WORDS
from cxlab.exercises.registry import Exercise, register

#: the ECSI constructs in English and in the zh lesson's words (感知质量, 质量, 形象 …)
CONSTRUCT_WORDS = {
    "perceived quality": "Quality",
    "perq": "Quality",
    "quality": "Quality",
    "感知质量": "Quality",
    "质量": "Quality",
    "感知品质": "Quality",
    "品质": "Quality",
    "image": "Image",
    "形象": "Image",
    "企业形象": "Image",
    "公司形象": "Image",
    "expectation": "Expectation",
    "expectations": "Expectation",
    "期望": "Expectation",
    "客户期望": "Expectation",
    "value": "Value",
    "perceived value": "Value",
    "价值": "Value",
    "感知价值": "Value",
    "satisfaction": "Satisfaction",
    "满意度": "Satisfaction",
    "客户满意度": "Satisfaction",
    "loyalty": "Loyalty",
    "忠诚度": "Loyalty",
    "客户忠诚度": "Loyalty",
}


def _fit():
    from cxlab import datasets, models, pls

    return pls.fit(
        models.ecsi(), datasets.load("ecsi_mobile"), scale=datasets.codebook("ecsi_mobile")
    )


def _htmt_quality_satisfaction() -> float:
    return float(_fit().htmt().loc["Quality", "Satisfaction"])


def _satisfaction_index() -> float:
    csi = _fit().csi_index().set_index("construct")
    return float(csi.loc["Satisfaction", "index"])


def _exp_sat_ci_has_zero() -> str:
    boot = _fit().bootstrap(B=5000, seed=2026, progress=False)
    row = boot.paths().set_index(["lhs", "rhs"]).loc[("Satisfaction", "Expectation")]
    return "yes" if row["ci_low"] <= 0 <= row["ci_high"] else "no"


def _top_driver_of_satisfaction() -> str:
    table = _fit().ipma("Satisfaction").constructs
    return str(table.loc[table["importance"].idxmax(), "construct"])


register(
    Exercise(
        id="06.htmt",
        prompt="HTMT of perceived quality and satisfaction in the ECSI data?",
        solution=_htmt_quality_satisfaction,
        wrong=lambda: 0.957,
        tol=0.002,
        hint="fit.htmt().loc['Quality', 'Satisfaction'] — not the CFA's latent correlation.",
        explanation="HTMT = .954, above even the liberal .90 cut-off: customers barely tell "
        "quality and satisfaction apart, which is why the CB-SEM solution broke down.",
        prompt_zh="ECSI 数据中感知质量与满意度之间的 HTMT 是多少？",
        hint_zh="fit.htmt().loc['Quality', 'Satisfaction']——不是 CFA 的潜变量相关。",
        explanation_zh="HTMT = .954，连宽松的 .90 界限都超过了：客户几乎分不清质量和满意度，这就"
        "是 CB-SEM 的解崩溃的原因。",
        worked="Section 3 computed the HTMT of the ECSI scales from the items; read the pair "
        "quality–satisfaction:\n\n"
        "```python\n"
        "htmt = cx.psychometrics.htmt(ecsi, scales)\n"
        'htmt.loc["Quality", "Satisfaction"]  # 0.954\n'
        "```\n\n"
        "HTMT = .954, above even the lenient .90 cut-off: customers barely tell quality and "
        "satisfaction apart. Not .957: that is satisfaction–loyalty, the first row of "
        "section 3's sorted list.",
        worked_zh="第 3 节根据题项算出了各 ECSI 量表之间的 HTMT；读质量与满意度这一对：\n\n"
        "```python\n"
        "htmt = cx.psychometrics.htmt(ecsi, scales)\n"
        'htmt.loc["Quality", "Satisfaction"]  # 0.954\n'
        "```\n\n"
        "HTMT = .954，连宽松的 .90 界限都超过了：客户几乎分不清质量和满意度。不是 .957：那是满意"
        "度与忠诚度这一对，排在第 3 节排序列表的第一行。",
    )
)

register(
    Exercise(
        id="06.csi",
        prompt="Satisfaction index (0–100) of the mobile operator, items rescaled with the "
        "codebook's 1–10 scale?",
        solution=_satisfaction_index,
        wrong=lambda: 68.37,
        tol=0.1,
        hint="fit.csi_index() with scale= the codebook (cx.datasets.codebook('ecsi_mobile')); "
        "68.4 comes from the observed item ranges (CUSA1 starts at 4, not 1).",
        explanation="72.6 of 100: the weighted mean of the three satisfaction items, each "
        "rescaled from its 1–10 scale to 0–100 — the number an ACSI/ECSI report publishes.",
        prompt_zh="用编码手册中的 1–10 分量表换算题项后，这家移动运营商的满意度指数（0–100）是多"
        "少？",
        hint_zh="fit.csi_index()，scale= 编码手册（cx.datasets.codebook('ecsi_mobile')）；68.4 来"
        "自题项的观测取值范围（CUSA1 从 4 开始，而不是 1）。",
        explanation_zh="100 分中的 72.6 分：三道满意度题项的加权平均，每道题都从 1–10 分换算成 "
        "0–100 分——这就是 ACSI/ECSI 报告公布的那个数字。",
        worked="The PLS fit of section 4 was given the codebook (`scale=book`), so "
        "`csi_index()` rescales every item from 1–10 to 0–100 (section 6):\n\n"
        "```python\n"
        "csi = fit.csi_index()  # fit = cx.pls.fit(model, ecsi, scale=book)\n"
        'csi.set_index("construct").loc["Satisfaction", "index"]  # 72.6\n'
        "```\n\n"
        "72.6 of 100 (bootstrap interval [70.8, 74.3]): the three satisfaction items, each "
        "rescaled as (x − 1)/9·100, averaged with the rescaled PLS weights. Fitted without "
        "`scale=book`, the items are rescaled from their observed ranges (CUSA1 starts at "
        "4) and the index comes out at 68.4.",
        worked_zh="第 4 节的 PLS 拟合传入了编码手册（`scale=book`），所以 `csi_index()` 把每个题项"
        "从 1–10 分换算成 0–100 分（第 6 节）：\n\n"
        "```python\n"
        "csi = fit.csi_index()  # fit = cx.pls.fit(model, ecsi, scale=book)\n"
        'csi.set_index("construct").loc["Satisfaction", "index"]  # 72.6\n'
        "```\n\n"
        "100 分中的 72.6 分（自助法区间 [70.8, 74.3]）：三道满意度题项各按 (x − 1)/9·100 换算，"
        "再用重新缩放的 PLS 权重求加权平均。如果拟合时不传 `scale=book`，题项就按观测到的取值范"
        "围换算（CUSA1 从 4 开始），指数就成了 68.4。",
    )
)

register(
    Exercise(
        id="06.exp_sat",
        prompt="Does the 95 % bootstrap interval of Expectation → Satisfaction include 0? "
        "('yes' or 'no')",
        kind="choice",
        synonyms={
            "y": "yes",
            "true": "yes",
            "n": "no",
            "false": "no",
            "包含": "yes",
            "包括": "yes",
            "含": "yes",
            "包含0": "yes",
            "包含 0": "yes",
            "不包含": "no",
            "不包括": "no",
            "不含": "no",
            "不包含0": "no",
            "不包含 0": "no",
        },
        solution=_exp_sat_ci_has_zero,
        wrong=lambda: "no",
        hint="boot.paths(): the row lhs Satisfaction, rhs Expectation (the path from "
        "Expectation to Satisfaction), columns ci_low and ci_high.",
        explanation="Yes: [−0.04, 0.16]. Once image, quality and value are known, what "
        "customers expected adds nothing to their satisfaction.",
        prompt_zh="期望 → 满意度这条路径的 95 % 自助法区间包含 0 吗？（填 'yes' 或 'no'，也可以填"
        "“是”或“否”）",
        hint_zh="boot.paths()：lhs 为 Satisfaction、rhs 为 Expectation 的那一行（从期望到满意度的"
        "路径），ci_low 和 ci_high 两列。",
        explanation_zh="是：[−0.04, 0.16]。一旦形象、质量和价值已知，客户原先的期望对满意度就没有"
        "额外的作用。",
        worked="In `boot.paths()` (section 5) `lhs` is the outcome and `rhs` the predictor, "
        "so the path Expectation → Satisfaction is the row (Satisfaction, Expectation):\n\n"
        "```python\n"
        'row = boot.paths().set_index(["lhs", "rhs"]).loc[("Satisfaction", "Expectation")]\n'
        '"yes" if row["ci_low"] <= 0 <= row["ci_high"] else "no"  # \'yes\'\n'
        "```\n\n"
        "Yes: the path is .065 with the 95 % interval [−.036, .160]. Expectation → Value "
        "([−.101, .217]) includes 0 as well; the other eight paths do not.",
        worked_zh="在 `boot.paths()`（第 5 节）中，`lhs` 是结果，`rhs` 是预测变量，所以期望 → "
        "满意度这条路径是 (Satisfaction, Expectation) 那一行：\n\n"
        "```python\n"
        'row = boot.paths().set_index(["lhs", "rhs"]).loc[("Satisfaction", "Expectation")]\n'
        '"yes" if row["ci_low"] <= 0 <= row["ci_high"] else "no"  # \'yes\'\n'
        "```\n\n"
        "包含（yes）：这条路径为 .065，95 % 区间为 [−.036, .160]。期望 → 价值（[−.101, .217]）"
        "也包含 0；其余八条路径都不包含。",
    )
)

register(
    Exercise(
        id="06.driver",
        prompt="In the IPMA of Satisfaction, which construct is the most important?",
        kind="text",
        synonyms=CONSTRUCT_WORDS,
        solution=_top_driver_of_satisfaction,
        wrong=lambda: "Value",
        hint="fit.ipma('Satisfaction').constructs: the largest importance (not the lowest "
        "performance).",
        explanation="Perceived quality: one index point more on quality brings .64 points of "
        "satisfaction. Value performs worst (62) but matters least (.14).",
        prompt_zh="在满意度的 IPMA 中，哪个构念最重要？",
        hint_zh="fit.ipma('Satisfaction').constructs：重要性（importance）最大的那个（不是绩效最"
        "低的）。",
        explanation_zh="感知质量：质量指数每提高 1 分，满意度提高 .64 分。价值的绩效最差（62），"
        "重要性却最低（.14）。",
        worked="The IPMA of section 7 gives each driver of satisfaction an importance (its "
        "unstandardized total effect) and a performance (its mean index):\n\n"
        "```python\n"
        'table = fit.ipma("Satisfaction").constructs\n'
        'table.loc[table["importance"].idxmax(), "construct"]  # \'Quality\'\n'
        "```\n\n"
        "Perceived quality: in the model, one index point more of quality goes with .64 "
        "points more satisfaction, at a performance of 75.0. Not Value: it performs worst "
        "(62.3) but matters least (.14) — the question is the largest importance, not the "
        "lowest performance.",
        worked_zh="第 7 节的 IPMA 给满意度的每个驱动因素一个重要性（非标准化总效应）和一个绩效（平"
        "均指数）：\n\n"
        "```python\n"
        'table = fit.ipma("Satisfaction").constructs\n'
        'table.loc[table["importance"].idxmax(), "construct"]  # \'Quality\'\n'
        "```\n\n"
        "感知质量：在模型中，质量指数每高 1 分，满意度相应高 .64 分，而它的绩效是 75.0。不是价值："
        "价值的绩效最差（62.3），重要性却最低（.14）——要找的是重要性最大的，而不是绩效最低的。",
    )
)

# --- Self-assessment: the lesson's key ideas, one letter each (cx.self_assessment) ---

register(
    Exercise(
        id="06.sa1",
        prompt="The CB-SEM of the ECSI gave an impossible solution; PLS-PM gave one on the same "
        "data. What does that mean? (a) PLS fixed the problem: the constructs are distinct "
        "after all; (b) PLS-PM always returns a solution, because composites need no distinct "
        "factors: the constructs are still not distinct, so read the paths with the HTMT "
        "values in mind; (c) the CB-SEM failed because of the software, and another library "
        "would report a valid result; (d) a solution that exists is a valid one",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "b",
        wrong=lambda: "a",
        hint="Practice, sections 2 and 3, and the table 'Two ways to estimate it' in Concepts.",
        explanation="(b). A composite model does not need distinct factors, so PLS-PM always "
        "returns a solution — a strength for scoring, a danger for interpretation: quality and "
        "satisfaction are still barely distinct (HTMT .954). (a) is the misreading; (c) semopy "
        "stopped too, called that a success and gave standardized paths beyond ±1 — 'the "
        "optimiser finished' is not a verdict on the solution; (d) is why the measurement "
        "checks (α, ρA, ρc, AVE, HTMT) matter even more with PLS.",
        prompt_zh="ECSI 的 CB-SEM 给出了一个不可能的解，而在同一份数据上，PLS-PM 给出了一个解。这意"
        "味着什么？(a) PLS 解决了问题：这些构念其实区分得开；(b) PLS-PM 总能给出一个解，因为组合"
        "变量不要求因子彼此区分：这些构念仍然区分不开，所以读路径时要记住那些 HTMT 值；(c) CB-SEM "
        "失败是软件的问题，换一个程序库就能报告有效的结果；(d) 只要有解，就是有效的解",
        hint_zh="动手练习第 2、3 节，以及基本概念中“两种估计方法”那张表。",
        explanation_zh="(b)。组合变量模型不要求因子彼此区分，所以 PLS-PM 总能给出一个解——这对打分"
        "是优点，对解读却是风险：质量和满意度仍然几乎区分不开（HTMT .954）。(a) 是误读；(c) semopy "
        "也停了下来，却称之为成功，并给出超出 ±1 的标准化路径——“优化器结束了”并不是对解的评判；"
        "(d) 正因如此，用 PLS 时测量检验（α、ρA、ρc、AVE、HTMT）更加重要。",
        worked="Section 2: cxlab refuses the CB-SEM (no convergence, standardized paths beyond "
        "±1, a negative variance, a factor matrix that is not positive definite); the CFA "
        "alone fails the same way, so the problem sits in the measurement. Section 3 shows "
        "why:\n\n"
        "```python\n"
        "pairs.sort_values(ascending=False).head(5)  # Quality-Satisfaction .954, ...\n"
        'answer = "b"\ncx.check("06.sa1", answer)\n```\n\n'
        "PLS-PM estimates composites, which need no distinct factors, so it always returns a "
        "solution — the HTMT values do not change. Another library (semopy) stops too and calls "
        "it a success (c).",
        worked_zh="第 2 节：cxlab 拒绝报告这个 CB-SEM（没有收敛、标准化路径超出 ±1、方差为负、因子"
        "矩阵非正定）；单独拟合验证性因子分析也同样失败，所以问题出在测量上。第 3 节说明了原因："
        "\n\n"
        "```python\n"
        "pairs.sort_values(ascending=False).head(5)  # Quality-Satisfaction .954, ...\n"
        'answer = "b"\ncx.check("06.sa1", answer)\n```\n\n'
        "PLS-PM 估计的是组合变量，不要求因子彼此区分，所以总能给出一个解——HTMT 的数值并不会因此改"
        "变。另一个程序库（semopy）同样停了下来，却称之为成功 (c)。",
    )
)

register(
    Exercise(
        id="06.sa2",
        prompt="The operator's satisfaction index is 72.6. What does 72.6 mean? (a) 72.6 % of "
        "the customers are satisfied; (b) satisfaction explains 72.6 % of loyalty; (c) the "
        "operator does better than 72.6 % of operators; (d) on average, the satisfaction "
        "answers lie 72.6 % of the way from the worst to the best possible answer",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "d",
        wrong=lambda: "a",
        hint="Concepts, 'The CSI index': how the items are rescaled and averaged.",
        explanation="(d). Each item is rescaled from its 1–10 scale to 0–100 and the items are "
        "averaged with the rescaled PLS weights, so 72.6 means 72.6 % of the way from the worst "
        "to the best possible answer. (a) an index is not a share of customers (a top-box CSAT is);"
        " (b) explained variance is R², .45 for loyalty; (c) one operator's index says nothing "
        "about other operators — comparing needs their indices.",
        prompt_zh="这家运营商的满意度指数是 72.6。72.6 是什么意思？(a) 72.6 % 的客户是满意的；(b) "
        "满意度解释了忠诚度的 72.6 %；(c) 这家运营商比 72.6 % 的运营商做得好；(d) 平均而言，满意"
        "度的回答从最差的可能回答到最好的可能回答，走到了 72.6 % 的位置",
        hint_zh="基本概念中的“CSI 指数”：题项怎样换算、怎样求平均。",
        explanation_zh="(d)。每个题项从 1–10 分换算成 0–100 分，再用重新缩放的 PLS 权重求加权平"
        "均，所以 72.6 的意思是：从最差的可能回答到最好的可能回答，走到了 72.6 % 的位置。(a) 指数"
        "不是客户的比例（按最高分选项计算的 CSAT 才是）；(b) 被解释的方差是 R²，忠诚度的 R² 为 .45"
        "；(c) 一家运营商的指数说明不了其他运营商——比较需要它们的指数。",
        worked="Section 6 computes the index with the codebook's 1–10 scale:\n\n"
        "```python\n"
        'fit.csi_index().set_index("construct").loc["Satisfaction", "index"]  # 72.6\n'
        'answer = "d"\ncx.check("06.sa2", answer)\n```\n\n'
        "Each answer x becomes (x − 1)/9·100, and the construct's index is the weighted mean "
        "of its items with the rescaled PLS weights: 72.6 % of the way from the worst to the "
        "best possible answer. It is not a share of satisfied customers (a), not an R² (b) "
        "and not a rank among operators (c).",
        worked_zh="第 6 节用编码手册中的 1–10 分量表计算指数：\n\n"
        "```python\n"
        'fit.csi_index().set_index("construct").loc["Satisfaction", "index"]  # 72.6\n'
        'answer = "d"\ncx.check("06.sa2", answer)\n```\n\n'
        "每个回答 x 换算成 (x − 1)/9·100，构念的指数是它的各个题项以重新缩放的 PLS 权重求出的加权"
        "平均：从最差的可能回答到最好的可能回答，走到了 72.6 % 的位置。它不是满意客户的比例 (a)，"
        "不是 R² (b)，也不是在运营商中的排名 (c)。",
    )
)

register(
    Exercise(
        id="06.sa3",
        prompt="Value performs worst (62.3) but has the smallest total effect on loyalty (.11). "
        "What should the manager take from the map? (a) act first where importance is high "
        "and performance low, so value is low priority — and what a price cut would do to "
        "loyalty could only be learnt by testing it; (b) cut prices first: value is the worst "
        "performer; (c) value does not matter to customers at all; (d) raise prices: value "
        "has no effect on loyalty",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "a",
        wrong=lambda: "b",
        hint="Concepts, 'IPMA', and Practice, section 8.",
        explanation="(a). The map sets each driver's importance (its total effect on the "
        "target) against its performance; value lands in 'low priority'. (b) looks at "
        "performance alone; (c) and (d) over-read a small association from one survey: a small "
        "total effect in the model is not zero, and what a price change would do needs a test "
        "— a cut for a random group of customers or regions, compared with the rest.",
        prompt_zh="价值的绩效最差（62.3），但它对忠诚度的总效应最小（.11）。经理应当从这张图中得出"
        "什么结论？(a) 先在重要性高、绩效低的地方行动，所以价值的优先级低——至于降价对忠诚度有什么作"
        "用，只有检验过才能知道；(b) 先降价：价值的绩效最差；(c) 价值对客户根本不重要；(d) 涨价："
        "价值对忠诚度没有影响",
        hint_zh="基本概念中的“IPMA”，以及动手练习第 8 节。",
        explanation_zh="(a)。这张图把每个驱动因素的重要性（它对目标的总效应）与它的绩效放在一起；价"
        "值落在“低优先级”象限。(b) 只看绩效；(c) 和 (d) 对一次调查中一个很小的关联解读过度：模型"
        "中总效应小不等于为零，而价格变动有什么作用需要检验——对随机选出的一部分客户或地区降价，再"
        "与其余的相比较。",
        worked="Section 7 prints the importance-performance map of loyalty:\n\n"
        "```python\n"
        'fit.ipma("Loyalty").constructs  # Value: importance 0.105, performance 62.3\n'
        'answer = "a"\ncx.check("06.sa3", answer)\n```\n\n'
        "Value has the lowest performance but also the lowest importance: 'low priority'. "
        "Section 8 adds that this does not show what a price cut would do — it would certainly "
        "cost margin, and its effect on loyalty could only be learnt by testing it (an "
        "experiment, or a before/after comparison with a control group).",
        worked_zh="第 7 节打印了忠诚度的重要性-绩效矩阵：\n\n"
        "```python\n"
        'fit.ipma("Loyalty").constructs  # Value: importance 0.105, performance 62.3\n'
        'answer = "a"\ncx.check("06.sa3", answer)\n```\n\n'
        "价值的绩效最低，重要性也最低：“低优先级”。第 8 节还指出，这并不能说明降价会有什么作用——降"
        "价肯定要牺牲利润，而它对忠诚度的作用只有检验过才能知道（做实验，或者设有对照组的前后对"
        "比）。",
    )
)

register(
    Exercise(
        id="06.sa4",
        prompt="Which estimator for which question? (a) PLS-PM to test a theory with a global "
        "fit test, CB-SEM to score indices; (b) either: they always give the same paths; (c) "
        "CB-SEM to test a theory (common factors, fit indices), PLS-PM to predict and score "
        "(indices, drivers); (d) PLS-PM whenever a CB-SEM fits badly, to get a better fit",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "c",
        wrong=lambda: "d",
        hint="Concepts: the table 'Two ways to estimate it'.",
        explanation="(c). CB-SEM treats a construct as a common factor and fits the covariance "
        "matrix, with fit indices: built for testing a theory. PLS-PM builds weighted "
        "composites by iterated regressions, has no global fit test and always returns a "
        "solution: built for predicting and scoring. (a) swaps them; (b) they estimate "
        "different things, factors and composites; (d) PLS has no global fit to improve, and "
        "switching estimators does not make the constructs distinct.",
        prompt_zh="哪种估计方法适合哪种问题？(a) 用 PLS-PM 配合整体拟合检验来检验理论，用 CB-SEM 给"
        "指数打分；(b) 随便哪种都行：它们给出的路径总是一样的；(c) 用 CB-SEM 检验理论（共同因子、拟"
        "合指数），用 PLS-PM 做预测和打分（指数、驱动因素）；(d) 每当 CB-SEM 拟合不好时就改用 "
        "PLS-PM，以得到更好的拟合",
        hint_zh="基本概念：“两种估计方法”那张表。",
        explanation_zh="(c)。CB-SEM 把构念当作共同因子，拟合协方差矩阵，并给出拟合指数：适合检验理"
        "论。PLS-PM 通过反复迭代的回归构造加权的组合变量，没有整体拟合检验，总能给出一个解：适合预"
        "测和打分。(a) 把两者弄反了；(b) 它们估计的是不同的东西：因子和组合变量；(d) PLS 没有可以改"
        "善的整体拟合，换一种估计方法也不能让构念变得区分得开。",
        worked="The table in Concepts sets the two side by side:\n\n"
        "| | CB-SEM | PLS-PM |\n|---|---|---|\n"
        "| a construct is | a common factor | a weighted sum of its items |\n"
        "| gives | fit indices, sometimes an impossible solution | always a solution; no "
        "global fit test |\n"
        "| built for | testing a theory | predicting and scoring |\n\n"
        '```python\nanswer = "c"\ncx.check("06.sa4", answer)\n```\n\n'
        "National satisfaction indices score customers, so the lesson fits the ECSI with "
        "PLS-PM; the failed CB-SEM was still worth fitting — it showed that the constructs are "
        "not distinct. Switching to PLS to escape a bad fit (d) hides that finding.",
        worked_zh="基本概念中的表把两者并排比较：\n\n"
        "| | CB-SEM | PLS-PM |\n|---|---|---|\n"
        "| 构念是什么 | 共同因子 | 题项的加权和 |\n"
        "| 得到什么 | 拟合指数；有时是一个不可能的解 | 总能得到一个解；没有整体拟合检验 |\n"
        "| 适合做什么 | 检验理论 | 预测和打分 |\n\n"
        '```python\nanswer = "c"\ncx.check("06.sa4", answer)\n```\n\n'
        "全国性的满意度指数是给客户打分的，所以本课用 PLS-PM 拟合 ECSI；失败的 CB-SEM 仍然值得拟合"
        "——它揭示了这些构念区分不开。为了逃避糟糕的拟合而改用 PLS (d)，会把这一发现掩盖起来。",
    )
)
