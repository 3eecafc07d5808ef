"""Result objects of cxlab.loyalty: cohorts, the Dick & Basu loyalty matrix, and
regressions of behaviour (repurchase, number of purchases) on attitudes."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from cxlab._conventions import renamed_columns
from cxlab.errors import DataError, EstimationError

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from cxlab.viz import Lang

CELLS = ("true loyalty", "latent loyalty", "spurious loyalty", "no loyalty")
CELLS_ZH = {
    "true loyalty": "真正忠诚",
    "latent loyalty": "潜在忠诚",
    "spurious loyalty": "虚假忠诚",
    "no loyalty": "不忠诚",
}
_LEVELS = {
    "true loyalty": ("high", "high"),
    "latent loyalty": ("high", "low"),
    "spurious loyalty": ("low", "high"),
    "no loyalty": ("low", "low"),
}
FAMILIES = ("logit", "poisson", "negbin")
#: the words of the plots of :class:`Cohorts`, :class:`LoyaltyMatrix` and
#: :class:`BehaviourModel`, by language
_WORDS: dict[str, dict[str, Any]] = {
    "en": {
        "cells": {c: c for c in CELLS},
        "since": "{unit} since the first purchase",
        "units": {"D": "days", "W": "weeks", "M": "months", "Q": "quarters", "Y": "years"},
        "cohort": "cohort",
        "coef": "coefficient ({family})",
    },
    "zh": {
        "cells": CELLS_ZH,
        "since": "首次购买后的{unit}",
        "units": {"D": "天数", "W": "周数", "M": "月数", "Q": "季度数", "Y": "年数"},
        "cohort": "同期群",
        "coef": "回归系数（{family}）",
    },
}


@dataclass
class Cohorts:
    """Customers active in each period after their first purchase, by cohort.

    ``counts``: rows are cohorts (period of the first purchase), columns the number of
    periods since then (0 = the first period), values the customers who bought in that
    period; NaN where the period lies after the end of the data. ``sizes``: customers
    per cohort. ``retention``: counts divided by sizes.
    """

    counts: pd.DataFrame
    sizes: pd.Series
    period: str

    @property
    def retention(self) -> pd.DataFrame:
        """Share of each cohort buying in each period since its first purchase."""
        return self.counts.div(self.sizes, axis=0)

    def to_frame(self) -> pd.DataFrame:
        """Tidy table: cohort, period (since first purchase), customers, active, retention.

        Examples
        --------
        >>> import cxlab as cx
        >>> from cxlab import loyalty
        >>> c = loyalty.cohorts(cx.datasets.load("cdnow_sample"), period="M")
        >>> c.to_frame().head(3).round(3)  # the January 1997 cohort, months 0-2
            cohort  period  customers  active  retention
        0  1997-01       0        781   781.0      1.000
        1  1997-01       1        781   124.0      0.159
        2  1997-01       2        781    95.0      0.122
        """
        tidy = self.counts.stack().rename("active").reset_index()
        tidy.columns = ["cohort", "period", "active"]
        tidy["customers"] = tidy["cohort"].map(self.sizes)
        tidy["retention"] = tidy["active"] / tidy["customers"]
        return tidy[["cohort", "period", "customers", "active", "retention"]]

    def summary(self) -> str:
        """Plain text: the cohorts and the retention (%) of each in its first periods.

        Examples
        --------
        >>> import cxlab as cx
        >>> from cxlab import loyalty
        >>> c = loyalty.cohorts(cx.datasets.load("cdnow_sample"), period="M")
        >>> print(c.summary().splitlines()[0])
        Cohorts: 3 cohorts of 2,357 customers, 17 periods (M); see .retention
        """
        shown = (self.retention.iloc[:, :7] * 100).round(1)
        return repr(self) + "\nretention (%), first periods:\n" + shown.to_string()

    def _repr_html_(self) -> str:
        shown = (self.retention.iloc[:, :13] * 100).round(1)
        return f"<p><b>{escape(repr(self))}</b></p>" + shown.to_html()

    def plot(
        self, *, ax: Axes | None = None, max_periods: int | None = None, lang: Lang | None = None
    ) -> Axes:
        """Heatmap of the retention matrix (seaborn), in % of each cohort. ``lang`` ("en"
        or "zh") is the language of the axis labels; default: the notebook's
        (:func:`cxlab.viz.language`, set by ``cx.viz.set_theme(lang=...)``).

        Examples
        --------
        >>> import cxlab as cx
        >>> from cxlab import loyalty
        >>> c = loyalty.cohorts(cx.datasets.load("cdnow_sample"), period="M")
        >>> ax = c.plot(max_periods=6)
        >>> ax.get_xlabel()
        'months since the first purchase'
        >>> ax = c.plot(max_periods=6, lang="zh")
        >>> ax.get_xlabel(), ax.get_ylabel()
        ('首次购买后的月数', '同期群')
        """
        import matplotlib
        import matplotlib.pyplot as plt
        import seaborn as sns

        from cxlab.viz import figure_words, refont

        lang, words, family = figure_words(lang, _WORDS)
        ret = self.retention.iloc[:, 1 : (max_periods or self.retention.shape[1]) + 1] * 100
        with matplotlib.rc_context({"font.family": family}):
            size = (min(14, 2 + 0.5 * ret.shape[1]), 1 + 0.4 * len(ret))
            ax = ax or plt.subplots(figsize=size)[1]
            sns.heatmap(
                ret,
                ax=ax,
                cmap="Blues",
                annot=ret.shape[1] <= 24,
                fmt=".0f",
                cbar_kws={"label": "%"},
            )
            ax.grid(False)
            unit = words["units"][self.period]
            ax.set(xlabel=words["since"].format(unit=unit), ylabel=words["cohort"])
            # also the texts of an axes made before, outside this font
            refont(ax, family)
        return ax

    def __repr__(self) -> str:
        return (
            f"Cohorts: {len(self.sizes)} cohorts of {int(self.sizes.sum()):,} customers, "
            f"{self.counts.shape[1] - 1} periods ({self.period}); see .retention"
        )


@dataclass
class LoyaltyMatrix:
    """Dick & Basu's (1994) loyalty matrix: relative attitude × repeat patronage.

    ``cells``: one row per cell — true loyalty (high attitude, high behaviour), latent
    loyalty (high, low), spurious loyalty (low, high), no loyalty (low, low) — with the
    number and share of customers and their ids. High means at or above the threshold.
    ``assignment``: each customer's cell. ``excluded``: customers left out for a missing
    attitude or behaviour (only with ``missing="drop"``).
    """

    cells: pd.DataFrame
    assignment: pd.Series
    thresholds: dict[str, float]
    excluded: list[Any]
    data_: pd.DataFrame = field(repr=False)

    @property
    def table(self) -> pd.DataFrame:
        """The 2 × 2 counts: attitude (rows) by behaviour (columns)."""
        t = self.cells.pivot(index="attitude", columns="behaviour", values="n")
        return t.loc[["high", "low"], ["high", "low"]]

    def customers(self, cell: str) -> pd.Index:
        """Ids of the customers in *cell* (e.g. ``"spurious loyalty"``).

        Examples
        --------
        >>> import pandas as pd
        >>> from cxlab import loyalty
        >>> att = pd.Series([6.5, 6.0, 2.0, 3.0, 5.5], index=[1, 2, 3, 4, 5])
        >>> buys = pd.Series([9, 1, 12, 0, 7], index=[1, 2, 3, 4, 5])
        >>> m = loyalty.loyalty_matrix(att, buys, thresholds=(5, 5))
        >>> list(m.customers("true loyalty")), list(m.customers("latent loyalty"))
        ([1, 5], [2])
        """
        if cell not in CELLS:
            raise DataError(f"cell must be one of {', '.join(CELLS)}, not {cell!r}.")
        return pd.Index(self.cells.loc[cell, "customers"], name=self.assignment.index.name)

    def to_frame(self) -> pd.DataFrame:
        """The cells (n, share, attitude and behaviour level) without the id lists.

        Examples
        --------
        >>> import pandas as pd
        >>> from cxlab import loyalty
        >>> att = pd.Series([6.5, 6.0, 2.0, 3.0, 5.5], index=[1, 2, 3, 4, 5])
        >>> buys = pd.Series([9, 1, 12, 0, 7], index=[1, 2, 3, 4, 5])
        >>> loyalty.loyalty_matrix(att, buys, thresholds=(5, 5)).to_frame()["n"].tolist()
        [2, 1, 1, 1]
        """
        return self.cells.drop(columns="customers")

    def summary(self) -> str:
        """Plain text: the thresholds and the customers in each cell.

        Examples
        --------
        >>> import pandas as pd
        >>> from cxlab import loyalty
        >>> att = pd.Series([6.5, 6.0, 2.0, 3.0, 5.5], index=[1, 2, 3, 4, 5])
        >>> buys = pd.Series([9, 1, 12, 0, 7], index=[1, 2, 3, 4, 5])
        >>> print(loyalty.loyalty_matrix(att, buys, thresholds=(5, 5)).summary())
        Loyalty matrix (high: attitude ≥ 5, behaviour ≥ 5)
          true loyalty           2   40.0%
          latent loyalty         1   20.0%
          spurious loyalty       1   20.0%
          no loyalty             1   20.0%
        """
        return repr(self)

    def _repr_html_(self) -> str:
        title = escape(repr(self).splitlines()[0])
        return f"<p><b>{title}</b></p>" + self.to_frame().round(3).to_html()

    def plot(
        self, *, ax: Axes | None = None, jitter: float = 0.15, lang: Lang | None = None
    ) -> Axes:
        """Scatter of attitude vs behaviour with the thresholds and each cell's count.

        ``lang`` ("en" or "zh") is the language of the cell names (Chinese: those of
        :data:`CELLS_ZH`, 真正忠诚 …); the axes keep the names of the two series. Default:
        the notebook's (:func:`cxlab.viz.language`, set by ``cx.viz.set_theme(lang=...)``).

        Examples
        --------
        >>> import pandas as pd
        >>> from cxlab import loyalty
        >>> att = pd.Series([6.5, 6.0, 2.0, 3.0, 5.5], index=[1, 2, 3, 4, 5])
        >>> buys = pd.Series([9, 1, 12, 0, 7], index=[1, 2, 3, 4, 5])
        >>> m = loyalty.loyalty_matrix(att, buys, thresholds=(5, 5))
        >>> ax = m.plot()
        >>> ax.texts[0].get_text().splitlines()
        ['true loyalty', '2 (40%)']
        >>> [t.get_text().splitlines()[0] for t in m.plot(lang="zh").texts]
        ['真正忠诚', '潜在忠诚', '虚假忠诚', '不忠诚']
        """
        import matplotlib
        import matplotlib.pyplot as plt

        from cxlab.viz import figure_words, refont

        lang, _, family = figure_words(lang)
        with matplotlib.rc_context({"font.family": family}):
            ax = ax or plt.subplots(figsize=(6, 4.5))[1]
            rng = np.random.default_rng(0)  # jitter only separates tied points
            a, b = self.data_["attitude"], self.data_["behaviour"]
            ax.scatter(
                a + rng.uniform(-jitter, jitter, len(a)),
                b + rng.uniform(-jitter, jitter, len(b)) * (b.std() / a.std()),
                s=6,
                alpha=0.35,
            )
            ta, tb = self.thresholds["attitude"], self.thresholds["behaviour"]
            ax.axvline(ta, color="black", lw=1)
            ax.axhline(tb, color="black", lw=1)
            for cell, (att, beh) in _LEVELS.items():
                x = 0.98 if att == "high" else 0.02
                y = 0.97 if beh == "high" else 0.03
                n, share = int(self.cells.loc[cell, "n"]), float(self.cells.loc[cell, "share"])
                name = _WORDS[lang]["cells"][cell]
                ax.text(
                    x,
                    y,
                    f"{name}\n{n:,} ({share:.0%})",
                    transform=ax.transAxes,
                    ha="right" if att == "high" else "left",
                    va="top" if beh == "high" else "bottom",
                    fontsize=9,
                    bbox={"facecolor": "white", "alpha": 0.8, "edgecolor": "none"},
                )
            ax.set(
                xlabel=str(self.data_.attrs.get("attitude")),
                ylabel=str(self.data_.attrs.get("behaviour")),
            )
            # also the texts of an axes made before, outside this font
            refont(ax, family)
        return ax

    def __repr__(self) -> str:
        rows = [f"  {c:<17} {int(r.n):>6,}  {r.share:6.1%}" for c, r in self.cells.iterrows()]
        th = ", ".join(f"{k} ≥ {v:g}" for k, v in self.thresholds.items())
        return "Loyalty matrix (high: " + th + ")\n" + "\n".join(rows)


def _series(x: Any, what: str) -> pd.Series:
    if not isinstance(x, pd.Series):
        raise DataError(f"{what} must be a pandas Series indexed by customer id.")
    if not x.index.is_unique:
        dup = x.index[x.index.duplicated()].unique()[:5]
        raise DataError(f"{what} has duplicate customer ids: {', '.join(map(repr, dup))}.")
    if not pd.api.types.is_numeric_dtype(x) or pd.api.types.is_bool_dtype(x):
        raise DataError(f"{what} must be numeric (a scale score, a count), not {x.dtype}.")
    return x.astype(float)


def loyalty_matrix(
    attitude: pd.Series,
    behaviour: pd.Series,
    thresholds: Any = None,
    *,
    missing: str = "raise",
) -> LoyaltyMatrix:
    """Dick & Basu's loyalty matrix: attitude (high/low) × behaviour (high/low).

    True loyalty (high, high), latent loyalty (high attitude, low repeat purchasing),
    spurious loyalty (low attitude, high repeat purchasing: habit, convenience,
    switching costs) and no loyalty (low, low).

    Parameters
    ----------
    attitude, behaviour : Series
        Indexed by customer id, e.g. a loyalty-intention scale score and the number of
        purchases: ``purchase_counts(log, survey_ids)["purchases"]``, which DuckDB
        counts from a DataFrame or from CSV / Parquet files of any size (a glob, a
        folder), so only one number per surveyed customer reaches pandas.
    thresholds : (float, float) or dict, optional
        Cut-offs for attitude and behaviour; a value at or above is high. Default: the
        medians (say so when you report; the cells depend on it).
    missing : {"raise", "drop"}
        Customers lacking either value: an error naming them, or left out and listed
        in ``excluded``.

    Returns
    -------
    LoyaltyMatrix
        ``cells`` (n, share, customer ids per cell), ``table`` (2 × 2), ``assignment``,
        ``customers(cell)``, ``plot()``.

    Examples
    --------
    >>> import pandas as pd
    >>> from cxlab import loyalty
    >>> att = pd.Series([6.5, 6.0, 2.0, 3.0, 5.5], index=[1, 2, 3, 4, 5])
    >>> buys = pd.Series([9, 1, 12, 0, 7], index=[1, 2, 3, 4, 5])
    >>> m = loyalty.loyalty_matrix(att, buys, thresholds=(5, 5))
    >>> m.cells["n"].to_dict()
    {'true loyalty': 2, 'latent loyalty': 1, 'spurious loyalty': 1, 'no loyalty': 1}
    >>> list(m.customers("spurious loyalty"))
    [3]
    """
    a, b = _series(attitude, "attitude"), _series(behaviour, "behaviour")
    if missing not in ("raise", "drop"):
        raise DataError(f"missing must be 'raise' or 'drop', not {missing!r}.")
    data = pd.concat({"attitude": a, "behaviour": b}, axis=1, join="outer")
    gap = data.index[data.isna().any(axis=1)]
    if len(gap) and missing == "raise":
        shown = ", ".join(map(repr, list(gap[:8])))
        raise DataError(
            f"{len(gap):,} customers lack an attitude or a behaviour value (ids {shown}"
            f"{', …' if len(gap) > 8 else ''}). Fill them in (e.g. 0 purchases for surveyed "
            "customers who never bought), or pass missing='drop' to leave them out (reported)."
        )
    data = data.drop(index=gap)
    if data.empty:
        raise DataError("No customer has both an attitude and a behaviour value.")
    data.attrs = {"attitude": a.name or "attitude", "behaviour": b.name or "behaviour"}
    if thresholds is None:
        ta, tb = float(data["attitude"].median()), float(data["behaviour"].median())
    elif isinstance(thresholds, dict):
        ta, tb = float(thresholds["attitude"]), float(thresholds["behaviour"])
    else:
        ta, tb = (float(t) for t in thresholds)
    high_a, high_b = data["attitude"] >= ta, data["behaviour"] >= tb
    cell = np.select(
        [high_a & high_b, high_a & ~high_b, ~high_a & high_b], list(CELLS[:3]), default=CELLS[3]
    )
    assignment = pd.Series(
        pd.Categorical(cell, categories=list(CELLS)), index=data.index, name="cell"
    )
    rows = []
    for c in CELLS:
        ids = list(data.index[assignment == c])
        rows.append((c, CELLS_ZH[c], *_LEVELS[c], len(ids), len(ids) / len(data), ids))
    cells = pd.DataFrame(
        rows, columns=["cell", "cell_zh", "attitude", "behaviour", "n", "share", "customers"]
    ).set_index("cell")
    data["cell"] = assignment
    return LoyaltyMatrix(cells, assignment, {"attitude": ta, "behaviour": tb}, list(gap), data)


@dataclass
class BehaviourModel:
    """A regression of behaviour on attitudes (statsmodels): logit for repurchase yes/no,
    Poisson or negative binomial for the number of purchases.

    ``table``: one row per term — ``est`` (log-odds or log-rate per unit, or per SD
    when standardized), SE, z, p, 95 % CI, and ``ratio`` = exp(est): the odds ratio
    (logit) or incidence-rate ratio (counts); ``est`` was ``coef`` before cxlab 0.2.
    ``stats``: n, log-likelihood, McFadden's
    pseudo R², AIC, BIC, and for Poisson the Pearson dispersion (≫ 1: use negbin).
    """

    family: str
    outcome: str
    table: pd.DataFrame
    stats: pd.Series
    dropped: list[Any]
    result_: Any = field(repr=False)

    def to_frame(self) -> pd.DataFrame:
        """The coefficient table (same as ``table``; ``summary()`` before cxlab 0.2).

        Examples
        --------
        >>> import pandas as pd
        >>> from cxlab import loyalty
        >>> d = pd.DataFrame({"li": [1, 2, 3, 4, 5, 6, 7, 2, 5, 6],
        ...                   "bought": [0, 0, 1, 0, 1, 1, 1, 1, 0, 1]})
        >>> m = loyalty.behaviour_model(d, "bought", ["li"], "logit")
        >>> m.to_frame()[["est", "se", "pvalue", "ratio"]].round(3)  # In R: summary(glm(...))
                 est     se  pvalue  ratio
        term
        const  0.508  0.744   0.495  1.661
        li     1.150  0.837   0.170  3.158
        """
        return self.table

    def summary(self) -> str:
        """Plain text: the model, its fit and the coefficient table. Until cxlab 0.2
        ``summary()`` returned the table (a DataFrame); that table is :meth:`to_frame` now.

        Examples
        --------
        >>> import pandas as pd
        >>> from cxlab import loyalty
        >>> d = pd.DataFrame({"li": [1, 2, 3, 4, 5, 6, 7, 2, 5, 6],
        ...                   "bought": [0, 0, 1, 0, 1, 1, 1, 1, 0, 1]})
        >>> m = loyalty.behaviour_model(d, "bought", ["li"], "logit")
        >>> print(m.summary().splitlines()[0])
        logit model of bought: n = 10, pseudo R² = 0.173, AIC = 15.1
        """
        return repr(self)

    def plot(self, *, ax: Axes | None = None, lang: Lang | None = None) -> Axes:
        """The coefficients (without the constant) with their 95 % intervals. ``lang``
        ("en" or "zh") is the language of the axis label; default: the notebook's
        (:func:`cxlab.viz.language`, set by ``cx.viz.set_theme(lang=...)``).

        Examples
        --------
        >>> import pandas as pd
        >>> from cxlab import loyalty
        >>> d = pd.DataFrame({"li": [1, 2, 3, 4, 5, 6, 7, 2, 5, 6],
        ...                   "bought": [0, 0, 1, 0, 1, 1, 1, 1, 0, 1]})
        >>> m = loyalty.behaviour_model(d, "bought", ["li"], "logit")
        >>> m.plot().get_yticklabels()[0].get_text()
        'li'
        >>> m.plot(lang="zh").get_xlabel()
        '回归系数（logit）'
        """
        import matplotlib
        import matplotlib.pyplot as plt

        from cxlab.viz import figure_words, refont

        lang, _, family = figure_words(lang)
        t = self.table.drop(index=["const", "alpha"], errors="ignore").iloc[::-1]
        with matplotlib.rc_context({"font.family": family}):
            ax = ax or plt.subplots(figsize=(6, 0.45 * len(t) + 1.2))[1]
            err = [t["est"] - t["ci_low"], t["ci_high"] - t["est"]]
            ax.errorbar(t["est"], list(t.index), xerr=err, fmt="o", capsize=3)
            ax.axvline(0, color="grey", lw=1, ls="--")
            ax.set(xlabel=_WORDS[lang]["coef"].format(family=self.family), ylabel="")
            # also the texts of an axes made before, outside this font
            refont(ax, family)
        return ax

    def _repr_html_(self) -> str:
        title = escape(repr(self).splitlines()[0])
        return f"<p><b>{title}</b></p>" + self.table.round(3).to_html()

    def __repr__(self) -> str:
        s = self.stats
        return (
            f"{self.family} model of {self.outcome}: n = {int(s['n']):,}, pseudo R² = "
            f"{s['pseudo_r2']:.3f}, AIC = {s['aic']:.1f}\n" + self.table.round(3).to_string()
        )


def behaviour_model(
    data: pd.DataFrame,
    outcome: str,
    predictors: list[str],
    family: str = "logit",
    *,
    standardize: bool = True,
    missing: str = "raise",
) -> BehaviourModel:
    """Does an attitude predict behaviour? Logit (repurchase yes/no), Poisson or negative
    binomial (number of purchases) regression with statsmodels.

    Parameters
    ----------
    data : DataFrame
        One row per customer.
    outcome : str
        0/1 column (logit) or a count (poisson, negbin).
    predictors : list of str
        Attitude scores and controls.
    family : {"logit", "poisson", "negbin"}
        The model. Counts of purchases are usually overdispersed (variance ≫ mean):
        check ``stats["dispersion"]`` of the Poisson model, then use "negbin".
    standardize : bool
        z-score the predictors, so coefficients are per standard deviation.
    missing : {"raise", "drop"}
        Rows with a missing value: an error, or left out and listed in ``dropped``.

    Returns
    -------
    BehaviourModel
        ``table`` (est, se, z, pvalue, CI, ratio = odds / incidence-rate ratio),
        ``stats`` (n, llf, pseudo_r2, aic, bic[, dispersion]), ``result_``.

    Examples
    --------
    >>> import pandas as pd
    >>> from cxlab import loyalty
    >>> d = pd.DataFrame({"li": [1, 2, 3, 4, 5, 6, 7, 2, 5, 6],
    ...                   "bought": [0, 0, 1, 0, 1, 1, 1, 1, 0, 1]})
    >>> m = loyalty.behaviour_model(d, "bought", ["li"], "logit")
    >>> round(float(m.table.loc["li", "ratio"]), 2)
    3.16

    In R: ``glm(bought ~ scale(li), family = binomial)``; ``MASS::glm.nb`` for negbin.
    """
    import statsmodels.api as sm

    if family not in FAMILIES:
        raise DataError(f"family must be one of {', '.join(FAMILIES)}, not {family!r}.")
    if isinstance(predictors, str):
        predictors = [predictors]
    cols = [outcome, *predictors]
    absent = [c for c in cols if c not in data.columns]
    if absent:
        raise DataError(f"data has no column {', '.join(map(repr, absent))}.")
    d = data[cols]
    gap = d.index[d.isna().any(axis=1)]
    if len(gap) and missing == "raise":
        raise DataError(
            f"{len(gap):,} rows have missing values in {', '.join(cols)} (index "
            f"{', '.join(map(repr, list(gap[:8])))}); pass missing='drop' to leave them out "
            "(reported in .dropped)."
        )
    d = d.drop(index=gap).astype(float)
    y = d[outcome]
    if family == "logit" and not y.isin([0, 1]).all():
        raise DataError(f"A logit model needs {outcome!r} coded 0/1 (or True/False).")
    if family != "logit" and ((y < 0) | (y != np.round(y))).any():
        raise DataError(f"A count model needs {outcome!r} as whole numbers ≥ 0.")
    X = d[predictors]
    if standardize:
        X = (X - X.mean()) / X.std()
    X = sm.add_constant(X, has_constant="add")
    model = {"logit": sm.Logit, "poisson": sm.Poisson, "negbin": sm.NegativeBinomial}[family]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        res = model(y, X).fit(disp=0, maxiter=200)
    if not res.mle_retvals.get("converged", True):
        raise EstimationError(f"The {family} model of {outcome!r} did not converge.")
    ci = res.conf_int()
    table = pd.DataFrame(
        {
            "est": res.params,
            "se": res.bse,
            "z": res.tvalues,
            "pvalue": res.pvalues,
            "ci_low": ci[0],
            "ci_high": ci[1],
        }
    )
    is_coef = table.index != "alpha"
    for src, dst in (("est", "ratio"), ("ci_low", "ratio_low"), ("ci_high", "ratio_high")):
        table[dst] = np.where(is_coef, np.exp(table[src]), np.nan)
    table.index.name = "term"
    stats = {
        "n": float(res.nobs),
        "llf": float(res.llf),
        "pseudo_r2": float(res.prsquared),
        "aic": float(res.aic),
        "bic": float(res.bic),
    }
    if family == "poisson":
        mu = res.predict()
        stats["dispersion"] = float(((y - mu) ** 2 / mu).sum() / res.df_resid)
    table = renamed_columns(table)
    return BehaviourModel(family, outcome, table, pd.Series(stats), list(gap), res)
