"""The words of the report's APA tables and of its Word file, one dict per language with
the same keys (private; the rest of the report's words are in :mod:`cxlab.report._words`).

English follows APA 7 (title above the table, "Note." below); Chinese follows Chinese
journals (表 N 与表题在表上方，"注：" 在表下方) and the course's glossary (结构方程模型,
验证性因子分析, 组合信度, 平均方差抽取量, 间接效应, 测量不变性 …).
"""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "table": "Table",
        "note": "Note.",
        "construct": "Construct",
        "item": "Item",
        "wording": "Wording",
        "path": "Path",
        "ci": "95% CI",
        "effect": "Effect",
        "index": "Index",
        "model": "Model",
        "decision": "Decision",
        "cfa": "Measurement model (CFA)",
        "sem": "Structural model",
        "cfa_text": "measurement model (CFA)",
        "sem_text": "structural model",
        "yes": "yes",
        "no": "no",
        "t_constructs": "Descriptive Statistics, Reliability and Correlations of the Constructs",
        "t_measurement": "Measurement Model: Standardized Loadings",
        "t_structural": "Structural Model: Path Coefficients",
        "t_effects": "Direct, Indirect and Total Effects",
        "t_fit": "Model Fit",
        "t_invariance": "Measurement Invariance Across {group}",
        "t_paths": "Multi-Group Comparison of the Structural Paths Across {group}",
        "n_constructs": "N = {n}.",
        "n_constructs_defs": "M and SD of each construct's mean item score; α = Cronbach's "
        "alpha; CR = composite reliability; AVE = average variance extracted (definitions as "
        "in the reliability table). Below the diagonal: correlations of the latent variables "
        "in the measurement model (CFA); on the diagonal: the square root of the AVE "
        "(Fornell–Larcker criterion: it should exceed the construct's correlations).",
        "n_constructs_nocor": "M and SD of each construct's mean item score; α = Cronbach's "
        "alpha; CR = composite reliability; AVE = average variance extracted (definitions as "
        "in the reliability table).",
        "n_measurement": "N = {n}; {estimator} estimation of the {model}. λ = standardized "
        "loading (std.all) with its own delta-method SE and p (lavaan's standardizedSolution); "
        "CR = composite reliability; AVE = average variance extracted (definitions as in the "
        "reliability table).",
        "n_structural": "N = {n}; {estimator} estimation. b = unstandardized coefficient with "
        "its SE and p; β = standardized coefficient (std.all) with its own delta-method SE; "
        "95% CI = Wald interval of b. R² of the outcomes: {r2}.",
        "n_effects": "N = {n}. b = unstandardized effect; SE and 95% CI: {ci}{how}; "
        "β = standardized effect (std.all). An indirect effect differs from zero when its CI "
        "excludes zero.",
        "n_effects_boot": " ({B} resamples, seed {seed})",
        "n_fit": "N = {n}; {estimator} estimation. CFI = comparative fit index; TLI = "
        "Tucker–Lewis index; RMSEA = root mean square error of approximation with its 90% CI; "
        "p-close = p of the test of close fit (RMSEA ≤ .05); SRMR = standardized root mean "
        "square residual; AIC, BIC, SABIC = Akaike, Bayesian and sample-size adjusted Bayesian "
        "information criteria; npar = free parameters; baseline χ² (df) = the independence "
        "model's; log-likelihood of the model (H0) and of the unrestricted model (H1).",
        "n_fit_scaled": "Scaled: the scaled test statistic and the indices computed from it; "
        "robust: the robust CFI, TLI and RMSEA (lavaan's .scaled and .robust measures).",
        "n_invariance": "Groups: {group}. Each model adds equality constraints to the one "
        "above it (metric: loadings; scalar: + intercepts; strict: + residual variances); Δ = "
        "change from the model above; p = p of the χ² difference test. Decision by Chen "
        "(2007): non-invariance when ΔCFI ≤ −.010 together with ΔRMSEA ≥ .015 or ΔSRMR ≥ .030 "
        "(metric) / .010 (scalar, strict); the configural model needs an acceptable fit.",
        "n_paths": "Groups: {group}. Each structural path estimated freely in every group and "
        "constrained equal across groups; the χ² difference test compares the two models.",
        "e_direct": "Direct",
        "e_indirect": "Total indirect",
        "e_specific": "Specific indirect",
        "e_total": "Total",
        "e_defined_kind": "Defined",
        "e_defined": "{name} = {expr}",
        "f_chisq": "χ²",
        "f_df": "df",
        "f_p": "p",
        "f_pclose": "RMSEA p-close",
        "f_RMSEA": "RMSEA [90% CI]",
        "f_baseline": "Baseline χ² (df)",
        "f_loglik": "Log-likelihood (H0)",
        "f_loglik_h1": "Log-likelihood (H1)",
        "tail_scaled": " (scaled)",
        "tail_robust": " (robust)",
        "lvl_configural": "Configural",
        "lvl_thresholds": "Thresholds",
        "lvl_metric": "Metric",
        "lvl_scalar": "Scalar",
        "lvl_strict": "Strict",
        "holds": "supported",
        "fails": "not supported",
        "docx_title": "Tables",
        "stars": "*p < .05, **p < .01, ***p < .001.",
    },
    "zh": {
        "table": "表",
        "note": "注：",
        "construct": "构念",
        "item": "题项",
        "wording": "题项内容",
        "path": "路径",
        "ci": "95% 置信区间",
        "effect": "效应",
        "index": "指标",
        "model": "模型",
        "decision": "结论",
        "cfa": "测量模型（验证性因子分析，CFA）",
        "sem": "结构模型",
        "cfa_text": "测量模型（验证性因子分析，CFA）",
        "sem_text": "结构模型",
        "yes": "是",
        "no": "否",
        "t_constructs": "构念的描述统计、信度与相关系数",
        "t_measurement": "测量模型：标准化因子载荷",
        "t_structural": "结构模型：路径系数",
        "t_effects": "直接效应、间接效应与总效应",
        "t_fit": "模型拟合指数",
        "t_invariance": "跨 {group} 的测量不变性检验",
        "t_paths": "跨 {group} 的结构路径多组比较",
        "n_constructs": "N = {n}。",
        "n_constructs_defs": "M 与 SD 为各构念题项均分的均值与标准差；α 为 Cronbach's α "
        "系数；CR 为组合信度；AVE 为平均方差抽取量（定义同信度表）。对角线以下为测量模型"
        "（验证性因子分析）中潜变量的相关系数；对角线上为 AVE 的平方根（Fornell–Larcker "
        "准则：应大于该构念与其他构念的相关系数）。",
        "n_constructs_nocor": "M 与 SD 为各构念题项均分的均值与标准差；α 为 Cronbach's α "
        "系数；CR 为组合信度；AVE 为平均方差抽取量（定义同信度表）。",
        "n_measurement": "N = {n}；{model}，{estimator} 估计。λ 为标准化因子载荷（std.all），"
        "其标准误（delta 法）与 p 值为标准化载荷本身的（即 lavaan 的 standardizedSolution）；"
        "CR 为组合信度；AVE 为平均方差抽取量（定义同信度表）。",
        "n_structural": "N = {n}；{estimator} 估计。b 为非标准化系数及其标准误与 p 值；β 为"
        "标准化系数（std.all）及其本身的标准误（delta 法）；95% 置信区间为 b 的 Wald 区间。"
        "各结果变量的 R²：{r2}。",
        "n_effects": "N = {n}。b 为非标准化效应；标准误与 95% 置信区间：{ci}{how}；β 为标准化"
        "效应（std.all）。置信区间不含 0 时，间接效应显著不为 0。",
        "n_effects_boot": "（抽样 {B} 次，随机种子 {seed}）",
        "n_fit": "N = {n}；{estimator} 估计。CFI 为比较拟合指数；TLI 为 Tucker–Lewis 指数；"
        "RMSEA 为近似误差均方根及其 90% 置信区间；RMSEA p-close 为近似拟合检验（RMSEA ≤ .05）"
        "的 p 值；SRMR 为标准化残差均方根；AIC、BIC、SABIC 为赤池信息准则、贝叶斯信息准则"
        "与样本量校正的贝叶斯信息准则；npar 为自由参数个数；基线 χ²（自由度）为独立模型的 χ²；"
        "对数似然为所估模型（H0）与无约束模型（H1）的对数似然。",
        "n_fit_scaled": "校正（scaled）：校正后的检验统计量及据此计算的指数；稳健（robust）："
        "稳健的 CFI、TLI 与 RMSEA（lavaan 的 .scaled 与 .robust 指标）。",
        "n_invariance": "分组变量：{group}。每个模型在上一行模型的基础上增加等值约束（度量不变："
        "因子载荷；标量不变：再加截距；严格不变：再加残差方差）；Δ 为与上一行模型之差；p 为 "
        "χ² 差异检验的 p 值。判定依据 Chen（2007）：ΔCFI ≤ −.010 且 ΔRMSEA ≥ .015 或 ΔSRMR ≥ "
        ".030（度量不变）/ .010（标量、严格不变）时不变性不成立；形态不变模型须拟合可接受。",
        "n_paths": "分组变量：{group}。每条结构路径在各组自由估计与跨组设为相等两种模型以 χ² "
        "差异检验比较。",
        "e_direct": "直接效应",
        "e_indirect": "总间接效应",
        "e_specific": "特定间接效应",
        "e_total": "总效应",
        "e_defined_kind": "自定义参数",
        "e_defined": "{name} = {expr}",
        "f_chisq": "χ²",
        "f_df": "自由度（df）",
        "f_p": "p",
        "f_pclose": "RMSEA p-close",
        "f_RMSEA": "RMSEA [90% 置信区间]",
        "f_baseline": "基线模型 χ²（自由度）",
        "f_loglik": "对数似然（H0）",
        "f_loglik_h1": "对数似然（H1）",
        "tail_scaled": "（校正）",
        "tail_robust": "（稳健）",
        "lvl_configural": "形态不变",
        "lvl_thresholds": "阈值不变",
        "lvl_metric": "度量不变",
        "lvl_scalar": "标量不变",
        "lvl_strict": "严格不变",
        "holds": "成立",
        "fails": "不成立",
        "docx_title": "论文用表",
        "stars": "*p < .05，**p < .01，***p < .001。",
    },
}
