"""Score stage output: the `Report` of `alignment check`, the single source of every format.

`alignment schema check` prints this model's JSON Schema. Other tools read `coverage` (every
category id -> `strength`, `topics`, `evidence`) and `constituents`: keep those names stable.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .findings import Finding, Strength


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CategoryCoverage(_M):
    id: str
    label: str
    strength: Strength = Field(description="committed: an outcome, output, indicator or priority "
                               "carries it (not negated, not merely hedged or historical); "
                               "mentioned: only context, problem statements, hedged or historical; "
                               "absent: nowhere, or only where the plan says it does not cover it.")
    score: float = Field(description="Best finding score (element weight x modifier factors).")
    topics: list[str] = Field(description="Taxonomy topics found (any strength).")
    topics_committed: list[str] = Field(default_factory=list)
    topics_missing: list[str] = Field(default_factory=list, description="Topics of the objective "
                                      "not found anywhere.")
    evidence: list[Finding] = Field(description="The best pieces of evidence, strongest first.")
    findings: int = Field(description="Number of findings for the category.")
    pages: list[int] = Field(default_factory=list, description="Pages with evidence.")
    gap: str | None = Field(default=None, description="What is missing, in plain words.")


class ActorFinding(_M):
    actor: Literal["ministry", "employers", "workers", "social_partners", "civil_society"]
    status: Literal["named", "generic", "absent"]
    names: list[str] = Field(default_factory=list, description="Specific names found, as written.")
    roles: list[str] = Field(default_factory=list, description="preparation, implementation, "
                             "governance, signatory, beneficiary (from the sentences naming them).")
    mentions: int = 0
    evidence: list[dict] = Field(default_factory=list, description="Up to three sentences with page.")


class Constituents(_M):
    social_partners: Literal["named", "generic", "absent"] = Field(
        description="named: an employers' or workers' organization is named specifically; "
        "generic: only generic forms; absent: neither.")
    civil_society_only: bool = Field(description="Civil society is named but no social partner.")
    ministry: ActorFinding
    employers: ActorFinding
    workers: ActorFinding
    social_partners_generic: ActorFinding
    civil_society: ActorFinding
    beneficiary_only: bool = Field(description="The social partners appear only as beneficiaries "
                                   "(trained, targeted), never in preparation, implementation or governance.")
    flags: list[str] = Field(default_factory=list)


class CapdevMention(_M):
    constituents: list[str]
    levels: list[str]
    kinds: list[str]
    sentence: str
    page: int
    strength: Strength


class Capdev(_M):
    strength: Strength
    constituents: list[str] = Field(description="Whose capacity: ministry, inspectorate, employment "
                                    "services, social security, employers, workers, tripartite bodies.")
    levels: list[str] = Field(description="individual, organizational, enabling_environment.")
    kinds: list[str] = Field(description="technical, functional.")
    mentions: list[CapdevMention]


class StandardCited(_M):
    id: str = Field(description="Normalised: C087, P029, R204, MLC.")
    title: str | None
    cls: str = Field(description="fundamental, governance or technical.")
    count: int
    pages: list[int]
    committed: bool = Field(description="Cited in an outcome, output, indicator or results section.")
    example: str


class SdgTarget(_M):
    id: str = Field(description="SDG-8 or SDG-8.5.")
    via: list[str] = Field(description="'cited' (named in the text), 'phrase' (the target's own "
                           "words), or 'topic:SO3.SS' (a decent-work topic that carries it).")
    pages: list[int]


class DocumentSummary(_M):
    path: str
    name: str
    sha256: str
    type: str
    type_reasons: list[str]
    language: str
    pages: int
    words: int
    title: str | None
    warnings: list[str]
    counts: dict[str, int] = Field(description="Structural elements by kind.")


class Agreement(_M):
    """The tool against a country team's own tags, item by item (sub-outputs)."""

    items: int
    both: int
    tool_only: int
    team_only: int
    neither: int
    precision_vs_team: float | None = Field(description="both / tool: a loose signal, the tags are no gold.")
    recall_vs_team: float | None = Field(description="both / team.")
    kappa: float | None = Field(description="Cohen's kappa of tool and team.")


class PlanView(_M):
    """A plan read from a UN INFO export: the country team's own tags beside the tool's findings."""

    region: str | None
    country: str
    plan: str
    sub_outputs: int
    rows: int
    merged: int = Field(description="Rows merged as a sub-output ID already read from another export.")
    themes: list[str]
    years: list[int] = Field(description="Years with a progress narrative.")
    ilo_contributes: bool = Field(description="The ILO is a contributing UN entity of a sub-output.")
    ilo_sub_outputs: int
    team_sdg_targets: dict[str, int] = Field(description="SDG target -> sub-outputs the team tagged with it.")
    team_gender_markers: dict[str, int] = Field(description="Gender marker (0-3) -> sub-outputs.")
    team_human_rights_markers: dict[str, int]
    sdg8: Agreement = Field(description="Tool's SDG 8 (a target or a topic mapped to one) vs the team's 8.x tags.")
    gender: Agreement = Field(description="Tool's CC-GEN vs the team's gender marker 2 or 3.")


class Report(_M):
    tool: str = "alignment"
    version: str
    pack: str
    document: DocumentSummary
    coverage: dict[str, CategoryCoverage]
    objectives_committed: int
    objectives_mentioned: int = Field(description="Objectives committed or mentioned.")
    constituents: Constituents
    capdev: Capdev
    standards: list[StandardCited]
    sdg: list[SdgTarget]
    gaps: list[str]
    plan: PlanView | None = Field(default=None, description="Plans read from a UN INFO export: the "
                                  "country team's SDG targets and markers beside the tool's findings.")
    findings: list[Finding]
