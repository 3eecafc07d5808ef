"""Whom to contact: expected value saved, the profit of contacting the top x % and the
best cut-off for a manager's value, contact cost and offer success rate."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from cxlab._conventions import as_frame
from cxlab.churn._auc import check_binary
from cxlab.churn._words import TEXT, words
from cxlab.errors import DataError

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from cxlab.viz import Lang

#: the caveat the English summary ends with (both languages in ``_words``)
CAVEAT = TEXT["en"]["pc_caveat"].strip()

_WORDS = {
    "en": {
        "title": "Expected profit of contacting the top x % (by expected value saved)",
        "x": "share of customers contacted",
        "y": "profit",
        "expected": "expected (from the predictions)",
        "realised": "realised (observed churners)",
        "best": "best cut-off: top {share:.1%}",
    },
    "zh": {
        "title": "联系前 x % 客户的期望利润（按期望挽回价值排序）",
        "x": "联系的客户比例",
        "y": "利润",
        "expected": "期望值（来自预测）",
        "realised": "实际值（观测到的流失客户）",
        "best": "最佳截断点：前 {share:.1%}",
    },
}


def _per_row(value: Any, data: pd.DataFrame | None, n: int, what: str) -> np.ndarray:
    """A number, a column name of *data* or an array, as a float array of length n."""
    if isinstance(value, str):
        if data is None or value not in data.columns:
            raise DataError(f"{what}={value!r} is not a column of the data.")
        out = pd.to_numeric(data[value], errors="coerce").to_numpy(float)
        if np.isnan(out).any():
            rows = list(data.index[np.isnan(out)])[:5]
            raise DataError(
                f"Column {value!r} ({what}) is missing or not a number in "
                f"{int(np.isnan(out).sum())} row(s) (e.g. rows {rows}); fill them or drop those "
                "rows explicitly."
            )
        return out
    arr = np.asarray(value, dtype=float)
    if arr.ndim == 0:
        return np.full(n, float(arr)) if np.isfinite(arr) else _not_finite(what)
    if arr.shape != (n,):
        raise DataError(
            f"{what} has {arr.size} rows but there are {n} customers; one per customer."
        )
    out = arr.copy()
    if not np.isfinite(out).all():
        raise DataError(f"{what} must be finite numbers.")
    return out


def _not_finite(what: str) -> np.ndarray:
    raise DataError(f"{what} must be finite numbers.")


def _check_rates(cost: float, success: float) -> None:
    if not 0 < success <= 1:
        raise ValueError(
            "success is the share of contacted churners the offer keeps, in (0, 1], "
            f"not {success!r}"
        )
    if cost < 0:
        raise ValueError(f"cost is the cost of one contact (offer included), >= 0, not {cost!r}")


@dataclass
class ProfitCurve:
    """The profit of contacting the top x % of customers ranked by expected value saved
    (P(churn) × value × success − cost); :func:`profit_curve` builds it.

    ``table``: one row per share contacted (``share, n_contacted, threshold,
    expected_saved, cost, expected_profit`` and, with observed outcomes,
    ``realised_profit``). ``best``: the share, number, threshold and expected profit of
    the best cut-off (contact everyone whose expected value saved exceeds the cost).
    """

    table: pd.DataFrame
    best: dict[str, float]
    cost: float
    success: float
    n: int

    def summary(self, lang: Lang | None = None) -> str:
        """The best cut-off in plain words.

        ``lang`` ("en"/"zh"): the language of the text, by default the notebook's
        (:func:`cxlab.viz.language`); the numbers are the same in both.

        Examples
        --------
        >>> import cxlab as cx
        >>> pc = cx.churn.profit_curve([0.1, 0.5, 0.9, 0.3], value=100, cost=10, success=0.5)
        >>> print(pc.summary().splitlines()[1][:50])
          best cut-off: contact the top 75.0% (3 customers
        >>> print(pc.summary(lang="zh").splitlines()[1][:27])
          最佳截断点：联系排名前 75.0% 的客户（3 位
        """
        w = words(lang)
        b = self.best
        lines = [w["pc_head"].format(n=self.n, cost=self.cost, success=self.success)]
        if b["n_contacted"] == 0:
            lines.append(w["pc_none"])
        else:
            lines.append(
                w["pc_best"].format(
                    share=b["share"],
                    n=int(b["n_contacted"]),
                    threshold=b["threshold"],
                    profit=b["expected_profit"],
                )
            )
        if "realised_profit" in b:
            lines.append(w["pc_realised"].format(profit=b["realised_profit"]))
        lines.append(w["pc_caveat"])
        return "\n".join(lines)

    def to_frame(self) -> pd.DataFrame:
        """The table by share contacted.

        Examples
        --------
        >>> import cxlab as cx
        >>> pc = cx.churn.profit_curve([0.1, 0.5, 0.9, 0.3], value=100, cost=10, success=0.5)
        >>> pc.to_frame()["n_contacted"].tolist()
        [1, 2, 3, 4]
        """
        return self.table.copy()

    def __repr__(self) -> str:
        return self.summary()

    def _repr_html_(self) -> str:
        head = "<br>".join(escape(line) for line in self.summary().splitlines())
        return f"<p>{head}</p>" + self.table.iloc[:: max(1, len(self.table) // 10)].round(
            3
        ).to_html(index=False)

    def plot(self, *, ax: Axes | None = None, lang: Lang | None = None) -> Axes:
        """Expected (and realised) profit against the share contacted; the best cut-off
        marked. ``lang`` ("en"/"zh"): the figure's language, by default the notebook's.

        Examples
        --------
        >>> import cxlab as cx
        >>> pc = cx.churn.profit_curve([0.1, 0.5, 0.9, 0.3], value=100, cost=10, success=0.5)
        >>> ax = pc.plot(lang="en")
        >>> ax.get_xlabel()
        'share of customers contacted'
        >>> cx.viz.plt.close(ax.figure)
        """
        import matplotlib
        import matplotlib.pyplot as plt

        from cxlab.viz import figure_words, refont

        lang, words, family = figure_words(lang, _WORDS)
        t = self.table
        with matplotlib.rc_context({"font.family": family}):
            ax = ax or plt.subplots(figsize=(7, 4))[1]
            ax.plot(t["share"], t["expected_profit"], label=words["expected"])
            if "realised_profit" in t:
                ax.plot(t["share"], t["realised_profit"], ls="--", label=words["realised"])
            ax.axhline(0, color="grey", lw=0.8)
            share = self.best["share"]
            ax.axvline(share, color="C3", ls=":", label=words["best"].format(share=share))
            ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
            ax.set(xlabel=words["x"], ylabel=words["y"], title=words["title"])
            ax.legend()
            refont(ax, family)
        return ax


def profit_curve(
    p: Any,
    *,
    value: Any,
    cost: float,
    success: float,
    y: Any = None,
    data: pd.DataFrame | None = None,
    steps: int = 100,
) -> ProfitCurve:
    """The expected profit of contacting the top x % of customers.

    Customers are ranked by expected value saved, P(churn) × value × success, where
    *value* is what a retained customer is worth (a number, or a column of *data*, e.g.
    a margin or CLV), *success* the share of contacted churners the offer keeps and
    *cost* the cost of one contact (offer included). Contacting the top k gives the
    expected profit Σ (p·value·success − cost) over them; it peaks where the next
    customer's expected value saved falls below the cost. With observed outcomes *y*
    the realised profit Σ (y·value·success − cost) is added. Formula as in Verbeke et
    al. (2012, *European Journal of Operational Research* 218, 211–229), without their
    incentive cost for non-churners. P(churn) is not the effect of contacting: see uplift.

    Examples
    --------
    >>> import cxlab as cx
    >>> pc = cx.churn.profit_curve([0.1, 0.5, 0.9, 0.3], value=100, cost=10, success=0.5)
    >>> pc.best["n_contacted"], round(pc.best["expected_profit"], 1)
    (3, 55.0)
    """
    _check_rates(cost, success)
    pp = pd.to_numeric(pd.Series(np.asarray(p, dtype=object)), errors="coerce").to_numpy(float)
    if not np.isfinite(pp).all() or ((pp < 0) | (pp > 1)).any():
        raise DataError("P(churn) must be probabilities between 0 and 1 with no missing value.")
    n = len(pp)
    v = _per_row(value, data, n, "value")
    if len(v) != n:
        raise DataError(
            f"value has {len(v)} rows but there are {n} probabilities; one per customer."
        )
    ev = pp * v * success
    order = np.argsort(-ev, kind="stable")
    gain = np.cumsum(ev[order] - cost)
    k_best = int(np.argmax(np.r_[0.0, gain]))
    k = np.unique(np.ceil(np.linspace(1, steps, steps) / steps * n).astype(int))
    k = k[k >= 1]
    table = pd.DataFrame(
        {
            "share": k / n,
            "n_contacted": k,
            "threshold": ev[order][k - 1],
            "expected_saved": np.cumsum(ev[order])[k - 1],
            "cost": k * cost,
            "expected_profit": gain[k - 1],
        }
    )
    best = {
        "share": k_best / n,
        "n_contacted": k_best,
        "threshold": float(ev[order][k_best - 1]) if k_best else float("inf"),
        "expected_profit": float(gain[k_best - 1]) if k_best else 0.0,
    }
    if y is not None:
        yy = check_binary(y)
        if len(yy) != n:
            raise DataError(f"y has {len(yy)} values but there are {n} probabilities.")
        real = np.cumsum(yy[order] * v[order] * success - cost)
        table["realised_profit"] = real[k - 1]
        best["realised_profit"] = float(real[k_best - 1]) if k_best else 0.0
    return ProfitCurve(table=table, best=best, cost=float(cost), success=float(success), n=n)


def target(
    data: pd.DataFrame,
    p: Any,
    *,
    value: Any,
    cost: float,
    success: float,
) -> pd.DataFrame:
    """Customers ranked by expected value saved: P(churn) × value × success − cost.

    *p* is a column of *data* or an array of churn probabilities (e.g.
    ``model.predict_proba(data)``), *value* a number or a column (margin, CLV), *cost*
    the cost of one contact and *success* the share of contacted churners the offer
    keeps. ``contact`` is True where the expected net value is positive.

    P(churn) is not the effect of contacting a customer. Some likely churners cannot be
    kept, and some customers leave *because* they are contacted; who is moved by the
    offer is uplift, estimated on a randomised campaign (``cx.experiments.uplift``).

    Returns
    -------
    *data* with ``p_churn, value, expected_saved, net, contact, rank``, sorted by
    ``net`` (highest first).

    Examples
    --------
    >>> import pandas as pd, cxlab as cx
    >>> d = pd.DataFrame({"id": ["a", "b", "c"], "p": [0.2, 0.6, 0.1], "margin": [300, 50, 900]})
    >>> cx.churn.target(d, "p", value="margin", cost=20, success=0.3)[["id", "net", "contact"]]
      id   net  contact
    0  c   7.0     True
    1  a  -2.0    False
    2  b -11.0    False
    """
    frame = as_frame(data).copy()
    _check_rates(cost, success)
    pp = _per_row(p, frame, len(frame), "p")
    if ((pp < 0) | (pp > 1)).any():
        raise DataError("P(churn) must lie between 0 and 1.")
    v = _per_row(value, frame, len(frame), "value")
    frame["p_churn"] = pp
    frame["value"] = v
    frame["expected_saved"] = pp * v * success
    frame["net"] = frame["expected_saved"] - cost
    frame["contact"] = frame["net"] > 0
    frame = frame.sort_values("net", ascending=False, kind="stable").reset_index(drop=True)
    frame["rank"] = np.arange(1, len(frame) + 1)
    return frame
