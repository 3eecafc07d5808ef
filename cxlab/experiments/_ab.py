"""The A/B test of a CX metric, :func:`ab_test` (private; public through
:mod:`cxlab.experiments`).

The difference and its test come from :func:`cxlab.metrics.compare` for NPS (z test of
the NPS difference, adjusted-Wald interval; Rocks 2016) and for proportions (compare's
CSAT branch on a 0/1 scale with one top box: two-proportion z test, unpooled SE for the
interval, pooled SE for the test — in R ``prop.test(correct = FALSE)``); means use
Welch's t (scipy; in R ``t.test(var.equal = FALSE)``), as compare does for CES. On top:
the sample-ratio-mismatch test and the balance of covariates between the arms.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd
from scipy import stats

from cxlab._conventions import as_frame
from cxlab.errors import DataError
from cxlab.experiments._checks import (
    balance_table,
    joint_balance_test,
    require_columns,
    srm_test,
    two_arms,
)
from cxlab.experiments._words import join, translate, words

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from cxlab.viz import Lang

__all__ = ["SRM_ALPHA", "ABTestResult", "ab_test"]

#: p-value below which the sample ratio counts as mismatched (a strict threshold, since
#: the check runs on every test and a mismatch invalidates the comparison)
SRM_ALPHA = 0.001

_WORDS = {
    "en": {
        "title": "A/B test: {metric} by group ({level:.0%} CI)",
        "nps": "NPS",
        "proportion": "rate (%)",
        "mean": "mean",
        "control": "control",
        "treatment": "treatment",
    },
    "zh": {
        "title": "A/B 测试：各组 {metric}（{level:.0%} 置信区间）",
        "nps": "净推荐值 (NPS)",
        "proportion": "比率 (%)",
        "mean": "均值",
        "control": "对照组",
        "treatment": "实验组",
    },
}


def _p(p: float) -> str:
    return "p < 0.001" if p < 0.001 else f"p = {p:.3f}"


@dataclass
class ABTestResult:
    """Result of :func:`ab_test`.

    Attributes
    ----------
    kind, metric, group, control, treatment, level
        What was compared.
    groups : DataFrame
        One row per arm (control first): ``group, n, est, se, ci_low, ci_high`` (NPS in
        points, rates in %, means in the metric's units).
    difference : DataFrame
        One row, treatment − control: ``est, se, z, pvalue, ci_low, ci_high, test``
        (``z`` holds Welch's t for means).
    srm : dict
        Sample ratio mismatch: counts, planned and observed control share, ``chi2``,
        ``pvalue``; ``mismatch`` is True when pvalue < :data:`SRM_ALPHA`.
    balance : DataFrame or None
        Per covariate: ``mean_control, mean_treatment, smd, pvalue, flag`` (|SMD| > 0.1).
    balance_test : dict or None
        Joint likelihood-ratio test that the covariates predict the arm.
    """

    kind: str
    metric: str
    group: str
    control: Any
    treatment: Any
    level: float
    groups: pd.DataFrame
    difference: pd.DataFrame
    srm: dict[str, Any]
    balance: pd.DataFrame | None = None
    balance_test: dict[str, Any] | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def est(self) -> float:
        """The difference treatment − control."""
        return float(self.difference["est"].iloc[0])

    @property
    def pvalue(self) -> float:
        """The p-value of the difference."""
        return float(self.difference["pvalue"].iloc[0])

    def to_frame(self) -> pd.DataFrame:
        """The difference (one row): ``contrast, est, se, z, pvalue, ci_low, ci_high, test``.

        Examples
        --------
        >>> import pandas as pd, cxlab as cx
        >>> df = pd.DataFrame({"arm": ["A"] * 50 + ["B"] * 50,
        ...                    "buy": [1, 0, 0, 0, 0] * 10 + [1, 1, 0, 0, 0] * 10})
        >>> res = cx.experiments.ab_test(df, "buy", "arm", kind="proportion")
        >>> res.to_frame()[["contrast", "est", "ci_low", "ci_high"]].round(2)
          contrast   est  ci_low  ci_high
        0    B - A  20.0    2.47    37.53
        """
        return self.difference

    def summary(self, lang: Lang | None = None) -> str:
        """The result in plain words: the difference with its interval, and the checks.

        ``lang`` ("en"/"zh"): the language of the text, by default the notebook's
        (:func:`cxlab.viz.language`); the numbers are the same in both.

        Examples
        --------
        >>> import pandas as pd, cxlab as cx
        >>> df = pd.DataFrame({"arm": ["A"] * 50 + ["B"] * 50,
        ...                    "buy": [1, 0, 0, 0, 0] * 10 + [1, 1, 0, 0, 0] * 10})
        >>> print(cx.experiments.ab_test(df, "buy", "arm", kind="proportion").summary())
        A/B test of buy (rate in %): B 40.00 (n = 50) vs A (control) 20.00 (n = 50).
        Difference B - A: +20.00 percentage points, 95% CI 2.47 to 37.53, p = 0.029 (two-proportion z test).
        The difference is statistically significant at the 5% level: B is higher.
        Sample ratio: 50 vs 50 against a planned control share of 50% (chi2 = 0.00, p = 1.000): no mismatch.
        >>> res = cx.experiments.ab_test(df, "buy", "arm", kind="proportion")
        >>> print(res.summary(lang="zh").splitlines()[2])
        差异在 5% 的水平上统计显著：B 更高。
        """  # noqa: E501
        w = words(lang)
        g = self.groups.set_index("group")
        d = self.difference.iloc[0]
        c, t = self.control, self.treatment
        alpha = 1 - self.level
        lines = [
            w["ab_head"].format(
                metric=self.metric,
                name=w["ab_name"][self.kind],
                t=t,
                t_est=g.loc[t, "est"],
                t_n=int(g.loc[t, "n"]),
                c=c,
                c_est=g.loc[c, "est"],
                c_n=int(g.loc[c, "n"]),
            ),
            w["ab_diff"].format(
                t=t,
                c=c,
                est=d["est"],
                unit=w["ab_unit"][self.kind],
                level=self.level,
                lo=d["ci_low"],
                hi=d["ci_high"],
                p=_p(d["pvalue"]),
                test=translate(d["test"], lang),
            ),
        ]
        if d["pvalue"] < alpha:
            side = w["ab_higher"] if d["est"] > 0 else w["ab_lower"]
            lines.append(w["ab_sig"].format(alpha=alpha, t=t, side=side))
        else:
            lines.append(w["ab_not_sig"].format(alpha=alpha, lo=d["ci_low"], hi=d["ci_high"]))
        s = self.srm
        lines.append(
            w["srm"].format(
                nc=s["n_control"],
                nt=s["n_treatment"],
                share=s["planned_control_share"],
                chi2=s["chi2"],
                p=_p(s["pvalue"]),
                verdict=w["srm_bad"] if s["mismatch"] else w["srm_ok"],
            )
        )
        if self.balance is not None and self.balance_test is not None:
            flagged = list(self.balance.loc[self.balance["flag"], "covariate"])
            smd = w["smd_flag"].format(names=join(flagged, lang)) if flagged else w["smd_ok"]
            lines.append(
                w["balance"].format(k=len(self.balance), p=_p(self.balance_test["pvalue"]), smd=smd)
            )
        lines.extend(w["warning"].format(w=translate(note, lang)) for note in self.warnings)
        return "\n".join(lines)

    def plot(self, *, ax: Axes | None = None, lang: Lang | None = None) -> Axes:
        """Both groups' metric with its confidence interval.

        ``lang`` ("en"/"zh"): the language of the figure, by default the notebook's.

        Examples
        --------
        >>> import pandas as pd, cxlab as cx
        >>> df = pd.DataFrame({"arm": ["A"] * 50 + ["B"] * 50,
        ...                    "buy": [1, 0, 0, 0, 0] * 10 + [1, 1, 0, 0, 0] * 10})
        >>> ax = cx.experiments.ab_test(df, "buy", "arm", kind="proportion").plot(lang="zh")
        >>> ax.get_xlabel()
        '比率 (%)'
        >>> cx.viz.plt.close(ax.figure)
        """
        import matplotlib
        import matplotlib.pyplot as plt

        from cxlab.viz import figure_words, refont

        lang, words, family = figure_words(lang, _WORDS)
        t = self.groups.iloc[::-1]
        with matplotlib.rc_context({"font.family": family}):
            ax = ax or plt.subplots(figsize=(6, 2.4))[1]
            names = [
                f"{g} ({words['control'] if g == self.control else words['treatment']})"
                for g in t["group"]
            ]
            err = np.array([t["est"] - t["ci_low"], t["ci_high"] - t["est"]])
            colors = ["C1" if g == self.treatment else "C0" for g in t["group"]]
            for y, (x, e, col) in enumerate(zip(t["est"], err.T, colors, strict=True)):
                ax.errorbar([x], [y], xerr=e.reshape(2, 1), fmt="o", capsize=4, color=col)
            ax.set_yticks(range(len(names)), names)
            ax.set_ylim(-0.6, len(names) - 0.4)
            ax.set(
                xlabel=words[self.kind],
                ylabel="",
                title=words["title"].format(metric=self.metric, level=self.level),
            )
            ax.grid(axis="x", alpha=0.3)
            refont(ax, family)
        return ax

    def _repr_html_(self) -> str:
        text = "<br>".join(escape(line) for line in self.summary().splitlines())
        return f"<p>{text}</p>" + self.groups.round(3).to_html(index=False)

    def __repr__(self) -> str:
        return self.summary()


def _check_outcome(values: pd.Series, kind: str, metric: str) -> pd.Series:
    """The metric as floats; DataError naming bad rows."""
    if kind == "proportion":
        if pd.api.types.is_bool_dtype(values):
            values = values.astype(float)
        numeric = pd.to_numeric(values, errors="coerce")
        bad = values.notna() & ~numeric.isin([0, 1])
        if bad.any():
            rows = list(values.index[bad][:5])
            raise DataError(
                f"ab_test: kind='proportion' needs column {metric!r} coded 0/1 (1 = converted), "
                f"but it holds {list(values[bad].unique()[:5])} (rows {rows}). Recode it, e.g. "
                f"(data[{metric!r}] == 'yes').astype(int)."
            )
        return numeric.astype(float)
    if kind == "nps":
        numeric = pd.to_numeric(values, errors="coerce")
        bad = values.notna() & (
            numeric.isna() | (numeric < 0) | (numeric > 10) | (numeric != np.round(numeric))
        )
        if bad.any():
            rows = list(values.index[bad][:5])
            raise DataError(
                f"ab_test: kind='nps' needs whole-number 0-10 answers in column {metric!r}, but "
                f"it holds {list(values[bad].unique()[:5])} (rows {rows}). Recode or drop them; "
                "missing answers may be NaN."
            )
        return numeric.astype(float)
    numeric = pd.to_numeric(values, errors="coerce")
    bad = values.notna() & (numeric.isna() | ~np.isfinite(numeric.fillna(0)))
    if bad.any():
        rows = list(values.index[bad][:5])
        raise DataError(
            f"ab_test: column {metric!r} holds values that are not finite numbers "
            f"({list(values[bad].unique()[:5])}, rows {rows}); recode them first."
        )
    return numeric.astype(float)


def _welch(a: np.ndarray, b: np.ndarray, level: float) -> dict[str, Any]:
    """Welch's t of mean(b) − mean(a)."""
    test = stats.ttest_ind(b, a, equal_var=False)
    se = float(np.sqrt(a.var(ddof=1) / len(a) + b.var(ddof=1) / len(b)))
    est = float(b.mean() - a.mean())
    crit = float(stats.t.ppf(0.5 + level / 2, float(test.df)))
    return {
        "est": est,
        "se": se,
        "z": float(test.statistic),
        "pvalue": float(test.pvalue),
        "ci_low": est - crit * se,
        "ci_high": est + crit * se,
        "test": f"Welch t, df = {float(test.df):.1f}",
    }


def _mean_rows(a: np.ndarray, b: np.ndarray, names: tuple[Any, Any], level: float) -> list[dict]:
    rows = []
    for name, x in zip(names, (a, b), strict=True):
        se = float(x.std(ddof=1) / np.sqrt(len(x)))
        crit = float(stats.t.ppf(0.5 + level / 2, len(x) - 1))
        rows.append(
            {
                "group": name,
                "n": len(x),
                "est": float(x.mean()),
                "se": se,
                "ci_low": float(x.mean()) - crit * se,
                "ci_high": float(x.mean()) + crit * se,
            }
        )
    return rows


def ab_test(
    data: pd.DataFrame,
    metric: str,
    group: str,
    kind: Literal["nps", "mean", "proportion"] = "nps",
    control: Any = None,
    level: float = 0.95,
    *,
    split: Sequence[float] = (0.5, 0.5),
    covariates: Sequence[str] | None = None,
    min_n: int | None = None,
) -> ABTestResult:
    """A/B test of a CX metric: the difference treatment − control with its interval and
    p-value, a sample-ratio-mismatch test and (with ``covariates``) a balance check.

    Parameters
    ----------
    data : DataFrame or Survey
        One row per customer (unit of randomisation).
    metric : str
        The outcome column: 0-10 answers (``kind="nps"``), 0/1 conversions
        (``"proportion"``) or numbers (``"mean"``, e.g. CSAT 1-5, CES, spend).
    group : str
        The arm column; exactly two values.
    kind : {"nps", "mean", "proportion"}
        NPS difference in points (:func:`cxlab.metrics.compare`, adjusted-Wald); a
        difference of rates in percentage points (two-proportion z test, as compare's
        top-box comparison); a difference of means (Welch's t).
    control : optional
        The control arm's value (default: the first in sorted order; 0 of a 0/1 column).
    level : float
        Confidence level.
    split : (float, float)
        The planned (control, treatment) shares for the sample-ratio-mismatch test: χ² of
        the arm counts (all rows with an arm, answered or not) against this split;
        p < 0.001 (:data:`SRM_ALPHA`) is reported as a mismatch.
    covariates : list of str, optional
        Pre-treatment columns whose balance between arms is checked (standardized mean
        differences and a joint likelihood-ratio test).
    min_n : int, optional
        Smallest arm accepted for NPS and proportions (default
        :data:`cxlab.metrics.MIN_GROUP_N`: 30). Means need at least 2 per arm.

    Rows without an answer in *metric* are left out of the difference (and counted in
    each arm's ``n`` only when answered); a warning says how many.

    Examples
    --------
    >>> import numpy as np, pandas as pd, cxlab as cx
    >>> df = pd.DataFrame({"arm": ["control"] * 200 + ["new"] * 200,
    ...                    "nps": np.r_[np.tile([10, 9, 8, 7, 3], 40), np.tile([10, 9, 9, 7, 3], 40)]})
    >>> res = cx.experiments.ab_test(df, "nps", "arm", kind="nps")
    >>> res.to_frame()[["est", "ci_low", "ci_high"]].round(1)
        est  ci_low  ci_high
    0  20.0     4.6     34.8
    """  # noqa: E501
    data = as_frame(data)
    if kind not in ("nps", "mean", "proportion"):
        raise DataError(f"ab_test: kind must be 'nps', 'mean' or 'proportion', not {kind!r}.")
    require_columns(data, [metric, group, *(covariates or [])], "ab_test")
    if not 0 < level < 1:
        raise DataError(f"level must be a confidence level between 0 and 1, not {level!r}.")
    control, treatment = two_arms(data[group], group, control, "ab_test")
    frame = data.loc[data[group].notna()].copy()
    frame[metric] = _check_outcome(frame[metric], kind, metric)
    counts = frame[group].value_counts()
    srm = srm_test(int(counts[control]), int(counts[treatment]), split)
    srm["mismatch"] = srm["pvalue"] < SRM_ALPHA
    notes = []
    missing = int(frame[metric].isna().sum())
    if missing:
        notes.append(f"{missing} row(s) without an answer in {metric!r} are left out.")
    answered = frame.loc[frame[metric].notna()]
    sizes = answered[group].value_counts()
    for arm in (control, treatment):
        if sizes.get(arm, 0) < 2:
            raise DataError(
                f"ab_test: arm {arm!r} of column {group!r} has {int(sizes.get(arm, 0))} "
                f"answer(s) in {metric!r}; a group of size one has no spread and no interval."
            )
    if kind == "mean":
        a = answered.loc[answered[group] == control, metric].to_numpy()
        b = answered.loc[answered[group] == treatment, metric].to_numpy()
        groups = pd.DataFrame(_mean_rows(a, b, (control, treatment), level))
        diff = _welch(a, b, level)
    else:
        groups, diff = _via_compare(answered, metric, group, kind, control, level, min_n)
    diff = {"contrast": f"{treatment} - {control}", **diff}
    result = ABTestResult(
        kind,
        metric,
        group,
        control,
        treatment,
        level,
        groups,
        pd.DataFrame([diff]),
        srm,
        warnings=notes,
    )
    if covariates:
        arm01 = (frame[group] == treatment).astype(int)
        result.balance = balance_table(frame, arm01, covariates, "ab_test")
        result.balance_test = joint_balance_test(frame, arm01, covariates, "ab_test")
    if srm["mismatch"]:
        import warnings

        warnings.warn(
            f"ab_test: sample ratio mismatch in {group!r}: {srm['n_control']} vs "
            f"{srm['n_treatment']} against a planned control share of "
            f"{srm['planned_control_share']:.0%} (p = {srm['pvalue']:.2g}). Find the cause "
            "(assignment, logging, bots, exclusions) before reading the difference.",
            UserWarning,
            stacklevel=2,
        )
    return result


def _via_compare(
    answered: pd.DataFrame,
    metric: str,
    group: str,
    kind: str,
    control: Any,
    level: float,
    min_n: int | None,
) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Groups and difference from :func:`cxlab.metrics.compare`."""
    from cxlab.metrics import compare

    if kind == "nps":
        res = compare(
            answered, "nps", by=group, score=metric, reference=control, level=level, min_n=min_n
        )
        value, test = "nps", "z test of the NPS difference, adjusted-Wald (Rocks 2016)"
    else:
        res = compare(
            answered,
            "csat",
            by=group,
            score=metric,
            reference=control,
            level=level,
            min_n=min_n,
            scale=(0, 1),
            top=1,
        )
        value, test = "csat", "two-proportion z test"
    g = res.groups.rename(columns={value: "est"})
    order = [control, *[x for x in g["group"] if x != control]]
    g = g.set_index("group").loc[order].reset_index()
    groups = g[["group", "n", "est", "se", "ci_low", "ci_high"]].copy()
    d = res.differences.iloc[0]
    diff = {
        "est": float(d["difference"]),
        "se": float(d["se"]),
        "z": float(d["statistic"]),
        "pvalue": float(d["pvalue"]),
        "ci_low": float(d["ci_low"]),
        "ci_high": float(d["ci_high"]),
        "test": test,
    }
    return groups, diff
