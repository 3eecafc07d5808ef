"""Holdout diagnostics of a fitted BG/NBD model (cxlab.loyalty): predicted vs actual
repeat purchases by calibration frequency (:class:`HoldoutCheck`) and over time
(:class:`Tracking`), after Fader, Hardie & Lee (2005), figs. 1 and 4.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from cxlab.errors import DataError

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from cxlab.loyalty._models import BGNBD
    from cxlab.viz import Lang

#: the words of :meth:`HoldoutCheck.plot` and :meth:`Tracking.plot`, by language
_WORDS = {
    "en": {
        "actual": "actual",
        "model": "BG/NBD",
        "freq_cal": "repeat purchases in the calibration period",
        "mean_next": "mean purchases in the next {duration:g} {unit}",
        "units": {"D": "days", "W": "weeks", None: "periods"},
        "unit": {"D": "day", "W": "week", None: "period"},
        "cum": "cumulative repeat purchases",
        "per_period": "repeat purchases",
    },
    "zh": {
        "actual": "实际",
        "model": "BG/NBD",
        "freq_cal": "校准期内的重复购买次数",
        "mean_next": "未来 {duration:g} {unit}内的平均购买次数",
        "units": {"D": "天", "W": "周", None: "期"},
        "unit": {"D": "天", "W": "周", None: "期"},
        "cum": "累计重复购买次数",
        "per_period": "重复购买次数",
    },
}


@dataclass
class HoldoutCheck:
    """Predicted vs actual repeat purchases in the holdout period (Fader et al. 2005, fig. 4).

    ``table``: one row per number of calibration-period repeat purchases (the last row
    pools the highest), with the number of customers and their mean actual and
    predicted holdout purchases. ``totals``: actual and predicted totals, the error of
    the total in %, the mean absolute error per customer and the correlation.
    """

    table: pd.DataFrame
    totals: pd.Series
    duration: float
    time_unit: str | None

    def to_frame(self) -> pd.DataFrame:
        """The table: customers, mean actual and predicted holdout purchases by frequency.

        Examples
        --------
        >>> import cxlab as cx
        >>> from cxlab import loyalty
        >>> cal = loyalty.clv_summary(cx.datasets.load("cdnow_sample"), "customer_id", "date",
        ...     "dollar_value", freq="D", freq_multiplier=7, calibration_end="1997-09-30")
        >>> check = loyalty.holdout_check(loyalty.fit_bgnbd(cal), cal)
        >>> list(check.to_frame().columns)
        ['customers', 'actual', 'predicted']
        """
        return self.table

    def summary(self) -> str:
        """Plain text: the totals and the table.

        Examples
        --------
        >>> import cxlab as cx
        >>> from cxlab import loyalty
        >>> cal = loyalty.clv_summary(cx.datasets.load("cdnow_sample"), "customer_id", "date",
        ...     "dollar_value", freq="D", freq_multiplier=7, calibration_end="1997-09-30")
        >>> check = loyalty.holdout_check(loyalty.fit_bgnbd(cal), cal)
        >>> print(check.summary().splitlines()[0][:36])
        Holdout check: 1,882 actual vs 1,653
        """
        return repr(self) + "\n" + self.table.round(3).to_string()

    def _repr_html_(self) -> str:
        return f"<p><b>{escape(repr(self))}</b></p>" + self.table.round(3).to_html()

    def plot(self, *, ax: Axes | None = None, lang: Lang | None = None) -> Axes:
        """Conditional expectations: actual vs predicted holdout purchases by calibration
        frequency (lifetimes' plot_calibration_purchases_vs_holdout_purchases). ``lang``
        ("en" or "zh") is the language of the labels and legend; default: the notebook's
        (:func:`cxlab.viz.language`, set by ``cx.viz.set_theme(lang=...)``).

        Examples
        --------
        >>> import cxlab as cx
        >>> from cxlab import loyalty
        >>> cal = loyalty.clv_summary(cx.datasets.load("cdnow_sample"), "customer_id", "date",
        ...     "dollar_value", freq="D", freq_multiplier=7, calibration_end="1997-09-30")
        >>> check = loyalty.holdout_check(loyalty.fit_bgnbd(cal), cal)
        >>> check.plot().get_ylabel()
        'mean purchases in the next 39 weeks'
        >>> check.plot(lang="zh").get_ylabel()
        '未来 39 周内的平均购买次数'
        """
        import matplotlib
        import matplotlib.pyplot as plt

        from cxlab.viz import figure_words, refont

        lang, words, family = figure_words(lang, _WORDS)
        unit = words["units"].get(self.time_unit, words["units"][None])
        with matplotlib.rc_context({"font.family": family}):
            ax = ax or plt.subplots(figsize=(6, 3.5))[1]
            x = np.arange(len(self.table))
            ax.plot(x, self.table["actual"], "o-", label=words["actual"])
            ax.plot(x, self.table["predicted"], "s--", label=words["model"])
            ax.set_xticks(x, self.table.index.astype(str))
            ax.set(
                xlabel=words["freq_cal"],
                ylabel=words["mean_next"].format(duration=self.duration, unit=unit),
            )
            ax.legend()
            # also the texts of an axes made before, outside this font
            refont(ax, family)
        return ax

    def __repr__(self) -> str:
        t = self.totals
        return (
            f"Holdout check: {t['actual']:,.0f} actual vs {t['predicted']:,.1f} predicted repeat "
            f"purchases ({t['error_pct']:+.1f} %), MAE {t['mae']:.3f} per customer"
        )


def holdout_check(bgnbd: BGNBD, summary: pd.DataFrame, max_frequency: int = 7) -> HoldoutCheck:
    """Predicted vs actual repeat purchases in the holdout period, by calibration frequency.

    Parameters
    ----------
    bgnbd : BGNBD
        Fitted to the calibration columns of *summary*.
    summary : DataFrame
        :func:`clv_summary` with *calibration_end* (holdout columns).
    max_frequency : int
        Customers with more calibration purchases are pooled in the last row.

    Returns
    -------
    HoldoutCheck
        ``table`` (customers, actual, predicted by frequency_cal), ``totals``
        (actual, predicted, error_pct, mae, correlation), ``plot()``.

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab import loyalty
    >>> cal = loyalty.clv_summary(cx.datasets.load("cdnow_sample"), "customer_id", "date",
    ...                           freq="D", freq_multiplier=7, calibration_end="1997-09-30")
    >>> check = loyalty.holdout_check(loyalty.fit_bgnbd(cal), cal)
    >>> check.totals[["actual", "predicted"]].round(1).to_dict()
    {'actual': 1882.0, 'predicted': 1653.4}
    """
    need = ["frequency_cal", "recency_cal", "T_cal", "frequency_holdout", "duration_holdout"]
    missing = [c for c in need if c not in summary.columns]
    if missing:
        raise DataError(
            f"holdout_check needs a summary with a holdout period (clv_summary(..., "
            f"calibration_end=...)); missing {', '.join(missing)}."
        )
    duration = float(summary["duration_holdout"].iloc[0])
    pred = bgnbd.expected_purchases(duration, summary)
    actual = summary["frequency_holdout"].astype(float)
    freq = summary["frequency_cal"].clip(upper=max_frequency).astype(int)
    table = (
        pd.DataFrame({"frequency_cal": freq, "actual": actual, "predicted": pred})
        .groupby("frequency_cal")
        .agg(
            customers=("actual", "size"), actual=("actual", "mean"), predicted=("predicted", "mean")
        )
    )
    table.index = [f"{i}+" if i == max_frequency else str(i) for i in table.index]
    table.index.name = "frequency_cal"
    totals = pd.Series(
        {
            "customers": float(len(summary)),
            "actual": float(actual.sum()),
            "predicted": float(pred.sum()),
            "error_pct": float(100 * (pred.sum() - actual.sum()) / actual.sum()),
            "mae": float((pred - actual).abs().mean()),
            "correlation": float(np.corrcoef(pred, actual)[0, 1]),
        }
    )
    return HoldoutCheck(table, totals, duration, summary.attrs.get("time_unit", bgnbd.time_unit))


@dataclass
class Tracking:
    """Repeat purchases of the whole cohort per period: actual vs BG/NBD (Fader et al.
    2005, fig. 1). ``table``: period (1, 2, …), its last day, actual and predicted repeat
    purchases in the period and cumulated."""

    table: pd.DataFrame
    calibration_end: pd.Timestamp | None
    time_unit: str | None

    def to_frame(self) -> pd.DataFrame:
        """The table: period, end, actual and predicted repeat purchases (and cumulated).

        Examples
        --------
        >>> import cxlab as cx
        >>> from cxlab import loyalty
        >>> tx = cx.datasets.load("cdnow_sample")
        >>> cal = loyalty.clv_summary(tx, "customer_id", "date", freq="D", freq_multiplier=7,
        ...                           calibration_end="1997-09-30")
        >>> tr = loyalty.tracking(loyalty.fit_bgnbd(cal), tx, calibration_end="1997-09-30")
        >>> list(tr.to_frame().columns)[:4]
        ['period', 'end', 'actual', 'predicted']
        """
        return self.table

    def summary(self) -> str:
        """Plain text: the totals and the last periods of the table.

        Examples
        --------
        >>> import cxlab as cx
        >>> from cxlab import loyalty
        >>> tx = cx.datasets.load("cdnow_sample")
        >>> cal = loyalty.clv_summary(tx, "customer_id", "date", freq="D", freq_multiplier=7,
        ...                           calibration_end="1997-09-30")
        >>> tr = loyalty.tracking(loyalty.fit_bgnbd(cal), tx, calibration_end="1997-09-30")
        >>> print(tr.summary().splitlines()[0][:30])
        Tracking over 78 periods: 4,33
        """
        return repr(self) + "\n" + self.table.tail(8).round(1).to_string(index=False)

    def _repr_html_(self) -> str:
        return f"<p><b>{escape(repr(self))}</b></p>" + self.table.round(1).to_html(index=False)

    def plot(
        self, *, ax: Axes | None = None, cumulative: bool = True, lang: Lang | None = None
    ) -> Axes:
        """Actual vs predicted repeat purchases per period (or cumulated), with a line at
        the end of the calibration period (in R: ``BTYD::bgnbd.PlotTrackingCum``).
        ``lang`` ("en" or "zh") is the language of the labels and legend; default: the
        notebook's (:func:`cxlab.viz.language`, set by ``cx.viz.set_theme(lang=...)``).

        Examples
        --------
        >>> import cxlab as cx
        >>> from cxlab import loyalty
        >>> tx = cx.datasets.load("cdnow_sample")
        >>> cal = loyalty.clv_summary(tx, "customer_id", "date", freq="D", freq_multiplier=7,
        ...                           calibration_end="1997-09-30")
        >>> tr = loyalty.tracking(loyalty.fit_bgnbd(cal), tx, calibration_end="1997-09-30")
        >>> ax = tr.plot()
        >>> ax.get_xlabel(), ax.get_ylabel()
        ('week', 'cumulative repeat purchases')
        >>> ax = tr.plot(lang="zh")
        >>> ax.get_xlabel(), ax.get_ylabel()
        ('周', '累计重复购买次数')
        """
        import matplotlib
        import matplotlib.pyplot as plt

        from cxlab.viz import figure_words, refont

        lang, words, family = figure_words(lang, _WORDS)
        suffix = "_cum" if cumulative else ""
        t = self.table
        with matplotlib.rc_context({"font.family": family}):
            ax = ax or plt.subplots(figsize=(7, 3.5))[1]
            ax.plot(t["period"], t[f"actual{suffix}"], "-", label=words["actual"])
            ax.plot(t["period"], t[f"predicted{suffix}"], "--", label=words["model"])
            if self.calibration_end is not None:
                cut = t.loc[t["end"] <= self.calibration_end, "period"]
                if len(cut):
                    ax.axvline(cut.max() + 0.5, color="grey", lw=1, ls=":")
            unit = words["unit"].get(self.time_unit, words["unit"][None])
            ax.set(xlabel=unit, ylabel=words["cum" if cumulative else "per_period"])
            ax.legend()
            # also the texts of an axes made before, outside this font
            refont(ax, family)
        return ax

    def __repr__(self) -> str:
        last = self.table.iloc[-1]
        return (
            f"Tracking over {len(self.table)} periods: {last['actual_cum']:,.0f} actual vs "
            f"{last['predicted_cum']:,.1f} predicted repeat purchases"
        )


def tracking_table(
    bgnbd: BGNBD,
    firsts: pd.DataFrame,
    repeats: pd.DataFrame,
    start: pd.Timestamp,
    n_periods: int,
    unit_days: int,
    calibration_end: pd.Timestamp | None,
) -> Tracking:
    """Build a :class:`Tracking` from first-purchase days (``day_offset``, ``customers``)
    and repeat purchase days per period (``k``, ``actual``), both counted from *start*."""
    k = np.arange(n_periods)
    last_day = (k + 1) * unit_days - 1  # last day of each period, from start
    predicted_cum = np.zeros(n_periods)
    for off, n in zip(firsts["day_offset"], firsts["customers"], strict=True):
        t = (last_day - off) / unit_days
        alive = t > 0
        predicted_cum[alive] += n * bgnbd.expected_population(t[alive])
    actual = repeats.set_index("k")["actual"].reindex(k, fill_value=0).to_numpy(dtype=float)
    table = pd.DataFrame(
        {
            "period": k + 1,
            "end": start + pd.to_timedelta(last_day, unit="D"),
            "actual": actual,
            "predicted": np.diff(np.r_[0.0, predicted_cum]),
            "actual_cum": actual.cumsum(),
            "predicted_cum": predicted_cum,
        }
    )
    return Tracking(table, calibration_end, bgnbd.time_unit)
