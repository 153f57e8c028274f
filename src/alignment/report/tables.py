"""Report stage, CSV: `Report` -> one row per finding."""

from __future__ import annotations

import csv
import io

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


def render_csv(r: Report) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(FINDING_COLUMNS)
    w.writerows(safe_row(row, FINDING_TEXT_COLUMNS) for row in finding_rows(r))
    return buf.getvalue()
