"""The web app's Batch page and the Check form's CLI options (plan, country, document type),
driven with starlette's TestClient.

Batch: the run happens in a child process (`alignment batch`'s own machinery), so the tests
poll the status endpoint as the page's script does, then check what the page shows, that
every input has a row (documents + errors = inputs), that the downloads are the batch's files,
and that nothing of the uploads is left behind.
"""

from __future__ import annotations

import csv
import io
import json
import re
import time
import zipfile

import pytest
from click.testing import CliRunner

pytest.importorskip("starlette")
from starlette.testclient import TestClient  # noqa: E402

from alignment.cli import main  # noqa: E402
from alignment.web import create_app  # noqa: E402

from test_web import DWCP, FRAMEWORK, PROPOSAL, alert, tmp_root  # noqa: E402,F401  (tmp_root: a fixture)
from uninfo_files import kandara_rows, write_xlsx  # noqa: E402


@pytest.fixture
def client(tmp_root):
    with TestClient(create_app(tmp_root=str(tmp_root), allowed_hosts=None, batch_workers=2)) as c:
        yield c


def finish(client, location: str, seconds: float = 120) -> dict:
    end = time.monotonic() + seconds
    seen = []
    while time.monotonic() < end:
        status = client.get(f"{location}/status").json()
        seen.append(status["state"])
        if status["state"] in ("done", "failed"):
            return {**status, "seen": seen}
        time.sleep(0.2)
    raise AssertionError(f"the batch did not finish in {seconds} s: {seen[-5:]}")


def table(html: str, ident: str) -> list[list[str]]:
    body = re.search(rf'<table id="{ident}">(.*?)</table>', html, re.S).group(1)
    return [re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S) for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)]


