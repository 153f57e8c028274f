"""`alignment appraise`: the corpus proposals' expected verdicts, markers and overall verdicts;
specificity on the strong proposals; parametrised cue cases on small written proposals; every
output format read back (JSON against the model, HTML parsed, DOCX with python-docx, XLSX from
the sheet XML); folder mode never drops a file; bad input exits 2 with one line."""

from __future__ import annotations

import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from click.testing import CliRunner

from alignment.appraise import appraise
from alignment.appraise.model import CRITERIA, Appraisal
from alignment.cli import main

CORPUS = Path(__file__).resolve().parents[1] / "corpora"
PROPOSALS = sorted(p.parent for p in (CORPUS / "proposals").glob("*/expected.yaml")
                   if "appraisal" in (yaml.safe_load(p.read_text(encoding="utf-8")) or {}))
REFERENCE = CORPUS / "proposals" / "kandara-osh-proposal"
_SEEN: dict[str, Appraisal] = {}


def appraised(path: Path) -> Appraisal:
    key = str(path)
    if key not in _SEEN:
        _SEEN[key] = appraise(key)
    return _SEEN[key]


def expected(folder: Path) -> dict:
    return yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))["appraisal"]


def diffs(a: Appraisal, exp: dict) -> list[str]:
    got = {c.id: c.verdict for c in a.criteria}
    out = [f"{cid}: expected {want}, got {got[cid]}" for cid, want in exp["criteria"].items() if got[cid] != want]
    gm = exp["gender_marker"]
    if (a.gender_marker.un_gem, a.gender_marker.oecd_dac) != (gm["un_gem"], gm["oecd_dac"]):
        out.append(f"gender_marker: expected {gm}, got {a.gender_marker.un_gem}/{a.gender_marker.oecd_dac}")
    if a.overall != exp["overall"]:
        out.append(f"overall: expected {exp['overall']}, got {a.overall}")
    return out


def run(*args, **kw):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False, **kw)


# ---- the corpus --------------------------------------------------------------------------------

def test_every_appraisal_block_names_every_criterion():
    assert len(PROPOSALS) >= 8
    for folder in PROPOSALS:
        assert set(expected(folder)["criteria"]) == set(CRITERIA), folder.name


@pytest.mark.parametrize("folder", PROPOSALS, ids=lambda p: p.name)
def test_corpus_proposal_verdicts_markers_and_overall(folder):
    a = appraised(folder / f"{folder.name}.md")
    assert not diffs(a, expected(folder))


@pytest.mark.parametrize("ext", [".docx", ".pdf"])
def test_reference_proposal_in_word_and_pdf(ext):
    a = appraised(REFERENCE / f"{REFERENCE.name}{ext}")
    assert not diffs(a, expected(REFERENCE))


@pytest.mark.parametrize("folder", [f for f in PROPOSALS if expected(f)["overall"] == "ready"], ids=lambda p: p.name)
def test_weak_proposal_detection_is_specific(folder):
    """On the strong proposals no criterion the text covers is absent, and each verdict quotes the text."""
    a = appraised(folder / f"{folder.name}.md")
    text = (folder / f"{folder.name}.md").read_text(encoding="utf-8")
    squash = re.sub(r"\s+", " ", text)
    for c in a.criteria:
        assert c.verdict != "absent", c.id
        assert c.evidence, c.id
        quoted = c.evidence[0].text.rstrip("\u2026")[:60]
        assert quoted[:30] in squash or quoted[-30:] in squash, (c.id, quoted)


def test_weak_proposal_suggestions_are_concrete():
    a = appraised(CORPUS / "proposals" / "selenia-skills-proposal" / "selenia-skills-proposal.md")
    rbm = a.criterion("rbm")
    assert "Outcome 1, Outcome 2 and Outcome 3 have no indicator" in rbm.suggestion
    assert any("written as an activity" in f and "Organize 10 training workshops" in f for f in rbm.flags)
    assert any(ch.id == "measurable" and ch.score < 0.5 for ch in rbm.checks)
    assert a.top_fixes and all(f.split(" (")[0] for f in a.top_fixes)
    trip = a.criterion("tripartism")
    assert any("only consulted" in f for f in trip.flags)


# ---- cue cases on small written proposals ------------------------------------------------------

