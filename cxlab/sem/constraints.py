"""Estimation under lavaan's explicit constraints (``==``, ``<``, ``>``).

The constraints are read by :mod:`cxlab.models.constraints` and evaluated on the full
vector θ of free parameters (``RamModel.constraints``); θ keeps its meaning everywhere
(``fit.theta_``, ``table.free``), so effects, draws and standardized values need nothing
new. What changes:

- **Estimates.** Let H be the Jacobian of the equalities and of the *active* inequalities
  (those on their bound) and K an orthonormal basis of its null space. Each Fisher-scoring
  step is taken in the reduced parameters φ of θ = θ₀ + K·φ — the step
  −½ K (Kᵀ I K)⁻¹ Kᵀ ∇F — and the trial point is projected back onto the constraints
  (θ ← θ − H⁺ h(θ), repeated; one step when they are linear). For linear equalities this
  *is* the exact reparameterisation lavaan uses (``eq.constraints.K``, ``k0``): scoring
  on φ, with the same step halving and convergence rule as unconstrained ML; nonlinear
  equalities (``a == b^2``) are re-linearised at every step (gradient projection). The
  inequalities are handled by an active set: solve with the current set, add a violated
  inequality, drop one whose Lagrange multiplier has the wrong sign, until none is left —
  an active inequality is then an equality, its estimate exactly on the bound (lavaan's
  augmented-Lagrangian ``nlminb.constr`` reaches the bound to about 1e-6).
- **Standard errors.** As lavaan's ``lav_model_information_augment_invert``: the
  covariance of the estimates is the top-left block of the inverse of the information
  bordered by H, which equals K (Kᵀ I K)⁻¹ Kᵀ / N with K the null space of the equalities
  and the active inequalities at the estimates (lavaan treats an active inequality as an
  equality; an inactive one — value above 1e-5, lavaan's slack — is ignored). The robust
  sandwich (MLR, MLM), FIML's observed information and every SE derived from the
  covariance matrix use this inverse.
- **Degrees of freedom.** As lavaan 0.6.14 (``lav_model_test``, ``lav_utils_get_npar``):
  each independent equality adds one df and removes one parameter from ``npar`` (the
  rank of the equalities' Jacobian); inequalities change neither, active or not.

Why this and not a general constrained optimiser (SLSQP, trust-constr): the projected
scoring steps are the unconstrained engine's own steps in the reduced space, so linear
constraints are met exactly and the solution is as precise as an unconstrained fit; the
active set makes a bound exact, which the SEs need (lavaan treats it as an equality).

# In R: lavaan::sem("y ~ b1*x1 + b2*x2 \\n b1 + b2 == 1", data)

Examples
--------
>>> import cxlab as cx
>>> pd_data = cx.datasets.load("political_democracy")
>>> fit = cx.sem.fit("y1 ~ b1*x1 + b2*x2\\nb1 + b2 == 1", pd_data)
>>> est = fit.table.set_index("label").loc[["b1", "b2"], "est"]
>>> round(float(est.sum()), 6), fit.fit_measures["df"], fit.fit_measures["npar"]
(1.0, 1, 2)
"""

from __future__ import annotations

import numpy as np

from cxlab.errors import ModelSpecError
from cxlab.models.constraints import ConstraintSet
from cxlab.sem.engine import RamModel, _scoring, start_values

__all__ = [
    "SLACK",
    "active_jacobian",
    "constrained_inverse",
    "fit_constrained",
    "n_equalities",
    "reduced_information",
]

#: an inequality whose value exceeds this is inactive (lavaan's ``slack`` in nlminb.constr)
SLACK = 1e-5
_FEASIBLE = 1e-9


def _null_space(h: np.ndarray, k: int) -> np.ndarray:
    """Orthonormal basis (k × (k − rank)) of the null space of the rows of *h*."""
    if h.shape[0] == 0:
        return np.eye(k)
    from scipy import linalg  # only constrained models need it (import time of cx.sem)

    return linalg.null_space(h, rcond=1e-10)


