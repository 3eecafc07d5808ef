"""The shared helpers of issue 17: one chunked parallel loop with a progress bar
(``cxlab._parallel``) and one Wilson interval (``cxlab._intervals``).

References: statsmodels' ``proportion_confint(method="wilson")``; Wilson (1927)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from statsmodels.stats.proportion import proportion_confint

from cxlab._intervals import wilson
from cxlab._parallel import map_chunks, n_workers, one_blas_thread

SEED = 20260517
ITEMS = 37


def _draws(seed: int, items: range) -> list[float]:
    """Seeded work as the callers seed it: one generator per item from (seed, item)."""
    return [float(np.random.default_rng([seed, i]).normal()) for i in items]


def _chunks(size: int) -> list[tuple[int, range]]:
    return [(SEED, range(i, min(i + size, ITEMS))) for i in range(0, ITEMS, size)]


def _run(size: int, n_jobs: int, **kw) -> list[float]:
    parts = map_chunks(
        _draws, _chunks(size), n_jobs=n_jobs, total=ITEMS, desc="test", unit="draw",
        progress=False, **kw,
    )  # fmt: skip
    return [x for part in parts for x in part]


def test_same_results_for_any_number_of_workers_and_any_chunking():
    reference = _draws(SEED, range(ITEMS))
    for size in (1, 5, 10, ITEMS):
        assert _run(size, 1) == reference, size
        assert _run(size, 2) == reference, size
        assert _run(size, 2, threads=True) == reference, size


def test_results_come_back_in_the_order_of_the_tasks():
    tasks = [(k,) for k in range(8)]
    for n_jobs in (1, 2):
        out = map_chunks(
            lambda k: [k] * k, tasks, n_jobs=n_jobs, total=28, desc="order", unit="item",
            progress=False, threads=True,
        )  # fmt: skip
        assert out == [[k] * k for k in range(8)]
    assert map_chunks(_draws, [], n_jobs=2, total=0, desc="none", unit="x", progress=False) == []


def test_the_progress_bar_counts_to_the_total(capsys):
    sizes: list[int] = []

    def size(part: tuple[list[int], list[int]]) -> int:
        sizes.append(len(part[1]))
        return len(part[1])

    map_chunks(
        lambda n: ([0], list(range(n))), [(3,), (4,)], n_jobs=1, total=7, desc="count",
        unit="draw", progress=True, size=size,
    )  # fmt: skip
    assert sizes == [3, 4]
    assert "count" in capsys.readouterr().err


def test_n_workers():
    from joblib import effective_n_jobs

    assert n_workers(1) == 1
    assert n_workers(2) == 2
    assert n_workers(-1) == effective_n_jobs(-1)


def test_one_blas_thread_limits_blas():
    threadpoolctl = pytest.importorskip("threadpoolctl")
    with one_blas_thread():
        blas = [p for p in threadpoolctl.threadpool_info() if p["user_api"] == "blas"]
        assert all(p["num_threads"] == 1 for p in blas)


@pytest.mark.parametrize(
    ("count", "nobs", "level"),
    [(0, 10, 0.95), (10, 10, 0.95), (0, 21, 0.95), (21, 21, 0.95), (3, 4, 0.95), (80, 100, 0.95),
     (3, 6, 0.9), (1, 1, 0.99), (537, 1000, 0.8), (0, 1, 0.9)],
)  # fmt: skip
def test_wilson_is_statsmodels(count, nobs, level):
    expected = proportion_confint(count, nobs, alpha=1 - level, method="wilson")
    low, high = wilson(count, nobs, level)
    assert isinstance(low, float) and isinstance(high, float)
    assert (low, high) == tuple(float(x) for x in expected)
    assert 0 <= low <= count / nobs <= high + 1e-15 and high <= 1  # 10/10: 1 - 1e-16


def test_wilson_by_formula_and_vectorised():
    # Wilson (1927): (p + z²/2n ± z √(p q / n + z² / 4n²)) / (1 + z²/n)
    z = 1.959963984540054
    p, n = 0.8, 100
    centre = (p + z**2 / (2 * n)) / (1 + z**2 / n)
    half = z * math.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / (1 + z**2 / n)
    assert wilson(80, 100) == pytest.approx((centre - half, centre + half), abs=1e-15)
    counts, nobs = np.array([0, 5, 7, 3]), np.array([7, 9, 7, 0])
    low, high = wilson(counts, nobs, 0.9)
    ok = nobs > 0
    sm_low, sm_high = proportion_confint(counts[ok], nobs[ok], alpha=0.1, method="wilson")
    np.testing.assert_array_equal(low[ok], sm_low)
    np.testing.assert_array_equal(high[ok], sm_high)
    assert np.isnan(low[~ok]).all() and np.isnan(high[~ok]).all()
    assert all(math.isnan(x) for x in wilson(0, 0))


# -- issue 24: a Dask cluster named by its address (the cluster runs: test_parallel_dask.py) --


def _closed_port() -> int:
    """A local TCP port nobody listens on."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_address_that_does_not_answer_is_a_clear_error_not_a_hang(monkeypatch):
    import time

    import cxlab as cx
    from cxlab import _parallel
    from cxlab.errors import DataError

    pytest.importorskip("distributed")
    monkeypatch.setattr(_parallel, "CONNECT_TIMEOUT", 1.0)
    address = f"tcp://127.0.0.1:{_closed_port()}"
    start = time.perf_counter()
    with pytest.raises(DataError, match=f"Could not reach a Dask scheduler at '{address}'"):
        cx.simulate.power("Y ~ 0.3*X", "Y ~ X", n=50, reps=20, seed=1, client=address,
                          progress=False)  # fmt: skip
    assert time.perf_counter() - start < 30  # the timeout is 1 s; never a hang
    fit = cx.sem.fit("F =~ x1 + x2 + x3", cx.datasets.load("holzinger_swineford"))
    with pytest.raises(DataError, match=address):
        fit.bootstrap(B=20, seed=1, client=address, progress=False)
    with pytest.raises(DataError, match="'not-an-address://x'"):
        _parallel.connect("not-an-address://x", timeout=1)


def test_client_must_be_a_client_or_an_address():
    from cxlab._parallel import on_cluster
    from cxlab.errors import DataError

    with (
        pytest.raises(DataError, match=r"client= must be a dask\.distributed Client"),
        on_cluster(8786, -1),
    ):
        pass
    with on_cluster(None, 3) as jobs:  # no client: nothing changes
        assert jobs == 3
        assert n_workers(jobs) == 3
