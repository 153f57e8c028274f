"""The per-document function of a batch: one file -> a `WorkerResult`.

Input: a path and `Options` (both picklable). The document goes through the pipeline's stages
(`Pipeline.load`, then `Pipeline.analyse`), and its `Report` is compacted. Output: a
`WorkerResult` (a frozen dataclass, picklable, crosses the process or Dask boundary): `ok` with
`result`, a `DocumentResult` (typed, JSON-ready: the facts stored in the cache and written to
documents.csv, and the findings.csv rows; the batch then holds a `StoredResult`), or not `ok` with an error `code` and `reason` (the errors.csv
row). `analyse_file` never raises for a bad document and
mutates nothing but per-process caches (packs, matchers, spaCy pipelines), so any engine can map
it: our process pool, Dask, or another one.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import stat
import time
from dataclasses import dataclass, fields
from pathlib import PurePath

from .. import taxonomy
from ..errors import AlignmentError, UnsupportedFormatError
from ..read import DEFAULT_MAX_SIZE
from ..read.uninfo import PLAN_SUFFIX
from ..results import PlanView
from .deadline import Deadline
from .lifeline import Slots, die_with_parent

DOCUMENT_EXTENSIONS = frozenset({".pdf", ".docx", ".doc", ".txt", ".md", ".markdown", ".html",
                                 ".htm", ".xhtml"})


@dataclass(frozen=True, slots=True)
class DocumentFacts:
    """What a batch keeps of one document's `Report` besides its findings: one documents.csv
    row's worth of facts. Stored as JSON in the cache (`results.result`, `to_json`) and read
    back on --resume (`from_json`); the JSON keys and their order are the fields'."""

    sha256: str
    text_sha256: str  # the digest of the normalised text: the same text in two formats
    pack: str
    tool: str
    type: str
    language: str
    pages: int
    words: int
    title: str
    warnings: list[str]
    strength: dict[str, str]  # category -> committed / mentioned / absent
    objectives_committed: int
    objectives_mentioned: int
    social_partners: str
    civil_society_only: bool
    standards: list[str]
    employers: str
    workers: str
    topics_committed: list[str]
    topics_missing: list[str]
    plan: PlanView | None  # a work plan export's plan (JSON: its `model_dump()`)

    def to_json(self) -> dict:
        """The JSON-ready dict, keys in field order (what the cache has always stored)."""
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        out["plan"] = self.plan.model_dump() if self.plan is not None else None
        return out

    @classmethod
    def _kwargs(cls, data: dict) -> dict:
        kw = {f.name: data[f.name] for f in fields(cls) if f.name in data}
        kw.setdefault("text_sha256", "")  # not in caches written before the digest existed
        kw["plan"] = PlanView.model_validate(data["plan"]) if data.get("plan") else None
        return kw

    @classmethod
    def from_json(cls, data: dict):
        """The model of a dict `to_json` made (or the cache holds)."""
        return cls(**cls._kwargs(data))


@dataclass(frozen=True, slots=True)
class DocumentResult(DocumentFacts):
    """A worker's result (`compact`): the facts and the finding rows."""

    findings: list[list]  # findings.csv rows without their first column (the file name)


@dataclass(frozen=True, slots=True)
class StoredResult(DocumentFacts):
    """What the batch holds per document once the cache has the findings (`Cache.put`, `get`)."""

    findings_count: int

    @classmethod
    def of(cls, result: DocumentResult) -> "StoredResult":
        """`result` without its findings, counted."""
        kw = {f.name: getattr(result, f.name) for f in fields(DocumentFacts)}
        return cls(**kw, findings_count=len(result.findings))


@dataclass(frozen=True, slots=True)
class WorkerResult:
    """One document's outcome as it travels from a worker to the batch: a result or an error."""

    ok: bool
    result: DocumentResult | None = None  # `compact(report)` when ok
    code: str = ""  # when not ok: the error code of errors.py ("timeout", "crash", "internal", ...)
    reason: str = ""  # when not ok: one line for errors.csv

    @classmethod
    def success(cls, result: DocumentResult) -> "WorkerResult":
        return cls(ok=True, result=result)

    @classmethod
    def failure(cls, code: str, reason: str) -> "WorkerResult":
        return cls(ok=False, code=code, reason=reason)


@dataclass(frozen=True)
class Options:
    """What the per-document function needs besides the path."""

    rules_dirs: tuple[str, ...] = ()
    max_size: int = DEFAULT_MAX_SIZE
    timeout: float = 0.0  # seconds; 0 = none. Enforced here (deadline.py), in any thread.


def warm(languages: tuple[str, ...] = ("en",), rules_dirs: tuple[str, ...] = ()) -> None:
    """Load the packs and matchers into this process's caches (the language detector's
    models are loaded only if a document needs them)."""
    from ..match import get_engine
    from ..packs import load_pack

    for lang in languages:
        get_engine(load_pack(lang, tuple(rules_dirs)))


