"""`appraise`: a project proposal -> `Appraisal` (verdict per criterion, markers, overall).

Input: a `Document` (read, normalised, structured), its check `Report` (coverage, constituents,
standards, SDG targets: the same analysis as `alignment check`), and the pack's appraisal rules
(rules/common/appraisal.yaml: criteria, weights, thresholds, P&B outcomes; rules/<lang>/
appraisal.yaml: cue phrases). Optionally a DWCP to check alignment against. Output: an
`Appraisal` (model.py), the single source of the text, Markdown, HTML, DOCX, JSON and XLSX forms.

The composition (`appraise`): the proposal is loaded, matched and scored by the pipeline's
stages (`Pipeline.load`, `Pipeline.analyse`), as is the DWCP (`load_dwcp`); then
`appraise_document` runs the appraisal stages on the document and its report.

Stages: cues.py (where each cue matches) -> criteria.py, practice.py, rbm.py (computed checks)
-> scoring.py (verdicts, markers, overall).
"""

from __future__ import annotations

from .. import __version__
from ..analysis import analyse
from ..appraisal_ids import appraisal_problems
from ..document import Document
from ..errors import DocumentKindError, RulePackError
from ..pipeline import Pipeline
from ..packs import Pack, load_pack
from ..read import DEFAULT_MAX_SIZE
from ..results import Report
from ..schema import AppraisalRules
from . import criteria as crit
from . import practice
from .criteria import DwcpContext
from .cues import Text
from .model import Appraisal, DwcpLink
from .rbm import results_chain
from .scoring import gender_marker, judge, overall, quote

__all__ = ["appraise", "appraise_document", "load_dwcp", "Appraisal"]

NOT_PROPOSALS = ("unsdcf", "dwcp", "cca")
KIND_NAMES = {"unsdcf": "a UN Cooperation Framework (UNSDCF/UNDAF)", "dwcp": "a Decent Work Country Programme",
              "cca": "a Common Country Analysis", "proposal": "a project proposal", "other": "an unrecognised document"}


def rules_of(pack: Pack) -> AppraisalRules:
    rules = pack.content.appraisal
    if rules is None:
        raise RulePackError(None, "the rule pack has no appraisal checklist (appraisal: in rules/common/appraisal.yaml)")
    problems = [msg for _loc, msg in appraisal_problems(rules)]
    if not pack.content.appraisal_cues:
        problems.append(f"no appraisal cues for language {pack.language} (rules/{pack.language}/appraisal.yaml)")
    if problems:
        raise RulePackError(None, f"{len(problems)} problem(s) in the appraisal rules; first: {problems[0]}", problems)
    return rules


def dwcp_context(doc: Document, report: Report) -> DwcpContext:
    codes = sorted({e.code for e in doc.elements if e.kind == "cpo" and e.code})
    if doc.type != "dwcp" and not codes:
        raise DocumentKindError(doc.path, f"--dwcp needs a Decent Work Country Programme; this looks like "
                                f"{KIND_NAMES.get(doc.type, doc.type)} and names no country programme outcome "
                                "code")
    return DwcpContext(path=doc.path, name=doc.title or doc.name, codes=codes, topics=crit.committed_topics(report))


def load_dwcp(path: str, *, rules_dirs: tuple[str, ...] = (), max_size: int = DEFAULT_MAX_SIZE,
              language: str | None = None, doc_type: str | None = None) -> DwcpContext:
    stages = Pipeline.of(max_size=max_size, rules_dirs=rules_dirs, language=language, doc_type=doc_type,
                         max_findings=None)
    doc = stages.load(path)
    return dwcp_context(doc, stages.analyse(doc))


def appraise_document(doc: Document, pack: Pack, report: Report | None = None,
                      dwcp: DwcpContext | None = None) -> Appraisal:
    rules = rules_of(pack)
    report = report or analyse(doc, pack)
    t = Text(doc, pack)
    defs = {c.id: c for c in rules.criteria}
    n = rules.max_evidence
    computed: dict[str, dict] = {}
    flags: dict[str, list[str]] = {}
    computed["alignment"] = crit.alignment(t, report, rules, dwcp)
    computed["tripartism"], flags["tripartism"] = crit.tripartism(t, report, rules)
    computed["standards"] = crit.standards(t, report, rules)
    computed["gender"], declared = crit.gender(t, report, rules)
    computed["capacity"] = practice.capacity(t, report, rules)
    computed["itcilo"] = practice.itcilo(t, rules)
    chain, computed["rbm"], flags["rbm"] = results_chain(t)
    computed["monitoring"] = practice.monitoring(t, rules)
    computed["risks"] = practice.risks(t, rules)
    computed["sustainability"] = practice.sustainability(t, rules)
    computed["environment"] = practice.environment(t, report, rules)
    rbm_quotes = [quote(h, "rbm") for h in practice.rbm_evidence(t, chain)]
    if dwcp is not None:
        cited = sorted({e.code for e in doc.elements if e.kind == "cpo" and e.code})
        flags["alignment"] = [f"{code} is cited but is not an outcome of {dwcp.name}" for code in cited
                              if code not in dwcp.codes]
    criteria = [judge(defs[cid], computed[cid], n, flags.get(cid), rbm_quotes if cid == "rbm" else None)
                for cid in (c.id for c in rules.criteria)]
    verdict, share, fixes = overall(rules, criteria)
    link = None
    if dwcp is not None:
        cited = sorted({e.code for e in doc.elements if e.kind == "cpo" and e.code})
        link = DwcpLink(path=dwcp.path, name=dwcp.name, codes=dwcp.codes,
                        matched_codes=[c for c in cited if c in dwcp.codes],
                        unknown_codes=[c for c in cited if c not in dwcp.codes],
                        shared_topics=sorted(crit.committed_topics(report) & dwcp.topics))
    warnings = list(doc.warnings)
    if doc.type != "proposal":
        warnings.append(f"the document does not read as a project proposal (type: {doc.type}); "
                        "verdicts may not apply")
    return Appraisal(version=__version__, pack=pack.version, document=report.document, dwcp=link,
                     criteria=criteria, gender_marker=gender_marker(rules, computed["gender"], declared),
                     overall=verdict, overall_score=share, top_fixes=fixes, results_chain=chain, warnings=warnings)


def appraise(path: str, *, dwcp: str | DwcpContext | None = None, rules_dirs: tuple[str, ...] = (),
             max_size: int = DEFAULT_MAX_SIZE, language: str | None = None,
             stdin: bytes | None = None, doc_type: str | None = None) -> Appraisal:
    """Appraise one proposal file (optionally against a DWCP file). `doc_type` ("proposal"):
    the user's word that it is one, whatever the detected type."""
    stages = Pipeline.of(max_size=max_size, rules_dirs=rules_dirs, language=language, stdin=stdin,
                         doc_type=doc_type, max_findings=None)
    doc = stages.load(path)
    if doc.type in NOT_PROPOSALS:
        raise DocumentKindError(path, f"this reads as {KIND_NAMES[doc.type]}, not a project proposal; "
                                "to appraise it anyway, add --as proposal")
    ctx = load_dwcp(dwcp, rules_dirs=rules_dirs, max_size=max_size) if isinstance(dwcp, str) else dwcp
    pack = load_pack(doc.language, tuple(rules_dirs))
    rules_of(pack)  # a broken appraisal checklist is reported before the document is analysed
    return appraise_document(doc, pack, stages.analyse(doc), dwcp=ctx)
