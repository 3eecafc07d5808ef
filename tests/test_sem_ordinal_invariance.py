"""Ordered items compared across models and groups (lavaan's WLSMV): Satorra's (2000)
scaled-and-shifted χ² difference test in ``cx.sem.compare`` and ordinal measurement
invariance (Wu & Estabrook 2016 levels) in ``cx.sem.invariance``, each against lavaan
0.6.14 / semTools on the same CSVs (tests/reference/lavaan_wlsmv_invariance.R and
lavaan_wlsmv.R)."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

import cxlab as cx
from cxlab.errors import DataError, ModelSpecError
from cxlab.sem.ordinal import _example_data, fit_ordered
from cxlab.sem.wls import satorra_2000

LEVELS = {
    "configural": (),
    "thresholds": ("thresholds",),
    "metric": ("thresholds", "loadings"),
    "scalar": ("thresholds", "loadings", "intercepts"),
}
# cxlab key → lavaan's fitMeasures() name
MEASURES = {
    "npar": "npar",
    "chisq": "chisq",
    "df": "df",
    "pvalue": "pvalue",
    "chisq_scaled": "chisq.scaled",
    "pvalue_scaled": "pvalue.scaled",
    "chisq_scaling_factor": "chisq.scaling.factor",
    "cfi_scaled": "cfi.scaled",
    "tli_scaled": "tli.scaled",
    "rmsea_scaled": "rmsea.scaled",
    "rmsea_ci_low_scaled": "rmsea.ci.lower.scaled",
    "rmsea_ci_high_scaled": "rmsea.ci.upper.scaled",
    "srmr": "srmr",
}


@pytest.fixture(scope="module")
def ref(root) -> dict:
    return json.loads((root / "tests/reference/lavaan_wlsmv_invariance.json").read_text())


@pytest.fixture(scope="module")
def ref_wlsmv(root) -> dict:
    return json.loads((root / "tests/reference/lavaan_wlsmv.json").read_text())


def _data(root, part: dict) -> pd.DataFrame:
    return pd.read_csv(root / "tests/reference" / part["file"])


@pytest.fixture(scope="module", params=["two", "three"])
def scenario(request, ref, root) -> tuple[dict, cx.sem.InvarianceResult]:
    """(reference part, invariance result) of the Wu & Estabrook levels of one survey."""
    part = ref[request.param]
    result = cx.sem.invariance(part["model"], _data(root, part), "channel", ordered=part["items"])
    return part, result


def _parts(f) -> tuple:
    return (f.meta["ordinal_model"], f.meta["theta_free"], f.fit_measures["chisq"],
            f.fit_measures["df"])  # fmt: skip


def test_compare_is_lavaans_satorra_2000(ref_wlsmv, root):
    """lavTestLRT(mg_config, mg_equal) of lavaan_wlsmv.R: 35.679 on 34 df, p = .389."""
    data = pd.read_csv(root / "tests/reference/ordinal_cx.csv")
    model, items = ref_wlsmv["mg_config"]["model"], ref_wlsmv["items"]
    config = cx.sem.fit(model, data, ordered=items, group="channel")
    equal = cx.sem.fit(model, data, ordered=items, group="channel",
                       group_equal=("thresholds", "loadings"))  # fmt: skip
    table = cx.sem.compare(equal, config, names=["equal", "configural"])  # any order
    assert table["model"].tolist() == ["configural", "equal"]
    assert table.attrs["test"] == "Satorra (2000) scaled-shifted difference (WLSMV)"
    lrt = ref_wlsmv["lrt"]
    assert table["delta_chisq"].iloc[1] == pytest.approx(lrt["chisq_diff"], rel=1e-6)
    assert table["delta_df"].iloc[1] == lrt["df_diff"] == 34
    assert table["p_delta"].iloc[1] == pytest.approx(lrt["pvalue"], abs=1e-6)
    # the statistic is a·ΔT + b, not the difference of the scaled χ² values
    naive = table["chisq_scaled"].diff().iloc[1]
    assert abs(naive - table["delta_chisq"].iloc[1]) > 0.5
    t = satorra_2000(_parts(config), _parts(equal))
    dt = equal.fit_measures["chisq"] - config.fit_measures["chisq"]
    assert t["a"] * dt + t["b"] == pytest.approx(t["delta_chisq"], rel=1e-12)
    assert table["delta_scaling"].iloc[1] == pytest.approx(1 / t["a"])
    assert table["delta_shift"].iloc[1] == pytest.approx(t["b"])
    assert np.isnan(table["aic"]).all()  # DWLS has no likelihood
    d_cfi = equal.fit_measures["cfi_scaled"] - config.fit_measures["cfi_scaled"]
    assert table["delta_cfi_scaled"].iloc[1] == pytest.approx(d_cfi)


def test_compare_lavaan_identification_chain(ref, root):
    """lavaan's own group.equal identification: configural, thresholds, + loadings."""
    part = ref["two"]
    data = _data(root, part)
    fits = [
        fit_ordered(part["model"], data, part["items"], group="channel", group_equal=ge)
        for ge in ((), ("thresholds",), ("thresholds", "loadings"))
    ]
    for f, name in zip(fits, ("configural", "thresholds", "metric"), strict=True):
        expected = part["lavaan"][name]["fit"]
        assert f.fit_measures["df"] == expected["df"]
        assert f.fit_measures["chisq"] == pytest.approx(expected["chisq"], rel=1e-5)
        assert f.fit_measures["chisq_scaled"] == pytest.approx(expected["chisq.scaled"], rel=1e-5)
    table = cx.sem.compare(*fits)
    lrt = part["lavaan_lrt"]
    assert table["delta_chisq"].iloc[1:].to_numpy() == pytest.approx(lrt["chisq_diff"], rel=1e-6)
    assert table["delta_df"].iloc[1:].tolist() == lrt["df_diff"] == [27, 7]
    assert table["p_delta"].iloc[1:].to_numpy() == pytest.approx(lrt["pvalue"], abs=1e-6)


