"""The first three stages as functions: path -> `Document`.

`read_source` (file -> `RawDocument`, `TextFile` or a plan's `Document`), `normalise_source`
(-> `Normalised`), `structure_source` (-> `Document`), and the user's overrides (`with_language`,
`as_type`). Their one composition is `pipeline.Pipeline.load` (`pipeline.load_document`), used by
every command (`inspect`, `check`, `compare`, `appraise`, `batch`).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING, Callable

from .document import Document, Evidence, Paragraph, RawDocument
from .errors import InputError
from .language import detect
from .normalise import drain, normalise, normalise_blocks, page_edges, repeated_lines
from .packs import load_pack
from .read import DEFAULT_MAX_SIZE, open_document
from .structure import structure

if TYPE_CHECKING:
    from .read.text_file import TextFile


# The types a user can name with `--as` (the others, cca and other, are only ever detected).
USER_TYPES = ("proposal", "dwcp", "unsdcf")


@dataclass
class Normalised:
    """The normalise stage's output: the source's metadata, its clean paragraphs (offsets back
    to the page) and the language they are in."""

    raw: RawDocument
    paragraphs: list[Paragraph]
    language: Evidence


def read_source(path: str, *, max_size: int = DEFAULT_MAX_SIZE, stdin: bytes | None = None,
                plan: str | None = None, country: str | None = None) -> RawDocument | TextFile | Document:
    """The read stage: a file -> its `RawDocument` (by the reader of its sniffed format), a
    `TextFile` read a window at a time, or, for a work plan export, the chosen plan's
    `Document` (an export has its structure already)."""
    if is_export(path):
        return load_plan(path, plan=plan, country=country, max_size=max_size)
    if plan or country:
        raise InputError(path, "--plan and --country choose a plan of a UN INFO export (XLSX or CSV); "
                         "this file is not one")
    return open_document(path, max_size=max_size, stdin=stdin)


def normalise_source(source: RawDocument | TextFile, language: str | None = None,
                     on_language: Callable[[str], None] | None = None) -> Normalised:
    """The normalise stage: the language (the user's, or detected on the first text) and the
    clean paragraphs. A text file's blocks are read once, a window at a time. `on_language` is
    told the language as soon as it is known, before the paragraphs are normalised."""
    if isinstance(source, RawDocument):
        raw = source
        lang = _language(_chunks(raw.blocks), language)
        if on_language is not None:
            on_language(lang.value)
        paragraphs = normalise(raw, lang.value, consume=True)  # the raw blocks go as paragraphs come
    else:  # a text file, read a window at a time: never whole, neither its bytes nor its lines
        raw = source.raw
        edges = page_edges(source.blocks()) if raw.page_count >= 3 else []
        blocks = source.blocks()
        first: list = []
        lang = _language(_chunks(_kept(blocks, first)), language)
        if on_language is not None:
            on_language(lang.value)
        paragraphs = normalise_blocks(chain(drain(first), blocks), repeated_lines(raw.page_count, edges),
                                      lang.value)
    return Normalised(raw, paragraphs, lang)


def structure_source(normalised: Normalised, rules_dirs: tuple[str, ...] = ()) -> Document:
    """The structure stage: sections, elements and document type, by the structure rules of
    the language's pack."""
    pack = load_pack(normalised.language.value, tuple(rules_dirs))
    return structure(normalised.raw, normalised.paragraphs, pack, normalised.language)


def with_language(doc: Document, language: str | None) -> Document:
    """A plan's document with the language the user gave (`--language`), if any."""
    if language:
        doc.language = language
        doc.language_evidence = doc.language_evidence.model_copy(
            update={"value": language, "reasons": [f"set by the user ({language})"]})
    return doc


def _language(chunks: list[str], language: str | None):
    lang = detect(chunks)
    if language:
        lang = lang.model_copy(update={"value": language, "reasons": [f"set by the user ({language})"]})
    return lang


def _kept(blocks, kept: list):
    """`blocks`, each also put in `kept` (the first blocks, read for the language, are then
    normalised with the rest)."""
    for b in blocks:
        kept.append(b)
        yield b


def as_type(doc: Document, doc_type: str) -> Document:
    """The document with the type the user gave (`--as`), the detected one kept in the reasons."""
    detected = doc.type_evidence
    evidence = detected.model_copy(update={"value": doc_type, "confidence": 1.0, "reasons": [
        f"set by the user (--as {doc_type}); detected: {detected.value}"]})
    return doc.model_copy(update={"type": doc_type, "type_evidence": evidence})


def _chunks(blocks, size: int = 300, limit: int = 4000) -> list[str]:
    """Layout lines glued into paragraph-sized chunks for language detection."""
    out, cur = [], []
    length = 0
    for b in blocks:
        if not b.text.strip():
            continue
        cur.append(b.text)
        length += len(b.text)
        if length >= size:
            out.append(" ".join(cur))
            cur, length = [], 0
            if len(out) >= limit:
                break
    if cur:
        out.append(" ".join(cur))
    return out


def is_export(path: str) -> bool:
    """A UN INFO export: an XLSX workbook, a CSV whose header names the export's columns, or a
    plan already read from one (`*.plan.json`, written by `batch`)."""
    low = str(path).lower()
    if not low.endswith((".xlsx", ".xlsm", ".json", ".csv")):
        return False  # without importing the export reader (~5 ms of every start)
    from .read.uninfo import PLAN_SUFFIX, looks_like_export_csv

    if low.endswith((".xlsx", ".xlsm")) or low.endswith(PLAN_SUFFIX):
        return True
    if low.endswith(".csv"):
        try:
            with open(path, "rb") as fh:
                return looks_like_export_csv(fh.read(4096))
        except OSError:
            return False
    return False


def load_plan(path: str, *, plan: str | None = None, country: str | None = None,
              max_size: int = DEFAULT_MAX_SIZE) -> Document:
    """One plan of an export -> `Document`."""
    from .plan_document import build
    from .read import _file_bytes
    from .read.uninfo import PLAN_SUFFIX, Collector, Plan, plan_matcher, select

    if str(path).lower().endswith(PLAN_SUFFIX):
        data = _file_bytes(path, max_size)
        try:
            chosen = Plan.from_json(data.decode("utf-8"))
        except (ValueError, TypeError, KeyError) as exc:
            raise InputError(path, f"not a plan file written by alignment batch ({type(exc).__name__})") from None
        return build(chosen, path)
    _file_bytes(path, max_size)  # missing, empty, a folder, too large: the usual one-line errors
    collector = Collector(keep=plan_matcher(plan, country) if plan or country else None)
    collector.add_file(path)
    chosen = select(path, collector, plan, country)
    doc = build(chosen, path)
    doc.warnings += [w for w in collector.warnings.get(path, []) if "repaired" not in w]
    return doc
