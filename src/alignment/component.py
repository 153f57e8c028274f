"""A spaCy pipeline component for people who already have a pipeline.

    nlp = spacy.blank("en")            # or any installed pipeline
    nlp.add_pipe("alignment")          # found through the spacy_factories entry point
    doc = nlp("By 2027, social protection floors cover informal workers.")
    doc.spans["alignment"]             # one span per finding: label = category, id = rule id
    doc.user_data["alignment"]         # the `Finding` objects, with topics and modifiers

Input: a Doc. Output: the same Doc with `doc.spans["alignment"]` and the findings in
`doc.user_data["alignment"]` (not `doc.ents`: findings overlap). The findings are the
pipeline's match stage (`pipeline.Matcher.texts`) on the Doc's text, by the pack of `nlp.lang`.

Importing this module registers the factory (`@Language.factory`), so it imports spaCy: the
one module of the package that does something at import time, and only spaCy's entry point
(`spacy_factories`) or a user imports it.
"""

from __future__ import annotations

from .spacy_import import load

load()  # this module registers a spaCy factory, so it needs spaCy now (without its CLI)
from spacy.language import Language  # noqa: E402

from .pipeline import Matcher


class AlignmentComponent:
    def __init__(self, nlp, name: str, rules_dirs: list[str], spans_key: str):
        self.name = name
        self.spans_key = spans_key
        self.language = nlp.lang
        self.matcher = Matcher(rules_dirs=tuple(rules_dirs))
        self.matcher.engine(self.language)  # a broken pack fails at add_pipe, not at the first Doc

    def __call__(self, doc):
        findings = self.matcher.texts(self.language, [doc.text])
        spans = []
        for f in findings:
            span = doc.char_span(f.start, f.end, label=f.category, alignment_mode="expand")
            if span is not None:
                span.id_ = f.rule_id
                spans.append(span)
        doc.spans[self.spans_key] = spans
        doc.user_data[self.spans_key] = findings
        return doc


@Language.factory("alignment", assigns=["doc.spans"],
                  default_config={"rules_dirs": [], "spans_key": "alignment"})
def make_component(nlp, name: str, rules_dirs: list[str], spans_key: str):
    return AlignmentComponent(nlp, name, rules_dirs, spans_key)
