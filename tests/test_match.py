"""Match stage, as tables: text in -> findings out (rule id, kind, trigger, offsets).

One small rule per kind (tests/data/match_pack, loaded over the shipped English pack): phrases
on lower case and on lemmas with their British/American variants, token patterns behind their
anchors, regular expressions, fuzzy names, co-occurrence, vetoes and pseudo-triggers; then the
labour-standard citations of the shipped pack, and one finding per rule and place.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from alignment.match import Suppressed, get_engine, match_texts
from alignment.packs import load_pack

PACK_DIR = str(Path(__file__).parent / "data" / "match_pack")


@pytest.fixture(scope="module")
def engine():
    return get_engine(load_pack("en", (PACK_DIR,)))


def found(engine, text: str, **kwargs) -> list[tuple[str, str, str]]:
    """(rule id, kind, trigger) of the test rules' findings in `text`, in order."""
    return [(f.rule_id, f.kind, f.trigger) for f in match_texts(engine, [text], **kwargs) if f.rule_id.startswith("t.")]


FIRES = [
    # (text, findings of the test rules: rule id, kind, trigger)
    ("A wage subsidy scheme is set up.", [("t.phrase", "phrase", "wage subsidy scheme")]),
    ("THE WAGE SUBSIDY SCHEME.", [("t.phrase", "phrase", "WAGE SUBSIDY SCHEME")]),  # any case
    ("Each wage subsidy scheme and the Wage Subsidy Scheme.",  # every place it occurs
     [("t.phrase", "phrase", "wage subsidy scheme"), ("t.phrase", "phrase", "Wage Subsidy Scheme")]),
    ("Skills passports are issued to migrants.", [("t.lemma", "phrase", "Skills passports")]),  # by lemma
    ("The labour broker is licensed.", [("t.variant", "phrase", "labour broker")]),
    ("The labor broker is licensed.", [("t.variant", "phrase", "labor broker")]),  # American spelling
    ("Piece rate workers are paid weekly.", [("t.pattern", "pattern", "Piece rate workers")]),
    ("Piece rate earners are paid weekly.", [("t.pattern", "pattern", "Piece rate earners")]),
    ("Agreement KDW-2024 is signed.", [("t.regex", "regex", "KDW-2024")]),
    ("The National Employment Promotion Agencyy of Kandara registers jobseekers.",  # a typo
     [("t.fuzzy", "fuzzy", "National Employment Promotion Agencyy of Kandara")]),
    ("Coverage of the pension scheme grows.", [("t.with", "phrase", "Coverage")]),
    ("Civic dialogue is promoted.", [("t.without", "phrase", "Civic dialogue")]),
    ("The Minimum Wage Act of 1990 sets a minimum wage.", [("t.unless", "phrase", "minimum wage")]),  # the second
]


@pytest.mark.parametrize("text, expected", FIRES)
def test_rule_kinds_fire(engine, text, expected):
    assert found(engine, text) == expected


SILENT = [
    # (text, why no test rule fires)
    ("A wage subsidy is paid.", "a phrase matches whole"),
    ("Piece rate tables are published.", "the token pattern wants workers or earners"),
    ("Agreement kdw-2024 is signed.", "a case-sensitive regex"),
    ("The National Employmnt Promotion Agency of Kandara.", "no anchor in the sentence: fuzzy names are not tried"),
    ("The Ministry of Agriculture registers farmers.", "no name close enough"),
    ("Coverage grows a lot, much more than before, and so does the pension.", "the co-occurring word is too far"),
    ("Coverage grows.", "no co-occurring word"),
    ("Coverage grows. The pension fund is audited.", "the co-occurring word is in another sentence"),
]


@pytest.mark.parametrize("text, why", SILENT)
def test_rule_kinds_stay_silent(engine, text, why):
    assert found(engine, text) == [], why


REFUSED = [
    # (text, rule id, trigger, reason given to `explain`)
    ("Civic dialogue before the election.", "t.without", "Civic dialogue", "vetoed by 'election' in the sentence (without_any)"),
    ("The Minimum Wage Act of 1990 is amended.", "t.unless", "Minimum Wage", "inside a pseudo-trigger (unless)"),
]


@pytest.mark.parametrize("text, rule_id, trigger, reason", REFUSED)
def test_refused_matches_are_kept_for_explain(engine, text, rule_id, trigger, reason):
    suppressed: list[Suppressed] = []
    assert found(engine, text, suppressed=suppressed) == []
    assert [(s.rule_id, s.trigger, s.reason) for s in suppressed if s.rule_id.startswith("t.")] == [(rule_id, trigger, reason)]


def test_a_finding_points_at_its_words_and_sentence(engine):
    text = "Jobs are created. A wage subsidy scheme is set up. It runs for two years."
    (f,) = [f for f in match_texts(engine, [text]) if f.rule_id == "t.phrase"]
    assert text[f.start:f.end] == f.trigger == "wage subsidy scheme"
    assert f.sentence == "A wage subsidy scheme is set up."
    assert (f.category, f.topic, f.pack.startswith("core")) == ("SO2", None, True)


