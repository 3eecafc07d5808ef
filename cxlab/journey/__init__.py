"""The customer journey (客户旅程): funnels, moments of truth (关键时刻), journey maps,
the peak-end rule and the service blueprint.

- Event logs (:mod:`cxlab.journey._funnel`): :func:`sessions`, :func:`funnel`,
  :func:`compare_days`, :func:`step_conversion`; survey ratings of touchpoints:
  :func:`mot_impact`.
- Stage-level survey data (one row per respondent and stage, e.g. ``hotel_journey``):
  :func:`journey_map` (ratings and emotions by stage with intervals, pain points, the
  journey-map figure), :func:`peak_end` (peak and end against the average of all stages)
  and :func:`blueprint` (the service blueprint from a small table).

Examples
--------
>>> import cxlab as cx
>>> jm = cx.journey.journey_map(cx.datasets.load("hotel_journey"), cx.journey.HOTEL_STAGES)
>>> jm.pain_points
['arrival & check-in', 'post-stay']
"""

from __future__ import annotations

from cxlab.journey._blueprint import Blueprint, blueprint, example_blueprint
from cxlab.journey._funnel import compare_days, funnel, mot_impact, sessions, step_conversion
from cxlab.journey._map import HOTEL_STAGES, HOTEL_STAGES_ZH, JourneyMap, journey_map
from cxlab.journey._peak_end import PeakEnd, peak_end

__all__ = [
    "HOTEL_STAGES",
    "HOTEL_STAGES_ZH",
    "Blueprint",
    "JourneyMap",
    "PeakEnd",
    "blueprint",
    "compare_days",
    "example_blueprint",
    "funnel",
    "journey_map",
    "mot_impact",
    "peak_end",
    "sessions",
    "step_conversion",
]
