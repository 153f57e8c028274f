"""Score stage: findings + document -> coverage per category, labour standards, SDG targets,
capacity development and the gaps in plain words.

Input: a `Document`, its findings (with modifiers) and the pack (weights in
`rules/common/scoring.yaml`). Output: the parts of a `Report` that depend on strength.
"""

from __future__ import annotations

import hashlib
import re

from .compiled import compile_pack
from .findings import Finding
from . import regex_cache, taxonomy
from .packs import Pack
from .results import Capdev, CapdevMention, CategoryCoverage, SdgTarget, StandardCited

_SECTION_WORDS = {"context": "the situation analysis", "strategy": "narrative of the strategy",
                  "implementation": "the implementation and partnership sections",
                  "governance": "the governance section", "monitoring": "the monitoring section",
                  "risks": "the risks section", "budget": "the funding section", "annex": "an annex",
                  "front": "the summary or front matter", "other": "other narrative",
                  "results": "the results framework"}


def score_findings(findings: list[Finding], pack: Pack) -> None:
    """Give every finding its score and strength, in place."""
    s = pack.content.scoring
    for f in findings:
        if f.element and f.element in s.element_weights:
            w = s.element_weights[f.element]
        else:
            w = s.section_weights.get(f.section_category or "other", s.section_weights.get("other", 0.4))
        mods = {m.modifier for m in f.modifiers}  # one pass: was `f.has` once per blocker
        for m in mods:
            w *= s.modifier_factors.get(m, 1.0)
        f.score = round(w, 3)
        blocked = any(b in mods for b in s.commitment_blockers)
        if "negated" in mods:
            f.strength = "absent"
        elif f.score >= s.committed_threshold and not blocked:
            f.strength = "committed"
        elif f.score >= s.mentioned_threshold:
            f.strength = "mentioned"
        else:
            f.strength = "absent"


def coverage(findings: list[Finding], pack: Pack, categories: list[str] | None = None) -> dict[str, CategoryCoverage]:
    """Coverage of `categories` (by default the scored ones of the taxonomy: objectives, drivers)."""
    return Tally(pack, categories).add(findings).coverage()


class _Category:
    """What `coverage` needs of one category's findings, gathered one finding at a time."""

    __slots__ = ("findings", "committed", "positive", "score", "top", "topics", "topics_committed",
                 "pages", "negated", "sections", "hedged", "historical")

    def __init__(self) -> None:
        self.findings = 0
        self.committed = False
        self.positive = False
        self.score = 0.0
        self.top: list[tuple] = []  # (rank key, sentence, finding): the best finding of each of
        #                             the best EVIDENCE sentences, best first
        self.topics: set[str] = set()
        self.topics_committed: set[str] = set()
        self.pages: set[int] = set()
        self.negated: Finding | None = None  # the first negated finding
        self.sections: dict[str, list] = {}  # where plain evidence stands -> [count, pages]
        self.hedged: set[int] = set()
        self.historical: set[int] = set()

    def add(self, f: Finding, seq: int) -> None:
        self.findings += 1
        if f.negated and self.negated is None:
            self.negated = f
        if f.strength == "absent":
            return
        if not self.positive or f.score > self.score:
            self.score = f.score
        self.positive = True
        if f.topic:
            self.topics.add(f.topic)
        if f.strength == "committed":
            self.committed = True
            if f.topic:
                self.topics_committed.add(f.topic)
        self.pages.add(f.page)
        hedged, historical = f.has("hedged"), f.has("historical")
        if hedged:
            self.hedged.add(f.page)
        if historical:
            self.historical.add(f.page)
        if not (hedged or historical):
            key = f"{f.element} statements" if f.element else \
                _SECTION_WORDS.get(f.section_category or "other", "other narrative")
            where = self.sections.setdefault(key, [0, set()])
            where[0] += 1
            where[1].add(f.page)
        # Evidence: the EVIDENCE best sentences, each by its best finding. Ranked by score, then
        # page, paragraph, offset, then order of arrival (a stable sort of all the findings).
        rank = (-f.score, f.page, f.paragraph, f.start, seq)
        for i, (r, sentence, _) in enumerate(self.top):
            if sentence == f.sentence:
                if rank < r:
                    del self.top[i]
                    break
                return
        if len(self.top) < EVIDENCE or rank < self.top[-1][0]:
            self.top.append((rank, f.sentence, f))
            self.top.sort(key=lambda t: t[0])
            del self.top[EVIDENCE:]


