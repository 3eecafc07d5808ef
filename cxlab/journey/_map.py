"""Customer journey maps (客户旅程地图): each stage's rating and emotion with intervals,
the share of customers who felt negative there, and the pain points (痛点) — the table
and the figure a manager puts on a slide (private; public through :mod:`cxlab.journey`).
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from cxlab._intervals import wilson
from cxlab.errors import DataError
from cxlab.journey._stagedata import check_counts, check_level, check_scale, mean_ci, stage_rows

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from cxlab.viz import Lang

__all__ = ["HOTEL_STAGES", "HOTEL_STAGES_ZH", "JourneyMap", "journey_map"]

#: the stages of the dataset ``hotel_journey``, in journey order
HOTEL_STAGES = [
    "search & booking",
    "pre-arrival",
    "arrival & check-in",
    "room",
    "dining",
    "facilities & activities",
    "check-out",
    "post-stay",
]
#: their Chinese names (``journey_map(..., labels=HOTEL_STAGES_ZH)`` for a 中文 map)
HOTEL_STAGES_ZH = dict(
    zip(
        HOTEL_STAGES,
        ["搜索与预订", "入住前", "抵达与入住", "客房", "餐饮", "设施与活动", "退房", "离店后"],
        strict=True,
    )
)

_WORDS = {
    "en": {
        "title": "Customer journey map",
        "emotion": "Emotion (mean, {level:.0%} CI)",
        "rating": "Rating (mean, {level:.0%} CI)",
        "pain": "pain point",
        "touchpoints": "Touchpoints",
        "channels": "Channels",
        "stage": "Stage",
    },
    "zh": {
        "title": "客户旅程地图",
        "emotion": "情绪（均值，{level:.0%} 置信区间）",
        "rating": "评分（均值，{level:.0%} 置信区间）",
        "pain": "痛点",
        "touchpoints": "触点",
        "channels": "渠道",
        "stage": "阶段",
    },
}


@dataclass
class JourneyMap:
    """Result of :func:`journey_map`.

    Attributes
    ----------
    table : DataFrame
        One row per stage (per group and stage with ``group=``); see :func:`journey_map`.
    touchpoints, channels : DataFrame or None
        Each stage's touchpoints (channels) with their ``n`` and ``share`` of the stage's
        rows, most used first (all groups pooled); None when not asked for.
    other_rows : int
        Rows of the data at stages not listed in ``stages`` (left out of the map).
    """

    table: pd.DataFrame
    stages: list[str]
    level: float
    pain_share: float
    negative_rule: str
    measure: str
    group: str | None = None
    touchpoints: pd.DataFrame | None = None
    channels: pd.DataFrame | None = None
    other_rows: int = 0
    labels: dict[str, str] = field(default_factory=dict)

    def to_frame(self) -> pd.DataFrame:
        """The stage table.

        Examples
        --------
        >>> import cxlab as cx
        >>> jm = cx.journey.journey_map(cx.datasets.load("hotel_journey"), ["room", "dining"])
        >>> list(jm.to_frame()["stage"])
        ['room', 'dining']
        """
        return self.table

    @property
    def pain_points(self) -> list[str]:
        """The stages flagged as pain points (``group: stage`` with ``group=``).

        Examples
        --------
        >>> import cxlab as cx
        >>> stages = ["search & booking", "arrival & check-in", "room", "check-out"]
        >>> cx.journey.journey_map(cx.datasets.load("hotel_journey"), stages).pain_points
        ['arrival & check-in']
        """
        t = self.table[self.table["pain_point"]]
        if self.group is None:
            return [str(s) for s in t["stage"]]
        return [f"{g}: {s}" for g, s in zip(t[self.group], t["stage"], strict=True)]

    def summary(self) -> str:
        """Plain text: one line per stage, pain points marked, and the rule.

        Examples
        --------
        >>> import cxlab as cx
        >>> jm = cx.journey.journey_map(cx.datasets.load("hotel_journey"), ["room", "check-out"])
        >>> print(jm.summary().splitlines()[0])
        Journey map: 2 stages, 1,500 respondents at the first stage, 95% intervals
        """
        t = self.table
        lines = [
            f"Journey map: {len(self.stages)} stages, {int(t['n'].iloc[0]):,} respondents at the "
            f"first stage, {self.level:.0%} intervals"
            + (f", by {self.group}" if self.group else "")
        ]
        m = self.measure
        for row in t.itertuples(index=False):
            who = f"{getattr(row, self.group)} | " if self.group else ""
            mean, low, high = (getattr(row, f"{m}_{k}") for k in ("mean", "ci_low", "ci_high"))
            lines.append(
                f"  {who}{row.stage}: {m} {mean:.2f} [{low:.2f}, {high:.2f}], negative "
                f"{row.share_negative:.0%} [{row.negative_ci_low:.0%}, {row.negative_ci_high:.0%}]"
                + ("  <- pain point" if row.pain_point else "")
            )
        lines.append(
            f"Pain point: the lower end of the {self.level:.0%} interval of the share negative "
            f"({self.negative_rule}) is at least {self.pain_share:.0%}."
        )
        if self.other_rows:
            lines.append(f"{self.other_rows:,} rows at stages not listed were left out.")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        head = escape(self.summary().splitlines()[0])
        return f"<p><b>{head}</b></p>" + self.table.round(3).to_html(index=False)

    def __repr__(self) -> str:
        return self.summary()

    def plot(
        self,
        *,
        ax: Axes | None = None,
        lang: Lang | None = None,
        labels: Mapping[str, str] | None = None,
    ) -> Figure | Axes:
        """The journey map: the emotion curve (mean per stage with its interval; the
        rating when no emotion was given), pain points marked, one line per group, and
        below it the touchpoints and channels of each stage as rows.

        Returns the Figure (the map is a whole figure). With ``ax=``, only the curve is
        drawn, into that axes, and the axes is returned. ``labels`` renames stages on the
        axis (e.g. their Chinese names); ``lang`` ("en"/"zh") is the language of the
        figure's own words, by default the notebook's (``cx.viz.set_theme(lang=...)``).

        Examples
        --------
        >>> import cxlab as cx
        >>> data = cx.datasets.load("hotel_journey")
        >>> jm = cx.journey.journey_map(data, ["room", "dining", "check-out"],
        ...                             touchpoint="touchpoint", channel="channel")
        >>> fig = jm.plot(lang="zh")
        >>> fig.axes[0].get_title()
        '客户旅程地图'
        >>> cx.viz.plt.close(fig)
        """
        import matplotlib
        import matplotlib.pyplot as plt

        from cxlab.viz import PALETTE, figure_words, refont

        lang, words, family = figure_words(lang, _WORDS)
        names = {**self.labels, **(labels or {})}
        rows = [r for r in (self.touchpoints, self.channels) if r is not None]
        k = len(self.stages)
        with matplotlib.rc_context({"font.family": family}):
            if ax is None:
                heights = [3.2] + [1.2] * len(rows)
                fig, axes = plt.subplots(
                    len(heights),
                    1,
                    figsize=(max(7.0, 1.45 * k), sum(heights) + 0.8),
                    gridspec_kw={"height_ratios": heights},
                    sharex=True,
                    squeeze=False,
                )
                curve, lanes = axes[0, 0], list(axes[1:, 0])
            else:
                fig, curve, lanes = ax.figure, ax, []
            self._curve(curve, words, PALETTE)
            curve.set_title(words["title"])
            for lane, table, key in zip(lanes, rows, self._row_keys(), strict=True):
                _lane(lane, table, key, self.stages)
                lane.set_ylabel(words[f"{key}s"], rotation=0, ha="right", va="center")
            bottom = lanes[-1] if lanes else curve
            bottom.set_xticks(range(k))
            bottom.set_xticklabels([textwrap.fill(names.get(s, s), 12) for s in self.stages])
            for a in [curve, *lanes]:
                refont(a, family)
        if ax is not None:
            return ax
        fig.tight_layout()
        return fig

    def _row_keys(self) -> list[str]:
        return [
            k
            for k, t in (("touchpoint", self.touchpoints), ("channel", self.channels))
            if t is not None
        ]

    def _curve(self, ax: Axes, words: Mapping[str, str], palette: list[str]) -> None:
        m = self.measure
        groups = [None] if self.group is None else list(dict.fromkeys(self.table[self.group]))
        width = 0.25 if len(groups) > 1 else 0.0
        for i, g in enumerate(groups):
            t = self.table if g is None else self.table[self.table[self.group] == g]
            x = t["step"].to_numpy(float) - 1
            if len(groups) > 1:
                x = x + width * (i / (len(groups) - 1) - 0.5)
            y = t[f"{m}_mean"].to_numpy(float)
            err = [y - t[f"{m}_ci_low"].to_numpy(float), t[f"{m}_ci_high"].to_numpy(float) - y]
            colour = palette[i % len(palette)]
            ax.errorbar(
                x,
                y,
                yerr=err,
                fmt="-o",
                color=colour,
                capsize=3,
                label=None if g is None else str(g),
            )
            pain = t["pain_point"].to_numpy(bool)
            ax.scatter(
                x[pain],
                y[pain],
                s=180,
                facecolors="none",
                edgecolors="#D55E00",
                linewidths=2,
                zorder=3,
                label=words["pain"] if i == 0 else None,
            )
            if len(groups) == 1:
                for xi, yi in zip(x[pain], y[pain], strict=True):
                    ax.annotate(
                        words["pain"],
                        (xi, yi),
                        xytext=(0, -22),
                        textcoords="offset points",
                        ha="center",
                        color="#D55E00",
                        fontsize=9,
                    )
        if m == "emotion":
            ax.axhline(0, color="grey", lw=0.8, ls="--")
        ax.set_ylabel(words[m].format(level=self.level))
        if len(groups) > 1:
            ax.legend(title=self.group, fontsize=8, title_fontsize=8)
        ax.grid(axis="y", alpha=0.3)


def _lane(ax: Axes, table: pd.DataFrame, key: str, stages: list[str]) -> None:
    """One row of the map: each stage's two most used touchpoints (or channels) with shares."""
    for j, s in enumerate(stages):
        top = table[table["stage"] == s].head(2)
        text = "\n".join(
            textwrap.fill(f"{v} {p:.0%}", 14) for v, p in zip(top[key], top["share"], strict=True)
        )
        ax.text(j, 0.5, text, ha="center", va="center", fontsize=8)
    ax.set_yticks([])
    ax.set_ylim(0, 1)
    ax.set_xlim(-0.6, len(stages) - 0.4)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)


