"""Exercises of lesson 04: reliability and validity."""

from __future__ import annotations

from functools import cache

from cxlab.exercises.lesson00b import OPTION_WORDS
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

# --- Self-assessment: the lesson's key ideas, one letter each (cx.self_assessment) ---

register(
    Exercise(
        id="04.sa1",
        prompt="The hotel's satisfaction scale had α = .97 instead of .89. What is the most "
        "likely reading? (a) even better: the higher α, the better the scale; (b) the items may "
        "be near-copies of one another: read their wording before celebrating; (c) the scale is "
        "valid: it measures satisfaction; (d) the items measure several different constructs",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "b",
        wrong=lambda: "a",
        hint="Concepts, the paragraph on reliability: read its rules of thumb to the end.",
        explanation="(b). Above .95 the items may be near-copies of one another (Concepts): α "
        "rises when items repeat each other, so a very high α asks for a look at the wording. "
        "(a) is the usual misreading — higher is not always better; (c) α is reliability "
        "(consistency), not validity, which needs AVE, Fornell-Larcker and HTMT; (d) items "
        "that measured different constructs would agree less, and α would fall.",
        prompt_zh="酒店满意度量表的 α 如果是 .97 而不是 .89，最可能的解读是什么？(a) 更好了：α 越"
        "高，量表越好；(b) 各题项可能几乎是彼此的翻版：先看看它们的措辞，别急着高兴；(c) 量表有效"
        "度：它测到的就是满意度；(d) 这些题项测量的是几个不同的构念",
        hint_zh="基本概念中讲信度的那一段：把其中的经验标准读到最后。",
        explanation_zh="(b)。超过 .95 时，各题项可能几乎是彼此的翻版（基本概念）：题项彼此重复时 α "
        "会升高，所以 α 很高时要回头看看题项的措辞。(a) 是常见的误读——并不是越高越好；(c) α 说"
        "的是信度（一致性），不是效度，效度要看 AVE、Fornell-Larcker 准则和 HTMT；(d) 测量不同构"
        "念的题项彼此会更不一致，α 反而会下降。",
        worked="α grows with the agreement among a scale's items. The lesson's rules of thumb: "
        "≥ .70 acceptable, ≥ .80 good; above .95 the items may be near-copies of one another. "
        "So .97 is a reason to read the items' wording, not a better scale — (b):\n\n"
        '```python\nanswer = "b"\ncx.check("04.sa1", answer)\n```\n\n'
        "(a) is the common misreading; (c) confuses reliability with validity; (d) items of "
        "different constructs would lower α, not raise it.",
        worked_zh="题项之间越一致，α 越高。本课的经验标准是：≥ .70 可以接受，≥ .80 为良好；超过 "
        ".95 时，各题项可能几乎是彼此的翻版。所以 .97 提醒你去读题项的措辞，而不是说量表更好了——"
        "答案是 (b)：\n\n"
        '```python\nanswer = "b"\ncx.check("04.sa1", answer)\n```\n\n'
        "(a) 是常见的误读；(c) 把信度当成了效度；(d) 测量不同构念的题项会让 α 下降，而不是上升。",
    )
)

