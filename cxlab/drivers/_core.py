"""Numerical kernels of :mod:`cxlab.drivers` (private: use ``cx.drivers``).

Everything here works on *batches*: a stack of correlation matrices (the sample's and
one per bootstrap resample) or a stack of frequency-weight vectors, so a bootstrap is a
few large array operations instead of a Python loop over resamples.

- :func:`bootstrap_counts` — resampling rows = multinomial frequency weights.
- :func:`weighted_corr` — correlation matrices under frequency weights.
- :func:`relative_weights` — Johnson's (2000) relative weights from Rxx and rxy.
- :func:`subset_r2` — R² of every subset of predictors from the correlation matrix.
- :func:`logistic_subset_r2` — McFadden R² of every subset, by batched IRLS.
- :func:`shapley` — Shapley values (general dominance) from the subset R² table.

Examples
--------
>>> import numpy as np
>>> from cxlab.drivers import _core as core
>>> rxx = np.array([[[1.0, 0.5], [0.5, 1.0]]])
>>> rxy = np.array([[0.6, 0.4]])
>>> r2 = core.subset_r2(rxx, rxy)
>>> [round(float(v), 4) for v in r2[0]]
[0.0, 0.36, 0.16, 0.3733]
>>> [round(float(v), 4) for v in core.shapley(r2)[0]]
[0.2867, 0.0867]
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations
from math import factorial

import numpy as np
from scipy.special import expit

__all__ = [
    "bootstrap_counts",
    "complete_dominance",
    "conditional_dominance",
    "logistic_subset_r2",
    "relative_weights",
    "shapley",
    "subset_r2",
    "weighted_corr",
]

#: floats per block of bootstrap weights (B_block × n): keeps memory near 40 MB
BLOCK = 5_000_000


def bootstrap_counts(rng: np.random.Generator, n: int, b: int) -> Iterator[np.ndarray]:
    """Yield blocks of bootstrap frequency weights, shape (block, n), b rows in all.

    Row i of a block counts how often each observation is drawn when n rows are
    resampled with replacement (what ``data.sample(n, replace=True)`` would pick).
    """
    block = max(1, min(b, BLOCK // max(n, 1)))
    done = 0
    while done < b:
        size = min(block, b - done)
        idx = rng.integers(0, n, size=(size, n)) + n * np.arange(size)[:, None]
        yield np.bincount(idx.ravel(), minlength=size * n).reshape(size, n).astype(float)
        done += size


def weighted_corr(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Correlation matrices of the columns of ``x`` (n, p) under weights ``w`` (b, n).

    Returns (b, p, p). ``x`` should be standardized first (it keeps the one-pass
    moments accurate).
    """
    p = x.shape[1]
    total = w.sum(axis=1)[:, None]
    mean = (w @ x) / total
    second = np.stack([w @ (x * x[:, [i]]) for i in range(p)], axis=1) / total[:, :, None]
    cov = second - mean[:, :, None] * mean[:, None, :]
    sd = np.sqrt(np.clip(np.diagonal(cov, axis1=1, axis2=2), 1e-300, None))
    return cov / (sd[:, :, None] * sd[:, None, :])


def relative_weights(rxx: np.ndarray, rxy: np.ndarray) -> np.ndarray:
    """Johnson's (2000) raw relative weights, shape (b, k), for Rxx (b, k, k), rxy (b, k).

    Rxx = V diag(λ) V'; Λ = V diag(√λ) V' correlates the predictors with their closest
    orthonormal counterparts Z; β = Λ⁻¹ rxy regresses y on Z; ε_j = Σ_k Λ_jk² β_k².
    Because every column of Λ∘Λ sums to 1, Σ_j ε_j = Σ_k β_k² = rxy' Rxx⁻¹ rxy = R².
    """
    vals, vecs = np.linalg.eigh(rxx)
    vals = np.clip(vals, 1e-300, None)
    lam = (vecs * np.sqrt(vals)[:, None, :]) @ np.swapaxes(vecs, 1, 2)
    lam_inv = (vecs / np.sqrt(vals)[:, None, :]) @ np.swapaxes(vecs, 1, 2)
    beta = np.einsum("bij,bj->bi", lam_inv, rxy)
    return np.einsum("bjk,bk->bj", lam**2, beta**2)


def _subsets_of_size(k: int, m: int) -> tuple[np.ndarray, np.ndarray]:
    """Index arrays (C, m) of the subsets of size m and their bit masks (C,)."""
    combos = np.array(list(combinations(range(k), m)), dtype=np.intp)
    masks = (1 << combos).sum(axis=1)
    return combos, masks


def subset_r2(rxx: np.ndarray, rxy: np.ndarray) -> np.ndarray:
    """R² of y on every subset of the k predictors: shape (b, 2**k), column = bit mask.

    R²(S) = r_S' R_SS⁻¹ r_S — one batched linear solve per subset size, so no regression
    is refitted on the data. Column 0 (the empty set) is 0.
    """
    b, k = rxy.shape
    out = np.zeros((b, 1 << k))
    for m in range(1, k + 1):
        combos, masks = _subsets_of_size(k, m)
        sub = rxx[:, combos[:, :, None], combos[:, None, :]]  # (b, C, m, m)
        r = rxy[:, combos]  # (b, C, m)
        sol = np.linalg.solve(sub, r[..., None])[..., 0]
        out[:, masks] = (r * sol).sum(axis=-1)
    return out


def _popcount(masks: np.ndarray) -> np.ndarray:
    return np.array([int(m).bit_count() for m in masks], dtype=np.intp)


