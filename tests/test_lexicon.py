"""Lemma tables pruned to a pack's vocabulary match exactly like the full tables; word lists
and lemma caches work with or without a writable cache folder."""

import glob
import json

import pytest

from alignment import compiled, lexicon, match
from alignment.packs import load_pack


def _paragraphs(lang: str) -> list[str]:
    """The gold passages of the language and the corpus documents written in it."""
    with open(f"corpora/gold/{lang}.jsonl", encoding="utf-8") as fh:
        out = [json.loads(line)["text"] for line in fh if line.strip()]
    for f in sorted(glob.glob(f"corpora/*/*-{lang}/*.md")):
        out += [p for p in open(f, encoding="utf-8").read().split("\n\n") if p.strip()]
    return out


def _findings(lang: str, texts: list[str]):
    compiled.clear()
    engine = match.get_engine(load_pack(lang))
    found = match.match_texts(engine, texts)
    return [(f.rule_id, f.start, f.end, sorted(m.modifier for m in f.modifiers)) for f in found], engine


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_pruned_table_matches_like_the_full_table(lang, monkeypatch, tmp_path):
    monkeypatch.setenv("ALIGNMENT_CACHE", str(tmp_path))
    texts = _paragraphs(lang)
    assert len(texts) > 100
    pruned, engine = _findings(lang, texts)
    size = len(engine.lemmatizer.table)
    assert list(tmp_path.glob(f"lemmas-{lang}-*.json")), "the pruned table is cached"
    monkeypatch.setattr(lexicon, "cached_lemmas", lambda lang, key: None)
    monkeypatch.setattr(lexicon, "pruned_lemmas", lambda table, vocabulary: table)
    full, engine = _findings(lang, texts)
    compiled.clear()
    assert len(engine.lemmatizer.table) > 5 * size
    assert pruned == full and len(full) > 200


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_cached_phrase_keys_match_like_the_pattern_docs(lang, monkeypatch, tmp_path):
    # the first engine gives its phrase matchers the values of the pattern Docs and stores them;
    # the second one is given the stored values without tokenizing a pattern text: same findings
    from alignment.match import engine as engine_module

    monkeypatch.setenv("ALIGNMENT_CACHE", str(tmp_path))
    texts = _paragraphs(lang)
    from_docs, _ = _findings(lang, texts)
    assert list(tmp_path.glob(f"phrasekeys-{lang}-*.json")), "the phrase keys are cached"
    read = []
    values = engine_module._PhraseKeys.values

    def cached_values(self, *args):
        read.append(self.cached)
        return values(self, *args)

    monkeypatch.setattr(engine_module._PhraseKeys, "values", cached_values)
    from_cache, _ = _findings(lang, texts)
    compiled.clear()
    assert read and all(read)
    assert from_cache == from_docs and len(from_docs) > 200


def test_french_lemmas_are_used(monkeypatch, tmp_path):
    # spacy-lookups-data lists French lemmas (["équitable"]); a plural must still match
    monkeypatch.setenv("ALIGNMENT_CACHE", str(tmp_path))
    found, _ = _findings("fr", ["Les agences appliqueront des pratiques de recrutements équitables."])
    compiled.clear()
    assert any(rule.startswith("so3.mig") for rule, *_ in found)


def test_french_feminine_singular_and_plural_share_a_lemma():
    # the lookup table leaves "nationale" and "génératrice" as their own lemmas but sends
    # "nationales" and "génératrices" to "national" and "générateur": a pattern written in one
    # number must match the other
    table = lexicon.full_lemmas("fr")
    assert table["nationale"] == table["nationales"] == "national"
    assert table["génératrice"] == table["génératrices"] == "générateur"


