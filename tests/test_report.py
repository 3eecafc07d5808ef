"""`cxlab report`: a survey file and a lavaan model → HTML report whose numbers are those of
cx.sem.fit; input errors stop it with one paragraph and no files; inadmissible fits are
findings, not estimates."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import cxlab as cx
from cxlab.cli import main

TRUTH = """
QUAL =~ 0.8*q1 + 0.75*q2 + 0.7*q3
SAT  =~ 0.85*s1 + 0.8*s2 + 0.75*s3
LOY  =~ 0.8*l1 + 0.75*l2 + 0.7*l3
SAT ~ 0.5*QUAL
LOY ~ 0.45*SAT + 0.15*QUAL
"""
MODEL = """# quality → satisfaction → loyalty
QUAL =~ q1 + q2 + q3
SAT  =~ s1 + s2 + s3
LOY  =~ l1 + l2 + l3
SAT ~ a*QUAL
LOY ~ b*SAT + QUAL
ind := a*b
"""


def _exe() -> str:
    exe = Path(sys.executable).with_name("cxlab")
    found = str(exe) if exe.exists() else shutil.which("cxlab")
    assert found, "the cxlab console script is not installed"
    return found


@pytest.fixture(scope="module")
def study(tmp_path_factory) -> Path:
    """A raw CSV export (7-point items, an id, a segment) and a .lav model file."""
    folder = tmp_path_factory.mktemp("study")
    data = cx.simulate.simulate(TRUTH, n=300, seed=13, likert=7).data
    data.insert(0, "respondent_id", [f"R{i:04d}" for i in range(1, 301)])
    data["segment"] = np.where(np.arange(300) % 2 == 0, "business", "leisure")
    data.to_csv(folder / "survey.csv", index=False, encoding="utf-8-sig")
    (folder / "model.lav").write_text(MODEL, encoding="utf-8")
    return folder


def test_cli_report_matches_sem_fit(study, tmp_path):
    out = tmp_path / "out" / "report.html"
    run = subprocess.run(
        [_exe(), "report", str(study / "survey.csv"), "--model", str(study / "model.lav"),
         "--bootstrap", "30", "--seed", "3", "--out", str(out)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "Report written" in run.stdout
    assert {p.name for p in out.parent.iterdir()} == {
        "report.html", "report.json", "report.xlsx", "report_tables"
    }  # fmt: skip
    data = pd.read_csv(study / "survey.csv", encoding="utf-8-sig")
    expected = cx.sem.fit(MODEL, data).fit_indices()
    doc = json.loads((out.parent / "report.json").read_text(encoding="utf-8"))
    got = pd.Series(doc["numbers"]["sem"]["fit_indices"])
    for key in ("chisq", "df", "pvalue", "cfi", "tli", "rmsea", "srmr", "aic", "bic"):
        assert got[key] == pytest.approx(expected[key], rel=1e-12, abs=1e-12), key
    page = out.read_text(encoding="utf-8")
    for key in ("chisq", "cfi", "tli", "rmsea", "srmr"):
        assert f"<td>{expected[key]:.3f}</td>" in page, key
    assert doc["cxlab_version"] == cx.__version__ and doc["settings"]["seed"] == 3
    raw = (study / "survey.csv").read_bytes()
    assert doc["input"]["data_sha256"] == __import__("hashlib").sha256(raw).hexdigest()
    # self-contained: figures inline, no scripts, no external files
    assert page.count('src="data:image/svg+xml;base64,') == 1
    assert "<script" not in page and not re.search(r"""(src|href)=["']https?:""", page)
    # every table as CSV and as a sheet of the workbook; estimates equal cx.sem.fit's
    est = pd.read_csv(out.parent / "report_tables" / "sem_estimates.csv", encoding="utf-8-sig")
    ref = cx.sem.fit(MODEL, data).estimates()
    assert est["est"].to_numpy() == pytest.approx(ref["est"].to_numpy(), rel=1e-9)
    sheets = pd.read_excel(out.parent / "report.xlsx", sheet_name=None)
    assert set(sheets) == {p.stem for p in (out.parent / "report_tables").glob("*.csv")}
    assert doc["numbers"]["sem"]["effects_ci"] == "95% bootstrap percentile"


