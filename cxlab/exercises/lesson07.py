"""Exercises of lesson 07: mediation, moderation and groups."""

from __future__ import annotations

from functools import cache

from cxlab.exercises.lesson00b import OPTION_WORDS
from cxlab.exercises.registry import Exercise, register

#: The six constructs of the mediation model (as in the lesson).
MEASUREMENT = """
Education     =~ edu1 + edu2 + edu3
Esthetics     =~ est1 + est2 + est3
Entertainment =~ ent1 + ent2 + ent3
Escapism      =~ esc1 + esc2 + esc3r
Memory        =~ mem1 + mem2 + mem3
Satisfaction  =~ sat1 + sat2 + sat3
"""

#: Esthetics → Memory → Satisfaction, the other realms as in the generator.
MEDIATION = (
    MEASUREMENT
    + """
Memory ~ a*Esthetics + Education + Entertainment + Escapism
Satisfaction ~ b*Memory + c*Esthetics + Entertainment
indirect := a*b
total := c + a*b
"""
)

#: Two groups (business, leisure), a and b free in each group.
GROUPS_FREE = (
    MEASUREMENT
    + """
Memory ~ c(a1, a2)*Esthetics + Education + Entertainment + Escapism
Satisfaction ~ c(b1, b2)*Memory + Esthetics + Entertainment
ind_business := a1*b1
ind_leisure := a2*b2
diff_a := a2 - a1
diff_ind := a2*b2 - a1*b1
"""
)

#: The same with Esthetics → Memory held equal across the groups.
GROUPS_EQUAL = (
    MEASUREMENT
    + """
Memory ~ c(a, a)*Esthetics + Education + Entertainment + Escapism
Satisfaction ~ c(b1, b2)*Memory + Esthetics + Entertainment
"""
)

#: Loadings and intercepts equal across groups (scalar invariance holds in the lesson).
GROUP_EQUAL = ("loadings", "intercepts")


#: the types of Zhao, Lynch & Chen (2010) in the zh lesson's words (互补型, 竞争型, 仅间接效应型 …)
#: and the older names that mean the same: Baron & Kenny's full mediation (完全中介) is
#: indirect-only; partial mediation (部分中介) with both effects of one sign is complementary;
#: with opposite signs (inconsistent mediation, 遮掩效应) competitive. "No mediation" is left
#: out: it covers both direct-only and no-effect.
MEDIATION_TYPES = {
    "indirect only mediation": "indirect-only",
    "indirect only": "indirect-only",
    "full mediation": "indirect-only",
    "full": "indirect-only",
    "complete mediation": "indirect-only",
    "仅间接效应型": "indirect-only",
    "仅间接效应": "indirect-only",
    "仅间接效应型中介": "indirect-only",
    "仅间接型": "indirect-only",
    "仅间接": "indirect-only",
    "只有间接效应": "indirect-only",
    "完全中介": "indirect-only",
    "完全中介效应": "indirect-only",
    "完全中介作用": "indirect-only",
    "complementary mediation": "complementary",
    "partial mediation": "complementary",
    "互补型": "complementary",
    "互补型中介": "complementary",
    "互补中介": "complementary",
    "部分中介": "complementary",
    "部分中介效应": "complementary",
    "部分中介作用": "complementary",
    "competitive mediation": "competitive",
    "inconsistent mediation": "competitive",
    "竞争型": "competitive",
    "竞争型中介": "competitive",
    "竞争中介": "competitive",
    "遮掩效应": "competitive",
    "direct only": "direct-only",
    "direct only nonmediation": "direct-only",
    "仅直接效应型": "direct-only",
    "仅直接效应": "direct-only",
    "仅直接型": "direct-only",
    "no effect": "no-effect",
    "no effect nonmediation": "no-effect",
    "无效应型": "no-effect",
    "无效应": "no-effect",
}


@cache
def _hotel():
    from cxlab import datasets
    from cxlab.survey import Survey

    survey = Survey(datasets.load("hotel_4e"), datasets.codebook("hotel_4e"), id_column="guest_id")
    return survey.reverse_code().data


