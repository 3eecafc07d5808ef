"""Construct validity from a confirmatory factor analysis: the CFA itself, discriminant
validity (Fornell-Larcker, HTMT with bootstrap CIs, cross-loadings) and a labelled-weak
common-method check, used as ``cx.psychometrics.cfa``, ``cx.psychometrics.discriminant_validity``
and ``cx.psychometrics.common_method_check``.

The CFA is :func:`cxlab.sem.fit` (lavaan's estimates and fit indices, admissibility
checked); AVE per factor is by default the mean squared standardized loading (Fornell &
Larcker 1981; ``ave_method="semtools"`` takes ``semTools::AVE(fit)`` instead, see
:func:`cxlab.psychometrics.ave`), the latent correlations are the standardized factor
covariances (lavaan's ``lavInspect(fit, "cor.lv")``), HTMT is computed from the items by
:func:`cxlab.psychometrics.htmt_bootstrap`: the original HTMT (Henseler, Ringle &
Sarstedt 2015; ``semTools::htmt(htmt2 = FALSE)``) unless ``htmt2=True`` (HTMT2, Roemer,
Schuberth & Henseler 2021, semTools' default since 0.5-6). The result names both
definitions (``ave_definition``, ``htmt_definition``).

Examples
--------
>>> import cxlab as cx
>>> hs = cx.datasets.load("holzinger_swineford")
>>> model = "visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6\\nspeed =~ x7 + x8 + x9"
>>> fit = cx.psychometrics.cfa(model, hs)
>>> dv = cx.psychometrics.discriminant_validity(fit, B=200, seed=1)
>>> dv.fornell_larcker.round(3).loc["textual", "textual"]  # √AVE = √.719
np.float64(0.848)
>>> bool(dv.ok)
True
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from cxlab._conventions import deprecated
from cxlab.errors import DataError
from cxlab.psychometrics.model_reliability import AVE_FORNELL_LARCKER, ave
from cxlab.psychometrics.scales import (
    HTMT_DEFINITION,
    cross_loadings,
    fornell_larcker,
    harman_single_factor,
    htmt_bootstrap,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from cxlab.sem import SEMFit
    from cxlab.viz import Lang

__all__ = ["DiscriminantValidity", "cfa", "common_method_check", "discriminant_validity"]


def cfa(
    model: str,
    data: pd.DataFrame,
    *,
    group: str | None = None,
    group_equal: tuple[str, ...] | list[str] = (),
    std_lv: bool = False,
    meanstructure: bool | None = None,
    missing: str = "listwise",
) -> SEMFit:
    """Confirmatory factor analysis by ML: :func:`cxlab.sem.fit` on a measurement model.

    # In R: lavaan::cfa(model, data, group = group, group.equal = group_equal,
    #                   std.lv = std_lv, missing = "listwise" | "ml")

    A model with regressions (``~``) is not a CFA: use ``cx.sem.fit`` for it.

    Parameters
    ----------
    model : str
        Measurement model in lavaan syntax (``=~``, ``~~``, labels).
    data : pandas.DataFrame or cxlab.survey.Survey
        One row per respondent; the items are its columns.
    group : str, optional
        Column whose values define groups (multi-group CFA).
    group_equal : sequence of str
        Parameters held equal across groups, as lavaan's ``group.equal``.
    std_lv : bool
        Fix factor variances to 1 instead of the first loadings.
    meanstructure : bool, optional
        Model means and intercepts (default as :func:`cxlab.sem.fit`).
    missing : {"listwise", "fiml"}
        Listwise deletion, or full-information ML (lavaan's ``missing = "ml"``).

    Examples
    --------
    >>> import cxlab as cx
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> fit = cx.psychometrics.cfa("visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6", hs)
    >>> fit.admissible
    True
    """
    from cxlab import sem

    if any(
        "~" in line.replace("=~", "").replace("~~", "")
        for line in model.splitlines()
        if not line.strip().startswith("#")
    ):
        raise DataError("A CFA has no regressions (~); fit structural models with cx.sem.fit.")
    return sem.fit(
        model,
        data,
        group=group,
        group_equal=group_equal,
        std_lv=std_lv,
        meanstructure=meanstructure,
        missing=missing,
    )


#: the words of :meth:`DiscriminantValidity.plot`, by language
_WORDS = {
    "en": {
        "x": "HTMT (bootstrap CI); lines at .85, .90 and 1",
        "title": "Discriminant validity: ",
        "holds": "holds",
        "not": "not established",
    },
    "zh": {
        "x": "HTMT（自助法置信区间）；竖线位于 .85、.90 和 1",
        "title": "区分效度：",
        "holds": "成立",
        "not": "未确立",
    },
}


@dataclass
class DiscriminantValidity:
    """Fornell-Larcker table, HTMT (with CIs), cross-loadings, and what fails.

    ``summary()`` is the text with the verdict, ``to_frame()`` the HTMT table (one row per
    pair of constructs), ``plot()`` HTMT with its CI per pair against .85 / .90 / 1.
    ``ave_definition`` and ``htmt_definition`` name which AVE and which HTMT these are."""

    fornell_larcker: pd.DataFrame
    htmt: pd.DataFrame
    cross_loadings: pd.DataFrame
    ave: pd.Series
    latent_cor: pd.DataFrame
    problems: list[str]
    ave_definition: str = AVE_FORNELL_LARCKER
    htmt_definition: str = HTMT_DEFINITION[False]

    @property
    def ok(self) -> bool:
        """True when every construct passes Fornell-Larcker and every HTMT CI is below 1."""
        return not self.problems

    def summary(self) -> str:
        """The tables as text, with the verdict.

        Examples
        --------
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> fit = cx.psychometrics.cfa("visual =~ x1 + x2 + x3\\nspeed =~ x7 + x8 + x9", hs)
        >>> text = cx.psychometrics.discriminant_validity(fit, B=50, seed=1).summary()
        >>> print(text.splitlines()[0])
        Fornell-Larcker (√AVE on the diagonal, latent correlations below):
        >>> print(text.splitlines()[1])
        AVE (Fornell & Larcker 1981, mean squared standardized loading)
        >>> print(next(line for line in text.splitlines() if line.startswith("HTMT")))
        HTMT (original, Henseler et al. 2015; semTools::htmt(htmt2 = FALSE)) with bootstrap CIs:
        >>> print(text.splitlines()[-1])
        Discriminant validity holds.
        """
        verdict = (
            "Discriminant validity holds."
            if self.ok
            else "\n".join(
                ["Discriminant validity is not established:", *[f"- {p}" for p in self.problems]]
            )
        )
        return "\n\n".join(
            [
                "Fornell-Larcker (√AVE on the diagonal, latent correlations below):\n"
                + self.ave_definition
                + "\n"
                + self.fornell_larcker.round(3).to_string(),
                f"{self.htmt_definition} with bootstrap CIs:\n"
                + self.htmt.round(3).to_string(index=False),
                verdict,
            ]
        )

    def to_frame(self) -> pd.DataFrame:
        """The HTMT table: scale_1, scale_2, htmt, ci_low, ci_high, above_85, above_90,
        ci_includes_1, n_boot.

        Examples
        --------
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> fit = cx.psychometrics.cfa("visual =~ x1 + x2 + x3\\nspeed =~ x7 + x8 + x9", hs)
        >>> frame = cx.psychometrics.discriminant_validity(fit, B=50, seed=1).to_frame()
        >>> frame[["scale_1", "scale_2", "htmt"]].round(3)
          scale_1 scale_2   htmt
        0  visual   speed  0.467
        """
        return self.htmt.copy()

    def plot(self, *, ax: Axes | None = None, lang: Lang | None = None) -> Axes:
        """HTMT of each pair with its bootstrap CI, the .85 and .90 thresholds and 1
        marked; returns the matplotlib Axes. ``lang`` ("en" or "zh") is the language of
        the title and axis label; default: the notebook's (:func:`cxlab.viz.language`).

        Examples
        --------
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> fit = cx.psychometrics.cfa("visual =~ x1 + x2 + x3\\nspeed =~ x7 + x8 + x9", hs)
        >>> dv = cx.psychometrics.discriminant_validity(fit, B=50, seed=1)
        >>> [t.get_text() for t in dv.plot().get_yticklabels()]
        ['visual – speed']
        >>> dv.plot(lang="zh").get_title()
        '区分效度：成立'
        """
        import matplotlib
        import matplotlib.pyplot as plt

        from cxlab.viz import figure_words, refont

        lang, words, family = figure_words(lang, _WORDS)
        table = self.htmt
        with matplotlib.rc_context({"font.family": family}):
            if ax is None:
                _, ax = plt.subplots(figsize=(6, 1.2 + 0.4 * len(table)))
            y = np.arange(len(table))[::-1]
            est = table["htmt"].to_numpy(dtype=float)
            err = [est - table["ci_low"].to_numpy(dtype=float), table["ci_high"] - est]
            ax.errorbar(est, y, xerr=err, fmt="o", color="#2c7fb8", capsize=3)
            for x, style in ((0.85, ":"), (0.90, "--"), (1.0, "-")):
                ax.axvline(x, color="#c0392b", ls=style, lw=1)
            pairs = zip(table["scale_1"], table["scale_2"], strict=True)
            ax.set_yticks(y, [f"{a} – {b}" for a, b in pairs])
            ax.set_xlabel(words["x"])
            ax.set_title(words["title"] + (words["holds"] if self.ok else words["not"]))
            # also the texts of an axes made before, outside this font
            refont(ax, family)
        return ax

    def _repr_html_(self) -> str:
        verdict = "holds" if self.ok else "not established: " + " ".join(self.problems)
        shown = self.htmt.round(3).to_html(index=False, escape=True)
        named = html.escape(f"{self.htmt_definition}; {self.ave_definition}")
        return f"<p><b>Discriminant validity</b> — {html.escape(verdict)}</p>{shown}<p>{named}</p>"


def discriminant_validity(
    fit: SEMFit,
    *,
    B: int = 1000,
    seed: int | None = None,
    level: float = 0.95,
    ci: float | None = None,
    ave_method: str = "fornell_larcker",
    htmt2: bool = False,
) -> DiscriminantValidity:
    """Discriminant validity of the factors of a fitted CFA.

    ``seed`` is required (the HTMT intervals resample respondents); ``level`` is the
    confidence level of the HTMT intervals (``ci=0.95``, its name before cxlab 0.2, still
    works until 0.3 with a DeprecationWarning).

    ``ave_method`` chooses the AVE whose square root is compared with the latent
    correlations: ``"fornell_larcker"`` (default, the mean squared standardized
    loading) or ``"semtools"`` (``semTools::AVE(fit)``, the AVE that
    :func:`cxlab.psychometrics.model_reliability` reports; see
    :func:`cxlab.psychometrics.ave`). ``htmt2=True`` computes HTMT2 instead of the
    original HTMT (:func:`cxlab.psychometrics.htmt`). The result's ``ave_definition`` and
    ``htmt_definition`` say which.

    A construct fails Fornell-Larcker when √AVE is not above each of its latent
    correlations; a pair fails HTMT inference when the bootstrap CI of HTMT reaches 1
    (Henseler et al. 2015), and is flagged when HTMT exceeds .85 / .90. An inadmissible
    CFA cannot be assessed: the error says why (often the very symptom — a factor
    correlation beyond 1 or a non-positive-definite factor matrix).

    Examples
    --------
    >>> import cxlab as cx
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> fit = cx.psychometrics.cfa("visual =~ x1 + x2 + x3\\nspeed =~ x7 + x8 + x9", hs)
    >>> dv = cx.psychometrics.discriminant_validity(fit, B=100, seed=1)
    >>> dv.ok, dv.problems
    (True, [])
    >>> dv.htmt_definition
    'HTMT (original, Henseler et al. 2015; semTools::htmt(htmt2 = FALSE))'
    >>> sv = cx.psychometrics.discriminant_validity(fit, B=100, seed=1, ave_method="semtools")
    >>> sv.ave.round(3).to_dict(), sv.ave_definition
    ({'visual': 0.368, 'speed': 0.427}, 'AVE (semTools::AVE, obs.var = TRUE)')
    """
    if ci is not None:
        deprecated(f"discriminant_validity(ci={ci})", f"discriminant_validity(level={ci})")
        level = ci
    if seed is None:
        raise DataError(
            "HTMT's bootstrap intervals resample respondents at random: pass seed= (any "
            "integer, e.g. seed=1) so that they can be reproduced."
        )
    if ave_method not in ("fornell_larcker", "semtools"):
        raise DataError(f"ave_method must be 'fornell_larcker' or 'semtools', not {ave_method!r}.")
    est = fit.to_frame()
    if len(fit.groups) > 1:
        raise DataError("Assess discriminant validity within one group (fit without group=).")
    loads = est[est.op == "=~"]
    scales = {f: part["rhs"].tolist() for f, part in loads.groupby("lhs", sort=False)}
    factors = list(scales)
    if ave_method == "fornell_larcker":
        ave_values = loads.groupby("lhs", sort=False)["std_all"].apply(
            lambda s: float(np.mean(s**2))
        )
        ave_definition = AVE_FORNELL_LARCKER
    else:
        ave_values = _semtools_ave(fit, factors)
        ave_definition = ave(fit).attrs["definition"]
    cor = pd.DataFrame(np.eye(len(factors)), index=factors, columns=factors)
    covs = est[
        (est.op == "~~") & est.lhs.isin(factors) & est.rhs.isin(factors) & (est.lhs != est.rhs)
    ]
    for _, r in covs.iterrows():
        cor.loc[r["lhs"], r["rhs"]] = cor.loc[r["rhs"], r["lhs"]] = r["std_all"]
    fl = fornell_larcker(ave_values, cor)
    usable = {f: items for f, items in scales.items() if len(items) >= 2}
    data = fit.data_
    ht = htmt_bootstrap(data, usable, B=B, seed=seed, level=level, htmt2=htmt2)
    cross = cross_loadings(data, usable)
    problems = []
    root = np.sqrt(ave_values)
    for f in factors:
        others = cor.loc[f].drop(f).abs()
        worst = others.idxmax() if len(others) else None
        if worst is not None and others[worst] >= root[f]:
            problems.append(
                f"Fornell-Larcker: √AVE of {f} ({root[f]:.3f}) is not above its correlation "
                f"with {worst} ({others[worst]:.3f})."
            )
    for r in ht.itertuples():
        if r.ci_includes_1:
            problems.append(
                f"HTMT of {r.scale_1} and {r.scale_2} is {r.htmt:.3f} and its CI reaches "
                f"{r.ci_high:.3f} ≥ 1."
            )
    return DiscriminantValidity(
        fl,
        ht,
        cross,
        ave_values,
        cor,
        problems,
        ave_definition=ave_definition,
        htmt_definition=HTMT_DEFINITION[bool(htmt2)],
    )


def _semtools_ave(fit: SEMFit, factors: list[str]) -> pd.Series:
    """semTools' AVE of each factor, for the Fornell–Larcker table: a value at most 1e-6
    above 1 (an error-free single indicator, numerically) counts as 1; a factor without
    one (an item loading on two factors, a factor of factors) or far above 1 is an error.
    """
    values = ave(fit, drop_single=False).loc[fit.groups[0], factors].astype(float)
    bad = ~np.isfinite(values) | (values > 1 + 1e-6)
    if bad.any():
        raise DataError(
            f"semTools' AVE of {', '.join(values.index[bad])} is not defined or above 1 (an "
            "item loading on two factors, a factor measured by other factors). Use "
            "ave_method='fornell_larcker' (the mean squared standardized loading)."
        )
    return values.clip(upper=1.0).rename_axis("lhs").rename("ave")


def common_method_check(data: pd.DataFrame, items: list[str]) -> dict[str, Any]:
    """Harman's single-factor test (weak; see :func:`cxlab.psychometrics.harman_single_factor`).

    Examples
    --------
    >>> import cxlab as cx
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> res = cx.psychometrics.common_method_check(hs, [f"x{i}" for i in range(1, 10)])
    >>> res["above_50_percent"]
    False
    """
    return harman_single_factor(data, items)