def test_batch_runs_every_file_and_keeps_every_failure(client, tmp_root):
    files = [("files", (FRAMEWORK.name, FRAMEWORK.read_bytes())), ("files", (DWCP.name, DWCP.read_bytes())),
             ("files", (PROPOSAL.name, PROPOSAL.read_bytes())), ("files", ("garbage.pdf", b"not a pdf at all")),
             ("files", ("empty.txt", b"")), ("files", (DWCP.name, DWCP.read_bytes()))]  # same name twice
    r = client.post("/batch", files=files, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/batch/")
    where = r.headers["location"]
    page = client.get(where)
    assert page.status_code == 200 and 'id="batch-progress"' in page.text and "/static/batch.js" in page.text
    status = finish(client, where)
    assert status["state"] == "done" and status["total"] == status["done"] == 6
    # the uploads are gone once the run is over; only the results folder stays (for the downloads)
    (job,) = list(tmp_root.iterdir())
    assert not (job / "inputs").exists()
    assert sorted(p.name for p in (job / "results").iterdir()) == sorted(
        ["documents.csv", "findings.csv", "errors.csv", "results.xlsx", "coverage.svg", "objectives.svg",
         "summary.md", "summary.json"])

    html = client.get(where).text
    assert "Finished: 6 of 6 inputs" in html
    docs = table(html, "batch-table")
    assert docs[0][:4] == ["File", "Type", "Language", "Pages"] and "SO1" in docs[0]
    names = [row[0] for row in docs[1:]]
    assert names == sorted([FRAMEWORK.name, DWCP.name, "kandara-dwcp (2).md", PROPOSAL.name])
    assert any(row[-1].startswith("duplicate-of:") for row in docs[1:])
    errors = {row[0]: row[2] for row in table(html, "batch-errors")[1:]}
    assert set(errors) == {"garbage.pdf", "empty.txt"}
    assert errors["garbage.pdf"] == "not a readable PDF (damaged or truncated)"
    assert len(docs) - 1 + len(errors) == 6  # every input: one row of documents or of errors
    spread = dict((row[0], row[1]) for row in table(html, "batch-spread")[1:])
    assert set(spread) == {"all four objectives", "three", "two", "one", "none"}
    assert sum(int(v) for v in spread.values()) == 3  # unique documents analysed
    partners = table(html, "batch-partners")
    assert partners[1][0] == "named" and int(partners[1][1]) >= 2

    # every output downloadable, byte for byte the batch's file; and all of them in a zip
    summary = json.loads(client.get(f"{where}/files/summary.json").text)
    assert summary["inputs"] == 6 and summary["documents"] + summary["errors"] == 6
    rows = list(csv.DictReader(io.StringIO(client.get(f"{where}/files/documents.csv").text)))
    assert len(rows) == 4
    assert client.get(f"{where}/files/results.xlsx").content[:2] == b"PK"
    assert client.get(f"{where}/files/cache.sqlite").status_code == 404
    assert client.get(f"{where}/files/..%2Fjob.json").status_code == 404
    z = zipfile.ZipFile(io.BytesIO(client.get(f"{where}/alignment-batch.zip").content))
    assert "alignment-batch/documents.csv" in z.namelist() and "alignment-batch/results.xlsx" in z.namelist()
    assert z.read("alignment-batch/summary.json") == (job / "results" / "summary.json").read_bytes()


def test_batch_page_and_limits(tmp_root):
    with TestClient(create_app(tmp_root=str(tmp_root), allowed_hosts=None, max_size=50_000, batch_files=3,
                               batch_total=200_000, batch_workers=1)) as c:
        form = c.get("/batch")
        assert form.status_code == 200 and 'name="files"' in form.text and "multiple" in form.text
        assert "Up to 3 files" in form.text
        r = c.post("/batch", files=[("files", (f"{i}.txt", b"decent work")) for i in range(4)])
        assert r.status_code == 400 and "at most 3 files" in alert(r)
        r = c.post("/batch", files=[("files", ("big.txt", b"x" * 1_300_000))])
        assert r.status_code == 413 and "limit for a batch" in alert(r)
        r = c.post("/batch", files=[("files", ("", b""))])
        assert r.status_code == 400 and "choose one file" in alert(r)
        # a file above --max-size is a failed input with the reader's reason, not a lost one
        r = c.post("/batch", files=[("files", ("big.txt", b"decent work " * 5000)),
                                    ("files", (DWCP.name, DWCP.read_bytes()[:40_000]))], follow_redirects=False)
        where = r.headers["location"]
        assert finish(c, where)["state"] == "done"
        errors = table(c.get(where).text, "batch-errors")[1:]
        assert errors == [["big.txt", "too-large", "file is 0.057 MB, above --max-size 0.048 MB"]]
        assert c.get("/batch/nosuchjob").status_code == 404
        assert c.get("/batch/nosuchjob/status").json()["state"] == "gone"
    assert list(tmp_root.iterdir()) == []  # the server stopped: every batch folder deleted


def test_server_answers_while_a_batch_runs(client):
    files = [("files", (p.name, p.read_bytes())) for p in (FRAMEWORK, DWCP, PROPOSAL)]
    r = client.post("/batch", files=files, follow_redirects=False)
    t = time.perf_counter()
    assert client.get("/check").status_code == 200
    status = client.get(f"{r.headers['location']}/status")
    assert time.perf_counter() - t < 1.0
    assert status.status_code == 200 and status.json()["state"] in ("starting", "running")
    assert finish(client, r.headers["location"])["state"] == "done"


def test_a_batch_process_that_dies_is_reported(client, tmp_root):
    r = client.post("/batch", files=[("files", (DWCP.name, DWCP.read_bytes()))], follow_redirects=False)
    where = r.headers["location"]
    job = client.app.state.jobs.get(where.rsplit("/", 1)[1])
    job.process.kill()
    status = finish(client, where)
    assert status["state"] == "failed" and "ended unexpectedly" in status["message"]
    assert not (tmp_root / job.folder / "inputs").exists()  # the uploads are gone all the same
    page = client.get(where)
    assert page.status_code == 200 and "ended unexpectedly" in alert(page) and "Traceback" not in page.text


def test_batch_js_is_served_under_the_policy(client):
    js = client.get("/static/batch.js")
    assert js.status_code == 200 and "/status" not in js.text and "data-status" in js.text
    csp = client.get("/batch").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "connect-src 'self'" in csp
    assert client.get("/static/other.js").status_code == 404


# --- the Check form's CLI options ---------------------------------------------------------------

def test_check_form_offers_type_plan_and_country(client):
    text = client.get("/check").text
    for name in ("doc_type", "plan", "country"):
        assert f'name="{name}"' in text
    assert all(f'<option value="{v}"' in text for v in ("auto", "proposal", "dwcp", "unsdcf"))
    appraise = client.get("/appraise").text
    assert '<option value="proposal"' in appraise and '<option value="dwcp"' not in appraise
    assert 'name="plan"' in client.get("/compare").text


def test_check_as_overrides_the_type(client):
    r = client.post("/check", files={"file": (FRAMEWORK.name, FRAMEWORK.read_bytes())},
                    data={"doc_type": "dwcp", "format": "json"})
    assert r.status_code == 200
    data = json.loads(r.text)
    cli = CliRunner().invoke(main, ["check", str(FRAMEWORK), "--as", "dwcp", "--format", "json"])
    assert data["document"]["type"] == "dwcp" and data["coverage"] == json.loads(cli.output)["coverage"]
    r = client.post("/check", files={"file": (FRAMEWORK.name, FRAMEWORK.read_bytes())}, data={"doc_type": "cca"})
    assert r.status_code == 400 and "Document type" in alert(r)
    r = client.post("/appraise", files={"proposal": (FRAMEWORK.name, FRAMEWORK.read_bytes())},
                    data={"doc_type": "dwcp"})
    assert r.status_code == 400
    r = client.post("/appraise", files={"proposal": (FRAMEWORK.name, FRAMEWORK.read_bytes())},
                    data={"doc_type": "proposal"}, follow_redirects=True)
    assert r.status_code == 200  # "appraise it anyway"


def test_export_with_several_plans_lists_them(client, tmp_path):
    export = write_xlsx(tmp_path / "Africa__work.xlsx", kandara_rows())
    body = export.read_bytes()
    r = client.post("/check", files={"file": (export.name, body)})
    assert r.status_code == 422 and "2 plans in the export" in alert(r)
    plans = re.findall(r"<li>(.*?)</li>", re.search(r'<ul id="plans">(.*?)</ul>', r.text, re.S).group(1))
    assert plans == ["Kandara: Kandara Cooperation Framework 2023-2027", "Tavira: Tavira UNSDCF"]
    r = client.post("/check", files={"file": (export.name, body)}, data={"plan": "kandara cooperation",
                                                                         "format": "json"})
    assert r.status_code == 200 and json.loads(r.text)["document"]["counts"]["suboutput"] == 2
    r = client.post("/check", files={"file": (export.name, body)}, data={"country": "Tavira", "format": "json"})
    assert r.status_code == 200
    r = client.post("/check", files={"file": (export.name, body)}, data={"plan": "nowhere"})
    assert r.status_code == 422 and "no plan matches" in alert(r) and "<li>" in r.text
    r = client.post("/check", files={"file": (FRAMEWORK.name, FRAMEWORK.read_bytes())}, data={"plan": "x"})
    assert r.status_code == 422 and "not one" in alert(r)
