"""Survival analysis of churn (issue 22): durations, Kaplan–Meier, log-rank, Cox, the
proportional-hazards test and contractual CLV — against R ``survival`` 3.5.3 on the
same data (``tests/reference/survival_churn.R`` writes the CSV and the JSON)."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import cxlab as cx
from cxlab.churn._phtest import concordance
from cxlab.errors import DataError

REF = Path(__file__).parent / "reference"
R = json.loads((REF / "survival_churn.json").read_text())
COVARIATES = ["group", "usage", "complaints", "channel"]
#: tolerances against R: estimates agree to ~1e-11 here; 1e-8 leaves room for BLAS
TOL = 1e-8


@pytest.fixture(scope="module")
def members() -> pd.DataFrame:
    return pd.read_csv(REF / "survival_churn.csv")


@pytest.fixture(scope="module")
def fits(members):
    return {
        ties: cx.churn.cox(
            members, duration="months", event="churned", covariates=COVARIATES, ties=ties
        )
        for ties in ("efron", "breslow")
    }


def test_the_reference_data_have_ties_censoring_and_two_groups(members):
    assert len(members) == R["n"] == 500
    assert members["churned"].sum() == R["events"]
    assert 0.3 < 1 - members["churned"].mean() < 0.6  # censored share
    churn_times = members.loc[members["churned"] == 1, "months"]
    assert churn_times.duplicated().sum() > 200  # many tied churn times
    assert sorted(members["group"].unique()) == ["basic", "premium"]


# --- Kaplan–Meier ------------------------------------------------------------------


@pytest.mark.parametrize("conf_type", ["log", "log-log", "plain"])
def test_kaplan_meier_equals_r_survfit_at_every_event_time(members, conf_type):
    km = cx.churn.kaplan_meier(
        members, duration="months", event="churned", group="group", conf_type=conf_type
    )
    ref = pd.DataFrame(R["km"][conf_type]["table"])
    got = km.table.merge(ref, on=["group", "time"], how="outer", indicator=True)
    assert (got["_merge"] == "both").all() and len(got) == len(ref)
    assert (got["n_risk_x"] == got["n_risk_y"]).all()
    assert (got["n_event_x"] == got["n_event_y"]).all()
    np.testing.assert_allclose(got["surv_x"], got["surv_y"], atol=TOL, rtol=0)
    np.testing.assert_allclose(got["se"], got["std_err"], atol=TOL, rtol=0)
    np.testing.assert_allclose(got["ci_low"], got["lower"], atol=TOL, rtol=0)
    np.testing.assert_allclose(got["ci_high"], got["upper"], atol=TOL, rtol=0)


@pytest.mark.parametrize("conf_type", ["log", "log-log", "plain"])
def test_median_survival_and_retention_at_chosen_times_equal_r(members, conf_type):
    km = cx.churn.kaplan_meier(
        members,
        duration="months",
        event="churned",
        group="group",
        conf_type=conf_type,
        times=[6, 12, 24],
    )
    ref = pd.DataFrame(R["km"][conf_type]["median"]).set_index("group")
    med = km.medians.set_index("group").loc[ref.index]
    np.testing.assert_array_equal(med["median"], ref["median"])
    np.testing.assert_array_equal(med["ci_low"], ref["lower"])
    np.testing.assert_array_equal(med["ci_high"], ref["upper"])
    at = km.at.merge(pd.DataFrame(R["km"][conf_type]["at"]), on=["group", "time"])
    assert len(at) == 6  # R: the two groups at 6, 12, 24 months
    np.testing.assert_allclose(at["surv_x"], at["surv_y"], atol=TOL, rtol=0)
    np.testing.assert_allclose(at["ci_low"], at["lower"], atol=TOL, rtol=0)
    np.testing.assert_allclose(at["ci_high"], at["upper"], atol=TOL, rtol=0)
    twelve = km.survival([12]).loc[12]
    np.testing.assert_allclose(twelve[["basic", "premium"]], at.query("time == 12")["surv_x"])


def test_log_rank_equals_r_survdiff(members):
    km = cx.churn.kaplan_meier(members, duration="months", event="churned", group="group")
    row = km.logrank.iloc[0]
    assert row["chisq"] == pytest.approx(R["logrank"]["chisq"], abs=TOL)
    assert row["df"] == R["logrank"]["df"] == 1
    assert row["pvalue"] == pytest.approx(R["logrank"]["p"], rel=1e-6)


def test_median_at_a_flat_half_is_the_midpoint_as_r():
    # S = 0.5 exactly from t = 2 to t = 4: R's median is 3 (survfit on these data)
    d = pd.DataFrame({"t": [1, 2, 4, 5], "e": [1, 1, 1, 1]})
    km = cx.churn.kaplan_meier(d, duration="t", event="e")
    assert km.medians["median"].iloc[0] == 3.0


def test_a_group_of_one_is_an_error_and_a_group_without_churn_a_warning():
    d = pd.DataFrame({"t": [1, 2, 3, 4, 5], "e": [1, 0, 1, 0, 0], "g": list("aaabb")})
    with pytest.warns(UserWarning, match="'b' of 'g' has no churn"):
        km = cx.churn.kaplan_meier(d, duration="t", event="e", group="g")
    assert np.isnan(km.medians.set_index("group").loc["b", "median"])
    assert km.survival([5])["b"].iloc[0] == 1.0
    one = d.assign(g=list("aaaab"))
    with pytest.raises(DataError, match=r"\['b'\] of 'g' have a single member"):
        cx.churn.kaplan_meier(one, duration="t", event="e", group="g")
    with pytest.raises(DataError, match="missing in row"):
        cx.churn.kaplan_meier(d.assign(g=["a", None, "a", "b", "b"]), duration="t", event="e",
                              group="g")  # fmt: skip


@pytest.mark.parametrize(
    ("column", "values", "message"),
    [
        ("e", [1, 2, 0, 1, 0], "must hold 0 .censored. or 1"),
        ("e", [0, 0, 0, 0, 0], "No event"),
        ("t", [1, -2, 3, 4, 5], "finite numbers ≥ 0"),
        ("t", [1, np.nan, 3, 4, 5], "finite numbers ≥ 0"),
    ],
)
def test_bad_durations_and_events_are_named(column, values, message):
    d = pd.DataFrame({"t": [1, 2, 3, 4, 5], "e": [1, 0, 1, 1, 0]})
    d[column] = values
    with pytest.raises(DataError, match=message):
        cx.churn.kaplan_meier(d, duration="t", event="e")
    with pytest.raises(DataError, match=message):
        cx.churn.cox(d.assign(x=[1, 3, 2, 5, 4]), duration="t", event="e", covariates=["x"])


def test_km_plot_draws_a_curve_and_band_per_group_in_both_languages(members):
    import matplotlib.pyplot as plt

    km = cx.churn.kaplan_meier(members, duration="months", event="churned", group="group")
    ax = km.plot(lang="en")
    assert len(ax.get_lines()) == 3 and len(ax.collections) == 3  # basic, premium, all
    assert ax.get_xlabel() == "time (months)"
    assert "生存" in km.plot(lang="zh").get_title()
    assert isinstance(km.summary(), str) and "<table" in km._repr_html_()
    assert km.to_frame() is km.table
    plt.close("all")


# --- Cox ----------------------------------------------------------------------------


@pytest.mark.parametrize("ties", ["efron", "breslow"])
def test_cox_equals_r_coxph(fits, ties):
    fit, ref = fits[ties], R["cox"][ties]
    assert [t.replace("[", "").replace("]", "") for t in fit.table["term"]] == ref["term"]
    np.testing.assert_allclose(fit.table["est"], ref["coef"], atol=TOL, rtol=0)
    np.testing.assert_allclose(fit.table["se"], ref["se"], atol=TOL, rtol=0)
    np.testing.assert_allclose(fit.table["z"], ref["z"], atol=1e-6, rtol=0)
    np.testing.assert_allclose(fit.table["pvalue"], ref["p"], rtol=1e-6, atol=1e-12)
    np.testing.assert_allclose(fit.table["ci_low"], ref["hr_lower"], rtol=1e-8)
    np.testing.assert_allclose(fit.table["ci_high"], ref["hr_upper"], rtol=1e-8)
    assert fit.concordance == pytest.approx(ref["concordance"], abs=1e-12)
    assert fit.loglik == pytest.approx(ref["loglik"][1], abs=1e-7)
    assert (fit.n, fit.events) == (500, R["events"])
    assert fit.references == {"group": "basic", "channel": "app"}


@pytest.mark.parametrize("ties", ["efron", "breslow"])
@pytest.mark.parametrize("transform", ["km", "identity", "rank", "log"])
def test_ph_test_equals_r_cox_zph_score_test(members, fits, ties, transform):
    fit = (
        fits[ties]
        if transform == "km"
        else cx.churn.cox(
            members,
            duration="months",
            event="churned",
            covariates=COVARIATES,
            ties=ties,
            transform=transform,
        )
    )
    key = "zph" if transform == "km" else f"zph_{transform}"
    ref = pd.DataFrame(R["cox"][ties][key])
    assert list(fit.ph_test["covariate"]) == list(ref["term"])
    assert list(fit.ph_test["df"]) == list(ref["df"]) == [1, 1, 1, 2, 5]
    np.testing.assert_allclose(fit.ph_test["chisq"], ref["chisq"], atol=TOL, rtol=0)
    np.testing.assert_allclose(fit.ph_test["pvalue"], ref["p"], atol=1e-8, rtol=0)


@pytest.mark.parametrize("ties", ["efron", "breslow"])
def test_predicted_survival_equals_r_survfit_of_the_cox_model(members, fits, ties):
    got = fits[ties].survival(members.head(3), [6, 12, 24]).to_numpy().T
    np.testing.assert_allclose(got, np.array(R["cox"][ties]["predicted"]), atol=TOL)


def test_ph_test_detects_an_effect_that_fades_over_time():
    rng = np.random.default_rng(11)
    n = 800
    x = rng.integers(0, 2, n)
    # hazard ratio 4 in the first 6 months, 1 afterwards
    early = rng.exponential(1 / (0.05 * np.where(x == 1, 4.0, 1.0)))
    late = 6 + rng.exponential(1 / 0.05, n)
    t = np.ceil(np.where(early < 6, early, late))
    d = pd.DataFrame({"t": np.minimum(t, 36), "e": (t <= 36).astype(int), "x": x})
    fit = cx.churn.cox(d, duration="t", event="e", covariates=["x"])
    assert fit.ph_test.set_index("covariate").loc["x", "pvalue"] < 0.001
    steady = d.assign(x=rng.permutation(x))
    fit = cx.churn.cox(steady, duration="t", event="e", covariates=["x"])
    assert fit.ph_test.set_index("covariate").loc["x", "pvalue"] > 0.01


def test_concordance_equals_a_direct_count_over_pairs():
    rng = np.random.default_rng(5)
    n = 120
    t = rng.integers(1, 15, n).astype(float)
    e = rng.integers(0, 2, n)
    eta = np.round(rng.normal(size=n), 1)  # ties in the risk score
    conc = disc = tied = 0.0
    for i in range(n):
        if e[i] != 1:
            continue
        for j in range(n):
            if t[j] > t[i] or (t[j] == t[i] and e[j] == 0):
                conc += eta[i] > eta[j]
                disc += eta[i] < eta[j]
                tied += eta[i] == eta[j]
    assert concordance(t, e, eta) == pytest.approx((conc + tied / 2) / (conc + disc + tied))


def test_categorical_covariates_reference_level_and_formula(members):
    a = cx.churn.cox(
        members,
        duration="months",
        event="churned",
        covariates="usage + channel",
        reference={"channel": "web"},
    )
    assert list(a.table["term"]) == ["usage", "channel[app]", "channel[store]"]
    assert a.references == {"channel": "web"}
    b = cx.churn.cox(members, duration="months", event="churned", covariates=["usage", "channel"])
    # a change of reference moves the coefficients, not the fit
    assert a.loglik == pytest.approx(b.loglik, abs=1e-9)
    web = b.table.set_index("term").loc["channel[web]", "est"]
    assert a.table.set_index("term").loc["channel[app]", "est"] == pytest.approx(-web, abs=1e-7)
    c = cx.churn.cox(members, duration="months", event="churned", covariates="C(complaints)")
    assert c.ph_test.set_index("covariate").loc["complaints", "df"] == 4
    with pytest.raises(DataError, match="not among its levels"):
        cx.churn.cox(members, duration="months", event="churned", covariates=["channel"],
                     reference={"channel": "fax"})  # fmt: skip
    with pytest.raises(DataError, match=r"do not vary|single level"):
        cx.churn.cox(members.assign(k=1.0), duration="months", event="churned",
                     covariates=["usage", "k"])  # fmt: skip
    with pytest.raises(DataError, match="'usage' is missing in row"):
        cx.churn.cox(members.assign(usage=np.r_[np.nan, members["usage"].to_numpy()[1:]]),
                     duration="months", event="churned", covariates=["usage"])  # fmt: skip


def test_prediction_refuses_a_level_the_model_never_saw(members, fits):
    new = members.head(2).assign(channel=["app", "fax"])
    with pytest.raises(DataError, match=r"'channel' holds level\(s\) \['fax'\]"):
        fits["efron"].survival(new, [6])


def test_perfect_separation_is_an_estimation_error():
    d = pd.DataFrame({"t": [1, 2, 3, 4, 5, 6, 7, 8], "e": [1, 1, 1, 1, 0, 0, 0, 0],
                      "x": [1, 1, 1, 1, 0, 0, 0, 0]})  # fmt: skip
    with pytest.raises(cx.errors.EstimationError, match="did not converge"):
        cx.churn.cox(d, duration="t", event="e", covariates=["x"])


def test_cox_result_convention_and_forest_plot(fits):
    import matplotlib.pyplot as plt

    fit = fits["efron"]
    ax = fit.plot(lang="en")
    assert ax.get_xscale() == "log" and ax.get_title() == "Cox model: hazard ratios of churn"
    assert [t.get_text() for t in ax.get_yticklabels()][-1] == "group[premium]"
    assert "风险比" in fit.plot(lang="zh").get_xlabel()
    text = fit.summary()
    assert "Reference levels: group = 'basic', channel = 'app'" in text and "GLOBAL" in text
    assert "<table" in fit._repr_html_() and fit.to_frame() is fit.table
    plt.close("all")


# --- durations -----------------------------------------------------------------------


def _dates() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "member": ["A1", "A2", "A3", "A4"],
            "joined": ["2024-01-01", "2024-03-01", "2024-02-15", "2024-06-30"],
            "left": ["2024-07-01", None, "2024-02-20", ""],
        }
    )


def test_durations_in_days_and_months_with_censoring_at_as_of():
    d = cx.churn.durations(_dates(), start="joined", end="left", as_of="2024-12-31",
                           unit="days")  # fmt: skip
    assert d["duration"].tolist() == [182.0, 305.0, 5.0, 184.0]
    assert d["event"].tolist() == [1, 0, 1, 0]
    m = cx.churn.durations(_dates(), start="joined", end="left", as_of="2024-12-31")
    np.testing.assert_allclose(m["duration"], d["duration"] / (365.25 / 12))
    assert m.attrs["unit"] == "months" and m.attrs["as_of"] == "2024-12-31"
    km = cx.churn.kaplan_meier(m)  # default columns duration / event
    assert km.unit == "months" and km.table["n_event"].sum() == 2


def test_durations_with_an_event_flag_treats_a_dated_zero_as_censored():
    d = _dates().assign(churned=[1, 0, 0, 0])
    out = cx.churn.durations(d, start="joined", end="left", as_of="2024-12-31",
                             event="churned", unit="days")  # fmt: skip
    assert out["event"].tolist() == [1, 0, 0, 0] and out["duration"].iloc[2] == 5.0


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"left": ["2023-12-01", None, "2024-02-20", None]}, "lies before 'joined' at member A1"),
        ({"left": ["2024-07-01", None, "20.02.2024x", None]}, "do not parse as dates .*member A3"),
        ({"joined": ["2024-01-01", None, "2024-02-15", "2024-06-30"]}, "empty at member A2"),
        ({"left": [None, None, None, None]}, "No member churned"),
        ({"left": ["2025-07-01", None, "2024-02-20", None]}, "after as_of=2024-12-31 at member A1"),
        ({"churned": [1, 0, 2, 0]}, "must hold 0 .censored. or 1.*member A3"),
        ({"churned": [1, 1, 1, 0]}, "says churned but 'left' is empty at member A2"),
    ],
)  # fmt: skip
def test_durations_bad_input_names_the_rows(change, message):
    d = _dates().assign(churned=[1, 0, 1, 0])
    for col, values in change.items():
        d[col] = values
    with pytest.raises(DataError, match=message):
        flag = "churned" if "churned" in change else None
        cx.churn.durations(d, start="joined", end="left", as_of="2024-12-31", event=flag,
                           id="member")  # fmt: skip


def test_durations_need_as_of_when_members_are_still_active():
    with pytest.raises(DataError, match="give as_of="):
        cx.churn.durations(_dates(), start="joined", end="left")


# --- CLV from survival ----------------------------------------------------------------


def test_survival_clv_with_constant_retention_equals_the_retention_formula():
    m, d, r = 25.0, 0.01, 0.9
    for horizon in (12, 60):
        curve = pd.Series(r ** np.arange(1, horizon + 1), index=np.arange(1, horizon + 1))
        got = cx.churn.survival_clv(curve, m, d, horizon)["clv"].iloc[0]
        finite = m * r / (1 + d - r) * (1 - (r / (1 + d)) ** horizon)
        assert got == pytest.approx(finite, rel=1e-12)
    long = pd.Series(r ** np.arange(1, 3001), index=np.arange(1, 3001))
    value = cx.churn.survival_clv(long, m, d, 3000)["clv"].iloc[0]
    assert value == pytest.approx(m * r / (1 + d - r), rel=1e-12)  # Gupta & Lehmann (2003)


def test_survival_clv_from_kaplan_meier_and_cox(members, fits):
    km = cx.churn.kaplan_meier(members, duration="months", event="churned", group="group")
    v = cx.churn.survival_clv(km, pd.Series({"basic": 10.0, "premium": 25.0}), 0.01, 24)
    S = km.survival(range(1, 25))
    w = 1.01 ** -np.arange(1, 25)
    assert list(v.index) == ["basic", "premium"]
    assert v.loc["basic", "clv"] == pytest.approx(10 * (S["basic"].to_numpy() @ w))
    assert v.loc["premium", "expected_periods"] == pytest.approx(S["premium"].sum())
    c = cx.churn.survival_clv(fits["efron"], 20.0, 0.01, 24, data=members.head(5))
    S = fits["efron"].survival(members.head(5), range(1, 25)).to_numpy()
    np.testing.assert_allclose(c["clv"], 20 * S @ w)
    with pytest.raises(DataError, match="ends before period 40"):
        cx.churn.survival_clv(km, 10.0, 0.01, 40)
    with pytest.raises(DataError, match="no value for group"):
        cx.churn.survival_clv(km, pd.Series({"basic": 10.0}), 0.01, 12)
    with pytest.raises(DataError, match="pass data="):
        cx.churn.survival_clv(fits["efron"], 20.0, 0.01, 12)
    with pytest.raises(DataError, match="discount"):
        cx.churn.survival_clv(km, 10.0, 1.5, 12)


def test_no_warnings_on_clean_data(members):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        cx.churn.kaplan_meier(members, duration="months", event="churned", group="group")
        cx.churn.cox(members, duration="months", event="churned", covariates=COVARIATES)


def test_survival_clv_values_existing_members_from_their_own_tenure():
    # issue 22 lesson review: a Cox-based CLV must not value a member who has stayed
    # 40 months as if she had just joined; S(a + t) / S(a) is the curve ahead of her
    import pandas as pd

    members = cx.datasets.load("membership_churn")
    d = cx.churn.durations(members, start="join_date", end="end_date", as_of="2025-07-01")
    fit = cx.churn.cox(d, covariates=["visits_month", "complaints"])
    two = pd.DataFrame({"visits_month": [2.0, 2.0], "complaints": [0, 0], "stayed": [0.0, 20.0]})
    new = cx.churn.survival_clv(fit, 50.0, 0.01, 12, data=two)
    own = cx.churn.survival_clv(fit, 50.0, 0.01, 12, data=two, tenure="stayed")
    assert new["clv"].iloc[0] == pytest.approx(new["clv"].iloc[1])  # tenure ignored
    # tenure 0: the same but for members who left on their first day (S(0) < 1 here)
    assert new["clv"].iloc[0] <= own["clv"].iloc[0] <= 1.01 * new["clv"].iloc[0]
    s = fit.survival(two.iloc[[1]], [20.0 + t for t in range(1, 13)] + [20.0])
    expected = 50.0 * sum(s.iloc[0, t - 1] / s.iloc[0, 12] / 1.01**t for t in range(1, 13))
    assert own["clv"].iloc[1] == pytest.approx(expected, rel=1e-12)
    assert own["clv"].iloc[1] != pytest.approx(new["clv"].iloc[1], rel=1e-3)
    with pytest.raises(cx.errors.DataError, match="tenure"):
        cx.churn.survival_clv(fit, 50.0, 0.01, 12, data=two, tenure="nope")


def test_a_log_transform_with_durations_of_zero_is_refused_by_name(members):
    """log(0) is -inf: the PH test would be NaN with warnings; say why and what to use."""
    zero = members.assign(months=members["months"].where(members.index != 0, 0))
    with pytest.raises(DataError, match=r"transform='log' needs durations above 0, but 1 member"):
        cx.churn.cox(
            zero, duration="months", event="churned", covariates=COVARIATES, transform="log"
        )
    with pytest.raises(DataError, match="transform is 'km', 'identity', 'rank' or 'log'"):
        cx.churn.cox(
            members, duration="months", event="churned", covariates=COVARIATES, transform="sqrt"
        )
