"""`cxlab report --group`: the multi-group path comparison (issue 23, table 7). Each path's
Δχ² is that of cx.sem.compare on two models written out by hand (paths free vs the path
held equal, loadings equal); the group estimates are the free multi-group fit's; when
metric invariance fails no comparison is made and the report says why."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import cxlab as cx
from cxlab.report import _groups
from cxlab.report._steps import Study
from cxlab.survey import Survey

MEASUREMENT = """
Education     =~ edu1 + edu2 + edu3
Esthetics     =~ est1 + est2 + est3
Entertainment =~ ent1 + ent2 + ent3
Escapism      =~ esc1 + esc2 + esc3r
Memory        =~ mem1 + mem2 + mem3
Satisfaction  =~ sat1 + sat2 + sat3
"""
# lesson 07's mediation model: its labels would hold a, b, c equal across groups if the
# report did not give each group its own
MODEL = (
    MEASUREMENT
    + """
Memory ~ a*Esthetics + Education + Entertainment + Escapism
Satisfaction ~ b*Memory + c*Esthetics + Entertainment
indirect := a*b
total := c + a*b
"""
)
PATHS = [
    ("Memory", "Esthetics"), ("Memory", "Education"), ("Memory", "Entertainment"),
    ("Memory", "Escapism"), ("Satisfaction", "Memory"), ("Satisfaction", "Esthetics"),
    ("Satisfaction", "Entertainment"),
]  # fmt: skip
COLUMNS = ["path", "lhs", "rhs", "est_business", "std_business", "est_leisure",
           "std_leisure", "delta_chisq", "delta_df", "pvalue", "p_holm", "decision"]  # fmt: skip


def _by_hand(equal: list[tuple[str, str]]) -> str:
    """The two-group structural model written out: c(p1_1, p1_2) per path, c(e, e) for
    the paths held equal (what lesson 07 writes by hand)."""
    lines: dict[str, list[str]] = {}
    for k, (lhs, rhs) in enumerate(PATHS):
        mod = f"c(e{k}, e{k})" if (lhs, rhs) in equal else f"c(p{k}_1, p{k}_2)"
        lines.setdefault(lhs, []).append(f"{mod}*{rhs}")
    return MEASUREMENT + "\n".join(f"{lhs} ~ {' + '.join(t)}" for lhs, t in lines.items())


@pytest.fixture(scope="module")
def hotel() -> pd.DataFrame:
    return cx.datasets.load("hotel_4e")


@pytest.fixture(scope="module")
def reports(hotel, tmp_path_factory):
    folder = tmp_path_factory.mktemp("groups")
    return {
        lang: cx.report.report(
            hotel,
            MODEL,
            folder / f"hotel_{lang}.html",
            codebook=cx.datasets.codebook("hotel_4e"),
            id_column="guest_id",
            group="segment",
            bootstrap=0,
            lang=lang,
        )
        for lang in ("en", "zh")
    }


def test_each_path_delta_chisq_is_a_direct_compare_of_two_fits(hotel, reports):
    rep = reports["en"]
    assert rep.numbers["invariance"]["highest_level"] in ("metric", "scalar", "strict")
    table = rep.tables["path_comparison"]
    assert table.columns.tolist() == COLUMNS
    assert table["path"].tolist() == [f"{lhs} ~ {rhs}" for lhs, rhs in PATHS] + ["all paths"]
    data = Survey(hotel, cx.datasets.codebook("hotel_4e"), id_column="guest_id")
    data = data.reverse_code().data
    options = {"group": "segment", "group_equal": ["loadings"]}
    free = cx.sem.fit(_by_hand([]), data, **options)
    assert free.groups == ["business", "leisure"]
    est = free.estimates()
    for k, (lhs, rhs) in enumerate(PATHS):
        row = table.iloc[k]
        for g, name in enumerate(free.groups, start=1):
            hit = est[(est.lhs == lhs) & (est.op == "~") & (est.rhs == rhs) & (est.group == g)]
            assert row[f"est_{name}"] == pytest.approx(hit["est"].iloc[0], abs=1e-8)
            assert row[f"std_{name}"] == pytest.approx(hit["std.all"].iloc[0], abs=1e-8)
        direct = cx.sem.compare(free, cx.sem.fit(_by_hand([(lhs, rhs)]), data, **options))
        assert row["delta_chisq"] == pytest.approx(direct["delta_chisq"].iloc[1], abs=1e-8)
        assert row["delta_df"] == direct["delta_df"].iloc[1] == 1
        assert row["pvalue"] == pytest.approx(direct["p_delta"].iloc[1], abs=1e-10)
        assert row["decision"] == ("differs" if row["pvalue"] < 0.05 else "equal")
    omnibus = cx.sem.compare(free, cx.sem.fit(_by_hand(PATHS), data, **options))
    last = table.iloc[-1]
    assert last["delta_chisq"] == pytest.approx(omnibus["delta_chisq"].iloc[1], abs=1e-8)
    assert last["delta_df"] == 7
    assert str(table["delta_df"].dtype) == "Int64"
    # lesson 07: esthetics → memory, Δχ²(1) = 3.72–3.73, p = .053–.054 — close, not < .05
    assert table.iloc[0]["delta_chisq"] == pytest.approx(3.733, abs=1e-3)
    # Holm over the 7 paths, as R's p.adjust(p, "holm")
    assert table["p_holm"].iloc[:7].tolist() == pytest.approx(
        _groups.holm(table["pvalue"].iloc[:7]).tolist()
    )
    assert rep.fits["sem_groups"].fit_measures["chisq"] == pytest.approx(
        free.fit_measures["chisq"], abs=1e-8
    )


def test_findings_and_notes_in_both_languages(reports):
    en, zh = reports["en"], reports["zh"]
    pd.testing.assert_frame_equal(en.tables["path_comparison"], zh.tables["path_comparison"])
    text = " ".join(f.text for f in en.findings if f.section == "invariance")
    assert "Structural paths compared across 'segment'" in text
    assert "0 of 7 paths differ at p < .05" in text and "Δχ²(7) = 10.21, p = .177" in text
    assert "latent means can be compared" in text  # strict holds
    note = " ".join(en.notes["invariance"])
    assert "loadings held equal" in note and "Holm" in note and "likelihood-ratio" in note
    text_zh = " ".join(f.text for f in zh.findings if f.section == "invariance")
    assert "结构路径比较" in text_zh and "Δχ²(7) = 10.21，p = .177" in text_zh
    assert "Holm" in " ".join(zh.notes["invariance"])
    assert en.numbers["path_comparison"]["made"] and en.numbers["path_comparison"]["n_paths"] == 7
    html = en.path.read_text(encoding="utf-8")
    assert "Multi-group path comparison across" in html


def test_no_comparison_when_metric_invariance_fails(hotel, tmp_path):
    data = Survey(hotel, cx.datasets.codebook("hotel_4e"), id_column="guest_id")
    data = data.reverse_code().data
    rng = np.random.default_rng(7)
    leisure = (data["segment"] == "leisure").to_numpy()
    for item in ("edu2", "est2", "ent2", "mem2", "sat2"):  # leisure guests answer at random
        noise = rng.integers(1, 8, leisure.sum())
        keep = data.loc[leisure, item]
        data.loc[leisure, item] = np.where(rng.random(leisure.sum()) < 0.7, noise, keep)
    rep = cx.report.report(
        data, MODEL, tmp_path / "bad.html", id_column="guest_id", group="segment", bootstrap=0
    )
    assert rep.numbers["invariance"]["highest_level"] == "configural"
    assert "path_comparison" not in rep.tables and "sem_groups" not in rep.fits
    assert rep.numbers["path_comparison"] == {
        "group": "segment",
        "made": False,
        "reason": "configural",
    }
    texts = [f.text for f in rep.findings if f.section == "invariance"]
    assert any("metric invariance (equal loadings) does not hold" in t for t in texts)
    assert any("comparison is not meaningful" in t for t in texts)
    assert not any("can be compared" in t or "Structural paths compared" in t for t in texts)
    # the same decision worded in Chinese (the study's words; no refit needed)
    study = Study(source={}, model=MODEL, settings={}, lang="zh")
    study.latent, study.structural = ["Memory"], True
    _groups.path_comparison(study, "segment", "configural")
    assert "path_comparison" not in study.tables
    assert (
        "度量不变性（因子载荷等同）不成立（至多为形态不变（configural））" in study.findings[0].text
    )
    study = Study(source={}, model=MODEL, settings={}, lang="zh")
    study.latent, study.structural = ["Memory"], True
    _groups.path_comparison(study, "segment", None)
    assert "无法评估测量不变性" in study.findings[0].text


def test_mlr_gives_the_scaled_difference_of_cx_sem_compare(hotel):
    data = Survey(hotel, cx.datasets.codebook("hotel_4e"), id_column="guest_id")
    data = data.reverse_code().data
    model = "Memory =~ mem1 + mem2 + mem3\nSatisfaction =~ sat1 + sat2 + sat3\n"
    model += "Satisfaction ~ w*Memory\nwhole := 2*w"
    res = _groups.compare_paths(model, data, "segment", estimator="MLR")
    options = {"group": "segment", "group_equal": ["loadings"], "estimator": "MLR"}
    head = "Memory =~ mem1 + mem2 + mem3\nSatisfaction =~ sat1 + sat2 + sat3\n"
    free = cx.sem.fit(head + "Satisfaction ~ c(w1, w2)*Memory", data, **options)
    equal = cx.sem.fit(head + "Satisfaction ~ c(w, w)*Memory", data, **options)
    direct = cx.sem.compare(free, equal)
    assert res.test.startswith("Satorra-Bentler (2001)")
    row = res.table.iloc[0]
    assert row["delta_chisq"] == pytest.approx(direct["delta_chisq"].iloc[1], abs=1e-8)
    assert row["delta_chisq"] != pytest.approx(direct["chisq"].diff().iloc[1], abs=1e-4)
    assert row["pvalue"] == pytest.approx(direct["p_delta"].iloc[1], abs=1e-10)
    assert row["est_leisure"] == pytest.approx(
        free.estimates().query("op == '~' and group == 2")["est"].iloc[0], abs=1e-8
    )


def test_report_reads_the_estimator_setting():
    study = Study(source={}, model="F =~ a + b\nF ~ x", settings={"estimator": "mlr"})
    study.latent, study.scales = ["F"], {"F": ["a", "b"]}
    assert _groups._settings(study) == ("MLR", "listwise", None, ("loadings",))
    study.settings = {"estimator": "WLSMV", "missing": "listwise"}
    assert _groups._settings(study) == (
        "WLSMV", "listwise", ["a", "b"], ("thresholds", "loadings")
    )  # fmt: skip


def test_a_path_model_without_latent_variables_is_compared_directly(tmp_path):
    air = cx.datasets.load("airline_mot")
    model = "sat_overall ~ mot_crew + ces\nnps_score ~ sat_overall"
    rep = cx.report.report(air, model, tmp_path / "air.html", group="cabin", bootstrap=0)
    table = rep.tables["path_comparison"]
    groups = rep.fits["sem_groups"].groups
    free = cx.sem.fit(
        "sat_overall ~ c(" + ", ".join(f"a{k}" for k in range(len(groups))) + ")*mot_crew + ces"
        "\nnps_score ~ sat_overall", air, group="cabin",
    )  # fmt: skip
    equal = cx.sem.fit(
        "sat_overall ~ c(" + ", ".join(["a"] * len(groups)) + ")*mot_crew + ces"
        "\nnps_score ~ sat_overall", air, group="cabin",
    )  # fmt: skip
    direct = cx.sem.compare(free, equal)
    row = table.set_index("path").loc["sat_overall ~ mot_crew"]
    assert row["delta_chisq"] == pytest.approx(direct["delta_chisq"].iloc[1], abs=1e-8)
    assert row["delta_df"] == len(groups) - 1
    assert any("were compared across 'cabin' directly" in n for n in rep.notes["invariance"])


def test_group_syntax_keeps_within_group_ties_and_repeats_constraints():
    model = "F =~ x1 + l*x2 + l*x3\nY ~ a*F + a*Z\nY ~~ v*Y\nv > 0\nd := a - 1\nd == 0.2"
    text = _groups.group_syntax(model, 3)
    assert "F =~ x1 + l*x2 + l*x3" in text  # loadings as written
    assert "Y ~ c(a__g1, a__g2, a__g3)*F + c(a__g1, a__g2, a__g3)*Z" in text
    assert "v__g2 > 0" in text and "d__g3 := a__g3 - 1" in text and "d__g1 == 0.2" in text
    held = _groups.group_syntax(model, 2, equal=[("Y", "F")])
    assert "Y ~ c(a__g1, a__g1)*F + c(a__g1, a__g1)*Z" in held
    assert _groups.free_paths(model) == [("Y", "F"), ("Y", "Z")]


def test_no_path_finding_without_group(tmp_path):
    air = cx.datasets.load("airline_mot")
    rep = cx.report.report(air, "sat_overall ~ mot_crew", tmp_path / "a.html", bootstrap=0)
    assert "path_comparison" not in rep.tables and "path_comparison" not in rep.numbers
    assert not any("compared across" in f.text for f in rep.findings)
