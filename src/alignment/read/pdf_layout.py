"""Page layout of a PDF: visual lines -> blocks.

Input: the lines of one page (text and box, from `pdf._page_lines`), the page height and the
ruled tables found on it. Output: `line` blocks appended to the document, with empty lines at
paragraph breaks, header/footer styles for the top and bottom bands, and `table_row` blocks in
place of the lines a table covers.

A paragraph break is placed where the step down from the previous line is more than 1.4 times
the page's usual line pitch, where the font size changes, where the text moves up the page (a
new column), before a bullet, and before a numbered item set off by extra space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from alignment.document import Block, line_block

BAND = 0.07           # share of the page height taken by the running header and footer bands
BREAK_RATIO = 1.4     # a line pitch above this many usual pitches is a paragraph break
BULLET = re.compile(r"^(?:[•▪◦●■□➢►·]|[-–*]\s)")
NUMBERED = re.compile(r"^(?:\d{1,2}[.)]|\(?[a-z]\))\s")


@dataclass
class Line:
    """A visual line of a page with its box in PDF units (origin bottom left)."""

    text: str
    left: float
    bottom: float
    right: float
    top: float

    @property
    def height(self) -> float:
        return max(self.top - self.bottom, 1.0)


def same_line(prev: Line, line: Line) -> bool:
    """A piece that continues the previous line to its right, at (nearly) the same height."""
    overlap = min(prev.top, line.top) - max(prev.bottom, line.bottom)
    return overlap > 0.5 * min(prev.height, line.height) and line.left >= prev.right - 1.0


def merge(prev: Line, line: Line) -> None:
    gap = line.left - prev.right
    glue = "" if gap < 0.15 * prev.height or prev.text.endswith(" ") else " "
    prev.text = prev.text + glue + line.text.lstrip() if glue else prev.text + line.text
    prev.text = prev.text.rstrip()
    prev.right = max(prev.right, line.right)
    # keep the larger line's box: a superscript must not move the baseline
    if line.height > prev.height:
        prev.bottom, prev.top = line.bottom, line.top


def emit(blocks: list[Block], lines: list[Line], page: int, height: float, pitch: float,
         rows) -> float:
    """Append a page's blocks; return the usual line pitch to carry to the next page."""
    top_edge, bottom_edge = height * (1 - BAND), height * BAND
    header = [l for l in lines if l.bottom >= top_edge]
    footer = [l for l in lines if l.top <= bottom_edge and l.bottom < top_edge]
    banded = {id(l) for l in header + footer}
    body = [l for l in lines if id(l) not in banded]
    pitch = _usual_pitch(body) or pitch
    for line in header:
        blocks.append(line_block(line.text, page, "header"))
    if header:
        _break(blocks, page)
    table_at = _table_positions(body, rows)
    prev: Line | None = None
    for i, line in enumerate(body):
        if i in table_at:
            if table_at[i]:
                _break(blocks, page)
                blocks.extend(table_at[i])
                _break(blocks, page)
            prev = None
            continue
        if prev is not None and _is_break(prev, line, pitch):
            _break(blocks, page)
        if BULLET.match(line.text):
            _break(blocks, page)
        blocks.append(line_block(line.text, page))
        prev = line
    _break(blocks, page)
    for line in footer:
        blocks.append(line_block(line.text, page, "footer"))
    if footer:
        _break(blocks, page)
    return pitch


def _usual_pitch(lines: list[Line]) -> float:
    """The within-paragraph line pitch of a page: a low percentile of the line steps, capped
    from the usual line height (a page of one-line paragraphs has no within-paragraph step)."""
    pitches = sorted(a.bottom - b.bottom for a, b in zip(lines, lines[1:])
                     if 0 < a.bottom - b.bottom < 3 * a.height)
    if len(pitches) < 3:
        return 0.0
    heights = sorted(l.height for l in lines)
    return min(pitches[len(pitches) // 5], 1.3 * heights[len(heights) // 2])


def _is_break(prev: Line, line: Line, pitch: float) -> bool:
    step = prev.bottom - line.bottom
    if step < -0.5 * line.height:
        return True  # moved up the page: a new column or a floating block
    if abs(prev.height - line.height) > 0.2 * max(prev.height, line.height):
        return True  # another font size: a heading and its text
    # the page's usual pitch, but never less than a plain line of this size needs (a title)
    usual = max(pitch, 1.1 * min(prev.height, line.height))
    if NUMBERED.match(line.text) and step > 1.1 * usual:
        return True  # a numbered item set off by a little extra space
    return step > BREAK_RATIO * usual


def _table_positions(body: list[Line], rows) -> dict[int, list[Block]]:
    """Line index -> table rows to put there (empty list: a line swallowed by a table)."""
    out: dict[int, list[Block]] = {}
    for bbox, table_rows in rows or []:
        x0, y_bottom, x1, y_top = bbox
        inside = [i for i, l in enumerate(body)
                  if y_bottom <= (l.bottom + l.top) / 2 <= y_top
                  and x0 <= (l.left + l.right) / 2 <= x1]
        if not inside:
            continue
        out[inside[0]] = table_rows
        for i in inside[1:]:
            out.setdefault(i, [])
    return out


def _break(blocks: list[Block], page: int) -> None:
    if blocks and not (blocks[-1].kind == "line" and not blocks[-1].text):
        blocks.append(line_block("", page))
