"""cx.drivers: relative weights, Shapley / dominance of R² and of McFadden's R², IPA.

References, each computed independently of cxlab's code path:
- the published ``rwa`` example (R package rwa, README: ``rwa(mtcars, "mpg",
  c("cyl", "disp", "hp", "gear"))`` → raw weights .2284797, .2221469, .2321744, .0963886,
  R² .7791896), to 1e-7 (the digits printed);
- a two-driver case worked by hand from Johnson's (2000) formulas (closed form of Λ =
  Rxx^½ for a 2 × 2 correlation matrix), to 1e-12;
- tests/reference/drivers.json from tests/reference/drivers.R (base R: ``lm`` / ``glm``
  on every subset, Johnson's weights via ``eigen``): R², relative weights and Shapley
  values to 1e-10, McFadden Shapley values to 1e-7 (glm's convergence tolerance);
- brute force in this file: R² refitted by least squares on the data for every *order*
  of entry (k! orders, not the subset formula), to 1e-12.
"""

from __future__ import annotations

import itertools
import json
import math
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import cxlab as cx
from cxlab.drivers import _core as core
from cxlab.errors import DataError

REF = json.loads((Path(__file__).parent / "reference" / "drivers.json").read_text())
SIX = ["mot_booking", "mot_checkin", "mot_boarding", "mot_crew", "mot_meal", "mot_arrival"]


@pytest.fixture(scope="module")
def air():
    return cx.datasets.load("airline_mot")


@pytest.fixture(scope="module")
def mtcars():
    return pd.DataFrame(REF["mtcars"], index=REF["mtcars_rows"])


def _ols_r2(data: pd.DataFrame, y: str, xs: list[str]) -> float:
    if not xs:
        return 0.0
    design = np.column_stack([np.ones(len(data)), data[xs].to_numpy(float)])
    target = data[y].to_numpy(float)
    resid = target - design @ np.linalg.lstsq(design, target, rcond=None)[0]
    return 1 - resid @ resid / ((target - target.mean()) @ (target - target.mean()))


def _random(n=300, k=5, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, k)) @ rng.normal(size=(k, k))  # correlated drivers
    y = x @ rng.normal(size=k) + rng.normal(scale=2, size=n)
    return pd.DataFrame(np.column_stack([y, x]), columns=["y", *[f"x{i}" for i in range(k)]])


# --- relative weights -------------------------------------------------------------------


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_relative_weights_sum_to_r2_exactly(seed):
    data = _random(seed=seed)
    drivers = [c for c in data.columns if c != "y"]
    rw = cx.drivers.relative_weights(data, "y", drivers, B=0)
    r2 = _ols_r2(data, "y", drivers)
    assert rw.table["weight"].sum() == pytest.approx(r2, abs=1e-12)
    assert rw.r2 == pytest.approx(r2, abs=1e-12)
    assert rw.table["pct"].sum() == pytest.approx(100, abs=1e-10)
    assert (rw.table["weight"] >= 0).all()


def test_relative_weights_published_rwa_example(mtcars):
    """R package rwa, README: rwa(mtcars, "mpg", c("cyl", "disp", "hp", "gear"))."""
    rw = cx.drivers.relative_weights(mtcars, "mpg", ["cyl", "disp", "hp", "gear"], B=0)
    published = {"cyl": 0.2284797, "disp": 0.2221469, "hp": 0.2321744, "gear": 0.0963886}
    for driver, value in published.items():
        assert rw.table.loc[driver, "weight"] == pytest.approx(value, abs=1e-7)
    rescaled = {"cyl": 29.32274, "disp": 28.50999, "hp": 29.79691, "gear": 12.37037}
    for driver, value in rescaled.items():
        assert rw.table.loc[driver, "pct"] == pytest.approx(value, abs=1e-5)
    assert rw.r2 == pytest.approx(0.7791896, abs=1e-7)


