"""service_profit_chain_{units,employees,customers}: regenerate byte for byte; the
documented truth holds; the reverse direction gives the same distribution."""

from __future__ import annotations

import importlib.util
import io
import re

import numpy as np
import pandas as pd
import pytest

import cxlab as cx

TABLES = ("units", "employees", "customers")


@pytest.fixture(scope="module")
def script(root):
    spec = importlib.util.spec_from_file_location(
        "spc_script", root / "datasets/make/service_profit_chain.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tables():
    return {t: cx.datasets.load(f"service_profit_chain_{t}") for t in TABLES}


def csv_bytes(df: pd.DataFrame) -> bytes:
    buffer = io.StringIO()
    df.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue().encode("utf-8")


def test_regenerates_byte_for_byte(script, root):
    for name, df in zip(TABLES, script.build(), strict=True):
        path = root / f"datasets/service_profit_chain_{name}.csv"
        assert csv_bytes(df) == path.read_bytes(), name


def test_seed_matters(script):
    a = script.build(seed=1)
    assert not a[2].equals(script.build(seed=2)[2])
    pd.testing.assert_frame_equal(script.build(seed=1)[1], a[1])


def test_documented_simulation_matches_the_script(script, tables):
    sim = cx.datasets.resource("service_profit_chain_employees")["simulation"]
    assert sim == cx.datasets.resource("service_profit_chain_units")["simulation"]
    assert sim["seed"] == script.SEED and sim["model"] == script.MODEL
    assert sim["model"] == cx.profit_chain.CHAIN_MODEL
    assert sim["within"] == script.WITHIN
    assert sim["reverse_direction"]["paths"] == script.reverse_paths()
    for name, (const, parents, sd) in script.UNIT_PATHS.items():
        entry = sim["unit_paths"][name]
        assert entry["const"] == const and entry["residual_sd"] == sd
        assert entry["slopes"] == {p: s for p, (s, _) in parents.items()}


def test_shapes_links_and_scales(tables):
    units, employees, customers = (tables[t] for t in TABLES)
    assert len(units) == 60 and units["unit_id"].is_unique
    assert set(employees["unit_id"]) == set(customers["unit_id"]) == set(units["unit_id"])
    n_e = employees.groupby("unit_id").size()
    n_c = customers.groupby("unit_id").size()
    assert n_e.between(10, 25).all() and n_c.between(30, 60).all()
    assert employees["employee_id"].is_unique and customers["customer_id"].is_unique
    assert not any(t.isna().any().any() for t in tables.values())
    for name, df in tables.items():
        cb = cx.datasets.codebook(f"service_profit_chain_{name}").set_index("name")
        assert cb["label_zh"].str.contains(r"[\u4e00-\u9fff]").all(), name
        assert (cb["label_en"].str.len() > 5).all(), name
        for col, row in cb.dropna(subset=["scale_min"]).iterrows():
            assert df[col].between(row["scale_min"], row["scale_max"]).all(), col


def test_truth_within_units(tables, script):
    """Pooled within-unit slopes (unit fixed effects) recover the generating values."""
    employees, customers = tables["employees"], tables["customers"]

    def within(df: pd.DataFrame, y: str, x: str) -> float:
        dx = df[x] - df.groupby("unit_id")[x].transform("mean")
        dy = df[y] - df.groupby("unit_id")[y].transform("mean")
        return float((dx * dy).sum() / (dx**2).sum())

    w = script.WITHIN
    # n ≈ 1,070 and 2,684: sampling SD of these slopes ≈ .03 and .02
    assert within(employees, "esat", "isq") == pytest.approx(w["esat_on_isq"], abs=0.06)
    assert within(customers, "csat", "value") == pytest.approx(w["csat_on_value"], abs=0.06)
    assert within(employees, "stay", "esat") == pytest.approx(w["stay"]["esat"], abs=0.08)


def test_reverse_direction_has_the_same_distribution(script):
    """Drawn from growth back to ISQ, the hotels' true means have the forward chain's
    means and covariances (checked on 200,000 draws of each)."""
    rng_f, rng_r = np.random.default_rng(1), np.random.default_rng(2)
    fwd = script._unit_means(rng_f, 200_000, "forward")
    rev = script._unit_means(rng_r, 200_000, "reverse")
    mean, cov = script.moments()
    sd = np.sqrt(np.diag(cov))
    for draws in (fwd, rev):
        assert np.allclose(draws.mean().to_numpy(), mean, atol=0.02 * sd.max())
        corr = np.corrcoef(draws.to_numpy(), rowvar=False)
        assert np.allclose(corr, cov / np.outer(sd, sd), atol=0.01)
    units, employees, customers = script.build(direction="reverse")
    assert len(units) == 60 and len(employees) > 600 and len(customers) > 1800


def test_script_docstring_states_the_reverse_option(script):
    doc = script.__doc__
    assert re.search(r"build\(direction=\"reverse\"\)", doc)
    assert "Heskett" in doc
