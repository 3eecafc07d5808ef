"""Fit indices of an ML-fitted model, defined as lavaan 0.6 defines them.

χ² = N·F_ML; baseline = independence model (variances and means free; exogenous
observed predictors keep their sample covariances, as lavaan's ``fixed.x``); CFI and TLI
against it; RMSEA = √(max(χ² − df, 0) / (df·N)) · √G with its 90 % CI from the
non-central χ² distribution and the p-value of close fit (H0: RMSEA ≤ .05); SRMR as
lavaan's ``srmr`` (Bentler's: residuals scaled by the sample SDs, mean residuals
included when the model has a mean structure, groups weighted by n_g/N);
log-likelihood, AIC, BIC and sample-size-adjusted BIC with the real normal likelihood
(with exogenous observed predictors, as lavaan, that of the other variables given them).
With incomplete data (FIML) the likelihoods are casewise and the "sample" moments of
SRMR are the EM estimates of the unrestricted model (see :mod:`cxlab.sem.fiml`).
"""

from __future__ import annotations

import numpy as np
from scipy import special

from cxlab.sem.engine import RamModel

__all__ = ["fit_indices", "rmsea_ci"]


def _ncp_bound(chisq: float, df: float, prob: float) -> float:
    """λ with P(χ²_df(λ) ≤ chisq) = prob (0 when even λ = 0 is below prob; NaN when the
    root cannot be bracketed, e.g. for the huge χ² of a diverged fit — lavaan gives NA).
    ``scipy.special`` has the non-central χ² CDF and its inverse in λ, so the fit path
    does not import the slow ``scipy.stats`` and ``scipy.optimize``."""
    if not np.isfinite(chisq) or df < 1:
        return np.nan
    if special.chdtr(df, chisq) < prob:
        return 0.0
    upper = max(chisq, 1.0)
    with np.errstate(all="ignore"):
        for _ in range(60):
            value = special.chndtr(chisq, df, upper) - prob
            if not np.isfinite(value):
                return np.nan
            if value <= 0:
                break
            upper *= 2
        else:
            return np.nan
        root = float(special.chndtrinc(chisq, df, prob))
    return root if np.isfinite(root) and 0.0 <= root <= upper else np.nan


def rmsea_ci(
    chisq: float,
    df: float,
    n: int,
    groups: int = 1,
    level: float = 0.90,
    c_hat: float = 1.0,
) -> tuple[float, float]:
    """Lower and upper bound of the RMSEA confidence interval (lavaan's method); NaN
    bounds (lavaan: NA) when the non-centrality cannot be bracketed, as for the χ² of a
    diverged fit. *c_hat* is the scaling factor of the robust RMSEA's interval (lavaan's
    ``c.hat``: the bounds are √(c·λ / (N·df))); *df* may be fractional (the scaled RMSEA).

    Examples
    --------
    >>> [round(x, 4) for x in rmsea_ci(85.306, 24, 301)]  # Holzinger-Swineford CFA
    [0.0714, 0.1137]
    >>> rmsea_ci(float("inf"), 24, 301)
    (nan, nan)
    """
    tail = (1 - level) / 2
    lo = _ncp_bound(chisq, df, 1 - tail)
    hi = _ncp_bound(chisq, df, tail)
    scale = np.sqrt(groups)
    return (
        float(np.sqrt(c_hat * lo / (n * df)) * scale),
        float(np.sqrt(c_hat * hi / (n * df)) * scale),
    )


def _loglik(n: int, cov: np.ndarray, mean: np.ndarray, sigma: np.ndarray, mu: np.ndarray) -> float:
    p = len(cov)
    inv = np.linalg.inv(sigma)
    d = mean - mu
    return float(
        -n
        / 2
        * (p * np.log(2 * np.pi) + np.linalg.slogdet(sigma)[1] + np.trace(cov @ inv) + d @ inv @ d)
    )


def _independence(cov: np.ndarray) -> float:
    """log of the product of the variances − log|cov|: n × this is the independence χ²."""
    return float(np.sum(np.log(np.diag(cov))) - np.linalg.slogdet(cov)[1]) if len(cov) else 0.0


