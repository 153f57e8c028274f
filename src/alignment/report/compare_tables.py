"""Report stage, compare: `Comparison` -> CSV matrix and XLSX workbook.

CSV: one row per DWCP priority (verdict, topics kept and lost) and one column per framework
outcome; a cell is "score: shared topics" ("0.78: SO3.SS SO3.MIG"), empty when nothing is shared.
XLSX (xlsxwriter): the same matrix with numeric scores coloured as a heat map (shared topics in
the Topics sheet and in cell comments), then Priorities, DWCP outcomes, Framework outcomes and
Summary sheets. Same comparison -> same bytes (fixed workbook creation date).
"""

from __future__ import annotations

import csv
import datetime
import io

from ..compare.model import Comparison
from .cells import safe_row
from .compare_text import matrix_rows

HEAD = ["priority", "title", "verdict", "topics_kept", "topics_lost", "ilo_contributes", "social_partners_named"]


def _yn(v: bool | None) -> str:
    return "" if v is None else "yes" if v else "no"


def _cell(m) -> str:
    if m is None or (not m.topics_shared and not m.match):
        return ""
    return f"{m.score:.2f}: {' '.join(m.topics_shared)}" + (" *" if m.match else "")


def render_compare_csv(c: Comparison) -> str:
    cols, rows = matrix_rows(c)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(HEAD + [f"outcome {n}" for n in cols])
    for p, cells in rows:
        w.writerow(safe_row([p.number or "", p.title, p.verdict, " ".join(p.topics_kept), " ".join(p.topics_lost),
                             _yn(p.ilo_contributes), _yn(p.social_partners_named)] + [_cell(m) for m in cells]))
    return buf.getvalue()


def render_compare_xlsx(c: Comparison) -> bytes:
    import xlsxwriter

    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    wb.set_properties({"title": "DWCP priorities in the Cooperation Framework", "author": "alignment",
                       "created": datetime.datetime(2000, 1, 1)})
    bold = wb.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    wrap = wb.add_format({"text_wrap": True, "valign": "top"})
    num = wb.add_format({"num_format": "0.00", "align": "center"})
    cols, rows = matrix_rows(c)

    ws = wb.add_worksheet("Matrix")
    head = HEAD[:5] + [f"Outcome {n}" for n in cols]
    ws.write_row(0, 0, head, bold)
    for r, (p, cells) in enumerate(rows, start=1):
        ws.write_row(r, 0, [p.number or "", p.title, p.verdict, " ".join(p.topics_kept), " ".join(p.topics_lost)], wrap)
        for k, m in enumerate(cells):
            if m is None:
                continue
            ws.write_number(r, 5 + k, m.score, num)
            if m.topics_shared:
                ws.write_comment(r, 5 + k, ("carries the priority; " if m.match else "") + "shared: "
                                 + " ".join(m.topics_shared))
    if rows and cols:
        ws.conditional_format(1, 5, len(rows), 4 + len(cols), {
            "type": "3_color_scale", "min_type": "num", "min_value": 0, "mid_type": "num", "mid_value": 0.35,
            "max_type": "num", "max_value": 1, "min_color": "#FFFFFF", "mid_color": "#F6E3A1", "max_color": "#2F855A"})
    ws.set_column(0, 0, 9)
    ws.set_column(1, 1, 40)
    ws.set_column(2, 4, 16)
    ws.set_column(5, 4 + max(1, len(cols)), 11)
    ws.freeze_panes(1, 2)

    ws = wb.add_worksheet("Topics")
    ws.write_row(0, 0, ["priority"] + [f"Outcome {n}" for n in cols], bold)
    for r, (p, cells) in enumerate(rows, start=1):
        ws.write_row(r, 0, [p.number or ""] + [" ".join(m.topics_shared) if m else "" for m in cells])

    ws = wb.add_worksheet("Priorities")
    ws.write_row(0, 0, HEAD + ["framework_outcomes", "only_in_situation_analysis", "reasons"], bold)
    for r, p in enumerate(c.priorities, start=1):
        ws.write_row(r, 0, [p.number or "", p.title, p.verdict, " ".join(p.topics_kept), " ".join(p.topics_lost),
                            _yn(p.ilo_contributes), _yn(p.social_partners_named),
                            ", ".join(f"{x.number} ({x.score:.2f})" for x in p.framework_elements),
                            " ".join(p.lost_only_in_situation_analysis), "\n".join(p.reasons)], wrap)

    ws = wb.add_worksheet("DWCP outcomes")
    ws.write_row(0, 0, ["priority", "outcome", "cpo", "verdict", "topics_kept", "topics_lost", "text"], bold)
    r = 1
    for p in c.priorities:
        for o in p.outcomes:
            ws.write_row(r, 0, [p.number or "", o.number or "", o.code or "", o.verdict, " ".join(o.topics_kept),
                                " ".join(o.topics_lost), o.text], wrap)
            r += 1

    ws = wb.add_worksheet("Framework outcomes")
    ws.write_row(0, 0, ["outcome", "page", "decent_work", "framework_only", "topics", "agencies", "ilo",
                        "covered_by", "text"], bold)
    only = {o.number for o in c.framework_only}
    for r, o in enumerate(c.framework_outcomes, start=1):
        ws.write_row(r, 0, [o.number or "", o.page, _yn(o.decent_work), _yn(o.number in only), " ".join(o.topics),
                            ", ".join(o.agencies), _yn(o.ilo), ", ".join(o.covered_by), o.text], wrap)

    ws = wb.add_worksheet("Summary")
    ws.set_column(0, 0, 120)
    ws.write(0, 0, c.summary, wrap)
    for r, (k, v) in enumerate(c.counts.items(), start=2):
        ws.write_row(r, 0, [k, v])
    wb.close()
    return buf.getvalue()
