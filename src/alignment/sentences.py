"""Sentence splitting, one splitter for every stage: text -> sentence spans.

Input: a paragraph's text and a boundary (a regular expression matching the gap between two
sentences, optionally with abbreviations that do not end one). Output: (start, end) character
spans; `in_tokens` maps them onto a spaCy `Doc`'s tokens for the match stage.

The stages split at different boundaries, and each keeps its own so its results stay what they
were: the match stage (`POLICY`) also cuts at colons and bullets and before digits, and skips
abbreviations ("Convention No. 87"); the constituents scan (`ASCII_CAPITAL`) cuts only before
an ASCII capital; the appraisal cues (`CAPITAL`) also before accented capitals and Spanish
opening marks. Faster than a pipeline component on long documents, and the same on policy
prose.
"""

from __future__ import annotations

import bisect
import re

SENTENCE_END = r"[.!?;:][\"')\]]*(?P<end>)\s+(?=[\"'(\[\u2022]?[A-Z0-9])"
"""Sentence punctuation (a semicolon or colon too, as lists in plans are written that way),
closing quotes or brackets, spaces, then a capital or a digit. The empty group `end` marks
where the sentence ends: its punctuation is its own, the spaces are not."""

GLUED_END = r"(?<=[a-z][a-z][.!?;])(?=[A-Z][a-z])"
"""A sentence end with its space lost, as exports and pasted text have it ("for women.It
aims"): sentence punctuation after two lower-case letters, right before a capitalised word.
Acronyms, initials and decimals ("U.S.", "Ph.D", "1.5") do not match."""

POLICY = re.compile(r"[.!?;:\s](?:(?<=[.!?;:])" + SENTENCE_END[len("[.!?;:]"):] + r"|(?<=\s)\s*\u2022\s+|"
                    r"(?<=[a-z][a-z][.!?;])(?P<glued>)(?=[A-Z][a-z]))")
"""The match stage's boundary: a sentence end (with or without its space) or a bullet:
`SENTENCE_END`, a bullet between spaces or `GLUED_END`, written to start with one character class (a
sentence punctuation mark or a space), which `re` looks for before trying the rest: ~2.5x
faster than the plain alternation, whose look-behind branch was tried at every character. The
glued end takes its punctuation mark with it; the empty group `glued` marks where `GLUED_END`
matches (`spans` cuts there), and no other branch can match at that mark."""

ASCII_CAPITAL = re.compile(r"(?<=[.!?;])\s+(?=[A-Z(\"'])")
"""The constituents scan's boundary: the spaces after sentence punctuation, before an ASCII capital."""

CAPITAL = re.compile(r"(?<=[.!?;])\s+(?=[A-ZÀ-ÝÑ(\"'«¿¡])")
"""The appraisal cues' boundary: as `ASCII_CAPITAL`, also before accented capitals and « ¿ ¡."""

ABBREVIATIONS = frozenset({
    "no", "nos", "e.g", "i.e", "etc", "mr", "mrs", "ms", "dr", "art", "para", "paras", "vol", "p", "pp",
    "cf", "viz", "approx", "incl", "st", "fig", "op", "n", "núm", "nº", "sr", "sra", "arts"})
"""Words whose final full stop does not end a sentence (with `POLICY`)."""

_ABBREVIATED = re.compile(r"([\w.]+)[.]$")


def spans(text: str, boundary: re.Pattern = POLICY,
          abbreviations: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """(start, end) of every sentence of `text`, at least one: a sentence ends where a
    `boundary` match starts (or at its group `end` or `glued`, if it has one and it took part) and the
    next begins where the match ends. A boundary right after one of the `abbreviations` and
    its full stop is no boundary."""
    out, pos = [], 0
    marked = "end" in boundary.groupindex
    glued = "glued" in boundary.groupindex
    for m in boundary.finditer(text):
        start = m.start()
        if glued and m.start("glued") >= 0:  # a zero-width boundary after the mark it took (`POLICY`)
            start = m.start("glued")
        if abbreviations:
            word = _ABBREVIATED.search(text[max(0, start - 8):start + 1])
            if word and word.group(1).lower().rstrip(".") in abbreviations:
                continue
        end = m.start("end") if marked else -1
        out.append((pos, end if end >= 0 else start))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def in_tokens(doc, text: str, starts: list[int] | None = None,
              labels: re.Pattern | None = None) -> list[tuple[int, int, int, int]]:
    """The match stage's sentences of `doc` (made from `text`) as (token start, token end,
    char start, char end), split at `POLICY` except after `ABBREVIATIONS`; `starts` are the
    tokens' character offsets if known; a sentence that is only a statement's label (`labels`,
    anchored at its end) is joined to the next. A sentence runs to where the next begins (its
    boundary's punctuation and spaces included) and holds at least one token."""
    if not len(doc):
        return [(0, 0, 0, len(text))]
    cuts = [start for start, _ in spans(text, POLICY, ABBREVIATIONS)] + [len(text)]
    if labels is not None:
        # a statement's label ("Output 3.2.1:", "Implementing partners:"; the pack's `statement_labels`)
        # is cut off at its colon but belongs to what it introduces: joined to it, so that a rule's
        # vetoes and co-occurring words see that the sentence is a plan's
        cuts = [c for i, c in enumerate(cuts) if i == 0 or c == len(text) or not labels.match(text, cuts[i - 1], c)]
    if starts is None:
        starts = doc.to_array("IDX").tolist()
    out = []
    for c0, c1 in zip(cuts, cuts[1:]):
        t0 = bisect.bisect_left(starts, c0)
        t1 = bisect.bisect_left(starts, c1)
        if t1 > t0:
            out.append((t0, t1, c0, c1))
    return out or [(0, len(doc), 0, len(text))]
