"""The model fits behind :func:`cxlab.segment.profiles` (private): input checks, the
scikit-learn runs for every k, the criteria table and the bootstrap stability.

Every fit is scikit-learn's, on the standardised items ``Z`` (``StandardScaler``: mean 0,
population SD 1): ``GaussianMixture(n_components=k, covariance_type="full" | "diag",
n_init=n_init, random_state=seed)`` for ``"gmm"`` / ``"lpa"`` and ``KMeans(n_clusters=k,
n_init=n_init, random_state=seed)`` for ``"kmeans"``, so a direct scikit-learn run on the
same ``Z`` and seed gives the same BIC and the same partition.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from cxlab._conventions import numeric_columns
from cxlab._parallel import map_chunks
from cxlab.errors import DataError

__all__ = [
    "COVARIANCE",
    "METHODS",
    "bootstrap_stability",
    "candidate_ks",
    "criteria_table",
    "fit_one",
    "gaussian_null",
    "n_parameters",
    "standardised",
]

#: method → scikit-learn covariance type (None: k-means)
COVARIANCE = {"gmm": "full", "lpa": "diag", "kmeans": None}
METHODS = tuple(COVARIANCE)
#: draws per parallel chunk of the bootstrap
CHUNK = 10


def _single_thread() -> Any:
    """Native thread pools (BLAS, OpenMP) limited to one thread: small mixture fits run
    ~20 times faster on a busy machine, and parallel work goes over bootstrap chunks."""
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1)


def item_frame(
    frame: pd.DataFrame, items: Iterable[str], missing: str
) -> tuple[pd.DataFrame, list[str]]:
    """The items as floats, rows with a missing answer refused or dropped (and noted),
    a constant item refused: (values, notes)."""
    if isinstance(items, str):
        items = [items]
    items = list(items)
    if not items:
        raise DataError("items is empty: name the columns to segment on, e.g. ['q1', 'q2'].")
    dupes = sorted({i for i in items if items.count(i) > 1})
    if dupes:
        raise DataError(f"items names {dupes} more than once; name each column once.")
    absent = [i for i in items if i not in frame.columns]
    if absent:
        raise DataError(
            f"Item(s) {absent} are not columns of the data; the columns are "
            f"{list(frame.columns)[:20]}{' …' if frame.shape[1] > 20 else ''}."
        )
    if missing not in ("raise", "drop"):
        raise DataError(f"missing must be 'raise' or 'drop', not {missing!r}.")
    values = numeric_columns(frame, items, noun="Item")
    notes: list[str] = []
    holes = values.isna()
    if holes.any(axis=None):
        counts = holes.sum()
        where = ", ".join(f"{c!r} ({int(counts[c])})" for c in items if counts[c])
        rows = list(values.index[holes.any(axis=1)])
        if missing == "raise":
            shown = ", ".join(map(str, rows[:5])) + (" …" if len(rows) > 5 else "")
            raise DataError(
                f"Missing answers in {where}: {len(rows)} row(s) (e.g. {shown}). The models "
                "need complete rows: impute them, or pass missing='drop' to leave those "
                "rows out (they are counted in the notes and get no segment)."
            )
        values = values.dropna()
        notes.append(
            f"{len(rows)} row(s) with a missing answer left out (missing='drop'; "
            f"missing in {where}); they have no segment (label <NA>)."
        )
    for col in items:
        distinct = values[col].unique()
        if len(distinct) <= 1:
            value = "no answers" if len(distinct) == 0 else f"every answer is {distinct[0]:g}"
            raise DataError(
                f"Item {col!r} is constant ({value}): it cannot separate segments and "
                "cannot be standardised. Leave it out of items."
            )
    return values, notes


def standardised(values: pd.DataFrame) -> np.ndarray:
    """The items as z-scores (scikit-learn's ``StandardScaler``: population SD).

    Examples
    --------
    >>> import pandas as pd
    >>> standardised(pd.DataFrame({"a": [1.0, 2.0, 3.0]})).ravel().round(3).tolist()
    [-1.225, 0.0, 1.225]
    """
    from sklearn.preprocessing import StandardScaler

    return StandardScaler().fit_transform(values.to_numpy(dtype=float))


def n_parameters(method: str, k: int, d: int) -> int:
    """Free parameters of a k-profile model on d items (k-means: the k·d centres).

    Examples
    --------
    >>> n_parameters("gmm", 3, 4), n_parameters("lpa", 3, 4), n_parameters("kmeans", 3, 4)
    (44, 26, 12)
    """
    cov = COVARIANCE[method]
    if cov == "full":
        return k * d + k * d * (d + 1) // 2 + k - 1
    if cov == "diag":
        return 2 * k * d + k - 1
    return k * d


def candidate_ks(
    k: int | Iterable[int], method: str, z: np.ndarray, min_n: int
) -> tuple[list[int], list[str]]:
    """The k values the data support, and notes on those left out.

    A k is supported when the data could fill every segment with ``min_n`` cases
    (n ≥ min_n · k), the model has fewer free parameters than cases, and there are at
    least k distinct answer patterns. A single k that fails, or a range in which every k
    fails, is a DataError; otherwise the failing k are left out with a warning (by the
    caller) and a note.
    """
    single = isinstance(k, int | np.integer)
    try:
        ks = sorted({int(v) for v in ([k] if single else k)})  # type: ignore[list-item]
    except (TypeError, ValueError):
        raise DataError(f"k must be an integer or a range of integers, not {k!r}.") from None
    if not ks:
        raise DataError("k is empty: pass e.g. k=range(2, 8).")
    if ks[0] < 2:
        raise DataError(
            f"k = {ks[0]} is not a segmentation: pass k values of 2 or more (for 'gmm' and "
            "'lpa' the one-group model is always fitted as the baseline)."
        )
    n, d = z.shape
    distinct = len(np.unique(z, axis=0))

    def problems(v: int) -> str:
        why = []
        if n < min_n * v:
            why.append(f"{min_n} cases per segment need n ≥ {min_n * v}")
        if n_parameters(method, v, d) >= n:
            why.append(f"{n_parameters(method, v, d)} parameters for {n} cases")
        if distinct < v:
            why.append(f"only {distinct} distinct answer patterns")
        return "; ".join(why)

    reasons = {v: problems(v) for v in ks if problems(v)}
    kept = [v for v in ks if v not in reasons]
    told = "; ".join(f"k = {v}: {r}" for v, r in reasons.items())
    if not kept:
        largest = max((v for v in range(2, ks[-1]) if not problems(v)), default=None)
        if largest is None:
            advice = "Collect more data (or lower min_n, knowing segments will be tiny)"
        else:
            advice = f"Pass k={largest}" if largest == 2 else f"Pass k=range(2, {largest + 1})"
        raise DataError(f"k larger than the data support (n = {n}, {d} item(s)): {told}. {advice}.")
    notes = [f"left out k the data do not support (n = {n}): {told}."] if reasons else []
    return kept, notes


def fit_one(method: str, k: int, z: np.ndarray, seed: int, n_init: int) -> Any:
    """One scikit-learn fit (GaussianMixture or KMeans) on *z*."""
    if COVARIANCE[method] is None:
        from sklearn.cluster import KMeans

        return KMeans(n_clusters=k, n_init=n_init, random_state=seed).fit(z)
    from sklearn.mixture import GaussianMixture

    return GaussianMixture(
        n_components=k, covariance_type=COVARIANCE[method], n_init=n_init, random_state=seed
    ).fit(z)


def relative_entropy(post: np.ndarray) -> float:
    """1 − Σ −p·ln p / (n ln k): 1 when every case belongs clearly to one profile.

    Examples
    --------
    >>> import numpy as np
    >>> relative_entropy(np.array([[1.0, 0.0], [0.0, 1.0]])), relative_entropy(np.full((2, 2), .5))
    (1.0, 0.0)
    """
    n, k = post.shape
    if k < 2:
        return float("nan")
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(post > 0, -post * np.log(post), 0.0)
    return float(1 - terms.sum() / (n * np.log(k)))


def criteria_table(
    method: str, ks: list[int], z: np.ndarray, seed: int, n_init: int
) -> tuple[pd.DataFrame, dict[int, Any]]:
    """One row per k (k = 1 first for the mixtures): the criteria, and the fitted models."""
    from sklearn.metrics import silhouette_score

    n, d = z.shape
    rows, models = [], {}
    mixture = COVARIANCE[method] is not None
    with _single_thread():
        for k in ([1] if mixture else []) + ks:
            how = method
            if k == 1:  # the baseline: the better (BIC) one-group normal, full or diagonal
                fits = {m: fit_one(m, 1, z, seed, n_init) for m in ("gmm", "lpa")}
                how = min(fits, key=lambda m: fits[m].bic(z))
            model = fits[how] if k == 1 else fit_one(method, k, z, seed, n_init)
            models[k] = model
            labels = model.predict(z)
            row: dict[str, Any] = {
                "k": k,
                "n_parameters": n_parameters(how, k, d),
                "smallest_share": np.bincount(labels, minlength=k).min() / n,
            }
            if mixture:
                row["loglik"] = float(model.score(z) * n)
                row["aic"] = float(model.aic(z))
                row["bic"] = float(model.bic(z))
                row["entropy"] = relative_entropy(model.predict_proba(z))
                row["converged"] = bool(model.converged_)
                row["covariance"] = COVARIANCE[how]
            else:
                row["inertia"] = float(model.inertia_)
                row["silhouette"] = float(
                    silhouette_score(
                        z, labels, sample_size=None if n <= 5000 else 5000, random_state=seed
                    )
                )
            rows.append(row)
    table = pd.DataFrame(rows).set_index("k")
    if mixture:
        best = int(table.loc[ks, "bic"].idxmin())
    else:
        best = int(table.loc[ks, "silhouette"].idxmax())
    table["chosen"] = table.index == best
    return table, models


def gaussian_null(z: np.ndarray, k: int, *, seed: int, n_init: int, draws: int) -> np.ndarray:
    """Mean silhouettes of k-means with k clusters on *draws* samples from one normal
    distribution with the mean and covariance of *z* (no segments, same correlations):
    what k-means finds where there is nothing to find (the null of SigClust, Liu et al.
    2008, with the silhouette as the statistic)."""
    from sklearn.metrics import silhouette_score

    rng = np.random.default_rng([seed, k])
    mean, cov = z.mean(axis=0), np.cov(z, rowvar=False).reshape(z.shape[1], -1)
    out = np.empty(draws)
    with _single_thread():
        for i in range(draws):
            x = rng.multivariate_normal(mean, cov, size=len(z))
            state = int(rng.integers(0, 2**31 - 1))
            labels = fit_one("kmeans", k, x, state, n_init).labels_
            out[i] = silhouette_score(
                x, labels, sample_size=None if len(x) <= 5000 else 5000, random_state=state
            )
    return out


def _jaccard_best(labels: np.ndarray, boot: np.ndarray, k: int) -> np.ndarray:
    """For each segment 1…k of *labels*: its best Jaccard overlap with a segment of *boot*."""
    out = np.zeros(k)
    for s in range(k):
        a = labels == s + 1
        best = 0.0
        for t in np.unique(boot):
            b = boot == t
            best = max(best, (a & b).sum() / (a | b).sum())
        out[s] = best
    return out


def _draws(
    method: str, k: int, z: np.ndarray, labels: np.ndarray, rows: np.ndarray, states: np.ndarray,
    n_init: int,
) -> np.ndarray:  # fmt: skip
    """ARI and per-segment Jaccard of a chunk of bootstrap refits (one row per draw)."""
    from sklearn.metrics import adjusted_rand_score

    out = np.empty((len(rows), k + 1))
    for i, (idx, state) in enumerate(zip(rows, states, strict=True)):
        model = fit_one(method, k, z[idx], int(state), n_init)
        boot = model.predict(z)
        out[i, 0] = adjusted_rand_score(labels, boot)
        out[i, 1:] = _jaccard_best(labels, boot, k)
    return out


def bootstrap_stability(
    method: str, k: int, z: np.ndarray, labels: np.ndarray, *, B: int, seed: int,
    n_init: int, n_jobs: int | None, progress: bool,
) -> np.ndarray:  # fmt: skip
    """B bootstrap refits with k segments, each labelling every case: per draw the
    adjusted Rand index with *labels* and each segment's best Jaccard overlap.

    The row draws and each refit's random state come from ``default_rng(seed)`` before
    the chunks are cut, so the numbers are the same for any ``n_jobs``.
    """
    n = len(z)
    rng = np.random.default_rng(seed)
    rows = rng.integers(0, n, size=(B, n))
    states = rng.integers(0, 2**31 - 1, size=B)
    tasks = [
        (method, k, z, labels, rows[i : i + CHUNK], states[i : i + CHUNK], n_init)
        for i in range(0, B, CHUNK)
    ]
    with _single_thread():
        parts = map_chunks(
            _draws, tasks, n_jobs=n_jobs, total=B, desc="bootstrap", unit="draw",
            progress=progress, threads=True,
        )  # fmt: skip
    return np.vstack(parts)
