"""Word lists and lemma tables from spacy-lookups-data, loaded fast and kept small.

Input: a language code (and, for lemmas, the lemmas a rule pack can compare against). Output:
- `known_words(lang)`: every word form of the language's lemma table (keys and lemmas) and lemma index, as a
  sorted array of 64-bit hashes; `word in known_words(lang)` decides line-end hyphens;
- `full_lemmas(lang)`: the whole lookup table, word -> lemma (a French entry lists several
  lemmas; the first is the one spaCy's lookup lemmatizer uses);
- `pruned_lemmas(table, vocabulary)`: the part of a table that can change a match.

Why pruning is exact: a rule compares a token's lemma only with lemmas in its pack's
vocabulary V (pattern lemmas, `LEMMA` values of token patterns, `requires_any` words). An
entry is kept when its lemma is in V, when its lower-cased key is a word of V, or when its
lower-cased key's lemma is in V. For every token, the pruned lookup then gives the same lemma
as the full one whenever either is in V, and a lemma outside V when both are outside V, so
every comparison comes out the same. The Spanish table shrinks from 491,547 entries to a few
thousand: ~0.5 s and ~100 MB less per process.

Both are cached on disk in the user's cache folder (`$ALIGNMENT_CACHE`, else
`$XDG_CACHE_HOME/alignment`, else `~/.cache/alignment`), keyed by the lookups-data version
and, for lemmas, the pack vocabulary. If the folder cannot be written, everything still works,
built in memory each run.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import re
import sys
from array import array
from functools import lru_cache
from pathlib import Path

from .files import atomic

log = logging.getLogger("alignment")
FORMAT = 8  # bump when the cached files change meaning


def cache_dir() -> Path:
    explicit = os.environ.get("ALIGNMENT_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "alignment"


@lru_cache(maxsize=1)
def _data_version() -> str:
    try:
        from importlib.metadata import version

        return version("spacy-lookups-data")
    except Exception:
        return "unknown"


def _lookups_table(lang: str, table: str) -> dict:
    """spacy-lookups-data's `<lang>_<table>.json.gz`, parsed; raises if the package lacks it."""
    import importlib.resources as resources

    f = resources.files("spacy_lookups_data") / "data" / f"{lang}_{table}.json.gz"
    return json.loads(gzip.decompress(f.read_bytes()))


def full_lemmas(lang: str) -> dict[str, str] | None:
    """word -> lemma for the language, or None if spacy-lookups-data has no table for it."""
    try:
        data = _lookups_table(lang, "lemma_lookup")
    except Exception as exc:
        log.warning("no lemma lookup table for %s (%s): lemma matching is off", lang, exc)
        return None
    out = {}
    for key, value in data.items():
        if isinstance(value, list):
            if not value:
                continue
            value = value[0]
        if isinstance(key, str) and isinstance(value, str):
            out[key] = value
    if lang == "es":
        _nouns_not_first_person(out)
        _nouns_of_plurals(out)
        out.update(_NOUNS_NOT_VERBS_ES)
    if lang == "fr":
        _singulars_as_plurals(out)
    if lang == "en":
        out.update(_ACRONYMS_NOT_PLURALS_EN)
    return out


def _singulars_as_plurals(table: dict[str, str]) -> None:
    """French: a feminine singular that the table leaves as its own lemma takes the lemma of its
    plural ("nationale" -> "national", as "nationales" -> "national"; "génératrice" ->
    "générateur"; "locale", "verte", "municipale", "directrice").

    The table gives the plural the masculine lemma and the singular itself, so "politique
    nationale de l'emploi" and "politiques nationales de l'emploi", or "activité génératrice de
    revenus" and "activités génératrices de revenus", did not match each other. Only where the
    plural's lemma is no verb (a verb's forms are the verb's) and the singular has no lemma of
    its own (238 words)."""
    for word, lemma in list(table.items()):
        if (len(word) >= 5 and word.endswith("s") and word.isalpha() and word.islower() and lemma != word
                and not lemma.endswith(("er", "ir", "re", "oir"))):
            singular = word[:-1]
            if table.get(singular) == singular and lemma != singular:
                table[singular] = lemma


# Spanish nouns the table reads as a verb whose other forms a pack uses: "forma"/"formas" (form, way) as
# "formar" (to train) made "de diversas formas" or "de forma coordinada" training wherever a pack phrase such as
# "formados" is matched by lemma. The noun is the reading of planning prose ("forma" as "trains" is rare
# there); the verb's other forms ("formados", "formación" is its own lemma) keep "formar".
_NOUNS_NOT_VERBS_ES = {"forma": "forma", "formas": "forma"}

# English acronyms the table reads as the plural of a word: "aids" -> "aid" made a pack phrase "AIDS"
# match "Irish Aid", "legal aid" and "first aid".
_ACRONYMS_NOT_PLURALS_EN = {"aids": "aids"}


