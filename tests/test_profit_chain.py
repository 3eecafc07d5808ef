"""cx.profit_chain: ICC against a hand ANOVA and R; MixedLM against nlme / lme4; the unit
path model against lavaan; recovery of the simulated chain; bad input."""

from __future__ import annotations

import json
import warnings

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
import statsmodels.formula.api as smf

import cxlab as cx
from cxlab.errors import DataError


@pytest.fixture(scope="module")
def ref(root):
    return json.loads((root / "tests/reference/profit_chain.json").read_text())


@pytest.fixture(scope="module")
def data():
    return cx.profit_chain.example_data()


@pytest.fixture(scope="module")
def sim():
    return cx.datasets.resource("service_profit_chain_units")["simulation"]


@pytest.fixture(scope="module")
def linked(data):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return cx.profit_chain.link(*data)


@pytest.fixture(scope="module")
def paths(linked):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return cx.profit_chain.unit_paths(linked)


# -- ICC ---------------------------------------------------------------------------------


def test_icc_equals_a_hand_anova(data, linked):
    employees, customers, _ = data
    for frame, variables in ((employees, ["isq", "esat", "stay"]), (customers, ["csat"])):
        for v in variables:
            aov = sm.stats.anova_lm(smf.ols(f"{v} ~ C(unit_id)", frame).fit())
            msb, msw = aov["mean_sq"].iloc[0], aov["mean_sq"].iloc[1]
            k = len(frame) / frame["unit_id"].nunique()
            row = linked.icc.set_index("variable").loc[v]
            assert row["icc1"] == pytest.approx((msb - msw) / (msb + (k - 1) * msw), rel=1e-10)
            assert row["icc2"] == pytest.approx((msb - msw) / msb, rel=1e-10)
            assert row["F"] == pytest.approx(aov["F"].iloc[0], rel=1e-10)


def test_icc_equals_r_aov(linked, ref):
    got = linked.icc.set_index("variable")
    for v, r in ref["icc"].items():
        assert got.loc[v, "icc1"] == pytest.approx(r["icc1"], abs=1e-10)
        assert got.loc[v, "icc2"] == pytest.approx(r["icc2"], abs=1e-10)
        assert got.loc[v, "F"] == pytest.approx(r["F"], rel=1e-10)


def test_link_unit_table(linked, data):
    employees, customers, units = data
    u = linked.units
    assert list(u.columns[:2]) == ["n_employees", "n_customers"]
    assert u["n_employees"].sum() == len(employees) and u["n_customers"].sum() == len(customers)
    assert u.loc[1, "csat"] == pytest.approx(customers.query("unit_id == 1").csat.mean())
    assert u.loc[1, "turnover"] == units.set_index("unit_id").loc[1, "turnover"]
    assert len(linked.to_frame()) == 60 and "unit_id" in linked.to_frame()


def test_low_icc2_is_warned(data):
    with pytest.warns(UserWarning, match=r"ICC\(2\) below 0.7 for stay"):
        linked = cx.profit_chain.link(*data)
    assert not linked.icc.set_index("variable").loc["stay", "reliable"]
    assert "unit mean unreliable" in linked.summary()


# -- MixedLM against nlme and lme4 --------------------------------------------------------

CASES = {
    "esat_isq": ("employees", "esat ~ isq", []),
    "esat_isq_centred": ("employees", "esat ~ isq", ["isq"]),
    "csat_value_centred": ("customers", "csat ~ value", ["value"]),
    "recommend_csat": ("customers", "recommend ~ csat", []),
}


@pytest.mark.parametrize("method", ["REML", "ML"])
@pytest.mark.parametrize("case", list(CASES))
def test_multilevel_equals_nlme_and_lme4(case, method, data, ref):
    table, formula, centre = CASES[case]
    frame = data[0] if table == "employees" else data[1]
    m = cx.profit_chain.multilevel(frame, formula, centre=centre, reml=method == "REML")
    assert m.converged
    key = f"{case} {method}"
    var = dict(zip(m.variance["component"], m.variance["est"], strict=True))
    n, p = m.n, len(m.fixed)
    for r, name in ((ref["lme"][key], "nlme"), (ref["lmer"][key], "lme4")):
        np.testing.assert_allclose(m.fixed["est"], r["est"], rtol=1e-5, atol=1e-6, err_msg=name)
        se = np.array(r["se"])
        if name == "nlme" and method == "ML":  # nlme's ML SEs use σ²·N/(N - p)
            se = se / np.sqrt(n / (n - p))
        np.testing.assert_allclose(m.fixed["se"], se, rtol=1e-4, err_msg=name)
        assert var["between"] == pytest.approx(r["between"], rel=1e-4)
        assert var["within"] == pytest.approx(r["within"], rel=1e-4)
        assert m.loglik == pytest.approx(r["loglik"], abs=1e-4)


