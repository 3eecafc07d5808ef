"""cx.experiments summaries in Chinese: for every result type, ``summary(lang="zh")``
carries every number of the English summary, is mostly Chinese, follows the notebook
language set by ``cx.viz.set_theme(lang="zh")``, and the default stays English.

The one deliberate difference between the languages: English writes the χ² statistic as
``chi2`` (whose "2" the number pattern picks up), Chinese as ``χ²``.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from bilingual import (
    assert_follows_notebook_language,
    assert_same_numbers,
    cjk_share,
)

import cxlab as cx

#: deliberate differences: English wording → the Chinese wording's numbers
DELIBERATE = {"chi2": "χ²"}
COVS = ["pre_spend", "pre_visits", "tenure_years", "distance_km", "age_group"]


@pytest.fixture(scope="module")
def results() -> dict[str, tuple[object, list[str]]]:
    """(result, identifiers from the data) for every result type and summary branch."""
    small = pd.DataFrame(
        {"arm": ["A"] * 50 + ["B"] * 50, "buy": [1, 0, 0, 0, 0] * 10 + [1, 1, 0, 0, 0] * 10}
    )
    nps = pd.DataFrame(
        {
            "arm": ["control"] * 200 + ["new"] * 200,
            "nps": np.r_[np.tile([10, 9, 8, 7, 3], 40), np.tile([10, 9, 9, 7, 3], 40)],
        }
    )
    rng = np.random.default_rng(1)
    means = pd.DataFrame(
        {
            "g": ["x"] * 60 + ["y"] * 60,
            "csat": np.r_[rng.normal(4, 1, 60), rng.normal(3.5, 1, 60)],
            "age": np.r_[rng.normal(30, 5, 60), rng.normal(36, 5, 60)],
            "tier": ["a", "b"] * 60,
        }
    )
    means.loc[[0, 5, 70], "csat"] = np.nan  # a warning line
    members = cx.datasets.load("membership_churn")
    campaign = members[members["campaign"].notna()].copy()
    lost = campaign[campaign["campaign"] == 1].sample(300, random_state=3).index
    panel = cx.datasets.load("store_rollout")
    rollout = {"unit": "store_id", "time": "month", "treated": "programme", "start": "2026-01"}
    customers = cx.datasets.load("store_rollout_customers")
    uplift_data = cx.experiments.simulate_campaign(seed=7)
    campaign_covs = ["visits_month", "complaints", "nps_latest", "monthly_fee"]
    ab = cx.experiments.ab_test
    with pytest.warns(UserWarning, match="sample ratio mismatch"):
        mismatch = ab(campaign.drop(lost), "churn_90d", "campaign", kind="proportion")
    return {
        "ab_proportion": (ab(small, "buy", "arm", kind="proportion"), ["buy", "A", "B"]),
        "ab_nps": (ab(nps, "nps", "arm", kind="nps"), ["nps", "control", "new"]),
        "ab_balance": (
            ab(campaign, "churn_90d", "campaign", kind="proportion", covariates=campaign_covs),
            ["churn_90d"],
        ),
        "ab_mismatch": (mismatch, ["churn_90d"]),
        "ab_mean_flag_warning": (
            ab(means, "csat", "g", kind="mean", covariates=["age", "tier"]),
            ["csat", "age", "x", "y"],
        ),
        "power_proportion": (
            cx.experiments.sample_size("proportion", baseline=0.072, mde=-0.008),
            [],
        ),
        "power_nps": (cx.experiments.sample_size("nps", baseline=(0.45, 0.20), mde=5), []),
        "power_mean": (
            cx.experiments.sample_size("mean", baseline=4.1, mde=0.2, sd=1.0),
            [],
        ),
        "mde": (cx.experiments.mde("proportion", baseline=0.072, n=1882), []),
        "peeking": (cx.experiments.peeking_simulation(50, 5, reps=2000, seed=1), []),
        "peeking_one_look": (
            cx.experiments.peeking_simulation(20, 1, reps=500, seed=1, test="z"),
            [],
        ),
        "did": (cx.experiments.did(panel, "sales_per_customer", **rollout), []),
        "did_covariates": (
            cx.experiments.did(panel, "sales_per_customer", covariates=["nps"], **rollout),
            ["nps"],
        ),
        "event_asymptotic": (
            cx.experiments.event_study(panel, "sales_per_customer", B=0, **rollout),
            [],
        ),
        "event_bootstrap": (
            cx.experiments.event_study(panel, "sales_per_customer", B=49, seed=1, **rollout),
            [],
        ),
        "selection_all": (
            cx.experiments.programme_effect(
                customers, "post_spend", member="member", covariates=COVS, baseline="pre_spend"
            ),
            [],
        ),
        "selection_naive": (
            cx.experiments.programme_effect(
                customers, "post_spend", member="member", covariates=COVS[:2], method="naive"
            ),
            [],
        ),
        "selection_ipw_bootstrap": (
            cx.experiments.programme_effect(
                customers,
                "post_spend",
                member="member",
                covariates=COVS,
                method="ipw",
                estimand="ATE",
                B=30,
                seed=1,
            ),
            [],
        ),
        "uplift": (
            cx.experiments.uplift(uplift_data, "campaign", "renewed", ["usage", "tenure"], seed=1),
            ["usage", "tenure"],
        ),
    }


CASES = [
    "ab_proportion",
    "ab_nps",
    "ab_balance",
    "ab_mismatch",
    "ab_mean_flag_warning",
    "power_proportion",
    "power_nps",
    "power_mean",
    "mde",
    "peeking",
    "peeking_one_look",
    "did",
    "did_covariates",
    "event_asymptotic",
    "event_bootstrap",
    "selection_all",
    "selection_naive",
    "selection_ipw_bootstrap",
    "uplift",
]


def test_every_result_type_is_covered(results):
    kinds = {type(res).__name__ for res, _ in results.values()}
    assert kinds == {
        "ABTestResult",
        "PowerResult",
        "PeekingResult",
        "DiDResult",
        "EventStudy",
        "ProgrammeEffect",
        "UpliftResult",
    }
    assert set(CASES) == set(results)


@pytest.mark.parametrize("case", CASES)
def test_chinese_summary_keeps_every_number(results, case):
    assert_same_numbers(results[case][0], DELIBERATE)


@pytest.mark.parametrize("case", CASES)
def test_chinese_summary_is_mostly_chinese(results, case):
    res, identifiers = results[case]
    zh = res.summary(lang="zh")
    assert cjk_share(zh, identifiers) >= 0.5, zh
    assert "**" not in zh
    assert not re.search(r"[\u4e00-\u9fff][,;:]|[,;:][\u4e00-\u9fff]", zh), zh  # full-width
    assert cjk_share(res.summary(lang="en"), identifiers) == 0


@pytest.mark.parametrize("case", CASES)
def test_summary_follows_the_notebook_language(results, case):
    assert_follows_notebook_language(results[case][0])


def test_notebook_sentences_in_chinese(results):
    """The lines lesson 09c prints, word for word."""
    ab = results["ab_balance"][0].summary(lang="zh").splitlines()
    assert ab[0] == (
        "churn_90d 的 A/B 测试（比率，%）：1 为 7.44（n = 1881），0（对照组）为 7.17（n = 1882）。"
    )
    assert ab[2].startswith("在 5% 的水平上不显著")
    assert ab[3].endswith("：没有样本比例失衡。")
    assert ab[4] == "4 个协变量的平衡：联合检验 p = 0.861；所有 |SMD| <= 0.1。"
    srm = results["ab_mismatch"][0].summary(lang="zh").splitlines()[3]
    assert "（χ² = 26.16，p < 0.001）：样本比例失衡" in srm
    warning = results["ab_mean_flag_warning"][0].summary(lang="zh").splitlines()[-1]
    assert warning == "警告：有 3 行在 'csat' 中没有回答，未纳入计算。"


def test_unknown_language_is_refused(results):
    with pytest.raises(ValueError, match="lang must be 'en' or 'zh'"):
        results["did"][0].summary(lang="fr")
