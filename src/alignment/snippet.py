"""Evidence snippets that always hold their trigger.

A long sentence shown in a report is shortened around the words that fired the rule, never
from its start: a cut at a fixed length could drop the very trigger the report points at.
"""

from __future__ import annotations

import re

ELLIPSIS = "\u2026"


def locate(sentence: str, trigger: str, hint: int | None = None) -> tuple[int, int] | None:
    """Where `trigger` stands in `sentence` (case-insensitive; the occurrence nearest `hint`)."""
    word = trigger.strip()
    if not word:
        return None
    found = [(m.start(), m.end()) for m in re.finditer(re.escape(word), sentence, re.I)]
    if not found:
        return None
    if hint is None:
        return found[0]
    return min(found, key=lambda se: abs(se[0] - hint))


def snippet(sentence: str, trigger: str = "", width: int = 400) -> str:
    """`sentence` if it fits in `width` characters, else a window of about `width` characters
    around the trigger (word boundaries kept, an ellipsis where text was left out)."""
    sentence = sentence.strip()
    if len(sentence) <= width:
        return sentence
    at = locate(sentence, trigger)
    s, e = at if at else (0, 0)
    if e - s >= width:
        return sentence[s:e]
    room = width - (e - s)
    left = max(0, s - room // 3)  # a third of the room before the trigger, the rest after
    right = min(len(sentence), e + (room - (s - left)))
    left = max(0, right - width)
    if left > 0:
        space = sentence.find(" ", left, s)
        left = space + 1 if space >= 0 else left
    if right < len(sentence):
        space = sentence.rfind(" ", e, right)
        right = space if space > 0 else right
    return (ELLIPSIS if left > 0 else "") + sentence[left:right].strip() + (ELLIPSIS if right < len(sentence) else "")
