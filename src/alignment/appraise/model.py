"""Appraisal stage output: the `Appraisal` of `alignment appraise`, the single source of every format.

`alignment appraise --schema` prints this model's JSON Schema. Other tools read `criteria`
(each with `id`, `verdict`, `evidence`, `suggestion`), `gender_marker` (`un_gem`, `oecd_dac`)
and `overall`: keep those names stable.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..results import DocumentSummary

CRITERIA = ("alignment", "tripartism", "standards", "gender", "capacity", "itcilo", "rbm", "monitoring",
            "risks", "sustainability", "environment")
CriterionId = Literal["alignment", "tripartism", "standards", "gender", "capacity", "itcilo", "rbm",
                      "monitoring", "risks", "sustainability", "environment"]
Verdict = Literal["pass", "weak", "absent"]
Overall = Literal["ready", "revise", "major_gaps"]


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Quote(_M):
    """A piece of evidence: the sentence as written, where it stands, and what it showed."""

    check: str = Field(description="The check it supports (e.g. sp_governance).")
    text: str = Field(description="The sentence (or heading, or indicator), as written.")
    page: int
    section: str | None = None
    status: Literal["found", "hedged", "negated", "historical"] = Field(
        default="found", description="found; hedged ('could', 'subject to funding'); negated (the "
        "document says it is not done); historical (about a previous project).")
    cue: str | None = Field(default=None, description="The words that matched, as written.")
    rule_id: str | None = Field(default=None, description="The cue or rule that matched.")


class CheckResult(_M):
    id: str
    label: str
    score: float = Field(ge=0, le=1, description="1 met, a partial credit, or 0.")
    weight: float
    applicable: bool = Field(default=True, description="False when the check cannot apply (e.g. "
                             "dwcp_match without --dwcp); it is then left out of the score.")
    detail: str | None = Field(default=None, description="What was found, in plain words.")


class Criterion(_M):
    id: CriterionId
    label: str
    verdict: Verdict
    score: float = Field(ge=0, le=1, description="Weighted score of the applicable checks.")
    evidence: list[Quote] = Field(description="Quoted evidence with page, strongest first.")
    suggestion: str | None = Field(description="What to change, most important first; null when "
                                   "the criterion passes and nothing is missing.")
    checks: list[CheckResult]
    flags: list[str] = Field(default_factory=list, description="Specific problems found "
                             "(e.g. an outcome written as an activity).")


class MarkerItem(_M):
    id: str
    label: str
    met: bool
    evidence: list[Quote] = Field(default_factory=list)


class GenderMarker(_M):
    un_gem: int = Field(ge=0, le=3, description="Suggested UN Gender Equality Marker: 0 no "
                        "contribution, 1 limited, 2 significant, 3 principal objective.")
    oecd_dac: int = Field(ge=0, le=2, description="Suggested OECD-DAC gender marker: 0 not "
                          "targeted, 1 significant, 2 principal.")
    checklist: list[MarkerItem] = Field(description="The items that produced the markers.")
    rationale: str
    declared: str | None = Field(default=None, description="A marker the document declares itself, as written.")


class IndicatorRow(_M):
    number: str | None
    text: str
    page: int
    outcome: str | None = Field(description="Number of the outcome it measures ('DO' for the "
                                "development objective), or null when it is not linked.")
    baseline: str | None
    target: str | None
    means_of_verification: str | None
    complete: bool = Field(description="Baseline and target with value and year, and a means of verification.")
    problems: list[str] = Field(default_factory=list)


class OutcomeRow(_M):
    number: str | None
    text: str
    page: int
    indicators: int
    activity_like: bool = Field(description="Written as an activity ('Organize 10 workshops') rather than a result.")


class ResultsChain(_M):
    development_objective: str | None
    outcomes: list[OutcomeRow]
    outputs: int
    activities: int
    indicators: list[IndicatorRow]


class DwcpLink(_M):
    path: str
    name: str
    codes: list[str] = Field(description="Country programme outcome codes of the DWCP.")
    matched_codes: list[str] = Field(description="Codes cited by the proposal that are outcomes of the DWCP.")
    unknown_codes: list[str] = Field(description="Codes cited by the proposal that the DWCP does not have.")
    shared_topics: list[str] = Field(description="Taxonomy topics committed in both documents.")


class Appraisal(_M):
    tool: str = "alignment"
    version: str
    pack: str
    document: DocumentSummary
    dwcp: DwcpLink | None = None
    criteria: list[Criterion]
    gender_marker: GenderMarker
    overall: Overall = Field(description="ready: can go ahead; revise: fixable gaps; major_gaps: "
                             "needs redesign on several criteria.")
    overall_score: float = Field(ge=0, le=1, description="Weighted share of verdict points.")
    top_fixes: list[str] = Field(description="The most important fixes, most important first.")
    results_chain: ResultsChain
    warnings: list[str] = Field(default_factory=list)

    def criterion(self, cid: str) -> Criterion:
        return next(c for c in self.criteria if c.id == cid)


class AppraisalRow(_M):
    """One proposal of a folder appraisal (one XLSX row); never dropped: errors become rows."""

    path: str
    status: Literal["ok", "error"]
    reason: str | None = None
    type: str | None = None
    language: str | None = None
    title: str | None = None
    verdicts: dict[str, Verdict] = Field(default_factory=dict)
    un_gem: int | None = None
    oecd_dac: int | None = None
    overall: Overall | None = None
    overall_score: float | None = None
    top_fixes: list[str] = Field(default_factory=list)


@dataclass
class AppraisalTable:
    """A folder appraisal (or one proposal as a one-row table): its rows in path order, each
    with the file's `Appraisal` (None for an error row). Rendered as XLSX, JSON or text."""

    rows: list[tuple[AppraisalRow, Appraisal | None]]
