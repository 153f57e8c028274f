"""Compare, first half: an analysed document -> the units that are matched.

Input: a structured `Document`, its scored findings, the pack's compare settings and cues.
Output: `Unit`s: for a DWCP, one per country priority (its statement and narrative) holding one
per outcome (statement, outputs, indicators, narrative under it); for a framework, one per
outcome (statement, outputs, indicators, and the lines under it such as contributing entities).
Each unit knows its paragraphs, the evidence weight of each taxonomy topic in it, its own
("core") topics and its SDG targets.

Indicators in a results-matrix annex are attached to their outcome by their number ("1.1.2",
"2.1b"), by the label above their table ("Indicators for Outcome 1.1", "... for KND 101"; the
`compare_cues.outcome_reference` rule), or by the structure stage's parent when they stand in the
outcome's own block; otherwise they belong to no outcome (still in the results chain).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import taxonomy
from ..compiled import compile_pack
from ..document import Document
from ..findings import Finding
from ..packs import Pack
from ..schema import CompareSettings
from ..score import sdg_targets

_LEADING_NUMBER = re.compile(r"^(\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)(?:\.?[a-z])?\s")
_LABEL_WORDS = 30
_TITLE_WORDS = 20
_MERGED_TITLE = re.compile(r"^(.{10,200}?[a-z)])\s+(?=[A-Z][a-z]+\s+[a-z])")
_SCAN = 120


@dataclass
class Unit:
    """A DWCP priority or outcome, or a framework outcome, with its evidence."""

    kind: str                      # priority | outcome | framework_outcome
    number: str | None
    text: str
    page: int
    element: int                   # index in Document.elements
    code: str | None = None
    agencies: list[str] = field(default_factory=list)
    elements: list[int] = field(default_factory=list)       # chain elements, the unit's own first
    narrative: list[int] = field(default_factory=list)      # other paragraphs of its block
    findings: list[Finding] = field(default_factory=list)   # positive findings in the unit
    weights: dict[str, float] = field(default_factory=dict)
    element_counts: dict[str, int] = field(default_factory=dict)
    in_statement: set[str] = field(default_factory=set)
    topics: list[str] = field(default_factory=list)         # own (core) topics
    sdg: set[str] = field(default_factory=set)
    statement: str = ""                                      # text compared by rapidfuzz
    children: list["Unit"] = field(default_factory=list)
    secondary: list[str] = field(default_factory=list)      # topics left out by `_focus`

    def paragraphs(self, doc: Document) -> set[int]:
        return set(self.narrative) | {doc.elements[i].paragraph for i in self.elements}


def element_label(doc: Document, i: int) -> str:
    el = doc.elements[i]
    return f"{el.kind} {el.number}" if el.number else el.kind


def _ancestor(doc: Document, i: int, kinds: tuple[str, ...]) -> int | None:
    seen = set()
    while i is not None and i not in seen:
        seen.add(i)
        if doc.elements[i].kind in kinds:
            return i
        i = doc.elements[i].parent
    return None


def _resolve(number: str, by_number: dict[str, int]) -> int | None:
    parts = number.split(".")
    for k in range(len(parts), 0, -1):
        hit = by_number.get(".".join(parts[:k]))
        if hit is not None:
            return hit
    return None


def _block_end(doc: Document, start: int, stops: list[int], element_pars: set[int]) -> int:
    """First paragraph after `start` that ends its block: the next stop, or a heading at the
    level of the section holding `start` or above (headings that are elements, such as a
    'CPO: KND 101' line read as a heading, do not end it)."""
    nxt = min((s for s in stops if s > start), default=len(doc.paragraphs))
    sec = doc.section_of(start)
    level = sec.level if sec else 0
    for s in doc.sections:
        if start < s.first_paragraph < nxt and s.level <= level and s.first_paragraph not in element_pars:
            return s.first_paragraph
    return nxt


def outcome_of_elements(doc: Document, pack: Pack) -> dict[int, int | None]:
    """Each element -> the index of the outcome it belongs to (None when none)."""
    cues = pack.content.compare_cues
    ref = re.compile(cues.outcome_reference, re.IGNORECASE) if cues else None
    outcomes = [i for i, e in enumerate(doc.elements) if e.kind == "outcome"]
    by_number: dict[str, int] = {}
    by_code: dict[str, int] = {}
    for i in outcomes:
        if doc.elements[i].number:
            by_number.setdefault(doc.elements[i].number, i)
        if doc.elements[i].code:
            by_code.setdefault(doc.elements[i].code.replace(" ", ""), i)
    for i, e in enumerate(doc.elements):
        if e.kind == "cpo" and e.code:
            o = _ancestor(doc, i, ("outcome",))
            if o is not None:
                by_code.setdefault(e.code.replace(" ", ""), o)
    structural = {e.paragraph for e in doc.elements if e.kind not in ("indicator", "cpo")}
    heads = {s.first_paragraph for s in doc.sections}
    stops = sorted(e.paragraph for e in doc.elements if e.kind in ("outcome", "priority"))
    element_pars = {e.paragraph for e in doc.elements}
    block_end = {i: _block_end(doc, doc.elements[i].paragraph, stops, element_pars) for i in outcomes}
    out: dict[int, int | None] = {}
    for i, e in enumerate(doc.elements):
        if e.kind == "outcome":
            out[i] = i
            continue
        if e.kind == "priority":
            out[i] = None
            continue
        anc = _ancestor(doc, i, ("outcome",))
        if e.kind != "indicator":
            out[i] = anc
            continue
        m = _LEADING_NUMBER.match(e.text)
        number = e.number or (m.group(1) if m else None)
        hit = _resolve(re.sub(r"\.?[a-z]$", "", number), by_number) if number else None
        if hit is None and ref is not None:
            hit = _label_reference(doc, e.paragraph, ref, by_number, by_code, structural, heads)
        if hit is None and anc is not None:
            hit = anc if e.paragraph < block_end[anc] else None
        out[i] = hit
    return out


def _label_reference(doc: Document, par: int, ref: re.Pattern, by_number: dict[str, int],
                     by_code: dict[str, int], structural: set[int], heads: set[int]) -> int | None:
    for j in range(par - 1, max(-1, par - _SCAN), -1):
        if j in structural:
            return None
        p = doc.paragraphs[j]
        if p.kind != "table_row" and len(p.text.split()) <= _LABEL_WORDS:
            for m in ref.finditer(p.text):
                if m.group("number"):
                    hit = _resolve(m.group("number"), by_number)
                else:
                    hit = by_code.get(m.group("code").replace(" ", "").upper())
                if hit is not None:
                    return hit
        if j in heads or p.kind == "heading":
            return None
    return None


def element_span(doc: Document, i: int) -> tuple[int, int]:
    """Offsets of an element's statement in its paragraph: a PDF paragraph may also hold the
    heading's following text, a table row its baseline and verification cells."""
    el = doc.elements[i]
    text = doc.paragraphs[el.paragraph].text
    k = text.find(el.text[:60]) if el.text else -1
    if k < 0:
        return (0, len(text))
    return (k, k + len(title(doc, i)))