def test_unwritable_cache_folder_still_works(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("ALIGNMENT_CACHE", str(blocker / "cache"))
    lexicon.known_words.cache_clear()
    try:
        words = lexicon.known_words("en")
        assert "employment" in words and "labour" in words and "employmentx" not in words
        found, _ = _findings("en", ["Social protection floors cover informal workers."])
        assert any(rule.startswith("so3.") for rule, *_ in found)
    finally:
        lexicon.known_words.cache_clear()
        compiled.clear()


@pytest.mark.parametrize("lang,word", [("en", "employment"), ("fr", "travailleurs"), ("es", "trabajadores")])
def test_known_words_every_language(lang, word, monkeypatch, tmp_path):
    monkeypatch.setenv("ALIGNMENT_CACHE", str(tmp_path))
    lexicon.known_words.cache_clear()
    try:
        assert word in lexicon.known_words(lang) and len(lexicon.known_words(lang)) > 10000
        assert list(tmp_path.glob(f"words-{lang}-*.npy"))
        lexicon.known_words.cache_clear()
        assert word in lexicon.known_words(lang)  # read back from the cache
    finally:
        lexicon.known_words.cache_clear()


def test_damaged_cache_files_are_rebuilt(monkeypatch, tmp_path):
    monkeypatch.setenv("ALIGNMENT_CACHE", str(tmp_path))
    text = ["By 2027, labour inspectors enforce occupational safety and health standards."]
    want, _ = _findings("en", text)
    files = sorted(tmp_path.glob("*.json"))
    assert {f.name.split("-")[0] for f in files} == {"lemmas", "forms", "phrasekeys"}
    for i, f in enumerate(files):
        f.write_text(['{"a": 1}', "[1, 2", '{"rule:0": [[1], []]}'][i % 3], encoding="utf-8")
    got, _ = _findings("en", text)
    compiled.clear()
    assert got == want and any(rule.startswith("so3.") for rule, *_ in got)


def test_murmur64a_is_spacys_hash_string():
    """Words are hashed in Python before spaCy is imported: the values must be spaCy's."""
    import random

    from spacy.strings import hash_string

    from alignment.lexicon import murmur64a

    rnd = random.Random(16)
    alphabet = "abcdeéèàçñü-'’ œ漢字🙂"
    words = ["", "a", "travail", "décent", "emploi-jeunes", "x" * 8, "x" * 9, "y" * 16, "z" * 17]
    words += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40))) for _ in range(2000)]
    assert [murmur64a(w) for w in words] == [hash_string(w) for w in words]


def test_reading_a_document_does_not_import_spacy(tmp_path):
    """Line-end hyphens are decided without spaCy, so reading could run beside its import."""
    import subprocess
    import sys

    text = tmp_path / "doc.txt"
    text.write_text("Decent work for all.\n\nThe employ-\nment programme of the country supports work-\ners.\n",
                    encoding="utf-8")
    code = ("import sys; from alignment.pipeline import load_document; "
            f"d = load_document({str(text)!r}); "
            "print('spacy' in sys.modules, [p.text for p in d.paragraphs])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.startswith("False"), out
    assert "employment programme" in out and "workers" in out, out


def test_the_cache_keeps_a_bounded_number_of_files_per_kind(tmp_path, monkeypatch):
    """Every pack edit makes a new cache key: the oldest files of a kind and language go, the
    newest stay readable, other kinds and languages are untouched."""
    import os

    from alignment import lexicon

    monkeypatch.setenv("ALIGNMENT_CACHE", str(tmp_path))
    lexicon.store_json("lemmas", "fr", "keep", {"a": "b"})
    for n in range(lexicon.KEEP_PER_KIND + 5):
        lexicon.store_json("forms", "en", f"k{n:02d}", {"n": n})
        os.utime(tmp_path / f"forms-en-k{n:02d}.json", (1_000_000 + n, 1_000_000 + n))
    lexicon.store_json("forms", "en", "last", {"n": "last"})
    left = sorted(f.name for f in tmp_path.glob("forms-en-*.json"))
    assert len(left) == lexicon.KEEP_PER_KIND and "forms-en-last.json" in left
    assert "forms-en-k00.json" not in left and "forms-en-k12.json" in left
    assert lexicon.cached_json("forms", "en", "last") == {"n": "last"}
    assert lexicon.cached_json("lemmas", "fr", "keep") == {"a": "b"}


def test_spanish_nouns_whose_plural_is_the_noun_keep_their_lemma():
    """"sueldos" -> "sueldo" shows the noun, so "sueldo" is not "soldar" (to weld), "suelo" not
    "soler", "huelga" not "holgar" (which "huelgas" never matched); participles keep their verb."""
    table = lexicon.full_lemmas("es")
    assert [table[w] for w in ("sueldo", "suelo", "huelga", "huelgas", "acuerdo")] == \
        ["sueldo", "suelo", "huelga", "huelga", "acuerdo"]
    assert (table["suelda"], table["suele"], table["hecho"], table["propuesta"]) == ("soldar", "soler", "hacer", "proponer")
    found, _ = _findings("es", ["La empresa suelda las piezas y los trabajadores suelen descansar.",
                                "Las huelgas del sector se repitieron."])
    rules = {rule for rule, *_ in found}
    assert not any(r.startswith("so3.wage") for r in rules)  # welding is no wage
    assert any(r.startswith("so4.disp") for r in rules)  # the plural strike is a strike
    compiled.clear()


def test_aids_is_an_acronym_not_the_plural_of_aid():
    """With "aids" -> "aid", a pack phrase "AIDS" matched "Irish Aid" and "legal aid"."""
    assert lexicon.full_lemmas("en")["aids"] == "aids"
    aid, _ = _findings("en", ["Irish Aid funds legal aid in the workplace."])
    aids, _ = _findings("en", ["Workers living with AIDS at the workplace."])
    assert not any(rule.startswith("so3.hiv") for rule, *_ in aid)
    assert any(rule.startswith("so3.hiv") for rule, *_ in aids)
    compiled.clear()
