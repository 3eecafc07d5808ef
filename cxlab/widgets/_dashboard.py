"""The instructor dashboard: the five apps with their teaching notes, a 中文 / English
switch and a projector mode (large type, wide figures) for the back of the room."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from cxlab.viz import language
from cxlab.widgets._apps import App, NPSSimulator, SEMWhatIf
from cxlab.widgets._explorers import IPAExplorer, JourneyExplorer, SurveyExplorer
from cxlab.widgets._text import Lang, say

__all__ = ["Dashboard"]

#: label width of the controls, normal and in projector mode
LABEL_WIDTH = {False: "190px", True: "330px"}
#: width of the sliders (label included), normal and in projector mode
SLIDER_WIDTH = {False: "600px", True: "960px"}
#: large type for a projector: widget labels, readouts, summaries, tables, figures
PROJECTOR_CSS = """<style>
.cx-projector { --jp-widgets-font-size: 22px; --jp-widgets-inline-height: 44px;
  --jp-widgets-inline-width: 900px; font-size: 22px; }
.cx-projector .widget-label, .cx-projector .widget-readout, .cx-projector select,
.cx-projector .widget-toggle-button, .cx-projector button { font-size: 22px !important; }
.cx-projector h2 { font-size: 2.0em; } .cx-projector h3 { font-size: 1.6em !important; }
.cx-projector .cx-note { font-size: 1.15em; line-height: 1.5; }
.cx-projector .cx-summary div { font-size: 1.7em !important; }
.cx-projector .cx-table table { font-size: 1.15em !important; }
.cx-projector .cx-app img { width: 100% !important; max-width: 1400px; height: auto; }
.cx-note { max-width: 60em; margin: 2px 0 8px 0; }
</style>"""
SECTIONS = ("nps", "sem", "ipa", "journey", "survey")


class Dashboard(w.VBox):
    """Header (title, language switch, projector switch) and one section per app.

    ``apps`` maps section → app; ``language`` (ToggleButtons "en" / "zh") and
    ``projector`` (Checkbox) are the switches.
    """

    def __init__(self, lang: Lang | None = None, projector: bool = False):
        lang = lang or language()  # the notebook's language (cx.viz.set_theme)
        if lang not in ("en", "zh"):
            raise ValueError(f"lang must be 'en' or 'zh', not {lang!r}")
        self.lang: Lang = lang
        self.apps: dict[str, App] = {
            "nps": NPSSimulator(lang=lang),
            "sem": SEMWhatIf(lang=lang),
            "ipa": IPAExplorer(lang=lang),
            "journey": JourneyExplorer(lang=lang),
            "survey": SurveyExplorer(lang=lang),
        }
        self.language = w.ToggleButtons(options=[("English", "en"), ("中文", "zh")], value=lang)
        self.language.add_class("cx-language")
        self.projector = w.Checkbox(value=projector, indent=False)
        self.projector.add_class("cx-projector-switch")
        self.header = w.HTML()
        self.notes = {key: w.HTML() for key in SECTIONS}
        for note in self.notes.values():
            note.add_class("cx-note")
        sections: list[w.Widget] = []
        for key in SECTIONS:
            sections += [self.notes[key], self.apps[key]]
        switches = w.HBox([self.language, self.projector])
        super().__init__([w.HTML(PROJECTOR_CSS), self.header, switches, *sections])
        self.add_class("cx-dashboard")
        self._words()
        self._project(projector)
        self.language.observe(self._language_changed, names="value")
        self.projector.observe(lambda change: self._project(change["new"]), names="value")

    def _words(self) -> None:
        lang = self.lang
        title, intro = say(lang, "dash.title"), say(lang, "dash.intro")
        self.header.value = f"<h2>{html.escape(title)}</h2><p>{html.escape(intro)}</p>"
        self.projector.description = say(lang, "dash.projector")
        for key, note in self.notes.items():
            head, body = say(lang, f"dash.{key}"), say(lang, f"dash.{key}.note")
            note.value = f"<h2>{html.escape(head)}</h2><p>{html.escape(body)}</p>"

    def _language_changed(self, change: dict[str, Any]) -> None:
        self.set_lang(change["new"])

    def set_lang(self, lang: Lang) -> None:
        """Switch every section to *lang* (the same as clicking 中文 / English).

        Examples
        --------
        >>> from cxlab import widgets
        >>> board = widgets.dashboard()
        >>> board.set_lang("zh")
        >>> board.language.value, board.apps["survey"].controls["construct"].description
        ('zh', '构念')
        """
        if lang not in ("en", "zh"):
            raise ValueError(f"lang must be 'en' or 'zh', not {lang!r}")
        self.lang = lang
        if self.language.value != lang:
            self.language.value = lang  # comes back here through the observer
            return
        self._words()
        for app in self.apps.values():
            app.set_lang(lang)

    def _project(self, on: bool) -> None:
        if on:
            self.add_class("cx-projector")
        else:
            self.remove_class("cx-projector")
        for app in self.apps.values():
            for control in app.controls.values():
                if hasattr(control.style, "description_width"):
                    control.style.description_width = LABEL_WIDTH[bool(on)]
                if control.layout.width in SLIDER_WIDTH.values():
                    control.layout.width = SLIDER_WIDTH[bool(on)]
