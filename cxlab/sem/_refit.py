"""Fast refits of an ML SEM on resampled moments (private; used by :mod:`cxlab.sem.bootstrap`).

A bootstrap draw's solution lies close to the full-sample one, so Newton steps from there
converge in a few iterations: about 6 and 4 per draw on Political Democracy and lesson
08's 4E SEM (6.8 and 5.1 evaluations of gradient and Hessian, the start included),
where BFGS took about 18 iterations with 20 evaluations of F on Political Democracy.
:class:`Refitter` precomputes what does not change between draws (the fixed RAM matrices, the flat
positions of the free cells, which parameter each cell belongs to, every index the
vectorised derivatives gather from) and then refits each draw by Newton's method with
step halving: the first step with the full sample's Hessian, then with the draw's own
exact Hessian where it is positive definite, else with twice the expected information
(Fisher scoring, θ ← θ − ½ I(θ)⁻¹ ∇F; always with a mean structure, whose Hessian is
not written here).

With Σ = L Lᵀ (Cholesky), P = L⁻¹ F B and Q = L⁻¹ F B S Bᵀ, every derivative of Σ is of
rank two on the whitened scale: L⁻¹ (∂Σ/∂θ) L⁻ᵀ = c (u vᵀ + v uᵀ) with u, v columns of
Z = [P | Q] (a loading or regression in cell i, j of A: u = P_i, v = Q_j; a (co)variance
in cell i, j of S: u = P_i, v = P_j, c = ½ on the diagonal). So, with W = L⁻¹ S_g L⁻ᵀ,
every quantity is a product of entries of ZᵀZ, Zᵀ W Z and Zᵀ (I − W) Z:

    ∂F/∂θ_a     = 2 c_a u_aᵀ (I − W − z zᵀ) v_a − 2 y_aᵀ z           (z = L⁻¹ (x̄ − μ))
    I_ab        = ½ tr(X_a X_b) + y_aᵀ y_b                         (expected information)
    ∂²F/∂θ_a∂θ_b = 2 tr(X_a W X_b) − tr(X_a X_b) + tr(G ∂²Σ/∂θ_a∂θ_b)  (no mean structure)

(y_a = L⁻¹ ∂μ/∂θ_a, G = Σ⁻¹ − Σ⁻¹ S Σ⁻¹; ∂²Σ is non-zero only for pairs with an A cell,
whose traces are products of entries of B, B S Bᵀ, Pᵀ (I − W) P and Qᵀ (I − W) P). These
equal :meth:`cxlab.sem.engine.RamModel.objective`'s gradient and
:meth:`~cxlab.sem.engine.RamModel.information` to rounding, and the Hessian a finite
difference of that gradient (tests/test_sem_bootstrap.py), without forming ∂Σ/∂θ.

A refit stops when the largest gradient element is below ``gtol`` (1e-10: Newton's last
steps take it from about 1e-6 to 1e-12 or below, and the draws agree with an independent
Newton polish — the engine's gradient, a finite-difference Hessian — to about 1e-10, where
BFGS stopping at 1e-7 left them off by up to 1e-6); after a step shorter than 1e-5 with
the exact Hessian only the gradient is computed to check that. A refit also stops when
steps no longer lower F beyond rounding nor the gradient; :meth:`Refitter.refit`
returns None unless the largest gradient element is then below 1e-6 — the convergence
test of :func:`cxlab.sem.engine.fit_ml` — and the
caller falls back to BFGS.
"""

from __future__ import annotations

import numpy as np
from scipy.linalg import lapack

from cxlab.sem.engine import RamModel

__all__ = ["Refitter"]


