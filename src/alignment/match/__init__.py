"""Match stage: paragraphs -> `Finding`s with context modifiers.

Input: texts (paragraphs of a `Document`, or gold passages) and a `Pack`. Output: findings,
each carrying its rule id, category, topic, trigger and offsets, and the modifiers the
context rules gave it; plus the suppressed matches (pseudo-triggers) for `explain`.

One facade over four rule kinds: phrase lists (two spaCy PhraseMatchers, on lower case and on
lemmas, with British/American variants added), token patterns (spaCy Matcher, run only on
documents where the rule's anchors matched), regular expressions on the original text, and
fuzzy names (rapidfuzz, in sentences holding an anchor). Labour-standard citations come from
`standards` and add derived findings for the topic the instrument belongs to.

Modules, in the order a text goes through them:

- `engine`: the compiled matchers of a pack (`build`, once per pack version via `compiled`);
  `lemmatizer`: the pack's pruned lookup lemmatizer and speller;
- `languages`: `match_mixed` sends each text to the pack of its own language;
- `texts`: `match_texts` runs the regexes over the joined texts, then each text on its own;
- `paragraph`: one text's phrase, lemma, token and regex hits, filtered (pseudo-triggers,
  names, agenda lists, vetoes, co-occurrence windows), de-duplicated, with citations, then
  handed to the `context` stage; `fuzzy`: loosely written names.
"""

from .engine import Engine, get_engine
from .languages import match_mixed, not_content
from .lemmatizer import Speller
from .paragraph import ParagraphInfo, Suppressed
from .texts import match_texts

__all__ = ["Engine", "ParagraphInfo", "Speller", "Suppressed", "get_engine", "match_mixed", "match_texts",
           "not_content"]
