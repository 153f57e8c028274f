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

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_core import PydanticCustomError

from . import regex_cache

Modifier = Literal["negated", "hedged", "historical", "hypothetical", "problem", "pseudo", "source"]
Direction = Literal["forward", "backward", "bidirectional", "terminate"]


def _is_category(v: str) -> bool:
    from . import taxonomy  # here, not at the top: taxonomy validates with this module's CategoryDef

    return bool(taxonomy.category_pattern().match(v))


def _is_topic(v: str) -> bool:
    from . import taxonomy

    return bool(taxonomy.topic_pattern().match(v))


def word_list(value):
    """A rule's word list as one list: YAML cannot join two anchored lists, so a list may hold
    lists, at any depth (`without_any: [*partner_vetoes, *company_words]`), read as their entries
    in order."""
    if isinstance(value, list) and any(isinstance(x, list) for x in value):
        return [y for x in value for y in (word_list(x) if isinstance(x, list) else [x])]
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _check_regex(value: str) -> str:
    try:
        regex_cache.compile(value)
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
    with_any_from: list[str] = Field(default_factory=list, description="Ids of rules whose `with_any` "
                                     "words this rule uses too (those of the merged pack): a word list "
                                     "kept in another file, which a YAML anchor cannot reach.")
    window: int = Field(default=12, ge=1, le=80)
    with_unless: list[str] = Field(default_factory=list, description="Phrases inside which a "
                                   "`with_any` word is no cue ('members' inside 'Member States', "
                                   "'miembros' inside 'Estados miembros').")
    with_previous_sentence: bool = Field(default=False, description="Co-occurrence may also be in "
                                         "the sentence before the trigger's, anywhere in it (a DWCP "
                                         "named in one sentence, the constituents' part in it in "
                                         "the next).")
    without_any: list[str] = Field(default_factory=list, description="Vetoes: the match is not "
                                   "evidence when one of these phrases occurs in the same sentence "
                                   "(e.g. civic words beside 'social dialogue').")
    in_names: bool = Field(default=False, description="Also evidence inside the name of an "
                           "institution (`names`): true for rules about the institution itself "
                           "(a ministry of labour), false for topics ('Ministry of Labour and "
                           "Social Protection' is no social protection content).")
    unless: list[str] = Field(default_factory=list, description="Pseudo-triggers: when the match "
                              "lies inside one of these phrases it is not evidence.")
    alongside: list[str] = Field(default_factory=list, description="Company: the match is "
                                 "evidence only when the same sentence also holds a finding of one "
                                 "of these categories (a driver such as social dialogue counts "
                                 "where it is part of something else, not as the subject itself).")
    weight: float = Field(default=1.0, ge=0, le=2)
    case_sensitive: bool = Field(default=False, description="Regex only: match case as written.")
    note: str = ""

    @field_validator("phrases", "anchors", "fuzzy", "with_any", "with_unless", "without_any", "unless", mode="before")
    @classmethod
    def _joined(cls, v):
        return word_list(v)

    @field_validator("category")
    @classmethod
    def _category(cls, v: str) -> str:
        if not _is_category(v):
            raise ValueError(f"unknown category {v!r}")
        return v

    @field_validator("alongside")
    @classmethod
    def _alongside(cls, v: list[str]) -> list[str]:
        bad = [c for c in v if not _is_category(c)]
        if bad:
            raise ValueError(f"unknown categories in alongside: {bad}")
        return v

    @field_validator("topic")
    @classmethod
    def _topic(cls, v: str | None) -> str | None:
        if v is not None and not _is_topic(v):
            raise ValueError(f"malformed topic id {v!r}")
        return v

    @field_validator("regex")
    @classmethod
    def _regex(cls, v: str | None) -> str | None:
        return _check_regex(v) if v else v

    @model_validator(mode="wrap")
    @classmethod
    def _every_problem(cls, data, handler):
        """The checks across fields run even when a field is bad, so that every problem of a
        rule is reported in one pass (a bad category does not hide a bad topic)."""
        try:
            rule, errors = handler(data), []
        except ValidationError as exc:
            rule, errors = None, [_line_error(e) for e in exc.errors()]
        errors += [{"type": PydanticCustomError("rule", "{msg}", {"msg": msg}), "loc": loc, "input": data}
                   for loc, msg in _cross_field(data if isinstance(data, dict) else {})]
        if errors:
            raise ValidationError.from_exception_data(cls.__name__, errors)
        return rule


