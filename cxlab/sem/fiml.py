"""Full-information maximum likelihood (FIML) for data missing at random.

``cx.sem.fit(model, data, missing="fiml")`` uses every observed value instead of dropping
incomplete rows. Rows are pooled by missing-data pattern (which variables a row
observes); for a pattern with n_q rows, observed variables o, their mean x̄_q and biased
covariance S_q, the rows add to −2 log L

    n_q [ |o| log 2π + log|Σ_oo| + tr(S_q Σ_oo⁻¹) + (x̄_q − μ_o)ᵀ Σ_oo⁻¹ (x̄_q − μ_o) ],

which is the casewise likelihood summed over rows, computed once per pattern. Σ_oo and
μ_o are the model-implied moments of the observed variables, taken from the RAM model
of :mod:`cxlab.sem.engine`; the gradient follows by the chain rule through its analytic
∂Σ/∂θ and ∂μ/∂θ. All patterns are handled at once (each Σ_oo padded to p × p with ones
on the diagonal of the missing variables), so the cost grows with the number of
patterns, not of rows. The fit function is F = −2 log L / N, minimised by the engine's
optimiser (Fisher scoring with the FIML expected information, then L-BFGS).

As lavaan's ``sem(model, data, missing = "ml")`` (lavaan 0.6):

- the mean structure is always on; rows empty on every model variable are dropped;
  with exogenous observed predictors (``fixed.x``) rows missing one of them are
  dropped too, and their moments are fixed at the sample values;
- standard errors come from the observed information: the Hessian of F by central
  differences of the analytic gradient (lavaan: the same, with a five-point stencil);
- the unrestricted model H1 is fitted to the same incomplete data by EM, and
  χ² = −2 (log L_H0 − log L_H1); the baseline (independence) model is fitted by FIML
  as well — with a diagonal Σ the likelihood factorises, so its estimates are each
  variable's available-case mean and (biased) variance;
- SRMR (lavaan's ``srmr``, Bentler's, mean residuals included) compares the implied
  moments with the EM estimates of H1; RMSEA, CFI and TLI follow from χ², df and N as
  with complete data; log L, AIC and BIC are the casewise log-likelihood's (with
  exogenous predictors, as lavaan, that of the other variables given them).

Written here rather than taken from semopy because semopy's FIML fit indices are
implausible (a CFI of −0.94 for a model lavaan fits well; see the design notes), its
log-likelihood is not the model's, and its multi-group fits have no cross-group
constraints. Estimates, SEs and fit indices equal lavaan 0.6.14 to about 1e-4
(tests/test_sem_fiml.py, tests/reference/lavaan_fiml.R).

# In R: lavaan::sem(model, data, missing = "ml")

Examples
--------
>>> import numpy as np
>>> import cxlab as cx
>>> hs = cx.datasets.load("holzinger_swineford")
>>> hs.loc[hs["x1"] > 6, ["x5", "x9"]] = np.nan  # missing at random: depends on x1
>>> fit = cx.sem.fit("visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6\\nspeed =~ x7 + x8 + x9",
...                  hs, missing="fiml")
>>> m = fit.fit_measures
>>> print(f"chisq = {m['chisq']:.3f}, CFI = {m['cfi']:.3f}, N = {m['n']}")  # lavaan: 67.047, .945
chisq = 67.047, CFI = 0.945, N = 301

The pieces: rows pooled by pattern, and the EM estimates of the unrestricted model.

>>> from cxlab.sem.fiml import Patterns, em_moments
>>> x = np.array([[1.0, 2.0], [2.0, np.nan], [3.0, 5.0], [4.0, 3.0], [np.nan, 4.0]])
>>> pat = Patterns.of(x)
>>> pat.n.tolist(), pat.observed.tolist()  # three patterns
([1, 1, 3], [[False, True], [True, False], [True, True]])
>>> cov, mean = em_moments(pat)
>>> np.round(mean, 3).tolist()
[2.559, 3.441]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from cxlab.errors import DataError
from cxlab.sem.engine import Moments, RamModel

__all__ = ["MISSING", "FimlModel", "Patterns", "check_missing", "em_moments", "prepare"]

_LOG_2PI = float(np.log(2 * np.pi))
#: The ways ``cx.sem.fit(missing=...)`` handles incomplete rows.
MISSING = ("listwise", "fiml", "fiml.x")


@dataclass
class Patterns:
    """The rows of one group pooled by missing-data pattern (P patterns, p variables).

    ``observed`` (P × p, bool) says which variables each pattern observes, ``n`` how many
    rows it has; ``mean`` (P × p) and ``cov`` (P × p × p, divisor n) are the means and
    covariances of those rows, zero wherever a variable is missing.
    """

    observed: np.ndarray
    n: np.ndarray
    mean: np.ndarray
    cov: np.ndarray

    def __post_init__(self) -> None:
        p = self.observed.shape[1]
        self.both = self.observed[:, :, None] & self.observed[:, None, :]
        self._filler = np.eye(p) * ~self.observed[:, None, :]  # 1 on missing diagonals
        self._constant = self.observed.sum(axis=1) * _LOG_2PI
        self._multi = np.flatnonzero(self.n > 1)  # patterns whose covariance is not 0

    @classmethod
    def of(cls, x: np.ndarray) -> Patterns:
        """Pool the rows of *x* (n × p, NaN for missing) by pattern, without a row loop.

        Examples
        --------
        >>> import numpy as np
        >>> from cxlab.sem.fiml import Patterns
        >>> x = np.array([[1.0, 2.0], [2.0, np.nan], [3.0, 4.0], [4.0, np.nan]])
        >>> pat = Patterns.of(x)
        >>> pat.observed.tolist(), pat.n.tolist()  # two patterns of two rows each
        ([[True, False], [True, True]], [2, 2])
        """
        seen = ~np.isnan(x)
        masks, inverse, counts = np.unique(seen, axis=0, return_inverse=True, return_counts=True)
        inverse = inverse.ravel()
        filled = np.where(seen, x, 0.0)
        order = np.argsort(inverse, kind="stable")
        starts = np.r_[0, np.cumsum(counts)[:-1]]
        mean = np.add.reduceat(filled[order], starts, axis=0) / counts[:, None]
        dev = (filled - mean[inverse])[order]  # zero where a value is missing
        cov = np.add.reduceat(dev[:, :, None] * dev[:, None, :], starts, axis=0)
        return cls(masks, counts, mean, cov / counts[:, None, None])

    def inverses(self, sigma: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
        """log|Σ_oo| and Σ_oo⁻¹ (padded with zeros to p × p) of every pattern, or None
        when some Σ_oo is not positive definite.

        Examples
        --------
        >>> import numpy as np
        >>> from cxlab.sem.fiml import Patterns
        >>> pat = Patterns.of(np.array([[1.0, 2.0], [2.0, np.nan], [3.0, 5.0]]))
        >>> logdet, inv = pat.inverses(np.array([[2.0, 0.5], [0.5, 1.0]]))
        >>> logdet.round(3).tolist(), inv[0].round(3).tolist()  # pattern 1 sees x1 only
        ([0.693, 0.56], [[0.5, 0.0], [0.0, 0.0]])
        """
        if not np.all(np.isfinite(sigma)):
            return None
        padded = np.where(self.both, sigma, 0.0) + self._filler
        try:
            chol = np.linalg.cholesky(padded)
        except np.linalg.LinAlgError:
            return None
        logdet = 2 * np.log(np.diagonal(chol, axis1=1, axis2=2)).sum(axis=1)
        return logdet, np.linalg.inv(padded) * self.both

    def minus2loglik(
        self, sigma: np.ndarray, mu: np.ndarray, gradient: bool = True
    ) -> tuple[float, np.ndarray | None, np.ndarray | None] | None:
        """−2 log L of the rows at moments (Σ, μ), with its derivatives with respect to
        Σ (entries taken as independent) and μ; None when Σ is not positive definite.

        Examples
        --------
        >>> import numpy as np
        >>> from cxlab.sem.fiml import Patterns
        >>> pat = Patterns.of(np.array([[1.0, 2.0], [2.0, np.nan], [3.0, 5.0]]))
        >>> value, d_sigma, d_mu = pat.minus2loglik(np.eye(2), np.zeros(2))
        >>> round(value, 3), d_sigma.shape, d_mu.shape
        (52.189, (2, 2), (2,))
        """
        parts = self.inverses(sigma)
        if parts is None:
            return None
        logdet, inv = parts
        d = np.where(self.observed, self.mean - mu, 0.0)
        inv_d = (inv @ d[:, :, None])[:, :, 0]
        multi = self._multi  # single rows have no within-pattern covariance
        inv_m, cov_m = inv[multi], self.cov[multi]
        trace = np.zeros(len(d))
        trace[multi] = (cov_m * inv_m).sum(axis=(1, 2))
        value = float(self.n @ (self._constant + logdet + trace + (inv_d * d).sum(axis=1)))
        if not gradient:
            return value, None, None
        # Σ_q n_q (P − P M P) with M = S + d dᵀ, P = Σ_oo⁻¹
        g_sigma = np.tensordot(self.n, inv, axes=1) - (inv_d.T * self.n) @ inv_d
        if len(multi):
            g_sigma -= np.tensordot(self.n[multi], inv_m @ cov_m @ inv_m, axes=1)
        return value, g_sigma, -2 * self.n @ inv_d

    def available(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Each variable's number of observed values, their mean and biased variance.

        Examples
        --------
        >>> import numpy as np
        >>> from cxlab.sem.fiml import Patterns
        >>> pat = Patterns.of(np.array([[1.0, 2.0], [2.0, np.nan], [3.0, 5.0]]))
        >>> count, mean, var = pat.available()  # x2 is seen in two rows
        >>> count.tolist(), mean.round(3).tolist(), var.round(3).tolist()
        ([3, 2], [2.0, 3.5], [0.667, 2.25])
        """
        w = self.n[:, None] * self.observed
        count = w.sum(axis=0)
        mean = (w * self.mean).sum(axis=0) / count
        within = np.diagonal(self.cov, axis1=1, axis2=2)
        var = (w * (within + (self.mean - mean) ** 2)).sum(axis=0) / count
        return count, mean, var


