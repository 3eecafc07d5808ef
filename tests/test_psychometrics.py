"""cxlab.psychometrics against R (psych 2.2.9, semTools 0.5.6, lavaan 0.6.14).

The reference numbers come from tests/reference/psychometrics.R (rerun it with
``Rscript tests/reference/psychometrics.R`` from the repository root); this file only
reads tests/reference/psychometrics.json. Tolerances:

* α, its Feldt CI, r.drop, alpha if dropped, HTMT, cross-loadings: 1e-6 (same formulas);
* ω, ρc, AVE, standardized loadings: 1e-5 (the one-factor models are fitted with
  cx.sem, which reproduces lavaan's ML estimates);
* KMO 1e-4, Bartlett χ² 1e-4 (relative);
* EFA loadings, communalities, factor correlations: 1e-3 after matching columns up to
  order and sign (the minres extraction reproduces psych to about 1e-5; GPA oblimin in
  factor_analyzer vs GPArotation stops at tolerance 1e-5).
"""

from __future__ import annotations

import itertools
import json
import time

import numpy as np
import pandas as pd
import pytest

import cxlab as cx
from cxlab import psychometrics as pm
from cxlab.errors import DataError, InadmissibleSolutionError

REF_PATH = "reference/psychometrics.json"
DATASETS = ["ecsi_mobile", "holzinger_swineford", "hotel_4e"]


@pytest.fixture(scope="module")
def ref(root):
    return json.loads((root / "tests" / REF_PATH).read_text(encoding="utf-8"))


def _data(name: str) -> pd.DataFrame:
    df = cx.datasets.load(name)
    if name == "hotel_4e":
        df["esc3r"] = 8 - df["esc3r"]  # reverse-keyed on a 1–7 scale, as in the R script
    return df


@pytest.fixture(scope="module")
def data():
    return {name: _data(name) for name in DATASETS}


@pytest.fixture(scope="module")
def rel(ref, data):
    return {name: pm.reliability(data[name], ref[name]["scales"]) for name in DATASETS}


def _matrix(block: dict) -> pd.DataFrame:
    return pd.DataFrame(block)  # stored column by column: {column: {row: value}}


# --- reliability -----------------------------------------------------------------------


@pytest.mark.parametrize("name", DATASETS)
def test_alpha_and_item_statistics_match_psych(name, ref, rel):
    scales = rel[name].scales.set_index("scale")
    items = rel[name].items.set_index("item")
    for scale, r in ref[name]["reliability"].items():
        row = scales.loc[scale]
        assert row["n"] == r["n"] and row["n_items"] == r["n_items"]
        assert row["alpha"] == pytest.approx(r["raw_alpha"], abs=1e-6)
        assert row["alpha_ci_low"] == pytest.approx(r["alpha_ci_low"], abs=1e-6)
        assert row["alpha_ci_high"] == pytest.approx(r["alpha_ci_high"], abs=1e-6)
        for item, value in r["r_drop"].items():
            assert items.loc[item, "item_total_r"] == pytest.approx(value, abs=1e-6)
        if r["n_items"] > 2:  # psych's alpha.drop of a 2-item scale is not an alpha
            for item, value in r["alpha_if_dropped"].items():
                assert items.loc[item, "alpha_if_deleted"] == pytest.approx(value, abs=1e-6)


def test_alpha_ci_is_pingouins_unrounded(data):
    import pingouin

    x = data["ecsi_mobile"][[f"PERQ{i}" for i in range(1, 8)]]
    alpha, (low, high) = pingouin.cronbach_alpha(x)
    row = pm.reliability(x, {"PERQ": list(x.columns)}, level=0.95).scales.iloc[0]
    assert row["alpha"] == pytest.approx(alpha, abs=1e-12)
    assert abs(row["alpha_ci_low"] - low) <= 5e-4 and abs(row["alpha_ci_high"] - high) <= 5e-4


