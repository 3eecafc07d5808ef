"""cxlab.widgets: each app's pure function, and the app itself driven headless — set a
control, check that the output moves the right way, and that bad input shows a
readable message instead of raising."""

from __future__ import annotations

import ipywidgets
import numpy as np
import pytest

import cxlab as cx
from cxlab import widgets
from cxlab.errors import DataError, EstimationError, InadmissibleSolutionError, ModelSpecError

PNG = b"\x89PNG"
SMALL_SEM = "X =~ 0.8*x1 + 0.8*x2 + 0.7*x3\nM =~ 0.8*m1 + 0.8*m2 + 0.7*m3\n" + (
    "Y =~ 0.8*y1 + 0.8*y2 + 0.7*y3\nM ~ 0.5*X\nY ~ 0.4*M + 0.1*X"
)


def _ok(app) -> None:
    """The app shows a result: no message, a summary, a PNG figure."""
    assert app.result is not None, app.message.value
    assert app.message.value == ""
    assert app.summary.value and app.summary.layout.display is None
    assert bytes(app.figure.value).startswith(PNG)


def _failed(app, *words: str) -> None:
    """The app shows a readable message (no traceback) in place of its result."""
    assert app.result is None
    text = app.message.value
    assert all(word in text for word in words), text
    assert "Traceback" not in text and 'File "' not in text
    assert app.summary.layout.display == "none" and app.figure.layout.display == "none"


# -- NPS -----------------------------------------------------------------------------------
def test_nps_scenario_matches_metrics_and_narrows_with_n():
    s = widgets.nps_scenario(50, 20, 400)
    assert s.nps == pytest.approx(30) and s.passives == pytest.approx(30)
    expected = cx.metrics.nps_from_counts(200, 120, 80, ci="wald")  # the widget starts on Wald
    assert s.table["ci_low"].iloc[0] == pytest.approx(expected["ci_low"].iloc[0])
    quadrupled = widgets.nps_scenario(50, 20, 1600)
    assert quadrupled.margin == pytest.approx(s.margin / 2, rel=0.01)
    # the simulated surveys spread as the standard error says
    assert s.draws.std() == pytest.approx(s.table["se"].iloc[0], rel=0.1)
    assert s.draws.mean() == pytest.approx(30, abs=0.5)
    more = widgets.nps_scenario(60, 20, 400)
    assert more.table["nps"].iloc[0] > s.table["nps"].iloc[0]
    assert np.array_equal(widgets.nps_scenario(50, 20, 400).draws, s.draws)  # seeded


@pytest.mark.parametrize(
    ("p", "d", "n", "words"),
    [(70, 40, 400, "add up to 110 %"), (-5, 20, 400, "between 0 and 100"), (50, 20, 0, "n must")],
)
def test_nps_scenario_bad_input(p, d, n, words):
    with pytest.raises(DataError, match=words):
        widgets.nps_scenario(p, d, n)


def test_nps_simulator_follows_its_sliders():
    app = widgets.nps_simulator()
    assert isinstance(app, ipywidgets.VBox)
    _ok(app)
    assert "NPS +30.0" in app.summary.value
    figure = app.figure.value
    app.controls["promoters"].value = 60
    assert "NPS +40.0" in app.summary.value and app.figure.value != figure
    margin = app.result.margin
    app.controls["n"].value = 1600
    assert app.result.margin < margin / 1.9 and "n = 1,600" in app.summary.value
    app.controls["ci"].value = "adjusted-wald"
    assert app.result.table["method"].iloc[0] == "adjusted-wald"


def test_nps_simulator_shows_impossible_shares_as_a_message():
    app = widgets.nps_simulator()
    app.controls["promoters"].value = 70
    app.controls["detractors"].value = 40  # 110 %: must not raise
    _failed(app, "add up to 110 %", "cannot exceed 100 %")
    app.controls["detractors"].value = 10
    _ok(app)
    assert "NPS +60.0" in app.summary.value


# -- SEM what-if ---------------------------------------------------------------------------
def test_with_paths_and_structural_paths():
    changed = widgets.with_paths(SMALL_SEM, {"Y ~ M": 0.6, "M~X": -0.2})
    paths = widgets.structural_paths(changed).set_index("path")["value"]
    assert paths.to_dict() == {"M ~ X": -0.2, "Y ~ M": 0.6, "Y ~ X": 0.1}
    assert cx.simulate.parse(changed).query("op == '=~'")["value"].tolist()[:2] == [0.8, 0.8]
    with pytest.raises(ModelSpecError, match="No structural path 'Y ~ Z'"):
        widgets.with_paths(SMALL_SEM, {"Y ~ Z": 0.3})


