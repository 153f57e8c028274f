"""The `check` pipeline: each stage's typed output, and the composition equal to the functions
`compare`, `appraise` and `batch` call."""

import pytest

from alignment.analysis import analyse
from alignment.document import Document, RawDocument
from alignment.load import Normalised
from alignment.packs import load_pack
from alignment.pipeline import Matched, Matcher, Normaliser, Pipeline, Reader, Scorer, Structurer, load_document
from alignment.read import READERS, sniff
from alignment.results import Report

DOC = "corpora/frameworks/lirona-unsdcf/lirona-unsdcf.md"


def test_each_stage_gives_its_type():
    source = Reader().run(DOC)
    assert isinstance(source, RawDocument)
    normalised = Normaliser().run(source)
    assert isinstance(normalised, Normalised) and normalised.paragraphs and normalised.language.value == "en"
    doc = Structurer().run(normalised)
    assert isinstance(doc, Document) and doc.sections
    matched = Matcher().run(doc)
    assert isinstance(matched, Matched) and matched.pack.language == "en"
    report = Scorer(max_findings=None).run(matched)
    assert isinstance(report, Report) and report.findings


def test_pipeline_is_load_then_analyse():
    doc = load_document(DOC)
    want = analyse(doc, load_pack(doc.language), max_findings=None).model_dump()
    assert Pipeline(scorer=Scorer(max_findings=None)).run(DOC).model_dump() == want


@pytest.mark.parametrize("name,head,kind", [("a.pdf", b"%PDF-1.7\n", "pdf"), ("a.md", b"# Title\n", "md"),
                                            ("a.txt", b"Plain text\n", "txt"), ("a.html", b"<html><body>x", "html")])
def test_a_reader_per_sniffed_format(name, head, kind):
    assert sniff(head, name) == kind
    assert set(READERS) == {"pdf", "docx", "html", "md", "txt"}  # every format sniff() names


def test_the_spacy_component_is_the_match_stage_on_the_doc_text():
    import spacy

    text = "The programme does not address child labour, but it will extend social protection."
    nlp = spacy.blank("en")
    nlp.add_pipe("alignment")
    doc = nlp(text)
    want = Matcher().texts("en", [text])
    assert [f.model_dump() for f in doc.user_data["alignment"]] == [f.model_dump() for f in want]
    assert {(s.label_, s.id_) for s in doc.spans["alignment"]} == {(f.category, f.rule_id) for f in want}
    assert any(f.negated for f in want if f.topic == "SO1.CL")  # the context stage ran too


def test_load_document_keeps_the_users_language_and_type():
    doc = load_document(DOC, language="fr", doc_type="dwcp")
    assert doc.language == "fr" and doc.language_evidence.reasons == ["set by the user (fr)"]
    assert doc.type == "dwcp" and doc.type_evidence.reasons[0].startswith("set by the user (--as dwcp); detected:")


def test_the_batch_worker_result_is_the_pipeline_report_compacted_with_the_declared_keys(tmp_path):
    """What crosses the batch boundary: a `WorkerResult` whose result is a typed `DocumentResult`
    made from the pipeline's report (every finding kept); the cache gives back a `StoredResult`
    whose JSON has the facts' keys in order plus the count, and reads back to the same model."""
    from dataclasses import fields

    from alignment.batch.cache import Cache
    from alignment.batch.worker import (DocumentFacts, DocumentResult, Options, StoredResult, WorkerResult,
                                        analyse_file, compact)

    res = analyse_file(DOC, Options())
    assert isinstance(res, WorkerResult) and res.ok and not res.code
    assert isinstance(res.result, DocumentResult)
    report = Pipeline(scorer=Scorer(max_findings=None)).run(DOC)
    assert res.result == compact(report, res.result.text_sha256)
    assert len(res.result.findings) == len(report.findings)
    cache = Cache(str(tmp_path / "cache.sqlite"))
    stored = cache.put(res.result, DOC)
    assert isinstance(stored, StoredResult) and stored.findings_count == len(report.findings)
    keys = [f.name for f in fields(DocumentFacts)]
    assert list(stored.to_json()) == keys + ["findings_count"]
    assert cache.get(res.result.sha256, lambda lang: res.result.pack) == stored
    assert StoredResult.from_json(stored.to_json()) == stored
    bad = analyse_file(str(tmp_path / "missing.pdf"), Options())
    assert not bad.ok and bad.result is None and bad.code and "missing.pdf" not in bad.code
