"""The literal-guided regex scan finds exactly what `finditer` finds, unit by unit."""

import glob
import json
import re

import pytest

from alignment.constituents import _compiled
from alignment.match import get_engine
from alignment.packs import load_pack
from alignment.regex_scan import Joined, Scanner, literal_prefixes, required_count, required_literals

UNITS = ["Goal 8 and SDG 8.5; sustainable development goal 8.7, Target 8.10 - targets 8.b.",
         "xGoal 8 is no boundary. Labour and LABOR; laborious work.",
         "Ratified C087 in 2001; ratification of C.98 pending.", "RaTiFy", "",
         "employment employment-intensive; employers",
         "the Kandara National Employers' Federation and the General Confederation of Workers",
         "ends with goal", "8 starts the next unit",
         "real GDP grew and GDP grew; a go-slow, goslows and go-slows; xyzw xw real  GDP grew"]

CASES = [
    (r"\b(?:SDGs?|Sustainable Development Goals?|Goal|targets?)\s*8(?:\.(?:10|[1-9]|[ab]))?\b", re.I),
    (r"\blabou?r\b", re.I),
    (r"(?<!\w)labo", 0),
    (r"^(?:ratif\w+|employment)", re.I | re.M),
    (r"\b[Rr]atif\w+", 0),
    (r"employ(?:ment|ers)", 0),
    (r"goal|goal 8", re.I),          # one prefix inside another: overlapping candidates
    (r"goal\s+8", re.I),             # would match across two units if they were one text
    (r"(?i:goal)\s+8", 0),           # a scoped ignore-case group: looked up in the folded text
    (r"(?i:\bministers?)\s+(?:of|for)\s+[A-Z]", 0),   # scoped, required literal
    (r"(?i:Gesture)|Yet", 0),         # the case-sensitive alternative is folded too: still a superset
    (r"\bno\b", re.I),               # too short a prefix: searched unit by unit
    (r"\b(?:[A-Z][\w'-]+\s+){0,3}Employers'?\s+Federation", 0),   # required literal, no prefix
    (r"(?:[A-Z]\w+\s+)?Confederation\s+of\s+Workers$", re.M),
    (r"\b(?:real\s+)?GDP\s+grew", re.I),  # an optional part: its prefixes and those after it
    (r"\bgo-?slows?\b", re.I),             # optional literals inside the prefix
    (r"x(?:yz)?w", 0),
    (r"(?:the\s+)?(?:National|General)\s+(?:Employers|Confederation)", 0),
]


def _units(parts):
    text = "\n".join(parts)
    units, pos = [], 0
    for p in parts:
        units.append((pos, pos + len(p)))
        pos += len(p) + 1
    return text, units


def _want(pattern, text, units):
    return [(m.start(), m.group()) for s, e in units for m in pattern.finditer(text, s, e)]


@pytest.mark.parametrize("extra", ["", "İstanbul Goal 8", "GOAL 8, ſGOAL 8 and Mınisters of Labour, gesture yet Yet"],
                         ids=["plain", "lower-case-changes-length", "dotless-i-long-s"])
@pytest.mark.parametrize("source,flags", CASES)
def test_same_matches_as_finditer_unit_by_unit(source, flags, extra):
    text, units = _units(UNITS + [extra])
    pattern = re.compile(source, flags)
    want = _want(pattern, text, units)
    assert want or source in (r"(?<!\w)labo", r"goal\s+8", r"(?i:\bministers?)\s+(?:of|for)\s+[A-Z]",
                              r"(?i:Gesture)|Yet")
    scanner = Scanner(pattern)
    assert [(m.start(), m.group()) for m in scanner.finditer(Joined(text, units))] == want
    assert [(m.start(), m.group()) for m in scanner.finditer(Joined(text, units, text.lower()))] == want


