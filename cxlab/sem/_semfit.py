"""The result of :func:`cxlab.sem.fit`: :class:`SEMFit` (estimates, fit indices,
diagnostics, effects, bootstrap, modification indices, the standardized solution and the
path diagram of a fitted model); re-exported by :mod:`cxlab.sem.fitting` and
:mod:`cxlab.sem`.

Examples
--------
>>> from cxlab.datasets import load
>>> from cxlab.sem import fit
>>> fit("y1 ~ x1", load("political_democracy")).admissible
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd

from cxlab.errors import InadmissibleSolutionError, ModelSpecError
from cxlab.sem import effects as effects_
from cxlab.sem import report
from cxlab.sem._ordinal_report import apa_wlsmv, repr_html_wlsmv
from cxlab.sem.engine import RamModel
from cxlab.sem.modindices import modification_indices
from cxlab.sem.standardized import standardized_solution as _standardized_solution

if TYPE_CHECKING:
    from distributed import Client
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from cxlab.sem.bootstrap import BootstrapResult

__all__ = ["LAVAAN_NAMES", "SEMFit"]

#: Our internal column names → lavaan's ``parameterEstimates()`` names.
LAVAAN_NAMES = {"ci_low": "ci.lower", "ci_high": "ci.upper", "std_all": "std.all"}


@dataclass
class SEMFit:
    """A fitted model. Use ``summary()`` (text), ``to_frame()`` (the parameters in cxlab's
    columns), ``estimates()`` (the same with lavaan's column names), ``fit_indices()``,
    ``r2()`` and ``plot()`` (the path diagram, a Figure).

    Fitted values are public: ``table`` (the parameter table), ``ram_`` (the model in RAM
    matrices, with the sample moments), ``theta_`` (the free parameters at the optimum)
    and ``data_`` (the data it was fitted to)."""

    model: str
    table: pd.DataFrame
    fit_measures: dict[str, float]
    groups: list[str]
    converged: bool
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    optimizer: dict = field(default_factory=dict)
    ram_: RamModel | None = field(default=None, repr=False)
    theta_: np.ndarray | None = field(default=None, repr=False)
    data_: pd.DataFrame | None = field(default=None, repr=False)
    meta: dict = field(default_factory=dict)

    # the names before cxlab 0.2, for code outside cxlab.sem that still reads them
    _ram = property(lambda self: self.ram_)
    _theta = property(lambda self: self.theta_)
    _data = property(lambda self: self.data_)

    def bootstrap(
        self,
        B: int = 1000,
        *,
        seed: int | None = None,
        ci: str = "percentile",
        level: float = 0.95,
        n_jobs: int | None = -1,
        inadmissible: str = "keep",
        progress: bool = True,
        client: Client | str | None = None,
    ) -> BootstrapResult:
        """Nonparametric bootstrap CIs of every parameter and defined effect; see
        :mod:`cxlab.sem.bootstrap`. Inadmissible fits cannot be bootstrapped. ``seed`` is
        required; ``ci`` is the interval method ("percentile", "bc", "bca") and ``level``
        the confidence level. ``client`` (a ``distributed.Client`` or a scheduler address)
        runs the draws on that Dask cluster, with the same result for the same seed.

        # In R: lavaan::sem(model, data, se = "bootstrap", bootstrap = B)

        Examples
        --------
        >>> import cxlab as cx
        >>> pdem = cx.datasets.load("political_democracy")
        >>> fit = cx.sem.fit("ind60 =~ x1 + x2 + x3\\ndem60 =~ y1 + y2 + y3 + y4\\n"
        ...                  "dem60 ~ ind60", pdem)
        >>> boot = fit.bootstrap(B=30, seed=1, n_jobs=1, progress=False)
        >>> boot.B, list(boot.to_frame().columns[-4:])
        (30, ['est', 'se', 'ci_low', 'ci_high'])
        """
        from cxlab.sem.bootstrap import bootstrap  # scipy.stats and joblib: only when used

        self._refuse_wlsmv("bootstrap()")
        return bootstrap(
            self,
            self.data_,
            B=B,
            seed=seed,
            ci=ci,
            level=level,
            n_jobs=n_jobs,
            inadmissible=inadmissible,
            progress=progress,
            client=client,
        )

    def _refuse_wlsmv(self, what: str) -> None:
        if self.meta.get("estimator") == "WLSMV":
            raise ModelSpecError(
                f"{what} is not available for a WLSMV fit (ordered items): it would treat the "
                "polychoric correlations as ML sample moments. Use the robust SEs and "
                "delta-method effects of the fit itself (effects(), standardized_solution())."
            )

    @property
    def admissible(self) -> bool:
        """True when the model converged and no estimate is impossible."""
        return self.converged and not self.problems

    def require_admissible(self, allow_inadmissible: bool = False) -> None:
        """Raise :class:`~cxlab.errors.InadmissibleSolutionError` (with the diagnosis)
        unless the fit is admissible or ``allow_inadmissible`` is True.

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3", cx.datasets.load("holzinger_swineford"))
        >>> fit.require_admissible() is None
        True
        """
        if not self.admissible and not allow_inadmissible:
            raise InadmissibleSolutionError(self.diagnosis())

    _guard = require_admissible

    def diagnosis(self) -> str:
        """What went wrong, in plain words, and what to try.

        Examples
        --------
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> cx.sem.fit("visual =~ x1 + x2 + x3", hs).diagnosis()
        'The solution converged and is admissible.'
        """
        if self.admissible:
            return "The solution converged and is admissible."
        lines = ["This solution cannot be reported:"]
        if not self.converged:
            lines.append(
                f"- the estimation did not converge ({self.optimizer.get('message', '')})."
            )
        lines += [f"- {p}" for p in self.problems]
        lines.append(
            "What to try: check the data (coding, reverse-keyed items, outliers) and the model "
            "(are two factors really distinct? see HTMT); merge or drop constructs that are not "
            "empirically distinct; consider PLS-PM for index models (lesson 06). Pass "
            "allow_inadmissible=True only to inspect the estimates for diagnosis."
        )
        return "\n".join(lines)

    def estimates(
        self, standardized: bool = True, allow_inadmissible: bool = False
    ) -> pd.DataFrame:
        """Parameters with lavaan's column names: lhs, op, rhs, (group), label, est, se, z,
        pvalue, ci.lower, ci.upper (95 %) and std.all — as ``parameterEstimates(fit,
        standardized = TRUE)`` prints them, so tables can be compared line by line.

        ``:=`` rows have group 0 (as lavaan); their std.all uses, for each label, the
        standardized value of the first parameter carrying it (lavaan's rule: with a label
        shared by several groups or parameters, the first group's / parameter's
        standardization).

        # In R: parameterEstimates(fit, standardized = TRUE)

        Examples
        --------
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6", hs)
        >>> est = fit.estimates()
        >>> est.loc[est.op == "=~", ["lhs", "rhs", "est", "std.all"]].round(3).head(3)
              lhs rhs    est  std.all
        0  visual  x1  1.000    0.778
        1  visual  x2  0.559    0.431
        2  visual  x3  0.708    0.568
        """
        out = self.to_frame(allow_inadmissible)
        if not standardized:
            out = out.drop(columns="std_all")
        return pd.DataFrame(out).rename(columns=LAVAAN_NAMES)

    def to_frame(self, allow_inadmissible: bool = False) -> pd.DataFrame:
        """The parameters in cxlab's column vocabulary: lhs, op, rhs, (group), label, est,
        se, z, pvalue, ci_low, ci_high (95 % Wald) and std_all — the same numbers as
        :meth:`estimates`, which keeps lavaan's names (ci.lower, ci.upper, std.all).

        Examples
        --------
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> frame = cx.sem.fit("visual =~ x1 + x2 + x3", hs).to_frame()
        >>> frame.loc[frame.op == "=~", ["lhs", "rhs", "est", "ci_low", "std_all"]].round(3)
              lhs rhs    est  ci_low  std_all
        0  visual  x1  1.000     NaN    0.621
        1  visual  x2  0.778   0.502    0.479
        2  visual  x3  1.107   0.688    0.710
        """
        self.require_admissible(allow_inadmissible)
        cols = ["lhs", "op", "rhs", "group", "label", "est", "se", "z", "pvalue"]
        out = self.table[[*cols, "ci_low", "ci_high", "std_all"]]
        if len(self.groups) == 1:
            out = out.drop(columns="group")
        return out.reset_index(drop=True)

    def standardized_solution(
        self,
        type: Literal["std.all", "std.lv", "std.nox"] = "std.all",
        level: float = 0.95,
        allow_inadmissible: bool = False,
    ) -> pd.DataFrame:
        """Every parameter's standardized value with delta-method SE, z, p and CI (from the
        fit's covariance matrix of the estimates: robust with ``estimator="MLR"``); see
        :func:`cxlab.sem.standardized.standardized_solution`.

        # In R: lavaan::standardizedSolution(fit, type = type, level = level)

        Examples
        --------
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6", hs)
        >>> fit.standardized_solution().loc[:1, ["lhs", "rhs", "est_std", "se"]].round(3)
              lhs rhs  est_std     se
        0  visual  x1    0.778  0.062
        1  visual  x2    0.431  0.061
        """
        return _standardized_solution(
            self, type=type, level=level, allow_inadmissible=allow_inadmissible
        )

    def fit_indices(self, allow_inadmissible: bool = False) -> pd.Series:
        """lavaan's fit measures (see :mod:`cxlab.sem.indices`).

        # In R: fitMeasures(fit)

        Examples
        --------
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> model = "visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6\\nspeed =~ x7 + x8 + x9"
        >>> cx.sem.fit(model, hs).fit_indices()[["cfi", "rmsea", "srmr"]].round(3).tolist()
        [0.931, 0.092, 0.065]
        """
        self.require_admissible(allow_inadmissible)
        return pd.Series(self.fit_measures)

    def r2(self, allow_inadmissible: bool = False) -> pd.DataFrame:
        """R² of every endogenous variable (kind "structural", explained by its paths) and
        indicator (kind "indicator", its communality); a group column with several groups.

        # In R: lavInspect(fit, "r2")

        Examples
        --------
        >>> import cxlab as cx
        >>> pdem = cx.datasets.load("political_democracy")
        >>> fit = cx.sem.fit("ind60 =~ x1 + x2 + x3\\ndem60 =~ y1 + y2 + y3 + y4\\n"
        ...                  "dem60 ~ ind60", pdem)
        >>> r2 = fit.r2()
        >>> r2[r2.kind == "structural"].round(3)
          variable        kind     r2
        7    dem60  structural  0.212
        """
        self.require_admissible(allow_inadmissible)
        out = self.table.attrs["r2"].copy()
        endogenous = set(self.table.loc[self.table.op == "~", "lhs"])
        out.insert(
            1, "kind", ["structural" if v in endogenous else "indicator" for v in out["variable"]]
        )
        if len(self.groups) == 1:
            out = out.drop(columns="group")
        return out

    @property
    def latent(self) -> list[str]:
        """The latent variables (factors), in the order of the model."""
        return list(self.table.attrs["latent"])

    @property
    def observed(self) -> list[str]:
        """The observed variables the model uses, in lavaan's order (by appearance)."""
        return list(self.table.attrs["observed"])

    def summary(self) -> str:
        """Fit indices and estimates as text (or the diagnosis when inadmissible).

        # In R: summary(fit, standardized = TRUE)

        Examples
        --------
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> model = "visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6\\nspeed =~ x7 + x8 + x9"
        >>> head = cx.sem.fit(model, hs).summary().splitlines()
        >>> print(head[0], *head[1].split("; "), sep="\\n")
        ML estimation, N = 301
        χ²(24) = 85.306, p = 0.000
        CFI = 0.931, TLI = 0.896, RMSEA = 0.092 [0.071, 0.114], SRMR = 0.065
        """
        if not self.admissible:
            return self.diagnosis()
        f = self.fit_measures
        groups = f", groups: {', '.join(map(str, self.groups))}" if len(self.groups) > 1 else ""
        estimator = self.meta.get("estimator", "ML")
        fiml_ = " (FIML)" if self.meta.get("missing", "listwise") != "listwise" else ""
        head = (
            f"{estimator}{fiml_} estimation, "
            f"N = {f['n']}{groups}\n"
            f"χ²({f['df']}) = {f['chisq']:.3f}, p = {f['pvalue']:.3f}; CFI = {f['cfi']:.3f}, "
            f"TLI = {f['tli']:.3f}, RMSEA = {f['rmsea']:.3f} [{f['rmsea_ci_low']:.3f}, "
            f"{f['rmsea_ci_high']:.3f}], SRMR = {f['srmr']:.3f}"
        )
        if estimator == "WLSMV":
            head += (
                f"\nmean-and-variance adjusted (scaled-shifted) χ²({f['df']}) = "
                f"{f['chisq_scaled']:.3f}, p = {f['pvalue_scaled']:.3f}; scaled CFI = "
                f"{f['cfi_scaled']:.3f}, TLI = {f['tli_scaled']:.3f}, RMSEA = "
                f"{f['rmsea_scaled']:.3f} [{f['rmsea_ci_low_scaled']:.3f}, "
                f"{f['rmsea_ci_high_scaled']:.3f}]; robust standard errors (ordered items: "
                "thresholds and polychoric correlations, DWLS)"
            )
        elif estimator != "ML":
            test = "Yuan-Bentler" if estimator == "MLR" else "Satorra-Bentler"
            head += (
                f"\n{test} scaled χ²({f['df']}) = {f['chisq_scaled']:.3f} (scaling factor "
                f"{f['chisq_scaling_factor']:.3f}), p = {f['pvalue_scaled']:.3f}; robust "
                f"CFI = {f['cfi_robust']:.3f}, TLI = {f['tli_robust']:.3f}, RMSEA = "
                f"{f['rmsea_robust']:.3f} [{f['rmsea_ci_low_robust']:.3f}, "
                f"{f['rmsea_ci_high_robust']:.3f}]; robust (sandwich) standard errors"
            )
        est = self.to_frame().round(3).to_string(index=False)
        return "\n".join([head, *self.notes, "", est])

    @property
    def diagnostics(self) -> pd.DataFrame:
        """Each admissibility check (converged, Heywood cases, |standardized| ≤ 1, latent
        and residual covariance matrices positive definite, identified) with ok and what
        it means in plain words."""
        return report.diagnostics(self)

    def effects(
        self,
        *,
        specific: bool = True,
        boot: BootstrapResult | None = None,
        mc: effects_.MonteCarloResult | None = None,
        level: float = 0.95,
    ) -> pd.DataFrame:
        """Direct, indirect, specific and total effects for every pair, and ``:=``
        parameters (columns from/to/via, est, se, z, pvalue, ci_low, ci_high, std_all,
        std_se, std_ci_low, std_ci_high); see :func:`cxlab.sem.effects.effects`.

        Examples
        --------
        >>> import cxlab as cx
        >>> pdem = cx.datasets.load("political_democracy")
        >>> model = ("ind60 =~ x1 + x2 + x3\\ndem60 =~ y1 + y2 + y3 + y4\\n"
        ...          "dem65 =~ y5 + y6 + y7 + y8\\ndem60 ~ ind60\\ndem65 ~ dem60 + ind60")
        >>> eff = cx.sem.fit(model, pdem).effects()
        >>> eff.loc[eff.to == "dem65", ["effect", "from", "est"]].round(3)
             effect   from    est
        2    direct  ind60  0.453
        3  indirect  ind60  1.274
        4     total  ind60  1.727
        5    direct  dem60  0.864
        6     total  dem60  0.864
        """
        return effects_.effects(self, specific=specific, boot=boot, mc=mc, level=level)

    def monte_carlo_ci(
        self, R: int = 20000, *, seed: int | None = None, level: float = 0.95
    ) -> effects_.MonteCarloResult:
        """Monte-Carlo CIs of every parameter and ``:=`` effect (``seed`` required,
        ``level`` the confidence level); see :func:`cxlab.sem.effects.monte_carlo_ci`.

        # In R: semTools::monteCarloCI(fit, nRep = R)

        Examples
        --------
        >>> import cxlab as cx
        >>> pdem = cx.datasets.load("political_democracy")
        >>> model = ("ind60 =~ x1 + x2 + x3\\ndem60 =~ y1 + y2 + y3 + y4\\n"
        ...          "dem65 =~ y5 + y6 + y7 + y8\\ndem60 ~ a*ind60\\ndem65 ~ b*dem60\\nab := a*b")
        >>> mc = cx.sem.fit(model, pdem).monte_carlo_ci(2000, seed=1)
        >>> row = mc.defined().iloc[0]
        >>> row["lhs"], bool(row["ci_low"] > 0)  # the indirect effect excludes 0
        ('ab', True)
        """
        self._refuse_wlsmv("monte_carlo_ci()")
        return effects_.monte_carlo_ci(self, R, seed=seed, level=level)

    def modification_indices(
        self, minimum: float = 0.0, sort: bool = True, allow_inadmissible: bool = False
    ) -> pd.DataFrame:
        """Score tests for fixed parameters; see :func:`cxlab.sem.modification_indices`.

        # In R: lavaan::modindices(fit, minimum.value = minimum, sort. = sort)

        Parameters
        ----------
        minimum : float
            Keep only rows with an MI at least this large.
        sort : bool
            Largest MI first.
        allow_inadmissible : bool
            Compute them for an inadmissible fit too (for diagnosis only).

        Examples
        --------
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> model = "visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6\\nspeed =~ x7 + x8 + x9"
        >>> cx.sem.fit(model, hs).modification_indices(minimum=30).round(3)
              lhs  op rhs      mi    epc  sepc_all
        0  visual  =~  x9  36.411  0.577     0.515
        1      x7  ~~  x8  34.145  0.536     0.859
        """
        self._refuse_wlsmv("modification_indices()")
        return modification_indices(
            self, minimum=minimum, sort=sort, allow_inadmissible=allow_inadmissible
        )

    def to_apa(
        self, *, lang: str = "en", decimals: int = 2, labels: dict[str, str] | None = None
    ) -> report.ApaTables:
        """Model-fit, measurement and structural tables formatted the APA way; ``labels``
        renames variables (e.g. to Chinese construct names).

        Examples
        --------
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> apa = cx.sem.fit("visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6", hs).to_apa()
        >>> apa.measurement[["Construct", "Item", "β"]].head(2)
          Construct Item    β
        0    visual   x1  .78
        1             x2  .43
        """
        tables = report.apa_tables(self, lang=lang, decimals=decimals, labels=labels)
        if self.meta.get("estimator") == "WLSMV":  # the scaled test and indices
            tables = apa_wlsmv(tables, self, lang=lang, decimals=decimals)
        return tables

    def plot(
        self,
        *,
        lang: Literal["en", "zh"] | None = None,
        labels: dict[str, str] | None = None,
        what: Literal["std", "est"] = "std",
        group: str | int | None = None,
        show_indicators: bool = True,
        show_covariances: bool = True,
        allow_inadmissible: bool = False,
        ax: Axes | None = None,
        figsize: tuple[float, float] | None = None,
    ) -> Figure:
        """Path diagram; see :func:`cxlab.sem.diagram.plot_path`. Returns the matplotlib
        Figure, not an Axes: the whole figure (diagram, legend, banner) is the point.

        # In R: semPlot::semPaths(fit, what = "std")

        Parameters
        ----------
        lang : {"en", "zh"}, optional
            Language of the legend and banner (``"zh"`` uses the bundled Chinese font);
            default: the notebook's (:func:`cxlab.viz.language`, set by
            ``cx.viz.set_theme(lang=...)``).
        labels : dict, optional
            Display names, variable → name.
        what : {"std", "est"}
            Standardized (``std.all``) or unstandardized estimates on the arrows.
        group : str or int, optional
            For a multi-group fit, which group to draw (default: the first).
        show_indicators : bool
            False draws only the structural model.
        show_covariances : bool
            False hides residual covariances between indicators.
        allow_inadmissible : bool
            Draw an inadmissible fit anyway, under a red banner.
        ax : matplotlib Axes, optional
            Draw into these axes; by default a new figure sized to the diagram.
        figsize : (float, float), optional
            Size of the new figure in inches.

        Examples
        --------
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6", hs)
        >>> fig = fit.plot()
        >>> type(fig).__name__, len(fig.axes)
        ('Figure', 1)
        >>> [t.get_text() for t in fit.plot(lang="zh").axes[0].texts if t.get_gid() == "legend:0"]
        ['标准化估计值 (std.all)']
        """
        from cxlab.sem.diagram import plot_path

        return plot_path(
            self,
            lang=lang,
            labels=labels,
            what=what,
            group=group,
            show_indicators=show_indicators,
            show_covariances=show_covariances,
            allow_inadmissible=allow_inadmissible,
            ax=ax,
            figsize=figsize,
        )

    def _repr_html_(self) -> str:
        if self.meta.get("estimator") == "WLSMV":
            return repr_html_wlsmv(self)
        return report.repr_html(self)

    def __repr__(self) -> str:
        status = "admissible" if self.admissible else "NOT admissible — see .diagnosis()"
        f = self.fit_measures
        chisq = f.get("chisq", float("nan"))
        return f"SEMFit(χ²({f.get('df')}) = {chisq:.3f}, N = {f.get('n')}, {status})"
