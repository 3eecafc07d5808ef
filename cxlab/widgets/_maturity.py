"""The CEM maturity self-assessment of :mod:`cxlab.widgets` (lesson 01b): a manager rates
their own firm from 1 to 5 on each of the six components of a CEM system — strategy,
customer insight, design, measurement, management and culture (the six parts of the
experience-management model in source S3 of the course) — and sees the profile as a radar
chart, the weakest component and a first step to take.

:func:`maturity_view` is the pure function (validated scores → :class:`MaturityView`);
:class:`CEMMaturity` is the app around it (one slider per component). The five levels are
named after the capability maturity model (Paulk, Curtis, Chrissis & Weber 1993): initial,
repeatable, defined, managed, optimising. The self-assessment is a teaching tool for a
conversation in a management team, not a validated measurement instrument.

Examples
--------
>>> import cxlab as cx
>>> view = cx.widgets.maturity_view(
...     {"strategy": 4, "insight": 3, "design": 4, "measurement": 2, "management": 3,
...      "culture": 3}, lang="en")
>>> print(view.text())
CEM maturity 3.2 of 5 · work on first: measurement (2.0, the weakest)
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import ipywidgets as w
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from cxlab.errors import DataError
from cxlab.viz import language
from cxlab.widgets._apps import _STYLE, App, html_table, png
from cxlab.widgets._text import Lang, say

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["CEM_COMPONENTS", "CEMMaturity", "MaturityView", "maturity_view"]

#: the six components, in the order of source S3 (ties for the weakest go to the first)
CEM_COMPONENTS: tuple[str, ...] = (
    "strategy", "insight", "design", "measurement", "management", "culture",
)  # fmt: skip

#: other names of the components (English and the Chinese of source S3) → the key
ALIASES: dict[str, str] = {
    "experience strategy": "strategy", "cx strategy": "strategy",
    "customer insight": "insight", "insights": "insight", "cognition": "insight",
    "experience design": "design", "touchpoint design": "design",
    "experience measurement": "measurement", "metrics": "measurement",
    "experience management": "management",
    "experience culture": "culture", "cx culture": "culture",
    "体验战略": "strategy", "战略": "strategy",
    "体验认知": "insight", "认知": "insight", "客户洞察": "insight", "洞察": "insight",
    "体验设计": "design", "设计": "design",
    "体验测量": "measurement", "测量": "measurement",
    "体验管理": "management", "管理": "management",
    "体验文化": "culture", "文化": "culture",
}  # fmt: skip

_NAMES_ZH = "体验战略、体验认知、体验设计、体验测量、体验管理、体验文化"


def _key(name: Any) -> str:
    """A component's key from any of its names (None if unknown)."""
    text = " ".join(str(name).strip().lower().replace("_", " ").replace("-", " ").split())
    return text if text in CEM_COMPONENTS else ALIASES.get(text, "")


def _level(score: float) -> int:
    """The maturity level (1–5) of a score: rounded half up (2.5 → 3)."""
    return min(5, max(1, math.floor(score + 0.5)))


def _lang(lang: Lang | None) -> Lang:
    lang = lang or language()
    if lang not in ("en", "zh"):
        raise ValueError(f"lang must be 'en' or 'zh', not {lang!r}")
    return lang


def _scores(scores: Any) -> pd.Series:
    """Validated scores, one per component in :data:`CEM_COMPONENTS` order (floats)."""
    items = scores.items() if hasattr(scores, "items") else None
    if items is None or isinstance(scores, str):
        raise DataError(
            "scores must be a dict of component → score from 1 to 5, e.g. "
            "{'strategy': 3, 'insight': 2, ...}, not a " + type(scores).__name__ + ".",
            zh="scores 应是一个“维度 → 1 到 5 分”的字典，例如 {'strategy': 3, 'insight': 2, ...}。",
        )
    given: dict[str, Any] = {}
    for name, value in items:
        key = _key(name)
        if not key:
            raise DataError(
                f"No component {name!r}: the six components are {', '.join(CEM_COMPONENTS)}.",
                zh=f"没有名为 {name!r} 的维度：六个维度是 {', '.join(CEM_COMPONENTS)}"
                f"（{_NAMES_ZH}）。",
            )
        if key in given:
            raise DataError(
                f"{name!r} names {key}, which has a score already: give each component once.",
                zh=f"{name!r} 指的是 {key}，它已经有分数了：每个维度只打一次分。",
            )
        given[key] = value
    missing = [c for c in CEM_COMPONENTS if c not in given]
    if missing:
        raise DataError(
            f"No score for {', '.join(missing)}: rate all six components from 1 to 5.",
            zh=f"{', '.join(missing)} 没有分数：六个维度都要打 1 到 5 分。",
        )
    out = {}
    for key in CEM_COMPONENTS:
        value = given[key]
        number = None if isinstance(value, bool) else _number(value)
        if number is None or not 1 <= number <= 5:
            raise DataError(
                f"The score of {key} is {value!r}: a score is a number from 1 (initial) to "
                "5 (optimising).",
                zh=f"{key} 的分数是 {value!r}：分数应是 1（初始级）到 5（优化级）之间的数。",
            )
        out[key] = number
    return pd.Series(out, name="score", dtype=float).rename_axis("component")


