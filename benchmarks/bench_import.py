"""`import cxlab` must take < 0.5 s (heavy libraries load lazily); also time the
first dataset access, which pays for pandas."""

from __future__ import annotations

import statistics
import subprocess
import sys


def _time(code: str, repeat: int = 5) -> float:
    wrapped = "import time; t = time.perf_counter()\n" + code + "\nprint(time.perf_counter() - t)"
    runs = [
        float(
            subprocess.run(
                [sys.executable, "-c", wrapped], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(repeat)
    ]
    return statistics.median(runs)


def run() -> list[dict]:
    return [
        {
            "name": "import cxlab (median of 5 fresh interpreters)",
            "seconds": _time("import cxlab"),
            "limit": 0.5,
        },
        {
            "name": "import cxlab + load ecsi_mobile (includes pandas import)",
            "seconds": _time("import cxlab as cx; cx.datasets.load('ecsi_mobile')"),
        },
    ]
