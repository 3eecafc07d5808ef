"""Reliability and AVE of the factors of a fitted measurement model — the researcher's
joint CFA (or the measurement part of an SEM) — as semTools computes them.

:func:`comp_rel_sem` is ``semTools::compRelSEM`` (ω per factor, or α with
``tau_eq=True``), :func:`ave` is ``semTools::AVE`` (or, with
``method="fornell_larcker"``, the mean squared standardized loading),
:func:`composite_reliability` is Fornell & Larcker's (1981) CR from the standardized
loadings, and :func:`model_reliability` puts ω, CR and AVE side by side, one row per
factor. They take a fitted :class:`cxlab.sem.SEMFit` (from :func:`cxlab.sem.fit` or
:func:`cxlab.psychometrics.cfa`) and read only its public attributes (``table``,
``ram_``, ``theta_``, ``groups``, ``meta``, ``data_``).

Ordered items fitted as lavaan's WLSMV (``cx.sem.fit(..., ordered=items)``) get
semTools' categorical versions: by default ω of the sum of the observed category scores
(Green & Yang 2009, ``compRelSEM(ord.scale = TRUE)``), with ``ord_scale=False`` ω of the
latent responses; AVE on the latent-response scale. The thresholds, scale factors and
category scores they need are read in :mod:`cxlab.psychometrics._reliability_parts`.

These differ from :func:`cxlab.psychometrics.reliability`, which fits a separate
one-factor model to each scale: there each factor's loadings and residual variances are
estimated without the other factors (and without residual covariances between scales),
so its ω, CR and AVE can differ from the joint model's in the third decimal. Reviewers
compare with ``compRelSEM`` / ``AVE`` on the joint model, which is what this module gives.

Every result names its definition: the wide tables of :func:`comp_rel_sem`, :func:`ave`
and :func:`composite_reliability` carry it in ``.attrs["definition"]``, the table of
:func:`model_reliability` one per column in ``.attrs["definitions"]``.

Examples
--------
>>> import cxlab as cx
>>> hs = cx.datasets.load("holzinger_swineford")
>>> fit = cx.psychometrics.cfa("visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6", hs)
>>> omega = cx.psychometrics.comp_rel_sem(fit)  # In R: semTools::compRelSEM(fit)
>>> omega.round(3)
       visual  textual
group
all     0.613    0.885
>>> omega.attrs["definition"]
'ω (compRelSEM, obs.var = TRUE)'
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from cxlab.errors import DataError, ModelSpecError
from cxlab.psychometrics._reliability_parts import blocks, category_scores

if TYPE_CHECKING:
    from cxlab.sem import SEMFit

__all__ = [
    "AVE_FORNELL_LARCKER",
    "CR_FORNELL_LARCKER",
    "ave",
    "ave_definition",
    "comp_rel_sem",
    "composite_reliability",
    "model_reliability",
    "omega_definition",
]

#: the definition of :func:`composite_reliability`
CR_FORNELL_LARCKER = "CR (Fornell & Larcker 1981, standardized loadings)"
#: the definition of ``ave(fit, method="fornell_larcker")``
AVE_FORNELL_LARCKER = "AVE (Fornell & Larcker 1981, mean squared standardized loading)"

#: the columns of :func:`model_reliability` (those of :func:`cxlab.psychometrics.reliability`)
_COLUMNS = ["omega_total", "composite_reliability", "ave"]

#: estimators of ordered (categorical) indicators; cxlab fits them as WLSMV
_CATEGORICAL = {"WLSMV", "WLSM", "WLS", "DWLS", "ULS", "ULSMV", "PML"}


def _r_bool(value: bool) -> str:
    return "TRUE" if value else "FALSE"


def omega_definition(
    *, obs_var: bool = True, tau_eq: bool = False, ord_scale: bool | None = None
) -> str:
    """The name of what :func:`comp_rel_sem` returns with these options.

    ``ord_scale`` is None for a model of continuous items; for ordered items (WLSMV)
    True names the category-score version, False the latent-response one.

    Examples
    --------
    >>> omega_definition()
    'ω (compRelSEM, obs.var = TRUE)'
    >>> omega_definition(obs_var=False, tau_eq=True)
    'α (compRelSEM, tau.eq = TRUE, obs.var = FALSE)'
    >>> omega_definition(ord_scale=True)
    'categorical ω (compRelSEM, ord.scale = TRUE, obs.var = TRUE; Green & Yang 2009)'
    >>> omega_definition(tau_eq=True, ord_scale=True)
    'α (compRelSEM, tau.eq = TRUE, ord.scale = TRUE; category scores)'
    """
    if ord_scale is None:
        if tau_eq:
            return f"α (compRelSEM, tau.eq = TRUE, obs.var = {_r_bool(obs_var)})"
        return f"ω (compRelSEM, obs.var = {_r_bool(obs_var)})"
    if tau_eq and ord_scale:
        return "α (compRelSEM, tau.eq = TRUE, ord.scale = TRUE; category scores)"
    if tau_eq:
        return (
            f"α (compRelSEM, tau.eq = TRUE, ord.scale = FALSE, obs.var = {_r_bool(obs_var)};"
            " latent responses)"
        )
    if ord_scale:
        return (
            f"categorical ω (compRelSEM, ord.scale = TRUE, obs.var = {_r_bool(obs_var)}; "
            "Green & Yang 2009)"
        )
    return f"ω (compRelSEM, ord.scale = FALSE, obs.var = {_r_bool(obs_var)}; latent responses)"


def ave_definition(*, obs_var: bool = True, ordered: bool = False) -> str:
    """The name of what :func:`ave` returns with ``method="semtools"`` (``ordered``: for
    ordered items, on the latent-response scale).

    Examples
    --------
    >>> ave_definition(obs_var=False)
    'AVE (semTools::AVE, obs.var = FALSE)'
    >>> ave_definition(ordered=True)
    'AVE (semTools::AVE, obs.var = TRUE; latent responses)'
    """
    return f"AVE (semTools::AVE, obs.var = {_r_bool(obs_var)}" + (
        "; latent responses)" if ordered else ")"
    )


def _check_fit(fit: Any, allow_inadmissible: bool) -> bool:
    """Refuse what is not a fitted model cxlab can read; True for ordered items (WLSMV)."""
    needed = ("table", "ram_", "theta_", "groups")
    if any(getattr(fit, name, None) is None for name in needed):
        raise DataError(
            f"Expected a fitted model (cx.sem.fit or cx.psychometrics.cfa), not "
            f"{type(fit).__name__}. For single scales without a joint model use "
            "cx.psychometrics.reliability(data, scales)."
        )
    meta = getattr(fit, "meta", {}) or {}
    estimator = str(meta.get("estimator", "")).upper()
    ordered = list(meta.get("ordered") or [])
    categorical = bool(ordered) or estimator in _CATEGORICAL
    readable = estimator == "WLSMV" and ordered and (fit.table.op == "|").any()
    if categorical and not readable:
        raise ModelSpecError(
            f"This model treats indicators as ordered (estimator {estimator or '?'}), "
            "but not as cxlab's WLSMV fits do (meta['ordered'] naming the items, their "
            "thresholds in the table): comp_rel_sem and ave need the thresholds and "
            "scale factors of such a fit. Fit it with cx.sem.fit(model, data, "
            "ordered=[items])."
        )
    fit.require_admissible(allow_inadmissible)
    return categorical


def _alpha(cov: pd.DataFrame) -> float:
    """Coefficient α of a covariance matrix (semTools' ``computeAlpha``)."""
    k = len(cov)
    if k < 2:
        return float("nan")
    s = cov.to_numpy()
    return k / (k - 1) * (1 - float(np.trace(s)) / float(s.sum()))


def _frame(fit: SEMFit, rows: list[dict[str, float]], definition: str) -> pd.DataFrame:
    out = pd.DataFrame(rows, index=pd.Index(list(fit.groups), name="group"), dtype=float)
    out.columns.name = None
    out.attrs["definition"] = definition
    return out


def comp_rel_sem(
    fit: SEMFit,
    *,
    obs_var: bool = True,
    tau_eq: bool = False,
    ord_scale: bool = True,
    return_total: bool = False,
    drop_single: bool = True,
    allow_inadmissible: bool = False,
) -> pd.DataFrame:
    """Composite reliability ω of each factor of a fitted model, as ``semTools::compRelSEM``.

    # In R: semTools::compRelSEM(fit, obs.var = obs_var, tau.eq = tau_eq,
    #                            ord.scale = ord_scale, return.total = return_total,
    #                            dropSingle = drop_single)

    For factor *f* with indicators *I* (the items with a non-zero loading on *f*):

        ω_f = Σ (λ_I φ_ff λ_Iᵀ) / Σ S_II

    the model-implied common variance of the sum score over its total variance. λ are the
    loadings as estimated (raw metric), φ_ff the factor's model-implied variance (lavaan's
    ``cov.lv``: the fitted variance for an exogenous factor, the implied total variance
    for one regressed on others). The denominator sums every cell of the items'
    covariance matrix S: with ``obs_var=True`` (semTools' default) the sample covariance
    matrix (divisor N; with ``missing="fiml"`` the EM estimate of the unrestricted model,
    lavaan's ``sampstat``), with ``obs_var=False`` the model-implied one (lavaan's
    ``fitted``). Either way the residual covariances among the factor's items count in
    the denominator only (they are not common variance), and an item loading on several
    factors contributes only its loading on *f* to the numerator.

    ``tau_eq=True`` gives coefficient α of the same covariance matrix instead,
    k/(k − 1)·(1 − tr S / Σ S). ``return_total=True`` adds a column "total" (when there are
    two or more factors): the same ratio for the sum of all their items, with the whole
    implied factor covariance matrix in the numerator. ``drop_single=False`` keeps
    factors with a single indicator (and factors with none, e.g. a second-order factor,
    as NaN).

    **Ordered items** (a WLSMV fit, ``cx.sem.fit(..., ordered=items)``), as semTools:
    S is the polychoric correlation matrix (``obs_var=True``) or the model-implied
    correlations of the latent responses (``obs_var=False``), rescaled by the items'
    scale factors δ (lavaan's ``~*~``, 1 unless freed in groups 2…) to D⁻¹ S D⁻¹.

    * ``ord_scale=True`` (default): Green & Yang's (2009) categorical ω, the
      reliability of the sum of the observed category scores, computed from the
      thresholds (as estimated, times δ) and bivariate normal probabilities of the
      common correlations (λφλᵀ, times δ on both sides) and of the total ones (S as a
      correlation matrix); see :func:`cxlab.psychometrics._reliability_parts.omega_cat`.
      As in semTools the thresholds are not shifted by the items' latent means (which
      are not 0 in groups 2… when the factor means are free).
    * ``ord_scale=False``: the formula above on the latent-response scale.
    * ``tau_eq=True``: α of the category scores (1…K; their sample covariance matrix,
      complete rows, rescaled by 1/δ as semTools does; ``obs_var`` then does not
      matter) with ``ord_scale=True``, α of S with ``ord_scale=False``.
    * ``return_total=True`` with ``ord_scale=True`` (and not ``tau_eq``): semTools 0.5.6
      stops here ("non-conformable arguments": it hands the *sum* of the common
      covariance matrix to its ``omegaCat``); cxlab gives ``omegaCat`` of all the
      factors' items with the matrix itself (λΦλᵀ), which is what that call computes
      when it is given the matrix.

    Continuous variables next to ordered items (``cx.sem.fit`` with some items not in
    ``ordered=``) are treated as semTools does: a factor of continuous indicators gets
    the formula above, a factor with both kinds gets NaN (with a warning; only α with
    ``tau_eq=True, ord_scale=True``, of the raw answers, is given), and there is no
    "total" when the model's items are of both kinds. ``ord_scale`` does not apply to a
    model of continuous items.

    Parameters
    ----------
    fit : SEMFit
        A fitted model (:func:`cxlab.sem.fit`, :func:`cxlab.psychometrics.cfa`).
    obs_var : bool
        Observed (True) or model-implied (False) total variance in the denominator.
    tau_eq : bool
        Coefficient α (assumes tau-equivalent items) instead of ω.
    ord_scale : bool
        Ordered items: reliability of the observed category scores (True, semTools'
        default) or of the latent responses (False).
    return_total : bool
        Add the reliability of the sum of all items of the model ("total").
    drop_single : bool
        Leave out factors with fewer than two indicators.
    allow_inadmissible : bool
        Compute even for a non-converged or inadmissible fit (otherwise
        :class:`~cxlab.errors.InadmissibleSolutionError` with the diagnosis).

    Returns
    -------
    pandas.DataFrame
        One row per group (index "group"; a one-group model's row is "all"), one column
        per factor (and "total"); ``.attrs["definition"]`` names it, e.g.
        ``"ω (compRelSEM, obs.var = TRUE)"`` (:func:`omega_definition`).

    Examples
    --------
    >>> import cxlab as cx
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> model = "visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6\\nspeed =~ x7 + x8 + x9"
    >>> fit = cx.psychometrics.cfa(model, hs)
    >>> cx.psychometrics.comp_rel_sem(fit, return_total=True).round(3)
           visual  textual  speed  total
    group
    all     0.612    0.885  0.686   0.86
    >>> two = cx.psychometrics.cfa(model, hs, group="school")
    >>> cx.psychometrics.comp_rel_sem(two, obs_var=False).round(3)  # one row per group
                 visual  textual  speed
    group
    Pasteur       0.617    0.877  0.618
    Grant-White   0.663    0.878  0.764

    Ordered items (WLSMV): ω of the category scores and of the latent responses.

    >>> hotel = cx.datasets.load("hotel_4e")
    >>> items = ["sat1", "sat2", "sat3", "loy1", "loy2", "loy3"]
    >>> model = "satisfaction =~ sat1 + sat2 + sat3\\nloyalty =~ loy1 + loy2 + loy3"
    >>> wlsmv = cx.sem.fit(model, hotel, ordered=items)
    >>> cx.psychometrics.comp_rel_sem(wlsmv).round(3)  # semTools::compRelSEM(fit)
           satisfaction  loyalty
    group
    all           0.888    0.819
    >>> cx.psychometrics.comp_rel_sem(wlsmv, ord_scale=False).round(3)
           satisfaction  loyalty
    group
    all            0.91    0.847
    """
    categorical = _check_fit(fit, allow_inadmissible)
    ordered = set(fit.meta.get("ordered") or []) if categorical else set()
    scores = category_scores(fit, sorted(ordered)) if ordered and tau_eq and ord_scale else None
    rows, mixed_factors, no_total = [], set(), False
    for g, b in enumerate(blocks(fit, obs_var, categorical)):
        sigma = b.sigma
        if scores is not None:  # α of the answers (ordered: 1…K), rescaled by 1/δ (semTools)
            cov = scores[g][b.observed].cov().to_numpy() / np.outer(b.scales, b.scales)
            sigma = pd.DataFrame(cov, index=b.observed, columns=b.observed)
        factors = b.factors(drop_single)
        row: dict[str, float] = {}
        for f in factors:
            items = b.items(f)
            if not items or (drop_single and len(items) == 1):
                row[f] = float("nan")
                continue
            cat = bool(ordered.intersection(items))
            if cat and not ordered.issuperset(items) and not (tau_eq and ord_scale):
                row[f] = float("nan")  # semTools: ordered and continuous items together
                mixed_factors.add(f)
                continue
            total = sigma.loc[items, items]
            if tau_eq:
                row[f] = _alpha(total)
                continue
            lam = b.lam.loc[items, f].to_numpy()
            common = np.outer(lam, lam) * b.phi.loc[f, f]
            if cat and ord_scale:
                row[f] = b.omega_cat(items, common)
            else:
                row[f] = float(common.sum()) / float(total.to_numpy().sum())
        sub = b.lam[factors]
        items = list(sub.index[(sub != 0).any(axis=1)])
        block_cat = ordered.issuperset(items)
        if return_total and len(factors) > 1 and ordered.intersection(items) and not block_cat:
            no_total = True  # semTools: no total of ordered and continuous items
        elif return_total and len(factors) > 1:
            total = sigma.loc[items, items]
            if tau_eq:
                row["total"] = _alpha(total)
            else:
                lam = sub.loc[items].to_numpy()
                common = lam @ b.phi.loc[factors, factors].to_numpy() @ lam.T
                if block_cat and ordered and ord_scale:
                    row["total"] = b.omega_cat(items, common)
                else:
                    row["total"] = float(common.sum()) / float(total.to_numpy().sum())
        rows.append(row)
    if mixed_factors:
        warnings.warn(
            f"Factor(s) {', '.join(sorted(mixed_factors))} have ordered and continuous "
            "indicators: like semTools, comp_rel_sem gives NaN for them (ω of such a sum is "
            "not defined; tau_eq=True with ord_scale=True gives α of the raw answers).",
            stacklevel=2,
        )
    if no_total and not (tau_eq and ord_scale):
        warnings.warn(
            "return_total: the model's items are ordered and continuous; like semTools, "
            "no 'total' is given.",
            stacklevel=2,
        )
    named = bool(ord_scale) if categorical else None  # ord.scale applies to ordered items
    definition = omega_definition(obs_var=obs_var, tau_eq=tau_eq, ord_scale=named)
    return _frame(fit, rows, definition)


def ave(
    fit: SEMFit,
    *,
    method: str = "semtools",
    obs_var: bool = True,
    drop_single: bool = True,
    allow_inadmissible: bool = False,
) -> pd.DataFrame:
    """Average variance extracted of each factor of a fitted model.

    # In R: semTools::AVE(fit, obs.var = obs_var, dropSingle = drop_single)

    ``method="semtools"`` (default) is ``semTools::AVE``: for factor *f* with indicators
    *I*,

        AVE_f = φ_ff · Σ_I λᵢ² / Σ_I s_ii

    with the loadings λ as estimated (raw metric), φ_ff the factor's model-implied
    variance and s_ii the items' variances — observed (sample, divisor N) with
    ``obs_var=True``, model-implied with ``obs_var=False``. Since the squared
    standardized loading is λᵢ²φ_ff / σ̂_ii (σ̂_ii the implied variance), this is
    Σ λsᵢ² σ̂_ii / Σ s_ii: the squared standardized loadings weighted by the items'
    implied variances, divided by their observed (or implied) variances — not the plain
    mean of the squared standardized loadings unless the items have equal variances (and,
    with ``obs_var=True``, the model reproduces them). A factor with an item that also
    loads on another factor gets NaN, as in semTools.

    ``method="fornell_larcker"`` is Fornell & Larcker's (1981) AVE = mean of the
    squared standardized loadings λs² (lavaan's ``std.all``) over the factor's
    indicators (``obs_var`` does not apply).

    For ordered items (WLSMV) semTools' AVE is on the latent-response scale: the s_ii
    are the diagonal of D⁻¹ S D⁻¹ (S the polychoric or the implied correlations, D the
    scale factors δ), i.e. 1/δᵢ² for an ordered item either way, so ``obs_var`` makes
    no difference for a factor of ordered items.

    Parameters
    ----------
    fit : SEMFit
        A fitted model (:func:`cxlab.sem.fit`, :func:`cxlab.psychometrics.cfa`).
    method : {"semtools", "fornell_larcker"}
        Which definition (see above).
    obs_var : bool
        semTools: observed (True) or model-implied (False) item variances.
    drop_single : bool
        Leave out factors with fewer than two indicators.
    allow_inadmissible : bool
        Compute even for a non-converged or inadmissible fit.

    Returns
    -------
    pandas.DataFrame
        One row per group (index "group"), one column per factor;
        ``.attrs["definition"]`` names the definition, e.g.
        ``"AVE (semTools::AVE, obs.var = TRUE)"``.

    Examples
    --------
    >>> import cxlab as cx
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> model = "visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6\\nspeed =~ x7 + x8 + x9"
    >>> fit = cx.psychometrics.cfa(model, hs)
    >>> cx.psychometrics.ave(fit).round(3)  # In R: semTools::AVE(fit)
           visual  textual  speed
    group
    all     0.371    0.721  0.424
    >>> cx.psychometrics.ave(fit, method="fornell_larcker").round(3)
           visual  textual  speed
    group
    all     0.371     0.72   0.43
    """
    if method not in ("semtools", "fornell_larcker"):
        raise DataError(f"method must be 'semtools' or 'fornell_larcker', not {method!r}.")
    categorical = _check_fit(fit, allow_inadmissible)
    rows = []
    for b in blocks(fit, obs_var, categorical):
        factors = b.factors(drop_single)
        row: dict[str, float] = {}
        cross = (b.lam[factors].round(5) != 0).sum(axis=1) > 1
        for f in factors:
            items = b.items(f)
            if not items:
                row[f] = float("nan")
            elif method == "fornell_larcker":
                row[f] = float(np.mean(b.std.loc[items, f].to_numpy() ** 2))
            elif cross[items].any():
                row[f] = float("nan")
            else:
                common = float((b.lam.loc[items, f] ** 2).sum() * b.phi.loc[f, f])
                row[f] = common / float(np.diag(b.sigma.loc[items, items]).sum())
        rows.append(row)
    definition = (
        AVE_FORNELL_LARCKER
        if method == "fornell_larcker"
        else ave_definition(obs_var=obs_var, ordered=categorical)
    )
    return _frame(fit, rows, definition)


def composite_reliability(
    fit: SEMFit, *, drop_single: bool = True, allow_inadmissible: bool = False
) -> pd.DataFrame:
    """Fornell & Larcker's (1981) composite reliability from the standardized loadings.

    CR_f = (Σλs)² / ((Σλs)² + Σ(1 − λs²)), with λs the standardized loadings (lavaan's
    ``std.all``) of the factor's indicators. Residual covariances between items are
    ignored (they would lower it); :func:`comp_rel_sem` counts them.

    # In R: l <- subset(standardizedSolution(fit), op == "=~" & lhs == f)$est.std
    #       sum(l)^2 / (sum(l)^2 + sum(1 - l^2))

    Parameters
    ----------
    fit : SEMFit
        A fitted model (:func:`cxlab.sem.fit`, :func:`cxlab.psychometrics.cfa`).
    drop_single : bool
        Leave out factors with fewer than two indicators.
    allow_inadmissible : bool
        Compute even for a non-converged or inadmissible fit.

    Returns
    -------
    pandas.DataFrame
        One row per group (index "group"), one column per factor;
        ``.attrs["definition"]`` is :data:`CR_FORNELL_LARCKER`.

    Examples
    --------
    >>> import cxlab as cx
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> fit = cx.psychometrics.cfa("visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6", hs)
    >>> cx.psychometrics.composite_reliability(fit).round(3)
           visual  textual
    group
    all     0.626    0.885
    """
    _check_fit(fit, allow_inadmissible)
    rows = []
    for b in blocks(fit, obs_var=True):
        row: dict[str, float] = {}
        for f in b.factors(drop_single):
            lam = b.std.loc[b.items(f), f].to_numpy()
            common = float(lam.sum() ** 2)
            row[f] = common / (common + float((1 - lam**2).sum())) if len(lam) else np.nan
        rows.append(row)
    return _frame(fit, rows, CR_FORNELL_LARCKER)


def model_reliability(
    fit: SEMFit,
    *,
    obs_var: bool = True,
    ord_scale: bool = True,
    drop_single: bool = True,
    allow_inadmissible: bool = False,
) -> pd.DataFrame:
    """ω, CR and AVE of every factor of a fitted measurement model, one row per factor.

    The columns are ``omega_total`` (:func:`comp_rel_sem`, semTools' ``compRelSEM``),
    ``composite_reliability`` (:func:`composite_reliability`, Fornell & Larcker's CR from
    the standardized loadings) and ``ave`` (:func:`ave`, semTools' ``AVE``) — the names
    of :func:`cxlab.psychometrics.reliability`'s table, here from the joint model.
    ``.attrs["definitions"]`` maps each of the three columns to its definition.

    # In R: semTools::compRelSEM(fit); semTools::AVE(fit)

    Parameters
    ----------
    fit : SEMFit
        A fitted model (:func:`cxlab.sem.fit`, :func:`cxlab.psychometrics.cfa`).
    obs_var : bool
        Observed (True, semTools' default) or model-implied variances for ω and AVE.
    ord_scale : bool
        Ordered items (WLSMV): ω of the category scores (True) or of the latent
        responses (False); see :func:`comp_rel_sem`.
    drop_single : bool
        Leave out factors with fewer than two indicators.
    allow_inadmissible : bool
        Compute even for a non-converged or inadmissible fit.

    Returns
    -------
    pandas.DataFrame
        Columns group, factor, n_items, omega_total, composite_reliability, ave.

    Examples
    --------
    >>> import cxlab as cx
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> fit = cx.psychometrics.cfa("visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6", hs)
    >>> table = cx.psychometrics.model_reliability(fit)
    >>> table.round(3)
      group   factor  n_items  omega_total  composite_reliability    ave
    0   all   visual        3        0.613                  0.626  0.371
    1   all  textual        3        0.885                  0.885  0.721
    >>> table.attrs["definitions"]["ave"]
    'AVE (semTools::AVE, obs.var = TRUE)'
    """
    kw = {"drop_single": drop_single, "allow_inadmissible": allow_inadmissible}
    omega = comp_rel_sem(fit, obs_var=obs_var, ord_scale=ord_scale, **kw)
    cr = composite_reliability(fit, **kw)
    extracted = ave(fit, obs_var=obs_var, **kw)
    parts = blocks(fit, obs_var)
    rows = []
    for group, b in zip(fit.groups, parts, strict=True):
        for f in omega.columns:
            rows.append(
                {
                    "group": group,
                    "factor": f,
                    "n_items": len(b.items(f)),
                    "omega_total": omega.loc[group, f],
                    "composite_reliability": cr.loc[group, f],
                    "ave": extracted.loc[group, f],
                }
            )
    out = pd.DataFrame(rows, columns=["group", "factor", "n_items", *_COLUMNS])
    out.attrs["definitions"] = {
        "omega_total": omega.attrs["definition"],
        "composite_reliability": cr.attrs["definition"],
        "ave": extracted.attrs["definition"],
    }
    return out
