"""A text file read in windows (`read.text_file`, `read.text_lines`) gives what reading it whole
gives: the same blocks, pages, encoding, warnings and errors, and the same `Document`."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import alignment.load
from alignment.errors import AlignmentError
from alignment.pipeline import load_document
from alignment.read import open_document, read_document
from alignment.read import text_file
from alignment.read.text_lines import Pages, text_blocks
from alignment.read.text_file import TextFile

from test_read import CASES

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted(ROOT.glob("corpora/*/*/*.txt"))[:6]

HEADED = "".join(f"Kandara Decent Work Country Programme\nPage {n}\n\nOutcome {n}: more jobs for young "
                 f"people,\nand decent ones.\r\n\tIndicator\tBaseline\tTarget\n\n\nFooter text {n}\n\f"
                 for n in range(1, 6))
TEXTS = {
    "headers and form feeds.txt": HEADED.encode("utf-8"),
    "crlf.txt": "Social dialogue\r\nand tripartism.\r\r\nSecond\rparagraph\r".encode("utf-8"),
    "cp1252.txt": "Coopération tripartite – l’OIT\n\nEmploi décent\n".encode("cp1252") * 3,
    "utf16.txt": "\ufeffProtección social\n\nEmpleo\fpágina dos\n".encode("utf-16-le"),
    "bom8.txt": "\ufeffDecent work\n\f\n  \n".encode("utf-8"),
    "mojibake.txt": "Minist√®re du Travail\n\nD√©cent ‚Äô work\n".encode("utf-8"),
}


def _blocks(blocks):
    return [(b.kind, b.text, b.page, b.cells) for b in blocks]


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of 7 bytes: lines, "\\r\\n" and multi-byte characters split between chunks."""
    monkeypatch.setattr(text_file, "CHUNK", 7)


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_text_read_in_windows_as_whole(name, tmp_path, small_chunks):
    path = tmp_path / name
    path.write_bytes(TEXTS[name])
    whole = read_document(str(path))
    windowed = open_document(str(path))
    assert isinstance(windowed, TextFile)
    blocks = _blocks(windowed.blocks())
    assert blocks == _blocks(whole.blocks)
    raw = windowed.raw
    assert (raw.page_count, raw.encoding, raw.warnings, raw.sha256) == \
        (whole.page_count, whole.encoding, whole.warnings, whole.sha256)


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_corpus_text_read_in_windows_as_whole(path):
    whole = read_document(str(path))
    windowed = open_document(str(path))
    assert _blocks(windowed.blocks()) == _blocks(whole.blocks)
    assert windowed.raw.page_count == whole.page_count


@pytest.mark.parametrize("case", [c for c in CASES if not c.unreadable], ids=lambda c: c.name)
def test_bad_input_same_error(case, small_chunks):
    kwargs = {"max_size": case.max_size} if case.max_size else {}
    errors = []
    for read in (read_document, open_document):
        try:
            source = read(str(case.path), **kwargs)
            errors.append(None)
            if isinstance(source, TextFile):
                assert _blocks(source.blocks()) == _blocks(read_document(str(case.path), **kwargs).blocks)
        except AlignmentError as err:
            errors.append((type(err), err.reason))
    assert errors[0] == errors[1]


@pytest.mark.parametrize("name", ["headers and form feeds.txt", "mojibake.txt"])
def test_document_read_in_windows_as_whole(name, tmp_path, small_chunks, monkeypatch):
    path = tmp_path / name
    path.write_bytes(TEXTS[name])
    windowed = load_document(str(path))
    monkeypatch.setattr(alignment.load, "open_document", read_document)
    whole = load_document(str(path))
    assert windowed.model_dump() == whole.model_dump()
    assert windowed.pages == (5 if name.startswith("headers") else 1)


def test_file_changed_while_read(tmp_path):
    path = tmp_path / "changing.txt"
    path.write_text("Decent work for all.\n")
    text = open_document(str(path))
    path.write_text("Decent work for some.\n")
    with pytest.raises(AlignmentError, match="changed while"):
        list(text.blocks())


def test_text_lines_any_split():
    """The blocks of a text cut into pieces anywhere are those of the text in one piece."""
    rng = random.Random(16)
    alphabet = ["a", "b c", " ", "\t", "\t\t", "\n", "\r", "\r\n", "\f", "  \n"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30)))
        cuts = sorted(rng.sample(range(len(text) + 1), min(len(text) + 1, rng.randint(1, 6))))
        pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)])]
        one, many = Pages(), Pages()
        assert _blocks(text_blocks(pieces, many)) == _blocks(text_blocks([text], one)), repr(text)
        assert many.count == one.count


def test_language_read_from_first_blocks_only(tmp_path, small_chunks, monkeypatch):
    """Language detection stops after its first chunks of text; the blocks it read are
    normalised with the rest, none lost or doubled."""
    import functools

    path = tmp_path / "long.txt"
    path.write_bytes(TEXTS["headers and form feeds.txt"] * 3)
    monkeypatch.setattr(alignment.load, "_chunks", functools.partial(alignment.load._chunks, size=20, limit=3))
    windowed = load_document(str(path))
    monkeypatch.setattr(alignment.load, "open_document", read_document)
    whole = load_document(str(path))
    assert windowed.model_dump() == whole.model_dump()
    assert len(windowed.paragraphs) > 10
