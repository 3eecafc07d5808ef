"""The words of :mod:`cxlab.report._methods` (the Methods and Results paragraphs and
the reviewers' checklist), one dict per language with the same keys (private)."""

from __future__ import annotations

EN: dict[str, str] = {
    "data": "The data (N = {n} respondents; SHA-256 {sha}…) were analysed with cxlab {cxlab} "
    "(Python {python}, NumPy {numpy}, SciPy {scipy}, pandas {pandas}).",
    "listwise": "Missing answers were handled by listwise deletion: {used} of {n} respondents "
    "answered every model variable and were analysed.",
    "complete": "All {n} respondents answered every model variable (no missing data).",
    "fiml": "Missing answers ({share} of the model's answers) were handled by full-information "
    "maximum likelihood (FIML, under missing at random), using all {n} respondents.",
    "shape": "Item skewness ranged from {s0} to {s1} and excess kurtosis from {k0} to {k1} "
    "(psych::describe, type 3).",
    "mardia": "Mardia's (1970) multivariate skewness was b1p = {b1p} (χ²({df}) = {chi}, p "
    "{p1}) and multivariate kurtosis b2p = {b2p} (z = {z}, p {p2}), on the {n} complete "
    "responses to the {k} model variables",
    "mardia_bad": "; the data departed from multivariate normality.",
    "mardia_ok": "; neither test rejected multivariate normality.",
    "ml": "The models were estimated by normal-theory maximum likelihood (ML; lavaan's "
    "defaults, first loading of each factor fixed to 1; standard errors from the {info} "
    "information).",
    "ml_bad": "The models were nevertheless estimated by normal-theory maximum likelihood "
    "(ML; lavaan's defaults, first loading of each factor fixed to 1; standard errors from "
    "the {info} information), as chosen; robust maximum likelihood (MLR: Huber–White "
    "standard errors and the Yuan–Bentler scaled χ²) is the alternative that does not "
    "assume multivariate normality.",
    "ml_ok": "The models were therefore estimated by maximum likelihood (ML; lavaan's "
    "defaults, first loading of each factor fixed to 1; standard errors from the {info} "
    "information).",
    "mlr": "The models were estimated with MLR: maximum-likelihood estimates with robust "
    "(Huber–White sandwich) standard errors and the Yuan–Bentler scaled χ², with the robust "
    'CFI, TLI and RMSEA (lavaan\'s estimator = "MLR"; first loading of each factor fixed to 1).',
    "mlr_bad": "Because of this departure, the models were estimated with MLR: maximum-"
    "likelihood estimates with robust (Huber–White sandwich) standard errors and the "
    "Yuan–Bentler scaled χ², with the robust CFI, TLI and RMSEA (lavaan's estimator = "
    '"MLR"; first loading of each factor fixed to 1).',
    "mlr_ok": "The models were estimated with MLR as chosen (robust Huber–White sandwich "
    "standard errors, Yuan–Bentler scaled χ², robust CFI, TLI and RMSEA; first loading of "
    "each factor fixed to 1); with normality not rejected, ML would have given the same "
    "estimates with normal-theory standard errors.",
    "wlsmv": "The {k} items were treated as ordered categories and the models estimated "
    "with WLSMV (diagonally weighted least squares on the thresholds and polychoric "
    "correlations, robust standard errors, mean-and-variance adjusted χ² and scaled CFI, "
    "TLI and RMSEA; lavaan's defaults, delta parameterisation, first loading of each factor "
    "fixed to 1), which does not treat the answers as continuous normal variables; rows "
    "with a missing answer were deleted listwise ({used} of {n} respondents analysed).",
    "reliability": "Reliability was assessed with Cronbach's α, McDonald's ω and composite "
    "reliability, convergent validity with the AVE (Fornell & Larcker 1981), and discriminant "
    "validity with the Fornell–Larcker criterion and the HTMT ratio (Henseler, Ringle & "
    "Sarstedt 2015).",
    "fit": "Model fit was judged with χ², CFI, TLI, RMSEA (90 % CI) and SRMR{robust} against "
    "the cut-offs of Hu and Bentler (1999) as rules of thumb.",
    "fit_robust": " (the Yuan–Bentler scaled χ² and the robust CFI, TLI and RMSEA)",
    "fit_scaled": " (the mean-and-variance adjusted χ² and the scaled CFI, TLI and RMSEA)",
    "none": "No resampling was done (bootstrap = 0): the confidence intervals of the "
    "indirect and total effects are delta-method (Wald) intervals from the {se} standard "
    "errors, and HTMT is reported without a confidence interval.",
    "none_noeff": "No resampling was done (bootstrap = 0): HTMT is reported without a "
    "confidence interval.",
    "none_nohtmt": "No resampling was done (bootstrap = 0): the confidence intervals of the "
    "indirect and total effects are delta-method (Wald) intervals from the {se} standard "
    "errors.",
    "none_nothing": "No resampling was done (bootstrap = 0).",
    "boot": "Indirect and total effects were tested with percentile bootstrap confidence "
    "intervals (nonparametric bootstrap of the whole model: {B} resamples, {used} used).",
    "mc": "Indirect and total effects were tested with Monte-Carlo confidence intervals "
    "({draws} draws of the estimates from their FIML sampling distribution; the bootstrap "
    "needs complete rows).",
    "wlsmv_eff": "Indirect and total effects were tested with delta-method confidence "
    "intervals from the robust standard errors (a WLSMV fit is not bootstrapped).",
    "boot_failed": "The bootstrap failed; the effects' confidence intervals are delta-method "
    "(Wald) intervals.",
    "htmt_ci": "The HTMT confidence intervals are percentile bootstrap intervals ({B} "
    "resamples of respondents).",
    "pls": "As a robustness check the model was also estimated by PLS path modeling (path "
    "weighting scheme; percentile bootstrap CIs, {B} resamples).",
    "pls_noboot": "As a robustness check the model was also estimated by PLS path modeling "
    "(path weighting scheme; no bootstrap).",
    "pls_predict": "PLSpredict used {k}-fold cross-validation with the respondents assigned to "
    "folds at random (seed {seed}); this is not a bootstrap.",
    "invariance": "Measurement invariance across {group} was tested with configural, metric, "
    "scalar and strict models (ΔCFI, ΔRMSEA, ΔSRMR; Chen 2007).",
    "seed": "Every random step used the seed {seed}.",
    # results
    "r_fit": "The {what} {verdict}: {text}.",
    "r_what_cfa": "measurement model",
    "r_what_sem": "structural model",
    "r_good": "met the conventional cut-offs",
    "r_bad": "did not meet all of the conventional cut-offs",
    "r_loadings": "Standardized loadings ranged from {a} to {b}",
    "r_rel": "; composite reliability from {a} to {b} and AVE from {c} to {d}",
    "r_paths": "Structural paths (standardized): {paths}.",
    "r_path": "{y} on {x}, β = {beta}, b = {b}, SE = {se}, p {p}",
    "r_r2": "The model explained {items}.",
    "r_r2_item": "R² = {r2} of {y}",
    "r_effect": "The {name} was {est}, 95 % CI [{low}, {high}] ({ci}), standardized {beta}.",
    "r_indirect": "indirect effect of {x} on {y} through {m}",
    "r_indirect_all": "total indirect effect of {x} on {y}",
    "r_defined": "defined effect {name} ({expr})",
    "r_problem": "The {what} could not be reported: see the key findings.",
    "sep": "; ",
    "and": ", ",
    # checklist
    "status_done": "done",
    "status_not_done": "not done",
    "status_na": "not applicable",
    "c_spec": "Model specification (all parts of the model, fixed and free parameters)",
    "c_ident": "Identification (scaling of latent variables, degrees of freedom)",
    "c_estimator": "Estimator and its justification",
    "c_missing": "Missing data (amount and method)",
    "c_fit": "Fit (χ² with df and p, several fit indices)",
    "c_modifications": "Modifications of the model after seeing the data",
    "c_alternatives": "Alternative (competing or equivalent) models",
    "c_software": "Software and versions",
    "e_spec": "The model's lavaan syntax is printed in full under Reproducibility; "
    "unspecified parameters follow lavaan's defaults.",
    "e_ident": "First loading of each factor fixed to 1; df = {df}; identification checked "
    "(diagnostics table).",
    "e_ident_paths": "Observed variables only (no latent variable to scale); df = {df}; "
    "identification checked (diagnostics table).",
    "e_ident_none": "No model could be reported.",
    "e_estimator": "{estimator}; the Methods paragraph reports Mardia's tests and the items' "
    "skewness and kurtosis and relates the choice to them.",
    "e_estimator_nocheck": "{estimator}; normality could not be checked.",
    "e_missing_listwise": "{share} of the model's answers missing; listwise deletion, n = "
    "{used} of {n}.",
    "e_missing_fiml": "{share} of the model's answers missing; FIML, n = {n}.",
    "e_fit": "χ², df, p, CFI, TLI, RMSEA with 90 % CI and SRMR reported{robust}.",
    "e_fit_none": "No admissible model: no fit to report.",
    "e_modifications": "The model was fitted as specified; the report makes no "
    "respecification (state in the paper if the model was changed before this run).",
    "e_alternatives": "No alternative model was fitted; name and compare the competing "
    "models theory suggests.",
    "e_software": "cxlab {cxlab}, Python {python}, NumPy {numpy}, SciPy {scipy}, pandas {pandas}.",
}

