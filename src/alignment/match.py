"""Match stage: paragraphs -> `Finding`s with context modifiers.

Input: texts (paragraphs of a `Document`, or gold passages) and a `Pack`. Output: findings,
each carrying its rule id, category, topic, trigger and offsets, and the modifiers the
context rules gave it; plus the suppressed matches (pseudo-triggers) for `explain`.

One facade over four rule kinds: phrase lists (two spaCy PhraseMatchers, on lower case and on
lemmas, with British/American variants added), token patterns (spaCy Matcher, run only on
documents where the rule's anchors matched), regular expressions on the original text, and
fuzzy names (rapidfuzz, in sentences holding an anchor). Labour-standard citations come from
`standards` and add derived findings for the topic the instrument belongs to.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from . import context as ctx
from .compiled import compile_pack
from .findings import Finding, ModifierHit
from . import lexicon
from . import regex_cache
from .normalise import fold
from .nlp import LookupLemmatizer, get_nlp, own_lemmatizer
from .packs import Pack
from .regex_scan import Joined, Scanner, join
from .schema import MatchRule
from .sentences import in_tokens
from .standards import Standards
from .variants import spelling_variants

if TYPE_CHECKING:
    from spacy.matcher import Matcher, PhraseMatcher


def _strip(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@dataclass
class _RuleRef:
    """The identity of a rule made in code (a citation's CC-ILS and topic findings)."""

    id: str
    category: str
    topic: str | None


@dataclass
class Suppressed:
    rule_id: str
    trigger: str
    reason: str
    paragraph: int


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


def get_engine(pack: Pack) -> Engine:
    """The compiled matchers of `pack`, built once per pack version (`compiled`)."""
    return compile_pack(pack).engine


def _build(pack: Pack) -> Engine:
    nlp = get_nlp(pack.language, _pattern_attrs(pack.content))  # imports spaCy, without its CLI
    from spacy.matcher import Matcher, PhraseMatcher
    content = pack.content
    lower = PhraseMatcher(nlp.vocab, attr="ORTH")
    lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
    keys: dict[int, tuple[str, int]] = {}
    phrase_lists = [("rule", i, r.phrases) for i, r in enumerate(content.rules) if r.phrases]
    phrase_lists += [("with", i, r.with_any) for i, r in enumerate(content.rules) if r.with_any]
    phrase_lists += [("unless", i, r.unless) for i, r in enumerate(content.rules) if r.unless]
    phrase_lists += [("without", i, r.without_any) for i, r in enumerate(content.rules) if r.without_any]
    phrase_lists += [("anchor", i, r.anchors) for i, r in enumerate(content.rules) if r.anchors]
    phrase_lists += [("ctx", j, c.phrases) for j, c in enumerate(content.context) if c.phrases]
    split = _all_forms(pack, phrase_lists)
    canonicals = _alias_canonicals(content)
    lemma_texts = sorted({t for _, plain in split.values() for t in plain} | set(canonicals.values()))
    lemmatizer = _lemmatizer(nlp, pack.language, lemma_texts, _compared_lemmas(content))
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

    def prepare(group: list[tuple[str, int]]) -> None:
        lemma_docs.clear()
        orth_docs.clear()
        if not use_lemma:
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
                  use_lemma=use_lemma, alias_keys=alias_keys, lemmatizer=lemmatizer)

def _all_forms(pack: Pack, phrase_lists) -> dict[tuple[str, int], tuple[list[str], list[str]]]:
    """`_split_forms` of every phrase list, from the cache when this pack (by its content
    digest) and this spelling code have been seen before: the variants take ~0.1 s."""
    key = lexicon.cache_key(pack.language, ["forms", pack.digest, _variants_code()])
    cached = lexicon.cached_json("forms", pack.language, key)
    if isinstance(cached, dict):
        try:
            out = {(kind, idx): tuple(cached[f"{kind}:{idx}"]) for kind, idx, _ in phrase_lists}
            if all(len(v) == 2 and all(isinstance(t, str) for forms in v for t in forms)
                   for v in out.values()):
                return out
        except (KeyError, TypeError):
            pass
    out = {(kind, idx): _split_forms(phrases) for kind, idx, phrases in phrase_lists}
    lexicon.store_json("forms", pack.language, key, {f"{k}:{i}": list(v) for (k, i), v in out.items()})
    return out


