"""The CEM maturity self-assessment (lesson 01b): the pure function ``maturity_view`` —
validation, the weakest component, ties, text, table and radar chart in both languages —
and the ``cem_maturity`` app driven headless."""

from __future__ import annotations

import ast
import json
import math
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

import cxlab as cx
from cxlab import widgets
from cxlab.errors import DataError

PNG = b"\x89PNG"
ROOT = Path(__file__).resolve().parent.parent
PROFILE = {
    "strategy": 4, "insight": 3, "design": 4, "measurement": 2, "management": 3, "culture": 3,
}  # fmt: skip


def _cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


# -- the pure function ------------------------------------------------------------------------
def test_the_six_components_in_the_order_of_the_source():
    assert widgets.CEM_COMPONENTS == (
        "strategy", "insight", "design", "measurement", "management", "culture",
    )  # fmt: skip


def test_weakest_mean_and_table():
    view = widgets.maturity_view(PROFILE, lang="en")
    assert view.weakest == "measurement" and view.tied == ()
    assert view.mean == pytest.approx(19 / 6)
    assert list(view.table.index) == list(widgets.CEM_COMPONENTS)
    assert view.table["score"].tolist() == [4, 3, 4, 2, 3, 3]
    assert view.table["level"].tolist() == [
        "managed", "defined", "managed", "repeatable", "defined", "defined",
    ]  # fmt: skip
    assert view.table["weakest"].tolist() == [False, False, False, True, False, False]
    assert view.table.loc["insight", "name"] == "customer insight"


def test_every_component_can_be_the_weakest():
    for component in widgets.CEM_COMPONENTS:
        scores = {**dict.fromkeys(widgets.CEM_COMPONENTS, 4), component: 1}
        assert widgets.maturity_view(scores).weakest == component


def test_a_tie_goes_to_the_component_listed_first():
    scores = {**PROFILE, "insight": 2, "culture": 2}  # insight, measurement, culture tie
    view = widgets.maturity_view(scores, lang="en")
    assert view.weakest == "insight" and view.tied == ("measurement", "culture")
    assert "tied with measurement, culture" in view.text()
    assert "与体验测量、体验文化并列" in view.text("zh")


def test_means_of_several_raters_and_levels_round_half_up():
    team = pd.DataFrame({"strategy": [4, 4, 3], "insight": [2, 3, 2], "design": [4, 3, 4],
                         "measurement": [3, 2, 3], "management": [3, 3, 3],
                         "culture": [4, 4, 1]})  # fmt: skip
    view = widgets.maturity_view(team.mean(), lang="en")  # a Series of means
    assert view.weakest == "insight"  # mean 2.33; culture has the lowest single rating (1)
    assert view.scores["insight"] == pytest.approx(7 / 3)
    half = widgets.maturity_view({**PROFILE, "measurement": 2.5, "design": 2.49})
    assert half.table.loc["measurement", "level"] == half.table.loc["insight", "level"]  # 3
    assert (
        half.table.loc["design", "level"]
        == widgets.maturity_view(PROFILE).table.loc["measurement", "level"]
    )  # 2.49 → 2


def test_other_names_of_the_components_are_understood():
    chinese = {"体验战略": 4, "体验认知": 3, "体验设计": 4, "体验测量": 2, "体验管理": 3, "文化": 3}
    english = {"Strategy": 4, "cognition": 3, "experience design": 4, "Measurement": 2,
               "management": 3, "CX-culture": 3}  # fmt: skip
    for scores in (chinese, english):
        view = widgets.maturity_view(scores, lang="en")
        assert view.scores.to_dict() == {k: float(v) for k, v in PROFILE.items()}


@pytest.mark.parametrize(
    ("scores", "words"),
    [
        ({k: v for k, v in PROFILE.items() if k != "culture"}, "No score for culture"),
        ({"strategy": 4}, "No score for insight, design, measurement, management, culture"),
        ({**PROFILE, "service": 3}, "No component 'service'"),
        ({**PROFILE, "体验设计": 3}, "'体验设计' names design, which has a score already"),
        ({**PROFILE, "design": 6}, "The score of design is 6"),
        ({**PROFILE, "design": 0.5}, "The score of design is 0.5"),
        ({**PROFILE, "design": math.nan}, "The score of design is nan"),
        ({**PROFILE, "design": True}, "The score of design is True"),
        ({**PROFILE, "design": "high"}, "The score of design is 'high'"),
        ([4, 3, 4, 2, 3, 3], "scores must be a dict"),
        ("strategy=4", "scores must be a dict"),
    ],
)
def test_bad_scores_are_clear_errors(scores, words):
    with pytest.raises(DataError) as caught:
        widgets.maturity_view(scores)
    assert words in str(caught.value)
    assert _cjk(caught.value.zh), "every message also has a Chinese text"


def test_scores_at_the_ends_of_the_scale_are_fine():
    view = widgets.maturity_view({**PROFILE, "strategy": 5, "measurement": 1})
    assert view.table.loc["strategy", "level"] in ("optimising", "优化级")
    assert view.weakest == "measurement"


def test_text_and_advice_in_both_languages():
    view = widgets.maturity_view(PROFILE, lang="zh")
    assert view.text() == view.text("zh")  # the view's language is the default
    assert view.text() == "客户体验管理成熟度 3.2（满分 5）· 首先改进：体验测量（2.0，最薄弱）"
    assert (
        view.text("en") == "CEM maturity 3.2 of 5 · work on first: measurement (2.0, the weakest)"
    )
    assert view.advice("en").startswith("Work on first: measurement. A first step: measure")
    assert view.advice().startswith("首先改进：体验测量。第一步：")
    assert view.table.loc["measurement", ["name", "level"]].tolist() == ["体验测量", "可重复级"]
    with pytest.raises(ValueError, match="'en' or 'zh'"):
        view.text("fr")