def _line_error(err: dict) -> dict:
    """A pydantic error as the details `ValidationError.from_exception_data` takes again."""
    out = {"type": err["type"], "loc": err["loc"], "input": err.get("input")}
    if "ctx" in err:
        out["ctx"] = err["ctx"]
    return out


def _cross_field(raw: dict) -> list[tuple[tuple, str]]:
    """A match rule's problems that involve more than one field, read from the raw mapping."""
    problems = []
    kinds = [bool(raw.get("phrases")), raw.get("pattern") is not None, raw.get("regex") is not None,
             bool(raw.get("fuzzy"))]
    if sum(kinds) != 1:
        problems.append(((), "a rule needs exactly one of phrases, pattern, regex or fuzzy"))
    if (raw.get("pattern") is not None or raw.get("fuzzy")) and not raw.get("anchors"):
        problems.append((("anchors",), "pattern and fuzzy rules need anchors (keeps them cheap)"))
    category, topic = raw.get("category"), raw.get("topic")
    if (isinstance(category, str) and _is_category(category) and isinstance(topic, str)
            and _is_topic(topic) and not (topic.startswith(category + ".")
                                             or topic.startswith(category.split("-")[0] + "-"))):
        problems.append((("topic",), f"topic {topic} is not under category {category}"))
    return problems


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
    kind: Literal["priority", "outcome", "output", "suboutput", "indicator", "activity", "cpo"]
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


Whose = Literal["ministry", "labour inspectorate", "employment services", "social security institutions",
                "statistics office", "employers' organizations", "workers' organizations", "tripartite bodies",
                "constituents", "labour courts and mediation"]


class CapdevRules(_Strict):
    levels: dict[Literal["individual", "organizational", "enabling_environment"], list[str]]
    kinds: dict[Literal["technical", "functional"], list[str]]
    whose: dict[Whose, list[str]] = Field(description="Whose capacity a capacity-development "
                                          "sentence is about: constituent -> words of the pack's "
                                          "language, found anywhere in the lower-cased sentence "
                                          "('inspect' finds inspectors and inspection); listed "
                                          "in this order in each mention.")


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
    """How `alignment compare` matches a DWCP with a Cooperation Framework (rules/common/scoring.yaml)."""

    topic_weight: float = Field(ge=0, description="Weight of the shared taxonomy topics in a match score.")
    text_weight: float = Field(ge=0, description="Weight of the rapidfuzz similarity of the statements "
                               "(dropped, and the other weights rescaled, when the languages differ).")
    sdg_weight: float = Field(ge=0, description="Weight of the shared SDG targets (Jaccard).")
    match_threshold: float = Field(description="Score from which a framework outcome carries a DWCP "
                                   "priority or outcome (it must also share a topic).")
    committed_kinds: list[str] = Field(description="Framework element kinds whose committed findings "
                                       "keep a topic: the framework's results chain.")
    core_share: float = Field(default=0.5, ge=0, le=1, description="A topic is one of a unit's own "
                              "topics when its evidence weight reaches this share of the unit's "
                              "strongest topic (drops incidental mentions).")
    min_elements: int = Field(default=2, ge=1, description="A framework outcome is a decent-work "
                              "outcome when a topic is in its statement or in this many of its elements.")
    narrative_factor: float = Field(default=0.5, ge=0, le=1, description="Factor on the weight of "
                                    "narrative paragraphs under a DWCP priority (not elements).")
    narrative_reach: int = Field(default=4, ge=0, description="Paragraphs after one of a unit's "
                                 "elements that still belong to it (partners line, baseline and target lines).")
    weak_topics: list[str] = Field(default_factory=list, description="Topics so broad that sharing "
                                   "only them does not make a match, nor does holding their words make "
                                   "a topic one of a unit's own (they still count for verdicts).")


class CompareCues(_Strict):
    """Language-specific cues for `alignment compare` (rules/<lang>/compare.yaml)."""

    outcome_reference: str = Field(description="Regex finding a reference to an outcome in a label "
                                   "above indicator rows ('Indicators for Outcome 1.1', 'Outcome 2 "
                                   "indicators', 'Indicators for KND 101'): group `number` or `code`.")
    ilo: list[str] = Field(default_factory=lambda: ["ILO"], description="Names of the ILO among "
                           "contributing UN entities (ILO, OIT, International Labour Organization).")

    @field_validator("outcome_reference")
    @classmethod
    def _regex(cls, v: str) -> str:
        return _check_regex(v)


