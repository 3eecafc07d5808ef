"""Maximum-likelihood estimation of (multi-group) structural equation models.

The model is written in RAM form over all variables v = (observed, latent):
A holds loadings and regressions, S variances and covariances, M intercepts and means;
with B = (I − A)⁻¹ the implied moments are Σ = F B S Bᵀ Fᵀ and μ = F B M, F selecting
the observed variables. The fit function is lavaan's normal-theory ML,

    F = Σ_g (n_g / N) [log|Σ_g| + tr(S_g Σ_g⁻¹) − log|S_g| − p + (x̄_g − μ_g)ᵀ Σ_g⁻¹ (x̄_g − μ_g)]

with biased sample covariances (divisor n), minimised by L-BFGS with its analytic
gradient; χ² = N·F. Standard errors come from the expected information matrix
(lavaan's default for complete data; incomplete data: :mod:`cxlab.sem.fiml`).

Written here rather than taken from semopy because semopy fits multiple groups only
separately (no cross-group equality constraints, so no invariance tests), and its
log-likelihood, AIC and BIC are not the model's likelihood; estimates agree with semopy
and lavaan to about 1e-4 where both apply (tests/test_sem_engine.py).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

import numpy as np
import pandas as pd

from cxlab.errors import EstimationError
from cxlab.models.constraints import ConstraintSet
from cxlab.models.defined import evaluate_defined  # re-exported: the one ':=' evaluator

__all__ = ["Moments", "RamModel", "evaluate_defined", "fit_ml"]


@dataclass
class Moments:
    """Sample statistics of one group: n, biased covariance, means."""

    n: int
    cov: np.ndarray
    mean: np.ndarray


class RamModel:
    """The parameter table mapped onto RAM matrices, one set per group. ``constraints``
    holds the model's ``==`` / ``<`` / ``>`` constraints as functions of θ (None without
    any); :mod:`cxlab.sem.constraints` estimates under them."""

    def __init__(self, table: pd.DataFrame, moments: list[Moments]):
        self.table = table
        self.constraints = ConstraintSet.of(table)
        self.observed: list[str] = list(table.attrs["observed"])
        self.latent: list[str] = list(table.attrs["latent"])
        self.variables = self.observed + self.latent
        self.meanstructure = bool(table.attrs["meanstructure"])
        self.moments = moments
        self.n_free = int(table["free"].max()) if len(table) else 0
        self.p, self.m = len(self.observed), len(self.variables)
        self.n_total = sum(mo.n for mo in moments)
        self.weights = np.array([mo.n / self.n_total for mo in moments])
        index = {v: i for i, v in enumerate(self.variables)}
        self.cells: list[dict[str, np.ndarray]] = []
        self.fixed: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        params = table[table.op != ":="]
        for g in range(len(moments)):
            rows = params[params.group == g + 1]
            a_cells, s_cells, m_cells = [], [], []
            fixed_a, fixed_s, fixed_m = (
                np.zeros((self.m, self.m)),
                np.zeros((self.m, self.m)),
                np.zeros(self.m),
            )
            for r in rows.itertuples():
                if r.op == "=~":
                    cell = ("A", index[r.rhs], index[r.lhs])
                elif r.op == "~":
                    cell = ("A", index[r.lhs], index[r.rhs])
                elif r.op == "~~":
                    cell = ("S", index[r.lhs], index[r.rhs])
                else:
                    cell = ("M", index[r.lhs], 0)
                kind, i, j = cell
                if r.free:
                    target = {"A": a_cells, "S": s_cells, "M": m_cells}[kind]
                    target.append((i, j, r.free - 1))
                    if kind == "S" and i != j:
                        s_cells.append((j, i, r.free - 1))
                elif kind == "A":
                    fixed_a[i, j] = r.value
                elif kind == "S":
                    fixed_s[i, j] = fixed_s[j, i] = r.value
                else:
                    fixed_m[i] = r.value
            self.cells.append(
                {
                    k: np.array(v, dtype=int).reshape(-1, 3)
                    for k, v in (("A", a_cells), ("S", s_cells), ("M", m_cells))
                }
            )
            self.fixed.append((fixed_a, fixed_s, fixed_m))
        # dense n_free × n_cells matrices that sum cell derivatives into parameters
        self.agg = [
            {
                k: np.eye(self.n_free)[:, c[k][:, 2]] if len(c[k]) else np.zeros((self.n_free, 0))
                for k in ("A", "S", "M")
            }
            for c in self.cells
        ]
        self.F = np.eye(self.p, self.m)
        # log|S| + p: the smallest value a group's fit function can take
        self._floor = [float(np.linalg.slogdet(mo.cov)[1] + self.p) for mo in moments]

    def with_moments(self, moments: list[Moments]) -> RamModel:
        """The same model with other sample moments (e.g. a bootstrap draw); no re-parsing.

        Examples
        --------
        >>> import cxlab as cx
        >>> from cxlab.sem.engine import Moments
        >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3", cx.datasets.load("holzinger_swineford"))
        >>> mo = fit.ram_.moments[0]
        >>> fit.ram_.with_moments([Moments(100, mo.cov, mo.mean)]).n_total, fit.ram_.n_total
        (100, 301)
        """
        other = copy.copy(self)
        other.moments = moments
        other.n_total = sum(mo.n for mo in moments)
        other.weights = np.array([mo.n / other.n_total for mo in moments])
        other._floor = [float(np.linalg.slogdet(mo.cov)[1] + self.p) for mo in moments]
        return other

    def matrices(self, theta: np.ndarray, g: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """A, S, M of group g at parameter vector theta.

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3", cx.datasets.load("holzinger_swineford"))
        >>> a, s, m = fit.ram_.matrices(fit.theta_, 0)  # variables: x1, x2, x3, visual
        >>> a.shape, round(float(a[1, 3]), 3)  # loading of x2 on visual
        ((4, 4), 0.778)
        """
        a, s, m = (x.copy() for x in self.fixed[g])
        c = self.cells[g]
        a[c["A"][:, 0], c["A"][:, 1]] = theta[c["A"][:, 2]]
        s[c["S"][:, 0], c["S"][:, 1]] = theta[c["S"][:, 2]]
        m[c["M"][:, 0]] = theta[c["M"][:, 2]]
        return a, s, m

    def implied(self, theta: np.ndarray, g: int) -> dict[str, np.ndarray]:
        """Implied moments of group g: all-variable covariance and means, observed ones.

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3", cx.datasets.load("holzinger_swineford"))
        >>> imp = fit.ram_.implied(fit.theta_, 0)
        >>> imp["sigma"].shape, sorted(imp)[:3]
        ((3, 3), ['A', 'B', 'M'])
        """
        a, s, m = self.matrices(theta, g)
        try:
            b = np.linalg.inv(np.eye(self.m) - a)
        except np.linalg.LinAlgError as exc:
            raise EstimationError("The regressions form a singular system (I − B).") from exc
        cov_all = b @ s @ b.T
        mean_all = b @ m
        return {
            "B": b,
            "A": a,
            "S": s,
            "M": m,
            "cov_all": cov_all,
            "mean_all": mean_all,
            "sigma": cov_all[: self.p, : self.p],
            "mu": mean_all[: self.p],
        }

    def objective(self, theta: np.ndarray) -> tuple[float, np.ndarray]:
        """The ML fit function and its gradient.

        Examples
        --------
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6", hs)
        >>> value, grad = fit.ram_.objective(fit.theta_)
        >>> round(value, 3), grad.shape, bool(abs(grad).max() < 1e-5)  # a minimum
        (5.719, (13,), True)
        """
        total, grad = 0.0, np.zeros(self.n_free)
        for g, mo in enumerate(self.moments):
            imp = self.implied(theta, g)
            sigma = imp["sigma"]
            sign, logdet = np.linalg.slogdet(sigma)
            if sign <= 0 or not np.isfinite(logdet):
                return 1e10, np.zeros(self.n_free)
            inv = np.linalg.inv(sigma)
            d = mo.mean - imp["mu"] if self.meanstructure else np.zeros(self.p)
            value = logdet + np.trace(mo.cov @ inv) + d @ inv @ d
            if value < self._floor[g] - 1e-8 * max(1.0, abs(self._floor[g])):
                return 1e10, np.zeros(self.n_free)  # F_ML ≥ 0: only rounding gets below it
            total += self.weights[g] * value
            G = inv - inv @ (mo.cov + np.outer(d, d)) @ inv
            b = imp["B"]
            bf = b[: self.p, :]  # F B
            h_s = bf.T @ G @ bf
            h_a = 2 * bf.T @ G @ imp["cov_all"][: self.p, :]
            gmu = -2 * inv @ d
            h_m = bf.T @ gmu
            h_a += np.outer(h_m, imp["mean_all"])
            c = self.cells[g]
            part = np.zeros(self.n_free)
            agg = self.agg[g]
            part += agg["A"] @ h_a[c["A"][:, 0], c["A"][:, 1]]
            part += agg["S"] @ h_s[c["S"][:, 0], c["S"][:, 1]]
            if self.meanstructure:
                part += agg["M"] @ h_m[c["M"][:, 0]]
            grad += self.weights[g] * part
        return float(total), grad

    def discrepancy(self, theta: np.ndarray) -> float:
        """F_ML including the constant −log|S| − p (so that χ² = N·F).

        Examples
        --------
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6", hs)
        >>> round(fit.ram_.n_total * fit.ram_.discrepancy(fit.theta_), 3)  # χ² = N·F
        24.361
        """
        value, _ = self.objective(theta)
        for g, mo in enumerate(self.moments):
            value -= self.weights[g] * (np.linalg.slogdet(mo.cov)[1] + self.p)
        return float(value)

    def moments_vector(self, theta: np.ndarray, g: int) -> tuple[np.ndarray, np.ndarray]:
        """Implied covariance matrix and means of the observed variables of group g.

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3", cx.datasets.load("holzinger_swineford"))
        >>> sigma, mu = fit.ram_.moments_vector(fit.theta_, 0)
        >>> sigma.shape, mu.shape
        ((3, 3), (3,))
        """
        imp = self.implied(theta, g)
        return imp["sigma"], imp["mu"]

    def derivatives(self, theta: np.ndarray, g: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Σ of group g and the analytic derivatives ∂Σ/∂θ (k × p × p) and ∂μ/∂θ (k × p).

        Examples
        --------
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6", hs)
        >>> sigma, d_sigma, d_mu = fit.ram_.derivatives(fit.theta_, 0)
        >>> d_sigma.shape, d_mu.shape  # 13 free parameters, 6 observed variables
        ((13, 6, 6), (13, 6))
        """
        imp = self.implied(theta, g)
        bf = imp["B"][: self.p, :]
        cov_rows = imp["cov_all"][:, : self.p]
        bm = imp["mean_all"]
        c = self.cells[g]
        d_sig = np.zeros((self.n_free, self.p, self.p))
        d_mu = np.zeros((self.n_free, self.p))
        if len(c["A"]):
            i, j, k = c["A"].T
            outer = bf[:, i].T[:, :, None] * cov_rows[j, :][:, None, :]
            agg = self.agg[g]["A"]
            d_sig += (agg @ (outer + outer.transpose(0, 2, 1)).reshape(len(k), -1)).reshape(
                d_sig.shape
            )
            d_mu += agg @ (bf[:, i].T * bm[j][:, None])
        if len(c["S"]):
            i, j, k = c["S"].T
            outer = bf[:, i].T[:, :, None] * bf[:, j].T[:, None, :]
            d_sig += (self.agg[g]["S"] @ outer.reshape(len(k), -1)).reshape(d_sig.shape)
        if len(c["M"]):
            i, _, k = c["M"].T
            d_mu += self.agg[g]["M"] @ bf[:, i].T
        return imp["sigma"], d_sig, d_mu

    def scoring_information(self, theta: np.ndarray) -> np.ndarray:
        """The information Fisher scoring steps with: the expected one (FIML models keep
        it when ``information`` is the observed one, see :mod:`cxlab.sem.fiml`).

        Examples
        --------
        >>> import numpy as np
        >>> import cxlab as cx
        >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3", cx.datasets.load("holzinger_swineford"))
        >>> ram = fit.ram_
        >>> bool(np.allclose(ram.scoring_information(fit.theta_), ram.information(fit.theta_)))
        True
        """
        return self.information(theta)

    def information(self, theta: np.ndarray) -> np.ndarray:
        """Expected information per observation (weighted over groups), analytic.

        Examples
        --------
        >>> import numpy as np
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6", hs)
        >>> info = fit.ram_.information(fit.theta_)
        >>> se = np.sqrt(np.diag(np.linalg.inv(info)) / fit.ram_.n_total)  # the SEs of estimates()
        >>> se[:2].round(3).tolist(), fit.estimates()["se"][1:3].round(3).tolist()
        ([0.105, 0.118], [0.105, 0.118])
        """
        info = np.zeros((self.n_free, self.n_free))
        for g in range(len(self.moments)):
            sigma, d_sig, d_mu = self.derivatives(theta, g)
            inv = np.linalg.inv(sigma)
            k_mat = inv @ d_sig  # Σ⁻¹ ∂Σ/∂θ_k
            part = 0.5 * np.einsum("aij,bji->ab", k_mat, k_mat)
            if self.meanstructure:
                part += d_mu @ inv @ d_mu.T
            info += self.weights[g] * part
        return info


