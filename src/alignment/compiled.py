"""Compiled pack: a `Pack` -> everything the stages build from its rules, once per pack digest.

Input: a `Pack` (its `version` names the merged packs and carries a digest of their content).
Output: a `CompiledPack` whose parts are built on first use and kept while the pack is in the
cache: the matcher engine (`match`), the structure patterns (`structure`), the pack vocabulary
that routes lines by language, the `not_content` pattern, the constituent scanners, the
appraisal cues, the capacity-development cues, and the category and topic lists of the pack's
taxonomy.

One bounded cache keyed by (language, version) replaces the per-module caches each stage kept
with keys of its own. A part is built only when a stage asks for it: a `check` does not build
the appraisal cues, and `--language fr` does not build the English engine unless a line needs
it. The builders stay in their stage's module and are imported inside the properties, so this
module imports no stage and no stage import cycles through it.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from functools import cached_property
from typing import TYPE_CHECKING

from . import regex_cache

if TYPE_CHECKING:
    from .match import Engine
    from .packs import Pack
    from .structure import StructurePatterns

MAX_PACKS = 8
"""Compiled packs kept (least recently used goes first): a batch over three languages with
a user rule folder needs six; an engine is ~20 MB."""

_CACHE: OrderedDict[tuple[str, str], "CompiledPack"] = OrderedDict()


def compile_pack(pack: Pack) -> CompiledPack:
    """The compiled parts of `pack`, shared by every pack with the same language and version."""
    key = (pack.language, pack.version)
    found = _CACHE.get(key)
    if found is None:
        found = _CACHE[key] = CompiledPack(pack)
        while len(_CACHE) > MAX_PACKS:
            _CACHE.popitem(last=False)
    else:
        _CACHE.move_to_end(key)
    return found


def clear() -> None:
    """Forget every compiled pack (tests that change the lemma tables or the cache folder)."""
    _CACHE.clear()


class CompiledPack:
    """What the stages build from one pack's rules, each part on first use."""

    def __init__(self, pack: Pack):
        self.pack = pack

    @cached_property
    def engine(self) -> Engine:
        """The matchers of the match stage (phrase, lemma, token, regex, fuzzy, citations)."""
        from .match.engine import build

        return build(self.pack)

    @cached_property
    def structure(self) -> StructurePatterns:
        """Heading, section, element, field and document-type patterns of the structure stage."""
        from .structure import compile_rules

        return compile_rules(self.pack.content)

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """The words of the pack's phrases and co-occurring words (lower case): an English title
        without function words in a French plan is told apart by them."""
        found: set[str] = set()
        for rule in self.pack.content.rules:
            for phrase in (*rule.phrases, *rule.with_any):
                found.update(re.findall(r"[a-zà-ÿ]+", phrase.lower()))
        return frozenset(found)

    @cached_property
    def not_content(self) -> re.Pattern | None:
        """One pattern for the pack's `not_content` lines (references, footnotes), or None."""
        patterns = self.pack.content.not_content
        if not patterns:
            return None
        return regex_cache.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE | re.MULTILINE)

    @cached_property
    def not_content_scanners(self) -> list | None:
        """The `not_content` expressions one by one, as `regex_scan.Scanner`s with the literal
        strings one of which each match holds (`match.languages.match_mixed`): a paragraph
        holds a match of `not_content` exactly when it holds one of some expression of the
        list, and one whose literals are not in it holds none. None when the list is empty or
        an expression refers to a group by number or name (it would read another expression's
        group inside the one pattern)."""
        from .regex_scan import Scanner

        patterns = self.pack.content.not_content
        if not patterns or any(re.search(r"\\[1-9]|\(\?P=", p) for p in patterns):
            return None
        return [Scanner(regex_cache.compile(p, re.IGNORECASE | re.MULTILINE), shared=False) for p in patterns]

    @cached_property
    def constituents(self) -> tuple[list, list]:
        """(actors, roles) scanners of the constituents rules (`constituents.compile_rules`)."""
        from .constituents import compile_rules

        return compile_rules(self.pack.content)

    @cached_property
    def appraisal_cues(self) -> dict:
        """The appraisal cues by kind (`appraise.cues.compile_rules`)."""
        from .appraise.cues import compile_rules

        return compile_rules(self.pack.content)

    @cached_property
    def capdev_cues(self) -> dict:
        """Capacity levels, kinds and whose capacity (`score.compile_capdev`)."""
        from .score import compile_capdev

        return compile_capdev(self.pack.content)

    @cached_property
    def categories(self) -> tuple[str, ...]:
        """The category ids of the pack's taxonomy, in its order."""
        return tuple(c.id for c in self.pack.content.taxonomy)

    @cached_property
    def topics(self) -> tuple[str, ...]:
        """The topic ids of the pack's taxonomy, category by category."""
        return tuple(t.id for c in self.pack.content.taxonomy for t in c.topics)

    @cached_property
    def topic_sdg(self) -> dict[str, list[str]]:
        """Topic id -> the SDG targets it serves (rules/common/taxonomy.yaml). Read only."""
        return {t.id: t.sdg for c in self.pack.content.taxonomy for t in c.topics}
