"""UN INFO work plan exports: read directly by check, inspect and compare, one plan at a time;
malformed exports get one line and exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from alignment.cli import main
from alignment.pipeline import load_document

from uninfo_files import HEADER, kandara_rows, row, write_csv, write_xlsx

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "realdata" / "uninfo-xlsx"


@pytest.fixture()
def export(tmp_path):
    return write_xlsx(tmp_path / "Africa__work.xlsx", kandara_rows())


def _run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_several_plans_need_a_choice(export):
    r = _run("check", export)
    assert r.exit_code == 2
    lines = r.output.strip().splitlines()
    assert len(lines) == 1
    assert "2 plans" in lines[0] and "--plan" in lines[0]
    assert "Kandara: Kandara Cooperation Framework 2023-2027" in lines[0] and "Tavira: Tavira UNSDCF" in lines[0]


def test_check_one_plan(export):
    r = _run("check", export, "--plan", "kandara cooperation", "--format", "json")
    assert r.exit_code == 0, r.output
    rep = json.loads(r.stdout)
    assert rep["document"]["counts"]["suboutput"] == 2
    # sub-outputs are commitments: social protection and skills are committed
    assert rep["coverage"]["SO3"]["strength"] == "committed"
    assert rep["coverage"]["SO2"]["strength"] == "committed"
    # child labour is only in a yearly narrative: evidence of what was done, not a commitment
    assert rep["coverage"]["SO1"]["strength"] == "mentioned"
    assert "SO1.CL" in rep["coverage"]["SO1"]["topics"]
    # partners are read for the constituents
    c = rep["constituents"]
    assert c["social_partners"] == "named"
    assert c["employers"]["status"] == "named" and c["workers"]["status"] == "named"
    assert c["ministry"]["status"] == "named"
    # the team's own tags beside the tool's findings
    plan = rep["plan"]
    assert plan["country"] == "Kandara" and plan["sub_outputs"] == 2 and plan["region"] == "Africa"
    assert plan["ilo_contributes"] is True and plan["ilo_sub_outputs"] == 1
    assert plan["team_sdg_targets"] == {"4.4": 1, "8.5": 1}
    assert plan["sdg8"]["items"] == 2
    # repaired text, and a warning saying so
    assert "Coopération with the Ministère de l’Éducation on skills for employment" in json.dumps(rep, ensure_ascii=False) or \
        "Coopération with the Ministère de l'Éducation on skills for employment" in json.dumps(rep, ensure_ascii=False)
    assert any("repaired" in w for w in rep["document"]["warnings"])


def test_country_chooses_and_ilo_absent(export):
    r = _run("check", export, "--country", "tavira", "--format", "json")
    assert r.exit_code == 0, r.output
    rep = json.loads(r.stdout)
    assert rep["plan"]["ilo_contributes"] is False
    assert rep["objectives_committed"] == 0


def test_inspect_shows_the_results_chain(export):
    r = _run("inspect", export, "--country", "Kandara")
    assert r.exit_code == 0, r.output
    assert "Sub-output 1.1.1.1 [ID 101]: Social protection floor" in r.output
    assert "Progress 2023" in r.output
    doc = load_document(str(export), country="Kandara")
    kinds = [e.kind for e in doc.elements]
    assert kinds.count("priority") == 1 and kinds.count("outcome") == 1 and kinds.count("suboutput") == 2
    sub = next(e for e in doc.elements if e.ref == "uninfo:101")
    assert doc.elements[doc.elements[sub.parent].parent].kind == "outcome"
    assert sub.agencies == ["ILO", "UNDP"] and "Kandara Federation of Employers" in sub.partners
    assert sub.markers["gender"].startswith("2")
    outcome = next(e for e in doc.elements if e.kind == "outcome")
    assert "ILO" in outcome.agencies and "UNICEF" in outcome.agencies
    assert doc.source.plan == "Kandara Cooperation Framework 2023-2027"


def test_no_match_lists_the_plans(export):
    r = _run("inspect", export, "--plan", "nowhere")
    assert r.exit_code == 2
    assert len(r.output.strip().splitlines()) == 1
    assert "no plan matches --plan 'nowhere'" in r.output and "Tavira" in r.output


def test_plan_option_on_a_document_is_an_error(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Outcome 1: decent work for all\n")
    r = _run("check", f, "--plan", "x")
    assert r.exit_code == 2 and "not one" in r.output


def test_csv_export_with_one_plan_needs_no_choice(tmp_path):
    rows = [r for r in kandara_rows() if r[0] == "Kandara"]
    f = write_csv(tmp_path / "kandara.csv", rows)
    r = _run("check", f, "--format", "json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["coverage"]["SO3"]["strength"] == "committed"


def test_mojibake_plan_names_are_one_plan(tmp_path):
    rows = [row(plan="UNSDCF 2022 – 2026", id="1", sub="Social protection floor for all"),
            row(plan="UNSDCF 2022 ‚Äì 2026", id="2", sub="Occupational safety and health in mines")]
    f = write_xlsx(tmp_path / "x.xlsx", rows)
    doc = load_document(str(f))  # one plan: no --plan needed
    assert doc.source.plan == "UNSDCF 2022 – 2026" and doc.source.sub_outputs == 2


def _encrypted(tmp_path):
    msoffcrypto = pytest.importorskip("msoffcrypto")
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = write_xlsx(tmp_path / "plain.xlsx", kandara_rows())
    out = tmp_path / "locked.xlsx"
    with open(plain, "rb") as src, open(out, "wb") as dst:
        OOXMLFile(src).encrypt("secret", dst)
    return out


@pytest.mark.parametrize("make, reason", [
    (lambda t: write_xlsx(t / "cols.xlsx", [r[:5] for r in kandara_rows()], header=HEADER[:5]),
     "missing column(s) Outcome, Output, Sub-Output"),
    (lambda t: write_xlsx(t / "empty.xlsx", [], header=None), "empty sheet"),
    (lambda t: write_xlsx(t / "header-only.xlsx", []), "a header but no rows"),
    (_encrypted, "password-protected"),
    (lambda t: write_csv(t / "latin.csv", [row(sub="Protección social para trabajadores")], encoding="cp1252"),
     "not UTF-8"),
    (lambda t: (t / "garbage.xlsx").write_bytes(b"PK\x03\x04 not really a zip") and t / "garbage.xlsx",
     "not a readable XLSX"),
])
def test_malformed_export_one_line_exit_2(tmp_path, make, reason):
    f = make(tmp_path)
    for cmd in ("check", "inspect"):
        r = _run(cmd, f)
        assert r.exit_code == 2, r.output
        lines = r.output.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"alignment: {f}: "), r.output
        assert reason in lines[0]


def test_utf16_csv_is_read(tmp_path):
    rows = [r for r in kandara_rows() if r[0] == "Kandara"]
    f = write_csv(tmp_path / "k16.csv", rows, encoding="utf-16")
    assert load_document(str(f)).source.sub_outputs == 2


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/realdata is not beside the repository")
def test_shared_export_slice():
    """A small slice of the real exports: one plan of one file, read and checked."""
    f = SHARED / "Arab_States__work.xlsx"
    r = _run("check", f, "--country", "Saudi Arabia", "--format", "json")
    assert r.exit_code == 0, r.output
    rep = json.loads(r.stdout)
    assert rep["document"]["type"] == "unsdcf" and rep["plan"]["country"] == "Saudi Arabia"
    assert rep["document"]["counts"].get("suboutput", 0) >= 1
    text = json.dumps(rep, ensure_ascii=False)
    assert "√" not in text and "‚Ä" not in text
    r = _run("check", f)
    assert r.exit_code == 2 and "plans in the export" in r.output


def test_compare_dwcp_with_a_plan_of_an_export(export):
    dwcp = ROOT / "corpora" / "dwcp" / "kandara-dwcp" / "kandara-dwcp.md"
    r = _run("compare", dwcp, export, "--format", "json")
    assert r.exit_code == 2 and "--plan" in r.output  # two plans: which one?
    r = _run("compare", dwcp, export, "--plan", "Kandara Cooperation", "--format", "json")
    assert r.exit_code == 0, r.output
    cmp = json.loads(r.stdout)
    # the plan's social protection sub-output carries the DWCP's social protection priority
    text = json.dumps(cmp)
    assert "suboutput" in text
    verdicts = {p["number"]: p["verdict"] for p in cmp["priorities"]}
    assert any(v in ("full", "partial") for v in verdicts.values())
