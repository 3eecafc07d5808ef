"""Sample size and minimum detectable effect of an A/B test (private; public through
:mod:`cxlab.experiments`).

- proportions (conversion): the normal approximation on Cohen's arcsine effect size
  h = 2·asin√p₂ − 2·asin√p₁ (statsmodels ``NormalIndPower`` with
  ``proportion_effectsize``); R's ``power.prop.test`` uses the untransformed difference
  and gives nearly the same n (tests/reference/ab_power.R);
- means (CSAT, CES, spend): the two-sample t test on d = mde / sd (statsmodels
  ``TTestIndPower``; in R ``power.t.test``);
- NPS: a z test of the difference of two NPS. With promoter and detractor shares p, d
  the variance of one answer's NPS score (+1, 0, −1) is V = p + d − (p − d)², so
  Var(NPS₂ − NPS₁) = 100²·(V₁/n₁ + V₂/n₂) — the multinomial variance behind
  ``cx.metrics.nps`` (Rocks 2016, The American Statistician 70(4), 365–372). Unless the
  treatment's shares are given, V₂ = V₁ (the change is small against the spread).
  The normal power formula is then statsmodels ``NormalIndPower`` on the effect size
  (mde / 100) / √V.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

from cxlab.errors import DataError
from cxlab.experiments._words import translate, words

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from cxlab.viz import Lang

__all__ = ["PowerResult", "mde", "sample_size"]

Kind = Literal["nps", "mean", "proportion"]
KINDS = ("nps", "mean", "proportion")

_WORDS = {
    "en": {
        "title": "Power of the A/B test ({kind}, difference {mde:g})",
        "x": "answers in the control group",
        "y": "power",
        "target": "target power",
    },
    "zh": {
        "title": "A/B 测试的统计功效（{kind}，差异 {mde:g}）",
        "x": "对照组样本量",
        "y": "统计功效",
        "target": "目标功效",
    },
}


def _check_common(kind: Any, power: float | None, level: float, ratio: float) -> None:
    if kind not in KINDS:
        raise DataError(f"kind must be 'nps', 'mean' or 'proportion', not {kind!r}.")
    if power is not None and not 0 < power < 1:
        raise DataError(f"power must lie strictly between 0 and 1 (e.g. power=0.8), not {power!r}.")
    if not 0 < level < 1:
        raise DataError(
            f"level must be a confidence level strictly between 0 and 1 (e.g. 0.95, i.e. "
            f"alpha = 0.05), not {level!r}."
        )
    if not np.isfinite(ratio) or ratio <= 0:
        raise DataError(
            f"ratio (treatment size / control size) must be a positive number, not {ratio!r}."
        )


def _nps_var(shares: Any, what: str) -> float:
    """Variance of one answer's NPS score from (promoter share, detractor share)."""
    try:
        p, d = (float(x) for x in shares)
    except (TypeError, ValueError):
        raise DataError(
            f"{what} for kind='nps' must be (promoter share, detractor share), e.g. (0.45, "
            f"0.20), not {shares!r}."
        ) from None
    if p < 0 or d < 0 or p + d > 1:
        raise DataError(
            f"{what}: the promoter and detractor shares must be proportions (0-1) summing to "
            f"at most 1, not {shares!r}."
        )
    var = p + d - (p - d) ** 2
    if var <= 0:
        raise DataError(f"{what} {shares!r}: every answer is alike (variance 0); no test.")
    return var


def _scale(
    kind: str, baseline: Any, sd: float | None, treatment_shares: Any
) -> tuple[float, float]:
    """(scale of the effect size, baseline value used in the summary).

    The effect size is mde / scale (means, NPS); proportions are handled apart."""
    if kind == "mean":
        if sd is None or not np.isfinite(sd) or sd <= 0:
            raise DataError(
                f"kind='mean' needs sd= (the standard deviation of the metric, e.g. from the "
                f"last month's answers), a positive number, not {sd!r}."
            )
        return float(sd), float(baseline)
    if kind == "nps":
        v1 = _nps_var(baseline, "baseline")
        if treatment_shares is not None:
            _nps_var(treatment_shares, "treatment_shares")
        return 100 * float(np.sqrt(v1)), v1
    baseline = float(baseline)
    if not 0 < baseline < 1:
        raise DataError(
            f"baseline for kind='proportion' is the control group's rate, strictly between 0 "
            f"and 1 (e.g. 0.10 for 10 % conversion), not {baseline!r}."
        )
    return 1.0, baseline


