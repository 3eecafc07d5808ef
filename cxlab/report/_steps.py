"""The analyses of :func:`cxlab.report.report`, one function per stage (private): reading
and checking the input, the sample and descriptives, reliability here; the models in
:mod:`cxlab.report._models`.

Each stage adds tables, numbers and findings to a :class:`Study`, worded in the study's
language (:mod:`cxlab.report._words`). Problems with the
input (a file that cannot be read, a model naming an unknown column, text in a rating
item) raise :class:`~cxlab.errors.DataError` / :class:`~cxlab.errors.ModelSpecError`
before anything is written; problems of estimation (a non-converged or inadmissible
model, a failed bootstrap) become findings of the report.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from cxlab.errors import CxlabError, DataError, ModelSpecError
from cxlab.report._labels import Labels, from_codebook
from cxlab.report._translate import to_zh
from cxlab.report._words import say


@dataclass
class Finding:
    """One statement of the report's key findings: level "ok", "note", "warning" or
    "problem" (a model that cannot be reported)."""

    level: str
    section: str
    text: str


@dataclass
class Study:
    """Everything the report shows, filled stage by stage."""

    source: dict[str, Any]
    model: str
    settings: dict[str, Any]
    data: pd.DataFrame | None = None
    survey: Any = None
    observed: list[str] = field(default_factory=list)
    latent: list[str] = field(default_factory=list)
    scales: dict[str, list[str]] = field(default_factory=dict)
    measurement: str = ""
    structural: bool = False
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    numbers: dict[str, Any] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    notes: dict[str, list[str]] = field(default_factory=dict)
    figures: dict[str, str] = field(default_factory=dict)  # name -> SVG text
    fits: dict[str, Any] = field(default_factory=dict)
    lang: str = "en"
    labels: Labels = field(default_factory=Labels)
    shown: dict[str, pd.DataFrame] = field(default_factory=dict)  # the HTML's own versions

    def zh(self, text: str) -> str:
        """A message of another cxlab module in the report's language (Chinese reports
        rewrite the sentences :func:`cxlab.report._translate.to_zh` knows).

        Examples
        --------
        >>> Study(source={}, model="", settings={}, lang="zh").zh("ΔCFI = 0.001: invariance holds")
        'ΔCFI = 0.001：不变性成立'
        """
        return to_zh(text, self.labels.named) if self.lang == "zh" else text

    def find(self, level: str, section: str, text: str) -> None:
        """Add a finding.

        Examples
        --------
        >>> study = Study(source={}, model="SAT =~ s1 + s2 + s3", settings={})
        >>> study.find("warning", "cfa", "RMSEA = 0.09 is above 0.06.")
        >>> study.findings
        [Finding(level='warning', section='cfa', text='RMSEA = 0.09 is above 0.06.')]
        """
        self.findings.append(Finding(level, section, text))

    def note(self, section: str, text: str) -> None:
        """Add a note (shown under the section).

        Examples
        --------
        >>> study = Study(source={}, model="SAT =~ s1 + s2 + s3", settings={})
        >>> study.note("data", "2 rows with no answers were dropped.")
        >>> study.notes
        {'data': ['2 rows with no answers were dropped.']}
        """
        self.notes.setdefault(section, []).append(text)


def sha256(raw: bytes) -> str:
    """Hex SHA-256 of bytes."""
    return hashlib.sha256(raw).hexdigest()


# -- 1. input ---------------------------------------------------------------------------
def read_model(model: str | Path) -> tuple[str, dict[str, Any]]:
    """The model text and where it came from (a ``.lav`` file or a string of syntax)."""
    from cxlab.io import decode

    text = str(model)
    is_path = isinstance(model, Path) or (
        "\n" not in text and (Path(text).is_file() or "~" not in text)
    )
    if not is_path:
        return text, {"model_file": None, "model_sha256": sha256(text.encode("utf-8"))}
    path = Path(model)
    if not path.is_file():
        raise DataError(
            f"Model file not found: {path}. Give a text file with the model in lavaan syntax "
            "(e.g. 'SAT =~ sat1 + sat2 + sat3' and 'LOY ~ SAT' on separate lines)."
        )
    raw = path.read_bytes()
    text, _ = decode(raw, path)
    if not text.strip():
        raise ModelSpecError(
            f"The model file {path} is empty. Write the model in lavaan syntax, one statement "
            "per line (e.g. 'SAT =~ sat1 + sat2 + sat3' and 'LOY ~ SAT')."
        )
    if not _statements(text):
        raise ModelSpecError(
            f"The model file {path} holds only comments and blank lines, no statement. Write "
            "the model in lavaan syntax, one statement per line (e.g. 'SAT =~ sat1 + sat2 + "
            "sat3' and 'LOY ~ SAT')."
        )
    return text, {"model_file": str(path), "model_sha256": sha256(raw)}


def _statements(text: str) -> list[str]:
    """The model's lines without comments (``#`` or ``!`` to the end of a line) and blanks."""
    lines = []
    for line in text.splitlines():
        for mark in ("#", "!"):
            line = line.split(mark, 1)[0]
        lines += [part.strip() for part in line.split(";") if part.strip()]
    return lines


