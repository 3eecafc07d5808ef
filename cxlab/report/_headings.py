"""Column headings and cell values of the report's HTML tables, per language (private).

The tables themselves (CSV, xlsx, JSON) keep cxlab's English column names in both
languages; only the HTML page shows ``COLUMNS[lang]`` and ``CELLS[lang]``. English
headings are the column names as they are (lavaan's for estimates), so a reader finds
each column of the page in the CSV file.
"""

from __future__ import annotations

ZH_COLUMNS: dict[str, str] = {
    # data checks, careless responding, sample, missing answers
    "severity": "严重程度",
    "check": "检查项目",
    "column": "列",
    "count": "数量",
    "message": "说明",
    "longstring": "最长连续相同答案",
    "irv": "个人答案标准差（IRV）",
    "flag_longstring": "长串相同答案标记",
    "flag_irv": "低变异标记",
    "flag_fast": "答题过快标记",
    "n_flags": "标记数",
    "quantity": "项目",
    "value": "数值",
    "item": "题项",
    "n_missing": "缺失数",
    "share": "缺失比例",
    # descriptives
    "variable": "变量",
    "construct": "构念",
    "n": "n",
    "mean": "均值",
    "sd": "标准差",
    "min": "最小值",
    "max": "最大值",
    "skew": "偏度",
    "kurtosis": "峰度",
    # reliability
    "scale": "构念",
    "n_items": "题项数",
    "alpha": "α",
    "alpha_ci_low": "α 的 95% CI 下限",
    "alpha_ci_high": "α 的 95% CI 上限",
    "omega_total": "ω",
    "composite_reliability": "组合信度 CR",
    "ave": "AVE",
    "warnings": "警告",
    "item_total_r": "校正的题项-总分相关",
    "alpha_if_deleted": "删去该题项后的 α",
    "loading": "载荷",
    # fit
    "model": "模型",
    "chisq": "χ²",
    "df": "自由度",
    "pvalue": "p",
    "cfi": "CFI",
    "tli": "TLI",
    "rmsea": "RMSEA",
    "rmsea_ci_low": "RMSEA 90% CI 下限",
    "rmsea_ci_high": "RMSEA 90% CI 上限",
    "srmr": "SRMR",
    "aic": "AIC",
    "bic": "BIC",
    # estimates (lavaan)
    "lhs": "左侧变量 lhs",
    "op": "运算符 op",
    "rhs": "右侧变量 rhs",
    "label": "标签",
    "est": "估计值 est",
    "se": "标准误",
    "z": "z",
    "ci.lower": "95% CI 下限",
    "ci.upper": "95% CI 上限",
    "std.all": "标准化估计值 std.all",
    # diagnostics
    "ok": "是否通过",
    "detail": "说明",
    # discriminant validity
    "sqrt_ave": "√AVE",
    "max_abs_cor": "最大相关系数（绝对值）",
    "passes": "是否通过",
    "fails_against": "未通过的比较对象",
    "scale_1": "构念 1",
    "scale_2": "构念 2",
    "htmt": "HTMT",
    "ci_low": "95% CI 下限",
    "ci_high": "95% CI 上限",
    "above_85": "高于 .85",
    "above_90": "高于 .90",
    "ci_includes_1": "置信区间包含 1",
    "n_boot": "重抽样次数",
    # R², effects
    "kind": "类型",
    "r2": "R²",
    "effect": "效应类型",
    "from": "自变量",
    "to": "因变量",
    "via": "中介变量",
    "std_all": "标准化效应 std_all",
    "std_se": "标准化效应的标准误",
    "std_ci_low": "标准化效应 95% CI 下限",
    "std_ci_high": "标准化效应 95% CI 上限",
    # PLS
    "f2": "f²",
    "vif": "VIF",
    "boot_mean": "自助法均值",
    "t": "t",
    "r2_adj": "调整后 R²",
    "mode": "测量模式",
    "rho_a": "ρA",
    "rho_c": "ρC",
    "note": "说明",
    # invariance
    "level": "不变性层级",
    "npar": "参数个数",
    "delta_chisq": "Δχ²",
    "delta_df": "Δ自由度",
    "delta_cfi": "ΔCFI",
    "delta_rmsea": "ΔRMSEA",
    "delta_srmr": "ΔSRMR",
    "p_delta": "Δχ² 检验的 p",
    "holds": "是否成立",
    # estimator and robust fit (MLR: robust; WLSMV: scaled)
    "estimator": "估计方法",
    "chisq_scaled": "校正 χ²",
    "df_scaled": "校正 χ² 的自由度",
    "pvalue_scaled": "校正 χ² 的 p",
    "chisq_scaling_factor": "校正因子",
    "cfi_robust": "稳健 CFI",
    "tli_robust": "稳健 TLI",
    "rmsea_robust": "稳健 RMSEA",
    "rmsea_ci_low_robust": "稳健 RMSEA 90 % CI 下限",
    "rmsea_ci_high_robust": "稳健 RMSEA 90 % CI 上限",
    "cfi_scaled": "校正 CFI",
    "tli_scaled": "校正 TLI",
    "rmsea_scaled": "校正 RMSEA",
    "rmsea_ci_low_scaled": "校正 RMSEA 90 % CI 下限",
    "rmsea_ci_high_scaled": "校正 RMSEA 90 % CI 上限",
    # normality (Mardia) and the reviewers' checklist
    "test": "检验",
    "coefficient": "系数",
    "statistic": "统计量",
    "status": "状态",
    "evidence": "依据",
}