def title(doc: Document, i: int) -> str:
    """An element's statement; for a priority whose heading was merged with the paragraph
    below it (PDF), only the heading."""
    el = doc.elements[i]
    if el.kind == "priority" and len(el.text.split()) > _TITLE_WORDS:
        m = _MERGED_TITLE.match(el.text)
        if m:
            return m.group(1)
    return el.text


def in_element(span: tuple[int, int], f: Finding) -> bool:
    return span[0] <= f.start < span[1]


def near(doc: Document, start: int, end: int, element_pars: set[int], own: set[int], reach: int) -> list[int]:
    """Non-element paragraphs of the block [start, end) that follow one of the unit's own
    elements (or its first paragraph) by at most `reach` paragraphs."""
    out, last_own, gap = [], True, 0
    for par in range(start + 1, end):
        if par in element_pars:
            last_own, gap = par in own, 0
            continue
        gap += 1
        if last_own and gap <= reach:
            out.append(par)
    return out


def _weigh(unit: Unit, doc: Document, by_par: dict[int, list[Finding]], settings: CompareSettings,
           pack: Pack, committed_only: bool) -> None:
    """Topic weights, own topics and SDG targets of a unit. A framework unit counts only
    committed findings in its statements for its topics (its results chain); its narrative
    adds SDG targets."""
    spans = {doc.elements[i].paragraph: element_span(doc, i) for i in unit.elements}
    statement_par = doc.elements[unit.elements[0]].paragraph if unit.elements else None
    seen_elements: dict[str, set[int]] = {}
    triggers: dict[int, dict[str, list[tuple[int, int]]]] = {}  # element paragraph -> topic -> trigger spans
    for par in list(spans) + unit.narrative:
        best: dict[str, float] = {}  # one paragraph counts once per topic, however many rules fire
        for f in by_par.get(par, []):
            if f.strength == "absent":
                continue
            unit.findings.append(f)
            if not taxonomy.objective_topic(f.topic):
                continue
            inside = par in spans and in_element(spans[par], f)
            if committed_only and (f.strength != "committed" or not inside):
                continue
            factor = 1.0 if inside else settings.narrative_factor
            best[f.topic] = max(best.get(f.topic, 0.0), f.score * factor)
            if inside:
                seen_elements.setdefault(f.topic, set()).add(par)
                triggers.setdefault(par, {}).setdefault(f.topic, []).append((f.start, f.end))
                if par == statement_par:
                    unit.in_statement.add(f.topic)
        for t, w in best.items():  # a paragraph about several topics shares its weight among them
            unit.weights[t] = unit.weights.get(t, 0.0) + w / len(best)
    unit.element_counts = {t: len(ps) for t, ps in seen_elements.items()}
    top = max(unit.weights.values(), default=0.0)

    def subordinate(t: str) -> bool:
        """Found only in elements that carry a stronger topic too (the 'conditions of work' of
        an OSH committee's name)."""
        mine = seen_elements.get(t, set())
        return any(mine <= ps for u, ps in seen_elements.items() if u != t and unit.weights[u] > unit.weights[t])

    core = {t for t, w in unit.weights.items() if w > 0 and w >= settings.core_share * top
            and (t in unit.in_statement or (unit.element_counts.get(t, 0) >= settings.min_elements
                                            and not subordinate(t)))}
    specific = core - set(settings.weak_topics)

    def holds_core(t: str) -> bool:
        """In min_elements of its elements its own words hold the words of another core topic,
        not a weak one: the 'programa de primer empleo' (an active labour market programme) of an
        output and of its indicator holds youth employment's 'primer empleo'. It is the term through
        which the unit delivers that topic, however thinly each paragraph's weight is shared among
        the topics the term fires (the reverse of `subordinate`, where a stronger topic's name
        holds the topic's words)."""
        def holds(par: int) -> bool:
            found = triggers.get(par, {})
            return any(a <= ca and ce <= b for a, b in found.get(t, []) for c in specific - {t}
                       for ca, ce in found.get(c, []))
        return sum(holds(par) for par in seen_elements.get(t, ())) >= settings.min_elements

    unit.topics = sorted(core | {t for t in unit.weights if t not in core and holds_core(t)})
    topic_sdg = compile_pack(pack).topic_sdg
    unit.sdg = {s for t in unit.topics for s in topic_sdg.get(t, [])}
    unit.sdg |= {s.id for s in sdg_targets([f for f in unit.findings if f.category.startswith("SDG-")], pack)}
    unit.statement = " ".join(doc.elements[i].text for i in unit.elements
                              if doc.elements[i].kind in ("priority", "outcome", "output"))


