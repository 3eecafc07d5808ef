"""The words of the experiments' ``summary()`` texts in English and Chinese (private).

Every sentence a result's ``summary()`` prints is a template here, once per language,
with the same named fields, so the numbers are formatted by the same code in both
languages: the English templates reproduce the English text byte for byte, the Chinese
ones carry the same numbers, signs, units and rounding.

- :func:`words` — the template table of a language (``None`` → the notebook's
  language, :func:`cxlab.viz.language`);
- :func:`translate` — the Chinese wording of a label a result stores in English (a test
  name, an estimand, how an SE was computed); unknown labels are returned unchanged;
- :func:`join` — a list of names joined as the language joins them.
"""

from __future__ import annotations

import re
from typing import Any

from cxlab._conventions import Wording

__all__ = ["TEXT", "join", "resolve", "translate", "words"]

TEXT: dict[str, dict[str, Any]] = {
    "en": {
        # A/B test (_ab)
        "ab_name": {"nps": "NPS", "proportion": "rate in %", "mean": "mean"},
        "ab_unit": {"nps": " NPS points", "proportion": " percentage points", "mean": ""},
        "ab_head": "A/B test of {metric} ({name}): {t} {t_est:.2f} (n = {t_n}) vs {c} (control) "
        "{c_est:.2f} (n = {c_n}).",
        "ab_diff": "Difference {t} - {c}: {est:+.2f}{unit}, {level:.0%} CI {lo:.2f} to {hi:.2f}, "
        "{p} ({test}).",
        "ab_sig": "The difference is statistically significant at the {alpha:.0%} level: "
        "{t} is {side}.",
        "ab_higher": "higher",
        "ab_lower": "lower",
        "ab_not_sig": "Not significant at the {alpha:.0%} level: the data are consistent with no "
        "difference, and with any difference from {lo:.2f} to {hi:.2f}.",
        "srm": "Sample ratio: {nc} vs {nt} against a planned control share of {share:.0%} "
        "(chi2 = {chi2:.2f}, {p}): {verdict}.",
        "srm_bad": "MISMATCH - the assignment or the logging is broken; do not trust the "
        "difference until the cause is found",
        "srm_ok": "no mismatch",
        "balance": "Balance of {k} covariate(s): joint test {p}; {smd}",
        "smd_flag": "|SMD| > 0.1 for {names}.",
        "smd_ok": "all |SMD| <= 0.1.",
        "warning": "Warning: {w}",
        # sample size (_power)
        "power_unit": {
            "nps": "NPS points",
            "mean": "units of the metric",
            "proportion": "(share, 0-1)",
        },
        "power": "To detect a difference of {mde:g} {unit} with {power:.0%} power at the "
        "{level:.0%} level (two-sided): {nc:,} in control and {nt:,} in treatment "
        "({n:,} in all).\nMethod: {method}.",
        # peeking (_peeking)
        "peeking": "Peeking: {reps:,} simulated A/A tests ({test} test), {looks} look{s} of "
        "{n} answers per arm, stopped at the first p < {alpha:g}.\nFalse-positive rate "
        "{est:.3f} ({level:.0%} Monte-Carlo CI {lo:.3f} to {hi:.3f}) instead of the nominal "
        "{alpha:g}: {ratio:.1f} times too many false winners.",
        # difference-in-differences (_did)
        "did_methods": {
            "2x2": "2×2 DiD (OLS y ~ treated*post)",
            "twfe": "two-way fixed effects",
        },
        "did_head": "DiD of {outcome!r}: {nt} programme and {nc} comparison units, start {start}",
        "did_change": "Programme units changed by {dt:+.3g}, comparison units by {dc:+.3g} "
        "(pre → post means).",
        "did_effect": "Estimated programme effect: {est:+.4g} {outcome} ({level:.0%} CI "
        "{lo:.4g} to {hi:.4g}, p = {p:.3g}), {how}.",
        "did_twfe": "two-way fixed effects with covariates {covs}",
        "did_2x2": "2×2 DiD",
        "did_caveat": "This is the programme's effect only if the two groups would have moved in "
        "parallel without it (check the pre-period with event_study); SEs are cluster-robust by "
        "unit (CR1, {n} clusters).",
        "did_estimators": "Estimators:",
        "did_row": "  {name}: {est:.4g} (SE {se:.3g}) [{lo:.4g}, {hi:.4g}]",
        # event study (_event)
        "es_head": "Event study of {outcome!r}: {leads} leads, {lags} lags (reference: period -1), "
        "{n} units",
        "es_test": "Pre-trend test (leads jointly 0, cluster-robust Wald): chi2 = {chi2:.2f}, "
        "df = {df:.0f}, p = {p:.3g} {how}— {verdict}.",
        "es_boot": "(wild cluster bootstrap, B = {B:,}) ",
        "es_asym": "(asymptotic χ², which rejects too often with few clusters: use B > 0) ",
        "es_none": "no leads to test (one pre period only): parallel trends cannot be checked",
        "es_ok": "no evidence against parallel pre-trends (which does not prove them)",
        "es_bad": "the groups already drifted apart before the start: the DiD is suspect",
        "es_means": "Mean lead {lead:+.3g}, mean lag {lag:+.3g} ({level:.0%} CIs in the table; "
        "SEs cluster-robust by unit, CR1).",
        # self-selection (_selection)
        "sel_names": {
            "naive": "naive member - non-member gap",
            "ipw": "inverse-probability weighting",
            "match": "propensity-score matching (1:1, with replacement)",
            "did": "difference-in-differences (change from baseline)",
        },
        "sel_head": "Programme effect on {outcome!r}: {m:,} members, {o:,} non-members",
        "sel_row": "  {name} ({estimand}): {est:+.4g} [{lo:.4g}, {hi:.4g}] ({level:.0%} CI; "
        "SE: {se})",
        "sel_balance": "Balance: largest |SMD| {worst:.2f} before, {after} (rule of thumb: "
        "below 0.1).",
        "sel_after": "{smd:.2f} {how}",
        "sel_after_how": {"ipw": "ipw", "match": "match"},
        "sel_overlap": "Overlap: {n:,} member(s) score above every non-member; {rest}",
        "sel_unmatched": "matching left {u:,} member(s) without a match within the caliper "
        "({caliper:.3g} on the logit score).",
        "sel_no_unmatched": "",
        "sel_caveat": "IPW and matching adjust only for the covariates measured ({covs}); if "
        "customers also select into the programme on something not measured (motivation, plans "
        "to shop more anyway), that self-selection remains in every estimate here, and no "
        "method on these data can remove it. Only a randomised offer (an A/B test) rules it out.",
        "sel_naive": "The naive gap compares the customers who chose to join with those who did "
        "not: it mixes the programme's effect with who joins.",
        # uplift (_uplift)
        "up_model": {"logistic": "logistic", "boosting": "boosting"},
        "up_head": "Two-model uplift ({model}) of {treatment!r} on {outcome!r}, features "
        "{features}; holdout of {n} customers.",
        "up_check": "Randomisation check: joint test p = {p:.3f}{smd}",
        "up_smd_flag": "; |SMD| > 0.1 for {names}.",
        "up_smd_ok": "; all |SMD| <= 0.1.",
        "up_overall": "Overall uplift on the holdout: {x:+.3f} (response rate treated - control).",
        "up_deciles": "Top decile of predicted uplift: observed {top:+.3f} [{top_lo:.3f}, "
        "{top_hi:.3f}]; bottom decile: {bottom:+.3f} [{bottom_lo:.3f}, {bottom_hi:.3f}].",
        "up_qini": "Qini coefficient {q:.4f} (> 0: better than random targeting).",
        "sep": ", ",
    },
    "zh": {
        "ab_name": {"nps": "净推荐值", "proportion": "比率，%", "mean": "均值"},
        "ab_unit": {"nps": " 分（净推荐值）", "proportion": " 个百分点", "mean": ""},
        "ab_head": "{metric} 的 A/B 测试（{name}）：{t} 为 {t_est:.2f}（n = {t_n}），"
        "{c}（对照组）为 {c_est:.2f}（n = {c_n}）。",
        "ab_diff": "差异 {t} - {c}：{est:+.2f}{unit}，{level:.0%} 置信区间 {lo:.2f} 到 {hi:.2f}，"
        "{p}（{test}）。",
        "ab_sig": "差异在 {alpha:.0%} 的水平上统计显著：{t} {side}。",
        "ab_higher": "更高",
        "ab_lower": "更低",
        "ab_not_sig": "在 {alpha:.0%} 的水平上不显著：数据与没有差异相容，也与 {lo:.2f} 到 "
        "{hi:.2f} 之间的任何差异相容。",
        "srm": "样本比例：{nc} 比 {nt}，计划的对照组占比为 {share:.0%}（χ² = {chi2:.2f}，{p}）："
        "{verdict}。",
        "srm_bad": "样本比例失衡——分组或记录出了问题；查明原因之前，不要相信这个差异",
        "srm_ok": "没有样本比例失衡",
        "balance": "{k} 个协变量的平衡：联合检验 {p}；{smd}",
        "smd_flag": "{names} 的 |SMD| > 0.1。",
        "smd_ok": "所有 |SMD| <= 0.1。",
        "warning": "警告：{w}",
        "power_unit": {
            "nps": " 分（净推荐值）",
            "mean": " 个指标单位",
            "proportion": "（比例，0-1）",
        },
        "power": "要以 {power:.0%} 的统计功效、在 {level:.0%} 的置信水平下（双侧检验）检测出 "
        "{mde:g}{unit}的差异：对照组需要 {nc:,} 份、实验组需要 {nt:,} 份（共 {n:,} 份）。\n"
        "方法：{method}。",
        "peeking": "中途查看：模拟了 {reps:,} 次 A/A 测试（{test} 检验），每组每增加 {n} 份回答"
        "查看一次，共查看 {looks} 次，在第一次 p < {alpha:g} 时停止。\n假阳性率为 {est:.3f}"
        "（{level:.0%} 蒙特卡洛置信区间 {lo:.3f} 到 {hi:.3f}），而名义水平是 {alpha:g}："
        "假赢家的数量是应有数量的 {ratio:.1f} 倍。",
        "did_methods": {
            "2x2": "2×2 双重差分（OLS y ~ treated*post）",
            "twfe": "双向固定效应",
        },
        "did_head": "{outcome!r} 的双重差分：{nt} 个实施单位、{nc} 个对照单位，从 {start} 开始推出",
        "did_change": "实施单位的均值变化了 {dt:+.3g}，对照单位变化了 {dc:+.3g}"
        "（推出前 → 推出后的均值）。",
        "did_effect": "估计的项目效果：{est:+.4g} {outcome}（{level:.0%} 置信区间 {lo:.4g} 到 "
        "{hi:.4g}，p = {p:.3g}），{how}。",
        "did_twfe": "带协变量 {covs} 的双向固定效应",
        "did_2x2": "2×2 双重差分",
        "did_caveat": "只有当两组在没有项目时本会平行变化，这才是项目的效果（用 event_study "
        "检查推出前的时期）；标准误按单位做聚类稳健估计（CR1，{n} 个聚类）。",
        "did_estimators": "各估计方法：",
        "did_row": "  {name}：{est:.4g}（标准误 {se:.3g}）[{lo:.4g}, {hi:.4g}]",
        "es_head": "{outcome!r} 的事件研究：{leads} 个事前期、{lags} 个事后期（参照期：-1），"
        "{n} 个单位",
        "es_test": "事前趋势检验（各事前期同时为 0，聚类稳健 Wald 检验）：χ² = {chi2:.2f}，"
        "df = {df:.0f}，p = {p:.3g}{how}——{verdict}。",
        "es_boot": "（野聚类自助法，B = {B:,}）",
        "es_asym": "（渐近 χ² 检验，聚类不多时拒绝得太频繁：请设 B > 0）",
        "es_none": "没有可检验的事前期（推出前只有一期）：无法检查平行趋势",
        "es_ok": "没有证据反对事前趋势平行（但这并不能证明趋势平行）",
        "es_bad": "两组在推出之前就已经分开：双重差分的结果值得怀疑",
        "es_means": "事前期平均 {lead:+.3g}，事后期平均 {lag:+.3g}（{level:.0%} 置信区间见表；"
        "标准误按单位做聚类稳健估计，CR1）。",
        "sel_names": {
            "naive": "会员与非会员的简单差距",
            "ipw": "逆概率加权",
            "match": "倾向得分匹配（1:1，有放回）",
            "did": "双重差分（相对基线的变化）",
        },
        "sel_head": "计划对 {outcome!r} 的效果：{m:,} 位会员，{o:,} 位非会员",
        "sel_row": "  {name}（{estimand}）：{est:+.4g} [{lo:.4g}, {hi:.4g}]（{level:.0%} 置信区间；"
        "标准误：{se}）",
        "sel_balance": "平衡：最大 |SMD| 调整前为 {worst:.2f}，{after}（经验标准：低于 0.1）。",
        "sel_after": "{how} {smd:.2f}",
        "sel_after_how": {"ipw": "加权后为", "match": "匹配后为"},
        "sel_overlap": "重叠：{n:,} 位会员的倾向得分高于所有非会员{rest}",
        "sel_unmatched": "；匹配时有 {u:,} 位会员在卡钳范围（logit 得分上的 {caliper:.3g}）内"
        "找不到匹配。",
        "sel_no_unmatched": "。",
        "sel_caveat": "逆概率加权和匹配只调整了测量到的协变量（{covs}）；如果客户还因为没有测量的"
        "因素（动机、本来就打算多买）而选择加入计划，这种自我选择会留在这里的每一个估计值中，在这些"
        "数据上任何方法都无法去除它。只有随机提供的邀请（A/B 测试）才能排除它。",
        "sel_naive": "简单差距比较的是自己选择加入的客户与没有加入的客户：它把计划的效果与谁会"
        "加入混在了一起。",
        "up_model": {"logistic": "逻辑回归", "boosting": "梯度提升"},
        "up_head": "双模型增益分析（{model}）：{treatment!r} 对 {outcome!r} 的作用，特征变量 "
        "{features}；保留样本 {n} 位客户。",
        "up_check": "随机分组检查：联合检验 p = {p:.3f}{smd}",
        "up_smd_flag": "；{names} 的 |SMD| > 0.1。",
        "up_smd_ok": "；所有 |SMD| <= 0.1。",
        "up_overall": "保留样本上的总体增益：{x:+.3f}（响应率：实验组 - 对照组）。",
        "up_deciles": "预测增益最高的十分位：观察到的增益 {top:+.3f} [{top_lo:.3f}, "
        "{top_hi:.3f}]；最低的十分位：{bottom:+.3f} [{bottom_lo:.3f}, {bottom_hi:.3f}]。",
        "up_qini": "Qini 系数 {q:.4f}（> 0：优于随机选择）。",
        "sep": "、",
    },
}

