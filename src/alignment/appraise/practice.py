"""Appraisal checks, part 2: the document, its check `Report` and the cues -> computed checks for
capacity development, ITC-ILO, RBM evidence, monitoring, risks, sustainability and environment.

Input and output as in `criteria.py` (part 1).
"""

from __future__ import annotations

from ..results import Report
from ..schema import AppraisalRules
from .criteria import element_hit, from_hits, partial_of
from .cues import Hit, Text, pseudo
from .model import ResultsChain
from .scoring import Computed

_LEVELS = {"individual": "individual skills", "organizational": "organizations",
           "enabling_environment": "the enabling environment"}


def capacity(t: Text, report: Report, rules: AppraisalRules) -> dict[str, Computed]:
    cd = report.capdev
    c: dict[str, Computed] = {}
    fs = [f for f in report.findings if f.category == "CAPDEV" and f.strength != "absent"]
    fs.sort(key=lambda f: (f.strength != "committed", f.element not in ("outcome", "output"), f.paragraph))
    hits, seen = [], set()
    for f in fs:
        if f.sentence not in seen and len(hits) < 2:
            seen.add(f.sentence)
            hits.append(pseudo(f.rule_id, f.paragraph, f.sentence, f.page, f.section, f.trigger))
    whose = ", ".join(cd.constituents) or "constituents not identified"
    score = 1.0 if cd.strength == "committed" else partial_of(rules, "capacity", "capdev_constituents") \
        if cd.strength == "mentioned" else 0.0
    c["capdev_constituents"] = Computed(score, f"{cd.strength}: {whose}", hits)
    missing = [_LEVELS[lv] for lv in _LEVELS if lv not in cd.levels]
    c["capdev_levels"] = Computed(len(cd.levels) / 3, "levels: " + (", ".join(cd.levels) or "none"),
                                  values={"missing_levels": " (missing: " + ", ".join(missing) + ")" if missing else ""})
    c["capdev_kinds"] = Computed(len(cd.kinds) / 2, "kinds: " + (", ".join(cd.kinds) or "none"))
    els = [e for e in t.doc.elements if e.kind in ("outcome", "output", "activity")]
    any_cap = [e for e in els if t.match_text("capacity_any", e.text)]
    c["capacity_any"] = Computed(1.0 if any_cap else 0.0, f"{len(any_cap)} statement(s) on training or capacity",
                                 [element_hit(t, e, "structure." + e.kind) for e in any_cap[:1]])
    return c


def itcilo(t: Text, rules: AppraisalRules) -> dict[str, Computed]:
    hits = t.find("itc")
    comp = from_hits(hits, partial_of(rules, "itcilo", "itc_use"))
    hedged = [h for h in hits if h.status == "hedged"]
    if comp.score < 1 and hedged:
        comp.values["itc_hint"] = f"; it is now only an option (\"{hedged[0].sentence[:140]}\")"
    return {"itc_use": comp}


def rbm_evidence(t: Text, chain: ResultsChain) -> list[Hit]:
    """Quotes for the RBM verdict: outcomes written as activities, indicators with gaps."""
    els = t.doc.elements
    out: list[Hit] = []
    outcomes = [e for e in els if e.kind == "outcome"]
    for row, e in zip(chain.outcomes, outcomes):
        if row.activity_like:
            out.append(element_hit(t, e, "rbm.activity-like"))
    inds = [e for e in els if e.kind == "indicator"]
    for row, e in zip(chain.indicators, inds):
        if row.problems and len(out) < 4:
            h = element_hit(t, e, "rbm.indicator")
            h.sentence = f"{h.sentence} [{'; '.join(row.problems)}]"
            out.append(h)
    if not out and chain.indicators:
        e = inds[0]
        h = element_hit(t, e, "rbm.indicator")
        r = chain.indicators[0]
        h.sentence = f"{h.sentence} (baseline: {r.baseline}; target: {r.target}; verification: {r.means_of_verification})"
        out.append(h)
    return out


def monitoring(t: Text, rules: AppraisalRules) -> dict[str, Computed]:
    p = lambda check: partial_of(rules, "monitoring", check)  # noqa: E731
    c = {"me_section": from_hits(t.headings("me_section", skip=("budget",)), 0.0),
         "me_plan": from_hits(t.find("me_plan"), p("me_plan")),
         "reporting": from_hits(t.find("reporting"), p("reporting")),
         "baseline_survey": from_hits(t.find("baseline_survey"), p("baseline_survey"))}
    ev = t.find("evaluation")
    c["evaluation"] = from_hits(ev, p("evaluation"))
    neg = [h for h in ev if h.status == "negated"]
    if c["evaluation"].score == 0 and neg:
        c["evaluation"].values["negated"] = f"; the document says none is planned (\"{neg[0].sentence[:140]}\")"
    return c


def _tables(t: Text) -> list[list[int]]:
    """Blocks of consecutive table rows (paragraph indexes); the first row is the header."""
    blocks: list[list[int]] = []
    for p in t.doc.paragraphs:
        if p.kind != "table_row":
            continue
        if blocks and blocks[-1][-1] == p.index - 1:
            blocks[-1].append(p.index)
        else:
            blocks.append([p.index])
    return blocks