def test_contextual_effect_is_between_minus_within(data):
    m = cx.profit_chain.multilevel(data[0], "esat ~ isq", centre=["isq"])
    d = m.decomposition.set_index("effect")
    assert d.loc["contextual", "est"] == pytest.approx(
        d.loc["between", "est"] - d.loc["within", "est"]
    )
    fixed = m.fixed.set_index("term")
    assert d.loc["within", "se"] == fixed.loc["isq_within", "se"]
    # the same contextual effect as the coefficient of the unit mean next to the raw
    # predictor (Raudenbush & Bryk's contextual model): y ~ x + mean(x)
    frame = data[0].assign(isq_mean=data[0].groupby("unit_id")["isq"].transform("mean"))
    raw = cx.profit_chain.multilevel(frame, "esat ~ isq + isq_mean").fixed.set_index("term")
    assert raw.loc["isq_mean", "est"] == pytest.approx(d.loc["contextual", "est"], rel=1e-5)
    assert raw.loc["isq_mean", "se"] == pytest.approx(d.loc["contextual", "se"], rel=1e-4)
    assert "contextual = between - within" in m.summary()


# -- recovery of the simulated truth ------------------------------------------------------


def test_multilevel_recovers_the_within_and_between_paths(data, sim):
    """95 % CIs cover (a) the generating within-unit slopes of ISQ -> employee satisfaction
    (0.35) and value -> customer satisfaction (0.8) and the generating between-unit slopes
    (0.8, 1.2); (b) the population values on the observed scales (20,000 hotels)."""
    within, pop = sim["within"], sim["population"]
    checks = [
        (data[0], "esat ~ isq", "isq", within["esat_on_isq"], 0.8, pop["esat ~ isq (employees)"]),
        (
            data[1],
            "csat ~ value",
            "value",
            within["csat_on_value"],
            1.2,
            pop["csat ~ value (customers)"],
        ),
    ]
    for frame, formula, x, w_true, b_true, population in checks:
        d = cx.profit_chain.multilevel(frame, formula, centre=[x]).decomposition
        d = d.set_index("effect")
        for effect, truth in (("within", w_true), ("between", b_true)):
            assert d.loc[effect, "ci_low"] < truth < d.loc[effect, "ci_high"], (x, effect)
            value = population[effect]
            assert d.loc[effect, "ci_low"] < value < d.loc[effect, "ci_high"], (x, effect)
    # recommend ~ csat: the population within slope on the observed (rounded) scale
    d = cx.profit_chain.multilevel(data[1], "recommend ~ csat", centre=["csat"]).decomposition
    d = d.set_index("effect")
    for effect in ("within", "between"):
        value = pop["recommend ~ csat (customers)"][effect]
        assert d.loc[effect, "ci_low"] < value < d.loc[effect, "ci_high"]


def test_unit_paths_cover_the_simulated_unit_level_truth(paths, sim):
    """Every path's 95 % CI covers its population value on observed unit means (20,000
    hotels of the same design); the generating values of the paths from unit means of
    well-measured variables are covered too. (turnover ~ esat: the generating -12 lies
    outside, as the unit mean of employee satisfaction carries sampling error: ICC(2) ≈
    .90 attenuates it to about -10.6.)"""
    pop = sim["population"]["unit_paths_on_observed_means"]
    t = paths.paths.assign(key=lambda d: d.lhs + " ~ " + d.rhs).set_index("key")
    assert set(t.index) == set(pop)
    for key, value in pop.items():
        assert t.loc[key, "ci_low"] < value < t.loc[key, "ci_high"], key
    slopes = {
        f"{lhs} ~ {p}": s
        for lhs, spec in sim["unit_paths"].items()
        for p, s in spec["slopes"].items()
    }
    for key in ["esat ~ isq", "value ~ esat", "value ~ turnover", "csat ~ value"]:
        assert t.loc[key, "ci_low"] < slopes[key] < t.loc[key, "ci_high"], key


def test_unit_paths_equal_lavaan(paths, ref):
    r = ref["unit_paths"]
    got = paths.paths
    assert list(got["lhs"]) == r["paths"]["lhs"] and list(got["rhs"]) == r["paths"]["rhs"]
    np.testing.assert_allclose(got["est"], r["paths"]["est"], rtol=1e-4)
    np.testing.assert_allclose(got["se"], r["paths"]["se"], rtol=1e-3)
    np.testing.assert_allclose(got["std_all"], r["paths"]["std_all"], atol=1e-4)
    assert paths.n_free == r["npar"]
    assert paths.fit.fit_indices()["chisq"] == pytest.approx(r["chisq"], rel=1e-4)


def test_reversed_chain_fits_exactly_as_well(linked):
    """The chain run backwards (revenue growth -> … -> internal service quality) is an
    equivalent model: same χ², same df. The data cannot tell the directions apart."""
    reverse = """isq ~ esat
esat ~ value + turnover
turnover ~ value
value ~ csat
csat ~ recommend
recommend ~ revenue_growth"""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fwd = cx.profit_chain.unit_paths(linked).fit.fit_indices()
        back = cx.profit_chain.unit_paths(linked, reverse).fit.fit_indices()
    assert back["df"] == fwd["df"]
    assert back["chisq"] == pytest.approx(fwd["chisq"], rel=1e-6)


