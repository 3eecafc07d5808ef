"""cx.segment.profiles and rfm_profiles (issue 21, item 3): k chosen by the stated rule,
labels equal to a direct scikit-learn run, the truth of simulated profiles recovered, no
confident segments in data without structure, stability by bootstrap ARI, bad input."""

from __future__ import annotations

import warnings

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from scipy import stats
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score, silhouette_score
from sklearn.mixture import GaussianMixture
from sklearn.preprocessing import StandardScaler
from statsmodels.stats.proportion import proportion_confint
from threadpoolctl import threadpool_limits

import cxlab as cx
from cxlab.errors import DataError, EstimationError

ITEMS = ["q1", "q2", "q3", "q4", "q5", "q6"]


def three_profiles(seed: int = 0, n: int = 450) -> tuple[pd.DataFrame, np.ndarray]:
    """Three well-separated profiles of unequal size: each is 3 SD higher than the others
    on its own pair of items (q1–q2, q3–q4, q5–q6), so every pair of profiles is equally
    far apart."""
    rng = np.random.default_rng(seed)
    truth = rng.choice(3, size=n, p=[0.45, 0.33, 0.22])
    centres = 3.0 * np.kron(np.eye(3), np.ones(2))
    x = 4 + centres[truth] + rng.normal(size=(n, 6))
    return pd.DataFrame(x, columns=ITEMS), truth


def no_structure(seed: int = 11, n: int = 450, rho: float = 0.0) -> pd.DataFrame:
    """One normal population (items correlated rho): no segments."""
    rng = np.random.default_rng(seed)
    cov = rho * np.ones((6, 6)) + (1 - rho) * np.eye(6)
    return pd.DataFrame(4 + rng.multivariate_normal(np.zeros(6), cov, size=n), columns=ITEMS)


@pytest.fixture(scope="module")
def simulated() -> tuple[pd.DataFrame, np.ndarray]:
    return three_profiles()


@pytest.fixture(scope="module")
def gmm(simulated):
    return cx.segment.profiles(simulated[0], ITEMS, seed=3, B=30)


# --- Must show -------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize("method", ["gmm", "lpa", "kmeans"])
def test_three_separated_profiles_give_k3_and_recover_the_truth(method, seed):
    data, truth = three_profiles(seed)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # supported segments: no warning at all
        res = cx.segment.profiles(data, ITEMS, method=method, seed=3, B=30)
    assert res.k == 3
    assert adjusted_rand_score(truth, res.labels.to_numpy(dtype=int)) >= 0.9
    assert res.verdict == "stable" and res.supported
    assert res.stability["mean"] >= 0.9
    assert res.sizes["n"].is_monotonic_decreasing  # segment 1 is the largest


@pytest.mark.parametrize("rho", [0.0, 0.4])
@pytest.mark.parametrize("method", ["gmm", "lpa", "kmeans"])
def test_no_structure_is_not_reported_as_confident_segments(method, rho):
    """One normal cloud, items independent or correlated .4 (one continuum, which LPA and
    k-means would happily cut into 'profiles'): never reported as segments."""
    data = no_structure(rho=rho)
    with pytest.warns(UserWarning, match=r"segments not supported \(no structure\)"):
        res = cx.segment.profiles(data, ITEMS, method=method, seed=3, B=20)
    assert res.verdict == "no structure" and not res.supported
    if method == "kmeans":
        assert res.criteria["silhouette"].max() < 0.25 or res.null_p > 0.05
    else:
        assert res.criteria["bic"].idxmin() == 1
    assert "no structure" in res.summary()
    ax = res.plot(lang="en")
    assert "no structure: read with care" in ax.get_title()
    plt.close(ax.figure)


def test_strict_refuses_unsupported_segments():
    with pytest.raises(EstimationError, match="no structure"):
        cx.segment.profiles(no_structure(), ITEMS, seed=3, B=20, strict=True)


def test_unstable_segments_are_flagged():
    """k-means cuts a round cloud into 5 pieces that change with every resample; its
    silhouette (> 0.25) would not have caught it, the bootstrap ARI (and the null) do."""
    rng = np.random.default_rng(3)
    x = pd.DataFrame(rng.normal(size=(400, 2)), columns=["a", "b"])
    with pytest.warns(UserWarning, match="adjusted Rand index 0.6"):
        res = cx.segment.profiles(x, ["a", "b"], k=5, method="kmeans", seed=1, B=20)
    assert res.criteria.loc[5, "silhouette"] > 0.25
    assert any("adjusted Rand index" in p for p in res.problems)
    assert res.stability["mean"] < res.min_ari
    assert res.verdict == "no structure"  # and the one-cloud null says so too
    assert res.null_p > 0.05