@cache
def _mediation_fit():
    from cxlab import sem

    return sem.fit(MEDIATION, _hotel())


@cache
def _group_fits():
    from cxlab import sem

    data = _hotel()
    free = sem.fit(GROUPS_FREE, data, group="segment", group_equal=GROUP_EQUAL)
    equal = sem.fit(GROUPS_EQUAL, data, group="segment", group_equal=GROUP_EQUAL)
    return free, equal


def _row(table, label: str):
    return table[table["label"] == label].iloc[0]


def _indirect() -> float:
    return float(_row(_mediation_fit().estimates(), "indirect")["est"])


def _mediation_type() -> str:
    """Zhao, Lynch & Chen (2010): which of a·b and c' are there, and with which signs."""
    fit = _mediation_fit()
    mc = _row(fit.monte_carlo_ci(R=20000, seed=7).defined(), "indirect")
    direct = _row(fit.estimates(), "c")
    indirect_there = mc["ci_low"] > 0 or mc["ci_high"] < 0
    direct_there = direct["pvalue"] < 0.05
    if indirect_there and direct_there:
        return "complementary" if mc["est"] * direct["est"] > 0 else "competitive"
    if indirect_there:
        return "indirect-only"
    return "direct-only" if direct_there else "no-effect"


def _delta_chisq() -> float:
    from cxlab import sem

    table = sem.compare(*_group_fits(), names=["a free", "a equal"])
    return float(table["delta_chisq"].iloc[1])


def _std_business() -> float:
    return float(_row(_group_fits()[0].estimates(), "a1")["std.all"])


register(
    Exercise(
        id="07.indirect",
        prompt="Unstandardized indirect effect a·b of esthetics on satisfaction via memory "
        "(pooled hotel_4e model)?",
        solution=_indirect,
        wrong=lambda: 0.181,
        tol=0.001,
        hint="fit.estimates(), the row with label 'indirect' (op ':='), column 'est'.",
        explanation="a·b = 0.294 × 0.717 ≈ 0.210 (standardized .21; the generator's truth is "
        ".33 × .60 ≈ .20).",
        prompt_zh="在合并样本的 hotel_4e 模型中，审美体验经由记忆对满意度的未标准化间接效应 a·b "
        "是多少？",
        hint_zh="fit.estimates()：label 为 'indirect'（op 为 ':='）的那一行，'est' 列。",
        explanation_zh="a·b = 0.294 × 0.717 ≈ 0.210（标准化值为 .21；数据生成器的真实值是 .33 × "
        ".60 ≈ .20）。",
        worked="The `:=` line `indirect := a*b` of the mediation model (section 1) makes a·b "
        "a row of the estimates:\n\n"
        "```python\n"
        "est = fit.estimates()\n"
        'est.loc[est["label"] == "indirect", "est"].iloc[0]  # 0.210\n'
        "```\n\n"
        "a·b = 0.294 × 0.717 ≈ 0.210 (standardized .21; the truth ≈ .20). Not 0.181: that is "
        "the total effect c + a·b, which adds the direct path c = −0.030.",
        worked_zh="中介模型（第 1 节）中的 `:=` 行 `indirect := a*b` 让 a·b 成为估计值表中的一行："
        "\n\n"
        "```python\n"
        "est = fit.estimates()\n"
        'est.loc[est["label"] == "indirect", "est"].iloc[0]  # 0.210\n'
        "```\n\n"
        "a·b = 0.294 × 0.717 ≈ 0.210（标准化值 .21；真实值 ≈ .20）。不是 0.181：那是总效应 "
        "c + a·b，其中还加上了直接路径 c = −0.030。",
    )
)

