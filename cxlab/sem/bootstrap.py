"""Nonparametric bootstrap of a fitted SEM: percentile and BCa confidence intervals for
every parameter and every defined effect (``:=``, e.g. an indirect effect a*b).

Each draw resamples respondents with replacement (within each group) and refits the
model from the full-sample estimates by Newton's method with step halving, vectorised
over parameters (:mod:`cxlab.sem._refit`: the exact Hessian, or the expected
information where that is not positive definite); a draw where that does not converge,
and every draw of a model with ``==`` / ``<`` / ``>`` constraints, is refitted as before
by BFGS (analytic gradient, the inverse of the full-sample information as the initial
inverse Hessian) and Fisher scoring (:func:`refit`). Draws that do not converge either
way (largest gradient element ≥ 1e-6) are left out and counted.
Draws that converge to a negative variance are kept by default, as lavaan keeps them:
leaving them out would cut one tail off the sampling distribution whenever a variance
lies near 0 (Political Democracy: a third of the draws); ``inadmissible="drop"`` leaves
them out. ``summary()`` says how many draws of each kind there were. Draws run on
all cores with joblib; the resampling indices come from one seeded generator, so the
same seed gives the same result on any number of cores.

# In R: lavaan::sem(model, data, se = "bootstrap", bootstrap = B) and
# parameterEstimates(fit, boot.ci.type = "perc" | "bca.simple")
# ci="bc" is lavaan's "bca.simple" (bias-corrected, no acceleration); ci="bca" is the full
# BCa of Efron (1987) with the acceleration from a jackknife, which lavaan does not offer.

Examples
--------
>>> import cxlab as cx
>>> pdem = cx.datasets.load("political_democracy")
>>> model = ("ind60 =~ x1 + x2 + x3\\ndem60 =~ y1 + y2 + y3 + y4\\ndem65 =~ y5 + y6 + y7 + y8\\n"
...          "dem60 ~ a*ind60\\ndem65 ~ b*dem60\\nind := a*b")
>>> boot = cx.sem.fit(model, pdem).bootstrap(B=50, seed=1, n_jobs=1)
>>> boot.n_ok + boot.n_dropped
50
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from scipy import optimize, stats

from cxlab._conventions import as_frame, deprecated
from cxlab._parallel import map_chunks, n_workers, on_cluster, one_blas_thread
from cxlab.errors import DataError, EstimationError
from cxlab.models.defined import evaluate_defined
from cxlab.sem._draws import draws_table, html_view, plot_draws, renamed
from cxlab.sem._refit import Refitter
from cxlab.sem.constraints import fit_constrained
from cxlab.sem.engine import Moments, RamModel, _decrement, _scoring

if TYPE_CHECKING:
    from distributed import Client
    from matplotlib.axes import Axes

    from cxlab.sem.fitting import SEMFit
    from cxlab.viz import Lang

__all__ = ["BootstrapResult", "bootstrap"]


@dataclass
class BootstrapResult:
    """Bootstrap estimates: ``table`` (lhs, op, rhs, (group), label, est, se, ci_low,
    ci_high per parameter; ``se`` is the bootstrap SE, the SD of the draws, as
    ``table.attrs["se"]`` says), ``draws`` (B × rows of the table, dropped draws removed),
    counts and settings. ``summary()`` says what happened to the draws, ``to_frame()`` is
    the table, ``plot(parameter=...)`` the histogram of one parameter's draws."""

    table: pd.DataFrame
    draws: np.ndarray
    n_ok: int
    n_dropped: int
    B: int
    seed: int
    ci: str
    level: float
    n_nonconverged: int = 0
    n_inadmissible: int = 0
    inadmissible: str = "keep"

    def summary(self) -> str:
        """How many draws were used, and what happened to the others.

        Examples
        --------
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6", hs)
        >>> text = fit.bootstrap(B=20, seed=1, n_jobs=1, progress=False).summary()
        >>> print(*text.split("; "), sep="\\n")
        20 bootstrap draws: 0 did not converge (left out)
        0 converged to a solution with a negative variance (kept, as lavaan does)
        20 used.
        """
        text = (
            f"{self.B} bootstrap draws: {self.n_nonconverged} did not converge (left out); "
            f"{self.n_inadmissible} converged to a solution with a negative variance "
            f"({'kept, as lavaan does' if self.inadmissible == 'keep' else 'left out'}); "
            f"{self.n_ok} used."
        )
        if self.n_inadmissible > 0.05 * self.B:
            text += (
                " Many draws are inadmissible: the full-sample solution lies near a boundary "
                "(a variance close to 0), so interpret the intervals with care."
            )
        return text

    def report(self) -> str:
        """Deprecated name of :meth:`summary` (goes in cxlab 0.3).

        Examples
        --------
        >>> import warnings
        >>> import cxlab as cx
        >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3", cx.datasets.load("holzinger_swineford"))
        >>> boot = fit.bootstrap(B=20, seed=1, n_jobs=1, progress=False)
        >>> with warnings.catch_warnings():
        ...     warnings.simplefilter("ignore", DeprecationWarning)
        ...     boot.report() == boot.summary()
        True
        """
        deprecated("BootstrapResult.report()", "BootstrapResult.summary()")
        return self.summary()

    def to_frame(self) -> pd.DataFrame:
        """The table: lhs, op, rhs, (group), label, est, se (bootstrap SE), ci_low, ci_high.

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3", cx.datasets.load("holzinger_swineford"))
        >>> frame = fit.bootstrap(B=20, seed=1, n_jobs=1, progress=False).to_frame()
        >>> list(frame.columns)
        ['lhs', 'op', 'rhs', 'label', 'est', 'se', 'ci_low', 'ci_high']
        """
        return self.table.copy()

    def plot(
        self,
        *,
        ax: Axes | None = None,
        parameter: str | int | None = None,
        lang: Lang | None = None,
    ) -> Axes:
        """Histogram of the draws of one parameter or defined effect, its estimate and
        interval marked; returns the matplotlib Axes.

        ``parameter`` is a label (``"a"``), a defined parameter (``"ind"``), ``"lhs op rhs"``
        (``"dem60 ~ ind60"``) or a row number of the table; by default the first defined
        parameter (else the first free one). With several groups the first match is drawn.
        ``lang`` ("en" or "zh") is the language of the title, labels and legend; default:
        the notebook's (:func:`cxlab.viz.language`, set by ``cx.viz.set_theme(lang=...)``).

        Examples
        --------
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> boot = cx.sem.fit("visual =~ x1 + a*x2 + b*x3\\nratio := a/b", hs).bootstrap(
        ...     B=20, seed=1, n_jobs=1, progress=False)
        >>> boot.plot(parameter="visual =~ x2").get_title()
        'visual =~ x2: 20 bootstrap draws'
        >>> boot.plot(parameter="visual =~ x2", lang="zh").get_title()
        'visual =~ x2：20 次自助法抽样'
        """
        return plot_draws(
            self.table, self.draws, parameter, "bootstrap", ax,
            level=self.level, method=self.ci, lang=lang,
        )  # fmt: skip

    def defined(self) -> pd.DataFrame:
        """Rows of the defined parameters (``:=``) only.

        Examples
        --------
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> model = "visual =~ x1 + a*x2 + b*x3\\nratio := a/b"
        >>> boot = cx.sem.fit(model, hs).bootstrap(B=20, seed=1, n_jobs=1, progress=False)
        >>> boot.defined()[["lhs", "op", "rhs", "est"]].round(3)
             lhs  op  rhs    est
        0  ratio  :=  a/b  0.702
        """
        return self.table[self.table["op"] == ":="].reset_index(drop=True)

    def _repr_html_(self) -> str:
        return html_view("SEM bootstrap", self.summary(), self.table)

    def __repr__(self) -> str:
        return (
            f"BootstrapResult(B={self.B}, kept={self.n_ok}, dropped={self.n_dropped}, "
            f"ci={self.ci!r}, seed={self.seed})"
        )


