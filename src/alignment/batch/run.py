"""`batch`: a folder or manifest -> the results folder (tables, summary, workbook, charts).

The composition: collect inputs -> hash the bytes (duplicates, cache keys) -> reuse cached
results (--resume) -> analyse the rest with an executor -> aggregate -> write. The accounting
invariant holds by construction and is checked before anything is written: every input becomes
exactly one row of documents.csv (ok or duplicate) or of errors.csv.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import logging
import os
import signal
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from multiprocessing import get_all_start_methods, get_context

from ..errors import AlignmentError, Failure
from ..read import DEFAULT_MAX_SIZE
from . import charts, outputs
from ..report.formats import BATCH_FILES, render, write
from .aggregate import (BatchSummary, Record, document_columns, document_row, error_columns, error_row,
                        same_text, summarise)
from .cache import Cache
from .executor import run_local
from .on_dask import require_dask, run_dask
from .inputs import collect
from .lifeline import die_with_parent
from .worker import Options, warm

log = logging.getLogger("alignment")

FILES = [f for f in BATCH_FILES if f != "plans.csv"]
"""The files every run writes (plans.csv only when the inputs had UN INFO plans)."""


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass
class BatchOptions:
    workers: int = field(default_factory=default_workers)
    resume: bool = False
    timeout: float = 300.0
    executor: str = "local"  # or "dask"
    scheduler: str | None = None
    rules_dirs: tuple[str, ...] = ()
    max_size: int = DEFAULT_MAX_SIZE
    quiet: bool = False  # no word from the executor (Dask's loggers and warnings)


@dataclass
class BatchResult:
    output: str
    summary: BatchSummary
    analysed_now: int  # documents analysed in this run (not from the cache, not duplicates)


def run_batch(source: str | list[str], output: str, options: BatchOptions | None = None,
              progress: Callable[[int], None] | None = None,
              on_start: Callable[[int], None] | None = None) -> BatchResult:
    options = options or BatchOptions()
    # absolute: Dask workers may not share our working directory
    options = replace(options, rules_dirs=tuple(os.path.abspath(d) for d in options.rules_dirs))
    if options.executor not in ("local", "dask"):
        raise AlignmentError(None, f"unknown executor {options.executor!r}: use local or dask")
    if options.executor == "dask":
        require_dask()
    if os.path.exists(output) and not os.path.isdir(output):
        raise AlignmentError(output, "the output must be a folder")
    os.makedirs(output, exist_ok=True)
    for src in [source] if isinstance(source, str) else source:
        if os.path.isdir(src) and os.path.samefile(src, output):
            raise AlignmentError(output, "the output folder must not be the folder analysed")
    if options.rules_dirs:  # a broken user pack stops the run here, not once per document
        from ..packs import load_pack
        load_pack("en", tuple(options.rules_dirs))
    found = collect(source, output)
    records = [Record(i) for i in found.items]
    if on_start:
        on_start(len(records))
    step = progress or (lambda n: None)
    worker_options = Options(options.rules_dirs, options.max_size, options.timeout)
    cache = Cache(os.path.join(output, "cache.sqlite"))
    try:
        t0 = time.perf_counter()
        tasks, duplicates = _plan(records, cache, options, step)
        t1 = time.perf_counter()
        log.debug("%d inputs; %d to analyse; planned in %.1f s", len(records), len(tasks), t1 - t0)
        analysed_now = _execute(records, tasks, cache, worker_options, options, step)
        t2 = time.perf_counter()
        log.debug("analysed %d documents in %.1f s", len(tasks), t2 - t1)
        for idx, orig in duplicates.items():
            o, r = records[orig], records[idx]
            if o.result:
                r.result, r.duplicate_of = o.result, o.input.display
            else:
                r.error = Failure(o.error.code, f"same content as {o.input.display}: {o.error.reason}")
        summary = _write(records, found, cache, output)
        log.debug("outputs written in %.1f s", time.perf_counter() - t2)
    finally:
        cache.close()
    return BatchResult(output, summary, analysed_now)


def _plan(records: list[Record], cache: Cache, options: BatchOptions, step) -> tuple[list, dict]:
    """Hash every readable input; decide what to analyse, what is a duplicate, what is cached."""
    packs: dict[str, str] = {}

    def current_pack(language: str) -> str:
        if language not in packs:
            from ..packs import load_pack
            packs[language] = load_pack(language, tuple(options.rules_dirs)).version
        return packs[language]

    first: dict[str, int] = {}
    duplicates: dict[int, int] = {}
    tasks = []
    for idx, r in enumerate(records):
        if r.input.problem:
            r.error = r.input.problem
            step(1)
            continue
        digest = _digest(r.input.path, options.max_size)
        if digest and digest in first:
            duplicates[idx] = first[digest]
            step(1)
            continue
        if digest:
            first[digest] = idx
            if options.resume:
                hit = cache.get(digest, current_pack)
                if hit is not None:
                    r.result, r.cached = hit, True
                    step(1)
                    continue
        tasks.append((idx, r.input.path))
    return tasks, duplicates


def _execute(records, tasks, cache: Cache, worker_options: Options, options: BatchOptions, step) -> int:
    if not tasks:
        return 0
    if options.executor == "dask":
        results = run_dask(tasks, worker_options, options.workers, options.scheduler, options.quiet)
    else:
        # Load the pipeline once here: forked workers inherit it (copy-on-write) and start at
        # once, also when a pool is restarted after a crash or a timeout.
        warm(("en",), worker_options.rules_dirs)
        gc.collect()
        gc.freeze()  # keep the inherited objects' pages shared: the collector will not touch them
        results = run_local(tasks, worker_options, options.workers)
    try:
        return _collect(records, results, cache, step)
    finally:
        results.close()  # on Ctrl-C: kill the workers now, not when the generator is collected
        gc.unfreeze()


def _collect(records, results, cache: Cache, step) -> int:
    n = 0
    for idx, res in results:
        r = records[idx]
        if res.ok:
            r.result = cache.put(res.result, r.input.display)
            n += 1
        else:
            r.error = Failure(res.code, res.reason)
        step(1)
    return n


def _digest(path: str, max_size: int) -> str | None:
    """sha256 of a regular, readable file within the size limit, else None (the worker then
    reports the problem in the reader's own words)."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode) or st.st_size == 0 or st.st_size > max_size:
            return None
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            while chunk := fh.read(1 << 20):
                h.update(chunk)
        return h.hexdigest()
    except (OSError, ValueError):
        return None


@contextlib.contextmanager
def in_parallel(job: Callable[[Cache], None], cache_path: str):
    """Run `job` (with its own cache connection) in a forked process while the body runs;
    its failure is raised here. Without fork, run it after the body."""
    if "fork" not in get_all_start_methods():
        yield
        cache = Cache(cache_path)
        try:
            job(cache)
        finally:
            cache.close()
        return
    ctx = get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(job, cache_path, send, os.getpid()), daemon=True)
    proc.start()
    send.close()
    try:
        yield
        outcome = receive.recv() if receive.poll(None) else "the process ended without a word"
        proc.join()
    except EOFError:
        proc.join()
        outcome = f"the process died (exit code {proc.exitcode})"
    finally:
        if proc.is_alive():  # interrupted: do not leave it behind
            proc.kill()
            proc.join()
        receive.close()
    if outcome is not None:
        raise AlignmentError(None, f"could not write results.xlsx: {outcome}")


