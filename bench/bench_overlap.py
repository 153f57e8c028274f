"""Does reading in a forked child while the engine starts (`alignment/overlap.py`) pay?

Alternates, `--repeat` times, a new process of `alignment check FILE --format json` with the
overlap off (`ALIGNMENT_OVERLAP=0`: read, then analyse, in one process) and as `check` runs by
default (the overlap on where `overlap.wanted` says so; `=1` with `--force`), on the generated
100-page PDF (bench_compare.py's generator) and, with `--real`, on the 3.3 MB of English UN
INFO passages of `bench_check.py --real`. Prints wall and CPU seconds (the process and its
children) of each, the medians, the load average and the CPUs this process may run on, and
checks that the reports are byte-identical. A bare `spacy.blank("en")` tokenizer pass over the
same text, in a new process, runs in the same loop (CPU seconds of the pass), so the figures
can be put beside it.

Usage: python bench/bench_overlap.py [--repeat 6] [--pages 100] [--real] [--force]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _module(name: str):
    spec = importlib.util.spec_from_file_location(name, HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run(cmd: list[str], env: dict) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, env=env)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _tokenizer_cpu(path: Path) -> float | None:
    """CPU seconds of bench_check.py's bare tokenizer pass over a text file's paragraphs."""
    if path.suffix != ".txt":
        return None
    out = subprocess.run([sys.executable, str(HERE / "bench_check.py"), str(path), "--tokenizer-child"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])["cpu"]


def bench(path: Path, repeat: int, force: bool, tmp: Path) -> None:
    outs = {"off": tmp / "off.json", "on": tmp / "on.json"}
    envs = {"off": {**os.environ, "ALIGNMENT_OVERLAP": "0"}, "on": dict(os.environ)}
    envs["on"].pop("ALIGNMENT_OVERLAP", None)
    if force:
        envs["on"]["ALIGNMENT_OVERLAP"] = "1"
    runs: dict[str, list[tuple[float, float]]] = {"off": [], "on": []}
    bare = []
    loads = []
    for _ in range(repeat):
        for name in ("off", "on"):
            runs[name].append(_run([sys.executable, "-m", "alignment", "check", str(path), "--format", "json",
                                    "-o", str(outs[name])], envs[name]))
        bare.append(_tokenizer_cpu(path))
        loads.append(os.getloadavg()[0])
    identical = outs["off"].read_bytes() == outs["on"].read_bytes()
    print(f"{path.name} ({path.stat().st_size:,} bytes): load average {min(loads):.2f}-{max(loads):.2f}, "
          f"{len(os.sched_getaffinity(0))} CPUs; reports identical: {identical}")
    if bare[0] is not None:
        print(f"  bare tokenizer pass CPU median {statistics.median(bare):.2f} s")
    for name, rs in runs.items():
        walls = sorted(w for w, _ in rs)
        cpus = sorted(c for _, c in rs)
        print(f"  overlap {name:3s}: wall median {statistics.median(walls):.2f} s (runs "
              f"{', '.join(f'{w:.2f}' for w in walls)}), CPU median {statistics.median(cpus):.2f} s")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=6)
    ap.add_argument("--pages", type=int, default=100)
    ap.add_argument("--real", action="store_true", help="also the 3.3 MB of real English text")
    ap.add_argument("--force", action="store_true", help="ALIGNMENT_OVERLAP=1 instead of the default")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        pdf, _ = _module("bench_compare").build_dwcp(tmp, args.pages)
        bench(pdf, args.repeat, args.force, tmp)
        if args.real:
            bench(_module("bench_check").build_real_text(tmp), args.repeat, args.force, tmp)


if __name__ == "__main__":
    main()
