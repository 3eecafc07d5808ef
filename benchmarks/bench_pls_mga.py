"""PLS multi-group analysis speed against seminr in the same run (issue 27, item 4).

The ECSI model (mode A, path scheme) on ``ecsi_mobile`` split in two groups by complaint
handling (``CUSCO >= 8``: 112 and 138 respondents). cx.pls.mga with B = 1000 — 1000
bootstrap draws per group (Henseler's PLS-MGA, parametric and Welch tests) *and* 1000
permutations (permutation test and MICOM) — on one thread and on all cores, against
seminr 0.2.1's ``estimate_pls_mga(fit, condition, nboot=1000, seed=1)``, which does the
bootstrap part only (seminr has no permutation test and no MICOM) and gives the same
Henseler p-values for the same seed. Target: cxlab ≤ 0.05 × seminr's time.

seminr is a reference tool, never a cxlab dependency: it runs in its own virtual
environment, the interpreter named by ``SEMINR_PYTHON`` (default ``/tmp/seminr/bin/python``;
``python3 -m venv /tmp/seminr && /tmp/seminr/bin/pip install seminr==0.2.1``). Without it
the seminr row is skipped.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import cxlab as cx

DATA = Path(__file__).resolve().parent.parent / "datasets" / "ecsi_mobile.csv"
SEMINR = """
import json, sys, time
import pandas as pd
import seminr as sm
blocks = json.loads(sys.argv[2])
paths = json.loads(sys.argv[3])
data = pd.read_csv(sys.argv[1])
mm = sm.constructs(*(sm.composite(c, i, weights=sm.mode_A) for c, i in blocks.items()))
fit = sm.estimate_pls(data, mm, sm.relationships(*(sm.paths(from_=a, to=b) for a, b in paths)))
start = time.perf_counter()
rows = sm.estimate_pls_mga(fit, (data["CUSCO"] >= 8).to_numpy(), nboot=1000, seed=1)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "p": [r.pls_mga_p for r in rows]}))
"""
BLOCKS = {
    "Image": [f"IMAG{i}" for i in range(1, 6)],
    "Expectation": [f"CUEX{i}" for i in range(1, 4)],
    "Quality": [f"PERQ{i}" for i in range(1, 8)],
    "Value": ["PERV1", "PERV2"],
    "Satisfaction": [f"CUSA{i}" for i in range(1, 4)],
    "Loyalty": [f"CUSL{i}" for i in range(1, 4)],
}
PATHS = [
    ("Image", "Expectation"),
    ("Expectation", "Quality"),
    ("Expectation", "Value"),
    ("Quality", "Value"),
    ("Image", "Satisfaction"),
    ("Expectation", "Satisfaction"),
    ("Quality", "Satisfaction"),
    ("Value", "Satisfaction"),
    ("Image", "Loyalty"),
    ("Satisfaction", "Loyalty"),
]


def _seminr() -> dict | None:
    python = os.environ.get("SEMINR_PYTHON", "/tmp/seminr/bin/python")
    if not Path(python).exists():
        return None
    done = subprocess.run(
        [python, "-c", SEMINR, str(DATA), json.dumps(BLOCKS), json.dumps(PATHS)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def run() -> list[dict]:
    data = cx.datasets.load("ecsi_mobile")
    fit = cx.pls.fit(cx.models.ecsi(), data)
    high = data["CUSCO"] >= 8
    cx.pls.mga(fit, high, B=50, seed=0, progress=False)  # warm up (imports, thread pool)
    rows = []
    results = {}
    for jobs in (1, -1):
        start = time.perf_counter()
        res = cx.pls.mga(fit, high, B=1000, seed=1, n_jobs=jobs, progress=False)
        seconds = time.perf_counter() - start
        results[jobs] = res
        rows.append(
            {
                "name": f"cx.pls.mga B=1000 (bootstrap + permutations + MICOM) ECSI, n_jobs={jobs}",
                "seconds": seconds,
                "note": f"{res!r}; MICOM {res.micom!r}",
            }
        )
    seminr = _seminr()
    if seminr is None:
        rows.append(
            {
                "name": "seminr.estimate_pls_mga(nboot=1000): skipped (no seminr interpreter; "
                "set SEMINR_PYTHON)",
                "seconds": 0.0,
            }
        )
        return rows
    same = max(
        abs(a - b) for a, b in zip(results[1].table["pvalue_henseler_1s"], seminr["p"], strict=True)
    )
    best = min(r["seconds"] for r in rows)
    rows.append(
        {
            "name": "seminr 0.2.1 estimate_pls_mga(nboot=1000) on the same machine "
            "(bootstrap only)",
            "seconds": seminr["seconds"],
            "note": f"max |Henseler p cxlab - seminr| = {same:.1e}; cxlab/seminr = "
            f"{best / seminr['seconds']:.4f} (target ≤ 0.05)",
        }
    )
    for row in rows[:2]:
        row["limit"] = 0.05 * seminr["seconds"]
    return rows
