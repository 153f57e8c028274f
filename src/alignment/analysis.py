"""Match and score a loaded document, as functions: `Document` + `Pack` -> `Report`.

`match_windows` (the match and context stages, a window of paragraphs at a time) and `report`
(the score stage: findings -> `Report`) are what the pipeline's `Matcher` and `Scorer` run;
`check`, `compare`, `appraise` and `batch` reach them through `pipeline.Pipeline.analyse`.
`analyse(document, pack)` is the same composition for a caller that holds a pack of its own
(`explain`-like tools, `expectations`, tests). `paragraph_infos` says where each paragraph
stands (section, section category, element, pages): what the match stage puts on a finding.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from . import __version__, taxonomy
from .constituents import acronyms
from .constituents import analyse as analyse_constituents
from .document import Document
from .findings import Finding
from .match import ParagraphInfo, match_mixed
from .packs import Pack
from .plan_view import plan_view
from .results import DocumentSummary, Report
from .score import Tally, score_findings

MAX_FINDINGS = 10_000
"""Findings listed in a `check` report (the first ones in reading order). Coverage, counts,
capacity development, standards and SDG targets always count every finding; only the list
is cut, and the report's warnings say so."""

WINDOW = 500_000
"""Characters of paragraphs matched at a time: what the match stage holds at once (texts,
spaCy docs, findings) is bounded by this, not by the document."""

# The label of a means-of-verification line, in the three languages of the packs.
_MOV = re.compile(r"^\s*(?:means|sources?) of (?:verification|data)\s*:|^\s*MoV\s*:|"
                  r"^\s*moyens? de v[ée]rification\s*:|^\s*medios? de verificaci[óo]n\s*:", re.IGNORECASE)
_ELEMENT_RANK = {"outcome": 0, "output": 1, "suboutput": 2, "indicator": 3, "priority": 4, "activity": 5,
                 "cpo": 6}


def paragraph_infos(doc: Document) -> list[ParagraphInfo]:
    """Where each paragraph stands: section, section category, structural element, pages."""
    return list(iter_infos(doc))


def iter_infos(doc: Document):
    """`paragraph_infos`, one paragraph at a time."""
    element_of: dict[int, tuple[str, str | None]] = {}
    for el in doc.elements:
        cur = element_of.get(el.paragraph)
        if cur is None or _ELEMENT_RANK[el.kind] < _ELEMENT_RANK[cur[0]]:
            element_of[el.paragraph] = (el.kind, el.number)
    sources: dict[int, list[tuple[int, int]]] = {}
    for el in doc.elements:
        mov = el.means_of_verification
        if el.kind == "indicator" and mov:
            text = doc.paragraphs[el.paragraph].text
            at = text.rfind(mov)
            if at >= 0:
                sources.setdefault(el.paragraph, []).append((at, at + len(mov)))
    for p in doc.paragraphs:  # a paragraph of its own: "Means of verification: Ministry records"
        if _MOV.match(p.text):
            sources.setdefault(p.index, []).append((0, len(p.text)))
    si = 0
    for p in doc.paragraphs:
        while si + 1 < len(doc.sections) and doc.sections[si + 1].first_paragraph <= p.index:
            si += 1
        sec = doc.sections[si] if doc.sections else None
        kind, number = element_of.get(p.index, (None, None))
        yield ParagraphInfo(index=p.index, page=p.page, section=sec.heading if sec else None,
                            section_category=sec.category if sec else None, element=kind,
                            element_number=number, page_at=p.page_at,
                            source_spans=sources.get(p.index, []))


def windows(doc: Document, size: int | None = None):
    """(content texts, infos) of consecutive runs of paragraphs of about `size` characters (at
    least one paragraph each); `size` is `WINDOW` unless given."""
    size = size or WINDOW
    texts: list[str] = []
    infos: list[ParagraphInfo] = []
    length = 0
    for p, info in zip(doc.paragraphs, iter_infos(doc)):
        text = "" if info.section_category == "references" else p.text
        if length and length + len(text) > size:
            yield texts, infos
            texts, infos, length = [], [], 0
        texts.append(text)
        infos.append(info)
        length += len(text) + 1
    if texts:
        yield texts, infos


def analyse(doc: Document, pack: Pack, *, max_findings: int | None = None) -> Report:
    """The report of a loaded document. The paragraphs are matched, scored and tallied a window
    at a time; `max_findings` caps the findings the report lists (None: all of them)."""
    aliases = acronyms(doc, pack)
    return report(doc, pack, aliases, match_windows(doc, pack, aliases), max_findings=max_findings)


def match_windows(doc: Document, pack: Pack, aliases: dict[str, str]) -> Iterator[list[Finding]]:
    """The match stage over a document: the findings (with their context modifiers) of one
    window of paragraphs at a time, matched as the consumer asks for them."""
    for texts, infos in windows(doc):
        yield match_mixed(pack, texts, infos, aliases=aliases)


def report(doc: Document, pack: Pack, aliases: dict[str, str], batches: Iterable[list[Finding]], *,
           max_findings: int | None = None) -> Report:
    """The score stage: findings, a window at a time, -> `Report` (scores and strengths given in
    place, coverage, constituents, capacity development, standards, SDG targets, plan view)."""
    tally = Tally(pack, list(taxonomy.scored()))
    findings: list = []
    total = 0
    for batch in batches:
        score_findings(batch, pack)
        tally.add(batch)
        total += len(batch)
        room = len(batch) if max_findings is None else max(0, max_findings - len(findings))
        findings.extend(batch[:room])
    warnings = list(doc.warnings)
    if len(findings) < total:
        warnings.append(f"{total:,} findings; the report lists the first {len(findings):,} "
                        "(coverage, counts, standards and SDG targets count all of them)")
    cov = tally.coverage()
    counts: dict[str, int] = {}
    for el in doc.elements:
        if el.kind == "priority" and el.code == "development-objective":
            counts["development_objective"] = counts.get("development_objective", 0) + 1
            continue
        counts[el.kind] = counts.get(el.kind, 0) + 1
    objectives = [cov[c] for c in taxonomy.objectives()]
    return Report(
        version=__version__, pack=pack.version,
        document=DocumentSummary(path=doc.path, name=doc.name, sha256=doc.sha256, type=doc.type,
                                 type_reasons=doc.type_evidence.reasons, language=doc.language,
                                 pages=doc.pages, words=doc.words, title=doc.title,
                                 warnings=warnings, counts=dict(sorted(counts.items()))),
        coverage=cov,
        objectives_committed=sum(c.strength == "committed" for c in objectives),
        objectives_mentioned=sum(c.strength != "absent" for c in objectives),
        constituents=analyse_constituents(doc, pack, aliases),
        capdev=tally.capdev(),
        standards=tally.standards(),
        sdg=tally.sdg(),
        gaps=[c.gap for c in cov.values() if c.gap],
        plan=plan_view(doc, findings, pack),
        findings=findings)
