"""Results of a fitted model: parameter values, standardized solution, delta-method SEs,
R² and the admissibility checks (used by :func:`cxlab.sem.fit` and the bootstrap).
:class:`Layout`, :func:`values` and :func:`std_values` evaluate a table at any parameter
vector fast (the bootstrap and the power analysis of :mod:`cxlab.simulate` use them)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import special

from cxlab.errors import DataError, ModelSpecError
from cxlab.models.defined import evaluate_defined
from cxlab.sem.constraints import constrained_inverse, n_equalities, reduced_information
from cxlab.sem.engine import Moments, RamModel


def _check_size(ram: RamModel, table: pd.DataFrame) -> None:
    """Refuse models with more free parameters than the data have moments (df < 0) or
    than there are respondents, before any estimation."""
    p, groups = ram.p, len(ram.moments)
    n_exo = int(((table.op != ":=") & table.exo).sum())
    per_group = p * (p + 1) // 2 + (p if ram.meanstructure else 0)
    # each independent equality constraint (==) takes one free parameter away, as in lavaan
    n_free = ram.n_free - _equalities_at_start(ram)
    df = groups * per_group - n_free - n_exo
    means = " and means" if ram.meanstructure else ""
    if df < 0:
        raise ModelSpecError(
            f"The model has {n_free} free parameters but the {p} observed variables give "
            f"only {groups * per_group - n_exo} variances, covariances{means} to estimate "
            f"them from (df = {df}): it is not identified. Use at least three "
            "indicators per factor (or fix more parameters), remove residual covariances or "
            "paths, or label parameters equal."
        )
    if ram.n_total < ram.n_free:
        raise DataError(
            f"{ram.n_total} respondents for {ram.n_free} free parameters: ML estimates and "
            "their standard errors are meaningless with fewer rows than parameters. Collect "
            "more data (a common rule is 10 respondents per parameter, i.e. "
            f"{10 * ram.n_free} here), or simplify the model (parcels, fewer constructs)."
        )


def _equalities_at_start(ram: RamModel) -> int:
    """Independent ``==`` constraints, their Jacobian taken at a generic point."""
    if ram.constraints is None:
        return 0
    point = np.random.default_rng(0).uniform(0.5, 1.5, ram.n_free)
    return n_equalities(ram.constraints, point)


def _fix_exogenous(
    table: pd.DataFrame, moments: list[Moments], observed: list[str]
) -> pd.DataFrame:
    table = table.copy()
    pos = {v: i for i, v in enumerate(observed)}
    for k, r in table[table.exo].iterrows():
        mo = moments[r.group - 1]
        if r.op == "~~":
            table.at[k, "value"] = mo.cov[pos[r.lhs], pos[r.rhs]]
        else:
            table.at[k, "value"] = mo.mean[pos[r.lhs]]
    return table


def first_labelled(table: pd.DataFrame) -> dict[str, int]:
    """Row of the FIRST parameter carrying each label (``:=`` rows excluded).

    A label shared by several parameters (equality constraints, and every label of a
    multi-group model without ``c()``) has one unstandardized value but one standardized
    value per parameter; as lavaan, a ``:=`` parameter's std.all uses the first one (the
    first group in which the label appears).

    Examples
    --------
    >>> from cxlab.models.syntax import parse
    >>> table = parse("y ~ b*x1 + b*x2\\nd := 2*b", ["y", "x1", "x2"])
    >>> first_labelled(table)
    {'b': 0}
    """
    labels: dict[str, int] = {}
    ops = table["op"].to_numpy()
    for k, (lab, op) in enumerate(zip(table["label"], ops, strict=True)):
        if lab and op != ":=":
            labels.setdefault(lab, k)
    return labels


@dataclass
class Layout:
    """Where each table row sits in the RAM matrices, precomputed for speed."""

    kind: np.ndarray  # 0 loading, 1 regression, 2 variance, 3 covariance, 4 mean, -1 defined
    group: np.ndarray
    row: np.ndarray
    col: np.ndarray
    free: np.ndarray
    value: np.ndarray
    labels: dict[str, int]
    defined: list[tuple[int, str, str]]

    @classmethod
    def of(cls, table: pd.DataFrame, ram: RamModel) -> Layout:
        """The layout of a parameter table on *ram*'s variables.

        Examples
        --------
        >>> import cxlab as cx
        >>> from cxlab.sem.results import Layout
        >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3", cx.datasets.load("holzinger_swineford"))
        >>> Layout.of(fit.ram_.table, fit.ram_).kind.tolist()  # 0 loading, 2 variance
        [0, 0, 0, 2, 2, 2, 2]
        """
        idx = {v: i for i, v in enumerate(ram.variables)}
        kind, row, col = [], [], []
        for r in table.itertuples():
            if r.op == "=~":
                kind.append(0), row.append(idx[r.rhs]), col.append(idx[r.lhs])
            elif r.op == "~":
                kind.append(1), row.append(idx[r.lhs]), col.append(idx[r.rhs])
            elif r.op == "~~":
                kind.append(2 if r.lhs == r.rhs else 3)
                row.append(idx[r.lhs]), col.append(idx[r.rhs])
            elif r.op == "~1":
                kind.append(4), row.append(idx[r.lhs]), col.append(0)
            else:
                kind.append(-1), row.append(0), col.append(0)
        labels = first_labelled(table)
        defined = [(k, r.lhs, r.rhs) for k, r in enumerate(table.itertuples()) if r.op == ":="]
        return cls(
            np.array(kind),
            table["group"].to_numpy() - 1,
            np.array(row),
            np.array(col),
            table["free"].to_numpy(),
            table["value"].to_numpy(dtype=float),
            labels,
            defined,
        )


def values(layout: Layout, theta: np.ndarray) -> np.ndarray:
    """Every row's value at the free parameters *theta*: free ones from *theta*, fixed
    ones as fixed, ``:=`` rows evaluated from the labelled values.

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab.sem.results import Layout, values
    >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3", cx.datasets.load("holzinger_swineford"))
    >>> values(Layout.of(fit.ram_.table, fit.ram_), fit.theta_)[:3].round(3).tolist()
    [1.0, 0.778, 1.107]
    """
    est = np.where(layout.free > 0, theta[np.maximum(layout.free - 1, 0)], layout.value)
    if layout.defined:
        named = {lab: est[k] for lab, k in layout.labels.items()}
        for k, name, expression in layout.defined:
            est[k] = evaluate_defined(expression, named)
            named[name] = est[k]
    return est


def _check_defined(table: pd.DataFrame, ram: RamModel, theta: np.ndarray) -> None:
    """Every ``:=`` parameter must be a finite number at the estimates; otherwise a
    ModelSpecError names its line (a division by zero, an overflow such as 10^400, or a
    root of a negative number is a mistake in the model, not a result)."""
    layout = Layout.of(table, ram)
    if not layout.defined:
        return
    est = values(layout, theta)
    lines = table.attrs.get("defined_lines") or []
    for n, (k, name, expression) in enumerate(layout.defined):
        if np.isfinite(est[k]):
            continue
        number, statement = lines[n] if n < len(lines) else (None, f"{name} := {expression}")
        where = f"Line {number} of the model ('{statement}')" if number else f"'{statement}'"
        raise ModelSpecError(
            f"{where}: the defined parameter {name!r} is {est[k]} at the estimates, not a "
            "finite number. Check the expression for a division by zero, a number too large "
            "for floating point (e.g. 10^400) or a root of a negative value."
        )


def std_values(layout: Layout, ram: RamModel, theta: np.ndarray) -> np.ndarray:
    """Every row's standardized value (lavaan's ``std.all``) at *theta*.

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab.sem.results import Layout, std_values
    >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3", cx.datasets.load("holzinger_swineford"))
    >>> layout = Layout.of(fit.ram_.table, fit.ram_)
    >>> std_values(layout, fit.ram_, fit.theta_)[:3].round(3).tolist()  # lavaan's std.all
    [0.621, 0.479, 0.71]
    """
    out = np.full(len(layout.kind), np.nan)
    for g in range(len(ram.moments)):
        imp = ram.implied(theta, g)
        sd = np.sqrt(np.abs(np.diag(imp["cov_all"])))
        a, s, m = imp["A"], imp["S"], imp["M"]
        sel = layout.group == g
        i, j, kind = layout.row, layout.col, layout.kind
        with np.errstate(divide="ignore", invalid="ignore"):
            cand = np.select(
                [kind == 0, kind == 1, kind == 2, kind == 3, kind == 4],
                [
                    a[i, j] * sd[j] / sd[i],
                    a[i, j] * sd[j] / sd[i],
                    s[i, i] / sd[i] ** 2,
                    s[i, j] / np.sqrt(np.abs(s[i, i] * s[j, j])),  # as lavaan: residual SDs
                    m[i] / sd[i],
                ],
                np.nan,
            )
        out[sel] = cand[sel]
    if layout.defined:  # as lavaan: ':=' evaluated at the standardized labelled values
        named = {lab: out[k] for lab, k in layout.labels.items()}
        for k, name, expression in layout.defined:
            out[k] = evaluate_defined(expression, named)
            named[name] = out[k]
    return out


def _results(
    table: pd.DataFrame, ram: RamModel, theta: np.ndarray, vcov: np.ndarray | None = None
) -> pd.DataFrame:
    """The parameter table with estimates, SEs (from *vcov*, the covariance matrix of the
    free parameters; default the inverse information, robust estimators pass the sandwich),
    Wald tests and CIs, std.all and its SE."""
    table = table.copy()
    layout = Layout.of(table, ram)
    est = values(layout, theta)
    if vcov is None:
        try:  # under constraints: lavaan's augmented inverse K (Kᵀ I K)⁻¹ Kᵀ
            vcov = constrained_inverse(ram, theta, ram.n_total * ram.information(theta))
        except np.linalg.LinAlgError:
            vcov = np.full((ram.n_free, ram.n_free), np.nan)
    step = 1e-6
    jac = np.zeros((len(table), ram.n_free))
    jac_std = np.zeros((len(table), ram.n_free))
    for j in range(ram.n_free):
        e = np.zeros(ram.n_free)
        e[j] = step
        with np.errstate(invalid="ignore", over="ignore"):  # non-finite only when diverged
            jac[:, j] = (values(layout, theta + e) - values(layout, theta - e)) / (2 * step)
            hi, lo = std_values(layout, ram, theta + e), std_values(layout, ram, theta - e)
            jac_std[:, j] = (hi - lo) / (2 * step)
    se = np.sqrt(np.clip(np.einsum("ij,jk,ik->i", jac, vcov, jac), 0, None))
    fixed = (table["free"].to_numpy() == 0) & (table["op"].to_numpy() != ":=")
    se[fixed] = np.nan
    std = std_values(layout, ram, theta)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = est / se
    table["est"] = est
    table["se"] = se
    table["z"] = z
    table["pvalue"] = 2 * special.ndtr(-np.abs(z))
    table["ci_low"] = est - 1.959963984540054 * se
    table["ci_high"] = est + 1.959963984540054 * se
    table["std_all"] = std
    table["std_se"] = np.sqrt(np.clip(np.einsum("ij,jk,ik->i", jac_std, vcov, jac_std), 0, None))
    table.attrs["vcov"] = vcov
    table.attrs["r2"] = _r2(table, ram, theta)
    return table


def _r2(table: pd.DataFrame, ram: RamModel, theta: np.ndarray) -> pd.DataFrame:
    rows = []
    targets = set(table.loc[table.op == "=~", "rhs"]) | set(table.loc[table.op == "~", "lhs"])
    for g in range(len(ram.moments)):
        imp = ram.implied(theta, g)
        for v in ram.variables:
            if v in targets:
                i = ram.variables.index(v)
                rows.append(
                    {"variable": v, "group": g + 1, "r2": 1 - imp["S"][i, i] / imp["cov_all"][i, i]}
                )
    return pd.DataFrame(rows)


#: a variance on its bound (an active 'v > 0') is 0 up to rounding, not negative
_ROUNDING = 1e-12


def _check(table: pd.DataFrame, ram: RamModel, theta: np.ndarray) -> list[str]:
    problems: list[str] = []
    params = table[table.op != ":="]
    multi = len(ram.moments) > 1

    def where(r) -> str:
        return f" (group {r.group})" if multi else ""

    for r in params.itertuples():
        if r.op == "~~" and r.lhs == r.rhs and r.est < -_ROUNDING:
            kind = "factor" if r.lhs in ram.latent else "residual"
            problems.append(
                f"the {kind} variance of {r.lhs}{where(r)} is negative ({r.est:.3f}): a Heywood "
                "case — no variable can have a negative variance."
            )
        elif r.op in ("=~", "~") and abs(r.std_all) > 1 + _ROUNDING:
            what = "loading" if r.op == "=~" else "path"
            a, b = (r.lhs, r.rhs)
            problems.append(
                f"the standardized {what} {a} {r.op} {b}{where(r)} is {r.std_all:.2f}, beyond ±1."
            )
        elif r.op == "~~" and r.lhs != r.rhs and abs(r.std_all) > 1 + _ROUNDING:
            problems.append(
                f"the correlation of {r.lhs} and {r.rhs}{where(r)} is {r.std_all:.2f}, beyond ±1."
            )
    k = len(ram.observed)
    for g in range(len(ram.moments)):
        theta_obs = ram.matrices(theta, g)[1][:k, :k]
        if np.count_nonzero(theta_obs - np.diag(np.diag(theta_obs))) and np.all(
            np.diag(theta_obs) >= 0
        ):
            eig = np.linalg.eigvalsh(theta_obs)
            if eig.min() < -1e-8 * max(1.0, eig.max()):
                problems.append(
                    f"the residual covariance matrix{f' (group {g + 1})' if multi else ''} is "
                    f"not positive definite (smallest eigenvalue {eig.min():.3g}): the residual "
                    "correlations are impossible together; free fewer residual covariances."
                )
    info = reduced_information(ram, theta, ram.information(theta))  # I itself if unconstrained
    eig = np.linalg.eigvalsh((info + info.T) / 2)
    if eig.min() <= 1e-10 * max(1.0, eig.max()):
        problems.append(
            "the information matrix is singular (smallest eigenvalue "
            f"{eig.min():.2g}): some parameters cannot be told apart from the data — the "
            "model is not identified, or these data cannot separate them (empirical "
            "under-identification). Fix a loading or the factor variance of each factor, "
            "add indicators (at least three per factor), or remove paths."
        )
    if ram.latent:
        for g in range(len(ram.moments)):
            cov = ram.implied(theta, g)["cov_all"][k:, k:]
            eig = np.linalg.eigvalsh(cov)
            if eig.min() <= 1e-8 * max(1.0, eig.max()):
                problems.append(
                    f"the covariance matrix of the factors{f' (group {g + 1})' if multi else ''} "
                    f"is not positive definite (smallest eigenvalue {eig.min():.3g}): some factors "
                    "are linear combinations of others — they are not empirically distinct."
                )
    return problems
