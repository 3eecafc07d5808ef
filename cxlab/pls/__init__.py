"""PLS path modeling (偏最小二乘路径模型, PLS-PM): estimates, bootstrap, CSI index, IPMA.

``cx.pls.fit(model, data)`` takes lavaan-style syntax — ``C =~ x1 + x2`` for a mode A
("reflective") block, ``C <~ x1 + x2`` for mode B ("formative"), ``Y ~ X`` for paths
(labels as ``Y ~ b*X``; ``ind := a*b`` defines effects) — and returns a :class:`PLSFit`:
outer weights and loadings, cross-loadings, path coefficients with f² and VIF, R²,
construct scores, reliability (α, ρA, ρc, AVE), HTMT, direct / indirect / total effects,
a vectorised bootstrap, the 0–100 customer-satisfaction index (CSI) and the
importance-performance map (IPMA), and PLSpredict. The templates of :mod:`cxlab.models`
(``acsi()``, ``ecsi()``) fit as they are (``~~`` lines are skipped with a note).

Numbers match seminr 0.2.1 (PyPI; itself R seminr to 1e-5) — ``estimate_pls()`` with
``composite(..., weights = mode_A | mode_B)``, ``path_weighting`` / ``path_factorial`` —
to 1e-12 for weights, loadings and paths on the ECSI model of ``ecsi_mobile`` (see
tests/reference/seminr_ecsi.py and tests/test_pls.py), and ``bootstrap_model()`` and
``predict_pls()`` for the same seed.

Algorithm
---------
Wold's (1982) and Lohmöller's (1989) PLS-PM: indicators standardized (n − 1); starting
outer weights 1; inner weighting scheme ``"path"`` (default; regression weights on the
predecessors, correlations with the successors), ``"factorial"`` (correlations) or
``"centroid"`` (signs of the correlations; plspm's default, not in seminr); mode A weights
= covariances of the items with the inner estimate, mode B = multiple-regression weights;
each composite rescaled to unit variance; stop when the sum of absolute changes of the
outer weights is below ``tol = 1e-7`` (seminr's ``stop_criterion = 7``) or after
``max_iter = 300`` (plspm stops when Σ(|w_old| − |w_new|)² < 1e-6, which gives the same
estimates to about 1e-6). Paths are OLS on the standardized scores. No sign correction.

Decision: an own implementation, not seminr as the engine
---------------------------------------------------------
* Speed. The bootstrap is where PLS-PM spends its time. seminr refits the model draw by
  draw in Python (≈ 16 s for B = 1000 on the ECSI model here). PLS-PM needs only the
  items' correlation matrix, so cxlab runs the iteration on a stack of resampled
  correlation matrices at once with numpy (benchmarks/bench_pls.py: B = 1000 in about
  0.1 s, 50–70 × faster than seminr in the same run, with the same draws and SEs). The
  same engine fits the k training folds of PLSpredict at once.
* Control. Errors name the construct or item (cxlab.errors), missing data need an explicit
  strategy, convergence is checked — seminr raises generic ValueErrors.
* Dependencies and licence. seminr 0.2.1 is a young single-maintainer port under
  GPL-3.0-only; the algorithm is short and published, and the numbers are checked against
  seminr in the tests. seminr is only the reference generator (tests/reference/), never a
  runtime dependency. (plspm 0.5.7, the other Python option, fails under pandas 3.)

References
----------
Fornell, C., Johnson, M. D., Anderson, E. W., Cha, J., & Bryant, B. E. (1996). The
American Customer Satisfaction Index. *Journal of Marketing, 60*(4), 7–18.
Hair, J. F., Hult, G. T. M., Ringle, C. M., & Sarstedt, M. (2022). *A Primer on Partial
Least Squares Structural Equation Modeling* (3rd ed.). Sage.
Lohmöller, J.-B. (1989). *Latent Variable Path Modeling with Partial Least Squares*.
Physica.
Tenenhaus, M., Esposito Vinzi, V., Chatelin, Y.-M., & Lauro, C. (2005). PLS path modeling.
*Computational Statistics & Data Analysis, 48*(1), 159–205.

Examples
--------
>>> import cxlab as cx
>>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
>>> fit.paths[["from", "to", "est"]].head(3).round(3)  # In R: seminr::estimate_pls()
          from           to    est
0        Image  Expectation  0.505
1  Expectation      Quality  0.557
2  Expectation        Value  0.050
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from cxlab.errors import DataError, EstimationError
from cxlab.pls import _apply as _pls_apply
from cxlab.pls import _boot as _pls_boot
from cxlab.pls import _engine as en
from cxlab.pls import _spec as spec_
from cxlab.pls._apply import IPMA, PLSPredict
from cxlab.pls._boot import PLSBootstrap

if TYPE_CHECKING:
    from cxlab.survey import Survey

__all__ = ["IPMA", "PLSBootstrap", "PLSFit", "PLSPredict", "fit"]


class PLSFit:
    """A fitted PLS path model (see :func:`fit`).

    Attributes
    ----------
    weights, loadings : pandas.DataFrame
        One row per item: construct, item, (mode), weight / loading.
    cross_loadings : pandas.DataFrame
        Items × constructs (correlation of each item with each construct score), plus the
        item's own construct and whether it loads highest there.
    paths : pandas.DataFrame
        One row per path: from, to, label, est (standardized), f2, vif.
    r2 : pandas.DataFrame
        construct, r2, r2_adj of each endogenous construct.
    scores : pandas.DataFrame
        Standardized construct scores, one row per respondent used.
    iterations, converged, n, notes
        How the estimation went, on how many rows, and what was done to the data.
    """

    def __init__(self, model, spec, scheme, x, w, iterations, notes, scale, tol, max_iter):
        self.model = model
        self.scheme = scheme
        self.n = len(x)
        self.iterations = int(iterations)
        self.converged = True
        self.notes = list(notes)
        self._spec, self._x, self._weights = spec, x, w
        self._scale, self._tol, self._max_iter = scale, tol, max_iter
        self._layout = lay = en.Layout.of(spec)
        s = en.correlations(x.to_numpy())
        self._s = s[0]
        self._solution = sol = en.solve(s, w[None], lay)
        names, items = list(lay.constructs), list(lay.items)
        owner = [names[j] for j in lay.mask.argmax(axis=1)]
        rows = np.arange(len(items))
        own = lay.mask.argmax(axis=1)
        self.weights = pd.DataFrame(
            {
                "construct": owner,
                "item": items,
                "mode": [spec.modes[c] for c in owner],
                "weight": w[rows, own],
            }
        )
        self.loadings = pd.DataFrame(
            {"construct": owner, "item": items, "loading": sol.loadings[0][rows, own]}
        )
        cross = pd.DataFrame(sol.cross[0], index=pd.Index(items, name="item"), columns=names)
        cross["construct"] = owner
        cross["highest_on_own"] = [
            cross.loc[i, names].astype(float).idxmax() == c
            for i, c in zip(items, owner, strict=True)
        ]
        self.cross_loadings = cross
        z = (x - x.mean()) / x.std(ddof=1)
        self.scores = pd.DataFrame(z.to_numpy() @ w, index=x.index, columns=names)
        self.paths = self._path_table(sol.cor[0])
        endo = [names[j] for j in lay.endogenous]
        r2 = sol.r2[0, list(lay.endogenous)]
        k = np.array([len(lay.preds[j]) for j in lay.endogenous])
        self.r2 = pd.DataFrame(
            {"construct": endo, "r2": r2, "r2_adj": 1 - (1 - r2) * (self.n - 1) / (self.n - k - 1)}
        )

    def _path_table(self, r: np.ndarray) -> pd.DataFrame:
        lay, names = self._layout, list(self._layout.constructs)
        rows = []
        for a, b in self._spec.paths:
            i, j = names.index(a), names.index(b)
            preds = list(lay.preds[j])
            sub = r[np.ix_(preds, preds)]
            r2 = self._solution.r2[0, j]
            rest = [p for p in preds if p != i]
            r2_without = 0.0
            if rest:
                beta = np.linalg.solve(r[np.ix_(rest, rest)], r[rest, j])
                r2_without = float(beta @ r[rest, j])
            vif = float(np.linalg.inv(sub)[preds.index(i), preds.index(i)])
            rows.append(
                (
                    a,
                    b,
                    self._spec.labels.get((a, b), ""),
                    self._solution.paths[0, i, j],
                    (r2 - r2_without) / (1 - r2),
                    vif,
                )
            )
        return pd.DataFrame(rows, columns=["from", "to", "label", "est", "f2", "vif"])

    # -- quality of the measurement model ----------------------------------------------
    def reliability(self) -> pd.DataFrame:
        """Internal consistency and convergent validity of each construct.

        α is Cronbach's alpha of the standardized items (as seminr and SmartPLS); ρA is
        Dijkstra & Henseler's (2015) (w'w)²·w'(S − diag S)w / w'(ww' − diag ww')w with the
        outer weights w and the item correlations S; ρc = (Σλ)² / ((Σλ)² + Σ(1 − λ²)) and
        AVE = mean(λ²) with the outer loadings λ. Rules of thumb (Hair et al. 2022): α, ρA,
        ρc ≥ .70 (≤ .95); AVE ≥ .50. Mode B (formative) and single-item constructs have no
        internal consistency to assess: NaN with a note.

        # In R: seminr::summary(estimate_pls(...))$reliability

        Returns
        -------
        pandas.DataFrame
            construct, mode, n_items, alpha, rho_a, rho_c, ave, note.

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
        >>> fit.reliability().set_index("construct").loc["Satisfaction", ["rho_a", "ave"]].round(4)
        rho_a    0.7840
        ave      0.6935
        Name: Satisfaction, dtype: float64
        """
        return _pls_apply.reliability(self)

    def htmt(self, *, htmt2: bool = False) -> pd.DataFrame:
        """Heterotrait–monotrait ratios of the multi-item constructs.

        Computed by :func:`cxlab.psychometrics.htmt` on the items as fitted (after the
        missing-data strategy); values above .85–.90 say two constructs are not distinct.

        # In R: seminr::summary(fit)$validity$htmt ; semTools::htmt(htmt2 = FALSE)

        Parameters
        ----------
        htmt2 : bool
            Geometric instead of arithmetic means (HTMT2).

        Returns
        -------
        pandas.DataFrame
            Constructs × constructs.

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
        >>> print(f"{fit.htmt().loc['Quality', 'Satisfaction']:.3f}")
        0.954
        """
        from cxlab.psychometrics import htmt

        scales = {c: list(v) for c, v in self._spec.blocks.items() if len(v) > 1}
        return htmt(self._x, scales, htmt2=htmt2)

    # -- structural model ----------------------------------------------------------------
    def effects(self) -> pd.DataFrame:
        """Direct, indirect and total (standardized) effects between constructs.

        The total effects are B + B² + … of the path matrix B; indirect = total − direct.
        For intervals use :meth:`bootstrap` (``.effects()`` of its result).

        # In R: seminr::summary(fit)$total_effects, $total_indirect_effects

        Returns
        -------
        pandas.DataFrame
            from, to, effect ("direct", "indirect", "total"), est.

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
        >>> eff = fit.effects()
        >>> print(eff[(eff["from"] == "Quality") & (eff["to"] == "Loyalty")].round(3)
        ...       .to_string(index=False))
           from      to   effect   est
        Quality Loyalty indirect 0.315
        Quality Loyalty    total 0.315
        """
        names = self._layout.constructs
        b, t = self._solution.paths[0], self._solution.total[0]
        adj = self._layout.adjacency
        longer = adj @ en.total_effects(adj[None])[0]
        rows = []
        for i, a in enumerate(names):
            for j, c in enumerate(names):
                if adj[i, j]:
                    rows.append((a, c, "direct", b[i, j]))
                if longer[i, j]:
                    rows.append((a, c, "indirect", t[i, j] - b[i, j]))
                if adj[i, j] or longer[i, j]:
                    rows.append((a, c, "total", t[i, j]))
        return pd.DataFrame(rows, columns=["from", "to", "effect", "est"])

    def bootstrap(
        self,
        B: int = 5000,
        *,
        seed: int,
        n_jobs: int | None = -1,
        progress: bool = True,
        level: float = 0.95,
        scale: Any = None,
    ) -> PLSBootstrap:
        """Bootstrap SEs, t values and percentile CIs of every estimate.

        Resamples respondents B times (one seeded generator; the same seed gives the same
        draws as ``seminr.bootstrap_model(fit, nboot=B, seed=seed)`` and the same result on
        any number of cores) and re-estimates the model on all draws at once (see
        :mod:`cxlab.pls._boot`). Rows: paths, loadings, weights, indirect and total effects,
        defined effects (``:=``), HTMT and — when every weight is positive — the 0–100
        indices of :meth:`csi_index`.

        # In R: seminr::bootstrap_model(fit, nboot = B, seed = seed)

        Parameters
        ----------
        B : int
            Number of draws (5000 for a paper; 1000 to explore).
        seed : int
            Seed of the resampling.
        n_jobs : int, optional
            Threads (-1: all cores).
        progress : bool
            Show a progress bar.
        level : float
            Confidence level of the percentile intervals.
        scale : optional
            Item scales for the index rows, as in :meth:`csi_index`.

        Returns
        -------
        PLSBootstrap
            ``.table`` (all rows), ``.paths()``, ``.loadings()``, ``.weights()``,
            ``.effects()``, ``.report()``.

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
        >>> boot = fit.bootstrap(B=200, seed=123, n_jobs=1, progress=False)
        >>> boot.paths().iloc[-1][["from", "to", "est", "boot_se"]].tolist()[:2]
        ['Satisfaction', 'Loyalty']
        """
        index = None
        if (self._weights[self._layout.mask > 0] > 0).all():
            given = self._scale if scale is None else scale
            lo, hi, _ = _pls_apply.scale_bounds(self._x, given, warn=False)
            index = (lo, hi)
        return _pls_boot.bootstrap(self, B, seed, n_jobs, progress, level, index)

    # -- what managers read --------------------------------------------------------------
    def csi_index(
        self,
        *,
        scale: Any = None,
        constructs: list[str] | None = None,
        respondents: bool = False,
    ) -> pd.DataFrame:
        """Customer-satisfaction-index scores on 0–100, the ACSI / ECSI way.

        Each item is rescaled to 0–100 with its scale's minimum and maximum, and a
        construct's index is the weighted mean of its rescaled items, with the
        unstandardized outer weights rescaled to sum to 1 (Fornell et al. 1996). A
        negative weight raises :class:`~cxlab.errors.ModelSpecError` naming the item: the
        index would no longer be a weighted mean of its items.

        Parameters
        ----------
        scale : (min, max), dict, codebook DataFrame, optional
            Item scales: one (min, max) for all items, ``{item: (min, max)}``, or a
            codebook with name, scale_min, scale_max (``cx.datasets.codebook(...)``).
            Default: the ``scale`` given to :func:`fit` (or a Survey's codebook), else the
            observed minimum and maximum of each item.
        constructs : list of str, optional
            Only these constructs.
        respondents : bool
            Return every respondent's index (respondents × constructs) instead.

        Returns
        -------
        pandas.DataFrame
            construct, index, sd (across respondents), n_items.

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
        >>> csi = fit.csi_index(scale=(1, 10)).set_index("construct")
        >>> print(f"{csi.loc['Satisfaction', 'index']:.1f}")
        72.6
        """
        return _pls_apply.csi_index(self, scale, constructs, respondents)

    def ipma(self, target: str, *, scale: Any = None) -> IPMA:
        """Importance-performance map analysis of *target* (Ringle & Sarstedt 2016).

        Importance of a construct = its unstandardized total effect on the target (index
        points gained on the target per index point gained on the construct); performance
        = its mean 0–100 index (:meth:`csi_index`). Items likewise, with importance =
        rescaled weight × importance of their construct. Act first on high importance and
        low performance ("concentrate here").

        Parameters
        ----------
        target : str
            An endogenous construct, e.g. ``"Loyalty"``.
        scale : optional
            Item scales, as in :meth:`csi_index`.

        Returns
        -------
        IPMA
            ``.constructs``, ``.indicators`` and ``.plot()``.

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
        >>> m = fit.ipma("Satisfaction", scale=(1, 10))
        >>> m.constructs.sort_values("importance").iloc[-1]["construct"]
        'Quality'
        """
        return _pls_apply.ipma(self, target, scale)

    def predict(self, k: int = 10, *, seed: int) -> PLSPredict:
        """PLSpredict: k-fold out-of-sample prediction of the endogenous items.

        Q²_predict > 0 means the model predicts better than the training mean; RMSE and
        MAE are compared with a linear-model benchmark (each item regressed on the items
        of its construct's antecedents). See :mod:`cxlab.pls._apply`.

        # In R: seminr::predict_pls(fit, technique = predict_DA, noFolds = k)

        Parameters
        ----------
        k : int
            Number of folds.
        seed : int
            Seed of the fold assignment.

        Returns
        -------
        PLSPredict
            ``.table`` per item and ``.verdict()``.

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
        >>> pred = fit.predict(k=10, seed=2026)
        >>> bool((pred.table["q2_predict"] > 0).all())
        True
        """
        return _pls_apply.predict(self, k, seed)

    # -- reporting -----------------------------------------------------------------------
    def to_frame(self) -> pd.DataFrame:
        """All estimates in one tidy frame: kind (path, loading, weight), from, to, est.

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
        >>> fit.to_frame()["kind"].value_counts().to_dict()
        {'loading': 23, 'weight': 23, 'path': 10}
        """
        parts = [
            self.paths.assign(kind="path")[["kind", "from", "to", "est"]],
            self.loadings.set_axis(["from", "to", "est"], axis=1).assign(kind="loading"),
            self.weights.drop(columns="mode")
            .set_axis(["from", "to", "est"], axis=1)
            .assign(kind="weight"),
        ]
        return pd.concat([p[["kind", "from", "to", "est"]] for p in parts], ignore_index=True)

    def summary(self) -> str:
        """A plain-text report: paths with f², R², reliability and notes.

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
        >>> print(fit.summary().splitlines()[0])
        PLS path model: path scheme, N = 250, 6 constructs, converged in 6 iterations
        """
        rel = self.reliability().drop(columns=["mode", "note"])
        parts = [
            self._title(),
            "",
            "Paths (standardized)",
            self.paths.round(3).to_string(index=False),
            "",
            "R²",
            self.r2.round(3).to_string(index=False),
            "",
            "Reliability and convergent validity",
            rel.round(3).to_string(index=False),
        ]
        if self.notes:
            parts += ["", "Notes", *(f"- {n}" for n in self.notes)]
        return "\n".join(parts)

    def _title(self) -> str:
        return (
            f"PLS path model: {self.scheme} scheme, N = {self.n}, "
            f"{len(self._layout.constructs)} constructs, converged in {self.iterations} "
            "iterations"
        )

    def _repr_html_(self) -> str:
        notes = "".join(f"<li>{n}</li>" for n in self.notes)
        return (
            f"<p><b>{self._title()}</b></p>"
            + self.paths.round(3).to_html(index=False)
            + self.r2.round(3).to_html(index=False)
            + (f"<ul>{notes}</ul>" if notes else "")
        )

    def __repr__(self) -> str:
        return f"PLSFit({self._title()[16:]})"


def fit(
    model: str,
    data: pd.DataFrame | Survey,
    scheme: str = "path",
    *,
    missing: str | None = None,
    scale: Any = None,
    tol: float = 1e-7,
    max_iter: int = 300,
) -> PLSFit:
    """Fit a PLS path model (Lohmöller / Wold algorithm; see the module docstring).

    # In R: seminr::estimate_pls(data, measurement_model, structural_model,
    #                            inner_weights = path_weighting)

    Parameters
    ----------
    model : str
        lavaan-style syntax: ``=~`` mode A (reflective), ``<~`` mode B (formative), ``~``
        paths between constructs (single items need their own construct, ``C =~ x``),
        labels (``Y ~ b*X``) and ``:=`` effects from labels.
    data : pandas.DataFrame or cxlab.survey.Survey
        One row per respondent; a Survey also supplies its codebook's item scales.
    scheme : {"path", "factorial", "centroid"}
        Inner weighting scheme.
    missing : {"mean", "listwise"}, optional
        What to do with missing answers; required when there are any (a
        :class:`~cxlab.errors.DataError` lists them otherwise).
    scale : optional
        Item scales for :meth:`PLSFit.csi_index` and :meth:`PLSFit.ipma`: (min, max),
        ``{item: (min, max)}`` or a codebook DataFrame.
    tol, max_iter : float, int
        Convergence tolerance (sum of absolute changes of the weights) and iteration limit.

    Returns
    -------
    PLSFit

    Raises
    ------
    cxlab.errors.ModelSpecError
        A construct without indicators, a path to an undeclared construct, a cycle, an
        unknown item.
    cxlab.errors.DataError
        Missing values without a strategy, a constant, non-numeric or infinite item, an
        exactly collinear mode-B block.
    cxlab.errors.EstimationError
        The iteration did not converge.

    Examples
    --------
    >>> import cxlab as cx
    >>> ecsi = cx.datasets.load("ecsi_mobile")
    >>> model = '''
    ... Quality      =~ PERQ1 + PERQ2 + PERQ3 + PERQ4 + PERQ5 + PERQ6 + PERQ7
    ... Value        <~ PERV1 + PERV2
    ... Satisfaction =~ CUSA1 + CUSA2 + CUSA3
    ... Value        ~ Quality
    ... Satisfaction ~ Quality + Value
    ... '''
    >>> fit = cx.pls.fit(model, ecsi)
    >>> fit.r2.round(3)
          construct     r2  r2_adj
    0         Value  0.361   0.358
    1  Satisfaction  0.665   0.663
    """
    if scheme not in en.SCHEMES:
        raise DataError(f"scheme must be one of {', '.join(en.SCHEMES)}, not {scheme!r}.")
    book = None
    if hasattr(data, "codebook") and hasattr(data, "data"):  # a cxlab Survey
        book, data = data.codebook, data.data
    if not isinstance(data, pd.DataFrame):
        raise DataError(f"data must be a pandas DataFrame, not {type(data).__name__}.")
    spec = spec_.parse(model, list(data.columns))
    if scale is None and book is not None and {"scale_min", "scale_max"} <= set(book):
        known = set(book.dropna(subset=["scale_min", "scale_max"])["name"])
        scale = book if known >= set(spec.items) else None
    x, notes = spec_.prepare(data, spec.items, missing)
    spec_.check_formative(x, spec)
    lay = en.Layout.of(spec)
    w, iterations, converged = en.estimate(
        en.correlations(x.to_numpy()), lay, scheme, tol, max_iter
    )
    if not converged[0]:
        raise EstimationError(
            f"The PLS iteration did not converge in {max_iter} iterations (scheme={scheme!r})."
            " Try scheme='path' or 'factorial', a larger max_iter, or check mode-B blocks for "
            "items that are (nearly) collinear."
        )
    return PLSFit(
        model, spec, scheme, x, w[0], iterations[0], [*spec.notes, *notes], scale, tol, max_iter
    )
