"""The on-disk cache of compiled regular expressions gives the same pattern objects as
re.compile, and falls back to it when the cache is absent, damaged or cannot be written."""

import re

import pytest

from alignment import regex_cache

PATTERNS = [
    (r"(?<=[a-zà-ÿ])'(?=\w)", 0),
    (r"\b(?P<word>d[ée]cent)\s+work\b", re.IGNORECASE | re.MULTILINE),
    (r"[\u00C0-\u024F\u1E00-\u1EFF]+(?:-[a-z]+)*", 0),
    (r"(?iu)^(?:a|b)\.$", 0),
]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("ALIGNMENT_CACHE", str(tmp_path))
    return tmp_path


def _both(scope):
    return [(scope.compile(p, f), re.compile(p, f)) for p, f in PATTERNS]


def test_same_patterns_fresh_and_from_cache(cache):
    scope = regex_cache.Scope("t")
    for ours, theirs in _both(scope):
        assert ours == theirs and ours.groupindex == theirs.groupindex
    scope.save()
    files = list(cache.glob("regex-t-*.marshal"))
    assert len(files) == 1
    again = regex_cache.Scope("t")
    assert len(again.loaded) == len(PATTERNS)
    for ours, theirs in _both(again):
        assert ours == theirs
        assert ours.findall("Décent work, l'emploi à-b") == theirs.findall("Décent work, l'emploi à-b")


def test_damaged_cache_falls_back(cache):
    scope = regex_cache.Scope("t")
    _both(scope)
    scope.save()
    path = next(cache.glob("regex-t-*.marshal"))
    path.write_bytes(b"\x00garbage")
    for ours, theirs in _both(regex_cache.Scope("t")):
        assert ours == theirs
    # an entry with wrong code is refused by _sre and compiled afresh
    key = regex_cache._key(PATTERNS[0][0], PATTERNS[0][1])
    bad = regex_cache.Scope("t")
    bad.loaded = {key: (0, bytes(range(12)), 0, {}, (None,))}
    assert bad.compile(*PATTERNS[0]) == re.compile(*PATTERNS[0])


def test_unwritable_cache_and_errors(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("ALIGNMENT_CACHE", str(blocker / "sub"))
    scope = regex_cache.Scope("t")
    with regex_cache.patched(scope):
        assert re.compile(r"a+b", re.I) == regex_cache._original_compile(r"a+b", re.I)
        with pytest.raises(re.error):
            re.compile(r"(unclosed")
    assert re.compile is regex_cache._original_compile
    assert scope.compile(re.compile("x")) == re.compile("x")


def test_scanner_literals_cached_and_checked(cache, monkeypatch):
    from alignment import regex_scan

    monkeypatch.setattr(regex_cache, "_shared", None)
    pattern = re.compile(r"\b(?:SDGs?|Goal|target)\s*8", re.IGNORECASE)
    fresh = regex_scan._literals(pattern)
    assert regex_cache.derived("literals", pattern, regex_scan._literals, regex_scan._valid_literals) == fresh
    regex_cache._save_shared()
    monkeypatch.setattr(regex_cache, "_shared", None)
    scanner = regex_scan.Scanner(pattern)  # from the file now
    assert (scanner.prefixes, scanner.required) == fresh
    key = f"literals:{regex_cache._key(pattern.pattern, int(pattern.flags))}"
    assert key in regex_cache._shared.loaded
    regex_cache._shared.loaded[key] = ("damaged", 3)
    scanner = regex_scan.Scanner(pattern)
    assert (scanner.prefixes, scanner.required) == fresh


def test_spacy_import_compiles_through_its_scope_and_puts_re_compile_back(tmp_path):
    """spaCy's import-time expressions (confection, packaging, its tokenizer exceptions) are
    kept in the "spacy-import" scope; the second import takes them from the file."""
    import os
    import subprocess
    import sys

    code = ("import re; from alignment import regex_cache, spacy_import; spacy_import.load(); "
            "from spacy.lang.tokenizer_exceptions import URL_MATCH; "
            "print(re.compile is regex_cache._original_compile, URL_MATCH.__self__ == re.compile(URL_MATCH.__self__.pattern, URL_MATCH.__self__.flags))")
    env = {**os.environ, "ALIGNMENT_CACHE": str(tmp_path)}
    for _ in range(2):  # the first run writes the file, the second reads it
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
        assert out.stdout.split() == ["True", "True"]
    assert list(tmp_path.glob("regex-spacy-import-*.marshal"))


def test_a_scope_keeps_the_entries_other_processes_used(cache):
    """Two processes that use different expressions (an English and a French start) do not
    rewrite the file in turn: the second keeps the first's entries beside its own."""
    first = regex_cache.Scope("t")
    first.compile(*PATTERNS[0])
    first.save()
    second = regex_cache.Scope("t")
    second.compile(*PATTERNS[1])
    second.save()
    assert len(regex_cache.Scope("t").loaded) == 2
    third = regex_cache.Scope("t")
    third.compile(*PATTERNS[0])
    path = next(cache.glob("regex-t-*.marshal"))
    before = path.stat().st_mtime_ns
    third.save()  # nothing new: the file is left alone
    assert path.stat().st_mtime_ns == before and len(regex_cache.Scope("t").loaded) == 2
