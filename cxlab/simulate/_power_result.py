"""The result of a Monte-Carlo power analysis, :class:`PowerResult` (private; public
through :mod:`cxlab.simulate`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from cxlab.viz import Lang

#: the words of :meth:`PowerResult.plot`, by language
_WORDS = {
    "en": {
        "power_label": "simulated power",
        "reaches": "n = {n} reaches {target:.2f}",
        "title": "{effect} (population value {value:.2f}, {test} test)",
        "x": "sample size n",
        "y": "power",
    },
    "zh": {
        "power_label": "模拟功效",
        "reaches": "n = {n} 时达到 {target:.2f}",
        "title": "{effect}（总体值 {value:.2f}，{test} 检验）",
        "x": "样本量 n",
        "y": "功效",
    },
}


@dataclass
class PowerResult:
    """The power curve of :func:`cxlab.simulate.power`.

    ``table`` has one row per sample size: n, reps, n_used (converged and admissible
    replications), n_failed (= n_nonconverged + n_inadmissible), power (share of the used
    replications that reject), ci_low / ci_high (Wilson 95 % interval of the power),
    mean_est and sd_est (mean and SD of the estimates: bias and empirical SE), mean_se.
    Samples the model cannot be fitted to at all (e.g. an item without variance in a small
    sample of Likert answers) count as non-converged.
    ``replications`` has one row per replication: n, rep, status ("ok", "nonconverged",
    "inadmissible"), est, se, reject — e.g. to recompute the power at another alpha.
    """

    table: pd.DataFrame
    effect: str
    population_value: float
    test: str
    alpha: float
    reps: int
    seed: int
    model: str
    analysis_model: str
    notes: list[str] = field(default_factory=list)
    replications: pd.DataFrame | None = field(default=None, repr=False)
    estimator: str = "ML"

    def n_for(self, target: float = 0.80, *, interpolate: bool = False) -> float | None:
        """The first sample size of the grid whose power reaches *target* (None if none
        does); with ``interpolate``, the linear interpolation between that grid point and
        the one before it.

        Examples
        --------
        >>> import pandas as pd
        >>> t = pd.DataFrame({"n": [50, 100, 200], "power": [0.3, 0.6, 0.9]})
        >>> r = PowerResult(t, "Y ~ X", 0.2, "z", 0.05, 100, 1, "", "")
        >>> r.n_for(0.8), r.n_for(0.8, interpolate=True), r.n_for(0.95)
        (200, 166.7, None)
        """
        table = self.table.sort_values("n")
        reached = table.index[table["power"] >= target]
        if not len(reached):
            return None
        pos = table.index.get_loc(reached[0])
        n_hi, p_hi = table["n"].iloc[pos], table["power"].iloc[pos]
        if not interpolate or pos == 0:
            return int(n_hi)
        n_lo, p_lo = table["n"].iloc[pos - 1], table["power"].iloc[pos - 1]
        if p_hi == p_lo:
            return int(n_hi)
        return round(float(n_lo + (target - p_lo) * (n_hi - n_lo) / (p_hi - p_lo)), 1)

    def to_frame(self) -> pd.DataFrame:
        """The power table (``table``): one row per sample size.

        Examples
        --------
        >>> import pandas as pd
        >>> t = pd.DataFrame({"n": [50, 100], "power": [0.5, 0.85]})
        >>> PowerResult(t, "Y ~ X", 0.3, "z", 0.05, 100, 1, "", "").to_frame()["power"].tolist()
        [0.5, 0.85]
        """
        return self.table

    def _repr_html_(self) -> str:
        title = escape(self.summary().splitlines()[0])
        return f"<p><b>{title}</b></p>" + self.table.round(3).to_html(index=False)

    def summary(self, target: float = 0.80) -> str:
        """The power table as text with the sample size that reaches *target*.

        Examples
        --------
        >>> import pandas as pd
        >>> t = pd.DataFrame({"n": [50, 100], "power": [0.5, 0.85], "n_failed": [0, 0]})
        >>> print(PowerResult(t, "Y ~ X", 0.3, "z", 0.05, 100, 1, "", "").summary())
        ... # doctest: +ELLIPSIS
        Power of Y ~ X (population value 0.300; z test, alpha = 0.05; 100 replications per n)
        ...
        Power reaches 0.80 at n = 100.
        """
        n = self.n_for(target)
        verdict = (
            f"Power reaches {target:.2f} at n = {n}."
            if n is not None
            else f"Power stays below {target:.2f} on this grid: try larger n."
        )
        head = (
            f"Power of {self.effect} (population value {self.population_value:.3f}; "
            f"{self.test} test, alpha = {self.alpha:g}; {self.reps} replications per n)"
        )
        return "\n".join([head, self.table.round(3).to_string(index=False), *self.notes, verdict])

    def plot(self, target: float = 0.80, *, ax: Any = None, lang: Lang | None = None) -> Figure:
        """Power against n with Wilson 95 % intervals, the *target* line and the first n
        that reaches it. Returns the matplotlib Figure (closed, so a notebook shows it
        once: the whole figure is the point); its Axes is ``fig.axes[0]``. ``lang`` ("en"
        or "zh") is the language of its words; default: the notebook's
        (:func:`cxlab.viz.language`, set by ``cx.viz.set_theme(lang=...)``).

        Examples
        --------
        >>> import pandas as pd
        >>> t = pd.DataFrame({"n": [50, 100], "power": [0.5, 0.85], "ci_low": [0.4, 0.8],
        ...                   "ci_high": [0.6, 0.9]})
        >>> result = PowerResult(t, "Y ~ X", 0.3, "z", 0.05, 100, 1, "", "")
        >>> fig = result.plot()
        >>> fig.axes[0].get_ylabel()
        'power'
        >>> result.plot(lang="zh").axes[0].get_title()
        'Y ~ X（总体值 0.30，z 检验）'
        """
        import matplotlib
        import matplotlib.pyplot as plt

        from cxlab.viz import figure_words, refont

        lang, words, family = figure_words(lang, _WORDS)
        with matplotlib.rc_context({"font.family": family}):
            if ax is None:
                fig, ax = plt.subplots(figsize=(6, 3.5))
            else:
                fig = ax.figure
            t = self.table.sort_values("n")
            err = [t["power"] - t["ci_low"], t["ci_high"] - t["power"]]
            ax.errorbar(
                t["n"], t["power"], yerr=err, fmt="o-", capsize=3, label=words["power_label"]
            )
            ax.axhline(target, color="grey", ls="--", lw=0.8)
            n = self.n_for(target)
            if n is not None:
                reaches = words["reaches"].format(n=n, target=target)
                ax.axvline(n, color="tab:red", ls=":", lw=1, label=reaches)
            title = words["title"].format(
                effect=self.effect, value=self.population_value, test=self.test
            )
            ax.set(xlabel=words["x"], ylabel=words["y"], ylim=(0, 1.02), title=title)
            ax.legend(loc="lower right", frameon=False)
            # also the texts of an axes made before, outside this font
            refont(ax, family)
        plt.close(fig)
        return fig

    def __repr__(self) -> str:
        return (
            f"PowerResult({self.effect}, n={self.table['n'].tolist()}, "
            f"power={self.table['power'].round(3).tolist()})"
        )