#: Chinese wording of labels the results store in English (test names, estimands, SEs)
_LABELS = {
    "two-proportion z test": "两比例 z 检验",
    "z test of the NPS difference, adjusted-Wald (Rocks 2016)": (
        "净推荐值差异的 z 检验，adjusted-Wald 法（Rocks 2016）"
    ),
    "normal approximation on Cohen's h (statsmodels NormalIndPower)": (
        "基于 Cohen's h 的正态近似（statsmodels NormalIndPower）"
    ),
    "two-sample t test on d = mde / sd (statsmodels TTestIndPower)": (
        "基于 d = mde / sd 的两样本 t 检验（statsmodels TTestIndPower）"
    ),
    "z test of the NPS difference, Var = 100^2 (V1/n1 + V2/n2) with V = p + d - "
    "(p - d)^2 (statsmodels NormalIndPower)": (
        "净推荐值差异的 z 检验，Var = 100^2 (V1/n1 + V2/n2)，其中 V = p + d - (p - d)^2"
        "（statsmodels NormalIndPower）"
    ),
    "difference": "差异",
    "ATT (matched members)": "ATT，匹配上的会员",
    "ATT if parallel trends": "ATT，前提是趋势平行",
    "sandwich (M-estimation, logit included)": "夹心估计（M 估计，含 logit 模型）",
    "Abadie-Imbens (2006), score taken as known": "Abadie-Imbens 2006，视倾向得分为已知",
    "cluster-robust by customer (CR1)": "按客户聚类稳健（CR1）",
}
#: labels with numbers in them: (pattern, Chinese template of its groups)
_PATTERNS = [
    (re.compile(r"Welch t, df = (\S+)"), "Welch t 检验，df = {0}"),
    (
        re.compile(r"bootstrap \(B = (\S+), percentile CI; logit refitted\)"),
        "自助法（B = {0}，百分位置信区间；重新拟合 logit 模型）",
    ),
    (
        re.compile(r"(\d+) row\(s\) without an answer in (.+) are left out\."),
        "有 {0} 行在 {1} 中没有回答，未纳入计算。",
    ),
]


_WORDING = Wording(TEXT, _LABELS, _PATTERNS)
resolve = _WORDING.resolve
words = _WORDING.words
translate = _WORDING.translate
join = _WORDING.join
