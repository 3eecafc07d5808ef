"""The PLS-PM algorithm (Wold 1982; Lohmöller 1989) on correlation matrices, batched over
samples, for :mod:`cxlab.pls` (private).

Everything PLS-PM computes from standardized items Z (n × p) is a function of their
correlation matrix S = Z'Z / (n − 1): scores Y = Z W have covariance W'SW, and the
covariance of the items with any composite Z V is S V. So the iteration runs on S alone
(Lohmöller's covariance form) and on a whole stack of S (B × p × p) at once — one per
bootstrap resample or cross-validation fold — with numpy's batched matrix products
instead of a Python loop over samples. Each step, per sample:

1. outer estimates, standardized: Y = Z W / sd;
2. inner weights E from the score correlations R: path scheme (regression weights on the
   predecessors, correlations with the successors), factorial (correlations with all
   neighbours) or centroid (their signs);
3. inner estimates, standardized: Ỹ = Y E / sd;
4. new outer weights: mode A wⱼ = cov(Zⱼ, Ỹⱼ); mode B wⱼ = Sⱼⱼ⁻¹ cov(Zⱼ, Ỹⱼ); each column
   rescaled so that its score has unit variance;
5. stop when Σ|W_new − W_old| < tol (seminr's rule, tol = 1e-7) or after max_iter.

Starting weights are 1 for every item (seminr, plspm). A sample stops iterating when it
has converged, so each result equals a separate run on that sample.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from cxlab.pls._spec import Spec

SCHEMES = ("path", "factorial", "centroid")


@dataclass(frozen=True)
class Layout:
    """Arrays describing a model: item × construct mask, modes, adjacency, predecessors."""

    constructs: tuple[str, ...]
    items: tuple[str, ...]
    mask: np.ndarray
    slices: tuple[slice, ...]
    mode_b: tuple[int, ...]
    adjacency: np.ndarray
    preds: tuple[np.ndarray, ...]
    endogenous: tuple[int, ...]

    @classmethod
    def of(cls, spec: Spec) -> Layout:
        """The layout of a parsed :class:`cxlab.pls._spec.Spec`.

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
        >>> from cxlab.pls._engine import Layout
        >>> lay = Layout.of(fit.spec_)
        >>> lay.mask.shape, lay.mode_b, lay.constructs[lay.endogenous[-1]]  # items × constructs
        ((23, 6), (), 'Loyalty')
        """
        constructs = spec.constructs
        items = spec.items
        mask = np.zeros((len(items), len(constructs)))
        slices = []
        start = 0
        for j, c in enumerate(constructs):
            k = len(spec.blocks[c])
            mask[start : start + k, j] = 1.0
            slices.append(slice(start, start + k))
            start += k
        pos = {c: j for j, c in enumerate(constructs)}
        adjacency = np.zeros((len(constructs), len(constructs)))
        for a, b in spec.paths:
            adjacency[pos[a], pos[b]] = 1.0
        preds = tuple(np.flatnonzero(adjacency[:, j]) for j in range(len(constructs)))
        return cls(
            tuple(constructs),
            tuple(items),
            mask,
            tuple(slices),
            tuple(j for j, c in enumerate(constructs) if spec.modes[c] == "B"),
            adjacency,
            preds,
            tuple(j for j in range(len(constructs)) if len(preds[j])),
        )


def _unit_variance(w: np.ndarray, s: np.ndarray) -> np.ndarray:
    """Columns of w (b × p × J) rescaled so that var(Z w) = w'Sw = 1."""
    return w / np.sqrt(np.einsum("bpj,bpj->bj", w, s @ w))[:, None, :]


def _inner(r: np.ndarray, lay: Layout, scheme: str) -> np.ndarray:
    """Inner weights E (b × J × J): column j combines the neighbours of construct j."""
    adj = lay.adjacency
    if scheme == "factorial":
        return r * (adj + adj.T)
    if scheme == "centroid":
        return np.sign(r) * (adj + adj.T)
    e = r * adj.T  # successors i of j (j → i): their correlation with j
    for j in lay.endogenous:
        idx = lay.preds[j]
        e[:, idx, j] = np.linalg.solve(r[:, idx[:, None], idx], r[:, idx, j][..., None])[..., 0]
    return e


def _step(s: np.ndarray, w: np.ndarray, lay: Layout, scheme: str) -> np.ndarray:
    ws = _unit_variance(w, s)
    r = np.swapaxes(ws, 1, 2) @ s @ ws
    v = _unit_variance(ws @ _inner(r, lay, scheme), s)
    t = s @ v  # covariance of each item with each inner estimate
    new = t * lay.mask
    for j in lay.mode_b:
        sl = lay.slices[j]
        new[:, sl, j] = np.linalg.solve(s[:, sl, sl], t[:, sl, j][..., None])[..., 0]
    return _unit_variance(new, s)


