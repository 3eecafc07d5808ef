"""Fitted buy-till-you-die models of cxlab.loyalty: BG/NBD, Gamma-Gamma and CLV
(holdout checks are in :mod:`cxlab.loyalty._holdout`).

The estimation is lifetimes' (``BetaGeoFitter``, ``GammaGammaFitter``; maximum
likelihood with autograd gradients); these classes hold the fit the way the rest of
cxlab does (``params_``, ``to_frame()``, ``summary()``, honest diagnostics) and speak
the lesson's language: probability alive, expected purchases, expected spend, CLV.
"""

from __future__ import annotations

import contextlib
import io
import warnings
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from cxlab._conventions import renamed_columns
from cxlab.errors import DataError, EstimationError

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from cxlab.viz import Lang

# months → model time units, as lifetimes' customer_lifetime_value counts them
PER_MONTH = {"D": 30.0, "W": 4.345, "M": 1.0}
_BG = ["frequency", "recency", "T"]
#: the words of the models' histograms (:meth:`BGNBD.plot`, :meth:`GammaGamma.plot`)
_WORDS = {
    "en": {"alive": "P(alive)", "spend": "expected spend per purchase", "y": "customers"},
    "zh": {"alive": "存活概率 P(alive)", "spend": "每次购买的预期消费金额", "y": "客户数"},
}


def lifetimes() -> Any:
    """Import lifetimes without its pandas-3 deprecation warning (a known, harmless one)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", FutureWarning)
        import lifetimes as lt
    return lt


def rfm_columns(data: pd.DataFrame, names: list[str], what: str) -> pd.DataFrame:
    """The model's columns of a clv_summary: plain names, or the ``_cal`` ones."""
    if not isinstance(data, pd.DataFrame):
        raise DataError(f"{what} needs the DataFrame returned by clv_summary().")
    if all(n in data.columns for n in names):
        return data[names]
    cal = [f"{n}_cal" for n in names]
    if all(c in data.columns for c in cal):
        return data[cal].set_axis(names, axis=1)
    raise DataError(
        f"{what} needs the columns {', '.join(names)} (or {', '.join(cal)}) of "
        f"clv_summary(); the data have {', '.join(map(str, data.columns))}."
    )


def _fit(fitter: Any, *args: Any) -> Any:
    lt = lifetimes()
    captured = io.StringIO()
    try:
        with contextlib.redirect_stdout(captured), warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            return fitter.fit(*args)
    except lt.utils.ConvergenceError as exc:
        raise EstimationError(
            f"{type(fitter).__name__} did not converge: {captured.getvalue().strip()[:400]} "
            "Try penalizer=0.001 (a small ridge penalty), or check the summary data."
        ) from exc
    except ValueError as exc:
        raise DataError(f"The summary data cannot be fitted: {exc}") from exc


def _loglik(fitter: Any, *data: Any) -> float:
    """Log-likelihood at the estimates on the data as given (lifetimes' optimiser works
    on rescaled times, so its stored objective is not the model's log-likelihood)."""
    n = len(data[0])
    with warnings.catch_warnings():  # lifetimes' likelihood resets the FutureWarning filter
        nll = type(fitter)._negative_log_likelihood(
            np.log(fitter.params_.to_numpy()),
            *(np.asarray(x, dtype=float) for x in data),
            np.ones(n),
            0.0,
        )
    return -float(nll) * n


def _table(fitter: Any, names: dict[str, str]) -> pd.DataFrame:
    s = fitter.summary
    out = pd.DataFrame(
        {
            "est": s["coef"],
            "se": s["se(coef)"],
            "ci_low": s["lower 95% bound"],
            "ci_high": s["upper 95% bound"],
        }
    )
    out.index = pd.Index([names.get(i, i) for i in out.index], name="parameter")
    return renamed_columns(out)


def _hist(values: pd.Series, ax: Axes | None, what: str, lang: Lang | None) -> Axes:
    import matplotlib
    import matplotlib.pyplot as plt

    from cxlab.viz import figure_words, refont

    lang, words, family = figure_words(lang, _WORDS)
    with matplotlib.rc_context({"font.family": family}):
        ax = ax or plt.subplots(figsize=(6, 3.5))[1]
        ax.hist(values, bins=30)
        ax.set(xlabel=words[what], ylabel=words["y"])
        # also the texts of an axes made before, outside this font
        refont(ax, family)
    return ax


