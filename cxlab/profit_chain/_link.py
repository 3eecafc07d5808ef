"""Linking employees and customers of the same units (stores, hotels): unit means and the
ICC(1) / ICC(2) that say whether a unit mean is worth analysing (private; public through
:mod:`cxlab.profit_chain`)."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from scipy import stats

from cxlab._conventions import as_frame
from cxlab.errors import DataError
from cxlab.profit_chain._checks import Missing, refuse_small, table, unmatched

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from cxlab.viz import Lang

__all__ = ["Linked", "icc", "link"]

_WORDS = {
    "en": {
        "title": "Agreement within units: ICC(1) and ICC(2)",
        "x": "intraclass correlation",
        "icc1": "ICC(1): share of variance between units",
        "icc2": "ICC(2): reliability of the unit mean",
        "cut": "ICC(2) threshold",
    },
    "zh": {
        "title": "单位内一致性：ICC(1) 与 ICC(2)",
        "x": "组内相关系数",
        "icc1": "ICC(1)：单位间方差占比",
        "icc2": "ICC(2)：单位均值的信度",
        "cut": "ICC(2) 阈值",
    },
}


def icc(data: pd.DataFrame, variable: str, unit: str) -> dict[str, float]:
    """ICC(1), ICC(2) and the one-way ANOVA behind them for one variable (Bliese 2000).

    With G units, N respondents, MSB and MSW the between- and within-unit mean squares of
    a one-way ANOVA and k = N / G the mean unit size:
    ICC(1) = (MSB - MSW) / (MSB + (k - 1)·MSW) and ICC(2) = (MSB - MSW) / MSB — as
    R's ``multilevel::ICC1`` / ``ICC2`` on ``aov(y ~ unit)``.

    Examples
    --------
    >>> import pandas as pd
    >>> d = pd.DataFrame({"u": [1, 1, 2, 2, 3, 3], "y": [1.0, 2, 3, 4, 5, 7]})
    >>> {k: round(v, 3) for k, v in icc(d, "y", "u").items() if k in ("icc1", "icc2")}
    {'icc1': 0.821, 'icc2': 0.902}
    """
    y = data[variable].to_numpy(dtype=float)
    codes, _ = pd.factorize(data[unit])
    g = int(codes.max()) + 1
    n = len(y)
    sizes = np.bincount(codes, minlength=g)
    means = np.bincount(codes, weights=y, minlength=g) / sizes
    ssb = float(np.sum(sizes * (means - y.mean()) ** 2))
    ssw = float(np.sum((y - means[codes]) ** 2))
    msb, msw = ssb / (g - 1), ssw / (n - g)
    k = n / g
    f = msb / msw if msw > 0 else np.inf
    return {
        "n_units": g,
        "n": n,
        "k": k,
        "msb": msb,
        "msw": msw,
        "F": f,
        "pvalue": float(stats.f.sf(f, g - 1, n - g)),
        "icc1": (msb - msw) / (msb + (k - 1) * msw),
        "icc2": (msb - msw) / msb if msb > 0 else np.nan,
    }


@dataclass
class Linked:
    """Result of :func:`link`.

    Attributes
    ----------
    units : DataFrame
        One row per unit (index: the unit id): ``n_employees``, ``n_customers``, the unit
        mean of every employee and customer variable, then the columns of ``units``.
    icc : DataFrame
        One row per variable: ``variable, source, n_units, n, k`` (mean unit size),
        ``F, pvalue`` (one-way ANOVA), ``icc1, icc2``, ``reliable`` (ICC(2) ≥ ``min_icc2``).
    """

    units: pd.DataFrame
    icc: pd.DataFrame
    unit: str
    min_icc2: float
    dropped: dict[str, int] = field(default_factory=dict)

    def to_frame(self) -> pd.DataFrame:
        """The unit table, the unit id as a column (for :func:`unit_paths` or a CSV).

        Examples
        --------
        >>> import cxlab as cx
        >>> linked = cx.profit_chain.link(*cx.profit_chain.example_data())
        >>> linked.to_frame().shape
        (60, 11)
        """
        return self.units.reset_index()

    def summary(self) -> str:
        """Plain text: units and respondents, ICC(1) and ICC(2) of each variable.

        Examples
        --------
        >>> import cxlab as cx
        >>> linked = cx.profit_chain.link(*cx.profit_chain.example_data())
        >>> print(linked.summary().splitlines()[0])
        Linked 60 units: 1,070 employees (10-25 per unit), 2,684 customers (30-60 per unit)
        """
        u = self.units
        lines = [
            f"Linked {len(u)} units: {int(u['n_employees'].sum()):,} employees "
            f"({int(u['n_employees'].min())}-{int(u['n_employees'].max())} per unit), "
            f"{int(u['n_customers'].sum()):,} customers "
            f"({int(u['n_customers'].min())}-{int(u['n_customers'].max())} per unit)"
        ]
        if self.dropped:
            lines.append("Left out: " + ", ".join(f"{v:,} {k}" for k, v in self.dropped.items()))
        lines.append("ICC(1) / ICC(2) from one-way ANOVA (Bliese 2000):")
        for r in self.icc.itertuples(index=False):
            flag = "" if r.reliable else f"  <- ICC(2) < {self.min_icc2}: unit mean unreliable"
            lines.append(
                f"  {r.variable} ({r.source}): ICC(1) = {r.icc1:.3f}, ICC(2) = {r.icc2:.3f}, "
                f"F = {r.F:.2f}, p = {r.pvalue:.3g}{flag}"
            )
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        head = escape(self.summary().splitlines()[0])
        return f"<p><b>{head}</b></p>" + self.icc.round(3).to_html(index=False)

    def __repr__(self) -> str:
        return self.summary()

    def plot(self, *, ax: Axes | None = None, lang: Lang | None = None) -> Axes:
        """ICC(1) and ICC(2) of each variable, with the ICC(2) threshold.

        ``lang`` ("en"/"zh"): the language of the figure, by default the notebook's.

        Examples
        --------
        >>> import cxlab as cx
        >>> ax = cx.profit_chain.link(*cx.profit_chain.example_data()).plot(lang="zh")
        >>> ax.get_title()
        '单位内一致性：ICC(1) 与 ICC(2)'
        >>> cx.viz.plt.close(ax.figure)
        """
        import matplotlib
        import matplotlib.pyplot as plt

        from cxlab.viz import figure_words, refont

        lang, words, family = figure_words(lang, _WORDS)
        t = self.icc.iloc[::-1]
        y = np.arange(len(t))
        with matplotlib.rc_context({"font.family": family}):
            ax = ax or plt.subplots(figsize=(7, 0.45 * len(t) + 1.6))[1]
            ax.barh(y + 0.2, t["icc1"], height=0.4, label=words["icc1"])
            ax.barh(y - 0.2, t["icc2"], height=0.4, label=words["icc2"])
            ax.axvline(self.min_icc2, color="grey", ls="--", lw=1, label=words["cut"])
            ax.set_yticks(y, list(t["variable"]))
            ax.set(xlabel=words["x"], title=words["title"], xlim=(min(0, t["icc1"].min()), 1))
            ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize="small")
            refont(ax, family)
        return ax


def _vars(frame: pd.DataFrame, given: Sequence[str] | None, unit: str) -> list[str]:
    if given is not None:
        return list(given)
    return [
        c
        for c in frame.columns
        if c != unit
        and not (str(c).lower() == "id" or str(c).lower().endswith("_id"))
        and pd.api.types.is_numeric_dtype(frame[c].dtype)
    ]


def link(
    employees: Any,
    customers: Any,
    units: Any = None,
    *,
    unit: str = "unit_id",
    employee_vars: Sequence[str] | None = None,
    customer_vars: Sequence[str] | None = None,
    min_icc2: float = 0.7,
    missing: Missing = "raise",
) -> Linked:
    """Link employees and customers of the same units: one row of unit means per unit,
    and ICC(1) / ICC(2) of every variable (is the unit mean worth analysing?).

    ICC(1) is the share of a variable's variance that lies between units; ICC(2) is the
    reliability of a unit's mean (how well the mean of its k respondents would agree with
    the mean of another k). Both come from a one-way ANOVA of the variable on the unit
    (Bliese 2000): see :func:`icc`. A variable whose ICC(2) is below ``min_icc2`` gets a
    warning: its unit means are mostly noise, and unit-level paths built on them are
    attenuated.

    # In R: multilevel::ICC1(aov(y ~ unit, data)); multilevel::ICC2(...);
    #       aggregate(cbind(...) ~ unit, data, mean)

    Parameters
    ----------
    employees, customers : DataFrame or Survey
        One row per respondent, with the unit id column.
    units : DataFrame, optional
        One row per unit (unit-level figures such as turnover or revenue growth); its
        unit ids must be those of the respondents.
    unit : str
        The unit id column (the same name in every table).
    employee_vars, customer_vars : list of str, optional
        Variables to average (default: every numeric column but the unit id and id
        columns — named ``id`` or ``…_id``; columns of text are left out too: name a
        variable to have text in it reported as an error).
    min_icc2 : float
        The ICC(2) under which a variable gets a warning (0.7 is a common convention).
    missing : {"raise", "drop"}
        Missing values raise a DataError naming the columns; ``"drop"`` leaves out those
        respondents (counted in ``dropped``).

    Returns
    -------
    Linked
        ``units`` (the unit table) and ``icc``.

    Raises
    ------
    DataError
        A unit id in one table but not the other (named), a unit with fewer than two
        respondents in either table (named, with its count), a missing value.

    References
    ----------
    Bliese, P. D. (2000). Within-group agreement, non-independence, and reliability:
    Implications for data aggregation and analysis. In K. J. Klein & S. W. J. Kozlowski
    (Eds.), Multilevel theory, research, and methods in organizations (pp. 349-381).
    Jossey-Bass.

    Examples
    --------
    >>> import cxlab as cx
    >>> employees, customers, units = cx.profit_chain.example_data()
    >>> linked = cx.profit_chain.link(employees, customers, units)
    >>> linked.icc[["variable", "icc1", "icc2"]].round(2)
        variable  icc1  icc2
    0        isq  0.32  0.89
    1       esat  0.34  0.90
    2       stay  0.08  0.62
    3      value  0.19  0.91
    4       csat  0.21  0.92
    5  recommend  0.19  0.91
    """
    emp_frame = as_frame(employees, what="employees")
    cus_frame = as_frame(customers, what="customers")
    evars = _vars(emp_frame, employee_vars, unit)
    cvars = _vars(cus_frame, customer_vars, unit)
    both = sorted(set(evars) & set(cvars))
    if both:
        raise DataError(
            f"Column(s) {both} are in both employees and customers: rename them (e.g. "
            "'satisfaction' -> 'esat' and 'csat') so the unit table can hold both means."
        )
    emp, dropped = table(emp_frame, evars, unit, what="employees", missing=missing)
    cus, dropped_c = table(cus_frame, cvars, unit, what="customers", missing=missing)
    dropped |= dropped_c
    e_ids, c_ids = pd.Index(pd.unique(emp[unit])), pd.Index(pd.unique(cus[unit]))
    unmatched(cus[unit], e_ids, what="customers", other="employees", unit=unit)
    unmatched(emp[unit], c_ids, what="employees", other="customers", unit=unit)
    n_e = emp.groupby(unit, sort=True).size()
    n_c = cus.groupby(unit, sort=True).size()
    refuse_small(n_e, what="employees")
    refuse_small(n_c, what="customers")
    table_ = pd.concat(
        [
            n_e.rename("n_employees"),
            n_c.rename("n_customers"),
            emp.groupby(unit, sort=True)[evars].mean(),
            cus.groupby(unit, sort=True)[cvars].mean(),
        ],
        axis=1,
    )
    if units is not None:
        u = as_frame(units, what="units")
        if unit not in u.columns:
            raise DataError(f"units has no column {unit!r}: pass the unit id column as unit=.")
        if u[unit].duplicated().any():
            dup = list(u.loc[u[unit].duplicated(), unit])
            raise DataError(f"units has {len(dup)} repeated unit id(s): {dup[:5]}; one row each.")
        unmatched(emp[unit], pd.Index(u[unit]), what="employees", other="units", unit=unit)
        unmatched(u[unit], e_ids, what="units", other="employees", unit=unit)
        extra = [c for c in u.columns if c != unit]
        clash = sorted(set(extra) & set(table_.columns))
        if clash:
            raise DataError(f"units column(s) {clash} clash with respondent variables: rename.")
        table_ = table_.join(u.set_index(unit)[extra])
    table_.index.name = unit
    rows = []
    for source, frame, names in (("employees", emp, evars), ("customers", cus, cvars)):
        for v in names:
            rows.append({"variable": v, "source": source, **icc(frame, v, unit)})
    icc_table = pd.DataFrame(rows).drop(columns=["msb", "msw"])
    icc_table["reliable"] = icc_table["icc2"] >= min_icc2
    weak = icc_table.loc[~icc_table["reliable"]]
    if len(weak):
        text = ", ".join(f"{r.variable} ({r.icc2:.2f})" for r in weak.itertuples())
        warnings.warn(
            f"ICC(2) below {min_icc2} for {text}: these unit means are unreliable "
            "(too few respondents per unit or too little difference between units); "
            "unit-level links built on them are attenuated.",
            UserWarning,
            stacklevel=2,
        )
    return Linked(table_, icc_table, unit, min_icc2, dropped)
