"""Exercises of lesson 08b: PLS-SEM for experience research — a higher-order experience,
moderation by segment, MICOM and multi-group analysis on ``hotel_4e``."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from cxlab.exercises.lesson00b import OPTION_WORDS
from cxlab.exercises.registry import Exercise, register

if TYPE_CHECKING:
    import pandas as pd

    from cxlab.pls import PLSMGA, PLSFit

#: the lesson's structural model below memory (satisfaction, loyalty, word of mouth)
STRUCTURE = """
Satisfaction ~ Memory + Entertainment
Loyalty ~ Satisfaction
WOM ~ Satisfaction
"""
#: the higher-order model of section 1: the four realms form Experience
HIGHER = """
Experience <~ Education + Esthetics + Entertainment + Escapism
Memory ~ Experience
Satisfaction ~ Memory + Experience
Loyalty ~ Satisfaction
WOM ~ Satisfaction
"""
#: yes / no in the words a participant may use for "does PLS-MGA find a difference?"
DIFFER_WORDS = {
    "y": "yes",
    "true": "yes",
    "n": "no",
    "false": "no",
    "differs": "yes",
    "different": "yes",
    "not different": "no",
    "有差异": "yes",
    "有": "yes",
    "不同": "yes",
    "显著": "yes",
    "没有": "no",
    "无差异": "no",
    "没有差异": "no",
    "不显著": "no",
}


def _data() -> pd.DataFrame:
    """hotel_4e with esc3r reverse-coded and the 0/1 column ``leisure``, as in the lesson."""
    from cxlab import datasets
    from cxlab.survey import Survey

    survey = Survey(datasets.load("hotel_4e"), datasets.codebook("hotel_4e"), id_column="guest_id")
    data = survey.reverse_code().data.copy()
    data["leisure"] = (data["segment"] == "leisure").astype(int)
    return data


def _measurement() -> str:
    """The measurement part of lesson 08's 4E template (eight constructs, 24 items)."""
    from cxlab import models

    return "\n".join(line for line in models.experience_economy_4e().splitlines() if "=~" in line)


@lru_cache(maxsize=1)
def _interaction_fit() -> PLSFit:
    """Section 2: the four realms, the 0/1 moderator Leisure and Esthetics:Leisure on Memory
    (two-stage interaction; cached, the tests ask several times)."""
    from cxlab import pls

    model = (
        _measurement()
        + "\nLeisure =~ leisure\n"
        + "Memory ~ Education + Esthetics + Entertainment + Escapism + Leisure + Esthetics:Leisure"
        + STRUCTURE
    )
    return pls.fit(model, _data())


@lru_cache(maxsize=1)
def _mga() -> PLSMGA:
    """Section 3: PLS-MGA of business vs leisure guests on the first-order model, B = 5000
    and seed 2026 as in the lesson (about two seconds; cached)."""
    from cxlab import pls

    data = _data()
    model = (
        _measurement() + "\nMemory ~ Education + Esthetics + Entertainment + Escapism" + STRUCTURE
    )
    plain = pls.fit(model, data)
    return pls.mga(plain, "segment", data=data, B=5000, seed=2026, progress=False)


def _ave_reflective() -> float:
    """AVE of Experience when the four realms are its reflective dimensions (``=~``)."""
    from cxlab import pls

    fit = pls.fit(_measurement() + HIGHER.replace("Experience <~", "Experience =~"), _data())
    rel = fit.reliability().set_index("construct")
    return float(rel.loc["Experience", "ave"])


def _interaction_f2() -> float:
    """f² of the Esthetics:Leisure interaction on Memory."""
    return float(_interaction_fit().interaction_f2()["f2"].iloc[0])


def _slope_business() -> float:
    """Simple slope of Esthetics on Memory for business guests (Leisure at −1.22 SD)."""
    data = _data()
    share, sd = data["leisure"].mean(), data["leisure"].std()
    slopes = _interaction_fit().simple_slopes("Leisure", at=(round(-share / sd, 2),))
    return float(slopes.table["slope"].iloc[0])


def _mga_differs() -> str:
    """Whether PLS-MGA's permutation test finds Esthetics → Memory different at 5 %."""
    table = _mga().table
    row = table[(table["lhs"] == "Memory") & (table["rhs"] == "Esthetics")].iloc[0]
    return "yes" if bool(row["different"]) else "no"


