"""Execution time of every lesson notebook (limit: 60 s each on 2 cores)."""

from __future__ import annotations

import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def run() -> list[dict]:
    rows = []
    for path in sorted(NOTEBOOKS.rglob("*.ipynb")):
        if ".ipynb_checkpoints" in path.parts:
            continue
        nb = nbformat.read(path, as_version=4)
        start = time.perf_counter()
        NotebookClient(
            nb,
            timeout=600,
            kernel_name="python3",
            resources={"metadata": {"path": str(path.parent)}},
        ).execute()
        rows.append(
            {
                "name": f"notebook {path.relative_to(NOTEBOOKS)}",
                "seconds": time.perf_counter() - start,
                "limit": 60.0,
            }
        )
    return rows
