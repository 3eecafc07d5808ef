"""The ipywidgets apps of :mod:`cxlab.widgets`: controls → a pure function → summary,
figure and table; any error becomes a readable message in place of the result."""

from __future__ import annotations

import html
import io
import warnings
from collections.abc import Sequence
from typing import Any

import ipywidgets as w
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from cxlab.errors import CxlabError
from cxlab.widgets import logic

__all__ = ["App", "IPAExplorer", "JourneyExplorer", "NPSSimulator", "SEMWhatIf", "SurveyExplorer"]

_STYLE = {"description_width": "190px"}
#: given as dicts, style and layout become a new Style / Layout widget per control
_WIDE = {"width": "600px"}
_MENU = {"width": "460px"}
#: figures are drawn at this resolution and shown at 100 px per inch: sharp on a projector
DPI = 150
_TABLE_CSS = (
    "<style>.cx-table table{border-collapse:collapse;font-size:0.9em}"
    ".cx-table th,.cx-table td{padding:2px 10px;text-align:right;border-bottom:1px solid #ddd}"
    ".cx-table th{background:#f4f6f8}.cx-left td:last-child{text-align:left}</style>"
)
_MESSAGE = (
    '<div style="border-left:4px solid #D55E00;background:#fdf1ea;padding:8px 12px;'
    'margin:6px 0;white-space:pre-wrap">{}</div>'
)