def refit(
    ram: RamModel, theta0: np.ndarray, moments: list[Moments], h0: np.ndarray | None = None
) -> np.ndarray | None:
    """Refit on a resample: BFGS from the full-sample solution with the inverse of the
    full-sample information as the starting inverse Hessian (about 18 iterations on
    Political Democracy), then Fisher scoring if that did not converge. The bootstrap's
    fallback where the Newton refit of :mod:`cxlab.sem._refit` does not converge, and its
    path for models with constraints (refitted under them).

    Examples
    --------
    >>> import numpy as np
    >>> import cxlab as cx
    >>> from cxlab.sem.bootstrap import refit
    >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3", cx.datasets.load("holzinger_swineford"))
    >>> theta = refit(fit.ram_, fit.theta_, fit.ram_.moments)  # the same sample: same solution
    >>> bool(np.allclose(theta, fit.theta_, atol=1e-5))
    True
    """
    model = ram.with_moments(moments)
    if getattr(model, "constraints", None) is not None:  # '==', '<', '>': refit under them
        theta, info = fit_constrained(model, start=theta0)
        return theta if info["converged"] else None
    theta = theta0
    if h0 is not None:
        result = optimize.minimize(
            model.objective,
            theta0,
            jac=True,
            method="BFGS",
            options={"hess_inv0": h0, "gtol": 1e-7, "maxiter": 500},
        )
        theta = result.x
    if np.max(np.abs(model.objective(theta)[1]), initial=0) > 1e-6:
        theta, _ = _scoring(model, theta, 100, gtol=1e-7)
    value, grad = model.objective(theta)
    if value >= 1e9 or not np.all(np.isfinite(theta)):
        return None
    max_grad = np.max(np.abs(grad), initial=0)
    if max_grad > 1e-4 or (max_grad > 1e-6 and _decrement(model, theta, grad) > 1e-12):
        return None
    return theta


