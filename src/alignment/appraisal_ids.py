"""The check ids the appraisal code computes, and the problems of an appraisal checklist.

Input: `AppraisalRules` (rules/common/appraisal.yaml). Output: (location in the file, message)
pairs for every criterion or check the code does not know, so `rules validate` can give them a
line and `appraise` can refuse the pack before any work. Kept apart from the appraisal code so
that validating a pack imports nothing heavy.
"""

from __future__ import annotations

from .schema import AppraisalRules

KNOWN = {
    "alignment": {"dwcp_outcome", "pb_outcome", "national_plan", "cooperation_framework", "sdg_target", "dwcp_match"},
    "tripartism": {"sp_named", "sp_design", "sp_governance", "sp_implementation"},
    "standards": {"instrument_used", "instrument_cited", "ils_general", "ils_supervision"},
    "gender": {"gender_analysis", "sex_disaggregated", "gender_result", "gender_budget", "other_grounds",
               "gender_mention", "gender_principal"},
    "capacity": {"capdev_constituents", "capdev_levels", "capdev_kinds", "capacity_any"},
    "itcilo": {"itc_use"},
    "rbm": {"indicators", "results_chain", "outcome_indicators", "values_given", "years_given",
            "outcome_statements", "measurable"},
    "monitoring": {"me_plan", "evaluation", "me_section", "reporting", "baseline_survey"},
    "risks": {"risks_identified", "mitigation", "assumptions", "risk_section"},
    "sustainability": {"exit", "institutional", "sust_section"},
    "environment": {"env_coverage"},
}


def appraisal_problems(rules: AppraisalRules) -> list[tuple[tuple, str]]:
    """Every problem of the checklist, each with its location under `appraisal:`."""
    problems: list[tuple[tuple, str]] = []
    for i, c in enumerate(rules.criteria):
        for j, ch in enumerate(c.checks):
            if ch.id not in KNOWN.get(c.id, set()):
                problems.append((("criteria", i, "checks", j, "id"),
                                 f"appraisal criterion {c.id}: unknown check {ch.id}"))
    ids = [c.id for c in rules.criteria]
    if sorted(ids) != sorted(KNOWN):
        problems.append((("criteria",), "appraisal criteria must be exactly: " + ", ".join(KNOWN)))
    for j, ch in enumerate(rules.gender_marker.checklist):
        if ch.id not in KNOWN["gender"]:
            problems.append((("gender_marker", "checklist", j, "id"), f"gender_marker checklist: unknown check {ch.id}"))
    return problems
