"""Exercises of lesson 09: behavioural loyalty, BG/NBD, Gamma-Gamma and CLV (CDNOW)."""

from __future__ import annotations

from functools import cache

from cxlab.exercises.registry import Exercise, register

CAL_END = "1997-09-30"


@cache
def _calibration():
    from cxlab import datasets, loyalty

    sample = datasets.load("cdnow_sample")
    cal = loyalty.clv_summary(
        sample,
        "customer_id",
        "date",
        "dollar_value",
        freq="D",
        freq_multiplier=7,
        calibration_end=CAL_END,
    )
    return cal, loyalty.fit_bgnbd(cal)


def _one_time() -> int:
    cal, _ = _calibration()
    return int((cal["frequency_cal"] == 0).sum())


def _r() -> float:
    return float(_calibration()[1].params_["r"])


def _holdout_predicted() -> float:
    from cxlab import loyalty

    cal, bg = _calibration()
    return float(loyalty.holdout_check(bg, cal).totals["predicted"])


def _champions_share() -> float:
    from cxlab import datasets, loyalty

    sample = datasets.load("cdnow_sample")
    full = loyalty.clv_summary(
        sample, "customer_id", "date", "dollar_value", freq="D", freq_multiplier=7
    )
    value = loyalty.clv(loyalty.fit_bgnbd(full), loyalty.fit_gamma_gamma(full))
    segment = loyalty.rfm(sample, amount="dollar_value")["segment"]
    total = value["clv"].groupby(segment, observed=False).sum()
    return float(total["champions"] / total.sum())


register(
    Exercise(
        id="09.one_time",
        prompt="How many of the 2,357 sample customers made no repeat purchase in weeks 1–39?",
        solution=_one_time,
        wrong=lambda: 946,
        hint="cal['frequency_cal'] == 0 — frequency counts repeat purchases only; 946 is the "
        "number of customers who did repeat.",
        explanation="1,411 of 2,357 (60 %) bought once in the calibration period: most CDNOW "
        "customers never came back within 39 weeks, which is why the model needs a dropout "
        "process.",
    )
)

register(
    Exercise(
        id="09.bgnbd_r",
        prompt="The BG/NBD shape parameter r of the calibration fit (three decimals)?",
        solution=_r,
        wrong=lambda: 0.283,
        tol=0.001,
        hint="bg.params_['r'] of the fit to clv_summary(..., freq='D', freq_multiplier=7, "
        "calibration_end='1997-09-30'); 0.283 comes from discrete weekly periods (freq='W').",
        explanation="r = .243, as Fader, Hardie & Lee (2005) publish: a shape below 1 means "
        "purchase rates differ a lot between customers (most buy rarely, a few often).",
    )
)

register(
    Exercise(
        id="09.holdout_pred",
        prompt="How many repeat purchases does the BG/NBD predict in the holdout weeks 40–78?",
        solution=_holdout_predicted,
        wrong=lambda: 1882,
        tol=1.0,
        hint="loyalty.holdout_check(bg, cal).totals['predicted'] (1,882 is what happened).",
        explanation="About 1,653 against 1,882 observed: the model under-forecasts the holdout "
        "by 12 %, most of it among customers with one or two calibration purchases.",
    )
)

register(
    Exercise(
        id="09.champions_clv",
        prompt="What share (0–1) of the sample's total 12-month CLV do the champions hold?",
        solution=_champions_share,
        wrong=lambda: 0.316,
        tol=0.01,
        hint="Sum clv by RFM segment and divide the champions' sum by the total; 0.316 is "
        "their share of customers, not of value.",
        explanation="About 85 % of the expected value sits with the 32 % of customers who are "
        "champions: value is far more concentrated than customers.",
    )
)
