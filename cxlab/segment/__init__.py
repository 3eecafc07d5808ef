"""Segments and personalisation: who the customers are, what they buy together, what to
offer whom.

- :func:`profiles` — segments on standardised attitudes or behaviour (scikit-learn's
  ``GaussianMixture`` / ``KMeans``; ``method="lpa"``: latent profiles as a mixture with
  diagonal covariance): k chosen by a stated rule (lowest BIC; highest silhouette for
  k-means) with the criteria table, labels with posterior probabilities, a profile table
  and plot, segment sizes, and stability by the bootstrap adjusted Rand index. Segments
  that the data do not support (no structure, unstable, tiny) are flagged and warned about.
- :func:`rfm_profiles` — the same on the per-customer table of :func:`cxlab.loyalty.rfm`
  or :func:`cxlab.loyalty.clv_summary`, skewed columns logged first.
- :func:`rules`, :func:`basket_matrix` — market-basket association rules (mlxtend).
- :func:`recommend`, :func:`evaluate`, :func:`segment_offers` — popularity, item-item and
  segment recommenders, checked on a time holdout; which segment gets which offer.

Clusters describe, they do not explain.

Examples
--------
>>> import cxlab as cx
>>> sorted(n for n in cx.segment.__all__ if n.lower().endswith("profiles"))
['Profiles', 'profiles', 'rfm_profiles']
"""

from __future__ import annotations

from cxlab.segment._basket import BasketRules, basket_matrix, rules
from cxlab.segment._profiles import profiles, rfm_profiles
from cxlab.segment._recommend import HoldoutResult, evaluate, recommend, segment_offers
from cxlab.segment._result import Profiles

__all__ = [
    "BasketRules",
    "HoldoutResult",
    "Profiles",
    "basket_matrix",
    "evaluate",
    "profiles",
    "recommend",
    "rfm_profiles",
    "rules",
    "segment_offers",
]
