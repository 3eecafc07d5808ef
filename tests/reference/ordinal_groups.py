"""Simulated 5-point answers of three channels, one of them answering two items
differently, for the ordinal measurement-invariance reference.

    .venv/bin/python tests/reference/ordinal_groups.py   # writes ordinal_groups.csv

Two constructs — quality (q1–q4) and satisfaction (s1–s3), correlated .5 — answered on
1–5 scales by 900 customers of three channels (``channel``: store, online, app; 300
each). Store and online customers share loadings and thresholds (online quality 0.3 SD
lower); app customers answer q4 with thresholds 0.5 higher (they give it lower marks at
the same quality) and s3 with loading 0.45 instead of 0.75, so equal thresholds and
equal loadings should both fit worse. Seed 20261; lavaan reads the same CSV
(tests/reference/lavaan_wlsmv_invariance.R).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

#: Thresholds of the latent responses (1|2, 2|3, 3|4, 4|5).
THRESHOLDS = np.array([-1.8, -1.0, -0.2, 0.8])
LOADINGS = {"q": [0.80, 0.75, 0.70, 0.70], "s": [0.85, 0.80, 0.75]}


def simulate(n_per_group: int = 300, seed: int = 20261) -> pd.DataFrame:
    """Answers of ``3 * n_per_group`` customers (columns q1…s3 and channel).

    Examples
    --------
    >>> simulate(50, seed=1).shape
    (150, 8)
    """
    rng = np.random.default_rng(seed)
    frames = []
    for channel, shift in (("store", 0.0), ("online", -0.3), ("app", 0.0)):
        n = n_per_group
        factors = rng.multivariate_normal([shift, 0.0], [[1, 0.5], [0.5, 1]], size=n)
        data = {}
        for f, (name, loads) in enumerate(LOADINGS.items()):
            for k, lam in enumerate(loads, start=1):
                item = f"{name}{k}"
                if channel == "app" and item == "s3":
                    lam = 0.45
                cuts = THRESHOLDS + (0.5 if channel == "app" and item == "q4" else 0.0)
                ystar = lam * factors[:, f] + np.sqrt(1 - lam**2) * rng.standard_normal(n)
                data[item] = 1 + np.searchsorted(cuts, ystar)
        frame = pd.DataFrame(data)
        frame["channel"] = channel
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


if __name__ == "__main__":
    out = Path(__file__).with_name("ordinal_groups.csv")
    simulate().to_csv(out, index=False)
    print(f"wrote {out}")
