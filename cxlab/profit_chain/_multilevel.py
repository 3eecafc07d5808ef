"""Multilevel (mixed) regression with a random intercept per unit, and the within /
between decomposition of a predictor by group-mean centring (private; public through
:mod:`cxlab.profit_chain`)."""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from scipy import stats

from cxlab._conventions import as_frame
from cxlab.errors import DataError, EstimationError
from cxlab.profit_chain._checks import Missing, check_level, small_units, table

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from cxlab.viz import Lang

__all__ = ["Multilevel", "multilevel"]

_WORDS = {
    "en": {
        "title": "Multilevel model: fixed effects",
        "x": "estimate ({level:.0%} CI)",
    },
    "zh": {
        "title": "多层模型：固定效应",
        "x": "估计值（{level:.0%} 置信区间）",
    },
}
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*")


@dataclass
class Multilevel:
    """Result of :func:`multilevel`.

    Attributes
    ----------
    fixed : DataFrame
        Fixed effects: ``term, est, se, z, pvalue, ci_low, ci_high`` (Wald, normal).
    variance : DataFrame
        ``component`` (``between`` = random-intercept variance τ², ``within`` = residual
        variance σ²) and ``est``.
    icc : float
        τ² / (τ² + σ²): the share of the remaining variance between units.
    decomposition : DataFrame
        For each centred predictor: its ``within``, ``between`` and ``contextual``
        (between - within) effects with ``est, se, z, pvalue, ci_low, ci_high``.
    fit_ : statsmodels MixedLMResults
        The fitted model.
    """

    fixed: pd.DataFrame
    variance: pd.DataFrame
    icc: float
    decomposition: pd.DataFrame
    formula: str
    fitted_formula: str
    group: str
    method: str
    level: float
    n: int
    n_groups: int
    loglik: float
    converged: bool
    fit_: Any = field(repr=False)
    notes: list[str] = field(default_factory=list)
    dropped: dict[str, int] = field(default_factory=dict)

    def to_frame(self) -> pd.DataFrame:
        """The fixed effects (``fixed``).

        Examples
        --------
        >>> import cxlab as cx
        >>> employees, _, _ = cx.profit_chain.example_data()
        >>> m = cx.profit_chain.multilevel(employees, "esat ~ isq", centre=["isq"])
        >>> list(m.to_frame()["term"])
        ['Intercept', 'isq_within', 'isq_between']
        """
        return self.fixed

    def summary(self) -> str:
        """Plain text: the model, fixed effects, variance components, ICC, decomposition.

        Examples
        --------
        >>> import cxlab as cx
        >>> employees, _, _ = cx.profit_chain.example_data()
        >>> m = cx.profit_chain.multilevel(employees, "esat ~ isq", centre=["isq"])
        >>> print(m.summary().splitlines()[0])
        Multilevel model (REML, random intercept per unit_id): esat ~ isq
        """
        pct = f"{self.level:.0%}"
        lines = [
            f"Multilevel model ({self.method}, random intercept per {self.group}): {self.formula}",
            f"n = {self.n:,} in {self.n_groups} groups; log-likelihood = {self.loglik:.2f}; "
            + ("converged" if self.converged else "NOT CONVERGED: do not report these numbers"),
        ]
        if self.dropped:
            lines.append("Left out: " + ", ".join(f"{v:,} {k}" for k, v in self.dropped.items()))
        lines.append(f"Fixed effects ({pct} CI):")
        for r in self.fixed.itertuples(index=False):
            lines.append(
                f"  {r.term}: {r.est:.3f} (SE {r.se:.3f}) [{r.ci_low:.3f}, {r.ci_high:.3f}], "
                f"p = {r.pvalue:.3g}"
            )
        var = dict(zip(self.variance["component"], self.variance["est"], strict=True))
        lines.append(
            f"Variance: between units τ² = {var['between']:.4f}, within σ² = "
            f"{var['within']:.4f}; ICC = {self.icc:.3f} (of the variance the fixed effects "
            "leave; fit 'y ~ 1' for the ICC of y itself)"
        )
        if len(self.decomposition):
            lines.append(
                "Within / between (group-mean centring): within = effect of a person's "
                "deviation from the unit mean; between = effect of the unit mean; "
                "contextual = between - within:"
            )
            for r in self.decomposition.itertuples(index=False):
                lines.append(
                    f"  {r.predictor} {r.effect}: {r.est:.3f} [{r.ci_low:.3f}, {r.ci_high:.3f}]"
                )
        lines.extend(self.notes)
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        head = escape(self.summary().splitlines()[0])
        parts = [self.fixed, self.variance, self.decomposition]
        return f"<p><b>{head}</b></p>" + "".join(t.round(4).to_html(index=False) for t in parts)

    def __repr__(self) -> str:
        return self.summary()

    def plot(self, *, ax: Axes | None = None, lang: Lang | None = None) -> Axes:
        """The fixed effects (intercept left out) with their confidence intervals.

        ``lang`` ("en"/"zh"): the language of the figure, by default the notebook's.

        Examples
        --------
        >>> import cxlab as cx
        >>> employees, _, _ = cx.profit_chain.example_data()
        >>> ax = cx.profit_chain.multilevel(employees, "esat ~ isq").plot(lang="zh")
        >>> ax.get_title()
        '多层模型：固定效应'
        >>> cx.viz.plt.close(ax.figure)
        """
        import matplotlib
        import matplotlib.pyplot as plt

        from cxlab.viz import figure_words, refont

        lang, words, family = figure_words(lang, _WORDS)
        t = self.fixed[self.fixed["term"] != "Intercept"].iloc[::-1]
        with matplotlib.rc_context({"font.family": family}):
            ax = ax or plt.subplots(figsize=(7, 0.5 * len(t) + 1.4))[1]
            err = np.array([t["est"] - t["ci_low"], t["ci_high"] - t["est"]])
            ax.errorbar(t["est"], list(t["term"]), xerr=err, fmt="o", capsize=3)
            ax.axvline(0, color="grey", lw=0.8)
            ax.set(xlabel=words["x"].format(level=self.level), title=words["title"])
            ax.grid(axis="x", alpha=0.3)
            refont(ax, family)
        return ax


