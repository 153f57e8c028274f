"""British and American spelling variants of a rule phrase, and its plural possessives
without the apostrophe.

Input: a lower-case phrase as written in a rule pack. Output: the set of the phrase, its
all-British and its all-American spelling, so a pack author writes "labour organisation" once
and the matcher also finds "labor organization". Spellings that do not exist are harmless:
they simply never match.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NOT_ISE = {"enterprise", "exercise", "expertise", "otherwise", "rise", "wise", "promise",
            "premise", "raise", "advise", "revise", "supervise", "comprise", "compromise",
            "franchise", "merchandise", "surprise", "televise", "improvise", "disguise", "devise",
            "excise", "precise", "concise", "demise", "noise", "poise", "praise", "cruise",
            "paradise", "treatise", "despise", "arise", "chinese", "clockwise", "likewise",
            "concise", "increase", "decrease", "cause", "house", "use", "disease", "release",
            "response", "case", "base", "purpose", "expense", "license", "sense", "whose", "close",
            "those", "these", "else", "false", "pulse", "nurse", "course", "horse", "reverse",
            "diverse", "adverse", "universe", "verse", "dense", "tense", "immense", "intense"}
_OUR = ("labour", "behaviour", "favour", "neighbour", "harbour", "honour", "colour", "endeavour",
        "vapour", "rumour", "humour")
_UK_US = [(r"\bprogramme", "program"), (r"\bcentre", "center"), (r"\bageing\b", "aging"),
          (r"\bcounsell", "counsel"), (r"\bmodelling\b", "modeling"), (r"\btravell", "travel"),
          (r"\blabell", "label"), (r"\bfulfil\b", "fulfill"), (r"\benrol\b", "enroll"),
          (r"\banalys(e|ed|es|ing)\b", r"analyz\1"), (r"\bdefence\b", "defense"),
          (r"\blicence\b", "license"), (r"\bcatalogue\b", "catalog")]


_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")


def unhyphen(text: str) -> str:
    """A hyphen between two letters as a space, one for one (offsets unchanged): "social-protection
    system", "labour-market policies" and "child-labour monitoring" are the phrases "social
    protection", "labour market" and "child labour" written as compound adjectives. Pattern texts
    and matched texts both go through it, so a pack phrase written with a hyphen ("self-employed")
    still matches as written, and now without the hyphen too."""
    return _HYPHEN.sub(" ", text) if "-" in text else text


def _ise_to_ize(word: str) -> str:
    m = re.fullmatch(r"([a-z]{2,})is(e|es|ed|ing|ation|ations|er|ers)", word)
    if not m or word in _NOT_ISE or (m.group(1) + "ise") in _NOT_ISE:
        return word
    return f"{m.group(1)}iz{m.group(2)}"


def _ize_to_ise(word: str) -> str:
    m = re.fullmatch(r"([a-z]{2,})iz(e|es|ed|ing|ation|ations|er|ers)", word)
    if not m or word in ("size", "sizes", "prize", "prizes", "seize", "citizen"):
        return word
    return f"{m.group(1)}is{m.group(2)}"


_US_SUBS = [(re.compile(uk), us) for uk, us in _UK_US]
_UK_SUBS = [(re.compile(rf"\b{us}\b"), uk.replace(r"\b", "")) for uk, us in _UK_US if "\\1" not in us]
_OUR_US = [(re.compile(rf"\b{w[:-3]}our"), w[:-3] + "or") for w in _OUR]
_OUR_UK = [(re.compile(rf"\b{w[:-3]}or(s|ed|ing|er|ers|al)?\b"), lambda m, w=w: w + (m.group(1) or ""))
           for w in _OUR]


def _respell(word: str, subs, ours, suffixes) -> str:
    out = word
    for rx, rep in subs:
        out = rx.sub(rep, out)
    for rx, rep in ours:
        out = rx.sub(rep, out)
    return re.sub(r"[a-z]+", lambda m: suffixes(m.group(0)), out)


@lru_cache(maxsize=50000)
def _word_us(word: str) -> str:
    return _respell(word, _US_SUBS, _OUR_US, _ise_to_ize)


@lru_cache(maxsize=50000)
def _word_uk(word: str) -> str:
    return _respell(word, _UK_SUBS, _OUR_UK, _ize_to_ise)


def to_us(phrase: str) -> str:
    return " ".join(_word_us(w) for w in phrase.split(" "))


def to_uk(phrase: str) -> str:
    return " ".join(_word_uk(w) for w in phrase.split(" "))


_DE = re.compile(r"(?<= )de(l?)(?= )")
_BARE_POSSESSIVE = re.compile(r"(?<=[a-z]s)'(?= |$)")


def _contractions(phrase: str) -> set[str]:
    """Spanish "de" and "del" for one another, one place at a time: "condiciones de trabajo" is
    also written "condiciones del trabajo", "mercado del trabajo" also "mercado de trabajo".
    Spanish phrases only: in a French pack the extra forms' words ("chaines" of "chaines del
    valeur") entered the pack's own lemma table and broke the accentless match of "chaines de
    valeurs"."""
    out = {phrase}
    for m in _DE.finditer(phrase):
        other = "de" if m.group(1) else "del"
        out.add(phrase[:m.start()] + other + phrase[m.end():])
    return out


@lru_cache(maxsize=20000)
def spelling_variants(phrase: str, lang: str = "") -> frozenset[str]:
    """Every mix of British and American word forms (ILO prose itself mixes them:
    "labour organization"), capped at 32 variants; in Spanish, "de"/"del" for one another; a
    plural possessive also without its apostrophe ("employers organizations")."""
    forms = _contractions(phrase) if lang == "es" and " de" in phrase else {phrase}
    if "s'" in phrase:
        # The plural possessive is often written without its apostrophe ("employers
        # organizations", "workers representatives"; a third of the social partners' names in
        # the shared UN work plans): the phrase without it is the same phrase.
        forms |= {_BARE_POSSESSIVE.sub("", f) for f in forms}
    out: set[str] = set()
    for form in forms:
        out |= _mixes(form)
        if not form.isascii():
            # Text extracted from PDFs often loses its accents ("proteccion social").
            bare = "".join(c for c in unicodedata.normalize("NFD", form) if not unicodedata.combining(c))
            if bare != form:
                out |= _mixes(bare)
    return frozenset(out)


def _mixes(phrase: str) -> set[str]:
    words = phrase.split(" ")
    options = [sorted({w, _word_us(w), _word_uk(w)}) for w in words]
    out = {""}
    for opts in options:
        out = {f"{o} {w}".strip() for o in out for w in opts}
        if len(out) > 32:
            return {phrase, to_us(phrase), to_uk(phrase)}
    return out
