"""Language routing: texts + `Pack` -> findings, each text matched by the pack of its language.

Input: texts and the document's pack. Output: the findings of `match_texts`, in text order.
Lines the pack calls no content (`not_content`: references, footnotes) are blanked first.
"""

from __future__ import annotations

from ..compiled import compile_pack
from ..findings import Finding
from ..packs import Pack
from ..regex_scan import fold
from .engine import get_engine
from .paragraph import ParagraphInfo, Suppressed
from .texts import match_texts


def not_content(pack: Pack, text: str) -> bool:
    """Whether the pack says a paragraph is no content of a plan (`not_content`)."""
    skip = compile_pack(pack).not_content
    return bool(skip is not None and skip.search(text))


def _blank_not_content(scanners, skip, texts: list[str]) -> list[str]:
    """`texts` with those that hold a match of `skip` (`not_content`) made empty. With
    `scanners` (`CompiledPack.not_content_scanners`), each expression of the list is searched
    only in the texts that hold one of its literal strings (`Scanner.may_match`), instead of
    the whole alternation in every text."""
    if scanners is None:
        return ["" if skip.search(t) else t for t in texts]
    any_folded = any(s.folded for s in scanners)
    out = []
    for text in texts:
        folded = fold(text) if any_folded else None
        if any(s.may_match(text, folded) and s.pattern.search(text) for s in scanners):
            text = ""
        out.append(text)
    return out


def match_mixed(pack: Pack, texts: list[str], infos: list[ParagraphInfo] | None = None,
                suppressed: list[Suppressed] | None = None,
                aliases: dict[str, str] | None = None) -> list[Finding]:
    """`match_texts` with each text matched by the pack of its own language: a paragraph whose
    function words say another supported language (an English title in a Spanish plan) goes to
    that language's pack (with the same user rule folders); the rest to `pack`. Findings keep
    the order of the texts."""
    from ..language import line_language, vocabulary_language
    from ..packs import LANGUAGES, load_pack

    infos = infos or [ParagraphInfo(index=i) for i in range(len(texts))]
    skip = compile_pack(pack).not_content
    if skip is not None:  # reference lines, footnotes, the Office's own staff: no content of the plan
        texts = _blank_not_content(compile_pack(pack).not_content_scanners, skip, texts)
    groups: dict[str, list[int]] = {}
    for k, text in enumerate(texts):
        lang = line_language(text)
        if lang is None and pack.language != "en" and text and len(text) < 200:
            # an English title without function words in a French or Spanish plan
            english = load_pack("en", pack.user_dirs)
            if vocabulary_language(text, compile_pack(pack).vocabulary, compile_pack(english).vocabulary):
                lang = "en"
        groups.setdefault(lang if lang in LANGUAGES and lang != pack.language else pack.language, []).append(k)
    if list(groups) == [pack.language]:
        return match_texts(get_engine(pack), texts, infos, suppressed, aliases)
    out: list[Finding] = []
    for lang, ks in groups.items():
        other = pack if lang == pack.language else load_pack(lang, pack.user_dirs)
        out += match_texts(get_engine(other), [texts[k] for k in ks], [infos[k] for k in ks], suppressed, aliases)
    order = {info.index: n for n, info in enumerate(infos)}
    out.sort(key=lambda f: (order.get(f.paragraph, 0), f.start))
    return out
