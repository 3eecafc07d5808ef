"""Exercises of lesson 08: the 4E experience-economy model, memory as mediator."""

from __future__ import annotations

from functools import lru_cache

from cxlab.exercises.lesson00b import OPTION_WORDS
from cxlab.exercises.registry import Exercise, register

REALMS = ("Education", "Esthetics", "Entertainment", "Escapism")


def _hotel():
    from cxlab import datasets
    from cxlab.survey import Survey

    survey = Survey(datasets.load("hotel_4e"), datasets.codebook("hotel_4e"), id_column="guest_id")
    return survey.reverse_code()


@lru_cache(maxsize=1)
def _fit():
    """The lesson's 4E SEM: the template fitted to the reverse-coded hotel_4e (cached: the
    tests check every exercise many times, and one fit takes about a second)."""
    from cxlab import models, sem

    return sem.fit(models.experience_economy_4e(), _hotel().data)


def _effects():
    return _fit().effects()


def _r2_memory() -> float:
    r2 = _fit().r2()
    return float(r2.loc[r2["variable"] == "Memory", "r2"].iloc[0])


def _indirect_esthetics_wom() -> float:
    eff = _effects()
    row = eff[(eff["effect"] == "indirect") & (eff["from"] == "Esthetics") & (eff["to"] == "WOM")]
    return float(row["std_all"].iloc[0])


def _share_via_memory() -> float:
    eff = _effects()
    ent = eff[(eff["from"] == "Entertainment") & (eff["to"] == "Loyalty")]
    via_memory = ent.loc[(ent["effect"] == "specific") & (ent["via"] == "Memory → Satisfaction")]
    total = ent.loc[ent["effect"] == "total"]
    return float(via_memory["est"].iloc[0] / total["est"].iloc[0])


def _top_realm() -> str:
    eff = _effects()
    total = eff[(eff["effect"] == "total") & (eff["to"] == "Loyalty") & eff["from"].isin(REALMS)]
    return str(total.set_index("from")["std_all"].idxmax())


register(
    Exercise(
        id="08.r2_memory",
        prompt="R² of Memory in the 4E model: how much of the variance of memory do the four "
        "realms explain?",
        solution=_r2_memory,
        wrong=lambda: 0.476,
        tol=0.002,
        hint="fit.r2(), the row of the variable 'Memory' (kind 'structural').",
        explanation="R² = .38: the four realms explain 38 % of how memorable the stay was; the "
        "rest comes from whatever else the guests lived through.",
        prompt_zh="4E 模型中记忆（Memory）的 R² 是多少：四个领域解释了记忆方差的多大比例？",
        hint_zh="fit.r2()，变量 'Memory' 那一行（kind 为 'structural'）。",
        explanation_zh="R² = .38：四个领域解释了这次入住难忘程度的 38 %；其余来自客人经历的其他事"
        "情。",
        worked="Section 2 printed the R² of the structural variables; take the row of "
        "Memory:\n\n"
        "```python\n"
        "r2 = fit.r2()\n"
        'r2.loc[r2["variable"] == "Memory", "r2"].iloc[0]  # 0.380\n'
        "```\n\n"
        "R² = .380: the four realms explain 38 % of the variance of memory. Not .476: that is "
        "the R² of Satisfaction (memory with entertainment), the next row.",
        worked_zh="第 2 节打印了各结构变量的 R²；取 Memory 那一行：\n\n"
        "```python\n"
        "r2 = fit.r2()\n"
        'r2.loc[r2["variable"] == "Memory", "r2"].iloc[0]  # 0.380\n'
        "```\n\n"
        "R² = .380：四个领域解释了记忆方差的 38 %。不是 .476：那是下一行满意度（Satisfaction）的 "
        "R²（由记忆和娱乐解释）。",
    )
)

