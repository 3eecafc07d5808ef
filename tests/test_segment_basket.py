"""Basket rules and recommenders (issue 21, item 4) and the retail_baskets dataset.

Must show (issue 21): "Association rules equal mlxtend's on the same baskets" — asserted
here against mlxtend 0.25 run directly on a one-hot table built independently; "the
recommender beats the popularity baseline on the holdout, or the lesson says it does not"
— the holdout numbers of retail_baskets are pinned below as they came out (the data were
not tuned to make a recommender win).
"""

from __future__ import annotations

import importlib.util
import io

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from mlxtend.frequent_patterns import apriori, association_rules, fpgrowth
from mlxtend.preprocessing import TransactionEncoder
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

import cxlab as cx
from cxlab.errors import DataError
from cxlab.segment._basket import METRICS, basket_matrix, rules
from cxlab.segment._recommend import evaluate, recommend, segment_offers

CUT = "2025-10-01"


@pytest.fixture(scope="module")
def script(root):
    spec = importlib.util.spec_from_file_location(
        "retail_baskets_script", root / "datasets/make/retail_baskets.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def baskets():
    return cx.datasets.load("retail_baskets")


@pytest.fixture(scope="module")
def sim():
    return cx.datasets.resource("retail_baskets")["simulation"]


def _pair_lift(lines: pd.DataFrame, a: str, b: str) -> float:
    sets = lines.groupby("transaction_id")["category"].agg(set)
    sa, sb = sets.map(lambda s: a in s).mean(), sets.map(lambda s: b in s).mean()
    return sets.map(lambda s: a in s and b in s).mean() / (sa * sb)


# -- the dataset -----------------------------------------------------------------------


def test_regenerates_byte_for_byte(script, root):
    buffer = io.StringIO()
    script.build().to_csv(buffer, index=False, lineterminator="\n")
    assert buffer.getvalue().encode("utf-8") == (root / "datasets/retail_baskets.csv").read_bytes()


def test_seed_matters(script):
    assert not script.build(seed=1).equals(script.build(seed=2))


def test_baskets_are_the_lines_of_retail_transactions(baskets):
    tx = cx.datasets.load("retail_transactions").set_index("transaction_id")
    per = baskets.groupby("transaction_id").agg(
        customer_id=("customer_id", "first"),
        date=("date", "first"),
        quantity=("quantity", "sum"),
        value=("value", "sum"),
        rows=("category", "size"),
        categories=("category", "nunique"),
    )
    assert per.index.equals(tx.index)
    assert (per["customer_id"] == tx["customer_id"]).all()
    assert (per["date"] == tx["date"]).all()
    assert (per["quantity"] == tx["n_items"]).all()
    assert np.abs(per["value"] - tx["amount"]).max() < 5e-9
    assert (per["rows"] == per["categories"]).all()  # one row per basket and category
    assert (baskets["value"] >= 0.01).all() and (baskets["quantity"] >= 1).all()
    assert len(baskets) == 33_868 and per.index.size == 14_889


def test_codebook_names_every_column_and_category_in_both_languages(baskets):
    book = cx.datasets.codebook("retail_baskets")
    assert list(book["name"]) == list(baskets.columns)
    assert book["label_zh"].str.contains(r"[\u4e00-\u9fff]").all()
    assert (book["label_en"].str.len() > 3).all()
    field = next(
        f for f in cx.datasets.resource("retail_baskets")["schema"]["fields"]
        if f["name"] == "category"
    )  # fmt: skip
    assert set(baskets["category"]) == set(field["constraints"]["enum"])
    assert len(field["categories"]) == 20
    for cat in field["categories"]:
        assert cat["label"] and any("\u4e00" <= ch <= "\u9fff" for ch in cat["label_zh"])
        assert cat["value"] in field["description"]


def test_planted_pairs_have_their_documented_lift(baskets, sim):
    """Realised lifts lie within 0.35 of the generator's (SD over draws ≈ 0.1)."""
    for key, truth in sim["pair_lift"].items():
        a, b = key.split(" & ")
        assert _pair_lift(baskets, a, b) == pytest.approx(truth["lift"], abs=0.35), key
    planted = [v["lift"] for v in sim["pair_lift"].values() if v["planted"]]
    control = [v["lift"] for v in sim["pair_lift"].values() if not v["planted"]]
    assert min(planted) > 2.5 and max(control) < 1.2


def test_rules_find_exactly_the_planted_pairs(baskets, sim):
    found = rules(baskets)  # default thresholds
    table = found.table
    pairs = {frozenset(a | c) for a, c in zip(table.antecedents, table.consequents, strict=True)}
    assert pairs == {frozenset(p) for p in sim["planted_pairs"]}
    assert len(found.table) == 8  # each pair in both directions


# -- rules equal mlxtend's ----------------------------------------------------------------


def _mlxtend_rules(lines: pd.DataFrame, min_support: float, algorithm=fpgrowth) -> pd.DataFrame:
    sets = lines.groupby("transaction_id")["category"].agg(lambda s: sorted(set(s)))
    enc = TransactionEncoder()
    onehot = pd.DataFrame(enc.fit(sets).transform(sets), columns=enc.columns_)
    items = algorithm(onehot, min_support=min_support, use_colnames=True)
    out = association_rules(items, num_itemsets=len(onehot), metric="confidence", min_threshold=0.1)
    out["key"] = [
        (tuple(sorted(a)), tuple(sorted(c)))
        for a, c in zip(out["antecedents"], out["consequents"], strict=True)
    ]
    return out.set_index("key").sort_index()


@pytest.mark.parametrize("algorithm", ["fpgrowth", "apriori"])
def test_rules_equal_mlxtend_on_the_same_baskets(baskets, algorithm):
    ours = rules(baskets, min_support=0.005, min_confidence=0.1, min_count=1, algorithm=algorithm)
    ref = _mlxtend_rules(baskets, 0.005, fpgrowth if algorithm == "fpgrowth" else apriori)
    table = ours.table.copy()
    table["key"] = [
        (tuple(sorted(a)), tuple(sorted(c)))
        for a, c in zip(table["antecedents"], table["consequents"], strict=True)
    ]
    table = table.set_index("key").sort_index()
    assert len(table) > 100  # pairs and triples
    assert list(table.index) == list(ref.index)
    pd.testing.assert_frame_equal(table[METRICS], ref[METRICS], check_exact=False, rtol=1e-12)


def test_counts_equal_a_direct_count(baskets):
    ours = rules(baskets, min_support=0.005, min_confidence=0.1, min_count=1).table
    sets = baskets.groupby("transaction_id")["category"].agg(set)
    for _, row in ours.sample(25, random_state=0).iterrows():
        both = row["antecedents"] | row["consequents"]
        assert row["count"] == sum(both <= s for s in sets)
        assert row["antecedent count"] == sum(row["antecedents"] <= s for s in sets)
        assert row["consequent count"] == sum(row["consequents"] <= s for s in sets)


def test_hand_computed_rule():
    # 5 baskets: tea in 4, cake in 3, both in 3; jam alone once
    lines = pd.DataFrame(
        {
            "t": [1, 1, 2, 2, 3, 3, 4, 5, 5],
            "i": ["tea", "cake", "tea", "cake", "tea", "cake", "tea", "jam", "jam"],
        }
    )
    found = rules(lines, transaction="t", item="i", min_support=0.1, min_count=1)
    row = found.table.set_index("rule").loc["cake → tea"]
    assert row["support"] == pytest.approx(3 / 5)
    assert row["confidence"] == pytest.approx(1.0)
    assert row["lift"] == pytest.approx(1.0 / (4 / 5))
    assert row["leverage"] == pytest.approx(3 / 5 - 3 / 5 * 4 / 5)
    assert row["conviction"] == np.inf
    assert row["count"] == 3 and found.n_single == 2  # basket 4 and basket 5 (jam twice)
    assert basket_matrix(lines, transaction="t", item="i").loc[5].tolist() == [False, True, False]


def test_min_count_is_a_floor_on_baskets(baskets):
    loose = rules(baskets, min_support=0.001, min_confidence=0.0, min_count=1).table
    floor = 40
    strict = rules(baskets, min_support=0.001, min_confidence=0.0, min_count=floor).table
    assert (strict["count"] >= floor).all()
    assert (loose["count"] < floor).any()
    assert set(strict["rule"]) == set(loose.loc[loose["count"] >= floor, "rule"])


def test_rules_result_conventions(baskets):
    found = rules(baskets)
    assert found.to_frame() is found.table
    assert list(found.table["lift"]) == sorted(found.table["lift"], reverse=True)
    text = found.summary()
    assert "14,889 baskets" in text and "not a cause" in text
    assert "<table" in found._repr_html_()
    ax = found.plot(lang="en", labels={"meat_seafood": "Meat (label)"})
    notes = [t.get_text() for t in ax.texts]
    assert len(notes) == 5 and notes[0] == "sauces_condiments → Meat (label)"
    plt.close("all")


# -- bad input -------------------------------------------------------------------------------


def test_only_single_item_baskets_is_an_error_naming_how_many():
    lines = pd.DataFrame({"transaction_id": [1, 2, 3], "category": ["a", "b", "a"]})
    with pytest.raises(DataError, match=r"All 3 baskets .*one item only"):
        rules(lines)


def test_mostly_single_item_baskets_warn_with_the_count():
    lines = pd.DataFrame({"transaction_id": [1, 1, 2, 3, 4], "category": ["a", "b", "a", "b", "a"]})
    with pytest.warns(UserWarning, match=r"3 of 4 baskets \(75%\) hold one item only"):
        found = rules(lines, min_support=0.1, min_count=1)
    assert found.n_single == 3


@pytest.mark.parametrize(
    ("lines", "kwargs", "message"),
    [
        (pd.DataFrame({"transaction_id": [1], "item": ["a"]}), {}, r"no column 'category'"),
        (
            pd.DataFrame({"transaction_id": [1, 1, 2], "category": ["a", None, "b"]}),
            {},
            r"'category' .* missing in 1 row\(s\) \(1\)",
        ),
        ([["a", "b"]], {}, r"must be a pandas DataFrame"),
        (
            pd.DataFrame({"transaction_id": [1, 1], "category": ["a", "b"]}),
            {"min_count": 0},
            r"min_count",
        ),
        (
            pd.DataFrame({"transaction_id": [1, 1], "category": ["a", "b"]}),
            {"algorithm": "eclat"},
            r"algorithm",
        ),
    ],
)
def test_bad_rules_input_is_named(lines, kwargs, message):
    with pytest.raises(DataError, match=message):
        rules(lines, **kwargs)


# -- recommenders ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def train(baskets):
    return baskets[pd.to_datetime(baskets["date"]) < pd.Timestamp(CUT)]


def test_popularity_is_the_most_frequent_items_not_yet_bought(train):
    offers = recommend(train, method="popularity", k=3)
    counts = train.groupby("category")["transaction_id"].nunique()
    order = counts.sort_values(ascending=False, kind="stable")
    bought = train.groupby("customer_id")["category"].agg(set)
    for cid in bought.index[:50]:
        expected = [c for c in order.index if c not in bought[cid]][:3]
        got = offers.loc[offers["customer_id"] == cid, "category"].tolist()
        assert got == expected
    assert offers.groupby("customer_id")["rank"].max().max() == 3


def test_item_item_scores_equal_a_direct_cosine(train):
    onehot = pd.crosstab(train["transaction_id"], train["category"]).clip(upper=1)
    co = onehot.T @ onehot
    n = np.diag(co)
    cosine = co / np.sqrt(np.outer(n, n))
    cid = 10017
    bought = set(train.loc[train["customer_id"] == cid, "category"])
    direct = cosine.loc[sorted(bought)].sum().drop(sorted(bought)).sort_values(ascending=False)
    got = recommend(train, [cid], method="item", k=4)
    assert got["category"].tolist() == list(direct.index[:4])
    assert np.allclose(got["score"], direct.iloc[:4])


def test_segment_offers_the_segments_most_bought_items(train):
    age = cx.datasets.load("retail_omnichannel").set_index("customer_id")["age_group"]
    offers = recommend(train, method="segment", segment=age, k=2, exclude_bought=False)
    bought = pd.crosstab(train["customer_id"], train["category"]) > 0
    share = bought.groupby(age.reindex(bought.index)).mean()
    cid = offers["customer_id"].iloc[0]
    top = share.loc[age[cid]].sort_values(ascending=False, kind="stable").index[:2]
    assert offers.loc[offers["customer_id"] == cid, "category"].tolist() == list(top)


# -- the holdout check --------------------------------------------------------------------


@pytest.fixture(scope="module")
def holdout(baskets):
    age = cx.datasets.load("retail_omnichannel").set_index("customer_id")["age_group"]
    return evaluate(baskets, cut=CUT, k=3, segment=age)


def test_holdout_counts_equal_a_direct_computation(baskets, train, holdout):
    test = baskets[pd.to_datetime(baskets["date"]) >= pd.Timestamp(CUT)]
    before = train.groupby("customer_id")["category"].agg(set)
    after = test.groupby("customer_id")["category"].agg(set)
    both = before.index.intersection(after.index)
    new = {c: after[c] - before[c] for c in both if after[c] - before[c]}
    assert holdout.counts["both"] == len(both) and holdout.counts["evaluated"] == len(new)
    offers = recommend(train, list(new), method="popularity", k=3)
    offered = offers.groupby("customer_id")["category"].agg(set)
    hits = pd.Series({c: len(offered[c] & new[c]) for c in new})
    row = holdout.table.set_index(["method", "metric"]).loc[("popularity", "hit_rate")]
    assert row["count"] == (hits > 0).sum() and row["n"] == len(new)
    low, high = proportion_confint(row["count"], row["n"], alpha=0.05, method="wilson")
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((low, high))
    prec = holdout.table.set_index(["method", "metric"]).loc[("popularity", "precision")]
    # items actually offered: a customer who bought 18 of the 20 categories gets 2
    assert prec["count"] == hits.sum() and prec["n"] == len(offers) == 3 * len(new) - 1


def test_comparison_is_mcnemars_exact_test(holdout):
    hit = holdout.hits > 0
    for row in holdout.comparison.itertuples(index=False):
        b = int((hit[row.method] & ~hit["popularity"]).sum())
        c = int((~hit[row.method] & hit["popularity"]).sum())
        assert (row.better, row.worse) == (b, c)
        assert row.pvalue == pytest.approx(stats.binomtest(b, b + c, 0.5).pvalue)
        assert row.est == pytest.approx(hit[row.method].mean() - hit["popularity"].mean())


def test_holdout_result_on_retail_baskets_as_reported(holdout):
    """The honest finding (k = 3, new categories only): item-item +0.035, CI -0.001 to
    +0.071 — not a clear win; segments by age group add nothing (+0.003)."""
    hit = holdout.table[holdout.table["metric"] == "hit_rate"].set_index("method")["est"]
    assert hit.round(3).to_dict() == {"popularity": 0.562, "item": 0.597, "segment": 0.565}
    comp = holdout.comparison.set_index("method")
    assert comp.loc["item", "ci_low"] < 0 < comp.loc["item", "ci_high"]
    assert comp.loc["segment", "ci_low"] < 0 < comp.loc["segment", "ci_high"]
    assert "does not beat popularity" in holdout.summary()


def test_true_segments_beat_popularity_where_age_groups_do_not(script, baskets):
    """The latent taste segments (not in the data) make the segment recommender win."""
    rng = np.random.default_rng(script.SEED)
    _, truth = script._tastes(script._skeleton()[1], rng)  # build()'s first draws
    res = evaluate(baskets, cut=CUT, k=3, methods=["segment"], segment=pd.Series(truth))
    assert res.comparison.set_index("method").loc["segment", "ci_low"] > 0


def test_evaluate_finds_a_recommender_that_must_win():
    """Synthetic: everyone who bought 'a' before the cut buys 'b' after it."""
    rng = np.random.default_rng(0)
    rows, tid = [], 0
    for cid in range(300):
        first = rng.choice(["a", "c", "d"], p=[0.5, 0.25, 0.25])
        for day, items in [
            ("2025-01-05", [first, "x"]),
            ("2025-01-20", ["a", "b"] if cid < 40 else ["x", "y"]),
            ("2025-03-01", ["b"] if first == "a" else ["z"]),
        ]:
            tid += 1
            rows += [(tid, cid, day, it) for it in items]
    lines = pd.DataFrame(rows, columns=["transaction_id", "customer_id", "date", "category"])
    res = evaluate(lines, cut="2025-02-01", k=1)
    comp = res.comparison.set_index("method")
    assert comp.loc["item", "ci_low"] > 0 and comp.loc["item", "pvalue"] < 1e-6


def test_holdout_result_conventions(holdout):
    assert holdout.to_frame() is holdout.table
    assert set(holdout.table.columns) >= {"method", "metric", "est", "ci_low", "ci_high"}
    assert "<table" in holdout._repr_html_() and "item" in repr(holdout)
    ax = holdout.plot(lang="en")
    assert [t.get_text() for t in ax.get_xticklabels()] == ["popularity", "item-item", "segment"]
    plt.close("all")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"cut": "2030-01-01"}, r"no baskets after it"),
        ({"cut": CUT, "k": 0}, r"k must be"),
        ({"cut": CUT, "methods": ["magic"]}, r"Unknown method"),
        ({"cut": CUT, "segment": pd.Series({10017: "a"})}, r"customer\(s\) have no segment"),
        ({"cut": CUT, "segment": 3}, r"segment must be a column name"),
        ({"cut": CUT, "similarity": "jaccard"}, r"similarity"),
    ],
)
def test_bad_evaluate_input_is_named(baskets, kwargs, message):
    with pytest.raises(DataError, match=message):
        evaluate(baskets, **kwargs)


