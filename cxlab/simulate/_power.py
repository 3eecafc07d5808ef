"""Monte-Carlo power and sample size for a path or an indirect effect (private; public as
:func:`cxlab.simulate.power`).

Each replication draws *n* respondents from the standardized population model with
:func:`cxlab.simulate.simulate`'s generator, fits the analysis model exactly as
:func:`cxlab.sem.fit` does with the chosen ``estimator`` (ML by default; MLR and MLM: the
ML estimates with robust SEs; WLSMV: the Likert items passed as ``ordered``), and tests
the effect. Power is the share of usable
replications in which the test rejects "effect = 0" at level ``alpha``; replications
that do not converge or end inadmissible (a negative variance, a standardized estimate
beyond ±1, …) are counted and reported, never silently dropped.

Speed: a replication reuses the parsed model and refits it from the population solution
(the same ML fit function, gradient and convergence rule as ``cx.sem.fit``, so the same
estimates to about 1e-7; MLR and MLM then add the same sandwich covariance as
``cx.sem.fit``, :func:`cxlab.sem.robust.robust`); when that refit does not converge, the
replication is refitted from scratch with ``cx.sem.fit`` itself before it counts as
non-converged. WLSMV replications are always fitted with ``cx.sem.fit(...,
ordered=items)``. ``fast=False``
refits every replication with ``cx.sem.fit`` (slower, same numbers; the tests compare
them). The one possible difference: a sample on which ``cx.sem.fit`` does not converge
from its default start values, but the refit from the population solution does, counts
as converged in fast mode (rare, and only with tiny samples or weak items).

Randomness: replication *r* at sample size *n* draws from
``numpy.random.SeedSequence([seed, n, r])``, so the result depends on the seed only — not
on the number of cores, the chunking or the backend — and the power at n = 200 is the
same whether the grid is ``[200]`` or ``[50, 100, 200]``.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from cxlab._intervals import wilson
from cxlab._parallel import map_chunks, n_workers, on_cluster
from cxlab.errors import DataError, EstimationError, ModelSpecError
from cxlab.simulate._power_result import PowerResult

if TYPE_CHECKING:
    from distributed import Client

    from cxlab.sem.engine import RamModel

TESTS = ("z", "t", "montecarlo")
#: the estimators a power analysis can fit each replication with (lavaan's names)
ESTIMATORS = ("ML", "MLR", "MLM", "WLSMV")
_PATH = re.compile(r"^\s*([A-Za-z_.][\w.]*)\s*~\s*([A-Za-z_.][\w.]*)\s*$")
_OK, _NONCONVERGED, _INADMISSIBLE = 0, 1, 2


# -- the job: everything a replication needs, built once ------------------------------
@dataclass
class _Target:
    label: str
    rows: list[int]  # parameter-table rows multiplied (one for a path); empty: defined
    defined: int | None  # row of a ':=' parameter
    outcome: str
    predictors: int


@dataclass
class _Job:
    pop: Any
    analysis_model: str
    observed: list[str]
    ram: RamModel
    theta0: np.ndarray
    layout: Any
    exo: list[tuple[str, int, int, int, int]]
    target: _Target
    test: str
    alpha: float
    likert: int | None
    thresholds: str
    mc_draws: int
    fast: bool
    estimator: str = "ML"
    ordered: list[str] | None = None  # the Likert items fitted as ordered (WLSMV)
    dfs: tuple[int, int] = (0, 0)  # the model's and the baseline model's df (robust SEs)
    effect: str = ""  # as written: a WLSMV replication finds it in its own table


def _target(effect: str, table: pd.DataFrame) -> _Target:
    params = table[(table.op != ":=") & (table.group <= 1)]

    def path_row(lhs: str, rhs: str) -> int:
        hit = params[(params.op == "~") & (params.lhs == lhs) & (params.rhs == rhs)]
        if hit.empty or int(hit["free"].iloc[0]) == 0:
            paths = [f"{r.lhs} ~ {r.rhs}" for r in params[params.op == "~"].itertuples()]
            raise ModelSpecError(
                f"effect: {lhs} ~ {rhs} is not a free path of the analysis model; its paths "
                f"are {', '.join(paths) or 'none'}."
            )
        return int(hit.index[0])

    def predictors(lhs: str) -> int:
        return int(((params.op == "~") & (params.lhs == lhs)).sum())

    effect = effect.strip()
    match = _PATH.match(effect)
    if match:
        lhs, rhs = match.groups()
        return _Target(f"{lhs} ~ {rhs}", [path_row(lhs, rhs)], None, lhs, predictors(lhs))
    if "->" in effect:
        chain = [part.strip() for part in effect.split("->")]
        if len(chain) < 3 or not all(chain):
            raise ModelSpecError(
                f"effect {effect!r}: an indirect effect names at least three variables, "
                "e.g. 'X -> M -> Y'."
            )
        rows = [path_row(b, a) for a, b in itertools.pairwise(chain)]
        return _Target(" → ".join(chain), rows, None, chain[-1], predictors(chain[-1]))
    defined = table[(table.op == ":=") & (table.lhs == effect)]
    if len(defined):
        return _Target(effect, [], int(defined.index[0]), "", 0)
    raise ModelSpecError(
        f"effect {effect!r}: write a path 'Y ~ X', an indirect effect 'X -> M -> Y', or the "
        "name of a ':=' parameter of analysis_model."
    )


def _population_value(target: _Target, pop: Any, table: pd.DataFrame) -> float:
    truth = {(r.lhs, r.rhs): r.value for r in pop.table.itertuples() if r.op == "~"}
    if target.defined is None:
        rows = table.loc[target.rows]
        return float(np.prod([truth.get((r.lhs, r.rhs), np.nan) for r in rows.itertuples()]))
    from cxlab.models.defined import evaluate_defined

    values = {
        r.label: truth.get((r.lhs, r.rhs), np.nan)
        for r in table.itertuples()
        if r.label and r.op == "~"
    }
    try:
        return float(evaluate_defined(table.loc[target.defined, "rhs"], values))
    except ModelSpecError:
        return math.nan


def _effect_values(
    job: _Job, thetas: np.ndarray, lay: Any = None, target: Any = None
) -> np.ndarray:
    """The effect at each row of *thetas* (draws × free parameters), vectorised; *lay*
    and *target* default to the job's (a WLSMV replication brings its own table)."""
    lay = job.layout if lay is None else lay
    target = job.target if target is None else target
    free = lay.free
    cols = np.where(free > 0, free - 1, 0)
    values = np.where(free > 0, thetas[:, cols], lay.value)
    if target.defined is None:
        return np.prod(values[:, target.rows], axis=1)
    from cxlab.models.defined import evaluate_defined

    named = {lab: values[:, k] for lab, k in lay.labels.items()}
    out = np.full(len(thetas), np.nan)
    for k, name, expression in lay.defined:
        out = np.asarray(evaluate_defined(expression, named), dtype=float) * np.ones(len(thetas))
        named[name] = out
        if k == target.defined:
            return out
    return out