def test_relative_weights_two_drivers_by_hand():
    """Rxx = [[1, r], [r, 1]] has eigenvectors (1, 1)/√2 and (1, −1)/√2, so
    Λ = Rxx^½ = [[a, b], [b, a]] with a, b = (√(1+r) ± √(1−r)) / 2 and
    Λ⁻¹ = [[a, −b], [−b, a]] / √(1 − r²)."""
    r, r1, r2 = 0.5, 0.6, 0.4
    a = (math.sqrt(1 + r) + math.sqrt(1 - r)) / 2
    b = (math.sqrt(1 + r) - math.sqrt(1 - r)) / 2
    det = math.sqrt(1 - r**2)
    beta1, beta2 = (a * r1 - b * r2) / det, (a * r2 - b * r1) / det
    eps1 = a**2 * beta1**2 + b**2 * beta2**2
    eps2 = b**2 * beta1**2 + a**2 * beta2**2
    r2_model = (r1**2 + r2**2 - 2 * r * r1 * r2) / (1 - r**2)
    corr = pd.DataFrame(
        [[1, r1, r2], [r1, 1, r], [r2, r, 1]], index=["y", "a", "b"], columns=["y", "a", "b"]
    )
    rw = cx.drivers.from_corr(corr, "y", ["a", "b"])
    assert rw.table.loc["a", "weight"] == pytest.approx(eps1, abs=1e-12)
    assert rw.table.loc["b", "weight"] == pytest.approx(eps2, abs=1e-12)
    assert eps1 + eps2 == pytest.approx(r2_model, abs=1e-12)
    assert rw.r2 == pytest.approx(r2_model, abs=1e-12)
    # Shapley by hand: half the driver's own R² plus half its gain over the other one
    sh = cx.drivers.from_corr(corr, "y", ["a", "b"], method="shapley")
    assert sh.table.loc["a", "weight"] == pytest.approx(
        0.5 * r1**2 + 0.5 * (r2_model - r2**2), abs=1e-12
    )


def test_uncorrelated_drivers_get_their_squared_validity():
    corr = pd.DataFrame(np.eye(4), index=list("yabc"), columns=list("yabc"))
    corr.loc["y", ["a", "b", "c"]] = corr.loc[["a", "b", "c"], "y"] = [0.5, 0.3, 0.1]
    for method in ("relative_weights", "shapley"):
        table = cx.drivers.from_corr(corr, "y", ["a", "b", "c"], method=method).table
        assert table["weight"].to_dict() == pytest.approx({"a": 0.25, "b": 0.09, "c": 0.01})


@pytest.mark.parametrize("case", ["mtcars_mpg", "airline_nps"])
def test_match_base_r(case, air, mtcars):
    ref = REF[case]
    data = mtcars if case.startswith("mtcars") else air
    rw = cx.drivers.relative_weights(data, ref["outcome"], ref["drivers"], B=0)
    sh = cx.drivers.shapley_r2(data, ref["outcome"], ref["drivers"], B=0)
    assert rw.r2 == pytest.approx(ref["r2"], abs=1e-10)
    for driver in ref["drivers"]:
        assert rw.table.loc[driver, "weight"] == pytest.approx(
            ref["relative_weights"][driver], abs=1e-10
        )
        assert sh.table.loc[driver, "weight"] == pytest.approx(ref["shapley"][driver], abs=1e-10)


def test_subset_r2_match_base_r(air):
    ref = REF["airline_nps"]
    corr = air[["nps_score", *SIX]].corr().to_numpy()
    table = core.subset_r2(corr[None, 1:, 1:], corr[None, 1:, 0])[0]
    for key, value in ref["subsets"].items():
        mask = sum(1 << SIX.index(name) for name in key.split("+"))
        assert table[mask] == pytest.approx(value, abs=1e-10)


# --- Shapley ----------------------------------------------------------------------------


