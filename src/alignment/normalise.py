"""Normalise stage: `RawDocument` -> list of `Paragraph`.

Joins layout lines into paragraphs (across page breaks when a sentence runs on), removes
line-end hyphenation (a word list decides soft vs real hyphens), drops running headers and
footers (lines repeated on most pages) and page numbers, strips footnote markers, and maps
quotes, dashes, ligatures and odd spaces to plain characters. Every character of a paragraph
keeps its origin (page, offset in that page's raw text) through `Paragraph.origin` runs.

The raw text of a page is its blocks' texts joined by "\\n", in reading order.
"""

from __future__ import annotations

import re
import sys
from array import array
from collections import Counter, deque
from collections.abc import Iterable

from .document import Block, Paragraph, RawDocument
from .lexicon import known_words
from .sentences import SENTENCE_END

# One-to-one character replacements (offsets unchanged).
_TRANSLATE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u0002": "-",
    "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " ", "\u200a": " ", "\u2002": " ",
    "\u2003": " ", "\t": " ", "\r": " ", "\u000b": " ", "\u000c": " ",
    "\u2022": "\u2022",
})


# The ASCII characters `_TRANSLATE` changes: an ASCII text without one is its own translation
# (most lines and paragraphs of real text), found without a copy.
_ASCII_TRANSLATED = re.compile("[" + re.escape("".join(
    chr(k) for k, v in _TRANSLATE.items() if k < 128 and v not in (k, chr(k)))) + "]")


def _translate(text: str) -> str:
    """`text.translate(_TRANSLATE)`."""
    if text.isascii() and not _ASCII_TRANSLATED.search(text):
        return text
    return text.translate(_TRANSLATE)


_SUSPENDED_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=\s+(?:and|or|et|ou|y|o|e|u)\b)")


# "the Jamaica Employer's Federation", "worker's organizations": the singular possessive before
# an organization's noun is the plural one misspelt (offsets unchanged: "'s" -> "s'").
_SINGULAR_POSSESSIVE = re.compile(
    r"(?<=\b[Ee]mployer)'s(?=\s+(?:[Ff]ederation|[Cc]onfederation|[Oo]rgani[sz]ation|[Aa]ssociation|[Cc]ouncil|[Rr]epresentative))"
    r"|(?<=\b[Ww]orker)'s(?=\s+(?:[Oo]rgani[sz]ation|[Rr]epresentative))")


def fold(text: str) -> str:
    """Typographic quotes, apostrophes, dashes and odd spaces as plain characters, one for one
    (offsets unchanged): what every text goes through before the rules see it. A suspended
    hyphen ("gender- and youth-sensitive") becomes a space, so that "gender" is a word; an
    employer's or worker's organization is the employers' or workers' one."""
    text = _translate(text)
    if "r's " in text:
        text = _SINGULAR_POSSESSIVE.sub("s'", text)
    return _SUSPENDED_HYPHEN.sub(" ", text) if "- " in text else text


_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
              "\ufb05": "st", "\ufb06": "st"}
# Deleted characters: soft hyphen, zero-width characters, superscript digits (footnote marks).
_DELETE = re.compile("[\u00ad\u200b\u200c\u200d\ufeff\u00b9\u00b2\u00b3\u2070-\u2079]|\\[\\^\\d+\\]")
# A footnote number glued after a word and its punctuation: "Framework.3 " -> "Framework. "
_GLUED_NOTE = re.compile(r"(?<=[A-Za-z\)][.,;:])\d{1,2}(?=\s|$)")
_PUNCT_DIGIT = re.compile(r"[.,;:]\d")
_PAGE_NUMBER = re.compile(
    r"^\s*(?:-\s*)?(?:page|p\.|página|pág\.)?\s*\d{1,4}\s*(?:(?:of|/|de|sur)\s*\d{1,4})?\s*(?:-)?\s*$",
    re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[\u2022\u25aa\u25cf\u2023\u2043\u25e6\-\*o]\s+|\(?[a-z]\)\s+|\d{1,2}\)\s+)")
