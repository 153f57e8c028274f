"""Read + normalise + structure on files the test writes itself: a PDF with running headers,
footers, page numbers, a hyphenated line end and a results-matrix table; a DOCX with heading
styles, bullets and a table; and plain text with an indicator block. Then tables of layouts
(text or Markdown in -> sections and elements out): every heading form, every element kind,
indicator fields inline and on the lines below, the results chain's parents and agencies,
results tables (header rows, label cells, a two-row header, a row cut by a page break,
milestones), lists and pages."""

import pytest

from alignment.pipeline import load_document

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


# ---- tables of layouts: text written by the test -> sections and elements ---------------------

def _doc(tmp_path, text: str, suffix: str = ".txt"):
    path = tmp_path / f"plan{suffix}"
    path.write_text(text, encoding="utf-8")
    return load_document(str(path))


HEADINGS = [
    # (a line of layout text, level, number, section category); None: no heading
    ("3. Country context", (1, "3", "context")),
    ("3.2 Situation analysis", (2, "3.2", "context")),  # the level is the depth of the number
    ("3.2.1 Labour market", (3, "3.2.1", "context")),
    ("IV. Implementation arrangements", (1, "IV", "implementation")),
    ("B. Monitoring and evaluation", (2, "B", "monitoring")),
    ("Annex 2: Results matrix", (1, "Annex 2", "results")),
    ("RISKS AND ASSUMPTIONS", (1, None, "risks")),  # a short line in capitals
    ("3.1 Context.", None),  # a full stop ends a sentence, not a heading
    ("The programme was discussed with the social partners.", None),
    ("2. The context is described in the next section, which is a very long line and so no heading at all", None),
]


@pytest.mark.parametrize("line, expected", HEADINGS)
def test_headings_of_layout_text(tmp_path, line, expected):
    doc = _doc(tmp_path, f"Plan for Testland\n\n{line}\n\nThe body text follows here.\n")
    got = [(s.level, s.number, s.category) for s in doc.sections if s.heading == line]
    assert got == ([expected] if expected else [])


def test_heading_levels_nest_and_subsections_inherit_the_category(tmp_path):
    doc = _doc(tmp_path, "Plan\n\n1. Country context\n\nText.\n\n1.1 Labour market\n\nText.\n\n1.1.1 Youth\n\nText.\n\n"
                         "2. Monitoring and evaluation\n\nText.\n")
    by = {s.heading: s for s in doc.sections}
    youth, labour = by["1.1.1 Youth"], by["1.1 Labour market"]
    assert doc.sections[youth.parent] is labour and doc.sections[labour.parent] is by["1. Country context"]
    assert youth.category == "context"  # no category of its own: its parent's
    assert by["2. Monitoring and evaluation"].parent is None
    assert (labour.first_paragraph, labour.last_paragraph) == (3, 4)  # heading and its text, up to the next heading


def test_markdown_headings_and_title(tmp_path):
    doc = _doc(tmp_path, "# Decent Work Country Programme for Testland\n\n## 1. Context\n\nText.\n\n"
                         "### 1.1 Labour market\n\nText.\n\n## 2. Results framework\n\nText.\n", ".md")
    assert doc.title == "Decent Work Country Programme for Testland"
    assert doc.type == "dwcp"
    # the title is no section, and the levels below it move up one
    assert [(s.heading, s.level) for s in doc.sections if s.level] == [
        ("1. Context", 1), ("1.1 Labour market", 2), ("2. Results framework", 1)]
    assert doc.sections[0].category == "front"


