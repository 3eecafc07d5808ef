"""Every figure of cxlab in the notebook's language (issue 18: "lang='zh' everywhere").

The package is walked for its public ``plot`` / ``plot_*`` methods and functions; each
must take ``lang`` (default None: the language of ``cx.viz.set_theme(lang=...)``) and is
drawn here from bundled data: with ``lang="zh"`` its texts (title, axis labels, legend,
annotations, tick labels) contain Chinese and render without a "Glyph … missing"
warning even under matplotlib's default rcParams (no ``set_theme``); with ``lang="en"``
no Chinese appears (the data here have English labels); with ``lang=None`` the figure
follows ``set_theme``. A new public plot without ``lang``, or without a drawing below,
fails :func:`test_every_plot_takes_lang_defaulting_to_the_notebook` /
:func:`test_every_plot_is_drawn_here`.
"""

from __future__ import annotations

import importlib
import inspect
import logging
import pkgutil
import re
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from typing import Any

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text

import cxlab as cx

CHINESE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _public_plots() -> dict[str, Callable[..., Any]]:
    """``module.Class.plot`` / ``module.plot_x`` → the function, for every public class
    or function defined in a cxlab module (private modules included: their result
    classes reach users)."""
    found: dict[str, Callable[..., Any]] = {}
    for info in pkgutil.walk_packages(cx.__path__, "cxlab."):
        module = importlib.import_module(info.name)
        for name, obj in vars(module).items():
            if name.startswith("_") or getattr(obj, "__module__", None) != module.__name__:
                continue
            if inspect.isclass(obj):
                for attr, fn in vars(obj).items():
                    if (attr == "plot" or attr.startswith("plot_")) and inspect.isfunction(fn):
                        found[f"{module.__name__}.{name}.{attr}"] = fn
            elif inspect.isfunction(obj) and (name == "plot" or name.startswith("plot_")):
                found[f"{module.__name__}.{name}"] = obj
    return found


PLOTS = _public_plots()


