"""cx.loyalty against the published CDNOW fits, against lifetimes itself, and on bad input.

Published numbers: Fader, Hardie & Lee (2005a) BG/NBD on the 2,357-customer CDNOW
sample, calibration = the first 39 weeks (1997-01-01 .. 1997-09-30), time in weeks
measured as days / 7, purchases on one day counted once: r .243, α 4.414, a .793,
b 2.426, LL −9582.4. Gamma-Gamma on its 946 repeat buyers (Fader, Hardie & Lee 2005b;
Fader & Hardie 2013): p 6.25, q 3.74, γ 15.44.
"""

from __future__ import annotations

import warnings

import duckdb
import numpy as np
import pandas as pd
import pytest
from scipy import stats

import cxlab as cx
from cxlab import loyalty
from cxlab.errors import DataError

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import lifetimes
    from lifetimes.utils import calibration_and_holdout_data, summary_data_from_transaction_data

CAL_END = "1997-09-30"
WEEKS = {"freq": "D", "freq_multiplier": 7}


@pytest.fixture(scope="module")
def sample() -> pd.DataFrame:
    return cx.datasets.load("cdnow_sample")


@pytest.fixture(scope="module")
def cal(sample) -> pd.DataFrame:
    return loyalty.clv_summary(
        sample, "customer_id", "date", "dollar_value", calibration_end=CAL_END, **WEEKS
    )


@pytest.fixture(scope="module")
def bg(cal) -> loyalty.BGNBD:
    return loyalty.fit_bgnbd(cal)


@pytest.fixture(scope="module")
def gg(cal) -> loyalty.GammaGamma:
    return loyalty.fit_gamma_gamma(cal)


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    out.attrs = {}
    return out


# --- the published numbers ------------------------------------------------------------


def test_bgnbd_reproduces_fader_hardie_lee_2005(bg):
    published = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
    for name, value in published.items():
        assert bg.params_[name] == pytest.approx(value, abs=0.001), name
    assert bg.loglik_ == pytest.approx(-9582.4, abs=0.1)
    assert bg.n_customers_ == 2357 and bg.time_unit == "W"
    se = bg.to_frame()["se"]
    assert se["r"] == pytest.approx(0.0126, abs=0.0005)


def test_gamma_gamma_reproduces_the_946_repeat_buyers(gg):
    assert gg.n_customers_ == 946 and gg.n_excluded_ == 2357 - 946
    for name, value in {"p": 6.25, "q": 3.74, "gamma": 15.44}.items():
        assert gg.params_[name] == pytest.approx(value, abs=0.01), name
    assert gg.population_mean() == pytest.approx(6.25 * 15.44 / 2.74, rel=0.01)
    assert 0 < gg.spend_frequency_corr_ < 0.2  # the independence assumption roughly holds


def test_data_preparation_that_gives_the_published_fit(sample):
    # discrete weekly periods (freq="W") do NOT give the published numbers
    weekly = loyalty.clv_summary(sample, calibration_end=CAL_END, freq="W")
    assert loyalty.fit_bgnbd(weekly).params_["r"] == pytest.approx(0.283, abs=0.001)
    published = pd.read_csv(
        f"{lifetimes.__path__[0]}/datasets/cdnow_customers_summary_with_transactions.csv"
    )
    ours = loyalty.clv_summary(
        sample, "sample_id", "date", "dollar_value", as_of=CAL_END, late="drop", **WEEKS
    )
    assert (ours["frequency"].to_numpy() == published["x"].to_numpy()).all()
    np.testing.assert_allclose(ours["recency"], published["t_x"], atol=0.005)
    np.testing.assert_allclose(ours["T"], published["T"], atol=0.005)
    np.testing.assert_allclose(ours["monetary_value"], published["zbar"], atol=0.005)


# --- equal to lifetimes ---------------------------------------------------------------


