"""Never lose a file (issue 16, part B): `cxlab report`, `Survey.export` and `cxlab start`
never write onto an input file, clear only what cxlab wrote, and turn bad inputs, failed
fits, unreadable files, read-only folders and Ctrl-C into one clear line."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd
import pytest

import cxlab as cx
from cxlab import _files
from cxlab.cli import main
from cxlab.io import read_survey
from cxlab.report import _html as report_html

MODEL = "ind60 =~ x1 + x2 + x3\ndem60 =~ y1 + y2 + y3 + y4\ndem60 ~ ind60\n"
CFA = "ind60 =~ x1 + x2 + x3\n"


@pytest.fixture
def pd_csv(tmp_path) -> Path:
    """political_democracy as a CSV file."""
    path = tmp_path / "pd.csv"
    cx.datasets.load("political_democracy").to_csv(path, index=False)
    return path


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    cap = capsys.readouterr()
    return code, cap.out, cap.err


def _one_paragraph(err: str) -> None:
    assert err.count("\n") == 1 and "Traceback" not in err, err


def _hidden(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob(".*") if p.name != _files.MARKER]


# -- 1. an output never overwrites an input -----------------------------------------------
def test_report_refuses_to_overwrite_the_xlsx_data_file(tmp_path, capsys):
    data = tmp_path / "survey.xlsx"
    cx.datasets.load("political_democracy").to_excel(data, index=False)
    before = data.read_bytes()
    (tmp_path / "m.lav").write_text(MODEL, encoding="utf-8")
    code, _, err = _run(
        capsys, "report", data, "--model", tmp_path / "m.lav", "--out", tmp_path / "survey.html",
        "--bootstrap", "0",
    )  # fmt: skip
    assert code == 1
    _one_paragraph(err)
    assert "Refusing to overwrite the data file" in err and str(data) in err
    assert "--out" in err
    assert data.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.lav", "survey.xlsx"]


def test_report_refuses_to_overwrite_the_xlsx_codebook(tmp_path, pd_csv, capsys):
    codebook = tmp_path / "r.xlsx"
    names = list(cx.datasets.load("political_democracy").columns)
    pd.DataFrame({"name": names, "label_en": names}).to_excel(codebook, index=False)
    before = codebook.read_bytes()
    (tmp_path / "m.lav").write_text(MODEL, encoding="utf-8")
    code, _, err = _run(
        capsys, "report", pd_csv, "--model", tmp_path / "m.lav", "--codebook", codebook,
        "--out", tmp_path / "r.html", "--bootstrap", "0",
    )  # fmt: skip
    assert code == 1
    _one_paragraph(err)
    assert "Refusing to overwrite the codebook" in err and str(codebook) in err
    assert codebook.read_bytes() == before
    assert not (tmp_path / "r.html").exists() and not (tmp_path / "r_tables").exists()


def test_report_refuses_to_overwrite_a_json_model_file(tmp_path, pd_csv, capsys):
    model = tmp_path / "study.json"
    model.write_text(MODEL, encoding="utf-8")
    before = model.read_bytes()
    code, _, err = _run(
        capsys, "report", pd_csv, "--model", model, "--out", tmp_path / "study.html",
        "--bootstrap", "0",
    )  # fmt: skip
    assert code == 1
    _one_paragraph(err)
    assert "Refusing to overwrite the model file" in err and str(model) in err
    assert model.read_bytes() == before
    assert not (tmp_path / "study.html").exists()


# -- 2. the tables folder: only what cxlab wrote is deleted --------------------------------
def test_data_file_inside_the_tables_folder_is_never_deleted(tmp_path, pd_csv, capsys):
    out = tmp_path / "r.html"
    data = cx.datasets.load("political_democracy")
    first = cx.report.report(data, MODEL, out, bootstrap=0)
    folder = tmp_path / "r_tables"
    listed = [
        line.split("  ")[1]
        for line in (folder / _files.MARKER).read_text(encoding="utf-8").splitlines()
    ]
    assert listed == sorted(f"{name}.csv" for name in first.tables)
    assert "sem_fit.csv" in listed
    # a re-run with another model deletes the previous tables it listed, nothing else
    second = cx.report.report(data, CFA, out, bootstrap=0)
    assert not (folder / "sem_fit.csv").exists()
    assert {p.name for p in folder.glob("*.csv")} == {f"{n}.csv" for n in second.tables}
    # the survey file moved into the tables folder: kept untouched, the report still written
    inside = folder / "survey.csv"
    shutil.copy(pd_csv, inside)
    before = inside.read_bytes()
    (tmp_path / "m.lav").write_text(CFA, encoding="utf-8")
    code, _, err = _run(
        capsys, "report", inside, "--model", tmp_path / "m.lav", "--out", out, "--bootstrap", "0"
    )
    assert code == 0, err
    assert inside.read_bytes() == before
    assert "  survey.csv" not in (folder / _files.MARKER).read_text(encoding="utf-8")
    # a table name taken by a file cxlab did not write: refused, the file kept
    (folder / "cfa_fit.csv").unlink()
    (folder / "cfa_fit.csv").write_bytes(before)
    code, _, err = _run(
        capsys, "report", inside, "--model", tmp_path / "m.lav", "--out", out, "--bootstrap", "0"
    )
    assert code == 1
    _one_paragraph(err)
    assert str(folder) in err and "cfa_fit.csv" in err
    assert (folder / "cfa_fit.csv").read_bytes() == before
    # a folder cxlab did not make (no marker), holding only the data CSV: refused too
    other = tmp_path / "s_tables"
    other.mkdir()
    shutil.copy(pd_csv, other / "pd.csv")
    code, _, err = _run(
        capsys, "report", other / "pd.csv", "--model", tmp_path / "m.lav",
        "--out", tmp_path / "s.html", "--bootstrap", "0",
    )  # fmt: skip
    assert code == 1
    _one_paragraph(err)
    assert str(other) in err and "did not make it" in err
    assert (other / "pd.csv").read_bytes() == pd_csv.read_bytes()
    assert not _hidden(tmp_path)


# -- 3. Survey.export never writes onto its sources ----------------------------------------
def test_export_refuses_the_codebook_the_survey_was_read_with(tmp_path, pd_csv):
    codebook = tmp_path / "cb.csv"
    names = list(cx.datasets.load("political_democracy").columns)
    pd.DataFrame({"name": names, "label_en": names}).to_csv(codebook, index=False)
    before = codebook.read_bytes()
    survey = read_survey(pd_csv, codebook)
    # read_survey (cxlab/io.py) records meta["codebook_file"]; setdefault keeps this test
    # about export alone should that line be missing
    survey.meta.setdefault("codebook_file", str(codebook))
    with pytest.raises(cx.errors.DataError, match="Refusing to overwrite") as err:
        survey.export(tmp_path / "sub" / ".." / "cb.csv")
    assert str(codebook) in str(err.value) and "choose another path" in str(err.value)
    assert codebook.read_bytes() == before
    assert survey.export(tmp_path / "copy.csv").is_file()  # another path is fine


def test_export_through_a_hard_link_does_not_overwrite_the_source(tmp_path, pd_csv):
    alias = tmp_path / "alias.csv"
    os.link(pd_csv, alias)
    before = pd_csv.read_bytes()
    survey = read_survey(pd_csv)
    with pytest.raises(cx.errors.DataError, match="Refusing to overwrite") as err:
        survey.export(alias)
    assert str(pd_csv) in str(err.value) and str(alias) in str(err.value)
    assert "link" in str(err.value)
    (tmp_path / "symlink.csv").symlink_to(pd_csv)
    with pytest.raises(cx.errors.DataError, match="Refusing to overwrite"):
        survey.export(tmp_path / "symlink.csv")
    assert pd_csv.read_bytes() == before


# -- 4. the CLI: one paragraph and an exit code, never a traceback --------------------------
def test_empty_or_comment_only_model_file_is_one_paragraph(tmp_path, pd_csv, capsys):
    for name, text in [("empty.lav", ""), ("comments.lav", "# SAT =~ s1 + s2\n! nothing\n\n")]:
        model = tmp_path / name
        model.write_text(text, encoding="utf-8")
        out = tmp_path / "out" / "r.html"
        code, _, err = _run(capsys, "report", pd_csv, "--model", model, "--out", out)
        assert code == 1, err
        _one_paragraph(err)
        assert err.startswith("cxlab report: error: ") and str(model) in err
        assert "KeyError" not in err and "lavaan syntax" in err
        assert not out.parent.exists()
    assert not _hidden(tmp_path)


def test_diverging_model_is_a_not_reportable_finding(tmp_path, pd_csv, capsys):
    model = tmp_path / "div.lav"
    model.write_text(
        "f =~ x1 + x2 + x3\nf2 =~ y1 + y2 + y3\nf ~~ 1*f2\nf ~~ 0.01*f\nf2 ~~ 0.01*f2\n",
        encoding="utf-8",
    )
    out = tmp_path / "div.html"
    code, _, err = _run(
        capsys, "report", pd_csv, "--model", model, "--out", out, "--bootstrap", "0"
    )
    assert code == 0, err
    assert "Traceback" not in err and "not admissible" in err
    doc = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    problems = [f for f in doc["findings"] if f["level"] == "problem"]
    assert problems and problems[0]["section"] == "cfa"
    assert "cannot be reported" in problems[0]["text"]
    assert doc["numbers"]["cfa"]["admissible"] is False
    assert "fit_indices" not in doc["numbers"]["cfa"]
    assert "not reportable" in out.read_text(encoding="utf-8")
    assert "cfa_loadings" not in doc["tables"]


def test_unreadable_input_is_a_read_error_not_a_write_error(tmp_path, pd_csv, capsys, monkeypatch):
    (tmp_path / "m.lav").write_text(MODEL, encoding="utf-8")
    real = Path.read_bytes

    def locked(self: Path) -> bytes:  # chmod 000 does not stop root: simulate it
        if self.name == "pd.csv":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", locked)
    out = tmp_path / "out" / "r.html"
    code, _, err = _run(capsys, "report", pd_csv, "--model", tmp_path / "m.lav", "--out", out)
    assert code == 1
    _one_paragraph(err)
    assert "Cannot read the input file" in err and str(pd_csv) in err
    assert "Permission denied" in err and "cannot write" not in err.lower()
    assert not out.parent.exists()


def test_start_into_a_read_only_folder_is_one_line(tmp_path, capsys, monkeypatch):
    ws = tmp_path / "ws"
    ws.mkdir()
    ws.chmod(0o555)
    real = tempfile.mkstemp

    def read_only(*args, **kwargs):  # root can write anyway: simulate the refusal
        where = Path(kwargs.get("dir") or ".")
        if ws in (where, *where.parents):
            raise PermissionError(13, "Permission denied", str(where))
        return real(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    try:
        code, _, err = _run(capsys, "start", ws)
    finally:
        ws.chmod(0o755)
    assert code == 1
    _one_paragraph(err)
    assert f"Cannot write the workspace folder {ws}" in err and "Permission denied" in err
    assert not [p for p in ws.rglob("*") if p.is_file()]


def test_ctrl_c_exits_130_with_one_line_and_no_partial_files(tmp_path, pd_csv, capsys, monkeypatch):
    (tmp_path / "m.lav").write_text(MODEL, encoding="utf-8")

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    # during the writing of the report: the staged files are removed, nothing is written
    monkeypatch.setattr(report_html, "xlsx_bytes", interrupt)
    out = tmp_path / "r.html"
    code, _, err = _run(
        capsys, "report", pd_csv, "--model", tmp_path / "m.lav", "--out", out, "--bootstrap", "0"
    )
    assert code == 130
    assert err == "cxlab: interrupted; nothing was written.\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.lav", "pd.csv"]
    # during `cxlab start`: the files copied before are whole, no partial file is left
    calls = []
    real = shutil.copy2

    def copy_then_interrupt(src, dst, *args, **kwargs):
        calls.append(src)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(shutil, "copy2", copy_then_interrupt)
    ws = tmp_path / "ws"
    code, _, err = _run(capsys, "start", ws)
    assert code == 130
    assert err.startswith("cxlab: interrupted; 2 file(s) had been written whole")
    assert err.count("\n") == 1
    files = [p for p in ws.rglob("*") if p.is_file()]
    assert len(files) == 2 and not [p for p in files if p.name.startswith(".")]