_LABEL_START = re.compile(
    r"^\s*(?:Strategic [Pp]riority|Country [Pp]riority|Priority|Outcome|Output|Indicator|Activity|"
    r"Immediate [Oo]bjective|Development [Oo]bjective|Baseline|Target|Means of [Vv]erification|"
    r"Contributing UN|Implementing [Pp]artners|Priorité|Effet|Résultat|Produit|Indicateur|"
    r"Activité|Référence|Cible|Moyens de vérification|Prioridad|Efecto|Resultado|Producto|"
    r"Indicador|Actividad|Línea de base|Meta|Medios de verificación|Objectif immédiat|"
    r"Objectif de développement|Objetivo inmediato|Objetivo de desarrollo|Priorité pays|"
    r"Priorité stratégique|Prioridad de país|Prioridad estratégica)\b\s*(?:\d|[IVX]+\b|:)")
_SENTENCE_END = ".:;!?"
# A label after a space inside the text. The match takes the space (the label starts one character
# after it): a pattern that starts with a character class is tried only where a space stands, where
# a look-behind was tried at every position of the line; a look-ahead for the labels' first letters
# then leaves at once the many spaces followed by anything else (the same matches, ~30 % faster).
_LABEL_FIRST = "".join(sorted({alt[:1] for alt in re.match(
    r"\^\\s\*\(\?:(.*?)\)\\b", _LABEL_START.pattern).group(1).split("|")}))
_LABEL_INSIDE = re.compile(_LABEL_START.pattern.replace(
    "^\\s*", "\\s(?=[" + _LABEL_FIRST + "])" if _LABEL_FIRST.isalpha() else "\\s", 1))


_PAGE = 40
"""Origins are packed as page << _PAGE | offset: offsets up to 2**40 characters in a page (with
24 bits, a page's text over 16 MB wrapped its offsets into the page number)."""
_OFFSET = (1 << _PAGE) - 1


class _Buffer:
    """Text being assembled, with the packed origin (page << _PAGE | offset) of every character."""

    __slots__ = ("text", "origin", "page", "kind", "level", "cells")

    def __init__(self) -> None:
        self.text: list[str] = []
        self.origin = array("q")
        self.page = 0
        self.kind = "paragraph"
        self.level: int | None = None
        self.cells: list[str] | None = None

    def empty(self) -> bool:
        return not self.text

    def add(self, text: str, origin) -> None:
        self.text.append(text)
        self.origin.extend(origin)

    def joined(self) -> str:
        return "".join(self.text)

    def tail(self, n: int) -> str:
        """The last `n` characters of `joined()`, without joining the whole."""
        out, i = "", len(self.text)
        while len(out) < n and i:
            i -= 1
            out = self.text[i] + out
        return out[-n:]


# numpy is used for long arrays only, or once something else has imported it: a short line is
# as fast from a range, and a PDF read in `overlap`'s child (spaCy, and numpy, are imported in
# the parent meanwhile) is then normalised without importing numpy (~0.07 s of that child).
# A long text imports it after its first ~500,000 characters (~0.01 s of slower arrays before).
_SHORT = 64
_PLAIN = 2048
_PLAIN_BUDGET = 500_000
_plain_done = 0


def _numpy_for(n: int):
    """numpy, when it is worth it for `n` items, else None."""
    global _plain_done
    numpy = sys.modules.get("numpy")
    if numpy is None:
        if n < _PLAIN and _plain_done < _PLAIN_BUDGET:
            _plain_done += n
            return None
        import numpy
    return numpy


def _arange(first: int, n: int) -> array:
    """array("q", range(first, first + n)), built in C by numpy when long (from range it costs
    ~30 ns a character)."""
    numpy = _numpy_for(n) if n >= _SHORT else None
    if numpy is None:
        return array("q", range(first, first + n))
    out = array("q")
    out.frombytes(numpy.arange(first, first + n, dtype=numpy.int64).tobytes())
    return out