def test_shapley_equals_brute_force_over_orders():
    """Average R² gain over all k! orders of entry, every R² refitted on the data."""
    data = _random(n=120, k=5, seed=3)
    drivers = [c for c in data.columns if c != "y"]
    cache: dict[frozenset, float] = {}

    def r2(subset):
        key = frozenset(subset)
        if key not in cache:
            cache[key] = _ols_r2(data, "y", sorted(subset))
        return cache[key]

    gains = dict.fromkeys(drivers, 0.0)
    orders = list(itertools.permutations(drivers))
    for order in orders:
        for i, driver in enumerate(order):
            gains[driver] += (r2(order[: i + 1]) - r2(order[:i])) / len(orders)
    sh = cx.drivers.shapley_r2(data, "y", drivers, B=0)
    assert sh.table["weight"].to_dict() == pytest.approx(gains, abs=1e-12)
    assert sh.table["weight"].sum() == pytest.approx(r2(drivers), abs=1e-12)
    # conditional dominance: the mean over subset sizes is the Shapley value
    assert sh.conditional.mean(axis=1).to_dict() == pytest.approx(gains, abs=1e-12)
    assert sh.conditional[0].to_dict() == pytest.approx({d: r2([d]) for d in drivers}, abs=1e-12)


def test_relative_weights_close_to_shapley(air):
    rw = cx.drivers.relative_weights(air, "nps_score", SIX, B=0)
    sh = cx.drivers.shapley_r2(air, "nps_score", SIX, B=0)
    gap = (rw.table["pct"] - sh.table["pct"].reindex(rw.table.index)).abs()
    assert gap.max() < 1.0  # percentage points (Johnson 2000: nearly identical)


def test_complete_dominance_in_a_clear_case():
    corr = pd.DataFrame(np.eye(3), index=list("yab"), columns=list("yab"))
    corr.loc["y", ["a", "b"]] = corr.loc[["a", "b"], "y"] = [0.6, 0.2]
    sh = cx.drivers.from_corr(corr, "y", ["a", "b"], method="shapley")
    assert sh.table.index[0] == "a"
    subsets = core.subset_r2(corr.to_numpy()[None, 1:, 1:], corr.to_numpy()[None, 1:, 0])[0]
    assert core.complete_dominance(subsets).tolist() == [[False, True], [False, False]]


def test_shapley_refuses_more_than_twelve_drivers():
    data = _random(n=100, k=13, seed=1)
    drivers = [c for c in data.columns if c != "y"]
    with pytest.raises(DataError, match=r"13 drivers.*k = 12.*relative_weights"):
        cx.drivers.shapley_r2(data, "y", drivers)
    assert len(cx.drivers.relative_weights(data, "y", drivers, B=0).table) == 13
    cx.drivers.shapley_r2(data, "y", drivers[:12], B=0)  # twelve are fine


# --- logistic ---------------------------------------------------------------------------


@pytest.mark.parametrize("case", ["mtcars_vs_logistic", "airline_detractor"])
def test_shapley_logistic_matches_base_r_glm(case, air, mtcars):
    ref = REF[case]
    data = mtcars if case.startswith("mtcars") else air.assign(detractor=air["nps_score"] <= 6)
    sh = cx.drivers.shapley_logistic(data, ref["outcome"], ref["drivers"], B=0)
    assert sh.r2 == pytest.approx(ref["r2"], abs=1e-7)
    assert sh.table["weight"].sum() == pytest.approx(ref["r2"], abs=1e-7)
    for driver in ref["drivers"]:
        assert sh.table.loc[driver, "weight"] == pytest.approx(ref["shapley"][driver], abs=1e-7)
    assert sh.fit_measure == "McFadden R²"


def test_shapley_logistic_event_and_bad_outcomes(air):
    data = air.assign(group=np.where(air["nps_score"] <= 6, "detractor", "other"))
    sh = cx.drivers.shapley_logistic(data, "group", SIX[:3], event="detractor", B=0)
    ref = cx.drivers.shapley_logistic(air.assign(d=air["nps_score"] <= 6), "d", SIX[:3], B=0).table[
        "weight"
    ]
    assert sh.table["weight"].to_dict() == pytest.approx(ref.to_dict(), abs=1e-12)
    with pytest.raises(DataError, match=r"must be binary.*nps_score.*<= 6"):
        cx.drivers.shapley_logistic(air, "nps_score", SIX, B=0)
    with pytest.raises(DataError, match="does not occur"):
        cx.drivers.shapley_logistic(data, "group", SIX, event="promoter", B=0)
    with pytest.raises(DataError, match="not numeric"):
        cx.drivers.shapley_logistic(data, "group", SIX, B=0)


