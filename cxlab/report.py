"""From a survey file and a model to a publication-ready study report, in one step.

``cx.report.report("survey.csv", "model.lav", "report.html")`` — or on the command line
``cxlab report survey.csv --model model.lav --out report.html`` — runs the standard
write-up of an empirical (loyalty) study and writes:

- ``report.html``: one self-contained page (figures embedded as base64 SVG, no scripts,
  no external files) with the key findings first, then data and sample, descriptives,
  reliability and convergent validity, discriminant validity, the measurement model
  (CFA), the structural model (SEM) with its path diagram, direct / indirect / total
  effects with bootstrap CIs, PLS-PM (``pls=True``), measurement invariance
  (``group=``), APA tables, a draft methods paragraph and what is needed to reproduce it;
- ``report.xlsx`` and ``report_tables/*.csv``: every table (spreadsheet formulas escaped);
- ``report.json``: every number, with the cxlab version, the seed, the settings and the
  SHA-256 of the input files.

The stages are those of :mod:`cxlab.io` / :mod:`cxlab.survey` (reading and validation;
reverse-keyed items recoded from the codebook), :mod:`cxlab.psychometrics` and
:mod:`cxlab.validity` (α, ω, CR, AVE, Fornell–Larcker, HTMT), :func:`cxlab.sem.fit` (the
CFA is the ``=~`` part of the model; the SEM the whole model, lavaan's defaults),
:mod:`cxlab.pls` and :mod:`cxlab.invariance`. The numbers are exactly what those functions
return: the report's fit indices are ``cx.sem.fit(model, data).fit_indices()``.

Honesty rules: an error in the input — a file that cannot be decoded, a model naming a
column that is not in the data, text in a rating item, values outside a codebook scale
in a model variable — stops the run with one paragraph naming the problem, and nothing
is written (the files are built in a temporary folder and moved into place only when
everything succeeded). A model that does not converge or is inadmissible is a finding
of the report, with its diagnosis, never a table of estimates.

# In R: the chain lavaan::cfa / sem, semTools::compRelSEM / htmt / measEq.syntax,
# psych::alpha, by hand.

Examples
--------
>>> import tempfile, pathlib
>>> import cxlab as cx
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> hs = cx.datasets.load("holzinger_swineford")
>>> model = "visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6\\nspeed =~ x7 + x8 + x9"
>>> rep = cx.report.report(hs, model, folder / "hs.html", bootstrap=0)
>>> sorted(p.name for p in folder.iterdir())
['hs.html', 'hs.json', 'hs.xlsx', 'hs_tables']
>>> print(f"{rep.fit_indices('cfa')['chisq']:.3f}")  # lavaan: cfa(model, HolzingerSwineford1939)
85.306
"""

from __future__ import annotations

import os
import platform
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from cxlab import _report_html as render_
from cxlab import _report_steps as steps
from cxlab._report_steps import Finding
from cxlab.errors import DataError

__all__ = ["Finding", "StudyReport", "report"]


@dataclass
class StudyReport:
    """What :func:`report` wrote and computed.

    Attributes
    ----------
    path : Path
        The HTML report.
    files : dict
        ``html``, ``xlsx``, ``json`` and ``csv`` (the folder of CSV tables).
    tables : dict of str to DataFrame
        Every table of the report, by name (as in the CSV / xlsx / JSON files).
    numbers : dict
        Key numbers (sample, fit indices per model, invariance level).
    findings : list of Finding
        The key findings (level, section, text); level "problem" marks a model that
        cannot be reported.
    fits : dict
        The fitted objects: ``cfa`` and ``sem`` (:class:`cxlab.sem.SEMFit`), ``pls``.
    notes : dict of str to list of str
        What was done to the data and models, by section (e.g. reverse coding).
    """

    path: Path
    files: dict[str, Path]
    tables: dict[str, pd.DataFrame]
    numbers: dict[str, Any]
    findings: list[Finding]
    fits: dict[str, Any] = field(default_factory=dict, repr=False)
    notes: dict[str, list[str]] = field(default_factory=dict, repr=False)

    @property
    def admissible(self) -> bool:
        """True when no model of the report is inadmissible or non-converged."""
        return not any(f.level == "problem" for f in self.findings)

    def fit_indices(self, model: str = "sem") -> pd.Series:
        """The fit indices of ``"sem"`` or ``"cfa"`` as shown in the report (raises if that
        model was not reportable).

        Examples
        --------
        >>> rep = StudyReport(Path("r.html"), {}, {}, {"sem": {"fit_indices": {"cfi": 1.0}}}, [])
        >>> rep.fit_indices()["cfi"]
        np.float64(1.0)
        """
        part = self.numbers.get(model, {})
        if "fit_indices" not in part:
            raise DataError(
                f"The report has no fit indices for {model!r}: "
                + ("the model was not reportable." if part else "there is no such model.")
            )
        return pd.Series(part["fit_indices"], dtype=float)

    def summary(self) -> str:
        """The key findings as text, problems first.

        Examples
        --------
        >>> rep = StudyReport(Path("r.html"), {}, {}, {}, [Finding("ok", "cfa", "Fits.")])
        >>> print(rep.summary())
        Report r.html
        [ok] Fits.
        """
        lines = [f"Report {self.path}"]
        lines += [f"[{f.level}] {f.text}" for f in render_.ordered(self.findings)]
        return "\n".join(lines)

    def __repr__(self) -> str:
        counts = pd.Series([f.level for f in self.findings]).value_counts().to_dict()
        return f"StudyReport({self.path}, findings={counts})"


