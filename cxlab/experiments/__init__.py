"""Did it work? Experiments and programme evaluation for CX managers.

A/B tests and uplift (randomised experiments):

- :func:`ab_test` — the difference (treatment − control) in NPS, a mean (CSAT, CES) or a
  conversion rate, with its confidence interval and p-value, a sample-ratio-mismatch test
  and a balance check of the assignment; the result in plain words and a plot.
- :func:`sample_size` — how many answers per group an A/B test needs to detect a given
  difference; :func:`mde` — the smallest difference a test of a given size can detect.
- :func:`peeking_simulation` — why looking at a running test after every batch and stopping
  at the first p < 0.05 inflates false positives (A/A tests by simulation).
- :func:`uplift` — two-model uplift on a randomised campaign: who is moved by the
  contact, the Qini curve and coefficient, uplift by decile, and whom to contact
  (``.target(k)``); :func:`qini_curve`, :func:`qini_coefficient` and
  :func:`uplift_by_group` judge any score on a randomised sample;
  :func:`simulate_campaign` makes a campaign with a known effect to practise on.

Programmes rolled out without randomisation (difference-in-differences, self-selection):

- :func:`did` — difference-in-differences for a programme started at one date in some
  units (stores, hotels): the 2×2 DiD and two-way fixed effects, cluster-robust SEs by
  unit, group means before and after, the plot of both groups over time.
- :func:`event_study` — leads and lags around the start (reference: the period before),
  with a pre-trend test (cluster-robust Wald, wild cluster bootstrap p-value).
- :func:`programme_effect` — the loyalty-programme trap: the naive member − non-member
  gap against inverse-probability weighting, propensity-score matching and a DiD on
  the customers, with balance (standardised mean differences) and overlap checks; they
  adjust only for the covariates measured.

Examples
--------
>>> import cxlab as cx
>>> cx.experiments.sample_size("proportion", baseline=0.10, mde=0.02).n_control
3835
"""

from __future__ import annotations

from cxlab.experiments._ab import ABTestResult, ab_test
from cxlab.experiments._peeking import PeekingResult, peeking_simulation
from cxlab.experiments._power import PowerResult, mde, sample_size
from cxlab.experiments._qini import qini_coefficient, qini_curve, uplift_by_group
from cxlab.experiments._uplift import UpliftResult, simulate_campaign, uplift

__all__ = [
    "ABTestResult",
    "PeekingResult",
    "PowerResult",
    "UpliftResult",
    "ab_test",
    "mde",
    "peeking_simulation",
    "qini_coefficient",
    "qini_curve",
    "sample_size",
    "simulate_campaign",
    "uplift",
    "uplift_by_group",
]

# --- difference-in-differences and self-selection (H3: _did.py, _selection.py) ---
# H3 inserts its imports here and extends the list with `__all__ += [...]` (sorted); ruff
# accepts imports after __all__ without a noqa.
from cxlab.experiments._did import DiDResult, did
from cxlab.experiments._event import EventStudy, event_study
from cxlab.experiments._selection import ProgrammeEffect, programme_effect

__all__ += ["DiDResult", "EventStudy", "ProgrammeEffect", "did", "event_study", "programme_effect"]
# --- end of H3 block ---
