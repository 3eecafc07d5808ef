"""Exercises of lesson 04: reliability and validity."""

from __future__ import annotations

from functools import cache

from cxlab.exercises.registry import Exercise, register

#: Names of the levels of measurement invariance → the level: the zh lessons' 形态 / 度量 /
#: 标量 / 严格 (不变, 不变性), the usual textbook variants (弱 weak = metric, 强 strong =
#: scalar; 等值 "equivalence"; 尺度 for scalar; the parameters held equal: 载荷 loadings,
#: 截距 intercepts, 残差 residuals) and the English names. Used by 04.invariance,
#: 13.invariance and hotel.invariance.
_LEVEL_WORDS = {
    "configural": "形态 形态不变 形态不变性 形态等值 构形不变 构形不变性 构形等值",
    "metric": "度量 度量不变 度量不变性 度量等值 弱 弱不变 弱不变性 弱等值 弱测量不变性 "
    "载荷不变 载荷等值 因子载荷不变 因子载荷等值 负荷等值 因子负荷等值",
    "scalar": "标量 标量不变 标量不变性 标量等值 强 强不变 强不变性 强等值 强测量不变性 "
    "尺度不变 尺度不变性 尺度等值 截距不变 截距等值",
    "strict": "严格 严格不变 严格不变性 严格等值 严格测量不变性 残差不变 残差等值 残差方差不变 "
    "残差方差等值",
}
_LEVEL_WORDS_EN = {
    "configural": ["configural invariance", "configural equivalence"],
    "metric": ["metric invariance", "metric equivalence", "weak", "weak invariance",
               "weak factorial invariance", "loading invariance"],
    "scalar": ["scalar invariance", "scalar equivalence", "strong", "strong invariance",
               "strong factorial invariance", "intercept invariance"],
    "strict": ["strict invariance", "strict equivalence", "strict factorial invariance",
               "residual invariance"],
}  # fmt: skip
INVARIANCE_LEVELS: dict[str, str] = {
    word: level
    for level in _LEVEL_WORDS
    for word in [*_LEVEL_WORDS[level].split(), *_LEVEL_WORDS_EN[level]]
}


def _hotel():
    from cxlab import datasets
    from cxlab.survey import Survey

    survey = Survey(datasets.load("hotel_4e"), datasets.codebook("hotel_4e"), id_column="guest_id")
    return survey.reverse_code()


def _reliability():
    from cxlab import psychometrics

    survey = _hotel()
    return psychometrics.reliability(survey.data, survey.scales()).scales.set_index("scale")


def _n_factors() -> int:
    from cxlab import psychometrics

    survey = _hotel()
    realms = ["Education", "Esthetics", "Entertainment", "Escapism"]
    items = [i for realm in realms for i in survey.scales()[realm]]
    return int(psychometrics.efa(survey.data[items], seed=0).n_factors)


def _htmt() -> float:
    from cxlab import datasets, psychometrics

    ecsi = datasets.load("ecsi_mobile")
    scales = {"PERQ": [f"PERQ{i}" for i in range(1, 8)], "CUSA": ["CUSA1", "CUSA2", "CUSA3"]}
    return float(psychometrics.htmt(ecsi, scales).loc["PERQ", "CUSA"])


@cache  # the ladder of four models takes seconds; the answer never changes
def _invariance() -> str:
    from cxlab import datasets, simulate
    from cxlab.sem import invariance

    survey = _hotel()
    model = simulate.strip_values(datasets.resource("hotel_4e")["simulation"]["model"])
    cfa = "\n".join(line for line in model.splitlines() if "=~" in line)
    table = invariance(cfa, survey.data, "segment").table
    return str(table.loc[table["holds"], "level"].iloc[-1])


