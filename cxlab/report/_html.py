"""Rendering of :func:`cxlab.report.report`: one self-contained HTML page, the tables as
CSV and xlsx (spreadsheet formulas escaped) and a JSON of every number (private)."""

from __future__ import annotations

import base64
import html
import io
import json
import math
from typing import Any

import numpy as np
import pandas as pd

from cxlab.report._steps import Study

BADGE = {"problem": "#c0392b", "warning": "#b9770e", "note": "#2e86c1", "ok": "#1e8449"}
LABEL = {"problem": "not reportable", "warning": "check", "note": "note", "ok": "ok"}

#: (section key, heading, intro, [(table, caption, rows shown in the HTML or None)])
SECTIONS: list[tuple[str, str, str, list[tuple[str, str, int | None]]]] = [
    ("data", "1. Data and sample",
     "What was read, what was checked, and who answered what.",
     [("sample", "Sample", None), ("validation", "Data checks (warnings)", None),
      ("missing_by_item", "Missing answers by item", None),
      ("careless_flagged", "Respondents with two or more careless-responding flags", 10)]),
    ("descriptives", "2. Descriptive statistics",
     "Items of the model: n, mean, SD, range, skewness and excess kurtosis.",
     [("descriptives", "Descriptive statistics", None)]),
    ("reliability", "3. Reliability and convergent validity",
     "Cronbach's α (Feldt 95 % CI), McDonald's ω, composite reliability (CR) and average "
     "variance extracted (AVE) per construct; corrected item–total correlations.",
     [("reliability", "Reliability per construct", None),
      ("item_statistics", "Item statistics", None)]),
    ("cfa", "4. Measurement model (CFA)",
     "The measurement part of the model (all =~ lines, factors correlated), fitted by ML.",
     [("cfa_fit", "Fit of the measurement model", None),
      ("cfa_loadings", "Loadings (std.all = standardized)", None),
      ("cfa_diagnostics", "Admissibility checks", None)]),
    ("validity", "5. Discriminant validity",
     "Fornell–Larcker criterion (√AVE on the diagonal) and HTMT with bootstrap 95 % CIs "
     "(Henseler, Ringle & Sarstedt 2015; HTMT above .85/.90 or a CI reaching 1 fails).",
     [("fornell_larcker", "Fornell–Larcker", None), ("htmt", "HTMT", None)]),
    ("sem", "6. Structural model (SEM)",
     "The full model, fitted by ML (lavaan's sem() defaults); estimates with lavaan's "
     "column names.",
     [("sem_fit", "Fit of the structural model", None),
      ("sem_estimates", "Parameter estimates", None), ("r2", "R²", None),
      ("sem_diagnostics", "Admissibility checks", None)]),
    ("effects", "7. Direct, indirect and total effects",
     "Every effect between connected variables and every := parameter.",
     [("effects", "Effects", None)]),
    ("pls", "8. PLS path model",
     "The same model by PLS path modeling (composites; paths with bootstrap CIs).",
     [("pls_paths", "Paths", None), ("pls_r2", "R²", None),
      ("pls_reliability", "Reliability (PLS)", None)]),
    ("invariance", "9. Measurement invariance",
     "Configural, metric, scalar and strict models compared by Δχ² and by ΔCFI / ΔRMSEA / "
     "ΔSRMR (Chen 2007).",
     [("invariance", "Invariance models", None)]),
    ("apa", "10. Publication tables (APA style)",
     "Formatted for a paper: model fit, measurement model, structural model.",
     [("apa_fit", "Table 1. Model fit", None), ("apa_measurement", "Table 2. Measurement "
      "model", None), ("apa_structural", "Table 3. Structural model", None)]),
]  # fmt: skip

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","PingFang SC",
"Microsoft YaHei",sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;
line-height:1.45}
h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;
margin-top:2em}h3{font-size:1em;margin-bottom:.3em}
table.tbl{border-collapse:collapse;font-size:.85em;margin:.5em 0 1em}
table.tbl th,table.tbl td{border-bottom:1px solid #e3e3e3;padding:3px 8px;text-align:right}
table.tbl th{background:#f4f6f7;border-bottom:2px solid #aaa}
table.tbl td:first-child,table.tbl th:first-child{text-align:left}
.meta{color:#555;font-size:.9em}.badge{display:inline-block;color:#fff;border-radius:3px;
padding:0 6px;margin-right:6px;font-size:.8em;min-width:6.5em;text-align:center}
ul.findings{list-style:none;padding-left:0}ul.findings li{margin:.35em 0}
.note{color:#555;font-size:.9em;font-style:italic}pre{background:#f7f7f7;padding:.6em;
overflow-x:auto;font-size:.85em}.problem{border:2px solid #c0392b;padding:.5em;color:#922}
figure{margin:1em 0}figure img{max-width:100%}
"""


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


def table_html(frame: pd.DataFrame, rows: int | None = None) -> str:
    """A table as escaped HTML, floats with three decimals."""
    shown = frame if rows is None else frame.head(rows)
    shown = shown.copy()
    for col in shown.columns:
        shown[col] = shown[col].map(_cell).astype(object)
    out = shown.to_html(index=False, na_rep="", escape=True, border=0, classes="tbl")
    if rows is not None and len(frame) > rows:
        out += f'<p class="note">First {rows} of {len(frame)} rows; all in the CSV / xlsx.</p>'
    return out


def _figure(svg: str, caption: str) -> str:
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return (
        f'<figure><img alt="{html.escape(caption)}" src="data:image/svg+xml;base64,{data}">'
        f"<figcaption class='note'>{html.escape(caption)}</figcaption></figure>"
    )


def methods_text(study: Study, meta: dict[str, Any]) -> str:
    """A methods paragraph for the paper, written from what was actually done."""
    s = study.settings
    n = study.numbers.get("sample", {})
    parts = [
        f"The data ({n.get('n_file', '?')} respondents; SHA-256 "
        f"{str(study.source.get('data_sha256', ''))[:12]}…) were analysed with cxlab "
        f"{meta['cxlab_version']}.",
        "Models were estimated by maximum likelihood with lavaan's defaults (first loading "
        "of each factor fixed to 1); standard errors from the expected information.",
        "Missing answers were handled by "
        + (
            "full-information maximum likelihood."
            if s["missing"] == "fiml"
            else "listwise deletion."
        ),
    ]
    if study.scales:
        parts.append(
            "Reliability was assessed with Cronbach's α, McDonald's ω and composite "
            "reliability, convergent validity with the AVE (Fornell & Larcker 1981), and "
            "discriminant validity with the Fornell–Larcker criterion and the HTMT ratio "
            "with bootstrap confidence intervals (Henseler, Ringle & Sarstedt 2015)."
        )
    parts.append(
        "Model fit was judged with χ², CFI, TLI, RMSEA (90 % CI) and SRMR against the "
        "cut-offs of Hu and Bentler (1999) as rules of thumb."
    )
    if s["bootstrap"] > 0 and study.structural:
        how = (
            f"Monte-Carlo confidence intervals ({max(s['bootstrap'], 1000)} draws)"
            if s["missing"] == "fiml"
            else f"percentile bootstrap confidence intervals ({s['bootstrap']} resamples)"
        )
        parts.append(f"Indirect and total effects were tested with {how}, seed {s['seed']}.")
    if s.get("group"):
        parts.append(
            f"Measurement invariance across {s['group']} was tested with configural, metric, "
            "scalar and strict models (ΔCFI, ΔRMSEA, ΔSRMR; Chen 2007)."
        )
    if s.get("pls"):
        parts.append(
            "As a robustness check the model was also estimated by PLS path modeling (path "
            "weighting scheme; bootstrap CIs)."
        )
    return " ".join(parts)


def render(study: Study, meta: dict[str, Any]) -> str:
    """The report as one self-contained HTML page (no scripts, no external files)."""
    e = html.escape
    title = study.settings.get("title") or "Study report"
    src = study.source
    head = [
        f"<h1>{e(title)}</h1>",
        f'<p class="meta">Data: {e(str(src.get("data_file") or "DataFrame"))} (SHA-256 '
        f"{e(str(src.get('data_sha256', '')))}) · model: "
        f"{e(str(src.get('model_file') or 'given as text'))} · cxlab "
        f"{e(meta['cxlab_version'])} · seed {study.settings['seed']} · bootstrap "
        f"{study.settings['bootstrap']} · {e(meta['created'])}</p>",
        "<h2>Key findings</h2><ul class='findings'>",
    ]
    for f in ordered(study.findings):
        head.append(
            f"<li><span class='badge' style='background:{BADGE[f.level]}'>{LABEL[f.level]}"
            f"</span>{e(f.text)}</li>"
        )
    if not study.findings:
        head.append("<li>No findings.</li>")
    head.append("</ul>")
    body = []
    for key, heading, intro, tables in SECTIONS:
        parts = [
            f"<h3>{e(caption)}</h3>" + table_html(study.tables[name], rows)
            for name, caption, rows in tables
            if name in study.tables and len(study.tables[name])
        ]
        problems = [f for f in study.findings if f.section == key and f.level == "problem"]
        notes = study.notes.get(key, [])
        if key == "sem" and "path_diagram" in study.figures:
            parts.append(
                _figure(
                    study.figures["path_diagram"],
                    "Path diagram: standardized estimates (std.all) and R².",
                )
            )
        if not (parts or problems or notes):
            continue
        body.append(f"<h2>{e(heading)}</h2><p>{e(intro)}</p>")
        body += [f"<div class='problem'><b>Not reportable.</b> {e(p.text)}</div>" for p in problems]
        body += [f"<p class='note'>{e(n)}</p>" for n in notes]
        body += parts
    tail = [
        "<h2>Methods (draft for the paper)</h2>",
        f"<p>{e(methods_text(study, meta))}</p>",
        "<h2>Reproducibility</h2>",
        f"<p class='meta'>Command: <code>{e(meta['command'])}</code></p>",
        "<p class='meta'>"
        + " · ".join(f"{e(k)} {e(str(v))}" for k, v in meta["versions"].items())
        + "</p>",
        f"<h3>Model</h3><pre>{e(study.model.strip())}</pre>",
        "<p class='meta'>Every number of this report is in the JSON file next to it; the "
        "tables are also in the CSV files and the xlsx workbook.</p>",
    ]
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
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


def xlsx_bytes(tables: dict[str, pd.DataFrame]) -> bytes:
    """All tables in one workbook, one sheet each, spreadsheet formulas escaped."""
    from cxlab.privacy import escape_formulas

    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        for name, frame in tables.items():
            safe = escape_formulas(_flat(frame))
            safe.to_excel(writer, sheet_name=name[:31], index=False)
    return buf.getvalue()


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """A table as UTF-8 CSV with a byte-order mark (Excel shows 中文), formulas escaped."""
    from cxlab.privacy import escape_formulas

    return escape_formulas(_flat(frame)).to_csv(index=False).encode("utf-8-sig")


def _flat(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for col in out.columns:
        if out[col].map(lambda v: isinstance(v, list | tuple | dict)).any():
            out[col] = out[col].map(lambda v: ", ".join(map(str, v)) if isinstance(v, list | tuple)
                                    else v)  # fmt: skip
    return out
