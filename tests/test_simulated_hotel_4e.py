"""hotel_4e: regenerates byte for byte; semopy recovers the documented true paths."""

from __future__ import annotations

import importlib.util
import io

import pandas as pd
import pytest
import semopy

import cxlab as cx
from cxlab.simulate import parse, strip_values


@pytest.fixture(scope="module")
def script(root):
    spec = importlib.util.spec_from_file_location(
        "hotel_4e_script", root / "datasets/make/hotel_4e.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def data():
    df = cx.datasets.load("hotel_4e")
    df["esc3r"] = 8 - df["esc3r"]  # reverse-keyed item back to the construct's direction
    return df


@pytest.fixture(scope="module")
def sim():
    return cx.datasets.resource("hotel_4e")["simulation"]


def test_regenerates_byte_for_byte(script, root):
    buffer = io.StringIO()
    script.build().to_csv(buffer, index=False, lineterminator="\n")
    assert buffer.getvalue().encode("utf-8") == (root / "datasets/hotel_4e.csv").read_bytes()


def test_seed_matters(script):
    assert not script.build(seed=1).equals(script.build(seed=2))


def standardized_paths(df: pd.DataFrame, model: str) -> pd.Series:
    fitted = semopy.Model(strip_values(model))
    fitted.fit(df)
    est = fitted.inspect(std_est=True)
    latents = set(parse(model).query("op == '=~'")["lhs"])
    est = est[(est.op == "~") & est.lval.isin(latents)]
    return pd.Series(est["Est. Std"].to_numpy(), index=est.lval + " ~ " + est.rval)


def test_semopy_recovers_every_structural_path_within_010(data, sim):
    estimates = standardized_paths(data, sim["model"])
    truth = pd.Series(sim["pooled_paths"])
    assert set(estimates.index) == set(truth.index)
    off = (estimates - truth[estimates.index]).abs()
    assert (off < 0.10).all(), off.round(3).to_dict()


def test_pooled_truth_is_the_share_weighted_path(sim):
    # 240 business guests at .15 and 360 leisure guests at .45
    assert sim["pooled_paths"]["MEM ~ EST"] == pytest.approx(0.4 * 0.15 + 0.6 * 0.45)
    assert sim["group_sizes"] == {"business": 240, "leisure": 360}


def test_segments_differ_in_the_esthetics_path_only_in_truth(sim):
    tables = {
        g: parse(m).set_index(["lhs", "op", "rhs"])["value"] for g, m in sim["group_models"].items()
    }
    differ = tables["business"][tables["business"] != tables["leisure"]]
    assert differ.index.tolist() == [("MEM", "~", "EST")]


def test_segment_estimates_lean_the_documented_way(data, sim):
    business = standardized_paths(data[data.segment == "business"], sim["model"])
    leisure = standardized_paths(data[data.segment == "leisure"], sim["model"])
    assert leisure["MEM ~ EST"] - business["MEM ~ EST"] > 0.1


def test_reverse_item_and_codebook(root):
    raw = cx.datasets.load("hotel_4e")
    assert raw["esc3r"].corr(raw["esc1"]) < -0.3
    cb = cx.datasets.codebook("hotel_4e").set_index("name")
    items = cb[cb.scale_max == 7]
    assert len(items) == 24 and (items.scale_min == 1).all()
    assert items.index[items.reverse].tolist() == ["esc3r"]
    assert items.label_zh.str.contains("同意").all()
    assert cb.loc["nps", "scale_max"] == 10


def test_nps_segment_channel_comments(data):
    shares = cx.metrics.nps(data["nps"]).iloc[0]
    # population: 45 % promoters, 22 % detractors; binomial SE at n = 600 is about 2 points
    assert shares["promoters"] == pytest.approx(45, abs=6)
    assert shares["detractors"] == pytest.approx(22, abs=6)
    corporate = data.groupby("segment")["channel"].apply(lambda s: (s == "corporate").mean())
    assert corporate["business"] > corporate["leisure"] + 0.2
    comments = data.dropna(subset=["comment"])
    assert 0.45 < len(comments) / len(data) < 0.65
    zh = comments[comments.lang == "zh"]["comment"]
    assert zh.str.contains(r"[\u4e00-\u9fff]").all()
    assert not comments[comments.lang == "en"]["comment"].str.contains(r"[\u4e00-\u9fff]").any()
