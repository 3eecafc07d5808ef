"""cx.loyalty on transaction logs split into many files: globs, folders, lists, bad files.

Small files made in tmp_path; the scale itself is measured in benchmarks/bench_loyalty.py.
"""

from __future__ import annotations

import warnings

import duckdb
import numpy as np
import pandas as pd
import pytest

import cxlab as cx
from cxlab import loyalty
from cxlab.errors import DataError
from cxlab.loyalty import _sql

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from lifetimes.utils import summary_data_from_transaction_data

WEEKS = {"freq": "D", "freq_multiplier": 7}


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    out.attrs = {}
    return out


@pytest.fixture(scope="module")
def sample() -> pd.DataFrame:
    return cx.datasets.load("cdnow_sample")


def _write(frame: pd.DataFrame, path, fmt: str = "parquet") -> None:
    con = duckdb.connect()
    con.register("f", frame)
    opts = "(FORMAT parquet)" if fmt == "parquet" else "(HEADER)"
    con.execute(f"COPY f TO '{path}' {opts}")


def _split(sample: pd.DataFrame, folder, fmt: str = "parquet", parts: int = 3) -> list:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(parts):
        path = folder / f"part{i}.{fmt}"
        _write(sample.iloc[i::parts], path, fmt)
        paths.append(path)
    return paths


def test_glob_folder_and_list_of_parquet_files_equal_the_dataframe(tmp_path, sample):
    paths = _split(sample, tmp_path / "log")
    ref = loyalty.clv_summary(sample, amount="dollar_value", **WEEKS)
    for given in (str(tmp_path / "log" / "*.parquet"), tmp_path / "log", paths):
        got = loyalty.clv_summary(given, amount="dollar_value", **WEEKS)
        pd.testing.assert_frame_equal(_plain(got), _plain(ref), check_exact=True)
    pd.testing.assert_frame_equal(
        loyalty.rfm(tmp_path / "log", amount="dollar_value"),
        loyalty.rfm(sample, amount="dollar_value"),
    )
    got, want = loyalty.cohorts(tmp_path / "log"), loyalty.cohorts(sample)
    pd.testing.assert_frame_equal(got.counts, want.counts)
    pc = loyalty.purchase_counts(str(tmp_path / "**" / "*.parquet"))
    pd.testing.assert_frame_equal(pc, loyalty.purchase_counts(sample))


def test_many_csv_files_and_a_calibration_split(tmp_path, sample):
    _split(sample, tmp_path / "csv", "csv")
    kw = {"amount": "dollar_value", "calibration_end": "1997-09-30", **WEEKS}
    got = loyalty.clv_summary(tmp_path / "csv", **kw)
    pd.testing.assert_frame_equal(_plain(got), _plain(loyalty.clv_summary(sample, **kw)))


def test_a_glob_that_matches_nothing_names_the_pattern(tmp_path):
    pattern = str(tmp_path / "logs" / "*.parquet")
    with pytest.raises(DataError, match=r"No file matches .*logs/\*\.parquet"):
        loyalty.clv_summary(pattern)
    (tmp_path / "empty").mkdir()
    with pytest.raises(DataError, match=r"Folder .*empty holds no \.parquet or \.csv"):
        loyalty.rfm(tmp_path / "empty")
    with pytest.raises(DataError, match="list of transaction files is empty"):
        loyalty.cohorts([])


def test_files_with_different_columns_name_the_file(tmp_path, sample):
    _split(sample, tmp_path / "log", parts=2)
    _write(sample.rename(columns={"customer_id": "cust"}), tmp_path / "log" / "part9.parquet")
    with pytest.raises(DataError, match=r"part9\.parquet has no column 'customer_id'"):
        loyalty.clv_summary(tmp_path / "log", amount="dollar_value")


def test_a_date_stored_as_text_in_one_file_names_that_file(tmp_path, sample):
    _split(sample, tmp_path / "log", parts=2)
    text = sample.assign(date=sample["date"].dt.strftime("%Y-%m-%d"))
    _write(text.head(50), tmp_path / "log" / "part2.parquet")
    with pytest.raises(
        DataError,
        match=r"'date' has type VARCHAR \(text\) in .*part2\.parquet but .* in .*part0\.parquet"
        r"(.|\n)*date stored as text",
    ):
        loyalty.clv_summary(str(tmp_path / "log" / "*.parquet"))


def test_customer_ids_as_numbers_and_text_in_different_files_are_refused(tmp_path, sample):
    _split(sample, tmp_path / "log", parts=2)
    ids = sample.assign(customer_id=sample["customer_id"].astype(str))
    _write(ids.head(10), tmp_path / "log" / "part5.parquet")
    with pytest.raises(DataError, match=r"'customer_id' has type VARCHAR .*part5\.parquet"):
        loyalty.rfm(tmp_path / "log", amount="dollar_value")


def test_integer_and_decimal_amounts_may_differ_between_files(tmp_path):
    a = pd.DataFrame(
        {"customer_id": [1, 2], "date": pd.to_datetime(["2024-01-02", "2024-01-03"]), "v": [3, 4]}
    )
    b = a.assign(v=[2.5, 1.0], date=pd.to_datetime(["2024-02-02", "2024-03-03"]))
    _write(a, tmp_path / "a.parquet")
    _write(b, tmp_path / "b.parquet")
    got = loyalty.clv_summary(str(tmp_path / "*.parquet"), amount="v")
    assert got["frequency"].tolist() == [1.0, 1.0]
    assert got["monetary_value"].tolist() == [2.5, 1.0]


