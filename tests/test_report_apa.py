"""The study report's APA tables (issue 23, items 1–3): the codebook's labels, numbers equal
to the fitted objects', the indirect effects' CIs equal to the bootstrap's, the same
numbers in English and Chinese, raw sections without True/False or p = 0.000, sections
numbered without gaps, and the extra output files (SVG / PNG diagram)."""

from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
import pytest

import cxlab as cx
from cxlab.report._labels import wording

RETAIL_MODEL = """CONS  =~ cons1 + cons2 + cons3 + cons4
TRUST =~ trust1 + trust2 + trust3
SAT   =~ sat1 + sat2 + sat3
LI    =~ li1 + li2 + li3 + li4r
TRUST ~ a*CONS
SAT   ~ CONS + b*TRUST
LI    ~ c*SAT + TRUST
trust_via_sat := b*c
"""
B, SEED = 50, 3
LABELS = {"CONS": "Channel consistency", "TRUST": "Trust", "SAT": "Satisfaction",
          "LI": "Loyalty intention"}  # fmt: skip


@pytest.fixture(scope="module")
def retail(tmp_path_factory) -> dict[str, cx.report.StudyReport]:
    """The omnichannel study (retail_omnichannel with its codebook) in both languages."""
    data = cx.datasets.load("retail_omnichannel")
    book = cx.datasets.codebook("retail_omnichannel")
    out = {}
    for lang in ("en", "zh"):
        path = tmp_path_factory.mktemp(f"retail_{lang}") / "retail.html"
        out[lang] = cx.report.report(
            data, RETAIL_MODEL, path, codebook=book, bootstrap=B, seed=SEED, lang=lang
        )
    return out


def _number(text: str) -> float:
    """A number of an APA cell ("−.45***", "0.013", "< .001" → .001)."""
    text = str(text).replace("−", "-").replace("< ", "").rstrip("*")
    return float(text)


def _ci(text: str) -> tuple[float, float]:
    low, high = re.fullmatch(r"\[(.+), (.+)\]", text).groups()
    return _number(low), _number(high)


def test_measurement_table_holds_labels_and_the_cfas_standardized_solution(retail):
    rep = retail["en"]
    table = rep.tables["apa_measurement"]
    book = cx.datasets.codebook("retail_omnichannel").set_index("name")
    std = rep.fits["cfa"].standardized_solution().query("op == '=~'").set_index("rhs")
    assert list(table["Item"]) == list(std.index)
    for _, row in table.iterrows():
        item = row["Item"]
        assert row["Wording"] == wording(book.loc[item, "label_en"])
        assert _number(row["λ"]) == pytest.approx(round(std.loc[item, "est_std"], 2), abs=1e-9)
        # the SE of the standardized loading, not of the unstandardized one
        assert _number(row["SE"]) == pytest.approx(round(std.loc[item, "se"], 3), abs=1e-9)
    assert [c for c in table["Construct"] if c] == list(LABELS.values())
    rel = rep.tables["reliability"].set_index("scale")
    firsts = table[table["Construct"] != ""]
    assert [_number(v) for v in firsts["AVE"]] == [round(v, 2) for v in rel["ave"]]
    assert "0.000" not in table.to_string() and "(fixed)" not in table.to_string()


def test_structural_table_equals_the_semfit_with_r2_once_per_outcome(retail):
    rep = retail["en"]
    fit = rep.fits["sem"]
    table = rep.tables["apa_structural"]
    est = fit.to_frame().query("op == '~'").reset_index(drop=True)
    std = fit.standardized_solution().query("op == '~'").reset_index(drop=True)
    assert list(table["Path"]) == [f"{LABELS[r.rhs]} → {LABELS[r.lhs]}" for r in est.itertuples()]
    np.testing.assert_allclose(table["b"].map(_number), est["est"].round(2), atol=1e-9)
    np.testing.assert_allclose(table["SE"].map(_number), est["se"].round(2), atol=1e-9)
    np.testing.assert_allclose(table["β"].map(_number), est["std_all"].round(2), atol=1e-9)
    np.testing.assert_allclose(table["SE(β)"].map(_number), std["se"].round(3), atol=1e-9)
    cis = table["95% CI"].map(_ci)
    np.testing.assert_allclose([c[0] for c in cis], est["ci_low"].round(2), atol=1e-9)
    assert "R²" not in table.columns  # R² once per outcome, in the note
    page = rep.path.read_text(encoding="utf-8")
    r2 = fit.r2().query("kind == 'structural'")
    for v, x in zip(r2["variable"], r2["r2"], strict=True):
        shown = f"{LABELS[v]} = {x:.2f}".replace("0.", ".")
        assert page.count(shown) == 1, shown


