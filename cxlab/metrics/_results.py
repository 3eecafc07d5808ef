"""The result of :func:`cxlab.metrics.compare`, :class:`ComparisonResult` (private;
public through :mod:`cxlab.metrics`)."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any

import pandas as pd

from cxlab._conventions import deprecated

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from cxlab.viz import Lang

__all__ = ["ComparisonResult", "Overall"]

#: the x-axis label of :meth:`ComparisonResult.plot` (the metric), by language
_WORDS = {
    "en": {"nps": "nps", "csat": "csat", "mean": "mean"},
    "zh": {"nps": "净推荐值 (NPS)", "csat": "客户满意度 (CSAT)", "mean": "客户费力度均值 (CES)"},
}


class Overall(dict):
    """The overall test of :func:`~cxlab.metrics.compare` (test, statistic, df, pvalue);
    the old key ``"p_value"`` still answers, with a DeprecationWarning, until cxlab 0.3."""

    def __missing__(self, key: Any) -> Any:
        if key == "p_value" and "pvalue" in self:
            deprecated("ComparisonResult.overall['p_value']", "ComparisonResult.overall['pvalue']")
            return self["pvalue"]
        raise KeyError(key)


def _p(p: float) -> str:
    return "< 0.0001" if p < 1e-4 else f"= {p:.4f}"


@dataclass
class ComparisonResult:
    """Result of :func:`~cxlab.metrics.compare`: per-group metrics (``groups``),
    differences vs the reference group (``differences``: group, reference, difference,
    se, ci_low, ci_high, statistic, pvalue — ``pvalue`` was ``p_value`` before cxlab
    0.2) and an overall test (``overall``: test, statistic, df, pvalue)."""

    groups: pd.DataFrame
    differences: pd.DataFrame
    overall: dict[str, Any]

    @property
    def value_column(self) -> str:
        """The column of ``groups`` that holds the metric (nps, csat or mean)."""
        return next(c for c in ("nps", "csat", "mean") if c in self.groups.columns)

    def to_frame(self) -> pd.DataFrame:
        """The per-group table (``groups``): n, the metric, se, ci_low, ci_high, ….

        Examples
        --------
        >>> import pandas as pd, cxlab as cx
        >>> df = pd.DataFrame({"g": ["a"] * 40 + ["b"] * 40,
        ...                    "s": [5, 4, 4, 2] * 10 + [5, 3, 2, 2] * 10})
        >>> cx.metrics.compare(df, "csat", by="g", score="s").to_frame()[["group", "csat"]]
          group  csat
        0     a  75.0
        1     b  25.0
        """
        return self.groups

    def summary(self) -> str:
        """Plain-text summary of the overall test and the differences.

        Examples
        --------
        >>> import pandas as pd, cxlab as cx
        >>> df = pd.DataFrame({"g": ["a"] * 40 + ["b"] * 40,
        ...                    "s": [5, 4, 4, 2] * 10 + [5, 3, 2, 2] * 10})
        >>> print(cx.metrics.compare(df, "csat", by="g", score="s").summary())
        Overall: chi-square = 20.000, p < 0.0001
        b − a: -50.00 [-68.98, -31.02], p < 0.0001
        """
        lines = [
            f"Overall: {self.overall['test']} = {self.overall['statistic']:.3f}, "
            f"p {_p(self.overall['pvalue'])}"
        ]
        for row in self.differences.itertuples(index=False):
            lines.append(
                f"{row.group} − {row.reference}: {row.difference:+.2f} "
                f"[{row.ci_low:.2f}, {row.ci_high:.2f}], p {_p(row.pvalue)}"
            )
        return "\n".join(lines)

    def plot(self, *, ax: Axes | None = None, lang: Lang | None = None) -> Axes:
        """Each group's metric with its confidence interval (horizontal, first group on top).

        ``lang`` ("en" or "zh") is the language of the axis label (the metric's column
        name in English, its name in Chinese); default: the notebook's
        (:func:`cxlab.viz.language`, set by ``cx.viz.set_theme(lang=...)``).

        Examples
        --------
        >>> import pandas as pd, cxlab as cx
        >>> df = pd.DataFrame({"g": ["a"] * 40 + ["b"] * 40,
        ...                    "s": [5, 4, 4, 2] * 10 + [5, 3, 2, 2] * 10})
        >>> cx.metrics.compare(df, "csat", by="g", score="s").plot().get_xlabel()
        'csat'
        >>> cx.metrics.compare(df, "csat", by="g", score="s").plot(lang="zh").get_xlabel()
        '客户满意度 (CSAT)'
        """
        import matplotlib
        import matplotlib.pyplot as plt

        from cxlab.viz import figure_words, refont

        lang, _, family = figure_words(lang)
        t = self.groups.iloc[::-1]
        value = self.value_column
        with matplotlib.rc_context({"font.family": family}):
            ax = ax or plt.subplots(figsize=(6, 0.45 * len(t) + 1.2))[1]
            names = [str(g) for g in t["group"]]
            err = [t[value] - t["ci_low"], t["ci_high"] - t[value]]
            ax.errorbar(t[value], names, xerr=err, fmt="o", capsize=3)
            ax.set(xlabel=_WORDS[lang][value], ylabel="")
            # also the texts of an axes made before, outside this font
            refont(ax, family)
        return ax

    def _repr_html_(self) -> str:
        title = escape(self.summary().splitlines()[0])
        return f"<p><b>{title}</b></p>" + self.groups.round(3).to_html(index=False)

    def __repr__(self) -> str:
        return self.summary()
