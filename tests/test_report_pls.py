"""The report's PLS section (issue 23, item 4): every number equals cx.pls's, APA
formatting, both languages, and ``bootstrap=0`` resamples nothing."""

from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import cxlab as cx
from cxlab.report import _pls_apa, _pls_section
from cxlab.report._labels import from_codebook
from cxlab.report._steps import Study

B, SEED = 50, 1
P_APA = re.compile(r"^(< \.001|\.\d{3}|1\.000)$")


@pytest.fixture(scope="module")
def ecsi():
    return cx.datasets.load("ecsi_mobile")


@pytest.fixture(scope="module")
def codebook():
    return cx.datasets.codebook("ecsi_mobile")


@pytest.fixture(scope="module")
def reference(ecsi, codebook):
    """cx.pls's own results for the report's settings."""
    fit = cx.pls.fit(cx.models.ecsi(), ecsi)
    boot = fit.bootstrap(B, seed=SEED, progress=False, scale=codebook)
    return fit, boot


@pytest.fixture(scope="module")
def reports(ecsi, codebook, tmp_path_factory):
    folder = tmp_path_factory.mktemp("pls")
    return {
        lang: cx.report.report(
            ecsi,
            cx.models.ecsi(),
            folder / f"ecsi_{lang}.html",
            codebook=codebook,
            pls=True,
            bootstrap=B,
            seed=SEED,
            lang=lang,
        )
        for lang in ("en", "zh")
    }


def _study(ecsi, codebook, lang: str, data=None) -> Study:
    data = ecsi if data is None else data
    study = Study(source={}, model=cx.models.ecsi(), settings={}, data=data, lang=lang)
    study.survey = cx.survey.Survey(data, codebook)
    fit = cx.pls.fit(cx.models.ecsi(), data)
    scales = {c: list(v) for c, v in fit.spec_.blocks.items()}
    study.labels = from_codebook(study.survey.codebook, scales, lang)
    return study


def _p(t, used):
    return 2 * stats.t.sf(np.abs(np.asarray(t, dtype=float)), used - 1)


def _close(a, b, tol=1e-12):
    np.testing.assert_allclose(np.asarray(a, dtype=float), np.asarray(b, dtype=float), atol=tol)


def test_paths_equal_the_fit_and_its_bootstrap(reports, reference):
    fit, boot = reference
    paths = reports["en"].tables["pls_paths"]
    expected = fit.paths_.merge(boot.paths(), on=["lhs", "op", "rhs"], suffixes=("", "_b"))
    assert paths[["lhs", "rhs"]].values.tolist() == expected[["lhs", "rhs"]].values.tolist()
    for col in ["est", "f2", "vif", "se", "t", "ci_low", "ci_high"]:
        _close(paths[col], expected[col])
    _close(paths["pvalue"], _p(expected["t"], boot.n_ok))
    assert boot.n_ok == B  # every draw was used: df = 49


def test_outer_loadings_and_weights_equal_the_fit_and_its_bootstrap(reports, reference):
    fit, boot = reference
    tables = reports["en"].tables
    for name, est, rows in [
        ("pls_loadings", fit.loadings_, boot.loadings()),
        ("pls_weights", fit.weights_, boot.weights()),
    ]:
        got = tables[name]
        assert got["rhs"].tolist() == est["rhs"].tolist() == rows["rhs"].tolist()
        _close(got["est"], est["est"])
        for col in ["se", "t", "ci_low", "ci_high"]:
            _close(got[col], rows[col])
        _close(got["pvalue"], _p(rows["t"], boot.n_ok))


def test_outer_vif_is_one_over_one_minus_r2_of_the_block(reports, reference, ecsi):
    fit, _ = reference
    weights = reports["en"].tables["pls_weights"].set_index("rhs")
    z = (ecsi - ecsi.mean()) / ecsi.std()
    for block in fit.spec_.blocks.values():
        for item in block:
            others = [i for i in block if i != item]
            x = np.column_stack([np.ones(len(z)), z[others].to_numpy()])
            resid = z[item] - x @ np.linalg.lstsq(x, z[item], rcond=None)[0]
            r2 = 1 - (resid**2).sum() / ((z[item] - z[item].mean()) ** 2).sum()
            assert weights.loc[item, "vif"] == pytest.approx(1 / (1 - r2), rel=1e-10)


