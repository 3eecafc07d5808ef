"""cx.simulate.estimator_study: the two truths (latent responses for WLSMV, the exact
moments of the category scores for the ML family), replications equal to cx.sem.fit on
the same answers, coverage and rejection rates recomputed from the replications, failures
counted, the same numbers on one or two cores, clear errors."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import cxlab as cx
from cxlab.errors import DataError, ModelSpecError

MODEL = "F =~ 0.8*a + 0.7*b + 0.6*c\nG =~ 0.8*d + 0.7*e + 0.6*f\nG ~ 0.4*F"
ITEMS = ["a", "b", "c", "d", "e", "f"]


@pytest.fixture(scope="module")
def study() -> cx.simulate.EstimatorStudy:
    return cx.simulate.estimator_study(
        MODEL, n=150, reps=12, seed=9, estimators=("ML", "MLR", "MLM", "WLSMV"), n_jobs=1,
        progress=False,
    )  # fmt: skip


def test_score_moments_equal_the_bivariate_normal_cdf():
    cuts = cx.simulate.likert_cuts(5, "skewed")
    rho = np.array([[1.0, 0.56, -0.3], [0.56, 1.0, 0.42], [-0.3, 0.42, 1.0]])
    mean, cov = cx.simulate.score_moments(rho, cuts)
    phi = stats.norm.cdf(cuts)
    for i, j in [(0, 1), (0, 2), (1, 2)]:
        corr = [[1, rho[i, j]], [rho[i, j], 1]]
        mvn = stats.multivariate_normal
        expected = sum(
            mvn.cdf([a, b], [0, 0], corr, abseps=1e-12, releps=1e-12) - pa * pb
            for a, pa in zip(cuts, phi, strict=True)
            for b, pb in zip(cuts, phi, strict=True)
        )
        assert cov[i, j] == pytest.approx(expected, abs=1e-7)
    # the mean and variance of a 1..5 score from its category probabilities
    probs = np.diff(np.r_[0.0, phi, 1.0])
    scores = np.arange(1, 6)
    assert mean[0] == pytest.approx(probs @ scores, abs=1e-12)
    assert cov[0, 0] == pytest.approx(probs @ scores**2 - (probs @ scores) ** 2, abs=1e-12)


def test_score_moments_equal_a_large_sample():
    cuts = cx.simulate.likert_cuts(5, "skewed")
    rho = np.array([[1.0, 0.56], [0.56, 1.0]])
    y = np.random.default_rng(1).multivariate_normal([0, 0], rho, size=1_000_000)
    x = np.searchsorted(cuts, y) + 1
    mean, cov = cx.simulate.score_moments(rho, cuts)
    np.testing.assert_allclose(x.mean(axis=0), mean, atol=3e-3)
    np.testing.assert_allclose(np.cov(x, rowvar=False), cov, atol=3e-3)


def test_truths(study):
    truth = study.truth.set_index("parameter")
    assert truth["truth_latent"].to_dict() == {
        "F =~ a": 0.8, "F =~ b": 0.7, "F =~ c": 0.6, "G =~ d": 0.8, "G =~ e": 0.7,
        "G =~ f": 0.6, "G ~ F": 0.4,
    }  # fmt: skip
    # the ML truth: the standardized solution of ML on a very large sample of the scores
    data = cx.simulate.simulate(MODEL, n=400_000, seed=5, likert=5, thresholds="skewed").data
    fit = cx.sem.fit(cx.simulate.strip_values(MODEL), data, std_lv=True)
    big = fit.table[fit.table.op.isin(("=~", "~"))]
    big = big.set_index(big.lhs + " " + big.op + " " + big.rhs)["std_all"]
    np.testing.assert_allclose(truth["truth_scores"], big[truth.index], atol=4e-3)
    # 5 skewed categories weaken every loading of the scores (about 6 %)
    loads = truth[truth.op == "=~"]
    assert (loads["truth_scores"] < loads["truth_latent"] - 0.03).all()
    assert 0 < study.population_rmsea < 0.01


def test_with_many_symmetric_categories_the_scores_approach_the_latent_responses():
    fine = cx.simulate.estimator_study(MODEL, n=100, reps=10, seed=1, likert=15,
                                       thresholds="symmetric", estimators=("ML",),
                                       n_jobs=1, progress=False)  # fmt: skip
    truth = fine.truth
    np.testing.assert_allclose(truth["truth_scores"], truth["truth_latent"], atol=0.03)


def test_replications_are_sem_fit_on_the_same_answers(study):
    model = cx.simulate.strip_values(MODEL)
    reps = study.replications
    for rep in (0, 7):
        seq = np.random.SeedSequence([9, 150, rep])
        data = cx.simulate.simulate(MODEL, n=150, seed=seq, likert=5, thresholds="skewed").data
        fits = {
            "ML": cx.sem.fit(model, data, std_lv=True),
            "MLR": cx.sem.fit(model, data, std_lv=True, estimator="MLR"),
            "WLSMV": cx.sem.fit(model, data, std_lv=True, ordered=ITEMS),
        }
        for est, fit in fits.items():
            t = fit.table
            row = t[(t.lhs == "G") & (t.op == "~") & (t.rhs == "F")].iloc[0]
            got = reps[(reps.rep == rep) & (reps.estimator == est) & (reps.parameter == "G ~ F")]
            assert got["est"].iloc[0] == pytest.approx(row["std_all"], abs=1e-6)
            assert got["se"].iloc[0] == pytest.approx(row["std_se"], rel=1e-5)
            key = "pvalue" if est == "ML" else "pvalue_scaled"
            assert got["pvalue"].iloc[0] == pytest.approx(fit.fit_measures[key], abs=1e-6)


def test_rates_are_recomputed_from_the_replications(study):
    reps = study.replications
    truth = study.truth.set_index("parameter")
    for est in ("ML", "WLSMV"):
        part = reps[(reps.estimator == est) & (reps.status == "ok")]
        target = truth["truth_latent" if est == "WLSMV" else "truth_scores"]
        t = part["parameter"].map(target)
        covered = (part["est"] - 1.959964 * part["se"] <= t) & (
            t <= part["est"] + 1.959964 * part["se"]
        )
        row = study.table.set_index("estimator").loc[est]
        loads = part["parameter"].str.contains("=~")
        by_load = covered[loads].groupby(part.loc[loads, "parameter"]).mean()
        assert row["coverage_loadings"] == pytest.approx(by_load.mean())
        assert row["coverage_loadings_min"] == pytest.approx(by_load.min())
        assert row["coverage_path"] == pytest.approx(covered[~loads].mean())
        bias = (part[loads].groupby("parameter")["est"].mean() - target[by_load.index]) / target[
            by_load.index
        ]
        assert row["rel_bias_loadings"] == pytest.approx(bias.mean())
        once = part.drop_duplicates("rep")
        assert row["chisq_rejection"] == pytest.approx((once["pvalue"] < 0.05).mean())
    table = study.table.set_index("estimator")
    assert table.loc["ML", "chisq_test"] == "ML χ²"
    assert table.loc["MLR", "chisq_test"] == "Yuan-Bentler scaled χ²"
    assert table.loc["WLSMV", "truth"] == "latent responses"
    # same estimates, different SEs: ML and MLR differ only in coverage and the test
    assert table.loc["ML", "rel_bias_loadings"] == pytest.approx(
        table.loc["MLR", "rel_bias_loadings"]
    )


def test_failures_are_counted_never_hidden():
    weak = "F =~ 0.9*a + 0.3*b + 0.2*c\nG =~ 0.9*d + 0.3*e + 0.2*f\nG ~ 0.3*F"
    # WLSMV only: a non-converging ML fit is slow (its optimiser runs to the iteration limit)
    res = cx.simulate.estimator_study(
        weak, n=30, reps=20, seed=3, estimators=("WLSMV",), n_jobs=1, progress=False
    )
    t = res.table
    total = t["n_used"] + t["n_nonconverged"] + t["n_inadmissible"] + t["n_error"]
    assert (total == 20).all()
    assert t["n_used"].iloc[0] < 15 and t["n_nonconverged"].iloc[0] > 0
    assert any("could not be fitted" in note or "inadmissible" in note for note in res.notes[1:])
    failed = res.replications[res.replications.status != "ok"]
    assert failed["est"].isna().all()


def test_same_numbers_on_one_or_two_cores():
    kw = dict(n=120, reps=10, seed=2, estimators=("MLR", "WLSMV"), progress=False)
    one = cx.simulate.estimator_study(MODEL, n_jobs=1, **kw)
    two = cx.simulate.estimator_study(MODEL, n_jobs=2, **kw)
    pd.testing.assert_frame_equal(one.table, two.table)
    pd.testing.assert_frame_equal(one.replications, two.replications)


def test_result_convention(study):
    assert study.to_frame() is study.table
    text = study.summary()
    assert text.startswith("Estimators on 5-point skewed items: n = 150, 12 replications")
    assert "Population RMSEA" in text
    assert "<table" in study._repr_html_()
    ax = study.plot(lang="en")
    assert [t.get_text() for t in ax.get_xticklabels()] == ["ML", "MLR", "MLM", "WLSMV"]
    assert "nominal .95" in [t.get_text() for t in ax.get_legend().get_texts()]
    assert "覆盖率" in study.plot(lang="zh").get_ylabel()
    assert "EstimatorStudy(n=150" in repr(study)


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        (dict(estimators=("ML", "GLS")), DataError, "estimators must be"),
        (dict(likert=1), DataError, "likert must be"),
        (dict(reps=5), DataError, "reps must be"),
        (dict(n=20), DataError, "too small"),
        (dict(path="F ~ G"), ModelSpecError, "not a structural path"),
        (dict(model="Y ~ 0.3*X"), ModelSpecError, "all indicators"),
        (dict(model=MODEL + "\nZ ~ 0.2*F"), ModelSpecError, "Z is not"),
    ],
)
def test_errors_name_the_problem(kwargs, error, words):
    args = {"model": MODEL, "n": 100, "reps": 10, "seed": 1, "progress": False, **kwargs}
    with pytest.raises(error, match=words):
        cx.simulate.estimator_study(**args)
