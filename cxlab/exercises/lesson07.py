"""Exercises of lesson 07: mediation, moderation and groups."""

from __future__ import annotations

from functools import cache

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
