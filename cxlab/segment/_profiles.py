"""Segments of customers by their attitudes or behaviour: :func:`profiles` and
:func:`rfm_profiles` (private; public as ``cx.segment.profiles`` / ``rfm_profiles``).

How k is chosen, and what is called a segment here:

- ``method="gmm"`` — a Gaussian mixture with full covariance matrices (mclust's VVV);
  ``"lpa"`` — latent profile analysis, fitted as a Gaussian mixture with *diagonal*
  covariance: items independent within a profile (local independence), each profile with
  its own variances (mclust's VVI, tidyLPA's model 2; Mplus's default LPA holds the
  variances equal across profiles, which scikit-learn cannot, so numbers can differ from
  Mplus). For both, k is the one with the **lowest BIC** among the k asked for
  (Nylund, Asparouhov & Muthén 2007 found BIC the best of the information criteria for
  latent profiles); the one-group model (k = 1) is always fitted too, and when its BIC is
  lower the data show **no segments**. The one-group baseline is the better by BIC of one
  normal distribution with full covariance (correlated items) and with diagonal covariance,
  for both methods: a one-group model with independent items alone would lose to any k
  of ``"lpa"`` whenever the items correlate, and LPA would cut one continuum into profiles.
  The relative entropy (1 = every case clearly in one profile) is reported, not used to
  choose.
- ``method="kmeans"`` — k-means; k is the one with the **highest mean silhouette**;
  below 0.25 Kaufman & Rousseeuw (1990) read it as no substantial structure, and so does
  this function. k-means cuts any cloud into pieces, so the chosen k's silhouette is also
  compared with its value on 39 samples from one normal distribution with the mean and
  correlations of the data (the Gaussian null of SigClust, Liu, Hayes, Nobel & Marron 2008,
  with the silhouette as the statistic): p = (1 + #samples at least as high) / 40 above
  0.05 is *no structure* too.

Stability: B bootstrap samples of the rows are refitted with the chosen k and label every
case; the adjusted Rand index (Hubert & Arabie 1985) of each refit with the segments is
recorded, and each segment's best Jaccard overlap (Hennig 2007). A mean ARI below
``min_ari`` (default 0.75 — a convention, not a test, at the level Hennig reads as stable
for the Jaccard index) makes the segments *unstable*. A segment under 5 % of the cases or
under ``min_n`` = 30 cases is *tiny*. Either problem, or no structure, is a warning
(``strict=True``: an :class:`~cxlab.errors.EstimationError`) and sets ``verdict``.

References: Nylund, K. L., Asparouhov, T., & Muthén, B. O. (2007). Structural Equation
Modeling 14(4), 535–569. Kaufman, L., & Rousseeuw, P. J. (1990). Finding groups in data.
Wiley. Hubert, L., & Arabie, P. (1985). Journal of Classification 2, 193–218. Hennig, C.
(2007). Computational Statistics & Data Analysis 52(1), 258–271. Liu, Y., Hayes, D. N.,
Nobel, A., & Marron, J. S. (2008). Journal of the American Statistical Association
103(483), 1281–1293.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from cxlab._conventions import as_frame, numeric_columns
from cxlab._intervals import wilson
from cxlab.errors import DataError, EstimationError
from cxlab.segment import _fitting as fitting
from cxlab.segment._result import Profiles

__all__ = ["SILHOUETTE_CUT", "profiles", "rfm_profiles"]

#: mean silhouette below which k-means finds "no substantial structure" (Kaufman & Rousseeuw)
SILHOUETTE_CUT = 0.25
#: relative entropy below which the summary notes that classification is unclear
ENTROPY_CUT = 0.8
#: samples from the one-normal-cloud null of k-means (p resolution 1/40)
NULL_DRAWS = 39
#: smallest share of the cases a segment may hold before it is called tiny
MIN_SHARE = 0.05
_ANCHORS = re.compile(r"\s*[（(][^()（）]*=[^()（）]*[)）]\s*$")


def profiles(
    data: Any,
    items: Iterable[str],
    k: int | Iterable[int] = range(2, 8),
    method: str = "gmm",
    *,
    seed: int,
    labels: Mapping[str, Any] | pd.DataFrame | None = None,
    B: int = 100,
    level: float = 0.95,
    n_init: int = 10,
    min_ari: float = 0.75,
    min_n: int = 30,
    missing: str = "raise",
    strict: bool = False,
    n_jobs: int | None = 1,
    progress: bool = False,
) -> Profiles:
    """Segments on standardised items: choose k, label every case, profile and test the
    segments' stability (see the module text for the rules).

    Parameters
    ----------
    data : DataFrame or Survey
        One row per customer / respondent.
    items : list of str
        Numeric columns to segment on (attitudes, behaviour); standardised (z) first.
    k : int or range
        Numbers of segments to compare (each ≥ 2). A k the data cannot support (fewer
        than ``min_n`` cases per segment on average, more parameters than cases, fewer
        distinct answer patterns than k) is left out with a warning; a DataError if none
        is left.
    method : {"gmm", "kmeans", "lpa"}
        Gaussian mixture (full covariance), k-means, or latent profiles (diagonal).
    seed : int
        Seeds every fit and the bootstrap; the same seed gives the same result on any
        number of cores.
    labels : mapping or codebook DataFrame, optional
        Item names for the plot: ``{"q1": "Room"}``, ``{"q1": {"en": "Room", "zh":
        "客房"}}`` or a codebook (``name``, ``label_en``, ``label_zh``; scale anchors such
        as "(1 = …)" are left out). A Survey's own codebook is used by default.
    B : int
        Bootstrap draws for stability (0: not checked; otherwise at least 20).
    level : float
        Confidence level of the means' t intervals, the shares' Wilson intervals and the
        percentile range of the bootstrap ARI.
    n_init : int
        Starts per fit (scikit-learn's ``n_init``); the best is kept.
    min_ari, min_n : float, int
        Stability cut-off of the mean bootstrap ARI; the smallest useful segment.
    missing : {"raise", "drop"}
        Rows with a missing item: refused (naming them), or left out and counted.
    strict : bool
        Raise an EstimationError instead of warning when the segments are not supported.
    n_jobs : int
        Workers for the bootstrap (threads); ``progress`` shows a bar.

    Returns
    -------
    Profiles
        ``k``, ``criteria``, ``labels``, ``posteriors``, ``profile``, ``sizes``,
        ``stability``, ``verdict``; ``summary()``, ``plot()``.

    Examples
    --------
    >>> import cxlab as cx
    >>> hotel = cx.datasets.load("hotel_4e")
    >>> res = cx.segment.profiles(hotel, ["edu1", "est1", "ent1", "esc1"], k=range(2, 5),
    ...                           method="kmeans", seed=1, B=20)  # doctest: +SKIP
    >>> from cxlab.segment._profiles import _example
    >>> res = _example()
    >>> res.k, res.verdict, res.sizes["n"].tolist()
    (3, 'stable', [129, 92, 79])

    In R: ``mclust::Mclust(scale(x), G = 2:7, modelNames = "VVV")`` (BIC with the opposite
    sign), ``tidyLPA::estimate_profiles(x, 2:7, models = 2)`` for ``method="lpa"``.
    """
    frame = as_frame(data)
    if labels is None and hasattr(data, "codebook"):
        labels = data.codebook
    values, notes = fitting.item_frame(frame, items, missing)
    return _segment(values, values, frame.index, method=method, k=k, seed=seed,
                    labels=labels, B=B, level=level, n_init=n_init, min_ari=min_ari,
                    min_n=min_n, strict=strict, n_jobs=n_jobs, progress=progress,
                    notes=notes)  # fmt: skip


def rfm_profiles(
    table: Any,
    columns: Iterable[str] | None = None,
    k: int | Iterable[int] = range(2, 8),
    method: str = "kmeans",
    *,
    seed: int,
    log: bool | str = "skewed",
    labels: Mapping[str, Any] | pd.DataFrame | None = None,
    B: int = 100,
    level: float = 0.95,
    n_init: int = 10,
    min_ari: float = 0.75,
    min_n: int = 30,
    missing: str = "raise",
    strict: bool = False,
    n_jobs: int | None = 1,
    progress: bool = False,
) -> Profiles:
    """Behavioural segments from the per-customer table of :func:`cxlab.loyalty.rfm`
    (recency, frequency, monetary) or :func:`cxlab.loyalty.clv_summary` (frequency,
    recency, T, monetary_value), or any chosen *columns*.

    Spend and purchase counts are right-skewed: a few big customers would otherwise pull
    every segment. ``log="skewed"`` (default) takes ``log(1 + x)`` of each column whose
    sample skewness exceeds 1 (and has no negative value); ``log=True`` of every column
    (a negative value is then a DataError); ``log=False`` of none. The notes say which
    columns were logged; the models see the logged, standardised columns, the profile
    table's ``mean`` is on the original scale. The default method is k-means: counts and
    many identical values (one purchase) give mixtures degenerate components. Everything
    else is :func:`profiles`.

    Examples
    --------
    >>> import cxlab as cx
    >>> r = cx.loyalty.rfm(cx.datasets.load("retail_transactions"), as_of="2025-12-31")
    >>> res = cx.segment.rfm_profiles(r, k=range(2, 5), seed=1, B=20)
    >>> res.notes[0]
    'log(1 + x) taken of frequency, monetary (skewness > 1); not of recency.'
    >>> res.crosstab(r["segment"]).shape[1]
    6
    """
    frame = as_frame(table)
    if columns is None:
        cols = list(frame.columns)
        if {"recency", "frequency", "monetary"} <= set(cols):
            columns = ["recency", "frequency", "monetary"]
        elif {"frequency", "recency", "T", "monetary_value"} <= set(cols):
            columns = ["frequency", "recency", "T", "monetary_value"]
        else:
            raise DataError(
                "No RFM columns found (recency, frequency, monetary from cx.loyalty.rfm; or "
                "frequency, recency, T, monetary_value from cx.loyalty.clv_summary): pass "
                f"columns=[...]; the table has {cols[:12]}."
            )
    raw, notes = fitting.item_frame(frame, columns, missing)
    columns = list(raw.columns)
    if log not in (True, False, "skewed"):
        raise DataError(f"log must be 'skewed', True or False, not {log!r}.")
    logged = []
    model = raw.copy()
    for col in columns:
        low = raw[col].min()
        if log is True and low < 0:
            raise DataError(
                f"Column {col!r} has negative values (min {low:g}): log(1 + x) is undefined "
                "there. Pass log='skewed' or log=False, or shift the column first."
            )
        if log is True or (log == "skewed" and low >= 0 and raw[col].skew() > 1):
            model[col] = np.log1p(raw[col])
            logged.append(col)
    rest = [c for c in columns if c not in logged]
    if log == "skewed":
        text = f"log(1 + x) taken of {', '.join(logged) or 'no column'} (skewness > 1)"
        notes.insert(0, text + (f"; not of {', '.join(rest)}." if rest else "."))
    elif log is True:
        notes.insert(0, f"log(1 + x) taken of every column ({', '.join(columns)}).")
    model_values = numeric_columns(model, columns)
    return _segment(model_values, raw, frame.index, method=method, k=k, seed=seed,
                    labels=labels, B=B, level=level, n_init=n_init, min_ari=min_ari,
                    min_n=min_n, strict=strict, n_jobs=n_jobs, progress=progress,
                    notes=notes)  # fmt: skip


def _segment(
    values: pd.DataFrame, raw: pd.DataFrame, index: pd.Index, *, method: str,
    k: int | Iterable[int], seed: int, labels: Any, B: int, level: float, n_init: int,
    min_ari: float, min_n: int, strict: bool, n_jobs: int | None, progress: bool,
    notes: list[str],
) -> Profiles:  # fmt: skip
    """The common work of :func:`profiles` and :func:`rfm_profiles`."""
    _check_options(method, seed, B, level, n_init, min_ari, min_n)
    items = list(values.columns)
    z = fitting.standardised(values)
    ks, dropped = fitting.candidate_ks(k, method, z, min_n)
    if dropped:
        warnings.warn(dropped[0], UserWarning, stacklevel=3)
    notes = notes + dropped
    criteria, models = fitting.criteria_table(method, ks, z, seed, n_init)
    best = int(criteria.index[criteria["chosen"]][0])
    model = models[best]
    raw_labels = model.predict(z)
    counts = np.bincount(raw_labels, minlength=best)
    order = np.empty(best, dtype=int)
    order[np.lexsort((np.arange(best), -counts))] = np.arange(1, best + 1)
    seg = order[raw_labels]
    n = len(z)
    mixture = fitting.COVARIANCE[method] is not None
    post = None
    if mixture:
        proba = model.predict_proba(z)
        post = pd.DataFrame(np.empty_like(proba), index=values.index, columns=range(1, best + 1))
        post.columns.name = "segment"
        post[list(order)] = proba
    ari = np.empty(0)
    jaccard = np.full(best, np.nan)
    if B:
        draws = fitting.bootstrap_stability(
            method, best, z, seg, B=B, seed=seed, n_init=n_init, n_jobs=n_jobs, progress=progress
        )
        ari = draws[:, 0]
        jaccard = draws[:, 1:].mean(axis=0)
    sizes = _sizes(seg, best, post, jaccard, level)
    profile = _profile_table(raw, z, seg, best, items, level)
    label_series = pd.Series(pd.NA, index=index, dtype="Int64", name="segment")
    label_series.loc[values.index] = seg
    span = f"k = {ks[0]}–{ks[-1]}" if len(ks) > 1 else f"k = {ks[0]}"
    if mixture:
        rule = (
            f"lowest BIC among {span} (the one-group model — one normal distribution, full or "
            "diagonal covariance, whichever has the lower BIC — is the baseline; entropy "
            "describes how clearly cases are classified and does not choose k)"
        )
    else:
        rule = f"highest mean silhouette among {span}"
    null_p = None
    if not mixture:
        null = fitting.gaussian_null(z, best, seed=seed, n_init=n_init, draws=NULL_DRAWS)
        null_p = float((1 + (null >= criteria.loc[best, "silhouette"]).sum()) / (NULL_DRAWS + 1))
    problems = _problems(criteria, best, mixture, ari, sizes, min_ari, min_n, null_p)
    row = criteria.loc[best]
    if mixture and row["entropy"] < ENTROPY_CUT:
        notes.append(
            f"relative entropy {row['entropy']:.2f} < {ENTROPY_CUT}: many cases sit between "
            "segments; use the posteriors, not only the labels."
        )
    if mixture and not row["converged"]:
        notes.append(f"the k = {best} mixture did not converge: raise n_init or simplify.")
    names = ["no structure", "unstable", "tiny segment"]
    found = [name for name, text in problems if text]
    verdict = found[0] if found else ("stable" if B else "not checked")
    texts = [text for _, text in problems if text]
    if texts:
        message = f"cx.segment: segments not supported ({verdict}): " + " ".join(texts)
        if strict:
            raise EstimationError(message)
        warnings.warn(message, UserWarning, stacklevel=3)
    assert set(found) <= set(names)
    return Profiles(
        method=method, items=items, k=best, rule=rule, criteria=criteria, labels=label_series,
        posteriors=post, profile=profile, sizes=sizes, ari=ari, verdict=verdict,
        problems=texts, n=n, seed=seed, level=level, min_ari=min_ari, notes=notes,
        item_labels=_item_labels(labels, items), model_=model, order_=order, null_p=null_p,
    )  # fmt: skip


def _check_options(
    method: str, seed: Any, B: int, level: float, n_init: int, min_ari: float, min_n: int
) -> None:
    if method not in fitting.METHODS:
        raise DataError(f"method must be one of {list(fitting.METHODS)}, not {method!r}.")
    if seed is None or not isinstance(seed, int | np.integer) or isinstance(seed, bool):
        raise DataError(
            f"seed must be an integer (the fits start at random and the stability check "
            f"resamples customers), not {seed!r}: pass e.g. seed=1."
        )
    if not isinstance(B, int | np.integer) or B < 0 or 0 < B < 20:
        raise DataError(f"B = {B!r}: use 0 (stability not checked) or at least 20 draws.")
    if not 0 < level < 1:
        raise DataError(f"level must lie between 0 and 1, not {level!r}.")
    if n_init < 1:
        raise DataError(f"n_init must be at least 1, not {n_init!r}.")
    if not 0 < min_ari <= 1:
        raise DataError(f"min_ari must lie in (0, 1], not {min_ari!r}.")
    if min_n < 1:
        raise DataError(f"min_n must be at least 1, not {min_n!r}.")


def _sizes(
    seg: np.ndarray, k: int, post: pd.DataFrame | None, jaccard: np.ndarray, level: float
) -> pd.DataFrame:
    n = len(seg)
    count = np.bincount(seg, minlength=k + 1)[1:]
    low, high = wilson(count, n, level)
    out = pd.DataFrame(
        {"n": count, "share": count / n, "ci_low": low, "ci_high": high},
        index=pd.RangeIndex(1, k + 1, name="segment"),
    )
    if post is not None:
        assigned = post.to_numpy()[np.arange(n), seg - 1]
        out["mean_posterior"] = [assigned[seg == s].mean() for s in out.index]
    out["jaccard"] = jaccard
    return out


def _profile_table(
    raw: pd.DataFrame, z: np.ndarray, seg: np.ndarray, k: int, items: list[str], level: float
) -> pd.DataFrame:
    """Mean, SD and t interval of every item in every segment, raw and standardised."""

    def describe(col: np.ndarray, t: float) -> tuple[float, float, float, float]:
        if not len(col):
            return (np.nan,) * 4
        mean = float(col.mean())
        sd = float(col.std(ddof=1)) if len(col) > 1 else np.nan
        half = t * sd / np.sqrt(len(col))
        return mean, sd, mean - half, mean + half

    rows = []
    for s in range(1, k + 1):
        mask = seg == s
        m = int(mask.sum())
        t = float(stats.t.ppf((1 + level) / 2, m - 1)) if m > 1 else np.nan
        for j, item in enumerate(items):
            mean, sd, low, high = describe(raw[item].to_numpy()[mask], t)
            z_mean, _, z_low, z_high = describe(z[mask, j], t)
            rows.append((s, item, m, mean, sd, low, high, z_mean, z_low, z_high))
    cols = ["segment", "item", "n", "mean", "sd", "ci_low", "ci_high", "z_mean", "z_ci_low",
            "z_ci_high"]  # fmt: skip
    return pd.DataFrame(rows, columns=cols).set_index(["segment", "item"])


def _problems(
    criteria: pd.DataFrame, k: int, mixture: bool, ari: np.ndarray, sizes: pd.DataFrame,
    min_ari: float, min_n: int, null_p: float | None,
) -> list[tuple[str, str]]:  # fmt: skip
    """(verdict, message or "") for: no structure, unstable, tiny segment."""
    none = ""
    if mixture:
        b1, bk = criteria.loc[1, "bic"], criteria.loc[k, "bic"]
        if b1 <= bk:
            none = (
                f"BIC is lowest for one group (k = 1: {b1:.1f}; k = {k}: {bk:.1f}): the data "
                f"show no segments, and the k = {k} solution is a description only."
            )
    elif criteria.loc[k, "silhouette"] < SILHOUETTE_CUT:
        none = (
            f"the best mean silhouette is {criteria.loc[k, 'silhouette']:.3f} (k = {k}), below "
            f"{SILHOUETTE_CUT}, read as no substantial structure (Kaufman & Rousseeuw 1990)."
        )
    elif null_p is not None and null_p > 0.05:
        none = (
            f"k-means finds as high a silhouette ({criteria.loc[k, 'silhouette']:.3f}, k = {k})"
            f" in samples from one normal distribution with the same correlations (p = "
            f"{null_p:.2f}, {NULL_DRAWS} samples): it is cutting one cloud, not finding groups."
        )
    unstable = ""
    if len(ari) and ari.mean() < min_ari:
        unstable = (
            f"mean bootstrap adjusted Rand index {ari.mean():.2f} < {min_ari}: refits on "
            "resampled customers give different segments; try fewer segments or more data."
        )
    tiny = [
        f"segment {s} holds {int(r['n'])} cases ({r['share']:.1%})"
        for s, r in sizes.iterrows()
        if r["n"] < min_n or r["share"] < MIN_SHARE
    ]
    small = ""
    if tiny:
        small = (
            f"{'; '.join(tiny)}: under {MIN_SHARE:.0%} or {min_n} cases, too small to "
            "describe reliably or to act on; try fewer segments."
        )
    return [("no structure", none), ("unstable", unstable), ("tiny segment", small)]


def _item_labels(labels: Any, items: list[str]) -> dict[str, dict[str, str]]:
    """{"en": {item: label}, "zh": {...}} from a mapping or a codebook (name, label_en,
    label_zh; trailing scale anchors "(1 = …)" cut); the item's own name where none."""
    out: dict[str, dict[str, str]] = {"en": {}, "zh": {}}
    if labels is None:
        return out
    if isinstance(labels, pd.DataFrame):
        if "name" not in labels.columns:
            raise DataError("A codebook given as labels= needs a 'name' column.")
        book = labels.set_index("name")
        for lang in ("en", "zh"):
            col = f"label_{lang}"
            if col not in book.columns:
                continue
            for item in items:
                text = book[col].get(item)
                if isinstance(text, str) and text.strip():
                    out[lang][item] = _ANCHORS.sub("", text.strip())
        return out
    if not isinstance(labels, Mapping):
        raise DataError(f"labels must be a mapping or a codebook DataFrame, not {labels!r}.")
    for item in items:
        text = labels.get(item)
        if isinstance(text, str):
            out["en"][item] = out["zh"][item] = text
        elif isinstance(text, Mapping):
            for lang in ("en", "zh"):
                other = "zh" if lang == "en" else "en"
                value = text.get(lang, text.get(other))
                if value:
                    out[lang][item] = str(value)
    return out


def _example(seed: int = 1, n: int = 300) -> Profiles:
    """Three simulated profiles on items q1–q3 (for the examples and the plot tests)."""
    rng = np.random.default_rng(seed)
    truth = rng.choice(3, size=n, p=[0.4, 0.33, 0.27])
    centres = np.array([[-2.0, 2.0, 0.0], [2.0, 0.0, -2.0], [1.0, -2.0, 2.0]])
    x = centres[truth] + rng.normal(size=(n, 3))
    data = pd.DataFrame(np.round(4 + x, 1), columns=["q1", "q2", "q3"])
    names = {"q1": {"en": "Room", "zh": "客房"}, "q2": {"en": "Dining", "zh": "餐饮"},
             "q3": {"en": "Staff", "zh": "员工"}}  # fmt: skip
    return profiles(data, ["q1", "q2", "q3"], k=range(2, 5), seed=seed, labels=names, B=20,
                    n_init=3)  # fmt: skip