def _versions() -> dict[str, str]:
    import numpy
    import scipy

    from cxlab import __version__

    return {
        "cxlab": __version__,
        "python": platform.python_version(),
        "numpy": numpy.__version__,
        "pandas": pd.__version__,
        "scipy": scipy.__version__,
    }


def _write(out: Path, page: str, doc: str, tables: dict[str, pd.DataFrame]) -> dict[str, Path]:
    """Write the files in a temporary folder next to *out*, then move them into place."""
    names = {
        "csv": f"{out.stem}_tables",
        "xlsx": f"{out.stem}.xlsx",
        "json": f"{out.stem}.json",
        "html": out.name,
    }
    folder = out.parent / names["csv"]
    if folder.exists() and (
        not folder.is_dir() or any(p.suffix != ".csv" for p in folder.iterdir())
    ):
        raise DataError(
            f"{folder} exists and holds other files than a previous report's CSV tables; "
            "choose another --out name."
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.stem}-", dir=out.parent))
    try:
        (tmp / names["csv"]).mkdir()
        for name, frame in tables.items():
            (tmp / names["csv"] / f"{name}.csv").write_bytes(render_.csv_bytes(frame))
        (tmp / names["xlsx"]).write_bytes(render_.xlsx_bytes(tables))
        (tmp / names["json"]).write_text(doc, encoding="utf-8")
        (tmp / names["html"]).write_text(page, encoding="utf-8")
        if folder.is_dir():
            shutil.rmtree(folder)
        for key in ("csv", "xlsx", "json", "html"):  # the HTML last: it marks a whole report
            os.replace(tmp / names[key], out.parent / names[key])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return {key: out.parent / name for key, name in names.items()}