def _moments(groups: list[np.ndarray], rows: list[np.ndarray]) -> list[Moments]:
    out = []
    for x, idx in zip(groups, rows, strict=True):
        sample = x[idx]
        out.append(Moments(len(sample), np.cov(sample, rowvar=False, bias=True), sample.mean(0)))
    return out


def _sample_moments(groups: list[np.ndarray], rows: list[np.ndarray]) -> list[tuple]:
    """(n, biased covariance, means) of each group's resampled rows, as np.cov gives them."""
    out = []
    for x, idx in zip(groups, rows, strict=True):
        sample = x[idx]
        mean = sample.mean(0)
        centred = sample - mean
        out.append((len(sample), (centred.T @ centred) * (1.0 / len(sample)), mean))
    return out


def _batch(ram, theta, groups, index_batch):
    """The refitted parameters of each draw (None where it did not converge): Newton /
    Fisher scoring from the full-sample solution (:class:`~cxlab.sem._refit.Refitter`),
    today's BFGS (:func:`refit`) where that does not converge or the model has
    constraints."""
    refitter = None if getattr(ram, "constraints", None) is not None else Refitter(ram, theta)
    start: dict[str, np.ndarray | None] = {}  # the fallback's inverse Hessian, when needed
    results = []
    with one_blas_thread():  # small matrices: BLAS threads cost more than they save
        for rows in index_batch:
            th = None
            if refitter is not None:
                try:
                    th = refitter.refit(_sample_moments(groups, rows))
                except (np.linalg.LinAlgError, ValueError):
                    th = None
            if th is None:
                if "h0" not in start:
                    start["h0"] = _start_hessian(ram, theta)
                try:
                    th = refit(ram, theta, _moments(groups, rows), start["h0"])
                except (np.linalg.LinAlgError, EstimationError, ValueError):
                    th = None
            results.append(th)
    return results


