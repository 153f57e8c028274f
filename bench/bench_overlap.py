"""Would reading in a forked child while the parent imports spaCy and builds the engine pay?

An experiment, not the program: `--child` is a prototype of `alignment check FILE --format json`
(same GC thresholds and imports as the command line) that forks before reading. The child
reads, normalises and structures the file and sends the pickled `Document` back through a
pipe; meanwhile the parent imports spaCy and numpy and builds the rule engine of `--language`
(the prototype is told the language; a real design would have the child send the detected
language first). Reading needs no spaCy (`lexicon.murmur64a` hashes line-end words in Python
until spaCy is imported), so the child never imports it; the child checks that. Errors in the
child and `stdin` are not handled: this only measures the time.

The benchmark alternates, `--repeat` times, a new process of `alignment check` and of the
prototype on the generated 100-page PDF (bench_compare.py's generator), prints wall and CPU
seconds of each and checks that the two JSON reports are byte-identical.

Usage: python bench/bench_overlap.py [--repeat 6] [--pages 100] [--language en]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def child(path: str, out: str, language: str) -> None:
    import gc

    gc.set_threshold(100_000, 50, 100)  # as cli.py
    import pickle

    import alignment.cli  # noqa: F401  (the command line's imports)
    from alignment.pipeline import Pipeline
    from alignment.report.formats import render

    pipeline = Pipeline.of()
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        doc = pipeline.load(path)
        assert "spacy" not in sys.modules
        with os.fdopen(w, "wb") as f:
            pickle.dump(doc, f, protocol=pickle.HIGHEST_PROTOCOL)
        os._exit(0)
    os.close(w)
    from alignment import spacy_import

    spacy_import.load()
    import numpy  # noqa: F401

    pipeline.matcher.engine(language)
    with os.fdopen(r, "rb") as f:
        doc = pickle.load(f)
    os.waitpid(pid, 0)
    Path(out).write_text(render(pipeline.analyse(doc), "json"), encoding="utf-8")


def _run(cmd: list[str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--child", nargs=2, metavar=("FILE", "OUT"))
    ap.add_argument("--language", default="en")
    ap.add_argument("--repeat", type=int, default=6)
    ap.add_argument("--pages", type=int, default=100)
    args = ap.parse_args()
    if args.child:
        child(*args.child, args.language)
        return
    with tempfile.TemporaryDirectory() as tmp:
        spec = importlib.util.spec_from_file_location("bench_compare", Path(__file__).with_name("bench_compare.py"))
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        pdf, _ = module.build_dwcp(Path(tmp), args.pages)
        a, b = Path(tmp) / "check.json", Path(tmp) / "overlap.json"
        runs = {"check": [], "overlap": []}
        for _ in range(args.repeat):
            runs["check"].append(_run([sys.executable, "-m", "alignment", "check", str(pdf), "--format", "json",
                                       "-o", str(a)]))
            runs["overlap"].append(_run([sys.executable, __file__, "--child", str(pdf), str(b),
                                         "--language", args.language]))
        identical = a.read_bytes() == b.read_bytes()
    print(f"load average {os.getloadavg()[0]:.2f}, {os.cpu_count()} cores; reports identical: {identical}")
    for name, rs in runs.items():
        walls = sorted(w for w, _ in rs)
        cpus = sorted(c for _, c in rs)
        print(f"{name:8s} wall median {statistics.median(walls):.2f} s (runs {', '.join(f'{w:.2f}' for w in walls)}),"
              f" CPU median {statistics.median(cpus):.2f} s")


if __name__ == "__main__":
    main()
