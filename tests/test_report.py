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
        "report.html", "report.json", "report.xlsx", "report_tables", "report.docx",
        "report_diagram.svg", "report_diagram.png",  # issue 23: Word tables, diagram files
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
    # no admissible measurement model: ω, CR and AVE stay those of one-factor CFAs, and
    # the note says so (issue 20, item 5)
    assert rep.numbers["reliability"]["source"] == "one_factor"
    assert "separate one-factor CFA of each construct" in " ".join(page.split())
    assert "fornell_larcker" not in rep.tables
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


# -- the report in Chinese (issue 18, item 5) --------------------------------------------
HOTEL_MODEL = """
EDU =~ edu1 + edu2 + edu3
EST =~ est1 + est2 + est3
ESC =~ esc1 + esc2 + esc3r
MEM =~ mem1 + mem2 + mem3
LOY =~ loy1 + loy2 + loy3
MEM ~ a*EDU + b*EST + ESC
LOY ~ c*MEM
ind := a*c
"""


@pytest.fixture(scope="module")
def hotel_reports(tmp_path_factory) -> dict[str, cx.report.StudyReport]:
    """The same 4E study (hotel_4e with its codebook) reported in English and in Chinese."""
    data, book = cx.datasets.load("hotel_4e"), cx.datasets.codebook("hotel_4e")
    reports = {}
    for lang in ("en", "zh"):
        out = tmp_path_factory.mktemp(f"hotel_{lang}") / "hotel.html"
        reports[lang] = cx.report.report(
            data, HOTEL_MODEL, out, codebook=book, bootstrap=0, lang=lang
        )
    return reports


def _visible_text(page: str) -> str:
    """The text a reader sees: no style sheet, no embedded figure, no tags."""
    import html as html_

    page = re.sub(r"<style>.*?</style>", " ", page, flags=re.S)
    page = re.sub(r"<img[^>]*>", " ", page)
    return html_.unescape(re.sub(r"<[^>]+>", " ", page))


def _cjk_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum("\u3400" <= c <= "\u9fff" for c in letters) / len(letters)


def test_chinese_report_shows_codebook_labels_headings_and_table_conventions(hotel_reports):
    rep = hotel_reports["zh"]
    page = rep.path.read_text(encoding="utf-8")
    text = _visible_text(page)
    assert "<html lang='zh-CN'>" in page
    assert _cjk_share(text) >= 0.5, _cjk_share(text)
    # item wording (label_zh without its scale anchor) next to the column name
    assert "edu2 入住期间我学到了很多" in " ".join(text.split())
    assert "1 = 非常不同意" not in text
    # construct_zh with the model's name in brackets, in tables and in findings
    assert "教育体验（EDU）" in text and "忠诚意向（LOY）" in text
    assert any("教育体验（EDU）经由记忆（MEM）对忠诚意向（LOY）的间接效应" in f.text
               for f in rep.findings)  # fmt: skip
    headings = ["主要发现", "4. 测量模型（验证性因子分析，CFA）", "5. 区分效度",
                "7. 直接效应、间接效应与总效应", "研究方法（论文初稿）", "可重复性"]  # fmt: skip
    for heading in headings:
        assert f"<h2>{heading}</h2>" in page, heading
    assert "本研究使用 cxlab" in text and "平均方差抽取量（AVE）" in text
    # every finding is Chinese; numbers keep their form
    assert all(re.search("[\u4e00-\u9fff]", f.text) for f in rep.findings)
    fit_line = next(f.text for f in rep.findings if f.section == "sem")
    assert fit_line.startswith("结构模型：χ²(") and "CFI = " in fit_line
    # 表题 above each table, numbered in order; 注 below; three-line style
    titles = re.findall(r"<h3>表 (\d+) ([^<]+)</h3>", page)
    assert [int(n) for n, _ in titles] == list(range(1, len(titles) + 1))
    assert ("6", "各构念的信度与收敛效度") in titles  # after the normality table (issue 23)
    notes = re.findall(r"<p class='tabnote'>(注：[^<]+)</p>", page)
    assert any("N = 600" in n and "最大似然" in n for n in notes)
    apa_note = next(n for n in notes if "*p &lt; .05" in n)
    assert "**p &lt; .01，***p &lt; .001。" in apa_note
    assert re.search(r"<td>\.\d\d\*\*\*</td>", page)  # β marked with asterisks
    assert "border-top:2px solid" in page and "border-bottom:2px solid" in page
    assert "<h3>表 1 样本</h3>" in page and "图 1 路径图" in text