class Results:
    """The results whose plots are drawn, built once from bundled data (English labels)."""

    @cached_property
    def hs(self) -> pd.DataFrame:
        return cx.datasets.load("holzinger_swineford")

    @cached_property
    def efa(self) -> Any:
        return cx.psychometrics.efa(self.hs[[f"x{i}" for i in range(1, 10)]], n_iter=20, seed=0)

    @cached_property
    def validity(self) -> Any:
        fit = cx.psychometrics.cfa("visual =~ x1 + x2 + x3\nspeed =~ x7 + x8 + x9", self.hs)
        return cx.psychometrics.discriminant_validity(fit, B=30, seed=1)

    @cached_property
    def reliability(self) -> Any:
        scales = {"visual": ["x1", "x2", "x3"], "textual": ["x4", "x5", "x6"]}
        return cx.psychometrics.reliability(self.hs, scales)

    @cached_property
    def words(self) -> pd.DataFrame:
        reviews = ["breakfast was great", "breakfast too expensive", "friendly staff"]
        return cx.text.word_freq(reviews)

    @cached_property
    def comparison(self) -> Any:
        df = pd.DataFrame(
            {"g": ["a"] * 40 + ["b"] * 40, "s": [5, 4, 4, 2] * 10 + [5, 3, 2, 2] * 10}
        )
        return cx.metrics.compare(df, "csat", by="g", score="s")

    @cached_property
    def power(self) -> Any:
        from cxlab.simulate import PowerResult

        table = pd.DataFrame(
            {"n": [50, 100], "power": [0.5, 0.85], "ci_low": [0.4, 0.8], "ci_high": [0.6, 0.9]}
        )
        return PowerResult(table, "Y ~ X", 0.3, "z", 0.05, 100, 1, "", "")

    @cached_property
    def tx(self) -> pd.DataFrame:
        return cx.datasets.load("cdnow_sample")

    @cached_property
    def cal(self) -> pd.DataFrame:
        return cx.loyalty.clv_summary(
            self.tx, "customer_id", "date", "dollar_value", freq="D", freq_multiplier=7,
            calibration_end="1997-09-30",
        )  # fmt: skip

    @cached_property
    def bgnbd(self) -> Any:
        return cx.loyalty.fit_bgnbd(self.cal)

    @cached_property
    def loyalty_matrix(self) -> Any:
        att = pd.Series([6.5, 6.0, 2.0, 3.0, 5.5], index=[1, 2, 3, 4, 5], name="attitude")
        buys = pd.Series([9, 1, 12, 0, 7], index=[1, 2, 3, 4, 5], name="purchases")
        return cx.loyalty.loyalty_matrix(att, buys, thresholds=(5, 5))

    @cached_property
    def behaviour(self) -> Any:
        d = pd.DataFrame(
            {"li": [1, 2, 3, 4, 5, 6, 7, 2, 5, 6], "bought": [0, 0, 1, 0, 1, 1, 1, 1, 0, 1]}
        )
        return cx.loyalty.behaviour_model(d, "bought", ["li"], "logit")

    @cached_property
    def weights(self) -> Any:
        air = cx.datasets.load("airline_mot")
        mots = ["mot_booking", "mot_checkin", "mot_crew", "mot_meal"]
        return cx.drivers.relative_weights(air, "sat_overall", mots, B=0)

    @cached_property
    def pls(self) -> Any:
        return cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))

    @cached_property
    def pls_boot(self) -> Any:
        return self.pls.bootstrap(B=30, seed=1, n_jobs=1, progress=False)

    @cached_property
    def pls_mga(self) -> Any:
        ecsi = cx.datasets.load("ecsi_mobile")
        return cx.pls.mga(self.pls, ecsi["CUSCO"] >= 8, B=30, seed=1, n_jobs=1, progress=False)

    @cached_property
    def sem(self) -> Any:
        return cx.sem.fit("visual =~ x1 + a*x2 + b*x3\ntextual =~ x4 + x5 + x6", self.hs)

    @cached_property
    def sem_boot(self) -> Any:
        return self.sem.bootstrap(B=20, seed=1, n_jobs=1, progress=False)

    @cached_property
    def mc(self) -> Any:
        return self.sem.monte_carlo_ci(1000, seed=1)

    @cached_property
    def invariance(self) -> Any:
        model = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6"
        return cx.sem.invariance(model, self.hs, "school", levels=("configural", "metric"))

    @cached_property
    def baskets(self) -> pd.DataFrame:
        return cx.datasets.load("retail_baskets")


def _plot_draws(r: Results, lang: Any) -> Any:
    from cxlab.sem._draws import plot_draws

    boot = r.sem_boot
    return plot_draws(boot.table, boot.draws, "a", "bootstrap", None, level=boot.level, lang=lang)


def _plot_paths(r: Results, lang: Any) -> Any:
    from cxlab.pls._apply import plot_paths

    return plot_paths(r.pls, None, lang)


def _members() -> pd.DataFrame:
    """membership_churn with durations (months) for the survival plots."""
    members = cx.datasets.load("membership_churn")
    return cx.churn.durations(
        members, start="join_date", end="end_date", event="event", as_of="2025-06-30"
    )


_CHURN_MODEL: list[Any] = []


def _churn_model() -> Any:
    """A churn classifier on the membership_churn snapshots (fitted once)."""
    if not _CHURN_MODEL:
        snaps = cx.churn.example_snapshots()
        _CHURN_MODEL.append(
            cx.churn.classifier(
                snaps, "churned", ["visits_month", "complaints", "nps_latest", "plan"],
                time="quarter", cutoff="2025Q2",
            )
        )  # fmt: skip
    return _CHURN_MODEL[0]


