"""The country team's own view of a plan beside the tool's: document + findings -> `PlanView`.

Input: a `Document` read from a work plan export (`Document.source` set) and its scored
findings. Output: what the country team tagged (SDG targets, gender and human-rights markers,
per sub-output) next to what the tool found in the same sub-outputs (statement and
description, not partners or progress narratives), and how far the two agree: SDG 8 (the
team's `SDG Targets` hold an 8.x target; the tool finds an SDG 8 target or a decent-work topic
the taxonomy maps to one) and gender (the team's marker is 2 or 3, significant or principal;
the tool finds CC-GEN). The teams' tags are a loose external signal, reported, never tuned to.
Also whether the ILO is among the plan's contributing UN entities.
"""

from __future__ import annotations

from .compiled import compile_pack
from .document import Document
from .findings import Finding
from .packs import Pack
from .results import Agreement, PlanView

ILO = {"ilo", "international labour organization", "international labor organization"}


def agreement(pairs: list[tuple[bool, bool]]) -> Agreement:
    """(tool, team) per item -> counts, the tool's precision and recall against the team, kappa."""
    n = len(pairs)
    both = sum(a and b for a, b in pairs)
    tool_only = sum(a and not b for a, b in pairs)
    team_only = sum(b and not a for a, b in pairs)
    neither = n - both - tool_only - team_only
    kappa = None
    if n:
        po = (both + neither) / n
        pt, pm = (both + tool_only) / n, (both + team_only) / n
        pe = pt * pm + (1 - pt) * (1 - pm)
        kappa = round((po - pe) / (1 - pe), 3) if pe < 1 else 1.0
    return Agreement(items=n, both=both, tool_only=tool_only, team_only=team_only, neither=neither,
                     precision_vs_team=round(both / (both + tool_only), 3) if both + tool_only else None,
                     recall_vs_team=round(both / (both + team_only), 3) if both + team_only else None,
                     kappa=kappa)


def is_ilo(agency: str) -> bool:
    return agency.strip().lower() in ILO


def team_gender(marker: str) -> bool:
    return marker.strip()[:1] in ("2", "3")


def plan_view(doc: Document, findings: list[Finding], pack: Pack) -> PlanView | None:
    if doc.source is None:
        return None
    topic_sdg = compile_pack(pack).topic_sdg
    by_par: dict[int, list[Finding]] = {}
    for f in findings:
        if f.strength != "absent" and not f.negated:
            by_par.setdefault(f.paragraph, []).append(f)
    sdg_pairs, gender_pairs = [], []
    targets: dict[str, int] = {}
    gender: dict[str, int] = {}
    rights: dict[str, int] = {}
    ilo_subs = 0
    for el in doc.elements:
        if el.kind != "suboutput":
            continue
        sec = doc.sections[el.section] if el.section is not None else None
        pars = range(el.paragraph, (sec.last_paragraph if sec else el.paragraph) + 1)
        found = [f for p in pars for f in by_par.get(p, [])]
        tool_sdg8 = any(f.category.startswith("SDG-8") or any(str(s).startswith(("SDG-8", "8."))
                                                                 for s in topic_sdg.get(f.topic or "", []))
                        for f in found)
        tool_gen = any(f.category == "CC-GEN" for f in found)
        sdg_pairs.append((tool_sdg8, any(t.startswith("8.") for t in el.sdg_targets)))
        g = el.markers.get("gender", "")
        if g:
            gender_pairs.append((tool_gen, team_gender(g)))
            gender[g.split(" ")[0]] = gender.get(g.split(" ")[0], 0) + 1
        h = el.markers.get("human_rights", "")
        if h:
            rights[h.split(" ")[0]] = rights.get(h.split(" ")[0], 0) + 1
        for t in el.sdg_targets:
            targets[t] = targets.get(t, 0) + 1
        ilo_subs += any(is_ilo(a) for a in el.agencies)
    s = doc.source

    def goal_order(t: str):
        goal, _, rest = t.partition(".")
        return (int(goal) if goal.isdigit() else 99, rest.zfill(3))
    return PlanView(region=s.region, country=s.country, plan=s.plan, sub_outputs=s.sub_outputs,
                    rows=s.rows, merged=s.merged, themes=s.themes, years=s.years,
                    ilo_contributes=ilo_subs > 0, ilo_sub_outputs=ilo_subs,
                    team_sdg_targets=dict(sorted(targets.items(), key=lambda kv: goal_order(kv[0]))),
                    team_gender_markers=dict(sorted(gender.items())),
                    team_human_rights_markers=dict(sorted(rights.items())),
                    sdg8=agreement(sdg_pairs), gender=agreement(gender_pairs))