@pytest.mark.parametrize("name", DATASETS)
def test_omega_cr_ave_match_lavaan_semtools(name, ref, rel):
    scales = rel[name].scales.set_index("scale")
    items = rel[name].items.set_index("item")
    checked = 0
    for scale, r in ref[name]["reliability"].items():
        if r["n_items"] < 3 or not r["admissible"]:
            continue
        row = scales.loc[scale]
        assert row["warnings"] == ""
        assert row["omega_total"] == pytest.approx(r["omega_total"], abs=1e-5)
        assert row["composite_reliability"] == pytest.approx(r["composite_reliability"], abs=1e-5)
        assert row["ave"] == pytest.approx(r["ave"], abs=1e-5)
        assert row["ave"] == pytest.approx(r["ave_semtools_standardized"], abs=1e-5)
        for item, value in r["loadings"].items():
            assert items.loc[item, "loading"] == pytest.approx(value, abs=1e-5)
        checked += 1
    assert checked >= 3


def test_heywood_case_is_flagged_not_reported(ref, rel, data):
    # lavaan: CUSL3 loads 1.087 (standardized) with a negative residual variance
    assert ref["ecsi_mobile"]["reliability"]["CUSL"]["admissible"] is False
    assert ref["ecsi_mobile"]["reliability"]["CUSL"]["loadings"]["CUSL3"] > 1
    row = rel["ecsi_mobile"].scales.set_index("scale").loc["CUSL"]
    assert np.isnan(row[["omega_total", "composite_reliability", "ave"]].astype(float)).all()
    assert "Heywood" in row["warnings"] and "CUSL3" in row["warnings"]
    assert row["alpha"] == pytest.approx(0.441717, abs=1e-6)  # alpha is still reported
    items = rel["ecsi_mobile"].items.set_index("item")
    assert items.loc[["CUSL1", "CUSL2", "CUSL3"], "loading"].isna().all()
    scales = {"CUSL": ["CUSL1", "CUSL2", "CUSL3"]}
    with pytest.raises(InadmissibleSolutionError, match="CUSL3"):
        pm.reliability(data["ecsi_mobile"], scales, strict=True)
    assert "Heywood" in repr(rel["ecsi_mobile"])


def test_two_item_scale_gets_alpha_and_a_note(rel):
    row = rel["ecsi_mobile"].scales.set_index("scale").loc["PERV"]
    assert row["alpha"] == pytest.approx(0.816695, abs=1e-6)
    assert np.isnan(row["omega_total"]) and np.isnan(row["ave"])
    assert "at least 3 items" in row["warnings"]


def test_listwise_deletion_per_scale(data):
    import pingouin

    df = data["holzinger_swineford"].copy()
    df.loc[[0, 5, 9], "x2"] = np.nan
    res = pm.reliability(df, {"visual": ["x1", "x2", "x3"], "speed": ["x7", "x8", "x9"]})
    by = res.scales.set_index("scale")
    assert by.loc["visual", "n"] == 298 and by.loc["speed", "n"] == 301
    alpha, _ = pingouin.cronbach_alpha(df[["x1", "x2", "x3"]], nan_policy="listwise")
    assert by.loc["visual", "alpha"] == pytest.approx(alpha, abs=1e-12)
    df.loc[10:, "x8"] = np.nan  # speed has 10 complete rows, visual still 298
    by = pm.reliability(df, {"visual": ["x1", "x2", "x3"], "speed": ["x7", "x8", "x9"]}).scales
    assert by["n"].tolist() == [298, 10]


def test_item_names_with_spaces_and_chinese(data):
    ecsi = data["ecsi_mobile"][["CUSA1", "CUSA2", "CUSA3"]]
    renamed = ecsi.set_axis(["满意 1", "satisfied (2)", "CUSA-3"], axis=1)
    a = pm.reliability(ecsi, {"CUSA": list(ecsi.columns)})
    b = pm.reliability(renamed, {"满意度": list(renamed.columns)})
    assert np.allclose(
        a.scales[["alpha", "omega_total", "ave"]], b.scales[["alpha", "omega_total", "ave"]]
    )
    assert b.items["item"].tolist() == list(renamed.columns)