def _by_paragraph(findings: list[Finding]) -> dict[int, list[Finding]]:
    out: dict[int, list[Finding]] = {}
    for f in findings:
        out.setdefault(f.paragraph, []).append(f)
    return out


def _code_of(doc: Document, i: int) -> str | None:
    if doc.elements[i].code:
        return doc.elements[i].code
    for e in doc.elements:
        if e.kind == "cpo" and e.parent == i and e.code:
            return e.code
    return None


def dwcp_units(doc: Document, findings: list[Finding], pack: Pack, settings: CompareSettings) -> list[Unit]:
    """One unit per country priority (deduplicated by number), with its outcome units."""
    owner = outcome_of_elements(doc, pack)
    by_par = _by_paragraph(findings)
    pri_idx = [i for i, e in enumerate(doc.elements) if e.kind == "priority" and e.code != "development-objective"]
    element_pars = {e.paragraph for e in doc.elements}
    stops = sorted(doc.elements[i].paragraph for i in pri_idx)
    units: dict[str, Unit] = {}
    order: list[Unit] = []
    unit_of_priority: dict[int, Unit] = {}
    for i in pri_idx:
        el = doc.elements[i]
        key = el.number or f"#{i}"
        u = units.get(key)
        if u is None:
            u = Unit(kind="priority", number=el.number, text=title(doc, i), page=el.page, element=i)
            units[key] = u
            order.append(u)
        u.elements.append(i)
        unit_of_priority[i] = u
    outcome_units: dict[int, Unit] = {}
    for i, e in enumerate(doc.elements):
        if e.kind != "outcome":
            continue
        p = _ancestor(doc, i, ("priority",))
        if p is None or p not in unit_of_priority:
            continue
        ou = Unit(kind="outcome", number=e.number, text=e.text, page=e.page, element=i,
                  code=_code_of(doc, i), elements=[i])
        outcome_units[i] = ou
        unit_of_priority[p].children.append(ou)
    for i, e in enumerate(doc.elements):
        o = owner.get(i)
        if e.kind != "outcome" and o in outcome_units:
            outcome_units[o].elements.append(i)
    # Narrative: the paragraphs of each priority's block go to the priority (before its first
    # outcome) or to the outcome they follow.
    for i in pri_idx:
        u = unit_of_priority[i]
        start = doc.elements[i].paragraph
        end = _block_end(doc, start, stops, element_pars)
        marks = sorted(((doc.elements[ou.element].paragraph, ou) for ou in u.children
                        if start < doc.elements[ou.element].paragraph < end), key=lambda m: m[0])
        own = {doc.elements[k].paragraph for k in u.elements} | \
            {doc.elements[k].paragraph for ou in u.children for k in ou.elements}
        for par in near(doc, start, end, element_pars, own, settings.narrative_reach):
            holder = u
            for mpar, ou in marks:
                if mpar < par:
                    holder = ou
            holder.narrative.append(par)
    for u in order:
        for ou in u.children:
            _weigh(ou, doc, by_par, settings, pack, committed_only=False)
        _weigh(u, doc, by_par, settings, pack, committed_only=False)
        _focus(u)
        own = set(u.topics)
        u.topics = sorted(own.union(*[set(ou.topics) for ou in u.children]))
        u.secondary = sorted({t for ou in u.children for t in ou.secondary} - set(u.topics))
        u.sdg = u.sdg.union(*[ou.sdg for ou in u.children])
        u.statement = " ".join([u.text] + [ou.text for ou in u.children])
        u.findings = u.findings + [f for ou in u.children for f in ou.findings]
    return order