register(
    Exercise(
        id="08.ind_est_wom",
        prompt="Standardized indirect effect (std_all) of Esthetics on word of mouth (WOM), via "
        "Memory and Satisfaction?",
        solution=_indirect_esthetics_wom,
        wrong=lambda: 0.118,
        tol=0.002,
        hint="In fit.effects(), the row with effect 'indirect', from 'Esthetics', to 'WOM' "
        "(not to 'Loyalty'); or ind_est_mem_sat_wom in fit.estimates().",
        explanation="β = .13 = .316 × .633 × .652, the product of the standardized paths "
        "Esthetics → Memory → Satisfaction → WOM.",
        prompt_zh="审美（Esthetics）经由记忆和满意度对口碑（WOM）的标准化间接效应（std_all）是多"
        "少？",
        hint_zh="fit.effects() 中 effect 为 'indirect'、from 为 'Esthetics'、to 为 'WOM'（不是 "
        "'Loyalty'）的那一行；或者 fit.estimates() 中的 ind_est_mem_sat_wom。",
        explanation_zh="β = .13 = .316 × .633 × .652，即审美 → 记忆 → 满意度 → 口碑各条标准化路径"
        "的乘积。",
        worked="`eff` from section 3 (`fit.effects(boot=boot)`) holds every effect; take "
        "Esthetics → WOM:\n\n"
        "```python\n"
        'est_wom = eff[(eff["from"] == "Esthetics") & (eff["to"] == "WOM")].set_index("effect")\n'
        'est_wom.loc["indirect", "std_all"]  # 0.130\n'
        "```\n\n"
        "β = .130 = .316 × .633 × .652, the standardized paths Esthetics → Memory → "
        "Satisfaction → WOM. Not .118: that is the same route ending in Loyalty, whose last "
        "path is .591.",
        worked_zh="第 3 节的 `eff`（`fit.effects(boot=boot)`）包含所有效应；取审美 → 口碑：\n\n"
        "```python\n"
        'est_wom = eff[(eff["from"] == "Esthetics") & (eff["to"] == "WOM")].set_index("effect")\n'
        'est_wom.loc["indirect", "std_all"]  # 0.130\n'
        "```\n\n"
        "β = .130 = .316 × .633 × .652，即审美 → 记忆 → 满意度 → 口碑各条标准化路径的乘积。不是 "
        ".118：那是终点为忠诚度（Loyalty）的同一条路线，它最后一段路径是 .591。",
    )
)

register(
    Exercise(
        id="08.share_memory",
        prompt="What share of Entertainment's total effect on Loyalty runs through Memory? A "
        "proportion between 0 and 1.",
        solution=_share_via_memory,
        wrong=lambda: 0.71,
        tol=0.01,
        hint="Entertainment reaches Loyalty by two routes (effect 'specific' in fit.effects()); "
        "divide the one via 'Memory → Satisfaction' by the total effect.",
        explanation="About .29: less than a third of entertainment's effect goes through "
        "memory; the other .71 goes straight to satisfaction (guests enjoy the show tonight, "
        "whether or not they remember it).",
        prompt_zh="娱乐（Entertainment）对忠诚度（Loyalty）的总效应中，有多大比例经过记忆？填 0 "
        "到 1 之间的比例。",
        hint_zh="娱乐通过两条路线到达忠诚度（fit.effects() 中 effect 为 'specific'）；用经由 "
        "'Memory → Satisfaction' 的那一条除以总效应。",
        explanation_zh="约 .29：娱乐的效应只有不到三分之一经过记忆；另外的 .71 直接通向满意度（客"
        "人当晚就享受了演出，不管以后还记不记得）。",
        worked="`to_loyalty` (section 3) lists entertainment's two specific routes to "
        "loyalty and its total; divide the route via memory by the total:\n\n"
        "```python\n"
        'ent = to_loyalty[to_loyalty["from"] == "Entertainment"]\n'
        'via_memory = ent.loc[ent["via"] == "Memory → Satisfaction", "est"].iloc[0]\n'
        'ent_total = ent.loc[ent["effect"] == "total", "est"].iloc[0]\n'
        "via_memory / ent_total  # 0.29\n"
        "```\n\n"
        "0.0395 / 0.1356 = .29: less than a third runs through memory. Both routes end with "
        "satisfaction → loyalty, so this equals section 3's share of the effect on "
        "satisfaction (.29). Not .71: that is the share of the route via satisfaction only.",
        worked_zh="`to_loyalty`（第 3 节）列出了娱乐通向忠诚度的两条特定路线及其总效应；用经过记忆"
        "的那条除以总效应：\n\n"
        "```python\n"
        'ent = to_loyalty[to_loyalty["from"] == "Entertainment"]\n'
        'via_memory = ent.loc[ent["via"] == "Memory → Satisfaction", "est"].iloc[0]\n'
        'ent_total = ent.loc[ent["effect"] == "total", "est"].iloc[0]\n'
        "via_memory / ent_total  # 0.29\n"
        "```\n\n"
        "0.0395 / 0.1356 = .29：不到三分之一经过记忆。两条路线最后都经过满意度 → 忠诚度，所以这个"
        "比例等于第 3 节中对满意度的效应里记忆所占的比例（.29）。不是 .71：那是只经过满意度的那条"
        "路线所占的比例。",
    )
)

