"""Checked answers of the retail case (notebooks/cases/retail_omnichannel.ipynb).

An omnichannel retailer after the pandemic: does channel consistency build loyalty that
shows in purchases, and does the CEO's "80 % of our customers say we deliver a superior
experience" survive the data? Every reference answer is computed here from the datasets,
with the same steps the case asks for (the instructor key,
notebooks/instructor/retail_omnichannel_solutions.ipynb, runs the same code in the open):

- the survey ``retail_omnichannel`` without the careless respondents (two or more flags
  of :meth:`cxlab.survey.Survey.careless` on the answers *as given*, before ``li4r`` is
  reverse-coded), then reverse-coded;
- its purchases in ``retail_transactions`` (2025) and a 12-month CLV from BG/NBD +
  Gamma-Gamma fitted to the whole log (1 % a month discount; discounted expected revenue,
  no margin, as in lesson 09);
- the Black-Friday funnel of ``journey_events`` against 15–22 December.
"""

from __future__ import annotations

from functools import cache

from cxlab.exercises.registry import Exercise, register

#: % of *this retailer's customers* the CEO says call the experience superior: a share of
#: customers, compared with the promoter share of the same customers. (Bain's 80 % and 8 %
#: are shares of firms; they are not subtracted from a share of customers anywhere.)
CEO_CLAIM = 80.0
CAL_END = "2025-09-30"
AS_OF = "2025-12-31"
PEAK, RUSH = "2025-11-28", ("2025-12-15", "2025-12-22")
STAGES = ["visit", "browse", "cart", "checkout", "purchase"]
MODEL = """
CONS  =~ cons1 + cons2 + cons3 + cons4
TRUST =~ trust1 + trust2 + trust3
SAT   =~ sat1 + sat2 + sat3
LI    =~ li1 + li2 + li3 + li4r
TRUST ~ CONS
SAT   ~ CONS + TRUST
LI    ~ SAT + TRUST
"""


@cache
def _survey():
    """(all respondents reverse-coded, valid respondents reverse-coded, careless flags)."""
    from cxlab import datasets
    from cxlab.survey import Survey

    raw = datasets.load("retail_omnichannel")
    codebook = datasets.codebook("retail_omnichannel")
    flags = Survey(raw, codebook, id_column="customer_id").careless()
    flagged = flags.loc[flags["n_flags"] >= 2, "customer_id"]
    kept = raw[~raw["customer_id"].isin(flagged)].reset_index(drop=True)
    everyone = Survey(raw, codebook, id_column="customer_id").reverse_code()
    valid = Survey(kept, codebook, id_column="customer_id").reverse_code()
    return everyone.data, valid, flags


def _effects(data):
    from cxlab import sem

    eff = sem.fit(MODEL, data, missing="fiml").effects()
    return eff[(eff["from"] == "CONS") & (eff["to"] == "LI")]


@cache
def _customers():
    """One row per valid respondent: scale scores, NPS, 2025 purchases and 12-month CLV."""
    from cxlab import datasets, loyalty

    _, valid, _ = _survey()
    scores = valid.scale_scores().set_index("customer_id")
    scores.columns = ["cons", "trust", "sat", "li"]
    tx = datasets.load("retail_transactions")
    counts = loyalty.purchase_counts(
        tx, scores.index, amount="amount", start="2025-01-01", end=AS_OF
    )
    summary = loyalty.clv_summary(tx, amount="amount", as_of=AS_OF)
    value = loyalty.clv(
        loyalty.fit_bgnbd(summary), loyalty.fit_gamma_gamma(summary), horizon=12, discount=0.01
    )
    d = scores.join(valid.data.set_index("customer_id")[["nps"]]).join(counts).join(value)
    d["clv"] = d["clv"].fillna(0.0)  # surveyed customers who never bought in 2025
    return d


def _careless() -> int:
    _, _, flags = _survey()
    return int((flags["n_flags"] >= 2).sum())


def _nps_row():
    from cxlab import metrics

    return metrics.nps(_survey()[1].data["nps"]).iloc[0]


def _nps() -> float:
    return float(_nps_row()["nps"])


