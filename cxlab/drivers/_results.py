"""Result objects of :mod:`cxlab.drivers` (use them through ``cx.drivers``):
:class:`Importance` — driver weights with their intervals and a bar plot — and
:class:`IPA`, the importance-performance grid made by :func:`ipa`.

Importance-performance analysis: Martilla & James (1977) plot each attribute by how
well it performs (x) and how much it matters (y), and split the plane with a
cross-hair into four quadrants:

=====================  ======================  ====================================
importance             performance             quadrant
=====================  ======================  ====================================
high (≥ cut)           low (< cut)             "concentrate here" (重点改进)
high                   high (≥ cut)            "keep up the good work" (继续保持)
low                    low                     "low priority" (低优先级)
low                    high                    "possible overkill" (过度投入)
=====================  ======================  ====================================

Martilla & James leave the position of the cross-hair to the analyst's judgment. The
default here is the *data-centred* grid, at the mean importance and the mean
performance of the attributes shown (Bacon 2003 compares it with the alternatives);
with importance in % of R² the mean importance is 100 / k, the share each of the k
drivers would have if all mattered equally. ``cut="median"`` uses the medians, and a
pair of numbers fixes either line, e.g. ``cut=(None, 3)`` for the mean importance and
the scale midpoint 3 of a 1-5 rating (the *scale-centred* grid). A value exactly on a
line counts as high.

Examples
--------
>>> from cxlab.drivers import ipa
>>> grid = ipa({"crew": 30, "meal": 5, "booking": 10, "complaint": 40},
...            {"crew": 4.2, "meal": 2.8, "booking": 4.3, "complaint": 3.1})
>>> grid.table["quadrant"].to_dict()
{'crew': 'keep up the good work', 'meal': 'low priority', 'booking': 'possible overkill', \
'complaint': 'concentrate here'}
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from html import escape
from typing import Any, Literal

import numpy as np
import pandas as pd

from cxlab.errors import DataError

__all__ = ["COLUMNS", "IPA", "QUADRANTS", "Importance", "ipa"]

#: (high importance, high performance) → (English, 中文) quadrant name
QUADRANTS = {
    (True, False): ("concentrate here", "重点改进"),
    (True, True): ("keep up the good work", "继续保持"),
    (False, False): ("low priority", "低优先级"),
    (False, True): ("possible overkill", "过度投入"),
}

#: columns of :attr:`Importance.table`
COLUMNS = ["weight", "ci_low", "ci_high", "pct", "pct_ci_low", "pct_ci_high", "rank"]

#: the words of :meth:`Importance.plot` and :meth:`IPA.plot`, by language (the quadrant
#: names: :data:`QUADRANTS`)
_WORDS = {
    "en": {
        "truth": "truth",
        "share": "share of {fit} (%)",
        "performance": "performance",
        "importance": "importance",
    },
    "zh": {
        "truth": "真实值",
        "share": "占 {fit} 的比例 (%)",
        "performance": "绩效（表现）",
        "importance": "重要性",
    },
}
_QUADRANT_INDEX = {"en": 0, "zh": 1}


@dataclass
class Importance:
    """Driver importance: the result of :func:`relative_weights`, :func:`shapley_r2`,
    :func:`shapley_logistic` and :func:`from_corr`.

    Attributes
    ----------
    table : DataFrame
        One row per driver (index ``driver``), most important first: ``weight`` (its
        share of the fit measure; the weights add up to ``r2``), ``ci_low`` /
        ``ci_high`` (percentile bootstrap interval), ``pct`` (100 · weight / r2; these
        add up to 100) with ``pct_ci_low`` / ``pct_ci_high``, and ``rank``.
    r2, r2_ci : float, (float, float)
        The fit measure of the full model (R², or McFadden's R² for a binary outcome)
        and its bootstrap interval.
    conditional : DataFrame or None
        Shapley methods: average gain of each driver by the number of other drivers
        already in the model (conditional dominance, Azen & Budescu 2003).
    complete : DataFrame or None
        Shapley methods: ``complete.loc[a, b]`` is True when adding *a* beats adding
        *b* to every subset of the other drivers (complete dominance).
    """

    table: pd.DataFrame
    r2: float
    r2_ci: tuple[float, float]
    n: int
    outcome: str
    method: str
    fit_measure: str = "R²"
    B: int = 0
    level: float = 0.95
    notes: list[str] = field(default_factory=list)
    conditional: pd.DataFrame | None = None
    complete: pd.DataFrame | None = None

    def to_frame(self) -> pd.DataFrame:
        """The table as a tidy DataFrame (``driver`` as a column).

        Examples
        --------
        >>> import cxlab as cx
        >>> air = cx.datasets.load("airline_mot")
        >>> mots = ["mot_booking", "mot_checkin", "mot_crew", "mot_meal"]
        >>> rw = cx.drivers.relative_weights(air, "sat_overall", mots, B=0)
        >>> rw.to_frame()[["driver", "pct", "rank"]].round(1)
                driver   pct  rank
        0     mot_crew  47.4     1
        1  mot_checkin  28.2     2
        2     mot_meal  13.8     3
        3  mot_booking  10.6     4
        """
        return self.table.reset_index()

    def summary(self) -> str:
        """A plain-text report: method, fit, n, the weights, and the notes.

        Examples
        --------
        >>> import cxlab as cx
        >>> air = cx.datasets.load("airline_mot")
        >>> mots = ["mot_booking", "mot_checkin", "mot_crew", "mot_meal"]
        >>> rw = cx.drivers.relative_weights(air, "sat_overall", mots, B=0)
        >>> head = rw.summary().splitlines()
        >>> print(head[0])
        relative weights (Johnson 2000): sat_overall on 4 drivers, n = 1,000
        >>> print(head[1])
        R² = 0.423
        """
        ci = ""
        if self.B:
            ci = f" [{self.r2_ci[0]:.3f}, {self.r2_ci[1]:.3f}]"
        head = (
            f"{self.method}: {self.outcome} on {len(self.table)} drivers, n = {self.n:,}\n"
            f"{self.fit_measure} = {self.r2:.3f}{ci}"
            + (f"; {self.level:.0%} percentile bootstrap CIs, B = {self.B}" if self.B else "")
        )
        body = self.table.round(3).to_string()
        return "\n".join([head, body, *self.notes])

    def __repr__(self) -> str:
        return self.summary()

    def _repr_html_(self) -> str:
        caption = [escape(line) for line in self.summary().splitlines()[:2]]
        html = self.table.round(3).to_html()
        notes = "".join(f"<p>{escape(n)}</p>" for n in self.notes)
        return f"<p><b>{caption[0]}</b><br>{caption[1]}</p>{html}{notes}"

    def plot(
        self,
        *,
        ax: Any = None,
        truth: Mapping[str, float] | pd.Series | None = None,
        labels: Mapping[str, str] | None = None,
        lang: Literal["en", "zh"] | None = None,
    ) -> Any:
        """Horizontal bars of each driver's share of the fit (%), with its bootstrap CI.

        ``truth`` (shares in %, by driver) adds a marker per driver, e.g. the shares
        a simulation was built with; ``labels`` renames drivers (Chinese renders in
        either language); ``lang`` ("en" or "zh") is the language of the axis label and
        legend, by default the notebook's (:func:`cxlab.viz.language`, set by
        ``cx.viz.set_theme(lang=...)``). Returns the matplotlib Axes.

        Examples
        --------
        >>> import cxlab as cx
        >>> air = cx.datasets.load("airline_mot")
        >>> mots = ["mot_booking", "mot_checkin", "mot_crew", "mot_meal"]
        >>> rw = cx.drivers.relative_weights(air, "sat_overall", mots, B=0)
        >>> ax = rw.plot()
        >>> type(ax).__name__, ax.get_title()
        ('Axes', 'sat_overall: R² = 0.423')
        >>> rw.plot(lang="zh").get_xlabel()
        '占 R² 的比例 (%)'
        """
        import matplotlib
        import matplotlib.pyplot as plt

        from cxlab.viz import PALETTE, figure_words, refont

        lang, words, family = figure_words(lang, _WORDS)
        table = self.table.iloc[::-1]
        names = [(labels or {}).get(d, d) for d in table.index]
        with matplotlib.rc_context({"font.family": family}):
            if ax is None:
                _, ax = plt.subplots(figsize=(6.5, 0.45 * len(table) + 1.2))
            ax.barh(names, table["pct"], color=PALETTE[0], alpha=0.8)
            if self.B:
                err = [table["pct"] - table["pct_ci_low"], table["pct_ci_high"] - table["pct"]]
                ax.errorbar(table["pct"], names, xerr=err, fmt="none", ecolor="black", capsize=3)
            if truth is not None:
                true = pd.Series(truth, dtype=float).reindex(table.index)
                ax.scatter(
                    true, names, marker="D", color=PALETTE[3], zorder=3, label=words["truth"]
                )
                ax.legend(loc="lower right")
            ax.set(xlabel=words["share"].format(fit=self.fit_measure), ylabel="")
            ax.set_title(f"{self.outcome}: {self.fit_measure} = {self.r2:.3f}", fontsize="medium")
            # also the texts of an axes made before, outside this font
            refont(ax, family)
        return ax


@dataclass
class IPA:
    """An importance-performance grid (result of :func:`ipa`).

    Attributes
    ----------
    table : DataFrame
        One row per attribute: ``label``, ``importance``, ``performance``,
        ``quadrant`` and ``quadrant_zh``.
    cuts : dict
        Where the lines are: ``importance`` and ``performance`` values, and ``rule``.
    """

    table: pd.DataFrame
    cuts: dict[str, Any]

    def to_frame(self) -> pd.DataFrame:
        """The table with the attribute as a column.

        Examples
        --------
        >>> import cxlab as cx
        >>> grid = cx.drivers.ipa({"a": 50, "b": 10, "c": 40}, {"a": 3.0, "b": 4.5, "c": 4.0})
        >>> grid.to_frame()[["attribute", "quadrant"]]
          attribute               quadrant
        0         a       concentrate here
        1         b      possible overkill
        2         c  keep up the good work
        """
        return self.table.reset_index()

    def summary(self) -> str:
        """Plain text: the cut points and the attributes by quadrant.

        Examples
        --------
        >>> import cxlab as cx
        >>> grid = cx.drivers.ipa({"a": 50, "b": 10, "c": 40}, {"a": 3.0, "b": 4.5, "c": 4.0})
        >>> print(grid.summary().splitlines()[0])
        IPA grid (mean/mean): importance cut 33.3, performance cut 3.83
        """
        head = (
            f"IPA grid ({self.cuts['rule']}): importance cut {self.cuts['importance']:.3g}, "
            f"performance cut {self.cuts['performance']:.3g}"
        )
        return head + "\n" + self.table.round(3).to_string()

    def __repr__(self) -> str:
        return self.summary()

    def _repr_html_(self) -> str:
        title = escape(self.summary().splitlines()[0])
        return f"<p><b>{title}</b></p>" + self.table.round(3).to_html()

    def plot(
        self,
        *,
        ax: Any = None,
        lang: Literal["en", "zh"] | None = None,
        xlabel: str | None = None,
        ylabel: str | None = None,
    ) -> Any:
        """The Martilla-James grid: performance on x, importance on y, quadrant names in
        the corners, each point labelled. Returns the Axes. ``lang`` ("en" or "zh") is
        the language of the quadrant names and axis labels, by default the notebook's
        (:func:`cxlab.viz.language`, set by ``cx.viz.set_theme(lang=...)``).

        Examples
        --------
        >>> import cxlab as cx
        >>> grid = cx.drivers.ipa({"a": 50, "b": 10, "c": 40}, {"a": 3.0, "b": 4.5, "c": 4.0})
        >>> ax = grid.plot()
        >>> ax.get_xlabel(), ax.get_ylabel()
        ('performance', 'importance')
        >>> [t.get_text() for t in grid.plot(lang="zh").texts[-4:]]  # the quadrants
        ['重点改进', '继续保持', '低优先级', '过度投入']
        """
        import matplotlib
        import matplotlib.pyplot as plt

        from cxlab.viz import PALETTE, figure_words, refont

        lang, words, family = figure_words(lang, _WORDS)
        with matplotlib.rc_context({"font.family": family}):
            if ax is None:
                _, ax = plt.subplots(figsize=(6.5, 5))
            self._draw(ax, PALETTE, _QUADRANT_INDEX[lang])
            ax.set(
                xlabel=xlabel or words["performance"],
                ylabel=ylabel or words["importance"],
            )
            # also the texts of an axes made before, outside this font
            refont(ax, family)
        return ax

    def _draw(self, ax: Any, palette: list[str], index: int) -> None:
        """Points, their labels, the cross-hair and the quadrant names (index 0: English,
        1: Chinese) on *ax*."""
        t = self.table
        colours = {q[0]: palette[i] for i, q in enumerate(QUADRANTS.values())}
        ax.scatter(t["performance"], t["importance"], c=[colours[q] for q in t["quadrant"]], s=60)
        for _, row in t.iterrows():
            ax.annotate(
                row["label"], (row["performance"], row["importance"]),
                xytext=(5, 4), textcoords="offset points", fontsize="small",
            )  # fmt: skip
        xc, yc = self.cuts["performance"], self.cuts["importance"]
        ax.axvline(xc, color="grey", lw=1, ls="--")
        ax.axhline(yc, color="grey", lw=1, ls="--")
        xs = np.r_[t["performance"].to_numpy(), xc]
        ys = np.r_[t["importance"].to_numpy(), yc]
        xpad = max(np.ptp(xs), 1e-9) * 0.15
        ypad = max(np.ptp(ys), 1e-9) * 0.15
        ax.set_xlim(xs.min() - xpad, xs.max() + 2 * xpad)
        ax.set_ylim(ys.min() - ypad, ys.max() + ypad)
        x0, x1 = ax.get_xlim()
        y0, y1 = ax.get_ylim()
        corners = {(True, False): (x0, y1), (True, True): (x1, y1)}
        corners |= {(False, False): (x0, y0), (False, True): (x1, y0)}
        for key, (x, y) in corners.items():
            ax.text(
                x, y, QUADRANTS[key][index], ha="left" if x == x0 else "right",
                va="top" if y == y1 else "bottom", color=colours[QUADRANTS[key][0]],
                fontsize="small", fontweight="bold", alpha=0.9,
            )  # fmt: skip


def _series(values: Any, what: str) -> pd.Series:
    if hasattr(values, "table") and "pct" in getattr(values, "table", {}):
        values = values.table["pct"]  # an Importance result: % of R²
    try:
        series = pd.Series(values, dtype=float)
    except (TypeError, ValueError) as exc:
        raise DataError(
            f"{what} must be numbers by attribute (a Series or dict), not {values!r}."
        ) from exc
    if series.empty:
        raise DataError(f"{what} is empty: give one number per attribute.")
    if series.isna().any():
        raise DataError(f"{what} is missing for {list(series.index[series.isna()])}.")
    if not series.index.is_unique:
        raise DataError(
            f"{what} names an attribute twice: {list(series.index[series.index.duplicated()])}."
        )
    return series


def _cut(values: pd.Series, rule: Any, what: str) -> float:
    if rule is None or rule == "mean":
        return float(values.mean())
    if rule == "median":
        return float(values.median())
    if isinstance(rule, int | float) and not isinstance(rule, bool) and np.isfinite(rule):
        return float(rule)
    raise DataError(f"The {what} cut must be 'mean', 'median' or a number, not {rule!r}.")


def ipa(
    importance: Any,
    performance: Any,
    *,
    cut: Literal["mean", "median"] | tuple[Any, Any] = "mean",
    labels: Mapping[str, str] | None = None,
) -> IPA:
    """Place attributes in the importance-performance grid of Martilla & James (1977).

    Parameters
    ----------
    importance : Series, dict or Importance
        Importance by attribute, e.g. a :func:`~cxlab.drivers.relative_weights` result
        (its ``pct``, % of R², is used) or stated importance ratings.
    performance : Series or dict
        Performance by attribute, e.g. the mean rating ``data[items].mean()``. Same
        attributes as ``importance``.
    cut : "mean", "median" or (importance cut, performance cut)
        Where the cross-hair goes: "mean" (default; the data-centred grid) or "median"
        of the attributes shown, or a pair whose items are numbers, "mean", "median"
        or None (= mean), e.g. ``(None, 3)`` for the midpoint of a 1-5 scale.
    labels : dict, optional
        Display names (e.g. Chinese) by attribute.

    Returns
    -------
    IPA
        ``.table`` (quadrant per attribute), ``.cuts``, ``.plot()``.

    Examples
    --------
    >>> import cxlab as cx
    >>> grid = cx.drivers.ipa({"a": 50, "b": 20, "c": 30}, {"a": 3.0, "b": 4.5, "c": 4.0},
    ...                       cut=(None, 3.5))
    >>> grid.table[["importance", "performance", "quadrant"]]
               importance  performance           quadrant
    attribute
    a                50.0          3.0   concentrate here
    b                20.0          4.5  possible overkill
    c                30.0          4.0  possible overkill
    """
    imp = _series(importance, "importance")
    perf = _series(performance, "performance")
    if set(imp.index) != set(perf.index):
        raise DataError(
            "importance and performance must cover the same attributes; only in importance: "
            f"{sorted(map(str, set(imp.index) - set(perf.index)))}, only in performance: "
            f"{sorted(map(str, set(perf.index) - set(imp.index)))}."
        )
    perf = perf.reindex(imp.index)
    if isinstance(cut, str):
        rules = (cut, cut)
    elif isinstance(cut, tuple | list) and len(cut) == 2:
        rules = tuple(cut)
    else:
        raise DataError(
            f"cut must be 'mean', 'median' or a pair (importance, performance), not {cut!r}."
        )
    imp_cut = _cut(imp, rules[0], "importance")
    perf_cut = _cut(perf, rules[1], "performance")
    high_imp, high_perf = imp >= imp_cut, perf >= perf_cut
    names = [QUADRANTS[(bool(i), bool(p))] for i, p in zip(high_imp, high_perf, strict=True)]
    table = pd.DataFrame(
        {
            "label": [(labels or {}).get(a, str(a)) for a in imp.index],
            "importance": imp,
            "performance": perf,
            "quadrant": [n[0] for n in names],
            "quadrant_zh": [n[1] for n in names],
        },
        index=pd.Index(imp.index, name="attribute"),
    )
    rule = "/".join(str(r if r is not None else "mean") for r in rules)
    return IPA(table, {"importance": imp_cut, "performance": perf_cut, "rule": rule})