def _start_hessian(ram: RamModel, theta: np.ndarray) -> np.ndarray | None:
    """BFGS's starting inverse Hessian: that of F ≈ 2 I at the full-sample solution."""
    try:
        info = ram.information(theta)
        h0 = np.linalg.inv(info + info.T)
        h0 = (h0 + h0.T) / 2
        np.linalg.cholesky(h0)
    except np.linalg.LinAlgError:
        return None
    return h0


def _values_of_draws(layout, thetas: np.ndarray) -> np.ndarray:
    """Every table row's value in every draw (draws × rows), ``:=`` rows evaluated on
    the columns at once: row by row the same numbers as ``results.values``."""
    free = layout.free
    est = np.where(free > 0, thetas[:, np.maximum(free - 1, 0)], layout.value)
    if layout.defined:
        named = {lab: est[:, k].copy() for lab, k in layout.labels.items()}
        for k, name, expression in layout.defined:
            est[:, k] = evaluate_defined(expression, named)
            named[name] = est[:, k].copy()
    return est


def bootstrap(
    fit: SEMFit,
    data: pd.DataFrame,
    *,
    B: int = 1000,
    seed: int | None = None,
    ci: str = "percentile",
    level: float = 0.95,
    n_jobs: int | None = -1,
    inadmissible: str = "keep",
    progress: bool = True,
    client: Client | str | None = None,
) -> BootstrapResult:
    """Bootstrap *fit* (fitted on *data*, a DataFrame or a Survey) B times; see the
    module docstring.

    ``seed`` is required (any integer: the same seed gives the same draws); ``ci`` is the
    interval method ("percentile", "bc", "bca"), ``level`` the confidence level.
    ``n_jobs=-1`` uses every core; ``progress`` shows a progress bar (tqdm). ``client``
    (a ``distributed.Client`` or a scheduler address such as ``"tcp://10.0.0.5:8786"``)
    runs the draws on that Dask cluster instead, with the same result for the same seed.

    Examples
    --------
    >>> import cxlab as cx
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6", hs)
    >>> boot = cx.sem.bootstrap(fit, hs, B=20, seed=1, n_jobs=1, progress=False)
    >>> boot.n_ok, boot.draws.shape[0]
    (20, 20)
    """
    from cxlab.sem.results import Layout
    from cxlab.sem.results import values as layout_values

    if seed is None:
        raise DataError(
            "The bootstrap resamples respondents at random: pass seed= (any integer, e.g. "
            "seed=1) so that the intervals can be reproduced."
        )
    data = as_frame(data)
    if inadmissible not in ("keep", "drop"):
        raise DataError(f"inadmissible must be 'keep' or 'drop', not {inadmissible!r}.")
    if ci not in ("percentile", "bc", "bca"):
        raise DataError(f"ci must be 'percentile', 'bc' or 'bca', not {ci!r}.")
    if B < 10:
        raise DataError(f"B = {B} is too few draws; use at least 1000 for a 95 % interval.")
    if fit.meta.get("missing", "listwise") != "listwise":
        raise DataError(
            "The bootstrap is not available for missing='fiml' yet (resampling would use the "
            "complete rows only). Report the FIML standard errors, use fit.monte_carlo_ci() "
            "for defined effects, or refit with missing='listwise' to bootstrap."
        )
    fit.require_admissible()
    ram: RamModel = fit.ram_
    theta = fit.theta_
    table = fit.table
    layout = Layout.of(ram.table, ram)
    observed = ram.observed
    group = fit.meta.get("group")
    frame = data.dropna(subset=observed + ([group] if group else []))
    groups = [
        (frame[frame[group] == label] if group else frame)[observed].to_numpy(dtype=float)
        for label in fit.groups
    ]
    rng = np.random.default_rng(seed)
    indices = [[rng.integers(0, len(x), len(x)) for x in groups] for _ in range(B)]
    variance_rows = np.flatnonzero(
        ((table["op"] == "~~") & (table["lhs"] == table["rhs"])).to_numpy()
    )

    def values_fn(th: np.ndarray) -> np.ndarray:
        return layout_values(layout, th)

    with on_cluster(client, n_jobs) as jobs:
        workers = n_workers(jobs)
        # in parallel every chunk ships the model to a worker: few chunks; serially, many
        # chunks cost nothing and make the progress bar smoother
        chunks = np.array_split(np.arange(B), min(B, 4 * workers if workers > 1 else 20))
        tasks = [(ram, theta, groups, [indices[i] for i in c]) for c in chunks]
        parts = map_chunks(
            _batch, tasks, n_jobs=workers, total=B, desc="bootstrap", unit="draw",
            progress=progress,
        )  # fmt: skip
    thetas = [th for part in parts for th in part]
    done = [th for th in thetas if th is not None]
    if done:
        values = _values_of_draws(layout, np.array(done))
        admissible = ~np.any(values[:, variance_rows] < 0, axis=1)
    else:
        values, admissible = np.zeros((0, len(table))), np.zeros(0, dtype=bool)
    n_converged = len(done)
    n_inadmissible = int(np.sum(~admissible))
    kept = values if inadmissible == "keep" else values[admissible]
    n_ok = len(kept)
    if n_ok < max(10, 0.5 * B):
        raise EstimationError(
            f"Only {n_ok} of {B} bootstrap draws converged to admissible solutions; the model "
            "is too unstable for the bootstrap at this sample size."
        )
    est = layout_values(layout, theta)
    alpha = 1 - level
    if ci == "percentile":
        lo, hi = np.nanpercentile(kept, [100 * alpha / 2, 100 * (1 - alpha / 2)], axis=0)
    else:
        lo, hi = _bca(kept, est, ram, theta, groups, values_fn, alpha, accelerate=ci == "bca")
    out = draws_table(table, est, kept, lo, hi)
    method = {"percentile": "percentile", "bc": "bias-corrected", "bca": "BCa"}[ci]
    out = renamed(
        out,
        "boot_se",
        f"bootstrap SE: SD of the {n_ok} draws used",
        f"{level:.0%} bootstrap {method} interval",
    )
    return BootstrapResult(
        out,
        kept,
        n_ok,
        B - n_ok,
        B,
        seed,
        ci,
        level,
        B - n_converged,
        n_inadmissible,
        inadmissible,
    )


