"""Context stage, as a table: a sentence in -> the modifiers (with cue and rule id) on its findings.

What a programme officer relies on: a plan that says it does not address a topic is not
credited with it; "if resources allow" is not a commitment; the situation analysis ("there is
no social protection floor") is a problem statement, not a result; a negation does not cross
"but"; "not only X" does not negate X. Each row names the topic, the modifiers expected on its
findings (with the rule that sets them) and, for the sentences scored in a results framework
and in the situation analysis, the strength that follows (tests/test_score.py has the rest).
"""

from __future__ import annotations

import pytest

from alignment.match import match_mixed
from alignment.packs import load_pack
from alignment.score import score_findings

# (language, sentence, topic, {modifier: rule id} expected on every finding of that topic)
TABLE = [
    # negation by the plan itself
    ("en", "The programme does not address child labour.", "SO1.CL", {"negated": "neg.plan.not-address"}),
    ("fr", "Le programme ne traite pas du travail des enfants.", "SO1.CL",
     {"negated": "neg.plan.not-address.fr"}),
    ("es", "El programa no aborda el trabajo infantil.", "SO1.CL", {"negated": "neg.plan.not-address.es"}),
    # a terminator stops the negation: the second clause is a plain commitment
    ("en", "The programme does not address child labour, but it will extend social protection.", "SO3.SS", {}),
    ("en", "The programme does not address child labour, but it will extend social protection.", "SO1.CL",
     {"negated": "neg.plan.not-address"}),
    # a pseudo cue is not a cue
    ("en", "Not only child labour but also forced labour will be eliminated.", "SO1.CL", {}),
    # hypothetical and hedged
    ("en", "If resources allow, the programme may support the elimination of child labour.", "SO1.CL",
     {"hypothetical": "hypo.if", "hedged": "hedge.could"}),
    # historical
    ("en", "The Forced Labour Protocol was ratified in 2015.", "SO1.FL", {"historical": "hist.previous.past"}),
    ("en", "The previous DWCP supported the elimination of child labour.", "SO1.CL",
     {"historical": "hist.previous"}),
    # situation analysis: a deficit is a problem statement
    ("en", "There is no social protection floor for informal workers.", "SO3.SS", {"problem": "prob.deficit"}),
    ("en", "Child labour remains widespread in agriculture.", "SO1.CL", {"problem": "prob.deficit"}),
    # committed: no modifier at all
    ("en", "The programme will strengthen social protection for informal workers.", "SO3.SS", {}),
    ("en", "The programme will help informal workers and informal enterprises move to the formal economy.", "SO2.INF", {}),
    ("es", "El programa fortalecerá la protección social de los trabajadores.", "SO3.SS", {}),
]


def _findings(lang: str, text: str, topic: str):
    found = [f for f in match_mixed(load_pack(lang), [text]) if f.topic == topic]
    assert found, f"no {topic} finding in {text!r}"
    return found


@pytest.mark.parametrize("lang, text, topic, expected", TABLE, ids=[f"{r[0]}-{r[2]}-{r[1][:40]}" for r in TABLE])
def test_modifiers(lang, text, topic, expected):
    for f in _findings(lang, text, topic):
        got = {m.modifier: m.rule_id for m in f.modifiers}
        assert got == expected, (text, got)
        for m in f.modifiers:  # every modifier keeps the words that set it
            assert m.cue and m.cue.lower() in text.lower()


@pytest.mark.parametrize("lang, text", [
    ("fr", "Le programme renforcera la protection sociale des travailleurs de l'économie informelle."),
    ("es", "El programa fortalecerá la protección social de los trabajadores informales."),
])
def test_informal_workers_are_not_a_problem_statement_in_french_and_spanish(lang, text):
    for f in _findings(lang, text, "SO3.SS"):
        assert not f.modifiers, [m.model_dump() for m in f.modifiers]


# (sentence, where it stands, strength of its SO1.CL / SO3.SS finding)
STRENGTH = [
    ("The programme will strengthen social protection for informal workers.", "outcome", "committed"),
    ("The programme will strengthen social protection for informal workers.", "context", "mentioned"),
    # a deficit named in an outcome statement is what the outcome removes: `problem` lowers the
    # score (x0.9) but is no commitment blocker (rules/common/scoring.yaml)
    ("There is no social protection floor for informal workers.", "outcome", "committed"),
    ("There is no social protection floor for informal workers.", "context", "mentioned"),
    ("The programme does not address social protection.", "outcome", "absent"),
    ("If resources allow, the programme may extend social protection.", "outcome", "mentioned"),
]


@pytest.mark.parametrize("text, where, strength", STRENGTH)
def test_modifiers_decide_committed_or_mentioned(text, where, strength):
    """An outcome statement commits; the same words in the situation analysis only mention; a
    hedge or a negation never commits, wherever it stands."""
    found = _findings("en", text, "SO3.SS")
    for f in found:
        if where == "context":
            f.element, f.section_category = None, "context"
        else:
            f.element = where
    score_findings(found, load_pack("en"))
    assert {f.strength for f in found} == {strength}