register(
    Exercise(
        id="08.top_realm",
        prompt="Which realm has the largest total standardized effect on Loyalty in hotel_4e?",
        kind="text",
        solution=_top_realm,
        wrong=lambda: "Esthetics",
        synonyms={
            "娱乐": "entertainment",
            "娱乐体验": "entertainment",
            "entertaining": "entertainment",
            "审美": "esthetics",
            "审美体验": "esthetics",
            "aesthetics": "esthetics",
            "esthetic": "esthetics",
            "教育": "education",
            "教育体验": "education",
            "educational": "education",
            "逃避现实": "escapism",
            "逃避现实体验": "escapism",
            "escapist": "escapism",
            "娱乐领域": "entertainment",
            "审美领域": "esthetics",
            "美学": "esthetics",
            "美学体验": "esthetics",
            "教育领域": "education",
            "逃避现实领域": "escapism",
            "遁世": "escapism",
            "遁世体验": "escapism",
        },
        hint="The rows of fit.effects() with effect 'total' and to 'Loyalty'; compare std_all "
        "across the four realms (not the paths to Memory).",
        explanation="Entertainment (β = .13): it reaches loyalty through memory and directly "
        "through satisfaction. But escapism (.12) and esthetics (.12) are close behind and no "
        "contrast between realms excludes 0: the ranking is not reliable.",
        prompt_zh="在 hotel_4e 中，哪个领域对忠诚度（Loyalty）的标准化总效应最大？",
        hint_zh="fit.effects() 中 effect 为 'total'、to 为 'Loyalty' 的各行；比较四个领域的 "
        "std_all（不是通向记忆的路径）。",
        explanation_zh="娱乐（β = .13）：它经由记忆、也直接经由满意度到达忠诚度。但逃避现实"
        "（.12）和审美（.12）紧随其后，而且领域之间的对比没有一个排除 0：这个排名并不可靠。",
        worked="Among the rows of `to_loyalty` (section 3), take each realm's total effect and "
        "compare the standardized values:\n\n"
        "```python\n"
        'betas = to_loyalty[to_loyalty["effect"] == "total"].set_index("from")["std_all"]\n'
        "betas.idxmax()  # 'Entertainment'\n"
        "```\n\n"
        "Entertainment (β = .13), ahead of escapism (.12), esthetics (.12) and education "
        "(.08) — but none of section 4's contrasts excludes 0, so the data cannot rank the "
        "realms. Not esthetics: it ties escapism for the largest path to Memory (.32), while "
        "entertainment also reaches loyalty directly through satisfaction.",
        worked_zh="在 `to_loyalty`（第 3 节）的各行中，取每个领域的总效应，比较它们的标准化值："
        "\n\n"
        "```python\n"
        'betas = to_loyalty[to_loyalty["effect"] == "total"].set_index("from")["std_all"]\n'
        "betas.idxmax()  # 'Entertainment'\n"
        "```\n\n"
        "娱乐（β = .13），领先于逃避现实（.12）、审美（.12）和教育（.08）——但第 4 节的对比没有一"
        "个排除 0，所以这些数据排不出各领域的名次。不是审美：它与逃避现实并列通向记忆的路径最大"
        "（.32），而娱乐还直接经由满意度到达忠诚度。",
    )
)

