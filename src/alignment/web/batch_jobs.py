"""Batch jobs of the web app: uploaded files -> a child process running `alignment batch` -> status.

Input: the files of one Batch form (starlette UploadFiles). Output: a `Job` whose folder holds
`inputs/` (the uploads, deleted by the child when the run ends), `results/` (the outputs of
`run_batch`, offered for download) and `status.json` (the child's progress). `Jobs` is the
server's bounded registry: it starts queued jobs when a slot is free (one batch at a time by
default: each forks a pool of workers over all cores), and deletes a job's whole folder when the
job is pushed out by newer ones or the server stops.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field

from .uploads import safe_name, write_upload

FINISHED = ("done", "failed")


@dataclass
class Job:
    id: str
    folder: str
    names: list[str] = field(default_factory=list)  # the inputs' names, as saved
    oversized: list[str] = field(default_factory=list)  # names of uploads above the size limit
    created: float = field(default_factory=time.monotonic)
    process: subprocess.Popen | None = None

    @property
    def inputs(self) -> str:
        return os.path.join(self.folder, "inputs")

    @property
    def output(self) -> str:
        return os.path.join(self.folder, "results")

    @property
    def status_path(self) -> str:
        return os.path.join(self.folder, "status.json")

    async def add(self, upload, max_size: int) -> str:
        """Save one upload under a unique, harmless name. An upload above `max_size` is kept as
        a sparse file of its size (no disk used), so that the batch lists it in errors.csv in
        the reader's own words, like any other refused input: no input is ever lost."""
        name = safe_name(upload.filename)
        stem, ext = os.path.splitext(name)
        n = 1
        while name in self.names:
            n += 1
            name = f"{stem} ({n}){ext}"
        path = os.path.join(self.inputs, name)
        if not await write_upload(upload, path, max_size):
            with open(path, "r+b") as fh:
                fh.truncate(max(upload.size or 0, max_size + 1))
            self.oversized.append(name)
        self.names.append(name)
        return name

    def status(self) -> dict:
        """The child's last word, or what the server knows: queued, or a child that died."""
        if self.process is None:
            return {"state": "queued", "total": len(self.names), "done": 0, "message": ""}
        try:
            with open(self.status_path, encoding="utf-8") as fh:
                status = json.load(fh)
        except (OSError, ValueError):
            status = {"state": "starting", "total": len(self.names), "done": 0, "message": ""}
        code = self.process.poll()
        if code is not None and status.get("state") not in FINISHED:
            status = {**status, "state": "failed",
                      "message": f"the batch process ended unexpectedly (exit code {code})"}
        if status["state"] in FINISHED and os.path.isdir(self.inputs):  # a child killed before its own clean-up
            shutil.rmtree(self.inputs, ignore_errors=True)
        status["elapsed"] = round(time.monotonic() - self.created, 1)
        return status

    def start(self, *, workers: int, max_size: int, timeout: float, rules_dirs: tuple[str, ...]) -> None:
        spec = {"inputs": self.inputs, "output": self.output, "status": self.status_path, "workers": workers,
                "max_size": max_size, "timeout": timeout, "rules_dirs": list(rules_dirs), "parent": os.getpid()}
        path = os.path.join(self.folder, "job.json")
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(spec, fh)
        with open(os.path.join(self.folder, "log.txt"), "wb") as log:
            self.process = subprocess.Popen([sys.executable, "-m", "alignment.web.batch_child", path],
                                            stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                            start_new_session=True)

    def stop(self) -> None:
        """Kill the child if it runs, and delete everything of the job."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


@dataclass
class Jobs:
    """The server's batch jobs, newest last; at most `keep` (queued, running and finished)."""

    keep: int = 5
    parallel: int = 1
    start_options: dict = field(default_factory=dict)
    items: OrderedDict = field(default_factory=OrderedDict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def new(self, tmp_root: str | None) -> Job | None:
        """A fresh job with its folders, or None when every kept job is still queued or running."""
        with self.lock:
            self._refresh()
            if len(self.items) >= self.keep:
                old = next((j for j in self.items.values() if j.status()["state"] in FINISHED), None)
                if old is None:
                    return None
                del self.items[old.id]
                old.stop()
            job = Job(secrets.token_urlsafe(16), tempfile.mkdtemp(prefix="alignment-batch-", dir=tmp_root))
            os.mkdir(job.inputs, 0o700)
            return job

    def submit(self, job: Job) -> None:
        with self.lock:
            self.items[job.id] = job
            self._refresh()

    def discard(self, job: Job) -> None:
        with self.lock:
            self.items.pop(job.id, None)
        job.stop()

    def get(self, job_id: str) -> Job | None:
        with self.lock:
            self._refresh()
            return self.items.get(job_id)

    def _refresh(self) -> None:
        """Start queued jobs, oldest first, while fewer than `parallel` run."""
        running = sum(1 for j in self.items.values() if j.process is not None and j.process.poll() is None)
        for job in self.items.values():
            if running >= self.parallel:
                break
            if job.process is None:
                job.start(**self.start_options)
                running += 1

    def close(self) -> None:
        with self.lock:
            jobs, self.items = list(self.items.values()), OrderedDict()
        for job in jobs:
            job.stop()
