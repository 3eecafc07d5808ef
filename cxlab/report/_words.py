"""The words of the study report, one table per language with the same keys (private).

``WORDS[lang][key]`` is a sentence or heading with ``{placeholders}``; :func:`say` fills
one in. The Chinese terms are those of the course (lessons 04, 05 and 13 of the Chinese
edition): 结构方程模型, 验证性因子分析, 组合信度, 平均方差抽取量, 区分效度, 间接效应, 总效应,
测量不变性, 拟合指数 … Numbers, code names, estimator names (ML, CFI, RMSEA …) and
references stay as they are. Column headings and cell values of the tables are in
:mod:`cxlab.report._headings`.
"""

from __future__ import annotations

import re
from typing import Any

from cxlab.errors import DataError

LANGS = ("en", "zh")

EN: dict[str, str] = {
    # page
    "html_lang": "en",
    "title": "Study report",
    "meta": "Data: {data} (SHA-256 {sha}) · model: {model} · cxlab {version} · seed {seed} · "
    "bootstrap {bootstrap} · {created}",
    "data_frame": "DataFrame",
    "model_text": "given as text",
    "key_findings": "Key findings",
    "no_findings": "No findings.",
    "not_reportable": "Not reportable.",
    "badge_problem": "not reportable",
    "badge_warning": "check",
    "badge_note": "note",
    "badge_ok": "ok",
    "first_rows": "First {rows} of {total} rows; all in the CSV / xlsx.",
    "table_title": "Table {n}. {title}",
    "table_note": "Note. {text}",
    "figure_title": "Figure {n}. {title}",
    "list_sep": ", ",
    "stat_sep": ", ",
    "stat_semi": "; ",
    "named": "{label} ({name})",
    "wording": "wording",
    "stars": "*p < .05, **p < .01, ***p < .001.",
    # sections: heading, intro
    "sec_data": "1. Data and sample",
    "intro_data": "What was read, what was checked, and who answered what.",
    "sec_descriptives": "2. Descriptive statistics",
    "intro_descriptives": "Items of the model: n, mean, SD, range, skewness and excess kurtosis.",
    "sec_reliability": "3. Reliability and convergent validity",
    "intro_reliability": "Cronbach's α (Feldt 95 % CI), McDonald's ω, composite reliability "
    "(CR) and average variance extracted (AVE) per construct; corrected item–total "
    "correlations.",
    "sec_cfa": "4. Measurement model (CFA)",
    "intro_cfa": "The measurement part of the model (all =~ lines, factors correlated), fitted "
    "by {estimator}.",
    "sec_validity": "5. Discriminant validity",
    "intro_validity": "Fornell–Larcker criterion (√AVE on the diagonal) and HTMT with bootstrap "
    "95 % CIs (Henseler, Ringle & Sarstedt 2015; HTMT above .85/.90 or a CI reaching 1 fails).",
    "sec_sem": "6. Structural model (SEM)",
    "intro_sem": "The full model, fitted by {estimator} (lavaan's sem() defaults); estimates "
    "with lavaan's column names.",
    "sec_effects": "7. Direct, indirect and total effects",
    "intro_effects": "Every effect between connected variables and every := parameter.",
    "sec_pls": "8. PLS path model",
    "intro_pls": "The same model by PLS path modeling (composites), reported as SmartPLS does: "
    "paths, loadings and weights, VIF, f², R², Q²predict, HTMT, SRMR, IPMA.",
    "sec_invariance": "9. Measurement invariance",
    "intro_invariance": "Configural, metric, scalar and strict models compared by Δχ² and by "
    "ΔCFI / ΔRMSEA / ΔSRMR (Chen 2007).",
    "sec_apa": "10. Publication tables (APA style)",
    "intro_apa": "Formatted for a paper (APA 7): constructs, measurement model, structural "
    "paths, indirect and total effects, model fit and, with groups, invariance and paths "
    "compared across groups.",
    # table titles
    "cap_sample": "Sample",
    "cap_validation": "Data checks (warnings)",
    "cap_missing_by_item": "Missing answers by item",
    "cap_careless_flagged": "Respondents with two or more careless-responding flags",
    "cap_descriptives": "Descriptive statistics",
    "cap_reliability": "Reliability per construct",
    "cap_item_statistics": "Item statistics",
    "cap_cfa_fit": "Fit of the measurement model",
    "cap_cfa_loadings": "Loadings (std.all = standardized)",
    "cap_cfa_diagnostics": "Admissibility checks",
    "cap_fornell_larcker": "Fornell–Larcker",
    "cap_htmt": "HTMT",
    "cap_sem_fit": "Fit of the structural model",
    "cap_sem_estimates": "Parameter estimates",
    "cap_r2": "R²",
    "cap_sem_diagnostics": "Admissibility checks",
    "cap_effects": "Effects",
    "cap_pls_paths": "Paths",
    "cap_pls_r2": "R²",
    "cap_pls_reliability": "Reliability (PLS)",
    "cap_invariance": "Invariance models",
    "cap_apa_fit": "Model fit",
    "cap_apa_measurement": "Measurement model",
    "cap_apa_structural": "Structural model",
    # notes under tables
    "tn_descriptives": "N = {n} respondents in the file; n = answers per item; skewness and "
    "kurtosis as psych::describe (type 3); kurtosis is excess kurtosis (0 for a normal "
    "distribution).",
    "tn_reliability_joint": "α with its Feldt 95 % CI (alpha_ci_low, alpha_ci_high), from the "
    "n respondents who answered every item of the construct. ω, CR and AVE are those of the "
    "measurement model (all constructs in one CFA, section 4): ω = {omega}; CR = {cr}; AVE = "
    "{ave}. The Fornell–Larcker table uses the same AVE. Rules of thumb: α and CR ≥ .70, AVE "
    "≥ .50.",
    "tn_reliability_one_factor": "α with its Feldt 95 % CI (alpha_ci_low, alpha_ci_high). The "
    "measurement model could not be used, so ω, CR and AVE come from a separate one-factor CFA "
    "of each construct: ω = McDonald's ω (model-implied variance; semTools::compRelSEM with "
    "obs.var = FALSE); CR = composite reliability of Fornell & Larcker (1981) from the "
    "standardized loadings; AVE = the mean squared standardized loading. Rules of thumb: α and "
    "CR ≥ .70, AVE ≥ .50.",
    "def_omega": "semTools::compRelSEM (obs.var = TRUE), the model-implied common variance of "
    "the sum score over its observed variance",
    "def_cr": "composite reliability of Fornell & Larcker (1981) from the standardized loadings",
    "def_ave_semtools": "semTools::AVE (obs.var = TRUE), the factor variance times the sum of "
    "the squared loadings over the sum of the items' observed variances",
    "def_omega_cat": "Green & Yang's (2009) categorical ω (semTools::compRelSEM, ord.scale = "
    "TRUE, obs.var = TRUE) of the ordered items (WLSMV)",
    "def_ave_latent": "semTools::AVE (obs.var = TRUE) on the latent-response scale of the "
    "ordered items (WLSMV)",
    "n_wlsmv_reliability": "WLSMV: ω, CR and AVE here come from one-factor ML CFAs per "
    "construct (the measurement model's categorical ω is not shown yet).",
    "def_ave_fl": "the mean squared standardized loading (Fornell & Larcker 1981; semTools' AVE "
    "is not defined when an item loads on two factors)",
    "tn_item_statistics_joint": "item_total_r = corrected item–total correlation; "
    "alpha_if_deleted = α without the item; loading = standardized loading in the measurement "
    "model (std.all of the CFA).",
    "tn_item_statistics_one_factor": "item_total_r = corrected item–total correlation; "
    "alpha_if_deleted = α without the item; loading = standardized loading in the scale's "
    "one-factor model.",
    "tn_fornell_larcker": "√AVE on the diagonal, with AVE = {ave}; below it the latent "
    "correlations of the measurement model; passes = √AVE above every correlation of the "
    "construct.",
    "tn_fit": "N = {n}; {estimator} estimation; cut-offs as rules of thumb (Hu & Bentler "
    "1999): CFI and TLI ≥ .95, RMSEA ≤ .06 (with its 90 % CI), SRMR ≤ .08.",
    "tn_loadings": "N = {n}; {estimator} estimation; est = unstandardized, std.all = "
    "standardized loading; ci.lower / ci.upper = Wald 95 % CI of est.",
    "tn_htmt_noci": "The original HTMT (Henseler, Ringle & Sarstedt 2015: arithmetic means of "
    "the correlations; semTools::htmt with htmt2 = FALSE), not HTMT2 (geometric means, "
    "semTools' default since 0.5-6); no confidence intervals (bootstrap 0); above_85 / "
    "above_90: HTMT above .85 / .90.",
    "tn_htmt": "The original HTMT (Henseler, Ringle & Sarstedt 2015: arithmetic means of the "
    "correlations; semTools::htmt with htmt2 = FALSE), not HTMT2 (geometric means, semTools' "
    "default since 0.5-6); bootstrap 95 % CIs (ci_low, ci_high; n_boot resamples); above_85 / "
    "above_90: HTMT above .85 / .90.",
    "tn_estimates": "N = {n}; {estimator} estimation; lavaan's column names: est = unstandardized, "
    "std.all = standardized; ci.lower / ci.upper = Wald 95 % CI of est.",
    "tn_effects": "CI: {ci}; std_all = standardized effect.",
    "tn_apa_fit": "N = {n}; {estimator} estimation; RMSEA with its 90 % CI.",
    "tn_apa": "N = {n}. {note} {stars}",
    # figure
    "fig_path": "Path diagram: standardized estimates (std.all) and R².",
    # tail
    "methods_heading": "Methods (draft for the paper)",
    "repro_heading": "Reproducibility",
    "command": "Command:",
    "model_heading": "Model",
    "repro_tail": "Every number of this report is in the JSON file next to it; the tables are "
    "also in the CSV files and the xlsx workbook.",
    "estn_ML": "ML",
    "estn_MLR": "MLR (robust)",
    "estn_MLM": "MLM (robust)",
    "estn_WLSMV": "WLSMV",
    "est_ML": "maximum likelihood (ML)",
    "est_MLR": "maximum likelihood with robust standard errors and the Yuan–Bentler scaled "
    "test (MLR)",
    "est_MLM": "maximum likelihood with robust standard errors and the Satorra–Bentler scaled "
    "test (MLM)",
    "est_WLSMV": "diagonally weighted least squares with robust standard errors and the mean- "
    "and variance-adjusted test (WLSMV)",
    # methods paragraph
    "m_rel_joint": "ω and AVE were computed from the CFA measurement model as semTools' "
    "compRelSEM and AVE do; HTMT is the original ratio (htmt2 = FALSE).",
    "q_file": "respondents in the file",
    "q_vars": "variables in the model",
    "q_complete": "respondents with every model variable answered",
    "q_missing": "share of model answers missing",
    "q_careless": "respondents with ≥ 2 careless-responding flags (kept)",
    "q_group": "group {group} = {value}",
    # findings and notes: data
    "f_data_check": "Data check: {message}",
    "n_reverse": "Reverse-keyed item(s) {items} recoded as min + max − x (codebook) before any "
    "analysis.",
    "n_incomplete": "{skipped} of {total} respondents skipped at least one model variable; the "
    "models use {used} (missing='{missing}').",
    "used_fiml": "all respondents (FIML)",
    "used_listwise": "the {complete} complete ones",
    "f_careless": "{n} respondents look careless (≥ 2 flags: long strings, low variability, "
    "speeding). They are kept; inspect them and report any exclusion (table careless_flagged).",
    "f_skew": "{items}: |skew| > 2 or |kurtosis| > 7 (Curran, West & Finch 1996); normal-theory "
    "ML standard errors and χ² may be biased — see the normality check; MLR (--estimator MLR) "
    "gives robust ones.",
    # reliability
    "n_no_scales": "No construct has two or more items: nothing to assess.",
    "f_weak": "{scale}: {weak}.",
    "f_scale_warning": "{scale}: {warning}",
    "f_rel_ok": "Every construct has α and CR ≥ .70 and AVE ≥ .50 (where defined).",
    # models
    "what_cfa": "measurement model (CFA)",
    "what_sem": "structural model",
    "f_cannot": "The {what} cannot be reported: {diagnosis}",
    "f_failed": "The {what} cannot be reported: its estimation failed ({reason}). The model may "
    "be misspecified or not identified (e.g. a fixed covariance that contradicts the data, a "
    "factor with too few items); revise it and run the report again.",
    "n_no_latent_cfa": "The model has no latent variables (=~): no measurement model.",
    "n_no_structural": "The model has no structural part (~, :=): see the CFA.",
    "f_cfa_fit": "Measurement model: {text}.",
    "f_sem_fit": "Structural model: {text}.",
    "f_low_loadings": "Standardized loadings below .50: {items}{tail}",
    "tail_negative": ". A negative loading usually means a reverse-keyed item that was not "
    "recoded: mark it reverse = True in the codebook (--codebook).",
    "tail_end": ".",
    "f_htmt_85": "HTMT of {a} and {b} is {htmt}, above the conservative .85 (its CI stays "
    "below 1).",
    "f_dv_ok": "Discriminant validity holds: √AVE above every latent correlation and every "
    "HTMT CI below 1.",
    # effects
    "f_htmt_85_noci": "HTMT of {a} and {b} is {htmt}, above the conservative .85 (no CI: "
    "bootstrap 0).",
    "f_dv_ok_noci": "Discriminant validity holds by Fornell–Larcker: √AVE above every latent "
    "correlation (HTMT without CI: bootstrap 0).",
    "n_wlsmv_delta": "WLSMV (ordered items): effects with delta-method CIs from the robust "
    "standard errors; cx.sem does not bootstrap WLSMV fits.",
    "chi_robust": "Yuan–Bentler scaled χ²",
    "chi_scaled": "mean-and-variance adjusted χ²",
    "intro_normality": "Mardia's (1970) multivariate skewness and kurtosis of the model's "
    "variables (complete rows), as psych::mardia.",
    "cap_normality": "Multivariate normality (Mardia 1970)",
    "tn_normality": "n = {n} complete rows, p = {p} variables; skewness: n·b1p/6 ~ χ²; kurtosis: "
    "(b2p − p(p + 2)) / √(8p(p + 2)/n) ~ N(0, 1); as psych::mardia.",
    "sec_checklist": "11. Reviewers' checklist (JARS-Quant, SEM)",
    "intro_checklist": "What the journal article reporting standards for structural equation "
    "models ask for (Appelbaum et al. 2018, American Psychologist 73(1), 3–25), marked from "
    "what this report ran: done, not done, not applicable.",
    "cap_jars_checklist": "Reporting checklist",
    "results_heading": "Results (draft for the paper)",
    "f_boot_failed": "Bootstrap failed ({error}); delta-method CIs shown.",
    "n_fiml_mc": "FIML: Monte-Carlo CIs (the bootstrap needs complete rows).",
    "e_defined": "defined effect {name} := {expr}",
    "e_indirect_via": "indirect effect of {x} on {y} through {m}",
    "e_indirect_all": "indirect effect of {x} on {y} (all routes)",
    "f_effect": "The {name} is {est} [{low}, {high}], β = {beta}; the {ci} CI {verdict}",
    "zero_in": "includes 0.",
    "zero_out": "excludes 0.",
    # PLS
    "f_pls_failed": "PLS-PM could not be estimated: {error}",
    # invariance
    "n_no_latent_inv": "No latent variables: measurement invariance does not apply.",
    "f_inv_problem": "Invariance across {group} cannot be assessed: {diagnosis}",
    "f_inv_not_tested": "Invariance across {group} not tested: {error}",
    "f_inv": "Measurement invariance across {group}: highest level that holds is {level} "
    "(Chen 2007). {verdict}",
    "inv_ok": "Latent means and paths can be compared across groups.",
    "inv_partial": "Compare groups' latent means only with partial invariance.",
}