def _refuse_constraints(analysis: str) -> None:
    """The fast refits of the power analysis are unconstrained ML: refuse '==', '<', '>'."""
    from cxlab.models.syntax import statements

    for st in statements(analysis):
        if st.op in ("==", "<", ">"):
            raise ModelSpecError(
                f"Line {st.line} of the analysis model ('{st.text}'): constraints ('==', '<', "
                "'>') are not available in the power analysis; hold parameters equal by "
                "giving them the same label (e.g. 'y ~ b*x1 + b*x2')."
            )


def _build(
    model: str,
    effect: str,
    analysis_model: str | None,
    sizes: list[int],
    *,
    seed: int,
    test: str,
    alpha: float,
    likert: int | None,
    thresholds: str,
    mc_draws: int,
    fast: bool,
    estimator: str = "ML",
) -> tuple[_Job, float]:
    from cxlab import sem
    from cxlab.simulate.generate import _draw, _population, strip_values

    pop = _population(model)
    analysis = analysis_model if analysis_model is not None else strip_values(model)
    _refuse_constraints(analysis)
    rng = np.random.default_rng(np.random.SeedSequence([seed, 0, 2**31]))
    _, columns = _draw(pop, 5000, rng)
    frame = pd.DataFrame(columns)
    if likert:
        frame = _cut(frame, list(pop.items), likert, thresholds)
    ordered = list(pop.items) if estimator == "WLSMV" else None
    if estimator == "WLSMV" and not ordered:
        raise DataError(
            "estimator='WLSMV' needs Likert items, but the population model has no "
            "indicators (=~ lines) to cut into categories; use estimator='ML' or 'MLR'."
        )
    template = sem.fit(analysis, frame, estimator=estimator, ordered=ordered)
    if not template.admissible:
        raise EstimationError(
            "The analysis model cannot be fitted to 5,000 respondents drawn from the "
            f"population model, so its power cannot be simulated.\n{template.diagnosis()}"
        )
    ram = template.ram_
    smallest = max(ram.n_free, ram.p) + 1
    if min(sizes) <= smallest:
        raise DataError(
            f"n = {min(sizes)} is too small for a model with {ram.n_free} free parameters "
            f"and {ram.p} observed variables; use n > {smallest}."
        )
    if estimator in ("MLR", "MLM"):  # cx.sem.fit's own check: more rows than moments
        from cxlab.sem.robust import check_estimator as _sem_estimator

        moments = ram.p * (ram.p + 1) // 2 + (ram.p if ram.meanstructure else 0)
        _sem_estimator(estimator, "listwise", min(sizes), moments)
    from cxlab.sem.results import Layout as _Layout

    table = template.table if estimator == "WLSMV" else ram.table
    target = _target(effect, table)
    if test == "t" and (target.defined is not None or len(target.rows) > 1):
        raise DataError(
            "test='t' exists for a single path only; test an indirect effect with "
            "test='montecarlo' (recommended) or 'z' (delta method, Sobel)."
        )
    index = {v: i for i, v in enumerate(ram.variables)}
    pos = {v: i for i, v in enumerate(ram.observed)}
    exo = [
        (
            "S" if r.op == "~~" else "M",
            index[r.lhs],
            index.get(r.rhs, 0),
            pos[r.lhs],
            pos.get(r.rhs, 0),
        )
        for r in table[table.exo].itertuples()
    ]
    job = _Job(
        pop, analysis, list(ram.observed), ram, template.theta_.copy(), _Layout.of(table, ram),
        exo, target, test, alpha, likert, thresholds, mc_draws, fast, estimator, ordered,
        (int(template.fit_measures["df"]), int(template.fit_measures["baseline_df"])), effect,
    )  # fmt: skip
    return job, _population_value(target, pop, table)