@pytest.mark.parametrize("freq,mult", [("D", 1), ("W", 1), ("D", 7)])
def test_clv_summary_equals_lifetimes_exactly_on_cdnow(freq, mult):
    tx = cx.datasets.load("cdnow")
    ours = loyalty.clv_summary(
        tx, "customer_id", "date", "dollar_value", freq=freq, freq_multiplier=mult
    )
    ref = summary_data_from_transaction_data(
        tx, "customer_id", "date", "dollar_value", freq=freq, freq_multiplier=mult
    )
    pd.testing.assert_frame_equal(_plain(ours), ref, check_exact=True)
    assert len(ours) == 23570


def test_clv_summary_equals_lifetimes_on_retail_and_without_amount():
    tx = cx.datasets.load("retail_transactions")
    ours = loyalty.clv_summary(tx, amount="amount", freq="W")
    ref = summary_data_from_transaction_data(tx, "customer_id", "date", "amount", freq="W")
    pd.testing.assert_frame_equal(_plain(ours), ref, check_exact=True)
    ours = loyalty.clv_summary(tx, as_of="2025-12-31")
    ref = summary_data_from_transaction_data(
        tx, "customer_id", "date", observation_period_end="2025-12-31"
    )
    pd.testing.assert_frame_equal(_plain(ours), ref, check_exact=True)


def test_string_ids_and_chunked_reading_equal_lifetimes(monkeypatch):
    from cxlab.loyalty import _sql as _loyalty_sql

    tx = cx.datasets.load("cdnow").assign(customer_id=lambda d: "C" + d["customer_id"].astype(str))
    monkeypatch.setattr(_loyalty_sql, "CHUNK_PERIODS", 5_000)  # 12 chunks of customers
    ours = loyalty.clv_summary(tx, amount="dollar_value", freq="W")
    ref = summary_data_from_transaction_data(tx, "customer_id", "date", "dollar_value", freq="W")
    pd.testing.assert_frame_equal(_plain(ours), ref, check_exact=True)
    assert ours.index[:3].tolist() == ["C1", "C10", "C100"]  # sorted as text, like pandas


def test_calibration_holdout_equals_lifetimes(sample, cal):
    ref = calibration_and_holdout_data(
        sample, "customer_id", "date", CAL_END, monetary_value_col="dollar_value", **WEEKS
    )
    same = [c for c in ref.columns if c != "monetary_value_holdout"]
    pd.testing.assert_frame_equal(_plain(cal)[same], ref[same], check_exact=True)
    # ours: mean value per holdout purchase day; lifetimes: mean of the raw rows
    day = sample[sample["date"] > CAL_END].groupby(["customer_id", "date"])["dollar_value"].sum()
    np.testing.assert_allclose(
        cal.loc[day.index.levels[0], "monetary_value_holdout"],
        day.groupby(level=0).mean(),
        rtol=1e-12,
    )
    assert cal.attrs["time_unit"] == "W" and cal.attrs["calibration_end"] == CAL_END


def test_predictions_equal_lifetimes(cal, bg, gg):
    ref_bg = lifetimes.BetaGeoFitter().fit(cal["frequency_cal"], cal["recency_cal"], cal["T_cal"])
    p = ref_bg.conditional_probability_alive(cal["frequency_cal"], cal["recency_cal"], cal["T_cal"])
    np.testing.assert_allclose(bg.probability_alive(), p, rtol=1e-6)
    repeat = cal[cal["frequency_cal"] > 0]
    ref_gg = lifetimes.GammaGammaFitter().fit(repeat["frequency_cal"], repeat["monetary_value_cal"])
    ref_clv = ref_gg.customer_lifetime_value(
        ref_bg,
        cal["frequency_cal"],
        cal["recency_cal"],
        cal["T_cal"],
        cal["monetary_value_cal"],
        time=12,
        discount_rate=0.01,
        freq="W",
    )
    ours = loyalty.clv(bg, gg, horizon=12, discount=0.01)
    np.testing.assert_allclose(ours["clv"], ref_clv, rtol=1e-5)
    assert (ours["p_alive"].between(0, 1)).all()


