"""End-to-end speed of `check`, side by side with a bare spacy.blank("en") tokenizer pass.

Measures, in one run on this machine:
1. tokens/s of a bare `spacy.blank("en")` tokenizer over the text of a long document;
2. tokens/s of the whole analysis (normalise, structure, match, context, score) over the
   same document, already read, after warm-up;
3. wall time of `alignment check <100-page PDF>` as a user runs it (a new process,
   including start-up and reading).
Usage: python bench/bench_check.py [DOCUMENT]   (default: the 80+ page corpus framework)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

DEFAULT = "corpora/frameworks/lirona-unsdcf/lirona-unsdcf.pdf"


def main() -> None:
    path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT
    import spacy

    from alignment.analysis import analyse
    from alignment.load import load_document
    from alignment.packs import load_pack

    doc = load_document(path)
    pack = load_pack(doc.language)
    analyse(doc, pack)  # warm-up: builds the matchers once
    texts = [p.text for p in doc.paragraphs]
    bare = spacy.blank("en")
    t0 = time.perf_counter()
    tokens = sum(len(d) for d in bare.tokenizer.pipe(texts))
    t_tok = time.perf_counter() - t0
    runs = 3
    t0 = time.perf_counter()
    for _ in range(runs):
        analyse(doc, pack)
    t_full = (time.perf_counter() - t0) / runs
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "alignment", "check", path, "--format", "json", "-o", os.devnull], check=True)
    wall = time.perf_counter() - t0
    t0 = time.perf_counter()
    cpu0 = os.times()
    load_document(path)
    cpu1 = os.times()
    read_cpu = (cpu1.user - cpu0.user) + (cpu1.system - cpu0.system)
    result = {
        "document": path, "pages": doc.pages, "words": doc.words, "tokens": tokens,
        "bare_tokenizer_tokens_per_s": round(tokens / t_tok),
        "analysis_tokens_per_s": round(tokens / t_full),
        "ratio_to_bare_tokenizer": round((tokens / t_full) / (tokens / t_tok), 3),
        "read_normalise_structure_cpu_s": round(read_cpu, 2),
        "check_wall_s_including_startup": round(wall, 2),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
