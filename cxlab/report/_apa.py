"""The report's publication tables in APA 7 style (Chinese-journal conventions in Chinese
reports), built from the fitted objects (private).

Tables, in this order, each with a title and a note (abbreviations, the definitions used,
N and the estimator):

1. the constructs: M, SD, α, CR, AVE and the latent correlations with √AVE on the diagonal;
2. the measurement model: each item's standardized loading with its own (delta-method)
   SE and p — lavaan's ``standardizedSolution`` —, CR and AVE;
3. the structural paths: b, SE, β with its own SE, the 95 % CI of b, p; R² once per
   outcome, in the note;
4. indirect and total effects: b, SE and CI as the effects table has them (bootstrap
   CIs when the report bootstrapped), β;
5. model fit: what lavaan's ``summary(fit, fit.measures = TRUE)`` prints, with the scaled
   and robust versions when the estimator gives them;
6. measurement invariance: χ², df, Δχ², Δdf, p, ΔCFI, ΔRMSEA and the decision;
7. the multi-group path comparison (``study.tables["path_comparison"]``) when present.

Numbers are formatted the APA way (:func:`cxlab.sem.report.apa_number` /
:func:`cxlab.sem.report.apa_p`): p as "< .001", no leading zero for quantities that
cannot exceed 1, df as integers, CIs as [a, b]. Items and constructs carry the
codebook's labels (``label_en`` / ``label_zh``, ``construct`` / ``construct_zh``). The
English tables are the ones the CSV / xlsx / JSON files keep (the same in both
languages); the page and the Word file show the report's language.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from cxlab.report._apa_words import WORDS
from cxlab.report._labels import Labels, from_codebook
from cxlab.report._steps import Study
from cxlab.sem.report import apa_number, apa_p

#: the APA tables in the order of the report ("apa_paths" is table 7)
NAMES = ("apa_constructs", "apa_measurement", "apa_structural", "apa_effects", "apa_fit",
         "apa_invariance", "apa_paths")  # fmt: skip


@dataclass
class ApaTable:
    """One publication table: its name (as in the CSV / xlsx / JSON files), title, the
    formatted cells and the note (without "Note." / "注：")."""

    name: str
    title: str
    frame: pd.DataFrame
    note: str


def _num(x: Any, decimals: int = 2, bounded: bool = False) -> str:
    try:
        value = float(x)
    except (TypeError, ValueError):
        return "—"
    if math.isfinite(value) and round(value, decimals) == 0:
        value = 0.0  # no "−.000"
    return apa_number(value, decimals, bounded=bounded)


def _p(x: Any) -> str:
    try:
        return apa_p(float(x))
    except (TypeError, ValueError):
        return "—"


def format_p(x: Any) -> str:
    """p the APA way ("< .001", else three decimals without the leading zero).

    Examples
    --------
    >>> format_p(0.0), format_p(0.1313)
    ('< .001', '.131')
    """
    return _p(x)


def stars(p: Any) -> str:
    """ "*", "**" or "***" for p below .05, .01 or .001 (from the exact p).

    Examples
    --------
    >>> stars(0.0004), stars(0.02), stars(0.2)
    ('***', '*', '')
    """
    try:
        value = float(p)
    except (TypeError, ValueError):
        return ""
    if not math.isfinite(value):
        return ""
    return "***" if value < 0.001 else "**" if value < 0.01 else "*" if value < 0.05 else ""


def _int(x: Any) -> str:
    try:
        value = float(x)
    except (TypeError, ValueError):
        return "—"
    return f"{value:.0f}" if math.isfinite(value) else "—"


def _ci(low: Any, high: Any, decimals: int = 2, bounded: bool = False) -> str:
    return f"[{_num(low, decimals, bounded)}, {_num(high, decimals, bounded)}]"


def labels_of(study: Study, lang: str) -> Labels:
    """The codebook's labels in *lang* (the study's own when it is in that language).

    Examples
    --------
    >>> study = Study(source={}, model="", settings={})
    >>> labels_of(study, "zh").lang
    'zh'
    """
    if study.lang == lang and (study.labels.items or study.labels.constructs):
        return study.labels
    codebook = getattr(study.survey, "codebook", None)
    return from_codebook(codebook, study.scales, lang)


def _construct(lab: Labels, name: str) -> str:
    """A construct as the APA tables print it: its label, else the model's name."""
    return lab.constructs.get(name) or name


def _path(lab: Labels, *names: str) -> str:
    return " → ".join(_construct(lab, n) for n in names)


