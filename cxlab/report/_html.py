"""Rendering of :func:`cxlab.report.report`: one self-contained HTML page in the report's
language, the tables as CSV and xlsx (spreadsheet formulas escaped) and a JSON of every
number (private).

Tables are numbered in the order they appear ("Table 3." / "表 3"), the title above the
table, a note below it where one is needed ("Note." / "注："), in the three-line style of
APA 7 and Chinese journals (rules above and below the table and under the header, no
vertical rules). The CSV, xlsx and JSON files keep the English column names and values
in both languages; only the page is translated (:mod:`cxlab.report._headings`).
"""

from __future__ import annotations

import base64
import html
import io
import json
import math
import re
from typing import Any

import numpy as np
import pandas as pd

from cxlab.report import _apa, _pls_apa
from cxlab.report._headings import CATEGORY_COLUMNS, CELLS, COLUMNS, SENTENCE_COLUMNS
from cxlab.report._labels import NAME_COLUMNS
from cxlab.report._steps import Study
from cxlab.report._translate import to_zh
from cxlab.report._words import say

BADGE = {"problem": "#c0392b", "warning": "#b9770e", "note": "#2e86c1", "ok": "#1e8449"}

#: (section key, [(table, rows shown in the HTML or None)]); the words are in _words.py
SECTIONS: list[tuple[str, list[tuple[str, int | None]]]] = [
    ("data", [("sample", None), ("validation", None), ("missing_by_item", None),
              ("careless_flagged", 10)]),
    ("descriptives", [("descriptives", None), ("normality", None)]),
    ("reliability", [("reliability", None), ("item_statistics", None)]),
    ("cfa", [("cfa_fit", None), ("cfa_loadings", None), ("cfa_diagnostics", None)]),
    ("validity", [("fornell_larcker", None), ("htmt", None)]),
    ("sem", [("sem_fit", None), ("sem_estimates", None), ("r2", None),
             ("sem_diagnostics", None)]),
    ("effects", [("effects", None)]),
    ("pls", [(name, None) for name in _pls_apa.TABLES]),  # SmartPLS's report
    ("invariance", [("invariance", None)]),
    ("apa", []),  # the publication tables of cxlab.report._apa
    ("checklist", [("jars_checklist", None)]),  # reviewers' checklist (JARS-Quant)
]  # fmt: skip

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","PingFang SC",
"Microsoft YaHei",sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;
line-height:1.45}
h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;
margin-top:2em}h3{font-size:1em;margin-bottom:.3em}
table.tbl{border-collapse:collapse;font-size:.85em;margin:.3em 0 .3em;border-top:2px solid #222;
border-bottom:2px solid #222;max-width:100%}
table.tbl th,table.tbl td{border:none;padding:3px 6px;text-align:right;overflow-wrap:anywhere}
table.apa td{white-space:nowrap}table.apa td.text{white-space:normal;text-align:left;
min-width:12em}
table.tbl thead th{border-bottom:1px solid #222;font-weight:600}
table.tbl td:first-child,table.tbl th:first-child{text-align:left}
p.tabnote{font-size:.85em;color:#333;margin:.2em 0 1.2em}
.meta{color:#555;font-size:.9em}.badge{display:inline-block;color:#fff;border-radius:3px;
padding:0 6px;margin-right:6px;font-size:.8em;min-width:6.5em;text-align:center}
ul.findings{list-style:none;padding-left:0}ul.findings li{margin:.35em 0}
.note{color:#555;font-size:.9em;font-style:italic}pre{background:#f7f7f7;padding:.6em;
overflow-x:auto;font-size:.85em}.problem{border:2px solid #c0392b;padding:.5em;color:#922}
figure{margin:1em 0}figure img{max-width:100%}
"""

#: columns of item names that get the item's wording next to them
ITEM_COLUMNS = {"descriptives": "variable", "missing_by_item": "item",
                "item_statistics": "item", "cfa_loadings": "rhs"}  # fmt: skip


def ordered(findings: list[Any]) -> list[Any]:
    """Problems, then warnings, then the rest in the order of the report's sections."""
    sections = {key: i for i, (key, *_) in enumerate(SECTIONS)}
    rank = {"problem": 0, "warning": 1}
    return sorted(findings, key=lambda f: (rank.get(f.level, 2), sections.get(f.section, 99)))


def _cell(v: Any) -> Any:
    if isinstance(v, float | np.floating):
        return "" if not math.isfinite(v) else f"{v:.3f}"
    if isinstance(v, list | tuple):
        return ", ".join(map(str, v[:8])) + ("…" if len(v) > 8 else "")
    return v


def _raw_column(name: Any, values: pd.Series, lang: str) -> pd.Series:
    """A column of a raw table as the page shows it: p as "< .001" (never 0.000),
    integer-like numbers (n, df, min, max) as integers, booleans as yes / no (是 / 否),
    other floats with three decimals.

    Examples
    --------
    >>> _raw_column("pvalue", pd.Series([0.0, 0.1313]), "en").tolist()
    ['< .001', '.131']
    >>> _raw_column("max", pd.Series([7.0, 5.0]), "en").tolist()
    ['7', '5']
    >>> _raw_column("holds", pd.Series([True, False]), "zh").tolist()
    ['是', '否']
    """
    if len(values) and values.map(lambda v: isinstance(v, bool | np.bool_)).all():
        return _apa.format_column(str(name), values, lang)
    floats = values.map(lambda v: isinstance(v, float | np.floating)) | values.isna()
    numeric = pd.to_numeric(values, errors="coerce")
    if len(values) and floats.all() and numeric.notna().any():
        if _apa.P_COLUMN.match(str(name)):
            return numeric.map(lambda v: _apa.format_p(v) if pd.notna(v) else "")
        finite = numeric[np.isfinite(numeric)]
        if len(finite) and (finite == finite.round()).all() and (finite.abs() < 1e15).all():
            return numeric.map(lambda v: f"{v:.0f}" if pd.notna(v) and np.isfinite(v) else "")
    return values.map(_cell).astype(object)


def table_html(frame: pd.DataFrame, rows: int | None = None, lang: str = "en") -> str:
    """A table as escaped HTML: floats with three decimals, p as "< .001", integer-like
    numbers as integers, booleans as yes / no."""
    shown = frame if rows is None else frame.head(rows)
    shown = shown.copy()
    for col in shown.columns:
        shown[col] = _raw_column(col, shown[col], lang).astype(object)
    out = shown.to_html(index=False, na_rep="", escape=True, border=0, classes="tbl")
    if rows is not None and len(frame) > rows:
        text = say(lang, "first_rows", rows=rows, total=len(frame))
        out += f'<p class="note">{html.escape(text)}</p>'
    return out


def view(study: Study, name: str) -> pd.DataFrame:
    """The table *name* as the page shows it: item wording next to item names, and in a
    Chinese report Chinese headings, categories, messages and construct names."""
    lang, lab = study.lang, study.labels
    frame = study.shown.get(name)
    frame = (study.tables[name] if frame is None else frame).copy()
    item = ITEM_COLUMNS.get(name)
    if item is not None and lab.items and frame[item].isin(list(lab.items)).any():
        words = frame[item].map(lambda v: lab.items.get(str(v), ""))
        frame.insert(frame.columns.get_loc(item) + 1, say(lang, "wording"), words)
    if lang == "en":
        for col in frame.columns:
            if col in NAME_COLUMNS and frame[col].map(lambda v: isinstance(v, str)).all():
                frame[col] = frame[col].map(lab.in_text)
        return frame
    cells = CELLS[lang]
    for col in frame.columns:
        values = frame[col]
        if col in NAME_COLUMNS:
            values = values.map(lab.in_text)
        if col in CATEGORY_COLUMNS:
            values = values.map(lambda v: cells.get(v, v) if isinstance(v, str) else v)
        if col in SENTENCE_COLUMNS:
            values = values.map(lambda v: to_zh(v, lab.named) if isinstance(v, str) else v)
        frame[col] = pd.Series(
            [cells[str(bool(v))] if isinstance(v, bool | np.bool_) else v for v in values],
            index=frame.index,
            dtype=object,
        )
    heads = COLUMNS[lang]
    frame.columns = [heads.get(c, lab.named(c)) if isinstance(c, str) else c for c in frame.columns]
    return frame


def table_note(study: Study, name: str) -> str | None:
    """The note under table *name* (without "Note." / "注："), or None."""
    lang, numbers = study.lang, study.numbers
    table = study.tables[name]
    est = say(lang, "estn_" + str(study.settings.get("estimator", "ML")))

    def n_of(model: str) -> Any:
        return f"{numbers.get(model, {}).get('fit_indices', {}).get('n', math.nan):.0f}"

    if name.startswith("pls_"):
        return _pls_apa.note(study, name)
    if name == "descriptives":
        return say(lang, "tn_descriptives", n=numbers["sample"]["n_file"])
    if name == "normality":
        n = numbers["normality"]
        return say(lang, "tn_normality", n=n["n"], p=n["p"])
    if name in ("reliability", "item_statistics", "fornell_larcker"):
        return _definitions_note(study, name)
    if name == "htmt":
        return say(lang, "tn_htmt" if "ci_low" in table.columns else "tn_htmt_noci")
    if name in ("cfa_fit", "sem_fit"):
        return say(lang, "tn_fit", n=int(table["n"].iloc[0]), estimator=est)
    if name == "cfa_loadings":
        return say(lang, "tn_loadings", n=n_of("cfa"), estimator=est)
    if name == "sem_estimates":
        return say(lang, "tn_estimates", n=n_of("sem"), estimator=est)
    if name == "effects":
        ci = str(numbers.get("sem", {}).get("effects_ci", ""))
        return say(lang, "tn_effects", ci=to_zh(ci) if lang == "zh" else ci)
    return None


def definition_words() -> dict[str, str]:
    """The word-table key of each definition of ω, CR and AVE the report can show (the
    names :mod:`cxlab.psychometrics.model_reliability` gives them).

    Examples
    --------
    >>> definition_words()["AVE (semTools::AVE, obs.var = TRUE)"]
    'def_ave_semtools'
    """
    from cxlab.psychometrics.model_reliability import (
        AVE_FORNELL_LARCKER,
        CR_FORNELL_LARCKER,
        ave_definition,
        omega_definition,
    )

    return {
        omega_definition(obs_var=True): "def_omega",
        omega_definition(ord_scale=True): "def_omega_cat",
        CR_FORNELL_LARCKER: "def_cr",
        ave_definition(obs_var=True): "def_ave_semtools",
        ave_definition(ordered=True): "def_ave_latent",
        AVE_FORNELL_LARCKER: "def_ave_fl",
    }


def _definitions_note(study: Study, name: str) -> str:
    """The note of the reliability, item-statistics or Fornell–Larcker table: where ω, CR
    and AVE (and the loadings) come from, and their definitions, so that each quantity is
    shown with one definition (those of ``study.numbers["reliability"]``)."""
    lang = study.lang
    known = definition_words()
    rel = study.numbers.get("reliability", {})
    definitions = rel.get("definitions", {})
    if name == "fornell_larcker":
        ave = study.numbers.get("validity", {}).get("ave_definition", definitions.get("ave"))
        return say(lang, "tn_fornell_larcker", ave=say(lang, known[ave]))
    source = "joint" if rel.get("source") == "measurement_model" else "one_factor"
    if name == "item_statistics":
        return say(lang, f"tn_item_statistics_{source}")
    if source == "one_factor":
        return say(lang, "tn_reliability_one_factor")
    words = {k: say(lang, known[v]) for k, v in definitions.items()}
    return say(
        lang,
        "tn_reliability_joint",
        omega=words["omega_total"],
        cr=words["composite_reliability"],
        ave=words["ave"],
    )


SECTION_NUMBER = re.compile(r"^\s*\d+\.\s*")


def apa_html(table: _apa.ApaTable, number: int, lang: str) -> str:
    """An APA table of :mod:`cxlab.report._apa` as HTML: the numbered title above, the
    note below; columns of words (paths, item wording) may wrap, numbers do not.

    Examples
    --------
    >>> t = _apa.ApaTable("apa_fit", "Model Fit", pd.DataFrame({"Index": ["CFI"], "SEM": [".98"]}),
    ...                   "N = 300.")
    >>> print(apa_html(t, 5, "en"))  # doctest: +ELLIPSIS
    <h3>Table 5. Model Fit</h3><table class="tbl apa">...<td class="text">CFI</td>...N = 300.</p>
    """
    e = html.escape
    caption = say(lang, "table_title", n=number, title=table.title)
    texty = [j == 0 or _apa.is_text_column(c) for j, c in enumerate(table.frame.columns)]
    head = "".join(f"<th>{e(str(c))}</th>" for c in table.frame.columns)
    rows = []
    for _, row in table.frame.iterrows():
        cells = [
            f'<td class="text">{e(str(v))}</td>' if texty[j] else f"<td>{e(str(v))}</td>"
            for j, v in enumerate(row)
        ]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f'<h3>{e(caption)}</h3><table class="tbl apa"><thead><tr>{head}</tr></thead><tbody>'
        + "".join(rows)
        + f"</tbody></table><p class='tabnote'>{e(say(lang, 'table_note', text=table.note))}</p>"
    )


def _figure(svg: str, caption: str) -> str:
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return (
        f'<figure><img alt="{html.escape(caption)}" src="data:image/svg+xml;base64,{data}">'
        f"<figcaption class='note'>{html.escape(caption)}</figcaption></figure>"
    )


def render(study: Study, meta: dict[str, Any]) -> str:
    """The report as one self-contained HTML page (no scripts, no external files)."""
    e, lang = html.escape, study.lang
    title = study.settings.get("title") or say(lang, "title")
    src = study.source
    line = say(
        lang,
        "meta",
        data=src.get("data_file") or say(lang, "data_frame"),
        sha=src.get("data_sha256", ""),
        model=src.get("model_file") or say(lang, "model_text"),
        version=meta["cxlab_version"],
        seed=study.settings["seed"],
        bootstrap=study.settings["bootstrap"],
        created=meta["created"],
    )
    head = [
        f"<h1>{e(title)}</h1>",
        f'<p class="meta">{e(line)}</p>',
        f"<h2>{e(say(lang, 'key_findings'))}</h2><ul class='findings'>",
    ]
    for f in ordered(study.findings):
        head.append(
            f"<li><span class='badge' style='background:{BADGE[f.level]}'>"
            f"{e(say(lang, 'badge_' + f.level))}</span>{e(f.text)}</li>"
        )
    if not study.findings:
        head.append(f"<li>{e(say(lang, 'no_findings'))}</li>")
    head.append("</ul>")
    body: list[str] = []
    number = {"table": 0, "figure": 0, "section": 0}
    publication = _apa.add_tables(study)  # the English ones go to the CSV / xlsx / JSON
    estimator = say(lang, "est_" + str(study.settings.get("estimator", "ML")))
    for key, tables in SECTIONS:
        parts = []
        if key == "apa":
            for table in publication:
                number["table"] += 1
                parts.append(apa_html(table, number["table"], lang))
        for name, rows in tables:
            if name not in study.tables or not len(study.tables[name]):
                continue
            number["table"] += 1
            title_ = _pls_apa.caption(study, name) if name.startswith("pls_") else None
            caption = say(
                lang, "table_title", n=number["table"], title=title_ or say(lang, f"cap_{name}")
            )
            part = f"<h3>{e(caption)}</h3>" + table_html(view(study, name), rows, lang)
            note = table_note(study, name)
            if note:
                part += f"<p class='tabnote'>{e(say(lang, 'table_note', text=note))}</p>"
            parts.append(part)
        problems = [f for f in study.findings if f.section == key and f.level == "problem"]
        notes = study.notes.get(key, [])
        if key == "sem" and "path_diagram" in study.figures:
            number["figure"] += 1
            caption = say(lang, "figure_title", n=number["figure"], title=say(lang, "fig_path"))
            parts.append(_figure(study.figures["path_diagram"], caption))
        if not (parts or problems or notes):
            continue
        number["section"] += 1  # numbered as shown: no gaps for sections left out
        heading = f"{number['section']}. " + SECTION_NUMBER.sub("", say(lang, "sec_" + key))
        intro = say(lang, "intro_" + key, estimator=estimator)
        body.append(f"<h2>{e(heading)}</h2><p>{e(intro)}</p>")
        bad = say(lang, "not_reportable")
        body += [f"<div class='problem'><b>{e(bad)}</b> {e(p.text)}</div>" for p in problems]
        body += [f"<p class='note'>{e(n)}</p>" for n in notes]
        body += parts
    tail = [
        f"<h2>{e(say(lang, 'methods_heading'))}</h2>",
        *[f"<p>{e(t)}</p>" for t in study.notes.get("methods_text", [])],
        *(
            [f"<h2>{e(say(lang, 'results_heading'))}</h2>"]
            + [f"<p>{e(t)}</p>" for t in study.notes.get("results_text", [])]
            if study.notes.get("results_text")
            else []
        ),
        f"<h2>{e(say(lang, 'repro_heading'))}</h2>",
        f"<p class='meta'>{e(say(lang, 'command'))} <code>{e(meta['command'])}</code></p>",
        "<p class='meta'>"
        + " · ".join(f"{e(k)} {e(str(v))}" for k, v in meta["versions"].items())
        + "</p>",
        f"<h3>{e(say(lang, 'model_heading'))}</h3><pre>{e(study.model.strip())}</pre>",
        f"<p class='meta'>{e(say(lang, 'repro_tail'))}</p>",
    ]
    return (
        f"<!DOCTYPE html>\n<html lang='{say(lang, 'html_lang')}'><head><meta charset='utf-8'>"
        f"<title>{e(title)}</title><style>{CSS}</style></head><body>\n"
        + "\n".join(head + body + tail)
        + "\n</body></html>\n"
    )


def plain(value: Any) -> Any:
    """A value JSON can hold: NaN and infinities become null, numpy types Python ones."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, pd.DataFrame):
        return [plain(r) for r in value.to_dict(orient="records")]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, int | str | bool) or value is None:
        return value
    return str(value)


def to_json(study: Study, meta: dict[str, Any]) -> str:
    """Every number of the report, with what is needed to reproduce it."""
    doc = {
        **meta,
        "input": study.source,
        "settings": study.settings,
        "model": study.model,
        "numbers": study.numbers,
        "findings": [
            {"level": f.level, "section": f.section, "text": f.text} for f in study.findings
        ],
        "notes": study.notes,
        "tables": study.tables,
    }
    return json.dumps(plain(doc), ensure_ascii=False, indent=1, allow_nan=False) + "\n"


#: lavaan's operators: the ``op`` column keeps them as they are (``=~``, not ``'=~``) —
#: tokens, not formulas; the xlsx stores them as text cells
LAVAAN_OPS = frozenset({"=~", "~", "~~", "~1", ":=", "==", "<", ">", "<~", "|", "~*~"})


def _escaped(frame: pd.DataFrame) -> pd.DataFrame:
    """``escape_formulas`` of the table, but lavaan's operators in its ``op`` column stay
    as lavaan writes them.

    Examples
    --------
    >>> _escaped(pd.DataFrame({"op": ["=~", "~"], "x": ["=1+1", "a"]})).values.tolist()
    [['=~', "'=1+1"], ['~', 'a']]
    """
    from cxlab.privacy import escape_formulas

    out = escape_formulas(_flat(frame))
    if "op" in frame.columns:
        out["op"] = [v if isinstance(v, str) and v in LAVAAN_OPS else e
                     for v, e in zip(frame["op"], out["op"], strict=True)]  # fmt: skip
    return out


def xlsx_bytes(tables: dict[str, pd.DataFrame]) -> bytes:
    """All tables in one workbook, one sheet each, spreadsheet formulas escaped; lavaan's
    operators (``=~``) are text cells, not formulas."""
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        for name, frame in tables.items():
            _escaped(frame).to_excel(writer, sheet_name=name[:31], index=False)
            sheet = writer.sheets[name[:31]]
            for row in sheet.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str) and cell.value in LAVAAN_OPS:
                        cell.data_type = "s"  # "=~" is text, never a formula
    return buf.getvalue()


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """A table as UTF-8 CSV with a byte-order mark (Excel shows 中文), formulas escaped
    but lavaan's operators kept (``=~``; open the xlsx in Excel, or read the CSV with
    pandas / R)."""
    return _escaped(frame).to_csv(index=False).encode("utf-8-sig")


def _flat(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for col in out.columns:
        if out[col].map(lambda v: isinstance(v, list | tuple | dict)).any():
            out[col] = out[col].map(lambda v: ", ".join(map(str, v)) if isinstance(v, list | tuple)
                                    else v)  # fmt: skip
    return out


def extra_files(study: Study) -> dict[str, bytes]:
    """The report's files besides the page, the xlsx, the JSON and the CSVs, by the keys
    of :func:`cxlab.report._outputs`: ``docx`` (the APA tables in the report's language)
    and the path diagram as ``svg`` and ``png`` (when the report has one).

    Examples
    --------
    >>> extra_files(Study(source={}, model="", settings={}))
    {}
    """
    from cxlab.report import _docx

    out: dict[str, bytes] = {}
    tables = _apa.build(study, study.lang)
    tables += [  # the PLS section's tables, formatted as SmartPLS reports them
        _apa.ApaTable(name, title, frame, note)
        for name, title, frame, note in _pls_apa.apa_tables(study)
    ]
    if tables:
        title = study.settings.get("title") or None
        out["docx"] = _docx.docx_bytes(tables, study.lang, title)
    fit = study.fits.get("sem")
    if "path_diagram" in study.figures and fit is not None:
        out["svg"] = study.figures["path_diagram"].encode("utf-8")
        out["png"] = _docx.diagram_png(fit, study.lang, study.labels.constructs or None)
    return out
