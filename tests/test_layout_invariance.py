"""Layout invariance: every corpus document rewritten with only its layout changed (heading
numbering and styles, outcome codes inline or on their own line, indicators as line blocks or
a results table; tests/layout_variants.py) must give the same `check` strengths, the same
`inspect` element counts and, for the DWCP/framework pairs, the same `compare` verdicts as its
source. The formats (PDF, DOCX, TXT, Markdown) are held to the same expectations by
`alignment eval corpora --documents`. A verdict that changes with the layout is a bug."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from alignment.analysis import analyse
from alignment.compare import compare_files
from alignment.pipeline import load_document
from alignment.packs import load_pack

from layout_variants import TRANSFORMS

CORPUS = Path(__file__).resolve().parents[1] / "corpora"
SOURCES = sorted(p for p in CORPUS.glob("*/*/*.md") if p.name != "README.md")
CASES = [(src, name) for src in SOURCES for name, f in TRANSFORMS.items()
         if f(src.read_text(encoding="utf-8")) is not None]
PAIRS = []
for exp in sorted(CORPUS.glob("dwcp/*/expected.yaml")):
    block = (yaml.safe_load(exp.read_text(encoding="utf-8")) or {}).get("compare")
    if block:
        PAIRS.append((exp.parent / f"{exp.parent.name}.md", CORPUS / block["framework"]))


@lru_cache(maxsize=None)
def measure(path: str) -> tuple[tuple, tuple]:
    doc = load_document(path)
    report = analyse(doc, load_pack(doc.language))
    return (tuple(sorted((c, v.strength) for c, v in report.coverage.items())),
            tuple(sorted(Counter(e.kind for e in doc.elements).items())))


def _variant(tmp_path: Path, src: Path, name: str) -> Path:
    path = tmp_path / name / src.name
    path.parent.mkdir(exist_ok=True)
    text = TRANSFORMS[name](src.read_text(encoding="utf-8"))
    assert text is not None and text != src.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    return path


def test_every_document_has_layout_variants():
    assert {src for src, _ in CASES} == set(SOURCES)
    assert {name for _, name in CASES} == set(TRANSFORMS)


@pytest.mark.parametrize("src,name", CASES, ids=[f"{s.stem}-{n}" for s, n in CASES])
def test_check_strengths_and_element_counts_do_not_change(tmp_path, src, name):
    strengths, counts = measure(str(_variant(tmp_path, src, name)))
    want_strengths, want_counts = measure(str(src))
    assert dict(counts) == dict(want_counts)
    assert dict(strengths) == dict(want_strengths)


def _verdicts(c):
    return [(p.number, p.verdict, p.topics_kept, p.topics_lost) for p in c.priorities], \
        sorted(o.number or "" for o in c.framework_only)


@pytest.mark.parametrize("name", list(TRANSFORMS))
@pytest.mark.parametrize("dwcp,framework", PAIRS, ids=[d.stem for d, _ in PAIRS])
def test_compare_verdicts_do_not_change(tmp_path, dwcp, framework, name):
    d_text, f_text = TRANSFORMS[name](dwcp.read_text(encoding="utf-8")), TRANSFORMS[name](framework.read_text(encoding="utf-8"))
    if d_text is None and f_text is None:
        pytest.skip(f"{name} changes neither document")
    d = _variant(tmp_path, dwcp, name) if d_text is not None else dwcp
    f = _variant(tmp_path, framework, name) if f_text is not None else framework
    want = _verdicts(compare_files(str(dwcp), str(framework), parallel=False))
    assert _verdicts(compare_files(str(d), str(f), parallel=False)) == want
