"""Engine build: a `Pack` -> `Engine`, the compiled matchers of one pack.

Input: the pack's match rules, context rules, institution names, agenda lists and labour
standards. Output: two spaCy PhraseMatchers (lower case for accent-stripped forms, lemmas for
the rest, British/American variants added), a token Matcher (validated), regex and fuzzy
scanners, the citation finder (`standards`) and the acronym aliases of the social partners.
Built once per pack version by `compiled.CompiledPack`; `get_engine` asks it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from .. import lexicon, regex_cache
from ..compiled import compile_pack
from ..nlp import LookupLemmatizer, get_nlp, own_lemmatizer
from ..packs import Pack
from ..regex_scan import Scanner
from ..schema import MatchRule
from ..standards import Standards
from ..variants import spelling_variants, unhyphen
from .lemmatizer import pack_lemmatizer

if TYPE_CHECKING:
    from spacy.matcher import Matcher, PhraseMatcher


def _strip(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@dataclass
class Engine:
    """Compiled matchers for one pack."""

    pack: Pack
    nlp: object
    rules: list[MatchRule]
    lower: PhraseMatcher
    lemma: PhraseMatcher
    keys: dict[int, tuple[str, int]]
    token_matcher: Matcher | None
    regexes: list[tuple[int, Scanner]]
    fuzzy: list[tuple[int, list[str], list[str]]]
    ctx_regexes: list[tuple[int, Scanner]]
    names: list[tuple[int, Scanner]]
    agenda: list[tuple[int, Scanner]]
    terminators: set[str]
    standards: Standards
    pack_label: str = ""
    use_lemma: bool = True
    lemmatizer: LookupLemmatizer | None = None  # None: the pipeline lemmatizes (a user's model)
    alias_keys: dict = field(default_factory=dict)  # canonical phrase -> [(kind, idx)] it matches
    titles: list[tuple[int, Scanner]] = field(default_factory=list)  # project and publication titles
    alongside: dict[str, frozenset[str]] = field(default_factory=dict)  # rule id -> company it needs
    gate: PatternGate | None = None  # the token values without which a token pattern cannot match
    labels: re.Pattern | None = None  # a statement's label alone before its colon (`sentences.in_tokens`)


def get_engine(pack: Pack) -> Engine:
    """The compiled matchers of `pack`, built once per pack version (`compiled`)."""
    return compile_pack(pack).engine


def build(pack: Pack) -> Engine:
    nlp = get_nlp(pack.language, _pattern_attrs(pack.content))  # imports spaCy, without its CLI
    from spacy.matcher import Matcher, PhraseMatcher
    content = pack.content
    lower = PhraseMatcher(nlp.vocab, attr="ORTH")
    lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
    keys: dict[int, tuple[str, int]] = {}
    phrase_lists = [("rule", i, r.phrases) for i, r in enumerate(content.rules) if r.phrases]
    phrase_lists += [("with", i, r.with_any) for i, r in enumerate(content.rules) if r.with_any]
    phrase_lists += [("unless", i, r.unless) for i, r in enumerate(content.rules) if r.unless]
    phrase_lists += [("withunless", i, r.with_unless) for i, r in enumerate(content.rules) if r.with_unless]
    phrase_lists += [("without", i, r.without_any) for i, r in enumerate(content.rules) if r.without_any]
    phrase_lists += [("anchor", i, r.anchors) for i, r in enumerate(content.rules) if r.anchors]
    phrase_lists += [("ctx", j, c.phrases) for j, c in enumerate(content.context) if c.phrases]
    split = _all_forms(pack, phrase_lists)
    canonicals = _alias_canonicals(content)
    lemma_texts = sorted({t for _, plain in split.values() for t in plain} | set(canonicals.values()))
    lemmatizer = pack_lemmatizer(nlp, pack.language, lemma_texts, _compared_lemmas(content))
    use_lemma = lemmatizer is not None or own_lemmatizer(nlp)

    def pattern_docs(texts: list[str]) -> list:
        if lemmatizer is not None:
            return list(lemmatizer.pipe(nlp.tokenizer.pipe(texts)))
        return list(nlp.pipe(texts) if use_lemma else nlp.tokenizer.pipe(texts))

    # The pattern texts of a group of rules are tokenized (and lemmatized) in one batch:
    # tokenizer and lookup lemmatizer are context-free, so a text's Doc is the same whichever
    # rule it serves, and a few batches spare ~180 small pipe calls at every start. Groups, not
    # one batch: all ~4,500 Docs at once cost ~10 MB of peak memory.
    lemma_docs: dict[str, object] = {}
    orth_docs: dict[str, object] = {}
    # The token values (ORTH hashes of the accent-stripped forms, LEMMA hashes of the rest) each
    # phrase list adds to the matchers, from the cache when this pack, lemma table, tokenizer and
    # code have been seen before: a PhraseMatcher takes these sequences as it takes Docs (it keeps
    # only their values), so no pattern text is tokenized or lemmatized at start-up.
    keyed = _PhraseKeys(pack, lemma_texts, split) if lemmatizer is not None else None

    def prepare(group: list[tuple[str, int]]) -> None:
        lemma_docs.clear()
        orth_docs.clear()
        if not use_lemma or (keyed is not None and keyed.cached):
            return
        plain = sorted({t for key in group for t in split[key][1]})
        lemma_docs.update(zip(plain, pattern_docs(plain)))
        stripped = sorted({t for key in group for t in split[key][0]})
        orth_docs.update(zip(stripped, nlp.tokenizer.pipe(stripped)))

    def add(kind: str, idx: int) -> None:
        name = f"{kind}:{idx}"
        key = nlp.vocab.strings.add(name)
        keys[key] = (kind, idx)
        stripped, plain = split[(kind, idx)]
        if not use_lemma:
            lower.add(name, list(nlp.tokenizer.pipe(sorted(stripped + plain))))
            return
        # The lookup lemmatizer is context-free and patterns go through it too, so a form
        # written in the text always matches on lemmas: one matcher does both jobs. Only
        # accent-stripped forms ("genero" for "género") match as written, because their
        # lemma can be another word's ("genero" -> generar).
        if keyed is not None:
            orths, lemmas = keyed.values(kind, idx, orth_docs, lemma_docs)
            if stripped:
                lower.add(name, orths)
            lemma.add(name, lemmas)
            return
        if stripped:
            lower.add(name, [orth_docs[t] for t in stripped])
        lemma.add(name, [lemma_docs[t] for t in plain])

    GROUP = 24
    for g in range(0, len(phrase_lists), GROUP):
        group = [(kind, idx) for kind, idx, _ in phrase_lists[g:g + GROUP]]
        prepare(group)
        for kind, idx in group:
            add(kind, idx)
    lemma_docs.clear()
    orth_docs.clear()
    if keyed is not None:
        keyed.store()
    token_matcher = None
    regexes, fuzzy = [], []
    for i, rule in enumerate(content.rules):
        if rule.pattern is not None:
            token_matcher = token_matcher or Matcher(nlp.vocab, validate=True)
            token_matcher.add(f"pattern:{i}", rule.pattern)
            keys[nlp.vocab.strings[f"pattern:{i}"]] = ("pattern", i)
        if rule.regex:
            flags = re.MULTILINE | (0 if rule.case_sensitive else re.IGNORECASE)
            regexes.append((i, Scanner(regex_cache.compile(rule.regex, flags))))
        if rule.fuzzy:
            fuzzy.append((i, [a.lower() for a in rule.anchors], [n.lower() for n in rule.fuzzy]))
    names = [(j, Scanner(regex_cache.compile(rx))) for j, rx in enumerate(content.names)]
    titles = [(j, Scanner(regex_cache.compile(rx))) for j, rx in enumerate(content.titles)]
    agenda = [(j, Scanner(regex_cache.compile(rx, re.IGNORECASE))) for j, rx in enumerate(content.agenda_lists)]
    ctx_regexes = []
    for j, crule in enumerate(content.context):
        if crule.regex:
            ctx_regexes.append((j, Scanner(regex_cache.compile(crule.regex, re.IGNORECASE | re.MULTILINE))))
    label = "+".join(f"{m.name}@{m.version}" for m in pack.metas)
    # An acronym the document defines for an employers' or workers' organization stands for
    # the actor's first generic name in this language's pack (rules/<lang>/constituents.yaml).
    alias_keys = {}
    for actor, canonical in canonicals.items():
        probe = pattern_docs([canonical])[0]
        found = (lemma(probe) if use_lemma else []) + list(lower(probe))
        alias_keys[actor] = sorted({keys[k] for k, s0, s1 in found if s0 == 0 and s1 == len(probe)})
    return Engine(pack=pack, nlp=nlp, rules=content.rules, lower=lower, lemma=lemma, keys=keys,
                  token_matcher=token_matcher, regexes=regexes, fuzzy=fuzzy,
                  ctx_regexes=ctx_regexes, names=names, agenda=agenda, terminators={t.lower() for t in content.terminators},
                  standards=Standards(content), pack_label=label,
                  use_lemma=use_lemma, alias_keys=alias_keys, lemmatizer=lemmatizer, titles=titles,
                  alongside={r.id: frozenset(r.alongside) for r in content.rules if r.alongside},
                  gate=PatternGate(content.rules, nlp.vocab.strings) if token_matcher is not None else None,
                  labels=regex_cache.compile(r"\s*(?:" + "|".join(f"(?:{p})" for p in content.statement_labels)
                                             + r")\s*:\s*$", re.IGNORECASE) if content.statement_labels else None)


class _PhraseKeys:
    """The hash sequences the phrase matchers are given, per phrase list: (ORTH values of the
    tokens of each accent-stripped form, LEMMA values of the tokens of each other form), each a
    list of lists, in the order of the forms. Taken from the Docs on a cache miss and stored
    (`lexicon`, kind "phrasekeys"), keyed by everything that decides them: the pack's content,
    the spelling variants' code, the lookups data and the lemmatized texts, spaCy's version (its
    tokenizer rules) and the code of the tokenizer, lemmatizer and speller. A user's pipeline
    (ALIGNMENT_SPACY_MODEL) brings its own tokenizer: never cached then."""

    def __init__(self, pack: Pack, lemma_texts: list[str], split: dict) -> None:
        import os

        self.key = None
        self.lang = pack.language
        self.split = split
        self.found: dict[str, list] = {}
        self.made: dict[str, list] = {}
        self.cached = False
        if os.environ.get("ALIGNMENT_SPACY_MODEL"):
            return
        self.key = lexicon.cache_key(pack.language, ["phrasekeys-1", pack.digest, _variants_code(),
                                                     _spacy_version(), _code_digest(),
                                                     lexicon.cache_key(pack.language, lemma_texts)])
        found = lexicon.cached_json("phrasekeys", pack.language, self.key)
        if isinstance(found, dict) and self._valid(found, split):
            self.found = found
            self.cached = True

    @staticmethod
    def _valid(found: dict, split: dict) -> bool:
        """Whether the cache file holds a pair of lists of int lists for every phrase list, as
        many of each as it has forms."""
        for (kind, idx), (stripped, plain) in split.items():
            entry = found.get(f"{kind}:{idx}")
            if not (isinstance(entry, list) and len(entry) == 2 and all(isinstance(e, list) for e in entry)
                    and len(entry[0]) == len(stripped) and len(entry[1]) == len(plain)):
                return False
            if not all(isinstance(seq, list) and all(type(v) is int for v in seq) for e in entry for seq in e):
                return False
        return True

    def values(self, kind: str, idx: int, orth_docs: dict, lemma_docs: dict) -> tuple[list, list]:
        """(ORTH sequences of the stripped forms, LEMMA sequences of the others) of a phrase
        list: cached, or read from its Docs (`prepare`'s) and kept to be stored."""
        name = f"{kind}:{idx}"
        if self.cached:
            orths, lemmas = self.found[name]
            return orths, lemmas
        from spacy.attrs import LEMMA, ORTH

        stripped, plain = self.split[(kind, idx)]
        orths = [orth_docs[t].to_array(ORTH).tolist() for t in stripped]
        lemmas = [lemma_docs[t].to_array(LEMMA).tolist() for t in plain]
        if self.key is not None:
            self.made[name] = [orths, lemmas]
        return orths, lemmas

    def store(self) -> None:
        if not self.cached and self.key is not None and len(self.made) == len(self.split):
            lexicon.store_json("phrasekeys", self.lang, self.key, self.made)


@lru_cache(maxsize=1)
def _spacy_version() -> str:
    import spacy

    return spacy.__version__


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """A digest of the code that tokenizes and lemmatizes pattern texts (the English infix,
    the lookup lemmatizer, the speller)."""
    from .. import nlp
    from . import lemmatizer

    return _modules_digest(nlp, lemmatizer)


def _modules_digest(*modules) -> str:
    """A digest of the source files of `modules`: cached data built by their code is rebuilt when it changes."""
    import hashlib
    from pathlib import Path

    h = hashlib.sha256()
    for module in modules:
        h.update(Path(module.__file__).read_bytes())
    return h.hexdigest()[:12]


_GATED = ("LOWER", "LEMMA", "ORTH")
"""The token attributes whose values `PatternGate` looks for (those of the packs' token patterns)."""


class PatternGate:
    """What a sentence must hold for a rule's token patterns to match in it: for each pattern, its
    tokens that must be there (no `OP`) and test one of `_GATED` for one value or a list of them
    (`IN`). A sentence that lacks, for every pattern of every rule asked about, a token with one of
    the values of one of its required tokens holds no match of them: the token matcher is not run
    there (in a real text it runs on ~500 sentences holding an anchor, for ~20 matches). A rule
    with a pattern of no such token is always run."""

    def __init__(self, rules: list[MatchRule], strings) -> None:
        self.attrs: list[str] = []
        self.needs: dict[int, list[list[tuple[int, frozenset[int]]]] | None] = {}
        for i, rule in enumerate(rules):
            if rule.pattern is None:
                continue
            patterns = [self._required(pattern, strings) for pattern in rule.pattern]
            self.needs[i] = None if any(not p for p in patterns) else patterns

    def _required(self, pattern: list[dict], strings) -> list[tuple[int, frozenset[int]]]:
        out = []
        for token in pattern:
            if len(token) != 1:
                continue  # an OP, or several tests: not required or not simple
            (attr, value), = token.items()
            attr = attr.upper()
            if attr not in _GATED:
                continue
            if isinstance(value, str):
                values = [value]
            elif isinstance(value, dict) and list(value) == ["IN"] and isinstance(value["IN"], list) \
                    and all(isinstance(v, str) for v in value["IN"]):
                values = value["IN"]
            else:
                continue
            if attr not in self.attrs:
                self.attrs.append(attr)
            out.append((self.attrs.index(attr), frozenset(strings.add(v) for v in values)))
        return out

    def columns(self, doc):
        """The values of `attrs` of every token of `doc` (one column each), for `admits`."""
        from spacy.attrs import IDS

        return doc.to_array([IDS[a] for a in self.attrs]).reshape(len(doc), len(self.attrs))

    def admits(self, columns, start: int, end: int, rules) -> bool:
        """Whether the tokens `start:end` may hold a match of one of `rules`' token patterns."""
        present = None
        for idx in rules:
            needs = self.needs.get(idx, ())
            if needs is None:
                return True
            if present is None and needs:
                present = [set(columns[start:end, j].tolist()) for j in range(len(self.attrs))]
            for pattern in needs:
                if all(not present[j].isdisjoint(values) for j, values in pattern):
                    return True
        return False

def _all_forms(pack: Pack, phrase_lists) -> dict[tuple[str, int], tuple[list[str], list[str]]]:
    """`_split_forms` of every phrase list, from the cache when this pack (by its content
    digest) and this spelling code have been seen before: the variants take ~0.1 s."""
    key = lexicon.cache_key(pack.language, ["forms", pack.digest, _variants_code(), "own-words-1"])
    cached = lexicon.cached_json("forms", pack.language, key)
    if isinstance(cached, dict):
        try:
            out = {(kind, idx): tuple(cached[f"{kind}:{idx}"]) for kind, idx, _ in phrase_lists}
            if all(len(v) == 2 and all(isinstance(t, str) for forms in v for t in forms)
                   for v in out.values()):
                return out
        except (KeyError, TypeError):
            pass
    out = {(kind, idx): _split_forms(phrases, pack.language) for kind, idx, phrases in phrase_lists}
    if pack.language in _OWN_WORDS_LANGS:
        out = {k: (_not_own_words(stripped, pack.language), plain) for k, (stripped, plain) in out.items()}
    lexicon.store_json("forms", pack.language, key, {f"{k}:{i}": list(v) for (k, i), v in out.items()})
    return out


# French documents write their accents: an accent-stripped single word that is a French word of
# its own ("formes" for "formés", "forme" for "formé") is that other word, not a slip of typing.
# Spanish work plans are often typed without accents, so Spanish keeps its stripped forms.
_OWN_WORDS_LANGS = frozenset({"fr"})


def _not_own_words(stripped: list[str], lang: str) -> list[str]:
    words = lexicon.known_words(lang)
    return [t for t in stripped if " " in t or t not in words]


@lru_cache(maxsize=1)
def _variants_code() -> str:
    """A digest of the spelling code: cached forms are rebuilt when it changes."""
    from .. import variants

    return _modules_digest(variants)


def _split_forms(phrases: list[str], lang: str = "") -> tuple[list[str], list[str]]:
    """(accent-stripped forms matched as written, forms matched on lemmas) of a phrase list,
    with British/American variants (and Spanish de/del) added."""
    texts = sorted({unhyphen(v) for p in phrases for v in spelling_variants(p.lower(), lang)})
    accented = {unhyphen(p.lower()) for p in phrases if not p.isascii()}
    stripped = [t for t in texts if t.isascii() and any(_strip(a) == t for a in accented)]
    return stripped, [t for t in texts if t not in stripped]


def _alias_canonicals(content) -> dict[str, str]:
    """An acronym the document defines for an employers' or workers' organization stands for
    the actor's first generic name in this language's pack (rules/<lang>/constituents.yaml)."""
    out: dict[str, str] = {}
    for actor in (content.constituents.actors if content.constituents else []):
        if actor.actor in ("employers", "workers") and actor.generic and actor.actor not in out:
            out[actor.actor] = actor.generic[0].lower()
    return out


def _token_tests(content):
    """(ATTRIBUTE, value) of every token test in the pack's token patterns."""
    for rule in content.rules:
        for pattern in rule.pattern or []:
            for token in pattern:
                for attr, value in token.items():
                    yield attr.upper(), value


def _pattern_attrs(content) -> frozenset[str]:
    """The token attributes the pack's token patterns test (LOWER, IS_PUNCT, LIKE_NUM, ...)."""
    return frozenset(attr for attr, _ in _token_tests(content))


def _compared_lemmas(content) -> set[str] | None:
    """Words the pack compares token lemmas with as written: `LEMMA` values of token
    patterns and context `requires_any` words. None if a token pattern tests lemmas in a
    way a word list cannot capture (a regular expression), so no table can be pruned."""
    out = {w for c in content.context for w in c.requires_any}
    for attr, value in _token_tests(content):
        if attr != "LEMMA":
            continue
        for op, arg in (value.items() if isinstance(value, dict) else [("==", value)]):
            if op in ("IN", "NOT_IN") and isinstance(arg, list):
                out.update(arg)
            elif op in ("==", "!=") and isinstance(arg, str):
                out.add(arg)
            else:
                return None
    return out
