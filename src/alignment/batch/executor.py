"""Executors: (task id, path) pairs -> (task id, `WorkerResult`) pairs, as each document finishes.

`run_local` is a fork-based process pool whose initializer loads the pipeline once per worker.
At most one task per worker is in flight, so the parent knows what each worker is doing:
- a document that overruns the timeout inside the worker raises there (SIGALRM);
- one that hangs in C code (deaf to SIGALRM) is seen in the workers' shared clocks
  (`lifeline.Slots`) a second after its deadline: the pool is killed and restarted, the
  overdue task recorded as a timeout and the others sent again;
- workers die with the parent, however it dies (`lifeline.die_with_parent`);
- a worker that dies (segfault, out-of-memory kill) breaks the pool: the tasks that were in
  flight are retried one at a time in a fresh pool, and the one that breaks it alone is
  recorded as a crash.
`on_dask.py` maps the same function on a Dask cluster (`--executor dask`).
"""

from __future__ import annotations

import logging
import os
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context

from .lifeline import Slots
from .worker import Options, WorkerResult, init_worker, run_task

log = logging.getLogger("alignment")

Task = tuple[int, str]  # (task id, path to open)


POLL = 0.25  # seconds between looks at the workers' clocks
GRACE = 1.0  # seconds past its deadline at which a worker deaf to its own timeout is killed


def hard_deadline(timeout: float) -> float:
    """Dask: seconds after a task is taken as running at which it is given up."""
    return timeout + max(2.0, min(30.0, timeout)) if timeout > 0 else 0.0


def timeout_error(options: Options) -> WorkerResult:
    return WorkerResult.failure("timeout", f"analysis took longer than --timeout {options.timeout:g} s")


CRASH = WorkerResult.failure("crash", "the worker process died while analysing this document "
                                      "(crash or out of memory)")


def run_local(tasks: Iterable[Task], options: Options, workers: int) -> Iterator[tuple[int, WorkerResult]]:
    pending: deque[Task] = deque(tasks)
    if not pending:
        return
    workers = max(1, min(workers, len(pending)))
    suspects: deque[Task] = deque()
    ctx = get_context("fork")
    executor = slots = None
    inflight: dict = {}  # future -> task
    # Two documents per worker are in flight, so that a worker never waits for the parent to
    # hand it the next one; each worker's row of `slots` says which one it is analysing.

    def submit(task: Task) -> None:
        inflight[executor.submit(run_task, task[0], task[1], options)] = task

    try:
        while pending or suspects or inflight:
            if executor is None:
                slots = Slots(ctx, workers)
                executor = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=init_worker,
                                               initargs=(options, slots, os.getpid()))
            if suspects:
                if not inflight:  # isolate: a suspect runs alone, so a crash names it
                    submit(suspects.popleft())
            else:
                while pending and len(inflight) < 2 * workers:
                    submit(pending.popleft())
            done, _ = wait(list(inflight), timeout=POLL if options.timeout else None,
                           return_when=FIRST_COMPLETED)
            broken = []
            for fut in done:
                task = inflight.pop(fut)
                try:
                    result = fut.result()
                except BrokenProcessPool:
                    broken.append(task)
                    continue
                except Exception as exc:  # e.g. a result that cannot be pickled
                    result = WorkerResult.failure("internal", f"internal error: {type(exc).__name__}: {exc}")
                yield task[0], result
            if broken:
                # the futures still in flight fail with the same broken pool, except any that
                # finished just before it broke
                wait(list(inflight), timeout=10)
                for fut, task in list(inflight.items()):
                    if fut.done() and not fut.cancelled() and fut.exception() is None:
                        yield task[0], fut.result()
                    else:
                        broken.append(task)
                inflight.clear()
                _discard(executor)
                executor = None
                if len(broken) == 1:
                    log.debug("worker crashed on %s", broken[0][1])
                    yield broken[0][0], CRASH
                else:
                    suspects.extend(sorted(broken))
                continue
            late = slots.overdue(time.monotonic(), GRACE) if options.timeout else set()
            if late:
                # a worker deaf to its own timeout (stuck in C code): kill the pool, record the
                # overdue documents, send the innocent bystanders again at the front of the queue
                for fut, task in sorted(inflight.items(), key=lambda kv: kv[1][0], reverse=True):
                    if task[0] in late:
                        log.debug("killing the pool: %s overran the timeout", task[1])
                        yield task[0], timeout_error(options)
                    elif fut.done() and not fut.cancelled() and fut.exception() is None:
                        yield task[0], fut.result()
                    else:
                        (suspects if suspects else pending).appendleft(task)
                inflight.clear()
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
