"""Churn (客户流失): who will leave, and what to do about it.

The churn classifier and its honest evaluation:

- :func:`quarterly_snapshots` — a member table (join date, end date or empty, features)
  turned into one row per member and quarter: the features at the quarter's start and
  whether the member left within that quarter, ready for a time-based split.
- :func:`classifier` — a churn classifier (regularised logistic regression, or gradient
  boosting) trained on earlier periods and judged on a later one: AUC with a DeLong
  interval, calibration by decile, lift and cumulative gains; the result's
  :meth:`~ChurnClassifier.profit` gives the expected profit of contacting the top x % and
  the best cut-off for a manager's value, contact cost and offer success rate.
- :func:`auc_ci` — the AUC (c statistic) with its DeLong (1988) or Hanley–McNeil (1982)
  interval; :func:`calibration` and :func:`gains` — the calibration and lift / gains tables
  of any predicted probabilities.
- :func:`profit_curve` — the expected profit of contacting the top x % of any ranked
  customers; :func:`example_snapshots` — the snapshots of the bundled
  ``membership_churn`` members, as in the lesson.
- :func:`target` — customers ranked by expected value saved
  (P(churn) × value × success rate − contact cost). P(churn) is not the effect of
  contacting someone: that is uplift (``cx.experiments.uplift``).

Survival analysis of time to churn:

- :func:`durations` — time to churn (days or months) and the event flag from join and
  end dates (an empty end date = still active, censored at ``as_of``), every date checked.
- :func:`kaplan_meier` — Kaplan–Meier survival per group with R's intervals, medians,
  retention at chosen times and the log-rank test; :func:`cox` — Cox proportional hazards
  (hazard ratios, concordance, R ``cox.zph``'s test of proportional hazards), both
  checked against R ``survival``; :func:`survival_clv` — contractual CLV
  Σ m·S(t)/(1+d)^t from either.

Examples
--------
>>> import cxlab as cx
>>> members = cx.datasets.load("membership_churn")
>>> snaps = cx.churn.quarterly_snapshots(members, data_end="2025-06-30")
>>> sorted(snaps["quarter"].unique())[-1]
'2025Q2'
"""

from __future__ import annotations

from cxlab.churn._auc import auc_ci
from cxlab.churn._classifier import ChurnClassifier, classifier, example_snapshots
from cxlab.churn._evaluation import calibration, gains
from cxlab.churn._snapshots import quarterly_snapshots
from cxlab.churn._targeting import ProfitCurve, profit_curve, target

__all__ = [
    "ChurnClassifier",
    "ProfitCurve",
    "auc_ci",
    "calibration",
    "classifier",
    "example_snapshots",
    "gains",
    "profit_curve",
    "quarterly_snapshots",
    "target",
]

# survival analysis (H1b: its imports and __all__ entries below this line)
from cxlab.churn._cox import CoxModel, cox
from cxlab.churn._durations import durations
from cxlab.churn._survclv import survival_clv
from cxlab.churn._survival import KaplanMeier, kaplan_meier

__all__ += ["CoxModel", "KaplanMeier", "cox", "durations", "kaplan_meier", "survival_clv"]