def test_unit_paths_warn_small_n_and_state_the_caveats(linked):
    with pytest.warns(UserWarning, match=r"60 units for 13 free parameters"):
        up = cx.profit_chain.unit_paths(linked, level=0.9)
    text = up.summary()
    for word in ("Ecological fallacy", "Reverse causation", "Common causes", "at least 100"):
        assert word in text
    t = up.paths
    assert (t["ci_high"] - t["est"]).div(t["se"]).round(4).eq(1.6449).all()
    assert up.small_n


def test_unit_paths_no_small_n_warning_with_many_units(linked):
    big = pd.concat([linked.to_frame()] * 3, ignore_index=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)
        up = cx.profit_chain.unit_paths(big, "csat ~ value")
    assert not up.small_n


# -- bad input ---------------------------------------------------------------------------


def test_customer_unit_not_in_employees_is_named(data):
    employees, customers, units = data
    bad = customers.copy()
    bad.loc[bad.index[:3], "unit_id"] = 99
    with pytest.raises(DataError, match=r"1 unit id\(s\) in customers\['unit_id'\] .*99"):
        cx.profit_chain.link(employees, bad, units)
    with pytest.raises(DataError, match=r"in units: .*99|not in units"):
        bad_e = employees.copy()
        bad_e.loc[bad_e.index[:2], "unit_id"] = 99
        bad_c = customers.copy()
        bad_c.loc[bad_c.index[:2], "unit_id"] = 99
        cx.profit_chain.link(bad_e, bad_c, units)


def test_unit_with_one_respondent_is_refused_with_counts(data):
    employees, customers, _ = data
    first = employees[employees.unit_id == 5].head(1)
    one = pd.concat([employees[employees.unit_id != 5], first])
    with pytest.raises(DataError, match=r"1 unit\(s\) have fewer than 2 respondents .*5: 1\)"):
        cx.profit_chain.link(one, customers, employee_vars=["isq"], customer_vars=["csat"])


def test_groups_of_one_warn_in_multilevel(data):
    employees = data[0]
    first = employees.groupby("unit_id").head(1)
    rest = employees[employees.unit_id.isin([1, 2, 3])]
    frame = pd.concat([first[~first.unit_id.isin([1, 2, 3])], rest])
    with pytest.warns(UserWarning, match=r"57 of 60 groups have one row"):
        m = cx.profit_chain.multilevel(frame, "esat ~ isq")
    assert "57 of 60 groups" in m.summary()


def test_missing_values_are_named_or_dropped_and_counted(data):
    employees, customers, _ = data
    bad = employees.copy()
    bad.loc[bad.index[[3, 8]], "esat"] = np.nan
    with pytest.raises(DataError, match=r"missing values \('esat': 2; rows 3, 8\)"):
        cx.profit_chain.link(bad, customers)
    with pytest.raises(DataError, match=r"'esat': 2"):
        cx.profit_chain.multilevel(bad, "esat ~ isq")
    m = cx.profit_chain.multilevel(bad, "esat ~ isq", missing="drop")
    assert m.n == len(employees) - 2 and m.dropped == {"data rows with missing values": 2}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        linked = cx.profit_chain.link(bad, customers, missing="drop")
    assert "2 employees rows with missing values" in linked.summary()


def test_other_bad_input(data):
    employees, customers, _ = data
    with pytest.raises(DataError, match="not predictors"):
        cx.profit_chain.multilevel(employees, "esat ~ isq", centre=["stay"])
    with pytest.raises(DataError, match="no column 'store'"):
        cx.profit_chain.multilevel(employees, "esat ~ isq", group="store")
    with pytest.raises(DataError, match="level"):
        cx.profit_chain.multilevel(employees, "esat ~ isq", level=95)
    with pytest.raises(DataError, match="in both employees and customers"):
        cx.profit_chain.link(employees.rename(columns={"esat": "csat"}), customers)
    with pytest.raises(DataError, match="holds text"):
        cx.profit_chain.link(
            employees.astype({"isq": str}).replace("4.3", "n/a"),
            customers,
            employee_vars=["isq", "esat"],
        )


def test_results_follow_the_conventions(linked, paths, data):
    m = cx.profit_chain.multilevel(data[0], "esat ~ isq", centre=["isq"], reml=False)
    assert list(m.to_frame().columns) == ["term", "est", "se", "z", "pvalue", "ci_low", "ci_high"]
    assert m.method == "ML" and "ML" in m.summary()
    for result in (linked, paths, m):
        assert isinstance(result.summary(), str) and "<" in result._repr_html_()
    assert {"est", "se", "z", "pvalue", "ci_low", "ci_high"} <= set(paths.to_frame().columns)


def test_empty_model_icc_is_close_to_the_anova_icc1(data, linked):
    """The ICC of 'y ~ 1' (REML variance components) and ANOVA's ICC(1) estimate the same
    share; with 60 units of 10-25 people they agree to about .01."""
    m = cx.profit_chain.multilevel(data[0], "esat ~ 1")
    icc1 = linked.icc.set_index("variable").loc["esat", "icc1"]
    assert m.icc == pytest.approx(icc1, abs=0.01)
