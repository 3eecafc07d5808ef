"""Univariate and multivariate normality of rating items: Mardia's (1970) multivariate
skewness and kurtosis with their tests, and each item's skewness and excess kurtosis.

Why it matters: maximum likelihood's standard errors and χ² assume multivariate normal
data; Likert items are discrete and often skewed. A significant Mardia kurtosis is the
usual reason given in a paper for robust estimation (MLR: sandwich SEs and the
Yuan–Bentler scaled χ²) or, for ordered categories, WLSMV.

Definitions (as R's ``psych::mardia`` and ``psych::describe``, psych 2.2.9): with the
listwise-complete rows centred, ``S`` the sample covariance matrix (divisor n − 1) and
``D = X S⁻¹ Xᵀ``,

- b1p = Σᵢⱼ Dᵢⱼ³ / n² and b2p = Σᵢ Dᵢᵢ² / n (Mardia 1970);
- skew statistic n·b1p/6 ~ χ² with p(p+1)(p+2)/6 df; the small-sample version multiplies
  it by k = (p+1)(n+1)(n+3) / (n((n+1)(p+1) − 6));
- kurtosis statistic (b2p − p(p+2))·√(n / (8p(p+2))) ~ N(0, 1), two-sided p.

Item skewness and kurtosis use each item's answered values; ``type`` is that of
``psych::skew`` / ``psych::kurtosi`` (3, psych's default: b1 = m3/s³·((n−1)/n)^1.5 and
b2 = m4/s⁴·((n−1)/n)² − 3 with s the n − 1 standard deviation; 2: the bias-adjusted G1
and G2 of SPSS, SAS, Excel and pandas; 1: g1 = m3/m2^1.5 and g2 = m4/m2² − 3).

Reference: Mardia, K. V. (1970). Measures of multivariate skewness and kurtosis with
applications. *Biometrika*, 57(3), 519–530.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from cxlab.errors import DataError
from cxlab.psychometrics.efa import check_items

__all__ = ["Mardia", "item_normality", "mardia"]


@dataclass
class Mardia:
    """Mardia's multivariate skewness and kurtosis (:func:`mardia`), with each item's
    skewness and excess kurtosis in ``items``.

    Attributes
    ----------
    n, p : int
        Complete rows used and number of items.
    b1p, b2p : float
        Mardia's multivariate skewness and kurtosis (``psych::mardia``'s b1p, b2p).
    skew, p_skew : float
        n·b1p/6 and its χ² p-value (df = p(p+1)(p+2)/6).
    small_skew, p_small : float
        The small-sample corrected skew statistic and its p-value.
    kurtosis, p_kurtosis : float
        The standardised kurtosis (b2p − p(p+2)) / √(8p(p+2)/n) and its two-sided p.
    df_skew : float
        Degrees of freedom of the skew test.
    items : DataFrame
        item, n, skew, kurtosis (type ``item_type``).
    """

    n: int
    p: int
    b1p: float
    b2p: float
    skew: float
    small_skew: float
    p_skew: float
    p_small: float
    kurtosis: float
    p_kurtosis: float
    df_skew: float
    items: pd.DataFrame = field(repr=False)
    item_type: int = 3

    @property
    def normal(self) -> bool:
        """True when neither Mardia test rejects multivariate normality at .05."""
        return bool(self.p_skew >= 0.05 and self.p_kurtosis >= 0.05)

    def to_frame(self) -> pd.DataFrame:
        """The two tests as a table (test, coefficient, statistic, df, pvalue).

        Examples
        --------
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> m = cx.psychometrics.mardia(hs, ["x1", "x2", "x3"])
        >>> m.to_frame().round(3)
                    test  coefficient  statistic    df  pvalue
        0  skewness (χ²)        0.776     38.950  10.0   0.000
        1   kurtosis (z)       15.142      0.225   NaN   0.822
        """
        return pd.DataFrame(
            {
                "test": ["skewness (χ²)", "kurtosis (z)"],
                "coefficient": [self.b1p, self.b2p],
                "statistic": [self.skew, self.kurtosis],
                "df": [self.df_skew, np.nan],
                "pvalue": [self.p_skew, self.p_kurtosis],
            }
        )

    def summary(self) -> str:
        """One line per test.

        Examples
        --------
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> print(cx.psychometrics.mardia(hs, ["x1", "x2", "x3"]).summary())
        Mardia (1970), n = 301, p = 3 items
        multivariate skewness b1p = 0.776, χ²(10) = 38.950, p = 0.000
        multivariate kurtosis b2p = 15.142, z = 0.225, p = 0.822
        """
        return (
            f"Mardia (1970), n = {self.n}, p = {self.p} items\n"
            f"multivariate skewness b1p = {self.b1p:.3f}, χ²({self.df_skew:.0f}) = "
            f"{self.skew:.3f}, p = {self.p_skew:.3f}\n"
            f"multivariate kurtosis b2p = {self.b2p:.3f}, z = {self.kurtosis:.3f}, "
            f"p = {self.p_kurtosis:.3f}"
        )


def _numeric(data: Any, items: list[str] | None) -> pd.DataFrame:
    frame = data.data if hasattr(data, "data") and not isinstance(data, pd.DataFrame) else data
    if not isinstance(frame, pd.DataFrame):
        raise DataError(f"data must be a DataFrame or a Survey, not {type(data).__name__}.")
    if items is None:
        items = [str(c) for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])]
        items = [c for c in items if frame[c].dropna().nunique() > 1]
    if len(items) < 1:
        raise DataError("No numeric items to check: name them with items=[...].")
    return frame, list(items)


def item_normality(data: Any, items: list[str] | None = None, *, type: int = 3) -> pd.DataFrame:
    """Skewness and excess kurtosis of each item on its answered values, as
    ``psych::describe(x, type = type)`` (3 by default, psych's; 2 is SPSS's / pandas').

    # In R: psych::describe(x, type = 3)[, c("n", "skew", "kurtosis")]

    Examples
    --------
    >>> import cxlab as cx
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> cx.psychometrics.item_normality(hs, ["x1", "x6"]).round(3)
      item    n   skew  kurtosis
    0   x1  301 -0.254     0.308
    1   x6  301  0.858     0.817
    """
    if type not in (1, 2, 3):
        raise DataError(f"type must be 1, 2 or 3 (as psych::skew), not {type!r}.")
    frame, items = _numeric(data, items)
    rows = []
    for item in items:
        x = check_items(frame, [item], min_rows=4)[item].to_numpy(dtype=float)
        n = len(x)
        d = x - x.mean()
        m2, m3, m4 = (d**2).mean(), (d**3).mean(), (d**4).mean()
        g1, g2 = m3 / m2**1.5, m4 / m2**2 - 3
        if type == 1:
            skew, kurt = g1, g2
        elif type == 2:
            skew = g1 * np.sqrt(n * (n - 1)) / (n - 2)
            kurt = (n - 1) / ((n - 2) * (n - 3)) * ((n + 1) * g2 + 6)
        else:
            skew = g1 * ((n - 1) / n) ** 1.5
            kurt = (g2 + 3) * ((n - 1) / n) ** 2 - 3
        rows.append((item, n, float(skew), float(kurt)))
    table = pd.DataFrame(rows, columns=["item", "n", "skew", "kurtosis"])
    table.attrs["type"] = type
    return table


def mardia(data: Any, items: list[str] | None = None, *, item_type: int = 3) -> Mardia:
    """Mardia's (1970) tests of multivariate skewness and kurtosis on the complete rows of
    *items* (all numeric columns with variance when None), and each item's skewness and
    kurtosis (:func:`item_normality`, ``item_type``); see the module docstring for the
    formulas. Equal to ``psych::mardia`` (tests/reference/mardia.R).

    # In R: psych::mardia(x, na.rm = TRUE, plot = FALSE)

    Raises
    ------
    cxlab.errors.DataError
        An unknown or text item, an item without variance, no more complete rows than
        items, or items whose covariance matrix is singular (an item that is a sum of
        others).

    Examples
    --------
    >>> import cxlab as cx
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> m = cx.psychometrics.mardia(hs, [f"x{i}" for i in range(1, 10)])
    >>> print(f"b2p = {m.b2p:.3f}, z = {m.kurtosis:.3f}, p = {m.p_kurtosis:.3f}")
    b2p = 102.904, z = 2.407, p = 0.016
    """
    frame, items = _numeric(data, items)
    x = check_items(frame, items).to_numpy(dtype=float)
    n, p = x.shape
    if n <= p:
        raise DataError(
            f"Mardia's tests need more complete rows than items: {n} rows for {p} items."
        )
    x = x - x.mean(axis=0)
    cov = np.cov(x, rowvar=False).reshape(p, p)
    if np.linalg.matrix_rank(cov) < p:
        raise DataError(
            f"The covariance matrix of {', '.join(items)} is singular (an item is a linear "
            "combination of others, e.g. a total score): drop it from items=."
        )
    d = x @ np.linalg.solve(cov, x.T)
    b1p = float((d**3).sum() / n**2)
    b2p = float((np.diag(d) ** 2).sum() / n)
    df = p * (p + 1) * (p + 2) / 6
    k = (p + 1) * (n + 1) * (n + 3) / (n * ((n + 1) * (p + 1) - 6))
    skew, small = n * b1p / 6, n * k * b1p / 6
    kurt = (b2p - p * (p + 2)) * np.sqrt(n / (8 * p * (p + 2)))
    return Mardia(
        n=int(n),
        p=int(p),
        b1p=b1p,
        b2p=b2p,
        skew=float(skew),
        small_skew=float(small),
        p_skew=float(stats.chi2.sf(skew, df)),
        p_small=float(stats.chi2.sf(small, df)),
        kurtosis=float(kurt),
        p_kurtosis=float(2 * stats.norm.sf(abs(kurt))),
        df_skew=float(df),
        items=item_normality(frame, items, type=item_type),
        item_type=item_type,
    )
