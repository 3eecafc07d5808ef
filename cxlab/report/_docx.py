"""The report's files besides the page: the APA tables as one Word document and the path
diagram as SVG and PNG files (private).

The Word file (python-docx; opens in Word, WPS and LibreOffice) holds the tables of
:mod:`cxlab.report._apa` formatted the APA 7 way: "Table N" in bold and the title in
italics above the table, the note below it ("*Note.* …"), horizontal rules only (above
and below the table and under the header, no vertical rules), Times New Roman. A Chinese
report follows Chinese journals: "表 N 标题" above the table, "注：" below, 宋体 for the
Chinese text.
"""

from __future__ import annotations

import io
from typing import Any

from cxlab.report._apa import ApaTable, is_text_column
from cxlab.report._apa_words import WORDS


def _borders(cell: Any, **edges: int) -> None:
    """Set single-line borders of *cell*: ``top=12`` etc. (eighths of a point; 0 = none)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    props = cell._tc.get_or_add_tcPr()
    borders = props.find(qn("w:tcBorders"))
    if borders is None:
        borders = OxmlElement("w:tcBorders")
        props.append(borders)
    for edge in ("top", "left", "bottom", "right"):
        element = OxmlElement(f"w:{edge}")
        size = edges.get(edge, 0)
        element.set(qn("w:val"), "single" if size else "nil")
        if size:
            element.set(qn("w:sz"), str(size))
            element.set(qn("w:color"), "000000")
        borders.append(element)


def _font(run: Any, lang: str, size: float | None = None) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = "Times New Roman"
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), "SimSun" if lang == "zh" else "Times New Roman")
    if size is not None:
        run.font.size = Pt(size)


def _table(document: Any, number: int, table: ApaTable, lang: str) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    w = WORDS[lang]
    if lang == "zh":  # 表 N 标题, one line above the table
        head = document.add_paragraph()
        head.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = head.add_run(f"{w['table']} {number}  {table.title}")
        run.bold = True
        _font(run, lang, 11)
    else:  # APA 7: "Table N" in bold, the title in italics on the next line
        run = document.add_paragraph().add_run(f"{w['table']} {number}")
        run.bold = True
        _font(run, lang, 12)
        run = document.add_paragraph().add_run(table.title)
        run.italic = True
        _font(run, lang, 12)
    frame = table.frame
    grid = document.add_table(rows=len(frame) + 1, cols=frame.shape[1])
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    last = len(frame)
    for j, col in enumerate(frame.columns):
        cell = grid.cell(0, j)
        cell.text = ""
        run = cell.paragraphs[0].add_run(str(col))
        run.italic = str(col) in ("M", "SD", "b", "SE", "p", "df", "N", "λ", "β")
        _font(run, lang, 10)
        _borders(cell, top=12, bottom=6)
    for i, (_, row) in enumerate(frame.iterrows(), start=1):
        for j, value in enumerate(row):
            cell = grid.cell(i, j)
            cell.text = ""
            paragraph = cell.paragraphs[0]
            if j > 0 and not is_text_column(frame.columns[j]):
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(paragraph.add_run("" if value is None else str(value)), lang, 10)
            _borders(cell, bottom=12 if i == last else 0)
    note = document.add_paragraph()
    if lang == "zh":
        _font(note.add_run(w["note"] + table.note), lang, 9)
    else:
        run = note.add_run(w["note"])
        run.italic = True
        _font(run, lang, 10)
        _font(note.add_run(" " + table.note), lang, 10)


def docx_bytes(tables: list[ApaTable], lang: str = "en", title: str | None = None) -> bytes:
    """The APA tables as one Word document (``.docx`` bytes).

    Examples
    --------
    >>> import io, docx, pandas as pd
    >>> table = ApaTable("apa_fit", "Model Fit", pd.DataFrame({"Index": ["CFI"], "SEM": [".98"]}),
    ...                  "N = 300.")
    >>> doc = docx.Document(io.BytesIO(docx_bytes([table])))
    >>> len(doc.tables), doc.tables[0].cell(1, 1).text
    (1, '.98')
    >>> [p.text for p in doc.paragraphs][:3]
    ['Tables', 'Table 1', 'Model Fit']
    """
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE  # wide tables (item wording) fit the page
    section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    heading = document.add_paragraph().add_run(title or WORDS[lang]["docx_title"])
    heading.bold = True
    _font(heading, lang, 14)
    for number, table in enumerate(tables, start=1):
        _table(document, number, table, lang)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def diagram_png(fit: Any, lang: str, labels: dict[str, str] | None) -> bytes:
    """The path diagram as PNG (300 dpi), drawn as the page's SVG is
    (``fit.plot(lang=..., labels=...)``).

    Examples
    --------
    >>> import cxlab as cx
    >>> fit = cx.sem.fit("y ~ x", cx.datasets.load("holzinger_swineford").rename(
    ...     columns={"x1": "x", "x2": "y"}))
    >>> diagram_png(fit, "en", None)[:8]
    b'\\x89PNG\\r\\n\\x1a\\n'
    """
    import matplotlib.pyplot as plt

    figure = fit.plot(lang=lang, labels=labels or None)
    buf = io.BytesIO()
    figure.savefig(buf, format="png", dpi=300, bbox_inches="tight")
    plt.close(figure)
    return buf.getvalue()