def test_holdout_check_and_tracking(cal, bg, sample):
    check = loyalty.holdout_check(bg, cal)
    assert check.totals["actual"] == cal["frequency_holdout"].sum() == 1882
    expected = bg.expected_purchases(39, cal).sum()
    assert check.totals["predicted"] == pytest.approx(expected)
    assert check.table["customers"].sum() == 2357 and check.table.index[-1] == "7+"
    tr = loyalty.tracking(bg, sample, calibration_end=CAL_END)
    assert len(tr.table) == 78
    full = loyalty.clv_summary(sample, **WEEKS)
    assert tr.table["actual_cum"].iloc[-1] == full["frequency"].sum()
    week39 = tr.table.loc[38]
    assert week39["end"] == pd.Timestamp(CAL_END)
    assert week39["actual_cum"] == cal["frequency_cal"].sum()
    # the model's expectation for the calibration period is close to what happened
    assert week39["predicted_cum"] == pytest.approx(week39["actual_cum"], rel=0.03)


# --- RFM and cohorts ------------------------------------------------------------------


def test_rfm_scores_segments_and_ties():
    tx = cx.datasets.load("retail_transactions")
    r = loyalty.rfm(tx, as_of="2025-12-31")
    assert set(r[["R", "F", "M"]].stack().unique()) <= {1, 2, 3, 4, 5}
    for col, score in (("frequency", "F"), ("monetary", "M")):
        assert (r.groupby(col)[score].nunique() == 1).all()  # ties share a score
        assert r[col].corr(r[score], method="spearman") > 0.95
    assert r["recency"].corr(r["R"], method="spearman") < -0.95
    last = tx.groupby("customer_id")["date"].max()
    assert (r["recency"] == (pd.Timestamp("2025-12-31") - last).dt.days).all()
    champions = r[r["segment"] == "champions"]
    assert (champions["R"] >= 4).all() and ((champions["F"] + champions["M"]) >= 8).all()
    lost = r[r["segment"] == "lost"]
    assert (lost["R"] == 1).all() and ((lost["F"] + lost["M"]) <= 5).all()
    assert list(r["segment"].cat.categories) == loyalty.rfm_segments()["segment"].tolist()
    assert r["RFM"].str.len().eq(3).all()


def test_cohorts_matrix():
    c = loyalty.cohorts(cx.datasets.load("cdnow"), period="M")
    assert c.sizes.sum() == 23570
    assert (c.retention[0] == 1).all()
    assert c.counts.shape == (3, 18)
    assert np.isnan(c.counts.loc["1997-03", 16]) and c.counts.loc["1997-01", 17] > 0
    tidy = c.to_frame()
    assert set(tidy.columns) == {"cohort", "period", "customers", "active", "retention"}
    q = loyalty.cohorts(cx.datasets.load("cdnow"), period="Q")
    assert q.counts.shape == (1, 6)


# --- files of any size ----------------------------------------------------------------


def test_parquet_and_csv_paths_equal_the_dataframe(tmp_path, sample):
    con = duckdb.connect()
    con.register("s", sample)
    pq, csv = tmp_path / "tx.parquet", tmp_path / "tx.csv"
    con.execute(f"COPY s TO '{pq}' (FORMAT parquet)")
    con.execute(f"COPY s TO '{csv}' (HEADER)")
    ref = loyalty.clv_summary(sample, amount="dollar_value", **WEEKS)
    for path in (pq, csv):
        got = loyalty.clv_summary(path, amount="dollar_value", **WEEKS)
        pd.testing.assert_frame_equal(_plain(got), _plain(ref), check_exact=True)
    pd.testing.assert_frame_equal(
        loyalty.rfm(str(pq), amount="dollar_value"), loyalty.rfm(sample, amount="dollar_value")
    )


# --- bad input ------------------------------------------------------------------------


def _tx(**changes) -> pd.DataFrame:
    tx = pd.DataFrame(
        {
            "customer_id": [1, 1, 2, 2, 3],
            "date": ["2024-01-02", "2024-02-03", "2024-01-05", "2024-03-01", "2024-02-10"],
            "amount": [10.0, 12.5, 8.0, 9.0, 30.0],
        },
        index=[10, 11, 12, 13, 14],
    )
    for col, (row, value) in changes.items():
        tx[col] = tx[col].astype(object)
        tx.loc[row, col] = value
    return tx


