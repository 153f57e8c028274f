"""A spaCy pipeline component for people who already have a pipeline.

    nlp = spacy.blank("en")            # or any installed pipeline
    nlp.add_pipe("alignment")          # found through the spacy_factories entry point
    doc = nlp("By 2027, social protection floors cover informal workers.")
    doc.spans["alignment"]             # one span per finding: label = category, id = rule id
    doc.user_data["alignment"]         # the `Finding` objects, with topics and modifiers

Input: a Doc. Output: the same Doc with `doc.spans["alignment"]` and the findings in
`doc.user_data["alignment"]` (not `doc.ents`: findings overlap).
"""

from __future__ import annotations

from .spacy_import import load

load()  # this module registers a spaCy factory, so it needs spaCy now (without its CLI)
from spacy.language import Language  # noqa: E402

from .match import get_engine, match_texts
from .packs import load_pack


class AlignmentComponent:
    def __init__(self, nlp, name: str, rules_dirs: list[str], spans_key: str):
        self.name = name
        self.spans_key = spans_key
        self.pack = load_pack(nlp.lang, tuple(rules_dirs))
        self.engine = get_engine(self.pack)

    def __call__(self, doc):
        findings = match_texts(self.engine, [doc.text])
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
