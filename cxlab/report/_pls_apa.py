"""APA views of the report's PLS tables, their titles and notes, in both languages
(private; the numbers come from :mod:`cxlab.report._pls_section`).

Every ``pls_*`` table of the study gets a view in ``study.shown`` — the page's version,
already in the report's language with the codebook's labels — formatted as APA 7 asks:
p as "< .001" (else three decimals without the leading zero), no leading zero for values
that cannot exceed 1 in magnitude (loadings, β, R², Q², α, ρ, AVE, SRMR, p), CIs as
[a, b]. :func:`caption` gives the title ("Table N." / "表 N" is added by the page) and
:func:`note` the note below ("Note." / "注：" likewise). :data:`TABLES` lists the tables
in the order of the section.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from cxlab.report._steps import Study
from cxlab.sem.report import apa_number, apa_p

#: the PLS tables of the page, in order (all are APA tables)
TABLES = [
    "pls_paths", "pls_r2", "pls_loadings", "pls_weights", "pls_reliability", "pls_htmt",
    "pls_effects", "pls_predict", "pls_fit", "pls_ipma", "pls_ipma_items", "pls_index",
]  # fmt: skip

_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "cap_pls_paths": "PLS-SEM Structural Model: Path Coefficients",
        "cap_pls_r2": "PLS-SEM Explained Variance (R²)",
        "cap_pls_loadings": "PLS-SEM Outer Loadings",
        "cap_pls_weights": "PLS-SEM Outer Weights and Collinearity (Outer VIF)",
        "cap_pls_reliability": "PLS-SEM Reliability and Convergent Validity",
        "cap_pls_htmt": "PLS-SEM Discriminant Validity: Heterotrait–Monotrait Ratios (HTMT)",
        "cap_pls_effects": "PLS-SEM Indirect and Total Effects",
        "cap_pls_predict": "PLSpredict: Out-of-Sample Prediction of the Endogenous Indicators",
        "cap_pls_fit": "PLS-SEM Model Fit",
        "cap_pls_ipma": "Importance–Performance Map of {target}: Constructs",
        "cap_pls_ipma_items": "Importance–Performance Map of {target}: Indicators",
        "cap_pls_index": "Construct Indices (0–100)",
        "h_construct": "Latent variable",
        "h_path": "Structural path",
        "h_item": "Indicator",
        "h_wording": "Wording",
        "h_mode": "Mode",
        "h_ci": "95% CI",
        "h_loading": "Loading",
        "h_weight": "Weight",
        "h_vif": "VIF",
        "h_r2": "R²",
        "h_r2_adj": "R²adj",
        "h_items": "Items",
        "h_pair": "Construct pair",
        "h_effect": "Effect",
        "h_type": "Type",
        "h_est": "Estimate",
        "h_q2": "Q²predict",
        "h_rmse": "RMSE (PLS)",
        "h_lm_rmse": "RMSE (LM)",
        "h_mae": "MAE (PLS)",
        "h_lm_mae": "MAE (LM)",
        "h_criterion": "Criterion",
        "h_value": "Value",
        "h_importance": "Importance",
        "h_performance": "Performance",
        "h_quadrant": "Quadrant",
        "h_share": "Rescaled weight",
        "h_index": "Index",
        "h_sd": "SD",
        "srmr": "SRMR (saturated model)",
        "n_rows": "N",
        "indirect": "indirect",
        "total": "total",
        "defined": "defined (:=)",
        "concentrate here": "concentrate here",
        "keep up the good work": "keep up the good work",
        "low priority": "low priority",
        "possible overkill": "possible overkill",
        "sep": "; ",
        "end": ".",
        "n_no_boot": "No bootstrap (bootstrap = 0): the PLS tables show no standard errors, t "
        "values, p values or confidence intervals, and nothing was resampled.",
        "boot": "Bootstrap: {B} resamples of the respondents ({used} used; {constant} left "
        "out because an item was constant, {nonconv} because the PLS iteration did not "
        "converge), seed {seed}, no sign changes; percentile {level:.0%} confidence "
        "intervals; p two-sided from t = estimate / SE on a t distribution with {df} df.",
        "n_no_index": "No 0–100 index: the index is a weighted mean of a construct's items "
        "only when every outer weight is positive, and these are not: {items}.",
        "n_index_failed": "No 0–100 index: {reason}",
        "n_no_ipma": "No importance–performance map: {reason}",
        "n_no_predict": "No PLSpredict: {reason}",
        "tn_n": "N = {n}; {scheme} weighting scheme",
        "scheme_path": "path",
        "scheme_factorial": "factorial",
        "scheme_centroid": "centroid",
        "h_se": "SE",
        "h_b": "b",
        "tn_boot_ci": "CI = percentile bootstrap {level:.0%} interval from the {used} draws "
        "used of B = {B} (seed {seed})",
        "tn_boot_se_ci": "SE = bootstrap standard error and CI = percentile bootstrap "
        "{level:.0%} interval, from the {used} draws used of B = {B} (seed {seed})",
        "tn_boot": "SE = bootstrap standard error (SD of the {used} draws used of B = {B}, "
        "seed {seed}); t = estimate / SE; p two-sided from t on a t distribution with {df} "
        "df; CI = percentile bootstrap {level:.0%} interval",
        "tn_noboot": "no bootstrap (bootstrap = 0): no SE, t, p or CI",
        "tn_paths": "b = standardized path coefficient; f² = effect size (.02 small, .15 "
        "medium, .35 large; Cohen, 1988); VIF = inner variance inflation factor of the "
        "predictor",
        "tn_r2": "R²adj = 1 − (1 − R²)(N − 1)/(N − k − 1), k predictors",
        "tn_loadings": "Loading = correlation of the indicator with its construct score",
        "tn_weights": "Weight = outer weight of the indicator (mode A: correlation weights; "
        "mode B: regression weights); VIF = outer variance inflation factor, 1 / (1 − R²) "
        "of the indicator regressed on the other indicators of its construct",
        "tn_reliability": "α = Cronbach's alpha of the standardized items; ρA = Dijkstra–"
        "Henseler's rho_A; ρc = composite reliability; AVE = average variance extracted "
        "(mean squared loading); rules of thumb (Hair et al., 2022): α, ρA, ρc ≥ .70, AVE ≥ "
        ".50; no values for mode B or single-item constructs",
        "tn_htmt": "HTMT of the multi-item constructs, computed on the items as fitted; "
        "values near or above .85–.90 (or a CI including 1) question discriminant validity",
        "tn_effects": "Standardized effects; indirect = total − direct; defined = the "
        "model's := effects",
        "tn_predict": "PLSpredict (Shmueli et al., 2019): {k}-fold cross-validation, one "
        "repetition, seed {seed}; Q²predict = 1 − SSE / SS about the training-fold mean; "
        "LM = linear-model benchmark (each indicator regressed on the indicators of its "
        "construct's antecedents); PLS predicts better than LM on {better} of {total} "
        "indicators (RMSE)",
        "tn_fit": "SRMR of the saturated model: root mean square of the residual "
        "correlations over the lower triangle with the diagonal; implied correlation of "
        "indicators of different constructs = loading × loading × construct-score "
        "correlation, within a construct the observed correlation (composite model). "
        "Programs define the within-construct part differently, so values are comparable "
        "only within one definition",
        "tn_ipma": "IPMA (Ringle & Sarstedt, 2016) of {target}: importance = unstandardized "
        "total effect on {target} (index points per index point); performance = mean 0–100 "
        "index; quadrants split at the means; items rescaled with {scale}",
        "tn_ipma_items": "Rescaled weight = unstandardized outer weight, summing to 1 within "
        "a construct; importance = rescaled weight × the construct's importance; "
        "performance = the item's mean on 0–100; items rescaled with {scale}",
        "tn_index": "Index = weighted mean of the construct's items rescaled to 0–100, with "
        "the unstandardized outer weights summing to 1 (Fornell et al., 1996); SD across "
        "respondents; items rescaled with {scale}",
        "scale_codebook": "the codebook's scale minima and maxima",
        "scale_observed": "each item's observed minimum and maximum (no codebook scale)",
        "yes": "yes",
        "no": "no",
    },
    "zh": {
        "cap_pls_paths": "PLS-SEM 结构模型：路径系数",
        "cap_pls_r2": "PLS-SEM 解释方差（R²）",
        "cap_pls_loadings": "PLS-SEM 外部载荷",
        "cap_pls_weights": "PLS-SEM 外部权重与共线性（外部 VIF）",
        "cap_pls_reliability": "PLS-SEM 信度与收敛效度",
        "cap_pls_htmt": "PLS-SEM 区分效度：异质-单质比率（HTMT）",
        "cap_pls_effects": "PLS-SEM 间接效应与总效应",
        "cap_pls_predict": "PLSpredict：内生构念题项的样本外预测",
        "cap_pls_fit": "PLS-SEM 模型拟合",
        "cap_pls_ipma": "{target}的重要性-绩效矩阵分析：构念",
        "cap_pls_ipma_items": "{target}的重要性-绩效矩阵分析：题项",
        "cap_pls_index": "构念指数（0–100）",
        "h_construct": "潜变量",
        "h_path": "结构路径",
        "h_item": "测量题项",
        "h_wording": "题项内容",
        "h_mode": "模式",
        "h_ci": "95% 置信区间",
        "h_loading": "载荷",
        "h_weight": "权重",
        "h_vif": "VIF",
        "h_r2": "R²",
        "h_r2_adj": "调整 R²",
        "h_items": "题项数",
        "h_pair": "构念对",
        "h_effect": "效应",
        "h_type": "类型",
        "h_est": "估计值",
        "h_q2": "Q²predict",
        "h_rmse": "RMSE（PLS）",
        "h_lm_rmse": "RMSE（LM）",
        "h_mae": "MAE（PLS）",
        "h_lm_mae": "MAE（LM）",
        "h_criterion": "指标",
        "h_value": "数值",
        "h_importance": "重要性",
        "h_performance": "绩效",
        "h_quadrant": "象限",
        "h_share": "重标定权重",
        "h_index": "指数",
        "h_sd": "标准差",
        "srmr": "SRMR（饱和模型）",
        "n_rows": "N",
        "indirect": "间接效应",
        "total": "总效应",
        "defined": "自定义效应（:=）",
        "concentrate here": "重点改进",
        "keep up the good work": "继续保持",
        "low priority": "低优先级",
        "possible overkill": "可能过度投入",
        "sep": "；",
        "end": "。",
        "n_no_boot": "未做自助法（bootstrap = 0）：PLS 各表不报告标准误、t 值、p 值和置信区间，"
        "也没有进行任何重抽样。",
        "boot": "自助法：对受访者重抽样 {B} 次（使用 {used} 次；{constant} 次因某个题项为常数"
        "而剔除，{nonconv} 次因 PLS 迭代没有收敛而剔除），随机种子 {seed}，不做符号校正；百分位 "
        "{level:.0%} 置信区间；p 为双侧检验，由 t = 估计值 / 标准误按自由度 {df} 的 t 分布计算。",
        "n_no_index": "不报告 0–100 指数：只有当所有外部权重均为正时，指数才是构念题项的加权平均，"
        "而以下题项的权重不为正：{items}。",
        "n_index_failed": "不报告 0–100 指数：{reason}",
        "n_no_ipma": "不报告重要性-绩效矩阵分析：{reason}",
        "n_no_predict": "不报告 PLSpredict：{reason}",
        "tn_n": "N = {n}；{scheme}加权方案",
        "scheme_path": "路径",
        "scheme_factorial": "因子",
        "scheme_centroid": "重心",
        "h_se": "标准误",
        "h_b": "b",
        "tn_boot_ci": "置信区间为百分位自助法 {level:.0%} 区间（B = {B} 次抽样中使用 {used} 次，"
        "随机种子 {seed}）",
        "tn_boot_se_ci": "SE = 自助法标准误，置信区间为百分位自助法 {level:.0%} 区间（B = {B} "
        "次抽样中使用 {used} 次，随机种子 {seed}）",
        "tn_boot": "SE = 自助法标准误（B = {B} 次抽样中使用的 {used} 次的标准差，随机种子 "
        "{seed}）；t = 估计值 / SE；p 为双侧检验，按自由度 {df} 的 t 分布计算；置信区间为百分位"
        "自助法 {level:.0%} 区间",
        "tn_noboot": "未做自助法（bootstrap = 0）：不报告 SE、t、p 和置信区间",
        "tn_paths": "b = 标准化路径系数；f² = 效应量（.02 小、.15 中、.35 大；Cohen, 1988）；"
        "VIF = 该预测变量的内部方差膨胀因子",
        "tn_r2": "调整 R² = 1 − (1 − R²)(N − 1)/(N − k − 1)，k 为预测变量数",
        "tn_loadings": "载荷 = 题项与其构念得分的相关系数",
        "tn_weights": "权重 = 题项的外部权重（模式 A：相关权重；模式 B：回归权重）；VIF = 外部"
        "方差膨胀因子，即该题项对同一构念其他题项回归的 1 / (1 − R²)",
        "tn_reliability": "α = 标准化题项的 Cronbach's α；ρA = Dijkstra–Henseler 的 rho_A；"
        "ρc = 组合信度；AVE = 平均方差抽取量（载荷平方的均值）；经验标准（Hair et al., 2022）："
        "α、ρA、ρc ≥ .70，AVE ≥ .50；模式 B 与单题项构念不报告",
        "tn_htmt": "多题项构念的 HTMT，按实际拟合所用的题项计算；接近或高于 .85–.90（或置信区间"
        "包含 1）时区分效度存疑",
        "tn_effects": "标准化效应；间接效应 = 总效应 − 直接效应；自定义效应为模型中以 := "
        "定义的效应",
        "tn_predict": "PLSpredict（Shmueli et al., 2019）：{k} 折交叉验证，重复 1 次，随机种子 "
        "{seed}；Q²predict = 1 − SSE / 相对训练折均值的平方和；LM = 线性模型基准（每个题项对其"
        "构念前因构念的题项回归）；按 RMSE，PLS 在 {total} 个题项中的 {better} 个上优于 LM",
        "tn_fit": "饱和模型的 SRMR：残差相关（观测 − 隐含）在含对角线的下三角上的均方根；不同构念"
        "题项间的隐含相关 = 载荷 × 载荷 × 构念得分相关，同一构念内取观测相关（合成模型）。各软件"
        "对构念内部分的定义不同，只有同一定义下的数值可以比较",
        "tn_ipma": "{target}的重要性-绩效矩阵分析（Ringle & Sarstedt, 2016）：重要性 = 对"
        "{target}的非标准化总效应（每提高 1 个指数点带来的指数点）；绩效 = 0–100 指数均值；"
        "象限以均值划分；题项按{scale}重标定",
        "tn_ipma_items": "重标定权重 = 非标准化外部权重，在同一构念内合计为 1；重要性 = "
        "重标定权重 × 构念的重要性；绩效 = 题项在 0–100 上的均值；题项按{scale}重标定",
        "tn_index": "指数 = 构念题项（重标定到 0–100）的加权平均，非标准化外部权重合计为 1"
        "（Fornell et al., 1996）；标准差为受访者之间的标准差；题项按{scale}重标定",
        "scale_codebook": "编码簿给出的量表最小值和最大值",
        "scale_observed": "各题项观测到的最小值和最大值（编码簿未给出量表）",
        "yes": "是",
        "no": "否",
    },
}


def word(lang: str, key: str, **values: Any) -> str:
    """The words *key* of this section in *lang*, placeholders filled in.

    Examples
    --------
    >>> word("zh", "h_path")
    '结构路径'
    >>> word("en", "n_no_predict", reason="too few rows")
    'No PLSpredict: too few rows'
    """
    return _WORDS[lang][key].format(**values)


def boot_line(study: Study, boot: Any) -> str:
    """The section's note on the bootstrap: B, draws used, seed, interval type, p.

    Examples
    --------
    >>> import cxlab as cx
    >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
    >>> boot = fit.bootstrap(20, seed=3, progress=False)
    >>> boot_line(Study(source={}, model="", settings={}), boot)[:42]
    'Bootstrap: 20 resamples of the respondents'
    """
    return word(
        study.lang, "boot", B=boot.B, used=boot.n_ok, constant=boot.n_constant,
        nonconv=boot.n_nonconverged, seed=boot.seed, level=boot.level, df=boot.n_ok - 1,
    )  # fmt: skip


def caption(study: Study, name: str) -> str:
    """The title of the PLS table *name* in the report's language.

    Examples
    --------
    >>> caption(Study(source={}, model="", settings={}, lang="zh"), "pls_paths")
    'PLS-SEM 结构模型：路径系数'
    """
    target = study.numbers.get("pls", {}).get("ipma_target", "")
    return word(study.lang, f"cap_{name}", target=study.labels.named(target))


def note(study: Study, name: str) -> str:
    """The note under the PLS table *name* (without "Note." / "注："): abbreviations,
    definitions, N, the weighting scheme and the bootstrap (type, B, seed).

    Examples
    --------
    >>> study = Study(source={}, model="", settings={})
    >>> study.numbers["pls"] = {"n": 250, "scheme": "path", "bootstrap": {"B": 0}}
    >>> note(study, "pls_r2")
    'R²adj = 1 − (1 − R²)(N − 1)/(N − k − 1), k predictors; N = 250; path weighting scheme.'
    """
    lang, info = study.lang, study.numbers.get("pls", {})
    boot = info.get("bootstrap", {})
    scale = word(lang, f"scale_{info.get('scale', 'observed')}")
    target = study.labels.named(info.get("ipma_target", ""))
    parts: list[str] = []
    key = name.removeprefix("pls_")
    if name == "pls_predict":
        table = study.tables[name]
        pred = info.get("predict", {})
        better, total = int(table["pls_better"].sum()), len(table)
        parts.append(word(lang, "tn_predict", k=pred.get("k"), seed=pred.get("seed"),
                          better=better, total=total))  # fmt: skip
    elif f"tn_{key}" in _WORDS[lang]:
        parts.append(word(lang, f"tn_{key}", target=target, scale=scale))
    scheme = info.get("scheme")
    scheme = word(lang, f"scheme_{scheme}") if f"scheme_{scheme}" in _WORDS[lang] else scheme
    parts.append(word(lang, "tn_n", n=info.get("n"), scheme=scheme))
    kind = {"pls_htmt": "tn_boot_ci", "pls_index": "tn_boot_se_ci"}.get(name, "tn_boot")
    if name in ("pls_paths", "pls_loadings", "pls_weights", "pls_htmt", "pls_effects",
                "pls_index"):  # fmt: skip
        if boot.get("B"):
            parts.append(word(lang, kind, B=boot["B"], used=boot["used"], seed=boot["seed"],
                              df=boot["used"] - 1, level=boot["level"]))  # fmt: skip
        else:
            parts.append(word(lang, "tn_noboot"))
    return word(lang, "sep").join(parts) + word(lang, "end")


# -- the views -----------------------------------------------------------------------
def _num(x: Any, decimals: int = 3, bounded: bool = False) -> str:
    return apa_number(float(x), decimals, bounded=bounded)


def _ci(low: Any, high: Any, decimals: int = 3, bounded: bool = False) -> str:
    return f"[{_num(low, decimals, bounded)}, {_num(high, decimals, bounded)}]"


def _first_only(values: list[str]) -> list[str]:
    """A construct's name on its first row only (as APA measurement tables do)."""
    return [v if i == 0 or v != values[i - 1] else "" for i, v in enumerate(values)]