#: one drawing per plot: (results, lang) → Axes or Figure
DRAW: dict[str, Callable[[Results, Any], Any]] = {
    "cxlab.churn._classifier.ChurnClassifier.plot": (
        lambda r, lang: _churn_model().plot(kind="calibration", lang=lang)
    ),
    "cxlab.churn._targeting.ProfitCurve.plot": (
        lambda r, lang: _churn_model().profit(value=600, cost=15, success=0.3).plot(lang=lang)
    ),
    "cxlab.churn._survival.KaplanMeier.plot": (
        lambda r, lang: cx.churn.kaplan_meier(_members(), group="plan").plot(lang=lang)
    ),
    "cxlab.churn._cox.CoxModel.plot": (
        lambda r, lang: cx.churn.cox(_members(), covariates=["plan", "complaints"]).plot(lang=lang)
    ),
    "cxlab.widgets._maturity.MaturityView.plot": (
        lambda r, lang: cx.widgets.maturity_view(
            {
                "strategy": 4,
                "insight": 3,
                "design": 4,
                "measurement": 2,
                "management": 3,
                "culture": 3,
            }
        ).plot(lang=lang)
    ),
    "cxlab.psychometrics._efa_result.EFA.plot": lambda r, lang: r.efa.plot(lang=lang),
    "cxlab.psychometrics.validity.DiscriminantValidity.plot": (
        lambda r, lang: r.validity.plot(lang=lang)
    ),
    "cxlab.psychometrics.scales.Reliability.plot": lambda r, lang: r.reliability.plot(lang=lang),
    "cxlab.text.frequencies.plot_words": lambda r, lang: cx.text.plot_words(r.words, lang=lang),
    "cxlab.metrics._results.ComparisonResult.plot": lambda r, lang: r.comparison.plot(lang=lang),
    "cxlab.simulate._power_result.PowerResult.plot": lambda r, lang: r.power.plot(lang=lang),
    "cxlab.simulate._study.EstimatorStudy.plot": (
        lambda r, lang: importlib.import_module("cxlab.simulate._study")._example().plot(lang=lang)
    ),
    "cxlab.loyalty._models.BGNBD.plot": lambda r, lang: r.bgnbd.plot(lang=lang),
    "cxlab.loyalty._models.GammaGamma.plot": (
        lambda r, lang: cx.loyalty.fit_gamma_gamma(r.cal).plot(lang=lang)
    ),
    "cxlab.loyalty._holdout.HoldoutCheck.plot": (
        lambda r, lang: cx.loyalty.holdout_check(r.bgnbd, r.cal).plot(lang=lang)
    ),
    "cxlab.loyalty._holdout.Tracking.plot": (
        lambda r, lang: cx.loyalty.tracking(r.bgnbd, r.tx, calibration_end="1997-09-30").plot(
            lang=lang
        )
    ),
    "cxlab.loyalty._results.Cohorts.plot": (
        lambda r, lang: cx.loyalty.cohorts(r.tx, period="M").plot(max_periods=4, lang=lang)
    ),
    "cxlab.loyalty._results.LoyaltyMatrix.plot": (lambda r, lang: r.loyalty_matrix.plot(lang=lang)),
    "cxlab.loyalty._results.BehaviourModel.plot": lambda r, lang: r.behaviour.plot(lang=lang),
    "cxlab.drivers._results.Importance.plot": (
        lambda r, lang: r.weights.plot(truth=r.weights.table["pct"], lang=lang)
    ),
    "cxlab.drivers._results.IPA.plot": (
        lambda r, lang: cx.drivers.ipa(
            {"a": 50, "b": 10, "c": 40}, {"a": 3, "b": 4.5, "c": 4}
        ).plot(lang=lang)
    ),
    "cxlab.pls._model.PLSFit.plot": lambda r, lang: r.pls.plot(lang=lang),
    "cxlab.pls._apply.plot_paths": _plot_paths,
    "cxlab.pls._apply.IPMA.plot": (
        lambda r, lang: r.pls.ipma("Loyalty", scale=(1, 10)).plot("indicators", lang=lang)
    ),
    "cxlab.pls._apply.PLSPredict.plot": (
        lambda r, lang: r.pls.predict(k=5, seed=1).plot(lang=lang)
    ),
    "cxlab.pls._boot.PLSBootstrap.plot": lambda r, lang: r.pls_boot.plot(lang=lang),
    "cxlab.pls._mga.PLSMGA.plot": lambda r, lang: r.pls_mga.plot(lang=lang),
    "cxlab.pls._micom.MICOM.plot": lambda r, lang: r.pls_mga.micom.plot(lang=lang),
    "cxlab.pls._slopes.SimpleSlopes.plot": (
        lambda r, lang: (
            cx.pls.fit(
                "Image =~ IMAG1 + IMAG2 + IMAG3\nExpectation =~ CUEX1 + CUEX2 + CUEX3\n"
                "Satisfaction =~ CUSA1 + CUSA2 + CUSA3\n"
                "Satisfaction ~ Image + Expectation + Image:Expectation",
                cx.datasets.load("ecsi_mobile"),
            )
            .simple_slopes("Expectation")
            .plot(lang=lang)
        )
    ),
    "cxlab.sem._semfit.SEMFit.plot": lambda r, lang: r.sem.plot(lang=lang),
    "cxlab.sem.diagram.plot_path": (
        lambda r, lang: cx.sem.diagram.plot_path(r.sem, lang=lang, show_indicators=False)
    ),
    "cxlab.sem.bootstrap.BootstrapResult.plot": (
        lambda r, lang: r.sem_boot.plot(parameter="a", lang=lang)
    ),
    "cxlab.sem._draws.plot_draws": _plot_draws,
    "cxlab.sem.effects.MonteCarloResult.plot": (
        lambda r, lang: r.mc.plot(parameter="b", lang=lang)
    ),
    "cxlab.sem._invariance.InvarianceResult.plot": (lambda r, lang: r.invariance.plot(lang=lang)),
    "cxlab.journey._map.JourneyMap.plot": (
        lambda r, lang: cx.journey.journey_map(
            cx.datasets.load("hotel_journey"),
            cx.journey.HOTEL_STAGES,
            group="segment",
            touchpoint="touchpoint",
            channel="channel",
        ).plot(lang=lang)
    ),
    "cxlab.journey._peak_end.PeakEnd.plot": (
        lambda r, lang: cx.journey.peak_end(
            cx.datasets.load("hotel_journey"), cx.journey.HOTEL_STAGES, B=50, seed=1
        ).plot(lang=lang)
    ),
    "cxlab.journey._blueprint.Blueprint.plot": (
        lambda r, lang: cx.journey.blueprint(cx.journey.example_blueprint("en")).plot(lang=lang)
    ),
    "cxlab.segment._basket.BasketRules.plot": (
        lambda r, lang: cx.segment.rules(r.baskets).plot(lang=lang)
    ),
    "cxlab.segment._recommend.HoldoutResult.plot": (
        lambda r, lang: cx.segment.evaluate(r.baskets, cut="2025-10-01").plot(lang=lang)
    ),
    "cxlab.segment._result.Profiles.plot": (
        lambda r, lang: (
            importlib.import_module("cxlab.segment._profiles")._example().plot(lang=lang)
        )
    ),
    "cxlab.experiments._ab.ABTestResult.plot": (
        lambda r, lang: cx.experiments.ab_test(
            pd.DataFrame({"arm": ["A", "B"] * 60, "buy": [1, 0, 0, 1, 0, 0] * 20}),
            "buy",
            "arm",
            kind="proportion",
        ).plot(lang=lang)
    ),
    "cxlab.experiments._power.PowerResult.plot": (
        lambda r, lang: cx.experiments.sample_size("nps", (0.45, 0.2), 5).plot(lang=lang)
    ),
    "cxlab.experiments._peeking.PeekingResult.plot": (
        lambda r, lang: cx.experiments.peeking_simulation(20, 5, reps=2000, seed=1).plot(lang=lang)
    ),
    "cxlab.experiments._uplift.UpliftResult.plot": (
        lambda r, lang: cx.experiments.uplift(
            cx.experiments.simulate_campaign(seed=7),
            "campaign",
            "renewed",
            ["usage", "tenure"],
            seed=1,
        ).plot(lang=lang)
    ),
    "cxlab.profit_chain._link.Linked.plot": (
        lambda r, lang: cx.profit_chain.link(*cx.profit_chain.example_data()).plot(lang=lang)
    ),
    "cxlab.profit_chain._multilevel.Multilevel.plot": (
        lambda r, lang: cx.profit_chain.multilevel(
            cx.profit_chain.example_data()[0], "esat ~ isq", centre=["isq"]
        ).plot(lang=lang)
    ),
    "cxlab.profit_chain._paths.UnitPaths.plot": (
        lambda r, lang: cx.profit_chain.unit_paths(
            cx.profit_chain.link(*cx.profit_chain.example_data())
        ).plot(lang=lang)
    ),
    "cxlab.experiments._did.DiDResult.plot": (
        lambda r, lang: cx.experiments.did(
            cx.datasets.load("store_rollout"),
            "nps",
            unit="store_id",
            time="month",
            treated="programme",
            start="2026-01",
        ).plot(lang=lang)
    ),
    "cxlab.experiments._event.EventStudy.plot": (
        lambda r, lang: cx.experiments.event_study(
            cx.datasets.load("store_rollout"),
            "nps",
            unit="store_id",
            time="month",
            treated="programme",
            start="2026-01",
            B=0,
        ).plot(lang=lang)
    ),
    "cxlab.experiments._selection.ProgrammeEffect.plot": (
        lambda r, lang: cx.experiments.programme_effect(
            cx.datasets.load("store_rollout_customers"),
            "post_spend",
            member="member",
            covariates=["pre_spend", "pre_visits", "tenure_years"],
        ).plot(lang=lang)
    ),
}