register(
    Exercise(
        id="04.alpha",
        prompt="Cronbach's α of the hotel_4e satisfaction scale (sat1–sat3)?",
        solution=lambda: float(_reliability().loc["Satisfaction", "alpha"]),
        wrong=lambda: 0.7,
        tol=0.001,
        hint="cx.psychometrics.reliability(data, scales).scales, row 'Satisfaction'.",
        explanation="α = .888: the three items hang together well (above .80).",
        prompt_zh="hotel_4e 满意度量表（sat1–sat3）的克朗巴哈系数 α 是多少？",
        hint_zh="cx.psychometrics.reliability(data, scales).scales，'Satisfaction' 一行。",
        explanation_zh="α = .888：三道题项的内部一致性很好（高于 .80）。",
        worked="Section 1 reversed `esc3r`, took the scales from the codebook and computed "
        "the reliability table; read the row of the satisfaction scale:\n\n"
        "```python\n"
        "rel = cx.psychometrics.reliability(hotel.data, scales)\n"
        'rel.scales.set_index("scale").loc["Satisfaction", "alpha"]  # 0.888\n'
        "```\n\n"
        "α = .888: good (≥ .80). Not .70 — that is the rule-of-thumb threshold, not the "
        "value.",
        worked_zh="第 1 节把 `esc3r` 反向计分，从编码手册中取出各量表，算出了信度表；读满意度量表"
        "那一行：\n\n"
        "```python\n"
        "rel = cx.psychometrics.reliability(hotel.data, scales)\n"
        'rel.scales.set_index("scale").loc["Satisfaction", "alpha"]  # 0.888\n'
        "```\n\n"
        "α = .888：良好（≥ .80）。不是 .70——那是经验标准的临界值，不是 α 本身。",
    )
)

register(
    Exercise(
        id="04.ave",
        prompt="AVE of the hotel_4e memory scale (mem1–mem3)?",
        solution=lambda: float(_reliability().loc["Memory", "ave"]),
        wrong=lambda: 0.865,
        tol=0.002,
        hint="Same table, column 'ave' (mean of the squared standardized loadings).",
        explanation="AVE = .68 > .50: the factor explains more of its items' variance than "
        "measurement error does (convergent validity).",
        prompt_zh="hotel_4e 记忆量表（mem1–mem3）的平均方差抽取量（AVE）是多少？",
        hint_zh="同一张表的 'ave' 列（标准化载荷平方的平均值）。",
        explanation_zh="AVE = .68 > .50：因子解释的题项方差多于测量误差（收敛效度）。",
        worked="The same reliability table (section 1), the column `ave` of the memory "
        "scale:\n\n"
        "```python\n"
        'rel.scales.set_index("scale").loc["Memory", "ave"]  # 0.682\n'
        "```\n\n"
        "AVE = .682, above .50: convergent validity holds. Not .865, which is the memory "
        "scale's α in the same row.",
        worked_zh="还是第 1 节的信度表，记忆量表那一行的 `ave` 列：\n\n"
        "```python\n"
        'rel.scales.set_index("scale").loc["Memory", "ave"]  # 0.682\n'
        "```\n\n"
        "AVE = .682，高于 .50：收敛效度成立。不是 .865——那是同一行中记忆量表的 α。",
    )
)

register(
    Exercise(
        id="04.n_factors",
        prompt="How many factors does parallel analysis suggest for the 12 items of the four "
        "realms?",
        solution=_n_factors,
        wrong=lambda: 1,
        hint="cx.psychometrics.efa(data[items], seed=0) with n_factors left out; see .n_factors.",
        explanation="Four: education, esthetics, entertainment and escapism are distinct "
        "experiences, as Pine & Gilmore say.",
        prompt_zh="对四个体验领域的 12 道题项，平行分析建议提取几个因子？",
        hint_zh="cx.psychometrics.efa(data[items], seed=0)，不指定 n_factors；看 .n_factors。",
        explanation_zh="四个：正如派恩和吉尔摩所说，教育、审美、娱乐和逃避现实是四种不同的体验。",
        worked="Run the EFA of section 2 on the 12 realm items without fixing the number "
        "of factors; parallel analysis chooses it:\n\n"
        "```python\n"
        "efa = cx.psychometrics.efa(hotel.data[realm_items], seed=0)\n"
        "efa.n_factors  # 4\n"
        "```\n\n"
        "Four factors, one per realm: each item loads .67–.87 on its own realm and near 0 "
        "elsewhere.",
        worked_zh="对四个领域的 12 个题项做第 2 节的探索性因子分析，不指定因子数，由平行分析来决"
        "定：\n\n"
        "```python\n"
        "efa = cx.psychometrics.efa(hotel.data[realm_items], seed=0)\n"
        "efa.n_factors  # 4\n"
        "```\n\n"
        "四个因子，每个领域一个：每个题项在自己所属领域上的载荷为 .67–.87，在其他因子上接近 0。",
    )
)

