"""Key-driver analysis (关键驱动因素分析): which attributes move satisfaction, NPS or
loyalty most, and importance-performance analysis (重要性-绩效分析, IPA).

Drivers of a survey are correlated — passengers who like the crew tend to like the
meal — so regression coefficients split the explained variance arbitrarily and flip
sign under collinearity. The two methods here divide the model's R² among the drivers
so that the parts are non-negative and add up to R² exactly:

- :func:`relative_weights` — Johnson's (2000) relative weights: regress the outcome on
  the orthogonal variables Z closest to the drivers (Rxx = VΛV', Λ½ = VΛ½V'), then
  share each Z's contribution back to the drivers by their squared correlations with
  Z. Fast for any number of drivers.
- :func:`shapley_r2` — the Shapley value of R² (Lipovetsky & Conklin 2001), which is
  Budescu's (1993) *general dominance* weight and relaimpo's "lmg" (Lindeman, Merenda &
  Gold 1980): the average gain in R² from adding a driver, over all orders of entry.
  Exact, from the 2^k subset regressions computed on the correlation matrix; refused
  above :data:`MAX_SHAPLEY_DRIVERS` drivers (use relative weights, which agree
  closely with it in practice: Johnson 2000; within one percentage point on
  ``airline_mot``).
- :func:`shapley_logistic` — for a binary outcome (detractor yes / no, churned,
  complained): the Shapley value of McFadden's pseudo-R² over all subset logistic
  regressions — dominance analysis for logistic regression as Azen & Traxel (2009)
  recommend it: R²_McF = 1 − log L(model) / log L(null) never falls when a driver is
  added and reads like R², as the proportional reduction in deviance. (Relative
  weights on a logistic model, Tonidandel & LeBreton 2010, are an approximation of
  the same idea; with at most 12 drivers the exact decomposition is affordable.)

All three return an :class:`Importance` result: one row per driver with the raw
weight (share of R²), its percentage of R² (``pct``, Johnson's rescaled weight) and
percentile bootstrap intervals (``B`` resamples of the respondents, seeded; vectorised:
one batch of correlation matrices, no loop over resamples).

:func:`ipa` places attributes in Martilla & James's (1977) importance-performance grid.

Rows with a missing value on the outcome or any driver are dropped (listwise) and
counted in ``notes``. Bad input — an unknown column, text, a driver without variance,
drivers that are perfectly collinear, fewer rows than drivers + 2, more than 12
drivers for Shapley — raises :class:`~cxlab.errors.DataError` naming the columns.

R equivalents: ``relaimpo::calc.relimp(type = "lmg")`` and
``dominanceanalysis::dominanceAnalysis`` (general dominance, R²); ``rwa::rwa`` (relative
weights); ``dominanceanalysis`` on a ``glm(family = binomial)`` with ``r2.m``
(McFadden) for :func:`shapley_logistic`. Checked in tests/test_drivers.py against
tests/reference/drivers.R (base-R ``lm`` / ``glm`` over every subset) and the
published ``rwa`` example on ``mtcars``.

References
----------
Azen, R., & Budescu, D. V. (2003). The dominance analysis approach for comparing
predictors in multiple regression. Psychological Methods 8(2), 129–148.
Azen, R., & Traxel, N. (2009). Using dominance analysis to determine predictor
importance in logistic regression. J. Educational and Behavioral Statistics 34(3), 319–347.
Bacon, D. R. (2003). A comparison of approaches to importance-performance analysis.
International Journal of Market Research 45(1), 55–71.
Budescu, D. V. (1993). Dominance analysis. Psychological Bulletin 114(3), 542–551.
Johnson, J. W. (2000). A heuristic method for estimating the relative weight of predictor
variables in multiple regression. Multivariate Behavioral Research 35(1), 1–19.
Lipovetsky, S., & Conklin, M. (2001). Analysis of regression in game theory approach.
Applied Stochastic Models in Business and Industry 17(4), 319–330.
Martilla, J. A., & James, J. C. (1977). Importance-performance analysis. Journal of
Marketing 41(1), 77–79.
Tonidandel, S., & LeBreton, J. M. (2010). Determining the relative importance of
predictors in logistic regression: An extension of relative weight analysis.
Organizational Research Methods 13(4), 767–781.

Examples
--------
>>> import cxlab as cx
>>> air = cx.datasets.load("airline_mot")
>>> mots = ["mot_booking", "mot_checkin", "mot_crew", "mot_meal"]
>>> rw = cx.drivers.relative_weights(air, "sat_overall", mots, B=200, seed=1)
>>> rw.table[["weight", "pct"]].round(3)  # In R: rwa::rwa(air, "sat_overall", mots)
             weight     pct
driver
mot_crew      0.200  47.389
mot_checkin   0.119  28.170
mot_meal      0.058  13.823
mot_booking   0.045  10.619
>>> print(f"sum of weights {rw.table['weight'].sum():.10f}, R² {rw.r2:.10f}")
sum of weights 0.4226510510, R² 0.4226510510
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

import numpy as np
import pandas as pd

from cxlab._conventions import as_frame
from cxlab.drivers import _core as core
from cxlab.drivers._results import COLUMNS, IPA, QUADRANTS, Importance, ipa
from cxlab.errors import DataError

__all__ = [
    "COLUMNS",
    "IPA",
    "MAX_SHAPLEY_DRIVERS",
    "QUADRANTS",
    "Importance",
    "from_corr",
    "ipa",
    "relative_weights",
    "shapley_logistic",
    "shapley_r2",
]

#: the most drivers :func:`shapley_r2` and :func:`shapley_logistic` accept (2^12 subsets)
MAX_SHAPLEY_DRIVERS = 12


def _numeric(frame: pd.DataFrame, column: str) -> pd.Series:
    series = frame[column]
    if series.dtype == bool or str(series.dtype) == "boolean":
        return series.astype("float64")
    if not pd.api.types.is_numeric_dtype(series):
        sample = list(series.dropna().unique()[:3])
        raise DataError(
            f"Column {column!r} is not numeric (e.g. {sample}). Recode it to numbers, "
            "e.g. a rating 1-5, or a 0/1 dummy per category."
        )
    return series.astype("float64")


def _prepare(
    data: pd.DataFrame, outcome: str, drivers: Sequence[str], max_drivers: int | None = None
) -> tuple[np.ndarray, np.ndarray, list[str], list[str]]:
    """Checked, listwise-complete (x, y) as float arrays, driver names, notes."""
    data = as_frame(data)
    if isinstance(drivers, str):
        drivers = [drivers]
    drivers = list(drivers)
    if not drivers:
        raise DataError("Give at least one driver column, e.g. drivers=['mot_crew', 'mot_meal'].")
    if len(set(drivers)) < len(drivers):
        twice = sorted({d for d in drivers if drivers.count(d) > 1})
        raise DataError(f"Drivers listed twice: {twice}. List each column once.")
    if outcome in drivers:
        raise DataError(f"The outcome {outcome!r} is also listed as a driver; remove it.")
    missing = [c for c in [outcome, *drivers] if c not in data.columns]
    if missing:
        raise DataError(
            f"Column(s) {missing} not in the data. Available: {', '.join(map(str, data.columns))}."
        )
    if max_drivers is not None and len(drivers) > max_drivers:
        raise DataError(
            f"{len(drivers)} drivers: the exact Shapley decomposition fits 2^k regressions "
            f"and stops at k = {max_drivers} (2^{max_drivers} = {2**max_drivers:,}). Use "
            "relative_weights(), which handles any number of drivers and agrees closely, "
            "or group related drivers into scales first."
        )
    if len(data) == 0:
        raise DataError("The data have no rows.")
    frame = pd.DataFrame({c: _numeric(data, c) for c in [outcome, *drivers]})
    notes = []
    complete = frame.notna().all(axis=1)
    if (~complete).any():
        worst = frame.isna().sum().sort_values(ascending=False)
        worst = worst[worst > 0]
        notes.append(
            f"{int((~complete).sum()):,} of {len(frame):,} rows dropped for a missing value "
            f"(listwise), most in {', '.join(f'{c} ({v:,})' for c, v in worst.head(3).items())}."
        )
        frame = frame[complete]
    k = len(drivers)
    if len(frame) < k + 2:
        raise DataError(
            f"{len(frame)} complete rows for {k} drivers: need at least {k + 2} (and many "
            "more for stable weights). Check for missing values in the outcome or drivers."
        )
    sd = frame.std()
    flat = sd.index[~(sd > 1e-12 * frame.abs().max().clip(lower=1))]
    if len(flat):
        raise DataError(
            f"Column(s) {list(flat)} have no variance in the {len(frame):,} rows used "
            "(every answer is the same): drop them from the analysis."
        )
    x = frame[drivers].to_numpy()
    vals, vecs = np.linalg.eigh(np.corrcoef(x, rowvar=False).reshape(k, k))
    if vals[0] < 1e-10 * max(vals[-1], 1.0):
        involved = [d for d, v in zip(drivers, vecs[:, 0], strict=True) if abs(v) > 0.05]
        raise DataError(
            f"Drivers {involved} are perfectly collinear: one is an exact linear combination "
            "of the others (e.g. a total score next to its parts, or two copies of one "
            "question), so their shares of R² are not defined. Drop one of them."
        )
    return x, frame[outcome].to_numpy(), drivers, notes


def _standardize(values: np.ndarray) -> np.ndarray:
    return (values - values.mean(axis=0)) / values.std(axis=0)


def _percentile(draws: np.ndarray, level: float) -> tuple[np.ndarray, np.ndarray]:
    if not 0 < level < 1:
        raise DataError(f"level must be between 0 and 1 (e.g. 0.95), not {level!r}.")
    tail = 100 * (1 - level) / 2
    return np.nanpercentile(draws, tail, axis=0), np.nanpercentile(draws, 100 - tail, axis=0)


def _result(
    point: np.ndarray,
    draws: np.ndarray | None,
    drivers: list[str],
    *,
    level: float,
    r2: float,
    **kwargs: Any,
) -> Importance:
    """Assemble an :class:`Importance` from the point weights (k,), the bootstrap
    weights (B, k) (or None) and the full model's fit ``r2`` (computed on its own, so
    that ``weights.sum() == r2`` is a check, not a definition)."""
    table = pd.DataFrame(
        {"weight": point, "pct": 100 * point / r2}, index=pd.Index(drivers, name="driver")
    )
    r2_ci = (np.nan, np.nan)
    if draws is not None and len(draws):
        low, high = _percentile(draws, level)
        pct_low, pct_high = _percentile(100 * draws / draws.sum(axis=1, keepdims=True), level)
        table["ci_low"], table["ci_high"] = low, high
        table["pct_ci_low"], table["pct_ci_high"] = pct_low, pct_high
        r2_low, r2_high = _percentile(draws.sum(axis=1, keepdims=True), level)
        r2_ci = (float(r2_low[0]), float(r2_high[0]))
    table["rank"] = table["weight"].rank(ascending=False, method="min").astype("int64")
    table = table.reindex(columns=COLUMNS).sort_values("rank", kind="stable")
    return Importance(table=table, r2=r2, r2_ci=r2_ci, level=level, **kwargs)


def _check_b(B: int, seed: int | None, level: float) -> int:
    if isinstance(B, bool) or not isinstance(B, int | np.integer) or B < 0:
        raise DataError(f"B (bootstrap resamples) must be a whole number ≥ 0, not {B!r}.")
    if not 0 < level < 1:
        raise DataError(f"level must be between 0 and 1 (e.g. 0.95), not {level!r}.")
    if B and seed is None:
        raise DataError(
            f"B = {B} bootstrap resamples need a seed: pass seed= (e.g. seed=1) so the "
            "intervals can be reproduced, or B=0 for no intervals."
        )
    return int(B)


def _linear(
    data: pd.DataFrame,
    outcome: str,
    drivers: Sequence[str],
    B: int,
    seed: int | None,
    level: float,
    shapley: bool,
) -> Importance:
    x, y, names, notes = _prepare(data, outcome, drivers, MAX_SHAPLEY_DRIVERS if shapley else None)
    B = _check_b(B, seed, level)
    z = _standardize(np.column_stack([y, x]))
    corr = np.corrcoef(z, rowvar=False)[None]

    def weights(c: np.ndarray) -> np.ndarray:
        rxx, rxy = c[:, 1:, 1:], c[:, 1:, 0]
        return (
            core.shapley(core.subset_r2(rxx, rxy)) if shapley else core.relative_weights(rxx, rxy)
        )

    point = weights(corr)[0]
    rxx, rxy = corr[0, 1:, 1:], corr[0, 1:, 0]
    r2 = float(rxy @ np.linalg.solve(rxx, rxy))  # R² of the full regression
    draws = None
    if B:
        rng = np.random.default_rng(seed)
        blocks = []
        for w in core.bootstrap_counts(rng, len(z), B):
            c = core.weighted_corr(z, w)
            ok = np.linalg.eigvalsh(c[:, 1:, 1:])[:, 0] > 1e-10
            part = np.full((len(c), len(names)), np.nan)
            part[ok] = weights(c[ok])
            blocks.append(part)
        draws = np.concatenate(blocks)
        bad = int(np.isnan(draws[:, 0]).sum())
        if bad:
            notes.append(f"{bad} of {B} resamples had collinear drivers and were skipped.")
    kwargs: dict[str, Any] = {}
    if shapley:
        subsets = core.subset_r2(corr[:, 1:, 1:], corr[:, 1:, 0])[0]
        kwargs["conditional"] = pd.DataFrame(
            core.conditional_dominance(subsets),
            index=pd.Index(names, name="driver"),
            columns=pd.Index(range(len(names)), name="others_in_model"),
        )
        kwargs["complete"] = pd.DataFrame(
            core.complete_dominance(subsets), index=names, columns=names
        )
    method = (
        "Shapley value of R² (general dominance)" if shapley else "relative weights (Johnson 2000)"
    )
    return _result(
        point,
        draws,
        names,
        level=level,
        r2=r2,
        n=len(z),
        outcome=outcome,
        method=method,
        B=B,
        notes=notes,
        **kwargs,
    )


def relative_weights(
    data: pd.DataFrame,
    outcome: str,
    drivers: Sequence[str],
    *,
    B: int = 1000,
    seed: int | None = None,
    level: float = 0.95,
) -> Importance:
    """Johnson's (2000) relative weights: each driver's share of R², with bootstrap CIs.

    Parameters
    ----------
    data : DataFrame or Survey
        One row per respondent.
    outcome : str
        The column to explain (e.g. ``"nps_score"``, ``"sat_overall"``).
    drivers : list of str
        The attribute ratings (any number; listwise deletion of missing values).
    B : int
        Bootstrap resamples of the respondents for the percentile CIs (0: none).
    seed : int, optional
        Seed of the bootstrap (same seed, same intervals); required when ``B > 0``.
    level : float
        Confidence level of the intervals.

    Returns
    -------
    Importance
        ``.table`` with ``weight`` (raw relative weight; the weights add up to R²
        exactly), ``pct`` (rescaled: % of R²), CIs and ranks; ``.r2``.

    Examples
    --------
    >>> import cxlab as cx
    >>> air = cx.datasets.load("airline_mot")
    >>> mots = ["mot_booking", "mot_checkin", "mot_crew", "mot_meal", "mot_arrival"]
    >>> rw = cx.drivers.relative_weights(air, "nps_score", mots, B=500, seed=1)
    >>> rw.table.loc["mot_crew", ["pct", "pct_ci_low", "pct_ci_high"]].round(1).tolist()
    [34.2, 26.3, 41.7]
    """
    return _linear(data, outcome, drivers, B, seed, level, shapley=False)


def shapley_r2(
    data: pd.DataFrame,
    outcome: str,
    drivers: Sequence[str],
    *,
    B: int = 1000,
    seed: int | None = None,
    level: float = 0.95,
) -> Importance:
    """Exact Shapley decomposition of R² (general dominance, relaimpo's "lmg").

    A driver's weight is its gain in R² when added to a model, averaged over all k!
    orders in which the drivers could enter; the weights add up to R². All 2^k − 1
    subset R² come from the correlation matrix (one batched solve per subset size), and
    so do the bootstrap resamples. At most :data:`MAX_SHAPLEY_DRIVERS` drivers.

    Parameters are those of :func:`relative_weights`. The result also has
    ``.conditional`` (gain by number of other drivers in the model) and ``.complete``
    (which driver dominates which in every subset), after Azen & Budescu (2003).

    Examples
    --------
    >>> import cxlab as cx
    >>> air = cx.datasets.load("airline_mot")
    >>> mots = ["mot_booking", "mot_checkin", "mot_crew", "mot_meal"]
    >>> sh = cx.drivers.shapley_r2(air, "sat_overall", mots, B=0)
    >>> sh.table["weight"].round(4)  # In R: relaimpo::calc.relimp(fit, type = "lmg")
    driver
    mot_crew       0.2002
    mot_checkin    0.1190
    mot_meal       0.0588
    mot_booking    0.0446
    Name: weight, dtype: float64
    >>> bool(sh.complete.loc["mot_crew", "mot_meal"])
    True
    """
    return _linear(data, outcome, drivers, B, seed, level, shapley=True)


def _binary(values: np.ndarray, outcome: str) -> np.ndarray:
    levels = np.unique(values)
    if len(levels) != 2 or not set(levels) <= {0.0, 1.0}:
        raise DataError(
            f"{outcome!r} must be binary, 0/1 or True/False (found {len(levels)} values, e.g. "
            f"{list(levels[:4])}); make one, e.g. data['detractor'] = data['nps_score'] <= 6, "
            "or name the value that counts as 1 with event=."
        )
    return values


def shapley_logistic(
    data: pd.DataFrame,
    outcome: str,
    drivers: Sequence[str],
    *,
    event: Any = None,
    B: int = 200,
    seed: int | None = None,
    level: float = 0.95,
) -> Importance:
    """Driver importance for a binary outcome: Shapley value of McFadden's pseudo-R².

    Every subset of drivers gets a logistic regression (maximum likelihood, batched
    Newton–Raphson); R²_McF = 1 − log L(model) / log L(intercept only); each driver's
    weight is its Shapley value, so the weights add up to the full model's R²_McF.
    This is dominance analysis for logistic regression as Azen & Traxel (2009)
    recommend it. ``pct`` says which drivers separate, e.g., detractors from the rest.

    Parameters
    ----------
    data, outcome, drivers, seed, level
        As in :func:`relative_weights`; ``outcome`` must be 0/1 or True/False.
    event : optional
        For an outcome with two other values, the one that counts as 1.
    B : int
        Bootstrap resamples (every resample refits the 2^k − 1 models; 200 take a
        few seconds for 7 drivers and 1,000 rows).

    Examples
    --------
    >>> import cxlab as cx
    >>> air = cx.datasets.load("airline_mot")
    >>> air["detractor"] = air["nps_score"] <= 6
    >>> mots = ["mot_booking", "mot_checkin", "mot_crew", "mot_meal"]
    >>> sh = cx.drivers.shapley_logistic(air, "detractor", mots, B=0)
    >>> print(f"McFadden R² = {sh.r2:.3f}; top driver: {sh.table.index[0]}")
    McFadden R² = 0.176; top driver: mot_crew
    """
    data = as_frame(data)
    if event is not None and outcome in data.columns:
        column = data[outcome]
        if not (column == event).any():
            found = list(column.dropna().unique()[:5])
            raise DataError(f"event={event!r} does not occur in {outcome!r} (values: {found}).")
        data = data.assign(**{outcome: (column == event).astype(float).where(column.notna())})
    x, y, names, notes = _prepare(data, outcome, drivers, MAX_SHAPLEY_DRIVERS)
    B = _check_b(B, seed, level)
    y = _binary(y, outcome)
    xs = _standardize(x)
    r2, failed = core.logistic_subset_r2(xs, y, np.ones((1, len(y))))
    if failed:
        raise DataError(
            f"A logistic regression of {outcome!r} did not converge: the drivers separate the "
            "two groups (almost) perfectly, so the likelihood has no maximum. Use fewer or "
            "coarser drivers, or more data."
        )
    point = core.shapley(r2)[0]
    draws = None
    if B:
        rng = np.random.default_rng(seed)
        parts = [core.logistic_subset_r2(xs, y, w) for w in core.bootstrap_counts(rng, len(y), B)]
        failed = sum(f for _, f in parts)
        draws = core.shapley(np.concatenate([r for r, _ in parts]))
        if failed:
            notes.append(f"{failed} subset fits in the resamples stopped short of convergence.")
    subsets = r2[0]
    return _result(
        point,
        draws,
        names,
        level=level,
        r2=float(subsets[-1]),
        n=len(y),
        outcome=outcome,
        method="Shapley value of McFadden's R² (logistic dominance analysis)",
        fit_measure="McFadden R²",
        B=B,
        notes=notes,
        conditional=pd.DataFrame(
            core.conditional_dominance(subsets),
            index=pd.Index(names, name="driver"),
            columns=pd.Index(range(len(names)), name="others_in_model"),
        ),
        complete=pd.DataFrame(core.complete_dominance(subsets), index=names, columns=names),
    )


def from_corr(
    corr: pd.DataFrame,
    outcome: str,
    drivers: Sequence[str],
    *,
    method: Literal["relative_weights", "shapley"] = "relative_weights",
) -> Importance:
    """Relative weights or Shapley values from a correlation matrix (no CIs).

    For a published correlation table, or the population correlations a simulation was
    built from (the *true* importance). ``corr`` is square with the variables as index
    and columns.

    Examples
    --------
    >>> import pandas as pd
    >>> from cxlab.drivers import from_corr
    >>> r = pd.DataFrame([[1, .6, .4], [.6, 1, .5], [.4, .5, 1]],
    ...                  index=["y", "a", "b"], columns=["y", "a", "b"])
    >>> from_corr(r, "y", ["a", "b"], method="shapley").table["weight"].round(4).tolist()
    [0.2867, 0.0867]
    """
    if method not in ("relative_weights", "shapley"):
        raise DataError(f"method must be 'relative_weights' or 'shapley', not {method!r}.")
    if not isinstance(corr, pd.DataFrame) or list(corr.index) != list(corr.columns):
        raise DataError(
            "corr must be a square DataFrame with the same labels as index and columns."
        )
    names = [outcome, *drivers]
    missing = [c for c in names if c not in corr.columns]
    if missing:
        raise DataError(f"{missing} not in the correlation matrix ({list(corr.columns)}).")
    c = corr.loc[names, names].to_numpy(dtype=float)
    if not np.allclose(c, c.T) or not np.allclose(np.diag(c), 1):
        raise DataError("corr must be symmetric with 1 on the diagonal.")
    vals, vecs = np.linalg.eigh(c[1:, 1:])
    if vals[0] < 1e-10:
        involved = [d for d, v in zip(drivers, vecs[:, 0], strict=True) if abs(v) > 0.05]
        raise DataError(
            f"Drivers {involved} are perfectly collinear (or corr is not a valid "
            "correlation matrix): drop one of them."
        )
    rxx, rxy = c[None, 1:, 1:], c[None, 1:, 0]
    if method == "shapley":
        if len(drivers) > MAX_SHAPLEY_DRIVERS:
            raise DataError(f"At most {MAX_SHAPLEY_DRIVERS} drivers for Shapley values.")
        point = core.shapley(core.subset_r2(rxx, rxy))[0]
        label = "Shapley value of R² (general dominance)"
    else:
        point = core.relative_weights(rxx, rxy)[0]
        label = "relative weights (Johnson 2000)"
    r2 = float(rxy[0] @ np.linalg.solve(rxx[0], rxy[0]))
    return _result(
        point,
        None,
        list(drivers),
        level=0.95,
        r2=r2,
        n=0,
        outcome=outcome,
        method=label,
        notes=["Computed from a correlation matrix (no data, so no intervals)."],
    )
