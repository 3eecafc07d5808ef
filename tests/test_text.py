"""cx.text: tokens (jieba offline, quiet, cached), frequencies, keyword contrasts,
lexicon sentiment against star ratings, alerts, and bad input."""

from __future__ import annotations

import os
import subprocess
import sys
import warnings

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import cxlab as cx
from cxlab.errors import DataError
from cxlab.text import _lexicon as _text_lexicon
from cxlab.text import _zh as _text_zh


@pytest.fixture(scope="module")
def reviews() -> pd.DataFrame:
    df = cx.datasets.load("voc_reviews")
    return df.join(cx.text.sentiment(df["text"]).add_prefix("s_"))


# ------------------------------------------------------------------- tokenizing
def test_must_show_chinese_tokens():
    tokens = cx.text.tokenize("酒店的服务态度非常好，但是早餐太贵了", lang="zh")
    assert "服务态度" in tokens or {"服务", "态度"} <= set(tokens)
    assert "早餐" in tokens
    assert "，" not in tokens  # punctuation dropped


def test_cx_words_are_one_token():
    tokens = cx.text.tokenize("前台办理入住很快，退房也方便，性价比高", lang="zh")
    assert {"前台", "入住", "退房", "性价比"} <= set(tokens)


def test_english_tokens_keep_negation():
    assert cx.text.tokenize("The room WASN'T clean; staff can't help.", lang="en") == [
        "the", "room", "was", "not", "clean", "staff", "can", "not", "help",
    ]  # fmt: skip
    assert cx.text.tokenize("didnt like it", lang="en") == ["did", "not", "like", "it"]
    joined = cx.text.tokenize(
        "It wasn't very clean. Not bad at all!", join_negation=True, stopwords=True
    )
    assert joined == ["not_clean", "not_bad"]
    assert cx.text.tokenize("房间不太干净", lang="zh", join_negation=True) == ["房间", "不太干净"]


def test_stop_words_keep_negations():
    for word in ("not", "no", "never", "不", "没", "没有", "别"):
        assert word not in cx.text.stop_words()
    assert {"the", "的", "了"} <= cx.text.stop_words()
    tokens = cx.text.tokenize(
        "早餐的种类很丰富", lang="zh", stopwords=cx.text.stop_words() | {"早餐"}
    )
    assert tokens == ["种类", "丰富"]


def test_auto_language_per_text():
    mixed = pd.Series(
        ["WiFi信号很好", "Great pool!", "前台 staff were nice", None], index=[5, 6, 7, 8]
    )
    assert [cx.text.detect_lang(t) for t in mixed[:3]] == ["zh", "en", "en"]
    tokens = cx.text.tokenize(mixed)
    assert isinstance(tokens, pd.Series) and list(tokens.index) == [5, 6, 7, 8]
    assert tokens[5] == ["wifi", "信号", "很", "好"]
    assert tokens[6] == ["great", "pool"]
    assert tokens[8] == []
    sent = cx.text.sentiment(mixed)
    assert list(sent["lang"][:3]) == ["zh", "en", "en"]


def test_shapes_of_results():
    assert isinstance(cx.text.tokenize("good"), list)
    assert cx.text.tokenize(["good", "bad"]) == [["good"], ["bad"]]
    assert cx.text.tokenize([]) == []
    assert len(cx.text.sentiment([])) == 0
    assert list(cx.text.word_freq([]).columns) == ["word", "n", "texts", "share"]


# ----------------------------------------------------------------------- jieba
def test_jieba_offline_quiet_and_cached_in_user_cache(tmp_path):
    cache, tmp = tmp_path / "cache", tmp_path / "tmp"
    tmp.mkdir()
    code = (
        "import socket\n"
        "def no_network(*a, **k): raise OSError('network used')\n"
        "socket.socket.connect = no_network; socket.create_connection = no_network\n"
        "import warnings; warnings.simplefilter('error', DeprecationWarning)\n"
        "import cxlab as cx, jieba\n"
        "print(cx.text.tokenize('酒店的服务态度非常好', lang='zh'))\n"
        "print(cx.text.sentiment(['早餐太贵了', 'Great stay!'])['label'].tolist())\n"
        "print(cx.text.alerts(['早餐太贵了'], '早餐').shape[0])\n"
        "assert not jieba.dt.initialized, 'the global jieba tokenizer was touched'\n"
    )
    env = {**os.environ, "CXLAB_CACHE_DIR": str(cache), "TMPDIR": str(tmp)}
    for run in ("cold", "warm"):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
        )
        assert out.returncode == 0, out.stderr
        assert out.stderr == "", f"{run}: stderr {out.stderr!r}"
        assert "服务态度" in out.stdout and "['negative', 'positive']" in out.stdout
    assert (cache / "jieba.cache").is_file()
    assert list(tmp.iterdir()) == []  # nothing left in the temp folder


