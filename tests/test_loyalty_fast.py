"""cx.loyalty.clv_summary's in-memory path (numpy, loyalty/_fast.py) against DuckDB's and lifetimes.

A clean DataFrame is summarised by numpy; everything else (files, text dates, bad rows, weeks,
a calibration split) goes through DuckDB. Both must give the same numbers and notes, and both
must equal lifetimes to the last bit.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

import cxlab as cx
from cxlab import loyalty
from cxlab.errors import DataError
from cxlab.loyalty import _fast

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from lifetimes.utils import summary_data_from_transaction_data

KW = {"freq": "D", "freq_multiplier": 1, "as_of": None, "duplicates": "keep", "late": "raise"}


def _duckdb(monkeypatch, *args, **kwargs) -> pd.DataFrame:
    with monkeypatch.context() as m:
        m.setattr(_fast, "summary", lambda *a, **k: None)
        return loyalty.clv_summary(*args, **kwargs)


def _log(seed: int, n: int = 20_000) -> pd.DataFrame:
    """Days of 1-20 purchases, exact duplicates, zero amounts, times within the day."""
    rng = np.random.default_rng(seed)
    tx = pd.DataFrame(
        {
            "customer_id": rng.integers(10, 60, n) * 7,
            "date": pd.Timestamp("2023-03-01")
            + pd.to_timedelta(rng.integers(0, 40, n), "D")
            + pd.to_timedelta(rng.integers(0, 3, n) * 3_600, "s"),
            "amount": np.round(rng.uniform(0, 90, n), 2)
            * rng.choice([1, 1e-3, 0], n, p=[0.8, 0.15, 0.05]),
        }
    )
    return pd.concat([tx, tx.iloc[:40]], ignore_index=True)  # 40 duplicate rows


@pytest.mark.parametrize("name", ["cdnow_sample", "cdnow"])
def test_real_logs_take_the_fast_path_and_equal_duckdb_and_lifetimes(monkeypatch, name):
    tx = cx.datasets.load(name)
    args = (tx, "customer_id", "date", "dollar_value")
    assert _fast.summary(*args, **{**KW, "freq_multiplier": 7}) is not None
    fast = loyalty.clv_summary(*args, freq="D", freq_multiplier=7, as_of="1998-06-30")
    slow = _duckdb(monkeypatch, *args, freq="D", freq_multiplier=7, as_of="1998-06-30")
    pd.testing.assert_frame_equal(fast, slow, check_exact=True)
    assert fast.attrs == slow.attrs and fast.attrs["notes"]
    ref = summary_data_from_transaction_data(
        tx,
        "customer_id",
        "date",
        "dollar_value",
        freq="D",
        freq_multiplier=7,
        observation_period_end="1998-06-30",
    )
    fast.attrs = {}
    pd.testing.assert_frame_equal(fast, ref, check_exact=True)


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("unit", ["ns", "us", "s"])
def test_random_logs_equal_duckdb_and_lifetimes_to_the_last_bit(monkeypatch, seed, unit):
    tx = _log(seed)
    tx["date"] = tx["date"].astype(f"datetime64[{unit}]")
    assert (tx.groupby(["customer_id", tx["date"].dt.normalize()]).size() >= 9).any()
    assert _fast.summary(tx, "customer_id", "date", "amount", **KW) is not None
    fast = loyalty.clv_summary(tx, amount="amount", freq_multiplier=7, as_of="2023-08-01")
    slow = _duckdb(monkeypatch, tx, amount="amount", freq_multiplier=7, as_of="2023-08-01")
    pd.testing.assert_frame_equal(fast, slow, check_exact=True)
    assert fast.attrs == slow.attrs
    n_dup = int(tx.duplicated().sum())  # pandas' count of rows identical to an earlier one
    assert n_dup >= 40 and f"{n_dup:,} duplicate rows" in " ".join(fast.attrs["notes"])
    ref = summary_data_from_transaction_data(
        tx, "customer_id", "date", "amount", freq_multiplier=7, observation_period_end="2023-08-01"
    )
    fast.attrs = {}
    pd.testing.assert_frame_equal(fast, ref, check_exact=True)


def test_without_amount_and_with_sparse_ids(monkeypatch):
    tx = _log(4).drop(columns="amount")
    tx["customer_id"] = tx["customer_id"] * 10**12  # no presence table: factorize
    assert _fast.summary(tx, "customer_id", "date", None, **KW) is not None
    fast = loyalty.clv_summary(tx)
    slow = _duckdb(monkeypatch, tx)
    pd.testing.assert_frame_equal(fast, slow, check_exact=True)
    assert fast.attrs == slow.attrs


@pytest.mark.parametrize(
    "change",
    [
        lambda tx: tx.assign(date=tx["date"].astype(str)),  # text dates
        lambda tx: tx.assign(customer_id=tx["customer_id"].astype(str)),  # text ids
        lambda tx: tx.assign(amount=tx["amount"].where(tx.index != 5)),  # a missing amount
        lambda tx: tx.assign(amount=tx["amount"].where(tx.index != 5, -1.0)),  # a refund
        lambda tx: tx.assign(date=tx["date"].where(tx.index != 5)),  # a missing date
    ],
)
def test_other_frames_take_duckdbs_path(change):
    tx = change(_log(5, n=500))
    assert _fast.summary(tx, "customer_id", "date", "amount", **KW) is None


def test_bad_rows_still_get_duckdbs_messages():
    tx = _log(6, n=500)
    tx.loc[3, "amount"] = -2.5
    with pytest.raises(DataError, match=r"negative amount in column 'amount': row 3"):
        loyalty.clv_summary(tx, amount="amount")
    tx = _log(6, n=500)
    with pytest.raises(DataError, match="dated after as_of=2023-03-20"):
        loyalty.clv_summary(tx, amount="amount", as_of="2023-03-20")
    with pytest.raises(DataError, match="duplicate rows"):
        loyalty.clv_summary(tx, amount="amount", duplicates="raise")
    with pytest.raises(DataError, match="is not a size"):
        loyalty.clv_summary(tx, amount="amount", memory_limit="big")


def test_the_argsort_branch_equals_the_packed_sort(monkeypatch):
    """Keys too wide to share an int64 with the row number are argsorted instead."""
    tx = _log(7)
    packed = loyalty.clv_summary(tx, amount="amount")
    monkeypatch.setattr(_fast, "PACK_BITS", 0)
    wide = loyalty.clv_summary(tx, amount="amount")
    pd.testing.assert_frame_equal(packed, wide, check_exact=True)
    assert packed.attrs == wide.attrs
