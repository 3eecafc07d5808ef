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
- ``report.docx``: the APA tables (:mod:`cxlab.report._apa`) as one Word file, and
  ``report_diagram.svg`` / ``.png``: the path diagram (with a structural model);
- ``report.json``: every number, with the cxlab version, the seed, the settings and the
  SHA-256 of the input files.

Languages: ``lang="zh"`` (``--lang zh``) writes the whole page in Chinese — title,
headings, key findings, notes, table titles ("表 1 …") and notes ("注：…"), column
headings, figure caption, the draft methods paragraph (研究方法) and the reproducibility
section, and the messages of models that cannot be reported — with the course's terms
(结构方程模型, 验证性因子分析, 组合信度, 平均方差抽取量, 区分效度, 间接效应, 测量不变性 …);
numbers, code names, estimator names (ML, CFI, RMSEA …) and references stay as they are.
With a codebook, item rows show the item's wording (``label_zh`` / ``label_en``, falling
back to the other language) next to the column name, and a Chinese report names each
construct by its ``construct_zh`` with the model's name in brackets ("满意度（SAT）").
Machine-readable output is the same in both languages: the JSON's keys and every table
of the CSV / xlsx / JSON files — names, column headings and cells — stay in English
(cxlab's and lavaan's column names), so two reports of the same study differ only in
their text (findings and notes, in the JSON too), ``settings.lang`` and the time they
were made. Sentences of other cxlab modules that the Chinese report does not know yet are
quoted in English; the command line's own status lines stay English.