def test_what_if_recovers_the_paths_it_is_given():
    weak = widgets.what_if(SMALL_SEM, {"Y ~ M": 0.1}, n=800, seed=3)
    strong = widgets.what_if(SMALL_SEM, {"Y ~ M": 0.7}, n=800, seed=3)
    est = {
        w: r.paths.set_index(["from", "to"]).loc[("M", "Y")] for w, r in [(0, weak), (1, strong)]
    }
    assert est[0]["truth"] == 0.1 and est[1]["truth"] == 0.7
    assert est[1]["est"] - est[0]["est"] > 0.45
    assert abs(est[1]["est"] - 0.7) < 0.08
    # the total effect of X on Y: truth 0.1 + 0.5 · 0.7
    total = strong.totals.set_index(["from", "to"]).loc[("X", "Y")]
    assert total["truth"] == pytest.approx(0.45) and abs(total["est"] - 0.45) < 0.08


def test_what_if_intervals_narrow_as_n_grows():
    small = widgets.what_if(SMALL_SEM, n=100, seed=2)
    large = widgets.what_if(SMALL_SEM, n=1600, seed=2)
    width = {
        k: (r.paths["ci_high"] - r.paths["ci_low"]).mean() for k, r in [(0, small), (1, large)]
    }
    assert width[1] < width[0] / 3  # 16× the sample: about a quarter of the width


def test_what_if_raises_readable_errors():
    with pytest.raises(ModelSpecError, match=r"R² = .* ≥ 1"):
        widgets.what_if(SMALL_SEM, {"Y ~ M": 0.9, "Y ~ X": 0.6})
    with pytest.raises(InadmissibleSolutionError, match="cannot be reported"):
        widgets.what_if(values={"Loyalty ~ Satisfaction": 0.99}, n=100, seed=6)


def test_sem_what_if_refits_when_a_slider_moves():
    app = widgets.sem_what_if()  # hotel_4e's truth, fitted with the 4E template
    _ok(app)
    path = "Memory ~ Esthetics"
    assert app.controls[path].value == pytest.approx(0.45)
    before = app.result.paths.set_index(["from", "to"]).loc[("Esthetics", "Memory"), "est"]
    app.controls[path].value = 0.75
    after = app.result.paths.set_index(["from", "to"]).loc[("Esthetics", "Memory")]
    assert after["truth"] == pytest.approx(0.75) and after["est"] > before + 0.2
    width = (app.result.paths["ci_high"] - app.result.paths["ci_low"]).mean()
    app.controls["n"].value = 1200
    assert (app.result.paths["ci_high"] - app.result.paths["ci_low"]).mean() < width / 1.7
    app.reset.click()
    assert app.controls[path].value == pytest.approx(0.45)
    assert app.result.paths.set_index(["from", "to"]).loc[("Esthetics", "Memory"), "truth"] == 0.45


def test_sem_what_if_shows_impossible_and_inadmissible_models_as_messages(monkeypatch):
    app = widgets.sem_what_if(n=100, seed=17)
    _ok(app)
    app.controls["Loyalty ~ Satisfaction"].value = 0.95  # a Heywood case at n = 100
    _failed(app, "cannot be reported", "Loyalty")
    app.controls["Loyalty ~ Satisfaction"].value = 0.6
    _ok(app)
    app.controls["Memory ~ Esthetics"].value = 0.95  # R² of Memory above 1
    _failed(app, "Memory", "≥ 1")
    app.controls["Memory ~ Esthetics"].value = 0.45

    def no_convergence(*args, **kwargs):
        raise EstimationError("The estimation did not converge after 1000 iterations.")

    monkeypatch.setattr(cx.sem, "fit", no_convergence)
    app.controls["n"].value = 200
    _failed(app, "did not converge")

    def crash(*args, **kwargs):
        raise ZeroDivisionError("float division by zero")

    monkeypatch.setattr(cx.sem, "fit", crash)
    app.controls["n"].value = 300
    _failed(app, "Something unexpected", "ZeroDivisionError")


# -- IPA -------------------------------------------------------------------------------------
MOTS = ["mot_booking", "mot_checkin", "mot_boarding", "mot_crew", "mot_meal", "mot_arrival"]


@pytest.fixture(scope="module")
def air():
    return cx.datasets.load("airline_mot")