def _focus(u: Unit) -> None:
    """A priority is organised around the objectives of its statement (SO3 for a social
    protection priority): a topic of another objective counts in one of its outcomes only when
    it leads that outcome ("informal economy workers" as a target group of a social security
    outcome is not a topic of the priority). Without a topic in the statement, all count."""
    objectives = {t.split(".")[0] for t in u.in_statement}
    if not objectives:
        return
    for ou in u.children:
        top = max(ou.weights.values(), default=0.0)
        # Leading means ahead of the statement's own objectives: a tie with one of their topics
        # (a target group named in every element beside the topic) does not lead.
        lead = max((w for t, w in ou.weights.items() if t.split(".")[0] in objectives), default=0.0)
        dropped = [t for t in ou.topics if t.split(".")[0] not in objectives
                   and (ou.weights[t] < top or ou.weights[t] <= lead + 1e-9)]
        ou.topics = [t for t in ou.topics if t not in dropped]
        ou.secondary = dropped


def framework_units(doc: Document, findings: list[Finding], pack: Pack,
                    settings: CompareSettings) -> tuple[list[Unit], dict[int, int | None]]:
    """One unit per framework outcome; and each element's outcome (for results-chain evidence)."""
    owner = outcome_of_elements(doc, pack)
    by_par = _by_paragraph(findings)
    element_pars = {e.paragraph for e in doc.elements}
    stops = sorted(e.paragraph for e in doc.elements if e.kind in ("outcome", "priority"))
    units: dict[int, Unit] = {}
    for i, e in enumerate(doc.elements):
        if e.kind == "outcome":
            units[i] = Unit(kind="framework_outcome", number=e.number, text=e.text, page=e.page,
                            element=i, agencies=list(e.agencies), elements=[i])
    for i, e in enumerate(doc.elements):
        o = owner.get(i)
        if e.kind != "outcome" and o in units and e.kind in settings.committed_kinds:
            units[o].elements.append(i)
    for i, u in units.items():
        start = doc.elements[i].paragraph
        end = _block_end(doc, start, stops, element_pars)
        own = {doc.elements[k].paragraph for k in u.elements}
        u.narrative = near(doc, start, end, element_pars, own, settings.narrative_reach)
        _weigh(u, doc, by_par, settings, pack, committed_only=True)
    return list(units.values()), owner
