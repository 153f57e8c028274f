"""Read, normalise and structure one file: path -> `Document`.

The composition of the first three stages, used by every command (`inspect`, `check`,
`compare`, `appraise`, `batch`).
"""

from __future__ import annotations

from .document import Document
from .language import detect
from .normalise import normalise
from .packs import load_pack
from .read import DEFAULT_MAX_SIZE, read_document
from .structure import structure


def load_document(path: str, *, max_size: int = DEFAULT_MAX_SIZE, rules_dirs: tuple[str, ...] = (),
                  stdin: bytes | None = None, language: str | None = None) -> Document:
    raw = read_document(path, max_size=max_size, stdin=stdin)
    lang = detect(_chunks(raw.blocks))
    if language:
        lang = lang.model_copy(update={"value": language, "reasons": [f"set by the user ({language})"]})
    paragraphs = normalise(raw, lang.value, consume=True)  # the raw blocks go as paragraphs come
    pack = load_pack(lang.value, tuple(rules_dirs))
    return structure(raw, paragraphs, pack.content, lang)


def _chunks(blocks, size: int = 300, limit: int = 4000) -> list[str]:
    """Layout lines glued into paragraph-sized chunks for language detection."""
    out, cur = [], []
    length = 0
    for b in blocks:
        if not b.text.strip():
            continue
        cur.append(b.text)
        length += len(b.text)
        if length >= size:
            out.append(" ".join(cur))
            cur, length = [], 0
            if len(out) >= limit:
                break
    if cur:
        out.append(" ".join(cur))
    return out
