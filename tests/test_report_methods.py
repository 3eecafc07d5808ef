"""The study report's estimator, normality check, Methods / Results paragraphs, reviewers'
checklist and ``bootstrap=0`` (issue 23, items 3, 5 and 6)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

import cxlab as cx
from cxlab.errors import DataError
from cxlab.report import _methods

HS_MODEL = (
    "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\n"
    "textual ~ a*visual\nspeed ~ b*textual + visual\nind := a*b"
)
REF = json.loads((Path(__file__).parent / "reference" / "mardia.json").read_text())


@pytest.fixture(scope="module")
def hs() -> pd.DataFrame:
    return cx.datasets.load("holzinger_swineford")


@pytest.fixture(scope="module")
def retail() -> tuple[pd.DataFrame, pd.DataFrame]:
    return cx.datasets.load("retail_omnichannel"), cx.datasets.codebook("retail_omnichannel")


RETAIL_MODEL = (
    "CONS =~ cons1 + cons2 + cons3 + cons4\nTRUST =~ trust1 + trust2 + trust3\n"
    "SAT =~ sat1 + sat2 + sat3\nLI =~ li1 + li2 + li3 + li4r\n"
    "TRUST ~ a*CONS\nSAT ~ CONS + b*TRUST\nLI ~ c*SAT + TRUST\ntrust_via_sat := b*c"
)

#: every entry point of a resampling step the report pipeline can reach
DRAWS = [
    ("cxlab.sem._semfit.SEMFit", "bootstrap"),
    ("cxlab.sem._semfit.SEMFit", "monte_carlo_ci"),
    ("cxlab.sem.effects", "monte_carlo_ci"),
    ("cxlab.sem.bootstrap", "bootstrap"),
    ("cxlab.psychometrics.validity", "htmt_bootstrap"),
    ("cxlab.psychometrics.scales", "htmt_bootstrap"),
    ("cxlab.psychometrics.scales", "bootstrap_htmt"),
    ("cxlab.psychometrics.efa", "bootstrap_htmt"),
    ("cxlab.pls._model.PLSFit", "bootstrap"),
    ("cxlab.pls._boot", "bootstrap"),
]


def _count_draws(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Wrap every resampling entry point with a counter (the calls still run)."""
    import importlib

    calls: dict[str, int] = {}
    for where, name in DRAWS:
        module, _, cls = where.rpartition(".") if where.endswith(("SEMFit", "PLSFit")) else (
            where, "", ""
        )  # fmt: skip
        owner = getattr(importlib.import_module(module), cls) if cls else (
            importlib.import_module(module)
        )  # fmt: skip
        original = getattr(owner, name)
        key = f"{where}.{name}"
        calls[key] = 0

        def counted(*args: Any, _original: Any = original, _key: str = key, **kw: Any) -> Any:
            calls[_key] += 1
            return _original(*args, **kw)

        monkeypatch.setattr(owner, name, counted)
    return calls


