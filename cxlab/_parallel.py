"""Chunked parallel work with a progress bar, shared by every topic (private module).

The bootstraps (:mod:`cxlab.sem.bootstrap`, :mod:`cxlab.pls`) and the power simulation
(:mod:`cxlab.simulate`) cut their draws or replications into chunks and run the chunks
with joblib on the local cores, with a tqdm progress bar. :func:`map_chunks` is that loop,
written once. It never draws random numbers itself: each caller seeds its own work (one
generator whose draws are made before the chunks are cut, or one seed per replication),
so a seed gives the same numbers for any number of cores, any chunking and any machine
the chunks run on.

On a Dask cluster the same loop runs through joblib's own Dask backend (nothing here
schedules work itself): either the caller sets it, ``with
joblib.parallel_config(backend="dask"): ...`` around a call with ``n_jobs=-1``, or a
function with a ``client=`` keyword is given a ``distributed.Client`` or a scheduler's
address and :func:`on_cluster` sets it.

- :func:`n_workers` — how many workers ``n_jobs`` means (1 for ``n_jobs=1``).
- :func:`map_chunks` — run ``func(*task)`` for every task, in order, serially or with
  joblib, updating one progress bar; the results come back in the order of the tasks.
- :func:`on_cluster` — run the joblib work inside on a Dask cluster (a client or an
  address); :func:`connect` — a client for an address, or a clear error naming it.
- :func:`one_blas_thread` — limit BLAS to one thread while many small problems run.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from cxlab.errors import DataError

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["CONNECT_TIMEOUT", "connect", "map_chunks", "n_workers", "on_cluster", "one_blas_thread"]

T = TypeVar("T")

#: Seconds to wait for a Dask scheduler to answer before :func:`connect` gives up.
CONNECT_TIMEOUT = 10.0


def n_workers(n_jobs: int | None) -> int:
    """The number of workers joblib uses for *n_jobs* (-1: every core); 1 for ``n_jobs=1``.

    Inside ``joblib.parallel_config(backend="dask")`` (or :func:`on_cluster`) any
    ``n_jobs`` other than 1 means every worker thread of the cluster.

    Examples
    --------
    >>> n_workers(1), n_workers(2)
    (1, 2)
    """
    if n_jobs == 1:
        return 1
    from joblib import effective_n_jobs

    return int(effective_n_jobs(n_jobs))


def map_chunks(
    func: Callable[..., T],
    tasks: Sequence[tuple[Any, ...]],
    *,
    n_jobs: int | None,
    total: int,
    desc: str,
    unit: str,
    progress: bool = True,
    size: Callable[[T], int] = len,
    threads: bool = False,
) -> list[T]:
    """``[func(*task) for task in tasks]``, on ``n_jobs`` joblib workers, with a progress bar.

    With one worker (``n_jobs=1``, or a single task) the tasks run one after the other in
    this process; otherwise joblib runs them (processes by default, threads with
    ``threads=True``; a ``joblib.parallel_config(backend=...)`` around the call is
    honoured — with ``backend="dask"`` the tasks run on the Dask cluster's workers, see
    :func:`on_cluster`) and never on more workers than there are tasks. The tqdm bar
    counts to *total* in *unit* s, labelled *desc*; after each task it advances by
    ``size(result)`` (by default the length of the result); ``progress=False`` hides it.
    The results come back in the order of *tasks*, so they do not depend on the number
    of workers or where they run.

    Examples
    --------
    >>> def squares(start, stop):
    ...     return [i * i for i in range(start, stop)]
    >>> tasks = [(0, 3), (3, 5)]
    >>> map_chunks(squares, tasks, n_jobs=1, total=5, desc="squares", unit="number",
    ...            progress=False)
    [[0, 1, 4], [9, 16]]
    """
    from tqdm.auto import tqdm

    workers = min(n_workers(n_jobs), len(tasks))
    bar = tqdm(total=total, desc=desc, unit=unit, disable=not progress, leave=False)
    if workers <= 1:
        runs: Any = (func(*task) for task in tasks)
    else:
        from joblib import Parallel, delayed

        runs = Parallel(
            n_jobs=workers, prefer="threads" if threads else None, return_as="generator"
        )(delayed(func)(*task) for task in tasks)
    results = []
    try:
        for part in runs:
            results.append(part)
            bar.update(size(part))
    finally:
        bar.close()
    return results


def connect(address: str, *, timeout: float | None = None) -> Client:
    """A ``distributed.Client`` of the Dask scheduler at *address* (e.g.
    ``"tcp://10.0.0.5:8786"``), or a :class:`~cxlab.errors.DataError` naming the address
    when no scheduler answers within *timeout* seconds (default :data:`CONNECT_TIMEOUT`),
    so a wrong address never hangs. The client is not made the default one; close it
    when done.

    Examples
    --------
    >>> try:
    ...     connect("no-such-scheme://nowhere:8786", timeout=1)
    ... except DataError as err:
    ...     print(str(err)[:52])
    Could not reach a Dask scheduler at 'no-such-scheme:
    """
    wait = CONNECT_TIMEOUT if timeout is None else float(timeout)
    try:
        from distributed import Client
    except ImportError as err:  # pragma: no cover - distributed is a declared extra
        raise DataError(
            f"Running on the Dask cluster at {address!r} needs the distributed package: "
            "pip install 'cxlab[cluster]' (or pip install distributed)."
        ) from err
    try:
        return Client(address, timeout=wait, set_as_default=False)
    except Exception as err:  # refused, timed out, malformed, or not a Dask scheduler
        raise DataError(
            f"Could not reach a Dask scheduler at {address!r} within {wait:g} s ({err}). "
            "Check the address and port (the scheduler prints it when it starts, e.g. "
            "tcp://10.0.0.5:8786) and that this machine can reach it; to run on this "
            "machine's cores instead, leave out client=."
        ) from err


@contextlib.contextmanager
def on_cluster(client: Client | str | None, n_jobs: int | None) -> Iterator[int | None]:
    """Run the joblib work inside on the Dask cluster of *client*: a
    ``distributed.Client``, or a scheduler's address (connected with :func:`connect` and
    closed afterwards). Yields the ``n_jobs`` to use inside: -1 (every worker thread of
    the cluster) with a client, *n_jobs* unchanged with ``client=None`` (nothing else
    changes then). This is joblib's own Dask backend,
    ``joblib.parallel_config(backend="dask", client=...)``.

    Examples
    --------
    >>> with on_cluster(None, 2) as jobs:
    ...     jobs
    2
    >>> try:
    ...     with on_cluster(3, 2):
    ...         pass
    ... except DataError as err:
    ...     print(str(err)[:59])
    client= must be a dask.distributed Client or a scheduler ad
    """
    if client is None:
        yield n_jobs
        return
    own = isinstance(client, str)
    if own:
        client = connect(client)
    elif not _is_client(client):
        raise DataError(
            "client= must be a dask.distributed Client or a scheduler address such as "
            f"'tcp://10.0.0.5:8786', not {type(client).__name__}; leave it out to run on "
            "this machine's cores."
        )
    from joblib import parallel_config

    try:
        with parallel_config(backend="dask", client=client):
            yield -1
    finally:
        if own:
            client.close()


def _is_client(obj: Any) -> bool:
    try:
        from distributed import Client
    except ImportError:  # pragma: no cover
        return False
    return isinstance(obj, Client)


def one_blas_thread() -> contextlib.AbstractContextManager:
    """A context in which BLAS uses one thread: on small matrices threads cost more than
    they save and stall badly on a busy machine (threadpoolctl; a no-op without it).

    Examples
    --------
    >>> import numpy as np
    >>> with one_blas_thread():
    ...     float(np.linalg.det(np.eye(3)))
    1.0
    """
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover
        return contextlib.nullcontext()
    return threadpool_limits(limits=1, user_api="blas")