def _promoters() -> float:
    return float(_nps_row()["promoters"])


def _delivery_gap() -> float:
    return CEO_CLAIM - _promoters()


def _cons_total() -> float:
    eff = _effects(_survey()[1].data)
    return float(eff.loc[eff["effect"] == "total", "std_all"].iloc[0])


def _cons_total_everyone() -> float:
    eff = _effects(_survey()[0])
    return float(eff.loc[eff["effect"] == "total", "std_all"].iloc[0])


def _main_route() -> str:
    eff = _effects(_survey()[1].data)
    specific = eff[eff["effect"] == "specific"]
    return str(specific.loc[specific["std_all"].idxmax(), "via"])


def _irr(predictor: str) -> float:
    from cxlab import loyalty

    m = loyalty.behaviour_model(_customers(), "purchases", [predictor], "negbin", missing="drop")
    return float(m.table.loc[predictor, "ratio"])


def _holdout_error() -> float:
    from cxlab import datasets, loyalty

    cal = loyalty.clv_summary(
        datasets.load("retail_transactions"), amount="amount", as_of=AS_OF, calibration_end=CAL_END
    )
    return float(loyalty.holdout_check(loyalty.fit_bgnbd(cal), cal).totals["error_pct"])


def _clv_shares():
    from cxlab import loyalty

    d = _customers()
    matrix = loyalty.loyalty_matrix(d["li"], d["purchases"], missing="drop")
    clv = d.loc[matrix.assignment.index, "clv"]
    total = clv.groupby(matrix.assignment, observed=False).sum()
    return total / total.sum(), matrix.cells["share"]


def _bf_steps():
    from cxlab import datasets, journey

    steps = journey.compare_days(datasets.load("journey_events"), STAGES, PEAK, RUSH)
    return steps.set_index("step").loc["checkout → purchase"]


def _lost_orders() -> float:
    row = _bf_steps()
    return float(row["n_peak"] * (row["rate_base"] - row["rate_peak"]))


register(
    Exercise(
        id="retail.careless",
        prompt="How many respondents have two or more careless-responding flags (answers as "
        "given, before reverse coding)?",
        solution=_careless,
        wrong=lambda: 85,
        hint="Survey(raw, codebook, id_column='customer_id').careless() on the raw survey, "
        "then (flags['n_flags'] >= 2).sum(). 85 counts everyone with at least one flag; "
        "after reverse_code() honest 'all 7, switch = 1' customers look like straight-liners.",
        explanation="42 respondents are straight, invariant and/or far too fast — the "
        "shortlist of lesson 03. The rest of the case works with the 1,958 others.",
        prompt_zh="有多少名受访者带有两个或更多不认真作答标记（按原始答案，在反向计分之前）？",
        hint_zh="在原始调查上运行 Survey(raw, codebook, id_column='customer_id').careless()，再求"
        " (flags['n_flags'] >= 2).sum()。85 是至少有一个标记的人数；reverse_code() 之后，诚实的"
        "“全打 7 分、转换题打 1 分”的客户看起来就像直线作答。",
        explanation_zh="42 名受访者直线作答、答案毫无变化和/或答得太快——这就是第 03 课的候选名"
        "单。本案例的其余部分使用其余 1,958 名受访者。",
        worked="`flags` of Task 1 holds the number of flags per respondent in `n_flags`; count "
        'the rows with two or more:\n\n```python\n(flags["n_flags"] >= 2).sum()  # 42\n```\n\n'
        "42 respondents are straight, invariant and/or far too fast. 85 counts everyone with at "
        "least one flag: among the 43 with a single flag are 22 who answered 7 throughout (and 1 "
        "on 'I am likely to switch') at a normal pace — delighted customers, not careless ones. "
        "Run the flags on the answers as given: after reverse coding those 22 look like "
        "straight-liners.",
        worked_zh="任务 1 的 `flags` 在 `n_flags` 列中记录了每位受访者的标记数；数一数两个或更多标"
        '记的行：\n\n```python\n(flags["n_flags"] >= 2).sum()  # 42\n```\n\n'
        "42 名受访者直线作答、答案毫无变化和/或答得太快。85 是至少有一个标记的人数：在只有一个标记"
        "的 43 人中，有 22 人以正常速度处处打 7 分（在“我很可能转到另一家零售商”上打 1 分）——他们"
        "是非常满意的客户，不是不认真作答的人。要在原始答案上计算标记：反向计分之后，这 22 人看起"
        "来就像直线作答。",
    )
)

