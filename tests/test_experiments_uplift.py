"""cx.experiments.uplift: two-model uplift, the Qini curve and coefficient (Radcliffe
2007), uplift by decile, the randomisation check and targeting (issue 22).

The Qini numbers are checked against a hand computation; the model against a simulated
campaign with a known heterogeneous effect (cx.experiments.simulate_campaign)."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

import cxlab as cx
from cxlab.errors import DataError

FEATURES = ["usage", "tenure"]


@pytest.fixture(scope="module")
def campaign() -> pd.DataFrame:
    return cx.experiments.simulate_campaign(6000, seed=11)


@pytest.fixture(scope="module")
def fitted(campaign):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return cx.experiments.uplift(campaign, "campaign", "renewed", FEATURES, seed=3)


# --- the Qini curve by hand ----------------------------------------------------------------

# eight customers sorted by score: (score, treated, responded)
HAND = pd.DataFrame(
    {
        "score": [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2],
        "t": [1, 1, 0, 1, 0, 0, 1, 0],
        "y": [1, 1, 0, 0, 1, 0, 0, 1],
    }
)
# q(k) = [r_t(k) - r_c(k) n_t(k) / n_c(k)] / n_T with n_T = 4, by hand:
# k=1: r_t=1, n_c=0            -> 1/4
# k=2: r_t=2, n_c=0            -> 2/4
# k=3: r_t=2, r_c=0, n_c=1     -> 2/4
# k=4: r_t=2, r_c=0, n_t=3     -> 2/4
# k=5: r_t=2, r_c=1, n_t=3, n_c=2 -> (2 - 1.5)/4 = 1/8
# k=6: r_t=2, r_c=1, n_t=3, n_c=3 -> (2 - 1)/4 = 1/4
# k=7: r_t=2, r_c=1, n_t=4, n_c=3 -> (2 - 4/3)/4 = 1/6
# k=8: r_t=2, r_c=2, n_t=4, n_c=4 -> 0
HAND_Q = [0, 1 / 4, 2 / 4, 2 / 4, 2 / 4, 1 / 8, 1 / 4, 1 / 6, 0]


def test_qini_curve_equals_the_hand_computation():
    curve = cx.experiments.qini_curve(HAND["y"], HAND["t"], HAND["score"])
    assert curve["k"].tolist() == list(range(9))
    assert curve["qini"].to_numpy() == pytest.approx(HAND_Q)
    assert curve["fraction"].to_numpy() == pytest.approx(np.arange(9) / 8)
    assert curve["random"].to_numpy() == pytest.approx(np.zeros(9))  # q(N) = 0


def test_qini_coefficient_equals_the_hand_trapezoid():
    # random line is 0 here (q(N) = 0): area = Σ (q_k + q_{k+1}) / 2 · 1/8
    q = np.array(HAND_Q)
    by_hand = float(np.sum((q[1:] + q[:-1]) / 2) / 8)
    assert by_hand == pytest.approx((0.25 + 0.5 + 0.5 + 0.5 + 0.125 + 0.25 + 1 / 6) / 8)
    got = cx.experiments.qini_coefficient(HAND["y"], HAND["t"], HAND["score"])
    assert got == pytest.approx(by_hand)


def test_qini_random_line_and_order_invariance():
    y = [1, 0, 1, 1, 0, 0]
    t = [1, 1, 0, 1, 0, 0]
    s = [6, 5, 4, 3, 2, 1]
    curve = cx.experiments.qini_curve(y, t, s)
    overall = (2 / 3 - 1 / 3) * 3 / 3  # q(N) = rate_t - rate_c (n_t = n_c)
    assert curve["qini"].iloc[-1] == pytest.approx(overall)
    assert curve["random"].to_numpy() == pytest.approx(overall * np.arange(7) / 6)
    # the input order does not matter, only the scores
    perm = [3, 0, 5, 1, 4, 2]
    shuffled = cx.experiments.qini_curve(np.take(y, perm), np.take(t, perm), np.take(s, perm))
    pd.testing.assert_frame_equal(curve, shuffled)


def test_tied_scores_are_one_step():
    curve = cx.experiments.qini_curve([1, 0, 0, 1], [1, 0, 1, 0], [1, 1, 0, 0])
    assert curve["k"].tolist() == [0, 2, 4]
    # top 2 (tied): r_t=1, r_c=0 -> 1/2; all: r_t=1, r_c=1, n_t=n_c=2 -> 0
    assert curve["qini"].tolist() == pytest.approx([0, 0.5, 0])


def test_uplift_by_group_by_hand():
    t = cx.experiments.uplift_by_group(HAND["y"], HAND["t"], HAND["score"], groups=2)
    # top 4: treated 3 (2 respond), control 1 (0 respond) -> 2/3; bottom 4: 1 treated (0), 3
    # control (2) -> -2/3
    assert t["est"].tolist() == pytest.approx([2 / 3, -2 / 3])
    se0 = np.sqrt((2 / 3) * (1 / 3) / 3 + 0)
    assert t["se"].iloc[0] == pytest.approx(se0)
    assert t["ci_low"].iloc[0] == pytest.approx(2 / 3 - 1.959963984540054 * se0)


def test_qini_bad_input():
    with pytest.raises(DataError, match="same length"):
        cx.experiments.qini_curve([1, 0], [1, 0, 1], [1, 2])
    with pytest.raises(DataError, match="0/1"):
        cx.experiments.qini_curve([1, 2], [1, 0], [1, 2])
    with pytest.raises(DataError, match="never varies"):
        cx.experiments.qini_curve([1, 0], [1, 1], [1, 2])


# --- the model on a campaign with a known effect ------------------------------------------


def test_top_decile_has_higher_true_uplift_than_bottom(campaign, fitted):
    h = fitted.holdout.join(campaign["true_uplift"])
    ranked = h.sort_values("uplift", ascending=False, kind="mergesort")["true_uplift"]
    deciles = [part.mean() for part in np.array_split(ranked.to_numpy(), 10)]
    assert deciles[0] > deciles[-1] + 0.1
    assert deciles[0] > 0.15 and deciles[-1] < 0.0  # truth: +0.24 at best, -0.05 at worst


def test_qini_true_uplift_beats_model_beats_random(campaign, fitted):
    h = fitted.holdout.join(campaign["true_uplift"])
    y, t = h["renewed"], h["campaign"]
    q_true = cx.experiments.qini_coefficient(y, t, h["true_uplift"])
    q_model = fitted.qini
    rng = np.random.default_rng(0)
    q_random = [cx.experiments.qini_coefficient(y, t, rng.permutation(len(h))) for _ in range(200)]
    assert q_true >= q_model > 0
    assert q_model > np.quantile(q_random, 0.99)
    assert abs(np.mean(q_random)) < 0.005  # random targeting: about 0


def test_deciles_and_observed_uplift(fitted):
    d = fitted.deciles
    assert len(d) == 10 and d["n_treated"].sum() + d["n_control"].sum() == len(fitted.holdout)
    assert d["predicted"].is_monotonic_decreasing
    assert d["est"].iloc[0] > d["est"].iloc[-1]
    assert (d["ci_low"] < d["est"]).all() and (d["est"] < d["ci_high"]).all()


def test_holdout_is_a_stratified_share(campaign, fitted):
    assert len(fitted.holdout) == 1800
    assert fitted.holdout.index.isin(campaign.index).all()
    share = fitted.holdout["campaign"].mean()
    assert share == pytest.approx(campaign["campaign"].mean(), abs=0.01)


def test_target_contacts_the_most_persuadable(campaign, fitted):
    top = fitted.target(600)
    assert len(top) == 600 and top["uplift"].is_monotonic_decreasing
    assert top["true_uplift"].mean() > campaign["true_uplift"].mean() + 0.05
    assert len(fitted.target(0.25)) == 1500
    scores = fitted.predict(campaign)
    assert top["uplift"].iloc[0] == pytest.approx(scores.max())
    with pytest.raises(DataError, match="selects"):
        fitted.target(0)


def test_same_seed_same_scores(campaign):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        a = cx.experiments.uplift(campaign, "campaign", "renewed", FEATURES, seed=5)
        b = cx.experiments.uplift(campaign, "campaign", "renewed", FEATURES, seed=5)
    pd.testing.assert_frame_equal(a.holdout, b.holdout)
    assert a.qini == b.qini


def test_boosting_model_ranks_too(campaign):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        res = cx.experiments.uplift(
            campaign, "campaign", "renewed", FEATURES, model="boosting", seed=3
        )
    h = res.holdout.join(campaign["true_uplift"])
    assert res.qini > 0
    assert np.corrcoef(h["uplift"], h["true_uplift"])[0, 1] > 0.5
    assert "boosting" in res.summary()


def test_summary_and_balance(fitted):
    text = fitted.summary()
    assert "Randomisation check" in text and "Qini coefficient" in text
    assert set(fitted.balance["covariate"]) == set(FEATURES)
    assert fitted.balance_test["pvalue"] > 0.001
    assert fitted._repr_html_().startswith("<p>")


# --- randomisation and bad input ----------------------------------------------------------


def test_non_randomised_campaign_is_refused(campaign):
    targeted = campaign.copy()
    # contacted the light users on purpose: treatment depends on usage
    targeted["campaign"] = (targeted["usage"] < targeted["usage"].median()).astype(int)
    with pytest.raises(DataError, match=r"does not look randomised.*usage"):
        cx.experiments.uplift(targeted, "campaign", "renewed", FEATURES, seed=1)
    with pytest.warns(UserWarning, match="does not look randomised"):
        cx.experiments.uplift(
            targeted, "campaign", "renewed", FEATURES, seed=1, allow_unbalanced=True
        )


@pytest.mark.parametrize(
    ("change", "match"),
    [
        (lambda d: d.assign(campaign=1), "'campaign' never varies"),
        (lambda d: d.assign(campaign=d["campaign"] + d.index % 2), "'campaign' must be coded 0/1"),
        (lambda d: d.assign(renewed=d["renewed"] * 2), "'renewed' must be coded 0/1"),
        (lambda d: d.assign(usage=d["usage"].where(d.index != 5)), "'usage' has 1 missing"),
        (lambda d: d.drop(columns="tenure"), "no column 'tenure'"),
    ],
)
def test_bad_input(campaign, change, match):
    with pytest.raises(DataError, match=match):
        cx.experiments.uplift(change(campaign.head(500)), "campaign", "renewed", FEATURES, seed=1)


def test_bad_options(campaign):
    small = campaign.head(500)
    with pytest.raises(DataError, match="holdout"):
        cx.experiments.uplift(small, "campaign", "renewed", FEATURES, seed=1, holdout=1.5)
    with pytest.raises(DataError, match="model"):
        cx.experiments.uplift(small, "campaign", "renewed", FEATURES, model="forest", seed=1)
    with pytest.raises(TypeError):
        cx.experiments.uplift(small, "campaign", "renewed", FEATURES)  # type: ignore[call-arg]


# --- the membership_churn dataset (randomised retention offer) -----------------------------


def test_membership_churn_campaign_finds_the_simulated_groups():
    """The offer lowers churn for members who complained and raises it for 'sleeping dogs'
    (little use, no complaint), per the dataset's `simulation` truth; the two-model uplift
    on staying ranks them that way."""
    if "membership_churn" not in set(cx.datasets.list_datasets()["name"]):
        pytest.skip("membership_churn is not bundled")
    df = cx.datasets.load("membership_churn")
    truth = cx.datasets.resource("membership_churn")["simulation"]["campaign"]["true_effect"]
    assert truth["complained"] < 0 < truth["sleeping dogs"]  # effects on churn
    c = df[df["campaign"].notna()].copy()
    c["campaign"] = c["campaign"].astype(int)
    c["stayed"] = 1 - c["churn_90d"].astype(int)
    res = cx.experiments.uplift(c, "campaign", "stayed", ["complaints", "visits_month"], seed=1)
    assert res.balance_test["pvalue"] > 0.001  # the offer was randomised
    group = np.where(
        c["complaints"] >= 1, "complained", np.where(c["visits_month"] < 1.0, "dogs", "others")
    )
    mean = res.predict(c).groupby(group).mean()
    assert mean["complained"] > 0 > mean["dogs"]
    assert res.qini > 0
