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

from alignment.context import Cue, Located, apply, mark_sources
from alignment.findings import Finding
from alignment.match import ParagraphInfo, match_mixed
from alignment.packs import load_pack
from alignment.schema import ContextRule
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


# The scope rules themselves (context/scope.py), on token positions: (direction, scope, cue
# tokens, finding tokens, terminator positions, reaches?). Sentence of 20 tokens.
SCOPE = [
    ("forward", 12, (2, 3), (5, 7), [], True),  # "not ... social protection"
    ("forward", 12, (8, 9), (5, 7), [], False),  # a forward cue does not look back
    ("backward", 12, (8, 9), (5, 7), [], True),  # "social protection ... is lacking"
    ("backward", 12, (2, 3), (5, 7), [], False),
    ("bidirectional", 12, (8, 9), (5, 7), [], True),
    ("bidirectional", 12, (2, 3), (5, 7), [], True),
    ("forward", 2, (2, 3), (6, 8), [], False),  # beyond the cue's scope (3 tokens away)
    ("forward", 3, (2, 3), (6, 8), [], True),
    ("forward", 12, (2, 3), (6, 8), [4], False),  # "not X, but social protection": stopped
    ("backward", 12, (10, 11), (2, 4), [6], False),
    ("forward", 12, (2, 3), (6, 8), [9], True),  # a terminator after the finding does not matter
    ("forward", 12, (5, 7), (5, 7), [], True),  # the cue overlaps the trigger ("no social protection")
    ("terminate", 12, (5, 7), (5, 7), [], False),
]


def _cue(direction: str, scope: int, span, modifier: str = "negated", **rule) -> Cue:
    return Cue(rule=ContextRule(id=f"test.{direction}", modifier=modifier, phrases=["x"], direction=direction,
                                scope=scope, **rule), start=span[0], end=span[1], text="x")


def _finding() -> Finding:
    return Finding(rule_id="so3.ss", pack="test 0", kind="phrase", category="SO3", topic="SO3.SS",
                   trigger="social protection", paragraph=0, start=30, end=47, sentence="...", page=1)


@pytest.mark.parametrize("direction, scope, cue, span, terminators, reaches", SCOPE)
def test_scope_direction_distance_and_terminators(direction, scope, cue, span, terminators, reaches):
    loc = Located(_finding(), *span)
    apply([loc], [_cue(direction, scope, cue)], terminators, set())
    assert [m.rule_id for m in loc.finding.modifiers] == ([f"test.{direction}"] if reaches else [])


def test_a_cue_inside_a_pseudo_cue_is_no_cue_and_requires_any_needs_its_subject():
    loc = Located(_finding(), 5, 7)
    pseudo = _cue("forward", 12, (1, 4), modifier="pseudo")  # "not only"
    apply([loc], [_cue("forward", 12, (2, 3)), pseudo], [], set())
    assert loc.finding.modifiers == []
    needs = _cue("forward", 12, (2, 3), requires_any=["programme"])
    apply([loc], [needs], [], {"there", "is"})  # "there is no social protection": no plan subject
    assert loc.finding.modifiers == []
    apply([loc], [needs], [], {"the", "programme"})
    assert [(m.modifier, m.rule_id) for m in loc.finding.modifiers] == [("negated", "test.forward")]


def test_a_cue_never_deletes_a_finding_and_is_not_given_twice():
    loc = Located(_finding(), 5, 7)
    cue = _cue("forward", 12, (2, 3))
    apply([loc], [cue, cue], [], set())
    assert len(loc.finding.modifiers) == 1


def test_a_means_of_verification_line_marks_its_findings_as_sources():
    """'Means of verification: social protection records' names a data source, not a result."""
    text = "Indicator 1.1: share of workers covered. Means of verification: social protection records."
    mov = text.index("Means of verification")
    found = [f for f in match_mixed(load_pack("en"), [text], [ParagraphInfo(source_spans=[(mov, len(text))])])
             if f.topic == "SO3.SS"]
    assert found and all(f.start >= mov for f in found)
    assert all(("source", "structure.means-of-verification") in {(m.modifier, m.rule_id) for m in f.modifiers}
               for f in found)
    inside = Located(_finding(), 0, 1)
    outside = Located(_finding().model_copy(update={"start": 5, "end": 20, "modifiers": []}), 0, 1)
    mark_sources([inside, outside], [(25, 60)])
    assert [m.modifier for m in inside.finding.modifiers] == ["source"] and outside.finding.modifiers == []
