"""cx.sem.fit on lavaan tutorial models against lavaan 0.6.14
(tests/reference/lavaan_examples.R → lavaan_examples.json), in particular regressions whose
outcome is an indicator (issue 26): growth curves with time-varying covariates and MIMIC
models with a direct effect on an item, also with FIML and with groups."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

import cxlab as cx
from cxlab.errors import ModelSpecError
from cxlab.models.syntax import parse, statements

REF_DIR = "tests/reference"


@pytest.fixture(scope="module")
def ref(root):
    return json.loads((root / REF_DIR / "lavaan_examples.json").read_text())


@pytest.fixture(scope="module")
def datasets(root):
    hs = cx.datasets.load("holzinger_swineford")
    hs["female"] = (hs["sex"] == 2).astype(float)  # as the R script codes it
    return {
        "demo_growth": pd.read_csv(root / REF_DIR / "demo_growth.csv"),
        "demo_growth_missing": pd.read_csv(root / REF_DIR / "demo_growth_missing.csv"),
        "demo_growth_missing_x": pd.read_csv(root / REF_DIR / "demo_growth_missing_x.csv"),
        "holzinger_swineford": hs,
        "political_democracy": cx.datasets.load("political_democracy"),
    }


MODELS = [
    "growth_tvc",
    "growth_tvc_x",
    "growth_tvc_means",
    "growth_basic",
    "growth_tvc_x_fiml",
    "hs_mimic",
    "hs_mimic_no_direct",
    "hs_mimic_school",
    "hs_mimic_school_scalar",
    "hs_cfa_means",
    "political_democracy",
    "growth_fn_basic",
    "growth_fn_tvc_x",
    "growth_fn_tvc_x_fiml",
    "hs_user_fixed",
    "growth_tvc_x_fiml_dropx",
    "growth_tvc_x_fiml_x",
]


def fit_example(entry: dict, datasets: dict) -> cx.sem.SEMFit:
    options = entry["options"] or {}
    kwargs: dict = {}
    if options.get("missing") in ("ml", "ml.x"):
        kwargs["missing"] = {"ml": "fiml", "ml.x": "fiml.x"}[options["missing"]]
    if "group" in options:
        kwargs["group"] = options["group"]
    if "group_equal" in options:
        kwargs["group_equal"] = list(options["group_equal"])
    if options.get("meanstructure"):
        kwargs["meanstructure"] = True
    if options.get("function") == "growth":  # lavaan's growth(): cx.sem.growth
        return cx.sem.growth(entry["model"], datasets[entry["data"]], **kwargs)
    return cx.sem.fit(entry["model"], datasets[entry["data"]], **kwargs)


@pytest.fixture(scope="module")
def fits(ref, datasets):
    return {name: fit_example(ref[name], datasets) for name in MODELS}


def test_every_reference_model_is_checked(ref):
    assert sorted(MODELS) == sorted(k for k in ref if k != "versions")


@pytest.mark.parametrize("name", MODELS)
def test_fit_equals_lavaan(name, ref, fits):
    entry, fit = ref[name], fits[name]
    assert entry["converged"] and entry["admissible"]
    assert fit.admissible
    ours = fit.fit_indices()
    assert ours["df"] == entry["fit"]["df"]
    assert ours["chisq"] == pytest.approx(entry["fit"]["chisq"], abs=1e-3)
    assert ours["npar"] == entry["fit"]["npar"]
    for key in ("cfi", "tli", "rmsea", "srmr", "aic", "bic"):
        assert ours[key] == pytest.approx(entry["fit"][key], rel=1e-4, abs=1e-4), key


@pytest.mark.parametrize("name", MODELS)
def test_estimates_equal_lavaan(name, ref, fits):
    entry, fit = ref[name], fits[name]
    grouped = "group" in (entry["options"] or {})
    keys = ["lhs", "op", "rhs"] + (["group"] if grouped else [])
    ours = fit.estimates().set_index(keys)
    assert len(ours) == len(entry["estimates"])
    for row in entry["estimates"]:
        key = tuple(row[c] for c in keys)
        mine = ours.loc[key]
        assert mine["est"] == pytest.approx(row["est"], abs=1e-3), key
        if row["se"]:
            assert mine["se"] == pytest.approx(row["se"], rel=0.01), key
        if row["std.all"] is not None:
            assert mine["std.all"] == pytest.approx(row["std.all"], abs=1e-3), key


def test_indicator_regression_adds_no_covariances(datasets):
    # an indicator regressed on a covariate keeps its residual variance only; lavaan's
    # auto.cov.y covers outcomes that are not indicators (the cause of issue 26)
    table = parse(
        "i =~ 1*t1 + 1*t2 + 1*t3 + 1*t4\ns =~ 0*t1 + 1*t2 + 2*t3 + 3*t4\nt1 ~ c1\nt2 ~ c2",
        ["t1", "t2", "t3", "t4", "c1", "c2"],
    )
    covs = table[(table.op == "~~") & (table.lhs != table.rhs)]
    assert sorted(map(tuple, covs[["lhs", "rhs"]].values.tolist())) == [
        ("c1", "c2"),
        ("i", "s"),
    ]
    assert covs.set_index("lhs").loc["c1", "exo"]  # fixed.x: sample value, not counted


@pytest.mark.parametrize("name", ["hs_mimic", "growth_tvc_x", "growth_fn_basic", "hs_user_fixed"])
def test_modification_indices_equal_lavaan(name, ref, fits):
    mi = fits[name].modification_indices()
    ours = {}
    for r in mi.itertuples():
        ours[(r.lhs, r.op, r.rhs)] = r
        if r.op == "~~":
            ours[(r.rhs, r.op, r.lhs)] = r
    theirs = ref[name]["modindices"]
    missing = []
    for row in theirs:
        key = (row["lhs"], row["op"], row["rhs"])
        if key not in ours:
            missing.append(key)
            continue
        assert ours[key].mi == pytest.approx(row["mi"], rel=1e-3, abs=1e-3), key
        assert ours[key].epc == pytest.approx(row["epc"], rel=1e-3, abs=1e-3), key
    # every row of lavaan's, including the parameters the user fixed (a growth model's
    # loadings 0, 1, 2, 3 and intercepts 0; '0*x9'; 'x2 ~~ 0.3*x5'), and no other
    assert missing == []
    assert len(mi) == len(theirs)


@pytest.mark.parametrize("name", ["hs_mimic", "hs_mimic_school", "growth_tvc_x"])
def test_bootstrap_and_effects_run(name, fits):
    fit = fits[name]
    boot = fit.bootstrap(30, seed=26, n_jobs=1, progress=False)
    frame = boot.to_frame()
    free = frame["se"].notna()
    assert free.sum() > 0 and np.isfinite(frame.loc[free, "se"]).all()
    eff = fit.effects(boot=boot)
    assert len(eff) and np.isfinite(eff["est"]).all()


def test_effects_of_the_direct_path_on_an_item(fits):
    eff = fits["hs_mimic"].effects()
    direct = eff[(eff["effect"] == "direct") & (eff["from"] == "female") & (eff["to"] == "x1")]
    assert direct["est"].round(3).tolist() == [0.371]


def test_multi_outcome_shorthand_is_the_same_model(datasets):
    hs = datasets["holzinger_swineford"]
    long = (
        "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\n"
        "visual ~ female + ageyr\ntextual ~ female + ageyr\nspeed ~ female + ageyr\n"
        "x1 ~~ x9\nx2 ~~ x9"
    )
    short = (
        "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\n"
        "visual + textual + speed ~ female + ageyr\nx1 + x2 ~~ x9"
    )
    a, b = cx.sem.fit(long, hs), cx.sem.fit(short, hs)
    assert a.fit_indices()["chisq"] == pytest.approx(b.fit_indices()["chisq"], abs=1e-9)
    cols = ["lhs", "op", "rhs", "free"]
    assert a.table[cols].equals(b.table[cols])


def test_shorthand_keeps_labels_per_outcome():
    read = statements("a + b ~ c1*x + z")
    assert [(s.lhs, s.terms[0].label) for s in read] == [("a", ["c1"]), ("b", ["c1"])]
    assert read[0].terms[0] is not read[1].terms[0]


def test_bad_left_hand_side_names_the_line():
    with pytest.raises(ModelSpecError, match=r"Line 2 .*'a \+ b-c' is not a variable name"):
        parse("F =~ x1 + x2 + x3\na + b-c ~ x1", ["x1", "x2", "x3", "a", "b"])
