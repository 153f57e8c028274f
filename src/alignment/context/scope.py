"""ConText scope: one sentence's findings and cues -> the findings' modifiers (after medspaCy).

Input: for one sentence, the findings (token spans), the context cues found in it (each a
`ContextRule` with a direction and a scope in tokens), pseudo cues and terminator positions.
Output: each finding's `modifiers`, every one with its cue words and rule id.

- forward cues reach findings after them, backward cues findings before them,
  bidirectional both; a terminator ("but", "however", ";") between cue and finding stops it;
- a cue inside a pseudo cue ("not only", "no doubt") is not a cue;
- `requires_any` makes a cue count only when the sentence has a plan-level subject, so
  "the programme does not address X" negates while "there is no X" is a problem statement.
Modifiers never delete a finding: scoring down-weights it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..findings import Finding, ModifierHit
from ..schema import ContextRule


@dataclass
class Cue:
    rule: ContextRule
    start: int  # token offsets in the doc
    end: int
    text: str


@dataclass
class Located:
    """A finding and its token span, while the sentence is processed."""

    finding: Finding
    start: int
    end: int


def drop_pseudo(cues: list[Cue]) -> list[Cue]:
    pseudo = [c for c in cues if c.rule.modifier == "pseudo"]
    real = [c for c in cues if c.rule.modifier != "pseudo"]
    if not pseudo:
        return real
    return [c for c in real if not any(p.start <= c.start and c.end <= p.end for p in pseudo)]


def apply(found: list[Located], cues: list[Cue], terminators: list[int],
          sentence_lemmas: set[str]) -> None:
    cues = drop_pseudo(cues)
    for cue in cues:
        if cue.rule.requires_any and not (sentence_lemmas & set(cue.rule.requires_any)):
            continue
        for loc in found:
            if _reaches(cue, loc, terminators):
                hit = ModifierHit(modifier=cue.rule.modifier, rule_id=cue.rule.id, cue=cue.text)
                if not any(m.modifier == hit.modifier and m.rule_id == hit.rule_id
                           for m in loc.finding.modifiers):
                    loc.finding.modifiers.append(hit)


def _reaches(cue: Cue, loc: Located, terminators: list[int]) -> bool:
    direction, scope = cue.rule.direction, cue.rule.scope
    if cue.start < loc.end and loc.start < cue.end:
        # The cue overlaps the trigger ("no social protection"): it applies.
        return direction != "terminate"
    if cue.end <= loc.start and direction in ("forward", "bidirectional"):
        gap = (cue.end, loc.start)
        if loc.start - cue.end > scope:
            return False
    elif loc.end <= cue.start and direction in ("backward", "bidirectional"):
        gap = (loc.end, cue.start)
        if cue.start - loc.end > scope:
            return False
    else:
        return False
    return not any(gap[0] <= t < gap[1] for t in terminators)
