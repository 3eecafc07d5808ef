"""The pure functions behind the apps of :mod:`cxlab.widgets`: each takes the values of
an app's controls and returns a result (or raises a :class:`~cxlab.errors.CxlabError`
whose message the app shows). They need no browser and are tested directly. The SEM
what-if (:func:`what_if` and its helpers) lives in :mod:`cxlab.widgets._sem` and is
re-exported here, so an app finds every function it calls in this module.

Examples
--------
>>> from cxlab.widgets.logic import nps_scenario
>>> print(nps_scenario(promoters=50, detractors=20, n=400).text())
NPS +30.0 · 95 % CI 22.3 to 37.7 (± 7.7 points) · n = 400
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

from cxlab.errors import DataError
from cxlab.widgets._sem import WhatIf, structural_paths, what_if, with_paths
from cxlab.widgets._text import Lang, say

if TYPE_CHECKING:
    from cxlab.drivers import IPA, Importance
    from cxlab.survey import Survey

__all__ = [
    "ConstructView",
    "IPAView",
    "NPSScenario",
    "WhatIf",
    "construct_view",
    "funnel_view",
    "ipa_view",
    "nps_scenario",
    "structural_paths",
    "what_if",
    "with_paths",
]


# -- NPS -------------------------------------------------------------------------------
@dataclass
class NPSScenario:
    """A population of promoters / passives / detractors and one survey of ``n`` from it.

    Attributes
    ----------
    promoters, passives, detractors : float
        Shares in the population, in %.
    n : int
        Responses per survey.
    table : DataFrame
        One row of :func:`cxlab.metrics.nps_from_counts` for the expected counts: nps, se,
        ci_low, ci_high (the interval a survey of this size would report).
    draws : ndarray
        NPS of simulated surveys of ``n`` from the population (the sampling distribution).
    """

    promoters: float
    passives: float
    detractors: float
    n: int
    table: pd.DataFrame
    draws: np.ndarray
    level: float = 0.95

    @property
    def nps(self) -> float:
        """The population NPS, % promoters − % detractors."""
        return float(self.promoters - self.detractors)

    @property
    def margin(self) -> float:
        """Half-width of the interval, in NPS points."""
        row = self.table.iloc[0]
        return float((row["ci_high"] - row["ci_low"]) / 2)

    def text(self, lang: Lang = "en") -> str:
        """One line for the room: NPS, its interval and n (in Chinese with ``lang="zh"``).

        Examples
        --------
        >>> from cxlab.widgets import nps_scenario
        >>> print(nps_scenario(50, 20, 400, ci="adjusted-wald").text())
        NPS +30.0 · 95 % CI 22.2 to 37.4 (± 7.6 points) · n = 400
        >>> print(nps_scenario(50, 20, 400).text(lang="zh"))
        净推荐值 +30.0 · 95% 置信区间 22.3 至 37.7（± 7.7 分）· n = 400
        """
        row = self.table.iloc[0]
        return say(
            lang, "nps.line", nps=row["nps"], level=round(100 * self.level), low=row["ci_low"],
            high=row["ci_high"], margin=self.margin, n=self.n,
        )  # fmt: skip


def nps_scenario(
    promoters: float,
    detractors: float,
    n: int,
    *,
    ci: Literal["wald", "adjusted-wald"] = "wald",
    level: float = 0.95,
    draws: int = 2000,
    seed: int = 0,
) -> NPSScenario:
    """NPS, its confidence interval and sampling distribution for given shares and n.

    The counts of one survey are the expected ones (shares × n, rounded); its interval
    comes from :func:`cxlab.metrics.nps_from_counts`. ``draws`` surveys of ``n`` are then
    simulated from the population (multinomial, seeded): their spread is what the
    standard error describes.

    Parameters
    ----------
    promoters, detractors : float
        Shares in % (0–100); passives are the rest. Their sum above 100 raises DataError.
    n : int
        Responses per survey (≥ 1).
    ci : {"wald", "adjusted-wald"}
        Interval method (see :mod:`cxlab.metrics`).
    level : float
        Confidence level.
    draws, seed : int
        Simulated surveys for the sampling distribution, and the seed.

    Returns
    -------
    NPSScenario

    Examples
    --------
    >>> from cxlab.widgets import nps_scenario
    >>> small, large = nps_scenario(50, 20, 100), nps_scenario(50, 20, 1600)
    >>> print(f"±{small.margin:.1f} with n = 100, ±{large.margin:.1f} with n = 1600")
    ±15.3 with n = 100, ±3.8 with n = 1600
    >>> print(f"{small.draws.std():.1f}")  # SD of the simulated surveys ≈ SE = 15.3 / 1.96
    7.7
    """
    from cxlab.metrics import nps_from_counts

    for name, share in (("promoters", promoters), ("detractors", detractors)):
        if not 0 <= share <= 100:
            raise DataError(f"The share of {name} must lie between 0 and 100 %, not {share!r}.")
    if promoters + detractors > 100 + 1e-9:
        raise DataError(
            f"Promoters ({promoters:g} %) and detractors ({detractors:g} %) add up to "
            f"{promoters + detractors:g} %: shares cannot exceed 100 %. Lower one of them "
            "(passives are what is left).",
            zh=f"推荐者（{promoters:g}%）与贬损者（{detractors:g}%）合计 "
            f"{promoters + detractors:g}%：比例之和不能超过 100%。"
            "请调低其中之一（剩下的是中立者）。",
        )
    if int(n) != n or n < 1:
        raise DataError(f"n must be a whole number of responses (at least 1), not {n!r}.")
    n = int(n)
    n_p = round(promoters / 100 * n)
    n_d = min(round(detractors / 100 * n), n - n_p)
    table = nps_from_counts(n_p, n - n_p - n_d, n_d, ci=ci, level=level)
    p, d = promoters / 100, detractors / 100
    rng = np.random.default_rng(seed)
    counts = rng.multinomial(n, [p, max(1 - p - d, 0.0), d], size=draws)
    sims = 100 * (counts[:, 0] - counts[:, 2]) / n
    return NPSScenario(promoters, 100 - promoters - detractors, detractors, n, table, sims, level)


# -- drivers / IPA ---------------------------------------------------------------------
@dataclass
class IPAView:
    """Importance (share of R²) and performance (mean rating) of drivers, in a grid.

    Attributes
    ----------
    grid : cxlab.drivers.IPA
        Quadrant per driver (``grid.table``) and the cut lines (``grid.cuts``).
    importance : cxlab.drivers.Importance
        The driver analysis behind the importance axis (``r2``, ``n``).
    subset : str or None
        The rows used (a pandas query), ``None`` for all.
    """

    grid: IPA
    importance: Importance
    subset: str | None = None

    def text(self, lang: Lang = "en") -> str:
        """One line: outcome, R², n and the driver to concentrate on (if any).

        Examples
        --------
        >>> import cxlab as cx
        >>> air = cx.datasets.load("airline_mot")
        >>> mots = ["mot_booking", "mot_checkin", "mot_crew", "mot_meal"]
        >>> view = cx.widgets.ipa_view(air, "nps_score", mots, subset="had_problem == True")
        >>> print(view.text())
        nps_score: R² = 0.443, n = 194 (had_problem == True)
        >>> print(cx.widgets.ipa_view(air, "nps_score", mots).text(lang="zh"))
        nps_score：R² = 0.316，n = 1,000
        """
        imp = self.importance
        focus = self.grid.table.index[self.grid.table["quadrant"] == "concentrate here"]
        where = f" ({self.subset.replace('`', '')})" if self.subset else ""
        first = say(lang, "ipa.focus", drivers=", ".join(map(str, focus))) if len(focus) else ""
        return say(lang, "ipa.line", outcome=imp.outcome, r2=imp.r2, n=imp.n, where=where,
                   focus=first)  # fmt: skip


def ipa_view(
    data: pd.DataFrame,
    outcome: str,
    drivers: Sequence[str],
    *,
    method: Literal["relative_weights", "shapley"] = "relative_weights",
    cut: Literal["mean", "median"] = "mean",
    subset: str | None = None,
    labels: dict[str, str] | None = None,
) -> IPAView:
    """Importance-performance grid of ``drivers``: importance = share of the R² of
    ``outcome`` (relative weights or Shapley values), performance = mean rating.

    Rows with a missing value on the outcome or a driver are dropped first, so both axes
    describe the same respondents.

    Parameters
    ----------
    data : DataFrame
        One row per respondent.
    outcome : str
        The column to explain, e.g. ``"nps_score"``.
    drivers : list of str
        At least two rating columns, not including the outcome.
    method : {"relative_weights", "shapley"}
        :func:`cxlab.drivers.relative_weights` or :func:`cxlab.drivers.shapley_r2`.
    cut : {"mean", "median"}
        Where the cross-hair goes (:func:`cxlab.drivers.ipa`).
    subset : str, optional
        A pandas query selecting respondents, e.g. ``"had_problem == True"``.
    labels : dict, optional
        Display names by driver.

    Examples
    --------
    >>> import cxlab as cx
    >>> air = cx.datasets.load("airline_mot")
    >>> mots = ["mot_booking", "mot_checkin", "mot_crew", "mot_meal"]
    >>> view = cx.widgets.ipa_view(air, "nps_score", mots)
    >>> view.grid.table["quadrant"].to_dict()["mot_crew"]
    'keep up the good work'
    """
    from cxlab import drivers as drv

    drivers = list(dict.fromkeys(drivers))
    if outcome in drivers:
        raise DataError(
            f"{outcome} is the outcome; it cannot be one of its own drivers.",
            zh=f"{outcome} 是结果变量，不能同时作为它自己的驱动因素。",
        )
    if len(drivers) < 2:
        raise DataError(
            "Pick at least two drivers: importance is a share among drivers.",
            zh="请至少选择两个驱动因素：重要性是各驱动因素之间的份额。",
        )
    missing = [c for c in [outcome, *drivers] if c not in data.columns]
    if missing:
        raise DataError(f"No column(s) {missing} in the data.")
    rows = data
    if subset:
        try:
            rows = data.query(subset)
        except Exception as exc:  # pandas raises many kinds for a bad query
            raise DataError(f"subset={subset!r} cannot be used as a pandas query: {exc}") from exc
    if method not in ("relative_weights", "shapley"):
        raise DataError(f"method must be 'relative_weights' or 'shapley', not {method!r}.")
    rows = rows.dropna(subset=[outcome, *drivers])
    fn = drv.shapley_r2 if method == "shapley" else drv.relative_weights
    importance = fn(rows, outcome, drivers, B=0)
    performance = rows[drivers].astype(float).mean()
    grid = drv.ipa(importance, performance, cut=cut, labels=labels)
    return IPAView(grid, importance, subset or None)


# -- journey ---------------------------------------------------------------------------
def funnel_view(
    events: pd.DataFrame,
    stages: Sequence[str],
    *,
    start: Any = None,
    end: Any = None,
    by: str | None = None,
    date: str = "date",
    session: str = "session_id",
    level: float = 0.95,
) -> pd.DataFrame:
    """The funnel of the sessions that started between ``start`` and ``end`` (inclusive).

    A session belongs to the day of its first event, so a session past midnight is never
    cut in two. Then :func:`cxlab.journey.funnel` (Wilson intervals), split by ``by``.

    Examples
    --------
    >>> import cxlab as cx
    >>> events = cx.datasets.load("journey_events")
    >>> stages = ["visit", "browse", "cart", "checkout", "purchase"]
    >>> bf = cx.widgets.funnel_view(events, stages, start="2025-11-28", end="2025-11-28")
    >>> print(f"{bf['conversion'].iloc[-1]:.3f}")  # Black Friday: checkout → purchase
    0.310
    """
    from cxlab.journey import funnel

    for col in (date, session):
        if col not in events.columns:
            raise DataError(f"The event log has no column {col!r}.")
    first = pd.to_datetime(events.groupby(session)[date].transform("min"))
    keep = pd.Series(True, index=events.index)
    low = pd.Timestamp(start) if start is not None else None
    high = pd.Timestamp(end) if end is not None else None
    if low is not None and high is not None and low > high:
        raise DataError(f"The period starts ({low:%Y-%m-%d}) after it ends ({high:%Y-%m-%d}).")
    if low is not None:
        keep &= first >= low
    if high is not None:
        keep &= first <= high
    if not keep.any():
        raise DataError(
            f"No session started between {start} and {end}.",
            zh=f"{start} 至 {end} 之间没有开始的会话。",
        )
    return funnel(events[keep], stages, by=by or None, session=session, level=level)


# -- survey constructs -----------------------------------------------------------------
#: the "(1 = strongly disagree, 7 = strongly agree)" at the end of an item's wording
_SCALE_NOTE = r"\s*[（(][^()（）]*[=＝][^()（）]*[)）]\s*$"


@dataclass
class ConstructView:
    """One construct of a survey: its items, their answers and their reliability.

    Attributes
    ----------
    construct : str
        The construct (its codebook name).
    items : DataFrame
        One row per item: wording, reverse, mean, sd, item_total_r, alpha_if_deleted,
        loading.
    distribution : DataFrame
        Items × scale points: % of answers.
    reliability : Series
        The construct's row of :func:`cxlab.psychometrics.reliability` (alpha with its
        CI, omega_total, composite_reliability, ave, warnings).
    reversed : bool
        Whether reverse-keyed items were reverse-coded first.
    """

    construct: str
    label: str
    items: pd.DataFrame
    distribution: pd.DataFrame
    reliability: pd.Series
    reversed: bool

    def text(self, lang: Lang = "en") -> str:
        """One line: items, n, α with its CI, ω and AVE (in Chinese with ``lang="zh"``).

        Examples
        --------
        >>> from cxlab.widgets import construct_view
        >>> print(construct_view("hotel_4e", "Escapism", lang="zh").text())
        逃避现实体验 (Escapism): 3 items, n = 600 · α = 0.81 [0.78, 0.83] · ω = 0.81 · AVE = 0.59
        >>> print(construct_view("hotel_4e", "Escapism", lang="zh").text(lang="zh"))
        逃避现实体验 (Escapism)：3 个题项，n = 600 · α = 0.81 [0.78, 0.83] · ω = 0.81 · AVE = 0.59
        """
        r = self.reliability

        def fmt(x: float) -> str:
            return "–" if pd.isna(x) else f"{x:.2f}"

        return say(
            lang, "survey.line", label=self.label, items=int(r["n_items"]), n=int(r["n"]),
            alpha=fmt(r["alpha"]), low=fmt(r["alpha_ci_low"]), high=fmt(r["alpha_ci_high"]),
            omega=fmt(r["omega_total"]), ave=fmt(r["ave"]),
        )  # fmt: skip


def construct_view(
    dataset: str | Survey,
    construct: str,
    *,
    reverse: bool = True,
    lang: Literal["en", "zh"] = "en",
) -> ConstructView:
    """Items, answer distributions and reliability (α, ω, CR, AVE) of one construct.

    Parameters
    ----------
    dataset : str or Survey
        A bundled dataset name (its codebook names the constructs) or a Survey.
    construct : str
        A construct of the codebook with at least two rating items.
    reverse : bool
        Reverse-code the codebook's reverse-keyed items first (turn it off to see what a
        forgotten reverse-keyed item does to α).
    lang : {"en", "zh"}
        Language of the item wording.

    Examples
    --------
    >>> from cxlab.widgets import construct_view
    >>> ok = construct_view("hotel_4e", "Escapism")
    >>> bad = construct_view("hotel_4e", "Escapism", reverse=False)
    >>> alphas = ok.reliability["alpha"], bad.reliability["alpha"]
    >>> print("alpha {:.2f}; without reverse-coding esc3r {:.2f}".format(*alphas))
    alpha 0.81; without reverse-coding esc3r -0.55
    """
    from cxlab import datasets
    from cxlab.psychometrics import reliability
    from cxlab.survey import Survey

    survey = (
        Survey(datasets.load(dataset), datasets.codebook(dataset))
        if isinstance(dataset, str)
        else dataset
    )
    scales = survey.scales()
    if construct not in scales:
        raise DataError(
            f"No construct {construct!r} with two or more rating items; the codebook has "
            f"{', '.join(scales) or 'none'}."
        )
    items = scales[construct]
    book = survey.codebook.set_index("name")
    pending = [i for i in items if bool(book.loc[i, "reverse"]) and i not in survey.reversed_items]
    if reverse and pending:
        survey = survey.reverse_code(pending)
    answers = survey.numeric_items(items)
    rel = reliability(answers, {construct: items})
    per_item = rel.items.set_index("item")
    wording = book.loc[items, "label_zh" if lang == "zh" else "label_en"].fillna("")
    table = pd.DataFrame(
        {
            "wording": wording.str.replace(_SCALE_NOTE, "", regex=True),
            "reverse": book.loc[items, "reverse"].astype(bool),
            "mean": answers.mean(),
            "sd": answers.std(),
            "item_total_r": per_item["item_total_r"],
            "alpha_if_deleted": per_item["alpha_if_deleted"],
            "loading": per_item["loading"],
        }
    )
    table.index.name = "item"
    low, high = book.loc[items, "scale_min"].min(), book.loc[items, "scale_max"].max()
    points = list(range(int(low), int(high) + 1))
    dist = pd.DataFrame(
        {p: (answers == p).sum() / answers.notna().sum() * 100 for p in points}, index=items
    )
    label = construct
    zh = book.loc[items[0], "construct_zh"] if "construct_zh" in book.columns else None
    if lang == "zh" and isinstance(zh, str) and zh:
        label = f"{zh} ({construct})"
    return ConstructView(
        construct, label, table, dist, rel.scales.iloc[0], bool(reverse) or not pending
    )