def _nouns_not_first_person(table: dict[str, str]) -> None:
    """Spanish: a noun that is also the first person of a verb ("empleo", "trabajo", "apoyo",
    "desarrollo": "I employ", "I work") keeps itself as lemma, not the verb's.

    The lookup table gives such a word the verb's lemma, so a pack phrase "empleo" would match
    every form of "emplear" ("empleando", "using"; "emplea", "uses") and "trabajo" every form of
    "trabajar" ("trabajaremos con", "we will work with"). Planning prose has next to no first
    person singular, so the noun is the reading; the plural ("empleos" -> "empleo") already
    agrees, and the verb's other forms keep the verb."""
    for word, lemma in table.items():  # values change, keys do not: no copy needed
        if (len(lemma) > 4 and lemma.endswith(("ar", "er", "ir")) and word == lemma[:-2] + "o"
                and word.isalpha() and word.islower()):
            table[word] = word


_PARTICIPLE_ENDINGS = ("ado", "ada", "ido", "ida", "to", "ta", "cho", "cha", "so", "sa")


def _nouns_of_plurals(table: dict[str, str]) -> None:
    """Spanish: a singular the table reads as a verb form while its plural is that singular noun
    ("sueldos" -> "sueldo" but "sueldo" -> "soldar", to weld; "huelgas" -> "huelga" but
    "huelga" -> "holgar"; "suelos", "acuerdos", "puestos", "fuerzas", "despidos", "pliegos") keeps
    itself as lemma: the plural shows the noun exists, and with the verb's lemma a pack phrase
    "sueldo" matched "suelda" (welds) and "suelo" matched "suele" (usually), while "huelga" did not
    match "huelgas". Stem-changing verbs ("soldar", "holgar", "soler") escape
    `_nouns_not_first_person`, which compares stems. Participles are left to their verb ("hecho",
    "propuesta", "puesto", "dicho": their plurals are adjectives, and "ha hecho cumplir" is "hacer
    cumplir")."""
    for word, lemma in table.items():  # values change, keys do not: no copy needed
        if (word.endswith("s") and len(word) >= 5 and word.isalpha() and word.islower() and lemma == word[:-1]
                and not lemma.endswith(_PARTICIPLE_ENDINGS)):
            singular = table.get(lemma)
            if singular is not None and singular != lemma and singular.endswith(("ar", "er", "ir")):
                table[lemma] = lemma



def pruned_lemmas(table: dict[str, str], vocabulary: set[str]) -> dict[str, str]:
    """The entries of `table` that can make a lemma equal to a word of `vocabulary`."""
    lowered = {v.lower() for v in vocabulary}
    out = {}
    for key, value in table.items():
        low = key.lower()
        if value in vocabulary or low in lowered or table.get(low) in vocabulary:
            out[key] = value
    return out


def cache_key(lang: str, texts: list[str]) -> str:
    """The cache key of what `texts` decide (a pack's lemma vocabulary, its phrases), for this
    language, lookups data and cache format."""
    h = hashlib.sha256(json.dumps([FORMAT, lang, _data_version(), sorted(set(texts))]).encode())
    return h.hexdigest()[:24]


def cached_json(kind: str, lang: str, key: str):
    path = cache_dir() / f"{kind}-{lang}-{key}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


KEEP_PER_KIND = 8  # cache files of one kind and language kept: a pack and a few user overrides


