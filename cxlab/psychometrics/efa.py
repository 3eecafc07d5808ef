"""Exploratory factor analysis for :mod:`cxlab.psychometrics`, and the helpers it uses:
input checks, α and its Feldt CI, the one-factor CFA behind ω / ρc / AVE, and vectorised
HTMT (the helpers are used by :mod:`cxlab.psychometrics.scales` and :mod:`cxlab.pls`;
analyses call ``cx.psychometrics.efa``, ``cx.psychometrics.reliability`` …).

The minres extraction is psych's (``psych::fa(fm = "minres")``): minimise the squared
off-diagonal residuals over the uniquenesses with L-BFGS-B, the uniquenesses bounded to
[0.005, 1], psych's starting values and analytic gradient. It is written here, not taken
from ``factor_analyzer.FactorAnalyzer.fit``, because that method (factor_analyzer 0.5.1)
calls scikit-learn's ``check_array(force_all_finite=...)``, an argument scikit-learn 1.8
removed, so it fails with current scikit-learn. Rotation (GPA oblimin etc.), KMO and
Bartlett's test come from factor_analyzer. Every function below shows an example.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from scipy import optimize, stats

from cxlab._conventions import as_frame
from cxlab._parallel import one_blas_thread
from cxlab.errors import DataError, EstimationError
from cxlab.psychometrics._efa_result import EFA

__all__ = [
    "EFA",
    "alpha_coefficient",
    "bootstrap_htmt",
    "check_items",
    "check_scales",
    "efa",
    "feldt_ci",
    "fit_efa",
    "htmt_from_corr",
    "indicator",
    "minres",
    "one_factor",
    "parallel_analysis",
]

OBLIQUE = ("oblimin", "quartimin", "geomin_obl", "promax")
ROTATIONS = (*OBLIQUE, "varimax", "quartimax", "equamax", "oblimax", "geomin_ort")
_BOUNDARY = 1e-4  # residual variance / item variance below this: at the zero bound
CROSS_LOADING = 0.30  # |loading| at or above this on more than one factor: cross-loading
WEAK_PRIMARY = 0.40  # the item's largest |loading| below this: weak item


def _suggest(name: str, columns: Sequence[str]) -> str:
    close = difflib.get_close_matches(str(name), [str(c) for c in columns], n=1)
    return f" Did you mean {close[0]!r}?" if close else ""


def check_items(data: Any, items: Sequence[str], *, min_rows: int = 3) -> pd.DataFrame:
    """The *items* of *data* as floats, rows with any missing item dropped (listwise).

    Raises :class:`~cxlab.errors.DataError` naming the column when an item is unknown,
    holds text, or has no variance, and when fewer than *min_rows* complete rows remain.

    Examples
    --------
    >>> import pandas as pd
    >>> from cxlab.psychometrics.efa import check_items
    >>> df = pd.DataFrame({"q1": [1, 2, None, 4], "q2": ["1", "3", "2", "5"]})
    >>> x = check_items(df, ["q1", "q2"])
    >>> x.index.tolist(), x["q2"].tolist()  # row 2 dropped (listwise), text turned into numbers
    ([0, 1, 3], [1.0, 3.0, 5.0])
    """
    data = as_frame(data)
    items = list(items)
    seen: set[str] = set()
    for item in items:
        if item not in data.columns:
            raise DataError(
                f"Unknown item {item!r}: data has no such column.{_suggest(item, data.columns)}"
            )
        if item in seen:
            raise DataError(f"Item {item!r} is listed twice; list each item once.")
        seen.add(item)
    columns = {}
    for item in items:
        col = data[item]
        answered = col.dropna()
        if answered.empty:
            raise DataError(f"Item {item!r} has no answers (every value is missing).")
        is_bool = pd.api.types.is_bool_dtype(col)
        numbers = None if is_bool else pd.to_numeric(answered, errors="coerce")
        if numbers is None or numbers.isna().any():
            bad = answered if numbers is None else answered[numbers.isna()]
            raise DataError(
                f"Item {item!r} is not numeric (e.g. {bad.iloc[0]!r} in row {bad.index[0]!r}). "
                "Recode answers to numbers first, e.g. with cx.survey.Survey or pd.to_numeric."
            )
        columns[item] = pd.to_numeric(col, errors="coerce").astype(float)
    x = pd.DataFrame(columns, index=data.index).dropna()
    if len(x) < min_rows:
        raise DataError(
            f"Only {len(x)} rows have answers to all of {', '.join(items)} (listwise "
            f"deletion); at least {min_rows} are needed."
        )
    sd = x.std()
    for item in items:
        if not sd[item] > 0:
            raise DataError(
                f"Item {item!r} has no variance: every respondent gave {x[item].iloc[0]:g}. "
                "Drop it; a constant item carries no information."
            )
    return x


def check_scales(data: Any, scales: Any, *, min_items: int = 2) -> dict[str, list[str]]:
    """*scales* as {scale name: [item, ...]}, checked against *data* (see check_items).

    Examples
    --------
    >>> import cxlab as cx
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> from cxlab.psychometrics.efa import check_scales
    >>> check_scales(hs, {"visual": ("x1", "x2", "x3"), "speed": ["x7", "x8"]})
    {'visual': ['x1', 'x2', 'x3'], 'speed': ['x7', 'x8']}
    """
    if not isinstance(scales, Mapping) or not scales:
        raise DataError(
            "scales must be a non-empty dict {scale name: [items]}, e.g. "
            "{'satisfaction': ['sat1', 'sat2', 'sat3']}."
        )
    out: dict[str, list[str]] = {}
    owner: dict[str, str] = {}
    for name, items in scales.items():
        if isinstance(items, str) or not isinstance(items, Sequence | pd.Index):
            raise DataError(
                f"Scale {name!r}: give its items as a list of column names, not {items!r}."
            )
        items = list(items)
        if len(items) < min_items:
            raise DataError(
                f"Scale {name!r} has {len(items)} item(s) ({', '.join(map(str, items))}); "
                f"at least {min_items} are needed. Leave single-item measures out."
            )
        for item in items:
            if item in owner:
                raise DataError(
                    f"Item {item!r} is listed in both {owner[item]!r} and {name!r}; "
                    "each item belongs to one scale."
                )
            owner[item] = str(name)
        check_items(data, items, min_rows=3)
        out[str(name)] = items
    return out


def alpha_coefficient(x: np.ndarray) -> float:
    """Cronbach's alpha of the columns of *x* (complete rows); in R ``psych::alpha``.

    Examples
    --------
    >>> from cxlab.psychometrics.efa import alpha_coefficient
    >>> round(alpha_coefficient([[1, 2, 2], [2, 2, 3], [3, 4, 4], [4, 5, 4], [5, 5, 5]]), 3)
    0.968
    """
    cov = np.cov(x, rowvar=False)
    k = cov.shape[0]
    return float(k / (k - 1) * (1 - np.trace(cov) / cov.sum()))


def feldt_ci(alpha: float, n: int, k: int, ci: float) -> tuple[float, float]:
    """Feldt (1965) F-based interval, as pingouin.cronbach_alpha and psych's alpha.ci.

    Examples
    --------
    >>> from cxlab.psychometrics.efa import feldt_ci
    >>> [round(v, 3) for v in feldt_ci(0.626, n=301, k=3, ci=0.95)]
    [0.546, 0.694]
    """
    df1, df2 = n - 1, (n - 1) * (k - 1)
    low = 1 - (1 - alpha) * stats.f.isf((1 - ci) / 2, df1, df2)
    high = 1 - (1 - alpha) * stats.f.isf(1 - (1 - ci) / 2, df1, df2)
    return float(low), float(high)


def one_factor(x: pd.DataFrame) -> tuple[dict[str, Any], list[str]]:
    """ML one-factor CFA with :func:`cxlab.sem.fit` (lavaan's estimates, negative variances
    included, as lavaan reports them): ω, ρc, AVE, standardized loadings, and problems.

    Examples
    --------
    >>> import cxlab as cx
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> from cxlab.psychometrics.efa import one_factor
    >>> values, problems = one_factor(hs[["x1", "x2", "x3"]])
    >>> round(float(values["omega_total"]), 3), round(values["ave"], 3), problems
    (0.633, 0.373, [])
    """
    from cxlab import sem

    names = [f"v{i}" for i in range(x.shape[1])]
    frame = pd.DataFrame(x.to_numpy(dtype=float), columns=names)
    try:
        fit = sem.fit("eta =~ " + " + ".join(names), frame)
    except (np.linalg.LinAlgError, DataError, EstimationError) as exc:
        return {}, [f"the one-factor model could not be fitted ({exc})"]
    est = fit.estimates(allow_inadmissible=True)
    load = est[est["op"] == "=~"].set_index("rhs")
    var = est[(est["op"] == "~~") & (est["lhs"] == est["rhs"])].set_index("lhs")
    lam = load.loc[names, "est"].to_numpy(dtype=float)
    std = load.loc[names, "std.all"].to_numpy(dtype=float)
    theta = var.loc[names, "est"].to_numpy(dtype=float)
    psi = float(var.loc["eta", "est"])
    items = list(x.columns)
    problems = []
    if not fit.converged:
        problems.append(f"the one-factor model did not converge ({fit.optimizer['message']})")
    at_zero = theta / frame.var(ddof=0).to_numpy() < _BOUNDARY
    for i in np.flatnonzero(at_zero | (np.abs(std) >= 1 - _BOUNDARY)):
        problems.append(
            f"Heywood case: {items[i]} gets a residual variance of {theta[i]:.3g} (at or below "
            f"zero) and a standardized loading of {std[i]:.3f} (|loading| >= 1), i.e. no "
            "measurement error at all, which is impossible"
        )
    common = lam.sum() ** 2 * psi
    values = {
        "omega_total": common / (common + theta.sum()),
        "composite_reliability": std.sum() ** 2 / (std.sum() ** 2 + (1 - std**2).sum()),
        "ave": float(np.mean(std**2)),
        "loadings": std,
    }
    return values, problems


def indicator(scales: dict[str, list[str]]) -> tuple[list[str], np.ndarray]:
    """The items of *scales* in order, and the item × scale 0/1 membership matrix.

    Examples
    --------
    >>> from cxlab.psychometrics.efa import indicator
    >>> items, g = indicator({"visual": ["x1", "x2"], "textual": ["x4", "x5", "x6"]})
    >>> items, g.astype(int).tolist()
    (['x1', 'x2', 'x4', 'x5', 'x6'], [[1, 0], [1, 0], [0, 1], [0, 1], [0, 1]])
    """
    items = [i for v in scales.values() for i in v]
    g = np.zeros((len(items), len(scales)))
    pos = 0
    for j, v in enumerate(scales.values()):
        g[pos : pos + len(v), j] = 1
        pos += len(v)
    return items, g


def htmt_from_corr(r: np.ndarray, g: np.ndarray, htmt2: bool) -> np.ndarray:
    """HTMT matrices from correlation matrices r (..., p, p) and the item × scale indicator.

    Examples
    --------
    >>> import numpy as np
    >>> from cxlab.psychometrics.efa import htmt_from_corr
    >>> r = np.array([[1, .5, .3, .2], [.5, 1, .2, .3], [.3, .2, 1, .6], [.2, .3, .6, 1]])
    >>> htmt_from_corr(r, np.array([[1, 0], [1, 0], [0, 1], [0, 1]]), False).round(3)
    array([[1.   , 0.456],
           [0.456, 1.   ]])
    """
    a = np.abs(r)
    if htmt2:
        with np.errstate(divide="ignore"):
            a = np.log(a)
    a = a * (1 - np.eye(r.shape[-1]))
    k = g.sum(axis=0)
    sums = g.T @ a @ g
    pairs = np.outer(k, k) - np.diag(k)  # k_i·k_j between, k_i(k_i − 1) within
    means = sums / pairs
    if htmt2:
        means = np.exp(means)
    within = np.diagonal(means, axis1=-2, axis2=-1)
    out = means / np.sqrt(within[..., :, None] * within[..., None, :])
    idx = np.arange(g.shape[1])
    out[..., idx, idx] = 1.0
    return out


def bootstrap_htmt(
    x: np.ndarray, g: np.ndarray, B: int, seed: int | None, htmt2: bool
) -> np.ndarray:
    """B × scales × scales HTMT of B resamples of the rows of *x* (NaN where undefined).

    Examples
    --------
    >>> import cxlab as cx
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> from cxlab.psychometrics.efa import bootstrap_htmt, indicator
    >>> items, g = indicator({"visual": ["x1", "x2", "x3"], "textual": ["x4", "x5", "x6"]})
    >>> boot = bootstrap_htmt(hs[items].to_numpy(float), g, B=50, seed=1, htmt2=False)
    >>> boot.shape, bool((boot[:, 0, 1] < 0.85).all())  # every draw below the .85 cut-off
    ((50, 2, 2), True)
    """
    n = len(x)
    index = np.random.default_rng(seed).integers(0, n, size=(B, n))
    boots = []
    for start in range(0, B, 100):
        xb = x[index[start : start + 100]]
        xb = xb - xb.mean(axis=1, keepdims=True)
        cov = np.swapaxes(xb, 1, 2) @ xb
        sd = np.sqrt(np.diagonal(cov, axis1=1, axis2=2))
        with np.errstate(divide="ignore", invalid="ignore"):
            boots.append(htmt_from_corr(cov / (sd[:, :, None] * sd[:, None, :]), g, htmt2))
    return np.concatenate(boots)


def _minres_parts(psi: np.ndarray, corr: np.ndarray, k: int) -> tuple[float, np.ndarray]:
    values, vectors = np.linalg.eigh(corr - np.diag(psi))
    values, vectors = values[::-1], vectors[:, ::-1]
    loadings = vectors[:, :k] * np.sqrt(np.maximum(values[:k], 0))
    # Σ of squared residuals with the diagonal fitted exactly = ½ Σ of the eigenvalues
    # beyond the first k; the gradient is psych's FAgr: diag(LL' + Ψ − R).
    value = 0.5 * float(np.sum(values[k:] ** 2))
    grad = np.sum(loadings**2, axis=1) + psi - np.diag(corr)
    return value, grad


def minres(corr: np.ndarray, n_factors: int) -> tuple[np.ndarray, np.ndarray, bool]:
    """Unrotated minres loadings, uniquenesses and convergence, as ``psych::fa``.

    Examples
    --------
    >>> import cxlab as cx
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> from cxlab.psychometrics.efa import minres
    >>> loadings, psi, ok = minres(hs[["x1", "x2", "x3"]].corr().to_numpy(), 1)
    >>> ok, loadings[:, 0].round(3), psi.round(3)  # In R: psych::fa(r, 1, fm = "minres")
    (True, array([0.621, 0.479, 0.71 ]), array([0.614, 0.771, 0.496]))
    """
    p = corr.shape[0]
    start = (1 - 0.5 * n_factors / p) / np.diag(np.linalg.inv(corr))
    res = optimize.minimize(
        _minres_parts,
        np.clip(start, 0.005, 1),
        args=(corr, n_factors),
        jac=True,
        method="L-BFGS-B",
        bounds=[(0.005, 1.0)] * p,
        options={"maxiter": 1000, "ftol": 1e-14, "gtol": 1e-9},
    )
    psi = res.x
    values, vectors = np.linalg.eigh(corr - np.diag(psi))
    values, vectors = values[::-1], vectors[:, ::-1]
    loadings = vectors[:, :n_factors] * np.sqrt(np.maximum(values[:n_factors], 0))
    loadings *= np.where(loadings.sum(axis=0) < 0, -1.0, 1.0)
    return loadings, psi, bool(res.success)


def _reduced_eigenvalues(corr: np.ndarray) -> np.ndarray:
    """Eigenvalues of *corr* with the one-factor minres communalities on the diagonal
    (what ``psych::fa.parallel(fa = "fa")`` plots as "principal factors")."""
    loadings, _, _ = minres(corr, 1)
    reduced = corr.copy()
    np.fill_diagonal(reduced, loadings[:, 0] ** 2)
    return np.linalg.eigvalsh(reduced)[::-1]


def parallel_analysis(
    x: np.ndarray,
    *,
    kind: str = "fa",
    n_iter: int = 100,
    seed: int | None = 0,
    quantile: float | None = None,
) -> tuple[pd.DataFrame, int]:
    """Horn's parallel analysis: a table of observed and simulated eigenvalues, and the
    number of leading observed eigenvalues above the simulated mean (or *quantile*).

    Examples
    --------
    >>> import cxlab as cx
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> from cxlab.psychometrics.efa import parallel_analysis
    >>> table, n_keep = parallel_analysis(hs[[f"x{i}" for i in range(1, 10)]].to_numpy(), n_iter=20)
    >>> n_keep, table["observed"].head(4).round(3).tolist()  # In R: psych::fa.parallel
    (3, [2.632, 0.934, 0.504, -0.092])
    """
    if kind not in ("fa", "pc"):
        raise DataError(f"kind must be 'fa' or 'pc', not {kind!r}.")
    n, p = x.shape
    eig = _reduced_eigenvalues if kind == "fa" else (lambda r: np.linalg.eigvalsh(r)[::-1])
    observed = eig(np.corrcoef(x, rowvar=False))
    rng = np.random.default_rng(seed)
    sims = np.array(
        [eig(np.corrcoef(rng.standard_normal((n, p)), rowvar=False)) for _ in range(n_iter)]
    )
    mean = sims.mean(axis=0)
    q95 = np.quantile(sims, 0.95, axis=0)
    bar = mean if quantile is None else np.quantile(sims, quantile, axis=0)
    above = observed > bar
    n_keep = int(p if above.all() else np.argmin(above))
    table = pd.DataFrame(
        {
            "observed": observed,
            "simulated_mean": mean,
            "simulated_q95": q95,
            "retain": np.arange(p) < n_keep,
        },
        index=pd.RangeIndex(1, p + 1, name="factor"),
    )
    return table, n_keep


def _rotate(loadings: np.ndarray, rotation: str | None) -> tuple[np.ndarray, np.ndarray | None]:
    if rotation is None or loadings.shape[1] == 1:
        return loadings, None
    from factor_analyzer.rotator import Rotator

    rotator = Rotator(method=rotation, max_iter=1000)
    rotated = rotator.fit_transform(loadings)
    return rotated, rotator.phi_ if rotation in OBLIQUE else None


def _loadings_table(
    items: list[str], loadings: np.ndarray, phi: np.ndarray | None
) -> tuple[pd.DataFrame, pd.Series]:
    k = loadings.shape[1]
    names = [f"F{i}" for i in range(1, k + 1)]
    comm = np.sum(loadings * (loadings @ phi), axis=1) if phi is not None else (loadings**2).sum(1)
    table = pd.DataFrame(loadings, index=pd.Index(items, name="item"), columns=names)
    absl = np.abs(loadings)
    table["communality"] = comm
    table["primary"] = [names[j] for j in absl.argmax(axis=1)]
    table["cross_loading"] = (absl >= CROSS_LOADING).sum(axis=1) > 1
    table["weak_primary"] = absl.max(axis=1) < WEAK_PRIMARY
    return table, pd.Series(comm, index=table.index, name="communality")


def fit_efa(
    data: pd.DataFrame,
    n_factors: int | None,
    rotation: str | None,
    method: str,
    *,
    parallel_kind: str = "fa",
    n_iter: int = 100,
    seed: int | None = 0,
) -> EFA:
    """The work behind :func:`cxlab.psychometrics.efa` (already checked *data*).

    Examples
    --------
    >>> import cxlab as cx
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> from cxlab.psychometrics.efa import fit_efa
    >>> res = fit_efa(hs[[f"x{i}" for i in range(1, 10)]], 3, "oblimin", "minres", n_iter=20)
    >>> res.variance["cumulative"].round(3).tolist()  # In R: psych::fa(..., nfactors = 3)
    [0.249, 0.398, 0.54]
    """
    from factor_analyzer.factor_analyzer import calculate_bartlett_sphericity, calculate_kmo

    if method != "minres":
        raise DataError(f"method must be 'minres' (psych's default), not {method!r}.")
    if rotation in ("none", "None"):
        rotation = None
    if rotation is not None and rotation not in ROTATIONS:
        raise DataError(f"Unknown rotation {rotation!r}; use one of {', '.join(ROTATIONS)}.")
    x = data.to_numpy(dtype=float)
    n, p = x.shape
    items = [str(c) for c in data.columns]
    corr = np.corrcoef(x, rowvar=False)
    if np.linalg.matrix_rank(corr) < p:
        raise DataError(
            "The items' correlation matrix is singular: some item is a linear combination "
            "of others (e.g. a total score next to its items, or duplicated columns)."
        )
    kmo_items, kmo = calculate_kmo(x)
    chisq, pval = calculate_bartlett_sphericity(x)
    if n_factors is not None and (not isinstance(n_factors, int | np.integer) or n_factors < 1):
        raise DataError(f"n_factors must be a whole number from 1 to {p - 1}, not {n_factors!r}.")
    if n_factors is not None and n_factors >= p:
        raise DataError(f"n_factors must be a whole number from 1 to {p - 1}, not {n_factors!r}.")
    if seed is None:
        raise DataError(
            "The parallel analysis simulates data at random: pass seed= (an integer; cxlab "
            "0.1 used seed=0)."
        )
    notes = []
    with one_blas_thread():  # many tiny problems: BLAS threads only add overhead
        table, suggested = parallel_analysis(x, kind=parallel_kind, n_iter=n_iter, seed=seed)
    if n_factors is None:
        n_factors = suggested
        notes.append(
            f"Parallel analysis ({parallel_kind}, {n_iter} simulated data sets) suggests "
            f"{suggested} factor(s)."
        )
        if n_factors < 1:
            n_factors = 1
            notes.append("No observed eigenvalue beats chance; one factor is shown anyway.")
    if not isinstance(n_factors, int | np.integer) or not 1 <= n_factors < p:
        raise DataError(f"n_factors must be a whole number from 1 to {p - 1}, not {n_factors!r}.")
    dof = ((p - n_factors) ** 2 - (p + n_factors)) / 2
    if dof < 0:
        notes.append(f"{n_factors} factors for {p} items leave negative degrees of freedom.")
    unrotated, _, converged = minres(corr, int(n_factors))
    if not converged:
        raise EstimationError(
            f"The minres extraction of {n_factors} factors did not converge; try fewer factors."
        )
    loadings, phi = _rotate(unrotated, rotation)
    signs = np.where(loadings.sum(axis=0) < 0, -1.0, 1.0)
    loadings = loadings * signs
    if phi is not None:
        phi = phi * np.outer(signs, signs)
    ss = np.diag(phi @ loadings.T @ loadings) if phi is not None else (loadings**2).sum(0)
    order = np.argsort(-ss, kind="stable")
    loadings, ss = loadings[:, order], ss[order]
    if phi is not None:
        phi = phi[np.ix_(order, order)]
    lt, comm = _loadings_table(items, loadings, phi)
    if (comm > 1).any():
        notes.append(
            "Heywood case: communality above 1 for " + ", ".join(comm.index[comm > 1]) + "."
        )
    names = list(lt.columns[:n_factors])
    variance = pd.DataFrame(
        {"ss_loadings": ss, "proportion": ss / p, "cumulative": np.cumsum(ss) / p},
        index=pd.Index(names, name="factor"),
    )
    return EFA(
        n_factors=int(n_factors),
        method=method,
        rotation=rotation,
        n=n,
        kmo=float(kmo),
        kmo_items=pd.Series(kmo_items, index=items, name="kmo"),
        bartlett={"chisq": float(chisq), "df": p * (p - 1) / 2, "p_value": float(pval)},
        parallel=table,
        loadings=lt,
        communalities=comm,
        factor_cor=None if phi is None else pd.DataFrame(phi, index=names, columns=names),
        variance=variance,
        notes=notes,
    )


def efa(
    data: pd.DataFrame,
    n_factors: int | None = None,
    rotation: str | None = "oblimin",
    method: str = "minres",
    *,
    parallel_kind: str = "fa",
    n_iter: int = 100,
    seed: int | None = None,
) -> EFA:
    """Exploratory factor analysis of every column of *data* (minres, rotated).

    Reports the sampling adequacy (KMO overall and per item; below .60 is poor), Bartlett's
    test of sphericity (χ² = −(n − 1 − (2p + 5)/6)·ln|R|, df = p(p − 1)/2), Horn's parallel
    analysis, and the rotated solution.

    Parallel analysis simulates *n_iter* data sets of standard normal numbers of the same
    n × p (``numpy.random.default_rng(seed)``) and keeps the leading factors whose observed
    eigenvalue exceeds the mean simulated one. With ``parallel_kind="fa"`` (default, as
    ``psych::fa.parallel(fa = "fa")``) the eigenvalues are those of the *reduced*
    correlation matrix, whose diagonal holds the communalities of a one-factor minres
    solution; ``"pc"`` uses the eigenvalues of the correlation matrix itself (Horn 1965).
    The table ``.parallel`` also lists the simulated 95th percentile (Glorfeld 1995).

    Parameters
    ----------
    data : pandas.DataFrame
        Respondents × items (numeric); rows with a missing answer are dropped.
    n_factors : int, optional
        Number of factors; by default the one parallel analysis suggests.
    rotation : str or None
        "oblimin" (default; GPA as GPArotation), "quartimin", "geomin_obl", "promax",
        "varimax", "quartimax", "equamax", "oblimax", "geomin_ort", or None.
    method : str
        Extraction method; "minres" (``psych::fa`` default).
    parallel_kind, n_iter, seed
        Parallel-analysis settings (see above). *seed* is required (the parallel
        analysis simulates data); cxlab 0.1 used ``seed=0``, which gives the same numbers.

    Returns
    -------
    EFA
        ``.summary()``, ``.to_frame()`` (the loadings), ``.plot()`` (scree plot with the
        parallel analysis), ``.loadings`` (items × F1..Fk, then communality, primary factor,
        ``cross_loading`` = |loading| ≥ .30 on more than one factor, ``weak_primary`` =
        largest |loading| < .40), ``.flagged`` (those rows), ``.communalities``,
        ``.factor_cor`` (oblique rotations, else None), ``.variance`` (SS loadings,
        proportion, cumulative; for oblique rotations diag(ΦΛ'Λ) as psych), ``.kmo``,
        ``.kmo_items``, ``.bartlett``, ``.parallel``, ``.notes``. Factors are ordered by
        variance and signed so that their loadings sum to a positive number, as psych.

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab.psychometrics import efa
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> res = efa(hs[[f"x{i}" for i in range(1, 10)]], n_iter=20, seed=0)  # psych::fa.parallel
    >>> res.n_factors, round(res.kmo, 3)
    (3, 0.752)
    >>> res.loadings.loc[["x1", "x4", "x7"], ["F1", "F2", "F3"]].round(2)
            F1    F2    F3
    item
    x1    0.20  0.59  0.03
    x4    0.85  0.02  0.01
    x7    0.04 -0.15  0.74
    """
    data = as_frame(data)
    x = check_items(data, list(data.columns), min_rows=3)
    if x.shape[1] < 3:
        raise DataError(f"An EFA needs at least 3 items; data has {x.shape[1]}.")
    if x.shape[0] <= x.shape[1]:
        raise DataError(
            f"Only {x.shape[0]} complete rows for {x.shape[1]} items; an EFA needs more "
            "respondents than items (ideally 5–10 per item)."
        )
    return fit_efa(
        x, n_factors, rotation, method, parallel_kind=parallel_kind, n_iter=n_iter, seed=seed
    )
