"""Modification indices: the score (Lagrange-multiplier) test of each parameter the model
fixes, with the expected parameter change (EPC), as lavaan's ``modindices()``.

For a fixed parameter k, with g the gradient of the ML fit function F (χ² = N·F) and I
the expected information per observation, both at the estimates with k added at its
fixed value:

    MI_k  = N g_k² / (4 V_k),      EPC_k = −g_k / (2 V_k),
    V_k   = I_kk − I_kf I_ff⁻¹ I_fk   (f = the model's free parameters).

MI is the expected drop in χ² (1 df) if k were freed. Candidates, as in lavaan: a
loading of every indicator on every other factor, a residual covariance for every
pair of observed variables and of factors the model leaves uncorrelated (for an
endogenous factor: its residual), and a regression between every two variables of the
structural model (factors and non-indicator observed variables) not yet in the model,
reversed paths included (per group) — all scored at 0 —
and every parameter the model fixes *as written* (``0*x9``, ``x1 ~~ 0.3*x5``, a growth
model's loadings 1, 2, 3 and its intercepts ``t1 ~ 0*1``), scored at its fixed value
(the EPC is the change from that value). Parameters fixed by the defaults (the first
loading of a factor) are not scored, as in lavaan. Unlike lavaan,
regressions of a fixed exogenous predictor on something else are not proposed: they
would turn a predictor into an outcome.

Examples
--------
>>> import cxlab as cx
>>> hs = cx.datasets.load("holzinger_swineford")
>>> fit = cx.sem.fit("visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6\\nspeed =~ x7 + x8 + x9", hs)
>>> mi = cx.sem.modification_indices(fit)
>>> mi.iloc[0][["lhs", "op", "rhs"]].tolist(), round(float(mi.iloc[0]["mi"]), 3)  # lavaan 36.411
(['visual', '=~', 'x9'], 36.411)
"""

from __future__ import annotations

from itertools import combinations
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from cxlab.errors import DataError, ModelSpecError
from cxlab.sem.engine import RamModel

if TYPE_CHECKING:
    from cxlab.sem import SEMFit

__all__ = ["modification_indices"]


def _candidates(table: pd.DataFrame) -> list[dict]:
    latent = table.attrs["latent"]
    observed = table.attrs["observed"]
    exo = set(table.attrs.get("exo_observed", []))
    params = table[table.op != ":="]
    indicators = [v for v in observed if v in set(params.loc[params.op == "=~", "rhs"])]
    # variables of the structural model: factors, observed variables that are not indicators
    # and, as lavaan, indicators that are regression outcomes (no cross-loadings offered for
    # them, and no regressions of them on factors: those are loadings)
    outcome_items = set(params.loc[params.op == "~", "lhs"]) & set(indicators)
    structural = list(latent) + [v for v in observed if v not in indicators or v in outcome_items]
    rows = []
    for g in sorted(params["group"].unique()):
        part = params[params.group == g]
        loads = set(
            zip(part.loc[part.op == "=~", "lhs"], part.loc[part.op == "=~", "rhs"], strict=True)
        )
        covs = {
            frozenset((a, b))
            for a, b in zip(
                part.loc[part.op == "~~", "lhs"], part.loc[part.op == "~~", "rhs"], strict=True
            )
        }
        for f in latent:
            for x in indicators:
                if (f, x) not in loads and x not in outcome_items:
                    rows.append({"lhs": f, "op": "=~", "rhs": x, "group": g})
        for a, b in combinations([v for v in observed if v not in exo], 2):
            if frozenset((a, b)) not in covs:
                rows.append({"lhs": a, "op": "~~", "rhs": b, "group": g})
        for a, b in combinations(latent, 2):  # factor (residual) covariances, as lavaan
            if frozenset((a, b)) not in covs:
                rows.append({"lhs": a, "op": "~~", "rhs": b, "group": g})
        regs = set(
            zip(part.loc[part.op == "~", "lhs"], part.loc[part.op == "~", "rhs"], strict=True)
        )
        for y in [v for v in structural if v not in exo]:
            for x in structural:
                if y in outcome_items and x in latent:
                    continue
                if x != y and (y, x) not in regs:  # reversed paths too, as lavaan
                    rows.append({"lhs": y, "op": "~", "rhs": x, "group": g})
    return rows