CITATIONS = [
    # (text, (rule id, trigger) of the citation findings, in order)
    ("Convention No. 87 is ratified.",
     [("ils.cite.C087", "Convention No. 87"), ("ils.topic.C087", "Convention No. 87")]),
    ("Conventions Nos. 87 and 98 are ratified.",
     [("ils.cite.C087", "Conventions Nos. 87 and 98"), ("ils.topic.C087", "Conventions Nos. 87 and 98"),
      ("ils.cite.C098", "Conventions Nos. 87 and 98"), ("ils.topic.C098", "Conventions Nos. 87 and 98")]),
    ("ILO Convention 144 on tripartite consultation is applied.",
     [("ils.cite.C144", "ILO Convention 144"), ("ils.topic.C144", "ILO Convention 144")]),
    # cited by its title and its number: one citation, not two
    ("The Freedom of Association and Protection of the Right to Organise Convention, 1948 (No. 87) is ratified.",
     [("ils.cite.C087", "Freedom of Association and Protection of the Right to Organise Convention"),
      ("ils.topic.C087", "Freedom of Association and Protection of the Right to Organise Convention")]),
    ("C087 and C.87 are cited.", [("ils.cite.C087", "C087"), ("ils.topic.C087", "C087"),
                                  ("ils.cite.C087", "C.87"), ("ils.topic.C087", "C.87")]),
    # the bare-number and hyphenated forms of real plans ("in line with Convention 190 and
    # Recommendation 206", "ratify C-190"); a Recommendation shares its Convention's topic
    ("In line with Convention 190 and Recommendation 206.",
     [("ils.cite.C190", "Convention 190"), ("ils.topic.C190", "Convention 190"),
      ("ils.cite.R206", "Recommendation 206"), ("ils.topic.R206", "Recommendation 206")]),
    ("Ratify C-190 and apply R-204.", [("ils.cite.C190", "C-190"), ("ils.topic.C190", "C-190"),
                                       ("ils.cite.R204", "R-204"), ("ils.topic.R204", "R-204")]),
    # not an ILO instrument: the Council of Europe's data protection Convention, COVID-19
    ("Convention 108+ of the Council of Europe applies to the C-19 response.", []),
]


@pytest.mark.parametrize("text, expected", CITATIONS)
def test_citations(engine, text, expected):
    got = [(f.rule_id, f.trigger) for f in match_texts(engine, [text]) if f.rule_id.startswith(("ils.cite.", "ils.topic."))]
    assert got == expected


def test_a_citation_gives_the_instruments_category_and_topic(engine):
    fs = {f.rule_id: f for f in match_texts(engine, ["Convention No. 87 is ratified."])}
    assert fs["ils.cite.C087"].category == "CC-ILS" and fs["ils.cite.C087"].kind == "regex"
    assert fs["ils.topic.C087"].kind == "derived" and fs["ils.topic.C087"].topic.startswith("SO")


def test_one_finding_per_rule_and_place(engine):
    """An acronym the document defines is matched for its actor's rules; when the rule also
    lists the acronym itself, the two matches of the same words make one finding."""
    assert found(engine, "The KFE signed.", aliases={"KFE": "employers"}) == [("t.alias", "phrase", "KFE")]
    assert found(engine, "The KFE signed, and the employers' organizations.", aliases={"KFE": "employers"}) == [
        ("t.alias", "phrase", "KFE"), ("t.alias", "phrase", "employers' organizations")]


def test_texts_keep_their_own_paragraph(engine):
    fs = [f for f in match_texts(engine, ["Nothing here.", "Agreement KDW-2024 is signed."]) if f.rule_id == "t.regex"]
    assert [(f.paragraph, f.start, f.end) for f in fs] == [(1, 10, 18)]


def test_pattern_gate_skips_only_sentences_without_a_match():
    """The token matcher is not run on a sentence that lacks a required token of every pattern of
    the rules asked about (`PatternGate`); where it is skipped, it finds nothing of those rules."""
    from alignment.match.engine import get_engine
    from alignment.packs import load_pack

    engine = get_engine(load_pack("en"))
    gate = engine.gate
    rules = [i for i, r in enumerate(engine.rules) if r.pattern is not None]
    assert gate is not None and rules
    texts = ["The project will strengthen the capacity of employers' organizations to engage.",
             "We will build the voice and influence of trade unions in the sector.",
             "The national statistics office and the bureau of statistics publish data.",
             "Employers' organizations met the trade unions; capacity was discussed.",
             "Strengthen employers' organizations.", "Develop the role of workers' unions.",
             "A labour force survey was run by the statistical agency.", "Nothing to see here."]
    docs = list(engine.lemmatizer.pipe(engine.nlp.tokenizer.pipe([t.lower() for t in texts])))
    admitted = 0
    for doc in docs:
        columns = gate.columns(doc)
        for idx in rules:
            found = [m for m in engine.token_matcher(doc) if engine.keys[m[0]] == ("pattern", idx)]
            if not gate.admits(columns, 0, len(doc), {idx}):
                assert not found
            else:
                admitted += 1
        assert gate.admits(columns, 0, len(doc), set(rules)) == any(
            gate.admits(columns, 0, len(doc), {i}) for i in rules)
    assert 0 < admitted < len(docs) * len(rules)


def test_a_statement_label_stays_with_its_statement():
    """'Output 3.2.1:' is cut off at its colon by the sentence splitter, but a plan's label belongs to
    its statement (the pack's `statement_labels`): a rule vetoed by 'output' sees it."""
    from alignment.match import get_engine, match_texts
    from alignment.packs import load_pack
    engine = get_engine(load_pack("en"))
    labelled = match_texts(engine, ["Output 3.2.1: The union held a meeting."])
    bare = match_texts(engine, ["The union held a meeting."])
    assert "SO4" in {f.category for f in bare}
    assert "SO4" not in {f.category for f in labelled}
