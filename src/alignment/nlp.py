"""The spaCy pipeline, offline: blank language + sentencizer + lookup lemmatizer.

Input: a language code. Output: a cached `Language` object. No model is downloaded: lemma
tables come from spacy-lookups-data. A user's installed pipeline may be named with the
environment variable ALIGNMENT_SPACY_MODEL (a package name or path); it is never required.
"""

from __future__ import annotations

import logging
import os
from functools import lru_cache

log = logging.getLogger("alignment")


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
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    try:
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
    except Exception as exc:  # no lookup table for the language: match on lower case only
        log.warning("no lemma lookup table for %s (%s): lemma matching is off", lang, exc)
        nlp = spacy.blank(lang)
        nlp.add_pipe("sentencizer")
    nlp.max_length = 2_000_000
    return nlp


def lemmatize_pattern(nlp, text: str):
    """A pattern Doc with lemmas, built with the tokenizer and the lemmatizer only."""
    doc = nlp.make_doc(text)
    if "lemmatizer" in nlp.pipe_names:
        doc = nlp.get_pipe("lemmatizer")(doc)
    return doc
