"""Input checks and interval arithmetic behind :mod:`cxlab.metrics` (private).

- :func:`clean` turns answers into floats and names bad positions (booleans, text,
  out-of-scale or fractional values);
- :func:`nps_frame` builds the one-row NPS table (Wald or adjusted-Wald interval);
- :func:`nps_difference` builds the interval and z test of a difference of two NPS
  consistently (raw with raw, adjusted with adjusted);
- :func:`parse_times` parses a date column and names the first unreadable values.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from cxlab.errors import DataError

NPS_METHODS = ("wald", "adjusted-wald", "bootstrap")
MIN_RELIABLE_N = 10  # below this many answers an NPS interval gets a warning
_SHOW = 5  # bad values named in a message


def z_value(level: float) -> float:
    """Two-sided normal quantile of a confidence level (DataError outside (0, 1))."""
    if not 0 < level < 1:
        raise DataError(f"level must be between 0 and 1 (e.g. 0.95), not {level!r}.")
    return float(stats.norm.ppf(0.5 + level / 2))


def _booleans(series: pd.Series) -> pd.Series:
    """Mask of the True/False values of *series* (booleans are not scores)."""
    if series.dtype == bool or str(series.dtype) == "boolean":
        return series.notna()
    if series.dtype == object:
        return series.map(lambda v: isinstance(v, bool | np.bool_)).astype(bool)
    return pd.Series(False, index=series.index)


def clean(scores: Any, low: int, high: int, what: str, integer: bool = True) -> pd.Series:
    """Scores as float Series without NaN; DataError naming bad positions."""
    name = getattr(scores, "name", None) or what
    series = pd.Series(scores, copy=False)
    flags = _booleans(series)
    if flags.any():
        labels = list(series.index[flags][:_SHOW])
        values = list(series[flags][:_SHOW])
        raise DataError(
            f"{name}: {int(flags.sum())} value(s) are True/False, e.g. {values} at index "
            f"{labels}; expected the answers themselves, whole numbers from {low} to {high}. "
            "A yes/no flag (e.g. 'is a promoter') is not a score: pass the original "
            f"{low}–{high} answers, or recode the flags explicitly."
        )
    numeric = pd.to_numeric(series, errors="coerce")
    not_numeric = numeric.isna() & series.notna()
    bad = not_numeric | (numeric < low) | (numeric > high)
    if integer:
        bad |= numeric.notna() & (numeric != np.round(numeric))
    if bad.any():
        labels = list(series.index[bad][:_SHOW])
        values = list(series[bad][:_SHOW])
        kind = "whole numbers" if integer else "numbers"
        raise DataError(
            f"{name}: {int(bad.sum())} value(s) are not {kind} from {low} to {high}, e.g. "
            f"{values} at index {labels}. Recode or drop them (missing answers may be NaN)."
        )
    valid = numeric.dropna().astype(float)
    if valid.empty:
        raise DataError(f"{name}: no valid answers (all {len(series)} are missing or empty).")
    return valid


def count(value: Any, name: str) -> int:
    """A count argument as int, or DataError naming the argument."""
    numeric = isinstance(value, int | float | np.integer | np.floating)
    if (
        not numeric
        or isinstance(value, bool | np.bool_)
        or not np.isfinite(value)
        or not float(value).is_integer()
        or value < 0
    ):
        raise DataError(
            f"nps_from_counts: {name} must be a count (a whole number ≥ 0), not {value!r} "
            f"({type(value).__name__}). Pass numbers, e.g. {name}=int(...) for a count read "
            "as text."
        )
    return int(value)


def nps_row(p: float, d: float, n: float, z: float) -> tuple[float, float, float, float]:
    """Estimate, SE, lower and upper Wald bound (NPS points) from shares p, d of n."""
    est = 100 * (p - d)
    se = 100 * np.sqrt(max(p + d - (p - d) ** 2, 0.0) / n)
    return est, se, est - z * se, est + z * se


def adjusted(n_p: float, n_d: float, n: float) -> tuple[float, float, float]:
    """Adjusted-Wald shares (Rocks 2016): ¾ promoter and ¾ detractor added, n + 3."""
    n_adj = n + 3
    return (n_p + 0.75) / n_adj, (n_d + 0.75) / n_adj, n_adj


def check_method(ci: str) -> None:
    """DataError unless *ci* is an NPS interval method."""
    if ci not in NPS_METHODS:
        raise DataError(f"ci must be 'wald', 'adjusted-wald' or 'bootstrap', not {ci!r}.")


def nps_frame(
    n_p: float, n_pa: float, n_d: float, ci: str, level: float, n_missing: int
) -> pd.DataFrame:
    """The one-row NPS table; the interval is clipped to [−100, 100] and always holds
    the raw NPS (an adjusted-Wald interval of a single answer would not)."""
    z = z_value(level)
    n = n_p + n_pa + n_d
    p, d = n_p / n, n_d / n
    est, se, low, high = nps_row(p, d, n, z)
    if ci == "adjusted-wald":
        _, se, low, high = nps_row(*adjusted(n_p, n_d, n), z)
    elif ci != "wald":
        check_method(ci)
    return pd.DataFrame(
        {
            "n": [int(n)],
            "n_missing": [n_missing],
            "promoters": [100 * p],
            "passives": [100 * n_pa / n],
            "detractors": [100 * d],
            "nps": [est],
            "se": [se],
            "ci_low": [max(min(low, est), -100.0)],
            "ci_high": [min(max(high, est), 100.0)],
            "method": [ci],
        }
    )


def small_n_message(n: int, what: str) -> str:
    """Text of the warning for an NPS from fewer than MIN_RELIABLE_N answers."""
    return (
        f"{what}: only {n} answer(s); an NPS interval from fewer than {MIN_RELIABLE_N} "
        "answers is unreliable (it spans a large part of −100 … 100 and its coverage is "
        "poor). Read the NPS as anecdotal, or collect more answers."
    )


def nps_counts(values: np.ndarray) -> tuple[int, int, int]:
    """Promoters (9–10), passives (7–8) and detractors (0–6) of valid 0–10 answers."""
    n_p, n_d = int((values >= 9).sum()), int((values <= 6).sum())
    return n_p, len(values) - n_p - n_d, n_d


def nps_difference(
    group: tuple[int, int, int], ref: tuple[int, int, int], ci: str, z: float
) -> tuple[float, float, float, float, float]:
    """Difference of two NPS (group − reference): raw difference, SE, CI and z.

    ``wald``: raw difference ± z·SE with the raw (Wald) variances. ``adjusted-wald``:
    every piece from the adjusted counts of each group (¾ promoter, ¾ detractor, n + 3;
    Rocks 2016; Sauro & Lewis 2016 for differences): centre = adjusted NPS difference,
    SE from the adjusted variances, z = adjusted difference / SE. The raw difference is
    still reported as the point estimate. The interval is clipped to [−200, 200].
    """
    shares = []
    for n_p, n_pa, n_d in (group, ref):
        n = n_p + n_pa + n_d
        if ci == "adjusted-wald":
            shares.append(adjusted(n_p, n_d, n))
        else:
            shares.append((n_p / n, n_d / n, n))
    raw = 100 * (group[0] / sum(group) - group[2] / sum(group))
    raw -= 100 * (ref[0] / sum(ref) - ref[2] / sum(ref))
    (e1, s1, _, _), (e2, s2, _, _) = (nps_row(p, d, n, z) for p, d, n in shares)
    centre = e1 - e2
    se = float(np.sqrt(s1**2 + s2**2))
    stat = centre / se if se > 0 else 0.0
    return raw, se, max(centre - z * se, -200.0), min(centre + z * se, 200.0), stat


def parse_times(values: pd.Series, column: str) -> pd.Series:
    """*values* as datetimes; DataError naming the first unreadable values and rows."""
    try:
        return pd.to_datetime(values)
    except (ValueError, TypeError, OverflowError):
        pass
    coerced = pd.to_datetime(values, errors="coerce", format="mixed")
    candidates = values[coerced.isna() & values.notna()]
    bad_rows, bad_values = [], []
    for value in candidates.drop_duplicates():
        try:
            pd.to_datetime(value)
        except (ValueError, TypeError, OverflowError):
            rows = candidates.index[candidates == value]
            bad_rows += list(rows[: _SHOW - len(bad_rows)])
            bad_values += [value] * min(len(rows), _SHOW - len(bad_values))
            if len(bad_rows) >= _SHOW:
                break
    if not bad_rows:  # each value parses alone but not together (mixed formats)
        raise DataError(
            f"track: column {column!r} mixes date formats (e.g. {values.iloc[0]!r}); write "
            "every date as 2024-03-31, or convert the column with pd.to_datetime(..., "
            "format=...) first."
        )
    shown = ", ".join(f"{v!r} in row {r!r}" for v, r in zip(bad_values, bad_rows, strict=True))
    raise DataError(
        f"track: column {column!r} holds values that are not dates: {shown}. Write dates as "
        "2024-03-31, fix or drop these rows, or convert the column with pd.to_datetime(..., "
        "format=...) first."
    )


def _whole(value: Any) -> bool:
    """True for a whole number (5 or 5.0), False for True/False, text or 4.5."""
    return (
        isinstance(value, int | float | np.integer | np.floating)
        and not isinstance(value, bool | np.bool_)
        and np.isfinite(value)
        and float(value).is_integer()
    )


def csat_options(scale: Any, top: Any) -> tuple[int, int, int]:
    """(low, high, top) of a CSAT call; DataError naming a bad ``scale`` or ``top``."""
    try:
        low, high = scale
    except (TypeError, ValueError):
        low = high = None
    if not (_whole(low) and _whole(high) and low < high):
        raise DataError(
            f"csat: scale must be (lowest, highest) whole numbers such as (1, 5), not {scale!r}."
        )
    points = int(high - low + 1)
    if not _whole(top) or not 1 <= top <= points - 1:
        raise DataError(
            f"csat: top={top!r} does not fit the {low:g}–{high:g} scale ({points} points): top "
            f"is the number of top boxes counted as satisfied and must be a whole number from "
            f"1 to {points - 1} (top=2 counts {high - 1:g}–{high:g}). Check scale= as well, "
            "e.g. scale=(1, 10) for a 1–10 item."
        )
    return int(low), int(high), int(top)


def overall(data: pd.DataFrame, metric: str, by: str, score: str, options: dict) -> dict:
    """The overall test of :func:`cxlab.metrics.compare` across all groups."""
    if metric == "ces":
        import pingouin as pg

        clean = data[[by, score]].dropna()
        res = pg.welch_anova(data=clean, dv=score, between=by)
        return {
            "test": "Welch ANOVA F",
            "statistic": float(res["F"].iloc[0]),
            "df": (float(res["ddof1"].iloc[0]), float(res["ddof2"].iloc[0])),
            "pvalue": float(res["p_unc"].iloc[0] if "p_unc" in res else res["p-unc"].iloc[0]),
        }
    clean = data[[by, score]].dropna()
    if metric == "nps":
        cat = pd.cut(clean[score], [-1, 6, 8, 10], labels=["detractor", "passive", "promoter"])
    else:
        high = options.get("scale", (1, 5))[1]
        cat = np.where(clean[score] > high - options.get("top", 2), "top", "rest")
    table = pd.crosstab(clean[by], cat)
    chi2, p, dof, _ = stats.chi2_contingency(table, correction=False)
    return {"test": "chi-square", "statistic": float(chi2), "df": int(dof), "pvalue": float(p)}
