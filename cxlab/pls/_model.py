"""The fitted PLS path model, :class:`PLSFit`, and :func:`fit` (private; the face is
:mod:`cxlab.pls`)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from cxlab._conventions import as_frame, deprecated, renamed_columns
from cxlab.errors import DataError, EstimationError
from cxlab.pls import _apply as _pls_apply
from cxlab.pls import _boot as _pls_boot
from cxlab.pls import _engine as en
from cxlab.pls import _spec as spec_
from cxlab.pls._apply import IPMA, PLSPredict
from cxlab.pls._boot import PLSBootstrap

if TYPE_CHECKING:
    from distributed import Client
    from matplotlib.axes import Axes

    from cxlab.survey import Survey
    from cxlab.viz import Lang

__all__ = ["PATH_OLD", "PLSFit", "fit"]

#: old column names of the PLS tables (cxlab <= 0.1) and their names now
PATH_OLD = {"from": "rhs", "to": "lhs"}
LOADING_OLD = {"construct": "lhs", "item": "rhs", "loading": "est"}
WEIGHT_OLD = {"construct": "lhs", "item": "rhs", "weight": "est"}


class PLSFit:
    """A fitted PLS path model (see :func:`fit`).

    Fitted values are public attributes (scikit-learn style, trailing underscore); the
    tables use cxlab's column vocabulary: ``lhs/op/rhs`` and ``est``.

    Attributes
    ----------
    paths_ : pandas.DataFrame
        One row per path: lhs (outcome), op ``"~"``, rhs (predictor), label, est
        (standardized), f2, vif.
    loadings_ : pandas.DataFrame
        One row per item: lhs (construct), op ``"=~"``, rhs (item), est (outer loading).
    weights_ : pandas.DataFrame
        One row per item: lhs (construct), op ``"<~"``, rhs (item), mode (A or B), est
        (outer weight).
    cross_loadings_ : pandas.DataFrame
        Items × constructs (correlation of each item with each construct score), plus the
        item's own construct and whether it loads highest there.
    r2_ : pandas.DataFrame
        construct, r2, r2_adj of each endogenous construct.
    scores_ : pandas.DataFrame
        Standardized construct scores, one row per respondent used.
    data_ : pandas.DataFrame
        The items as fitted (after the missing-data strategy).
    weight_matrix_ : numpy.ndarray
        Items × constructs outer weights (zero off the item's own construct).
    item_cor_ : numpy.ndarray
        Correlation matrix of the items.
    spec_, layout_, solution_
        The parsed model, its array layout and the full solution (paths matrix, loadings,
        cross-loadings, score correlations, R², total effects).
    scale, tol, max_iter
        The settings given to :func:`fit`.
    iterations, converged, n, notes
        How the estimation went, on how many rows, and what was done to the data.

    ``paths``, ``loadings``, ``weights``, ``r2``, ``scores`` and ``cross_loadings`` (the
    names of cxlab 0.1, with their old columns) still work for one release, with a
    DeprecationWarning.
    """

    def __init__(self, model, spec, scheme, x, w, iterations, notes, scale, tol, max_iter):
        self.model = model
        self.scheme = scheme
        self.n = len(x)
        self.iterations = int(iterations)
        self.converged = True
        self.notes = list(notes)
        self.spec_, self.data_, self.weight_matrix_ = spec, x, w
        self.scale, self.tol, self.max_iter = scale, tol, max_iter
        self.layout_ = lay = en.Layout.of(spec)
        s = en.correlations(x.to_numpy())
        self.item_cor_ = s[0]
        self.solution_ = sol = en.solve(s, w[None], lay)
        names, items = list(lay.constructs), list(lay.items)
        owner = [names[j] for j in lay.mask.argmax(axis=1)]
        rows = np.arange(len(items))
        own = lay.mask.argmax(axis=1)
        self.weights_ = renamed_columns(
            pd.DataFrame(
                {
                    "lhs": owner,
                    "op": "<~",
                    "rhs": items,
                    "mode": [spec.modes[c] for c in owner],
                    "est": w[rows, own],
                }
            ),
            WEIGHT_OLD,
        )
        self.loadings_ = renamed_columns(
            pd.DataFrame(
                {"lhs": owner, "op": "=~", "rhs": items, "est": sol.loadings[0][rows, own]}
            ),
            LOADING_OLD,
        )
        cross = pd.DataFrame(sol.cross[0], index=pd.Index(items, name="item"), columns=names)
        cross["construct"] = owner
        cross["highest_on_own"] = [
            cross.loc[i, names].astype(float).idxmax() == c
            for i, c in zip(items, owner, strict=True)
        ]
        self.cross_loadings_ = cross
        z = (x - x.mean()) / x.std(ddof=1)
        self.scores_ = pd.DataFrame(z.to_numpy() @ w, index=x.index, columns=names)
        self.paths_ = renamed_columns(self._path_table(sol.cor[0]), PATH_OLD)
        endo = [names[j] for j in lay.endogenous]
        r2 = sol.r2[0, list(lay.endogenous)]
        k = np.array([len(lay.preds[j]) for j in lay.endogenous])
        self.r2_ = pd.DataFrame(
            {"construct": endo, "r2": r2, "r2_adj": 1 - (1 - r2) * (self.n - 1) / (self.n - k - 1)}
        )

    # -- the names of cxlab 0.1 (one release, with a DeprecationWarning) ---------------
    @property
    def paths(self) -> pd.DataFrame:
        """Deprecated: :attr:`paths_` (old columns from, to, label, est, f2, vif)."""
        deprecated("PLSFit.paths", "PLSFit.paths_ (columns lhs, op, rhs)")
        old = pd.DataFrame(self.paths_).rename(columns={"rhs": "from", "lhs": "to"})
        return old[["from", "to", "label", "est", "f2", "vif"]]

    @property
    def loadings(self) -> pd.DataFrame:
        """Deprecated: :attr:`loadings_` (old columns construct, item, loading)."""
        deprecated("PLSFit.loadings", "PLSFit.loadings_ (columns lhs, op, rhs, est)")
        old = pd.DataFrame(self.loadings_).rename(columns={"lhs": "construct", "rhs": "item"})
        return old[["construct", "item", "est"]].rename(columns={"est": "loading"})

    @property
    def weights(self) -> pd.DataFrame:
        """Deprecated: :attr:`weights_` (old columns construct, item, mode, weight)."""
        deprecated("PLSFit.weights", "PLSFit.weights_ (columns lhs, op, rhs, mode, est)")
        old = pd.DataFrame(self.weights_).rename(
            columns={"lhs": "construct", "rhs": "item", "est": "weight"}
        )
        return old[["construct", "item", "mode", "weight"]]

    @property
    def r2(self) -> pd.DataFrame:
        """Deprecated: :attr:`r2_`."""
        deprecated("PLSFit.r2", "PLSFit.r2_")
        return self.r2_

    @property
    def scores(self) -> pd.DataFrame:
        """Deprecated: :attr:`scores_`."""
        deprecated("PLSFit.scores", "PLSFit.scores_")
        return self.scores_

    @property
    def cross_loadings(self) -> pd.DataFrame:
        """Deprecated: :attr:`cross_loadings_`."""
        deprecated("PLSFit.cross_loadings", "PLSFit.cross_loadings_")
        return self.cross_loadings_

    def _path_table(self, r: np.ndarray) -> pd.DataFrame:
        lay, names = self.layout_, list(self.layout_.constructs)
        rows = []
        for a, b in self.spec_.paths:
            i, j = names.index(a), names.index(b)
            preds = list(lay.preds[j])
            sub = r[np.ix_(preds, preds)]
            r2 = self.solution_.r2[0, j]
            rest = [p for p in preds if p != i]
            r2_without = 0.0
            if rest:
                beta = np.linalg.solve(r[np.ix_(rest, rest)], r[rest, j])
                r2_without = float(beta @ r[rest, j])
            vif = float(np.linalg.inv(sub)[preds.index(i), preds.index(i)])
            rows.append(
                (
                    b,
                    "~",
                    a,
                    self.spec_.labels.get((a, b), ""),
                    self.solution_.paths[0, i, j],
                    (r2 - r2_without) / (1 - r2),
                    vif,
                )
            )
        return pd.DataFrame(rows, columns=["lhs", "op", "rhs", "label", "est", "f2", "vif"])

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

        scales = {c: list(v) for c, v in self.spec_.blocks.items() if len(v) > 1}
        return htmt(self.data_, scales, htmt2=htmt2)

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
        return _pls_apply.effects(self)

    def bootstrap(
        self,
        B: int = 5000,
        *,
        seed: int | None = None,
        n_jobs: int | None = -1,
        progress: bool = True,
        level: float = 0.95,
        scale: Any = None,
        client: Client | str | None = None,
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
            Seed of the resampling (required: without one a
            :class:`~cxlab.errors.DataError` asks for ``seed=``).
        n_jobs : int, optional
            Threads (-1: all cores).
        progress : bool
            Show a progress bar.
        level : float
            Confidence level of the percentile intervals.
        scale : optional
            Item scales for the index rows, as in :meth:`csi_index`.
        client : distributed.Client or str, optional
            Run the draws on this Dask cluster (a client or the scheduler's address,
            ``"tcp://10.0.0.5:8786"``); the same seed gives the same result.

        Returns
        -------
        PLSBootstrap
            ``.table`` (all rows; also ``.to_frame()``), ``.paths()``, ``.loadings()``,
            ``.weights()``, ``.effects()``, ``.summary()``, ``.plot()``.

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
        >>> boot = fit.bootstrap(B=200, seed=123, n_jobs=1, progress=False)
        >>> boot.paths().iloc[-1][["lhs", "op", "rhs"]].tolist()
        ['Loyalty', '~', 'Satisfaction']
        """
        index = None
        if (self.weight_matrix_[self.layout_.mask > 0] > 0).all():
            given = self.scale if scale is None else scale
            lo, hi, _ = _pls_apply.scale_bounds(self.data_, given, warn=False)
            index = (lo, hi)
        return _pls_boot.bootstrap(self, B, seed, n_jobs, progress, level, index, client)

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

    def predict(self, k: int = 10, *, seed: int | None = None) -> PLSPredict:
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
            Seed of the fold assignment (required: without one a
            :class:`~cxlab.errors.DataError` asks for ``seed=``).

        Returns
        -------
        PLSPredict
            ``.table`` per item (also ``.to_frame()``), ``.summary()``, ``.verdict()``,
            ``.plot()``.

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
        """All estimates in one tidy frame: kind (path, loading, weight), lhs, op, rhs, est.

        Paths are ``lhs ~ rhs`` (outcome ~ predictor), loadings ``construct =~ item``,
        weights ``construct <~ item``.

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
        >>> fit.to_frame()["kind"].value_counts().to_dict()
        {'loading': 23, 'weight': 23, 'path': 10}
        """
        columns = ["kind", "lhs", "op", "rhs", "est"]
        parts = [
            pd.DataFrame(self.paths_).assign(kind="path"),
            pd.DataFrame(self.loadings_).assign(kind="loading"),
            pd.DataFrame(self.weights_).assign(kind="weight"),
        ]
        # no old-name aliases: the old "from" was the predictor of a path but the
        # construct of a loading, so it maps to no single column now
        return pd.concat([p[columns] for p in parts], ignore_index=True)

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
            pd.DataFrame(self.paths_).round(3).to_string(index=False),
            "",
            "R²",
            self.r2_.round(3).to_string(index=False),
            "",
            "Reliability and convergent validity",
            rel.round(3).to_string(index=False),
        ]
        if self.notes:
            parts += ["", "Notes", *(f"- {n}" for n in self.notes)]
        return "\n".join(parts)

    def plot(self, *, ax: Axes | None = None, lang: Lang | None = None) -> Axes:
        """The standardized path coefficients as horizontal bars (predictor → outcome).

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Draw into this axes instead of a new figure.
        lang : {"en", "zh"}, optional
            Language of the title and axis label; default: the notebook's
            (:func:`cxlab.viz.language`, set by ``cx.viz.set_theme(lang=...)``).

        Returns
        -------
        matplotlib.axes.Axes

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
        >>> len(fit.plot().patches)
        10
        >>> fit.plot(lang="zh").get_xlabel()
        '标准化路径系数'
        """
        return _pls_apply.plot_paths(self, ax, lang)

    def _title(self) -> str:
        return (
            f"PLS path model: {self.scheme} scheme, N = {self.n}, "
            f"{len(self.layout_.constructs)} constructs, converged in {self.iterations} "
            "iterations"
        )

    def _repr_html_(self) -> str:
        notes = "".join(f"<li>{html.escape(n)}</li>" for n in self.notes)
        return (
            f"<p><b>{html.escape(self._title())}</b></p>"
            + pd.DataFrame(self.paths_).round(3).to_html(index=False)
            + self.r2_.round(3).to_html(index=False)
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
    >>> fit.r2_.round(3)
          construct     r2  r2_adj
    0         Value  0.361   0.358
    1  Satisfaction  0.665   0.663
    """
    if scheme not in en.SCHEMES:
        raise DataError(f"scheme must be one of {', '.join(en.SCHEMES)}, not {scheme!r}.")
    book = None
    if hasattr(data, "codebook") and hasattr(data, "data"):  # a cxlab Survey
        book, data = data.codebook, data.data
    data = as_frame(data)
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
