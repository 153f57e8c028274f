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

    @classmethod
    def trusted(cls, rule_id: str, pack: str, kind: str, category: str, topic: str | None,
                trigger: str, also: list[str], paragraph: int, start: int, end: int,
                sentence: str, page: int, section: str | None, section_category: str | None,
                element: str | None, element_number: str | None) -> "Finding":
        """A finding from values already right (the match stage makes them), without
        validation: the same object as `Finding(...)` with these fields gives, in a fraction of
        the time (3.3 MB of real text makes ~31,000 findings)."""
        if cls.__pydantic_post_init__ or cls is not Finding:  # pragma: no cover - a subclass
            return cls(rule_id=rule_id, pack=pack, kind=kind, category=category, topic=topic,
                       trigger=trigger, also=also, paragraph=paragraph, start=start, end=end,
                       sentence=sentence, page=page, section=section,
                       section_category=section_category, element=element,
                       element_number=element_number)
        m = cls.__new__(cls)
        object.__setattr__(m, "__dict__", {
            "rule_id": rule_id, "pack": pack, "kind": kind, "category": category, "topic": topic,
            "trigger": trigger, "also": list(also), "paragraph": paragraph, "start": start,
            "end": end, "sentence": sentence, "page": page, "section": section,
            "section_category": section_category, "element": element,
            "element_number": element_number, "modifiers": [], "score": 0.0,
            "strength": "mentioned"})
        object.__setattr__(m, "__pydantic_fields_set__", set(_GIVEN))
        object.__setattr__(m, "__pydantic_extra__", None)
        object.__setattr__(m, "__pydantic_private__", None)
        return m


_GIVEN = ("rule_id", "pack", "kind", "category", "topic", "trigger", "also", "paragraph", "start",
          "end", "sentence", "page", "section", "section_category", "element", "element_number")
