"""Real-text passages: the shared UN INFO export (JSON Lines, gzip) -> passage texts by ID.

The project's real-text gold sets refer to sub-outputs of `../shared/realdata/uninfo-dev.jsonl.gz`
by their UN INFO `ID` and the sha256 of the passage text, and never carry the text itself (it
is third-party text). This module is the one place that says what a passage is and where the
shared file is found, for the sampler, the labelling tools and `alignment eval`.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import zlib
from collections.abc import Iterator
from pathlib import Path

SHARED_FILE = "uninfo-dev.jsonl.gz"
ENV = "ALIGNMENT_REALDATA"
_EMPTY = {"", "-", "n/a", "na", "none"}


def passage_text(row: dict) -> str:
    """The sub-output title, then its description when it has one (one line each)."""
    title = " ".join((row.get("suboutput") or "").split())
    desc = (row.get("description") or "").strip()
    if desc.lower() in _EMPTY or desc == title:
        return title
    return title + "\n" + desc


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def split_of(country: str) -> str:
    """Tuning or test half, by country (a stable hash, fixed before any result was looked at)."""
    return "tune" if zlib.crc32(country.encode("utf-8")) % 2 == 0 else "test"


def iter_rows(path: str | os.PathLike) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def given(path: str | os.PathLike) -> Path | None:
    """The export at `path` (the file, or the folder holding it), if it is there."""
    p = Path(path)
    p = p / SHARED_FILE if p.is_dir() else p
    return p if p.is_file() else None


def find_shared(start: str | os.PathLike) -> Path | None:
    """The shared export: $ALIGNMENT_REALDATA, else `shared/realdata` beside an ancestor of `start`."""
    env = os.environ.get(ENV)
    if env:
        return given(env)
    here = Path(start).resolve()
    for parent in [here, *here.parents]:
        for cand in (parent / "shared" / "realdata" / SHARED_FILE, parent / "realdata" / SHARED_FILE):
            if cand.is_file():
                return cand
    return None


def texts_by_id(path: str | os.PathLike, ids: set[int]) -> dict[int, str]:
    out = {}
    for row in iter_rows(path):
        if row["id"] in ids:
            out[row["id"]] = passage_text(row)
    return out
