"""DOCX reader (python-docx to open the package, lxml for the body).

Input: the bytes of a .docx file. Output: a `RawDocument` of whole blocks in body order:
`heading` (styles "Title", "Heading N" and their French/Spanish names, or an outline level;
Title is level 1), `list_item` (a list style or numbering; numbered items get their visible
number, e.g. "2. "), `paragraph`, and one `table_row` per table row (one cell per `w:tc`,
so merged cells are not repeated: a cell spanning columns is followed by an empty cell per
extra column, and continuation cells of a vertical merge are empty). Content controls
(`w:sdt`) are entered; text boxes are skipped. Footnotes and endnotes are appended at the end
as `paragraph` blocks with style "footnote" / "endnote".

Pages: when Word saved its layout (`w:lastRenderedPageBreak`) those marks give the page of
each block; otherwise explicit page breaks do; a document with neither is all on page 1.

A zip bomb is refused before python-docx opens anything: the declared uncompressed sizes are
summed and compared with `MAX_UNCOMPRESSED`.
"""

from __future__ import annotations

import io
import logging
import re
import struct
import zipfile
import zlib

from alignment.document import Block, RawDocument
from alignment.errors import InputError, TooLargeError

from .docx_numbering import Numbering
from .sniff import DOCX_BROKEN

log = logging.getLogger("alignment")

MAX_UNCOMPRESSED = 200 * 1024 * 1024
"""Largest total uncompressed size of a DOCX archive (200 MB). Real documents compress 10-19:1,
so this admits DOCX files of 10-20 MB and more; a zip bomb declares far more."""

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W, "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"}
P, TBL, SDT, TR, TC = (f"{{{W}}}{t}" for t in ("p", "tbl", "sdt", "tr", "tc"))
T, TAB, BR, CR, NBH, LRPB = (f"{{{W}}}{t}" for t in
                             ("t", "tab", "br", "cr", "noBreakHyphen", "lastRenderedPageBreak"))
HEADING = re.compile(r"^(?:heading|titre|título|titulo|encabezado|überschrift)\s*(\d)$", re.I)
TITLE = {"title", "titre", "título", "titulo"}


def read_docx(data: bytes, path: str, sha256: str) -> RawDocument:
    """A DOCX file -> RawDocument of heading, paragraph, list_item and table_row blocks."""
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError, XPath

    _check_uncompressed(data, path)
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        styles = _styles(document)
        numbering = Numbering.of(document)
        rendered = next(body.iter(LRPB), None) is not None
        reader = _BodyReader(styles, numbering, XPath, rendered=rendered)
        reader.read(body)
        notes = _notes(data, reader)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, XMLSyntaxError,
            # a damaged member: bad deflate data, bad header, unsupported zip feature
            zlib.error, struct.error, EOFError, NotImplementedError, UnicodeDecodeError):
        raise InputError(path, DOCX_BROKEN) from None
    return RawDocument(path=path, format="docx", sha256=sha256, page_count=reader.page,
                       blocks=reader.blocks + notes)


