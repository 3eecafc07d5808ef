"""cx.churn summaries in Chinese: for every result type, ``summary(lang="zh")`` carries
every number of the English summary, is mostly Chinese, follows the notebook language set
by ``cx.viz.set_theme(lang="zh")``, and the default stays English.

The one deliberate difference between the languages: English writes the χ² statistic as
``chi2`` (whose "2" the number pattern picks up), Chinese as ``χ²``. Intervals keep their
``[low, high]`` notation in Chinese too (``[30.13, 尚未达到]``), so the full-width check
skips what is inside square brackets; the Cox table's column names (term, coef, se, HR,
p) stay, as the brief allows.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd
import pytest
from bilingual import (
    assert_follows_notebook_language,
    assert_same_numbers,
    cjk_share,
    words_only,
)

import cxlab as cx

#: deliberate differences: English wording → the Chinese wording's numbers
DELIBERATE = {"chi2": "χ²"}
CLF_FEATURES = ["visits_month", "complaints", "plan"]
#: names that stay in both languages: methods' proper names, option values, column names
NAMES = [
    "Kaplan–Meier",
    "Cox",
    "Harrell's C",
    "DeLong",
    "AUC",
    "HistGradientBoostingClassifier",
    "ties",
    "efron",
    "g(t)",
    "km",
    "rank",
    "term",
    "coef",
    "se",
    "HR",
]


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


@pytest.fixture(scope="module")
def results() -> dict[str, tuple[object, list[str]]]:
    """(result, identifiers from the data) for every result type and summary branch."""
    members = cx.datasets.load("membership_churn")
    surv = cx.churn.durations(
        members, start="join_date", end="end_date", as_of="2025-07-01", unit="months"
    )
    small = pd.DataFrame(
        {
            "t": [1, 2, 2, 3, 4, 5, 6, 6, 7, 8],
            "e": [1, 1, 0, 1, 0, 1, 0, 1, 0, 0],
            "g": ["a", "b"] * 5,
        }
    )
    snaps = cx.churn.example_snapshots()
    quarters = sorted(snaps["quarter"].unique())
    recent = snaps[snaps["quarter"] >= quarters[-4]]
    later = recent["quarter"] == quarters[-1]
    train, test = recent[~later], recent[later]
    logistic = cx.churn.classifier(
        snaps, "churned", CLF_FEATURES, time="quarter", cutoff=quarters[-1]
    )
    plan_levels = ["basic", "plus", "premium"]
    return {
        "km_groups_not_reached": (
            cx.churn.kaplan_meier(surv, group="plan", times=[12, 24]),
            plan_levels,
        ),
        "km_whole_days": (
            cx.churn.kaplan_meier(
                small.assign(t=small["t"] * 30), duration="t", event="e", unit="days"
            ),
            [],
        ),
        "km_groups_no_times": (
            cx.churn.kaplan_meier(small, duration="t", event="e", group="g"),
            ["a", "b"],
        ),
        "cox_categorical": (
            cx.churn.cox(surv, covariates=["plan", "segment", "visits_month", "complaints"]),
            ["plan", "segment", "complaints", *plan_levels, "leisure", "local", "business"],
        ),
        "cox_numeric_only": (
            cx.churn.cox(surv, covariates=["visits_month", "complaints"], transform="rank"),
            ["complaints"],
        ),
        "classifier_logistic": (logistic, ["plan", "complaints", "plus", "premium"]),
        "classifier_no_penalty_explicit": (
            cx.churn.classifier(train, "churned", CLF_FEATURES, test=test, penalty=None),
            ["plan", "complaints", "plus", "premium"],
        ),
        "classifier_boosting": (
            cx.churn.classifier(
                recent,
                "churned",
                CLF_FEATURES,
                time="quarter",
                cutoff=quarters[-1],
                method="boosting",
                seed=1,
            ),
            [],
        ),
        "profit_realised": (logistic.profit(value=600, cost=15, success=0.3), []),
        "profit_contact_no_one": (
            cx.churn.profit_curve([0.01, 0.02, 0.03], value=100, cost=50, success=0.5),
            [],
        ),
        "profit_expected_only": (
            cx.churn.profit_curve(np.linspace(0.05, 0.9, 40), value=250, cost=20, success=0.4),
            [],
        ),
    }


CASES = [
    "km_groups_not_reached",
    "km_whole_days",
    "km_groups_no_times",
    "cox_categorical",
    "cox_numeric_only",
    "classifier_logistic",
    "classifier_no_penalty_explicit",
    "classifier_boosting",
    "profit_realised",
    "profit_contact_no_one",
    "profit_expected_only",
]


def test_every_result_type_is_covered(results):
    kinds = {type(res).__name__ for res, _ in results.values()}
    assert kinds == {"KaplanMeier", "CoxModel", "ChurnClassifier", "ProfitCurve"}
    assert set(CASES) == set(results)


@pytest.mark.parametrize("case", CASES)
def test_chinese_summary_keeps_every_number(results, case):
    assert_same_numbers(results[case][0], DELIBERATE)


@pytest.mark.parametrize("case", CASES)
def test_chinese_summary_is_mostly_chinese(results, case):
    res, identifiers = results[case]
    zh = res.summary(lang="zh")
    assert cjk_share(zh, identifiers, NAMES) >= 0.5, zh
    assert "**" not in zh
    for line in zh.splitlines():  # no line left in English
        rest = words_only(line, identifiers, NAMES)
        assert re.search(r"[\u4e00-\u9fff]", rest) or not re.search(r"[A-Za-z]{3}", rest), line
    outside = re.sub(r"\[[^\]]*\]", " ", zh)  # intervals keep "[low, high]"
    assert not re.search(r"[\u4e00-\u9fff][,;:()]|[,;:()][\u4e00-\u9fff]", outside), zh
    assert cjk_share(res.summary(lang="en"), identifiers, NAMES) == 0


@pytest.mark.parametrize("case", CASES)
def test_summary_follows_the_notebook_language(results, case):
    assert_follows_notebook_language(results[case][0])


def test_notebook_sentences_in_chinese(results):
    """Lines lesson 09b prints, word for word, and their English originals unchanged."""
    km = results["km_groups_not_reached"][0]
    zh, en = km.summary(lang="zh").splitlines(), km.summary(lang="en").splitlines()
    assert en[4] == "  premium: not reached [not reached, not reached] (n = 998, events = 311)"
    assert zh[4] == "  premium：尚未达到 [尚未达到, 尚未达到]（n = 998，事件数 = 311）"
    assert zh[5] == "  全部：25.33 [23.95, 26.94]（n = 6,500，事件数 = 2,987）"
    assert en[6] == "  (not reached: S(t) or its bound stays above 0.5 to the last follow-up)"
    assert zh[-1] == "对数秩检验：χ² = 242.396，自由度 = 2，p = 2.314e-53"
    assert "时间单位：月" in zh[0]
    assert "时间单位：天" in results["km_whole_days"][0].summary(lang="zh").splitlines()[0]
    cox = results["cox_categorical"][0].summary(lang="zh").splitlines()
    assert cox[1] == "参照水平：plan = 'basic'、segment = 'business'"
    assert cox[-1].startswith("  总体：χ² = ")
    en_head = results["cox_categorical"][0].summary().splitlines()[2]
    assert _width(cox[2]) == _width(en_head)  # "p" stays over its column
    clf = results["classifier_logistic"][0].summary(lang="zh").splitlines()
    assert clf[1].startswith("划分：quarter < 2025Q2 为训练集，>= 2025Q2 为检验集；")
    assert clf[5] == "  （截距）：-2.332（几率比 0.10）"
    explicit = results["classifier_no_penalty_explicit"][0].summary(lang="zh").splitlines()
    assert explicit[0] == "流失预测模型：逻辑回归（无惩罚，数值特征已标准化）"
    assert explicit[1].startswith("划分：分别给出的训练数据和检验数据；")
    none = results["profit_contact_no_one"][0].summary(lang="zh").splitlines()
    assert none[1].startswith("  最佳：不联系任何人——")


def test_english_profit_summary_is_unchanged(results):
    en = results["profit_realised"][0].summary(lang="en").splitlines()
    assert en[0] == (
        "Profit of contacting the top x % of 3,729 customers (contact cost 15, offer keeps 30% "
        "of contacted churners):"
    )
    assert en[-1] == "  " + cx.churn._targeting.CAVEAT


def test_unknown_language_is_refused(results):
    with pytest.raises(ValueError, match="lang must be 'en' or 'zh'"):
        results["cox_numeric_only"][0].summary(lang="fr")