@dataclass
class BGNBD:
    """A fitted BG/NBD model (Fader, Hardie & Lee 2005): made by :func:`fit_bgnbd`.

    Assumptions: while alive, a customer buys as a Poisson process with rate λ
    (gamma-distributed across customers, shape r, scale α); after each purchase she
    drops out with probability p (beta-distributed, a, b); rates and dropout are
    independent. ``params_`` holds r, alpha, a, b; ``time_unit`` the unit of recency
    and T ("D" days, "W" weeks), needed to turn months into model time for CLV.
    """

    params_: pd.Series
    loglik_: float
    n_customers_: int
    time_unit: str | None
    data_: pd.DataFrame = field(repr=False)
    model_: Any = field(repr=False)

    def to_frame(self) -> pd.DataFrame:
        """Estimates with standard errors and 95 % Wald intervals (lifetimes' Hessian):
        ``est, se, ci_low, ci_high`` (this table was ``summary()`` before cxlab 0.2).

        Examples
        --------
        >>> import cxlab as cx
        >>> from cxlab import loyalty
        >>> cal = loyalty.clv_summary(cx.datasets.load("cdnow_sample"), "customer_id", "date",
        ...     "dollar_value", freq="D", freq_multiplier=7, calibration_end="1997-09-30")
        >>> bg = loyalty.fit_bgnbd(cal)
        >>> bg.to_frame().round(3)  # In R: BTYD::bgnbd.EstimateParameters(cal.cbs)
                     est     se  ci_low  ci_high
        parameter
        r          0.243  0.013   0.218    0.267
        alpha      4.414  0.378   3.672    5.155
        a          0.793  0.186   0.429    1.157
        b          2.426  0.705   1.043    3.809
        """
        return _table(self.model_, {})

    def summary(self) -> str:
        """Plain text: the fit and the parameter table. Until cxlab 0.2 ``summary()``
        returned the table (a DataFrame); that table is :meth:`to_frame` now.

        Examples
        --------
        >>> import cxlab as cx
        >>> from cxlab import loyalty
        >>> cal = loyalty.clv_summary(cx.datasets.load("cdnow_sample"), "customer_id", "date",
        ...     "dollar_value", freq="D", freq_multiplier=7, calibration_end="1997-09-30")
        >>> print(loyalty.fit_bgnbd(cal).summary().splitlines()[0][:41])
        BG/NBD fit to 2,357 customers (weeks): r
        """
        return repr(self) + "\n" + self.to_frame().round(4).to_string()

    def plot(self, *, ax: Axes | None = None, lang: Lang | None = None) -> Axes:
        """Histogram of the customers' probability of being alive (:meth:`probability_alive`).

        ``lang`` ("en" or "zh") is the language of the axis labels; default: the
        notebook's (:func:`cxlab.viz.language`, set by ``cx.viz.set_theme(lang=...)``).

        Examples
        --------
        >>> import cxlab as cx
        >>> from cxlab import loyalty
        >>> cal = loyalty.clv_summary(cx.datasets.load("cdnow_sample"), "customer_id", "date",
        ...     "dollar_value", freq="D", freq_multiplier=7, calibration_end="1997-09-30")
        >>> bg = loyalty.fit_bgnbd(cal)
        >>> bg.plot().get_xlabel(), bg.plot(lang="zh").get_xlabel()
        ('P(alive)', '存活概率 P(alive)')
        """
        return _hist(self.probability_alive(), ax, "alive", lang)

    def _repr_html_(self) -> str:
        return f"<p><b>{escape(repr(self))}</b></p>" + self.to_frame().round(4).to_html()

    def probability_alive(self, data: pd.DataFrame | None = None) -> pd.Series:
        """P(alive) of each customer given frequency, recency and T (Fader et al. 2008).

        Examples
        --------
        >>> import cxlab as cx
        >>> from cxlab import loyalty
        >>> cal = loyalty.clv_summary(cx.datasets.load("cdnow_sample"), "customer_id", "date",
        ...     "dollar_value", freq="D", freq_multiplier=7, calibration_end="1997-09-30")
        >>> bg = loyalty.fit_bgnbd(cal)
        >>> bg.probability_alive().round(3).head(3).to_dict()  # In R: BTYD::bgnbd.PAlive
        {4: 0.727, 18: 1.0, 21: 0.212}
        """
        d = self.data_ if data is None else rfm_columns(data, _BG, "probability_alive")
        p = self.model_.conditional_probability_alive(d["frequency"], d["recency"], d["T"])
        return pd.Series(np.asarray(p, dtype=float), index=d.index, name="p_alive")

    def expected_purchases(self, t: float, data: pd.DataFrame | None = None) -> pd.Series:
        """Expected repeat purchases of each customer in the next *t* time units (eq. 10).

        In R: ``BTYD::bgnbd.ConditionalExpectedTransactions(params, T.star, x, t.x, T.cal)``.

        Examples
        --------
        >>> import cxlab as cx
        >>> from cxlab import loyalty
        >>> cal = loyalty.clv_summary(cx.datasets.load("cdnow_sample"), "customer_id", "date",
        ...     "dollar_value", freq="D", freq_multiplier=7, calibration_end="1997-09-30")
        >>> bg = loyalty.fit_bgnbd(cal)
        >>> bg.expected_purchases(39).round(3).head(3).to_dict()  # next 39 weeks
        {4: 1.226, 18: 0.197, 21: 0.203}
        >>> round(float(bg.expected_purchases(39).sum()), 1)
        1653.4
        """
        d = self.data_ if data is None else rfm_columns(data, _BG, "expected_purchases")
        e = self.model_.conditional_expected_number_of_purchases_up_to_time(
            t, d["frequency"], d["recency"], d["T"]
        )
        return pd.Series(np.asarray(e, dtype=float), index=d.index, name="expected_purchases")

    def expected_population(self, t: float | np.ndarray) -> np.ndarray:
        """E[X(t)]: repeat purchases of a new customer within *t* time units (eq. 9).

        Examples
        --------
        >>> import cxlab as cx
        >>> from cxlab import loyalty
        >>> cal = loyalty.clv_summary(cx.datasets.load("cdnow_sample"), "customer_id", "date",
        ...     "dollar_value", freq="D", freq_multiplier=7, calibration_end="1997-09-30")
        >>> bg = loyalty.fit_bgnbd(cal)
        >>> bg.expected_population([13, 26, 39]).round(3)  # In R: BTYD::bgnbd.Expectation
        array([0.534, 0.901, 1.195])
        """
        return np.asarray(self.model_.expected_number_of_purchases_up_to_time(t), dtype=float)

    def __repr__(self) -> str:
        p = ", ".join(f"{k} = {v:.4f}" for k, v in self.params_.items())
        unit = {"D": "days", "W": "weeks"}.get(self.time_unit or "", "unknown units")
        n = self.n_customers_
        return f"BG/NBD fit to {n:,} customers ({unit}): {p}; log-lik {self.loglik_:.2f}"


