"""The spaCy pipeline, offline: blank language + a cached lookup lemmatizer.

Input: a language code. Output: a cached `Language` object (tokenizer + lemmatizer). No model is downloaded: lemma
tables come from spacy-lookups-data. `alignment_lemmatizer` gives the same lemmas as spaCy's
lookup lemmatizer but maps each word type once (orth id -> lemma id) and writes the lemmas
with one array call, which is several times faster on long documents.
A user's installed pipeline may be named with the environment variable ALIGNMENT_SPACY_MODEL
(a package name or path); it is never required.
"""

from __future__ import annotations

import logging
import os
from functools import lru_cache

log = logging.getLogger("alignment")


class CachedLookupLemmatizer:
    """Lookup lemmas by word type: one dict lookup per token, lemmas set in one array call."""

    def __init__(self, vocab, table):
        self.vocab = vocab
        self.table = table if table is not None else {}
        self.cache: dict[int, int] = {}

    def _lemma(self, orth: int) -> int:
        text = self.vocab.strings[orth]
        lemma = self.table.get(text)
        if lemma is None and text != text.lower():
            lemma = self.table.get(text.lower())
        return self.vocab.strings.add(lemma if isinstance(lemma, str) else text)

    def __call__(self, doc):
        import numpy

        from spacy.attrs import LEMMA, ORTH

        if not len(doc):
            return doc
        cache = self.cache
        orths = doc.to_array([ORTH])
        lemmas = numpy.empty_like(orths)
        for i, o in enumerate(orths.tolist()):
            v = cache.get(o)
            if v is None:
                v = cache[o] = self._lemma(o)
            lemmas[i] = v
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


def _lookup_table(lang: str) -> dict | None:
    try:
        from spacy.lookups import load_lookups

        return load_lookups(lang, ["lemma_lookup"]).get_table("lemma_lookup")
    except Exception as exc:
        log.warning("no lemma lookup table for %s (%s): lemma matching is off", lang, exc)
        return None


def _register() -> None:
    from spacy.language import Language

    if "alignment_lemmatizer" in Language.factories:
        return

    @Language.factory("alignment_lemmatizer", assigns=["token.lemma"], default_config={})
    def make_lemmatizer(nlp, name):
        return CachedLookupLemmatizer(nlp.vocab, _lookup_table(nlp.lang))


@lru_cache(maxsize=4)
def get_nlp(lang: str = "en"):
    import spacy

    model = os.environ.get("ALIGNMENT_SPACY_MODEL")
    if model:
        try:
            nlp = spacy.load(model, exclude=["ner", "parser", "tagger", "textcat"])
            if "sentencizer" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
                nlp.add_pipe("sentencizer")
            return nlp
        except Exception as exc:  # a broken user model must not stop the tool
            log.warning("could not load spaCy model %s (%s); using a blank pipeline", model, exc)
    _register()
    nlp = spacy.blank(lang)  # sentences are split by match.sentences(), not a component
    lemmatizer = nlp.add_pipe("alignment_lemmatizer")
    if not lemmatizer.table:
        nlp.remove_pipe("alignment_lemmatizer")
    nlp.max_length = 2_000_000
    return nlp


def has_lemmas(nlp) -> bool:
    return "alignment_lemmatizer" in nlp.pipe_names or "lemmatizer" in nlp.pipe_names


def lemmatize_pattern(nlp, text: str):
    """A pattern Doc with lemmas, built with the tokenizer and the lemmatizer only."""
    doc = nlp.make_doc(text)
    for name in ("alignment_lemmatizer", "lemmatizer"):
        if name in nlp.pipe_names:
            return nlp.get_pipe(name)(doc)
    return doc
