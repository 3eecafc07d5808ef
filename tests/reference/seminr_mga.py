"""Reference numbers for cxlab.pls.mga (PLS-MGA, issue 27 item 4) from seminr 0.2.1 (PyPI).

seminr 0.2.1, in a separate virtual environment (never cxlab's):

    python3 -m venv /tmp/seminr && /tmp/seminr/bin/pip install seminr==0.2.1 numpy pandas
    /tmp/seminr/bin/python tests/reference/seminr_mga.py   # writes seminr_mga.json

The script reads ``datasets/ecsi_mobile.csv`` and needs no cxlab import. The ECSI model of
``cx.models.ecsi()`` (composites, mode A, path weighting) is split by the condition
``CUSCO >= 8`` (complaint handling rated 8-10: 112 respondents, group 1; the other 138:
group 2) and compared with ``estimate_pls_mga(fit, condition, nboot=500, seed=123)``:
per path, both groups' coefficients, their difference, the means of the bootstrap
draws and Henseler's one-sided p (``pls_mga_p``). seminr has no permutation test, no
parametric or Welch test and no MICOM.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd
import seminr as sm

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
NBOOT, SEED = 500, 123


def main() -> int:
    data = pd.read_csv(DATA)
    mm = sm.constructs(*(sm.composite(c, items, weights=sm.mode_A) for c, items in BLOCKS.items()))
    structural = sm.relationships(*(sm.paths(from_=a, to=b) for a, b in PATHS))
    fit = sm.estimate_pls(data, mm, structural)
    condition = (data["CUSCO"] >= 8).to_numpy()
    rows = sm.estimate_pls_mga(fit, condition, nboot=NBOOT, seed=SEED)
    out = {
        "seminr": sm.__version__,
        "data": "datasets/ecsi_mobile.csv",
        "condition": "CUSCO >= 8",
        "n1": int(condition.sum()),
        "n2": int((~condition).sum()),
        "nboot": NBOOT,
        "seed": SEED,
        "paths": [
            {
                "from": r.source,
                "to": r.target,
                "group1_beta": r.group1_beta,
                "group2_beta": r.group2_beta,
                "diff": r.diff,
                "group1_beta_mean": r.group1_beta_mean,
                "group2_beta_mean": r.group2_beta_mean,
                "pls_mga_p": r.pls_mga_p,
            }
            for r in rows
        ],
    }
    (HERE / "seminr_mga.json").write_text(json.dumps(out, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
