"""All the shared UN INFO exports through `alignment batch`: time, memory, and a bare tokenizer
pass over the same text.

Runs `alignment batch <the 55 exports> -o OUT --workers W -q` as a user would (a new process,
imports and export reading included, a fresh results folder, no cache) while sampling every
worker's memory from /proc (VmHWM: peak resident set, counting pages shared with the parent
after fork; Pss: shared pages divided among the sharers), then times a bare
`spacy.blank(lang)` tokenizer over the text of every plan (the paragraphs the analysis sees) in
this process, and the reading of the exports alone with python-calamine and, for comparison,
openpyxl in read-only mode. Prints one JSON object. Targets (issue 14): all plans in under 30 s
on 2 workers, under 400 MB per worker.

Usage: python bench/bench_uninfo.py [--exports ../shared/realdata/uninfo-xlsx] [--workers 2] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_batch import sampled_batch  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def run_batch(files: list[Path], workers: int, out: Path) -> dict:
    summary, sampler, wall, cpu, order = sampled_batch(files, workers, out)
    pids = order[:workers]  # the workers come first, the workbook writer last
    return {"wall_s": round(wall, 2), "cpu_s": round(cpu, 1), "plans": summary["analysed"],
            "errors": summary["errors"],
            "peak_worker_mb": round(max((sampler.hwm[p] for p in pids), default=0) / 1024),
            "peak_worker_pss_mb": round(max((sampler.pss[p] for p in pids), default=0) / 1024),
            "parent_mb": round(sampler.parent_hwm / 1024)}


def tokenizer_pass(plans_dir: Path) -> dict:
    import resource

    import spacy

    from alignment.pipeline import load_document

    docs = [load_document(str(p)) for p in sorted(plans_dir.glob("*.plan.json"))]
    nlps = {}
    tokens = words = 0
    cpu0 = time.process_time()
    for d in docs:
        nlp = nlps.get(d.language) or nlps.setdefault(d.language, spacy.blank(d.language))
        for doc in nlp.tokenizer.pipe(p.text for p in d.paragraphs):
            tokens += len(doc)
        words += d.words
    cpu = time.process_time() - cpu0
    return {"plans": len(docs), "words": words, "tokens": tokens, "tokenizer_cpu_s": round(cpu, 2),
            "tokenizer_tokens_per_s": round(tokens / cpu) if cpu else None,
            "this_process_peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def reading(files: list[Path]) -> dict:
    from alignment.read.uninfo import Collector

    t0 = time.perf_counter()
    c = Collector()
    for f in files:
        c.add_file(str(f))
    calamine = time.perf_counter() - t0
    out = {"read_and_merge_calamine_s": round(calamine, 2), "plans": len(c.plans),
           "rows": sum(p.rows for p in c.plans.values()),
           "sub_outputs": sum(len(p.sub_outputs) for p in c.plans.values())}
    try:
        import openpyxl
    except ImportError:
        return out
    t0 = time.perf_counter()
    cells = 0
    for f in files:
        wb = openpyxl.load_workbook(f, read_only=True)
        for r in wb.worksheets[0].iter_rows(values_only=True):
            cells += len(r)
        wb.close()
    out["rows_only_openpyxl_read_only_s"] = round(time.perf_counter() - t0, 2)
    t0 = time.perf_counter()
    from python_calamine import CalamineWorkbook
    for f in files:
        wb = CalamineWorkbook.from_path(str(f))
        for r in wb.get_sheet_by_name(wb.sheet_names[0]).iter_rows():
            cells += len(r)
    out["rows_only_calamine_s"] = round(time.perf_counter() - t0, 2)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--exports", default=str(ROOT.parent / "shared" / "realdata" / "uninfo-xlsx"))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    files = sorted(Path(args.exports).glob("*.xlsx"))
    if not files:
        raise SystemExit(f"no exports in {args.exports}")
    runs = []
    with tempfile.TemporaryDirectory(prefix="alignment-bench-") as tmp:
        for i in range(args.runs):
            runs.append(run_batch(files, args.workers, Path(tmp) / f"out{i}"))
        tok = tokenizer_pass(Path(tmp) / "out0" / "plans")
    result = {"exports": len(files), "workers": args.workers, "runs": runs,
              "median_wall_s": statistics.median(r["wall_s"] for r in runs),
              "max_peak_worker_mb": max(r["peak_worker_mb"] for r in runs),
              "max_peak_worker_pss_mb": max(r["peak_worker_pss_mb"] for r in runs),
              **tok, **{f"reading_{k}": v for k, v in reading(files).items()}}
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
