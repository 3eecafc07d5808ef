"""Time of robust ML fits (cxlab.sem.robust) against lavaan's on the same data: the 25
five-point items of ``bench_wlsmv`` (five factors, n = 1,000, seed 2026) treated as
continuous, fitted by MLR with complete data and by MLR + FIML after 10 % of the answers are
deleted completely at random (seed 7). lavaan is timed inside R (``system.time`` around
``cfa(..., estimator = "MLR"[, missing = "ml"])``, median of three), so R's start-up is not
counted; its rows are skipped when Rscript or lavaan is missing."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))
from bench_wlsmv import MODEL, _median_seconds, simulate

import cxlab as cx

R_SCRIPT = """
suppressMessages(library(lavaan))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
model <- readLines(args[2])
missing <- args[3]
times <- replicate(3, system.time(cfa(model, data = d, estimator = "MLR",
                                      missing = missing))[["elapsed"]])
cat(median(times), "\\n")
"""


def with_missing(data: pd.DataFrame, share: float = 0.10, seed: int = 7) -> pd.DataFrame:
    """*data* with a share of its values deleted completely at random.

    Examples
    --------
    >>> d = with_missing(pd.DataFrame({"a": np.arange(100.0)}), 0.1)
    >>> int(d["a"].isna().sum())
    10
    """
    rng = np.random.default_rng(seed)
    out = data.astype(float).copy()
    values = out.to_numpy().copy()
    k = round(share * values.size)
    flat = rng.choice(values.size, size=k, replace=False)
    values[np.unravel_index(flat, values.shape)] = np.nan
    return pd.DataFrame(values, columns=data.columns)


def _lavaan_seconds(data: pd.DataFrame, missing: str) -> float | None:
    if shutil.which("Rscript") is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        csv, model, script = (Path(tmp) / n for n in ("d.csv", "m.lav", "t.R"))
        data.to_csv(csv, index=False, na_rep="")
        model.write_text(MODEL + "\n")
        script.write_text(R_SCRIPT)
        done = subprocess.run(
            ["Rscript", str(script), str(csv), str(model), missing],
            capture_output=True,
            text=True,
            check=False,
        )
    try:
        return float(done.stdout.split()[-1])
    except (IndexError, ValueError):
        return None


def run() -> list[dict]:
    complete = simulate().astype(float)
    incomplete = with_missing(complete)
    rows = []
    for label, data, missing, lav in [
        ("MLR, complete data", complete, "listwise", "listwise"),
        ("MLR + FIML, 10 % missing", incomplete, "fiml", "ml"),
    ]:
        rows.append(
            {
                "name": f"mlr: 5-factor CFA, 25 items, n 1,000, {label} (cxlab)",
                "seconds": _median_seconds(
                    lambda d=data, m=missing: cx.sem.fit(MODEL, d, estimator="MLR", missing=m)
                ),
                "limit": 30.0,
            }
        )
        seconds = _lavaan_seconds(data, lav)
        if seconds is not None:
            rows.append(
                {
                    "name": f"mlr: the same in lavaan, {label} (timed inside R)",
                    "seconds": seconds,
                    "note": "reference, not a limit",
                }
            )
    return rows


if __name__ == "__main__":
    for row in run():
        print(f"{row['seconds']:8.3f} s  {row['name']}")
