"""The process a Batch page runs: `python -m alignment.web.batch_child JOB.json`.

Input: a job file (JSON: the uploads folder, the results folder, the status file, the batch
options and the server's pid). Output: the results folder of `alignment batch` (the same
`run_batch`, the same files), and the status file, rewritten atomically at every step, that
the server's status endpoint reads: `{"state": "starting|running|done|failed", "total", "done",
"message"}`. The uploads folder is deleted when the run ends, whatever the outcome, and so are
the run's working files (cache, plan files), which hold document text the downloads do not need.

A process of its own, not a thread of the server: the analysis is CPU-bound and forks its
own pool of workers, which a threaded server must not do; the server stays responsive and
the child dies with it (`die_with_parent`).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
import time

from ..report.formats import BATCH_FILES

# What a results folder keeps for download: the batch's files (the registry's table), not its cache.
KEPT = tuple(BATCH_FILES)


def write_status(path: str, **status) -> None:
    tmp = f"{path}.tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump({**status, "at": time.time()}, fh)
    os.replace(tmp, path)


def tidy(output: str) -> None:
    """Remove from the results folder all but the files offered for download."""
    for entry in os.scandir(output):
        if entry.name in KEPT:
            continue
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)
        else:
            os.unlink(entry.path)


def run(job: dict) -> int:
    from ..batch import BatchOptions, run_batch
    from ..errors import AlignmentError

    status = job["status"]
    t0 = time.monotonic()
    state = {"state": "starting", "total": 0, "done": 0, "message": ""}
    write_status(status, **state)

    def start(total: int) -> None:
        state.update(state="running", total=total)
        write_status(status, **state)

    def step(n: int) -> None:
        state["done"] += n
        write_status(status, **state)

    options = BatchOptions(workers=job["workers"], timeout=job["timeout"], rules_dirs=tuple(job["rules_dirs"]),
                           max_size=job["max_size"], quiet=True)
    try:
        result = run_batch(job["inputs"], job["output"], options, progress=step, on_start=start)
        s = result.summary
        state.update(state="done", done=state["total"], seconds=round(time.monotonic() - t0, 1),
                     summary={"inputs": s.inputs, "documents": s.documents, "errors": s.errors})
        return 0
    except AlignmentError as exc:
        state.update(state="failed", message=exc.reason)
        return 1
    except Exception as exc:  # the server shows one line; the traceback goes to the job's log
        logging.getLogger("alignment").exception("batch failed")
        state.update(state="failed", message=f"internal error: {type(exc).__name__}")
        return 1
    finally:
        shutil.rmtree(job["inputs"], ignore_errors=True)
        if os.path.isdir(job["output"]):
            tidy(job["output"])
        write_status(status, **state)  # last: the server reads "done" only once the folder is tidy


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    with open(argv[0], encoding="utf-8") as fh:
        job = json.load(fh)
    from ..batch.lifeline import die_with_parent

    die_with_parent(job["parent"])
    logging.basicConfig(level=logging.WARNING, format="alignment: %(message)s")
    return run(job)


if __name__ == "__main__":
    sys.exit(main())
