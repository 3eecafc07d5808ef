"""Simulated 5-point survey answers for the WLSMV (ordered indicators) reference.

    .venv/bin/python tests/reference/ordinal_cx.py   # writes tests/reference/ordinal_cx.csv

Three constructs of a service survey — quality (q1–q4), satisfaction (s1–s3), loyalty
(l1–l3) — with satisfaction ~ quality and loyalty ~ satisfaction + quality, answered on
1–5 scales skewed towards the top categories (as customer surveys are), by 800
customers of two channels (``channel``: store, online; 400 each). The latent responses
are normal with the same loadings and thresholds in both channels; online customers'
quality is 0.3 SD lower. Seed 20260; lavaan reads the same CSV
(tests/reference/lavaan_wlsmv.R).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

#: Thresholds of the latent responses (1|2, 2|3, 3|4, 4|5): few answers in 1 and 2.
THRESHOLDS = np.array([-1.9, -1.2, -0.35, 0.75])
LOADINGS = {
    "q": [0.80, 0.75, 0.70, 0.65],
    "s": [0.85, 0.80, 0.70],
    "l": [0.80, 0.75, 0.60],
}


def simulate(n_per_group: int = 400, seed: int = 20260) -> pd.DataFrame:
    """Answers of ``2 * n_per_group`` customers (columns q1…l3 and channel).

    Examples
    --------
    >>> simulate(50, seed=1).shape
    (100, 11)
    """
    rng = np.random.default_rng(seed)
    frames = []
    for channel, shift in (("store", 0.0), ("online", -0.3)):
        n = n_per_group
        quality = shift + rng.standard_normal(n)
        sat = 0.6 * quality + np.sqrt(1 - 0.36) * rng.standard_normal(n)
        loy = 0.5 * sat + 0.2 * quality + 0.7 * rng.standard_normal(n)
        factors = {"q": quality, "s": sat, "l": loy}
        data = {}
        for f, loads in LOADINGS.items():
            scores = factors[f] / factors[f].std()
            for k, lam in enumerate(loads, start=1):
                ystar = lam * scores + np.sqrt(1 - lam**2) * rng.standard_normal(n)
                data[f"{f}{k}"] = 1 + np.searchsorted(THRESHOLDS, ystar)
        frame = pd.DataFrame(data)
        frame["channel"] = channel
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


if __name__ == "__main__":
    out = Path(__file__).with_name("ordinal_cx.csv")
    simulate().to_csv(out, index=False)
    print(f"wrote {out}")
