"""Read + normalise + structure on files the test writes itself: a PDF with running headers,
footers, page numbers, a hyphenated line end and a results-matrix table; a DOCX with heading
styles, bullets and a table; and plain text with an indicator block."""

import pytest

from alignment.load import load_document

BODY = ("The Government and the social partners agreed to strengthen the national employment "
        "policy and to extend social protection to workers in the informal economy. ") * 3


def _pdf(path):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle
    from reportlab.lib import colors

    styles = getSampleStyleSheet()

    def header_footer(canvas, doc):
        canvas.setFont("Helvetica", 8)
        canvas.drawString(72, A4[1] - 40, "Cooperation Framework for Testland 2025-2029")
        canvas.drawString(A4[0] / 2, 30, f"Page {doc.page}")

    story = [Paragraph("1. Country context", styles["Heading1"]),
             Paragraph(BODY, styles["BodyText"]),
             # A line end that must be joined: "employ-" / "ment" (hard hyphen + newline in the source).
             Paragraph("Youth unemploy-<br/>ment is high and labour inspection coverage remains limited.", styles["BodyText"]),
             PageBreak(),
             Paragraph("2. Strategic priorities", styles["Heading1"]),
             Paragraph("Outcome 1.1: By 2029, women and young people have decent jobs in the formal economy.", styles["BodyText"]),
             PageBreak(),
             Paragraph("Annex 1: Results matrix", styles["Heading1"])]
    rows = [["Indicator", "Baseline", "Target", "Means of verification"],
            [Paragraph("1.1.a Youth unemployment rate, disaggregated by sex and by urban and rural residence", styles["BodyText"]),
             "24% (2023)", "15% (2029)", Paragraph("Labour force survey of the national statistics office", styles["BodyText"])],
            [Paragraph("1.1.b Share of workers covered by at least one social protection benefit", styles["BodyText"]),
             "TBD", "40% (2029)", "Social security administrative data"],
            [Paragraph("1.1.c Number of labour inspections conducted", styles["BodyText"]), "", "5,000 (2028)", "Ministry records"]]
    t = Table(rows, colWidths=[200, 70, 70, 120])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story.append(t)
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build(story, onFirstPage=header_footer,
                                                                onLaterPages=header_footer)


def test_pdf_pages_headers_hyphens_and_results_matrix(tmp_path):
    pytest.importorskip("reportlab")
    path = tmp_path / "framework.pdf"
    _pdf(path)
    doc = load_document(str(path))
    texts = [p.text for p in doc.paragraphs]
    assert doc.pages == 3
    assert not any("Cooperation Framework for Testland" in t for t in texts), "running header kept"
    assert not any(t.startswith("Page ") for t in texts), "page number kept"
    assert any("Youth unemployment is high" in t for t in texts), "hyphenated line end not joined"
    headings = [(s.heading, s.category, s.page) for s in doc.sections]
    assert ("1. Country context", "context", 1) in headings
    assert any(h.startswith("2. Strategic") and c == "strategy" for h, c, _ in headings)
    outcome = next(e for e in doc.elements if e.kind == "outcome")
    assert outcome.number == "1.1" and outcome.page == 2
    inds = [e for e in doc.elements if e.kind == "indicator"]
    assert len(inds) == 3
    first = inds[0]
    assert "disaggregated by sex and by urban and rural residence" in first.text
    assert (first.baseline.value, first.baseline.year) == ("24%", 2023)
    assert first.target.year == 2029 and "Labour force survey" in first.means_of_verification
    assert inds[1].baseline.status == "tbd"
    assert inds[2].baseline.status == "missing"
    assert all(e.page == 3 for e in inds)
    # Every character maps back to a page.
    para = next(p for p in doc.paragraphs if "Outcome 1.1" in p.text)
    assert para.page_at(0) == 2


def test_docx_styles_bullets_and_table(tmp_path):
    import docx

    d = docx.Document()
    d.add_heading("Decent Work Country Programme for Testland 2025-2029", level=0)
    d.add_heading("1. Country context", level=1)
    d.add_paragraph(BODY)
    d.add_heading("2. Country priorities", level=1)
    d.add_paragraph("Country Priority 1: Decent jobs for young women and men")
    d.add_paragraph("Outcome 1.1: Youth employment policies are implemented (TST 101)")
    d.add_paragraph("Train labour inspectors", style="List Bullet")
    table = d.add_table(rows=2, cols=4)
    for i, h in enumerate(["Indicator", "Baseline", "Target", "Means of verification"]):
        table.rows[0].cells[i].text = h
    for i, v in enumerate(["1.1.1 NEET rate", "28% (2024)", "20% (2029)", "LFS"]):
        table.rows[1].cells[i].text = v
    path = tmp_path / "dwcp.docx"
    d.save(path)
    doc = load_document(str(path))
    assert doc.type == "dwcp"
    assert doc.title.startswith("Decent Work Country Programme")
    assert [s.heading for s in doc.sections if s.level == 1][:2] == ["1. Country context", "2. Country priorities"]
    assert any(p.kind == "list_item" and "labour inspectors" in p.text for p in doc.paragraphs)
    kinds = {e.kind for e in doc.elements}
    assert {"priority", "outcome", "indicator", "cpo"} <= kinds
    cpo = next(e for e in doc.elements if e.kind == "cpo")
    assert cpo.code == "TST 101"
    ind = next(e for e in doc.elements if e.kind == "indicator")
    assert ind.baseline.value == "28%" and ind.target.year == 2029


def test_text_indicator_block_and_headings(tmp_path):
    path = tmp_path / "proposal.txt"
    path.write_text("PROJECT DOCUMENT\n\nII. LOGICAL FRAMEWORK\n\nDevelopment objective: Decent work in agro-processing.\n\n"
                    "Outcome 1: Safer workplaces.\n\nIndicator 1.1: Occupational accident rate\nBaseline: 12 per 1,000 (2024)\n"
                    "Target: to be determined\nMeans of verification: Labour inspection records\n", encoding="utf-8")
    doc = load_document(str(path))
    assert doc.type == "proposal"
    assert any(s.heading == "II. LOGICAL FRAMEWORK" and s.category == "results" for s in doc.sections)
    ind = next(e for e in doc.elements if e.kind == "indicator")
    assert ind.baseline.year == 2024 and ind.target.status == "tbd"
    assert ind.means_of_verification == "Labour inspection records"
