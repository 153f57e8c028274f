"""Results tables in the shapes of real documents, written as Markdown, HTML, DOCX and PDF:
`inspect` must find every indicator with its number, baseline and target, whatever the
shape. Each case is (intro lines, table rows, expected indicators); a row of one cell spans
the table."""

import pytest

from alignment.pipeline import load_document

from shapes import write

FORMATS = ["md", "html", "docx", "pdf"]

DWCP = ["Decent Work Country Programme for Testland 2010-2015",
        "Country Priority 1: More and better jobs for young women and men"]

# A ruled table per outcome: a title row, then the header, numbered indicator rows, then a
# block of biennial milestones with its own header row of years.
PER_OUTCOME = [
    ["Outcome 1: Young women and men find productive jobs through better employment services"],
    ["Indicators", "Baseline", "Target for 2010-15"],
    ["1.1. Percentage of registered jobseekers placed in jobs within six months, by sex",
     "To be set in 2010", "50 per cent increase over baseline"],
    ["1.2. Number of public employment service offices applying the new case management system",
     "0", "12"],
    ["Biennial milestones"],
    ["", "2010-11", "2012-13"],
    ["1.1.", "Baseline survey completed", "25 per cent increase"],
    ["1.2.", "3", "8"],
    ["Outcome 2: Workers in the informal economy are covered by social security"],
    ["Indicators", "Baseline", "Target for 2010-15"],
    ["2.1. Number of informal economy workers registered with the national social security fund",
     "TBD", "40,000"],
]
PER_OUTCOME_EXPECTED = [
    # number, first words, baseline (status, value, year), target (status, value, year)
    ("1.1", "Percentage of registered", ("tbd", None, 2010), ("given", "50 per cent", 2015)),
    ("1.2", "Number of public employment", ("given", "0", None), ("given", "12", 2015)),
    ("2.1", "Number of informal economy", ("tbd", None, None), ("given", "40,000", 2015)),
]

# A framework matrix: header below a title row, two header rows ("Baseline" over "Value |
# Year"), indicators labelled "Indicator 2.3.1" without a colon, a contributing-entities column.
TWO_HEADER_ROWS = [
    ["Results matrix of Strategic Priority 2"],
    ["Result", "Indicator", "Baseline", "", "Target (2027)", "Contributing UN entities"],
    ["", "", "Value", "Year", "", ""],
    ["Outcome 2.3: By 2027, more women and men work in safe and healthy workplaces", "Indicator 2.3.1 "
     "Fatal occupational injuries per 100,000 workers", "6.2", "2021", "4.0", "ILO, WHO"],
    ["", "Indicator 2.3.2 Number of labour inspectors trained in risk-based inspection", "none", "2022",
     "150", "ILO"],
    ["", "Indicator 2.3.3 Share of enterprises with an OSH committee", "TBD", "", "30%", "ILO, UNDP"],
]
TWO_HEADER_EXPECTED = [
    ("2.3.1", "Fatal occupational injuries", ("given", "6.2", 2021), ("given", "4.0", 2027)),
    ("2.3.2", "Number of labour inspectors", ("given", "none", 2022), ("given", "150", 2027)),
    ("2.3.3", "Share of enterprises", ("tbd", None, None), ("given", "30%", 2027)),
]

# French and Spanish headers with the year in the header: "Cible 2027", "Meta (2026)".
FRENCH = [
    ["Effet 1.1 : Les jeunes femmes et hommes accèdent à des emplois décents"],
    ["Indicateurs", "Référence (2022)", "Cible 2027", "Moyens de vérification"],
    ["1.1.1 Taux de chômage des jeunes, par sexe", "18 %", "12 %", "Enquête emploi"],
    ["1.1.2 Nombre de conventions collectives signées", "à déterminer", "10", "Ministère du travail"],
]
FRENCH_EXPECTED = [
    ("1.1.1", "Taux de chômage", ("given", "18 %", 2022), ("given", "12 %", 2027)),
    ("1.1.2", "Nombre de conventions", ("tbd", None, None), ("given", "10", 2027)),
]
SPANISH = [
    ["Efecto 2.1: Más trabajadores cuentan con protección social"],
    ["Indicador", "Línea de base", "Meta (2026)", "Agencias"],
    ["2.1.1 Porcentaje de trabajadores afiliados a la seguridad social", "35% (2021)", "50%", "OIT, PNUD"],
    ["2.1.2 Número de inspecciones de trabajo realizadas", "0", "500", "OIT"],
]
SPANISH_EXPECTED = [
    ("2.1.1", "Porcentaje de trabajadores", ("given", "35%", 2021), ("given", "50%", 2026)),
    ("2.1.2", "Número de inspecciones", ("given", "0", None), ("given", "500", 2026)),
]

