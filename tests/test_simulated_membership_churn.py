"""membership_churn: regenerates byte for byte, and the documented truth is in the data
(censoring, events, the randomised campaign's balance and heterogeneous effect, the
planted hazard ratios, the true AUC of the quarterly snapshots)."""

from __future__ import annotations

import importlib.util
import io

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

import cxlab as cx


@pytest.fixture(scope="module")
def script(root):
    spec = importlib.util.spec_from_file_location(
        "membership_churn_script", root / "datasets/make/membership_churn.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def members():
    return cx.datasets.load("membership_churn")


@pytest.fixture(scope="module")
def sim():
    return cx.datasets.resource("membership_churn")["simulation"]


def test_regenerates_byte_for_byte(script, root):
    buffer = io.StringIO()
    script.build().to_csv(buffer, index=False, lineterminator="\n")
    assert (
        buffer.getvalue().encode("utf-8") == (root / "datasets/membership_churn.csv").read_bytes()
    )


def test_seed_matters(script):
    a, b = script.build(seed=1), script.build(seed=2)
    assert not a.equals(b)
    pd.testing.assert_frame_equal(script.build(seed=1), a)


def test_codebook_is_bilingual_and_the_truth_documented(members, sim):
    cb = cx.datasets.codebook("membership_churn")
    assert len(cb) == members.shape[1] == 16
    assert (cb["label_en"].str.len() > 5).all()
    assert cb["label_zh"].str.contains(r"[\u4e00-\u9fff]").all()
    assert sim["seed"] == 20261222 and sim["members"] == len(members) == 6500
    assert set(sim["log_hazard_ratios"]) >= {"visits_month", "complaints", "nps_latest"}


def test_dates_censoring_and_events(members, sim):
    assert members["join_date"].min() >= pd.Timestamp("2022-01-01")
    assert members["join_date"].max() <= pd.Timestamp("2024-12-31")
    churned = members["event"] == 1
    assert members.loc[churned, "end_date"].notna().all()
    assert members.loc[~churned, "end_date"].isna().all()
    assert (members.loc[churned, "end_date"] >= members.loc[churned, "join_date"]).all()
    assert members["end_date"].max() <= pd.Timestamp("2025-06-30")
    days = (members["end_date"] - members["join_date"]).dt.days
    assert (members.loc[churned, "tenure_days"] == days[churned]).all()
    to_end = (pd.Timestamp("2025-07-01") - members["join_date"]).dt.days
    assert (members.loc[~churned, "tenure_days"] == to_end[~churned]).all()
    assert sim["events"] == churned.sum()
    assert sim["censored_share"] == pytest.approx(1 - churned.mean(), abs=1e-4)
    assert 0.4 < sim["censored_share"] < 0.7  # a realistic mix of churners and censored


def test_campaign_is_randomised_and_balanced(members, sim):
    active = (members["join_date"] < pd.Timestamp("2024-10-01")) & (
        members["end_date"].isna() | (members["end_date"] >= pd.Timestamp("2024-10-01"))
    )
    assert (members["campaign"].notna() == active).all()
    eligible = members[active]
    assert sim["campaign"]["eligible"] == len(eligible)
    assert eligible["campaign"].sum() == len(eligible) // 2 == sim["campaign"]["offered"]
    treated, control = eligible["campaign"] == 1, eligible["campaign"] == 0
    for col in ("visits_month", "complaints", "nps_latest", "monthly_fee", "margin_month"):
        a, b = eligible.loc[treated, col], eligible.loc[control, col]
        smd = (a.mean() - b.mean()) / np.sqrt((a.var() + b.var()) / 2)
        assert abs(smd) < 0.1, col  # standardised mean differences of a randomised split
    # churn_90d is churn within the 90 days from 2024-10-01
    within = eligible["end_date"] < pd.Timestamp("2024-12-30")
    assert (eligible["churn_90d"] == within.astype(int)).all()


def test_campaign_effect_is_heterogeneous_as_planted(members, script, sim):
    eligible = members[members["campaign"].notna()].copy()
    eligible["group"] = script.campaign_group(eligible)
    rates = eligible.groupby(["group", "campaign"])["churn_90d"].mean().unstack()
    diff = rates[1] - rates[0]
    truth = sim["campaign"]["true_effect"]
    assert truth["complained"] < -0.03 and truth["sleeping dogs"] > 0.02 and truth["others"] == 0
    assert diff["complained"] < -0.02  # the offer helps those who complained …
    assert diff["sleeping dogs"] > 0.02  # … and wakes the sleeping dogs
    assert abs(diff["others"]) < 0.02  # … and does nothing for the rest
    for g in ("complained", "sleeping dogs", "others"):
        n1 = (eligible["group"] == g).sum()
        assert n1 == sim["campaign"]["group_sizes"][g]
        se = np.sqrt(rates.loc[g].mul(1 - rates.loc[g]).sum() / (n1 / 2))
        assert abs(diff[g] - truth[g]) < 3 * se, g


def test_cox_recovers_the_log_hazard_ratios(members, sim):
    # statsmodels' PHReg (Breslow ties) on the member table: each planted log hazard ratio
    # lies within 3 SEs of its estimate (the campaign window only touches 90 days)
    x = pd.get_dummies(members[["plan", "segment", "channel"]], drop_first=True, dtype=float)
    x.columns = [f"{c.split('_', 1)[0]}[{c.split('_', 1)[1]}]" for c in x.columns]
    for col in ("visits_month", "complaints", "nps_latest", "nps_previous"):
        x[col] = members[col].astype(float)
    fit = sm.PHReg(members["tenure_days"].astype(float), x, status=members["event"]).fit()
    est = pd.Series(fit.params, index=x.columns)
    se = pd.Series(fit.bse, index=x.columns)
    for term, true in sim["log_hazard_ratios"].items():
        assert abs(est[term] - true) < 3 * se[term], (term, est[term], true)


def test_true_auc_and_snapshot_probabilities(members, script, sim):
    snaps = cx.churn.quarterly_snapshots(members, data_end="2025-06-30")
    test = snaps[snaps["quarter"] == "2025Q2"].reset_index(drop=True)
    truth = sim["classifier"]
    assert len(test) == truth["test_rows"] and test["churned"].sum() == truth["test_churners"]
    p = script.true_quarter_probability(test, members)
    assert script.expected_auc(p) == pytest.approx(truth["true_auc"], abs=5e-5)
    # the true probabilities are calibrated: churners in the quarter ≈ their sum
    assert abs(test["churned"].sum() - p.sum()) < 3 * np.sqrt(np.sum(p * (1 - p)))
    # expected_auc against a brute-force pairwise sum on a small sample
    small = p[:200]
    w = small[:, None] * (1 - small[None, :])
    gt = (small[:, None] > small[None, :]) + 0.5 * (small[:, None] == small[None, :])
    np.fill_diagonal(w, 0.0)
    assert script.expected_auc(small) == pytest.approx((w * gt).sum() / w.sum(), abs=1e-12)


def test_every_quarter_row_is_a_member_active_at_its_start(members):
    snaps = cx.churn.quarterly_snapshots(members, data_end="2025-06-30")
    assert snaps["quarter"].min() == "2022Q2" and snaps["quarter"].max() == "2025Q2"
    assert not snaps.duplicated(["member_id", "quarter"]).any()
    # each churner leaves in at most one quarter, and churners in snapshots = events
    # after their first full quarter start
    assert snaps.groupby("member_id")["churned"].sum().max() == 1
    first_q = (members["join_date"].dt.to_period("Q") + 1).dt.start_time
    counted = (members["event"] == 1) & (members["end_date"] >= first_q)
    assert snaps["churned"].sum() == counted.sum()
