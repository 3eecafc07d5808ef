"""The standardized solution of a fitted model, with a delta-method standard error, z, p
and confidence interval for every parameter — lavaan's ``standardizedSolution()``.

Three standardizations, as lavaan's ``type``:

- ``"std.lv"``: only the latent variables are scaled to unit variance (loadings become
  λ·SD(factor), factor variances 1, factor covariances correlations);
- ``"std.all"``: the observed variables too (the completely standardized solution, the
  ``std_all`` column of :meth:`cxlab.sem.SEMFit.estimates`);
- ``"std.nox"``: as std.all, but exogenous observed covariates (the ``fixed.x``
  predictors) keep their own scale, so a path from a covariate is the change in SDs of
  the outcome per unit of the covariate (useful for dummies such as sex).

Each row's standardized value is a function f(θ) of the free parameters: loadings and
paths are multiplied by SD(source) / SD(target), variances divided by the model-implied
variance, covariances by the product of the two (residual) standard deviations
(sqrt|ψ_ii ψ_jj|, as lavaan), intercepts and means by the SD. A ``:=`` parameter is its
expression evaluated at the standardized values of its labels (for a label on several
parameters, the first one's). The standard error is the delta method,
SE = sqrt(diag(J V Jᵀ)), with J = ∂f/∂θ by central differences and V the covariance
matrix of the free parameters of the fit (``fit.table.attrs["vcov"]``: expected
information for complete data, observed information with FIML, and whatever robust
matrix the estimator stores there). Fixed parameters therefore get an SE when their
standardized value depends on free ones (a marker loading fixed to 1), and 0 when it
does not (a factor variance under std.lv, the variances of ``fixed.x`` covariates). As
lavaan, an SE below ε^¼ ≈ 1.2e-4 is reported as 0 and then z and p are missing and the
interval collapses onto the estimate.

Ordered items (WLSMV fits, ``fit(..., ordered=)``), as lavaan: a threshold (``|``) is
divided by the model-implied SD of its item's latent response (1/δ, δ the scale factor)
under std.all and std.nox, and kept as estimated under std.lv; a scale factor (``~*~``) is
1 under std.all and std.nox and δ under std.lv; the items' residual variances (fixed rows
whose value is 1/δ² minus the explained variance) are standardized as variances and get a
delta-method SE, since they are functions of the free parameters.

# In R: lavaan::standardizedSolution(fit, type = "std.all", level = 0.95)

Examples
--------
>>> import cxlab as cx
>>> from cxlab.sem.standardized import standardized_solution
>>> hs = cx.datasets.load("holzinger_swineford")
>>> fit = cx.sem.fit("visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6", hs)
>>> std = standardized_solution(fit)
>>> std.loc[:2, ["lhs", "op", "rhs", "est_std", "se", "ci_low"]].round(3)
      lhs  op rhs  est_std     se  ci_low
0  visual  =~  x1    0.778  0.062   0.657
1  visual  =~  x2    0.431  0.061   0.312
2  visual  =~  x3    0.568  0.059   0.453
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd
from scipy import special

from cxlab.errors import ModelSpecError
from cxlab.models.defined import evaluate_defined
from cxlab.sem.engine import RamModel
from cxlab.sem.results import Layout

if TYPE_CHECKING:
    from cxlab.sem.fitting import SEMFit

__all__ = ["STD_LAVAAN_NAMES", "TYPES", "ordinal_rows", "standardize", "standardized_solution"]

#: The standardizations lavaan's ``standardizedSolution(type=)`` offers.
TYPES = ("std.all", "std.lv", "std.nox")

#: cxlab's column names of :func:`standardized_solution` → lavaan's.
STD_LAVAAN_NAMES = {"est_std": "est.std", "ci_low": "ci.lower", "ci_high": "ci.upper"}

#: lavaan reports a standardized SE below ε^¼ as exactly 0 (lav_standardize / vcov).
_ZERO_SE = float(np.finfo(float).eps ** 0.25)


def _check_type(type: str) -> None:
    if type not in TYPES:
        raise ModelSpecError(
            f"type={type!r} is not a standardization lavaan knows; choose one of "
            f"{', '.join(TYPES)} ('std.all': every variable scaled to variance 1; 'std.lv': "
            "only the latent variables; 'std.nox': all but exogenous observed covariates)."
        )


def _scaled(ram: RamModel, type: str, exogenous: list[str] | tuple[str, ...]) -> np.ndarray:
    """Which of ``ram.variables`` are scaled to unit variance under *type*."""
    latent = np.arange(ram.m) >= ram.p
    if type == "std.lv":
        return latent
    if type == "std.nox":
        exo = np.isin(np.array(ram.variables, dtype=object), list(exogenous))
        return ~exo | latent
    return np.ones(ram.m, dtype=bool)


def standardize(
    layout: Layout,
    ram: RamModel,
    theta: np.ndarray,
    *,
    type: str = "std.all",
    exogenous: list[str] | tuple[str, ...] = (),
    ordinal: tuple[np.ndarray, np.ndarray] | None = None,
) -> np.ndarray:
    """Every row's standardized value at the free parameters *theta*, as lavaan's
    ``lav_standardize_all`` / ``_lv`` / ``_all_nox``.

    *exogenous* names the exogenous observed covariates that ``"std.nox"`` leaves
    unscaled (``fit.table.attrs["exo_observed"]``). A negative or zero model-implied
    variance gives NaN for the rows it scales (lavaan: NA). *ordinal*
    (:func:`ordinal_rows`) standardizes the thresholds (``|``) and scale factors
    (``~*~``) of ordered items (see the module docstring).

    # In R: lavaan:::lav_standardize_all(fit)  (std.lv: lav_standardize_lv)

    Examples
    --------
    >>> import numpy as np
    >>> import cxlab as cx
    >>> from cxlab.sem.results import Layout, std_values
    >>> from cxlab.sem.standardized import standardize
    >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3", cx.datasets.load("holzinger_swineford"))
    >>> layout = Layout.of(fit.table, fit.ram_)
    >>> standardize(layout, fit.ram_, fit.theta_, type="std.lv")[:3].round(3).tolist()
    [0.724, 0.563, 0.801]
    >>> same = standardize(layout, fit.ram_, fit.theta_)  # std.all
    >>> bool(np.allclose(same, std_values(layout, fit.ram_, fit.theta_)))
    True
    """
    _check_type(type)
    scaled = _scaled(ram, type, exogenous)
    out = np.full(len(layout.kind), np.nan)
    i, j, kind = layout.row, layout.col, layout.kind
    for g in range(len(ram.moments)):
        imp = ram.implied(theta, g)
        var = np.diag(imp["cov_all"]).copy()
        var[(var < 0) | (np.abs(var) < np.finfo(float).eps)] = np.nan  # lavaan: NA
        sd = np.where(scaled, np.sqrt(var), 1.0)
        a, s, m = imp["A"], imp["S"], imp["M"]
        # covariances are scaled by the SDs of the variance parameters (lavaan's cov.std)
        rv = np.where(scaled, np.sqrt(np.abs(np.diag(s))), 1.0)
        with np.errstate(divide="ignore", invalid="ignore"):
            cand = np.select(
                [kind == 0, kind == 1, kind == 2, kind == 3, kind == 4],
                [
                    a[i, j] * sd[j] / sd[i],
                    a[i, j] * sd[j] / sd[i],
                    s[i, i] / sd[i] ** 2,
                    s[i, j] / (rv[i] * rv[j]),
                    m[i] / sd[i],
                ],
                np.nan,
            )
        sel = layout.group == g
        out[sel] = cand[sel]
        if ordinal is not None:
            raw = np.where(layout.free > 0, theta[np.maximum(layout.free - 1, 0)], layout.value)
            _ordinal_values(out, ordinal, raw, sel, sd, type)
    if layout.defined:  # ':=' at the standardized values of the labels (lavaan)
        named = {lab: out[k] for lab, k in layout.labels.items()}
        for k, name, expression in layout.defined:
            out[k] = evaluate_defined(expression, named)
            named[name] = out[k]
    return out


def ordinal_rows(table: pd.DataFrame, ram: RamModel) -> tuple[np.ndarray, np.ndarray]:
    """The ``op`` of every row and, for thresholds (``|``) and scale factors (``~*~``),
    the position of their item in ``ram.variables`` (-1 elsewhere): the *ordinal*
    argument of :func:`standardize` for a WLSMV fit.

    Examples
    --------
    >>> from cxlab.sem.ordinal import _example_fit
    >>> from cxlab.sem.standardized import ordinal_rows
    >>> fit = _example_fit()
    >>> ops, item = ordinal_rows(fit.table, fit.ram_)
    >>> [(str(o), int(k)) for o, k in zip(ops, item) if o == "|"][:4]
    [('|', 0), ('|', 0), ('|', 0), ('|', 1)]
    """
    ops = table["op"].to_numpy()
    pos = {v: k for k, v in enumerate(ram.variables)}
    marked = (ops == "|") | (ops == "~*~")
    item = np.array(
        [pos[v] if m else -1 for v, m in zip(table["lhs"], marked, strict=True)], dtype=int
    )
    return ops, item


def _ordinal_values(
    out: np.ndarray,
    ordinal: tuple[np.ndarray, np.ndarray],
    raw: np.ndarray,
    in_group: np.ndarray,
    sd: np.ndarray,
    type: str,
) -> None:
    """Thresholds and scale factors of one group, in place (lavaan's rules)."""
    ops, item = ordinal
    th = in_group & (ops == "|")
    sc = in_group & (ops == "~*~")
    if type == "std.lv":  # the items keep their (latent-response) scale
        out[th], out[sc] = raw[th], raw[sc]
        return
    out[th] = raw[th] / sd[item[th]]
    out[sc] = 1.0


def _jacobian(
    layout: Layout,
    ram: RamModel,
    theta: np.ndarray,
    type: str,
    exogenous: list[str] | tuple[str, ...],
    ordinal: tuple[np.ndarray, np.ndarray] | None = None,
) -> np.ndarray:
    """∂(standardized values)/∂θ by central differences (rows × free parameters)."""
    jac = np.zeros((len(layout.kind), len(theta)))
    for q in range(len(theta)):
        step = 1e-6 * max(1.0, abs(float(theta[q])))
        e = np.zeros(len(theta))
        e[q] = step
        with np.errstate(invalid="ignore", over="ignore"):
            hi = standardize(
                layout, ram, theta + e, type=type, exogenous=exogenous, ordinal=ordinal
            )
            lo = standardize(
                layout, ram, theta - e, type=type, exogenous=exogenous, ordinal=ordinal
            )
        jac[:, q] = (hi - lo) / (2 * step)
    return jac


def standardized_solution(
    fit: SEMFit,
    *,
    type: Literal["std.all", "std.lv", "std.nox"] = "std.all",
    level: float = 0.95,
    allow_inadmissible: bool = False,
) -> pd.DataFrame:
    """Every parameter's standardized value with its delta-method SE, z, p and CI.

    Parameters
    ----------
    fit : SEMFit
        A fitted model (any estimator: the SEs follow ``fit.table.attrs["vcov"]``).
    type : {"std.all", "std.lv", "std.nox"}
        Which variables are scaled to unit variance: all, only the latent ones, or all but
        the exogenous observed covariates (see the module docstring).
    level : float
        Confidence level of the Wald interval est_std ± z_(1+level)/2 · se.
    allow_inadmissible : bool
        Compute it for an inadmissible fit too (for diagnosis only).

    Returns
    -------
    pandas.DataFrame
        lhs, op, rhs, group (several groups only; 0 on ``:=`` rows), label, est_std, se,
        z, pvalue, ci_low, ci_high — one row per parameter of ``fit.table``, in its order.
        ``.rename(columns=STD_LAVAAN_NAMES)`` gives lavaan's names (est.std, ci.lower,
        ci.upper). SE 0 (a value that does not depend on the free parameters) has z, p
        missing and the interval equal to the estimate, as lavaan.

    Raises
    ------
    ModelSpecError
        *type* is not one of TYPES, or *level* is not between 0 and 1.
    InadmissibleSolutionError
        The fit is not admissible and *allow_inadmissible* is False.

    # In R: lavaan::standardizedSolution(fit, type = type, level = level)

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab.sem.standardized import standardized_solution
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> model = "visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6\\nvisual ~ sex"
    >>> fit = cx.sem.fit(model, hs)
    >>> nox = standardized_solution(fit, type="std.nox")  # sex keeps its 1/2 coding
    >>> nox.loc[nox.op == "~", ["lhs", "rhs", "est_std", "se", "pvalue"]].round(3)
          lhs  rhs  est_std     se  pvalue
    6  visual  sex   -0.435  0.135   0.001
    >>> lv = standardized_solution(fit, type="std.lv")  # a fixed factor variance: SE 0
    >>> lv.loc[lv.lhs == "textual", ["op", "rhs", "est_std", "se", "z"]].round(3)
       op      rhs  est_std     se       z
    3  =~       x4    0.984  0.057  17.280
    4  =~       x5    1.115  0.063  17.812
    5  =~       x6    0.910  0.054  16.854
    8  ~~  textual    1.000  0.000     NaN
    """
    _check_type(type)
    if not 0 < level < 1:
        raise ModelSpecError(f"level={level!r} must be a confidence level between 0 and 1.")
    fit.require_admissible(allow_inadmissible)
    table, ram, theta = fit.table, fit.ram_, np.asarray(fit.theta_, dtype=float)
    exogenous = list(table.attrs.get("exo_observed") or [])
    layout = Layout.of(table, ram)
    ordinal = ordinal_rows(table, ram) if fit.meta.get("estimator") == "WLSMV" else None
    est = standardize(layout, ram, theta, type=type, exogenous=exogenous, ordinal=ordinal)
    vcov = np.asarray(table.attrs["vcov"], dtype=float)
    jac = _jacobian(layout, ram, theta, type, exogenous, ordinal)
    with np.errstate(invalid="ignore"):
        variance = np.einsum("ij,jk,ik->i", jac, (vcov + vcov.T) / 2, jac)
        se = np.sqrt(np.where(variance < 0, np.nan, variance))
    se[se < _ZERO_SE] = 0.0
    with np.errstate(divide="ignore", invalid="ignore"):
        z = est / np.where(se == 0, np.nan, se)
    crit = special.ndtri(1 - (1 - level) / 2)
    out = table[["lhs", "op", "rhs", "group", "label"]].copy()
    out["est_std"] = est
    out["se"] = se
    out["z"] = z
    out["pvalue"] = 2 * special.ndtr(-np.abs(z))
    out["ci_low"] = est - crit * se
    out["ci_high"] = est + crit * se
    if len(fit.groups) == 1:
        out = out.drop(columns="group")
    out = out.reset_index(drop=True)
    out.attrs = {"type": type, "level": level}  # not the table's (its vcov, latent, …)
    return out