def test_cache_dir_honours_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("CXLAB_CACHE_DIR", str(tmp_path / "c"))
    assert _text_zh.cache_dir() == tmp_path / "c"
    assert (tmp_path / "c").is_dir()


# ------------------------------------------------------------------ frequencies
def test_word_freq_counts_tokens_and_texts():
    freq = cx.text.word_freq(["早餐很好，早餐很丰富", "早餐太贵了", "The breakfast was not good"])
    row = freq.set_index("word").loc["早餐"]
    assert (row["n"], row["texts"]) == (3, 2)
    assert row["share"] == pytest.approx(2 / 3)
    assert "not_good" in set(freq["word"])  # negation joined, not counted as "good"
    assert "good" not in set(freq["word"])
    pre = cx.text.word_freq([["a", "b"], ["a"]], stopwords=False)
    assert pre.set_index("word")["n"].to_dict() == {"a": 2, "b": 1}


def test_keywords_log_odds_and_chi2_hand_computed():
    # group A: room x3, staff x1 (n=4); group B: room, staff x3, pool x2 (n=6); N = 10
    # room, A vs B with prior a_w = y_w = 4, a_0 = 10:
    #   omega_A = (3+4)/(4+10-3-4) = 1;  omega_B = (1+4)/(6+10-1-4) = 5/11
    #   delta = log 1 - log(5/11) = 0.788457;  var = 1/7 + 1/5 = 0.342857;  z = 1.346547
    #   chi2 = 10 (3*5 - 1*1)^2 / (4*6*4*6) = 3.402778
    texts = ["room room room staff", "room staff staff staff pool pool"]
    kw = cx.text.keywords_by_group(texts, ["A", "B"], min_count=1, top=None, stopwords=False)
    row = kw[(kw["group"] == "A") & (kw["word"] == "room")].iloc[0]
    assert (row["n"], row["n_rest"]) == (3, 1)
    assert row["log_odds"] == pytest.approx(0.788457, abs=1e-6)
    assert row["z"] == pytest.approx(1.346547, abs=1e-6)
    table = np.array([[3, 1], [1, 5]])
    chi2, p, _, _ = stats.chi2_contingency(table, correction=False)
    assert row["chi2"] == pytest.approx(chi2) and row["chi2"] == pytest.approx(3.402778, abs=1e-6)
    assert row["p_value"] == pytest.approx(p)
    assert row["per_1000"] == pytest.approx(750.0)
    # the contrast is antisymmetric between two groups
    other = kw[(kw["group"] == "B") & (kw["word"] == "room")].iloc[0]
    assert other["z"] == pytest.approx(-row["z"])


def test_keywords_of_low_star_reviews(reviews):
    band = np.where(reviews["stars"] <= 2, "low", np.where(reviews["stars"] >= 4, "high", None))
    zh = reviews["lang"] == "zh"
    kw = cx.text.keywords_by_group(reviews.loc[zh, "text"], band[zh.to_numpy()], top=15)
    low = set(kw.loc[kw["group"] == "low", "word"])
    assert low & {"差", "失望", "脏", "不会再来", "慢", "没人管"}, low
    assert (kw["z"] > 0).all()


# -------------------------------------------------------------------- sentiment
@pytest.mark.parametrize(
    ("better", "worse"),
    [
        ("房间很干净", "房间不干净"),
        ("房间很干净", "房间有点脏"),
        ("房间有点脏", "房间非常脏"),
        ("早餐不错", "早餐一般"),
        ("位置很方便", "位置有点偏"),
        ("一点都不吵", "很吵"),
        ("不贵", "太贵了"),
        ("The room was clean", "The room wasn't clean"),
        (
            "Breakfast was okay, but the staff were lovely",
            "Staff were lovely, but breakfast was awful",
        ),
    ],
)
def test_sentiment_rules_order_texts(better, worse):
    s = cx.text.sentiment([better, worse])["compound"]
    assert s.iloc[0] > s.iloc[1], (better, worse, s.tolist())


def test_chinese_contrast_negation_degree_and_emoji():
    s = cx.text.sentiment(
        [
            "早餐很好，但是房间很脏",
            "房间很脏，但是早餐很好",
            "入住体验一般😡",
            "不会再来了",
            "性价比挺高",
        ]
    )
    assert list(s["label"]) == ["negative", "positive", "negative", "negative", "positive"]
    assert "不会再来" in s["words"].iloc[3]