register(
    Exercise(
        id="retail.nps",
        prompt="NPS of the valid respondents (−100 to 100)?",
        solution=_nps,
        wrong=lambda: round(_promoters(), 1),
        tol=0.1,
        hint="cx.metrics.nps(valid.data['nps']), column nps: % promoters (9–10) minus "
        "% detractors (0–6) — not the promoter share alone.",
        explanation="NPS ≈ 12 (95 % CI 8.2 to 15.4): barely more promoters than "
        "detractors. The simulation's true NPS is 13 (40 % promoters, 27 % detractors).",
        prompt_zh="有效受访者的净推荐值是多少（−100 到 100）？",
        hint_zh="cx.metrics.nps(valid.data['nps'])，nps 列：推荐者（9–10 分）% 减去贬损者（0–6 "
        "分）%——不是只看推荐者的比例。",
        explanation_zh="净推荐值 ≈ 12（95 % 置信区间 8.2 到 15.4）：推荐者只比贬损者略多一点。模"
        "拟的真实净推荐值是 13（40 % 推荐者，27 % 贬损者）。",
        worked="`cx.metrics.nps` on the 0–10 answers of the valid respondents; the NPS is the "
        'column `nps` of its one row:\n\n```python\nnps = cx.metrics.nps(valid.data["nps"])\n'
        'round(nps["nps"].iloc[0], 1)  # 11.8\n```\n\n'
        "39.3 % promoters − 27.5 % detractors = 11.8, 95 % CI [8.2, 15.4], from the 1,958 valid "
        "respondents: barely more promoters than detractors. 39.3 is the promoter share, not the "
        "NPS. The simulation's true NPS is 13.",
        worked_zh="对有效受访者 0–10 分的回答调用 `cx.metrics.nps`；净推荐值是它唯一一行中的 "
        '`nps` 列：\n\n```python\nnps = cx.metrics.nps(valid.data["nps"])\n'
        'round(nps["nps"].iloc[0], 1)  # 11.8\n```\n\n'
        "推荐者 39.3 % − 贬损者 27.5 % = 11.8，95 % 置信区间 [8.2, 15.4]，来自 1,958 名有效受访者"
        "：推荐者只比贬损者略多一点。39.3 是推荐者的比例，不是净推荐值。模拟的真实净推荐值是 13。",
    )
)