def _estimator(fit: Any) -> str:
    return str(getattr(fit, "meta", {}).get("estimator", "ML"))


def _n(fit: Any) -> str:
    return _int(fit.fit_indices().get("n"))


# -- 1. constructs ----------------------------------------------------------------------
def constructs(study: Study, lang: str, lab: Labels) -> ApaTable | None:
    """M, SD, α, CR and AVE of each construct; latent correlations below the diagonal and
    √AVE on it (the reliability and Fornell–Larcker tables of the report)."""
    rel = study.tables.get("reliability")
    fl = study.tables.get("fornell_larcker")
    if rel is None or not len(rel) or study.data is None:
        return None
    w = WORDS[lang]
    rel = rel.set_index("scale")
    names = [s for s in rel.index if s in study.scales]
    data = study.data
    complete = data[study.observed].notna().all(axis=1) if study.observed else None
    listwise = study.settings.get("missing", "listwise") == "listwise" and complete is not None
    rows = []
    for k, name in enumerate(names, start=1):
        items = study.scales[name]
        x = data.loc[complete, items] if listwise else data[items].dropna()
        score = x.astype(float).mean(axis=1)
        row = {
            w["construct"]: f"{k}. {_construct(lab, name)}",
            "M": _num(score.mean()),
            "SD": _num(score.std(ddof=1)),
            "α": _num(rel.loc[name, "alpha"], bounded=True),
            "CR": _num(rel.loc[name, "composite_reliability"], bounded=True),
            "AVE": _num(rel.loc[name, "ave"], bounded=True),
        }
        for j, other in enumerate(names, start=1):
            cell = ""
            if fl is not None and name in set(fl["construct"]) and other in fl.columns:
                r = fl.set_index("construct")
                if j == k:
                    cell = _num(r.loc[name, "sqrt_ave"], bounded=True)
                elif j < k:
                    cell = _num(r.loc[name, other], bounded=True)
            row[str(j)] = cell
        rows.append(row)
    n = int(complete.sum()) if listwise else len(data)
    space = "" if lang == "zh" else " "
    defs = w["n_constructs_defs" if fl is not None else "n_constructs_nocor"]
    note = w["n_constructs"].format(n=n) + space + defs
    return ApaTable("apa_constructs", w["t_constructs"], pd.DataFrame(rows), note)


# -- 2. measurement model ---------------------------------------------------------------
def measurement(study: Study, lang: str, lab: Labels) -> ApaTable | None:
    """Standardized loadings of the measurement model (the CFA, else the full model) with
    their own SE and p (``standardized_solution()``), CR and AVE of the reliability table."""
    fit = study.fits.get("cfa")
    if fit is None or not _usable(fit):
        fit = study.fits.get("sem")
    if fit is None or not _usable(fit):
        return None
    w = WORDS[lang]
    std = fit.standardized_solution()
    if "group" in std.columns:
        return None
    loads = std[std.op == "=~"]
    rel = study.tables.get("reliability")
    rel = rel.set_index("scale") if rel is not None and len(rel) else None
    rows = []
    for construct, part in loads.groupby("lhs", sort=False):
        for k, (_, r) in enumerate(part.iterrows()):
            first = k == 0
            has = first and rel is not None and construct in rel.index
            row = {w["construct"]: _construct(lab, construct) if first else "",
                   w["item"]: r["rhs"]}  # fmt: skip
            if lab.items:
                row[w["wording"]] = lab.items.get(str(r["rhs"]), "")
            row |= {
                "λ": _num(r["est_std"], bounded=True),
                "SE": _num(r["se"], 3),
                "p": _p(r["pvalue"]),
                "CR": _num(rel.loc[construct, "composite_reliability"], 2, True) if has else "",
                "AVE": _num(rel.loc[construct, "ave"], 2, True) if has else "",
            }
            rows.append(row)
    which = w["cfa_text"] if fit is study.fits.get("cfa") else w["sem_text"]
    note = w["n_measurement"].format(n=_n(fit), estimator=_estimator(fit), model=which)
    return ApaTable("apa_measurement", w["t_measurement"], pd.DataFrame(rows), note)


def _usable(fit: Any) -> bool:
    return bool(getattr(fit, "admissible", False))