def load(
    data: str | Path | pd.DataFrame,
    codebook: Any,
    *,
    encoding: str | None,
    id_column: str | None,
) -> tuple[Any, dict[str, Any]]:
    """The survey (``cxlab.survey.Survey``) and a description of the input for the JSON."""
    from cxlab.io import read_survey
    from cxlab.survey import Survey

    info: dict[str, Any] = {}
    if isinstance(data, pd.DataFrame):
        survey = Survey(data, codebook, id_column=id_column)
        info["data_file"] = None
        info["data_sha256"] = sha256(data.to_csv(index=False).encode("utf-8"))
        info["data_hash_of"] = "the DataFrame written as CSV"
    else:
        path = Path(data)
        survey = read_survey(path, codebook, id_column=id_column, encoding=encoding)
        info["data_file"] = str(path)
        info["data_sha256"] = sha256(path.read_bytes())
        info["encoding"] = survey.meta.get("encoding")
        info["layout"] = survey.meta.get("layout")
    if isinstance(codebook, str | Path):
        info["codebook_file"] = str(codebook)
        info["codebook_sha256"] = sha256(Path(codebook).read_bytes())
    info["rows"], info["columns"] = (int(v) for v in survey.data.shape)
    info["id_column"] = survey.id_column
    return survey, info


def _where(survey: Any, mask: pd.Series) -> str:
    rows = np.flatnonzero(mask.to_numpy())
    if survey.id_column is not None:
        ids = survey.data[survey.id_column].to_numpy()[rows]
        shown = ", ".join(str(v) for v in ids[:6])
        word = "respondent id" + ("s" if len(ids) > 1 else "")
    else:
        shown = ", ".join(str(r + 1) for r in rows[:6])
        word = "data row" + ("s" if len(rows) > 1 else "")
    return f"{word} {shown}" + (f" and {len(rows) - 6} more" if len(rows) > 6 else "")