def test_effects_table_cis_are_the_bootstraps(retail):
    rep = retail["en"]
    table = rep.tables["apa_effects"]
    boot = rep.fits["sem"].bootstrap(B, seed=SEED).table  # the same draws as the report's
    defined = boot[boot.op == ":="].iloc[0]
    row = table[table["Effect"] == "Defined"].iloc[0]
    assert row["Path"] == "trust_via_sat = b*c"
    assert _ci(row["95% CI"]) == (round(defined["ci_low"], 2), round(defined["ci_high"], 2))
    np.testing.assert_allclose(rep.tables["sem_bootstrap"]["ci_low"], boot["ci_low"])
    eff = rep.tables["effects"]
    specific = eff[eff.effect == "specific"]
    shown = table[table["Effect"] == "Specific indirect"]
    assert len(shown) == len(specific) == 3
    for (_, r), (_, s) in zip(specific.iterrows(), shown.iterrows(), strict=True):
        assert _ci(s["95% CI"]) == (round(r["ci_low"], 2), round(r["ci_high"], 2))
        assert _number(s["β"]) == pytest.approx(round(r["std_all"], 2), abs=1e-9)
    assert "Channel consistency → Trust → Satisfaction → Loyalty intention" in set(table["Path"])


def test_fit_table_prints_what_lavaan_summary_prints(retail):
    rep = retail["en"]
    table = rep.tables["apa_fit"].set_index("Index")
    assert list(table.columns) == ["Measurement model (CFA)", "Structural model"]
    for column, model in zip(table.columns, ("cfa", "sem"), strict=True):
        f = rep.fits[model].fit_indices()
        cells = table[column]
        assert _number(cells["χ²"]) == round(f["chisq"], 2)
        assert cells["df"] == f"{f['df']:.0f}" and cells["npar"] == f"{f['npar']:.0f}"
        assert _number(cells["CFI"]) == round(f["cfi"], 3)
        assert _number(cells["SABIC"]) == round(f["sabic"], 2)
        assert _number(cells["Log-likelihood (H0)"]) == round(f["loglik"], 2)
        assert cells["Baseline χ² (df)"] == f"{f['baseline_chisq']:.2f} ({f['baseline_df']:.0f})"
        rmsea = f"{f['rmsea']:.3f} [{f['rmsea_ci_low']:.3f}, {f['rmsea_ci_high']:.3f}]"
        assert cells["RMSEA [90% CI]"] == rmsea.replace("0.", ".")
        assert "RMSEA p-close" in cells.index and "N" in cells.index


def test_constructs_table_has_correlations_with_root_ave_on_the_diagonal(retail):
    rep = retail["en"]
    table = rep.tables["apa_constructs"]
    fl = rep.tables["fornell_larcker"].set_index("construct")
    rel = rep.tables["reliability"].set_index("scale")
    names = list(LABELS)
    assert list(table["Construct"]) == [f"{k}. {v}" for k, v in enumerate(LABELS.values(), 1)]
    for i, name in enumerate(names):
        row = table.iloc[i]
        assert _number(row[str(i + 1)]) == round(fl.loc[name, "sqrt_ave"], 2)
        assert _number(row["α"]) == round(rel.loc[name, "alpha"], 2)
        for j in range(i):
            assert _number(row[str(j + 1)]) == round(fl.loc[name, names[j]], 2)
        assert all(row[str(j + 1)] == "" for j in range(i + 1, len(names)))
    data = rep.fits["sem"].observed
    assert set(data) <= set(cx.datasets.load("retail_omnichannel").columns)
    assert all(re.fullmatch(r"\d\.\d\d", m) for m in table["M"])


