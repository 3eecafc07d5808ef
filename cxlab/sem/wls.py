"""Diagonally weighted least squares (DWLS) for ordered indicators, as lavaan's WLSMV.

The model is a RAM model (:class:`cxlab.sem.engine.RamModel`) for the latent responses
y* behind the ordered items, in lavaan's delta parameterisation: with Σ₀ = F B S₀ Bᵀ Fᵀ
(S₀ without the items' residual variances) and μ = F B M, group g implies

* thresholds  δ_j (τ_jk − μ_j) for every item j and threshold k,
* correlations δ_i δ_j Σ₀_ij below the diagonal,

where δ_j are the scale factors (lavaan's ``~*~``; 1 unless freed in groups 2…) and the
residual variance of item j is not a parameter but 1/δ_j² − Σ₀_jj (lavaan reports it as
a fixed row with that value). A continuous variable x (:mod:`cxlab.sem._polyserial`) has
δ = 1, a free intercept and a free residual variance; it implies −μ_x in the threshold
part, its variance Σ_xx, and covariances δ_j Σ_jx with the others. The fit function is

    F(θ) = Σ_g ((n_g − 1)/N) (s_g − σ_g(θ))ᵀ W_g (s_g − σ_g(θ)),  W_g = diag(1 / diag Γ_g),

minimised by Gauss–Newton steps with step halving; χ² = N·F (lavaan's ``chisq``, which
is 2N times its ``fmin``; lavaan weighs each group's DWLS discrepancy by n_g − 1).
With Δ_g = ∂σ_g/∂θ, A = Σ_g (n_g/N) Δ_gᵀ W_g Δ_g and
B = Σ_g (n_g/N) Δ_gᵀ W_g Γ_g W_g Δ_g, the robust covariance matrix of the estimates is
A⁻¹ B A⁻¹ / (N − G) (lavaan's ``se = "robust.sem"``, G groups). The mean-and-variance adjusted test
(lavaan's ``test = "scaled.shifted"``): with U = V − V Δ A⁻¹ Δᵀ V (V = the n_g/N-weighted
W_g side by side, Δ the Δ_g stacked) and Γ* the Γ_g / (n_g/N) side by side,
a = √(df / tr((UΓ*)²)), χ²_scaled = a χ² + df − a tr(UΓ*), scaling factor 1/a and
shift df − a tr(UΓ*) (Asparouhov & Muthén 2010; lavaan's ``lav_test_satorra_bentler``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import special

from cxlab.sem._polychoric import OrdinalStats
from cxlab.sem.engine import Moments, RamModel

__all__ = ["OrdinalModel", "fit_dwls", "robust_vcov", "satorra_2000", "scaled_shifted"]

_RAM_OPS = ("=~", "~", "~~", "~1")


class OrdinalModel:
    """The parameter table of an ordinal model, its sample statistics per group, and the
    implied statistics σ_g(θ) with their derivatives.

    The table's ``free`` column numbers the estimated parameters 1…K (loadings,
    regressions, (co)variances, means, thresholds ``|``, free scale factors ``~*~``); the
    residual variances of the ordered items carry ``free`` numbers K+1… and ``derived``
    True: they are functions of θ (see :meth:`extend`), never estimated.
    """

    def __init__(self, table: pd.DataFrame, stats_: list[OrdinalStats]):
        self.table = table
        self.stats = stats_
        self.n_free = int(table.loc[~table["derived"] & (table.op != ":="), "free"].max())
        self.n_ext = int(table.loc[table.op != ":=", "free"].max())
        ram_rows = table[table.op.isin(_RAM_OPS)].copy()
        ram_rows.attrs = dict(table.attrs)
        moments = [Moments(s.n, s.cov, s.mean) for s in stats_]
        self.ram = RamModel(ram_rows, moments)
        self.n_total = self.ram.n_total
        self.weights = self.ram.weights
        # lavaan's DWLS fit function weighs group g by (n_g − 1)/N (``dls.FtimesNminus1``)
        self.fit_weights = np.array([(st.n - 1) / self.n_total for st in stats_])
        self.items = list(stats_[0].names)
        pos = {v: i for i, v in enumerate(self.ram.observed)}
        self.item_pos = np.array([pos[v] for v in self.items])
        self.numeric = np.flatnonzero(stats_[0].numeric)  # continuous variables
        self.groups = len(stats_)
        self._th: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        self._delta: list[tuple[np.ndarray, np.ndarray]] = []
        self._resid: list[tuple[np.ndarray, np.ndarray]] = []
        item_index = {v: j for j, v in enumerate(self.items)}
        for g, st in enumerate(stats_):
            rows = table[table.group == g + 1]
            th = rows[rows.op == "|"]
            # the threshold part of the statistics: (variable, k) → position; a continuous
            # variable's entry (its negative mean) has no threshold: free 0, value 0
            start = np.concatenate(
                [[0], np.cumsum(np.bincount(st.th_item, minlength=len(self.items)))]
            )
            th_free = np.zeros(len(st.th_item), dtype=int)
            th_value = np.zeros(len(st.th_item))
            for r in th.itertuples():
                m = start[item_index[r.lhs]] + int(r.rhs[1:]) - 1
                th_free[m] = r.free
                th_value[m] = r.value
            self._th.append((th_free, th_value, st.th_item))
            sc = rows[rows.op == "~*~"]
            d_free = np.zeros(len(self.items), dtype=int)
            d_value = np.ones(len(self.items))
            for r in sc.itertuples():
                d_free[item_index[r.lhs]] = r.free
                d_value[item_index[r.lhs]] = 1.0 if np.isnan(r.value) else r.value
            self._delta.append((d_free, d_value))
            res = rows[(rows.op == "~~") & (rows.lhs == rows.rhs) & rows["derived"]]
            self._resid.append(
                (
                    res["free"].to_numpy() - 1,
                    np.array([item_index[v] for v in res["lhs"]], dtype=int),
                )
            )

    def _pick(self, theta: np.ndarray, free: np.ndarray, value: np.ndarray) -> np.ndarray:
        return np.where(free > 0, theta[np.maximum(free - 1, 0)], value)

    def delta(self, theta: np.ndarray, g: int) -> np.ndarray:
        """Scale factors δ of group g's items (lavaan's ``~*~``).

        Examples
        --------
        >>> from cxlab.sem.ordinal import _example_fit
        >>> fit = _example_fit()
        >>> fit.ordinal_.delta(fit.ordinal_.extend(fit.ordinal_.theta_hat), 0).tolist()
        [1.0, 1.0, 1.0, 1.0, 1.0, 1.0]
        """
        d_free, d_value = self._delta[g]
        return self._pick(theta, d_free, d_value)

    def extend(self, theta: np.ndarray) -> np.ndarray:
        """θ followed by the derived residual variances 1/δ_j² − Σ₀_jj of every group.

        Examples
        --------
        >>> from cxlab.sem.ordinal import _example_fit
        >>> fit = _example_fit()
        >>> om = fit.ordinal_
        >>> len(om.extend(om.theta_hat)) - om.n_free  # one residual variance per item
        6
        """
        ext = np.zeros(self.n_ext)
        ext[: self.n_free] = theta[: self.n_free]
        zero = ext.copy()
        for g in range(self.groups):
            idx, items = self._resid[g]
            if not len(idx):
                continue
            sigma0 = self.ram.implied(zero, g)["sigma"]
            d = self.delta(ext, g)
            pos = self.item_pos[items]
            ext[idx] = 1 / d[items] ** 2 - sigma0[pos, pos]
        return ext

    def implied(self, theta: np.ndarray, g: int) -> np.ndarray:
        """σ_g(θ): implied thresholds (and negative means), variances of the continuous
        variables, then covariances (the order of ``wls_obs``).

        Examples
        --------
        >>> import numpy as np
        >>> from cxlab.sem.ordinal import _example_fit
        >>> om = _example_fit().ordinal_
        >>> sigma = om.implied(om.extend(om.theta_hat), 0)
        >>> sigma.shape == om.stats[0].wls_obs.shape
        True
        """
        sigma, _ = self._implied_and_jacobian(theta, g, jacobian=False)
        return sigma

    def jacobian(self, theta: np.ndarray, g: int) -> np.ndarray:
        """Δ_g = ∂σ_g/∂θ (statistics × K free parameters), analytic.

        Examples
        --------
        >>> from cxlab.sem.ordinal import _example_fit
        >>> om = _example_fit().ordinal_
        >>> om.jacobian(om.extend(om.theta_hat), 0).shape  # 18 thresholds + 15 correlations
        (33, 25)
        """
        _, jac = self._implied_and_jacobian(theta, g, jacobian=True)
        return jac

    def _implied_and_jacobian(self, theta: np.ndarray, g: int, jacobian: bool):
        ext = np.zeros(self.n_ext)
        ext[: self.n_free] = theta[: self.n_free]
        st = self.stats[g]
        th_free, th_value, th_item = self._th[g]
        tau = self._pick(ext, th_free, th_value)
        d = self.delta(ext, g)
        if jacobian:
            sigma0, d_sig, d_mu = self.ram.derivatives(ext, g)
        else:
            imp = self.ram.implied(ext, g)
            sigma0 = imp["sigma"]
        mu = (
            self.ram.implied(ext, g)["mu"]
            if self.ram.meanstructure
            else np.zeros(len(self.ram.observed))
        )
        pos = self.item_pos
        mu_items = mu[pos]
        th_part = d[th_item] * (tau - mu_items[th_item])
        pi, pj = pos[st.pairs[:, 0]], pos[st.pairs[:, 1]]
        ii, jj = st.pairs[:, 0], st.pairs[:, 1]
        pn = pos[self.numeric]
        var_part = sigma0[pn, pn]  # continuous variables: their own residual variance is in θ
        cor_part = d[ii] * d[jj] * sigma0[pi, pj]
        sigma = np.concatenate([th_part, var_part, cor_part])
        if not jacobian:
            return sigma, None
        k = self.n_free
        n_th = len(th_part)
        n_uni = n_th + len(pn)
        jac = np.zeros((len(sigma), k))
        if self.ram.meanstructure:
            jac[:n_th] = -(d[th_item][:, None] * d_mu[:k, pos[th_item]].T)
        jac[n_th:n_uni] = d_sig[:k, pn, pn].T
        jac[n_uni:] = (d[ii] * d[jj])[:, None] * d_sig[:k, pi, pj].T
        rows = np.arange(n_th)
        free = th_free > 0
        np.add.at(jac, (rows[free], th_free[free] - 1), d[th_item][free])
        d_free, _ = self._delta[g]
        th_d = d_free[th_item]
        sel = th_d > 0
        np.add.at(jac, (rows[sel], th_d[sel] - 1), (tau - mu_items[th_item])[sel])
        crow = n_uni + np.arange(len(ii))
        for a, b in ((ii, jj), (jj, ii)):
            fa = d_free[a]
            sel = fa > 0
            np.add.at(jac, (crow[sel], fa[sel] - 1), (d[b] * sigma0[pi, pj])[sel])
        return sigma, jac

    def objective(self, theta: np.ndarray) -> float:
        """F(θ) = Σ_g ((n_g − 1)/N) rᵀ W r with r = s − σ(θ); χ² = N·F.

        Examples
        --------
        >>> from cxlab.sem.ordinal import _example_fit
        >>> fit = _example_fit()
        >>> om = fit.ordinal_
        >>> chisq = om.n_total * om.objective(om.theta_hat)
        >>> bool(abs(chisq - fit.fit_measures["chisq"]) < 1e-9)
        True
        """
        total = 0.0
        for g, st in enumerate(self.stats):
            r = st.wls_obs - self.implied(theta, g)
            total += self.fit_weights[g] * float(r @ (st.wls_v * r))
        return total

    def normal_equations(self, theta: np.ndarray) -> tuple[float, np.ndarray, np.ndarray]:
        """F(θ), Σ_g ((n_g − 1)/N) Δᵀ W r and Σ_g ((n_g − 1)/N) Δᵀ W Δ.

        Examples
        --------
        >>> import numpy as np
        >>> from cxlab.sem.ordinal import _example_fit
        >>> om = _example_fit().ordinal_
        >>> value, g, a = om.normal_equations(om.theta_hat)
        >>> bool(np.abs(g).max() < 1e-6), a.shape  # the gradient vanishes at the estimate
        (True, (25, 25))
        """
        value = 0.0
        grad = np.zeros(self.n_free)
        info = np.zeros((self.n_free, self.n_free))
        for g, st in enumerate(self.stats):
            sigma, jac = self._implied_and_jacobian(theta, g, jacobian=True)
            r = st.wls_obs - sigma
            wj = st.wls_v[:, None] * jac
            value += self.fit_weights[g] * float(r @ (st.wls_v * r))
            grad += self.fit_weights[g] * (wj.T @ r)
            info += self.fit_weights[g] * (jac.T @ wj)
        return value, grad, info


def fit_dwls(
    model: OrdinalModel, start: np.ndarray, max_iter: int = 500
) -> tuple[np.ndarray, dict]:
    """Minimise the DWLS fit function by Gauss–Newton steps with step halving.

    Converged when the largest element of the gradient Σ ((n_g − 1)/N) Δᵀ W r is below
    1e-9, or below 1e-6 when a full step would lower F by less than 1e-15 (relative).

    Examples
    --------
    >>> from cxlab.sem.ordinal import _example_fit
    >>> fit = _example_fit()
    >>> fit.optimizer["converged"], fit.optimizer["message"]
    (True, 'converged')
    """
    theta = start.copy()
    value, grad, info = model.normal_equations(theta)
    iterations = 0
    converged = False
    for iterations in range(1, max_iter + 1):  # noqa: B007
        if np.max(np.abs(grad)) < 1e-9:
            converged = True
            break
        try:
            step = np.linalg.solve(info, grad)
        except np.linalg.LinAlgError:
            step = np.linalg.lstsq(info, grad, rcond=None)[0]
        if float(grad @ step) < 1e-15 * max(1.0, value):  # nothing left to gain
            converged = bool(np.max(np.abs(grad)) < 1e-6)
            break
        scale = 1.0
        while scale > 1e-10:
            trial = theta + scale * step
            with np.errstate(all="ignore"):
                new = model.objective(trial)
            if np.isfinite(new) and new < value:
                break
            scale /= 2
        else:
            converged = bool(np.max(np.abs(grad)) < 1e-6)
            break
        theta = trial
        value, grad, info = model.normal_equations(theta)
    max_grad = float(np.max(np.abs(grad))) if len(grad) else 0.0
    converged = converged or max_grad < 1e-9
    message = (
        "converged"
        if converged
        else f"the largest gradient element is still {max_grad:.2g} after {iterations} "
        "Gauss-Newton iterations"
    )
    return theta, {
        "converged": converged,
        "diverged": not np.isfinite(value),
        "iterations": iterations,
        "max_gradient": max_grad,
        "message": message,
        "fmin": value / 2,
    }


def _blocks(model: OrdinalModel, theta: np.ndarray) -> tuple[list[np.ndarray], np.ndarray]:
    jacs = [model.jacobian(theta, g) for g in range(model.groups)]
    info = sum(
        model.weights[g] * (jacs[g].T @ (model.stats[g].wls_v[:, None] * jacs[g]))
        for g in range(model.groups)
    )
    return jacs, info


def robust_vcov(model: OrdinalModel, theta: np.ndarray) -> np.ndarray:
    """A⁻¹ B A⁻¹ / (N − G), lavaan's ``se = "robust.sem"`` (lavaan divides by N minus
    the number of groups for (D)WLS; NaN when A is singular).

    Examples
    --------
    >>> import numpy as np
    >>> from cxlab.sem.ordinal import _example_fit
    >>> om = _example_fit().ordinal_
    >>> v = robust_vcov(om, om.theta_hat)
    >>> v.shape, bool(np.all(np.diag(v) > 0))
    ((25, 25), True)
    """
    jacs, info = _blocks(model, theta)
    try:
        a_inv = np.linalg.inv(info)
    except np.linalg.LinAlgError:
        return np.full((model.n_free, model.n_free), np.nan)
    middle = np.zeros_like(info)
    for g, st in enumerate(model.stats):
        wj = st.wls_v[:, None] * jacs[g]
        middle += model.weights[g] * (wj.T @ st.gamma @ wj)
    return a_inv @ middle @ a_inv / (model.n_total - model.groups)  # lavaan: N − G


def scaled_shifted(
    jacs: list[np.ndarray],
    info: np.ndarray,
    stats_: list[OrdinalStats],
    weights: np.ndarray,
    chisq: float,
    df: int,
) -> dict[str, float]:
    """lavaan's ``scaled.shifted`` test from the Jacobians Δ_g, A, the Γ_g and χ².

    Returns chisq_scaled, df_scaled, pvalue_scaled, scaling_factor (1/a),
    shift_parameter, and the traces tr(UΓ), tr((UΓ)²).

    Examples
    --------
    >>> from cxlab.sem.ordinal import _example_fit
    >>> f = _example_fit().fit_measures
    >>> f["chisq_scaled"] > 0, f["df_scaled"] == f["df"]
    (True, True)
    """
    nan = float("nan")
    if df <= 0:
        return {
            "chisq_scaled": chisq,
            "df_scaled": df,
            "pvalue_scaled": nan,
            "scaling_factor": nan,
            "shift_parameter": nan,
            "trace_ugamma": nan,
            "trace_ugamma2": nan,
        }
    v = np.concatenate([w * st.wls_v for w, st in zip(weights, stats_, strict=True)])
    delta = np.vstack(jacs)
    gamma = [st.gamma / w for w, st in zip(weights, stats_, strict=True)]
    vd = v[:, None] * delta
    try:
        e_inv = np.linalg.inv(info)
    except np.linalg.LinAlgError:
        e_inv = np.linalg.pinv(info)
    u = np.diag(v) - vd @ e_inv @ vd.T
    sizes = np.cumsum([0] + [len(gm) for gm in gamma])
    ug = np.zeros_like(u)
    for g, gm in enumerate(gamma):
        s = slice(sizes[g], sizes[g + 1])
        ug[:, s] = u[:, s] @ gm
    trace1 = float(np.trace(ug))
    trace2 = float(np.sum(ug * ug.T))
    a = np.sqrt(df / trace2)
    shift = df - a * trace1
    stat = chisq * a + shift
    return {
        "chisq_scaled": float(stat),
        "df_scaled": df,
        "pvalue_scaled": float(special.chdtrc(df, stat)),
        "scaling_factor": float(1 / a),
        "shift_parameter": float(shift),
        "trace_ugamma": trace1,
        "trace_ugamma2": trace2,
    }


def satorra_2000(
    less: tuple[OrdinalModel, np.ndarray, float, int],
    more: tuple[OrdinalModel, np.ndarray, float, int],
) -> dict[str, float]:
    """Scaled-and-shifted χ² difference test of two nested WLSMV models (Satorra 2000),
    lavaan's ``lavTestLRT()`` default for WLSMV fits (``method = "satorra.2000"``,
    ``scaled.shifted = TRUE``, ``A.method = "delta"``, ``H1 = TRUE``).

    ``less`` and ``more`` are (model, θ̂, χ², df) of the less and the more restricted
    model (χ² the standard, unscaled statistic; θ̂ the free parameters). With Δ₁, Δ₀ the
    stacked Jacobians of the two models at their estimates, the restrictions are
    A = the orthogonal complement of Δ₁⁺Δ₀ (rows; m = df₀ − df₁ of them), P = Σ_g (n_g/N)
    Δ₁_gᵀ W_g Δ₁_g, M = P⁻¹Aᵀ(AP⁻¹Aᵀ)⁺AP⁻¹, U = W Δ₁ M Δ₁ᵀ W (W the groups' DWLS
    weights side by side) and Γ_f the (n_g/N)·Γ_g side by side:
    tr₁ = tr(UΓ_f), tr₂ = tr((UΓ_f)²), a = √(m / tr₂), b = m − a·tr₁ and the difference
    statistic a (χ²₀ − χ²₁) + b on m degrees of freedom (lavaan's
    ``lav_test_diff_Satorra2000``).

    Returns delta_chisq, delta_df, pvalue, a, b, trace_ugamma, trace_ugamma2.

    # In R: lavaan::lavTestLRT(fit_less, fit_more)   # both estimator = "WLSMV"

    Examples
    --------
    >>> from cxlab.sem.ordinal import _example_data, fit_ordered
    >>> items = [f"y{j}" for j in range(1, 7)]
    >>> free = fit_ordered("F =~ y1 + y2 + y3\\nG =~ y4 + y5 + y6", _example_data(), items)
    >>> equal = fit_ordered("F =~ y1 + a*y2 + a*y3\\nG =~ y4 + y5 + y6", _example_data(),
    ...                     items)
    >>> parts = [(f.meta["ordinal_model"], f.meta["theta_free"], f.fit_measures["chisq"],
    ...           f.fit_measures["df"]) for f in (free, equal)]
    >>> test = satorra_2000(*parts)
    >>> test["delta_df"], bool(0 < test["pvalue"] < 1)
    (1, True)
    """
    m1, theta1, chisq1, df1 = less
    m0, theta0, chisq0, df0 = more
    m = int(df0 - df1)
    nan = float("nan")
    if m == 0:
        return {
            "delta_chisq": float(chisq0 - chisq1),
            "delta_df": 0,
            "pvalue": nan,
            "a": nan,
            "b": nan,
            "trace_ugamma": nan,
            "trace_ugamma2": nan,
        }
    jacs1, info = _blocks(m1, theta1)
    delta1 = np.vstack(jacs1)
    delta0 = np.vstack([m0.jacobian(theta0, g) for g in range(m0.groups)])
    if delta1.shape[0] != delta0.shape[0]:
        raise ValueError(
            "the two models do not fit the same sample statistics (different items, "
            "categories or groups), so they are not nested"
        )
    from scipy import linalg  # only for model comparisons: keeps the first fit fast

    h = np.linalg.pinv(delta1) @ delta0
    a_mat = linalg.null_space(h.T, rcond=1e-7).T
    p_inv = np.linalg.inv(info)
    apa = a_mat @ p_inv @ a_mat.T
    tol = np.sqrt(np.finfo(float).eps)
    keep = ~((np.abs(apa.sum(axis=0)) < tol) & (np.abs(apa.sum(axis=1)) < tol))
    a_mat = a_mat[keep]
    pa = p_inv @ a_mat.T
    middle = pa @ linalg.pinv(a_mat @ pa, atol=0, rtol=tol) @ pa.T
    fg = m1.weights
    v = np.concatenate([st.wls_v for st in m1.stats])
    vd = v[:, None] * delta1
    u = vd @ middle @ vd.T
    sizes = np.cumsum([0] + [len(st.wls_v) for st in m1.stats])
    ug = np.zeros_like(u)
    for g, st in enumerate(m1.stats):
        s = slice(sizes[g], sizes[g + 1])
        ug[:, s] = u[:, s] @ (fg[g] * st.gamma)
    trace1 = float(np.trace(ug))
    trace2 = float(np.sum(ug * ug.T))
    a = float(np.sqrt(m / trace2))
    b = float(m - a * trace1)
    stat = float((chisq0 - chisq1) * a + b)
    return {
        "delta_chisq": stat,
        "delta_df": m,
        "pvalue": float(special.chdtrc(m, stat)),
        "a": a,
        "b": b,
        "trace_ugamma": trace1,
        "trace_ugamma2": trace2,
    }
