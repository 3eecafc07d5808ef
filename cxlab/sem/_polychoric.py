"""Sample statistics of ordered (ordinal) indicators, as lavaan computes them for WLSMV.

For each group, from complete rows (lavaan's default ``missing = "listwise"``):

* thresholds of every ordered item from its marginal proportions,
  τ_k = Φ⁻¹(P(y ≤ k)) (lavaan's ``lav_uvord_th``; the ML estimates without covariates);
* polychoric correlations by two-step ML (Olsson 1979): the thresholds held at their
  univariate values, each pair's correlation maximises the bivariate-normal likelihood
  of its contingency table (lavaan's ``lav_bvord_cor_twostep_fit``; no cell is altered
  in tables larger than 2 × 2, as lavaan's ``zero.add = c(0.5, 0)``; cell probabilities
  below √ε are set to √ε);
* their asymptotic covariance matrix Γ (lavaan's ``NACOV``, scaled by n) from casewise
  scores (Muthén 1984, lavaan's ``muthen1984``): with A the block matrix of cross-products
  of the scores (thresholds per item, each correlation alone, and the correlations'
  dependence on the thresholds), Γ = n · A⁻¹ (Σᵢ sᵢ sᵢᵀ) A⁻ᵀ;
* the DWLS weight, 1 / diag(Γ) (lavaan's ``WLS.V`` for ``estimator = "WLSMV"``).

The statistics are ordered as lavaan's ``WLS.obs``: all thresholds (item by item), then
the correlations below the diagonal column by column (``vech(R, diagonal = FALSE)``).

The bivariate normal distribution function is Genz's (2004) algorithm (the one behind
R's ``pbivnorm``), vectorised over all pairs and cells at once: the 300 polychoric
correlations of 25 five-point items are estimated together by Newton steps.

References: Olsson (1979), Psychometrika 44, 443–460; Muthén (1984), Psychometrika 49,
115–132; Genz (2004), Statistics and Computing 14, 251–260.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import special

__all__ = ["OrdinalStats", "bivariate_normal_cdf", "ordinal_stats"]

_SQRT_EPS = float(np.sqrt(np.finfo(float).eps))
_BIG = 50.0  # stands for ±∞ where a finite number is needed (φ(50) underflows to 0)

# Gauss–Legendre nodes and weights on [-1, 1] (20 points), as in Genz's BVNU
_GL_X = np.array(
    [
        0.9931285991850949,
        0.9639719272779138,
        0.9122344282513259,
        0.8391169718222188,
        0.7463319064601508,
        0.6360536807265150,
        0.5108670019508271,
        0.3737060887154196,
        0.2277858511416451,
        0.07652652113349733,
    ]
)
_GL_W = np.array(
    [
        0.01761400713915212,
        0.04060142980038694,
        0.06267204833410906,
        0.08327674157670475,
        0.1019301198172404,
        0.1181945319615184,
        0.1316886384491766,
        0.1420961093183821,
        0.1491729864726037,
        0.1527533871307259,
    ]
)
_NODES = np.concatenate([1 - _GL_X, 1 + _GL_X])
_WEIGHTS = np.concatenate([_GL_W, _GL_W])


def _phi(x: np.ndarray) -> np.ndarray:
    """Standard normal distribution function."""
    return special.ndtr(x)


def _bvnu(h: np.ndarray, k: np.ndarray, r: np.ndarray) -> np.ndarray:
    """P(X > h, Y > k) for finite h, k and |r| < 1 (Genz's BVNU, 20-point rule)."""
    tp = 2 * np.pi
    hk = h * k
    out = np.empty_like(h)
    low = np.abs(r) < 0.925
    if low.any():
        hl, kl, rl, hkl = h[low], k[low], r[low], hk[low]
        hs = (hl * hl + kl * kl) / 2
        asr = np.arcsin(rl) / 2
        sn = np.sin(asr[:, None] * _NODES[None, :])
        terms = np.exp((sn * hkl[:, None] - hs[:, None]) / (1 - sn**2))
        out[low] = (terms @ _WEIGHTS) * asr / tp + _phi(-hl) * _phi(-kl)
    high = ~low
    if high.any():
        hh, kh, rh = h[high], k[high].copy(), r[high]
        hkh = hk[high].copy()
        neg = rh < 0
        kh[neg] = -kh[neg]
        hkh[neg] = -hkh[neg]
        bvn = np.zeros_like(hh)
        inner = np.abs(rh) < 1
        if inner.any():
            hi, ki, ri, hki = hh[inner], kh[inner], rh[inner], hkh[inner]
            a_s = 1 - ri**2
            a = np.sqrt(a_s)
            bs = (hi - ki) ** 2
            asr = -(bs / a_s + hki) / 2
            c = (4 - hki) / 8
            d = (12 - hki) / 80
            val = np.where(
                asr > -100,
                a * np.exp(asr) * (1 - c * (bs - a_s) * (1 - d * bs) / 3 + c * d * a_s**2),
                0.0,
            )
            b = np.sqrt(bs)
            sp = np.sqrt(tp) * _phi(-b / a)
            val = np.where(
                hki > -100,
                val - np.exp(-hki / 2) * sp * b * (1 - c * bs * (1 - d * bs) / 3),
                val,
            )
            a2 = a / 2
            xs = (a2[:, None] * _NODES[None, :]) ** 2
            asr2 = -(bs[:, None] / xs + hki[:, None]) / 2
            ok = asr2 > -100
            sp2 = 1 + c[:, None] * xs * (1 + 5 * d[:, None] * xs)
            rs = np.sqrt(1 - xs)
            ep = np.exp(-(hki[:, None] / 2) * xs / (1 + rs) ** 2) / rs
            with np.errstate(over="ignore", invalid="ignore"):
                summand = np.where(ok, np.exp(np.where(ok, asr2, 0.0)) * (sp2 - ep), 0.0)
            val = (a2 * (summand @ _WEIGHTS) - val) / tp
            bvn[inner] = val
        pos = rh > 0
        res = np.empty_like(hh)
        res[pos] = bvn[pos] + _phi(-np.maximum(hh[pos], kh[pos]))
        negm = ~pos
        hn, kn, bn = hh[negm], kh[negm], bvn[negm]
        lower = np.where(hn < 0, _phi(kn) - _phi(hn), _phi(-hn) - _phi(-kn))
        res[negm] = np.where(hn >= kn, -bn, lower - bn)
        out[high] = res
    return np.clip(out, 0.0, 1.0)


def bivariate_normal_cdf(x: np.ndarray, y: np.ndarray, rho: np.ndarray) -> np.ndarray:
    """P(X ≤ x, Y ≤ y) for a standard bivariate normal with correlation rho
    (broadcast; ±inf allowed in x and y), accurate to about 1e-15 (Genz 2004).

    # In R: pbivnorm::pbivnorm(x, y, rho)

    Examples
    --------
    >>> import numpy as np
    >>> from cxlab.sem._polychoric import bivariate_normal_cdf
    >>> bivariate_normal_cdf(np.array([0.0, 1.0, np.inf]), np.array([0.0, -0.5, 0.3]), 0.5)
    array([0.33333333, 0.29609063, 0.61791142])
    """
    x, y, r = np.broadcast_arrays(
        np.asarray(x, dtype=float), np.asarray(y, dtype=float), np.asarray(rho, dtype=float)
    )
    shape = x.shape
    x, y, r = x.ravel(), y.ravel(), r.ravel()
    out = np.empty(x.shape)
    h, k = -x, -y  # P(X ≤ x, Y ≤ y) = P(-X > -x, -Y > -y), corr(-X, -Y) = rho
    inf_h, inf_k = np.isinf(h), np.isinf(k)
    finite = ~(inf_h | inf_k)
    zero = finite & (r == 0)
    out[zero] = _phi(-h[zero]) * _phi(-k[zero])
    rest = finite & ~zero
    if rest.any():
        out[rest] = _bvnu(h[rest], k[rest], r[rest])
    edge = ~finite
    he, ke = h[edge], k[edge]
    val = np.where(
        (he == np.inf) | (ke == np.inf),
        0.0,
        np.where(he == -np.inf, np.where(ke == -np.inf, 1.0, _phi(-ke)), _phi(-he)),
    )
    out[edge] = val
    return out.reshape(shape)


def _bivariate_density(x: np.ndarray, y: np.ndarray, rho: np.ndarray) -> np.ndarray:
    """Standard bivariate normal density (0 where x or y is infinite)."""
    fin = np.isfinite(x) & np.isfinite(y)
    xf, yf = np.where(fin, x, 0.0), np.where(fin, y, 0.0)
    r2 = 1 - rho**2
    dens = np.exp(-(xf**2 - 2 * rho * xf * yf + yf**2) / (2 * r2)) / (2 * np.pi * np.sqrt(r2))
    return np.where(fin, dens, 0.0)


@dataclass
class OrdinalStats:
    """Sample statistics of one group (lavaan's WLSMV ``SampleStats``).

    ``thresholds[j]`` are variable j's thresholds (empty for a continuous variable);
    ``cor`` the polychoric (polyserial, Pearson) correlations; ``wls_obs`` the
    statistics in lavaan's order (``wls.obs``): the thresholds of the ordered items and
    the negative means of the continuous ones (variable by variable), the variances of
    the continuous variables, then the covariances below the diagonal (``vech(COV,
    diagonal = FALSE)``: correlations between ordered items, polyserial correlation times
    the standard deviation between an ordered and a continuous variable, covariances
    between continuous ones); ``gamma`` their asymptotic covariance matrix times n
    (lavaan's ``NACOV`` / ``lavInspect(fit, "gamma")``); ``wls_v`` the DWLS weights
    1 / diag(Γ) (the diagonal of lavaan's ``wls.v``); ``pairs`` the (i, j) variable pairs
    of the covariance part, i > j; ``th_item`` the variable of each entry of the
    threshold part; ``numeric`` marks the continuous variables; ``cov`` and ``mean``
    the covariance matrix (ordered items on the correlation scale) and the means (0
    for ordered items)."""

    names: list[str]
    n: int
    thresholds: list[np.ndarray]
    cor: np.ndarray
    wls_obs: np.ndarray
    gamma: np.ndarray
    wls_v: np.ndarray
    pairs: np.ndarray
    th_item: np.ndarray  # the variable (0-based) of each threshold (or mean) in wls_obs
    numeric: np.ndarray | None = None
    cov: np.ndarray | None = None
    mean: np.ndarray | None = None

    def __post_init__(self) -> None:
        p = len(self.names)
        if self.numeric is None:
            self.numeric = np.zeros(p, dtype=bool)
        if self.cov is None:
            self.cov = self.cor
        if self.mean is None:
            self.mean = np.zeros(p)

    @property
    def n_thresholds(self) -> int:
        """Number of entries of the threshold part of ``wls_obs`` (the thresholds, and
        one negative mean per continuous variable).

        Examples
        --------
        >>> import numpy as np
        >>> codes = np.array([[0, 1], [1, 2], [2, 0], [1, 1], [0, 2], [2, 1]])
        >>> ordinal_stats(codes, ["a", "b"], [3, 3]).n_thresholds
        4
        """
        return len(self.th_item)

    @property
    def n_univariate(self) -> int:
        """Number of univariate statistics (thresholds, negative means, variances): the
        covariances below the diagonal follow them in ``wls_obs``.

        Examples
        --------
        >>> import numpy as np
        >>> codes = np.array([[0, 1], [1, 2], [2, 0], [1, 1], [0, 2], [2, 1]])
        >>> ordinal_stats(codes, ["a", "b"], [3, 3]).n_univariate
        4
        """
        return len(self.th_item) + int(np.sum(self.numeric))


def _cell_bounds(th: np.ndarray, kmax: int) -> tuple[np.ndarray, np.ndarray]:
    """Lower and upper bounds of each category (padded to kmax categories with +inf)."""
    ext = np.concatenate([[-np.inf], th, np.full(kmax - len(th), np.inf)])
    return ext[:-1][:kmax], ext[1:][:kmax]


def _pair_tables(codes: np.ndarray, first: np.ndarray, second: np.ndarray, kmax: int):
    """Contingency tables (pairs × kmax × kmax) of items first[p] (rows) × second[p]."""
    n = len(codes)
    n_pairs = len(first)
    flat = codes[:, first] * kmax + codes[:, second]  # n × pairs
    offsets = np.arange(n_pairs) * kmax * kmax
    counts = np.bincount((flat + offsets).ravel(), minlength=n_pairs * kmax * kmax)
    del n
    return counts.reshape(n_pairs, kmax, kmax).astype(float)


class _PairModel:
    """Cell probabilities and their derivatives for all pairs at once (thresholds fixed)."""

    def __init__(self, lo1, hi1, lo2, hi2):
        # each: pairs × kmax (bounds of the row item's and the column item's categories)
        self.lo1, self.hi1, self.lo2, self.hi2 = lo1, hi1, lo2, hi2
        # corner points of every cell: pairs × kmax × kmax
        self.corners = [
            (hi1[:, :, None], hi2[:, None, :], 1.0),
            (lo1[:, :, None], hi2[:, None, :], -1.0),
            (hi1[:, :, None], lo2[:, None, :], -1.0),
            (lo1[:, :, None], lo2[:, None, :], 1.0),
        ]

    def probabilities(self, rho: np.ndarray) -> np.ndarray:
        r = rho[:, None, None]
        total = 0.0
        for a, b, sign in self.corners:
            total = total + sign * bivariate_normal_cdf(a, b, r)
        return np.maximum(total, _SQRT_EPS)

    def density(self, rho: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """∂π/∂ρ and ∂²π/∂ρ² of every cell."""
        r = rho[:, None, None]
        d1 = d2 = 0.0
        for a, b, sign in self.corners:
            a_b, b_b = np.broadcast_arrays(a, b)
            dens = _bivariate_density(a_b, b_b, r)
            fin = np.isfinite(a_b) & np.isfinite(b_b)
            u, v = np.where(fin, a_b, 0.0), np.where(fin, b_b, 0.0)
            big_r = 1 - r * r
            guv = (u * v * big_r - r * (u * u - 2 * r * u * v + v * v) + r * big_r) / big_r**2
            d1 = d1 + sign * dens
            d2 = d2 + sign * dens * guv
        return d1, d2


def _polychoric(tables: np.ndarray, model: _PairModel, start: np.ndarray) -> np.ndarray:
    """Maximise each pair's bivariate log-likelihood in rho (Newton, step-halving)."""
    rho = np.clip(start, -0.99, 0.99)

    def loglik(r: np.ndarray) -> np.ndarray:
        return np.sum(tables * np.log(model.probabilities(r)), axis=(1, 2))

    value = loglik(rho)
    active = np.ones(len(rho), dtype=bool)
    for _ in range(100):
        pi = model.probabilities(rho)
        d1, d2 = model.density(rho)
        grad = np.sum(tables * d1 / pi, axis=(1, 2))
        hess = np.sum(tables * (d2 / pi - d1**2 / pi**2), axis=(1, 2))
        active = np.abs(grad) > 1e-10 * np.maximum(1.0, tables.sum(axis=(1, 2)))
        if not active.any():
            break
        step = np.where(hess < 0, -grad / np.where(hess < 0, hess, -1.0), 0.01 * np.sign(grad))
        step = np.where(active, np.clip(step, -0.5, 0.5), 0.0)
        scale = np.ones_like(rho)
        for _ in range(40):
            trial = np.clip(rho + scale * step, -0.999, 0.999)
            new = loglik(trial)
            worse = active & (new < value - 1e-12 * np.abs(value))
            if not worse.any():
                break
            scale = np.where(worse, scale / 2, scale)
        rho, value = trial, new
    return rho


@dataclass
class OrdinalParts:
    """What :func:`ordinal_stats` estimates before Γ is assembled: each item's thresholds
    and their casewise scores, the polychoric correlations of the item pairs (i, j),
    i > j, column by column, their casewise scores, and the blocks A21 (∂ scores of the
    correlations / ∂ thresholds, pairs × thresholds) and diag(A22) of Muthén's (1984)
    matrix. :mod:`cxlab.sem._polyserial` places them among the statistics of the
    continuous variables."""

    thresholds: list[np.ndarray]
    sc_th: np.ndarray
    th_start: np.ndarray
    pairs: np.ndarray
    rho: np.ndarray
    sc_cor: np.ndarray
    a21: np.ndarray
    a22: np.ndarray


def ordinal_parts(codes: np.ndarray, n_categories: list[int]) -> OrdinalParts:
    """Thresholds, polychoric correlations and their scores (see :class:`OrdinalParts`).

    Examples
    --------
    >>> import numpy as np
    >>> codes = np.array([[0, 1], [1, 2], [2, 0], [1, 1], [0, 2], [2, 1]])
    >>> parts = ordinal_parts(codes, [3, 3])
    >>> parts.sc_th.shape, parts.pairs.tolist(), parts.a21.shape
    ((6, 4), [[1, 0]], (1, 4))
    """
    codes = np.asarray(codes, dtype=int)
    n, p = codes.shape
    kmax = max(n_categories) if p else 1
    # --- step 1: thresholds and their casewise scores
    thresholds, sc_th_blocks = [], []
    for j in range(p):
        freq = np.bincount(codes[:, j], minlength=n_categories[j]).astype(float)
        th = special.ndtri(np.cumsum(freq)[:-1] / n)
        thresholds.append(th)
        lo = np.concatenate([[-np.inf], th])
        hi = np.concatenate([th, [np.inf]])
        prob = _phi(hi) - _phi(lo)
        dens = np.exp(-0.5 * th**2) / np.sqrt(2 * np.pi)
        # score of threshold k for an answer in category c: +φ(τ_k)/π_c if k == c,
        # −φ(τ_k)/π_c if k == c − 1
        cats = np.arange(len(prob))
        per_cat = (
            (cats[:, None] == np.arange(len(th))[None, :]) * dens[None, :]
            - (cats[:, None] - 1 == np.arange(len(th))[None, :]) * dens[None, :]
        ) / prob[:, None]
        sc_th_blocks.append(per_cat[codes[:, j]])
    sc_th = np.hstack(sc_th_blocks) if p else np.zeros((n, 0))
    th_start = np.concatenate([[0], np.cumsum([len(t) for t in thresholds])]).astype(int)
    n_th = sc_th.shape[1]
    # --- step 2: polychoric correlations, pairs (i, j) with i > j, column by column
    pairs = np.array([(i, j) for j in range(p) for i in range(j + 1, p)], dtype=int).reshape(-1, 2)
    n_pairs = len(pairs)
    if not n_pairs:
        return OrdinalParts(thresholds, sc_th, th_start, pairs, np.zeros(0), np.zeros((n, 0)),
                            np.zeros((0, n_th)), np.zeros(0))  # fmt: skip
    first, second = pairs[:, 0], pairs[:, 1]  # y1 = item i (rows), y2 = item j (columns)
    bounds = [_cell_bounds(t, kmax) for t in thresholds]
    lo = np.array([b[0] for b in bounds])
    hi = np.array([b[1] for b in bounds])
    tables = _pair_tables(codes, first, second, kmax)
    model = _PairModel(lo[first], hi[first], lo[second], hi[second])
    start = np.nan_to_num(
        np.array(
            [
                np.corrcoef(codes[:, i], codes[:, j])[0, 1]
                for i, j in zip(first, second, strict=True)
            ]
        )
    )
    rho = _polychoric(tables, model, start)
    # --- scores of the correlations and their dependence on the thresholds (muthen1984)
    pi = model.probabilities(rho)
    d_rho = model.density(rho)[0] / pi
    # derivative of each cell's log-probability with respect to the row item's upper
    # (Z1) and lower (Z2) category bound, and the same for the column item
    r = rho[:, None, None]
    big_r = np.sqrt(1 - r * r)

    def fin(x: np.ndarray) -> np.ndarray:
        return np.clip(x, -_BIG, _BIG)

    u1, u2 = fin(hi[first])[:, :, None], fin(lo[first])[:, :, None]  # row item bounds
    v1, v2 = fin(hi[second])[:, None, :], fin(lo[second])[:, None, :]  # column item bounds

    def dnorm(x: np.ndarray) -> np.ndarray:
        return np.exp(-0.5 * x**2) / np.sqrt(2 * np.pi)

    y1_z1 = dnorm(u1) * (_phi((v1 - r * u1) / big_r) - _phi((v2 - r * u1) / big_r)) / pi
    y1_z2 = dnorm(u2) * (_phi((v1 - r * u2) / big_r) - _phi((v2 - r * u2) / big_r)) / pi
    y2_z1 = dnorm(v1) * (_phi((u1 - r * v1) / big_r) - _phi((u2 - r * v1) / big_r)) / pi
    y2_z2 = dnorm(v2) * (_phi((u1 - r * v2) / big_r) - _phi((u2 - r * v2) / big_r)) / pi
    idx = np.arange(n_pairs)[None, :]
    sc_cor = d_rho[idx, codes[:, first], codes[:, second]]
    a22 = np.sum(tables * d_rho**2, axis=(1, 2))
    a21 = np.zeros((n_pairs, n_th))
    for q, (i, j) in enumerate(pairs):
        w = tables[q] * d_rho[q]  # kmax × kmax
        ki, kj = len(thresholds[i]), len(thresholds[j])
        # threshold k of item i is the upper bound of row category k, the lower of k + 1
        row_up = (w * y1_z1[q]).sum(axis=1)  # per row category
        row_lo = (w * y1_z2[q]).sum(axis=1)
        a21[q, th_start[i] : th_start[i] + ki] = row_up[:ki] - row_lo[1 : ki + 1]
        col_up = (w * y2_z1[q]).sum(axis=0)
        col_lo = (w * y2_z2[q]).sum(axis=0)
        a21[q, th_start[j] : th_start[j] + kj] = col_up[:kj] - col_lo[1 : kj + 1]
    return OrdinalParts(thresholds, sc_th, th_start, pairs, rho, sc_cor, a21, a22)


def ordinal_stats(codes: np.ndarray, names: list[str], n_categories: list[int]) -> OrdinalStats:
    """Thresholds, polychoric correlations, Γ and DWLS weights of one group.

    Parameters
    ----------
    codes : (n, p) int array
        Category of each answer, 0 … K_j − 1 (complete rows only).
    names : list of str
        The items, in the model's order.
    n_categories : list of int
        K_j for each item (every category observed at least once).

    # In R: lavInspect(cfa(model, data, ordered = TRUE, estimator = "WLSMV"),
    #                  "sampstat") / "gamma" / "wls.obs" / "wls.v"

    Examples
    --------
    >>> import numpy as np
    >>> from cxlab.sem._polychoric import ordinal_stats
    >>> e = np.random.default_rng(1).standard_normal((2000, 2))
    >>> z = np.column_stack([e[:, 0], 0.5 * e[:, 0] + np.sqrt(0.75) * e[:, 1]])  # ρ = 0.5
    >>> codes = np.digitize(z, [-1.0, 0.0, 1.0])  # four categories
    >>> st = ordinal_stats(codes, ["a", "b"], [4, 4])
    >>> (st.thresholds[0].round(1) + 0.0).tolist(), round(float(st.cor[1, 0]), 1)
    ([-1.0, 0.0, 1.0], 0.5)
    >>> st.wls_obs.shape, st.gamma.shape  # 6 thresholds and 1 correlation
    ((7,), (7, 7))
    """
    codes = np.asarray(codes, dtype=int)
    n, p = codes.shape
    parts = ordinal_parts(codes, n_categories)
    thresholds, th_start, pairs, rho = parts.thresholds, parts.th_start, parts.pairs, parts.rho
    th_item = np.repeat(np.arange(p), [len(t) for t in thresholds]).astype(int)
    cor = np.eye(p)
    cor[pairs[:, 0], pairs[:, 1]] = rho
    cor[pairs[:, 1], pairs[:, 0]] = rho
    # --- Γ from the casewise scores (muthen1984): Γ = n · B⁻¹ (Σ sᵢ sᵢᵀ) B⁻ᵀ
    n_th, n_pairs = parts.sc_th.shape[1], len(pairs)
    scores = np.hstack([parts.sc_th, parts.sc_cor])
    inner = scores.T @ scores
    a11_inv = np.zeros((n_th, n_th))
    for j in range(p):
        s = slice(th_start[j], th_start[j + 1])
        a11_inv[s, s] = np.linalg.inv(inner[s, s])
    a22_inv = 1 / parts.a22
    b_inv = np.zeros((n_th + n_pairs, n_th + n_pairs))
    b_inv[:n_th, :n_th] = a11_inv
    b_inv[n_th:, :n_th] = -(a22_inv[:, None] * parts.a21) @ a11_inv
    b_inv[n_th:, n_th:] = np.diag(a22_inv)
    gamma = n * (b_inv @ inner @ b_inv.T)
    wls_obs = np.concatenate([*thresholds, rho])
    return OrdinalStats(
        names=list(names),
        n=n,
        thresholds=thresholds,
        cor=cor,
        wls_obs=wls_obs,
        gamma=gamma,
        wls_v=1 / np.diag(gamma),
        pairs=pairs,
        th_item=th_item,
    )
