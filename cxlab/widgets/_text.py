"""Every word the apps and the dashboard show, in English and Chinese.

One table per language with the same keys (a test checks that the two agree), so a new
label cannot be added in one language only. :func:`say` picks the wording.
"""

from __future__ import annotations

from typing import Any, Literal

Lang = Literal["en", "zh"]

TEXT: dict[str, dict[str, str]] = {
    "en": {
        # app titles
        "nps.title": "NPS simulator: shares, sample size and uncertainty",
        "sem.title": "What if? Change the paths, simulate, refit",
        "ipa.title": "Importance-performance analysis (IPA)",
        "journey.title": "Customer journey: funnel conversion by period and group",
        "survey.title": "Survey constructs: items, answers and reliability",
        # NPS
        "nps.promoters": "promoters (9–10) %",
        "nps.detractors": "detractors (0–6) %",
        "nps.n": "responses n",
        "nps.ci": "interval",
        "nps.wald": "Wald",
        "nps.adjusted": "adjusted Wald (small n)",
        "nps.line": "NPS {nps:+.1f} · {level} % CI {low:.1f} to {high:.1f} "
        "(± {margin:.1f} points) · n = {n:,}",
        "nps.band": "95 % CI",
        "nps.draws": "simulated surveys",
        "nps.truth": "true NPS {nps:+.0f}",
        "nps.xlabel": "NPS of a survey of n",
        "nps.plot_title": "{k:,} surveys of n = {n:,}: SD {sd:.1f} (the formula's SE: {se:.1f})",
        "nps.share": "share %",
        "nps.group": "group",
        "promoters": "promoters",
        "passives": "passives",
        "detractors": "detractors",
        # SEM what-if
        "sem.reset": "back to the model's values",
        "sem.paths": "Standardized paths: truth vs estimate (95 % CI)",
        "sem.totals": "Total effects on the outcomes",
        "sem.line": "n = {n:,} · χ²({df:.0f}) = {chisq:.1f}, CFI = {cfi:.3f}, RMSEA = {rmsea:.3f} "
        "· paths off the truth by {gap:.3f} on average; mean CI width {width:.3f}; "
        "{covered} of {total} CIs cover the truth",
        "sem.columns": "truth,est,ci_low,ci_high,covered",
        # IPA
        "ipa.outcome": "outcome",
        "ipa.drivers": "drivers",
        "ipa.subset": "respondents",
        "ipa.everybody": "everybody",
        "ipa.method": "importance",
        "ipa.rw": "relative weights",
        "ipa.shapley": "Shapley values",
        "ipa.cut": "lines at",
        "ipa.means": "means",
        "ipa.medians": "medians",
        "ipa.ylabel": "importance (% of R² of {outcome})",
        "ipa.line": "{outcome}: R² = {r2:.3f}, n = {n:,}{where}{focus}",
        "ipa.focus": "; concentrate on {drivers}",
        # journey
        "journey.period": "sessions started",
        "journey.by": "split by",
        "journey.nothing": "nothing (all sessions)",
        "journey.reach": "{label}: {share:.1%} of {n:,} sessions reach {stage}",
        "journey.span": "{first} to {last}: ",
        "journey.all": "all",
        "journey.ylabel": "step conversion (95 % CI)",
        # survey
        "survey.construct": "construct",
        "survey.reverse": "reverse-code the reverse-keyed items",
        "survey.wording": "wording",
        "survey.line": "{label}: {items} items, n = {n:,} · α = {alpha} [{low}, {high}] · "
        "ω = {omega} · AVE = {ave}",
        "survey.xlabel": "% of answers",
        "survey.answer": "answer",
        "survey.yes": "yes",
        # CEM maturity self-assessment
        "maturity.title": "CEM maturity: rate your firm on the six components",
        "maturity.strategy": "strategy",
        "maturity.insight": "customer insight",
        "maturity.design": "design",
        "maturity.measurement": "measurement",
        "maturity.management": "management",
        "maturity.culture": "culture",
        "maturity.strategy.about": "a written CX vision and positioning that leaders fund and "
        "decide by",
        "maturity.insight.about": "who the customers are and what they need, from research "
        "rather than guesses",
        "maturity.design.about": "each key touchpoint designed on purpose: staff, setting, "
        "communication",
        "maturity.measurement.about": "CSAT, NPS and CES tracked at the key touchpoints, each "
        "with its interval",
        "maturity.management.about": "feedback reaches the owner of each touchpoint, who acts "
        "and closes the loop",
        "maturity.culture.about": "everyone, not only the front line, owns the experience; "
        "staff may act on the spot",
        "maturity.strategy.first": "write one page on which customers, which experience and "
        "which trade-offs; have the leadership team sign it and fund it",
        "maturity.insight.first": "interview and observe customers of your main segments and "
        "map one journey with them, not for them",
        "maturity.design.first": "take the key touchpoint where customers complain or give up "
        "most and redesign it: script, staff, setting and what happens when it goes wrong",
        "maturity.measurement.first": "measure the key touchpoints with one short survey (NPS "
        "or CSAT, and CES) and report every score with its interval",
        "maturity.management.first": "give every key touchpoint an owner, route its feedback "
        "to that owner within a day and review the alerts every week",
        "maturity.culture.first": "tell one customer story at every daily meeting, let front-"
        "line staff fix problems on the spot and recognise those who do",
        "maturity.level1": "initial",
        "maturity.level2": "repeatable",
        "maturity.level3": "defined",
        "maturity.level4": "managed",
        "maturity.level5": "optimising",
        "maturity.line": "CEM maturity {mean:.1f} of 5 · work on first: {name} ({score:.1f}, "
        "the weakest{tie})",
        "maturity.tie": "; tied with {others}, listed after it",
        "maturity.advice": "Work on first: {name}. A first step: {step}.",
        "maturity.plot_title": "CEM maturity profile · mean {mean:.1f} of 5",
        "maturity.weakest": "weakest",
        "maturity.columns": "component,score,level",
        # messages
        "unexpected": "Something unexpected went wrong ({error}). Try other values; if it "
        "persists, report it with the values above.",
        "english_only": "{message}",
        # dashboard
        "dash.language": "Language",
        "dash.projector": "projector mode (large type)",
        "dash.title": "cxlab · instructor dashboard",
        "dash.intro": "Five live demonstrations for the classroom. Every control recomputes at "
        "once; impossible settings show a message instead of a result.",
        "dash.nps": "1. NPS simulator (lesson 02)",
        "dash.nps.note": "Move the promoters and detractors; passives are the rest. Double n and "
        "the interval shrinks by √2 only: ask the room how many answers a ±3-point NPS needs.",
        "dash.sem": "2. What if? The experience-economy (4E) model (lessons 05, 07, 08)",
        "dash.sem.note": "The sliders set the true standardized paths of hotel_4e's model; each "
        "change draws a new sample of n guests (same seed) and refits the 4E template. "
        "Strengthen esthetics → memory and watch the total effects on loyalty; raise n and "
        "watch the intervals narrow; push a path too far and the model tells you why it cannot "
        "be fitted.",
        "dash.ipa": "3. Importance-performance analysis (lesson 11)",
        "dash.ipa.note": "Importance = each moment of truth's share of the R² of NPS (relative "
        "weights or Shapley values), performance = its mean rating. Switch the respondents to "
        "had_problem = True and see what matters when something went wrong.",
        "dash.journey": "4. Customer journey (lesson 11)",
        "dash.journey.note": "Step conversion of the online shop's funnel with 95 % Wilson "
        "intervals. Narrow the period to Black Friday (2025-11-28) and split by segment or "
        "device.",
        "dash.survey": "5. Survey constructs (lessons 03, 04)",
        "dash.survey.note": "Pick a construct of hotel_4e: its items, how guests answered, and "
        "Cronbach's α with its interval, ω and AVE. Pick Escapism and untick reverse-coding to "
        "see what one reverse-keyed item does to α.",
    },
    "zh": {
        "nps.title": "净推荐值（NPS）模拟器：比例、样本量与不确定性",
        "sem.title": "假如……？改变路径、模拟、重新拟合",
        "ipa.title": "重要性—绩效分析（IPA）",
        "journey.title": "客户旅程：按时段和群体的漏斗转化",
        "survey.title": "问卷构念：题项、作答与信度",
        "nps.promoters": "推荐者（9–10 分）%",
        "nps.detractors": "贬损者（0–6 分）%",
        "nps.n": "样本量 n",
        "nps.ci": "置信区间",
        "nps.wald": "Wald 区间",
        "nps.adjusted": "调整 Wald 区间（小样本）",
        "nps.line": "净推荐值 {nps:+.1f} · {level}% 置信区间 {low:.1f} 至 {high:.1f}"
        "（± {margin:.1f} 分）· n = {n:,}",
        "nps.band": "95% 置信区间",
        "nps.draws": "模拟调查",
        "nps.truth": "真实净推荐值 {nps:+.0f}",
        "nps.xlabel": "一次 n 份问卷调查得到的净推荐值",
        "nps.plot_title": "{k:,} 次 n = {n:,} 的调查：标准差 {sd:.1f}"
        "（公式给出的标准误：{se:.1f}）",
        "nps.share": "占比 %",
        "nps.group": "群体",
        "promoters": "推荐者",
        "passives": "中立者",
        "detractors": "贬损者",
        "sem.reset": "恢复模型原值",
        "sem.paths": "标准化路径：真实值与估计值（95% 置信区间）",
        "sem.totals": "对结果变量的总效应",
        "sem.line": "n = {n:,} · χ²({df:.0f}) = {chisq:.1f}，CFI = {cfi:.3f}，RMSEA = {rmsea:.3f}"
        " · 路径估计与真实值平均相差 {gap:.3f}；置信区间平均宽度 {width:.3f}；"
        "{total} 个置信区间中 {covered} 个覆盖真实值",
        "sem.columns": "真实值,估计值,下限,上限,覆盖",
        "ipa.outcome": "结果变量",
        "ipa.drivers": "驱动因素",
        "ipa.subset": "受访者",
        "ipa.everybody": "全部受访者",
        "ipa.method": "重要性算法",
        "ipa.rw": "相对权重",
        "ipa.shapley": "Shapley 值",
        "ipa.cut": "分界线",
        "ipa.means": "均值",
        "ipa.medians": "中位数",
        "ipa.ylabel": "重要性（占 {outcome} 的 R² 的 %）",
        "ipa.line": "{outcome}：R² = {r2:.3f}，n = {n:,}{where}{focus}",
        "ipa.focus": "；重点改进：{drivers}",
        "journey.period": "会话开始日期",
        "journey.by": "分组",
        "journey.nothing": "不分组（全部会话）",
        "journey.reach": "{label}：{n:,} 个会话中 {share:.1%} 到达{stage}",
        "journey.span": "{first} 至 {last}：",
        "journey.all": "全部",
        "journey.ylabel": "逐步转化率（95% 置信区间）",
        "survey.construct": "构念",
        "survey.reverse": "反向计分题先反向编码",
        "survey.wording": "题项措辞",
        "survey.line": "{label}：{items} 个题项，n = {n:,} · α = {alpha} [{low}, {high}] · "
        "ω = {omega} · AVE = {ave}",
        "survey.xlabel": "作答占比 %",
        "survey.answer": "选项",
        "survey.yes": "是",
        "maturity.title": "客户体验管理成熟度：为你的企业在六个维度上打分",
        "maturity.strategy": "体验战略",
        "maturity.insight": "体验认知",
        "maturity.design": "体验设计",
        "maturity.measurement": "体验测量",
        "maturity.management": "体验管理",
        "maturity.culture": "体验文化",
        "maturity.strategy.about": "有成文的客户体验愿景和定位，管理层据此拨款和决策",
        "maturity.insight.about": "客户是谁、需要什么，来自调研而不是猜测",
        "maturity.design.about": "每个关键触点都经过有意的设计：员工、环境、沟通",
        "maturity.measurement.about": "在关键触点上跟踪客户满意度、净推荐值和客户费力度，"
        "每个分数都附区间",
        "maturity.management.about": "反馈送到每个触点的负责人手中，由其采取行动、形成闭环",
        "maturity.culture.about": "人人（不只是一线员工）都对体验负责；员工可以当场处理问题",
        "maturity.strategy.first": "写一页纸：服务哪些客户、提供什么体验、放弃什么；"
        "请管理层签字认可并拨出经费",
        "maturity.insight.first": "访谈和观察主要细分群体的客户，和他们一起（而不是替他们）"
        "画出一条客户旅程",
        "maturity.design.first": "挑出客户投诉最多或最常放弃的关键触点，重新设计它："
        "话术、员工、环境，以及出错时怎么办",
        "maturity.measurement.first": "用一份简短的问卷（净推荐值或客户满意度，加上客户费力度）"
        "测量关键触点，每个分数都附上区间",
        "maturity.management.first": "给每个关键触点指定负责人，一天之内把反馈送到其手中，"
        "每周检查一次预警",
        "maturity.culture.first": "每次晨会讲一个客户故事，让一线员工当场解决问题，"
        "并表彰这样做的人",
        "maturity.level1": "初始级",
        "maturity.level2": "可重复级",
        "maturity.level3": "已定义级",
        "maturity.level4": "已管理级",
        "maturity.level5": "优化级",
        "maturity.line": "客户体验管理成熟度 {mean:.1f}（满分 5）· 首先改进：{name}"
        "（{score:.1f}，最薄弱{tie}）",
        "maturity.tie": "；与{others}并列，但{others}排在它之后",
        "maturity.advice": "首先改进：{name}。第一步：{step}。",
        "maturity.plot_title": "客户体验管理成熟度画像 · 平均 {mean:.1f}（满分 5）",
        "maturity.weakest": "最薄弱",
        "maturity.columns": "维度,得分,等级",
        "unexpected": "出现了意外错误（{error}）。请换一组数值再试；"
        "如果仍然出错，请连同上面的数值一起报告。",
        "english_only": "无法计算（详细说明为英文）：\n{message}",
        "dash.language": "语言",
        "dash.projector": "投影模式（大字号）",
        "dash.title": "cxlab · 教师演示面板",
        "dash.intro": "五个课堂现场演示。每调整一个控件，结果立即重算；不可能的设定会显示说明，"
        "而不是结果。",
        "dash.nps": "1. 净推荐值模拟器（第 02 课）",
        "dash.nps.note": "拖动推荐者和贬损者的比例，剩下的是中立者。样本量 n 翻倍，置信区间只缩小到"
        "原来的 1/√2：请学员估计，要让净推荐值的误差在 ±3 分以内需要多少份答卷。",
        "dash.sem": "2. 假如……？体验经济（4E）模型（第 05、07、08 课）",
        "dash.sem.note": "滑块设定 hotel_4e 模型真实的标准化路径；每次改动都会（用同一个随机种子）"
        "重新抽取 n 位住客的样本，并重新拟合 4E 模板。加强审美 → 记忆，观察对忠诚度的总效应；"
        "增大 n，观察置信区间变窄；把某条路径推得过大，模型会说明为什么无法拟合。",
        "dash.ipa": "3. 重要性—绩效分析（第 11 课）",
        "dash.ipa.note": "重要性 = 每个关键时刻在净推荐值 R² 中所占的份额"
        "（相对权重或 Shapley 值），绩效 = 它的平均评分。"
        "把受访者切换为 had_problem = True，看看出了问题时什么最重要。",
        "dash.journey": "4. 客户旅程（第 11 课）",
        "dash.journey.note": "网店漏斗的逐步转化率，附 95% Wilson 置信区间。把时段缩小到黑色星期五"
        "（2025-11-28），再按客户细分或设备分组。",
        "dash.survey": "5. 问卷构念（第 03、04 课）",
        "dash.survey.note": "选择 hotel_4e 的一个构念：它的题项、住客的作答分布，以及克朗巴哈 α "
        "系数（含置信区间）、ω 和 AVE。选择“逃避现实体验”（Escapism）并取消反向编码，"
        "看看一道反向计分题对 α 的影响。",
    },
}


def say(lang: Lang, key: str, **values: Any) -> str:
    """The wording of *key* in *lang*, filled with *values*.

    Examples
    --------
    >>> say("zh", "nps.truth", nps=30)
    '真实净推荐值 +30'
    """
    if lang not in TEXT:
        raise ValueError(f"lang must be 'en' or 'zh', not {lang!r}")
    return TEXT[lang][key].format(**values)


def error_text(exc: BaseException, lang: Lang) -> str:
    """An error's message in *lang*: its Chinese text (``exc.zh``) when there is one,
    else the English message introduced in Chinese.

    Examples
    --------
    >>> from cxlab.errors import DataError
    >>> error_text(DataError("Bad.", zh="不对。"), "zh"), error_text(DataError("Bad."), "en")
    ('不对。', 'Bad.')
    """
    if lang == "zh":
        zh = getattr(exc, "zh", None)
        return zh if zh else say(lang, "english_only", message=str(exc))
    return str(exc)