register(
    Exercise(
        id="retail.delivery_gap",
        prompt="The CEO says 80 % of the retailer's customers call the experience superior. "
        "Gap to the promoter share of the same customers, in percentage points?",
        solution=_delivery_gap,
        wrong=lambda: round(CEO_CLAIM - _nps(), 1),
        tol=0.1,
        hint="80 minus the promoters column of cx.metrics.nps(...) (a share in %), not "
        "minus the NPS, which already subtracts the detractors.",
        explanation="About 40 points: two customers in five are promoters, not four in five. "
        "The interval of the promoter share (Wilson, 37.1 % to 41.5 %) is nowhere near 80 %. "
        "Both numbers are shares of this retailer's customers; Bain's 72 points are a gap "
        "between shares of firms and cannot be compared with it.",
        prompt_zh="首席执行官说这家零售商 80 % 的客户认为体验卓越。它与同一批客户中推荐者所占"
        "的比例相差多少个百分点？",
        hint_zh="80 减去 cx.metrics.nps(...) 的 promoters 列（以 % 表示的比例），而不是减去净推荐"
        "值——净推荐值已经减掉了贬损者。",
        explanation_zh="约 40 个百分点：五位客户中有两位是推荐者，而不是四位。推荐者比例的区间"
        "（Wilson，37.1 % 到 41.5 %）离 80 % 还远得很。两个数都是这家零售商客户的占比；贝恩的 "
        "72 个百分点是企业占比之差，不能与它相比。",
        worked="Both numbers are shares of the same customers: subtract the promoter share (in %) "
        'from the CEO\'s 80 %:\n\n```python\nnps = cx.metrics.nps(valid.data["nps"])\n'
        'round(CEO_CLAIM - nps["promoters"].iloc[0], 1)  # 40.7\n```\n\n'
        "80 − 39.3 = 40.7 percentage points; with the promoter share's Wilson interval (37.1 % to "
        "41.5 %) the gap lies between 38.5 and 42.9. 68.2 is 80 minus the NPS, which has already "
        "subtracted the detractors. Bain's 72 points are a gap between shares of firms and cannot "
        "be compared with this one.",
        worked_zh="两个数都是同一批客户的占比：用首席执行官的 80 % 减去推荐者的比例（%）：\n\n"
        '```python\nnps = cx.metrics.nps(valid.data["nps"])\n'
        'round(CEO_CLAIM - nps["promoters"].iloc[0], 1)  # 40.7\n```\n\n'
        "80 − 39.3 = 40.7 个百分点；按推荐者比例的 Wilson 区间（37.1 % 到 41.5 %），差距在 38.5 到"
        " 42.9 之间。68.2 是 80 减去净推荐值，而净推荐值已经减掉了贬损者。贝恩的 72 个百分点是企业"
        "占比之差，不能与这里的差距相比。",
    )
)

register(
    Exercise(
        id="retail.cons_total",
        prompt="Standardized total effect of channel consistency (CONS) on loyalty intention "
        "(LI), valid respondents, FIML?",
        solution=_cons_total,
        wrong=_cons_total_everyone,
        tol=0.002,
        hint="fit.effects(): from == 'CONS', to == 'LI', effect == 'total', column std_all — "
        "fitted to valid.data (careless respondents removed). 0.432 is the value with them.",
        explanation="About .39 [.35, .42]: one SD more consistency goes with .39 SD more "
        "loyalty intention, all of it indirect. The simulation's truth is .389; the 42 "
        "straight-liners had pushed the estimate to .432, outside its own interval.",
        prompt_zh="渠道一致性（CONS）对忠诚意向（LI）的标准化总效应是多少（有效受访者，FIML）？",
        hint_zh="fit.effects()：from == 'CONS'、to == 'LI'、effect == 'total'，std_all 列——拟合的"
        "是 valid.data（已删除不认真作答的受访者）。0.432 是包含他们时的值。",
        explanation_zh="约 .39 [.35, .42]：一致性每高一个标准差，忠诚意向就高 .39 个标准差，而且"
        "全部是间接效应。模拟的真实值是 .389；那 42 名直线作答者曾把估计值推高到 .432，落在它自己"
        "的区间之外。",
        worked="Add the structural paths to Task 3's `measurement`, fit the model to `valid.data` "
        "with FIML and keep the effects of CONS on LI:\n\n```python\n"
        'structural = measurement + """\nTRUST ~ CONS\nSAT   ~ CONS + TRUST\nLI    ~ SAT + TRUST\n'
        '"""\nfit = cx.sem.fit(structural, valid.data, missing="fiml")\neff = fit.effects()\n'
        'cons_li = eff[(eff["from"] == "CONS") & (eff["to"] == "LI")]\n'
        'round(cons_li.loc[cons_li["effect"] == "total", "std_all"].iloc[0], 3)  # 0.387\n```\n\n'
        "0.387 [0.354, 0.421]: one SD more perceived consistency goes with 0.387 SD more loyalty "
        "intention, all of it indirect. The simulation's truth is .389. Fitted to all 2,000 "
        "respondents the estimate is 0.432 [0.400, 0.464]: the 42 straight-liners push it outside "
        "its own interval.",
        worked_zh="在任务 3 的 `measurement` 上加入结构路径，用 FIML 在 `valid.data` 上拟合，留下 "
        'CONS 对 LI 的各项效应：\n\n```python\nstructural = measurement + """\nTRUST ~ CONS\n'
        'SAT   ~ CONS + TRUST\nLI    ~ SAT + TRUST\n"""\n'
        'fit = cx.sem.fit(structural, valid.data, missing="fiml")\neff = fit.effects()\n'
        'cons_li = eff[(eff["from"] == "CONS") & (eff["to"] == "LI")]\n'
        'round(cons_li.loc[cons_li["effect"] == "total", "std_all"].iloc[0], 3)  # 0.387\n```\n\n'
        "0.387 [0.354, 0.421]：感知到的一致性每高一个标准差，忠诚意向就高 0.387 个标准差，而且全部"
        "是间接效应。模拟的真实值是 .389。用全部 2,000 名受访者拟合，估计值是 0.432 [0.400, 0.464]"
        "：那 42 名直线作答者把它推到了它自己的区间之外。",
    )
)

