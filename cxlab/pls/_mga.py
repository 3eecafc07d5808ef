"""PLS multi-group analysis (PLS-MGA) of two groups, for :mod:`cxlab.pls` (private; the
face is ``cx.pls.mga``).

The model is fitted in each group with the pooled fit's settings, MICOM checks that the
composites are comparable (:mod:`cxlab.pls._micom`), and every path coefficient's
difference d = β₁ − β₂ (group 1 − group 2) is tested four ways:

* **permutation test** (Chin & Dibbern 2010): the groups are relabelled at random B
  times (sizes kept; the same relabellings as MICOM, :mod:`cxlab.pls._permute`), the
  model refitted in both groups, and p = share of relabellings with |d*| ≥ |d|
  (two-sided). ``different`` is this test at level α;
* **Henseler's PLS-MGA** (Henseler, Ringle & Sinkovics 2009): each group is bootstrapped
  B times (``PLSFit.bootstrap``: ``default_rng(seed).integers(0, n_g, n_g)`` per draw,
  the same seed in both groups, as seminr's ``estimate_pls_mga``) and
  p₁ = 1 − (1/J²) Σⱼ Σₖ Θ(2β̄₁ − β₁ⱼ − 2β̄₂ + β₂ₖ) over the J draws kept in both groups
  (Θ the unit step, β̄ the means of the draws): the one-sided p of H₁: β₁ > β₂
  (``pvalue_henseler_1s``, seminr's ``pls_mga_p``; near 1 when β₂ > β₁); the two-sided
  p = 2 min(p₁, 1 − p₁) (``pvalue_henseler``);
* **parametric test** (Keil et al. 2000), with the groups' bootstrap SEs:
  t = d / (√((n₁−1)² se₁² + (n₂−1)² se₂²) / √(n₁+n₂−2) · √(1/n₁ + 1/n₂)), df = n₁+n₂−2;
* **Welch–Satterthwaite test** (unequal variances): t = d / √(se₁² + se₂²),
  df = (se₁² + se₂²)² / (se₁⁴/(n₁−1) + se₂⁴/(n₂−1)).

The two t tests are two-sided. Henseler's p equals seminr 0.2.1's ``estimate_pls_mga`` for
the same seed (tests/reference/seminr_mga.py); the permutation p-values agree with
openpls-engine 1.13.0's ``MGA`` within Monte-Carlo error (tests/reference/openpls_micom.py).
openpls-engine's ``BootstrapMGA`` has the same parametric formula and a Welch variant with
(n_g − 1)/n_g · se_g² in place of se_g² (it cites Hair et al.'s Primer for it; not
compared here). All tests are also checked by their behaviour on simulated groups with one
known path difference (tests/test_pls_mga.py).

References
----------
Chin, W. W., & Dibbern, J. (2010). An introduction to a permutation based procedure for
multi-group PLS analysis. In V. Esposito Vinzi et al. (Eds.), *Handbook of Partial Least
Squares* (pp. 171–193). Springer.
Henseler, J., Ringle, C. M., & Sinkovics, R. R. (2009). The use of partial least squares
path modeling in international marketing. *Advances in International Marketing, 20*,
277–319.
Keil, M., Tan, B. C. Y., Wei, K.-K., Saarinen, T., Tuunainen, V., & Wassenaar, A. (2000).
A cross-cultural study on escalation of commitment behavior in software projects. *MIS
Quarterly, 24*(2), 299–325.
Sarstedt, M., Henseler, J., & Ringle, C. M. (2011). Multigroup analysis in partial least
squares (PLS) path modeling: Alternative methods and empirical results. *Advances in
International Marketing, 22*, 195–218.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from scipy import stats

from cxlab.pls import _boot as _pls_boot
from cxlab.pls._boot import PLSBootstrap
from cxlab.pls._micom import MICOM, VERDICTS, assess, check_alpha
from cxlab.pls._model import PLSFit
from cxlab.pls._permute import Draws, Split, check_seed, observed, permute, split

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from cxlab.viz import Lang

COLUMNS = [
    "lhs", "op", "rhs", "est_1", "est_2", "diff", "se_1", "se_2",
    "ci_low_1", "ci_high_1", "ci_low_2", "ci_high_2",
    "pvalue_perm", "pvalue_henseler", "pvalue_henseler_1s", "pvalue_parametric",
    "pvalue_welch", "different", "invariance",
]  # fmt: skip
SUMMARY_COLUMNS = (
    "lhs", "op", "rhs", "est_1", "est_2", "diff", "pvalue_perm", "pvalue_henseler",
    "pvalue_parametric", "pvalue_welch", "different", "invariance",
)  # fmt: skip
#: the words of :meth:`PLSMGA.plot`, by language
_WORDS = {
    "en": {
        "title": "PLS multi-group analysis: {a} vs {b}",
        "x": "path coefficient ({level:.0%} bootstrap interval); * differs (permutation "
        "p < {alpha:g})",
        "group": "group {g}",
    },
    "zh": {
        "title": "PLS 多群组分析：{a} 与 {b}",
        "x": "路径系数（{level:.0%} 自助法区间）；* 组间差异显著（置换检验 p < {alpha:g}）",
        "group": "组 {g}",
    },
}


def henseler_p(b1: np.ndarray, b2: np.ndarray) -> np.ndarray:
    """Henseler's one-sided PLS-MGA p of H₁: β₁ > β₂, per column of two J × k arrays of
    bootstrap draws (see the module): 1 − the share of the J² pairs (j, k) with
    2β̄₁ − β₁ⱼ − 2β̄₂ + β₂ₖ > 0, counted by sorting (not a J × J grid).

    Examples
    --------
    >>> import numpy as np
    >>> from cxlab.pls._mga import henseler_p
    >>> rng = np.random.default_rng(0)
    >>> b1 = rng.normal(0.5, 0.05, (500, 1))
    >>> henseler_p(b1, rng.normal(0.2, 0.05, (500, 1))).round(3).tolist()  # 1 larger
    [0.0]
    >>> henseler_p(b1, rng.normal(0.8, 0.05, (500, 1))).round(3).tolist()  # 2 larger
    [1.0]
    """
    b1 = np.asarray(b1, dtype=float)
    b2 = np.asarray(b2, dtype=float)
    j = len(b1)
    out = np.empty(b1.shape[1])
    for col in range(b1.shape[1]):
        x1, x2 = b1[:, col], np.sort(b2[:, col])
        # pairs with x2[k] > x1[j] - 2 mean1 + 2 mean2
        threshold = 2 * x1.mean() - x1 - 2 * x2.mean()
        favourable = j - np.searchsorted(x2, -threshold, side="right")
        out[col] = 1 - favourable.sum() / (j * j)
    return out


def t_tests(
    diff: np.ndarray, se1: np.ndarray, se2: np.ndarray, n1: int, n2: int
) -> tuple[np.ndarray, np.ndarray]:
    """Two-sided p of the parametric test and of the Welch–Satterthwaite test of path
    differences *diff* with the groups' bootstrap SEs (formulas in the module).

    Examples
    --------
    >>> import numpy as np
    >>> from cxlab.pls._mga import t_tests
    >>> p_par, p_welch = t_tests(np.array([0.2]), np.array([0.05]), np.array([0.05]), 300, 300)
    >>> round(float(p_par[0]), 5), round(float(p_welch[0]), 5)
    (0.00476, 0.00483)
    """
    df = n1 + n2 - 2
    pooled = np.sqrt(((n1 - 1) ** 2 * se1**2 + (n2 - 1) ** 2 * se2**2) / df)
    t_par = diff / (pooled * np.sqrt(1 / n1 + 1 / n2))
    var = se1**2 + se2**2
    t_welch = diff / np.sqrt(var)
    df_welch = var**2 / (se1**4 / (n1 - 1) + se2**4 / (n2 - 1))
    return 2 * stats.t.sf(np.abs(t_par), df), 2 * stats.t.sf(np.abs(t_welch), df_welch)


@dataclass
class PLSMGA:
    """PLS multi-group analysis of two groups (see :func:`mga`).

    Attributes
    ----------
    table : pandas.DataFrame
        One row per path (also ``to_frame()``): lhs (outcome), op ``~``, rhs (predictor);
        est_1, est_2 (the path in group 1 and 2), diff = est_1 − est_2; se_1, se_2 and
        ci_low / ci_high _1 / _2 (bootstrap SEs and percentile 1 − α intervals);
        pvalue_perm (permutation test), pvalue_henseler (two-sided) and
        pvalue_henseler_1s (one-sided, H₁: est_1 > est_2), pvalue_parametric,
        pvalue_welch; different (pvalue_perm < α); invariance (the weaker MICOM verdict
        of the path's two composites: "full", "partial" or "none").
    micom : MICOM
        The measurement invariance of the composites, from the same relabellings.
    fits : (PLSFit, PLSFit)
        The model fitted in group 1 and in group 2.
    boots : (PLSBootstrap, PLSBootstrap)
        Their bootstraps.
    labels, sizes : tuple
        The groups' labels and sizes (group 1 first).
    B, seed, alpha : int, int, float
        Draws per bootstrap and relabellings, their seed, and the level of the tests.
    n_perm_ok : int
        Relabellings used (the others are counted in ``micom``).
    notes : list of str
        What was done to the data.
    """

    table: pd.DataFrame
    micom: MICOM
    fits: tuple[PLSFit, PLSFit]
    boots: tuple[PLSBootstrap, PLSBootstrap]
    labels: tuple[Any, Any]
    sizes: tuple[int, int]
    B: int
    seed: int
    alpha: float
    n_perm_ok: int
    notes: list[str]

    def _head(self) -> str:
        (a, b), (n1, n2) = self.labels, self.sizes
        return (
            f"PLS multi-group analysis: group 1 = {a!r} (n = {n1}), group 2 = {b!r} "
            f"(n = {n2}); {self.B} bootstrap draws per group ({self.boots[0].n_ok} and "
            f"{self.boots[1].n_ok} used) and {self.B} permutations ({self.n_perm_ok} used), "
            f"seed {self.seed}, α = {self.alpha:g}"
        )

    def different(self) -> pd.DataFrame:
        """The paths whose groups differ by the permutation test at level α.

        Examples
        --------
        >>> import cxlab as cx
        >>> data = cx.datasets.load("ecsi_mobile")
        >>> fit = cx.pls.fit(cx.models.ecsi(), data)
        >>> high = data["CUSCO"] >= 8
        >>> res = cx.pls.mga(fit, high, B=200, seed=1, n_jobs=1, progress=False, alpha=0.1)
        >>> res.different()[["lhs", "rhs", "diff", "pvalue_perm"]].round(3)
               lhs           rhs   diff  pvalue_perm
        0  Loyalty  Satisfaction -0.318        0.055
        """
        t = self.table
        return t[t["different"]].reset_index(drop=True)

    def summary(self) -> str:
        """A plain-text report: MICOM's verdict, the path differences and their tests.

        Examples
        --------
        >>> import cxlab as cx
        >>> data = cx.datasets.load("ecsi_mobile")
        >>> fit = cx.pls.fit(cx.models.ecsi(), data)
        >>> res = cx.pls.mga(fit, data["CUSCO"] >= 8, B=200, seed=1, n_jobs=1, progress=False)
        >>> print(res.summary().splitlines()[2][:30])
        MICOM (before any comparison):
        """
        t = self.table
        shown = t[[*SUMMARY_COLUMNS]]
        hits = self.different()
        found = (
            "; ".join(
                f"{r.lhs} ~ {r.rhs} ({r.diff:+.3f}, p = {r.pvalue_perm:.3f})"
                for r in hits.itertuples()
            )
            or "none"
        )
        parts = [
            self._head(),
            "",
            "MICOM (before any comparison): " + self.micom.verdict(),
            "",
            "Path differences (group 1 - group 2)",
            shown.round(3).to_string(index=False),
            "",
            f"Paths that differ at α = {self.alpha:g} (permutation test): {found}.",
        ]
        weak = t[t["invariance"] == "none"]
        if len(weak):
            parts.append(
                "Not comparable (a composite without compositional invariance): "
                + ", ".join(f"{r.lhs} ~ {r.rhs}" for r in weak.itertuples())
                + "."
            )
        parts += [
            "",
            "Tests: pvalue_perm - permutation (Chin & Dibbern 2010), two-sided; "
            "pvalue_henseler - Henseler's PLS-MGA, two-sided 2·min(p, 1 - p) of the "
            "one-sided pvalue_henseler_1s (H1: group 1 > group 2); pvalue_parametric, "
            "pvalue_welch - t tests with the bootstrap SEs.",
        ]
        if self.notes:
            parts += ["", "Notes", *(f"- {n}" for n in self.notes)]
        return "\n".join(parts)

    def to_frame(self) -> pd.DataFrame:
        """One row per path with both groups' estimates and the four tests (:attr:`table`).

        Examples
        --------
        >>> import cxlab as cx
        >>> data = cx.datasets.load("ecsi_mobile")
        >>> fit = cx.pls.fit(cx.models.ecsi(), data)
        >>> res = cx.pls.mga(fit, data["CUSCO"] >= 8, B=200, seed=1, n_jobs=1, progress=False)
        >>> res.to_frame()[["lhs", "rhs", "est_1", "est_2", "pvalue_perm"]].round(3).tail(2)
               lhs           rhs  est_1  est_2  pvalue_perm
        8  Loyalty         Image  0.351  0.145        0.150
        9  Loyalty  Satisfaction  0.251  0.569        0.055
        """
        return self.table

    def plot(self, *, ax: Axes | None = None, lang: Lang | None = None) -> Axes:
        """Both groups' path coefficients with their bootstrap intervals; a path whose
        groups differ (permutation p < α) is starred.

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Draw into this axes instead of a new figure.
        lang : {"en", "zh"}, optional
            Language of the title, axis label and legend; default: the notebook's
            (:func:`cxlab.viz.language`, set by ``cx.viz.set_theme(lang=...)``).

        Returns
        -------
        matplotlib.axes.Axes

        Examples
        --------
        >>> import cxlab as cx
        >>> data = cx.datasets.load("ecsi_mobile")
        >>> fit = cx.pls.fit(cx.models.ecsi(), data)
        >>> res = cx.pls.mga(fit, data["CUSCO"] >= 8, B=200, seed=1, n_jobs=1, progress=False)
        >>> len(res.plot().get_yticklabels())
        10
        >>> res.plot(lang="zh").get_legend().get_texts()[0].get_text()
        '组 True'
        """
        import matplotlib
        import matplotlib.pyplot as plt

        from cxlab.viz import figure_words, refont

        _, words, family = figure_words(lang, _WORDS)
        t = self.table
        with matplotlib.rc_context({"font.family": family}):
            if ax is None:
                _, ax = plt.subplots(figsize=(6.5, 0.45 * len(t) + 1.4))
            pos = np.arange(len(t))
            for g, (shift, color, marker) in enumerate(
                ((-0.15, "#4477aa", "o"), (0.15, "#cc6677", "s")), start=1
            ):
                est = t[f"est_{g}"].to_numpy(dtype=float)
                err = np.vstack(
                    [
                        est - t[f"ci_low_{g}"].to_numpy(dtype=float),
                        t[f"ci_high_{g}"].to_numpy(dtype=float) - est,
                    ]
                )
                ax.errorbar(
                    est,
                    pos + shift,
                    xerr=err,
                    fmt=marker,
                    color=color,
                    capsize=2,
                    label=words["group"].format(g=self.labels[g - 1]),
                )
            names = [f"{r.rhs} → {r.lhs}" + (" *" if r.different else "") for r in t.itertuples()]
            ax.set_yticks(pos, names)
            ax.invert_yaxis()
            ax.axvline(0, color="grey", lw=0.8)
            a, b = self.labels
            ax.set(
                xlabel=words["x"].format(level=1 - self.alpha, alpha=self.alpha),
                title=words["title"].format(a=a, b=b),
            )
            ax.legend(loc="best", fontsize="small")
            refont(ax, family)
        return ax

    def __repr__(self) -> str:
        return (
            f"PLSMGA(groups={self.labels!r}, B={self.B}, paths={len(self.table)}, "
            f"different={int(self.table['different'].sum())})"
        )

    def _repr_html_(self) -> str:
        shown = self.table.round(3).to_html(index=False)
        return (
            f"<p><b>{html.escape(self._head())}</b></p>"
            f"<p>MICOM: {html.escape(self.micom.verdict())}</p>{shown}"
        )


def _table(
    sp: Split,
    boots: tuple[PLSBootstrap, PLSBootstrap],
    obs: Draws,
    draws: Draws,
    micom: MICOM,
    alpha: float,
) -> pd.DataFrame:
    f1, f2 = sp.fits
    p1, p2 = pd.DataFrame(f1.paths_), pd.DataFrame(f2.paths_)
    table = p1[["lhs", "op", "rhs"]].copy()
    table["est_1"] = p1["est"].to_numpy()
    table["est_2"] = p2["est"].to_numpy()
    table["diff"] = table["est_1"] - table["est_2"]
    rows = []
    for g, boot in enumerate(boots, start=1):
        paths = pd.DataFrame(boot.paths())
        table[f"se_{g}"] = paths["se"].to_numpy()
        table[f"ci_low_{g}"] = paths["ci_low"].to_numpy()
        table[f"ci_high_{g}"] = paths["ci_high"].to_numpy()
        rows.append(np.flatnonzero((boot.table["kind"] == "path").to_numpy()))
    j = min(boots[0].n_ok, boots[1].n_ok)
    b1 = boots[0].draws[:j][:, rows[0]]
    b2 = boots[1].draws[:j][:, rows[1]]
    d_obs = obs.paths[0, 0] - obs.paths[0, 1]
    d_perm = draws.paths[:, 0] - draws.paths[:, 1]
    table["pvalue_perm"] = (np.abs(d_perm) >= np.abs(d_obs)).mean(axis=0)
    one = henseler_p(b1, b2)
    table["pvalue_henseler"] = np.minimum(1.0, 2 * np.minimum(one, 1 - one))
    table["pvalue_henseler_1s"] = one
    n1, n2 = sp.sizes
    par, welch = t_tests(
        table["diff"].to_numpy(), table["se_1"].to_numpy(), table["se_2"].to_numpy(), n1, n2
    )
    table["pvalue_parametric"] = par
    table["pvalue_welch"] = welch
    table["different"] = table["pvalue_perm"] < alpha
    rank = {v: i for i, v in enumerate(VERDICTS)}
    verdict = dict(zip(micom.table["construct"], micom.table["invariance"], strict=True))
    table["invariance"] = [
        max(verdict[a], verdict[b], key=rank.__getitem__)
        for a, b in zip(table["lhs"], table["rhs"], strict=True)
    ]
    table.attrs["tests"] = (
        "pvalue_perm: permutation test; pvalue_henseler(_1s): Henseler's PLS-MGA; "
        "pvalue_parametric, pvalue_welch: t tests with bootstrap SEs"
    )
    return table[COLUMNS]


def mga(
    fit: PLSFit,
    group: Any,
    *,
    data: Any = None,
    levels: Sequence[Any] | None = None,
    B: int = 1000,
    seed: int | None = None,
    n_jobs: int | None = -1,
    progress: bool = True,
    alpha: float = 0.05,
) -> PLSMGA:
    """Compare the path coefficients of two groups (PLS-MGA), after MICOM.

    Fits the model in each group, checks the measurement invariance of the composites
    (MICOM, :func:`cxlab.pls.micom`), and tests each path's difference with the
    permutation test, Henseler's bootstrap PLS-MGA, the parametric and the
    Welch–Satterthwaite test (see :mod:`cxlab.pls._mga`).

    # In R: seminr::estimate_pls_mga(fit, condition, nboot = B, seed = seed) (pvalue_henseler_1s)
    # In SmartPLS: Multigroup analysis (MGA) and Permutation

    Parameters
    ----------
    fit : PLSFit
        A first-order model from :func:`cxlab.pls.fit`, fitted on both groups.
    group : str, pandas.Series or sequence
        The grouping variable: a column of *data*, a Series aligned with the data's index,
        or one label per row the fit used. Two values (or pick two with *levels*); group
        1 is the first in sorted order, or the True rows of a condition such as
        ``data["type"] == "business"`` (seminr's ``condition``).
    data : pandas.DataFrame or cxlab.survey.Survey, optional
        The data given to :func:`cxlab.pls.fit` (needed when *group* is a column name).
    levels : (a, b), optional
        The two groups to compare, when the variable has more values (other rows are
        left out and the pooled model refitted on the rest).
    B : int
        Bootstrap draws per group and random relabellings (1000; 5000 for a paper).
    seed : int
        Seed of the draws (required; the same seed gives the same numbers on any number
        of cores, and seminr's bootstrap draws in each group).
    n_jobs : int, optional
        Threads (-1: all cores).
    progress : bool
        Show progress bars.
    alpha : float
        Level of the tests (``different``, MICOM) and 1 − α of the bootstrap intervals.

    Returns
    -------
    PLSMGA
        ``.table`` (``to_frame()``), ``.different()``, ``.micom``, ``.fits``, ``.boots``,
        ``.summary()``, ``.plot()``.

    Examples
    --------
    >>> import cxlab as cx
    >>> data = cx.datasets.load("ecsi_mobile")
    >>> fit = cx.pls.fit(cx.models.ecsi(), data)
    >>> high = data["CUSCO"] >= 8  # complaint handling rated 8-10: group 1
    >>> res = cx.pls.mga(fit, high, B=200, seed=1, n_jobs=1, progress=False)
    >>> res.table[["lhs", "rhs", "diff", "pvalue_perm", "pvalue_henseler"]].round(3).head(3)
               lhs          rhs   diff  pvalue_perm  pvalue_henseler
    0  Expectation        Image  0.152        0.190            0.225
    1      Quality  Expectation  0.045        0.705            0.612
    2        Value  Expectation  0.022        0.900            0.894
    """
    check_seed(seed, B, "bootstrap and permutations")
    assert seed is not None
    alpha = check_alpha(alpha)
    sp = split(fit, group, data, levels)
    boots = tuple(
        _pls_boot.bootstrap(f, int(B), int(seed), n_jobs, progress, 1 - alpha, None)
        for f in sp.fits
    )
    draws = permute(sp, int(B), seed=int(seed), n_jobs=n_jobs, progress=progress)
    obs = observed(sp)
    micom = assess(sp, obs, draws, alpha, int(seed))
    table = _table(sp, boots, obs, draws, micom, alpha)  # type: ignore[arg-type]
    return PLSMGA(
        table,
        micom,
        sp.fits,
        boots,  # type: ignore[arg-type]
        sp.labels,
        sp.sizes,
        int(B),
        int(seed),
        alpha,
        draws.n_ok,
        list(micom.notes),
    )