@dataclass
class GammaGamma:
    """A fitted Gamma-Gamma spend model (Fader, Hardie & Lee 2005b; Fader & Hardie 2013).

    Assumptions: a customer's purchase values vary around her mean spend (gamma, shape
    p, scale ν); the means vary across customers (gamma, q, γ); spend is independent of
    purchase frequency — ``spend_frequency_corr_`` (among repeat buyers) checks it.
    Fitted to repeat buyers only (frequency > 0); ``n_excluded_`` one-time buyers were
    left out by design and still get the population mean spend in :meth:`expected_spend`.
    """

    params_: pd.Series
    loglik_: float
    n_customers_: int
    n_excluded_: int
    spend_frequency_corr_: float
    data_: pd.DataFrame = field(repr=False)
    model_: Any = field(repr=False)

    def to_frame(self) -> pd.DataFrame:
        """Estimates (p, q, gamma) with standard errors and 95 % Wald intervals:
        ``est, se, ci_low, ci_high`` (this table was ``summary()`` before cxlab 0.2).

        Examples
        --------
        >>> import cxlab as cx
        >>> from cxlab import loyalty
        >>> cal = loyalty.clv_summary(cx.datasets.load("cdnow_sample"), "customer_id", "date",
        ...     "dollar_value", freq="D", freq_multiplier=7, calibration_end="1997-09-30")
        >>> gg = loyalty.fit_gamma_gamma(cal)
        >>> gg.to_frame().round(3)  # In R: BTYD::spend.EstimateParameters(m.x, x)
                      est     se  ci_low  ci_high
        parameter
        p           6.250  1.190   3.917    8.582
        q           3.744  0.290   3.176    4.313
        gamma      15.444  4.159   7.291   23.596
        """
        return _table(self.model_, {"v": "gamma"})

    def summary(self) -> str:
        """Plain text: the fit and the parameter table. Until cxlab 0.2 ``summary()``
        returned the table (a DataFrame); that table is :meth:`to_frame` now.

        Examples
        --------
        >>> import cxlab as cx
        >>> from cxlab import loyalty
        >>> cal = loyalty.clv_summary(cx.datasets.load("cdnow_sample"), "customer_id", "date",
        ...     "dollar_value", freq="D", freq_multiplier=7, calibration_end="1997-09-30")
        >>> print(loyalty.fit_gamma_gamma(cal).summary().splitlines()[0][:42])
        Gamma-Gamma fit to 946 repeat buyers (1,41
        """
        return repr(self) + "\n" + self.to_frame().round(4).to_string()

    def plot(self, *, ax: Axes | None = None, lang: Lang | None = None) -> Axes:
        """Histogram of the customers' expected spend per purchase (:meth:`expected_spend`).

        ``lang`` ("en" or "zh") is the language of the axis labels; default: the
        notebook's (:func:`cxlab.viz.language`, set by ``cx.viz.set_theme(lang=...)``).

        Examples
        --------
        >>> import cxlab as cx
        >>> from cxlab import loyalty
        >>> cal = loyalty.clv_summary(cx.datasets.load("cdnow_sample"), "customer_id", "date",
        ...     "dollar_value", freq="D", freq_multiplier=7, calibration_end="1997-09-30")
        >>> gg = loyalty.fit_gamma_gamma(cal)
        >>> gg.plot().get_xlabel()
        'expected spend per purchase'
        >>> gg.plot(lang="zh").get_xlabel()
        '每次购买的预期消费金额'
        """
        return _hist(self.expected_spend(), ax, "spend", lang)

    def _repr_html_(self) -> str:
        return f"<p><b>{escape(repr(self))}</b></p>" + self.to_frame().round(4).to_html()

    def population_mean(self) -> float:
        """Mean spend per purchase in the population, p·γ / (q − 1).

        Examples
        --------
        >>> import cxlab as cx
        >>> from cxlab import loyalty
        >>> cal = loyalty.clv_summary(cx.datasets.load("cdnow_sample"), "customer_id", "date",
        ...     "dollar_value", freq="D", freq_multiplier=7, calibration_end="1997-09-30")
        >>> gg = loyalty.fit_gamma_gamma(cal)
        >>> round(gg.population_mean(), 2)
        35.17
        """
        p, q, v = self.params_[["p", "q", "gamma"]]
        return float(p * v / (q - 1))

    def expected_spend(self, data: pd.DataFrame | None = None) -> pd.Series:
        """Expected mean spend per purchase of each customer: a weighted mean of her own
        average and the population mean, weight p·x / (p·x + q − 1).

        In R: ``BTYD::spend.expected.value(params, m.x, x)``.

        Examples
        --------
        >>> import cxlab as cx
        >>> from cxlab import loyalty
        >>> cal = loyalty.clv_summary(cx.datasets.load("cdnow_sample"), "customer_id", "date",
        ...     "dollar_value", freq="D", freq_multiplier=7, calibration_end="1997-09-30")
        >>> gg = loyalty.fit_gamma_gamma(cal)
        >>> gg.expected_spend().round(2).head(3).to_dict()  # 18: one-time buyer
        {4: 24.65, 18: 35.17, 21: 18.91}
        """
        d = (
            self.data_
            if data is None
            else rfm_columns(data, ["frequency", "monetary_value"], "expected_spend")
        )
        e = self.model_.conditional_expected_average_profit(d["frequency"], d["monetary_value"])
        return pd.Series(np.asarray(e, dtype=float), index=d.index, name="expected_spend")

    def __repr__(self) -> str:
        p = ", ".join(f"{k} = {v:.4f}" for k, v in self.params_.items())
        return (
            f"Gamma-Gamma fit to {self.n_customers_:,} repeat buyers ({self.n_excluded_:,} "
            f"one-time buyers excluded): {p}; corr(spend, frequency) = "
            f"{self.spend_frequency_corr_:.3f}"
        )


