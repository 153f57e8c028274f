"""Report stage, Markdown: `Report` -> a Markdown memo (document text escaped for Markdown)."""

from __future__ import annotations

from .. import taxonomy
from ..results import Report
from .names import named


def _md(s: str) -> str:
    for ch in "\\`*_[]<>|":
        s = s.replace(ch, "\\" + ch)
    return s.replace("\n", " ")


def render_markdown(r: Report) -> str:
    d = r.document
    out = [f"# Decent work alignment: {_md(d.name)}", "",
           f"{d.type.upper()}, language {d.language}, {d.pages} page(s), {d.words:,} words. Pack `{r.pack}`.", "",
           f"**Strategic objectives committed: {r.objectives_committed} of {len(taxonomy.objectives())}** "
           f"(committed or mentioned: {r.objectives_mentioned} of {len(taxonomy.objectives())}).", "",
           "| Category | Strength | Topics found | Topics not found | Pages |", "|---|---|---|---|---|"]
    for cid, c in r.coverage.items():
        out.append(f"| {cid} {_md(c.label)} | {c.strength} | {_md('; '.join(map(named, c.topics))) or '-'} | "
                   f"{_md('; '.join(map(named, c.topics_missing))) or '-'} | {', '.join(map(str, c.pages[:10])) or '-'} |")
    if r.gaps:
        out += ["", "## Gaps", ""] + [f"- {_md(g)}" for g in r.gaps]
    k = r.constituents
    out += ["", "## Tripartite constituents", "", f"- Social partners: **{k.social_partners}**"
            + (" (civil society only)" if k.civil_society_only else "")]
    for a in (k.ministry, k.employers, k.workers, k.social_partners_generic, k.civil_society):
        out.append(f"- {a.actor.replace('_', ' ')}: {a.status}" + (f" ({_md('; '.join(a.names))})" if a.names else "")
                   + (f"; roles: {', '.join(a.roles)}" if a.roles else ""))
    out += [f"- **Flag:** {_md(f)}" for f in k.flags]
    cd = r.capdev
    out += ["", "## Capacity development of constituents", "", f"Strength: {cd.strength}. Whose: "
            f"{', '.join(cd.constituents) or '-'}. Levels: {', '.join(cd.levels) or '-'}. Kinds: {', '.join(cd.kinds) or '-'}."]
    out += ["", "## Labour standards cited", ""]
    out += [f"- {s.id} ({s.cls}) {_md(s.title or '')}: {s.count} citation(s), p. {', '.join(map(str, s.pages))}"
            for s in r.standards] or ["None."]
    out += ["", "## SDG targets touched", "", ", ".join(s.id for s in r.sdg) or "None."]
    out += ["", "## Evidence", ""]
    for cid, c in r.coverage.items():
        for f in c.evidence:
            mods = "; ".join(f"{m.modifier} ({_md(m.cue)})" for m in f.modifiers)
            where = f"{f.element} {f.element_number or ''}".strip() if f.element else _md(f.section or "")
            topic = f", topic {_md(named(f.topic))}" if f.topic else ""
            out.append(f"- **{cid}** p. {f.page}, {where}: \"{_md(f.sentence)}\" "
                       f"(rule `{f.rule_id}`, trigger \"{_md(f.trigger)}\"{topic}{', ' + mods if mods else ''})")
    return "\n".join(out) + "\n"
