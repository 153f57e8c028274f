"""The pipeline: a file -> `Report`, as stage objects with typed `run(input) -> output`.

```
path --Reader--> Source (RawDocument | TextFile | a plan export's Document)
     --Normaliser--> Normalised (paragraphs with offsets back to the page, language)
     --Structurer--> Document (sections, elements, document type)
     --Matcher--> Matched (findings with their context modifiers, a window at a time)
     --Scorer--> Report
```

Each stage holds its options and calls the stage functions of `load` (read, normalise,
structure) and `analysis` (match, score). `Pipeline.load` (read -> normalise -> structure;
`load_document`) and `Pipeline.analyse` (match -> score) are the only compositions of them;
`Pipeline.of` builds the stages from the options every command takes. `check` is both (the
command line's `check` may run `load`'s three stages in a forked child, `overlap.py`);
`compare` (compare/run.py), `appraise` (appraise/__init__.py), the batch worker
(batch/worker.py) and `eval --documents` (expectations.py) load and analyse each input with
them (every finding kept) and add their own stage; the spaCy component (component.py) runs
`Matcher.texts` on a Doc. The reader is chosen by the sniffed format (`read.READERS`). The context stage runs inside the matcher, sentence by sentence
(`match.paragraph` hands each sentence's cues to `context.annotate`), because its cues and
scopes are token spans of the matched text; `Matched` findings already carry their
modifiers. A plan export (XLSX, CSV, `*.plan.json`) is read as a structured `Document`, which
the normaliser and the structurer pass on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Union

from .analysis import MAX_FINDINGS, match_windows, report
from .constituents import acronyms
from .document import Document, RawDocument
from .findings import Finding
from .load import Normalised, as_type, normalise_source, read_source, structure_source, with_language
from .match import Engine, get_engine, match_texts
from .packs import Pack, load_pack
from .read import DEFAULT_MAX_SIZE
from .results import Report

if TYPE_CHECKING:
    from .read.text_file import TextFile

Source = Union[RawDocument, "TextFile", Document]
"""What the reader gives: a read document, a text file read a window at a time, or a plan."""


@dataclass
class Matched:
    """The match stage's output: the document, its pack, the acronyms it defines for the social
    partners, and its findings a window of paragraphs at a time (matched as they are read)."""

    doc: Document
    pack: Pack
    aliases: dict[str, str]
    batches: Iterator[list[Finding]]


@dataclass
class Reader:
    """path -> `Source`, by the reader of the file's sniffed format."""

    max_size: int = DEFAULT_MAX_SIZE
    stdin: bytes | None = None
    plan: str | None = None
    country: str | None = None

    def run(self, path: str) -> Source:
        return read_source(path, max_size=self.max_size, stdin=self.stdin, plan=self.plan, country=self.country)


@dataclass
class Normaliser:
    """`Source` -> `Normalised`: the language (the user's or detected) and clean paragraphs."""

    language: str | None = None

    def run(self, source: Source, on_language: Callable[[str], None] | None = None) -> Normalised | Document:
        """`on_language` is told the language as soon as it is known (`overlap.py`)."""
        if isinstance(source, Document):
            doc = with_language(source, self.language)
            if on_language is not None:
                on_language(doc.language)
            return doc
        return normalise_source(source, self.language, on_language)


@dataclass
class Structurer:
    """`Normalised` -> `Document`, by the structure rules of the language's pack; `doc_type`
    (`--as`) replaces the detected document type."""

    rules_dirs: tuple[str, ...] = ()
    doc_type: str | None = None

    def run(self, normalised: Normalised | Document) -> Document:
        doc = normalised if isinstance(normalised, Document) else structure_source(normalised, self.rules_dirs)
        return as_type(doc, self.doc_type) if self.doc_type else doc


