"""Compare, second half: DWCP units x framework units -> evidence, verdicts, carriers, reasons.

Input: the units of units.py, both documents and their findings, the compare settings.
Output: the parts of a `Comparison` (model.py) for one DWCP unit: the evidence per topic
(kept in the framework's results chain, or lost and where the framework has it instead), the
verdict, the framework outcomes that carry it with their match score, and the reasons in words.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from .. import taxonomy
from ..constituents import analyse as analyse_constituents
from ..document import Document
from ..findings import Finding
from ..packs import Pack
from ..results import Report
from ..schema import CompareSettings
from ..snippet import snippet
from .model import Carrier, FrameworkOnlyTopic, FrameworkOutcome, Quote, TopicEvidence
from .units import Unit, element_label, element_span, framework_units, in_element

_LEVEL_RANK = {"outcome": 0, "output": 1, "suboutput": 2, "indicator": 3}
_WORD = re.compile(r"\w{4,}")


def quote(f: Finding) -> Quote:
    element = f"{f.element} {f.element_number}".strip() if f.element and f.element_number else f.element
    return Quote(page=f.page, quote=snippet(f.sentence, f.trigger, 400), element=element, section=f.section, rule_id=f.rule_id)


def text_similarity(a: str, b: str) -> float:
    """rapidfuzz token-set ratio of the two statements' words of four letters or more."""
    wa = " ".join(sorted(set(_WORD.findall(a.lower()))))
    wb = " ".join(sorted(set(_WORD.findall(b.lower()))))
    return fuzz.token_set_ratio(wa, wb) / 100 if wa and wb else 0.0


def score(u: Unit, o: Unit, s: CompareSettings, same_language: bool) -> tuple[float, list[str], list[str]]:
    """Match score of a DWCP unit with a framework outcome, the topics both have, and the reasons."""
    shared = sorted(set(u.topics) & set(o.topics))
    topic = len(shared) / min(len(u.topics), len(o.topics)) if u.topics and o.topics else 0.0
    union = u.sdg | o.sdg
    sdg = len(u.sdg & o.sdg) / len(union) if union else 0.0
    targets = ", ".join(sorted(t.removeprefix("SDG-") for t in u.sdg & o.sdg)) or "none shared"
    parts = [(s.topic_weight, topic, f"topics {', '.join(shared) or 'none shared'} ({topic:.2f})"),
             (s.sdg_weight, sdg, f"SDG targets {targets} ({sdg:.2f})")]
    if same_language:
        text = text_similarity(u.statement, o.statement)
        parts.insert(1, (s.text_weight, text, f"text similarity {text:.2f}"))
    total = sum(w for w, _, _ in parts) or 1.0
    value = round(sum(w * v for w, v, _ in parts) / total, 3)
    return value, shared, [f"{why} x {w / total:.2f}" for w, _, why in parts]


def is_match(value: float, shared: list[str], s: CompareSettings) -> bool:
    return value >= s.match_threshold and any(t not in s.weak_topics for t in shared)