def estimate(
    s: np.ndarray, lay: Layout, scheme: str = "path", tol: float = 1e-7, max_iter: int = 300
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Outer weights (b × p × J), iterations and convergence flags of each sample in *s*.

    A singular matrix in a sample (a collinear mode-B block, or predecessors that are
    perfectly correlated) leaves that sample's weights NaN and not converged.
    """
    b = s.shape[0]
    w = np.broadcast_to(lay.mask, (b, *lay.mask.shape)).copy()
    iterations = np.zeros(b, dtype=int)
    converged = np.zeros(b, dtype=bool)
    active = np.arange(b)
    for it in range(max_iter + 1):
        try:
            new = _step(s[active], w[active], lay, scheme)
        except np.linalg.LinAlgError:  # a singular sample: step the samples one by one
            new = np.full((len(active), *w.shape[1:]), np.nan)
            for k, i in enumerate(active):
                with contextlib.suppress(np.linalg.LinAlgError):
                    new[k] = _step(s[i : i + 1], w[i : i + 1], lay, scheme)[0]
        diff = np.abs(new - w[active]).sum(axis=(1, 2))
        w[active] = new
        iterations[active] = it
        done = diff < tol
        converged[active[done]] = True
        active = active[~(done | ~np.isfinite(diff))]
        if not len(active):
            break
    return w, iterations, converged & np.isfinite(w).all(axis=(1, 2))


@dataclass
class Solution:
    """Estimates of a batch: weights, loadings, cross-loadings, score correlations,
    paths (J × J, [from, to]), R² and total effects."""

    weights: np.ndarray
    loadings: np.ndarray
    cross: np.ndarray
    cor: np.ndarray
    paths: np.ndarray
    r2: np.ndarray
    total: np.ndarray


def solve(s: np.ndarray, w: np.ndarray, lay: Layout) -> Solution:
    """Loadings, paths (OLS on the standardized scores), R² and total effects."""
    sw = s @ w
    r = np.swapaxes(w, 1, 2) @ sw
    b, n_c = w.shape[0], w.shape[2]
    paths = np.zeros((b, n_c, n_c))
    r2 = np.full((b, n_c), np.nan)
    for j in lay.endogenous:
        idx = lay.preds[j]
        beta = np.linalg.solve(r[:, idx[:, None], idx], r[:, idx, j][..., None])[..., 0]
        paths[:, idx, j] = beta
        r2[:, j] = (beta * r[:, idx, j]).sum(axis=-1)
    return Solution(w, sw * lay.mask, sw, r, paths, r2, total_effects(paths))


def total_effects(paths: np.ndarray) -> np.ndarray:
    """B + B² + B³ + … (exact for a recursive model: B is nilpotent)."""
    total = paths.copy()
    power = paths
    for _ in range(paths.shape[-1]):
        power = power @ paths
        if not np.any(power):
            break
        total = total + power
    return total


def correlations(x: np.ndarray) -> np.ndarray:
    """The 1 × p × p correlation matrix of the columns of x (n − 1 denominators)."""
    z = (x - x.mean(axis=0)) / x.std(axis=0, ddof=1)
    return (z.T @ z / (len(x) - 1))[None]


def resampled(
    xc: np.ndarray, counts: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Correlation matrices, means and SDs of resamples given by row *counts* (b × n).

    *xc* holds the items centred at their full-sample means; a resample's moments are
    weighted moments with the counts as frequency weights. Resamples in which an item is
    constant (sd ≈ 0) are flagged in the last array (False).
    """
    n, p = xc.shape
    w = counts / n
    mean = w @ xc
    if n * p * p <= 4_000_000:
        outer = (xc[:, :, None] * xc[:, None, :]).reshape(n, p * p)
        second = (w @ outer).reshape(-1, p, p)
    else:
        second = np.stack([(xc * wi[:, None]).T @ xc for wi in w])
    cov = (second - mean[:, :, None] * mean[:, None, :]) * (n / (n - 1))
    sd = np.sqrt(np.clip(np.diagonal(cov, axis1=1, axis2=2), 0, None))
    ok = np.all(sd > 1e-10 * np.sqrt(np.diagonal(xc.T @ xc) / (n - 1)), axis=1)
    safe = np.where(sd > 0, sd, 1.0)
    s = cov / (safe[:, :, None] * safe[:, None, :])
    idx = np.arange(p)
    s[:, idx, idx] = 1.0
    return s, mean, sd, ok
