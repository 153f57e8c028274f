"""Language detection: raw text blocks -> `Evidence` (en, fr or es) with the reasons.

Detects per paragraph-sized chunk (40+ characters); the document language is the majority by
characters. A document with a second language above 20 % is reported as mixed. A chunk is
decided by its function words when they leave no doubt (at least 4 of one language's, and
three times as many as of any other); otherwise by lingua, restricted to English, French and
Spanish (low-accuracy mode: fast, exact on paragraphs), which is loaded only then: on a
document of real prose, lingua's 0.1-0.3 s of loading is not needed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .document import Evidence

# Frequent words of one of the three languages and rare in the other two.
_FUNCTION_WORDS = {
    "en": "the and of to is for with that by on are will be from this which was have has "
          "their its an or at not been these such into",
    "fr": "le les des et du est pour dans une sur par qui au aux avec sont ce ces été être "
          "leur leurs plus entre ainsi cette",
    "es": "el los las y del para por con una al su sus como está son más entre este esta "
          "estos sobre también sin",
}
_WORD_LANG = {w: lang for lang, words in _FUNCTION_WORDS.items() for w in words.split()}
_WORDS = re.compile(r"[a-zà-ÿ]+")

SUPPORTED = ("en", "fr", "es")
_SAMPLE = 80  # chunks looked at: enough for a verdict, bounded for 500-page files


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(
        Language.ENGLISH, Language.FRENCH, Language.SPANISH).with_low_accuracy_mode().build()


_CODES = {"ENGLISH": "en", "FRENCH": "fr", "SPANISH": "es"}


def detect(texts: list[str]) -> Evidence:
    chunks = [t for t in texts if len(t) >= 40]
    if not chunks:
        chunks = [" ".join(texts)] if "".join(texts).strip() else []
    if not chunks:
        return Evidence(value="en", confidence=0.0, reasons=["no text to detect a language from; assumed English"])
    step = max(1, len(chunks) // _SAMPLE)
    sample = chunks[::step][:_SAMPLE]
    weight: dict[str, int] = {}
    undecided = []
    for text in sample:
        code = _by_function_words(text[:1000])
        if code is None:
            undecided.append(text)
        else:
            weight[code] = weight.get(code, 0) + len(text)
    decided = sum(weight.values())
    left = sum(len(t) for t in undecided)
    clear = decided and max(weight.values()) >= 0.8 * decided and left <= 0.1 * (decided + left)
    if not clear:  # the function words leave the verdict open: ask lingua about the rest
        for text in undecided:
            code = _by_lingua(text[:1000])
            if code is not None:
                weight[code] = weight.get(code, 0) + len(text)
        undecided = []
    if not weight:
        return Evidence(value="en", confidence=0.0, reasons=["language not recognised; assumed English"])
    total = sum(weight.values())
    best = max(weight, key=lambda k: (weight[k], k))
    share = weight[best] / total
    reasons = [f"{code}: {w / total:.0%} of {len(sample)} sampled paragraphs (by characters)"
               for code, w in sorted(weight.items(), key=lambda kv: -kv[1])]
    if share < 0.8:
        reasons.append("mixed-language document")
    if undecided:
        n = len(undecided)
        reasons.append(f"{n} short paragraph{'s' if n != 1 else ''} without enough function words not counted")
    return Evidence(value=best, confidence=round(share, 2), reasons=reasons)


def _by_function_words(text: str) -> str | None:
    counts = {"en": 0, "fr": 0, "es": 0}
    for w in _WORDS.findall(text.lower()):
        lang = _WORD_LANG.get(w)
        if lang:
            counts[lang] += 1
    best = max(counts, key=counts.get)
    rest = max(n for lang, n in counts.items() if lang != best)
    if counts[best] >= 4 and counts[best] >= 3 * rest:
        return best
    # A title or a short line ("Climate Change and environment") has few function words, and
    # lingua is unreliable on a handful of words: one language's words alone decide it.
    return best if len(text) < 200 and counts[best] >= 1 and rest == 0 else None


def _by_lingua(text: str) -> str | None:
    lang = _detector().detect_language_of(text)
    return _CODES.get(lang.name, "en") if lang is not None else None


def vocabulary_language(text: str, own: set[str], other: set[str]) -> bool:
    """Whether a short line without function words ("Gender Assessment", "Support women
    entrepreneurs") is in the other language: it holds words of the other language's rule
    vocabulary that the own language's lacks, and none the other way round."""
    words = set(_WORDS.findall(text.lower()))
    return bool(words & (other - own)) and not words & (own - other)


def line_language(text: str) -> str | None:
    """The language of one line or paragraph when its function words leave no doubt, else None
    (the document's language then applies). Real plans mix English titles into French and
    Spanish text; each such line is matched with its own language's pack."""
    return _by_function_words(text[:1000])


def detect_text(text: str) -> str:
    """Language of one passage (used by `eval` when a gold line has no `lang`)."""
    return detect([text]).value