class FrameworkSide:
    """The framework: its outcome units and every results-chain finding by topic."""

    def __init__(self, doc: Document, report: Report, pack: Pack, s: CompareSettings):
        self.doc, self.pack, self.s = doc, pack, s
        self.units, owner = framework_units(doc, report.findings, pack, s)
        self.by_element = {u.element: u for u in self.units}
        el_of_par = {}
        for i, e in enumerate(doc.elements):
            if e.kind in s.committed_kinds:
                el_of_par.setdefault(e.paragraph, (i, element_span(doc, i)))
        self.chain: dict[str, list[tuple[Finding, int, Unit | None]]] = {}
        self.elsewhere: dict[str, list[Finding]] = {}
        for f in report.findings:
            if not f.topic or f.strength == "absent":
                continue
            i, span = el_of_par.get(f.paragraph, (None, None))
            if i is not None and f.strength == "committed" and in_element(span, f):
                self.chain.setdefault(f.topic, []).append((f, i, self.by_element.get(owner.get(i))))
            else:
                self.elsewhere.setdefault(f.topic, []).append(f)
        cues = pack.content.compare_cues
        self.ilo_names = [n.lower() for n in (cues.ilo if cues else ["ILO"])]
        self.partners = {u.element: self._partners(u) for u in self.units}

    def _partners(self, u: Unit) -> str:
        pars = [self.doc.paragraphs[p] for p in sorted(u.paragraphs(self.doc))]
        return analyse_constituents(self.doc.model_copy(update={"paragraphs": pars}), self.pack).social_partners

    def ilo(self, u: Unit) -> bool:
        names = [a.lower() for a in u.agencies]
        if names:  # "ILO", "ILO (lead)", "International Labour Organization (ILO)"
            return any(re.search(r"\b" + re.escape(n) + r"\b", a) for a in names for n in self.ilo_names)
        words = " ".join(self.doc.paragraphs[p].text for p in u.narrative).lower()
        return any(re.search(r"\b" + re.escape(n) + r"\b", words) for n in self.ilo_names)

    def elsewhere_level(self, topic: str) -> tuple[str, Finding | None, list[Finding]]:
        """Where a topic the results chain lacks appears: the situation analysis (context
        sections) first, else other narrative, hedged or historical statements; and the rest."""
        fs = sorted(self.elsewhere.get(topic, []), key=lambda f: (-f.score, f.paragraph))
        context = [f for f in fs if f.section_category == "context" and not f.element]
        other = [f for f in fs if f not in context]
        if context:
            return "situation_analysis", context[0], other
        if other:
            return "narrative", other[0], other[1:]
        return "absent", None, []


def topic_evidence(u: Unit, fw: FrameworkSide, labels: dict[str, str], scores: dict[int, float]) -> list[TopicEvidence]:
    out = []
    for t in u.topics:
        mine = sorted((f for f in u.findings if f.topic == t), key=lambda f: (f.element is None, -f.score, f.paragraph))
        hits = fw.chain.get(t, [])
        if hits:
            f, i, o = min(hits, key=lambda h: (-scores.get(h[2].element if h[2] else -1, -1.0),
                                                _LEVEL_RANK.get(fw.doc.elements[h[1]].kind, 4),
                                                -h[0].score, h[0].paragraph))
            framework = quote(f).model_copy(update={"element": element_label(fw.doc, i)})
            out.append(TopicEvidence(topic=t, label=labels.get(t, t), kept=True, level=fw.doc.elements[i].kind,
                                     dwcp=quote(mine[0]), framework=framework,
                                     framework_outcome=o.number if o else None))
        else:
            level, f, also = fw.elsewhere_level(t)
            out.append(TopicEvidence(topic=t, label=labels.get(t, t), kept=False, level=level, dwcp=quote(mine[0]),
                                     framework=quote(f) if f else None, also=sorted({g.page for g in also})))
    return out


def verdict(evidence: list[TopicEvidence]) -> str:
    kept = sum(e.kept for e in evidence)
    return "none" if not kept else "full" if kept == len(evidence) else "partial"


def carriers(u: Unit, fw: FrameworkSide, same_language: bool) -> list[Carrier]:
    """Framework outcomes whose results chain carries a topic of the unit, best match first."""
    out = []
    for o in fw.units:
        hits = [h for t in u.topics for h in fw.chain.get(t, []) if h[2] is o]
        if not hits:
            continue
        carried = sorted({h[0].topic for h in hits})
        value, shared, reasons = score(u, o, fw.s, same_language)
        match = is_match(value, shared, fw.s)
        labels = sorted({(fw.doc.elements[i].paragraph, element_label(fw.doc, i) if fw.doc.elements[i].number
                          else f"indicator p. {fw.doc.elements[i].page}") for _, i, _ in hits})
        level = min((fw.doc.elements[i].kind for _, i, _ in hits), key=lambda k: _LEVEL_RANK.get(k, 4))
        why = [f"carries {', '.join(carried)} in its results chain",
               f"match score {value:.2f} ({'at or above' if match else 'below'} {fw.s.match_threshold}"
               + ("" if match or value < fw.s.match_threshold else "; shares only broad topics") + "): "
               + "; ".join(reasons)]
        out.append(Carrier(number=o.number, text=o.text[:400], page=o.page, score=value, topics_shared=carried,
                           elements=[e for _, e in labels], level=level, agencies=o.agencies, ilo=fw.ilo(o),
                           social_partners=fw.partners[o.element], reasons=why))
    return sorted(out, key=lambda c: (-c.score, c.number or ""))