# --- HTMT ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("key", ["htmt", "htmt2"])
def test_htmt_matches_semtools(name, key, ref, data):
    expected = _matrix(ref[name][key])
    got = pm.htmt(data[name], ref[name]["scales"], htmt2=key == "htmt2")
    pd.testing.assert_frame_equal(got, expected.loc[got.index, got.columns], atol=1e-6)


def test_ecsi_discriminant_validity_problem(data, ref):
    """Image, expectations, quality and satisfaction are barely distinct in ECSI."""
    h = pm.htmt(data["ecsi_mobile"], ref["ecsi_mobile"]["scales"])
    core = ["IMAG", "CUEX", "PERQ", "CUSA"]
    found = {(a, b): round(h.loc[a, b], 3) for a, b in itertools.combinations(core, 2)}
    assert found == {
        ("IMAG", "CUEX"): 0.888,
        ("IMAG", "PERQ"): 0.929,
        ("IMAG", "CUSA"): 0.910,
        ("CUEX", "PERQ"): 0.878,
        ("CUEX", "CUSA"): 0.865,
        ("PERQ", "CUSA"): 0.954,
    }
    assert all(v > 0.85 for v in found.values())  # all six fail the .85 criterion
    assert sum(v > 0.90 for v in found.values()) == 3  # three fail even .90
    assert h.loc["CUSA", "CUSL"] == pytest.approx(0.957, abs=1e-3)


def test_htmt_bootstrap_is_deterministic_for_a_seed(data, ref):
    scales = ref["ecsi_mobile"]["scales"]
    a = pm.htmt_bootstrap(data["ecsi_mobile"], scales, B=100, seed=7)
    b = pm.htmt_bootstrap(data["ecsi_mobile"], scales, B=100, seed=7)
    c = pm.htmt_bootstrap(data["ecsi_mobile"], scales, B=100, seed=8)
    pd.testing.assert_frame_equal(a, b)
    assert not np.allclose(a["ci_low"], c["ci_low"])
    assert len(a) == 15 and (a["n_boot"] == 100).all()
    point = pm.htmt(data["ecsi_mobile"], scales)
    assert np.allclose(a["htmt"], [point.loc[r.scale_1, r.scale_2] for r in a.itertuples()])
    assert (a["ci_low"] < a["htmt"]).all() and (a["htmt"] < a["ci_high"]).all()
    pair = a.set_index(["scale_1", "scale_2"]).loc[("PERQ", "CUSA")]
    assert pair["above_90"] and pair["ci_includes_1"]
    low = a.set_index(["scale_1", "scale_2"]).loc[("CUEX", "PERV")]
    assert not low["above_85"] and not low["ci_includes_1"]


def test_htmt_bootstrap_is_fast(data, ref):
    start = time.perf_counter()
    res = pm.htmt_bootstrap(data["ecsi_mobile"], ref["ecsi_mobile"]["scales"], B=1000, seed=1)
    assert time.perf_counter() - start < 10  # about 0.5 s on a laptop
    assert (res["n_boot"] == 1000).all()


# --- EFA -------------------------------------------------------------------------------