register(
    Exercise(
        id="08b.ave_reflective",
        prompt="If the four realms were reflective dimensions of Experience (Experience =~ "
        "Education + Esthetics + Entertainment + Escapism), what would Experience's AVE be?",
        solution=_ave_reflective,
        wrong=lambda: 0.694,
        tol=0.002,
        hint="Fit the model with 'Experience =~' in place of 'Experience <~' and read the "
        "column ave of fit.reliability(), row Experience (section 1).",
        explanation="AVE = .364, far below .50: the realms share little variance, so they "
        "are not interchangeable expressions of one experience — the reflective-formative "
        "type fits them.",
        prompt_zh="如果把四个领域当作体验（Experience）的反映型维度（Experience =~ Education + "
        "Esthetics + Entertainment + Escapism），体验的平均方差抽取量（AVE）是多少？",
        hint_zh="把模型中的 'Experience <~' 换成 'Experience =~' 重新拟合，读取 "
        "fit.reliability() 中 Experience 那一行的 ave 列（第 1 节）。",
        explanation_zh="AVE = .364，远低于 .50：四个领域共享的方差很少，它们并不是同一种体验的"
        "可互换的表现——反映型-形成型更适合它们。",
        worked="Section 1 fits the same model with `=~` for Experience and prints its "
        "reliability:\n\n"
        "```python\n"
        'rr = cx.pls.fit(model_hoc.replace("Experience <~", "Experience =~"), data)\n'
        'rr.reliability().set_index("construct").loc["Experience", "ave"]  # 0.364\n'
        "```\n\n"
        "AVE = .364 (α .413, ρc .694): a reflective Experience would fail the tests of a "
        "reflective scale, because the realms correlate only .08–.25. Not .694: that is ρc, "
        "the composite reliability, in the same row.",
        worked_zh="第 1 节把体验改用 `=~` 拟合同一个模型，并打印它的信度：\n\n"
        "```python\n"
        'rr = cx.pls.fit(model_hoc.replace("Experience <~", "Experience =~"), data)\n'
        'rr.reliability().set_index("construct").loc["Experience", "ave"]  # 0.364\n'
        "```\n\n"
        "AVE = .364（α .413，ρc .694）：反映型的体验通不过反映型量表的检验，因为四个领域之间的"
        "相关只有 .08–.25。不是 .694：那是同一行里的 ρc，即组合信度。",
    )
)

register(
    Exercise(
        id="08b.interaction_f2",
        prompt="Effect size f² of the interaction term Esthetics:Leisure on Memory? A number "
        "(four decimals).",
        solution=_interaction_f2,
        wrong=lambda: 0.075,
        tol=0.0005,
        hint="mod.interaction_f2(): the column f2 compares R² of Memory with and without the "
        "interaction (section 2) — not the interaction's path coefficient.",
        explanation="f² = .0082: the interaction raises R² of Memory from .2933 to .299, "
        "below the .02 usually called small.",
        prompt_zh="交互项 Esthetics:Leisure 对记忆（Memory）的效应量 f² 是多少？填一个数（保留四位"
        "小数）。",
        hint_zh="mod.interaction_f2()：f2 列比较有交互项和没有交互项时记忆的 R²（第 2 节）——不是"
        "交互项的路径系数。",
        explanation_zh="f² = .0082：交互项只把记忆的 R² 从 .2933 提高到 .299，低于通常称为“小”的 "
        ".02。",
        worked="Section 2 prints the interaction's f² next to the two R² it compares:\n\n"
        "```python\n"
        'mod.interaction_f2()["f2"].iloc[0]  # 0.0082\n'
        "```\n\n"
        "f² = (.2990 − .2933) / (1 − .2990) = .0082. Not .075: that is the interaction's path "
        "coefficient, which says how much the slope changes, not how much variance the term "
        "adds.",
        worked_zh="第 2 节把交互项的 f² 和它所比较的两个 R² 一起打印出来：\n\n"
        "```python\n"
        'mod.interaction_f2()["f2"].iloc[0]  # 0.0082\n'
        "```\n\n"
        "f² = (.2990 − .2933) / (1 − .2990) = .0082。不是 .075：那是交互项的路径系数，它说的是"
        "斜率变化了多少，而不是这一项增加了多少解释方差。",
    )
)