register(
    Exercise(
        id="07.mediation_type",
        prompt="Which type of mediation (Zhao, Lynch & Chen 2010) do the hotel_4e data show "
        "for esthetics → memory → satisfaction?",
        kind="text",
        solution=_mediation_type,
        wrong=lambda: "complementary",
        synonyms=MEDIATION_TYPES,
        hint="Is the indirect effect there (its CI excludes 0)? Is the direct effect c there "
        "(p < .05)? Both with the same sign: complementary; opposite signs: competitive; "
        "only a·b: indirect-only; only c: direct-only; neither: no-effect.",
        explanation="Indirect-only: a·b is clearly above 0, the direct path c (−0.030, "
        "p = .495) is not — as in the generator, which has no direct esthetics → "
        "satisfaction path.",
        prompt_zh="按 Zhao, Lynch & Chen（2010）的分类，hotel_4e 数据中审美体验 → 记忆 → 满意度属"
        "于哪种中介类型？",
        hint_zh="间接效应存在吗（它的置信区间不包含 0）？直接效应 c 存在吗（p < .05）？两者都存在"
        "且符号相同：互补型；符号相反：竞争型；只有 a·b：仅间接效应型；只有 c：仅直接效应型；两者"
        "都不存在：无效应型。",
        explanation_zh="仅间接效应型（indirect-only，即 Baron & Kenny 所说的“完全中介”）：a·b 明"
        "显大于 0，直接路径 c（−0.030，p = .495）则不然——与数据生成器一致，它没有审美体验 → 满意"
        "度的直接路径。",
        worked="Two questions decide the type: does the interval of a·b exclude 0 "
        "(Monte-Carlo, section 3), and is the direct path c significant?\n\n"
        "```python\n"
        'mc_row = mc.defined().set_index("label").loc["indirect"]\n'
        'c_row = est.loc[est["label"] == "c"].iloc[0]\n'
        'ab_there = not mc_row["ci_low"] <= 0 <= mc_row["ci_high"]\n'
        'c_there = c_row["pvalue"] < 0.05\n'
        "if ab_there and c_there:\n"
        '    kind = "complementary" if mc_row["est"] * c_row["est"] > 0 else "competitive"\n'
        "else:\n"
        '    kind = "indirect-only" if ab_there else "direct-only" if c_there else "no-effect"\n'
        "kind  # 'indirect-only'\n"
        "```\n\n"
        "a·b = 0.210 [0.148, 0.278] is clearly above 0; c = −0.030 (p = .495) is not: "
        'indirect-only, Baron & Kenny\'s "full mediation" — as in the generator, which has '
        "no direct path. Not complementary: that needs a direct effect too.",
        worked_zh="判断类型要回答两个问题：a·b 的区间是否排除 0（蒙特卡洛区间，第 3 节）？直接路"
        "径 c 是否显著？\n\n"
        "```python\n"
        'mc_row = mc.defined().set_index("label").loc["indirect"]\n'
        'c_row = est.loc[est["label"] == "c"].iloc[0]\n'
        'ab_there = not mc_row["ci_low"] <= 0 <= mc_row["ci_high"]\n'
        'c_there = c_row["pvalue"] < 0.05\n'
        "if ab_there and c_there:\n"
        '    kind = "complementary" if mc_row["est"] * c_row["est"] > 0 else "competitive"\n'
        "else:\n"
        '    kind = "indirect-only" if ab_there else "direct-only" if c_there else "no-effect"\n'
        "kind  # 'indirect-only'\n"
        "```\n\n"
        "a·b = 0.210 [0.148, 0.278]，明显大于 0；c = −0.030（p = .495）则不显著：这是仅间接效应型"
        "中介，即 Baron & Kenny 所说的“完全中介”——与数据生成器一致，它没有直接路径。不是互补型："
        "互补型还需要一个直接效应。",
    )
)

