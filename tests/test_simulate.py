"""cxlab.simulate: hand-computed truth, recovery by semopy, Likert cuts, missingness, careless."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import semopy
from scipy import stats

import cxlab as cx
from cxlab.errors import DataError, ModelSpecError
from cxlab.simulate import likert_cuts, parse, simulate, strip_values

MEDIATION = """
X =~ 0.8*x1 + 0.7*x2 + 0.75*x3
M =~ 0.85*m1 + 0.8*m2 + 0.7*m3
Y =~ 0.8*y1 + 0.8*y2 + 0.65*y3
M ~ 0.5*X
Y ~ 0.4*M + 0.3*X
"""


def truth_value(sim, lhs, op, rhs):
    t = sim.truth
    return float(t[(t.lhs == lhs) & (t.op == op) & (t.rhs == rhs)]["value"].iloc[0])


def test_derived_r2_and_residuals_by_hand():
    sim = simulate(MEDIATION, n=10, seed=1)
    # R²(M) = .5² ; R²(Y) = .4² + .3² + 2·.4·.3·cor(M, X) with cor(M, X) = .5
    assert truth_value(sim, "M", "r2", "M") == pytest.approx(0.25)
    assert truth_value(sim, "Y", "r2", "Y") == pytest.approx(0.16 + 0.09 + 2 * 0.4 * 0.3 * 0.5)
    assert truth_value(sim, "Y", "~~", "Y") == pytest.approx(1 - 0.37)
    assert truth_value(sim, "x1", "~~", "x1") == pytest.approx(1 - 0.64)


def test_population_correlations_are_reproduced():
    sim = simulate(MEDIATION, n=40_000, seed=7)
    r = sim.data.corr()
    # implied: cor(x1, x2) = .8·.7; cor(x1, y1) = .8·cor(X, Y)·.8, cor(X, Y) = .3 + .4·.5 = .5
    assert r.loc["x1", "x2"] == pytest.approx(0.56, abs=0.015)
    assert r.loc["x1", "y1"] == pytest.approx(0.8 * 0.5 * 0.8, abs=0.015)
    assert sim.data.std().to_numpy() == pytest.approx(np.ones(9), abs=0.02)
    assert sim.latent.std().to_numpy() == pytest.approx(np.ones(3), abs=0.02)


def test_semopy_recovers_the_standardized_solution():
    sim = simulate(MEDIATION, n=4_000, seed=11)
    model = semopy.Model(strip_values(MEDIATION))
    model.fit(sim.data)
    est = model.inspect(std_est=True)
    paths = est[est.op == "~"].set_index(["lval", "rval"])["Est. Std"]
    # sampling SD of a standardized path at n = 4000 is about .015
    assert paths[("M", "X")] == pytest.approx(0.5, abs=0.05)
    assert paths[("Y", "M")] == pytest.approx(0.4, abs=0.05)
    assert paths[("Y", "X")] == pytest.approx(0.3, abs=0.05)


def test_same_seed_same_data_other_seed_other_data():
    a = simulate(MEDIATION, n=200, seed=3, likert=7, missing={"rate": 0.05})
    b = simulate(MEDIATION, n=200, seed=3, likert=7, missing={"rate": 0.05})
    c = simulate(MEDIATION, n=200, seed=4, likert=7, missing={"rate": 0.05})
    pd.testing.assert_frame_equal(a.data, b.data)
    assert not a.data.equals(c.data)


def test_likert_cuts_and_shares():
    assert likert_cuts(5).tolist() == pytest.approx([-1.2, -0.4, 0.4, 1.2])
    sim = simulate("F =~ 0.8*a + 0.7*b", n=30_000, seed=5, likert=7, thresholds="skewed")
    assert set(sim.data["a"].unique()) <= set(range(1, 8))
    # top category of a skewed 7-point item: P(z > 10/7 - 1) = P(z > 0.4286)
    expected = 1 - stats.norm.cdf(np.linspace(-2, 2, 8)[-2] - 1)
    assert (sim.data["a"] == 7).mean() == pytest.approx(expected, abs=0.01)
    sym = simulate("F =~ 0.8*a + 0.7*b", n=30_000, seed=5, likert=5)
    assert (sym.data["a"] == 3).mean() == pytest.approx(
        stats.norm.cdf(0.4) - stats.norm.cdf(-0.4), abs=0.01
    )


def test_explicit_cuts_per_item_and_wrong_count():
    sim = simulate("F =~ 0.8*a + 0.7*b", n=5_000, seed=1, likert=2, thresholds={"a": [0], "b": [1]})
    assert (sim.data["a"] == 2).mean() == pytest.approx(0.5, abs=0.03)
    assert (sim.data["b"] == 2).mean() == pytest.approx(1 - stats.norm.cdf(1), abs=0.03)
    with pytest.raises(ModelSpecError, match="2 cut points for a 2-point item"):
        simulate("F =~ 0.8*a", n=10, seed=1, likert=2, thresholds={"a": [0, 1]})


def test_mcar_rate_and_mar_depends_on_the_column():
    model = "F =~ 0.8*a + 0.7*b + 0.7*c\nY ~ 0.5*F"
    mcar = simulate(model, n=20_000, seed=2, likert=5, missing={"rate": 0.05})
    assert mcar.data.isna().to_numpy().mean() == pytest.approx(0.05, abs=0.005)
    mar = simulate(
        model,
        n=20_000,
        seed=2,
        likert=5,
        missing={"mechanism": "MAR", "rate": 0.1, "depends_on": "Y"},
    )
    assert mar.data["Y"].notna().all()
    gone = mar.data[["a", "b", "c"]].isna().to_numpy().mean()
    assert gone == pytest.approx(0.1, abs=0.01)
    low = mar.data["Y"] < mar.data["Y"].median()
    assert mar.data.loc[low, "a"].isna().mean() > 2 * mar.data.loc[~low, "a"].isna().mean()
    assert str(mar.data["a"].dtype) == "Int64"


def test_careless_straightliners_are_recorded():
    sim = simulate(MEDIATION, n=1_000, seed=9, likert=7, careless={"share": 0.03})
    assert len(sim.careless_ids) == 30
    rows = sim.data.loc[sim.careless_ids]
    assert (rows.nunique(axis=1) == 1).all()
    others = sim.data.drop(index=sim.careless_ids)
    assert (others.nunique(axis=1) == 1).mean() < 0.02
    noisy = simulate(
        MEDIATION, n=1_000, seed=9, likert=7, careless={"share": 0.05, "kind": "random"}
    )
    assert len(noisy.careless_ids) == 50


@pytest.mark.parametrize(
    ("model", "message"),
    [
        ("F =~ a + 0.7*b", "has no population value"),
        ("F =~ 0.8*a\nY ~ 1.2*F", "R² = 1.44"),
        ("F =~ 1.1*a", "explain 1.21"),
        ("A =~ 0.8*a\nB =~ 0.8*b\nA ~ 0.3*B\nB ~ 0.3*A", "loop"),
        ("A =~ 0.8*a\nA ~~ 1*A", "variances are fixed at 1"),
        ("F =~ 0.8*a\nF = 0.5*b", "cannot read the term|has no =~"),
        ("", "empty"),
    ],
)
def test_bad_models_get_clear_errors(model, message):
    with pytest.raises(ModelSpecError, match=message):
        simulate(model, n=10, seed=1)


def test_bad_n_and_bad_options():
    with pytest.raises(DataError, match="positive number"):
        simulate("F =~ 0.8*a", n=0, seed=1)
    with pytest.raises(ModelSpecError, match="MCAR"):
        simulate("F =~ 0.8*a", n=10, seed=1, missing={"mechanism": "NMAR"})
    with pytest.raises(ModelSpecError, match="need Likert items"):
        simulate("F =~ 0.8*a", n=10, seed=1, careless={"share": 0.1})


def test_parse_and_strip_roundtrip():
    table = parse("F =~ 0.8*a + .7*b  # comment\nY ~ -0.2*F; F ~~ 0.3*G")
    assert table.values.tolist() == [
        ["F", "=~", "a", 0.8],
        ["F", "=~", "b", 0.7],
        ["Y", "~", "F", -0.2],
        ["F", "~~", "G", 0.3],
    ]
    assert cx.simulate.strip_values("Y ~ -0.2*F") == "Y ~ F"


def test_simulation_follows_the_result_convention():
    sim = cx.simulate.simulate("F =~ 0.8*a + 0.7*b + 0.6*c\nY ~ 0.5*F", n=200, seed=1)
    assert sim.to_frame() is sim.truth
    assert sim.summary().startswith("Simulation(n=200")
    assert "<table" in sim._repr_html_()
