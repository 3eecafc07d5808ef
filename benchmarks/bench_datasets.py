"""Time to load each bundled dataset (hash check + parse + typing), warm."""

from __future__ import annotations

import time

import cxlab as cx


def run() -> list[dict]:
    rows = []
    for name in cx.datasets.list_datasets()["name"]:
        cx.datasets.load(name)  # warm the catalogue and the OS cache
        start = time.perf_counter()
        for _ in range(3):
            cx.datasets.load(name)
        rows.append({"name": f"load {name}", "seconds": (time.perf_counter() - start) / 3})
    return rows
