"""CX metrics with honest uncertainty: NPS, CSAT and CES, group comparisons, and
control charts that tell a real drop from noise.

Every function returns a tidy DataFrame (one row per metric, group or period) whose
interval columns are ``ci_low`` / ``ci_high``.

- NPS (Reichheld 2003) = % promoters (9–10) − % detractors (0–6) on a 0–10 item.
  With p, d the promoter and detractor shares of n answers,
  Var(NPS/100) = [p + d − (p − d)²] / n (the variance of a difference of two
  multinomial shares). *Wald*: NPS ± z·100·√Var. *Adjusted-Wald* (Rocks 2016): add ¾
  to the promoter and to the detractor count and 3 to n, then Wald around the adjusted
  estimate. *Bootstrap*: percentile interval over resampled respondents.
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
Montgomery, D. C. (2019). Introduction to Statistical Quality Control, 8th ed., ch. 7, 9.

Examples
--------
>>> import cxlab as cx
>>> cx.metrics.nps_from_counts(200, 120, 80)[["nps", "ci_low", "ci_high"]].round(2)
    nps  ci_low  ci_high
0  30.0   22.35    37.65
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd
from scipy import stats

from cxlab.errors import DataError

__all__ = [
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


def _z(level: float) -> float:
    if not 0 < level < 1:
        raise DataError(f"level must be between 0 and 1 (e.g. 0.95), not {level!r}.")
    return float(stats.norm.ppf(0.5 + level / 2))


def _clean(scores: Any, low: int, high: int, what: str, integer: bool = True) -> pd.Series:
    """Scores as float Series without NaN; DataError naming bad positions."""
    name = getattr(scores, "name", None) or what
    series = pd.Series(scores, copy=False)
    numeric = pd.to_numeric(series, errors="coerce")
    not_numeric = numeric.isna() & series.notna()
    bad = not_numeric | (numeric < low) | (numeric > high)
    if integer:
        bad |= numeric.notna() & (numeric != np.round(numeric))
    if bad.any():
        labels = list(series.index[bad][:5])
        values = list(series[bad][:5])
        kind = "whole numbers" if integer else "numbers"
        raise DataError(
            f"{name}: {int(bad.sum())} value(s) are not {kind} from {low} to {high}, e.g. "
            f"{values} at index {labels}. Recode or drop them (missing answers may be NaN)."
        )
    valid = numeric.dropna().astype(float)
    if valid.empty:
        raise DataError(f"{name}: no valid answers (all {len(series)} are missing or empty).")
    return valid


def _nps_row(p: float, d: float, n: float, z: float) -> tuple[float, float, float, float]:
    est = 100 * (p - d)
    se = 100 * np.sqrt(max(p + d - (p - d) ** 2, 0.0) / n)
    return est, se, est - z * se, est + z * se


def nps_from_counts(
    promoters: int,
    passives: int,
    detractors: int,
    ci: NPSMethod = "wald",
    level: float = 0.95,
) -> pd.DataFrame:
    """NPS and its interval from the three counts (``ci`` "wald" or "adjusted-wald").

    Examples
    --------
    >>> from cxlab.metrics import nps_from_counts
    >>> nps_from_counts(200, 120, 80)[["n", "promoters", "detractors", "nps", "se"]].round(3)
         n  promoters  detractors   nps     se
    0  400       50.0        20.0  30.0  3.905
    """
    counts = {"promoters": promoters, "passives": passives, "detractors": detractors}
    for key, value in counts.items():
        if not float(value).is_integer() or value < 0:
            raise DataError(f"{key} must be a count (a whole number ≥ 0), not {value!r}.")
    n = promoters + passives + detractors
    if n == 0:
        raise DataError("No answers: promoters + passives + detractors is 0.")
    if ci == "bootstrap":
        raise DataError("A bootstrap needs the individual answers: use nps(scores, ...).")
    return _nps_frame(promoters, passives, detractors, ci, level, n_missing=0)


def _nps_frame(
    n_p: float, n_pa: float, n_d: float, ci: str, level: float, n_missing: int
) -> pd.DataFrame:
    z = _z(level)
    n = n_p + n_pa + n_d
    p, d = n_p / n, n_d / n
    est, se, low, high = _nps_row(p, d, n, z)
    if ci == "adjusted-wald":
        n_adj = n + 3
        _, se, low, high = _nps_row((n_p + 0.75) / n_adj, (n_d + 0.75) / n_adj, n_adj, z)
    elif ci != "wald":
        raise DataError(f"ci must be 'wald', 'adjusted-wald' or 'bootstrap', not {ci!r}.")
    return pd.DataFrame(
        {
            "n": [int(n)],
            "n_missing": [n_missing],
            "promoters": [100 * p],
            "passives": [100 * n_pa / n],
            "detractors": [100 * d],
            "nps": [est],
            "se": [se],
            "ci_low": [max(low, -100.0)],
            "ci_high": [min(high, 100.0)],
            "method": [ci],
        }
    )


def nps(
    scores: Iterable[float],
    ci: NPSMethod = "wald",
    level: float = 0.95,
    n_boot: int = 2000,
    seed: int | None = None,
) -> pd.DataFrame:
    """Net promoter score of 0–10 answers, with a confidence interval.

    Parameters
    ----------
    scores : array-like of int
        Answers to "How likely are you to recommend …?" on 0–10. NaN are dropped and
        counted in ``n_missing``; anything else outside 0–10 raises DataError.
    ci : {"wald", "adjusted-wald", "bootstrap"}
        Interval method (see the module docstring). The reported ``nps`` is always the
        raw estimate; the adjusted-Wald interval is centred on the adjusted estimate.
    level : float
        Confidence level.
    n_boot, seed : int
        Bootstrap draws and the seed of numpy's generator (same seed, same interval).

    Returns
    -------
    DataFrame with one row: n, n_missing, promoters, passives, detractors (in %), nps,
    se, ci_low, ci_high, method.

    Examples
    --------
    >>> import numpy as np, cxlab as cx
    >>> scores = np.repeat([10, 8, 3], [200, 120, 80])
    >>> cx.metrics.nps(scores, ci="adjusted-wald")[["nps", "ci_low", "ci_high"]].round(2)
        nps  ci_low  ci_high
    0  30.0   22.15     37.4
    """
    raw = pd.Series(scores, copy=False)
    valid = _clean(raw, 0, 10, "NPS scores")
    n_missing = int(len(raw) - len(valid))
    values = valid.to_numpy()
    n_p, n_d = int((values >= 9).sum()), int((values <= 6).sum())
    n_pa = len(values) - n_p - n_d
    if ci != "bootstrap":
        return _nps_frame(n_p, n_pa, n_d, ci, level, n_missing)
    out = _nps_frame(n_p, n_pa, n_d, "wald", level, n_missing)
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

    Matches ``statsmodels.stats.proportion.proportion_confint(method="wilson")``
    (in R: ``binom::binom.confint(method = "wilson")``).

    Examples
    --------
    >>> from cxlab.metrics import csat
    >>> csat([5, 4, 4, 3, 2, 5, 5, 1, 4, 4])[["n", "csat", "ci_low", "ci_high"]].round(1)
        n  csat  ci_low  ci_high
    0  10  70.0    39.7     89.2
    """
    from statsmodels.stats.proportion import proportion_confint

    low, high = scale
    valid = _clean(pd.Series(scores, copy=False), low, high, "CSAT scores")
    hits = int((valid > high - top).sum())
    n = len(valid)
    method = {"wilson": "wilson", "wald": "normal"}.get(ci)
    if method is None:
        raise DataError(f"ci must be 'wilson' or 'wald', not {ci!r}.")
    lo, hi = proportion_confint(hits, n, alpha=1 - level, method=method)
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
        return nps(values, level=level, ci=kw.get("ci", "wald"))
    if metric == "csat":
        return csat(values, level=level, **{k: v for k, v in kw.items() if k in ("scale", "top")})
    if metric == "ces":
        return ces(values, level=level, **{k: v for k, v in kw.items() if k == "scale"})
    raise DataError(f"metric must be 'nps', 'csat' or 'ces', not {metric!r}.")