def test_english_report_shows_label_en_and_keeps_the_models_names(hotel_reports):
    rep = hotel_reports["en"]
    page = rep.path.read_text(encoding="utf-8")
    text = " ".join(_visible_text(page).split())
    assert "<html lang='en'>" in page
    assert "edu2 I learned a lot during my stay" in text
    assert "入住" not in text and "教育体验" not in text
    assert "Table 1. Sample" in text and "Note. N = 600" in text
    assert "*p < .05, **p < .01, ***p < .001." in text
    # issue 23: the codebook's construct labels in the findings too, the model's name in brackets
    assert any(f.text.startswith("The indirect effect of Education (EDU) on Loyalty intention "
                                 "(LOY) through Memory (MEM) is")
               for f in rep.findings)  # fmt: skip


def test_both_languages_report_the_same_numbers_and_tables(hotel_reports):
    docs = {
        lang: json.loads(rep.files["json"].read_text(encoding="utf-8"))
        for lang, rep in hotel_reports.items()
    }
    assert docs["en"]["numbers"] == docs["zh"]["numbers"]
    assert docs["en"]["tables"] == docs["zh"]["tables"]  # English names, same cells
    assert set(docs["en"]) == set(docs["zh"])  # the JSON's keys stay English
    assert (docs["en"]["settings"]["lang"], docs["zh"]["settings"]["lang"]) == ("en", "zh")
    shape = {lang: [(f["level"], f["section"]) for f in d["findings"]] for lang, d in docs.items()}
    assert shape["en"] == shape["zh"]
    for lang, rep in hotel_reports.items():
        assert sorted(p.name for p in rep.files["csv"].glob("*.csv")) == sorted(
            f"{name}.csv" for name in docs["en"]["tables"]
        ), lang
    csv = {
        lang: pd.read_csv(rep.files["csv"] / "descriptives.csv", encoding="utf-8-sig")
        for lang, rep in hotel_reports.items()
    }
    pd.testing.assert_frame_equal(csv["en"], csv["zh"])


def test_chinese_report_words_a_model_that_cannot_be_reported(tmp_path):
    ecsi = cx.datasets.load("ecsi_mobile")
    rep = cx.report.report(ecsi, cx.models.ecsi(), tmp_path / "ecsi.html", bootstrap=0,
                           lang="zh")  # fmt: skip
    assert not rep.admissible
    problem = next(f.text for f in rep.findings if f.section == "sem" and f.level == "problem")
    assert problem.startswith("结构模型无法报告：估计没有收敛")
    assert "海伍德案例" in problem and "超出了 ±1" in problem and "可以尝试" in problem
    english = cx.sem.fit(cx.models.ecsi(), ecsi).diagnosis()
    for number in re.findall(r"-?\d+\.\d+", english.split("What to try")[0]):
        assert number in problem, number  # the diagnosis keeps every number
    page = rep.path.read_text(encoding="utf-8")
    assert "<b>无法报告。</b>" in page and "Not reportable" not in page
    detail = rep.tables["sem_diagnostics"]["detail"]
    assert detail.str.contains("Heywood").any()  # the tables stay English


def test_cli_lang_zh_through_run_cli(study, tmp_path, capsys):
    from cxlab.cli import build_parser
    from cxlab.report import run_cli

    out = tmp_path / "zh.html"
    args = build_parser().parse_args(
        ["report", str(study / "survey.csv"), "--model", str(study / "model.lav"), "--out",
         str(out), "--bootstrap", "0"]
    )  # fmt: skip
    args.lang = "zh"  # what `--lang zh` gives (cxlab/cli.py forwards it)
    assert run_cli(args) == 0
    printed = capsys.readouterr().out
    assert "[ok] 结构模型：" in printed
    assert "<html lang='zh-CN'>" in out.read_text(encoding="utf-8")
    args.lang, args.out = "fr", str(tmp_path / "fr.html")
    assert run_cli(args) == 1
    err = capsys.readouterr().err
    assert err.startswith("cxlab report: error: lang must be 'en' (English) or 'zh' (中文)")
    assert not (tmp_path / "fr.html").exists()


def _cli_has_lang() -> bool:
    from cxlab.cli import build_parser

    try:
        args = build_parser().parse_args(
            ["report", "d.csv", "--model", "m.lav", "--out", "r.html", "--lang", "zh"]
        )
    except SystemExit:
        return False
    return getattr(args, "lang", None) == "zh"


