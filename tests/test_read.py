"""Tests of the read stage: bad files raise the right one-line error; good files give the right
blocks, pages, levels and table cells."""

from __future__ import annotations

import importlib.util
import io
import os
import sys
from pathlib import Path

import pytest

from alignment.errors import AlignmentError, InputError
from alignment.read import read_document

from badfiles import make_cases

ROOT = Path(__file__).resolve().parent.parent


def _cases():
    # Built once at collection time (parametrize needs them then) in a folder removed at exit.
    import atexit
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="alignment-bad-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return make_cases(folder)


CASES = _cases()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input(case, monkeypatch):
    if case.unreadable and os.access(case.path, os.R_OK):
        # root can read a chmod 000 file: make the reader see what another user would
        real_access = os.access
        monkeypatch.setattr(os, "access", lambda p, mode, *a, **k:
                            False if Path(p) == case.path else real_access(p, mode, *a, **k))
    kwargs = {"max_size": case.max_size} if case.max_size else {}
    if case.error is None:
        doc = read_document(str(case.path), **kwargs)
        assert case.expected in " ".join(doc.warnings) + f" {doc.encoding}"
        assert doc.blocks and doc.blocks[0].text.strip()
        return
    with pytest.raises(AlignmentError) as info:
        read_document(str(case.path), **kwargs)
    err = info.value
    assert type(err) is case.error, f"{type(err).__name__}: {err}"
    assert case.expected in err.reason
    assert "\n" not in err.message
    assert err.path == str(case.path)


def test_cp1252_text_decoded():
    case = next(c for c in CASES if c.name == "cp1252 text")
    doc = read_document(str(case.path))
    assert doc.encoding == "cp1252"
    assert "Coopération tripartite – l’OIT" in doc.blocks[0].text


def test_stdin():
    doc = read_document("-", stdin="Decent work\n\nSocial dialogue\n".encode())
    assert doc.path == "-" and doc.format == "txt"
    assert [b.text for b in doc.blocks] == ["Decent work", "", "Social dialogue"]
    with pytest.raises(InputError, match="empty file"):
        read_document("-", stdin=b"")


def test_magic_bytes_beat_the_extension(tmp_path):
    from badfiles import _pdf

    path = tmp_path / "actually-a-pdf.docx"
    path.write_bytes(_pdf(["Employment policy"]))
    assert read_document(str(path)).format == "pdf"


# ------------------------------------------------------------------------------------- PDF

LONG = ("The country programme supports the employment services and the social protection "
        "floor through tripartite consultation with the employers and workers organisations. ")
BREAKS = {"programme": "pro-gramme", "employment": "employ-ment", "protection": "pro-tection",
          "tripartite": "tri-partite", "consultation": "consul-tation", "through": "th-rough",
          "organisations.": "organi-sations.", "employers": "employ-ers"}


def _hyphenate(word: str) -> list[tuple[str, str]]:
    """A fixed hyphenation dictionary, so that the test does not depend on pyphen."""
    head, _, tail = BREAKS.get(word, "").partition("-")
    return [(head, tail)] if tail else []


def _report_pdf() -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    body = ParagraphStyle("b", fontName="Helvetica", fontSize=10.5, leading=13,
                          alignment=TA_JUSTIFY, spaceAfter=8, hyphenationLang=_hyphenate)
    head = ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=13, leading=16, spaceAfter=6)
    cell = ParagraphStyle("c", fontName="Helvetica", fontSize=9, leading=11)
    rows = [["Indicator", "Baseline", "Target", "Means of verification"],
            ["1.1 Share of workers covered by social protection, disaggregated by sex, age "
             "group and disability status", "23% (2023)", "40% (2029)", "Labour force survey"],
            ["1.2 Number of labour inspections", "n/a", "5,000", "Inspectorate records"],
            ["1.3 Collective agreements registered", "12", "30", "Ministry of Labour"]]
    table = Table([[Paragraph(c, cell) for c in r] for r in rows],
                  colWidths=[200, 70, 70, 110])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    story = [Paragraph("1. Introduction", head)]
    story += [Paragraph(LONG * 3, body) for _ in range(3)]
    story += [PageBreak(), Paragraph("Annex: Results matrix", head), table,
              Paragraph("Closing paragraph after the table.", body)]

    def decorate(canvas, doc):
        canvas.setFont("Helvetica", 8)
        canvas.drawString(72, A4[1] - 36, "Kandara DWCP 2025-2029")
        canvas.drawCentredString(A4[0] / 2, 30, f"Page {doc.page}")

    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, invariant=1).build(
        story, onFirstPage=decorate, onLaterPages=decorate)
    return buf.getvalue()


