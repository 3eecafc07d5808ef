"""Exercises of lesson 08: the 4E experience-economy model, memory as mediator."""

from __future__ import annotations

from functools import lru_cache

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
