"""Score stage, as tables: findings in -> score, strength, coverage and gap out.

The weights are data (rules/common/scoring.yaml); these rows are what a programme officer reads
in a report: an outcome commits, the situation analysis only mentions, a hedge or the past never
commits, a plan that says it does not cover a topic is credited with nothing, and the gap says
where the words stand instead.
"""

from __future__ import annotations

import pytest

from alignment.findings import Finding, ModifierHit
from alignment.packs import load_pack
from alignment.score import EVIDENCE, coverage, score_findings

PACK = load_pack("en")
CUES = {"negated": ("does not address", "neg.plan.not-address"), "hedged": ("could consider", "hedge.could"),
        "historical": ("previous DWCP", "hist.previous"), "hypothetical": ("if", "hypo.if"),
        "problem": ("lack of", "prob.deficit"), "source": ("according to", "src.test")}


def finding(category="SO3", topic="SO3.SS", *, element=None, section="results", modifiers=(), page=1,
            sentence="The programme will extend social protection.", paragraph=0, start=0) -> Finding:
    return Finding(rule_id=f"{topic or category}.test", pack="test 0", kind="phrase", category=category,
                   topic=topic, trigger="social protection", paragraph=paragraph, start=start, end=start + 17,
                   sentence=sentence, page=page, section_category=section, element=element,
                   modifiers=[ModifierHit(modifier=m, cue=CUES[m][0], rule_id=CUES[m][1]) for m in modifiers])


# (element, section category, modifiers) -> (score, strength): element weight, else section
# weight, times every modifier's factor; committed from 0.75 unless a blocker is present
SCORES = [
    ("outcome", None, (), 1.0, "committed"),
    ("output", "context", (), 1.0, "committed"),  # an element outweighs its section
    ("indicator", None, (), 1.0, "committed"),
    ("activity", None, (), 0.8, "committed"),
    (None, "results", (), 0.8, "committed"),  # a results framework commits what it lists
    (None, "strategy", (), 0.5, "mentioned"),
    (None, "context", (), 0.3, "mentioned"),  # the situation analysis
    (None, None, (), 0.4, "mentioned"),  # narrative of no known section
    ("outcome", None, ("problem",), 0.9, "committed"),  # a deficit the outcome removes
    ("outcome", None, ("hedged",), 0.5, "mentioned"),
    ("outcome", None, ("historical",), 0.4, "mentioned"),
    ("outcome", None, ("hypothetical",), 0.5, "mentioned"),
    ("outcome", None, ("hedged", "hypothetical"), 0.25, "mentioned"),  # factors multiply
    ("indicator", None, ("source",), 0.3, "mentioned"),  # a means of verification
    ("outcome", None, ("negated",), 0.0, "absent"),
    (None, "context", ("negated",), 0.0, "absent"),
]


@pytest.mark.parametrize("element, section, modifiers, score, strength", SCORES)
def test_score_and_strength(element, section, modifiers, score, strength):
    f = finding(element=element, section=section, modifiers=modifiers)
    score_findings([f], PACK)
    assert (f.score, f.strength) == (pytest.approx(score), strength)


def _covered(*findings: Finding):
    fs = list(findings)
    score_findings(fs, PACK)
    return coverage(fs, PACK)


def test_no_finding_is_absent_with_a_gap_saying_so():
    cov = _covered()
    assert list(cov) == ["SO1", "SO2", "SO3", "SO4", "CC-ILS", "CC-SD", "CC-GEN", "CC-ENV"]
    so3 = cov["SO3"]
    assert so3.strength == "absent" and so3.findings == 0 and so3.score == 0.0
    assert so3.gap == "SO3 Social protection: not found anywhere in the document."
    assert "SO3.SS" in so3.topics_missing


def test_one_committed_finding_commits_the_category_and_its_topic():
    cov = _covered(finding(element="outcome", page=4), finding(section="context", page=2, topic="SO3.OSH"))
    so3 = cov["SO3"]
    assert so3.strength == "committed" and so3.gap is None
    assert so3.topics == ["SO3.OSH", "SO3.SS"] and so3.topics_committed == ["SO3.SS"]
    assert so3.pages == [2, 4] and so3.score == 1.0
    assert "SO3.SS" not in so3.topics_missing and "SO3.OSH" not in so3.topics_missing
    assert cov["SO1"].strength == "absent"


def test_situation_analysis_only_is_a_mention_and_the_gap_says_where():
    cov = _covered(finding(section="context", page=3), finding(section="context", page=5, start=30))
    so3 = cov["SO3"]
    assert so3.strength == "mentioned" and so3.topics_committed == []
    assert so3.gap == ("SO3 Social protection: no outcome, output or indicator addresses it; it appears only "
                       "in the situation analysis (pp. 3, 5).")


