"""Time and peak memory of `alignment check` as the input grows: the growth curve.

Inputs, built here in a temporary folder: plain text files of `--sizes` MB (1, 10 and 50 by
default) made of the 81-page corpus framework (corpora/frameworks/lirona-unsdcf/lirona-unsdcf.txt)
repeated, a blank line between copies; with `--pdf-pages N`, also a PDF of about N pages built
like bench_check.py's long PDF (bench_compare.py's generator, the Kandara DWCP's regional
profiles repeated; 2,000 pages take a minute or two to build).

Measured for each input: `alignment check FILE --format json -o /dev/null` as a user runs it,
in a new process: wall time, CPU time (user + system: on a shared machine, time stolen by
other work shows in the wall clock, not here) and the process's peak resident memory
(maximum RSS from `wait4`), the median of `--repeat` runs. Output: JSON on stdout.

With `--one-line N`, also a text of N MB with no line break at all (the same text, its lines
joined by spaces): one giant paragraph, which normalise cuts at sentence ends every 20,000
characters (`normalise.MAX_PARAGRAPH`).

Usage: python bench/bench_memory.py [--sizes 1 10 50] [--repeat 1] [--pdf-pages 2000] [--one-line 5]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpora/frameworks/lirona-unsdcf/lirona-unsdcf.txt"
MB = 1024 * 1024


def _repeat(seed: str, megabytes: float, path: Path, end: str = "") -> Path:
    """Write `seed` again and again to `path` until it holds `megabytes`, then `end`."""
    size, unit = int(megabytes * MB), len(seed.encode("utf-8"))
    with path.open("w", encoding="utf-8") as out:
        out.write(seed * -(-size // unit) + end)
    return path


def build_text(folder: Path, megabytes: float) -> Path:
    seed = SEED.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    return _repeat(seed, megabytes, folder / f"check-{megabytes:g}MB.txt")


def build_one_line(folder: Path, megabytes: float) -> Path:
    seed = " ".join(SEED.read_text(encoding="utf-8").split()) + " "
    return _repeat(seed, megabytes, folder / f"check-{megabytes:g}MB-one-line.txt", end="\n")


def build_pdf(folder: Path, pages: int) -> tuple[Path, int]:
    spec = importlib.util.spec_from_file_location("bench_compare", Path(__file__).with_name("bench_compare.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build_dwcp(folder, pages)


def run(path: Path) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS in MB) of one `alignment check` in a new process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "alignment", "check", str(path), "--format", "json",
                             "-o", os.devnull], stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"alignment check {path} exited with {proc.returncode}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # ru_maxrss: KB on Linux


def measure(path: Path, repeat: int) -> dict:
    runs = [run(path) for _ in range(repeat)]
    return {"input": path.name, "size_mb": round(path.stat().st_size / MB, 1),
            "wall_s": round(statistics.median(r[0] for r in runs), 1),
            "cpu_s": round(statistics.median(r[1] for r in runs), 1),
            "peak_rss_mb": round(statistics.median(r[2] for r in runs))}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[1, 10, 50])
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--pdf-pages", type=int, default=0)
    ap.add_argument("--one-line", type=float, default=0, help="also N MB of text on one line")
    args = ap.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            results.append(measure(build_text(Path(tmp), size), args.repeat))
            print(json.dumps(results[-1]), file=sys.stderr)
        if args.one_line:
            results.append(measure(build_one_line(Path(tmp), args.one_line), args.repeat))
            print(json.dumps(results[-1]), file=sys.stderr)
        if args.pdf_pages:
            pdf, pages = build_pdf(Path(tmp), args.pdf_pages)
            results.append(dict(measure(pdf, args.repeat), pages=pages))
            print(json.dumps(results[-1]), file=sys.stderr)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