def _power_class(kind: str) -> Any:
    from statsmodels.stats.power import NormalIndPower, TTestIndPower

    return TTestIndPower() if kind == "mean" else NormalIndPower()


def _effect(kind: str, baseline: float, delta: float, scale: float) -> float:
    """Cohen's h (proportions) or delta / scale (d for means; NPS with equal variances)."""
    if kind == "proportion":
        from statsmodels.stats.proportion import proportion_effectsize

        if not 0 < baseline + delta < 1:
            raise DataError(
                f"baseline {baseline:g} + mde {delta:g} = {baseline + delta:g} is not a rate "
                "between 0 and 1; choose a smaller mde."
            )
        return float(proportion_effectsize(baseline + delta, baseline))
    return delta / scale


@dataclass
class PowerResult:
    """Result of :func:`sample_size` and :func:`mde`.

    Attributes
    ----------
    kind, baseline, mde, power, level, ratio, sd
        The design (``mde`` in NPS points, units of the metric, or a share 0-1).
    n_control, n_treatment : int
        Answers needed in each group (rounded up); ``n_treatment`` = ratio · ``n_control``.
    n_per_group : float
        The unrounded control-group size that statsmodels solved for.
    effect_size : float
        Cohen's h (proportions), d (means) or (mde/100)/√V (NPS).
    method : str
        The formula in words.
    """

    kind: str
    baseline: Any
    mde: float
    power: float
    level: float
    ratio: float
    n_per_group: float
    effect_size: float
    method: str
    sd: float | None = None

    @property
    def n_control(self) -> int:
        """Answers needed in the control group (rounded up)."""
        return int(np.ceil(self.n_per_group - 1e-9))

    @property
    def n_treatment(self) -> int:
        """Answers needed in the treatment group (rounded up)."""
        return int(np.ceil(self.ratio * self.n_per_group - 1e-9))

    def to_frame(self) -> pd.DataFrame:
        """One row: kind, mde, power, level, ratio, n_control, n_treatment, n_total,
        effect_size.

        Examples
        --------
        >>> import cxlab as cx
        >>> t = cx.experiments.sample_size("mean", baseline=4.1, mde=0.2, sd=1.0).to_frame()
        >>> int(t["n_total"].iloc[0])
        788
        """
        return pd.DataFrame(
            {
                "kind": [self.kind],
                "mde": [self.mde],
                "power": [self.power],
                "level": [self.level],
                "ratio": [self.ratio],
                "n_control": [self.n_control],
                "n_treatment": [self.n_treatment],
                "n_total": [self.n_control + self.n_treatment],
                "effect_size": [self.effect_size],
            }
        )

    def summary(self, lang: Lang | None = None) -> str:
        """The design in plain words.

        ``lang`` ("en"/"zh"): the language of the text, by default the notebook's
        (:func:`cxlab.viz.language`); the numbers are the same in both.

        Examples
        --------
        >>> import cxlab as cx
        >>> print(cx.experiments.sample_size("proportion", baseline=0.10, mde=0.02).summary())
        To detect a difference of 0.02 (share, 0-1) with 80% power at the 95% level (two-sided): 3,835 in control and 3,835 in treatment (7,670 in all).
        Method: normal approximation on Cohen's h (statsmodels NormalIndPower).
        >>> res = cx.experiments.sample_size("nps", baseline=(0.45, 0.20), mde=5)
        >>> print(res.summary(lang="zh").splitlines()[0])
        要以 80% 的统计功效、在 95% 的置信水平下（双侧检验）检测出 5 分（净推荐值）的差异：对照组需要 3,689 份、实验组需要 3,689 份（共 7,378 份）。
        """  # noqa: E501
        w = words(lang)
        return w["power"].format(
            mde=self.mde,
            unit=w["power_unit"][self.kind],
            power=self.power,
            level=self.level,
            nc=self.n_control,
            nt=self.n_treatment,
            n=self.n_control + self.n_treatment,
            method=translate(self.method, lang),
        )

    def power_at(self, n: Any) -> np.ndarray:
        """Power of this design's test with *n* answers in the control group.

        Examples
        --------
        >>> import cxlab as cx
        >>> res = cx.experiments.sample_size("mean", baseline=4.1, mde=0.2, sd=1.0)
        >>> round(float(res.power_at(res.n_per_group)), 3)
        0.8
        """
        n = np.asarray(n, dtype=float)
        solver = _power_class(self.kind)
        return np.asarray(
            solver.power(
                effect_size=self.effect_size,
                nobs1=n,
                alpha=1 - self.level,
                ratio=self.ratio,
            )
        )

    def plot(self, *, ax: Axes | None = None, lang: Lang | None = None) -> Axes:
        """Power against the control group's size, with the target power and its n.

        Examples
        --------
        >>> import cxlab as cx
        >>> ax = cx.experiments.sample_size("nps", baseline=(0.4, 0.2), mde=5).plot(lang="zh")
        >>> ax.get_ylabel()
        '统计功效'
        >>> cx.viz.plt.close(ax.figure)
        """
        import matplotlib
        import matplotlib.pyplot as plt

        from cxlab.viz import figure_words, refont

        lang, words, family = figure_words(lang, _WORDS)
        grid = np.linspace(max(2.0, self.n_per_group / 20), 2.5 * self.n_per_group, 200)
        with matplotlib.rc_context({"font.family": family}):
            ax = ax or plt.subplots(figsize=(6, 3.5))[1]
            ax.plot(grid, self.power_at(grid))
            ax.axhline(self.power, ls="--", color="grey", label=words["target"])
            ax.axvline(self.n_control, ls=":", color="grey")
            ax.set(
                xlabel=words["x"],
                ylabel=words["y"],
                ylim=(0, 1.02),
                title=words["title"].format(kind=self.kind.upper(), mde=self.mde),
            )
            ax.legend(loc="lower right")
            refont(ax, family)
        return ax

    def _repr_html_(self) -> str:
        return f"<p>{escape(self.summary())}</p>" + self.to_frame().to_html(index=False)

    def __repr__(self) -> str:
        return self.summary()


