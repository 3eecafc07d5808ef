"""``fit``: a model in lavaan syntax fitted by maximum likelihood (robust variants MLR
and MLM, FIML for incomplete rows), its data checked first (:mod:`cxlab.sem._data`), its
solution checked after (admissibility); returns a :class:`SEMFit` (defined in
:mod:`cxlab.sem._semfit`, re-exported here). Re-exported by :mod:`cxlab.sem`, whose
docstring describes what is estimated.

Examples
--------
>>> from cxlab.datasets import load
>>> from cxlab.sem.fitting import fit
>>> fit("y1 ~ x1", load("political_democracy")).fit_measures["df"]
0
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cxlab._conventions import as_frame
from cxlab.errors import DataError, ModelSpecError
from cxlab.models.constraints import CONSTRAINT_OPERATORS
from cxlab.models.syntax import BLOCK_REFUSALS, parse, statements
from cxlab.sem import fiml
from cxlab.sem._data import _check_groups, _prepare
from cxlab.sem._semfit import LAVAAN_NAMES, SEMFit
from cxlab.sem.constraints import fit_constrained
from cxlab.sem.engine import RamModel, fit_ml
from cxlab.sem.indices import fit_indices
from cxlab.sem.results import (
    _check,
    _check_defined,
    _check_size,
    _fix_exogenous,
    _results,
)
from cxlab.sem.robust import RobustResult, check_estimator, robust, robust_measures

__all__ = ["LAVAAN_NAMES", "SEMFit", "fit"]


def fit(
    model: str,
    data: pd.DataFrame,
    *,
    group: str | None = None,
    group_equal: tuple[str, ...] | list[str] = (),
    std_lv: bool = False,
    meanstructure: bool | None = None,
    missing: str = "listwise",
    cluster: str | None = None,
    estimator: str | None = None,
    ordered: list[str] | tuple[str, ...] | None = None,
) -> SEMFit:
    """Fit a model in lavaan syntax by maximum likelihood (lavaan's ``sem()`` defaults).

    # In R: lavaan::sem(model, data, group = group, group.equal = group_equal,
    #                   std.lv = std_lv, missing = "listwise" | "ml")

    Parameters
    ----------
    model : str
        lavaan syntax (``=~``, ``~``, ``~~``, ``~ 1``, labels, ``:=``, and constraints on
        labels ``==``, ``<``, ``>`` as in lavaan — see :mod:`cxlab.sem.constraints`).
    data : pandas.DataFrame or cxlab.survey.Survey
        One row per respondent; the model's observed variables are its columns.
    group : str, optional
        Column whose values define groups (multi-group model).
    group_equal : sequence of str
        Parameters held equal across groups, as lavaan's ``group.equal``.
    std_lv : bool
        Fix factor variances to 1 instead of the first loadings.
    meanstructure : bool, optional
        Model means and intercepts (default: only with groups or ``~ 1`` terms; always
        with ``missing="fiml"``).
    missing : {"listwise", "fiml", "fiml.x"}
        ``"listwise"`` (default, as lavaan) drops every row with a missing value;
        ``"fiml"`` uses all observed values by full-information ML under missing at
        random, as lavaan's ``missing = "ml"`` (observed-information SEs, χ² against
        the EM-fitted unrestricted model; see :mod:`cxlab.sem.fiml`). Both drop rows
        missing an exogenous observed predictor (``fixed.x``); ``"fiml.x"`` keeps them,
        holding the predictors' means and covariances at their FIML estimates, as
        lavaan's ``missing = "ml.x"``.
    estimator : {"ML", "MLR", "MLM", "WLSMV"}, optional
        ``"ML"`` (default; ``"WLSMV"`` with ``ordered``): normal-theory SEs (expected
        information; observed with FIML) and χ². ``"MLR"``: the same estimates with robust
        (Huber-White sandwich) SEs and the Yuan-Bentler scaled χ² — for skewed or
        heavy-tailed items such as Likert scales, with complete data or ``missing="fiml"``
        (lavaan's and Mplus' MLR).
        ``"MLM"``: robust SEs from the expected information and the Satorra-Bentler scaled
        χ² (complete data only). Robust fits add lavaan's ``chisq_scaled``,
        ``chisq_scaling_factor``, ``cfi_scaled`` / ``cfi_robust``, ``tli_*``,
        ``rmsea_scaled`` / ``rmsea_robust`` with CIs to ``fit_measures``; see
        :mod:`cxlab.sem.robust`.
    ordered : list of str, optional
        Items to treat as ordered categories (Likert answers): the model is fitted to
        their thresholds and polychoric correlations by lavaan's WLSMV (DWLS estimates,
        robust SEs, mean-and-variance adjusted χ², delta parameterisation); the model's
        other observed variables are continuous indicators or outcomes (means, variances,
        polyserial correlations, as lavaan); continuous exogenous covariates are not
        supported yet. See :mod:`cxlab.sem.ordinal`.
    cluster : str, optional
        Not supported: two-level SEM (lavaan's ``cluster=`` with ``level:`` blocks) is
        refused with a ModelSpecError naming the alternatives (a mixed model with a random
        intercept per cluster, or cluster means); accepted here only to say so clearly.

    Returns
    -------
    SEMFit
        Estimates, fit indices and diagnostics; ``notes`` say which rows were used. A fit
        that did not converge (or diverged) is returned as not admissible, never raised.

    Raises
    ------
    ModelSpecError
        An empty model, or a ``:=`` parameter that is not a finite number (its line named).
    DataError
        Text or infinite values in a model column (rows named); a group column mixing
        1 and '1'; a group with no row left after listwise deletion.

    Examples
    --------
    >>> import cxlab as cx
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> hs.loc[hs.index % 5 == 0, "x5"] = float("nan")  # every 5th answer to x5 lost
    >>> model = "visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6\\nspeed =~ x7 + x8 + x9"
    >>> fit = cx.sem.fit(model, hs, missing="fiml")  # lavaan: sem(model, hs, missing = "ml")
    >>> fit.fit_measures["n"], fit.notes[0][:40]
    (301, 'FIML: 61 of 301 rows have at least one m')
    """
    if cluster is not None:
        raise ModelSpecError(f"cluster={cluster!r}: {BLOCK_REFUSALS['level']}")
    if ordered:
        _refuse_constraints_ordered(model)
        if estimator is not None and str(estimator).upper() != "WLSMV":
            raise ModelSpecError(
                f"estimator={estimator!r} with ordered indicators: ordered items are fitted by "
                "WLSMV (leave estimator out, or write estimator='WLSMV'); to fit them as "
                "continuous with robust SEs, drop ordered= and use estimator='MLR'."
            )
        from cxlab.sem._ordinal import estimate_ordered  # WLSMV only: keeps ML fits fast

        parts = estimate_ordered(
            model,
            data,
            ordered,
            group=group,
            group_equal=group_equal,
            std_lv=std_lv,
            missing=missing,
        )
        return SEMFit(**parts)
    if estimator is not None and str(estimator).upper() == "WLSMV":
        raise ModelSpecError(
            "estimator='WLSMV' is for ordered (ordinal) indicators: name them with "
            "ordered=[...] (WLSMV is then the default); for continuous items with "
            "non-normal data use estimator='MLR'."
        )
    estimator = "ML" if estimator is None else estimator
    meanstructure = fiml.check_missing(missing, meanstructure)
    data = as_frame(data)
    if group is not None and group not in data.columns:
        raise DataError(f"group={group!r} is not a column of the data.")
    if group is not None:
        _check_groups(data, group)
    observed_all = [c for c in data.columns if c != group]
    n_groups = int(data[group].nunique()) if group else 1
    table = parse(
        model,
        observed_all,
        n_groups=n_groups,
        meanstructure=meanstructure,
        std_lv=std_lv,
        group_equal=group_equal,
    )
    observed = table.attrs["observed"]
    moments, labels, notes, rows = _prepare(
        data, observed, group, missing, table.attrs["exo_observed"]
    )
    table = _fix_exogenous(table, moments, observed)
    p, ms = len(observed), bool(table.attrs["meanstructure"])
    estimator = check_estimator(
        estimator, missing, min(mo.n for mo in moments), p * (p + 1) // 2 + (p if ms else 0)
    )
    fiml_rows = missing != "listwise"
    ram = fiml.FimlModel(table, moments, rows) if fiml_rows else RamModel(table, moments)
    _check_size(ram, table)
    theta, info = fit_ml(ram) if ram.constraints is None else fit_constrained(ram)
    npar = ram.n_free - info.get("n_equalities", 0)  # lavaan: each equality removes one
    if info.get("active"):
        notes.append(
            f"Inequality constraint(s) on their bound: {'; '.join(info['active'])} — the "
            "estimate sits exactly on the bound and its SE treats the constraint as an "
            "equality (as lavaan); df are unchanged."
        )
    n_exo = int(((table.op != ":=") & table.exo).sum())
    likelihoods = ram.likelihoods(theta) if fiml_rows else None
    measures = fit_indices(ram, theta, npar, n_exo, likelihoods)
    vcov = None
    if estimator != "ML":
        vcov, extra = _robust(ram, theta, estimator, rows, measures, info["converged"])
        measures.update(extra)
    if info.get("diverged"):  # χ² and the rest would be the optimiser's penalty value
        keep = ("npar", "n", "df", "baseline_chisq", "baseline_df")
        measures = {k: v if k in keep else float("nan") for k, v in measures.items()}
    if info["converged"]:
        _check_defined(table, ram, theta)
    table = _results(table, ram, theta, vcov)
    problems = _check(table, ram, theta)
    return SEMFit(
        model,
        table,
        measures,
        labels,
        info["converged"],
        problems,
        notes,
        info,
        ram,
        theta,
        data,
        {
            "group": group,
            "group_equal": tuple(group_equal),
            "std_lv": std_lv,
            "missing": missing,
            "estimator": estimator,
        },
    )


def _refuse_constraints_ordered(model: str) -> None:
    """Constraints (==, <, >) are imposed by the ML engine only; refuse them with WLSMV."""
    if not isinstance(model, str):
        return
    for st in statements(model):
        if st.op in CONSTRAINT_OPERATORS:
            raise ModelSpecError(
                f"Line {st.line} of the model ('{st.text}'): constraints ('==', '<', '>') are "
                "not available with ordered indicators (WLSMV) yet. Hold parameters equal by "
                "giving them the same label, or fit the items as continuous (drop ordered=, "
                "use estimator='MLR')."
            )


def _robust(
    ram: RamModel,
    theta: np.ndarray,
    estimator: str,
    rows: list[np.ndarray],
    measures: dict[str, float],
    converged: bool,
) -> tuple[np.ndarray | None, dict[str, float]]:
    """Sandwich covariance and scaled / robust fit measures (NaN when the fit did not
    converge or the information cannot be inverted: the fit is then not admissible)."""
    try:
        if not converged:
            raise np.linalg.LinAlgError
        result = robust(ram, theta, estimator, rows, measures["df"], measures["baseline_df"])
        return result.vcov, robust_measures(measures, result, len(ram.moments))
    except np.linalg.LinAlgError:
        nan = np.full((ram.n_free, ram.n_free), np.nan)
        dummy = RobustResult(estimator, nan, np.nan, np.nan, np.nan)
        with np.errstate(all="ignore"):
            extra = robust_measures(measures, dummy, len(ram.moments))
        return nan, {k: np.nan for k in extra}
