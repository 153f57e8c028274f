"""The pack's lemmatizer and speller: pattern texts -> a lookup lemmatizer pruned to the pack's
vocabulary (cached on disk by `lexicon`), mending misspelt pack words on the way.

Input: the pipeline, the language and the pack's pattern texts and compared lemmas. Output: a
`LookupLemmatizer` (None with the user's own pipeline lemmatizer or without a table).
"""

from __future__ import annotations

import re

from .. import lexicon
from ..nlp import LookupLemmatizer, own_lemmatizer


def pack_lemmatizer(nlp, lang: str, texts: list[str], compared: set[str] | None) -> LookupLemmatizer | None:
    """The lookup lemmatizer for a pack: its pruned table from the cache, or the full table
    pruned to the pack's vocabulary (and cached). None without a table, or with the user's own
    pipeline lemmatizer."""
    if own_lemmatizer(nlp):
        return None
    mend = Speller(lang, texts)
    key = None
    if compared is not None:
        key = lexicon.cache_key(lang, texts + ["\x00"] + sorted(compared))
        table = lexicon.cached_lemmas(lang, key)
        if table is not None:
            return LookupLemmatizer(nlp.vocab, table, mend)
    full = lexicon.full_lemmas(lang)
    if full is None:
        return None
    lemmatizer = LookupLemmatizer(nlp.vocab, full)
    if key is None:
        lemmatizer.mend = mend
        return lemmatizer
    vocabulary = set(compared)
    for doc in lemmatizer.pipe(nlp.tokenizer.pipe(texts)):
        vocabulary.update(t.lemma_ for t in doc)
    table = lexicon.pruned_lemmas(full, vocabulary)
    lexicon.store_json("lemmas", lang, key, table)
    return LookupLemmatizer(nlp.vocab, table, mend)


class Speller:
    """A misspelt word of the pack's vocabulary -> the word meant ("entreprenuers" ->
    "entrepreneurs", "instituional" -> "institutional").

    Only for words the language's lemma table does not know at all (`lexicon.known_words`),
    of letters only and long enough that one slip (two from 11 letters) cannot turn one real
    word into another; the nearest pack word by edit distance wins, and a tie means no guess."""

    MIN_LEN = 7

    def __init__(self, lang: str, texts: list[str]):
        self.lang = lang
        words = {w for t in texts for w in re.findall(r"[^\W\d_]+", t.lower()) if len(w) >= self.MIN_LEN - 1}
        self.words = sorted(words)
        self._words = words
        self._known = None
        self._near: dict[int, list[str]] = {}  # word length -> pack words of a near length

    def __call__(self, word: str) -> str | None:
        if len(word) < self.MIN_LEN or not word.isalpha() or not self.words:
            return None
        if self._known is None:
            self._known = lexicon.known_words(self.lang)
        if word in self._known or self._adverb_of_known(word):
            return None
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        limit = 2 if len(word) >= 11 else 1
        # a word whose length differs by more than `limit` is farther than `limit`: only the pack
        # words of a near length are compared (in the same order, so ties fall as before)
        near = self._near.get(len(word))  # `limit` follows from the length
        if near is None:
            near = self._near[len(word)] = [w for w in self.words if abs(len(w) - len(word)) <= limit]
        best = process.extract(word, near, scorer=Levenshtein.distance, score_cutoff=limit, limit=2)
        if not best or (len(best) > 1 and best[1][1] == best[0][1]):
            return None
        return best[0][0]

    # Adverbs are missing from the lemma tables (and English adjectives too, which have no
    # inflected forms) but are real words: "sustainably" is not a slip for "sustainable", nor
    # "durablement" for "durable". An adverb whose adjective is a known word or a word of the
    # pack is a word. (suffix, replacements) per language.
    _ADVERBS = {"en": (("ably", ("able",)), ("ibly", ("ible",)), ("ically", ("ical", "ic")), ("ily", ("y",)),
                       ("ly", ("", "e"))),
                "fr": (("emment", ("ent",)), ("amment", ("ant",)), ("ément", ("é", "e")), ("ment", ("", "e"))),
                "es": (("mente", ("",)),)}

    def _adverb_of_known(self, word: str) -> bool:
        for suffix, replacements in self._ADVERBS.get(self.lang, ()):
            if word.endswith(suffix) and len(word) > len(suffix) + 3:
                stem = word[:-len(suffix)]
                return any(stem + r in self._known or stem + r in self._words for r in replacements)
        return False