def test_shapley_logistic_separation_is_reported():
    x = np.r_[np.linspace(-2, -0.1, 20), np.linspace(0.1, 2, 20)]
    data = pd.DataFrame({"y": (x > 0).astype(int), "x": x, "z": np.sin(np.arange(40))})
    with pytest.raises(DataError, match="separate"):
        cx.drivers.shapley_logistic(data, "y", ["x", "z"], B=0)


# --- bootstrap --------------------------------------------------------------------------


def test_weighted_corr_equals_corr_of_the_resample():
    rng = np.random.default_rng(5)
    x = rng.normal(size=(50, 3))
    counts = next(core.bootstrap_counts(rng, 50, 4))
    assert counts.shape == (4, 50) and (counts.sum(axis=1) == 50).all()
    batch = core.weighted_corr(x, counts)
    for row, c in zip(counts, batch, strict=True):
        resample = np.repeat(x, row.astype(int), axis=0)
        np.testing.assert_allclose(c, np.corrcoef(resample, rowvar=False), atol=1e-12)


def test_bootstrap_is_seeded_and_brackets_the_estimate(air):
    a = cx.drivers.relative_weights(air, "nps_score", SIX, B=300, seed=7)
    b = cx.drivers.relative_weights(air, "nps_score", SIX, B=300, seed=7)
    c = cx.drivers.relative_weights(air, "nps_score", SIX, B=300, seed=8)
    pd.testing.assert_frame_equal(a.table, b.table)
    assert not a.table["ci_low"].equals(c.table["ci_low"])
    t = a.table
    assert (t["ci_low"] <= t["weight"]).all() and (t["weight"] <= t["ci_high"]).all()
    assert (t["pct_ci_low"] <= t["pct"]).all() and (t["pct"] <= t["pct_ci_high"]).all()
    assert a.r2_ci[0] < a.r2 < a.r2_ci[1]
    assert "B = 300" in a.summary()


def test_bootstrap_shapley_and_logistic_intervals(air):
    sh = cx.drivers.shapley_r2(air, "nps_score", SIX, B=200, seed=1)
    assert sh.table[["ci_low", "ci_high"]].notna().all().all()
    det = air.assign(detractor=air["nps_score"] <= 6)
    lg = cx.drivers.shapley_logistic(det, "detractor", SIX[:4], B=50, seed=1)
    t = lg.table
    assert (t["ci_low"] <= t["weight"]).all() and (t["weight"] <= t["ci_high"]).all()


def test_true_importance_is_recovered(air):
    """airline_mot's generator: latent satisfaction = β'z + N(0, .6²) for passengers
    without a problem, z ~ N(0, R); NPS follows satisfaction, so the true shares of R²
    are those of the latent model. Every 95 % interval covers its true share."""
    sim = cx.datasets.resource("airline_mot")["simulation"]
    mots = [m.removeprefix("mot_") for m in SIX]
    rxx = pd.DataFrame(sim["latent_correlations"]).loc[mots, mots].to_numpy()
    beta = pd.Series(sim["true_weights"])[mots].to_numpy()
    rxy = rxx @ beta / np.sqrt(beta @ rxx @ beta + 0.6**2)
    corr = pd.DataFrame(np.eye(7), index=["S", *SIX], columns=["S", *SIX])
    corr.iloc[1:, 1:] = rxx
    corr.iloc[0, 1:] = corr.iloc[1:, 0] = rxy
    truth = cx.drivers.from_corr(corr, "S", SIX).table["pct"]
    no_problem = air[~air["had_problem"].astype(bool)]
    est = cx.drivers.relative_weights(no_problem, "nps_score", SIX, B=1000, seed=11).table
    truth = truth.reindex(est.index)
    assert ((est["pct_ci_low"] <= truth) & (truth <= est["pct_ci_high"])).all()
    assert est.index[0] == truth.index[0] == "mot_crew"


