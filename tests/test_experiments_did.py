"""cx.experiments.did and event_study: equal to statsmodels OLS with the interaction term and
to R (lm + sandwich::vcovCL, type "HC1"), cover the simulated truth of store_rollout, and
refuse bad designs with errors that name the column, unit or rows.

References: tests/reference/did_store_rollout.R → did_store_rollout.json (R 4, sandwich).
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
import statsmodels.formula.api as smf

import cxlab as cx
from cxlab.errors import DataError

TRUTH = {"sales_per_customer": 6.0, "nps": 4.0}
ARGS = {"unit": "store_id", "time": "month", "treated": "programme"}


@pytest.fixture(scope="module")
def panel() -> pd.DataFrame:
    return cx.datasets.load("store_rollout")


@pytest.fixture(scope="module")
def ref(root) -> dict:
    return json.loads((root / "tests/reference/did_store_rollout.json").read_text())


def _cluster(formula: str, data: pd.DataFrame):
    groups = pd.factorize(data["store_id"])[0]
    return smf.ols(formula, data).fit(cov_type="cluster", cov_kwds={"groups": groups})


@pytest.mark.parametrize("outcome", ["sales_per_customer", "nps"])
def test_2x2_equals_statsmodels_interaction(panel, outcome):
    res = cx.experiments.did(panel, outcome, start="2026-01", **ARGS)
    direct = _cluster(f"{outcome} ~ programme * post", panel)
    row = res.table.set_index("method").loc["2x2"]
    assert abs(row["est"] - direct.params["programme:post"]) < 1e-10
    assert abs(row["se"] - direct.bse["programme:post"]) < 1e-10
    low, high = direct.conf_int().loc["programme:post"]
    assert abs(row["ci_low"] - low) < 1e-10 and abs(row["ci_high"] - high) < 1e-10
    assert abs(row["pvalue"] - direct.pvalues["programme:post"]) < 1e-12
    # post= gives the same as start=
    again = cx.experiments.did(panel, outcome, post="post", **ARGS)
    pd.testing.assert_frame_equal(again.table, res.table)


@pytest.mark.parametrize("outcome", ["sales_per_customer", "nps"])
def test_matches_r_sandwich(panel, ref, outcome):
    r = ref[outcome]
    res = cx.experiments.did(panel, outcome, start="2026-01", **ARGS)
    t = res.table.set_index("method")
    assert t.loc["2x2", "est"] == pytest.approx(r["est_2x2"], rel=1e-10)
    assert t.loc["2x2", "se"] == pytest.approx(r["se_2x2"], rel=1e-8)
    assert t.loc["twfe", "est"] == pytest.approx(r["est_twfe_dummies"], rel=1e-10)
    assert t.loc["twfe", "se"] == pytest.approx(r["se_twfe"], rel=1e-8)


@pytest.mark.parametrize("outcome", ["sales_per_customer", "nps"])
def test_ci_covers_the_true_effect(panel, outcome):
    res = cx.experiments.did(panel, outcome, start="2026-01", **ARGS)
    for row in res.table.itertuples():
        assert row.ci_low < TRUTH[outcome] < row.ci_high
        assert row.pvalue < 0.001


def test_means_give_the_did_by_hand(panel):
    res = cx.experiments.did(panel, "sales_per_customer", start="2026-01", **ARGS)
    m = res.means.set_index(["group", "period"])["mean"]
    by_hand = (m["programme", "post"] - m["programme", "pre"]) - (
        m["comparison", "post"] - m["comparison", "pre"]
    )
    assert by_hand == pytest.approx(res.estimate, abs=1e-10)
    assert res.means["n"].sum() == len(panel)
    assert list(res.trends.columns) == ["comparison", "programme"]
    assert len(res.trends) == 24


def test_twfe_with_covariate_equals_dummy_regression(panel):
    rng = np.random.default_rng(5)
    data = panel.assign(footfall=rng.normal(0, 1, len(panel)))
    res = cx.experiments.did(
        data, "sales_per_customer", start="2026-01", covariates=["footfall"], **ARGS
    )
    direct = _cluster(
        "sales_per_customer ~ I(programme * post) + footfall + C(store_id) + C(month)", data
    )
    assert res.estimate == pytest.approx(direct.params["I(programme * post)"], abs=1e-9)
    assert "two-way fixed effects with covariates footfall" in res.summary()


def test_unbalanced_panel_twfe_equals_dummies(panel):
    data = panel.drop(index=panel.index[::7]).reset_index(drop=True)
    res = cx.experiments.did(data, "nps", start="2026-01", **ARGS)
    direct = _cluster("nps ~ I(programme * post) + C(store_id) + C(month)", data)
    twfe = res.table.set_index("method").loc["twfe", "est"]
    assert twfe == pytest.approx(direct.params["I(programme * post)"], abs=1e-9)


def test_result_conventions(panel):
    res = cx.experiments.did(panel, "nps", start="2026-01", **ARGS)
    assert list(res.to_frame().columns[:7]) == [
        "method",
        "est",
        "se",
        "z",
        "pvalue",
        "ci_low",
        "ci_high",
    ]
    text = res.summary()
    assert "parallel" in text and "CR1" in text and "72 clusters" in text
    assert "<table" in res._repr_html_()
    ax = res.plot(lang="en")
    assert ax.get_title() == "Difference-in-differences: nps"
    assert len(ax.get_lines()) >= 3
    cx.viz.plt.close(ax.figure)


# -- event study -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def es(panel):
    return cx.experiments.event_study(panel, "sales_per_customer", start="2026-01", seed=3, **ARGS)


def test_event_study_matches_r(es, ref):
    r = ref["sales_per_customer"]
    t = es.table[~es.table["reference"]]
    assert t["rel"].tolist() == r["event_rel"]
    np.testing.assert_allclose(t["est"], r["event_est"], rtol=1e-8, atol=1e-10)
    np.testing.assert_allclose(t["se"], r["event_se"], rtol=1e-8)
    assert es.pretrend["chi2"] == pytest.approx(r["pretrend_chi2"], rel=1e-8)
    assert es.pretrend["df"] == r["pretrend_df"]


def test_event_study_shows_parallel_leads_and_the_effect(es):
    t = es.table
    ref_row = t[t["reference"]]
    assert ref_row["rel"].tolist() == [-1] and ref_row["est"].iloc[0] == 0
    lags = t[t["rel"] >= 0]
    assert lags["est"].mean() == pytest.approx(6.0, abs=1.0)
    assert (lags["ci_low"] < 6).all() and (lags["ci_high"] > 6).all()
    # parallel by construction: the wild bootstrap does not reject, while the asymptotic
    # chi2 of 11 leads with 17 programme clusters over-rejects (it does here)
    assert es.pretrend["pvalue"] > 0.05
    assert es.pretrend["pvalue_asymptotic"] < es.pretrend["pvalue"]
    assert "no evidence against parallel pre-trends" in es.summary()


def test_event_study_seed(panel):
    kw = dict(start="2026-01", **ARGS)
    with pytest.raises(DataError, match="seed="):
        cx.experiments.event_study(panel, "nps", **kw)
    a = cx.experiments.event_study(panel, "nps", B=99, seed=7, **kw)
    b = cx.experiments.event_study(panel, "nps", B=99, seed=7, **kw)
    assert a.pretrend == b.pretrend
    asym = cx.experiments.event_study(panel, "nps", B=0, **kw)
    assert asym.pretrend["pvalue"] == asym.pretrend["pvalue_asymptotic"]
    assert a.pretrend["chi2"] == pytest.approx(asym.pretrend["chi2"], rel=1e-12)


def test_event_study_detects_a_pre_trend(panel):
    data = panel.copy()
    t = data["month"].map({m: i for i, m in enumerate(sorted(data["month"].unique()))})
    data["y"] = data["sales_per_customer"] + 0.8 * data["programme"] * t
    es = cx.experiments.event_study(data, "y", start="2026-01", seed=1, B=199, **ARGS)
    assert es.pretrend["pvalue"] < 0.01
    assert "drifted apart" in es.summary()


def test_event_study_plot(es):
    ax = es.plot(lang="en")
    assert ax.get_title() == "Event study: sales_per_customer"
    cx.viz.plt.close(ax.figure)


# -- bad input ------------------------------------------------------------------------------


def _did(data, **kw):
    args = {**ARGS, "start": "2026-01", **kw}
    return cx.experiments.did(data, "sales_per_customer", **args)


@pytest.mark.parametrize("value", [0, 1])
def test_treatment_that_never_varies(panel, value):
    with pytest.raises(DataError, match="never varies"):
        _did(panel.assign(programme=value))


def test_treatment_varying_within_a_unit(panel):
    data = panel.copy()
    data.loc[data.index[3], "programme"] = 1 - data.loc[data.index[3], "programme"]
    with pytest.raises(DataError, match=r"changes within unit\(s\) 1 of"):
        _did(data)


def test_post_period_without_pre_period(panel):
    with pytest.raises(DataError, match="no observation before the start"):
        _did(panel, start="2024-06")
    with pytest.raises(DataError, match="no post period"):
        _did(panel, start="2027-06")
    with pytest.raises(DataError, match="no observation before the start"):
        _did(panel.assign(after=1), start=None, post="after")


def test_post_differing_between_units_in_a_period(panel):
    data = panel.copy()
    data.loc[data.index[5], "post"] = 1
    with pytest.raises(DataError, match="one rollout date"):
        _did(data, start=None, post="post")


def test_fewer_than_two_clusters_per_arm(panel):
    prog = panel.loc[panel["programme"] == 1, "store_id"].iloc[0]
    one = panel[(panel["programme"] == 0) | (panel["store_id"] == prog)]
    with pytest.raises(DataError, match="Only 1 programme unit"):
        _did(one)


def test_clusters_of_size_one(panel):
    data = pd.concat([panel, panel.iloc[[0]].assign(store_id=99)], ignore_index=True)
    with pytest.raises(DataError, match=r"99 of 'store_id' have a single row"):
        _did(data)


def test_missing_outcome_names_rows(panel):
    data = panel.copy()
    data.loc[[10, 400], "sales_per_customer"] = np.nan
    with pytest.raises(DataError, match=r"missing in 2 row\(s\): 10, 400"):
        _did(data)


def test_timing_given_twice_or_never(panel):
    with pytest.raises(DataError, match="exactly one way"):
        _did(panel, post="post")
    with pytest.raises(DataError, match="exactly one way"):
        _did(panel, start=None)


def test_other_bad_input(panel):
    with pytest.raises(DataError, match="not in the data"):
        _did(panel, unit="shop")
    with pytest.raises(DataError, match="must be 0/1"):
        _did(panel.assign(programme=panel["programme"] * 2))
    with pytest.raises(DataError, match="level"):
        _did(panel, level=95)
    with pytest.raises(DataError, match="text where numbers"):
        _did(panel.assign(sales_per_customer="x"))


def test_event_study_post_column_equals_start(panel, es):
    again = cx.experiments.event_study(panel, "sales_per_customer", post="post", seed=3, **ARGS)
    pd.testing.assert_frame_equal(again.table, es.table)
    assert again.pretrend == es.pretrend