HEAD = "# Project document: Decent jobs in Testland (2025-2027)\n\n## 1. Background\n\nYouth unemployment is high.\n\n"
STRATEGY = """## 3. Project strategy

Development objective: More young women and men in Testland have decent jobs.

{outcome}

Output 1.1: Employment services place young jobseekers in jobs.

Activity 1.1.1: Train employment counsellors.

## 4. Logical framework

Indicator 1.1: {indicator}
Baseline: 100 (2024)
Target: 500 (2027)
Means of verification: Employment service records

"""
DEFAULT_OUTCOME = "Outcome 1: Young people find jobs through the public employment services."
DEFAULT_INDICATOR = "Number of young people (by sex) placed in jobs"
SP = "the Testland Federation of Employers and the Testland Congress of Trade Unions"


def small(tmp_path, extra: str = "", outcome: str = DEFAULT_OUTCOME, indicator: str = DEFAULT_INDICATOR) -> Appraisal:
    path = tmp_path / "proposal.md"
    path.write_text(HEAD + STRATEGY.format(outcome=outcome, indicator=indicator) + extra, encoding="utf-8")
    return appraise(str(path))


CASES = [
    ("tripartism", "absent", ""),
    ("tripartism", "weak", f"## 5. Stakeholders\n\nThe {SP[4:]} will be consulted at a validation workshop.\n"),
    ("tripartism", "pass", f"## 5. Stakeholders\n\nThe project was designed with {SP} at two formulation workshops.\n\n"
                           f"## 6. Management arrangements\n\nA Project Steering Committee includes {SP}.\n"),
    ("itcilo", "pass", "## 5. Capacity\n\nCounsellors will attend an ITC-ILO course in Turin.\n"),
    ("itcilo", "weak", "## 5. Capacity\n\nIf resources allow, counsellors could attend ITC-ILO courses.\n"),
    ("itcilo", "absent", ""),
    ("standards", "weak", "## 5. Approach\n\nThe project follows international labour standards.\n"),
    ("standards", "pass", "## 5. Approach\n\nThe employment policy is revised in line with the Employment Policy "
                          "Convention, 1964 (No. 122).\n"),
    ("monitoring", "absent", "## 5. Management\n\nGiven its short duration, no mid-term or final evaluation is planned.\n"),
    ("monitoring", "weak", "## 5. Monitoring and evaluation\n\nProgress reports will be sent to the donor.\n"),
    ("monitoring", "pass", "## 5. Monitoring and evaluation\n\nA monitoring and evaluation plan will be prepared. "
                           "An independent final evaluation will be conducted.\n"),
    ("risks", "weak", "## 5. Risks and assumptions\n\nThe main risk is delays. It is assumed that the ministry stays committed.\n"),
    ("risks", "pass", "## 5. Risks and assumptions\n\n| Risk | Likelihood | Mitigation |\n|---|---|---|\n"
                      "| Staff turnover | Medium | Training of trainers |\n| Delays in procurement | Low | Early procurement |\n"),
    ("sustainability", "weak", "## 5. Sustainability\n\nThe results are expected to continue.\n"),
    ("sustainability", "pass", "## 5. Sustainability and exit strategy\n\nThe services will be integrated into the "
                               "ministry's regular budget from 2027, and an exit plan hands them over in the last year.\n"),
]


@pytest.mark.parametrize("criterion,verdict,extra", CASES, ids=[f"{c}-{v}-{i}" for i, (c, v, _) in enumerate(CASES)])
def test_cue_cases(tmp_path, criterion, verdict, extra):
    assert small(tmp_path, extra).criterion(criterion).verdict == verdict


def test_activities_written_as_outcomes_and_unmeasurable_indicators(tmp_path):
    good = small(tmp_path).criterion("rbm")
    assert good.verdict == "pass", good.checks
    bad = small(tmp_path, outcome="Outcome 1: Organize five workshops for employment counsellors.",
                indicator="Improved capacity of counsellors").criterion("rbm")
    assert bad.verdict == "weak"
    assert any("written as an activity" in f for f in bad.flags)
    assert "Improved capacity of counsellors" in bad.suggestion


def test_an_outcome_without_indicator_and_a_tbd_baseline(tmp_path):
    extra = "## 5. More results\n\nOutcome 2: Employers offer more apprenticeships.\n\n"
    a = small(tmp_path, extra)
    rbm = a.criterion("rbm")
    assert rbm.verdict == "weak" and "Outcome 2 has no indicator" in rbm.suggestion