register(
    Exercise(
        id="retail.main_route",
        prompt="Through which mediator does the largest specific indirect effect of CONS on LI "
        "run: 'SAT', 'TRUST' or 'TRUST → SAT'?",
        kind="text",
        synonyms={
            "satisfaction": "SAT",
            "满意度": "SAT",
            "via sat": "SAT",
            "trust": "TRUST",
            "信任": "TRUST",
            "trust > sat": "TRUST → SAT",
            "trust -> sat": "TRUST → SAT",
            "trust sat": "TRUST → SAT",
            "trust→sat": "TRUST → SAT",
            "满意": "SAT",
            "客户满意度": "SAT",
            "经由满意度": "SAT",
            "通过满意度": "SAT",
            "经由信任": "TRUST",
            "信任 → 满意": "TRUST → SAT",
            "信任→满意": "TRUST → SAT",
            "信任 → 满意度": "TRUST → SAT",
            "信任→满意度": "TRUST → SAT",
            "先信任后满意": "TRUST → SAT",
        },
        solution=_main_route,
        wrong=lambda: "TRUST",
        hint="fit.effects() rows with effect == 'specific', from CONS to LI: compare std_all "
        "across the via column.",
        explanation="Satisfaction (about .17 of the total .39): in the model most of "
        "consistency's association with loyalty intention runs through satisfaction; trust "
        "alone (.10) and trust → satisfaction (.11) carry the rest.",
        prompt_zh="CONS 对 LI 最大的特定间接效应经由哪个中介变量：'SAT'、'TRUST' 还是 'TRUST → "
        "SAT'？",
        hint_zh="fit.effects() 中 effect == 'specific'、从 CONS 到 LI 的各行：比较 via 列各条路径"
        "的 std_all。",
        explanation_zh="满意度（总效应 .39 中约占 .17）：在模型中，一致性与忠诚意向之间的关联大"
        "部分经由满意度；单独经由信任（.10）和经由信任 → 满意度（.11）承载了其余部分。",
        worked="Among the effects of CONS on LI of the fitted model (`fit` of Task 3), keep the "
        "specific indirect effects and take the route with the largest `std_all`:\n\n```python\n"
        'eff = fit.effects()\ncons_li = eff[(eff["from"] == "CONS") & (eff["to"] == "LI")]\n'
        'specific = cons_li[cons_li["effect"] == "specific"]\n'
        'specific.loc[specific["std_all"].idxmax(), "via"]  # \'SAT\'\n```\n\n'
        "Through satisfaction: .172 of the total .387, ahead of trust → satisfaction (.113) and "
        "trust alone (.102). In the model most of consistency's association with loyalty "
        "intention runs through satisfaction; trust alone is the smallest route, not the largest.",
        worked_zh="在拟合好的模型（任务 3 的 `fit`）中 CONS 对 LI 的各项效应里，留下特定间接效应，"
        "取 `std_all` 最大的那条路径：\n\n```python\neff = fit.effects()\n"
        'cons_li = eff[(eff["from"] == "CONS") & (eff["to"] == "LI")]\n'
        'specific = cons_li[cons_li["effect"] == "specific"]\n'
        'specific.loc[specific["std_all"].idxmax(), "via"]  # \'SAT\'\n```\n\n'
        "经由满意度：总效应 .387 中占 .172，领先于信任 → 满意度（.113）和单独经由信任（.102）。在"
        "模型中，一致性与忠诚意向之间的关联大部分经由满意度；单独经由信任是最小的一条路径，不是最"
        "大的。",
    )
)