CASES = {
    "per-outcome tables with milestones": (DWCP, PER_OUTCOME, PER_OUTCOME_EXPECTED),
    "two header rows and an entities column": (
        ["United Nations Sustainable Development Cooperation Framework for Testland 2023-2027",
         "Strategic Priority 2: Decent work and inclusive growth"], TWO_HEADER_ROWS, TWO_HEADER_EXPECTED),
    "french headers with years": (
        ["Programme par pays de promotion du travail décent du Testland 2023-2027",
         "Priorité de pays 1 : Emploi des jeunes"], FRENCH, FRENCH_EXPECTED),
    "spanish headers with years": (
        ["Programa de Trabajo Decente por País de Testlandia 2022-2026",
         "Prioridad de país 2: Protección social"], SPANISH, SPANISH_EXPECTED),
}


def _state(v):
    return None if v is None else (v.status, v.value, v.year)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("case", list(CASES))
def test_results_table_shapes(tmp_path, case, fmt):
    if fmt == "pdf":
        pytest.importorskip("reportlab")
    intro, rows, expected = CASES[case]
    doc = load_document(str(write(tmp_path, fmt, intro, rows)))
    inds = [e for e in doc.elements if e.kind == "indicator"]
    got = [(e.number, e.text[:len(words)], _state(e.baseline), _state(e.target))
           for e, (_, words, _, _) in zip(inds, expected)]
    assert got == [(n, w, b, t) for n, w, b, t in expected]
    assert len(inds) == len(expected), [e.text for e in inds]  # no milestone or title row as an indicator


@pytest.mark.parametrize("fmt", FORMATS)
def test_indicators_hang_under_their_outcome_and_entities_column(tmp_path, fmt):
    if fmt == "pdf":
        pytest.importorskip("reportlab")
    intro, rows, _ = CASES["two header rows and an entities column"]
    doc = load_document(str(write(tmp_path, fmt, intro, rows)))
    outcome = next(e for e in doc.elements if e.kind == "outcome")
    assert outcome.number == "2.3"
    assert outcome.agencies == ["ILO", "WHO", "UNDP"]
    inds = [e for e in doc.elements if e.kind == "indicator"]
    assert all(doc.elements[e.parent] is outcome for e in inds)


def test_row_cut_by_a_page_break_goes_on_in_the_next_row(tmp_path):
    rows = [["Indicator", "Baseline", "Target", "Means of verification"],
            ["1.1.1 Share of young people not in employment, education or training", "", "", ""],
            ["", "28% (2024)", "20% (2029)", "Labour force survey"]]
    doc = load_document(str(write(tmp_path, "md", DWCP, rows)))
    [ind] = [e for e in doc.elements if e.kind == "indicator"]
    assert (_state(ind.baseline), _state(ind.target)) == (("given", "28%", 2024), ("given", "20%", 2029))
    assert ind.means_of_verification == "Labour force survey"


@pytest.mark.parametrize("written, expected", [
    ("To be set in 2010", ("tbd", None, 2010)),
    ("TBD", ("tbd", None, None)),
    ("TBD (2025)", ("tbd", None, 2025)),
    ("none", ("given", "none", None)),
    ("0", ("given", "0", None)),
    ("50 per cent increase over baseline", ("given", "50 per cent", None)),
    ("3,000 (2027)", ("given", "3,000", 2027)),
    ("", ("missing", None, None)),
])
def test_values_in_words(tmp_path, written, expected):
    rows = [["Indicator", "Baseline"], ["1.1 Number of cooperatives registered", written]]
    doc = load_document(str(write(tmp_path, "md", DWCP, rows)))
    [ind] = [e for e in doc.elements if e.kind == "indicator"]
    assert _state(ind.baseline) == expected
