"""Executors: (task id, path) pairs -> (task id, result dict) pairs, as each document finishes.

`run_local` is a fork-based process pool whose initializer loads the pipeline once per worker.
At most one task per worker is in flight, so the parent knows what each worker is doing:
- a document that overruns the timeout inside the worker raises there (SIGALRM);
- one that hangs in C code past the hard deadline gets the pool killed and restarted, the
  overdue task recorded as a timeout and the others sent again;
- a worker that dies (segfault, out-of-memory kill) breaks the pool: the tasks that were in
  flight are retried one at a time in a fresh pool, and the one that breaks it alone is
  recorded as a crash.
`run_dask` maps the same function on a Dask cluster (`--executor dask`).
"""

from __future__ import annotations

import importlib
import logging
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context

from ..errors import AlignmentError
from .worker import Options, analyse_file, init_worker

log = logging.getLogger("alignment")

Task = tuple[int, str]  # (task id, path to open)

DASK_MISSING = "install the dask extra: pip install 'alignment[dask]'"


def hard_deadline(timeout: float) -> float:
    """Seconds after submission at which a silent worker is killed (the soft timeout failed)."""
    return timeout + max(2.0, min(30.0, timeout)) if timeout > 0 else 0.0


def timeout_error(options: Options) -> dict:
    return {"ok": False, "code": "timeout",
            "reason": f"analysis took longer than --timeout {options.timeout:g} s"}


CRASH = {"ok": False, "code": "crash",
         "reason": "the worker process died while analysing this document (crash or out of memory)"}


def run_local(tasks: Iterable[Task], options: Options, workers: int) -> Iterator[tuple[int, dict]]:
    pending: deque[Task] = deque(tasks)
    if not pending:
        return
    workers = max(1, min(workers, len(pending)))
    suspects: deque[Task] = deque()
    limit = hard_deadline(options.timeout)
    executor = None
    inflight: dict = {}  # future -> (task, started at)
    # Two documents per worker are in flight, so that a worker never waits for the parent to
    # hand it the next one. The pool runs them in submission order: the ones beyond the
    # first `workers` wait, and each completion starts the oldest waiting one.
    waiting: deque = deque()

    def submit(task: Task) -> None:
        fut = executor.submit(analyse_file, task[1], options)
        inflight[fut] = (task, time.monotonic())
        if len(inflight) - len(waiting) > workers:
            waiting.append(fut)

    try:
        while pending or suspects or inflight:
            if executor is None:
                executor = ProcessPoolExecutor(max_workers=workers, mp_context=get_context("fork"),
                                               initializer=init_worker, initargs=(options,))
            if suspects:
                if not inflight:  # isolate: a suspect runs alone, so a crash names it
                    submit(suspects.popleft())
            else:
                while pending and len(inflight) < 2 * workers:
                    submit(pending.popleft())
            done, _ = wait(list(inflight), timeout=0.5 if limit else None, return_when=FIRST_COMPLETED)
            broken = []
            now = time.monotonic()
            for fut in done:
                if fut in waiting:
                    waiting.remove(fut)
                elif waiting:
                    started = waiting.popleft()
                    inflight[started] = (inflight[started][0], now)
            for fut in done:
                task, _started = inflight.pop(fut)
                try:
                    result = fut.result()
                except BrokenProcessPool:
                    broken.append(task)
                    continue
                except Exception as exc:  # e.g. a result that cannot be pickled
                    result = {"ok": False, "code": "internal",
                              "reason": f"internal error: {type(exc).__name__}: {exc}"}
                yield task[0], result
            if broken:
                # the futures still in flight fail with the same broken pool, except any that
                # finished just before it broke
                wait(list(inflight), timeout=10)
                for fut, (task, _started) in list(inflight.items()):
                    if fut.done() and not fut.cancelled() and fut.exception() is None:
                        yield task[0], fut.result()
                    else:
                        broken.append(task)
                inflight.clear()
                waiting.clear()
                _discard(executor)
                executor = None
                if len(broken) == 1:
                    log.debug("worker crashed on %s", broken[0][1])
                    yield broken[0][0], dict(CRASH)
                else:
                    suspects.extend(sorted(broken))
                continue
            if limit:
                now = time.monotonic()
                overdue = [f for f, (_t, started) in inflight.items()
                           if f not in waiting and now - started > limit]
                if overdue:
                    for fut in overdue:
                        task, _started = inflight.pop(fut)
                        log.debug("killing the pool: %s overran the timeout", task[1])
                        yield task[0], timeout_error(options)
                    # innocent bystanders go back to the front of the queue
                    for fut, (task, _started) in sorted(inflight.items(), key=lambda kv: kv[1][0],
                                                        reverse=True):
                        (suspects if suspects else pending).appendleft(task)
                    inflight.clear()
                    waiting.clear()
                    _kill(executor)
                    executor = None
    finally:
        if executor is not None:
            if inflight:  # interrupted: do not wait for documents nobody will collect
                _kill(executor)
            else:
                executor.shutdown(wait=True)


def _processes(executor) -> list:
    return list((getattr(executor, "_processes", None) or {}).values())


def _kill(executor) -> None:
    procs = _processes(executor)
    for p in procs:
        if p.is_alive():
            p.kill()
    executor.shutdown(wait=False, cancel_futures=True)
    for p in procs:
        p.join(timeout=5)


def _discard(executor) -> None:
    try:
        executor.shutdown(wait=False, cancel_futures=True)
    except Exception:  # a broken pool may complain while shutting down; it is gone anyway
        pass
    for p in _processes(executor):
        p.join(timeout=5)


def require_dask() -> None:
    """Fail early, before any work, when the dask extra is not installed."""
    try:
        importlib.import_module("distributed")
    except ImportError:
        raise AlignmentError(None, DASK_MISSING) from None


def run_dask(tasks: Iterable[Task], options: Options, workers: int,
             scheduler: str | None = None) -> Iterator[tuple[int, dict]]:
    """The same function on a Dask cluster: `scheduler` if given, else a loopback LocalCluster.

    A Dask task cannot be interrupted from outside, so the timeout is applied from here: the
    first N unfinished tasks (N = the cluster's threads) are taken as running, and one running
    longer than the hard deadline is given up (cancelled and recorded as a timeout).
    """
    require_dask()
    from distributed import Client, LocalCluster

    tasks = list(tasks)
    if not tasks:
        return
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="30s")
        else:
            cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                   host="127.0.0.1", dashboard_address=None)
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
                    result = dict(CRASH) if name == "KilledWorker" else {
                        "ok": False, "code": "internal", "reason": f"internal error: {name}: {exc}"}
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