ZH: dict[str, str] = {
    "html_lang": "zh-CN",
    "title": "研究报告",
    "meta": "数据：{data}（SHA-256 {sha}）· 模型：{model} · cxlab {version} · 随机种子 {seed} · "
    "自助法重抽样 {bootstrap} 次 · {created}",
    "data_frame": "内存中的 DataFrame",
    "model_text": "以文本形式给出",
    "key_findings": "主要发现",
    "no_findings": "没有发现。",
    "not_reportable": "无法报告。",
    "badge_problem": "无法报告",
    "badge_warning": "需核查",
    "badge_note": "提示",
    "badge_ok": "通过",
    "first_rows": "仅显示前 {rows} 行（共 {total} 行）；完整的表格见 CSV / xlsx 文件。",
    "table_title": "表 {n} {title}",
    "table_note": "注：{text}",
    "figure_title": "图 {n} {title}",
    "list_sep": "，",
    "stat_sep": "，",
    "stat_semi": "；",
    "named": "{label}（{name}）",
    "wording": "题项内容",
    "stars": "*p < .05，**p < .01，***p < .001。",
    "sec_data": "1. 数据与样本",
    "intro_data": "读入了什么数据，做了哪些检查，各题项有多少人作答。",
    "sec_descriptives": "2. 描述统计",
    "intro_descriptives": "模型中的各题项：有效样本量 n、均值、标准差、取值范围、偏度和超额峰度。",
    "sec_reliability": "3. 信度与收敛效度",
    "intro_reliability": "各构念的克朗巴哈系数 α（Feldt 95 % 置信区间）、麦克唐纳 ω、组合信度（CR）"
    "和平均方差抽取量（AVE）；校正后的题项-总分相关。",
    "sec_cfa": "4. 测量模型（验证性因子分析，CFA）",
    "intro_cfa": "模型的测量部分（全部 =~ 语句，因子之间允许相关），用{estimator}拟合。",
    "sec_validity": "5. 区分效度",
    "intro_validity": "Fornell–Larcker 准则（对角线上为 √AVE）和附带自助法 95 % 置信区间的 HTMT"
    "（Henseler, Ringle & Sarstedt 2015；HTMT 高于 .85/.90 或置信区间达到 1 即不通过）。",
    "sec_sem": "6. 结构模型（结构方程模型，SEM）",
    "intro_sem": "完整模型，用{estimator}拟合（沿用 lavaan 中 sem() 的默认设定）；估计值表"
    "沿用 lavaan 的列名。",
    "sec_effects": "7. 直接效应、间接效应与总效应",
    "intro_effects": "相互连通的变量之间的每一个效应，以及每一个用 := 定义的参数。",
    "sec_pls": "8. 偏最小二乘路径模型（PLS-PM）",
    "intro_pls": "用偏最小二乘法（PLS）路径建模估计同一个模型（合成变量），按 SmartPLS "
    "报告的方式呈现：路径、载荷与权重、VIF、f²、R²、Q²predict、HTMT、SRMR、IPMA。",
    "sec_invariance": "9. 测量不变性",
    "intro_invariance": "形态不变、度量不变、标量不变和严格不变四个模型，用 Δχ² 以及 ΔCFI / "
    "ΔRMSEA / ΔSRMR 比较（Chen 2007）。",
    "sec_apa": "10. 论文用表（APA 格式）",
    "intro_apa": "按论文格式（APA 第 7 版）排版：构念、测量模型、结构路径、间接效应与总效应、"
    "模型拟合，分组时还有测量不变性和各组路径比较。",
    "cap_sample": "样本",
    "cap_validation": "数据检查（警告）",
    "cap_missing_by_item": "各题项的缺失答案",
    "cap_careless_flagged": "有两项或以上不认真作答标记的受访者",
    "cap_descriptives": "描述统计",
    "cap_reliability": "各构念的信度与收敛效度",
    "cap_item_statistics": "题项统计量",
    "cap_cfa_fit": "测量模型的拟合指数",
    "cap_cfa_loadings": "因子载荷（std.all 为标准化载荷）",
    "cap_cfa_diagnostics": "测量模型的可接受性检查",
    "cap_fornell_larcker": "Fornell–Larcker 准则",
    "cap_htmt": "异质-单质比率（HTMT）",
    "cap_sem_fit": "结构模型的拟合指数",
    "cap_sem_estimates": "参数估计值",
    "cap_r2": "解释方差 R²",
    "cap_sem_diagnostics": "结构模型的可接受性检查",
    "cap_effects": "效应分解",
    "cap_pls_paths": "PLS 路径系数",
    "cap_pls_r2": "PLS 解释方差 R²",
    "cap_pls_reliability": "信度（PLS）",
    "cap_invariance": "测量不变性模型",
    "cap_apa_fit": "模型拟合指数",
    "cap_apa_measurement": "测量模型",
    "cap_apa_structural": "结构模型",
    "tn_descriptives": "文件中共有 N = {n} 名受访者；n 为各题项的有效答案数；偏度和峰度的算法与 "
    "psych::describe（type 3）相同；峰度为超额峰度（正态分布为 0）。",
    "tn_reliability_joint": "α 附 Feldt 95 % 置信区间（alpha_ci_low、alpha_ci_high），基于回答了该"
    "构念全部题项的 n 名受访者。"
    "ω、CR 和 AVE 均取自测量模型（全部构念同时纳入一个验证性因子分析，见第 4 节）：ω 为{omega}；"
    "CR 为{cr}；AVE 为{ave}。Fornell–Larcker 表使用同一个 AVE。经验标准：α 和 CR ≥ .70，"
    "AVE ≥ .50。",
    "tn_reliability_one_factor": "α 附 Feldt 95 % 置信区间（alpha_ci_low、alpha_ci_high）。由于无法"
    "使用测量模型，ω、CR 和 AVE 取自每个构念各自的单因子验证性因子分析：ω 为麦克唐纳 ω（模型隐含"
    "方差，即 semTools::compRelSEM 取 obs.var = FALSE）；CR 为 Fornell & Larcker（1981）基于"
    "标准化载荷的组合信度；AVE 为标准化载荷平方的均值。经验标准：α 和 CR ≥ .70，AVE ≥ .50。",
    "def_omega": " semTools::compRelSEM（obs.var = TRUE），即总分中由模型隐含的共同方差"
    "占其观测方差的比例",
    "def_cr": " Fornell & Larcker（1981）基于标准化载荷的组合信度",
    "def_ave_semtools": " semTools::AVE（obs.var = TRUE），即因子方差乘以载荷平方和，"
    "再除以各题项观测方差之和",
    "def_omega_cat": " Green 和 Yang（2009）的有序分类 ω（semTools::compRelSEM，ord.scale = "
    "TRUE，obs.var = TRUE；有序题项，WLSMV）",
    "def_ave_latent": " 有序题项潜在反应尺度上的 semTools::AVE（obs.var = TRUE；WLSMV）",
    "n_wlsmv_reliability": "WLSMV：此处的 ω、CR 和 AVE 来自每个构念单独的单因子 ML 验证性因子分析"
    "（测量模型的有序分类 ω 暂未显示）。",
    "def_ave_fl": "标准化载荷平方的均值（Fornell & Larcker 1981；有题项同时载荷于两个因子时，"
    "semTools 的 AVE 没有定义）",
    "tn_item_statistics_joint": "item_total_r 为校正后的题项-总分相关；alpha_if_deleted 为删去该"
    "题项后的 α；loading 为测量模型（验证性因子分析）中的标准化载荷（std.all）。",
    "tn_item_statistics_one_factor": "item_total_r 为校正后的题项-总分相关；alpha_if_deleted 为删去"
    "该题项后的 α；loading 为该量表单因子模型中的标准化载荷。",
    "tn_fornell_larcker": "对角线上为 √AVE，AVE 为{ave}；对角线以下为测量模型中潜变量之间的"
    "相关系数；“是否通过”表示该构念的 √AVE 是否大于它的每一个相关系数。",
    "tn_fit": "N = {n}；{estimator}估计；临界值为经验标准（Hu & Bentler 1999）：CFI 和 TLI "
    "≥ .95，RMSEA ≤ .06（附 90 % 置信区间），SRMR ≤ .08。",
    "tn_loadings": "N = {n}；{estimator}估计；est 为非标准化载荷，std.all 为标准化载荷；"
    "ci.lower / ci.upper 为 est 的 Wald 95 % 置信区间。",
    "tn_htmt_noci": "原始 HTMT（Henseler, Ringle & Sarstedt 2015：相关系数的算术平均；即 "
    "semTools::htmt 取 htmt2 = FALSE），而非 HTMT2（几何平均，semTools 自 0.5-6 版起的默认值）；"
    "未计算置信区间（自助法次数为 0）；above_85 / above_90："
    "HTMT 高于 .85 / .90。",
    "tn_htmt": "原始 HTMT（Henseler, Ringle & Sarstedt 2015：相关系数的算术平均；即 semTools::htmt "
    "取 htmt2 = FALSE），而非 HTMT2（几何平均，semTools 自 0.5-6 版起的默认值）；附自助法 95 % "
    "置信区间（ci_low、ci_high；重抽样次数见 n_boot）；above_85 / above_90 表示 HTMT 高于 "
    ".85 / .90。",
    "tn_estimates": "N = {n}；{estimator}估计；沿用 lavaan 的列名：est 为非标准化估计值，"
    "std.all 为标准化估计值；ci.lower / ci.upper 为 est 的 Wald 95 % 置信区间。",
    "tn_effects": "置信区间：{ci}；std_all 为标准化效应。",
    "tn_apa_fit": "N = {n}；{estimator}估计；RMSEA 附 90 % 置信区间。",
    "tn_apa": "N = {n}。{note}{stars}",
    "fig_path": "路径图：标准化估计值（std.all）与 R²",
    "methods_heading": "研究方法（论文初稿）",
    "repro_heading": "可重复性",
    "command": "命令：",
    "model_heading": "模型",
    "repro_tail": "本报告的每一个数字都保存在同名的 JSON 文件中；各表格另有 CSV 文件和 xlsx "
    "工作簿。",
    "estn_ML": "最大似然（ML）",
    "estn_MLR": "稳健最大似然（MLR）",
    "estn_MLM": "稳健最大似然（MLM）",
    "estn_WLSMV": "加权最小二乘（WLSMV）",
    "est_ML": "最大似然法（ML）",
    "est_MLR": "稳健最大似然法（MLR：稳健标准误与 Yuan–Bentler 校正检验）",
    "est_MLM": "稳健最大似然法（MLM：稳健标准误与 Satorra–Bentler 校正检验）",
    "est_WLSMV": "均值与方差校正的对角加权最小二乘法（WLSMV）",
    "m_rel_joint": "ω 和 AVE 依据验证性因子分析的测量模型计算，与 semTools 的 compRelSEM 和 AVE "
    "相同；HTMT 为原始比率（htmt2 = FALSE）。",
    "q_file": "文件中的受访者人数",
    "q_vars": "模型中的变量数",
    "q_complete": "回答了全部模型变量的受访者人数",
    "q_missing": "模型答案的缺失比例",
    "q_careless": "有 ≥ 2 项不认真作答标记的受访者人数（已保留）",
    "q_group": "{group} = {value} 组的人数",
    "f_data_check": "数据检查：{message}",
    "n_reverse": "反向计分题项 {items} 已在所有分析之前按编码手册重新编码（最小值 + 最大值 − x）。",
    "n_incomplete": "{total} 名受访者中有 {skipped} 名至少有一个模型变量没有作答；模型使用的是"
    "{used}；missing='{missing}'。",
    "used_fiml": "全部受访者（FIML）",
    "used_listwise": "其中 {complete} 名回答完整的受访者",
    "f_careless": "有 {n} 名受访者看起来不认真作答（至少 2 项标记：长串相同答案、答案变化很小、"
    "答题过快）。他们被保留在数据中；请逐一检查，并在论文中报告任何剔除（见 careless_flagged "
    "表）。",
    "f_skew": "{items}：|偏度| > 2 或 |峰度| > 7（Curran, West & Finch 1996）；基于正态理论的最大"
    "似然标准误和 χ² 可能有偏——见正态性检验；MLR（--estimator MLR）给出稳健的标准误和 χ²。",
    "n_no_scales": "没有哪个构念有两个或更多题项：无从评估信度。",
    "f_weak": "{scale}：{weak}。",
    "f_scale_warning": "{scale}：{warning}",
    "f_rel_ok": "每个构念的 α 和 CR 都 ≥ .70，AVE 都 ≥ .50（在有定义的情况下）。",
    "what_cfa": "测量模型（CFA）",
    "what_sem": "结构模型",
    "f_cannot": "{what}无法报告：{diagnosis}",
    "f_failed": "{what}无法报告：估计失败（{reason}）。模型可能设定有误或无法识别（例如固定的协方差"
    "与数据相矛盾、某个因子的题项太少）；请修改模型后重新运行报告。",
    "n_no_latent_cfa": "模型没有潜变量（=~）：没有测量模型。",
    "n_no_structural": "模型没有结构部分（~、:=）：见测量模型（CFA）。",
    "f_cfa_fit": "测量模型：{text}。",
    "f_sem_fit": "结构模型：{text}。",
    "f_low_loadings": "标准化载荷低于 .50：{items}{tail}",
    "tail_negative": "。负的载荷通常意味着某个反向计分题项没有重新编码：请在编码手册中把它标为 "
    "reverse = True（--codebook）。",
    "tail_end": "。",
    "f_htmt_85": "{a} 与 {b} 的 HTMT 为 {htmt}，高于较严格的 .85 标准（其置信区间仍低于 1）。",
    "f_dv_ok": "区分效度成立：√AVE 均大于各潜变量之间的相关系数，每一个 HTMT 置信区间都低于 1。",
    "f_htmt_85_noci": "{a} 与 {b} 的 HTMT 为 {htmt}，高于较严格的 .85 标准（未计算置信区间：自助法"
    "次数为 0）。",
    "f_dv_ok_noci": "按 Fornell–Larcker 准则区分效度成立：√AVE 均大于各潜变量之间的相关"
    "系数（HTMT 未计算置信区间：自助法次数为 0）。",
    "n_wlsmv_delta": "WLSMV（有序题项）：效应的置信区间采用基于稳健标准误的 delta 法；cx.sem 不对 "
    "WLSMV 拟合进行自助法抽样。",
    "chi_robust": "Yuan–Bentler 校正 χ²",
    "chi_scaled": "均值方差校正 χ²",
    "intro_normality": "模型变量（完整数据行）的 Mardia（1970）多元偏度和多元峰度，与 "
    "psych::mardia 一致。",
    "cap_normality": "多元正态性检验（Mardia 1970）",
    "tn_normality": "n = {n} 个完整数据行，p = {p} 个变量；偏度：n·b1p/6 ~ χ²；峰度："
    "(b2p − p(p + 2)) / √(8p(p + 2)/n) ~ N(0, 1)；与 psych::mardia 一致。",
    "sec_checklist": "11. 审稿人核查清单（JARS-Quant，结构方程模型）",
    "intro_checklist": "期刊论文报告标准对结构方程模型的要求（Appelbaum et al. 2018, American "
    "Psychologist 73(1), 3–25），按本报告实际完成的分析标注：已完成、未完成、不适用。",
    "cap_jars_checklist": "报告核查清单",
    "results_heading": "研究结果（论文初稿）",
    "f_boot_failed": "自助法失败（{error}）；表中给出的是 delta 法置信区间。",
    "n_fiml_mc": "FIML：采用蒙特卡洛置信区间（自助法需要完整的数据行）。",
    "e_defined": "定义的效应 {name} := {expr}",
    "e_indirect_via": "{x} 经由 {m} 对 {y} 的间接效应",
    "e_indirect_all": "{x} 经由所有途径对 {y} 的间接效应",
    "f_effect": "{name} 为 {est} [{low}, {high}]，β = {beta}；{ci}置信区间{verdict}",
    "zero_in": "包含 0。",
    "zero_out": "不包含 0。",
    "f_pls_failed": "无法用偏最小二乘路径建模（PLS-PM）估计：{error}",
    "n_no_latent_inv": "模型没有潜变量：不适用测量不变性检验。",
    "f_inv_problem": "无法评估 {group} 各组之间的测量不变性：{diagnosis}",
    "f_inv_not_tested": "未检验 {group} 各组之间的测量不变性：{error}",
    "f_inv": "按 Chen（2007）的标准，在 {group} 各组之间成立的最高一级测量不变性是{level}。"
    "{verdict}",
    "inv_ok": "可以在各组之间比较潜变量均值和路径。",
    "inv_partial": "只有在部分不变性成立时，才能比较各组的潜变量均值。",
}