# --- Self-assessment: the lesson's key ideas, one letter each (cx.self_assessment) ---

register(
    Exercise(
        id="08.sa1",
        prompt="Entertainment's total effect on loyalty is β = .13, education's .08, and both "
        "intervals exclude 0. Does entertainment matter more than education? (a) yes: its β is "
        "larger; (b) yes: both are significant and entertainment's is the larger; (c) only an "
        "interval for the difference (a := contrast) can say, and here it includes 0: these "
        "data cannot rank them; (d) no: their intervals overlap, so the two effects are equal",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "c",
        wrong=lambda: "a",
        hint="Concepts, 'Comparing realms', and Practice, section 4.",
        explanation="(c). 'Which realm matters most?' is a question about a difference, so it "
        "needs the difference's interval: education − entertainment is −.055 loyalty points "
        "per SD, 95 % CI [−.135, .025]. (a) and (b) compare two point estimates; (d) two "
        "overlapping intervals can still differ, and an interval of the difference that "
        "includes 0 does not prove the effects equal — the data cannot tell.",
        prompt_zh="娱乐对忠诚度的总效应为 β = .13，教育为 .08，两者的区间都不包含 0。娱乐比教育更重"
        "要吗？(a) 是：它的 β 更大；(b) 是：两者都显著，而娱乐的更大；(c) 只有差值的区间（一个 := "
        "对比）才能回答，而这里它包含 0：这些数据无法给它们排序；(d) 不是：它们的区间互相重叠，所以"
        "两个效应相等",
        hint_zh="基本概念中的“比较各领域”，以及动手练习第 4 节。",
        explanation_zh="(c)。“哪个领域最重要？”问的是一个差，所以需要这个差的区间：教育 − 娱乐为每"
        "标准差 −.055 个忠诚度分值，95 % 置信区间 [−.135, .025]。(a) 和 (b) 比较的是两个点估计；(d)"
        " 两个互相重叠的区间，效应仍然可能不同；而差值的区间包含 0，也不能证明两个效应相等——数据无"
        "法判断。",
        worked="Section 4 writes every difference between realms as a `:=` contrast and "
        "bootstraps it:\n\n"
        "```python\n"
        'contrasts[["from", "est", "ci_low", "ci_high"]]  # d_edu_ent: -0.055 [-0.135, 0.025]\n'
        'answer = "c"\ncx.check("08.sa1", answer)\n```\n\n'
        "None of the six contrasts excludes 0: with 600 guests these data cannot rank the "
        "realms. Two significant effects need not differ from each other (b), and overlapping "
        "intervals do not make them equal (d).",
        worked_zh="第 4 节把各领域之间的每一个差都写成一个 `:=` 对比，并用自助法估计它的区间：\n\n"
        "```python\n"
        'contrasts[["from", "est", "ci_low", "ci_high"]]  # d_edu_ent: -0.055 [-0.135, 0.025]\n'
        'answer = "c"\ncx.check("08.sa1", answer)\n```\n\n'
        "六个对比没有一个排除 0：有 600 名客人，这些数据仍然无法给四个领域排序。两个效应都显著，不"
        "等于它们彼此不同 (b)；区间互相重叠，也不等于效应相等 (d)。",
    )
)

