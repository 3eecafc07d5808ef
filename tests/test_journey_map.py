"""Journey maps, the peak-end rule and the service blueprint (issue 21, items 1-2), and the
``hotel_journey`` dataset they are taught with.

Must show (issue 21): ``journey_map`` means and intervals equal a direct pandas / scipy /
statsmodels computation; ``peak_end`` recovers the simulated peak-end effect within its
intervals; bad input (stages absent from the data, a rating outside its scale, fewer than
30 respondents per stage) is a clear error naming the column or stage and the fix.
"""

from __future__ import annotations

import importlib.util
import io
import warnings

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from matplotlib.text import Text
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

import cxlab as cx
from cxlab.errors import DataError

STAGES = cx.journey.HOTEL_STAGES


@pytest.fixture(scope="module")
def script(root):
    spec = importlib.util.spec_from_file_location(
        "hotel_journey_script", root / "datasets/make/hotel_journey.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def data() -> pd.DataFrame:
    return cx.datasets.load("hotel_journey")


@pytest.fixture(scope="module")
def truth() -> dict:
    return cx.datasets.resource("hotel_journey")["simulation"]


@pytest.fixture(scope="module")
def pe(data):
    return cx.journey.peak_end(data, STAGES, B=2000, seed=21)


# -- the dataset ------------------------------------------------------------------------


def test_regenerates_byte_for_byte(script, root):
    buffer = io.StringIO()
    script.build().to_csv(buffer, index=False, lineterminator="\n")
    assert buffer.getvalue().encode("utf-8") == (root / "datasets/hotel_journey.csv").read_bytes()


def test_seed_matters(script):
    a = script.build(seed=1)
    assert not a.equals(script.build(seed=2))
    pd.testing.assert_frame_equal(script.build(seed=1), a)


def test_shape_scales_and_codebook(data, script):
    assert data["guest_id"].nunique() == 1500
    assert list(data.columns) == [
        "guest_id",
        "segment",
        "lang",
        "stage",
        "step",
        "touchpoint",
        "channel",
        "rating",
        "emotion",
        "comment",
        "overall",
        "nps",
        "revisit",
    ]
    assert not data.duplicated(["guest_id", "stage"]).any()
    # the package's stage list is the script's, in the same order, with the same zh names
    assert list(script.STAGES) == STAGES
    assert list(cx.journey.HOTEL_STAGES_ZH.values()) == script.STAGES_ZH
    steps = data.groupby("stage")["step"].unique()
    assert all(list(steps[s]) == [i + 1] for i, s in enumerate(STAGES))
    book = cx.datasets.codebook("hotel_journey").set_index("name")
    for col, (low, high) in {
        "rating": (1, 5),
        "emotion": (-3, 3),
        "overall": (1, 10),
        "nps": (0, 10),
        "revisit": (1, 5),
    }.items():
        assert (book.loc[col, "scale_min"], book.loc[col, "scale_max"]) == (low, high)
        assert data[col].dropna().between(low, high).all(), col
        assert book.loc[col, "construct"] and book.loc[col, "construct_zh"], col
    assert book["label_zh"].str.contains(r"[\u4e00-\u9fff]").all()
    # guest-level answers repeat on every row of the guest
    assert (
        (data.groupby("guest_id")[["overall", "nps", "revisit", "segment"]].nunique() == 1)
        .all()
        .all()
    )
    # skipped stages: dining and facilities only
    counts = data["stage"].value_counts()
    assert (counts.drop(["dining", "facilities & activities"]) == 1500).all()
    assert counts["dining"] < 1500 and counts["facilities & activities"] < 1500
    # comments in both languages, the guest's language
    comments = data.dropna(subset=["comment"])
    assert 0.05 < len(comments) / len(data) < 0.15
    zh = comments["comment"].str.contains(r"[\u4e00-\u9fff]")
    assert (zh == (comments["lang"] == "zh")).all()
    assert data["rating"].isna().sum() > 0  # the 1 % skipped ratings
    assert len((cx.datasets.data_dir() / "hotel_journey.csv").read_bytes()) < 2_000_000


def test_codebook_records_the_truth(truth):
    assert truth["seed"] == 20261215 and truth["script"] == "datasets/make/hotel_journey.py"
    assert truth["overall_coefficients"] == {
        "const": 5.9,
        "mean": 1.0,
        "peak": 0.45,
        "end": 0.45,
        "sd": 0.9,
    }
    pop = truth["population"]
    weights = pop["relative weights of stage emotions (% of R2, guests with all stages)"]
    assert sum(weights.values()) == pytest.approx(100, abs=0.05)
    # which stages drive overall satisfaction: the end (post-stay), then the check-in dip
    ranked = sorted(weights, key=weights.get, reverse=True)
    assert ranked[:2] == ["post-stay", "arrival & check-in"]
    assert pop["R2(peak-end) - R2(mean)"] > 0.1


# -- journey_map against a direct computation ------------------------------------------


def _direct(frame: pd.DataFrame, column: str, level: float) -> pd.DataFrame:
    rows = []
    for stage, x in frame.groupby("stage", sort=False)[column]:
        x = x.dropna().astype(float)
        low, high = stats.t.interval(level, len(x) - 1, loc=x.mean(), scale=stats.sem(x))
        rows.append({"stage": stage, "mean": x.mean(), "se": stats.sem(x), "lo": low, "hi": high})
    return pd.DataFrame(rows).set_index("stage")


@pytest.mark.parametrize("level", [0.95, 0.90])
def test_means_and_intervals_equal_scipy_and_statsmodels(data, level):
    jm = cx.journey.journey_map(data, STAGES, level=level)
    t = jm.table.set_index("stage")
    assert list(t.index) == STAGES and list(t["step"]) == list(range(1, 9))
    for measure in ("rating", "emotion"):
        direct = _direct(data, measure, level).loc[STAGES]
        np.testing.assert_allclose(t[f"{measure}_mean"], direct["mean"], rtol=1e-12)
        np.testing.assert_allclose(t[f"{measure}_se"], direct["se"], rtol=1e-12)
        np.testing.assert_allclose(t[f"{measure}_ci_low"], direct["lo"], rtol=1e-10)
        np.testing.assert_allclose(t[f"{measure}_ci_high"], direct["hi"], rtol=1e-10)
    by_stage = data.groupby("stage")
    assert (t["n"] == by_stage.size().loc[STAGES]).all()
    assert (t["n_missing"] == by_stage["rating"].apply(lambda s: s.isna().sum()).loc[STAGES]).all()
    bad = by_stage["emotion"].apply(lambda s: (s < 0).sum()).loc[STAGES]
    n = by_stage["emotion"].count().loc[STAGES]
    low, high = proportion_confint(bad, n, alpha=1 - level, method="wilson")
    np.testing.assert_allclose(t["share_negative"], bad / n, rtol=1e-12)
    np.testing.assert_allclose(t["negative_ci_low"], low, rtol=1e-10)
    np.testing.assert_allclose(t["negative_ci_high"], high, rtol=1e-10)


def test_by_group_equals_each_group_alone(data):
    jm = cx.journey.journey_map(data, STAGES, group="segment")
    assert len(jm.table) == 3 * 8 and list(jm.table.columns[:2]) == ["segment", "stage"]
    for seg, part in data.groupby("segment"):
        alone = cx.journey.journey_map(part, STAGES).table
        mine = jm.table[jm.table["segment"] == seg].drop(columns="segment")
        pd.testing.assert_frame_equal(mine.reset_index(drop=True), alone)


def test_pain_point_rule_and_the_designed_pain_points(data, truth):
    jm = cx.journey.journey_map(data, STAGES)
    t = jm.table
    assert (t["pain_point"] == (t["negative_ci_low"] >= 0.20)).all()
    assert jm.pain_points == truth["pain_points"] == ["arrival & check-in", "post-stay"]
    # a stricter threshold keeps only the deeper dip
    assert cx.journey.journey_map(data, STAGES, pain_share=0.4).pain_points == [
        "arrival & check-in"
    ]
    # without emotions: ratings in the bottom two boxes are the negative answers
    r = cx.journey.journey_map(data, STAGES, emotion=None)
    rated = data.dropna(subset=["rating"])
    share = (rated["rating"] <= 2).groupby(rated["stage"]).mean().loc[STAGES]
    np.testing.assert_allclose(r.table["share_negative"], share, rtol=1e-12)
    assert r.table["emotion_mean"].isna().all() and "rating at most 2" in r.summary()


def test_touchpoints_channels_and_other_rows(data):
    jm = cx.journey.journey_map(
        data, ["room", "check-out"], touchpoint="touchpoint", channel="channel"
    )
    assert jm.other_rows == int((~data["stage"].isin(["room", "check-out"])).sum())
    assert f"{jm.other_rows:,} rows at stages not listed" in jm.summary()
    out = data[data["stage"] == "check-out"]["touchpoint"].value_counts(normalize=True)
    tp = jm.touchpoints[jm.touchpoints["stage"] == "check-out"].set_index("touchpoint")
    np.testing.assert_allclose(tp["share"], out.loc[tp.index], rtol=1e-12)
    assert tp["share"].is_monotonic_decreasing
    assert set(jm.channels["channel"]) == {"in person", "app"}
    fig = jm.plot(lang="en")
    texts = [t.get_text() for t in fig.findobj(Text)]
    plt.close(fig)
    assert "Touchpoints" in texts and "Channels" in texts
    assert any(t.startswith("front desk") for t in texts)
    assert "Customer journey map" in texts


def test_plot_marks_pain_points_and_draws_into_an_axes(data):
    jm = cx.journey.journey_map(data, STAGES)
    fig = jm.plot(lang="zh", labels=cx.journey.HOTEL_STAGES_ZH)
    texts = [t.get_text() for t in fig.findobj(Text)]
    plt.close(fig)
    assert texts.count("痛点") == 2 and "抵达与入住" in texts
    _, ax = plt.subplots()
    assert jm.plot(ax=ax, lang="en") is ax
    plt.close(ax.figure)
    assert "<table" in jm._repr_html_() and jm.to_frame() is jm.table


# -- bad input -----------------------------------------------------------------------------


def test_stage_absent_from_the_data(data):
    with pytest.raises(
        DataError, match=r"\['lobby'\] named in stages are absent from column 'stage'"
    ):
        cx.journey.journey_map(data, ["room", "lobby"])
    with pytest.raises(DataError, match="listed twice"):
        cx.journey.journey_map(data, ["room", "room"])
    with pytest.raises(DataError, match=r"No column\(s\) \['feeling'\]"):
        cx.journey.journey_map(data, ["room"], emotion="feeling")


def test_rating_outside_its_scale(data):
    bad = data.copy()
    bad.loc[7, "rating"] = 9
    with pytest.raises(
        DataError,
        match=r"Column 'rating' holds 1 value\(s\) outside its scale "
        r"1 to 5 \(9 in row\(s\) 7\)",
    ):
        cx.journey.journey_map(bad, STAGES)
    # the real scale passed: accepted
    assert len(cx.journey.journey_map(bad, STAGES, scale=(1, 10)).table) == 8
    bad = data.copy()
    bad.loc[3, "emotion"] = 5
    with pytest.raises(DataError, match="'emotion' holds 1 value"):
        cx.journey.peak_end(bad, STAGES, B=0)
    with pytest.raises(DataError, match="'overall' holds"):
        cx.journey.peak_end(data, STAGES, B=0, overall_scale=(1, 7))


def test_fewer_than_30_respondents_at_a_stage(data):
    thin = data[(data["stage"] != "dining") | (data["guest_id"] <= 25)]
    assert (thin["stage"] == "dining").sum() < 30
    with pytest.raises(
        DataError,
        match=r"Fewer than 30 respondents answered rating at stage "
        r"'dining' \(n = \d+\).*min_n=",
    ):
        cx.journey.journey_map(thin, STAGES)
    with pytest.raises(DataError, match="at stage 'dining'"):
        cx.journey.peak_end(thin, STAGES, B=0)
    assert cx.journey.journey_map(thin, STAGES, min_n=10).table["n"].min() < 30
    # a thin group x stage cell is named with its group
    small = data[(data["segment"] != "family") | (data["guest_id"] % 10 == 0)]
    with pytest.raises(DataError, match="'family × "):
        cx.journey.journey_map(small, STAGES, group="segment")


def test_other_bad_input(data):
    with pytest.raises(DataError, match="level"):
        cx.journey.journey_map(data, STAGES, level=95)
    with pytest.raises(DataError, match="rating= or an emotion="):
        cx.journey.journey_map(data, STAGES, rating=None, emotion=None)
    gaps = data.copy()
    gaps.loc[gaps.index[:5], "segment"] = np.nan
    with pytest.raises(DataError, match=r"'segment' .* missing in 5 row"):
        cx.journey.journey_map(gaps, STAGES, group="segment")
    text = data.astype({"rating": object})
    text.loc[4, "rating"] = "n/a"
    with pytest.raises(DataError, match=r"'rating' holds text where numbers .*'n/a' in row 4"):
        cx.journey.journey_map(text, STAGES)
    with pytest.raises(DataError, match="DataFrame"):
        cx.journey.journey_map([1, 2], STAGES)


def test_peak_end_bad_input(data):
    with pytest.raises(DataError, match="seed="):
        cx.journey.peak_end(data, STAGES, B=100)
    twice = pd.concat([data, data.iloc[[0]]])
    with pytest.raises(DataError, match="one emotion per respondent and stage"):
        cx.journey.peak_end(twice, STAGES, B=0)
    varies = data.copy()
    varies.loc[0, "overall"] = 1 if varies.loc[0, "overall"] != 1 else 2
    with pytest.raises(DataError, match="'overall' differs between the rows of 1 respondent"):
        cx.journey.peak_end(varies, STAGES, B=0)
    with pytest.raises(DataError, match="peak must be"):
        cx.journey.peak_end(data, STAGES, B=0, peak="highest")


def test_peak_end_says_whom_it_leaves_out(data):
    no_end = data[~((data["stage"] == "post-stay") & (data["guest_id"] <= 25))]
    with pytest.warns(UserWarning, match="25 respondents without an emotion at the end"):
        res = cx.journey.peak_end(no_end, STAGES, B=0)
    assert len(res.scores) == 1475
    assert res.excluded == {"respondents without an emotion at the end ('post-stay')": 25}
    assert "Left out: 25 respondents" in res.summary()


# -- peak_end --------------------------------------------------------------------------------


def test_peak_definitions_on_a_small_example():
    """Guests 1-3 by hand (the extreme peak of +3 and -3 is -3); 60 random guests more so
    that the regressions can be fitted."""
    stages = ["a", "b", "c"]
    rng = np.random.default_rng(0)
    curves = {1: [1, -2, 3], 2: [3, -3, 0], 3: [0, 2, -1]}
    curves |= {g: list(rng.integers(-3, 4, 3)) for g in range(4, 64)}
    frame = pd.DataFrame(
        [
            {"guest_id": g, "stage": s, "emotion": e, "overall": 1 + g % 7}
            for g, es in curves.items()
            for s, e in zip(stages, es, strict=True)
        ]
    )
    kinds = {"extreme": [3, -3, 2], "max": [3, 3, 2], "min": [-2, -3, -1]}
    for kind, expected in kinds.items():
        res = cx.journey.peak_end(frame, stages, B=0, peak=kind)
        assert list(res.scores["peak"].to_numpy()[:3]) == expected, kind
    first = cx.journey.peak_end(frame, stages, B=0).scores.iloc[0]
    assert (first["mean"], first["end"], first["peak_end"]) == (pytest.approx(2 / 3), 3, 3)


def test_peak_end_equals_statsmodels_and_scipy(data, pe):
    s = pe.scores
    direct = data.pivot(index="guest_id", columns="stage", values="emotion")[STAGES]
    assert len(s) == 1500
    np.testing.assert_allclose(s["mean"], direct.mean(axis=1).loc[s.index], rtol=1e-12)
    np.testing.assert_allclose(s["end"], direct["post-stay"].loc[s.index])
    X = sm.add_constant(s[["mean", "peak", "end"]])
    ols = sm.OLS(s["overall"], X).fit(cov_type="HC3")
    c = pe.coefficients.set_index("term")
    np.testing.assert_allclose(c["est"], ols.params, rtol=1e-10)
    np.testing.assert_allclose(c["se"], ols.bse, rtol=1e-10)
    np.testing.assert_allclose(c[["ci_low", "ci_high"]], ols.conf_int(0.05), rtol=1e-10)
    np.testing.assert_allclose(c["pvalue"], ols.pvalues, rtol=1e-8, atol=1e-300)
    f = pe.fits.set_index("model")
    for model, cols in {
        "mean": ["mean"],
        "peak-end": ["peak_end"],
        "peak + end": ["peak", "end"],
        "mean + peak + end": ["mean", "peak", "end"],
    }.items():
        r2 = sm.OLS(s["overall"], sm.add_constant(s[cols])).fit().rsquared
        assert f.loc[model, "r2"] == pytest.approx(r2, rel=1e-10)
    for model, col in (("mean", "mean"), ("peak-end", "peak_end")):
        assert f.loc[model, "r"] == pytest.approx(
            stats.pearsonr(s["overall"], s[col])[0], rel=1e-10
        )
    small = sm.OLS(s["overall"], sm.add_constant(s[["mean"]])).fit()
    full = sm.OLS(s["overall"], X).fit()
    p = pe.comparison.set_index("contrast").loc["R2(mean + peak + end) - R2(mean)", "pvalue"]
    assert p == pytest.approx(full.compare_f_test(small)[1], rel=1e-8, abs=1e-300)


def test_bootstrap_equals_a_direct_loop(data):
    """The vectorised bootstrap is the plain one: the same resamples of respondents
    (numpy's default_rng(seed).integers in chunks of 250), statsmodels' R² on each."""
    B, seed = 40, 7
    res = cx.journey.peak_end(data, STAGES, B=B, seed=seed)
    s = res.scores.reset_index(drop=True)
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(s), size=(B, len(s)))
    r2 = {"mean": [], "peak-end": []}
    for rows in idx:
        d = s.iloc[rows]
        r2["mean"].append(sm.OLS(d["overall"], sm.add_constant(d[["mean"]])).fit().rsquared)
        r2["peak-end"].append(sm.OLS(d["overall"], sm.add_constant(d[["peak_end"]])).fit().rsquared)
    f = res.fits.set_index("model")
    for model, draws in r2.items():
        np.testing.assert_allclose(
            f.loc[model, ["ci_low", "ci_high"]].to_numpy(float),
            np.quantile(draws, [0.025, 0.975]),
            rtol=1e-9,
        )
    diff = np.array(r2["peak-end"]) - np.array(r2["mean"])
    c = res.comparison.set_index("contrast").loc["R2(peak-end) - R2(mean)"]
    np.testing.assert_allclose(
        [c["ci_low"], c["ci_high"]], np.quantile(diff, [0.025, 0.975]), rtol=1e-9
    )