def test_bad_rows_in_one_of_many_files_name_the_file_and_row(tmp_path, sample):
    paths = _split(sample, tmp_path / "log", parts=2)
    bad = sample.iloc[1::2].copy()
    bad.iloc[3, bad.columns.get_loc("dollar_value")] = -1.0
    _write(bad, paths[1])
    with pytest.raises(DataError, match=r"negative amount(.|\n)*part1\.parquet row 4 "):
        loyalty.clv_summary(tmp_path / "log", amount="dollar_value")
    csvs = _split(sample.head(40), tmp_path / "csv", "csv", parts=2)
    text = sample.head(40).iloc[1::2].astype({"date": str})
    text.iloc[2, text.columns.get_loc("date")] = "someday"
    text.to_csv(csvs[1], index=False)
    with pytest.raises(DataError, match=r"'date' has type VARCHAR \(text\) in .*part1\.csv"):
        loyalty.rfm(tmp_path / "csv", amount="dollar_value")


def test_mixed_kinds_and_unknown_files_are_refused(tmp_path, sample):
    _write(sample.head(10), tmp_path / "a.parquet")
    _write(sample.head(10), tmp_path / "b.csv", "csv")
    with pytest.raises(DataError, match="mixes CSV and Parquet"):
        loyalty.rfm(tmp_path, amount="dollar_value")
    (tmp_path / "c.json").write_text("{}")
    with pytest.raises(DataError, match=r"c\.json: cxlab reads transaction logs"):
        loyalty.rfm(str(tmp_path / "*"), amount="dollar_value")


def _random_log(
    rng: np.random.Generator, n: int, *, customers: int, days: int, start: str, amount: np.ndarray
) -> pd.DataFrame:
    """n purchases of random customers on random days from *start* (the rng draws ids first)."""
    ids = rng.integers(0, customers, n)
    dates = pd.Timestamp(start) + pd.to_timedelta(rng.integers(0, days, n), "D")
    return pd.DataFrame({"customer_id": ids, "date": dates, "amount": amount})


def test_days_of_3_to_20_purchases_sum_like_lifetimes_to_the_last_bit(tmp_path):
    rng = np.random.default_rng(7)
    n = 6_000
    amount = np.round(rng.uniform(0, 200, n), 2) * rng.choice([1, 1e-3, 1e3], n)
    tx = _random_log(rng, n, customers=40, days=25, start="2024-01-01", amount=amount)
    per_day = tx.groupby(["customer_id", "date"]).size()
    assert per_day.between(3, 8).sum() > 100 and (per_day >= 9).sum() > 5
    ref = summary_data_from_transaction_data(tx, "customer_id", "date", "amount")
    for given in (tx, tmp_path / "tx.parquet"):
        if not isinstance(given, pd.DataFrame):
            _write(tx, given)
        got = loyalty.clv_summary(given, amount="amount")
        pd.testing.assert_frame_equal(_plain(got), ref, check_exact=True)


def test_a_customer_longer_than_a_streamed_chunk_equals_lifetimes(monkeypatch):
    monkeypatch.setattr(_sql, "CHUNK_PERIODS", 1)  # chunks of 2,048 customer-periods
    days = pd.date_range("2010-01-01", periods=2_500, freq="D")
    rng = np.random.default_rng(3)
    tx = pd.DataFrame(
        {
            "customer_id": np.r_[np.zeros(2_500, int), np.arange(1, 501) % 7 + 1],
            "date": np.r_[days, days[rng.integers(0, 2_500, 500)]],
            "amount": np.round(rng.uniform(1, 99, 3_000), 2) / 3,
        }
    )
    got = loyalty.clv_summary(tx, amount="amount")
    ref = summary_data_from_transaction_data(tx, "customer_id", "date", "amount")
    pd.testing.assert_frame_equal(_plain(got), ref, check_exact=True)
    assert got.loc[0, "frequency"] == 2_499


def test_memory_limit_caps_duckdb_and_leaves_the_numbers_unchanged(tmp_path):
    """200 k customers, 1 M rows in Parquet: a 60 MB cap gives the same summary as 1 GB."""
    rng = np.random.default_rng(24)
    n = 1_000_000
    amount = rng.gamma(2.0, 20.0, n).round(2)
    frame = _random_log(rng, n, customers=200_000, days=700, start="2020-01-01", amount=amount)
    _write(frame, tmp_path / "tx.parquet")
    path = str(tmp_path / "tx.parquet")
    wide = loyalty.clv_summary(path, amount="amount", **WEEKS)
    capped = loyalty.clv_summary(path, amount="amount", memory_limit="60MB", **WEEKS)
    pd.testing.assert_frame_equal(_plain(capped), _plain(wide), check_exact=True)
    from cxlab.loyalty import _source

    con = _source.connect(memory_limit="60MB")
    setting = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    assert setting.replace(" ", "") in ("57.2MiB", "60.0MB", "57.2MB")


@pytest.mark.parametrize("limit", ["lots", "4 G", 4, "-1GB"])
def test_a_memory_limit_that_is_not_a_size_is_refused(sample, limit):
    with pytest.raises(DataError, match=r"memory_limit=.* is not a size"):
        loyalty.clv_summary(sample, "customer_id", "date", "dollar_value", memory_limit=limit)


def test_a_memory_limit_too_small_even_to_spill_names_the_argument(sample):
    with pytest.raises(DataError, match=r"rfm: DuckDB needed more memory than memory_limit='1MB'"):
        loyalty.rfm(sample, "customer_id", "date", "dollar_value", memory_limit="1MB")