def active_jacobian(
    cs: ConstraintSet, theta: np.ndarray, active: list[int] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Values and Jacobian of the equalities and the active inequalities at θ (*active*:
    indices of the inequalities treated as equalities; default: those within
    :data:`SLACK` of their bound, as lavaan).

    Examples
    --------
    >>> import cxlab as cx
    >>> pd_data = cx.datasets.load("political_democracy")
    >>> fit = cx.sem.fit("y1 ~ b1*x1 + b2*x2\\nb1 == b2", pd_data)
    >>> values, jac = active_jacobian(fit.ram_.constraints, fit.theta_)
    >>> bool(abs(values).max() < 1e-12), jac.tolist()  # b1 - b2 = 0; its gradient
    (True, [[1.0, -1.0, 0.0]])
    """
    eq_j, in_j = cs.jacobian(theta)
    values = cs.equalities(theta)
    if cs.unequal:
        ineq = cs.inequalities(theta)
        if active is None:
            active = [i for i, v in enumerate(ineq) if v <= SLACK]
        values = np.concatenate([values, ineq[active]])
        eq_j = np.vstack([eq_j, in_j[active]])
    return values, eq_j


def n_equalities(cs: ConstraintSet | None, theta: np.ndarray) -> int:
    """The number of independent equality constraints at θ (the rank of their Jacobian):
    what lavaan adds to df and takes from npar.

    Examples
    --------
    >>> import cxlab as cx
    >>> pd_data = cx.datasets.load("political_democracy")
    >>> fit = cx.sem.fit("y1 ~ b1*x1 + b2*x2 + b3*x3\\nb1 == b2\\nb2 == b3\\nb1 == b3", pd_data)
    >>> n_equalities(fit.ram_.constraints, fit.theta_)  # the third follows from the others
    2
    """
    if cs is None or not cs.equal:
        return 0
    jac = cs.jacobian(theta)[0]
    return int(np.linalg.matrix_rank(jac, tol=1e-10 * max(1.0, float(np.abs(jac).max()))))


def reduced_information(ram: RamModel, theta: np.ndarray, info: np.ndarray) -> np.ndarray:
    """Kᵀ I K: the information of the parameters left free by the equalities and the
    active inequalities (I itself without constraints).

    Examples
    --------
    >>> import cxlab as cx
    >>> pd_data = cx.datasets.load("political_democracy")
    >>> fit = cx.sem.fit("y1 ~ b1*x1 + b2*x2\\nb1 == b2", pd_data)
    >>> reduced_information(fit.ram_, fit.theta_, fit.ram_.information(fit.theta_)).shape
    (2, 2)
    """
    cs = ram.constraints
    if cs is None:
        return info
    k = _null_space(active_jacobian(cs, theta)[1], len(theta))
    return k.T @ info @ k


def constrained_inverse(ram: RamModel, theta: np.ndarray, info: np.ndarray) -> np.ndarray:
    """The inverse of an information matrix under the model's constraints: K (Kᵀ I K)⁻¹ Kᵀ
    (lavaan's augmented inverse, see the module docstring); ``inv(I)`` without constraints.
    Raises ``numpy.linalg.LinAlgError`` when Kᵀ I K is singular.

    Examples
    --------
    >>> import numpy as np
    >>> import cxlab as cx
    >>> pd_data = cx.datasets.load("political_democracy")
    >>> fit = cx.sem.fit("y1 ~ b1*x1 + b2*x2\\nb1 == b2", pd_data)
    >>> v = constrained_inverse(fit.ram_, fit.theta_, fit.ram_.information(fit.theta_))
    >>> bool(np.isclose(v[0, 0], v[1, 1]) and np.isclose(v[0, 0], v[0, 1]))  # b1 = b2
    True
    """
    cs = ram.constraints
    if cs is None:
        return np.linalg.inv(info)
    k = _null_space(active_jacobian(cs, theta)[1], len(theta))
    inner = k.T @ info @ k
    inv = k @ np.linalg.inv((inner + inner.T) / 2) @ k.T
    return (inv + inv.T) / 2


def _project(
    cs: ConstraintSet, active: list[int], theta: np.ndarray, scale: float
) -> np.ndarray | None:
    """θ moved (least change) onto the equalities and the active inequalities; None when
    the Gauss-Newton projection does not reach them (nonlinear constraints)."""
    for _ in range(1 if cs.linear else 50):
        values, jac = active_jacobian(cs, theta, active)
        if not len(values):
            return theta
        if not np.all(np.isfinite(values)):
            return None
        if np.max(np.abs(values)) <= 1e-13 * scale and not cs.linear:
            return theta
        theta = theta - np.linalg.lstsq(jac, values, rcond=None)[0]
    values = active_jacobian(cs, theta, active)[0]
    if not len(values) or np.max(np.abs(values)) <= _FEASIBLE * scale:
        return theta
    return None


def _scale(theta: np.ndarray) -> float:
    return max(1.0, float(np.max(np.abs(theta)))) if len(theta) else 1.0


def _projected_scoring(
    model: RamModel,
    cs: ConstraintSet,
    active: list[int],
    theta: np.ndarray,
    max_iter: int,
    gtol: float = 1e-9,
) -> tuple[np.ndarray | None, int]:
    """Fisher scoring in the null space of the active constraints, with step halving and a
    projection back onto them after each step (see the module docstring)."""
    theta = _project(cs, active, theta, _scale(theta))
    if theta is None:
        return None, 0
    value, grad = model.objective(theta)
    for iteration in range(1, max_iter + 1):
        k = _null_space(active_jacobian(cs, theta, active)[1], len(theta))
        reduced = k.T @ grad
        if not len(reduced) or np.max(np.abs(reduced)) < gtol:
            return theta, iteration
        try:
            info = k.T @ model.scoring_information(theta) @ k
            step = -0.5 * k @ np.linalg.solve(info, reduced)
        except np.linalg.LinAlgError:
            step = -k @ reduced
        scale = 1.0
        while scale > 1e-8:
            trial = _project(cs, active, theta + scale * step, _scale(theta))
            if trial is not None:
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


def _multipliers(model: RamModel, cs: ConstraintSet, active: list[int], theta: np.ndarray):
    """Lagrange multipliers of the active inequalities (∇F = Σ λ ∇c; λ ≥ 0 at a minimum)."""
    _, grad = model.objective(theta)
    jac = active_jacobian(cs, theta, active)[1]
    lam = np.linalg.lstsq(jac.T, grad, rcond=None)[0]
    return lam[len(cs.equal) :]


def _status(model: RamModel, cs: ConstraintSet, theta: np.ndarray, active: list[int]):
    """(largest reduced gradient element, largest violation, expected decrease)."""
    value, grad = model.objective(theta)
    values, jac = active_jacobian(cs, theta, active)
    k = _null_space(jac, len(theta))
    reduced = k.T @ grad
    violation = float(np.max(np.abs(values), initial=0.0))
    if cs.unequal:
        violation = max(violation, float(-np.min(cs.inequalities(theta), initial=0.0)))
    try:
        info = k.T @ model.scoring_information(theta) @ k
        decrement = float(0.25 * reduced @ np.linalg.solve(info, reduced))
    except np.linalg.LinAlgError:
        decrement = np.inf
    return value, float(np.max(np.abs(reduced), initial=0.0)), violation, decrement


def _check_feasible(cs: ConstraintSet, theta: np.ndarray) -> None:
    """Linear equalities that contradict each other (a == 1 and a == 2) are a model error."""
    if not cs.linear or not cs.equal:
        return
    jac = cs.jacobian(theta)[0]
    values = cs.equalities(theta)
    shift = np.linalg.lstsq(jac, values, rcond=None)[0]
    rest = cs.equalities(theta - shift)
    if np.max(np.abs(rest)) > 1e-8 * _scale(theta):
        lines = "; ".join(f"line {c.line} ('{c.text}')" for c in cs.equal)
        raise ModelSpecError(
            f"The equality constraints contradict each other — no parameter values satisfy "
            f"them all ({lines}). Remove or correct one of them."
        )


def fit_constrained(
    model: RamModel, *, max_iter: int = 500, start: np.ndarray | None = None
) -> tuple[np.ndarray, dict]:
    """Minimise the ML fit function under the model's constraints (see the module
    docstring); returns θ and optimiser information as :func:`cxlab.sem.engine.fit_ml`,
    plus ``active`` (the inequality constraints on their bound, as written) and
    ``n_equalities`` (what lavaan adds to df). *start* replaces the default start values
    (a bootstrap draw starts from the full-sample solution).

    Converged when the constraints hold (to 1e-9), the gradient in the null space of the
    active constraints is below 1e-6 (or 1e-4 with one more scoring step lowering F by
    less than 1e-12, as :func:`~cxlab.sem.engine.fit_ml`), and no active inequality has a
    multiplier of the wrong sign.

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab.sem.constraints import fit_constrained
    >>> pd_data = cx.datasets.load("political_democracy")
    >>> fit = cx.sem.fit("y1 ~ b1*x1 + b2*x2\\nb2 > 2", pd_data)
    >>> theta, info = fit_constrained(fit.ram_)
    >>> info["converged"], info["active"], round(float(theta[1]), 6)  # b2 on its bound
    (True, ['b2 > 2'], 2.0)
    """
    cs = model.constraints
    if cs is None:
        raise ModelSpecError("fit_constrained: the model has no constraints (==, <, >).")
    theta = start_values(model) if start is None else np.asarray(start, dtype=float).copy()
    _check_feasible(cs, theta)
    if not cs.linear and start is None:
        # a nonlinear constraint is linearised where it is projected: start from the
        # unconstrained solution, not from start values such as 0 paths (a zero Jacobian)
        with np.errstate(all="ignore"):
            free_theta, _ = _scoring(model, theta, max_iter)
        if np.all(np.isfinite(free_theta)) and model.objective(free_theta)[0] < 1e9:
            theta = free_theta
    active: list[int] = []
    iterations, tried = 0, set()
    for _ in range(4 * len(cs.unequal) + 2):
        found, used = _projected_scoring(model, cs, active, theta, max_iter)
        iterations += used
        if found is None:
            break
        theta = found
        if not cs.unequal:
            break
        ineq = cs.inequalities(theta)
        violated = [i for i in np.argsort(ineq) if ineq[i] < -_FEASIBLE and i not in active]
        lam = _multipliers(model, cs, active, theta) if active else np.zeros(0)
        if violated:
            active = sorted([*active, int(violated[0])])
        elif len(lam) and lam.min() < -1e-7:
            active = [a for j, a in enumerate(active) if j != int(np.argmin(lam))]
        else:
            break
        if tuple(active) in tried:
            break
        tried.add(tuple(active))
    value, max_grad, violation, decrement = _status(model, cs, theta, active)
    lam = _multipliers(model, cs, active, theta) if active else np.zeros(0)
    feasible = violation <= 1e-8 * _scale(theta)
    converged = (
        value < 1e9
        and feasible
        and not (len(lam) and lam.min() < -1e-6)
        and (max_grad < 1e-6 or (max_grad < 1e-4 and decrement < 1e-12))
    )
    diverged = not value < 1e9
    message = "converged"
    if diverged:
        message = (
            "the model-implied covariance matrix is not positive definite at the starting "
            "values or anywhere the optimiser went under the constraints, so the likelihood "
            "cannot be evaluated: the constraints or the model contradict the data"
        )
    elif not feasible:
        message = (
            f"the constraints could not be met (largest violation {violation:.2g}): check "
            "that they can hold together and with the model's fixed values"
        )
    elif not converged:
        message = (
            f"the largest gradient element in the space the constraints leave free is still "
            f"{max_grad:.2g} after {iterations} Fisher-scoring iterations"
        )
    info = {
        "converged": bool(converged),
        "diverged": diverged,
        "iterations": iterations,
        "max_gradient": max_grad,
        "message": message,
        "active": [cs.unequal[i].text for i in active],
        "n_equalities": n_equalities(cs, theta),
    }
    return theta, info
