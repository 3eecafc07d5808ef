"""The ``cxlab`` command.

    cxlab start my-workspace        # copy the lessons and datasets to edit freely
    cxlab start my-workspace --instructor   # also the instructor notebooks (solutions)
    cxlab start my-workspace --lang zh      # the Chinese edition (中文版)
    cxlab datasets                  # list the bundled datasets
    cxlab report survey.csv --model model.lav --out report.html   # the study report

``start`` never overwrites: a file already in the workspace (a participant's edited
lesson) is kept and reported, so running it again after an update only adds what
is new. Errors are one line and exit code 1 (an input error, a folder that cannot be
written); Ctrl-C stops with exit code 130 and says whether anything was written (files
are written whole or not at all).

Examples
--------
>>> from cxlab.cli import main
>>> main(["--version"])  # doctest: +ELLIPSIS
cxlab ...
0
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from cxlab import __version__
from cxlab import _files as safe
from cxlab._resources import resource_dir
from cxlab.errors import CxlabError, DataError

__all__ = ["build_parser", "main", "start"]

#: folders of notebooks/ that only instructors get (solution keys, dashboards)
INSTRUCTOR_ONLY = ("instructor",)
#: editions of the curriculum: English in notebooks/, Chinese in notebooks/zh/ (same layout)
LANGS = ("en", "zh")
_SKIP_PARTS = {".ipynb_checkpoints", "__pycache__"}


def _files(root: Path, patterns: Sequence[str]) -> list[Path]:
    found: set[Path] = set()
    for pattern in patterns:
        found.update(p for p in root.rglob(pattern) if p.is_file())
    return sorted(p for p in found if not _SKIP_PARTS & set(p.relative_to(root).parts))


def start(folder: str | Path, instructor: bool = False, lang: str = "en") -> dict[str, list[Path]]:
    """Copy the curriculum and datasets into *folder*; return what was copied / kept.

    Lessons go to ``folder/`` (cases in ``folder/cases/``), data files to
    ``folder/datasets/``. Existing files are never overwritten. ``lang="zh"`` copies the
    Chinese edition (``notebooks/zh/``) into the same places; a lesson not yet translated
    comes in English, so the workspace is always complete.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from cxlab.cli import start
    >>> ws = pathlib.Path(tempfile.mkdtemp()) / "ws"
    >>> result = start(ws)
    >>> (ws / "00_start_here.ipynb").is_file(), (ws / "zh").exists()
    (True, False)
    """
    target = Path(folder).expanduser()
    if target.exists() and not target.is_dir():
        raise CxlabError(f"{target} exists and is not a folder; choose another workspace path.")
    notebooks = resource_dir("notebooks")
    datasets = resource_dir("datasets")
    if lang not in LANGS:
        raise DataError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}.")
    plan: list[tuple[Path, Path]] = []
    editions = [notebooks / "zh", notebooks] if lang == "zh" else [notebooks]
    planned: set[Path] = set()
    for root in editions:
        for src in _files(root, ["*.ipynb", "*.md"]):
            rel = src.relative_to(root)
            if rel.parts[0] == "zh" or rel in planned:
                continue  # the other edition, or a lesson the Chinese edition already has
            if rel.parts[0] in INSTRUCTOR_ONLY and not instructor:
                continue
            planned.add(rel)
            plan.append((src, target / rel))
    for src in _files(datasets, ["*.csv", "datapackage.json", "*.xlsx", "*.sav"]):
        rel = src.relative_to(datasets)
        if rel.parts[0] == "make":
            continue
        plan.append((src, target / "datasets" / rel))
    copied: list[Path] = []
    kept: list[Path] = []
    try:
        for src, dst in plan:
            if safe.copy_new(src, dst):  # whole files only, never over an existing one
                copied.append(dst)
            else:
                kept.append(dst)
    except OSError as exc:
        raise DataError(
            f"Cannot write the workspace folder {target}: {exc.strerror or exc} "
            f"({exc.filename or target}). Choose a folder you may write to (e.g. one in your "
            f"home folder) or fix its permissions; {len(copied)} files had been copied, none "
            "partially."
        ) from None
    return {"copied": copied, "kept": kept}


def _cmd_start(args: argparse.Namespace) -> int:
    result = start(args.folder, instructor=args.instructor, lang=args.lang)
    target = Path(args.folder).expanduser()
    print(
        f"Workspace {target}: {len(result['copied'])} files copied, "
        f"{len(result['kept'])} already there and kept unchanged."
    )
    print(f"Open it with:  jupyter lab {target / '00_start_here.ipynb'}")
    return 0


def _cmd_datasets(_: argparse.Namespace) -> int:
    from cxlab import datasets

    table = datasets.list_datasets()[["name", "rows", "columns", "kind", "title"]]
    print(table.to_string(index=False))
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``cxlab`` command (subcommands start, datasets, report).

    Examples
    --------
    >>> from cxlab.cli import build_parser
    >>> args = build_parser().parse_args(["report", "s.csv", "--model", "m.lav", "--out", "r.html"])
    >>> args.command, args.bootstrap, args.missing, args.seed  # the defaults of a report
    ('report', 2000, 'listwise', 1)
    """
    parser = argparse.ArgumentParser(
        prog="cxlab", description="cxlab: customer experience and loyalty workbook."
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command")
    p_start = sub.add_parser("start", help="copy the lessons and datasets into a workspace")
    p_start.add_argument("folder", help="workspace folder (created if missing)")
    p_start.add_argument(
        "--instructor",
        action="store_true",
        help="also copy notebooks/instructor (solution keys, dashboards)",
    )
    p_start.add_argument(
        "--lang",
        choices=LANGS,
        default="en",
        help="edition: en (English) or zh (中文版; untranslated lessons come in English)",
    )
    p_start.set_defaults(func=_cmd_start)
    p_data = sub.add_parser("datasets", help="list the bundled datasets")
    p_data.set_defaults(func=_cmd_datasets)
    _report_parser(sub)
    return parser


def _report_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "report",
        help="survey file + lavaan model → HTML report, tables (CSV, xlsx), JSON",
        description="Validation, descriptives, reliability and validity, CFA, SEM with "
        "bootstrap CIs of effects, PLS (--pls), invariance (--group), path diagram and APA "
        "tables, in one self-contained HTML file. Exit code 0 when the report was written, 1 "
        "on an input error (nothing is written).",
    )
    p.add_argument("data", help="survey file: .csv (any encoding), .xlsx, .sav")
    p.add_argument("--model", required=True, help="text file with the model in lavaan syntax")
    p.add_argument("--out", required=True, help="the HTML report to write (e.g. report.html)")
    p.add_argument("--codebook", help="codebook (.csv / .xlsx): scales, constructs, reverse")
    p.add_argument("--group", help="column of groups: test measurement invariance")
    p.add_argument("--pls", action="store_true", help="also estimate the model by PLS-PM")
    p.add_argument(
        "--bootstrap", type=int, default=2000, help="bootstrap resamples (default 2000; 0: none)"
    )
    p.add_argument("--seed", type=int, default=1, help="seed of the random steps (default 1)")
    p.add_argument(
        "--missing", choices=["listwise", "fiml", "fiml.x"], default="listwise", help="missing data"
    )
    p.add_argument(
        "--estimator",
        choices=["ML", "MLR", "WLSMV"],
        type=str.upper,
        default="ML",
        help="estimator of the CFA and SEM: ML (default), MLR (robust), WLSMV (ordered items)",
    )
    p.add_argument("--encoding", help="encoding of a CSV file (default: detected)")
    p.add_argument("--id-column", dest="id_column", help="respondent id column")
    p.add_argument("--title", help="title of the report")
    p.add_argument("--quiet", action="store_true", help="print only where the report is")
    p.add_argument(
        "--lang",
        choices=LANGS,
        default="en",
        help="language of the report: en (English) or zh (中文); the numbers are the same",
    )
    p.set_defaults(func=_cmd_report)


def _cmd_report(args: argparse.Namespace) -> int:
    from cxlab.report import run_cli

    return run_cli(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``cxlab`` console script; returns the exit code.

    0 when the command succeeded, 1 on an input error (a one-line message on stderr,
    nothing written), 2 without a command (the help is printed), 130 on Ctrl-C.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from cxlab.cli import main
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> main(["report", str(folder / "no.csv"), "--model", "SAT =~ s1 + s2 + s3",
    ...       "--out", str(folder / "report.html")])  # no such survey file
    1
    >>> list(folder.iterdir())  # nothing was written
    []
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.version:
        print(f"cxlab {__version__}")
        return 0
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    safe.reset_log()
    try:
        return args.func(args)
    except CxlabError as exc:
        print(f"cxlab: error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"cxlab: error: {exc.filename or 'a file'}: {exc.strerror or exc}.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        done = safe.written()
        print(
            "cxlab: interrupted; nothing was written."
            if not done
            else f"cxlab: interrupted; {len(done)} file(s) had been written whole "
            f"(the last: {done[-1]}), none partially.",
            file=sys.stderr,
        )
        return 130


if __name__ == "__main__":
    sys.exit(main())
