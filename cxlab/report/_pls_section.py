"""The report's PLS-PM section at the level of SmartPLS's report (private).

:func:`build` fits the report's model with :func:`cxlab.pls.fit` and fills the study with
tables named ``pls_<something>`` — the numbers exactly as :mod:`cxlab.pls` returns them:

- ``pls_paths``: paths b (standardized), f², inner VIF (``PLSFit.paths_``) and, with a
  bootstrap, SE, t, p and the percentile CI (``PLSBootstrap.paths()``);
- ``pls_loadings`` and ``pls_weights``: outer loadings and weights (``loadings_``,
  ``weights_``; SE, t, p and CI from ``PLSBootstrap.loadings()`` / ``.weights()``), the
  weights with the outer VIF;
- ``pls_r2`` (R², R² adjusted: ``r2_``), ``pls_reliability`` (``reliability()``),
  ``pls_htmt`` (``htmt()``; CIs from the same bootstrap draws), ``pls_effects``
  (indirect, total and defined effects), ``pls_predict`` (``predict()``: Q²predict,
  RMSE and MAE of PLS and of the linear-model benchmark per indicator), ``pls_fit``
  (SRMR), ``pls_ipma`` / ``pls_ipma_items`` (``ipma()`` of the final target construct)
  and ``pls_index`` (``csi_index()``, only when every outer weight is positive).

Two numbers :mod:`cxlab.pls` does not give are computed here from the fit's own
matrices, with their definitions in the tables' notes: the outer VIF of an indicator,
1 / (1 − R²) of its regression on the other indicators of its block (the diagonal of the
inverse of the block's correlation matrix), and the SRMR of the saturated model (below).
p values are two-sided, from t = est / SE on a t distribution with (draws used − 1)
degrees of freedom. With ``bootstrap == 0`` nothing is resampled: no SE, t, p or CI.

The APA views of these tables, in the report's language, are made by
:mod:`cxlab.report._pls_apa` (``study.shown``).
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pandas as pd

from cxlab.errors import CxlabError
from cxlab.report._steps import Study

#: the bootstrap statistics every bootstrapped table carries
BOOT_COLUMNS = ["se", "t", "pvalue", "ci_low", "ci_high"]
#: folds of PLSpredict (SmartPLS's and seminr's default)
FOLDS = 10


def p_values(t: Any, used: int) -> np.ndarray:
    """Two-sided p of bootstrap t values on a t distribution with ``used − 1`` df.

    Examples
    --------
    >>> p_values([1.96, 10.0], 5000).round(3).tolist()
    [0.05, 0.0]
    """
    from scipy import stats

    t = np.abs(np.asarray(t, dtype=float))
    return 2 * stats.t.sf(t, df=max(int(used) - 1, 1))


def outer_vif(fit: Any) -> pd.Series:
    """Outer VIF of every indicator: the diagonal of the inverse correlation matrix of
    its block (1 / (1 − R²) of the indicator on the block's other indicators); NaN for a
    single-indicator block.

    Examples
    --------
    >>> import cxlab as cx
    >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
    >>> print(f"{outer_vif(fit)['PERV1']:.3f}")  # two items: 1 / (1 − r²)
    1.962
    """
    items = list(fit.data_.columns)
    cor = pd.DataFrame(fit.item_cor_, index=items, columns=items)
    out = pd.Series(np.nan, index=items, name="vif")
    for block in fit.spec_.blocks.values():
        block = [i for i in block if i in cor.index]
        if len(block) > 1:
            out[block] = np.diag(np.linalg.inv(cor.loc[block, block].to_numpy()))
    return out


def srmr(fit: Any) -> float:
    """SRMR of the saturated PLS model: the root mean square of the residual correlations
    (observed − implied) over the lower triangle with the diagonal, p(p + 1)/2 values.

    Implied: λᵢλⱼ·r(k, l) for indicators i, j of different constructs k, l (outer
    loadings λ, correlations r of the construct scores, every construct pair free);
    within a block the observed correlations (the composite model; Henseler et al.
    2014). Programs differ in how they treat within-block correlations, so SRMR values
    are comparable only within one definition.

    Examples
    --------
    >>> import cxlab as cx
    >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
    >>> 0 < srmr(fit) < 0.1
    True
    """
    items = list(fit.data_.columns)
    load = pd.DataFrame(fit.loadings_).set_index("rhs")
    lam = load.loc[items, "est"].to_numpy(dtype=float)
    owner = load.loc[items, "lhs"].to_numpy()
    r = fit.scores_.corr().loc[owner, owner].to_numpy()
    implied = np.outer(lam, lam) * r
    same = owner[:, None] == owner[None, :]
    observed = np.asarray(fit.item_cor_, dtype=float)
    implied[same] = observed[same]
    low = np.tril_indices(len(items))
    return float(np.sqrt(np.mean((observed - implied)[low] ** 2)))


def _scale(study: Study, items: list[str]) -> pd.DataFrame | None:
    """The codebook (as ``scale=``) when it gives every item's scale, else None."""
    book = getattr(study.survey, "codebook", None)
    if book is None or not {"name", "scale_min", "scale_max"} <= set(book.columns):
        return None
    known = book.set_index("name")
    if not set(items) <= set(known.index):
        return None
    if known.loc[items, ["scale_min", "scale_max"]].isna().any(axis=None):
        return None
    return book


def _with_boot(est: pd.DataFrame, rows: pd.DataFrame, used: int, keys: list[str]) -> pd.DataFrame:
    """*est* with the bootstrap's se, t, p and CI of the same rows (matched on *keys*)."""
    rows = rows[[*keys, "est", "se", "t", "ci_low", "ci_high"]].rename(columns={"est": "_boot_est"})
    out = est.merge(rows, on=keys, how="left", validate="one_to_one")
    out["pvalue"] = p_values(out["t"], used)
    out = out.drop(columns="_boot_est")
    return out[[c for c in out.columns if c not in BOOT_COLUMNS] + BOOT_COLUMNS]


def final_target(fit: Any) -> str | None:
    """The last endogenous construct that predicts no other construct (the model's final
    target, e.g. Loyalty in the ECSI model), or None without paths.

    Examples
    --------
    >>> import cxlab as cx
    >>> final_target(cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile")))
    'Loyalty'
    """
    paths = pd.DataFrame(fit.paths_)
    ends = [c for c in fit.r2_["construct"] if c not in set(paths["rhs"])]
    return ends[-1] if ends else None


def _paths(fit: Any, boot: Any) -> pd.DataFrame:
    base = pd.DataFrame(fit.paths_)[["lhs", "op", "rhs", "label", "est", "f2", "vif"]]
    if boot is None:
        return base.reset_index(drop=True)
    keys = ["lhs", "op", "rhs"]
    out = _with_boot(base, pd.DataFrame(boot.paths()), boot.n_ok, keys)
    return out[[*keys, "label", "est", *BOOT_COLUMNS, "f2", "vif"]]


def _outer(fit: Any, boot: Any, kind: str) -> pd.DataFrame:
    """Outer loadings (``kind="loading"``) or weights (with the outer VIF) and their
    bootstrap statistics."""
    keys = ["lhs", "rhs"]
    if kind == "loading":
        est = pd.DataFrame(fit.loadings_)[["lhs", "op", "rhs", "est"]]
        rows = None if boot is None else pd.DataFrame(boot.loadings())
    else:
        est = pd.DataFrame(fit.weights_)[["lhs", "op", "rhs", "mode", "est"]]
        rows = None if boot is None else pd.DataFrame(boot.weights())
    if rows is not None:
        est = _with_boot(est, rows.drop(columns="op"), boot.n_ok, keys)
    if kind == "weight":
        est["vif"] = outer_vif(fit).loc[est["rhs"]].to_numpy()
    return est.reset_index(drop=True)


def _htmt(fit: Any, boot: Any) -> pd.DataFrame:
    matrix = fit.htmt()
    names = list(matrix.index)
    rows = [(a, b, matrix.loc[a, b]) for i, a in enumerate(names) for b in names[i + 1 :]]
    out = pd.DataFrame(rows, columns=["lhs", "rhs", "est"])
    if boot is not None and len(out):
        t = pd.DataFrame(boot.to_frame())
        out = _with_boot(out, t[t["kind"] == "htmt"], boot.n_ok, ["lhs", "rhs"])
    return out.rename(columns={"lhs": "scale_1", "rhs": "scale_2", "est": "htmt"})


def _effects(fit: Any, boot: Any) -> pd.DataFrame:
    if boot is None:
        eff = pd.DataFrame(fit.effects())
        return eff[eff["effect"] != "direct"].reset_index(drop=True)
    eff = pd.DataFrame(boot.effects()).rename(columns={"kind": "effect"})
    eff["pvalue"] = p_values(eff["t"], boot.n_ok)
    return eff[["from", "to", "effect", "est", *BOOT_COLUMNS]]


def _index(fit: Any, boot: Any, scale: Any) -> pd.DataFrame:
    idx = pd.DataFrame(fit.csi_index(scale=scale))
    if boot is None:
        return idx
    t = pd.DataFrame(boot.to_frame())
    rows = t[t["kind"] == "index"][["lhs", "est", "se", "ci_low", "ci_high"]]
    rows = rows.rename(columns={"lhs": "construct", "est": "_boot_est", "se": "boot_se"})
    out = idx.merge(rows, on="construct", how="left", validate="one_to_one")
    return out.drop(columns="_boot_est")


def _skip(study: Study, key: str, exc: Exception) -> None:
    from cxlab.report._pls_apa import word

    reason = study.zh(" ".join(str(exc).split()) or type(exc).__name__)
    study.note("pls", word(study.lang, key, reason=reason))


def build(study: Study, fit: Any, B: int, seed: int, progress: bool) -> None:
    """Bootstrap *fit* (``B > 0``) with the report's seed and fill the PLS tables, numbers,
    notes and the APA views (see the module docstring).

    Examples
    --------
    >>> import cxlab as cx
    >>> data = cx.datasets.load("ecsi_mobile")
    >>> study = Study(source={}, model=cx.models.ecsi(), settings={}, data=data)
    >>> build(study, cx.pls.fit(study.model, data), 0, 1, False)
    >>> "se" in study.tables["pls_paths"], study.numbers["pls"]["bootstrap"]["B"]
    (False, 0)
    """
    from cxlab.report import _pls_apa

    items = list(fit.data_.columns)
    scale = _scale(study, items)
    boot = None
    if B > 0:
        boot = fit.bootstrap(B, seed=seed, progress=progress, scale=scale)
        study.note("pls", _pls_apa.boot_line(study, boot))
    else:
        study.note("pls", _pls_apa.word(study.lang, "n_no_boot"))
    tables = study.tables
    tables["pls_paths"] = _paths(fit, boot)
    tables["pls_loadings"] = _outer(fit, boot, "loading")
    tables["pls_weights"] = _outer(fit, boot, "weight")
    tables["pls_r2"] = pd.DataFrame(fit.r2_).reset_index(drop=True)
    tables["pls_reliability"] = pd.DataFrame(fit.reliability())
    tables["pls_htmt"] = _htmt(fit, boot)
    tables["pls_effects"] = _effects(fit, boot)
    value = srmr(fit)
    tables["pls_fit"] = pd.DataFrame([{"n": int(fit.n), "srmr": value}])
    numbers: dict[str, Any] = {
        "n": int(fit.n),
        "iterations": int(fit.iterations),
        "scheme": fit.scheme,
        "srmr": value,
        "bootstrap": {"B": int(B), "seed": int(seed), "type": "percentile" if B else "none"},
    }
    if boot is not None:
        numbers["bootstrap"].update(
            {"used": int(boot.n_ok), "level": float(boot.level), "sign_changes": "none"}
        )
    try:
        pred = fit.predict(k=FOLDS, seed=seed)
        tables["pls_predict"] = pd.DataFrame(pred.table)
        numbers["predict"] = {"k": int(pred.k), "seed": int(pred.seed)}
    except CxlabError as exc:
        _skip(study, "n_no_predict", exc)
    numbers["scale"] = "codebook" if scale is not None else "observed"
    with warnings.catch_warnings():  # the observed range is stated in the note instead
        warnings.simplefilter("ignore", UserWarning)
        _ipma_and_index(study, fit, boot, scale, numbers)
    study.numbers["pls"] = numbers
    _pls_apa.views(study)


def _ipma_and_index(study: Study, fit: Any, boot: Any, scale: Any, numbers: dict) -> None:
    from cxlab.report import _pls_apa

    weights = pd.DataFrame(fit.weights_)
    negative = weights.loc[weights["est"] <= 0, "rhs"].tolist()
    numbers["all_weights_positive"] = not negative
    if negative:
        study.note(
            "pls", _pls_apa.word(study.lang, "n_no_index", items=", ".join(map(str, negative)))
        )
    else:
        try:
            study.tables["pls_index"] = _index(fit, boot, scale)
        except CxlabError as exc:
            _skip(study, "n_index_failed", exc)
    target = final_target(fit)
    if target is None:
        return
    numbers["ipma_target"] = target
    try:
        ipma = fit.ipma(target, scale=scale)
    except CxlabError as exc:
        _skip(study, "n_no_ipma", exc)
        return
    study.tables["pls_ipma"] = pd.DataFrame(ipma.constructs)
    study.tables["pls_ipma_items"] = pd.DataFrame(ipma.indicators)