def png(fig: Figure) -> bytes:
    """A matplotlib figure as PNG bytes at :data:`DPI` (independent of the backend)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, bbox_inches="tight")
    return buf.getvalue()


def _display_width(image: bytes) -> str:
    """Width in CSS pixels to show a PNG of :data:`DPI` at 100 px per inch."""
    pixels = int.from_bytes(image[16:20], "big")  # the IHDR chunk's width
    return str(round(pixels * 100 / DPI))


def html_table(frame: pd.DataFrame, caption: str = "", left_last: bool = False) -> str:
    """A small HTML table (with a caption) for an app's table area; ``left_last``
    left-aligns the last column (text)."""
    head = f"<p><b>{html.escape(caption)}</b></p>" if caption else ""
    css = "cx-table cx-left" if left_last else "cx-table"
    return f'{_TABLE_CSS}<div class="{css}">{head}{frame.to_html(border=0, na_rep="–")}</div>'


class App(w.VBox):
    """Base of the apps: ``controls`` feed :meth:`compute`; :meth:`render` turns its
    result into (summary text, PNG bytes, table HTML). Errors become ``message``."""

    css = "cx-app"

    def __init__(self, title: str, controls: dict[str, w.Widget], extra: Sequence[w.Widget] = ()):
        self.controls = controls
        self.result: Any = None
        self.title = w.HTML(f"<h3 style='margin:4px 0'>{html.escape(title)}</h3>")
        self.message = w.HTML()
        self.summary = w.HTML()
        self.figure = w.Image(format="png", layout=w.Layout(max_width="100%"))
        self.table = w.HTML()
        self.message.add_class("cx-message")
        self.summary.add_class("cx-summary")
        for control in controls.values():
            control.observe(self._changed, names="value")
        boxes = [self.title, w.VBox([*controls.values(), *extra]), self.message]
        super().__init__([*boxes, self.summary, self.figure, self.table])
        self.add_class("cx-app")
        self.add_class(self.css)
        self.update()

    def _changed(self, _change: Any) -> None:
        self.update()

    def values(self) -> dict[str, Any]:
        """The current value of every control, by name (what :meth:`update` passes to
        :meth:`compute`).

        Examples
        --------
        >>> from cxlab import widgets
        >>> app = widgets.nps_simulator(promoters=60, detractors=10, n=200)
        >>> app.values()
        {'promoters': 60, 'detractors': 10, 'n': 200, 'ci': 'wald'}
        """
        return {name: control.value for name, control in self.controls.items()}

    def compute(self, **values: Any) -> Any:
        """Run the app's pure function on the control values (subclasses).

        ``**values`` takes one keyword per control, named as in ``controls``: the names
        are only known when an app is built (a what-if app has one slider per path of
        its model), so they cannot be spelled out here. Each subclass names its own.

        Examples
        --------
        >>> from cxlab import widgets
        >>> app = widgets.nps_simulator()
        >>> print(app.compute(**app.values()).text())
        NPS +30.0 · 95 % CI 22.3 to 37.7 (± 7.7 points) · n = 400
        """
        raise NotImplementedError

    def render(self, result: Any) -> tuple[str, bytes | None, str]:
        """Summary text, figure (PNG) and table HTML of a result (subclasses).

        Examples
        --------
        >>> from cxlab import widgets
        >>> app = widgets.nps_simulator()
        >>> text, image, table = app.render(app.result)
        >>> print(text)
        NPS +30.0 · 95 % CI 22.3 to 37.7 (± 7.7 points) · n = 400
        >>> image[:4], "<table" in table
        (b'\\x89PNG', True)
        """
        raise NotImplementedError

    def update(self) -> None:
        """Recompute from the controls; show the result, or a readable message.

        Runs whenever a control changes (and once when the app is built).

        Examples
        --------
        >>> from cxlab import widgets
        >>> app = widgets.nps_simulator()
        >>> app.controls["promoters"].value = 70
        >>> app.controls["detractors"].value = 40  # 110 %: a message, not a traceback
        >>> app.result is None, "add up to 110 %" in app.message.value
        (True, True)
        >>> app.controls["detractors"].value = 10
        >>> app.update()  # the same, called by hand
        >>> print(app.result.text())
        NPS +60.0 · 95 % CI 53.5 to 66.5 (± 6.5 points) · n = 400
        """
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                result = self.compute(**self.values())
                text, image, table = self.render(result)
            except CxlabError as exc:
                return self._fail(str(exc))
            except Exception as exc:  # never a traceback in front of the class
                return self._fail(
                    f"Something unexpected went wrong ({type(exc).__name__}: {exc}). "
                    "Try other values; if it persists, report it with the values above."
                )
        self.result = result
        notes = sorted({str(c.message) for c in caught if issubclass(c.category, UserWarning)})
        self.message.value = _MESSAGE.format(html.escape("\n".join(notes))) if notes else ""
        self.summary.value = (
            f"<div style='font-size:1.25em;font-weight:600'>{html.escape(text)}</div>"
        )
        self.figure.value = image or b""
        self.figure.width = _display_width(image) if image else ""
        self.table.value = table
        self._show(True)

    def _fail(self, message: str) -> None:
        self.result = None
        self.message.value = _MESSAGE.format(html.escape(message))
        self._show(False)

    def _show(self, visible: bool) -> None:
        for part in (self.summary, self.figure, self.table):
            part.layout.display = None if visible else "none"


# -- NPS ---------------------------------------------------------------------------------
N_OPTIONS = (25, 50, 100, 200, 400, 800, 1600, 3200, 6400)


class NPSSimulator(App):
    """Shares of promoters and detractors and n → NPS, its CI and sampling distribution."""

    css = "cx-nps"

    def __init__(self, promoters: float = 50, detractors: float = 20, n: int = 400, seed: int = 0):
        self.seed = seed
        options = sorted({*N_OPTIONS, int(n)})
        kw = {"continuous_update": False, "style": _STYLE, "layout": _WIDE, "min": 0, "max": 100}
        controls = {
            "promoters": w.IntSlider(round(promoters), description="promoters (9–10) %", **kw),
            "detractors": w.IntSlider(round(detractors), description="detractors (0–6) %", **kw),
            "n": w.SelectionSlider(
                options=options, value=int(n), description="responses n", continuous_update=False,
                style=_STYLE, layout=_WIDE,
            ),
            "ci": w.Dropdown(
                options=[("Wald", "wald"), ("adjusted Wald (small n)", "adjusted-wald")],
                value="wald", description="interval", style=_STYLE, layout=_MENU,
            ),
        }  # fmt: skip
        super().__init__("NPS simulator: shares, sample size and uncertainty", controls)

    def compute(self, promoters: int, detractors: int, n: int, ci: str) -> logic.NPSScenario:
        """:func:`cxlab.widgets.nps_scenario` of the slider values.

        Examples
        --------
        >>> from cxlab import widgets
        >>> app = widgets.nps_simulator()
        >>> result = app.compute(promoters=50, detractors=20, n=1600, ci="wald")
        >>> print(f"NPS {result.nps:+.0f} ± {result.margin:.1f}")
        NPS +30 ± 3.8
        """
        return logic.nps_scenario(promoters, detractors, n, ci=ci, seed=self.seed)  # type: ignore[arg-type]

    def render(self, result: logic.NPSScenario) -> tuple[str, bytes | None, str]:
        """The NPS line, the sampling distribution and the shares.

        Examples
        --------
        >>> from cxlab import widgets
        >>> app = widgets.nps_simulator()
        >>> text, image, table = app.render(app.compute(60, 20, 400, "wald"))
        >>> print(text)
        NPS +40.0 · 95 % CI 32.2 to 47.8 (± 7.8 points) · n = 400
        >>> image[:4], "passives" in table
        (b'\\x89PNG', True)
        """
        from cxlab.viz import NPS_COLORS, PALETTE

        fig = Figure(figsize=(8, 3.2))
        ax = fig.add_subplot()
        row = result.table.iloc[0]
        ax.axvspan(row["ci_low"], row["ci_high"], color=PALETTE[5], alpha=0.25, label="95 % CI")
        bins = np.arange(-100.5, 101.5, 1.0 if result.n >= 200 else 2.0)
        ax.hist(result.draws, bins=bins, color=PALETTE[0], alpha=0.8, label="simulated surveys")
        ax.axvline(
            result.nps, color=NPS_COLORS["detractor"], lw=2, label=f"true NPS {result.nps:+.0f}"
        )
        ax.set(xlim=(-100, 100), yticks=[], xlabel="NPS of a survey of n")
        ax.set_title(
            f"{len(result.draws):,} surveys of n = {result.n:,}: SD {result.draws.std():.1f} "
            f"(the formula's SE: {row['se']:.1f})", fontsize="medium",
        )  # fmt: skip
        ax.legend(loc="upper left", fontsize="small", frameon=False)
        shares = pd.DataFrame(
            {"share %": [result.promoters, result.passives, result.detractors]},
            index=pd.Index(["promoters", "passives", "detractors"], name="group"),
        )
        return result.text(), png(fig), html_table(shares.round(1))


# -- SEM what-if ---------------------------------------------------------------------------
SEM_N = (100, 150, 200, 300, 500, 800, 1200, 2000, 4000)


class SEMWhatIf(App):
    """Sliders on a population model's structural paths and n → refit → diagram, paths."""

    css = "cx-sem"

    def __init__(
        self,
        model: str | None = None,
        fit_model: str | None = None,
        n: int = 300,
        seed: int = 1,
        likert: int | None = None,
    ):
        from cxlab.widgets._sem import default_model

        if model is None:
            model, default_fit = default_model()
            fit_model = fit_model or default_fit
        self.model, self.fit_model, self.likert = model, fit_model, likert
        self.paths = logic.structural_paths(model)
        slider = {"continuous_update": False, "style": _STYLE, "layout": _WIDE}
        controls: dict[str, w.Widget] = {}
        for row in self.paths.itertuples(index=False):
            reach = max(0.95, abs(row.value))
            controls[row.path] = w.FloatSlider(
                value=row.value, min=-reach, max=reach, step=0.05, readout_format=".2f",
                description=f"{row[1]} → {row.to}", **slider,
            )  # fmt: skip
        options = sorted({*SEM_N, int(n)})
        controls["n"] = w.SelectionSlider(options=options, value=int(n), description="n", **slider)
        controls["seed"] = w.BoundedIntText(
            seed, min=0, max=10**6, description="seed", style=_STYLE
        )
        self.reset = w.Button(
            description="back to the model's values", icon="undo", layout=w.Layout(width="auto")
        )
        self.reset.on_click(self._reset)
        super().__init__("What if? Change the paths, simulate, refit", controls, [self.reset])

    def _reset(self, _button: Any) -> None:
        with self.hold_sync():
            for row in self.paths.itertuples(index=False):
                self.controls[row.path].unobserve(self._changed, names="value")
                self.controls[row.path].value = row.value
                self.controls[row.path].observe(self._changed, names="value")
        self.update()

    def compute(self, n: int, seed: int, **paths: float) -> logic.WhatIf:
        """:func:`cxlab.widgets.what_if` of the slider values.

        ``**paths`` takes one keyword per structural-path slider, named as the path
        (``"Memory ~ Esthetics"``): the paths come from the model the app is built on,
        so their names are only known at run time. Pass them with ``**{...}``.

        Examples
        --------
        >>> from cxlab import widgets
        >>> model = "X =~ 0.8*x1 + 0.8*x2 + 0.7*x3\\nY =~ 0.8*y1 + 0.8*y2 + 0.7*y3\\nY ~ 0.3*X"
        >>> app = widgets.sem_what_if(model, n=500)
        >>> app.values()
        {'Y ~ X': 0.3, 'n': 500, 'seed': 1}
        >>> result = app.compute(n=500, seed=1, **{"Y ~ X": 0.6})
        >>> result.paths[["from", "to", "truth", "est"]].round(2).values.tolist()
        [['X', 'Y', 0.6, 0.58]]
        """
        return logic.what_if(
            self.model, paths, n=n, seed=seed, fit_model=self.fit_model, likert=self.likert
        )

    def render(self, result: logic.WhatIf) -> tuple[str, bytes | None, str]:
        """Fit line, path diagram (standardized), paths and total effects vs the truth.

        Examples
        --------
        >>> from cxlab import widgets
        >>> model = "X =~ 0.8*x1 + 0.8*x2 + 0.7*x3\\nY =~ 0.8*y1 + 0.8*y2 + 0.7*y3\\nY ~ 0.3*X"
        >>> app = widgets.sem_what_if(model, n=500)
        >>> text, image, tables = app.render(app.compute(n=500, seed=1, **{"Y ~ X": 0.6}))
        >>> print(text.split(" · ")[-1])
        paths off the truth by 0.023 on average; mean CI width 0.162; 1 of 1 CIs cover the truth
        >>> image[:4], tables.count("<table")  # the paths, and the total effects
        (b'\\x89PNG', 2)
        """
        fig = result.fit.plot(show_indicators=False)
        paths = result.paths.assign(covered=result.paths["covered"].map({True: "✓", False: "✗"}))
        paths.index = paths["from"] + " → " + paths["to"]
        paths = paths.drop(columns=["from", "to"]).round(3)
        totals = result.totals.set_index(result.totals["from"] + " → " + result.totals["to"])
        totals = totals.drop(columns=["from", "to"]).round(3)
        tables = html_table(paths, "Standardized paths: truth vs estimate (95 % CI)")
        tables += html_table(totals, "Total effects on the outcomes")
        return result.text(), png(fig), tables


