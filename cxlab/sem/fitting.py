"""``fit`` and :class:`SEMFit`: a model in lavaan syntax fitted by maximum likelihood,
its data checked first (:func:`_prepare`), its solution checked after (admissibility);
re-exported by :mod:`cxlab.sem`, whose docstring describes what is estimated.

Examples
--------
>>> from cxlab.datasets import load
>>> from cxlab.sem.fitting import fit
>>> fit("y1 ~ x1", load("political_democracy")).fit_measures["df"]
0
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from cxlab.errors import DataError, InadmissibleSolutionError
from cxlab.models.syntax import parse
from cxlab.sem import effects as effects_
from cxlab.sem import fiml, report
from cxlab.sem.bootstrap import BootstrapResult, bootstrap
from cxlab.sem.diagram import plot_path
from cxlab.sem.engine import Moments, RamModel, fit_ml
from cxlab.sem.indices import fit_indices
from cxlab.sem.modindices import modification_indices
from cxlab.sem.results import (
    _check,
    _check_defined,
    _check_size,
    _fix_exogenous,
    _results,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["LAVAAN_NAMES", "SEMFit", "fit"]

#: Our internal column names → lavaan's ``parameterEstimates()`` names.
LAVAAN_NAMES = {"ci_low": "ci.lower", "ci_high": "ci.upper", "std_all": "std.all"}


def _prepare(
    data: pd.DataFrame,
    observed: list[str],
    group: str | None,
    missing: str = "listwise",
    exo: list[str] | tuple[str, ...] = (),
):
    """Sample moments per group, group labels, notes, and (FIML) each group's rows."""
    absent = [c for c in observed if c not in data.columns]
    if absent:
        raise DataError(f"Column(s) {', '.join(absent)} used in the model are not in the data.")
    cols = observed + ([group] if group else [])
    frame = data[cols].copy()
    for c in observed:
        values = pd.to_numeric(frame[c], errors="coerce")
        bad = frame[c].notna() & values.isna()
        if bad.any():
            raise DataError(
                f"Column {c!r} holds text where numbers are expected (rows "
                f"{', '.join(map(str, frame.index[bad][:5]))}); fix or recode it first."
            )
        frame[c] = values.astype(float)
        infinite = np.isinf(frame[c].to_numpy())
        if infinite.any():
            shown = ", ".join(map(str, frame.index[infinite][:5]))
            more = f" and {int(infinite.sum()) - 5} more" if infinite.sum() > 5 else ""
            raise DataError(
                f"Column {c!r} holds infinite values (inf) in row(s) {shown}{more}; SEM needs "
                "finite numbers. Recode them (e.g. data[col].replace([np.inf, -np.inf], "
                "np.nan) to treat them as missing) or drop those rows."
            )
    if missing == "fiml":
        moments, labels, rows, notes = fiml.prepare(frame, observed, group, list(exo))
        _check_emptied(frame, group, labels, missing, observed)
        return moments, labels, notes, rows
    complete = frame.dropna()
    notes = []
    if len(complete) < len(frame):
        notes.append(
            f"{len(frame) - len(complete)} of {len(frame)} rows with missing values were "
            "dropped (listwise deletion; missing='fiml' would use them)."
        )
    labels = list(dict.fromkeys(complete[group])) if group else ["all"]
    _check_emptied(frame, group, labels, missing, observed)
    moments = []
    for label in labels:
        part = complete[complete[group] == label] if group else complete
        x = part[observed].to_numpy()
        if len(x) <= len(observed):
            raise DataError(
                f"Group {label!r} has {len(x)} complete rows for {len(observed)} observed "
                "variables; ML needs more rows than variables."
            )
        zero = [c for c, s in zip(observed, x.std(axis=0), strict=True) if s == 0]
        if zero:
            raise DataError(f"Column(s) {', '.join(zero)} do not vary in group {label!r}.")
        moments.append(Moments(len(x), np.cov(x, rowvar=False, bias=True), x.mean(axis=0)))
    return moments, labels, notes, None


def _check_groups(data: pd.DataFrame, group: str) -> None:
    """Refuse a group column where one value is written both as a number and as text
    (1 and '1'): they would silently become two groups."""
    seen: dict[str, list] = {}
    for value in data[group].dropna().unique():  # in order of appearance
        seen.setdefault(str(value), []).append(value)
    mixed = {
        text: values for text, values in seen.items() if len({type(v).__name__ for v in values}) > 1
    }
    if mixed:
        shown = "; ".join(
            " and ".join(f"{v!r} ({type(v).__name__})" for v in values)
            for values in list(mixed.values())[:5]
        )
        raise DataError(
            f"The group column {group!r} mixes types for the same group: {shown} would "
            "become separate groups. Make the column one type first, e.g. "
            f"data[{group!r}] = data[{group!r}].astype(str)."
        )