def em_moments(
    pat: Patterns, *, tol: float = 1e-11, max_iter: int = 10_000
) -> tuple[np.ndarray, np.ndarray]:
    """ML estimates of the covariance matrix and means from incomplete rows, by EM.

    The saturated model (H1) of FIML, as lavaan's ``lavInspect(fit, "sampstat.h1")``.
    Each E-step regresses the missing variables of every pattern on its observed ones:
    with R = Σ P_q (P_q = Σ_oo⁻¹ padded with zeros), a row's completed deviation is
    R (x − μ) and its conditional covariance Σ − R Σ. Starts at the available-case means
    and variances; stops when no moment changes by more than *tol* (relative).

    Examples
    --------
    >>> import numpy as np
    >>> x = np.array([[1.0, 2.0], [2.0, 1.0], [3.0, 5.0], [4.0, 3.0]])
    >>> cov, mean = em_moments(Patterns.of(x))  # complete data: the sample moments
    >>> bool(np.allclose(cov, np.cov(x.T, bias=True)))
    True
    """
    n = pat.n.sum()
    w = pat.n / n
    _, mu, var = pat.available()
    sigma = np.diag(var)
    for _ in range(max_iter):
        parts = pat.inverses(sigma)
        if parts is None:
            break
        r = sigma @ parts[1]
        d = np.where(pat.observed, pat.mean - mu, 0.0)
        m = pat.cov + d[:, :, None] * d[:, None, :]
        shift = w @ np.einsum("qij,qj->qi", r, d)
        second = r @ m @ r.transpose(0, 2, 1) + sigma - r @ sigma
        new = np.einsum("q,qij->ij", w, second) - np.outer(shift, shift)
        new = (new + new.T) / 2
        change = max(np.max(np.abs(new - sigma)), np.max(np.abs(shift)))
        sigma, mu = new, mu + shift
        if change < tol * max(1.0, float(np.max(np.abs(sigma)))):
            break
    return sigma, mu