ELEMENTS = [
    # (a line of the plan, the elements it gives: kind, number, code, text)
    ("Priority 2: Social protection for all", [("priority", "2", None, "Social protection for all")]),
    ("Strategic priority II: Rights at work", [("priority", "II", None, "Rights at work")]),
    ("Results area 3: Governance", [("priority", "3", None, "Governance")]),
    ("Development objective: Decent work in agro-processing",
     [("priority", None, "development-objective", "Decent work in agro-processing")]),
    ("Outcome 1.2: Labour laws are reformed", [("outcome", "1.2", None, "Labour laws are reformed")]),
    ("Immediate objective 1: Capacity is built", [("outcome", "1", None, "Capacity is built")]),
    ("CPO KEN 104: Inspection is effective", [("outcome", None, "KEN 104", "Inspection is effective"),
                                             ("cpo", None, "KEN 104", "CPO KEN 104: Inspection is effective")]),
    ("Cooperation Framework Outcome 2 (KEN 101): Jobs", [("outcome", "2", None, "Jobs"),
                                                         ("cpo", None, "KEN 101", "Outcome 2 (KEN 101): Jobs")]),
    ("Output 2.3: A strategy is adopted", [("output", "2.3", None, "A strategy is adopted")]),
    ("Sub-output 1.1.2: Guidelines drafted", [("suboutput", "1.1.2", None, "Guidelines drafted")]),
    ("Activity 1.2.1: Train inspectors", [("activity", "1.2.1", None, "Train inspectors")]),
    ("Key activities: training and research", [("activity", None, None, "training and research")]),
    ("Indicator 1.2.a: Number of laws reformed", [("indicator", "1.2.a", None, "Number of laws reformed")]),
    ("Output indicator 2.3.1: Strategy adopted (yes/no)", [("indicator", "2.3.1", None, "Strategy adopted (yes/no)")]),
    ("Indicator: Share of women trained", [("indicator", None, None, "Share of women trained")]),
    ("- Output 2.4: Bulleted outputs count too", [("output", "2.4", None, "Bulleted outputs count too")]),
    # currency, agency and other three-letter codes are no programme outcome codes
    ("Budget of USD 500 for CPO KEN 102, ILO 100 and (TZA 105).",
     [("cpo", None, "KEN 102", "Budget of USD 500 for CPO KEN 102, ILO 100 and (TZA 105)."),
      ("cpo", None, "TZA 105", "Budget of USD 500 for CPO KEN 102, ILO 100 and (TZA 105).")]),
    ("The outcome of the review is expected in 2026.", []),
]


@pytest.mark.parametrize("line, expected", ELEMENTS)
def test_element_kinds(tmp_path, line, expected):
    doc = _doc(tmp_path, f"Plan\n\n{line}\n")
    assert [(e.kind, e.number, e.code, e.text) for e in doc.elements] == expected


INDICATOR_FIELDS = [
    # (indicator text, (baseline value, year, status), (target value, year, status), means of verification)
    ("Indicator 1.1: Jobs created Baseline: 10 (2020) Target: 20 (2025) Means of verification: survey",
     ("10", 2020, "given"), ("20", 2025, "given"), "survey"),
    ("Indicator 1.1: Jobs created Baseline (2024): 900 Target (2028): 1,200",  # the year in the label
     ("900", 2024, "given"), ("1,200", 2028, "given"), None),
    ("Indicator 1.1: Jobs created; baseline: to be determined; target: TBD",
     (None, None, "tbd"), (None, None, "tbd"), None),
    ("Indicator 1.1: Jobs created\nBaseline: 0 (2024)\nTarget: 2 (2027)\nMeans of verification: Ministry reports",
     ("0", 2024, "given"), ("2", 2027, "given"), "Ministry reports"),  # fields on the lines below
]


@pytest.mark.parametrize("text, baseline, target, mov", INDICATOR_FIELDS)
def test_indicator_fields(tmp_path, text, baseline, target, mov):
    (ind,) = _doc(tmp_path, f"Plan\n\n{text}\n").elements
    assert ind.text == "Jobs created"
    assert (ind.baseline.value, ind.baseline.year, ind.baseline.status) == baseline
    assert (ind.target.value, ind.target.year, ind.target.status) == target
    assert ind.means_of_verification == mov


