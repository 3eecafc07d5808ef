"""The service-profit chain (服务利润链): internal service quality → employee satisfaction
→ retention → service value → customer satisfaction → loyalty → revenue growth
(Heskett, Jones, Loveman, Sasser & Schlesinger 1994), on employees and customers of the
same units (stores, hotels).

- :func:`link` — unit means of employee and customer answers, and ICC(1) / ICC(2): is a
  unit mean worth analysing? (:mod:`cxlab.profit_chain._link`)
- :func:`multilevel` — mixed regression with a random intercept per unit (statsmodels
  ``MixedLM``, REML or ML), variance components, ICC, and the within / between /
  contextual effects of a predictor by group-mean centring
  (:mod:`cxlab.profit_chain._multilevel`). This is cxlab's answer for two-level data that
  lavaan would fit with ``level:`` blocks.
- :func:`unit_paths` — the chain as a path model on unit means (:func:`cxlab.sem.fit`),
  with the small-sample warning and the cross-level caveats: ecological fallacy, reverse
  causation, common causes (:mod:`cxlab.profit_chain._paths`).
- :func:`example_data` — the simulated ``service_profit_chain_*`` tables (60 hotels).

References
----------
Heskett, J. L., Jones, T. O., Loveman, G. W., Sasser, W. E., & Schlesinger, L. A. (1994).
Putting the service-profit chain to work. Harvard Business Review 72(2), 164-174.

Examples
--------
>>> import cxlab as cx
>>> employees, customers, units = cx.profit_chain.example_data()
>>> linked = cx.profit_chain.link(employees, customers, units)
>>> len(linked.units)
60
"""

from __future__ import annotations

import pandas as pd

from cxlab.profit_chain._link import Linked, icc, link
from cxlab.profit_chain._multilevel import Multilevel, multilevel
from cxlab.profit_chain._paths import CAVEATS, CHAIN_MODEL, UnitPaths, unit_paths

__all__ = [
    "CAVEATS",
    "CHAIN_MODEL",
    "Linked",
    "Multilevel",
    "UnitPaths",
    "example_data",
    "icc",
    "link",
    "multilevel",
    "unit_paths",
]


def example_data() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The bundled simulated service-profit chain: (employees, customers, units), linked
    by ``unit_id`` (``cx.datasets.load("service_profit_chain_employees")`` etc.; the
    truth is in ``cx.datasets.resource(...)["simulation"]``).

    Examples
    --------
    >>> import cxlab as cx
    >>> [t.shape for t in cx.profit_chain.example_data()]
    [(1070, 5), (2684, 5), (60, 3)]
    """
    from cxlab.datasets import load

    return tuple(  # type: ignore[return-value]
        load(f"service_profit_chain_{t}") for t in ("employees", "customers", "units")
    )