register(
    Exercise(
        id="07.delta_chisq",
        prompt="Δχ² of holding esthetics → memory equal for business and leisure guests?",
        solution=_delta_chisq,
        wrong=lambda: 3.841,
        tol=0.01,
        hint="cx.sem.compare(free, equal, names=[...]), column delta_chisq of the second row.",
        explanation="Δχ²(1) = 3.72, p = .054: just short of 5 % significance, although the "
        "true paths differ (.15 vs .45). One sample is one draw; do not read p > .05 as "
        "'no difference'.",
        prompt_zh="把审美体验 → 记忆这条路径在商务客人和休闲客人之间设为相等，Δχ² 是多少？",
        hint_zh="cx.sem.compare(free, equal, names=[...])，第二行的 delta_chisq 列。",
        explanation_zh="Δχ²(1) = 3.72，p = .054：差一点达到 5 % 的显著水平，尽管真实路径并不相同"
        "（.15 对 .45）。一个样本只是一次抽样；不要把 p > .05 解读为“没有差异”。",
        worked="Section 6 fitted the two-group model twice — esthetics → memory free "
        "(`c(a1, a2)`) and held equal (`c(a, a)`) — and compared them:\n\n"
        "```python\n"
        'comparison = cx.sem.compare(free, equal, names=["a free", "a equal"])\n'
        'comparison["delta_chisq"].iloc[1]  # 3.72\n'
        "```\n\n"
        "Δχ²(1) = 3.72, p = .054: just short of 5 % significance, although the true paths "
        "differ (.15 vs .45). Not 3.841: that is the 5 % critical value of χ²(1), which "
        '3.72 just misses. Report the difference with its interval, never "no difference".',
        worked_zh="第 6 节把两群组模型拟合了两次——审美体验 → 记忆自由估计（`c(a1, a2)`）和设为相等"
        "（`c(a, a)`）——再加以比较：\n\n"
        "```python\n"
        'comparison = cx.sem.compare(free, equal, names=["a free", "a equal"])\n'
        'comparison["delta_chisq"].iloc[1]  # 3.72\n'
        "```\n\n"
        "Δχ²(1) = 3.72，p = .054：差一点达到 5 % 的显著水平，尽管真实路径并不相同（.15 对 .45）。"
        "不是 3.841：那是 χ²(1) 在 5 % 水平上的临界值，3.72 刚好没有达到。应当报告差异及其置信区"
        "间，绝不要写成“没有差异”。",
    )
)

register(
    Exercise(
        id="07.std_business",
        prompt="Standardized esthetics → memory path (std.all) of business guests in the "
        "two-group model with the path free?",
        solution=_std_business,
        wrong=lambda: 0.15,
        tol=0.001,
        hint="free.estimates(), the row with label 'a1' (group 1 = business), column 'std.all' "
        "— the estimate, not the generator's truth.",
        explanation="About .235, against .382 for leisure guests; the truth is .15 and .45, so "
        "sampling error pulled the two estimates towards each other.",
        prompt_zh="在路径自由估计的两群组模型中，商务客人审美体验 → 记忆的标准化路径（std.all）是"
        "多少？",
        hint_zh="free.estimates()：label 为 'a1' 的那一行（群组 1 = 商务客人），'std.all' 列——要"
        "的是估计值，不是数据生成器的真实值。",
        explanation_zh="约 .235，休闲客人为 .382；真实值是 .15 和 .45，所以抽样误差把两个估计值拉"
        "近了。",
        worked="In the model with the path free, `a1` labels esthetics → memory in group 1; "
        "`free.groups` is ['business', 'leisure'], so group 1 is business:\n\n"
        "```python\n"
        "est_g = free.estimates()\n"
        'est_g.loc[est_g["label"] == "a1", "std.all"].iloc[0]  # 0.235\n'
        "```\n\n"
        "β = .235 for business guests, against .382 for leisure guests (`a2`). Not .15: that "
        "is the generator's truth, not the estimate — sampling error pulled the two "
        "estimates towards each other.",
        worked_zh="在路径自由估计的模型中，`a1` 是群组 1 中审美体验 → 记忆的标签；`free.groups` 是 "
        "['business', 'leisure']，所以群组 1 是商务客人：\n\n"
        "```python\n"
        "est_g = free.estimates()\n"
        'est_g.loc[est_g["label"] == "a1", "std.all"].iloc[0]  # 0.235\n'
        "```\n\n"
        "商务客人的 β = .235，休闲客人（`a2`）为 .382。不是 .15：那是数据生成器的真实值，不是估计"
        "值——抽样误差把两个估计值拉近了。",
    )
)

