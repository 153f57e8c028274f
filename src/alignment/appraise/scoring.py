"""Appraisal scoring: computed checks + the checklist of rules/common/appraisal.yaml -> verdicts.

Input: for each criterion, the checks the code computed (`Computed`: a 0-1 score, a detail,
evidence hits and the values its suggestion template may use) and the criterion's definition
(weights, thresholds, required checks, suggestion templates). Output: `Criterion` results, the
gender markers with their checklist, the overall verdict and the top fixes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..schema import AppraisalCriterion, AppraisalRules
from ..snippet import snippet
from .cues import Hit
from .model import CheckResult, Criterion, GenderMarker, MarkerItem, Quote


@dataclass
class Computed:
    score: float
    detail: str | None = None
    evidence: list[Hit] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)
    applicable: bool = True


MAX_SUGGESTIONS = 4


class _Safe(dict):
    def __missing__(self, key: str) -> str:
        return ""


def fill(template: str, values: dict[str, str]) -> str:
    """A suggestion template with its placeholders filled; unknown placeholders become ''."""
    try:
        return template.format_map(_Safe(values)).strip()
    except (ValueError, IndexError):  # a malformed template in a user pack: show it as written
        return template


def quote(h: Hit, check: str) -> Quote:
    text = snippet(h.sentence, h.match, 400)
    return Quote(check=check, text=text, page=h.page, section=h.section, status=h.status, cue=h.match,
                 rule_id=h.cue.id)


def _met(c: Computed | None, pass_min: float) -> bool:
    return c is not None and c.applicable and c.score >= pass_min - 1e-9


def judge(cdef: AppraisalCriterion, computed: dict[str, Computed], max_evidence: int,
          flags: list[str] | None = None, extra: list[Quote] | None = None) -> Criterion:
    checks, num, den = [], 0.0, 0.0
    for ch in cdef.checks:
        c = computed.get(ch.id)
        applicable = c is not None and c.applicable
        score = max(0.0, min(1.0, c.score)) if c is not None else 0.0
        checks.append(CheckResult(id=ch.id, label=ch.label, score=round(score, 3), weight=ch.weight,
                                  applicable=applicable, detail=c.detail if c else None))
        if applicable:
            num += ch.weight * score
            den += ch.weight
    score = num / den if den else 0.0
    pass_min = {ch.id: ch.pass_min for ch in cdef.checks}

    def req_ok(cid: str) -> bool:
        c = computed.get(cid)
        return c is None or not c.applicable or _met(c, pass_min[cid])

    any_ok = [cid for cid in cdef.pass_requires_any if computed.get(cid) and computed[cid].applicable]
    passes = (score >= cdef.pass_score and all(req_ok(cid) for cid in cdef.pass_requires)
              and (not any_ok or any(_met(computed[cid], pass_min[cid]) for cid in any_ok)))
    weak_gate = not cdef.weak_requires_any or any(
        computed.get(cid) and computed[cid].score > 0 for cid in cdef.weak_requires_any)
    verdict = "pass" if passes else "weak" if (score > cdef.weak_score and weak_gate and score > 0) else "absent"

    # Suggestions: the unmet checks, heaviest first (required ones before the rest).
    required = set(cdef.pass_requires) | set(cdef.pass_requires_any)
    unmet = [ch for ch in cdef.checks if computed.get(ch.id) and computed[ch.id].applicable
             and not _met(computed[ch.id], ch.pass_min) and ch.suggestion]
    unmet.sort(key=lambda ch: (ch.id not in required, -ch.weight))
    if cdef.pass_requires_any and any(_met(computed.get(cid), pass_min[cid]) for cid in any_ok):
        unmet = [ch for ch in unmet if ch.id not in cdef.pass_requires_any]
    texts = [fill(ch.suggestion, computed[ch.id].values) for ch in unmet]
    texts = [s for s in texts if s]
    if verdict == "pass":
        texts = [s for ch, s in zip(unmet, texts) if ch.id in required]
    suggestion = " ".join(dict.fromkeys(texts[:MAX_SUGGESTIONS])) or None

    quotes: list[Quote] = list(extra or [])
    seen = {q.text for q in quotes}
    order = sorted(cdef.checks, key=lambda ch: -ch.weight)
    statuses = ("found",) if verdict == "pass" else ("found", "hedged", "negated")
    for status in statuses:
        for ch in order:
            if ch.id not in computed or (status == "negated" and computed[ch.id].score > 0):
                continue  # a "no" only matters where nothing positive was found
            for h in computed[ch.id].evidence:
                if h.status == status and h.sentence not in seen:
                    seen.add(h.sentence)
                    quotes.append(quote(h, ch.id))
    # Keep the strongest quotes, but always show at least one negated or hedged one if any.
    kept = quotes[:max_evidence]
    odd = next((q for q in quotes[max_evidence:] if q.status in ("negated", "hedged")), None)
    if odd and not any(q.status in ("negated", "hedged") for q in kept):
        kept.append(odd)
    return Criterion(id=cdef.id, label=cdef.label, verdict=verdict, score=round(score, 3), evidence=kept,
                     suggestion=suggestion, checks=checks, flags=flags or [])


def gender_marker(rules: AppraisalRules, computed: dict[str, Computed], declared: str | None) -> GenderMarker:
    gm = rules.gender_marker
    met = {ch.id: _met(computed.get(ch.id), ch.pass_min) for ch in gm.checklist}
    items = [MarkerItem(id=ch.id, label=ch.label, met=met[ch.id],
                        evidence=[quote(h, ch.id) for h in (computed[ch.id].evidence if ch.id in computed else [])
                                  if h.status == "found"][:2]) for ch in gm.checklist]
    level = 0
    for lv in gm.un_gem:
        if all(met.get(r, False) for r in lv.requires) and (not lv.requires_any or any(met.get(r, False)
                                                                                       for r in lv.requires_any)):
            level = lv.level
            break
    labels = {ch.id: ch.label.lower() for ch in gm.checklist}
    have = [labels[k] for k, v in met.items() if v]
    lack = [labels[k] for k, v in met.items() if not v]
    rationale = (f"UN GEM {level}: " + ("has " + "; ".join(have) if have else "none of the checklist items")
                 + (". Missing: " + "; ".join(lack) if lack else "") + ".")
    return GenderMarker(un_gem=level, oecd_dac=gm.oecd_dac.get(level, 0), checklist=items, rationale=rationale,
                        declared=declared)


def overall(rules: AppraisalRules, criteria: list[Criterion]) -> tuple[str, float, list[str]]:
    o = rules.overall
    weights = {c.id: c.weight for c in rules.criteria}
    total = sum(weights.get(c.id, 0) for c in criteria) or 1.0
    got = sum(weights.get(c.id, 0) * o.points.get(c.verdict, 0) for c in criteria)
    share = got / total
    verdicts = {c.id: c.verdict for c in criteria}
    if share < o.revise_min or any(verdicts.get(cid) == "absent" for cid in o.major_if_absent):
        verdict = "major_gaps"
    elif share >= o.ready_min and all(verdicts.get(cid) == "pass" for cid in o.not_ready_if):
        verdict = "ready"
    else:
        verdict = "revise"
    # Fixes: the criteria that lose most points first (weight x points lost), in checklist order on ties.
    order = {c.id: i for i, c in enumerate(rules.criteria)}
    losing = [c for c in criteria if c.verdict != "pass" and c.suggestion]
    losing.sort(key=lambda c: (-(weights.get(c.id, 0) * (o.points["pass"] - o.points.get(c.verdict, 0))),
                               order.get(c.id, 99)))
    fixes = [f"{_title(c.id)} ({c.verdict}): {c.suggestion}" for c in losing[: o.top_fixes]]
    return verdict, round(share, 3), fixes


TITLES = {"alignment": "Alignment", "tripartism": "Tripartism", "standards": "Labour standards",
          "gender": "Gender equality", "capacity": "Capacity development", "itcilo": "ITC-ILO",
          "rbm": "Results-based management", "monitoring": "Monitoring and evaluation",
          "risks": "Risks and assumptions", "sustainability": "Sustainability and exit",
          "environment": "Environment and just transition"}


def _title(cid: str) -> str:
    return TITLES.get(cid, cid)
