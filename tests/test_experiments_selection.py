"""cx.experiments.programme_effect — the loyalty-programme trap on store_rollout_customers:
the naive member − non-member gap misses the true +8 yuan a month, IPW and matching
cover it; IPW equals a weighted least squares by hand (statsmodels Logit + WLS) and R
(glm + weighted lm), its sandwich SE equals the stacked estimating equations with a
numerical Jacobian; matching and balance by hand.

References: tests/reference/did_store_rollout.R → did_store_rollout.json.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

import cxlab as cx
from cxlab.errors import DataError, EstimationError

COVS = ["pre_spend", "pre_visits", "tenure_years", "distance_km", "age_group"]
TRUE_EFFECT = 8.0


@pytest.fixture(scope="module")
def customers() -> pd.DataFrame:
    return cx.datasets.load("store_rollout_customers")


@pytest.fixture(scope="module")
def res(customers):
    return cx.experiments.programme_effect(
        customers, "post_spend", member="member", covariates=COVS, baseline="pre_spend"
    )


@pytest.fixture(scope="module")
def ref(root) -> dict:
    return json.loads((root / "tests/reference/did_store_rollout.json").read_text())["customers"]


def _design(customers: pd.DataFrame) -> pd.DataFrame:
    x = customers[COVS[:-1]].astype(float)
    for level in ["30-44", "45-59", "60+"]:
        x[f"age_group[{level}]"] = (customers["age_group"] == level).astype(float)
    return sm.add_constant(x)


def test_naive_misses_the_truth_ipw_and_matching_cover_it(res):
    t = res.table.set_index("method")
    assert not t.loc["naive", "ci_low"] < TRUE_EFFECT < t.loc["naive", "ci_high"]
    assert t.loc["naive", "est"] > 50  # the trap: a large gap from who joins
    for m in ("ipw", "match"):
        assert t.loc[m, "ci_low"] < TRUE_EFFECT < t.loc[m, "ci_high"], m


def test_ipw_equals_weighted_least_squares_by_hand(customers, res, ref):
    d = customers["member"].to_numpy()
    x = _design(customers)
    p = sm.Logit(d, x).fit(disp=0).predict(x)
    for estimand, w in (
        ("ATT", np.where(d == 1, 1, p / (1 - p))),
        ("ATE", np.where(d == 1, 1 / p, 1 / (1 - p))),
    ):
        wls = sm.WLS(customers["post_spend"], sm.add_constant(d.astype(float)), weights=w).fit()
        got = cx.experiments.programme_effect(
            customers,
            "post_spend",
            member="member",
            covariates=COVS,
            method="ipw",
            estimand=estimand,
        )
        est = got.table["est"].iloc[0]
        assert est == pytest.approx(wls.params.iloc[1], abs=1e-10)
        # weighted means by hand, and R's glm + weighted lm
        y = customers["post_spend"].to_numpy()
        by_hand = np.average(y[d == 1], weights=w[d == 1]) - np.average(
            y[d == 0], weights=w[d == 0]
        )
        assert est == pytest.approx(by_hand, abs=1e-10)
        assert est == pytest.approx(ref[f"ipw_{estimand.lower()}"], abs=1e-5)
    np.testing.assert_allclose(
        res.logit.set_index("term")["est"]["pre_spend"], ref["logit_coef"]["pre_spend"], rtol=1e-6
    )


def _psi(theta: np.ndarray, y, d, x, estimand: str) -> np.ndarray:
    """Mean stacked estimating equations (logit score, two weighted means)."""
    k = x.shape[1]
    beta, mu1, mu0 = theta[:k], theta[k], theta[k + 1]
    p = 1 / (1 + np.exp(-(x @ beta)))
    if estimand == "ATT":
        w1, w0 = d * 1.0, (1 - d) * p / (1 - p)
    else:
        w1, w0 = d / p, (1 - d) / (1 - p)
    return np.column_stack([x * (d - p)[:, None], w1 * (y - mu1), w0 * (y - mu0)])


@pytest.mark.parametrize("estimand", ["ATT", "ATE"])
def test_ipw_sandwich_equals_numerical_m_estimation(customers, estimand):
    """The SE from hand-written derivatives equals the M-estimation sandwich with a
    numerical (central-difference) Jacobian of the stacked equations."""
    d = customers["member"].to_numpy()
    x = _design(customers).to_numpy()
    y = customers["post_spend"].to_numpy()
    n, k = x.shape
    beta = sm.Logit(d, x).fit(disp=0, tol=1e-12).params
    got = cx.experiments.programme_effect(
        customers, "post_spend", member="member", covariates=COVS, method="ipw",
        estimand=estimand,
    )  # fmt: skip
    est = got.table["est"].iloc[0]
    p = 1 / (1 + np.exp(-(x @ beta)))
    w = (
        np.where(d == 1, 1, p / (1 - p))
        if estimand == "ATT"
        else np.where(d == 1, 1 / p, 1 / (1 - p))
    )
    mu1 = np.average(y[d == 1], weights=w[d == 1])
    mu0 = np.average(y[d == 0], weights=w[d == 0])
    theta = np.r_[beta, mu1, mu0]
    jac = np.zeros((k + 2, k + 2))
    for j in range(k + 2):
        h = 1e-6 * max(1.0, abs(theta[j]))
        up, down = theta.copy(), theta.copy()
        up[j] += h
        down[j] -= h
        jac[:, j] = (
            _psi(up, y, d, x, estimand).mean(0) - _psi(down, y, d, x, estimand).mean(0)
        ) / (2 * h)
    psi = _psi(theta, y, d, x, estimand)
    ainv = np.linalg.inv(jac)
    v = ainv @ (psi.T @ psi / n) @ ainv.T / n
    se = np.sqrt(v[k, k] + v[k + 1, k + 1] - 2 * v[k, k + 1])
    assert est == pytest.approx(mu1 - mu0, abs=1e-6)
    assert got.table["se"].iloc[0] == pytest.approx(se, rel=1e-6)


def test_naive_is_welch_and_ols_hc2(customers, res):
    y, d = customers["post_spend"], customers["member"]
    a, b = y[d == 1], y[d == 0]
    row = res.table.set_index("method").loc["naive"]
    assert row["est"] == pytest.approx(a.mean() - b.mean(), abs=1e-10)
    hc2 = sm.OLS(y, sm.add_constant(d.astype(float))).fit(cov_type="HC2")
    assert row["se"] == pytest.approx(hc2.bse.iloc[1], rel=1e-10)


def test_matching_by_hand(customers, res):
    """1:1 nearest neighbour on the logit score, with replacement, caliper 0.2 SD."""
    ps = res.propensity.to_numpy()
    score = np.log(ps / (1 - ps))
    d = customers["member"].to_numpy()
    y = customers["post_spend"].to_numpy()
    mem, oth = np.flatnonzero(d == 1), np.flatnonzero(d == 0)
    dist = np.abs(score[mem, None] - score[None, oth])
    nearest = dist.argmin(axis=1)
    ok = dist[np.arange(len(mem)), nearest] <= 0.2 * score.std(ddof=1)
    est = np.mean(y[mem[ok]] - y[oth[nearest[ok]]])
    row = res.table.set_index("method").loc["match"]
    assert row["est"] == pytest.approx(est, abs=1e-9)
    assert row["n_members"] == ok.sum()
    assert res.diagnostics["unmatched"] == (~ok).sum()
    assert res.diagnostics["caliper"] == pytest.approx(0.2 * score.std(ddof=1))


def test_abadie_imbens_se_on_a_small_example():
    """A hand-worked case: members 1, 2 matched to the same non-member (K = 2)."""
    data = pd.DataFrame(
        {
            "y": [10.0, 12.0, 20.0, 7.0, 9.0, 4.0, 5.0, 30.0],
            "m": [1, 1, 1, 0, 0, 0, 0, 0],
            "x": [1.0, 1.1, 3.0, 1.05, 2.9, 0.0, -1.0, 4.0],
        }
    )
    res = cx.experiments.programme_effect(
        data, "y", member="m", covariates=["x"], method="match", caliper=np.inf
    )
    ps = res.propensity.to_numpy()
    s = np.log(ps / (1 - ps))
    mem, oth = [0, 1, 2], [3, 4, 5, 6, 7]
    match = [oth[int(np.argmin(np.abs(s[i] - s[oth])))] for i in mem]
    diff = np.array([data.y[i] - data.y[j] for i, j in zip(mem, match, strict=True)])
    est = diff.mean()
    used = pd.Series(match).value_counts()
    extra = 0.0
    for j, k in used.items():
        if k >= 2:  # sigma² from the two nearest other non-members
            near = sorted((o for o in oth if o != j), key=lambda o: abs(s[o] - s[j]))[:2]
            sigma2 = 2 / 3 * (data.y[j] - data.y[near].mean()) ** 2
            extra += k * (k - 1) * sigma2
    se = np.sqrt((np.sum((diff - est) ** 2) + extra) / 9)
    row = res.table.iloc[0]
    assert row["est"] == pytest.approx(est)
    assert row["se"] == pytest.approx(se)


def test_balance_before_and_after(customers, res):
    b = res.balance
    y = customers["pre_spend"]
    d = customers["member"]
    sd = np.sqrt((y[d == 1].var() + y[d == 0].var()) / 2)
    assert b.loc["pre_spend", "smd_before"] == pytest.approx(
        (y[d == 1].mean() - y[d == 0].mean()) / sd
    )
    assert b["smd_before"].abs().max() > 0.5  # members differ a lot before adjustment
    assert b["smd_ipw"].abs().max() < 0.1 and b["smd_match"].abs().max() < 0.1
    assert b["balanced"].all()
    assert list(b.index) == [*COVS[:-1], "age_group[30-44]", "age_group[45-59]", "age_group[60+]"]


def test_customer_did_is_the_difference_of_changes(customers, res):
    change = customers["post_spend"] - customers["pre_spend"]
    d = customers["member"]
    row = res.table.set_index("method").loc["did"]
    assert row["est"] == pytest.approx(change[d == 1].mean() - change[d == 0].mean(), abs=1e-9)


def test_summary_says_what_is_not_adjusted(res):
    text = res.summary()
    assert "adjust only for the covariates measured" in text
    assert "randomised" in text and "986 members" in text
    assert "<table" in res._repr_html_()
    for kind in ("overlap", "balance"):
        ax = res.plot(kind, lang="en")
        assert ax.get_title()
        cx.viz.plt.close(ax.figure)
    with pytest.raises(DataError, match="kind"):
        res.plot("violin")


# -- bad input ------------------------------------------------------------------------------


def _pe(data, **kw):
    args = {"member": "member", "covariates": COVS, **kw}
    return cx.experiments.programme_effect(data, "post_spend", **args)


def test_bad_membership(customers):
    with pytest.raises(DataError, match="must be 0/1"):
        _pe(customers.assign(member=customers["member"].map({0: "no", 1: "yes"})))
    with pytest.raises(DataError, match="0 non-members"):
        _pe(customers.assign(member=1))


def test_missing_values_name_rows(customers):
    data = customers.copy()
    data.loc[[4, 9], "post_spend"] = np.nan
    with pytest.raises(DataError, match=r"missing in 2 row\(s\): 4, 9"):
        _pe(data)
    data = customers.copy()
    data.loc[7, "age_group"] = None
    with pytest.raises(DataError, match=r"'age_group' is missing in row\(s\) 7"):
        _pe(data)


def test_method_and_covariate_errors(customers):
    with pytest.raises(DataError, match="covariates is empty"):
        _pe(customers, covariates=[])
    with pytest.raises(DataError, match="method must be"):
        _pe(customers, method="regression")
    with pytest.raises(DataError, match="needs baseline"):
        _pe(customers, method="did")
    with pytest.raises(DataError, match="cannot also be covariates"):
        _pe(customers, covariates=["post_spend"])
    with pytest.raises(DataError, match="not in the data"):
        _pe(customers, covariates=["income"])
    naive = _pe(customers, covariates=[], method="naive")
    assert naive.table["method"].tolist() == ["naive"]


def test_perfect_separation_is_an_estimation_error(customers):
    data = customers.assign(flag=customers["member"] * 10.0)
    with pytest.raises(EstimationError, match="predicts membership perfectly"):
        _pe(data, covariates=["flag", "pre_spend"])


def test_ipw_bootstrap_is_seeded_and_agrees_with_the_sandwich(customers, res):
    from cxlab.experiments._weights import newton_logit

    d = customers["member"].to_numpy()
    x = _design(customers).to_numpy()
    beta = res.logit["est"].to_numpy()
    np.testing.assert_allclose(newton_logit(d, x, np.zeros(x.shape[1])), beta, rtol=1e-6)
    with pytest.raises(DataError, match="seed="):
        _pe(customers, method="ipw", B=50)
    a = _pe(customers, method="ipw", B=200, seed=4)
    b = _pe(customers, method="ipw", B=200, seed=4)
    pd.testing.assert_frame_equal(a.table, b.table)
    row = a.table.iloc[0]
    assert row["est"] == pytest.approx(res.table.set_index("method").loc["ipw", "est"])
    assert "bootstrap (B = 200" in row["se_method"]
    assert row["ci_low"] < TRUE_EFFECT < row["ci_high"]
    assert row["se"] == pytest.approx(a.diagnostics["ipw_sandwich_se"], rel=0.5)