def modification_indices(
    fit: SEMFit, minimum: float = 0.0, sort: bool = True, allow_inadmissible: bool = False
) -> pd.DataFrame:
    """Modification indices of a fitted model: lhs, op, rhs, (group), mi, epc, sepc_all.

    These columns are cxlab's vocabulary too (mi = modification index, epc = expected
    parameter change, sepc_all = its standardized value): they are not renamed.

    # In R: lavaan::modindices(fit, sort. = TRUE)

    Freeing parameters because their MI is large is data-driven: only do it when the
    change makes substantive sense (e.g. two items sharing wording), and say so. Like
    ``estimates()``, a non-converged or inadmissible fit raises
    :class:`~cxlab.errors.InadmissibleSolutionError` (score tests at an impossible
    solution point nowhere); ``allow_inadmissible=True`` computes them for diagnosis only.

    Examples
    --------
    >>> import cxlab as cx
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> model = "visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6\\nspeed =~ x7 + x8 + x9"
    >>> mi = cx.sem.modification_indices(cx.sem.fit(model, hs), minimum=30)
    >>> mi[["lhs", "op", "rhs", "mi"]].round(3)  # lavaan: 36.411, 34.145
          lhs  op rhs      mi
    0  visual  =~  x9  36.411
    1      x7  ~~  x8  34.145
    """
    fit.require_admissible(allow_inadmissible)
    if getattr(fit.ram_, "constraints", None) is not None:
        raise ModelSpecError(
            "Modification indices of a model with '==', '<' or '>' constraints are not "
            "available yet (their score test under constraints is not checked against lavaan); "
            "fit the model without the constraint lines to screen for missing parameters."
        )
    if fit.meta.get("missing", "listwise") != "listwise":
        raise DataError(
            "Modification indices are not available for missing='fiml' yet; refit with "
            "missing='listwise' to screen for misspecification."
        )
    ram: RamModel = fit.ram_
    theta = fit.theta_
    table = ram.table
    cands = _candidates(table)
    model_rows = table[table.op != ":="].reset_index(drop=True)
    # parameters the user fixed (0*x, 0.3*x, 1*t1, t1 ~ 0*1): scored at their values
    fixed = model_rows[
        model_rows["user"].astype(bool)
        & (model_rows["free"] == 0)
        & ~model_rows["exo"].astype(bool)
        & model_rows["op"].isin(["=~", "~", "~~", "~1"])
    ]
    if not cands and fixed.empty:
        return pd.DataFrame(columns=["lhs", "op", "rhs", "mi", "epc", "sepc_all"])
    start = ram.n_free
    extra = pd.DataFrame(cands, columns=["lhs", "op", "rhs", "group"]).assign(
        label="",
        free=np.arange(start + 1, start + 1 + len(cands)),
        value=np.nan,
        start=np.nan,
        user=False,
        exo=False,
    )
    aug = pd.concat([model_rows, extra], ignore_index=True)
    first_fixed = start + len(cands) + 1
    aug.loc[fixed.index, "free"] = np.arange(first_fixed, first_fixed + len(fixed))
    aug.loc[fixed.index, "value"] = np.nan
    aug.attrs.update(table.attrs)
    big = RamModel(aug, ram.moments)
    theta_aug = np.concatenate([theta, np.zeros(len(cands)), fixed["value"].to_numpy(float)])
    cands = cands + fixed[["lhs", "op", "rhs", "group"]].to_dict("records")
    _, grad = big.objective(theta_aug)
    info = big.information(theta_aug)
    free = np.arange(start)
    i_ff_inv = np.linalg.pinv(info[np.ix_(free, free)])
    n = ram.n_total
    out = []
    variables = ram.variables
    for k, cand in enumerate(cands):
        j = start + k
        i_kf = info[j, free]
        v = info[j, j] - i_kf @ i_ff_inv @ i_kf
        if v <= 1e-12:
            continue
        mi = n * grad[j] ** 2 / (4 * v)
        epc = -grad[j] / (2 * v)
        imp = ram.implied(theta, cand["group"] - 1)
        sd = np.sqrt(np.diag(imp["cov_all"]))
        a = variables.index(cand["lhs"])
        if cand["op"] == "~1":
            out.append({**cand, "mi": mi, "epc": epc, "sepc_all": epc / sd[a]})
            continue
        b = variables.index(cand["rhs"])
        if cand["op"] == "=~":
            sepc = epc * sd[a] / sd[b]
        elif cand["op"] == "~":
            sepc = epc * sd[b] / sd[a]
        else:
            s = imp["S"]
            sepc = epc / np.sqrt(abs(s[a, a] * s[b, b]))
        out.append({**cand, "mi": mi, "epc": epc, "sepc_all": sepc})
    result = pd.DataFrame(out)
    result = result[result["mi"] >= minimum]
    if len(fit.groups) == 1:
        result = result.drop(columns="group")
    if sort:
        result = result.sort_values("mi", ascending=False, kind="stable")
    return result.reset_index(drop=True)