# ---- --dwcp ------------------------------------------------------------------------------------

def test_dwcp_codes_and_topics():
    r = run("appraise", REFERENCE / f"{REFERENCE.name}.md", "--dwcp", CORPUS / "dwcp/kandara-dwcp/kandara-dwcp.md",
            "--format", "json")
    a = Appraisal.model_validate_json(r.output)
    assert a.dwcp and "KND 102" in a.dwcp.matched_codes and a.dwcp.shared_topics
    # it also cites KND 104, 801 and 826, which that DWCP does not have: not a pass
    assert a.dwcp.unknown_codes == ["KND 104", "KND 801", "KND 826"]
    align = a.criterion("alignment")
    assert align.verdict == "weak" and "KND 104, KND 801, KND 826 are not outcomes" in align.suggestion
    other = appraise(str(CORPUS / "proposals/tavira-cooperatives-proposal/tavira-cooperatives-proposal.md"),
                     dwcp=str(CORPUS / "dwcp/morovia-dwcp/morovia-dwcp.md"))
    align = other.criterion("alignment")
    assert align.verdict == "weak" and "TVR 103" in align.suggestion and "MRV" in align.suggestion


# ---- formats -----------------------------------------------------------------------------------

def test_json_matches_the_model_and_the_schema():
    r = run("appraise", REFERENCE / f"{REFERENCE.name}.md", "--format", "json")
    data = json.loads(r.output)
    a = Appraisal.model_validate(data)
    assert [c["id"] for c in data["criteria"]] == list(CRITERIA)
    for c in data["criteria"]:
        assert {"id", "verdict", "evidence", "suggestion", "checks"} <= set(c)
        assert c["verdict"] in ("pass", "weak", "absent")
    assert set(data["gender_marker"]) >= {"un_gem", "oecd_dac", "checklist"}
    assert data["overall"] == a.overall == "ready"
    schema = json.loads(run("appraise", "--schema").output)
    assert {"criteria", "gender_marker", "overall"} <= set(schema["properties"])


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_html_is_escaped_and_inert(tmp_path):
    path = tmp_path / "evil.md"
    path.write_text(HEAD.replace("Decent jobs", "Decent <script>alert(1)</script> jobs")
                    + STRATEGY.format(outcome="Outcome 1: Young people <img src=x onerror=alert(1)> find jobs.",
                                      indicator=DEFAULT_INDICATOR), encoding="utf-8")
    out = tmp_path / "memo.html"
    assert run("appraise", path, "-o", out).exit_code == 0
    html = out.read_text(encoding="utf-8")
    tree = _Tree()
    tree.feed(html)
    tags = [t for t, _ in tree.tags]
    assert "script" not in tags and "img" not in tags
    assert "&lt;script&gt;" in html
    assert not any(k.startswith("on") for _, attrs in tree.tags for k in attrs)
    csp = [a for t, a in tree.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in csp[0]["content"]
    assert not re.search(r"(?:src|href)=\"(?:https?:)?//", html)
    rows = {a["data-criterion"]: a["data-verdict"] for t, a in tree.tags if t == "tr" and "data-criterion" in a}
    assert list(rows) == list(CRITERIA)


def test_markdown_and_text():
    a = appraised(REFERENCE / f"{REFERENCE.name}.md")
    from alignment.report.appraisal import render_markdown, render_text
    md = render_markdown(a)
    assert "**Overall verdict: Ready**" in md and "| Results-based management | pass |" in md
    assert "Overall: READY" in render_text(a)


def test_docx_memo_reads_back(tmp_path):
    from docx import Document
    out = tmp_path / "memo.docx"
    path = CORPUS / "proposals/morovia-youth-proposal/morovia-youth-proposal.md"
    assert run("appraise", path, "-o", out).exit_code == 0
    doc = Document(str(out))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Appraisal:" in text and "Overall verdict: Revise" in text and "UN Gender Equality Marker 1" in text
    assert "Most important fixes" in text
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Criterion", "Verdict", "Evidence", "Suggestion"]
    verdicts = {r.cells[0].text: r.cells[1].text for r in table.rows[1:]}
    assert len(verdicts) == 11 and verdicts["ITC-ILO"] == "absent" and verdicts["Tripartism"] == "pass"
    assert "p. " in table.rows[1].cells[2].text


def _sheet(path: Path, n: int = 1) -> list[list[str]]:
    """Rows of a worksheet, read from the XLSX zip (shared strings resolved)."""
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    with zipfile.ZipFile(path) as z:
        strings = [("".join(t.text or "" for t in si.iter(f"{{{ns['m']}}}t")))
                   for si in ElementTree.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns)]
        sheet = ElementTree.fromstring(z.read(f"xl/worksheets/sheet{n}.xml"))
    rows = []
    for row in sheet.find("m:sheetData", ns).findall("m:row", ns):
        cells = {}
        for c in row.findall("m:c", ns):
            col = re.match(r"[A-Z]+", c.get("r")).group(0)
            v = c.find("m:v", ns)
            value = "" if v is None else strings[int(v.text)] if c.get("t") == "s" else v.text
            idx = 0
            for ch in col:
                idx = idx * 26 + ord(ch) - 64
            cells[idx - 1] = value
        rows.append([cells.get(i, "") for i in range(max(cells) + 1)] if cells else [])
    return rows