def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


@dataclass(frozen=True)
class MaturityView:
    """A firm's CEM maturity profile: six scores from 1 to 5 and what to work on first.

    Attributes
    ----------
    scores : Series
        Score by component (index :data:`CEM_COMPONENTS`).
    table : DataFrame
        One row per component: ``name`` (in ``lang``), ``score``, ``level`` (the name of
        the rounded score's level, in ``lang``) and ``weakest`` (True for the component to
        work on first).
    weakest : str
        The component with the lowest score; of tied components the first in
        :data:`CEM_COMPONENTS` (each builds on the ones before it).
    tied : tuple of str
        The other components with the same lowest score.
    lang : {"en", "zh"}
        The language of ``table`` and the default of :meth:`text` and :meth:`plot`.
    """

    scores: pd.Series
    table: pd.DataFrame
    weakest: str
    tied: tuple[str, ...]
    lang: Lang

    @property
    def mean(self) -> float:
        """The mean of the six scores."""
        return float(self.scores.mean())

    def text(self, lang: Lang | None = None) -> str:
        """One line: mean maturity, and the component to work on first with its score.

        Examples
        --------
        >>> from cxlab.widgets import maturity_view
        >>> view = maturity_view({"strategy": 3, "insight": 2, "design": 4,
        ...                       "measurement": 2, "management": 3, "culture": 4}, lang="en")
        >>> print(view.text())  # insight and measurement tie: insight comes first
        CEM maturity 3.0 of 5 · work on first: customer insight (2.0, the weakest;
        tied with measurement, listed after it)
        >>> print(view.text("zh"))
        客户体验管理成熟度 3.0（满分 5）·
        首先改进：体验认知（2.0，最薄弱；与体验测量并列，但体验测量排在它之后）
        """
        lang = _lang(lang or self.lang)
        name = say(lang, f"maturity.{self.weakest}")
        tie = ""
        if self.tied:
            sep = "、" if lang == "zh" else ", "
            others = sep.join(say(lang, f"maturity.{c}") for c in self.tied)
            tie = say(lang, "maturity.tie", others=others)
        score = float(self.scores[self.weakest])
        return say(lang, "maturity.line", mean=self.mean, name=name, score=score, tie=tie)

    def advice(self, lang: Lang | None = None) -> str:
        """A first step for the component to work on first.

        Examples
        --------
        >>> from cxlab.widgets import maturity_view
        >>> view = maturity_view({"strategy": 4, "insight": 3, "design": 4,
        ...                       "measurement": 2, "management": 3, "culture": 3})
        >>> print(view.advice("en"))  # doctest: +ELLIPSIS
        Work on first: measurement. A first step: measure the key touchpoints with one ...
        >>> print(view.advice("zh"))  # doctest: +ELLIPSIS
        首先改进：体验测量。第一步：用一份简短的问卷...
        """
        lang = _lang(lang or self.lang)
        return say(
            lang,
            "maturity.advice",
            name=say(lang, f"maturity.{self.weakest}"),
            step=say(lang, f"maturity.{self.weakest}.first"),
        )

    def plot(self, ax: Axes | None = None, lang: Lang | None = None) -> Axes:
        """The profile as a radar chart (1 = centre side, 5 = rim), the weakest component
        marked.

        Parameters
        ----------
        ax : matplotlib Axes with ``projection="polar"``, optional
            Draw into this axes instead of a new figure.
        lang : {"en", "zh"}, optional
            Language of the component names and the title; default: the view's language
            (that of the notebook, :func:`cxlab.viz.language`, unless
            :func:`maturity_view` was told otherwise).

        Returns
        -------
        matplotlib.axes.Axes

        Examples
        --------
        >>> from cxlab.widgets import maturity_view
        >>> view = maturity_view({"strategy": 4, "insight": 3, "design": 4,
        ...                       "measurement": 2, "management": 3, "culture": 3})
        >>> ax = view.plot(lang="en")
        >>> [t.get_text() for t in ax.get_xticklabels()][3], ax.get_title()
        ('measurement', 'CEM maturity profile · mean 3.2 of 5')
        >>> view.plot(lang="zh").get_title()
        '客户体验管理成熟度画像 · 平均 3.2（满分 5）'
        """
        import matplotlib
        import matplotlib.pyplot as plt

        from cxlab.viz import NPS_COLORS, PALETTE, font_family, refont

        lang = _lang(lang or self.lang)
        family = font_family(lang)
        if ax is not None and getattr(ax, "name", "") != "polar":
            raise ValueError(
                "ax must be a polar axes, e.g. fig.add_subplot(projection='polar'), "
                f"not a {getattr(ax, 'name', type(ax).__name__)!r} axes."
            )
        values = self.scores.to_numpy(dtype=float)
        angles = np.linspace(0, 2 * np.pi, len(CEM_COMPONENTS), endpoint=False)
        ring_a, ring_v = np.r_[angles, angles[:1]], np.r_[values, values[:1]]
        k = CEM_COMPONENTS.index(self.weakest)
        with matplotlib.rc_context({"font.family": family}):
            if ax is None:
                _, ax = plt.subplots(figsize=(6, 6), subplot_kw={"projection": "polar"})
            ax.set_theta_offset(np.pi / 2)
            ax.set_theta_direction(-1)
            ax.plot(ring_a, ring_v, color=PALETTE[0], lw=2)
            ax.fill(ring_a, ring_v, color=PALETTE[0], alpha=0.25)
            ax.scatter([angles[k]], [values[k]], s=140, color=NPS_COLORS["detractor"],
                       zorder=3, label=say(lang, "maturity.weakest"))  # fmt: skip
            ax.set_xticks(angles, [say(lang, f"maturity.{c}") for c in CEM_COMPONENTS])
            ax.set_ylim(0, 5)
            ax.set_yticks([1, 2, 3, 4, 5])
            ax.set_title(say(lang, "maturity.plot_title", mean=self.mean), pad=32)
            ax.legend(loc="upper right", bbox_to_anchor=(1.18, 1.12), frameon=False)
            refont(ax, family)  # also the texts of an axes made before, outside this font
        return ax