def test_peak_end_recovers_the_simulated_effect(pe, truth):
    """The population values (400,000 simulated guests, observed scales) lie within the
    intervals estimated from the 1,500 guests of the dataset."""
    pop = truth["population"]
    c = pe.coefficients.set_index("term")
    for term in ("mean", "peak", "end"):
        assert c.loc[term, "ci_low"] < pop[f"coef {term}"] < c.loc[term, "ci_high"], term
    # the generating peak and end weights (0.45) too, and the effects are clearly positive
    for term in ("peak", "end"):
        assert c.loc[term, "ci_low"] < truth["overall_coefficients"][term] < c.loc[term, "ci_high"]
        assert c.loc[term, "ci_low"] > 0.3
    comp = pe.comparison.set_index("contrast")
    for contrast in comp.index:
        assert comp.loc[contrast, "ci_low"] < pop[contrast] < comp.loc[contrast, "ci_high"]
    f = pe.fits.set_index("model")
    for model in f.index:
        assert f.loc[model, "ci_low"] < pop[f"r2 {model}"] < f.loc[model, "ci_high"], model
    # peak and end predict the overall evaluation better than the average of all stages
    assert comp.loc["R2(peak-end) - R2(mean)", "ci_low"] > 0


def test_peak_end_is_reproducible_and_reports(data, pe):
    again = cx.journey.peak_end(data, STAGES, B=2000, seed=21)
    pd.testing.assert_frame_equal(again.fits, pe.fits)
    other = cx.journey.peak_end(data, STAGES, B=2000, seed=22)
    assert not other.fits["ci_low"].equals(pe.fits["ci_low"])
    text = pe.summary()
    assert "end: post-stay" in text and "B = 2,000" in text and "HC3" in text
    ax = pe.plot(lang="en")
    labels = [t.get_text() for t in ax.get_yticklabels()]
    plt.close(ax.figure)
    assert labels[-1] == "mean of all stages"
    assert "<table" in pe._repr_html_()


