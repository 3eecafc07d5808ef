"""Effects, Monte-Carlo CIs, model comparison, APA tables and diagnostics of cx.sem,
against lavaan 0.6 / semTools (tests/reference/lavaan_effects.R → lavaan_effects.json)."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

import cxlab as cx
from cxlab.errors import DataError, EstimationError, InadmissibleSolutionError


@pytest.fixture(scope="module")
def ref(root):
    return json.loads((root / "tests/reference/lavaan_effects.json").read_text())


@pytest.fixture(scope="module")
def pd_fit(ref):
    return cx.sem.fit(ref["political_democracy"]["model"], cx.datasets.load("political_democracy"))


@pytest.fixture(scope="module")
def hs_fit(ref):
    return cx.sem.fit(ref["hs_path"]["model"], cx.datasets.load("holzinger_swineford"))


def _defined(ref_part: dict) -> dict[str, dict]:
    return {r["lhs"]: r for r in ref_part["estimates"] if r["op"] == ":="}


def _row(eff: pd.DataFrame, effect: str, src: str, dst: str, via: str | None = None) -> pd.Series:
    sel = (eff.effect == effect) & (eff["from"] == src) & (eff["to"] == dst)
    if via is not None:
        sel &= eff["via"] == via
    rows = eff[sel]
    assert len(rows) == 1, (effect, src, dst, via)
    return rows.iloc[0]


def _same(mine: pd.Series, theirs: dict) -> None:
    assert mine["est"] == pytest.approx(theirs["est"], abs=1e-4)
    assert mine["se"] == pytest.approx(theirs["se"], rel=1e-2)
    assert mine["std_all"] == pytest.approx(theirs["std.all"], abs=1e-4)


def test_indirect_and_total_effects_equal_lavaan_defined_parameters(pd_fit, ref):
    eff = pd_fit.effects()
    lav = _defined(ref["political_democracy"])
    indirect = _row(eff, "indirect", "ind60", "dem65")
    assert indirect["via"] == "dem60"  # one route: named on the indirect row
    _same(indirect, lav["ind"])
    _same(_row(eff, "total", "ind60", "dem65"), lav["tot"])
    # the user's own ':=' rows come along, with lavaan's standardized value
    _same(_row(eff, "defined", "ind", ""), lav["ind"])


def test_specific_indirect_effects_through_two_mediators(hs_fit, ref):
    eff = hs_fit.effects()
    lav = _defined(ref["hs_path"])
    _same(_row(eff, "specific", "x1", "x7", "x4"), lav["s1"])
    _same(_row(eff, "specific", "x1", "x7", "x5"), lav["s2"])
    _same(_row(eff, "indirect", "x1", "x7"), lav["ind"])
    _same(_row(eff, "total", "x1", "x7"), lav["tot"])
    assert not (hs_fit.effects(specific=False).effect == "specific").any()


def test_estimates_carry_standardized_defined_parameters(pd_fit, ref):
    est = pd_fit.estimates().set_index("lhs")
    for name, row in _defined(ref["political_democracy"]).items():
        assert est.loc[name, "std.all"] == pytest.approx(row["std.all"], abs=1e-4)


def test_monte_carlo_ci_agrees_with_semtools(pd_fit, ref):
    mc_ref = ref["political_democracy"]["monte_carlo"]
    mc = pd_fit.monte_carlo_ci(R=100_000, seed=7)
    table = mc.defined().set_index("lhs")
    for k, name in enumerate(mc_ref["lhs"]):
        # different random draws: the percentiles of 100,000 draws agree to about .01
        assert table.loc[name, "ci_low"] == pytest.approx(mc_ref["ci.lower"][k], abs=0.02)
        assert table.loc[name, "ci_high"] == pytest.approx(mc_ref["ci.upper"][k], abs=0.02)
    assert "100000 Monte-Carlo draws" in mc.summary()


def test_monte_carlo_is_seeded(pd_fit):
    a = pd_fit.monte_carlo_ci(R=2000, seed=3).table
    b = pd_fit.monte_carlo_ci(R=2000, seed=3).table
    c = pd_fit.monte_carlo_ci(R=2000, seed=4).table
    pd.testing.assert_frame_equal(a, b)
    assert not np.allclose(a["ci_low"].dropna(), c["ci_low"].dropna())


def test_effects_take_intervals_from_monte_carlo_and_bootstrap_draws(pd_fit):
    mc = pd_fit.monte_carlo_ci(R=5000, seed=1)
    eff = pd_fit.effects(mc=mc)
    assert "Monte-Carlo" in eff.attrs["ci"]
    ind = _row(eff, "indirect", "ind60", "dem65")
    mine = mc.defined().set_index("lhs").loc["ind"]
    assert ind["ci_low"] == pytest.approx(mine["ci_low"], abs=1e-12)
    assert ind["ci_high"] == pytest.approx(mine["ci_high"], abs=1e-12)
    boot = pd_fit.bootstrap(B=200, seed=1, n_jobs=1)
    eff_b = pd_fit.effects(boot=boot)
    b_ind = boot.defined().set_index("lhs").loc["ind"]
    ind_b = _row(eff_b, "indirect", "ind60", "dem65")
    assert ind_b["ci_low"] == pytest.approx(b_ind["ci_low"], abs=1e-10)
    assert ind_b["ci_high"] == pytest.approx(b_ind["ci_high"], abs=1e-10)
    with pytest.raises(DataError, match="either boot= or mc="):
        pd_fit.effects(boot=boot, mc=mc)


def test_effects_of_a_cfa_say_there_are_none():
    hs = cx.datasets.load("holzinger_swineford")
    fit = cx.sem.fit("visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6", hs)
    with pytest.raises(DataError, match="no regression paths"):
        fit.effects()


def test_multigroup_effects_are_per_group():
    hotel = cx.datasets.load("hotel_4e")
    model = "memory ~ EST + EDU\nSAT ~ memory"
    data = hotel.assign(
        EST=hotel[["est1", "est2", "est3"]].mean(axis=1),
        EDU=hotel[["edu1", "edu2", "edu3"]].mean(axis=1),
        memory=hotel[["mem1", "mem2", "mem3"]].mean(axis=1),
        SAT=hotel[["sat1", "sat2", "sat3"]].mean(axis=1),
    )[["EST", "EDU", "memory", "SAT", "segment"]]
    fit = cx.sem.fit(model, data, group="segment")
    eff = fit.effects()
    assert set(eff["group"]) == set(fit.groups)
    ind = eff[(eff.effect == "indirect") & (eff["from"] == "EST")].set_index("group")["est"]
    assert len(ind) == 2 and ind.iloc[0] != pytest.approx(ind.iloc[1], abs=1e-3)


def test_compare_equals_lavtestlrt(ref):
    hs = cx.datasets.load("holzinger_swineford")
    three = cx.sem.fit("visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9", hs)
    one = cx.sem.fit("g =~ x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9", hs)
    table = cx.sem.compare(one, three, names=["one", "three"])  # sorted by df, as lavaan
    lrt = ref["lrt"]
    assert list(table["model"]) == ["three", "one"]
    assert table["delta_chisq"].iloc[1] == pytest.approx(lrt["delta_chisq"], rel=1e-5)
    assert table["delta_df"].iloc[1] == lrt["delta_df"]
    assert table["p_delta"].iloc[1] == pytest.approx(lrt["p"], rel=1e-3)
    assert table["aic"].tolist() == pytest.approx(lrt["aic"], abs=1e-3)
    assert table["bic"].tolist() == pytest.approx(lrt["bic"], abs=1e-3)


def test_compare_refuses_different_data_and_inadmissible_fits():
    hs = cx.datasets.load("holzinger_swineford")
    a = cx.sem.fit("visual =~ x1 + x2 + x3", hs)
    b = cx.sem.fit("visual =~ x1 + x2 + x3", hs.iloc[:200])
    with pytest.raises(DataError, match="not fitted to the same data"):
        cx.sem.compare(a, b)
    bad = cx.sem.fit("f1 =~ x1 + x2\nf2 =~ x4 + x5\nf1 ~~ 0*f2", hs)
    with pytest.raises(EstimationError, match="not admissible"):
        cx.sem.compare(a, bad)
    with pytest.raises(DataError, match="at least two"):
        cx.sem.compare(a)


def test_apa_tables_format_the_political_democracy_sem(pd_fit):
    apa = pd_fit.to_apa()
    fit_row = apa.fit.iloc[0]
    assert fit_row["df"] == "41" and fit_row["N"] == "75"
    struct = apa.structural.set_index("Path")
    assert struct.loc["ind60 → dem60", "β"] == ".45"  # lavaan std.all .448
    assert struct.loc["ind60 → dem60", "p"] == "< .001"
    assert struct.loc["ind60 → dem65", "p"] == ".039"
    meas = apa.measurement
    assert meas.loc[meas["Item"] == "x1", "SE"].item() == "(fixed)"
    assert (meas["β"].str.startswith(".")).all()
    zh = pd_fit.to_apa(lang="zh", labels={"ind60": "工业化 1960", "dem60": "民主 1960"})
    assert "路径" in zh.structural.columns and "构念" in zh.measurement.columns
    assert zh.structural["路径"].iloc[0] == "工业化 1960 → 民主 1960"
    assert zh.measurement["构念"].iloc[0] == "工业化 1960"
    with pytest.raises(DataError, match="lang"):
        pd_fit.to_apa(lang="fr")


def test_apa_numbers():
    from cxlab.sem.report import apa_number, apa_p

    assert apa_number(-0.456, bounded=True) == "\u2212.46"
    assert apa_number(1.0, bounded=True) == "1.00"
    assert apa_number(-2.5) == "\u22122.50"
    assert apa_number(float("nan")) == "—"
    assert apa_p(0.0009) == "< .001" and apa_p(0.05) == ".050"


def test_apa_tables_go_to_excel(pd_fit, tmp_path):
    path = pd_fit.to_apa().to_excel(tmp_path / "tables.xlsx")
    sheets = pd.read_excel(path, sheet_name=None)
    assert set(sheets) == {"fit", "measurement", "structural"}
    with pytest.raises(DataError, match=r"\.xlsx"):
        pd_fit.to_apa().to_excel(tmp_path / "tables.csv")


def test_diagnostics_and_html_of_an_unidentified_model():
    hs = cx.datasets.load("holzinger_swineford")
    fit = cx.sem.fit("f1 =~ x1 + x2\nf2 =~ x4 + x5\nf1 ~~ 0*f2", hs)
    diag = fit.diagnostics.set_index("check")
    assert not diag.loc["identified", "ok"]
    assert "not identified" in diag.loc["identified", "detail"]
    assert "NOT admissible" in fit._repr_html_()
    with pytest.raises(InadmissibleSolutionError):
        fit.effects()


def test_diagnostics_of_an_admissible_model(pd_fit):
    assert pd_fit.diagnostics["ok"].all()
    html = pd_fit._repr_html_()
    assert "CFI = .953" in html and "<table" in html


def test_diagnostics_of_ecsi_name_the_non_positive_definite_factor_matrix(root):
    ref = json.loads((root / "tests/reference/lavaan_ecsi.json").read_text())
    fit = cx.sem.fit(ref["cfa_model"], cx.datasets.load("ecsi_mobile"))
    diag = fit.diagnostics.set_index("check")
    assert not diag.loc["latent covariance matrix positive definite", "ok"]
    assert diag.loc["converged", "ok"]


def test_standardized_effect_intervals_equal_lavaan_standardized_solution(pd_fit, ref):
    std = {(r["lhs"], r["op"], r["rhs"]): r for r in ref["political_democracy"]["standardized"]}
    eff = pd_fit.effects()
    pairs = {
        ("indirect", "ind60", "dem65"): ("ind", ":=", "a*b"),
        ("total", "ind60", "dem65"): ("tot", ":=", "c+a*b"),
        ("direct", "ind60", "dem60"): ("dem60", "~", "ind60"),
    }
    for (effect, src, dst), key in pairs.items():
        mine = _row(eff, effect, src, dst)
        assert mine["std_ci_low"] == pytest.approx(std[key]["ci.lower"], abs=1e-3)
        assert mine["std_ci_high"] == pytest.approx(std[key]["ci.upper"], abs=1e-3)
    mc = _row(
        pd_fit.effects(mc=pd_fit.monte_carlo_ci(R=5000, seed=2)), "indirect", "ind60", "dem65"
    )
    assert mc["std_ci_low"] < mc["std_all"] < mc["std_ci_high"]