_slot: tuple[Slots, int] | None = None  # this pool worker's row of the parent's shared clocks


def _publish(seconds_left: float) -> None:
    """Tell the parent (if it watches) when the current document overruns its timeout."""
    if _slot is not None:
        _slot[0].deadline(_slot[1], time.monotonic() + seconds_left)


def init_worker(options: Options, slots: Slots | None = None, parent: int | None = None) -> None:
    """Process pool initializer: die with the parent (`parent`, its pid), leave Ctrl-C to it,
    take a row of `slots` for the parent's timeout watch, load the pipeline once."""
    global _slot
    if parent is not None:
        die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if slots is not None:
        _slot = (slots, slots.claim())
    warm(("en",), options.rules_dirs)


def run_task(task: int, path: str, options: Options) -> WorkerResult:
    """`analyse_file` with this worker's row saying which task it is on (process pools)."""
    if _slot is None:
        return analyse_file(path, options)
    slots, row = _slot
    slots.begin(row, task)
    try:
        return analyse_file(path, options)
    finally:
        slots.end(row)


def analyse_file(path: str, options: Options) -> WorkerResult:
    """Analyse one file; every failure comes back as a coded error, never as an exception."""
    try:
        with Deadline(options.timeout, path, _publish) as deadline:
            return WorkerResult.success(_analyse(path, options, deadline))
    except AlignmentError as exc:
        return WorkerResult.failure(exc.code, exc.reason)
    except MemoryError:
        return WorkerResult.failure("internal", "out of memory while analysing the document")
    except RecursionError:
        return WorkerResult.failure("internal", "document too deeply nested to analyse")
    except Exception as exc:  # a rule or reader bug must not stop the batch
        return WorkerResult.failure("internal", f"internal error: {type(exc).__name__}: {_one_line(str(exc))}")


def _analyse(path: str, options: Options, deadline: Deadline | None = None) -> DocumentResult:
    from ..analysis import analyse
    from ..pipeline import load_document
    from ..match import get_engine
    from ..packs import load_pack

    _refuse_non_documents(path)
    doc = load_document(path, max_size=options.max_size, rules_dirs=options.rules_dirs)
    with deadline.paused() if deadline else contextlib.nullcontext():
        # the first document of a language in a process loads its rules (French: ~10 s):
        # a cost of the worker, not of the document, so the timeout clock stops meanwhile
        pack = load_pack(doc.language, tuple(options.rules_dirs))
        get_engine(pack)
    report = analyse(doc, pack)
    return compact(report, _text_digest(p.text for p in doc.paragraphs))


def compact(report, text_sha256: str = "") -> DocumentResult:
    """The parts of a `Report` a batch keeps: one documents.csv row and the finding rows."""
    from ..report.tables import finding_rows

    d = report.document
    strength = {c: report.coverage[c].strength for c in taxonomy.scored() if c in report.coverage}
    strength[taxonomy.capdev()] = report.capdev.strength
    return DocumentResult(
        sha256=d.sha256, text_sha256=text_sha256, pack=report.pack, tool=report.version,
        type=d.type, language=d.language, pages=d.pages, words=d.words,
        title=d.title or "", warnings=list(d.warnings), strength=strength,
        objectives_committed=report.objectives_committed,
        objectives_mentioned=report.objectives_mentioned,
        social_partners=report.constituents.social_partners,
        civil_society_only=report.constituents.civil_society_only,
        standards=[s.id for s in report.standards],
        employers=report.constituents.employers.status,
        workers=report.constituents.workers.status,
        topics_committed=sorted(t for c in report.coverage.values() for t in c.topics_committed),
        topics_missing=sorted(t for c in taxonomy.objectives() for t in report.coverage[c].topics_missing),
        plan=report.plan.model_copy(deep=True) if report.plan else None,
        # without the first column (the file name): the batch writes its own path there
        findings=[row[1:] for row in finding_rows(report)],
    )


def _refuse_non_documents(path: str) -> None:
    """Files with a non-document extension are inputs too, but only analysed if their magic
    bytes say they are a document (a PDF saved as .bin); a .csv or .py is never read as text."""
    ext = PurePath(path).suffix.lower()
    if not ext or ext in DOCUMENT_EXTENSIONS or path.endswith(PLAN_SUFFIX):
        return
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return  # never open a FIFO or a device: the reader refuses it without opening it
        with open(path, "rb") as fh:
            head = fh.read(1024)
    except OSError:
        return  # the reader reports missing or unreadable files with its own words
    if b"%PDF-" in head or head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        return
    from ..read.sniff import sniff

    if sniff(head, path) == "html":  # raises for images, RTF and other formats it recognises
        return
    raise UnsupportedFormatError(path, f"not a document format we read ({ext} file)")


def _text_digest(texts) -> str:
    h = hashlib.sha256()
    for t in texts:
        h.update(" ".join(t.lower().split()).encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()


def _one_line(text: str) -> str:
    return " ".join(text.split())[:300]