def risks(t: Text, rules: AppraisalRules) -> dict[str, Computed]:
    secs = t.sections_where("risk_section")
    heads = t.headings("risk_section", skip=("budget",))
    head_rx = [c.rx for c in t.cues.get("risk_section", []) if c.scope == "heading"]
    paras = t.doc.paragraphs
    # A risk table: a table inside a risks section, or one whose header names risks.
    tables = [b for b in _tables(t) if t.section_index[b[0]] in secs
              or any(rx.search(paras[b[0]].text) for rx in head_rx)]
    rows = [i for b in tables for i in b[1:]]
    statements = [h for h in t.find("risk_statement") if h.positive]
    items = [h for h in t.find("risk_item") if h.positive and h.paragraph not in rows]
    n = len(rows) + len({h.paragraph for h in items})
    if not n and statements:
        n = 1
    row_hits = [pseudo("risks.table", i, paras[i].text, paras[i].page, t.heading(t.section_index[i])) for i in rows[:2]]
    c = {"risks_identified": Computed(min(n / rules.min_risks, 1.0), f"{n} risk(s) identified",
                                      row_hits + items[:2] + statements[:1], {"min_risks": str(rules.min_risks)}),
         "risk_section": Computed(1.0 if heads or statements or tables else 0.0,
                                  "a risks section" if heads else "a risk table" if tables
                                  else "risks discussed" if statements else "none",
                                  heads[:1] + statements[:1])}
    scope = [u for u in t.units if u.section in secs or any(u.paragraph in b for b in tables)
             or u.paragraph in {h.paragraph for h in items}]
    c["mitigation"] = from_hits(t.find("mitigation", units=scope), partial_of(rules, "risks", "mitigation"))
    c["assumptions"] = from_hits(t.find("assumption"), partial_of(rules, "risks", "assumptions"))
    return c


def sustainability(t: Text, rules: AppraisalRules) -> dict[str, Computed]:
    p = lambda check: partial_of(rules, "sustainability", check)  # noqa: E731
    secs = t.sections_where("sust_section")
    heads = t.headings("sust_section", skip=("budget",))
    statement_paras = {h.paragraph for h in t.find("sust_statement") if h.positive}
    scope = [u for u in t.units if u.section in secs or u.paragraph in statement_paras]
    return {"sust_section": from_hits(heads, 0.0),
            "exit": from_hits(t.find("exit"), p("exit")),
            "institutional": from_hits(t.find("institutional", units=scope), p("institutional"))}


def environment(t: Text, report: Report, rules: AppraisalRules) -> dict[str, Computed]:
    cov = report.coverage.get("CC-ENV")
    strength = cov.strength if cov else "absent"
    score = {"committed": 1.0, "mentioned": partial_of(rules, "environment", "env_coverage")}.get(strength, 0.0)
    hits = [pseudo(f.rule_id, f.paragraph, f.sentence, f.page, f.section, f.trigger)
            for f in (cov.evidence if cov else [])][:2]
    negated = [f for f in report.findings if f.category == "CC-ENV" and f.negated]
    hits += [pseudo(f.rule_id, f.paragraph, f.sentence, f.page, f.section, f.trigger, status="negated")
             for f in negated[:1]]
    own = _own_section(t, report) if strength != "committed" else []
    if own:
        # the proposal addresses it in a section of its own, not in its analysis
        score, strength = 1.0, f"addressed in its own section ({own[0].section})"
        hits = [pseudo(f.rule_id, f.paragraph, f.sentence, f.page, f.section, f.trigger) for f in own[:2]]
    problem = ""
    if strength == "mentioned":
        problem = "Environmental issues appear only in the analysis or in hedged statements, not in the results. "
    elif negated:
        problem = f"The document declares environmental issues out of scope (p. {negated[0].page}). "
    return {"env_coverage": Computed(score, f"CC-ENV {strength}", hits, {"env_problem": problem})}


def _own_section(t: Text, report: Report) -> list:
    """CC-ENV findings stated as plans (not negated, hedged, past or a problem) in a section whose
    heading is about the environment and that is not part of the analysis."""
    rx = [c.rx for c in t.cues.get("env_section", []) if c.scope == "heading"]
    secs = t.doc.sections
    own = set()
    for s in secs:
        if s.level > 0 and any(r.search(s.heading) for r in rx):
            parent = secs[s.parent] if s.parent is not None else None
            if parent is None or parent.category not in ("context", "front", "annex", "budget"):
                own.add(s.index)
    heads = {secs[i].first_paragraph for i in own}
    body = [f for f in report.findings if f.category == "CC-ENV" and f.paragraph not in heads
            and t.section_index[f.paragraph] in own]
    if any(f.negated for f in body):
        return []  # the section says the plan leaves it out
    return [f for f in body if not any(f.has(m) for m in ("hedged", "historical", "hypothetical", "problem"))]