def _cut(frame: pd.DataFrame, items: list[str], k: int, thresholds: str) -> pd.DataFrame:
    from cxlab.simulate.generate import _discretise

    return _discretise(frame, items, k, thresholds)


# -- one replication -----------------------------------------------------------------
def _with_data(job: _Job, x: np.ndarray) -> RamModel:
    from cxlab.sem.engine import Moments

    mo = Moments(len(x), np.cov(x, rowvar=False, bias=True), x.mean(axis=0))
    model = job.ram.with_moments([mo])
    a, s, m = (part.copy() for part in job.ram.fixed[0])
    for kind, i, j, pi, pj in job.exo:  # fixed.x: the sample's own moments, as sem.fit
        if kind == "S":
            s[i, j] = s[j, i] = mo.cov[pi, pj]
        else:
            m[i] = mo.mean[pi]
    model.fixed = [(a, s, m)]
    return model


def _admissible(job: _Job, ram: RamModel, theta: np.ndarray) -> bool:
    """The checks of :func:`cxlab.sem.results._check`, on arrays."""
    from cxlab.sem.results import std_values as _std_values
    from cxlab.sem.results import values as _values

    lay = job.layout
    est, std = _values(lay, theta), _std_values(lay, ram, theta)
    if np.any((lay.kind == 2) & (est < 0)):
        return False
    if np.any(np.isin(lay.kind, (0, 1, 3)) & (np.abs(std) > 1)):
        return False
    k = len(ram.observed)
    resid = ram.matrices(theta, 0)[1][:k, :k]
    if np.count_nonzero(resid - np.diag(np.diag(resid))) and np.all(np.diag(resid) >= 0):
        eig = np.linalg.eigvalsh(resid)
        if eig.min() < -1e-8 * max(1.0, eig.max()):
            return False
    info = ram.information(theta)
    eig = np.linalg.eigvalsh((info + info.T) / 2)
    if eig.min() <= 1e-10 * max(1.0, eig.max()):
        return False
    if ram.latent:
        eig = np.linalg.eigvalsh(ram.implied(theta, 0)["cov_all"][k:, k:])
        if eig.min() <= 1e-8 * max(1.0, eig.max()):
            return False
    return True


