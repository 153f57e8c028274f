"""Score stage output of `compare`: the `Comparison` of a DWCP with a Cooperation Framework.

The single source of every format of `alignment compare` (`--schema` prints its JSON Schema).
Other tools read `priorities` (each with `title`, `number`, `verdict`, `topics`, `topics_kept`,
`topics_lost`, `evidence`, `outcomes`, `framework_elements`, `ilo_contributes`,
`social_partners_named`, `reasons`), `framework_only`, `summary` and `counts`: keep those names
stable.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Verdict = Literal["full", "partial", "none"]
Level = Literal["outcome", "output", "suboutput", "indicator", "situation_analysis", "narrative", "absent"]


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Quote(_M):
    """A sentence of one of the two documents, with where it stands."""

    page: int
    quote: str = Field(description="The sentence, as normalised (at most 400 characters).")
    element: str | None = Field(default=None, description="'outcome 2.1', 'output 1.1.2', "
                                "'indicator', or None for narrative.")
    section: str | None = Field(default=None, description="Heading of the section holding it.")
    rule_id: str | None = Field(default=None, description="The rule that found the topic there.")


class TopicEvidence(_M):
    """One topic of a DWCP unit and where the framework carries it, if anywhere."""

    topic: str = Field(description="Taxonomy topic id, e.g. SO3.OSH.")
    label: str
    kept: bool = Field(description="A committed finding of the topic stands in the framework's "
                       "results chain (outcome, output or indicator).")
    level: Level = Field(description="Where the framework has it at best: outcome, output, "
                         "indicator; or, when lost, situation_analysis (context only), narrative "
                         "(other text, hedged or historical statements) or absent.")
    dwcp: Quote = Field(description="The strongest DWCP evidence of the topic in the unit.")
    framework: Quote | None = Field(default=None, description="The strongest framework evidence "
                                    "(results chain when kept, else context or narrative).")
    framework_outcome: str | None = Field(default=None, description="Number of the framework "
                                          "outcome whose results chain carries it.")
    also: list[int] = Field(default_factory=list, description="When lost: pages where the framework "
                            "also has it outside the results chain (narrative, hedged or historical).")


class Carrier(_M):
    """A framework outcome that carries a DWCP priority or outcome."""

    number: str | None = Field(description="Framework outcome number; None for results-chain "
                               "elements attached to no outcome.")
    text: str
    page: int
    score: float = Field(description="Match score (see rules/common/scoring.yaml `compare`).")
    topics_shared: list[str]
    elements: list[str] = Field(description="The outcome, outputs and indicators that carry the "
                                "shared topics ('outcome 2.1', 'output 2.1.3', 'indicator p. 12').")
    level: Level = Field(description="Highest level carrying a shared topic.")
    agencies: list[str] = Field(description="Contributing UN entities of the framework outcome.")
    ilo: bool = Field(description="The ILO is among the contributing UN entities.")
    social_partners: Literal["named", "generic", "absent"] = Field(
        description="Social partners in the outcome's block (statement, outputs, partners lines): "
        "named (a specific organization), generic, absent.")
    reasons: list[str]


class OutcomeComparison(_M):
    number: str | None
    code: str | None = Field(default=None, description="Country programme outcome code, e.g. 'KND 201'.")
    text: str
    page: int
    verdict: Verdict
    topics: list[str]
    topics_kept: list[str]
    topics_lost: list[str]
    evidence: list[TopicEvidence]
    framework_elements: list[Carrier]
    reasons: list[str]


class PriorityComparison(_M):
    number: str | None
    title: str
    page: int
    verdict: Verdict = Field(description="full: every topic of the priority is in the framework's "
                             "results chain; partial: some; none: none.")
    topics: list[str] = Field(description="The priority's own taxonomy topics (statement, outcomes, "
                              "outputs, indicators, narrative).")
    topics_kept: list[str]
    topics_lost: list[str]
    lost_only_in_situation_analysis: list[str] = Field(default_factory=list, description="Lost topics "
                                                       "the framework has only in its situation analysis.")
    evidence: list[TopicEvidence] = Field(description="One entry per topic: DWCP and framework quotes.")
    outcomes: list[OutcomeComparison]
    framework_elements: list[Carrier] = Field(description="Framework outcomes carrying the priority, best first.")
    ilo_contributes: bool | None = Field(description="The ILO is a contributing entity of a framework "
                                         "outcome carrying the priority; None when nothing carries it.")
    social_partners_named: bool | None = Field(description="Employers' or workers' organizations "
                                               "(named or generic) appear in a carrying framework "
                                               "outcome's block; None when nothing carries it.")
    reasons: list[str]


class FrameworkOutcome(_M):
    number: str | None
    text: str
    page: int
    topics: list[str] = Field(description="The outcome's own decent-work topics.")
    agencies: list[str]
    ilo: bool
    decent_work: bool = Field(description="A topic is in its statement or in enough of its elements.")
    covered_by: list[str] = Field(default_factory=list, description="DWCP priorities it carries.")
    reasons: list[str] = Field(default_factory=list)


class FrameworkOnlyTopic(_M):
    """A decent-work topic the framework's results chain carries and no DWCP priority has (a
    child-labour output under an employment outcome, say)."""

    topic: str
    label: str
    outcome: str | None = Field(description="The framework outcome whose results chain carries it.")
    elements: list[str] = Field(description="The framework elements that carry it ('output 1.3').")
    quote: Quote


class Cell(_M):
    """One cell of the matrix: a DWCP priority x a framework outcome."""

    priority: str | None
    outcome: str | None
    topics_shared: list[str] = Field(description="Topics of the priority that the outcome's results chain carries.")
    score: float = Field(description="Match score (see rules/common/scoring.yaml `compare`).")
    match: bool = Field(description="The outcome carries the priority: score at or above the threshold "
                        "and a shared topic that is not one of the broad topics.")


class DocumentRef(_M):
    path: str
    name: str
    type: str
    language: str
    pages: int
    title: str | None
    pack: str
    social_partners: Literal["named", "generic", "absent"]
    committed: list[str] = Field(description="Objectives and drivers committed in the document.")


class Comparison(_M):
    tool: str = "alignment"
    version: str
    dwcp: DocumentRef
    framework: DocumentRef
    settings: dict[str, int | float | list[str]] = Field(description="The compare settings used.")
    priorities: list[PriorityComparison]
    framework_only: list[FrameworkOutcome] = Field(description="Framework decent-work outcomes no "
                                                   "DWCP priority covers.")
    framework_only_topics: list[FrameworkOnlyTopic] = Field(
        default_factory=list, description="Decent-work topics of the framework's results chain (outcomes, "
        "outputs, indicators) that no DWCP priority has, wherever they stand.")
    framework_outcomes: list[FrameworkOutcome] = Field(description="Every framework outcome (matrix columns).")
    matrix: list[Cell]
    categories_lost: list[str] = Field(description="Objectives and drivers committed in the DWCP but "
                                       "not in the framework.")
    counts: dict[str, int]
    summary: str = Field(description="One paragraph to paste into an email.")
    warnings: list[str] = Field(default_factory=list)
