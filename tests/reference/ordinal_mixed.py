"""Simulated survey with 5-point items and two continuous variables, for the WLSMV
reference with ordered and continuous variables together (polyserial correlations).

    .venv/bin/python tests/reference/ordinal_mixed.py   # writes ordinal_mixed.csv

Two constructs of a service survey — quality (q1–q3) and satisfaction (s1–s3), answered
on 1–5 scales skewed towards the top categories — with satisfaction ~ quality, and two
continuous variables: ``csat``, a 0–100 slider rating that is a fourth indicator of
satisfaction (loading 0.7 on the standardized scale, mean 72, SD 12), and ``spend``, the
monthly spend in hundreds of yuan (right-skewed: 4 · exp(0.3 · z), z = 0.4 ·
satisfaction + noise). 700 customers of two channels (``channel``: store, online; 350
each), online customers' quality 0.3 SD lower. Seed 20262; lavaan reads the same CSV
(tests/reference/lavaan_wlsmv_mixed.R).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

#: Thresholds of the latent responses (1|2, 2|3, 3|4, 4|5): few answers in 1 and 2.
THRESHOLDS = np.array([-1.8, -1.1, -0.3, 0.8])
LOADINGS = {"q": [0.80, 0.75, 0.70], "s": [0.85, 0.80, 0.70]}


def simulate(n_per_group: int = 350, seed: int = 20262) -> pd.DataFrame:
    """Answers of ``2 * n_per_group`` customers (q1…s3, csat, spend, channel).

    Examples
    --------
    >>> simulate(50, seed=1).shape
    (100, 9)
    """
    rng = np.random.default_rng(seed)
    frames = []
    for channel, shift in (("store", 0.0), ("online", -0.3)):
        n = n_per_group
        quality = shift + rng.standard_normal(n)
        sat = 0.6 * quality + np.sqrt(1 - 0.36) * rng.standard_normal(n)
        factors = {"q": quality, "s": sat}
        data = {}
        for f, loads in LOADINGS.items():
            scores = factors[f] / factors[f].std()
            for k, lam in enumerate(loads, start=1):
                ystar = lam * scores + np.sqrt(1 - lam**2) * rng.standard_normal(n)
                data[f"{f}{k}"] = 1 + np.searchsorted(THRESHOLDS, ystar)
        s_std = sat / sat.std()
        slider = 72 + 12 * (0.7 * s_std + np.sqrt(1 - 0.49) * rng.standard_normal(n))
        data["csat"] = np.round(np.clip(slider, 0, 100), 1)
        z = 0.4 * s_std + np.sqrt(1 - 0.16) * rng.standard_normal(n)
        data["spend"] = np.round(4 * np.exp(0.3 * z), 2)
        frame = pd.DataFrame(data)
        frame["channel"] = channel
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


if __name__ == "__main__":
    out = Path(__file__).with_name("ordinal_mixed.csv")
    simulate().to_csv(out, index=False)
    print(f"wrote {out}")