def test_r2_reliability_htmt_effects_equal_cx_pls(reports, reference):
    fit, boot = reference
    tables = reports["en"].tables
    pd.testing.assert_frame_equal(tables["pls_r2"], fit.r2_.reset_index(drop=True))
    pd.testing.assert_frame_equal(tables["pls_reliability"], fit.reliability())
    htmt, matrix = tables["pls_htmt"], fit.htmt()
    rows = boot.table[boot.table["kind"] == "htmt"]
    assert len(htmt) == len(rows) == 15
    for r, b in zip(htmt.itertuples(), rows.itertuples(), strict=True):
        assert (r.scale_1, r.scale_2) == (b.lhs, b.rhs)
        assert r.htmt == pytest.approx(matrix.loc[r.scale_1, r.scale_2], abs=1e-12)
        assert (r.ci_low, r.ci_high) == pytest.approx((b.ci_low, b.ci_high), abs=1e-12)
    effects, rows = tables["pls_effects"], boot.effects()
    for col in ["est", "se", "ci_low", "ci_high"]:
        _close(effects[col], rows[col])


def test_predict_srmr_ipma_and_index_equal_cx_pls(reports, reference, codebook):
    fit, boot = reference
    tables = reports["en"].tables
    pred = fit.predict(k=10, seed=SEED).table
    pd.testing.assert_frame_equal(tables["pls_predict"], pred)
    ipma = fit.ipma("Loyalty", scale=codebook)
    pd.testing.assert_frame_equal(tables["pls_ipma"], ipma.constructs)
    pd.testing.assert_frame_equal(tables["pls_ipma_items"], ipma.indicators)
    index = tables["pls_index"]
    csi = fit.csi_index(scale=codebook)
    _close(index["index"], csi["index"])
    rows = boot.table[boot.table["kind"] == "index"]
    _close(index[["boot_se", "ci_low", "ci_high"]], rows[["se", "ci_low", "ci_high"]])
    # SRMR of the saturated model, element by element from the fit's loadings and scores
    items = list(fit.data_.columns)
    load = fit.loadings_.set_index("rhs")
    r_scores = fit.scores_.corr()
    observed = fit.data_.corr().to_numpy()
    residuals = []
    for i, a in enumerate(items):
        for j, b in enumerate(items[: i + 1]):
            ca, cb = load.loc[a, "lhs"], load.loc[b, "lhs"]
            implied = (
                observed[i, j]
                if ca == cb
                else load.loc[a, "est"] * load.loc[b, "est"] * r_scores.loc[ca, cb]
            )
            residuals.append(observed[i, j] - implied)
    srmr = float(np.sqrt(np.mean(np.square(residuals))))
    assert tables["pls_fit"]["srmr"].iloc[0] == pytest.approx(srmr, abs=1e-12)
    assert reports["en"].numbers["pls"]["srmr"] == pytest.approx(srmr, abs=1e-12)


def test_settings_are_stated_and_reach_the_json(reports):
    rep = reports["en"]
    info = rep.numbers["pls"]["bootstrap"]
    assert info == {
        "B": B, "seed": SEED, "type": "percentile", "used": B, "level": 0.95,
        "sign_changes": "none",
    }  # fmt: skip
    assert any("50 resamples" in n and "seed 1" in n for n in rep.notes["pls"])
    doc = json.loads(rep.files["json"].read_text(encoding="utf-8"))
    names = {k for k in doc["tables"] if k.startswith("pls_")}
    assert set(_pls_apa.TABLES) <= names
    book = pd.read_excel(rep.files["xlsx"], sheet_name="pls_weights")
    assert book["vif"].notna().all()


