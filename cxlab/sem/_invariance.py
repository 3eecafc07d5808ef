"""Measurement invariance across groups: configural, metric, scalar and strict models,
compared with likelihood-ratio tests and with the changes in CFI, RMSEA and SRMR that
Chen (2007) recommends.

With ordered items (``ordered=[...]``, lavaan's WLSMV) the levels are those of Wu &
Estabrook (2016): configural, thresholds (equal thresholds), metric (+ equal loadings),
scalar (+ equal intercepts), identified as semTools' ``measEq.syntax(ID.fac = "std.lv",
ID.cat = "Wu.Estabrook.2016", parameterization = "delta")`` (see :func:`invariance`).

Each level adds equality constraints (lavaan's ``group.equal``): metric = equal
loadings, scalar = + equal intercepts (factor means free in groups 2…), strict = + equal
residual variances. A level "holds" when the fit does not get meaningfully worse than
at the previous level: by Chen (2007, for groups of n ≥ 300) non-invariance is
indicated by ΔCFI ≤ −.010 together with ΔRMSEA ≥ .015 or ΔSRMR ≥ .030 (metric) /
≥ .010 (scalar, strict). The χ² difference test is reported too; with large samples it
rejects trivial differences, which is why the Δ-fit rules exist.

# In R: semTools::measurementInvariance() (deprecated) or lavaan::lavTestLRT() on
# cfa(..., group = , group.equal = c("loadings", "intercepts", "residuals")).
# Ordered items: lavTestLRT() on cfa(as.character(semTools::measEq.syntax(...,
# ID.fac = "std.lv", ID.cat = "Wu.Estabrook.2016")), ordered = ...).

Examples
--------
>>> import cxlab as cx
>>> hs = cx.datasets.load("holzinger_swineford")
>>> model = "visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6\\nspeed =~ x7 + x8 + x9"
>>> result = cx.sem.invariance(model, hs, group="school")
>>> result.table[["level", "df", "delta_df"]].values.tolist()[:2]
[['configural', 48, nan], ['metric', 54, 6.0]]
>>> result.table["holds"].tolist()
[True, True, False, False]
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from cxlab._conventions import as_frame
from cxlab.errors import DataError, InadmissibleSolutionError
from cxlab.sem.effects import compare
from cxlab.sem.fitting import SEMFit, fit
from cxlab.sem.ordinal import fit_ordered

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from cxlab.viz import Lang

__all__ = ["LEVELS", "LEVELS_ORDERED", "InvarianceResult", "invariance"]

LEVELS: dict[str, tuple[str, ...]] = {
    "configural": (),
    "metric": ("loadings",),
    "scalar": ("loadings", "intercepts"),
    "strict": ("loadings", "intercepts", "residuals"),
}
#: the levels for ordered items (Wu & Estabrook 2016; ``group_equal`` of each)
LEVELS_ORDERED: dict[str, tuple[str, ...]] = {
    "configural": (),
    "thresholds": ("thresholds",),
    "metric": ("thresholds", "loadings"),
    "scalar": ("thresholds", "loadings", "intercepts"),
}
_SRMR_CUT = {"thresholds": 0.030, "metric": 0.030, "scalar": 0.010, "strict": 0.010}
#: the words of :meth:`InvarianceResult.plot`, by language (the levels as the zh lessons
#: name them)
_WORDS: dict[str, dict[str, Any]] = {
    "en": {
        "levels": {lvl: lvl for lvl in (*LEVELS, "thresholds", "none")},
        "right": "RMSEA, SRMR",
        "title": "Invariance across {group}: highest level that holds: {level}",
    },
    "zh": {
        "levels": {
            "configural": "形态不变",
            "thresholds": "阈值不变",
            "metric": "度量不变",
            "scalar": "标量不变",
            "strict": "严格不变",
            "none": "无",
        },
        "right": "RMSEA、SRMR",
        "title": "{group} 各组之间的测量不变性：成立的最高一级为{level}",
    },
}


@dataclass
class InvarianceResult:
    """The models (``fits``) and the comparison ``table`` (one row per level):
    ``summary()`` (text with the conclusion), ``to_frame()`` (the table) and ``plot()``
    (CFI, RMSEA and SRMR by level)."""

    table: pd.DataFrame
    fits: dict[str, SEMFit]
    group: str

    def summary(self) -> str:
        """The comparison table as text with a one-line conclusion.

        # In R: semTools::compareFit(configural, metric, scalar, strict)

        Examples
        --------
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> model = "visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6"
        >>> res = cx.sem.invariance(model, hs, "school", levels=("configural", "metric"))
        >>> print(res.summary().splitlines()[-1])
        Highest level that holds (Chen 2007): metric.
        """
        cfi, rmsea = _fit_columns(self.table)
        cols = [
            "level",
            "chisq",
            "df",
            *(["chisq_scaled"] if cfi == "cfi_scaled" else []),
            cfi,
            rmsea,
            "srmr",
            "delta_chisq",
            "delta_df",
            "p_delta",
            f"delta_{cfi}",
            f"delta_{rmsea}",
            "delta_srmr",
            "holds",
        ]
        return (
            self.table[cols].round(3).to_string(index=False)
            + f"\nHighest level that holds (Chen 2007): {self._highest()}."
        )

    def _highest(self) -> str:
        holding = [
            lvl for lvl, ok in zip(self.table["level"], self.table["holds"], strict=True) if ok
        ]
        return holding[-1] if holding else "none"

    def to_frame(self) -> pd.DataFrame:
        """The comparison table, one row per level (columns: see :func:`invariance`).

        Examples
        --------
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> model = "visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6"
        >>> res = cx.sem.invariance(model, hs, "school", levels=("configural", "metric"))
        >>> res.to_frame()[["level", "df", "holds"]]
                level  df  holds
        0  configural  16   True
        1      metric  20   True
        """
        return self.table.copy()

    def plot(self, *, ax: Axes | None = None, lang: Lang | None = None) -> Axes:
        """CFI (left axis) and RMSEA and SRMR (right axis) at each level, the levels that
        hold marked with filled points; returns the matplotlib Axes (of CFI). ``lang``
        ("en" or "zh") is the language of the title and level names; default: the
        notebook's (:func:`cxlab.viz.language`, set by ``cx.viz.set_theme(lang=...)``).

        Examples
        --------
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> model = "visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6"
        >>> res = cx.sem.invariance(model, hs, "school", levels=("configural", "metric"))
        >>> [t.get_text() for t in res.plot().get_xticklabels()]
        ['configural', 'metric']
        >>> [t.get_text() for t in res.plot(lang="zh").get_xticklabels()]
        ['形态不变', '度量不变']
        """
        import matplotlib
        import matplotlib.pyplot as plt

        from cxlab.viz import figure_words, refont

        lang, words, family = figure_words(lang, _WORDS)
        with matplotlib.rc_context({"font.family": family}):
            if ax is None:
                _, ax = plt.subplots(figsize=(6, 3.5))
            x = list(range(len(self.table)))
            holds = self.table["holds"].to_numpy(dtype=bool)
            right = ax.twinx()
            lines = []
            scaled = _fit_columns(self.table)[0] == "cfi_scaled"
            for axis, col, color in (
                (ax, "cfi", "#2c7fb8"),
                (right, "rmsea", "#e8a33d"),
                (right, "srmr", "#7b3294"),
            ):
                name = f"{col}_scaled" if scaled and col != "srmr" else col
                values = self.table[name].to_numpy(dtype=float)
                label = col.upper() + (" (scaled)" if name != col else "")
                lines += axis.plot(x, values, "-", color=color, label=label)
                axis.scatter([i for i in x if holds[i]], values[holds], color=color, zorder=3)
                axis.scatter(
                    [i for i in x if not holds[i]],
                    values[~holds],
                    facecolor="white",
                    edgecolor=color,
                    zorder=3,
                )
            ax.set_xticks(x, [words["levels"][lvl] for lvl in self.table["level"]])
            ax.set_ylabel("CFI")
            right.set_ylabel(words["right"])
            level = words["levels"][self._highest()]
            ax.set_title(words["title"].format(group=self.group, level=level))
            ax.legend(lines, [ln.get_label() for ln in lines], frameon=False, fontsize="small")
            for axis in (ax, right):  # also texts of an axes made before
                refont(axis, family)
        return ax

    def _repr_html_(self) -> str:
        title = f"Measurement invariance across {self.group}"
        text = f"highest level that holds (Chen 2007): {self._highest()}"
        shown = self.table.round(3).to_html(index=False, na_rep="", escape=True)
        return f"<p><b>{html.escape(title)}</b> — {html.escape(text)}</p>{shown}"

    def __repr__(self) -> str:
        return f"InvarianceResult(group={self.group!r}, levels={list(self.fits)})"


def _fit_columns(table: pd.DataFrame) -> tuple[str, str]:
    """The CFI and RMSEA columns that Chen's rules read: scaled (WLSMV), robust (MLR,
    MLM) or ML."""
    if "cfi_scaled" in table.columns:
        return "cfi_scaled", "rmsea_scaled"
    if "cfi_robust" in table.columns:
        return "cfi_robust", "rmsea_robust"
    return "cfi", "rmsea"


def invariance(
    model: str,
    data: pd.DataFrame,
    group: str,
    *,
    levels: tuple[str, ...] | None = None,
    std_lv: bool | None = None,
    estimator: str | None = None,
    missing: str = "listwise",
    ordered: list[str] | tuple[str, ...] | None = None,
) -> InvarianceResult:
    """Fit the model at each invariance level across *group* and compare the fits.

    Columns of ``table``: level, npar, chisq, df, pvalue, cfi, tli, rmsea, rmsea_ci_low,
    rmsea_ci_high, srmr, aic, bic; against the previous level delta_chisq, delta_df,
    p_delta (likelihood-ratio test), delta_cfi, delta_rmsea, delta_srmr; and ``holds``
    (Chen's rule; the configural model holds when it is admissible and fits acceptably:
    CFI ≥ .90 and RMSEA ≤ .10, lenient bounds stated in the ``note`` column). ``data`` is
    a DataFrame or a Survey.

    ``estimator="MLR"`` (or ``"MLM"``) fits every level with robust SEs and scaled χ²
    (see :func:`cxlab.sem.fit`); the χ² differences are then Satorra–Bentler (2001)
    scaled, and Chen's rules read the robust CFI and RMSEA (``cfi_robust``,
    ``rmsea_robust``; lavaan's ``cfi.robust``, ``rmsea.robust``). ``missing="fiml"`` uses
    incomplete rows (with MLR: lavaan's ``estimator = "MLR", missing = "ml"``).

    # In R: lavTestLRT(configural, metric, scalar) with estimator = "MLR"

    ``ordered=[...]`` (the model's items are ordered categories) fits every level by
    lavaan's WLSMV (:func:`cxlab.sem.ordinal.fit_ordered`) with the levels of Wu &
    Estabrook (2016), identified as semTools' ``measEq.syntax(ID.fac = "std.lv",
    ID.cat = "Wu.Estabrook.2016", parameterization = "delta")``: factor variances 1 and
    means 0 in every group, then in groups 2…

    * configural: thresholds and loadings free, item intercepts 0, scale factors 1 (the
      same fit as lavaan's default configural model);
    * thresholds: thresholds equal; the items' intercepts and scale factors (``~*~``)
      free — so only the spacing of an item's thresholds is tested, a common shift of all
      of them is an intercept difference;
    * metric: + loadings equal; the factor variances free;
    * scalar: + intercepts equal (0 again); the factor means free — the same fit as
      lavaan's ``group.equal = c("thresholds", "loadings")`` with its default
      identification.

    "strict" is not available for ordered items: in the delta parameterisation the
    residual variances are not parameters (semTools refuses it too). ``std_lv`` must be
    left out or True (Wu & Estabrook's rules here are for std.lv; the fit of each level
    does not depend on it, the estimates in ``fits`` are in that metric). The χ²
    differences are Satorra's (2000) scaled-and-shifted test (lavaan's ``lavTestLRT()``
    default for WLSMV) and Chen's rules read the scaled CFI and RMSEA (``cfi_scaled``,
    ``rmsea_scaled``; lavaan's ``cfi.scaled``, ``rmsea.scaled``) — Chen's cut-offs come
    from continuous data fitted by ML, so for ordered items they are a rough guide; at the
    thresholds level the metric cut-off for ΔSRMR (.030) is used.

    # In R: lavTestLRT(configural, thresholds, metric, scalar) on WLSMV fits of
    # measEq.syntax(model, ordered =, group =, ID.fac = "std.lv",
    #               ID.cat = "Wu.Estabrook.2016", group.equal = ...)

    Examples
    --------
    >>> import cxlab as cx
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> model = "visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6\\nspeed =~ x7 + x8 + x9"
    >>> res = cx.sem.invariance(model, hs, "school", levels=("configural", "metric"),
    ...                         estimator="MLR")
    >>> float(res.table["delta_chisq"].iloc[1].round(3)), res.table.attrs["test"][:15]
    (6.567, 'Satorra-Bentler')

    Ordered items (five-point answers of two channels):

    >>> from cxlab.sem.ordinal import _example_data
    >>> answers = _example_data(n=600)
    >>> answers["channel"] = ["store", "online"] * 300
    >>> res = cx.sem.invariance("F =~ y1 + y2 + y3\\nG =~ y4 + y5 + y6", answers, "channel",
    ...                         ordered=[f"y{j}" for j in range(1, 7)])
    >>> res.table[["level", "df", "delta_df"]].values.tolist()
    [['configural', 16, nan], ['thresholds', 22, 6.0], ['metric', 26, 4.0], ['scalar', 30, 4.0]]
    """
    data = as_frame(data)
    if ordered:
        names = LEVELS_ORDERED
        levels = tuple(LEVELS_ORDERED) if levels is None else tuple(levels)
        if "strict" in levels:
            raise DataError(
                "level 'strict' with ordered items: in lavaan's delta parameterisation the "
                "items' residual variances are not parameters, so their equality cannot be "
                "tested (semTools refuses it too). Use levels up to 'scalar'."
            )
        if std_lv is False:
            raise DataError(
                "std_lv=False with ordered items: the Wu & Estabrook (2016) levels are "
                "identified by the factor variances (semTools' ID.fac = 'std.lv', which "
                "semTools recommends for ordered items). Leave std_lv out; the fit of each "
                "level is the same either way."
            )
        if estimator is not None and str(estimator).upper() != "WLSMV":
            raise DataError(
                f"estimator={estimator!r} with ordered items: they are fitted by WLSMV. Leave "
                "estimator out, or drop ordered= to treat the items as continuous."
            )
    else:
        names = LEVELS
        levels = ("configural", "metric", "scalar", "strict") if levels is None else levels
        estimator = "ML" if estimator is None else estimator
        std_lv = bool(std_lv)
    unknown = [lvl for lvl in levels if lvl not in names]
    if unknown or not levels or levels[0] != "configural":
        raise DataError(
            f"levels must start with 'configural' and use {', '.join(names)}; got {levels!r}."
        )
    if group not in data.columns:
        raise DataError(f"group={group!r} is not a column of the data.")
    if data[group].nunique() < 2:
        raise DataError(f"Invariance needs at least two groups; {group!r} has one value.")
    fits: dict[str, SEMFit] = {}
    for level in levels:
        if ordered:
            fitted = fit_ordered(
                model,
                data,
                ordered,
                group=group,
                group_equal=LEVELS_ORDERED[level],
                std_lv=True,
                missing=missing,
                identification="wu.estabrook.2016",
            )
        else:
            fitted = fit(
                model,
                data,
                group=group,
                group_equal=LEVELS[level],
                std_lv=bool(std_lv),
                estimator=estimator,
                missing=missing,
            )
        if not fitted.admissible:
            raise InadmissibleSolutionError(
                f"The {level} model across {group!r} is not admissible, so invariance cannot be "
                f"assessed.\n{fitted.diagnosis()}"
            )
        fits[level] = fitted
    table = compare(*fits.values(), names=list(fits)).rename(columns={"model": "level"})
    cfi_col, rmsea_col = _fit_columns(table)
    cfi, rmsea = table[cfi_col], table[rmsea_col]
    d_cfi, d_rmsea = cfi.diff(), rmsea.diff()
    word = {"cfi_robust": " (robust)", "cfi_scaled": " (scaled)"}.get(cfi_col, "")
    holds, notes = [], []
    for k, row in enumerate(table.itertuples()):
        if row.level == "configural":
            ok = cfi[k] >= 0.90 and rmsea[k] <= 0.10
            holds.append(bool(ok))
            notes.append(
                "configural fit acceptable (CFI ≥ .90, RMSEA ≤ .10)"
                if ok
                else "configural fit poor: fix the model before testing invariance"
            )
            continue
        worse = d_cfi[k] <= -0.010 and (
            d_rmsea[k] >= 0.015 or row.delta_srmr >= _SRMR_CUT[row.level]
        )
        holds.append(bool(not worse and holds[-1]))
        if not holds[-2]:
            notes.append("not interpretable: a lower level does not hold")
        elif worse:
            notes.append(
                f"ΔCFI{word} = {d_cfi[k]:.3f} with ΔRMSEA{word} = {d_rmsea[k]:.3f} / "
                f"ΔSRMR = {row.delta_srmr:.3f}: invariance rejected"
            )
        else:
            notes.append(f"ΔCFI{word} = {d_cfi[k]:.3f}: invariance holds")
    table["holds"] = holds
    table["note"] = notes
    return InvarianceResult(table, fits, group)
