"""cx.invariance against lavaan's lavTestLRT (tests/reference/lavaan_sem.json) and Chen (2007)."""

from __future__ import annotations

import json

import numpy as np
import pytest

import cxlab as cx
from cxlab.errors import DataError

MODEL = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"


@pytest.fixture(scope="module")
def result():
    return cx.sem.invariance(MODEL, cx.datasets.load("holzinger_swineford"), "school")


def test_likelihood_ratio_tests_equal_lavaan(result, root):
    ref = json.loads((root / "tests/reference/lavaan_sem.json").read_text())[
        "invariance_school_lrt"
    ]
    table = result.table.set_index("level")
    for row in ref:
        level = row["model"].split("$")[1]
        assert table.loc[level, "chisq"] == pytest.approx(row["chisq"], rel=1e-6)
        assert table.loc[level, "df"] == row["df"]
        if row["delta_chisq"] is not None:
            assert table.loc[level, "delta_chisq"] == pytest.approx(row["delta_chisq"], rel=1e-5)
            assert table.loc[level, "delta_df"] == row["delta_df"]
            assert table.loc[level, "p_delta"] == pytest.approx(row["p"], rel=1e-4)


def test_chen_decisions_by_hand(result):
    t = result.table.set_index("level")
    # metric: ΔCFI = −.002 → holds; scalar: ΔCFI = −.038 with ΔRMSEA = .015 → rejected
    assert t.loc["metric", "delta_cfi"] == pytest.approx(0.920923 - 0.923398, abs=1e-5)
    assert t["holds"].tolist() == [True, True, False, False]
    assert "rejected" in t.loc["scalar", "note"]
    assert "lower level does not hold" in t.loc["strict", "note"]
    assert "Highest level that holds (Chen 2007): metric." in result.summary()


def test_simulated_hotel_segments_are_invariant():
    # hotel_4e has equal loadings, thresholds and latent means in both segments by design
    data = cx.datasets.load("hotel_4e")
    data["esc3r"] = 8 - data["esc3r"]
    model = "\n".join(
        line
        for line in cx.simulate.strip_values(
            cx.datasets.resource("hotel_4e")["simulation"]["model"]
        ).splitlines()
        if "=~" in line
    )
    res = cx.sem.invariance(model, data, "segment", levels=("configural", "metric", "scalar"))
    assert res.table["holds"].all()
    assert np.all(res.table["delta_cfi"].dropna().abs() < 0.01)


def test_bad_arguments():
    hs = cx.datasets.load("holzinger_swineford")
    with pytest.raises(DataError, match="start with 'configural'"):
        cx.sem.invariance(MODEL, hs, "school", levels=("metric",))
    with pytest.raises(DataError, match="not a column"):
        cx.sem.invariance(MODEL, hs, "district")
    with pytest.raises(DataError, match="at least two groups"):
        cx.sem.invariance(MODEL, hs.assign(one="a"), "one")
