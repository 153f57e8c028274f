"""Score stage: findings + document -> coverage per category, labour standards, SDG targets,
capacity development and the gaps in plain words.

Input: a `Document`, its findings (with modifiers) and the pack (weights in
`rules/common/scoring.yaml`). Output: the parts of a `Report` that depend on strength.
"""

from __future__ import annotations

import re

from .document import Document
from .findings import Finding
from .packs import Pack
from .results import Capdev, CapdevMention, CategoryCoverage, SdgTarget, StandardCited

MAIN = ["SO1", "SO2", "SO3", "SO4", "CC-ILS", "CC-SD", "CC-GEN", "CC-ENV"]
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
        for m in {m.modifier for m in f.modifiers}:
            w *= s.modifier_factors.get(m, 1.0)
        f.score = round(w, 3)
        blocked = any(f.has(b) for b in s.commitment_blockers)
        if f.negated:
            f.strength = "absent"
        elif f.score >= s.committed_threshold and not blocked:
            f.strength = "committed"
        elif f.score >= s.mentioned_threshold:
            f.strength = "mentioned"
        else:
            f.strength = "absent"


def coverage(findings: list[Finding], pack: Pack, categories: list[str] = MAIN) -> dict[str, CategoryCoverage]:
    labels = {c.id: c for c in pack.content.taxonomy}
    out = {}
    for cat in categories:
        mine = [f for f in findings if f.category == cat]
        positive = [f for f in mine if f.strength != "absent"]
        committed = [f for f in positive if f.strength == "committed"]
        strength = "committed" if committed else "mentioned" if positive else "absent"
        ranked = sorted(positive, key=lambda f: (-f.score, f.page, f.paragraph, f.start))
        evidence, seen = [], set()
        for f in ranked:
            if f.sentence in seen:
                continue
            seen.add(f.sentence)
            evidence.append(f)
            if len(evidence) == 3:
                break
        cdef = labels.get(cat)
        topics = sorted({f.topic for f in positive if f.topic})
        all_topics = [t.id for t in cdef.topics] if cdef else []
        out[cat] = CategoryCoverage(
            id=cat, label=cdef.label if cdef else cat, strength=strength,
            score=max((f.score for f in positive), default=0.0), topics=topics,
            topics_committed=sorted({f.topic for f in committed if f.topic}),
            topics_missing=[t for t in all_topics if t not in topics], evidence=evidence,
            findings=len(mine), pages=sorted({f.page for f in positive}),
            gap=_gap(cat, cdef.label if cdef else cat, strength, positive, [f for f in mine if f.negated]))
    return out


def _pages(fs: list[Finding], limit: int = 6) -> str:
    pages = sorted({f.page for f in fs})
    text = ", ".join(str(p) for p in pages[:limit]) + (", ..." if len(pages) > limit else "")
    return ("p. " if len(pages) == 1 else "pp. ") + text


def _gap(cat: str, label: str, strength: str, positive: list[Finding], negated: list[Finding]) -> str | None:
    if strength == "committed":
        return None
    head = f"{cat} {label}:"
    if strength == "absent":
        if negated:
            f = negated[0]
            cue = next((m.cue for m in f.modifiers if m.modifier == "negated"), "")
            return (f"{head} the document says it does not cover it (\"{cue}\", p. {f.page}); "
                    "no other evidence.")
        return f"{head} not found anywhere in the document."
    parts = []
    hedged = [f for f in positive if f.has("hedged")]
    hist = [f for f in positive if f.has("historical")]
    plain = [f for f in positive if f not in hedged and f not in hist]
    by_section: dict[str, list[Finding]] = {}
    for f in plain:
        key = _SECTION_WORDS.get(f.section_category or "other", "other narrative")
        if f.element:
            key = f"{f.element} statements"
        by_section.setdefault(key, []).append(f)
    for where, fs in sorted(by_section.items(), key=lambda kv: -len(kv[1])):
        parts.append(f"{where} ({_pages(fs)})")
    if hedged:
        parts.append(f"hedged statements ({_pages(hedged)})")
    if hist:
        parts.append(f"statements about the past ({_pages(hist)})")
    return f"{head} no outcome, output or indicator addresses it; it appears only in " + "; ".join(parts) + "."


