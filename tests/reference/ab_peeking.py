"""Reference false-positive rates of peeking (repeated significance tests on accumulating
normal data), for tests/test_experiments_ab.py.

Independent of cxlab: each simulated A/A test is a random walk of the per-look
differences of arm sums (exact for normal data with known variance: z test); the z
statistic after k looks is S_k / sqrt(k); the test stops at the first |z| > z_{1-alpha/2}.
4,000,000 tests in blocks, numpy's PCG64 with seed 19690101. The published values
(Armitage, McPherson & Rowe 1969, JRSS A 132:235-244, nominal 0.05) are stored beside the
simulated ones; the Monte-Carlo SE of each rate is sqrt(r (1 - r) / reps).
Run from the repository root (about 10 s):
    .venv/bin/python tests/reference/ab_peeking.py
It writes tests/reference/ab_peeking.json.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from scipy import stats

REPS, BLOCK, LOOKS, ALPHA, SEED = 4_000_000, 200_000, 10, 0.05, 19690101
PUBLISHED = {"5": 0.142, "10": 0.193}

rng = np.random.default_rng(SEED)
crit = stats.norm.isf(ALPHA / 2)
stopped = np.zeros(LOOKS + 2, dtype=np.int64)
for _ in range(REPS // BLOCK):
    walk = np.cumsum(rng.standard_normal((BLOCK, LOOKS)), axis=1)
    z = walk / np.sqrt(np.arange(1, LOOKS + 1))
    hit = np.abs(z) > crit
    first = np.where(hit.any(axis=1), hit.argmax(axis=1) + 1, LOOKS + 1)
    stopped += np.bincount(first, minlength=LOOKS + 2)
rates = stopped[1 : LOOKS + 1].cumsum() / REPS
out = {
    "reps": REPS,
    "seed": SEED,
    "alpha": ALPHA,
    "test": "z (known variance), equally spaced looks",
    "fpr": {str(k): float(r) for k, r in zip(range(1, LOOKS + 1), rates, strict=True)},
    "mc_se": {str(k): float(np.sqrt(r * (1 - r) / REPS)) for k, r in enumerate(rates, 1)},
    "published_armitage_1969": PUBLISHED,
}
path = Path(__file__).with_suffix(".json")
path.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
print(json.dumps(out["fpr"], indent=1))