register(
    Exercise(
        id="08.sa2",
        prompt="With a direct esthetics → loyalty path added, indirect / total = 1.42. What do "
        "you report? (a) the effects themselves with their intervals: with a direct and an "
        "indirect effect of opposite signs the ratio is not a proportion; (b) memory carries "
        "142 % of esthetics' effect; (c) strong mediation: the higher the proportion, the "
        "stronger; (d) a software error: a proportion cannot exceed 1",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "a",
        wrong=lambda: "b",
        hint="Concepts, 'Effects' (on 'proportion mediated'), and Practice, section 5.",
        explanation="(a). 'Proportion mediated' is meaningful only when the indirect and the "
        "total effect have the same sign and the total is clearly away from 0. Here the "
        "(non-significant) direct path is negative, so the total is smaller than the indirect "
        "effect, and 1.42 is not a proportion. (b) and (c) read it as one; (d) the arithmetic "
        "is right — the ratio is the wrong summary.",
        prompt_zh="加上一条审美 → 忠诚度的直接路径后，间接效应 / 总效应 = 1.42。你该报告什么？(a) "
        "报告各效应本身及其置信区间：直接效应和间接效应符号相反时，这个比值不是比例；(b) 记忆承载了"
        "审美效应的 142 %；(c) 很强的中介：比例越高，中介越强；(d) 软件出错了：比例不可能超过 1",
        hint_zh="基本概念中的“效应”（讲“中介比例”的地方），以及动手练习第 5 节。",
        explanation_zh="(a)。只有当间接效应和总效应符号相同、总效应又明显不为 0 时，“中介比例”才有"
        "意义。这里（不显著的）直接路径是负的，所以总效应比间接效应还小，1.42 并不是一个比例。(b) "
        "和 (c) 把它当成了比例；(d) 算术没有错——错的是用这个比值来概括。",
        worked="Section 5 adds the direct path and decomposes the effect of esthetics on "
        "loyalty:\n\n"
        "```python\n"
        'est_loy[["effect", "est", "ci_low", "ci_high"]]  # direct -0.034, indirect 0.115\n'
        'parts["indirect"] / parts["total"]  # 1.42\n'
        'answer = "a"\ncx.check("08.sa2", answer)\n```\n\n'
        "The direct effect is negative and not significant, so the total (0.081) is smaller "
        "than the indirect effect (0.115): a 'proportion' above 1. Report the effects with "
        "their intervals, not the ratio.",
        worked_zh="第 5 节加上了直接路径，并分解了审美对忠诚度的效应：\n\n"
        "```python\n"
        'est_loy[["effect", "est", "ci_low", "ci_high"]]  # direct -0.034, indirect 0.115\n'
        'parts["indirect"] / parts["total"]  # 1.42\n'
        'answer = "a"\ncx.check("08.sa2", answer)\n```\n\n'
        "直接效应为负且不显著，所以总效应（0.081）比间接效应（0.115）还小：“比例”超过了 1。应报告"
        "各效应及其置信区间，而不是这个比值。",
    )
)

register(
    Exercise(
        id="08.sa3",
        prompt="The pooled esthetics → memory path is .32 (true .33). Whom does it describe? "
        "(a) every guest: the pooled model uses all 600; (b) the typical resort guest, whatever "
        "the mix of segments; (c) a path of about .32 for business and leisure guests alike; "
        "(d) no group in particular: it averages business guests (true .15) and leisure "
        "guests (true .45), so look for segments before acting on it",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "d",
        wrong=lambda: "c",
        hint="Practice, section 7: the caveat at its end; and lesson 07.",
        explanation="(d). In the simulation the path is .15 for 240 business guests and .45 for "
        "360 leisure guests; the pooled .33 averages them and describes neither — the path is "
        "three times as strong for leisure guests. A resort that serves mostly leisure guests "
        "should weigh esthetics far more than the pooled model suggests, one that serves "
        "business travellers far less. (a)–(c) read the pooled path as everyone's.",
        prompt_zh="合并样本中审美 → 记忆的路径为 .32（真实值 .33）。它描述的是谁？(a) 每一位客人："
        "合并模型用了全部 600 人；(b) 典型的度假村客人，不管细分群体的构成如何；(c) 商务客人和休闲"
        "客人同样约为 .32 的一条路径；(d) 谁也不是：它是商务客人（真实值 .15）和休闲客人（真实值 .4"
        "5）的平均，所以在据此行动之前，先找一找细分群体",
        hint_zh="动手练习第 7 节末尾的提醒，以及第 07 课。",
        explanation_zh="(d)。在模拟中，这条路径在 240 名商务客人中为 .15，在 360 名休闲客人中为 "
        ".45；合并样本的 .33 是两者的平均，哪一类客人也描述不了——对休闲客人来说，这条路径的强度是商"
        "务客人的三倍。一家主要接待休闲客人的度假村，应当远比合并模型所提示的更看重审美；一家主要接"
        "待商务客人的，则远没有那么看重。(a)–(c) 都把合并样本的路径当成了所有人的路径。",
        worked="Section 7 prints the true path of each segment next to the pooled one:\n\n"
        "```python\n"
        'for segment, text in sim["group_models"].items(): ...\n'
        "# business (n = 240): .15; leisure (n = 360): .45; pooled: true .33, estimated .316\n"
        'answer = "d"\ncx.check("08.sa3", answer)\n```\n\n'
        "The pooled path describes no segment. Lesson 07 tested the difference with a "
        "multi-group model: always look for such segments before acting on a pooled estimate.",
        worked_zh="第 7 节把每个细分群体的真实路径与合并样本的路径并排打印出来：\n\n"
        "```python\n"
        'for segment, text in sim["group_models"].items(): ...\n'
        "# business (n = 240): .15; leisure (n = 360): .45; pooled: true .33, estimated .316\n"
        'answer = "d"\ncx.check("08.sa3", answer)\n```\n\n'
        "合并样本的路径描述不了任何一个细分群体。第 07 课用多群组模型检验了这个差别：在依据合并样本"
        "的估计值行动之前，一定要先找一找这样的细分群体。",
    )
)

