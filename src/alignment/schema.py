"""The rule-pack schema: one pydantic model family for every YAML file under `rules/`.

Input: the parsed YAML of one rule file. Output: validated models the engine builds its
matchers from, so the file format and the code cannot drift. Unknown keys are errors
(`extra="forbid"`); `packs.load_pack` collects every problem of a pack in one pass.

A pack directory holds any number of YAML files; each file may carry any of the top-level
sections of `RuleFile`. The default packs are `rules/common` (language-free: taxonomy,
instruments, scoring) plus `rules/<lang>` (phrases, context cues, structure cues).
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Modifier = Literal["negated", "hedged", "historical", "hypothetical", "problem", "pseudo", "source"]
Direction = Literal["forward", "backward", "bidirectional", "terminate"]

_CATEGORY = re.compile(r"^(SO[1-4]|CC-(ILS|SD|GEN|ENV)|CAPDEV|SDG-\d{1,2})$")
_TOPIC = re.compile(r"^(SO[1-4]\.[A-Z]+|SDG-\d{1,2}(\.[0-9a-z]{1,2})?|CC-[A-Z]+\.[A-Z]+|CAPDEV\.[A-Z]+)$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _check_regex(value: str) -> str:
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"bad regular expression {value!r}: {exc}") from None
    return value


class PackMeta(_Strict):
    name: str = Field(description="Pack name, e.g. 'core-en'.")
    version: str = Field(description="Pack version; cached batch results are keyed on it.")
    language: str | None = Field(default=None, description="en, fr, es; None for language-free packs.")
    period: str = Field(description="ILO programme period whose drivers the pack encodes, e.g. '2024-25'.")
    description: str = ""


class MatchRule(_Strict):
    """A rule that finds evidence of a category (and topic) in a sentence."""

    id: str = Field(description="Stable, author-written rule id.")
    category: str = Field(description="SO1..SO4, CC-ILS, CC-SD, CC-GEN, CC-ENV, CAPDEV or SDG-n.")
    topic: str | None = Field(default=None, description="Taxonomy topic, e.g. SO3.OSH or SDG-8.5.")
    phrases: list[str] = Field(default_factory=list, description="Literal terms, matched on lower "
                               "case and on lemmas; British/American variants are added.")
    pattern: list[list[dict]] | None = Field(default=None, description="spaCy Matcher token "
                                              "patterns; run only on sentences where `anchors` match.")
    anchors: list[str] = Field(default_factory=list, description="Phrases that must occur in the "
                               "sentence before token patterns or fuzzy names are tried.")
    regex: str | None = Field(default=None, description="Regular expression on the original text.")
    fuzzy: list[str] = Field(default_factory=list, description="Long names matched approximately "
                             "(rapidfuzz) in sentences containing an anchor.")
    fuzzy_threshold: float = Field(default=90, ge=50, le=100)
    with_any: list[str] = Field(default_factory=list, description="Co-occurrence: another phrase "
                                "that must occur in the same sentence within `window` tokens.")
    window: int = Field(default=12, ge=1, le=80)
    unless: list[str] = Field(default_factory=list, description="Pseudo-triggers: when the match "
                              "lies inside one of these phrases it is not evidence.")
    weight: float = Field(default=1.0, ge=0, le=2)
    case_sensitive: bool = Field(default=False, description="Regex only: match case as written.")
    note: str = ""

    @field_validator("category")
    @classmethod
    def _category(cls, v: str) -> str:
        if not _CATEGORY.match(v):
            raise ValueError(f"unknown category {v!r}")
        return v

    @field_validator("topic")
    @classmethod
    def _topic(cls, v: str | None) -> str | None:
        if v is not None and not _TOPIC.match(v):
            raise ValueError(f"malformed topic id {v!r}")
        return v

    @field_validator("regex")
    @classmethod
    def _regex(cls, v: str | None) -> str | None:
        return _check_regex(v) if v else v

    @model_validator(mode="after")
    def _one_kind(self) -> "MatchRule":
        kinds = [bool(self.phrases), self.pattern is not None, self.regex is not None, bool(self.fuzzy)]
        if sum(kinds) != 1:
            raise ValueError("a rule needs exactly one of phrases, pattern, regex or fuzzy")
        if (self.pattern is not None or self.fuzzy) and not self.anchors:
            raise ValueError("pattern and fuzzy rules need anchors (keeps them cheap)")
        if self.topic and not (self.topic.startswith(self.category + ".")
                               or self.topic.startswith(self.category.split("-")[0] + "-")):
            raise ValueError(f"topic {self.topic} is not under category {self.category}")
        return self


class ContextRule(_Strict):
    """A ConText cue: it modifies the findings within its scope in the sentence."""

    id: str
    modifier: Modifier
    phrases: list[str] = Field(default_factory=list)
    regex: str | None = None
    direction: Direction = "bidirectional"
    scope: int = Field(default=12, ge=1, le=200, description="Tokens the cue reaches.")
    requires_any: list[str] = Field(default_factory=list, description="The cue counts only when "
                                    "one of these words (lemmas) is in the sentence, e.g. a "
                                    "plan-level subject ('programme', 'framework', 'project').")
    note: str = ""

    @field_validator("regex")
    @classmethod
    def _regex(cls, v: str | None) -> str | None:
        return _check_regex(v) if v else v

    @model_validator(mode="after")
    def _has_trigger(self) -> "ContextRule":
        if not self.phrases and not self.regex:
            raise ValueError("a context rule needs phrases or a regex")
        return self


class SectionRule(_Strict):
    id: str
    category: str
    patterns: list[str]

    @field_validator("patterns")
    @classmethod
    def _patterns(cls, v: list[str]) -> list[str]:
        return [_check_regex(p) for p in v]


class ElementRule(_Strict):
    id: str
    kind: Literal["priority", "outcome", "output", "indicator", "activity", "cpo"]
    regex: str
    counts_as_priority: bool = True

    @field_validator("regex")
    @classmethod
    def _regex(cls, v: str) -> str:
        _check_regex(v)
        if "(?P<text>" not in v:
            raise ValueError("an element regex needs a (?P<text>...) group")
        return v


class HeadingForms(_Strict):
    numbered: str
    roman: str
    lettered: str
    parenthesised: str
    annex: str
    max_words: int = 16


class DocTypeCue(_Strict):
    id: str
    weight: float
    regex: str
    title_only: bool = False


class DocTypeRules(_Strict):
    title_weight: float = 4
    cues: dict[Literal["unsdcf", "dwcp", "cca", "proposal"], list[DocTypeCue]]


class ActorRule(_Strict):
    """A tripartite constituent (or civil society) and how it is named."""

    id: str
    actor: Literal["ministry", "employers", "workers", "social_partners", "civil_society"]
    generic: list[str] = Field(default_factory=list, description="Generic names (phrases).")
    named: list[str] = Field(default_factory=list, description="Regexes for specific named "
                             "organizations (case-sensitive, on the original text).")
    unless: list[str] = Field(default_factory=list)


class RoleRule(_Strict):
    id: str
    role: Literal["preparation", "implementation", "governance", "signatory", "beneficiary"]
    phrases: list[str]


class Constituents(_Strict):
    actors: list[ActorRule]
    roles: list[RoleRule]


class CapdevRules(_Strict):
    levels: dict[Literal["individual", "organizational", "enabling_environment"], list[str]]
    kinds: dict[Literal["technical", "functional"], list[str]]


class Instrument(_Strict):
    id: str = Field(description="Normalised id: C087, P029, R204.")
    title: str
    short: list[str] = Field(default_factory=list, description="Short names used in prose.")
    cls: Literal["fundamental", "governance", "technical"] = Field(alias="class", default="technical")
    topic: str | None = None
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class TopicDef(_Strict):
    id: str
    label: str
    sdg: list[str] = Field(default_factory=list, description="SDG targets the topic carries.")


class CategoryDef(_Strict):
    id: str
    label: str
    kind: Literal["objective", "driver", "capdev", "sdg"]
    topics: list[TopicDef] = Field(default_factory=list)


class Scoring(_Strict):
    element_weights: dict[str, float] = Field(description="Weight of evidence by structural "
                                              "element kind; 'none' for narrative paragraphs.")
    section_weights: dict[str, float] = Field(description="Weight by section category, used "
                                              "when the paragraph is not an element.")
    modifier_factors: dict[Modifier, float]
    committed_threshold: float = Field(description="A category is committed when a finding's "
                                       "score reaches this.")
    mentioned_threshold: float
    commitment_blockers: list[Modifier] = Field(description="Modifiers that stop a finding from "
                                                "committing (it can still mention).")


class CompareSettings(_Strict):
    topic_weight: float
    text_weight: float
    sdg_weight: float
    match_threshold: float = Field(description="Score above which a framework element carries a DWCP element.")
    committed_kinds: list[str]


class RuleFile(_Strict):
    """Everything a rule file may contain. Each section is optional."""

    pack: PackMeta | None = None
    rules: list[MatchRule] = Field(default_factory=list)
    context: list[ContextRule] = Field(default_factory=list)
    terminators: list[str] = Field(default_factory=list, description="Words that end a context cue's scope.")
    sections: list[SectionRule] = Field(default_factory=list)
    headings: HeadingForms | None = None
    elements: list[ElementRule] = Field(default_factory=list)
    fields: dict[Literal["baseline", "target", "means_of_verification"], str] | None = None
    table_headers: dict[str, list[str]] | None = None
    missing_values: list[str] = Field(default_factory=list)
    agencies: str | None = None
    cpo: str | None = None
    cpo_stoplist: list[str] = Field(default_factory=list)
    doctype: DocTypeRules | None = None
    constituents: Constituents | None = None
    capdev: CapdevRules | None = None
    instruments: list[Instrument] = Field(default_factory=list)
    instrument_patterns: dict[str, list[str]] | None = Field(default=None, description="Citation "
                                                             "regexes by instrument kind (C, R, P).")
    taxonomy: list[CategoryDef] = Field(default_factory=list)
    scoring: Scoring | None = None
    compare: CompareSettings | None = None
