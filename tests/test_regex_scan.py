"""The prefix-guided regex scan finds exactly what `finditer` finds."""

import glob
import re

import pytest

from alignment.match import get_engine
from alignment.packs import load_pack
from alignment.regex_scan import Scanner, literal_prefixes

TEXT = ("Goal 8 and SDG 8.5; sustainable development goal 8.7, Target 8.10 - targets 8.b.\n"
        "xGoal 8 is no boundary. Labour and LABOR; laborious work.\n"
        "Ratified C087 in 2001; ratification of C.98 pending.\nRaTiFy\n"
        "employment employment-intensive; employers")

CASES = [
    (r"\b(?:SDGs?|Sustainable Development Goals?|Goal|targets?)\s*8(?:\.(?:10|[1-9]|[ab]))?\b", re.I),
    (r"\blabou?r\b", re.I),
    (r"(?<!\w)labo", 0),
    (r"^(?:ratif\w+|employment)", re.I | re.M),
    (r"\b[Rr]atif\w+", 0),
    (r"employ(?:ment|ers)", 0),
    (r"goal|goal 8", re.I),          # one prefix inside another: overlapping candidates
    (r"(?i:goal)\s+8", 0),           # inline flags: run as it is
    (r"\bno\b", re.I),               # too short a prefix: run as it is
]


@pytest.mark.parametrize("text", [TEXT, TEXT + " İstanbul Goal 8"],  # İ lower-cases to 2 chars
                         ids=["plain", "lower-case-changes-length"])
@pytest.mark.parametrize("source,flags", CASES)
def test_same_matches_as_finditer(source, flags, text):
    pattern = re.compile(source, flags)
    want = [(m.start(), m.group()) for m in pattern.finditer(text)]
    assert want or source == r"(?<!\w)labo"
    assert [(m.start(), m.group()) for m in Scanner(pattern).finditer(text)] == want
    assert [(m.start(), m.group()) for m in Scanner(pattern).finditer(text, text.lower())] == want


def test_prefixes_are_worked_out():
    assert literal_prefixes(re.compile(r"\b(?:SDGs?|Goal|targets?)\s*8", re.I)) == ["goal", "sdg", "target"]
    assert literal_prefixes(re.compile(r"\b[Rr]atif\w+")) == ["Ratif", "ratif"]
    assert literal_prefixes(re.compile(r"(?i:goal)\s+8")) is None
    assert literal_prefixes(re.compile(r"\bno\b", re.I)) is None
    assert literal_prefixes(re.compile(r"\w+ment")) is None


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_every_pack_regex_on_the_corpus(lang):
    text = "\n".join(open(f, encoding="utf-8").read() for f in sorted(glob.glob("corpora/*/*/*.md")))
    engine = get_engine(load_pack(lang))
    scanners = [s for _, s in engine.regexes + engine.ctx_regexes]
    assert sum(s.prefixes is not None for s in scanners) >= len(scanners) // 2
    for s in scanners:
        assert [m.span() for m in s.finditer(text, text.lower())] == \
               [m.span() for m in s.pattern.finditer(text)], s.pattern.pattern
