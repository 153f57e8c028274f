"""Report stage, terminal: `Report` / `Document` -> readable plain text (click styles it)."""

from __future__ import annotations

from .. import taxonomy
from ..document import Document
from ..results import Report
from ..snippet import snippet
from .names import named

STRENGTH_MARK = {"committed": "COMMITTED", "mentioned": "mentioned", "absent": "ABSENT"}


def _pages(pages: list[int], limit: int = 8) -> str:
    if not pages:
        return ""
    head = ", ".join(str(p) for p in pages[:limit])
    return ("p. " if len(pages) == 1 else "pp. ") + head + (", ..." if len(pages) > limit else "")


def render_check(r: Report) -> str:
    d = r.document
    out = [f"{d.name}: {d.type.upper()}, {d.language}, {d.pages} page(s), {d.words:,} words",
           f"pack {r.pack}",
           f"structure: " + (", ".join(f"{n} {k}(s)" for k, n in d.counts.items()) or "no structural elements found"),
           "", f"Strategic objectives committed: {r.objectives_committed} of {len(taxonomy.objectives())} "
           f"(committed or mentioned: {r.objectives_mentioned} of {len(taxonomy.objectives())})", ""]
    for cid, c in r.coverage.items():
        out.append(f"  {cid:7} {c.label:46} {STRENGTH_MARK[c.strength]:10} {_pages(c.pages)}")
        if c.topics:
            out.append(f"          topics: {'; '.join(named(t) for t in c.topics)}")
        if c.topics_missing and c.strength != "absent":
            out.append(f"          not found: {'; '.join(named(t) for t in c.topics_missing)}")
    if r.gaps:
        out += ["", "Gaps"] + [f"  - {g}" for g in r.gaps]
    k = r.constituents
    out += ["", "Tripartite constituents",
            f"  social partners: {k.social_partners}" + (" (civil society only)" if k.civil_society_only else "")]
    for a in (k.ministry, k.employers, k.workers, k.social_partners_generic, k.civil_society):
        label = a.actor.replace("_", " ")
        names = f": {'; '.join(a.names)}" if a.names else ""
        roles = f"  roles: {', '.join(a.roles)}" if a.roles else ""
        out.append(f"  {label:16} {a.status}{names}{roles}")
    out += [f"  ! {f}" for f in k.flags]
    cd = r.capdev
    out += ["", f"Capacity development of constituents (CAPDEV): {cd.strength}"]
    if cd.constituents:
        out.append(f"  whose: {', '.join(cd.constituents)}; levels: {', '.join(cd.levels) or '-'}; "
                   f"kinds: {', '.join(cd.kinds) or '-'}")
    out += ["", "Labour standards cited: " + (", ".join(
        f"{s.id} ({s.cls}{', committed' if s.committed else ''}) {_pages(s.pages, 4)}" for s in r.standards) or "none")]
    out += ["SDG targets touched: " + (", ".join(s.id.removeprefix("SDG-") for s in r.sdg) or "none")]
    if r.plan:
        out += _plan_lines(r.plan)
    out += ["", "Evidence (best per category)"]
    for cid, c in r.coverage.items():
        for f in c.evidence[:2]:
            where = f"{f.element} {f.element_number or ''}".strip() if f.element else (f.section or "")[:40]
            mods = "; ".join(f"{m.modifier} '{m.cue}'" for m in f.modifiers)
            out.append(f"  {cid:7} p.{f.page} [{where}] \"{snippet(f.sentence, f.trigger, 160)}\"")
            topic = f", topic {named(f.topic)}" if f.topic else ""
            out.append(f"          rule {f.rule_id}, trigger '{f.trigger}'{topic}" + (f", {mods}" if mods else ""))
    if d.warnings:
        out += ["", "Warnings"] + [f"  - {w}" for w in d.warnings]
    return "\n".join(out) + "\n"


def _clip(s: str, n: int = 160) -> str:
    return s if len(s) <= n else s[: n - 3] + "..."


def render_inspect(doc: Document) -> str:
    out = [f"{doc.name}", f"  type: {doc.type} ({doc.type_evidence.confidence:.0%}; "
           f"{'; '.join(doc.type_evidence.reasons[:4])})",
           f"  language: {doc.language} ({'; '.join(doc.language_evidence.reasons[:2])})",
           f"  pages: {doc.pages}   words: {doc.words:,}   paragraphs: {len(doc.paragraphs)}   format: {doc.format}"]
    if doc.title:
        out.append(f"  title: {doc.title}")
    for w in doc.warnings:
        out.append(f"  warning: {w}")
    counts: dict[str, int] = {}
    for el in doc.elements:
        counts[el.kind] = counts.get(el.kind, 0) + 1
    out.append("  elements: " + (", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or "none"))
    out.append("")
    for s in doc.sections:
        indent = "  " * max(0, s.level)
        out.append(f"{indent}{s.heading[:90]}  [p. {s.page}, {s.category}]")
        for i in s.elements:
            el = doc.elements[i]
            label = f"{el.kind} {el.number or el.code or ''}".strip()
            out.append(f"{indent}  - {label}: {_clip(el.text, 110)} (p. {el.page})")
            if el.kind == "indicator":
                b = el.baseline.text if el.baseline else "-"
                t = el.target.text if el.target else "-"
                out.append(f"{indent}      baseline: {b} | target: {t} | MoV: {el.means_of_verification or '-'}")
            if el.agencies:
                out.append(f"{indent}      contributing UN entities: {', '.join(el.agencies)}")
    return "\n".join(out) + "\n"


def _agreement(a) -> str:
    if not a.items:
        return "no sub-output tagged"
    kappa = f"{a.kappa:.2f}" if a.kappa is not None else "-"
    return (f"both {a.both}, tool only {a.tool_only}, team only {a.team_only}, neither {a.neither} "
            f"of {a.items} sub-outputs (kappa {kappa})")


def _plan_lines(v) -> list[str]:
    top = ", ".join(f"{t} ({n})" for t, n in sorted(v.team_sdg_targets.items(), key=lambda kv: -kv[1])[:8])
    return ["", f"The country team's own tags (UN INFO; {v.sub_outputs} sub-outputs, "
            f"{v.merged} rows merged by ID{', region ' + v.region if v.region else ''})",
            f"  ILO contributes: {'yes, to ' + str(v.ilo_sub_outputs) + ' sub-output(s)' if v.ilo_contributes else 'no'}",
            f"  SDG targets tagged: {top or 'none'}",
            "  gender markers: " + (", ".join(f"{k}: {n}" for k, n in v.team_gender_markers.items()) or "none")
            + "; human rights markers: " + (", ".join(f"{k}: {n}" for k, n in v.team_human_rights_markers.items()) or "none"),
            f"  SDG 8, tool vs team: {_agreement(v.sdg8)}",
            f"  gender, tool CC-GEN vs team marker 2-3: {_agreement(v.gender)}"]
