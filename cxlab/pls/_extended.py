"""The result of a moderated, higher-order or consistent PLS model (private; made by
:func:`cxlab.pls.fit`).

:class:`ExtendedPLSFit` is a :class:`cxlab.pls.PLSFit` of the final model (interaction
constructs measured by their generated columns, a two-stage higher-order construct by
its dimensions' scores), with what the stages added: the lower-order loadings and weights
of a two-stage higher-order construct (rows of ``loadings_`` / ``weights_``), the first
stages as PLSFit objects, ρA of the PLSc correction, simple slopes and f² of an
interaction, and a bootstrap that re-runs every stage on each resample, as seminr's
``bootstrap_model()`` does (so a seed gives seminr's draws).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from cxlab._conventions import renamed_columns
from cxlab.errors import DataError, ModelSpecError
from cxlab.pls import _engine as en
from cxlab.pls._boot import BOOT_OLD, COLUMNS, OPS, Plan, PLSBootstrap, _run_draws
from cxlab.pls._design import Compiled, compile_design, display_names
from cxlab.pls._model import LOADING_OLD, PATH_OLD, WEIGHT_OLD, PLSFit
from cxlab.pls._slopes import SimpleSlopes, slopes
from cxlab.pls._stages import Stages, run

if TYPE_CHECKING:
    from cxlab.pls._apply import IPMA, PLSPredict

MODEL = """Image        =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
Expectation  =~ CUEX1 + CUEX2 + CUEX3
Satisfaction =~ CUSA1 + CUSA2 + CUSA3
Satisfaction ~ Image + Expectation + Image:Expectation"""
_METHOD_WORDS = {
    "two_stage": "two-stage (product of the main-effects model's construct scores)",
    "product_indicator": "product indicators (products of the standardized items)",
    "orthogonal": "orthogonalised product indicators (residuals on the items of both)",
}


class ExtendedPLSFit(PLSFit):
    """A PLS path model with interaction terms, higher-order constructs or PLSc.

    Everything of :class:`cxlab.pls.PLSFit` (tables of the final model), plus:

    Attributes
    ----------
    consistent : bool
        Whether PLSc corrected paths, R² and loadings of the reflective constructs.
    interaction, higher_order : str
        The interaction method and higher-order approach used.
    rho_a_ : pandas.Series
        ρA per construct used by PLSc (1 for constructs it does not correct); None
        without PLSc.
    interaction_scale_ : dict
        Each interaction's score rescaling (seminr's; see :mod:`cxlab.pls._stages`).
    first_stage_ : PLSFit or None
        The first stage of a two-stage higher-order model (its dimensions in place of
        each higher-order construct).
    main_effects_ : PLSFit or None
        The main-effects model whose scores make a two-stage interaction term.
    raw_data_ : pandas.DataFrame
        The measured items as fitted (what the bootstrap resamples).
    """

    def __init__(
        self,
        model: str,
        compiled: Compiled,
        stages: Stages,
        raw: pd.DataFrame,
        scheme: str,
        notes: list[str],
        scale: Any,
        tol: float,
        max_iter: int,
        consistent: bool,
    ) -> None:
        spec = display_names(compiled.final, compiled.rename)
        x = pd.DataFrame(stages.x[0], index=raw.index, columns=list(spec.items))
        w, its = stages.weights[0], stages.iterations[0]
        super().__init__(model, spec, scheme, x, w, its, notes, scale, tol, max_iter)
        self.compiled_, self.raw_data_, self.consistent = compiled, raw, consistent
        self.interaction, self.higher_order = compiled.interaction, compiled.higher_order
        sol = stages.solution
        self.solution_ = en.Solution(
            *(getattr(sol, f)[:1] for f in en.Solution.__dataclass_fields__)
        )
        lay, names = self.layout_, list(self.layout_.constructs)
        self.paths_ = renamed_columns(self._path_table(sol.cor[0]), PATH_OLD)
        own = lay.mask.argmax(axis=1)
        loadings = pd.DataFrame(self.loadings_)
        loadings["est"] = sol.loadings[0][np.arange(len(own)), own]
        cross = pd.DataFrame(self.cross_loadings_)
        cross[names] = sol.cross[0]
        cross["highest_on_own"] = cross[names].astype(float).idxmax(axis=1) == cross["construct"]
        self.cross_loadings_ = cross
        r2 = sol.r2[0, list(lay.endogenous)]
        k = np.array([len(lay.preds[j]) for j in lay.endogenous])
        self.r2_ = pd.DataFrame(
            {
                "construct": self.r2_["construct"],
                "r2": r2,
                "r2_adj": 1 - (1 - r2) * (self.n - 1) / (self.n - k - 1),
            }
        )
        self.interaction_scale_ = {
            compiled.rename[g.name]: float(f)
            for g, f in zip(compiled.generated, stages.factors[0], strict=True)
        }
        for g in compiled.generated:
            name = compiled.rename[g.name]
            self.scores_[name] = self.scores_[name] * self.interaction_scale_[name]
            self.notes.append(
                f"{name}: interaction term by {_METHOD_WORDS[self.interaction]}; its score "
                "rescaled as seminr's"
                + (" (its path standardized by PLSc)." if consistent else " (path unstandardized).")
            )
        self.rho_a_ = None
        if consistent:
            self.rho_a_ = pd.Series(stages.rho_a[0], index=names, name="rho_a")
            self.notes.append(
                "PLSc (Dijkstra & Henseler 2015): paths, R² and loadings of the reflective "
                "(=~) constructs corrected with their ρA."
            )
            over = [c for c in names if self.rho_a_[c] > 1]
            if over:
                self.notes.append(f"ρA above 1 for {', '.join(over)}: check these blocks.")
            off = np.abs(sol.cor[0] - np.eye(len(names)))
            if (off > 1).any():
                self.notes.append("A disattenuated construct correlation exceeds 1 in size.")
        self.first_stage_ = self.main_effects_ = None
        if stages.hoc is not None and compiled.hoc_stage is not None:
            self.first_stage_ = self._stage(compiled.hoc_stage, stages, stages.hoc)
            self.notes.append(
                "Higher-order construct(s) by the two-stage approach: the first stage "
                "estimates the dimensions, whose scores are the items of the second stage."
            )
            low = self.first_stage_
            dims = set(compiled.dimensions)
            extra_l = pd.DataFrame(low.loadings_)[lambda t: t["lhs"].isin(dims)]
            extra_w = pd.DataFrame(low.weights_)[lambda t: t["lhs"].isin(dims)]
            loadings = pd.concat([loadings, extra_l], ignore_index=True)
            weights = pd.concat([pd.DataFrame(self.weights_), extra_w], ignore_index=True)
            self.weights_ = renamed_columns(weights, WEIGHT_OLD)
        elif compiled.copies:
            self.notes.append(
                "Higher-order construct(s) by repeated indicators: measured by copies of "
                "all items of their dimensions (named item.construct)."
            )
        self.loadings_ = renamed_columns(loadings, LOADING_OLD)
        if stages.main is not None and compiled.main is not None:
            self.main_effects_ = self._stage(compiled.main, stages, stages.main)

    def _stage(self, spec: Any, stages: Stages, part: tuple) -> PLSFit:
        x = pd.DataFrame(
            np.stack([stages.columns[c][0] for c in spec.items], axis=1),
            index=self.raw_data_.index,
            columns=list(spec.items),
        )
        return PLSFit(
            self.model,
            spec,
            self.scheme,
            x,
            part[0][0],
            part[2][0],
            [],
            None,
            self.tol,
            self.max_iter,
        )

    def _title(self) -> str:
        extras = []
        if self.compiled_.generated:
            extras.append(f"{self.interaction.replace('_', '-')} interaction")
        if self.compiled_.design.higher:
            extras.append(f"higher-order: {self.higher_order.replace('_', '-')}")
        if self.consistent:
            extras.append("PLSc")
        return super()._title() + (f" ({'; '.join(extras)})" if extras else "")

    def bootstrap(
        self,
        B: int = 5000,
        *,
        seed: int | None = None,
        n_jobs: int | None = -1,
        progress: bool = True,
        level: float = 0.95,
        scale: Any = None,
    ) -> PLSBootstrap:
        """Bootstrap SEs and percentile CIs, re-running every stage on each resample.

        As seminr's ``bootstrap_model()``: each draw (``default_rng(seed).integers(0, n,
        n)``, seminr's draws for the same seed) re-estimates the first stages, regenerates
        the interaction columns, refits the model and applies PLSc. Rows: paths (the
        interaction's among them), loadings, weights (also the lower-order ones of a
        two-stage higher-order construct), indirect, total and defined effects; no HTMT
        and no 0–100 index rows (*scale* is accepted and ignored).

        # In R: seminr::bootstrap_model(fit, nboot = B, seed = seed)

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(MODEL, cx.datasets.load("ecsi_mobile"))
        >>> boot = fit.bootstrap(B=100, seed=1, n_jobs=1, progress=False)
        >>> row = boot.paths().iloc[-1]
        >>> row["rhs"], bool(row["ci_low"] < row["est"] < row["ci_high"])
        ('Image:Expectation', True)
        """
        return _bootstrap(self, B, seed, n_jobs, progress, level)

    def simple_slopes(
        self,
        moderator: str,
        *,
        at: Sequence[float] = (-1, 0, 1),
        iv: str | None = None,
        outcome: str | None = None,
        boot: PLSBootstrap | None = None,
    ) -> SimpleSlopes:
        """Simple slopes of an interaction: the effect of the predictor at levels of the
        moderator (SDs from its mean), slope = b(iv) + b(iv:moderator) · level.

        The lines are seminr's ``slope_analysis()`` (the interaction's path as estimated,
        i.e. on seminr's rescaled score; standardized with PLSc). With *boot* (a
        :meth:`bootstrap` of this fit) each slope gets a percentile interval from the
        same draws.

        Parameters
        ----------
        moderator : str
            One construct of an interaction term.
        at : sequence of float
            Levels of the moderator in SDs.
        iv, outcome : str, optional
            The other construct of the term, and the outcome; needed only when the
            moderator is in several terms or the term predicts several outcomes.
        boot : PLSBootstrap, optional
            A bootstrap of this fit, for intervals.

        Returns
        -------
        SimpleSlopes
            ``.table`` (level, slope, intercept; ci_low, ci_high with *boot*), ``.plot()``.

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(MODEL, cx.datasets.load("ecsi_mobile"))
        >>> fit.simple_slopes("Expectation").table.round(3)
           level  slope  intercept
        0     -1  0.630     -0.215
        1      0  0.586      0.000
        2      1  0.543      0.215
        """
        return slopes(self, moderator, at, iv, outcome, boot)

    def interaction_f2(self) -> pd.DataFrame:
        """f² of each interaction term: (R²incl − R²excl) / (1 − R²incl), with R²excl the
        outcome's R² when the model is estimated again without the interaction's path (the
        definition of Hair et al. 2022 and seminr's ``f_squared``; the ``f2`` column of
        ``paths_`` keeps the construct scores of this fit instead).

        # In R: seminr::f_squared(fit, "Image*Expectation", "Satisfaction")

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(MODEL, cx.datasets.load("ecsi_mobile"))
        >>> fit.interaction_f2()[["lhs", "rhs", "f2"]].round(4)
                    lhs                rhs      f2
        0  Satisfaction  Image:Expectation  0.0063
        """
        design = self.compiled_.design
        rows = []
        for p in design.paths:
            if not isinstance(p.source, tuple):
                continue
            name = ":".join(p.source)
            rest = tuple(q for q in design.paths if q != p)
            used = tuple(dict.fromkeys(q.source for q in rest if isinstance(q.source, tuple)))
            smaller = replace(design, paths=rest, interactions=used)  # type: ignore[arg-type]
            r2_in = float(self.r2_.set_index("construct").loc[p.target, "r2"])
            r2_out = 0.0
            if any(q.target == p.target for q in rest):
                compiled = compile_design(
                    smaller, list(self.raw_data_.columns), self.interaction, self.higher_order
                )
                st = run(
                    compiled,
                    self.raw_data_[list(compiled.raw_items)].to_numpy()[None],
                    self.scheme,
                    self.tol,
                    self.max_iter,
                    self.consistent,
                )
                j = compiled.final.constructs.index(p.target)
                r2_out = float(st.solution.r2[0, j])
            rows.append((p.target, "~", name, r2_in, r2_out, (r2_in - r2_out) / (1 - r2_in)))
        return pd.DataFrame(rows, columns=["lhs", "op", "rhs", "r2_included", "r2_excluded", "f2"])

    def _no_index(self, what: str) -> None:
        if self.compiled_.generated or self.compiled_.dimensions:
            raise ModelSpecError(
                f"{what} needs every item on its answer scale, but this model has generated "
                "items (interaction terms, or the scores of a two-stage higher-order "
                f"construct). Compute {what} on the first-order model (without them)."
            )

    def csi_index(
        self,
        *,
        scale: Any = None,
        constructs: list[str] | None = None,
        respondents: bool = False,
    ) -> pd.DataFrame:
        """0–100 index scores as :meth:`PLSFit.csi_index`; refused when the model has
        generated items (interaction terms, two-stage higher-order scores).

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(MODEL, cx.datasets.load("ecsi_mobile"))
        >>> try:
        ...     fit.csi_index(scale=(1, 10))
        ... except cx.errors.ModelSpecError as err:
        ...     print(str(err)[:30])
        the CSI index needs every item
        """
        self._no_index("the CSI index")
        return super().csi_index(scale=scale, constructs=constructs, respondents=respondents)

    def ipma(self, target: str, *, scale: Any = None) -> IPMA:
        """Importance-performance map as :meth:`PLSFit.ipma`; refused when the model has
        generated items (interaction terms, two-stage higher-order scores).

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(MODEL, cx.datasets.load("ecsi_mobile"))
        >>> try:
        ...     fit.ipma("Satisfaction", scale=(1, 10))
        ... except cx.errors.ModelSpecError as err:
        ...     print(str(err)[:21])
        the IPMA needs every
        """
        self._no_index("the IPMA")
        return super().ipma(target, scale=scale)

    def predict(self, k: int = 10, *, seed: int | None = None) -> PLSPredict:
        """Not available: PLSpredict of a model with generated columns (interactions,
        higher-order scores) or PLSc would need every stage refitted in each fold.

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(MODEL, cx.datasets.load("ecsi_mobile"))
        >>> try:
        ...     fit.predict(seed=1)
        ... except cx.errors.ModelSpecError as err:
        ...     print(str(err)[:38])
        PLSpredict is not available for models
        """
        raise ModelSpecError(
            "PLSpredict is not available for models with interaction terms, higher-order "
            "constructs or consistent=True: fit the first-order model (without them) and "
            "call .predict() on it."
        )


def _bootstrap(
    fit: ExtendedPLSFit, B: int, seed: int | None, n_jobs: int | None, progress: bool, level: float
) -> PLSBootstrap:
    if seed is None:
        raise DataError(
            "The bootstrap resamples respondents at random: pass seed= (an integer) so that "
            "the result can be reproduced."
        )
    if not isinstance(seed, int | np.integer):
        raise DataError(f"seed must be an integer (for reproducible draws), not {seed!r}.")
    if B < 10:
        raise DataError(f"B = {B} is too few draws; use at least 1000 (5000 for a paper).")
    if not 0 < level < 1:
        raise DataError(f"level must lie between 0 and 1, not {level!r}.")
    compiled = fit.compiled_
    raw = fit.raw_data_[list(compiled.raw_items)].to_numpy()
    n, p = raw.shape
    rng = np.random.default_rng(seed)
    draws = np.stack([rng.integers(0, n, size=n, dtype=np.intp) for _ in range(B)])
    plan = Plan.of(fit, None)
    keep = (plan.rows["kind"] != "htmt").to_numpy()
    plan = replace(
        plan, rows=plan.rows[keep].reset_index(drop=True), htmt_pairs=np.zeros((0, 2), int)
    )
    low: list[tuple[int, int]] = []
    rows = plan.rows
    if fit.first_stage_ is not None:
        lay1 = fit.first_stage_.layout_
        own = lay1.mask.argmax(axis=1)
        low = [
            (i, own[i])
            for i in range(len(lay1.items))
            if lay1.constructs[own[i]] in compiled.dimensions
        ]
        extra = [
            (kind, lay1.constructs[j], lay1.items[i])
            for kind in ("loading", "weight")
            for i, j in low
        ]
        extra_rows = pd.DataFrame(extra, columns=["kind", "lhs", "rhs"])
        extra_rows.insert(2, "op", extra_rows["kind"].map(OPS))
        rows = pd.concat([rows, extra_rows], ignore_index=True)
    idx = np.array(low, dtype=int).reshape(-1, 2)
    args = (fit.scheme, fit.tol, fit.max_iter, fit.consistent)

    def values(st: Stages) -> np.ndarray:
        b = len(st.ok)
        out = plan.values(st.solution, st.x, np.zeros((b, p)), np.ones((b, p)))
        if len(idx):
            assert st.hoc is not None
            w1, sol1, _ = st.hoc
            parts = [sol1.loadings[:, idx[:, 0], idx[:, 1]], w1[:, idx[:, 0], idx[:, 1]]]
            out = np.concatenate([out, *parts], axis=1)
        return out

    chunk = int(max(1, min(100, 4_000_000 // max(1, n * p))))
    chunks = [np.arange(i, min(i + chunk, B)) for i in range(0, B, chunk)]

    def one(part: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        x = raw[draws[part]]
        constant = (x.std(axis=1) <= 1e-12 * raw.std(axis=0)).any(axis=1)
        with np.errstate(all="ignore"):
            st = run(compiled, x, *args)
            out = values(st)
        status = np.where(constant, 1, np.where(st.ok & np.isfinite(out).all(axis=1), 0, 2))
        return out, status

    drawn, status = _run_draws(one, chunks, B=B, n_jobs=n_jobs, progress=progress)
    kept = drawn[status == 0]
    est = values(run(compiled, raw[None], *args))[0]
    alpha = 1 - level
    table = rows.copy()
    table["est"] = est
    table["boot_mean"] = kept.mean(axis=0)
    table["se"] = kept.std(axis=0, ddof=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        table["t"] = est / table["se"].to_numpy()
    lo, hi = np.quantile(kept, [alpha / 2, 1 - alpha / 2], axis=0)
    table["ci_low"], table["ci_high"] = lo, hi
    table = table[COLUMNS]
    table.attrs["se"] = "bootstrap SE (SD of the draws); t = est / se"
    return PLSBootstrap(
        renamed_columns(table, BOOT_OLD),
        kept,
        B,
        int(seed),
        level,
        len(kept),
        int((status == 1).sum()),
        int((status == 2).sum()),
    )