def _full_fit(job: _Job, x: np.ndarray) -> tuple[int, Any, Any, Any, Any, Any]:
    """(status, RAM model, θ, covariance of θ, layout, target) of ``cx.sem.fit`` on *x*;
    layout and target are the job's, except for WLSMV, whose table (thresholds included:
    a category nobody chose has none) belongs to the replication."""
    from cxlab import sem
    from cxlab.errors import CxlabError

    frame = pd.DataFrame(x, columns=job.observed)
    if job.ordered:
        frame[job.ordered] = frame[job.ordered].astype("int64")
    try:
        fit = sem.fit(job.analysis_model, frame, estimator=job.estimator, ordered=job.ordered)
    except CxlabError:  # e.g. an item without variance in a small sample: cannot be fitted
        return _NONCONVERGED, None, None, None, None, None
    if not fit.converged:
        return _NONCONVERGED, None, None, None, None, None
    if fit.problems:
        return _INADMISSIBLE, None, None, None, None, None
    vcov = np.asarray(fit.table.attrs["vcov"], dtype=float)
    if job.estimator != "WLSMV":
        return _OK, fit.ram_, fit.theta_, vcov, job.layout, job.target
    from cxlab.sem.results import Layout as _Layout

    table = fit.table
    return _OK, fit.ram_, fit.theta_, vcov, _Layout.of(table, fit.ram_), _target(job.effect, table)


def _vcov(job: _Job, ram: RamModel, theta: np.ndarray, x: np.ndarray) -> np.ndarray:
    """The covariance of the estimates of a fast refit: the inverse information (ML) or
    the sandwich of ``cx.sem.fit(..., estimator="MLR" | "MLM")``."""
    if job.estimator == "ML":
        return np.linalg.inv(ram.n_total * ram.information(theta))
    from cxlab.sem.robust import robust

    return robust(ram, theta, job.estimator, [x], *job.dfs).vcov


