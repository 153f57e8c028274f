"""Measure layout invariance: for every corpus document, the layout-only variants of
tests/layout_variants.py against the document's own Markdown source: check strengths, inspect
element counts and (for the DWCP/framework pairs) compare verdicts. Prints a Markdown table.

    python scripts/layout_invariance.py
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from layout_variants import TRANSFORMS  # noqa: E402

from alignment.analysis import analyse  # noqa: E402
from alignment.pipeline import load_document  # noqa: E402
from alignment.packs import load_pack  # noqa: E402


def measure(path: Path) -> tuple[dict[str, str], dict[str, int]]:
    doc = load_document(str(path))
    report = analyse(doc, load_pack(doc.language))
    strengths = {c: v.strength for c, v in report.coverage.items()}
    return strengths, dict(Counter(e.kind for e in doc.elements))


def sources() -> list[Path]:
    return sorted(p for p in ROOT.glob("corpora/*/*/*.md") if p.name != "README.md")


def verdicts(dwcp: Path, framework: Path) -> str:
    from alignment.compare import compare_files

    c = compare_files(str(dwcp), str(framework), parallel=False)
    return " ".join(f"P{p.number} {p.verdict}" for p in c.priorities) + \
        f"; framework-only {', '.join(o.number or '-' for o in c.framework_only) or 'none'}"


def pairs() -> list[tuple[Path, Path]]:
    import yaml

    out = []
    for exp in sorted(ROOT.glob("corpora/dwcp/*/expected.yaml")):
        block = (yaml.safe_load(exp.read_text(encoding="utf-8")) or {}).get("compare")
        if block:
            out.append((exp.parent / f"{exp.parent.name}.md", ROOT / "corpora" / block["framework"]))
    return out


def main() -> int:
    rows, differ = [], 0
    with tempfile.TemporaryDirectory() as tmp:
        for src in sources():
            text = src.read_text(encoding="utf-8")
            base = measure(src)
            for name, transform in TRANSFORMS.items():
                variant = transform(text)
                if variant is None:
                    continue
                path = Path(tmp) / f"{src.stem}.md"
                path.write_text(variant, encoding="utf-8")
                got = measure(path)
                same = got == base
                differ += not same
                counts = " ".join(f"{n} {k}" for k, n in sorted(got[1].items()))
                rows.append(f"| {src.stem} | {name} | {counts} | {'same' if same else 'DIFFERENT'} |")
    print("| document | variant | elements | strengths and counts vs source |\n|---|---|---|---|")
    print("\n".join(rows))
    print(f"\n{len(rows)} variants, {differ} differ\n")
    print("| DWCP | variant | compare verdicts | vs source |\n|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for dwcp, framework in pairs():
            base = verdicts(dwcp, framework)
            print(f"| {dwcp.stem} | source | {base} | |")
            for name, transform in TRANSFORMS.items():
                paths = []
                for src in (dwcp, framework):
                    text = transform(src.read_text(encoding="utf-8"))
                    if text is None:
                        paths.append(src)
                        continue
                    path = Path(tmp) / name / src.name
                    path.parent.mkdir(exist_ok=True)
                    path.write_text(text, encoding="utf-8")
                    paths.append(path)
                if paths == [dwcp, framework]:
                    continue
                got = verdicts(*paths)
                differ += got != base
                print(f"| {dwcp.stem} | {name} | {got} | {'same' if got == base else 'DIFFERENT'} |")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
