"""Matching one paragraph: a tokenized text + its regex, cue and citation hits -> `Finding`s.

Input: the `Engine`, the text's spaCy `Doc`, where it stands (`ParagraphInfo`) and the hits
found over the joined texts. Output: findings, de-duplicated by (rule, span), after the
pseudo-triggers (`unless`), institution names, agenda lists, vetoes (`without_any`) and
co-occurrence windows (`with_any`) have been applied; the `context` stage then gives them
their modifiers. Refused matches go to `suppressed` with the reason.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from .. import context as ctx
from ..findings import Finding
from ..schema import MatchRule
from ..sentences import in_tokens
from .engine import Engine
from .fuzzy import fuzzy_matches


@dataclass
class _RuleRef:
    """The identity of a rule made in code (a citation's CC-ILS and topic findings)."""

    id: str
    category: str
    topic: str | None


@dataclass
class Suppressed:
    rule_id: str
    trigger: str
    reason: str
    paragraph: int


@dataclass
class ParagraphInfo:
    """Where a text stands in its document (all None for a bare passage)."""

    index: int = 0
    page: int = 1
    section: str | None = None
    section_category: str | None = None
    element: str | None = None
    element_number: str | None = None
    page_at: object = None  # callable offset -> page
    source_spans: list = field(default_factory=list)  # (start, end) of means-of-verification text


# A list of the Decent Work Agenda's objectives is generic for the objectives and the drivers
# drawn from them; gender equality or the environment named in it as a cross-cutting
# commitment ("... with gender equality as a cross-cutting commitment") is still a commitment.
_AGENDA_KEEPS = frozenset({"CC-GEN", "CC-ENV"})
_IDX_LENGTH = ["IDX", "LENGTH"]


def match_doc(engine: Engine, doc, text: str, info: ParagraphInfo,
               suppressed: list[Suppressed] | None, rx_hits: list[tuple], ctx_hits: list[tuple],
               citations: list, alias_hits: list[tuple] = (), names: list[tuple[int, int]] = (),
               agenda: list[tuple[int, int]] = (), titles: list[tuple[int, int]] = ()) -> list[Finding]:
    hits = set(engine.lower(doc)) if len(engine.lower) else set()
    if engine.use_lemma:
        hits |= set(engine.lemma(doc))
    by_kind: dict[str, list[tuple[int, int, int]]] = {}
    keys = engine.keys
    for key, start, end in hits:
        kind, idx = keys[key]
        found = by_kind.get(kind)
        if found is None:
            found = by_kind[kind] = []
        found.append((idx, start, end))
    for kind, idx, start, end in alias_hits:
        by_kind.setdefault(kind, []).append((idx, start, end))
    anchored = engine.token_matcher is not None and "anchor" in by_kind
    low = text.lower()
    fuzzy = any(a in low for _, anchors, _ in engine.fuzzy for a in anchors)
    if not (by_kind.get("rule") or anchored or rx_hits or citations or fuzzy):
        return []  # nothing can fire here: skip the sentence split
    # character offsets, without a Token per access: starts and ends in one array call
    offsets = doc.to_array(_IDX_LENGTH)
    tok_starts = offsets[:, 0].tolist()
    tok_ends = (offsets[:, 0] + offsets[:, 1]).tolist()

    def chars(start: int, end: int) -> str:
        return text[tok_starts[start]:tok_ends[end - 1]]

    sents = in_tokens(doc, text, tok_starts, engine.labels)
    sent_starts = [s[0] for s in sents]
    # the sentence of each token (the last sentence that starts at or before it), looked up
    # ~350,000 times in 3 MB of text: a list, not a binary search per call
    owner = [0] * len(doc)
    for s, a in enumerate(sent_starts):
        b = sent_starts[s + 1] if s + 1 < len(sent_starts) else len(doc)
        if b > a:
            owner[a:b] = [s] * (b - a)
    last = len(sent_starts) - 1

    def sent_of(token: int) -> int:
        return owner[token] if 0 <= token < len(owner) else (0 if token < 0 else max(0, last))

    if anchored:
        # token patterns run on the sentences that hold one of their anchors
        rules_at = {idx for idx, _, _ in by_kind["anchor"]}
        gate = engine.gate
        columns = gate.columns(doc) if gate is not None else None
        for s in sorted({sent_of(start) for _, start, _ in by_kind["anchor"]}):
            s0, s1 = sents[s][0], sents[s][1]
            if gate is not None and not gate.admits(columns, s0, s1, rules_at):
                continue  # no match of these rules' patterns can be here
            for key, start, end in engine.token_matcher(doc[s0:s1]):
                kind, idx = engine.keys[key]
                if idx in rules_at:
                    by_kind.setdefault("pattern", []).append((idx, s0 + start, s0 + end))

    raw: list[tuple[int, int, int, str, list[str]]] = []  # rule idx, tok start, tok end, kind, also
    # co-occurring words and vetoes by (rule, sentence), in the order found: a rule looks only
    # at those of its trigger's sentence (a scan of all of them per trigger made one giant
    # paragraph quadratic)
    # Only the rules that fired here ask for theirs: a with_any or without_any word shared by
    # many rules is one hit per rule (~70 % of a real text's phrase hits), most of them of rules
    # with no trigger in the paragraph. Skipping those keeps each list's order.
    fired = {idx for idx, _, _ in by_kind.get("rule", ())}
    fired.update(idx for idx, _, _ in by_kind.get("pattern", ()))
    fired.update(idx for idx, _, _, _ in rx_hits)  # a regex rule's co-occurrence and vetoes too
    withs: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for idx, start, end in by_kind.get("with", ()):
        if idx in fired:
            withs.setdefault((idx, sent_of(start)), []).append((start, end))
    unless: dict[int, list[tuple[int, int]]] = {}
    for idx, start, end in by_kind.get("unless", []):
        unless.setdefault(idx, []).append((start, end))
    not_cues: dict[int, list[tuple[int, int]]] = {}
    for idx, start, end in by_kind.get("withunless", ()):
        if idx in fired:
            not_cues.setdefault(idx, []).append((start, end))
    vetoes: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for idx, start, end in by_kind.get("without", ()):
        if idx in fired:
            vetoes.setdefault((idx, sent_of(start)), []).append((start, end))

    unless_cover = {idx: _Cover(spans) for idx, spans in unless.items()}
    names_cover = _Cover(names) if names else None
    agenda_cover = _Cover(agenda) if agenda else None
    titles_cover = _Cover(titles) if titles else None

    def refused(idx: int, start: int, end: int) -> str | None:
        """Why a match of rule `idx` is not evidence (None: it is)."""
        rule = engine.rules[idx]
        cover = unless_cover.get(idx)
        if cover is not None and cover.covers(start, end):
            return "inside a pseudo-trigger (unless)"
        if titles_cover is not None and titles_cover.covers(tok_starts[start], tok_ends[end - 1]):
            return "inside the title of a project, programme or publication, or the name of the Office's own body"
        if names_cover is not None and not rule.in_names:
            c0, c1 = tok_starts[start], tok_ends[end - 1]
            if names_cover.covers(c0, c1):
                return "inside a name (of an institution, an organization or a unit, or a person's title)"
        if (agenda_cover is not None and rule.category not in _AGENDA_KEEPS
                and agenda_cover.covers(tok_starts[start], tok_ends[end - 1])):
            return "inside a list of the Decent Work Agenda's objectives (a generic mention)"
        if vetoes:
            veto = vetoes.get((idx, sent_of(start)))
            if veto:
                return f"vetoed by '{chars(*veto[0])}' in the sentence (without_any)"
        return None

    def untitled(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The co-occurring words outside a project's title: a title's word is no cue for a
        trigger outside it."""
        if titles_cover is None:
            return spans
        return [(w0, w1) for w0, w1 in spans if not titles_cover.covers(tok_starts[w0], tok_ends[w1 - 1])]

    def company(idx: int, start: int, end: int) -> list[tuple[int, int]]:
        """The rule's co-occurring words within its window of the trigger (or, with
        `with_previous_sentence`, anywhere in the sentence before). A co-occurring word must not be
        the trigger itself (a with_any term that is also one of the rule's phrases must not satisfy
        its own constraint)."""
        rule = engine.rules[idx]
        near = untitled([(w0, w1) for w0, w1 in withs.get((idx, sent_of(start)), [])
                         if (w0, w1) != (start, end) and min(abs(w0 - end), abs(start - w1)) <= rule.window])
        if not near and rule.with_previous_sentence and sent_of(start) > 0:
            near = untitled(withs.get((idx, sent_of(start) - 1), []))
        inside = not_cues.get(idx)
        if inside and near:  # a cue word within one of the rule's with_unless phrases is no cue
            near = [(w0, w1) for w0, w1 in near if not any(w0 < b and a < w1 for a, b in inside)]
        return near

    def cue(idx: int, start: int, end: int) -> list[str] | None:
        """The co-occurring word a match shows (`also`): [] for a rule without `with_any`, None
        when the rule wants one and there is none (the match is no finding)."""
        if not engine.rules[idx].with_any:
            return []
        near = company(idx, start, end)
        return [chars(*near[0])] if near else None

    for kind in ("rule", "pattern"):
        for idx, start, end in sorted(by_kind.get(kind, [])):
            why = refused(idx, start, end)
            if why:
                if suppressed is not None:
                    suppressed.append(Suppressed(engine.rules[idx].id, chars(start, end), why, info.index))
                continue
            also = cue(idx, start, end)
            if also is None:
                continue
            raw.append((idx, start, end, "phrase" if kind == "rule" else "pattern", also))
    for idx, c0, c1, _ in rx_hits:
        span = doc.char_span(c0, c1, alignment_mode="expand")
        if span is not None and len(span):
            why = refused(idx, span.start, span.end)
            if why:
                if suppressed is not None:
                    suppressed.append(Suppressed(engine.rules[idx].id, span.text, why, info.index))
                continue
            also = cue(idx, span.start, span.end)
            if also is None:
                continue
            raw.append((idx, span.start, span.end, "regex", also))
    if fuzzy:
        raw.extend(fuzzy_matches(engine, doc, low, sents, {r[0] for r in raw}))
    findings: list[ctx.Located] = []
    seen = set()
    for idx, start, end, kind, also in raw:
        rule = engine.rules[idx]
        key = (rule.id, start, end)
        if key in seen:
            continue
        seen.add(key)
        findings.append(_finding(engine, tok_starts, tok_ends, text, info, sents, sent_of(start), rule,
                                 kind, start, end, also))
    for cit in citations:
        span = doc.char_span(cit.start, cit.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        for rule_id, category, topic, kind in cit.findings():
            findings.append(_finding(engine, tok_starts, tok_ends, text, info, sents, sent_of(span.start),
                                     _RuleRef(rule_id, category, topic),
                                     kind, span.start, span.end, []))
    if engine.alongside and findings:
        findings = _with_company(engine, findings, sent_of, suppressed, info.index)
    if not findings:
        return []
    # Context: the cues of each sentence, then the context stage gives the findings modifiers.
    cues_by_sent: dict[int, list[ctx.Cue]] = {}
    for idx, start, end in by_kind.get("ctx", []):
        crule = engine.pack.content.context[idx]
        cues_by_sent.setdefault(sent_of(start), []).append(
            ctx.Cue(crule, start, end, chars(start, end)))
    for j, c0, c1, cue in ctx_hits:
        span = doc.char_span(c0, c1, alignment_mode="expand")
        if span is not None and len(span):
            cues_by_sent.setdefault(sent_of(span.start), []).append(
                ctx.Cue(engine.pack.content.context[j], span.start, span.end, cue))
    ctx.annotate(findings, cues_by_sent, sent_of=sent_of, sents=sents, text=text, tok_starts=tok_starts,
                 tok_ends=tok_ends, doc=doc, terminators=engine.terminators, use_lemma=engine.use_lemma)
    ctx.mark_sources(findings, info.source_spans)
    return [loc.finding for loc in findings]


def _with_company(engine: Engine, findings: list, sent_of, suppressed, index: int) -> list:
    """Drop the findings of rules with `alongside` whose sentence holds no finding of one of the
    categories named there: "social dialogue" as the subject of its sentence is SO4, and it is
    the social-dialogue driver (CC-SD) only where it is part of something else (domain.md)."""
    by_sent: dict[int, set[str]] = {}
    for loc in findings:
        by_sent.setdefault(sent_of(loc.start), set()).add(loc.finding.category)
    kept = []
    for loc in findings:
        company = engine.alongside.get(loc.finding.rule_id)
        if company and not (by_sent[sent_of(loc.start)] & company):
            if suppressed is not None:
                suppressed.append(Suppressed(loc.finding.rule_id, loc.finding.trigger,
                                             "no finding of " + ", ".join(sorted(company))
                                             + " in the sentence (alongside)", index))
            continue
        kept.append(loc)
    return kept


class _Cover:
    """Spans (a, b), asked whether one of them holds (start, end): `a <= start and end <= b`
    for some span, in log time (spans sorted by start, with the largest end so far)."""

    __slots__ = ("starts", "reach")

    def __init__(self, spans):
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.reach, far = [], None
        for _, b in ordered:
            far = b if far is None or b > far else far
            self.reach.append(far)

    def covers(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start)
        return i > 0 and self.reach[i - 1] >= end


def _finding(engine: Engine, tok_starts: list[int], tok_ends: list[int], text: str, info: ParagraphInfo,
             sents, s: int, rule: MatchRule, kind: str, start: int, end: int, also: list[str]) -> ctx.Located:
    c0 = tok_starts[start]
    c1 = tok_ends[end - 1]
    s_c0, s_c1 = sents[s][2], sents[s][3]
    page = info.page_at(c0) if callable(info.page_at) else info.page
    f = Finding.trusted(rule.id, engine.pack_label, kind, rule.category, rule.topic, text[c0:c1], also,
                        info.index, c0, c1, text[s_c0:s_c1].strip(), page, info.section,
                        info.section_category, info.element, info.element_number)
    return ctx.Located(f, start, end)