def test_zh_and_en_reports_have_the_same_numbers(retail):
    docs = {lang: json.loads(rep.files["json"].read_text(encoding="utf-8"))
            for lang, rep in retail.items()}  # fmt: skip
    assert docs["en"]["tables"] == docs["zh"]["tables"]  # the APA tables stay English there
    pages = {lang: rep.path.read_text(encoding="utf-8") for lang, rep in retail.items()}

    def numbers(page: str) -> list[list[str]]:
        tables = re.findall(r'<table class="tbl apa">(.*?)</table>', page, re.S)
        cells = [re.findall(r"<td[^>]*>([^<]*)</td>", t) for t in tables]
        pattern = r"[−-]?\d*\.\d+|\b\d+\b"
        return [re.findall(pattern, " ".join(c)) for c in cells]

    en, zh = numbers(pages["en"]), numbers(pages["zh"])
    assert len(en) == len(zh) == 5 and en == zh
    assert "表 " in pages["zh"] and "渠道一致性 → 信任" in pages["zh"]
    assert "门店员工了解我在网上下的订单" in pages["zh"]  # label_zh in the APA table


def _columns(page: str) -> dict[str, list[str]]:
    """Every column of the page's tables: heading → its cells (all tables together)."""
    out: dict[str, list[str]] = {}
    for table in re.findall(r"<table.*?</table>", page, re.S):
        heads = re.findall(r"<th>([^<]*)</th>", table)
        for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]:
            cells = re.findall(r"<td[^>]*>([^<]*)</td>", row)
            for head, cell in zip(heads, cells, strict=False):
                out.setdefault(head, []).append(cell)
    return out


def test_raw_sections_have_no_true_false_no_zero_p_and_no_gaps(retail, tmp_path):
    hs = cx.datasets.load("holzinger_swineford")
    model = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"
    rep = cx.report.report(hs, model, tmp_path / "hs.html", bootstrap=0, group="school")
    for one in (rep, retail["en"], retail["zh"]):
        page = one.path.read_text(encoding="utf-8")
        cells = re.findall(r"<td[^>]*>([^<]*)</td>", page)
        assert not {"True", "False"} & set(cells)
        for column, values in _columns(page).items():
            if column in ("pvalue", "p", "p_delta", "Δχ² 检验的 p"):
                assert "0.000" not in values, column
            integer = ("df", "自由度") if one is rep else ("min", "max", "最小值", "最大值", "df")
            if column in integer:  # retail's items are 1–7 ratings; HS's are not
                assert not any(v.endswith(".000") for v in values), column
        headings = re.findall(r"<h2>(\d+)\. ", page)
        assert [int(n) for n in headings] == list(range(1, len(headings) + 1))
    page = rep.path.read_text(encoding="utf-8")
    assert "<td>yes</td>" in page  # e.g. the invariance table's "holds"
    assert set(_columns(retail["en"].path.read_text(encoding="utf-8"))["min"]) == {"1"}
    table = rep.tables["apa_invariance"]
    assert list(table["df"]) == [f"{v:.0f}" for v in rep.tables["invariance"]["df"]]
    holds = rep.tables["invariance"]["holds"]
    assert table.shape[1] <= 11
    assert list(table["Decision"]) == ["supported" if h else "not supported" for h in holds]
    assert "not supported" in set(table["Decision"])  # HS: scalar invariance fails
    assert rep.tables["apa_invariance"]["Δdf"].iloc[1] == "6"
    assert "apa_structural" not in rep.tables  # a CFA has no paths: no structural table
    assert {"docx"} <= set(rep.files) and "svg" not in rep.files


def test_the_diagram_is_written_as_svg_and_png_files(retail):
    rep = retail["en"]
    assert sorted(rep.files) == ["csv", "docx", "html", "json", "png", "svg", "xlsx"]
    assert rep.files["svg"].name == "retail_diagram.svg"
    assert "<svg" in rep.files["svg"].read_text(encoding="utf-8")
    assert rep.files["png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    sheets = pd.ExcelFile(rep.files["xlsx"]).sheet_names
    assert {"apa_constructs", "apa_measurement", "apa_structural", "apa_effects",
            "apa_fit"} <= set(sheets)  # fmt: skip


def test_outputs_are_never_written_onto_an_input(tmp_path):
    from cxlab.errors import DataError
    from cxlab.report import _write

    out = tmp_path / "r.html"
    docx = tmp_path / "r.docx"
    docx.write_bytes(b"my own file")
    with pytest.raises(DataError):
        _write(
            out,
            "<p>",
            "{}",
            {"t": pd.DataFrame({"a": [1]})},
            {"data file": str(docx)},
            extra={"docx": b"new"},
        )
    assert docx.read_bytes() == b"my own file" and not out.exists()
