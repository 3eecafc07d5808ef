"""Multi-group comparison of the structural paths for :func:`cxlab.report.report` with
``group=`` (private).

After the measurement invariance that makes it meaningful (metric: equal loadings), the
structural model is fitted in all groups with the loadings held equal and every path
free; then, for each structural path, a model with that path held equal across the
groups, and one with all paths held equal (omnibus). Each is tested against the free
model by :func:`cxlab.sem.compare` (the χ² difference test of lavaan's ``lavTestLRT``;
Satorra–Bentler scaled with MLR / MLM, Satorra 2000 with WLSMV).

The model is rewritten for the groups by :func:`group_syntax`: a label ``L`` of the
model (which in a multi-group model would hold the parameter equal across the groups,
as in lavaan) becomes one label per group, ``c(L__g1, L__g2, …)``, so it still ties
parameters together within a group but no longer across groups; ``:=`` definitions and
constraints are repeated per group with their labels renamed. Loadings keep their
labels (they are held equal across the groups anyway).

# In R: lavTestLRT(free, equal) with sem(model, group = , group.equal = "loadings") and
# c(b, b)*x for the path held equal.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from cxlab.errors import DataError, EstimationError, ModelSpecError

#: the words of this module's findings and notes, by language (same keys)
_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "verdict_scalar": "Loadings and intercepts are equal, so latent means can be compared "
        "across the groups.",
        "verdict_metric": "Loadings are equal (structural paths have the same meaning in "
        "each group); compare latent means only with partial (scalar) invariance.",
        "verdict_none": "Metric invariance (equal loadings) does not hold: comparing latent "
        "means or structural paths across the groups is not meaningful.",
        "f_paths": "Structural paths compared across {group} ({groups}; loadings held equal, "
        "{level} invariance): {k} of {m} paths differ at p < .05{which}.{omnibus}",
        "f_paths_observed": "Paths compared across {group} ({groups}): {k} of {m} paths "
        "differ at p < .05{which}.{omnibus}",
        "omnibus_test": " All paths held equal together: Δχ²({df}) = {chisq}, p {p}.",
        "which": " ({paths})",
        "path_test": "{path}: Δχ²({df}) = {chisq}, p {p}",
        "f_not_compared": "The structural paths were not compared across {group}: metric "
        "invariance (equal loadings) does not hold ({level} at most), so a path would not "
        "mean the same in each group and a comparison is not meaningful.",
        "f_not_compared_inv": "The structural paths were not compared across {group}: "
        "measurement invariance could not be assessed, and a comparison needs at least "
        "metric invariance (equal loadings).",
        "f_paths_failed": "The structural paths could not be compared across {group}: {reason}",
        "f_free_inadmissible": "The multi-group structural model across {group} (paths free, "
        "loadings equal) cannot be reported: {diagnosis}",
        "n_no_paths": "The model has no free structural paths: there is nothing to compare "
        "across {group}.",
        "n_no_latent_paths": "The model has no latent variables, so no measurement invariance "
        "is needed: its paths were compared across {group} directly.",
        "n_method": "Multi-group path comparison across {group} ({groups}; n = {sizes}): the "
        "structural model was fitted in all groups with {held} and every path free; each "
        "path was then held equal across the groups and tested against it with the {test} "
        '(Δdf = {ddf} per path), and all {m} paths together (omnibus). "differs" means '
        "p < .05 without adjustment for the {m} tests; p_holm is Holm-adjusted. A path "
        "that does not differ significantly is not shown to be equal.",
        "held_loadings": "the loadings held equal (metric invariance)",
        "held_thresholds": "the loadings and thresholds held equal (metric invariance, "
        "ordered items)",
        "held_none": "no equality constraints (no latent variables)",
        "test_ml": "likelihood-ratio (χ² difference) test",
        "test_robust": "Satorra–Bentler (2001) scaled χ² difference test ({estimator})",
        "test_wlsmv": "Satorra (2000) scaled-and-shifted χ² difference test (WLSMV)",
        "not_tested": "(not tested: {reason})",
        "omnibus": "all paths (omnibus)",
        "arrow": " → ",
        "list_sep": "; ",
        "group_sep": ", ",
        "tab_note": "Paths of a multi-group structural model across {group} with {held}; "
        "b = unstandardised estimate, β = standardised estimate (std.all) in each group. "
        "Δχ² = χ² difference between the model with the path held equal across the groups "
        "and the model with all paths free ({test}); the last row holds all {m} paths "
        'equal. "differs": p < .05, unadjusted; p (Holm) is adjusted for {m} tests. '
        "N = {n} ({sizes}); estimator {estimator}.",
    },
    "zh": {
        "verdict_scalar": "因子载荷和截距在各组之间等同，可以比较各组的潜变量均值。",
        "verdict_metric": "因子载荷在各组之间等同（结构路径在各组的含义相同）；只有在部分标量不变性"
        "成立时，才能比较各组的潜变量均值。",
        "verdict_none": "度量不变性（因子载荷等同）不成立：在各组之间比较潜变量均值或结构路径"
        "没有意义。",
        "f_paths": "{group} 各组（{groups}）之间的结构路径比较（因子载荷设为等同，{level}成立）："
        "{m} 条路径中有 {k} 条在 .05 水平上存在显著差异{which}。{omnibus}",
        "f_paths_observed": "{group} 各组（{groups}）之间的路径比较：{m} 条路径中有 {k} 条在 .05 "
        "水平上存在显著差异{which}。{omnibus}",
        "omnibus_test": "全部路径同时设为等同：Δχ²({df}) = {chisq}，p {p}。",
        "which": "（{paths}）",
        "path_test": "{path}：Δχ²({df}) = {chisq}，p {p}",
        "f_not_compared": "未在 {group} 各组之间比较结构路径：度量不变性（因子载荷等同）不成立"
        "（至多为{level}），同一路径在各组的含义不同，比较没有意义。",
        "f_not_compared_inv": "未在 {group} 各组之间比较结构路径：无法评估测量不变性，而路径比较"
        "至少需要度量不变性（因子载荷等同）。",
        "f_paths_failed": "无法在 {group} 各组之间比较结构路径：{reason}",
        "f_free_inadmissible": "{group} 各组的多群组结构模型（路径自由估计、因子载荷等同）"
        "无法报告：{diagnosis}",
        "n_no_paths": "模型没有自由估计的结构路径：在 {group} 各组之间没有可比较的路径。",
        "n_no_latent_paths": "模型没有潜变量，无须检验测量不变性：直接在 {group} 各组之间比较了"
        "各条路径。",
        "n_method": "{group} 各组（{groups}；n = {sizes}）之间的多群组路径比较：先在各组同时估计"
        "结构模型，{held}，所有路径自由估计；再逐一将每条路径设为各组等同，用{test}与之比较"
        "（每条路径 Δdf = {ddf}），并将全部 {m} 条路径同时设为等同（总体检验）。“differs”"
        "表示 p < .05，未对 {m} 次检验作多重比较校正；p_holm 为 Holm 校正后的 p 值。差异不显著"
        "并不说明路径相等。",
        "held_loadings": "因子载荷设为等同（度量不变）",
        "held_thresholds": "因子载荷和阈值设为等同（度量不变，有序题项）",
        "held_none": "不设等同约束（模型没有潜变量）",
        "test_ml": "似然比（χ² 差异）检验",
        "test_robust": "Satorra–Bentler（2001）校正的 χ² 差异检验（{estimator}）",
        "test_wlsmv": "Satorra（2000）均值方差校正的 χ² 差异检验（WLSMV）",
        "not_tested": "（未检验：{reason}）",
        "omnibus": "全部路径（总体检验）",
        "arrow": " → ",
        "list_sep": "；",
        "group_sep": "、",
        "tab_note": "{group} 各组的多群组结构模型，{held}；b 为非标准化估计值，β 为各组的标准化"
        "估计值（std.all）。Δχ² 为将该路径设为各组等同的模型与全部路径自由估计的模型之间的 χ² "
        "差异（{test}）；最后一行将全部 {m} 条路径同时设为等同。“differs”：p < .05，未校正；"
        "p（Holm）为对 {m} 次检验的 Holm 校正。N = {n}（{sizes}）；估计方法 {estimator}。",
    },
}

_LEVEL_ZH = {"configural": "形态不变", "thresholds": "阈值不变", "metric": "度量不变",
             "scalar": "标量不变", "strict": "严格不变", "none": "无"}  # fmt: skip
_TERM_OPS = ("=~", "~", "~~")
#: the ``path`` of the omnibus row (all paths held equal together)
OMNIBUS = "all paths"
_CONSTRAINT_OPS = ("==", "<", ">")


def words(lang: str, key: str, **values: Any) -> str:
    """One of this module's sentences in *lang* ("en" or "zh"), filled in.

    Examples
    --------
    >>> words("en", "omnibus"), words("zh", "omnibus")
    ('all paths (omnibus)', '全部路径（总体检验）')
    """
    return _WORDS["zh" if lang == "zh" else "en"][key].format(**values)


def level_name(lang: str, level: str) -> str:
    """An invariance level as the report names it.

    Examples
    --------
    >>> level_name("zh", "metric"), level_name("en", "metric")
    ('度量不变（metric）', 'metric')
    """
    return f"{_LEVEL_ZH.get(level, level)}（{level}）" if lang == "zh" else level


def p_text(p: float) -> str:
    """A p value as APA writes it after "p": "< .001", else "= .054" (no leading zero).

    Examples
    --------
    >>> p_text(0.0000123), p_text(0.05421), p_text(1.0)
    ('< .001', '= .054', '= 1.000')
    """
    if p < 0.001:
        return "< .001"
    text = f"{p:.3f}"
    return "= " + (text[1:] if text.startswith("0") else text)


def holm(pvalues: Iterable[float]) -> np.ndarray:
    """Holm's (1979) step-down adjusted p values (NaN stays NaN and is not counted).

    # In R: p.adjust(p, method = "holm")

    Examples
    --------
    >>> holm([0.01, 0.04, 0.03, float("nan")]).round(3).tolist()
    [0.03, 0.06, 0.06, nan]
    """
    p = np.asarray(list(pvalues), dtype=float)
    out = np.full(p.shape, np.nan)
    ok = np.flatnonzero(np.isfinite(p))
    m = len(ok)
    order = ok[np.argsort(p[ok], kind="stable")]
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p[i]))
        out[i] = running
    return out


def _rename(text: str, names: dict[str, str]) -> str:
    """*text* with every whole-word name in *names* replaced."""
    if not names:
        return text
    keys = sorted(names, key=len, reverse=True)
    pattern = r"(?<![\w.])(" + "|".join(re.escape(k) for k in keys) + r")(?![\w.])"
    return re.sub(pattern, lambda m: names[m.group(1)], text)


def free_paths(model: str) -> list[tuple[str, str]]:
    """The free structural paths (``lhs ~ rhs``, no fixed value, not an intercept) of a
    model in lavaan syntax, in the order written.

    Examples
    --------
    >>> free_paths("F =~ x1 + x2\\nY ~ a*F + 0*Z + W\\nY ~ 1")
    [('Y', 'F'), ('Y', 'W')]
    """
    from cxlab.models.syntax import statements

    paths = []
    for st in statements(model):
        if st.op != "~":
            continue
        for term in st.terms:
            fixed = any(v is not None for v in term.fixed)
            if term.name != "1" and not fixed and (st.lhs, term.name) not in paths:
                paths.append((st.lhs, term.name))
    return paths


def group_syntax(model: str, n_groups: int, equal: Iterable[tuple[str, str]] = ()) -> str:
    """*model* rewritten for a multi-group fit with its structural paths free across the
    groups, except the paths in *equal* (``(lhs, rhs)`` pairs), which are held equal.

    A label ``L`` outside the loadings becomes ``c(L__g1, …, L__gK)`` (one per group: it
    still ties parameters within a group, as in the one-group model); ``:=`` lines and
    constraints are repeated per group with the labels (and defined names) renamed. A
    path in *equal* gets one label for all groups (its own, renamed ``L__g1``, or a new
    one). Loadings and terms written with ``c()`` stay as written.

    Examples
    --------
    >>> print(group_syntax("F =~ x1 + x2 + x3\\nY ~ a*F + X\\nind := a*2", 2))
    F =~ x1 + x2 + x3
    Y ~ c(a__g1, a__g2)*F + X
    ind__g1 := a__g1*2
    ind__g2 := a__g2*2
    >>> print(group_syntax("Y ~ a*F + X", 2, equal=[("Y", "F"), ("Y", "X")]))
    Y ~ c(a__g1, a__g1)*F + c(cx_equal_1, cx_equal_1)*X
    """
    from cxlab.models.syntax import statements

    parsed = statements(model)
    targets = set(equal)
    groups = range(1, n_groups + 1)
    labels: set[str] = set()
    defined: set[str] = set()
    for st in parsed:
        if st.op == ":=":
            defined.add(st.lhs)
        elif st.op in _TERM_OPS[1:]:
            for term in st.terms:
                if len(term.label) == 1 and term.label[0]:
                    labels.add(term.label[0])
    equal_labels = {
        term.label[0]
        for st in parsed
        if st.op == "~"
        for term in st.terms
        if (st.lhs, term.name) in targets and len(term.label) == 1 and term.label[0]
    }
    per_group = {
        name: [f"{name}__g1" if name in equal_labels else f"{name}__g{g}" for g in groups]
        for name in labels | defined
    }
    lines: list[str] = []
    new = 0
    for st in parsed:
        if st.op in _TERM_OPS[1:]:
            terms = []
            for term in st.terms:
                mods = [m for m in term.modifiers if _kept(m, term.label)]
                if len(term.label) > 1 or len(term.fixed) > 1:  # c() as written
                    terms.append(term.text)
                    continue
                if len(term.label) == 1 and term.label[0]:
                    mods.append(f"c({', '.join(per_group[term.label[0]])})")
                elif st.op == "~" and (st.lhs, term.name) in targets:
                    new += 1
                    mods.append(f"c({', '.join([f'cx_equal_{new}'] * n_groups)})")
                terms.append("*".join([*mods, term.name]))
            lines.append(f"{st.lhs} {st.op} {' + '.join(terms)}")
        elif st.op == ":=" or st.op in _CONSTRAINT_OPS:
            for g in groups:
                names = {k: v[g - 1] for k, v in per_group.items()}
                line = f"{_rename(st.lhs, names)} {st.op} {_rename(st.rhs, names)}"
                if line not in lines:
                    lines.append(line)
        else:
            lines.append(st.text)
    return "\n".join(lines)


def _kept(modifier: str, label: list[str | None]) -> bool:
    """A modifier that is not the term's label (a fixed value, NA, start())."""
    if modifier in label:
        return False
    return not modifier.startswith(("label(", "equal("))


