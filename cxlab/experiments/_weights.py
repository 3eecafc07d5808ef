"""Inverse-probability weighting with an M-estimation (sandwich) SE, and 1:1 propensity
score matching with the Abadie–Imbens SE (private; used by
:func:`~cxlab.experiments.programme_effect`)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from cxlab.errors import DataError, EstimationError
from cxlab.experiments._panel import interval

__all__ = ["ipw_effect", "ipw_sandwich", "match_effect", "newton_logit"]


def ipw_weights(d: np.ndarray, p: np.ndarray, estimand: str) -> np.ndarray:
    """ATT: members 1, others p/(1 − p); ATE: 1/p and 1/(1 − p)."""
    if estimand == "ATT":
        return np.where(d == 1, 1.0, p / (1 - p))
    return np.where(d == 1, 1 / p, 1 / (1 - p))


def ipw_sandwich(
    y: np.ndarray, d: np.ndarray, x: np.ndarray, beta: np.ndarray, estimand: str
) -> tuple[float, float]:
    """The IPW estimate (normalised weights) and its SE from the stacked estimating
    equations ψ = (X(d − p), w₁(y − μ₁), w₀(y − μ₀)) of the logit and the two weighted
    means: V = A⁻¹BA⁻ᵀ/n with A the mean Jacobian and B the mean outer product of ψ."""
    n, k = x.shape
    p = 1 / (1 + np.exp(-(x @ beta)))
    m, o = d == 1, d == 0
    if estimand == "ATT":
        w1, w0 = m.astype(float), np.where(o, p / (1 - p), 0.0)
        dw1 = np.zeros_like(x)  # ∂w₁/∂β
        dw0 = (w0)[:, None] * x  # ∂(p/(1−p))/∂β = p/(1−p)·x
    else:
        w1, w0 = np.where(m, 1 / p, 0.0), np.where(o, 1 / (1 - p), 0.0)
        dw1 = (-w1 * (1 - p))[:, None] * x  # ∂(1/p)/∂β = −(1−p)/p·x
        dw0 = (w0 * p)[:, None] * x  # ∂(1/(1−p))/∂β = p/(1−p)·x
    mu1 = np.sum(w1 * y) / np.sum(w1)
    mu0 = np.sum(w0 * y) / np.sum(w0)
    psi = np.column_stack([x * (d - p)[:, None], w1 * (y - mu1), w0 * (y - mu0)])
    a = np.zeros((k + 2, k + 2))
    a[:k, :k] = -(x * (p * (1 - p))[:, None]).T @ x
    a[k, :k] = ((y - mu1)[:, None] * dw1).sum(axis=0)
    a[k, k] = -w1.sum()
    a[k + 1, :k] = ((y - mu0)[:, None] * dw0).sum(axis=0)
    a[k + 1, k + 1] = -w0.sum()
    a /= n
    b = psi.T @ psi / n
    ainv = np.linalg.inv(a)
    v = ainv @ b @ ainv.T / n
    c = np.zeros(k + 2)
    c[k], c[k + 1] = 1, -1
    return float(mu1 - mu0), float(np.sqrt(c @ v @ c))


def newton_logit(d: np.ndarray, x: np.ndarray, start: np.ndarray) -> np.ndarray:
    """Logit coefficients by Newton–Raphson from *start* (the bootstrap's refits; the
    point estimate is statsmodels' ``Logit``, which this reproduces)."""
    beta = start.copy()
    for _ in range(50):
        p = 1 / (1 + np.exp(-(x @ beta)))
        step = np.linalg.solve((x * (p * (1 - p))[:, None]).T @ x, x.T @ (d - p))
        beta += step
        if np.max(np.abs(step)) < 1e-10:
            return beta
    raise EstimationError("A bootstrap refit of the propensity model did not converge.")


def _ipw_bootstrap(
    y: np.ndarray,
    d: np.ndarray,
    x: np.ndarray,
    beta: np.ndarray,
    estimand: str,
    B: int,
    seed: int | None,
) -> np.ndarray:
    """B IPW estimates on resamples of the customers, the logit refitted on each."""
    rng = np.random.default_rng(seed)
    n = len(y)
    out = np.empty(B)
    for b in range(B):
        i = rng.integers(0, n, n)
        db, xb = d[i], x[i]
        bb = newton_logit(db, xb, beta)
        w = ipw_weights(db, 1 / (1 + np.exp(-(xb @ bb))), estimand)
        m = db == 1
        out[b] = np.average(y[i][m], weights=w[m]) - np.average(y[i][~m], weights=w[~m])
    return out


def ipw_effect(
    y: pd.Series,
    d: np.ndarray,
    fit: Any,
    x: pd.DataFrame,
    estimand: str,
    level: float,
    B: int = 0,
    seed: int | None = None,
) -> tuple[dict[str, Any], np.ndarray, dict[str, Any]]:
    """The IPW row of the table, the weights and their diagnostics; with ``B > 0`` the
    interval is the percentile bootstrap (logit refitted) and the SE the draws' SD."""
    import statsmodels.api as sm

    exog = sm.add_constant(x, has_constant="add").to_numpy(float)
    beta = np.asarray(fit.params, float)
    p = 1 / (1 + np.exp(-(exog @ beta)))
    w = ipw_weights(d, p, estimand)
    yv = y.to_numpy(float)
    est, se = ipw_sandwich(yv, d, exog, beta, estimand)
    wo = w[d == 0]
    extra = {
        "ipw_effective_others": float(wo.sum() ** 2 / (wo**2).sum()),
        "ipw_largest_weight_share": float(wo.max() / wo.sum()),
        "ipw_sandwich_se": se,
    }
    ci = interval(est, se, level)
    how = "sandwich (M-estimation, logit included)"
    if B:
        draws = _ipw_bootstrap(yv, d, exog, beta, estimand, B, seed)
        alpha = (1 - level) / 2
        low, high = np.quantile(draws, [alpha, 1 - alpha])
        boot_se = float(draws.std(ddof=1))
        ci = {**interval(est, boot_se, level), "ci_low": float(low), "ci_high": float(high)}
        how = f"bootstrap (B = {B:,}, percentile CI; logit refitted)"
    row = {
        "method": "ipw",
        "estimand": estimand,
        **ci,
        "n_members": int(d.sum()),
        "n_others": int((1 - d).sum()),
        "se_method": how,
    }
    return row, w, extra


def match_effect(
    y: pd.Series, d: np.ndarray, ps: pd.Series, caliper: float, level: float, j: int = 2
) -> tuple[dict[str, Any], np.ndarray, dict[str, Any]]:
    """1:1 nearest-neighbour matching of members to non-members on the logit score, with
    replacement and a caliper (× SD of the logit score); ATT with the Abadie–Imbens (2006)
    SE. Returns the table row, the matching weights (members matched: 1, others: times
    used, the rest 0) and diagnostics."""
    from sklearn.neighbors import NearestNeighbors

    if not caliper > 0:
        raise DataError(
            f"caliper must be > 0 (SDs of the logit score; np.inf for none), not {caliper!r}."
        )
    p = np.clip(ps.to_numpy(float), 1e-12, 1 - 1e-12)
    score = np.log(p / (1 - p))
    yv = y.to_numpy(float)
    mem, oth = np.flatnonzero(d == 1), np.flatnonzero(d == 0)
    width = caliper * score.std(ddof=1)
    nn = NearestNeighbors(n_neighbors=1).fit(score[oth, None])
    dist, idx = nn.kneighbors(score[mem, None])
    ok = dist[:, 0] <= width
    if not ok.any():
        raise DataError(
            f"No member has a non-member within the caliper ({caliper} SD of the logit "
            "score): the groups do not overlap. Widen caliper= or look at plot('overlap')."
        )
    treated, match = mem[ok], oth[idx[ok, 0]]
    diff = yv[treated] - yv[match]
    est = float(diff.mean())
    n1 = len(treated)
    used = np.bincount(match, minlength=len(d)).astype(float)  # K_M(i) of every non-member
    # conditional variances of the non-members used twice or more: J nearest other
    # non-members on the score (Abadie & Imbens 2006, eq. 14)
    many = np.flatnonzero(used >= 2)
    sigma2 = np.zeros(len(d))
    if len(many) and len(oth) > j:
        nn_same = NearestNeighbors(n_neighbors=j + 1).fit(score[oth, None])
        _, near = nn_same.kneighbors(score[many, None])
        others = oth[near]
        # drop the unit itself from its own neighbours (or the farthest, if ties hid it)
        keep = others != many[:, None]
        keep[keep.all(axis=1), -1] = False
        neigh = others[keep].reshape(len(many), j)
        sigma2[many] = j / (j + 1) * (yv[many] - yv[neigh].mean(axis=1)) ** 2
    var = (np.sum((diff - est) ** 2) + np.sum(used * (used - 1) * sigma2)) / n1**2
    w = np.zeros(len(d))
    w[treated] = 1.0
    w += np.where(d == 0, used, 0.0)
    row = {
        "method": "match",
        "estimand": "ATT (matched members)",
        **interval(est, np.sqrt(var), level),
        "n_members": n1,
        "n_others": int((used > 0).sum()),
        "se_method": "Abadie-Imbens (2006), score taken as known",
    }
    extra = {
        "caliper": float(width),
        "unmatched": int((~ok).sum()),
        "others_used": int((used > 0).sum()),
        "most_reuse": int(used.max()),
    }
    return row, w, extra