# -- 3. structural paths ----------------------------------------------------------------
def structural(study: Study, lang: str, lab: Labels) -> ApaTable | None:
    """b, SE, β with its own SE, the Wald 95 % CI of b and p of every regression path;
    the R² of each outcome once, in the note."""
    fit = study.fits.get("sem")
    if fit is None or not _usable(fit) or not study.structural:
        return None
    w = WORDS[lang]
    est = fit.to_frame()
    if "group" in est.columns:
        return None
    std = fit.standardized_solution()
    key = ["lhs", "op", "rhs"]
    paths = est[est.op == "~"].merge(std[std.op == "~"], on=key, suffixes=("", "_std"))
    if not len(paths):
        return None
    rows = [
        {
            w["path"]: _path(lab, r["rhs"], r["lhs"]),
            "b": _num(r["est"]),
            "SE": _num(r["se"]),
            "β": _num(r["std_all"], bounded=True) + stars(r["pvalue"]),
            "SE(β)": _num(r["se_std"], 3),
            w["ci"]: _ci(r["ci_low"], r["ci_high"]),
            "p": _p(r["pvalue"]),
        }
        for _, r in paths.iterrows()
    ]
    r2 = fit.r2()
    r2 = r2[r2["kind"] == "structural"]
    sep = "；" if lang == "zh" else "; "
    parts = sep.join(f"{_construct(lab, v)} = {_num(x, bounded=True)}" for v, x in
                     zip(r2["variable"], r2["r2"], strict=True))  # fmt: skip
    note = w["n_structural"].format(n=_n(fit), estimator=_estimator(fit), r2=parts)
    note += " " + w["stars"] if lang != "zh" else w["stars"]
    return ApaTable("apa_structural", w["t_structural"], pd.DataFrame(rows), note)


# -- 4. indirect and total effects ------------------------------------------------------
def effects(study: Study, lang: str, lab: Labels) -> ApaTable | None:
    """Direct, indirect (total and specific) and total effects of every pair of variables
    with an indirect effect, and the defined parameters (``:=``): the effects table's
    estimate, SE and CI (the bootstrap's when the report bootstrapped) and β."""
    eff = study.tables.get("effects")
    fit = study.fits.get("sem")
    if eff is None or not len(eff) or fit is None:
        return None
    w = WORDS[lang]
    pairs = {(r["from"], r["to"]) for _, r in eff.iterrows() if r["effect"] == "indirect"}
    rows = []
    for _, r in eff.iterrows():
        kind = r["effect"]
        if kind == "defined":
            what = w["e_defined"].format(name=r["from"], expr=r["via"])
        elif (r["from"], r["to"]) in pairs:
            via = [v.strip() for v in str(r["via"] or "").split("→") if v.strip()]
            if kind == "specific":
                what = _path(lab, r["from"], *via, r["to"])
            else:
                what = _path(lab, r["from"], r["to"])
        else:
            continue
        rows.append(
            {
                w["effect"]: w[f"e_{kind}"] if kind != "defined" else w["e_defined_kind"],
                w["path"]: what,
                "b": _num(r["est"]),
                "SE": _num(r["se"]),
                w["ci"]: _ci(r["ci_low"], r["ci_high"]),
                "β": _num(r["std_all"], bounded=True),
            }
        )
    if not rows:
        return None
    ci = str(eff.attrs.get("ci", study.numbers.get("sem", {}).get("effects_ci", "")))
    ci = study.zh(ci) if lang == "zh" and study.lang == "zh" else ci
    boot = study.settings.get("bootstrap", 0)
    how = w["n_effects_boot"].format(B=boot, seed=study.settings.get("seed")) if boot else ""
    note = w["n_effects"].format(n=_n(fit), ci=ci, how=how)
    return ApaTable("apa_effects", w["t_effects"], pd.DataFrame(rows), note)


# -- 5. model fit -------------------------------------------------------------------------
#: (index, row word, how to format it)
FIT_ROWS = [("chisq", "chisq", "num"), ("df", "df", "int"), ("pvalue", "p", "p"),
            ("cfi", "CFI", "bounded"), ("tli", "TLI", "bounded"), ("rmsea", "RMSEA", "rmsea"),
            ("rmsea_pvalue", "pclose", "p"), ("srmr", "SRMR", "bounded"), ("aic", "AIC", "num"),
            ("bic", "BIC", "num"), ("sabic", "SABIC", "num"), ("n", "N", "int"),
            ("npar", "npar", "int"), ("baseline_chisq", "baseline", "baseline"),
            ("loglik", "loglik", "num"), ("unrestricted_loglik", "loglik_h1", "num")]  # fmt: skip
_SCALED = ("chisq", "df", "pvalue", "cfi", "tli", "rmsea", "rmsea_pvalue", "baseline_chisq")


