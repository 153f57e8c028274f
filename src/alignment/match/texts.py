"""Per-text matching: texts + `Engine` -> `Finding`s, in order.

Input: texts (paragraphs of a `Document`, or gold passages), where each stands
(`ParagraphInfo`) and the acronyms the document defines. Output: findings with their context
modifiers, and the suppressed matches for `explain`. The regexes, names, agenda lists and
citations run once over the joined texts (`regex_scan`); each text is then matched on its own
(`paragraph`).
"""

from __future__ import annotations

import re

from ..findings import Finding
from ..normalise import fold
from ..regex_scan import Joined, Scanner, join
from ..variants import unhyphen
from .engine import Engine
from .paragraph import ParagraphInfo, Suppressed, match_doc


def match_texts(engine: Engine, texts: list[str], infos: list[ParagraphInfo] | None = None,
                suppressed: list[Suppressed] | None = None,
                aliases: dict[str, str] | None = None) -> list[Finding]:
    """Findings for every text, in order; `suppressed` collects pseudo-trigger matches.

    `aliases` maps an acronym the document defines to the actor it names ("KFE" ->
    "employers"): every rule that matches that actor's generic name matches the acronym."""
    infos = infos or [ParagraphInfo(index=i) for i in range(len(texts))]
    texts = [fold(t) for t in texts]  # a no-op on normalised paragraphs; gold passages, explain
    # matched on lower case (where lowering keeps the offsets), hyphens between letters as spaces
    # (`variants.unhyphen`, as the patterns)
    lowered = [unhyphen(low if len(low := t.lower()) == len(t) else t) for t in texts]
    joined = join(texts)
    seen: dict = {}
    rx_hits = _regex_hits(engine.regexes, joined, seen)
    ctx_hits = _regex_hits(engine.ctx_regexes, joined, seen)
    name_hits = _regex_hits(engine.names, joined, seen)
    agenda_hits = _regex_hits(engine.agenda, joined, seen)
    title_hits = _regex_hits(engine.titles, joined, seen)
    citations = engine.standards.cite_all(joined)
    out: list[Finding] = []
    alias_rx = None
    if aliases:
        alias_rx = re.compile(r"\b(?:" + "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True)) + r")\b")
    if engine.lemmatizer is not None:
        docs = engine.lemmatizer.pipe(engine.nlp.tokenizer.pipe(lowered, batch_size=64))
    else:
        docs = engine.nlp.pipe(lowered, batch_size=64)
    for k, (text, info, doc) in enumerate(zip(texts, infos, docs)):
        extra = []
        if alias_rx is not None:
            for m in alias_rx.finditer(text):
                span = doc.char_span(m.start(), m.end())
                canonical = engine.alias_keys.get(aliases[m.group(0)], [])
                if span is not None:
                    extra += [(kind, idx, span.start, span.end) for kind, idx in canonical]
        out.extend(match_doc(engine, doc, text, info, suppressed, rx_hits[k], ctx_hits[k], citations[k], extra,
                              [(c0, c1) for _, c0, c1, _ in name_hits[k]],
                              [(c0, c1) for _, c0, c1, _ in agenda_hits[k]],
                              [(c0, c1) for _, c0, c1, _ in title_hits[k]]))
    return out


def _regex_hits(patterns: list[tuple[int, Scanner]], joined: Joined,
                seen: dict | None = None) -> list[list[tuple]]:
    """Run every regex over the joined texts, text by text (see `regex_scan`); give each text
    its matches. `seen` keeps the matches of each expression (text and flags) already run over
    these texts: rules that share one (a YAML anchor) are scanned once."""
    hits: list[list[tuple]] = [[] for _ in joined.units]
    seen = {} if seen is None else seen
    for idx, scanner in patterns:
        key = (scanner.pattern.pattern, scanner.pattern.flags)
        found = seen.get(key)
        if found is None:
            found = seen[key] = []
            for m in scanner.finditer(joined):
                if m.end() > m.start():
                    k = joined.unit_of(m.start())
                    base = joined.starts[k]
                    found.append((k, m.start() - base, m.end() - base, m.group(0)))
        for k, start, end, text in found:
            hits[k].append((idx, start, end, text))
    return hits