def test_results_chain_parents_and_agencies(tmp_path):
    doc = _doc(tmp_path, "Plan\n\nPriority 1: Decent jobs\n\nOutcome 1.1: Youth employment policies are implemented.\n\n"
                         "Output 1.1.1: An action plan is adopted.\n\nIndicator 1.1.1.a: Number of plans adopted\n\n"
                         "Activity 1.1.1.1: Train planners.\n\nContributing agencies: ILO, UNDP and UNICEF\n\n"
                         "Outcome 2: Social protection floors are extended (KEN 102).\n")
    els = doc.elements
    parent = {(e.kind, e.number or e.code): (els[e.parent].kind, els[e.parent].number) if e.parent is not None else None
              for e in els}
    assert parent == {("priority", "1"): None, ("outcome", "1.1"): ("priority", "1"),
                      ("output", "1.1.1"): ("outcome", "1.1"), ("indicator", "1.1.1.a"): ("output", "1.1.1"),
                      ("activity", "1.1.1.1"): ("output", "1.1.1"), ("outcome", "2"): ("priority", "1"),
                      ("cpo", "KEN 102"): ("outcome", "2")}
    assert next(e for e in els if e.number == "1.1").agencies == ["ILO", "UNDP", "UNICEF"]


def test_an_element_stated_twice_is_one_element_with_the_fields_of_both(tmp_path):
    doc = _doc(tmp_path, "Plan\n\nOutcome 1.1: Jobs are created.\n\nOutput 1.1.1: Plans\n\nIndicator 1.1.1: Plans adopted\n\n"
                         "Annex 1: Results matrix\n\nOutcome 1.1: Jobs are created.\n\n"
                         "Indicator 1.1.1: Plans adopted Baseline: 0 Target: 3\n")
    assert [(e.kind, e.number) for e in doc.elements] == [("outcome", "1.1"), ("output", "1.1.1"), ("indicator", "1.1.1")]
    ind = doc.elements[2]
    assert (ind.baseline.value, ind.target.value) == ("0", "3")


RESULTS_TABLE = """# Results framework

| Indicator | Baseline | Target | Means of verification | Contributing agencies |
|---|---|---|---|---|
| Outcome 1: Youth employment is promoted | | | | ILO, UNDP |
| 1.1 Youth unemployment rate | 24% (2023) | 15% (2029) | Labour force survey | |
| 1.2 Number of jobs created | N/A | 5,000 | | |
| | | | Admin data | |

Table 2.

| Indicator | Baseline | | Target | |
|---|---|---|---|---|
| | Value | Year | Value | Year |
| 2.1 Share of workers covered | 30% | 2022 | 45% | 2028 |

Table 3.

| Outcome 3 | Social dialogue is strengthened |
|---|---|

| Indicator | Baseline | Target |
|---|---|---|
| 4.1 Inspections per year | 100 | 300 |
| Milestones | | |
| Inspections per year | 150 | 200 |
"""


def test_results_tables(tmp_path):
    doc = _doc(tmp_path, RESULTS_TABLE, ".md")
    got = [(e.kind, e.number, e.text) for e in doc.elements]
    assert got == [("outcome", "1", "Youth employment is promoted"),  # the header row is no element
                   ("indicator", "1.1", "Youth unemployment rate"),
                   ("indicator", "1.2", "Number of jobs created"),
                   ("indicator", "2.1", "Share of workers covered"),
                   ("outcome", "3", "Social dialogue is strengthened"),  # a label cell, then its statement
                   ("indicator", "4.1", "Inspections per year")]  # milestone rows are no indicators
    o1, i11, i12, i21, _, i41 = doc.elements
    assert o1.agencies == ["ILO", "UNDP"]  # the agencies column
    assert i11.parent == 0 and i11.means_of_verification == "Labour force survey"
    assert (i11.baseline.value, i11.baseline.year, i11.target.value, i11.target.year) == ("24%", 2023, "15%", 2029)
    assert i12.baseline.value is None and i12.baseline.status != "given"  # N/A is no baseline
    assert i12.means_of_verification == "Admin data"  # the rest of the row, cut by a page break
    assert (i21.baseline.value, i21.baseline.year, i21.target.year) == ("30%", 2022, 2028)  # a two-row header
    assert (i41.baseline.value, i41.target.value) == ("100", "300")


def test_tab_separated_rows_of_text_are_tables(tmp_path):
    doc = _doc(tmp_path, "Plan\n\nIndicator\tBaseline\tTarget\n1.1 Youth unemployment rate\t24% (2023)\t15% (2029)\n")
    (ind,) = doc.elements
    assert (ind.kind, ind.number, ind.baseline.value, ind.target.year) == ("indicator", "1.1", "24%", 2029)