def test_the_default_language_is_the_notebooks():
    try:
        cx.viz.set_theme(lang="zh")
        assert widgets.maturity_view(PROFILE).lang == "zh"
        assert widgets.maturity_view(PROFILE, lang="en").lang == "en"
    finally:
        cx.viz.set_theme()
    assert widgets.maturity_view(PROFILE).lang == "en"


def test_radar_chart_marks_the_weakest_component():
    view = widgets.maturity_view(PROFILE, lang="en")
    ax = view.plot()
    assert ax.name == "polar"
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels == ["strategy", "customer insight", "design", "measurement", "management",
                      "culture"]  # fmt: skip
    outline = ax.lines[0].get_ydata()
    assert list(outline) == [4, 3, 4, 2, 3, 3, 4]  # closed ring
    marker = ax.collections[-1].get_offsets()[0]
    assert marker[1] == 2 and marker[0] == pytest.approx(3 * 2 * np.pi / 6)
    assert ax.get_legend().get_texts()[0].get_text() == "weakest"
    assert ax.get_ylim() == (0, 5)
    zh = view.plot(lang="zh")
    assert [t.get_text() for t in zh.get_xticklabels()][1] == "体验认知"
    assert zh.get_title() == "客户体验管理成熟度画像 · 平均 3.2（满分 5）"
    plt.close("all")


def test_radar_chart_into_a_polar_axes_only():
    view = widgets.maturity_view(PROFILE)
    fig = plt.figure()
    polar = fig.add_subplot(1, 2, 1, projection="polar")
    assert view.plot(ax=polar) is polar
    flat = fig.add_subplot(1, 2, 2)
    with pytest.raises(ValueError, match="polar"):
        view.plot(ax=flat)
    plt.close(fig)


# -- the app ----------------------------------------------------------------------------------
def _ok(app) -> None:
    assert app.result is not None, app.message.value
    assert app.message.value == ""
    assert app.summary.value and app.summary.layout.display is None
    assert bytes(app.figure.value).startswith(PNG)


def test_app_follows_its_sliders():
    app = widgets.cem_maturity(lang="en")
    _ok(app)
    assert set(app.controls) == set(widgets.CEM_COMPONENTS)
    assert all(c.value == 3 and (c.min, c.max) == (1, 5) for c in app.controls.values())
    assert "CEM maturity 3.0 of 5 · work on first: strategy" in app.summary.value  # all tie
    figure = app.figure.value
    app.controls["culture"].value = 1
    assert app.result.weakest == "culture" and "work on first: culture (1.0" in app.summary.value
    assert app.figure.value != figure
    assert "A first step: tell one customer story" in app.table.value
    app.controls["design"].value = 1  # design now ties with culture and comes first
    assert app.result.weakest == "design" and app.result.tied == ("culture",)


def test_app_starts_from_given_scores_in_whole_points():
    app = widgets.cem_maturity(pd.Series(PROFILE) - 0.4, lang="en")
    assert {c: s.value for c, s in app.controls.items()} == PROFILE  # 3.6 → 4, 1.6 → 2
    with pytest.raises(DataError, match="No score for culture"):
        widgets.cem_maturity({k: v for k, v in PROFILE.items() if k != "culture"})
    with pytest.raises(DataError, match="The score of design is 7"):
        widgets.cem_maturity({**PROFILE, "design": 7})


def test_app_speaks_chinese_and_switches_back_keeping_its_values():
    app = widgets.cem_maturity(PROFILE, lang="zh")
    _ok(app)
    assert _cjk(app.title.value) and _cjk(app.summary.value)
    assert [app.controls[c].description for c in widgets.CEM_COMPONENTS] == [
        "体验战略", "体验认知", "体验设计", "体验测量", "体验管理", "体验文化",
    ]  # fmt: skip
    assert all(_cjk(note.value) for note in app.notes.values())
    zh_summary = app.summary.value
    app.set_lang("en")
    _ok(app)
    assert not _cjk(app.title.value) and not _cjk(app.summary.value)
    assert not any(_cjk(note.value) for note in app.notes.values())
    assert app.values() == PROFILE
    app.set_lang("zh")
    assert app.summary.value == zh_summary


def test_each_slider_sits_next_to_its_description():
    app = widgets.cem_maturity(lang="en")
    rows = app.children[1].children
    assert len(rows) == 6
    for row, component in zip(rows, widgets.CEM_COMPONENTS, strict=True):
        assert row.children == (app.controls[component], app.notes[component])
    assert "from research" in app.notes["insight"].value


def test_app_follows_the_notebook_language():
    try:
        cx.viz.set_theme(lang="zh")
        assert widgets.cem_maturity().lang == "zh"
    finally:
        cx.viz.set_theme()
    assert widgets.cem_maturity().lang == "en"


# -- the lesson's data agree with the exercise ------------------------------------------------
@pytest.mark.parametrize("edition", ["", "zh/"])
def test_the_lessons_team_table_is_the_exercises(edition):
    """Exercise 01b.weakest is checked against ``TEAM``: the table the lesson builds must hold
    the same ratings of the same components (both editions)."""
    from cxlab.exercises.lesson01b import TEAM
    from cxlab.widgets._maturity import _key

    path = ROOT / "notebooks" / f"{edition}01b_cem_management_system.ipynb"
    if not path.is_file():
        pytest.skip(f"{path.name} not written yet")
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    sources = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    [source] = [s for s in sources if s.lstrip().startswith("team = pd.DataFrame(")]
    call = ast.parse(source).body[0].value
    table = ast.literal_eval(call.args[0])  # the zh edition names the components in Chinese
    assert {_key(name): ratings for name, ratings in table.items()} == TEAM
