"""The one sentence splitter: each stage's boundary, as a table of (text, sentences)."""

import pytest

from alignment import sentences
from alignment.nlp import get_nlp


def _split(text, boundary, abbreviations=frozenset()):
    return [text[a:b] for a, b in sentences.spans(text, boundary, abbreviations)]


@pytest.mark.parametrize("text, expected", [
    ("Ratify Convention No. 87 by 2026. Extend coverage.", ["Ratify Convention No. 87 by 2026.", "Extend coverage."]),
    ("Priorities: Decent work for all", ["Priorities:", "Decent work for all"]),
    ("Youth employment • Social dialogue", ["Youth employment", "Social dialogue"]),
    ("Targets were met. 2025 is next.", ["Targets were met.", "2025 is next."]),
    ("See e.g. Article 3 of the law.", ["See e.g. Article 3 of the law."]),
    ("Done. élargir la couverture.", ["Done. élargir la couverture."]),
    # a sentence end whose space was lost in an export; acronyms, initials and numbers stay whole
    ("Support for women.It aims at jobs.", ["Support for women.", "It aims at jobs."]),
    ("Trained in the U.S.A and holds a Ph.D in law.", ["Trained in the U.S.A and holds a Ph.D in law."]),
    ("Growth of 1.5 per cent.", ["Growth of 1.5 per cent."]),
])
def test_match_stage_boundary(text, expected):
    assert _split(text, sentences.POLICY, sentences.ABBREVIATIONS) == expected


@pytest.mark.parametrize("boundary, text, expected", [
    (sentences.ASCII_CAPITAL, "Workers were consulted. The ministry leads.", ["Workers were consulted.", "The ministry leads."]),
    (sentences.ASCII_CAPITAL, "Fin. État partenaire.", ["Fin. État partenaire."]),
    (sentences.ASCII_CAPITAL, "Priorities: Decent work", ["Priorities: Decent work"]),
    (sentences.CAPITAL, "Fin. État partenaire.", ["Fin.", "État partenaire."]),
    (sentences.CAPITAL, "Hecho. ¿Quién consulta?", ["Hecho.", "¿Quién consulta?"]),
    (sentences.CAPITAL, "See No. 87 here.", ["See No.", "87 here."][:1] + [] if False else ["See No. 87 here."]),
])
def test_constituent_and_appraisal_boundaries(boundary, text, expected):
    assert _split(text, boundary) == expected


def test_token_sentences_include_their_full_stop_and_cover_every_token():
    text = "Ratify Convention No. 87. Extend social protection."
    doc = get_nlp("en").make_doc(text)
    sents = sentences.in_tokens(doc, text)
    assert [doc[t0:t1].text for t0, t1, _, _ in sents] == ["Ratify Convention No. 87.", "Extend social protection."]
    assert sents[0][1] == sents[1][0] and sents[-1][1] == len(doc)
