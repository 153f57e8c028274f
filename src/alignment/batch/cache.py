"""The results cache: (content sha256, rule-pack version, tool version) -> compact result.

An SQLite database (results/cache.sqlite, standard library sqlite3) that a user can query, e.g.
`SELECT path, json_extract(result, '$.strength.SO3') FROM results`. `result` is the JSON of one
documents.csv row's worth of facts; `findings` holds the finding rows as zlib-compressed JSON
(they are ~95 % of the volume). Only successful analyses are stored: errors depend on the file
system and options as much as on the bytes, so they are retried. Each result is committed on its
own, so a killed run keeps everything it finished. The pack version is stored per row and
compared with the current pack of the row's language: a rule change invalidates exactly the
results it could change.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Callable

from .. import __version__
from ..errors import AlignmentError
from .worker import DocumentResult, StoredResult

SCHEMA_VERSION = 2
SCHEMA = """
CREATE TABLE IF NOT EXISTS results (
    sha256   TEXT NOT NULL,
    pack     TEXT NOT NULL,
    tool     TEXT NOT NULL,
    language TEXT NOT NULL,
    path     TEXT NOT NULL,
    result   TEXT NOT NULL,
    findings BLOB NOT NULL,
    PRIMARY KEY (sha256, pack, tool)
)
"""


class Cache:
    def __init__(self, path: str):
        self.path = path
        self.db = sqlite3.connect(path, isolation_level=None)  # autocommit: one row, one commit
        try:
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL survives a killed process
            if self.db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                self.db.execute("DROP TABLE IF EXISTS results")  # a cache of an older layout
                self.db.execute("VACUUM")
                self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self.db.execute(SCHEMA)
        except sqlite3.DatabaseError as exc:
            self.db.close()
            raise AlignmentError(path, f"the cache is not a usable SQLite database ({exc}); "
                                 "delete it or choose another output folder") from None

    def get(self, sha256: str, current_pack: Callable[[str], str]) -> StoredResult | None:
        """The cached result (without its findings) for these bytes, if it was made with
        today's pack and tool."""
        rows = self.db.execute("SELECT pack, language, result FROM results WHERE sha256 = ? AND tool = ?",
                               (sha256, __version__)).fetchall()
        for pack, language, result in rows:
            if pack == current_pack(language):
                return StoredResult.from_json(json.loads(result))
        return None

    def put(self, result: DocumentResult, path: str) -> StoredResult:
        """Store a worker's result; return it without its findings (what the run keeps)."""
        slim = StoredResult.of(result)
        blob = zlib.compress(json.dumps(result.findings, ensure_ascii=False,
                                        separators=(",", ":")).encode("utf-8"), 1)
        self.db.execute("INSERT OR REPLACE INTO results (sha256, pack, tool, language, path, result, findings) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (result.sha256, result.pack, result.tool, result.language, path,
                         json.dumps(slim.to_json(), ensure_ascii=False, separators=(",", ":")), blob))
        return slim

    def findings(self, sha256: str, pack: str) -> list[list]:
        row = self.db.execute("SELECT findings FROM results WHERE sha256 = ? AND pack = ? AND tool = ?",
                              (sha256, pack, __version__)).fetchone()
        return json.loads(zlib.decompress(row[0]))

    def close(self) -> None:
        self.db.close()
