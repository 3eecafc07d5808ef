"""The work behind :func:`cxlab.sem.ordinal.fit_ordered` (lavaan's WLSMV): data checks,
the parameter table with lavaan's ordinal rows, fit measures, the results table.
:func:`estimate_ordered` returns the fields of a :class:`cxlab.sem.fitting.SEMFit`
(this module does not import :mod:`cxlab.sem.fitting`, so ``fit(..., ordered=)`` can
call it without an import cycle)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import special

from cxlab._conventions import as_frame
from cxlab.errors import DataError, ModelSpecError
from cxlab.models.syntax import parse
from cxlab.sem._data import _check_groups
from cxlab.sem._ordinal_checks import (
    category_codes,
    check_identification,
    check_model,
    continuous_values,
)
from cxlab.sem._polychoric import OrdinalStats, ordinal_stats
from cxlab.sem._polyserial import mixed_stats
from cxlab.sem.engine import start_values
from cxlab.sem.indices import rmsea_ci
from cxlab.sem.results import Layout, _check_defined, _r2, std_values, values
from cxlab.sem.wls import OrdinalModel, fit_dwls, robust_vcov, scaled_shifted

__all__ = ["estimate_ordered"]

_ORDINAL_EQUAL = (
    "thresholds",
    "loadings",
    "regressions",
    "lv.variances",
    "lv.covariances",
    "residual.covariances",
)
_Z975 = 1.959963984540054


def _build_table(
    table: pd.DataFrame,
    items: list[str],
    stats_: list[OrdinalStats],
    equal_thresholds: bool,
    wu_estabrook: tuple[str, ...] | None = None,
) -> pd.DataFrame:
    """The parsed table with lavaan's ordinal rows: thresholds, fixed intercepts, derived
    residual variances, scale factors; free parameters renumbered 1…K, derived K+1….

    ``wu_estabrook`` (the group_equal of a Wu & Estabrook 2016 model, std.lv) frees in
    groups 2…: the items' intercepts unless "intercepts" are equal, the factor means when
    they are, the factor variances when "loadings" are equal (semTools' ``measEq.syntax(
    ID.fac = "std.lv", ID.cat = "Wu.Estabrook.2016")``)."""
    table = table.copy()
    table["derived"] = False
    params = table[table.op != ":="]
    is_item = params.lhs.isin(items)
    resid = (params.op == "~~") & (params.lhs == params.rhs) & is_item
    intercept = (params.op == "~1") & is_item
    table.loc[resid[resid].index, "derived"] = True
    table.loc[intercept[intercept].index, ["free", "value"]] = [0, 0.0]
    n_groups = len(stats_)
    latent = list(table.attrs["latent"])
    later = (table.group > 1) & ~table.user
    means = (table.op == "~1") & table.lhs.isin(latent) & later
    if wu_estabrook is not None and equal_thresholds and n_groups > 1:
        if "intercepts" in wu_estabrook:
            table.loc[means, ["free", "value"]] = [-1, np.nan]
        else:
            free_nu = (table.op == "~1") & table.lhs.isin(items) & later
            table.loc[free_nu, ["free", "value"]] = [-1, np.nan]
        if "loadings" in wu_estabrook and "lv.variances" not in wu_estabrook:
            var = (table.op == "~~") & (table.lhs == table.rhs) & table.lhs.isin(latent)
            table.loc[var & later, ["free", "value"]] = [-1, np.nan]
    elif equal_thresholds and n_groups > 1:  # lavaan: factor means free in groups 2…
        table.loc[means, ["free", "value"]] = [-1, np.nan]
    # renumber the free parameters (keeping shared numbers shared)
    mapping: dict[int, int] = {}
    counter = 0
    new_free = []
    for r in table.itertuples():
        if r.op == ":=" or r.derived or r.free == 0:
            new_free.append(0)
            continue
        if r.free == -1:  # newly freed: a parameter of its own
            counter += 1
            new_free.append(counter)
            continue
        if r.free not in mapping:
            counter += 1
            mapping[r.free] = counter
        new_free.append(mapping[r.free])
    table["free"] = new_free
    groups = []
    shared: dict[tuple[str, int], int] = {}
    for g, st in enumerate(stats_):
        rows = []
        for j, item in enumerate(st.names):
            if item not in items:
                continue  # a continuous variable: no thresholds, no scale factor
            for k, tau in enumerate(st.thresholds[j]):
                key = (item, k)
                if equal_thresholds and key in shared:
                    free = shared[key]
                else:
                    counter += 1
                    free = shared[key] = counter
                rows.append(
                    {"lhs": item, "op": "|", "rhs": f"t{k + 1}", "group": g + 1, "label": "",
                     "free": free, "value": np.nan, "start": tau, "user": False,
                     "exo": False, "derived": False}
                )  # fmt: skip
        for item in [v for v in st.names if v in items]:
            free = 0
            if equal_thresholds and g > 0:
                counter += 1
                free = counter
            rows.append(
                {"lhs": item, "op": "~*~", "rhs": item, "group": g + 1, "label": "",
                 "free": free, "value": np.nan if free else 1.0, "start": 1.0,
                 "user": False, "exo": False, "derived": False}
            )  # fmt: skip
        groups.append(pd.DataFrame(rows))
    parts = []
    for g in range(n_groups):
        parts += [table[table.group == g + 1], groups[g]]
    parts.append(table[table.op == ":="])
    out = pd.concat(parts, ignore_index=True)
    derived = out.index[out["derived"]]
    out.loc[derived, "free"] = counter + 1 + np.arange(len(derived))
    out.loc[derived, "value"] = np.nan
    out["free"] = out["free"].astype(int)
    out["derived"] = out["derived"].astype(bool)
    out.attrs = dict(table.attrs)
    out.attrs["meanstructure"] = True
    return out


def _start(om: OrdinalModel) -> np.ndarray:
    ext = start_values(om.ram)
    theta = np.zeros(om.n_free)
    theta[: min(om.n_free, len(ext))] = ext[: om.n_free]
    for r in om.table.itertuples():
        if r.free and not r.derived and r.op in ("|", "~*~"):
            theta[r.free - 1] = r.start
    return theta


def _jacobian(fn, theta: np.ndarray, size: int, step: float = 1e-6) -> np.ndarray:
    jac = np.zeros((size, len(theta)))
    for k in range(len(theta)):
        e = np.zeros(len(theta))
        e[k] = step
        with np.errstate(all="ignore"):
            jac[:, k] = (fn(theta + e) - fn(theta - e)) / (2 * step)
    return jac


def _fit_measures(
    om: OrdinalModel, theta: np.ndarray, vcov_ok: bool
) -> tuple[dict[str, float], dict[str, float]]:
    n, groups = om.n_total, om.groups
    chisq = n * om.objective(theta)
    n_stats = sum(len(st.wls_obs) for st in om.stats)
    df = n_stats - om.n_free
    jacs = [om.jacobian(theta, g) for g in range(groups)]
    info = sum(
        om.weights[g] * (jacs[g].T @ (om.stats[g].wls_v[:, None] * jacs[g])) for g in range(groups)
    )
    test = scaled_shifted(jacs, info, om.stats, om.weights, chisq, df)
    # baseline: thresholds free, correlations 0 (they fit the thresholds exactly)
    base_jacs, base_chisq = [], 0.0
    for g, st in enumerate(om.stats):
        n_uni = st.n_univariate  # thresholds, means and variances: fitted exactly
        blocks = [np.zeros((len(st.wls_obs), n_uni)) for _ in range(groups)]
        blocks[g][:n_uni] = np.eye(n_uni)
        base_jacs.append(np.hstack(blocks))
        cors = st.wls_obs[n_uni:]
        base_chisq += (st.n - 1) * float(np.sum(st.wls_v[n_uni:] * cors**2))
    base_info = sum(
        om.weights[g] * (base_jacs[g].T @ (om.stats[g].wls_v[:, None] * base_jacs[g]))
        for g in range(groups)
    )
    base_df = sum(len(st.pairs) for st in om.stats)
    base = scaled_shifted(base_jacs, base_info, om.stats, om.weights, base_chisq, base_df)

    def cfi(x2: float, d: float, x2b: float, db: float) -> float:
        t1 = max(x2 - d, 0.0)
        t2 = max(x2 - d, x2b - db, 0.0)
        return 1.0 if np.isclose(t1, 0) and np.isclose(t2, 0) else 1 - t1 / t2

    def tli(x2: float, d: float, x2b: float, db: float) -> float:
        t1, t2 = (x2 - d) * db, (x2b - db) * d
        return 1 - t1 / t2 if d > 0 and abs(t2) > 0 else 1.0

    n_fit = n - groups  # lavaan's N for RMSEA with (D)WLS: N minus the number of groups

    def rmsea(x2: float) -> float:
        if df <= 0:
            return 0.0
        return float(np.sqrt(max(x2 / n_fit / df - 1 / n_fit, 0.0)) * np.sqrt(groups))

    def close(x2: float) -> float:
        return (
            float(1.0 - special.chndtr(x2, df, n_fit * df * 0.05**2 / groups)) if df > 0 else np.nan
        )

    scaled = test["chisq_scaled"]
    lo, hi = rmsea_ci(chisq, df, n_fit, groups) if df > 0 else (np.nan, np.nan)
    lo_s, hi_s = rmsea_ci(scaled, df, n_fit, groups) if df > 0 else (np.nan, np.nan)
    nan = float("nan")
    measures = {
        "npar": om.n_free,
        "n": n,
        "fmin": chisq / (2 * n),
        "chisq": float(chisq),
        "df": int(df),
        "pvalue": float(special.chdtrc(df, chisq)) if df > 0 else nan,
        "chisq_scaled": scaled,
        "df_scaled": int(df),
        "pvalue_scaled": test["pvalue_scaled"],
        "chisq_scaling_factor": test["scaling_factor"],
        "chisq_shift_parameters": test["shift_parameter"],
        "baseline_chisq": base_chisq,
        "baseline_df": int(base_df),
        "baseline_pvalue": float(special.chdtrc(base_df, base_chisq)),
        "baseline_chisq_scaled": base["chisq_scaled"],
        "baseline_df_scaled": int(base_df),
        "baseline_pvalue_scaled": base["pvalue_scaled"],
        "baseline_chisq_scaling_factor": base["scaling_factor"],
        "cfi": cfi(chisq, df, base_chisq, base_df),
        "tli": tli(chisq, df, base_chisq, base_df),
        "cfi_scaled": cfi(scaled, df, base["chisq_scaled"], base_df),
        "tli_scaled": tli(scaled, df, base["chisq_scaled"], base_df),
        "rmsea": rmsea(chisq),
        "rmsea_ci_low": lo,
        "rmsea_ci_high": hi,
        "rmsea_pvalue": close(chisq),
        "rmsea_scaled": rmsea(scaled),
        "rmsea_ci_low_scaled": lo_s,
        "rmsea_ci_high_scaled": hi_s,
        "rmsea_pvalue_scaled": close(scaled),
        "srmr": _srmr(om, theta),
    }
    if not vcov_ok:
        for key in [
            k
            for k in measures
            if "scaled" in k or k in ("chisq_scaling_factor", "chisq_shift_parameters")
        ]:
            measures[key] = nan
    return measures, test


def _srmr(om: OrdinalModel, theta: np.ndarray) -> float:
    """lavaan's ``srmr`` for ordered data: the root mean square of the correlation
    residuals (the diagonal counted as zeros; a covariance with a continuous variable
    divided by its sample standard deviation, lavaan's ``cor.bentler``), groups weighted
    by n_g/N."""
    total = 0.0
    for g, st in enumerate(om.stats):
        p = len(st.names)
        n_uni = st.n_univariate
        resid = st.wls_obs[n_uni:] - om.implied(theta, g)[n_uni:]
        sd = np.sqrt(np.diag(st.cov))
        resid = resid / (sd[st.pairs[:, 0]] * sd[st.pairs[:, 1]])
        total += om.weights[g] * np.sqrt(np.sum(resid**2) / (p * (p + 1) / 2))
    return float(total)


def _results(
    table: pd.DataFrame, om: OrdinalModel, theta: np.ndarray, vcov: np.ndarray
) -> tuple[pd.DataFrame, np.ndarray]:
    """est, se, z, pvalue, CI, std_all, std_se of every row; the vcov of θ extended."""
    table = table.copy()
    ram = om.ram
    layout = Layout.of(table, ram)
    ext = om.extend(theta)
    est = values(layout, ext)
    th_rows = (table.op == "|").to_numpy()
    sc_rows = (table.op == "~*~").to_numpy()
    item_index = {v: j for j, v in enumerate(om.items)}

    def std_of(th: np.ndarray) -> np.ndarray:
        e = om.extend(th)
        out = std_values(layout, ram, e)
        vals = values(layout, e)
        for g in range(om.groups):
            d = om.delta(e, g)
            sel = th_rows & (table.group.to_numpy() == g + 1)
            js = np.array([item_index[v] for v in table.lhs[sel]], dtype=int)
            out[sel] = vals[sel] * d[js] if len(js) else out[sel]
        out[sc_rows] = 1.0  # as lavaan: a scale factor's std.all is 1
        return out

    jac = _jacobian(lambda th: values(layout, om.extend(th)), theta, len(table))
    jac_std = _jacobian(std_of, theta, len(table))
    jac_ext = _jacobian(om.extend, theta, om.n_ext)
    se = np.sqrt(np.clip(np.einsum("ij,jk,ik->i", jac, vcov, jac), 0, None))
    fixed = ((table["free"].to_numpy() == 0) | table["derived"].to_numpy()) & (
        table["op"].to_numpy() != ":="
    )
    se[fixed] = np.nan
    with np.errstate(divide="ignore", invalid="ignore"):
        z = est / se
    table["est"] = est
    table["se"] = se
    table["z"] = z
    table["pvalue"] = 2 * special.ndtr(-np.abs(z))
    table["ci_low"] = est - _Z975 * se
    table["ci_high"] = est + _Z975 * se
    table["std_all"] = std_of(theta)
    std_se = np.sqrt(np.clip(np.einsum("ij,jk,ik->i", jac_std, vcov, jac_std), 0, None))
    std_se[fixed] = np.nan
    table["std_se"] = std_se
    vcov_ext = jac_ext @ vcov @ jac_ext.T
    table.attrs["vcov"] = vcov_ext
    ram_rows = table[table.op.isin(("=~", "~", "~~", "~1"))]
    table.attrs["r2"] = _r2(ram_rows, ram, ext)
    return table, vcov_ext


def _problems(table: pd.DataFrame, om: OrdinalModel, theta: np.ndarray) -> list[str]:
    problems = []
    multi = om.groups > 1
    for r in table[table.op != ":="].itertuples():
        where = f" (group {r.group})" if multi else ""
        if r.op == "~~" and r.lhs == r.rhs and r.est < 0:
            kind = "factor" if r.lhs in om.ram.latent else "residual"
            problems.append(
                f"the {kind} variance of {r.lhs}{where} is negative ({r.est:.3f}): a Heywood "
                "case — the factor explains more than all of the latent response's variance."
            )
        elif r.op in ("=~", "~") and abs(r.std_all) > 1:
            problems.append(
                f"the standardized {'loading' if r.op == '=~' else 'path'} {r.lhs} {r.op} "
                f"{r.rhs}{where} is {r.std_all:.2f}, beyond ±1."
            )
    _, _, info = om.normal_equations(theta)
    eig = np.linalg.eigvalsh((info + info.T) / 2)
    if eig.min() <= 1e-10 * max(1.0, eig.max()):
        problems.append(
            f"the DWLS information matrix is singular (smallest eigenvalue {eig.min():.2g}): "
            "some parameters cannot be told apart — the model is not identified. Fix a "
            "loading or the variance of each factor, or use at least three items per factor."
        )
    k = len(om.ram.observed)
    ext = om.extend(theta)
    for g in range(om.groups):
        cov = om.ram.implied(ext, g)["cov_all"][k:, k:]
        if len(cov) and np.linalg.eigvalsh(cov).min() <= 1e-8 * max(1.0, np.abs(cov).max()):
            problems.append(
                f"the covariance matrix of the factors{f' (group {g + 1})' if multi else ''} is "
                "not positive definite: some factors are not empirically distinct."
            )
    return problems


def estimate_ordered(
    model: str,
    data: pd.DataFrame,
    ordered: list[str] | tuple[str, ...],
    *,
    group: str | None = None,
    group_equal: tuple[str, ...] | list[str] = (),
    std_lv: bool = False,
    missing: str = "listwise",
    identification: str = "lavaan",
) -> dict:
    """Estimate a model with ordered indicators as lavaan's WLSMV; returns the keyword
    arguments of :class:`cxlab.sem.fitting.SEMFit` (see :func:`cxlab.sem.ordinal.fit_ordered`
    for the parameters).

    Examples
    --------
    >>> from cxlab.sem._ordinal import estimate_ordered
    >>> from cxlab.sem.ordinal import _example_data
    >>> parts = estimate_ordered("F =~ y1 + y2 + y3", _example_data(), ["y1", "y2", "y3"])
    >>> parts["meta"]["estimator"], parts["fit_measures"]["df"]
    ('WLSMV', 0)
    """
    if missing in ("fiml", "fiml.x", "ml", "ml.x"):
        raise ModelSpecError(
            f"missing={missing!r} with ordered indicators: WLSMV has no full-information "
            "likelihood, so FIML is not available (lavaan refuses it too). Use listwise "
            "deletion (missing='listwise', lavaan's default for WLSMV), or multiple "
            "imputation and pool the fits; lavaan's missing = 'pairwise' is not supported yet."
        )
    if missing != "listwise":
        raise ModelSpecError(
            f"missing={missing!r}: with ordered indicators only 'listwise' is supported."
        )
    data = as_frame(data)
    items_given = list(dict.fromkeys(ordered))
    absent = [c for c in items_given if c not in data.columns]
    if absent:
        raise DataError(f"ordered= names column(s) {', '.join(absent)} not in the data.")
    if group is not None and group not in data.columns:
        raise DataError(f"group={group!r} is not a column of the data.")
    if group is not None:
        _check_groups(data, group)
    wu_estabrook = check_identification(identification, group_equal, std_lv)
    allowed = _ORDINAL_EQUAL + (("intercepts",) if wu_estabrook else ())
    unknown = [e for e in group_equal if e not in allowed]
    if unknown:
        raise ModelSpecError(
            f"group_equal: {', '.join(unknown)} not supported with ordered indicators "
            "(their intercepts are fixed at 0 and their residual variances are not free); "
            f"choose from {', '.join(allowed)}"
            + ("" if wu_estabrook else ", or 'intercepts' with identification='wu.estabrook.2016'")
            + "."
        )
    if any("|" in line.split("#")[0] for line in model.splitlines()):
        raise ModelSpecError(
            "Threshold lines ('item | t1 + t2 …') are not supported: fit_ordered adds "
            "every ordered item's thresholds itself (free, or equal across groups with "
            "group_equal=('thresholds', …)). Remove the '|' lines."
        )
    observed_all = [c for c in data.columns if c != group]
    n_groups = int(data[group].nunique()) if group else 1
    equal = [e for e in group_equal if e not in ("thresholds", "intercepts")]
    if "thresholds" in group_equal and not wu_estabrook:
        # lavaan: with categorical data "thresholds" implies "intercepts" — the intercepts
        # of continuous variables (their negative "thresholds") are held equal too; the
        # ordered items' intercepts are fixed at 0 anyway
        equal.append("intercepts")
    table = parse(
        model, observed_all, n_groups=n_groups, meanstructure=True, std_lv=std_lv,
        group_equal=equal,
    )  # fmt: skip
    observed = list(table.attrs["observed"])
    not_used = [c for c in items_given if c not in observed]
    if not_used:
        raise ModelSpecError(
            f"ordered= names {', '.join(not_used)}, not used in the model: remove "
            "them from ordered= or add them to the model."
        )
    check_model(table, items_given, observed)
    frame = data[observed + ([group] if group else [])]
    complete = frame.dropna()
    notes = []
    if len(complete) < len(frame):
        notes.append(
            f"{len(frame) - len(complete)} of {len(frame)} rows with missing values were "
            "dropped (listwise deletion, lavaan's default for WLSMV)."
        )
    if group is not None:
        for label in dict.fromkeys(frame[group].dropna()):
            if not (complete[group] == label).any():
                raise DataError(
                    f"Group {label!r} of column {group!r} has no complete row left after "
                    "listwise deletion; drop this group from the data."
                )
    ordinal = [v for v in observed if v in items_given]
    continuous = [v for v in observed if v not in items_given]
    if continuous and wu_estabrook:
        raise ModelSpecError(
            f"identification='wu.estabrook.2016' with continuous variables "
            f"({', '.join(continuous)}): the Wu & Estabrook (2016) levels are defined for "
            "ordered items only. Use identification='lavaan', or declare them ordered."
        )
    codes, n_cat = category_codes(complete, ordinal, group)
    values = np.zeros((len(complete), len(observed)))
    kinds = []
    for j, v in enumerate(observed):
        if v in items_given:
            k = ordinal.index(v)
            values[:, j] = codes[:, k]
            kinds.append(n_cat[k])
        else:
            kinds.append(0)
    if continuous:
        values[:, [observed.index(v) for v in continuous]] = continuous_values(
            complete, continuous, group
        )
    labels = list(dict.fromkeys(complete[group])) if group else ["all"]
    stats_ = []
    for label in labels:
        mask = (complete[group] == label).to_numpy() if group else np.ones(len(complete), bool)
        if mask.sum() <= len(observed):
            raise DataError(
                f"Group {label!r} has {int(mask.sum())} complete rows for {len(observed)} "
                "variables: too few to estimate polychoric correlations."
            )
        if continuous:
            stats_.append(mixed_stats(values[mask], observed, kinds))
        else:
            stats_.append(ordinal_stats(codes[mask], observed, n_cat))
    if wu_estabrook and "thresholds" in group_equal and len(stats_) > 1:
        binary = [v for v, k in zip(ordinal, n_cat, strict=True) if k < 3]
        if binary:
            raise ModelSpecError(
                f"Item(s) {', '.join(binary)} have two categories: with one threshold, "
                "equal thresholds cannot identify a free intercept and a free scale factor "
                "(Wu & Estabrook 2016 treat binary items apart). Use identification='lavaan' "
                "or items with at least three categories."
            )
    full = _build_table(
        table,
        ordinal,
        stats_,
        "thresholds" in group_equal,
        tuple(group_equal) if wu_estabrook else None,
    )
    om = OrdinalModel(full, stats_)
    n_stats = sum(len(st.wls_obs) for st in stats_)
    if om.n_free > n_stats:
        raise ModelSpecError(
            f"The model has {om.n_free} free parameters but the thresholds and polychoric "
            f"correlations give only {n_stats} statistics (df = {n_stats - om.n_free}): it "
            "is not identified. Use at least three items per factor or fix more parameters."
        )
    theta, info = fit_dwls(om, _start(om))
    vcov = robust_vcov(om, theta)
    vcov_ok = bool(np.all(np.isfinite(vcov)))
    measures, test = _fit_measures(om, theta, vcov_ok)
    if info["converged"]:
        _check_defined(full, om.ram, om.extend(theta))
    result, _ = _results(full, om, theta, vcov)
    problems = _problems(result, om, theta)
    info = {**info, "trace_ugamma": test["trace_ugamma"], "trace_ugamma2": test["trace_ugamma2"]}
    return {
        "model": model,
        "table": result,
        "fit_measures": measures,
        "groups": labels,
        "converged": info["converged"],
        "problems": problems,
        "notes": notes,
        "optimizer": info,
        "ram_": om.ram,
        "theta_": om.extend(theta),
        "data_": data,
        "meta": {
            "group": group,
            "group_equal": tuple(group_equal),
            "std_lv": std_lv,
            "missing": "listwise",
            "estimator": "WLSMV",
            "identification": "wu.estabrook.2016" if wu_estabrook else "lavaan",
            "ordered": ordinal,
            "continuous": continuous,
            "sample_stats": stats_,
            "ordinal_model": om,
            "theta_free": theta,
        },
    }
