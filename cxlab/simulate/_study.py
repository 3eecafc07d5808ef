"""ML, MLR, MLM or WLSMV on Likert items? A Monte-Carlo comparison of estimators (private;
public as :func:`cxlab.simulate.estimator_study`).

Each replication draws *n* respondents from a standardized population model, cuts every
indicator into ``likert`` categories at the ``thresholds`` of
:func:`cxlab.simulate.likert_cuts` and fits the model (free numbers, ``std_lv=True``)
to the same answers with every estimator of the study: ``cx.sem.fit(..., estimator=...)``
for ML, MLR and MLM (the answers 1…k taken as numbers) and ``cx.sem.fit(...,
ordered=items)`` for WLSMV (the answers taken as ordered categories). It records, per
estimator, the standardized loadings and structural paths with their 95 % delta-method
intervals (``std_all ± 1.96 · std_se``, the SEs of the estimator: normal-theory for ML,
robust for the others) and the p value of the estimator's test of the correct model: the
ML χ² for ML, the Yuan–Bentler scaled χ² for MLR, the Satorra–Bentler one for MLM and the
mean-and-variance adjusted (scaled-shifted) χ² for WLSMV.

**Which truth.** The estimators do not estimate the same numbers, so each is compared
with the truth it targets:

- WLSMV estimates the model of the *latent responses* y* behind the categories: its truth
  is the population model itself (a loading written 0.8 is 0.8).
- ML, MLR and MLM estimate the model of the *category scores* 1…k, whose correlations are
  weaker than those of y*. Their truth is the ML solution on the exact population
  covariance matrix of the scores, computed from the bivariate normal distribution of each
  pair of latent responses: Cov(1[y*_i > τ_a], 1[y*_j > τ_b]) = Φ₂(τ_a, τ_b; ρ_ij) −
  Φ(τ_a)Φ(τ_b) = ∫₀^ρ φ₂(τ_a, τ_b; r) dr, summed over the thresholds of both items (the
  integral by :func:`scipy.integrate.quad`). The linear factor model does not fit the
  scores exactly; how far it misses in the population is reported (``population_rmsea``).

Relative bias is (mean estimate − truth) / truth over the usable replications; coverage
is the share of usable replications whose interval contains the truth; the rejection rate
is the share whose test rejects the correct model at ``alpha``. Replications that do not
converge, end inadmissible or cannot be fitted at all (e.g. an item whose answers all fell
into one category) are counted per estimator and left out of that estimator's numbers.

Randomness: replication *r* draws from ``numpy.random.SeedSequence([seed, n, r])`` (the
scheme of :func:`cxlab.simulate.power`), so the result depends on the seed alone, not on
the number of cores.

References: Rhemtulla, M., Brosseau-Liard, P. É., & Savalei, V. (2012). When can
categorical variables be treated as continuous? *Psychological Methods, 17*(3), 354–373.
Li, C.-H. (2016). Confirmatory factor analysis with ordinal data: Comparing robust maximum
likelihood and diagonally weighted least squares. *Behavior Research Methods, 48*(3),
936–949.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from scipy import integrate, stats

from cxlab._intervals import wilson
from cxlab._parallel import map_chunks, n_workers
from cxlab.errors import DataError, ModelSpecError
from cxlab.simulate._power import ESTIMATORS
from cxlab.simulate.generate import _draw, _implied, _population, likert_cuts, strip_values

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from cxlab.viz import Lang

_STATUS = ("ok", "nonconverged", "inadmissible", "error")
#: the test of the correct model each estimator reports (fit_measures key, name)
_TESTS = {
    "ML": ("pvalue", "ML χ²"),
    "MLR": ("pvalue_scaled", "Yuan-Bentler scaled χ²"),
    "MLM": ("pvalue_scaled", "Satorra-Bentler scaled χ²"),
    "WLSMV": ("pvalue_scaled", "scaled-shifted χ²"),
}
_WORDS = {
    "en": {
        "title": "Coverage of 95 % CIs: {k}-point {shape} items, n = {n}, {reps} replications",
        "loadings": "loadings (mean; bar: lowest to highest)",
        "path": "path {path} (Wilson 95 % CI)",
        "nominal": "nominal .95",
        "y": "coverage of the 95 % CI",
        "shape": {"skewed": "skewed", "symmetric": "symmetric"},
    },
    "zh": {
        "title": "95% 置信区间的覆盖率：{k} 点{shape}题项，n = {n}，{reps} 次重复",
        "loadings": "因子载荷（均值；竖线：最低到最高）",
        "path": "路径 {path}（Wilson 95% 置信区间）",
        "nominal": "名义水平 .95",
        "y": "95% 置信区间的覆盖率",
        "shape": {"skewed": "偏态", "symmetric": "对称"},
    },
}


# -- the truth --------------------------------------------------------------------------
def _joint(a: float, b: float, rho: float) -> float:
    """Φ₂(a, b; ρ) − Φ(a)Φ(b) = ∫₀^ρ φ₂(a, b; r) dr (Plackett's identity)."""

    def density(r: float) -> float:
        q = 1.0 - r * r
        return math.exp(-(a * a - 2 * r * a * b + b * b) / (2 * q)) / (2 * math.pi * math.sqrt(q))

    return integrate.quad(density, 0.0, rho, epsabs=1e-13, epsrel=1e-12)[0] if rho else 0.0


def score_moments(rho: np.ndarray, cuts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Exact means and covariance matrix of items scored 1…k that cut standard-normal
    latent responses with correlations *rho* at *cuts* (the k − 1 thresholds).

    A score is 1 + Σ_a 1[y* > τ_a], so its mean is 1 + Σ_a Φ(−τ_a) and each covariance a
    double sum over thresholds of Φ₂(τ_a, τ_b; ρ) − Φ(τ_a)Φ(τ_b).

    Examples
    --------
    >>> import numpy as np
    >>> from cxlab.simulate import likert_cuts
    >>> rho = np.array([[1.0, 0.64], [0.64, 1.0]])
    >>> mean, cov = score_moments(rho, likert_cuts(5, "skewed"))
    >>> mean.round(3).tolist(), round(float(cov[0, 1] / cov[0, 0]), 3)  # score correlation
    ([4.052, 4.052], 0.567)
    """
    cuts = np.sort(np.asarray(cuts, dtype=float))
    p = len(rho)
    phi = stats.norm.cdf(cuts)
    var = float(sum(min(pa, pb) - pa * pb for pa in phi for pb in phi))
    cov = np.eye(p) * var
    for i in range(p):
        for j in range(i):
            value = sum(_joint(a, b, float(rho[i, j])) for a in cuts for b in cuts)
            cov[i, j] = cov[j, i] = value
    return np.full(p, 1.0 + float(np.sum(1.0 - phi))), cov


def _exact_sample(mean: np.ndarray, cov: np.ndarray, rows: int = 1000) -> np.ndarray:
    """Rows whose (n-divisor) covariance is *cov* and mean *mean* exactly (to rounding): ML
    estimates depend on the data only through these moments."""
    z = np.random.default_rng(0).standard_normal((rows, len(cov)))
    z -= z.mean(axis=0)
    z = z @ np.linalg.inv(np.linalg.cholesky(np.cov(z, rowvar=False, bias=True))).T
    return z @ np.linalg.cholesky(cov).T + mean


def _key(r: Any) -> str:
    return f"{r.lhs} {r.op} {r.rhs}"


def _truths(model: str, analysis: str, k: int, cuts: np.ndarray) -> tuple[pd.DataFrame, float]:
    """Per loading and path: the truth of the latent responses (WLSMV) and of the category
    scores (ML family); and the population RMSEA of the model on the scores."""
    from cxlab import sem

    pop = _population(model)
    names, cor, _ = _implied(pop.s)
    items = list(pop.items)
    lam = np.array([[pop.items[i][0].get(v, 0.0) for v in names] for i in items])
    rho = lam @ cor @ lam.T
    np.fill_diagonal(rho, 1.0)
    mean, cov = score_moments(rho, cuts)
    fit = sem.fit(analysis, pd.DataFrame(_exact_sample(mean, cov), columns=items), std_lv=True)
    if not fit.admissible:
        raise ModelSpecError(
            "The model cannot be fitted to the population covariance of the category scores, "
            f"so ML has no truth to compare with:\n{fit.diagnosis()}"
        )
    table = fit.table[fit.table.op.isin(("=~", "~"))]
    values = {(r.lhs, r.op, r.rhs): r.value for r in pop.table.itertuples()}
    rows = [
        (_key(r), r.lhs, r.op, r.rhs, values[(r.lhs, r.op, r.rhs)], float(r.std_all))
        for r in table.itertuples()
    ]
    m = fit.fit_measures
    rmsea = math.sqrt(max(m["chisq"] / m["n"], 0.0) / m["df"]) if m["df"] > 0 else 0.0
    columns = ["parameter", "lhs", "op", "rhs", "truth_latent", "truth_scores"]
    return pd.DataFrame(rows, columns=columns), rmsea


# -- one replication --------------------------------------------------------------------
@dataclass
class _Job:
    pop: Any
    analysis: str
    items: list[str]
    cuts: np.ndarray
    estimators: tuple[str, ...]
    keys: list[str]
    z: float


def _fit_one(job: _Job, data: pd.DataFrame, estimator: str) -> tuple[str, dict, float]:
    """(status, {parameter: (std_all, std_se)}, p value of the test of the model)."""
    from cxlab import sem
    from cxlab.errors import CxlabError

    try:
        if estimator == "WLSMV":
            fit = sem.fit(job.analysis, data, ordered=job.items, std_lv=True)
        else:
            fit = sem.fit(job.analysis, data.astype(float), estimator=estimator, std_lv=True)
    except CxlabError:
        return "error", {}, math.nan
    if not fit.converged:
        return "nonconverged", {}, math.nan
    if fit.problems:
        return "inadmissible", {}, math.nan
    rows = fit.table[fit.table.op.isin(("=~", "~"))]
    found = {_key(r): (float(r.std_all), float(r.std_se)) for r in rows.itertuples()}
    return "ok", found, float(fit.fit_measures[_TESTS[estimator][0]])


def _chunk(job: _Job, n: int, reps: Sequence[int], seed: int) -> list[list[tuple]]:
    out = []
    for rep in reps:
        rng = np.random.default_rng(np.random.SeedSequence([seed, n, rep]))
        _, columns = _draw(job.pop, n, rng)
        data = pd.DataFrame(
            {v: np.searchsorted(job.cuts, columns[v]).astype("int64") + 1 for v in job.items}
        )
        rows = []
        for est in job.estimators:
            status, found, pvalue = _fit_one(job, data, est)
            for key in job.keys:
                value, se = found.get(key, (math.nan, math.nan))
                rows.append((rep, est, status, key, value, se, pvalue))
        out.append(rows)
    return out


# -- the study --------------------------------------------------------------------------
def estimator_study(
    model: str,
    n: int,
    reps: int = 200,
    *,
    seed: int,
    likert: int = 5,
    thresholds: str = "skewed",
    estimators: Sequence[str] = ("ML", "MLR", "WLSMV"),
    path: str | None = None,
    alpha: float = 0.05,
    n_jobs: int | None = -1,
    progress: bool = True,
) -> EstimatorStudy:
    """Bias, CI coverage and χ² rejection rates of ML, MLR, MLM and WLSMV on Likert items.

    # In R: simsem::sim(nRep = reps, model, n = n, generate = population) once per
    # estimator, with lavaan::cfa(..., estimator = "MLR") or cfa(..., ordered = TRUE)

    Parameters
    ----------
    model : str
        Population model in :func:`cxlab.simulate.simulate` syntax (standardized numbers);
        every observed variable must be an indicator (``=~``): they are the Likert items.
    n : int
        Respondents per replication.
    reps : int
        Replications (≥ 10). The Monte-Carlo SE of a coverage near .95 is
        √(.95 · .05 / reps): ±.03 (95 %) with 200, ±.014 with 1000.
    seed : int
        Seed; the result depends on it alone (not on cores).
    likert : int
        Categories per item (≥ 2).
    thresholds : {"skewed", "symmetric"}
        Cut points of :func:`cxlab.simulate.likert_cuts`.
    estimators : sequence of {"ML", "MLR", "MLM", "WLSMV"}
        The estimators compared, each fitted to the same answers.
    path : str, optional
        The structural path summarised as "the path", e.g. ``"SAT ~ QUAL"`` (default: the
        first ``~`` line of *model*).
    alpha : float
        Level of the test of the correct model.
    n_jobs : int, optional
        Worker processes (-1: all cores); the result does not depend on it.
    progress : bool
        Show a progress bar.

    Returns
    -------
    EstimatorStudy
        ``table`` (one row per estimator), ``parameters`` (per estimator and parameter),
        ``replications``, ``truth``, ``summary()``, ``plot()``.

    Examples
    --------
    >>> import cxlab as cx
    >>> model = "F =~ 0.8*a + 0.7*b + 0.6*c\\nG =~ 0.8*d + 0.7*e + 0.6*f\\nG ~ 0.4*F"
    >>> study = cx.simulate.estimator_study(model, n=300, reps=10, seed=1, n_jobs=1,
    ...                                     progress=False)
    >>> study.table[["estimator", "n_used", "coverage_path"]].values.tolist()
    [['ML', 10, 1.0], ['MLR', 10, 1.0], ['WLSMV', 10, 1.0]]
    >>> study.truth.set_index("parameter").loc["F =~ a", ["truth_latent", "truth_scores"]
    ...                                        ].round(3).tolist()
    [0.8, 0.751]
    """
    names = tuple(dict.fromkeys(str(e).upper() for e in estimators))
    unknown = [e for e in names if e not in ESTIMATORS]
    if unknown or not names:
        raise DataError(
            f"estimators must be some of {', '.join(ESTIMATORS)}, not {list(estimators)!r}."
        )
    if not isinstance(likert, int | np.integer) or likert < 2:
        raise DataError(
            f"likert must be the number of answer categories (≥ 2), not {likert!r}: the "
            "study compares estimators on Likert items."
        )
    if not isinstance(reps, int | np.integer) or reps < 10:
        raise DataError(f"reps must be a whole number ≥ 10 (200 for ±.03), not {reps!r}.")
    if not 0 < alpha < 1:
        raise DataError(f"alpha must lie between 0 and 1, not {alpha!r}.")
    pop = _population(model)
    items = list(pop.items)
    others = [v for v in pop.names if v not in pop.s.latents]
    if not items or others:
        raise ModelSpecError(
            "estimator_study needs a model whose observed variables are all indicators "
            f"(=~ lines): {', '.join(others) or 'no indicator'} "
            f"{'is' if len(others) == 1 else 'are'} not. Measure each variable by items."
        )
    moments = len(items) * (len(items) + 1) // 2
    if n <= moments:
        raise DataError(
            f"n = {n} is too small: the robust estimators need more respondents than the "
            f"{moments} variances and covariances of {len(items)} items."
        )
    cuts = np.sort(likert_cuts(int(likert), thresholds))
    analysis = strip_values(model)
    truth, rmsea = _truths(model, analysis, int(likert), cuts)
    paths = truth.loc[truth.op == "~", "parameter"].tolist()
    if path is None:
        path = paths[0] if paths else None
    else:
        path = " ~ ".join(part.strip() for part in path.split("~"))
        if path not in paths:
            raise ModelSpecError(
                f"path {path!r} is not a structural path of the model; its paths are "
                f"{', '.join(paths) or 'none'}."
            )
    job = _Job(
        pop, analysis, items, cuts, names, truth["parameter"].tolist(), float(stats.norm.ppf(0.975))
    )
    workers = n_workers(n_jobs)
    size = max(5, math.ceil(reps / (4 * workers))) if workers > 1 else reps
    tasks = [(job, int(n), range(i, min(i + size, reps)), seed) for i in range(0, reps, size)]
    runs = map_chunks(
        _chunk, tasks, n_jobs=workers, total=reps, desc="estimators", unit="rep", progress=progress
    )
    rows = [row for part in runs for rep_rows in part for row in rep_rows]
    columns = ["rep", "estimator", "status", "parameter", "est", "se", "pvalue"]
    reps_frame = pd.DataFrame(rows, columns=columns)
    conditions = dict(model=model, n=int(n), reps=int(reps), seed=seed, likert=int(likert),
                      thresholds=thresholds, path=path, alpha=alpha)  # fmt: skip
    return _summarise(reps_frame, truth, rmsea, job, conditions)


def _summarise(
    frame: pd.DataFrame, truth: pd.DataFrame, rmsea: float, job: _Job, conditions: dict
) -> EstimatorStudy:
    """The study's tables from the replications (one row per replication, estimator and
    parameter)."""
    path, reps, alpha = conditions["path"], conditions["reps"], conditions["alpha"]
    target = truth.set_index("parameter")
    frame = frame.copy()
    wlsmv = frame["estimator"] == "WLSMV"
    frame["truth"] = np.where(
        wlsmv,
        target.loc[frame["parameter"], "truth_latent"].to_numpy(),
        target.loc[frame["parameter"], "truth_scores"].to_numpy(),
    )
    low, high = frame["est"] - job.z * frame["se"], frame["est"] + job.z * frame["se"]
    frame["covered"] = (low <= frame["truth"]) & (frame["truth"] <= high)
    frame["reject"] = frame["pvalue"] < alpha
    used = frame[frame["status"] == "ok"]
    latent = target["truth_latent"]
    params = []
    for (est, key), part in used.groupby(["estimator", "parameter"], sort=False):
        t = float(part["truth"].iloc[0])
        params.append(
            {
                "estimator": est,
                "parameter": key,
                "op": target.loc[key, "op"],
                "truth": t,
                "mean_est": part["est"].mean(),
                "rel_bias": (part["est"].mean() - t) / t,
                "rel_bias_latent": (part["est"].mean() - latent[key]) / latent[key],
                "sd_est": part["est"].std(ddof=1),
                "mean_se": part["se"].mean(),
                "coverage": part["covered"].mean(),
                "n_used": len(part),
            }
        )
    parameters = pd.DataFrame(params)
    table = []
    for est in job.estimators:
        status = frame[(frame["estimator"] == est)].drop_duplicates("rep")["status"]
        counts = {s: int((status == s).sum()) for s in _STATUS}
        p = parameters[parameters["estimator"] == est] if len(parameters) else parameters
        load = p[p["op"] == "=~"] if len(p) else p
        one = p[p["parameter"] == path] if len(p) and path else p.iloc[0:0]
        tests = used[(used["estimator"] == est)].drop_duplicates("rep")
        nan = math.nan
        table.append(
            {
                "estimator": est,
                "truth": "latent responses" if est == "WLSMV" else "category scores",
                "reps": reps,
                "n_used": counts["ok"],
                "n_nonconverged": counts["nonconverged"],
                "n_inadmissible": counts["inadmissible"],
                "n_error": counts["error"],
                "rel_bias_loadings": load["rel_bias"].mean() if len(load) else nan,
                "rel_bias_loadings_latent": load["rel_bias_latent"].mean() if len(load) else nan,
                "coverage_loadings": load["coverage"].mean() if len(load) else nan,
                "coverage_loadings_min": load["coverage"].min() if len(load) else nan,
                "coverage_loadings_max": load["coverage"].max() if len(load) else nan,
                "rel_bias_path": float(one["rel_bias"].iloc[0]) if len(one) else nan,
                "coverage_path": float(one["coverage"].iloc[0]) if len(one) else nan,
                "chisq_test": _TESTS[est][1],
                "chisq_rejection": tests["reject"].mean() if len(tests) else nan,
            }
        )
    notes = [
        f"Population RMSEA of the model on the {conditions['likert']}-point scores: "
        f"{rmsea:.4f} (the ML family's truth is the best fit of a model that does not fit "
        "the scores exactly)."
    ]
    for r in table:
        failed = r["n_nonconverged"] + r["n_inadmissible"] + r["n_error"]
        if failed:
            notes.append(
                f"{r['estimator']}: {r['n_nonconverged']} replications did not converge, "
                f"{r['n_inadmissible']} were inadmissible and {r['n_error']} could not be "
                f"fitted; its numbers use the other {r['n_used']}."
            )
    return EstimatorStudy(pd.DataFrame(table), parameters, frame, truth, **conditions,
                          population_rmsea=rmsea, notes=notes)  # fmt: skip


@dataclass
class EstimatorStudy:
    """The result of :func:`cxlab.simulate.estimator_study`.

    ``table`` has one row per estimator: estimator, truth (what it is compared with:
    "latent responses" for WLSMV, "category scores" for the ML family), reps, n_used,
    n_nonconverged, n_inadmissible, n_error (never hidden), rel_bias_loadings (mean
    relative bias of the standardized loadings against that truth),
    rel_bias_loadings_latent (against the loadings of the latent responses, for every
    estimator: how much the scores understate them), coverage_loadings (mean, min, max
    over the loadings), rel_bias_path and coverage_path (the structural path ``path``),
    chisq_test and chisq_rejection (share of replications whose test rejects the correct
    model at ``alpha``). ``parameters`` has one row per estimator and parameter;
    ``replications`` one per replication, estimator and parameter; ``truth`` the two
    truths of every loading and path.
    """

    table: pd.DataFrame
    parameters: pd.DataFrame
    replications: pd.DataFrame
    truth: pd.DataFrame
    model: str
    n: int
    reps: int
    seed: int
    likert: int
    thresholds: str
    path: str | None
    alpha: float
    population_rmsea: float
    notes: list[str] = field(default_factory=list)

    def to_frame(self) -> pd.DataFrame:
        """The table of the study: one row per estimator.

        Examples
        --------
        >>> study = _example()
        >>> study.to_frame()["estimator"].tolist()
        ['ML', 'WLSMV']
        """
        return self.table

    def summary(self) -> str:
        """The study as plain text: conditions, the table, the truths and the notes.

        Examples
        --------
        >>> print(_example().summary().splitlines()[0])
        Estimators on 5-point skewed items: n = 200, 10 replications, seed 1
        """
        cols = [
            "estimator",
            "truth",
            "n_used",
            "rel_bias_loadings",
            "coverage_loadings",
            "rel_bias_path",
            "coverage_path",
            "chisq_rejection",
        ]
        head = (
            f"Estimators on {self.likert}-point {self.thresholds} items: n = {self.n}, "
            f"{self.reps} replications, seed {self.seed}"
        )
        return "\n".join(
            [
                head,
                self.table[cols].round(3).to_string(index=False),
                "",
                "Truths (standardized):",
                self.truth.drop(columns=["lhs", "op", "rhs"]).round(3).to_string(index=False),
                "",
                *self.notes,
            ]
        )

    def _repr_html_(self) -> str:
        title = escape(self.summary().splitlines()[0])
        notes = "".join(f"<p>{escape(note)}</p>" for note in self.notes)
        return f"<p><b>{title}</b></p>" + self.table.round(3).to_html(index=False) + notes

    def plot(self, *, ax: Axes | None = None, lang: Lang | None = None) -> Axes:
        """Coverage of the 95 % CIs by estimator: the loadings (mean, and a bar from the
        lowest to the highest loading) and the structural path (with its Wilson 95 %
        interval), against the nominal .95. Returns the matplotlib Axes. ``lang`` ("en" or
        "zh") is the language of its words; default: the notebook's
        (:func:`cxlab.viz.language`, set by ``cx.viz.set_theme(lang=...)``).

        Examples
        --------
        >>> study = _example()
        >>> study.plot().get_ylabel()
        'coverage of the 95 % CI'
        >>> study.plot(lang="zh").get_ylabel()
        '95% 置信区间的覆盖率'
        """
        import matplotlib
        import matplotlib.pyplot as plt

        from cxlab.viz import figure_words, refont

        lang, words, family = figure_words(lang, _WORDS)
        with matplotlib.rc_context({"font.family": family}):
            if ax is None:
                _, ax = plt.subplots(figsize=(6, 3.5))
            t = self.table
            x = np.arange(len(t))
            mean = t["coverage_loadings"].to_numpy(dtype=float)
            err = np.clip(
                [mean - t["coverage_loadings_min"], t["coverage_loadings_max"] - mean], 0.0, None
            )
            ax.errorbar(
                x - 0.1,
                mean,
                yerr=err,
                fmt="o",
                capsize=3,
                color="#2c7fb8",
                label=words["loadings"],
            )
            if self.path is not None:
                cov = t["coverage_path"].to_numpy(dtype=float)
                ci = [
                    wilson(round(c * u), u) if u else (math.nan, math.nan)
                    for c, u in zip(cov, t["n_used"], strict=True)
                ]
                bounds = np.array(ci, dtype=float).T  # rounding: never below 0
                yerr = np.clip([cov - bounds[0], bounds[1] - cov], 0.0, None)
                ax.errorbar(
                    x + 0.1,
                    cov,
                    yerr=yerr,
                    fmt="s",
                    capsize=3,
                    color="#e8a33d",
                    label=words["path"].format(path=self.path),
                )
            ax.axhline(0.95, color="grey", ls="--", lw=0.8, label=words["nominal"])
            ax.set_xticks(x, t["estimator"].tolist())
            ax.set_xlim(-0.5, len(t) - 0.5)
            low = np.nanmin(np.r_[t["coverage_loadings_min"], t["coverage_path"], 0.9])
            ax.set_ylim(max(0.0, low - 0.05), 1.0)
            shape = words["shape"].get(self.thresholds, self.thresholds)
            ax.set_title(
                words["title"].format(k=self.likert, shape=shape, n=self.n, reps=self.reps),
                fontsize="medium",
            )
            ax.set_ylabel(words["y"])
            ax.legend(loc="lower left", frameon=False, fontsize="small")
            refont(ax, family)
        return ax

    def __repr__(self) -> str:
        cov = self.table["coverage_loadings"].round(3).tolist()
        return (
            f"EstimatorStudy(n={self.n}, reps={self.reps}, estimators="
            f"{self.table['estimator'].tolist()}, coverage_loadings={cov})"
        )


@functools.cache
def _example() -> EstimatorStudy:
    """A tiny study for the examples (two estimators, 10 replications; made once)."""
    model = "F =~ 0.8*a + 0.7*b + 0.6*c\nG =~ 0.8*d + 0.7*e + 0.6*f\nG ~ 0.4*F"
    return estimator_study(
        model, n=200, reps=10, seed=1, estimators=("ML", "WLSMV"), n_jobs=1, progress=False
    )
