"""End-to-end speed of `check`, side by side with a bare spacy.blank("en") tokenizer pass.

Measures, on this machine, each figure the median of `--repeat` fresh processes:
1. tokens per CPU second of a bare `spacy.blank("en")` tokenizer over the paragraphs of a long document
   the pipeline has not seen ("cold", as when a user checks a new document), and again on a
   second pass over the same text ("warm": spaCy's tokenizer cache and vocabulary are filled);
2. tokens per CPU second of the whole analysis (match, context, score, constituents, standards, SDGs) over
   the same paragraphs, already read, with the rules engine built and warmed up on another
   document ("cold"), and on a second pass ("warm");
3. the CPU time to read, normalise and structure the file;
4. wall time of `alignment check FILE --format json` as a user runs it: a new process,
   including start-up, reading and writing the report (with the lemma cache already built),
   on DOCUMENT and on a PDF of `--pages` pages (100) built from the Kandara DWCP with
   bench/bench_compare.py's generator (its regional labour-market profiles repeated).
Usage: python bench/bench_check.py [DOCUMENT] [--warmup OTHER] [--repeat 3] [--pages 100]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import importlib.util
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT = "corpora/frameworks/lirona-unsdcf/lirona-unsdcf.pdf"
WARMUP = "corpora/frameworks/kandara-unsdcf/kandara-unsdcf.txt"


def child(path: str, warmup: str) -> dict:
    import spacy

    from alignment.analysis import analyse
    from alignment.load import load_document
    from alignment.packs import load_pack

    cpu0 = os.times()
    doc = load_document(path)
    cpu1 = os.times()
    pack = load_pack(doc.language)
    analyse(load_document(warmup), pack)  # builds and warms the engine on another text
    texts = [p.text for p in doc.paragraphs]
    bare = spacy.blank("en")
    timings = {}
    for label in ("cold", "warm"):
        # CPU time of this process: on a shared machine, time stolen by other work shows
        # in the wall clock, not here
        t0 = time.process_time()
        tokens = sum(len(d) for d in bare.tokenizer.pipe(texts))
        t_tok = time.process_time() - t0
        t0 = time.process_time()
        analyse(doc, pack)
        t_full = time.process_time() - t0
        timings[label] = (tokens / t_tok, tokens / t_full)
    return {"pages": doc.pages, "words": doc.words, "tokens": tokens,
            "read_cpu": (cpu1.user - cpu0.user) + (cpu1.system - cpu0.system),
            "cold": timings["cold"], "warm": timings["warm"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("document", nargs="?", default=DEFAULT)
    ap.add_argument("--warmup", default=WARMUP)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--pages", type=int, default=100)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.document, args.warmup)))
        return
    runs = []
    for _ in range(args.repeat):
        out = subprocess.run([sys.executable, __file__, args.document, "--warmup", args.warmup, "--child"],
                             check=True, capture_output=True, text=True)
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    walls = _walls(args.document, args.repeat)
    with tempfile.TemporaryDirectory() as tmp:
        long_pdf, long_pages = _long_pdf(Path(tmp), args.pages)
        long_walls = _walls(str(long_pdf), args.repeat)
    med = statistics.median
    result = {"document": args.document, "pages": runs[0]["pages"], "words": runs[0]["words"],
              "tokens": runs[0]["tokens"]}
    for label in ("cold", "warm"):
        tok = med(r[label][0] for r in runs)
        full = med(r[label][1] for r in runs)
        result[f"{label}_bare_tokenizer_tokens_per_s"] = round(tok)
        result[f"{label}_analysis_tokens_per_s"] = round(full)
        result[f"{label}_ratio_to_bare_tokenizer"] = round(med(r[label][1] / r[label][0] for r in runs), 3)
    result["read_normalise_structure_cpu_s"] = round(med(r["read_cpu"] for r in runs), 2)
    result["check_wall_s_including_startup"] = round(med(walls), 2)
    result[f"check_wall_s_{long_pages}_page_pdf"] = round(med(long_walls), 2)
    result[f"check_wall_s_{long_pages}_page_pdf_runs"] = [round(w, 2) for w in long_walls]
    print(json.dumps(result, indent=2))


def _walls(path: str, repeat: int) -> list[float]:
    walls = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "alignment", "check", path, "--format", "json",
                        "-o", os.devnull], check=True)
        walls.append(time.perf_counter() - t0)
    return walls


def _long_pdf(folder: Path, pages: int) -> tuple[Path, int]:
    spec = importlib.util.spec_from_file_location("bench_compare", Path(__file__).with_name("bench_compare.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build_dwcp(folder, pages)


if __name__ == "__main__":
    main()
