"""Bad (and awkward) input files for the reader tests, made fresh in a temporary folder.

`make_cases(folder)` writes every file and returns a list of `Case`: the file, the error the
reader must raise (or None when it must read the file and say something in its warnings or
encoding) and a substring the one-line message must contain.
"""

from __future__ import annotations

import io
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

from alignment.errors import (InputError, NoTextLayerError, TooLargeError,
                              UnsupportedFormatError)

MB = 1024 * 1024


@dataclass
class Case:
    name: str
    path: Path
    error: type[Exception] | None
    expected: str
    max_size: int | None = None
    unreadable: bool = False  # the test must make os.access() say "not readable"

    def __repr__(self) -> str:
        return self.name


def _pdf(pages: list[str], **canvas_args) -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, invariant=1, **canvas_args)
    for text in pages:
        pdf.drawString(72, 700, text)
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


def _drawing_only_pdf() -> bytes:
    """A page with a filled shape and an inline image but no text: what a scan looks like."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, invariant=1)
    pdf.rect(72, 500, 200, 100, fill=1)
    try:
        from PIL import Image

        image = Image.new("L", (64, 64), color=128)
        pdf.drawImage(ImageReader(image), 72, 300, width=128, height=128)
    except ImportError:  # Pillow is optional: the drawing alone has no text layer either
        pass
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buf.getvalue()


def _zip_bomb(uncompressed_mb: int) -> bytes:
    """A small .docx-looking zip whose one entry inflates to `uncompressed_mb` MB of zeros."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        with archive.open("word/media/image1.bin", "w", force_zip64=True) as entry:
            block = bytes(MB)
            for _ in range(uncompressed_mb):
                entry.write(block)
    return buf.getvalue()


def make_cases(folder: Path) -> list[Case]:
    """Write every bad file into `folder` and describe what reading it must do."""
    from alignment.read.docx import MAX_UNCOMPRESSED

    folder = Path(folder)
    cases: list[Case] = []

    def add(name: str, filename: str, data: bytes | None, error, expected: str, **extra):
        path = folder / filename
        if data is not None:
            path.write_bytes(data)
        cases.append(Case(name, path, error, expected, **extra))

    good_pdf = _pdf(["Decent work for all: employment and social protection."] * 3)
    add("missing file", "nowhere.pdf", None, InputError, "file not found")
    (folder / "a-folder.pdf").mkdir()
    add("directory", "a-folder.pdf", None, InputError, "is a directory")
    add("empty file", "empty.txt", b"", InputError, "empty file")
    add("whitespace-only text", "blank.txt", b"  \n\n\t \n", InputError, "empty file")
    add("garbage named .pdf", "garbage.pdf", os.urandom(4096), InputError, "not a readable PDF")
    add("truncated PDF", "truncated.pdf", good_pdf[: len(good_pdf) // 2], InputError,
        "not a readable PDF (damaged or truncated)")
    add("PDF with no pages", "no-pages.pdf", _zero_page_pdf(), InputError, "the PDF has no pages")
    add("PDF of blank pages", "blank-pages.pdf", _blank_pages_pdf(), InputError,
        "every page of the PDF is blank (2 page(s)): no text to analyse")
    add("encrypted PDF", "encrypted.pdf", _pdf(["secret plan"], encrypt="s3cret"), InputError,
        "encrypted PDF: a password is required")
    add("PDF without text layer", "scanned.pdf", _drawing_only_pdf(), NoTextLayerError,
        "no text layer")
    add("corrupt DOCX (bad XML)", "corrupt.docx", _zip({
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.'
                               b'openxmlformats.org/package/2006/content-types"><Default '
                               b'Extension="xml" ContentType="application/xml"/></Types>',
        "word/document.xml": b"<w:document><w:body><w:p>unclosed"}), InputError,
        "not a readable DOCX file")
    add("garbage named .docx", "garbage.docx", b"This is not a zip archive at all." * 20,
        InputError, "not a readable DOCX file")
    add("zip without a Word document named .docx", "notword.docx",
        _zip({"readme.txt": b"hello"}), InputError, "not a readable DOCX file")
    add("legacy .doc", "old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(2048),
        UnsupportedFormatError, "legacy Word (.doc) file: convert it to DOCX")
    add("zip bomb named .docx", "bomb.docx", _zip_bomb(MAX_UNCOMPRESSED // MB + 10),
        TooLargeError, "(zip bomb?)")
    add("file above --max-size", "large.txt", b"decent work " * 20000, TooLargeError,
        "above --max-size", max_size=100_000)
    add("binary garbage named .txt", "binary.txt", bytes(range(256)) * 40,
        UnsupportedFormatError, "binary file")
    add("cp1252 text", "cp1252.txt",
        "Coopération tripartite – l’OIT et les partenaires sociaux: égalité, sécurité "
        "sociale, négociation collective.\n".encode("cp1252") * 5, None, "(not UTF-8)")
    add("UTF-16 text with BOM", "utf16.txt",
        "\ufeffEmployment policy and social dialogue – “decent work”.\n".encode("utf-16-le"),
        None, "utf-16")
    add("unreadable file", "locked.txt", b"Social protection floors.\n", InputError,
        "permission denied", unreadable=True)
    os.chmod(folder / "locked.txt", 0)
    return cases


def _zero_page_pdf() -> bytes:
    """A well-formed PDF whose page tree is empty (what some exporters write for an empty document)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _blank_pages_pdf(pages: int = 2) -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, invariant=1)
    for _ in range(pages):
        pdf.showPage()
    pdf.save()
    return buf.getvalue()
