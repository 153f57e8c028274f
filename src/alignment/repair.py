"""Text repair: mojibake (UTF-8 bytes decoded with the wrong code page) -> the text meant.

Input: one string, as a reader got it. Output: the repaired string and whether anything was
changed; readers count the repairs and say so in the document's warnings.

UN INFO exports (and many files that passed through a Mac) carry UTF-8 read as Mac Roman:
"√≠" for "í", "‚Äô" for "’". ftfy (a well-kept library) repairs whole strings when it is sure;
it leaves a string alone when real accented letters stand beside the damage ("Ministère √©")
or when a damaged sequence could be a real symbol. What it leaves, a targeted Mac Roman round
trip repairs: a sequence is re-encoded only when its bytes form one valid UTF-8 character of
the Latin-1 and Latin Extended-A blocks (lead bytes C2-C5, shown as "¬", "√", "ƒ", "≈") or of
general punctuation and currency (E2 80-82, shown as "‚Ä", "‚Å", "‚Ç"). Those lead characters
are maths symbols that do not stand before an accented letter in real prose, so real text is
never touched.
"""

from __future__ import annotations

import re

# Mac Roman characters of the bytes 0x80-0xBF (UTF-8 continuation bytes).
_CONT = bytes(range(0x80, 0xC0)).decode("mac_roman")
_LEAD2 = bytes(range(0xC2, 0xC6)).decode("mac_roman")  # ¬ √ ƒ ≈
_E2 = b"\xe2".decode("mac_roman")  # ‚
_E2_SECOND = bytes(range(0x80, 0x83)).decode("mac_roman")  # Ä Å Ç
_MAC = re.compile(f"[{re.escape(_LEAD2)}][{re.escape(_CONT)}]"
                  f"|{re.escape(_E2)}[{re.escape(_E2_SECOND)}][{re.escape(_CONT)}]")
# A cheap gate before ftfy: the marks of the usual mojibake (Mac Roman, cp1252, latin-1).
_SUSPECT = re.compile(f"[{re.escape(_LEAD2)}{re.escape(_E2)}][{re.escape(_CONT)}]|Ã[\u0080-\u00bf]|â€")


def _mac_roman(m: re.Match) -> str:
    try:
        return m.group(0).encode("mac_roman").decode("utf-8")
    except UnicodeError:
        return m.group(0)


def repair(text: str) -> tuple[str, bool]:
    """The text with UTF-8 mojibake repaired, and whether it changed."""
    if not text or text.isascii() or not _SUSPECT.search(text):
        return text, False
    import ftfy  # imported only when a text looks damaged

    fixed = ftfy.fix_encoding(text)
    fixed = _MAC.sub(_mac_roman, fixed)
    return fixed, fixed != text


def repaired_warning(count: int, what: str = "text") -> str:
    return (f"{count} {what} repaired: UTF-8 read with the wrong code page "
            f"(e.g. '√≠' for 'í', '‚Äô' for '’')")