# --- bad input --------------------------------------------------------------------------


def test_perfectly_collinear_drivers_raise(air):
    data = air.assign(ground=air["mot_checkin"] + air["mot_boarding"])
    with pytest.raises(DataError, match=r"mot_checkin.*mot_boarding.*ground.*perfectly collinear"):
        cx.drivers.relative_weights(data, "nps_score", [*SIX, "ground"])
    copy = air.assign(crew2=air["mot_crew"])
    for func in (cx.drivers.shapley_r2, cx.drivers.relative_weights):
        with pytest.raises(DataError, match=r"mot_crew.*crew2.*collinear"):
            func(copy, "nps_score", ["mot_crew", "crew2", "mot_meal"], B=0)


def test_bad_input_messages(air):
    f = cx.drivers.relative_weights
    with pytest.raises(DataError, match="not in the data"):
        f(air, "loyalty", SIX)
    with pytest.raises(DataError, match="no rows"):
        f(air.iloc[:0], "nps_score", SIX)
    with pytest.raises(DataError, match="not numeric"):
        f(air, "nps_score", ["cabin", "mot_crew"])
    with pytest.raises(DataError, match="no variance"):
        f(air.assign(c=1), "nps_score", ["c", "mot_crew"])
    with pytest.raises(DataError, match="also listed as a driver"):
        f(air, "nps_score", ["nps_score", "mot_crew"])
    with pytest.raises(DataError, match="listed twice"):
        f(air, "nps_score", ["mot_crew", "mot_crew"])
    with pytest.raises(DataError, match="at least one driver"):
        f(air, "nps_score", [])
    with pytest.raises(DataError, match="complete rows"):
        f(air.assign(nps_score=np.nan), "nps_score", SIX)
    with pytest.raises(DataError, match="B"):
        f(air, "nps_score", SIX, B=-1)
    with pytest.raises(DataError, match="level"):
        f(air, "nps_score", SIX, B=10, level=95)


def test_missing_values_are_dropped_listwise_and_reported(air):
    rw = cx.drivers.relative_weights(air, "nps_score", [*SIX, "mot_complaint"], B=0)
    assert rw.n == int(air["had_problem"].sum())
    assert "rows dropped" in rw.notes[0] and "mot_complaint" in rw.notes[0]
    assert rw.table.index[0] == "mot_complaint"  # the top driver once a problem happened


# --- IPA --------------------------------------------------------------------------------


def test_ipa_quadrants_and_cuts():
    imp = {"a": 40.0, "b": 10.0, "c": 30.0, "d": 20.0}
    perf = {"a": 3.0, "b": 4.5, "c": 4.4, "d": 3.5}
    grid = cx.drivers.ipa(imp, perf)  # means: importance 25, performance 3.85
    assert grid.cuts["importance"] == 25 and grid.cuts["performance"] == pytest.approx(3.85)
    assert grid.table["quadrant"].to_dict() == {
        "a": "concentrate here",
        "b": "possible overkill",
        "c": "keep up the good work",
        "d": "low priority",
    }
    assert grid.table.loc["a", "quadrant_zh"] == "重点改进"
    # a value exactly on a line counts as high
    on_line = cx.drivers.ipa(imp, perf, cut=(20, 3.5)).table
    assert on_line.loc["d", "quadrant"] == "keep up the good work"
    median = cx.drivers.ipa(imp, perf, cut="median")
    assert median.cuts == {"importance": 25.0, "performance": 3.95, "rule": "median/median"}
    assert cx.drivers.ipa(imp, perf, cut=(None, 3)).cuts["rule"] == "mean/3"