CriterionId = Literal["alignment", "tripartism", "standards", "gender", "capacity", "itcilo", "rbm",
                      "monitoring", "risks", "sustainability", "environment"]
CueKind = Literal[
    # modifiers of any cue found in the same sentence
    "negation", "hedge", "historical",
    # alignment
    "dwcp_named", "pb_mention", "pb_number", "national_plan", "cooperation_framework", "sdg_mention", "sdg_target",
    # tripartism (a cue counts where the social partners are named, unless it is `self_sufficient`)
    "sp_name", "sp_design", "sp_consulted", "sp_governance", "sp_implementation",
    # standards
    "ils_general", "ils_supervision",
    # gender
    "gender_analysis", "sex_disaggregated", "gender_specific", "gender_strip", "gender_budget",
    "other_grounds", "gender_mention", "gender_principal", "gender_declared",
    # capacity, ITC-ILO
    "capacity_any", "itc",
    # results-based management
    "activity_verb", "unmeasurable", "measurable", "indicator_label", "do_label", "outcome_heading", "do_heading",
    # monitoring, risks, sustainability
    "me_section", "me_plan", "evaluation", "reporting", "baseline_survey", "risk_section", "risk_statement", "risk_item", "mitigation",
    "assumption", "sust_section", "sust_statement", "exit", "institutional",
    # environment: a section of the proposal's own on it
    "env_section"]


class AppraisalCheck(_Strict):
    """One item of an appraisal criterion's checklist; the code computes it, the file weighs it."""

    id: str = Field(description="Stable check id, known to the appraisal code (e.g. dwcp_outcome).")
    label: str = Field(description="What the check looks for, in plain words (shown in reports).")
    weight: float = Field(ge=0, description="Weight of the check in the criterion score.")
    pass_min: float = Field(default=1.0, ge=0, le=1, description="Score the check must reach when the "
                            "criterion lists it in pass_requires or pass_requires_any.")
    partial: float = Field(default=0.5, ge=0, le=1, description="Credit for a partial finding (hedged, "
                           "only mentioned, only the goal and not the target, ...).")
    suggestion: str = Field(default="", description="What to add when the check is not met; may use "
                            "the placeholders the code documents for the check (e.g. {outcomes}).")


class AppraisalCriterion(_Strict):
    id: CriterionId
    label: str
    weight: float = Field(ge=0, description="Weight of the criterion in the overall verdict.")
    checks: list[AppraisalCheck]
    pass_score: float = Field(ge=0, le=1, description="Weighted score (0-1) needed for pass.")
    weak_score: float = Field(default=0.0, ge=0, le=1, description="Weighted score above which the "
                              "criterion is weak rather than absent.")
    pass_requires: list[str] = Field(default_factory=list, description="Checks that must all reach "
                                     "their pass_min for pass (ignored when not applicable).")
    pass_requires_any: list[str] = Field(default_factory=list, description="At least one of these "
                                         "must reach its pass_min for pass.")
    weak_requires_any: list[str] = Field(default_factory=list, description="Without any of these the "
                                         "criterion is absent whatever its score.")

    @model_validator(mode="after")
    def _known_checks(self) -> "AppraisalCriterion":
        ids = {c.id for c in self.checks}
        unknown = [c for c in self.pass_requires + self.pass_requires_any + self.weak_requires_any if c not in ids]
        if unknown:
            raise ValueError(f"criterion {self.id}: unknown check(s) {', '.join(unknown)}")
        return self


class AppraisalOverall(_Strict):
    points: dict[Literal["pass", "weak", "absent"], float] = Field(description="Points of each verdict.")
    ready_min: float = Field(ge=0, le=1, description="Weighted share of points needed for ready.")
    revise_min: float = Field(ge=0, le=1, description="Below this share the verdict is major_gaps.")
    major_if_absent: list[CriterionId] = Field(default_factory=list, description="Criteria whose "
                                               "absence alone makes the verdict major_gaps.")
    not_ready_if: list[CriterionId] = Field(default_factory=list, description="Criteria that must "
                                            "pass for the verdict to be ready.")
    top_fixes: int = Field(default=5, ge=1, le=20)


class GemLevel(_Strict):
    level: int = Field(ge=0, le=3)
    requires: list[str] = Field(default_factory=list)
    requires_any: list[str] = Field(default_factory=list)


