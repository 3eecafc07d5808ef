"""standardized_solution() of WLSMV fits (ordered items) against lavaan 0.6.14's
standardizedSolution() on the same fits (tests/reference/lavaan_wlsmv_standardized.R):
thresholds, the items' fixed residual variances, scale factors, intercepts, ':=' rows;
types std.all, std.lv and std.nox."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from cxlab.sem.ordinal import fit_ordered
from cxlab.sem.standardized import STD_LAVAAN_NAMES

FITS = {
    "sem": {},
    "equal": {"group": "channel", "group_equal": ("thresholds", "loadings")},
    "we_metric": {
        "group": "channel",
        "group_equal": ("thresholds", "loadings"),
        "std_lv": True,
        "identification": "wu.estabrook.2016",
    },
}


@pytest.fixture(scope="module")
def ref(root) -> dict:
    return json.loads((root / "tests/reference/lavaan_wlsmv_standardized.json").read_text())


@pytest.fixture(scope="module")
def fits(ref, root) -> dict:
    data = pd.read_csv(root / "tests/reference/ordinal_cx.csv")
    return {
        name: fit_ordered(ref["models"][name], data, ref["items"], **kwargs)
        for name, kwargs in FITS.items()
    }


def _joined(fit, part: list[dict], type: str) -> pd.DataFrame:
    theirs = pd.DataFrame(part)
    ours = fit.standardized_solution(type=type).rename(columns=STD_LAVAAN_NAMES)
    if "group" not in ours:
        ours["group"] = np.where(ours["op"] == ":=", 0, 1)
    joined = theirs.merge(ours, on=["lhs", "op", "rhs", "group"], suffixes=("", "_cx"))
    assert len(joined) == len(theirs) == len(ours)  # row for row
    return joined


@pytest.mark.parametrize("type", ["std.all", "std.lv", "std.nox"])
@pytest.mark.parametrize("name", list(FITS))
def test_equals_lavaan(fits, ref, name, type):
    """Measured: est.std within 4e-6, SEs within 5e-6 relative of lavaan's."""
    j = _joined(fits[name], ref["solutions"][name][type], type)
    assert np.abs(j["est.std"] - j["est.std_cx"]).max() < 2e-5
    positive = j["se"] > 0
    assert (np.abs(j["se"] - j["se_cx"]) / j["se"])[positive].max() < 1e-4
    assert (j.loc[~positive, "se_cx"] == 0).all()  # lavaan's 0 SEs are ours too
    assert np.abs(j["ci.lower"] - j["ci.lower_cx"]).max() < 1e-4
    z_known = j["z"].notna()
    assert (j["z_cx"].notna() == z_known).all()


def test_ordinal_rows_by_type(fits):
    """lavaan's rules: a threshold divided by the latent response's SD (1/δ) under
    std.all and kept under std.lv; a scale factor 1 under std.all and δ under std.lv."""
    fit = fits["equal"]
    table = fit.table
    all_ = fit.standardized_solution(type="std.all")
    lv = fit.standardized_solution(type="std.lv")
    delta = table[(table.op == "~*~")].set_index(["lhs", "group"])["est"]
    assert (delta.xs(1, level="group") == 1).all()
    assert not np.allclose(delta.xs(2, level="group"), 1)  # free in the online group
    th = (table.op == "|").to_numpy()
    scale = np.array([delta[(r.lhs, r.group)] for r in table[th].itertuples()])
    assert lv.loc[th, "est_std"].to_numpy() == pytest.approx(table.loc[th, "est"].to_numpy())
    assert all_.loc[th, "est_std"].to_numpy() == pytest.approx(
        table.loc[th, "est"].to_numpy() * scale
    )
    sc = (table.op == "~*~").to_numpy()
    assert (all_.loc[sc, "est_std"] == 1).all() and (all_.loc[sc, "se"] == 0).all()
    assert lv.loc[sc, "est_std"].to_numpy() == pytest.approx(table.loc[sc, "est"].to_numpy())
    # std.all equals the fit table's std_all column (computed apart, in _ordinal)
    assert all_["est_std"].to_numpy() == pytest.approx(table["std_all"].to_numpy(), abs=1e-9)
    # the items' residual variances are fixed rows but functions of θ: they get an SE
    resid = (table.op == "~~") & (table.lhs == table.rhs) & table.lhs.str.match(r"[qsl]\d")
    assert table.loc[resid, "se"].isna().all()
    assert (lv.loc[resid.to_numpy(), "se"] > 0).all()


def test_defined_effects_standardized(fits, ref):
    fit = fits["sem"]
    std = fit.standardized_solution().set_index("lhs")
    theirs = pd.DataFrame(ref["solutions"]["sem"]["std.all"]).set_index("lhs")
    for name in ("ind", "tot"):
        assert std.loc[name, "est_std"] == pytest.approx(theirs.loc[name, "est.std"], abs=1e-6)
        assert std.loc[name, "se"] == pytest.approx(theirs.loc[name, "se"], rel=1e-4)


def test_apa_tables_report_the_scaled_test(fits):
    fit = fits["sem"]
    f = fit.fit_measures
    for lang in ("en", "zh"):
        apa = fit.to_apa(lang=lang)
        row = apa.fit.iloc[0]
        assert row["χ²"] == f"{f['chisq_scaled']:.2f}" != f"{f['chisq']:.2f}"
        assert row["CFI"] == f"{f['cfi_scaled']:.3f}".lstrip("0")
        assert row["RMSEA [90% CI]"].startswith(f"{f['rmsea_scaled']:.3f}".lstrip("0"))
        assert "WLSMV" in apa.note and "ML estimation" not in apa.note
    # β in the measurement table is the std.all of the latent responses
    apa = fit.to_apa(decimals=3)
    loadings = fit.table[fit.table.op == "=~"]["std_all"].to_numpy()
    shown = [float(b.replace("\u2212", "-")) for b in apa.measurement["β"]]
    assert shown == pytest.approx(loadings, abs=5e-4)
    with pytest.raises(Exception, match="APA tables are per group"):
        fits["equal"].to_apa()


def test_notebook_display_diagnostics_and_plot(fits):
    fit = fits["sem"]
    shown = fit._repr_html_()
    f = fit.fit_measures
    assert shown.startswith("<p><b>SEM fit</b> (WLSMV, N = 800): scaled χ²(32) = ")
    assert f"{f['chisq_scaled']:.3f}" in shown and "<table" in shown
    checks = fit.diagnostics
    assert checks["ok"].all() and len(checks) == 6
    fig = fits["equal"].plot(group="online", what="est")
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert "Group: online" in texts
    t = fits["equal"].table
    cov = t[(t.op == "~~") & (t.lhs == "Q") & (t.rhs == "S")].set_index("group")["est"]
    assert f"{cov[2]:.2f}***" in texts and f"{cov[1]:.2f}***" not in texts  # online's
    assert not any(x.startswith("t1") or "~*~" in x for x in texts)  # no thresholds drawn
