"""Consistent PLS (PLSc; Dijkstra & Henseler 2015) for reflective constructs (private).

PLS-PM composites of reflective items are not the common factors the items measure: their
correlations are attenuated by measurement error, so paths are biased toward zero and
loadings upward. PLSc corrects the estimates after the usual PLS-PM iteration (mode A),
as seminr's ``reflective()`` constructs (``PLSc()``) do:

* ρA of each reflective construct j (its consistent reliability) from its outer weights w
  and item correlations S: ρA = (w'w)² · w'(S − diag S)w / w'(ww' − diag ww')w;
* construct correlations disattenuated: r*ᵢⱼ = rᵢⱼ / √(ρAᵢ ρAⱼ) (ρA = 1 for mode-B,
  single-item and interaction constructs);
* paths by OLS on the disattenuated correlations, R² = 1 − 1 / (R*⁻¹)ⱼⱼ of the outcome
  and its predictors;
* loadings λ = w · √ρA / (w'w).

Outer weights and construct scores are those of PLS-PM. A construct with ρA ≤ 0 has no
correction (NaN estimates; :func:`cxlab.pls.fit` refuses it).
"""

from __future__ import annotations

from collections.abc import Collection

import numpy as np

from cxlab.pls import _engine as en
from cxlab.pls._spec import Spec


def reflective(spec: Spec, skip: Collection[str] = ()) -> tuple[int, ...]:
    """Indices of the constructs PLSc corrects: mode A with two or more items, not *skip*.

    Examples
    --------
    >>> s = Spec(("A", "B", "C"), {"A": ("a1", "a2"), "B": ("b",), "C": ("c1", "c2")},
    ...          {"A": "A", "B": "A", "C": "B"}, (("A", "C"),))
    >>> reflective(s)
    (0,)
    """
    return tuple(
        j
        for j, c in enumerate(spec.constructs)
        if spec.modes[c] == "A" and len(spec.blocks[c]) > 1 and c not in skip
    )


def rho_a(s: np.ndarray, w: np.ndarray, lay: en.Layout, which: Collection[int]) -> np.ndarray:
    """ρA (b × J) of the constructs *which* (ones elsewhere) from item correlations *s*
    (b × p × p) and outer weights *w* (b × p × J).

    Examples
    --------
    >>> import cxlab as cx
    >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
    >>> rho = rho_a(fit.item_cor_[None], fit.weight_matrix_[None], fit.layout_, [4])
    >>> print(f"{rho[0, 4]:.4f}")  # Satisfaction, as fit.reliability()
    0.7840
    """
    rho = np.ones((w.shape[0], w.shape[2]))
    for j in which:
        sl = lay.slices[j]
        wj = w[:, sl, j]
        k = wj.shape[1]
        off = 1.0 - np.eye(k)
        num = np.einsum("bi,bij,bj->b", wj, s[:, sl, sl] * off, wj)
        den = np.einsum("bi,bij,bj->b", wj, wj[:, :, None] * wj[:, None, :] * off, wj)
        rho[:, j] = (wj * wj).sum(axis=1) ** 2 * num / den
    return rho


def correct(
    s: np.ndarray, sol: en.Solution, lay: en.Layout, which: Collection[int]
) -> tuple[en.Solution, np.ndarray]:
    """The PLSc-corrected solution of a batch and the ρA used (see the module docstring).

    Examples
    --------
    >>> import cxlab as cx
    >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
    >>> new, rho = correct(fit.item_cor_[None], fit.solution_, fit.layout_, range(6))
    >>> bool(new.paths[0, 4, 5] > fit.solution_.paths[0, 4, 5])  # Satisfaction → Loyalty
    True
    """
    rho = rho_a(s, sol.weights, lay, which)
    with np.errstate(invalid="ignore"):
        root = np.sqrt(np.where(rho > 0, rho, np.nan))
    cor = sol.cor / (root[:, :, None] * root[:, None, :])
    n_c = cor.shape[1]
    cor[:, np.arange(n_c), np.arange(n_c)] = 1.0
    paths = np.zeros_like(sol.paths)
    r2 = np.full_like(sol.r2, np.nan)
    for j in lay.endogenous:
        idx = lay.preds[j]
        sub = cor[:, idx[:, None], idx]
        rhs = cor[:, idx, j][..., None]
        good = np.isfinite(sub).all(axis=(1, 2)) & np.isfinite(rhs).all(axis=(1, 2))
        beta = np.full(rhs.shape[:2], np.nan)
        if good.any():
            beta[good] = np.linalg.solve(sub[good], rhs[good])[..., 0]
        paths[:, idx, j] = beta
        r2[:, j] = (beta * cor[:, idx, j]).sum(axis=-1)
    loadings = sol.loadings.copy()
    for j in which:
        sl = lay.slices[j]
        wj = sol.weights[:, sl, j]
        loadings[:, sl, j] = wj * (root[:, j] / (wj * wj).sum(axis=1))[:, None]
    total = en.total_effects(np.nan_to_num(paths, nan=0.0))
    total[~np.isfinite(paths).all(axis=(1, 2))] = np.nan
    return en.Solution(sol.weights, loadings, sol.cross, cor, paths, r2, total), rho
