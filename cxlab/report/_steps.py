"""The analyses of :func:`cxlab.report.report`, one function per stage (private).

Each stage adds tables, numbers and findings to a :class:`Study`. Problems with the
input (a file that cannot be read, a model naming an unknown column, text in a rating
item) raise :class:`~cxlab.errors.DataError` / :class:`~cxlab.errors.ModelSpecError`
before anything is written; problems of estimation (a non-converged or inadmissible
model, a failed bootstrap) become findings of the report.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from cxlab.errors import CxlabError, DataError, EstimationError, ModelSpecError

# Hu & Bentler (1999) cut-offs, used to word the findings (never to hide numbers)
CUTS = {"cfi": 0.95, "tli": 0.95, "rmsea": 0.06, "srmr": 0.08}
FIT_KEYS = ["n", "chisq", "df", "pvalue", "cfi", "tli", "rmsea", "rmsea_ci_low",
            "rmsea_ci_high", "srmr", "aic", "bic"]  # fmt: skip


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
        study.find("warning", "data", f"Data check: {r.message}")
    reverse = survey.codebook.loc[survey.codebook["reverse"], "name"]
    reverse = [v for v in reverse if v in study.observed and v not in survey.reversed_items]
    if reverse:
        survey = survey.reverse_code(reverse)
        study.note(
            "data",
            f"Reverse-keyed item(s) {', '.join(reverse)} recoded as min + max − x (codebook) "
            "before any analysis.",
        )
    study.survey = survey
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
    rows = [
        ("respondents in the file", len(data)),
        ("variables in the model", len(obs)),
        ("respondents with every model variable answered", complete),
        ("share of model answers missing", round(miss.totals["missing_share"], 4)),
    ]
    study.numbers["sample"] = {
        "n_file": len(data),
        "n_complete": complete,
        "missing_share": miss.totals["missing_share"],
        "missing": missing,
    }
    if complete < len(data):
        used = "all respondents (FIML)" if missing == "fiml" else f"the {complete} complete ones"
        study.note(
            "data",
            f"{len(data) - complete} of {len(data)} respondents skipped at least one model "
            f"variable; the models use {used} (missing='{missing}').",
        )
    try:
        flags = survey.careless()
    except CxlabError:
        flags = None
    if flags is not None and len(flags):
        flagged = flags[flags["n_flags"] >= 2]
        rows.append(("respondents with ≥ 2 careless-responding flags (kept)", len(flagged)))
        study.numbers["sample"]["careless_flagged"] = len(flagged)
        study.tables["careless_flagged"] = flagged.reset_index(drop=True)
        if len(flagged):
            study.find(
                "note",
                "data",
                f"{len(flagged)} respondents look careless (≥ 2 flags: long strings, low "
                "variability, speeding). They are kept; inspect them and report any exclusion "
                "(table careless_flagged).",
            )
    if group is not None:
        sizes = data[group].value_counts(dropna=False).sort_index()
        for g, k in sizes.items():
            rows.append((f"group {group} = {g}", int(k)))
    study.tables["sample"] = pd.DataFrame(
        {"quantity": [r[0] for r in rows], "value": pd.Series([r[1] for r in rows], dtype=object)}
    )
    study.tables["missing_by_item"] = miss.by_item
    factor_of = {v: f for f, items in study.scales.items() for v in items}
    study.tables["descriptives"] = pd.DataFrame(
        {
            "variable": obs,
            "construct": [factor_of.get(v, "") for v in obs],
            "n": x.notna().sum().to_numpy(),
            "mean": x.mean().to_numpy(),
            "sd": x.std().to_numpy(),
            "min": x.min().to_numpy(),
            "max": x.max().to_numpy(),
            "skew": x.skew().to_numpy(),
            "kurtosis": x.kurt().to_numpy(),
        }
    )
    high = study.tables["descriptives"].query("abs(skew) > 2 or abs(kurtosis) > 7")
    if len(high):
        study.find(
            "note",
            "data",
            f"{', '.join(high['variable'])}: |skew| > 2 or |kurtosis| > 7 (Curran, West & Finch "
            "1996); ML standard errors may be too small — the bootstrap CIs do not assume "
            "normality.",
        )


# -- 3. reliability and validity ----------------------------------------------------------
def reliability(study: Study) -> None:
    """α (with CI), ω, CR and AVE per construct, item statistics."""
    from cxlab.psychometrics import reliability as rel_

    scales = {f: items for f, items in study.scales.items() if len(items) >= 2}
    if not scales:
        study.note("reliability", "No construct has two or more items: nothing to assess.")
        return
    rel = rel_(study.data, scales)
    study.tables["reliability"] = rel.scales
    study.tables["item_statistics"] = rel.items
    for r in rel.scales.itertuples():
        weak = []
        if r.alpha < 0.70:
            weak.append(f"α = {r.alpha:.2f} < .70")
        if np.isfinite(r.composite_reliability) and r.composite_reliability < 0.70:
            weak.append(f"CR = {r.composite_reliability:.2f} < .70")
        if np.isfinite(r.ave) and r.ave < 0.50:
            weak.append(f"AVE = {r.ave:.2f} < .50")
        if weak:
            study.find("warning", "reliability", f"{r.scale}: {', '.join(weak)}.")
        if r.warnings:
            study.find("warning", "reliability", f"{r.scale}: {r.warnings}")
    if not any(f.section == "reliability" for f in study.findings):
        study.find(
            "ok",
            "reliability",
            "Every construct has α and CR ≥ .70 and AVE ≥ .50 (where defined).",
        )


def _fit_table(fit: Any, name: str) -> pd.DataFrame:
    f = fit.fit_indices()
    row = {k: f[k] for k in FIT_KEYS if k in f}
    row["n"], row["df"] = int(row["n"]), int(row["df"])
    return pd.DataFrame([{"model": name, **row}])


def _fit_words(f: pd.Series) -> tuple[bool, str]:
    good = f["cfi"] >= CUTS["cfi"] and f["rmsea"] <= CUTS["rmsea"] and f["srmr"] <= CUTS["srmr"]
    text = (
        f"χ²({f['df']:.0f}) = {f['chisq']:.2f}, p = {f['pvalue']:.3f}; CFI = {f['cfi']:.3f}, "
        f"TLI = {f['tli']:.3f}, RMSEA = {f['rmsea']:.3f} [{f['rmsea_ci_low']:.3f}, "
        f"{f['rmsea_ci_high']:.3f}], SRMR = {f['srmr']:.3f}"
    )
    return bool(good), text


def diagnosis_text(diagnosis: str) -> str:
    """A fit's multi-line diagnosis as one paragraph: the problems joined by semicolons,
    then what to try."""
    lines = [line.strip() for line in diagnosis.splitlines() if line.strip()]
    bullets = [line[2:].rstrip(".") for line in lines if line.startswith("- ")]
    rest = [line for line in lines[1:] if not line.startswith("- ")]
    return "; ".join(bullets) + (". " if bullets else "") + " ".join(rest)


def _inadmissible(study: Study, section: str, what: str, fit: Any) -> None:
    study.tables[f"{section}_diagnostics"] = fit.diagnostics
    study.numbers[section] = {"admissible": False, "converged": bool(fit.converged)}
    study.find(
        "problem", section, f"The {what} cannot be reported: {diagnosis_text(fit.diagnosis())}"
    )


def _fit_or_finding(study: Study, section: str, what: str, model: str, missing: str) -> Any:
    """``sem.fit`` of *model*; an estimation that fails (EstimationError, or a numerical
    error of the optimiser) becomes a "problem" finding and returns None. Input errors
    (DataError, ModelSpecError) still stop the report."""
    from cxlab import sem

    try:
        return sem.fit(model, study.data, missing=missing)
    except (DataError, ModelSpecError):
        raise
    except (EstimationError, ValueError, ArithmeticError, np.linalg.LinAlgError) as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        study.numbers[section] = {"admissible": False, "converged": False}
        study.find(
            "problem",
            section,
            f"The {what} cannot be reported: its estimation failed ({reason}). The model may "
            "be misspecified or not identified (e.g. a fixed covariance that contradicts the "
            "data, a factor with too few items); revise it and run the report again.",
        )
        return None


def cfa(study: Study, missing: str, B: int, seed: int) -> None:
    """The measurement model: fit, standardized loadings, Fornell–Larcker and HTMT."""
    from cxlab.psychometrics.validity import discriminant_validity

    if not study.latent:
        study.note("cfa", "The model has no latent variables (=~): no measurement model.")
        return
    fit = _fit_or_finding(study, "cfa", "measurement model (CFA)", study.measurement, missing)
    if fit is None:
        return
    study.fits["cfa"] = fit
    if not fit.admissible:
        _inadmissible(study, "cfa", "measurement model (CFA)", fit)
        return
    study.tables["cfa_fit"] = _fit_table(fit, "measurement model (CFA)")
    est = fit.estimates()
    study.tables["cfa_loadings"] = est[est.op == "=~"].reset_index(drop=True)
    study.tables["cfa_diagnostics"] = fit.diagnostics
    good, text = _fit_words(fit.fit_indices())
    study.numbers["cfa"] = {"admissible": True, "fit_indices": fit.fit_indices().to_dict()}
    study.find("ok" if good else "warning", "cfa", f"Measurement model: {text}.")
    low = study.tables["cfa_loadings"].query("`std.all` < 0.5")
    if len(low):
        negative = (low["std.all"] < 0).any()
        study.find(
            "warning",
            "cfa",
            "Standardized loadings below .50: "
            + ", ".join(f"{r['rhs']} ({r['std.all']:.2f})" for _, r in low.iterrows())
            + (
                ". A negative loading usually means a reverse-keyed item that was not recoded: "
                "mark it reverse = True in the codebook (--codebook)."
                if negative
                else "."
            ),
        )
    usable = [f for f, items in study.scales.items() if len(items) >= 2]
    if len(usable) >= 2:
        dv = discriminant_validity(fit, B=max(B, 200), seed=seed)
        study.tables["fornell_larcker"] = dv.fornell_larcker.reset_index(names="construct")
        study.tables["htmt"] = dv.htmt
        for p in dv.problems:
            study.find("warning", "validity", p)
        for r in dv.htmt[dv.htmt["above_85"] & ~dv.htmt["ci_includes_1"]].itertuples():
            study.find(
                "note",
                "validity",
                f"HTMT of {r.scale_1} and {r.scale_2} is {r.htmt:.3f}, above the conservative "
                ".85 (its CI stays below 1).",
            )
        if dv.ok:
            study.find(
                "ok",
                "validity",
                "Discriminant validity holds: √AVE above every latent correlation and every "
                "HTMT CI below 1.",
            )


def structural(study: Study, missing: str, B: int, seed: int, progress: bool) -> None:
    """The full model: fit, estimates, R², effects with bootstrap CIs, APA tables, diagram."""
    fit = _fit_or_finding(study, "sem", "structural model", study.model, missing)
    if fit is None:
        return
    study.fits["sem"] = fit
    for note in fit.notes:
        study.note("sem", note)
    if not fit.admissible:
        _inadmissible(study, "sem", "structural model", fit)
        return
    f = fit.fit_indices()
    study.tables["sem_fit"] = _fit_table(fit, "structural model (SEM)")
    study.tables["sem_estimates"] = fit.estimates()
    study.tables["r2"] = fit.r2()
    study.tables["sem_diagnostics"] = fit.diagnostics
    study.numbers["sem"] = {"admissible": True, "fit_indices": f.to_dict()}
    good, text = _fit_words(f)
    study.find("ok" if good else "warning", "sem", f"Structural model: {text}.")
    boot = mc = None
    if B > 0 and missing == "listwise":
        try:
            boot = fit.bootstrap(B, seed=seed, progress=progress)
            study.note("effects", boot.summary())
            study.tables["sem_bootstrap"] = boot.table
        except EstimationError as exc:
            study.find("warning", "effects", f"Bootstrap failed ({exc}); delta-method CIs shown.")
    elif B > 0:
        mc = fit.monte_carlo_ci(max(B, 1000), seed=seed)
        study.note("effects", "FIML: Monte-Carlo CIs (the bootstrap needs complete rows).")
    eff = fit.effects(boot=boot, mc=mc)
    study.tables["effects"] = eff
    study.numbers["sem"]["effects_ci"] = eff.attrs.get("ci", "")
    try:
        apa = fit.to_apa()
        study.tables["apa_fit"], study.tables["apa_measurement"] = apa.fit, apa.measurement
        study.tables["apa_structural"] = apa.structural
        study.note("apa", apa.note)
    except DataError as exc:  # e.g. multi-group
        study.note("apa", str(exc))
    for _, r in eff[eff["effect"].isin(["indirect", "defined"])].iterrows():
        if r["effect"] == "defined":
            name = f"defined effect {r['from']} := {r['via']}"
        else:
            via = f" through {r['via']}" if r["via"] else " (all routes)"
            name = f"indirect effect of {r['from']} on {r['to']}{via}"
        zero = r["ci_low"] <= 0 <= r["ci_high"]
        study.find(
            "note",
            "effects",
            f"The {name} is {r['est']:.3f} [{r['ci_low']:.3f}, {r['ci_high']:.3f}], "
            f"β = {r['std_all']:.3f}; the {eff.attrs.get('ci', '')} CI "
            + ("includes 0." if zero else "excludes 0."),
        )
    study.figures["path_diagram"] = _svg(fit.plot())


def _svg(fig: Any) -> str:
    import matplotlib.pyplot as plt

    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    plt.close(fig)
    return buf.getvalue()


def pls(study: Study, B: int, seed: int, progress: bool) -> None:
    """PLS path modeling of the same model (a comparison, or the only estimate when the
    CB-SEM solution is inadmissible)."""
    from cxlab import pls as pls_

    gaps = bool(study.data[study.observed].isna().any(axis=None))
    try:
        fit = pls_.fit(study.model, study.data, missing="listwise" if gaps else None)
    except CxlabError as exc:
        study.find("warning", "pls", f"PLS-PM could not be estimated: {exc}")
        return
    study.fits["pls"] = fit
    for note in fit.notes:
        study.note("pls", note)
    paths = fit.paths_
    if B > 0:
        boot = fit.bootstrap(max(B, 100), seed=seed, progress=progress)
        study.note("pls", boot.summary().splitlines()[0])  # the draws line, not the table
        paths = boot.paths()
    study.tables["pls_paths"] = paths.reset_index(drop=True)
    study.tables["pls_r2"] = fit.r2_
    study.tables["pls_reliability"] = fit.reliability()
    study.numbers["pls"] = {"n": fit.n, "iterations": fit.iterations}


def invariance(study: Study, group: str) -> None:
    """Configural, metric, scalar and strict invariance of the measurement model."""
    from cxlab.errors import InadmissibleSolutionError
    from cxlab.sem import invariance as inv_

    if not study.latent:
        study.note("invariance", "No latent variables: measurement invariance does not apply.")
        return
    try:
        result = inv_(study.measurement, study.data, group)
    except InadmissibleSolutionError as exc:
        study.find(
            "problem",
            "invariance",
            f"Invariance across {group!r} cannot be assessed: {diagnosis_text(str(exc))}",
        )
        return
    except DataError as exc:  # e.g. a group with fewer respondents than variables
        study.find("warning", "invariance", f"Invariance across {group!r} not tested: {exc}")
        return
    study.tables["invariance"] = result.table
    holding = [lvl for lvl, ok in zip(result.table["level"], result.table["holds"], strict=True)
               if ok]  # fmt: skip
    last = holding[-1] if holding else "none"
    study.numbers["invariance"] = {"group": group, "highest_level": last}
    level = "ok" if last in ("scalar", "strict") else "warning"
    study.find(
        level,
        "invariance",
        f"Measurement invariance across {group!r}: highest level that holds is {last} "
        "(Chen 2007). "
        + (
            "Latent means and paths can be compared across groups."
            if level == "ok"
            else "Compare groups' latent means only with partial invariance."
        ),
    )