def _bca(kept, est, ram, theta, groups, values_fn, alpha, accelerate=True):
    """Bias-corrected (and, with ``accelerate``, accelerated) intervals (Efron 1987); the
    acceleration comes from a jackknife over respondents, refitted as the draws are."""
    with np.errstate(divide="ignore", invalid="ignore"):
        z0 = stats.norm.ppf(np.mean(kept < est, axis=0))
    if not accelerate:
        return _adjusted_percentiles(kept, z0, np.zeros(kept.shape[1]), alpha)
    leave_one_out = []
    for g, x in enumerate(groups):
        for i in range(len(x)):
            rows = [np.arange(len(y)) for y in groups]
            rows[g] = np.delete(rows[g], i)
            leave_one_out.append(rows)
    jack = np.array(
        [values_fn(th) for th in _batch(ram, theta, groups, leave_one_out) if th is not None]
    )
    d = jack.mean(axis=0) - jack
    with np.errstate(divide="ignore", invalid="ignore"):
        acc = np.sum(d**3, axis=0) / (6 * np.sum(d**2, axis=0) ** 1.5)
    return _adjusted_percentiles(kept, z0, np.nan_to_num(acc), alpha)


def _adjusted_percentiles(kept, z0, acc, alpha):
    bounds = []
    for q in (alpha / 2, 1 - alpha / 2):
        zq = stats.norm.ppf(q)
        with np.errstate(divide="ignore", invalid="ignore"):
            adj = stats.norm.cdf(z0 + (z0 + zq) / (1 - acc * (z0 + zq)))
        adj = np.where(np.isfinite(adj), adj, q)
        bounds.append(
            np.array([np.nanpercentile(kept[:, k], 100 * adj[k]) for k in range(kept.shape[1])])
        )
    return bounds[0], bounds[1]
