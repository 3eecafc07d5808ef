"""Safe writing of output files: never onto an input, never half a set (private).

Used by :func:`cxlab.report.report`, :meth:`cxlab.survey.Survey.export` and
``cxlab start`` (:mod:`cxlab.cli`):

- :func:`check_outputs` refuses an output that is one of the input files (compared with
  :func:`os.path.samefile`, so a hard link or a symlink to the input is caught too);
- :func:`publish` writes a set of files into a temporary folder next to their
  destination and moves each into place (:func:`os.replace`) only when all of them are
  complete, with Ctrl-C held back while they are moved: an error or an interrupt leaves
  either the old files or the new ones, never a partial file;
- a folder of tables is cleared only if cxlab made it: cxlab writes a marker file
  (:data:`MARKER`) listing the files it wrote there and deletes or replaces only those
  on a re-run (other files stay); a non-empty folder without the marker is refused;
- :func:`copy_new` copies a file only if the destination does not exist yet, through a
  temporary file (no partial copy after Ctrl-C);
- :func:`written` lists the files moved into place since :func:`reset_log` (the CLI
  uses it to say whether an interrupted command wrote anything).

Examples
--------
>>> import tempfile, pathlib
>>> from cxlab import _files
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> data = folder / "survey.csv"
>>> _ = data.write_text("q1\\n5\\n")
>>> paths = _files.publish({folder / "t" / "a.csv": b"x\\n"}, tables=folder / "t")
>>> sorted(p.name for p in (folder / "t").iterdir())
['.cxlab-tables', 'a.csv']
>>> try:
...     _files.check_outputs([folder / "survey.csv"], {"data file": data})
... except Exception as err:
...     print(type(err).__name__)
DataError
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from cxlab.errors import DataError

if TYPE_CHECKING:
    import pandas as pd

#: name of the file listing what cxlab wrote into a tables folder
MARKER = ".cxlab-tables"

_written: list[Path] = []


def reset_log() -> None:
    """Forget the files recorded by :func:`written` (the CLI calls it per command)."""
    _written.clear()


def written() -> list[Path]:
    """The files moved into place since the last :func:`reset_log`."""
    return list(_written)


def _same(output: Path, source: Path) -> bool:
    """True when writing *output* would write *source* (same file, link, or same path)."""
    if output.exists() and source.exists():
        try:
            return os.path.samefile(output, source)
        except OSError:
            pass
    return output.resolve() == source.resolve()


def check_outputs(
    outputs: Iterable[str | Path],
    inputs: Mapping[str, str | Path | None],
    *,
    fix: str = "choose another --out name",
) -> None:
    """Refuse to write any of *outputs* onto one of *inputs* (``{label: path}``).

    Two paths are the same file when :func:`os.path.samefile` says so (hard links and
    symlinks included) or, for an output that does not exist yet, when they resolve to
    the same path.

    Examples
    --------
    >>> import tempfile, pathlib, os
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> (folder / "a.csv").write_text("x")
    1
    >>> os.link(folder / "a.csv", folder / "b.csv")
    >>> check_outputs([folder / "c.csv"], {"data file": folder / "a.csv"})  # fine
    >>> try:
    ...     check_outputs([folder / "b.csv"], {"data file": folder / "a.csv"})
    ... except DataError as err:
    ...     print(str(err)[:35])
    Refusing to overwrite the data file
    """
    sources = [(label, Path(p)) for label, p in inputs.items() if isinstance(p, str | Path)]
    for out in outputs:
        out = Path(out)
        for label, source in sources:
            if _same(out, source):
                how = (
                    "it is that file"
                    if out.resolve() == source.resolve()
                    else "it is the same file through a link"
                )
                raise DataError(
                    f"Refusing to overwrite the {label} {source} with the output {out}: {how}, "
                    f"and cxlab never writes to a source file. Nothing was written; {fix}."
                )


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _listed(folder: Path) -> dict[str, str]:
    """``{name: sha256}`` of the files the marker lists (plain names only: nothing
    outside the folder); lines are ``<sha256>  <name>`` as ``sha256sum`` writes them."""
    marker = folder / MARKER
    if not marker.is_file():
        return {}
    listed: dict[str, str] = {}
    for line in marker.read_text(encoding="utf-8").splitlines():
        digest, _, name = line.strip().partition("  ")
        if name and name not in (".", "..", MARKER) and Path(name).name == name:
            listed[name] = digest
    return listed


def _ours(folder: Path) -> dict[str, str]:
    """The listed files that are still exactly what cxlab wrote (same SHA-256): only
    these may be replaced or deleted — a file the user changed or put back is theirs."""
    return {
        name: digest
        for name, digest in _listed(folder).items()
        if (folder / name).is_file() and _digest((folder / name).read_bytes()) == digest
    }


def _marker_text(entries: Mapping[str, str]) -> str:
    return "".join(f"{digest}  {name}\n" for name, digest in sorted(entries.items()))


def tables_plan(folder: Path, names: Iterable[str]) -> list[Path]:
    """Check that *folder* may receive the files *names*; return the files a previous
    run of cxlab wrote there that the new set no longer has (to delete).

    A missing or empty folder is fine. In a folder with the :data:`MARKER`, only the
    files it lists, with the SHA-256 cxlab wrote, are deleted or replaced; other files (a
    user's own, or a table the user edited) stay untouched,
    and a new table whose name one of them already has is refused. A non-empty folder
    without the marker is refused (a :class:`DataError` naming the folder): cxlab never
    deletes or replaces a file it did not write.
    """
    folder = Path(folder)
    if not folder.exists():
        return []
    if not folder.is_dir():
        raise DataError(
            f"{folder} exists and is not a folder, so the CSV tables cannot be written there; "
            "choose another --out name or move that file away."
        )
    present = {p.name for p in folder.iterdir()}
    if not present:
        return []
    if MARKER not in present:
        shown = ", ".join(sorted(present)[:5]) + (" …" if len(present) > 5 else "")
        raise DataError(
            f"The tables folder {folder} exists but cxlab did not make it (it has no {MARKER} "
            f"file listing the tables cxlab wrote) and it holds other files ({shown}); "
            "cxlab neither deletes nor replaces files it did not write. Choose another --out "
            "name, or move that folder away (delete it yourself if it is an old report's)."
        )
    ours = _ours(folder)
    clash = sorted((present - set(ours) - {MARKER}) & set(names))
    if clash:
        shown = ", ".join(clash[:5]) + (" …" if len(clash) > 5 else "")
        raise DataError(
            f"The tables folder {folder} holds files cxlab did not write with the names of "
            f"new tables ({shown}); cxlab never replaces a file it did not write. Move those "
            "files out of the folder, or choose another --out name."
        )
    keep = set(names)
    return [folder / n for n in sorted(set(ours) - keep)]


@contextmanager
def _hold_interrupts() -> Iterator[None]:
    """Hold Ctrl-C (SIGINT) back until the block is done, then raise KeyboardInterrupt."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    try:
        previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    except (ValueError, OSError):  # no signals here (e.g. an embedded interpreter)
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt


def publish(
    files: Mapping[Path, bytes],
    *,
    inputs: Mapping[str, str | Path | None] | None = None,
    tables: Path | None = None,
    fix: str = "choose another --out name",
) -> list[Path]:
    """Write *files* (``{destination: content}``, moved in this order) all or nothing.

    Every destination is checked against *inputs* (:func:`check_outputs`) and, when
    *tables* names a folder, the destinations inside it against its marker
    (:func:`tables_plan`). The contents are written into a temporary folder next to the
    destinations; only when all are complete is each moved into place with
    :func:`os.replace` (Ctrl-C held back meanwhile), then the marker of *tables* is
    updated and the tables of a previous run that are not in the new set are deleted.
    Returns the destinations.
    """
    dests = [Path(p) for p in files]
    names: list[str] = []
    if tables is not None:
        tables = Path(tables)
        names = [p.name for p in dests if p.parent == tables]
    check_outputs(dests + ([tables / MARKER] if tables else []), inputs or {}, fix=fix)
    stale: list[Path] = []
    old: dict[str, str] = {}
    if tables is not None:
        stale = tables_plan(tables, names)
        old = _ours(tables)
    for dest in dests:
        if dest.is_dir():
            raise DataError(f"{dest} is a folder, so that file cannot be written; {fix}.")
    root = Path(os.path.commonpath([str(p.parent.absolute()) for p in dests]))
    if tables is not None and root == tables.absolute():
        root = root.parent
    root.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".cxlab-", dir=root))
    try:
        staged: list[tuple[Path, Path]] = []
        for i, (dest, content) in enumerate(files.items()):
            part = tmp / f"{i}{Path(dest).suffix}"
            part.write_bytes(content)
            staged.append((part, Path(dest)))
        if tables is not None:  # first a marker covering old and new, the exact one last
            new = {p.name: _digest(c) for p, c in files.items() if Path(p).parent == tables}
            (tmp / "marker-both").write_text(_marker_text({**old, **new}), "utf-8")
            (tmp / "marker-new").write_text(_marker_text(new), "utf-8")
        with _hold_interrupts():
            if tables is not None:
                tables.mkdir(parents=True, exist_ok=True)
                os.replace(tmp / "marker-both", tables / MARKER)
            for part, dest in staged:
                dest.parent.mkdir(parents=True, exist_ok=True)
                os.replace(part, dest)
                _written.append(dest)
            if tables is not None:
                for path in stale:
                    path.unlink(missing_ok=True)
                os.replace(tmp / "marker-new", tables / MARKER)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return dests


