"""PDF reader (pypdfium2, page by page, tables included).

Input: the bytes of a PDF. Output: a `RawDocument` of `line` blocks in PDFium's reading order,
each with its page:

- one block per visual line; pieces PDFium splits off the same line (a raised footnote mark,
  the text after it) are put back on it;
- an empty `line` where the gap to the previous line is more than 1.4 times the page's usual
  line pitch, before a line starting with a bullet, between the running-header band, the body
  and the footer band, and at the end of every page;
- lines in the top 7 % of the page get style "header", in the bottom 7 % style "footer"
  (listed first and last on their page); the normaliser decides whether to drop them;
- a line-end hyphen, which PDFium reports as U+0002 or U+FFFE and joins to the next line,
  is written back as "-" and the line split there again;
- on a page that draws ruling lines, the lines inside a ruled table (see `pdf_grid`) are
  replaced by one `table_row` block per table row, with its cells.

Errors: encrypted, damaged, no text layer at all; a page that cannot be read is skipped with a
warning.
"""

from __future__ import annotations

import logging
import re

from alignment.document import Block, RawDocument
from alignment.errors import InputError, NoTextLayerError

from .pdf_layout import Line, emit, merge, same_line
from .pdf_grid import TooManyLines, find_tables
from .sniff import PDF_BROKEN

log = logging.getLogger("alignment")
LINE_END = re.compile("\r\n|[\x02\ufffe]")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def read_pdf(data: bytes, path: str, sha256: str) -> RawDocument:
    """A PDF file -> RawDocument of line (and table_row) blocks."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise InputError(path, _open_error(exc, data)) from None
    try:
        return _read(pdf, data, path, sha256)
    finally:
        pdf.close()


def _open_error(exc, data: bytes) -> str:
    import pypdfium2.raw as raw

    # PDFium refuses a document whose page tree is empty without setting an error of its own
    # (its last error may be a stale one of an earlier file): look at the file first
    if _no_pages(data):
        return NO_PAGES
    code = getattr(exc, "err_code", None)
    if code == raw.FPDF_ERR_PASSWORD or "password" in str(exc).lower():
        return "encrypted PDF: a password is required"
    if code == raw.FPDF_ERR_SECURITY:
        return "encrypted PDF: unsupported security handler"
    return PDF_BROKEN


NO_PAGES = "the PDF has no pages"
_EMPTY_TREE = re.compile(rb"/Type\s*/Pages\b[^>]*/Count\s+0\b|/Count\s+0\b[^>]*/Type\s*/Pages\b")
_A_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


def _no_pages(data: bytes) -> bool:
    """A complete PDF (it ends with %%EOF) whose page tree says it holds no page."""
    return (b"%%EOF" in data[-4096:] and _EMPTY_TREE.search(data) is not None
            and _A_PAGE.search(data) is None)


def _read(pdf, data: bytes, path: str, sha256: str) -> RawDocument:
    count = len(pdf)
    truncated = b"%%EOF" not in data[-4096:]
    if count == 0:
        raise InputError(path, PDF_BROKEN if truncated else NO_PAGES)
    warnings: list[str] = []
    if truncated:
        warnings.append("the file looks truncated (no %%EOF at its end)")
    blocks: list[Block] = []
    chars = failed = images = empty = 0
    pitch = 0.0
    for index in range(count):
        number = index + 1
        try:
            page = pdf[index]
        except Exception:
            failed += 1
            warnings.append(f"page {number} could not be read")
            continue
        try:
            lines, height, page_chars = _page(page, number, warnings)
            if page_chars == 0:
                if _has_objects(page, image=True):
                    images += 1
                    warnings.append(f"page {number} has no text layer (scanned page?)")
                elif not _has_objects(page, image=False):
                    empty += 1
            chars += page_chars
            pitch = emit(blocks, lines[0], number, height, pitch, lines[1])
        except Exception:
            log.debug("page %d of %s failed", number, path, exc_info=True)
            failed += 1
            warnings.append(f"page {number} could not be read")
        finally:
            page.close()
    if failed == count:
        raise InputError(path, PDF_BROKEN)
    if chars == 0:
        if images or empty < count - failed:
            raise NoTextLayerError(path, "no text layer (scanned PDF?): run OCR first")
        if truncated or failed:
            raise InputError(path, PDF_BROKEN)
        raise InputError(path, f"every page of the PDF is blank ({count} page(s)): no text to analyse")
    return RawDocument(path=path, format="pdf", sha256=sha256, page_count=count, blocks=blocks,
                       warnings=warnings)


def _has_objects(page, image: bool) -> bool:
    import pypdfium2.raw as raw

    kinds = [raw.FPDF_PAGEOBJ_IMAGE] if image else None
    for _ in page.get_objects(filter=kinds, max_depth=2):
        return True
    return False


def _ruled(page, enough: int = 8) -> bool:
    """Whether the page draws at least a few line segments (a ruled table's grid)."""
    import pypdfium2.raw as raw

    segments = 0
    for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=3):
        segments += max(raw.FPDFPath_CountSegments(obj.raw), 0)
        if segments >= enough:
            return True
    return False


