"""`alignment serve`: the web app, driven as a browser would with starlette's TestClient.

Assertions are on what a user sees: status codes, the report's text, escaped document text,
the one-line reason for a bad file, and on what must not be left behind (uploaded files).
"""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("starlette")
from starlette.testclient import TestClient  # noqa: E402

from alignment.cli import main  # noqa: E402
from alignment.web import create_app  # noqa: E402

from badfiles import make_cases  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FRAMEWORK = ROOT / "corpora/frameworks/kandara-unsdcf/kandara-unsdcf.md"
DWCP = ROOT / "corpora/dwcp/kandara-dwcp/kandara-dwcp.md"
PROPOSAL = ROOT / "corpora/proposals/kandara-osh-proposal/kandara-osh-proposal.md"


@pytest.fixture
def tmp_root(tmp_path):
    root = tmp_path / "uploads"
    root.mkdir()
    return root


@pytest.fixture
def client(tmp_root):
    with TestClient(create_app(tmp_root=str(tmp_root), allowed_hosts=None)) as c:
        yield c


def post(client, path, **files):
    fmt = files.pop("format", None)
    parts = {k: (Path(v).name, Path(v).read_bytes()) if isinstance(v, Path) else v for k, v in files.items()}
    return client.post(path, files=parts, data={"format": fmt} if fmt else None)


def alert(response) -> str:
    m = re.search(r'role="alert">(.*?)</p>', response.text, re.S)
    return m.group(1) if m else ""


def test_form_pages_with_security_headers(client):
    for path, title in [("/", "Check a document"), ("/compare", "Compare a DWCP"), ("/appraise", "Appraise a project")]:
        r = client.get(path)
        assert r.status_code == 200 and title in r.text
        assert 'enctype="multipart/form-data"' in r.text
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "form-action 'self'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"


def test_check_shows_the_html_report_with_filter_and_downloads(client, tmp_root):
    first = client.post("/check", files={"file": (FRAMEWORK.name, FRAMEWORK.read_bytes())}, follow_redirects=False)
    assert first.status_code == 303 and first.headers["location"].startswith("/report/")
    r = client.get(first.headers["location"])
    assert r.status_code == 200
    assert "Coverage of the Decent Work Agenda" in r.text
    for cid in ("SO1", "SO2", "SO3", "SO4", "CC-ILS"):
        assert f'id="row-{cid}"' in r.text and f'data-category="{cid}"' in r.text
    assert "Committed" in r.text and "kandara-unsdcf.md" in r.text
    assert r.text.count("<body>") == 1 and "&lt;body&gt;" not in r.text and "&lt;nav" not in r.text
    assert 'id="evidence-filter"' in r.text and '<script src="/static/app.js"></script>' in r.text
    assert "<meta http-equiv=\"Content-Security-Policy\"" not in r.text  # the header carries the policy
    assert list(tmp_root.iterdir()) == []  # the upload is gone
    js = client.get("/static/app.js")
    assert js.status_code == 200 and "evidence-filter" in js.text
    token = re.search(r'/report/([\w-]+)\.json', r.text).group(1)
    report = client.get(f"/report/{token}.json")
    assert report.status_code == 200 and 'filename="kandara-unsdcf-check.json"' in report.headers["content-disposition"]
    data = json.loads(report.text)
    assert data["document"]["path"] == "kandara-unsdcf.md"  # not the temporary path
    assert set(data["coverage"]) >= {"SO1", "SO2", "SO3", "SO4"}
    assert client.get(f"/report/{token}.md").text.startswith("#")
    html = client.get(f"/report/{token}.html")
    assert "Content-Security-Policy" in html.text and "app.js" not in html.text  # the CLI's own page
    assert client.get(f"/report/{token}.csv").status_code == 200
    assert client.get(f"/report/{token}.text").status_code == 200
    assert client.get(f"/report/{token}.docx").status_code == 404
    assert client.get("/report/nosuchtoken.json").status_code == 404


def test_check_as_download_in_one_step_matches_the_cli(client, tmp_path):
    r = post(client, "/check", file=FRAMEWORK, format="md")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/markdown")
    cli = CliRunner().invoke(main, ["check", str(FRAMEWORK), "--format", "md"])
    assert r.text == cli.output


def test_compare_two_files(client):
    r = post(client, "/compare", dwcp=DWCP, framework=FRAMEWORK)
    assert r.status_code == 200
    assert "Priorities" in r.text and "Matrix" in r.text
    token = re.search(r'/report/([\w-]+)\.xlsx', r.text).group(1)
    assert client.get(f"/report/{token}.xlsx").content[:2] == b"PK"
    assert json.loads(client.get(f"/report/{token}.json").text)["priorities"]