def store_json(kind: str, lang: str, key: str, data) -> None:
    """Write a cache file and drop the oldest of its kind and language beyond `KEEP_PER_KIND`:
    every edit of a pack makes a new key, and the folder grew by one file per edit, for ever
    (838 files, 167 MB after a few days of pack work). Only on a cache miss, so never on the
    path of a run that finds its cache."""
    folder = cache_dir()
    _write(folder / f"{kind}-{lang}-{key}.json", json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    try:
        old = sorted(folder.glob(f"{kind}-{lang}-*.json"), key=lambda f: f.stat().st_mtime, reverse=True)
        for stale in old[KEEP_PER_KIND:]:
            stale.unlink()
    except OSError as exc:  # a file another process removed first, or a folder not ours to clean
        log.debug("cache %s not pruned: %s", folder, exc)


def cached_lemmas(lang: str, key: str) -> dict[str, str] | None:
    table = cached_json("lemmas", lang, key)
    if isinstance(table, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in table.items()):
        return table
    return None  # missing, or damaged: rebuilt


def read_marshal(name: str) -> tuple[Path | None, dict]:
    """The cache file `name` in the user cache folder and the dict it holds ({} when it is
    missing, damaged or not a dict: the caller rebuilds and rewrites it)."""
    import marshal

    path = None
    try:
        path = cache_dir() / name
        with open(path, "rb") as fh:
            data = marshal.load(fh)
        return path, data if isinstance(data, dict) else {}
    except FileNotFoundError:
        return path, {}
    except Exception as exc:  # damaged: rebuilt and rewritten
        log.debug("cache %s not read: %s", path or name, exc)
        return path, {}


def _write(path: Path, data: bytes) -> None:
    """Write atomically; a cache that cannot be written is skipped, not an error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic(str(path), "wb") as fh:
            fh.write(data)
    except OSError as exc:
        log.debug("cache %s not written: %s", path, exc)


class WordSet:
    """Word hashes (64-bit, as stored on disk: a sorted array): `word in words` is one hash and
    one set lookup (a binary search in the array cost ~15 us a word, most of it call overhead;
    the speller and the line-end hyphen rule ask about every new word type of a text)."""

    def __init__(self, hashes):
        if isinstance(hashes, array) and hashes.typecode == "Q":
            self.hashes = hashes  # read without numpy (`_read_hashes`)
        else:
            import numpy

            self.hashes = numpy.asarray(hashes, dtype=numpy.uint64)
        self._set = frozenset(self.hashes.tolist())

    def __contains__(self, word: str) -> bool:
        return _hash(word) in self._set

    def __len__(self) -> int:
        return len(self.hashes)


_hash_string = None
_M = 0xC6A4A7935BD1E995
_MASK = (1 << 64) - 1


def murmur64a(word: str) -> int:
    """spaCy's `hash_string` (MurmurHash64A of the UTF-8 bytes, seed 1) in plain Python, for
    the few words asked about before spaCy is imported (line-end hyphens while a document is
    read): reading then needs no spaCy, so it could run beside spaCy's import. ~2 us a word."""
    data = word.encode("utf8")
    n = len(data)
    h = (1 ^ (n * _M)) & _MASK
    end = n - n % 8
    for i in range(0, end, 8):
        k = (int.from_bytes(data[i:i + 8], "little") * _M) & _MASK
        k = ((k ^ (k >> 47)) * _M) & _MASK
        h = ((h ^ k) * _M) & _MASK
    if n % 8:
        h = ((h ^ int.from_bytes(data[end:], "little")) * _M) & _MASK
    h = ((h ^ (h >> 47)) * _M) & _MASK
    return h ^ (h >> 47)


def _spacy_hash():
    global _hash_string
    if _hash_string is None:
        from .spacy_import import load

        load()  # spaCy without its CLI, before its submodule
        from spacy.strings import hash_string

        _hash_string = hash_string
    return _hash_string


def _hash(word: str) -> int:
    """The word's 64-bit hash: spaCy's once spaCy is imported, the same value in Python before."""
    if _hash_string is None and "spacy.strings" not in sys.modules:
        return murmur64a(word)
    return (_hash_string or _spacy_hash())(word)


def index_words(lang: str) -> set[str]:
    """The words of the language's lemma index (spacy-lookups-data `<lang>_lemma_index`: the
    base forms of adjectives, adverbs, nouns and verbs, from WordNet for English). The lookup
    table lists inflected forms and their lemmas, so a word that never inflects, an English
    adjective above all ("contentious", "sustainable"), is in the index only."""
    try:
        data = _lookups_table(lang, "lemma_index")
    except Exception:
        return set()
    return {w.lower() for words in data.values() if isinstance(words, list)
            for w in words if isinstance(w, str) and w.isalpha()}


_NPY_HEADER = re.compile(rb"\{'descr': '<u8', 'fortran_order': False, 'shape': \((\d+),\), \}\s*\n")


def _read_hashes(path) -> array | None:
    """The hashes of a `known_words` file (a .npy of little-endian uint64, version 1.0 as
    numpy.save writes it) as an array("Q"), read without importing numpy (~0.07 s when a PDF
    is read in `overlap`'s child); None for any other layout (numpy reads it then)."""
    if sys.byteorder != "little" or array("Q").itemsize != 8:
        return None
    with open(path, "rb") as fh:
        data = fh.read()
    if not data.startswith(b"\x93NUMPY\x01\x00") or len(data) < 10:
        return None
    end = 10 + int.from_bytes(data[8:10], "little")
    m = _NPY_HEADER.fullmatch(data[10:end])
    if m is None or (len(data) - end) != 8 * int(m.group(1)):
        return None
    out = array("Q")
    out.frombytes(data[end:])
    return out


@lru_cache(maxsize=4)
def known_words(lang: str) -> WordSet:
    """Every lower-cased word form of the language's lemma table and lemma index."""
    path = cache_dir() / f"words-{lang}-{FORMAT}-{_data_version()}.npy"
    try:
        if "numpy" not in sys.modules:  # a document read before spaCy (and numpy) is imported
            hashes = _read_hashes(path)
            if hashes is not None:
                return WordSet(hashes)
        import numpy

        return WordSet(numpy.load(path, allow_pickle=False))
    except (OSError, ValueError):
        pass
    import numpy

    table = full_lemmas(lang) or {}
    words = {k.lower() for k in table} | {v.lower() for v in table.values()} | index_words(lang)
    hash_string = _spacy_hash()  # hundreds of thousands of words: spaCy's C hash
    hashes = numpy.unique(numpy.array([hash_string(w) for w in words], dtype=numpy.uint64))
    if len(hashes):
        import io

        buf = io.BytesIO()
        numpy.save(buf, hashes, allow_pickle=False)
        _write(path, buf.getvalue())
    return WordSet(hashes)
