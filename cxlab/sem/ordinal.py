"""Ordered (ordinal) indicators estimated as lavaan's WLSMV: :func:`fit_ordered`.

Likert answers are categories, not numbers: behind each item lavaan assumes a normal
latent response y* cut at thresholds. :func:`fit_ordered` estimates the thresholds and
polychoric correlations (:mod:`cxlab.sem._polychoric`), fits the model to them by DWLS
with robust standard errors and the mean-and-variance adjusted χ² (:mod:`cxlab.sem.wls`)
— lavaan's ``estimator = "WLSMV"`` with its defaults: delta parameterisation,
``se = "robust.sem"``, ``test = "scaled.shifted"``, listwise deletion.

What is estimated, as lavaan: the model's loadings, regressions and factor
(co)variances, the thresholds (rows ``item | t1``, ``item | t2``, …), with the items'
intercepts fixed at 0 and their residual variances not free but 1 − explained variance
(rows ``item ~~ item`` with that value, as lavaan's fixed rows). With several groups,
every group has its own thresholds, loadings and factor (co)variances unless
``group_equal`` holds them equal; with ``"thresholds"`` held equal, as lavaan, the
factor means and the items' scale factors (rows ``item ~*~ item``) are free in groups
2… (the ordinal invariance model of ``group.equal = c("thresholds", "loadings")``).

Continuous variables next to the ordered items — an indicator such as a 0–100 rating, an
outcome such as spend — are fitted with them as lavaan does (:mod:`cxlab.sem._polyserial`):
their means and variances, polyserial correlations with the ordered items and covariances
among themselves join the statistics and Γ; their intercepts and residual variances are
free parameters (with ``group_equal=("thresholds", …)`` their intercepts are held equal
too, as lavaan's "thresholds" implies "intercepts" for categorical data).

Not supported (clear errors): continuous exogenous covariates (a variable that only
predicts, ``F ~ age``: lavaan fits them by ``conditional.x``), ordered predictors,
thresholds written in the model (``|`` lines; the thresholds are added here),
``missing="fiml"`` (ML with ordered data: lavaan has no FIML for WLSMV either; use listwise
deletion, the default here and in lavaan, or multiple imputation), ``missing="pairwise"``,
and ``group_equal`` on intercepts, means or residuals.

Examples
--------
>>> from cxlab.sem.ordinal import _example_fit
>>> fit = _example_fit()
>>> fit.meta["estimator"], fit.fit_measures["df"]
('WLSMV', 8)
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cxlab.sem._ordinal import estimate_ordered
from cxlab.sem._polychoric import bivariate_normal_cdf
from cxlab.sem.fitting import SEMFit

# bivariate_normal_cdf: public here for other subpackages (categorical omega)
__all__ = ["bivariate_normal_cdf", "fit_ordered"]


def fit_ordered(
    model: str,
    data: pd.DataFrame,
    ordered: list[str] | tuple[str, ...],
    *,
    group: str | None = None,
    group_equal: tuple[str, ...] | list[str] = (),
    std_lv: bool = False,
    missing: str = "listwise",
    identification: str = "lavaan",
) -> SEMFit:
    """Fit a model with ordered indicators as lavaan's WLSMV (see the module docstring).

    # In R: lavaan::sem(model, data, ordered = ordered, estimator = "WLSMV",
    #                   group = group, group.equal = group_equal, std.lv = std_lv)

    Parameters
    ----------
    model : str
        lavaan syntax (``=~``, ``~``, ``~~``, labels, ``:=``); no ``|`` lines.
    data : pandas.DataFrame or cxlab.survey.Survey
        One row per respondent.
    ordered : list of str
        The ordered items (whole numbers such as 1…5, or an ordered pandas Categorical).
        The model's other observed variables are continuous: indicators or outcomes,
        not exogenous covariates.
    group : str, optional
        Column whose values define groups.
    group_equal : sequence of str
        Held equal across groups: "thresholds", "loadings", "regressions",
        "lv.variances", "lv.covariances", "residual.covariances".
    std_lv : bool
        Fix factor variances to 1 instead of the first loadings.
    missing : {"listwise"}
        Rows with a missing value on a model variable are dropped (lavaan's default for
        WLSMV). ``"fiml"`` is refused: there is no full-information likelihood behind
        WLSMV.
    identification : {"lavaan", "wu.estabrook.2016"}
        What is freed in groups 2… when parameters are held equal. ``"lavaan"`` (default):
        lavaan's own rule — with equal thresholds the factor means and scale factors are
        free, the items' intercepts stay 0. ``"wu.estabrook.2016"`` (needs ``std_lv=True``;
        ``group_equal`` nested: "thresholds", then "loadings", then "intercepts"): semTools'
        ``measEq.syntax(ID.fac = "std.lv", ID.cat = "Wu.Estabrook.2016")`` — equal thresholds
        free the items' intercepts and scale factors, equal loadings the factor variances,
        equal intercepts (back to 0) the factor means.

    Returns
    -------
    SEMFit
        ``meta["estimator"] == "WLSMV"``; ``fit_measures`` with lavaan's names
        (chisq, chisq_scaled, chisq_scaling_factor, chisq_shift_parameters, cfi_scaled, tli_scaled,
        rmsea_scaled and its CI, …); ``meta["sample_stats"]`` the thresholds,
        polychoric (polyserial) correlations and Γ per group; ``meta["ordered"]`` and
        ``meta["continuous"]`` the two kinds of observed variables.

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab.sem.ordinal import _example_data
    >>> data = _example_data()
    >>> fit = fit_ordered("F =~ y1 + y2 + y3\\nG =~ y4 + y5 + y6", data,
    ...                   ordered=["y1", "y2", "y3", "y4", "y5", "y6"])
    >>> est = fit.to_frame()
    >>> est.loc[est.op == "|", "rhs"].head(4).tolist()
    ['t1', 't2', 't3', 't1']
    >>> round(fit.fit_measures["cfi_scaled"], 2)
    1.0

    A continuous variable (here a rating that goes with G's items) as a fourth indicator:

    >>> noise = np.random.default_rng(1).normal(0, 5, len(data))
    >>> data["score"] = (40 + 4 * data[["y4", "y5", "y6"]].sum(axis=1) + noise).round(1)
    >>> mixed = fit_ordered("F =~ y1 + y2 + y3\\nG =~ y4 + y5 + y6 + score", data,
    ...                     ordered=["y1", "y2", "y3", "y4", "y5", "y6"])
    >>> mixed.meta["continuous"], mixed.fit_measures["df"]  # 41 statistics, 28 parameters
    (['score'], 13)
    """
    parts = estimate_ordered(
        model, data, ordered, group=group, group_equal=group_equal, std_lv=std_lv,
        missing=missing, identification=identification,
    )  # fmt: skip
    return SEMFit(**parts)


def _example_data(n: int = 500, seed: int = 7) -> pd.DataFrame:
    """Six 4-point items of two correlated factors (for the examples)."""
    rng = np.random.default_rng(seed)
    f = rng.multivariate_normal([0, 0], [[1, 0.4], [0.4, 1]], size=n)
    cols = {}
    for j in range(6):
        ystar = 0.75 * f[:, j // 3] + np.sqrt(1 - 0.75**2) * rng.standard_normal(n)
        cols[f"y{j + 1}"] = 1 + np.searchsorted([-1.0, 0.0, 0.9], ystar)
    return pd.DataFrame(cols)


def _example_fit() -> SEMFit:
    """A fitted two-factor ordinal CFA on :func:`_example_data` (for the examples)."""
    items = [f"y{j}" for j in range(1, 7)]
    fit = fit_ordered("F =~ y1 + y2 + y3\nG =~ y4 + y5 + y6", _example_data(), items)
    om = fit.meta["ordinal_model"]
    om.theta_hat = fit.meta["theta_free"]
    fit.ordinal_ = om
    return fit