@pytest.mark.skipif(not _cli_has_lang(), reason="cxlab/cli.py does not forward --lang yet")
def test_command_line_lang_zh(study, tmp_path):
    out = tmp_path / "out" / "report.html"
    run = subprocess.run(
        [_exe(), "report", str(study / "survey.csv"), "--model", str(study / "model.lav"),
         "--bootstrap", "0", "--out", str(out), "--lang", "zh"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "结构模型：" in run.stdout
    page = out.read_text(encoding="utf-8")
    assert "<h2>主要发现</h2>" in page and _cjk_share(_visible_text(page)) >= 0.5
    bad = subprocess.run(
        [_exe(), "report", str(study / "survey.csv"), "--model", str(study / "model.lav"),
         "--out", str(tmp_path / "x.html"), "--lang", "fr"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert bad.returncode != 0 and "--lang" in bad.stderr
    assert not (tmp_path / "x.html").exists()


def test_a_bad_lang_is_a_clear_error_and_writes_nothing(study, tmp_path):
    data = pd.read_csv(study / "survey.csv", encoding="utf-8-sig")
    for bad in ("fr", "ZH", None, "中文"):
        with pytest.raises(cx.errors.DataError, match="lang must be 'en'") as err:
            cx.report.report(data, MODEL, tmp_path / "r.html", bootstrap=0, lang=bad)
        assert err.value.zh.startswith("lang 只能是 'en'")
    assert list(tmp_path.iterdir()) == []


def test_word_tables_have_the_same_keys_and_placeholders():
    from string import Formatter

    from cxlab.report._headings import CELLS, COLUMNS
    from cxlab.report._words import WORDS

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in Formatter().parse(text) if name is not None}

    assert set(WORDS["en"]) == set(WORDS["zh"])
    for key, english in WORDS["en"].items():
        assert fields(english) == fields(WORDS["zh"][key]), key
    assert set(COLUMNS["en"]) == set(COLUMNS["zh"]) and set(CELLS["en"]) == set(CELLS["zh"])
    # every section, table and badge the page uses has its words
    from cxlab.report import _pls_apa
    from cxlab.report._html import SECTIONS

    for key, tables in SECTIONS:
        assert {f"sec_{key}", f"intro_{key}"} <= set(WORDS["zh"])
        # the PLS section's captions live in its own word table (report/_pls_apa.py)
        own = {f"cap_{name}" for name, _ in tables if not name.startswith("pls_")}
        assert own <= set(WORDS["zh"])
        assert {f"cap_{name}" for name, _ in tables} - own <= set(_pls_apa._WORDS["zh"])
    assert {f"badge_{level}" for level in ("ok", "note", "warning", "problem")} <= set(WORDS["zh"])


def test_chinese_headings_cover_every_column_of_the_hotel_tables(hotel_reports):
    from cxlab.report._headings import COLUMNS

    rep = hotel_reports["zh"]
    latent = set(rep.fits["sem"].to_frame().query("op == '=~'")["lhs"])
    columns = {c for t in rep.tables.values() for c in t.columns} - latent
    columns -= {"guest_id"}  # the respondent id column keeps its name
    # the APA tables have their own headings (cxlab.report._apa_words), issue 23
    apa = {c for name in rep.tables if name.startswith("apa_")
           for c in rep.tables[name].columns}  # fmt: skip
    assert columns - apa <= set(COLUMNS["zh"]), columns - apa - set(COLUMNS["zh"])


def test_messages_of_other_modules_are_shown_in_chinese():
    """The sentences cxlab's modules write (data checks, admissibility, notes) come out in
    Chinese with their numbers; a sentence whose English changes fails here, not silently
    in a report."""
    from cxlab.report._translate import to_zh
    from cxlab.survey import Survey

    data = pd.DataFrame(
        {"id": [1, 2, 3, 4], "q1": [5, 2.5, 3, None], "q2": [1, 2, 3, None], "note": ""}
    )
    book = pd.DataFrame({"name": ["q1", "q2"], "scale_min": [1, 1], "scale_max": [7, 7]})
    messages = list(Survey(data, book, id_column="id").validate().problems["message"])
    hs = cx.datasets.load("holzinger_swineford")
    gaps = hs.assign(x1=hs["x1"].where(hs.index % 9 != 0))
    messages += cx.sem.fit("visual =~ x1 + x2 + x3", gaps).notes
    messages += cx.sem.fit("visual =~ x1 + x2 + x3", gaps, missing="fiml").notes
    messages += list(cx.sem.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile")).problems)
    inv = cx.sem.invariance("visual =~ x1 + x2 + x3", hs, "school")
    messages += list(inv.table["note"])
    rel = cx.psychometrics.reliability(cx.datasets.load("ecsi_mobile"),
                                       {"Value": ["PERV1", "PERV2"]})  # fmt: skip
    messages += list(rel.scales["warnings"])
    assert len(messages) >= 12
    for message in messages:
        chinese = to_zh(message)
        english = re.findall(r"[A-Za-z]{3,}(?: [A-Za-z]{3,}){2,}", chinese)
        assert not english and re.search("[\u4e00-\u9fff]", chinese), (message, chinese)
        for number in re.findall(r"\d+(?:\.\d+)?", message):
            assert number in chinese, (number, message, chinese)


def test_reliability_shows_one_value_per_quantity_with_its_definition(hotel_reports):
    """ω, CR and AVE come from the fitted measurement model (semTools' compRelSEM and AVE;
    Fornell & Larcker's CR), the Fornell–Larcker table uses the same AVE, and the notes
    name the definitions and the HTMT variant in both languages (issue 20, item 5)."""
    from cxlab.psychometrics import model_reliability

    rep = hotel_reports["en"]
    joint = model_reliability(rep.fits["cfa"]).set_index("factor")
    rel = rep.tables["reliability"].set_index("scale")
    for col in ("omega_total", "composite_reliability", "ave"):
        np.testing.assert_allclose(rel[col], joint.loc[rel.index, col], rtol=0, atol=1e-12)
    assert (rel["warnings"] == "").all()
    # one AVE: √AVE of the Fornell–Larcker table is the square root of the table's AVE
    fl = rep.tables["fornell_larcker"].set_index("construct")
    np.testing.assert_allclose(fl["sqrt_ave"] ** 2, rel.loc[fl.index, "ave"], atol=1e-12)
    # the items' loadings are the measurement model's std.all, not the one-factor ones
    std = rep.fits["cfa"].to_frame().query("op == '=~'").set_index("rhs")["std_all"]
    items = rep.tables["item_statistics"].set_index("item")
    np.testing.assert_allclose(items["loading"], std.loc[items.index], atol=1e-12)
    assert rep.numbers["reliability"] == {
        "source": "measurement_model",
        "definitions": {
            "omega_total": "ω (compRelSEM, obs.var = TRUE)",
            "composite_reliability": "CR (Fornell & Larcker 1981, standardized loadings)",
            "ave": "AVE (semTools::AVE, obs.var = TRUE)",
        },
    }
    assert rep.numbers["validity"]["ave_definition"] == "AVE (semTools::AVE, obs.var = TRUE)"
    assert "htmt2 = FALSE" in rep.numbers["validity"]["htmt_definition"]
    notes = {
        lang: re.findall(r"<p class='tabnote'>([^<]+)</p>",
                         hotel_reports[lang].path.read_text(encoding="utf-8"))
        for lang in ("en", "zh")
    }  # fmt: skip
    en = " ".join(" ".join(notes["en"]).split())
    assert "ω = semTools::compRelSEM (obs.var = TRUE)" in en
    assert "AVE = semTools::AVE (obs.var = TRUE)" in en
    assert "with AVE = semTools::AVE (obs.var = TRUE)" in en  # the Fornell–Larcker table
    assert "The original HTMT" in en and "not HTMT2" in en
    assert "one-factor" not in en
    zh = "".join(notes["zh"])
    assert "ω 为 semTools::compRelSEM（obs.var = TRUE）" in zh
    assert "AVE 为 semTools::AVE（obs.var = TRUE）" in zh and "原始 HTMT" in zh
    assert "Fornell–Larcker 表使用同一个 AVE" in zh
    methods = _visible_text(hotel_reports["zh"].path.read_text(encoding="utf-8"))
    assert "与 semTools 的 compRelSEM 和 AVE 相同" in methods


def test_csv_and_xlsx_keep_lavaans_operators_as_text(tmp_path):
    # issue 23: the op column read "'=~" (escaped as if it were a formula); lavaan's
    # operators stay as lavaan writes them, and the xlsx stores them as text cells
    import openpyxl

    hs = cx.datasets.load("holzinger_swineford")
    model = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\ntextual ~ visual"
    rep = cx.report.report(hs, model, tmp_path / "hs.html", bootstrap=0)
    loadings = pd.read_csv(rep.files["csv"] / "cfa_loadings.csv", encoding="utf-8-sig")
    assert set(loadings["op"]) == {"=~"}
    book = openpyxl.load_workbook(rep.files["xlsx"])
    sheet = book["sem_estimates"]
    header = [c.value for c in sheet[1]]
    ops = [row[header.index("op")] for row in sheet.iter_rows(min_row=2)]
    assert {c.value for c in ops} >= {"=~", "~", "~~"}
    assert all(c.data_type == "s" for c in ops)
