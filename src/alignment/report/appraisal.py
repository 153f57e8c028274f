"""Report stage, appraisal: `Appraisal` -> terminal text and a Markdown memo; a folder's
`AppraisalTable` -> a terminal table.

Input: an `Appraisal` or an `AppraisalTable` (appraise/model.py). Output: str. Document text is quoted as written in
the terminal form and escaped for Markdown in the memo.
"""

from __future__ import annotations

from ..appraise.model import CRITERIA, Appraisal, AppraisalTable, Criterion
from ..appraise.scoring import TITLES
from ..snippet import snippet

VERDICT = {"pass": "PASS", "weak": "weak", "absent": "ABSENT"}
OVERALL = {"ready": "Ready", "revise": "Revise", "major_gaps": "Major gaps"}
STATUS = {"hedged": "hedged", "negated": "the document says it is not done", "historical": "about the past"}


def _md(s: str) -> str:
    for ch in "\\`*_[]<>|":
        s = s.replace(ch, "\\" + ch)
    return s.replace("\n", " ")


def _where(q) -> str:
    return f"p. {q.page}" + (f", {q.section}" if q.section else "")


def render_text(a: Appraisal) -> str:
    d = a.document
    out = [f"{d.name}: {d.type.upper()}, {d.language}, {d.pages} page(s), {d.words:,} words",
           f"pack {a.pack}"]
    out += [f"warning: {w}" for w in a.warnings]
    if a.dwcp:
        out.append(f"DWCP: {a.dwcp.name} ({len(a.dwcp.codes)} outcome codes; matched: "
                   f"{', '.join(a.dwcp.matched_codes) or 'none'})")
    gm = a.gender_marker
    out += ["", f"Overall: {OVERALL[a.overall].upper()} (score {a.overall_score:.2f})",
            f"Gender markers: UN GEM {gm.un_gem}, OECD-DAC {gm.oecd_dac}"
            + (f" (the document declares: {gm.declared})" if gm.declared else ""), ""]
    if a.top_fixes:
        out.append("Most important fixes")
        out += [f"  {i}. {f}" for i, f in enumerate(a.top_fixes, 1)]
        out.append("")
    for c in a.criteria:
        out.append(f"  {TITLES[c.id]:34} {VERDICT[c.verdict]:7} {c.score:.2f}")
        for q in c.evidence:
            tag = f" [{STATUS[q.status]}]" if q.status in STATUS else ""
            out.append(f"      \"{snippet(q.text, q.cue, 220)}\" ({_where(q)}){tag}")
        for f in c.flags[:6]:
            out.append(f"      ! {f}")
        if c.suggestion:
            out.append(f"      -> {c.suggestion}")
    out += ["", "Gender marker checklist"]
    out += [f"  [{'x' if i.met else ' '}] {i.label}" for i in gm.checklist]
    out.append(f"  {gm.rationale}")
    return "\n".join(out) + "\n"


def _criterion_md(c: Criterion) -> list[str]:
    out = [f"### {TITLES[c.id]}: {c.verdict}", "", f"_{_md(c.label)}_ (score {c.score:.2f})", ""]
    for q in c.evidence:
        tag = f" ({STATUS[q.status]})" if q.status in STATUS else ""
        out.append(f"- \"{_md(q.text)}\" ({_md(_where(q))}){tag}")
    out += [f"- **Problem:** {_md(f)}" for f in c.flags[:8]]
    if c.suggestion:
        out += ["", f"**Suggestion:** {_md(c.suggestion)}"]
    out += ["", "| Check | Score | Found |", "|---|---|---|"]
    out += [f"| {_md(ch.label)} | {ch.score:.2f}{'' if ch.applicable else ' (n/a)'} | {_md(ch.detail or '')} |"
            for ch in c.checks]
    return out + [""]