def _columns(formula: str, data: pd.DataFrame) -> tuple[str, list[str]]:
    """The response and the data columns named on the right of *formula*."""
    if formula.count("~") != 1:
        raise DataError(f"formula must be 'y ~ x1 + x2' (one '~'), not {formula!r}.")
    lhs, rhs = (s.strip() for s in formula.split("~"))
    if lhs not in data.columns:
        raise DataError(f"The response {lhs!r} is not a column of data.")
    names = [n for n in dict.fromkeys(_NAME.findall(rhs)) if n in data.columns]
    return lhs, names


def _wald(est: np.ndarray, se: np.ndarray, level: float) -> pd.DataFrame:
    z = est / se
    q = stats.norm.ppf(0.5 + level / 2)
    return pd.DataFrame(
        {
            "est": est,
            "se": se,
            "z": z,
            "pvalue": 2 * stats.norm.sf(np.abs(z)),
            "ci_low": est - q * se,
            "ci_high": est + q * se,
        }
    )


#: optimizers tried in turn; statsmodels' default (BFGS) can stop short of the optimum
_OPTIMIZERS = (["bfgs"], ["cg"], ["powell", "lbfgs"])


def _best_fit(model: Any, reml: bool) -> tuple[Any, bool, list[str]]:
    """The fit with the highest (restricted) log-likelihood among the optimizers that
    converged (else the best of all), whether it converged, and the warnings seen."""
    fits: list[tuple[float, bool, Any]] = []
    problems: list[str] = []
    for method in _OPTIMIZERS:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                res = model.fit(reml=reml, method=method)
            except (ValueError, np.linalg.LinAlgError) as err:
                problems.append(f"{method}: {err}")
                continue
        notes = [str(w.message) for w in caught]
        problems.extend(notes)
        ok = bool(res.converged) and not any("converge" in n.lower() for n in notes)
        if np.isfinite(res.llf) and np.all(np.isfinite(res.fe_params)):
            fits.append((float(res.llf), ok, res))
    if not fits:
        return None, False, problems
    good = [f for f in fits if f[1]] or fits
    _, ok, res = max(good, key=lambda f: f[0])
    return res, ok, problems