def fit_bgnbd(summary: pd.DataFrame, penalizer: float = 0.0) -> BGNBD:
    """Fit the BG/NBD model of repeat purchasing (lifetimes ``BetaGeoFitter``).

    Parameters
    ----------
    summary : DataFrame
        From :func:`clv_summary`: ``frequency``, ``recency``, ``T`` — or the
        calibration columns ``*_cal`` when a holdout was split off.
    penalizer : float
        L2 penalty on the log-parameters (0 = maximum likelihood, as published).

    Returns
    -------
    BGNBD
        ``params_`` (r, alpha, a, b), ``to_frame()`` with SEs, ``loglik_``,
        ``probability_alive()``, ``expected_purchases(t)``.

    Raises
    ------
    EstimationError
        If the optimiser does not converge.

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab import loyalty
    >>> cal = loyalty.clv_summary(cx.datasets.load("cdnow_sample"), "customer_id", "date",
    ...                           freq="D", freq_multiplier=7, calibration_end="1997-09-30")
    >>> bg = loyalty.fit_bgnbd(cal)
    >>> round(bg.loglik_, 1)
    -9582.4

    In R: ``BTYD::bgnbd.EstimateParameters(cal.cbs)``.
    """
    d = rfm_columns(summary, _BG, "fit_bgnbd")
    if d.isna().any().any():
        raise DataError("The summary has missing frequency, recency or T values.")
    lt = lifetimes()
    model = _fit(lt.BetaGeoFitter(penalizer_coef=penalizer), d["frequency"], d["recency"], d["T"])
    params = model.params_.copy()
    return BGNBD(
        params_=params,
        loglik_=_loglik(model, d["frequency"], d["recency"], d["T"]),
        n_customers_=len(d),
        time_unit=summary.attrs.get("time_unit"),
        data_=d,
        model_=model,
    )