def _one(job: _Job, n: int, rep: int, seed: int) -> tuple[int, float, float, bool]:
    """(status, estimate, SE, rejects) of replication *rep* at sample size *n*."""
    from scipy import special

    from cxlab.sem.bootstrap import refit as _refit
    from cxlab.simulate.generate import _draw, likert_cuts

    rng = np.random.default_rng(np.random.SeedSequence([seed, n, rep]))
    _, columns = _draw(job.pop, n, rng)
    if job.likert:  # as simulate(likert=k): 1 + the number of cut points below the value
        cuts = np.sort(likert_cuts(job.likert, job.thresholds))
        for item in job.pop.items:
            columns[item] = np.searchsorted(cuts, columns[item]) + 1
    x = np.column_stack([columns[v] for v in job.observed]).astype(float)
    theta, vcov, lay, target = None, None, job.layout, job.target
    if job.fast and job.estimator != "WLSMV" and np.all(np.ptp(x, axis=0) > 0):
        ram = _with_data(job, x)
        try:
            theta = _refit(ram, job.theta0, ram.moments)
        except (np.linalg.LinAlgError, EstimationError, ValueError):
            theta = None
        status = _OK if theta is None or _admissible(job, ram, theta) else _INADMISSIBLE
        if theta is not None and status == _OK:
            try:
                vcov = _vcov(job, ram, theta, x)
            except np.linalg.LinAlgError:
                return _INADMISSIBLE, math.nan, math.nan, False
    if theta is None:
        status, ram, theta, vcov, lay, target = _full_fit(job, x)
    if status != _OK:
        return status, math.nan, math.nan, False
    if not np.all(np.isfinite(vcov)):
        return _INADMISSIBLE, math.nan, math.nan, False
    est = float(_effect_values(job, theta[None, :], lay, target)[0])
    step = 1e-6
    eye = np.eye(len(theta)) * step
    grad = (
        _effect_values(job, theta + eye, lay, target)
        - _effect_values(job, theta - eye, lay, target)
    ) / (2 * step)
    se = float(np.sqrt(max(grad @ vcov @ grad, 0.0)))
    if job.test == "montecarlo":
        draws = rng.multivariate_normal(theta, vcov, size=job.mc_draws, method="eigh")
        values = _effect_values(job, draws, lay, target)
        lo, hi = np.quantile(values, [job.alpha / 2, 1 - job.alpha / 2])
        return _OK, est, se, bool(lo > 0 or hi < 0)
    if job.test == "t":
        df = n - job.target.predictors - 1
        t = est / se * math.sqrt(df / n)
        return _OK, est, se, bool(2 * special.stdtr(df, -abs(t)) < job.alpha)
    return _OK, est, se, bool(2 * special.ndtr(-abs(est / se)) < job.alpha)


_ESTIMATOR_NOTES = {
    "MLR": "Estimator MLR: ML estimates, robust (Huber-White sandwich) SEs in the test.",
    "MLM": "Estimator MLM: ML estimates, robust (expected-information sandwich) SEs in the test.",
    "WLSMV": "Estimator WLSMV: the Likert items fitted as ordered categories (DWLS, robust SEs).",
}


def check_estimator(estimator: str, likert: int | None) -> str:
    """The estimator in lavaan's spelling, or a DataError that says what to do.

    Examples
    --------
    >>> check_estimator("mlr", None)
    'MLR'
    >>> check_estimator("WLSMV", None)
    Traceback (most recent call last):
        ...
    cxlab.errors.DataError: estimator='WLSMV' treats Likert answers as ordered categories, \
but likert is not set: the simulated items are continuous. Set likert=k (e.g. likert=5) to \
cut them into k categories, or use estimator='ML' or 'MLR' for continuous items.
    """
    name = str(estimator).upper()
    if name not in ESTIMATORS:
        raise DataError(f"estimator must be one of {', '.join(ESTIMATORS)}, not {estimator!r}.")
    if name == "WLSMV" and not likert:
        raise DataError(
            "estimator='WLSMV' treats Likert answers as ordered categories, but likert is "
            "not set: the simulated items are continuous. Set likert=k (e.g. likert=5) to cut "
            "them into k categories, or use estimator='ML' or 'MLR' for continuous items."
        )
    return name


def _chunk(job: _Job, n: int, reps: Sequence[int], seed: int) -> list[tuple]:
    return [_one(job, n, r, seed) for r in reps]


