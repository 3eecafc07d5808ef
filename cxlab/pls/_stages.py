"""The estimation stages of moderated, higher-order and consistent PLS models (private).

:func:`run` takes a stack of data sets (b × n × items: the sample itself, or b bootstrap
resamples of its rows) and a :class:`cxlab.pls._design.Compiled` model, and for every
data set at once, as seminr's ``estimate_pls()`` does for one:

1. two-stage higher-order approach (seminr's ``higher_composite``; Sarstedt et al. 2019):
   the first stage, with each higher-order construct replaced by its dimensions, is
   estimated; the dimensions' standardized scores become the items of the higher-order
   construct. Repeated indicators: the higher-order construct's items are copies of its
   dimensions' items (Becker, Klein & Wetzels 2012);
2. interaction terms (seminr's ``interaction_term``; Henseler & Chin 2010):
   ``two_stage`` — the main-effects model (without the interaction terms) is estimated and
   the product of the two constructs' standardized scores is the interaction's single item;
   ``product_indicator`` — every product of a standardized item of A with one of B;
   ``orthogonal`` — those products, each replaced by its residual from an OLS regression
   (with intercept) on all items of A and B;
3. the final model is estimated (:mod:`cxlab.pls._engine`) and, with ``consistent=True``,
   corrected by PLSc (:mod:`cxlab.pls._consistent`).

Data sets in which an item is constant, or a stage does not converge, come back flagged.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cxlab.pls import _consistent as plsc
from cxlab.pls import _engine as en
from cxlab.pls._design import Compiled


@dataclass
class Stages:
    """What :func:`run` computed for a stack of b data sets.

    ``columns`` maps every column name (items, generated columns) to its b × n values;
    ``x`` (b × n × p) holds the final model's items, ``weights``, ``iterations`` and
    ``solution`` its estimates (PLSc-corrected when asked), ``rho_a`` the ρA of each
    construct (b × J; ones without PLSc), ``factors`` the rescaling of each interaction's
    score (b × interactions; :func:`rescale_interactions`); ``hoc`` / ``main`` the
    weights, solution and iterations of the first stage of the higher-order model and of
    the interactions' main-effects model (None when not used); ``ok`` says which data
    sets gave a solution, ``failed_stage`` where the first failure happened.
    """

    columns: dict[str, np.ndarray]
    x: np.ndarray
    weights: np.ndarray
    iterations: np.ndarray
    solution: en.Solution
    rho_a: np.ndarray
    factors: np.ndarray
    hoc: tuple[np.ndarray, en.Solution, np.ndarray] | None
    main: tuple[np.ndarray, en.Solution, np.ndarray] | None
    ok: np.ndarray
    failed_stage: str = ""


def standardize(x: np.ndarray) -> np.ndarray:
    """Columns of each data set (b × n × p) centred and scaled to SD 1 (n − 1).

    Examples
    --------
    >>> z = standardize(np.array([[[1.0], [2.0], [3.0]]]))
    >>> z[0, :, 0].tolist()
    [-1.0, 0.0, 1.0]
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        return (x - x.mean(axis=1, keepdims=True)) / x.std(axis=1, ddof=1, keepdims=True)


def _fit(x: np.ndarray, lay: en.Layout, scheme: str, tol: float, max_iter: int):
    z = standardize(x)
    s = np.einsum("bnp,bnq->bpq", z, z) / (x.shape[1] - 1)
    finite = np.isfinite(s).all(axis=(1, 2))
    s_safe = np.where(finite[:, None, None], s, np.eye(s.shape[1]))
    with np.errstate(divide="ignore", invalid="ignore"):
        w, iterations, converged = en.estimate(s_safe, lay, scheme, tol, max_iter)
    return z, s_safe, w, iterations, converged & finite


def _stack(columns: dict[str, np.ndarray], names) -> np.ndarray:
    return np.stack([columns[c] for c in names], axis=-1)


def rescale_interactions(
    sol: en.Solution, columns: dict[str, np.ndarray], compiled: Compiled, lay: en.Layout
) -> tuple[en.Solution, np.ndarray]:
    """The solution with each interaction's score rescaled, and the factors (b ×
    interactions). Each score is rescaled as seminr does (Henseler & Chin
    2010): multiplied by Σ sd(item)·|λ| / Σ|λ| over its generated items (sd of the
    generated column, λ its loading on the unit-variance score). Its path is then the OLS
    coefficient of that rescaled score (the standardized one divided by the factor), its
    loadings and cross-loadings are multiplied by the factor; correlations and R² stay.

    Examples
    --------
    >>> import cxlab as cx
    >>> fit = cx.pls.fit('''Image =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
    ... Expectation =~ CUEX1 + CUEX2 + CUEX3
    ... Satisfaction =~ CUSA1 + CUSA2 + CUSA3
    ... Satisfaction ~ Image + Expectation + Image:Expectation''', cx.datasets.load("ecsi_mobile"))
    >>> print(f"{fit.interaction_scale_['Image:Expectation']:.3f}")  # sd of the score product
    1.255
    """
    paths, loadings, cross = sol.paths.copy(), sol.loadings.copy(), sol.cross.copy()
    factors = []
    for g in compiled.generated:
        j = compiled.final.constructs.index(g.name)
        sl = lay.slices[j]
        sd = np.stack([columns[c].std(axis=1, ddof=1) for c in g.columns], axis=1)
        lam = np.abs(sol.loadings[:, sl, j])
        factor = (sd * lam).sum(axis=1) / lam.sum(axis=1)
        paths[:, j, :] /= factor[:, None]
        loadings[:, :, j] *= factor[:, None]
        cross[:, :, j] *= factor[:, None]
        factors.append(factor)
    total = en.total_effects(paths)
    solution = en.Solution(sol.weights, loadings, cross, sol.cor, paths, sol.r2, total)
    return solution, np.stack(factors, axis=1)


