"""Reference numbers for cxlab.pls moderation, higher-order constructs and PLSc (issue 27).

seminr 0.2.1 (PyPI), in a separate virtual environment (never cxlab's):

    python3 -m venv /tmp/seminr && /tmp/seminr/bin/pip install seminr==0.2.1 numpy pandas
    /tmp/seminr/bin/python tests/reference/seminr_advanced.py   # writes seminr_advanced.json

The script reads ``datasets/ecsi_mobile.csv`` (checked equal to seminr's ``mobi.csv``) and
needs no cxlab import. Composite constructs are seminr's ``composite(..., mode_A)`` (cxlab's
``=~``) or ``mode_B`` (``<~``); ``reflective()`` applies seminr's PLSc correction. Models:

* ``moderation_two_stage`` / ``_product_indicator`` / ``_orthogonal`` — the issue's
  moderation model: Satisfaction on Image, Expectation, Value and
  ``interaction_term("Image", "Expectation", method=...)``, Loyalty on Satisfaction (all
  composites, mode A); paths, loadings, weights, R², and the f² of the interaction
  (seminr's ``f_squared``: R² of the model re-estimated without the interaction path);
  the two-stage model also bootstrapped (B = 200, seed 123: boot SD, type-7 2.5 / 97.5 %
  percentiles of the paths);
* ``higher_order_two_stage`` — the issue's model ``higher_composite("Reputation",
  c("Image", "Expectation"))`` (two-stage, mode A) → Satisfaction, Loyalty; Satisfaction →
  Loyalty; ``higher_order_two_stage_b`` the same with ``weights = mode_B`` (a
  reflective-formative higher-order construct). Loadings and weights are seminr's combined
  first- and second-stage matrices;
* ``higher_order_repeated_a`` / ``_b`` — the repeated-indicators approach, which seminr has
  no option for: an ordinary seminr model in which the higher-order construct is measured
  by copies of all its dimensions' items (columns ``IMAG1.Reputation`` …), with paths
  Reputation → Image, Expectation (mode A, reflective-reflective) or Image, Expectation →
  Reputation (mode B, reflective-formative);
* ``plsc`` — the issue's PLSc model: Image, Expectation, Satisfaction, Loyalty as
  ``reflective()``; Satisfaction ~ Image + Expectation, Loyalty ~ Image + Satisfaction;
  also bootstrapped (B = 200, seed 123);
* ``plsc_moderation`` — the two-stage moderation model with ``reflective()`` main
  constructs (the interaction stays a composite, ρA = 1, as seminr does).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import seminr as sm

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "datasets" / "ecsi_mobile.csv"
ITEMS = {
    "Image": ["IMAG1", "IMAG2", "IMAG3", "IMAG4", "IMAG5"],
    "Expectation": ["CUEX1", "CUEX2", "CUEX3"],
    "Value": ["PERV1", "PERV2"],
    "Satisfaction": ["CUSA1", "CUSA2", "CUSA3"],
    "Loyalty": ["CUSL1", "CUSL2", "CUSL3"],
}
MOD_PATHS = [
    ("Image", "Satisfaction"),
    ("Expectation", "Satisfaction"),
    ("Value", "Satisfaction"),
    ("Image*Expectation", "Satisfaction"),
    ("Satisfaction", "Loyalty"),
]
HOC_PATHS = [("Reputation", "Satisfaction"), ("Reputation", "Loyalty"), ("Satisfaction", "Loyalty")]
PLSC_PATHS = [
    ("Image", "Satisfaction"),
    ("Expectation", "Satisfaction"),
    ("Image", "Loyalty"),
    ("Satisfaction", "Loyalty"),
]


def _cells(matrix, pairs=None) -> list[dict]:
    """[{row, col, value}] of the non-zero cells of a seminr matrix (or of *pairs*)."""
    out = []
    for i, r in enumerate(matrix.rows):
        for j, c in enumerate(matrix.cols):
            v = float(matrix.values[i, j])
            if (pairs is None and v != 0) or (pairs is not None and (r, c) in pairs):
                out.append({"row": r, "col": c, "value": v})
    return out


def _core(fit, paths) -> dict:
    return {
        "paths": _cells(fit.path_coef, set(paths)),
        "loadings": _cells(fit.outer_loadings),
        "weights": _cells(fit.outer_weights),
        "r2": {c: float(fit.r_squared.get("Rsq", c)) for c in fit.r_squared.cols},
    }


def _boot(fit, paths, nboot: int = 200, seed: int = 123) -> dict:
    boot = sm.bootstrap_model(fit, nboot=nboot, seed=seed)
    first = boot.boot_paths[0]
    stack = np.stack([d.values for d in boot.boot_paths])
    rows = []
    for i, r in enumerate(first.rows):
        for j, c in enumerate(first.cols):
            if (r, c) in set(paths):
                v = stack[:, i, j]
                rows.append(
                    {
                        "row": r,
                        "col": c,
                        "sd": float(np.std(v, ddof=1)),
                        "lo": float(np.quantile(v, 0.025)),
                        "hi": float(np.quantile(v, 0.975)),
                    }
                )
    return {"nboot": nboot, "seed": seed, "boots": boot.boots, "fails": boot.fails, "paths": rows}


def _moderation(data, method, kind=sm.composite):
    mm = sm.constructs(
        *(kind(c, ITEMS[c]) for c in ["Image", "Expectation", "Value", "Satisfaction", "Loyalty"]),
        sm.interaction_term("Image", "Expectation", method=method),
    )
    st = sm.relationships(
        sm.paths(["Image", "Expectation", "Value", "Image*Expectation"], "Satisfaction"),
        sm.paths("Satisfaction", "Loyalty"),
    )
    return sm.estimate_pls(data, mm, st)


def main() -> int:
    data = pd.read_csv(DATA)
    mobi = pd.read_csv(Path(sm.__file__).parent / "datasets" / "mobi.csv")
    assert mobi[data.columns].equals(data), "ecsi_mobile differs from seminr's mobi.csv"
    out: dict = {"seminr": sm.__version__, "data": "datasets/ecsi_mobile.csv"}

    for name, method in [
        ("two_stage", sm.two_stage),
        ("product_indicator", sm.product_indicator),
        ("orthogonal", sm.orthogonal),
    ]:
        fit = _moderation(data, method)
        entry = _core(fit, MOD_PATHS)
        entry["f2_interaction"] = float(sm.f_squared(fit, "Image*Expectation", "Satisfaction"))
        if name == "two_stage":
            entry["bootstrap"] = _boot(fit, MOD_PATHS)
        out[f"moderation_{name}"] = entry

    for suffix, weights in [("", sm.mode_A), ("_b", sm.mode_B)]:
        mm = sm.constructs(
            *(
                sm.composite(c, ITEMS[c])
                for c in ["Image", "Expectation", "Satisfaction", "Loyalty"]
            ),
            sm.higher_composite("Reputation", ["Image", "Expectation"], weights=weights),
        )
        st = sm.relationships(
            sm.paths("Reputation", ["Satisfaction", "Loyalty"]), sm.paths("Satisfaction", "Loyalty")
        )
        out[f"higher_order_two_stage{suffix}"] = _core(sm.estimate_pls(data, mm, st), HOC_PATHS)

    copies = ITEMS["Image"] + ITEMS["Expectation"]
    repeated = data.assign(**{f"{i}.Reputation": data[i] for i in copies})
    for suffix, weights in [("a", sm.mode_A), ("b", sm.mode_B)]:
        mm = sm.constructs(
            *(
                sm.composite(c, ITEMS[c])
                for c in ["Image", "Expectation", "Satisfaction", "Loyalty"]
            ),
            sm.composite("Reputation", [f"{i}.Reputation" for i in copies], weights=weights),
        )
        dims = ["Image", "Expectation"]
        inner = (
            sm.paths("Reputation", dims) if weights is sm.mode_A else sm.paths(dims, "Reputation")
        )
        st = sm.relationships(
            inner,
            sm.paths("Reputation", ["Satisfaction", "Loyalty"]),
            sm.paths("Satisfaction", "Loyalty"),
        )
        pairs = [
            *HOC_PATHS,
            *(("Reputation", d) if suffix == "a" else (d, "Reputation") for d in dims),
        ]
        out[f"higher_order_repeated_{suffix}"] = _core(sm.estimate_pls(repeated, mm, st), pairs)

    mm = sm.constructs(
        *(sm.reflective(c, ITEMS[c]) for c in ["Image", "Expectation", "Satisfaction", "Loyalty"])
    )
    st = sm.relationships(
        sm.paths(["Image", "Expectation"], "Satisfaction"),
        sm.paths(["Image", "Satisfaction"], "Loyalty"),
    )
    fit = sm.estimate_pls(data, mm, st)
    out["plsc"] = {**_core(fit, PLSC_PATHS), "bootstrap": _boot(fit, PLSC_PATHS)}

    out["plsc_moderation"] = _core(_moderation(data, sm.two_stage, sm.reflective), MOD_PATHS)

    (HERE / "seminr_advanced.json").write_text(json.dumps(out, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