register(
    Exercise(
        id="retail.cons_irr",
        prompt="Negative binomial model of 2025 purchases on channel consistency alone: "
        "incidence-rate ratio per SD of consistency?",
        solution=lambda: _irr("cons"),
        wrong=lambda: round(_irr("li"), 3),
        tol=0.005,
        hint="loyalty.behaviour_model(d, 'purchases', ['cons'], 'negbin').table.loc['cons', "
        "'ratio'] — with cons as the only predictor (the ratio of li is about 1.31).",
        explanation="IRR ≈ 1.05 [1.00, 1.10]: one SD more perceived consistency goes with "
        "only about 5 % more purchases, barely distinguishable from nothing (p = .048). "
        "In the model consistency is linked to purchases only through attitudes, which predict "
        "purchases only in part.",
        prompt_zh="只以渠道一致性为预测变量，对 2025 年购买次数做负二项回归：一致性每增加一个标准"
        "差，发生率比是多少？",
        hint_zh="loyalty.behaviour_model(d, 'purchases', ['cons'], 'negbin').table.loc['cons', "
        "'ratio']——cons 是唯一的预测变量（li 的发生率比约为 1.31）。",
        explanation_zh="IRR ≈ 1.05 [1.00, 1.10]：感知到的一致性每高一个标准差，购买次数只多约 5 "
        "%，与没有作用几乎区分不开（p = .048）。在模型中，一致性只经由态度与购买相连，而态度"
        "只能部分地预测购买。",
        worked="Fit the negative binomial model with `cons` as the only predictor; the `ratio` "
        "column is the IRR per SD:\n\n```python\n"
        'm = loyalty.behaviour_model(d, "purchases", ["cons"], "negbin", missing="drop")\n'
        'round(m.table.loc["cons", "ratio"], 3)  # 1.047\n```\n\n'
        "IRR 1.047 [1.001, 1.096], p = .048: one SD more perceived consistency goes with about 5 "
        "% more purchases, barely distinguishable from nothing. Loyalty intention alone gives "
        "1.310 — that is the ratio of `li`, not of `cons`.",
        worked_zh="以 `cons` 为唯一预测变量拟合负二项模型；`ratio` 列就是每个标准差的发生率比：\n"
        "\n```python\n"
        'm = loyalty.behaviour_model(d, "purchases", ["cons"], "negbin", missing="drop")\n'
        'round(m.table.loc["cons", "ratio"], 3)  # 1.047\n```\n\n'
        "IRR 1.047 [1.001, 1.096]，p = .048：感知到的一致性每高一个标准差，购买次数只多约 5 %，与"
        "没有作用几乎区分不开。只用忠诚意向得到的是 1.310——那是 `li` 的发生率比，不是 `cons` 的。",
    )
)

