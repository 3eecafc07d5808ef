"""Confidence intervals shared by every topic (private module).

- :func:`wilson` — the Wilson (1927) score interval of a proportion, the interval of
  :func:`cxlab.metrics.csat`, of the funnels in :mod:`cxlab.journey` and of the power in
  :func:`cxlab.simulate.power`. It is statsmodels'
  ``proportion_confint(count, nobs, alpha=1 - level, method="wilson")`` (bounds clipped to
  [0, 1]; in R: ``binom::binom.confint(method = "wilson")``), vectorised, with NaN where
  there are no trials.

References
----------
Wilson, E. B. (1927). Probable inference, the law of succession, and statistical
inference. JASA 22(158), 209–212.
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["wilson"]


def wilson(count: Any, nobs: Any, level: float = 0.95) -> tuple[Any, Any]:
    """Wilson score interval (low, high) of *count* successes in *nobs* trials.

    Numbers give two floats; arrays (or Series) give two arrays. Where *nobs* is 0 both
    bounds are NaN. Exactly statsmodels' ``proportion_confint(method="wilson")``.

    Examples
    --------
    >>> [round(x, 3) for x in wilson(80, 100)]
    [0.711, 0.867]
    >>> wilson(0, 0)
    (nan, nan)
    >>> low, high = wilson([0, 3, 4], [4, 4, 0], level=0.9)
    >>> low.round(3).tolist(), high.round(3).tolist()
    ([0.0, 0.356, nan], [0.403, 0.942, nan])
    """
    from statsmodels.stats.proportion import proportion_confint

    count = np.asarray(count, dtype=float)
    nobs = np.asarray(nobs, dtype=float)
    empty = nobs == 0
    safe = np.where(empty, 1.0, nobs)
    low, high = proportion_confint(
        np.where(empty, 0.0, count), safe, alpha=1 - level, method="wilson"
    )
    low = np.where(empty, np.nan, low)
    high = np.where(empty, np.nan, high)
    if low.ndim == 0:
        return float(low), float(high)
    return low, high