def _value_column(metric: Metric) -> str:
    return {"nps": "nps", "csat": "csat", "ces": "mean"}[metric]


def _p(p: float) -> str:
    return "< 0.0001" if p < 1e-4 else f"= {p:.4f}"


@dataclass
class ComparisonResult:
    """Result of :func:`compare`: per-group metrics, differences and an overall test."""

    groups: pd.DataFrame
    differences: pd.DataFrame
    overall: dict[str, Any]

    def summary(self) -> str:
        """Plain-text summary of the overall test and the differences."""
        lines = [
            f"Overall: {self.overall['test']} = {self.overall['statistic']:.3f}, "
            f"p {_p(self.overall['p_value'])}"
        ]
        for row in self.differences.itertuples(index=False):
            lines.append(
                f"{row.group} − {row.reference}: {row.difference:+.2f} "
                f"[{row.ci_low:.2f}, {row.ci_high:.2f}], p {_p(row.p_value)}"
            )
        return "\n".join(lines)

    def __repr__(self) -> str:
        return self.summary()


def compare(
    data: pd.DataFrame,
    metric: Metric,
    by: str,
    score: str,
    reference: Any = None,
    level: float = 0.95,
    **options: Any,
) -> ComparisonResult:
    """Compare a metric across groups: each group with its CI, differences vs a
    reference group with CI and p-value, and one overall test.

    Differences: NPS — z test with Var = Var₁ + Var₂ (Wald variances); CSAT — two-
    proportion z test (unpooled SE for the CI, pooled for the test); CES — Welch's t
    (in R: ``t.test(var.equal = FALSE)``). Overall test across all groups: χ² test of
    the group × (promoter, passive, detractor) table for NPS, group × (top box, rest)
    for CSAT, Welch's ANOVA for CES (``pingouin.welch_anova``).

    Examples
    --------
    >>> import pandas as pd, cxlab as cx
    >>> df = pd.DataFrame({"g": ["a"] * 4 + ["b"] * 4, "s": [10, 9, 9, 3, 10, 2, 3, 8]})
    >>> res = cx.metrics.compare(df, "nps", by="g", score="s")
    >>> res.differences[["group", "reference", "difference"]]
      group reference  difference
    0     b         a       -75.0
    """
    for col in (by, score):
        if col not in data.columns:
            raise DataError(f"compare: no column {col!r}; columns are {list(data.columns)}.")
    value = _value_column(metric)
    rows = []
    for group, part in data.groupby(by, sort=True):
        row = _metric(part[score], metric, level, **options)
        row.insert(0, "group", group)
        rows.append(row)
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
        if metric == "ces":
            a = _clean(data.loc[data[by] == r["group"], score], *options.get("scale", (1, 7)), "")
            b = _clean(data.loc[data[by] == ref, score], *options.get("scale", (1, 7)), "")
            test = stats.ttest_ind(a, b, equal_var=False)
            se = float(np.sqrt(a.var(ddof=1) / len(a) + b.var(ddof=1) / len(b)))
            dof = float(test.df)
            crit = float(stats.t.ppf(0.5 + level / 2, dof))
            stat, p = float(test.statistic), float(test.pvalue)
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
                "ci_low": diff - crit * se,
                "ci_high": diff + crit * se,
                "statistic": stat,
                "p_value": p,
            }
        )
    return ComparisonResult(groups, pd.DataFrame(diffs), _overall(data, metric, by, score, options))