# --- Self-assessment: the lesson's key ideas, one letter each (cx.self_assessment) ---

register(
    Exercise(
        id="07.sa1",
        prompt="“Does esthetics raise satisfaction because guests remember their stay?” and "
        "“Do business guests care about the look and feel as much as leisure guests?” Which "
        "is which? (a) both are questions of mediation; (b) the first is mediation (how), the "
        "second moderation (for whom); (c) the first is moderation, the second mediation; (d) "
        "both are questions of moderation",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "b",
        wrong=lambda: "c",
        hint="The lesson's introduction, and Concepts: 'how' and 'for whom'.",
        explanation="(b). Mediation asks how: X affects a mediator M (memory), which affects "
        "Y. Moderation asks for whom: the effect of X depends on a moderator W (the segment). "
        "(c) swaps the two words, the usual mix-up; (a) and (d) miss that the two questions "
        "need different models — a path through memory, and a path compared across groups.",
        prompt_zh="“审美体验之所以提高满意度，是因为客人记住了这次住宿吗？”和“商务客人和休闲客人一"
        "样在意环境与观感吗？”哪个问题属于哪一类？(a) 两个都是中介效应的问题；(b) 第一个是中介效应"
        "（如何起作用），第二个是调节效应（对谁起作用）；(c) 第一个是调节效应，第二个是中介效应；(d"
        ") 两个都是调节效应的问题",
        hint_zh="本课的开头，以及基本概念：“如何起作用”和“对谁起作用”。",
        explanation_zh="(b)。中介效应问的是如何起作用：X 影响中介变量 M（记忆），M 再影响 Y。调节效"
        "应问的是对谁起作用：X 的效应取决于调节变量 W（细分群体）。(c) 把两个词弄反了，这是常见的"
        "混淆；(a) 和 (d) 没有看到这两个问题需要不同的模型——一条经由记忆的路径，和一条在群组之间比"
        "较的路径。",
        worked="The lesson answers the first question with a mediation model and the second "
        "with a multi-group model:\n\n"
        "```\n"
        "Memory ~ a*Esthetics + ...          # mediation: the route X → M → Y\n"
        "Memory ~ c(a1, a2)*Esthetics + ...  # moderation: the path per segment\n"
        "```\n\n"
        '```python\nanswer = "b"\ncx.check("07.sa1", answer)\n```\n\n'
        "How (through memory) is mediation; for whom (business or leisure guests) is "
        "moderation. An indirect effect that differs between groups combines the two: "
        "moderated mediation.",
        worked_zh="本课用中介模型回答第一个问题，用多群组模型回答第二个问题：\n\n"
        "```\n"
        "Memory ~ a*Esthetics + ...          # mediation: the route X → M → Y\n"
        "Memory ~ c(a1, a2)*Esthetics + ...  # moderation: the path per segment\n"
        "```\n\n"
        '```python\nanswer = "b"\ncx.check("07.sa1", answer)\n```\n\n'
        "如何起作用（经由记忆）是中介效应；对谁起作用（商务客人还是休闲客人）是调节效应。一个在群组"
        "之间不同的间接效应把两者结合起来：有调节的中介。",
    )
)