@dataclass
class PathComparison:
    """The models and the table of :func:`compare_paths`."""

    table: pd.DataFrame
    free: Any
    equal: dict[str, Any] = field(default_factory=dict)
    test: str = ""
    groups: list[Any] = field(default_factory=list)
    group_equal: tuple[str, ...] = ()


def compare_paths(
    model: str,
    data: pd.DataFrame,
    group: str,
    *,
    group_equal: tuple[str, ...] = ("loadings",),
    estimator: str | None = None,
    missing: str = "listwise",
    ordered: list[str] | None = None,
) -> PathComparison:
    """Each free structural path of *model* held equal across *group* and tested against
    the model with all paths free (both with *group_equal* held equal), and all paths
    held equal together (the last row, ``path`` = "all paths", with two paths or more).

    Columns: ``path`` ("lhs ~ rhs"), ``lhs``, ``rhs``, ``est_<group>`` and
    ``std_<group>`` (unstandardised and std.all estimates of the free model, per group,
    in the order of ``fit.groups``), ``delta_chisq``, ``delta_df`` (int), ``pvalue``,
    ``p_holm`` (Holm over the paths; none for the omnibus row) and ``decision``
    ("differs" when p < .05, else "equal"). ``delta_chisq`` and ``pvalue`` are those of
    ``cx.sem.compare(free, equal)``.

    Raises
    ------
    cxlab.errors.EstimationError
        The free model is not admissible (its diagnosis in the message).
    cxlab.errors.DataError
        The model has no free structural path.

    Examples
    --------
    >>> import cxlab as cx
    >>> pd_ = cx.datasets.load("political_democracy")
    >>> pd_["half"] = ["a", "b"] * (len(pd_) // 2) + ["a"] * (len(pd_) % 2)
    >>> res = compare_paths("y1 ~ x1\\ny2 ~ y1", pd_, "half", group_equal=())
    >>> res.table[["path", "delta_df", "decision"]].values.tolist()
    [['y1 ~ x1', 1, 'equal'], ['y2 ~ y1', 1, 'equal'], ['all paths', 2, 'equal']]
    """
    from cxlab import sem

    paths = free_paths(model)
    if not paths:
        raise DataError("The model has no free structural path to compare across groups.")
    n_groups = int(data[group].nunique())
    options: dict[str, Any] = {"group": group, "group_equal": group_equal, "missing": missing}
    if ordered:
        options["ordered"] = ordered
    else:
        options["estimator"] = estimator
    free = sem.fit(group_syntax(model, n_groups), data, **options)
    if not free.admissible:
        raise EstimationError(free.diagnosis())
    est = free.estimates()
    groups = list(free.groups)
    rows = []
    equal: dict[str, Any] = {}
    keys = [f"{lhs} ~ {rhs}" for lhs, rhs in paths]
    tests = [[p] for p in paths]
    if len(paths) > 1:  # the omnibus test: all paths equal together
        keys, tests = [*keys, OMNIBUS], [*tests, paths]
    test_name = ""
    for key, held in zip(keys, tests, strict=True):
        row: dict[str, Any] = {"path": key}
        row["lhs"], row["rhs"] = held[0] if key != OMNIBUS else ("", "")
        for g, name in enumerate(groups, start=1):
            hit = est[(est.op == "~") & (est.lhs == row["lhs"]) & (est.rhs == row["rhs"])]
            hit = hit[hit.group == g]
            row[f"est_{name}"] = float(hit["est"].iloc[0]) if len(hit) else np.nan
            row[f"std_{name}"] = float(hit["std.all"].iloc[0]) if len(hit) else np.nan
        try:
            fitted = sem.fit(group_syntax(model, n_groups, held), data, **options)
            equal[key] = fitted
            table = sem.compare(free, fitted, names=["free", "equal"])
            test_name = table.attrs.get("test", test_name)
            last = table.iloc[-1]
            row["delta_chisq"] = float(last["delta_chisq"])
            row["delta_df"] = round(float(last["delta_df"]))
            row["pvalue"] = float(last["p_delta"])
        except (EstimationError, ModelSpecError, DataError, np.linalg.LinAlgError) as exc:
            row["delta_chisq"], row["delta_df"], row["pvalue"] = np.nan, pd.NA, np.nan
            row["error"] = " ".join(str(exc).split())
        rows.append(row)
    table = pd.DataFrame(rows)
    table["delta_df"] = table["delta_df"].astype("Int64")
    table.insert(table.columns.get_loc("pvalue") + 1, "p_holm", np.nan)
    table.loc[: len(paths) - 1, "p_holm"] = holm(table["pvalue"].iloc[: len(paths)])
    table["decision"] = [
        "not tested" if not np.isfinite(p) else "differs" if p < 0.05 else "equal"
        for p in table["pvalue"]
    ]
    table.attrs["test"] = test_name
    return PathComparison(table, free, equal, test_name, groups, tuple(group_equal))


