"""Vectorised bootstrap of a PLS path model, for :mod:`cxlab.pls` (private).

All B resamples are drawn first from one seeded generator — ``rng.integers(0, n, n)`` per
draw, in order, exactly as seminr's default resampler does, so the same seed gives seminr's
draws — and turned into row counts. Each resample's item correlation matrix is a weighted
moment of the data (counts as frequency weights), and the PLS iteration runs on chunks of
100 correlation matrices at once (:mod:`cxlab.pls._engine`). Chunks run in threads with
joblib; their composition does not depend on ``n_jobs``, so a seed gives bit-identical
results on any number of cores. Like seminr and SmartPLS (default "no sign changes"),
draws are not sign-corrected. A draw in which an item is constant, or the iteration does
not converge, is left out and counted in ``summary()``.

Rows of the table, in cxlab's column vocabulary: a path is ``lhs = outcome, op = "~",
rhs = predictor``, a loading ``construct =~ item``, a weight ``construct <~ item``, an
indirect or total effect ``to ~ from`` (``.effects()`` shows them with from / to), a
defined effect ``name := expression``, an HTMT ``construct ~~ construct`` and an index
``construct`` with rhs ``0-100`` (op ``index``). ``se`` is the bootstrap SE (SD of the
draws) and ``t`` = est / se (SmartPLS's name).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from cxlab._conventions import deprecated, renamed_columns
from cxlab._parallel import map_chunks, on_cluster, one_blas_thread
from cxlab.errors import DataError, EstimationError
from cxlab.pls import _engine as en

if TYPE_CHECKING:
    from distributed import Client
    from matplotlib.axes import Axes

    from cxlab.pls._model import PLSFit
    from cxlab.viz import Lang

CHUNK = 100
COLUMNS = ["kind", "lhs", "op", "rhs", "est", "boot_mean", "se", "t", "ci_low", "ci_high"]
#: old names of the bootstrap columns (cxlab <= 0.1); from / to per kind of row below
BOOT_OLD = {"boot_se": "se", "ci.lower": "ci_low", "ci.upper": "ci_high"}
PATH_OLD = {**BOOT_OLD, "from": "rhs", "to": "lhs"}
OUTER_OLD = {**BOOT_OLD, "from": "lhs", "to": "rhs"}
OPS = {"path": "~", "loading": "=~", "weight": "<~", "indirect": "~", "total": "~"}
OPS |= {"defined": ":=", "htmt": "~~", "index": "index"}
#: the words of :meth:`PLSBootstrap.plot`, by language
_WORDS = {
    "en": {
        "x": "path coefficient, {level:.0%} percentile interval",
        "title": "PLS bootstrap (B = {B})",
    },
    "zh": {"x": "路径系数，{level:.0%} 百分位区间", "title": "PLS 自助法（B = {B}）"},
}


@dataclass
class Plan:
    """Which statistics a draw yields, in which order (``rows``), and how to get them."""

    rows: pd.DataFrame
    paths: np.ndarray
    item_construct: np.ndarray
    total: np.ndarray
    indirect: np.ndarray
    defined: list[tuple[str, str]]
    labels: dict[str, tuple[int, int]]
    htmt_items: np.ndarray
    htmt_g: np.ndarray
    htmt_pairs: np.ndarray
    index: tuple[np.ndarray, np.ndarray] | None

    @classmethod
    def of(cls, fit: PLSFit, index: tuple[np.ndarray, np.ndarray] | None) -> Plan:
        """The statistics of *fit*: paths, loadings, weights, indirect and total effects,
        defined effects, HTMT of multi-item constructs, and CSI indices when *index*
        (items' scale minima and maxima) is given.

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
        >>> from cxlab.pls._boot import Plan
        >>> Plan.of(fit, None).rows["kind"].value_counts(sort=False).to_dict()
        {'path': 10, 'loading': 23, 'weight': 23, 'indirect': 10, 'total': 15, 'defined': 4, \
'htmt': 15}
        """
        lay = fit.layout_
        spec = fit.spec_
        names = lay.constructs
        pos = {c: j for j, c in enumerate(names)}
        rows = [("path", b, a) for a, b in spec.paths]
        item_construct = lay.mask.argmax(axis=1)
        rows += [("loading", names[j], i) for i, j in zip(lay.items, item_construct, strict=True)]
        rows += [("weight", names[j], i) for i, j in zip(lay.items, item_construct, strict=True)]
        adj = lay.adjacency
        reach = en.total_effects(adj[None])[0]
        longer = adj @ reach  # reached by two or more paths in a row
        indirect = np.argwhere(longer > 0)
        total = np.argwhere(reach > 0)
        rows += [("indirect", names[b], names[a]) for a, b in indirect]
        rows += [("total", names[b], names[a]) for a, b in total]
        defined = list(spec.defined.items())
        rows += [("defined", name, expr) for name, expr in defined]
        multi = [j for j, c in enumerate(names) if len(spec.blocks[c]) > 1]
        keep = np.flatnonzero(lay.mask[:, multi].sum(axis=1))
        g = lay.mask[np.ix_(keep, multi)]
        pairs = np.array([(a, b) for a in range(len(multi)) for b in range(a + 1, len(multi))])
        rows += [("htmt", names[multi[a]], names[multi[b]]) for a, b in pairs]
        if index is not None:
            rows += [("index", c, "0-100") for c in names]
        labels = {lab: (pos[a], pos[b]) for (a, b), lab in spec.labels.items()}
        frame = pd.DataFrame(rows, columns=["kind", "lhs", "rhs"])
        frame.insert(2, "op", frame["kind"].map(OPS))
        return cls(
            frame,
            np.array([(pos[a], pos[b]) for a, b in spec.paths]),
            item_construct,
            total,
            indirect,
            defined,
            labels,
            keep,
            g,
            pairs.reshape(-1, 2),
            index,
        )

    def values(
        self, sol: en.Solution, s: np.ndarray, mean: np.ndarray, sd: np.ndarray
    ) -> np.ndarray:
        """The statistics (b × rows) of a batch of solutions.

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
        >>> from cxlab.pls import _engine as en
        >>> from cxlab.pls._boot import Plan
        >>> x = fit.data_.to_numpy()
        >>> s = en.correlations(x)
        >>> sol = en.solve(s, fit.weight_matrix_[None], fit.layout_)
        >>> est = Plan.of(fit, None).values(sol, s, x.mean(0)[None], x.std(0, ddof=1)[None])
        >>> est.shape, round(float(est[0, 0]), 3)  # 1 sample × 100 rows; Image → Expectation
        ((1, 100), 0.505)
        """
        from cxlab.pls._spec import evaluate
        from cxlab.psychometrics.efa import htmt_from_corr

        items = np.arange(len(self.item_construct))
        parts = [
            sol.paths[:, self.paths[:, 0], self.paths[:, 1]],
            sol.loadings[:, items, self.item_construct],
            sol.weights[:, items, self.item_construct],
            (sol.total - sol.paths)[:, self.indirect[:, 0], self.indirect[:, 1]],
            sol.total[:, self.total[:, 0], self.total[:, 1]],
        ]
        if self.defined:
            labelled = {k: sol.paths[:, a, b] for k, (a, b) in self.labels.items()}
            parts.append(
                np.stack(
                    [
                        np.broadcast_to(evaluate(expr, labelled, name), (len(s),))
                        for name, expr in self.defined
                    ],
                    axis=1,
                )
            )
        if len(self.htmt_pairs):
            sub = s[:, self.htmt_items[:, None], self.htmt_items]
            h = htmt_from_corr(sub, self.htmt_g, False)
            parts.append(h[:, self.htmt_pairs[:, 0], self.htmt_pairs[:, 1]])
        if self.index is not None:
            lo, hi = self.index
            parts.append(csi(sol.weights, mean, sd, lo, hi))
        return np.concatenate(parts, axis=1)


def csi(
    w: np.ndarray, mean: np.ndarray, sd: np.ndarray, lo: np.ndarray, hi: np.ndarray
) -> np.ndarray:
    """0–100 index per sample and construct (b × J): the mean of the items rescaled to
    0–100 weighted by the unstandardized weights (w / sd of the rescaled item) normalised
    to sum to 1 in each block."""
    rng = hi - lo
    unstd = w / (sd * 100 / rng)[:, :, None]
    share = unstd / unstd.sum(axis=1, keepdims=True)
    perf = (mean - lo) / rng * 100
    return np.einsum("bpj,bp->bj", share, perf)


def _chunk(xc, means, counts, lay, plan, scheme, tol, max_iter):
    s, mean, sd, ok = en.resampled(xc, counts)
    out = np.full((len(counts), len(plan.rows)), np.nan)
    status = np.where(ok, 0, 1)  # 0 used, 1 constant item, 2 not converged
    if ok.any():
        w, _, conv = en.estimate(s[ok], lay, scheme, tol, max_iter)
        idx = np.flatnonzero(ok)
        status[idx[~conv]] = 2
        good = idx[conv]
        if len(good):
            sol = en.solve(s[good], w[conv], lay)
            out[good] = plan.values(sol, s[good], mean[good] + means, sd[good])
    return out, status


@dataclass
class PLSBootstrap:
    """Bootstrap of a PLS path model.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per statistic (also ``to_frame()``): kind (path, loading, weight,
        indirect, total, defined, htmt, index), lhs, op, rhs (see the module docstring),
        est (full sample), boot_mean, se (bootstrap SE: SD of the draws), t = est / se,
        ci_low and ci_high (percentile interval, R's type-7 quantiles as seminr).
        ``attrs["se"]`` says the SEs are bootstrap SEs.
    draws : numpy.ndarray
        Draws used × rows of ``table``.
    B, seed, level : int, int, float
        Draws asked for, seed and confidence level of the intervals.
    n_ok, n_constant, n_nonconverged : int
        Draws used, and left out (a constant item; no convergence).
    """

    table: pd.DataFrame
    draws: np.ndarray
    B: int
    seed: int
    level: float
    n_ok: int
    n_constant: int
    n_nonconverged: int

    def _draws_line(self) -> str:
        return (
            f"{self.B} bootstrap draws: {self.n_ok} used; {self.n_constant} left out because "
            f"an item was constant in the resample, {self.n_nonconverged} because the PLS "
            f"iteration did not converge. Percentile {self.level:.0%} intervals; seed "
            f"{self.seed}."
        )

    def summary(self) -> str:
        """How many draws were used (and why any were left out), then the paths' rows.

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
        >>> fit.bootstrap(B=100, seed=1, n_jobs=1, progress=False).summary()[:31]
        '100 bootstrap draws: 100 used; '
        """
        shown = pd.DataFrame(self.paths()).drop(columns="kind").round(3)
        return "\n".join([self._draws_line(), "", "Paths", shown.to_string(index=False)])

    def report(self) -> str:
        """Deprecated: :meth:`summary` (this returns only its first line, as before).

        Examples
        --------
        >>> import warnings
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
        >>> boot = fit.bootstrap(B=100, seed=1, n_jobs=1, progress=False)
        >>> with warnings.catch_warnings():
        ...     warnings.simplefilter("ignore", DeprecationWarning)
        ...     boot.report() == boot.summary().splitlines()[0]
        True
        """
        deprecated("PLSBootstrap.report()", "PLSBootstrap.summary()")
        return self._draws_line()

    def to_frame(self) -> pd.DataFrame:
        """Every row (:attr:`table`): paths, loadings, weights, effects, HTMT, indices.

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
        >>> boot = fit.bootstrap(B=50, seed=1, n_jobs=1, progress=False)
        >>> list(boot.to_frame().columns)
        ['kind', 'lhs', 'op', 'rhs', 'est', 'boot_mean', 'se', 't', 'ci_low', 'ci_high']
        """
        return self.table

    def _kind(self, old: dict[str, str], *kinds: str) -> pd.DataFrame:
        rows = pd.DataFrame(self.table[self.table["kind"].isin(kinds)]).reset_index(drop=True)
        return renamed_columns(rows, old)

    def paths(self) -> pd.DataFrame:
        """Rows of the path coefficients (lhs = outcome, op ``~``, rhs = predictor, est,
        se, t, ci_low, ci_high).

        In R: ``summary(seminr::bootstrap_model(pls, nboot = 50, seed = 1))$bootstrapped_paths``.

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
        >>> boot = fit.bootstrap(B=50, seed=1, n_jobs=1, progress=False)
        >>> row = boot.paths().iloc[-1]  # the path to loyalty
        >>> row["lhs"], row["op"], row["rhs"]
        ('Loyalty', '~', 'Satisfaction')
        >>> row[["est", "se", "ci_low", "ci_high"]].astype(float).round(2).tolist()
        [0.51, 0.08, 0.36, 0.67]
        """
        return self._kind(PATH_OLD, "path")

    def loadings(self) -> pd.DataFrame:
        """Rows of the outer loadings (lhs = construct, op ``=~``, rhs = item).

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
        >>> boot = fit.bootstrap(B=50, seed=1, n_jobs=1, progress=False)
        >>> boot.loadings().head(3)[["lhs", "op", "rhs", "est", "ci_low", "ci_high"]].round(2)
             lhs  op    rhs   est  ci_low  ci_high
        0  Image  =~  IMAG1  0.75    0.65     0.82
        1  Image  =~  IMAG2  0.60    0.51     0.70
        2  Image  =~  IMAG3  0.58    0.46     0.66
        """
        return self._kind(OUTER_OLD, "loading")

    def weights(self) -> pd.DataFrame:
        """Rows of the outer weights (lhs = construct, op ``<~``, rhs = item).

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
        >>> boot = fit.bootstrap(B=50, seed=1, n_jobs=1, progress=False)
        >>> boot.weights().head(3)[["lhs", "op", "rhs", "est", "ci_low", "ci_high"]].round(2)
             lhs  op    rhs   est  ci_low  ci_high
        0  Image  <~  IMAG1  0.30    0.26     0.34
        1  Image  <~  IMAG2  0.26    0.19     0.32
        2  Image  <~  IMAG3  0.22    0.16     0.28
        """
        return self._kind(OUTER_OLD, "weight")

    def effects(self) -> pd.DataFrame:
        """Rows of the indirect and total effects, and of the defined effects (``:=``).

        Effects are not model parameters: they keep ``from`` / ``to`` (for a defined
        effect: its name and expression), then est, boot_mean, se, t, ci_low, ci_high.

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
        >>> boot = fit.bootstrap(B=50, seed=1, n_jobs=1, progress=False)
        >>> eff = boot.effects()
        >>> eff["kind"].value_counts().to_dict()
        {'total': 15, 'indirect': 10, 'defined': 4}
        >>> quality = eff[(eff["from"] == "Quality") & (eff["to"] == "Loyalty")]
        >>> quality[["kind", "est", "ci_low", "ci_high"]].round(3)
                kind    est  ci_low  ci_high
        8   indirect  0.315   0.197    0.433
        21     total  0.315   0.197    0.433
        """
        t = self.table
        rows = pd.DataFrame(t[t["kind"].isin(["indirect", "total", "defined"])])
        defined = (rows["kind"] == "defined").to_numpy()
        rows.insert(1, "from", np.where(defined, rows["lhs"], rows["rhs"]))
        rows.insert(2, "to", np.where(defined, rows["rhs"], rows["lhs"]))
        rows = rows.drop(columns=["lhs", "op", "rhs"]).reset_index(drop=True)
        return renamed_columns(rows, BOOT_OLD)

    def plot(self, *, ax: Axes | None = None, lang: Lang | None = None) -> Axes:
        """The paths' estimates with their percentile intervals (a forest plot).

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
        >>> boot = fit.bootstrap(B=50, seed=1, n_jobs=1, progress=False)
        >>> len(boot.plot().get_yticklabels())
        10
        >>> boot.plot(lang="zh").get_title()
        'PLS 自助法（B = 50）'
        """
        import matplotlib
        import matplotlib.pyplot as plt

        from cxlab.viz import figure_words, refont

        lang, words, family = figure_words(lang, _WORDS)
        t = pd.DataFrame(self.paths())
        with matplotlib.rc_context({"font.family": family}):
            if ax is None:
                _, ax = plt.subplots(figsize=(6, 0.35 * len(t) + 1.2))
            pos = np.arange(len(t))
            est = t["est"].to_numpy()
            err = np.vstack([est - t["ci_low"].to_numpy(), t["ci_high"].to_numpy() - est])
            ax.errorbar(est, pos, xerr=err, fmt="o", color="#4477aa", capsize=3)
            ax.set_yticks(pos, [f"{r} → {lh}" for r, lh in zip(t["rhs"], t["lhs"], strict=True)])
            ax.invert_yaxis()
            ax.axvline(0, color="grey", lw=0.8)
            ax.set(
                xlabel=words["x"].format(level=self.level),
                title=words["title"].format(B=self.B),
            )
            # also the texts of an axes made before, outside this font
            refont(ax, family)
        return ax

    def __repr__(self) -> str:
        return f"PLSBootstrap(B={self.B}, used={self.n_ok}, seed={self.seed})"

    def _repr_html_(self) -> str:
        shown = pd.DataFrame(self.paths()).drop(columns="kind").round(3).to_html(index=False)
        return f"<p><b>PLS bootstrap</b> — {html.escape(self._draws_line())}</p>{shown}"


def bootstrap(
    fit: PLSFit,
    B: int,
    seed: int | None,
    n_jobs: int | None,
    progress: bool,
    level: float,
    index: tuple[np.ndarray, np.ndarray] | None,
    client: Client | str | None = None,
) -> PLSBootstrap:
    """See :meth:`cxlab.pls.PLSFit.bootstrap`."""
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
    x = fit.data_.to_numpy()
    n = len(x)
    means = x.mean(axis=0)
    xc = x - means
    rng = np.random.default_rng(seed)
    draws = np.stack([rng.integers(0, n, size=n, dtype=np.intp) for _ in range(B)])
    plan = Plan.of(fit, index)
    lay = fit.layout_
    args = (fit.scheme, fit.tol, fit.max_iter)
    chunks = [np.arange(i, min(i + CHUNK, B)) for i in range(0, B, CHUNK)]

    def run(rows: np.ndarray):
        counts = np.stack([np.bincount(draws[r], minlength=n) for r in rows]).astype(float)
        return _chunk(xc, means, counts, lay, plan, *args)

    values, status = _run_draws(run, chunks, B=B, n_jobs=n_jobs, progress=progress, client=client)
    kept = values[status == 0]
    s_full = en.correlations(x)
    sol = en.solve(s_full, fit.weight_matrix_[None], lay)
    est = plan.values(sol, s_full, means[None], x.std(axis=0, ddof=1)[None])[0]
    alpha = 1 - level
    table = plan.rows.copy()
    table["est"] = est
    table["boot_mean"] = kept.mean(axis=0)
    table["se"] = kept.std(axis=0, ddof=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        table["t"] = est / table["se"].to_numpy()
    lo, hi = np.quantile(kept, [alpha / 2, 1 - alpha / 2], axis=0)
    table["ci_low"] = lo
    table["ci_high"] = hi
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


def _run_draws(
    task, chunks: list[np.ndarray], *, B: int, n_jobs: int | None, progress: bool,
    client: Client | str | None = None,
):  # fmt: skip
    """Every chunk of bootstrap draws through *task* (returning the draws' values and a
    status per draw: 0 solved, 1 a constant item, 2 not converged), in threads (on the
    Dask cluster of *client* if given); refuses a model that fewer than half of the draws
    (or 10) can solve."""
    # small matrices: BLAS threads cost more than they save (and stall a busy machine);
    # the parallelism is over chunks of draws instead
    with one_blas_thread(), on_cluster(client, n_jobs) as jobs:
        parts = map_chunks(
            task, [(c,) for c in chunks], n_jobs=jobs, total=B, desc="bootstrap",
            unit="draw", progress=progress, size=lambda part: len(part[1]), threads=True,
        )  # fmt: skip
    values = np.concatenate([p[0] for p in parts])
    status = np.concatenate([p[1] for p in parts])
    solved = int((status == 0).sum())
    if solved < max(10, B // 2):
        raise EstimationError(
            f"Only {solved} of {B} bootstrap draws gave a solution ({int((status == 1).sum())}"
            f" with a constant item, {int((status == 2).sum())} not converged); the model is "
            "too unstable to bootstrap at this sample size."
        )
    return values, status