register(
    Exercise(
        id="07.sa2",
        prompt="The total effect of X on Y is not significant. Can there still be mediation? "
        "(a) no: Baron & Kenny's first step rules it out; (b) no: without a total effect there "
        "is nothing to mediate; (c) only if the direct path c is significant; (d) yes: a "
        "positive indirect and a negative direct effect can cancel (competitive mediation), so "
        "test a·b itself",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "d",
        wrong=lambda: "a",
        hint="Concepts, 'Baron & Kenny (1986) are outdated', and Practice, section 2.",
        explanation="(d). Test the indirect effect a·b itself (Hayes 2009) and classify the "
        "result (Zhao, Lynch & Chen 2010). When the indirect and the direct effect have "
        "opposite signs they can cancel in the total: competitive mediation, which Baron & "
        "Kenny's first step (a) misses, as does (b); (c) is not what decides — a·b is.",
        prompt_zh="X 对 Y 的总效应不显著。还可能存在中介效应吗？(a) 不可能：Baron & Kenny 的第一步"
        "排除了它；(b) 不可能：没有总效应，就没有什么可以中介的；(c) 只有当直接路径 c 显著时才可能"
        "；(d) 可能：正的间接效应和负的直接效应可以相互抵消（竞争型中介），所以要直接检验 a·b 本身",
        hint_zh="基本概念中的“Baron & Kenny（1986）的方法已经过时”，以及动手练习第 2 节。",
        explanation_zh="(d)。直接检验间接效应 a·b 本身（Hayes 2009），再给结果分类（Zhao, Lynch & "
        "Chen 2010）。间接效应和直接效应符号相反时，它们会在总效应中相互抵消：这就是竞争型中介，"
        "Baron & Kenny 的第一步 (a) 会漏掉它，(b) 也一样；(c) 起决定作用的不是 c，而是 a·b。",
        worked="Baron & Kenny's causal steps start with 'X must affect Y'. Zhao, Lynch & Chen "
        "ask two other questions: is a·b there (its interval excludes 0), and is c there? "
        "In the hotel data:\n\n"
        "```python\n"
        'to_sat[["effect", "est", "ci_low", "ci_high"]]  # indirect 0.210, direct -0.030\n'
        'answer = "d"\ncx.check("07.sa2", answer)\n```\n\n'
        "Here the total effect is significant, but the same road works when it is not: a "
        "positive a·b and a negative c can cancel — competitive mediation, which the first "
        "step of Baron & Kenny would rule out.",
        worked_zh="Baron & Kenny 的因果逐步法从“X 必须影响 Y”开始。Zhao, Lynch & Chen 问的是另外两"
        "个问题：a·b 存在吗（它的区间不包含 0）？c 存在吗？在酒店数据中：\n\n"
        "```python\n"
        'to_sat[["effect", "est", "ci_low", "ci_high"]]  # indirect 0.210, direct -0.030\n'
        'answer = "d"\ncx.check("07.sa2", answer)\n```\n\n'
        "这里总效应是显著的，但总效应不显著时，同样的思路依然适用：正的 a·b 和负的 c 可以相互抵消"
        "——这就是竞争型中介，而 Baron & Kenny 的第一步会把它排除掉。",
    )
)

