"""Kaplan–Meier survival of members by group, with the log-rank test (private; public
through :mod:`cxlab.churn`). Built on ``statsmodels.duration`` (``SurvfuncRight``,
``survdiff``); intervals and medians follow R's ``survival::survfit``.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd
from scipy import stats

from cxlab._conventions import as_frame
from cxlab.churn._durations import survival_columns
from cxlab.churn._words import words
from cxlab.errors import DataError

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from cxlab.viz import Lang

__all__ = ["KaplanMeier", "kaplan_meier"]

ConfType = Literal["log", "log-log", "plain"]
_ALL = "all"
_WORDS = {
    "en": {
        "title": "Kaplan–Meier: share of members still active",
        "x": "time ({unit})",
        "y": "survival S(t) ({level:.0%} CI)",
        "all": "all members",
    },
    "zh": {
        "title": "Kaplan–Meier 生存曲线：仍未流失的会员比例",
        "x": "时间（{unit}）",
        "y": "生存概率 S(t)（{level:.0%} 置信区间）",
        "all": "全部会员",
    },
}
_UNITS = {"en": {"months": "months", "days": "days"}, "zh": {"months": "月", "days": "天"}}


def confidence_band(
    surv: np.ndarray, se_log: np.ndarray, level: float, conf_type: str
) -> tuple[np.ndarray, np.ndarray]:
    """Pointwise interval of S(t) from the Greenwood SE of log S(t), as R's
    ``survfit(conf.type=...)``: ``"log"`` (R's default) exp(log S ± z·se),
    ``"log-log"`` (lifelines' and statsmodels' choice) on log(−log S), ``"plain"``
    S ± z·S·se; clipped to [0, 1] as R does.

    Examples
    --------
    >>> import numpy as np
    >>> lo, hi = confidence_band(np.array([0.8]), np.array([0.1]), 0.95, "log")
    >>> round(float(lo[0]), 4), round(float(hi[0]), 4)
    (0.6576, 0.9732)
    """
    z = stats.norm.ppf(1 - (1 - level) / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        if conf_type == "plain":
            half = z * se_log * surv
            return np.maximum(surv - half, 0), np.minimum(surv + half, 1)
        if conf_type == "log":
            xx = np.where(surv == 0, np.nan, surv)
            return np.exp(np.log(xx) - z * se_log), np.minimum(np.exp(np.log(xx) + z * se_log), 1)
        if conf_type == "log-log":
            xx = np.where((surv == 0) | (surv == 1), np.nan, surv)
            se2 = z * se_log / np.log(xx)
            return np.exp(-np.exp(np.log(-np.log(xx)) - se2)), np.exp(
                -np.exp(np.log(-np.log(xx)) + se2)
            )
    raise DataError(f"conf_type is 'log', 'log-log' or 'plain', not {conf_type!r}.")


def r_quantile(
    x: np.ndarray, y: np.ndarray, p: float, tol: float = np.sqrt(np.finfo(float).eps)
) -> float:
    """R survival's ``findq``: the time where the curve 1 − S (*y* at times *x*, both
    starting with (0, 0)) first reaches *p*; where S stays exactly at 1 − p over an
    interval, the midpoint of that interval (R's median rule).

    Examples
    --------
    >>> r_quantile(np.array([0, 1, 2, 3.]), np.array([0, .25, .5, .75]), 0.5)
    2.5
    """
    if np.all(np.isnan(y)) or np.nanmax(y) < p:
        return float("nan")
    xmax = x[-1]
    keep = ~pd.Series(y).duplicated().to_numpy()
    x, y = x[keep], y[keep]
    ok = ~np.isnan(y)

    def first(shift: float) -> float:
        hit = np.flatnonzero(ok & (y + shift >= p))
        return float(x[hit[0]]) if len(hit) else float("nan")

    quant = (first(tol) + first(-tol)) / 2
    if not np.isnan(y[-1]) and abs(p - y[-1]) < tol:
        quant = (first(tol) + xmax) / 2
    return quant


def _curve(t: np.ndarray, e: np.ndarray) -> pd.DataFrame:
    """One group's Kaplan–Meier table at its event times (statsmodels SurvfuncRight)."""
    from statsmodels.duration.survfunc import SurvfuncRight

    sf = SurvfuncRight(t, e)
    n, d = sf.n_risk.astype(float), sf.n_events.astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        se_log = np.sqrt(np.cumsum(d / (n * (n - d))))
    return pd.DataFrame(
        {
            "time": sf.surv_times.astype(float),
            "n_risk": sf.n_risk.astype(int),
            "n_event": sf.n_events.astype(int),
            "surv": sf.surv_prob,
            "se": sf.surv_prob_se,
            "se_log": np.where(np.isinf(se_log), np.nan, se_log),
        }
    )


@dataclass
class KaplanMeier:
    """Result of :func:`kaplan_meier`.

    Attributes
    ----------
    table : DataFrame
        One row per group and event time: ``group, time, n_risk, n_event, surv`` (the
        Kaplan–Meier S(t)), ``se`` (Greenwood SE of S), ``ci_low, ci_high``.
    medians : DataFrame
        Per group: ``n, events, median`` survival time and its ``ci_low, ci_high`` (R's
        rule: where the curve and its interval bounds cross 0.5; NaN when they never do).
    at : DataFrame
        S(t) and its interval at the requested ``times`` (e.g. 12-month retention).
    logrank : DataFrame or None
        Log-rank test across groups: ``chisq, df, pvalue`` (None without groups).
    """

    table: pd.DataFrame
    medians: pd.DataFrame
    at: pd.DataFrame
    logrank: pd.DataFrame | None
    level: float
    conf_type: str
    group: str | None
    unit: str
    follow_up: dict[str, float] = field(default_factory=dict)

    @property
    def groups(self) -> list[str]:
        """The group labels (``["all"]`` without groups)."""
        return list(self.medians["group"])

    def survival(self, times: Sequence[float]) -> pd.DataFrame:
        """S(t) per group at *times* (rows) — the step function, right-continuous; NaN
        after a group's last follow-up time.

        Examples
        --------
        >>> import pandas as pd
        >>> import cxlab as cx
        >>> d = pd.DataFrame({"t": [1, 2, 2, 3, 4], "e": [1, 1, 0, 1, 0]})
        >>> km = cx.churn.kaplan_meier(d, duration="t", event="e")
        >>> km.survival([0, 1, 3, 5])["all"].round(3).tolist()
        [1.0, 0.8, 0.3, nan]
        """
        times = np.asarray(times, dtype=float)
        out = {}
        for g in self.groups:
            part = self.table[self.table["group"] == g]
            idx = np.searchsorted(part["time"].to_numpy(), times, side="right")
            s = np.r_[1.0, part["surv"].to_numpy()][idx]
            out[g] = np.where(times > self.follow_up[g], np.nan, s)
        frame = pd.DataFrame(out, index=pd.Index(times, name="time"))
        frame.columns.name = "group"
        if np.all(times == np.round(times)):
            frame.index = frame.index.astype(int)
        return frame

    def to_frame(self) -> pd.DataFrame:
        """The survival table (``table``).

        Examples
        --------
        >>> import pandas as pd
        >>> import cxlab as cx
        >>> d = pd.DataFrame({"t": [1, 2, 2, 3, 4], "e": [1, 1, 0, 1, 0]})
        >>> list(cx.churn.kaplan_meier(d, duration="t", event="e").to_frame()["surv"].round(3))
        [0.8, 0.6, 0.3]
        """
        return self.table

    def summary(self, lang: Lang | None = None) -> str:
        """Plain text: medians with their intervals, S at the chosen times, log-rank test.

        ``lang`` ("en"/"zh"): the language of the text, by default the notebook's
        (:func:`cxlab.viz.language`); the numbers are the same in both.

        Examples
        --------
        >>> import pandas as pd
        >>> import cxlab as cx
        >>> d = pd.DataFrame({"t": [1, 2, 2, 3, 4], "e": [1, 1, 0, 1, 0]})
        >>> print(cx.churn.kaplan_meier(d, duration="t", event="e").summary().splitlines()[0])
        Kaplan–Meier survival (5 members, 3 events; 95% CI, conf_type='log'; time in months)
        >>> km = cx.churn.kaplan_meier(d, duration="t", event="e")
        >>> print(km.summary(lang="zh").splitlines()[2])
          全部：3 [2, 尚未达到]（n = 5，事件数 = 3）
        """
        w = words(lang)
        whole = self.medians[self.medians["group"] == _ALL].iloc[0]
        n, ev = int(whole["n"]), int(whole["events"])
        # "all" is cxlab's label of the whole sample, worded only when no data group has it
        own = _ALL not in set(self.medians["group"].iloc[:-1])

        def label(g: Any) -> Any:
            return w["km_all"] if own and g == _ALL else g

        lines = [
            w["km_head"].format(
                n=n,
                ev=ev,
                level=self.level,
                conf=self.conf_type,
                unit=w["km_units"].get(self.unit, self.unit),
            )
        ]
        lines.append(w["km_medians"])
        for r in self.medians.itertuples(index=False):
            med, low, high = (
                w["km_not_reached"] if np.isnan(v) else f"{v:.4g}"
                for v in (r.median, r.ci_low, r.ci_high)
            )
            lines.append(
                w["km_median_row"].format(
                    group=label(r.group), med=med, low=low, high=high, n=r.n, ev=r.events
                )
            )
        if self.medians["median"].isna().any() or self.medians["ci_high"].isna().any():
            lines.append(w["km_not_reached_note"])
        if len(self.at):
            lines.append(w["km_at"])
            for r in self.at.itertuples(index=False):
                lines.append(
                    w["km_at_row"].format(
                        group=label(r.group), t=r.time, s=r.surv, lo=r.ci_low, hi=r.ci_high
                    )
                )
        if self.logrank is not None:
            r = self.logrank.iloc[0]
            lines.append(w["km_logrank"].format(chi2=r["chisq"], df=int(r["df"]), p=r["pvalue"]))
        return "\n".join(lines)

    def __repr__(self) -> str:
        return self.summary()

    def _repr_html_(self) -> str:
        head = escape(self.summary().splitlines()[0])
        parts = [self.medians, self.at] + ([self.logrank] if self.logrank is not None else [])
        return f"<p><b>{head}</b></p>" + "".join(t.round(4).to_html(index=False) for t in parts)

    def plot(self, *, ax: Axes | None = None, lang: Lang | None = None, ci: bool = True) -> Axes:
        """Step curves of S(t), one per group, with shaded pointwise intervals.

        ``lang`` ("en"/"zh"): the language of the figure, by default the notebook's.

        Examples
        --------
        >>> import pandas as pd
        >>> import cxlab as cx
        >>> d = pd.DataFrame({"t": [1, 2, 2, 3, 4, 5], "e": [1, 1, 0, 1, 0, 1],
        ...                   "g": ["a", "b", "a", "b", "a", "b"]})
        >>> ax = cx.churn.kaplan_meier(d, duration="t", event="e", group="g").plot(lang="zh")
        >>> ax.get_title()
        'Kaplan–Meier 生存曲线：仍未流失的会员比例'
        >>> cx.viz.plt.close(ax.figure)
        """
        import matplotlib
        import matplotlib.pyplot as plt

        from cxlab.viz import figure_words, refont

        lang, words, family = figure_words(lang, _WORDS)
        unit = _UNITS[lang].get(self.unit, self.unit)
        with matplotlib.rc_context({"font.family": family}):
            ax = ax or plt.subplots(figsize=(7, 4.2))[1]
            for g in self.groups:
                part = self.table[self.table["group"] == g]
                t = np.r_[0.0, part["time"].to_numpy(), self.follow_up[g]]
                s = np.r_[1.0, part["surv"].to_numpy(), part["surv"].to_numpy()[-1:]]
                label = words["all"] if g == _ALL and self.group is None else str(g)
                (line,) = ax.step(t, s[: len(t)], where="post", label=label)
                if ci:
                    lo = np.r_[1.0, part["ci_low"].to_numpy(), part["ci_low"].to_numpy()[-1:]]
                    hi = np.r_[1.0, part["ci_high"].to_numpy(), part["ci_high"].to_numpy()[-1:]]
                    ax.fill_between(
                        t, lo[: len(t)], hi[: len(t)], step="post", alpha=0.2,
                        color=line.get_color(), linewidth=0,
                    )  # fmt: skip
            ax.set(
                xlabel=words["x"].format(unit=unit),
                ylabel=words["y"].format(level=self.level),
                title=words["title"],
                ylim=(0, 1.02),
            )
            ax.grid(alpha=0.3)
            ax.legend(title=self.group if self.group else None)
            refont(ax, family)
        return ax


def kaplan_meier(
    data: Any,
    *,
    duration: str = "duration",
    event: str = "event",
    group: str | None = None,
    level: float = 0.95,
    conf_type: ConfType = "log",
    times: Sequence[float] = (),
    unit: str | None = None,
) -> KaplanMeier:
    """Kaplan–Meier survival curves (time to churn) per group, with the log-rank test.

    S(t) = Π_{t_i ≤ t} (1 − d_i / n_i) at the event times t_i (d_i churned out of n_i
    still at risk), with Greenwood's standard error, via statsmodels'
    ``SurvfuncRight``. The pointwise interval is R's ``survfit`` ``conf.type``:
    ``"log"`` (R's default; here too), ``"log-log"`` (lifelines' default) or
    ``"plain"``. The median and its interval follow R's ``quantile.survfit``. The
    log-rank test (R's ``survdiff``, rho = 0) is statsmodels' ``survdiff``.

    In R: ``survfit(Surv(duration, event) ~ group, data, conf.type = "log")``,
    ``survdiff(Surv(duration, event) ~ group, data)``.

    Parameters
    ----------
    data : DataFrame
        One row per member (see :func:`durations`).
    duration, event : str
        Columns of the time (≥ 0) and the event flag (1 = churned, 0 = censored).
    group : str, optional
        A column of groups (segments, plans): one curve each, and the log-rank test.
    level : float
        Confidence level of the intervals.
    conf_type : {"log", "log-log", "plain"}
        The interval of S(t) (see above).
    times : sequence of float
        Times at which to report S(t) with its interval (e.g. ``[12]``: 12-month
        retention).
    unit : str, optional
        The time unit (for labels); default ``data.attrs["unit"]`` or ``"months"``.

    Returns
    -------
    KaplanMeier

    Raises
    ------
    DataError
        Missing or negative durations, event values other than 0/1, no events, a missing
        group label, or a group with a single member (its curve and test say nothing).
        A group without any event gives a warning: its curve stays at 1 and its median
        is undefined (NaN).

    Examples
    --------
    >>> import pandas as pd
    >>> import cxlab as cx
    >>> d = pd.DataFrame({"months": [2, 3, 3, 5, 8, 9, 12, 12, 14, 20],
    ...                   "churned": [1, 1, 0, 1, 1, 0, 1, 0, 1, 0],
    ...                   "plan": ["basic"] * 5 + ["premium"] * 5})
    >>> km = cx.churn.kaplan_meier(d, duration="months", event="churned", group="plan",
    ...                            times=[6])
    >>> km.medians[["group", "median"]].values.tolist()
    [['basic', 5.0], ['premium', 14.0], ['all', 12.0]]
    >>> round(float(km.logrank["chisq"].iloc[0]), 2)  # R survdiff: Chisq = 8.1
    8.07
    """
    from statsmodels.duration.survfunc import survdiff

    frame = as_frame(data)
    if not 0 < level < 1:
        raise DataError(f"level is a confidence level between 0 and 1, such as 0.95, not {level}.")
    if conf_type not in ("log", "log-log", "plain"):
        raise DataError(f"conf_type is 'log', 'log-log' or 'plain', not {conf_type!r}.")
    d = survival_columns(frame, duration, event, [group] if group else None)
    labels = [_ALL]
    if group:
        sizes = d[group].astype(str).value_counts().sort_index()
        single = sizes[sizes < 2]
        if len(single):
            raise DataError(
                f"Group(s) {list(single.index)} of {group!r} have a single member: a survival "
                "curve and a log-rank test need at least two. Merge small groups first "
                "(e.g. data[col].replace({...}))."
            )
        labels = [*sizes.index, _ALL]
    tables, medians, at, follow = [], [], [], {}
    for g in labels:
        part = d if g == _ALL else d[d[group].astype(str) == g]
        t, e = part["time"].to_numpy(), part["event"].to_numpy()
        follow[g] = float(t.max())
        if e.sum() == 0:
            warnings.warn(
                f"Group {g!r} of {group!r} has no churn event: its survival stays at 1 and "
                "its median is undefined.",
                UserWarning,
                stacklevel=2,
            )
            tab = pd.DataFrame(columns=["time", "n_risk", "n_event", "surv", "se", "se_log"])
            tab = tab.astype(float)
        else:
            tab = _curve(t, e)
        tab["ci_low"], tab["ci_high"] = confidence_band(
            tab["surv"].to_numpy(float), tab["se_log"].to_numpy(float), level, conf_type
        )
        tab.insert(0, "group", g)
        tables.append(tab)
        x = np.r_[0.0, tab["time"].to_numpy(float), follow[g]]
        pad = tab.iloc[-1:] if len(tab) else None

        def y(col: str, tab: pd.DataFrame = tab, pad: Any = pad) -> np.ndarray:
            last = pad[col].to_numpy(float) if pad is not None else np.array([1.0])
            return 1 - np.r_[1.0, tab[col].to_numpy(float), last]

        med = r_quantile(x, y("surv"), 0.5) if len(tab) else np.nan
        low = r_quantile(x, y("ci_low"), 0.5) if len(tab) else np.nan
        high = r_quantile(x, y("ci_high"), 0.5) if len(tab) else np.nan
        medians.append(
            {"group": g, "n": len(part), "events": int(e.sum()), "median": med,
             "ci_low": low, "ci_high": high}
        )  # fmt: skip
        for when in times:
            i = int(np.searchsorted(tab["time"].to_numpy(float), when, side="right"))
            row = tab.iloc[i - 1] if i else None
            beyond = when > follow[g]
            at.append(
                {
                    "group": g,
                    "time": float(when),
                    "surv": np.nan if beyond else (1.0 if row is None else row["surv"]),
                    "ci_low": np.nan if beyond else (1.0 if row is None else row["ci_low"]),
                    "ci_high": np.nan if beyond else (1.0 if row is None else row["ci_high"]),
                }
            )
    table = pd.concat(tables, ignore_index=True).drop(columns="se_log")
    logrank = None
    if group and len(labels) > 2:
        chisq, _ = survdiff(d["time"].to_numpy(), d["event"].to_numpy(), d[group].astype(str))
        df = len(labels) - 2  # p from chi2.sf: statsmodels gives 1 - cdf (0 below 1e-16)
        logrank = pd.DataFrame(
            {"chisq": [float(chisq)], "df": [df], "pvalue": [stats.chi2.sf(chisq, df)]}
        )
    return KaplanMeier(
        table=table,
        medians=pd.DataFrame(medians),
        at=pd.DataFrame(at, columns=["group", "time", "surv", "ci_low", "ci_high"]),
        logrank=logrank,
        level=level,
        conf_type=conf_type,
        group=group,
        unit=unit or frame.attrs.get("unit", "months"),
        follow_up=follow,
    )
