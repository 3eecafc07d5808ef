"""Sample statistics of ordered items and continuous variables together, as lavaan
computes them for WLSMV (``lav_samplestats_step1``, ``lav_samplestats_step2`` and
``muthen1984``).

For each group, from complete rows:

* step 1, one variable at a time: the thresholds of every ordered item (as
  :mod:`cxlab.sem._polychoric`), the mean and the variance (divided by n: the ML
  estimates of lavaan's ``lav_uvreg_fit``) of every continuous variable;
* step 2, one pair at a time, the univariate estimates held fixed: polychoric
  correlations between ordered items (:func:`cxlab.sem._polychoric.ordinal_parts`),
  Pearson correlations between continuous variables, and polyserial correlations
  between a continuous variable x and an ordered item y by two-step ML (Olsson,
  Drasgow & Dorans 1982; lavaan's ``lav_bvmix_cor_twostep_fit``): with z = (x − x̄)/s,
  the likelihood of an answer in category c is φ(z)/s · [Φ((τ_c − ρz)/R) −
  Φ((τ_{c−1} − ρz)/R)], R = √(1 − ρ²), maximised in ρ ∈ [−0.995, 0.995] for all pairs at
  once by Newton steps. As lavaan, a case whose likelihood falls below √ε leaves the sum;
* Γ (lavaan's ``NACOV``, scaled by n) from the casewise scores of all of them (Muthén
  1984): with A the block matrix of the scores' cross-products, Γ = n · H A⁻¹ (Σᵢ sᵢ sᵢᵀ)
  A⁻ᵀ Hᵀ, where H turns each correlation that involves a continuous variable into its
  covariance (polyserial correlation × s, Pearson correlation × s₁s₂), and the rows of
  the means change sign (the statistic is the negative mean, the continuous
  variable's "threshold").

The statistics are ordered as lavaan's ``WLS.obs``: thresholds and negative means
variable by variable, the variances of the continuous variables, then the covariances
below the diagonal column by column. The DWLS weights are 1 / diag(Γ).

References: Olsson, Drasgow & Dorans (1982), Psychometrika 47, 337–347; Muthén (1984),
Psychometrika 49, 115–132.
"""

from __future__ import annotations

import numpy as np
from scipy import special

from cxlab.sem._polychoric import OrdinalStats, ordinal_parts

__all__ = ["mixed_stats", "polyserial"]

_EPS = float(np.finfo(float).eps)
_SQRT_EPS = float(np.sqrt(_EPS))
_BOUND = 100.0  # lavaan's stand-in for ±∞ as a category bound (lav_uvord_init_cache)
_LIMIT = 0.995  # lavaan's bounds of a polyserial correlation


def _dnorm(x: np.ndarray) -> np.ndarray:
    return np.exp(-0.5 * x * x) / np.sqrt(2 * np.pi)


