"""Report stage, appraisal files: `Appraisal` -> DOCX memo; folder rows -> XLSX workbook.

Input: an `Appraisal` (appraise/model.py), or the (row, appraisal) pairs of a folder
appraisal. Output: bytes. The DOCX memo (python-docx) opens in any word processor: title,
overall verdict, top fixes, a table of criteria with verdicts, evidence and suggestions, the
gender markers and their checklist. The workbook (xlsxwriter) has one row per file, with a
column per criterion, the markers and the overall verdict, and a second sheet with each
criterion's suggestion and first evidence.
"""

from __future__ import annotations

import io
import json
from datetime import datetime

from ..appraise.model import CRITERIA, Appraisal, AppraisalRow, AppraisalTable
from ..appraise.scoring import TITLES
from .appraisal import OVERALL, STATUS

_FIXED = datetime(2000, 1, 1)  # document properties carry no run time: same input, same bytes


def render_docx(a: Appraisal) -> bytes:
    from docx import Document
    from docx.shared import Pt

    d = a.document
    gm = a.gender_marker
    doc = Document()
    props = doc.core_properties
    props.title = f"Appraisal: {d.title or d.name}"
    props.author = props.last_modified_by = f"{a.tool} {a.version}"
    props.created = props.modified = _FIXED
    props.revision = 1
    doc.styles["Normal"].font.size = Pt(10)
    doc.add_heading(f"Appraisal: {d.title or d.name}", level=0)
    doc.add_paragraph(f"{d.name}: {d.type}, language {d.language}, {d.pages} page(s). "
                      f"Rule pack {a.pack}.")
    p = doc.add_paragraph()
    p.add_run("Overall verdict: ").bold = True
    p.add_run(f"{OVERALL[a.overall]} (score {a.overall_score:.2f})")
    p = doc.add_paragraph()
    p.add_run("Suggested gender markers: ").bold = True
    p.add_run(f"UN Gender Equality Marker {gm.un_gem}; OECD-DAC {gm.oecd_dac}"
              + (f" (the document declares: {gm.declared})" if gm.declared else ""))
    for w in a.warnings:
        doc.add_paragraph(f"Warning: {w}")
    if a.dwcp:
        doc.add_paragraph(f"Checked against the DWCP {a.dwcp.name}: matched outcome codes "
                          f"{', '.join(a.dwcp.matched_codes) or 'none'}.")
    if a.top_fixes:
        doc.add_heading("Most important fixes", level=1)
        for fix in a.top_fixes:
            doc.add_paragraph(fix, style="List Number")
    doc.add_heading("Criteria", level=1)
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Criterion", "Verdict", "Evidence", "Suggestion")):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for c in a.criteria:
        cells = table.add_row().cells
        cells[0].text = TITLES[c.id]
        cells[1].text = c.verdict
        ev = [f"\u201c{q.text}\u201d (p. {q.page}{', ' + STATUS[q.status] if q.status in STATUS else ''})"
              for q in c.evidence] or ["No evidence found."]
        cells[2].text = "\n".join(ev)
        cells[3].text = c.suggestion or "\u2013"
    doc.add_heading("Gender marker checklist", level=1)
    for item in gm.checklist:
        doc.add_paragraph(f"{'Yes' if item.met else 'No'}: {item.label}", style="List Bullet")
    doc.add_paragraph(gm.rationale)
    problems = [f for c in a.criteria if c.id == "rbm" for f in c.flags]
    if problems:
        doc.add_heading("Results framework problems", level=1)
        for f in problems[:30]:
            doc.add_paragraph(f, style="List Bullet")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


ROW_COLUMNS = (["file", "status", "reason", "type", "language", "title"] + list(CRITERIA)
               + ["un_gem", "oecd_dac", "overall", "overall_score", "top_fixes"])


def row_values(r: AppraisalRow) -> list:
    return ([r.path, r.status, r.reason or "", r.type or "", r.language or "", r.title or ""]
            + [r.verdicts.get(c, "") for c in CRITERIA]
            + [r.un_gem if r.un_gem is not None else "", r.oecd_dac if r.oecd_dac is not None else "",
               r.overall or "", r.overall_score if r.overall_score is not None else "", "\n".join(r.top_fixes)])


def render_table_xlsx(table: AppraisalTable) -> bytes:
    return render_xlsx(table.rows)


def render_table_json(table: AppraisalTable) -> str:
    """The rows (without the appraisals behind them) as a JSON list."""
    return json.dumps([r.model_dump() for r, _ in table.rows], indent=2, ensure_ascii=False) + "\n"


def render_xlsx(rows: list[tuple[AppraisalRow, Appraisal | None]]) -> bytes:
    import xlsxwriter

    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    wb.set_properties({"title": "Proposal appraisal", "created": _FIXED})
    head = wb.add_format({"bold": True, "bg_color": "#e8edf3", "text_wrap": True, "valign": "top"})
    wrap = wb.add_format({"text_wrap": True, "valign": "top"})
    fmt = {"pass": wb.add_format({"bg_color": "#dcf2e3"}), "weak": wb.add_format({"bg_color": "#fcefc7"}),
           "absent": wb.add_format({"bg_color": "#fbe0e0"}), "error": wb.add_format({"bg_color": "#fbe0e0"})}
    ws = wb.add_worksheet("appraisal")
    ws.write_row(0, 0, ROW_COLUMNS, head)
    for i, (r, _) in enumerate(rows, start=1):
        for j, v in enumerate(row_values(r)):
            style = fmt.get(v) if isinstance(v, str) and v in fmt else wrap if j == len(ROW_COLUMNS) - 1 else None
            if style is None:
                ws.write(i, j, v)
            else:
                ws.write(i, j, v, style)
    ws.freeze_panes(1, 1)
    ws.set_column(0, 0, 48)
    ws.set_column(1, 5, 12)
    ws.set_column(6, 6 + len(CRITERIA), 11)
    ws.set_column(len(ROW_COLUMNS) - 1, len(ROW_COLUMNS) - 1, 90)
    ws.autofilter(0, 0, len(rows), len(ROW_COLUMNS) - 1)
    det = wb.add_worksheet("criteria")
    det.write_row(0, 0, ["file", "criterion", "verdict", "score", "suggestion", "evidence", "page"], head)
    n = 1
    for r, a in rows:
        for c in (a.criteria if a else []):
            q = c.evidence[0] if c.evidence else None
            det.write_row(n, 0, [r.path, c.id, c.verdict, c.score, c.suggestion or "", q.text if q else "",
                                 q.page if q else ""])
            n += 1
    det.set_column(0, 0, 48)
    det.set_column(4, 5, 70, wrap)
    wb.close()
    return buf.getvalue()