def _overall(data: pd.DataFrame, metric: Metric, by: str, score: str, options: dict) -> dict:
    if metric == "ces":
        import pingouin as pg

        clean = data[[by, score]].dropna()
        res = pg.welch_anova(data=clean, dv=score, between=by)
        return {
            "test": "Welch ANOVA F",
            "statistic": float(res["F"].iloc[0]),
            "df": (float(res["ddof1"].iloc[0]), float(res["ddof2"].iloc[0])),
            "p_value": float(res["p_unc"].iloc[0] if "p_unc" in res else res["p-unc"].iloc[0]),
        }
    clean = data[[by, score]].dropna()
    if metric == "nps":
        cat = pd.cut(clean[score], [-1, 6, 8, 10], labels=["detractor", "passive", "promoter"])
    else:
        high = options.get("scale", (1, 5))[1]
        cat = np.where(clean[score] > high - options.get("top", 2), "top", "rest")
    table = pd.crosstab(clean[by], cat)
    chi2, p, dof, _ = stats.chi2_contingency(table, correction=False)
    return {"test": "chi-square", "statistic": float(chi2), "df": int(dof), "p_value": float(p)}


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
    for col in [c for c in (score, time, unit) if c is not None]:
        if col not in data.columns:
            raise DataError(f"track: no column {col!r}; columns are {list(data.columns)}.")
    if method not in ("p-chart", "ewma"):
        raise DataError(f"method must be 'p-chart' or 'ewma', not {method!r}.")
    frame = data[[c for c in (score, time, unit) if c is not None]].dropna(subset=[score])
    frame = frame.copy()
    if freq is not None:
        frame[time] = pd.to_datetime(frame[time]).dt.to_period(freq).dt.start_time
    frame["_unit"] = frame[unit] if unit is not None else "all"
    z = _z(level)
    value_col = _value_column(metric)
    out = []
    for unit_name, part in frame.groupby("_unit", sort=True):
        periods = []
        for period, chunk in part.groupby(time, sort=True):
            row = _metric(chunk[score], metric, 0.95)
            periods.append(
                (period, chunk[score], int(row["n"].iloc[0]), float(row[value_col].iloc[0]))
            )
        k = baseline if baseline is not None else max(1, len(periods) // 2)
        base_scores = pd.concat([p[1] for p in periods[:k]])
        base = _metric(base_scores, metric, 0.95)
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