register(
    Exercise(
        id="04.htmt",
        prompt="HTMT of perceived quality (PERQ) and satisfaction (CUSA) in ecsi_mobile?",
        solution=_htmt,
        wrong=lambda: 0.85,
        tol=0.001,
        hint="cx.psychometrics.htmt(ecsi, {'PERQ': [...], 'CUSA': [...]}).",
        explanation="About .95: above .90, so the two scales are not empirically distinct "
        "in these data — which is why the CB-SEM of ECSI fails (lesson 06).",
        prompt_zh="ecsi_mobile 中感知质量（PERQ）与满意度（CUSA）之间的 HTMT 是多少？",
        hint_zh="用 cx.psychometrics.htmt(ecsi, {'PERQ': [...], 'CUSA': [...]}) 计算。",
        explanation_zh="约 .95：高于 .90，所以在这份数据中两个量表在实证上区分不开——这正是 ECSI "
        "的 CB-SEM 失败的原因（第 06 课）。",
        worked="Section 6 computed the HTMT matrix of the six ECSI scales; read the pair "
        "PERQ–CUSA:\n\n"
        "```python\n"
        "ecsi_htmt = cx.psychometrics.htmt(ecsi, ecsi_scales)\n"
        'ecsi_htmt.loc["PERQ", "CUSA"]  # 0.954\n'
        "```\n\n"
        "HTMT = .954, above both the strict .85 and the lenient .90 cut-off: quality and "
        "satisfaction are not distinct in these data. Not .85 — that is the cut-off, not "
        "the value.",
        worked_zh="第 6 节算出了六个 ECSI 量表的 HTMT 矩阵；读 PERQ 与 CUSA 这一对：\n\n"
        "```python\n"
        "ecsi_htmt = cx.psychometrics.htmt(ecsi, ecsi_scales)\n"
        'ecsi_htmt.loc["PERQ", "CUSA"]  # 0.954\n'
        "```\n\n"
        "HTMT = .954，既高于严格标准 .85，也高于宽松标准 .90：在这份数据中，质量与满意度区分不"
        "开。不是 .85——那是临界值，不是 HTMT 本身。",
    )
)

register(
    Exercise(
        id="04.invariance",
        prompt="Highest level of measurement invariance that holds across business and leisure "
        "guests in hotel_4e?",
        kind="text",
        synonyms=INVARIANCE_LEVELS,
        solution=_invariance,
        wrong=lambda: "metric",
        hint="cx.sem.invariance(cfa_model, data, 'segment'); the last level whose 'holds' is True.",
        explanation="Strict: loadings, intercepts and residual variances are equal, so "
        "business and leisure guests can be compared on the same scales.",
        prompt_zh="在 hotel_4e 中，商务客人与休闲客人之间成立的测量不变性最高是哪一级？",
        hint_zh="cx.sem.invariance(cfa_model, data, 'segment')；'holds' 为 True 的最后一级。",
        explanation_zh="严格不变（strict）：载荷、截距和残差方差都相等，所以可以在同样的量表上比"
        "较商务客人和休闲客人。",
        worked="Fit the ladder configural → metric → scalar → strict across `segment` "
        "(section 5) and take the last level that holds:\n\n"
        "```python\n"
        'inv = cx.sem.invariance(measurement, hotel.data, group="segment")\n'
        "table = inv.table\n"
        'table.loc[table["holds"], "level"].iloc[-1]  # \'strict\'\n'
        "```\n\n"
        "Strict: all four levels hold (`inv.summary()` says so in its last line). The "
        "Δχ² test of the strict step is significant (p < .001) with 600 guests, but the "
        "lesson's criterion is the change in CFI (Chen 2007): ΔCFI = −.004, well within "
        "−.010.",
        worked_zh="按第 5 节的做法，在 `segment` 之间依次拟合形态 → 度量 → 标量 → 严格不变，取最后"
        "一个成立的层级：\n\n"
        "```python\n"
        'inv = cx.sem.invariance(measurement, hotel.data, group="segment")\n'
        "table = inv.table\n"
        'table.loc[table["holds"], "level"].iloc[-1]  # \'strict\'\n'
        "```\n\n"
        "严格不变（strict）：四个层级全部成立（`inv.summary()` 的最后一行也这样说）。有 600 名"
        "客人时，严格这一步的 Δχ² 检验是显著的（p < .001），但本课的判断标准是 CFI 的变化（Chen "
        "2007）：ΔCFI = −.004，远在 −.010 以内。",
    )
)