def test_lexicon_is_consistent():
    # every word has one valence; negations and contrast words are not sentiment words
    assert len(_text_zh.LEXICON) > 500
    assert all(-3 <= v <= 3 for v in _text_zh.LEXICON.values())
    assert not set(_text_lexicon.NEGATORS_ZH) & set(_text_zh.LEXICON)
    assert not set(_text_lexicon.STOPWORDS_ZH.split()) & {"不", "没", "没有", "无", "别"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sentiment_agrees_with_stars(reviews, lang):
    """Must show: ≥ 80 % agreement with the stars' polarity (1-2 vs 4-5) in each language;
    neutral labels count as misses. (voc_reviews is simulated; the lexicon is general.)"""
    sub = reviews[reviews["lang"] == lang]
    rate = cx.text.agreement(sub["s_label"], sub["stars"])
    assert rate >= 0.80, rate
    table = cx.text.confusion(sub["s_label"], sub["stars"])
    assert table.shape == (3, 3) and table.to_numpy().sum() == len(sub)
    assert table.loc["≤ 2 stars", "negative"] > table.loc["≤ 2 stars", "positive"]
    assert (sub["s_lang"] == sub["lang"]).all()  # auto detection per text


def test_agreement_and_confusion_small():
    labels = ["negative", "neutral", "positive", "positive", None]
    assert cx.text.agreement(labels, [1, 2, 3, 5, 5]) == pytest.approx(2 / 4)
    table = cx.text.confusion(labels, [1, 2, 3, 5, 5])
    assert list(table.columns) == ["negative", "neutral", "positive", "missing"]
    assert table.loc["≥ 4 stars", "missing"] == 1
    with pytest.raises(DataError, match="labels must be"):
        cx.text.agreement(["good"], [5])
    with pytest.raises(DataError, match="one per text"):
        cx.text.agreement(["positive"], [5, 4])


# ----------------------------------------------------------------------- alerts
def test_alerts_score_the_clause_about_the_topic():
    texts = pd.Series(
        [
            "早餐很好，但是房间很脏",
            "房间很好，早餐太难吃了",
            "The breakfast was cold and awful.",
            "Great breakfast, awful room.",
            "早餐一般",
        ],
        index=[10, 11, 12, 13, 14],
    )
    out = cx.text.alerts(texts, ["早餐", "Breakfast"])
    assert set(out.index) == {11, 12, 14}
    assert out["topic_score"].is_monotonic_increasing
    assert out.loc[11, "mention"] == "早餐太难吃了"
    assert len(cx.text.alerts(texts, "早餐", top=1)) == 1


def test_breakfast_alerts_on_voc_reviews(reviews):
    out = cx.text.alerts(reviews["text"], ["早餐", "breakfast"])
    assert 30 <= len(out) <= 400
    hit = reviews.loc[out.index]
    assert hit["text"].str.lower().str.contains("早餐|breakfast").all()
    assert hit["stars"].mean() < reviews["stars"].mean()


# -------------------------------------------------------------------- bad input
def test_bad_input_is_a_clear_error():
    with pytest.raises(DataError, match="texts is None"):
        cx.text.tokenize(None)
    with pytest.raises(DataError, match="one text column"):
        cx.text.sentiment(pd.DataFrame({"text": ["a"]}))
    with pytest.raises(DataError, match=r"position 1 \(index 'b'\) is int 5"):
        cx.text.sentiment(pd.Series(["good", 5], index=["a", "b"]))
    with pytest.raises(DataError, match="expected a string"):
        cx.text.word_freq(42)
    with pytest.raises(DataError, match="lang must be"):
        cx.text.tokenize("x", lang="fr")
    with pytest.raises(DataError, match="one group per text"):
        cx.text.keywords_by_group(["a", "b"], ["x"])
    with pytest.raises(DataError, match="at least two groups"):
        cx.text.keywords_by_group(["a b", "a c"], ["x", "x"], min_count=1)
    with pytest.raises(DataError, match="topic_words is empty"):
        cx.text.alerts(["早餐太贵"], [])


def test_missing_and_empty_texts_are_documented_handling():
    s = cx.text.sentiment(["", None, np.nan, "   ", "好"])
    assert s["compound"].isna().tolist() == [True, True, True, True, False]
    assert s["label"].isna().sum() == 4
    assert cx.text.tokenize([None, "", np.nan]) == [[], [], []]


def test_plot_words_renders_chinese_without_missing_glyphs():
    import matplotlib.pyplot as plt

    freq = cx.text.word_freq(["早餐很好", "服务态度很好", "早餐太贵了"])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ax = cx.text.plot_words(freq, top=5, title="词频")
        ax.figure.canvas.draw()
    plt.close(ax.figure)
    assert not [w for w in caught if "missing from" in str(w.message)]
    assert {t.get_text() for t in ax.get_yticklabels()} >= {"早餐", "服务态度"}
    with pytest.raises(DataError, match="needs the columns"):
        cx.text.plot_words(freq, value="z")
