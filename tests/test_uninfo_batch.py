"""`alignment batch` over UN INFO exports: one document per plan, exports of one region merged by
sub-output ID, a broken export listed in errors.csv with nothing else lost, the Governing-Body table."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from alignment.cli import main

from uninfo_files import HEADER, kandara_rows, row, write_csv, write_xlsx

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "realdata" / "uninfo-xlsx"


def _csv(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture()
def exports(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    rows = kandara_rows()
    write_xlsx(folder / "Africa__work.xlsx", rows)
    # the gender theme holds sub-output 101 again (same ID) and one more of Kandara's
    write_xlsx(folder / "Africa__gender.xlsx",
               [rows[0], row(sub="Women's entrepreneurship and equal pay for work of equal value", id="103")])
    write_xlsx(folder / "Africa__broken.xlsx", [r[:4] for r in rows], header=HEADER[:4])
    (folder / "note.txt").write_text("Outcome 1: By 2027, social protection floors cover all workers.\n")
    return folder


def test_batch_merges_by_id_and_lists_the_broken_export(tmp_path, exports):
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["batch", str(exports), "-o", str(out), "--workers", "1"])
    assert r.exit_code == 1, r.output  # the broken export failed, the plans of the others did not
    docs, errs = _csv(out / "documents.csv"), _csv(out / "errors.csv")
    summary = json.loads((out / "summary.json").read_text())
    # 2 plans + the text file; the broken export is one listed error; nothing lost
    assert summary["inputs"] == 4 and len(docs) == 3 and len(errs) == 1
    assert errs[0]["path"].endswith("Africa__broken.xlsx") and "missing column(s)" in errs[0]["reason"]
    kandara = next(d for d in docs if d["country"] == "Kandara")
    assert kandara["region"] == "Africa" and kandara["SO3"] == "committed"
    plans = {p["country"]: p for p in _csv(out / "plans.csv")}
    assert set(plans) == {"Kandara", "Tavira"}
    assert plans["Kandara"]["sub_outputs"] == "3"  # 101 (in both themes), 102, 103: counted once each
    assert plans["Kandara"]["ilo_contributes"] == "yes" and plans["Tavira"]["ilo_contributes"] == "no"
    assert plans["Kandara"]["employers"] == "named" and plans["Kandara"]["workers"] == "named"
    table = summary["uninfo_plans"]
    assert table["all"]["plans"] == 2 and table["by_region"]["Africa"]["plans"] == 2
    assert table["all"]["ilo_contributes"] == 1 and table["all"]["employers_or_workers_named"] == 1
    assert table["all"]["objectives_committed"]["0"] == 1  # Tavira: roads only
    assert "Governing-Body table" in (out / "summary.md").read_text()
    plan_files = list((out / "plans").glob("*.plan.json"))
    assert len(plan_files) == 2


def test_export_order_does_not_change_the_plan(tmp_path, exports):
    a, b = tmp_path / "a", tmp_path / "b"
    for out, order in ((a, ["Africa__work.xlsx", "Africa__gender.xlsx"]),
                       (b, ["Africa__gender.xlsx", "Africa__work.xlsx"])):
        r = CliRunner().invoke(main, ["batch", *(str(exports / n) for n in order), "-o", str(out), "-q"])
        assert r.exit_code == 0, r.output
    ids = lambda out: sorted((d["path"], d["id"]) for d in _csv(out / "documents.csv"))  # noqa: E731
    assert ids(a) == ids(b)


def test_csv_export_in_a_batch(tmp_path):
    f = write_csv(tmp_path / "kandara.csv", [r for r in kandara_rows() if r[0] == "Kandara"])
    bad = write_csv(tmp_path / "latin.csv", [row(sub="Protección social")], encoding="cp1252")
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["batch", str(f), str(bad), "-o", str(out), "-q"])
    assert r.exit_code == 1, r.output  # one input failed; the other's plan is kept
    assert len(_csv(out / "documents.csv")) == 1
    errs = _csv(out / "errors.csv")
    assert len(errs) == 1 and "not UTF-8" in errs[0]["reason"]


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/realdata is not beside the repository")
def test_shared_exports_of_one_region_merge(tmp_path):
    files = [SHARED / "Arab_States__work.xlsx", SHARED / "Arab_States__gender.xlsx"]
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["batch", *map(str, files), "-o", str(out), "-q"])
    assert r.exit_code == 0, r.output
    plans = _csv(out / "plans.csv")
    assert plans and all(p["region"] == "Arab States" for p in plans)
    # a sub-output filed under both themes is counted once
    from alignment.read.uninfo import Collector
    c = Collector()
    for f in files:
        c.add_file(str(f))
    total_rows = sum(p.rows for p in c.plans.values())
    merged = sum(p.merged for p in c.plans.values())
    assert merged > 0
    assert sum(int(p["sub_outputs"]) for p in plans) == total_rows - merged
    docs = _csv(out / "documents.csv")
    assert not any("√" in d["title"] or "‚Ä" in d["title"] for d in docs)


# The JSON a cache row's `result` held before the batch results were typed models (TypedDicts):
# these keys in this order, compact separators. A cache written then must still resume.
OLD_CACHE_KEYS = ["sha256", "text_sha256", "pack", "tool", "type", "language", "pages", "words", "title",
                  "warnings", "strength", "objectives_committed", "objectives_mentioned", "social_partners",
                  "civil_society_only", "standards", "employers", "workers", "topics_committed",
                  "topics_missing", "plan", "findings_count"]
OUTPUTS = ["documents.csv", "findings.csv", "errors.csv", "plans.csv", "summary.md", "coverage.svg",
           "objectives.svg"]


def test_an_old_format_cache_resumes_to_the_same_outputs(tmp_path, exports):
    """The typed results store exactly the JSON the untyped dicts stored (plans included), and a
    cache rewritten as the old code wrote it resumes with nothing re-analysed, same outputs."""
    import sqlite3

    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["batch", str(exports), "-o", str(out), "--workers", "1"])
    assert r.exit_code == 1, r.output
    before = {name: (out / name).read_bytes() for name in OUTPUTS}
    db = sqlite3.connect(out / "cache.sqlite")
    rows = db.execute("SELECT rowid, result FROM results").fetchall()
    assert len(rows) == 3
    plans = 0
    with db:
        for rowid, text in rows:
            data = json.loads(text)
            assert list(data) == OLD_CACHE_KEYS
            plans += data["plan"] is not None
            old = json.dumps({k: data[k] for k in OLD_CACHE_KEYS}, ensure_ascii=False, separators=(",", ":"))
            assert old == text
            db.execute("UPDATE results SET result = ? WHERE rowid = ?", (old, rowid))
    db.close()
    assert plans == 2
    for name in OUTPUTS:
        (out / name).unlink()
    r = CliRunner().invoke(main, ["batch", str(exports), "-o", str(out), "--workers", "1", "--resume"])
    assert r.exit_code == 1, r.output
    summary = json.loads((out / "summary.json").read_text())
    assert summary["cached"] == 3
    for name in OUTPUTS:
        assert (out / name).read_bytes() == before[name], name