def start_values(model: RamModel) -> np.ndarray:
    """Starting values from each group's sample moments.

    A factor's variance starts at the mean covariance of its first indicator with the
    others (at least 0.05), loadings at cov(item, first item) / that variance (1 with
    fixed factor variances: then √(var/2)), residual variances at what the factor leaves
    of the item's variance (at least 10 %), intercepts at the means, the rest at 0.

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab.sem.engine import start_values
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6", hs)
    >>> start_values(fit.ram_)[:3].round(3).tolist()  # loadings of x2, x3 and x5
    [0.825, 1.175, 1.101]
    """
    theta = np.full(model.n_free, np.nan)
    table = model.table[model.table.op != ":="]
    loads = table[table.op == "=~"]
    pos = {v: i for i, v in enumerate(model.observed)}
    for g, mo in enumerate(model.moments):
        rows = table[table.group == g + 1]
        cov = mo.cov
        marker = {f: part["rhs"].iloc[0] for f, part in loads[loads.group == g + 1].groupby("lhs")}
        lv_var: dict[str, float] = {}
        for f, x in marker.items():
            others = loads[(loads.group == g + 1) & (loads.lhs == f)]["rhs"].tolist()[1:]
            covs = [cov[pos[x], pos[o]] for o in others if o in pos and x in pos]
            if covs:
                lv_var[f] = max(float(np.mean(covs)), 0.05)
            else:  # a single indicator: the factor carries (nearly) all of its variance
                lv_var[f] = max(float(cov[pos[x], pos[x]]) if x in pos else 0.05, 0.05)
        fixed_var = {
            r.lhs
            for r in rows.itertuples()
            if r.op == "~~" and r.lhs == r.rhs and r.lhs in model.latent and not r.free
        }
        explained: dict[str, float] = {}
        for r in rows[rows.free > 0].itertuples():
            k = r.free - 1
            if not np.isnan(theta[k]):
                continue
            if not np.isnan(r.start):
                theta[k] = r.start
            elif r.op == "=~" and r.rhs in pos:
                var_x = cov[pos[r.rhs], pos[r.rhs]]
                if r.lhs in fixed_var:
                    theta[k] = np.sqrt(var_x / 2)
                else:
                    m = marker[r.lhs]
                    theta[k] = cov[pos[r.rhs], pos[m]] / lv_var[r.lhs] if m in pos else 1.0
                explained[r.rhs] = explained.get(r.rhs, 0.0) + theta[k] ** 2 * lv_var.get(
                    r.lhs, 1.0
                )
            elif r.op == "=~":
                theta[k] = 1.0
            elif r.op == "~~" and r.lhs == r.rhs and r.lhs in model.latent:
                theta[k] = lv_var.get(r.lhs, 0.05)
            elif r.op == "~~" and r.lhs == r.rhs:
                var_x = cov[pos[r.lhs], pos[r.lhs]]
                theta[k] = max(var_x - explained.get(r.lhs, var_x / 2), 0.1 * var_x)
            elif r.op == "~1" and r.lhs in pos:
                theta[k] = mo.mean[pos[r.lhs]]
            else:
                theta[k] = 0.0
    return np.nan_to_num(theta, nan=0.0)


