"""Chinese wording of the messages other cxlab modules write in English (private).

The report quotes messages of :mod:`cxlab.sem` (admissibility checks, data notes),
:mod:`cxlab.survey` (data checks), :mod:`cxlab.psychometrics` (scale warnings,
discriminant validity), :mod:`cxlab.pls` and :func:`cxlab.sem.invariance`. A Chinese
report shows each in Chinese: :func:`to_zh` rewrites every sentence it knows, keeping its
numbers and names, and leaves a sentence it does not know in English (so nothing is lost).
"""

from __future__ import annotations

import re
from collections.abc import Callable

Name = Callable[[str], str]
Rule = tuple[re.Pattern[str], Callable[[re.Match[str], Name], str]]

WHAT_TO_TRY = (
    "可以尝试：检查数据（编码、反向计分题项、离群值）和模型（两个因子真的彼此不同吗？见 HTMT）；"
    "合并或删去在经验上无法区分的构念；对于指数模型，可考虑偏最小二乘路径建模（PLS-PM，第 06 课）。"
    "只有为了诊断而查看估计值时，才传入 allow_inadmissible=True。"
)
_GROUP = r"(?P<g> \(group (?P<gn>\d+)\))?"
_KIND = {"factor": "因子", "residual": "残差", "loading": "载荷", "path": "路径"}
_LEVEL = {"configural": "形态不变", "metric": "度量不变", "scalar": "标量不变",
          "strict": "严格不变"}  # fmt: skip


def _g(m: re.Match[str]) -> str:
    return f"（第 {m['gn']} 组）" if m["g"] else ""


def _where(text: str) -> str:
    """'respondent ids 3, 7 and 2 more' → '受访者编号 3, 7 等（另有 2 个）'."""
    text = re.sub(r"^respondent ids? ", "受访者编号 ", text)
    text = re.sub(r"^(?:data )?rows? ", "数据行 ", text)
    return re.sub(r" and (\d+) more$", r" 等（另有 \1 个）", text)


def _rule(pattern: str, make: Callable[[re.Match[str], Name], str]) -> Rule:
    return re.compile(pattern), make