def check(study: Study, group: str | None) -> None:
    """Parse the model against the columns, validate the data, reverse-code, and keep the
    analysis frame (model variables as numbers). Raises on any input error."""
    from cxlab.models.syntax import measurement_part, parse

    survey = study.survey
    where = study.source.get("model_file") or "the model"
    columns = [str(c) for c in survey.data.columns]
    try:
        table = parse(study.model, [c for c in columns if c != group])
    except ModelSpecError as exc:
        data = study.source.get("data_file") or "the data"
        raise ModelSpecError(f"{where} does not fit {data}: {exc}") from None
    study.observed = list(table.attrs["observed"])
    study.latent = list(table.attrs["latent"])
    loads = table[(table.op == "=~") & (table.group == 1)]
    study.scales = {
        f: [v for v in part["rhs"] if v in study.observed]
        for f, part in loads.groupby("lhs", sort=False)
    }
    study.measurement = measurement_part(study.model)
    study.structural = any(op in ("~", ":=") for op in table.op)
    problems: list[str] = []
    if group is not None:
        if group not in survey.data.columns:
            problems.append(f"the group column {group!r} is not in the data")
        elif survey.data[group].nunique() < 2:
            problems.append(f"the group column {group!r} has only one value")
    report = survey.validate(required=[c for c in survey.codebook["name"] if c in columns])
    wanted = set(study.observed) | ({group} if group else set())
    rows = []
    for r in report.problems.itertuples():
        cols = {c.strip() for c in str(r.column).split(",")}
        if r.severity == "error" and (cols & wanted or r.check == "duplicate id"):
            problems.append(r.message.rstrip("."))  # an error in what the models use: stop
        else:
            rows.append(r)  # elsewhere in the file: reported, not fatal
    for col in study.observed:
        if col in survey.items():
            continue  # validate() checked it against its scale
        raw = survey.data[col]
        text = raw.notna() & pd.to_numeric(raw, errors="coerce").isna()
        if text.any():
            examples = ", ".join(repr(v) for v in list(dict.fromkeys(raw[text].astype(str)))[:4])
            problems.append(
                f"{col}: {int(text.sum())} answer(s) that are not numbers ({examples}), "
                f"{_where(survey, text)} — recode them, or give a codebook whose value labels "
                "map option text to codes (--codebook)"
            )
    if problems:
        source = study.source.get("data_file") or "the data"
        raise DataError(
            f"The survey data in {source} cannot be analysed with {where}: "
            + "; ".join(p.rstrip(". ") for p in problems)
            + ". Nothing was written; run the report again once this is fixed."
        )
    study.tables["validation"] = pd.DataFrame(
        [(r.severity, r.check, r.column, r.count, r.message) for r in rows],
        columns=["severity", "check", "column", "count", "message"],
    )
    for r in rows:
        study.find("warning", "data", say(study.lang, "f_data_check", message=study.zh(r.message)))
    reverse = survey.codebook.loc[survey.codebook["reverse"], "name"]
    reverse = [v for v in reverse if v in study.observed and v not in survey.reversed_items]
    if reverse:
        survey = survey.reverse_code(reverse)
        study.note("data", say(study.lang, "n_reverse", items=", ".join(reverse)))
    study.survey = survey
    study.labels = from_codebook(survey.codebook, study.scales, study.lang)
    frame = survey.data.copy()
    frame[study.observed] = survey.numeric_items(study.observed)
    study.data = frame


# -- 2. sample, missing data, descriptives ------------------------------------------------
def describe(study: Study, group: str | None, missing: str) -> None:
    """Sample size, missing data, careless responding and item descriptives."""
    survey, data, obs = study.survey, study.data, study.observed
    x = data[obs]
    complete = int(x.notna().all(axis=1).sum())
    miss = survey.missing_report(obs)
    rows: list[tuple[str, dict[str, Any], Any]] = [
        ("q_file", {}, len(data)),
        ("q_vars", {}, len(obs)),
        ("q_complete", {}, complete),
        ("q_missing", {}, round(miss.totals["missing_share"], 4)),
    ]
    study.numbers["sample"] = {
        "n_file": len(data),
        "n_complete": complete,
        "missing_share": miss.totals["missing_share"],
        "missing": missing,
    }
    if complete < len(data):
        used = say(
            study.lang, "used_fiml" if missing == "fiml" else "used_listwise", complete=complete
        )
        skipped = len(data) - complete
        study.note(
            "data",
            say(
                study.lang,
                "n_incomplete",
                skipped=skipped,
                total=len(data),
                used=used,
                missing=missing,
            ),
        )
    try:
        flags = survey.careless()
    except CxlabError:
        flags = None
    if flags is not None and len(flags):
        flagged = flags[flags["n_flags"] >= 2]
        rows.append(("q_careless", {}, len(flagged)))
        study.numbers["sample"]["careless_flagged"] = len(flagged)
        study.tables["careless_flagged"] = flagged.reset_index(drop=True)
        if len(flagged):
            study.find("note", "data", say(study.lang, "f_careless", n=len(flagged)))
    if group is not None:
        sizes = data[group].value_counts(dropna=False).sort_index()
        for g, k in sizes.items():
            rows.append(("q_group", {"group": group, "value": g}, int(k)))
    values = pd.Series([r[2] for r in rows], dtype=object)
    for lang, target in (("en", study.tables), (study.lang, study.shown)):
        target["sample"] = pd.DataFrame(
            {"quantity": [say(lang, key, **kw) for key, kw, _ in rows], "value": values}
        )
    study.tables["missing_by_item"] = miss.by_item
    factor_of = {v: f for f, items in study.scales.items() for v in items}
    shape = _item_shape(x, obs)
    study.tables["descriptives"] = pd.DataFrame(
        {
            "variable": obs,
            "construct": [factor_of.get(v, "") for v in obs],
            "n": x.notna().sum().to_numpy(),
            "mean": x.mean().to_numpy(),
            "sd": x.std().to_numpy(),
            "min": x.min().to_numpy(),
            "max": x.max().to_numpy(),
            "skew": shape["skew"].to_numpy(),
            "kurtosis": shape["kurtosis"].to_numpy(),
        }
    )
    high = study.tables["descriptives"].query("abs(skew) > 2 or abs(kurtosis) > 7")
    if len(high):
        study.find("note", "data", say(study.lang, "f_skew", items=", ".join(high["variable"])))


