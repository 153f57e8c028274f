"""HTML reader.

Input: the bytes of an HTML file. Output: a `RawDocument` with `heading` blocks for h1-h6 (level
from the tag), `list_item` for li, `table_row` for tr (cells from th/td), `paragraph` for p and
the other block elements, and for loose text directly inside div/section/body. Script, style,
template, head and similar elements are dropped. Everything is on page 1.
"""

from __future__ import annotations

import logging
import re

from alignment.document import Block, RawDocument
from alignment.errors import InputError

log = logging.getLogger("alignment")

DROP = {"script", "style", "noscript", "template", "head", "title", "meta", "link", "svg",
        "iframe", "object", "button", "select", "option", "form"}
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
TEXT_BLOCKS = {"p", "dt", "dd", "blockquote", "pre", "caption", "figcaption", "address",
               "summary", "legend"}
LISTS = {"ul", "ol", "dl", "menu"}
SPACES = re.compile(r"\s+")
SPACED = {"br", "p", "div", "li", "td", "th", "tr", "ul", "ol", "table", "h1", "h2", "h3", "h4",
          "h5", "h6", "dt", "dd", "section", "article", "hr"}


def read_html(data: bytes, path: str, sha256: str) -> RawDocument:
    """An HTML file -> RawDocument of heading, paragraph, list_item and table_row blocks."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(data, "lxml")
    for tag in soup.find_all(DROP):
        tag.decompose()
    blocks: list[Block] = []
    _walk_fragment(soup.body or soup, blocks)
    if not blocks:
        raise InputError(path, "empty file")
    encoding = getattr(soup, "original_encoding", None)
    return RawDocument(path=path, format="html", sha256=sha256, page_count=1, blocks=blocks,
                       encoding=encoding)


def _walk(node, blocks: list[Block], loose: list[str]) -> None:
    """Depth-first walk that emits one block per block-level element, in document order."""
    from bs4 import Comment, NavigableString, Tag

    for child in node.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            if child.strip():
                loose.append(str(child))
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name.lower() if child.name else ""
        if name in DROP:
            continue
        if name == "br":
            loose.append(" ")
            continue
        if name in HEADINGS or name in TEXT_BLOCKS or name in ("li", "tr", "table") \
                or name in LISTS or _is_block(child):
            _flush(blocks, loose)
        if name in HEADINGS:
            _add(blocks, "heading", _text(child), level=HEADINGS[name])
        elif name == "tr":
            cells = []
            for cell in child.find_all(("td", "th"), recursive=False):
                cells.append(_text(cell))
                # a cell spanning columns keeps the columns after it, as in PDF tables
                span = str(cell.get("colspan") or "1").strip()
                cells.extend([""] * (min(int(span), 50) - 1 if span.isdigit() and int(span) > 1 else 0))
            if any(cells):
                blocks.append(Block(kind="table_row", text=" | ".join(cells), cells=cells, page=1))
        elif name == "li":
            nested = child.find_all(tuple(LISTS), recursive=False)
            for lst in nested:
                lst.extract()
            _add(blocks, "list_item", _text(child))
            for lst in nested:
                _walk_fragment(lst, blocks)
        elif name in TEXT_BLOCKS and not child.find(("table", "ul", "ol", "p", "div")):
            _add(blocks, "paragraph", _text(child))
        else:
            _walk(child, blocks, loose)
            if _is_block(child):
                _flush(blocks, loose)


def _walk_fragment(node, blocks: list[Block]) -> None:
    loose: list[str] = []
    _walk(node, blocks, loose)
    _flush(blocks, loose)


def _is_block(tag) -> bool:
    return tag.name in {"div", "section", "article", "main", "header", "footer", "nav", "aside",
                        "body", "table", "thead", "tbody", "tfoot", "ul", "ol", "dl", "figure",
                        "hr", "details", "fieldset"}


def _text(tag) -> str:
    """The text of an element; inline tags join without a space, block tags and br with one."""
    from bs4 import Comment, NavigableString

    parts = []
    for node in tag.descendants:
        if isinstance(node, NavigableString):
            if not isinstance(node, Comment):
                parts.append(str(node))
        elif node.name in SPACED:
            parts.append(" ")
    return SPACES.sub(" ", "".join(parts)).strip()


def _add(blocks: list[Block], kind: str, text: str, level: int | None = None) -> None:
    if text:
        blocks.append(Block(kind=kind, text=text, page=1, level=level))


def _flush(blocks: list[Block], loose: list[str]) -> None:
    text = SPACES.sub(" ", "".join(loose)).strip()
    loose.clear()
    if text:
        blocks.append(Block(kind="paragraph", text=text, page=1))
