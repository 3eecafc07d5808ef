"""nps_tracking: regenerates byte for byte, and the documented truth is in the data."""

from __future__ import annotations

import importlib.util
import io

import pandas as pd
import pytest

import cxlab as cx


@pytest.fixture(scope="module")
def script(root):
    spec = importlib.util.spec_from_file_location(
        "nps_tracking_script", root / "datasets/make/nps_tracking.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_regenerates_byte_for_byte(script, root):
    buffer = io.StringIO()
    script.build().to_csv(buffer, index=False, lineterminator="\n")
    assert buffer.getvalue().encode("utf-8") == (root / "datasets/nps_tracking.csv").read_bytes()


def test_seed_matters(script):
    a, b = script.build(seed=1), script.build(seed=2)
    assert not a.equals(b)
    pd.testing.assert_frame_equal(script.build(seed=1), a)


def test_documented_truth():
    df = cx.datasets.load("nps_tracking")
    sim = cx.datasets.resource("nps_tracking")["simulation"]
    assert df["store_id"].nunique() >= 20 and df["week"].nunique() == 104
    store, start = sim["drop"]["store"], pd.Timestamp(sim["drop"]["start_week"])
    end = start + pd.Timedelta(weeks=sim["drop"]["weeks"])

    def nps(frame):
        return cx.metrics.nps(frame["nps_score"])["nps"].iloc[0]

    base = df[df["week"] < pd.Timestamp("2025-01-01")]
    during = df[(df["week"] >= start) & (df["week"] < end)]
    drop = nps(base[base.store_id == store]) - nps(during[during.store_id == store])
    others = nps(base[base.store_id != store]) - nps(during[during.store_id != store])
    assert drop >= 20  # a 30-point drop, measured with sampling noise
    assert others < 6  # the rest of the chain only shows the mild summer dip


def test_control_chart_finds_the_drop_store_only():
    df = cx.datasets.load("nps_tracking")
    tracked = cx.metrics.track(df, "nps", "nps_score", "week", unit="store_id", method="ewma")
    persistent = cx.metrics.alerts(tracked, min_periods=3)
    assert set(persistent["unit"]) == {"S07"}
    herring = tracked[(tracked["unit"] == "S19") & (tracked["period"] == "2024-11-04")]
    assert herring["value"].iloc[0] == -40 and herring["signal"].iloc[0] == ""