def _gls_cov(x: np.ndarray, groups: np.ndarray, tau2: float, sigma2: float) -> np.ndarray:
    """(X'V⁻¹X)⁻¹ of a random-intercept model at the estimated variances, with
    V_j⁻¹ = (I - τ²/(σ² + n_j τ²)·11') / σ² per group (one pass over the rows)."""
    codes, _ = pd.factorize(groups)
    n_j = np.bincount(codes).astype(float)
    sums = np.zeros((len(n_j), x.shape[1]))
    np.add.at(sums, codes, x)
    w = tau2 / (sigma2 + n_j * tau2)
    a = (x.T @ x - (sums * w[:, None]).T @ sums) / sigma2
    return np.linalg.inv(a)


def multilevel(
    data: Any,
    formula: str,
    group: str = "unit_id",
    *,
    centre: Sequence[str] = (),
    reml: bool = True,
    level: float = 0.95,
    missing: Missing = "raise",
) -> Multilevel:
    """A multilevel (mixed) linear regression with a random intercept per group —
    respondents nested in stores or hotels — by statsmodels ``MixedLM``.

    y_ij = x_ij'β + u_j + e_ij with u_j ~ N(0, τ²) (between groups) and e_ij ~ N(0, σ²)
    (within). REML by default (``reml=False``: maximum likelihood, needed to compare
    models with different fixed effects by likelihood). Fixed effects get the usual GLS
    standard errors, (X'V⁻¹X)⁻¹ at the estimated τ² and σ² — those of R's ``lme4::lmer``
    (REML and ML) and ``nlme::lme`` (REML; under ML nlme multiplies σ² by N / (N - p)) —
    rather than statsmodels' ``bse_fe``, which come from the joint Hessian and differ
    by about 2 % on the bundled data; and Wald (normal) intervals.
    ``icc`` = τ² / (τ² + σ²) of the residual variance.

    **Within and between effects** (``centre=["x"]``): the predictor x is split into
    ``x_within`` = x - the group's mean of x (group-mean centring) and ``x_between`` =
    the group's mean of x (over the rows used), and both enter the model in place of x.
    ``x_within`` is the effect of a person's standing relative to their unit — it is free
    of anything that differs between units; ``x_between`` is the effect of the unit's
    mean; their difference, the **contextual** effect (between - within, SE from the
    estimates' covariance), says how much more a unit-level difference goes with than
    the same individual difference. Without centring, x's one coefficient mixes the two.
    Group means of observed answers contain sampling error, which pulls the between
    effect towards the within effect when units are small (see ICC(2) in :func:`link`).

    # In R: nlme::lme(y ~ x_within + x_between, random = ~ 1 | group, data,
    #                 method = "REML")   (or lme4::lmer(y ~ ... + (1 | group)))

    Parameters
    ----------
    data : DataFrame or Survey
        One row per respondent with the group column.
    formula : str
        ``"y ~ x1 + x2"`` in statsmodels' formula syntax; predictors named in ``centre``
        must appear as plain terms.
    group : str
        The group (unit) column.
    centre : list of str
        Predictors to split into within and between parts.
    reml : bool
        REML (default) or ML.
    level : float
        Confidence level.
    missing : {"raise", "drop"}
        Missing values raise a DataError naming the columns; ``"drop"`` leaves out those
        rows (counted in ``dropped``).

    Returns
    -------
    Multilevel

    Raises
    ------
    DataError
        Missing columns or values; a centred predictor not in the formula; one group.
    EstimationError
        statsmodels fails to fit.

    Examples
    --------
    >>> import cxlab as cx
    >>> employees, _, _ = cx.profit_chain.example_data()
    >>> m = cx.profit_chain.multilevel(employees, "esat ~ isq", centre=["isq"])
    >>> m.decomposition[["predictor", "effect", "est", "ci_low", "ci_high"]].round(2)
      predictor      effect   est  ci_low  ci_high
    0       isq      within  0.36    0.31     0.42
    1       isq     between  0.76    0.60     0.93
    2       isq  contextual  0.40    0.22     0.58
    >>> round(m.icc, 2)
    0.19
    """
    import statsmodels.formula.api as smf

    check_level(level)
    frame = as_frame(data)
    lhs, names = _columns(formula, frame)
    centre = list(centre)
    absent = [c for c in centre if c not in names]
    if absent:
        raise DataError(
            f"centre= names {absent}, which are not predictors (columns) in {formula!r}."
        )
    used, dropped = table(frame, [lhs, *names], group, what="data", missing=missing)
    sizes = used.groupby(group).size()
    if len(sizes) < 2:
        raise DataError(
            f"Column {group!r} has {len(sizes)} group(s); a multilevel model needs several."
        )
    notes = []
    single = small_units(sizes, what="data")
    if single:
        msg = (
            f"{len(single)} of {len(sizes)} groups have one row (e.g. {single[0]!r}): they "
            "add nothing to the within-group part and little to the variance components."
        )
        warnings.warn(msg, UserWarning, stacklevel=2)
        notes.append("Note: " + msg)
    rhs = formula.split("~", 1)[1]
    for x in centre:
        mean = used.groupby(group)[x].transform("mean")
        for suffix, values in (("within", used[x] - mean), ("between", mean)):
            name = f"{x}_{suffix}"
            if name in used.columns:
                raise DataError(f"data already has a column {name!r}: rename it.")
            used[name] = values
        rhs = re.sub(rf"(?<![\w.]){re.escape(x)}(?![\w.])", f"({x}_within + {x}_between)", rhs)
    fitted_formula = f"{lhs} ~{rhs}"
    model = smf.mixedlm(fitted_formula, used, groups=used[group])
    res, converged, problems = _best_fit(model, reml)
    if res is None:
        raise EstimationError(f"MixedLM could not fit {fitted_formula!r}: {problems[:1]}")
    if not converged:
        warnings.warn(
            f"MixedLM did not converge for {fitted_formula!r}: {problems[:1]}",
            UserWarning,
            stacklevel=2,
        )
    fe = res.fe_params
    tau2, sigma2 = float(res.cov_re.iloc[0, 0]), float(res.scale)
    cov = _gls_cov(np.asarray(model.exog), np.asarray(model.groups), tau2, sigma2)
    fixed = _wald(fe.to_numpy(), np.sqrt(np.diag(cov)), level)
    fixed.insert(0, "term", list(fe.index))
    variance = pd.DataFrame({"component": ["between", "within"], "est": [tau2, sigma2]})
    if tau2 <= 1e-6 * (tau2 + sigma2):
        # lme4 calls this a singular fit: the between-unit variance sits on its boundary (0)
        notes.append(
            "Note: the between-unit variance is estimated at (or next to) zero — a boundary "
            "('singular') fit, as lme4 would warn: the units do not differ beyond chance "
            "once the predictors are in, so the random intercept adds nothing and its ICC "
            "of 0 is a boundary value, not a precise estimate."
        )
    rows = []
    idx = {t: i for i, t in enumerate(fe.index)}
    for x in centre:
        w, b = idx[f"{x}_within"], idx[f"{x}_between"]
        contrast = np.zeros(len(fe))
        contrast[[w, b]] = [-1, 1]
        est = np.array([fe.iloc[w], fe.iloc[b], contrast @ fe.to_numpy()])
        se = np.sqrt([cov[w, w], cov[b, b], contrast @ cov @ contrast])
        part = _wald(est, se, level)
        part.insert(0, "effect", ["within", "between", "contextual"])
        part.insert(0, "predictor", x)
        rows.append(part)
    columns = ["predictor", "effect", "est", "se", "z", "pvalue", "ci_low", "ci_high"]
    decomposition = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(columns=columns)
    return Multilevel(
        fixed=fixed,
        variance=variance,
        icc=tau2 / (tau2 + sigma2),
        decomposition=decomposition,
        formula=formula,
        fitted_formula=fitted_formula,
        group=group,
        method="REML" if reml else "ML",
        level=level,
        n=len(used),
        n_groups=len(sizes),
        loglik=float(res.llf),
        converged=converged,
        fit_=res,
        notes=notes,
        dropped=dropped,
    )