_METHODS = {
    "proportion": "normal approximation on Cohen's h (statsmodels NormalIndPower)",
    "mean": "two-sample t test on d = mde / sd (statsmodels TTestIndPower)",
    "nps": "z test of the NPS difference, Var = 100^2 (V1/n1 + V2/n2) with V = p + d - "
    "(p - d)^2 (statsmodels NormalIndPower)",
}


def sample_size(
    kind: Kind,
    baseline: Any,
    mde: float,
    power: float = 0.8,
    level: float = 0.95,
    ratio: float = 1.0,
    *,
    sd: float | None = None,
    treatment_shares: tuple[float, float] | None = None,
) -> PowerResult:
    """Answers needed per group for a two-sided A/B test to detect a difference *mde*.

    Parameters
    ----------
    kind : {"proportion", "mean", "nps"}
        What is compared: a rate (conversion, top-box share), a mean (CSAT, CES, spend)
        or the NPS.
    baseline
        The control group's expected value: a rate 0-1 (proportion), the mean (mean;
        only reported), or ``(promoter share, detractor share)`` (nps).
    mde : float
        The minimum detectable effect, treatment − control: a share for proportions
        (0.02 = two percentage points), units of the metric for means, NPS points. A
        negative value is a drop (e.g. ``mde=-0.008`` for churn falling from 7.2 % to
        6.4 %): for proportions a drop needs a different n than a rise of the same size.
    power : float
        Probability of detecting a true difference of *mde* (strictly between 0 and 1).
    level : float
        Confidence level of the test (alpha = 1 − level).
    ratio : float
        Treatment size / control size (1 = equal groups).
    sd : float
        The metric's standard deviation (required for means).
    treatment_shares : (float, float), optional
        NPS only: the treatment's expected promoter and detractor shares, if the variance
        should differ from the control's.

    The formulas are in the module docstring. In R: ``power.prop.test(p1 = baseline,
    p2 = baseline + mde, power = 0.8)``, ``power.t.test(delta = mde, sd = sd, power =
    0.8)`` — checked in ``tests/reference/ab_power.R``.

    Examples
    --------
    >>> import cxlab as cx
    >>> cx.experiments.sample_size("proportion", baseline=0.10, mde=0.02).n_control
    3835
    >>> cx.experiments.sample_size("mean", baseline=4.1, mde=0.2, sd=1.0).n_control
    394
    >>> cx.experiments.sample_size("nps", baseline=(0.45, 0.20), mde=10).n_control
    923
    """
    _check_common(kind, power, level, ratio)
    delta = _check_mde(mde, signed=True)
    scale, base = _scale(kind, baseline, sd, treatment_shares)
    es = _effect(kind, base, delta, scale)
    if kind == "nps" and treatment_shares is not None:
        es = _nps_effect(baseline, treatment_shares, delta, ratio)
    es = abs(es)  # a two-sided test: a drop is detected as a rise of the same effect size
    n = _power_class(kind).solve_power(
        effect_size=es, nobs1=None, alpha=1 - level, power=power, ratio=ratio
    )
    return PowerResult(
        kind, baseline, delta, power, level, ratio, float(np.squeeze(n)), es, _METHODS[kind], sd
    )


