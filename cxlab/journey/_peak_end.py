"""The peak-end rule (峰终定律) on journey data: do the most intense moment and the last
stage predict the overall evaluation better than the average of all stages? (private;
public through :mod:`cxlab.journey`).
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

from cxlab._conventions import numeric_columns
from cxlab.errors import DataError
from cxlab.journey._stagedata import check_counts, check_level, check_scale, stage_rows

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from cxlab.viz import Lang

__all__ = ["MODELS", "PeakEnd", "peak_end"]

#: the models compared: name → predictors of the overall evaluation
MODELS = {
    "mean": ["mean"],
    "peak-end": ["peak_end"],
    "peak + end": ["peak", "end"],
    "mean + peak + end": ["mean", "peak", "end"],
}
#: the contrasts: name → (model, model it is compared with, what is compared)
CONTRASTS = {
    "R2(peak-end) - R2(mean)": ("peak-end", "mean", "r2"),
    "r(peak-end) - r(mean)": ("peak-end", "mean", "r"),
    "R2(mean + peak + end) - R2(mean)": ("mean + peak + end", "mean", "r2"),
}
_WORDS = {
    "en": {
        "title": "Peak-end rule: what predicts the overall evaluation",
        "x": "R² ({level:.0%} bootstrap CI)",
        "mean": "mean of all stages",
        "peak-end": "peak-end (average of peak and end)",
        "peak + end": "peak + end",
        "mean + peak + end": "mean + peak + end",
    },
    "zh": {
        "title": "峰终定律：什么预测了总体评价",
        "x": "R²（{level:.0%} 自助法置信区间）",
        "mean": "所有阶段的均值",
        "peak-end": "峰终均值（峰值与终值的平均）",
        "peak + end": "峰值 + 终值",
        "mean + peak + end": "均值 + 峰值 + 终值",
    },
}


@dataclass
class PeakEnd:
    """Result of :func:`peak_end`.

    Attributes
    ----------
    fits : DataFrame
        One row per model (``mean``, ``peak-end``, ``peak + end``, ``mean + peak + end``):
        ``predictors``, ``r`` (correlation, single-predictor models), ``r2`` with its
        bootstrap ``ci_low`` / ``ci_high``.
    comparison : DataFrame
        ``contrast``, ``est`` and its bootstrap ``ci_low`` / ``ci_high``; the nested
        contrast (peak and end over the mean) also has the F test's ``pvalue``.
    coefficients : DataFrame
        OLS of the overall evaluation on mean, peak and end: ``term, est, se, z, pvalue,
        ci_low, ci_high`` (HC3 standard errors): the peak-end effect over the mean.
    scores : DataFrame
        One row per respondent used: overall, mean, peak, end, peak_end.
    excluded : dict
        Respondents left out and why (no answer at the last stage; no overall).
    """

    fits: pd.DataFrame
    comparison: pd.DataFrame
    coefficients: pd.DataFrame
    scores: pd.DataFrame
    stages: list[str]
    peak: str
    level: float
    B: int
    seed: int | None
    excluded: dict[str, int] = field(default_factory=dict)

    def to_frame(self) -> pd.DataFrame:
        """The model table (``fits``).

        Examples
        --------
        >>> import cxlab as cx
        >>> pe = cx.journey.peak_end(cx.datasets.load("hotel_journey"),
        ...                          cx.journey.HOTEL_STAGES, B=0)
        >>> list(pe.to_frame()["model"])
        ['mean', 'peak-end', 'peak + end', 'mean + peak + end']
        """
        return self.fits

    def summary(self) -> str:
        """Plain text: R² of each model, the contrasts and the peak-end coefficients.

        Examples
        --------
        >>> import cxlab as cx
        >>> pe = cx.journey.peak_end(cx.datasets.load("hotel_journey"),
        ...                          cx.journey.HOTEL_STAGES, B=0)
        >>> print(pe.summary().splitlines()[0])
        Peak-end rule: 1,500 respondents, 8 stages (end: post-stay), peak = extreme
        """
        n = len(self.scores)
        lines = [
            f"Peak-end rule: {n:,} respondents, {len(self.stages)} stages "
            f"(end: {self.stages[-1]}), peak = {self.peak}"
        ]
        if self.excluded:
            lines.append("Left out: " + ", ".join(f"{v:,} {k}" for k, v in self.excluded.items()))
        ci = f"{self.level:.0%} bootstrap CI, B = {self.B:,}" if self.B else "no bootstrap"
        lines.append(f"R² ({ci}):")
        for row in self.fits.itertuples(index=False):
            lines.append(f"  {row.model}: {row.r2:.3f} [{row.ci_low:.3f}, {row.ci_high:.3f}]")
        for row in self.comparison.itertuples(index=False):
            p = "" if np.isnan(row.pvalue) else f", F test p = {row.pvalue:.4g}"
            lines.append(
                f"  {row.contrast}: {row.est:+.3f} [{row.ci_low:.3f}, {row.ci_high:.3f}]{p}"
            )
        lines.append(f"Coefficients (OLS, HC3 SEs, {self.level:.0%} CI):")
        for row in self.coefficients.itertuples(index=False):
            lines.append(f"  {row.term}: {row.est:.3f} [{row.ci_low:.3f}, {row.ci_high:.3f}]")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        head = escape(self.summary().splitlines()[0])
        parts = [self.fits, self.comparison, self.coefficients]
        return f"<p><b>{head}</b></p>" + "".join(t.round(3).to_html(index=False) for t in parts)

    def __repr__(self) -> str:
        return self.summary()

    def plot(self, *, ax: Axes | None = None, lang: Lang | None = None) -> Axes:
        """R² of each model with its bootstrap interval (points only when ``B = 0``).

        ``lang`` ("en"/"zh"): the language of the figure, by default the notebook's.

        Examples
        --------
        >>> import cxlab as cx
        >>> pe = cx.journey.peak_end(cx.datasets.load("hotel_journey"),
        ...                          cx.journey.HOTEL_STAGES, B=0)
        >>> ax = pe.plot(lang="zh")
        >>> ax.get_title()
        '峰终定律：什么预测了总体评价'
        >>> cx.viz.plt.close(ax.figure)
        """
        import matplotlib
        import matplotlib.pyplot as plt

        from cxlab.viz import figure_words, refont

        lang, words, family = figure_words(lang, _WORDS)
        t = self.fits.iloc[::-1]
        with matplotlib.rc_context({"font.family": family}):
            ax = ax or plt.subplots(figsize=(7, 0.5 * len(t) + 1.4))[1]
            names = [words[m] for m in t["model"]]
            err = np.array([t["r2"] - t["ci_low"], t["ci_high"] - t["r2"]])
            ax.errorbar(t["r2"], names, xerr=None if self.B == 0 else err, fmt="o", capsize=3)
            ax.set(xlabel=words["x"].format(level=self.level), ylabel="", title=words["title"])
            ax.grid(axis="x", alpha=0.3)
            refont(ax, family)
        return ax


def _peak(e: np.ndarray, middle: float, rule: str) -> np.ndarray:
    """Each row's peak: the most intense emotion (``extreme``; a tie between a positive
    and a negative extreme counts the negative one), the best (``max``) or worst (``min``)."""
    if rule == "max":
        return np.nanmax(e, axis=1)
    if rule == "min":
        return np.nanmin(e, axis=1)
    dev = e - middle
    far = np.nanmax(np.abs(dev), axis=1)
    low = np.any(dev == -far[:, None], axis=1)
    return middle + np.where(low, -far, far)


def _r2_from_moments(mean: np.ndarray, second: np.ndarray, y: int, x: list[int]) -> np.ndarray:
    """R² of column *y* on columns *x* from (batched) first and second moments."""
    cov = second - mean[:, :, None] * mean[:, None, :]
    cxx = cov[:, x][:, :, x]
    cxy = cov[:, x, y]
    beta = np.linalg.solve(cxx, cxy[:, :, None])[:, :, 0]
    return np.einsum("bi,bi->b", beta, cxy) / cov[:, y, y]


def _stats(mean: np.ndarray, second: np.ndarray, names: list[str]) -> dict[str, np.ndarray]:
    """R² and r of each model and the contrasts, from batched moments."""
    pos = {n: i for i, n in enumerate(names)}
    out: dict[str, np.ndarray] = {}
    for model, preds in MODELS.items():
        r2 = _r2_from_moments(mean, second, pos["overall"], [pos[p] for p in preds])
        out[f"r2|{model}"] = r2
        if len(preds) == 1:
            cov = second - mean[:, :, None] * mean[:, None, :]
            i, j = pos["overall"], pos[preds[0]]
            out[f"r|{model}"] = cov[:, i, j] / np.sqrt(cov[:, i, i] * cov[:, j, j])
    for name, (a, b, what) in CONTRASTS.items():
        out[name] = out[f"{what}|{a}"] - out[f"{what}|{b}"]
    return out


def _respondents(
    rows: pd.DataFrame, stages: list[str], stage: str, emotion: pd.Series, respondent: str
) -> pd.DataFrame:
    dup = rows.duplicated([respondent, stage], keep=False)
    if dup.any():
        first = rows.loc[dup].iloc[0]
        raise DataError(
            f"Respondent {first[respondent]!r} has {int(dup.sum())} rows at stage "
            f"{first[stage]!r} (and {int(dup.sum())} duplicate rows in all): peak_end needs one "
            f"emotion per respondent and stage. Average the rows first (data.groupby("
            f"[{respondent!r}, {stage!r}]).mean()) or check {respondent!r} is the respondent id."
        )
    wide = (
        pd.DataFrame(
            {"r": rows[respondent].to_numpy(), "s": rows[stage].to_numpy(), "e": emotion.to_numpy()}
        )
        .pivot(index="r", columns="s", values="e")
        .reindex(columns=stages)
    )
    return wide


def peak_end(
    data: Any,
    stages: Sequence[str],
    overall: str = "overall",
    *,
    emotion: str = "emotion",
    stage: str = "stage",
    respondent: str = "guest_id",
    peak: Literal["extreme", "max", "min"] = "extreme",
    emotion_scale: tuple[float, float] = (-3, 3),
    overall_scale: tuple[float, float] | None = None,
    B: int = 2000,
    seed: int | None = None,
    level: float = 0.95,
    min_n: int = 30,
) -> PeakEnd:
    """Kahneman's peak-end rule on journey data: how well the peak and the end of each
    customer's emotion curve predict the overall evaluation, against the average of
    all stages.

    For each respondent: **mean** = the average emotion over the stages they answered;
    **peak** = the most intense emotion (farthest from the neutral middle of
    ``emotion_scale``; a tie between a positive and a negative extreme counts the
    negative one — a convention; ``peak="max"`` / ``"min"`` take the best / worst);
    **end** = the emotion at the last of ``stages``; **peak_end** = (peak + end) / 2.
    The overall evaluation is regressed (OLS) on the mean; on peak_end; on peak and end;
    on mean, peak and end.

    Intervals, and why these: the coefficients of ``overall ~ mean + peak + end`` — the
    peak and end effects over and above the average — have HC3 standard errors and
    normal intervals (statsmodels ``OLS(...).fit(cov_type="HC3")``): ratings are bounded,
    so the residual variance is not constant. R², correlations and their differences
    get percentile intervals from a bootstrap of respondents in which every model is
    refitted on the same resample (paired), which keeps the dependence between the R²s of
    non-nested models (the mean versus peak-end) that no standard closed-form interval
    handles; the nested contrast (peak and end over the mean) also gets its F test
    (statsmodels ``compare_f_test``).

    Parameters
    ----------
    data : DataFrame or Survey
        Long form: one row per respondent and stage, the overall evaluation repeated on
        each of a respondent's rows (as in ``hotel_journey``).
    stages : list of str
        The stages in journey order; the last one is the end.
    overall : str
        The overall evaluation (satisfaction, NPS score, …), the same on all of a
        respondent's rows.
    emotion, stage, respondent : str
        Column names.
    peak : {"extreme", "max", "min"}
        Which moment is the peak.
    emotion_scale, overall_scale : (low, high)
        Scales; values outside are an error (``overall_scale=None``: not checked).
    B, seed
        Bootstrap draws (0: no R² intervals) and their seed (required when ``B > 0``).
    level : float
        Confidence level.
    min_n : int
        Fewest respondents a stage needs.

    Returns
    -------
    PeakEnd
        ``fits``, ``comparison``, ``coefficients``, ``scores`` (see :class:`PeakEnd`).
        Respondents with no emotion at the last stage or no overall evaluation are left
        out with a warning and counted in ``excluded``.

    References
    ----------
    Kahneman, D., Fredrickson, B. L., Schreiber, C. A., & Redelmeier, D. A. (1993). When
    more pain is preferred to less: Adding a better end. Psychological Science 4(6),
    401–405.
    Redelmeier, D. A., & Kahneman, D. (1996). Patients' memories of painful medical
    treatments: Real-time and retrospective evaluations of two minimally invasive
    procedures. Pain 66(1), 3–8.

    Examples
    --------
    >>> import cxlab as cx
    >>> data = cx.datasets.load("hotel_journey")
    >>> pe = cx.journey.peak_end(data, cx.journey.HOTEL_STAGES, B=200, seed=1)
    >>> pe.fits[["model", "r2"]].round(2)
                   model    r2
    0               mean  0.55
    1           peak-end  0.77
    2         peak + end  0.77
    3  mean + peak + end  0.80
    >>> pe.coefficients[["term", "est", "ci_low", "ci_high"]].round(2)
        term   est  ci_low  ci_high
    0  const  5.92    5.84     6.00
    1   mean  0.87    0.75     0.99
    2   peak  0.47    0.44     0.49
    3    end  0.43    0.39     0.46
    """
    import statsmodels.api as sm

    check_level(level)
    if peak not in ("extreme", "max", "min"):
        raise DataError(f"peak must be 'extreme', 'max' or 'min', not {peak!r}.")
    if B < 0 or int(B) != B:
        raise DataError(f"B must be a whole number ≥ 0 (bootstrap draws), not {B!r}.")
    if B > 0 and seed is None:
        raise DataError("peak_end resamples respondents: pass seed= (e.g. seed=1), or B=0.")
    rows, stages, _ = stage_rows(data, stages, stage, [emotion, overall, respondent])
    if len(stages) < 2:
        raise DataError("peak_end needs at least two stages (the last one is the end).")
    values = check_scale(rows, emotion, emotion_scale)
    counts = values.notna().groupby(rows[stage], observed=False).sum()
    check_counts(counts, max(int(min_n), 1), emotion)
    score = check_scale(rows, overall, overall_scale) if overall_scale else None
    if score is None:
        score = numeric_columns(rows, [overall])[overall]
    varies = score.groupby(rows[respondent]).nunique() > 1
    if varies.any():
        raise DataError(
            f"Column {overall!r} differs between the rows of {int(varies.sum())} respondent(s) "
            f"(e.g. {varies[varies].index[0]!r}): the overall evaluation is one answer per "
            f"respondent, repeated on each stage row. Check {respondent!r} is the respondent id."
        )
    wide = _respondents(rows, stages, stage, values, respondent)
    y = score.groupby(rows[respondent]).first().reindex(wide.index)
    excluded = {}
    no_end = wide[stages[-1]].isna().to_numpy()
    no_y = y.isna().to_numpy() & ~no_end
    for what, mask in (
        (f"without an emotion at the end ({stages[-1]!r})", no_end),
        (f"without {overall!r}", no_y),
    ):
        if mask.any():
            excluded[f"respondents {what}"] = int(mask.sum())
    if excluded:
        warnings.warn(
            "peak_end left out " + "; ".join(f"{v:,} {k}" for k, v in excluded.items()) + ".",
            UserWarning,
            stacklevel=2,
        )
    keep = ~(no_end | no_y)
    e = wide.to_numpy(float)[keep]
    mid = (emotion_scale[0] + emotion_scale[1]) / 2
    scores = pd.DataFrame(
        {
            "overall": y.to_numpy(float)[keep],
            "mean": np.nanmean(e, axis=1),
            "peak": _peak(e, mid, peak),
            "end": e[:, -1],
        },
        index=wide.index[keep],
    )
    scores["peak_end"] = (scores["peak"] + scores["end"]) / 2
    if len(scores) < max(int(min_n), 1):
        raise DataError(f"Only {len(scores)} respondents are complete; peak_end needs {min_n}.")
    names = list(scores.columns)
    z = scores.to_numpy(float)
    point = _stats(z.mean(0)[None], (z.T @ z / len(z))[None], names)
    boot = _bootstrap(z, names, B, seed) if B else None
    alpha = (1 - level) / 2

    def interval(key: str) -> tuple[float, float]:
        if boot is None:
            return np.nan, np.nan
        low, high = np.quantile(boot[key], [alpha, 1 - alpha])
        return float(low), float(high)

    fits = pd.DataFrame(
        [
            {
                "model": m,
                "predictors": " + ".join(p),
                "r": float(point.get(f"r|{m}", [np.nan])[0]),
                "r2": float(point[f"r2|{m}"][0]),
                **dict(zip(("ci_low", "ci_high"), interval(f"r2|{m}"), strict=True)),
            }
            for m, p in MODELS.items()
        ]
    )
    full = sm.OLS(scores["overall"], sm.add_constant(scores[["mean", "peak", "end"]])).fit()
    small = sm.OLS(scores["overall"], sm.add_constant(scores[["mean"]])).fit()
    f_p = float(full.compare_f_test(small)[1])
    comparison = pd.DataFrame(
        [
            {
                "contrast": c,
                "est": float(point[c][0]),
                **dict(zip(("ci_low", "ci_high"), interval(c), strict=True)),
                "pvalue": f_p if CONTRASTS[c][0] == "mean + peak + end" else np.nan,
            }
            for c in CONTRASTS
        ]
    )
    robust = sm.OLS(scores["overall"], sm.add_constant(scores[["mean", "peak", "end"]])).fit(
        cov_type="HC3"
    )
    ci = np.asarray(robust.conf_int(alpha=1 - level))
    coefficients = pd.DataFrame(
        {
            "term": ["const", "mean", "peak", "end"],
            "est": robust.params,
            "se": robust.bse,
            "z": robust.tvalues,
            "pvalue": robust.pvalues,
            "ci_low": ci[:, 0],
            "ci_high": ci[:, 1],
        }
    ).reset_index(drop=True)
    return PeakEnd(
        fits, comparison, coefficients, scores, stages, peak, level, int(B), seed, excluded
    )


def _bootstrap(z: np.ndarray, names: list[str], B: int, seed: int | None) -> dict[str, np.ndarray]:
    """Every statistic on B resamples of the respondents (rows of *z*), in chunks: each
    resample's moments are count-weighted sums, so all models share the resample."""
    rng = np.random.default_rng(seed)
    n = len(z)
    outer = z[:, :, None] * z[:, None, :]
    parts: list[dict[str, np.ndarray]] = []
    for start in range(0, B, 250):
        size = min(250, B - start)
        idx = rng.integers(0, n, size=(size, n))
        flat = (idx + n * np.arange(size)[:, None]).ravel()
        w = np.bincount(flat, minlength=size * n).reshape(size, n) / n
        parts.append(_stats(w @ z, np.einsum("bn,nij->bij", w, outer), names))
    return {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}
