"""Exercises of lesson 06: the ECSI model on real data — PLS-PM, CSI index and IPMA."""

from __future__ import annotations

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