def test_hedged_and_past_statements_are_named_in_the_gap():
    cov = _covered(finding(element="outcome", modifiers=("hedged",), page=7),
                   finding(element="outcome", modifiers=("historical",), page=9))
    assert cov["SO3"].strength == "mentioned"
    assert cov["SO3"].gap == ("SO3 Social protection: no outcome, output or indicator addresses it; it appears "
                              "only in hedged statements (p. 7); statements about the past (p. 9).")


def test_a_plan_saying_it_does_not_cover_a_topic_gets_nothing_and_is_quoted():
    cov = _covered(finding(element="outcome", modifiers=("negated",), page=6))
    so3 = cov["SO3"]
    assert so3.strength == "absent" and so3.findings == 1 and so3.topics == []
    assert so3.gap == ('SO3 Social protection: the document says it does not cover it ("does not address", '
                       "p. 6); no other evidence.")


def test_negation_does_not_cancel_a_commitment_elsewhere():
    cov = _covered(finding(element="outcome", modifiers=("negated",), page=6),
                   finding(element="output", page=8, start=40))
    assert cov["SO3"].strength == "committed" and cov["SO3"].pages == [8]


def test_evidence_is_the_best_sentences_strongest_first():
    fs = [finding(section="context", page=1, sentence="a"), finding(element="outcome", page=9, sentence="b"),
          finding(section="strategy", page=2, sentence="c"), finding(section="results", page=3, sentence="d"),
          finding(element="output", page=4, sentence="b")]  # same sentence as the outcome: one piece
    ev = _covered(*fs)["SO3"].evidence
    assert len(ev) == EVIDENCE
    assert [(e.sentence, e.score) for e in ev] == [("b", 1.0), ("d", 0.8), ("c", 0.5)]


def test_findings_of_other_categories_do_not_leak():
    cov = _covered(finding(category="SO1", topic="SO1.CL", element="outcome"),
                   finding(category="SDG-8", topic="SDG-8.7", element="outcome"))
    assert cov["SO1"].strength == "committed"
    assert all(c.strength == "absent" for k, c in cov.items() if k != "SO1")


# whose capacity a capacity-development sentence is about, in the pack's own language
# (rules/<lang>/constituents.yaml, `capdev.whose`)
WHOSE = [
    ("en", "The capacity of labour inspectors and trade unions will be strengthened.",
     ["labour inspectorate", "workers' organizations"]),
    ("en", "Training of the Ministry of Labour staff on social security.", ["ministry", "social security institutions"]),
    ("en", "Renforcer les capacités des syndicats.", []),  # English words only in the English pack
    ("fr", "Renforcer les capacités des syndicats et des organisations d'employeurs.",
     ["employers' organizations", "workers' organizations"]),
    ("fr", "Les inspecteurs du travail et le ministère seront formés.", ["ministry", "labour inspectorate"]),
    ("fr", "Former les mandants tripartites au dialogue social.", ["tripartite bodies", "constituents"]),
    ("es", "Fortalecer las capacidades de los sindicatos y de la Caja de Seguridad Social.",
     ["social security institutions", "workers' organizations"]),
    ("es", "Capacitar a los mediadores y al instituto de estadística.",
     ["statistics office", "labour courts and mediation"]),
]


@pytest.mark.parametrize("lang, sentence, whose", WHOSE)
def test_capacity_development_names_whose_capacity_in_the_pack_language(lang, sentence, whose):
    from alignment.score import capdev

    f = finding(category="CAPDEV", topic=None, element="outcome", sentence=sentence)
    pack = load_pack(lang)
    score_findings([f], pack)
    assert capdev([f], pack).constituents == sorted(whose)


def test_capacity_development_cues_after_the_listed_mentions_still_count():
    """Once the mentions are listed, a later sentence's cues still add to whose capacity, its
    levels and kinds (only the cues already found are not looked for again)."""
    from alignment.score import CAPDEV_MENTIONS, capdev

    pack = load_pack("en")
    first = [finding(category="CAPDEV", topic=None, element="outcome",
                     sentence=f"Training of {n} labour inspectors on technical skills.")
             for n in range(CAPDEV_MENTIONS + 5)]
    last = finding(category="CAPDEV", topic=None, element="outcome",
                   sentence="Strengthen the capacity of trade unions and the statistics office.")
    score_findings(first + [last], pack)
    got = capdev(first + [last], pack)
    alone = capdev([last], pack)
    assert len(got.mentions) == CAPDEV_MENTIONS
    assert set(alone.constituents) - {"labour inspectorate"} and set(alone.constituents) <= set(got.constituents)
    assert set(alone.levels) <= set(got.levels) and set(alone.kinds) <= set(got.kinds)
