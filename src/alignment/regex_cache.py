"""Compiled regular expressions kept on disk between processes.

Why: compiling a regular expression with large character classes is slow in CPython (most of
it in `re._compiler._optimize_charset`). spaCy's French tokenizer exceptions build one
`TOKEN_MATCH` expression that takes ~1.7 s to compile at every start of a French check; the
prefix, suffix and infix expressions of every language and the rule engine's ~550 expressions
add more. What `re.compile` produces is a list of opcodes handed to `_sre.compile`; that list
is plain data, so it is stored (with `marshal`) and handed to `_sre.compile` directly the next
time: the pattern object is the same (`==` compares pattern, flags and code), built in
microseconds.

A `Scope` is one cache file (`regex-<name>-<tag>.marshal` in the lemma cache's folder, see
`lexicon.cache_dir`); the tag covers the Python version, the `_sre` engine's version and the
spaCy version, so a new Python or spaCy starts a new file. Entries are keyed by a hash of the
pattern text and flags. A missing, stale or damaged file, a cache folder that cannot be
written, or any surprise from the private `re` internals falls back to `re.compile`:
the cache can only make start-up faster, never change a result (`_sre.compile` validates the
code it is given, so a tampered file raises and is ignored).

`patched(scope)` routes `re.compile` through a scope for the duration of a block (used around
`spacy.blank`, whose language modules compile their expressions on import); only the thread
that builds a pipeline runs there, at start-up.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import marshal
import re
import sys
import threading
from array import array

log = logging.getLogger("alignment")
FORMAT = 2  # bump when the stored entries change meaning
_original_compile = re.compile
_lock = threading.RLock()

try:  # CPython internals; without them the cache is off
    import _sre
    from re import _compiler, _parser
    _OK = all(hasattr(m, a) for m, a in ((_compiler, "_code"), (_parser, "parse"), (_sre, "compile")))
    _TYPECODE = next(t for t in "IL" if array(t).itemsize == _sre.CODESIZE)
except Exception:  # pragma: no cover - another Python implementation
    _OK = False


@functools.lru_cache(maxsize=1)
def _tag() -> str:
    """The cache files' tag (one look-up of spaCy's installed version, ~4 ms, per process)."""
    try:
        from importlib.metadata import version

        spacy_version = version("spacy")
    except Exception:
        spacy_version = "unknown"
    parts = [FORMAT, sys.version, getattr(_sre, "MAGIC", 0) if _OK else 0,
             getattr(_sre, "CODESIZE", 0) if _OK else 0, spacy_version]
    return hashlib.sha1(repr(parts).encode()).hexdigest()[:16]


def _key(pattern: str, flags: int) -> str:
    return hashlib.sha1(f"{flags}:{pattern}".encode("utf-8", "surrogatepass")).hexdigest()


class Scope:
    """The compiled expressions of one part of the program (a tokenizer, a rule pack)."""

    MAX = 20_000  # entries kept in a file; past this, only those of the last process

    def __init__(self, name: str):
        self.name = name
        self.loaded: dict = {}
        self.used: dict = {}
        self.path = None
        if not _OK:
            return
        from .lexicon import read_marshal

        self.path, self.loaded = read_marshal(f"regex-{name}-{_tag()}.marshal")

    def compile(self, pattern, flags=0):
        """`re.compile(pattern, flags)`, from the cache when it holds the pattern."""
        if not _OK or not isinstance(pattern, str):
            return _original_compile(pattern, flags)
        try:
            flags = int(flags)
        except (TypeError, ValueError):
            return _original_compile(pattern, flags)
        if flags & (re.DEBUG | getattr(re, "TEMPLATE", 0)):
            return _original_compile(pattern, flags)
        key = _key(pattern, flags)
        entry = self.loaded.get(key)
        if entry is not None:
            try:
                code = array(_TYPECODE)
                code.frombytes(entry[1])
                compiled = _sre.compile(pattern, entry[0], code.tolist(), entry[2], dict(entry[3]),
                                        tuple(entry[4]))
                self.used[key] = entry
                return compiled
            except Exception as exc:  # stale or damaged entry: compiled afresh below
                log.debug("regex cache entry dropped: %s", exc)
        try:
            parsed = _parser.parse(pattern, flags)
            code = _compiler._code(parsed, flags)
            groupindex = dict(parsed.state.groupdict)
            indexgroup = [None] * parsed.state.groups
            for k, i in groupindex.items():
                indexgroup[i] = k
            code = [int(c) for c in code]  # opcodes are int subclasses
            compiled = _sre.compile(pattern, int(flags | parsed.state.flags), code,
                                    int(parsed.state.groups - 1), groupindex, tuple(indexgroup))
            # the code as bytes: loading a list of ints one object at a time is ~10x slower
            entry = (int(flags | parsed.state.flags), array(_TYPECODE, code).tobytes(),
                     int(parsed.state.groups - 1), groupindex, tuple(indexgroup))
        except re.error:
            raise
        except Exception as exc:  # internals not as expected: the ordinary way
            log.debug("regex cache bypassed: %s", exc)
            return _original_compile(pattern, flags)
        self.used[key] = entry
        return compiled

    def save(self) -> None:
        """Write the file when this process used entries it lacks. The file's other entries are
        kept beside them (another language's, a process that used other expressions), so that
        processes with different needs do not rewrite the file in turn; past `MAX` entries only
        this process's are kept, so the file does not grow without end."""
        if self.path is None or not self.used or self.used.keys() <= self.loaded.keys():
            return
        from .lexicon import _write

        entries = {**self.loaded, **self.used} if len(self.loaded) + len(self.used) <= self.MAX else self.used
        try:
            data = marshal.dumps(entries)
        except ValueError as exc:  # pragma: no cover - unmarshallable entry
            log.debug("regex cache %s not written: %s", self.path, exc)
            return
        _write(self.path, data)
        self.loaded = dict(entries)


@contextlib.contextmanager
def patched(scope: Scope):
    """Route `re.compile` through `scope` in this block, then save the scope."""
    with _lock:
        re.compile = scope.compile
        try:
            yield scope
        finally:
            re.compile = _original_compile
    scope.save()


# The shared scope of the rule packs' expressions (pack validation, rule engine, standards,
# constituents, capacity cues): loaded at the first `compile`, saved at exit if it grew.
_shared: Scope | None = None


def _save_shared() -> None:
    if _shared is not None:
        _shared.save()


def derived(kind: str, pattern, compute, valid=lambda value: True):
    """`compute(pattern)` for a compiled `pattern`, kept in the shared scope beside its code
    (`regex_scan` derives the literal strings a pattern's matches start with from its parse:
    ~0.5 ms a pattern). The value must be marshal-able (None, str, lists, tuples)."""
    global _shared
    if not _OK:
        return compute(pattern)
    if _shared is None:
        compile("")  # loads the shared scope
    key = f"{kind}:{_key(pattern.pattern, int(pattern.flags))}"
    if key in _shared.loaded:
        value = _shared.loaded[key]
        try:
            ok = valid(value)
        except Exception:
            ok = False
        if ok:  # else damaged: computed again
            _shared.used[key] = value
            return value
    value = compute(pattern)
    _shared.used[key] = value
    return value


def compile(pattern, flags=0):  # noqa: A001 - the same name and meaning as re.compile
    """`re.compile` through the shared on-disk cache of the rule packs' expressions."""
    global _shared
    if _shared is None:
        with _lock:
            if _shared is None:
                import atexit

                _shared = Scope("rules")
                atexit.register(_save_shared)
    return _shared.compile(pattern, flags)