def _item_shape(x: pd.DataFrame, items: list[str]) -> pd.DataFrame:
    """Skewness and excess kurtosis of each item as ``psych::describe`` (type 3,
    :func:`cxlab.psychometrics.item_normality`); NaN for an item with fewer than 4
    answers or no variance."""
    from cxlab.psychometrics import item_normality

    rows = []
    for item in items:
        try:
            rows.append(item_normality(x, [item], type=3).iloc[0])
        except DataError:
            rows.append(pd.Series({"item": item, "skew": np.nan, "kurtosis": np.nan}))
    return pd.DataFrame(rows).reset_index(drop=True)


def normality(study: Study) -> None:
    """Mardia's (1970) multivariate skewness and kurtosis of the model's observed
    variables on the complete rows (:func:`cxlab.psychometrics.mardia`, as
    ``psych::mardia``): the table ``normality`` and ``numbers["normality"]``, which the
    Methods paragraph uses to justify (or question) the estimator. Data Mardia cannot be
    computed on (too few complete rows, a singular covariance matrix) give a note."""
    from cxlab.psychometrics import mardia

    if len(study.observed) < 2:
        return
    try:
        m = mardia(study.data, study.observed)
    except DataError as exc:
        study.note("descriptives", study.zh(str(exc)))
        return
    study.tables["normality"] = m.to_frame()
    shape = study.tables["descriptives"]
    study.numbers["normality"] = {
        "n": m.n, "p": m.p, "b1p": m.b1p, "b2p": m.b2p, "skew": m.skew, "df_skew": m.df_skew,
        "p_skew": m.p_skew, "small_skew": m.small_skew, "p_small": m.p_small,
        "kurtosis": m.kurtosis, "p_kurtosis": m.p_kurtosis, "normal": m.normal,
        "item_type": 3,
        "skew_range": [float(shape["skew"].min()), float(shape["skew"].max())],
        "kurtosis_range": [float(shape["kurtosis"].min()), float(shape["kurtosis"].max())],
        "definition": "Mardia (1970) as psych::mardia (covariance with divisor n - 1); item "
        "skewness and kurtosis as psych::describe(type = 3)",
    }  # fmt: skip


# -- 3. reliability and validity ----------------------------------------------------------
def reliability(study: Study) -> None:
    """α (with CI), ω, CR and AVE per construct, item statistics: ω, CR and AVE first from
    a one-factor CFA of each construct; :func:`joint_reliability` replaces them with the
    measurement model's when the CFA is admissible, and :func:`reliability_findings`
    words the values that remain (one value per quantity)."""
    from cxlab.psychometrics import reliability as rel_

    scales = {f: items for f, items in study.scales.items() if len(items) >= 2}
    if not scales:
        study.note("reliability", say(study.lang, "n_no_scales"))
        return
    rel = rel_(study.data, scales)
    study.tables["reliability"] = rel.scales
    study.tables["item_statistics"] = rel.items
    study.numbers["reliability"] = {"source": "one_factor", "definitions": ONE_FACTOR}


#: what the reliability table's ω, CR and AVE are when they come from one-factor CFAs
ONE_FACTOR = {
    "omega_total": "ω (one-factor CFA per construct; compRelSEM, obs.var = FALSE)",
    "composite_reliability": "CR (Fornell & Larcker 1981, standardized loadings; one-factor "
    "CFA per construct)",
    "ave": "AVE (Fornell & Larcker 1981, mean squared standardized loading; one-factor CFA per "
    "construct)",
}


