"""The pieces of a Cox fit R's ``survival`` reports and statsmodels does not: Harrell's
concordance and the ``cox.zph`` score test of proportional hazards (private).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import stats

from cxlab.errors import DataError

__all__ = ["concordance", "ph_test"]


def concordance(time: np.ndarray, event: np.ndarray, eta: np.ndarray) -> float:
    """Harrell's C of the risk score *eta* as R's ``coxph`` (``concordancefit``,
    reverse = TRUE): comparable pairs have the shorter time a churn (a censoring at the
    same time counts as later); concordant when the earlier churner has the higher
    *eta*; ties in *eta* count ½; pairs of churns at the same time are left out.
    O(n log n) with a Fenwick tree over the ranks of *eta*.

    Examples
    --------
    >>> import numpy as np
    >>> concordance(np.array([1., 2, 3]), np.array([1, 1, 0]), np.array([3., 2, 1]))
    1.0
    """
    levels, rank = np.unique(eta, return_inverse=True)
    m = len(levels)
    tree = np.zeros(m + 1)

    def add(i: int) -> None:
        i += 1
        while i <= m:
            tree[i] += 1
            i += i & -i

    def below(i: int) -> float:  # how many added ranks are < i
        s = 0.0
        while i > 0:
            s += tree[i]
            i -= i & -i
        return s

    order = np.lexsort((event, -time))  # time descending; at a tie, censored first
    conc = disc = tied = 0.0
    added = 0
    k = 0
    n = len(time)
    while k < n:
        j = k
        while j < n and time[order[j]] == time[order[k]]:
            j += 1
        block = order[k:j]
        for i in block[event[block] == 0]:  # censored at t: still at risk for churns at t
            add(rank[i])
            added += 1
        churned = block[event[block] == 1]
        for i in churned:
            lo, le = below(rank[i]), below(rank[i] + 1)
            conc += lo
            tied += le - lo
            disc += added - le
        for i in churned:
            add(rank[i])
            added += 1
        k = j
    total = conc + disc + tied
    return float((conc + tied / 2) / total) if total else float("nan")


def _transform(time: np.ndarray, event: np.ndarray, how: str) -> np.ndarray:
    """g(t) of every row, as ``cox.zph``'s ``transform``."""
    if how == "identity":
        return time.astype(float)
    if how == "log":
        if (time <= 0).any():
            raise DataError(
                f"transform='log' needs durations above 0, but {int((time <= 0).sum()):,} "
                "member(s) have a duration of 0 or less (log(0) is -inf). Use transform='km' "
                "(the default) or 'rank', or leave those members out."
            )
        return np.log(time)
    if how == "rank":
        return stats.rankdata(time)
    if how != "km":
        raise DataError(f"transform is 'km', 'identity', 'rank' or 'log', not {how!r}.")
    # left-continuous Kaplan–Meier of all members: 1 - S(t-)
    _, inv = np.unique(time, return_inverse=True)
    d = np.bincount(inv, weights=event)
    c = np.bincount(inv)
    at_risk = c[::-1].cumsum()[::-1]
    surv = np.cumprod(1 - d / at_risk)
    before = np.r_[1.0, surv[:-1]]
    return 1 - before[inv]