def _check_uncompressed(data: bytes, path: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except Exception:  # BadZipFile, OSError, NotImplementedError (unknown zip versions)...
        raise InputError(path, DOCX_BROKEN) from None
    if total > MAX_UNCOMPRESSED:
        mb = 1024 * 1024
        raise TooLargeError(path, f"uncompressed size {total // mb} MB is above the limit of "
                            f"{MAX_UNCOMPRESSED // mb} MB (zip bomb?)")


def _styles(document) -> dict[str, tuple[str, int | None, bool]]:
    """styleId -> (name, heading level or None, is a list style)."""
    out: dict[str, tuple[str, int | None, bool]] = {}
    for style in document.styles:
        try:
            name = style.name or style.style_id
            element = style.element
        except Exception:  # a malformed style entry must not stop the document
            continue
        level = None
        if m := HEADING.match(name.strip()):
            level = int(m.group(1))
        elif name.strip().lower() in TITLE:
            level = 1
        else:
            outline = element.findall(f"{{{W}}}pPr/{{{W}}}outlineLvl")
            outline = [o.get(f"{{{W}}}val", "") for o in outline]
            if outline and outline[0].isdigit() and int(outline[0]) < 9:
                level = int(outline[0]) + 1
        listy = "list" in name.lower() or element.find(f"{{{W}}}pPr/{{{W}}}numPr") is not None
        out[style.style_id] = (name, level, listy)
    return out


class _BodyReader:
    """Walks the body once, keeping the page count and the list counters."""

    def __init__(self, styles, numbering: Numbering, xpath, rendered: bool):
        self.styles = styles
        self.numbering = numbering
        self.rendered = rendered
        self.page = 1
        self.blocks: list[Block] = []
        self.items = xpath(
            "(.//w:r/w:t | .//w:r/w:tab | .//w:r/w:br | .//w:r/w:cr | .//w:r/w:noBreakHyphen"
            " | .//w:r/w:lastRenderedPageBreak)"
            "[not(ancestor::w:txbxContent) and not(ancestor::mc:Fallback)]", namespaces=NS)
        self.pstyle = xpath("string(./w:pPr/w:pStyle/@w:val)", namespaces=NS)
        self.numpr = xpath("./w:pPr/w:numPr", namespaces=NS)
        self.outline = xpath("string(./w:pPr/w:outlineLvl/@w:val)", namespaces=NS)
        self.break_before = xpath("./w:pPr/w:pageBreakBefore[not(@w:val='0' or @w:val='false')]"
                                  " | ./w:pPr/w:sectPr", namespaces=NS)

    def read(self, container) -> None:
        for child in container.iterchildren():
            if child.tag == P:
                self.paragraph(child)
            elif child.tag == TBL:
                self.table(child)
            elif child.tag == SDT:
                for content in child.iterchildren(f"{{{W}}}sdtContent"):
                    self.read(content)

    def text(self, element) -> tuple[str, int, int]:
        """(text, page breaks before any text, page breaks after some text)."""
        parts: list[str] = []
        before = after = 0
        for item in self.items(element):
            tag = item.tag
            if tag == T:
                parts.append(item.text or "")
            elif tag == TAB:
                parts.append("\t")
            elif tag == NBH:
                parts.append("-")
            elif tag == LRPB or (tag == BR and item.get(f"{{{W}}}type") == "page"):
                if (tag == LRPB) == self.rendered:
                    if "".join(parts).strip():
                        after += 1
                    else:
                        before += 1
            elif tag in (BR, CR) and item.get(f"{{{W}}}type") != "column":
                parts.append("\n")
        return "".join(parts), before, after

    def paragraph(self, p) -> None:
        text, before, after = self.text(p)
        if not self.rendered and self.break_before(p):
            # pageBreakBefore moves this paragraph; a section break in pPr ends the page after it
            if p.find(f"{{{W}}}pPr/{{{W}}}pageBreakBefore") is not None and self.blocks:
                before += 1
            if p.find(f"{{{W}}}pPr/{{{W}}}sectPr") is not None:
                after += 1
        page = self.page + before
        self.page = page + after
        text = text.strip()
        if not text:
            return
        style_id = self.pstyle(p)
        name, level, listy = self.styles.get(style_id, (style_id or "Normal", None, False))
        outline = self.outline(p)
        if level is None and outline.isdigit() and int(outline) < 9:
            level = int(outline) + 1
        numpr = self.numpr(p)
        if level is not None:
            self.blocks.append(Block(kind="heading", text=text, page=page, level=level, style=name))
        elif listy or numpr:
            prefix = self.numbering.label(numpr[0] if numpr else None, style_id)
            self.blocks.append(Block(kind="list_item", text=prefix + text, page=page, style=name))
        else:
            self.blocks.append(Block(kind="paragraph", text=text, page=page, style=name))

    def table(self, tbl) -> None:
        for tr in tbl.iterchildren(TR):
            cells: list[str] = []
            before = after = 0
            seen = False
            for tc in tr.iterchildren(TC):
                parts = []
                for p in tc.iter(P):
                    text, b, a = self.text(p)
                    before, after = (before, after + b + a) if seen else (before + b, after + a)
                    if text.strip():
                        seen = True
                        parts.append(" ".join(text.split()))
                cells.append(" ".join(parts))
                # A cell spanning columns keeps the columns after it, as in PDF tables.
                span = tc.find(f"{{{W}}}tcPr/{{{W}}}gridSpan")
                width = span.get(f"{{{W}}}val") if span is not None else None
                if width and width.isdigit() and int(width) > 1:
                    cells.extend([""] * (int(width) - 1))
            page = self.page + before
            self.page = page + after
            if any(cells):
                self.blocks.append(Block(kind="table_row", text=" | ".join(cells), cells=cells,
                                         page=page))


def _notes(data: bytes, reader: _BodyReader) -> list[Block]:
    """Footnotes and endnotes as paragraph blocks, read straight from their XML parts."""
    from lxml import etree

    blocks: list[Block] = []
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        for kind in ("footnote", "endnote"):
            member = f"word/{kind}s.xml"
            if member not in names:
                continue
            root = etree.fromstring(archive.read(member), parser)
            for note in root.iterchildren(f"{{{W}}}{kind}"):
                if note.get(f"{{{W}}}type") not in (None, "normal"):
                    continue
                texts = [reader.text(p)[0] for p in note.iter(P)]
                text = " ".join(" ".join(t.split()) for t in texts if t.strip())
                if text:
                    blocks.append(Block(kind="paragraph", text=text, page=reader.page,
                                        style=kind))
    return blocks
