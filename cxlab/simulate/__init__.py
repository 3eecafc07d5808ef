"""Simulate survey data from a model with known, standardized population values.

A model is written in lavaan syntax with every coefficient given as a number::

    QUAL =~ 0.8*q1 + 0.75*q2 + 0.7*q3     # standardized loadings
    SAT  =~ 0.85*s1 + 0.8*s2 + 0.8*s3
    SAT ~ 0.6*QUAL                         # standardized paths
    LOY ~ 0.5*SAT + 0.2*QUAL
    QUAL ~~ 0.3*VAL                        # correlation of exogenous variables

Every latent and observed variable has variance 1 in the population, so the numbers
are the standardized solution a fitted model should recover. The residual variances
are derived: an indicator's error variance is 1 − (its explained variance), an
endogenous variable's disturbance variance is 1 − R², with R² computed from its paths
and the implied correlations of its predictors.

The syntax is read by :func:`cxlab.models.syntax.statements`, the parser every estimator
of cxlab shares (``#`` comments, ``;``, continuation lines); the simulator accepts a small
recursive-model subset: ``=~``, ``~``, ``~~`` between exogenous variables, each term a
number times a variable (free parameters are refused: a simulation needs a value).

Examples
--------
>>> import cxlab as cx
>>> sim = cx.simulate.simulate("F =~ 0.8*a + 0.7*b + 0.6*c\\nY ~ 0.5*F", n=500, seed=1)
>>> sim.data.shape
(500, 4)
>>> sim.truth.query("op == 'r2'")[["lhs", "value"]].round(2).values.tolist()
[['Y', 0.25]]
"""

from __future__ import annotations

from cxlab.simulate._power import PowerResult, power
from cxlab.simulate._study import EstimatorStudy, estimator_study, score_moments
from cxlab.simulate.generate import (
    Simulation,
    implied_correlations,
    likert_cuts,
    parse,
    simulate,
    strip_values,
)

__all__ = [
    "EstimatorStudy",
    "PowerResult",
    "Simulation",
    "estimator_study",
    "implied_correlations",
    "likert_cuts",
    "parse",
    "power",
    "score_moments",
    "simulate",
    "strip_values",
]