class _Group:
    """What one group's refits reuse: fixed matrices, free cells, their parameters and
    the flat positions the vectorised derivatives gather from and scatter to."""

    def __init__(self, ram: RamModel, g: int, n_free: int):
        m, p = ram.m, ram.p
        self.fixed_a, self.fixed_s, self.fixed_m = ram.fixed[g]
        cells = ram.cells[g]
        a_cells, s_cells, m_cells = cells["A"], cells["S"], cells["M"]
        self.a_flat, self.a_k = a_cells[:, 0] * m + a_cells[:, 1], a_cells[:, 2]
        self.s_flat, self.s_k = s_cells[:, 0] * m + s_cells[:, 1], s_cells[:, 2]
        self.m_i, self.m_k = m_cells[:, 0], m_cells[:, 2]
        # derivative terms: one per A cell, one per S cell on or above the diagonal
        # (a covariance's two cells give one symmetric term), one per M cell
        ai, aj = a_cells[:, 0], a_cells[:, 1]
        upper = s_cells[:, 0] <= s_cells[:, 1]
        si, sj, sk = s_cells[upper, 0], s_cells[upper, 1], s_cells[upper, 2]
        self.ai, self.aj, self.si, self.sj = ai, aj, si, sj
        self.s_off = si != sj
        self.k_sigma = np.concatenate([self.a_k, sk])  # parameter of each Σ term
        self.n_a = len(ai)
        self.k_mu = np.concatenate([self.a_k, self.m_k])  # parameter of each μ term
        # one-hot map terms → parameters (several terms share a parameter under equality)
        self.unique = len(np.unique(self.k_sigma)) == len(self.k_sigma)
        self.onehot = np.eye(n_free)[:, self.k_sigma]
        self.pair_flat = (self.k_sigma[:, None] * n_free + self.k_sigma[None, :]).ravel()
        # gathers of the second derivatives (a = A cell i, j; b = A cell k, l; c = S term)
        self.ba = (aj[None, :] * m + ai[:, None]).ravel()  # B[l, i] as [a, b]: B[aj_b, ai_a]
        self.na = (aj[:, None] * m + ai[None, :]).ravel()  # N[j, k]
        self.oa = (aj[:, None] * m + aj[None, :]).ravel()  # Ω[j, l]
        self.ma = (ai[:, None] * m + ai[None, :]).ravel()  # M[k, i]
        self.b_jk = (aj[:, None] * m + si[None, :]).ravel()
        self.m_il = (ai[:, None] * m + sj[None, :]).ravel()
        self.b_jl = (aj[:, None] * m + sj[None, :]).ravel()
        self.m_ik = (ai[:, None] * m + si[None, :]).ravel()
        self.s_weight = np.where(self.s_off, 2.0, 1.0)
        # each Σ term is c (u vᵀ + v uᵀ) with u, v columns of Z = [P | Q]:
        # a loading / regression u = P_i, v = Q_j; a (co)variance u = P_i, v = P_j (c = ½
        # on the diagonal). Inner products of terms are then products of entries of ZᵀZ.
        iu = np.concatenate([ai, si])
        iv = np.concatenate([m + aj, sj])
        scale = np.concatenate([np.ones(len(ai)), np.where(self.s_off, 1.0, 0.5)])
        two_m = 2 * m
        self.g_uv = iu * two_m + iv
        vu = (iv[:, None] * two_m + iu[None, :]).ravel()
        uv = (iu[:, None] * two_m + iv[None, :]).ravel()
        uu = (iu[:, None] * two_m + iu[None, :]).ravel()
        vv = (iv[:, None] * two_m + iv[None, :]).ravel()
        self.scale = scale
        self.quad = np.stack([vu, uv, uu, vv])
        self.scale2 = np.outer(scale, scale)
        self.eye_m = np.eye(m)
        self.eye_p = np.eye(p)
        self.p, self.m = p, m


def _cholesky(matrix: np.ndarray) -> np.ndarray:
    """Lower Cholesky factor, LinAlgError when *matrix* is not positive definite."""
    chol, info = lapack.dpotrf(matrix, lower=1, clean=1)
    if info != 0:
        raise np.linalg.LinAlgError("not positive definite")
    return chol


def _inverse(matrix: np.ndarray, eye: np.ndarray) -> np.ndarray:
    _, _, inv, info = lapack.dgesv(matrix, eye)
    if info != 0:
        raise np.linalg.LinAlgError("singular")
    return inv


def _tri_inverse(chol: np.ndarray) -> np.ndarray:
    inv, info = lapack.dtrtri(chol, lower=1)
    if info != 0:
        raise np.linalg.LinAlgError("singular")
    return inv


