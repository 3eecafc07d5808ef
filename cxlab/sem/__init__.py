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

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from cxlab.sem._invariance import InvarianceResult, invariance
    from cxlab.sem.bootstrap import BootstrapResult, bootstrap
    from cxlab.sem.diagram import plot_path, save_path
    from cxlab.sem.effects import MonteCarloResult, compare
    from cxlab.sem.fitting import LAVAAN_NAMES, SEMFit, fit
    from cxlab.sem.growth import growth, growth_syntax
    from cxlab.sem.modindices import modification_indices
    from cxlab.sem.robust import ESTIMATORS
    from cxlab.sem.standardized import STD_LAVAAN_NAMES, standardized_solution

# Public name -> the module that defines it. Each loads on first use, so that
# ``import cxlab; cx.sem.fit(...)`` never imports scipy.stats, matplotlib or joblib
# (tests/test_import_time.py; the time is in benchmarks/bench_import.py).
_LAZY = {
    "ESTIMATORS": "cxlab.sem.robust",
    "LAVAAN_NAMES": "cxlab.sem.fitting",
    "STD_LAVAAN_NAMES": "cxlab.sem.standardized",
    "BootstrapResult": "cxlab.sem.bootstrap",
    "InvarianceResult": "cxlab.sem._invariance",
    "MonteCarloResult": "cxlab.sem.effects",
    "SEMFit": "cxlab.sem.fitting",
    "bootstrap": "cxlab.sem.bootstrap",
    "compare": "cxlab.sem.effects",
    "fit": "cxlab.sem.fitting",
    "growth": "cxlab.sem.growth",
    "growth_syntax": "cxlab.sem.growth",
    "invariance": "cxlab.sem._invariance",
    "modification_indices": "cxlab.sem.modindices",
    "plot_path": "cxlab.sem.diagram",
    "save_path": "cxlab.sem.diagram",
    "standardized_solution": "cxlab.sem.standardized",
}

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


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    try:  # a submodule not imported yet, e.g. cx.sem.robust
        return importlib.import_module(f"{__name__}.{name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"{__name__}.{name}":
            raise
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


class _Face(types.ModuleType):
    """``cx.sem.bootstrap`` and ``cx.sem.growth`` are functions with the names of their
    modules; importing such a module (``import cxlab.sem.bootstrap``) would set the
    package attribute to the module, so bind the function of the same name instead."""

    def __setattr__(self, name: str, value: Any) -> None:
        if _LAZY.get(name) == getattr(value, "__name__", None):
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Face
