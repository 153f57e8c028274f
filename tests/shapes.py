"""Write the same results table as Markdown, HTML, DOCX and PDF, in the shapes of real
documents: title rows spanning the table, header rows that are not the first row, blocks
with their own header rows. A row is a list of cells; a row of one cell spans the table.

The text of every table here is written for these tests."""

from __future__ import annotations

import html


def _full(row: list[str], width: int) -> list[str]:
    return row + [""] * (width - len(row))


def markdown(intro: list[str], rows: list[list[str]]) -> str:
    width = max(len(r) for r in rows)
    lines = list(intro) + [""]
    for i, row in enumerate(rows):
        lines.append("| " + " | ".join(_full(row, width)) + " |")
        if i == 0:
            lines.append("|" + "---|" * width)
    return "\n\n".join(lines[:len(intro)]) + "\n\n" + "\n".join(lines[len(intro) + 1:]) + "\n"


def html_doc(intro: list[str], rows: list[list[str]]) -> str:
    width = max(len(r) for r in rows)
    out = ["<html><body>"] + [f"<p>{html.escape(t)}</p>" for t in intro] + ["<table>"]
    for row in rows:
        if len(row) == 1:
            out.append(f'<tr><td colspan="{width}">{html.escape(row[0])}</td></tr>')
        else:
            out.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in _full(row, width)) + "</tr>")
    return "\n".join(out + ["</table></body></html>"])


def docx_file(path, intro: list[str], rows: list[list[str]]) -> None:
    import docx

    width = max(len(r) for r in rows)
    d = docx.Document()
    for t in intro:
        d.add_paragraph(t)
    table = d.add_table(rows=len(rows), cols=width)
    for i, row in enumerate(rows):
        cells = table.rows[i].cells
        if len(row) == 1:
            merged = cells[0].merge(cells[-1])
            merged.text = row[0]
        else:
            for j, value in enumerate(_full(row, width)):
                cells[j].text = value
    d.save(path)


def pdf_file(path, intro: list[str], rows: list[list[str]]) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    styles = getSampleStyleSheet()
    width = max(len(r) for r in rows)
    body = [[Paragraph(html.escape(c), styles["BodyText"]) for c in _full(row, width)] for row in rows]
    style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    for i, row in enumerate(rows):
        if len(row) == 1:
            style.append(("SPAN", (0, i), (-1, i)))
    # columns as wide as their longest word-run needs, on a landscape page for wide tables
    size = landscape(A4) if width > 4 else A4
    longest = [max([min(len(r[i]), 60) for r in rows if len(r) > 1 and i < len(r)] + [14])
               for i in range(width)]
    usable = size[0] - 100
    table = Table(body, colWidths=[usable * n / sum(longest) for n in longest])
    table.setStyle(TableStyle(style))
    story = [Paragraph(html.escape(t), styles["BodyText"]) for t in intro] + [table]
    SimpleDocTemplate(str(path), pagesize=size, invariant=1, leftMargin=50,
                      rightMargin=50).build(story)


def write(tmp_path, fmt: str, intro: list[str], rows: list[list[str]], stem: str = "doc"):
    path = tmp_path / f"{stem}.{fmt}"
    if fmt == "md":
        path.write_text(markdown(intro, rows), encoding="utf-8")
    elif fmt == "html":
        path.write_text(html_doc(intro, rows), encoding="utf-8")
    elif fmt == "docx":
        docx_file(path, intro, rows)
    elif fmt == "pdf":
        pdf_file(path, intro, rows)
    else:
        raise ValueError(fmt)
    return path