@pytest.fixture(scope="module")
def results() -> Results:
    return Results()


@contextmanager
def _plain_matplotlib() -> Iterator[None]:
    """matplotlib's own defaults (DejaVu Sans only: no Chinese glyphs), as in a notebook
    that never called ``cx.viz.set_theme``; restored afterwards."""
    with matplotlib.rc_context():
        matplotlib.rcParams.update(matplotlib.rcParamsDefault)
        matplotlib.rcParams["backend"] = "Agg"
        yield


def _figure(drawn: Any) -> Figure:
    return drawn if isinstance(drawn, Figure) else drawn.figure


def _render(
    draw: Callable[[], Any], caplog: pytest.LogCaptureFixture
) -> tuple[list[str], list[str]]:
    """Draw and render a figure; its texts and the missing-glyph / missing-font messages."""
    caplog.clear()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with caplog.at_level(logging.WARNING, logger="matplotlib"):
            fig = _figure(draw())
            fig.canvas.draw()
    texts = [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text()]
    plt.close(fig)
    problems = [str(w.message) for w in caught if "Glyph" in str(w.message)]
    problems += [r.getMessage() for r in caplog.records if "font" in r.getMessage().lower()]
    return texts, problems


def _chinese(texts: list[str]) -> list[str]:
    return [t for t in texts if CHINESE.search(t)]