def _match_columns(got: pd.DataFrame, expected: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Column order and signs that make got's factors match expected's (Tucker congruence)."""
    g, e = got.to_numpy(), expected.to_numpy()
    congruence = (g.T @ e) / np.outer(np.linalg.norm(g, axis=0), np.linalg.norm(e, axis=0))
    order = np.abs(congruence).argmax(axis=0)
    assert len(set(order)) == len(order), "factors do not pair up one to one"
    return order, np.sign(congruence[order, np.arange(len(order))])


@pytest.fixture(scope="module")
def efas(ref, data):
    out = {}
    for name in ("ecsi_mobile", "hotel_4e"):
        items = [i for v in ref[name]["scales"].values() for i in v]
        out[name] = pm.efa(data[name][items], n_iter=20, seed=3)
    return out


@pytest.mark.parametrize("name", ["ecsi_mobile", "hotel_4e"])
def test_kmo_and_bartlett_match_psych(name, ref, efas):
    res, r = efas[name], ref[name]
    assert res.kmo == pytest.approx(r["kmo"]["overall"], abs=1e-4)
    kmo_items = pd.Series(r["kmo"]["items"])
    assert np.allclose(res.kmo_items[kmo_items.index], kmo_items, atol=1e-4)
    assert res.bartlett["chisq"] == pytest.approx(r["bartlett"]["chisq"], rel=1e-4)
    assert res.bartlett["df"] == r["bartlett"]["df"]
    assert res.bartlett["p_value"] == pytest.approx(r["bartlett"]["p_value"], abs=1e-12)


@pytest.mark.parametrize("name", ["ecsi_mobile", "hotel_4e"])
def test_efa_matches_psych_fa_oblimin(name, ref, efas):
    res, r = efas[name], ref[name]["efa"]
    assert res.n_factors == r["n_factors"]  # ECSI 4, hotel 8 (parallel analysis)
    assert res.notes and "Parallel analysis" in res.notes[0]
    expected = _matrix(r["loadings"]).loc[res.loadings.index]
    order, signs = _match_columns(res.loadings[res.factors], expected)
    got = res.loadings[res.factors].to_numpy()[:, order] * signs
    assert np.abs(got - expected.to_numpy()).max() < 1e-3
    comm = pd.Series(r["communalities"])[res.communalities.index]
    assert np.allclose(res.communalities, comm, atol=1e-3)
    phi = _matrix(r["factor_cor"]).loc[expected.columns, expected.columns].to_numpy()
    got_phi = res.factor_cor.to_numpy()[np.ix_(order, order)] * np.outer(signs, signs)
    assert np.abs(got_phi - phi).max() < 1e-3
    proportion = pd.Series(r["proportion_var"])[expected.columns].to_numpy()
    assert np.allclose(res.variance["proportion"].to_numpy()[order], proportion, atol=1e-3)


def test_efa_column_order_and_factor_correlations_follow_psych(ref, efas):
    """psych orders factors by variance; so does cxlab, so F1..F4 are MR2, MR1, MR3, MR4."""
    res, r = efas["ecsi_mobile"], ref["ecsi_mobile"]["efa"]
    expected = _matrix(r["loadings"]).loc[res.loadings.index]
    assert np.abs(res.loadings[res.factors].to_numpy() - expected.to_numpy()).max() < 1e-3
    phi = _matrix(r["factor_cor"]).loc[expected.columns, expected.columns]
    assert np.abs(res.factor_cor.to_numpy() - phi.to_numpy()).max() < 1e-3


def test_parallel_analysis_uses_psychs_reduced_eigenvalues(ref, efas):
    observed = np.array(ref["ecsi_mobile"]["efa"]["parallel_observed"])
    assert np.allclose(efas["ecsi_mobile"].parallel["observed"], observed, atol=1e-4)


def test_efa_varimax_matches_psych(ref, data):
    r = ref["ecsi_mobile"]
    items = [i for v in r["scales"].values() for i in v]
    res = pm.efa(data["ecsi_mobile"][items], n_factors=4, rotation="varimax", n_iter=5, seed=0)
    expected = _matrix(r["efa_varimax4"]["loadings"]).loc[items]
    order, signs = _match_columns(res.loadings[res.factors], expected)
    got = res.loadings[res.factors].to_numpy()[:, order] * signs
    assert np.abs(got - expected.to_numpy()).max() < 1e-3
    assert res.factor_cor is None
    comm = pd.Series(r["efa_varimax4"]["communalities"])[items]
    assert np.allclose(res.communalities, comm, atol=1e-3)


def test_efa_flags_cross_loadings_and_weak_items(efas):
    table = efas["ecsi_mobile"].loadings
    loads = table[efas["ecsi_mobile"].factors].abs()
    assert table["cross_loading"].equals((loads >= 0.30).sum(axis=1) > 1)
    assert table["weak_primary"].equals(loads.max(axis=1) < 0.40)
    # psych: IMAG5 .58/.40, PERQ7 .42/.45 cross-load; CUEX1 (.23), CUSL2 (.25) are weak
    assert table.loc[["IMAG5", "PERQ7"], "cross_loading"].all()
    assert table.loc[["CUEX1", "CUSL2"], "weak_primary"].all()
    assert not table.loc[["PERV1", "CUSL3"], ["cross_loading", "weak_primary"]].any().any()
    assert set(efas["ecsi_mobile"].flagged.index) >= {"IMAG5", "PERQ7", "CUEX1", "CUSL2"}


# --- Fornell–Larcker, cross-loadings, Harman -------------------------------------------


def test_fornell_larcker_on_lavaan_cfa(ref):
    cfa = ref["ecsi_mobile"]["cfa"]
    ave = pd.Series(cfa["ave_standardized"])
    cor = _matrix(cfa["latent_cor"])
    table = pm.fornell_larcker(ave, cor)
    names = list(cor.columns)
    assert np.allclose(np.diag(table[names].to_numpy()), np.sqrt(ave[names]))
    assert table.loc["PERQ", "IMAG"] == pytest.approx(cor.loc["PERQ", "IMAG"])
    assert np.isnan(table.loc["IMAG", "PERQ"])
    off = cor.abs().to_numpy() - np.eye(len(names))
    expected = np.sqrt(ave[names].to_numpy()) > off.max(axis=1)
    assert table["passes"].tolist() == expected.tolist()
    assert not table.loc["PERQ", "passes"] and "CUSA" in table.loc["PERQ", "fails_against"]


def test_cross_loadings_match_r(ref, data):
    for name in DATASETS:
        expected = _matrix(ref[name]["cross_loadings"])
        got = pm.cross_loadings(data[name], ref[name]["scales"])
        assert np.allclose(got[expected.columns].loc[expected.index], expected, atol=1e-6)
    hs = pm.cross_loadings(data["holzinger_swineford"], ref["holzinger_swineford"]["scales"])
    assert hs["highest_on_own"].all()


@pytest.mark.parametrize("name", DATASETS)
def test_harman_matches_psych(name, ref, data):
    items = [i for v in ref[name]["scales"].values() for i in v]
    res = pm.harman_single_factor(data[name], items)
    r = ref[name]["harman"]
    assert res["first_component_share"] == pytest.approx(r["first_component_share"], abs=1e-6)
    assert res["first_factor_share"] == pytest.approx(r["first_factor_share"], abs=1e-4)
    assert res["above_50_percent"] is False
    assert "cannot prove" in pm.harman_single_factor.__doc__
    assert "Podsakoff" in res["note"] and "does not show" in res["note"]


# --- bad input -------------------------------------------------------------------------


@pytest.fixture
def small():
    rng = np.random.default_rng(0)
    return pd.DataFrame(rng.integers(1, 6, size=(40, 4)), columns=["a1", "a2", "a3", "a4"])


def test_unknown_item_is_named(small):
    with pytest.raises(DataError, match=r"Unknown item 'a11'.*Did you mean 'a1'"):
        pm.reliability(small, {"A": ["a11", "a2", "a3"]})


def test_text_in_an_item_is_named(small):
    df = small.astype(object)
    df.loc[3, "a2"] = "agree"
    with pytest.raises(DataError, match=r"'a2' is not numeric \(e.g. 'agree' in row 3\)"):
        pm.htmt(df, {"A": ["a1", "a2"], "B": ["a3", "a4"]})


def test_constant_item_is_named(small):
    small["a3"] = 4
    with pytest.raises(DataError, match="'a3' has no variance"):
        pm.cross_loadings(small, {"A": ["a1", "a2", "a3"]})


def test_too_few_rows(small):
    with pytest.raises(DataError, match="Only 2 rows"):
        pm.reliability(small.head(2), {"A": ["a1", "a2", "a3"]})
    with pytest.raises(DataError, match="more respondents than items"):
        pm.efa(small.head(4), seed=0)


@pytest.mark.parametrize(
    ("scales", "message"),
    [
        ({"A": ["a1"]}, "has 1 item"),
        ({"A": "a1 a2"}, "list of column names"),
        ([["a1", "a2"]], "must be a non-empty dict"),
        ({"A": ["a1", "a2"], "B": ["a2", "a3"]}, "listed in both 'A' and 'B'"),
    ],
)
def test_bad_scales(small, scales, message):
    with pytest.raises(DataError, match=message):
        pm.reliability(small, scales)


def test_bad_options(small):
    scales = {"A": ["a1", "a2"], "B": ["a3", "a4"]}
    with pytest.raises(DataError, match="level must be between"):
        pm.reliability(small, scales, level=95)
    with pytest.raises(DataError, match="B must be"):
        pm.htmt_bootstrap(small, scales, B=0)
    with pytest.raises(DataError, match="Unknown rotation"):
        pm.efa(small, n_factors=1, rotation="spin")
    with pytest.raises(DataError, match="n_factors must be"):
        pm.efa(small, n_factors=9)
    with pytest.raises(DataError, match="ave has no value"):
        pm.fornell_larcker(pd.Series({"A": 0.5}), pd.DataFrame(np.eye(2), ["A", "B"], ["A", "B"]))
    with pytest.raises(DataError, match="data must be a pandas DataFrame"):
        pm.htmt(small.to_numpy(), scales)


# --- one convention for results (cxlab 0.2) ----------------------------------------------


def test_reliability_level_and_the_old_ci_keyword(data):
    x = data["holzinger_swineford"]
    scales = {"visual": ["x1", "x2", "x3"], "textual": ["x4", "x5", "x6"]}
    new = pm.reliability(x, scales, level=0.90)
    with pytest.warns(DeprecationWarning, match="level=0.9"):
        old = pm.reliability(x, scales, ci=0.90)
    pd.testing.assert_frame_equal(new.scales, old.scales)
    assert new.level == 0.90
    with pytest.warns(DeprecationWarning):
        assert new.ci == 0.90
    with pytest.raises(DataError, match="ci must be 'feldt'"):
        pm.reliability(x, scales, ci="wilson")
    assert new.to_frame() is new.scales
    assert new.summary().startswith("Reliability (alpha with a 90% Feldt interval")
    assert len(new.plot().patches) == 8
    assert "<table" in new._repr_html_()
    survey = cx.datasets.survey("hotel_4e")
    first = {k: v for k, v in list(survey.scales().items())[:1]}
    from_survey = pm.reliability(survey, first)
    pd.testing.assert_frame_equal(from_survey.scales, pm.reliability(survey.data, first).scales)


def test_htmt_bootstrap_seed_and_level(data, ref):
    scales = {k: ref["ecsi_mobile"]["scales"][k] for k in ("PERQ", "CUSA")}
    with pytest.raises(DataError, match="pass seed="):
        pm.htmt_bootstrap(data["ecsi_mobile"], scales, B=50)
    new = pm.htmt_bootstrap(data["ecsi_mobile"], scales, B=50, seed=1, level=0.9)
    with pytest.warns(DeprecationWarning):
        old = pm.htmt_bootstrap(data["ecsi_mobile"], scales, B=50, seed=1, ci=0.9)
    pd.testing.assert_frame_equal(new, old)


def test_efa_result_follows_the_convention(data, efas):
    res = efas["ecsi_mobile"]
    assert res.to_frame() is res.loadings
    assert res.summary() == repr(res) and res.summary().startswith("EFA (minres")
    assert len(res.plot().get_lines()) == 4
    assert "<table" in res._repr_html_()
    with pytest.raises(DataError, match="pass seed="):
        pm.efa(data["holzinger_swineford"][[f"x{i}" for i in range(1, 10)]])
