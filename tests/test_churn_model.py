"""The churn classifier (cx.churn): coefficients equal statsmodels', the DeLong AUC
interval equals the hand formula and a bootstrap and covers the simulated true AUC, the
calibration / gains / profit tables are right, and bad input is named."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from scipy.optimize import minimize
from sklearn.metrics import roc_auc_score

import cxlab as cx
from cxlab.errors import DataError

FEATURES = [
    "visits_month", "complaints", "nps_latest", "nps_previous", "plan", "segment",
    "channel", "log_tenure",
]  # fmt: skip


@pytest.fixture(scope="module")
def snaps():
    s = cx.churn.example_snapshots()
    s["log_tenure"] = np.log1p(s["tenure_days"])
    return s


@pytest.fixture(scope="module")
def ridge(snaps):
    return cx.churn.classifier(snaps, "churned", FEATURES, time="quarter", cutoff="2025Q2")


@pytest.fixture(scope="module")
def design(snaps, ridge):
    train = snaps[snaps["quarter"] < "2025Q2"]
    x = sm.add_constant(ridge.design_.matrix(train, "training"))
    return x, train["churned"].to_numpy()


def test_unpenalised_fit_equals_statsmodels_logit(snaps, design):
    m = cx.churn.classifier(
        snaps, "churned", FEATURES, time="quarter", cutoff="2025Q2", penalty=None
    )
    x, y = design
    ref = sm.Logit(y, x).fit(method="newton", tol=1e-12, maxiter=100, disp=0)
    np.testing.assert_allclose(m.coef_["est"], ref.params, atol=1e-5)
    np.testing.assert_allclose(m.coef_["se"], ref.bse, rtol=1e-5)
    np.testing.assert_allclose(m.coef_["pvalue"], ref.pvalues, rtol=1e-4, atol=1e-12)
    ci = ref.conf_int()
    np.testing.assert_allclose(m.coef_[["ci_low", "ci_high"]].to_numpy(), ci, atol=1e-5)
    assert m.coef_["term"].tolist()[:3] == ["(intercept)", "visits_month", "complaints"]


@pytest.mark.parametrize("C", [1.0, 0.01])
def test_l2_fit_equals_statsmodels_ridge(snaps, design, C):
    # scikit-learn minimises C·Σ log-loss + ½‖β‖² (intercept free): statsmodels'
    # GLM.fit_regularized(L1_wt=0) objective −loglike/n + α‖β‖²/2 with α = 1/(C·n), 0 on the
    # constant. statsmodels solves it with scipy's BFGS at its default gtol 1e-5, so from
    # its zero start it stops within ~1e-3 of the optimum; started at ours it does not move,
    # and a tight minimisation of its own objective agrees to 5e-6 (measured: 7e-7).
    m = cx.churn.classifier(snaps, "churned", FEATURES, time="quarter", cutoff="2025Q2", C=C)
    x, y = design
    alpha = np.r_[0.0, np.full(x.shape[1] - 1, 1.0 / (C * len(y)))]
    glm = sm.GLM(y, x, family=sm.families.Binomial())
    ours = m.coef_["est"].to_numpy()
    loose = glm.fit_regularized(alpha=alpha, L1_wt=0).params
    np.testing.assert_allclose(loose, ours, atol=2e-3)
    still = glm.fit_regularized(alpha=alpha, L1_wt=0, start_params=ours).params
    np.testing.assert_allclose(still, ours, atol=1e-8)

    def objective(b):
        return -glm.loglike(b, scale=1.0) / len(y) + np.sum(alpha * b**2) / 2

    tight = minimize(objective, loose, method="BFGS", options={"gtol": 1e-11}).x
    np.testing.assert_allclose(tight, ours, atol=5e-6)
    assert objective(ours) <= objective(loose)


def test_delong_se_equals_the_hand_formula():
    # churners score .35 .8 .9, stayers .1 .4 .2. V10 (share of stayers each churner
    # beats) = 2/3, 1, 1; V01 (share of churners beating each stayer) = 1, 2/3, 1.
    # AUC = 8/9; s²(V10) = s²(V01) = 1/27; Var = (1/27)/3 + (1/27)/3 = 2/81.
    y = [0, 0, 1, 1, 0, 1]
    s = [0.1, 0.4, 0.35, 0.8, 0.2, 0.9]
    t = cx.churn.auc_ci(y, s)
    assert t["est"].iloc[0] == pytest.approx(8 / 9, abs=1e-12)
    assert t["se"].iloc[0] == pytest.approx(np.sqrt(2 / 81), abs=1e-12)
    assert t["ci_low"].iloc[0] == pytest.approx(8 / 9 - 1.959963984540054 * np.sqrt(2 / 81))
    assert t["ci_high"].iloc[0] == 1.0  # cut at 1
    # a tie between a churner and a stayer counts ½: churners .5 .9, stayers .5 .1
    # V10 = (.5 + 1)/2 … = .75, 1; V01 = .75, 1 → AUC .875, Var = (1/32)/2 + (1/32)/2
    t = cx.churn.auc_ci([1, 1, 0, 0], [0.5, 0.9, 0.5, 0.1])
    assert t["est"].iloc[0] == pytest.approx(0.875)
    assert t["se"].iloc[0] == pytest.approx(np.sqrt(1 / 32))


def test_hanley_mcneil_formula():
    y = [0, 0, 1, 1, 0, 1]
    s = [0.1, 0.4, 0.35, 0.8, 0.2, 0.9]
    a, n1, n0 = 8 / 9, 3, 3
    q1, q2 = a / (2 - a), 2 * a**2 / (1 + a)
    var = (a * (1 - a) + (n1 - 1) * (q1 - a**2) + (n0 - 1) * (q2 - a**2)) / (n1 * n0)
    t = cx.churn.auc_ci(y, s, method="hanley-mcneil")
    assert t["se"].iloc[0] == pytest.approx(np.sqrt(var), abs=1e-12)


def test_test_auc_matches_sklearn_a_bootstrap_and_covers_the_truth(ridge):
    test = ridge.auc_.set_index("split").loc["test"]
    assert test["est"] == pytest.approx(roc_auc_score(ridge.y_test_, ridge.p_test_), abs=1e-12)
    boot = cx.churn.auc_ci(ridge.y_test_, ridge.p_test_, method="bootstrap", seed=7)
    assert abs(boot["se"].iloc[0] / test["se"] - 1) < 0.10
    truth = cx.datasets.resource("membership_churn")["simulation"]["classifier"]["true_auc"]
    assert test["ci_low"] <= truth <= test["ci_high"]
    # the same seed gives the same bootstrap
    again = cx.churn.auc_ci(ridge.y_test_, ridge.p_test_, method="bootstrap", seed=7)
    pd.testing.assert_frame_equal(boot, again)


def test_train_and_test_split_by_time(snaps, ridge):
    assert ridge.n_train == (snaps["quarter"] < "2025Q2").sum()
    assert ridge.n_test == (snaps["quarter"] == "2025Q2").sum()
    assert ridge.y_test_.sum() == ridge.auc_["n_churners"].iloc[1]
    explicit = cx.churn.classifier(
        snaps[snaps["quarter"] < "2025Q2"],
        "churned",
        FEATURES,
        test=snaps[snaps["quarter"] == "2025Q2"],
    )
    np.testing.assert_allclose(explicit.p_test_, ridge.p_test_, atol=1e-12)
    np.testing.assert_allclose(
        ridge.predict_proba(snaps[snaps["quarter"] == "2025Q2"]), ridge.p_test_
    )


def test_calibration_and_gains_tables(ridge):
    cal = ridge.calibration()
    assert cal["n"].sum() == ridge.n_test and len(cal) == 10
    order = np.argsort(-ridge.p_test_, kind="stable")
    top = order[: cal["n"].iloc[0]]
    assert cal["predicted"].iloc[0] == pytest.approx(ridge.p_test_[top].mean())
    assert cal["observed"].iloc[0] == pytest.approx(ridge.y_test_[top].mean())
    # a decent model is calibrated on the later quarter: most deciles' intervals hold it
    inside = (cal["ci_low"] <= cal["predicted"]) & (cal["predicted"] <= cal["ci_high"])
    assert inside.sum() >= 8
    g = ridge.gains()
    assert g["churners"].sum() == ridge.y_test_.sum()
    assert g["share_churners"].iloc[0] == pytest.approx(
        ridge.y_test_[top].sum() / ridge.y_test_.sum()
    )
    assert g["lift"].iloc[0] > 1.8 and g["share_churners"].is_monotonic_increasing


def test_profit_curve_best_cut_off_is_the_brute_force_optimum(ridge):
    pc = ridge.profit(value=600, cost=15, success=0.3)
    ev = ridge.p_test_ * 600 * 0.3
    best = max(range(len(ev) + 1), key=lambda k: np.sort(ev)[::-1][:k].sum() - 15 * k)
    assert pc.best["n_contacted"] == best == (ev > 15).sum()
    order = np.argsort(-ev, kind="stable")
    k = best
    assert pc.best["realised_profit"] == pytest.approx(
        (ridge.y_test_[order[:k]] * 600 * 0.3).sum() - 15 * k
    )
    assert pc.table["expected_profit"].max() <= pc.best["expected_profit"] + 1e-9
    assert "not the effect of contacting" in pc.summary()
    nobody = ridge.profit(value=10, cost=15, success=0.3)
    assert nobody.best["n_contacted"] == 0 and "contact no one" in nobody.summary()


def test_profit_with_a_value_column_of_the_test_rows(ridge, snaps):
    test = snaps[snaps["quarter"] == "2025Q2"]
    value = 12 * test["margin_month"].to_numpy()  # a year of margin saved
    pc = ridge.profit(value=value, cost=15, success=0.3)
    ev = ridge.p_test_ * value * 0.3
    assert pc.best["n_contacted"] == (ev > 15).sum()
    assert pc.best["expected_profit"] == pytest.approx(np.sum(ev[ev > 15] - 15))
    by_column = ridge.profit(value="margin_month", cost=1, success=0.3)
    ev = ridge.p_test_ * test["margin_month"].to_numpy() * 0.3
    assert by_column.best["n_contacted"] == (ev > 1).sum()
    with pytest.raises(DataError, match="value has 3 rows"):
        ridge.profit(value=np.ones(3), cost=1, success=0.3)


def test_target_ranks_by_expected_value_saved():
    d = pd.DataFrame({"id": list("abcd"), "p": [0.2, 0.6, 0.1, 0.5], "margin": [300, 50, 900, 100]})
    t = cx.churn.target(d, "p", value="margin", cost=20, success=0.3)
    assert t["id"].tolist() == ["c", "a", "d", "b"]
    assert t["net"].tolist() == pytest.approx([7.0, -2.0, -5.0, -11.0])
    assert t["contact"].tolist() == [True, False, False, False]
    assert t["rank"].tolist() == [1, 2, 3, 4]


def test_boosting_is_seeded_and_needs_a_seed(snaps):
    small = snaps[snaps["quarter"] >= "2024Q3"]
    a = cx.churn.classifier(
        small, "churned", FEATURES, time="quarter", cutoff="2025Q2", method="boosting", seed=3
    )
    b = cx.churn.classifier(
        small, "churned", FEATURES, time="quarter", cutoff="2025Q2", method="boosting", seed=3
    )
    np.testing.assert_array_equal(a.p_test_, b.p_test_)
    assert a.coef_ is None and "gradient boosting" in a.summary()
    with pytest.raises(ValueError, match="seed="):
        cx.churn.classifier(
            small, "churned", FEATURES, time="quarter", cutoff="2025Q2", method="boosting"
        )


def test_result_conventions(ridge):
    assert list(ridge.to_frame().columns) == [
        "split", "est", "se", "ci_low", "ci_high", "n_churners", "n_stayers",
    ]  # fmt: skip
    text = ridge.summary()
    assert "AUC test" in text and "DeLong" in text
    assert "<table" in ridge._repr_html_()


# ---- bad input -------------------------------------------------------------------------


def _small(snaps):
    return snaps[snaps["quarter"] >= "2024Q4"].copy()


def test_target_not_binary(snaps):
    bad = _small(snaps)
    bad.loc[bad.index[3], "churned"] = 2
    with pytest.raises(DataError, match=r"must be 0 .stayed. or 1"):
        cx.churn.classifier(bad, "churned", FEATURES, time="quarter", cutoff="2025Q2")


def test_no_churners_in_train_or_test(snaps):
    bad = _small(snaps)
    bad.loc[bad["quarter"] == "2025Q2", "churned"] = 0
    with pytest.raises(DataError, match="test rows have no churners"):
        cx.churn.classifier(bad, "churned", FEATURES, time="quarter", cutoff="2025Q2")
    bad = _small(snaps)
    bad.loc[bad["quarter"] < "2025Q2", "churned"] = 1
    with pytest.raises(DataError, match="training rows have no stayers"):
        cx.churn.classifier(bad, "churned", FEATURES, time="quarter", cutoff="2025Q2")
    with pytest.raises(DataError, match="no churners"):
        cx.churn.auc_ci([0, 0, 0], [0.1, 0.2, 0.3])


def test_constant_feature(snaps):
    bad = _small(snaps)
    bad["flat"] = 1.0
    with pytest.raises(DataError, match=r"\['flat'\] are constant"):
        cx.churn.classifier(bad, "churned", [*FEATURES, "flat"], time="quarter", cutoff="2025Q2")


def test_cutoff_outside_the_data(snaps):
    for cut in ("2021Q1", "2022Q2", "2026Q1"):
        with pytest.raises(DataError, match="outside the data's 'quarter' range"):
            cx.churn.classifier(_small(snaps), "churned", FEATURES, time="quarter", cutoff=cut)
    with pytest.raises(ValueError, match="later test period"):
        cx.churn.classifier(_small(snaps), "churned", FEATURES)


def test_missing_period_is_named(snaps):
    bad = _small(snaps)
    bad.loc[bad.index[4], "quarter"] = None
    with pytest.raises(DataError, match=r"'quarter' \(time=\) is missing in 1 row"):
        cx.churn.classifier(bad, "churned", FEATURES, time="quarter", cutoff="2025Q2")


def test_missing_values_are_named_never_dropped(snaps):
    bad = _small(snaps)
    bad["nps_latest"] = bad["nps_latest"].astype(float)
    bad.loc[bad.index[[5, 9, 12]], "nps_latest"] = np.nan
    with pytest.raises(DataError, match=r"'nps_latest' has 3 missing value.s. in the training"):
        cx.churn.classifier(bad, "churned", FEATURES, time="quarter", cutoff="2025Q2")


def test_member_table_errors(snaps):
    members = cx.datasets.load("membership_churn").head(50).copy()
    wrong = members.copy()
    wrong.loc[wrong.index[wrong["event"] == 1][0], "end_date"] = pd.Timestamp("2021-01-01")
    with pytest.raises(DataError, match="'end_date' is before 'join_date'"):
        cx.churn.quarterly_snapshots(wrong)
    wrong = members.copy()
    wrong["event"] = wrong["event"].astype(object)
    wrong.loc[wrong.index[0], "event"] = "yes"
    with pytest.raises(DataError, match=r"must be 0 .still a member"):
        cx.churn.quarterly_snapshots(wrong)
    with pytest.raises(DataError, match="after the data end"):
        cx.churn.quarterly_snapshots(members, data_end="2022-03-01")


def test_plots_draw(ridge):
    import matplotlib.pyplot as plt

    for kind in ("calibration", "gains", "roc"):
        ax = ridge.plot(kind=kind, lang="en")
        assert ax.get_title()
        plt.close(ax.figure)
    with pytest.raises(ValueError, match="kind must be"):
        ridge.plot(kind="pie")
    ax = ridge.profit(value=600, cost=15, success=0.3).plot(lang="zh")
    assert "利润" in ax.get_title()
    plt.close(ax.figure)


def test_delong_equals_r_proc(root):
    # tests/reference/churn_auc.R: pROC 1.18 roc() / var(method = "delong") / ci.auc()
    import json

    ref = json.loads((root / "tests/reference/churn_auc.json").read_text(encoding="utf-8"))
    data = pd.read_csv(root / "tests/reference/churn_auc.csv")
    cases = {
        "hand": ([0, 0, 1, 1, 0, 1], [0.1, 0.4, 0.35, 0.8, 0.2, 0.9]),
        "ties": ([1, 1, 0, 0, 1, 0, 0], [0.5, 0.9, 0.5, 0.1, 0.3, 0.3, 0.7]),
        "test_quarter": (data["y"], data["p"]),
    }
    for name, (y, p) in cases.items():
        t = cx.churn.auc_ci(y, p).iloc[0]
        r = ref[name]
        assert t["est"] == pytest.approx(r["auc"], abs=1e-12), name
        assert t["se"] ** 2 == pytest.approx(r["var"], rel=1e-10), name
        assert t["ci_low"] == pytest.approx(r["ci_low"], abs=1e-10), name
        assert t["ci_high"] == pytest.approx(r["ci_high"], abs=1e-10), name
