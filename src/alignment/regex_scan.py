"""Run a regular expression over a long text, fast, with exactly `finditer`'s matches.

Python's `re` tries a pattern that starts with `\\b` or an ignore-case alternation at every
position of the text. Most rule patterns start with a choice of words
(`\\b(?:SDGs?|Goal|target)\\s*8...`), so every match starts with one of a few literal strings.
`Scanner` works those strings out from the parsed pattern, finds where they occur with
`str.find` (C speed, on the lower-cased text when the pattern ignores case) and tries the
pattern only there, with `pattern.match(text, pos)` (which sees the text before `pos`, so `\\b`
and look-behinds keep their meaning). The leftmost match is still found first and the scan
resumes at its end, as `finditer` does. A pattern without such prefixes is run as it is.
"""

from __future__ import annotations

import re

try:  # the parser module is re._parser from Python 3.11, sre_parse before
    from re import _parser as sre_parse
    from re import _constants as sre_constants
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants
    import sre_parse

MIN_PREFIX = 3       # shorter prefixes occur too often to be worth a position list
MAX_PREFIXES = 64    # a pattern that expands into more prefixes is run as it is
_ZERO_WIDTH = {sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT}


class _GiveUp(Exception):
    pass


def literal_prefixes(pattern: re.Pattern) -> list[str] | None:
    """The literal strings one of which starts every match, or None if there is no such
    short list (lower-cased when the pattern ignores case)."""
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags & ~re.IGNORECASE)
        out = _prefixes(list(parsed))
    except Exception:  # _GiveUp, or a construct this walk does not know
        return None
    if pattern.flags & re.IGNORECASE:
        out = {p.lower() for p in out}
    if not out or len(out) > MAX_PREFIXES or min(len(p) for p in out) < MIN_PREFIX:
        return None
    return sorted(out)


def _prefixes(items: list) -> set[str]:
    """The literal prefixes of a sequence of parsed items: '' joined with the first literal
    run; a choice multiplies the set."""
    prefixes = {""}
    for op, av in items:
        if op in _ZERO_WIDTH:
            if prefixes == {""}:
                continue  # an assertion before the first character does not consume text
            return prefixes
        if op is sre_constants.LITERAL:
            prefixes = {p + chr(av) for p in prefixes}
        elif op is sre_constants.IN and all(o is sre_constants.LITERAL for o, _ in av) and len(av) <= 4:
            prefixes = {p + chr(c) for p in prefixes for _, c in av}
        elif op is sre_constants.SUBPATTERN:
            if av[1] or av[2]:  # (?i:...) and the like change what a literal matches
                raise _GiveUp
            inner = _prefixes(list(av[-1]))
            return {p + q for p in prefixes for q in inner}
        elif op is sre_constants.BRANCH:
            alts = [_prefixes(list(alt)) for alt in av[1]]
            return {p + q for p in prefixes for alt in alts for q in alt}
        else:
            if prefixes == {""}:
                raise _GiveUp
            return prefixes
        if len(prefixes) > MAX_PREFIXES:
            raise _GiveUp
    return prefixes


class Scanner:
    """A compiled pattern with the literal prefixes of its matches."""

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        self.prefixes = literal_prefixes(pattern)
        self.folded = bool(pattern.flags & re.IGNORECASE)

    def finditer(self, text: str, lowered: str | None = None):
        """The matches of `pattern.finditer(text)`; `lowered` is `text.lower()` if the caller
        has it (it must have the same length)."""
        if self.prefixes is None:
            yield from self.pattern.finditer(text)
            return
        hay = text
        if self.folded:
            hay = lowered if lowered is not None else text.lower()
            if len(hay) != len(text):  # a character that lower-cases to two: no positions
                yield from self.pattern.finditer(text)
                return
        starts: set[int] = set()
        for prefix in self.prefixes:
            find = hay.find
            i = find(prefix)
            while i >= 0:
                starts.add(i)
                i = find(prefix, i + 1)
        match = self.pattern.match
        end = 0
        for pos in sorted(starts):
            if pos < end:
                continue
            m = match(text, pos)
            if m is not None:
                yield m
                end = m.end() if m.end() > pos else pos + 1