register(
    Exercise(
        id="retail.holdout_error",
        prompt="BG/NBD fitted to January–September 2025: error (%) of its forecast of the "
        "repeat purchases in October–December?",
        solution=_holdout_error,
        wrong=lambda: -round(_holdout_error(), 1),
        tol=0.2,
        hint="clv_summary(tx, amount='amount', as_of='2025-12-31', "
        "calibration_end='2025-09-30'), fit_bgnbd(cal), holdout_check(bg, cal)"
        ".totals['error_pct'] — (predicted − actual) / actual, so positive means too many.",
        explanation="+12 %: the model forecasts too many purchases, mostly for customers with "
        "no or one repeat purchase by September — BG/NBD assumes they are still alive, but "
        "in these data customers can drift away in any month.",
        prompt_zh="用 2025 年 1–9 月的数据拟合 BG/NBD：它对 10–12 月重复购买次数的预测误差（%）是"
        "多少？",
        hint_zh="clv_summary(tx, amount='amount', as_of='2025-12-31', "
        "calibration_end='2025-09-30')，fit_bgnbd(cal)，holdout_check(bg, "
        "cal).totals['error_pct']——(预测 − 实际) / 实际，所以正数表示预测偏多。",
        explanation_zh="+12 %：模型预测的购买偏多，主要是截至 9 月还没有或只有一次重复购买的客户"
        "——BG/NBD 假定他们仍然“活着”，但在这份数据中，客户在任何一个月都可能渐渐流失。",
        worked="Split the log at the end of September, fit BG/NBD to the calibration part and "
        "compare its forecast with October–December:\n\n```python\ncal = loyalty.clv_summary(\n"
        '    tx, amount="amount", as_of="2025-12-31", calibration_end="2025-09-30"\n)\n'
        "bg_cal = loyalty.fit_bgnbd(cal)\ncheck = loyalty.holdout_check(bg_cal, cal)\n"
        'round(check.totals["error_pct"], 1)  # 12.0\n```\n\n'
        "+12.0 %: 3,264 repeat purchases predicted where 2,913 happened — too many, mostly for "
        "customers with no or one repeat purchase by September (0.54 predicted against 0.12 "
        "actual for those with none). BG/NBD assumes such customers are still alive; in these "
        "data customers drift away in any month. −12 turns the sign round: (predicted − actual) / "
        "actual is positive when the forecast is too high.",
        worked_zh="在 9 月底把交易记录一分为二，用校准期拟合 BG/NBD，把它的预测与 10–12 月的实际情"
        "况作比较：\n\n```python\ncal = loyalty.clv_summary(\n"
        '    tx, amount="amount", as_of="2025-12-31", calibration_end="2025-09-30"\n)\n'
        "bg_cal = loyalty.fit_bgnbd(cal)\ncheck = loyalty.holdout_check(bg_cal, cal)\n"
        'round(check.totals["error_pct"], 1)  # 12.0\n```\n\n'
        "+12.0 %：预测 3,264 次重复购买，实际发生 2,913 次——偏多，主要是截至 9 月还没有或只有一次"
        "重复购买的客户（没有重复购买的客户预测 0.54 次，实际 0.12 次）。BG/NBD 假定这些客户仍然“"
        "活着”；在这份数据中，客户在任何一个月都可能渐渐流失。−12 是符号反了：(预测 − 实际) / 实际"
        "在预测偏多时为正。",
    )
)

register(
    Exercise(
        id="retail.spurious_clv_share",
        prompt="Which share (0–1) of the surveyed customers' 12-month CLV do the spurious "
        "loyals hold (loyalty intention × 2025 purchases, median splits)?",
        solution=lambda: float(_clv_shares()[0]["spurious loyalty"]),
        wrong=lambda: round(float(_clv_shares()[1]["spurious loyalty"]), 3),
        tol=0.005,
        hint="Sum clv by matrix.assignment (customers without a 2025 purchase count 0) and "
        "divide by the total; 0.21 is their share of the customers, not of the value.",
        explanation="About 0.31: a fifth of the customers — almost half of them NPS "
        "detractors — hold nearly a third of the expected value (discounted revenue, no margin). "
        "Whether a competitor's offer would take it is a hypothesis to test, not a finding.",
        prompt_zh="在受访客户未来 12 个月的客户生命周期价值中，虚假忠诚的客户占多大比例（0–1）"
        "（忠诚意向 × 2025 年购买次数，按中位数划分）？",
        hint_zh="按 matrix.assignment 汇总 clv（2025 年没有购买的客户计为 0），再除以总和；0.21 "
        "是他们占客户人数的比例，不是占价值的比例。",
        explanation_zh="约 0.31：五分之一的客户——其中将近一半是净推荐值的贬损者——握有将近三分之一"
        "的预期价值（贴现后的收入，未乘以毛利率）。竞争对手的优惠会不会把它抢走，是有待检验的假设，"
        "而不是一项发现。",
        worked="Build the matrix, sum the 12-month CLV per cell (customers without a 2025 "
        "purchase count 0) and divide by the total:\n\n```python\n"
        'matrix = loyalty.loyalty_matrix(d["li"], d["purchases"], missing="drop")\n'
        'total = d.groupby(matrix.assignment, observed=False)["clv"].sum()\n'
        'round(total["spurious loyalty"] / total.sum(), 3)  # 0.312\n```\n\n'
        "0.312: the spurious loyals — 20.8 % of the customers, 47.5 % of them detractors — hold "
        "nearly a third of the expected value (discounted revenue, no margin). 0.208 is their "
        "share of the customers, not of the value. Whether a competitor's offer would take that "
        "value is a hypothesis to test, not a finding.",
        worked_zh="建立忠诚矩阵，按格子汇总未来 12 个月的客户生命周期价值（2025 年没有购买的客户计"
        "为 0），再除以总和：\n\n```python\n"
        'matrix = loyalty.loyalty_matrix(d["li"], d["purchases"], missing="drop")\n'
        'total = d.groupby(matrix.assignment, observed=False)["clv"].sum()\n'
        'round(total["spurious loyalty"] / total.sum(), 3)  # 0.312\n```\n\n'
        "0.312：虚假忠诚的客户——占客户的 20.8 %，其中 47.5 % 是贬损者——握有将近三分之一的预期价值"
        "（贴现后的收入，未乘以毛利率）。0.208 是他们占客户人数的比例，不是占价值的比例。竞争对手"
        "的优惠会不会把这部分价值抢走，是有待检验的假设，而不是一项发现。",
    )
)

