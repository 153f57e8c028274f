"""`alignment batch`: nothing lost, duplicates reported, resumable, reproducible, Dask.

Rules are tuned by others while these tests run, so they assert invariants and structure (every
input accounted for, the right error codes, byte-identical outputs), never a rule's verdict.
The local executor forks its workers, so a monkeypatch made here (os.access for the unreadable
file, a hanging or crashing analysis) is what the workers run too.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner

from alignment.batch import BatchOptions, run_batch
from alignment.batch import worker as batch_worker
from alignment.cli import main
from badfiles import make_cases

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpora"
GOOD = [CORPUS / "frameworks/ubeku-unsdcf/ubeku-unsdcf.md",
        CORPUS / "frameworks/ubeku-unsdcf/ubeku-unsdcf.txt",
        CORPUS / "frameworks/ubeku-unsdcf/ubeku-unsdcf.docx",
        CORPUS / "frameworks/ubeku-unsdcf/ubeku-unsdcf.pdf",
        CORPUS / "dwcp/morovia-dwcp/morovia-dwcp.txt",
        CORPUS / "proposals/morovia-youth-proposal/morovia-youth-proposal.md"]
OUTPUTS = ["documents.csv", "findings.csv", "errors.csv", "summary.json", "summary.md",
           "results.xlsx", "coverage.svg", "objectives.svg"]
MAX_SIZE = 1_500_000  # above the zip bomb (0.9 MB), below "large.txt" once enlarged


@pytest.fixture(scope="module", autouse=True)
def warm_parent():
    # Forked workers inherit the parent's pipelines: load French once here (the cp1252 case is
    # French) instead of once per worker per run.
    batch_worker.warm(("en", "fr"))


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """Good documents, a byte duplicate, every bad input, a FIFO, a dangling link, a file that
    is not a document, a hidden file and a symlink loop. Returns (folder, expected inputs, cases)."""
    folder = tmp_path_factory.mktemp("mixed")
    (folder / "good").mkdir()
    for p in GOOD:
        shutil.copy(p, folder / "good" / p.name)
    shutil.copy(GOOD[0], folder / "good" / "ubeku-copy.md")  # same bytes, another name
    (folder / "bad").mkdir()
    cases = make_cases(folder / "bad")
    large = next(c for c in cases if c.max_size)  # one --max-size for the whole batch: make it
    large.path.write_bytes(b"decent work " * 200_000)  # larger than MAX_SIZE, not the bomb
    (folder / "notes.csv").write_text("country,year\nUbeku,2026\n")
    os.mkfifo(folder / "pipe.txt")  # must be refused without being opened (would block)
    os.symlink(folder / "nowhere-at-all.md", folder / "dangling.md")
    (folder / ".hidden.txt").write_text("Decent work for all.\n")
    # file names as they come from other systems: undecodable bytes, decomposed accents
    text = GOOD[4].read_bytes()
    with open(os.fsencode(folder) + b"/latin1-caf\xe9.txt", "wb") as fh:
        fh.write(text + b"\nA file name in Latin-1.\n")
    (folder / "nfd-cafe\u0301.txt").write_bytes(text + b"\nA decomposed file name.\n")
    os.symlink(folder, folder / "loop")  # a folder loop: must not be followed
    expected = {f"good/{p.name}" for p in GOOD} | {"good/ubeku-copy.md", "notes.csv", "pipe.txt",
                                                     "dangling.md", "latin1-caf\ufffd.txt",
                                                     "nfd-caf\u00e9.txt"}
    expected |= {f"bad/{c.path.name}" for c in cases if c.path.is_file()}
    return folder, expected, cases


def _unreadable(monkeypatch, cases):
    """Root reads a chmod 000 file anyway: make os.access say what another user would see."""
    locked = next(c.path for c in cases if c.unreadable)
    if os.access(locked, os.R_OK):
        real = os.access
        monkeypatch.setattr(os, "access", lambda p, mode, *a, **k:
                            False if Path(p) == locked else real(p, mode, *a, **k))


def _batch(source, out, monkeypatch=None, cases=None, **options):
    if cases is not None:
        _unreadable(monkeypatch, cases)
    options.setdefault("max_size", MAX_SIZE)
    options.setdefault("timeout", 60)
    return run_batch(str(source), str(out), BatchOptions(**options))


def _rows(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def runs(mixed, tmp_path_factory):
    """The mixed folder with 1 and with 2 workers."""
    folder, _expected, cases = mixed
    mp = pytest.MonkeyPatch()
    try:
        outs = {}
        for n in (1, 2):
            out = tmp_path_factory.mktemp(f"out{n}")
            outs[n] = (out, _batch(folder, out, mp, cases, workers=n))
    finally:
        mp.undo()
    return outs


def test_every_input_is_accounted_for(mixed, runs):
    _folder, expected, _cases = mixed
    for out, result in runs.values():
        docs, errors = _rows(out / "documents.csv"), _rows(out / "errors.csv")
        assert len(docs) + len(errors) == len(expected) == result.summary.inputs
        assert {r["path"] for r in docs} | {r["path"] for r in errors} == expected
        assert [r["path"] for r in docs] == sorted(r["path"] for r in docs)
        s = result.summary
        assert s.documents == len(docs) and s.errors == len(errors)
        assert s.analysed + s.duplicates == len(docs)
        assert s.skipped["symlinked_folders"] == 1 and s.skipped["hidden"] == 1
        assert sum(s.errors_by_code.values()) == len(errors)
        assert sum(s.objectives_per_document.committed.values()) == s.analysed


def test_bad_inputs_are_errors_with_their_reason(mixed, runs):
    _folder, _expected, cases = mixed
    out, _result = runs[2]
    errors = {r["path"]: r for r in _rows(out / "errors.csv")}
    docs = {r["path"]: r for r in _rows(out / "documents.csv")}
    for case in cases:
        rel = f"bad/{case.path.name}"
        if not case.path.is_file():
            assert rel not in errors and rel not in docs  # a missing file or a folder is no input
            continue
        if case.error is None:  # readable with a warning (cp1252, UTF-16)
            assert docs[rel]["status"] == "ok", rel
            continue
        assert rel in errors, f"{case.name} not in errors.csv"
        assert errors[rel]["code"] == case.error.code, case.name
        assert case.expected in errors[rel]["reason"], case.name
    assert errors["notes.csv"]["code"] == "unsupported-format"
    assert errors["pipe.txt"]["reason"] == "not a regular file"
    assert errors["dangling.md"]["reason"] == "file not found"
    for r in errors.values():
        assert r["reason"] and "\n" not in r["reason"] and "Traceback" not in r["reason"]


def test_duplicates_reported_not_merged(runs):
    out, result = runs[2]
    docs = {r["path"]: r for r in _rows(out / "documents.csv")}
    a, b = docs["good/ubeku-copy.md"], docs["good/ubeku-unsdcf.md"]
    assert a["id"] == b["id"]
    assert a["status"] == "ok" and b["status"] == "duplicate-of:good/ubeku-copy.md"
    assert {k: v for k, v in a.items() if k not in ("path", "status", "same_text_as")} == \
           {k: v for k, v in b.items() if k not in ("path", "status", "same_text_as")}
    # the same text as .md and .txt is not a byte duplicate: both are documents in their own right
    txt = docs["good/ubeku-unsdcf.txt"]
    assert txt["status"] == "ok" and txt["id"] != a["id"]
    assert result.summary.duplicates == 1
    findings = {r["document"] for r in _rows(out / "findings.csv")}
    assert "good/ubeku-copy.md" in findings and "good/ubeku-unsdcf.md" not in findings
    assert findings <= {p for p, r in docs.items() if r["status"] == "ok"}


def test_outputs_identical_for_one_and_two_workers(runs):
    (out1, _), (out2, _) = runs[1], runs[2]
    for name in OUTPUTS:
        assert (out1 / name).read_bytes() == (out2 / name).read_bytes(), name
    assert not list(out2.glob(".alignment-*")), "temporary files left behind"


def test_output_files_are_well_formed(runs):
    out, result = runs[2]
    summary = json.loads((out / "summary.json").read_text())
    assert summary == json.loads(json.dumps(result.summary.to_json()))
    for key in ("inputs", "documents", "analysed", "duplicates", "errors", "cached",
                "objectives_per_document", "categories", "social_partners", "by_type", "errors_by_code"):
        assert key in summary
    assert set(summary["categories"]) == {"SO1", "SO2", "SO3", "SO4", "CC-ILS", "CC-SD", "CC-GEN",
                                          "CC-ENV", "CAPDEV"}
    header = next(csv.reader(open(out / "documents.csv", encoding="utf-8")))
    assert header[:2] == ["id", "path"] and header[-1] == "status"
    from alignment.report.tables import FINDING_COLUMNS
    assert next(csv.reader(open(out / "findings.csv", encoding="utf-8"))) == FINDING_COLUMNS
    with zipfile.ZipFile(out / "results.xlsx") as xlsx:
        workbook = xlsx.read("xl/workbook.xml").decode()
    names = [n.split('"')[0] for n in workbook.split('<sheet name="')[1:]]
    assert names == ["summary", "documents", "findings", "errors"]
    for chart in ("coverage.svg", "objectives.svg"):
        assert ElementTree.parse(out / chart).getroot().tag.endswith("svg")
    assert "| 4 of 4 |" in (out / "summary.md").read_text()


def test_resume_reuses_the_cache(mixed, runs, tmp_path, monkeypatch):
    folder, _expected, cases = mixed
    out = tmp_path / "out"
    shutil.copytree(runs[2][0], out)
    before = {name: (out / name).read_bytes() for name in OUTPUTS}
    for name in OUTPUTS:  # the outputs of an interrupted run were never written
        (out / name).unlink()
    result = _batch(folder, out, monkeypatch, cases, workers=2, resume=True)
    s = result.summary
    assert s.cached == s.analysed and result.analysed_now == 0
    for name in OUTPUTS:
        if name not in ("summary.json", "results.xlsx"):  # they count the cache hits
            assert (out / name).read_bytes() == before[name], name
    # one result lost (the run was killed before it was committed): only that one is redone
    db = sqlite3.connect(out / "cache.sqlite")
    with db:
        db.execute("DELETE FROM results WHERE path = 'good/morovia-dwcp.txt'")
    db.close()
    result = _batch(folder, out, monkeypatch, cases, workers=2, resume=True)
    assert result.analysed_now == 1 and result.summary.cached == s.analysed - 1
    assert (out / "documents.csv").read_bytes() == before["documents.csv"]


def test_killed_run_leaves_a_usable_cache(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(12):  # enough work to be killed in the middle
        (folder / f"doc{i:02}.txt").write_bytes(GOOD[4].read_bytes() + f"\nCopy {i}.\n".encode())
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "alignment", "batch", str(folder), "-o", str(out),
                             "--workers", "1", "-q"], start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            if _cached(out) >= 2:
                break
            time.sleep(0.05)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)  # the run and its workers, all at once
        proc.wait()
    done = _cached(out)
    assert done >= 2
    if done < 12:  # killed before the end: no output written, none half-written
        assert not (out / "documents.csv").exists() and not (out / "summary.json").exists()
    result = run_batch(str(folder), str(out), BatchOptions(workers=2, resume=True))
    assert result.summary.cached == done and result.analysed_now == 12 - done
    assert len(_rows(out / "documents.csv")) == 12


def _cached(out: Path) -> int:
    if not (out / "cache.sqlite").exists():
        return 0
    try:
        # read-write: after a kill, the WAL index may need the recovery a read-only reader cannot do
        db = sqlite3.connect(out / "cache.sqlite", timeout=1)
        try:
            return db.execute("SELECT count(*) FROM results").fetchone()[0]
        finally:
            db.close()
    except sqlite3.OperationalError:  # the table is being created
        return 0


def test_hang_timeout_and_crash_do_not_stop_the_batch(tmp_path, monkeypatch):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("a.txt", "hang.txt", "slow.txt", "crash.txt", "z.txt"):
        shutil.copy(GOOD[4], folder / name)
        with open(folder / name, "a") as fh:
            fh.write(f"\n{name}\n")  # distinct bytes: no duplicates
    real = batch_worker._analyse

    def misbehave(path, *args):
        name = Path(path).name
        if name == "crash.txt":
            os._exit(3)  # the worker dies: a segfault or an out-of-memory kill looks like this
        if name == "slow.txt":
            time.sleep(60)  # interrupted by the in-worker timeout
        if name == "hang.txt":
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(60)  # deaf to the timeout signal: the pool must be killed
        return real(path, *args)

    monkeypatch.setattr(batch_worker, "_analyse", misbehave)
    t0 = time.monotonic()
    result = run_batch(str(folder), str(tmp_path / "out"), BatchOptions(workers=2, timeout=1.5))
    assert time.monotonic() - t0 < 40
    errors = {r["path"]: r["code"] for r in _rows(tmp_path / "out" / "errors.csv")}
    assert errors == {"hang.txt": "timeout", "slow.txt": "timeout", "crash.txt": "crash"}
    docs = _rows(tmp_path / "out" / "documents.csv")
    assert [r["path"] for r in docs] == ["a.txt", "z.txt"]
    assert result.summary.errors_by_code == {"crash": 1, "timeout": 2}


def test_manifest_columns_are_carried(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for p in GOOD[:2] + GOOD[4:]:
        shutil.copy(p, folder / p.name)
    manifest = tmp_path / "manifest.csv"
    with open(manifest, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["country", "path", "type", "year"])
        w.writerow(["Ubeku", "docs/ubeku-unsdcf.md", "UNSDCF", "2026"])
        w.writerow(["Ubeku", "docs/ubeku-unsdcf.txt", "UNSDCF", "2026"])
        w.writerow(["Morovia", "docs/morovia-dwcp.txt", "DWCP", "2021"])
        w.writerow(["Morovia", "docs/morovia-youth-proposal.md", "proposal", "2025"])
        w.writerow(["Tavira", "docs/missing.pdf", "UNDAF", "2019"])
        w.writerow(["Tavira", "docs", "UNDAF", "2019"])
        w.writerow(["Nordana", "", "UNDAF", "2020"])
    result = run_batch(str(manifest), str(tmp_path / "out"), BatchOptions(workers=2))
    docs, errors = _rows(tmp_path / "out" / "documents.csv"), _rows(tmp_path / "out" / "errors.csv")
    assert len(docs) + len(errors) == 7
    header = list(docs[0])
    assert header[:5] == ["id", "path", "country", "manifest_type", "year"] and "type" in header
    assert {r["country"] for r in docs} == {"Ubeku", "Morovia"}
    reasons = {r["path"]: r["reason"] for r in errors}
    missing = tmp_path / "docs" / "missing.pdf"  # the error shows where the path led
    assert reasons["docs/missing.pdf"] == (f"file not found: {missing} "
                                           "(manifest paths are relative to the manifest's folder)")
    assert "directory" in reasons["docs"]
    assert reasons["(manifest line 8)"] == "empty path in the manifest"
    assert all(r["country"] for r in errors)
    s = result.summary
    assert set(s.by_country.groups) == {"Ubeku", "Morovia"}
    assert set(s.by_type.groups) == {"UNSDCF", "DWCP", "proposal"}
    assert set(s.by_year.groups) == {"2026", "2021", "2025"}
    assert s.by_type.column == "manifest:type"


def test_dask_executor(tmp_path):
    distributed = pytest.importorskip("distributed")
    folder = tmp_path / "docs"
    folder.mkdir()
    for p in (GOOD[1], GOOD[4]):
        shutil.copy(p, folder / p.name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    local = tmp_path / "local"
    run_batch(str(folder), str(local), BatchOptions(workers=1))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None) as cluster:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        out = tmp_path / "dask"
        result = run_batch(str(folder), str(out), BatchOptions(
            workers=2, executor="dask", scheduler=cluster.scheduler_address))
    assert result.summary.inputs == 4 and result.summary.errors == 2
    for name in OUTPUTS:  # the same function on another engine: the same bytes
        assert (out / name).read_bytes() == (local / name).read_bytes(), name


def test_cli_batch(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(GOOD[0], folder / GOOD[0].name)
    (folder / "empty.txt").write_bytes(b"")
    runner = CliRunner()
    res = runner.invoke(main, ["batch", "--help"])
    assert res.exit_code == 0 and "--resume" in res.output and "--executor" in res.output
    res = runner.invoke(main, ["batch", str(folder), "-o", str(tmp_path / "out"), "--workers", "1"])
    assert res.exit_code == 1, res.output  # one of the two failed
    assert "2 inputs: 1 documents" in res.output
    assert (tmp_path / "out" / "summary.json").exists()
    res = runner.invoke(main, ["batch", str(tmp_path / "nope"), "-o", str(tmp_path / "out2")])
    assert res.exit_code == 2 and "no such folder" in res.output
    res = runner.invoke(main, ["batch", str(folder), "-o", str(folder)])
    assert res.exit_code == 2 and "must not be the folder analysed" in res.output


def test_cli_dask_extra_missing(tmp_path, monkeypatch):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(GOOD[0], folder / GOOD[0].name)
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    res = CliRunner().invoke(main, ["batch", str(folder), "-o", str(tmp_path / "out"), "--executor", "dask"])
    assert res.exit_code == 2
    assert res.output.strip() == "alignment: install the dask extra: pip install 'alignment[dask]'"


def test_workbook_findings_sheet_is_valid_xml(tmp_path):
    """The findings rows are spliced into xlsxwriter's package: check they parse and read back."""
    from alignment.batch.xlsx import write_workbook

    rows = [["a & b <c>", 1, 0.25, " leading space", "form\x0cfeed", True, ""],
            ["é ü 中文", None, 3, "x" * 40_000, "", False, "z"]]
    path = tmp_path / "t.xlsx"
    with open(path, "wb") as fh:
        write_workbook(fh, [["summary"]], [("documents", ["h"], [["d"]]), ("errors", ["e"], [])],
                       ("findings", [f"c{i}" for i in range(7)], iter(rows)), len(rows))
    ns = {"x": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
        sheet = ElementTree.fromstring(z.read("xl/worksheets/sheet3.xml"))
        names = [n.split('"')[0] for n in z.read("xl/workbook.xml").decode().split('<sheet name="')[1:]]
    assert names == ["summary", "documents", "findings", "errors"]
    assert sheet.find("x:dimension", ns).get("ref") == "A1:G3"
    got = [[c.findtext(".//x:t", namespaces=ns) or c.findtext("x:v", namespaces=ns)
            for c in row.findall("x:c", ns)] for row in sheet.find("x:sheetData", ns)]
    assert got[0] == [f"c{i}" for i in range(7)]
    assert got[1] == ["a & b <c>", "1", "0.25", " leading space", "form_x000C_feed", "yes"]
    assert got[2] == ["é ü 中文", "3", "x" * 32_767, "no", "z"]


def test_file_names_and_text_cannot_run_as_formulas(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "=HYPERLINK(1).md").write_text(
        "# Outcome 1\n\n-2+3 By 2027, the national employment policy is adopted with the employers' "
        "and workers' organizations.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_batch(str(folder), str(out), BatchOptions(workers=1))
    assert result.summary.analysed == 1
    docs = list(csv.DictReader((out / "documents.csv").open(encoding="utf-8")))
    found = list(csv.DictReader((out / "findings.csv").open(encoding="utf-8")))
    assert docs[0]["path"] == "'=HYPERLINK(1).md"
    assert found and all(r["document"].startswith("'=") for r in found)
    assert all(not r["sentence"].startswith(("=", "-", "+", "@")) for r in found)


EXIT_CODES = [
    # (files in the folder, exit code, what stderr says)
    (["good.txt"], 0, None),
    (["good.txt", "empty.txt"], 1, "1 of 2 input(s) failed"),
    (["empty.txt", "old.doc"], 2, "all 2 input(s) failed"),
    ([], 2, "no inputs found"),
]


@pytest.mark.parametrize("files,code,says", EXIT_CODES)
@pytest.mark.parametrize("quiet", [False, True])
def test_batch_exit_code_says_whether_inputs_failed(tmp_path, files, code, says, quiet):
    folder = tmp_path / "docs"
    folder.mkdir()
    content = {"good.txt": GOOD[4].read_bytes(), "empty.txt": b"",
               "old.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)}
    for name in files:
        (folder / name).write_bytes(content[name])
    res = CliRunner().invoke(main, ["batch", str(folder), "-o", str(tmp_path / "out"), "--workers", "1"]
                             + (["-q"] if quiet else []))
    assert res.exit_code == code, res.output
    failures = [line for line in res.output.splitlines() if line.startswith("alignment: ")]
    if says:
        assert failures == [f"alignment: {folder}: {says}" + (f"; see {tmp_path / 'out'}/errors.csv"
                                                               if files else "")]
    else:
        assert not failures
    if quiet and not says:
        assert res.output == ""
    assert (tmp_path / "out" / "summary.json").exists()  # the results are written either way


def test_batch_help_states_exit_codes_manifest_paths_and_timeout():
    text = " ".join(CliRunner().invoke(main, ["batch", "--help"]).output.split())
    assert "1 some inputs failed" in text and "2 none succeeded" in text
    assert "relative to the folder the manifest is in, or absolute" in text
    assert "listed in errors.csv as a timeout" in text


def test_wrong_absolute_manifest_path_names_it(tmp_path):
    manifest = tmp_path / "m.csv"
    gone = tmp_path / "elsewhere" / "plan.pdf"
    manifest.write_text(f"path\n{gone}\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["batch", str(manifest), "-o", str(tmp_path / "out")])
    assert res.exit_code == 2
    assert _rows(tmp_path / "out" / "errors.csv")[0]["reason"] == f"file not found: {gone}"


def _children(pid: int) -> list[int]:
    kids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                kids.append(int(entry))
    return kids


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_die_when_the_batch_is_killed(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(40):
        (folder / f"doc{i:02}.txt").write_bytes(GOOD[4].read_bytes() + f"\nCopy {i}.\n".encode())
    proc = subprocess.Popen([sys.executable, "-m", "alignment", "batch", str(folder), "-o",
                             str(tmp_path / "out"), "--workers", "2", "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers = []
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(workers) < 2 and proc.poll() is None:
            workers = _children(proc.pid)
            time.sleep(0.05)
    finally:
        proc.kill()  # SIGKILL of the batch alone: nothing it could do on its way out
        proc.wait()
    assert len(workers) >= 2
    deadline = time.monotonic() + 5
    alive = workers
    while alive and time.monotonic() < deadline:
        time.sleep(0.1)
        alive = [p for p in workers if _state(p) not in ("Z", None)]
    for pid in alive:  # do not leave them behind when the test fails
        os.kill(pid, signal.SIGKILL)
    assert not alive, f"workers outlived the batch: {alive}"


def _state(pid: int) -> str | None:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return None


def test_a_hung_document_is_stopped_a_moment_after_its_timeout(monkeypatch):
    from alignment.batch.executor import run_local

    real = batch_worker._analyse

    def deaf(path, *args):
        if path == "hang":
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(60)  # as if stuck in C code: the in-worker timer cannot interrupt it
        return real(path, *args)

    monkeypatch.setattr(batch_worker, "_analyse", deaf)
    timeout = 3.0
    t0 = time.monotonic()
    arrived = {}
    for tid, result in run_local([(0, "hang"), (1, str(GOOD[4]))], batch_worker.Options(timeout=timeout), 2):
        arrived[tid] = (time.monotonic() - t0, result)
    took, result = arrived[0]
    assert result.code == "timeout"
    assert took < timeout + 2.0, took
    assert arrived[1][1].ok


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_quiet_dask_batch_prints_nothing(tmp_path):
    pytest.importorskip("distributed")
    import socket

    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(GOOD[4], folder / GOOD[4].name)
    busy = socket.socket()
    try:
        busy.bind(("127.0.0.1", 8787))  # Dask's dashboard port taken: Dask would warn about it
        busy.listen()
    except OSError:
        pass  # taken already: the same situation
    try:
        res = subprocess.run([sys.executable, "-m", "alignment", "batch", str(folder), "-o",
                              str(tmp_path / "out"), "--executor", "dask", "--workers", "1", "-q"],
                             capture_output=True, text=True, timeout=120)
    finally:
        busy.close()
    assert res.returncode == 0, res.stderr
    assert res.stdout == "" and res.stderr == ""


def test_timeout_in_a_worker_thread_as_dask_runs_it(monkeypatch):
    """Dask runs the per-document function in a thread, where SIGALRM cannot reach it."""
    import threading

    def busy(path, options, deadline=None):
        end = time.monotonic() + 30
        while time.monotonic() < end:  # Python code: interruptible between bytecodes
            time.sleep(0.01)
        return {}

    monkeypatch.setattr(batch_worker, "_analyse", busy)
    out = {}

    def run():
        t0 = time.monotonic()
        out["result"] = batch_worker.analyse_file("slow.txt", batch_worker.Options(timeout=0.5))
        out["took"] = time.monotonic() - t0

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(10)
    assert out["result"] == batch_worker.WorkerResult(ok=False, code="timeout",
                                                      reason="analysis took longer than --timeout 0.5 s")
    assert out["took"] < 1.5
