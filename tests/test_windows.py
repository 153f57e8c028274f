"""Bounded memory: a document matched and tallied window by window gives the report it gives
in one window; the findings list is capped with a warning while every count stays whole."""

import pytest

from alignment import analysis, constituents
from alignment.analysis import analyse
from alignment.pipeline import load_document
from alignment.normalise import normalise
from alignment.document import Block, RawDocument
from alignment.packs import load_pack

DOCS = ["corpora/frameworks/lirona-unsdcf/lirona-unsdcf.txt",
        "corpora/dwcp/kandara-dwcp/kandara-dwcp.md"]


@pytest.mark.parametrize("path", DOCS)
def test_small_windows_give_the_same_report(path, monkeypatch):
    doc = load_document(path)
    pack = load_pack(doc.language)
    whole = analyse(doc, pack).model_dump()
    monkeypatch.setattr(analysis, "WINDOW", 3_000)
    monkeypatch.setattr(constituents, "WINDOW", 3_000)
    assert len(list(analysis.windows(doc))) > 5
    assert analyse(doc, pack).model_dump() == whole


def test_findings_capped_with_a_warning():
    doc = load_document(DOCS[0])
    pack = load_pack(doc.language)
    full = analyse(doc, pack)
    capped = analyse(doc, pack, max_findings=10)
    assert capped.findings == full.findings[:10]
    assert capped.coverage == full.coverage and capped.sdg == full.sdg
    assert capped.standards == full.standards and capped.capdev == full.capdev
    assert any(f"{len(full.findings):,} findings" in w for w in capped.document.warnings)
    assert not any("findings;" in w for w in full.document.warnings)


def test_offsets_past_16_mb_stay_on_their_page():
    # origins were packed in 24 bits: an offset past 16 MB wrapped into the page number
    raw = RawDocument(path="x.txt", format="txt", sha256="0", page_count=1,
                      blocks=[Block(kind="line", text="Intro.", page=1)])
    from alignment import normalise as norm
    text, origin = norm._clean("Decent work for all.", 1, 17_000_000)
    assert origin[0] >> norm._PAGE == 1 and origin[0] & norm._OFFSET == 17_000_000
    assert normalise(raw)[0].page == 1


def test_clean_collapses_spaces_as_before():
    from alignment.normalise import _clean
    text, origin = _clean("  a  b \u00a0 c  ", 2, 10)
    assert text == "a b c"
    assert [o & ((1 << 40) - 1) for o in origin] == [12, 13, 15, 16, 19]
