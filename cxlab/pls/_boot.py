"""Vectorised bootstrap of a PLS path model, for :mod:`cxlab.pls` (private).

All B resamples are drawn first from one seeded generator — ``rng.integers(0, n, n)`` per
draw, in order, exactly as seminr's default resampler does, so the same seed gives seminr's
draws — and turned into row counts. Each resample's item correlation matrix is a weighted
moment of the data (counts as frequency weights), and the PLS iteration runs on chunks of
100 correlation matrices at once (:mod:`cxlab.pls._engine`). Chunks run in threads with
joblib; their composition does not depend on ``n_jobs``, so a seed gives bit-identical
results on any number of cores. Like seminr and SmartPLS (default "no sign changes"),
draws are not sign-corrected. A draw in which an item is constant, or the iteration does
not converge, is left out and counted in ``report()``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from cxlab._parallel import map_chunks, one_blas_thread
from cxlab.errors import DataError, EstimationError
from cxlab.pls import _engine as en

if TYPE_CHECKING:
    from cxlab.pls import PLSFit

CHUNK = 100
COLUMNS = ["kind", "from", "to", "est", "boot_mean", "boot_se", "t", "ci.lower", "ci.upper"]


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
        lay = fit._layout
        spec = fit._spec
        names = lay.constructs
        pos = {c: j for j, c in enumerate(names)}
        rows = [("path", a, b) for a, b in spec.paths]
        item_construct = lay.mask.argmax(axis=1)
        rows += [("loading", names[j], i) for i, j in zip(lay.items, item_construct, strict=True)]
        rows += [("weight", names[j], i) for i, j in zip(lay.items, item_construct, strict=True)]
        adj = lay.adjacency
        reach = en.total_effects(adj[None])[0]
        longer = adj @ reach  # reached by two or more paths in a row
        indirect = np.argwhere(longer > 0)
        total = np.argwhere(reach > 0)
        rows += [("indirect", names[a], names[b]) for a, b in indirect]
        rows += [("total", names[a], names[b]) for a, b in total]
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
        return cls(
            pd.DataFrame(rows, columns=["kind", "from", "to"]),
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
        >>> x = fit._x.to_numpy()
        >>> s = en.correlations(x)
        >>> sol = en.solve(s, fit._weights[None], fit._layout)
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
        One row per statistic: kind (path, loading, weight, indirect, total, defined,
        htmt, index), from, to (for loadings and weights: construct, item), est (full
        sample), boot_mean, boot_se (SD of the draws), t = est / boot_se, ci.lower and
        ci.upper (percentile interval, R's type-7 quantiles as seminr).
    draws : numpy.ndarray
        Draws used × rows of ``table``.
    """

    table: pd.DataFrame
    draws: np.ndarray
    B: int
    seed: int
    level: float
    n_ok: int
    n_constant: int
    n_nonconverged: int

    def report(self) -> str:
        """How many draws were used, and why any were left out.

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
        >>> fit.bootstrap(B=100, seed=1, n_jobs=1, progress=False).report()[:31]
        '100 bootstrap draws: 100 used; '
        """
        return (
            f"{self.B} bootstrap draws: {self.n_ok} used; {self.n_constant} left out because "
            f"an item was constant in the resample, {self.n_nonconverged} because the PLS "
            f"iteration did not converge. Percentile {self.level:.0%} intervals; seed "
            f"{self.seed}."
        )

    def _kind(self, *kinds: str) -> pd.DataFrame:
        return self.table[self.table["kind"].isin(kinds)].reset_index(drop=True)

    def paths(self) -> pd.DataFrame:
        """Rows of the path coefficients (from, to, est, boot_se, t, CI).

        In R: ``summary(seminr::bootstrap_model(pls, nboot = 50, seed = 1))$bootstrapped_paths``.

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
        >>> boot = fit.bootstrap(B=50, seed=1, n_jobs=1, progress=False)
        >>> row = boot.paths().iloc[-1]  # the path to loyalty
        >>> row["from"], row["to"]
        ('Satisfaction', 'Loyalty')
        >>> row[["est", "boot_se", "ci.lower", "ci.upper"]].astype(float).round(2).tolist()
        [0.51, 0.08, 0.36, 0.67]
        """
        return self._kind("path")

    def loadings(self) -> pd.DataFrame:
        """Rows of the outer loadings (from = construct, to = item).

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
        >>> boot = fit.bootstrap(B=50, seed=1, n_jobs=1, progress=False)
        >>> boot.loadings().head(3)[["from", "to", "est", "ci.lower", "ci.upper"]].round(2)
            from     to   est  ci.lower  ci.upper
        0  Image  IMAG1  0.75      0.65      0.82
        1  Image  IMAG2  0.60      0.51      0.70
        2  Image  IMAG3  0.58      0.46      0.66
        """
        return self._kind("loading")

    def weights(self) -> pd.DataFrame:
        """Rows of the outer weights (from = construct, to = item).

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
        >>> boot = fit.bootstrap(B=50, seed=1, n_jobs=1, progress=False)
        >>> boot.weights().head(3)[["from", "to", "est", "ci.lower", "ci.upper"]].round(2)
            from     to   est  ci.lower  ci.upper
        0  Image  IMAG1  0.30      0.26      0.34
        1  Image  IMAG2  0.26      0.19      0.32
        2  Image  IMAG3  0.22      0.16      0.28
        """
        return self._kind("weight")

    def effects(self) -> pd.DataFrame:
        """Rows of the indirect and total effects, and of the defined effects (``:=``).

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
        >>> boot = fit.bootstrap(B=50, seed=1, n_jobs=1, progress=False)
        >>> eff = boot.effects()
        >>> eff["kind"].value_counts().to_dict()
        {'total': 15, 'indirect': 10, 'defined': 4}
        >>> quality = eff[(eff["from"] == "Quality") & (eff["to"] == "Loyalty")]
        >>> quality[["kind", "est", "ci.lower", "ci.upper"]].round(3)
                kind    est  ci.lower  ci.upper
        8   indirect  0.315     0.197     0.433
        21     total  0.315     0.197     0.433
        """
        return self._kind("indirect", "total", "defined")

    def __repr__(self) -> str:
        return f"PLSBootstrap(B={self.B}, used={self.n_ok}, seed={self.seed})"

    def _repr_html_(self) -> str:
        shown = self.paths().drop(columns="kind").round(3).to_html(index=False)
        return f"<p><b>PLS bootstrap</b> — {self.report()}</p>{shown}"