def test_bad_dates_and_inconsistent_segments_are_named(baskets):
    lines = baskets.head(50).astype({"date": object})
    lines.loc[lines.index[3], "date"] = "not a date"
    with pytest.raises(DataError, match=r"'date' .* not a date in 1 row\(s\) \(3"):
        evaluate(lines, cut=CUT)
    lines = baskets.head(50).copy()
    lines["seg"] = ["a", "b"] * 25
    with pytest.raises(DataError, match=r"'seg' .* several values"):
        recommend(lines, method="segment", segment="seg")


# -- segment offers -----------------------------------------------------------------------


def test_segment_offers_equal_a_direct_computation(baskets):
    survey = cx.datasets.load("retail_omnichannel")[["customer_id", "age_group"]]
    lines = baskets.merge(survey, on="customer_id")
    table = segment_offers(lines, "age_group", k=3, min_count=30)
    bought = pd.crosstab(lines["customer_id"], lines["category"]) > 0
    seg = lines.groupby("customer_id")["age_group"].first()
    share_all = bought.mean()
    for row in table.itertuples(index=False):
        members = bought[seg == row.segment]
        assert row.n_segment == len(members)
        assert row.customers == members[row.category].sum() >= 30
        assert row.share == pytest.approx(members[row.category].mean())
        assert row.lift == pytest.approx(row.share / share_all[row.category]) and row.lift > 1
        assert row.clear == (row.ci_low > row.share_all)
    first = table[table["segment"] == "18-29"]
    lifts = (bought[seg == "18-29"].mean() / share_all).sort_values(ascending=False)
    assert first["category"].tolist() == list(lifts.index[:3])
