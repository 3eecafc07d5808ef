"""voc_reviews: regenerates byte for byte, and the documented truth is in the data."""

from __future__ import annotations

import importlib.util
import io
import re
from collections import Counter

import pandas as pd
import pytest

import cxlab as cx

# a small complaint lexicon (regular expressions), the kind the lesson builds
NEGATIVE_WORDS = {
    "zh": "不干净|脏|差|吵|慢|难吃|难喝|坏了|贵|头发|虫|失望|不推荐|没人|糟糕|雷|别来|不值|"
    "不舒服|不方便|偏|旧|坑|异味|灰|断线|连不上|堵|漏水|不耐烦|冷淡|爱答不理|远|没打扫",
    "en": "dirty|rude|slow|noisy|loud|broken|wasn't|weren't|not worth|disappoint|avoid|never|"
    "small|poor|stained|smell|overpriced|bland|tiny|remote|far|thin|crowded|nothing|weak|hard|"
    "impatient|cold|ignored",
}


@pytest.fixture(scope="module")
def script(root):
    spec = importlib.util.spec_from_file_location(
        "voc_reviews_script", root / "datasets/make/voc_reviews.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def df():
    return cx.datasets.load("voc_reviews")


def test_regenerates_byte_for_byte(script, root):
    buffer = io.StringIO()
    script.build().to_csv(buffer, index=False, lineterminator="\n")
    assert buffer.getvalue().encode("utf-8") == (root / "datasets/voc_reviews.csv").read_bytes()


def test_seed_matters(script):
    a, b = script.build(seed=1), script.build(seed=2)
    assert not a.equals(b)
    pd.testing.assert_frame_equal(script.build(seed=1), a)


def test_shape_columns_and_codebook(df, root):
    assert len(df) >= 1500
    assert list(df.columns) == [
        "review_id",
        "date",
        "hotel",
        "segment",
        "lang",
        "stars",
        "text",
        "aspect_main",
        "service_failure",
    ]
    assert df["review_id"].is_unique
    assert df["date"].dt.year.eq(2025).all()
    assert 3 <= df["hotel"].nunique() <= 4
    assert set(df["segment"]) == {"business", "leisure"}
    assert str(df["stars"].dtype) == "int64" and set(df["stars"]) == {1, 2, 3, 4, 5}
    assert df["text"].notna().all() and df["service_failure"].notna().all()
    cb = cx.datasets.codebook("voc_reviews").set_index("name")
    assert (cb["label_en"].str.len() > 3).all()
    assert cb["label_zh"].str.contains(r"[\u4e00-\u9fff]").all()
    assert cb.loc["stars", "scale_min"] == 1 and cb.loc["stars", "scale_max"] == 5
    for truth in ("aspect_main", "service_failure"):
        assert "simulation truth" in cb.loc[truth, "label_en"]
    assert (root / "datasets/voc_reviews.csv").stat().st_size < 600_000


def test_languages_and_lengths(df):
    share = df["lang"].value_counts(normalize=True)
    assert set(share.index) == {"zh", "en"} and share.min() >= 0.35
    zh = df.loc[df["lang"] == "zh", "text"]
    en = df.loc[df["lang"] == "en", "text"]
    assert zh.str.contains(r"[\u4e00-\u9fff]").all()
    assert not zh.str.contains(" ").any()  # Chinese is written without spaces
    assert not en.str.contains(r"[\u4e00-\u9fff]").any()
    assert zh.str.len().between(8, 80).all() and zh.str.len().std() > 5
    words = en.str.split().str.len()
    assert words.between(5, 60).all() and words.std() > 3


def test_stars_are_j_shaped(df):
    share = df["stars"].value_counts(normalize=True)
    assert share[5] > share[4] > share[3] > share[2]
    assert share[4] + share[5] >= 0.6
    assert 0.05 <= share[1] + share[2] <= 0.25


def test_negative_wording_goes_with_low_stars(df):
    for lang, words in NEGATIVE_WORDS.items():
        sub = df[df["lang"] == lang]
        negative = sub["text"].str.lower().str.contains(words)
        low, high = negative[sub["stars"] <= 2].mean(), negative[sub["stars"] >= 4].mean()
        assert low > 0.7 and high < 0.3 and low - high > 0.5, (lang, low, high)
    # negations are used the right way round
    unclean = df["text"].str.contains("不干净|不太干净|wasn't very clean|wasn't clean")
    clean = df["text"].str.contains(r"[很非特超挺十相蛮].?干净|(?:very|really|so) clean")
    assert df.loc[unclean, "stars"].mean() + 1 < df.loc[clean & ~unclean, "stars"].mean()


def test_service_failures(df):
    sim = cx.datasets.resource("voc_reviews")["simulation"]
    fail = df["service_failure"].astype(bool)
    assert 0.05 <= fail.mean() <= 0.2
    assert fail[df["stars"] <= 2].mean() > 3 * fail[df["stars"] >= 4].mean()
    dirty = sim["cleanliness_problem"]["hotel"]
    rate = fail.groupby(df["hotel"]).mean()
    assert rate[dirty] >= 2 * rate.drop(dirty).max()
    at_dirty = df[(df["hotel"] == dirty) & fail]
    assert (at_dirty["aspect_main"] == "cleanliness").mean() > 0.5
    clean_main = (df["aspect_main"] == "cleanliness").groupby(df["hotel"]).mean()
    assert clean_main[dirty] > 1.5 * clean_main.drop(dirty).max()


def test_business_guests_mention_wifi_and_check_in_more(df):
    for aspect, words in (("wifi", "wifi|wi-fi|网络|网速|无线网"), ("check-in", "check-in|入住")):
        main = (df["aspect_main"] == aspect).groupby(df["segment"]).mean()
        said = df["text"].str.lower().str.contains(words).groupby(df["segment"]).mean()
        assert main["business"] > 1.5 * main["leisure"], aspect
        assert said["business"] > 1.3 * said["leisure"], aspect


def test_aspects_and_mixed_three_star_reviews(df):
    sim = cx.datasets.resource("voc_reviews")["simulation"]
    assert set(df["aspect_main"]) == set(sim["aspects"]) and len(sim["aspects"]) == 10
    assert df["aspect_main"].value_counts(normalize=True).max() < 0.3
    three = df.loc[df["stars"] == 3, "text"]
    turns = three.str.contains("但是|不过|可惜|就是|只是|好在|还好|but|however|though")
    assert turns.mean() > 0.3


def test_texts_are_varied(df):
    assert df["text"].nunique() >= 0.9 * len(df)
    assert df["text"].value_counts().max() <= 5
    clauses = Counter(
        c.strip().lower()
        for text in df["text"]
        for c in re.split(r"[，。！？～,.!?;]", text)
        if c.strip()
    )
    assert len(clauses) > 1000
    assert max(clauses.values()) / sum(clauses.values()) < 0.03
    first = Counter(re.split(r"[，。！？～,.!?;]", text)[0].lower() for text in df["text"])
    assert max(first.values()) / len(df) < 0.03
    assert df["text"].str.contains("[!！]").mean() > 0.1
    assert df["text"].str.contains("[\U0001f300-\U0001faff❤]").mean() > 0.05