@pytest.fixture(scope="module")
def pdf_doc(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    path.write_bytes(_report_pdf())
    return read_document(str(path))


def test_pdf_pages_and_bands(pdf_doc):
    assert pdf_doc.format == "pdf" and pdf_doc.page_count == 2
    headers = [(b.page, b.text) for b in pdf_doc.blocks if b.style == "header"]
    footers = [(b.page, b.text) for b in pdf_doc.blocks if b.style == "footer"]
    assert headers == [(1, "Kandara DWCP 2025-2029"), (2, "Kandara DWCP 2025-2029")]
    assert footers == [(1, "Page 1"), (2, "Page 2")]
    assert pdf_doc.blocks[-1].kind == "line" and pdf_doc.blocks[-1].text == ""
    assert len(pdf_doc.sha256) == 64 and not pdf_doc.warnings


def test_pdf_hyphen_at_line_end(pdf_doc):
    lines = [b for b in pdf_doc.blocks if b.kind == "line" and b.page == 1 and not b.style]
    hyphenated = [(a.text, b.text) for a, b in zip(lines, lines[1:])
                  if a.text.endswith("-") and b.text]
    assert hyphenated, "expected a line ending with a hyphen"
    assert all("\x02" not in b.text and "\r" not in b.text for b in pdf_doc.blocks)
    for first, second in hyphenated:
        word = first.split()[-1] + second.split()[0]
        assert word.replace("-", "", 1) in BREAKS or word in BREAKS.values(), (first, second)


def test_pdf_paragraph_breaks(pdf_doc):
    page1 = [b for b in pdf_doc.blocks if b.page == 1 and not b.style]
    texts = [b.text for b in page1]
    assert texts[:3] == ["", "1. Introduction", ""]  # break after the header band
    assert texts.count("") >= 4  # after the heading and between the three paragraphs
    paragraphs = " ".join(texts).split("  ")
    assert sum(1 for p in paragraphs if p.startswith("The country programme")) == 3


def test_pdf_results_matrix(pdf_doc):
    rows = [b for b in pdf_doc.blocks if b.kind == "table_row"]
    assert [r.cells for r in rows][0] == ["Indicator", "Baseline", "Target",
                                          "Means of verification"]
    assert len(rows) == 4 and all(r.page == 2 for r in rows)
    assert rows[1].cells == ["1.1 Share of workers covered by social protection, disaggregated "
                             "by sex, age group and disability status", "23% (2023)",
                             "40% (2029)", "Labour force survey"]
    assert rows[2].text == "1.2 Number of labour inspections | n/a | 5,000 | Inspectorate records"
    lines = [b.text for b in pdf_doc.blocks if b.kind == "line"]
    assert not any("Inspectorate records" in t or "disability status" in t for t in lines)
    after = [b.text for b in pdf_doc.blocks if b.page == 2 and b.kind == "line" and b.text]
    assert "Closing paragraph after the table." in after


def _ruled_tables_pdf() -> bytes:
    """A risk table (not a results matrix) with a spanned title row, drawn with filled
    rectangles for its outer box, and a boxed note of one column, which is no table."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    cell = ParagraphStyle("c", fontName="Helvetica", fontSize=9, leading=11)
    rows = [["Risks and mitigation", "", ""],
            ["Risk", "Likelihood", "Mitigation"],
            ["Employers' organizations withdraw from the steering committee", "Low",
             "Quarterly tripartite reviews; a memorandum of understanding"],
            ["Delays in the adoption of the labour code", "Medium",
             "Technical support to the Labour Advisory Board"]]
    risks = Table([[Paragraph(c, cell) for c in r] for r in rows], colWidths=[200, 80, 170])
    risks.setStyle(TableStyle([("SPAN", (0, 0), (-1, 0)), ("BOX", (0, 0), (-1, -1), 1.5, colors.black),
                               ("INNERGRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("BACKGROUND", (0, 1), (-1, 1), colors.lightgrey)]))
    note = Table([[Paragraph("Note: figures are provisional and will be confirmed in 2026.", cell)]],
                 colWidths=[450])
    note.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.5, colors.black)]))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, invariant=1).build(
        [Paragraph("5. Risks", cell), risks, Spacer(1, 20), note,
         Paragraph("The programme is reviewed every year.", cell)])
    return buf.getvalue()


def test_pdf_ruled_tables_on_any_page(tmp_path):
    path = tmp_path / "risks.pdf"
    path.write_bytes(_ruled_tables_pdf())
    doc = read_document(str(path))
    rows = [b.cells for b in doc.blocks if b.kind == "table_row"]
    assert rows == [
        ["Risks and mitigation", "", ""],
        ["Risk", "Likelihood", "Mitigation"],
        ["Employers' organizations withdraw from the steering committee", "Low",
         "Quarterly tripartite reviews; a memorandum of understanding"],
        ["Delays in the adoption of the labour code", "Medium",
         "Technical support to the Labour Advisory Board"]]
    lines = [b.text for b in doc.blocks if b.kind == "line" and b.text]
    assert lines == ["5. Risks", "Note: figures are provisional and will be confirmed in 2026.",
                     "The programme is reviewed every year."]


# ------------------------------------------------------------------------------------ DOCX

def _docx_bytes() -> bytes:
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    document.add_paragraph("Decent Work Country Programme for Kandara", style="Title")
    document.add_heading("1. Country context", level=1)
    document.add_paragraph("Unemployment among young people stands at 23 per cent.")
    document.add_heading("1.1 Challenges", level=2)
    document.add_paragraph("Weak labour inspection", style="List Bullet")
    document.add_paragraph("Low social protection coverage", style="List Bullet")
    document.add_paragraph("Revise the employment policy", style="List Number")
    document.add_paragraph("Establish a skills council", style="List Number")
    document.add_paragraph("").add_run().add_break(WD_BREAK.PAGE)
    document.add_heading("Annex 1: Results matrix", level=1)
    table = document.add_table(rows=3, cols=4, style="Table Grid")
    for i, row in enumerate([["Indicator", "Baseline", "Target", "Means of verification"],
                             ["Youth unemployment rate", "23%", "15%", "LFS"],
                             ["Workers covered", "TBD", "40%", "Records"]]):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    merged = table.cell(2, 2).merge(table.cell(2, 3))
    merged.text = "Target and source to be agreed"
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


@pytest.fixture(scope="module")
def docx_doc(tmp_path_factory):
    path = tmp_path_factory.mktemp("docx") / "dwcp.docx"
    path.write_bytes(_docx_bytes())
    return read_document(str(path))


def test_docx_headings_and_lists(docx_doc):
    got = [(b.kind, b.level, b.text) for b in docx_doc.blocks if b.kind != "table_row"]
    assert got == [
        ("heading", 1, "Decent Work Country Programme for Kandara"),
        ("heading", 1, "1. Country context"),
        ("paragraph", None, "Unemployment among young people stands at 23 per cent."),
        ("heading", 2, "1.1 Challenges"),
        ("list_item", None, "Weak labour inspection"),
        ("list_item", None, "Low social protection coverage"),
        ("list_item", None, "1. Revise the employment policy"),
        ("list_item", None, "2. Establish a skills council"),
        ("heading", 1, "Annex 1: Results matrix"),
    ]


def test_docx_table_and_pages(docx_doc):
    rows = [b for b in docx_doc.blocks if b.kind == "table_row"]
    assert [r.cells for r in rows] == [
        ["Indicator", "Baseline", "Target", "Means of verification"],
        ["Youth unemployment rate", "23%", "15%", "LFS"],
        # the merged cell keeps the columns after it (an empty one), as in PDF tables
        ["Workers covered", "TBD", "Target and source to be agreed", ""]]
    assert rows[1].text == "Youth unemployment rate | 23% | 15% | LFS"
    assert docx_doc.page_count == 2
    pages = {b.text: b.page for b in docx_doc.blocks}
    assert pages["1. Country context"] == 1 and pages["Annex 1: Results matrix"] == 2
    assert all(r.page == 2 for r in rows)


def test_docx_zip_bomb_limit_is_checked_before_opening(tmp_path, monkeypatch):
    import alignment.read.docx as reader

    path = tmp_path / "small.docx"
    path.write_bytes(_docx_bytes())
    monkeypatch.setattr(reader, "MAX_UNCOMPRESSED", 1000)
    with pytest.raises(AlignmentError, match=r"uncompressed size \d+ MB is above the limit"):
        read_document(str(path))


# ------------------------------------------------------------------------ text, md, html

def test_text_pages_tables_and_breaks(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text("Outcome 1\nmore text\n\n\nIndicator\tBaseline\tTarget\n\fPage two\n")
    doc = read_document(str(path))
    assert doc.page_count == 2 and doc.encoding == "utf-8" and not doc.warnings
    assert [(b.kind, b.text, b.page) for b in doc.blocks] == [
        ("line", "Outcome 1", 1), ("line", "more text", 1), ("line", "", 1),
        ("table_row", "Indicator | Baseline | Target", 1), ("line", "", 1),
        ("line", "Page two", 2)]


def test_markdown_blocks(tmp_path):
    path = tmp_path / "plan.md"
    path.write_text("<!-- short-title: X -->\n# Title\n\n## 2. Results\n\nSome **bold** "
                    "text.[^1]\n- first item\n  continued\n1. numbered\n\n"
                    "| Indicator | Baseline | Target |\n|---|---|---|\n| A | 1 | 2 |\n\n"
                    "[^1]: A note.\n")
    doc = read_document(str(path))
    got = [(b.kind, b.level, b.text) for b in doc.blocks if b.text]
    assert got == [("heading", 1, "Title"), ("heading", 2, "2. Results"),
                   ("line", None, "Some bold text.[^1]"),
                   ("list_item", None, "first item continued"),
                   ("list_item", None, "1. numbered"),
                   ("table_row", None, "Indicator | Baseline | Target"),
                   ("table_row", None, "A | 1 | 2"),
                   ("paragraph", None, "A note.")]
    assert doc.blocks[-1].style == "footnote"


def test_html_blocks(tmp_path):
    path = tmp_path / "plan.html"
    path.write_text("<html><head><title>t</title><style>p{}</style></head><body>"
                    "<h2>Outcome <b>1</b></h2><p>Decent <i>work</i> for all.</p>"
                    "<script>var x = 1;</script><ul><li>One</li><li>Two<ul><li>Sub</li></ul>"
                    "</li></ul><table><tr><th>Indicator</th><th>Baseline</th><th>Target</th>"
                    "</tr><tr><td>A</td><td>1</td><td>2</td></tr></table><div>Loose</div>"
                    "</body></html>")
    doc = read_document(str(path))
    assert [(b.kind, b.level, b.text) for b in doc.blocks] == [
        ("heading", 2, "Outcome 1"), ("paragraph", None, "Decent work for all."),
        ("list_item", None, "One"), ("list_item", None, "Two"), ("list_item", None, "Sub"),
        ("table_row", None, "Indicator | Baseline | Target"), ("table_row", None, "A | 1 | 2"),
        ("paragraph", None, "Loose")]


# ------------------------------------------------------------------ corpus builder round trip

def _builder():
    spec = importlib.util.spec_from_file_location("build_corpus",
                                                  ROOT / "scripts" / "build_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


def test_build_corpus_round_trip(tmp_path):
    source = tmp_path / "kandara-test" / "kandara-test.md"
    source.parent.mkdir()
    source.write_text(
        "# Decent Work Country Programme for the Republic of Kandara 2025-2029\n\n"
        "## 1. Country context\n\n" + "Informal employment remains high.[^1] " * 30 + "\n\n"
        "- Weak labour inspection\n- Low coverage\n\n"
        "## Annex 1: Results matrix\n\n| Indicator | Baseline | Target | Means of verification |\n"
        "|---|---|---|---|\n| 1.1 " + "Share of workers covered by social protection " * 3 +
        "| 23% | 40% | LFS |\n| 1.2 Inspections | n/a | 5,000 | Records |\n\n"
        "[^1]: Labour force survey 2023.\n", encoding="utf-8")
    builder = _builder()
    written = builder.build(source)
    first = [p.read_bytes() for p in written]
    assert [p.read_bytes() for p in builder.build(source)] == first  # byte-stable
    docs = {p.suffix: read_document(str(p)) for p in written}
    header_row = ["Indicator", "Baseline", "Target", "Means of verification"]
    for suffix, doc in docs.items():
        rows = [b.cells for b in doc.blocks if b.kind == "table_row"]
        assert rows[0] == header_row, suffix
        assert rows[-1] == ["1.2 Inspections", "n/a", "5,000", "Records"], suffix
    pdf = docs[".pdf"]
    assert {b.text for b in pdf.blocks if b.style == "footer"} == {"Page 1"} or \
        all(b.text.startswith("Page ") for b in pdf.blocks if b.style == "footer")
    assert any("remains high.1" in b.text for b in pdf.blocks)  # superscript mark glued
    docx = docs[".docx"]
    assert docx.blocks[0].kind == "heading" and docx.blocks[0].style == "Title"
    assert docx.blocks[-1].style == "footnote"
    assert docx.blocks[-1].text == "Labour force survey 2023."
    assert "• Weak labour inspection" in [b.text for b in docs[".txt"].blocks]


def test_docx_rendered_page_breaks_and_content_controls(tmp_path):
    import docx
    from docx.oxml import OxmlElement

    document = docx.Document()
    document.add_paragraph("First page text.")
    second = document.add_paragraph()
    run = second.add_run()
    run._r.append(OxmlElement("w:lastRenderedPageBreak"))  # Word's saved layout: page 2 here
    second.add_run("Second page text.")
    # a block-level content control around a paragraph (python-docx does not iterate it)
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    inner = document.add_paragraph("Inside a content control.")._p
    content.append(inner)
    sdt.append(content)
    document.element.body.insert(len(document.element.body) - 1, sdt)
    path = tmp_path / "rendered.docx"
    document.save(str(path))
    doc = read_document(str(path))
    assert [(b.text, b.page) for b in doc.blocks] == [
        ("First page text.", 1), ("Second page text.", 2), ("Inside a content control.", 2)]
    assert doc.page_count == 2


def test_pdf_page_with_a_dense_drawing_is_read_quickly(tmp_path):
    """A chart or map page draws thousands of lines: not searched for tables, text kept."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "chart.pdf"
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.drawString(72, 800, "Figure 3: Employment by district (baseline and target)")
    for i in range(260):  # a fine grid: 260 x 260 crossings
        c.line(60, 100 + 2.5 * i, 540, 100 + 2.5 * i)
        c.line(60 + 1.8 * i, 100, 60 + 1.8 * i, 750)
    for i in range(3000):  # and a scatter of short strokes
        x, y = 60 + (i * 37) % 480, 100 + (i * 53) % 650
        c.line(x, y, x + 1.2, y + 0.9)
    c.drawString(72, 80, "Source: labour force survey 2023.")
    c.showPage()
    c.save()
    doc = read_document(str(path))
    texts = [b.text for b in doc.blocks if b.text]
    assert any("Figure 3: Employment by district" in t for t in texts)
    assert any("labour force survey 2023" in t for t in texts)
    assert not [b for b in doc.blocks if b.kind == "table_row"]


def test_pdf_table_drawn_inside_a_form_xobject(tmp_path):
    """Word processors and PDF printers often draw a table's grid as a reusable form: its
    lines must be placed where the form puts them on the page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "form.pdf"
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.beginForm("grid")
    for i in range(4):
        c.line(0, i * 20, 300, i * 20)
    for x in (0, 100, 200, 300):
        c.line(x, 0, x, 60)
    c.endForm()
    c.saveState()
    c.translate(100, 500)
    c.doForm("grid")
    c.restoreState()
    rows = [["Risk", "Likelihood", "Mitigation"], ["Delays", "Medium", "Support"],
            ["Withdrawal", "Low", "Reviews"]]
    for r, row in enumerate(rows):
        for k, t in enumerate(row):
            c.drawString(105 + 100 * k, 546 - 20 * r, t)
    c.showPage()
    c.save()
    doc = read_document(str(path))
    assert [b.cells for b in doc.blocks if b.kind == "table_row"] == rows
