"""Model templates: lavaan syntax for the classic satisfaction → loyalty models.

Each function returns a plain ``str`` that :func:`cxlab.sem.fit` (or ``lavaan::sem``
in R) fits as it is. ``items`` maps construct → item columns and replaces a template's
default mapping as a whole (``{**cx.models.ECSI_ITEMS, "Quality": [...]}`` changes one
construct). A one-item construct is written as lavaan does it (``auto.fix.single``:
loading 1, error variance 0). With ``labels=True`` paths are labelled
``b_<predictor>_<outcome>`` and the theory's main indirect effects are defined with
``:=`` (``ind_qual_sat_loy := b_qual_sat*b_sat_loy``): ``fit.estimates()`` lists them.

The package is also the home of cxlab's one reader of lavaan syntax, shared by CB-SEM,
PLS-PM, the simulator and the report: :mod:`cxlab.models.syntax` (``statements``, the
estimator-neutral reading; ``parse``, CB-SEM's parameter table; ``measurement_part``,
the ``=~`` part a CFA fits) and :mod:`cxlab.models.defined` (``evaluate_defined``, the
one evaluator of ``:=`` expressions).

Examples
--------
>>> import cxlab as cx
>>> print(cx.models.measurement_part(cx.models.acsi()).splitlines()[0])
Expectation =~ exp1 + exp2 + exp3
"""

from __future__ import annotations

from cxlab.models import defined, syntax
from cxlab.models.defined import evaluate_defined
from cxlab.models.syntax import measurement_part, statements
from cxlab.models.templates import (
    ACSI_ITEMS,
    ECSI_ITEMS,
    HOTEL_4E_ITEMS,
    acsi,
    ecsi,
    experience_economy_4e,
    from_codebook,
    servqual_loyalty,
)

__all__ = [
    "ACSI_ITEMS",
    "ECSI_ITEMS",
    "HOTEL_4E_ITEMS",
    "acsi",
    "defined",
    "ecsi",
    "evaluate_defined",
    "experience_economy_4e",
    "from_codebook",
    "measurement_part",
    "servqual_loyalty",
    "statements",
    "syntax",
]