#: the heading of each column on the page, by language (same keys in both)
COLUMNS: dict[str, dict[str, str]] = {"en": {k: k for k in ZH_COLUMNS}, "zh": ZH_COLUMNS}

ZH_CELLS: dict[str, str] = {
    # effects
    "direct": "直接效应",
    "indirect": "间接效应",
    "total": "总效应",
    "defined": "定义的效应",
    # R² kinds
    "indicator": "指标",
    "structural": "结构方程",
    # invariance levels
    "configural": "形态不变（configural）",
    "metric": "度量不变（metric）",
    "scalar": "标量不变（scalar）",
    "strict": "严格不变（strict）",
    "none": "无（none）",
    # admissibility checks
    "converged": "已收敛",
    "no Heywood case (negative variance)": "无海伍德案例（负方差）",
    "standardized estimates within ±1": "标准化估计值都在 ±1 之内",
    "latent covariance matrix positive definite": "潜变量协方差矩阵正定",
    "residual covariance matrix positive definite": "残差协方差矩阵正定",
    "identified": "可识别",
    # data checks
    "error": "错误",
    "warning": "警告",
    "required": "必需的列",
    "duplicate id": "编号重复",
    "not a number": "不是数字",
    "out of range": "超出量表范围",
    "not whole": "不是整数",
    "unknown code": "代码没有标签",
    "undocumented": "编码手册未收录",
    "empty row": "空行",
    # fit tables
    "measurement model (CFA)": "测量模型（CFA）",
    "structural model (SEM)": "结构模型（SEM）",
    # PLS reliability notes
    "single item": "单题项",
    "mode B (formative): not a reflective scale": "模式 B（形成性）：不是反映性量表",
    # Mardia's tests
    "skewness (χ²)": "多元偏度（χ²）",
    "kurtosis (z)": "多元峰度（z）",
    # booleans
    "True": "是",
    "False": "否",
}

#: cell values shown in the page's language (same keys in both)
CELLS: dict[str, dict[str, str]] = {"en": {k: k for k in ZH_CELLS}, "zh": ZH_CELLS}

#: columns whose cells are categories (translated with CELLS) or sentences (translated
#: with cxlab.report._translate); other columns are names or numbers and stay as they are
CATEGORY_COLUMNS = ("effect", "kind", "level", "check", "severity", "model", "note", "test")
SENTENCE_COLUMNS = ("message", "detail", "note", "warnings")