ZH: dict[str, str] = {
    "data": "本研究使用 cxlab {cxlab}（Python {python}、NumPy {numpy}、SciPy {scipy}、pandas "
    "{pandas}）对数据（N = {n} 名受访者；SHA-256 {sha}…）进行分析。",
    "listwise": "缺失答案采用列删除法处理：{n} 名受访者中有 {used} 名回答了全部模型变量，进入分析。"
    "",
    "complete": "全部 {n} 名受访者都回答了所有模型变量（无缺失数据）。",
    "fiml": "缺失答案（占模型答案的 {share}）采用完全信息最大似然法（FIML，假定随机缺失）处理，"
    "全部 {n} 名受访者进入分析。",
    "shape": "各题项的偏度介于 {s0} 与 {s1} 之间，超额峰度介于 {k0} 与 {k1} 之间（psych::describe，"
    "type 3）。",
    "mardia": "基于 {k} 个模型变量的 {n} 个完整答卷，Mardia（1970）多元偏度 b1p = {b1p}（χ²({df}) ="
    " "
    "{chi}，p {p1}），多元峰度 b2p = {b2p}（z = {z}，p {p2}）",
    "mardia_bad": "，数据偏离多元正态分布。",
    "mardia_ok": "，两项检验均未拒绝多元正态性。",
    "ml": "模型采用基于正态理论的最大似然法（ML）估计，沿用 lavaan 的默认设定（每个因子的第一个"
    "载荷固定为 1；标准误基于{info}信息矩阵）。",
    "ml_bad": "模型仍按研究者的选择采用基于正态理论的最大似然法（ML）估计（lavaan 的默认设定，每个"
    "因子的第一个载荷固定为 1；标准误基于{info}信息矩阵）；不假定多元正态的替代方法是稳健最大似然法"
    "（MLR：Huber–White 稳健标准误和 Yuan–Bentler 校正 χ²）。",
    "ml_ok": "因此模型采用最大似然法（ML）估计（lavaan 的默认设定，每个因子的第一个载荷固定为 1；"
    "标准误基于{info}信息矩阵）。",
    "mlr": "模型采用 MLR 估计：最大似然估计值，配以稳健（Huber–White 三明治）标准误和 Yuan–Bentler "
    '校正 χ²，并报告稳健的 CFI、TLI 和 RMSEA（lavaan 的 estimator = "MLR"；每个因子的第一个载荷固定'
    "为 1）。",
    "mlr_bad": "鉴于数据偏离正态，模型采用 MLR 估计：最大似然估计值，配以稳健（Huber–White 三明治）"
    "标准误和 Yuan–Bentler 校正 χ²，并报告稳健的 CFI、TLI 和 RMSEA（lavaan 的 estimator = "
    '"MLR"；每个因子的第一个载荷固定为 1）。',
    "mlr_ok": "模型按研究者的选择采用 MLR 估计（Huber–White 三明治稳健标准误、Yuan–Bentler 校正 χ²"
    "、"
    "稳健的 CFI、TLI 和 RMSEA；每个因子的第一个载荷固定为 1）；由于未拒绝正态性，ML 估计会给出相同"
    "的"
    "估计值和基于正态理论的标准误。",
    "wlsmv": "{k} 个题项按有序分类变量处理，模型采用 WLSMV 估计（基于阈值和多分格相关的对角加权最小"
    "二乘法、稳健标准误、均值方差校正 χ² 以及校正后的 CFI、TLI 和 RMSEA；lavaan 的默认设定，delta "
    "参数化，每个因子的第一个载荷固定为 1），不把答案当作连续的正态变量；含缺失答案的数据行采用列删"
    "除"
    "法处理（{n} 名受访者中 {used} 名进入分析）。",
    "reliability": "信度以克朗巴哈系数 α、麦克唐纳 ω 和组合信度（CR）评估，收敛效度以平均方差"
    "抽取量（AVE）评估（Fornell & Larcker 1981），区分效度以 Fornell–Larcker 准则和 HTMT 比率"
    "（Henseler, Ringle & Sarstedt 2015）评估。",
    "fit": "模型拟合以 χ²、CFI、TLI、RMSEA（90 % 置信区间）和 SRMR{robust} 评价，并以 Hu 和 Bentler"
    "（1999）的临界值作为经验标准。",
    "fit_robust": "（Yuan–Bentler 校正 χ² 以及稳健的 CFI、TLI 和 RMSEA）",
    "fit_scaled": "（均值方差校正 χ² 以及校正后的 CFI、TLI 和 RMSEA）",
    "none": "本研究未进行任何重抽样（自助法次数为 0）：间接效应和总效应的置信区间为基于 {se} "
    "标准误的 delta 法（Wald）区间，HTMT 未报告置信区间。",
    "none_noeff": "本研究未进行任何重抽样（自助法次数为 0）：HTMT 未报告置信区间。",
    "none_nohtmt": "本研究未进行任何重抽样（自助法次数为 0）：间接效应和总效应的置信区间为基于 "
    "{se} 标准误的 delta 法（Wald）区间。",
    "none_nothing": "本研究未进行任何重抽样（自助法次数为 0）。",
    "boot": "间接效应和总效应采用百分位自助法置信区间检验（对整个模型进行非参数自助法抽样：{B} 次，"
    "实际使用 {used} 次）。",
    "mc": "间接效应和总效应采用蒙特卡洛置信区间检验（从 FIML 估计值的抽样分布中抽取 {draws} 次；"
    "自助法需要完整的数据行）。",
    "wlsmv_eff": "间接效应和总效应采用基于稳健标准误的 delta 法置信区间检验（WLSMV 拟合不进行自助法"
    "抽样）。",
    "boot_failed": "自助法失败；效应的置信区间为 delta 法（Wald）区间。",
    "htmt_ci": "HTMT 的置信区间为百分位自助法区间（对受访者重抽样 {B} 次）。",
    "pls": "作为稳健性检验，模型还采用偏最小二乘法（PLS）路径建模进行估计（路径加权方案；百分位自助"
    "法置信区间，{B} 次重抽样）。",
    "pls_noboot": "作为稳健性检验，模型还采用偏最小二乘法（PLS）路径建模进行估计（路径加权方案；未"
    "进行自助法抽样）。",
    "pls_predict": "PLSpredict 采用 {k} 折交叉验证，受访者被随机分入各折（随机种子 {seed}）；"
    "这不是自助法。",
    "invariance": "采用形态不变、度量不变、标量不变和严格不变模型检验 {group} 各组之间的测量不变性"
    "（ΔCFI、ΔRMSEA、ΔSRMR；Chen 2007）。",
    "seed": "所有随机步骤的随机种子均为 {seed}。",
    "r_fit": "{what}{verdict}：{text}。",
    "r_what_cfa": "测量模型",
    "r_what_sem": "结构模型",
    "r_good": "达到常用的拟合标准",
    "r_bad": "未全部达到常用的拟合标准",
    "r_loadings": "标准化载荷介于 {a} 与 {b} 之间",
    "r_rel": "；组合信度介于 {a} 与 {b} 之间，AVE 介于 {c} 与 {d} 之间",
    "r_paths": "结构路径（标准化）：{paths}。",
    "r_path": "{x} → {y}，β = {beta}，b = {b}，SE = {se}，p {p}",
    "r_r2": "模型解释了{items}。",
    "r_r2_item": "{y} 的 R² = {r2}",
    "r_effect": "{name}为 {est}，95 % 置信区间 [{low}, {high}]（{ci}），标准化效应 {beta}。",
    "r_indirect": "{x} 经由 {m} 对 {y} 的间接效应",
    "r_indirect_all": "{x} 对 {y} 的总间接效应",
    "r_defined": "定义的效应 {name}（{expr}）",
    "r_problem": "{what}无法报告：见主要发现。",
    "sep": "；",
    "and": "，",
    "status_done": "已完成",
    "status_not_done": "未完成",
    "status_na": "不适用",
    "c_spec": "模型设定（模型的各个部分，固定参数与自由参数）",
    "c_ident": "模型识别（潜变量的尺度设定、自由度）",
    "c_estimator": "估计方法及其依据",
    "c_missing": "缺失数据（缺失比例与处理方法）",
    "c_fit": "模型拟合（χ² 及其自由度和 p 值、多个拟合指数）",
    "c_modifications": "根据数据对模型所作的修正",
    "c_alternatives": "替代模型（竞争模型或等价模型）",
    "c_software": "软件及版本",
    "e_spec": "模型的 lavaan 语法完整列于“可重复性”部分；未设定的参数沿用 lavaan 的默认设定。",
    "e_ident": "每个因子的第一个载荷固定为 1；df = {df}；已检查模型识别（诊断表）。",
    "e_ident_paths": "仅含观测变量（无需设定潜变量的尺度）；df = {df}；已检查模型识别（诊断表）。",
    "e_ident_none": "没有可以报告的模型。",
    "e_estimator": "{estimator}；方法部分报告了 Mardia 检验以及各题项的偏度和峰度，并据此说明"
    "所选的估计方法。",
    "e_estimator_nocheck": "{estimator}；无法检验正态性。",
    "e_missing_listwise": "模型答案缺失 {share}；列删除法，n = {used}（共 {n}）。",
    "e_missing_fiml": "模型答案缺失 {share}；FIML，n = {n}。",
    "e_fit": "已报告 χ²、df、p、CFI、TLI、RMSEA（90 % 置信区间）和 SRMR{robust}。",
    "e_fit_none": "没有可接受的模型：无拟合结果可报告。",
    "e_modifications": "模型按设定拟合，本报告未作任何修正（如在本次运行前修改过模型，请在论文中说"
    "明）。",
    "e_alternatives": "未拟合替代模型；请列出并比较理论所提示的竞争模型。",
    "e_software": "cxlab {cxlab}、Python {python}、NumPy {numpy}、SciPy {scipy}、pandas {pandas}。",
}
