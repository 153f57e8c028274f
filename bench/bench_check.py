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
5. with `--real`: whole-process throughput on long real text. The English sub-output passages of
   the shared UN INFO export (../shared/realdata/uninfo-dev.jsonl.gz, de-duplicated, one
   paragraph each) are written to a temporary text file (never committed); then, alternately,
   a new process runs a bare `spacy.blank("en")` tokenizer over its paragraphs (CPU seconds of
   the pass, spaCy already imported: the tokenizer's best case) and a new process runs
   `alignment check FILE --format json` (CPU seconds of the whole process: start-up, reading,
   analysis, report). The ratio is tokenizer CPU / check CPU: 1.0 would be a whole check as
   fast as tokenizing the text alone.
Usage: python bench/bench_check.py [DOCUMENT] [--warmup OTHER] [--repeat 3] [--pages 100]
       python bench/bench_check.py --real [--repeat 3]
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
    from alignment.pipeline import load_document
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


REAL = Path(__file__).resolve().parent.parent.parent / "shared" / "realdata" / "uninfo-dev.jsonl.gz"


def build_real_text(folder: Path) -> Path:
    """The English passages of the shared UN INFO export, one paragraph each, in a temp file."""
    from alignment.language import line_language
    from alignment.realtext import iter_rows, passage_text

    seen, paras = set(), []
    for row in iter_rows(REAL):
        text = passage_text(row)
        if text in seen or len(text.split()) < 12:
            continue
        seen.add(text)
        if line_language(text) == "en":
            paras.append(text)
    path = folder / "real-en.txt"
    path.write_text("\n\n".join(paras) + "\n", encoding="utf-8")
    return path


def tokenizer_child(path: str) -> None:
    import spacy

    paras = [p for p in Path(path).read_text(encoding="utf-8").split("\n\n") if p.strip()]
    nlp = spacy.blank("en")
    t0 = time.process_time()
    tokens = sum(len(d) for d in nlp.tokenizer.pipe(paras))
    print(json.dumps({"tokens": tokens, "cpu": time.process_time() - t0, "words": sum(len(p.split()) for p in paras)}))


def check_cpu(path: Path) -> tuple[float, float, float]:
    """(CPU seconds, wall seconds, peak RSS MB) of `alignment check` in a new process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "alignment", "check", str(path), "--format", "json",
                             "-o", os.devnull])
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        raise SystemExit(f"check failed: {status}")
    return usage.ru_utime + usage.ru_stime, time.perf_counter() - t0, usage.ru_maxrss / 1024


def real(repeat: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = build_real_text(Path(tmp))
        rows = []
        for _ in range(repeat):
            out = subprocess.run([sys.executable, __file__, str(path), "--tokenizer-child"],
                                 check=True, capture_output=True, text=True)
            tok = json.loads(out.stdout.strip().splitlines()[-1])
            cpu, wall, rss = check_cpu(path)
            rows.append((tok, cpu, wall, rss))
        med = statistics.median
        tok = rows[0][0]
        print(json.dumps({
            "text": "English UN INFO passages", "paragraphs_words": tok["words"], "tokens": tok["tokens"],
            "megabytes": round(path.stat().st_size / 1e6, 2),
            "bare_tokenizer_cpu_s": round(med(r[0]["cpu"] for r in rows), 2),
            "bare_tokenizer_tokens_per_s": round(med(r[0]["tokens"] / r[0]["cpu"] for r in rows)),
            "check_process_cpu_s": round(med(r[1] for r in rows), 2),
            "check_process_wall_s": round(med(r[2] for r in rows), 2),
            "check_peak_rss_mb": round(med(r[3] for r in rows)),
            "check_tokens_per_cpu_s": round(med(r[0]["tokens"] / r[1] for r in rows)),
            "ratio_to_bare_tokenizer": round(med(r[0]["cpu"] / r[1] for r in rows), 3),
            "ratios": [round(r[0]["cpu"] / r[1], 3) for r in rows],
        }, indent=2))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("document", nargs="?", default=DEFAULT)
    ap.add_argument("--warmup", default=WARMUP)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--pages", type=int, default=100)
    ap.add_argument("--real", action="store_true", help="whole-process throughput on long real text")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--tokenizer-child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.tokenizer_child:
        tokenizer_child(args.document)
        return
    if args.real:
        real(args.repeat)
        return
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