def test_unreadable_dates_name_the_rows():
    with pytest.raises(DataError, match=r"unreadable date in column 'date': row 12 .*'2024-13-05'"):
        loyalty.clv_summary(_tx(date=(12, "2024-13-05")), amount="amount")
    got = loyalty.clv_summary(
        _tx().assign(date=lambda d: pd.to_datetime(d["date"]).dt.strftime("%d/%m/%Y")),
        amount="amount",
        date_format="%d/%m/%Y",
    )
    pd.testing.assert_frame_equal(_plain(got), _plain(loyalty.clv_summary(_tx(), amount="amount")))


def test_bad_file_names_the_file_and_lines(tmp_path):
    path = tmp_path / "bad.csv"
    _tx(date=(13, "yesterday")).to_csv(path, index=False)
    with pytest.raises(DataError, match=r"bad\.csv(.|\n)*unreadable date(.|\n)*file line 5"):
        loyalty.rfm(path)
    with pytest.raises(DataError, match="no column 'amount'"):
        loyalty.rfm(_tx().drop(columns="amount"))
    with pytest.raises(DataError, match="No transaction file"):
        loyalty.rfm(tmp_path / "none.csv")


def test_negative_missing_and_text_amounts_raise():
    with pytest.raises(DataError, match=r"negative amount(.|\n)*row 11 \(values -12\.5\)"):
        loyalty.clv_summary(_tx(amount=(11, -12.5)), amount="amount")
    with pytest.raises(DataError, match=r"missing amount(.|\n)*row 14"):
        loyalty.clv_summary(_tx(amount=(14, np.nan)), amount="amount")
    with pytest.raises(DataError, match="non-numeric amount"):
        loyalty.rfm(_tx(amount=(10, "12,50")).astype({"amount": str}))


def test_purchases_after_as_of_raise_or_are_dropped_and_reported():
    with pytest.raises(DataError, match=r"dated after as_of=2024-02-15(.|\n)*row 13"):
        loyalty.clv_summary(_tx(), amount="amount", as_of="2024-02-15")
    got = loyalty.clv_summary(_tx(), amount="amount", as_of="2024-02-15", late="drop")
    assert "1 purchases dated after as_of dropped" in got.attrs["notes"]
    ref = loyalty.clv_summary(_tx().drop(index=13), amount="amount", as_of="2024-02-15")
    pd.testing.assert_frame_equal(_plain(got), _plain(ref))


def test_duplicates_kept_dropped_or_refused():
    dup = pd.concat([_tx(), _tx().loc[[12]]])
    kept = loyalty.clv_summary(dup, amount="amount")
    assert any("1 duplicate rows" in n and "kept" in n for n in kept.attrs["notes"])
    assert kept.loc[2, "frequency"] == 1  # same day: one purchase, values summed
    dropped = loyalty.clv_summary(dup, amount="amount", duplicates="drop")
    pd.testing.assert_frame_equal(
        _plain(dropped), _plain(loyalty.clv_summary(_tx(), amount="amount"))
    )
    with pytest.raises(DataError, match="duplicate rows"):
        loyalty.clv_summary(dup, amount="amount", duplicates="raise")


def test_mixed_type_and_missing_customer_ids_raise():
    with pytest.raises(DataError, match=r"mixes value types: int .*str"):
        loyalty.clv_summary(_tx(customer_id=(12, "2")))
    with pytest.raises(DataError, match=r"missing customer id(.|\n)*row 14"):
        loyalty.clv_summary(
            _tx()
            .astype({"customer_id": "Int64"})
            .assign(customer_id=lambda d: d["customer_id"].mask(d.index == 14))
        )


