"""The compiled pack: one bounded cache keyed by pack version; every part built once, on use."""

from alignment import compiled
from alignment.compiled import compile_pack
from alignment.packs import load_pack


def test_one_compiled_pack_per_version_and_parts_built_once():
    pack = load_pack("en")
    first = compile_pack(pack)
    assert compile_pack(pack) is first
    assert first.structure is first.structure and first.constituents is first.constituents
    fresh = compiled.CompiledPack(pack)
    fresh.structure
    assert "structure" in vars(fresh) and "engine" not in vars(fresh)  # built only when asked for


def test_the_cache_is_bounded(monkeypatch):
    monkeypatch.setattr(compiled, "MAX_PACKS", 2)
    monkeypatch.setattr(compiled, "_CACHE", type(compiled._CACHE)())  # the shared cache is left alone
    packs = [load_pack(lang) for lang in ("en", "fr", "es")]
    for pack in packs:
        compile_pack(pack)
    assert len(compiled._CACHE) == 2 and (packs[0].language, packs[0].version) not in compiled._CACHE


def test_taxonomy_lists_come_from_the_pack():
    c = compile_pack(load_pack("en"))
    assert c.categories[:4] == ("SO1", "SO2", "SO3", "SO4")
    assert "SO3.OSH" in c.topics and set(c.topic_sdg) == set(c.topics)