def test_a_tiny_segment_is_flagged():
    rng = np.random.default_rng(3)
    truth = np.r_[np.zeros(200), np.ones(180), np.full(12, 2)].astype(int)
    centres = np.array([[0, 0, 0], [4, 4, 0], [0, 4, 4]])
    x = pd.DataFrame(centres[truth] + rng.normal(size=(len(truth), 3)), columns=list("xyz"))
    with pytest.warns(UserWarning, match=r"segment 3 holds 12 cases \(3.1%\)"):
        res = cx.segment.profiles(x, list("xyz"), k=3, seed=1, B=20)
    assert res.verdict == "tiny segment"
    assert res.sizes["n"].iloc[-1] == 12 and res.sizes["n"].sum() == 392


# --- equal to scikit-learn -------------------------------------------------------------


@pytest.mark.parametrize(("method", "cov"), [("gmm", "full"), ("lpa", "diag")])
def test_bic_labels_and_posteriors_equal_a_direct_sklearn_run(simulated, method, cov):
    data = simulated[0]
    res = cx.segment.profiles(data, ITEMS, method=method, seed=5, B=0)
    z = StandardScaler().fit_transform(data[ITEMS].to_numpy())
    bics = {}
    with threadpool_limits(limits=1):
        for k in range(1, 8):
            # the one-group baseline: full or diagonal, whichever has the lower BIC
            kinds = ["full", "diag"] if k == 1 else [cov]
            fits = [GaussianMixture(k, covariance_type=c, n_init=10, random_state=5).fit(z)
                    for c in kinds]  # fmt: skip
            direct = min(fits, key=lambda f: f.bic(z))
            bics[k] = direct.bic(z)
            assert res.criteria.loc[k, "bic"] == bics[k]
            assert res.criteria.loc[k, "aic"] == direct.aic(z)
            assert res.criteria.loc[k, "loglik"] == pytest.approx(
                direct.score(z) * len(z), rel=1e-12
            )
        direct = GaussianMixture(res.k, covariance_type=cov, n_init=10, random_state=5).fit(z)
    assert res.k == min(range(2, 8), key=bics.get)
    np.testing.assert_array_equal(res.labels.to_numpy(dtype=int), res.order_[direct.predict(z)])
    proba = direct.predict_proba(z)
    np.testing.assert_array_equal(res.posteriors[list(res.order_)].to_numpy(), proba)
    np.testing.assert_allclose(res.posteriors.sum(axis=1), 1)
    assert (res.posteriors.to_numpy().argmax(axis=1) + 1 == res.labels.to_numpy()).all()
    # relative entropy, by hand
    p = np.clip(proba, 1e-300, 1)
    entropy = 1 - (-proba * np.log(p)).sum() / (len(z) * np.log(res.k))
    assert res.criteria.loc[res.k, "entropy"] == pytest.approx(entropy, rel=1e-12)


def test_kmeans_equals_a_direct_sklearn_run(simulated):
    """Equal to the last bit when scikit-learn also runs on one thread (cxlab's fits do:
    OpenMP sums in another order move the 16th digit of the inertia)."""
    data = simulated[0]
    res = cx.segment.profiles(data, ITEMS, method="kmeans", seed=5, B=0)
    z = StandardScaler().fit_transform(data[ITEMS].to_numpy())
    sil = {}
    with threadpool_limits(limits=1):
        for k in range(2, 8):
            direct = KMeans(n_clusters=k, n_init=10, random_state=5).fit(z)
            sil[k] = silhouette_score(z, direct.labels_)
            assert res.criteria.loc[k, "inertia"] == direct.inertia_
            assert res.criteria.loc[k, "silhouette"] == sil[k]
        direct = KMeans(n_clusters=res.k, n_init=10, random_state=5).fit(z)
    assert res.k == max(sil, key=sil.get)
    np.testing.assert_array_equal(res.labels.to_numpy(dtype=int), res.order_[direct.labels_])
    assert res.posteriors is None


def test_profile_table_and_sizes_equal_pandas_scipy_statsmodels(gmm, simulated):
    data = simulated[0]
    seg = gmm.labels
    z = pd.DataFrame(StandardScaler().fit_transform(data[ITEMS]), columns=ITEMS)
    for s in range(1, gmm.k + 1):
        part, zpart = data[seg == s], z[(seg == s).to_numpy()]
        n = len(part)
        t = stats.t.ppf(0.975, n - 1)
        for item in ITEMS:
            row = gmm.profile.loc[(s, item)]
            assert row["n"] == n
            assert row["mean"] == pytest.approx(part[item].mean(), rel=1e-12)
            assert row["sd"] == pytest.approx(part[item].std(), rel=1e-12)
            half = t * part[item].std() / np.sqrt(n)
            assert row["ci_low"] == pytest.approx(part[item].mean() - half, rel=1e-12)
            assert row["ci_high"] == pytest.approx(part[item].mean() + half, rel=1e-12)
            assert row["z_mean"] == pytest.approx(zpart[item].mean(), abs=1e-12)
        low, high = proportion_confint(n, len(data), alpha=0.05, method="wilson")
        assert gmm.sizes.loc[s, "share"] == n / len(data)
        assert gmm.sizes.loc[s, ["ci_low", "ci_high"]].tolist() == pytest.approx([low, high])
    assert gmm.wide().shape == (6, 3)
    assert gmm.to_frame().shape == (18, 10)


