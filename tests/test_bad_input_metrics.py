"""Bad input and boundary cases of metrics, loyalty dates, text length and PLS
(cxlab issue 16, part D): one test per case."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import cxlab as cx
from cxlab import loyalty
from cxlab.errors import DataError
from cxlab.text import _sentiment as _text_sentiment

Z95 = stats.norm.ppf(0.975)


def _adjusted_wald(n_p: int, n_pa: int, n_d: int) -> tuple[float, float, float]:
    """Rocks (2016) by hand: adjusted NPS (points), its SE and n'."""
    n = n_p + n_pa + n_d + 3
    p, d = (n_p + 0.75) / n, (n_d + 0.75) / n
    return 100 * (p - d), 100 * np.sqrt((p + d - (p - d) ** 2) / n), n


# 1 -------------------------------------------------------------------------------
def test_compare_refuses_a_group_of_one_respondent():
    df = pd.DataFrame({"store": ["a"] * 40 + ["b"], "s": [10, 9, 3, 8] * 10 + [0]})
    with pytest.raises(DataError, match=r"column 'store'.*'b' \(n = 1\).*at least 30"):
        cx.metrics.compare(df, "nps", by="store", score="s")
    assert cx.metrics.MIN_GROUP_N["nps"] == 30
    # knowingly lowered, the comparison runs (and still does not print -200 [-200, -200])
    res = cx.metrics.compare(df, "nps", by="store", score="s", min_n=1)
    row = res.differences.iloc[0]
    assert row["ci_high"] - row["ci_low"] > 50


# 2 -------------------------------------------------------------------------------
def test_default_nps_interval_is_adjusted_wald_and_never_collapses():
    # 50 promoters: Wald gives se 0 and [100, 100]; the default now does not
    row = cx.metrics.nps([10] * 50).iloc[0]
    centre, se, _ = _adjusted_wald(50, 0, 0)
    assert row["method"] == "adjusted-wald" and row["nps"] == 100
    assert row["se"] == pytest.approx(se) and se > 0
    assert row["ci_low"] == pytest.approx(centre - Z95 * se)
    assert row["ci_high"] == 100  # clipped
    assert cx.metrics.nps([10] * 50, ci="wald")["ci_low"].iloc[0] == 100  # still available
    # nps_from_counts has the same default
    counts = cx.metrics.nps_from_counts(50, 0, 0)
    pd.testing.assert_frame_equal(counts, cx.metrics.nps([10] * 50))
    # one answer: a warning, an interval that is neither empty nor excludes the estimate
    with pytest.warns(UserWarning, match=r"only 1 answer.*fewer than 10"):
        one = cx.metrics.nps(pd.Series([10], name="ltr")).iloc[0]
    assert one["ci_low"] < 0 and one["ci_high"] == one["nps"] == 100
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        cx.metrics.nps([10] * 10)  # 10 answers: no warning
    # compare builds the difference from adjusted counts only (no raw/adjusted mix)
    df = pd.DataFrame({"g": ["a"] * 40 + ["b"] * 30, "s": [10] * 40 + [10] * 20 + [0] * 10})
    diff = cx.metrics.compare(df, "nps", by="g", score="s").differences.iloc[0]
    ca, sa, _ = _adjusted_wald(40, 0, 0)
    cb, sb, _ = _adjusted_wald(20, 0, 10)
    se = np.hypot(sa, sb)
    assert diff["difference"] == pytest.approx(100 * 10 / 30 - 100)  # raw
    assert diff["se"] == pytest.approx(se)
    assert diff["ci_low"] == pytest.approx(cb - ca - Z95 * se)
    assert diff["ci_high"] == pytest.approx(cb - ca + Z95 * se)
    assert diff["statistic"] == pytest.approx((cb - ca) / se)
    # CSAT's default is Wilson: 10 of 10 satisfied is not [100, 100]
    assert cx.metrics.csat([5] * 10)["ci_low"].iloc[0] < 75


# 3 -------------------------------------------------------------------------------
def test_csat_top_outside_the_scale_is_refused():
    with pytest.raises(DataError, match=r"top=9 .*1–5 scale.*from 1 to 4"):
        cx.metrics.csat([5, 4, 3], top=9)
    with pytest.raises(DataError, match=r"top=0 "):
        cx.metrics.csat([5, 4, 3], top=0)
    assert cx.metrics.csat([5, 4, 3], top=1)["csat"].iloc[0] == pytest.approx(100 / 3)


# 4 -------------------------------------------------------------------------------
def test_boolean_nps_scores_are_refused():
    with pytest.raises(
        DataError, match=r"NPS scores: 3 value\(s\) are True/False.*index \[0, 1, 2\]"
    ):
        cx.metrics.nps([True, False, True])
    flags = pd.Series([True, None, False], name="promoter", dtype="boolean")
    with pytest.raises(DataError, match=r"promoter: 2 value\(s\) are True/False"):
        cx.metrics.nps(flags)


