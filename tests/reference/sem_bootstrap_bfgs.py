"""Reference for tests/test_sem_bootstrap.py: the SEM bootstrap as computed before the
fast refit (issue 24) — every draw refitted by BFGS from the full-sample solution
(``cxlab.sem.bootstrap.refit``, gradient tolerance 1e-7) — B = 1000, seed = 1, on
Political Democracy (the benchmark's model) and lesson 08's 4E SEM on hotel_4e.

Run from the repository root: ``.venv/bin/python tests/reference/sem_bootstrap_bfgs.py``
(it switches the fast refit off, so every draw takes the BFGS path; the numbers were
first written by the code before the change, and this script reproduces them).
"""

from __future__ import annotations

import importlib
import json
import math
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_bootstrap  # noqa: E402

import cxlab as cx  # noqa: E402
from cxlab.sem._refit import Refitter  # noqa: E402


def _number(value: float) -> float | None:
    return None if math.isnan(value) else float(value)


def main() -> None:
    Refitter.refit = lambda self, moments: None  # every draw falls back to BFGS
    boot_module = importlib.import_module("cxlab.sem.bootstrap")
    out = {}
    for key, (_, model, data) in zip(
        ("political_democracy", "hotel_4e"), bench_bootstrap.problems(), strict=True
    ):
        columns = [c for c in data.columns if re.search(rf"\b{re.escape(c)}\b", model)]
        fit = cx.sem.fit(model, data[columns])
        boot = boot_module.bootstrap(fit, data[columns], B=1000, seed=1, n_jobs=1, progress=False)
        table = boot.table
        out[key] = {
            "n_ok": boot.n_ok,
            "n_nonconverged": boot.n_nonconverged,
            "n_inadmissible": boot.n_inadmissible,
            "rows": [
                {c: (r[c] if c in ("lhs", "op", "rhs") else _number(r[c])) for c in
                 ("lhs", "op", "rhs", "est", "se", "ci_low", "ci_high")}
                for _, r in table.iterrows()
            ],
        }  # fmt: skip
    path = Path(__file__).with_suffix(".json")
    path.write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