#: invariance levels under which loadings are equal (structural paths comparable)
COMPARABLE = ("metric", "scalar", "strict")


def _settings(study: Any) -> tuple[str, str, list[str] | None, tuple[str, ...]]:
    """Estimator, missing-data method, ordered items and the equal parameters of the
    multi-group models (loadings; with WLSMV also thresholds; none without latent
    variables)."""
    estimator = str(study.settings.get("estimator") or "ML").upper()
    missing = study.settings.get("missing") or "listwise"
    ordered = None
    held: tuple[str, ...] = ("loadings",) if study.latent else ()
    if estimator == "WLSMV":
        ordered = list(study.settings.get("ordered") or [])
        ordered = ordered or sorted({i for items in study.scales.values() for i in items})
        held = ("thresholds", "loadings") if study.latent else ()
    return estimator, missing, ordered, held


def path_comparison(
    study: Any, group: str, level: str | None, diagnose: Callable[[str], str] | None = None
) -> None:
    """The multi-group path comparison of a report (:func:`compare_paths` on the study's
    model, data and settings), made only when *level* — the highest measurement
    invariance level that holds, ``"no latent"`` for a model without latent variables,
    None when invariance could not be assessed — allows it. Adds the table
    ``path_comparison``, ``numbers["path_comparison"]``, a finding and a note (section
    "invariance"), or a finding saying why no comparison was made. *diagnose* words the
    diagnosis of an inadmissible multi-group model (default: as it is).

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab.report._steps import Study
    >>> pd_ = cx.datasets.load("political_democracy")
    >>> pd_["half"] = ["a", "b"] * (len(pd_) // 2) + ["a"] * (len(pd_) % 2)
    >>> study = Study(source={}, model="F =~ y1 + y2\\nF ~ x1", settings={}, data=pd_)
    >>> study.latent, study.structural = ["F"], True
    >>> path_comparison(study, "half", "configural")
    >>> "path_comparison" in study.tables, study.findings[0].text[:53]
    (False, "The structural paths were not compared across 'half':")
    """
    lang, shown = study.lang, repr(group)
    if not study.structural:
        return
    if level is None:
        study.find("warning", "invariance", words(lang, "f_not_compared_inv", group=shown))
        study.numbers["path_comparison"] = {"group": group, "made": False, "reason": "none"}
        return
    if study.latent and level not in COMPARABLE:
        name = level_name(lang, level)
        study.find("warning", "invariance", words(lang, "f_not_compared", group=shown, level=name))
        study.numbers["path_comparison"] = {"group": group, "made": False, "reason": level}
        return
    paths = free_paths(study.model)
    if not paths:
        study.note("invariance", words(lang, "n_no_paths", group=shown))
        return
    estimator, missing, ordered, held = _settings(study)
    try:
        result = compare_paths(
            study.model, study.data, group, group_equal=held, estimator=estimator,
            missing=missing, ordered=ordered,
        )  # fmt: skip
    except EstimationError as exc:
        diagnosis = (diagnose or study.zh)(str(exc))
        study.find(
            "problem",
            "invariance",
            words(lang, "f_free_inadmissible", group=shown, diagnosis=diagnosis),
        )
        return
    except (DataError, ModelSpecError, ValueError, ArithmeticError) as exc:
        reason = study.zh(" ".join(str(exc).split()) or type(exc).__name__)
        study.find(
            "warning", "invariance", words(lang, "f_paths_failed", group=shown, reason=reason)
        )
        return
    table = result.table
    study.tables["path_comparison"] = table
    study.fits["sem_groups"] = result.free
    _path_words(study, group, level, result, estimator)