def _clean(text: str, page: int, start: int) -> tuple[str, array]:
    """Normalise one line; return text and packed origins (an array of 8-byte integers, not a
    list of int objects: a long line costs 8 bytes a character, not 40)."""
    text = _translate(text)
    origin = _arange((page << _PAGE) | start, len(text))
    # an ASCII line (`str.isascii` reads a flag of the string) holds no ligature, and of the
    # deleted characters only a "[^1]" footnote mark: two searches a line saved
    ascii_only = text.isascii()
    if not ascii_only and _LIGATURE_CHARS.search(text):
        out, org = [], array("q")
        for ch, o in zip(text, origin):
            rep = _LIGATURES.get(ch, ch)
            out.append(rep)
            org.extend([o] * len(rep))
        text, origin = "".join(out), org
    if (not ascii_only or "[^" in text) and _DELETE.search(text):
        text, origin = _cut(text, origin, [m.span() for m in _DELETE.finditer(text)])
    # a glued note mark needs punctuation then a digit: checked first (the look-behind of
    # _GLUED_NOTE is tried at every position, the costliest search of a line)
    if _PUNCT_DIGIT.search(text) and _GLUED_NOTE.search(text):
        text, origin = _cut(text, origin, [m.span() for m in _GLUED_NOTE.finditer(text)])
    # Collapse runs of spaces into one and trim.
    if "  " in text or text[:1] == " " or text[-1:] == " ":
        cuts = []
        for m in _SPACES.finditer(text):
            s0, s1 = m.span()
            cuts.append((s0, s1) if s0 == 0 or s1 == len(text) else (s0 + 1, s1))
        text, origin = _cut(text, origin, cuts)
    return text, origin


_SPACES = re.compile(" +")
_WORD_HYPHEN_END = re.compile(r"\w-$")
_LIGATURE_CHARS = re.compile("[" + re.escape("".join(_LIGATURES)) + "]")


def _cut(text: str, origin: array, spans: list[tuple[int, int]]) -> tuple[str, array]:
    """`text` and `origin` without the characters of `spans` (in order, not overlapping)."""
    keep_o, last = array("q"), 0
    for s0, s1 in spans:
        keep_o.extend(origin[last:s0])
        last = s1
    keep_o.extend(origin[last:])
    return _cut_text(text, spans), keep_o


