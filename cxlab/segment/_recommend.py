"""Simple recommenders checked on a time holdout, and segment-level offers (cxlab.segment).

Three ways to pick *k* items (e.g. product categories) to offer each customer, all fitted
on purchase lines (one row per basket and item):

- ``"popularity"`` — the items in most baskets (the same list for everyone): the baseline;
- ``"item"`` — item-item: an item scores the sum of its similarities to the items the
  customer bought, ``score(c) = Σ_j∈bought sim(j, c)`` with ``sim(c, c) = 1``; ``sim`` is the
  cosine of the two items' basket vectors ``n(j and c) / √(n(j)·n(c))`` (or the raw
  co-occurrence count, or the lift);
- ``"segment"`` — the items bought by the largest share of the customer's segment's
  customers (a segment column you supply: from :func:`cxlab.segment.profiles`, RFM tiers,
  an age group …).

Ties are broken by popularity, then by name. :func:`evaluate` fits them on the baskets
before a cut date and checks them on the baskets after it: hit rate at k (share of
customers who bought at least one recommended item) and precision at k (share of
recommended items bought), with Wilson intervals, and each method against the popularity
baseline on the same customers (paired: McNemar's exact test). :func:`segment_offers` is
the table a manager acts on: which items each segment buys more than the average customer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from cxlab._intervals import wilson
from cxlab.errors import DataError
from cxlab.segment._basket import check_lines

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from cxlab.viz import Lang

__all__ = ["HoldoutResult", "evaluate", "recommend", "segment_offers"]

METHODS = ("popularity", "item", "segment")
SIMILARITIES = ("cosine", "count", "lift")

_WORDS = {
    "en": {
        "title": "Recommenders after {cut} (k = {k}, {n:,} customers)",
        "hit_rate": "hit rate",
        "precision": "precision",
        "share": "share (95 % Wilson interval)",
        "popularity": "popularity",
        "item": "item-item",
        "segment": "segment",
    },
    "zh": {
        "title": "推荐方法在 {cut} 之后的表现（k = {k}，{n:,} 位顾客）",
        "hit_rate": "命中率",
        "precision": "精确率",
        "share": "比例（95 % Wilson 区间）",
        "popularity": "热门推荐",
        "item": "物品关联推荐",
        "segment": "细分推荐",
    },
}


def _segments(lines: pd.DataFrame, segment: Any, customer: str) -> pd.Series:
    """Customer → segment, from a column of *lines* (one value per customer) or a mapping."""
    if isinstance(segment, str):
        check_lines(lines, {"segment": segment})
        per = lines.groupby(customer)[segment].nunique()
        if (per > 1).any():
            ids = per.index[per > 1]
            raise DataError(
                f"Column {segment!r} (the segment) has several values for {len(ids)} "
                f"customer(s) (e.g. {', '.join(map(str, ids[:5]))}); a customer belongs to "
                "one segment: fix the column or pass a Series customer -> segment."
            )
        return lines.groupby(customer)[segment].first()
    if isinstance(segment, Mapping):
        segment = pd.Series(dict(segment))
    if not isinstance(segment, pd.Series):
        raise DataError(
            "segment must be a column name of the baskets or a Series (or dict) "
            f"customer -> segment, not {type(segment).__name__}."
        )
    return segment.dropna()


def _require_segments(seg: pd.Series, customers: pd.Index) -> None:
    missing = customers.difference(seg.index)
    if len(missing):
        raise DataError(
            f"{len(missing)} customer(s) have no segment (e.g. "
            f"{', '.join(map(str, missing[:5]))}); nothing is dropped silently: give every "
            "customer a segment (e.g. an 'unknown' segment) or leave them out of the baskets."
        )


@dataclass
class _Fitted:
    """The three recommenders fitted on training lines."""

    items: list[str]
    popularity: pd.Series  # baskets per item
    sim: np.ndarray  # item × item
    history: pd.DataFrame  # customer × item, bought (bool)
    seg_share: pd.DataFrame | None  # segment × item, share of customers who bought
    segments: pd.Series | None


def _fit(
    lines: pd.DataFrame,
    *,
    customer: str,
    transaction: str,
    item: str,
    similarity: str,
    segments: pd.Series | None,
) -> _Fitted:
    if similarity not in SIMILARITIES:
        raise DataError(f"similarity must be one of {SIMILARITIES}, not {similarity!r}.")
    onehot = (pd.crosstab(lines[transaction], lines[item].astype(str)) > 0).astype(float)
    items = sorted(onehot.columns)
    onehot = onehot[items]
    count = onehot.to_numpy().T @ onehot.to_numpy()
    n_item = np.diag(count).copy()
    if similarity == "cosine":
        sim = count / np.sqrt(np.outer(n_item, n_item))
    elif similarity == "lift":
        sim = count * len(onehot) / np.outer(n_item, n_item)
    else:
        sim = count.copy()
    np.fill_diagonal(sim, 1.0)
    history = pd.crosstab(lines[customer], lines[item].astype(str)).reindex(
        columns=items, fill_value=0
    )
    history = history > 0
    seg_share = None
    if segments is not None:
        _require_segments(segments, history.index)
        seg_share = history.groupby(segments.reindex(history.index)).mean()
    return _Fitted(items, pd.Series(n_item, index=items), sim, history, seg_share, segments)


def _recommend(
    model: _Fitted, customers: pd.Index, method: str, k: int, exclude_bought: bool
) -> dict[Any, list[tuple[str, float]]]:
    """customer → [(item, score)] of at most *k* items, best first."""
    n_items = len(model.items)
    hist = model.history.reindex(customers, fill_value=False).to_numpy()
    if method == "popularity":
        scores = np.tile(model.popularity.to_numpy(), (len(customers), 1))
    elif method == "item":
        scores = hist.astype(float) @ model.sim
    else:
        if model.seg_share is None:
            raise DataError(
                "method='segment' needs segment= (a column of the baskets or a Series "
                "customer -> segment)."
            )
        _require_segments(model.segments, customers)
        seg = model.segments.reindex(customers)
        scores = model.seg_share.reindex(seg.to_numpy()).to_numpy()
    scores = np.asarray(scores, dtype=float)
    pop = model.popularity.to_numpy()
    out = {}
    for row, cid in enumerate(customers):
        order = np.lexsort((np.arange(n_items), -pop, -scores[row]))
        if exclude_bought:
            order = order[~hist[row, order]]
        out[cid] = [(model.items[j], float(scores[row, j])) for j in order[:k]]
    return out


def _check_k(k: int) -> None:
    if int(k) != k or k < 1:
        raise DataError(f"k must be a whole number of items >= 1, not {k!r}.")


def recommend(
    baskets: pd.DataFrame,
    customers: Sequence[Any] | None = None,
    *,
    method: str = "item",
    k: int = 3,
    segment: str | pd.Series | Mapping[Any, Any] | None = None,
    exclude_bought: bool = True,
    similarity: str = "cosine",
    customer: str = "customer_id",
    transaction: str = "transaction_id",
    item: str = "category",
) -> pd.DataFrame:
    """The *k* items to offer each customer, by one of the three recommenders.

    Parameters
    ----------
    baskets : DataFrame
        Purchase lines (one row per basket and item) with *customer*, *transaction* and
        *item* columns: what the recommender learns from.
    customers : sequence, optional
        Whom to recommend to (default: every customer in *baskets*; a customer not in it
        gets the popularity, or segment, list).
    method : {"item", "popularity", "segment"}
        See the module notes; ``"segment"`` needs *segment*.
    exclude_bought : bool
        Offer only items the customer has not bought yet (default) — or any item.
    similarity : {"cosine", "count", "lift"}
        Item-item similarity.

    Returns
    -------
    DataFrame
        One row per customer and offer: *customer*, ``rank`` (1 = best), *item*, ``score``.

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab.segment._recommend import recommend
    >>> baskets = cx.datasets.load("retail_baskets")
    >>> offers = recommend(baskets, [10017], k=2)
    >>> offers[["rank", "category"]].values.tolist()
    [[1, 'fresh_produce'], [2, 'beverages']]
    """
    _check_k(k)
    if method not in METHODS:
        raise DataError(f"method must be one of {METHODS}, not {method!r}.")
    lines = check_lines(baskets, {"customer": customer, "transaction": transaction, "item": item})
    segments = None if segment is None else _segments(lines, segment, customer)
    model = _fit(
        lines,
        customer=customer,
        transaction=transaction,
        item=item,
        similarity=similarity,
        segments=segments,
    )
    who = pd.Index(model.history.index if customers is None else list(customers))
    recs = _recommend(model, who, method, int(k), exclude_bought)
    rows = [
        (cid, rank, name, score)
        for cid, offers in recs.items()
        for rank, (name, score) in enumerate(offers, start=1)
    ]
    return pd.DataFrame(rows, columns=[customer, "rank", item, "score"])


@dataclass
class HoldoutResult:
    """Recommenders fitted before a cut date and checked on the baskets after it.

    ``table``: one row per method and metric (``hit_rate``, ``precision``) with ``k``,
    ``n`` (customers, or recommended items for precision), ``count``, ``est``,
    ``ci_low``, ``ci_high`` (Wilson). ``comparison``: each method against the popularity
    baseline on the same customers: ``est`` (difference in hit rate), a paired Wald
    interval, McNemar's exact ``pvalue``, ``better`` / ``worse`` (customers hit by one
    method only). ``hits``: recommended items bought, per customer and method.
    """

    table: pd.DataFrame
    comparison: pd.DataFrame
    hits: pd.DataFrame
    cut: pd.Timestamp
    k: int
    level: float
    exclude_bought: bool
    counts: dict[str, int]

    def to_frame(self) -> pd.DataFrame:
        """The table of hit rates and precisions with their intervals.

        Examples
        --------
        >>> import cxlab as cx
        >>> from cxlab.segment._recommend import evaluate
        >>> check = evaluate(cx.datasets.load("retail_baskets"), cut="2025-10-01")
        >>> check.to_frame()[["method", "metric"]].values.tolist()[:2]
        [['popularity', 'hit_rate'], ['popularity', 'precision']]
        """
        return self.table

    def summary(self) -> str:
        """Plain text: who was evaluated, the table, and each method against popularity.

        Examples
        --------
        >>> import cxlab as cx
        >>> from cxlab.segment._recommend import evaluate
        >>> check = evaluate(cx.datasets.load("retail_baskets"), cut="2025-10-01")
        >>> print(check.summary().splitlines()[0])
        Recommenders fitted on 11,910 baskets before 2025-10-01, checked on 2,979 after it (k = 3)
        """
        c = self.counts
        what = "items new to the customer" if self.exclude_bought else "any items"
        lines = [
            f"Recommenders fitted on {c['train_baskets']:,} baskets before "
            f"{self.cut:%Y-%m-%d}, checked on {c['test_baskets']:,} after it (k = {self.k})",
            f"{c['both']:,} customers bought in both periods; {c['evaluated']:,} of them bought "
            f"{what} after the cut and are evaluated ({c['new_customers']:,} customers first "
            "seen after the cut are not: no history).",
            self.table.round(3).to_string(index=False),
        ]
        for row in self.comparison.itertuples(index=False):
            beats = "beats" if row.ci_low > 0 else "does not beat"
            lines.append(
                f"{row.method} {beats} popularity: hit rate {row.est:+.3f} "
                f"({self.level:.0%} CI {row.ci_low:+.3f} to {row.ci_high:+.3f}; McNemar "
                f"p = {row.pvalue:.3g}; {row.better} customers hit only by {row.method}, "
                f"{row.worse} only by popularity)"
            )
        lines.append(
            "Precision intervals treat the k offers of a customer as independent trials "
            "(slightly too narrow when they are not)."
        )
        return "\n".join(lines)

    def __repr__(self) -> str:
        hit = self.table[self.table["metric"] == "hit_rate"]
        best = hit.loc[hit["est"].idxmax()]
        return (
            f"Holdout check after {self.cut:%Y-%m-%d}: {self.counts['evaluated']:,} customers, "
            f"best hit rate at {self.k}: {best['method']} {best['est']:.3f}"
        )

    def _repr_html_(self) -> str:
        return (
            f"<p><b>{escape(repr(self))}</b></p>"
            + self.table.round(3).to_html(index=False)
            + self.comparison.round(4).to_html(index=False)
        )

    def plot(self, *, ax: Axes | None = None, lang: Lang | None = None) -> Axes:
        """Hit rate and precision at k of each method with their Wilson intervals.
        ``lang`` ("en" or "zh") is the language of the labels; default: the notebook's
        (:func:`cxlab.viz.language`).

        Examples
        --------
        >>> import cxlab as cx
        >>> from cxlab.segment._recommend import evaluate
        >>> check = evaluate(cx.datasets.load("retail_baskets"), cut="2025-10-01")
        >>> [t.get_text() for t in check.plot(lang="zh").get_xticklabels()]
        ['热门推荐', '物品关联推荐']
        >>> cx.viz.plt.close("all")
        """
        import matplotlib
        import matplotlib.pyplot as plt

        from cxlab.viz import figure_words, refont

        lang, words, family = figure_words(lang, _WORDS)
        with matplotlib.rc_context({"font.family": family}):
            ax = ax or plt.subplots(figsize=(6, 3.8))[1]
            methods = list(dict.fromkeys(self.table["method"]))
            x = np.arange(len(methods))
            for shift, (metric, marker) in zip(
                (-0.1, 0.1), (("hit_rate", "o"), ("precision", "s")), strict=True
            ):
                t = self.table[self.table["metric"] == metric].set_index("method").loc[methods]
                err = [t["est"] - t["ci_low"], t["ci_high"] - t["est"]]
                ax.errorbar(
                    x + shift, t["est"], yerr=err, fmt=marker, capsize=4, label=words[metric]
                )
            ax.set_xticks(x, [words[m] for m in methods])
            ax.set(
                ylabel=words["share"],
                title=words["title"].format(
                    cut=f"{self.cut:%Y-%m-%d}", k=self.k, n=self.counts["evaluated"]
                ),
                ylim=(0, None),
            )
            ax.legend()
            refont(ax, family)
        return ax


def _compare(hit: pd.DataFrame, level: float) -> pd.DataFrame:
    """Each method's hit against popularity's, paired by customer."""
    from scipy import stats

    z = stats.norm.ppf(0.5 + level / 2)
    rows = []
    for method in [m for m in hit.columns if m != "popularity"]:
        b = int((hit[method] & ~hit["popularity"]).sum())
        c = int((~hit[method] & hit["popularity"]).sum())
        n = len(hit)
        diff = (b - c) / n
        se = np.sqrt(max(b + c - (b - c) ** 2 / n, 0.0)) / n
        p = stats.binomtest(b, b + c, 0.5).pvalue if b + c else 1.0
        rows.append((method, "popularity", diff, diff - z * se, diff + z * se, p, b, c))
    cols = ["method", "baseline", "est", "ci_low", "ci_high", "pvalue", "better", "worse"]
    return pd.DataFrame(rows, columns=cols)


def evaluate(
    baskets: pd.DataFrame,
    *,
    cut: str | pd.Timestamp,
    k: int = 3,
    methods: Sequence[str] | None = None,
    segment: str | pd.Series | Mapping[Any, Any] | None = None,
    exclude_bought: bool = True,
    similarity: str = "cosine",
    level: float = 0.95,
    customer: str = "customer_id",
    transaction: str = "transaction_id",
    item: str = "category",
    date: str = "date",
) -> HoldoutResult:
    """Fit the recommenders on the baskets before *cut*, check them on the baskets after.

    Evaluated are the customers who bought before and after the cut and, with
    ``exclude_bought=True`` (default), bought at least one item after the cut that they
    had not bought before (those items are the target; offers are items not bought
    before). The summary counts everyone left out and why.

    Parameters
    ----------
    cut : date
        Baskets dated before it train, those on or after it test.
    methods : sequence, optional
        Default: popularity and item, plus segment when *segment* is given. Popularity
        is always included (the baseline).
    level : float
        Confidence level of the Wilson intervals and of the paired differences.

    Returns
    -------
    HoldoutResult
        ``table`` (hit rate and precision at k with Wilson intervals), ``comparison``
        (each method against popularity: paired difference, McNemar), ``hits``,
        ``summary()``, ``plot()``.

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab.segment._recommend import evaluate
    >>> check = evaluate(cx.datasets.load("retail_baskets"), cut="2025-10-01")
    >>> check.table.query("metric == 'hit_rate'")[["method", "est"]].round(3).values.tolist()
    [['popularity', 0.562], ['item', 0.597]]
    >>> check.comparison[["est", "ci_low", "ci_high"]].round(3).values.tolist()
    [[0.035, -0.001, 0.071]]
    """
    _check_k(k)
    if not 0 < level < 1:
        raise DataError(f"level must be between 0 and 1, not {level!r}.")
    cols = {"customer": customer, "transaction": transaction, "item": item, "date": date}
    lines = check_lines(baskets, cols)
    when = pd.to_datetime(lines[date], errors="coerce")
    if when.isna().any():
        bad = lines.index[when.isna()]
        raise DataError(
            f"Column {date!r} (the date) is not a date in {len(bad)} row(s) "
            f"({', '.join(map(str, bad[:5]))}, e.g. {lines.loc[bad[0], date]!r}); fix them first."
        )
    cut = pd.Timestamp(cut)
    train, test = lines[when < cut], lines[when >= cut]
    if train.empty or test.empty:
        raise DataError(
            f"cut={cut:%Y-%m-%d} leaves no baskets {'before' if train.empty else 'after'} it "
            f"(dates run from {when.min():%Y-%m-%d} to {when.max():%Y-%m-%d}); choose a cut "
            "inside that range."
        )
    methods = list(methods or ["popularity", "item"] + (["segment"] if segment is not None else []))
    unknown = [m for m in methods if m not in METHODS]
    if unknown:
        raise DataError(f"Unknown method(s) {unknown}; choose from {METHODS}.")
    methods = ["popularity", *[m for m in methods if m != "popularity"]]
    segments = None if segment is None else _segments(lines, segment, customer)
    model = _fit(
        train,
        customer=customer,
        transaction=transaction,
        item=item,
        similarity=similarity,
        segments=segments,
    )
    bought_after = pd.crosstab(test[customer], test[item].astype(str)) > 0
    both = bought_after.index.intersection(model.history.index)
    target = bought_after.loc[both].reindex(columns=model.items, fill_value=False)
    if exclude_bought:
        target &= ~model.history.loc[both]
    customers = target.index[target.any(axis=1)]
    if len(customers) == 0:
        raise DataError(
            f"No customer bought {'a new item' if exclude_bought else 'anything'} after "
            f"cut={cut:%Y-%m-%d} having bought before it: nothing to evaluate; move the cut."
        )
    hits = pd.DataFrame(index=customers)
    offered = {}
    for method in methods:
        recs = _recommend(model, customers, method, int(k), exclude_bought)
        hits[method] = [sum(target.at[c, i] for i, _ in recs[c]) for c in customers]
        offered[method] = sum(len(recs[c]) for c in customers)
    rows = []
    for method in methods:
        for metric, count, n in [
            ("hit_rate", int((hits[method] > 0).sum()), len(customers)),
            ("precision", int(hits[method].sum()), offered[method]),
        ]:
            low, high = wilson(count, n, level)
            rows.append((method, metric, int(k), n, count, count / n, low, high))
    table = pd.DataFrame(
        rows, columns=["method", "metric", "k", "n", "count", "est", "ci_low", "ci_high"]
    )
    counts = {
        "train_baskets": int(train[transaction].nunique()),
        "test_baskets": int(test[transaction].nunique()),
        "both": len(both),
        "evaluated": len(customers),
        "new_customers": len(bought_after.index.difference(model.history.index)),
    }
    return HoldoutResult(
        table, _compare(hits > 0, level), hits, cut, int(k), level, exclude_bought, counts
    )


def segment_offers(
    baskets: pd.DataFrame,
    segment: str | pd.Series | Mapping[Any, Any],
    *,
    k: int = 3,
    min_count: int = 30,
    level: float = 0.95,
    customer: str = "customer_id",
    item: str = "category",
) -> pd.DataFrame:
    """Which segment gets which offer: per segment, the *k* items its customers buy most
    often relative to all customers (``lift`` = segment share / overall share > 1), among
    items bought by at least *min_count* of the segment's customers.

    Returns
    -------
    DataFrame
        segment, rank, *item*, customers (of the segment who bought it), n_segment,
        share (with a Wilson ``ci_low`` / ``ci_high``), share_all, lift, and ``clear``
        (True when the whole interval lies above share_all; not corrected for the many
        segment × item comparisons, so expect some chance "clear" rows). A segment with
        fewer qualifying items has fewer rows; one with none has none (the items fail
        the count floor or no item is above average) — the table says what the data
        support, not a forced offer.

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab.segment._recommend import segment_offers
    >>> lines = cx.datasets.load("retail_baskets").merge(
    ...     cx.datasets.load("retail_omnichannel")[["customer_id", "age_group"]])
    >>> table = segment_offers(lines, "age_group", k=1)
    >>> table[["segment", "category"]].values.tolist()[0]
    ['18-29', 'ready_meals']
    """
    _check_k(k)
    lines = check_lines(baskets, {"customer": customer, "item": item})
    segments = _segments(lines, segment, customer)
    bought = pd.crosstab(lines[customer], lines[item].astype(str)) > 0
    _require_segments(segments, bought.index)
    seg = segments.reindex(bought.index)
    share_all = bought.mean()
    rows = []
    for name, group in bought.groupby(seg, sort=True):
        n = len(group)
        count = group.sum()
        lift = group.mean() / share_all
        keep = lift[(lift > 1) & (count >= min_count)].sort_values(ascending=False, kind="stable")
        for rank, it in enumerate(keep.index[:k], start=1):
            low, high = wilson(int(count[it]), n, level)
            share = float(share_all[it])
            found = (int(count[it]), n, count[it] / n, low, high, share, float(lift[it]))
            rows.append((name, rank, it, *found, bool(low > share)))
    cols = ["segment", "rank", item, "customers", "n_segment", "share", "ci_low", "ci_high"]
    return pd.DataFrame(rows, columns=[*cols, "share_all", "lift", "clear"])
