"""Exercises of lesson 09c: did it work? A/B tests, sample size, difference-in-differences on a
store rollout, the loyalty-programme trap and uplift on a randomised retention offer."""

from __future__ import annotations

from cxlab.exercises.lesson00b import self_assessment_question
from cxlab.exercises.registry import Exercise, register

#: the rollout month of ``store_rollout``
START = "2026-01"


def _n_nps10() -> int:
    """Answers per group to detect a 10-point NPS difference (45 % promoters, 20 % detractors)."""
    from cxlab import experiments

    return experiments.sample_size("nps", baseline=(0.45, 0.20), mde=10).n_control


def _did_nps() -> float:
    """The 2×2 DiD of the programme on store NPS (``store_rollout``), one decimal."""
    from cxlab import datasets, experiments

    res = experiments.did(
        datasets.load("store_rollout"),
        "nps",
        unit="store_id",
        time="month",
        treated="programme",
        start=START,
    )
    return round(res.estimate, 1)


def _complained_ab() -> float:
    """Offer − control difference in 90-day churn among members who complained, in points."""
    from cxlab import datasets, experiments

    members = datasets.load("membership_churn")
    complained = members[members["campaign"].notna() & (members["complaints"] >= 1)]
    res = experiments.ab_test(complained, "churn_90d", "campaign", kind="proportion")
    return round(res.est, 1)


register(
    Exercise(
        id="09c.n_nps10",
        prompt="How many answers per group does an A/B test need to detect an NPS difference of "
        "10 points with 80 % power at the 95 % level, when about 45 % of customers are "
        "promoters and 20 % detractors? A whole number.",
        solution=_n_nps10,
        wrong=lambda: 3689,
        hint="cx.experiments.sample_size('nps', baseline=(0.45, 0.20), mde=10).n_control — "
        "the baseline is (promoter share, detractor share). 3,689 is the answer for a "
        "5-point difference.",
        explanation="923 per group (1,846 in all). Halving the difference to 5 points needs "
        "four times as many answers (3,689 per group): the sample size grows with 1 / mde².",
        prompt_zh="已知约 45 % 的客户是推荐者、20 % 是贬损者，一项 A/B 测试要以 80 % 的统计功效、"
        "95 % 的置信水平检测出 10 分的净推荐值差异，每组需要多少份回答？填整数。",
        hint_zh="cx.experiments.sample_size('nps', baseline=(0.45, 0.20), mde=10).n_control——"
        "baseline 是（推荐者比例，贬损者比例）。3,689 是 5 分差异的答案。",
        explanation_zh="每组 923 份（共 1,846 份）。差异减半到 5 分，就需要四倍的回答（每组 3,689 "
        "份）：样本量随 1 / mde² 增长。",
        worked="`sample_size` takes the control group's expected promoter and detractor shares "
        "and the difference to detect, in NPS points:\n\n"
        "```python\n"
        'plan = cx.experiments.sample_size("nps", baseline=(0.45, 0.20), mde=10)\n'
        "print(plan.summary())\n"
        "plan.n_control  # 923\n```\n\n"
        "923 answers per group. The NPS of one answer is +100, 0 or −100, so its spread is "
        "large; a 5-point difference would need 3,689 per group — four times as many.",
        worked_zh="`sample_size` 的参数是对照组预期的推荐者比例和贬损者比例，以及要检测的差异（净推"
        "荐值分数）：\n\n"
        "```python\n"
        'plan = cx.experiments.sample_size("nps", baseline=(0.45, 0.20), mde=10)\n'
        "print(plan.summary())\n"
        "plan.n_control  # 923\n```\n\n"
        "每组 923 份回答。一份回答的净推荐值只能是 +100、0 或 −100，波动很大；要检测 5 分的差异，"
        "每组需要 3,689 份——四倍之多。",
    )
)