@lru_cache(maxsize=1)
def _variants_code() -> str:
    """A digest of the spelling code: cached forms are rebuilt when it changes."""
    import hashlib
    from pathlib import Path

    from . import variants

    return hashlib.sha256(Path(variants.__file__).read_bytes()).hexdigest()[:12]


def _split_forms(phrases: list[str]) -> tuple[list[str], list[str]]:
    """(accent-stripped forms matched as written, forms matched on lemmas) of a phrase list,
    with British/American variants added."""
    texts = sorted({v for p in phrases for v in spelling_variants(p.lower())})
    accented = {p.lower() for p in phrases if not p.isascii()}
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


def _lemmatizer(nlp, lang: str, texts: list[str], compared: set[str] | None) -> LookupLemmatizer | None:
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
        self._known = None

    def __call__(self, word: str) -> str | None:
        if len(word) < self.MIN_LEN or not word.isalpha() or not self.words:
            return None
        if self._known is None:
            self._known = lexicon.known_words(self.lang)
        if word in self._known:
            return None
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        limit = 2 if len(word) >= 11 else 1
        best = process.extract(word, self.words, scorer=Levenshtein.distance, score_cutoff=limit, limit=2)
        if not best or (len(best) > 1 and best[1][1] == best[0][1]):
            return None
        return best[0][0]



@dataclass
class ParagraphInfo:
    """Where a text stands in its document (all None for a bare passage)."""

    index: int = 0
    page: int = 1
    section: str | None = None
    section_category: str | None = None
    element: str | None = None
    element_number: str | None = None
    page_at: object = None  # callable offset -> page
    source_spans: list = field(default_factory=list)  # (start, end) of means-of-verification text


def match_texts(engine: Engine, texts: list[str], infos: list[ParagraphInfo] | None = None,
                suppressed: list[Suppressed] | None = None,
                aliases: dict[str, str] | None = None) -> list[Finding]:
    """Findings for every text, in order; `suppressed` collects pseudo-trigger matches.

    `aliases` maps an acronym the document defines to the actor it names ("KFE" ->
    "employers"): every rule that matches that actor's generic name matches the acronym."""
    infos = infos or [ParagraphInfo(index=i) for i in range(len(texts))]
    texts = [fold(t) for t in texts]  # a no-op on normalised paragraphs; gold passages, explain
    lowered = [t.lower() if len(t.lower()) == len(t) else t for t in texts]
    joined = join(texts)
    rx_hits = _regex_hits(engine.regexes, joined)
    ctx_hits = _regex_hits(engine.ctx_regexes, joined)
    name_hits = _regex_hits(engine.names, joined)
    agenda_hits = _regex_hits(engine.agenda, joined)
    citations = engine.standards.cite_all(joined)
    out: list[Finding] = []
    alias_rx = None
    if aliases:
        alias_rx = re.compile(r"\b(?:" + "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True)) + r")\b")
    if engine.lemmatizer is not None:
        docs = engine.lemmatizer.pipe(engine.nlp.tokenizer.pipe(lowered, batch_size=64))
    else:
        docs = engine.nlp.pipe(lowered, batch_size=64)
    for k, (text, info, doc) in enumerate(zip(texts, infos, docs)):
        extra = []
        if alias_rx is not None:
            for m in alias_rx.finditer(text):
                span = doc.char_span(m.start(), m.end())
                canonical = engine.alias_keys.get(aliases[m.group(0)], [])
                if span is not None:
                    extra += [(kind, idx, span.start, span.end) for kind, idx in canonical]
        out.extend(_match_doc(engine, doc, text, info, suppressed, rx_hits[k], ctx_hits[k], citations[k], extra,
                              [(c0, c1) for _, c0, c1, _ in name_hits[k]],
                              [(c0, c1) for _, c0, c1, _ in agenda_hits[k]]))
    return out


