"""Benchmark of the read stage: pages per second and peak memory, next to a bare spaCy tokenizer.

Input: nothing (a 100-page PDF and the DOCX of the same text are generated with
scripts/build_corpus.py into a temporary folder) or `--pdf FILE --docx FILE`. Output: a small
table on stdout. Each measurement runs in a fresh subprocess, so that its peak resident memory
(`ru_maxrss`) is its own; the memory added by reading is the peak minus the resident size
after the imports.

Rows: PDF as read by default (ruled tables found from PDFium's path objects), PDF with the table
pass switched off (text lines alone), DOCX, and `spacy.blank("en")` tokenizing the text that the PDF
reader returned (tokens/s), for comparison with the later stages.

Usage: `python bench/bench_read.py [--pages 100] [--pdf FILE] [--docx FILE] [--repeat 3]`.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PARAGRAPHS = [
    "Unemployment among young people stands at {n} per cent, and nearly four in five workers "
    "are in the informal economy, with no employment injury or unemployment benefits. The "
    "labour inspectorate counts fewer than sixty inspectors for the whole country.[^{f}]",
    "The Cooperation Framework supports the Government, the employers' and workers' "
    "organizations and civil society in extending social protection to workers in the informal "
    "economy, in line with the Social Protection Floors Recommendation, 2012 (No. 202).",
    "Climate change threatens agricultural livelihoods in the northern provinces, where "
    "droughts have become more frequent; a just transition to environmentally sustainable "
    "economies will create green jobs in renewable energy and sustainable agriculture.",
    "Women's labour force participation is {n} per cent, compared with 71 per cent for men, "
    "and the gender pay gap is estimated at 24 per cent. Occupational safety and health "
    "coverage remains limited outside the formal manufacturing sector.",
]
MATRIX_ROW = ("| {o}.{i}.a Proportion of workers in informal employment, disaggregated by sex, "
              "age group and region, as measured by the labour force survey | {n}% (2023) | "
              "{t}% (2029) | National Bureau of Statistics, labour force survey report |")


def source_markdown(pages: int, sections: int) -> str:
    """Synthetic corpus-style Markdown: `sections` narrative sections and a results matrix of
    about `pages` / 2 rows."""
    out = ["# United Nations Sustainable Development Cooperation Framework for the Republic of "
           "Benchland 2025-2029", ""]
    for s in range(1, sections + 1):
        out += [f"## {s}. Country context and priorities, part {s}", ""]
        for k in range(6):
            out += [PARAGRAPHS[k % 4].format(n=10 + (s + k) % 60, f=s), ""]
        out += [f"Outcome {s}.1: By 2029, more women and young people have decent jobs.", "",
                "- Strengthened labour inspection and social dialogue institutions.",
                "- Extended social protection coverage for informal workers.", ""]
        out += [f"[^{s}]: Labour Force Survey 2023, note {s}.", ""]
    out += ["## Annex 1: Results matrix", "",
            "| Indicator | Baseline | Target | Means of verification |", "|---|---|---|---|"]
    for o in range(1, max(2, pages // 2)):
        out.append(MATRIX_ROW.format(o=o, i=1, n=20 + o % 50, t=30 + o % 50))
    return "\n".join(out) + "\n"


def build_inputs(folder: Path, pages: int) -> tuple[Path, Path]:
    spec = importlib.util.spec_from_file_location("build_corpus",
                                                  ROOT / "scripts" / "build_corpus.py")
    builder = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = builder
    spec.loader.exec_module(builder)
    md = folder / "bench" / "bench.md"
    md.parent.mkdir(parents=True, exist_ok=True)
    import pypdfium2

    sections = pages
    for _ in range(4):  # rescale the number of sections until the PDF has about `pages` pages
        md.write_text(source_markdown(pages, sections), encoding="utf-8")
        src = builder.parse(md.read_text(encoding="utf-8"), md.stem)
        data = builder.build_pdf(src)
        got = len(pypdfium2.PdfDocument(data))
        if abs(got - pages) <= max(1, pages // 50):
            break
        sections = max(1, round(sections * pages / got))
    md.with_suffix(".pdf").write_bytes(data)
    md.with_suffix(".docx").write_bytes(builder.build_docx(src))
    return md.with_suffix(".pdf"), md.with_suffix(".docx")


CHILD = r"""
import json, resource, sys, time
mode, path, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
import alignment.read as read
import alignment.read.pdf, alignment.read.docx, pypdfium2, docx
if mode == "pdf-notables":
    import alignment.read.pdf as pdfmod
    pdfmod._ruled = lambda page: False
rss = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
if mode == "spacy":
    import spacy
    nlp = spacy.blank("en")
    texts = [b.text for b in read.read_document(path).blocks if b.text]
    base = rss()
    best = None
    for _ in range(repeat):
        t = time.perf_counter()
        tokens = sum(len(doc) for doc in nlp.tokenizer.pipe(texts))
        best = min(best or 1e9, time.perf_counter() - t)
    print(json.dumps({"seconds": best, "units": tokens, "base": base, "peak": rss()}))
else:
    base = rss()
    best = None
    for _ in range(repeat):
        t = time.perf_counter()
        doc = read.read_document(path)
        best = min(best or 1e9, time.perf_counter() - t)
    chars = sum(len(b.text) for b in doc.blocks)
    print(json.dumps({"seconds": best, "units": doc.page_count, "blocks": len(doc.blocks),
                      "chars": chars, "base": base, "peak": rss()}))
"""


def measure(mode: str, path: Path, repeat: int) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, mode, str(path), str(repeat)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--pdf", type=Path)
    parser.add_argument("--docx", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        pdf, docx = args.pdf, args.docx
        if pdf is None or docx is None:
            built_pdf, built_docx = build_inputs(Path(tmp), args.pages)
            pdf, docx = pdf or built_pdf, docx or built_docx
        pdf_pages = measure("pdf", pdf, 1)["units"]
        rows = []
        for label, mode, path in (("PDF (default, with tables)", "pdf", pdf),
                                  ("PDF (no table search)", "pdf-notables", pdf),
                                  ("DOCX (same text)", "docx", docx),
                                  ('spacy.blank("en") tokenizer', "spacy", pdf)):
            r = measure(mode, path, args.repeat)
            if mode == "spacy":
                rate = f"{r['units'] / r['seconds']:,.0f} tokens/s"
                size = f"{r['units']:,} tokens"
            elif mode == "docx":
                rate = f"{pdf_pages / r['seconds']:,.0f} page-equiv/s"
                size = f"{pdf_pages} page-equiv"
            else:
                rate = f"{r['units'] / r['seconds']:,.0f} pages/s"
                size = f"{r['units']} pages"
            rows.append((label, size, f"{r['seconds']:.2f}", rate, f"{r['peak']:.0f}",
                         f"{r['peak'] - r['base']:.0f}"))
    header = ("input", "size", "seconds", "rate", "peak MB", "+MB reading")
    widths = [max(len(str(row[i])) for row in rows + [header]) for i in range(len(header))]
    for row in [header] + rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