def _page(page, number: int, warnings: list[str]):
    """((visual lines, ruled tables), page height, number of characters) of one page."""
    textpage = page.get_textpage()
    try:
        nchars = textpage.count_chars()
        height = page.get_height()
        if nchars <= 0:
            return ([], None), height, 0
        lines = _page_lines(textpage, nchars, height)
        tables = None
        if lines and _ruled(page):
            try:
                tables = find_tables(page, textpage, number)
            except TooManyLines:
                log.debug("page %d draws too many lines to search for tables", number)
            except Exception:
                log.debug("table search failed on page %d", number, exc_info=True)
                warnings.append(f"the table on page {number} could not be read; kept as lines")
        return (lines, tables), height, nchars
    finally:
        textpage.close()


def _page_lines(textpage, nchars: int, height: float) -> list[Line]:
    """The visual lines of one page, in PDFium's reading order."""
    import pypdfium2.raw as raw

    text = textpage.get_text_range()
    same = len(text) == nchars
    lines: list[Line] = []
    for start, end in _pieces(text):
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece.rstrip())
        if trail <= lead:
            continue
        first, last = start + lead, start + trail - 1
        if not same:
            first = raw.FPDFText_GetCharIndexFromTextIndex(textpage.raw, first)
            last = raw.FPDFText_GetCharIndexFromTextIndex(textpage.raw, last)
        try:
            # the height comes from the first character: a footnote mark at the end of
            # the line must not make it look taller
            left, bottom, right, top = textpage.get_charbox(first, loose=True)
            right = max(right, textpage.get_charbox(last, loose=True)[2])
        except Exception:  # no box for this text index: place it under the last line
            prev = lines[-1] if lines else Line("", 0.0, height, 0.0, height)
            left, bottom, right, top = (prev.left, prev.bottom - 1.2 * prev.height,
                                        prev.right, prev.bottom - 0.2 * prev.height)
        line = Line(_clean(piece), left, bottom, right, top)
        if lines and same_line(lines[-1], line):
            merge(lines[-1], line)
        else:
            lines.append(line)
    return lines


def _pieces(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of PDFium's text: lines end at CR LF, and also after a
    line-end hyphen, which PDFium marks with U+0002 or U+FFFE and joins to the next line."""
    pieces = []
    pos = 0
    for m in LINE_END.finditer(text):
        if m.group() == "\r\n":
            pieces.append((pos, m.start()))
        else:
            pieces.append((pos, m.end()))
        pos = m.end()
    pieces.append((pos, len(text)))
    return pieces


def _clean(piece: str) -> str:
    text = piece.rstrip().replace("\x02", "-").replace("\ufffe", "-")
    return CONTROL.sub("", text)
