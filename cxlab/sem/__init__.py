"""Covariance-based SEM and CFA that never hides a failed or impossible solution.

``cx.sem.fit(model, data)`` takes lavaan syntax and a DataFrame (``group=`` for several
groups, ``group_equal=`` for equality constraints as in lavaan) and returns a
:class:`SEMFit`: estimates with SEs, z, p and CIs, the standardized solution (lavaan's
``std.all``), R², defined parameters (``:=``) with delta-method SEs, and lavaan's fit
indices (χ², CFI, TLI, RMSEA with CI, SRMR, log-likelihood, AIC, BIC). Before any
number is shown the solution is checked: non-convergence, negative variances, standardized
loadings, correlations or paths beyond ±1 and non-positive-definite factor covariance
matrices make ``estimates()`` and ``fit_indices()`` raise
:class:`~cxlab.errors.InadmissibleSolutionError` with the problems in plain words (ask
for them anyway with ``allow_inadmissible=True``, to diagnose).

Numbers match lavaan 0.6 (``sem()`` / ``cfa()`` with default settings, ML, complete
data); see tests/test_sem.py and tests/reference/. ``estimator="MLR"`` / ``"MLM"`` add
robust SEs and scaled tests (:mod:`cxlab.sem.robust`), ``missing="fiml"`` uses incomplete
rows (:mod:`cxlab.sem.fiml`), ``standardized_solution()`` gives lavaan's
``standardizedSolution()`` (:mod:`cxlab.sem.standardized`).

Examples
--------
>>> import cxlab as cx
>>> hs = cx.datasets.load("holzinger_swineford")
>>> fit = cx.sem.fit("visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6\\nspeed =~ x7 + x8 + x9", hs)
>>> indices = fit.fit_indices()
>>> print(f"chisq = {indices['chisq']:.3f}, df = {indices['df']:.0f}")  # lavaan: 85.306, 24
chisq = 85.306, df = 24
"""

from __future__ import annotations

from cxlab.sem._invariance import InvarianceResult, invariance
from cxlab.sem.bootstrap import BootstrapResult, bootstrap
from cxlab.sem.diagram import plot_path, save_path
from cxlab.sem.effects import MonteCarloResult, compare
from cxlab.sem.fitting import LAVAAN_NAMES, SEMFit, fit
from cxlab.sem.growth import growth, growth_syntax
from cxlab.sem.modindices import modification_indices
from cxlab.sem.robust import ESTIMATORS
from cxlab.sem.standardized import STD_LAVAAN_NAMES, standardized_solution

__all__ = [
    "ESTIMATORS",
    "LAVAAN_NAMES",
    "STD_LAVAAN_NAMES",
    "BootstrapResult",
    "InvarianceResult",
    "MonteCarloResult",
    "SEMFit",
    "bootstrap",
    "compare",
    "fit",
    "growth",
    "growth_syntax",
    "invariance",
    "modification_indices",
    "plot_path",
    "save_path",
    "standardized_solution",
]
