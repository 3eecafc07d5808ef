"""cx.sem results under cxlab's one convention (issue 17, part 3): summary / to_frame /
plot / _repr_html_, the column vocabulary (est, se, ci_low, ci_high, std_all, …), old
names that still work one release with a DeprecationWarning, seed= required."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd
import pytest

import cxlab as cx
from cxlab.errors import DataError

MEDIATION = (
    "ind60 =~ x1 + x2 + x3\ndem60 =~ y1 + y2 + y3 + y4\ndem65 =~ y5 + y6 + y7 + y8\n"
    "dem60 ~ a*ind60\ndem65 ~ b*dem60\nind := a*b"
)


@pytest.fixture(scope="module")
def pd_fit():
    return cx.sem.fit(MEDIATION, cx.datasets.load("political_democracy"))


@pytest.fixture(scope="module")
def boot(pd_fit):
    return pd_fit.bootstrap(B=40, seed=1, n_jobs=1, progress=False)


@pytest.fixture(scope="module")
def mc(pd_fit):
    return pd_fit.monte_carlo_ci(R=2000, seed=1)


def test_semfit_to_frame_is_estimates_in_cxlab_vocabulary(pd_fit):
    frame, est = pd_fit.to_frame(), pd_fit.estimates()
    assert list(frame.columns) == [
        "lhs", "op", "rhs", "label", "est", "se", "z", "pvalue", "ci_low", "ci_high", "std_all"
    ]  # fmt: skip
    renamed = frame.rename(columns={"ci_low": "ci.lower", "ci_high": "ci.upper"})
    pd.testing.assert_frame_equal(renamed.rename(columns={"std_all": "std.all"}), est)
    assert "ci_low" in pd_fit.summary() and "ci.lower" not in pd_fit.summary()
    assert "<table" in pd_fit._repr_html_() and "std_all" in pd_fit._repr_html_()


def test_bootstrap_result_convention(boot):
    frame = boot.to_frame()
    assert list(frame.columns)[-4:] == ["est", "se", "ci_low", "ci_high"]
    assert "bootstrap" in frame.attrs["se"]
    assert boot.summary().startswith("40 bootstrap draws")
    ax = boot.plot(parameter="ind")
    assert ax.get_title() == "ind := a*b: 40 bootstrap draws"
    assert boot.plot(parameter="dem60 ~ ind60").get_title().startswith("dem60 ~ ind60")
    with pytest.raises(DataError, match="names no row"):
        boot.plot(parameter="nothing")
    html = boot._repr_html_()
    assert html.startswith("<p><b>SEM bootstrap</b>") and "<table" in html


def test_bootstrap_old_names_still_work_with_a_warning(boot):
    with pytest.warns(DeprecationWarning, match=r"'ci\.lower' is called 'ci_low'"):
        lower = boot.table["ci.lower"]
    np.testing.assert_array_equal(lower, boot.table["ci_low"])
    with pytest.warns(DeprecationWarning, match=r"'boot_se' is called 'se'"):
        se = boot.defined()["boot_se"]
    np.testing.assert_array_equal(se, boot.defined()["se"])
    with pytest.warns(DeprecationWarning, match=r"summary\(\)"):
        assert boot.report() == boot.summary()


def test_monte_carlo_result_convention_and_old_names(mc):
    frame = mc.to_frame()
    assert list(frame.columns)[-4:] == ["est", "se", "ci_low", "ci_high"]
    assert mc.plot().get_title() == "ind := a*b: 2000 Monte-Carlo draws"
    assert mc.draws.shape == (2000, len(mc.table))
    assert "<table" in mc._repr_html_()
    with pytest.warns(DeprecationWarning, match=r"'mc_se' is called 'se'"):
        se = mc.table["mc_se"]
    np.testing.assert_array_equal(se, mc.table["se"])
    with pytest.warns(DeprecationWarning, match=r"'ci\.upper' is called 'ci_high'"):
        upper = mc.defined()["ci.upper"]
    np.testing.assert_array_equal(upper, mc.defined()["ci_high"])
    with pytest.warns(DeprecationWarning, match=r"summary\(\)"):
        assert mc.report() == mc.summary()


def test_effects_columns_and_old_names(pd_fit):
    eff = pd_fit.effects()
    for col in ("from", "to", "via", "est", "se", "z", "pvalue", "ci_low", "ci_high"):
        assert col in eff.columns
    for col in ("std_all", "std_se", "std_ci_low", "std_ci_high"):
        assert col in eff.columns
    for old, new in (
        ("std.all", "std_all"),
        ("ci.lower", "ci_low"),
        ("std.ci.upper", "std_ci_high"),
    ):
        with pytest.warns(DeprecationWarning, match=f"is called '{new}'"):
            values = eff[old]
        np.testing.assert_array_equal(values, eff[new])
    # std_se is the delta-method SE of std_all: its Wald interval is std_ci_low / high
    direct = eff[eff["effect"] == "direct"].iloc[0]
    assert direct["std_ci_low"] == pytest.approx(direct["std_all"] - 1.96 * direct["std_se"], 1e-3)


def test_seed_is_required_where_there_is_resampling(pd_fit):
    with pytest.raises(DataError, match="pass seed="):
        pd_fit.bootstrap(B=40, n_jobs=1, progress=False)
    with pytest.raises(DataError, match="pass seed="):
        cx.sem.bootstrap(pd_fit, pd_fit.data_, B=40)
    with pytest.raises(DataError, match="pass seed="):
        pd_fit.monte_carlo_ci(2000)


def test_data_may_be_a_survey():
    survey = cx.datasets.survey("hotel_4e")
    frame = cx.datasets.load("hotel_4e")
    model = "EDU =~ edu1 + edu2 + edu3"
    a, b = cx.sem.fit(model, survey), cx.sem.fit(model, frame)
    pd.testing.assert_frame_equal(a.to_frame(), b.to_frame())


def test_invariance_result_convention():
    hs = cx.datasets.load("holzinger_swineford")
    model = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6"
    res = cx.sem.invariance(model, hs, "school", levels=("configural", "metric"))
    pd.testing.assert_frame_equal(res.to_frame(), res.table)
    assert [t.get_text() for t in res.plot().get_xticklabels()] == ["configural", "metric"]
    assert "<table" in res._repr_html_() and "school" in res._repr_html_()


def test_apa_tables_summary_and_to_frame(pd_fit):
    apa = pd_fit.to_apa()
    text = apa.summary()
    assert text.splitlines()[0] == "Model fit" and "Structural model" in text
    pd.testing.assert_frame_equal(apa.to_frame(), apa.structural)
    pd.testing.assert_frame_equal(apa.to_frame("fit"), apa.fit)
    with pytest.raises(DataError, match="which must be"):
        apa.to_frame("other")
