"""Context of a paragraph: findings + the cues of each sentence -> findings with modifiers.

Input: the paragraph's findings (`Located`, token spans), the context cues the matcher found,
grouped by sentence, and the paragraph's tokens and sentences. Output: the findings'
`modifiers`, sentence by sentence (`scope.apply`), and the `source` modifier of findings in
means-of-verification text. Nothing is deleted.
"""

from __future__ import annotations

from ..findings import ModifierHit
from .scope import Cue, Located, apply


def annotate(findings: list[Located], cues_by_sent: dict[int, list[Cue]], *, sent_of, sents, text: str,
             tok_starts: list[int], tok_ends: list[int], doc, terminators: set[str], use_lemma: bool) -> None:
    """Apply the cues of each sentence to the findings of that sentence. The words (and, if a
    cue needs them, lemmas) of a sentence are read only when it holds a cue."""
    by_sent: dict[int, list[Located]] = {}
    for loc in findings:
        by_sent.setdefault(sent_of(loc.start), []).append(loc)
    for s, locs in by_sent.items():
        cues = cues_by_sent.get(s)
        if not cues:
            continue
        s0, s1 = sents[s][0], sents[s][1]
        words = [text[tok_starts[i]:tok_ends[i]].lower() for i in range(s0, s1)]
        terms = [s0 + i for i, w in enumerate(words) if w in terminators]
        lemmas = set(words)
        if use_lemma and any(c.rule.requires_any for c in cues):
            lemmas |= {t.lemma_ for t in doc[s0:s1]}
        apply(locs, cues, terms, lemmas)


def mark_sources(findings: list[Located], source_spans: list[tuple[int, int]]) -> None:
    """A finding in means-of-verification text is a source, not a commitment."""
    if source_spans:
        for loc in findings:
            f = loc.finding
            if any(a <= f.start < b for a, b in source_spans):
                f.modifiers.append(ModifierHit(modifier="source", rule_id="structure.means-of-verification",
                                               cue="means of verification"))
