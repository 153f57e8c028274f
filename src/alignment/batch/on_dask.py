"""The Dask executor: (task id, path) pairs -> (task id, `WorkerResult`) pairs on a Dask cluster.

The same per-document function as the local pool (`worker.analyse_file`), on the cluster at
`--scheduler` or on a loopback LocalCluster. Dask speaks through the `distributed` loggers
and Python warnings: quiet unless `-v`, and silent (workers included) under `-q`.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
import time
import warnings
from collections.abc import Iterable, Iterator

from ..errors import AlignmentError
from .executor import CRASH, Task, hard_deadline, timeout_error
from .worker import Options, WorkerResult, analyse_file

log = logging.getLogger("alignment")

DASK_MISSING = "install the dask extra: pip install 'alignment[dask]'"
DASK_LOGGERS = ("distributed", "dask", "bokeh", "tornado")


def require_dask() -> None:
    """Fail early, before any work, when the dask extra is not installed."""
    try:
        importlib.import_module("distributed")
    except ImportError:
        raise AlignmentError(None, DASK_MISSING) from None


@contextlib.contextmanager
def hushed(quiet: bool):
    """Dask's loggers at WARNING (DEBUG under -v), silent under -q; under -q its Python
    warnings (e.g. "Port 8787 is already in use") are ignored too, in the workers as well.
    Yields the level for the workers' own loggers (LocalCluster's silence_logs)."""
    level = (logging.CRITICAL + 1 if quiet else
             logging.DEBUG if log.isEnabledFor(logging.DEBUG) else logging.WARNING)
    loggers = [logging.getLogger(name) for name in DASK_LOGGERS]
    saved = [(lg, lg.level) for lg in loggers]
    env = os.environ.get("PYTHONWARNINGS")
    with warnings.catch_warnings():
        if quiet:
            warnings.simplefilter("ignore")
            os.environ["PYTHONWARNINGS"] = "ignore"  # worker processes the nannies start
        for lg in loggers:
            lg.setLevel(level)
        try:
            yield level
        finally:
            for lg, old in saved:
                lg.setLevel(old)
            if quiet:
                if env is None:
                    os.environ.pop("PYTHONWARNINGS", None)
                else:
                    os.environ["PYTHONWARNINGS"] = env


def run_dask(tasks: Iterable[Task], options: Options, workers: int, scheduler: str | None = None,
             quiet: bool = False) -> Iterator[tuple[int, WorkerResult]]:
    require_dask()
    import distributed  # noqa: F401  (configures its loggers on import: hush them after)

    tasks = list(tasks)
    if not tasks:
        return
    with hushed(quiet) as level:
        yield from _run(tasks, options, workers, scheduler, level)


def _run(tasks: list[Task], options: Options, workers: int, scheduler: str | None,
         level: int) -> Iterator[tuple[int, WorkerResult]]:
    """The same function on a Dask cluster: `scheduler` if given, else a loopback LocalCluster.

    Inside the task's thread a timer raises the timeout (`deadline.Deadline`); a task stuck in
    C code cannot be interrupted, so it is given up from here: the first N unfinished tasks
    (N = the cluster's threads) are taken as running, and one running longer than the hard
    deadline is cancelled and recorded as a timeout.
    """
    from distributed import Client, LocalCluster

    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="30s")
        else:
            cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                   host="127.0.0.1", dashboard_address=None,
                                   silence_logs=level)
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        if cluster is not None:
            cluster.close()
        raise AlignmentError(scheduler, f"cannot reach the Dask scheduler ({exc})") from None
    try:
        slots = max(1, sum(client.nthreads().values()))
        order = [(tid, client.submit(analyse_file, path, options, pure=False)) for tid, path in tasks]
        limit = hard_deadline(options.timeout)
        entered: dict[int, float] = {}
        while order:
            still, progressed = [], False
            for tid, fut in order:
                if not fut.done():
                    still.append((tid, fut))
                    continue
                progressed = True
                try:
                    result = fut.result()
                except Exception as exc:  # KilledWorker: the document kept killing its workers
                    name = type(exc).__name__
                    result = CRASH if name == "KilledWorker" else WorkerResult.failure(
                        "internal", f"internal error: {name}: {exc}")
                yield tid, result
            order = still
            if limit:
                now = time.monotonic()
                for tid, fut in order[:slots]:
                    entered.setdefault(tid, now)
                late = {tid for tid, _f in order[:slots] if now - entered[tid] > limit}
                for tid, fut in order:
                    if tid in late:
                        fut.cancel()
                        yield tid, timeout_error(options)
                order = [(tid, fut) for tid, fut in order if tid not in late]
            if not progressed:
                time.sleep(0.05)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