def run(
    compiled: Compiled,
    x: np.ndarray,
    scheme: str,
    tol: float,
    max_iter: int,
    consistent: bool,
) -> Stages:
    """Estimate every stage on each data set of *x* (b × n × raw items, in the order of
    ``compiled.raw_items``); see the module docstring.

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab.pls._design import compile_design, read
    >>> data = cx.datasets.load("ecsi_mobile")
    >>> d = read('''Image =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
    ... Expectation =~ CUEX1 + CUEX2 + CUEX3
    ... Value =~ PERV1 + PERV2
    ... Satisfaction =~ CUSA1 + CUSA2 + CUSA3
    ... Loyalty =~ CUSL1 + CUSL2 + CUSL3
    ... Satisfaction ~ Image + Expectation + Value + Image:Expectation
    ... Loyalty ~ Satisfaction''')
    >>> c = compile_design(d, data.columns, "two_stage", "two_stage")
    >>> st = run(c, data[list(c.raw_items)].to_numpy()[None], "path", 1e-7, 300, False)
    >>> j = c.final.constructs.index("_cx_int1")
    >>> round(float(st.solution.paths[0, j, c.final.constructs.index("Satisfaction")]), 4)
    -0.043
    """
    b = x.shape[0]
    columns = {c: x[:, :, k] for k, c in enumerate(compiled.raw_items)}
    ok = np.ones(b, dtype=bool)
    failed = ""
    hoc = main = None
    if compiled.hoc_stage is not None:
        spec = compiled.hoc_stage
        lay = en.Layout.of(spec)
        z, s, w, its, conv = _fit(_stack(columns, spec.items), lay, scheme, tol, max_iter)
        ok &= conv
        failed = failed or ("the first stage of the higher-order model" if not conv.all() else "")
        w = np.where(np.isfinite(w), w, 0.0)
        hoc = (w, en.solve(s, w, lay), its)
        scores = z @ w
        for d in compiled.dimensions:
            columns[d] = scores[:, :, lay.constructs.index(d)]
    for copy, item in compiled.copies.items():
        columns[copy] = columns[item]
    if compiled.generated:
        blocks = (compiled.main or compiled.final).blocks
        if compiled.interaction == "two_stage":
            spec = compiled.main
            assert spec is not None
            lay = en.Layout.of(spec)
            z, s, w, its, conv = _fit(_stack(columns, spec.items), lay, scheme, tol, max_iter)
            ok &= conv
            failed = failed or ("the main-effects model" if not conv.all() else "")
            w = np.where(np.isfinite(w), w, 0.0)
            main = (w, en.solve(s, w, lay), its)
            scores = standardize(z @ w)
            for g in compiled.generated:
                a, m = lay.constructs.index(g.iv), lay.constructs.index(g.moderator)
                columns[g.columns[0]] = scores[:, :, a] * scores[:, :, m]
        else:
            for g in compiled.generated:
                za = standardize(_stack(columns, blocks[g.iv]))
                zb = standardize(_stack(columns, blocks[g.moderator]))
                prod = (za[:, :, :, None] * zb[:, :, None, :]).reshape(b, x.shape[1], -1)
                if compiled.interaction == "orthogonal":
                    raw = _stack(columns, [*blocks[g.iv], *blocks[g.moderator]])
                    design = np.concatenate([np.ones((*raw.shape[:2], 1)), raw], axis=2)
                    dtd = np.swapaxes(design, 1, 2) @ design
                    with np.errstate(invalid="ignore"):
                        try:
                            beta = np.linalg.solve(dtd, np.swapaxes(design, 1, 2) @ prod)
                        except np.linalg.LinAlgError:
                            beta = np.stack(
                                [
                                    np.linalg.lstsq(d_, p_, rcond=None)[0]
                                    for d_, p_ in zip(design, prod, strict=True)
                                ]
                            )
                    prod = prod - design @ beta
                for k, col in enumerate(g.columns):
                    columns[col] = prod[:, :, k]
    spec = compiled.final
    lay = en.Layout.of(spec)
    xf = _stack(columns, spec.items)
    z, s, w, iterations, conv = _fit(xf, lay, scheme, tol, max_iter)
    ok &= conv
    failed = failed or ("the model" if not conv.all() else "")
    w = np.where(np.isfinite(w), w, 0.0)
    sol = en.solve(s, w, lay)
    rho = np.ones((b, len(lay.constructs)))
    factors = np.ones((b, len(compiled.generated)))
    if compiled.generated:  # before PLSc, which recomputes the paths (as seminr)
        sol, factors = rescale_interactions(sol, columns, compiled, lay)
    if consistent:
        reflective = plsc.reflective(spec, {g.name for g in compiled.generated})
        sol, rho = plsc.correct(s, sol, lay, reflective)
        good = np.isfinite(sol.paths).all(axis=(1, 2)) & np.isfinite(sol.loadings).all(axis=(1, 2))
        ok &= good
        failed = failed or ("the PLSc correction (ρA ≤ 0)" if not good.all() else "")
    return Stages(columns, xf, w, iterations, sol, rho, factors, hoc, main, ok, failed)
