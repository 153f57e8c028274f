"""Appraisal cues: a `Document` + the pack's `appraisal_cues` -> `Hit`s (where a cue matched,
with its sentence, page, section and modifier: found, hedged, negated or historical).

Input: the document's paragraphs and sections, the language pack (cue regexes of
rules/<lang>/appraisal.yaml, and the constituents rules that name the social partners).
Output: a `Text` object the criteria query by cue kind. Nothing here decides a verdict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from ..compiled import compile_pack
from ..constituents import _alternation
from ..document import Document
from ..packs import Pack
from .. import sentences

_NEG_WINDOW = 60
_MODIFIERS = ("negation", "hedge", "historical")


@dataclass(frozen=True)
class Cue:
    id: str
    kind: str
    rx: re.Pattern
    scope: str
    near: re.Pattern | None
    tables: bool
    elements: bool
    self_sufficient: bool


@dataclass
class Hit:
    cue: Cue
    paragraph: int
    sentence: str
    match: str
    page: int
    section: str | None
    status: str = "found"  # found | hedged | negated | historical
    start: int = 0

    @property
    def positive(self) -> bool:
        return self.status in ("found", "hedged")


@dataclass
class Unit:
    """A sentence of a paragraph, with what the criteria need to know about where it stands."""

    paragraph: int
    start: int
    text: str
    section: int | None
    table: bool
    element: str | None = None


def compile_rules(content) -> dict[str, list[Cue]]:
    """A pack's appraisal cues by kind; built once per pack by `compiled.CompiledPack`."""
    by_kind: dict[str, list[Cue]] = {}
    for c in content.appraisal_cues:
        cue = Cue(id=c.id, kind=c.kind, rx=re.compile(c.regex, re.IGNORECASE), scope=c.scope,
                  near=re.compile(c.near, re.IGNORECASE) if c.near else None, tables=c.tables,
                  elements=c.elements, self_sufficient=c.self_sufficient)
        by_kind.setdefault(c.kind, []).append(cue)
    return by_kind


def compiled(pack: Pack) -> dict[str, list[Cue]]:
    return compile_pack(pack).appraisal_cues


