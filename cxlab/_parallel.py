"""Chunked parallel work with a progress bar, shared by every topic (private module).

The bootstraps (:mod:`cxlab.sem.bootstrap`, :mod:`cxlab.pls`) and the power simulation
(:mod:`cxlab.simulate`) cut their draws or replications into chunks and run the chunks
with joblib on the local cores, with a tqdm progress bar. :func:`map_chunks` is that loop,
written once. It never draws random numbers itself: each caller seeds its own work (one
generator whose draws are made before the chunks are cut, or one seed per replication),
so a seed gives the same numbers for any number of cores and any chunking.

- :func:`n_workers` — how many workers ``n_jobs`` means (1 for ``n_jobs=1``).
- :func:`map_chunks` — run ``func(*task)`` for every task, in order, serially or with
  joblib, updating one progress bar; the results come back in the order of the tasks.
- :func:`one_blas_thread` — limit BLAS to one thread while many small problems run.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

__all__ = ["map_chunks", "n_workers", "one_blas_thread"]

T = TypeVar("T")


def n_workers(n_jobs: int | None) -> int:
    """The number of workers joblib uses for *n_jobs* (-1: every core); 1 for ``n_jobs=1``.

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
    honoured) and never on more workers than there are tasks. The tqdm bar counts to
    *total* in *unit* s, labelled *desc*; after each task it advances by ``size(result)``
    (by default the length of the result); ``progress=False`` hides it. The results come
    back in the order of *tasks*, so they do not depend on the number of workers.

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
