"""Difference-in-differences for a programme rolled out in some units (stores, hotels) at one
known date: the 2×2 DiD and the two-way fixed-effects version, with cluster-robust
standard errors by unit (private; public through :mod:`cxlab.experiments`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from cxlab.experiments._panel import Panel, cluster_fit, interval, panel
from cxlab.experiments._words import join, words

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from cxlab.viz import Lang

__all__ = ["DiDResult", "demean_within", "did", "time_dummies"]

_WORDS = {
    "en": {
        "title": "Difference-in-differences: {outcome}",
        "treated": "programme units",
        "control": "comparison units",
        "start": "rollout",
        "y": "mean {outcome}",
        "x": "period",
    },
    "zh": {
        "title": "双重差分：{outcome}",
        "treated": "实施计划的单位",
        "control": "对照单位",
        "start": "推出",
        "y": "{outcome} 均值",
        "x": "时期",
    },
}


def demean_within(values: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """*values* (n × k) minus their means within the groups *codes* (0…G−1): the
    residuals on group dummies (Frisch–Waugh–Lovell), in one pass."""
    values = np.asarray(values, float)
    if values.ndim == 1:
        values = values[:, None]
    g = codes.max() + 1
    sums = np.zeros((g, values.shape[1]))
    np.add.at(sums, codes, values)
    counts = np.bincount(codes, minlength=g)[:, None]
    return values - (sums / counts)[codes]


def time_dummies(times: np.ndarray, periods: list[Any]) -> np.ndarray:
    """0/1 columns for every period but the first (n × (T − 1))."""
    pos = {t: i for i, t in enumerate(periods)}
    idx = np.array([pos[t] for t in times])
    out = np.zeros((len(times), len(periods) - 1))
    rows = np.flatnonzero(idx > 0)
    out[rows, idx[rows] - 1] = 1.0
    return out


@dataclass
class DiDResult:
    """Result of :func:`did`.

    Attributes
    ----------
    table : DataFrame
        One row per estimator: ``method`` (``2x2``, ``twfe``), ``est, se, z, pvalue,
        ci_low, ci_high``, ``n`` (rows), ``clusters``.
    means : DataFrame
        Mean outcome by ``group`` (programme / comparison) and ``period`` (pre / post),
        with ``n``; the DiD by hand is (programme post − pre) − (comparison post − pre).
    trends : DataFrame
        Mean outcome by period and group (for :meth:`plot`).
    estimate, se : float
        The 2×2 DiD (the two-way FE estimate with covariates) and its cluster-robust SE.
    """

    table: pd.DataFrame
    means: pd.DataFrame
    trends: pd.DataFrame
    outcome: str
    start: Any
    level: float
    covariates: list[str]
    n_units: int

    @property
    def estimate(self) -> float:
        """The headline estimate: 2×2 without covariates, two-way FE with them."""
        return float(self.table.set_index("method").loc[self._main, "est"])

    @property
    def se(self) -> float:
        """Its cluster-robust standard error."""
        return float(self.table.set_index("method").loc[self._main, "se"])

    @property
    def _main(self) -> str:
        return "twfe" if self.covariates else "2x2"

    def to_frame(self) -> pd.DataFrame:
        """The estimates (``table``).

        Examples
        --------
        >>> import cxlab as cx
        >>> res = cx.experiments.did(cx.datasets.load("store_rollout"), "sales_per_customer",
        ...                          unit="store_id", time="month", treated="programme",
        ...                          start="2026-01")
        >>> res.to_frame()[["method", "est", "se"]].round(2)
          method   est    se
        0    2x2  5.94  0.56
        1   twfe  5.94  0.56
        """
        return self.table

    def summary(self, lang: Lang | None = None) -> str:
        """The estimate in plain words, the group means and both estimators.

        ``lang`` ("en"/"zh"): the language of the text, by default the notebook's
        (:func:`cxlab.viz.language`); the numbers are the same in both.

        Examples
        --------
        >>> import cxlab as cx
        >>> res = cx.experiments.did(cx.datasets.load("store_rollout"), "sales_per_customer",
        ...                          unit="store_id", time="month", treated="programme",
        ...                          start="2026-01")
        >>> print(res.summary().splitlines()[0])
        DiD of 'sales_per_customer': 17 programme and 55 comparison units, start 2026-01
        """
        w = words(lang)
        row = self.table.set_index("method").loc[self._main]
        m = self.means.set_index(["group", "period"])["mean"]
        nt = int(self.means.loc[self.means["group"] == "programme", "units"].iloc[0])
        how = (
            w["did_twfe"].format(covs=join(self.covariates, lang))
            if self.covariates
            else w["did_2x2"]
        )
        lines = [
            w["did_head"].format(
                outcome=self.outcome, nt=nt, nc=self.n_units - nt, start=_label(self.start)
            ),
            w["did_change"].format(
                dt=m["programme", "post"] - m["programme", "pre"],
                dc=m["comparison", "post"] - m["comparison", "pre"],
            ),
            w["did_effect"].format(
                est=row["est"],
                outcome=self.outcome,
                level=self.level,
                lo=row["ci_low"],
                hi=row["ci_high"],
                p=row["pvalue"],
                how=how,
            ),
            w["did_caveat"].format(n=self.n_units),
            w["did_estimators"],
        ]
        for r in self.table.itertuples(index=False):
            lines.append(
                w["did_row"].format(
                    name=w["did_methods"][r.method], est=r.est, se=r.se, lo=r.ci_low, hi=r.ci_high
                )
            )
        return "\n".join(lines)

    def __repr__(self) -> str:
        return self.summary()

    def _repr_html_(self) -> str:
        head = escape(self.summary().splitlines()[2])
        return (
            f"<p><b>{head}</b></p>"
            + self.table.round(4).to_html(index=False)
            + self.means.round(3).to_html(index=False)
        )

    def plot(self, *, ax: Axes | None = None, lang: Lang | None = None) -> Axes:
        """The two groups' mean outcome over time, the rollout marked.

        ``lang`` ("en"/"zh"): the language of the figure, by default the notebook's.

        Examples
        --------
        >>> import cxlab as cx
        >>> res = cx.experiments.did(cx.datasets.load("store_rollout"), "nps",
        ...                          unit="store_id", time="month", treated="programme",
        ...                          start="2026-01")
        >>> ax = res.plot(lang="zh")
        >>> ax.get_title()
        '双重差分：nps'
        >>> cx.viz.plt.close(ax.figure)
        """
        return _plot_trends(self.trends, self.start, self.outcome, ax=ax, lang=lang)


def _plot_trends(
    trends: pd.DataFrame, start: Any, outcome: str, *, ax: Axes | None, lang: Lang | None
) -> Axes:
    import matplotlib
    import matplotlib.pyplot as plt

    from cxlab.viz import figure_words, refont

    lang, words, family = figure_words(lang, _WORDS)
    periods = list(trends.index)
    x = np.arange(len(periods))
    with matplotlib.rc_context({"font.family": family}):
        ax = ax or plt.subplots(figsize=(8, 4))[1]
        ax.plot(x, trends["programme"], "o-", ms=3, label=words["treated"])
        ax.plot(x, trends["comparison"], "s--", ms=3, label=words["control"])
        cut = periods.index(start) - 0.5
        ax.axvline(cut, color="grey", lw=1)
        ax.annotate(
            words["start"],
            (cut, 1),
            xycoords=("data", "axes fraction"),
            xytext=(3, -12),
            textcoords="offset points",
            color="grey",
        )
        step = max(1, len(periods) // 12)
        labels = [_label(p) for p in periods[::step]]
        ax.set_xticks(x[::step], labels, rotation=45, ha="right")
        ax.set(
            title=words["title"].format(outcome=outcome),
            xlabel=words["x"],
            ylabel=words["y"].format(outcome=outcome),
        )
        ax.legend()
        ax.grid(alpha=0.3)
        refont(ax, family)
    return ax


def _label(period: Any) -> str:
    """A period as a tick label: dates without a midnight time."""
    if isinstance(period, (pd.Timestamp, np.datetime64)):
        return str(pd.Timestamp(period).date())
    return str(period)


def _means(pn: Panel) -> pd.DataFrame:
    f = pn.frame
    rows = []
    for g, name in ((1, "programme"), (0, "comparison")):
        for q, period in ((0, "pre"), (1, "post")):
            cell = f[(f["d"] == g) & (f["p"] == q)]
            rows.append(
                {
                    "group": name,
                    "period": period,
                    "mean": float(cell["y"].mean()),
                    "n": len(cell),
                    "units": int(f.loc[f["d"] == g, "unit"].nunique()),
                }
            )
    return pd.DataFrame(rows)


def did(
    data: Any,
    outcome: str,
    *,
    unit: str,
    time: str,
    treated: str,
    post: str | None = None,
    start: Any = None,
    covariates: Sequence[str] | None = None,
    level: float = 0.95,
) -> DiDResult:
    """Difference-in-differences for a programme that starts at one date in some units.

    Two estimators, both by OLS (statsmodels) with **cluster-robust standard errors by
    unit** — statsmodels' ``cov_type="cluster"``, the CR1 correction G/(G − 1)·(N − 1)/(N − K)
    that Stata's ``vce(cluster)`` and R's ``sandwich::vcovCL(type = "HC1")`` use — and
    normal (z) intervals:

    - **2×2**: ``y ~ treated + post + treated:post``; the coefficient of ``treated:post``
      is the DiD, (programme post − pre) − (comparison post − pre) of the group means.
      Equals ``smf.ols("y ~ treated*post").fit(cov_type="cluster", ...)``.
    - **two-way fixed effects** (``twfe``): ``y ~ treated:post + unit effects + period
      effects (+ covariates)``. Unit effects are absorbed by demeaning within units
      (Frisch–Waugh–Lovell: the same estimate as unit dummies) and not counted in K, as
      units are nested in the clusters. Without covariates and with a balanced panel its
      estimate equals the 2×2 one. With ``covariates`` (time-varying controls) this is
      the headline estimate.

    The estimate is the programme's effect on the programme units only if both groups
    would have moved in parallel without it (parallel trends): levels may differ, trends
    may not. Look at :func:`event_study`'s leads before believing it. Cluster-robust SEs
    need many clusters; with few (under roughly 30–50, or few programme units) they are
    too small — report that.

    Parameters
    ----------
    data : DataFrame or Survey
        Long panel: one row per unit and period.
    outcome : str
        The outcome (sales per customer, NPS, …); a missing value is an error naming the
        rows (never dropped silently).
    unit, time : str
        The unit (store, hotel) id — also the cluster — and the period column (numbers,
        dates or strings that sort in time order, such as ``"2026-01"``).
    treated : str
        0/1: the unit gets the programme (the same on all of a unit's rows).
    post, start
        Either a 0/1 column marking the periods after the rollout, the same for every unit
        in a period, or the first period after the rollout (``time >= start``).
    covariates : list of str, optional
        Numeric, time-varying controls (two-way FE estimator).
    level : float
        Confidence level.

    Returns
    -------
    DiDResult
        ``table`` (2×2 and two-way FE), ``means`` (group × period), ``trends``,
        ``summary()``, ``plot()``.

    Examples
    --------
    >>> import cxlab as cx
    >>> panel = cx.datasets.load("store_rollout")
    >>> res = cx.experiments.did(panel, "sales_per_customer", unit="store_id", time="month",
    ...                          treated="programme", start="2026-01")
    >>> round(res.estimate, 2), round(res.se, 2)  # truth: +6 yuan per customer
    (5.94, 0.56)
    >>> res.means.round(1)
            group period   mean    n  units
    0   programme    pre  217.6  204     17
    1   programme   post  231.0  204     17
    2  comparison    pre  189.8  660     55
    3  comparison   post  197.4  660     55
    """
    pn = panel(data, outcome, unit, time, treated, post, start, covariates, level)
    f = pn.frame
    y = f["y"].to_numpy(float)
    d, p = f["d"].to_numpy(float), f["p"].to_numpy(float)
    xcov = f[[f"x:{c}" for c in pn.covariates]].to_numpy(float)
    groups = f["unit"].to_numpy()
    x22 = np.column_stack([np.ones(len(f)), d, p, d * p, xcov])
    fit22 = cluster_fit(y, x22, groups)
    codes = pd.factorize(groups)[0]
    xfe = np.column_stack([d * p, xcov, time_dummies(f["time"].to_numpy(), pn.periods)])
    fitfe = cluster_fit(demean_within(y, codes)[:, 0], demean_within(xfe, codes), groups)
    rows = [
        {"method": "2x2", **interval(fit22.params[3], fit22.bse[3], level)},
        {"method": "twfe", **interval(fitfe.params[0], fitfe.bse[0], level)},
    ]
    table = pd.DataFrame(rows)
    table["n"] = len(f)
    table["clusters"] = pn.n_units
    trends = (
        f.assign(group=np.where(f["d"] == 1, "programme", "comparison"))
        .pivot_table(index="time", columns="group", values="y", aggfunc="mean")
        .reindex(pn.periods)
    )
    trends.columns.name = None
    return DiDResult(table, _means(pn), trends, outcome, pn.start, level, pn.covariates, pn.n_units)