def _check_emptied(
    frame: pd.DataFrame, group: str | None, labels: list, missing: str, observed: list[str]
) -> None:
    """A group with rows in the data but none left to estimate from is an error."""
    if not group:
        return
    for label in dict.fromkeys(frame[group].dropna()):
        if label in labels:
            continue
        part = frame.loc[frame[group] == label, observed]
        gaps = [c for c in observed if part[c].isna().any()]
        if missing == "listwise":
            how = (
                "listwise deletion removed them all (each has a missing value, in "
                f"{', '.join(gaps[:6])}{'…' if len(gaps) > 6 else ''}). Use missing='fiml' "
                "to keep incomplete rows, or drop this group from the data."
            )
        else:
            how = (
                "every one is empty on the model's variables or misses an exogenous "
                "predictor, so FIML has nothing to use. Drop this group from the data."
            )
        raise DataError(f"Group {label!r} of column {group!r} has {len(part)} rows, but {how}")


@dataclass
class SEMFit:
    """A fitted model. Use ``estimates()``, ``fit_indices()``, ``r2()``, ``summary()``."""

    model: str
    table: pd.DataFrame
    fit_measures: dict[str, float]
    groups: list[str]
    converged: bool
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    optimizer: dict = field(default_factory=dict)
    _ram: RamModel | None = field(default=None, repr=False)
    _theta: np.ndarray | None = field(default=None, repr=False)
    _data: pd.DataFrame | None = field(default=None, repr=False)
    meta: dict = field(default_factory=dict)

    def bootstrap(
        self,
        B: int = 1000,
        *,
        seed: int,
        ci: str = "percentile",
        level: float = 0.95,
        n_jobs: int | None = -1,
        inadmissible: str = "keep",
        progress: bool = True,
    ) -> BootstrapResult:
        """Nonparametric bootstrap CIs of every parameter and defined effect; see
        :mod:`cxlab.sem.bootstrap`. Inadmissible fits cannot be bootstrapped."""
        return bootstrap(
            self,
            self._data,
            B=B,
            seed=seed,
            ci=ci,
            level=level,
            n_jobs=n_jobs,
            inadmissible=inadmissible,
            progress=progress,
        )

    @property
    def admissible(self) -> bool:
        """True when the model converged and no estimate is impossible."""
        return self.converged and not self.problems

    def _guard(self, allow: bool) -> None:
        if not self.admissible and not allow:
            raise InadmissibleSolutionError(self.diagnosis())

    def diagnosis(self) -> str:
        """What went wrong, in plain words, and what to try."""
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
        standardization)."""
        self._guard(allow_inadmissible)
        cols = [
            "lhs",
            "op",
            "rhs",
            "group",
            "label",
            "est",
            "se",
            "z",
            "pvalue",
            "ci_low",
            "ci_high",
        ]
        if standardized:
            cols += ["std_all"]
        out = self.table[cols].rename(columns=LAVAAN_NAMES)
        if len(self.groups) == 1:
            out = out.drop(columns="group")
        return out.reset_index(drop=True)

    def fit_indices(self, allow_inadmissible: bool = False) -> pd.Series:
        """lavaan's fit measures (see :mod:`cxlab.sem.indices`)."""
        self._guard(allow_inadmissible)
        return pd.Series(self.fit_measures)

    def r2(self, allow_inadmissible: bool = False) -> pd.DataFrame:
        """R² of every endogenous variable (kind "structural", explained by its paths) and
        indicator (kind "indicator", its communality); a group column with several groups."""
        self._guard(allow_inadmissible)
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
        """Fit indices and estimates as text (or the diagnosis when inadmissible)."""
        if not self.admissible:
            return self.diagnosis()
        f = self.fit_measures
        groups = f", groups: {', '.join(map(str, self.groups))}" if len(self.groups) > 1 else ""
        head = (
            f"{'ML (FIML)' if self.meta.get('missing') == 'fiml' else 'ML'} estimation, "
            f"N = {f['n']}{groups}\n"
            f"χ²({f['df']}) = {f['chisq']:.3f}, p = {f['pvalue']:.3f}; CFI = {f['cfi']:.3f}, "
            f"TLI = {f['tli']:.3f}, RMSEA = {f['rmsea']:.3f} [{f['rmsea_ci_low']:.3f}, "
            f"{f['rmsea_ci_high']:.3f}], SRMR = {f['srmr']:.3f}"
        )
        est = self.estimates().round(3).to_string(index=False)
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
        parameters; see :func:`cxlab.sem.effects.effects`."""
        return effects_.effects(self, specific=specific, boot=boot, mc=mc, level=level)

    def monte_carlo_ci(
        self, R: int = 20000, *, seed: int, level: float = 0.95
    ) -> effects_.MonteCarloResult:
        """Monte-Carlo CIs of every parameter and ``:=`` effect; see
        :func:`cxlab.sem.effects.monte_carlo_ci`."""
        return effects_.monte_carlo_ci(self, R, seed=seed, level=level)

    def modification_indices(self, **kwargs) -> pd.DataFrame:
        """Score tests for fixed parameters; see :func:`cxlab.sem.modification_indices`."""
        return modification_indices(self, **kwargs)

    def to_apa(
        self, *, lang: str = "en", decimals: int = 2, labels: dict[str, str] | None = None
    ) -> report.ApaTables:
        """Model-fit, measurement and structural tables formatted the APA way; ``labels``
        renames variables (e.g. to Chinese construct names)."""
        return report.apa_tables(self, lang=lang, decimals=decimals, labels=labels)

    def plot(self, **kwargs) -> Figure:
        """Path diagram (matplotlib figure); see :func:`cxlab.sem.diagram.plot_path`."""
        return plot_path(self, **kwargs)

    def _repr_html_(self) -> str:
        return report.repr_html(self)

    def __repr__(self) -> str:
        status = "admissible" if self.admissible else "NOT admissible — see .diagnosis()"
        f = self.fit_measures
        chisq = f.get("chisq", float("nan"))
        return f"SEMFit(χ²({f.get('df')}) = {chisq:.3f}, N = {f.get('n')}, {status})"


def fit(
    model: str,
    data: pd.DataFrame,
    *,
    group: str | None = None,
    group_equal: tuple[str, ...] | list[str] = (),
    std_lv: bool = False,
    meanstructure: bool | None = None,
    missing: str = "listwise",
) -> SEMFit:
    """Fit a model in lavaan syntax by maximum likelihood (lavaan's ``sem()`` defaults).

    # In R: lavaan::sem(model, data, group = group, group.equal = group_equal,
    #                   std.lv = std_lv, missing = "listwise" | "ml")

    Parameters
    ----------
    model : str
        lavaan syntax (``=~``, ``~``, ``~~``, ``~ 1``, labels, ``:=``).
    data : pandas.DataFrame
        One row per respondent; the model's observed variables are its columns.
    group : str, optional
        Column whose values define groups (multi-group model).
    group_equal : sequence of str
        Parameters held equal across groups, as lavaan's ``group.equal``.
    std_lv : bool
        Fix factor variances to 1 instead of the first loadings.
    meanstructure : bool, optional
        Model means and intercepts (default: only with groups or ``~ 1`` terms; always
        with ``missing="fiml"``).
    missing : {"listwise", "fiml"}
        ``"listwise"`` (default, as lavaan) drops every row with a missing value;
        ``"fiml"`` uses all observed values by full-information ML under missing at
        random, as lavaan's ``missing = "ml"`` (observed-information SEs, χ² against
        the EM-fitted unrestricted model; see :mod:`cxlab.sem.fiml`).

    Returns
    -------
    SEMFit
        Estimates, fit indices and diagnostics; ``notes`` say which rows were used. A fit
        that did not converge (or diverged) is returned as not admissible, never raised.

    Raises
    ------
    ModelSpecError
        An empty model, or a ``:=`` parameter that is not a finite number (its line named).
    DataError
        Text or infinite values in a model column (rows named); a group column mixing
        1 and '1'; a group with no row left after listwise deletion.

    Examples
    --------
    >>> import cxlab as cx
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> hs.loc[hs.index % 5 == 0, "x5"] = float("nan")  # every 5th answer to x5 lost
    >>> model = "visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6\\nspeed =~ x7 + x8 + x9"
    >>> fit = cx.sem.fit(model, hs, missing="fiml")  # lavaan: sem(model, hs, missing = "ml")
    >>> fit.fit_measures["n"], fit.notes[0][:40]
    (301, 'FIML: 61 of 301 rows have at least one m')
    """
    meanstructure = fiml.check_missing(missing, meanstructure)
    if not isinstance(data, pd.DataFrame):
        raise DataError(f"data must be a pandas DataFrame, not {type(data).__name__}.")
    if group is not None and group not in data.columns:
        raise DataError(f"group={group!r} is not a column of the data.")
    if group is not None:
        _check_groups(data, group)
    observed_all = [c for c in data.columns if c != group]
    n_groups = int(data[group].nunique()) if group else 1
    table = parse(
        model,
        observed_all,
        n_groups=n_groups,
        meanstructure=meanstructure,
        std_lv=std_lv,
        group_equal=group_equal,
    )
    observed = table.attrs["observed"]
    moments, labels, notes, rows = _prepare(
        data, observed, group, missing, table.attrs["exo_observed"]
    )
    table = _fix_exogenous(table, moments, observed)
    ram = RamModel(table, moments) if rows is None else fiml.FimlModel(table, moments, rows)
    _check_size(ram, table)
    theta, info = fit_ml(ram)
    npar = ram.n_free
    n_exo = int(((table.op != ":=") & table.exo).sum())
    likelihoods = ram.likelihoods(theta) if rows is not None else None
    measures = fit_indices(ram, theta, npar, n_exo, likelihoods)
    if info.get("diverged"):  # χ² and the rest would be the optimiser's penalty value
        keep = ("npar", "n", "df", "baseline_chisq", "baseline_df")
        measures = {k: v if k in keep else float("nan") for k, v in measures.items()}
    if info["converged"]:
        _check_defined(table, ram, theta)
    table = _results(table, ram, theta)
    problems = _check(table, ram, theta)
    return SEMFit(
        model,
        table,
        measures,
        labels,
        info["converged"],
        problems,
        notes,
        info,
        ram,
        theta,
        data,
        {"group": group, "group_equal": tuple(group_equal), "std_lv": std_lv, "missing": missing},
    )