@dataclass
class Matcher:
    """`Document` -> `Matched`, by the pack of the document's language."""

    rules_dirs: tuple[str, ...] = ()

    def run(self, doc: Document) -> Matched:
        pack = load_pack(doc.language, tuple(self.rules_dirs))
        aliases = acronyms(doc, pack)
        return Matched(doc, pack, aliases, match_windows(doc, pack, aliases))

    def engine(self, language: str) -> Engine:
        """The compiled matchers of `language`'s pack (built once per pack version)."""
        return get_engine(load_pack(language, tuple(self.rules_dirs)))

    def texts(self, language: str, texts: list[str]) -> list[Finding]:
        """Findings of loose texts (a spaCy `Doc`'s text, a sentence): with no `Document`,
        there are no sections, elements or defined acronyms to place them."""
        return match_texts(self.engine(language), texts)


@dataclass
class Scorer:
    """`Matched` -> `Report`; the report lists at most `max_findings` findings (None: all)."""

    max_findings: int | None = MAX_FINDINGS

    def run(self, matched: Matched) -> Report:
        return report(matched.doc, matched.pack, matched.aliases, matched.batches, max_findings=self.max_findings)


@dataclass
class Pipeline:
    """The stages of `check`, in order."""

    reader: Reader = field(default_factory=Reader)
    normaliser: Normaliser = field(default_factory=Normaliser)
    structurer: Structurer = field(default_factory=Structurer)
    matcher: Matcher = field(default_factory=Matcher)
    scorer: Scorer = field(default_factory=Scorer)

    @classmethod
    def of(cls, *, rules_dirs: tuple[str, ...] = (), max_size: int = DEFAULT_MAX_SIZE, language: str | None = None,
           stdin: bytes | None = None, plan: str | None = None, country: str | None = None,
           max_findings: int | None = MAX_FINDINGS, doc_type: str | None = None) -> Pipeline:
        """The stages configured from the options every command takes."""
        rules_dirs = tuple(rules_dirs)
        return cls(reader=Reader(max_size=max_size, stdin=stdin, plan=plan, country=country),
                   normaliser=Normaliser(language=language),
                   structurer=Structurer(rules_dirs=rules_dirs, doc_type=doc_type),
                   matcher=Matcher(rules_dirs=rules_dirs),
                   scorer=Scorer(max_findings=max_findings))

    def load(self, path: str) -> Document:
        """Read, normalise and structure one file: the one composition of these three stages
        (`load_document` is this)."""
        return self.structurer.run(self.normaliser.run(self.reader.run(path)))

    def analyse(self, doc: Document) -> Report:
        """Match and score a loaded document."""
        return self.scorer.run(self.matcher.run(doc))

    def run(self, path: str) -> Report:
        return self.analyse(self.load(path))


def load_document(path: str, *, max_size: int = DEFAULT_MAX_SIZE, rules_dirs: tuple[str, ...] = (),
                  stdin: bytes | None = None, language: str | None = None,
                  plan: str | None = None, country: str | None = None,
                  doc_type: str | None = None) -> Document:
    """One file -> `Document` (read, normalise, structure), as `inspect`, `compare`, `appraise`
    and `batch` load their inputs. `plan` and `country` choose one plan of a work plan export
    (XLSX, CSV); an export that holds several plans needs one of them. `doc_type` (`--as`): the
    user's word on the document type, which replaces the detected one."""
    return Pipeline.of(max_size=max_size, rules_dirs=rules_dirs, stdin=stdin, language=language, plan=plan,
                       country=country, doc_type=doc_type).load(path)


def check(path: str, *, rules_dirs: tuple[str, ...] = (), max_size: int = DEFAULT_MAX_SIZE,
          language: str | None = None, stdin: bytes | None = None, plan: str | None = None,
          country: str | None = None, max_findings: int | None = MAX_FINDINGS, doc_type: str | None = None) -> Report:
    """One document -> `Report`: the library entry point `alignment.check`."""
    return Pipeline.of(rules_dirs=rules_dirs, max_size=max_size, language=language, stdin=stdin, plan=plan,
                       country=country, max_findings=max_findings, doc_type=doc_type).run(path)