def write_frame(
    frame: pd.DataFrame,
    target: Path,
    inputs: Mapping[str, str | Path | None],
    *,
    encoding: str = "utf-8-sig",
) -> Path:
    """Write *frame* to a ``.csv`` (in *encoding*) or ``.xlsx`` file, whole or not at
    all and never onto one of *inputs* (:meth:`cxlab.survey.Survey.export`)."""
    target = Path(target)
    if target.suffix.lower() == ".csv":
        text = frame.to_csv(index=False)
        try:
            content = text.encode(encoding)
        except UnicodeEncodeError as exc:
            raise DataError(
                f"{target} cannot be written in {encoding}: the data hold "
                f"{exc.object[exc.start : exc.end]!r}, which it cannot encode; export with "
                "encoding='utf-8-sig' (Excel reads it, 中文 included)."
            ) from None
    else:
        import io

        buf = io.BytesIO()
        frame.to_excel(buf, index=False, engine="openpyxl")
        content = buf.getvalue()
    publish({target: content}, inputs=inputs, fix="choose another path")
    return target


def copy_new(src: Path, dst: Path) -> bool:
    """Copy *src* to *dst* unless *dst* exists (then return False); the copy is made in
    a temporary file next to *dst* and moved into place whole."""
    dst = Path(dst)
    if dst.exists() or dst.is_symlink():
        return False
    dst.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{dst.name}-", dir=dst.parent)
    os.close(fd)
    part = Path(name)
    try:
        shutil.copy2(src, part)
        with _hold_interrupts():
            os.replace(part, dst)
            _written.append(dst)
    finally:
        part.unlink(missing_ok=True)
    return True