def bootstrap(
    fit: PLSFit,
    B: int,
    seed: int,
    n_jobs: int | None,
    progress: bool,
    level: float,
    index: tuple[np.ndarray, np.ndarray] | None,
) -> PLSBootstrap:
    """See :meth:`cxlab.pls.PLSFit.bootstrap`."""
    if not isinstance(seed, int | np.integer):
        raise DataError(f"seed must be an integer (for reproducible draws), not {seed!r}.")
    if B < 10:
        raise DataError(f"B = {B} is too few draws; use at least 1000 (5000 for a paper).")
    if not 0 < level < 1:
        raise DataError(f"level must lie between 0 and 1, not {level!r}.")
    x = fit._x.to_numpy()
    n = len(x)
    means = x.mean(axis=0)
    xc = x - means
    rng = np.random.default_rng(seed)
    draws = np.stack([rng.integers(0, n, size=n, dtype=np.intp) for _ in range(B)])
    plan = Plan.of(fit, index)
    lay = fit._layout
    args = (fit.scheme, fit._tol, fit._max_iter)
    chunks = [np.arange(i, min(i + CHUNK, B)) for i in range(0, B, CHUNK)]

    def run(rows: np.ndarray):
        counts = np.stack([np.bincount(draws[r], minlength=n) for r in rows]).astype(float)
        return _chunk(xc, means, counts, lay, plan, *args)

    # small matrices: BLAS threads cost more than they save (and stall a busy machine);
    # the parallelism is over chunks of draws instead
    with one_blas_thread():
        parts = map_chunks(
            run, [(c,) for c in chunks], n_jobs=n_jobs, total=B, desc="bootstrap",
            unit="draw", progress=progress, size=lambda part: len(part[1]), threads=True,
        )  # fmt: skip
    values = np.concatenate([p[0] for p in parts])
    status = np.concatenate([p[1] for p in parts])
    kept = values[status == 0]
    if len(kept) < max(10, B // 2):
        raise EstimationError(
            f"Only {len(kept)} of {B} bootstrap draws gave a solution ({int((status == 1).sum())}"
            f" with a constant item, {int((status == 2).sum())} not converged); the model is "
            "too unstable to bootstrap at this sample size."
        )
    s_full = en.correlations(x)
    sol = en.solve(s_full, fit._weights[None], lay)
    est = plan.values(sol, s_full, means[None], x.std(axis=0, ddof=1)[None])[0]
    alpha = 1 - level
    table = plan.rows.copy()
    table["est"] = est
    table["boot_mean"] = kept.mean(axis=0)
    table["boot_se"] = kept.std(axis=0, ddof=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        table["t"] = est / table["boot_se"].to_numpy()
    lo, hi = np.quantile(kept, [alpha / 2, 1 - alpha / 2], axis=0)
    table["ci.lower"] = lo
    table["ci.upper"] = hi
    return PLSBootstrap(
        table[COLUMNS],
        kept,
        B,
        int(seed),
        level,
        len(kept),
        int((status == 1).sum()),
        int((status == 2).sum()),
    )