def fit_gamma_gamma(summary: pd.DataFrame, penalizer: float = 0.0) -> GammaGamma:
    """Fit the Gamma-Gamma model of spend per purchase to the repeat buyers.

    Parameters
    ----------
    summary : DataFrame
        From :func:`clv_summary` with an amount: ``frequency`` and ``monetary_value``
        (or ``*_cal``). One-time buyers (frequency 0) are left out, as the model
        requires, and counted in ``n_excluded_``.
    penalizer : float
        L2 penalty on the log-parameters.

    Returns
    -------
    GammaGamma
        ``params_`` (p, q, gamma), ``to_frame()``, ``spend_frequency_corr_`` (the
        model assumes ≈ 0), ``expected_spend()``, ``population_mean()``.

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab import loyalty
    >>> cal = loyalty.clv_summary(cx.datasets.load("cdnow_sample"), "customer_id", "date",
    ...     "dollar_value", freq="D", freq_multiplier=7, calibration_end="1997-09-30")
    >>> gg = loyalty.fit_gamma_gamma(cal)
    >>> gg.n_customers_, gg.params_.round(2).to_dict()
    (946, {'p': 6.25, 'q': 3.74, 'gamma': 15.44})

    In R: ``BTYD::spend.EstimateParameters(m.x, x)``.
    """
    d = rfm_columns(summary, ["frequency", "monetary_value"], "fit_gamma_gamma")
    repeat = d[d["frequency"] > 0]
    zero = repeat.index[repeat["monetary_value"] <= 0]
    if len(zero):
        shown = ", ".join(map(repr, list(zero[:5])))
        raise DataError(
            f"{len(zero):,} repeat buyers have a mean repeat spend of 0 or less (customers "
            f"{shown}); the Gamma-Gamma model needs positive spend. Leave them out explicitly, "
            "e.g. summary[summary['monetary_value'] > 0], and say so."
        )
    if len(repeat) < 10:
        raise DataError(f"Only {len(repeat)} repeat buyers: too few to fit a spend model.")
    lt = lifetimes()
    model = _fit(
        lt.GammaGammaFitter(penalizer_coef=penalizer), repeat["frequency"], repeat["monetary_value"]
    )
    params = model.params_.rename({"v": "gamma"})
    return GammaGamma(
        params_=params,
        loglik_=_loglik(model, repeat["frequency"], repeat["monetary_value"]),
        n_customers_=len(repeat),
        n_excluded_=len(d) - len(repeat),
        spend_frequency_corr_=float(repeat["frequency"].corr(repeat["monetary_value"])),
        data_=d,
        model_=model,
    )