register(
    Exercise(
        id="04.sa2",
        prompt="In ecsi_mobile the HTMT of perceived quality and satisfaction is well above "
        ".90. What does that say? (a) quality strongly causes satisfaction; (b) both scales "
        "are unreliable; (c) customers do not tell the two apart: in these data the two "
        "constructs are not distinct; (d) convergent validity is excellent",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "c",
        wrong=lambda: "a",
        hint="Concepts, 'Discriminant validity', and section 6 of the Practice.",
        explanation="(c). HTMT compares the correlations between two constructs' items with "
        "those within them; above .85 or .90 (or a bootstrap CI that reaches 1) the two are "
        "not distinct in these data — the reason lesson 06's CB-SEM fails. (a) a correlation, "
        "however high, is not a cause, and here it means the two scales measure nearly the "
        "same thing; (b) the quality and satisfaction scales are acceptably reliable "
        "(section 6): reliable and distinct are different questions; (d) convergent validity "
        "is about a construct's own items (AVE), not about two constructs.",
        prompt_zh="在 ecsi_mobile 中，感知质量与满意度之间的 HTMT 远高于 .90。这说明什么？(a) 质量"
        "是满意度的强大成因；(b) 两个量表都不可靠；(c) 客户分不清这两者：在这份数据中，这两个构念"
        "区分不开；(d) 收敛效度非常好",
        hint_zh="基本概念中的“区分效度”，以及动手练习第 6 节。",
        explanation_zh="(c)。HTMT 把两个构念的题项之间的相关与各构念内部题项之间的相关相比；高于 "
        ".85 或 .90（或者自助法置信区间达到 1），这两个构念在这份数据中就区分不开——第 06 课中基于"
        "协方差的结构方程模型（CB-SEM）正是因此而失败。(a) 相关再高也不是因果，在这里它说明两个量"
        "表测到的几乎是同一样东西；(b) 质量和满意度量表的信度是可以接受的（第 6 节）：可靠与可区分"
        "是两个不同的问题；(d) 收敛效度说的是同一构念自己的题项（AVE），而不是两个构念之间的关系。",
        worked="HTMT asks whether two constructs are empirically distinct: the correlations "
        "between their items, relative to the correlations within each. Section 6 prints it "
        "for every pair of the ECSI scales:\n\n"
        '```python\necsi_htmt.loc["PERQ", "CUSA"]  # far above .90\n'
        'answer = "c"\ncx.check("04.sa2", answer)\n```\n\n'
        "Above .85 (strict) or .90 (lenient) the two are not distinct in these data: customers "
        "answer the quality and the satisfaction questions almost as one. That is not a strong "
        "causal effect (a), not unreliability (b: both scales are acceptably reliable) and not "
        "convergent validity (d: that is about one construct's items).",
        worked_zh="HTMT 问的是两个构念在实证上是否彼此不同：它们的题项之间的相关，相对于各自内部"
        "题项之间的相关。第 6 节为 ECSI 的每一对量表都算出了它：\n\n"
        '```python\necsi_htmt.loc["PERQ", "CUSA"]  # far above .90\n'
        'answer = "c"\ncx.check("04.sa2", answer)\n```\n\n'
        "高于 .85（严格标准）或 .90（宽松标准），这两个构念在这份数据中就区分不开：客户回答质量"
        "题和满意度题时，几乎把它们当成了同一道题。这不是一个很强的因果效应 (a)，也不是信度不足"
        "（(b)：两个量表的信度都可以接受），更不是收敛效度（(d)：那说的是同一构念自己的题项）。",
    )
)

register(
    Exercise(
        id="04.sa3",
        prompt="Suppose only metric invariance had held between business and leisure guests "
        "(equal loadings, unequal intercepts). What could you compare? (a) everything: "
        "configural invariance is enough; (b) the latent means, but not the paths; (c) the "
        "scale means (averages of the items), as long as the scales are reliable; (d) "
        "relationships (paths), but not means",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "d",
        wrong=lambda: "c",
        hint="Concepts, 'Measurement invariance': what each level allows you to compare.",
        explanation="(d). Equal loadings (metric) allow comparing relationships; means need "
        "equal intercepts as well (scalar). Without scalar invariance a gap in the means may "
        "come from items that work differently in the two groups rather than from a real "
        "difference, so (b) and (c) compare what metric invariance does not allow; (a) "
        "configural invariance, the same factor structure, allows neither.",
        prompt_zh="假如商务客人和休闲客人之间只有度量不变成立（载荷相等，截距不等），你能比较什么？"
        "(a) 什么都能比较：形态不变就够了；(b) 潜变量均值，但不能比较路径；(c) 量表均值（题项的平"
        "均分），只要量表可靠；(d) 变量之间的关系（路径），但不能比较均值",
        hint_zh="基本概念中的“测量不变性”：每一个层级允许你比较什么。",
        explanation_zh="(d)。载荷相等（度量不变）允许比较变量之间的关系；比较均值还需要截距也相等"
        "（标量不变）。没有标量不变时，均值的差距可能来自题项在两个群体中的作用不同，而不是真实的"
        "差别，所以 (b) 和 (c) 比较的恰恰是度量不变不允许比较的东西；(a) 形态不变只是因子结构相"
        "同，两者都不允许比较。",
        worked="The ladder of measurement invariance says what each level licenses:\n\n"
        "| level | equal across groups | you may compare |\n|---|---|---|\n"
        "| configural | factor structure | — |\n"
        "| metric | + loadings | relationships (paths) |\n"
        "| scalar | + intercepts | + means |\n"
        "| strict | + residual variances | + observed variances |\n\n"
        "With metric invariance only, paths can be compared, means cannot — (d):\n\n"
        '```python\nanswer = "d"\ncx.check("04.sa3", answer)\n```\n\n'
        "Scale means (c) are the tempting mistake: reliable scales do not make their intercepts "
        "equal, so a gap in the means may be a gap in how the items work.",
        worked_zh="测量不变性的各个层级分别允许比较什么：\n\n"
        "| 层级 | 各群体之间相等的是 | 可以比较 |\n|---|---|---|\n"
        "| 形态不变 | 因子结构 | — |\n"
        "| 度量不变 | + 载荷 | 变量之间的关系（路径） |\n"
        "| 标量不变 | + 截距 | + 均值 |\n"
        "| 严格不变 | + 残差方差 | + 观测变量的方差 |\n\n"
        "只有度量不变成立时，可以比较路径，不能比较均值——答案是 (d)：\n\n"
        '```python\nanswer = "d"\ncx.check("04.sa3", answer)\n```\n\n'
        "量表均值 (c) 是诱人的错误：量表可靠并不能让截距相等，所以均值的差距可能只是题项作用方式的"
        "差距。",
    )
)

