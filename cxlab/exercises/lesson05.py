"""Exercises of lesson 05: structural equation models of satisfaction → loyalty."""

from __future__ import annotations

from cxlab.exercises.case_airline import MOT_SYNONYMS
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
