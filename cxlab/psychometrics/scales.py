"""Reliability and discriminant validity of multi-item scales: Cronbach's α (Feldt CI),
McDonald's ω, composite reliability, AVE, HTMT (with bootstrap CIs), Fornell–Larcker,
cross-loadings and Harman's single-factor test (the functions of :mod:`cxlab.psychometrics`
that are not the EFA).

Examples
--------
>>> import cxlab as cx
>>> from cxlab.psychometrics.scales import htmt
>>> hs = cx.datasets.load("holzinger_swineford")
>>> scales = {"visual": ["x1", "x2", "x3"], "textual": ["x4", "x5", "x6"]}
>>> print(f"{htmt(hs, scales).loc['visual', 'textual']:.3f}")
0.424
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from cxlab._conventions import deprecated
from cxlab.errors import DataError, InadmissibleSolutionError
from cxlab.psychometrics.efa import (
    alpha_coefficient,
    bootstrap_htmt,
    check_items,
    check_scales,
    feldt_ci,
    htmt_from_corr,
    indicator,
    minres,
    one_factor,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from cxlab.viz import Lang

__all__ = [
    "HARMAN_NOTE",
    "HTMT_DEFINITION",
    "TWO_ITEMS",
    "Reliability",
    "cross_loadings",
    "fornell_larcker",
    "harman_single_factor",
    "htmt",
    "htmt_bootstrap",
    "reliability",
]

TWO_ITEMS = "omega, CR and AVE need at least 3 items (a one-factor model with 2 is not identified)."
HARMAN_NOTE = (
    "Harman's single-factor test is weak: a first factor below 50% does not show that "
    "common-method bias is absent, and one above 50% does not prove it (Podsakoff et al. "
    "2003). Prefer procedural remedies and a marker variable or a method factor in the CFA."
)

#: what :func:`htmt` and :func:`htmt_bootstrap` compute, by their ``htmt2`` argument
HTMT_DEFINITION = {
    False: "HTMT (original, Henseler et al. 2015; semTools::htmt(htmt2 = FALSE))",
    True: "HTMT2 (geometric means, Roemer et al. 2021; semTools::htmt(htmt2 = TRUE))",
}


#: the words of :meth:`Reliability.plot`, by language
_WORDS = {
    "en": {"y": "value", "title": "Reliability and AVE by scale"},
    "zh": {"y": "数值", "title": "各量表的信度与 AVE"},
}


@dataclass
class Reliability:
    """Result of :func:`reliability`.

    Attributes
    ----------
    scales : pandas.DataFrame
        One row per scale (also ``to_frame()``): scale, n_items, n, alpha, alpha_ci_low,
        alpha_ci_high, omega_total, composite_reliability, ave, warnings.
    items : pandas.DataFrame
        One row per item: scale, item, item_total_r, alpha_if_deleted, loading.
    level : float
        Confidence level of the α interval (``ci``, its cxlab 0.1 name, still works for
        one release with a DeprecationWarning).
    """

    scales: pd.DataFrame
    items: pd.DataFrame
    level: float = 0.95

    @property
    def ci(self) -> float:
        """Deprecated: :attr:`level`."""
        deprecated("Reliability.ci", "Reliability.level")
        return self.level

    def summary(self) -> str:
        """The scales' α, ω, CR and AVE as plain text, with any warnings.

        Examples
        --------
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> rel = cx.psychometrics.reliability(hs, {"visual": ["x1", "x2", "x3"]})
        >>> print(rel.summary().splitlines()[0])
        Reliability (alpha with a 95% Feldt interval; omega, CR and AVE from a one-factor CFA)
        """
        shown = self.scales.drop(columns="warnings").round(3).to_string(index=False)
        warned = [f"{r.scale}: {r.warnings}" for r in self.scales.itertuples() if r.warnings]
        return "\n".join([self._title(), shown, *warned])

    def _title(self) -> str:
        return (
            f"Reliability (alpha with a {self.level:.0%} Feldt interval; omega, CR and AVE "
            "from a one-factor CFA)"
        )

    def to_frame(self) -> pd.DataFrame:
        """The table of the scales (:attr:`scales`).

        Examples
        --------
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> rel = cx.psychometrics.reliability(hs, {"visual": ["x1", "x2", "x3"]})
        >>> rel.to_frame().shape
        (1, 10)
        """
        return self.scales

    def plot(self, *, ax: Axes | None = None, lang: Lang | None = None) -> Axes:
        """α, ω, CR and AVE of each scale as grouped bars, with the usual cut-offs (.70
        for α, ω and CR; .50 for AVE) as lines.

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Draw into this axes instead of a new figure.
        lang : {"en", "zh"}, optional
            Language of the title and axis label; default: the notebook's
            (:func:`cxlab.viz.language`, set by ``cx.viz.set_theme(lang=...)``).

        Returns
        -------
        matplotlib.axes.Axes

        Examples
        --------
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> scales = {"visual": ["x1", "x2", "x3"], "textual": ["x4", "x5", "x6"]}
        >>> ax = cx.psychometrics.reliability(hs, scales).plot()
        >>> len(ax.patches)  # 4 bars per scale
        8
        >>> cx.psychometrics.reliability(hs, scales).plot(lang="zh").get_title()
        '各量表的信度与 AVE'
        """
        import matplotlib
        import matplotlib.pyplot as plt
        import numpy as np

        from cxlab.viz import figure_words, refont

        lang, words, family = figure_words(lang, _WORDS)
        measures = {"alpha": "α", "omega_total": "ω", "composite_reliability": "CR", "ave": "AVE"}
        t = self.scales
        with matplotlib.rc_context({"font.family": family}):
            if ax is None:
                _, ax = plt.subplots(figsize=(1.6 * len(t) + 2.5, 4))
            pos = np.arange(len(t))
            width = 0.8 / len(measures)
            for k, (col, label) in enumerate(measures.items()):
                values = t[col].astype(float).fillna(0).to_numpy()
                ax.bar(pos + (k - 1.5) * width, values, width=width, label=label)
            ax.axhline(0.70, color="grey", lw=0.8, ls="--")
            ax.axhline(0.50, color="grey", lw=0.8, ls=":")
            ax.set_xticks(pos, t["scale"])
            ax.set(ylim=(0, 1), ylabel=words["y"], title=words["title"])
            ax.legend(fontsize="small", ncols=4, loc="lower center")
            # also the texts of an axes made before, outside this font
            refont(ax, family)
        return ax

    def _repr_html_(self) -> str:
        return f"<p><b>{html.escape(self._title())}</b></p>" + self.scales.round(3).to_html(
            index=False
        )

    def __repr__(self) -> str:
        shown = self.scales.drop(columns="warnings").round(3).to_string(index=False)
        warned = [f"{r.scale}: {r.warnings}" for r in self.scales.itertuples() if r.warnings]
        return "\n".join(["Reliability", shown, *warned])


def _level(level: float, ci: Any, where: str, method: str) -> float:
    """The confidence level, from ``level=`` or (cxlab 0.1) a number passed as ``ci=``."""
    if ci is not None:
        if isinstance(ci, str):
            if ci != method:
                raise DataError(f"ci must be {method!r} (the interval method), not {ci!r}.")
        else:
            deprecated(f"{where}(ci={ci!r}) (a confidence level)", f"{where}(level={ci!r})")
            level = ci
    if not isinstance(level, int | float) or not 0 < level < 1:
        raise DataError(f"level must be between 0 and 1 (e.g. 0.95), not {level!r}.")
    return float(level)


def reliability(
    data: pd.DataFrame,
    scales: dict[str, list[str]],
    *,
    level: float = 0.95,
    ci: str | float | None = None,
    strict: bool = False,
) -> Reliability:
    """Cronbach's α with its CI, McDonald's ω, composite reliability and AVE per scale.

    For each scale (rows with a missing item dropped, per scale):

    * α = k/(k−1) · (1 − Σσᵢ² / σ²ₓ) from the covariance matrix (``pingouin.cronbach_alpha``,
      ``psych::alpha`` raw_alpha) with the Feldt (1965) F-based CI
      1 − (1 − α)·F(df₁ = n − 1, df₂ = (n − 1)(k − 1)) — pingouin's method, unrounded
      (pingouin rounds its CI to 3 decimals), and psych's ``alpha$feldt``.
    * ω = (Σλ)²ψ / ((Σλ)²ψ + Σθ) from a one-factor ML CFA (``semTools::compRelSEM(fit,
      obs.var = FALSE)``; its default ``obs.var = TRUE`` divides by the observed variance
      of the sum score instead, which differs slightly when the model does not fit
      perfectly).
    * ρc (composite reliability) = (Σλs)² / ((Σλs)² + Σ(1 − λs²)), the same formula on the
      standardized loadings λs; AVE = mean(λs²) (Fornell & Larcker 1981). Note that
      ``semTools::AVE(fit)`` works on the raw metric, weighting items by their variance;
      on standardized data (``std.ov = TRUE``) it equals this AVE.
    * These come from a separate one-factor model per scale, for single scales. For the
      factors of the researcher's joint measurement model (all factors, residual
      covariances included) use :func:`cxlab.psychometrics.comp_rel_sem` /
      :func:`~cxlab.psychometrics.ave` / :func:`~cxlab.psychometrics.model_reliability`
      on the fitted CFA: they equal ``semTools::compRelSEM(fit)`` and ``AVE(fit)`` there,
      and can differ from the values here in the third decimal.
    * Per item: the corrected item–total correlation (item vs the sum of the other items,
      psych's ``r.drop``) and α if the item is deleted.

    ω, ρc and AVE need a one-factor model, which is identified only with three or more
    items: for two-item scales they are NaN with a note.

    Parameters
    ----------
    data : pandas.DataFrame or cxlab.survey.Survey
        Respondents × items; items numeric (reverse-keyed items already reversed).
    scales : dict of str to list of str
        ``{scale name: [item columns]}``, at least two items per scale.
    level : float
        Confidence level of the α interval.
    ci : {"feldt"}, optional
        Interval method (the only one is Feldt's). A number here is the confidence level
        of cxlab 0.1: it still works for one release, with a DeprecationWarning.
    strict : bool
        Raise :class:`~cxlab.errors.InadmissibleSolutionError` on a Heywood case instead
        of leaving the scale's ω, ρc and AVE empty with a warning.

    Returns
    -------
    Reliability
        ``.scales`` (one row per scale; also ``.to_frame()``), ``.items`` (one row per
        item), ``.summary()`` and ``.plot()``.

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab.psychometrics import reliability
    >>> ecsi = cx.datasets.load("ecsi_mobile")
    >>> rel = reliability(ecsi, {"CUSA": ["CUSA1", "CUSA2", "CUSA3"], "PERV": ["PERV1", "PERV2"]})
    >>> rel.scales[["scale", "n", "alpha", "alpha_ci_low", "ave"]].round(3)  # psych::alpha
      scale    n  alpha  alpha_ci_low    ave
    0  CUSA  250  0.770         0.716  0.545
    1  PERV  250  0.817         0.765    NaN
    >>> print(rel.scales.loc[1, "warnings"])
    omega, CR and AVE need at least 3 items (a one-factor model with 2 is not identified).
    """
    import pingouin

    level = _level(level, ci, "reliability", "feldt")
    scales = check_scales(data, scales, min_items=2)
    rows, item_rows = [], []
    for name, items in scales.items():
        x = check_items(data, items, min_rows=3)
        n, k = x.shape
        alpha = float(pingouin.cronbach_alpha(x, nan_policy="listwise")[0])
        low, high = feldt_ci(alpha, n, k, level)
        row = {"scale": name, "n_items": k, "n": n, "alpha": alpha}
        row |= {"alpha_ci_low": low, "alpha_ci_high": high}
        row |= {"omega_total": np.nan, "composite_reliability": np.nan, "ave": np.nan}
        loadings = np.full(k, np.nan)
        if k < 3:
            row["warnings"] = TWO_ITEMS
        else:
            values, problems = one_factor(x)
            if problems and strict:
                raise InadmissibleSolutionError(f"Scale {name!r}: " + "; ".join(problems) + ".")
            if problems:
                row["warnings"] = (
                    "; ".join(problems) + ". omega, CR and AVE are not reported: check the "
                    "items (reverse-keyed? miscoded?) or drop the offending one."
                )
            else:
                row |= {key: values[key] for key in ("omega_total", "composite_reliability")}
                row |= {"ave": values["ave"], "warnings": ""}
                loadings = values["loadings"]
        rows.append(row)
        arr = x.to_numpy()
        total = arr.sum(axis=1)
        for i, item in enumerate(items):
            rest = np.delete(arr, i, axis=1)
            item_rows.append(
                {
                    "scale": name,
                    "item": item,
                    "item_total_r": float(np.corrcoef(arr[:, i], total - arr[:, i])[0, 1]),
                    "alpha_if_deleted": alpha_coefficient(rest) if k > 2 else np.nan,
                    "loading": float(loadings[i]),
                }
            )
    return Reliability(scales=pd.DataFrame(rows), items=pd.DataFrame(item_rows), level=level)


def htmt(data: pd.DataFrame, scales: dict[str, list[str]], *, htmt2: bool = False) -> pd.DataFrame:
    """Heterotrait–monotrait ratio of correlations (Henseler, Ringle & Sarstedt 2015).

    HTMTᵢⱼ = mean |r| between the items of scales i and j, divided by the geometric mean
    of the average |r| among the items of scale i and among those of scale j — exactly
    ``semTools::htmt(model, data, htmt2 = FALSE)`` (absolute correlations, rows with a
    missing item dropped). ``htmt2=True`` uses geometric instead of arithmetic means
    (HTMT2, Roemer, Schuberth & Henseler 2021; semTools' default since 0.5-6). Values
    above .85 (conservative) or .90 suggest the two scales are not distinct.

    Parameters
    ----------
    data : pandas.DataFrame
        Respondents × items.
    scales : dict of str to list of str
        ``{scale name: [items]}``, at least two items per scale.
    htmt2 : bool
        Geometric means (HTMT2) instead of arithmetic ones.

    Returns
    -------
    pandas.DataFrame
        Scales × scales, 1 on the diagonal; ``.attrs["definition"]`` names the variant
        (:data:`HTMT_DEFINITION`).

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab.psychometrics import htmt
    >>> ecsi = cx.datasets.load("ecsi_mobile")
    >>> htmt(ecsi, {"CUSA": ["CUSA1", "CUSA2", "CUSA3"], "CUSL": ["CUSL1", "CUSL2", "CUSL3"]}
    ...      ).round(3)  # In R: semTools::htmt(model, ecsi, htmt2 = FALSE)
           CUSA   CUSL
    CUSA  1.000  0.957
    CUSL  0.957  1.000
    """
    scales = check_scales(data, scales, min_items=2)
    items, g = indicator(scales)
    x = check_items(data, items)
    out = htmt_from_corr(np.corrcoef(x.to_numpy(), rowvar=False), g, htmt2)
    table = pd.DataFrame(out, index=list(scales), columns=list(scales))
    table.attrs["definition"] = HTMT_DEFINITION[bool(htmt2)]
    return table


def htmt_bootstrap(
    data: pd.DataFrame,
    scales: dict[str, list[str]],
    B: int = 1000,
    *,
    seed: int | None = None,
    level: float = 0.95,
    ci: str | float | None = None,
    htmt2: bool = False,
) -> pd.DataFrame:
    """HTMT with percentile bootstrap confidence intervals, one row per pair of scales.

    Respondents (complete rows) are resampled with replacement *B* times
    (``numpy.random.default_rng(seed)``, so a seed gives the same result every time) and
    HTMT recomputed on each resample. Flags: ``above_85`` and ``above_90`` (the point
    estimate exceeds Henseler et al.'s thresholds) and ``ci_includes_1`` (the upper bound
    is ≥ 1: HTMT_inference, discriminant validity not established).

    Parameters
    ----------
    data : pandas.DataFrame or cxlab.survey.Survey
        Respondents × items.
    scales : dict of str to list of str
        ``{scale name: [items]}``, at least two items per scale.
    B : int
        Number of bootstrap resamples.
    seed : int
        Seed of the random number generator (required: without one a
        :class:`~cxlab.errors.DataError` asks for ``seed=``).
    level : float
        Confidence level of the percentile interval.
    ci : {"percentile"}, optional
        Interval method. A number here is the confidence level of cxlab 0.1: it still
        works for one release, with a DeprecationWarning.
    htmt2 : bool
        Use HTMT2 (see :func:`htmt`).

    Returns
    -------
    pandas.DataFrame
        Columns scale_1, scale_2, htmt, ci_low, ci_high, above_85, above_90,
        ci_includes_1, n_boot (resamples with a defined HTMT); ``.attrs["definition"]``
        names the variant (HTMT or HTMT2, :data:`HTMT_DEFINITION`).

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab.psychometrics import htmt_bootstrap
    >>> ecsi = cx.datasets.load("ecsi_mobile")
    >>> sc = {"PERQ": [f"PERQ{i}" for i in range(1, 8)], "CUSA": ["CUSA1", "CUSA2", "CUSA3"]}
    >>> res = htmt_bootstrap(ecsi, sc, B=200, seed=1)
    >>> res[["scale_1", "scale_2", "htmt", "above_90", "ci_includes_1"]].round(3)
      scale_1 scale_2   htmt  above_90  ci_includes_1
    0    PERQ    CUSA  0.954      True           True
    """
    if not isinstance(B, int | np.integer) or B < 10:
        raise DataError(f"B must be a whole number of resamples, at least 10, not {B!r}.")
    level = _level(level, ci, "htmt_bootstrap", "percentile")
    if seed is None:
        raise DataError(
            "The HTMT bootstrap resamples respondents at random: pass seed= (an integer) so "
            "that the result can be reproduced."
        )
    scales = check_scales(data, scales, min_items=2)
    items, g = indicator(scales)
    x = check_items(data, items).to_numpy()
    point = htmt_from_corr(np.corrcoef(x, rowvar=False), g, htmt2)
    boot = bootstrap_htmt(x, g, B, seed, htmt2)
    i, j = np.triu_indices(len(scales), k=1)
    pairs = boot[:, i, j]
    low, high = np.nanquantile(pairs, [(1 - level) / 2, (1 + level) / 2], axis=0)
    names = np.array(list(scales), dtype=object)
    est = point[i, j]
    table = pd.DataFrame(
        {
            "scale_1": names[i],
            "scale_2": names[j],
            "htmt": est,
            "ci_low": low,
            "ci_high": high,
            "above_85": est > 0.85,
            "above_90": est > 0.90,
            "ci_includes_1": high >= 1,
            "n_boot": np.isfinite(pairs).sum(axis=0),
        }
    )
    table.attrs["definition"] = HTMT_DEFINITION[bool(htmt2)]
    return table


def fornell_larcker(ave: pd.Series, latent_cor: pd.DataFrame) -> pd.DataFrame:
    """Fornell–Larcker criterion: √AVE of each construct against its latent correlations.

    Discriminant validity holds for a construct when √AVE exceeds the absolute value of
    each of its correlations with the other constructs (Fornell & Larcker 1981). The
    criterion is known to miss problems that HTMT detects (Henseler et al. 2015).

    Parameters
    ----------
    ave : pandas.Series
        AVE per construct (e.g. ``Reliability.scales.set_index("scale")["ave"]`` or
        from a CFA), indexed by construct name.
    latent_cor : pandas.DataFrame
        Latent (factor) correlation matrix with the same names on both axes, e.g.
        lavaan's ``lavInspect(fit, "cor.lv")``.

    Returns
    -------
    pandas.DataFrame
        √AVE on the diagonal and the correlations below it, then the columns sqrt_ave,
        max_abs_cor, passes (bool) and fails_against (constructs it is not distinct from).

    Examples
    --------
    >>> import pandas as pd
    >>> from cxlab.psychometrics import fornell_larcker
    >>> cor = pd.DataFrame([[1, 0.8], [0.8, 1]], index=["SAT", "LOY"], columns=["SAT", "LOY"])
    >>> fl = fornell_larcker(pd.Series({"SAT": 0.70, "LOY": 0.60}), cor)
    >>> fl[["SAT", "LOY", "passes", "fails_against"]].round(3)
           SAT    LOY  passes fails_against
    SAT  0.837    NaN    True
    LOY  0.800  0.775   False           SAT
    """
    if not isinstance(ave, pd.Series) or not isinstance(latent_cor, pd.DataFrame):
        raise DataError("ave must be a pandas Series and latent_cor a pandas DataFrame.")
    names = [str(c) for c in latent_cor.columns]
    if [str(i) for i in latent_cor.index] != names:
        raise DataError("latent_cor must be square with the same construct names on both axes.")
    missing = [c for c in names if c not in ave.index]
    if missing:
        raise DataError(f"ave has no value for construct(s) {', '.join(missing)}.")
    a = pd.to_numeric(ave[names], errors="coerce").to_numpy(dtype=float)
    if np.any(~np.isfinite(a)) or np.any((a < 0) | (a > 1)):
        raise DataError("Every AVE must be a number between 0 and 1.")
    r = latent_cor.to_numpy(dtype=float)
    root = np.sqrt(a)
    off = np.abs(r) * (1 - np.eye(len(names)))
    lower = np.where(np.tri(len(names), k=-1) > 0, r, np.nan)
    lower[np.diag_indices(len(names))] = root
    table = pd.DataFrame(lower, index=names, columns=names)
    table["sqrt_ave"] = root
    table["max_abs_cor"] = off.max(axis=1)
    table["passes"] = root > table["max_abs_cor"].to_numpy()
    table["fails_against"] = [
        ", ".join(names[j] for j in np.flatnonzero(off[i] >= root[i])) for i in range(len(names))
    ]
    return table


def cross_loadings(data: pd.DataFrame, scales: dict[str, list[str]]) -> pd.DataFrame:
    """Correlation of every item with every scale's mean score.

    Each item should correlate more with its own scale than with any other (a
    discriminant-validity check common in PLS-SEM). The own-scale score includes the item
    itself, which inflates that correlation somewhat, especially for short scales.

    Parameters
    ----------
    data : pandas.DataFrame
        Respondents × items; rows with a missing item are dropped.
    scales : dict of str to list of str
        ``{scale name: [items]}``.

    Returns
    -------
    pandas.DataFrame
        Items × scales, plus columns scale (the item's own) and highest_on_own (bool).

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab.psychometrics import cross_loadings
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> cl = cross_loadings(hs, {"visual": ["x1", "x2", "x3"], "speed": ["x7", "x8", "x9"]})
    >>> cl.round(2).head(2)  # In R: cor(items, rowMeans per scale)
          visual  speed   scale  highest_on_own
    item
    x1      0.77   0.28  visual            True
    x2      0.73   0.09  visual            True
    """
    scales = check_scales(data, scales, min_items=1)
    items, g = indicator(scales)
    x = check_items(data, items).to_numpy()
    scores = x @ (g / g.sum(axis=0))
    both = np.corrcoef(np.c_[x, scores], rowvar=False)[: len(items), len(items) :]
    table = pd.DataFrame(both, index=pd.Index(items, name="item"), columns=list(scales))
    own = [name for name, v in scales.items() for _ in v]
    table["scale"] = own
    table["highest_on_own"] = [
        table.loc[item, list(scales)].astype(float).idxmax() == s
        for item, s in zip(items, own, strict=True)
    ]
    return table


def harman_single_factor(data: pd.DataFrame, items: list[str]) -> dict[str, Any]:
    """Harman's single-factor test for common-method variance — and its limits.

    Share of the items' total variance (p, the number of standardized items) taken by the
    first unrotated principal component (λ₁ / p, ``psych::principal(nfactors = 1)``, the
    usual SPSS practice) and by a single minres factor (Σλ² / p, ``psych::fa(nfactors =
    1)``). A first component above 50% is read as a sign of common-method bias. The test
    is weak: it cannot prove the absence of common-method bias, and a below-50% result is
    no evidence that method variance is harmless (Podsakoff, MacKenzie, Lee & Podsakoff
    2003). The result carries this note.

    Parameters
    ----------
    data : pandas.DataFrame
        Respondents × items.
    items : list of str
        All substantive items of the study.

    Returns
    -------
    dict
        n, n_items, first_component_share, first_factor_share, above_50_percent, note.

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab.psychometrics import harman_single_factor
    >>> ecsi = cx.datasets.load("ecsi_mobile").drop(columns="CUSCO")
    >>> res = harman_single_factor(ecsi, list(ecsi.columns))
    >>> round(res["first_component_share"], 3), res["above_50_percent"]
    (0.398, False)
    """
    x = check_items(data, items).to_numpy()
    if x.shape[1] < 2:
        raise DataError("Harman's test needs at least 2 items.")
    corr = np.corrcoef(x, rowvar=False)
    first = float(np.linalg.eigvalsh(corr)[-1]) / x.shape[1]
    loadings, _, _ = minres(corr, 1)
    share = float((loadings**2).sum()) / x.shape[1]
    return {
        "n": int(x.shape[0]),
        "n_items": int(x.shape[1]),
        "first_component_share": first,
        "first_factor_share": share,
        "above_50_percent": first > 0.5,
        "note": HARMAN_NOTE,
    }
