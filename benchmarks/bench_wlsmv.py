"""Time of a WLSMV fit with ordered indicators (cxlab.sem.ordinal) against lavaan's on the
same data: 25 five-point items of five factors, n = 1,000 (simulated with seed 2026), and
the polychoric step alone (thresholds, 300 polychoric correlations, Γ); then the same
items with three continuous indicators (one on each of the first three factors): the
mixed step alone (thresholds, means, variances, 300 polychoric, 75 polyserial and 3
Pearson correlations, Γ) and the whole fit. lavaan is timed
inside R (``system.time`` around ``cfa(..., ordered = items)``, median of three), so R's
start-up is not counted; its row is skipped when Rscript or lavaan is missing."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from cxlab.sem._polychoric import ordinal_stats
from cxlab.sem._polyserial import mixed_stats
from cxlab.sem.ordinal import fit_ordered

FACTORS = 5
PER_FACTOR = 5
ITEMS = [f"y{k + 1}" for k in range(FACTORS * PER_FACTOR)]
MODEL = "\n".join(
    f"F{f + 1} =~ " + " + ".join(ITEMS[f * PER_FACTOR : (f + 1) * PER_FACTOR])
    for f in range(FACTORS)
)
CONTINUOUS = ["x1", "x2", "x3"]
MIXED_MODEL = "\n".join(
    line + (f" + x{f + 1}" if f < 3 else "") for f, line in enumerate(MODEL.splitlines())
)
R_SCRIPT = """
suppressMessages(library(lavaan))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
model <- readLines(args[2])
ordered <- readLines(args[3])
times <- replicate(3, system.time(cfa(model, data = d, ordered = ordered))[["elapsed"]])
cat(median(times), "\\n")
"""


def simulate(n: int = 1000, seed: int = 2026) -> pd.DataFrame:
    """25 five-point items, five correlated factors (loadings 0.6–0.8), skewed answers.

    Examples
    --------
    >>> simulate(10).shape  # 25 items and 3 continuous variables
    (10, 28)
    """
    rng = np.random.default_rng(seed)
    phi = 0.4 + 0.6 * np.eye(FACTORS)
    factors = rng.multivariate_normal(np.zeros(FACTORS), phi, size=n)
    loadings = np.linspace(0.6, 0.8, PER_FACTOR)
    cols = {}
    for k, name in enumerate(ITEMS):
        lam = loadings[k % PER_FACTOR]
        ystar = lam * factors[:, k // PER_FACTOR] + np.sqrt(1 - lam**2) * rng.standard_normal(n)
        cols[name] = 1 + np.searchsorted([-1.8, -1.0, -0.2, 0.8], ystar)
    for k, name in enumerate(CONTINUOUS):  # 0–100 ratings of the first three factors
        cols[name] = 50 + 10 * (0.7 * factors[:, k] + np.sqrt(0.51) * rng.standard_normal(n))
    return pd.DataFrame(cols)


def _lavaan_seconds(data: pd.DataFrame, model_text: str = MODEL) -> float | None:
    if shutil.which("Rscript") is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        csv, model, items, script = (Path(tmp) / n for n in ("d.csv", "m.lav", "o.txt", "t.R"))
        data.to_csv(csv, index=False)
        model.write_text(model_text + "\n")
        items.write_text("\n".join(ITEMS) + "\n")
        script.write_text(R_SCRIPT)
        done = subprocess.run(
            ["Rscript", str(script), str(csv), str(model), str(items)],
            capture_output=True,
            text=True,
            check=False,
        )
    try:
        return float(done.stdout.split()[-1])
    except (IndexError, ValueError):
        return None


def _median_seconds(fn, repeat: int = 3) -> float:
    fn()  # warm
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return float(np.median(times))


def run() -> list[dict]:
    data = simulate()
    codes = data[ITEMS].to_numpy() - 1
    names = ITEMS + CONTINUOUS
    values = np.column_stack([codes, data[CONTINUOUS].to_numpy()])
    kinds = [5] * len(ITEMS) + [0] * len(CONTINUOUS)
    rows = [
        {
            "name": "wlsmv: polychoric step, 25 five-point items, n 1,000 (cxlab)",
            "seconds": _median_seconds(lambda: ordinal_stats(codes, ITEMS, [5] * 25)),
            "limit": 2.0,
        },
        {
            "name": "wlsmv: 5-factor CFA, 25 five-point items, n 1,000 (cxlab)",
            "seconds": _median_seconds(lambda: fit_ordered(MODEL, data, ITEMS)),
            "limit": 10.0,
        },
    ]
    lavaan = _lavaan_seconds(data[ITEMS])
    if lavaan is not None:
        rows.append(
            {
                "name": "wlsmv: the same CFA in lavaan (timed inside R)",
                "seconds": lavaan,
                "note": "reference, not a limit",
            }
        )
    rows += [
        {
            "name": "wlsmv: mixed step, 25 five-point items + 3 continuous, n 1,000 (cxlab)",
            "seconds": _median_seconds(lambda: mixed_stats(values, names, kinds)),
            "limit": 2.0,
        },
        {
            "name": "wlsmv: 5-factor CFA, 25 items + 3 continuous indicators, n 1,000 (cxlab)",
            "seconds": _median_seconds(lambda: fit_ordered(MIXED_MODEL, data, ITEMS)),
            "limit": 10.0,
        },
    ]
    lavaan = _lavaan_seconds(data, MIXED_MODEL)
    if lavaan is not None:
        rows.append(
            {
                "name": "wlsmv: the same mixed CFA in lavaan (timed inside R)",
                "seconds": lavaan,
                "note": "reference, not a limit",
            }
        )
    return rows


if __name__ == "__main__":
    for row in run():
        print(f"{row['seconds']:8.3f} s  {row['name']}")