def _risk_sums(
    time: np.ndarray, event: np.ndarray, X: np.ndarray, beta: np.ndarray, ties: str
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per event (in time order): the index of its event time, the score term
    x_i − x̄ₖ and the information term V_k (Efron: k-th of the d tied churns sees the
    risk set less k/d of the tied churners' weight; Breslow: the full risk set)."""
    p = X.shape[1]
    w = np.exp(X @ beta)
    uniq, inv = np.unique(time, return_inverse=True)
    # sums over members with time == t (all) and churners at t
    s0 = np.bincount(inv, weights=w)
    s1 = np.stack([np.bincount(inv, weights=w * X[:, a]) for a in range(p)], axis=1)
    xx = X[:, :, None] * X[:, None, :]
    s2 = np.zeros((len(uniq), p, p))
    np.add.at(s2, inv, w[:, None, None] * xx)
    ev = event == 1
    d0 = np.bincount(inv[ev], weights=w[ev], minlength=len(uniq))
    d1 = np.zeros((len(uniq), p))
    np.add.at(d1, inv[ev], w[ev, None] * X[ev])
    d2 = np.zeros((len(uniq), p, p))
    np.add.at(d2, inv[ev], w[ev, None, None] * xx[ev])
    xsum = np.zeros((len(uniq), p))
    np.add.at(xsum, inv[ev], X[ev])
    nd = np.bincount(inv[ev], minlength=len(uniq))
    # risk sets: time >= t
    r0 = s0[::-1].cumsum()[::-1]
    r1 = s1[::-1].cumsum(axis=0)[::-1]
    r2 = s2[::-1].cumsum(axis=0)[::-1]
    times = np.flatnonzero(nd)
    k_time = np.repeat(times, nd[times])
    k = np.concatenate([np.arange(m) for m in nd[times]])
    frac = k / nd[k_time] if ties == "efron" else np.zeros(len(k))
    a0 = r0[k_time] - frac * d0[k_time]
    a1 = r1[k_time] - frac[:, None] * d1[k_time]
    a2 = r2[k_time] - frac[:, None, None] * d2[k_time]
    mean = a1 / a0[:, None]
    V = a2 / a0[:, None, None] - mean[:, :, None] * mean[:, None, :]
    score = -mean
    np.add.at(score, np.searchsorted(k_time, times), xsum[times])
    return uniq[k_time], score, V


def ph_test(
    time: np.ndarray,
    event: np.ndarray,
    X: np.ndarray,
    beta: np.ndarray,
    ties: str,
    terms: Sequence[Sequence[str]],
    columns: Sequence[str],
    transform: str = "km",
) -> pd.DataFrame:
    """R ``survival`` ≥ 3.0 ``cox.zph(fit, transform, terms=TRUE)``: the score test at
    (β̂, γ = 0) of the model with extra terms x·g(t), g centred at its mean over churns.
    U = Σ_churns g(t)(x − x̄(t)); I = Σ [[V, gV], [gV, g²V]]; per covariate the test is
    u'I⁻¹u on the block of β and that covariate's γ; GLOBAL on all γ.

    Examples
    --------
    >>> import numpy as np
    >>> rng = np.random.default_rng(0)
    >>> t = rng.integers(1, 20, 80).astype(float); e = rng.integers(0, 2, 80)
    >>> X = rng.normal(size=(80, 1))
    >>> ph_test(t, e, X, np.zeros(1), "efron", [["x"]], ["x"])["df"].tolist()
    [1, 1]
    """
    p = X.shape[1]
    g_all = _transform(time, event, transform)
    g_all = g_all - g_all[event == 1].mean()
    when, score, V = _risk_sums(time, event, X, beta, ties)
    # g at each churn's time (all members with one time share g)
    g_of_time = pd.Series(g_all, index=time).groupby(level=0).first()
    g = g_of_time.loc[when].to_numpy()
    u = np.r_[np.zeros(p), (g[:, None] * score).sum(axis=0)]
    Vs = V.sum(axis=0)
    Vg = (g[:, None, None] * V).sum(axis=0)
    Vgg = (g[:, None, None] ** 2 * V).sum(axis=0)
    imat = np.block([[Vs, Vg], [Vg, Vgg]])
    pos = {c: i for i, c in enumerate(columns)}
    rows = []
    for cols in terms:
        jj = [pos[c] for c in cols]
        kk = [*range(p), *(p + j for j in jj)]
        uu = u[kk]
        chisq = float(uu @ np.linalg.solve(imat[np.ix_(kk, kk)], uu))
        rows.append((chisq, len(jj)))
    rows.append((float(u @ np.linalg.solve(imat, u)), p))
    out = pd.DataFrame(rows, columns=["chisq", "df"])
    out["pvalue"] = stats.chi2.sf(out["chisq"], out["df"])
    return out
