"""Context stage: findings -> findings with modifiers (ConText-style, after medspaCy).

Input: for each sentence of a paragraph, its findings (token spans), the context cues found in
it (each a `ContextRule` with a direction and a scope in tokens), pseudo cues and terminator
positions. Output: each finding's `modifiers`, every one with its cue words and rule id.

- `scope`: which findings a cue reaches: forward cues reach findings after them, backward cues
  findings before them, bidirectional both; a terminator ("but", "however", ";") between cue
  and finding stops it; a cue inside a pseudo cue ("not only", "no doubt") is not a cue;
  `requires_any` makes a cue count only when the sentence has a plan-level subject, so "the
  programme does not address X" negates while "there is no X" is a problem statement.
- `paragraph`: the cues of each sentence applied to that sentence's findings, and the
  `source` modifier of findings in means-of-verification text.

Modifiers never delete a finding: scoring down-weights it. The cues themselves are found by
the match stage's matchers (`match.paragraph`), which hands them over grouped by sentence.
"""

from .paragraph import annotate, mark_sources
from .scope import Cue, Located, apply, drop_pseudo

__all__ = ["Cue", "Located", "annotate", "apply", "drop_pseudo", "mark_sources"]
