"""CX metrics with honest uncertainty: NPS, CSAT and CES, group comparisons, and
control charts that tell a real drop from noise.

Every function returns a tidy DataFrame (one row per metric, group or period) whose
interval columns are ``ci_low`` / ``ci_high``.

- NPS (Reichheld 2003) = % promoters (9–10) − % detractors (0–6) on a 0–10 item.
  With p, d the promoter and detractor shares of n answers,
  Var(NPS/100) = [p + d − (p − d)²] / n (the variance of a difference of two
  multinomial shares). *Adjusted-Wald* (Rocks 2016; the default): add ¾ to the
  promoter and to the detractor count and 3 to n, then Wald around the adjusted
  estimate — it never collapses to a zero-width interval at ±100. *Wald*:
  NPS ± z·100·√Var (``ci="wald"``). *Bootstrap*: percentile interval over resampled
  respondents. The reported NPS is always the raw one; intervals are clipped to
  [−100, 100]; fewer than 10 answers give a warning.
- CSAT: top-box share (e.g. 4–5 on 1–5) with a Wilson score interval.
- CES (Dixon, Freeman & Toman 2010): mean on 1–7 with a *t* interval.

Written here rather than taken from a library because no maintained Python package
offers NPS intervals or NPS control charts; proportions use statsmodels' Wilson
interval and *t* tests use scipy.

References
----------
Reichheld, F. F. (2003). The one number you need to grow. HBR 81(12), 46–54.
Rocks, B. (2016). Interval estimation for the "net promoter score". The American
Statistician 70(4), 365–372.
Sauro, J., & Lewis, J. R. (2016). Quantifying the User Experience, 2nd ed. Morgan
Kaufmann (adjusted-Wald intervals; their 2021 MeasuringU articles apply it to NPS).
Montgomery, D. C. (2019). Introduction to Statistical Quality Control, 8th ed., ch. 7, 9.

Examples
--------
>>> import cxlab as cx
>>> cx.metrics.nps_from_counts(200, 120, 80)[["nps", "ci_low", "ci_high"]].round(2)
    nps  ci_low  ci_high
0  30.0   22.15     37.4
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from typing import Any, Literal

import numpy as np
import pandas as pd
from scipy import stats

from cxlab._conventions import as_frame, renamed_columns
from cxlab._intervals import wilson
from cxlab.errors import DataError
from cxlab.metrics import _core as core
from cxlab.metrics._results import ComparisonResult, Overall

__all__ = [
    "MIN_GROUP_N",
    "ComparisonResult",
    "alerts",
    "ces",
    "compare",
    "csat",
    "nps",
    "nps_from_counts",
    "nps_sample_size",
    "track",
]

NPSMethod = Literal["wald", "adjusted-wald", "bootstrap"]
Metric = Literal["nps", "csat", "ces"]


_z = core.z_value
_clean = core.clean

# Smallest group compare() accepts (answers with a score, per group). NPS and CSAT
# differences rest on normal approximations of shares, and the chi-square test on
# expected counts of about 5 per cell: about 30 answers per group are needed before
# either means anything. CES uses Welch's t, valid for small groups of roughly normal
# scores, but an SD from fewer than 10 answers is too unstable to compare.
MIN_GROUP_N: dict[str, int] = {"nps": 30, "csat": 30, "ces": 10}


def nps_from_counts(
    promoters: int,
    passives: int,
    detractors: int,
    ci: NPSMethod = "adjusted-wald",
    level: float = 0.95,
) -> pd.DataFrame:
    """NPS and its interval from the three counts (``ci`` "adjusted-wald" or "wald").

    The default is the adjusted-Wald interval (see :func:`nps`); ``ci="wald"`` gives
    the textbook NPS ± z·SE. Fewer than 10 answers give a UserWarning.

    Examples
    --------
    >>> from cxlab.metrics import nps_from_counts
    >>> wald = nps_from_counts(200, 120, 80, ci="wald")
    >>> wald[["n", "promoters", "detractors", "nps", "se"]].round(3)
         n  promoters  detractors   nps     se
    0  400       50.0        20.0  30.0  3.905
    """
    counts = {"promoters": promoters, "passives": passives, "detractors": detractors}
    n_p, n_pa, n_d = (core.count(value, key) for key, value in counts.items())
    n = n_p + n_pa + n_d
    if n == 0:
        raise DataError("No answers: promoters + passives + detractors is 0.")
    if ci == "bootstrap":
        raise DataError("A bootstrap needs the individual answers: use nps(scores, ...).")
    core.check_method(ci)
    if n < core.MIN_RELIABLE_N:
        warnings.warn(core.small_n_message(n, "nps_from_counts"), UserWarning, stacklevel=2)
    return core.nps_frame(n_p, n_pa, n_d, ci, level, n_missing=0)


def nps(
    scores: Iterable[float],
    ci: NPSMethod = "adjusted-wald",
    level: float = 0.95,
    *,
    n_boot: int = 2000,
    seed: int | None = None,
) -> pd.DataFrame:
    """Net promoter score of 0–10 answers, with a confidence interval.

    Parameters
    ----------
    scores : array-like of int
        Answers to "How likely are you to recommend …?" on 0–10. NaN are dropped and
        counted in ``n_missing``; anything else outside 0–10, and True/False, raises
        DataError.
    ci : {"adjusted-wald", "wald", "bootstrap"}
        Interval method (see the module docstring). Default: the adjusted-Wald interval
        of Rocks (2016), recommended by Sauro & Lewis (2016, 2021): add ¾ of a promoter
        and ¾ of a detractor and 3 to n, then a Wald interval around the adjusted NPS.
        Unlike the Wald interval it does not collapse to [100, 100] when every answer
        is a promoter. The reported ``nps`` is always the raw estimate and ``se`` the
        SE of the chosen method; the interval is clipped to [−100, 100] and widened, if
        needed, to include the raw NPS (this only happens for a single answer).
    level : float
        Confidence level.
    n_boot, seed : int
        Bootstrap draws and the seed of numpy's generator (same seed, same interval);
        ``seed`` is required with ``ci="bootstrap"``.

    Returns
    -------
    DataFrame with one row: n, n_missing, promoters, passives, detractors (in %), nps,
    se, ci_low, ci_high, method.

    Warns
    -----
    UserWarning
        Fewer than 10 valid answers: the interval is unreliable.

    Examples
    --------
    >>> import numpy as np, cxlab as cx
    >>> scores = np.repeat([10, 8, 3], [200, 120, 80])
    >>> cx.metrics.nps(scores)[["nps", "ci_low", "ci_high"]].round(2)
        nps  ci_low  ci_high
    0  30.0   22.15     37.4
    >>> cx.metrics.nps([10] * 50)[["nps", "ci_low", "ci_high"]].round(2)
         nps  ci_low  ci_high
    0  100.0   86.64    100.0
    """
    out = _nps(scores, ci, level, n_boot, seed)
    n = int(out["n"].iloc[0])
    if n < core.MIN_RELIABLE_N:
        name = getattr(scores, "name", None) or "NPS scores"
        warnings.warn(core.small_n_message(n, str(name)), UserWarning, stacklevel=2)
    return out


def _nps(
    scores: Iterable[float], ci: str, level: float, n_boot: int = 2000, seed: int | None = None
) -> pd.DataFrame:
    """:func:`nps` without the small-n warning (callers check n themselves)."""
    core.check_method(ci)
    raw = pd.Series(scores, copy=False)
    valid = _clean(raw, 0, 10, "NPS scores")
    n_missing = int(len(raw) - len(valid))
    values = valid.to_numpy()
    n_p, n_pa, n_d = core.nps_counts(values)
    if ci != "bootstrap":
        return core.nps_frame(n_p, n_pa, n_d, ci, level, n_missing)
    if seed is None:
        raise DataError(
            'ci="bootstrap" resamples the answers: pass seed= (e.g. seed=1) so the interval '
            "can be reproduced."
        )
    out = core.nps_frame(n_p, n_pa, n_d, "wald", level, n_missing)
    rng = np.random.default_rng(seed)
    code = np.where(values >= 9, 1.0, np.where(values <= 6, -1.0, 0.0))
    idx = rng.integers(0, len(code), size=(n_boot, len(code)))
    draws = 100 * code[idx].mean(axis=1)
    alpha = 1 - level
    out["se"] = draws.std(ddof=1)
    out["ci_low"], out["ci_high"] = np.quantile(draws, [alpha / 2, 1 - alpha / 2])
    out["method"] = "bootstrap"
    return out


def nps_sample_size(
    margin: float,
    promoters: float | None = None,
    detractors: float | None = None,
    level: float = 0.95,
) -> int:
    """Responses needed for a Wald interval of ± ``margin`` NPS points.

    n = (z·100)² · [p + d − (p − d)²] / margin². Without expected shares the worst case
    p = d = 0.5 (variance 1) is used.

    Examples
    --------
    >>> from cxlab.metrics import nps_sample_size
    >>> nps_sample_size(5, promoters=0.5, detractors=0.2), nps_sample_size(5)
    (938, 1537)
    """
    if margin <= 0:
        raise DataError(f"margin must be a positive number of NPS points, not {margin!r}.")
    if (promoters is None) != (detractors is None):
        raise DataError("Give both expected shares (promoters and detractors) or neither.")
    if promoters is None or detractors is None:
        var = 1.0
    else:
        if promoters < 0 or detractors < 0 or promoters + detractors > 1:
            raise DataError("Expected shares must be proportions (0–1) that sum to at most 1.")
        var = promoters + detractors - (promoters - detractors) ** 2
    return int(np.ceil((_z(level) * 100) ** 2 * var / margin**2 - 1e-9))


def csat(
    scores: Iterable[float],
    scale: tuple[int, int] = (1, 5),
    top: int = 2,
    ci: Literal["wilson", "wald"] = "wilson",
    level: float = 0.95,
) -> pd.DataFrame:
    """CSAT: the share (in %) of top-``top``-box answers, with a Wilson interval.

    ``top`` counts boxes from the top of ``scale`` (top=2 on 1–5: 4 and 5) and must
    lie between 1 and the number of scale points − 1; anything else is a DataError.
    The default interval is Wilson's (a proportion; it does not collapse at 0 % or
    100 %); ``ci="wald"`` gives the normal approximation. ``se`` is the Wald SE.

    Matches ``statsmodels.stats.proportion.proportion_confint(method="wilson")``
    (in R: ``binom::binom.confint(method = "wilson")``).

    Examples
    --------
    >>> from cxlab.metrics import csat
    >>> csat([5, 4, 4, 3, 2, 5, 5, 1, 4, 4])[["n", "csat", "ci_low", "ci_high"]].round(1)
        n  csat  ci_low  ci_high
    0  10  70.0    39.7     89.2
    """
    low, high, top = core.csat_options(scale, top)
    valid = _clean(pd.Series(scores, copy=False), low, high, "CSAT scores")
    hits = int((valid > high - top).sum())
    n = len(valid)
    if ci == "wilson":
        lo, hi = wilson(hits, n, level)
    elif ci == "wald":
        from statsmodels.stats.proportion import proportion_confint

        lo, hi = proportion_confint(hits, n, alpha=1 - level, method="normal")
    else:
        raise DataError(f"ci must be 'wilson' or 'wald', not {ci!r}.")
    return pd.DataFrame(
        {
            "n": [n],
            "csat": [100 * hits / n],
            "se": [100 * np.sqrt(hits / n * (1 - hits / n) / n)],
            "ci_low": [100 * max(lo, 0.0)],
            "ci_high": [100 * min(hi, 1.0)],
            "method": [ci],
        }
    )


def ces(
    scores: Iterable[float], scale: tuple[int, int] = (1, 7), level: float = 0.95
) -> pd.DataFrame:
    """CES: mean customer-effort score with a *t* interval (in R: ``t.test(x)$conf.int``).

    Examples
    --------
    >>> from cxlab.metrics import ces
    >>> ces([6, 7, 5, 6, 4, 7, 6])[["n", "mean", "ci_low", "ci_high"]].round(3)
       n   mean  ci_low  ci_high
    0  7  5.857   4.868    6.846
    """
    low, high = scale
    valid = _clean(pd.Series(scores, copy=False), low, high, "CES scores")
    n = len(valid)
    if n < 2:
        raise DataError("CES needs at least two answers for an interval.")
    mean, sd = float(valid.mean()), float(valid.std(ddof=1))
    se = sd / np.sqrt(n)
    t = float(stats.t.ppf(0.5 + level / 2, n - 1))
    return pd.DataFrame(
        {
            "n": [n],
            "mean": [mean],
            "sd": [sd],
            "se": [se],
            "ci_low": [mean - t * se],
            "ci_high": [mean + t * se],
            "method": ["t"],
        }
    )


def _metric(values: pd.Series, metric: Metric, level: float, **kw: Any) -> pd.DataFrame:
    if metric == "nps":
        return _nps(values, kw.get("ci", "adjusted-wald"), level, seed=kw.get("seed"))
    if metric == "csat":
        return csat(values, level=level, **{k: v for k, v in kw.items() if k in ("scale", "top")})
    if metric == "ces":
        return ces(values, level=level, **{k: v for k, v in kw.items() if k == "scale"})
    raise DataError(f"metric must be 'nps', 'csat' or 'ces', not {metric!r}.")


def _value_column(metric: Metric) -> str:
    return {"nps": "nps", "csat": "csat", "ces": "mean"}[metric]


def compare(
    data: pd.DataFrame,
    metric: Metric,
    by: str,
    score: str,
    reference: Any = None,
    level: float = 0.95,
    min_n: int | None = None,
    *,
    ci: NPSMethod = "adjusted-wald",
    scale: tuple[int, int] | None = None,
    top: int = 2,
    seed: int | None = None,
) -> ComparisonResult:
    """Compare a metric across groups: each group with its CI, differences vs a
    reference group with CI and p-value, and one overall test.

    ``ci`` (NPS only; as :func:`nps`) sets the NPS intervals; ``scale`` (CSAT and
    CES; default that of :func:`csat`, (1, 5), or :func:`ces`, (1, 7)) and ``top``
    (CSAT only, as :func:`csat`) are passed to the metric function; ``seed`` is
    required with ``ci="bootstrap"``. ``data`` is a DataFrame or a Survey.

    Differences: NPS — z test of the difference, built consistently with ``ci``
    (default "adjusted-wald", as :func:`nps`): with adjusted-Wald, each
    group's counts are adjusted (¾ promoter, ¾ detractor, n + 3; Rocks 2016, Sauro &
    Lewis 2016) and the interval is centred on the adjusted difference with the
    adjusted SE, z = adjusted difference / SE; with ``ci="wald"`` everything is raw
    (Var = Var₁ + Var₂). ``difference`` is always the raw difference. CSAT — two-
    proportion z test (unpooled SE for the CI, pooled for the test); CES — Welch's t
    (in R: ``t.test(var.equal = FALSE)``). Overall test across all groups: χ² test of
    the group × (promoter, passive, detractor) table for NPS, group × (top box, rest)
    for CSAT, Welch's ANOVA for CES (``pingouin.welch_anova``).

    Groups with fewer answers than ``min_n`` (default :data:`MIN_GROUP_N`: 30 for NPS
    and CSAT, 10 for CES) are refused with a DataError naming them: a comparison of a
    handful of answers prints a precise-looking number that means nothing. Lower
    ``min_n`` only knowingly.

    Examples
    --------
    >>> import pandas as pd, cxlab as cx
    >>> df = pd.DataFrame({"g": ["a"] * 40 + ["b"] * 40,
    ...                    "s": [10, 9, 9, 3] * 10 + [10, 2, 3, 8] * 10})
    >>> res = cx.metrics.compare(df, "nps", by="g", score="s")
    >>> res.differences[["group", "reference", "difference"]]
      group reference  difference
    0     b         a       -75.0
    >>> res.groups[["group", "n", "nps"]]
      group   n   nps
    0     a  40  50.0
    1     b  40 -25.0
    """
    data = as_frame(data)
    options: dict[str, Any] = {"ci": ci, "top": top, "seed": seed}
    if scale is not None:
        options["scale"] = scale
    for col in (by, score):
        if col not in data.columns:
            raise DataError(f"compare: no column {col!r}; columns are {list(data.columns)}.")
    if metric not in MIN_GROUP_N:
        raise DataError(f"metric must be 'nps', 'csat' or 'ces', not {metric!r}.")
    value = _value_column(metric)
    need = MIN_GROUP_N[metric] if min_n is None else int(min_n)
    sizes = data[score].notna().groupby(data[by], sort=True).sum()
    small = sizes[sizes < need]
    if len(small):
        listed = ", ".join(f"{g!r} (n = {int(k)})" for g, k in small.items())
        raise DataError(
            f"compare: {len(small)} group(s) of column {by!r} have fewer than {need} answers "
            f"in {score!r}: {listed}. A {metric.upper()} comparison needs at least {need} "
            f"answers per group (cx.metrics.MIN_GROUP_N); merge small groups, leave them "
            f"out (e.g. data[~data[{by!r}].isin([...])]), or pass min_n= knowingly."
        )
    rows, counts = [], {}
    for group, part in data.groupby(by, sort=True):
        row = _metric(part[score], metric, level, **options)
        row.insert(0, "group", group)
        rows.append(row)
        if metric == "nps":
            counts[group] = core.nps_counts(_clean(part[score], 0, 10, str(score)).to_numpy())
    groups = pd.concat(rows, ignore_index=True)
    if len(groups) < 2:
        raise DataError(f"compare: column {by!r} has only one group; nothing to compare.")
    ref = groups["group"].iloc[0] if reference is None else reference
    if ref not in set(groups["group"]):
        raise DataError(f"compare: reference {ref!r} is not a group of {by!r}.")
    base = groups.set_index("group").loc[ref]
    z = _z(level)
    diffs = []
    for row in groups[groups["group"] != ref].itertuples(index=False):
        r = row._asdict()
        diff = r[value] - base[value]
        low = high = None
        if metric == "ces":
            a = _clean(data.loc[data[by] == r["group"], score], *options.get("scale", (1, 7)), "")
            b = _clean(data.loc[data[by] == ref, score], *options.get("scale", (1, 7)), "")
            test = stats.ttest_ind(a, b, equal_var=False)
            se = float(np.sqrt(a.var(ddof=1) / len(a) + b.var(ddof=1) / len(b)))
            dof = float(test.df)
            crit = float(stats.t.ppf(0.5 + level / 2, dof))
            stat, p = float(test.statistic), float(test.pvalue)
        elif metric == "nps" and ci in ("wald", "adjusted-wald"):
            diff, se, low, high, stat = core.nps_difference(counts[r["group"]], counts[ref], ci, z)
            p = float(2 * stats.norm.sf(abs(stat)))
        else:
            se = float(np.sqrt(r["se"] ** 2 + base["se"] ** 2))
            crit = z
            if metric == "csat":
                pooled = (
                    (r["csat"] * r["n"] + base["csat"] * base["n"]) / 100 / (r["n"] + base["n"])
                )
                se_test = 100 * np.sqrt(pooled * (1 - pooled) * (1 / r["n"] + 1 / base["n"]))
            else:
                se_test = se
            stat = diff / se_test if se_test > 0 else 0.0
            p = float(2 * stats.norm.sf(abs(stat)))
        diffs.append(
            {
                "group": r["group"],
                "reference": ref,
                "difference": diff,
                "se": se,
                "ci_low": diff - crit * se if low is None else low,
                "ci_high": diff + crit * se if high is None else high,
                "statistic": stat,
                "pvalue": p,
            }
        )
    overall = Overall(core.overall(data, metric, by, score, options))
    return ComparisonResult(groups, renamed_columns(pd.DataFrame(diffs)), overall)


def track(
    data: pd.DataFrame,
    metric: Metric,
    score: str,
    time: str,
    unit: str | None = None,
    freq: str | None = None,
    method: Literal["p-chart", "ewma"] = "p-chart",
    baseline: int | None = None,
    level: float = 0.997,
    lam: float = 0.2,
) -> pd.DataFrame:
    """Control chart of a metric per period (and per unit, e.g. store).

    *p-chart* (Shewhart): the centre line is the metric pooled over each unit's
    baseline periods (default: the first half); limits are centre ± z·SEₜ, with SEₜ the
    metric's standard error at that period's n (Var₁ of the baseline / nₜ), so limits
    widen in thin weeks. *EWMA* (Roberts 1959; Montgomery 2019, §9.2): zₜ = λxₜ +
    (1 − λ)zₜ₋₁ from z₀ = centre, limits centre ± z·σₜ with
    σₜ² = λ Σ (1 − λ)^{2(t−i)} SEᵢ² summed over the periods so far. ``level`` 0.997
    gives the classic three-sigma limits.

    Returns one row per unit and period: unit, period, n, value, centre, lcl, ucl,
    statistic (the plotted value: the metric, or the EWMA), signal ("low", "high", "").

    Examples
    --------
    >>> import pandas as pd, cxlab as cx
    >>> df = pd.DataFrame({"week": [1] * 50 + [2] * 50 + [3] * 50,
    ...                    "s": [10, 9, 7, 3, 10] * 20 + [0, 2, 3, 8, 9] * 10})
    >>> cx.metrics.track(df, "nps", score="s", time="week", baseline=2)["signal"].tolist()
    ['', '', 'low']
    """
    data = as_frame(data)
    for col in [c for c in (score, time, unit) if c is not None]:
        if col not in data.columns:
            raise DataError(f"track: no column {col!r}; columns are {list(data.columns)}.")
    if method not in ("p-chart", "ewma"):
        raise DataError(f"method must be 'p-chart' or 'ewma', not {method!r}.")
    frame = data[[c for c in (score, time, unit) if c is not None]].dropna(subset=[score])
    frame = frame.copy()
    if freq is not None:
        frame[time] = core.parse_times(frame[time], time).dt.to_period(freq).dt.start_time
    frame["_unit"] = frame[unit] if unit is not None else "all"
    z = _z(level)
    value_col = _value_column(metric)
    out = []
    for unit_name, part in frame.groupby("_unit", sort=True):
        periods = []
        for period, chunk in part.groupby(time, sort=True):
            row = _metric(chunk[score], metric, 0.95, ci="wald")
            periods.append(
                (period, chunk[score], int(row["n"].iloc[0]), float(row[value_col].iloc[0]))
            )
        k = baseline if baseline is not None else max(1, len(periods) // 2)
        base_scores = pd.concat([p[1] for p in periods[:k]])
        base = _metric(base_scores, metric, 0.95, ci="wald")
        centre = float(base[value_col].iloc[0])
        unit_var = float(base["se"].iloc[0]) ** 2 * int(base["n"].iloc[0])
        ewma, ewma_var = centre, 0.0
        for period, _, n, value in periods:
            se = np.sqrt(unit_var / n)
            if method == "p-chart":
                stat, half = value, z * se
            else:
                ewma = lam * value + (1 - lam) * ewma
                ewma_var = lam**2 * se**2 + (1 - lam) ** 2 * ewma_var
                stat, half = ewma, z * np.sqrt(ewma_var)
            signal = "low" if stat < centre - half else "high" if stat > centre + half else ""
            out.append(
                {
                    "unit": unit_name,
                    "period": period,
                    "n": n,
                    "value": value,
                    "centre": centre,
                    "lcl": centre - half,
                    "ucl": centre + half,
                    "statistic": stat,
                    "signal": signal,
                }
            )
    result = pd.DataFrame(out)
    result.attrs.update({"metric": metric, "method": method, "level": level})
    return result


def alerts(
    tracked: pd.DataFrame, direction: Literal["low", "high", "both"] = "low", min_periods: int = 1
) -> pd.DataFrame:
    """The periods of a :func:`track` table whose signal lies beyond the limits.

    ``min_periods`` keeps only units with at least that many consecutive signals (2 or
    3 cuts false alarms further). Adds ``limit`` (the crossed limit) and a plain-English
    ``message``.

    Examples
    --------
    >>> import pandas as pd, cxlab as cx
    >>> df = pd.DataFrame({"week": [1] * 50 + [2] * 50 + [3] * 50,
    ...                    "s": [10, 9, 7, 3, 10] * 20 + [0, 2, 3, 8, 9] * 10})
    >>> tracked = cx.metrics.track(df, "nps", "s", "week", baseline=2)
    >>> print(cx.metrics.alerts(tracked)["message"][0])
    all: NPS -40.0 in period 3 is below its lower control limit 6.4 (n = 50).
    """
    wanted = {"low": {"low"}, "high": {"high"}, "both": {"low", "high"}}[direction]
    rows = tracked[tracked["signal"].isin(wanted)].copy()
    if min_periods > 1 and not rows.empty:
        keep = []
        for _, part in tracked.groupby("unit", sort=False):
            flag = part["signal"].isin(wanted).to_numpy()
            run = np.zeros(len(flag), dtype=int)
            for i, f in enumerate(flag):
                run[i] = (run[i - 1] + 1 if i else 1) if f else 0
            for i in range(len(flag) - 1, -1, -1):  # spread run lengths back over the run
                if flag[i] and i + 1 < len(flag) and flag[i + 1]:
                    run[i] = run[i + 1]
            keep.extend(part.index[(run >= min_periods) & flag])
        rows = rows.loc[rows.index.isin(keep)]
    name = str(tracked.attrs.get("metric", "value")).upper()
    if tracked.attrs.get("method") == "ewma":
        name = f"EWMA of {name}"
    rows["limit"] = np.where(rows["signal"] == "low", rows["lcl"], rows["ucl"])
    period = rows["period"].map(lambda p: p.date().isoformat() if hasattr(p, "date") else str(p))
    rows["message"] = [
        f"{u}: {name} {v:.1f} in period {p} is "
        f"{'below its lower' if s == 'low' else 'above its upper'} control limit "
        f"{lim:.1f} (n = {n})."
        for u, v, p, s, lim, n in zip(
            rows["unit"],
            rows["statistic"],
            period,
            rows["signal"],
            rows["limit"],
            rows["n"],
            strict=True,
        )
    ]
    return rows.reset_index(drop=True)