register(
    Exercise(
        id="09c.did_nps",
        prompt="Difference-in-differences of the programme on store NPS in store_rollout "
        "(2×2, rollout 2026-01): the estimate in NPS points? One decimal.",
        solution=_did_nps,
        wrong=lambda: 4.4,
        tol=0.05,
        hint="cx.experiments.did(panel, 'nps', unit='store_id', time='month', "
        "treated='programme', start='2026-01').estimate. 4.4 is the programme stores' own "
        "change from before to after, without the comparison stores' change.",
        explanation="4.7 (95 % CI about 3.8 to 5.5): the programme stores' NPS rose by 4.4 "
        "points while the comparison stores' fell by 0.3. The simulated truth, +4, lies in "
        "the interval.",
        prompt_zh="store_rollout 中会员计划对门店净推荐值的双重差分估计（2×2，2026-01 推出）是多少"
        "分？保留一位小数。",
        hint_zh="cx.experiments.did(panel, 'nps', unit='store_id', time='month', "
        "treated='programme', start='2026-01').estimate。4.4 只是实施门店自身前后的变化，没有减去"
        "对照门店的变化。",
        explanation_zh="4.7（95 % 置信区间约为 3.8 到 5.5）：实施门店的净推荐值上升了 4.4 分，对照"
        "门店下降了 0.3 分。模拟的真实效应 +4 落在区间内。",
        worked="The same call as for sales, with NPS as the outcome:\n\n"
        "```python\n"
        'nps_did = cx.experiments.did(panel, "nps", unit="store_id", time="month",\n'
        '                             treated="programme", start="2026-01")\n'
        "print(nps_did.means.round(2))\n"
        "round(nps_did.estimate, 1)  # 4.7\n```\n\n"
        "(32.53 − 28.15) − (28.99 − 29.29) = 4.38 + 0.30 = 4.68. The interval (3.8 to 5.5) "
        "covers the simulated +4; its event study's pre-trend test (bootstrap) finds no "
        "evidence against parallel trends.",
        worked_zh="与销售额的调用相同，只是结果变量换成净推荐值：\n\n"
        "```python\n"
        'nps_did = cx.experiments.did(panel, "nps", unit="store_id", time="month",\n'
        '                             treated="programme", start="2026-01")\n'
        "print(nps_did.means.round(2))\n"
        "round(nps_did.estimate, 1)  # 4.7\n```\n\n"
        "(32.53 − 28.15) − (28.99 − 29.29) = 4.38 + 0.30 = 4.68。区间（3.8 到 5.5）覆盖了模拟的 "
        "+4；它的事件研究中的事前趋势检验（自助法）也没有发现违背平行趋势的证据。",
    )
)

register(
    Exercise(
        id="09c.complained_ab",
        prompt="The retention offer of membership_churn, only among members with at least one "
        "complaint: the difference offer − control in the 90-day churn rate, in percentage "
        "points? One decimal.",
        solution=_complained_ab,
        wrong=lambda: 0.3,
        tol=0.05,
        hint="Keep the rows with a campaign value and complaints >= 1, then "
        "cx.experiments.ab_test(..., 'churn_90d', 'campaign', kind='proportion').est. +0.3 is "
        "the difference over all members.",
        explanation="−3.4 points (95 % CI −6.7 to −0.1, p = .042): among members who complained "
        "the offer lowered churn; the simulated truth is −5.4 points. Over all members the "
        "effect averages out near zero because the offer pushes light users without "
        "complaints the other way.",
        prompt_zh="membership_churn 中的挽留优惠，只看至少投诉过一次的会员：收到优惠组减去对照组的 "
        "90 天流失率差是多少个百分点？保留一位小数。",
        hint_zh="保留 campaign 有值且 complaints >= 1 的行，再用 "
        "cx.experiments.ab_test(..., 'churn_90d', 'campaign', kind='proportion').est。+0.3 是全体"
        "会员的差值。",
        explanation_zh="−3.4 个百分点（95 % 置信区间 −6.7 到 −0.1，p = .042）：在投诉过的会员中，优"
        "惠降低了流失；模拟的真实效应是 −5.4 个百分点。在全体会员中，效应平均下来接近零，因为优惠"
        "把没有投诉、很少到访的会员推向了相反方向。",
        worked="Select the members who complained among those in the test, then run the same "
        "test:\n\n"
        "```python\n"
        'complained = campaign[campaign["complaints"] >= 1]\n'
        'sub = cx.experiments.ab_test(complained, "churn_90d", "campaign", kind="proportion")\n'
        "print(sub.summary())\n"
        "round(sub.est, 1)  # -3.4\n```\n\n"
        "9.11 % of the control group and 5.68 % of the offered group left within 90 days. "
        "A subgroup result is trustworthy only if the subgroup was named before the test: "
        "look at enough subgroups and one will be 'significant' by chance. Here the "
        "simulation planted it.",
        worked_zh="在参加测试的会员中选出投诉过的会员，再做同样的检验：\n\n"
        "```python\n"
        'complained = campaign[campaign["complaints"] >= 1]\n'
        'sub = cx.experiments.ab_test(complained, "churn_90d", "campaign", kind="proportion")\n'
        "print(sub.summary())\n"
        "round(sub.est, 1)  # -3.4\n```\n\n"
        "对照组有 9.11 %、优惠组有 5.68 % 的会员在 90 天内离开。只有当子群体是在测试之前就定好的，"
        "子群体结果才可信：看的子群体足够多，总会偶然有一个“显著”。这里的效应是模拟时植入的。",
    )
)