def power(
    model: str,
    effect: str,
    n: Sequence[int] | int,
    *,
    reps: int = 1000,
    seed: int,
    alpha: float = 0.05,
    test: str = "z",
    analysis_model: str | None = None,
    likert: int | None = None,
    thresholds: str = "symmetric",
    mc_draws: int = 1000,
    n_jobs: int | None = -1,
    progress: bool = True,
    fast: bool = True,
    estimator: str = "ML",
    client: Client | str | None = None,
) -> PowerResult:
    """Monte-Carlo power of a test of one effect at each sample size in *n*.

    # In R: simsem::sim(nRep = reps, model, n = n, generate = population) and
    # getPower(); or pwr::pwr.f2.test for a single regression coefficient.

    Parameters
    ----------
    model : str
        Population model in :func:`cxlab.simulate.simulate` syntax: every coefficient a
        standardized number (``M ~ 0.3*X``).
    effect : str
        ``"Y ~ X"`` (a path), ``"X -> M -> Y"`` (the indirect effect along a chain of
        paths: their product) or the name of a ``:=`` parameter of *analysis_model*.
    n : int or sequence of int
        Sample sizes.
    reps : int
        Replications per sample size. The Monte-Carlo SE of a power p is
        √(p(1 − p)/reps): ±.03 (95 %) needs about 1000, ±.01 about 10,000.
    seed : int
        Seed; the result depends on it alone (not on cores or backend).
    alpha : float
        Level of the test.
    test : {"z", "t", "montecarlo"}
        ``"z"``: the Wald z test (delta method for indirect effects — Sobel), what
        lavaan's ``parameterEstimates()`` reports. ``"t"`` (single paths): the same
        statistic with the unbiased residual variance against t(n − k − 1), k the
        predictors of the path's outcome — exactly the OLS t test for a regression of
        observed variables; the z test is slightly liberal below n ≈ 100.
        ``"montecarlo"``: the effect is significant when its Monte-Carlo CI (``mc_draws``
        draws from the estimates' sampling distribution) excludes 0 — the recommended
        test of indirect effects (Preacher & Selig 2012).
    analysis_model : str, optional
        The lavaan model fitted to each replication (default: *model* with its numbers
        removed, :func:`cxlab.simulate.strip_values`). Labels and ``:=`` allowed.
    likert : int, optional
        Discretise the indicators to 1..k points (``thresholds`` as in ``simulate``).
    thresholds : str
        ``"symmetric"`` or ``"skewed"`` cut points for *likert*.
    mc_draws : int
        Draws of the Monte-Carlo CI per replication (``test="montecarlo"``).
    n_jobs : int, optional
        Worker processes (joblib; -1: all cores). Any joblib backend works — on a Dask
        cluster: ``with joblib.parallel_config(backend="dask"): power(...)``.
    client : distributed.Client or str, optional
        Run the replications on this Dask cluster: a ``distributed.Client`` or the
        scheduler's address (``"tcp://10.0.0.5:8786"``); ``n_jobs`` is then every worker
        thread of the cluster. The same seed gives the same result as on this machine.
    progress : bool
        Show a progress bar (tqdm).
    fast : bool
        Refit each replication from the population solution (see the module); False
        refits every replication from scratch with :func:`cxlab.sem.fit`.
    estimator : {"ML", "MLR", "MLM", "WLSMV"}
        How each replication is fitted, as ``cx.sem.fit(..., estimator=...)``: ``"ML"``
        (normal-theory SEs), ``"MLR"`` / ``"MLM"`` (the same estimates, robust SEs — the
        test of the effect uses them), ``"WLSMV"`` (the Likert items as ordered
        categories, ``cx.sem.fit(..., ordered=items)``; needs ``likert``, and every
        observed variable of the analysis model must be a Likert item).

    Returns
    -------
    PowerResult
        ``.table`` (n, power, Wilson CI, failures, …, and the ``estimator``),
        ``.n_for(0.80)``, ``.plot()``.

    Raises
    ------
    DataError
        ``estimator="WLSMV"`` without ``likert`` (there are no categories to treat as
        ordered), an unknown estimator, and the checks of n, reps, alpha and test.

    Examples
    --------
    >>> import cxlab as cx
    >>> res = cx.simulate.power("Y ~ 0.3*X", "Y ~ X", n=[50, 100], reps=500, seed=1,
    ...                         n_jobs=1, progress=False)
    >>> res.table[["n", "power", "n_failed"]].round(2).values.tolist()  # analytic: .62, .86
    [[50.0, 0.65, 0.0], [100.0, 0.87, 0.0]]
    >>> res.n_for(0.80)
    100
    >>> cfa = "F =~ 0.7*a + 0.7*b + 0.7*c\\nY =~ 0.7*d + 0.7*e + 0.7*f\\nY ~ 0.3*F"
    >>> robust = cx.simulate.power(cfa, "Y ~ F", n=150, reps=20, seed=1, likert=5,
    ...                            estimator="MLR", n_jobs=1, progress=False)
    >>> robust.table[["n", "n_used", "estimator"]].values.tolist()
    [[150, 20, 'MLR']]
    """
    sizes = [int(n)] if isinstance(n, int | np.integer) else [int(v) for v in n]
    if not sizes or len(set(sizes)) != len(sizes):
        raise DataError(f"n must be one or more distinct sample sizes, not {n!r}.")
    if test not in TESTS:
        raise DataError(f"test must be one of {', '.join(TESTS)}, not {test!r}.")
    if not 0 < alpha < 1:
        raise DataError(f"alpha must lie between 0 and 1, not {alpha!r}.")
    if not isinstance(reps, int | np.integer) or reps < 10:
        raise DataError(f"reps must be a whole number ≥ 10 (1000 for ±.03), not {reps!r}.")
    estimator = check_estimator(estimator, likert)
    job, value = _build(
        model, effect, analysis_model, sizes, seed=seed, test=test, alpha=alpha,
        likert=likert, thresholds=thresholds, mc_draws=mc_draws, fast=fast,
        estimator=estimator,
    )  # fmt: skip
    with on_cluster(client, n_jobs) as jobs:
        workers = n_workers(jobs)
        size = max(10, math.ceil(reps / (4 * workers))) if workers > 1 else 25
        tasks = [(job, m, range(i, min(i + size, reps)), seed) for m in sizes
                 for i in range(0, reps, size)]  # fmt: skip
        runs = map_chunks(
            _chunk, tasks, n_jobs=workers, total=len(sizes) * reps, desc="power", unit="rep",
            progress=progress,
        )  # fmt: skip
    results: dict[int, list[tuple]] = {m: [] for m in sizes}
    for (_, m, _, _), part in zip(tasks, runs, strict=True):
        results[m] += part
    rows = []
    for m in sizes:
        status = np.array([r[0] for r in results[m]])
        used = [r for r in results[m] if r[0] == _OK]
        hits = sum(r[3] for r in used)
        est = np.array([r[1] for r in used])
        lo, hi = wilson(hits, len(used))
        rows.append(
            {
                "n": m,
                "reps": reps,
                "n_used": len(used),
                "n_failed": int((status != _OK).sum()),
                "n_nonconverged": int((status == _NONCONVERGED).sum()),
                "n_inadmissible": int((status == _INADMISSIBLE).sum()),
                "power": hits / len(used) if used else math.nan,
                "ci_low": lo,
                "ci_high": hi,
                "mean_est": float(est.mean()) if len(est) else math.nan,
                "sd_est": float(est.std(ddof=1)) if len(est) > 1 else math.nan,
                "mean_se": float(np.mean([r[2] for r in used])) if used else math.nan,
                "estimator": estimator,
            }
        )
    table = pd.DataFrame(rows)
    names = {_OK: "ok", _NONCONVERGED: "nonconverged", _INADMISSIBLE: "inadmissible"}
    replications = pd.DataFrame(
        [(m, r, names[st], est, se, rej) for m in sizes for r, (st, est, se, rej) in
         enumerate(results[m])],
        columns=["n", "rep", "status", "est", "se", "reject"],
    )  # fmt: skip
    notes = [_ESTIMATOR_NOTES[estimator]] if estimator != "ML" else []
    failed = table[table["n_failed"] > 0]
    for r in failed.itertuples():
        notes.append(
            f"n = {r.n}: {r.n_nonconverged} replications did not converge and "
            f"{r.n_inadmissible} were inadmissible; power is computed on the other {r.n_used}."
        )
    return PowerResult(
        table, job.target.label, value, test, alpha, int(reps), seed, model, job.analysis_model,
        notes, replications, job.estimator,
    )  # fmt: skip