def report(
    data: str | Path | pd.DataFrame,
    model: str | Path,
    out: str | Path,
    *,
    codebook: str | Path | pd.DataFrame | None = None,
    group: str | None = None,
    pls: bool = False,
    bootstrap: int = 2000,
    seed: int = 1,
    missing: str = "listwise",
    encoding: str | None = None,
    id_column: str | None = None,
    title: str | None = None,
    progress: bool = False,
    command: str | None = None,
) -> StudyReport:
    """Run the study pipeline and write the report (see the module docstring).

    Parameters
    ----------
    data : path or DataFrame
        A survey export (CSV in any encoding cxlab detects, xlsx, .sav; Qualtrics and 问卷星
        layouts) or a DataFrame.
    model : str or path
        lavaan syntax, or a text file (``.lav``) holding it.
    out : path
        The HTML file to write; the xlsx, the JSON and the ``<name>_tables`` folder of CSVs
        go next to it. Existing files of the same names are replaced.
    codebook : path or DataFrame, optional
        Variables' scales, constructs, reverse-keyed items, value labels
        (:func:`cxlab.survey.normalise_codebook`); without it, only the model's variables
        are checked (numbers, not text).
    group : str, optional
        A column of groups: measurement invariance across them.
    pls : bool
        Also estimate the model by PLS path modeling.
    bootstrap : int
        Resamples for the CIs of effects (2000 for a paper; 0: delta-method CIs only).
    seed : int
        Seed of every random step (bootstrap, HTMT CIs); recorded in the report.
    missing : {"listwise", "fiml"}
        Missing-data handling of the CFA and SEM (FIML uses Monte-Carlo CIs for effects).
    encoding : str, optional
        Encoding of a CSV file (detected when not given).
    id_column : str, optional
        The respondent id column (found among common names when not given).
    title : str, optional
        Title of the report.
    progress : bool
        Show progress bars of the bootstraps.
    command : str, optional
        The command line recorded in the report (the CLI fills it in).

    Returns
    -------
    StudyReport

    Raises
    ------
    cxlab.errors.DataError
        The data cannot be read or fail validation for a model variable; nothing is written.
    cxlab.errors.ModelSpecError
        The model cannot be read or names an unknown variable; nothing is written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import cxlab as cx
    >>> air = cx.datasets.load("airline_mot")
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "airline.html"
    >>> rep = cx.report.report(air, "sat_overall ~ mot_crew + ces\\nnps_score ~ sat_overall",
    ...                        out, bootstrap=0)
    >>> rep.admissible, sorted(rep.files)
    (True, ['csv', 'html', 'json', 'xlsx'])
    >>> print(rep.summary().splitlines()[1][:47])  # lavaan: sem(model, airline_mot)
    [ok] Structural model: χ²(2) = 3.91, p = 0.142;
    """
    out = Path(out)
    if out.suffix.lower() not in (".html", ".htm"):
        raise DataError(f"--out must name an .html file, not {out.name!r}.")
    if not isinstance(bootstrap, int) or bootstrap < 0 or 0 < bootstrap < 10:
        raise DataError(f"bootstrap must be 0 or at least 10 resamples, not {bootstrap!r}.")
    if missing not in ("listwise", "fiml"):
        raise DataError(f"missing must be 'listwise' or 'fiml', not {missing!r}.")
    text, model_info = steps.read_model(model)
    survey, info = steps.load(data, codebook, encoding=encoding, id_column=id_column)
    if info.get("data_file") and out.resolve() == Path(info["data_file"]).resolve():
        raise DataError("--out must not be the data file.")
    settings = {
        "group": group,
        "pls": pls,
        "bootstrap": bootstrap,
        "seed": seed,
        "missing": missing,
        "title": title,
    }
    study = steps.Study({**info, **model_info}, text, settings, survey=survey)
    steps.check(study, group)
    steps.describe(study, group, missing)
    steps.reliability(study)
    steps.cfa(study, missing, bootstrap, seed)
    if study.structural or not study.latent:
        steps.structural(study, missing, bootstrap, seed, progress)
    else:  # a pure measurement model: the CFA is the model
        study.note("sem", "The model has no structural part (~, :=): see the CFA.")
    if pls:
        steps.pls(study, bootstrap, seed, progress)
    if group is not None:
        steps.invariance(study, group)
    meta = {
        "cxlab_version": _versions()["cxlab"],
        "created": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "command": command or "cxlab.report.report(...)",
        "versions": _versions(),
    }
    study.tables = tables = {k: t for k, t in study.tables.items() if t.shape[1]}
    page = render_.render(study, meta)
    doc = render_.to_json(study, meta)
    files = _write(out, page, doc, tables)
    found = study.findings
    return StudyReport(files["html"], files, tables, study.numbers, found, study.fits, study.notes)


def _paragraph(text: str) -> str:
    """A multi-line error message as one paragraph (bullets joined with semicolons)."""
    lines = [line.strip().lstrip("-• ").strip() for line in str(text).splitlines()]
    lines = [line for line in lines if line]
    return "; ".join(lines).replace(":;", ":").replace(".;", ";")


def _run_cli(args: Any) -> int:
    """The ``cxlab report`` subcommand (see :mod:`cxlab.cli`); returns the exit code."""
    from cxlab.errors import CxlabError

    command = "cxlab report " + " ".join(sys.argv[2:]) if len(sys.argv) > 2 else None
    try:
        rep = report(
            args.data,
            args.model,
            args.out,
            codebook=args.codebook,
            group=args.group,
            pls=args.pls,
            bootstrap=args.bootstrap,
            seed=args.seed,
            missing=args.missing,
            encoding=args.encoding,
            id_column=args.id_column,
            title=args.title,
            progress=not args.quiet and sys.stderr.isatty(),
            command=command,
        )
    except CxlabError as exc:
        print(f"cxlab report: error: {_paragraph(str(exc))}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"cxlab report: error: cannot write the report ({exc}).", file=sys.stderr)
        return 1
    files = rep.files
    print(
        f"Report written: {files['html']} (+ {files['xlsx'].name}, {files['json'].name}, "
        f"{files['csv'].name}/ with {len(rep.tables)} CSV tables)."
    )
    if not args.quiet:
        print("\n".join(rep.summary().splitlines()[1:]))
    if not rep.admissible:
        print(
            "cxlab report: warning: a model is not admissible; the report says why.",
            file=sys.stderr,
        )
    return 0