register(
    Exercise(
        id="08b.slope_business",
        prompt="Simple slope of Esthetics on Memory for business guests (Leisure at −1.22 "
        "SD)? A number (three decimals).",
        solution=_slope_business,
        wrong=lambda: 0.292,
        tol=0.002,
        hint="slopes.table, the row of level −1.22 (business guests: 0 on the 0/1 variable, "
        "standardized) — not the path of Esthetics, which is the slope at the mean of "
        "Leisure (section 2).",
        explanation="0.201 = 0.292 + 0.075 × (−1.22): for business guests esthetics goes "
        "with memory less strongly than for leisure guests (0.354).",
        prompt_zh="对商务客人（Leisure 处于 −1.22 个标准差）而言，审美（Esthetics）对记忆的简单斜率"
        "是多少？填一个数（保留三位小数）。",
        hint_zh="slopes.table 中 level 为 −1.22 的那一行（商务客人：标准化后的 0/1 变量取 0 的值）"
        "——不是 Esthetics 的路径，那是 Leisure 处于均值时的斜率（第 2 节）。",
        explanation_zh="0.201 = 0.292 + 0.075 × (−1.22)：对商务客人来说，审美与记忆的关联比休闲客"
        "人（0.354）弱。",
        worked="Section 2 standardizes the 0/1 variable as PLS does and asks for the slopes at "
        "the business and leisure values:\n\n"
        "```python\n"
        'share, sd = data["leisure"].mean(), data["leisure"].std()\n'
        "levels = (round(-share / sd, 2), round((1 - share) / sd, 2))  # (-1.22, 0.82)\n"
        'slopes = mod.simple_slopes("Leisure", at=levels, boot=boot_mod)\n'
        'slopes.table["slope"].iloc[0]  # 0.201\n'
        "```\n\n"
        "0.201 = 0.292 + 0.075 × (−1.22). Not 0.292: that is the path of Esthetics itself, the "
        "slope at the mean of Leisure — a guest who is 60 % leisure, which nobody is.",
        worked_zh="第 2 节像 PLS 那样把 0/1 变量标准化，再求商务客人和休闲客人所对应取值上的斜率："
        "\n\n"
        "```python\n"
        'share, sd = data["leisure"].mean(), data["leisure"].std()\n'
        "levels = (round(-share / sd, 2), round((1 - share) / sd, 2))  # (-1.22, 0.82)\n"
        'slopes = mod.simple_slopes("Leisure", at=levels, boot=boot_mod)\n'
        'slopes.table["slope"].iloc[0]  # 0.201\n'
        "```\n\n"
        "0.201 = 0.292 + 0.075 × (−1.22)。不是 0.292：那是 Esthetics 本身的路径，即 Leisure 处于"
        "均值时的斜率——相当于一位 60 % 是休闲客人的客人，而这样的客人并不存在。",
    )
)

register(
    Exercise(
        id="08b.mga_differs",
        prompt="Does PLS-MGA's permutation test find the Esthetics → Memory path different for "
        "business and leisure guests at the 5 % level? ('yes' or 'no')",
        kind="choice",
        synonyms=DIFFER_WORDS,
        solution=_mga_differs,
        wrong=lambda: "yes",
        hint="mga.table, the row lhs Memory, rhs Esthetics: compare pvalue_perm with .05 "
        "(section 3).",
        explanation="No: difference −0.133, permutation p = .072 (Henseler's p = .075). The "
        "estimates point the same way as the truth (.15 vs .45), but one sample of 600 cannot "
        "rule out equality at 5 % — report the difference with its p, not 'no difference'.",
        prompt_zh="在 5 % 的水平上，PLS 多群组分析（PLS-MGA）的置换检验是否发现商务客人与休闲客人"
        "的审美 → 记忆路径不同？（填“是”或“否”）",
        hint_zh="mga.table 中 lhs 为 Memory、rhs 为 Esthetics 的那一行：把 pvalue_perm 与 .05 "
        "比较（第 3 节）。",
        explanation_zh="否：差值 −0.133，置换检验 p = .072（Henseler 的 p = .075）。估计值的方向"
        "与真实值（.15 对 .45）一致，但 600 人的一个样本无法在 5 % 的水平上排除两者相等——应报告"
        "差值及其 p 值，而不是写“没有差异”。",
        worked="Section 3 prints every path of both groups with the two tests:\n\n"
        "```python\n"
        "row = mga.table.query(\"lhs == 'Memory' and rhs == 'Esthetics'\").iloc[0]\n"
        'row["diff"], row["pvalue_perm"]  # -0.133, 0.072\n'
        'answer = "no"\n'
        "```\n\n"
        "p = .072 > .05, so `different` is False; no other path comes close either. Lesson 07 "
        "found the same by CB-SEM (Δχ²(1) = 3.72, p = .054), while the interaction of section "
        "2 has an interval that just excludes 0: one modest difference near the 5 % line.",
        worked_zh="第 3 节打印了两组的每一条路径及两种检验：\n\n"
        "```python\n"
        "row = mga.table.query(\"lhs == 'Memory' and rhs == 'Esthetics'\").iloc[0]\n"
        'row["diff"], row["pvalue_perm"]  # -0.133, 0.072\n'
        'answer = "no"\n'
        "```\n\n"
        "p = .072 > .05，所以 `different` 为 False；其他路径也都相差甚远。第 07 课用协方差结构方"
        "程模型（CB-SEM）得到同样的结果（Δχ²(1) = 3.72，p = .054），而第 2 节交互项的区间刚好不包"
        "含 0：这是一个接近 5 % 界线的、不大的差异。",
    )
)

