"""store_rollout and store_rollout_customers: regenerate byte for byte, and the documented
truth (rollout rule, parallel trends, true effects, self-selected membership) is in the
data."""

from __future__ import annotations

import importlib.util
import io

import pandas as pd
import pytest

import cxlab as cx

NAMES = ["store_rollout", "store_rollout_customers"]


@pytest.fixture(scope="module")
def script(root):
    spec = importlib.util.spec_from_file_location(
        "store_rollout_script", root / "datasets/make/store_rollout.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def panel() -> pd.DataFrame:
    return cx.datasets.load("store_rollout")


@pytest.fixture(scope="module")
def customers() -> pd.DataFrame:
    return cx.datasets.load("store_rollout_customers")


def test_regenerates_byte_for_byte(script, root):
    for name, df in script.build().items():
        buffer = io.StringIO()
        df.to_csv(buffer, index=False, lineterminator="\n")
        assert buffer.getvalue().encode("utf-8") == (root / f"datasets/{name}.csv").read_bytes()


def test_seed_matters(script):
    a, b = script.build(seed=1), script.build(seed=2)
    for name in NAMES:
        assert not a[name].equals(b[name])
        pd.testing.assert_frame_equal(script.build(seed=1)[name], a[name])


def test_panel_shape_and_rollout_rule(panel):
    truth = cx.datasets.resource("store_rollout")["simulation"]
    assert panel["store_id"].nunique() == 72 and panel["month"].nunique() == 24
    assert len(panel) == 72 * 24
    stores = panel.groupby("store_id").first()
    rule = (stores["location"] == "urban") & (stores["floor_area_m2"] >= 1400)
    assert (stores["programme"] == rule.astype(int)).all()
    assert stores["programme"].sum() == truth["programme_stores"] == 17
    assert (panel["post"] == (panel["month"] >= "2026-01").astype(int)).all()
    # levels differ (bigger, urban stores) ...
    pre = panel[panel["post"] == 0].groupby("programme")["sales_per_customer"].mean()
    assert pre[1] - pre[0] > 15
    assert truth["true_effect_sales_per_customer"] == 6.0 and truth["true_effect_nps"] == 4.0
    assert truth["pre_mean_sales_programme_stores"] == pytest.approx(pre[1], abs=0.01)


def test_parallel_trends_and_effect_in_the_data(panel):
    # ... but pre-period trends are parallel: monthly gap between the groups is flat
    gap = panel.pivot_table(
        index="month", columns="programme", values="sales_per_customer", aggfunc="mean"
    )
    diff = gap[1] - gap[0]
    pre, post = diff[diff.index < "2026-01"], diff[diff.index >= "2026-01"]
    slope = pd.Series(range(12), index=pre.index).cov(pre) / pd.Series(range(12)).var()
    assert abs(slope) < 0.3  # yuan per month
    assert post.mean() - pre.mean() == pytest.approx(6.0, abs=1.2)


def test_customers_and_self_selection(customers, panel):
    truth = cx.datasets.resource("store_rollout_customers")["simulation"]
    assert len(customers) == 3000 and customers["customer_id"].is_unique
    programme = set(panel.loc[panel["programme"] == 1, "store_id"])
    assert set(customers["store_id"]) <= programme
    m = customers["member"] == 1
    assert 0.25 < m.mean() < 0.40
    assert m.mean() == pytest.approx(truth["population"]["share joining"], abs=0.03)
    # members were bigger, more frequent spenders before the programme existed
    assert customers.loc[m, "pre_spend"].mean() > customers.loc[~m, "pre_spend"].mean() + 50
    assert customers.loc[m, "pre_visits"].mean() > customers.loc[~m, "pre_visits"].mean()
    naive = customers.loc[m, "post_spend"].mean() - customers.loc[~m, "post_spend"].mean()
    pop = truth["population"]["naive gap in post_spend"]
    assert naive == pytest.approx(pop, abs=12)
    assert pop > 8 * truth["true_effect_member_on_spend"]
    assert truth["true_effect_member_on_spend"] == 8.0


def test_codebooks_are_bilingual():
    for name in NAMES:
        cb = cx.datasets.codebook(name)
        assert (cb["label_en"].str.len() > 5).all(), name
        assert cb["label_zh"].str.contains(r"[\u4e00-\u9fff]").all(), name
        res = cx.datasets.resource(name)
        assert res["simulation"]["script"] == "datasets/make/store_rollout.py"
        assert res["simulation"]["seed"] == 20261206