def test_ipa_bad_input():
    with pytest.raises(DataError, match=r"same attributes.*only in importance: \['c'\]"):
        cx.drivers.ipa({"a": 1, "b": 2, "c": 3}, {"a": 1, "b": 2})
    with pytest.raises(DataError, match="cut"):
        cx.drivers.ipa({"a": 1}, {"a": 1}, cut="mode")
    with pytest.raises(DataError, match="missing"):
        cx.drivers.ipa({"a": np.nan}, {"a": 1})
    with pytest.raises(DataError, match="empty"):
        cx.drivers.ipa({}, {})


def test_ipa_on_airline_matches_the_documented_quadrants(air):
    """The generator documents crew "keep up the good work", complaint handling
    "concentrate here", meal "low priority", booking "possible overkill"; all seven
    moments are rated by the passengers who had a problem."""
    mots = [*SIX, "mot_complaint"]
    problem = air[air["had_problem"].astype(bool)]
    rw = cx.drivers.relative_weights(problem, "nps_score", mots, B=0)
    grid = cx.drivers.ipa(rw, problem[mots].mean())
    documented = cx.datasets.resource("airline_mot")["simulation"]["importance_performance"]
    for item, text in documented.items():
        assert grid.table.loc[item, "quadrant"] in text, item


def test_plots_render_chinese_labels_without_missing_glyphs(air):
    import matplotlib.pyplot as plt

    cx.viz.set_theme(lang="zh")
    rw = cx.drivers.relative_weights(air, "nps_score", SIX, B=100, seed=1)
    names = dict(zip(SIX, ["订票", "值机", "登机", "乘务组", "餐饮", "到达"], strict=True))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph would warn
        ax = rw.plot(labels=names, truth=rw.table["pct"], lang="zh")
        ax.figure.canvas.draw()
        grid = cx.drivers.ipa(rw, air[SIX].mean(), labels=names)
        ax2 = grid.plot(lang="zh")
        ax2.figure.canvas.draw()
    texts = {t.get_text() for t in ax2.texts}
    assert {"重点改进", "继续保持", "低优先级", "过度投入"} <= texts
    assert "乘务组" in texts
    assert [t.get_text() for t in ax.get_yticklabels()][-1] == "乘务组"  # top bar
    plt.close("all")
    cx.viz.set_theme()


def test_result_formats(air):
    rw = cx.drivers.relative_weights(air, "nps_score", SIX[:3], B=50, seed=1)
    frame = rw.to_frame()
    assert list(frame.columns) == ["driver", *cx.drivers.COLUMNS]
    assert "relative weights (Johnson 2000)" in repr(rw)
    assert "<table" in rw._repr_html_()
    grid = cx.drivers.ipa(rw, air[SIX[:3]].mean())
    assert "IPA grid (mean/mean)" in grid.summary()
    assert grid.to_frame().columns[0] == "attribute"


# --- one convention for results (cxlab 0.2) --------------------------------------------


def test_bootstrap_needs_a_seed(air):
    for f in (cx.drivers.relative_weights, cx.drivers.shapley_r2):
        with pytest.raises(DataError, match="seed="):
            f(air, "nps_score", SIX[:3], B=20)
    with pytest.raises(DataError, match="seed="):
        cx.drivers.shapley_logistic(air.assign(d=air["nps_score"] <= 6), "d", SIX[:3], B=5)


def test_results_follow_the_convention_and_data_may_be_a_survey(air):
    from cxlab.survey import Survey

    rw = cx.drivers.relative_weights(Survey(air), "nps_score", SIX[:3], B=0)
    ref = cx.drivers.relative_weights(air, "nps_score", SIX[:3], B=0)
    pd.testing.assert_frame_equal(rw.table, ref.table)
    grid = cx.drivers.ipa(rw, air[SIX[:3]].mean())
    for result in (rw, grid):
        assert isinstance(result.summary(), str)
        assert isinstance(result.to_frame(), pd.DataFrame)
        assert "<table" in result._repr_html_()