WORDS: dict[str, dict[str, str]] = {"en": EN, "zh": ZH}


def check_lang(lang: Any) -> str:
    """*lang* if it is a language of the report, else a DataError saying which are.

    Examples
    --------
    >>> check_lang("zh")
    'zh'
    >>> check_lang("fr")
    Traceback (most recent call last):
    ...
    cxlab.errors.DataError: lang must be 'en' (English) or 'zh' (中文), not 'fr'.
    """
    if not isinstance(lang, str) or lang not in LANGS:
        raise DataError(
            f"lang must be 'en' (English) or 'zh' (中文), not {lang!r}.",
            zh=f"lang 只能是 'en'（英文）或 'zh'（中文），不能是 {lang!r}。",
        )
    return lang


_CJK = "\u3400-\u9fff\uf900-\ufaff"
_GAP = re.compile(f"(?<=[{_CJK}）])[ \t]+(?=[{_CJK}（])")


def tidy(text: str) -> str:
    """Chinese text without the spaces left between Chinese words (and full-width
    brackets) by filling in placeholders; spaces next to Latin letters and digits stay.

    Examples
    --------
    >>> tidy("教育体验（EDU） 经由 记忆（MEM） 对 LOY 的间接效应")
    '教育体验（EDU）经由记忆（MEM）对 LOY 的间接效应'
    """
    return _GAP.sub("", text)


def say(lang: str, key: str, **values: Any) -> str:
    """The sentence *key* in *lang* with its placeholders filled in.

    Examples
    --------
    >>> say("en", "f_weak", scale="SAT", weak="α = 0.65 < .70")
    'SAT: α = 0.65 < .70.'
    >>> say("zh", "f_weak", scale="满意度（SAT）", weak="α = 0.65 < .70")
    '满意度（SAT）：α = 0.65 < .70。'
    """
    text = WORDS[lang][key].format(**values)
    return tidy(text) if lang == "zh" else text
