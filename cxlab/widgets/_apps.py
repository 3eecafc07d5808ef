"""The ipywidgets apps of :mod:`cxlab.widgets`: controls → a pure function → summary,
figure and table; any error becomes a readable message in place of the result.

Every app speaks English or Chinese (``lang``); :meth:`App.set_lang` switches a running
app (labels, title, summary, figure, tables and messages) without losing its settings.
This module holds the base class and the NPS and what-if apps; the explorers are in
:mod:`cxlab.widgets._explorers`."""

from __future__ import annotations

import html
import io
import warnings
from collections.abc import Sequence
from typing import Any

import ipywidgets as w
import matplotlib
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from cxlab.errors import CxlabError
from cxlab.viz import font_family, language
from cxlab.widgets import logic
from cxlab.widgets._text import Lang, error_text, say

__all__ = ["App", "NPSSimulator", "SEMWhatIf"]

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


def set_options(control: w.Widget, options: list[tuple[str, Any]]) -> None:
    """New option labels for a Dropdown / SelectMultiple, keeping its value(s) and
    without a recompute per change (the app updates once afterwards)."""
    value = control.value
    with control.hold_trait_notifications():
        control.options = options
        control.value = value


class App(w.VBox):
    """Base of the apps: ``controls`` feed :meth:`compute`; :meth:`render` turns its
    result into (summary text, PNG bytes, table HTML). Errors become ``message``.

    Subclasses set ``key`` (their part of the word table) and :meth:`relabel`."""

    css = "cx-app"
    key = "app"

    def __init__(
        self,
        controls: dict[str, w.Widget],
        extra: Sequence[w.Widget] = (),
        lang: Lang | None = None,
    ):
        lang = lang or language()  # the notebook's language (cx.viz.set_theme)
        if lang not in ("en", "zh"):
            raise ValueError(f"lang must be 'en' or 'zh', not {lang!r}")
        self.lang: Lang = lang
        self.controls = controls
        self.result: Any = None
        self.title = w.HTML()
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
        self._retitle()
        self.relabel()
        self.update()

    def _retitle(self) -> None:
        title = html.escape(say(self.lang, f"{self.key}.title"))
        self.title.value = f"<h3 style='margin:4px 0'>{title}</h3>"

    def relabel(self) -> None:
        """Put the words of ``self.lang`` on the controls (subclasses).

        Examples
        --------
        >>> from cxlab import widgets
        >>> app = widgets.nps_simulator()
        >>> app.lang = "zh"
        >>> app.relabel()
        >>> app.controls["n"].description
        '样本量 n'
        """

    def set_lang(self, lang: Lang) -> None:
        """Switch the app's language: title, labels, summary, figure, tables, messages.
        The controls keep their values.

        Examples
        --------
        >>> from cxlab import widgets
        >>> app = widgets.nps_simulator(promoters=60, detractors=10, n=200)
        >>> app.set_lang("zh")
        >>> print(app.result.text(app.lang))
        净推荐值 +50.0 · 95% 置信区间 40.7 至 59.3（± 9.3 分）· n = 200
        >>> app.controls["promoters"].description, app.controls["promoters"].value
        ('推荐者（9–10 分）%', 60)
        """
        if lang not in ("en", "zh"):
            raise ValueError(f"lang must be 'en' or 'zh', not {lang!r}")
        self.lang = lang
        with self.hold_sync():
            self._retitle()
            self.relabel()
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
                with matplotlib.rc_context({"font.family": font_family(self.lang)}):
                    text, image, table = self.render(result)
            except CxlabError as exc:
                return self._fail(error_text(exc, self.lang))
            except Exception as exc:  # never a traceback in front of the class
                return self._fail(
                    say(self.lang, "unexpected", error=f"{type(exc).__name__}: {exc}")
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
    key = "nps"

    def __init__(
        self,
        promoters: float = 50,
        detractors: float = 20,
        n: int = 400,
        seed: int = 0,
        lang: Lang | None = None,
    ):
        self.seed = seed
        options = sorted({*N_OPTIONS, int(n)})
        kw = {"continuous_update": False, "style": _STYLE, "layout": _WIDE, "min": 0, "max": 100}
        controls = {
            "promoters": w.IntSlider(round(promoters), **kw),
            "detractors": w.IntSlider(round(detractors), **kw),
            "n": w.SelectionSlider(
                options=options, value=int(n), continuous_update=False, style=_STYLE, layout=_WIDE
            ),
            "ci": w.Dropdown(options=["wald", "adjusted-wald"], value="wald", style=_STYLE,
                             layout=_MENU),
        }  # fmt: skip
        super().__init__(controls, lang=lang)

    def relabel(self) -> None:
        """Slider and menu labels in ``self.lang`` (see :meth:`App.relabel`).

        Examples
        --------
        >>> from cxlab import widgets
        >>> widgets.nps_simulator(lang="zh").controls["ci"].options[1][0]
        '调整 Wald 区间（小样本）'
        """
        for name in ("promoters", "detractors", "n", "ci"):
            self.controls[name].description = say(self.lang, f"nps.{name}")
        wald, adjusted = say(self.lang, "nps.wald"), say(self.lang, "nps.adjusted")
        set_options(self.controls["ci"], [(wald, "wald"), (adjusted, "adjusted-wald")])

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

        lang = self.lang
        fig = Figure(figsize=(8, 3.2))
        ax = fig.add_subplot()
        row = result.table.iloc[0]
        ax.axvspan(
            row["ci_low"], row["ci_high"], color=PALETTE[5], alpha=0.25, label=say(lang, "nps.band")
        )
        bins = np.arange(-100.5, 101.5, 1.0 if result.n >= 200 else 2.0)
        ax.hist(result.draws, bins=bins, color=PALETTE[0], alpha=0.8, label=say(lang, "nps.draws"))
        ax.axvline(
            result.nps,
            color=NPS_COLORS["detractor"],
            lw=2,
            label=say(lang, "nps.truth", nps=result.nps),
        )
        ax.set(xlim=(-100, 100), yticks=[], xlabel=say(lang, "nps.xlabel"))
        ax.set_title(
            say(
                lang,
                "nps.plot_title",
                k=len(result.draws),
                n=result.n,
                sd=result.draws.std(),
                se=row["se"],
            ),
            fontsize="medium",
        )
        ax.legend(loc="upper left", fontsize="small", frameon=False)
        groups = [say(lang, g) for g in ("promoters", "passives", "detractors")]
        shares = pd.DataFrame(
            {say(lang, "nps.share"): [result.promoters, result.passives, result.detractors]},
            index=pd.Index(groups, name=say(lang, "nps.group")),
        )
        return result.text(lang), png(fig), html_table(shares.round(1))  # fmt: skip


# -- SEM what-if ---------------------------------------------------------------------------
SEM_N = (100, 150, 200, 300, 500, 800, 1200, 2000, 4000)


class SEMWhatIf(App):
    """Sliders on a population model's structural paths and n → refit → diagram, paths."""

    css = "cx-sem"
    key = "sem"

    def __init__(
        self,
        model: str | None = None,
        fit_model: str | None = None,
        n: int = 300,
        seed: int = 1,
        likert: int | None = None,
        lang: Lang | None = None,
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
        self.reset = w.Button(icon="undo", layout=w.Layout(width="auto"))
        self.reset.on_click(self._reset)
        super().__init__(controls, [self.reset], lang=lang)

    def relabel(self) -> None:
        """The reset button in ``self.lang`` (path sliders are named by the model's
        variables, ``n`` and ``seed`` are the same in both languages).

        Examples
        --------
        >>> from cxlab import widgets
        >>> model = "X =~ 0.8*x1 + 0.8*x2 + 0.7*x3\\nY =~ 0.8*y1 + 0.8*y2 + 0.7*y3\\nY ~ 0.3*X"
        >>> widgets.sem_what_if(model, lang="zh").reset.description
        '恢复模型原值'
        """
        self.reset.description = say(self.lang, "sem.reset")

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
        fig = result.fit.plot(show_indicators=False, lang=self.lang)
        paths = result.paths.assign(covered=result.paths["covered"].map({True: "✓", False: "✗"}))
        paths.index = paths["from"] + " → " + paths["to"]
        paths = paths.drop(columns=["from", "to"]).round(3)
        totals = result.totals.set_index(result.totals["from"] + " → " + result.totals["to"])
        totals = totals.drop(columns=["from", "to"]).round(3)
        columns = ["truth", "est", "ci_low", "ci_high", "covered"]
        names = dict(zip(columns, say(self.lang, "sem.columns").split(","), strict=True))
        tables = html_table(paths.rename(columns=names), say(self.lang, "sem.paths"))
        tables += html_table(totals.rename(columns=names), say(self.lang, "sem.totals"))
        return result.text(self.lang), png(fig), tables