def test_apa_views_and_notes_in_both_languages(ecsi, codebook):
    shown = {}
    for lang in ("en", "zh"):
        study = _study(ecsi, codebook, lang)
        _pls_section.build(study, cx.pls.fit(study.model, ecsi), B, SEED, False)
        tables = _pls_apa.apa_tables(study)
        assert [t[0] for t in tables] == _pls_apa.TABLES
        for name, title, view, note in tables:
            assert title and note.endswith("." if lang == "en" else "。"), name
            assert not view.isna().to_numpy().any(), name
            assert "nan" not in view.to_numpy().astype(str), name
        shown[lang] = study.shown
    en, zh = shown["en"], shown["zh"]
    paths = en["pls_paths"]
    assert list(paths.columns) == ["Structural path", "b", "SE", "t", "p", "95% CI", "f²", "VIF"]
    assert paths["p"].map(P_APA.match).all()
    assert paths["b"].str.match(r"^−?\.\d{3}$").all()  # no leading zero
    assert en["pls_loadings"]["Loading"].str.match(r"^\.\d{3}$").all()
    assert en["pls_loadings"]["95% CI"].str.match(r"^\[\.\d{3}, \.\d{3}\]$").all()
    assert zh["pls_loadings"]["题项内容"].iloc[0] == "该运营商言行可信"  # the codebook's label_zh
    assert en["pls_loadings"]["Wording"].iloc[0].startswith("It can be trusted")
    # the same numbers in both languages: every numeric cell, column by column
    for name in _pls_apa.TABLES:
        a, b = en[name], zh[name]
        assert a.shape == b.shape, name
        for j in range(a.shape[1]):
            left, right = a.iloc[:, j].tolist(), b.iloc[:, j].tolist()
            if all(re.fullmatch(r"[−\d.,\[\] <]+", str(v)) for v in left):
                assert left == right, (name, a.columns[j])


def test_zh_report_has_the_same_numbers(reports):
    en, zh = reports["en"].tables, reports["zh"].tables
    for name in _pls_apa.TABLES:
        pd.testing.assert_frame_equal(en[name], zh[name])
    assert any("随机种子 1" in n for n in reports["zh"].notes["pls"])


def test_bootstrap_zero_resamples_nothing(ecsi, codebook, tmp_path, monkeypatch):
    calls = []
    original = cx.pls.PLSFit.bootstrap

    def counted(self, *args, **kwargs):
        calls.append(args)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(cx.pls.PLSFit, "bootstrap", counted)
    rep = cx.report.report(
        ecsi, cx.models.ecsi(), tmp_path / "e.html", codebook=codebook, pls=True,
        bootstrap=0, seed=SEED,
    )  # fmt: skip
    assert calls == []
    assert rep.numbers["pls"]["bootstrap"] == {"B": 0, "seed": SEED, "type": "none"}
    for name in ("pls_paths", "pls_loadings", "pls_weights", "pls_htmt", "pls_effects"):
        assert not {"se", "t", "pvalue", "ci_low", "ci_high"} & set(rep.tables[name].columns)
    assert any("No bootstrap (bootstrap = 0)" in n for n in rep.notes["pls"])
    fit = rep.fits["pls"]
    _close(rep.tables["pls_paths"]["est"], fit.paths_["est"])
    study = _study(ecsi, codebook, "zh")
    _pls_section.build(study, fit, 0, SEED, False)
    assert calls == []
    assert "p" not in study.shown["pls_paths"].columns
    assert "未做自助法" in _pls_apa.note(study, "pls_paths")
    # with a bootstrap the same entry point is used once
    cx.report.report(
        ecsi, cx.models.ecsi(), tmp_path / "f.html", codebook=codebook, pls=True,
        bootstrap=20, seed=SEED,
    )  # fmt: skip
    assert len(calls) == 1 and calls[0] == (20,)


def test_negative_weight_means_no_index_and_says_so(ecsi, codebook):
    data = ecsi.copy()
    data["CUEX3"] = 11 - data["CUEX3"]  # reversed item left unrecoded: a negative weight
    study = _study(ecsi, codebook, "en", data=data)
    _pls_section.build(study, cx.pls.fit(study.model, data), 0, SEED, False)
    assert "pls_index" not in study.tables
    assert study.numbers["pls"]["all_weights_positive"] is False
    notes = " ".join(study.notes["pls"])
    assert "No 0–100 index" in notes and "CUEX3" in notes
    assert "No importance–performance map" in notes  # IPMA needs positive weights too


def test_word_tables_have_the_same_keys():
    assert set(_pls_apa._WORDS["en"]) == set(_pls_apa._WORDS["zh"])