RULES: list[Rule] = [
    # cxlab.sem: admissibility (fit.problems, fit.diagnosis(), fit.diagnostics)
    _rule(
        r"[Tt]he (?P<k>factor|residual) variance of (?P<v>\S+)"
        + _GROUP
        + r" is negative \((?P<x>[^)]+)\): a Heywood case — no variable can have a negative "
        r"variance\.",
        lambda m, nm: (
            f"{nm(m['v'])}{_g(m)}的{_KIND[m['k']]}方差为负（{m['x']}）：这是海伍德案例"
            "（Heywood case）——任何变量的方差都不可能为负。"
        ),
    ),
    _rule(
        r"[Tt]he standardized (?P<k>loading|path) (?P<a>\S+) (?P<op>=~|~) (?P<b>\S+)"
        + _GROUP
        + r" is (?P<x>\S+), beyond ±1\.",
        lambda m, nm: (
            f"标准化{_KIND[m['k']]} {nm(m['a'])} {m['op']} {nm(m['b'])}{_g(m)}为 "
            f"{m['x']}，超出了 ±1。"
        ),
    ),
    _rule(
        r"[Tt]he correlation of (?P<a>\S+) and (?P<b>\S+)"
        + _GROUP
        + r" is (?P<x>\S+), beyond ±1\.",
        lambda m, nm: f"{nm(m['a'])} 与 {nm(m['b'])}{_g(m)}的相关系数为 {m['x']}，超出了 ±1。",
    ),
    _rule(
        r"[Tt]he residual covariance matrix" + _GROUP + r" is not positive definite \(smallest "
        r"eigenvalue (?P<x>\S+)\): the residual correlations are impossible together; free "
        r"fewer residual covariances\.",
        lambda m, nm: (
            f"残差协方差矩阵{_g(m)}不是正定的（最小特征值 {m['x']}）：这些残差相关不可能"
            "同时成立；请少放开一些残差协方差。"
        ),
    ),
    _rule(
        r"[Tt]he information matrix is singular \(smallest eigenvalue (?P<x>\S+)\): some "
        r"parameters cannot be told apart from the data — the model is not identified, or these "
        r"data cannot separate them \(empirical under-identification\)\. Fix a loading or the "
        r"factor variance of each factor, add indicators \(at least three per factor\), or "
        r"remove paths\.",
        lambda m, nm: (
            f"信息矩阵是奇异的（最小特征值 {m['x']}）：有些参数无法根据数据区分开——模型"
            "不可识别，或者这些数据无法把它们区分开（经验上的识别不足）。请为每个因子固定一个载荷或因子方差，"
            "增加指标（每个因子至少三个），或删去一些路径。"
        ),
    ),
    _rule(
        r"[Tt]he covariance matrix of the factors" + _GROUP + r" is not positive definite "
        r"\(smallest eigenvalue (?P<x>\S+)\): some factors are linear combinations of others "
        r"— they are not empirically distinct\.",
        lambda m, nm: (
            f"因子的协方差矩阵{_g(m)}不是正定的（最小特征值 {m['x']}）：有些因子是其他"
            "因子的线性组合——它们在经验上无法区分。"
        ),
    ),
    _rule(
        r"The estimation did not converge \((?P<x>.*?)\): the numbers are not "
        r"maximum-likelihood estimates\. Try simpler models or check the data\.",
        lambda m, nm: (
            f"估计没有收敛（{m['x']}）：这些数字不是最大似然估计值。请尝试更简单的模型，"
            "或检查数据。"
        ),
    ),
    _rule(
        r"[Tt]he estimation did not converge \((?P<x>.*?)\)\.",
        lambda m, nm: f"估计没有收敛（{m['x']}）。",
    ),
    _rule(
        r"the largest gradient element is still (?P<x>\S+) after (?P<f>\d+) Fisher-scoring and "
        r"(?P<q>\d+) quasi-Newton iterations",
        lambda m, nm: (
            f"经过 {m['f']} 次 Fisher 评分迭代和 {m['q']} 次拟牛顿迭代，最大的梯度分量仍为 {m['x']}"
        ),
    ),
    _rule(
        r"the model-implied covariance matrix is not positive definite at the starting values or "
        r"anywhere the optimiser went, so the likelihood cannot be evaluated: the model "
        r"contradicts the data \(e\.g\. a covariance fixed beyond what the variances allow\) or "
        r"is not identified",
        lambda m, nm: (
            "模型隐含的协方差矩阵在初始值处以及优化算法到过的任何位置都不是正定的，因此无法"
            "计算似然：模型与数据相矛盾（例如某个协方差被固定在方差所允许的范围之外），或者模型不可识别"
        ),
    ),
    _rule(r"^The estimation converged\.$", lambda m, nm: "估计已收敛。"),
    _rule(r"^OK\.$", lambda m, nm: "通过。"),
    _rule(r"This solution cannot be reported:", lambda m, nm: "这个解不能报告："),
    _rule(
        r"What to try: .*allow_inadmissible=True only to inspect the estimates for diagnosis\.",
        lambda m, nm: WHAT_TO_TRY,
    ),
    _rule(
        r"The (?P<l>configural|metric|scalar|strict) model across (?P<g>.+?) is not "
        r"admissible, so invariance cannot be assessed\.",
        lambda m, nm: f"{m['g']} 各组之间的{_LEVEL[m['l']]}模型不可接受，因此无法评估测量不变性。",
    ),
    # cxlab.sem: data notes of a fit
    _rule(
        r"(?P<k>[\d,]+) of (?P<n>[\d,]+) rows with missing values were dropped \(listwise "
        r"deletion; missing='fiml' would use them\)\.",
        lambda m, nm: (
            f"{m['n']} 行中有 {m['k']} 行含缺失值，已被删除（列删除法；missing='fiml' "
            "可以用上这些行）。"
        ),
    ),
    _rule(
        r"FIML: (?P<k>[\d,]+) of (?P<n>[\d,]+) rows have at least one missing value; "
        r"(?P<p>\d+) missing-data patterns?; (?P<e>[\d,]+) rows empty on every model variable "
        r"were dropped\.",
        lambda m, nm: (
            f"FIML：{m['n']} 行中有 {m['k']} 行至少缺一个值；共有 {m['p']} 种缺失模式；"
            f"在全部模型变量上都为空而被删去的行数为 {m['e']}。"
        ),
    ),
    _rule(
        r"(?P<k>[\d,]+) rows without a value of (?P<g>.+?) were dropped\.",
        lambda m, nm: f"{m['k']} 行没有 {m['g']} 的取值，已被删除。",
    ),
    _rule(
        r"(?P<k>[\d,]+) rows missing an exogenous predictor \((?P<v>.+?)\) were dropped, as "
        r"lavaan does with fixed\.x = TRUE; model their distribution \(e\.g\. regress on a "
        r"factor measured by them\) to keep these rows\.",
        lambda m, nm: (
            f"{m['k']} 行缺少外生预测变量（{m['v']}），已按 lavaan 在 fixed.x = TRUE "
            "时的做法删除；若要保留这些行，请为这些变量的分布建模（例如让它们回归到由它们测量的因子上）。"
        ),
    ),
    # cxlab.psychometrics: scale warnings and discriminant validity
    _rule(
        r"omega, CR and AVE need at least 3 items \(a one-factor model with 2 is not "
        r"identified\)\.",
        lambda m, nm: "ω、CR 和 AVE 至少需要 3 个题项（只有 2 个题项的单因子模型无法识别）。",
    ),
    _rule(
        r"Heywood case: (?P<i>\S+) gets a residual variance of (?P<v>\S+) \(at or below zero\) "
        r"and a standardized loading of (?P<l>\S+) \(\|loading\| >= 1\), i\.e\. no measurement "
        r"error at all, which is impossible",
        lambda m, nm: (
            f"海伍德案例：{m['i']} 的残差方差为 {m['v']}（不大于 0），标准化载荷为 "
            f"{m['l']}（|载荷| ≥ 1），相当于完全没有测量误差，这是不可能的"
        ),
    ),
    _rule(
        r"the one-factor model (?P<w>did not converge|could not be fitted) \((?P<x>.*?)\)",
        lambda m, nm: (
            ("单因子模型没有收敛" if m["w"] == "did not converge" else "无法拟合单因子模型")
            + f"（{m['x']}）"
        ),
    ),
    _rule(
        r"\. omega, CR and AVE are not reported: check the items \(reverse-keyed\? miscoded\?\) "
        r"or drop the offending one\.",
        lambda m, nm: (
            "。因此不报告 ω、CR 和 AVE：请检查这些题项（是否反向计分？是否编码有误？），"
            "或删去出问题的题项。"
        ),
    ),
    _rule(
        r"Fornell-Larcker: √AVE of (?P<f>\S+) \((?P<x>\S+)\) is not above its correlation with "
        r"(?P<w>\S+) \((?P<y>\S+)\)\.",
        lambda m, nm: (
            f"Fornell–Larcker 准则：{nm(m['f'])} 的 √AVE（{m['x']}）不高于它与 "
            f"{nm(m['w'])} 的相关系数（{m['y']}）。"
        ),
    ),
    _rule(
        r"HTMT of (?P<a>\S+) and (?P<b>\S+) is (?P<h>\S+) and its CI reaches (?P<c>\S+) ≥ 1\.",
        lambda m, nm: (
            f"{nm(m['a'])} 与 {nm(m['b'])} 的 HTMT 为 {m['h']}，其置信区间达到 {m['c']} ≥ 1。"
        ),
    ),
    # cxlab.sem.invariance: notes of the table
    _rule(
        r"^configural fit acceptable \(CFI ≥ \.90, RMSEA ≤ \.10\)$",
        lambda m, nm: "形态不变模型的拟合可以接受（CFI ≥ .90，RMSEA ≤ .10）",
    ),
    _rule(
        r"^configural fit poor: fix the model before testing invariance$",
        lambda m, nm: "形态不变模型的拟合不佳：先修改模型，再检验不变性",
    ),
    _rule(
        r"^not interpretable: a lower level does not hold$",
        lambda m, nm: "无法解释：较低一级的不变性不成立",
    ),
    _rule(
        r"^ΔCFI = (?P<a>\S+) with ΔRMSEA = (?P<b>\S+) / ΔSRMR = (?P<c>\S+): invariance rejected$",
        lambda m, nm: f"ΔCFI = {m['a']}，ΔRMSEA = {m['b']} / ΔSRMR = {m['c']}：不变性不成立",
    ),
    _rule(r"^ΔCFI = (?P<a>\S+): invariance holds$", lambda m, nm: f"ΔCFI = {m['a']}：不变性成立"),
    # cxlab.pls: notes
    _rule(
        r"line (?P<l>\d+) \((?P<s>.+?)\) skipped: PLS-PM does not estimate \(co\)variances\.",
        lambda m, nm: f"第 {m['l']} 行（{m['s']}）已跳过：PLS-PM 不估计（协）方差。",
    ),
    _rule(
        r"(?P<k>\d+) of (?P<n>\d+) rows with missing answers dropped \(missing='listwise'\)\.",
        lambda m, nm: f"{m['n']} 行中有 {m['k']} 行含缺失答案，已删除（missing='listwise'）。",
    ),
    _rule(
        r"(?P<k>\d+) missing answer\(s\) in (?P<v>.+?) replaced by the item means "
        r"\(missing='mean'\)\.",
        lambda m, nm: f"{m['v']} 中的 {m['k']} 个缺失答案已用题项均值替代（missing='mean'）。",
    ),
    # cxlab.survey: data checks (outside the model's variables: warnings)
    _rule(
        r"^(?P<c>\S+): (?P<k>\d+) answers? that are not numbers \((?P<x>.*)\), (?P<w>.+?)\. Map "
        r"option text to codes \(give a codebook with value labels\) or fix these cells\.$",
        lambda m, nm: (
            f"{m['c']}：有 {m['k']} 个答案不是数字（{m['x']}），{_where(m['w'])}。"
            "请把选项文字映射为代码（提供带取值标签的编码手册），或改正这些单元格。"
        ),
    ),
    _rule(
        r"^(?P<c>\S+): (?P<k>\d+) answers? outside the scale (?P<s>\S+) \(values (?P<v>.+?)\), "
        r"(?P<w>.+)\.$",
        lambda m, nm: (
            f"{m['c']}：有 {m['k']} 个答案超出量表范围 {m['s']}（取值 {m['v']}），"
            f"{_where(m['w'])}。"
        ),
    ),
    _rule(
        r"^(?P<c>\S+): (?P<k>\d+) answers? not whole numbers on a rating item, (?P<w>.+)\.$",
        lambda m, nm: f"{m['c']}：评分题项中有 {m['k']} 个答案不是整数，{_where(m['w'])}。",
    ),
    _rule(
        r"^(?P<c>\S+): (?P<k>\d+) answers? with codes that have no label \((?P<v>.+?)\), "
        r"(?P<w>.+)\.$",
        lambda m, nm: (
            f"{m['c']}：有 {m['k']} 个答案的代码没有取值标签（{m['v']}），{_where(m['w'])}。"
        ),
    ),
    _rule(
        r"^(?P<k>\d+) columns? not in the codebook: (?P<v>.+?)\.$",
        lambda m, nm: f"编码手册中没有这 {m['k']} 列：{m['v']}。",
    ),
    _rule(
        r"^(?P<k>\d+) rows? with no answers: (?P<w>.+)\.$",
        lambda m, nm: f"有 {m['k']} 行没有任何答案：{_where(m['w'])}。",
    ),
    # cxlab.sem.effects: the kind of interval
    _rule(
        r"^(?P<l>\d+%) (?P<k>bootstrap percentile|Monte-Carlo percentile|delta method \(Wald\))$",
        lambda m, nm: (
            m["l"]
            + " "
            + {
                "bootstrap percentile": "自助法百分位",
                "Monte-Carlo percentile": "蒙特卡洛百分位",
                "delta method (Wald)": "delta 法（Wald）",
            }[m["k"]]
        ),
    ),
]