def _nps_effect(baseline: Any, treatment: Any, delta: float, ratio: float) -> float:
    """Effect size for NormalIndPower such that Var(diff) = V₁/n₁ + V₂/(ratio·n₁)."""
    v1, v2 = _nps_var(baseline, "baseline"), _nps_var(treatment, "treatment_shares")
    # NormalIndPower: se = sqrt((1 + 1/ratio) / n1) / es_scale; match V1 + V2/ratio
    pooled = (v1 + v2 / ratio) / (1 + 1 / ratio)
    return delta / 100 / float(np.sqrt(pooled))


def _check_mde(mde: Any, *, signed: bool = False) -> float:
    try:
        value = float(mde)
    except (TypeError, ValueError):
        value = float("nan")
    if not np.isfinite(value) or value == 0 or (value < 0 and not signed):
        raise DataError(
            f"mde (the minimum detectable effect, treatment − control) must be "
            f"{'a number other than 0' if signed else 'a positive number'}, not {mde!r}"
            + (
                "; a negative mde is a drop (e.g. mde=-0.02 for a two-point drop in a rate)."
                if signed
                else "."
            )
        )
    return value


def mde(
    kind: Kind,
    baseline: Any,
    n: float,
    power: float = 0.8,
    level: float = 0.95,
    ratio: float = 1.0,
    *,
    sd: float | None = None,
) -> PowerResult:
    """The smallest difference a two-sided A/B test with *n* answers in the control group
    (and ratio · n in the treatment group) detects with the given power.

    The inverse of :func:`sample_size` (same formulas). For proportions the mde is an
    increase over *baseline* (h solved, then p₂ = sin²(asin√p₁ + h/2)).

    Examples
    --------
    >>> import cxlab as cx
    >>> round(cx.experiments.mde("proportion", baseline=0.10, n=3835).mde, 4)
    0.02
    >>> round(cx.experiments.mde("nps", baseline=(0.45, 0.20), n=500).mde, 2)
    13.58
    """
    _check_common(kind, power, level, ratio)
    try:
        n_value = float(n)
    except (TypeError, ValueError):
        n_value = float("nan")
    if not np.isfinite(n_value) or n_value < 2:
        raise DataError(f"n (answers in the control group) must be at least 2, not {n!r}.")
    scale, base = _scale(kind, baseline, sd, None)
    es = float(
        np.squeeze(
            _power_class(kind).solve_power(
                effect_size=None, nobs1=n_value, alpha=1 - level, power=power, ratio=ratio
            )
        )
    )
    if kind == "proportion":
        p2 = float(np.sin(np.arcsin(np.sqrt(base)) + es / 2) ** 2)
        delta = p2 - base
    else:
        delta = es * scale
    return PowerResult(kind, baseline, delta, power, level, ratio, n_value, es, _METHODS[kind], sd)