class GenderMarkerRules(_Strict):
    checklist: list[AppraisalCheck] = Field(description="The items that decide the marker (ids of "
                                            "gender checks); weight is not used.")
    un_gem: list[GemLevel] = Field(description="UN Gender Equality Marker levels, tried from the first.")
    oecd_dac: dict[int, int] = Field(description="OECD-DAC marker for each UN GEM level.")


class PbOutcome(_Strict):
    number: int = Field(ge=1, le=20)
    label: str
    topics: list[str] = Field(description="Taxonomy topics or categories the outcome carries.")


class AppraisalRules(_Strict):
    """Language-free appraisal checklist: criteria, weights, thresholds, markers, P&B outcomes."""

    period: str = Field(description="Programme-and-budget period of the outcome list, e.g. '2024-25'.")
    criteria: list[AppraisalCriterion]
    overall: AppraisalOverall
    gender_marker: GenderMarkerRules
    pb_outcomes: list[PbOutcome]
    min_risks: int = Field(default=2, ge=1, description="Risks a proposal must identify for the risks check.")
    max_evidence: int = Field(default=3, ge=1, le=20, description="Evidence quotes kept per criterion.")


class AppraisalCue(_Strict):
    """A language cue of the appraisal checklist: a regular expression, and what it signals."""

    id: str
    kind: CueKind
    regex: str = Field(description="Case-insensitive regular expression on the normalised text.")
    scope: Literal["sentence", "paragraph", "heading"] = Field(
        default="sentence", description="Where it is matched: each sentence, the whole paragraph, or "
        "section headings.")
    near: str | None = Field(default=None, description="A second regex that must match in the same paragraph.")
    tables: bool = Field(default=True, description="Also match in table rows.")
    elements: bool = Field(default=True, description="Also match in outcome, output, indicator and "
                           "activity statements (false for cues about the plan's own narrative, such "
                           "as its M&E plan).")
    self_sufficient: bool = Field(default=False, description="Tripartism cues: counts even where no "
                                  "social partner is named (e.g. 'tripartite steering committee').")
    note: str = ""

    @field_validator("regex", "near")
    @classmethod
    def _regex(cls, v: str | None) -> str | None:
        return _check_regex(v) if v else v


class RuleFile(_Strict):
    """Everything a rule file may contain. Each section is optional."""

    pack: PackMeta | None = None
    rules: list[MatchRule] = Field(default_factory=list)
    context: list[ContextRule] = Field(default_factory=list)
    terminators: list[str] = Field(default_factory=list, description="Words that end a context cue's scope.")
    not_content: list[str] = Field(default_factory=list, description="Case-insensitive regexes of "
                                   "paragraphs that are no content of the plan (reference lines, "
                                   "footnotes, 'Related documents:'); they are not matched.")
    names: list[str] = Field(default_factory=list, description="Case-sensitive regexes finding names "
                             "of institutions (ministries, departments); a match inside one is "
                             "evidence only for rules with `in_names`.")
    titles: list[str] = Field(default_factory=list, description="Case-sensitive regexes finding "
                              "titles of projects, programmes and publications (quoted, or followed "
                              "by an acronym or code), and names of the Office's own bodies (its staff "
                              "union, staff funds, tribunal); a match inside one is evidence for no rule, "
                              "`in_names` included: a title naming topics is not about them.")
    agenda_lists: list[str] = Field(default_factory=list, description="Case-insensitive regexes "
                                    "finding an enumeration of the Decent Work Agenda's objectives "
                                    "as such ('the four pillars of the Decent Work Agenda: ...'); a "
                                    "match inside one is a generic mention, not evidence of a topic.")
    statement_labels: list[str] = Field(default_factory=list, description="Case-insensitive regexes of a "
                                        "label that opens a statement and ends at its colon ('Output 3.2.1', "
                                        "'Implementing partners'); the match stage keeps the label in one sentence "
                                        "with what it introduces, so that vetoes and co-occurring words see it.")
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
    appraisal: AppraisalRules | None = None
    appraisal_cues: list[AppraisalCue] = Field(default_factory=list)
    compare_cues: CompareCues | None = None

    @field_validator("names", "titles", "not_content", "agenda_lists", "statement_labels")
    @classmethod
    def _names(cls, v: list[str]) -> list[str]:
        return [_check_regex(p) for p in v]