register(
    Exercise(
        id="07.sa3",
        prompt="Why do indirect effects a·b get bootstrap or Monte-Carlo intervals rather than "
        "estimate ± 1.96·SE? (a) the product of two normally distributed estimates is skewed, "
        "so a symmetric interval is off; (b) a and b themselves are never normally "
        "distributed; (c) the bootstrap always gives narrower intervals; (d) the delta method "
        "cannot compute a standard error for a·b",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "a",
        wrong=lambda: "c",
        hint="Concepts, 'Why a·b needs special intervals', and Practice, section 4.",
        explanation="(a). Even when a and b are each normal, their product is skewed (to the "
        "right when both are positive), the more so the less precise a and b are; the "
        "percentile bootstrap and Monte-Carlo intervals follow the skew, the delta-method "
        "(Sobel) interval is always symmetric. (b) the trouble is the product, not a and b; "
        "(c) they need not be narrower — in section 3 all three are about as wide, only their "
        "shape differs; (d) it can (lavaan's default for :=), but its symmetric shape is off.",
        prompt_zh="为什么间接效应 a·b 要用自助法区间或蒙特卡洛区间，而不用估计值 ± 1.96·SE？(a) 两"
        "个服从正态分布的估计值的乘积是偏斜的，所以对称的区间不准确；(b) a 和 b 本身从来就不服从正"
        "态分布；(c) 自助法给出的区间总是更窄；(d) delta 法算不出 a·b 的标准误",
        hint_zh="基本概念中的“为什么 a·b 需要特殊的置信区间”，以及动手练习第 4 节。",
        explanation_zh="(a)。即使 a 和 b 各自服从正态分布，它们的乘积也是偏斜的（两者都为正时向右"
        "偏），a 和 b 估计得越不精确，偏斜就越明显；百分位自助法区间和蒙特卡洛区间会随偏斜而变，del"
        "ta 法（Sobel）区间则永远是对称的。(b) 问题出在乘积上，而不在 a 和 b；(c) 它们不一定更窄——"
        "第 3 节中三种区间的宽度差不多，只是形状不同；(d) delta 法能算（这是 lavaan 对 := 的默认做"
        "法），只是它的对称形状不准确。",
        worked="Section 4 shows the skew directly:\n\n"
        "```python\n"
        "stats.skew(ab_draws)  # 0.28: strong paths, nearly normal\n"
        "stats.skew(weak)      # 0.89: a = b = 0.2 with SE 0.1\n"
        'answer = "a"\ncx.check("07.sa3", answer)\n```\n\n'
        "With weak paths the Sobel interval [−0.015, 0.095] is symmetric around 0.04 and cuts "
        "off the long right tail; the Monte-Carlo interval [−0.004, 0.111] follows the skew. "
        "The intervals are not narrower (c); they have the right shape.",
        worked_zh="第 4 节直接展示了偏斜：\n\n"
        "```python\n"
        "stats.skew(ab_draws)  # 0.28: strong paths, nearly normal\n"
        "stats.skew(weak)      # 0.89: a = b = 0.2 with SE 0.1\n"
        'answer = "a"\ncx.check("07.sa3", answer)\n```\n\n'
        "路径较弱时，Sobel 区间 [−0.015, 0.095] 以 0.04 为中心对称，截掉了长长的右尾；蒙特卡洛区间 "
        "[−0.004, 0.111] 则随偏斜而变。这些区间并不更窄 (c)，而是形状正确。",
    )
)

register(
    Exercise(
        id="07.sa4",
        prompt="Holding esthetics → memory equal for business and leisure guests gives p = "
        ".054. What do you write? (a) business and leisure guests do not differ in this path; "
        "(b) the paths differ: p is close enough to .05; (c) the data lean towards a "
        "difference but cannot rule out equality at the 5 % level: report the difference with "
        "its interval; (d) try other seeds or samples until p < .05",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "c",
        wrong=lambda: "a",
        hint="Practice, sections 6 and 7.",
        explanation="(c). p > .05 is not evidence of no difference — here we know the true "
        "paths differ (.15 and .45). Report the difference (0.156) with its interval, which "
        "just includes 0. (a) is the usual misreading; (b) moves the threshold after seeing "
        "the result; (d) trying seeds until one 'works' is never a reason.",
        prompt_zh="把审美体验 → 记忆这条路径在商务客人和休闲客人之间设为相等，得到 p = .054。你该怎"
        "样写？(a) 商务客人和休闲客人在这条路径上没有差别；(b) 路径不同：p 已经足够接近 .05；(c) 数"
        "据倾向于存在差别，但在 5 % 的水平上不能排除两者相等：报告差值及其置信区间；(d) 换别的随机"
        "种子或样本，直到 p < .05",
        hint_zh="动手练习第 6、7 节。",
        explanation_zh="(c)。p > .05 并不是“没有差别”的证据——这里我们知道真实的路径不同（.15 和 "
        ".45）。应报告差值（0.156）及其置信区间，这个区间刚好包含 0。(a) 是常见的误读；(b) 是看到结"
        "果之后才挪动界限；(d) 一个个试随机种子、直到有一个“管用”，这永远不是理由。",
        worked="Sections 6 and 7 give the test and the interval:\n\n"
        "```python\n"
        'comparison[["model", "delta_chisq", "delta_df", "p_delta"]]  # p = .054\n'
        'defined.loc["diff_a"]  # 0.156, lower bounds just below 0\n'
        'answer = "c"\ncx.check("07.sa4", answer)\n```\n\n'
        "The data lean towards a difference but cannot rule out equality at the 5 % level, "
        "although the simulation made the paths differ (.15 vs .45): one sample can miss a "
        "true difference. Report the estimate with its interval, not the verdict 'no "
        "difference' (a); how many guests would detect it is a power question (lesson 13).",
        worked_zh="第 6、7 节给出了检验和区间：\n\n"
        "```python\n"
        'comparison[["model", "delta_chisq", "delta_df", "p_delta"]]  # p = .054\n'
        'defined.loc["diff_a"]  # 0.156, lower bounds just below 0\n'
        'answer = "c"\ncx.check("07.sa4", answer)\n```\n\n'
        "数据倾向于存在差别，但在 5 % 的水平上不能排除两者相等，尽管模拟时设定了两条路径不同（.15 "
        "对 .45）：一个样本可能错过真实的差别。应报告估计值及其置信区间，而不是“没有差别”的结论 "
        "(a)；需要多少客人才能检测出这个差别，是一个统计功效问题（第 13 课）。",
    )
)