# --- seeds and cores ---------------------------------------------------------------------


def test_same_seed_same_result_for_one_or_two_workers(simulated):
    data = simulated[0]
    one = cx.segment.profiles(data, ITEMS, k=range(2, 5), seed=9, B=30, n_jobs=1)
    two = cx.segment.profiles(data, ITEMS, k=range(2, 5), seed=9, B=30, n_jobs=2)
    np.testing.assert_array_equal(one.ari, two.ari)
    np.testing.assert_array_equal(one.sizes["jaccard"], two.sizes["jaccard"])
    pd.testing.assert_series_equal(one.labels, two.labels)
    assert len(one.ari) == 30


def test_seed_is_required_and_must_be_an_integer(simulated):
    with pytest.raises(TypeError):
        cx.segment.profiles(simulated[0], ITEMS)  # seed is keyword-only and required
    with pytest.raises(DataError, match="seed must be an integer"):
        cx.segment.profiles(simulated[0], ITEMS, seed=None)


# --- bad input ---------------------------------------------------------------------------


def test_k_larger_than_the_data_support_is_refused():
    data = three_profiles(n=80)[0]
    with pytest.raises(DataError, match=r"k larger than the data support \(n = 80") as err:
        cx.segment.profiles(data, ITEMS, k=5, seed=1)
    assert "30 cases per segment need n ≥ 150" in str(err.value)
    assert str(err.value).endswith("Pass k=2.")
    with pytest.raises(DataError, match="parameters for 80 cases"):
        cx.segment.profiles(data, ITEMS, k=3, seed=1, min_n=10)


def test_a_range_keeps_the_supported_k_and_says_so():
    data = three_profiles(n=100)[0]
    with pytest.warns(UserWarning, match="left out k the data do not support") as caught:
        res = cx.segment.profiles(data, ITEMS, k=range(2, 6), method="lpa", seed=1, B=0)
    assert "k = 4: 30 cases per segment need n ≥ 120" in str(caught[0].message)
    assert list(res.criteria.index) == [1, 2, 3]
    assert any("left out k" in note for note in res.notes)


def test_k_below_two_is_refused(simulated):
    with pytest.raises(DataError, match="k = 1 is not a segmentation"):
        cx.segment.profiles(simulated[0], ITEMS, k=range(1, 4), seed=1)


def test_a_constant_item_is_named():
    data = three_profiles()[0].assign(q4=5)
    with pytest.raises(DataError, match=r"Item 'q4' is constant \(every answer is 5\)"):
        cx.segment.profiles(data, ITEMS, seed=1)


def test_missing_answers_are_refused_or_dropped_and_counted():
    data = three_profiles()[0]
    data.loc[[3, 10], "q2"] = np.nan
    with pytest.raises(
        DataError, match=r"Missing answers in 'q2' \(2\): 2 row\(s\) \(e.g. 3, 10\)"
    ):
        cx.segment.profiles(data, ITEMS, seed=1)
    res = cx.segment.profiles(data, ITEMS, seed=1, B=0, missing="drop")
    assert res.labels.isna().sum() == 2 and res.labels.index.equals(data.index)
    assert res.n == len(data) - 2
    assert "2 row(s) with a missing answer left out" in res.notes[0]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"items": ["q1", "nope"]}, r"Item\(s\) \['nope'\] are not columns"),
        ({"items": []}, "items is empty"),
        ({"method": "dbscan"}, "method must be one of"),
        ({"B": 5}, "B = 5"),
        ({"level": 95}, "level must lie between 0 and 1"),
    ],
)
def test_bad_options_are_named(simulated, kwargs, message):
    args = {"items": ITEMS, "seed": 1, **kwargs}
    with pytest.raises(DataError, match=message):
        cx.segment.profiles(simulated[0], **args)


def test_text_in_an_item_is_named():
    data = three_profiles()[0].astype({"q3": object})
    data.loc[7, "q3"] = "n/a"
    with pytest.raises(DataError, match=r"Item 'q3' holds text .*'n/a' in row 7"):
        cx.segment.profiles(data, ITEMS, seed=1)


# --- labels, summary, plot -----------------------------------------------------------------