def test_folder_to_xlsx_never_drops_a_file(tmp_path):
    folder = tmp_path / "proposals"
    folder.mkdir()
    for name in ("selenia-skills-proposal", "tavira-cooperatives-proposal"):
        (folder / f"{name}.md").write_bytes((CORPUS / "proposals" / name / f"{name}.md").read_bytes())
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    out = tmp_path / "appraisal.xlsx"
    r = run("appraise", folder, "-o", out)
    assert r.exit_code == 0, r.output
    rows = _sheet(out)
    head = rows[0]
    assert head[:2] == ["file", "status"] and set(CRITERIA) <= set(head) and "overall" in head
    body = {row[0]: dict(zip(head, row)) for row in rows[1:]}
    assert set(body) == {"broken.docx", "selenia-skills-proposal.md", "tavira-cooperatives-proposal.md"}
    assert body["broken.docx"]["status"] == "error" and body["broken.docx"]["reason"]
    sel = body["selenia-skills-proposal.md"]
    assert sel["status"] == "ok" and sel["overall"] == "major_gaps" and sel["standards"] == "absent"
    assert sel["un_gem"] == "0" and body["tavira-cooperatives-proposal.md"]["gender"] == "absent"
    details = _sheet(out, 2)
    assert len(details) == 1 + 2 * len(CRITERIA)


# ---- bad input ---------------------------------------------------------------------------------

def test_bad_inputs_exit_2_with_one_line(tmp_path):
    missing = run("appraise", tmp_path / "nope.pdf")
    assert missing.exit_code == 2 and len(missing.output.strip().splitlines()) == 1
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 garbage")
    r = run("appraise", bad)
    assert r.exit_code == 2 and r.output.startswith("alignment: ") and "Traceback" not in r.output
    dwcp = run("appraise", CORPUS / "dwcp/kandara-dwcp/kandara-dwcp.md")
    assert dwcp.exit_code == 2 and "not a project proposal" in dwcp.output
    wrong = run("appraise", REFERENCE / f"{REFERENCE.name}.md", "--dwcp",
                CORPUS / "proposals/selenia-skills-proposal/selenia-skills-proposal.md")
    assert wrong.exit_code == 2 and "--dwcp needs a Decent Work Country Programme" in wrong.output
    assert run("appraise", tmp_path, "--format", "docx").exit_code == 2
    assert run("appraise").exit_code == 2


def test_broken_appraisal_cues_are_reported():
    from alignment.packs import validate_dir
    _, problems = validate_dir(Path(__file__).parent / "broken_packs")
    text = "\n".join(problems)
    assert "broken.appraisal.kind" in text and "broken.appraisal.regex" in text


def test_help():
    r = run("appraise", "--help")
    assert r.exit_code == 0 and "--dwcp" in r.output and "--schema" in r.output


# ---- baselines and targets in every common form (issue 13) ------------------------------------

def _logframe(tmp_path, indicator_block: str, extra: str = "") -> Appraisal:
    path = tmp_path / "proposal.md"
    text = (HEAD + STRATEGY.split("## 4.")[0] + "## 4. Logical framework\n\n" + indicator_block + "\n\n" + extra)
    path.write_text(text.format(outcome=DEFAULT_OUTCOME), encoding="utf-8")
    return appraise(str(path))