def not_content(pack: Pack, text: str) -> bool:
    """Whether the pack says a paragraph is no content of a plan (`not_content`)."""
    skip = compile_pack(pack).not_content
    return bool(skip is not None and skip.search(text))


def match_mixed(pack: Pack, texts: list[str], infos: list[ParagraphInfo] | None = None,
                suppressed: list[Suppressed] | None = None,
                aliases: dict[str, str] | None = None) -> list[Finding]:
    """`match_texts` with each text matched by the pack of its own language: a paragraph whose
    function words say another supported language (an English title in a Spanish plan) goes to
    that language's pack (with the same user rule folders); the rest to `pack`. Findings keep
    the order of the texts."""
    from .language import line_language, vocabulary_language
    from .packs import LANGUAGES, load_pack

    infos = infos or [ParagraphInfo(index=i) for i in range(len(texts))]
    skip = compile_pack(pack).not_content
    if skip is not None:  # reference lines, footnotes, the Office's own staff: no content of the plan
        texts = ["" if skip.search(t) else t for t in texts]
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


def _regex_hits(patterns: list[tuple[int, Scanner]], joined: Joined) -> list[list[tuple]]:
    """Run every regex over the joined texts, text by text (see `regex_scan`); give each text
    its matches."""
    hits: list[list[tuple]] = [[] for _ in joined.units]
    for idx, scanner in patterns:
        for m in scanner.finditer(joined):
            if m.end() > m.start():
                k = joined.unit_of(m.start())
                base = joined.starts[k]
                hits[k].append((idx, m.start() - base, m.end() - base, m.group(0)))
    return hits


