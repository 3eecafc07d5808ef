"""The Qini curve and coefficient, and uplift by decile (private; public through
:mod:`cxlab.experiments`).

Definitions (Radcliffe 2007). Sort the N customers of a randomised holdout by the score
(predicted uplift), highest first. Among the top k, let nₜ(k), n_c(k) be the numbers
treated and in control and rₜ(k), r_c(k) the responders (outcome 1) among them; n_T is
the number treated in the whole holdout. The **Qini curve** is

    q(k) = [rₜ(k) − r_c(k) · nₜ(k) / n_c(k)] / n_T      at x = k / N,  k = 0 … N

(r_c · nₜ / n_c is 0 while n_c(k) = 0): the incremental responders of treating the top
k, scaled so that q(N) is the overall uplift (response rate treated − control). Random
targeting gives the straight line q(N) · x. The **Qini coefficient** is the area between
the Qini curve and that line, ∫₀¹ [q(x) − q(N)·x] dx, by the trapezoid rule (the
definition of the R package ``uplift``'s ``qini()``, Guelman, after Radcliffe 2007;
Radcliffe also divides it by the area of the best possible curve, which depends only on
the holdout, so both rank models on one holdout alike). Positive: the score finds the
persuadable customers better than chance. Customers with equal scores are one step:
the curve is evaluated where the score changes (as scikit-learn's ``roc_curve``).

Reference: Radcliffe, N. J. (2007). Using control groups to target on predicted lift:
building and assessing uplift models. Direct Marketing Analytics Journal, 14–21.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from cxlab.errors import DataError

__all__ = ["qini_coefficient", "qini_curve", "uplift_by_group"]


def _arrays(outcome: Any, treatment: Any, score: Any) -> tuple[np.ndarray, ...]:
    y = np.asarray(outcome, dtype=float)
    t = np.asarray(treatment, dtype=float)
    s = np.asarray(score, dtype=float)
    if not (len(y) == len(t) == len(s)):
        raise DataError(
            f"outcome, treatment and score must have the same length, not {len(y)}, "
            f"{len(t)} and {len(s)}."
        )
    for name, v in (("outcome", y), ("treatment", t)):
        if not np.isin(v, [0.0, 1.0]).all():
            raise DataError(f"{name} must be coded 0/1 (no missing values).")
    if not np.isfinite(s).all():
        raise DataError("score must be finite numbers (no missing values).")
    if t.sum() == 0 or t.sum() == len(t):
        raise DataError("treatment never varies: a Qini curve needs treated and control units.")
    return y, t, s


def qini_curve(outcome: Any, treatment: Any, score: Any) -> pd.DataFrame:
    """The Qini curve of *score* on a randomised sample (definition in the module
    docstring): columns ``fraction`` (x = k / N), ``k``, ``qini`` (q(k)) and ``random``
    (q(N) · x), one row per distinct score (and k = 0).

    Examples
    --------
    >>> import cxlab as cx
    >>> curve = cx.experiments.qini_curve([1, 0, 1, 0], [1, 0, 0, 1], [0.4, 0.3, 0.2, 0.1])
    >>> curve[["fraction", "qini", "random"]].round(3)
       fraction  qini  random
    0      0.00  0.00     0.0
    1      0.25  0.50     0.0
    2      0.50  0.50     0.0
    3      0.75  0.25     0.0
    4      1.00  0.00     0.0
    """
    y, t, s = _arrays(outcome, treatment, score)
    order = np.argsort(-s, kind="mergesort")
    y, t, s = y[order], t[order], s[order]
    n_t, n_c = np.cumsum(t), np.cumsum(1 - t)
    r_t, r_c = np.cumsum(y * t), np.cumsum(y * (1 - t))
    with np.errstate(divide="ignore", invalid="ignore"):
        control_part = np.where(n_c > 0, r_c * n_t / n_c, 0.0)
    q = (r_t - control_part) / n_t[-1]
    ends = np.r_[np.flatnonzero(np.diff(s) != 0), len(s) - 1]
    k = np.r_[0, ends + 1]
    q = np.r_[0.0, q[ends]]
    fraction = k / len(s)
    return pd.DataFrame({"fraction": fraction, "k": k, "qini": q, "random": q[-1] * fraction + 0.0})


def qini_coefficient(outcome: Any, treatment: Any, score: Any) -> float:
    """Area between the Qini curve of *score* and the random line (module docstring).

    Examples
    --------
    >>> import cxlab as cx
    >>> round(cx.experiments.qini_coefficient([1, 0, 1, 0], [1, 0, 0, 1],
    ...                                       [0.4, 0.3, 0.2, 0.1]), 4)
    0.3125
    """
    curve = qini_curve(outcome, treatment, score)
    gap = (curve["qini"] - curve["random"]).to_numpy()
    x = curve["fraction"].to_numpy()
    return float(np.sum(np.diff(x) * (gap[1:] + gap[:-1]) / 2))


def uplift_by_group(
    outcome: Any, treatment: Any, score: Any, groups: int = 10, level: float = 0.95
) -> pd.DataFrame:
    """Observed uplift in *groups* equal-sized groups of the score (decile 1 = highest
    predicted uplift): per group ``n_treated, n_control, rate_treated, rate_control``,
    the uplift ``est`` (rate difference), its unpooled Wald ``se``, ``ci_low``,
    ``ci_high`` and the mean predicted uplift ``predicted``. A group without treated or
    control customers has NaN.

    Examples
    --------
    >>> import cxlab as cx
    >>> t = cx.experiments.uplift_by_group([1, 0, 0, 0] * 5, [1, 0] * 10,
    ...                                    list(range(20, 0, -1)), groups=2)
    >>> t[["group", "n_treated", "n_control", "est"]]
       group  n_treated  n_control  est
    0      1          5          5  0.6
    1      2          5          5  0.4
    """
    y, t, s = _arrays(outcome, treatment, score)
    groups = int(groups)
    if groups < 1 or groups > len(y):
        raise DataError(f"groups must be between 1 and {len(y)}, not {groups}.")
    z = float(stats.norm.ppf(0.5 + level / 2))
    order = np.argsort(-s, kind="mergesort")
    rows = []
    for g, idx in enumerate(np.array_split(order, groups), start=1):
        yt, yc = y[idx][t[idx] == 1], y[idx][t[idx] == 0]
        nt, nc = len(yt), len(yc)
        pt = yt.mean() if nt else np.nan
        pc = yc.mean() if nc else np.nan
        se = np.sqrt(pt * (1 - pt) / nt + pc * (1 - pc) / nc) if nt and nc else np.nan
        est = pt - pc
        rows.append(
            {
                "group": g,
                "n_treated": nt,
                "n_control": nc,
                "rate_treated": pt,
                "rate_control": pc,
                "est": est,
                "se": se,
                "ci_low": est - z * se,
                "ci_high": est + z * se,
                "predicted": float(s[idx].mean()),
            }
        )
    return pd.DataFrame(rows)
