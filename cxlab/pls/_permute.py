"""Two groups of a fitted PLS path model, and the permutation engine that PLS-MGA
(:mod:`cxlab.pls._mga`) and MICOM (:mod:`cxlab.pls._micom`) share (private).

:func:`split` reads the grouping variable of a fitted model (a column of the data, a
Series aligned with the rows used, or one label per row), keeps two groups, and fits the
model in each group with the same settings (MICOM's step 1: the same indicators, data
treatment and algorithm in both groups).

:func:`permute` relabels the respondents B times at random, keeping the group sizes, and
for every relabelling estimates the model in both groups at once on the stack of the
groups' item correlation matrices (:mod:`cxlab.pls._engine`; a group's correlations are
weighted moments of the pooled data, its rows weighted 1, the others 0). From each
relabelling it keeps what the tests need: both groups' path coefficients and outer
weights (path-difference permutation test, MICOM step 2) and the differences of the
composites' means and log variances (MICOM step 3, on the pooled model's scores). The
relabellings are drawn first from one generator, ``numpy.random.default_rng(seed)``, one
``rng.permutation(n)`` each; they run in chunks of 100 whose composition does not depend
on ``n_jobs``, so a seed gives the same numbers on any number of cores. A relabelling in
which an item is constant within a group, or the iteration does not converge in a
group, is left out and counted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from cxlab._conventions import as_frame
from cxlab._parallel import map_chunks, one_blas_thread
from cxlab.errors import CxlabError, DataError, ModelSpecError
from cxlab.pls import _engine as en
from cxlab.pls import _model
from cxlab.pls._extended import ExtendedPLSFit
from cxlab.pls._model import PLSFit

CHUNK = 100


@dataclass(frozen=True)
class Split:
    """Two groups of a fitted model's respondents and the model fitted in each.

    ``mask`` marks group 1 among the rows of ``pooled.data_``; ``pooled`` is the model
    fitted on both groups' rows (the given fit itself unless ``levels`` dropped rows);
    ``fits`` the model fitted in group 1 and in group 2; ``labels`` the two groups'
    values of the grouping variable; ``notes`` what was done to get there.
    """

    mask: np.ndarray
    labels: tuple[Any, Any]
    pooled: PLSFit
    fits: tuple[PLSFit, PLSFit]
    notes: tuple[str, ...]

    @property
    def sizes(self) -> tuple[int, int]:
        """The number of respondents in group 1 and in group 2.

        Examples
        --------
        >>> import cxlab as cx
        >>> from cxlab.pls._permute import split
        >>> data = cx.datasets.load("ecsi_mobile")
        >>> fit = cx.pls.fit(cx.models.ecsi(), data)
        >>> split(fit, data["CUSCO"] >= 8).sizes  # a condition: True rows are group 1
        (112, 138)
        """
        n1 = int(self.mask.sum())
        return n1, len(self.mask) - n1


def _labels(fit: PLSFit, group: Any, data: Any) -> pd.Series:
    """The grouping variable, one value per row of ``fit.data_``."""
    index = fit.data_.index
    if isinstance(group, str):
        if data is None:
            raise DataError(
                f"group={group!r} names a column: pass the data the model was fitted on as "
                "data= (the fitted items do not include the grouping column), or pass the "
                "grouping variable itself (a Series or one label per row)."
            )
        frame = as_frame(data)
        if group not in frame.columns:
            raise DataError(f"group={group!r} is not a column of data.")
        if not index.isin(frame.index).all():
            raise DataError(
                "data= does not hold every row the model was fitted on (its index differs); "
                "pass the same DataFrame as to cx.pls.fit()."
            )
        return frame.loc[index, group]
    if isinstance(group, pd.Series):
        if not index.isin(group.index).all():
            missing = index[~index.isin(group.index)]
            raise DataError(
                f"The grouping Series has no value for {len(missing)} row(s) the model was "
                f"fitted on (e.g. row {missing[0]!r}); align it with the data's index."
            )
        return group.loc[index]
    values = np.asarray(group, dtype=object)
    if values.ndim != 1 or len(values) != len(index):
        raise DataError(
            f"group must give one label per row used by the fit ({len(index)} rows), not "
            f"{values.shape}."
        )
    return pd.Series(values, index=index)


def split(fit: PLSFit, group: Any, data: Any = None, levels: Sequence[Any] | None = None) -> Split:
    """Two groups of *fit*'s respondents, and the model fitted in each (same settings).

    *group* is a column name of *data*, a Series (aligned on the index) or one label per
    row the fit used. Without *levels* it must take exactly two values (group 1 is the
    first in sorted order; of a condition, True as seminr's); *levels* = (a, b) picks two
    of them (other rows are left out, and the pooled model refitted on the rest).

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab.pls._permute import split
    >>> data = cx.datasets.load("ecsi_mobile")
    >>> fit = cx.pls.fit(cx.models.ecsi(), data)
    >>> s = split(fit, "CUSCO", data=data, levels=(10, 7))
    >>> s.labels, s.sizes, s.pooled.n
    ((10, 7), (48, 55), 103)
    """
    if not isinstance(fit, PLSFit):
        raise DataError(f"fit must be a PLS model from cx.pls.fit(), not {type(fit).__name__}.")
    if isinstance(fit, ExtendedPLSFit):
        raise ModelSpecError(
            "Multi-group analysis and MICOM are available for first-order PLS models; this "
            "model has interaction terms, higher-order constructs or PLSc. Compare the groups "
            "with a first-order model (e.g. the two-stage scores as items)."
        )
    labels = _labels(fit, group, data)
    if labels.isna().any():
        rows = list(labels.index[labels.isna()])
        raise DataError(
            f"The grouping variable is missing for {len(rows)} row(s) (e.g. row {rows[0]!r}); "
            "every respondent needs a group."
        )
    found = sorted(pd.unique(labels), key=lambda v: (str(type(v)), v))
    notes: list[str] = []
    if levels is None:
        if len(found) != 2:
            shown = ", ".join(map(repr, found[:6])) + (" …" if len(found) > 6 else "")
            raise DataError(
                f"The grouping variable takes {len(found)} value(s) ({shown}); MGA compares "
                "two groups: pick two with levels=(a, b)."
            )
        pair = (found[0], found[1])
        if {bool(v) for v in found} == {False, True} and all(
            isinstance(v, bool | np.bool_) for v in found
        ):
            pair = (found[1], found[0])  # a condition: True rows are group 1 (as seminr)
    else:
        pair = tuple(levels)
        if len(pair) != 2 or pair[0] == pair[1]:
            raise DataError(f"levels must name two different groups, not {levels!r}.")
        absent = [v for v in pair if v not in set(found)]
        if absent:
            raise DataError(
                f"Group {absent[0]!r} does not occur in the grouping variable; its values: "
                f"{', '.join(map(repr, found[:10]))}."
            )
    pair = tuple(v.item() if isinstance(v, np.generic) else v for v in pair)
    keep = labels.isin(pair).to_numpy()
    pooled = fit
    if not keep.all():
        rows = fit.data_.loc[keep]
        notes.append(
            f"{int((~keep).sum())} row(s) outside the groups {pair[0]!r} and {pair[1]!r} left "
            f"out; the pooled model refitted on the other {int(keep.sum())}."
        )
        pooled = _model.fit(fit.model, rows, fit.scheme, tol=fit.tol, max_iter=fit.max_iter)
    mask = (labels[keep] == pair[0]).to_numpy()
    fits = tuple(_group_fit(pooled, m, label) for m, label in ((mask, pair[0]), (~mask, pair[1])))
    return Split(mask, pair, pooled, fits, tuple(notes))  # type: ignore[arg-type]


def _group_fit(pooled: PLSFit, rows: np.ndarray, label: Any) -> PLSFit:
    """The model fitted on *rows* of the pooled data, with the pooled fit's settings."""
    try:
        return _model.fit(
            pooled.model,
            pooled.data_.loc[rows],
            pooled.scheme,
            tol=pooled.tol,
            max_iter=pooled.max_iter,
        )
    except CxlabError as err:
        raise type(err)(f"In group {label!r} ({int(rows.sum())} rows): {err}") from None


@dataclass
class Draws:
    """What :func:`permute` kept of each usable relabelling (or of the observed groups).

    ``paths`` (b × 2 × paths: group 1, group 2), ``weights`` (b × 2 × items × constructs),
    ``c`` (b × constructs: correlation of the composites scored with group 1's and with
    group 2's weights, on the pooled data), ``mean_diff`` and ``logvar_diff`` (b ×
    constructs: group 1 − group 2 on the pooled model's scores); ``B`` asked for,
    ``n_constant`` and ``n_nonconverged`` left out.
    """

    paths: np.ndarray
    weights: np.ndarray
    c: np.ndarray
    mean_diff: np.ndarray
    logvar_diff: np.ndarray
    B: int = 1
    n_constant: int = 0
    n_nonconverged: int = 0

    @property
    def n_ok(self) -> int:
        """The number of relabellings used.

        Examples
        --------
        >>> import cxlab as cx
        >>> from cxlab.pls._permute import permute, split
        >>> data = cx.datasets.load("ecsi_mobile")
        >>> s = split(cx.pls.fit(cx.models.ecsi(), data), data["CUSCO"] >= 8)
        >>> permute(s, 20, seed=1, n_jobs=1, progress=False).n_ok
        20
        """
        return len(self.paths)


def _stats(
    s_pooled: np.ndarray,
    xc: np.ndarray,
    scores: np.ndarray,
    masks: np.ndarray,
    lay: en.Layout,
    path_idx: np.ndarray,
    settings: tuple[str, float, int],
) -> tuple[Draws, np.ndarray]:
    """The statistics of a batch of group-1 *masks* (b × n) and each one's status
    (0 used, 1 an item constant in a group, 2 no convergence)."""
    n = len(xc)
    b = len(masks)
    n1 = masks.sum(axis=1)[:, None].astype(float)
    n2 = n - n1
    s1, _, _, ok1 = en.resampled(xc, masks * (n / n1))
    s2, _, _, ok2 = en.resampled(xc, ~masks * (n / n2))
    s = np.concatenate([s1, s2])
    w, _, conv = en.estimate(s, lay, *settings)
    bad = ~conv | ~np.isfinite(w).all(axis=(1, 2))
    w = np.where(bad[:, None, None], lay.mask, w)
    with np.errstate(all="ignore"):
        sol = en.solve(s, w, lay)
    paths = sol.paths[:, path_idx[:, 0], path_idx[:, 1]]
    paths = np.stack([paths[:b], paths[b:]], axis=1)
    weights = np.stack([w[:b], w[b:]], axis=1)
    w1, w2 = weights[:, 0], weights[:, 1]
    with np.errstate(all="ignore"):
        cross = np.einsum("bpj,pq,bqj->bj", w1, s_pooled, w2)
        v1 = np.einsum("bpj,pq,bqj->bj", w1, s_pooled, w1)
        v2 = np.einsum("bpj,pq,bqj->bj", w2, s_pooled, w2)
        c = cross / np.sqrt(v1 * v2)
    m = masks.astype(float)
    mean1 = m @ scores / n1
    mean2 = (1 - m) @ scores / n2
    sq1 = m @ scores**2
    sq2 = (1 - m) @ scores**2
    var1 = (sq1 - n1 * mean1**2) / (n1 - 1)
    var2 = (sq2 - n2 * mean2**2) / (n2 - 1)
    with np.errstate(all="ignore"):
        logvar = np.log(var1) - np.log(var2)
    status = np.where(~(ok1 & ok2), 1, np.where(bad[:b] | bad[b:], 2, 0))
    finite = np.isfinite(paths).all(axis=(1, 2)) & np.isfinite(c).all(axis=1)
    status = np.where((status == 0) & ~finite, 2, status)
    return Draws(paths, weights, c, mean1 - mean2, logvar), status


def _setup(sp: Split) -> tuple[np.ndarray, np.ndarray, np.ndarray, en.Layout, np.ndarray]:
    pooled = sp.pooled
    x = pooled.data_.to_numpy()
    xc = x - x.mean(axis=0)
    lay = pooled.layout_
    pos = {c: j for j, c in enumerate(lay.constructs)}
    path_idx = np.array([(pos[a], pos[b]) for a, b in pooled.spec_.paths])
    scores = pooled.scores_[list(lay.constructs)].to_numpy()
    return pooled.item_cor_, xc, scores, lay, path_idx


def observed(sp: Split) -> Draws:
    """The statistics of the observed groups (computed as for a relabelling).

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab.pls._permute import observed, split
    >>> data = cx.datasets.load("ecsi_mobile")
    >>> s = split(cx.pls.fit(cx.models.ecsi(), data), data["CUSCO"] >= 8)
    >>> obs = observed(s)
    >>> bool(abs(obs.paths[0, 0, -1] - s.fits[0].paths_["est"].iloc[-1]) < 1e-10)
    True
    """
    s_pooled, xc, scores, lay, path_idx = _setup(sp)
    settings = (sp.pooled.scheme, sp.pooled.tol, sp.pooled.max_iter)
    draws, _ = _stats(s_pooled, xc, scores, sp.mask[None], lay, path_idx, settings)
    return draws


def permute(
    sp: Split, B: int, *, seed: int, n_jobs: int | None = -1, progress: bool = True
) -> Draws:
    """The statistics of B random relabellings of the two groups (see the module).

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab.pls._permute import permute, split
    >>> data = cx.datasets.load("ecsi_mobile")
    >>> s = split(cx.pls.fit(cx.models.ecsi(), data), data["CUSCO"] >= 8)
    >>> d = permute(s, 50, seed=1, n_jobs=1, progress=False)
    >>> d.paths.shape, d.c.shape  # draws × groups × paths; draws × constructs
    ((50, 2, 10), (50, 6))
    """
    s_pooled, xc, scores, lay, path_idx = _setup(sp)
    settings = (sp.pooled.scheme, sp.pooled.tol, sp.pooled.max_iter)
    rng = np.random.default_rng(seed)
    n = len(sp.mask)
    masks = np.stack([sp.mask[rng.permutation(n)] for _ in range(B)])
    chunks = [np.arange(i, min(i + CHUNK, B)) for i in range(0, B, CHUNK)]

    def run(rows: np.ndarray) -> tuple[Draws, np.ndarray]:
        return _stats(s_pooled, xc, scores, masks[rows], lay, path_idx, settings)

    with one_blas_thread():
        parts = map_chunks(
            run, [(c,) for c in chunks], n_jobs=n_jobs, total=B, desc="permutations",
            unit="relabelling", progress=progress, size=lambda part: len(part[1]),
            threads=True,
        )  # fmt: skip
    status = np.concatenate([p[1] for p in parts])
    keep = status == 0
    fields = ("paths", "weights", "c", "mean_diff", "logvar_diff")
    joined = {f: np.concatenate([getattr(p[0], f) for p in parts])[keep] for f in fields}
    return Draws(
        **joined,
        B=B,
        n_constant=int((status == 1).sum()),
        n_nonconverged=int((status == 2).sum()),
    )


def check_seed(seed: Any, B: int, what: str) -> None:
    """Refuse a missing or non-integer *seed* and too few draws *B* (naming *what*).

    Examples
    --------
    >>> from cxlab.pls._permute import check_seed
    >>> check_seed(1, 1000, "permutations")
    >>> try:
    ...     check_seed(None, 1000, "permutations")
    ... except Exception as err:
    ...     print(type(err).__name__)
    DataError
    """
    if seed is None:
        raise DataError(
            f"The {what} draw respondents at random: pass seed= (an integer) so that the "
            "result can be reproduced."
        )
    if not isinstance(seed, int | np.integer) or isinstance(seed, bool):
        raise DataError(f"seed must be an integer (for reproducible draws), not {seed!r}.")
    if not isinstance(B, int | np.integer) or B < 20:
        raise DataError(f"B = {B!r} is too few draws; use at least 1000 (5000 for a paper).")
