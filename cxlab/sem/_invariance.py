"""Measurement invariance across groups: configural, metric, scalar and strict models,
compared with likelihood-ratio tests and with the changes in CFI, RMSEA and SRMR that
Chen (2007) recommends.

Each level adds equality constraints (lavaan's ``group.equal``): metric = equal
loadings, scalar = + equal intercepts (factor means free in groups 2…), strict = + equal
residual variances. A level "holds" when the fit does not get meaningfully worse than
at the previous level: by Chen (2007, for groups of n ≥ 300) non-invariance is
indicated by ΔCFI ≤ −.010 together with ΔRMSEA ≥ .015 or ΔSRMR ≥ .030 (metric) /
≥ .010 (scalar, strict). The χ² difference test is reported too; with large samples it
rejects trivial differences, which is why the Δ-fit rules exist.

# In R: semTools::measurementInvariance() (deprecated) or lavaan::lavTestLRT() on
# cfa(..., group = , group.equal = c("loadings", "intercepts", "residuals")).

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

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from cxlab.viz import Lang

__all__ = ["LEVELS", "InvarianceResult", "invariance"]

LEVELS: dict[str, tuple[str, ...]] = {
    "configural": (),
    "metric": ("loadings",),
    "scalar": ("loadings", "intercepts"),
    "strict": ("loadings", "intercepts", "residuals"),
}
_SRMR_CUT = {"metric": 0.030, "scalar": 0.010, "strict": 0.010}
#: the words of :meth:`InvarianceResult.plot`, by language (the levels as the zh lessons
#: name them)
_WORDS: dict[str, dict[str, Any]] = {
    "en": {
        "levels": {lvl: lvl for lvl in (*LEVELS, "none")},
        "right": "RMSEA, SRMR",
        "title": "Invariance across {group}: highest level that holds: {level}",
    },
    "zh": {
        "levels": {
            "configural": "形态不变",
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
        cols = [
            "level",
            "chisq",
            "df",
            "cfi",
            "rmsea",
            "srmr",
            "delta_chisq",
            "delta_df",
            "p_delta",
            "delta_cfi",
            "delta_rmsea",
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
            for axis, col, color in (
                (ax, "cfi", "#2c7fb8"),
                (right, "rmsea", "#e8a33d"),
                (right, "srmr", "#7b3294"),
            ):
                values = self.table[col].to_numpy(dtype=float)
                lines += axis.plot(x, values, "-", color=color, label=col.upper())
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


def invariance(
    model: str,
    data: pd.DataFrame,
    group: str,
    *,
    levels: tuple[str, ...] = ("configural", "metric", "scalar", "strict"),
    std_lv: bool = False,
    estimator: str = "ML",
    missing: str = "listwise",
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

    Examples
    --------
    >>> import cxlab as cx
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> model = "visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6\\nspeed =~ x7 + x8 + x9"
    >>> res = cx.sem.invariance(model, hs, "school", levels=("configural", "metric"),
    ...                         estimator="MLR")
    >>> float(res.table["delta_chisq"].iloc[1].round(3)), res.table.attrs["test"][:15]
    (6.567, 'Satorra-Bentler')
    """
    data = as_frame(data)
    unknown = [lvl for lvl in levels if lvl not in LEVELS]
    if unknown or not levels or levels[0] != "configural":
        raise DataError(
            f"levels must start with 'configural' and use {', '.join(LEVELS)}; got {levels!r}."
        )
    if group not in data.columns:
        raise DataError(f"group={group!r} is not a column of the data.")
    if data[group].nunique() < 2:
        raise DataError(f"Invariance needs at least two groups; {group!r} has one value.")
    fits: dict[str, SEMFit] = {}
    for level in levels:
        fitted = fit(
            model,
            data,
            group=group,
            group_equal=LEVELS[level],
            std_lv=std_lv,
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
    robust = "cfi_robust" in table.columns
    cfi, rmsea = (
        (table["cfi_robust"], table["rmsea_robust"]) if robust else (table.cfi, table.rmsea)
    )
    d_cfi, d_rmsea = cfi.diff(), rmsea.diff()
    word = " (robust)" if robust else ""
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