# --- Self-assessment: the key ideas of the lesson, one letter each ------------------------------

register(
    self_assessment_question(
        "09c.sa1",
        "b",
        "a",
        prompt="A team checks its A/B test every morning and stops on the third day, the first "
        "time p < 0.05. What is wrong? (a) nothing: p < 0.05 means a 5 % risk of a false "
        "winner; (b) looking after every batch and stopping at the first p < 0.05 makes a "
        "false winner far more likely than 5 % (about 19 % with 10 looks); fix the sample size "
        "before the test and read the result once; (c) three days are always too short; (d) "
        "the test should have used NPS instead of conversion",
        hint="Section 3: the A/A tests stopped at the first p < 0.05.",
        explanation="(b). Each look is another chance for noise to cross the line. In A/A tests "
        "(no true difference) stopping at the first p < 0.05 gives a false winner in about "
        "14 % of tests with 5 looks and 19 % with 10 (Armitage, McPherson & Rowe 1969).",
        worked="The 5 % holds for one look at a sample size fixed in advance. The simulation "
        "of section 3 shows what checking after every batch does: 0.05 with one look, about "
        "0.14 with five and 0.19 with ten, the values Armitage, McPherson & Rowe (1969) "
        "published.",
        prompt_zh="一个团队每天早上查看 A/B 测试结果，第三天第一次出现 p < 0.05 时就停止了测试。问"
        "题在哪里？(a) 没有问题：p < 0.05 意味着假赢家的风险是 5 %；(b) 每批数据之后都看一次、在第"
        "一次 p < 0.05 时停止，会使出现假赢家的概率远高于 5 %（查看 10 次约为 19 %）；应在测试前定"
        "好样本量，只读一次结果；(c) 三天总是太短；(d) 测试应该用净推荐值而不是转化率",
        hint_zh="第 3 节：在第一次 p < 0.05 时停止的 A/A 测试。",
        explanation_zh="(b)。每看一次，噪声就多一次越过界线的机会。在 A/A 测试（没有真实差异）中，"
        "在第一次 p < 0.05 时停止：查看 5 次时约 14 % 的测试出现假赢家，查看 10 次时约 19 %"
        "（Armitage, McPherson & Rowe 1969）。",
        worked_zh="5 % 只适用于样本量事先定好、只看一次的情形。第 3 节的模拟显示了每批数据之后都查"
        "看的后果：查看 1 次为 0.05，5 次约 0.14，10 次约 0.19，与 Armitage, McPherson & Rowe "
        "（1969）发表的数值一致。",
    )
)

