"""Issue 24, item 2: power simulations and bootstraps on a Dask cluster give the same numbers
as on this machine with the same seed.

One ``distributed.LocalCluster`` with two worker processes of one thread each (processes, as
on a real cluster: the tasks are pickled and sent to other interpreters) serves every test of
this module; it starts in a few seconds. Each result is compared with the local run to the
last bit, and the scheduler's task stream shows that the work really ran on the workers."""

from __future__ import annotations

import joblib
import numpy as np
import pandas as pd
import pytest

import cxlab as cx

distributed = pytest.importorskip("distributed")

POPULATION = "M ~ 0.3*X\nY ~ 0.3*M + 0.1*X"
PD_MODEL = (
    "ind60 =~ x1 + x2 + x3\ndem60 =~ y1 + y2 + y3 + y4\ndem65 =~ y5 + y6 + y7 + y8\n"
    "dem60 ~ a*ind60\ndem65 ~ c*ind60 + b*dem60\ny1 ~~ y5\nindirect := a*b"
)


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local:
        yield local


@pytest.fixture(scope="module")
def client(cluster):
    with distributed.Client(cluster) as c:
        # import cxlab on both workers once, so the first test does not time the imports
        c.run(lambda: __import__("cxlab.sem") and None)
        yield c


def _tasks_on_workers(client, run) -> tuple[object, set[str]]:
    """run(); the result and the workers that ran tasks meanwhile."""
    with distributed.get_task_stream(client) as stream:
        out = run()
    return out, {t["worker"] for t in stream.data}


def _power(**kw):
    return cx.simulate.power(
        POPULATION, "X -> M -> Y", n=[60, 120], reps=40, seed=7, progress=False, **kw
    )


def test_power_on_the_cluster_is_the_local_result(client):
    local = _power(n_jobs=1)
    remote, workers = _tasks_on_workers(client, lambda: _power(client=client))
    assert workers and workers <= set(client.scheduler_info()["workers"])  # ran out there
    pd.testing.assert_frame_equal(remote.table, local.table, check_exact=True)
    pd.testing.assert_frame_equal(remote.replications, local.replications, check_exact=True)
    assert local.table["n_used"].tolist() == [40, 40]


def test_power_through_joblibs_dask_backend(client):
    """The route for any joblib-using function: parallel_config(backend="dask"), n_jobs=-1."""
    local = _power(n_jobs=1)
    with joblib.parallel_config(backend="dask"):
        remote, workers = _tasks_on_workers(client, lambda: _power(n_jobs=-1))
    assert workers
    pd.testing.assert_frame_equal(remote.replications, local.replications, check_exact=True)


def test_sem_bootstrap_on_the_cluster_is_the_local_result(client):
    fit = cx.sem.fit(PD_MODEL, cx.datasets.load("political_democracy"))
    local = fit.bootstrap(B=40, seed=3, n_jobs=1, progress=False)
    remote, workers = _tasks_on_workers(
        client, lambda: fit.bootstrap(B=40, seed=3, client=client, progress=False)
    )
    assert workers
    assert np.array_equal(remote.draws, local.draws)
    pd.testing.assert_frame_equal(remote.table, local.table, check_exact=True)
    assert (remote.n_ok, remote.n_inadmissible) == (local.n_ok, local.n_inadmissible)
    # a different seed gives different draws, so the comparison can fail
    other = fit.bootstrap(B=40, seed=4, n_jobs=1, progress=False)
    assert not np.array_equal(other.draws, local.draws)


def test_pls_bootstrap_given_the_schedulers_address(client, cluster):
    fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
    local = fit.bootstrap(B=300, seed=5, n_jobs=1, progress=False)  # 3 chunks of 100
    remote, workers = _tasks_on_workers(
        client,
        lambda: fit.bootstrap(B=300, seed=5, client=cluster.scheduler_address, progress=False),
    )
    assert workers
    assert np.array_equal(remote.draws, local.draws)
    pd.testing.assert_frame_equal(remote.table, local.table, check_exact=True)