register(
    Exercise(
        id="07.sa5",
        prompt="The moderator is continuous (nights stayed). A colleague splits the guests at "
        "the median and fits a two-group model. What would you do instead? (a) nothing: "
        "groups are the way to test moderation; (b) keep the moderator continuous and use a "
        "latent interaction (product indicators or LMS), because cutting it into groups wastes "
        "information; (c) split into four groups at the quartiles; (d) drop the moderator and "
        "fit the pooled model",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "b",
        wrong=lambda: "a",
        hint="Concepts, 'Groups or interaction?'.",
        explanation="(b). Cutting a continuous moderator into groups wastes information; a "
        "latent interaction (product indicators, Marsh, Wen & Hau 2004, or LMS) keeps it. "
        "Multi-group models are for categorical moderators such as the segment. (a) and (c) "
        "still cut the moderator into groups; (d) drops the question (for whom) the colleague "
        "asked.",
        prompt_zh="调节变量是连续的（入住晚数）。一位同事按中位数把客人分成两组，拟合一个两群组模型"
        "。你会怎么做？(a) 不用改：检验调节效应就是要分组；(b) 保持调节变量为连续变量，使用潜变量交"
        "互项（乘积指标法或 LMS），因为把它切成几组会浪费信息；(c) 按四分位数分成四组；(d) 去掉调节"
        "变量，拟合合并样本的模型",
        hint_zh="基本概念中的“分组还是交互项？”。",
        explanation_zh="(b)。把连续的调节变量切成几组会浪费信息；潜变量交互项（乘积指标法，Marsh, "
        "Wen & Hau 2004，或 LMS）则保留了这些信息。多群组模型适合类别型的调节变量，比如细分群体。"
        "(a) 和 (c) 仍然把调节变量切成了几组；(d) 丢掉了同事想问的问题（对谁起作用）。",
        worked="Concepts, 'Groups or interaction?': when the moderator is continuous (trip "
        "length, involvement, age), do not cut it into groups. In R the product indicators "
        "come from `semTools::indProd`; LMS is Mplus `XWITH`, or R's `nlsem` and `modsem`.\n\n"
        '```python\nanswer = "b"\ncx.check("07.sa5", answer)\n```\n\n'
        "A median split throws away the differences within each half, and quartiles (c) still "
        "do; multi-group models are for categorical moderators such as business vs leisure "
        "guests.",
        worked_zh="基本概念中的“分组还是交互项？”：调节变量是连续的（行程长度、卷入度、年龄）时，不"
        "要把它切成几组。在 R 中，乘积指标可以用 `semTools::indProd` 生成；LMS 对应 Mplus 的 "
        "`XWITH`，或 R 的 `nlsem`、`modsem`。\n\n"
        '```python\nanswer = "b"\ncx.check("07.sa5", answer)\n```\n\n'
        "按中位数分组会丢掉每一半内部的差别，按四分位数分组 (c) 也一样；多群组模型适合类别型的调节"
        "变量，比如商务客人与休闲客人。",
    )
)
