"""Run a regular expression over many short texts (paragraphs, sentences), fast.

Contract: `Scanner(pattern).finditer(joined)` yields exactly the matches of
`pattern.finditer(joined.text, start, end)` for each unit `(start, end)` of `joined`, in
order. The callers join their paragraphs (`join`) into one text, with the paragraphs or the
sentences as units, and scan it once per pattern.

Python's `re` tries a pattern that starts with `\\b` or an ignore-case alternation at every
position of the text. `Scanner` works out from the parsed pattern either
- the literal strings one of which starts every match (`\\b(?:SDGs?|Goal|target)\\s*8` ->
  "sdg", "goal", "target"): it finds where they occur with `str.find` (C speed, on the
  lower-cased text when the pattern ignores case) and tries the pattern only there, with
  `pattern.match(text, pos, end)`, which sees the text before `pos`, so `\\b` and look-behinds
  keep their meaning; the scan resumes after each match, as `finditer` does; or
- the literal strings one of which every match contains (`(?:[A-Z]\\w+\\s+){0,3}Employers'?
  Federation`): only the units that contain one are searched.
A pattern with neither is searched unit by unit.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

try:  # the parser module is re._parser from Python 3.11, sre_parse before
    from re import _constants as sre_constants
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants
    import sre_parse

MIN_LITERAL = 3      # shorter strings occur too often to be worth a position list
MIN_UPPER = 2        # ... but a case-sensitive run of capitals ('IG' of 'IG Metall') is rare in running text
try:  # the other characters with case equivalents beyond str.lower() (Greek, Cyrillic, µ, ﬅ)
    from re._casefix import _EXTRA_CASES
    _UNSAFE = {chr(c) for c in _EXTRA_CASES} - {"i", "s"}
except ImportError:  # pragma: no cover - Python < 3.11: only ASCII literals are looked up folded
    _UNSAFE = None
MAX_LITERALS = 1024  # a pattern that expands into more strings is searched unit by unit (the strings
                     # are all found in one pass, `_find_all`: a list of 300 acronyms costs little)
_ZERO_WIDTH = {sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT}
_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT} \
    if hasattr(sre_constants, "POSSESSIVE_REPEAT") else {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT}


@dataclass
class Joined:
    """A text to be scanned once and its units: where each paragraph (or sentence) starts and
    ends in it. `lowered` is the text in lower case (computed when not given)."""

    text: str
    units: list[tuple[int, int]]
    lowered: str = ""
    starts: list[int] = field(init=False, repr=False)
    _folded: str | None = field(default=None, init=False, repr=False)

    def __post_init__(self):
        if not self.lowered:
            self.lowered = self.text.lower()
        self.starts = [u[0] for u in self.units]

    @property
    def folded(self) -> str:
        """`lowered`, with the two characters that `re` ignoring case matches to an ASCII
        letter but `str.lower()` keeps as they are ('ı' ~ 'i', 'ſ' ~ 's') turned into that
        letter, one for one: where the literals of an ignore-case pattern are looked up."""
        if self._folded is None:
            self._folded = _fold_lowered(self.lowered)
        return self._folded

    def unit_of(self, pos: int) -> int:
        """Index of the unit holding offset `pos`."""
        return bisect.bisect_right(self.starts, pos) - 1

    def only(self, indexes: list[int]) -> "Joined":
        """The same text with only these units."""
        return Joined(self.text, [self.units[k] for k in indexes], self.lowered)


def _fold_lowered(lowered: str) -> str:
    return lowered.replace("\u0131", "i").replace("\u017f", "s")


def fold(text: str) -> str:
    """`text` as the literals of an ignore-case pattern are looked up in it (`Joined.folded`)."""
    return _fold_lowered(text.lower())


def join(texts: list[str]) -> Joined:
    """The texts joined by newlines, each text a unit."""
    units, pos = [], 0
    for t in texts:
        units.append((pos, pos + len(t)))
        pos += len(t) + 1
    return Joined("\n".join(texts), units)


class _GiveUp(Exception):
    pass


def _parse(pattern: re.Pattern) -> list:
    return list(sre_parse.parse(pattern.pattern, pattern.flags & ~re.IGNORECASE))


def _usable(strings: set[str] | None, folded: bool) -> list[str] | None:
    if not strings or len(strings) > MAX_LITERALS or not all(_long_enough(s, folded) for s in strings):
        return None
    return sorted({s.lower() for s in strings} if folded else strings)


def _long_enough(literal: str, folded: bool) -> bool:
    return len(literal) >= MIN_LITERAL or (
        not folded and len(literal) >= MIN_UPPER and literal.isalpha() and literal.isupper())


def literal_prefixes(pattern: re.Pattern) -> list[str] | None:
    """The literal strings one of which starts every match, or None if there is no such
    short list (lower-cased when the pattern ignores case)."""
    try:
        strings = _shortest(_walk(_parse(pattern))[0])
    except Exception:  # _GiveUp, or a construct this walk does not know
        return None
    return _usable(strings, bool(pattern.flags & re.IGNORECASE))


def _shortest(prefixes: set[str]) -> set[str]:
    """The prefixes without those that start with another one ('targets' after 'target', as an
    optional part makes them): every match still starts with one of them. In sorted order a
    string that starts with another comes after it, with only strings that start with it between."""
    out: list[str] = []
    for p in sorted(prefixes):
        if not (out and p.startswith(out[-1])):
            out.append(p)
    return set(out)


def required_literals(pattern: re.Pattern) -> list[str] | None:
    """Literal strings one of which every match contains, or None."""
    try:
        strings = _required(_parse(pattern))
    except Exception:
        return None
    return _usable(strings, bool(pattern.flags & re.IGNORECASE))


def _walk(items: list, scoped: bool = False) -> tuple[set[str], bool]:
    """(the literal prefixes of a sequence of parsed items, whether they are the whole of
    it): '' joined with the literal run at its start; a choice multiplies the set; a group or
    choice that is all literal lets the run go on after it; an optional part (`(?:real\\s+)?GDP`)
    gives its own prefixes and those of the rest of the sequence, which a match that skips it
    starts with (`_optional`)."""
    prefixes = {""}
    for i, (op, av) in enumerate(items):
        if op in _ZERO_WIDTH:
            if prefixes == {""}:
                continue  # an assertion before the first character does not consume text
            return prefixes, False
        if op is sre_constants.LITERAL:
            prefixes = {p + chr(av) for p in prefixes}
        elif op is sre_constants.IN and all(o is sre_constants.LITERAL for o, _ in av) and len(av) <= 4:
            prefixes = {p + chr(c) for p in prefixes for _, c in av}
        elif op is sre_constants.SUBPATTERN or op is sre_constants.BRANCH:
            if op is sre_constants.SUBPATTERN:
                if (av[1] or av[2]) and not (scoped and _ignore_case_only(av)):
                    raise _GiveUp  # (?i:...) and the like change what a literal matches
                inner, whole = _walk(list(av[-1]), scoped)
            else:
                walked = [_walk(list(alt), scoped) for alt in av[1]]
                inner = {q for alt, _ in walked for q in alt}
                whole = all(w for _, w in walked)
            prefixes = {p + q for p in prefixes for q in inner}
            if not whole:
                return prefixes, False
        elif op in _REPEATS and av[0] == 0 and av[1] == 1:
            return _optional(prefixes, list(av[2]), items[i + 1:], scoped)
        else:
            if prefixes == {""}:
                raise _GiveUp
            return prefixes, False
        if len(prefixes) > MAX_LITERALS:
            raise _GiveUp
    return prefixes, True


def _optional(prefixes: set[str], part: list, rest: list, scoped: bool) -> tuple[set[str], bool]:
    """`_walk` of `prefixes`, then a part that may be skipped (`part`, matched at most once),
    then `rest`: a match holds the part (it starts with a prefix so far and one of the part's,
    then, if the part is all literal, one of the rest's) or skips it (a prefix so far, then one
    of the rest's). Where the part or the rest has no prefixes, the prefixes so far are all
    that is known."""
    try:
        inner, whole = _walk(part, scoped)
        after, after_whole = _walk(rest, scoped)
    except _GiveUp:
        if prefixes == {""}:
            raise
        return prefixes, False
    if whole:  # the part is all literal: the rest goes on after it, or after the prefixes
        out = {p + q + r for p in prefixes for q in inner | {""} for r in after}
    else:
        out = {p + q for p in prefixes for q in inner} | {p + r for p in prefixes for r in after}
        after_whole = False
    if len(out) > MAX_LITERALS:
        raise _GiveUp
    return out, after_whole


def _required(items: list, scoped: bool = False) -> set[str] | None:
    """A set of literal strings one of which every match of the sequence contains: the best
    of its items' sets (the longest shortest string)."""
    options: list[set[str]] = []
    run = ""
    for op, av in items + [(None, None)]:
        if op is sre_constants.LITERAL:
            run += chr(av)
            continue
        if run:
            options.append({run})
            run = ""
        inner = None
        if op is sre_constants.SUBPATTERN:
            if (av[1] or av[2]) and not (scoped and _ignore_case_only(av)):
                raise _GiveUp
            inner = _required(list(av[-1]), scoped)
        elif op is sre_constants.BRANCH:
            alts = [_required(list(alt), scoped) for alt in av[1]]
            if all(alts):
                inner = set().union(*alts)
        elif op in _REPEATS and av[0] >= 1:
            inner = _required(list(av[2]), scoped)
        if inner and len(inner) <= MAX_LITERALS:
            options.append(inner)
    if not options:
        return None
    return max(options, key=lambda s: (min(len(x) for x in s), -len(s)))


_POSITIONS: dict[tuple[int, int, bool], tuple[str, dict[str, list[int]]]] = {}
_KNOWN: dict[bool, set[str]] = {False: set(), True: set()}
"""Every literal of every scanner made so far, for texts as they are and lower-cased."""
_AUTOMATA: dict[bool, tuple[int, object]] = {}


def _positions(hay: str, folded: bool) -> dict[str, list[int]]:
    """Where each literal of the scanners occurs in `hay` (lower-cased when `folded`), shared
    by every scanner that looks in the same text (the rules, the constituents and the citations
    all scan the same paragraphs). All the literals are found in one pass over the text (an
    Aho-Corasick automaton), not one `str.find` pass each: a window of half a million
    characters was read ~300 times. The last four texts are kept."""
    key = (len(hay), hash(hay), folded)
    entry = _POSITIONS.get(key)
    if entry is None or (entry[0] is not hay and entry[0] != hay):
        if len(_POSITIONS) >= 4:
            _POSITIONS.pop(next(iter(_POSITIONS)))
        entry = _POSITIONS[key] = (hay, {})
    known = entry[1]
    if len(known) < len(_KNOWN[folded]):  # new scanners since this text was scanned
        known.update(_find_all(hay, folded, known))
    return known


def _find_all(hay: str, folded: bool, done: dict[str, list[int]]) -> dict[str, list[int]]:
    """Every start of every literal not in `done` (overlapping ones too), in order."""
    literals = _KNOWN[folded]
    count, automaton = _AUTOMATA.get(folded, (0, None))
    if count != len(literals):
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for literal in literals:
            automaton.add_word(literal, (len(literal) - 1, literal))
        automaton.make_automaton()
        _AUTOMATA[folded] = (len(literals), automaton)
    out: dict[str, list[int]] = {literal: [] for literal in literals if literal not in done}
    for end, (back, literal) in automaton.iter(hay):
        where = out.get(literal)
        if where is not None:
            where.append(end - back)
    return out


def required_count(pattern: re.Pattern) -> int:
    """How many occurrences of `required_literals(pattern)`, at distinct places, every match
    holds at least (1 when no more can be shown): a list of four items each of which names one
    of them (`(?:jobs|rights|...)(?:,\\s*(?:jobs|rights|...)){3}`) holds four. Parts in sequence
    and the rounds of a repeat take disjoint text, so their occurrences start at distinct places;
    a choice holds what its poorest branch holds; a literal run holding one counts one."""
    try:
        strings = required_literals(pattern)
        if not strings:
            return 1
        return max(1, _count(_parse(pattern), set(strings), bool(pattern.flags & re.IGNORECASE)))
    except Exception:
        return 1


def _count(items: list, target: set[str], folded: bool) -> int:
    total, run = 0, ""
    for op, av in items + [(None, None)]:
        if op is sre_constants.LITERAL:
            run += chr(av)
            continue
        if run:
            total += any(t in (run.lower() if folded else run) for t in target)
            run = ""
        if op is sre_constants.SUBPATTERN:
            if av[1] or av[2]:
                raise _GiveUp
            total += _count(list(av[-1]), target, folded)
        elif op is sre_constants.BRANCH:
            total += min(_count(list(alt), target, folded) for alt in av[1])
        elif op in _REPEATS and av[0] >= 1:
            total += av[0] * _count(list(av[2]), target, folded)
    return total


def _literals(pattern: re.Pattern) -> tuple[list[str] | None, list[str] | None]:
    prefixes = literal_prefixes(pattern)
    return prefixes, None if prefixes else required_literals(pattern)


def _safe(literal: str) -> bool:
    """Whether `re` ignoring case matches `literal` only where `Joined.folded` holds it."""
    return literal.isascii() if _UNSAFE is None else not any(c in _UNSAFE for c in literal)


def _ignore_case_only(av) -> bool:
    """Whether a parsed group is `(?i:...)`: it adds ignore-case and nothing else."""
    return av[1] == re.IGNORECASE and not av[2]


def _scoped_literals(pattern: re.Pattern) -> tuple[list[str] | None, list[str] | None]:
    """For a case-sensitive pattern with `(?i:...)` groups (`(?i:\\bministers?)\\s+of`), the
    literals of `_literals`, read with those groups as ordinary ones and lower-cased, to be looked
    up in the lower-cased text: a match holds each of its literals in some case, so the
    lower-cased text (`Joined.folded`) holds it lower-cased at the same place (the lengths being
    equal). Only ASCII literals."""
    for kind, walk in (("prefixes", _walk), ("required", _required)):
        try:
            items = _parse(pattern)
            strings = _shortest(walk(items, True)[0]) if kind == "prefixes" else walk(items, True)
        except Exception:
            continue
        usable = _usable(strings, True)
        if usable and all(s.isascii() for s in usable):
            return (usable, None) if kind == "prefixes" else (None, usable)
    return None, None


def _valid_literals(value) -> bool:
    return (isinstance(value, tuple) and len(value) == 2 and all(
        v is None or (isinstance(v, list) and all(isinstance(x, str) for x in v)) for v in value))


class Scanner:
    """A compiled pattern with what its matches must start with or contain."""

    def __init__(self, pattern: re.Pattern, shared: bool = True):
        """`shared=False`: the literals are only looked up by the caller (in one text at a time),
        not added to those found in every joined text (`_positions`)."""
        self.pattern = pattern
        self.count = 1  # occurrences of the `required` literals every match holds
        # for a pattern scanned at its prefixes: literals one of which every match also holds,
        # when they are others than the prefixes ('the' starts a match, 'tripartite' is in it):
        # a prefix is tried only in a unit that holds one
        self.within: list[str] | None = None
        # whether the literals are looked up in the lower-cased text
        self.folded = bool(pattern.flags & re.IGNORECASE)
        if isinstance(pattern.pattern, str):
            from .regex_cache import derived

            self.prefixes, self.required = derived("literals-3", pattern, _literals, _valid_literals)
            if self.required:
                self.count = derived("required-count", pattern, required_count,
                                     lambda v: isinstance(v, int) and v >= 1)
            if self.prefixes:
                within = derived("within-1", pattern, required_literals,
                                 lambda v: v is None or (isinstance(v, list) and all(isinstance(x, str) for x in v)))
                self.within = within if within and set(within) != set(self.prefixes) else None
            if not (self.prefixes or self.required or self.folded) and "(?i" in pattern.pattern:
                self.prefixes, self.required = derived("literals-scoped-3", pattern, _scoped_literals,
                                                       _valid_literals)
                self.folded = bool(self.prefixes or self.required)
        else:
            self.prefixes, self.required = _literals(pattern)
        if self.folded and not all(_safe(s) for s in self.prefixes or self.required or ()):
            self.prefixes = self.required = None  # a literal whose case str.lower() does not fold as re does
        if not self.prefixes or (self.folded and not all(_safe(s) for s in self.within or ())):
            self.within = None
        if shared:
            _KNOWN[self.folded].update(self.prefixes or self.required or ())
            _KNOWN[self.folded].update(self.within or ())
        else:
            self.within = None  # looked up by `finditer` only, in the shared positions

    def finditer(self, joined: Joined):
        """The matches of `pattern.finditer(joined.text, start, end)` for each unit, in order."""
        text, units = joined.text, joined.units
        literals = self.prefixes or self.required
        hay = joined.folded if self.folded else text
        if len(hay) != len(text):  # a character that lower-cases to two: no positions
            literals = None
        if not literals:
            for start, end in units:
                yield from self.pattern.finditer(text, start, end)
            return
        found: set[int] = set()
        known = _positions(hay, self.folded)
        for literal in literals:
            found.update(known[literal])
        if not found:
            return
        if self.prefixes:
            positions = sorted(found)
            # (only when those literals are rarer than the prefixes: either way the same matches)
            if self.within and sum(len(known[literal]) for literal in self.within) < len(positions) // 2:
                unit_of = joined.unit_of
                positions = _in_units(joined, positions, {
                    unit_of(pos) for literal in self.within for pos in known[literal]})
            yield from self._at(joined, positions)
            return
        # each unit that holds a literal, searched once: the positions come in order, so the
        # ones before the next unit's start are in a unit already searched
        # (a unit holding fewer of them than every match holds is skipped)
        starts, after, need = joined.starts, -1, self.count
        positions = sorted(found)
        for i, pos in enumerate(positions):
            if pos < after:
                continue
            k = joined.unit_of(pos)
            after = starts[k + 1] if k + 1 < len(starts) else len(text) + 1
            if k >= 0:
                if need > 1 and bisect.bisect_left(positions, after, i) - i < need:
                    continue
                yield from self.pattern.finditer(text, *units[k])

    def may_match(self, text: str, folded: str | None = None) -> bool:
        """False when `text` holds none of the literals every match starts with or holds, looked
        up as `finditer` looks them up: no match in it, nor in any part of it. `folded`:
        `fold(text)`, when the caller has it already."""
        literals = self.prefixes or self.required
        if not literals:
            return True
        hay = (fold(text) if folded is None else folded) if self.folded else text
        return len(hay) != len(text) or any(x in hay for x in literals)

    def _at(self, joined: Joined, positions: list[int]):
        text, units = joined.text, joined.units
        match = self.pattern.match
        resume = -1
        for pos in positions:
            if pos < resume:
                continue
            k = joined.unit_of(pos)
            if k < 0:
                continue
            start, end = units[k]
            if pos >= end and not (pos == end == start):
                continue
            m = match(text, pos, end)
            if m is not None:
                yield m
                resume = m.end() if m.end() > pos else pos + 1


def _in_units(joined: Joined, positions: list[int], kept: set[int]) -> list[int]:
    """The `positions` (sorted) that fall in the units `kept` (from a unit's start to the next
    one's): a slice of them per unit, not a lookup per position."""
    starts, out = joined.starts, []
    last = len(starts) - 1
    for k in sorted(kept):
        if k < 0:
            continue
        lo = bisect.bisect_left(positions, starts[k])
        hi = bisect.bisect_left(positions, starts[k + 1]) if k < last else len(positions)
        out += positions[lo:hi]
    return out


_DIGIT = re.compile(r"\d")


def needs_digit(pattern: re.Pattern) -> bool:
    """Whether every match of `pattern` holds a character `\\d` matches: a text without one
    holds no match. Worked out from the parse: a literal digit, a class of digits only, a part
    of a sequence, every branch of a choice, a repeat done at least once."""
    try:
        return _digit_in(_parse(pattern))
    except Exception:
        return False


def _digit_in(items: list) -> bool:
    for op, av in items:
        if op is sre_constants.LITERAL and _DIGIT.fullmatch(chr(av)):
            return True
        if op is sre_constants.IN and av and all(_digit_item(o, a) for o, a in av):
            return True
        if op is sre_constants.SUBPATTERN and _digit_in(list(av[-1])):
            return True
        if op is sre_constants.BRANCH and all(_digit_in(list(alt)) for alt in av[1]):
            return True
        if op in _REPEATS and av[0] >= 1 and _digit_in(list(av[2])):
            return True
    return False


def digit_run(pattern: re.Pattern) -> int:
    """How many characters `\\d` matches, one after the other, every match of `pattern` holds at
    least (0 when none can be shown): a text without such a run holds no match. Worked out from
    the parse: items next to each other that match digits only add up (`[1-9]\\d{2}`: 3); a
    group, every branch of a choice (the shortest), a repeat done at least once hold what they
    hold inside."""
    try:
        return _run_in(_parse(pattern))
    except Exception:
        return 0


def _run_in(items: list) -> int:
    best = run = 0
    for op, av in items:
        width = _digits_only(op, av)
        if width is not None:
            run += width
            best = max(best, run)
            continue
        run = 0  # anything else between two digit runs (an assertion too: counted as a break)
        if op is sre_constants.SUBPATTERN and not (av[1] or av[2]):
            best = max(best, _run_in(list(av[-1])))
        elif op is sre_constants.BRANCH:
            best = max(best, min(_run_in(list(alt)) for alt in av[1]))
        elif op in _REPEATS and av[0] >= 1:
            best = max(best, _run_in(list(av[2])))
    return best


def _digits_only(op, av) -> int | None:
    """The fewest characters an item matches if it matches digits only, else None."""
    if op is sre_constants.LITERAL:
        return 1 if _DIGIT.fullmatch(chr(av)) else None
    if op is sre_constants.IN:
        return 1 if av and all(_digit_item(o, a) for o, a in av) else None
    if op is sre_constants.SUBPATTERN and not (av[1] or av[2]):
        widths = [_digits_only(o, a) for o, a in av[-1]]
        return None if not widths or None in widths else sum(widths)
    if op is sre_constants.BRANCH:
        widths = [_digits_only(sre_constants.SUBPATTERN, (None, 0, 0, alt)) for alt in av[1]]
        return None if None in widths else min(widths)
    if op in _REPEATS:
        inner = _digits_only(sre_constants.SUBPATTERN, (None, 0, 0, av[2]))
        return None if inner is None else av[0] * inner
    return None


def _digit_item(op, av) -> bool:
    """Whether an item of a character class matches digits only."""
    if op is sre_constants.LITERAL:
        return bool(_DIGIT.fullmatch(chr(av)))
    if op is sre_constants.RANGE:
        lo, hi = av
        return hi - lo < 64 and all(_DIGIT.fullmatch(chr(c)) for c in range(lo, hi + 1))
    return op is sre_constants.CATEGORY and av is sre_constants.CATEGORY_DIGIT