def test_wu_estabrook_levels_equal_semtools(scenario):
    """Every parameter row and fit measure of each level, against lavaan on semTools'
    measEq.syntax(ID.fac = "std.lv", ID.cat = "Wu.Estabrook.2016") (measured: estimates and
    SEs within 8e-6, fit measures within 5e-6)."""
    part, result = scenario
    for level, f in result.fits.items():
        assert f.converged and f.admissible, level
        theirs = pd.DataFrame(part["wu_estabrook"][level]["estimates"])
        theirs = theirs[theirs.op.isin(["=~", "~~", "~1", "|", "~*~"])]
        ours = f.table[["lhs", "op", "rhs", "group", "est", "se", "std_all"]]
        j = theirs.merge(ours, on=["lhs", "op", "rhs", "group"], suffixes=("", "_cx"))
        assert len(j) == len(theirs) == len(ours[ours.op != ":="]), level
        free = j["se"] > 0
        assert np.abs(j["est"] - j["est_cx"]).max() < 2e-5, level
        assert (np.abs(j["se"] - j["se_cx"]) / j["se"])[free].max() < 2e-5, level
        assert np.abs(j["std.all"] - j["std_all"]).max() < 2e-5, level
        assert j.loc[~free, "se_cx"].isna().all()
        fm, expected = f.fit_measures, part["wu_estabrook"][level]["fit"]
        for ours_key, theirs_key in MEASURES.items():
            assert fm[ours_key] == pytest.approx(expected[theirs_key], rel=1e-4, abs=1e-5), (
                level,
                ours_key,
            )
        assert fm["chisq_shift_parameters"] == pytest.approx(
            part["wu_estabrook"][level]["shift"], rel=1e-4
        )


def test_wu_estabrook_frees_what_semtools_frees(scenario):
    part, result = scenario
    latent = ["Q", "S", "L"]
    for level, f in result.fits.items():
        t = f.table
        later = t.group > 1
        items = t.lhs.isin(part["items"])
        nu = t[(t.op == "~1") & items & later]
        scale = t[(t.op == "~*~") & later]
        means = t[(t.op == "~1") & t.lhs.isin(latent) & later]
        var = t[(t.op == "~~") & (t.lhs == t.rhs) & t.lhs.isin(latent) & later]
        assert (nu.free > 0).all() == (level in ("thresholds", "metric")), level
        assert (nu.free == 0).all() == (level not in ("thresholds", "metric")), level
        assert (scale.free > 0).all() == (level != "configural"), level
        assert (var.free > 0).all() == (level in ("metric", "scalar")), level
        assert (means.free > 0).all() == (level == "scalar"), level
        assert (t.loc[(t.op == "~~") & (t.lhs == t.rhs) & t.lhs.isin(latent) & ~later, "est"]
                == 1).all()  # fmt: skip
        assert f.meta["identification"] == "wu.estabrook.2016"