def test_ipa_view_uses_the_rows_and_method_asked_for(air):
    everyone = widgets.ipa_view(air, "nps_score", MOTS)
    problem = widgets.ipa_view(air, "nps_score", MOTS, subset="had_problem == True")
    assert everyone.importance.n == 1000 and problem.importance.n == int(air["had_problem"].sum())
    assert everyone.grid.table.loc["mot_crew", "performance"] == pytest.approx(
        air["mot_crew"].mean()
    )
    assert (
        problem.grid.table.loc["mot_arrival", "importance"]
        != everyone.grid.table.loc["mot_arrival", "importance"]
    )
    shapley = widgets.ipa_view(air, "nps_score", MOTS, method="shapley")
    assert shapley.importance.method != everyone.importance.method
    assert shapley.importance.r2 == pytest.approx(everyone.importance.r2)
    median = widgets.ipa_view(air, "nps_score", MOTS, cut="median")
    assert median.grid.cuts["importance"] != everyone.grid.cuts["importance"]


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"drivers": ["mot_crew"]}, "at least two drivers"),
        ({"drivers": ["nps_score", "mot_crew"]}, "own drivers"),
        ({"subset": "cabin ==="}, "pandas query"),
        ({"drivers": ["mot_crew", "nope"]}, "No column"),
    ],
)
def test_ipa_view_bad_input(air, kwargs, words):
    args = {"drivers": MOTS} | kwargs
    with pytest.raises(DataError, match=words):
        widgets.ipa_view(air, "nps_score", args.pop("drivers"), **args)


def test_ipa_explorer_follows_its_controls():
    app = widgets.ipa_explorer()
    _ok(app)
    assert "n = 1,000" in app.summary.value
    app.controls["subset"].value = "`had_problem` == True"
    assert "n = 1,000" not in app.summary.value and "had_problem == True" in app.summary.value
    app.controls["drivers"].value = ("mot_crew",)
    _failed(app, "at least two drivers")
    app.controls["drivers"].value = ("mot_crew", "mot_meal", "mot_arrival")
    _ok(app)
    assert sorted(app.result.grid.table.index) == ["mot_arrival", "mot_crew", "mot_meal"]


# -- journey -----------------------------------------------------------------------------------
STAGES = ["visit", "browse", "cart", "checkout", "purchase"]


@pytest.fixture(scope="module")
def events():
    return cx.datasets.load("journey_events")


def test_funnel_view_filters_sessions_by_their_first_day(events):
    everything = widgets.funnel_view(events, STAGES)
    assert everything.equals(cx.journey.funnel(events, STAGES))
    black_friday = widgets.funnel_view(events, STAGES, start="2025-11-28", end="2025-11-28")
    assert black_friday["sessions"].iloc[0] < everything["sessions"].iloc[0] / 10
    assert black_friday["conversion"].iloc[-1] < everything["conversion"].iloc[-1] - 0.1
    split = widgets.funnel_view(events, STAGES, by="segment")
    assert set(split["segment"]) == {"new", "returning"}
    with pytest.raises(DataError, match=r"starts .* after it ends"):
        widgets.funnel_view(events, STAGES, start="2025-12-01", end="2025-11-01")
    with pytest.raises(DataError, match="No session started"):
        widgets.funnel_view(events, STAGES, start="2026-01-01")


def test_journey_explorer_follows_its_controls():
    app = widgets.journey_explorer()
    _ok(app)
    assert "all: 5.2% of 40,947 sessions" in app.summary.value
    app.controls["by"].value = "segment"
    assert "new:" in app.summary.value and "returning:" in app.summary.value
    app.controls["period"].value = ("2025-11-28", "2025-11-28")
    assert app.summary.value.count("2025-11-28") == 2
    assert app.result["sessions"].iloc[0] < 5000


# -- survey constructs ------------------------------------------------------------------------
def test_construct_view_items_wording_and_reliability():
    view = widgets.construct_view("hotel_4e", "Esthetics")
    assert list(view.items.index) == ["est1", "est2", "est3"]
    assert view.distribution.shape == (3, 7)
    assert np.allclose(view.distribution.sum(axis=1), 100)
    assert "strongly agree" not in view.items["wording"].iloc[0]  # scale note removed
    rel = cx.psychometrics.reliability(
        cx.datasets.load("hotel_4e"), {"E": ["est1", "est2", "est3"]}
    )
    assert view.reliability["alpha"] == pytest.approx(rel.scales["alpha"].iloc[0])
    zh = widgets.construct_view("hotel_4e", "Esthetics", lang="zh")
    assert (
        zh.label.startswith("审美体验")
        and zh.items["wording"].str.contains("[\u4e00-\u9fff]").all()
    )
    forgot = widgets.construct_view("hotel_4e", "Escapism", reverse=False)
    assert (
        forgot.reliability["alpha"]
        < 0
        < widgets.construct_view("hotel_4e", "Escapism").reliability["alpha"]
    )
    with pytest.raises(DataError, match="No construct 'Joy'"):
        widgets.construct_view("hotel_4e", "Joy")


