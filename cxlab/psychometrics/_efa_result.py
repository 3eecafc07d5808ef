"""The result of an exploratory factor analysis, :class:`EFA` (private; users reach it as
``cx.psychometrics.EFA`` and get it from :func:`cxlab.psychometrics.efa`)."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from cxlab.viz import Lang

__all__ = ["EFA"]

#: the words of :meth:`EFA.plot`, by language
_WORDS = {
    "en": {
        "observed": "observed",
        "mean": "simulated mean",
        "q95": "simulated 95%",
        "x": "factor",
        "y": "eigenvalue",
        "title": "Scree plot and parallel analysis",
    },
    "zh": {
        "observed": "观测值",
        "mean": "模拟均值",
        "q95": "模拟第 95 百分位数",
        "x": "因子",
        "y": "特征值",
        "title": "碎石图与平行分析",
    },
}


@dataclass
class EFA:
    """Result of :func:`cxlab.psychometrics.efa` (see there for every attribute).

    ``to_frame()`` is :attr:`loadings`; ``plot()`` draws the scree plot with the parallel
    analysis; ``summary()`` is the text report.
    """

    n_factors: int
    method: str
    rotation: str | None
    n: int
    kmo: float
    kmo_items: pd.Series
    bartlett: dict[str, float]
    parallel: pd.DataFrame | None
    loadings: pd.DataFrame
    communalities: pd.Series
    factor_cor: pd.DataFrame | None
    variance: pd.DataFrame
    notes: list[str] = field(default_factory=list)

    @property
    def factors(self) -> list[str]:
        """Names of the factor columns of :attr:`loadings` (F1, F2, ...)."""
        return [f"F{i}" for i in range(1, self.n_factors + 1)]

    @property
    def flagged(self) -> pd.DataFrame:
        """The rows of :attr:`loadings` with a cross-loading or a weak primary loading."""
        mask = self.loadings["cross_loading"] | self.loadings["weak_primary"]
        return self.loadings[mask]

    def _title(self) -> str:
        rot = self.rotation or "no"
        return f"EFA ({self.method}, {rot} rotation): {self.n_factors} factor(s), n = {self.n}"

    def summary(self) -> str:
        """The solution as plain text: KMO, Bartlett's test, loadings and notes.

        Examples
        --------
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> res = cx.psychometrics.efa(hs[[f"x{i}" for i in range(1, 10)]], n_iter=20, seed=0)
        >>> print(res.summary().splitlines()[0])
        EFA (minres, oblimin rotation): 3 factor(s), n = 301
        """
        lines = [
            self._title(),
            f"KMO = {self.kmo:.3f}; Bartlett chi2({self.bartlett['df']:.0f}) = "
            f"{self.bartlett['chisq']:.1f}, p = {self.bartlett['p_value']:.3g}",
            self.loadings.round(3).to_string(),
        ]
        return "\n".join(lines + [f"Note: {n}" for n in self.notes])

    def to_frame(self) -> pd.DataFrame:
        """The loadings table (:attr:`loadings`): items × factors, communality, primary
        factor and the cross-loading / weak-item flags.

        Examples
        --------
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> res = cx.psychometrics.efa(hs[[f"x{i}" for i in range(1, 10)]], n_iter=20, seed=0)
        >>> res.to_frame().shape
        (9, 7)
        """
        return self.loadings

    def plot(self, *, ax: Axes | None = None, lang: Lang | None = None) -> Axes:
        """Scree plot: the observed eigenvalues with the parallel analysis' simulated mean
        and 95th percentile; the retained factors are marked.

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Draw into this axes instead of a new figure.
        lang : {"en", "zh"}, optional
            Language of the title, axis labels and legend; default: the notebook's
            (:func:`cxlab.viz.language`, set by ``cx.viz.set_theme(lang=...)``).

        Returns
        -------
        matplotlib.axes.Axes

        Examples
        --------
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> res = cx.psychometrics.efa(hs[[f"x{i}" for i in range(1, 10)]], n_iter=20, seed=0)
        >>> len(res.plot().get_lines())  # observed, simulated mean and 95%, the cut
        4
        >>> ax = res.plot(lang="zh")
        >>> ax.get_title(), ax.get_ylabel()
        ('碎石图与平行分析', '特征值')
        """
        import matplotlib
        import matplotlib.pyplot as plt

        from cxlab.viz import figure_words, refont

        lang, words, family = figure_words(lang, _WORDS)
        with matplotlib.rc_context({"font.family": family}):
            if ax is None:
                _, ax = plt.subplots(figsize=(6, 4))
            table = self.parallel
            if table is not None:
                x = table.index.to_numpy()
                ax.plot(x, table["observed"], "o-", color="#4477aa", label=words["observed"])
                ax.plot(x, table["simulated_mean"], "--", color="grey", label=words["mean"])
                ax.plot(x, table["simulated_q95"], ":", color="grey", label=words["q95"])
                ax.axvline(self.n_factors + 0.5, color="#cc6677", lw=0.8)
                ax.legend(fontsize="small")
            ax.set(xlabel=words["x"], ylabel=words["y"], title=words["title"])
            # also the texts of an axes made before, outside this font
            refont(ax, family)
        return ax

    def _repr_html_(self) -> str:
        return f"<p><b>{html.escape(self._title())}</b></p>" + self.loadings.round(3).to_html()

    def __repr__(self) -> str:
        return self.summary()