def shapley(r2: np.ndarray) -> np.ndarray:
    """Shapley values (b, k) of a fit measure given for every subset (b, 2**k).

    φ_j = Σ_{S ⊆ N∖{j}} |S|! (k − |S| − 1)! / k! · [R²(S ∪ {j}) − R²(S)]: the average
    gain from adding j over all orders of entry (Shapley 1953; Lipovetsky & Conklin
    2001), equal to Budescu's (1993) general dominance weight.
    """
    b, size = r2.shape
    k = size.bit_length() - 1
    masks = np.arange(size)
    count = _popcount(masks)
    coef = np.array([factorial(s) * factorial(k - s - 1) / factorial(k) for s in range(k)])
    out = np.empty((b, k))
    for j in range(k):
        without = masks[(masks >> j) & 1 == 0]
        gain = r2[:, without | (1 << j)] - r2[:, without]
        out[:, j] = gain @ coef[count[without]]
    return out


def conditional_dominance(r2: np.ndarray) -> np.ndarray:
    """Average gain of each predictor by size of the subset it joins: (k, k).

    Row j, column s: mean of R²(S ∪ {j}) − R²(S) over the subsets S of the other
    predictors with |S| = s (Azen & Budescu 2003); the row mean is the Shapley value.
    ``r2`` is one row of :func:`subset_r2` (shape 2**k).
    """
    k = r2.size.bit_length() - 1
    masks = np.arange(r2.size)
    count = _popcount(masks)
    out = np.empty((k, k))
    for j in range(k):
        without = masks[(masks >> j) & 1 == 0]
        gain = r2[without | (1 << j)] - r2[without]
        for s in range(k):
            out[j, s] = gain[count[without] == s].mean()
    return out


def complete_dominance(r2: np.ndarray) -> np.ndarray:
    """(k, k) boolean: i completely dominates j when adding i beats adding j to every
    subset of the other predictors, the empty set included (Budescu 1993)."""
    k = r2.size.bit_length() - 1
    masks = np.arange(r2.size)
    out = np.zeros((k, k), dtype=bool)
    for i in range(k):
        for j in range(k):
            if i == j:
                continue
            rest = masks[((masks >> i) & 1 == 0) & ((masks >> j) & 1 == 0)]
            out[i, j] = bool(np.all(r2[rest | (1 << i)] > r2[rest | (1 << j)]))
    return out


def _loglik(y: np.ndarray, eta: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Σ w [y η − log(1 + e^η)] over the last axis."""
    return (w * (y * eta - np.logaddexp(0.0, eta))).sum(axis=-1)


def logistic_subset_r2(
    x: np.ndarray, y: np.ndarray, w: np.ndarray, max_iter: int = 50, tol: float = 1e-10
) -> tuple[np.ndarray, int]:
    """McFadden R² = 1 − LL(S) / LL(∅) of a logistic regression of y on every subset S.

    ``x`` (n, k) standardized predictors, ``y`` (n,) in {0, 1}, ``w`` (b, n) frequency
    weights. Every subset of one size is fitted at once by Newton–Raphson (IRLS) on a
    batch of design matrices. Returns the (b, 2**k) table and the number of fits that
    did not converge within ``max_iter`` steps (quasi-separation: R² then is the
    near-limit value reached).
    """
    n, k = x.shape
    widest = max(len(list(combinations(range(k), m))) for m in range(1, k + 1))
    chunk = max(1, BLOCK // (n * widest * (k + 1)))
    if w.shape[0] > chunk:
        parts = [
            logistic_subset_r2(x, y, w[i : i + chunk], max_iter, tol)
            for i in range(0, w.shape[0], chunk)
        ]
        return np.concatenate([r for r, _ in parts]), sum(f for _, f in parts)
    b = w.shape[0]
    p0 = np.clip((w @ y) / w.sum(axis=1), 1e-12, 1 - 1e-12)  # (b,)
    ll0 = w @ y * np.log(p0) + (w.sum(axis=1) - w @ y) * np.log1p(-p0)
    out = np.zeros((b, 1 << k))
    failed = 0
    for m in range(1, k + 1):
        combos, masks = _subsets_of_size(k, m)
        design = np.concatenate(
            [np.ones((len(combos), n, 1)), np.swapaxes(x[:, combos], 0, 1)], axis=2
        )  # (C, n, m + 1)
        beta = np.zeros((b, len(combos), m + 1))
        beta[..., 0] = np.log(p0 / (1 - p0))[:, None]
        converged = np.zeros((b, len(combos)), dtype=bool)
        for _ in range(max_iter):
            eta = np.clip(np.einsum("cnj,bcj->bcn", design, beta), -35.0, 35.0)
            prob = expit(eta)
            grad = np.einsum("cnj,bcn->bcj", design, w[:, None, :] * (y - prob))
            weight = w[:, None, :] * prob * (1 - prob)  # (b, C, n)
            hess = np.swapaxes(design[None] * weight[..., None], 2, 3) @ design[None]
            hess += 1e-10 * np.eye(m + 1)
            step = np.linalg.solve(hess, grad[..., None])[..., 0]
            beta += step
            converged = np.abs(step).max(axis=-1) < tol**0.5
            if converged.all():
                break
        failed += int((~converged).sum())
        eta = np.einsum("cnj,bcj->bcn", design, beta)
        ll = _loglik(y, eta, w[:, None, :])
        with np.errstate(divide="ignore", invalid="ignore"):  # a one-class resample: NaN
            out[:, masks] = np.where(ll0[:, None] < -1e-12, 1 - ll / ll0[:, None], np.nan)
    return out, failed