class Refitter:
    """Refit one ML model on other sample moments from a warm start, fast.

    *theta0* is the full-sample solution every refit starts from; its Hessian (on
    *ram*'s own moments) takes the first step of each refit. A refit stops when the
    largest gradient element is below *gtol*, or after *max_iter* steps. With one group,
    no mean structure and one Σ term per parameter (``term_order``) the derivatives stay
    in the order of the terms and only the step is put back in the parameters' order.

    Examples
    --------
    >>> import numpy as np
    >>> import cxlab as cx
    >>> from cxlab.sem._refit import Refitter
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6", hs)
    >>> refitter = Refitter(fit.ram_, fit.theta_)
    >>> mo = fit.ram_.moments[0]
    >>> theta = refitter.refit([(mo.n, mo.cov, mo.mean)])  # the same data: the same solution
    >>> bool(np.allclose(theta, fit.theta_, atol=1e-6))
    True
    """

    def __init__(self, ram: RamModel, theta0: np.ndarray, gtol: float = 1e-10, max_iter: int = 100):
        self.n_free = ram.n_free
        self.p = ram.p
        self.meanstructure = ram.meanstructure
        self.groups = [_Group(ram, g, ram.n_free) for g in range(len(ram.cells))]
        # one group, no mean structure, one Σ term per parameter: work in the terms' order
        only = self.groups[0]
        self.term_order = (
            len(self.groups) == 1
            and not self.meanstructure
            and only.unique
            and len(only.k_sigma) == self.n_free
        )
        self.gtol = gtol
        self.max_iter = max_iter
        self.theta0 = np.array(theta0, dtype=float)
        self.first = None  # the matrix of the first step: the full sample's Hessian
        try:
            terms = self._step_terms(self.theta0, [(mo.n, mo.cov, mo.mean) for mo in ram.moments])
            if terms is not None:
                matrix = terms[3] if terms[3] is not None else terms[2]
                _cholesky(matrix)
                self.first = matrix
        except np.linalg.LinAlgError:
            self.first = None

    def _implied(self, grp: _Group, theta: np.ndarray):
        a = grp.fixed_a.copy()
        a.flat[grp.a_flat] = theta[grp.a_k]
        s = grp.fixed_s.copy()
        s.flat[grp.s_flat] = theta[grp.s_k]
        b = _inverse(grp.eye_m - a, grp.eye_m)
        bf = b[: self.p]
        c = bf @ s @ b.T  # rows of the observed variables in B S Bᵀ
        mean_all = None
        if self.meanstructure:
            mvec = grp.fixed_m.copy()
            mvec[grp.m_i] = theta[grp.m_k]
            mean_all = b @ mvec
        return b, s, c, mean_all

    def value(self, theta: np.ndarray, moments: list[tuple]) -> float:
        """The ML fit function F (without its constant), ``inf`` where Σ is not positive
        definite; the value of :meth:`cxlab.sem.engine.RamModel.objective`.

        Examples
        --------
        >>> import cxlab as cx
        >>> from cxlab.sem._refit import Refitter
        >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3", cx.datasets.load("holzinger_swineford"))
        >>> mo = fit.ram_.moments[0]
        >>> value = Refitter(fit.ram_, fit.theta_).value(fit.theta_, [(mo.n, mo.cov, mo.mean)])
        >>> round(value, 6) == round(fit.ram_.objective(fit.theta_)[0], 6)
        True
        """
        total = 0.0
        n_total = sum(mo[0] for mo in moments)
        for grp, (n, cov, mean) in zip(self.groups, moments, strict=True):
            try:
                _, _, c, mean_all = self._implied(grp, theta)
                chol = _cholesky(c[:, : self.p])
                linv = _tri_inverse(chol)
            except np.linalg.LinAlgError:
                return np.inf
            value = 2 * np.log(np.diagonal(chol)).sum() + np.sum(cov * (linv.T @ linv))
            if self.meanstructure:
                z = linv @ (mean - mean_all[: self.p])
                value += z @ z
            total += n / n_total * value
        return float(total) if np.isfinite(total) else np.inf

    def _step_terms(
        self, theta: np.ndarray, moments: list[tuple], level: int = 2
    ) -> tuple[float, np.ndarray, np.ndarray | None, np.ndarray | None] | None:
        """(F, ∇F, 2 × expected information, Hessian of F) at theta; None where Σ is not
        positive definite. ``level`` 0 leaves out both matrices (None), 1 the Hessian,
        which is never computed with a mean structure. With :attr:`term_order` the
        parameters come in the order of the Σ terms (see :meth:`_to_theta`)."""
        k = self.n_free
        total, grad = 0.0, np.zeros(k)
        info = np.zeros((k, k)) if level >= 1 else None
        hess = np.zeros((k, k)) if level >= 2 and not self.meanstructure else None
        n_total = sum(mo[0] for mo in moments)
        for grp, (n, cov, mean) in zip(self.groups, moments, strict=True):
            w = n / n_total
            try:
                b, s, c, mean_all = self._implied(grp, theta)
                chol = _cholesky(c[:, : self.p])
                linv = _tri_inverse(chol)
            except np.linalg.LinAlgError:
                return None
            big_p = linv @ b[: self.p]
            z_mat = np.concatenate([big_p, linv @ c], axis=1)  # Z = [P | Q], p × 2m
            wcov = linv @ cov @ linv.T
            value = 2 * np.log(np.diagonal(chol)).sum() + np.trace(wcov)
            gram = (z_mat.T @ z_mat).ravel()  # ZᵀZ
            k_w = (z_mat.T @ wcov @ z_mat).ravel()  # Zᵀ W Z, W = L⁻¹ S L⁻ᵀ
            k_r = gram - k_w  # Zᵀ (I − W − z zᵀ) Z
            if self.meanstructure:
                zvec = linv @ (mean - mean_all[: self.p])
                value += zvec @ zvec
                zz = z_mat.T @ zvec
                k_r = k_r - np.outer(zz, zz).ravel()
                ya = big_p[:, grp.ai].T * mean_all[grp.aj][:, None]
                ym = big_p[:, grp.m_i].T
                y = np.zeros((k, self.p))
                np.add.at(y, grp.k_mu, np.concatenate([ya, ym]))
                grad += w * (-2 * (y @ zvec))
                if info is not None:
                    info += w * 2 * (y @ y.T)
            total += w * value
            g_terms = 2 * grp.scale * k_r[grp.g_uv]  # ⟨X_t, I − W − z zᵀ⟩
            if self.term_order:
                grad += w * g_terms
            elif grp.unique:
                grad[grp.k_sigma] += w * g_terms
            else:
                grad += w * (grp.onehot @ g_terms)
            if info is None:
                continue
            n_t = len(grp.k_sigma)
            vu, uv, uu, vv = gram[grp.quad]  # ZᵀZ at [v_a, u_b], [u_a, v_b], [u_a, u_b], [v_a, v_b]
            i_terms = (2 * (vu * uv + uu * vv)).reshape(n_t, n_t) * grp.scale2
            h_terms = None
            if hess is not None:  # tr(X_a W X_b), then the Hessian's first-order part
                w_vu, w_uv, w_uu, w_vv = k_w[grp.quad]
                xwx = (w_vu * uv + w_vv * uu + w_uu * vv + w_uv * vu).reshape(n_t, n_t)
                h_terms = 2 * xwx * grp.scale2 - i_terms + self._second_order(grp, b, s, k_r)
            for matrix, part in ((info, i_terms), (hess, h_terms)):
                if part is None:
                    continue
                if self.term_order:
                    matrix += w * part
                elif grp.unique:
                    matrix.flat[grp.pair_flat] += w * part.ravel()
                else:
                    matrix += w * (grp.onehot @ part @ grp.onehot.T)
        if not np.isfinite(total):
            return None
        if hess is not None:
            hess = (hess + hess.T) / 2
        return float(total), grad, info, hess

    def _to_theta(self, step: np.ndarray) -> np.ndarray:
        """A step in the order of the parameters (from the order of the Σ terms)."""
        if not self.term_order:
            return step
        out = np.empty_like(step)
        out[self.groups[0].k_sigma] = step
        return out

    def _second_order(
        self, grp: _Group, b: np.ndarray, s: np.ndarray, k_r: np.ndarray
    ) -> np.ndarray:
        """tr(G ∂²Σ/∂θ_a∂θ_b) for all pairs of Σ terms, G = Σ⁻¹ − Σ⁻¹ S Σ⁻¹ = L⁻ᵀ (I − W)
        L⁻¹: only pairs with a loading or regression (A) have a second derivative. With
        *k_r* = Zᵀ (I − W) Z, Bᵀ Fᵀ G F B = Pᵀ (I − W) P and B S Bᵀ Fᵀ G F B = Qᵀ (I − W) P
        are its blocks."""
        m = grp.m
        k_r = k_r.reshape(2 * m, 2 * m)
        m_mat = k_r[:m, :m].ravel()  # Bᵀ Fᵀ G F B
        n_mat = k_r[m:, :m].ravel()  # B S Bᵀ Fᵀ G F B
        omega = (b @ s @ b.T).ravel()
        b_flat = b.ravel()
        n_a, n_terms = grp.n_a, len(grp.k_sigma)
        t1 = (b_flat[grp.ba] * n_mat[grp.na]).reshape(n_a, n_a)
        aa = 2 * (t1 + t1.T + (omega[grp.oa] * m_mat[grp.ma]).reshape(n_a, n_a))
        as_ = (b_flat[grp.b_jk] * m_mat[grp.m_il] + b_flat[grp.b_jl] * m_mat[grp.m_ik]).reshape(
            n_a, -1
        ) * grp.s_weight
        out = np.zeros((n_terms, n_terms))
        out[:n_a, :n_a] = aa
        out[:n_a, n_a:] = as_
        out[n_a:, :n_a] = as_.T
        return out

    def refit(self, moments: list[tuple]) -> np.ndarray | None:
        """Newton (Fisher scoring where the Hessian is not positive definite, or with a
        mean structure) with step halving from the full-sample solution on *moments*
        (one ``(n, cov, mean)`` per group, biased covariances); the solution, or None
        when the largest gradient element is not below 1e-6 at the end.

        Examples
        --------
        >>> import cxlab as cx
        >>> from cxlab.sem._refit import Refitter
        >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3", cx.datasets.load("holzinger_swineford"))
        >>> mo = fit.ram_.moments[0]
        >>> refitter = Refitter(fit.ram_, fit.theta_ * 1.1)  # a start off the solution
        >>> round(float(refitter.refit([(mo.n, mo.cov, mo.mean)])[0]), 3)  # the loading of x2
        0.778
        """
        theta = self.theta0
        terms = self._step_terms(theta, moments, level=0 if self.first is not None else 2)
        if terms is None:
            return None
        value, grad, info, hess = terms
        first = self.first
        lowest, idle = np.max(np.abs(grad), initial=0), 0
        for _ in range(self.max_iter):
            if np.max(np.abs(grad), initial=0) < self.gtol:
                break
            step = None
            for matrix in (first, hess, info):  # Newton where the Hessian is positive definite
                step = _newton_step(matrix, grad)
                if step is not None:
                    break
            # a short step with the exact Hessian lands on the solution (Newton converges
            # quadratically): check the gradient there before computing the matrices
            final = matrix is hess and hess is not None and np.max(np.abs(step)) < 1e-5
            first = None
            if step is None:
                return None
            step = self._to_theta(step)
            trial = theta + step
            terms = self._step_terms(trial, moments, level=0 if final else 2)
            if final and terms is not None:
                if np.max(np.abs(terms[1]), initial=0) < self.gtol:
                    theta, grad = trial, terms[1]
                    break
                terms = self._step_terms(trial, moments)
            # near the solution F changes by less than its rounding: accept such a step
            slack = 1e-12 * max(1.0, abs(value))
            if terms is None or not terms[0] < value + slack:  # halve the step until F drops
                scale = 0.5
                while scale > 1e-8 and not self.value(theta + scale * step, moments) < value:
                    scale /= 2
                if scale <= 1e-8:
                    break
                trial = theta + scale * step
                terms = self._step_terms(trial, moments)
                if terms is None:
                    return None
            # F no longer drops beyond rounding: go on while the gradient still shrinks
            # (Fisher scoring converges linearly, zig-zagging; its last steps change F
            # by less than F's rounding) — stop after 3 such steps without a new low
            stalled = not terms[0] < value - slack
            theta = trial
            value, grad, info, hess = terms
            largest = np.max(np.abs(grad), initial=0)
            if largest < 0.5 * lowest:
                lowest, idle = largest, 0
            elif stalled:
                idle += 1
                if idle >= 3:
                    break
        if not np.max(np.abs(grad), initial=0) < 1e-6:
            return None
        return theta


def _newton_step(matrix: np.ndarray | None, grad: np.ndarray) -> np.ndarray | None:
    """−matrix⁻¹ ∇F by Cholesky, or None when *matrix* is missing or not positive definite."""
    if matrix is None:
        return None
    try:
        chol = _cholesky(matrix)
    except np.linalg.LinAlgError:
        return None
    solution, _ = lapack.dpotrs(chol, grad, lower=1)
    return -solution