def reasons(u: Unit, evidence: list[TopicEvidence], result: str) -> list[str]:
    if not u.topics:
        return ["no taxonomy topic was found in it, so the framework cannot reflect it"]
    out = [f"topics of the {'priority' if u.kind == 'priority' else 'outcome'}: {', '.join(u.topics)} "
           "(from its statement, outcomes, outputs, indicators and narrative)"]
    if u.secondary:
        out.append(f"not counted: {', '.join(u.secondary)} (secondary theme of another strategic objective)")
    for e in evidence:
        if e.kept:
            under = (f", under outcome {e.framework_outcome}" if e.framework_outcome
                     and not (e.framework.element or "").startswith("outcome") else "")
            out.append(f"{e.topic} kept: framework {e.framework.element} (p. {e.framework.page}){under}")
        elif e.level == "situation_analysis":
            out.append(f"{e.topic} lost: only in the situation analysis (p. {e.framework.page})"
                       + (f" and outside the results chain (narrative, hedged or historical; "
                          f"p. {', '.join(map(str, e.also))})" if e.also else ""))
        elif e.level == "narrative":
            out.append(f"{e.topic} lost: only outside the results chain or hedged (p. {e.framework.page})")
        else:
            out.append(f"{e.topic} lost: not found in the framework")
    out.append(f"verdict {result}: {sum(e.kept for e in evidence)} of {len(evidence)} topics kept")
    return out


def framework_outcome(o: Unit, fw: FrameworkSide, covered_by: list[str]) -> FrameworkOutcome:
    strong = [t for t in o.topics if t in o.in_statement or o.element_counts.get(t, 0) >= fw.s.min_elements]
    why = []
    if strong:
        why.append(f"decent-work outcome: {', '.join(strong)} in its statement or in at least "
                   f"{fw.s.min_elements} of its elements")
    elif o.topics:
        why.append(f"{', '.join(o.topics)} only in one output or indicator: not counted as a decent-work outcome")
    if covered_by:
        why.append("carries DWCP priorit" + ("y " if len(covered_by) == 1 else "ies ") + ", ".join(covered_by))
    elif strong:
        why.append(f"no DWCP priority shares a specific topic with it at a match score of {fw.s.match_threshold} "
                   "or more: framework-only")
    return FrameworkOutcome(number=o.number, text=o.text[:400], page=o.page, topics=o.topics, agencies=o.agencies,
                            ilo=fw.ilo(o), decent_work=bool(strong), covered_by=covered_by, reasons=why)


def framework_only_topics(fw: FrameworkSide, dwcp_topics: set[str], labels: dict[str, str]) -> list[FrameworkOnlyTopic]:
    """Specific decent-work topics of the framework's results chain that no DWCP priority has:
    stated in an outcome or output, or in `min_elements` elements of the chain."""
    out = []
    for topic in sorted(fw.chain):
        if topic in dwcp_topics or topic in fw.s.weak_topics or not taxonomy.objective_topic(topic):
            continue
        hits = fw.chain[topic]
        kinds = {fw.doc.elements[i].kind for _, i, _ in hits}
        elements = sorted({i for _, i, _ in hits})
        if not kinds & {"outcome", "output"} and len(elements) < fw.s.min_elements:
            continue
        best = min(hits, key=lambda h: (_LEVEL_RANK.get(fw.doc.elements[h[1]].kind, 3), -h[0].score, h[0].paragraph))
        outcome = next((o.number for _, _, o in hits if o is not None), None)
        out.append(FrameworkOnlyTopic(topic=topic, label=labels.get(topic, topic), outcome=outcome,
                                      elements=[element_label(fw.doc, i) for i in elements],
                                      quote=quote(best[0]).model_copy(update={"element": element_label(fw.doc, best[1])})))
    return out