register(
    Exercise(
        id="04.sa4",
        prompt="Harman's single-factor test: the first factor explains less than 50 % of the "
        "variance. What does that show? (a) little: the test is weak, and passing it does not "
        "show that common-method variance is absent; (b) the survey has no common-method "
        "variance; (c) the constructs are distinct; (d) the measurement model fits",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "a",
        wrong=lambda: "b",
        hint="Concepts, 'Common-method variance', and the note printed in section 7.",
        explanation="(a). Harman's test is customary and weak: a first factor below 50 % does "
        "not show that common-method variance is absent, and one above 50 % does not prove it "
        "(Podsakoff et al. 2003). (b) is the usual misreading; (c) distinctness is checked "
        "with Fornell-Larcker and HTMT; (d) fit is a question for the CFA.",
        prompt_zh="Harman 单因子检验：第一个因子解释的方差不到 50 %。这说明什么？(a) 说明不了多少："
        "这种检验很弱，通过了也不能说明不存在共同方法偏差；(b) 这份调查不存在共同方法偏差；(c) 各"
        "构念彼此区分得开；(d) 测量模型拟合良好",
        hint_zh="基本概念中的“共同方法偏差”，以及第 7 节打印出的说明。",
        explanation_zh="(a)。Harman 检验是惯常做法，但很弱：第一个因子低于 50 % 不能说明不存在共同"
        "方法偏差，高于 50 % 也不能证明存在（Podsakoff et al. 2003）。(b) 是常见的误读；(c) 构念"
        "是否区分得开，要用 Fornell-Larcker 准则和 HTMT 检验；(d) 拟合是验证性因子分析要回答的问"
        "题。",
        worked="Section 7 runs the test on the hotel survey and prints its own caveat:\n\n"
        '```python\nprint(harman["note"])  # a first factor below 50% does not show ... absent\n'
        'answer = "a"\ncx.check("04.sa4", answer)\n```\n\n'
        "Passing Harman's test proves little (Podsakoff et al. 2003); better are procedural "
        "remedies and a marker variable or a method factor in the CFA. It says nothing about "
        "discriminant validity (c) or fit (d).",
        worked_zh="第 7 节在酒店调查上做了这项检验，并打印出它自己的提醒：\n\n"
        '```python\nprint(harman["note"])  # a first factor below 50% does not show ... absent\n'
        'answer = "a"\ncx.check("04.sa4", answer)\n```\n\n'
        "通过 Harman 检验证明不了多少（Podsakoff et al. 2003）；更好的做法是在程序上加以补救，并"
        "在验证性因子分析中加入标记变量或方法因子。它对区分效度 (c) 和拟合 (d) 都说明不了什么。",
    )
)