def _arrow(study: Any, lhs: str, rhs: str) -> str:
    named = study.labels.named
    return f"{named(rhs)}{words(study.lang, 'arrow')}{named(lhs)}"


def _sizes(fit: Any) -> str:
    """The group sizes of a multi-group fit: "business 240, leisure 360"."""
    return ", ".join(f"{g} {int(mo.n)}" for g, mo in zip(fit.groups, fit.ram_.moments, strict=True))


def _held(group_equal: Iterable[str]) -> str:
    return {(): "held_none", ("loadings",): "held_loadings"}.get(
        tuple(group_equal), "held_thresholds"
    )


def _test_words(lang: str, test: str, estimator: str) -> str:
    if test.startswith("Satorra-Bentler"):
        return words(lang, "test_robust", estimator=estimator)
    if test.startswith("Satorra (2000)"):
        return words(lang, "test_wlsmv")
    return words(lang, "test_ml")


def _path_words(study: Any, group: str, level: str, result: PathComparison, estimator: str) -> None:
    """The finding, the method note and ``numbers["path_comparison"]`` of a comparison."""
    lang, table = study.lang, result.table
    paths = table[table["path"] != OMNIBUS]
    omnibus = table.iloc[-1]  # the omnibus row, or the one path's test
    differ = paths[paths["decision"] == "differs"]
    m, k = len(paths), len(differ)
    listed = words(lang, "list_sep").join(
        words(
            lang,
            "path_test",
            path=_arrow(study, r.lhs, r.rhs),
            df=r.delta_df,
            chisq=f"{r.delta_chisq:.2f}",
            p=p_text(r.pvalue),
        )
        for r in differ.itertuples()
    )
    groups = words(lang, "group_sep").join(str(g) for g in result.groups)
    test = _test_words(lang, result.test, estimator)
    if np.isfinite(omnibus["pvalue"]):
        key = "f_paths" if study.latent else "f_paths_observed"
        text = words(
            lang, key, group=repr(group), groups=groups, level=level_name(lang, level),
            k=k, m=m, which=words(lang, "which", paths=listed) if k else "",
            omnibus=words(
                lang, "omnibus_test", df=omnibus["delta_df"], p=p_text(omnibus["pvalue"]),
                chisq=f"{omnibus['delta_chisq']:.2f}",
            ) if m > 1 else "",
        )  # fmt: skip
        study.find("note", "invariance", text)
    failed = table[table["decision"] == "not tested"]
    if len(failed):
        reason = words(lang, "list_sep").join(
            f"{r.path}: {study.zh(r.error)}" for r in failed.itertuples()
        )
        study.find("warning", "invariance", words(lang, "f_paths_failed", group=repr(group),
                                                  reason=reason))  # fmt: skip
    if not study.latent:
        study.note("invariance", words(lang, "n_no_latent_paths", group=repr(group)))
    study.note(
        "invariance",
        words(
            lang, "n_method", group=repr(group), groups=groups, sizes=_sizes(result.free),
            held=words(lang, _held(result.group_equal)), test=test,
            ddf=len(result.groups) - 1, m=m,
        ),
    )  # fmt: skip
    study.numbers["path_comparison"] = {
        "group": group,
        "made": True,
        "groups": [str(g) for g in result.groups],
        "invariance_level": level,
        "group_equal": list(result.group_equal),
        "test": result.test,
        "estimator": estimator,
        "n_paths": m,
        "n_differ": k,
        "omnibus": {
            "delta_chisq": float(omnibus["delta_chisq"]),
            "delta_df": int(omnibus["delta_df"]) if pd.notna(omnibus["delta_df"]) else None,
            "pvalue": float(omnibus["pvalue"]),
        },
    }


def table_note(study: Any) -> str | None:
    """The note of the APA table of the path comparison (Table 7) in the report's
    language, or None when no comparison was made.

    Examples
    --------
    >>> from cxlab.report._steps import Study
    >>> table_note(Study(source={}, model="", settings={})) is None
    True
    """
    info = study.numbers.get("path_comparison", {})
    fit = study.fits.get("sem_groups")
    if not info.get("made") or fit is None:
        return None
    lang = study.lang
    return words(
        lang, "tab_note", group=repr(info["group"]), held=words(lang, _held(info["group_equal"])),
        test=_test_words(lang, info["test"], info["estimator"]), m=info["n_paths"],
        n=int(fit.fit_measures["n"]), sizes=_sizes(fit), estimator=info["estimator"],
    )  # fmt: skip
