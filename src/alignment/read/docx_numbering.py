"""Visible numbers of DOCX list paragraphs ("1.", "2.1", "(b)").

Input: a python-docx `Document` (its numbering part and styles). Output: `Numbering.label()`,
called for each list paragraph in body order, returns the label Word would show followed by a
space, or "" for bullets and unnumbered lists. Counters are kept per numbering instance
(`w:numId`); a level restarts when a shallower level advances.
"""

from __future__ import annotations

import re

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
PLACEHOLDER = re.compile(r"%([1-9])")
ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
         (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


class Numbering:
    """Numbering definitions of one document plus the running counters."""

    def __init__(self, levels: dict[str, dict[int, tuple[str, int, str]]],
                 styles: dict[str, tuple[str, int]]):
        self.levels = levels      # numId -> ilvl -> (numFmt, start, lvlText)
        self.styles = styles      # styleId -> (numId, ilvl) for styles that carry numbering
        self.counters: dict[str, dict[int, int]] = {}

    @classmethod
    def of(cls, document) -> Numbering:
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return cls({}, {})
        abstract: dict[str, dict[int, tuple[str, int, str]]] = {}
        for node in root.iterchildren(f"{{{W}}}abstractNum"):
            levels = {}
            for lvl in node.iterchildren(f"{{{W}}}lvl"):
                ilvl = _int(lvl.get(f"{{{W}}}ilvl"), 0)
                levels[ilvl] = (_val(lvl, "numFmt") or "decimal", _int(_val(lvl, "start"), 1),
                                _val(lvl, "lvlText") or "")
            abstract[node.get(f"{{{W}}}abstractNumId")] = levels
        levels_by_num = {}
        for num in root.iterchildren(f"{{{W}}}num"):
            levels_by_num[num.get(f"{{{W}}}numId")] = abstract.get(_val(num, "abstractNumId"), {})
        styles = {}
        for style in document.styles:
            try:
                numpr = style.element.find(f"{{{W}}}pPr/{{{W}}}numPr")
            except Exception:
                continue
            if numpr is not None:
                styles[style.style_id] = (_val(numpr, "numId") or "0",
                                          _int(_val(numpr, "ilvl"), 0))
        return cls(levels_by_num, styles)

    def label(self, numpr, style_id: str) -> str:
        """The next label of the list this paragraph belongs to, with a trailing space."""
        num_id, ilvl = self.styles.get(style_id, (None, 0))
        if numpr is not None:
            num_id = _val(numpr, "numId") or num_id
            ilvl = _int(_val(numpr, "ilvl"), ilvl)
        levels = self.levels.get(num_id or "0")
        if not levels or ilvl not in levels:
            return ""
        fmt, start, text = levels[ilvl]
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if fmt in ("bullet", "none") or not text:
            return ""

        def number(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            k_fmt, k_start, _ = levels.get(k, ("decimal", 1, ""))
            return _format(counters.get(k, k_start), k_fmt)

        label = PLACEHOLDER.sub(number, text).strip()
        return f"{label} " if label else ""


def _val(node, child: str) -> str | None:
    found = node.find(f"{{{W}}}{child}")
    return found.get(f"{{{W}}}val") if found is not None else None


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _format(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = ""
        while n > 0:
            n, rest = divmod(n - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        roman = ""
        for value, symbol in ROMAN:
            while n >= value:
                roman, n = roman + symbol, n - value
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)
