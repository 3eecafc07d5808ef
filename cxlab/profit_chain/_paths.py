"""The service-profit chain as a path model on unit means, with the small-n and the
cross-level caveats (private; public through :mod:`cxlab.profit_chain`)."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd
from scipy import stats

from cxlab._conventions import as_frame
from cxlab.errors import DataError
from cxlab.profit_chain._checks import check_level

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from cxlab.viz import Lang

__all__ = ["CAVEATS", "CHAIN_MODEL", "UnitPaths", "unit_paths"]

#: the chain on the unit table of the ``service_profit_chain_*`` datasets
CHAIN_MODEL = """esat ~ isq
turnover ~ esat
value ~ esat + turnover
csat ~ value
recommend ~ csat
revenue_growth ~ recommend"""

#: the rule behind the small-n warning
MIN_UNITS, MIN_UNITS_PER_PARAMETER = 100, 10

#: what a unit-level path model cannot say (printed in every summary)
CAVEATS = [
    "Ecological fallacy: these are links between unit means; they say nothing about "
    "whether a more satisfied employee serves a more satisfied customer (that needs "
    "data that match each customer to the employees who served them).",
    "Reverse causation: good units may make happy staff (success, bonuses, pride) as much "
    "as happy staff make good units; cross-sectional data fit both directions equally "
    "well.",
    "Common causes: location, brand, management quality or local labour markets can drive "
    "both staff and customer outcomes; unobserved, they show up as chain links.",
]

_WORDS = {
    "en": {
        "title": "Service-profit chain: paths between unit means",
        "x_std": "standardized path ({level:.0%} CI)",
        "x_est": "path ({level:.0%} CI)",
        "truth": "simulated truth",
    },
    "zh": {
        "title": "服务利润链：单位均值之间的路径",
        "x_std": "标准化路径系数（{level:.0%} 置信区间）",
        "x_est": "路径系数（{level:.0%} 置信区间）",
        "truth": "模拟真值",
    },
}


@dataclass
class UnitPaths:
    """Result of :func:`unit_paths`.

    Attributes
    ----------
    paths : DataFrame
        The regressions: ``lhs, op, rhs, est, se, z, pvalue, ci_low, ci_high, std_all,
        std_ci_low, std_ci_high``.
    fit : SEMFit
        The fitted path model (fit indices, R², diagram).
    n_units, n_free : int
        Units used and free parameters.
    """

    paths: pd.DataFrame
    fit: Any
    model: str
    n_units: int
    n_free: int
    level: float
    small_n: bool
    notes: list[str] = field(default_factory=list)

    def to_frame(self) -> pd.DataFrame:
        """The path table (``paths``).

        Examples
        --------
        >>> import cxlab as cx
        >>> import warnings
        >>> linked = cx.profit_chain.link(*cx.profit_chain.example_data())
        >>> with warnings.catch_warnings():
        ...     warnings.simplefilter("ignore")
        ...     up = cx.profit_chain.unit_paths(linked)
        >>> len(up.to_frame())
        7
        """
        return self.paths

    def summary(self) -> str:
        """Plain text: the fit, each path with its interval, and the caveats.

        Examples
        --------
        >>> import cxlab as cx
        >>> import warnings
        >>> linked = cx.profit_chain.link(*cx.profit_chain.example_data())
        >>> with warnings.catch_warnings():
        ...     warnings.simplefilter("ignore")
        ...     up = cx.profit_chain.unit_paths(linked)
        >>> print(up.summary().splitlines()[0])
        Unit-level path model: 60 units, 13 free parameters (ML, cx.sem.fit)
        """
        idx = self.fit.fit_indices()
        lines = [
            f"Unit-level path model: {self.n_units} units, {self.n_free} free parameters "
            "(ML, cx.sem.fit)",
            f"χ²({int(idx['df'])}) = {idx['chisq']:.2f}, p = {idx['pvalue']:.3f}; "
            f"CFI = {idx['cfi']:.3f}, SRMR = {idx['srmr']:.3f}",
            f"Paths ({self.level:.0%} CI; std = standardized):",
        ]
        for r in self.paths.itertuples(index=False):
            lines.append(
                f"  {r.lhs} ~ {r.rhs}: {r.est:.3f} [{r.ci_low:.3f}, {r.ci_high:.3f}], "
                f"std {r.std_all:.2f}, p = {r.pvalue:.3g}"
            )
        lines.extend(self.notes)
        lines.append("What these numbers cannot tell:")
        lines.extend(f"  - {c}" for c in CAVEATS)
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        head = escape(self.summary().splitlines()[0])
        items = "".join(f"<li>{escape(c)}</li>" for c in [*self.notes, *CAVEATS])
        return (
            f"<p><b>{head}</b></p>"
            + self.paths.round(3).to_html(index=False)
            + (f"<ul>{items}</ul>")
        )

    def __repr__(self) -> str:
        return self.summary()

    def plot(
        self,
        *,
        ax: Axes | None = None,
        lang: Lang | None = None,
        what: Literal["std", "est"] = "std",
        truth: dict[str, float] | None = None,
    ) -> Axes:
        """The chain's paths with their intervals, in chain order (a coefficient plot).

        ``what="std"`` (default) draws standardized paths (comparable across links with
        different units), ``"est"`` the raw ones; ``truth`` ({"esat ~ isq": 0.8, …}, on
        the scale drawn) adds the known values of simulated data. ``lang`` ("en"/"zh"):
        the language of the figure, by default the notebook's.

        Examples
        --------
        >>> import cxlab as cx
        >>> import warnings
        >>> linked = cx.profit_chain.link(*cx.profit_chain.example_data())
        >>> with warnings.catch_warnings():
        ...     warnings.simplefilter("ignore")
        ...     ax = cx.profit_chain.unit_paths(linked).plot(lang="zh")
        >>> ax.get_title()
        '服务利润链：单位均值之间的路径'
        >>> cx.viz.plt.close(ax.figure)
        """
        import matplotlib
        import matplotlib.pyplot as plt

        from cxlab.viz import figure_words, refont

        if what not in ("std", "est"):
            raise DataError(f"what must be 'std' or 'est', not {what!r}.")
        lang, words, family = figure_words(lang, _WORDS)
        t = self.paths.iloc[::-1]
        cols = (
            ("std_all", "std_ci_low", "std_ci_high")
            if what == "std"
            else ("est", "ci_low", "ci_high")
        )
        est, low, high = (t[c].to_numpy() for c in cols)
        names = list(t["lhs"] + " ← " + t["rhs"])
        with matplotlib.rc_context({"font.family": family}):
            ax = ax or plt.subplots(figsize=(7, 0.45 * len(t) + 1.5))[1]
            ax.errorbar(est, names, xerr=np.array([est - low, high - est]), fmt="o", capsize=3)
            if truth:
                keys = list(t["lhs"] + " ~ " + t["rhs"])
                vals = [truth.get(k, np.nan) for k in keys]
                ax.scatter(vals, names, marker="x", color="C3", zorder=3, label=words["truth"])
                ax.legend(loc="best", fontsize="small")
            ax.axvline(0, color="grey", lw=0.8)
            ax.set(xlabel=words[f"x_{what}"].format(level=self.level), title=words["title"])
            ax.grid(axis="x", alpha=0.3)
            refont(ax, family)
        return ax


def unit_paths(units: Any, model: str = CHAIN_MODEL, *, level: float = 0.95) -> UnitPaths:
    """The service-profit chain as a path model on unit means (observed variables), fitted
    by maximum likelihood with :func:`cxlab.sem.fit` — with the caveats it needs.

    Every unit is one observation, so the sample is the number of units, not of people.
    A warning says when it is small: fewer than 100 units, or fewer than 10 units per free
    parameter (the rule this function applies; a rough guide, not a guarantee). The summary
    always lists the cross-level caveats: the ecological fallacy, reverse causation and
    common causes (``CAVEATS``).

    # In R: lavaan::sem(model, data = unit_means)

    Parameters
    ----------
    units : DataFrame, Survey or Linked
        One row per unit with the model's variables (e.g. :func:`link`'s result).
    model : str
        lavaan syntax over the unit table's columns; by default ``CHAIN_MODEL`` (internal
        service quality → employee satisfaction → turnover → service value → customer
        satisfaction → recommendation → revenue growth).
    level : float
        Confidence level of the (Wald) intervals.

    Returns
    -------
    UnitPaths

    Examples
    --------
    >>> import cxlab as cx
    >>> import warnings
    >>> linked = cx.profit_chain.link(*cx.profit_chain.example_data())
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     up = cx.profit_chain.unit_paths(linked)
    >>> up.paths[["lhs", "rhs", "est", "ci_low", "ci_high"]].round(2)
                  lhs        rhs   est  ci_low  ci_high
    0            esat        isq  0.76    0.60     0.93
    1        turnover       esat -9.70  -11.45    -7.96
    2           value       esat  0.37    0.08     0.65
    3           value   turnover -0.01   -0.04     0.01
    4            csat      value  1.24    1.06     1.42
    5       recommend       csat  0.87    0.72     1.01
    6  revenue_growth  recommend  3.75    3.14     4.36
    """
    from cxlab.sem import fit as sem_fit

    check_level(level)
    frame = units.to_frame() if hasattr(units, "icc") and hasattr(units, "units") else units
    frame = as_frame(frame, what="units")
    result = sem_fit(model, frame)
    idx = result.fit_indices()
    n, q = int(idx["n"]), int(idx["npar"])
    table = result.table
    paths = table.loc[table["op"] == "~"].reset_index(drop=True)
    zq = stats.norm.ppf(0.5 + level / 2)
    out = paths[["lhs", "op", "rhs", "est", "se", "z", "pvalue"]].copy()
    out["ci_low"] = paths["est"] - zq * paths["se"]
    out["ci_high"] = paths["est"] + zq * paths["se"]
    out["std_all"] = paths["std_all"]
    out["std_ci_low"] = paths["std_all"] - zq * paths["std_se"]
    out["std_ci_high"] = paths["std_all"] + zq * paths["std_se"]
    notes = []
    small = n < MIN_UNITS or n < MIN_UNITS_PER_PARAMETER * q
    if small:
        msg = (
            f"Small sample: {n} units for {q} free parameters ({n / q:.1f} units per "
            f"parameter; the rule here asks for at least {MIN_UNITS} units and "
            f"{MIN_UNITS_PER_PARAMETER} per parameter). Estimates, SEs and fit indices are "
            "unstable; keep the model short and read the intervals, not the stars."
        )
        warnings.warn(msg, UserWarning, stacklevel=2)
        notes.append("Warning: " + msg)
    if not (result.converged and result.admissible):
        notes.append("Warning: the model did not converge or is inadmissible (see fit).")
    return UnitPaths(out, result, model, n, q, level, small, notes)