EVIDENCE = 3
"""Pieces of evidence per category in the report."""
CAPDEV_MENTIONS = 50
"""Capacity-development mentions listed in the report (all of them count for its summary)."""


class Tally:
    """The score stage's totals, gathered over findings given in batches (in document order,
    already scored): coverage per category, capacity development, labour standards and SDG
    targets. What it keeps does not grow with the number of findings (beyond sets of pages and
    of ids): a document of any length is scored batch by batch."""

    def __init__(self, pack: Pack, categories: list[str] | None = None):
        self.pack = pack
        self.categories = {c: _Category() for c in (taxonomy.scored() if categories is None else categories)}
        self.seq = 0
        self.mentions: list[CapdevMention] = []
        self.capdev_committed = False
        self.capdev_constituents: set[str] = set()
        self.capdev_levels: set[str] = set()
        self.capdev_kinds: set[str] = set()
        self.capdev_seen: set[bytes] = set()  # digests of the sentences already counted
        self.instruments: dict[str, list] = {}  # id -> [count, pages, committed, example]
        self.sdg_via: dict[str, set[str]] = {}
        self.sdg_pages: dict[str, set[int]] = {}

    def add(self, findings: list[Finding]) -> "Tally":
        for f in findings:
            self.seq += 1
            cat = self.categories.get(f.category)
            if cat is not None:
                cat.add(f, self.seq)
            if f.category == "CAPDEV" and f.strength != "absent":
                self._capdev(f)
            if f.rule_id.startswith("ils.cite.") and not f.negated:
                inst = self.instruments.setdefault(f.rule_id.removeprefix("ils.cite."),
                                                   [0, set(), False, f.sentence[:300]])
                inst[0] += 1
                inst[1].add(f.page)
                inst[2] = inst[2] or f.strength == "committed"
        for tid, how, page in sdg_sources(findings, self.pack):
            self.sdg_via.setdefault(tid, set()).add(how)
            self.sdg_pages.setdefault(tid, set()).add(page)
        return self

    def coverage(self) -> dict[str, CategoryCoverage]:
        labels = {c.id: c for c in self.pack.content.taxonomy}
        out = {}
        for cat, t in self.categories.items():
            strength = "committed" if t.committed else "mentioned" if t.positive else "absent"
            cdef = labels.get(cat)
            topics = sorted(t.topics)
            all_topics = [x.id for x in cdef.topics] if cdef else []
            out[cat] = CategoryCoverage(
                id=cat, label=cdef.label if cdef else cat, strength=strength,
                score=t.score if t.positive else 0.0, topics=topics,
                topics_committed=sorted(t.topics_committed),
                topics_missing=[x for x in all_topics if x not in topics],
                evidence=[f for _, _, f in t.top], findings=t.findings, pages=sorted(t.pages),
                gap=_gap(cat, cdef.label if cdef else cat, strength, t))
        return out

    def _capdev(self, f: Finding) -> None:
        digest = hashlib.blake2b(f.sentence.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        if digest in self.capdev_seen:
            return
        self.capdev_seen.add(digest)
        cues = compile_pack(self.pack).capdev_cues
        low = f.sentence.lower()
        # once the mentions are listed, a sentence's cues only add to the sets: those already
        # in them are not looked for again (~4,300 sentences of a real text, a few cues found)
        full = len(self.mentions) >= CAPDEV_MENTIONS
        whose = [name for name, keys in cues["whose"]
                 if not (full and name in self.capdev_constituents) and any(k in low for k in keys)]
        levels = [lv for lv, rx in cues["levels"] if not (full and lv in self.capdev_levels) and rx.search(low)]
        kinds = [k for k, rx in cues["kinds"] if not (full and k in self.capdev_kinds) and rx.search(low)]
        self.capdev_committed = self.capdev_committed or f.strength == "committed"
        self.capdev_constituents.update(whose)
        self.capdev_levels.update(levels)
        self.capdev_kinds.update(kinds)
        if len(self.mentions) < CAPDEV_MENTIONS:
            self.mentions.append(CapdevMention(constituents=whose, levels=levels, kinds=kinds,
                                               sentence=f.sentence[:400], page=f.page, strength=f.strength))

    def capdev(self) -> Capdev:
        strength = "committed" if self.capdev_committed else "mentioned" if self.capdev_seen else "absent"
        return Capdev(strength=strength, constituents=sorted(self.capdev_constituents),
                      levels=[lv for lv in ("individual", "organizational", "enabling_environment")
                              if lv in self.capdev_levels],
                      kinds=[k for k in ("technical", "functional") if k in self.capdev_kinds],
                      mentions=list(self.mentions))

    def standards(self) -> list[StandardCited]:
        by_id = {i.id: i for i in self.pack.content.instruments}
        out = []
        for iid in sorted(self.instruments):
            count, pages, committed, example = self.instruments[iid]
            inst = by_id.get(iid)
            out.append(StandardCited(id=iid, title=inst.title if inst else None,
                                     cls=inst.cls if inst else "technical", count=count,
                                     pages=sorted(pages), committed=committed, example=example))
        return out

    def sdg(self) -> list[SdgTarget]:
        def key(t: str):
            goal, _, target = t.removeprefix("SDG-").partition(".")
            return (int(goal), target.zfill(3) if target.isdigit() else "z" + target)
        return [SdgTarget(id=t, via=sorted(self.sdg_via[t]), pages=sorted(self.sdg_pages[t]))
                for t in sorted(self.sdg_via, key=key)]


def _pages(pages: set[int], limit: int = 6) -> str:
    pages = sorted(pages)
    text = ", ".join(str(p) for p in pages[:limit]) + (", ..." if len(pages) > limit else "")
    return ("p. " if len(pages) == 1 else "pp. ") + text


def _gap(cat: str, label: str, strength: str, t: _Category) -> str | None:
    if strength == "committed":
        return None
    head = f"{cat} {label}:"
    if strength == "absent":
        if t.negated is not None:
            f = t.negated
            cue = next((m.cue for m in f.modifiers if m.modifier == "negated"), "")
            return (f"{head} the document says it does not cover it (\"{cue}\", p. {f.page}); "
                    "no other evidence.")
        return f"{head} not found anywhere in the document."
    parts = []
    for where, (_, pages) in sorted(t.sections.items(), key=lambda kv: -kv[1][0]):
        parts.append(f"{where} ({_pages(pages)})")
    if t.hedged:
        parts.append(f"hedged statements ({_pages(t.hedged)})")
    if t.historical:
        parts.append(f"statements about the past ({_pages(t.historical)})")
    return f"{head} no outcome, output or indicator addresses it; it appears only in " + "; ".join(parts) + "."


def standards_cited(findings: list[Finding], pack: Pack) -> list[StandardCited]:
    return Tally(pack).add(findings).standards()


_TARGET = re.compile(r"(\d{1,2})(?:\.(10|[0-9]|[a-d]))?\s*$")


def sdg_sources(findings: list[Finding], pack: Pack, counts=lambda f: f.strength != "absent"):
    """(target or goal id, how, page) of every SDG a finding carries: a cited goal or target, an
    SDG phrase rule, or a taxonomy topic's targets (rules/common/taxonomy.yaml). The one place
    that decides SDGs, for the report and for `eval` alike."""
    topic_sdg = compile_pack(pack).topic_sdg
    for f in findings:
        if not counts(f):
            continue
        if f.category.startswith("SDG-"):
            if f.rule_id.startswith("sdg.cite."):
                m = _TARGET.search(f.trigger)
                goal = f.category
                yield (f"{goal}.{m.group(2)}" if m and m.group(2) else goal), "cited", f.page
            elif f.topic:
                yield f.topic, "phrase", f.page
        elif f.topic in topic_sdg:
            for tid in topic_sdg[f.topic]:
                yield tid, f"topic:{f.topic}", f.page


def sdg_targets(findings: list[Finding], pack: Pack) -> list[SdgTarget]:
    return Tally(pack).add(findings).sdg()


def compile_capdev(content) -> dict:
    """One compiled alternation per capacity level and kind (words matched at a word start), and
    the words naming whose capacity it is (found anywhere in the sentence); built once per pack
    by `compiled.CompiledPack`."""
    rules = content.capdev

    def alt(words: list[str]) -> re.Pattern:
        return regex_cache.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + ")")
    return {
        "levels": [(k, alt(v)) for k, v in rules.levels.items()] if rules else [],
        "kinds": [(k, alt(v)) for k, v in rules.kinds.items()] if rules else [],
        "whose": [(k, tuple(v)) for k, v in rules.whose.items()] if rules else []}


def capdev(findings: list[Finding], pack: Pack) -> Capdev:
    return Tally(pack).add(findings).capdev()
