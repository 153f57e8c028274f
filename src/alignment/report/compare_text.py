"""Report stage, compare: `Comparison` -> terminal text (matrix + findings) and Markdown.

Input: a `Comparison` (compare/model.py). Output: str. The Markdown escapes document text.
"""

from __future__ import annotations

from ..compare.model import Comparison, PriorityComparison

MARK = {"full": "FULL", "partial": "PARTIAL", "none": "NONE"}
LEVEL = {"situation_analysis": "only in the situation analysis", "narrative": "only outside the results "
         "chain (narrative, hedged or historical)", "absent": "not found in the framework"}


def _clip(s: str, n: int = 150) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 3] + "..."


def matrix_rows(c: Comparison) -> tuple[list[str], list[tuple[PriorityComparison, list]]]:
    """Column labels (framework outcomes) and, per priority, its cells in column order."""
    cols = [o.number or "?" for o in c.framework_outcomes]
    by = {(m.priority, m.outcome): m for m in c.matrix}
    return cols, [(p, [by.get((p.number, o.number)) for o in c.framework_outcomes]) for p in c.priorities]


def render_compare_text(c: Comparison) -> str:
    d, f = c.dwcp, c.framework
    out = [f"DWCP:      {d.name} ({d.language}, {d.pages} p.)  {d.title or ''}".rstrip(),
           f"Framework: {f.name} ({f.language}, {f.pages} p.)  {f.title or ''}".rstrip(), "",
           f"Priorities: {c.counts['priorities']}  full {c.counts['full']}  partial {c.counts['partial']}  "
           f"none {c.counts['none']}   framework-only outcomes: {c.counts['framework_only']}", ""]
    cols, rows = matrix_rows(c)
    dw = [o for o in c.framework_outcomes if o.decent_work or any(
        m.match for m in c.matrix if m.outcome == o.number)]
    keep = [i for i, o in enumerate(c.framework_outcomes) if o in dw]
    if keep:
        out.append("Matrix (score; * = carries the priority; columns: framework decent-work outcomes)")
        out.append(f"  {'priority':10}{'verdict':9}" + "".join(f"{cols[i]:>8}" for i in keep))
        for p, cells in rows:
            line = f"  {('P' + (p.number or '?')):10}{MARK[p.verdict]:9}"
            for i in keep:
                m = cells[i]
                line += f"{(f'{m.score:.2f}' + ('*' if m.match else ' ')) if m else '-':>8}"
            out.append(line)
        out.append("")
    for p in c.priorities:
        out.append(f"Priority {p.number}: {_clip(p.title, 90)}  [{MARK[p.verdict]}]")
        out.append(f"  topics: {' '.join(p.topics) or '-'}")
        if p.topics_kept:
            out.append(f"  kept:   {' '.join(p.topics_kept)}")
        if p.topics_lost:
            out.append(f"  lost:   {' '.join(p.topics_lost)}")
        for e in p.evidence:
            if e.kept:
                out.append(f"    {e.topic:10} kept in framework {e.framework.element} (p. {e.framework.page}): "
                           f"\"{_clip(e.framework.quote)}\"")
            else:
                where = f" (p. {e.framework.page}: \"{_clip(e.framework.quote, 100)}\")" if e.framework else ""
                out.append(f"    {e.topic:10} LOST: {LEVEL[e.level]}{where}")
            out.append(f"    {'':10} DWCP p. {e.dwcp.page} {e.dwcp.element or ''}: \"{_clip(e.dwcp.quote, 110)}\"")
        for car in p.framework_elements:
            out.append(f"  carried by framework outcome {car.number or '-'} (score {car.score:.2f}; "
                       f"{', '.join(car.elements)}); ILO {'contributes' if car.ilo else 'NOT among contributing entities'}"
                       f"; social partners {car.social_partners}")
        for o in p.outcomes:
            out.append(f"  outcome {o.number or '-'}{' (' + o.code + ')' if o.code else ''}: {MARK[o.verdict]}"
                       f"  kept {' '.join(o.topics_kept) or '-'}  lost {' '.join(o.topics_lost) or '-'}")
        out.append("")
    if c.framework_only:
        out.append("Framework decent-work outcomes no DWCP priority covers")
        for o in c.framework_only:
            out.append(f"  Outcome {o.number} (p. {o.page}) {' '.join(o.topics)}; entities: "
                       f"{', '.join(o.agencies) or '-'}: \"{_clip(o.text, 120)}\"")
        out.append("")
    if c.framework_only_topics:
        out.append("Framework decent-work topics no DWCP priority has")
        for t in c.framework_only_topics:
            out.append(f"  {t.topic:10} {', '.join(t.elements)}{' (outcome ' + t.outcome + ')' if t.outcome else ''}"
                       f" (p. {t.quote.page}): \"{_clip(t.quote.quote, 110)}\"")
        out.append("")
    if c.categories_lost:
        out.append("Committed in the DWCP but not in the framework: " + ", ".join(c.categories_lost))
        out.append("")
    out += ["Summary", "  " + c.summary]
    if c.warnings:
        out += ["", "Warnings"] + [f"  - {w}" for w in c.warnings]
    return "\n".join(out) + "\n"