def joint_reliability(study: Study, fit: Any) -> str:
    """Replace the one-factor ω, CR and AVE (and the items' loadings) of the reliability
    table by those of the admissible measurement model *fit*: ω and AVE as semTools'
    ``compRelSEM(fit)`` and ``AVE(fit)``, CR by Fornell & Larcker from its standardized
    loadings. Returns the AVE's method, for the Fornell–Larcker table: "semtools", or
    "fornell_larcker" (the mean squared standardized loading, in both tables) when
    semTools' AVE is not defined for some factor (an item loading on two factors, a factor
    of factors) or above 1.

    Examples
    --------
    >>> import cxlab as cx
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> model = "visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6"
    >>> study = Study(source={}, model=model, settings={}, data=hs)
    >>> study.scales = {"visual": ["x1", "x2", "x3"], "textual": ["x4", "x5", "x6"]}
    >>> reliability(study)
    >>> joint_reliability(study, cx.psychometrics.cfa(model, hs))
    'semtools'
    >>> study.tables["reliability"][["scale", "omega_total", "ave"]].round(3)
         scale  omega_total    ave
    0   visual        0.613  0.371
    1  textual        0.885  0.721
    >>> study.numbers["reliability"]["definitions"]["ave"]
    'AVE (semTools::AVE, obs.var = TRUE)'
    """
    from cxlab.psychometrics import ave, model_reliability

    if "reliability" not in study.tables:
        return "semtools"
    joint = model_reliability(fit)
    definitions = dict(joint.attrs["definitions"])
    method = "semtools"
    every = ave(fit, drop_single=False).iloc[0].to_numpy(dtype=float)  # as Fornell–Larcker's
    if not (np.isfinite(every) & (every <= 1 + 1e-6)).all():
        method = "fornell_larcker"
        fl = ave(fit, method=method)
        joint["ave"] = joint["factor"].map(fl.iloc[0])
        definitions["ave"] = fl.attrs["definition"]
    table = study.tables["reliability"].copy()
    values = joint.set_index("factor")
    used = table["scale"].isin(values.index)
    for col in ("omega_total", "composite_reliability", "ave"):
        table.loc[used, col] = table.loc[used, "scale"].map(values[col]).astype(float)
    table.loc[used, "warnings"] = ""  # they were about the one-factor models, not shown
    study.tables["reliability"] = table
    items = study.tables["item_statistics"].copy()
    est = fit.to_frame()
    std = est[est.op == "=~"].set_index(["lhs", "rhs"])["std_all"]
    pairs = list(zip(items["scale"], items["item"], strict=True))
    items["loading"] = [float(std.get(pair, np.nan)) for pair in pairs]
    study.tables["item_statistics"] = items
    study.numbers["reliability"] = {"source": "measurement_model", "definitions": definitions}
    return method


def reliability_findings(study: Study, at: int | None = None) -> None:
    """The findings on α, CR and AVE (below .70 / .50) and the table's warnings, from the
    values the reliability table finally shows; *at* is where they go in the list of
    findings (after those of the data, before the models'), the end by default."""
    if "reliability" not in study.tables:
        return
    later = study.findings[at:] if at is not None else []
    del study.findings[len(study.findings) - len(later) :]
    for r in study.tables["reliability"].itertuples():
        weak = []
        if r.alpha < 0.70:
            weak.append(f"α = {r.alpha:.2f} < .70")
        if np.isfinite(r.composite_reliability) and r.composite_reliability < 0.70:
            weak.append(f"CR = {r.composite_reliability:.2f} < .70")
        if np.isfinite(r.ave) and r.ave < 0.50:
            weak.append(f"AVE = {r.ave:.2f} < .50")
        scale = study.labels.named(r.scale)
        if weak:
            weak_text = say(study.lang, "list_sep").join(weak)
            study.find(
                "warning", "reliability", say(study.lang, "f_weak", scale=scale, weak=weak_text)
            )
        if r.warnings:
            warning = study.zh(r.warnings)
            study.find(
                "warning",
                "reliability",
                say(study.lang, "f_scale_warning", scale=scale, warning=warning),
            )
    if not any(f.section == "reliability" for f in study.findings):
        study.find("ok", "reliability", say(study.lang, "f_rel_ok"))
    study.findings.extend(later)
