"""Report stage, CSV: `Report` -> one row per finding; `Table` (a header and rows) -> CSV, the
writer of `check --format csv` and of the batch's tables (documents.csv, findings.csv, ...)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass

from ..results import Report
from .cells import safe_row

FINDING_COLUMNS = ["document", "category", "topic", "strength", "score", "rule_id", "trigger", "modifiers",
                   "section", "section_category", "element", "element_number", "page", "sentence"]
# the columns that can hold the document's own words (see report.cells)
FINDING_TEXT_COLUMNS = [FINDING_COLUMNS.index(c) for c in
                        ("document", "trigger", "modifiers", "section", "element_number", "sentence")]


def finding_rows(r: Report) -> list[list]:
    rows = []
    for f in r.findings:
        rows.append([r.document.name, f.category, f.topic or "", f.strength, f.score, f.rule_id, f.trigger,
                     "; ".join(f"{m.modifier}:{m.rule_id}:{m.cue}" for m in f.modifiers), f.section or "",
                     f.section_category or "", f.element or "", f.element_number or "", f.page, f.sentence])
    return rows


@dataclass(frozen=True)
class Table:
    """A CSV table: its header and rows (a generator for the batch's findings, streamed from the
    cache); the cells of `text_columns` (all when None) are made spreadsheet-safe. Written
    through the registry of report/formats.py (`write(table, "csv", fh)`)."""

    header: list[str]
    rows: Iterable[list]
    text_columns: object = None


def write_table_csv(table: Table, fh) -> int:
    """The registry's csv writer of a `Table`: header and rows to the text file `fh`; returns
    the number of rows."""
    n = 0
    w = csv.writer(fh, lineterminator="\n")
    w.writerow(table.header)
    for row in table.rows:
        w.writerow(safe_row(row, table.text_columns))
        n += 1
    return n


def render_csv(r: Report) -> str:
    """`check --format csv`: the findings table, the same writer as the batch's findings.csv."""
    buf = io.StringIO()
    write_table_csv(Table(FINDING_COLUMNS, finding_rows(r), FINDING_TEXT_COLUMNS), buf)
    return buf.getvalue()