def maturity_view(
    scores: Mapping[str, float] | pd.Series, lang: Lang | None = None
) -> MaturityView:
    """The CEM maturity profile of a firm: six scores from 1 to 5 → the weakest component
    (what to work on first), a table and a radar chart.

    Parameters
    ----------
    scores : dict or Series
        A score from 1 (initial) to 5 (optimising) for each of the six components:
        ``strategy``, ``insight`` (customer insight), ``design``, ``measurement``,
        ``management``, ``culture`` (the names of source S3 in Chinese work too: 体验战略,
        体验认知 …). Means of several raters (e.g. ``team.mean()``) may have decimals.
        A missing or unknown component, one named twice, or a score outside 1–5 raises
        :class:`~cxlab.errors.DataError` saying which.
    lang : {"en", "zh"}, optional
        Language of the table and the default of ``text()`` and ``plot()``; default: the
        notebook's (:func:`cxlab.viz.language`).

    Returns
    -------
    MaturityView

    Examples
    --------
    >>> import cxlab as cx
    >>> view = cx.widgets.maturity_view({"体验战略": 4, "体验认知": 3, "体验设计": 4,
    ...                                  "体验测量": 2, "体验管理": 3, "体验文化": 3}, lang="zh")
    >>> view.weakest, view.table.loc["measurement", ["name", "level"]].tolist()
    ('measurement', ['体验测量', '可重复级'])
    >>> cx.widgets.maturity_view({"strategy": 4, "insight": 3})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    cxlab.errors.DataError: No score for design, measurement, management, culture: rate all ...
    """
    lang = _lang(lang)
    values = _scores(scores)
    low = values.min()
    lowest = [c for c in CEM_COMPONENTS if values[c] == low]
    weakest = lowest[0]
    table = pd.DataFrame(
        {
            "name": [say(lang, f"maturity.{c}") for c in CEM_COMPONENTS],
            "score": values.to_numpy(),
            "level": [say(lang, f"maturity.level{_level(v)}") for v in values],
            "weakest": [c == weakest for c in CEM_COMPONENTS],
        },
        index=pd.Index(CEM_COMPONENTS, name="component"),
    )
    return MaturityView(values, table, weakest, tuple(lowest[1:]), lang)