The stages are those of :mod:`cxlab.io` / :mod:`cxlab.survey` (reading and validation;
reverse-keyed items recoded from the codebook), :mod:`cxlab.psychometrics` and
:mod:`cxlab.psychometrics.validity` (α, ω, CR, AVE, Fornell–Larcker, HTMT),
:func:`cxlab.sem.fit` (the CFA is the ``=~`` part of the model; the SEM the whole model,
lavaan's defaults), :mod:`cxlab.pls` and :func:`cxlab.sem.invariance`. The numbers are
exactly what those functions return: the report's fit indices are
``cx.sem.fit(model, data).fit_indices()``.

Honesty rules: an error in the input — a file that cannot be decoded, a model naming a
column that is not in the data, text in a rating item, values outside a codebook scale
in a model variable — stops the run with one paragraph naming the problem, and nothing
is written (the files are built in a temporary folder and moved into place only when
everything succeeded). No output is ever written onto an input file (data, codebook,
model; hard links included), and in ``<name>_tables`` only the tables a previous report
listed in its ``.cxlab-tables`` file are replaced or deleted. A model that does not
converge, whose estimation fails, or that is inadmissible is a finding of the report,
with its diagnosis, never a table of estimates.

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
['hs.docx', 'hs.html', 'hs.json', 'hs.xlsx', 'hs_tables']
>>> print(f"{rep.fit_indices('cfa')['chisq']:.3f}")  # lavaan: cfa(model, HolzingerSwineford1939)
85.306
"""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from cxlab import _files
from cxlab.errors import DataError
from cxlab.report import _html as render_
from cxlab.report import _methods as methods_
from cxlab.report import _models as models
from cxlab.report import _steps as steps
from cxlab.report._steps import Finding
from cxlab.report._words import LANGS, check_lang, say

__all__ = ["LANGS", "Finding", "StudyReport", "report", "run_cli"]


@dataclass
class StudyReport:
    """What :func:`report` wrote and computed. :meth:`to_frame` lists the findings; no
    ``plot()``: the report's figures are in its HTML file (``path``).

    Attributes
    ----------
    path : Path
        The HTML report.
    files : dict
        ``html``, ``xlsx``, ``json`` and ``csv`` (the folder of CSV tables); ``docx`` (the
        APA tables as a Word file) when the report has APA tables, ``svg`` and ``png``
        (the path diagram) when it has a structural model.
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

    def to_frame(self) -> pd.DataFrame:
        """The key findings as a table (level, section, text), problems first.

        Examples
        --------
        >>> rep = StudyReport(Path("r.html"), {}, {}, {}, [Finding("ok", "cfa", "Fits.")])
        >>> rep.to_frame()
          level section   text
        0    ok     cfa  Fits.
        """
        rows = [(f.level, f.section, f.text) for f in render_.ordered(self.findings)]
        return pd.DataFrame(rows, columns=["level", "section", "text"])

    def _repr_html_(self) -> str:
        from html import escape

        return f"<p><b>Report {escape(str(self.path))}</b></p>" + self.to_frame().to_html(
            index=False
        )

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


def _outputs(out: Path) -> dict[str, Path]:
    """Where the report's files go: the HTML, the xlsx, the JSON, the CSV folder, the APA
    tables as Word file and the path diagram as SVG and PNG files.

    Examples
    --------
    >>> sorted(p.name for p in _outputs(Path("study/r.html")).values())
    ['r.docx', 'r.html', 'r.json', 'r.xlsx', 'r_diagram.png', 'r_diagram.svg', 'r_tables']
    """
    return {
        "csv": out.parent / f"{out.stem}_tables",
        "xlsx": out.parent / f"{out.stem}.xlsx",
        "json": out.parent / f"{out.stem}.json",
        "docx": out.parent / f"{out.stem}.docx",
        "svg": out.parent / f"{out.stem}_diagram.svg",
        "png": out.parent / f"{out.stem}_diagram.png",
        "html": out,
    }


def _write(
    out: Path,
    page: str,
    doc: str,
    tables: dict[str, pd.DataFrame],
    inputs: dict[str, str | None] | None = None,
    extra: dict[str, bytes] | None = None,
) -> dict[str, Path]:
    """Write the files in a temporary folder next to *out*, then move them into place
    (:func:`cxlab._files.publish`), all or nothing: never onto an input file, the
    ``<name>_tables`` folder cleared only of the tables cxlab wrote there, the HTML last.
    *extra* holds the contents of the other files by their :func:`_outputs` key
    (``docx``, ``svg``, ``png``: :func:`cxlab.report._html.extra_files`). Returns the
    paths written, by key."""
    paths = _outputs(out)
    files = {
        paths["csv"] / f"{name}.csv": render_.csv_bytes(frame) for name, frame in tables.items()
    }
    files[paths["xlsx"]] = render_.xlsx_bytes(tables)
    files[paths["json"]] = doc.encode("utf-8")
    written = ["csv", "xlsx", "json"]
    for key, content in (extra or {}).items():
        if key not in paths or key in ("csv", "xlsx", "json", "html"):
            raise ValueError(f"not an extra output of the report: {key!r}")
        files[paths[key]] = content
        written.append(key)
    files[paths["html"]] = page.encode("utf-8")  # the HTML last: it marks a whole report
    _files.publish(files, inputs=inputs, tables=paths["csv"])
    return {key: paths[key] for key in [*written, "html"]}


def _inputs(model: str | Path, data: Any, codebook: Any) -> dict[str, str | None]:
    """The input files of a report (label → path), to be never written to."""
    return {
        "data file": None if isinstance(data, pd.DataFrame) else str(data),
        "codebook": str(codebook) if isinstance(codebook, str | Path) else None,
        "model file": str(model) if isinstance(model, Path) or _is_file(model) else None,
    }


def _is_file(text: Any) -> bool:
    try:
        return isinstance(text, str) and "\n" not in text and Path(text).is_file()
    except (OSError, ValueError):
        return False


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
    lang: str = "en",
    estimator: str = "ML",
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
        go next to it. Existing files of the same names are replaced, never an input file
        (data, codebook, model: a DataError), and in ``<name>_tables`` only the tables a
        previous report listed in its ``.cxlab-tables`` file are deleted.
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
    lang : {"en", "zh"}
        Language of the report's text (see the module docstring); the numbers and the
        tables of the CSV / xlsx / JSON files are the same in both.
    estimator : {"ML", "MLR", "WLSMV"}
        Estimator of the CFA and SEM (:func:`cxlab.sem.fit`): ``"ML"`` (default, lavaan's),
        ``"MLR"`` (robust SEs, Yuan–Bentler scaled χ², robust CFI / TLI / RMSEA) or
        ``"WLSMV"`` (the model's indicators as ordered categories; complete rows only, no
        bootstrap of effects). The Methods paragraph justifies it from Mardia's tests.

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
    (True, ['csv', 'docx', 'html', 'json', 'png', 'svg', 'xlsx'])
    >>> print(rep.summary().splitlines()[1][:47])  # lavaan: sem(model, airline_mot)
    [ok] Structural model: χ²(2) = 3.91, p = 0.142;

    The same report in Chinese (a codebook adds the items' wording):

    >>> rep_zh = cx.report.report(air, "sat_overall ~ mot_crew + ces\\nnps_score ~ sat_overall",
    ...                           out.with_name("airline_zh.html"), bootstrap=0, lang="zh",
    ...                           codebook=cx.datasets.codebook("airline_mot"))
    >>> print(next(line for line in rep_zh.summary().splitlines() if "结构模型" in line)[:33])
    [ok] 结构模型：χ²(2) = 3.91，p = 0.142；
    >>> "表 1 样本" in rep_zh.path.read_text(encoding="utf-8")
    True
    """
    lang = check_lang(lang)
    out = Path(out)
    if out.suffix.lower() not in (".html", ".htm"):
        raise DataError(f"--out must name an .html file, not {out.name!r}.")
    if not isinstance(bootstrap, int) or bootstrap < 0 or 0 < bootstrap < 10:
        raise DataError(f"bootstrap must be 0 or at least 10 resamples, not {bootstrap!r}.")
    if missing not in ("listwise", "fiml"):
        raise DataError(f"missing must be 'listwise' or 'fiml', not {missing!r}.")
    estimator = _check_estimator(estimator, missing)
    inputs = _inputs(model, data, codebook)
    places = _outputs(out)
    _files.check_outputs([p for key, p in places.items() if key != "csv"], inputs)
    _files.tables_plan(places["csv"], [])  # a folder cxlab may not write in: refuse now
    try:
        text, model_info = steps.read_model(model)
        survey, info = steps.load(data, codebook, encoding=encoding, id_column=id_column)
    except OSError as exc:  # e.g. PermissionError: say which file could not be READ
        what = exc.filename or next((p for p in inputs.values() if p), "an input file")
        raise DataError(
            f"Cannot read the input file {what}: {exc.strerror or exc}. Check that it exists "
            "and that you may read it (its permissions), then run the report again; nothing "
            "was written."
        ) from None
    settings = {
        "group": group,
        "pls": pls,
        "bootstrap": bootstrap,
        "seed": seed,
        "missing": missing,
        "title": title,
        "lang": lang,
        "estimator": estimator,
    }
    study = steps.Study({**info, **model_info}, text, settings, survey=survey, lang=lang)
    steps.check(study, group)
    steps.describe(study, group, missing)
    steps.normality(study)  # Mardia: the Methods paragraph's case for the estimator
    if estimator == "WLSMV" and not study.scales:
        raise DataError(
            "--estimator WLSMV fits the indicators of latent variables as ordered categories; "
            "this model has none (no '=~'). Use --estimator MLR for observed variables."
        )
    steps.reliability(study)
    at = len(study.findings)
    models.cfa(study, missing, bootstrap, seed)  # ω, CR and AVE of the CFA, if admissible
    steps.reliability_findings(study, at)  # in the list where the reliability step was
    if study.structural or not study.latent:
        models.structural(study, missing, bootstrap, seed, progress)
    else:  # a pure measurement model: the CFA is the model
        study.note("sem", say(lang, "n_no_structural"))
    if pls:
        models.pls(study, bootstrap, seed, progress)
    if group is not None:
        models.invariance(study, group)
    meta = {
        "cxlab_version": _versions()["cxlab"],
        "created": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "command": command or "cxlab.report.report(...)",
        "versions": _versions(),
    }
    methods_.write_up(study, meta)  # Methods, Results, reviewers' checklist
    study.tables = tables = {k: t for k, t in study.tables.items() if t.shape[1]}
    page = render_.render(study, meta)
    doc = render_.to_json(study, meta)
    files = _write(out, page, doc, tables, inputs, extra=render_.extra_files(study))
    found = study.findings
    return StudyReport(files["html"], files, tables, study.numbers, found, study.fits, study.notes)


ESTIMATORS = ("ML", "MLR", "WLSMV")


def _check_estimator(estimator: str, missing: str) -> str:
    """The estimator's name in capitals, or a clear error for one the report does not
    offer, or one cx.sem refuses with this missing-data method (WLSMV has no FIML).

    Examples
    --------
    >>> _check_estimator("mlr", "fiml")
    'MLR'
    >>> _check_estimator("WLSMV", "fiml")
    Traceback (most recent call last):
        ...
    cxlab.errors.DataError: --estimator WLSMV cannot be combined with --missing fiml: WLSMV has \
no full-information estimator (lavaan neither). Use --missing listwise with WLSMV, or \
--estimator MLR with --missing fiml (robust SEs for incomplete data).
    """
    name = str(estimator).upper()
    if name not in ESTIMATORS:
        raise DataError(
            f"estimator must be one of {', '.join(ESTIMATORS)}, not {estimator!r} (ML: normal "
            "theory; MLR: robust SEs and the Yuan-Bentler scaled test; WLSMV: ordered items)."
        )
    if name == "WLSMV" and missing != "listwise":
        raise DataError(
            f"--estimator WLSMV cannot be combined with --missing {missing}: WLSMV has no "
            "full-information estimator (lavaan neither). Use --missing listwise with WLSMV, "
            "or --estimator MLR with --missing fiml (robust SEs for incomplete data)."
        )
    return name


def _paragraph(text: str) -> str:
    """A multi-line error message as one paragraph (bullets joined with semicolons)."""
    lines = [line.strip().lstrip("-• ").strip() for line in str(text).splitlines()]
    lines = [line for line in lines if line]
    return "; ".join(lines).replace(":;", ":").replace(".;", ";")


def run_cli(args: Any) -> int:
    """The ``cxlab report`` subcommand: :func:`report` on the parsed command line.

    *args* is the ``argparse.Namespace`` of ``cxlab report`` (:func:`cxlab.cli.build_parser`:
    ``data``, ``model``, ``out``, ``codebook``, ``group``, ``pls``, ``bootstrap``, ``seed``,
    ``missing``, ``encoding``, ``id_column``, ``title``, ``quiet``, ``lang`` and
    ``estimator``; without ``lang`` the report is in English, without ``estimator`` ML).
    Prints where the report is (and, unless ``--quiet``, its key findings) and returns
    the exit code: 0 when the report was written, 1 on an input error, printed to stderr
    as one paragraph, with nothing written. Called by :func:`cxlab.cli.main`, which handles Ctrl-C.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import cxlab as cx
    >>> from cxlab.cli import build_parser
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> cx.datasets.load("holzinger_swineford").to_csv(folder / "hs.csv", index=False)
    >>> _ = (folder / "hs.lav").write_text("visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6")
    >>> args = build_parser().parse_args(["report", str(folder / "hs.csv"), "--model",
    ...     str(folder / "hs.lav"), "--out", str(folder / "hs.html"), "--bootstrap", "0",
    ...     "--quiet"])
    >>> run_cli(args)  # doctest: +ELLIPSIS
    Report written: .../hs.html (+ hs.docx, hs.xlsx, hs.json, hs_tables/ with ... CSV tables).
    0
    """
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
            lang=getattr(args, "lang", None) or "en",
            estimator=getattr(args, "estimator", None) or "ML",
        )
    except CxlabError as exc:
        print(f"cxlab report: error: {_paragraph(str(exc))}", file=sys.stderr)
        return 1
    except OSError as exc:
        name = exc.filename
        sources = [p for p in (args.data, args.model, args.codebook) if p]
        if name and any(Path(name).resolve() == Path(p).resolve() for p in sources):
            what = f"could not read the input file {name}: {exc.strerror or exc}. Check that "
            what += "you may read it"
        else:
            what = f"could not write the report {args.out} ({name or 'a file'}: "
            what += f"{exc.strerror or exc}). Choose an --out folder you may write to"
        print(f"cxlab report: error: {what}; nothing was written.", file=sys.stderr)
        return 1
    except Exception as exc:  # an unforeseen failure: one paragraph, no traceback
        print(
            f"cxlab report: error: the analysis stopped on an unexpected problem "
            f"({type(exc).__name__}: {_paragraph(str(exc))}); nothing was written. Check the "
            f"model {args.model} against the data {args.data}; if they look right, please "
            "report it (cx.report.report(...) in Python shows the details).",
            file=sys.stderr,
        )
        return 1
    files = rep.files
    others = [files[k].name for k in ("docx", "xlsx", "json", "svg", "png") if k in files]
    print(
        f"Report written: {files['html']} (+ {', '.join(others)}, "
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
