"""Market-basket association rules (cxlab.segment): which products are bought together.

:func:`rules` turns purchase lines (one row per basket and item) into baskets and mines
association rules with mlxtend 0.25 (``fpgrowth`` or ``apriori``, then
``association_rules``): support, confidence, lift, leverage and conviction exactly as
mlxtend computes them, plus the counts behind them and a floor on the count, so that a
rule resting on a handful of baskets is never shown.

For a rule A → C over N baskets: support = n(A and C) / N; confidence = n(A and C) / n(A);
lift = confidence / support(C) (1 = independent); leverage = support − support(A)·support(C);
conviction = (1 − support(C)) / (1 − confidence) (inf when confidence is 1).

References
----------
Agrawal, R., Imieliński, T., & Swami, A. (1993). Mining association rules between sets of
items in large databases. SIGMOD '93, 207–216. Raschka, S. (2018). MLxtend. JOSS 3(24), 638.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from cxlab.errors import DataError

if TYPE_CHECKING:
    from collections.abc import Mapping

    from matplotlib.axes import Axes

    from cxlab.viz import Lang

__all__ = ["BasketRules", "basket_matrix", "rules"]

#: mlxtend's rule columns that cxlab keeps, in mlxtend's names and order
METRICS = [
    "antecedent support",
    "consequent support",
    "support",
    "confidence",
    "lift",
    "leverage",
    "conviction",
]

_WORDS = {
    "en": {
        "title": "Association rules: support × confidence, colour = lift",
        "support": "support (share of baskets)",
        "confidence": "confidence",
        "lift": "lift",
    },
    "zh": {
        "title": "关联规则：支持度 × 置信度，颜色 = 提升度",
        "support": "支持度（订单占比）",
        "confidence": "置信度",
        "lift": "提升度",
    },
}


def _rows(index: pd.Index, shown: int = 5) -> str:
    rows = list(index)
    more = f" and {len(rows) - shown} more" if len(rows) > shown else ""
    return ", ".join(map(str, rows[:shown])) + more


def check_lines(baskets: Any, columns: dict[str, str], *, what: str = "baskets") -> pd.DataFrame:
    """*baskets* as a DataFrame holding *columns* (role → column name) without missing
    values; a DataError names the column, the rows and the fix.

    Examples
    --------
    >>> import pandas as pd
    >>> lines = pd.DataFrame({"t": [1, 1], "item": ["tea", None]})
    >>> try:
    ...     check_lines(lines, {"transaction": "t", "item": "item"})
    ... except Exception as err:
    ...     print(str(err)[:60])
    Column 'item' (the item) of baskets is missing in 1 row(s) (
    """
    if not isinstance(baskets, pd.DataFrame):
        raise DataError(
            f"{what} must be a pandas DataFrame with one row per basket and item (purchase "
            f"lines), not {type(baskets).__name__}; e.g. cx.datasets.load('retail_baskets')."
        )
    for role, col in columns.items():
        if col not in baskets.columns:
            raise DataError(
                f"{what} has no column {col!r} (the {role}); its columns are "
                f"{list(baskets.columns)}. Pass {role}='<column name>'."
            )
        missing = baskets[col].isna()
        if missing.any():
            raise DataError(
                f"Column {col!r} (the {role}) of {what} is missing in {int(missing.sum())} "
                f"row(s) ({_rows(baskets.index[missing])}); nothing is dropped silently: drop "
                "or fill those rows first (e.g. baskets.dropna(subset=[...]))."
            )
    if baskets.empty:
        raise DataError(f"{what} has no rows.")
    return baskets


def basket_matrix(
    baskets: pd.DataFrame, *, transaction: str = "transaction_id", item: str = "category"
) -> pd.DataFrame:
    """One row per basket, one boolean column per item (bought or not): the input of
    mlxtend's ``apriori`` / ``fpgrowth``. Quantities are ignored (presence only); items
    are columns in sorted order, baskets rows in sorted order.

    Examples
    --------
    >>> import pandas as pd
    >>> lines = pd.DataFrame({"t": [1, 1, 2, 2, 2], "item": ["tea", "cake", "tea", "tea", "jam"]})
    >>> basket_matrix(lines, transaction="t", item="item").astype(int).to_dict("list")
    {'cake': [1, 0], 'jam': [0, 1], 'tea': [1, 1]}
    """
    lines = check_lines(baskets, {"transaction": transaction, "item": item})
    onehot = pd.crosstab(lines[transaction], lines[item].astype(str)) > 0
    onehot.columns = onehot.columns.astype(str)
    onehot.columns.name = None
    return onehot.sort_index().sort_index(axis=1)


@dataclass
class BasketRules:
    """Association rules of :func:`rules` (mlxtend's numbers and names, plus counts).

    ``table``: one row per rule, by descending lift: ``rule`` ("a + b → c"),
    ``antecedents`` and ``consequents`` (frozensets, as mlxtend), mlxtend's
    ``antecedent support, consequent support, support, confidence, lift, leverage,
    conviction``, and ``count`` (baskets with all items of the rule), ``antecedent count``,
    ``consequent count``. ``itemsets``: the frequent itemsets with support and count.
    """

    table: pd.DataFrame
    itemsets: pd.DataFrame
    n_baskets: int
    n_single: int
    n_items: int
    min_support: float
    min_confidence: float
    min_count: int
    algorithm: str

    def to_frame(self) -> pd.DataFrame:
        """The rules table.

        Examples
        --------
        >>> import cxlab as cx
        >>> from cxlab.segment._basket import rules
        >>> found = rules(cx.datasets.load("retail_baskets"), min_support=0.02)
        >>> list(found.to_frame().columns[:3])
        ['rule', 'antecedents', 'consequents']
        """
        return self.table

    def summary(self, top: int = 10) -> str:
        """Plain text: the baskets, the thresholds and the *top* rules by lift.

        Examples
        --------
        >>> import cxlab as cx
        >>> from cxlab.segment._basket import rules
        >>> found = rules(cx.datasets.load("retail_baskets"), min_support=0.02)
        >>> print(found.summary().splitlines()[1])
        14,889 baskets of 20 items; 3,844 hold one item only (in every support, in no rule)
        """
        cols = ["rule", "count", "support", "confidence", "lift", "leverage", "conviction"]
        shown = self.table[cols].head(top).round(3).to_string(index=False)
        return (
            f"{self!r}\n"
            f"{self.n_baskets:,} baskets of {self.n_items} items; {self.n_single:,} hold one "
            "item only (in every support, in no rule)\n"
            f"thresholds: support >= {self.min_support:g}, confidence >= "
            f"{self.min_confidence:g}, count >= {self.min_count} baskets ({self.algorithm}, "
            "mlxtend)\n"
            "lift > 1: bought together more often than if independent; a rule is an "
            "association, not a cause.\n" + (shown if len(self.table) else "(no rule)")
        )

    def __repr__(self) -> str:
        return f"Association rules: {len(self.table)} rules from {self.n_baskets:,} baskets"

    def _repr_html_(self) -> str:
        cols = ["rule", "count", "support", "confidence", "lift", "leverage", "conviction"]
        shown = self.table[cols].head(20).round(3)
        return f"<p><b>{escape(repr(self))}</b></p>" + shown.to_html(index=False)

    def plot(
        self,
        *,
        ax: Axes | None = None,
        lang: Lang | None = None,
        top: int = 5,
        labels: Mapping[str, str] | None = None,
    ) -> Axes:
        """Every rule as a point: support (x) by confidence (y), coloured by lift; the
        *top* rules by lift are labelled, their items named by *labels* (item → name,
        e.g. the Chinese category names of the codebook) where given. ``lang`` ("en" or
        "zh") is the language of the title and axes; default: the notebook's
        (:func:`cxlab.viz.language`).

        Examples
        --------
        >>> import cxlab as cx
        >>> from cxlab.segment._basket import rules
        >>> found = rules(cx.datasets.load("retail_baskets"), min_support=0.02)
        >>> found.plot(lang="zh").get_ylabel()
        '置信度'
        >>> cx.viz.plt.close("all")
        """
        import matplotlib
        import matplotlib.pyplot as plt

        from cxlab.viz import figure_words, refont

        lang, words, family = figure_words(lang, _WORDS)
        names = dict(labels or {})
        with matplotlib.rc_context({"font.family": family}):
            ax = ax or plt.subplots(figsize=(7, 4.5))[1]
            t = self.table
            points = ax.scatter(
                t["support"], t["confidence"], c=t["lift"], cmap="viridis", s=30, alpha=0.85
            )
            ax.figure.colorbar(points, ax=ax, label=words["lift"])
            for row in t.head(top).itertuples(index=False):
                text = (
                    " + ".join(names.get(i, i) for i in sorted(row.antecedents))
                    + " → "
                    + " + ".join(names.get(i, i) for i in sorted(row.consequents))
                )
                ax.annotate(
                    text,
                    (row.support, row.confidence),
                    xytext=(4, 4),
                    textcoords="offset points",
                    fontsize=8,
                )
            ax.set(xlabel=words["support"], ylabel=words["confidence"], title=words["title"])
            refont(ax, family)
            refont(ax.figure.axes[-1], family)
        return ax


def _threshold(min_support: float, min_count: int, n: int) -> float:
    if not 0 < min_support <= 1:
        raise DataError(f"min_support must be in (0, 1], not {min_support!r}.")
    if int(min_count) != min_count or min_count < 1:
        raise DataError(f"min_count must be a whole number of baskets >= 1, not {min_count!r}.")
    return max(float(min_support), min_count / n)


def rules(
    baskets: pd.DataFrame,
    *,
    transaction: str = "transaction_id",
    item: str = "category",
    min_support: float = 0.01,
    min_confidence: float = 0.2,
    min_count: int = 20,
    max_len: int | None = None,
    algorithm: str = "fpgrowth",
) -> BasketRules:
    """Association rules of the baskets, mined with mlxtend 0.25.

    Parameters
    ----------
    baskets : DataFrame
        Purchase lines: one row per basket (*transaction*) and *item* (extra columns and
        quantities are ignored; an item counts once per basket).
    min_support, min_count : float, int
        An itemset is frequent when it is in at least ``min_support`` of the baskets AND
        at least ``min_count`` baskets (the count floor keeps rules on a few baskets out;
        the support threshold used is ``max(min_support, min_count / N)``).
    min_confidence : float
        Rules with lower confidence are left out (mlxtend's ``metric="confidence"``).
    max_len : int, optional
        Largest itemset (None: no limit).
    algorithm : {"fpgrowth", "apriori"}
        mlxtend's miner; both give the same itemsets.

    Returns
    -------
    BasketRules
        ``table`` by descending lift (mlxtend's metrics and names, plus counts),
        ``itemsets``, ``summary()``, ``plot()``.

    Baskets with one item only count in every support's denominator (as in mlxtend) but
    can support no rule; when they are more than half of the baskets a UserWarning says
    how many, and when every basket has one item a DataError does.

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab.segment._basket import rules
    >>> found = rules(cx.datasets.load("retail_baskets"), min_support=0.02)
    >>> found.table.loc[0, "rule"]
    'sauces_condiments → meat_seafood'
    >>> found.table.loc[0, ["count", "confidence", "lift"]].astype(float).round(2).tolist()
    [701.0, 0.46, 3.51]
    """
    from mlxtend.frequent_patterns import apriori, association_rules, fpgrowth

    if algorithm not in ("fpgrowth", "apriori"):
        raise DataError(f"algorithm must be 'fpgrowth' or 'apriori', not {algorithm!r}.")
    if not 0 <= min_confidence <= 1:
        raise DataError(f"min_confidence must be in [0, 1], not {min_confidence!r}.")
    onehot = basket_matrix(baskets, transaction=transaction, item=item)
    n = len(onehot)
    sizes = onehot.sum(axis=1)
    n_single = int((sizes == 1).sum())
    if n_single == n:
        raise DataError(
            f"All {n:,} baskets (column {transaction!r}) hold one item only (column "
            f"{item!r}), so no rule can be found. Check that {transaction!r} groups the lines "
            "of one purchase and that item= names the product column."
        )
    if n_single > n / 2:
        warnings.warn(
            f"{n_single:,} of {n:,} baskets ({n_single / n:.0%}) hold one item only "
            f"(column {item!r}): they count in every support but support no rule. If "
            f"{transaction!r} is not one purchase, pass the right transaction= column.",
            UserWarning,
            stacklevel=2,
        )
    support = _threshold(min_support, min_count, n)
    miner = fpgrowth if algorithm == "fpgrowth" else apriori
    itemsets = miner(onehot, min_support=support, use_colnames=True, max_len=max_len)
    itemsets["count"] = np.rint(itemsets["support"] * n).astype("int64")
    itemsets = itemsets[itemsets["count"] >= min_count].reset_index(drop=True)
    columns = ["rule", "antecedents", "consequents", *METRICS]
    columns += ["count", "antecedent count", "consequent count"]
    if (itemsets["itemsets"].map(len) > 1).any():
        found = association_rules(
            itemsets[["support", "itemsets"]],
            num_itemsets=n,
            metric="confidence",
            min_threshold=min_confidence,
        )
    else:
        found = pd.DataFrame(columns=["antecedents", "consequents", *METRICS])
    table = found[["antecedents", "consequents", *METRICS]].copy()
    for col, share in [
        ("count", "support"),
        ("antecedent count", "antecedent support"),
        ("consequent count", "consequent support"),
    ]:
        table[col] = np.rint(table[share].astype(float) * n).astype("int64")
    table.insert(
        0,
        "rule",
        [
            " + ".join(sorted(a)) + " → " + " + ".join(sorted(c))
            for a, c in zip(table["antecedents"], table["consequents"], strict=True)
        ],
    )
    table = table.sort_values(
        ["lift", "confidence", "rule"], ascending=[False, False, True], kind="stable"
    ).reset_index(drop=True)
    return BasketRules(
        table=table[columns],
        itemsets=itemsets,
        n_baskets=n,
        n_single=n_single,
        n_items=onehot.shape[1],
        min_support=float(min_support),
        min_confidence=float(min_confidence),
        min_count=int(min_count),
        algorithm=algorithm,
    )