def test_literals_are_worked_out():
    assert literal_prefixes(re.compile(r"\b(?:SDGs?|Goal|targets?)\s*8", re.I)) == ["goal", "sdg", "target"]
    assert literal_prefixes(re.compile(r"\b[Rr]atif\w+")) == ["Ratif", "ratif"]
    assert literal_prefixes(re.compile(r"(?i:goal)\s+8")) is None
    scoped = Scanner(re.compile(r"(?i:\b(?:senior\s+)?(?:officer|advis[oe]r))\s+(?:on|for)"))
    assert scoped.folded and scoped.prefixes == ["adviser", "advisor", "officer", "senior"] and scoped.required is None
    assert literal_prefixes(re.compile(r"(?:real\s+)?GDP", re.I)) == ["gdp", "real"]
    assert literal_prefixes(re.compile(r"\bgo-?slows?\b", re.I)) == ["go-slow", "goslow"]
    assert literal_prefixes(re.compile(r"x(?:yz)?w(?:v\s)?u")) == ["xwu", "xwv", "xyzwu", "xyzwv"]
    assert literal_prefixes(re.compile(r"(?:ab)?\s+x")) is None  # a match may start with a space
    assert literal_prefixes(re.compile(r"(?:abc)?")) is None
    assert Scanner(re.compile(r"(?i:goal)\s+8")).prefixes == ["goal"]
    assert Scanner(re.compile("(?i:\u03c3\u03bf\u03c6)ia", 0)).required is None  # Greek sigma folds beyond lower()
    assert literal_prefixes(re.compile(r"\bno\b", re.I)) is None
    assert literal_prefixes(re.compile(r"\w+ment")) is None
    assert required_literals(re.compile(r"(?:[A-Z]\w+\s+){0,3}Employers'?\s+(?:Federation|Union)")) == ["Employers"]
    assert required_literals(re.compile(r"\w+(?:tion|sion)s?\b")) == ["sion", "tion"]
    assert required_literals(re.compile(r"\w+\s+\d")) is None


def _corpus_units():
    parts = []
    for f in sorted(glob.glob("corpora/*/*/*.md")):
        parts += [p for p in open(f, encoding="utf-8").read().split("\n\n") if p.strip()]
    for lang in ("en", "fr", "es"):
        with open(f"corpora/gold/{lang}.jsonl", encoding="utf-8") as fh:
            parts += [json.loads(line)["text"] for line in fh if line.strip()]
    return _units(parts)


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_every_pack_regex_on_the_corpus(lang):
    text, units = _corpus_units()
    pack = load_pack(lang)
    engine = get_engine(pack)
    actors, roles = _compiled(pack)
    scanners = [s for _, s in engine.regexes + engine.ctx_regexes]
    scanners += [g for _, g, _ in actors if g] + [n for _, _, named in actors for n in named]
    scanners += [r for _, r in roles if r]
    assert sum(s.prefixes is not None or s.required is not None for s in scanners) >= 0.8 * len(scanners)
    lowered = text.lower()
    for s in scanners:
        assert [m.span() for m in s.finditer(Joined(text, units, lowered))] == \
               [m.span() for m in _iter(s.pattern, text, units)], s.pattern.pattern


def _iter(pattern, text, units):
    for start, end in units:
        yield from pattern.finditer(text, start, end)


def test_a_unit_with_fewer_required_literals_than_every_match_holds_is_skipped():
    pattern = re.compile(r"\b(?:[\w-]+\s+){0,3}?(?:jobs|rights|social\s+protection)"
                         r"(?:\s*,\s*(?:[\w-]+\s+){0,3}?(?:jobs|rights|social\s+protection)){2}\b", re.I)
    assert required_count(pattern) == 3
    assert required_count(re.compile(r"(?:tion|x)(?:tion)")) == 1
    text, units = _units(["decent jobs, workers' rights, Social Protection for all",
                          "jobs and rights", "jobs, rights", "", "rights, rights, jobs, jobs"])
    scanner = Scanner(pattern)
    assert scanner.count == 3
    assert [m.span() for m in scanner.finditer(Joined(text, units))] == \
           [m.span() for m in _iter(pattern, text, units)]


def test_prefixes_are_tried_only_in_units_holding_a_literal_every_match_holds():
    """'the' starts a match, 'tripartite' is in every one: a prefix is tried only in a unit
    that holds the rarer literal (the same matches as unit by unit)."""
    pattern = re.compile(r"\b(?:the\s+)?ILO\b[^.;]{0,40}\btripartite", re.I)
    scanner = Scanner(pattern)
    assert scanner.prefixes == ["ilo", "the"] and scanner.within == ["tripartite"]
    text, units = _units(["the the the ILO and the tripartite partners", "the ILO, the the the", "",
                          "tripartite", "The ILO is tripartite; the ILO", "the " * 30 + "ilo tripartite",
                          "the ILO the"])
    want = [m.span() for m in _iter(pattern, text, units)]
    assert len(want) == 3
    assert [m.span() for m in scanner.finditer(Joined(text, units))] == want
    assert Scanner(re.compile(r"\b(?:the\s+)?ILO\b", re.I)).within == ["ilo"]
    assert Scanner(re.compile(r"\b(?:ILO|OIT)\b", re.I)).within is None  # the prefixes themselves