def _scoring(
    model: RamModel,
    theta: np.ndarray,
    max_iter: int,
    gtol: float = 1e-9,
    fixed_information: tuple | None = None,
) -> tuple[np.ndarray, int]:
    """Fisher scoring with step halving: θ ← θ − ½ I(θ)⁻¹ ∇F (I per observation).

    With *fixed_information* (a Cholesky factor from ``scipy.linalg.cho_factor``) the
    same information matrix is used at every step (bootstrap draws near the full-sample
    solution), which saves recomputing it.
    """
    if fixed_information is not None:
        from scipy.linalg import cho_solve  # not on the plain fit's path: keeps it fast
    value, grad = model.objective(theta)
    for iteration in range(1, max_iter + 1):
        if np.max(np.abs(grad)) < gtol:
            return theta, iteration
        try:
            if fixed_information is not None:
                step = -0.5 * cho_solve(fixed_information, grad)
            else:
                step = -0.5 * np.linalg.solve(model.scoring_information(theta), grad)
        except np.linalg.LinAlgError:
            step = -grad
        scale = 1.0
        while scale > 1e-8:
            trial = theta + scale * step
            new_value, new_grad = model.objective(trial)
            if new_value < value:
                break
            scale /= 2
        else:
            return theta, iteration
        converged = value - new_value < 1e-15 * max(1.0, abs(value))
        theta, value, grad = trial, new_value, new_grad
        if converged:
            return theta, iteration
    return theta, max_iter


