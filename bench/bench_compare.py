"""Wall time of `alignment compare` on a pair of ~100-page documents.

Inputs: the long corpus framework (corpora/frameworks/lirona-unsdcf/lirona-unsdcf.pdf, 80 pages)
and a ~100-page DWCP PDF built here with scripts/build_corpus.py (reportlab) from the Kandara
DWCP: its country priorities, outcomes and outputs unchanged, its country-context chapter
repeated as regional labour-market profiles (with the region's name and figures varied) until
the PDF has about `--pages` pages. Or give `--dwcp FILE --framework FILE`.

Measured: (1) `alignment compare DWCP FRAMEWORK --format json -o /dev/null` as a user runs it
(a new process, start-up and reading included), best and median of `--repeat` runs, against the
target of 5 s; (2) in one process, wall and CPU time of each stage: read + structure of each document,
building the rule engine, analysing both, and the comparison proper (units, matching,
verdicts, summary). Output: JSON on stdout.

Usage: `python bench/bench_compare.py [--pages 100] [--repeat 3] [--dwcp F --framework F]`.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FRAMEWORK = ROOT / "corpora/frameworks/lirona-unsdcf/lirona-unsdcf.pdf"
SEED = ROOT / "corpora/dwcp/kandara-dwcp/kandara-dwcp.md"
REGIONS = ["Northern", "Southern", "Eastern", "Western", "Central", "Coastal", "Highland", "Lakes",
           "Delta", "Savannah", "Border", "Capital", "Plateau", "Valley", "Islands", "Forest"]
TARGET_S = 5.0


def _builder():
    spec = importlib.util.spec_from_file_location("build_corpus", ROOT / "scripts" / "build_corpus.py")
    builder = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = builder
    spec.loader.exec_module(builder)
    return builder


def long_dwcp(seed: str, profiles: int) -> str:
    """The seed DWCP with `profiles` regional profiles (its context chapter, varied) in an annex."""
    start = seed.index("## 1. Country context")
    end = seed.index("## 2. ")
    context = [line for line in seed[start:end].splitlines()[1:] if not line.startswith("#")]
    body = [line for line in context if line.strip()]
    out = [seed.rstrip(), ""]
    for k in range(profiles):
        region = REGIONS[k % len(REGIONS)] + (f" {k // len(REGIONS) + 1}" if k >= len(REGIONS) else "")
        out += [f"## Annex {k + 2}: Labour market profile of the {region} Region", ""]
        for j, para in enumerate(body):
            text = re.sub(r"\bKandara\b", f"the {region} Region", para)
            text = re.sub(r"(\d+(?:\.\d+)?) per cent", lambda m: f"{float(m.group(1)) + (k + j) % 7:.1f} per cent", text)
            out += [text, ""]
    return "\n".join(out) + "\n"


def build_dwcp(folder: Path, pages: int) -> tuple[Path, int]:
    import pypdfium2

    builder = _builder()
    seed = SEED.read_text(encoding="utf-8")
    md = folder / "bench-dwcp" / "bench-dwcp.md"
    md.parent.mkdir(parents=True, exist_ok=True)
    profiles = 30
    for _ in range(4):  # rescale until the PDF has about `pages` pages
        md.write_text(long_dwcp(seed, profiles), encoding="utf-8")
        data = builder.build_pdf(builder.parse(md.read_text(encoding="utf-8"), md.stem))
        got = len(pypdfium2.PdfDocument(data))
        if abs(got - pages) <= max(2, pages // 25):
            break
        profiles = max(1, round(profiles * (pages - 16) / max(1, got - 16)))
    pdf = md.with_suffix(".pdf")
    pdf.write_bytes(data)
    return pdf, got


def wall(dwcp: Path, framework: Path, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "alignment", "compare", str(dwcp), str(framework),
                        "--format", "json", "-o", os.devnull], check=True)
        times.append(time.perf_counter() - t)
    return times


def stages(dwcp: Path, framework: Path) -> dict:
    """Wall and CPU seconds of each stage in one process (CPU time is less sensitive to a
    machine shared with other work)."""
    from alignment.analysis import analyse
    from alignment.compare import compare_documents
    from alignment.pipeline import load_document
    from alignment.match import get_engine
    from alignment.packs import load_pack

    out: dict = {}

    def timed(name, fn):
        w, c = time.perf_counter(), time.process_time()
        value = fn()
        out[name + "_s"] = round(time.perf_counter() - w, 2)
        out[name + "_cpu_s"] = round(time.process_time() - c, 2)
        return value

    d = timed("read_structure_dwcp", lambda: load_document(str(dwcp)))
    f = timed("read_structure_framework", lambda: load_document(str(framework)))
    timed("rule_engine_build", lambda: [get_engine(load_pack(x.language)) for x in (d, f)])
    reports = timed("analyse_both", lambda: (analyse(d, load_pack(d.language)), analyse(f, load_pack(f.language))))
    result = timed("match_and_verdicts", lambda: compare_documents(d, f, reports=reports))
    out.update({"dwcp_pages": d.pages, "dwcp_words": d.words, "framework_pages": f.pages,
                "framework_words": f.words, "verdicts": {p.number: p.verdict for p in result.priorities},
                "framework_only": [o.number for o in result.framework_only]})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dwcp", type=Path)
    parser.add_argument("--framework", type=Path, default=FRAMEWORK)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        dwcp, pages = (args.dwcp, None) if args.dwcp else build_dwcp(Path(tmp), args.pages)
        times = wall(dwcp, args.framework, args.repeat)
        result = {"dwcp": str(args.dwcp or f"generated from {SEED.relative_to(ROOT)}"),
                  "framework": str(args.framework.relative_to(ROOT) if args.framework.is_relative_to(ROOT)
                                   else args.framework),
                  "dwcp_pdf_pages": pages, "cpus": os.cpu_count(),
                  "load_average": [round(x, 2) for x in os.getloadavg()],
                  "wall_s_best": round(min(times), 2), "wall_s_median": round(statistics.median(times), 2),
                  "wall_s_runs": [round(t, 2) for t in times], "target_s": TARGET_S,
                  "within_target": min(times) < TARGET_S}
        result.update(stages(dwcp, args.framework))
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
