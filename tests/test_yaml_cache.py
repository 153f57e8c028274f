"""The parsed-YAML cache of rule files (`packs._YamlCache`): the same data as parsing, a damaged
or missing file means parsing as before, and a bad file is still reported."""

import datetime

import yaml

from alignment import packs

TEXT = """\
rules:
  - id: t.one
    category: SO1
    phrases: [decent work, "1.5", yes]
    window: 3
"""


def _fresh(monkeypatch, tmp_path):
    """A cache in tmp_path, made here (not by `_parsed_yaml`, which would also save it at exit)."""
    monkeypatch.setenv("ALIGNMENT_CACHE", str(tmp_path))
    monkeypatch.setattr(packs, "_yaml_cache", packs._YamlCache())


def test_cached_parse_is_the_same_data(monkeypatch, tmp_path):
    _fresh(monkeypatch, tmp_path)
    first = packs._parsed_yaml(TEXT)
    packs._yaml_cache.save()
    _fresh(monkeypatch, tmp_path)
    second = packs._parsed_yaml(TEXT)  # from the file written above
    assert packs._yaml_cache.loaded  # it was read
    assert second == first == yaml.load(TEXT, Loader=packs._LOADER)
    assert repr(second) == repr(first)  # types too: "yes" stays a bool, "1.5" a string
    second["rules"].append("changed")
    assert "changed" not in packs._parsed_yaml(TEXT)["rules"]  # each call gets its own objects


def test_damaged_cache_file_means_parsing(monkeypatch, tmp_path):
    _fresh(monkeypatch, tmp_path)
    packs._parsed_yaml(TEXT)
    packs._yaml_cache.save()
    path = packs._yaml_cache.path
    path.write_bytes(b"\x00not marshal")
    _fresh(monkeypatch, tmp_path)
    assert packs._parsed_yaml(TEXT) == yaml.load(TEXT, Loader=packs._LOADER)


def test_unmarshallable_data_is_parsed_every_time(monkeypatch, tmp_path):
    _fresh(monkeypatch, tmp_path)
    data = packs._parsed_yaml("when: 2024-01-01\n")
    assert data == {"when": datetime.date(2024, 1, 1)}
    assert not packs._yaml_cache.used


def test_bad_yaml_still_reported(monkeypatch, tmp_path):
    _fresh(monkeypatch, tmp_path)
    parsed, problems = packs.parse_file("bad.yaml", "rules: [unclosed\n")
    assert parsed is None and "not valid YAML" in problems[0]
