"""Decide a file's format from its first bytes, then from its name.

Input: the file's bytes and the path given by the user. Output: one of "pdf", "docx", "html",
"md", "txt", or an `UnsupportedFormatError` / `InputError` for what we recognise and refuse.
Magic bytes win over the extension: a PDF named `.docx` is read as a PDF, and a `.pdf` that
does not start like a PDF is refused as damaged instead of being decoded as text.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath

from alignment.errors import InputError, UnsupportedFormatError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
PDF_BROKEN = "not a readable PDF (damaged or truncated)"
DOCX_BROKEN = "not a readable DOCX file (corrupt or not a Word document)"
HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
MARKDOWN_EXTENSIONS = {".md", ".markdown"}
IMAGES = {b"\x89PNG": "PNG", b"\xff\xd8\xff": "JPEG", b"GIF8": "GIF", b"II*\x00": "TIFF",
          b"MM\x00*": "TIFF"}
OTHER_ZIPS = {"xl/workbook.xml": "spreadsheet (XLSX)", "ppt/presentation.xml": "presentation (PPTX)",
              "content.xml": "OpenDocument file"}


def sniff(data: bytes, path: str) -> str:
    """Return the reader name for `data`, or raise for a format we refuse."""
    ext = PurePath(path).suffix.lower() if path != "-" else ""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(data, ext, path)
    if head.startswith(OLE_MAGIC):
        if ext in {".xls", ".ppt"}:
            raise UnsupportedFormatError(path, f"legacy Office ({ext}) file: not a document we read")
        raise UnsupportedFormatError(path, "legacy Word (.doc) file: convert it to DOCX")
    if head.startswith(b"{\\rtf"):
        raise UnsupportedFormatError(path, "RTF file: convert it to DOCX or PDF")
    for magic, name in IMAGES.items():
        if head.startswith(magic):
            raise UnsupportedFormatError(path, f"{name} image, not a document: run OCR first")
    if ext == ".pdf":
        raise InputError(path, PDF_BROKEN)
    if ext == ".docx":
        raise InputError(path, DOCX_BROKEN)
    if ext in HTML_EXTENSIONS or _looks_like_html(head):
        return "html"
    if ext in MARKDOWN_EXTENSIONS:
        return "md"
    return "txt"


def _zip_kind(data: bytes, ext: str, path: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except Exception:  # BadZipFile, OSError, NotImplementedError (unknown zip versions)...
        if ext == ".docx":
            raise InputError(path, DOCX_BROKEN) from None
        raise UnsupportedFormatError(path, "damaged zip archive, not a document") from None
    if "word/document.xml" in names:
        return "docx"
    if ext == ".docx":
        raise InputError(path, DOCX_BROKEN)
    for member, name in OTHER_ZIPS.items():
        if member in names:
            raise UnsupportedFormatError(path, f"{name}: not a document we read")
    raise UnsupportedFormatError(path, "zip archive, not a document")


def _looks_like_html(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"\xff\xfe") or start.startswith(b"\xfe\xff"):
        start = start.decode("utf-16", errors="ignore").encode("ascii", errors="ignore").lstrip()
    return start.startswith((b"<!doctype html", b"<html")) or (
        start.startswith(b"<?xml") and b"<html" in start)