# --- Self-assessment: the lesson's key ideas, one letter each (cx.self_assessment) ---

register(
    Exercise(
        id="08b.sa1",
        prompt="The four realms correlate only .08–.25, and as reflective dimensions they give "
        "Experience an AVE of .36. What follows? (a) the 4E model is wrong: drop the realms; "
        "(b) model Experience as reflective-formative: the realms are distinct parts that "
        "together form the experience and need not correlate; (c) keep the reflective "
        "model and drop the realm with the lowest loading until AVE passes .50; (d) the "
        "realms are not reliable",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "b",
        wrong=lambda: "c",
        hint="Concepts, 'Which type is the 4E experience?', and Practice, section 1.",
        explanation="(b). Pine & Gilmore define the realms by two axes, so they are different "
        "kinds of experience by design; a stay can be rich in one and poor in another. A "
        "reflective HOC needs interchangeable, highly correlated dimensions — these are not. "
        "(a) low correlations do not refute the realms; (c) dropping a realm changes what "
        "Experience means; (d) each realm is reliable (α .81–.87).",
        prompt_zh="四个领域之间的相关只有 .08–.25，把它们当作反映型维度时，体验的 AVE 为 .36。由此"
        "得出什么结论？(a) 4E 模型错了：去掉这些领域；(b) 把体验设为反映型-形成型：四个领域是各不"
        "相同的组成部分，共同形成体验，它们之间不必相关；(c) 保留反映型模型，逐个删去载荷最低的领"
        "域，直到 AVE 超过 .50；(d) 这些领域的测量不可靠",
        hint_zh="基本概念中的“4E 体验属于哪一种？”，以及动手练习第 1 节。",
        explanation_zh="(b)。派恩和吉尔摩用两个维度来定义这四个领域，所以它们本来就是不同种类的体"
        "验；一次入住可以在一个领域很丰富，在另一个领域很贫乏。反映型高阶构念需要可以互换、彼此高"
        "度相关的维度——这四个领域不是。(a) 相关低并不能否定这些领域；(c) 删掉一个领域就改变了体验"
        "的含义；(d) 每个领域本身都是可靠的（α .81–.87）。",
        worked="Section 1 shows both sides:\n\n"
        "```python\n"
        "rel  # each realm: alpha .81-.87, AVE .72-.80\n"
        "rr.reliability()  # a reflective Experience: alpha .413, rho_c .694, AVE .364\n"
        'answer = "b"\ncx.check("08b.sa1", answer)\n```\n\n'
        "The realms are reliable and distinct; as parts of one experience they form it "
        "(`Experience <~ …`), with VIFs of 1.03–1.12 and every weight's interval away from 0.",
        worked_zh="第 1 节给出了两方面的证据：\n\n"
        "```python\n"
        "rel  # each realm: alpha .81-.87, AVE .72-.80\n"
        "rr.reliability()  # a reflective Experience: alpha .413, rho_c .694, AVE .364\n"
        'answer = "b"\ncx.check("08b.sa1", answer)\n```\n\n'
        "四个领域各自可靠、彼此区分；作为同一种体验的组成部分，它们形成这种体验（`Experience <~ "
        "…`），方差膨胀因子为 1.03–1.12，每个权重的区间都不包含 0。",
    )
)

