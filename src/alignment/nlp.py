"""The spaCy pipeline, offline: a blank language and a fast lookup lemmatizer.

Input: a language code. Output: a cached `Language` object (the tokenizer) and
`LookupLemmatizer`, which gives the lemmas of spaCy's lookup lemmatizer from a
spacy-lookups-data table (see `lexicon`) but maps each word type once (orth id -> lemma id)
and writes the lemmas with one array call, several times faster on long documents. No model
is downloaded. A user's installed pipeline may be named with the environment variable
ALIGNMENT_SPACY_MODEL (a package name or path); its own lemmatizer is then used. It is never
required.
"""

from __future__ import annotations

import logging
import os
from functools import lru_cache

log = logging.getLogger("alignment")


class LookupLemmatizer:
    """Lookup lemmas by word type: one dict lookup per token, lemmas set in one array call.

    `mend`, when given, is asked about a word the table does not know: it returns the word
    the writer meant (a misspelt pack word, "entreprenuers" for "entrepreneurs") or None, and
    the token takes that word's lemma. Its text and offsets are unchanged."""

    def __init__(self, vocab, table: dict[str, str], mend=None):
        self.vocab = vocab
        self.table = table
        self.mend = mend
        self.cache: dict[int, int] = {}

    def _lemma(self, orth: int) -> int:
        text = self.vocab.strings[orth]
        lemma = self.table.get(text)
        if lemma is None and text != text.lower():
            lemma = self.table.get(text.lower())
        if lemma is None and self.mend is not None:
            meant = self.mend(text.lower())
            if meant is not None:
                lemma = self.table.get(meant, meant)
        return self.vocab.strings.add(lemma if lemma is not None else text)

    def _lookup(self, orths: list[int]) -> list[int]:
        cache = self.cache
        out = []
        for o in orths:
            v = cache.get(o)
            if v is None:
                v = cache[o] = self._lemma(o)
            out.append(v)
        return out

    def __call__(self, doc):
        if len(doc) < 8:  # a pattern: setting a few tokens beats two array copies
            for t, v in zip(doc, self._lookup([t.orth for t in doc])):
                t.lemma = v
            return doc
        return self._batch([doc])[0]

    def pipe(self, docs, batch_size: int = 256):
        """Lemmatize docs in batches: each word type of a batch is looked up once."""
        batch = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    def _batch(self, docs):
        import numpy

        from spacy.attrs import LEMMA, ORTH

        arrays = [doc.to_array([ORTH]).reshape(-1) for doc in docs if len(doc)]
        if arrays:
            types, inverse = numpy.unique(numpy.concatenate(arrays), return_inverse=True)
            lemmas = numpy.array(self._lookup(types.tolist()), dtype=types.dtype)[inverse]
            pos = 0
            for doc in docs:
                if len(doc):
                    doc.from_array([LEMMA], lemmas[pos:pos + len(doc)].reshape(-1, 1))
                    pos += len(doc)
        return docs


# Lexical attributes the engine reads: lower case (context cues) and punctuation (token
# patterns). A new word type costs spaCy one call per attribute it knows (shape, like_num,
# like_url, stop word, norm, ...): computing only these makes tokenizing text the pipeline
# has not seen ~40 % faster.
LEX_ATTRS = frozenset({"LOWER", "IS_PUNCT"})


@lru_cache(maxsize=8)
def get_nlp(lang: str = "en", lex_attrs: frozenset[str] = LEX_ATTRS):
    """A tokenizer-only blank pipeline computing the lexical attributes `lex_attrs` (names
    from spacy.attrs) for new words, or the user's pipeline (without parser, NER, tagger)."""
    from .spacy_import import load

    spacy = load()  # without its CLI

    model = os.environ.get("ALIGNMENT_SPACY_MODEL")
    if model:
        try:
            return spacy.load(model, exclude=["ner", "parser", "tagger", "textcat"])
        except Exception as exc:  # a broken user model must not stop the tool
            log.warning("could not load spaCy model %s (%s); using a blank pipeline", model, exc)
    from spacy.attrs import IDS

    from .regex_cache import Scope, patched

    # spaCy's language modules and tokenizer compile their regular expressions here (French
    # TOKEN_MATCH alone ~1.7 s); the compiled code is cached on disk (regex_cache.py)
    with patched(Scope(f"tokenizer-{lang}")):
        # sentences are split by sentences.in_tokens(), not a component
        nlp = _english().from_config({}) if lang == "en" else spacy.blank(lang)
    nlp.max_length = 2_000_000
    keep = {IDS[name] for name in lex_attrs | LEX_ATTRS if name in IDS}
    getters = nlp.vocab.lex_attr_getters
    nlp.vocab.lex_attr_getters = {k: f for k, f in getters.items() if k in keep}
    return nlp


_ENGLISH = None


def _english():
    """spaCy's English with one more infix: a possessive run into the next word
    ("employers'organisations", a frequent typing slip in real plans) is split as if the space
    were there. Given to the tokenizer when it is made (what `spacy.blank("en")` does, with this
    infix): setting `tokenizer.infix_finditer` afterwards reloads its ~2,700 special cases
    (~0.05 s at every start)."""
    global _ENGLISH
    if _ENGLISH is None:
        from spacy.lang.en import English

        class EnglishDefaults(English.Defaults):
            infixes = list(English.Defaults.infixes) + [r"(?<=[a-z]s)'(?=[a-z])"]

        class AlignmentEnglish(English):
            Defaults = EnglishDefaults

        # pickled by name, found again through the module's __getattr__
        AlignmentEnglish.__module__ = EnglishDefaults.__module__ = __name__
        AlignmentEnglish.__qualname__ = "AlignmentEnglish"
        EnglishDefaults.__qualname__ = "AlignmentEnglish.Defaults"
        _ENGLISH = AlignmentEnglish
    return _ENGLISH


def __getattr__(name: str):
    if name == "AlignmentEnglish":
        return _english()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def own_lemmatizer(nlp) -> bool:
    """Whether the pipeline brings its own lemmatizer (a user's trained pipeline)."""
    return "lemmatizer" in nlp.pipe_names