class _Mixed:
    """The pieces of the polyserial likelihood of pairs (x_a, y_b) at correlations ρ
    (arrays n × pairs): z = standardized x, (z1, z2) the upper and lower bound of the
    answer's category (±100 at the ends)."""

    def __init__(self, z: np.ndarray, z1: np.ndarray, z2: np.ndarray, sd: np.ndarray):
        self.z, self.z1, self.z2, self.sd = z, z1, z2, sd
        self.py1 = _dnorm(z) / sd[None, :]  # the density of x itself

    def at(self, rho: np.ndarray) -> dict[str, np.ndarray]:
        r = np.sqrt(1 - rho * rho)[None, :]
        rho = rho[None, :]
        t1 = (self.z1 - rho * self.z) / r
        t2 = (self.z2 - rho * self.z) / r
        prob = np.maximum(special.ndtr(t1) - special.ndtr(t2), _EPS)
        return {"r": r, "rho": rho, "t1": t1, "t2": t2, "prob": prob,
                "y1": _dnorm(t1), "y2": _dnorm(t2)}  # fmt: skip

    def loglik(self, rho: np.ndarray) -> np.ndarray:
        """Σ log(likelihood) of each pair over the cases whose likelihood is ≥ √ε."""
        lik = self.py1 * self.at(rho)["prob"]
        keep = lik >= _SQRT_EPS
        return np.sum(np.log(np.where(keep, lik, 1.0)), axis=0)

    def derivatives(self, rho: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """First and second derivative of :meth:`loglik` in ρ (lavaan's gradient and
        Hessian of ``lav_bvmix``)."""
        q = self.at(rho)
        r, rh, t1, t2, y1, y2 = q["r"], q["rho"], q["t1"], q["t2"], q["y1"], q["y2"]
        keep = self.py1 * q["prob"] >= _SQRT_EPS
        inv_r3 = 1 / (q["prob"] * r**3)
        d1 = self.z1 * rh - self.z
        d2 = self.z2 * rh - self.z
        dx = inv_r3 * (y1 * d1 - y2 * d2)
        r2 = r * r
        u1 = self.z - rh * t1 / r
        u2 = self.z - rh * t2 / r
        tmp = y1 * (d1 * (3 * rh / r2 + t1 * u1 / r) + self.z1 + dx * r2 * u1) - y2 * (
            d2 * (3 * rh / r2 + t2 * u2 / r) + self.z2 + dx * r2 * u2
        )
        grad = np.sum(np.where(keep, dx, 0.0), axis=0)
        hess = np.sum(np.where(keep, tmp * inv_r3, 0.0), axis=0)
        return grad, hess


def _newton(model: _Mixed, start: np.ndarray) -> np.ndarray:
    """Maximise every pair's polyserial log-likelihood (Newton, step halving)."""
    rho = np.clip(start, -_LIMIT, _LIMIT)
    value = model.loglik(rho)
    n = len(model.z)
    for _ in range(100):
        grad, hess = model.derivatives(rho)
        at_bound = ((rho >= _LIMIT) & (grad > 0)) | ((rho <= -_LIMIT) & (grad < 0))
        active = (np.abs(grad) > 1e-10 * n) & ~at_bound
        if not active.any():
            break
        step = np.where(hess < 0, -grad / np.where(hess < 0, hess, -1.0), 0.01 * np.sign(grad))
        step = np.where(active, np.clip(step, -0.5, 0.5), 0.0)
        scale = np.ones_like(rho)
        for _ in range(40):
            trial = np.clip(rho + scale * step, -_LIMIT, _LIMIT)
            new = model.loglik(trial)
            worse = active & (new < value - 1e-12 * np.abs(value))
            if not worse.any():
                break
            scale = np.where(worse, scale / 2, scale)
        rho, value = trial, new
    return rho


def _bounds(codes: np.ndarray, thresholds: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Upper and lower bound of each answer's category (n × items; ±100 at the ends)."""
    upper = np.empty(codes.shape)
    lower = np.empty(codes.shape)
    for b, th in enumerate(thresholds):
        ext = np.concatenate([[-_BOUND], th, [_BOUND]])
        upper[:, b] = ext[codes[:, b] + 1]
        lower[:, b] = ext[codes[:, b]]
    return upper, lower


def polyserial(x: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """Two-step polyserial correlations of continuous variables (columns of ``x``) with
    ordered items (columns of ``codes``, categories 0 … K − 1): one row per continuous
    variable, one column per item; the means, variances and thresholds are their
    univariate ML estimates.

    # In R: lavaan::lavCor(data, ordered = items)   # the x–y block

    Examples
    --------
    >>> import numpy as np
    >>> rng = np.random.default_rng(5)
    >>> e = rng.standard_normal((3000, 2))
    >>> x = 10 + 2 * e[:, :1]
    >>> y = np.digitize(0.6 * e[:, :1] + 0.8 * e[:, 1:], [-0.5, 0.4, 1.2])
    >>> round(float(polyserial(x, y)[0, 0]), 1)
    0.6
    """
    x = np.asarray(x, dtype=float)
    codes = np.asarray(codes, dtype=int)
    n = len(x)
    n_cat = [int(codes[:, b].max()) + 1 for b in range(codes.shape[1])]
    thresholds = [
        special.ndtri(np.cumsum(np.bincount(codes[:, b], minlength=k))[:-1] / n)
        for b, k in enumerate(n_cat)
    ]
    mean = x.mean(axis=0)
    sd = np.sqrt(((x - mean) ** 2).mean(axis=0))
    pairs = np.array([(a, b) for a in range(x.shape[1]) for b in range(codes.shape[1])])
    rho = _fit_pairs(x, mean, sd, codes, thresholds, pairs[:, 0], pairs[:, 1])
    return rho.reshape(x.shape[1], codes.shape[1])


def _fit_pairs(
    x: np.ndarray,
    mean: np.ndarray,
    sd: np.ndarray,
    codes: np.ndarray,
    thresholds: list[np.ndarray],
    a: np.ndarray,
    b: np.ndarray,
) -> np.ndarray:
    """Polyserial ρ of the pairs (x[:, a[k]], codes[:, b[k]]) (lavaan's starting value)."""
    upper, lower = _bounds(codes, thresholds)
    z = (x - mean) / sd
    model = _Mixed(z[:, a], upper[:, b], lower[:, b], sd[a])
    # lavaan's start: cor(x, y) · sd(y) / Σ_k φ(τ_k), halved beyond ±0.9
    start = np.zeros(len(a))
    for k, (i, j) in enumerate(zip(a, b, strict=True)):
        y = codes[:, j].astype(float)
        if y.std() > 0 and x[:, i].std() > 0:
            start[k] = np.corrcoef(x[:, i], y)[0, 1] * y.std() / _dnorm(thresholds[j]).sum()
    start = np.where(np.abs(start) > 0.9, start / 2, start)
    return _newton(model, start) if len(a) else np.zeros(0)


def mixed_stats(values: np.ndarray, names: list[str], n_categories: list[int]) -> OrdinalStats:
    """Thresholds, means, variances, polychoric / polyserial / Pearson correlations, Γ and
    DWLS weights of one group of ordered and continuous variables (see the module
    docstring).

    Parameters
    ----------
    values : (n, p) float array
        Complete rows: the category code 0 … K_j − 1 of an ordered item, the value of a
        continuous variable.
    names : list of str
        The variables, in the model's order.
    n_categories : list of int
        K_j of each ordered item; 0 marks a continuous variable.

    # In R: lavInspect(sem(model, data, ordered = items, estimator = "WLSMV"),
    #                  "sampstat") / "wls.obs" / "gamma"

    Examples
    --------
    >>> import numpy as np
    >>> rng = np.random.default_rng(2)
    >>> e = rng.standard_normal((1500, 3))
    >>> y1 = np.digitize(0.7 * e[:, 0] + 0.71 * e[:, 1], [-1.0, 0.0, 1.0])
    >>> y2 = np.digitize(0.7 * e[:, 0] + 0.71 * e[:, 2], [-0.5, 0.5])
    >>> x = 50 + 10 * e[:, 0]
    >>> st = mixed_stats(np.column_stack([y1, x, y2]), ["y1", "x", "y2"], [4, 0, 3])
    >>> st.n_thresholds, st.n_univariate, len(st.wls_obs)  # 3 + 1 mean + 2; 1 variance
    (6, 7, 10)
    >>> round(float(st.cor[1, 0]), 1), round(float(-st.wls_obs[3]))  # polyserial; mean
    (0.7, 50)
    """
    values = np.asarray(values, dtype=float)
    n, p = values.shape
    numeric = np.array([k == 0 for k in n_categories], dtype=bool)
    ordi, num = np.flatnonzero(~numeric), np.flatnonzero(numeric)
    codes = values[:, ordi].astype(int)
    parts = ordinal_parts(codes, [n_categories[j] for j in ordi])
    x = values[:, num]
    mean = x.mean(axis=0)
    res = x - mean
    var = (res**2).mean(axis=0)
    sd = np.sqrt(var)
    # --- the layout of lavaan's statistics: thresholds / means, variances, covariances
    n_uni = np.ones(p, dtype=int)
    local = {j: q for q, j in enumerate(ordi)}
    for q, j in enumerate(ordi):
        n_uni[j] = len(parts.thresholds[q])
    th_start = np.concatenate([[0], np.cumsum(n_uni)]).astype(int)
    n_th, n_num = int(th_start[-1]), len(num)
    var_col = {j: n_th + k for k, j in enumerate(num)}
    num_k = {j: k for k, j in enumerate(num)}
    th_item = np.repeat(np.arange(p), n_uni).astype(int)
    pairs = np.array([(i, j) for j in range(p) for i in range(j + 1, p)], dtype=int).reshape(-1, 2)
    n_pairs = len(pairs)
    size = n_th + n_num
    sc = np.zeros((n, size + n_pairs))
    a21 = np.zeros((n_pairs, size))
    h21 = np.zeros((n_pairs, size))
    h22 = np.ones(n_pairs)
    cor = np.eye(p)
    for q, j in enumerate(ordi):  # threshold scores
        sc[:, th_start[j] : th_start[j + 1]] = parts.sc_th[
            :, parts.th_start[q] : parts.th_start[q + 1]
        ]
    for k, j in enumerate(num):  # mean and variance scores (lav_uvreg_scores)
        sc[:, th_start[j]] = res[:, k] / var[k]
        sc[:, var_col[j]] = -1 / (2 * var[k]) + res[:, k] ** 2 / (2 * var[k] ** 2)
    pair_index = {(int(i), int(j)): q for q, (i, j) in enumerate(pairs)}
    # ordered × ordered: polychoric
    for q, (i_loc, j_loc) in enumerate(parts.pairs):
        i, j = ordi[i_loc], ordi[j_loc]
        w = pair_index[(i, j)]
        cor[i, j] = cor[j, i] = parts.rho[q]
        sc[:, size + w] = parts.sc_cor[:, q]
        for it, it_loc in ((i, i_loc), (j, j_loc)):
            a21[w, th_start[it] : th_start[it + 1]] = parts.a21[
                q, parts.th_start[it_loc] : parts.th_start[it_loc + 1]
            ]
    # continuous × ordered: polyserial
    mixed = [(w, i, j) for (i, j), w in pair_index.items() if numeric[i] != numeric[j]]
    if mixed:
        xa = np.array([i if numeric[i] else j for _, i, j in mixed])  # the continuous one
        yb = np.array([j if numeric[i] else i for _, i, j in mixed])  # the ordered one
        ka = np.array([num_k[v] for v in xa])
        lb = np.array([local[v] for v in yb])
        rho = _fit_pairs(x, mean, sd, codes, parts.thresholds, ka, lb)
        upper, lower = _bounds(codes, parts.thresholds)
        model = _Mixed(res[:, ka] / sd[ka], upper[:, lb], lower[:, lb], sd[ka])
        q = model.at(rho)
        r, y1, y2, inv = q["r"], q["y1"], q["y2"], 1 / q["prob"]
        z = model.z
        d_rho = inv / r**3 * (y1 * (model.z1 * q["rho"] - z) - y2 * (model.z2 * q["rho"] - z))
        d_mu = (z + inv * (q["rho"] / r) * (y1 - y2)) / sd[ka]
        d_var = ((z * z - 1) + (inv * q["rho"] * z / r) * (y1 - y2)) / (2 * var[ka])
        for m, (w, _, _) in enumerate(mixed):
            s = d_rho[:, m]
            cor[xa[m], yb[m]] = cor[yb[m], xa[m]] = rho[m]
            sc[:, size + w] = s
            a21[w, th_start[xa[m]]] = s @ d_mu[:, m]
            a21[w, var_col[xa[m]]] = s @ d_var[:, m]
            # ∂ score / ∂ threshold k: the answers in category k (upper bound) and k + 1
            c = codes[:, lb[m]]
            nk = n_uni[yb[m]]
            up = np.bincount(c, weights=s * y1[:, m] * inv[:, m], minlength=nk + 1)
            lo = np.bincount(c, weights=s * y2[:, m] * inv[:, m], minlength=nk + 1)
            a21[w, th_start[yb[m]] : th_start[yb[m] + 1]] = (up[:nk] - lo[1 : nk + 1]) / r[0, m]
            h21[w, var_col[xa[m]]] = rho[m] / (2 * sd[ka[m]])
            h22[w] = sd[ka[m]]
    # continuous × continuous: Pearson (lav_bvreg_cor_scores)
    for (i, j), w in pair_index.items():
        if not (numeric[i] and numeric[j]):
            continue
        a, b = num_k[i], num_k[j]
        e1, e2 = res[:, a], res[:, b]
        v1, v2, s1, s2 = var[a], var[b], sd[a], sd[b]
        rho = float(np.mean(e1 * e2) / (s1 * s2))
        big = 1 - rho * rho
        cor[i, j] = cor[j, i] = rho
        zz = e1 * e1 / v1 - 2 * rho * e1 * e2 / (s1 * s2) + e2 * e2 / v2
        s = rho / big + (e1 * e2 / (s1 * s2 * big) - zz * rho / big**2)
        sc[:, size + w] = s
        a21[w, th_start[i]] = s @ ((2 * e1 / v1 - 2 * rho * e2 / (s1 * s2)) / (2 * big))
        a21[w, th_start[j]] = s @ (-(2 * rho * e1 / (s1 * s2) - 2 * e2 / v2) / (2 * big))
        a21[w, var_col[i]] = s @ -(
            0.5 / v1 - (e1 * e1 / v1**2 - rho * e1 * e2 / (v1 * s1 * s2)) / (2 * big)
        )
        a21[w, var_col[j]] = s @ -(
            0.5 / v2 + (rho * e1 * e2 / (v2 * s1 * s2) - e2 * e2 / v2**2) / (2 * big)
        )
        h21[w, var_col[i]] = s2 * rho / (2 * s1)
        h21[w, var_col[j]] = s1 * rho / (2 * s2)
        h22[w] = s1 * s2
    # --- Γ = n · H B⁻¹ (Σ sᵢ sᵢᵀ) B⁻ᵀ Hᵀ (muthen1984)
    inner = sc.T @ sc
    a11_inv = np.zeros((size, size))
    for j in range(p):
        block = list(range(th_start[j], th_start[j + 1])) + ([var_col[j]] if numeric[j] else [])
        a11_inv[np.ix_(block, block)] = np.linalg.inv(inner[np.ix_(block, block)])
    a22_inv = 1 / np.sum(sc[:, size:] ** 2, axis=0)
    b_inv = np.zeros((size + n_pairs, size + n_pairs))
    b_inv[:size, :size] = a11_inv
    b_inv[size:, :size] = -(a22_inv[:, None] * a21) @ a11_inv
    b_inv[size:, size:] = np.diag(a22_inv)
    h = np.eye(size + n_pairs)
    h[size:, :size] = h21
    h[size:, size:] = np.diag(h22)
    hb = h @ b_inv
    gamma = n * (hb @ inner @ hb.T)
    flip = np.ones(size + n_pairs)
    flip[th_start[num]] = -1.0  # the statistic is the negative mean
    gamma = flip[:, None] * gamma * flip[None, :]
    scale = np.ones(p)
    scale[num] = sd
    cov = cor * np.outer(scale, scale)
    th_part = np.zeros(n_th)
    for q, j in enumerate(ordi):
        th_part[th_start[j] : th_start[j + 1]] = parts.thresholds[q]
    th_part[th_start[num]] = -mean
    wls_obs = np.concatenate([th_part, var, cov[pairs[:, 0], pairs[:, 1]]])
    thresholds = [parts.thresholds[local[j]] if j in local else np.zeros(0) for j in range(p)]
    means = np.zeros(p)
    means[num] = mean
    return OrdinalStats(
        names=list(names), n=n, thresholds=thresholds, cor=cor, wls_obs=wls_obs, gamma=gamma,
        wls_v=1 / np.diag(gamma), pairs=pairs, th_item=th_item, numeric=numeric, cov=cov,
        mean=means,
    )  # fmt: skip
