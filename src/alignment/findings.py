"""Match and context stages' output: `Finding` and `ModifierHit`.

A finding is one piece of evidence for one category (and topic) in one sentence: the rule that
fired, its trigger words and offsets, where it stands (paragraph, page, section, element), the
context modifiers with their cues, and, after scoring, its score and strength.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Strength = Literal["committed", "mentioned", "absent"]


class ModifierHit(BaseModel):
    model_config = ConfigDict(extra="forbid")

    modifier: str = Field(description="negated, hedged, historical, hypothetical or problem.")
    rule_id: str
    cue: str = Field(description="The cue words as written.")


class Finding(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rule_id: str
    pack: str = Field(description="Pack name and version that holds the rule.")
    kind: Literal["phrase", "pattern", "regex", "fuzzy", "derived"]
    category: str
    topic: str | None = None
    trigger: str = Field(description="The words that fired the rule, as written.")
    also: list[str] = Field(default_factory=list, description="Co-occurring words the rule required.")
    paragraph: int
    start: int = Field(description="Offset of the trigger in the paragraph text.")
    end: int
    sentence: str
    page: int
    section: str | None = None
    section_category: str | None = None
    element: str | None = Field(default=None, description="Kind of structural element holding "
                                "the sentence (outcome, output, indicator, ...), if any.")
    element_number: str | None = None
    modifiers: list[ModifierHit] = Field(default_factory=list)
    score: float = 0.0
    strength: Strength = "mentioned"

    @property
    def negated(self) -> bool:
        return any(m.modifier == "negated" for m in self.modifiers)

    def has(self, modifier: str) -> bool:
        return any(m.modifier == modifier for m in self.modifiers)