def test_invariance_ordered_equals_lavtestlrt(scenario):
    part, res = scenario
    table = res.table
    assert table["level"].tolist() == list(LEVELS)
    assert table.attrs["test"] == "Satorra (2000) scaled-shifted difference (WLSMV)"
    lrt = part["wu_estabrook_lrt"]
    assert table["delta_chisq"].iloc[1:].to_numpy() == pytest.approx(lrt["chisq_diff"], rel=1e-5)
    assert table["delta_df"].iloc[1:].tolist() == lrt["df_diff"]
    assert table["p_delta"].iloc[1:].to_numpy() == pytest.approx(lrt["pvalue"], abs=1e-6)
    cfi = [part["wu_estabrook"][lvl]["fit"]["cfi.scaled"] for lvl in LEVELS]
    rmsea = [part["wu_estabrook"][lvl]["fit"]["rmsea.scaled"] for lvl in LEVELS]
    assert table["delta_cfi_scaled"].iloc[1:].to_numpy() == pytest.approx(np.diff(cfi), abs=1e-5)
    assert table["delta_rmsea_scaled"].iloc[1:].to_numpy() == pytest.approx(
        np.diff(rmsea), abs=1e-5
    )
    summary = res.summary()
    assert "cfi_scaled" in summary and "delta_rmsea_scaled" in summary
    ax = res.plot()
    assert [ln.get_label() for ln in ax.get_legend().get_lines()] == [
        "CFI (scaled)", "RMSEA (scaled)", "SRMR",
    ]  # fmt: skip


def test_invariance_ordered_finds_the_simulated_differences(scenario):
    """ordinal_groups.csv: app customers' s3 loads .45 instead of .75 and q4's thresholds
    are all 0.5 higher: a common shift, which Wu & Estabrook's thresholds level does not
    test (it is an intercept difference), so the thresholds level holds, the metric level
    (s3) fails, and the scalar level (q4) is rejected by the χ² test too."""
    part, res = scenario
    if part["file"] != "ordinal_groups.csv":
        assert res.table["holds"].all()  # ordinal_cx.csv: invariant by construction
        return
    t = res.table.set_index("level")
    assert t.loc["thresholds", "p_delta"] > 0.05
    assert t.loc["metric", "p_delta"] < 1e-5 and t.loc["scalar", "p_delta"] < 1e-8
    assert t["holds"].tolist() == [True, True, False, False]
    assert "ΔCFI (scaled)" in t.loc["metric", "note"]
    assert res.summary().splitlines()[-1] == "Highest level that holds (Chen 2007): thresholds."


def test_invariance_ordered_levels_subset(ref, root):
    part = ref["two"]
    res = cx.sem.invariance(part["model"], _data(root, part), "channel",
                            ordered=part["items"], levels=("configural", "thresholds"))  # fmt: skip
    assert res.table["level"].tolist() == ["configural", "thresholds"]
    assert res.table["delta_chisq"].iloc[1] == pytest.approx(
        ref["two"]["wu_estabrook_lrt"]["chisq_diff"][0], rel=1e-5
    )


def test_refusals():
    data = _example_data(n=400)
    data["channel"] = ["a", "b"] * 200
    items = [f"y{j}" for j in range(1, 7)]
    model = "F =~ y1 + y2 + y3\nG =~ y4 + y5 + y6"
    with pytest.raises(DataError, match="strict"):
        cx.sem.invariance(model, data, "channel", ordered=items,
                          levels=("configural", "metric", "strict"))  # fmt: skip
    with pytest.raises(DataError, match="std_lv=False"):
        cx.sem.invariance(model, data, "channel", ordered=items, std_lv=False)
    with pytest.raises(DataError, match="WLSMV"):
        cx.sem.invariance(model, data, "channel", ordered=items, estimator="MLR")
    with pytest.raises(DataError, match="levels must start"):
        cx.sem.invariance(model, data, "channel", ordered=items, levels=("thresholds",))
    with pytest.raises(ModelSpecError, match="std_lv=True"):
        fit_ordered(model, data, items, group="channel", group_equal=("thresholds",),
                    identification="wu.estabrook.2016")  # fmt: skip
    with pytest.raises(ModelSpecError, match="needs 'thresholds'"):
        fit_ordered(model, data, items, group="channel", group_equal=("loadings",),
                    std_lv=True, identification="wu.estabrook.2016")  # fmt: skip
    with pytest.raises(ModelSpecError, match="identification="):
        fit_ordered(model, data, items, group="channel", identification="theta")
    with pytest.raises(ModelSpecError, match="intercepts"):
        fit_ordered(model, data, items, group="channel", group_equal=("intercepts",))
    binary = data.copy()
    binary["y1"] = (binary["y1"] > 2).astype(int) + 1
    with pytest.raises(ModelSpecError, match="two categories"):
        fit_ordered(model, binary, items, group="channel", group_equal=("thresholds",),
                    std_lv=True, identification="wu.estabrook.2016")  # fmt: skip
    single = fit_ordered(model, data, items)
    other = fit_ordered("F =~ y1 + y2 + y3", data, ["y1", "y2", "y3"])
    with pytest.raises(DataError, match="same data"):
        cx.sem.compare(single, other)
    ml = cx.sem.fit(model, data)
    with pytest.raises(DataError, match="different estimators"):
        cx.sem.compare(single, ml)
