"""`compare` run: a DWCP and a Cooperation Framework -> `Comparison` (model.py).

The composition: each file is loaded by the pipeline's stages (`Pipeline.load`: read,
normalise, structure), matched and scored by them (`Pipeline.analyse`: Matcher, Scorer, every
finding kept), and the two `Document`s and `Report`s go to the compare stage
(`compare_documents`: units.py, matching.py, summary.py).

Input: two files (or two loaded `Document`s), each read and analysed with its own language
pack. Output: for each DWCP priority and outcome, which of its taxonomy topics the framework's
results chain keeps and which it loses (with the framework outcomes that carry them, their
contributing UN entities and the social partners in their block), the framework's
decent-work outcomes that no priority carries, the matrix of match scores, and a summary.

Verdicts follow corpora/GUIDE.md: full when every topic of the priority is in a framework
outcome, output or indicator; partial when some are; none when none is. The match score
(topics, rapidfuzz text similarity, shared SDG targets; weights in rules/common/scoring.yaml)
decides which framework outcome carries which priority and which outcomes are framework-only.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from .. import __version__, errors, taxonomy
from ..document import Document
from ..errors import AlignmentError, DocumentKindError, RulePackError
from ..pipeline import Pipeline
from ..match import get_engine
from ..packs import Pack, load_pack
from ..read import DEFAULT_MAX_SIZE
from ..results import Report
from ..schema import CompareSettings
from .matching import (FrameworkSide, carriers, framework_only_topics, framework_outcome, is_match,
                       reasons, score, topic_evidence, verdict)
from .model import Cell, Comparison, DocumentRef, OutcomeComparison, PriorityComparison
from .summary import summarise
from .units import dwcp_units

DOC_KINDS = {"dwcp": "a Decent Work Country Programme", "unsdcf": "a UN Cooperation Framework (UNSDCF/UNDAF)",
             "cca": "a Common Country Analysis", "proposal": "a project proposal", "other": "an unrecognised document"}


def _settings(*packs: Pack) -> CompareSettings:
    """The `compare:` block of rules/common/scoring.yaml (the weights are data, not constants here)."""
    for pack in packs:
        if pack.content.compare is not None:
            return pack.content.compare
    raise RulePackError(None, "no `compare:` settings in the rule pack (rules/common/scoring.yaml)")


def _describe(doc: Document, priorities: int, outcomes: int) -> str:
    return (f"{DOC_KINDS.get(doc.type, doc.type)} ({doc.type}) with {priorities} priorit"
            f"{'y' if priorities == 1 else 'ies'} and {outcomes} outcome{'' if outcomes == 1 else 's'}")


def check_kinds(dwcp: Document, framework: Document) -> None:
    """Raise `DocumentKindError` unless the pair is a DWCP, then a framework."""
    def count(doc: Document, kind: str) -> int:
        return sum(e.kind == kind and e.code != "development-objective" for e in doc.elements)

    dp, do = count(dwcp, "priority"), count(dwcp, "outcome")
    fp, fo = count(framework, "priority"), count(framework, "outcome")
    if dwcp.type in ("unsdcf", "cca") and framework.type == "dwcp":
        raise DocumentKindError(None, f"the files look swapped: {dwcp.name} is {DOC_KINDS[dwcp.type]} and "
                                f"{framework.name} is {DOC_KINDS['dwcp']}; give the DWCP first, then the framework")
    if dwcp.type in ("unsdcf", "cca", "proposal") or not dp:
        raise DocumentKindError(dwcp.path, "expected a Decent Work Country Programme with country priorities, "
                                f"found {_describe(dwcp, dp, do)}")
    if framework.type in ("dwcp", "proposal") or not fo:
        raise DocumentKindError(framework.path, "expected a UN Cooperation Framework (UNSDCF/UNDAF) with "
                                f"outcomes, found {_describe(framework, fp, fo)}")


def _stages(rules_dirs: tuple[str, ...], max_size: int = DEFAULT_MAX_SIZE, plan: str | None = None,
            country: str | None = None) -> Pipeline:
    """The pipeline's stages as compare runs them: every finding kept (units need them all)."""
    return Pipeline.of(rules_dirs=rules_dirs, max_size=max_size, plan=plan, country=country, max_findings=None)


def _load(path: str, max_size: int, rules_dirs: tuple[str, ...], plan: str | None = None,
          country: str | None = None):
    """Read and structure one file; errors travel back as data (they do not pickle)."""
    try:
        return _stages(rules_dirs, max_size, plan, country).load(path), None
    except AlignmentError as exc:
        return None, (type(exc).__name__, exc.path, exc.reason)


def _raise(error: tuple[str, str | None, str]) -> None:
    cls = getattr(errors, error[0], AlignmentError)
    raise cls(error[1], error[2])


