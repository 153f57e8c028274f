"""Fuzzy names: sentences holding a rule's anchor -> the rule's name written loosely
(rapidfuzz partial ratio at the rule's threshold)."""

from __future__ import annotations

from .engine import Engine


def fuzzy_matches(engine: Engine, doc, low: str, sents, already: set[int]):
    from rapidfuzz import fuzz

    out = []
    for idx, anchors, names in engine.fuzzy:
        if idx in already or not any(a in low for a in anchors):
            continue
        rule = engine.rules[idx]
        for s0, s1, c0, c1 in sents:
            sentence = low[c0:c1]
            if not any(a in sentence for a in anchors):
                continue
            for name in names:
                if len(sentence) < len(name) * 0.6:
                    continue
                al = fuzz.partial_ratio_alignment(name, sentence)
                if al and al.score >= rule.fuzzy_threshold:
                    span = doc.char_span(c0 + al.dest_start, c0 + al.dest_end, alignment_mode="expand")
                    if span is not None and len(span):
                        out.append((idx, span.start, span.end, "fuzzy", []))
                        break
    return out
