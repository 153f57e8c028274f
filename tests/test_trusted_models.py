"""The models the pipeline builds without validation (`Paragraph.trusted`, `Finding.trusted`)
hold exactly what validation would accept unchanged: strict validation of their fields passes,
and the validated object equals the trusted one."""

from __future__ import annotations

from pathlib import Path

import pytest

from alignment.analysis import analyse
from alignment.document import Paragraph
from alignment.findings import _GIVEN, Finding
from alignment.pipeline import load_document
from alignment.packs import load_pack

ROOT = Path(__file__).resolve().parent.parent
DOCS = ["corpora/frameworks/lirona-unsdcf/lirona-unsdcf.txt",
        "corpora/frameworks/kaldor-unsdcf-fr/kaldor-unsdcf-fr.pdf"]


@pytest.mark.parametrize("name", DOCS)
def test_trusted_equal_validated(name):
    doc = load_document(str(ROOT / name))
    for p in doc.paragraphs:
        assert Paragraph.model_validate(p.__dict__, strict=True) == p
    report = analyse(doc, load_pack(doc.language), max_findings=None)
    assert report.findings
    for f in report.findings:
        given = {k: getattr(f, k) for k in _GIVEN}
        validated = Finding.model_validate(given, strict=True)
        assert validated.model_dump(exclude={"modifiers", "score", "strength"}) == \
            f.model_dump(exclude={"modifiers", "score", "strength"})
        assert validated.model_fields_set == f.model_fields_set - {"modifiers", "score", "strength"}