def compare_files(dwcp_path: str, framework_path: str, *, rules_dirs: tuple[str, ...] = (),
                  max_size: int = DEFAULT_MAX_SIZE, parallel: bool = True, plan: str | None = None,
                  country: str | None = None) -> Comparison:
    """Compare two files. With `parallel` (fork available, more than one CPU) the framework is
    read in a forked process while this one reads the DWCP and builds the rule engine. `plan`
    and `country` choose the framework's plan when it is a UN INFO export."""
    rules_dirs = tuple(rules_dirs)
    if parallel and (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods():
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as pool:
            future = pool.submit(_load, framework_path, max_size, rules_dirs, plan, country)
            dwcp, derr = _load(dwcp_path, max_size, rules_dirs)
            if dwcp is not None:
                get_engine(load_pack(dwcp.language, rules_dirs))
            framework, ferr = future.result()
    else:
        dwcp, derr = _load(dwcp_path, max_size, rules_dirs)
        framework, ferr = _load(framework_path, max_size, rules_dirs, plan, country)
    for err in (derr, ferr):
        if err:
            _raise(err)
    return compare_documents(dwcp, framework, rules_dirs=rules_dirs)


def compare_documents(dwcp: Document, framework: Document, *, rules_dirs: tuple[str, ...] = (),
                      reports: tuple[Report, Report] | None = None) -> Comparison:
    """Compare two loaded documents (`reports`: their `analyse` results, if already made)."""
    check_kinds(dwcp, framework)
    rules_dirs = tuple(rules_dirs)
    dpack, fpack = load_pack(dwcp.language, rules_dirs), load_pack(framework.language, rules_dirs)
    s = _settings(fpack, dpack)
    stages = _stages(rules_dirs)
    drep, frep = reports or (stages.analyse(dwcp), stages.analyse(framework))
    fw = FrameworkSide(framework, frep, fpack, s)
    labels = {t.id: t.label for c in dpack.content.taxonomy for t in c.topics}
    names = {**labels, **{c.id: c.label for c in dpack.content.taxonomy}}
    same_language = dwcp.language == framework.language
    priorities, matrix = [], []
    covered: dict[int, list[str]] = {}
    dwcp_topics: set[str] = set()
    for u in dwcp_units(dwcp, drep.findings, dpack, s):
        scores = {o.element: score(u, o, s, same_language) for o in fw.units}
        evidence = topic_evidence(u, fw, labels, {k: v[0] for k, v in scores.items()})
        result = verdict(evidence)
        # where the verdict keeps a specific topic of the priority, that outcome carries it,
        # whatever the match score of the two statements
        keeps = {e.framework_outcome for e in evidence if e.kept and e.topic not in s.weak_topics}
        for o in fw.units:
            value, shared, _ = scores[o.element]
            match = is_match(value, shared, s)
            carried_here = sorted(t for t in u.topics if any(h[2] is o for h in fw.chain.get(t, [])))
            matrix.append(Cell(priority=u.number, outcome=o.number, topics_shared=carried_here, score=value,
                               match=match))
            if match or (o.number is not None and o.number in keeps):
                covered.setdefault(o.element, []).append(u.number or u.text[:40])
        dwcp_topics.update(u.topics)
        carried = carriers(u, fw, same_language)
        outcomes = []
        for ou in u.children:
            oev = topic_evidence(ou, fw, labels, {o.element: score(ou, o, s, same_language)[0] for o in fw.units})
            ores = verdict(oev)
            outcomes.append(OutcomeComparison(
                number=ou.number, code=ou.code, text=ou.text[:400], page=ou.page, verdict=ores, topics=ou.topics,
                topics_kept=[e.topic for e in oev if e.kept], topics_lost=[e.topic for e in oev if not e.kept],
                evidence=oev, framework_elements=carriers(ou, fw, same_language), reasons=reasons(ou, oev, ores)))
        priorities.append(PriorityComparison(
            number=u.number, title=u.text[:300], page=u.page, verdict=result, topics=u.topics,
            topics_kept=[e.topic for e in evidence if e.kept], topics_lost=[e.topic for e in evidence if not e.kept],
            lost_only_in_situation_analysis=[e.topic for e in evidence if not e.kept and e.level == "situation_analysis"],
            evidence=evidence, outcomes=outcomes, framework_elements=carried,
            ilo_contributes=any(c.ilo for c in carried) if carried else None,
            social_partners_named=any(c.social_partners != "absent" for c in carried) if carried else None,
            reasons=reasons(u, evidence, result)))
    outcomes = [framework_outcome(o, fw, covered.get(o.element, [])) for o in fw.units]
    only = [o for o in outcomes if o.decent_work and not o.covered_by]
    only_topics = framework_only_topics(fw, dwcp_topics, labels)

    def ref(doc: Document, rep: Report) -> DocumentRef:
        return DocumentRef(path=doc.path, name=doc.name, type=doc.type, language=doc.language, pages=doc.pages,
                           title=doc.title, pack=rep.pack, social_partners=rep.constituents.social_partners,
                           committed=[c for c in taxonomy.scored() if rep.coverage[c].strength == "committed"])

    dref, fref = ref(dwcp, drep), ref(framework, frep)
    counts = {"priorities": len(priorities),
              **{v: sum(p.verdict == v for p in priorities) for v in ("full", "partial", "none")},
              "outcomes": sum(len(p.outcomes) for p in priorities),
              "topics": sum(len(p.topics) for p in priorities),
              "topics_kept": sum(len(p.topics_kept) for p in priorities),
              "topics_lost": sum(len(p.topics_lost) for p in priorities),
              "framework_outcomes": len(outcomes), "decent_work_outcomes": sum(o.decent_work for o in outcomes),
              "framework_only": len(only), "framework_only_topics": len(only_topics)}
    comparison = Comparison(version=__version__, dwcp=dref, framework=fref, settings=s.model_dump(),
                            priorities=priorities, framework_only=only, framework_only_topics=only_topics,
                            framework_outcomes=outcomes, matrix=matrix,
                            categories_lost=[c for c in dref.committed if c not in fref.committed], counts=counts,
                            summary="", warnings=dwcp.warnings + framework.warnings)
    comparison.summary = summarise(comparison, names)
    return comparison