def test_check_transactions_reports_everything_at_once():
    rep = loyalty.check_transactions(
        _tx(date=(10, "n/a"), amount=(13, -1.0)), amount="amount", as_of="2024-02-01"
    )
    status = rep.set_index("check")["status"]
    assert status["unreadable date"] == "error" and status["negative amount"] == "error"
    assert status["dated after as_of"] == "error" and status["missing date"] == "ok"
    assert rep.attrs["n_rows"] == 5


# --- attitude meets behaviour ---------------------------------------------------------


def test_loyalty_matrix_cells_thresholds_and_missing():
    att = pd.Series([7.0, 6.0, 2.0, 3.0, 5.0, np.nan], index=list("abcdef"), name="LI")
    beh = pd.Series([9, 1, 12, 0, 5, 3], index=list("abcdef"), name="purchases")
    with pytest.raises(DataError, match=r"1 customers lack(.|\n)*'f'"):
        loyalty.loyalty_matrix(att, beh)
    m = loyalty.loyalty_matrix(att, beh, (5, 5), missing="drop")
    assert m.excluded == ["f"]
    assert m.cells["n"].tolist() == [2, 1, 1, 1]  # e is exactly at both thresholds: high
    assert list(m.customers("true loyalty")) == ["a", "e"]
    assert m.table.loc["low", "high"] == 1 and m.cells["share"].sum() == pytest.approx(1)
    med = loyalty.loyalty_matrix(att.dropna(), beh.drop("f"))
    assert med.thresholds == {"attitude": 5.0, "behaviour": 5.0}


def _retail() -> pd.DataFrame:
    from cxlab.survey import Survey

    survey = Survey(
        cx.datasets.load("retail_omnichannel"),
        cx.datasets.codebook("retail_omnichannel"),
        id_column="customer_id",
    ).reverse_code()
    scores = survey.scale_scores().set_index("customer_id")
    counts = loyalty.purchase_counts(cx.datasets.load("retail_transactions"), scores.index)
    return scores.join(counts)


def test_retail_attitude_behaviour_matches_the_generator():
    d = _retail()
    assert (d["purchases"] == 0).sum() == 249 and d["purchases"].sum() == 14889
    rho = stats.spearmanr(d["Loyalty intention"], d["purchases"], nan_policy="omit")[0]
    assert rho == pytest.approx(0.26, abs=0.01)  # latent .40, attenuated by measurement
    m = loyalty.loyalty_matrix(d["Loyalty intention"], d["purchases"], missing="drop")
    assert m.cells["n"].tolist() == [595, 409, 425, 570]
    truth = cx.datasets.resource("retail_omnichannel")["simulation"]["dick_basu_cells"]
    assert list(truth.values()) == [627, 341, 388, 644]


def test_behaviour_models_match_statsmodels_and_the_truth():
    import statsmodels.api as sm

    d = _retail().rename(columns={"Satisfaction": "sat", "Loyalty intention": "li"})
    d["bought"] = d["bought"].astype(int)
    logit = loyalty.behaviour_model(d, "bought", ["sat", "li"], "logit", missing="drop")
    z = d[["sat", "li"]].dropna()
    z = (z - z.mean()) / z.std()
    ref = sm.Logit(d.loc[z.index, "bought"], sm.add_constant(z)).fit(disp=0)
    np.testing.assert_allclose(logit.table["est"], ref.params, rtol=1e-6)
    assert logit.dropped and logit.table.loc["li", "pvalue"] < 0.001
    assert logit.table.loc["sat", "pvalue"] > 0.05  # satisfaction acts only through LI
    pois = loyalty.behaviour_model(d, "purchases", ["li"], "poisson", missing="drop")
    assert pois.stats["dispersion"] > 5  # overdispersed: use the negative binomial
    nb = loyalty.behaviour_model(d, "purchases", ["li"], "negbin", missing="drop")
    assert nb.table.loc["li", "ratio"] == pytest.approx(1.30, abs=0.02)
    assert np.isnan(nb.table.loc["alpha", "ratio"])
    with pytest.raises(DataError, match="0/1"):
        loyalty.behaviour_model(d, "purchases", ["li"], "logit", missing="drop")
    with pytest.raises(DataError, match="missing values"):
        loyalty.behaviour_model(d, "bought", ["li"])


