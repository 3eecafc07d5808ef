"""The explorer apps of :mod:`cxlab.widgets` (importance-performance, journey funnel,
survey constructs), built on :class:`cxlab.widgets._apps.App`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ipywidgets as w
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from cxlab.viz import language
from cxlab.widgets import logic
from cxlab.widgets._apps import _MENU, _STYLE, _WIDE, App, html_table, png, set_options
from cxlab.widgets._text import Lang, say

__all__ = ["IPAExplorer", "JourneyExplorer", "SurveyExplorer"]


# -- IPA -------------------------------------------------------------------------------------
AIRLINE_MOTS = ["mot_booking", "mot_checkin", "mot_boarding", "mot_crew", "mot_meal", "mot_arrival"]


def _subsets(
    data: pd.DataFrame, skip: Sequence[str], most: int = 6, everybody: str = "everybody"
) -> list[tuple[str, Any]]:
    """("col = value", query) for the columns with few distinct values."""
    options: list[tuple[str, Any]] = [(everybody, "")]
    for col in data.columns:
        if col in skip or pd.api.types.is_float_dtype(data[col]):
            continue
        values = data[col].dropna().unique()
        if 1 < len(values) <= most:
            for v in sorted(values, key=str):
                v = v.item() if hasattr(v, "item") else v
                options.append((f"{col} = {v}", f"`{col}` == {v!r}"))
    return options


class IPAExplorer(App):
    """Outcome, drivers, respondents, method and cut → importance-performance grid."""

    css = "cx-ipa"
    key = "ipa"

    def __init__(
        self,
        data: pd.DataFrame | None = None,
        outcome: str | None = None,
        drivers: Sequence[str] | None = None,
        labels: dict[str, str] | None = None,
        lang: Lang | None = None,
    ):
        from cxlab import datasets

        if data is None:
            data = datasets.load("airline_mot")
            outcome = outcome or "nps_score"
            drivers = drivers or AIRLINE_MOTS
        self.data, self.labels = data, labels
        numeric = [c for c in data.columns if pd.api.types.is_numeric_dtype(data[c])]
        numeric = [
            c for c in numeric
            if not pd.api.types.is_bool_dtype(data[c]) and not str(c).endswith("_id")
        ]  # fmt: skip
        outcome = outcome or numeric[-1]
        drivers = list(drivers or [c for c in numeric if c != outcome])
        self._skip = [outcome, *drivers]
        controls = {
            "outcome": w.Dropdown(options=numeric, value=outcome, style=_STYLE, layout=_MENU),
            "drivers": w.SelectMultiple(
                options=numeric, value=tuple(drivers), rows=min(len(numeric), 8),
                style=_STYLE, layout=_MENU,
            ),
            "subset": w.Dropdown(
                options=_subsets(data, self._skip), value="", style=_STYLE, layout=_MENU
            ),
            "method": w.Dropdown(
                options=["relative_weights", "shapley"], style=_STYLE, layout=_MENU
            ),
            "cut": w.Dropdown(options=["mean", "median"], style=_STYLE, layout=_MENU),
        }  # fmt: skip
        super().__init__(controls, lang=lang)

    def relabel(self) -> None:
        """Labels and menu entries in ``self.lang`` (see :meth:`App.relabel`).

        Examples
        --------
        >>> from cxlab import widgets
        >>> app = widgets.ipa_explorer(lang="zh")
        >>> app.controls["method"].options
        (('相对权重', 'relative_weights'), ('Shapley 值', 'shapley'))
        """
        for name in ("outcome", "drivers", "subset", "method", "cut"):
            self.controls[name].description = say(self.lang, f"ipa.{name}")
        everybody = say(self.lang, "ipa.everybody")
        set_options(self.controls["subset"], _subsets(self.data, self._skip, everybody=everybody))
        set_options(
            self.controls["method"],
            [
                (say(self.lang, "ipa.rw"), "relative_weights"),
                (say(self.lang, "ipa.shapley"), "shapley"),
            ],
        )
        set_options(self.controls["cut"], [(say(self.lang, "ipa.means"), "mean"),
                                          (say(self.lang, "ipa.medians"), "median")])  # fmt: skip

    def compute(self, outcome: str, drivers: tuple, subset: Any, method: str, cut: str) -> Any:
        """:func:`cxlab.widgets.ipa_view` of the chosen columns and rows.

        Examples
        --------
        >>> from cxlab import widgets
        >>> app = widgets.ipa_explorer()  # airline_mot, nps_score and six moments of truth
        >>> view = app.compute(
        ...     outcome="nps_score", drivers=("mot_crew", "mot_meal", "mot_arrival"),
        ...     subset="", method="shapley", cut="median",
        ... )
        >>> view.grid.table["quadrant"].to_dict()
        {'mot_crew': 'keep up the good work', 'mot_arrival': 'keep up the good work', \
'mot_meal': 'low priority'}
        """
        return logic.ipa_view(
            self.data, outcome, list(drivers), method=method, cut=cut, subset=subset,  # type: ignore[arg-type]
            labels=self.labels,
        )  # fmt: skip

    def render(self, result: logic.IPAView) -> tuple[str, bytes | None, str]:
        """The grid, and the table of importance, performance and quadrant.

        Examples
        --------
        >>> from cxlab import widgets
        >>> app = widgets.ipa_explorer()
        >>> text, image, table = app.render(app.result)
        >>> print(text)
        nps_score: R² = 0.392, n = 1,000; concentrate on mot_arrival
        >>> image[:4], "quadrant" in table
        (b'\\x89PNG', True)
        """
        fig = Figure(figsize=(7, 5))
        ax = fig.add_subplot()
        ylabel = say(self.lang, "ipa.ylabel", outcome=result.importance.outcome)
        result.grid.plot(ax=ax, ylabel=ylabel, lang=self.lang)
        zh = self.lang == "zh"
        table = result.grid.table.drop(columns=["label", "quadrant" if zh else "quadrant_zh"])
        return result.text(self.lang), png(fig), html_table(table.round(2))


# -- journey -----------------------------------------------------------------------------------
JOURNEY_STAGES = ["visit", "browse", "cart", "checkout", "purchase"]


class JourneyExplorer(App):
    """A period of days and a split → funnel conversion with Wilson intervals."""

    css = "cx-journey"
    key = "journey"

    def __init__(
        self,
        events: pd.DataFrame | None = None,
        stages: Sequence[str] | None = None,
        lang: Lang | None = None,
    ):
        from cxlab import datasets

        if events is None:
            events = datasets.load("journey_events")
            stages = stages or JOURNEY_STAGES
        if not stages:
            stages = list(dict.fromkeys(events["stage"]))
        self.events, self.stages = events, list(stages)
        days = sorted(pd.to_datetime(events["date"]).dt.strftime("%Y-%m-%d").unique())
        splits = [
            c for c in events.columns
            if c not in ("stage", "date") and not pd.api.types.is_numeric_dtype(events[c])
            and events[c].nunique() <= 6
        ]  # fmt: skip
        self._splits = splits
        controls = {
            "period": w.SelectionRangeSlider(
                options=days, index=(0, len(days) - 1), continuous_update=False, readout=False,
                style=_STYLE, layout=_WIDE,
            ),
            "by": w.Dropdown(options=["", *splits], value="", style=_STYLE, layout=_MENU),
        }  # fmt: skip
        super().__init__(controls, lang=lang)

    def relabel(self) -> None:
        """Labels in ``self.lang`` (see :meth:`App.relabel`).

        Examples
        --------
        >>> from cxlab import widgets
        >>> widgets.journey_explorer(lang="zh").controls["by"].options[0]
        ('不分组（全部会话）', '')
        """
        self.controls["period"].description = say(self.lang, "journey.period")
        self.controls["by"].description = say(self.lang, "journey.by")
        nothing = (say(self.lang, "journey.nothing"), "")
        set_options(self.controls["by"], [nothing, *[(c, c) for c in self._splits]])

    def compute(self, period: tuple[str, str], by: str | None) -> pd.DataFrame:
        """:func:`cxlab.widgets.funnel_view` of the period and split.

        Examples
        --------
        >>> from cxlab import widgets
        >>> app = widgets.journey_explorer()  # journey_events, visit → purchase
        >>> funnel = app.compute(period=("2025-11-28", "2025-11-28"), by="")
        >>> print(f"{funnel['conversion'].iloc[-1]:.3f}")  # Black Friday: checkout → purchase
        0.310
        """
        return logic.funnel_view(self.events, self.stages, start=period[0], end=period[1], by=by)

    def render(self, result: pd.DataFrame) -> tuple[str, bytes | None, str]:
        """Step conversion by stage (with CIs), and the funnel table.

        Examples
        --------
        >>> from cxlab import widgets
        >>> app = widgets.journey_explorer()
        >>> app.controls["by"].value = "device"
        >>> text, image, table = app.render(app.result)
        >>> print(text.replace("; ", "\\n"))
        2025-11-03 to 2025-12-28: app: 8.6% of 6,085 sessions reach purchase
        desktop: 5.3% of 12,199 sessions reach purchase
        mobile: 4.2% of 22,663 sessions reach purchase
        >>> image[:4]
        b'\\x89PNG'
        """
        from cxlab.viz import PALETTE

        keys = [c for c in result.columns if c not in _FUNNEL_COLUMNS]
        everything = (say(self.lang, "journey.all"),)
        groups = list(result.groupby(keys, sort=True)) if keys else [(everything, result)]
        fig = Figure(figsize=(8, 3.6))
        ax = fig.add_subplot()
        width = 0.8 / len(groups)
        steps = result["stage"].drop_duplicates().tolist()[1:]
        x = np.arange(len(steps))
        lines = []
        for k, (name, part) in enumerate(groups):
            part = part[part["step"] > 1]
            label = ", ".join(map(str, name if isinstance(name, tuple) else (name,)))
            err = [part["conversion"] - part["ci_low"], part["ci_high"] - part["conversion"]]
            ax.bar(x + (k - (len(groups) - 1) / 2) * width, part["conversion"], width,
                   yerr=err, capsize=3, color=PALETTE[k % len(PALETTE)], label=label)  # fmt: skip
            end = part.iloc[-1]
            lines.append(say(self.lang, "journey.reach", label=label, share=end["overall"],
                             n=int(part["previous"].iloc[0]), stage=end["stage"]))  # fmt: skip
        ax.set_xticks(x, [f"→ {s}" for s in steps])
        ax.set(ylim=(0, 1), ylabel=say(self.lang, "journey.ylabel"))
        if keys:
            ax.legend(fontsize="small", frameon=False)
        first, last = self.controls["period"].value
        text = say(self.lang, "journey.span", first=first, last=last)
        text += ("；" if self.lang == "zh" else "; ").join(lines)
        table = result.set_index([*keys, "stage"]).drop(columns="step").round(3)
        return text, png(fig), html_table(table)


_FUNNEL_COLUMNS = {
    "stage", "step", "previous", "sessions", "conversion", "ci_low", "ci_high", "overall",
    "overall_ci_low", "overall_ci_high", "lost",
}  # fmt: skip


# -- survey constructs ------------------------------------------------------------------------
class SurveyExplorer(App):
    """A construct → its items (wording), answer distributions, α, ω and AVE."""

    css = "cx-survey"
    key = "survey"

    def __init__(self, dataset: Any = "hotel_4e", lang: Lang | None = None):
        from cxlab import datasets
        from cxlab.survey import Survey

        self.survey = (
            Survey(datasets.load(dataset), datasets.codebook(dataset))
            if isinstance(dataset, str)
            else dataset
        )
        constructs = list(self.survey.scales())
        controls = {
            "construct": w.Dropdown(options=constructs, style=_STYLE, layout=_MENU),
            "reverse": w.Checkbox(value=True, layout=_WIDE),
            "lang": w.Dropdown(options=[("English", "en"), ("中文", "zh")],
                               value=lang or language(), style=_STYLE, layout=_MENU),
        }  # fmt: skip
        super().__init__(controls, lang=lang)

    def relabel(self) -> None:
        """Labels in ``self.lang`` (see :meth:`App.relabel`); the items' wording follows
        the app's language when it switches (the menu can still pick the other).

        Examples
        --------
        >>> from cxlab import widgets
        >>> app = widgets.survey_explorer("hotel_4e")
        >>> app.set_lang("zh")
        >>> app.controls["construct"].description, app.controls["lang"].value
        ('构念', 'zh')
        """
        for name in ("construct", "reverse"):
            self.controls[name].description = say(self.lang, f"survey.{name}")
        self.controls["lang"].description = say(self.lang, "survey.wording")
        wording = self.controls["lang"]
        wording.unobserve(self._changed, names="value")  # set_lang recomputes once
        wording.value = self.lang
        wording.observe(self._changed, names="value")

    def compute(self, construct: str, reverse: bool, lang: str) -> logic.ConstructView:
        """:func:`cxlab.widgets.construct_view` of the chosen construct.

        Examples
        --------
        >>> from cxlab import widgets
        >>> app = widgets.survey_explorer()  # hotel_4e
        >>> print(app.compute(construct="Escapism", reverse=True, lang="zh").text())
        逃避现实体验 (Escapism): 3 items, n = 600 · α = 0.81 [0.78, 0.83] · ω = 0.81 · AVE = 0.59
        """
        return logic.construct_view(self.survey, construct, reverse=reverse, lang=lang)  # type: ignore[arg-type]

    def render(self, result: logic.ConstructView) -> tuple[str, bytes | None, str]:
        """Stacked answer shares per item, and the item table.

        Examples
        --------
        >>> from cxlab import widgets
        >>> app = widgets.survey_explorer()
        >>> text, image, table = app.render(app.compute("Escapism", False, "en"))
        >>> print(text)  # esc3r not reverse-coded: α turns negative
        Escapism: 3 items, n = 600 · α = -0.55 [-0.78, -0.35] · ω = 0.44 · AVE = 0.59
        >>> image[:4], "wording" in table
        (b'\\x89PNG', True)
        """
        from matplotlib import colormaps

        dist = result.distribution
        fig = Figure(figsize=(8, 0.6 * len(dist) + 1.2))
        ax = fig.add_subplot()
        colours = colormaps["RdYlGn"](np.linspace(0.08, 0.92, dist.shape[1]))
        left = np.zeros(len(dist))
        for k, point in enumerate(dist.columns):
            ax.barh(dist.index, dist[point], left=left, color=colours[k], label=str(point))
            left += dist[point].to_numpy()
        ax.invert_yaxis()
        ax.set(xlim=(0, 100), xlabel=say(self.lang, "survey.xlabel"))
        answer = say(self.lang, "survey.answer")
        ax.legend(ncol=dist.shape[1], loc="lower center", bbox_to_anchor=(0.5, 1.0),
                  fontsize="small", frameon=False, title=answer)  # fmt: skip
        items = result.items.copy()
        items["reverse"] = items["reverse"].map({True: say(self.lang, "survey.yes"), False: ""})
        items = items[[*items.columns.drop("wording"), "wording"]].round(3)
        return result.text(self.lang), png(fig), html_table(items, left_last=True)