def _decrement(model: RamModel, theta: np.ndarray, grad: np.ndarray) -> float:
    """Expected decrease of F from one more scoring step, ¼ gᵀ I⁻¹ g (scale-free)."""
    try:
        return float(0.25 * grad @ np.linalg.solve(model.scoring_information(theta), grad))
    except np.linalg.LinAlgError:
        return np.inf


def fit_ml(model: RamModel, *, max_iter: int = 500) -> tuple[np.ndarray, dict]:
    """Minimise the ML fit function; returns theta and optimiser information.

    Fisher scoring with step halving from simple starting values; if that stalls,
    quasi-Newton (L-BFGS) and scoring again. The solution is "converged" when the largest
    element of the gradient of F is below 1e-6, or below 1e-4 while one more scoring step
    would lower F by less than 1e-12 (badly scaled but identified models).

    Examples
    --------
    >>> import numpy as np
    >>> import cxlab as cx
    >>> from cxlab.sem.engine import fit_ml
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6", hs)
    >>> theta, info = fit_ml(fit.ram_)
    >>> info["converged"], bool(np.allclose(theta, fit.theta_, atol=1e-5))
    (True, True)
    """
    theta, iterations = _scoring(model, start_values(model), max_iter)
    value, grad = model.objective(theta)
    quasi_newton = 0
    if not np.max(np.abs(grad)) < 1e-6:
        from scipy import optimize  # only when scoring stalls: keeps the first fit fast

        result = optimize.minimize(
            model.objective,
            theta,
            jac=True,
            method="L-BFGS-B",
            options={"maxiter": max_iter * 10, "maxfun": max_iter * 40, "ftol": 1e-15},
        )
        quasi_newton = int(result.nit)
        if result.fun < value:
            theta, more = _scoring(model, result.x, max_iter)
            iterations += more
        value, grad = model.objective(theta)
    max_grad = float(np.max(np.abs(grad))) if len(grad) else 0.0
    converged = value < 1e9 and (
        max_grad < 1e-6 or (max_grad < 1e-4 and _decrement(model, theta, grad) < 1e-12)
    )
    message = "converged"
    diverged = not value < 1e9
    if diverged:  # every point tried had a non-positive-definite implied Σ (penalty value)
        message = (
            "the model-implied covariance matrix is not positive definite at the starting "
            "values or anywhere the optimiser went, so the likelihood cannot be evaluated: "
            "the model contradicts the data (e.g. a covariance fixed beyond what the "
            "variances allow) or is not identified"
        )
    elif not converged:
        message = (
            f"the largest gradient element is still {max_grad:.2g} after {iterations} "
            f"Fisher-scoring and {quasi_newton} quasi-Newton iterations"
        )
    info = {
        "converged": converged,
        "diverged": diverged,
        "iterations": iterations + quasi_newton,
        "max_gradient": max_grad,
        "message": message,
    }
    return theta, info