def test_codebook_labels_in_both_languages_without_scale_anchors():
    survey = cx.datasets.survey("hotel_4e")
    items = ["edu1", "est1", "ent1", "esc1"]
    with pytest.warns(UserWarning, match="no structure"):  # hotel_4e's guests: one cloud
        res = cx.segment.profiles(survey, items, k=range(2, 4), method="kmeans", seed=1, B=0)
    assert res.item_labels["en"]["edu1"] == "The experience has made me more knowledgeable"
    assert res.item_labels["zh"]["edu1"] == "这次体验让我增长了知识"
    ax = res.plot(lang="zh")
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert ticks[0].replace("\n", "") == "这次体验让我增长了知识"
    plt.close(ax.figure)
    mapping = {"edu1": {"en": "Education", "zh": "教育"}, "est1": "Esthetics 美感"}
    with pytest.warns(UserWarning, match="no structure"):
        res2 = cx.segment.profiles(survey.data, items, k=2, method="kmeans", seed=1, B=0,
                                   labels=mapping)  # fmt: skip
    assert res2.item_labels["zh"] == {"edu1": "教育", "est1": "Esthetics 美感"}
    ax = res2.plot(lang="en", scale="raw")
    assert [t.get_text() for t in ax.get_xticklabels()][:3] == ["Education", "Esthetics 美感",
                                                               "ent1"]  # fmt: skip
    assert ax.get_ylabel() == "mean (item scale)"
    plt.close(ax.figure)


def test_plot_draws_each_segment_with_its_intervals(gmm):
    ax = gmm.plot(lang="en")
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[0] == f"segment 1 (n = {gmm.sizes.loc[1, 'n']}, " \
        f"{gmm.sizes.loc[1, 'share']:.0%})"  # fmt: skip
    line = ax.lines[0]
    np.testing.assert_allclose(line.get_ydata(), gmm.wide("z_mean")[1].to_numpy())
    assert ax.get_title() == "Segment profiles: Gaussian mixture, k = 3"
    plt.close(ax.figure)


def test_summary_states_the_rule_and_that_clusters_describe(gmm):
    text = gmm.summary()
    assert "k = 3: lowest BIC among k = 2–7" in text
    assert "Clusters describe, they do not explain" in text
    assert "Verdict: stable." in text
    assert "Clusters describe" in gmm._repr_html_()


def test_crosstab_with_the_truth(gmm, simulated):
    table = gmm.crosstab(pd.Series(simulated[1], index=simulated[0].index))
    assert table.to_numpy().sum() == len(simulated[0])
    assert table.attrs["ari"] >= 0.9


# --- behaviour: RFM / CLV ------------------------------------------------------------------


@pytest.fixture(scope="module")
def rfm_table() -> pd.DataFrame:
    return cx.loyalty.rfm(cx.datasets.load("retail_transactions"), as_of="2025-12-31")


def test_rfm_profiles_logs_the_skewed_columns(rfm_table):
    res = cx.segment.rfm_profiles(rfm_table, k=range(2, 4), seed=1, B=0)
    logged = [c for c in ["recency", "frequency", "monetary"] if rfm_table[c].skew() > 1]
    assert logged == ["frequency", "monetary"]
    assert res.notes[0] == "log(1 + x) taken of frequency, monetary (skewness > 1); not of recency."
    # the model saw log(1 + x), standardised: equal to a direct KMeans on that matrix
    x = rfm_table[["recency", "frequency", "monetary"]].astype(float)
    x[logged] = np.log1p(x[logged])
    z = StandardScaler().fit_transform(x)
    direct = KMeans(n_clusters=res.k, n_init=10, random_state=1).fit(z)
    np.testing.assert_array_equal(res.labels.to_numpy(dtype=int), res.order_[direct.labels_])
    # profile means on the original scale
    means = rfm_table.groupby(res.labels.to_numpy())["monetary"].mean()
    np.testing.assert_allclose(res.wide().loc["monetary"].to_numpy(), means.to_numpy())
    none = cx.segment.rfm_profiles(rfm_table, k=2, seed=1, B=0, log=False)
    assert none.notes == []


def test_rfm_profiles_on_clv_summary_and_bad_columns():
    tx = cx.datasets.load("cdnow_sample")
    cal = cx.loyalty.clv_summary(tx, "customer_id", "date", "dollar_value")
    res = cx.segment.rfm_profiles(cal, k=range(2, 4), seed=1, B=0)
    assert res.items == ["frequency", "recency", "T", "monetary_value"]
    with pytest.raises(DataError, match="No RFM columns found"):
        cx.segment.rfm_profiles(cal[["T"]], seed=1)
    shifted = cal.assign(recency=cal["recency"] - 10)
    with pytest.raises(DataError, match="Column 'recency' has negative values"):
        cx.segment.rfm_profiles(shifted, seed=1, log=True)
    with pytest.raises(DataError, match="log must be"):
        cx.segment.rfm_profiles(cal, seed=1, log="auto")