def test_lists(tmp_path):
    doc = _doc(tmp_path, "Plan\n\nThe programme will:\n\n- extend pensions to rural workers;\n* pay benefits monthly.\n", ".md")
    items = [p.text for p in doc.paragraphs if p.kind == "list_item"]
    assert items == ["extend pensions to rural workers;", "pay benefits monthly."]


def test_pages_of_text_split_on_form_feeds(tmp_path):
    doc = _doc(tmp_path, "Plan\n\n1. Context\n\nText on the first page.\n\f2. Results\n\n"
                         "Outcome 1: Jobs are created.\n\fAnnex 1: Results matrix\n\nIndicator 1.1: Jobs\n")
    assert doc.pages == 3
    assert [(s.heading, s.page) for s in doc.sections if s.level] == [
        ("1. Context", 1), ("2. Results", 2), ("Annex 1: Results matrix", 3)]
    assert [(e.kind, e.page) for e in doc.elements] == [("outcome", 2), ("indicator", 3)]
    outcome = next(p for p in doc.paragraphs if p.text.startswith("Outcome 1"))
    assert outcome.page_at(0) == 2 and outcome.page_at(len(outcome.text) - 1) == 2


@pytest.mark.parametrize("pattern,digit", [
    (r"\d", True), (r"[0-9]", True), (r"x{0,3}\d", True), (r"\b[A-Z]{3}\s(?P<n>[1-9]\d{2})", True),
    (r"(?:CPO\s*)?(?:a1|b\d)", True), (r"a|1", False), (r"(?:x\d)?", False), (r"[^0-9]", False),
    (r"[1-9a]", False), (r"(?:a|b)+", False), (r"\D", False)])
def test_needs_digit(pattern, digit):
    """The CPO pattern is searched only in paragraphs with a digit when every match holds one."""
    import re

    from alignment.regex_scan import needs_digit

    assert needs_digit(re.compile(pattern)) is digit


@pytest.mark.parametrize("pattern,run", [
    (r"\d", 1), (r"\b[A-Z]{3}\s(?P<n>[1-9]\d{2})", 3), (r"(?:CPO\s*)?(?:a1|b\d)", 1), (r"a|1", 0),
    (r"(?:x\d)?", 0), (r"[1-9a]", 0), (r"\d\d?\d", 2), (r"(?:\d{2}|\d{4})x\d", 2), (r"\d+\.\d+", 1),
    (r"(?:\d\d|1)\d", 2), (r"\d\b\d{2}", 2), (r"(?:ab)?\d{4}", 4)])
def test_digit_run(pattern, run):
    """The CPO pattern is searched only in paragraphs with as many digits in a row as every
    match holds."""
    import re

    from alignment.regex_scan import digit_run

    assert digit_run(re.compile(pattern)) == run


def test_agencies_and_cpo_prefilters_change_nothing():
    """A paragraph without the agencies pattern's literals, or without a digit, holds no match
    of it (the shortcuts of the structure walk), over the pack's own wordings."""
    import re

    from alignment.compiled import compile_pack
    from alignment.packs import load_pack
    from alignment.structure import _DIGIT, _agencies_line

    texts = ["Contributing agencies: ILO, UNDP", "Outputs delivered. UN entities: ILO, FAO",
             "Entités contributrices : OIT", "Agencias participantes: OIT", "CPO: KEN 101 is set",
             "(TZA 152) decent work", "The ILO 2024 report", "No agencies here at all.",
             "AGENCIES: ILO", "ORGANİZATIONS: ILO"]
    for lang in ("en", "fr", "es"):
        c = compile_pack(load_pack(lang)).structure
        for text in texts:
            if not c.agencies_scanner.may_match(text):
                assert _agencies_line(text, c.agencies) is None
            if c.cpo_digit and not _DIGIT.search(text):
                assert not list(c.cpo.finditer(text))
            if not c.cpo_digits.search(text):
                assert not list(c.cpo.finditer(text))
        assert c.cpo_digit and c.cpo_digits.pattern == r"\d{3}"
        assert compile_pack(load_pack("en")).structure.agencies_scanner.may_match("Contributing agencies: ILO")