class FimlModel(RamModel):
    """A :class:`~cxlab.sem.engine.RamModel` fitted to incomplete rows by FIML.

    ``moments`` are the EM estimates of H1 (used for starting values, ``fixed.x``
    moments and SRMR); ``data`` holds each group's rows (NaN where missing).
    ``information`` is the observed information (for standard errors, as lavaan);
    Fisher scoring uses the expected one (``scoring_information``).
    """

    def __init__(self, table: pd.DataFrame, moments: list[Moments], data: list[np.ndarray]):
        super().__init__(table, moments)
        self.patterns = [Patterns.of(x) for x in data]
        h1 = [
            pat.minus2loglik(mo.cov, mo.mean, gradient=False)
            for pat, mo in zip(self.patterns, moments, strict=True)
        ]
        self.h1_value = sum(v[0] for v in h1) / self.n_total
        self._cache: tuple[bytes, np.ndarray] | None = None

    def objective(self, theta: np.ndarray) -> tuple[float, np.ndarray]:
        """F = −2 log L / N (casewise, all groups) and its analytic gradient.

        Examples
        --------
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> hs.loc[hs.index % 5 == 0, "x2"] = float("nan")
        >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3", hs, missing="fiml")
        >>> value, grad = fit.ram_.objective(fit.theta_)  # −2 log L / N
        >>> round(-0.5 * fit.ram_.n_total * value, 3) == round(fit.fit_measures["loglik"], 3)
        True
        """
        total, grad = 0.0, np.zeros(self.n_free)
        for g, pat in enumerate(self.patterns):
            mu = self.implied(theta, g)["mu"]
            sigma, d_sig, d_mu = self.derivatives(theta, g)
            res = pat.minus2loglik(sigma, mu)
            if res is None:
                return 1e10, np.zeros(self.n_free)
            value, g_sigma, g_mu = res
            total += value
            grad += d_sig.reshape(self.n_free, -1) @ g_sigma.ravel() + d_mu @ g_mu
        total /= self.n_total
        if total < self.h1_value - 1e-8 * max(1.0, abs(self.h1_value)):
            return 1e10, np.zeros(self.n_free)  # below the saturated model: only rounding
        return float(total), grad / self.n_total

    def discrepancy(self, theta: np.ndarray) -> float:
        """F(θ) − F(H1), so that χ² = N · discrepancy = −2 (log L_H0 − log L_H1).

        Examples
        --------
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> hs.loc[hs.index % 5 == 0, "x2"] = float("nan")
        >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6", hs, missing="fiml")
        >>> chisq = fit.ram_.n_total * fit.ram_.discrepancy(fit.theta_)
        >>> round(chisq, 3) == round(fit.fit_measures["chisq"], 3)
        True
        """
        return float(self.objective(theta)[0] - self.h1_value)

    def scoring_information(self, theta: np.ndarray) -> np.ndarray:
        """Expected information per row under FIML: Σ_q (n_q / N) [½ tr(P_q ∂Σ P_q ∂Σ) +
        ∂μᵀ P_q ∂μ], P_q = Σ_oo⁻¹ of pattern q padded with zeros.

        Examples
        --------
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> hs.loc[hs.index % 5 == 0, "x2"] = float("nan")
        >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3", hs, missing="fiml")
        >>> fit.ram_.scoring_information(fit.theta_).shape  # 9 free parameters (with means)
        (9, 9)
        """
        p, info = self.p, np.zeros((self.n_free, self.n_free))
        for g, pat in enumerate(self.patterns):
            sigma, d_sig, d_mu = self.derivatives(theta, g)
            parts = pat.inverses(sigma)
            if parts is None:
                return np.full_like(info, np.nan)
            inv, w = parts[1], pat.n / self.n_total
            flat_inv = inv.reshape(len(w), p * p)
            # Σ_q w_q P_q ⊗ P_q, as one matrix product: [(j,i),(k,l)] → [(j,k),(i,l)]
            kron = ((flat_inv.T * w) @ flat_inv).reshape(p, p, p, p).transpose(0, 2, 1, 3)
            flat = d_sig.reshape(self.n_free, p * p)
            info += 0.5 * flat @ kron.reshape(p * p, p * p) @ flat.T
            info += d_mu @ np.tensordot(w, inv, axes=1) @ d_mu.T
        return info

    def information(self, theta: np.ndarray) -> np.ndarray:
        """Observed information per row: ½ × the Hessian of F, by central differences of
        the analytic gradient (step 1e-6; lavaan's five-point stencil gives the same SEs to
        1e-9 at twice the cost). Cached for the last θ.

        Examples
        --------
        >>> import numpy as np
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> hs.loc[hs.index % 5 == 0, "x2"] = float("nan")
        >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3", hs, missing="fiml")
        >>> info = fit.ram_.information(fit.theta_)  # observed information: the FIML SEs
        >>> se = np.sqrt(np.diag(np.linalg.inv(info)) / fit.ram_.n_total)
        >>> bool(np.allclose(se[0], fit.estimates()["se"][1], atol=1e-6))
        True
        """
        key = np.asarray(theta, dtype=float).tobytes()
        if self._cache is not None and self._cache[0] == key:
            return self._cache[1].copy()
        h, k = 1e-6, self.n_free
        hess = np.zeros((k, k))
        for j in range(k):
            step = np.zeros(k)
            step[j] = h
            up, down = self.objective(theta + step)[1], self.objective(theta - step)[1]
            hess[:, j] = (up - down) / (2 * h)
        info = (hess + hess.T) / 4
        self._cache = (key, info)
        return info.copy()

    def with_moments(self, moments: list[Moments]) -> RamModel:
        """Not available: a FIML model is tied to its rows, not to sample moments.

        Examples
        --------
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> hs.loc[hs.index % 5 == 0, "x2"] = float("nan")
        >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3", hs, missing="fiml")
        >>> fit.ram_.with_moments(fit.ram_.moments)
        Traceback (most recent call last):
            ...
        NotImplementedError: with_moments() needs complete data; refit with FIML instead.
        """
        raise NotImplementedError("with_moments() needs complete data; refit with FIML instead.")

    def likelihoods(self, theta: np.ndarray) -> tuple[float, float, float]:
        """log L of the model, of H1 (EM) and of the baseline (independence) model.

        The baseline has every non-exogenous variable's mean and variance free and its
        covariances 0; exogenous observed predictors keep their sample moments (fixed.x).

        Examples
        --------
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> hs.loc[hs.index % 5 == 0, "x2"] = float("nan")
        >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6", hs, missing="fiml")
        >>> model, h1, baseline = fit.ram_.likelihoods(fit.theta_)
        >>> bool(baseline < model < h1)  # log L: independence < model < saturated
        True
        """
        exo = [self.observed.index(v) for v in self.table.attrs.get("exo_observed", [])]
        rest = [j for j in range(self.p) if j not in exo]
        base = 0.0
        for pat, mo in zip(self.patterns, self.moments, strict=True):
            count, _, var = pat.available()
            base -= 0.5 * float(count[rest] @ (_LOG_2PI + np.log(var[rest]) + 1.0))
            if exo:
                logdet = np.linalg.slogdet(mo.cov[np.ix_(exo, exo)])[1]
                base -= 0.5 * mo.n * (len(exo) * (_LOG_2PI + 1.0) + logdet)
        loglik = -0.5 * self.n_total * self.objective(theta)[0]
        return float(loglik), float(-0.5 * self.n_total * self.h1_value), base