def _fit_cell(f: pd.Series, key: str, how: str, tail: str = "") -> str | None:
    name = key + tail
    if name not in f.index:
        return None
    v = f[name]
    if how == "int":
        return _int(v)
    if how == "p":
        return _p(v)
    if how == "bounded":
        return _num(v, 3, bounded=True)
    if how == "rmsea":
        low, high = f.get(f"rmsea_ci_low{tail}"), f.get(f"rmsea_ci_high{tail}")
        return f"{_num(v, 3, bounded=True)} {_ci(low, high, 3, bounded=True)}"
    if how == "baseline":
        return f"{_num(v)} ({_int(f.get('baseline_df' + tail))})"
    return _num(v)


def fit_table(study: Study, lang: str, lab: Labels) -> ApaTable | None:
    """The fit of the measurement and structural models, one column each, as lavaan's
    ``summary(fit, fit.measures = TRUE)`` prints it (scaled and robust rows when the
    estimator gives them)."""
    w = WORDS[lang]
    fits = [(w[k], study.fits[k]) for k in ("cfa", "sem") if k in study.fits]
    fits = [(name, fit) for name, fit in fits if _usable(fit)]
    if study.fits.get("cfa") is study.fits.get("sem"):
        fits = fits[:1]
    if not fits:
        return None
    indices = [fit.fit_indices() for _, fit in fits]
    rows = []
    for tail in ("", "_scaled", "_robust"):
        for key, label, how in FIT_ROWS:
            if tail and key not in _SCALED:
                continue
            cells = [_fit_cell(f, key, how, tail) for f in indices]
            if all(c is None for c in cells):
                continue
            head = w.get(f"f_{label}", label) + (w[f"tail{tail}"] if tail else "")
            rows.append(
                {w["index"]: head, **{n: c or "—" for (n, _), c in zip(fits, cells, strict=True)}}
            )
    estimators = "/".join(dict.fromkeys(_estimator(fit) for _, fit in fits))
    note = w["n_fit"].format(n=_int(indices[-1].get("n")), estimator=estimators)
    if any("chisq_scaled" in f.index for f in indices):
        note += " " + w["n_fit_scaled"]
    return ApaTable("apa_fit", w["t_fit"], pd.DataFrame(rows), note)


# -- 6. invariance ------------------------------------------------------------------------
def invariance(study: Study, lang: str, lab: Labels) -> ApaTable | None:
    """The invariance models with their fit, the change from the previous level and the
    decision of :func:`cxlab.sem.invariance`."""
    inv = study.tables.get("invariance")
    if inv is None or not len(inv):
        return None
    w = WORDS[lang]
    rows = []
    for _, r in inv.iterrows():
        rows.append(
            {
                w["model"]: w.get(f"lvl_{r['level']}", r["level"]),
                "χ²": _num(r["chisq"]),
                "df": _int(r["df"]),
                "CFI": _num(r["cfi"], 3, bounded=True),
                "RMSEA": _num(r["rmsea"], 3, bounded=True),
                "Δχ²": _num(r.get("delta_chisq")) if pd.notna(r.get("delta_chisq")) else "",
                "Δdf": _int(r.get("delta_df")) if pd.notna(r.get("delta_df")) else "",
                "p": _p(r.get("p_delta")) if pd.notna(r.get("p_delta")) else "",
                "ΔCFI": _num(r.get("delta_cfi"), 3, True) if pd.notna(r.get("delta_cfi")) else "",
                "ΔRMSEA": _num(r.get("delta_rmsea"), 3, True)
                if pd.notna(r.get("delta_rmsea"))
                else "",
                w["decision"]: w["holds" if bool(r["holds"]) else "fails"],
            }
        )
    group = str(study.numbers.get("invariance", {}).get("group") or study.settings.get("group"))
    note = w["n_invariance"].format(group=group)
    return ApaTable("apa_invariance", w["t_invariance"].format(group=group),
                    pd.DataFrame(rows), note)  # fmt: skip


# -- 7. multi-group path comparison --------------------------------------------------------
P_COLUMN = re.compile(r"^(p|pvalue|p_value|p_delta|p_.*|.*_p|.*_pvalue)$", re.IGNORECASE)
_BOUNDED = re.compile(r"(cfi|tli|rmsea|srmr|std|beta|β|r2|r²|cor)", re.IGNORECASE)


