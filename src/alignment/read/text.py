"""Plain text and Markdown readers.

Input: the bytes of a .txt or .md file. Output: a `RawDocument`.

- TXT: one `line` block per text line, an empty `line` for each run of blank lines (a paragraph
  break), a form feed starts the next page (pdftotext output keeps its pages); a line with two
  or more tabs is a `table_row` split on tabs.
- Markdown: `#`..`######` headings with their level, `- `/`* `/`+ `/`1. ` list items (a
  numbered item keeps its number), pipe-table rows (the `|---|` row skipped), footnote
  definitions `[^1]: ...` as `paragraph` blocks with style "footnote", other lines as `line`
  blocks. Emphasis, code marks, links and HTML comments are dropped; `[^1]` marks are kept.

The encoding is found from a BOM, then strict UTF-8, then charset-normalizer, then cp1252.
"""

from __future__ import annotations

import codecs
import logging
import re

from alignment.document import Block, RawDocument, line_block
from alignment.errors import InputError, UnsupportedFormatError

from .text_lines import Pages, text_blocks

log = logging.getLogger("alignment")

BOMS = [(codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be")]
SINGLE_BYTE = ("cp125", "iso8859", "latin", "mac-", "cp437", "cp850", "koi8", "ascii")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
NUMBERED = re.compile(r"^\s*(\d{1,3})[.)]\s+(.*)$")
FOOTNOTE_DEF = re.compile(r"^\[\^([^\]]+)\]:\s*(.*)$")
TABLE_SEPARATOR = re.compile(r"^\|?(\s*:?-+:?\s*\|)+\s*:?-*:?\s*\|?\s*$")
RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
SETEXT = re.compile(r"^\s*(=+|-+)\s*$")
COMMENT = re.compile(r"<!--.*?-->", re.S)
INLINE = [(re.compile(r"!?\[([^\]^][^\]]*)\]\([^)]*\)"), r"\1"),       # links, images -> text
          (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),        # bold
          (re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])"), r"\1"),  # italic
          (re.compile(r"(?<!\w)_(?=\S)([^_]+?)(?<=\S)_(?!\w)"), r"\1"),
          (re.compile(r"`+([^`]+)`+"), r"\1")]


def decode(data: bytes, path: str) -> tuple[str, str, list[str]]:
    """Bytes -> (text, encoding name, warnings)."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(encoding, errors="replace")
            return text, encoding, _not_utf8(encoding)
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    encoding = _guess(data[:200_000], lambda: _decodes(data, "cp1252"))
    if encoding is None:
        if b"\x00" in data[:8192]:
            raise UnsupportedFormatError(path, "binary file, not a text document")
        encoding = "cp1252"
    text = data.decode(encoding, errors="replace")
    sample = text[:20000]
    if sample and len(CONTROL.findall(sample)) > 0.02 * len(sample):
        raise UnsupportedFormatError(path, "binary file, not a text document")
    return text, encoding, _not_utf8(encoding)


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _guess(sample: bytes, cp1252_decodes) -> str | None:
    """charset-normalizer's guess from the first 200,000 bytes (`sample`), except that a
    single-byte guess becomes cp1252 when cp1252 decodes the whole file (`cp1252_decodes()`):
    the documents we read are English, French or Spanish, and charset-normalizer can take
    French cp1252 for cp1250 (turning "è" into "č")."""
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    name = None
    if best is not None:
        try:
            name = codecs.lookup(best.encoding).name
        except LookupError:
            name = None
    if (name is None or name.startswith(SINGLE_BYTE)) and cp1252_decodes():
        return "cp1252"
    return name


def _not_utf8(encoding: str) -> list[str]:
    if encoding.replace("_", "-") in {"utf-8", "utf-8-sig", "ascii"}:
        return []
    return [f"decoded as {encoding} (not UTF-8)"]


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(data: bytes, path: str, sha256: str) -> RawDocument:
    """A plain text file -> RawDocument of line and table_row blocks, pages split on form feeds
    (`text_lines`; a file on disk is read in windows by `text_file` instead)."""
    text, encoding, warnings = decode(data, path)
    if not text.strip():
        raise InputError(path, "empty file")
    pages = Pages()
    blocks = list(text_blocks([text], pages))
    return RawDocument(path=path, format="txt", sha256=sha256, page_count=pages.count,
                       blocks=blocks, encoding=encoding, warnings=warnings)


def read_markdown(data: bytes, path: str, sha256: str) -> RawDocument:
    """A Markdown file -> RawDocument of heading, list_item, table_row and line blocks."""
    text, encoding, warnings = decode(data, path)
    text = COMMENT.sub("", _lines(text))
    if not text.strip():
        raise InputError(path, "empty file")
    blocks: list[Block] = []
    fenced = False
    for raw in text.split("\n"):
        line = raw.rstrip()
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced:
            blocks.append(Block(kind="line", text=line, page=1))
            continue
        previous = blocks[-1] if blocks else None
        if not stripped or RULE.match(stripped) and (not previous or not previous.text):
            _break(blocks, 1)
        elif SETEXT.match(stripped) and previous is not None and previous.kind == "line" \
                and previous.text:
            previous.kind, previous.level = "heading", 1 if "=" in stripped else 2
        elif m := HEADING.match(line):
            blocks.append(Block(kind="heading", text=_inline(m.group(2)), level=len(m.group(1)),
                                page=1))
        elif stripped.startswith("|"):
            if not TABLE_SEPARATOR.match(stripped):
                cells = [_inline(c.strip()) for c in stripped.strip("|").split("|")]
                blocks.append(Block(kind="table_row", text=" | ".join(cells), cells=cells, page=1))
        elif m := FOOTNOTE_DEF.match(stripped):
            blocks.append(Block(kind="paragraph", text=_inline(m.group(2)), page=1,
                                style="footnote"))
        elif m := BULLET.match(line):
            blocks.append(Block(kind="list_item", text=_inline(m.group(1)), page=1))
        elif m := NUMBERED.match(line):
            blocks.append(Block(kind="list_item", text=f"{m.group(1)}. {_inline(m.group(2))}",
                                page=1))
        elif previous is not None and previous.kind == "list_item":
            previous.text = f"{previous.text} {_inline(stripped)}"  # a wrapped list item
        else:
            blocks.append(Block(kind="line", text=_inline(line), page=1))
    return RawDocument(path=path, format="md", sha256=sha256, page_count=1, blocks=_trim(blocks),
                       encoding=encoding, warnings=warnings)


def _inline(text: str) -> str:
    for pattern, replacement in INLINE:
        text = pattern.sub(replacement, text)
    return text


def _break(blocks: list[Block], page: int) -> None:
    """Add a paragraph break (an empty line) unless the last block already is one."""
    if blocks and not (blocks[-1].kind == "line" and not blocks[-1].text):
        blocks.append(line_block("", page))


def _trim(blocks: list[Block]) -> list[Block]:
    while blocks and blocks[-1].kind == "line" and not blocks[-1].text:
        blocks.pop()
    return blocks