@pytest.mark.parametrize("block", [
    "Indicator 1.1: Number of young people (by sex) placed in jobs. Baseline (2024): 900. Target (2027): 3,000. "
    "Means of verification: employment service records",
    "Indicator 1.1: Number of young people (by sex) placed in jobs\nBaseline (2024): none\nTarget (2027): 3,000\n"
    "Means of verification: employment service records",
    "Indicator 1.1: Number of young people (by sex) placed in jobs\nBaseline 2024: 0\nTarget 2027: 3,000\n"
    "Means of verification: employment service records",
    "| Indicator | Baseline (2024) | Target (2027) | Means of verification |\n|---|---|---|---|\n"
    "| 1.1 Number of young people (by sex) placed in jobs | 900 | 3,000 | Employment service records |",
    "| Outcome 1 |  |  |  |\n|---|---|---|---|\n| Indicators | Baseline | Target for 2025-27 | Source |\n"
    "| 1.1. Number of young people (by sex) placed in jobs | 0 (2024) | 3,000 | Employment service records |",
], ids=["inline-label-years", "none-is-a-baseline", "zero-label-year", "years-in-column-headers",
        "title-row-and-period-header"])
def test_baseline_and_target_forms_pass_rbm(tmp_path, block):
    rbm = _logframe(tmp_path, block).criterion("rbm")
    assert rbm.verdict == "pass", rbm.checks
    assert not any("without a year" in (c.detail or "") or "to be determined" in (c.detail or "")
                   for c in rbm.checks)


@pytest.mark.parametrize("baseline", ["to be determined", "TBD", "To be set in 2025"])
def test_to_be_determined_is_not_a_baseline(tmp_path, baseline):
    block = (f"Indicator 1.1: Number of young people (by sex) placed in jobs\nBaseline (2024): {baseline}\n"
             "Target (2027): 3,000\nMeans of verification: employment service records")
    rbm = _logframe(tmp_path, block).criterion("rbm")
    assert rbm.verdict == "weak"
    assert "baseline to be determined" in rbm.suggestion


ENV_OWN = ("## 5. Environmental sustainability and just transition\n\n"
           "The project will promote green jobs in the recycling enterprises it supports, and will train "
           "employers' and workers' organizations on a just transition to environmental sustainability.\n")
ENV_NEGATED = ("## 2. Environmental sustainability and just transition\n\n"
                  "The project does not address environmental sustainability or climate change.\n")


@pytest.mark.parametrize("extra, verdicts", [(ENV_OWN, {"pass"}), (ENV_NEGATED, {"weak", "absent"}),
                                              ("", {"absent"})],
                         ids=["own-section", "negated-in-section", "none"])
def test_environment_in_its_own_section(tmp_path, extra, verdicts):
    assert small(tmp_path, extra).criterion("environment").verdict in verdicts


def test_environmental_sustainability_section_is_not_the_sustainability_strategy(tmp_path):
    assert small(tmp_path, ENV_OWN).criterion("sustainability").verdict == "absent"


@pytest.mark.parametrize("cited, verdict", [
    ("KND 101 and KND 102", "pass"),
    ("KND 101, KND 105, KND 106 and KND 107", "weak"),
    ("KND 105", "weak"),
], ids=["all-outcomes-of-the-dwcp", "three-of-four-unknown", "none-known"])
def test_cited_dwcp_codes_are_checked_against_the_dwcp(tmp_path, cited, verdict):
    extra = (f"## 5. Alignment\n\nThe project contributes to the Kandara DWCP outcomes {cited}, to Outcome 3 of "
             "the ILO Programme and Budget for 2024-25, to SDG target 8.6, and to the national youth employment "
             "policy and the Cooperation Framework.\n")
    path = tmp_path / "proposal.md"
    path.write_text(HEAD + STRATEGY.format(outcome=DEFAULT_OUTCOME, indicator=DEFAULT_INDICATOR) + extra,
                    encoding="utf-8")
    a = appraise(str(path), dwcp=str(CORPUS / "dwcp/kandara-dwcp/kandara-dwcp.md"))
    align = a.criterion("alignment")
    assert align.verdict == verdict, align.checks
    if verdict == "weak":
        assert "KND 105" in align.suggestion