def test_the_walk_finds_the_plots():
    """The walk sees plot methods of result classes in private modules and functions."""
    assert "cxlab.loyalty._results.LoyaltyMatrix.plot" in PLOTS
    assert "cxlab.sem.diagram.plot_path" in PLOTS
    assert "cxlab.text.frequencies.plot_words" in PLOTS
    assert len(PLOTS) >= 26


@pytest.mark.parametrize("name", sorted(PLOTS))
def test_every_plot_takes_lang_defaulting_to_the_notebook(name):
    lang = inspect.signature(PLOTS[name]).parameters.get("lang")
    assert lang is not None, f"{name} has no lang parameter"
    assert lang.default is None, f"{name}: lang should default to None (cx.viz.language())"


def test_save_path_follows_the_notebook_too():
    lang = inspect.signature(cx.sem.diagram.save_path).parameters["lang"]
    assert lang.default is None


def test_every_plot_is_drawn_here():
    assert set(PLOTS) == set(DRAW), "add a drawing to DRAW for each new plot"


def test_control_plain_matplotlib_lacks_chinese_glyphs(caplog):
    """Without the figure's own font family, Chinese words would warn: the check bites."""
    with _plain_matplotlib():
        _, problems = _render(lambda: plt.subplots()[1].set_title("客户满意度"), caplog)
    assert any("Glyph" in p for p in problems)