def _cut_text(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` without the characters of `spans` (in order, not overlapping)."""
    keep, last = [], 0
    for s0, s1 in spans:
        keep.append(text[last:s0])
        last = s1
    keep.append(text[last:])
    return "".join(keep)


def _join_hyphen(left: str, right: str, lang: str) -> bool:
    """True when 'left-' + 'right' at a line end is one word split by the layout."""
    lw = re.search(r"([A-Za-zÀ-ÿ]+)-$", left)
    rw = re.match(r"([a-zà-ÿ]+)", right)
    if not lw or not rw:
        return False
    a, b = lw.group(1).lower(), rw.group(1).lower()
    words = known_words(lang)
    if not words:
        return True
    if a + b in words:
        return True
    if a in words and b in words and len(a) > 2:
        return False  # both halves are words on their own: a real compound ("self-employment")
    return True


# A word broken by a layout hyphen that a copy of the text kept inside the line ("acci- dents",
# "finan- cière": PDF text pasted or exported with its line ends turned into spaces).
_INLINE_BREAK = re.compile(r"\b([A-Za-zÀ-ÿ]+)- ([a-zà-ÿ]+)")


def _inline_breaks(text: str, lang: str) -> list[tuple[int, int]]:
    """Spans of the "- " of words broken inside a line: only where the two halves make a word of
    the language and are not both words themselves ("acci- dents" -> "accidents"; "gender- and"
    and "long- term" stay as they are)."""
    if "- " not in text:
        return []
    words = known_words(lang)
    if not words:
        return []
    spans = []
    for m in _INLINE_BREAK.finditer(text):
        a, b = m.group(1).lower(), m.group(2).lower()
        if a + b in words and not (a in words and b in words):
            spans.append((m.end(1), m.end(1) + 2))
    return spans


def _clean_unbroken(text: str, page: int, start: int, lang: str) -> tuple[str, array]:
    """`_clean`, then the words broken inside the line joined again (`_inline_breaks`)."""
    text, origin = _clean(text, page, start)
    breaks = _inline_breaks(text, lang)
    return _cut(text, origin, breaks) if breaks else (text, origin)


def unbreak(text: str, lang: str) -> str:
    """`text` with the words broken inside a line by a layout hyphen joined again (see
    `_inline_breaks`): for passages that come without layout (gold sets, pasted text)."""
    spans = _inline_breaks(text, lang)
    return _cut_text(text, spans) if spans else text


def _repeated_lines(doc: RawDocument) -> set[str]:
    """Keys of header/footer lines that repeat on most pages."""
    return repeated_lines(doc.page_count, page_edges(doc.blocks)) if doc.page_count >= 3 else set()


def page_edges(blocks: Iterable[Block]) -> list[tuple[list[Block], list[Block]]]:
    """(first two, last two) text lines of each page that has any: where a running header or
    footer stands. Takes the blocks one at a time (a text file's blocks as they are read)."""
    edges: dict[int, tuple[list[Block], deque]] = {}
    for b in blocks:
        if b.kind == "line" and b.text.strip():
            head, tail = edges.setdefault(b.page, ([], deque(maxlen=2)))
            if len(head) < 2:
                head.append(b)
            tail.append(b)
    return [(head, list(tail)) for head, tail in edges.values()]


def repeated_lines(page_count: int, edges: list[tuple[list[Block], list[Block]]]) -> set[str]:
    """Keys of header/footer lines that repeat on most pages, from `page_edges`."""
    if page_count < 3:
        return set()
    counts: Counter[str] = Counter()
    for head, tail in edges:
        first, last = head[0], tail[-1]
        keys = {_line_key(b.text) for b in head + tail if b.style in ("header", "footer")
                or b in (first, last)}
        counts.update(k for k in keys if k)
    threshold = max(2, int(0.5 * len(edges)))
    return {k for k, n in counts.items() if n >= threshold}


def _line_key(text: str) -> str:
    return re.sub(r"\d+", "#", text.strip().lower())


_CAPS_HEADING = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[IVXL]{1,5}\.|[A-H]\.)\s+[A-ZÀ-Ý][A-ZÀ-Ý0-9 ,&'/()-]{3,90}?\s+(?=[A-ZÀ-Ý][a-zà-ÿ])")


def _glued_heading(text: str) -> int:
    """Where the text after a glued heading starts, or 0.

    "VII. RISKS AND ASSUMPTIONS It is assumed ..." (a numbered ALL-CAPS heading), or a short
    heading without sentence punctuation before a structural label ("3.2 Immediate objectives
    Immediate objective 1: ...")."""
    m = _CAPS_HEADING.match(text)
    if m and len(m.group(0).split()) <= 14:
        return m.end()
    start = _LABEL_START.match(text)
    for m in _LABEL_INSIDE.finditer(text):
        at = m.start() + 1  # after the space
        if start and at < start.end():
            continue  # "Priority 2" inside the label "Strategic Priority 2" that opens the text
        head = text[:at].strip()
        words = head.split()
        capitalised = sum(w[:1].isupper() or w[:1].isdigit() for w in words)
        looks_heading = bool(re.match(r"(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[IVXL]{1,5}\.)\s", head)) \
            or capitalised >= 0.6 * len(words)
        if words and len(words) <= 12 and looks_heading and not re.search(r"[.;:!?,]$", head):
            return at
        break
    return 0


def _looks_like_break(line: str) -> bool:
    """A layout line that starts a new paragraph even without a blank line before it."""
    return bool(_BULLET.match(line) or _LABEL_START.match(line))


def drain(blocks: list[Block]):
    """The blocks in order, each let go of as it is given: the raw lines of a long document
    are not held next to all its paragraphs."""
    blocks.reverse()
    while blocks:
        yield blocks.pop()


def normalise(doc: RawDocument, lang: str = "en", *, consume: bool = False) -> list[Paragraph]:
    """The paragraphs of `doc`. With `consume`, `doc.blocks` is emptied on the way."""
    repeated = _repeated_lines(doc)
    return normalise_blocks(drain(doc.blocks) if consume else doc.blocks, repeated, lang)


def normalise_blocks(blocks: Iterable[Block], repeated: set[str], lang: str = "en") -> list[Paragraph]:
    """The paragraphs of `blocks` (taken one at a time, in reading order), without the lines
    whose keys are in `repeated` (`repeated_lines`)."""
    paragraphs: list[Paragraph] = []
    page_offset: dict[int, int] = {}
    buf = _Buffer()
    pending_break = False  # an empty line was seen since the last text line

    def flush() -> None:
        nonlocal buf
        if not buf.empty():
            text = buf.joined().strip()
            cut = _glued_heading(text) if buf.kind == "paragraph" else 0
            if cut:
                # A heading the layout did not set off, glued to the text after it.
                lead = len(buf.joined()) - len(buf.joined().lstrip())
                head, rest = _Buffer(), _Buffer()
                head.page, rest.page = buf.page, buf.page
                head.add(text[:cut].rstrip(), buf.origin[lead:lead + len(text[:cut].rstrip())])
                rest.add(text[cut:], buf.origin[lead + cut:lead + len(text)])
                _append(paragraphs, head.joined(), head)
                _append(paragraphs, rest.joined(), rest)
            elif text:
                _append(paragraphs, text, buf)
        buf = _Buffer()

    for block in blocks:
        start = page_offset.get(block.page, 0)
        page_offset[block.page] = start + len(block.text) + 1
        if block.kind == "line":
            raw = block.text
            if not raw.strip():
                pending_break = True
                continue
            if block.style in ("header", "footer") and _PAGE_NUMBER.match(raw):
                continue
            if (repeated and _line_key(raw) in repeated) or (_PAGE_NUMBER.match(raw) and len(raw.strip()) < 14):
                continue
            text, origin = _clean_unbroken(raw, block.page, start, lang)
            if not text:
                continue
            new_para = buf.empty() or buf.kind != "paragraph" or _looks_like_break(text)
            if not new_para and pending_break:
                prev = buf.joined().rstrip()
                page_change = (buf.origin[-1] >> _PAGE) != block.page if buf.origin else False
                # A sentence running on over a page break continues the paragraph.
                new_para = not (page_change and prev and prev[-1] not in _SENTENCE_END
                                and text[:1].islower())
            if new_para:
                flush()
                buf.page = block.page
                if _BULLET.match(text):
                    buf.kind = "list_item"
                buf.add(text, origin)
            else:
                # the last three characters of the paragraph so far, all that `\w-$` looks at;
                # the whole of it is joined only before a hyphen
                tail = buf.tail(3)
                if tail.endswith("-") and _join_hyphen(buf.joined(), text, lang):
                    buf.text[-1] = buf.text[-1][:-1]
                    buf.origin.pop()
                    buf.add(text, origin)
                elif _WORD_HYPHEN_END.search(tail) and text[:1].isalpha():
                    buf.add(text, origin)  # a real compound broken at its hyphen: "self-" + "employment"
                else:
                    # The joining space stands for the line break it replaces.
                    buf.add(" ", [origin[0] - 1 if origin else 0])
                    buf.add(text, origin)
            pending_break = False
            continue
        # Whole blocks: heading, paragraph, list item, table row.
        flush()
        pending_break = False
        text, origin = _clean_unbroken(block.text, block.page, start, lang)
        if not text:
            continue
        buf.page = block.page
        buf.kind = block.kind
        buf.level = block.level
        if block.cells is not None:
            buf.cells = [_clean(c, block.page, 0)[0] for c in block.cells]
        buf.add(text, origin)
        flush()
    flush()
    return paragraphs


MAX_PARAGRAPH = 20_000
"""Characters of one paragraph, at most: a longer one (a text file with no line breaks, 5 MB on
one line) is cut at the last sentence end before the limit (else the last space, else at the
limit), so time and memory of the match stage stay bounded by a paragraph, not the document.
The longest paragraph of the corpus is ~1,300 characters; real plans stay far below the limit."""
_SENTENCE_CUT = re.compile(SENTENCE_END)  # the match stage's sentence end, without its bullets


def _pieces(text: str, limit: int = MAX_PARAGRAPH) -> list[tuple[int, int]]:
    """(start, end) of the pieces of an over-long paragraph (one piece if it is not)."""
    out, pos, n = [], 0, len(text)
    while n - pos > limit:
        end = pos + limit
        cut = 0
        for m in _SENTENCE_CUT.finditer(text, pos + limit // 2, end):
            cut = m.end()
        if not cut:
            space = text.rfind(" ", pos + limit // 2, end)
            cut = space + 1 if space > 0 else end
        out.append((pos, cut))
        pos = cut
    out.append((pos, n))
    return out


def _append(paragraphs: list[Paragraph], text: str, buf: _Buffer) -> None:
    """Add the paragraph `text` (stripped) made of `buf`, cut in pieces if over-long."""
    if len(text) <= MAX_PARAGRAPH or buf.cells is not None:
        paragraphs.append(_make_paragraph(len(paragraphs), text, buf))
        return
    joined = buf.joined()
    lead = len(joined) - len(joined.lstrip())
    for a, b in _pieces(text):
        piece = _Buffer()
        piece.page, piece.kind, piece.level = buf.page, buf.kind, buf.level
        piece.add(text[a:b], buf.origin[lead + a:lead + b])
        stripped = text[a:b].strip()
        if stripped:
            paragraphs.append(_make_paragraph(len(paragraphs), stripped, piece))


def _runs(origin: array) -> list[tuple[int, int, int]]:
    """(index, page, offset) where each run of consecutive origins starts: the places a
    paragraph's characters jump in the source. Found with numpy (one pass in C, not a Python
    loop over every character)."""
    if not origin:
        return []
    n = len(origin)
    first = origin[0]
    if origin[-1] - first == n - 1 and origin == _arange(first, n):
        return [(0, first >> _PAGE, first & _OFFSET)]  # one run: most paragraphs
    numpy = _numpy_for(n)
    if numpy is None:  # a short paragraph, numpy not imported: a loop (~50 ns a character)
        starts, prev = [0], first
        for i in range(1, n):
            value = origin[i]
            if value != prev + 1:
                starts.append(i)
            prev = value
        return [(i, origin[i] >> _PAGE, origin[i] & _OFFSET) for i in starts]
    packed = numpy.frombuffer(origin, dtype=numpy.int64)
    starts = [0] + (numpy.flatnonzero(packed[1:] - packed[:-1] != 1) + 1).tolist()
    values = packed[starts].tolist()
    return [(i, v >> _PAGE, v & _OFFSET) for i, v in zip(starts, values)]


def _make_paragraph(index: int, text: str, buf: _Buffer) -> Paragraph:
    joined = buf.joined()
    lead = len(joined) - len(joined.lstrip())
    origin = buf.origin[lead:lead + len(text)]
    runs = _runs(origin)
    pages = [r[1] for r in runs] or [buf.page or 1]
    # Built without validation (every field is made right here): a validated Paragraph cost
    # ~1.2 KB and ~10 us, most of a long document's memory beside its text
    return Paragraph.trusted(index, text, buf.kind if buf.kind != "line" else "paragraph",
                             max(1, pages[0]), max(1, max(pages)), buf.level, buf.cells, runs)
