"""Language detection: raw text blocks -> `Evidence` (en, fr or es) with the reasons.

Detects per paragraph-sized chunk (40+ characters) with lingua restricted to English, French
and Spanish (low-accuracy mode: fast, exact on paragraphs); the document language is the
majority by characters. A document with a second language above 20 % is reported as mixed.
"""

from __future__ import annotations

from functools import lru_cache

from .document import Evidence

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
    detector = _detector()
    weight: dict[str, int] = {}
    for text in sample:
        lang = detector.detect_language_of(text[:1000])
        if lang is not None:
            code = _CODES.get(lang.name, "en")
            weight[code] = weight.get(code, 0) + len(text)
    if not weight:
        return Evidence(value="en", confidence=0.0, reasons=["language not recognised; assumed English"])
    total = sum(weight.values())
    best = max(weight, key=lambda k: (weight[k], k))
    share = weight[best] / total
    reasons = [f"{code}: {w / total:.0%} of {len(sample)} sampled paragraphs (by characters)"
               for code, w in sorted(weight.items(), key=lambda kv: -kv[1])]
    if share < 0.8:
        reasons.append("mixed-language document")
    return Evidence(value=best, confidence=round(share, 2), reasons=reasons)


def detect_text(text: str) -> str:
    """Language of one passage (used by `eval` when a gold line has no `lang`)."""
    return detect([text]).value