def _shares(rows: pd.DataFrame, stage: str, column: str) -> pd.DataFrame:
    counts = rows.groupby([stage, column], observed=True, sort=False).size().rename("n")
    out = counts.reset_index().rename(columns={stage: "stage"})
    out["share"] = out["n"] / out.groupby("stage", observed=True)["n"].transform("sum")
    out["stage"] = out["stage"].astype(str)
    order = out["stage"].map({s: i for i, s in enumerate(rows[stage].cat.categories)})
    out = out.assign(_o=order).sort_values(["_o", "n"], ascending=[True, False], kind="stable")
    return out.drop(columns="_o").reset_index(drop=True)


def journey_map(
    data: Any,
    stages: Sequence[str],
    *,
    rating: str | None = "rating",
    emotion: str | None = "emotion",
    group: str | None = None,
    level: float = 0.95,
    stage: str = "stage",
    touchpoint: str | None = None,
    channel: str | None = None,
    scale: tuple[float, float] = (1, 5),
    emotion_scale: tuple[float, float] = (-3, 3),
    low: float | None = None,
    pain_share: float = 0.20,
    min_n: int = 30,
    labels: Mapping[str, str] | None = None,
) -> JourneyMap:
    """A customer journey map: per stage, the mean rating and emotion with intervals,
    the share of customers who felt negative, and a pain-point flag.

    The data are in long form: one row per respondent and stage (e.g. the dataset
    ``hotel_journey``), with the stage's name, a rating of the stage and the emotion
    (valence) the customer felt there.

    Parameters
    ----------
    data : DataFrame or Survey
    stages : list of str
        The stages to map, in journey order (values of the ``stage`` column). Rows at other
        stages are left out and counted (``other_rows``).
    rating, emotion : str or None
        The rating column (on ``scale``) and the emotion column (on ``emotion_scale``,
        neutral in the middle); one may be None.
    group : str, optional
        A column to map separately (segment, channel, …): one row per group and stage.
    level : float
        Confidence level of the intervals.
    stage, touchpoint, channel : str
        The stage column; optional touchpoint and channel columns (rows of the figure).
    scale, emotion_scale : (low, high)
        The ends of the rating and emotion scales; a value outside is an error.
    low : float, optional
        Without ``emotion``: a rating ≤ ``low`` is negative (default: the bottom two
        points of ``scale``, e.g. 1–2 on 1–5).
    pain_share : float
        The pain-point threshold (see the rule below).
    min_n : int
        Fewest answers a stage (group × stage) needs; fewer is an error.
    labels : dict, optional
        Display names of stages for the figure (e.g. Chinese ones).

    Returns
    -------
    JourneyMap
        ``.table``: ``[group,] stage, step`` (1 = first stage), ``n`` (rows at the stage),
        ``n_missing`` (rows lacking the rating or emotion), ``rating_mean, rating_se,
        rating_ci_low, rating_ci_high`` and the same for ``emotion_`` (t intervals of
        the mean, as ``scipy.stats.t.interval(level, n - 1, mean, sem)``; each on its
        non-missing answers), ``share_negative`` with its Wilson interval
        ``negative_ci_low, negative_ci_high`` and ``pain_point``.

    Notes
    -----
    **Negative** answers are emotions below the middle of ``emotion_scale`` (below 0 on
    −3…+3) — or, without ``emotion``, ratings ≤ ``low``. **Pain-point rule**: a stage is
    a pain point when the *lower* end of the interval of its share negative is at least
    ``pain_share`` (default 20 %): at least one customer in five felt bad there, and the
    data are sure of it, so a small stage with a few bad answers is not flagged by chance.

    Examples
    --------
    >>> import cxlab as cx
    >>> data = cx.datasets.load("hotel_journey")
    >>> stages = ["search & booking", "arrival & check-in", "room", "check-out"]
    >>> jm = cx.journey.journey_map(data, stages)
    >>> cols = ["stage", "n", "emotion_mean", "emotion_ci_low", "share_negative", "pain_point"]
    >>> print(jm.table[cols].round(2).to_string(index=False))
                 stage    n  emotion_mean  emotion_ci_low  share_negative  pain_point
      search & booking 1500          0.96            0.91            0.06       False
    arrival & check-in 1500         -0.20           -0.27            0.44        True
                  room 1500          0.78            0.71            0.16       False
             check-out 1500          0.85            0.79            0.11       False
    """
    check_level(level)
    if rating is None and emotion is None:
        raise DataError("Name a rating= or an emotion= column (or both) to map.")
    if not 0 < pain_share < 1:
        raise DataError(f"pain_share must be a share between 0 and 1 (e.g. 0.2), not {pain_share}.")
    rows, stages, other = stage_rows(
        data, stages, stage, [rating, emotion, group, touchpoint, channel]
    )
    measures = {}
    if rating is not None:
        measures["rating"] = check_scale(rows, rating, scale)
    if emotion is not None:
        measures["emotion"] = check_scale(rows, emotion, emotion_scale)
    if group is not None and rows[group].isna().any():
        raise DataError(
            f"Column {group!r} (group=) is missing in {int(rows[group].isna().sum())} row(s); "
            "fill them (e.g. data[group].fillna('unknown')) so no answer is dropped."
        )
    keys = [group, stage] if group is not None else [stage]
    for name, values in measures.items():
        counts = values.notna().groupby([rows[k] for k in keys], observed=False).sum()
        check_counts(counts, max(int(min_n), 1), name)
    if emotion is not None:
        middle = (emotion_scale[0] + emotion_scale[1]) / 2
        negative = measures["emotion"] < middle
        rule = f"emotion below {middle:g}"
        neg_base = measures["emotion"]
    else:
        cut = scale[0] + 1 if low is None else low
        negative = measures["rating"] <= cut
        rule = f"rating at most {cut:g}"
        neg_base = measures["rating"]
    records = []
    by = keys if len(keys) > 1 else keys[0]
    for key, idx in rows.groupby(by, observed=False, sort=True).groups.items():
        key = key if isinstance(key, tuple) else (key,)
        rec: dict[str, Any] = dict(
            zip(["group"] * (group is not None) + ["stage"], key, strict=True)
        )
        rec["stage"] = str(rec["stage"])
        rec["step"] = stages.index(rec["stage"]) + 1
        rec["n"] = len(idx)
        rec["n_missing"] = int(
            pd.concat([v[idx].isna() for v in measures.values()], axis=1).any(axis=1).sum()
        )
        for name in ("rating", "emotion"):
            if name in measures:
                _, mean, se, lo, hi = mean_ci(measures[name][idx].to_numpy(float), level)
            else:
                mean = se = lo = hi = np.nan
            rec.update(
                {
                    f"{name}_mean": mean,
                    f"{name}_se": se,
                    f"{name}_ci_low": lo,
                    f"{name}_ci_high": hi,
                }
            )
        answered = int(neg_base[idx].notna().sum())
        bad = int(negative[idx].sum())
        rec["share_negative"] = bad / answered
        rec["negative_ci_low"], rec["negative_ci_high"] = wilson(bad, answered, level)
        records.append(rec)
    table = pd.DataFrame(records).sort_values(["group", "step"] if group else ["step"])
    table = table.reset_index(drop=True)
    if group is not None:
        table = table.rename(columns={"group": group})
    table["pain_point"] = table["negative_ci_low"] >= pain_share
    return JourneyMap(
        table=table,
        stages=stages,
        level=level,
        pain_share=pain_share,
        negative_rule=rule,
        measure="emotion" if emotion is not None else "rating",
        group=group,
        touchpoints=_shares(rows, stage, touchpoint) if touchpoint is not None else None,
        channels=_shares(rows, stage, channel) if channel is not None else None,
        other_rows=other,
        labels=dict(labels or {}),
    )