def render_markdown(a: Appraisal) -> str:
    d = a.document
    gm = a.gender_marker
    out = [f"# Appraisal: {_md(d.title or d.name)}", "",
           f"{_md(d.name)}: {d.type}, language {d.language}, {d.pages} page(s). Pack `{a.pack}`.", "",
           f"**Overall verdict: {OVERALL[a.overall]}** (score {a.overall_score:.2f}). "
           f"Suggested gender markers: **UN GEM {gm.un_gem}**, **OECD-DAC {gm.oecd_dac}**.", ""]
    out += [f"> Warning: {_md(w)}" for w in a.warnings]
    if a.top_fixes:
        out += ["## Most important fixes", ""] + [f"{i}. {_md(f)}" for i, f in enumerate(a.top_fixes, 1)] + [""]
    out += ["## Verdicts", "", "| Criterion | Verdict | Suggestion |", "|---|---|---|"]
    out += [f"| {TITLES[c.id]} | {c.verdict} | {_md(c.suggestion or '-')} |" for c in a.criteria]
    out += ["", "## Criteria", ""]
    for c in a.criteria:
        out += _criterion_md(c)
    out += ["## Gender markers", "", _md(gm.rationale), ""]
    out += [f"- [{'x' if i.met else ' '}] {_md(i.label)}" for i in gm.checklist]
    rc = a.results_chain
    out += ["", "## Results chain", "", f"Development objective: {_md(rc.development_objective or 'none found')}", "",
            "| Outcome | Indicators | Written as an activity |", "|---|---|---|"]
    out += [f"| {_md((o.number or '') + ' ' + o.text[:120])} | {o.indicators} | {'yes' if o.activity_like else 'no'} |"
            for o in rc.outcomes]
    out += ["", "| Indicator | Outcome | Baseline | Target | Verification | Problems |", "|---|---|---|---|---|---|"]
    out += [f"| {_md((i.number or '') + ' ' + i.text[:100])} | {i.outcome or '-'} | {_md(i.baseline or '-')} | "
            f"{_md(i.target or '-')} | {_md(i.means_of_verification or '-')} | {_md('; '.join(i.problems) or '-')} |"
            for i in rc.indicators]
    return "\n".join(out) + "\n"


def render_html(a: Appraisal) -> str:
    """The appraisal as one self-contained, inert HTML page (jinja2 autoescaping, CSP, no script)."""
    from .templating import report_environment

    return report_environment().get_template("appraise.html.j2").render(**context(a))


def context(a: Appraisal) -> dict:
    return dict(a=a, d=a.document, gm=a.gender_marker, rc=a.results_chain, TITLES=TITLES, OVERALL=OVERALL,
                STATUS=STATUS)


_SHORT = {"alignment": "align", "tripartism": "tripart", "standards": "ILS", "gender": "gender",
          "capacity": "capdev", "itcilo": "ITC", "rbm": "RBM", "monitoring": "M&E", "risks": "risks",
          "sustainability": "sustain", "environment": "env"}
_MARK = {"pass": "pass", "weak": "weak", "absent": "ABS"}


def render_table_text(table: AppraisalTable) -> str:
    """One line per file: a column per criterion, the markers and the overall verdict."""
    rows = table.rows
    lines = ["  ".join([f"{'file':40}", *(f"{_SHORT[c]:>7}" for c in CRITERIA), "GEM", "DAC", "overall"])]
    for r, _ in rows:
        if r.status == "error":
            lines.append(f"{r.path[-40:]:40}  ERROR: {r.reason}")
            continue
        lines.append("  ".join([f"{r.path[-40:]:40}", *(f"{_MARK[r.verdicts[c]]:>7}" for c in CRITERIA),
                                f"{r.un_gem:>3}", f"{r.oecd_dac:>3}", r.overall or ""]))
    ok = sum(r.status == "ok" for r, _ in rows)
    lines.append(f"\n{len(rows)} file(s): {ok} appraised, {len(rows) - ok} error(s)")
    return "\n".join(lines) + "\n"