def fit_indices(
    model: RamModel,
    theta: np.ndarray,
    npar: int,
    n_exo_moments: int,
    likelihoods: tuple[float, float, float] | None = None,
) -> dict[str, float]:
    """Every index for a fitted RamModel (see the module docstring).

    *likelihoods* — log L of the model, of the unrestricted model and of the baseline
    model — replace those of the sample moments when the data are incomplete (FIML,
    :meth:`cxlab.sem.fiml.FimlModel.likelihoods`). With exogenous observed predictors
    the baseline keeps their covariances at the sample values (lavaan's ``fixed.x``).

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab.sem.indices import fit_indices
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6", hs)
    >>> fi = fit_indices(fit.ram_, fit.theta_, fit.ram_.n_free, 0)
    >>> round(fi["chisq"], 3), fi["df"], round(fi["cfi"], 3)
    (24.361, 8, 0.975)
    """
    n, groups, p = model.n_total, len(model.moments), model.p
    exo = [model.observed.index(v) for v in model.table.attrs.get("exo_observed", [])]
    ms = model.meanstructure
    chisq = n * model.discrepancy(theta)
    moments_per_group = p * (p + 1) // 2 + (p if ms else 0)
    df = groups * moments_per_group - npar - n_exo_moments
    base_chisq = 0.0
    loglik = unrestricted = 0.0
    srmr = 0.0
    for g, mo in enumerate(model.moments):
        base_chisq += mo.n * (_independence(mo.cov) - _independence(mo.cov[np.ix_(exo, exo)]))
        sigma, mu = model.moments_vector(theta, g)
        if not ms:
            mu = mo.mean
        loglik += _loglik(mo.n, mo.cov, mo.mean, sigma, mu)
        unrestricted += _loglik(mo.n, mo.cov, mo.mean, mo.cov, mo.mean)
        sd = np.sqrt(np.diag(mo.cov))
        resid = (mo.cov - sigma) / np.outer(sd, sd)
        values = list(resid[np.tril_indices(p)])
        if ms:
            values += list((mo.mean - mu) / sd)
        srmr += model.weights[g] * np.sqrt(np.mean(np.square(values)))
    if likelihoods is not None:
        loglik, unrestricted, base_loglik = likelihoods
        base_chisq = 2 * (unrestricted - base_loglik)
    if exo:  # fixed.x: lavaan's log-likelihoods are those of the rest given the predictors
        for mo in model.moments:
            cov_x, mean_x = mo.cov[np.ix_(exo, exo)], mo.mean[exo]
            marginal = _loglik(mo.n, cov_x, mean_x, cov_x, mean_x)
            loglik -= marginal
            unrestricted -= marginal
    base_df = groups * (p * (p - 1) // 2 - len(exo) * (len(exo) - 1) // 2)
    pvalue = float(special.chdtrc(df, chisq)) if df > 0 else np.nan
    d_model, d_base = max(chisq - df, 0.0), max(base_chisq - base_df, 0.0)
    cfi = 1.0 - d_model / max(d_model, d_base) if max(d_model, d_base) > 0 else 1.0
    tli = (
        ((base_chisq / base_df) - (chisq / df)) / ((base_chisq / base_df) - 1) if df > 0 else np.nan
    )
    rmsea = float(np.sqrt(d_model / (df * n)) * np.sqrt(groups)) if df > 0 else 0.0
    lo, hi = rmsea_ci(chisq, df, n, groups) if df > 0 else (np.nan, np.nan)
    close = float(1.0 - special.chndtr(chisq, df, n * df * 0.05**2 / groups)) if df > 0 else np.nan
    return {
        "npar": npar,
        "n": n,
        "chisq": float(chisq),
        "df": int(df),
        "pvalue": pvalue,
        "baseline_chisq": float(base_chisq),
        "baseline_df": int(base_df),
        "cfi": float(cfi),
        "tli": float(tli),
        "rmsea": rmsea,
        "rmsea_ci_low": lo,
        "rmsea_ci_high": hi,
        "rmsea_pvalue": close,
        "srmr": float(srmr),
        "loglik": loglik,
        "unrestricted_loglik": unrestricted,
        "aic": -2 * loglik + 2 * npar,
        "bic": -2 * loglik + npar * np.log(n),
        "sabic": -2 * loglik + npar * np.log((n + 2) / 24),
    }