def test_bootstrap_0_draws_nothing_anywhere(
    tmp_path: Path, retail: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, codebook = retail
    calls = _count_draws(monkeypatch)
    rep = cx.report.report(
        data, RETAIL_MODEL, tmp_path / "r.html", codebook=codebook, bootstrap=0, pls=True
    )
    assert sum(calls.values()) == 0, calls
    assert "ci_low" not in rep.tables["htmt"] and "n_boot" not in rep.tables["htmt"]
    assert rep.numbers["sem"]["resampling"] == {"method": "none"}
    assert rep.tables["effects"].attrs["ci"].endswith("delta method (Wald)")
    methods = rep.notes["methods_text"][0]
    assert "No resampling was done (bootstrap = 0)" in methods
    assert "delta-method (Wald) intervals" in methods and "HTMT is reported without" in methods
    # the one random step left is PLSpredict's fold assignment, and the text says so
    assert "(path weighting scheme; no bootstrap)" in methods
    assert "PLSpredict used 10-fold cross-validation" in methods
    # the positive control: the counters do see resampling when B > 0
    boot = cx.report.report(
        data, RETAIL_MODEL, tmp_path / "b.html", codebook=codebook, bootstrap=20, pls=True
    )
    assert calls["cxlab.sem._semfit.SEMFit.bootstrap"] == 1
    assert calls["cxlab.psychometrics.validity.htmt_bootstrap"] == 1
    assert calls["cxlab.pls._model.PLSFit.bootstrap"] == 1
    np.testing.assert_allclose(rep.tables["htmt"]["htmt"], boot.tables["htmt"]["htmt"])
    assert rep.tables["fornell_larcker"].equals(boot.tables["fornell_larcker"])


def test_mlr_numbers_equal_cx_sem_fit(tmp_path: Path, hs: pd.DataFrame) -> None:
    rep = cx.report.report(hs, HS_MODEL, tmp_path / "hs.html", bootstrap=0, estimator="mlr")
    direct = cx.sem.fit(HS_MODEL, hs, estimator="MLR")
    ml = cx.sem.fit(HS_MODEL, hs)
    f, shown = direct.fit_indices(), rep.numbers["sem"]["fit_indices"]
    for key in ("chisq_scaled", "pvalue_scaled", "chisq_scaling_factor", "cfi_robust",
                "tli_robust", "rmsea_robust"):  # fmt: skip
        assert shown[key] == pytest.approx(f[key], abs=1e-12), key
    table = rep.tables["sem_fit"].iloc[0]
    assert table["estimator"] == "MLR"
    assert table["chisq_scaled"] == pytest.approx(f["chisq_scaled"], abs=1e-12)
    est, ref = rep.tables["sem_estimates"], direct.estimates()
    np.testing.assert_allclose(est["se"], ref["se"], atol=1e-12, equal_nan=True)
    assert not np.allclose(est["se"].dropna(), ml.estimates()["se"].dropna())  # robust ≠ ML
    cfa = cx.sem.fit("\n".join(HS_MODEL.splitlines()[:3]), hs, estimator="MLR").fit_indices()
    assert rep.numbers["cfa"]["fit_indices"]["chisq_scaled"] == pytest.approx(
        cfa["chisq_scaled"], abs=1e-12
    )
    finding = next(x.text for x in rep.findings if x.section == "sem" and "χ²" in x.text)
    assert f"Yuan–Bentler scaled χ²({f['df']:.0f}) = {f['chisq_scaled']:.2f}" in finding
    results = rep.notes["results_text"][0]
    assert f"scaled χ²({f['df']:.0f}) = {f['chisq_scaled']:.2f}" in results


def test_mardia_in_the_report_equals_psych(tmp_path: Path, hs: pd.DataFrame) -> None:
    model = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"
    rep = cx.report.report(hs, model, tmp_path / "hs.html", bootstrap=0)
    ref, norm = REF["holzinger_swineford"], rep.numbers["normality"]
    for ours, theirs in [("b1p", "b1p"), ("b2p", "b2p"), ("skew", "skew"),
                         ("kurtosis", "kurtosis"), ("p_kurtosis", "p_kurt")]:  # fmt: skip
        assert norm[ours] == pytest.approx(ref[theirs], abs=1e-8), ours
    assert norm["p_skew"] == pytest.approx(ref["p_skew"], rel=1e-6)
    table = rep.tables["normality"]
    assert table["statistic"].tolist() == pytest.approx([ref["skew"], ref["kurtosis"]], abs=1e-8)
    desc = rep.tables["descriptives"]
    np.testing.assert_allclose(desc["skew"], ref["describe"]["type3"]["skew"], atol=1e-8)
    np.testing.assert_allclose(desc["kurtosis"], ref["describe"]["type3"]["kurtosis"], atol=1e-8)
    methods = rep.notes["methods_text"][0]
    assert f"b2p = {ref['b2p']:.2f} (z = {ref['kurtosis']:.2f}, p = .016)" in methods
    assert "departed from multivariate normality" in methods
    assert "nevertheless estimated by normal-theory maximum likelihood" in methods
    assert "MLR" in methods  # the alternative is named


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_methods_text_states_what_was_done(tmp_path: Path, hs: pd.DataFrame, lang: str) -> None:
    rep = cx.report.report(
        hs, HS_MODEL, tmp_path / f"m_{lang}.html", bootstrap=20, seed=7, estimator="MLR",
        lang=lang,
    )  # fmt: skip
    doc = json.loads(rep.files["json"].read_text(encoding="utf-8"))
    text = rep.notes["methods_text"][0]
    assert doc["notes"]["methods_text"] == [text]
    for name in ("cxlab", "python", "numpy", "scipy", "pandas"):
        assert doc["versions"][name] in text, name
    assert "MLR" in text and "Yuan–Bentler" in text
    if lang == "en":
        assert "20 resamples, 20 used" in text  # B and the draws used
        assert "200 resamples of respondents" in text  # HTMT's own B
        assert "seed 7" in text
        assert "All 301 respondents answered every model variable" in text
    else:
        assert "20 次，实际使用 20 次" in text and "重抽样 200 次" in text
        assert "随机种子均为 7" in text
        assert "全部 301 名受访者都回答了所有模型变量" in text
        assert "Missing" not in text and "resamples" not in text  # Chinese throughout
    assert rep.tables["jars_checklist"]["status"].tolist() == [
        "done", "done", "done", "done", "done", "not applicable", "not done", "done"
    ]  # fmt: skip
    if lang == "zh":
        shown = rep.tables["jars_checklist"]  # the files stay English
        assert shown["item"].iloc[0].startswith("Model specification")


def test_missing_data_methods_are_named(tmp_path: Path, hs: pd.DataFrame) -> None:
    gaps = hs.copy()
    gaps.loc[gaps.index[::10], "x5"] = np.nan
    listwise = cx.report.report(gaps, HS_MODEL, tmp_path / "l.html", bootstrap=0)
    text = listwise.notes["methods_text"][0]
    n_used = int(listwise.numbers["sem"]["fit_indices"]["n"])
    assert f"listwise deletion: {n_used} of 301 respondents" in text
    fiml = cx.report.report(gaps, HS_MODEL, tmp_path / "f.html", bootstrap=0, missing="fiml")
    text = fiml.notes["methods_text"][0]
    assert "full-information maximum likelihood (FIML" in text and "all 301" in text
    assert "observed information" in text


def test_wlsmv_passes_the_indicators_as_ordered(tmp_path: Path, retail: Any) -> None:
    from cxlab.survey import Survey

    data, codebook = retail
    rep = cx.report.report(
        data, RETAIL_MODEL, tmp_path / "w.html", codebook=codebook, bootstrap=20,
        estimator="WLSMV",
    )  # fmt: skip
    frame = Survey(data, codebook, id_column="customer_id").reverse_code().data
    items = [v for line in RETAIL_MODEL.splitlines() if "=~" in line
             for v in line.split("=~")[1].replace("+", " ").split()]  # fmt: skip
    direct = cx.sem.fit(RETAIL_MODEL, frame, ordered=items)
    shown = rep.numbers["sem"]["fit_indices"]
    assert rep.fits["sem"].meta["estimator"] == "WLSMV"
    assert shown["chisq_scaled"] == pytest.approx(direct.fit_indices()["chisq_scaled"], abs=1e-9)
    assert "sem_bootstrap" not in rep.tables  # cx.sem does not bootstrap WLSMV fits
    text = rep.notes["methods_text"][0]
    assert "WLSMV" in text and "delta-method confidence intervals from the robust" in text


def test_estimators_cx_sem_refuses_are_refused_clearly(tmp_path: Path, hs: pd.DataFrame) -> None:
    with pytest.raises(DataError, match="WLSMV cannot be combined with --missing fiml"):
        cx.report.report(hs, HS_MODEL, tmp_path / "a.html", estimator="WLSMV", missing="fiml")
    with pytest.raises(DataError, match="estimator must be one of ML, MLR, WLSMV"):
        cx.report.report(hs, HS_MODEL, tmp_path / "b.html", estimator="GLS")
    with pytest.raises(DataError, match="has none"):
        cx.report.report(hs, "x1 ~ x2 + x3", tmp_path / "c.html", estimator="WLSMV")
    assert not list(tmp_path.iterdir())  # nothing written


def test_cli_estimator(tmp_path: Path, hs: pd.DataFrame) -> None:
    from cxlab.cli import build_parser
    from cxlab.report import run_cli

    hs.to_csv(tmp_path / "hs.csv", index=False)
    (tmp_path / "hs.lav").write_text(HS_MODEL)
    args = build_parser().parse_args(
        ["report", str(tmp_path / "hs.csv"), "--model", str(tmp_path / "hs.lav"), "--out",
         str(tmp_path / "hs.html"), "--bootstrap", "0", "--estimator", "mlr", "--quiet"]
    )  # fmt: skip
    assert args.estimator == "MLR"
    assert run_cli(args) == 0
    doc = json.loads((tmp_path / "hs.json").read_text(encoding="utf-8"))
    assert doc["settings"]["estimator"] == "MLR"
    assert "chisq_scaled" in doc["numbers"]["sem"]["fit_indices"]


def test_apa_number_style() -> None:
    assert _methods.apa_p(0.0004) == "< .001" and _methods.apa_p(0.05) == "= .050"
    assert _methods.nz(0.5) == ".50" and _methods.nz(-0.004, 2) == ".00"
