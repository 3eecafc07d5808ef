"""The study report's Word file (issue 23, item 3): python-docx reads it back with the APA
tables — as many as the page shows, titled above, noted below, the SEMFit's numbers, the
codebook's labels — in English (APA 7) and in Chinese (表 N, 注：)."""

from __future__ import annotations

import re

import docx
import pytest

import cxlab as cx

MODEL = """CONS  =~ cons1 + cons2 + cons3 + cons4
TRUST =~ trust1 + trust2 + trust3
SAT   =~ sat1 + sat2 + sat3
LI    =~ li1 + li2 + li3 + li4r
TRUST ~ CONS
SAT   ~ CONS + TRUST
LI    ~ SAT + TRUST
"""


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, cx.report.StudyReport]:
    data = cx.datasets.load("retail_omnichannel")
    book = cx.datasets.codebook("retail_omnichannel")
    return {
        lang: cx.report.report(
            data, MODEL, tmp_path_factory.mktemp(lang) / "study.html", codebook=book,
            bootstrap=0, lang=lang,
        )
        for lang in ("en", "zh")
    }  # fmt: skip


def _titles(page: str, word: str) -> list[str]:
    return re.findall(rf"<h3>{word} \d+\.? ([^<]+)</h3><table class=\"tbl apa\">", page)


def test_english_docx_holds_the_apa_tables(reports):
    rep = reports["en"]
    assert rep.files["docx"].name == "study.docx"
    document = docx.Document(str(rep.files["docx"]))
    titles = _titles(rep.path.read_text(encoding="utf-8"), "Table")
    assert len(titles) == 5 and len(document.tables) == len(titles)
    texts = [p.text for p in document.paragraphs]
    for number, title in enumerate(titles, start=1):
        at = texts.index(f"Table {number}")
        assert texts[at + 1] == title  # the title on the line below, in italics
        run = next(p for p in document.paragraphs if p.text == title).runs[0]
        assert run.italic and not run.bold
    notes = [p for p in document.paragraphs if p.text.startswith("Note. ")]
    assert len(notes) == len(titles) and notes[0].runs[0].italic
    # a number: the structural model's CFI, as the fit table prints it
    cfi = rep.fits["sem"].fit_indices()["cfi"]
    fit = next(t for t in document.tables if t.cell(0, 0).text == "Index")
    rows = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in fit.rows}
    assert rows["CFI"][-1] == f"{cfi:.3f}".replace("0.", ".")
    # labels: the measurement table has the codebook's wording
    cells = {c.text for t in document.tables for r in t.rows for c in r.cells}
    assert "Store staff know what I ordered online" in cells
    assert "Channel consistency → Trust" in cells
    # no vertical rules: the cells' left and right borders are off
    xml = document.tables[0]._tbl.xml
    assert 'w:left w:val="nil"' in xml and 'w:right w:val="nil"' in xml
    assert 'w:top w:val="single"' in xml and 'w:bottom w:val="single"' in xml


def test_chinese_docx_uses_chinese_journal_conventions(reports):
    rep = reports["zh"]
    document = docx.Document(str(rep.files["docx"]))
    titles = _titles(rep.path.read_text(encoding="utf-8"), "表")
    texts = [p.text for p in document.paragraphs]
    assert [t for t in texts if t.startswith("表 ")] == [
        f"表 {n}  {title}" for n, title in enumerate(titles, start=1)
    ]
    assert sum(t.startswith("注：") for t in texts) == len(titles) == len(document.tables)
    cells = {c.text for t in document.tables for r in t.rows for c in r.cells}
    assert "门店员工了解我在网上下的订单" in cells and "渠道一致性 → 信任" in cells
    en = docx.Document(str(reports["en"].files["docx"]))

    def numbers(d: docx.document.Document) -> list[str]:
        cells = [c.text for t in d.tables for r in t.rows[1:] for c in r.cells]
        return re.findall(r"[−-]?\d*\.\d+|\b\d+\b", " ".join(cells))

    assert numbers(document) == numbers(en)  # the same numbers in both languages