def standards_cited(findings: list[Finding], pack: Pack) -> list[StandardCited]:
    by_id = {i.id: i for i in pack.content.instruments}
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        if f.rule_id.startswith("ils.cite.") and not f.negated:
            groups.setdefault(f.rule_id.removeprefix("ils.cite."), []).append(f)
    out = []
    for iid in sorted(groups):
        fs = groups[iid]
        inst = by_id.get(iid)
        out.append(StandardCited(id=iid, title=inst.title if inst else None,
                                 cls=inst.cls if inst else "technical", count=len(fs),
                                 pages=sorted({f.page for f in fs}),
                                 committed=any(f.strength == "committed" for f in fs),
                                 example=fs[0].sentence[:300]))
    return out


_TARGET = re.compile(r"(\d{1,2})(?:\.(10|[0-9]|[a-d]))?\s*$")


def sdg_sources(findings: list[Finding], pack: Pack, counts=lambda f: f.strength != "absent"):
    """(target or goal id, how, page) of every SDG a finding carries: a cited goal or target, an
    SDG phrase rule, or a taxonomy topic's targets (rules/common/taxonomy.yaml). The one place
    that decides SDGs, for the report and for `eval` alike."""
    topic_sdg = {t.id: t.sdg for c in pack.content.taxonomy for t in c.topics}
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
    via: dict[str, set[str]] = {}
    pages: dict[str, set[int]] = {}
    for tid, how, page in sdg_sources(findings, pack):
        via.setdefault(tid, set()).add(how)
        pages.setdefault(tid, set()).add(page)

    def key(t: str):
        goal, _, target = t.removeprefix("SDG-").partition(".")
        return (int(goal), target.zfill(3) if target.isdigit() else "z" + target)
    return [SdgTarget(id=t, via=sorted(via[t]), pages=sorted(pages[t])) for t in sorted(via, key=key)]


_WHOSE = [("ministry", ("ministry", "ministries", "labour administration", "labor administration", "department of labour",
                        "labour department", "labour officers", "labour officials")),
          ("labour inspectorate", ("inspect",)),
          ("employment services", ("employment service", "employment offices", "employment centres", "lmis", "labour market information")),
          ("social security institutions", ("social security", "social insurance", "pension")),
          ("statistics office", ("statistic",)),
          ("employers' organizations", ("employers", "business membership", "bmo", "chamber")),
          ("workers' organizations", ("workers", "trade union", "union", "shop steward")),
          ("tripartite bodies", ("tripartite", "labour council", "advisory board", "social dialogue", "wage board")),
          ("constituents", ("constituents", "social partners")),
          ("labour courts and mediation", ("court", "mediator", "conciliator"))]


_CUES: dict[str, dict] = {}


def _capdev_cues(pack: Pack) -> dict:
    """One compiled alternation per capacity level and kind (words matched at a word start)."""
    if pack.version not in _CUES:
        rules = pack.content.capdev

        def alt(words: list[str]) -> re.Pattern:
            return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + ")")
        _CUES[pack.version] = {
            "levels": [(k, alt(v)) for k, v in rules.levels.items()] if rules else [],
            "kinds": [(k, alt(v)) for k, v in rules.kinds.items()] if rules else []}
    return _CUES[pack.version]


def capdev(findings: list[Finding], pack: Pack) -> Capdev:
    rules = pack.content.capdev
    cues = _capdev_cues(pack)
    mentions, seen = [], set()
    for f in findings:
        if f.category != "CAPDEV" or f.strength == "absent" or f.sentence in seen:
            continue
        seen.add(f.sentence)
        low = f.sentence.lower()
        whose = [name for name, keys in _WHOSE if any(k in low for k in keys)]
        levels = [lv for lv, rx in cues["levels"] if rx.search(low)]
        kinds = [k for k, rx in cues["kinds"] if rx.search(low)]
        mentions.append(CapdevMention(constituents=whose, levels=levels, kinds=kinds,
                                      sentence=f.sentence[:400], page=f.page, strength=f.strength))
    strength = ("committed" if any(m.strength == "committed" for m in mentions)
                else "mentioned" if mentions else "absent")
    return Capdev(strength=strength,
                  constituents=sorted({c for m in mentions for c in m.constituents}),
                  levels=[lv for lv in ("individual", "organizational", "enabling_environment")
                          if any(lv in m.levels for m in mentions)],
                  kinds=[k for k in ("technical", "functional") if any(k in m.kinds for m in mentions)],
                  mentions=mentions[:50])
