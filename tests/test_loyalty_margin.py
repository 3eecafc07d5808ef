"""CLV with margin (issue 22): ``cx.loyalty.clv(..., margin=...)`` = margin × discounted
expected revenue; the default margin 1.0 keeps the revenue values."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import cxlab as cx
from cxlab import loyalty


@pytest.fixture(scope="module")
def fits():
    cal = loyalty.clv_summary(
        cx.datasets.load("cdnow_sample"),
        "customer_id",
        "date",
        "dollar_value",
        freq="D",
        freq_multiplier=7,
        calibration_end="1997-09-30",
    )
    return loyalty.fit_bgnbd(cal), loyalty.fit_gamma_gamma(cal)


def test_default_margin_keeps_the_revenue_clv(fits):
    bg, gg = fits
    revenue = loyalty.clv(bg, gg)
    assert loyalty.clv(bg, gg, margin=1.0)["clv"].equals(revenue["clv"])
    assert round(float(revenue["clv"].mean()), 2) == 30.34  # the documented value


def test_a_single_margin_scales_clv_and_nothing_else(fits):
    bg, gg = fits
    revenue = loyalty.clv(bg, gg)
    profit = loyalty.clv(bg, gg, margin=0.35)
    np.testing.assert_allclose(profit["clv"], 0.35 * revenue["clv"], rtol=1e-12)
    for col in ("p_alive", "expected_purchases", "expected_spend"):
        assert profit[col].equals(revenue[col])


def test_a_margin_per_customer_is_aligned_by_id_not_by_position(fits):
    bg, gg = fits
    revenue = loyalty.clv(bg, gg)
    ids = revenue.index
    share = pd.Series(np.linspace(0.1, 0.9, len(ids)), index=ids)
    shuffled = share.sample(frac=1.0, random_state=1)
    value = loyalty.clv(bg, gg, margin=shuffled)
    np.testing.assert_allclose(value["clv"], share * revenue["clv"], rtol=1e-12)


@pytest.mark.parametrize("bad", [0, -0.2, 1.5, np.nan])
def test_a_margin_outside_zero_to_one_is_refused(fits, bad):
    bg, gg = fits
    with pytest.raises(cx.errors.DataError, match="0 < margin ≤ 1"):
        loyalty.clv(bg, gg, margin=bad)


def test_a_margin_series_missing_customers_names_them(fits):
    bg, gg = fits
    ids = loyalty.clv(bg, gg).index
    short = pd.Series(0.3, index=ids[1:])
    with pytest.raises(cx.errors.DataError, match="no value for 1 customer"):
        loyalty.clv(bg, gg, margin=short)
    with pytest.raises(cx.errors.DataError, match="share of revenue"):
        loyalty.clv(bg, gg, margin="30%")