def _md(s: str) -> str:
    for ch in "\\`*_[]<>|#":
        s = s.replace(ch, "\\" + ch)
    return " ".join(s.split())


def render_compare_markdown(c: Comparison) -> str:
    d, f = c.dwcp, c.framework
    out = ["# DWCP priorities in the Cooperation Framework", "",
           f"- DWCP: {_md(d.title or d.name)} ({d.language}, {d.pages} p.)",
           f"- Framework: {_md(f.title or f.name)} ({f.language}, {f.pages} p.)", "",
           f"**{c.counts['full']} of {c.counts['priorities']} priorities fully reflected, {c.counts['partial']} "
           f"partly, {c.counts['none']} not at all; {c.counts['framework_only']} framework-only outcome(s).**", "",
           "## Summary", "", _md(c.summary), "",
           "## Priorities", "", "| Priority | Verdict | Kept | Lost | Framework outcomes | ILO | Social partners |",
           "|---|---|---|---|---|---|---|"]
    for p in c.priorities:
        cars = ", ".join(f"{x.number} ({x.score:.2f})" for x in p.framework_elements) or "-"
        ilo = "-" if p.ilo_contributes is None else "yes" if p.ilo_contributes else "no"
        sp = "-" if p.social_partners_named is None else "yes" if p.social_partners_named else "no"
        out.append(f"| {p.number} {_md(p.title[:80])} | {p.verdict} | {' '.join(p.topics_kept) or '-'} | "
                   f"{' '.join(p.topics_lost) or '-'} | {cars} | {ilo} | {sp} |")
    for p in c.priorities:
        out += ["", f"### Priority {p.number}: {_md(p.title)} ({p.verdict})", ""]
        for e in p.evidence:
            status = (f"kept in framework {e.framework.element}, p. {e.framework.page}" if e.kept
                      else f"lost: {LEVEL[e.level]}")
            out.append(f"- **{e.topic}** {_md(e.label)}: {status}")
            out.append(f"  - DWCP p. {e.dwcp.page}: \"{_md(e.dwcp.quote)}\"")
            if e.framework:
                out.append(f"  - Framework p. {e.framework.page}: \"{_md(e.framework.quote)}\"")
        if p.outcomes:
            out += ["", "| Outcome | CPO | Verdict | Kept | Lost |", "|---|---|---|---|---|"]
            out += [f"| {o.number or '-'} | {o.code or '-'} | {o.verdict} | {' '.join(o.topics_kept) or '-'} | "
                    f"{' '.join(o.topics_lost) or '-'} |" for o in p.outcomes]
        out += ["", "Reasons:", ""] + [f"- {_md(r)}" for r in p.reasons]
    out += ["", "## Framework-only decent-work outcomes", ""]
    out += [f"- Outcome {o.number} (p. {o.page}; {' '.join(o.topics)}; entities: {_md(', '.join(o.agencies)) or '-'}): "
            f"{_md(o.text)}" for o in c.framework_only] or ["None."]
    out += ["", "## Framework decent-work topics no DWCP priority has", ""]
    out += [f"- {t.topic} ({_md(t.label)}): {', '.join(t.elements)}"
            f"{' under outcome ' + t.outcome if t.outcome else ''} (p. {t.quote.page}): {_md(t.quote.quote)}"
            for t in c.framework_only_topics] or ["None."]
    return "\n".join(out) + "\n"
