"""Uploaded files: written to a fresh temporary folder, size-checked while they are written,
deleted when the request is done (`Workspace` is a context manager)."""

from __future__ import annotations

import os
import re
import shutil
import tempfile

from ..errors import TooLargeError

CHUNK = 1024 * 1024
_UNSAFE = re.compile(r"[^\w.\- ()\[\]]+")


def safe_name(filename: str | None) -> str:
    """The last path component of a browser-given name, with only harmless characters kept."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE.sub("_", name).strip(" .") or "upload"
    stem, ext = os.path.splitext(name)
    return stem[:100] + ext[:10]


def mb(size: int) -> str:
    """Megabytes as the readers word them: 100, 2.5, 0.05."""
    value = size / (1024 * 1024)
    if value >= 10:
        return f"{value:.0f}"
    return f"{value:.1f}".removesuffix(".0") if value >= 0.1 else f"{value:.2g}"


async def write_upload(upload, path: str, max_size: int) -> bool:
    """Copy `upload` (a starlette UploadFile) to `path`, at most `max_size` bytes; False (and
    the copy stopped there) when the upload is larger."""
    size = 0
    with open(path, "wb") as out:
        while chunk := await upload.read(CHUNK):
            size += len(chunk)
            if size > max_size:
                return False
            out.write(chunk)
    return True


class Workspace:
    """A temporary folder for one request's uploads; `names` maps saved paths to the names the
    user gave, so that error messages and reports show those, not the temporary path."""

    def __init__(self, root: str | None = None):
        self.root = root
        self.folder: str | None = None
        self.names: dict[str, str] = {}

    def __enter__(self) -> "Workspace":
        self.folder = tempfile.mkdtemp(prefix="alignment-web-", dir=self.root)
        return self

    def __exit__(self, *exc) -> None:
        if self.folder:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None

    async def save(self, upload, max_size: int) -> str:
        """Write `upload` (a starlette UploadFile) in its own sub-folder; TooLargeError above max_size."""
        assert self.folder is not None
        name = safe_name(upload.filename)
        sub = os.path.join(self.folder, str(len(self.names)))
        os.mkdir(sub, 0o700)
        path = os.path.join(sub, name)
        if not await write_upload(upload, path, max_size):
            raise TooLargeError(name, f"file is above the size limit of {mb(max_size)} MB (--max-size)")
        self.names[path] = name
        return path

    def display(self, path: str | None) -> str | None:
        return self.names.get(path or "", os.path.basename(path) if path else None)