@dataclass
class Text:
    """The document as the appraisal reads it: sentences, sections, social-partner names."""

    doc: Document
    pack: Pack
    cues: dict[str, list[Cue]] = field(init=False)

    def __post_init__(self) -> None:
        self.cues = compiled(self.pack)

    # ---- layout -------------------------------------------------------------------------
    @cached_property
    def section_index(self) -> list[int | None]:
        out: list[int | None] = [None] * len(self.doc.paragraphs)
        for s in self.doc.sections:
            for i in range(s.first_paragraph, min(s.last_paragraph, len(out) - 1) + 1):
                out[i] = s.index
        return out

    @cached_property
    def element_kind(self) -> dict[int, str]:
        return {e.paragraph: e.kind for e in self.doc.elements if e.kind != "cpo"}

    @cached_property
    def units(self) -> list[Unit]:
        out = []
        for p in self.doc.paragraphs:
            if p.kind == "heading":
                continue
            for start, end in sentences.spans(p.text, sentences.CAPITAL):
                out.append(Unit(paragraph=p.index, start=start, text=p.text[start:end], section=self.section_index[p.index],
                                table=p.kind == "table_row", element=self.element_kind.get(p.index)))
        return out

    @cached_property
    def by_paragraph(self) -> dict[int, list[Unit]]:
        out: dict[int, list[Unit]] = {}
        for u in self.units:
            out.setdefault(u.paragraph, []).append(u)
        return out

    def heading(self, section: int | None) -> str | None:
        return self.doc.sections[section].heading if section is not None else None

    def sections_where(self, kind: str) -> set[int]:
        """Sections whose heading matches a heading cue of `kind`, with their subsections."""
        rxs = [c.rx for c in self.cues.get(kind, []) if c.scope == "heading"]
        hit = {s.index for s in self.doc.sections if s.level > 0 and any(rx.search(s.heading) for rx in rxs)}
        changed = True
        while changed:
            changed = False
            for s in self.doc.sections:
                if s.parent in hit and s.index not in hit:
                    hit.add(s.index)
                    changed = True
        return hit

    # ---- the social partners ------------------------------------------------------------
    @cached_property
    def sp_patterns(self) -> list[re.Pattern]:
        """Regexes naming employers' or workers' organizations (generic or named), plus the
        acronyms the document defines for the named ones ("... Confederation (KEC)")."""
        rules = self.pack.content.constituents
        pats: list[re.Pattern] = []
        named: list[re.Pattern] = []
        for a in (rules.actors if rules else []):
            if a.actor not in ("employers", "workers", "social_partners"):
                continue
            alt = _alternation(a.generic)
            if alt:
                pats.append(alt)
            named += [re.compile(n) for n in a.named]
        pats += named
        pats += [c.rx for c in self.cues.get("sp_name", [])]
        acronyms = set()
        for p in self.doc.paragraphs:
            for rx in named:
                for m in rx.finditer(p.text):
                    am = re.match(r"\s*\(\s*([A-Z][A-Za-z0-9&-]{1,11})\s*\)", p.text[m.end():])
                    if am and sum(ch.isupper() for ch in am.group(1)) >= 2:
                        acronyms.add(am.group(1))
        if acronyms:
            body = "|".join(re.escape(a) for a in sorted(acronyms, key=len, reverse=True))
            pats.append(re.compile(r"(?<![\w-])(?:" + body + r")(?![\w])"))
        return pats

    def names_partner(self, text: str) -> bool:
        return any(rx.search(text) for rx in self.sp_patterns)

    # ---- matching -----------------------------------------------------------------------
    def _modifier(self, sentence: str, start: int, end: int) -> str:
        """historical, negated (a negation cue within a few words), hedged, or found."""
        if any(c.rx.search(sentence) for c in self.cues.get("historical", [])):
            return "historical"  # about a previous project: neither a plan nor a gap of this one
        for c in self.cues.get("negation", []):
            for m in c.rx.finditer(sentence):
                if m.end() >= start - _NEG_WINDOW and m.start() <= end + _NEG_WINDOW:
                    return "negated"
        if any(c.rx.search(sentence) for c in self.cues.get("hedge", [])):
            return "hedged"
        return "found"

    def find(self, kind: str, *, sections: set[int] | None = None, partner: bool = False,
             units: list[Unit] | None = None, narrative: bool = False) -> list[Hit]:
        """Every match of the cues of `kind` (sentence and paragraph scope), in document order.

        sections: only inside these sections. partner: the paragraph (or, for sentence-scope
        cues, the sentence) must name an employers' or workers' organization unless the cue is
        self-sufficient. narrative: skip table rows and structural elements.
        """
        cues = [c for c in self.cues.get(kind, []) if c.scope != "heading"]
        hits: list[Hit] = []
        if not cues:
            return hits
        paras = self.doc.paragraphs
        tried: set[tuple[str, int]] = set()  # a paragraph-scope cue is tried once per paragraph
        for u in (units if units is not None else self.units):
            if sections is not None and u.section not in sections:
                continue
            for c in cues:
                if (u.table and not c.tables) or (u.element and not c.elements) or \
                        (narrative and (u.table or u.element)):
                    continue
                ptext = paras[u.paragraph].text
                if c.near and not c.near.search(ptext):
                    continue
                if c.scope == "paragraph":
                    if (c.id, u.paragraph) in tried:
                        continue
                    tried.add((c.id, u.paragraph))
                    siblings = self.by_paragraph[u.paragraph]
                    m = c.rx.search(ptext)
                    if not m:
                        continue
                    if partner and not c.self_sufficient and not self.names_partner(ptext):
                        continue
                    sent = next((x for x in reversed(siblings) if x.start <= m.start()), u)
                    s0 = m.start() - sent.start
                    status = self._modifier(sent.text, s0, s0 + len(m.group(0)))
                    hits.append(self._hit(c, sent, m.group(0), status, m.start()))
                else:
                    m = c.rx.search(u.text)
                    if not m:
                        continue
                    if partner and not c.self_sufficient and not self.names_partner(u.text):
                        continue
                    status = self._modifier(u.text, m.start(), m.end())
                    hits.append(self._hit(c, u, m.group(0), status, u.start + m.start()))
        return hits

    def _hit(self, cue: Cue, u: Unit, match: str, status: str, offset: int) -> Hit:
        p = self.doc.paragraphs[u.paragraph]
        return Hit(cue=cue, paragraph=u.paragraph, sentence=u.text, match=match, page=p.page_at(offset),
                   section=self.heading(u.section), status=status, start=offset)

    def headings(self, kind: str, skip: tuple[str, ...] = ()) -> list[Hit]:
        """Section headings matching the heading cues of `kind` (not in sections of a `skip` category)."""
        out = []
        for c in self.cues.get(kind, []):
            if c.scope != "heading":
                continue
            for s in self.doc.sections:
                m = c.rx.search(s.heading) if s.level > 0 and s.category not in skip else None
                if m:
                    out.append(Hit(cue=c, paragraph=s.first_paragraph, sentence=s.heading, match=m.group(0),
                                   page=s.page, section=s.heading))
        return out

    def match_text(self, kind: str, text: str) -> re.Match | None:
        """The first match of a cue of `kind` in a piece of text (an element statement)."""
        for c in self.cues.get(kind, []):
            m = c.rx.search(text)
            if m:
                return m
        return None


_PSEUDO: dict[str, Cue] = {}


def pseudo(rule_id: str, paragraph: int, sentence: str, page: int, section: str | None, match: str = "",
           status: str = "found") -> Hit:
    """A hit that comes from the structure or the check report rather than from a cue."""
    cue = _PSEUDO.setdefault(rule_id, Cue(id=rule_id, kind="derived", rx=re.compile("(?!)"), scope="sentence",
                                          near=None, tables=True, elements=True, self_sufficient=True))
    return Hit(cue=cue, paragraph=paragraph, sentence=sentence, match=match, page=page, section=section,
               status=status)