def _boot_cells(w: dict[str, str], t: pd.DataFrame, out: dict, bounded: bool) -> None:
    if "se" not in t:
        return
    out[w["h_se"]] = [_num(v) for v in t["se"]]
    out["t"] = [_num(v, 2) for v in t["t"]]
    out["p"] = [apa_p(float(v)) for v in t["pvalue"]]
    out[w["h_ci"]] = [_ci(a, b, 3, bounded) for a, b in zip(t["ci_low"], t["ci_high"], strict=True)]


def _view(study: Study, name: str, t: pd.DataFrame) -> pd.DataFrame:
    w, named, items = _WORDS[study.lang], study.labels.named, study.labels.items
    out: dict[str, Any] = {}

    def item_columns(construct: pd.Series, item: pd.Series) -> None:
        out[w["h_construct"]] = _first_only([named(str(c)) for c in construct])
        out[w["h_item"]] = [str(i) for i in item]
        if items:
            out[w["h_wording"]] = [items.get(str(i), "") for i in item]

    if name == "pls_paths":
        out[w["h_path"]] = [
            f"{named(r)} → {named(lh)}" for r, lh in zip(t["rhs"], t["lhs"], strict=True)
        ]
        out[w["h_b"]] = [_num(v, bounded=True) for v in t["est"]]
        _boot_cells(w, t, out, True)
        out["f²"] = [_num(v) for v in t["f2"]]
        out[w["h_vif"]] = [_num(v) for v in t["vif"]]
    elif name == "pls_r2":
        out[w["h_construct"]] = [named(c) for c in t["construct"]]
        out[w["h_r2"]] = [_num(v, bounded=True) for v in t["r2"]]
        out[w["h_r2_adj"]] = [_num(v, bounded=True) for v in t["r2_adj"]]
    elif name in ("pls_loadings", "pls_weights"):
        item_columns(t["lhs"], t["rhs"])
        head = "h_loading" if name == "pls_loadings" else "h_weight"
        bounded = name == "pls_loadings"
        if name == "pls_weights":
            out[w["h_mode"]] = list(t["mode"])
        out[w[head]] = [_num(v, bounded=bounded) for v in t["est"]]
        _boot_cells(w, t, out, bounded)
        if name == "pls_weights":
            out[w["h_vif"]] = [_num(v) for v in t["vif"]]
    elif name == "pls_reliability":
        out[w["h_construct"]] = [named(c) for c in t["construct"]]
        out[w["h_mode"]] = list(t["mode"])
        out[w["h_items"]] = [str(int(v)) for v in t["n_items"]]
        for col, head in (("alpha", "α"), ("rho_a", "ρA"), ("rho_c", "ρc"), ("ave", "AVE")):
            out[head] = [_num(v, bounded=True) for v in t[col]]
    elif name == "pls_htmt":
        pairs = zip(t["scale_1"], t["scale_2"], strict=True)
        out[w["h_pair"]] = [f"{named(a)} – {named(b)}" for a, b in pairs]
        out["HTMT"] = [_num(v) for v in t["htmt"]]
        if "ci_low" in t:
            out[w["h_ci"]] = [_ci(a, b) for a, b in zip(t["ci_low"], t["ci_high"], strict=True)]
    elif name == "pls_effects":
        out[w["h_effect"]] = [
            f"{a} := {b}" if k == "defined" else f"{named(a)} → {named(b)}"
            for a, b, k in zip(t["from"], t["to"], t["effect"], strict=True)
        ]
        out[w["h_type"]] = [w.get(k, k) for k in t["effect"]]
        out[w["h_est"]] = [_num(v, bounded=True) for v in t["est"]]
        _boot_cells(w, t, out, True)
    elif name == "pls_predict":
        item_columns(t["construct"], t["item"])
        out[w["h_q2"]] = [_num(v, bounded=True) for v in t["q2_predict"]]
        for col in ("rmse", "lm_rmse", "mae", "lm_mae"):
            out[w[f"h_{col}"]] = [_num(v) for v in t[col]]
    elif name == "pls_fit":
        out[w["h_criterion"]] = [w["srmr"], w["n_rows"]]
        out[w["h_value"]] = [_num(t["srmr"].iloc[0], bounded=True), str(int(t["n"].iloc[0]))]
    elif name in ("pls_ipma", "pls_ipma_items"):
        if name == "pls_ipma":
            out[w["h_construct"]] = [named(c) for c in t["construct"]]
        else:
            item_columns(t["construct"], t["item"])
            out[w["h_share"]] = [_num(v, bounded=True) for v in t["weight"]]
        out[w["h_importance"]] = [_num(v) for v in t["importance"]]
        out[w["h_performance"]] = [_num(v, 1) for v in t["performance"]]
        out[w["h_quadrant"]] = [w.get(q, q) for q in t["quadrant"]]
    elif name == "pls_index":
        out[w["h_construct"]] = [named(c) for c in t["construct"]]
        out[w["h_index"]] = [_num(v, 1) for v in t["index"]]
        out[w["h_sd"]] = [_num(v, 1) for v in t["sd"]]
        if "boot_se" in t:
            out[w["h_se"]] = [_num(v, 2) for v in t["boot_se"]]
            out[w["h_ci"]] = [_ci(a, b, 1) for a, b in zip(t["ci_low"], t["ci_high"], strict=True)]
        out[w["h_items"]] = [str(int(v)) for v in t["n_items"]]
    return pd.DataFrame(out)


def views(study: Study) -> None:
    """Put the APA view of every PLS table of *study* into ``study.shown``.

    Examples
    --------
    >>> study = Study(source={}, model="", settings={}, lang="zh")
    >>> study.tables["pls_r2"] = pd.DataFrame({"construct": ["LOY"], "r2": [0.4519],
    ...                                        "r2_adj": [0.4476]})
    >>> views(study)
    >>> study.shown["pls_r2"].to_dict("records")
    [{'潜变量': 'LOY', 'R²': '.452', '调整 R²': '.448'}]
    """
    for name in TABLES:
        table = study.tables.get(name)
        if table is not None and len(table):
            study.shown[name] = _view(study, name, table)


def apa_tables(study: Study) -> list[tuple[str, str, pd.DataFrame, str]]:
    """The section's APA tables for a Word file or another renderer: (name, title, view,
    note) in the order of :data:`TABLES`, only those the study has.

    Examples
    --------
    >>> study = Study(source={}, model="", settings={})
    >>> apa_tables(study)
    []
    """
    return [
        (name, caption(study, name), study.shown[name], note(study, name))
        for name in TABLES
        if name in study.shown and name in study.tables
    ]