def format_column(name: str, values: pd.Series, lang: str = "en") -> pd.Series:
    """A raw column formatted the APA way: p as "< .001", integer-like numbers as
    integers, bounded quantities without the leading zero, yes / no for booleans.

    Examples
    --------
    >>> format_column("p_delta", pd.Series([0.0001, 0.2])).tolist()
    ['< .001', '.200']
    >>> format_column("delta_df", pd.Series([12.0, 3.0])).tolist()
    ['12', '3']
    >>> format_column("equal", pd.Series([True, False]), "zh").tolist()
    ['是', '否']
    """
    w = WORDS[lang]
    if values.map(lambda v: isinstance(v, bool | np.bool_)).all() and len(values):
        return values.map(lambda v: w["yes"] if v else w["no"])
    numeric = pd.to_numeric(values, errors="coerce")
    if numeric.notna().sum() == 0 or numeric.notna().sum() < values.notna().sum():
        return values.map(lambda v: "" if v is None or (isinstance(v, float) and
                                                        math.isnan(v)) else str(v))  # fmt: skip
    finite = numeric[np.isfinite(numeric)]
    if P_COLUMN.match(name):
        return numeric.map(lambda v: _p(v) if pd.notna(v) else "")
    if len(finite) and (finite == finite.round()).all():
        return numeric.map(lambda v: _int(v) if pd.notna(v) else "")
    bounded = bool(_BOUNDED.search(name)) and bool((finite.abs() <= 1).all())
    decimals = 3 if bounded else 2
    return numeric.map(lambda v: _num(v, decimals, bounded) if pd.notna(v) else "")


def path_comparison(study: Study, lang: str, lab: Labels) -> ApaTable | None:
    """``study.tables["path_comparison"]`` (made by the multi-group step) formatted the
    APA way, whatever its columns; names of constructs carry their labels."""
    raw = study.tables.get("path_comparison")
    if raw is None or not len(raw):
        return None
    w = WORDS[lang]
    frame = pd.DataFrame(index=raw.index)
    columns = list(raw.columns)
    if "path" in columns:  # the path names its two ends
        columns = [c for c in columns if c not in ("lhs", "op", "rhs")]
    for col in columns:
        values = raw[col]
        if values.map(lambda v: isinstance(v, str)).all():
            values = values.map(lambda v: _labelled(lab, v))
        frame[str(col)] = format_column(str(col), values, lang)
    group = str(study.settings.get("group") or "")
    from cxlab.report._groups import table_note  # the full note (tests, Holm, N per group)

    note = (table_note(study) if lang == study.lang else None) or w["n_paths"].format(group=group)
    return ApaTable("apa_paths", w["t_paths"].format(group=group), frame.reset_index(drop=True),
                    note)  # fmt: skip


def _labelled(lab: Labels, text: str) -> str:
    """Construct names inside *text* replaced by their labels."""
    if not lab.constructs:
        return text
    names = sorted(lab.constructs, key=len, reverse=True)
    pattern = r"(?<![\w.])(" + "|".join(re.escape(n) for n in names) + r")(?![\w.])"
    return re.sub(pattern, lambda m: _construct(lab, m.group(1)), text)


def is_text_column(column: Any) -> bool:
    """True for the columns of words of the APA tables (item wording, paths, effects):
    left-aligned, they may wrap.

    Examples
    --------
    >>> is_text_column("Wording"), is_text_column("题项内容"), is_text_column("SE")
    (True, True, False)
    """
    keys = ("wording", "path", "effect", "item", "construct", "model", "index", "decision")
    return str(column) in {WORDS[lang][k] for lang in WORDS for k in keys}


BUILDERS = (constructs, measurement, structural, effects, fit_table, invariance,
            path_comparison)  # fmt: skip


def build(study: Study, lang: str | None = None) -> list[ApaTable]:
    """The APA tables of *study* in *lang* (default: the study's language), in order.

    Examples
    --------
    >>> build(Study(source={}, model="", settings={}))
    []
    """
    lang = lang or study.lang
    lab = labels_of(study, lang)
    out = []
    for builder in BUILDERS:
        table = builder(study, lang, lab)
        if table is not None and len(table.frame):
            out.append(table)
    return out


def add_tables(study: Study) -> list[ApaTable]:
    """Put the English APA tables into ``study.tables`` (the CSV / xlsx / JSON files keep
    them, the same in both languages; the old ``apa_*`` tables are replaced) and return
    those of the report's language."""
    for name in [n for n in study.tables if n.startswith("apa_")]:
        del study.tables[name]
    english = build(study, "en")
    for table in english:
        study.tables[table.name] = table.frame
    return english if study.lang == "en" else build(study, study.lang)