def test_compare_needs_both_files(client):
    r = client.post("/compare", files={"dwcp": (DWCP.name, DWCP.read_bytes())})
    assert r.status_code == 400 and "framework" in alert(r)


def test_appraise_with_and_without_dwcp(client):
    r = post(client, "/appraise", proposal=PROPOSAL)
    assert r.status_code == 200 and "Tripartism" in r.text
    r = post(client, "/appraise", proposal=PROPOSAL, dwcp=DWCP, format="docx")
    assert r.status_code == 200 and r.content[:2] == b"PK"


def test_appraise_a_framework_gives_the_cli_reason(client):
    r = post(client, "/appraise", proposal=FRAMEWORK)
    assert r.status_code == 422
    assert alert(r).startswith("kandara-unsdcf.md: this reads as a UN Cooperation Framework (UNSDCF/UNDAF), not a project proposal; to appraise it anyway, add --as proposal")


@pytest.mark.parametrize("case", ["garbage named .pdf", "encrypted PDF", "zip bomb named .docx",
                                  "legacy .doc", "PDF without text layer", "empty file"])
def test_bad_files_give_the_cli_one_line_reason(client, tmp_path, tmp_root, case):
    folder = tmp_path / "bad"
    folder.mkdir()
    c = {c.name: c for c in make_cases(folder)}[case]
    r = client.post("/check", files={"file": (c.path.name, c.path.read_bytes())})
    assert 400 <= r.status_code < 500
    assert "Traceback" not in r.text
    cli = CliRunner().invoke(main, ["check", str(c.path)])
    reason = cli.output.strip().split(f"{c.path}: ", 1)[1]
    assert c.expected in reason
    assert alert(r) == f"{c.path.name}: " + reason.replace("'", "&#39;").replace('"', "&#34;")
    assert list(tmp_root.iterdir()) == []


def test_size_limit_is_a_clear_413(tmp_root):
    with TestClient(create_app(max_size=50_000, tmp_root=str(tmp_root), allowed_hosts=None)) as c:
        r = c.post("/check", files={"file": ("big.txt", b"decent work " * 10_000)})
        assert r.status_code == 413
        assert alert(r) == "big.txt: file is above the size limit of 0.048 MB (--max-size)"
        huge = b"x" * (2 * 50_000 + 1024 * 1024 + 10)  # above the whole-request limit
        r = c.post("/check", files={"file": ("huge.txt", huge)})
        assert r.status_code == 413 and "too large" in r.text
    assert list(tmp_root.iterdir()) == []


def test_document_text_is_escaped(client):
    text = ("Employment policy <script>alert('x')</script> and social protection floors.\n\n"
            "Outcome 1: Decent jobs <img src=x onerror=alert(1)> for youth through employment services.\n")
    r = client.post("/check", files={"file": ("<b>evil</b>.txt", text.encode())})
    assert r.status_code == 200
    assert "<script>alert" not in r.text and "<img src=x" not in r.text and "<b>evil" not in r.text
    assert "&lt;script&gt;alert" in r.text or "&lt;img" in r.text


def test_no_file_chosen(client):
    r = client.post("/check", files={"file": ("", b"")})
    assert r.status_code == 400 and "choose a file" in alert(r)


def test_other_hosts_are_refused(tmp_root):
    with TestClient(create_app(tmp_root=str(tmp_root))) as c:  # localhost only, as `serve` builds it
        assert c.get("/").status_code == 400
        assert c.get("/", headers={"host": "127.0.0.1:8000"}).status_code == 200


def test_eight_simultaneous_uploads(client, tmp_root):
    def corpus(kind, ext):
        return [p for p in sorted(ROOT.glob(f"corpora/{kind}/*/*.{ext}")) if p.stem == p.parent.name][:4]

    files = corpus("frameworks", "md") + corpus("dwcp", "txt")
    assert len(files) == 8
    results: dict[str, tuple[int, str]] = {}
    barrier = threading.Barrier(8)

    def upload(path: Path):
        barrier.wait()
        r = client.post("/check", files={"file": (path.name, path.read_bytes())}, data={"format": "json"})
        results[path.name] = (r.status_code, r.text)

    threads = [threading.Thread(target=upload, args=(p,)) for p in files]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert len(results) == 8
    for path in files:
        status, text = results[path.name]
        assert status == 200
        data = json.loads(text)
        assert data["document"]["path"] == path.name
        alone = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
        assert data["coverage"] == json.loads(alone.output)["coverage"]
    assert list(tmp_root.iterdir()) == []


def test_serve_defaults_to_localhost():
    r = CliRunner().invoke(main, ["serve", "--help"])
    assert r.exit_code == 0 and "127.0.0.1" in r.output and "8000" in r.output
