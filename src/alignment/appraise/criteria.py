"""Appraisal checks, part 1: the document, its check `Report` and the cues -> computed checks for
alignment, tripartism, standards and gender (part 2, `practice.py`, has the others).

Input: a `Text` (the document with its cues), the `Report` of `check` (coverage, constituents,
standards cited, SDG targets) and the language-free `AppraisalRules`. Output: for each
criterion a dict check id -> `Computed`, plus flags. The check ids are those of
rules/common/appraisal.yaml; `KNOWN` lists them so a pack naming an unknown check fails early.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..appraisal_ids import KNOWN  # noqa: F401  (re-exported: the checks computed here)
from ..document import Document, Element
from ..results import Report
from ..schema import AppraisalRules
from .cues import Hit, Text, pseudo
from .scoring import Computed


@dataclass
class DwcpContext:
    """What the appraisal needs from the DWCP given with --dwcp."""

    path: str
    name: str
    codes: list[str]
    topics: set[str]


def from_hits(hits: list[Hit], partial: float, detail: str = "") -> Computed:
    """found -> 1, only hedged -> partial, nothing positive -> 0; evidence keeps negated hits too."""
    found = [h for h in hits if h.status == "found"]
    hedged = [h for h in hits if h.status == "hedged"]
    score = 1.0 if found else partial if hedged else 0.0
    evidence = found[:3] + hedged[:2] + [h for h in hits if h.status == "negated"][:1]
    if not detail:
        detail = (f"{len(found)} statement(s)" if found else "only hedged" if hedged
                  else "only negated" if any(h.status == "negated" for h in hits) else "not found")
    return Computed(score, detail, evidence)


def element_hit(t: Text, e: Element, rule: str, match: str = "") -> Hit:
    """The element's paragraph as written (label included), or its statement when the paragraph
    holds more than the element."""
    par = t.doc.paragraphs[e.paragraph].text if 0 <= e.paragraph < len(t.doc.paragraphs) else ""
    text = par if e.text[:40] in par and len(par) <= 600 else e.text
    return pseudo(rule, e.paragraph, text, e.page, t.heading(e.section), match)


def partial_of(rules: AppraisalRules, criterion: str, check: str) -> float:
    cdef = next((c for c in rules.criteria if c.id == criterion), None)
    ch = next((x for x in (cdef.checks if cdef else []) if x.id == check), None)
    return ch.partial if ch else 0.5


def committed_topics(report: Report) -> set[str]:
    out: set[str] = set()
    for cid, cov in report.coverage.items():
        out |= set(cov.topics_committed)
        if cov.strength == "committed" and cid.startswith("CC-"):
            out.add(cid)
    return out


def _with_continuation(doc: Document, i: int) -> str:
    """A paragraph and the next one when it was cut mid-sentence (a list item broken at a PDF line end)."""
    text = doc.paragraphs[i].text
    if i + 1 < len(doc.paragraphs) and not re.search(r"[.;:!?)]\s*$", text):
        nxt = doc.paragraphs[i + 1]
        if nxt.kind != "heading" and re.match(r"[a-z0-9(]", nxt.text):
            text += " " + nxt.text
    return text


# ---- alignment ------------------------------------------------------------------------------
def alignment(t: Text, report: Report, rules: AppraisalRules, dwcp: DwcpContext | None) -> dict[str, Computed]:
    doc = t.doc
    c: dict[str, Computed] = {}
    p = lambda check: partial_of(rules, "alignment", check)  # noqa: E731
    cpos = [e for e in doc.elements if e.kind == "cpo" and e.code]
    codes = sorted({e.code for e in cpos})
    if codes:
        c["dwcp_outcome"] = Computed(1.0, "cites " + ", ".join(codes), [element_hit(t, e, "structure.cpo", e.code)
                                                                       for e in cpos[:1]])
    else:
        named = [h for h in t.find("dwcp_named") if h.positive]
        c["dwcp_outcome"] = Computed(p("dwcp_outcome") if named else 0.0,
                                     "DWCP named without an outcome code" if named else "no DWCP outcome", named[:2])
    mentions = [h for h in t.find("pb_mention") if h.positive]
    numbers: list[int] = []
    for h in mentions:
        ptext = _with_continuation(doc, h.paragraph)
        for cue in t.cues.get("pb_number", []):
            for m in cue.rx.finditer(ptext):
                numbers += [int(n) for n in re.findall(r"\b([1-9])\b(?!\.\d)", m.group(0))]
    known = {o.number: o for o in rules.pb_outcomes}
    cited = sorted({n for n in numbers if n in known})
    topics = committed_topics(report)
    fitting = [o for o in rules.pb_outcomes if topics & set(o.topics)]
    hint = ""
    if not cited and fitting:
        best = sorted(fitting, key=lambda o: -len(topics & set(o.topics)))[:2]
        hint = " (its committed topics point to " + " and ".join(f"Outcome {o.number}, {o.label}" for o in best) + ")"
    wrong = sorted({n for n in numbers if n not in known})
    if cited and wrong:
        c["pb_outcome"] = Computed(p("pb_outcome"), "cites " + "; ".join(f"Outcome {n} ({known[n].label})" for n in cited)
                                   + "; and " + ", ".join(f"Outcome {n}" for n in wrong)
                                   + f", which the programme and budget does not have (1-{max(known)})", mentions[:1])
    elif cited:
        c["pb_outcome"] = Computed(1.0, "cites " + "; ".join(f"Outcome {n} ({known[n].label})" for n in cited),
                                   mentions[:1])
    else:
        c["pb_outcome"] = Computed(p("pb_outcome") if mentions else 0.0,
                                   "programme and budget named without an outcome" if mentions else "not cited",
                                   mentions[:1], values={"pb_hint": hint})
    c["national_plan"] = from_hits(t.find("national_plan"), p("national_plan"))
    c["cooperation_framework"] = from_hits(t.find("cooperation_framework"), p("cooperation_framework"))
    targets = [h for h in t.find("sdg_target") if h.positive]
    cited_targets = [s.id for s in report.sdg if "cited" in s.via and "." in s.id]
    cited_goals = [s.id for s in report.sdg if "cited" in s.via and "." not in s.id]
    if targets or cited_targets:
        c["sdg_target"] = Computed(1.0, "targets " + ", ".join(x.removeprefix("SDG-") for x in cited_targets)
                                   if cited_targets else "SDG targets cited", targets[:1])
    else:
        goal_hits = [h for h in t.find("sdg_mention") if h.positive]
        c["sdg_target"] = Computed(p("sdg_target") if (cited_goals or goal_hits) else 0.0,
                                   "only SDG goals: " + ", ".join(cited_goals) if cited_goals else "no SDG target",
                                   goal_hits[:1])
    if dwcp is None:
        c["dwcp_match"] = Computed(0.0, "no DWCP given (--dwcp)", applicable=False)
    else:
        matched = [x for x in codes if x in dwcp.codes]
        unknown = [x for x in codes if x not in dwcp.codes]
        shared = sorted(topics & dwcp.topics)
        if matched and not unknown:
            c["dwcp_match"] = Computed(1.0, f"{', '.join(matched)} {'is an outcome' if len(matched) == 1 else 'are outcomes'}"
                                       f" of {dwcp.name}")
        elif matched:
            # citing outcomes the DWCP does not have is a mistake to fix, not an alignment
            problem = (f"Alignment with the DWCP: {', '.join(unknown)} {'is not an outcome' if len(unknown) == 1 else 'are not outcomes'}"
                       f" of {dwcp.name} (its outcomes: {', '.join(dwcp.codes[:12])}); cite only outcomes it has.")
            c["dwcp_match"] = Computed(len(matched) / len(codes) * partial_of(rules, "alignment", "dwcp_match"),
                                       f"{len(matched)} of {len(codes)} cited codes are outcomes of {dwcp.name}; "
                                       f"not: {', '.join(unknown)}", values={"dwcp_problem": problem})
        else:
            unknown = f"it cites {', '.join(codes)}, which {dwcp.name} does not have" if codes else \
                f"it cites no outcome of {dwcp.name}"
            problem = (f"Alignment with the DWCP: {unknown}; cite the DWCP outcome(s) it serves"
                       + (f" ({', '.join(dwcp.codes[:8])})" if dwcp.codes else "") + ".")
            c["dwcp_match"] = Computed(partial_of(rules, "alignment", "dwcp_match") if shared else 0.0,
                                       f"no shared outcome code; shared topics: {', '.join(shared) or 'none'}",
                                       values={"dwcp_problem": problem})
    return c


# ---- tripartism -----------------------------------------------------------------------------
def tripartism(t: Text, report: Report, rules: AppraisalRules) -> tuple[dict[str, Computed], list[str]]:
    k = report.constituents
    c: dict[str, Computed] = {}
    p = lambda check: partial_of(rules, "tripartism", check)  # noqa: E731
    named_units = [u for u in t.units if not u.table and t.names_partner(u.text)][:2]
    named = k.social_partners != "absent" or bool(named_units)
    c["sp_named"] = Computed(1.0 if named else 0.0, f"social partners {k.social_partners}",
                             [pseudo("constituents.named", u.paragraph, u.text, t.doc.paragraphs[u.paragraph].page,
                                     t.heading(u.section)) for u in named_units[:1]])
    design = t.find("sp_design", partner=True)
    consulted = [h for h in t.find("sp_consulted", partner=True) if h.positive]
    c["sp_design"] = from_hits(design, p("sp_design"))
    c["sp_governance"] = from_hits(t.find("sp_governance", partner=True), p("sp_governance"))
    c["sp_implementation"] = from_hits(t.find("sp_implementation", partner=True), p("sp_implementation"))
    if c["sp_design"].score == 0 and consulted:
        c["sp_design"].evidence += consulted[:2]
        c["sp_design"].detail = "only consulted or invited"
    flags = []
    if named and c["sp_design"].score < 1 and consulted:
        flags.append("The social partners are only consulted or invited, not involved in the design.")
    roles = set(k.employers.roles) | set(k.workers.roles) | set(k.social_partners_generic.roles)
    if k.beneficiary_only:
        flags.append("The social partners appear only as beneficiaries.")
    elif "beneficiary" in roles and c["sp_design"].score < 1 and c["sp_governance"].score < 1:
        flags.append("The social partners appear as beneficiaries (trained, invited), not as partners in "
                     "design or governance.")
    if named and c["sp_governance"].score == 0:
        flags.append("No employers' or workers' organization is named on the project steering committee.")
    return c, flags


# ---- standards ------------------------------------------------------------------------------
def standards(t: Text, report: Report, rules: AppraisalRules) -> dict[str, Computed]:
    c: dict[str, Computed] = {}
    cites = [f for f in report.findings if f.rule_id.startswith("ils.cite.") and not f.negated]
    used = [f for f in cites if f.strength == "committed" or f.section_category in ("strategy", "results")]

    def hits(fs):
        return [pseudo(f.rule_id, f.paragraph, f.sentence, f.page, f.section, f.trigger) for f in fs]

    ids = [s.id for s in report.standards]
    used_ids = sorted({f.rule_id.removeprefix("ils.cite.") for f in used})
    topics = committed_topics(report)
    weight = Counter(f.topic for f in report.findings if f.strength == "committed" and f.topic)
    fitting = [i for i in t.pack.content.instruments if i.topic in topics and i.id not in ids]
    fitting.sort(key=lambda i: (-weight[i.topic], {"fundamental": 0, "governance": 1}.get(i.cls, 2), i.id))
    hint = (" (for its topics, e.g. " + "; ".join(f"{i.id} {i.title}" for i in fitting[:3]) + ")") if fitting else ""
    c["instrument_used"] = Computed(1.0 if used else 0.0, "used: " + ", ".join(used_ids) if used else
                                    "no instrument in the results or strategy", hits(used[:2]), {"ils_hint": hint})
    c["instrument_cited"] = Computed(1.0 if cites else 0.0, "cited: " + ", ".join(ids) if ids else "none",
                                     hits([f for f in cites if f not in used][:1]))
    c["ils_general"] = from_hits(t.find("ils_general"), partial_of(rules, "standards", "ils_general"))
    c["ils_supervision"] = from_hits(t.find("ils_supervision"), partial_of(rules, "standards", "ils_supervision"))
    return c


# ---- gender ---------------------------------------------------------------------------------
def _strip(t: Text, text: str) -> str:
    for cue in t.cues.get("gender_strip", []):
        text = cue.rx.sub(" ", text)
    return text


def _gender_specific(t: Text, text: str) -> re.Match | None:
    return t.match_text("gender_specific", _strip(t, text))


def gender(t: Text, report: Report, rules: AppraisalRules) -> tuple[dict[str, Computed], str | None]:
    doc: Document = t.doc
    c: dict[str, Computed] = {}
    p = lambda check: partial_of(rules, "gender", check)  # noqa: E731
    heads = t.headings("gender_analysis", skip=("budget", "annex", "front"))
    c["gender_analysis"] = from_hits(heads + t.find("gender_analysis"), p("gender_analysis"))
    sex: list[Hit] = []
    for e in doc.elements:
        if e.kind != "indicator":
            continue
        blob = " ".join(x for x in (e.text, e.baseline.text if e.baseline else "", e.target.text if e.target else "") if x)
        m = t.match_text("sex_disaggregated", blob)
        if m:
            sex.append(element_hit(t, e, "structure.indicator", m.group(0)))
    results_sections = {s.index for s in doc.sections if s.category in ("results", "monitoring")}
    sex += t.find("sex_disaggregated", sections=results_sections)
    c["sex_disaggregated"] = from_hits(sex, p("sex_disaggregated"),
                                       f"{sum(h.cue.id == 'structure.indicator' for h in sex)} disaggregated indicator(s)")
    results = []
    for e in doc.elements:
        if e.kind in ("outcome", "output"):
            m = _gender_specific(t, e.text)
            if m:
                results.append(element_hit(t, e, "structure." + e.kind, m.group(0)))
    c["gender_result"] = Computed(1.0 if results else 0.0, f"{len(results)} gender-specific outcome(s) or output(s)",
                                  results[:2])
    budget = [h for h in t.find("gender_budget") if _gender_specific(t, h.sentence)]
    c["gender_budget"] = from_hits(budget, p("gender_budget"))
    c["other_grounds"] = from_hits(t.find("other_grounds"), p("other_grounds"))
    mention = t.find("gender_mention")
    cov = report.coverage.get("CC-GEN")
    c["gender_mention"] = from_hits(mention, p("gender_mention"))
    if cov is not None and cov.strength != "absent" and c["gender_mention"].score == 0:
        c["gender_mention"].score = p("gender_mention")
    do = next((e for e in doc.elements if e.kind == "priority" and e.code == "development-objective"), None)
    m = t.match_text("gender_principal", do.text) if do else None
    c["gender_principal"] = Computed(1.0 if m else 0.0, "the development objective is about gender equality" if m
                                     else "gender equality is not the development objective",
                                     [element_hit(t, do, "structure.do", m.group(0))] if m and do else [])
    declared = next((h.match for h in t.find("gender_declared") if h.positive), None)
    return c, declared