def test_purchase_counts_window_and_unlisted_customers():
    tx = _tx()
    pc = loyalty.purchase_counts(tx, [1, 2, 4], amount="amount", start="2024-01-03")
    assert pc["purchases"].tolist() == [1, 2, 0] and pc["bought"].tolist() == [True, True, False]
    assert pc.loc[4, "spend"] == 0
    notes = " ".join(pc.attrs["notes"])
    assert "1 purchases outside the window" in notes and "1 customers not in" in notes


# --- pins on lifetimes' private likelihood (cxlab.loyalty._models._loglik calls it) ------------


def test_bgnbd_loglik_equals_the_closed_form(bg, cal):
    """lifetimes' private ``BetaGeoFitter._negative_log_likelihood`` is called for the model's
    log-likelihood; pin it to Fader, Hardie & Lee (2005, eq. 6) written out here."""
    from scipy.special import betaln, gammaln

    r, alpha, a, b = (bg.params_[k] for k in ("r", "alpha", "a", "b"))
    x = cal["frequency_cal"].to_numpy(float)
    tx = cal["recency_cal"].to_numpy(float)
    t = cal["T_cal"].to_numpy(float)
    common = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    first = betaln(a, b + x) - betaln(a, b) + common - (r + x) * np.log(alpha + t)
    second = np.where(
        x > 0,
        betaln(a + 1, np.maximum(b + x - 1, 1e-12))
        - betaln(a, b)
        + common
        - (r + x) * np.log(alpha + tx),
        -np.inf,
    )
    assert bg.loglik_ == pytest.approx(float(np.logaddexp(first, second).sum()), rel=1e-9)


def test_gamma_gamma_loglik_equals_the_closed_form(gg, cal):
    """The same pin for ``GammaGammaFitter._negative_log_likelihood`` (Fader, Hardie & Lee
    2005b: spend m̄ of x repeat purchases)."""
    from scipy.special import gammaln

    p, q, v = (gg.params_[k] for k in ("p", "q", "gamma"))
    repeat = cal[cal["frequency_cal"] > 0]
    x = repeat["frequency_cal"].to_numpy(float)
    m = repeat["monetary_value_cal"].to_numpy(float)
    ll = (
        gammaln(p * x + q)
        - gammaln(p * x)
        - gammaln(q)
        + q * np.log(v)
        + (p * x - 1) * np.log(m)
        + p * x * np.log(x)
        - (p * x + q) * np.log(x * m + v)
    )
    assert gg.loglik_ == pytest.approx(float(ll.sum()), rel=1e-9)


# --- one convention for results (cxlab 0.2) --------------------------------------------


def test_fitted_models_follow_the_result_convention(bg, gg):
    import matplotlib.pyplot as plt

    for model in (bg, gg):
        assert isinstance(model.summary(), str)
        assert list(model.to_frame().columns) == ["est", "se", "ci_low", "ci_high"]
        assert "<table" in model._repr_html_()
        assert model.plot().__class__.__name__ == "Axes"
    plt.close("all")


def test_old_estimate_and_coef_columns_still_work_with_a_warning(bg):
    with pytest.warns(DeprecationWarning, match="'est'"):
        old = bg.to_frame()["estimate"]
    assert old["r"] == pytest.approx(bg.params_["r"])
    d = pd.DataFrame(
        {"li": [1, 2, 3, 4, 5, 6, 7, 2, 5, 6], "bought": [0, 0, 1, 0, 1, 1, 1, 1, 0, 1]}
    )
    m = loyalty.behaviour_model(d, "bought", ["li"], "logit")
    with pytest.warns(DeprecationWarning, match="'est'"):
        coef = m.table["coef"]
    assert coef["li"] == pytest.approx(m.to_frame().loc["li", "est"])
    assert isinstance(m.summary(), str) and "<table" in m._repr_html_()
    assert m.plot().get_xlabel() == "coefficient (logit)"
