"""Contractual customer lifetime value from a survival curve (private; public through
:mod:`cxlab.churn`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from cxlab.churn._cox import CoxModel
from cxlab.churn._survival import _ALL, KaplanMeier
from cxlab.errors import DataError

__all__ = ["survival_clv"]


def _margin(margin: Any, index: pd.Index, what: str) -> np.ndarray:
    if isinstance(margin, pd.Series):
        missing = index.difference(margin.index)
        if len(missing):
            raise DataError(
                f"margin_per_period has no value for {what} {list(missing[:5])}: give one "
                f"per {what} (a Series indexed like them) or a single number."
            )
        values = pd.to_numeric(margin.reindex(index), errors="coerce").to_numpy(float)
    else:
        values = np.full(len(index), float(margin))
    if not np.all(np.isfinite(values)):
        raise DataError("margin_per_period must be a finite number of money per period.")
    return values


def survival_clv(
    result: KaplanMeier | CoxModel | pd.Series,
    margin_per_period: float | pd.Series,
    discount: float,
    horizon: int,
    *,
    data: pd.DataFrame | None = None,
    tenure: str | None = None,
) -> pd.DataFrame:
    """Contractual CLV from a survival curve: CLV = Σ_{t=1..horizon} m · S(t) / (1 + d)^t.

    The margin *m* of period t is earned at the period's **end** by a member still
    active then, so it is weighted by S(t), the survival at the end of period t (not at
    its start), and discounted t periods. Periods are the time unit of the durations
    (months with ``durations(unit="months")``); *discount* is the rate per period. With
    a constant retention rate r (S(t) = r^t) and an infinite horizon the sum is
    m·r / (1 + d − r), the retention form of Gupta & Lehmann (2003, "Customers as
    assets", Journal of Interactive Marketing 17(1), 9–24; also Fader & Hardie's notes
    on contractual settings); finite horizons give m·r/(1 + d − r)·(1 − (r/(1+d))^H).

    Parameters
    ----------
    result : KaplanMeier, CoxModel or Series
        A :func:`kaplan_meier` result (one CLV per group, from its S(t)); a :func:`cox`
        result with *data* (one CLV per member, from S(t | x) = CoxModel.survival); or a
        survival curve as a Series indexed by period 1, 2, … (values S(t)).
    margin_per_period : float or Series
        Margin (not revenue) per period; a Series per group / member.
    discount : float
        Discount rate per period (0.01 per month ≈ 12.7 % a year).
    horizon : int
        Number of periods. A Kaplan–Meier curve ends at the last follow-up: a horizon
        beyond it is an error (extrapolate with a model, not silently).
    data : DataFrame, optional
        The members to value with a Cox model.
    tenure : str, optional
        With a Cox model: the column of *data* holding the time each member has already
        stayed. Without it every member is valued as a new member (from tenure 0);
        with it, from S(a + t | x) / S(a | x) — existing members have already
        survived the early periods, so valuing them from tenure 0 misstates their CLV.
        A horizon that runs past the last follow-up for a member is an error.

    Returns
    -------
    DataFrame
        Per group / member: ``expected_periods`` (Σ S(t), undiscounted) and ``clv``.

    Examples
    --------
    >>> import pandas as pd
    >>> import cxlab as cx
    >>> curve = pd.Series(0.9 ** pd.RangeIndex(1, 601), index=pd.RangeIndex(1, 601))
    >>> v = cx.churn.survival_clv(curve, margin_per_period=20, discount=0.01, horizon=600)
    >>> round(float(v["clv"].iloc[0]), 4), round(20 * 0.9 / (1 + 0.01 - 0.9), 4)
    (163.6364, 163.6364)
    """
    if not (isinstance(horizon, int | np.integer) and horizon >= 1):
        raise DataError(f"horizon is a whole number of periods ≥ 1, not {horizon!r}.")
    if not 0 <= discount < 1:
        raise DataError(f"discount is a rate per period such as 0.01, not {discount!r}.")
    periods = np.arange(1, horizon + 1)
    if tenure is not None and not isinstance(result, CoxModel):
        raise DataError(
            "tenure= values members from their own tenure: use it with a cox(...) model and data=."
        )
    if isinstance(result, KaplanMeier):
        surv = result.survival(periods).T
        if result.group is not None:
            surv = surv.drop(index=_ALL)
        what = "group"
    elif isinstance(result, CoxModel):
        if data is None:
            raise DataError("A Cox model values members: pass data= (one row per member).")
        surv = result.survival(data, periods, tenure=tenure)
        what = "member"
    elif isinstance(result, pd.Series):
        missing = [t for t in periods if t not in result.index]
        if missing:
            raise DataError(f"The survival curve has no value at period(s) {missing[:5]}.")
        values = result.loc[periods].to_numpy(float)
        if np.any((values < 0) | (values > 1)) or np.any(np.diff(values) > 1e-12):
            raise DataError("A survival curve lies in [0, 1] and never rises.")
        surv = pd.DataFrame([values], index=pd.Index(["curve"]), columns=periods)
        what = "curve"
    else:
        raise DataError(
            "result is a kaplan_meier(...) or cox(...) result, or a Series S(t) by period, "
            f"not {type(result).__name__}."
        )
    if surv.isna().any().any():
        short = list(surv.index[surv.isna().any(axis=1)])
        raise DataError(
            f"The survival curve of {what} {short[:5]} ends before period {horizon} (its last "
            "follow-up): shorten horizon, or model the tail (e.g. a Cox model or a constant "
            "retention rate) instead of extrapolating silently."
        )
    m = _margin(margin_per_period, surv.index, what)
    weights = (1 + discount) ** -periods.astype(float)
    S = surv.to_numpy(float)
    return pd.DataFrame(
        {"expected_periods": S.sum(axis=1), "clv": m * (S @ weights)}, index=surv.index
    )
