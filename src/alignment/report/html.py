"""Report stage, HTML: `Report` -> one self-contained, inert HTML page (`render_html`).

Input: a `Report` (results.py). Output: a str of HTML with inline CSS and one inline SVG chart;
no scripts, no external URLs, and a Content-Security-Policy `default-src 'none'` meta tag so a
browser loads nothing even if something slipped through. Document text is escaped by jinja2
autoescaping; the only markup built here (the <mark> around trigger words, the SVG) escapes
its text first. Same report -> same bytes: nothing depends on time, locale or set order.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from ..findings import Finding
from ..results import Report

STRENGTH = {"committed": "Committed", "mentioned": "Mentioned only", "absent": "Absent"}
STATUS = {"named": "Named", "generic": "Generic only", "absent": "Absent"}
DOC_TYPES = {"unsdcf": "UN Sustainable Development Cooperation Framework",
             "dwcp": "Decent Work Country Programme", "cca": "Common Country Analysis",
             "proposal": "Project proposal", "other": "Other planning document"}
LANGUAGES = {"en": "English", "fr": "French", "es": "Spanish"}
ACTORS = {"ministry": "Ministry of labour", "employers": "Employers' organizations",
          "workers": "Workers' organizations", "social_partners": "Social partners (generic)",
          "civil_society": "Civil society"}
MODIFIERS = {"negated": "negated", "hedged": "hedged", "historical": "about the past",
             "hypothetical": "hypothetical", "problem": "problem statement"}
_COLOURS = {"committed": "#2f855a", "mentioned": "#d69e2e", "absent": "#c53030"}


def pages(nums: list[int]) -> str:
    """[2, 3, 4, 7] -> 'pp. 2-4, 7' (en dash); [] -> '-'."""
    if not nums:
        return "\u2013"
    runs: list[list[int]] = []
    for n in sorted(set(nums)):
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    text = ", ".join(str(a) if a == b else f"{a}\u2013{b}" for a, b in runs)
    return ("p. " if len(set(nums)) == 1 else "pp. ") + text


def highlight(f: Finding) -> Markup:
    """The sentence, escaped, with the trigger (and the co-occurring words) wrapped in <mark>.

    The finding's offsets are in the paragraph, not the sentence, so the words are found by
    searching the sentence (case-insensitively; the first occurrence wins).
    """
    text, spans = f.sentence, []
    for cls, word in [("t", f.trigger)] + [("a", w) for w in f.also]:
        m = re.search(re.escape(word.strip()), text, re.I) if word.strip() else None
        if m and not any(m.start() < e and s < m.end() for s, e, _ in spans):
            spans.append((m.start(), m.end(), cls))
    out, pos = Markup(), 0
    for s, e, cls in sorted(spans):
        out += escape(text[pos:s]) + Markup(f'<mark class="{cls}">') + escape(text[s:e]) + Markup("</mark>")
        pos = e
    return out + escape(text[pos:])


def where(f: Finding) -> str:
    """'outcome 2.3' or '' when the sentence is not in a structural element."""
    return f"{f.element} {f.element_number or ''}".strip() if f.element else ""


def plural(kind: str, n: int) -> str:
    """'3 priorities', '1 outcome', '2 development objectives'."""
    word = kind.replace("_", " ")
    if n != 1:
        word = word[:-1] + "ies" if word.endswith("y") else word + "s"
    return f"{n} {word}"


def via(v: str) -> str:
    if v.startswith("topic:"):
        return f"topic {v[6:]}"
    return {"cited": "cited", "phrase": "the target's own words"}.get(v, v)


def findings_chart(report: Report) -> Markup:
    """Horizontal bars: findings per category, coloured by strength (inline SVG, fixed geometry)."""
    rows = list(report.coverage.values())
    top = max([c.findings for c in rows] + [1])
    bar_w, row_h, left = 520, 22, 70
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + bar_w + 90}" '
             f'height="{row_h * len(rows) + 8}" role="img" aria-labelledby="chart-title">'
             '<title id="chart-title">Findings per category, coloured by strength</title>']
    for i, c in enumerate(rows):
        y, w = 4 + i * row_h, round(bar_w * c.findings / top, 1)
        parts.append(f'<text x="0" y="{y + 15}" font-size="13">{escape(c.id)}</text>'
                     f'<rect x="{left}" y="{y + 3}" width="{max(w, 2)}" height="{row_h - 8}" '
                     f'fill="{_COLOURS.get(c.strength, "#718096")}"/>'
                     f'<text x="{left + max(w, 2) + 6}" y="{y + 15}" font-size="12">{c.findings}</text>')
    return Markup("".join(parts) + "</svg>")


def context(report: Report) -> dict:
    """What check.html.j2 needs besides the environment's filters and globals."""
    k = report.constituents
    actors = [k.ministry, k.employers, k.workers, k.social_partners_generic, k.civil_society]
    # The civil-society-only warning is shown once: as its flag if the scorer wrote one.
    cs_alert = k.civil_society_only and not any("civil society" in f.lower() for f in k.flags)
    return dict(r=report, d=report.document, k=k, actors=actors, cs_alert=cs_alert, chart=findings_chart(report))


def render_html(report: Report) -> str:
    """The whole report as one HTML page (UTF-8 text; write it with encoding="utf-8")."""
    from .templating import report_environment

    return report_environment().get_template("check.html.j2").render(**context(report))