register(
    Exercise(
        id="08b.sa2",
        prompt="The interaction Esthetics:Leisure is 0.075 with 95 % CI [0.008, 0.141] and f² "
        ".008; PLS-MGA's permutation test gives p = .072 for the same path. What do you "
        "report? (a) moderation confirmed: the interval excludes 0; (b) no moderation: "
        "the MGA test is not significant; (c) both point to a stronger esthetics → memory "
        "link for leisure guests; the difference is small and the evidence near the 5 % "
        "line — report both estimates with their intervals and the method chosen in "
        "advance; (d) use whichever method gives p < .05",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "c",
        wrong=lambda: "a",
        hint="Practice, section 3: the comparison with lesson 07, and the paragraph after it.",
        explanation="(c). The interaction model and MGA answer the same question with "
        "different assumptions (one path differs vs every path may differ); their verdicts "
        "fall on both sides of .05 because the difference is modest and measured with little "
        "precision. (a) and (b) turn one side of the line into a verdict; (d) is choosing the "
        "test by its result.",
        prompt_zh="交互项 Esthetics:Leisure 为 0.075，95 % 置信区间 [0.008, 0.141]，f² 为 .008；对"
        "同一条路径，PLS 多群组分析的置换检验给出 p = .072。你该报告什么？(a) 调节效应得到证实：区"
        "间不包含 0；(b) 没有调节效应：多群组分析的检验不显著；(c) 两者都表明休闲客人的审美 → 记忆"
        "关联更强；差异不大，证据处在 5 % 界线附近——报告两种估计值及其区间，以及事先选定的方法；"
        "(d) 哪种方法给出 p < .05 就用哪种",
        hint_zh="动手练习第 3 节：与第 07 课的比较，以及其后的那一段。",
        explanation_zh="(c)。交互项模型和多群组分析回答的是同一个问题，但假设不同（只有一条路径不"
        "同，还是每条路径都可以不同）；它们的结论落在 .05 的两侧，是因为这个差异不大、而且估计得"
        "不够精确。(a) 和 (b) 把界线的某一侧当成了定论；(d) 是根据结果来挑选检验方法。",
        worked="Section 3 puts the estimates side by side:\n\n"
        "```python\n"
        "print(comparison)  # truth .15/.45; CB-SEM p = .054; PLS-MGA p = .072;\n"
        "                   # interaction CI [0.008, 0.141]\n"
        'answer = "c"\ncx.check("08b.sa2", answer)\n```\n\n'
        "All four rows point the same way, and all estimates lie closer together than the "
        "truth. Decide the method before the analysis, and report the difference with its "
        "interval.",
        worked_zh="第 3 节把几种估计并排列出：\n\n"
        "```python\n"
        "print(comparison)  # truth .15/.45; CB-SEM p = .054; PLS-MGA p = .072;\n"
        "                   # interaction CI [0.008, 0.141]\n"
        'answer = "c"\ncx.check("08b.sa2", answer)\n```\n\n'
        "四行的方向都一致，而且所有估计值都比真实值更靠近。在分析之前就选定方法，并报告差值及其"
        "区间。",
    )
)