def _child(job, cache_path: str, send, parent: int) -> None:
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's: it kills us
    try:
        cache = Cache(cache_path)  # a connection of our own: never share one across fork
        try:
            job(cache)
        finally:
            cache.close()
        send.send(None)
    except BaseException as exc:  # reported by the parent as one line
        send.send(f"{type(exc).__name__}: {exc}")


def _write(records: list[Record], found, cache: Cache, output: str) -> BatchSummary:
    columns = found.columns
    twins = same_text(records)
    docs = [r for r in records if not r.error]
    errs = [r for r in records if r.error]
    if len(docs) + len(errs) != len(records) or any(r.result is None for r in docs):
        raise AlignmentError(output, "internal accounting error: an input has no row; nothing written")
    doc_header, err_header = document_columns(columns), error_columns(columns)
    doc_rows = [document_row(r, columns, twins) for r in docs]
    err_rows = [error_row(r, columns) for r in errs]

    from ..report.tables import FINDING_COLUMNS, FINDING_TEXT_COLUMNS

    originals = [r for r in docs if not r.duplicate_of]  # a duplicate's findings are its original's

    def findings():
        for r in originals:
            for row in cache.findings(r.result.sha256, r.result.pack):
                yield [r.input.display, *row]

    summary = summarise(records, columns, found.skipped)
    path = lambda name: os.path.join(output, name)  # noqa: E731

    def workbook(cache: Cache) -> None:
        def rows():
            for r in originals:
                for row in cache.findings(r.result.sha256, r.result.pack):
                    yield [r.input.display, *row]

        book = outputs.BatchWorkbook(outputs.summary_rows(summary),
                                     [("documents", doc_header, doc_rows), ("errors", err_header, err_rows)],
                                     ("findings", FINDING_COLUMNS, rows()),
                                     sum(r.result.findings_count for r in originals))
        with outputs.atomic(path("results.xlsx"), "wb") as fh:
            write(book, "xlsx", fh)

    # The workbook and findings.csv are the two large files (~450,000 findings for 1,000
    # documents): written side by side, the workbook in a forked process.
    with in_parallel(workbook, cache.path):
        outputs.write_csv(path("documents.csv"), doc_header, doc_rows)
        outputs.write_csv(path("errors.csv"), err_header, err_rows)
        outputs.write_csv(path("findings.csv"), FINDING_COLUMNS, findings(), FINDING_TEXT_COLUMNS)
        if summary.uninfo_plans:
            from .plans import plan_row_columns, plan_rows
            outputs.write_csv(path("plans.csv"), plan_row_columns(), plan_rows(records))
    outputs.write_text(path("coverage.svg"), render(charts.CoverageChart(summary), "svg"))
    outputs.write_text(path("objectives.svg"), render(charts.ObjectivesChart(summary), "svg"))
    outputs.write_text(path("summary.md"), render(summary, "md"))
    # last: its presence marks a complete run
    outputs.write_text(path("summary.json"), render(summary, "json"))
    return summary