def check_missing(missing: str, meanstructure: bool | None) -> bool | None:
    """Validate ``fit(missing=...)``; the mean structure to use (always on for FIML).

    Examples
    --------
    >>> check_missing("fiml", None), check_missing("listwise", None)
    (True, None)
    """
    if missing not in MISSING:
        raise DataError(
            f"missing={missing!r} is not an option; choose one of {', '.join(map(repr, MISSING))}"
            " (lavaan's missing = 'listwise', 'ml' or 'ml.x')."
        )
    if missing == "listwise":
        return meanstructure
    if meanstructure is False:
        raise DataError(
            "missing='fiml' estimates means as well; leave meanstructure at None or True."
        )
    return True


def prepare(
    frame: pd.DataFrame, observed: list[str], group: str | None, exo: list[str]
) -> tuple[list[Moments], list, list[np.ndarray], list[str]]:
    """Rows for FIML from a numeric *frame*: per group the rows (NaN where missing) and
    the EM moments of H1, the group labels, and notes on what was dropped.

    Drops rows with no group, rows empty on every model variable and rows missing an
    exogenous predictor (lavaan with ``fixed.x = TRUE``). Raises
    :class:`~cxlab.errors.DataError` for a variable no row of a group observes, one that
    does not vary, or two variables never observed together.

    Examples
    --------
    >>> import numpy as np
    >>> import pandas as pd
    >>> from cxlab.sem.fiml import prepare
    >>> frame = pd.DataFrame({"x1": [1.0, 2.0, 3.0, 4.0], "x2": [2.0, np.nan, 5.0, 3.0]})
    >>> moments, labels, rows, notes = prepare(frame, ["x1", "x2"], None, [])
    >>> labels, rows[0].shape, notes[0][:43]
    (['all'], (4, 2), 'FIML: 1 of 4 rows have at least one missing')
    """
    notes: list[str] = []
    n_given = len(frame)
    if group:
        frame = frame[frame[group].notna()]
        if len(frame) < n_given:
            notes.append(
                f"{n_given - len(frame):,} rows without a value of {group!r} were dropped."
            )
    empty = frame[observed].isna().all(axis=1)
    frame = frame[~empty]
    if exo:
        gap = frame[exo].isna().any(axis=1)
        if gap.any():
            notes.append(
                f"{int(gap.sum()):,} rows missing an exogenous predictor ({', '.join(exo)}) were "
                "dropped, as lavaan does with fixed.x = TRUE; missing='fiml.x' keeps them "
                "(the predictors' means and covariances estimated by FIML, as lavaan's "
                "missing = 'ml.x')."
            )
        frame = frame[~gap]
    labels = list(dict.fromkeys(frame[group])) if group else ["all"]
    data, moments, n_patterns = [], [], 0
    for label in labels:
        x = (frame[frame[group] == label] if group else frame)[observed].to_numpy(dtype=float)
        where = f" in group {label!r}" if group else ""
        seen = ~np.isnan(x)
        never = [c for c, s in zip(observed, seen.any(axis=0), strict=True) if not s]
        if never:
            raise DataError(
                f"Column(s) {', '.join(never)} have no observed value{where}; FIML cannot "
                "estimate their moments. Drop them from the model (or the group)."
            )
        pat = Patterns.of(x)
        _, _, var = pat.available()
        flat = [c for c, v in zip(observed, var, strict=True) if not v > 0]
        if flat:
            raise DataError(f"Column(s) {', '.join(flat)} do not vary{where}.")
        together = seen.T.astype(int) @ seen.astype(int)
        i, j = np.nonzero(np.triu(together == 0))
        if len(i):
            pairs = ", ".join(
                f"{observed[a]} & {observed[b]}" for a, b in zip(i[:5], j[:5], strict=True)
            )
            raise DataError(
                f"No row observes both of {pairs}{where}, so their covariance cannot be "
                "estimated; drop one of each pair or collect data on both."
            )
        cov, mean = em_moments(pat)
        if np.linalg.eigvalsh(cov)[0] <= 1e-10 * max(1.0, float(np.max(np.diag(cov)))):
            raise DataError(
                f"The EM estimate of the covariance matrix{where} is not positive definite "
                f"({len(x)} rows, {len(observed)} variables): too few rows or a variable that "
                "is a linear combination of others."
            )
        data.append(x)
        moments.append(Moments(len(x), cov, mean))
        n_patterns += len(pat.n)
    n_used = sum(len(x) for x in data)
    n_incomplete = sum(int(np.isnan(x).any(axis=1).sum()) for x in data)
    notes.insert(
        0,
        f"FIML: {n_incomplete:,} of {n_used:,} rows have at least one missing value; "
        f"{n_patterns} missing-data pattern{'s' if n_patterns != 1 else ''}; "
        f"{int(empty.sum()):,} rows empty on every model variable were dropped.",
    )
    return moments, labels, data, notes
