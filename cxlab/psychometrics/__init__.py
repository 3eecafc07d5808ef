"""Reliability and validity of multi-item scales: Cronbach's α, McDonald's ω, composite
reliability, AVE, exploratory factor analysis, HTMT, Fornell–Larcker, cross-loadings and
Harman's single-factor test.

Every function takes ``data`` (a DataFrame of respondents × items) and column names —
``scales`` is ``{scale name: [items]}`` — and returns tidy DataFrames. Rows with a missing
answer to any item involved are dropped (listwise; :func:`reliability` does this per
scale), and the number of rows used is reported. Bad input (an unknown item, text in an
item, an item without variance, too few rows) raises :class:`~cxlab.errors.DataError`
naming the column. The exceptions take a fitted model instead of data: :func:`cfa`'s
result goes to :func:`discriminant_validity` and to the joint-model reliabilities below.

R equivalents (numbers checked in tests/test_psychometrics.py against
tests/reference/psychometrics.R): :func:`reliability` — ``psych::alpha`` and
``semTools::compRelSEM(obs.var = FALSE)`` on a one-factor ``lavaan::cfa`` per scale;
:func:`comp_rel_sem`, :func:`ave`, :func:`composite_reliability` and
:func:`model_reliability` take the researcher's fitted joint model instead —
``semTools::compRelSEM(fit)``, ``semTools::AVE(fit)`` and Fornell & Larcker's CR, for
ordered items fitted as WLSMV too (Green & Yang's categorical ω, ``ord.scale``)
(tests/test_model_reliability.py, tests/reference/semtools_reliability.R and
semtools_reliability_ordinal.R); :func:`efa` —
``psych::fa(fm = "minres", rotate = "oblimin")``, ``psych::fa.parallel``, ``psych::KMO``,
``psych::cortest.bartlett``; :func:`htmt` — ``semTools::htmt(htmt2 = FALSE)``, the
original HTMT (``htmt2=True`` gives HTMT2, semTools' default since 0.5-6);
:func:`harman_single_factor` — ``psych::principal(nfactors = 1, rotate = "none")``.

The one-factor models behind ω, ρc and AVE are fitted by ML with :func:`cxlab.sem.fit`
(lavaan's estimates, to about 1e-5) and checked before any number is shown: a
Heywood case — a residual variance at or below zero, a standardized loading of ±1 or
beyond — leaves ω, ρc, AVE and the loadings empty (NaN) and says why in the
``warnings`` column (``strict=True`` raises
:class:`~cxlab.errors.InadmissibleSolutionError` instead).

EFA uses the ``factor_analyzer`` package (KMO, Bartlett, GPA rotations) with psych's
minres extraction, not ``semopy.efa``: semopy's ``efa`` module proposes a measurement
model by clustering items, it does not estimate a classical exploratory factor model
with rotated loadings, communalities and factor correlations.

This module is the face of the subpackage: the functions live in
:mod:`cxlab.psychometrics.scales` (α, ω, CR, AVE, HTMT, Fornell–Larcker, cross-loadings,
Harman), :mod:`cxlab.psychometrics.model_reliability` (ω, CR and AVE of a fitted joint
measurement model), :mod:`cxlab.psychometrics.efa` (the EFA) and
:mod:`cxlab.psychometrics.validity` (CFA-based discriminant validity).

Examples
--------
>>> import cxlab as cx
>>> from cxlab import psychometrics as pm
>>> hs = cx.datasets.load("holzinger_swineford")
>>> scales = {"visual": ["x1", "x2", "x3"], "textual": ["x4", "x5", "x6"]}
>>> rel = pm.reliability(hs, scales)
>>> rel.scales[["scale", "alpha", "omega_total"]].round(3)  # In R: psych::alpha, compRelSEM
     scale  alpha  omega_total
0   visual  0.626        0.633
1  textual  0.883        0.886
>>> print(f"{pm.htmt(hs, scales).loc['visual', 'textual']:.3f}")  # semTools::htmt
0.424
"""

from __future__ import annotations

from typing import Any

from cxlab.psychometrics._normality import Mardia, item_normality, mardia
from cxlab.psychometrics.efa import EFA, efa
from cxlab.psychometrics.model_reliability import (
    ave,
    comp_rel_sem,
    composite_reliability,
    model_reliability,
)
from cxlab.psychometrics.scales import (
    Reliability,
    cross_loadings,
    fornell_larcker,
    harman_single_factor,
    htmt,
    htmt_bootstrap,
    reliability,
)
from cxlab.psychometrics.validity import (
    DiscriminantValidity,
    cfa,
    common_method_check,
    discriminant_validity,
)

__all__ = [
    "EFA",
    "DiscriminantValidity",
    "Mardia",
    "Reliability",
    "ave",
    "cfa",
    "common_method_check",
    "comp_rel_sem",
    "composite_reliability",
    "cross_loadings",
    "discriminant_validity",
    "efa",
    "fornell_larcker",
    "harman_single_factor",
    "htmt",
    "htmt_bootstrap",
    "item_normality",
    "mardia",
    "model_reliability",
    "reliability",
]

#: names kept for one release (each use warns): measurement invariance is CB-SEM's
_MOVED_TO_SEM = ("invariance", "InvarianceResult")


def __getattr__(name: str) -> Any:
    """``invariance`` (and ``InvarianceResult``) moved to :mod:`cxlab.sem`: still reachable
    from here for one release, with a DeprecationWarning."""
    if name in _MOVED_TO_SEM:
        import warnings

        from cxlab import sem

        warnings.warn(
            f"cx.psychometrics.{name} moved in cxlab 0.2 and this name will be removed in "
            f"0.3: use cx.sem.{name}.",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(sem, name)
    raise AttributeError(f"module 'cxlab.psychometrics' has no attribute {name!r}")