# -- blueprint and the package face ------------------------------------------------------


def test_blueprint_table_and_figure():
    table = cx.journey.example_blueprint("en")
    bp = cx.journey.blueprint(table.drop(columns="fail_point"))
    assert not bp.table["fail_point"].any()
    fig = cx.journey.blueprint(table).plot(lang="en")
    texts = [t.get_text() for t in fig.findobj(Text)]
    plt.close(fig)
    for word in (
        "line of visibility",
        "line of interaction",
        "Back stage\n(invisible)",
        "greets, checks\nin",
        "fail point",
    ):
        assert word in texts, word
    with pytest.raises(DataError, match=r"lacks column\(s\) \['back'\]"):
        cx.journey.blueprint(table.drop(columns="back"))
    with pytest.raises(DataError, match="listed twice"):
        cx.journey.blueprint(pd.concat([table, table.iloc[[0]]]))
    assert "fail point" in cx.journey.blueprint(table).summary()


def test_the_old_journey_names_still_work():
    """``cxlab/journey.py`` became a subpackage: every name the lessons use is there."""
    from cxlab.journey import compare_days, funnel, mot_impact, sessions, step_conversion

    assert funnel is cx.journey.funnel
    for fn in (compare_days, mot_impact, sessions, step_conversion):
        assert fn.__module__ == "cxlab.journey._funnel"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        f = cx.journey.funnel(cx.datasets.load("journey_events"), ["visit", "purchase"])
    assert list(f["stage"]) == ["visit", "purchase"]