register(
    self_assessment_question(
        "09c.sa2",
        "c",
        "a",
        prompt="The event study of sales per customer gives a pre-trend test with an asymptotic "
        "p = 0.002 and a wild cluster bootstrap p = 0.115. What do you report? (a) the "
        "asymptotic p: the trends were not parallel, so the DiD is wrong; (b) the average of "
        "the two; (c) the bootstrap p: with 72 stores, 17 of them in the programme, and 11 "
        "leads the asymptotic test rejects far too often; the bootstrap finds no evidence "
        "against parallel trends — which does not prove them; (d) neither: pre-trends cannot "
        "be tested",
        hint="Section 4: why event_study reports a bootstrap p-value next to the asymptotic "
        "one, and what a large p-value does and does not show.",
        explanation="(c). With few clusters the asymptotic χ² test of many leads rejects true "
        "parallel trends far too often (23 of 100 simulated panels at the 5 % level); the "
        "wild cluster bootstrap keeps the error near 5 %. A large p is no proof of parallel "
        "trends, only no evidence against them.",
        worked="The data were simulated with parallel trends, yet the asymptotic test says "
        "p = 0.002. The bootstrap rebuilds the test's distribution from these 72 stores "
        "themselves and gives 0.115. Report it, and look at the leads in the plot: they "
        "scatter around zero.",
        prompt_zh="销售额的事件研究给出的事前趋势检验：渐近 p = 0.002，野聚类自助法 p = 0.115。你报"
        "告哪一个？(a) 渐近 p：趋势不平行，所以双重差分是错的；(b) 两者的平均；(c) 自助法 p：只有 "
        "72 家门店（其中 17 家实施计划）、11 个事前期，渐近检验的拒绝太过频繁；自助法没有发现违背平"
        "行趋势的证据——但这也不能证明趋势平行；(d) 都不报告：事前趋势无法检验",
        hint_zh="第 4 节：event_study 为什么在渐近 p 值旁边报告自助法 p 值，以及一个大的 p 值能说明"
        "什么、不能说明什么。",
        explanation_zh="(c)。聚类少时，对多个事前期做渐近 χ² 检验，会过于频繁地拒绝本来平行的趋势（"
        "在 5 % 水平下，100 个模拟面板中有 23 个被拒绝）；野聚类自助法把错误率保持在 5 % 附近。大的"
        " p 值不能证明趋势平行，只说明没有证据反对它。",
        worked_zh="数据是按平行趋势模拟的，渐近检验却给出 p = 0.002。自助法用这 72 家门店本身重建检"
        "验统计量的分布，给出 0.115。报告它，并看图中的事前期估计：它们散布在零附近。",
    )
)

register(
    self_assessment_question(
        "09c.sa3",
        "d",
        "b",
        prompt="In retail_omnichannel, members' NPS is 22 points above non-members'. Weighting "
        "by age group, city tier, channel and tenure balances all four (|SMD| < 0.1) and the "
        "gap stays at 22. What do you conclude? (a) the programme raises NPS by 22 points; (b) "
        "the adjustment worked, so 22 is the programme's effect; (c) membership lowers NPS; "
        "(d) the measured columns do not explain who joins; what drives joining (a purchase "
        "habit) is not in the data, so the gap may be all selection — here it is, by "
        "simulation; only a randomised offer would tell",
        hint="Section 5: what IPW and matching adjust for, and what the simulation's "
        "membership record says.",
        explanation="(d). Balance on the measured covariates says nothing about what was not "
        "measured. Here the heavy, loyal shoppers joined, their habit is not in the data, and "
        "membership was simulated to change nothing: the true effect is 0.",
        worked="The weights made members and non-members alike in age, city tier, channel and "
        "tenure — but those columns barely differed to begin with, and the gap did not move. "
        "The driver of joining is unmeasured, so no adjustment on these data can remove it; "
        "the truth (effect 0) is known only because the data were simulated.",
        prompt_zh="在 retail_omnichannel 中，会员的净推荐值比非会员高 22 分。按年龄组、城市级别、渠"
        "道和客户年限加权后，四者都已平衡（|SMD| < 0.1），差距仍是 22 分。你的结论是什么？(a) 会员"
        "计划使净推荐值提高 22 分；(b) 调整成功了，所以 22 分是计划的效果；(c) 会员身份降低净推荐值"
        "；(d) 测量到的变量解释不了谁会加入；驱动加入的因素（购买习惯）不在数据中，所以这个差距可能"
        "全是自我选择——在模拟中正是如此；只有随机发放的邀请才能说明问题",
        hint_zh="第 5 节：IPW 和匹配调整的是什么，以及模拟记录中关于会员身份的说明。",
        explanation_zh="(d)。测量到的协变量平衡了，并不说明没测量的因素也平衡了。这里是购买多、忠诚"
        "的顾客加入了会员，他们的习惯不在数据中，而模拟中会员身份不改变任何东西：真实效应为 0。",
        worked_zh="加权使会员与非会员在年龄、城市级别、渠道和客户年限上变得相似——但这些变量本来就几"
        "乎没有差别，差距也没有变化。驱动加入的因素没有被测量，所以在这些数据上任何调整都无法去除它"
        "；我们知道真实效应为 0，只是因为数据是模拟的。",
    )
)