def clv(
    bgnbd: BGNBD,
    gamma_gamma: GammaGamma,
    data: pd.DataFrame | None = None,
    *,
    horizon: int = 12,
    discount: float = 0.01,
    time_unit: str | None = None,
    margin: float | pd.Series = 1.0,
) -> pd.DataFrame:
    """Customer lifetime value over *horizon* months, discounted monthly.

    CLV = margin × Σ_{m=1..horizon} E[purchases in month m] · E[spend per purchase] /
    (1 + d)^m, months converted to model time as lifetimes does (30 days, 4.345 weeks):
    CLV with margin = margin × discounted expected revenue. The default ``margin=1.0``
    values revenue, as before; a gross margin of 0.3 values gross profit.

    Parameters
    ----------
    bgnbd, gamma_gamma : fitted models
        From :func:`fit_bgnbd` and :func:`fit_gamma_gamma`.
    data : DataFrame, optional
        Customers to value (a clv_summary); default: those the BG/NBD was fitted to.
    horizon : int
        Months ahead.
    discount : float
        Monthly discount rate (0.01 ≈ 12.7 % a year).
    time_unit : {"D", "W"}, optional
        Unit of recency and T if the summary did not record it.
    margin : float or Series
        Gross margin as a share of revenue, 0 < margin ≤ 1: one number, or a Series
        per customer indexed like the customers valued (every customer needs one).

    Returns
    -------
    DataFrame
        Per customer: p_alive, expected_purchases (over the horizon), expected_spend
        (per purchase, revenue), clv (margin × discounted expected revenue).

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab import loyalty
    >>> cal = loyalty.clv_summary(cx.datasets.load("cdnow_sample"), "customer_id", "date",
    ...     "dollar_value", freq="D", freq_multiplier=7, calibration_end="1997-09-30")
    >>> value = loyalty.clv(loyalty.fit_bgnbd(cal), loyalty.fit_gamma_gamma(cal))
    >>> round(float(value["clv"].mean()), 2)
    30.34
    >>> margin = loyalty.clv(loyalty.fit_bgnbd(cal), loyalty.fit_gamma_gamma(cal), margin=0.3)
    >>> round(float(margin["clv"].mean()), 2)
    9.1
    """
    unit = time_unit or bgnbd.time_unit
    if unit not in PER_MONTH:
        raise DataError(
            "The model's time unit is unknown: give time_unit='D' (recency and T in days) or "
            "'W' (in weeks) — clv_summary(freq='D', freq_multiplier=7) gives weeks."
        )
    if not (isinstance(horizon, int | np.integer) and horizon >= 1):
        raise DataError(f"horizon is a whole number of months ≥ 1, not {horizon!r}.")
    if not 0 <= discount < 1:
        raise DataError(f"discount is a monthly rate such as 0.01, not {discount!r}.")
    d = bgnbd.data_.join(gamma_gamma.data_[["monetary_value"]], how="left")
    if data is not None:
        d = rfm_columns(data, [*_BG, "monetary_value"], "clv")
    if d["monetary_value"].isna().any():
        raise DataError("Some customers have no monetary_value; pass data= with that column.")
    share = _margin_share(margin, d.index)
    factor = PER_MONTH[unit]
    spend = gamma_gamma.expected_spend(d)
    value = np.zeros(len(d))
    for month in range(1, horizon + 1):
        t1, t0 = month * factor, (month - 1) * factor
        n = bgnbd.expected_purchases(t1, d) - bgnbd.expected_purchases(t0, d)
        value += (spend * n).to_numpy() / (1 + discount) ** month
    out = pd.DataFrame(index=d.index)
    out["p_alive"] = bgnbd.probability_alive(d)
    out["expected_purchases"] = bgnbd.expected_purchases(horizon * factor, d)
    out["expected_spend"] = spend
    out["clv"] = share * value
    return out


def _margin_share(margin: float | pd.Series, index: pd.Index) -> np.ndarray:
    """*margin* as one share per customer of *index*, checked: 0 < margin ≤ 1, aligned."""
    if isinstance(margin, pd.Series):
        missing = index.difference(margin.index)
        if len(missing):
            raise DataError(
                f"margin has no value for {len(missing)} customer(s) (e.g. "
                f"{list(missing[:5])}): give a Series indexed by customer id covering every "
                "customer valued, or one number."
            )
        if margin.index.has_duplicates:
            raise DataError("margin's index repeats customer ids; give one margin per customer.")
        values = pd.to_numeric(margin.reindex(index), errors="coerce").to_numpy(float)
    elif isinstance(margin, int | float | np.integer | np.floating) and not isinstance(
        margin, bool
    ):
        values = np.full(len(index), float(margin))
    else:
        raise DataError(
            f"margin is a share of revenue (0 < margin ≤ 1) or a Series per customer, not "
            f"{type(margin).__name__}."
        )
    bad = ~((values > 0) & (values <= 1))
    if bad.any():
        where = f" (customer {index[bad][0]!r})" if isinstance(margin, pd.Series) else ""
        raise DataError(
            f"margin is a gross margin as a share of revenue, 0 < margin ≤ 1, not "
            f"{values[bad][0]!r}{where}; 30 % is margin=0.3."
        )
    return values
