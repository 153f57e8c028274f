"""Tests of the HTML report: inert (no script, no handler, no external URL, CSP), escaped,
deterministic, complete (the coverage grid), and rendered by a real browser without running
anything from the document."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from alignment.pipeline import check
from alignment.report.html import pages, render_html
from alignment.results import Report

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
CATEGORIES = ["SO1", "SO2", "SO3", "SO4", "CC-ILS", "CC-SD", "CC-GEN", "CC-ENV"]
# What the small plan below must give (the rest of the grid is checked against the Report).
EXPECTED = {"SO2": "committed", "SO3": "committed", "SO4": "committed", "CC-ENV": "absent"}

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
ATTR = '"><b onmouseover=alert(2)>bold</b>'
# If any of these ran, the rendered DOM would carry data-pwned on <body>.
PWN_SCRIPT = "<script>document.body.setAttribute('data-pwned','script')</script>"
PWN_IMG = "<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">"

PLAN = f"""# Decent Work Country Programme for Testland 2025-2029

## 1. Situation analysis

Informal employment accounts for 80 per cent of jobs, and youth unemployment remains high.
The Ministry of Labour reports that occupational safety and health remains weak in mining.

## 2. Priorities and outcomes

### Priority 1: Employment and social protection

Outcome 1: By 2029, {SCRIPT} social protection coverage is extended to informal workers.

Output 1.1: The public employment services {IMG} place 5,000 young jobseekers in decent jobs each year.

Indicator 1.1.1: Number of young women placed in jobs by employment services {PWN_IMG}. Baseline: 1,200 (2024). Target: 5,000 (2029).

Output 1.2: The labour inspectorate of the Ministry of Labour is trained to enforce labour law and child labour provisions {ATTR} in line with the Labour Inspection Convention, 1947 (No. 81).

### Priority 2: Social dialogue

Outcome 2: By 2029, the Testland Federation of Employers and the Testland Congress of Trade Unions {PWN_SCRIPT} take part in tripartite social dialogue through the National Labour Advisory Council.
"""


class _Tree(HTMLParser):
    """Every start tag with its attributes, the text of each grid row, and all text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.rows: dict[str, dict[str, str | None]] = {}
        self.badges: dict[str, str] = {}
        self.text: list[str] = []
        self.sentences: list[str] = []
        self._row: str | None = None
        self._badge = False
        self._sentence: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "tr" and a.get("data-category"):
            self._row = a["data-category"]
            self.rows[self._row] = a
        if self._row and tag == "span" and "badge" in (a.get("class") or ""):
            self._badge = True
            self.badges[self._row] = a.get("class") or ""
        if tag == "p" and a.get("class") == "sentence":
            self._sentence = []

    def handle_endtag(self, tag):
        if tag == "tr":
            self._row = None
        if tag == "span":
            self._badge = False
        if tag == "p" and self._sentence is not None:
            self.sentences.append("".join(self._sentence))
            self._sentence = None

    def handle_data(self, data):
        self.text.append(data)
        if self._sentence is not None:
            self._sentence.append(data)
        if self._badge and self._row:
            self.badges[self._row] += "|" + data


def _parse(html: str) -> _Tree:
    t = _Tree()
    t.feed(html)
    t.close()
    return t


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> tuple[Report, str, Path]:
    folder = tmp_path_factory.mktemp("html")
    doc = folder / "plan.md"
    doc.write_text(PLAN, encoding="utf-8")
    report = check(str(doc))
    html = render_html(report)
    out = folder / "report.html"
    out.write_text(html, encoding="utf-8")
    return report, html, out


def test_report_is_inert(rendered):
    _, html, _ = rendered
    t = _parse(html)
    names = [tag for tag, _ in t.tags]
    assert "script" not in names and "img" not in names and "iframe" not in names
    assert "b" not in names  # the ATTR payload must not become an element
    for tag, attrs in t.tags:
        assert not [k for k in attrs if k.lower().startswith("on")], (tag, attrs)
        for key in ("src", "href", "action", "formaction", "xlink:href"):
            url = (attrs.get(key) or "").strip().lower()
            assert not url or url.startswith("#") or url.startswith("data:"), (tag, key, url)
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in html and "//cdn" not in html
    csp = [a for tag, a in t.tags if tag == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy"]
    assert [a.get("content") for a in csp] == [CSP]
    first_csp = next(i for i, (tag, a) in enumerate(t.tags) if a.get("http-equiv"))
    assert first_csp < names.index("style")  # the policy comes before anything it governs


def test_payloads_are_shown_as_text(rendered):
    _, html, _ = rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;b onmouseover=alert(2)&gt;" in html
    assert SCRIPT not in html and IMG not in html
    t = _parse(html)
    sentence = next(s for s in t.sentences if "social protection coverage" in s)
    assert SCRIPT in sentence  # as characters, after entity decoding
    assert any(IMG in s for s in t.sentences)


def test_coverage_grid(rendered):
    report, html, _ = rendered
    t = _parse(html)
    assert list(t.rows) == CATEGORIES
    grid = {cid: a["data-strength"] for cid, a in t.rows.items()}
    assert grid == {cid: c.strength for cid, c in report.coverage.items()}
    for cid, strength in EXPECTED.items():
        assert grid[cid] == strength
    labels = {"committed": "Committed", "mentioned": "Mentioned only", "absent": "Absent"}
    for cid, strength in grid.items():
        cls, _, text = t.badges[cid].partition("|")
        assert f"s-{strength}" in cls.split() and text == labels[strength]  # colour and words


def test_evidence_marks_and_details(rendered):
    report, html, _ = rendered
    # the trigger is marked inside the escaped sentence
    assert "&lt;/script&gt; <mark class=\"t\">social protection</mark> coverage" in html
    assert html.count('<mark class="t">') >= sum(len(c.evidence) for c in report.coverage.values())
    f = report.coverage["SO3"].evidence[0]
    assert f"<code>{f.rule_id}</code>" in html
    for section in ("coverage", "gaps", "constituents", "capdev", "standards", "sdg", "evidence"):
        assert f'<section id="{section}">' in html
    assert "C081" in html and "Labour Inspection Convention" in html
    assert "plan.md" in html and report.pack in html


def test_deterministic(rendered):
    report, html, _ = rendered
    again = Report.model_validate_json(report.model_dump_json())
    assert render_html(again) == html


@pytest.mark.parametrize("nums, text", [([], "\u2013"), ([3], "p. 3"), ([2, 3, 4, 7], "pp. 2\u20134, 7"),
                                        ([5, 5, 1], "pp. 1, 5")])
def test_pages(nums, text):
    assert pages(nums) == text


CHROMIUM = shutil.which("chromium")


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={profile}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (Debian package `chromium`)")
def test_in_browser(rendered, tmp_path):
    _, _, out = rendered
    url = out.resolve().as_uri()
    dom = _chromium(tmp_path, "--dump-dom", url)
    assert dom.returncode == 0, dom.stderr[-2000:]
    t = _parse(dom.stdout)
    assert list(t.rows) == CATEGORIES
    names = [tag for tag, _ in t.tags]
    assert names.count("mark") >= 3
    assert "script" not in names and "img" not in names and "b" not in names
    body = next(a for tag, a in t.tags if tag == "body")
    assert "data-pwned" not in body  # neither the script nor the onerror handler ran
    text = "".join(t.text)
    assert SCRIPT in text and IMG in text and PWN_SCRIPT in text and PWN_IMG in text

    shot = tmp_path / "shot.png"
    res = _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1000,900", url)
    assert res.returncode == 0, res.stderr[-2000:]
    assert shot.exists() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 5_000
