"""Ruled tables of results-matrix pages, found with pdfplumber.

Input: the PDF bytes and a page index. Output: for each ruled table of at least 2 rows and 3
columns, its box in PDF units (x0, bottom, x1, top; origin bottom left, like PDFium) and its
rows as `table_row` blocks. pdfplumber is slow (about 5 pages/s) and memory-hungry, so it is
opened once per document, only when a page reads like a results matrix, and every page it
touches is closed again.
"""

from __future__ import annotations

import io
import logging
import re

from alignment.document import Block

log = logging.getLogger("alignment")

SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
MATRIX_WORDS = [
    (re.compile(r"\bbaseline", re.I), re.compile(r"\btarget", re.I)),
    (re.compile(r"\bmeans of verification|\bmoyens? de v[ée]rification|\bmedios? de verificaci",
                re.I), None),
    (re.compile(r"\br[ée]f[ée]rence", re.I), re.compile(r"\bcibles?\b", re.I)),
    (re.compile(r"\bl[íi]nea (?:de )?base", re.I), re.compile(r"\bmetas?\b", re.I)),
]


def looks_like_results_matrix(text: str) -> bool:
    """True when a page's text has the column words of an indicator table."""
    return any(first.search(text) and (second is None or second.search(text))
               for first, second in MATRIX_WORDS)


class TableFinder:
    """Opens the PDF with pdfplumber on first use; `close()` releases it."""

    def __init__(self, data: bytes):
        self.data = data
        self.pdf = None

    def rows(self, index: int, number: int, warnings: list[str]):
        """[(bbox, [table_row Block, ...]), ...] for page `index`, or None if it failed."""
        try:
            if self.pdf is None:
                import pdfplumber

                # pdfminer logs every oddity of a damaged file as a warning: keep stderr clean
                logging.getLogger("pdfminer").setLevel(logging.ERROR)
                self.pdf = pdfplumber.open(io.BytesIO(self.data))
            page = self.pdf.pages[index]
            try:
                return self._tables(page, number)
            finally:
                page.close()
        except Exception:
            log.debug("pdfplumber failed on page %d", number, exc_info=True)
            warnings.append(f"the table on page {number} could not be read; kept as lines")
            return None

    @staticmethod
    def _tables(page, number: int):
        out = []
        height = page.height
        for table in page.find_tables(SETTINGS):
            rows = [[" ".join((cell or "").split()) for cell in row] for row in table.extract()]
            rows = [row for row in rows if any(row)]
            if len(rows) < 2 or max(len(row) for row in rows) < 3:
                continue
            x0, top, x1, bottom = table.bbox
            blocks = [Block(kind="table_row", text=" | ".join(row), cells=row, page=number)
                      for row in rows]
            out.append(((x0, height - bottom, x1, height - top), blocks))
        return out

    def close(self) -> None:
        if self.pdf is not None:
            try:
                self.pdf.close()
            except Exception:  # pdfplumber's close() parses the page tree again
                log.debug("pdfplumber close failed", exc_info=True)
            self.pdf = None