def test_survey_explorer_follows_its_controls():
    app = widgets.survey_explorer("hotel_4e")
    _ok(app)
    app.controls["construct"].value = "Escapism"
    alpha = app.result.reliability["alpha"]
    assert "Escapism: 3 items" in app.summary.value
    app.controls["reverse"].value = False
    assert app.result.reliability["alpha"] < alpha - 0.5
    app.controls["lang"].value = "zh"
    assert "逃避现实体验" in app.summary.value and "反向题" in app.table.value


# -- languages and the dashboard ------------------------------------------------------------
def _cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_every_word_of_the_apps_exists_in_both_languages():
    import string

    from cxlab.widgets._text import TEXT

    assert TEXT["en"].keys() == TEXT["zh"].keys()
    fields = string.Formatter()
    for key, en in TEXT["en"].items():
        zh = TEXT["zh"][key]
        assert {f[1] for f in fields.parse(en) if f[1]} == {
            f[1] for f in fields.parse(zh) if f[1]
        }, key
        chinese_punctuation = any("\uff00" <= ch <= "\uffef" for ch in zh)
        assert _cjk(zh) or chinese_punctuation, f"{key}: {zh!r} has no Chinese"


@pytest.mark.parametrize(
    "factory",
    [
        widgets.nps_simulator,
        widgets.ipa_explorer,
        widgets.journey_explorer,
        widgets.survey_explorer,
    ],
)
def test_apps_speak_chinese_and_switch_back_keeping_their_values(factory):
    app = factory(lang="zh")
    _ok(app)
    assert _cjk(app.title.value)
    labels = [c.description for c in app.controls.values() if c.description]
    assert labels and all(_cjk(d) for d in labels), labels
    zh_summary = app.summary.value
    assert _cjk(zh_summary)
    values = app.values()
    app.set_lang("en")
    _ok(app)
    assert not _cjk(app.title.value) and not _cjk(app.summary.value)
    assert {k: v for k, v in app.values().items() if k != "lang"} == {
        k: v for k, v in values.items() if k != "lang"
    }
    app.set_lang("zh")
    assert app.summary.value == zh_summary  # same numbers, same words
    with pytest.raises(ValueError, match="'en' or 'zh'"):
        app.set_lang("fr")


def test_nps_simulator_in_chinese_recomputes_and_explains_impossible_shares_in_chinese():
    app = widgets.nps_simulator(lang="zh")
    app.controls["promoters"].value = 62
    assert "净推荐值 +42.0" in app.summary.value
    app.controls["promoters"].value = 90  # 90 % + 20 %
    assert app.result is None
    assert "不能超过 100%" in app.message.value and "110" in app.message.value


def test_sem_what_if_in_chinese_explains_an_impossible_model_in_chinese():
    app = widgets.sem_what_if(n=100, seed=17, lang="zh")
    _ok(app)
    assert "路径估计与真实值平均相差" in app.summary.value
    assert app.reset.description == "恢复模型原值"
    app.controls["Memory ~ Esthetics"].value = 0.95  # R² of Memory above 1
    assert app.result is None and "Memory" in app.message.value and "≥ 1" in app.message.value
    assert _cjk(app.message.value)


def test_a_message_without_chinese_text_is_introduced_in_chinese():
    from cxlab.widgets._text import error_text

    text = error_text(EstimationError("did not converge"), "zh")
    assert text.startswith("无法计算") and text.endswith("did not converge")


def test_dashboard_switches_language_and_projector_mode():
    board = widgets.dashboard(lang="zh")
    assert set(board.apps) == {"nps", "sem", "ipa", "journey", "survey"}
    assert "教师演示面板" in board.header.value
    assert all(_cjk(app.title.value) for app in board.apps.values())
    board.apps["nps"].controls["promoters"].value = 55
    board.language.value = "en"  # the switch
    assert "instructor dashboard" in board.header.value
    assert all(not _cjk(app.title.value) for app in board.apps.values())
    assert "NPS +35.0" in board.apps["nps"].summary.value  # the slider kept its value
    assert "cx-projector" not in board._dom_classes
    board.projector.value = True
    assert "cx-projector" in board._dom_classes
    assert board.apps["ipa"].controls["outcome"].style.description_width == "330px"
    board.projector.value = False
    assert "cx-projector" not in board._dom_classes


def test_apps_follow_the_notebook_language_unless_told():
    cx.viz.set_theme(lang="zh")
    try:
        assert widgets.nps_simulator().lang == "zh"
        assert widgets.nps_simulator(lang="en").lang == "en"
    finally:
        cx.viz.set_theme()
    assert widgets.nps_simulator().lang == "en"