def _match_doc(engine: Engine, doc, text: str, info: ParagraphInfo,
               suppressed: list[Suppressed] | None, rx_hits: list[tuple], ctx_hits: list[tuple],
               citations: list, alias_hits: list[tuple] = (), names: list[tuple[int, int]] = (),
               agenda: list[tuple[int, int]] = ()) -> list[Finding]:
    hits = set(engine.lower(doc)) if len(engine.lower) else set()
    if engine.use_lemma:
        hits |= set(engine.lemma(doc))
    by_kind: dict[str, list[tuple[int, int, int]]] = {}
    for key, start, end in hits:
        kind, idx = engine.keys[key]
        by_kind.setdefault(kind, []).append((idx, start, end))
    for kind, idx, start, end in alias_hits:
        by_kind.setdefault(kind, []).append((idx, start, end))
    anchored = engine.token_matcher is not None and "anchor" in by_kind
    low = text.lower()
    fuzzy = any(a in low for _, anchors, _ in engine.fuzzy for a in anchors)
    if not (by_kind.get("rule") or anchored or rx_hits or citations or fuzzy):
        return []  # nothing can fire here: skip the sentence split
    tok_starts = doc.to_array("IDX").tolist()  # character offsets, without a Token per access
    tok_ends = [s + n for s, n in zip(tok_starts, doc.to_array("LENGTH").tolist())]

    def chars(start: int, end: int) -> str:
        return text[tok_starts[start]:tok_ends[end - 1]]

    sents = in_tokens(doc, text, tok_starts)
    sent_starts = [s[0] for s in sents]
    # the sentence of each token (the last sentence that starts at or before it), looked up
    # ~350,000 times in 3 MB of text: a list, not a binary search per call
    owner = [0] * len(doc)
    for s, a in enumerate(sent_starts):
        b = sent_starts[s + 1] if s + 1 < len(sent_starts) else len(doc)
        if b > a:
            owner[a:b] = [s] * (b - a)
    last = len(sent_starts) - 1

    def sent_of(token: int) -> int:
        return owner[token] if 0 <= token < len(owner) else (0 if token < 0 else max(0, last))

    if anchored:
        # token patterns run on the sentences that hold one of their anchors
        rules_at = {idx for idx, _, _ in by_kind["anchor"]}
        for s in sorted({sent_of(start) for _, start, _ in by_kind["anchor"]}):
            s0, s1 = sents[s][0], sents[s][1]
            for key, start, end in engine.token_matcher(doc[s0:s1]):
                kind, idx = engine.keys[key]
                if idx in rules_at:
                    by_kind.setdefault("pattern", []).append((idx, s0 + start, s0 + end))

    raw: list[tuple[int, int, int, str, list[str]]] = []  # rule idx, tok start, tok end, kind, also
    # co-occurring words and vetoes by (rule, sentence), in the order found: a rule looks only
    # at those of its trigger's sentence (a scan of all of them per trigger made one giant
    # paragraph quadratic)
    withs: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for idx, start, end in by_kind.get("with", []):
        withs.setdefault((idx, sent_of(start)), []).append((start, end))
    unless: dict[int, list[tuple[int, int]]] = {}
    for idx, start, end in by_kind.get("unless", []):
        unless.setdefault(idx, []).append((start, end))
    vetoes: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for idx, start, end in by_kind.get("without", []):
        vetoes.setdefault((idx, sent_of(start)), []).append((start, end))

    unless_cover = {idx: _Cover(spans) for idx, spans in unless.items()}
    names_cover = _Cover(names) if names else None
    agenda_cover = _Cover(agenda) if agenda else None

    def refused(idx: int, start: int, end: int) -> str | None:
        """Why a match of rule `idx` is not evidence (None: it is)."""
        rule = engine.rules[idx]
        cover = unless_cover.get(idx)
        if cover is not None and cover.covers(start, end):
            return "inside a pseudo-trigger (unless)"
        if names_cover is not None and not rule.in_names:
            c0, c1 = tok_starts[start], tok_ends[end - 1]
            if names_cover.covers(c0, c1):
                return "inside the name of an institution"
        if agenda_cover is not None and agenda_cover.covers(tok_starts[start], tok_ends[end - 1]):
            return "inside a list of the Decent Work Agenda's objectives (a generic mention)"
        if vetoes:
            veto = vetoes.get((idx, sent_of(start)))
            if veto:
                return f"vetoed by '{chars(*veto[0])}' in the sentence (without_any)"
        return None

    for kind in ("rule", "pattern"):
        for idx, start, end in sorted(by_kind.get(kind, [])):
            rule = engine.rules[idx]
            also: list[str] = []
            why = refused(idx, start, end)
            if why:
                if suppressed is not None:
                    suppressed.append(Suppressed(rule.id, chars(start, end), why, info.index))
                continue
            if rule.with_any:
                # A co-occurring word must not be the trigger itself (a with_any term that is also
                # one of the rule's phrases must not satisfy its own constraint).
                near = [(w0, w1) for w0, w1 in withs.get((idx, sent_of(start)), [])
                        if (w0, w1) != (start, end)
                        and min(abs(w0 - end), abs(start - w1)) <= rule.window]
                if not near:
                    continue
                w0, w1 = near[0]
                also = [chars(w0, w1)]
            raw.append((idx, start, end, "phrase" if kind == "rule" else "pattern", also))
    for idx, c0, c1, _ in rx_hits:
        span = doc.char_span(c0, c1, alignment_mode="expand")
        if span is not None and len(span):
            why = refused(idx, span.start, span.end)
            if why:
                if suppressed is not None:
                    suppressed.append(Suppressed(engine.rules[idx].id, span.text, why, info.index))
                continue
            raw.append((idx, span.start, span.end, "regex", []))
    if fuzzy:
        raw.extend(_fuzzy(engine, doc, low, sents, {r[0] for r in raw}))
    findings: list[ctx.Located] = []
    seen = set()
    for idx, start, end, kind, also in raw:
        rule = engine.rules[idx]
        key = (rule.id, start, end)
        if key in seen:
            continue
        seen.add(key)
        findings.append(_finding(engine, tok_starts, tok_ends, text, info, sents, sent_of(start), rule,
                                 kind, start, end, also))
    for cit in citations:
        span = doc.char_span(cit.start, cit.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        for rule_id, category, topic, kind in cit.findings():
            findings.append(_finding(engine, tok_starts, tok_ends, text, info, sents, sent_of(span.start),
                                     _RuleRef(rule_id, category, topic),
                                     kind, span.start, span.end, []))
    if not findings:
        return []
    # Context: cues per sentence.
    cues_by_sent: dict[int, list[ctx.Cue]] = {}
    for idx, start, end in by_kind.get("ctx", []):
        crule = engine.pack.content.context[idx]
        cues_by_sent.setdefault(sent_of(start), []).append(
            ctx.Cue(crule, start, end, chars(start, end)))
    for j, c0, c1, cue in ctx_hits:
        span = doc.char_span(c0, c1, alignment_mode="expand")
        if span is not None and len(span):
            cues_by_sent.setdefault(sent_of(span.start), []).append(
                ctx.Cue(engine.pack.content.context[j], span.start, span.end, cue))
    by_sent: dict[int, list[ctx.Located]] = {}
    for loc in findings:
        by_sent.setdefault(sent_of(loc.start), []).append(loc)
    for s, locs in by_sent.items():
        cues = cues_by_sent.get(s)
        if not cues:
            continue
        s0, s1 = sents[s][0], sents[s][1]
        words = [text[tok_starts[i]:tok_ends[i]].lower() for i in range(s0, s1)]
        terms = [s0 + i for i, w in enumerate(words) if w in engine.terminators]
        lemmas = set(words)
        if engine.use_lemma and any(c.rule.requires_any for c in cues):
            lemmas |= {t.lemma_ for t in doc[s0:s1]}
        ctx.apply(locs, cues, terms, lemmas)
    if info.source_spans:
        for loc in findings:
            f = loc.finding
            if any(a <= f.start < b for a, b in info.source_spans):
                f.modifiers.append(ModifierHit(modifier="source", rule_id="structure.means-of-verification",
                                               cue="means of verification"))
    return [loc.finding for loc in findings]


class _Cover:
    """Spans (a, b), asked whether one of them holds (start, end): `a <= start and end <= b`
    for some span, in log time (spans sorted by start, with the largest end so far)."""

    __slots__ = ("starts", "reach")

    def __init__(self, spans):
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.reach, far = [], None
        for _, b in ordered:
            far = b if far is None or b > far else far
            self.reach.append(far)

    def covers(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start)
        return i > 0 and self.reach[i - 1] >= end


def _finding(engine: Engine, tok_starts: list[int], tok_ends: list[int], text: str, info: ParagraphInfo,
             sents, s: int, rule: MatchRule, kind: str, start: int, end: int, also: list[str]) -> ctx.Located:
    c0 = tok_starts[start]
    c1 = tok_ends[end - 1]
    s_c0, s_c1 = sents[s][2], sents[s][3]
    page = info.page_at(c0) if callable(info.page_at) else info.page
    f = Finding.trusted(rule.id, engine.pack_label, kind, rule.category, rule.topic, text[c0:c1], also,
                        info.index, c0, c1, text[s_c0:s_c1].strip(), page, info.section,
                        info.section_category, info.element, info.element_number)
    return ctx.Located(f, start, end)


def _fuzzy(engine: Engine, doc, low: str, sents, already: set[int]):
    from rapidfuzz import fuzz

    out = []
    for idx, anchors, names in engine.fuzzy:
        if idx in already or not any(a in low for a in anchors):
            continue
        rule = engine.rules[idx]
        for s0, s1, c0, c1 in sents:
            sentence = low[c0:c1]
            if not any(a in sentence for a in anchors):
                continue
            for name in names:
                if len(sentence) < len(name) * 0.6:
                    continue
                al = fuzz.partial_ratio_alignment(name, sentence)
                if al and al.score >= rule.fuzzy_threshold:
                    span = doc.char_span(c0 + al.dest_start, c0 + al.dest_end, alignment_mode="expand")
                    if span is not None and len(span):
                        out.append((idx, span.start, span.end, "fuzzy", []))
                        break
    return out
