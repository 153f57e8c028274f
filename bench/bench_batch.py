"""Throughput and memory of `alignment batch` with 1 and 2 workers.

Generates N documents from the corpus (copies of its .txt and .md files, each with a unique
line so that no two share a content hash) in a temporary folder, runs
`alignment batch FOLDER -o OUT --workers W -q` as a user would (a new process, start-up
included, a fresh results folder, no cache), and samples every worker's memory from /proc while
it runs: VmHWM (peak resident set, counting the pages a forked worker shares with its parent)
and the peak of Pss (the shared pages divided among the processes sharing them); the process
that writes results.xlsx at the end is reported apart from the workers.
Prints one JSON object: documents per minute for each worker count, the speed-up, peak memory
per worker. Targets (issue 7): speed-up >= 1.7 from 1 to 2 workers, < 400 MB per worker.

Usage: python bench/bench_batch.py [--documents 1000] [--workers 1,2] [--languages en,fr,es]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANG_SUFFIX = {"fr": "-fr", "es": "-es"}


def corpus_files(languages: set[str]) -> list[Path]:
    files = []
    for p in sorted((ROOT / "corpora").glob("*/*/*")):
        if p.suffix not in (".txt", ".md") or p.name == "README.md":
            continue
        lang = next((k for k, s in LANG_SUFFIX.items() if p.stem.endswith(s)), "en")
        if lang in languages:
            files.append(p)
    return files


def generate(folder: Path, n: int, languages: set[str]) -> dict[str, int]:
    sources = corpus_files(languages)
    mix: dict[str, int] = {}
    for i in range(n):
        src = sources[i % len(sources)]
        data = src.read_bytes().rstrip(b"\n") + f"\n\nReference copy {i:05}.\n".encode()
        (folder / f"{i:05}-{src.name}").write_bytes(data)
        mix[src.suffix] = mix.get(src.suffix, 0) + 1
    return mix


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            return [int(x) for x in fh.read().split()]
    except OSError:
        return []


def _kb(path: str, key: str) -> int:
    try:
        with open(path) as fh:
            for line in fh:
                if line.startswith(key):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class Sampler(threading.Thread):
    """Every 0.2 s: VmHWM and Pss of each worker process (the children of the batch process)."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.stop = pid, threading.Event()
        self.hwm: dict[int, int] = {}
        self.pss: dict[int, int] = {}
        self.seen: dict[int, float] = {}  # first seen: the workers come first, the workbook writer last
        self.parent_hwm = 0

    def run(self) -> None:
        while not self.stop.is_set():
            self.parent_hwm = max(self.parent_hwm, _kb(f"/proc/{self.pid}/status", "VmHWM:"))
            for child in _children(self.pid):
                self.seen.setdefault(child, time.monotonic())
                self.hwm[child] = max(self.hwm.get(child, 0), _kb(f"/proc/{child}/status", "VmHWM:"))
                self.pss[child] = max(self.pss.get(child, 0), _kb(f"/proc/{child}/smaps_rollup", "Pss:"))
            time.sleep(0.2)


def sampled_batch(sources: list[Path], workers: int, out: Path):
    """Run `alignment batch SOURCES -o OUT` in a new process while sampling the memory of it and
    its workers: (summary.json, sampler, wall seconds, CPU seconds, pids in order of appearance)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "alignment", "batch", *map(str, sources), "-o", str(out),
                             "--workers", str(workers), "-q"], stderr=subprocess.PIPE, text=True)
    sampler = Sampler(proc.pid)
    sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - t0
    sampler.stop.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        raise SystemExit(f"batch failed ({proc.returncode}): {err}")
    summary = json.loads((out / "summary.json").read_text())
    return summary, sampler, wall, cpu, sorted(sampler.seen, key=sampler.seen.get)


def run(folder: Path, workers: int, scratch: Path) -> dict:
    out = scratch / f"out-{workers}"
    shutil.rmtree(out, ignore_errors=True)
    summary, sampler, wall, cpu, order = sampled_batch([folder], workers, out)
    mb = lambda kb: round(kb / 1024, 1)  # noqa: E731
    workers_pids, writers = order[:workers], order[workers:]
    return {
        "workers": workers, "wall_s": round(wall, 1), "analysed": summary["analysed"],
        # CPU seconds of the batch and its workers / wall: near the worker count when the
        # machine is ours alone, lower when other programs compete for the cores
        "cpu_s": round(cpu, 1), "cores_used": round(cpu / wall, 2),
        "errors": summary["errors"], "documents_per_minute": round(summary["analysed"] / wall * 60, 1),
        "peak_rss_mb_per_worker": [mb(sampler.hwm[p]) for p in workers_pids],
        "peak_pss_mb_per_worker": [mb(sampler.pss[p]) for p in workers_pids],
        "peak_rss_mb_workbook_writer": [mb(sampler.hwm[p]) for p in writers],
        "parent_peak_rss_mb": mb(sampler.parent_hwm),
        "languages": summary["languages"],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--documents", type=int, default=1000)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--languages", default="en,fr,es")
    args = ap.parse_args()
    languages = set(args.languages.split(","))
    scratch = Path(tempfile.mkdtemp(prefix="alignment-bench-"))
    try:
        folder = scratch / "docs"
        folder.mkdir()
        mix = generate(folder, args.documents, languages)
        runs = [run(folder, int(w), scratch) for w in args.workers.split(",")]
        result = {"documents": args.documents, "languages": sorted(languages), "formats": mix,
                  "cores": os.cpu_count(), "runs": runs,
                  "max_rss_of_any_descendant_mb": round(
                      resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)}
        if len(runs) >= 2:
            result["speed_up"] = round(runs[-1]["documents_per_minute"] / runs[0]["documents_per_minute"], 2)
        print(json.dumps(result, indent=2))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
