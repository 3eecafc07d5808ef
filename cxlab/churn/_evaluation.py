"""Calibration and lift / cumulative-gains tables of predicted churn probabilities."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from cxlab._intervals import wilson
from cxlab.churn._auc import check_binary
from cxlab.errors import DataError


def check_scores(y: Any, p: Any, *, what: str = "probability") -> tuple[np.ndarray, np.ndarray]:
    """The 0/1 outcome and the scores as arrays of the same length, scores finite."""
    yy = check_binary(y)
    pp = pd.to_numeric(pd.Series(np.asarray(p, dtype=object)), errors="coerce").to_numpy(float)
    if len(pp) != len(yy):
        raise DataError(f"y has {len(yy)} values but the {what} has {len(pp)}; one per row.")
    if not np.isfinite(pp).all():
        rows = np.flatnonzero(~np.isfinite(pp))[:5].tolist()
        raise DataError(f"The {what} is missing or not finite in rows {rows}; fix those rows.")
    return yy, pp


def _groups(p: np.ndarray, bins: int) -> np.ndarray:
    """Group 1 … bins of each row: equal-sized groups by descending score (ties broken by
    row order, so the groups have equal sizes whatever the ties)."""
    if bins < 1 or bins > len(p):
        raise ValueError(f"bins must be between 1 and the number of rows ({len(p)}), not {bins}")
    order = np.argsort(-p, kind="stable")
    group = np.empty(len(p), dtype=int)
    group[order] = np.arange(len(p)) * bins // len(p) + 1
    return group


def calibration(y: Any, p: Any, *, bins: int = 10, level: float = 0.95) -> pd.DataFrame:
    """Calibration by groups of predicted probability: in each of *bins* equal-sized
    groups (1 = the highest predictions), the mean predicted probability against the
    observed churn rate with its Wilson interval. A calibrated model's predictions fall
    inside the intervals; Hosmer–Lemeshow-style deciles, shown rather than tested.

    Returns
    -------
    DataFrame ``group, n, predicted, observed, ci_low, ci_high``.

    Examples
    --------
    >>> import cxlab as cx
    >>> t = cx.churn.calibration([0, 0, 1, 1, 0, 1], [0.1, 0.4, 0.35, 0.8, 0.2, 0.9], bins=2)
    >>> t[["group", "n", "predicted", "observed"]].round(3).to_dict("list")
    {'group': [1, 2], 'n': [3, 3], 'predicted': [0.7, 0.217], 'observed': [0.667, 0.333]}
    """
    yy, pp = check_scores(y, p)
    g = _groups(pp, bins)
    frame = pd.DataFrame({"group": g, "y": yy, "p": pp})
    t = frame.groupby("group").agg(n=("y", "size"), churners=("y", "sum"), predicted=("p", "mean"))
    low, high = wilson(t["churners"].to_numpy(), t["n"].to_numpy(), level)
    out = pd.DataFrame(
        {
            "group": t.index.to_numpy(),
            "n": t["n"].to_numpy(),
            "predicted": t["predicted"].to_numpy(),
            "observed": (t["churners"] / t["n"]).to_numpy(),
            "ci_low": low,
            "ci_high": high,
        }
    )
    return out


def gains(y: Any, score: Any, *, bins: int = 10) -> pd.DataFrame:
    """Lift and cumulative gains: customers sorted by score (highest first) in *bins*
    equal-sized groups; per group its churn rate and lift (rate / overall rate), and
    cumulatively the share of customers contacted, the share of all churners they hold
    (the gains curve) and the cumulative lift.

    Returns
    -------
    DataFrame ``group, n, churners, rate, lift, share_contacted, share_churners,
    cum_lift``.

    Examples
    --------
    >>> import cxlab as cx
    >>> t = cx.churn.gains([0, 0, 1, 1, 0, 1], [0.1, 0.4, 0.35, 0.8, 0.2, 0.9], bins=3)
    >>> print(t[["group", "churners", "lift", "share_churners"]].round(2).to_string(index=False))
     group  churners  lift  share_churners
         1         2   2.0            0.67
         2         1   1.0            1.00
         3         0   0.0            1.00
    """
    yy, pp = check_scores(y, score, what="score")
    total = yy.sum()
    if total == 0:
        raise DataError("The outcome has no churners (y = 1): gains need at least one.")
    g = _groups(pp, bins)
    frame = pd.DataFrame({"group": g, "y": yy})
    t = frame.groupby("group")["y"].agg(["size", "sum"])
    n, churners = t["size"].to_numpy(), t["sum"].to_numpy()
    overall = total / len(yy)
    rate = churners / n
    cum_n, cum_c = np.cumsum(n), np.cumsum(churners)
    return pd.DataFrame(
        {
            "group": t.index.to_numpy(),
            "n": n,
            "churners": churners,
            "rate": rate,
            "lift": rate / overall,
            "share_contacted": cum_n / len(yy),
            "share_churners": cum_c / total,
            "cum_lift": (cum_c / cum_n) / overall,
        }
    )