@pytest.mark.parametrize("name", sorted(DRAW))
def test_zh_plot_speaks_chinese_without_missing_glyphs(name, results, caplog):
    with _plain_matplotlib():
        texts, problems = _render(lambda: DRAW[name](results, "zh"), caplog)
    assert _chinese(texts), f"{name}: no Chinese among {texts}"
    assert not problems, problems


@pytest.mark.parametrize("name", sorted(DRAW))
def test_en_plot_has_no_chinese(name, results, caplog):
    with _plain_matplotlib():
        texts, problems = _render(lambda: DRAW[name](results, "en"), caplog)
    assert not _chinese(texts), f"{name}: Chinese in an English figure: {_chinese(texts)}"
    assert not problems, problems


@pytest.mark.parametrize("name", sorted(DRAW))
def test_default_language_follows_set_theme(name, results, caplog):
    with matplotlib.rc_context():
        try:
            cx.viz.set_theme(lang="zh")
            zh, _ = _render(lambda: DRAW[name](results, None), caplog)
            cx.viz.set_theme(lang="en")
            en, _ = _render(lambda: DRAW[name](results, None), caplog)
        finally:
            cx.viz.set_theme(lang="en")
    assert cx.viz.language() == "en"
    assert _chinese(zh), f"{name}: set_theme(lang='zh') but no Chinese in {zh}"
    assert not _chinese(en), f"{name}: set_theme(lang='en') but Chinese in {_chinese(en)}"


def test_loyalty_matrix_cells_use_the_lessons_words(results):
    ax = results.loyalty_matrix.plot(lang="zh")
    cells = [t.get_text().splitlines()[0] for t in ax.texts]
    plt.close(ax.figure)
    assert cells == ["真正忠诚", "潜在忠诚", "虚假忠诚", "不忠诚"]


def test_english_words_are_unchanged(results):
    """lang="en" draws the words the plots drew before they spoke Chinese."""
    boot = results.sem_boot
    ax = boot.plot(parameter="a", lang="en")
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[0] == boot.table.attrs["ci"]
    mc = results.mc
    ax2 = mc.plot(parameter="b", lang="en")
    assert ax2.get_legend().get_texts()[0].get_text() == mc.table.attrs["ci"]
    ax3 = results.invariance.plot(lang="en")
    assert ax3.get_title() == "Invariance across school: highest level that holds: metric"
    plt.close("all")


#: plots drawn into an axes the user made before (its title and labels already exist)
ON_AXES: dict[str, Callable[[Results, Any], Any]] = {
    "BehaviourModel": lambda r, ax: r.behaviour.plot(ax=ax, lang="zh"),
    "InvarianceResult": lambda r, ax: r.invariance.plot(ax=ax, lang="zh"),
    "IPMA": lambda r, ax: r.pls.ipma("Loyalty", scale=(1, 10)).plot(ax=ax, lang="zh"),
    "plot_words": lambda r, ax: cx.text.plot_words(r.words, ax=ax, lang="zh"),
    "Cohorts": lambda r, ax: cx.loyalty.cohorts(r.tx, period="M").plot(ax=ax, lang="zh"),
}


@pytest.mark.parametrize("name", sorted(ON_AXES))
def test_zh_plot_into_an_existing_axes_has_no_missing_glyphs(name, results, caplog):
    def draw() -> Any:
        fig, ax = plt.subplots()
        fig.canvas.draw()  # the axes' texts and ticks exist, in DejaVu Sans
        ON_AXES[name](results, ax)
        return fig

    with _plain_matplotlib():
        texts, problems = _render(draw, caplog)
    assert _chinese(texts)
    assert not problems, problems