register(
    Exercise(
        id="08b.sa3",
        prompt="MICOM finds full measurement invariance for all eight composites. What does "
        "that allow? (a) comparing the groups' paths (steps 1–2) and also pooling the data "
        "or comparing composite means (step 3); (b) concluding that the paths are equal in "
        "both groups; (c) nothing until a CB-SEM invariance test confirms it; (d) skipping "
        "the bootstrap",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "a",
        wrong=lambda: "b",
        hint="Concepts, 'MICOM', and Practice, section 3.",
        explanation="(a). MICOM asks whether the composites mean the same in both groups — "
        "the precondition for comparing paths, not a test of the paths. Steps 1–2 (partial "
        "invariance) allow comparing paths; step 3 (equal means and variances) also allows "
        "pooling. (b) confuses measurement with structure; (c) MICOM is PLS's own test; "
        "(d) has nothing to do with it.",
        prompt_zh="组合测量不变性检验（MICOM）发现，全部八个组合都具有完全测量不变性。这允许我们做"
        "什么？(a) 比较两组的路径（第 1–2 步），并且还可以合并数据或比较组合的均值（第 3 步）；(b) "
        "断定两组的路径相等；(c) 在协方差结构方程模型的不变性检验确认之前，什么也不能做；(d) 省去自"
        "助法",
        hint_zh="基本概念中的“MICOM”，以及动手练习第 3 节。",
        explanation_zh="(a)。MICOM 问的是各个组合在两组中的含义是否相同——这是比较路径的前提，而不"
        "是对路径的检验。第 1–2 步（部分不变）允许比较路径；第 3 步（均值和方差相等）还允许合并数"
        "据。(b) 把测量和结构混为一谈；(c) MICOM 是 PLS 自己的检验；(d) 与此无关。",
        worked="Section 3 prints MICOM's three steps and its verdict:\n\n"
        "```python\n"
        "micom.verdict()  # 'Full measurement invariance (steps 1–3: ...)'\n"
        'answer = "a"\ncx.check("08b.sa3", answer)\n```\n\n'
        "Every c is at least .9948 and none falls below its permutation quantile; every mean "
        "and log-variance difference lies inside its interval. The paths themselves are tested "
        "afterwards, by MGA.",
        worked_zh="第 3 节打印了 MICOM 的三个步骤及其结论：\n\n"
        "```python\n"
        "micom.verdict()  # 'Full measurement invariance (steps 1–3: ...)'\n"
        'answer = "a"\ncx.check("08b.sa3", answer)\n```\n\n'
        "每个 c 都不低于 .9948，也没有一个低于它的置换分位数；每个均值之差和对数方差之差都落在各"
        "自的区间之内。路径本身随后才由多群组分析来检验。",
    )
)

register(
    Exercise(
        id="08b.sa4",
        prompt="A manager reads: 'esthetics → memory is .35 for leisure and .20 for business "
        "guests'. Which sentence can the survey support? (a) redesigning the garden will make "
        "leisure guests remember their stay better; (b) business guests do not care about "
        "esthetics; (c) among leisure guests, those who rate the look and feel higher also "
        "tend to remember the stay better, more so than among business guests — whether a "
        "redesign changes memory needs a test; (d) esthetics causes loyalty",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "c",
        wrong=lambda: "a",
        hint="Practice, section 4, and lesson 08's managerial reading.",
        explanation="(c). A survey at one moment shows associations across guests, here in "
        "simulated data. (a) and (d) are causal claims only an experiment or a before/after "
        "comparison with a control group could support; (b) the business slope is 0.201, "
        "clearly above 0.",
        prompt_zh="一位经理读到：“休闲客人的审美 → 记忆为 .35，商务客人为 .20。”这项调查能支持哪一"
        "句话？(a) 重新设计花园会让休闲客人对这次入住记得更牢；(b) 商务客人不在乎审美；(c) 在休闲"
        "客人中，对环境与观感评价越高的人，往往也越记得这次入住，这种关联比商务客人中更强——重新设"
        "计是否会改变记忆，需要检验；(d) 审美导致忠诚",
        hint_zh="动手练习第 4 节，以及第 08 课中给管理者的解读。",
        explanation_zh="(c)。在同一时刻做的一次调查，显示的是客人之间的关联，这里还是模拟数据。"
        "(a) 和 (d) 是因果论断，只有实验或设有对照组的前后对比才能支持；(b) 商务客人的斜率为 "
        "0.201，明显大于 0。",
        worked="Section 4 turns the results into advice without a causal claim:\n\n"
        "```python\n"
        'slopes.table["slope"]  # business 0.201, leisure 0.354\n'
        'answer = "c"\ncx.check("08b.sa4", answer)\n```\n\n'
        "What a redesign would do is learnt by changing something in some weeks or places and "
        "not in comparable ones, and comparing the guests' memory and return stays.",
        worked_zh="第 4 节把结果转化为建议，而不作因果论断：\n\n"
        "```python\n"
        'slopes.table["slope"]  # business 0.201, leisure 0.354\n'
        'answer = "c"\ncx.check("08b.sa4", answer)\n```\n\n'
        "重新设计会带来什么效果，要靠在某些周或某些地点做出改变、在可比的其他周或地点不做改变，再"
        "比较客人的记忆和回头入住来了解。",
    )
)
