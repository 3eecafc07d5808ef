"""The AUC (area under the ROC curve, the c statistic) with a confidence interval:
DeLong, DeLong & Clarke-Pearson (1988), Hanley & McNeil (1982) or a stratified bootstrap."""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
import pandas as pd
from scipy.stats import norm, rankdata

from cxlab.errors import DataError


def check_binary(y: Any, *, what: str = "target") -> np.ndarray:
    """*y* as an int array of 0/1; missing values or other codes are a DataError naming
    the rows."""
    s = pd.Series(np.asarray(y, dtype=object) if not isinstance(y, pd.Series) else y)
    values = pd.to_numeric(s, errors="coerce")
    missing = s.isna()
    if missing.any():
        rows = list(s.index[missing])[:5]
        raise DataError(
            f"The {what} has {int(missing.sum())} missing value(s) (rows {rows}); every row "
            "needs 0 (stayed) or 1 (left). Fill or drop those rows explicitly first."
        )
    bad = values.isna() | ~values.isin([0, 1])
    if bad.any():
        rows = list(s.index[bad])[:5]
        raise DataError(
            f"The {what} must be 0 (stayed) or 1 (churned); rows {rows} hold "
            f"{s[bad].iloc[0]!r}. Recode it to 0/1 (e.g. (data[col] == 'left').astype(int))."
        )
    return values.to_numpy(dtype=int)


def delong_components(y: np.ndarray, score: np.ndarray) -> tuple[float, np.ndarray, np.ndarray]:
    """AUC and DeLong's structural components V10 (one per churner: the share of stayers
    it outscores, ties ½) and V01 (one per stayer: the share of churners outscoring it),
    from midranks (Sun & Xu 2014), O(n log n)."""
    pos, neg = score[y == 1], score[y == 0]
    n1, n0 = len(pos), len(neg)
    both = rankdata(np.concatenate([pos, neg]))
    v10 = (both[:n1] - rankdata(pos)) / n0
    v01 = 1.0 - (both[n1:] - rankdata(neg)) / n1
    return float(v10.mean()), v10, v01


def _auc_only(y: np.ndarray, score: np.ndarray) -> float:
    n1 = int(y.sum())
    n0 = len(y) - n1
    ranks = rankdata(score)
    return float((ranks[y == 1].sum() - n1 * (n1 + 1) / 2) / (n1 * n0))


def auc_ci(
    y: Any,
    score: Any,
    *,
    method: Literal["delong", "hanley-mcneil", "bootstrap"] = "delong",
    level: float = 0.95,
    n_boot: int = 2000,
    seed: int | None = None,
) -> pd.DataFrame:
    """The AUC of *score* for the 0/1 outcome *y*, with its standard error and interval.

    The AUC is the probability that a randomly chosen churner gets a higher score than a
    randomly chosen stayer (ties count ½) — scikit-learn's ``roc_auc_score``.

    - ``"delong"`` (default): DeLong, DeLong & Clarke-Pearson (1988, *Biometrics* 44,
      837–845). With V10_i the share of stayers churner i outscores and V01_j the share of
      churners outscoring stayer j, Var(AUC) = s²(V10)/n1 + s²(V01)/n0 (sample variances,
      n − 1). As R's ``pROC::ci.auc(method = "delong")``.
    - ``"hanley-mcneil"``: Hanley & McNeil (1982, *Radiology* 143, 29–36): Var = [A(1−A) +
      (n1−1)(Q1−A²) + (n0−1)(Q2−A²)] / (n1 n0), Q1 = A/(2−A), Q2 = 2A²/(1+A).
    - ``"bootstrap"``: *n_boot* resamples of churners and stayers separately (stratified);
      se = their standard deviation, the interval their percentiles. Needs ``seed=``.

    The DeLong and Hanley–McNeil intervals are est ± z·se, cut to [0, 1].

    Returns
    -------
    One-row DataFrame: ``est, se, ci_low, ci_high, n_churners, n_stayers, method``.

    Examples
    --------
    >>> import cxlab as cx
    >>> t = cx.churn.auc_ci([0, 0, 1, 1, 0, 1], [0.1, 0.4, 0.35, 0.8, 0.2, 0.9])
    >>> t[["est", "se"]].round(4).to_dict("records")
    [{'est': 0.8889, 'se': 0.1571}]
    """
    if not 0 < level < 1:
        raise ValueError(f"level is a confidence level between 0 and 1, not {level!r}")
    yy = check_binary(y)
    s = pd.to_numeric(pd.Series(np.asarray(score, dtype=object)), errors="coerce").to_numpy(float)
    if len(s) != len(yy):
        raise DataError(f"y has {len(yy)} values but score has {len(s)}; pass one score per row.")
    if not np.isfinite(s).all():
        rows = np.flatnonzero(~np.isfinite(s))[:5].tolist()
        raise DataError(f"The score is missing or not finite in rows {rows}; fix those rows first.")
    n1 = int(yy.sum())
    n0 = len(yy) - n1
    if n1 == 0 or n0 == 0:
        kind = "no churners (y = 1)" if n1 == 0 else "no stayers (y = 0)"
        raise DataError(
            f"The outcome has {kind}: an AUC needs both. Check the period or the coding."
        )
    z = norm.ppf(0.5 + level / 2)
    if method == "delong":
        est, v10, v01 = delong_components(yy, s)
        se = (
            float(np.sqrt(v10.var(ddof=1) / n1 + v01.var(ddof=1) / n0))
            if min(n1, n0) > 1
            else np.nan
        )
        low, high = max(0.0, est - z * se), min(1.0, est + z * se)
    elif method == "hanley-mcneil":
        est = _auc_only(yy, s)
        q1, q2 = est / (2 - est), 2 * est**2 / (1 + est)
        var = est * (1 - est) + (n1 - 1) * (q1 - est**2) + (n0 - 1) * (q2 - est**2)
        se = float(np.sqrt(max(var, 0.0) / (n1 * n0)))
        low, high = max(0.0, est - z * se), min(1.0, est + z * se)
    elif method == "bootstrap":
        if seed is None:
            raise ValueError("method='bootstrap' resamples: pass seed= (e.g. seed=1).")
        est = _auc_only(yy, s)
        rng = np.random.default_rng(seed)
        pos, neg = s[yy == 1], s[yy == 0]
        lab = np.r_[np.ones(n1, dtype=int), np.zeros(n0, dtype=int)]
        draws = np.empty(n_boot)
        for b in range(n_boot):
            sample = np.r_[pos[rng.integers(0, n1, n1)], neg[rng.integers(0, n0, n0)]]
            draws[b] = _auc_only(lab, sample)
        se = float(draws.std(ddof=1))
        low, high = (float(v) for v in np.quantile(draws, [0.5 - level / 2, 0.5 + level / 2]))
    else:
        raise ValueError(f"method must be 'delong', 'hanley-mcneil' or 'bootstrap', not {method!r}")
    return pd.DataFrame(
        {
            "est": [est],
            "se": [se],
            "ci_low": [low],
            "ci_high": [high],
            "n_churners": [n1],
            "n_stayers": [n0],
            "method": [method],
        }
    )
