"""The read stage: file -> `RawDocument`.

Input: a path (or "-" with the bytes of standard input). Output: a `RawDocument` whose blocks
are the file's text in reading order, each with its page: layout lines for PDF and TXT (an
empty line marks a paragraph break), whole paragraphs, headings, list items and table rows for
DOCX, HTML and Markdown. Nothing is cleaned here: joining lines, hyphens, running headers and
footnote marks are the normaliser's job.

Every problem with the input file is raised as an `alignment.errors.InputError` subclass with a
one-line reason; problems that do not stop reading go to `RawDocument.warnings`.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import logging
import os
import stat

from alignment.document import RawDocument
from alignment.errors import AlignmentError, InputError, TooLargeError
from alignment.repair import repair, repaired_warning

from .sniff import sniff

__all__ = ["DEFAULT_MAX_SIZE", "open_document", "read_document"]

log = logging.getLogger("alignment")

DEFAULT_MAX_SIZE = 100 * 1024 * 1024
"""Largest input file read by default (100 MB); the CLI's --max-size overrides it."""

MB = 1024 * 1024


def read_document(path: str, *, max_size: int = DEFAULT_MAX_SIZE,
                  stdin: bytes | None = None) -> RawDocument:
    """Read `path` (or `stdin` when path is "-") into a RawDocument.

    Raises `InputError` (or its subclasses `NoTextLayerError`, `TooLargeError`,
    `UnsupportedFormatError`) for a file that cannot be read; never anything else for a bad
    file.
    """
    path = str(path)
    data = _stdin_bytes(path, stdin, max_size) if path == "-" else _file_bytes(path, max_size)
    digest = hashlib.sha256(data).hexdigest()
    kind = ["input"]
    with _reading(path, kind):
        kind[0] = sniff(data, path)
        doc = _reader(kind[0])(data, path, digest)
    repair_blocks(doc)
    log.debug("read %s: %s, %d pages, %d blocks", path, kind, doc.page_count, len(doc.blocks))
    return doc


@contextlib.contextmanager
def _reading(path: str, kind: list[str]):
    """Turn any failure inside a reader into one InputError naming the file and the format
    (`kind[0]`, set by the caller as soon as it is known); AlignmentErrors pass unchanged."""
    try:
        yield
    except AlignmentError:
        raise
    except MemoryError:
        raise InputError(path, "out of memory while reading the file") from None
    except Exception as exc:  # a reader bug or a library failure must not escape as a traceback
        log.debug("reading %s failed", path, exc_info=True)
        raise InputError(path, f"could not read the {kind[0].upper()} file "
                         f"({type(exc).__name__})") from exc


def open_document(path: str, *, max_size: int = DEFAULT_MAX_SIZE, stdin: bytes | None = None):
    """`read_document`, except that a plain text file on disk is not read whole: it comes as a
    `text_file.TextFile`, whose `raw` has no blocks and whose `blocks()` gives them a window at
    a time. Raises what `read_document` raises for the same file."""
    path = str(path)
    if path == "-":
        return read_document(path, max_size=max_size, stdin=stdin)
    head = _file_head(path, max_size)
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")) or sniff(head, path) != "txt":
        return read_document(path, max_size=max_size)  # sniff needs a zip archive whole
    from .text_file import TextFile

    with _reading(path, ["txt"]):
        text = TextFile.scan(path, max_size)
    _check_size(path, text.size, max_size)  # the file may have grown since stat()
    log.debug("read %s: txt, %d pages, in windows", path, text.raw.page_count)
    return text


def repair_blocks(doc: RawDocument) -> None:
    """Repair mojibake in every block (and cell) of every reader, and say so in the warnings."""
    count = 0
    for block in doc.blocks:
        text, changed = repair(block.text)
        if changed:  # set only then: a pydantic model's setattr costs ~1.5 us a block
            block.text = text
        count += changed
        if block.cells:
            cells = [repair(c) for c in block.cells]
            if any(changed for _, changed in cells):
                block.cells = [c for c, _ in cells]
    if count:
        doc.warnings.append(repaired_warning(count, "block(s) of text"))


READERS: dict[str, tuple[str, str]] = {
    "pdf": (".pdf", "read_pdf"),
    "docx": (".docx", "read_docx"),
    "html": (".html", "read_html"),
    "md": (".text", "read_markdown"),
    "txt": (".text", "read_text"),
}
"""The reader of each sniffed format: (module of this package, function). A format without
an entry is read as plain text."""


def _reader(kind: str):
    # Imported lazily: reading a text file should not load PDFium or python-docx.
    module, name = READERS.get(kind, READERS["txt"])
    return getattr(importlib.import_module(module, __package__), name)


def _file_bytes(path: str, max_size: int) -> bytes:
    return _file_head(path, max_size, max_size + 1)


def _file_head(path: str, max_size: int, length: int = 1024) -> bytes:
    """The first `length` bytes of the file at `path`, after the checks every reader needs
    (exists, a regular readable file, not empty, not above `max_size`)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError(path, "file not found") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot open the file ({exc.strerror or type(exc).__name__})") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(path, "is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(path, "not a regular file")
    if not os.access(path, os.R_OK):
        raise InputError(path, "permission denied")
    if st.st_size == 0:
        raise InputError(path, "empty file")
    _check_size(path, st.st_size, max_size)
    try:
        with open(path, "rb") as handle:
            data = handle.read(length)
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot read the file ({exc.strerror or type(exc).__name__})") from None
    _check_size(path, len(data), max_size)  # the file may have grown since stat()
    if not data:
        raise InputError(path, "empty file")
    return data


def _stdin_bytes(path: str, stdin: bytes | None, max_size: int) -> bytes:
    if not stdin:
        raise InputError(path, "empty file")
    _check_size(path, len(stdin), max_size)
    return stdin


def _check_size(path: str, size: int, max_size: int) -> None:
    if size > max_size:
        raise TooLargeError(path, f"file is {_mb(size)} MB, above --max-size {_mb(max_size)} MB")


def _mb(size: int) -> str:
    value = size / MB
    if value >= 10:
        return f"{value:.0f}"
    return f"{value:.1f}".removesuffix(".0") if value >= 0.1 else f"{value:.2g}"