# 5 -------------------------------------------------------------------------------
def test_nps_from_counts_names_a_text_argument():
    with pytest.raises(DataError, match=r"promoters must be a count.*'5' \(str\)"):
        cx.metrics.nps_from_counts("5", 10, 3)
    with pytest.raises(DataError, match=r"detractors must be a count.*True"):
        cx.metrics.nps_from_counts(5, 10, True)
    assert cx.metrics.nps_from_counts(np.int64(5), 10.0, 3)["n"].iloc[0] == 18


# 6 -------------------------------------------------------------------------------
def test_track_names_the_bad_date_and_its_row():
    df = pd.DataFrame(
        {
            "date": ["2024-01-01", "2024-01-02", "2024-01-08", "not a date", "2024-01-15"] * 20,
            "s": [10, 9, 3, 8, 7] * 20,
        }
    )
    with pytest.raises(DataError, match=r"column 'date'.*'not a date' in row 3\b"):
        cx.metrics.track(df, "nps", score="s", time="date", freq="W")
    ok = df[df["date"] != "not a date"]
    assert len(cx.metrics.track(ok, "nps", score="s", time="date", freq="W")) == 3


# 7 -------------------------------------------------------------------------------
def test_loyalty_refuses_a_purchase_dated_in_the_future():
    tx = pd.DataFrame(
        {
            "customer_id": ["c1", "c1", "c2", "c3"],
            "date": ["2024-01-02", "2024-03-01", "2099-02-03", "2024-05-01"],
        }
    )
    pattern = r"dated in the future in column 'date': row 2 \(dates 2099-02-03; customers 'c2'"
    with pytest.raises(DataError, match=pattern) as err:
        loyalty.clv_summary(tx)
    assert "as_of=" in str(err.value)
    # with an explicit end of observation the late purchase is handled as before
    summary = loyalty.clv_summary(tx, as_of="2024-06-30", late="drop")
    assert summary["T"].max() == (pd.Timestamp("2024-06-30") - pd.Timestamp("2024-01-02")).days


# 8 -------------------------------------------------------------------------------
def test_long_english_text_is_scored_in_bounded_pieces(monkeypatch):
    vader = _text_sentiment._vader()
    real = vader.polarity_scores
    lengths: list[int] = []

    def counted(text: str) -> dict:
        lengths.append(len(text))
        return real(text)

    monkeypatch.setattr(vader, "polarity_scores", counted)
    sentence = "The room was great but the breakfast was awful and the staff were not friendly. "
    text = sentence * (200_000 // len(sentence))
    row = cx.text.sentiment(text).iloc[0]
    limit = _text_sentiment.MAX_PIECE
    assert max(lengths) <= limit  # VADER never sees more than MAX_PIECE characters
    assert len(lengths) <= 2 * len(text) / limit + 1  # a number of pieces linear in length
    assert -1 <= row["compound"] <= 1 and "awful" in row["words"]
    # one unbroken "sentence" without spaces is cut hard, still bounded
    lengths.clear()
    cx.text.sentiment("x" * 5_000)
    assert lengths == [limit] * 5
    # a short text is scored whole, exactly as VADER does
    lengths.clear()
    assert cx.text.sentiment(sentence)["compound"].iloc[0] == pytest.approx(
        round(real(sentence)["compound"], 4)
    )
    assert lengths == [len(sentence)]


# 9 -------------------------------------------------------------------------------
def test_pls_refuses_an_exactly_collinear_formative_block():
    ecsi = cx.datasets.load("ecsi_mobile").astype(float)
    data = ecsi.assign(PERV3=ecsi["PERV1"] + ecsi["PERV2"])
    model = """
    Quality =~ PERQ1 + PERQ2 + PERQ3
    Value <~ PERV1 + PERV2 + PERV3
    Satisfaction =~ CUSA1 + CUSA2 + CUSA3
    Value ~ Quality
    Satisfaction ~ Quality + Value
    """
    with pytest.raises(DataError, match=r"construct 'Value'.*'PERV1', 'PERV2', 'PERV3'.*collinear"):
        cx.pls.fit(model, data)
    # without the total the block is fine
    cx.pls.fit(model.replace(" + PERV3", ""), data)


# 10 ------------------------------------------------------------------------------
def test_pls_names_an_infinite_value_by_column_and_row():
    ecsi = cx.datasets.load("ecsi_mobile").astype(float)
    ecsi.loc[7, "PERQ2"] = np.inf
    model = "Quality =~ PERQ1 + PERQ2 + PERQ3\nValue <~ PERV1 + PERV2\nValue ~ Quality"
    with pytest.raises(
        DataError, match=r"Item 'PERQ2' holds 1 infinite value\(s\) \(inf in row 7\)"
    ):
        cx.pls.fit(model, ecsi)