# -- the app -------------------------------------------------------------------------------
_SLIDER = {"width": "440px"}


class CEMMaturity(App):
    """One slider (1–5) per component of a CEM system, each with a short description →
    radar chart, the weakest component and a first step (wraps :func:`maturity_view`)."""

    css = "cx-maturity"
    key = "maturity"

    def __init__(self, scores: Mapping[str, float] | None = None, lang: Lang | None = None):
        start = dict.fromkeys(CEM_COMPONENTS, 3)
        if scores is not None:  # whole points on the sliders (a mean of 2.33 starts at 2)
            start = {c: _level(v) for c, v in _scores(scores).items()}
        controls = {
            c: w.IntSlider(value=start[c], min=1, max=5, step=1, continuous_update=False,
                           style=_STYLE, layout=_SLIDER)
            for c in CEM_COMPONENTS
        }  # fmt: skip
        self.notes = {c: w.HTML(layout=w.Layout(margin="0 0 0 12px")) for c in CEM_COMPONENTS}
        super().__init__(controls, lang=lang)
        rows = [w.HBox([controls[c], self.notes[c]]) for c in CEM_COMPONENTS]
        self.children = (self.children[0], w.VBox(rows), *self.children[2:])

    def relabel(self) -> None:
        """Slider labels and descriptions in ``self.lang`` (see :meth:`App.relabel`).

        Examples
        --------
        >>> from cxlab import widgets
        >>> app = widgets.cem_maturity(lang="zh")
        >>> app.controls["insight"].description, app.notes["insight"].value
        ('体验认知', '<i>客户是谁、需要什么，来自调研而不是猜测</i>')
        """
        for c in CEM_COMPONENTS:
            self.controls[c].description = say(self.lang, f"maturity.{c}")
            self.notes[c].value = f"<i>{html.escape(say(self.lang, f'maturity.{c}.about'))}</i>"

    def compute(
        self,
        strategy: int,
        insight: int,
        design: int,
        measurement: int,
        management: int,
        culture: int,
    ) -> MaturityView:
        """:func:`cxlab.widgets.maturity_view` of the six sliders.

        Examples
        --------
        >>> from cxlab import widgets
        >>> app = widgets.cem_maturity(lang="en")
        >>> view = app.compute(strategy=4, insight=3, design=4, measurement=3,
        ...                    management=2, culture=3)
        >>> view.weakest, round(view.mean, 2)
        ('management', 3.17)
        """
        scores = {
            "strategy": strategy, "insight": insight, "design": design,
            "measurement": measurement, "management": management, "culture": culture,
        }  # fmt: skip
        return maturity_view(scores, lang=self.lang)

    def render(self, result: MaturityView) -> tuple[str, bytes | None, str]:
        """The summary line, the radar chart, and the first step above the table of scores
        and levels.

        Examples
        --------
        >>> from cxlab import widgets
        >>> app = widgets.cem_maturity({"strategy": 4, "insight": 3, "design": 4,
        ...     "measurement": 2, "management": 3, "culture": 3}, lang="en")
        >>> text, image, table = app.render(app.result)
        >>> print(text)
        CEM maturity 3.2 of 5 · work on first: measurement (2.0, the weakest)
        >>> image[:4], "A first step" in table, "repeatable" in table
        (b'\\x89PNG', True, True)
        """
        fig = Figure(figsize=(6.4, 6.4))
        result.plot(ax=fig.add_subplot(projection="polar"), lang=self.lang)
        component, score, level = say(self.lang, "maturity.columns").split(",")
        shown = result.table.set_index("name")[["score", "level"]].round(2)
        shown = shown.rename(columns={"score": score, "level": level}).rename_axis(component)
        advice = f"<p><b>{html.escape(result.advice(self.lang))}</b></p>"
        return result.text(self.lang), png(fig), advice + html_table(shown)