@pytest.mark.parametrize(
    ("problem", "words"),
    [
        ("unknown column", ["model_bad.lav", "'s_2'", "Did you mean"]),
        ("text in a Likert column", ["s2", "not numbers", "'very good'", "R0005"]),
        ("wrong encoding", ["not text in any encoding", "GB18030"]),
        ("value outside the scale", ["l3", "outside the scale 1–7", "R0002"]),
    ],
)
def test_input_errors_exit_nonzero_with_one_paragraph_and_no_files(
    problem, words, study, tmp_path, capsys
):
    data, model, extra = study / "survey.csv", study / "model.lav", []
    frame = pd.read_csv(data, encoding="utf-8-sig")
    if problem == "unknown column":
        model = tmp_path / "model_bad.lav"
        model.write_text(MODEL.replace("s1 + s2", "s1 + s_2"), encoding="utf-8")
    elif problem == "text in a Likert column":
        frame["s2"] = frame["s2"].astype(object)
        frame.loc[4, "s2"] = "very good"
        data = tmp_path / "text.csv"
        frame.to_csv(data, index=False)
    elif problem == "wrong encoding":
        data = tmp_path / "latin.csv"
        text = frame.to_csv(index=False).replace("leisure", "Freizeit – für €")
        data.write_bytes(text.encode("cp1252"))
    else:
        frame.loc[1, "l3"] = 9
        data = tmp_path / "range.csv"
        frame.to_csv(data, index=False)
        codebook = tmp_path / "codebook.csv"
        items = [c for c in frame.columns if c[0] in "qsl" and c[1:].isdigit()]
        pd.DataFrame({"name": items, "scale_min": 1, "scale_max": 7}).to_csv(codebook)
        extra = ["--codebook", str(codebook)]
    out = tmp_path / "out" / "report.html"
    code = main(["report", str(data), "--model", str(model), "--out", str(out), *extra])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("cxlab report: error: ") and err.count("\n") == 1, err
    for word in words:
        assert word in err, (word, err)
    assert not out.parent.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_console_script_exit_code_on_error(study, tmp_path):
    run = subprocess.run(
        [_exe(), "report", str(study / "survey.csv"), "--model", str(tmp_path / "none.lav"),
         "--out", str(tmp_path / "r.html")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode == 1
    assert "Model file not found" in run.stderr
    assert not (tmp_path / "r.html").exists()


def test_inadmissible_fit_is_a_finding_not_estimates(tmp_path):
    ecsi = cx.datasets.load("ecsi_mobile")
    rep = cx.report.report(ecsi, cx.models.ecsi(), tmp_path / "ecsi.html", bootstrap=0, pls=True)
    assert not rep.admissible
    sem_problem = [f for f in rep.findings if f.level == "problem" and f.section == "sem"]
    assert sem_problem and "cannot be reported" in sem_problem[0].text
    assert "sem_estimates" not in rep.tables and "effects" not in rep.tables
    assert not rep.tables["sem_diagnostics"]["ok"].all()
    assert "pls_paths" in rep.tables  # PLS-PM estimates the index model
    page = rep.path.read_text(encoding="utf-8")
    assert "Not reportable." in page
    doc = json.loads(rep.files["json"].read_text(encoding="utf-8"))
    assert doc["numbers"]["sem"]["admissible"] is False
    with pytest.raises(cx.errors.DataError, match="not reportable"):
        rep.fit_indices("sem")


def test_codebook_group_pls_and_escaped_exports(tmp_path):
    retail = cx.datasets.load("retail_omnichannel").head(700).copy()
    retail["customer_id"] = "=ID" + retail["customer_id"].astype(str)
    model = """
    CONS  =~ cons1 + cons2 + cons3 + cons4
    TRUST =~ trust1 + trust2 + trust3
    LI    =~ li1 + li2 + li3 + li4r
    TRUST ~ CONS
    LI    ~ TRUST + CONS
    """
    rep = cx.report.report(
        retail, model, tmp_path / "retail.html",
        codebook=cx.datasets.codebook("retail_omnichannel"), id_column="customer_id",
        group="member", pls=True, bootstrap=20, seed=1,
    )  # fmt: skip
    assert rep.admissible
    rel = rep.tables["reliability"].set_index("scale")
    assert rel.loc["LI", "alpha"] > 0.7  # li4r was reverse-coded from the codebook
    assert set(rep.tables["invariance"]["level"]) == {"configural", "metric", "scalar", "strict"}
    assert rep.numbers["invariance"]["highest_level"] in ("metric", "scalar", "strict")
    assert len(rep.tables["pls_paths"]) == 3
    flagged = pd.read_csv(rep.files["csv"] / "careless_flagged.csv", encoding="utf-8-sig")
    assert len(flagged) and flagged["customer_id"].str.startswith("'=ID").all()
    book = pd.read_excel(rep.files["xlsx"], sheet_name="careless_flagged")
    assert book["customer_id"].str.startswith("'=ID").all()
    assert any("li4r" in note for note in rep.notes["data"])


def test_existing_report_is_replaced_but_foreign_folders_are_kept(study, tmp_path):
    data = pd.read_csv(study / "survey.csv", encoding="utf-8-sig")
    cfa = "QUAL =~ q1 + q2 + q3\nSAT =~ s1 + s2 + s3"
    out = tmp_path / "r.html"
    cx.report.report(data, cfa + "\nSAT ~ QUAL", out, bootstrap=0)
    assert (tmp_path / "r_tables" / "sem_fit.csv").exists()
    (tmp_path / "r_tables" / "notes.txt").write_text("mine")  # the user's own file
    rep = cx.report.report(data, cfa, out, bootstrap=0)
    assert not (tmp_path / "r_tables" / "sem_fit.csv").exists()  # a table of the old report
    assert "sem_fit" not in rep.tables and "cfa_fit" in rep.tables
    assert (tmp_path / "r_tables" / "notes.txt").read_text() == "mine"
    (tmp_path / "r_tables" / "cfa_fit.csv").unlink()
    (tmp_path / "r_tables" / "cfa_fit.csv").write_text("mine too")  # not cxlab's any more
    (tmp_path / "r_tables" / ".cxlab-tables").write_text("")
    with pytest.raises(cx.errors.DataError, match="did not write"):
        cx.report.report(data, cfa, out, bootstrap=0)
    assert (tmp_path / "r_tables" / "cfa_fit.csv").read_text() == "mine too"


def test_fiml_uses_every_respondent_and_monte_carlo_intervals(study, tmp_path):
    data = pd.read_csv(study / "survey.csv", encoding="utf-8-sig")
    data.loc[data.index % 7 == 0, "s3"] = np.nan
    rep = cx.report.report(data, MODEL, tmp_path / "f.html", missing="fiml", bootstrap=20)
    assert rep.fit_indices()["n"] == 300
    assert rep.numbers["sem"]["effects_ci"] == "95% Monte-Carlo percentile"


def test_study_report_and_survey_reports_follow_the_result_convention():
    from pathlib import Path

    import pandas as pd

    from cxlab.report import Finding, StudyReport
    from cxlab.survey import Survey

    rep = StudyReport(Path("r.html"), {}, {}, {}, [Finding("ok", "cfa", "Fits.")])
    assert list(rep.to_frame().columns) == ["level", "section", "text"]
    assert "<table" in rep._repr_html_()
    miss = Survey(pd.DataFrame({"q1": [1, None], "q2": [1, 2]})).missing_report()
    assert miss.summary().startswith("MissingReport: 25.0%")
    with pytest.warns(DeprecationWarning, match="totals"):
        assert miss.summary["missing_share"] == miss.totals["missing_share"] == 0.25
    assert miss.to_frame() is miss.by_item and "<table" in miss._repr_html_()
    check = Survey(pd.DataFrame({"q1": [1]})).validate()
    assert check.summary() == repr(check) and check.to_frame() is check.problems
