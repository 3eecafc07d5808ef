"""Execute notebooks in place so they are committed with fresh outputs.

    python scripts/run_notebooks.py                 # every notebook under notebooks/
    python scripts/run_notebooks.py notebooks/01_experience_economy.ipynb

Each notebook runs in its own folder with the ``python3`` kernel; the kernelspec and
language metadata are normalised, execution timestamps and widget state are
dropped so that re-running an unchanged notebook gives a small diff, and the
seconds each notebook took are printed (lessons must stay under 60 s).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
KERNELSPEC = {"display_name": "Python 3", "language": "python", "name": "python3"}


def normalise(nb: nbformat.NotebookNode) -> None:
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = {"name": "python"}
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("ExecuteTime", None)
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.outputs if not _is_progress(o)]


def _is_progress(output: nbformat.NotebookNode) -> bool:
    """Progress bars (tqdm widgets, or their text on stderr) are live feedback only: their
    widget state is not stored, so the committed output would be a broken widget."""
    data = output.get("data", {})
    if "application/vnd.jupyter.widget-view+json" in data:
        return True
    text = output.get("text", "")
    return output.get("name") == "stderr" and "%|" in text


def run(path: Path, timeout: int = 600) -> float:
    nb = nbformat.read(path, as_version=4)
    normalise(nb)
    start = time.perf_counter()
    NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    seconds = time.perf_counter() - start
    normalise(nb)
    nbformat.write(nb, path)
    return seconds


def main(argv: list[str]) -> int:
    # The kernel inherits the environment: MPLBACKEND=Agg (as CI sets) would replace the inline
    # backend and the notebooks would be stored without their figures.
    os.environ.pop("MPLBACKEND", None)
    paths = [Path(a) for a in argv] or sorted(
        p for p in (ROOT / "notebooks").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts
    )
    for path in paths:
        seconds = run(path)
        print(f"{seconds:6.1f} s  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