register(
    Exercise(
        id="08.sa4",
        prompt="The 4E model fits almost perfectly (CFI .999, χ² p = .31). Does this show that "
        "memory causes satisfaction? (a) yes: a fit this good confirms the direction of the "
        "arrows; (b) no: equivalent models (e.g. the arrow reversed) fit exactly as well, and "
        "a survey at one moment cannot prove it; (c) yes: the χ² test does not reject the "
        "model; (d) no: CFI would have to be exactly 1",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "b",
        wrong=lambda: "a",
        hint="Concepts, 'Model fit is not truth'.",
        explanation="(b). Equivalent models — arrows reversed, a path swapped for a covariance "
        "— fit exactly as well (MacCallum, Wegener, Uchino & Fabrigar 1993), and a satisfied "
        "guest may remember the stay more kindly. Data simulated from this very model fit "
        "this well; a good fit does not prove the direction. (a) and (c) read fit as truth; "
        "(d) no fit value would settle the direction.",
        prompt_zh="4E 模型几乎完美地拟合了数据（CFI .999，χ² 的 p = .31）。这能说明记忆导致满意度吗"
        "？(a) 能：这么好的拟合证实了箭头的方向；(b) 不能：等价模型（例如把箭头反过来）的拟合完全一"
        "样好，而在同一时刻做的一次调查证明不了这一点；(c) 能：χ² 检验没有拒绝这个模型；(d) 不能：C"
        "FI 必须恰好等于 1",
        hint_zh="基本概念中的“拟合好不等于正确”。",
        explanation_zh="(b)。等价模型——箭头反过来，或者把一条路径换成一个协方差——的拟合完全一样好"
        "（MacCallum, Wegener, Uchino & Fabrigar 1993），而满意的客人也可能把这次住宿记得更美好。从"
        "这个模型本身模拟出来的数据，就会拟合得这么好；拟合良好证明不了方向。(a) 和 (c) 把拟合当成"
        "了正确；(d) 任何拟合值都决定不了方向。",
        worked="Section 2 reads the fit honestly:\n\n"
        "```python\n"
        'fit.fit_indices()[["pvalue", "cfi", "rmsea", "srmr"]]  # 0.312, 0.999, 0.008, 0.026\n'
        'answer = "b"\ncx.check("08.sa4", answer)\n```\n\n'
        "That is what data simulated from this very model look like. A model with the arrow "
        "from satisfaction to memory would imply the same covariances; only a design — "
        "memory measured before satisfaction, or an experiment — could tell the two apart.",
        worked_zh="第 2 节如实解读了拟合：\n\n"
        "```python\n"
        'fit.fit_indices()[["pvalue", "cfi", "rmsea", "srmr"]]  # 0.312, 0.999, 0.008, 0.026\n'
        'answer = "b"\ncx.check("08.sa4", answer)\n```\n\n'
        "从这个模型本身模拟出来的数据就是这个样子。箭头从满意度指向记忆的模型会隐含同样的协方差；只"
        "有研究设计——先测记忆、后测满意度，或者做实验——才能把两者区分开来。",
    )
)