# -- IPA -------------------------------------------------------------------------------------
AIRLINE_MOTS = ["mot_booking", "mot_checkin", "mot_boarding", "mot_crew", "mot_meal", "mot_arrival"]


def _subsets(data: pd.DataFrame, skip: Sequence[str], most: int = 6) -> list[tuple[str, Any]]:
    """("col = value", query) for the columns with few distinct values."""
    options: list[tuple[str, Any]] = [("everybody", "")]
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

    def __init__(
        self,
        data: pd.DataFrame | None = None,
        outcome: str | None = None,
        drivers: Sequence[str] | None = None,
        labels: dict[str, str] | None = None,
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
        controls = {
            "outcome": w.Dropdown(
                options=numeric, value=outcome, description="outcome", style=_STYLE, layout=_MENU
            ),
            "drivers": w.SelectMultiple(
                options=numeric, value=tuple(drivers), rows=min(len(numeric), 8),
                description="drivers", style=_STYLE, layout=_MENU,
            ),
            "subset": w.Dropdown(
                options=_subsets(data, [outcome, *drivers]), value="",
                description="respondents", style=_STYLE, layout=_MENU,
            ),
            "method": w.Dropdown(
                options=[("relative weights", "relative_weights"), ("Shapley values", "shapley")],
                description="importance", style=_STYLE, layout=_MENU,
            ),
            "cut": w.Dropdown(
                options=[("means", "mean"), ("medians", "median")], description="lines at",
                style=_STYLE, layout=_MENU,
            ),
        }  # fmt: skip
        super().__init__("Importance-performance analysis (IPA)", controls)

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
        result.grid.plot(ax=ax, ylabel=f"importance (% of R² of {result.importance.outcome})")
        table = result.grid.table.drop(columns="label").round(2)
        return result.text(), png(fig), html_table(table)


# -- journey -----------------------------------------------------------------------------------
JOURNEY_STAGES = ["visit", "browse", "cart", "checkout", "purchase"]


class JourneyExplorer(App):
    """A period of days and a split → funnel conversion with Wilson intervals."""

    css = "cx-journey"

    def __init__(self, events: pd.DataFrame | None = None, stages: Sequence[str] | None = None):
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
        controls = {
            "period": w.SelectionRangeSlider(
                options=days, index=(0, len(days) - 1), description="sessions started",
                continuous_update=False, readout=False, style=_STYLE, layout=_WIDE,
            ),
            "by": w.Dropdown(options=[("nothing (all sessions)", ""), *[(c, c) for c in splits]],
                             value="", description="split by", style=_STYLE, layout=_MENU),
        }  # fmt: skip
        super().__init__("Customer journey: funnel conversion by period and group", controls)

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
        groups = list(result.groupby(keys, sort=True)) if keys else [(("all",), result)]
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
            lines.append(
                f"{label}: {end['overall']:.1%} of {int(part['previous'].iloc[0]):,} "
                f"sessions reach {end['stage']}"
            )
        ax.set_xticks(x, [f"→ {s}" for s in steps])
        ax.set(ylim=(0, 1), ylabel="step conversion (95 % CI)")
        if keys:
            ax.legend(fontsize="small", frameon=False)
        first, last = self.controls["period"].value
        text = f"{first} to {last}: " + "; ".join(lines)
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

    def __init__(self, dataset: Any = "hotel_4e"):
        from cxlab import datasets
        from cxlab.survey import Survey

        self.survey = (
            Survey(datasets.load(dataset), datasets.codebook(dataset))
            if isinstance(dataset, str)
            else dataset
        )
        constructs = list(self.survey.scales())
        controls = {
            "construct": w.Dropdown(
                options=constructs, description="construct", style=_STYLE, layout=_MENU
            ),
            "reverse": w.Checkbox(
                value=True, description="reverse-code the reverse-keyed items", layout=_WIDE
            ),
            "lang": w.Dropdown(
                options=[("English", "en"), ("中文", "zh")], description="wording",
                style=_STYLE, layout=_MENU,
            ),
        }  # fmt: skip
        super().__init__("Survey constructs: items, answers and reliability", controls)

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
        ax.set(xlim=(0, 100), xlabel="% of answers")
        ax.legend(ncol=dist.shape[1], loc="lower center", bbox_to_anchor=(0.5, 1.0),
                  fontsize="small", frameon=False, title="answer")  # fmt: skip
        items = result.items.copy()
        items["reverse"] = items["reverse"].map({True: "yes", False: ""})
        items = items[[*items.columns.drop("wording"), "wording"]].round(3)
        return result.text(), png(fig), html_table(items, left_last=True)
