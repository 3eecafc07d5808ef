"""Ordered indicators in several groups (cxlab.sem.ordinal, lavaan's WLSMV): the
configural model (thresholds, loadings and factor covariances free in each group, scale
factors 1, factor means 0) and ordinal invariance with ``group_equal=("thresholds",
"loadings")`` (scale factors and factor means free in groups 2…), each against lavaan
0.6.14's ``cfa(..., ordered =, group = "channel")`` on the same CSV."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

# the checks (and the names they compare) are those of the single-group tests
from test_sem_ordinal import check_estimates, check_measures

from cxlab.sem.ordinal import fit_ordered


@pytest.fixture(scope="module")
def ref(root) -> dict:
    return json.loads((root / "tests/reference/lavaan_wlsmv.json").read_text())


@pytest.fixture(scope="module")
def data(root) -> pd.DataFrame:
    return pd.read_csv(root / "tests/reference/ordinal_cx.csv")


@pytest.fixture(scope="module")
def configural(ref, data):
    return fit_ordered(ref["mg_config"]["model"], data, ref["items"], group="channel")


@pytest.fixture(scope="module")
def invariant(ref, data):
    return fit_ordered(
        ref["mg_equal"]["model"],
        data,
        ref["items"],
        group="channel",
        group_equal=("thresholds", "loadings"),
    )


def test_configural_equals_lavaan(configural, ref):
    assert configural.groups == ref["mg_config"]["group_labels"] == ["store", "online"]
    d = check_estimates(configural, ref["mg_config"])
    assert d["est"] < 1e-5 and d["se_rel"] < 1e-5  # measured 2e-7 and 2e-7
    check_measures(configural, ref["mg_config"])
    t = configural.table
    assert (t.loc[t.op == "~*~", "est"] == 1).all()  # scale factors fixed at 1
    assert (t.loc[(t.op == "~1") & t.lhs.isin(["Q", "S", "L"]), "free"] == 0).all()


def test_equal_thresholds_and_loadings_equal_lavaan(invariant, ref):
    d = check_estimates(invariant, ref["mg_equal"])
    assert d["est"] < 1e-4 and d["se_rel"] < 1e-4  # measured 4e-6 and 6e-6
    check_measures(invariant, ref["mg_equal"])
    t = invariant.table
    th = t[t.op == "|"].pivot_table(index=["lhs", "rhs"], columns="group", values="est")
    assert np.allclose(th[1], th[2])  # one set of thresholds
    assert (t.loc[(t.op == "~*~") & (t.group == 2), "free"] > 0).all()  # delta free
    means = t[(t.op == "~1") & (t.lhs == "Q")].set_index("group")["est"]
    assert means[1] == 0 and means[2] == pytest.approx(-0.279, abs=1e-3)  # lavaan -0.279


def test_invariance_models_nest(configural, invariant, ref):
    # lavaan: χ² 32.371 (df 64) and 60.266 (df 98)
    assert invariant.fit_measures["df"] - configural.fit_measures["df"] == 34
    assert configural.fit_measures["chisq"] == pytest.approx(32.371, abs=1e-3)
    assert invariant.fit_measures["chisq"] == pytest.approx(60.266, abs=1e-3)
    diff = invariant.fit_measures["chisq"] - configural.fit_measures["chisq"]
    assert diff > 0
