"""A plain text file on disk read in windows, never whole: path -> `TextFile`.

Input: the path of a file `sniff` takes for plain text. Output: a `TextFile`: `raw`, the
file's `RawDocument` without its blocks (hash, encoding, page count, warnings), and
`blocks()`, its blocks one at a time, the same as `text.read_text` gives for the whole file.

The file is read in chunks of `CHUNK` bytes:
1. `scan`: the hash, the size, and the encoding, chosen as `text.decode` chooses it (a BOM,
   else strict UTF-8, else charset-normalizer on the first 200,000 bytes, where a single-byte
   guess becomes cp1252 if cp1252 decodes the whole file, which takes one more read); then,
   decoded, whether it holds any text, how many pages it has (form feeds) and, for a guessed
   encoding, whether it looks binary;
2. `blocks()` reads and decodes it again, chunk by chunk, through `text_lines`, with mojibake
   repaired block by block (`repair`); the bytes are hashed again, and a file that changed
   since the scan is an error, not a mix of two files.
What the reader holds at once is one chunk, its decoded text and its lines.
"""

from __future__ import annotations

import codecs
import hashlib
from collections.abc import Iterator

from alignment.document import Block, RawDocument
from alignment.errors import InputError, UnsupportedFormatError
from alignment.repair import repair, repaired_warning

from .text import BOMS, CONTROL, _guess, _not_utf8
from .text_lines import text_blocks

CHUNK = 1 << 20
"""Bytes read (and decoded) at a time."""

SAMPLE = 200_000
"""Bytes charset-normalizer sees (as for a file read whole)."""


class TextFile:
    """A plain text file and how to read it: see the module docstring."""

    def __init__(self, path: str, size: int, sha256: str, encoding: str, skip: int,
                 page_count: int, warnings: list[str]) -> None:
        self.path, self.size, self.encoding, self.skip = path, size, encoding, skip
        self.raw = RawDocument(path=path, format="txt", sha256=sha256, page_count=page_count,
                               blocks=[], encoding=encoding, warnings=warnings)
        self._warned = False

    @classmethod
    def scan(cls, path: str, max_size: int) -> TextFile:
        """Read the file once (twice for a guessed encoding) for its hash, size, encoding and
        pages; raises `InputError` as `read_text` would for the whole bytes."""
        digest, sample, size = hashlib.sha256(), bytearray(), 0
        utf8 = codecs.getincrementaldecoder("utf-8")("strict")
        is_utf8 = True
        for chunk in _chunks(path, max_size + 1):
            digest.update(chunk)
            size += len(chunk)
            if len(sample) < SAMPLE:
                sample += chunk[:SAMPLE - len(sample)]
            if is_utf8:
                is_utf8 = _decodes(utf8, chunk)
        is_utf8 = is_utf8 and _decodes(utf8, b"", final=True)
        if size > max_size:
            return cls(path, size, "", "utf-8", 0, 0, [])  # the caller refuses it by its size
        sample = bytes(sample)
        guessed = False
        for bom, encoding in BOMS:
            if sample.startswith(bom):
                skip = len(bom)
                break
        else:
            skip = 0
            if is_utf8:
                encoding = "utf-8"
            else:
                guessed = True
                encoding = _guess(sample, lambda: _file_decodes(path, size, "cp1252"))
                if encoding is None:
                    if b"\x00" in sample[:8192]:
                        raise UnsupportedFormatError(path, "binary file, not a text document")
                    encoding = "cp1252"
        file = cls(path, size, digest.hexdigest(), encoding, skip, 0, _not_utf8(encoding))
        file.raw.page_count = file._pages(guessed)
        return file

    def _pages(self, check_binary: bool) -> int:
        """The page count (one more than the form feeds, less a blank last page); raises for
        a file with no text, or, when `check_binary`, one that looks binary."""
        feeds, text, tail_text, head = 0, False, False, ""
        for piece in self._pieces(verify=False):
            if check_binary and len(head) < 20000:
                head += piece[:20000 - len(head)]
            blank = not piece or piece.isspace()
            text = text or not blank
            if "\f" in piece:
                feeds += piece.count("\f")
                after = piece[piece.rfind("\f") + 1:]
                tail_text = bool(after) and not after.isspace()
            else:
                tail_text = tail_text or not blank
        if check_binary and head and len(CONTROL.findall(head)) > 0.02 * len(head):
            raise UnsupportedFormatError(self.path, "binary file, not a text document")
        if not text:
            raise InputError(self.path, "empty file")
        return feeds if feeds and not tail_text else feeds + 1

    def blocks(self) -> Iterator[Block]:
        """The file's blocks, read again a chunk at a time, mojibake repaired; at the end, the
        count of repaired blocks goes to `raw.warnings`."""
        repaired = 0
        for block in text_blocks(self._pieces(verify=True)):
            text, changed = repair(block.text)
            if changed:  # set only then: a pydantic model's setattr costs ~1.5 us a line
                block.text = text
            if block.cells:
                cells = [repair(c) for c in block.cells]
                if any(changed for _, changed in cells):
                    block.cells = [c for c, _ in cells]
            repaired += changed
            yield block
        if repaired and not self._warned:
            self.raw.warnings.append(repaired_warning(repaired, "block(s) of text"))
            self._warned = True

    def _pieces(self, verify: bool) -> Iterator[str]:
        decoder = codecs.getincrementaldecoder(self.encoding)(errors="replace")
        digest = hashlib.sha256()
        skip = self.skip
        for chunk in _chunks(self.path, self.size):
            if verify:
                digest.update(chunk)
            yield decoder.decode(chunk[skip:] if skip else chunk)
            skip = 0
        yield decoder.decode(b"", final=True)
        if verify and digest.hexdigest() != self.raw.sha256:
            raise InputError(self.path, "the file changed while it was being read")


def _chunks(path: str, size: int) -> Iterator[bytes]:
    """The first `size` bytes of the file, `CHUNK` at a time."""
    try:
        with open(path, "rb") as handle:
            while size > 0:
                chunk = handle.read(min(CHUNK, size))
                if not chunk:
                    return
                size -= len(chunk)
                yield chunk
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot read the file ({exc.strerror or type(exc).__name__})") from None


def _decodes(decoder, chunk: bytes, final: bool = False) -> bool:
    try:
        decoder.decode(chunk, final)
    except UnicodeDecodeError:
        return False
    return True


def _file_decodes(path: str, size: int, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    return all(_decodes(decoder, chunk) for chunk in _chunks(path, size)) and \
        _decodes(decoder, b"", final=True)
