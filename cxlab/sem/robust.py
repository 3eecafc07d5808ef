"""Robust maximum likelihood: ``estimator="MLR"`` and ``"MLM"`` (lavaan's names).

The estimates are the ML ones; what changes are the standard errors and the test. Both
are written with the model's Jacobian Δ_g = ∂(μ_g, vech Σ_g)/∂θ in each group's space of
moments, the casewise scores s_i = ∂ log L_i/∂(μ, vech Σ) and f_g = n_g / N:

- **MLR** (lavaan's default ``se = "robust.huber.white"``, ``test = "yuan.bentler.mplus"``):
  the sandwich V = E⁻¹ B E⁻¹ / N with E the observed information (½ the Hessian of the
  fit function) and B = Σ_g f_g Δ_gᵀ (Σ_i s_i s_iᵀ / n_g) Δ_g, the scores taken at the
  model-implied moments; the Yuan–Bentler scaling factor

      c = [Σ_g tr(A_g⁻¹ B1_g) − Σ_g f_g tr(Δ_gᵀ B1*_g Δ_g E⁻¹)] / df

  where A_g and B1_g are the observed and first-order information of the unrestricted
  model at the sample moments (with complete data tr(A⁻¹B1) = tr(A Γ), Γ the sample
  fourth-moment covariance of the moments), B1*_g the first-order one at the implied
  moments. With ``missing="fiml"`` the same holds with the scores of the observed part
  of each row and A_g the Hessian of the incomplete-data likelihood at the EM moments.
- **MLM** (``se = "robust.sem"``, ``test = "satorra.bentler"``; complete data only):
  E the expected information, B = Σ_g f_g Δ_gᵀ W_g Γ_g W_g Δ_g with W_g the normal-theory
  weight at the implied moments, c = [Σ_g tr(W_g Γ_g) − Σ_g f_g tr(Δ_gᵀ W_g Γ_g W_g Δ_g E⁻¹)]/df.

The scaled statistic is T / c on the same df. The baseline (independence) model gets its
own c; "scaled" CFI, TLI and RMSEA plug the scaled statistics into the usual formulas,
"robust" ones are those of Brosseau-Liard, Savalei & Li (2012, 2014) as lavaan computes
them (with FIML: Zhang & Savalei's FIML-corrected statistics, lavaan's
``lav_fit_fiml_corrected``, version V3). Exogenous observed predictors (``fixed.x``)
contribute no moments to the traces, as in lavaan. Under constraints (``==``, ``<``,
``>``) E⁻¹ is lavaan's augmented inverse K (Kᵀ E K)⁻¹ Kᵀ
(:func:`cxlab.sem.constraints.constrained_inverse`), in the sandwich and in the traces.

Written by hand because no maintained Python library has robust SEM statistics;
numbers equal lavaan 0.6.14 (tests/test_sem_robust.py, tests/reference/lavaan_robust.R).

# In R: lavaan::sem(model, data, estimator = "MLR")   # or "MLM"

Examples
--------
>>> import cxlab as cx
>>> hs = cx.datasets.load("holzinger_swineford")
>>> model = "visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6\\nspeed =~ x7 + x8 + x9"
>>> m = cx.sem.fit(model, hs, estimator="MLR").fit_measures
>>> print(f"{m['chisq']:.3f} / {m['chisq_scaling_factor']:.3f} = {m['chisq_scaled']:.3f}")
85.306 / 0.979 = 87.132
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import special

from cxlab.errors import DataError, ModelSpecError
from cxlab.sem.constraints import constrained_inverse
from cxlab.sem.engine import RamModel

__all__ = [
    "ESTIMATORS",
    "RobustResult",
    "check_estimator",
    "moment_scores",
    "robust",
    "robust_measures",
    "vech_pairs",
]

#: estimator names ``cx.sem.fit`` accepts (lavaan's)
ESTIMATORS = ("ML", "MLR", "MLM")
_LAVAAN_ONLY = {
    "WLS": "WLS (ADF) is not available; use estimator='MLR'.",
    "DWLS": "DWLS is not available; use estimator='MLR'.",
    "ULS": "ULS is not available; use estimator='ML' or 'MLR'.",
    "GLS": "GLS is not available; use estimator='ML' or 'MLR'.",
    "MLMV": "MLMV is not available; estimator='MLM' gives the Satorra-Bentler test.",
    "MLMVS": "MLMVS is not available; estimator='MLM' gives the Satorra-Bentler test.",
    "MLF": "MLF is not available; use estimator='MLR'.",
    "PML": "PML is not available; use estimator='MLR'.",
}


def check_estimator(estimator: str, missing: str, n_min: int, n_moments: int) -> str:
    """The estimator name in lavaan's spelling, or a clear error.

    *n_min* is the smallest group's number of rows, *n_moments* the number of sample
    moments per group (the robust statistics need more rows than moments).

    Examples
    --------
    >>> check_estimator("mlr", "listwise", 301, 54)
    'MLR'
    >>> check_estimator("MLM", "fiml", 301, 54)
    Traceback (most recent call last):
        ...
    cxlab.errors.ModelSpecError: estimator='MLM' needs complete data (lavaan refuses it with \
missing = 'ml' too); use estimator='MLR' with missing='fiml' — robust SEs and the Yuan-Bentler \
test for incomplete data.
    """
    name = str(estimator).upper()
    if name not in ESTIMATORS:
        hint = _LAVAAN_ONLY.get(name)
        if hint is None:
            raise ModelSpecError(
                f"estimator={estimator!r} is not an estimator lavaan knows; choose one of "
                f"{', '.join(map(repr, ESTIMATORS))} (ML: normal theory; MLR: robust SEs and "
                "the Yuan-Bentler test; MLM: robust SEs and the Satorra-Bentler test)."
            )
        raise ModelSpecError(f"estimator={estimator!r}: {hint}")
    if name == "MLM" and missing != "listwise":
        raise ModelSpecError(
            "estimator='MLM' needs complete data (lavaan refuses it with missing = 'ml' "
            "too); use estimator='MLR' with missing='fiml' — robust SEs and the "
            "Yuan-Bentler test for incomplete data."
        )
    if name != "ML" and n_min < n_moments:
        raise DataError(
            f"estimator={name!r}: the smallest group has {n_min} rows for {n_moments} sample "
            "moments; the robust statistics estimate the covariance of those moments from the "
            "rows and need more rows than moments. Use estimator='ML', fewer variables, or "
            "more data."
        )
    return name


def vech_pairs(p: int) -> tuple[np.ndarray, np.ndarray]:
    """Row and column of each element of vech(Σ): the lower triangle column by column.

    Examples
    --------
    >>> rows, cols = vech_pairs(3)
    >>> list(zip(rows.tolist(), cols.tolist()))
    [(0, 0), (1, 0), (2, 0), (1, 1), (2, 1), (2, 2)]
    """
    cols, rows = np.triu_indices(p)
    return rows, cols


def _delta(ram: RamModel, theta: np.ndarray, g: int, rows, cols) -> np.ndarray:
    """∂(μ, vech Σ)/∂θ of group g (the mean rows only with a mean structure)."""
    _, d_sig, d_mu = ram.derivatives(theta, g)
    parts = [d_sig[:, rows, cols].T]
    if ram.meanstructure:
        parts.insert(0, d_mu.T)
    return np.vstack(parts)


def moment_scores(
    x: np.ndarray, mu: np.ndarray, sigma: np.ndarray, meanstructure: bool = True
) -> np.ndarray:
    """Casewise scores ∂ log L_i/∂(μ, vech Σ) of a normal model, rows with NaN included
    (the observed part of each row counts, as in FIML); all patterns at once.

    Examples
    --------
    >>> import numpy as np
    >>> x = np.array([[1.0, 2.0], [2.0, 1.0], [3.0, 4.0], [2.0, 3.0]])
    >>> mu, sigma = x.mean(axis=0), np.cov(x, rowvar=False, bias=True)
    >>> bool(np.allclose(moment_scores(x, mu, sigma).sum(axis=0), 0))  # at the MLE
    True
    """
    p = x.shape[1]
    rows, cols = vech_pairs(p)
    double = np.where(rows == cols, 1.0, 2.0)
    seen = ~np.isnan(x)
    e = np.where(seen, x - mu, 0.0)
    if seen.all():
        inv = np.linalg.inv(sigma)
        u = e @ inv
        cov_part = u[:, rows] * u[:, cols] - inv[rows, cols]
    else:
        patterns, which = np.unique(seen, axis=0, return_inverse=True)
        inv = _padded_inverses(patterns, sigma)[np.asarray(which).ravel()]
        u = np.einsum("nij,nj->ni", inv, e)
        cov_part = u[:, rows] * u[:, cols] - inv[:, rows, cols]
    cov_part *= 0.5 * double
    return np.hstack([u, cov_part]) if meanstructure else cov_part


def _padded_inverses(patterns: np.ndarray, sigma: np.ndarray) -> np.ndarray:
    """Σ_oo⁻¹ of every pattern (P × p boolean), padded with zeros to p × p."""
    both = patterns[:, :, None] & patterns[:, None, :]
    filler = np.eye(len(sigma)) * ~patterns[:, None, :]
    return np.linalg.inv(np.where(both, sigma, 0.0) + filler) * both


def _observed_h1(x: np.ndarray, mu: np.ndarray, sigma: np.ndarray) -> np.ndarray:
    """−(1/n) ∂² log L/∂m ∂mᵀ of the unrestricted normal model of the rows *x* (NaN where
    missing) at m = (μ, vech Σ), analytic: with P = Σ_oo⁻¹, d = x̄_q − μ_o and
    Q = P (S_q + d dᵀ) P of each missing-data pattern q (n_q rows),

        ∂²/∂μ∂μᵀ = −Σ n_q P,   ∂²/∂μ∂σ = −Σ n_q (Pd)ᵀ ⊗ P,
        ∂²/∂σ∂σ = ½ Σ n_q Dᵀ(P ⊗ P − Q ⊗ P − P ⊗ Q)D

    (lavaan's ``lav_mvnorm_missing_logl_hessian_samplestats``; with complete data at the
    sample moments it equals the expected information)."""
    from cxlab.sem.fiml import Patterns

    p = len(mu)
    rows, cols = vech_pairs(p)
    pat = Patterns.of(x)
    inv = _padded_inverses(pat.observed, sigma)
    d = np.where(pat.observed, pat.mean - mu, 0.0)
    v = np.einsum("qij,qj->qi", inv, d)
    q_mat = inv @ (pat.cov + d[:, :, None] * d[:, None, :]) @ inv
    w = pat.n.astype(float)
    flat_p, flat_q = inv.reshape(len(w), p * p), q_mat.reshape(len(w), p * p)
    t_pp = (flat_p.T * w) @ flat_p
    t_pq = (flat_p.T * w) @ flat_q

    def pair(a, b):  # flat index of (a, b)
        return a * p + b

    i, j = rows[:, None], cols[:, None]
    k, l_ = rows[None, :], cols[None, :]

    def f(t: np.ndarray) -> np.ndarray:  # Σ_q n_q F(A_q, B_q) from T_AB
        return (
            t[pair(j, l_), pair(i, k)]
            + t[pair(j, k), pair(i, l_)]
            + t[pair(i, l_), pair(j, k)]
            + t[pair(i, k), pair(j, l_)]
        )

    mult = np.where(rows == cols, 2.0, 1.0)
    h_ss = 0.5 * (f(t_pp) - f(t_pq.T) - f(t_pq)) / np.outer(mult, mult)
    h_mm = -np.tensordot(w, inv, axes=1)
    u = np.einsum("q,qmk,ql->mkl", w, inv, v)  # Σ n_q P[m,k] v[l]
    h_ms = -(u[:, rows, cols] + u[:, cols, rows]) / mult
    hess = np.block([[h_mm, h_ms], [h_ms.T, h_ss]])
    out = -hess / len(x)
    return (out + out.T) / 2


def _expected_h1(sigma: np.ndarray, ms: bool) -> np.ndarray:
    """The normal-theory information of (μ, vech Σ) per row: Σ⁻¹ and ½ Dᵀ(Σ⁻¹ ⊗ Σ⁻¹)D."""
    p = len(sigma)
    rows, cols = vech_pairs(p)
    inv = np.linalg.inv(sigma)
    double = np.where(rows == cols, 1.0, 2.0)
    # ½ Dᵀ(P ⊗ P)D for vech pairs (i,j), (k,l): ½ c_a c_b (P_ik P_jl + P_il P_jk) / 2
    cov = (
        0.25
        * np.outer(double, double)
        * (
            inv[np.ix_(rows, rows)] * inv[np.ix_(cols, cols)]
            + inv[np.ix_(rows, cols)] * inv[np.ix_(cols, rows)]
        )
    )
    if not ms:
        return cov
    out = np.zeros((p + len(rows), p + len(rows)))
    out[:p, :p] = inv
    out[p:, p:] = cov
    return out


def _gamma(x: np.ndarray, ms: bool, exo: list[int]) -> np.ndarray:
    """Γ: the covariance of the sample moments' casewise contributions (divisor n). With
    exogenous predictors *exo* (fixed.x) the contributions are taken net of the part the
    predictors explain (the rows' OLS fitted values), as lavaan's ``lav_samplestats_Gamma``."""
    p = x.shape[1]
    rows, cols = vech_pairs(p)

    def contributions(y: np.ndarray) -> np.ndarray:
        e = y - y.mean(axis=0)
        d = e[:, rows] * e[:, cols]
        return np.hstack([y, d]) if ms else d

    z = contributions(x)
    if exo:
        rest = [j for j in range(p) if j not in exo]
        design = np.column_stack([np.ones(len(x)), x[:, exo]])
        beta = np.linalg.lstsq(design, x[:, rest], rcond=None)[0]
        fitted = x.copy()
        fitted[:, rest] = design @ beta
        z = z - contributions(fitted)
    z = z - z.mean(axis=0)
    return z.T @ z / len(x)


def _exo(ram: RamModel) -> list[int]:
    return [ram.observed.index(v) for v in ram.table.attrs.get("exo_observed", [])]


def _exo_mask(ram: RamModel) -> np.ndarray:
    """True for the moments of exogenous observed predictors only (fixed.x): their means
    and their (co)variances; lavaan leaves them out of the traces."""
    exo = set(_exo(ram))
    rows, cols = vech_pairs(ram.p)
    mask = np.array([r in exo and c in exo for r, c in zip(rows, cols, strict=True)], bool)
    if ram.meanstructure:
        mask = np.concatenate([np.array([j in exo for j in range(ram.p)], bool), mask])
    return mask


def _exo_diag(ram: RamModel) -> np.ndarray:
    exo = set(_exo(ram))
    return np.array([j in exo for j in range(ram.p)], bool)


def _trace_h1(a1: np.ndarray, b1: np.ndarray, mask: np.ndarray) -> float:
    keep = ~mask & (np.diag(a1) != 0)
    a, b = a1[np.ix_(keep, keep)], b1[np.ix_(keep, keep)]
    return float(np.trace(np.linalg.solve(a, b)))


def _numeric_hessian_information(ram: RamModel, theta: np.ndarray) -> np.ndarray:
    """½ the Hessian of the fit function (observed information per row), by central
    differences of the analytic gradient."""
    h, k = 1e-6, ram.n_free
    hess = np.zeros((k, k))
    for j in range(k):
        step = np.zeros(k)
        step[j] = h
        hess[:, j] = (ram.objective(theta + step)[1] - ram.objective(theta - step)[1]) / (2 * h)
    return (hess + hess.T) / 4


@dataclass
class RobustResult:
    """What a robust fit adds: the sandwich covariance of the estimates, the scaling
    factors of the model's and the baseline model's test, and (FIML) the pieces of the
    FIML-corrected robust CFI / RMSEA."""

    estimator: str
    vcov: np.ndarray
    scaling: float
    trace: float
    baseline_scaling: float
    corrected: dict | None = None


def _baseline(ram: RamModel, g: int, mu: np.ndarray, sigma: np.ndarray, ms: bool):
    """The independence model of group g: implied moments and Jacobian (one column per
    free variance, and mean with a mean structure; exogenous predictors fixed)."""
    exo = {ram.observed.index(v) for v in ram.table.attrs.get("exo_observed", [])}
    free = [j for j in range(ram.p) if j not in exo]
    ex = sorted(exo)
    s0 = np.diag(np.diag(sigma)).astype(float)
    if ex:
        s0[np.ix_(ex, ex)] = sigma[np.ix_(ex, ex)]
    rows, cols = vech_pairs(ram.p)
    pair = {(int(r), int(c)): a for a, (r, c) in enumerate(zip(rows, cols, strict=True))}
    k_mom = len(rows) + (ram.p if ms else 0)
    off = ram.p if ms else 0
    columns = []
    for j in free:
        col = np.zeros(k_mom)
        col[off + pair[(j, j)]] = 1.0
        columns.append(col)
    if ms:
        for j in free:
            col = np.zeros(k_mom)
            col[j] = 1.0
            columns.append(col)
    return mu, s0, np.column_stack(columns)


def robust(
    ram: RamModel,
    theta: np.ndarray,
    estimator: str,
    rows_by_group: list[np.ndarray],
    df: int,
    baseline_df: int,
) -> RobustResult:
    """Sandwich covariance and scaling factors of a fitted model (see the module docstring).

    *rows_by_group* holds each group's rows (NaN where missing; FIML models only); *df*
    and *baseline_df* are the model's and the independence model's degrees of freedom.

    Examples
    --------
    >>> import cxlab as cx
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6", hs, estimator="MLM")
    >>> round(fit.fit_measures["chisq_scaling_factor"], 3)  # lavaan: 1.080
    1.08
    """
    from cxlab.sem.fiml import FimlModel  # the FIML model subclasses RamModel

    fiml = isinstance(ram, FimlModel)
    ms = ram.meanstructure
    mask = _exo_mask(ram)
    rows, cols = vech_pairs(ram.p)
    if estimator == "MLM":
        info = ram.information(theta)
    elif fiml:
        info = ram.information(theta)  # observed (Hessian), as for ML with FIML
    else:
        info = _numeric_hessian_information(ram, theta)
    info_inv = constrained_inverse(ram, theta, info)  # K (Kᵀ E K)⁻¹ Kᵀ under constraints
    meat = np.zeros_like(info)
    h1_traces, h0_parts, deltas, h1_info, base_blocks = [], [], [], [], []
    for g, x in enumerate(rows_by_group):
        fg = ram.weights[g]
        imp = ram.implied(theta, g)
        sigma_hat = imp["sigma"]
        mo = ram.moments[g]
        mu_hat = imp["mu"] if ms else mo.mean
        delta = _delta(ram, theta, g, rows, cols)
        deltas.append(delta)
        if fiml:  # the independence model's FIML estimates: available-case moments
            start_mean = np.where(_exo_diag(ram), mo.mean, np.nanmean(x, axis=0))
            start_cov = mo.cov.copy()
            np.fill_diagonal(start_cov, np.where(_exo_diag(ram), np.diag(mo.cov),
                                                 np.nanvar(x, axis=0)))  # fmt: skip
            mu_b, sigma_b, delta_b = _baseline(ram, g, start_mean, start_cov, ms)
        else:
            mu_b, sigma_b, delta_b = _baseline(ram, g, mo.mean, mo.cov, ms)
        if estimator == "MLM":
            w = _expected_h1(sigma_hat, ms)
            w[mask] = 0.0
            w[:, mask] = 0.0
            gam = _gamma(x, ms, _exo(ram))
            b0 = delta.T @ w @ gam @ w @ delta
            h1_traces.append(float(np.sum(w * gam)))
            w_b = _expected_h1(sigma_b, ms)
            w_b[mask] = 0.0
            w_b[:, mask] = 0.0
            base_meat = delta_b.T @ w_b @ gam @ w_b @ delta_b
            base_info = delta_b.T @ w_b @ delta_b
            base_h1 = float(np.sum(w_b * gam))
        else:
            sc = moment_scores(x, mu_hat, sigma_hat, ms)
            b0 = delta.T @ (sc.T @ sc / len(x)) @ delta
            if fiml:
                a1 = _observed_h1(x, mo.mean, mo.cov)
                sc_u = moment_scores(x, mo.mean, mo.cov, ms)
                b1 = sc_u.T @ sc_u / len(x)
                h1_traces.append(_trace_h1(a1, b1, mask))
                h1_info.append((a1, b1))
            else:
                a1 = _expected_h1(mo.cov, ms)
                h1_traces.append(_trace_h1(a1, a1 @ _gamma(x, ms, _exo(ram)) @ a1, mask))
            sc_b = moment_scores(x, mu_b, sigma_b, ms)
            base_meat = delta_b.T @ (sc_b.T @ sc_b / len(x)) @ delta_b
            w_b = _observed_h1(x, mu_b, sigma_b) if fiml else _expected_h1(sigma_b, ms)
            base_info = delta_b.T @ w_b @ delta_b
            base_h1 = h1_traces[-1]
        meat += fg * b0
        h0_parts.append(fg * float(np.sum(b0 * info_inv)))
        base_blocks.append((fg, base_meat, base_info, base_h1, delta_b))
    vcov = info_inv @ meat @ info_inv / ram.n_total
    trace = sum(h1_traces) - sum(h0_parts)
    scaling = trace / df if df > 0 else np.nan
    if scaling < 0:  # as lavaan: a negative trace gives no scaled test
        scaling = np.nan
    # the baseline's parameters are group-specific: its information is block-diagonal
    base_trace = 0.0
    for fg, base_meat, base_info, base_h1, _ in base_blocks:
        base_inv = np.linalg.inv(fg * base_info)
        base_trace += base_h1 - fg * float(np.sum(base_meat * base_inv))
    base_scaling = base_trace / baseline_df if baseline_df > 0 else np.nan
    corrected = None
    if fiml and estimator == "MLR":
        corrected = _fiml_corrected(ram, theta, deltas, h1_info, base_blocks, rows_by_group)
    return RobustResult(estimator, vcov, float(scaling), float(trace), float(base_scaling),
                        corrected)  # fmt: skip


def _ml_discrepancy(n, sigma, mu, cov, mean) -> float:
    inv = np.linalg.inv(sigma)
    d = mean - mu
    p = len(cov)
    return n * float(
        np.linalg.slogdet(sigma)[1]
        + np.trace(cov @ inv)
        - np.linalg.slogdet(cov)[1]
        - p
        + d @ inv @ d
    )


def _fiml_corrected(ram, theta, deltas, h1_info, base_blocks, rows_by_group) -> dict:
    """Zhang & Savalei's FIML-corrected statistics for robust CFI / RMSEA (lavaan's
    ``lav_fit_fiml_corrected``, version V3): the model's and the baseline's χ² against the
    EM moments, with their scaling factors."""
    fgs = ram.weights
    wm = [fg * a1 for fg, (a1, _) in zip(fgs, h1_info, strict=True)]
    wmi = [np.linalg.inv(a1) / fg for fg, (a1, _) in zip(fgs, h1_info, strict=True)]
    gam = [np.linalg.inv(a1) @ b1 @ np.linalg.inv(a1) / fg for fg, (a1, b1) in
           zip(fgs, h1_info, strict=True)]  # fmt: skip
    wc = [fg * _expected_h1(mo.cov, True) for fg, mo in zip(fgs, ram.moments, strict=True)]

    def bdiag(blocks):
        size = sum(len(b) for b in blocks)
        out = np.zeros((size, size))
        at = 0
        for b in blocks:
            out[at : at + len(b), at : at + len(b)] = b
            at += len(b)
        return out

    wm_all, wmi_all, wc_all, gam_all = bdiag(wm), bdiag(wmi), bdiag(wc), bdiag(gam)

    def k_value(delta_all: np.ndarray, model: bool = False) -> float:
        e = delta_all.T @ wm_all @ delta_all
        # the model's E⁻¹ under constraints is lavaan's augmented inverse (K (Kᵀ E K)⁻¹ Kᵀ)
        e_inv = constrained_inverse(ram, theta, e) if model else np.linalg.inv(e)
        u = wm_all - wm_all @ delta_all @ e_inv @ delta_all.T @ wm_all
        return float(np.trace(u @ wmi_all @ wc_all @ wmi_all @ u @ gam_all))

    xx3 = 0.0
    xx3_null = 0.0
    for g, mo in enumerate(ram.moments):
        imp = ram.implied(theta, g)
        xx3 += _ml_discrepancy(mo.n, imp["sigma"], imp["mu"], mo.cov, mo.mean)
        x = rows_by_group[g]
        mu_b, var_b = np.nanmean(x, axis=0), np.nanvar(x, axis=0)
        exo = [ram.observed.index(v) for v in ram.table.attrs.get("exo_observed", [])]
        sigma_b = np.diag(var_b)
        if exo:
            sigma_b[np.ix_(exo, exo)] = mo.cov[np.ix_(exo, exo)]
            mu_b[exo] = mo.mean[exo]
        xx3_null += _ml_discrepancy(mo.n, sigma_b, mu_b, mo.cov, mo.mean)
    delta_all = np.vstack(deltas)
    k_model = k_value(delta_all, model=True)
    size = sum(b[4].shape[1] for b in base_blocks)
    delta_b_all = np.zeros((sum(len(d) for d in deltas), size))
    r = c = 0
    for *_, delta_b in base_blocks:
        delta_b_all[r : r + len(delta_b), c : c + delta_b.shape[1]] = delta_b
        r += len(delta_b)
        c += delta_b.shape[1]
    k_null = k_value(delta_b_all)
    return {"xx3": xx3, "k": k_model, "xx3_null": xx3_null, "k_null": k_null}


def _cfi(x2, df, x2_null, df_null, c=1.0, c_null=1.0) -> float:
    if not all(np.isfinite([x2, df, x2_null, df_null, c, c_null])):
        return np.nan
    t1 = max(x2 - c * df, 0.0)
    t2 = max(x2 - c * df, x2_null - c_null * df_null, 0.0)
    return 1.0 if np.isclose(t1, 0) and np.isclose(t2, 0) else 1 - t1 / t2


def _tli(x2, df, x2_null, df_null, c=1.0, c_null=1.0) -> float:
    if not all(np.isfinite([x2, df, x2_null, df_null, c, c_null])):
        return np.nan
    t1 = (x2 - c * df) * df_null
    t2 = (x2_null - c_null * df_null) * df
    return 1 - t1 / t2 if df > 0 and abs(t2) > 0 else 1.0


def _rmsea(x2, df, n, groups, c=1.0) -> float:
    if not (np.isfinite(x2) and np.isfinite(df)) or df <= 0:
        return 0.0 if df == 0 else np.nan
    return float(np.sqrt(max(x2 / n / df - c / n, 0.0)) * np.sqrt(groups))


def _closefit(x2, df, n, groups, c=1.0, h0=0.05) -> float:
    if not np.isfinite(x2) or df <= 0:
        return np.nan
    return float(1.0 - special.chndtr(x2, df, n * df / c * h0**2 / groups))


def robust_measures(measures: dict[str, float], result: RobustResult, groups: int) -> dict:
    """lavaan's scaled and robust fit measures from the ML ones and a :class:`RobustResult`
    (names with underscores: ``chisq_scaled``, ``cfi_robust``, ``rmsea_ci_low_scaled`` …).

    Examples
    --------
    >>> import cxlab as cx
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> m = cx.sem.fit("visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6\\n"
    ...                "speed =~ x7 + x8 + x9", hs, estimator="MLR").fit_measures
    >>> [round(m[k], 3) for k in ("cfi_robust", "tli_robust", "rmsea_robust")]  # lavaan
    [0.93, 0.895, 0.092]
    """
    from cxlab.sem.indices import rmsea_ci

    x2, df, n = measures["chisq"], measures["df"], measures["n"]
    x2_null, df_null = measures["baseline_chisq"], measures["baseline_df"]
    c, c_null = result.scaling, result.baseline_scaling
    scaled = x2 / c if df > 0 else x2
    scaled_null = x2_null / c_null
    out = {
        "chisq_scaled": float(scaled),
        "df_scaled": df,
        "pvalue_scaled": float(special.chdtrc(df, scaled)) if df > 0 else np.nan,
        "chisq_scaling_factor": float(c),
        "baseline_chisq_scaled": float(scaled_null),
        "baseline_df_scaled": df_null,
        "baseline_pvalue_scaled": float(special.chdtrc(df_null, scaled_null)),
        "baseline_chisq_scaling_factor": float(c_null),
        "cfi_scaled": _cfi(scaled, df, scaled_null, df_null),
        "tli_scaled": _tli(scaled, df, scaled_null, df_null),
    }
    df2 = result.trace
    out["rmsea_scaled"] = _rmsea(x2, df2, n, groups) if df > 0 else 0.0
    lo, hi = rmsea_ci(x2, df2, n, groups) if df > 0 else (np.nan, np.nan)
    out["rmsea_ci_low_scaled"], out["rmsea_ci_high_scaled"] = lo, hi
    out["rmsea_pvalue_scaled"] = _closefit(x2, df2, n, groups) if df > 0 else np.nan
    if result.corrected is not None:  # FIML: Zhang & Savalei's corrected statistics
        cor = result.corrected
        xx3, c3 = cor["xx3"], cor["k"] / df if df > 0 else np.nan
        xx3_null, c3_null = cor["xx3_null"], cor["k_null"] / df_null
    else:
        xx3, c3, xx3_null, c3_null = x2, c, x2_null, c_null
    out["cfi_robust"] = _cfi(xx3, df, xx3_null, df_null, c3, c3_null)
    out["tli_robust"] = _tli(xx3, df, xx3_null, df_null, c3, c3_null)
    out["rmsea_robust"] = _rmsea(xx3, df, n, groups, c3) if df > 0 else 0.0
    if df > 0:
        lo, hi = rmsea_ci(xx3 / c3, df, n, groups, c_hat=c3)
        out["rmsea_ci_low_robust"], out["rmsea_ci_high_robust"] = lo, hi
        out["rmsea_pvalue_robust"] = _closefit(xx3 / c3, df, n, groups, c3)
    else:
        out["rmsea_ci_low_robust"] = out["rmsea_ci_high_robust"] = np.nan
        out["rmsea_pvalue_robust"] = np.nan
    return out
