"""Plain text, a piece at a time -> the TXT reader's blocks.

Input: the decoded text of a file as consecutive pieces, split anywhere (inside a line, between
"\\r" and "\\n"). Output: the same blocks, in the same order, as for the whole text at once:
one `line` block per text line ("\\r\\n", "\\r" and "\\n" end a line; trailing spaces
dropped), one empty `line` block for each run of blank lines (a paragraph break, never first
or last), a `table_row` split on tabs for a line with two or more tabs; a form feed starts the
next page. What is held at once is one piece and its lines, never the whole text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from alignment.document import Block, line_block


class Pages:
    """The page count of a text, known once its blocks are used up: one more than its form
    feeds, less a blank last page (a form feed at the very end starts no page)."""

    __slots__ = ("count",)

    def __init__(self) -> None:
        self.count = 0


class _Place:
    """Where the blocks stand between two pieces."""

    __slots__ = ("page", "page_blank", "started", "pending")

    def __init__(self) -> None:
        self.page = 1
        self.page_blank = True  # no text line on this page yet
        self.started = False  # a block was given (a paragraph break never comes first)
        self.pending = 0  # the page of a paragraph break not given yet (given only before more text)


def text_blocks(pieces: Iterable[str], pages: Pages | None = None) -> Iterator[Block]:
    """The blocks of the text made of `pieces`, one at a time; `pages.count` is set at the end."""
    at = _Place()
    rest: list[str] = []  # the unfinished last line of the pieces so far, in parts
    for piece in pieces:
        if "\n" not in piece and "\r" not in piece:
            rest.append(piece)  # the line goes on: kept in parts, not copied again per piece
            continue
        text = "".join(rest) + piece
        held = ""
        if text.endswith("\r"):  # maybe the first half of a "\r\n" split between pieces
            text, held = text[:-1], "\r"
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        rest = [lines.pop() + held]
        yield from _blocks(lines, at)
    last = "".join(rest)
    if last:  # the last line, after the last line end (a held "\r" ends it)
        yield from _blocks(last.replace("\r", "\n").split("\n"), at)
    if pages is not None:
        pages.count = at.page - 1 if at.page > 1 and at.page_blank else at.page


def _blocks(lines: list[str], at: _Place) -> Iterator[Block]:
    page, page_blank, started, pending = at.page, at.page_blank, at.started, at.pending
    for line in lines:
        for i, part in enumerate(line.split("\f") if "\f" in line else (line,)):
            if i:  # a form feed: the page ends with a paragraph break
                if started and not pending:
                    pending = page
                page, page_blank = page + 1, True
            block = _block(part, page)
            if block is None:
                if started and not pending:
                    pending = page
                continue
            if pending:
                yield line_block("", pending)
                pending = 0
            started, page_blank = True, False
            yield block
    at.page, at.page_blank, at.started, at.pending = page, page_blank, started, pending


def _block(line: str, page: int) -> Block | None:
    """The block of one line of `page`, or None for a blank line."""
    line = line.rstrip()
    if not line:
        return None
    if line.count("\t") >= 2:
        cells = [cell.strip() for cell in line.strip("\t ").split("\t")]
        return Block(kind="table_row", text=" | ".join(cells), cells=cells, page=page)
    return line_block(line, page)