def to_zh(text: str, name: Name | None = None) -> str:
    """*text* (a message of another cxlab module) in Chinese: every sentence :data:`RULES`
    knows is rewritten with its numbers and names; the rest stays as it is. *name* shows
    a variable's name (e.g. with its Chinese construct label).

    Examples
    --------
    >>> to_zh("ΔCFI = -0.001: invariance holds")
    'ΔCFI = -0.001：不变性成立'
    >>> text = to_zh("the factor variance of SAT is negative (-0.470): a Heywood case — no "
    ...              "variable can have a negative variance.", name=lambda v: f"满意度（{v}）")
    >>> text.split("：")[0]
    '满意度（SAT）的因子方差为负（-0.470）'
    >>> to_zh("Something cxlab does not know.")
    'Something cxlab does not know.'
    """
    nm: Name = name or (lambda v: v)
    out = str(text)
    for pattern, make in RULES:
        out = pattern.sub(lambda m, make=make: make(m, nm), out)
    return out


def diagnosis_zh(text: str, name: Name | None = None) -> str:
    """A fit's multi-line diagnosis (``fit.diagnosis()``) as one Chinese paragraph.

    Examples
    --------
    >>> text = diagnosis_zh("This solution cannot be reported:\\n- the estimation did not "
    ...     "converge (max iterations).\\nWhat to try: ... Pass allow_inadmissible=True only to "
    ...     "inspect the estimates for diagnosis.")
    >>> text.startswith("估计没有收敛（max iterations）。可以尝试：检查数据"), "This" in text
    (True, False)
    """
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    lines = [line[2:] if line.startswith("- ") else line for line in lines]
    return "".join(to_zh(line, name) for line in lines if line != "This solution cannot be "
                   "reported:")  # fmt: skip