register(
    Exercise(
        id="retail.bf_lost_orders",
        prompt="How many Black-Friday orders were lost at checkout → purchase, compared with "
        "the rate of 15–22 December?",
        solution=_lost_orders,
        wrong=lambda: 14.5,
        tol=1.0,
        hint="compare_days(...): on the checkout → purchase row, n_peak × (rate_base − "
        "rate_peak) — a number of orders, not the 14.5-point difference of the rates.",
        explanation="About 57 orders (95 % CI roughly 35 to 78): 394 checkouts at the "
        "pre-Christmas rate of 45.5 % would have given 179 orders, not 122.",
        prompt_zh="与 12 月 15–22 日的转化率相比，黑色星期五在结账 → 购买这一步损失了多少订单？",
        hint_zh="compare_days(...)：在 checkout → purchase 那一行，n_peak × (rate_base − "
        "rate_peak)——是订单数，而不是两个转化率之差的 14.5 个百分点。",
        explanation_zh="约 57 单（95 % 置信区间大约 35 到 78）：394 次结账如果按圣诞节前 45.5 % "
        "的转化率，本应带来 179 单，而不是 122 单。",
        worked="Compare Black Friday's steps with 15–22 December, then multiply its checkouts by "
        "the difference of the two checkout → purchase rates:\n\n```python\n"
        "steps = cx.journey.compare_days(\n"
        '    events, STAGES, "2025-11-28", ("2025-12-15", "2025-12-22")\n)\n'
        'co = steps.set_index("step").loc["checkout → purchase"]\n'
        'round(co["n_peak"] * (co["rate_base"] - co["rate_peak"]), 1)  # 57.3\n```\n\n'
        "57.3 orders [35.1, 78.4]: Black Friday's 394 checkouts converted at 31.0 % instead of "
        "the pre-Christmas 45.5 % — 122 orders instead of about 179. 14.5 is the difference of "
        "the rates in percentage points, not a number of orders.",
        worked_zh="把黑色星期五的每一步与 12 月 15–22 日作比较，再用它的结账次数乘以两个结账 → 购"
        "买转化率之差：\n\n```python\nsteps = cx.journey.compare_days(\n"
        '    events, STAGES, "2025-11-28", ("2025-12-15", "2025-12-22")\n)\n'
        'co = steps.set_index("step").loc["checkout → purchase"]\n'
        'round(co["n_peak"] * (co["rate_base"] - co["rate_peak"]), 1)  # 57.3\n```\n\n'
        "57.3 单 [35.1, 78.4]：黑色星期五的 394 次结账按 31.0 % 而不是圣诞节前的 45.5 % 转化——得到"
        " 122 单，而不是约 179 单。14.5 是两个转化率之差（百分点），不是订单数。",
    )
)
