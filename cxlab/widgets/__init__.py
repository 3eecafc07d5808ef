"""Interactive lessons for instructors: ipywidgets apps over cxlab's own functions.

Drag a slider and let the room see what happens — to NPS when detractors fall, to a
loyalty path when memory strengthens, to a confidence interval when the sample doubles.
Each app wraps one *pure* function (in :mod:`cxlab.widgets.logic`, re-exported here),
which does all the work and is tested without a browser:

=========================  ==========================  =========================================
app                        pure function               built on
=========================  ==========================  =========================================
:func:`nps_simulator`      :func:`nps_scenario`        :func:`cxlab.metrics.nps_from_counts`
:func:`sem_what_if`        :func:`what_if`             :func:`cxlab.simulate.simulate`,
                                                       :func:`cxlab.sem.fit`, ``fit.effects()``
:func:`ipa_explorer`       :func:`ipa_view`            :func:`cxlab.drivers.relative_weights`,
                                                       :func:`cxlab.drivers.ipa`
:func:`journey_explorer`   :func:`funnel_view`         :func:`cxlab.journey.funnel`
:func:`survey_explorer`    :func:`construct_view`      :func:`cxlab.psychometrics.reliability`
:func:`cem_maturity`       :func:`maturity_view`       the six components of a CEM system
                                                       (lesson 01b)
=========================  ==========================  =========================================

Bad input never ends in a traceback inside an app: shares above 100 %, a what-if model
whose paths explain more than all of a variable, a refit that does not converge or is
inadmissible — the pure function raises a :class:`~cxlab.errors.CxlabError` whose
message says what is wrong, and the app shows that message in place of its result.

Every app is an ``ipywidgets.VBox`` with ``controls`` (name → widget), ``result`` (the
pure function's latest answer, ``None`` after an error), ``summary`` (the key numbers as
HTML), ``figure`` (a PNG image), ``table`` and ``message``. In a lesson, end a cell with
the app; ``make present`` serves notebooks/instructor/dashboard.ipynb with Voila.

Every app takes ``lang="zh"`` (Chinese labels, summaries, figures, tables and messages;
default: the notebook's language, set by ``cx.viz.set_theme(lang=...)``)
and switches language while it runs (``app.set_lang("en")``); :func:`dashboard` puts the
five together with a 中文 / English switch and a projector mode.

Examples
--------
>>> import cxlab as cx
>>> s = cx.widgets.nps_scenario(promoters=50, detractors=20, n=400)
>>> print(s.text())
NPS +30.0 · 95 % CI 22.3 to 37.7 (± 7.7 points) · n = 400
>>> cx.widgets.nps_scenario(promoters=70, detractors=40, n=400)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
cxlab.errors.DataError: Promoters (70 %) and detractors (40 %) add up to 110 %: shares cannot ...
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from cxlab.widgets._maturity import CEM_COMPONENTS, MaturityView, maturity_view
from cxlab.widgets.logic import (
    ConstructView,
    IPAView,
    NPSScenario,
    WhatIf,
    construct_view,
    funnel_view,
    ipa_view,
    nps_scenario,
    structural_paths,
    what_if,
    with_paths,
)

if TYPE_CHECKING:
    import pandas as pd

    from cxlab.survey import Survey
    from cxlab.widgets._apps import NPSSimulator, SEMWhatIf
    from cxlab.widgets._dashboard import Dashboard
    from cxlab.widgets._explorers import IPAExplorer, JourneyExplorer, SurveyExplorer
    from cxlab.widgets._maturity import CEMMaturity
    from cxlab.widgets._text import Lang

__all__ = [
    "CEM_COMPONENTS",
    "ConstructView",
    "IPAView",
    "MaturityView",
    "NPSScenario",
    "WhatIf",
    "cem_maturity",
    "construct_view",
    "dashboard",
    "funnel_view",
    "ipa_explorer",
    "ipa_view",
    "journey_explorer",
    "maturity_view",
    "nps_scenario",
    "nps_simulator",
    "sem_what_if",
    "structural_paths",
    "survey_explorer",
    "what_if",
    "with_paths",
]


# -- the apps ----------------------------------------------------------------------------
def nps_simulator(
    promoters: float = 50,
    detractors: float = 20,
    n: int = 400,
    *,
    seed: int = 0,
    lang: Lang | None = None,
) -> NPSSimulator:
    """Sliders for the shares of promoters and detractors and for n → NPS, its interval
    and the sampling distribution of simulated surveys (wraps :func:`nps_scenario`).

    Shares adding up to more than 100 % show a message instead of a result.

    Examples
    --------
    >>> import cxlab as cx
    >>> app = cx.widgets.nps_simulator(promoters=45, detractors=25, n=800)
    >>> print(app.result.text())  # what the room sees above the figure
    NPS +20.0 · 95 % CI 14.4 to 25.6 (± 5.6 points) · n = 800
    >>> app.controls["n"].value = 200  # a quarter of the sample: twice the margin
    >>> print(f"± {app.result.margin:.1f}")
    ± 11.3
    >>> print(cx.widgets.nps_simulator(lang="zh").summary.value)  # doctest: +ELLIPSIS
    <div ...>净推荐值 +30.0 · 95% 置信区间 22.3 至 37.7（± 7.7 分）· n = 400</div>
    """
    from cxlab.widgets._apps import NPSSimulator

    return NPSSimulator(promoters=promoters, detractors=detractors, n=n, seed=seed, lang=lang)


def sem_what_if(
    model: str | None = None,
    *,
    fit_model: str | None = None,
    n: int = 300,
    seed: int = 1,
    likert: int | None = None,
    lang: Lang | None = None,
) -> SEMWhatIf:
    """Sliders on the structural paths of a population model and on n → simulated sample
    → refit → path diagram, estimated vs true paths and total effects (wraps
    :func:`what_if`).

    Parameters
    ----------
    model : str, optional
        lavaan syntax with a standardized population value on every coefficient (as
        :func:`cxlab.simulate.simulate` takes). Default: the true model of ``hotel_4e``
        with the construct names of :func:`cxlab.models.experience_economy_4e`.
    fit_model : str, optional
        The model fitted to each sample (default: the 4E template for the default model,
        else ``model`` with its values stripped).
    n, seed : int
        Starting sample size and the seed of every simulated sample.
    likert : int, optional
        Discretise the items to 1..k points, as real answers are.
    lang : {"en", "zh"}
        The language of labels, summary, tables and messages.

    A refit that does not converge or is inadmissible, or paths that explain more than
    all of a variable, show a message instead of a result.

    Examples
    --------
    >>> import cxlab as cx
    >>> model = "X =~ 0.8*x1 + 0.8*x2 + 0.7*x3\\nY =~ 0.8*y1 + 0.8*y2 + 0.7*y3\\nY ~ 0.3*X"
    >>> app = cx.widgets.sem_what_if(model, n=500)
    >>> app.controls["Y ~ X"].value = 0.6  # move the slider: simulate, refit
    >>> app.result.paths[["from", "to", "truth", "est"]].round(2).values.tolist()
    [['X', 'Y', 0.6, 0.58]]
    """
    from cxlab.widgets._apps import SEMWhatIf

    return SEMWhatIf(model=model, fit_model=fit_model, n=n, seed=seed, likert=likert, lang=lang)


def ipa_explorer(
    data: pd.DataFrame | None = None,
    outcome: str | None = None,
    drivers: Sequence[str] | None = None,
    *,
    labels: dict[str, str] | None = None,
    lang: Lang | None = None,
) -> IPAExplorer:
    """Pick the outcome, the drivers, the respondents, the importance method and the
    cut → importance-performance grid (wraps :func:`ipa_view`).

    Default: ``airline_mot``, ``nps_score`` and the six moments of truth.

    Examples
    --------
    >>> import cxlab as cx
    >>> app = cx.widgets.ipa_explorer()
    >>> print(app.result.text())
    nps_score: R² = 0.392, n = 1,000; concentrate on mot_arrival
    >>> app.controls["subset"].value = "`had_problem` == True"  # only those with a problem
    >>> print(app.result.text())  # doctest: +ELLIPSIS
    nps_score: R² = ..., n = 194 (had_problem == True)...
    """
    from cxlab.widgets._explorers import IPAExplorer

    return IPAExplorer(data=data, outcome=outcome, drivers=drivers, labels=labels, lang=lang)


def journey_explorer(
    events: pd.DataFrame | None = None,
    stages: Sequence[str] | None = None,
    *,
    lang: Lang | None = None,
) -> JourneyExplorer:
    """Pick a period (a range of days) and a split (segment, device, channel …) → funnel
    with step conversion and Wilson intervals (wraps :func:`funnel_view`).

    Default: ``journey_events`` with its five stages, visit → purchase.

    Examples
    --------
    >>> import cxlab as cx
    >>> app = cx.widgets.journey_explorer()
    >>> print(f"{app.result['overall'].iloc[-1]:.3f}")  # of all sessions, visit → purchase
    0.052
    >>> app.controls["by"].value = "device"  # one funnel per device
    >>> sorted(app.result["device"].unique())
    ['app', 'desktop', 'mobile']
    """
    from cxlab.widgets._explorers import JourneyExplorer

    return JourneyExplorer(events=events, stages=stages, lang=lang)


def survey_explorer(
    dataset: str | Survey = "hotel_4e", *, lang: Lang | None = None
) -> SurveyExplorer:
    """Pick a construct (and whether to reverse-code, English or 中文 wording) → its
    items, their answer distributions, α with its CI, ω and AVE (wraps
    :func:`construct_view`).

    Examples
    --------
    >>> import cxlab as cx
    >>> app = cx.widgets.survey_explorer("hotel_4e")
    >>> app.controls["construct"].value = "Escapism"
    >>> print(app.result.text())
    Escapism: 3 items, n = 600 · α = 0.81 [0.78, 0.83] · ω = 0.81 · AVE = 0.59
    >>> app.controls["reverse"].value = False  # forget to reverse-code esc3r
    >>> print(f"α = {app.result.reliability['alpha']:.2f}")
    α = -0.55
    """
    from cxlab.widgets._explorers import SurveyExplorer

    return SurveyExplorer(dataset=dataset, lang=lang)


def cem_maturity(
    scores: Mapping[str, float] | None = None, *, lang: Lang | None = None
) -> CEMMaturity:
    """A manager's CEM maturity self-assessment: one slider (1–5) per component of a CEM
    system — strategy, customer insight, design, measurement, management, culture — each
    with a short description → radar chart of the profile, the weakest component and a
    first step to take (wraps :func:`maturity_view`).

    ``scores`` sets the sliders (whole points; default 3 everywhere); a missing or unknown
    component or a score outside 1–5 raises :class:`~cxlab.errors.DataError`.

    Examples
    --------
    >>> import cxlab as cx
    >>> app = cx.widgets.cem_maturity(lang="en")
    >>> app.controls["measurement"].value = 2  # the manager moves a slider
    >>> print(app.result.text())
    CEM maturity 2.8 of 5 · work on first: measurement (2.0, the weakest)
    >>> cx.widgets.cem_maturity(lang="zh").controls["culture"].description
    '体验文化'
    """
    from cxlab.widgets._maturity import CEMMaturity

    return CEMMaturity(scores=scores, lang=lang)


def dashboard(lang: Lang | None = None, *, projector: bool = False) -> Dashboard:
    """The instructor dashboard: the five apps with their teaching notes, a 中文 / English
    switch and a projector mode (large type) — what ``make present`` serves.

    Switching the language relabels every app, recomputes its summary, figure and tables
    in that language and keeps every control's value.

    Examples
    --------
    >>> import cxlab as cx
    >>> board = cx.widgets.dashboard(lang="zh")
    >>> board.apps["nps"].controls["promoters"].description
    '推荐者（9–10 分）%'
    >>> board.language.value = "en"  # the switch at the top
    >>> print(board.apps["nps"].result.text(board.apps["nps"].lang))
    NPS +30.0 · 95 % CI 22.3 to 37.7 (± 7.7 points) · n = 400
    """
    from cxlab.widgets._dashboard import Dashboard

    return Dashboard(lang=lang, projector=projector)
