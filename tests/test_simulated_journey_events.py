"""journey_events: regenerates byte for byte, and the documented truth is in the data."""

from __future__ import annotations

import importlib.util
import io

import numpy as np
import pandas as pd
import pytest

import cxlab as cx

STAGES = ["visit", "browse", "cart", "checkout", "purchase"]


@pytest.fixture(scope="module")
def script(root):
    spec = importlib.util.spec_from_file_location(
        "journey_events_script", root / "datasets/make/journey_events.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def events():
    return cx.datasets.load("journey_events")


@pytest.fixture(scope="module")
def sessions(events):
    """One row per session: its date and whether it reached each stage."""
    reached = pd.crosstab(events["session_id"], events["stage"]).reindex(columns=STAGES) > 0
    reached["date"] = events.groupby("session_id")["date"].first()
    return reached


def _checkout_to_purchase(sessions, mask):
    at_checkout = sessions[mask & sessions["checkout"]]
    return at_checkout["purchase"].mean(), len(at_checkout)


def test_regenerates_byte_for_byte(script, root):
    buffer = io.StringIO()
    script.build().to_csv(buffer, index=False, lineterminator="\n")
    assert buffer.getvalue().encode("utf-8") == (root / "datasets/journey_events.csv").read_bytes()


def test_seed_matters(script):
    a, b = script.build(seed=1), script.build(seed=2)
    assert not a.equals(b)
    pd.testing.assert_frame_equal(script.build(seed=1), a)


def test_size_and_columns(events, sessions, root):
    assert (root / "datasets/journey_events.csv").stat().st_size < 6_000_000
    assert 40_000 <= len(sessions) <= 60_000
    assert list(events.columns) == [
        "session_id",
        "customer_id",
        "timestamp",
        "date",
        "stage",
        "device",
        "channel",
        "segment",
        "page_load_s",
        "order_value",
    ]
    assert set(events["device"]) == {"mobile", "desktop", "app"}
    assert set(events["channel"]) == {"organic", "paid", "email", "social", "direct"}
    assert set(events["segment"]) == {"new", "returning"}
    assert events["date"].min() == pd.Timestamp("2025-11-03")
    assert events["date"].max() == pd.Timestamp("2025-12-28")
    # repeat customers exist, and a session belongs to one customer
    assert events.groupby("customer_id")["session_id"].nunique().max() > 1
    assert events.groupby("session_id")["customer_id"].nunique().max() == 1


def test_stages_are_monotone_within_each_session(events, sessions):
    reached = sessions[STAGES].to_numpy()
    # a stage is reached only if every earlier stage is: no purchase without checkout, ...
    assert (reached[:, 1:] <= reached[:, :-1]).all()
    assert reached[:, 0].all()
    # one event per stage, in funnel order and in time order
    assert not events.duplicated(["session_id", "stage"]).any()
    rank = events["stage"].map({s: i for i, s in enumerate(STAGES)})
    assert (rank.groupby(events["session_id"]).diff().dropna() == 1).all()
    elapsed = events["timestamp"].groupby(events["session_id"]).diff().dropna()
    assert (elapsed > pd.Timedelta(0)).all()
    assert (events["timestamp"].dt.normalize() == events["date"]).all()
    # sessions are numbered by start time
    first = events.groupby("session_id")["timestamp"].min()
    assert first.is_monotonic_increasing


def test_order_value_only_on_purchases(events):
    purchase = events["stage"] == "purchase"
    assert events.loc[purchase, "order_value"].notna().all()
    assert events.loc[~purchase, "order_value"].isna().all()
    assert (events.loc[purchase, "order_value"] > 0).all()


def test_black_friday_has_the_most_traffic(sessions):
    daily = sessions.groupby("date").size()
    assert daily.idxmax() == pd.Timestamp("2025-11-28")
    ordinary = daily.drop(pd.Timestamp("2025-11-28")).median()
    assert 4 <= daily.max() / ordinary <= 5.5


def test_checkout_to_purchase_is_lower_on_black_friday(sessions):
    date = sessions["date"]
    black_friday = date == pd.Timestamp("2025-11-28")
    rush = date.between(pd.Timestamp("2025-12-15"), pd.Timestamp("2025-12-22"))
    special = date.between(pd.Timestamp("2025-11-27"), pd.Timestamp("2025-12-01")) | date.between(
        pd.Timestamp("2025-12-15"), pd.Timestamp("2025-12-26")
    )
    bf_rate, bf_n = _checkout_to_purchase(sessions, black_friday)
    rush_rate, _ = _checkout_to_purchase(sessions, rush)
    ordinary_rate, _ = _checkout_to_purchase(sessions, ~special)
    assert bf_n > 300
    # the generator's expected rates (seed 001: about 31 % vs 44-48 %), within three of the
    # documented seed-to-seed SDs (.024, .019, .009), so the test holds for any seed
    expected = cx.datasets.resource("journey_events")["simulation"]["expected_checkout_to_purchase"]
    assert expected["black_friday"] == pytest.approx(0.31, abs=0.01)
    assert bf_rate == pytest.approx(expected["black_friday"], abs=3 * 0.024)
    assert rush_rate == pytest.approx(expected["2025-12-15_to_2025-12-22"], abs=3 * 0.019)
    assert ordinary_rate == pytest.approx(expected["ordinary_days"], abs=3 * 0.009)
    # and the gap is beyond chance in this draw: two-proportion z > 3
    _, rush_n = _checkout_to_purchase(sessions, rush)
    pooled = (bf_rate * bf_n + rush_rate * rush_n) / (bf_n + rush_n)
    z = (rush_rate - bf_rate) / np.sqrt(pooled * (1 - pooled) * (1 / bf_n + 1 / rush_n))
    assert z > 3
    # visit -> purchase is lower on Black Friday as well
    assert sessions.loc[black_friday, "purchase"].mean() < sessions.loc[~special, "purchase"].mean()
    # the documented realized rates are the ones in the data
    sim = cx.datasets.resource("journey_events")["simulation"]
    realized = sim["realized_checkout_to_purchase"]
    assert realized["black_friday"] == pytest.approx(bf_rate, abs=5e-4)
    assert realized["2025-12-15_to_2025-12-22"] == pytest.approx(rush_rate, abs=5e-4)
    assert realized["ordinary_days"] == pytest.approx(ordinary_rate, abs=5e-4)
    assert "checkout" in sim["conversion_definition"]


def test_the_reason_is_in_the_data(events):
    """Pages load slower on Black Friday, and slow checkouts never convert."""
    black_friday = events["date"] == pd.Timestamp("2025-11-28")
    load = events.groupby(black_friday)["page_load_s"].median()
    assert load[True] > 2 * load[False]
    checkout = events[events["stage"] == "checkout"]
    bought = checkout["session_id"].isin(events.loc[events["stage"] == "purchase", "session_id"])
    assert not bought[checkout["page_load_s"] > 7].any()
    assert np.mean(checkout.loc[black_friday, "page_load_s"] > 7) > 0.1
