"""Checkpoints: each file's result, saved in OUT_DIR the moment the file is done.

A run that is killed (SIGKILL, power cut, Ctrl-C) and started again reads back the files it had
finished and does only the rest; the final merge then sees the same per-file results in the same
order, so the output is byte for byte that of an uninterrupted run. A later run over unchanged
files costs only their hashing.

A result is keyed by what it depends on: the pipeline's code, data and models (`pipeline_version`),
the file's path (its doc id comes from the name), the SHA-256 of its bytes and of its sidecar's,
the article length limit and the NER backend. SQLite commits each result atomically, so a kill leaves whole results.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import Optional

from pydantic import TypeAdapter

from ..built import source_digest
from ..ner.models import MODELS_DIR
from ..schema import EventRecord, FileReport

CACHE_FILE = ".kerjasama-cache.sqlite"
_RECORDS = TypeAdapter(list[EventRecord])


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """A digest of every module and data file of the pipeline, of the versions of the packages its
    data comes from, and of its NER models, so that a change to any of them invalidates old results
    without anyone having to remember a number."""
    digest = hashlib.sha256(source_digest().encode())
    for path in sorted(path for path in MODELS_DIR.rglob("*") if path.is_file()):
        digest.update(path.relative_to(MODELS_DIR.parent).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def result_key(path: str, content_hash: str, sidecar_hash: Optional[str], max_article_chars: int, backend: str) -> str:
    parts = [pipeline_version(), path, content_hash, sidecar_hash, max_article_chars, backend]
    return hashlib.sha256(json.dumps(parts).encode("utf-8")).hexdigest()


class ResultCache:
    """Per-file results (report and not-yet-merged records) in an SQLite file."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            self.connection = self._open()
        except sqlite3.DatabaseError:
            # Not a database we wrote (or damaged beyond SQLite's own recovery): results are only a
            # shortcut, so start afresh rather than fail the run.
            for stale in (self.path, Path(f"{self.path}-wal"), Path(f"{self.path}-shm")):
                stale.unlink(missing_ok=True)
            self.connection = self._open()

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path)
        try:
            # WAL with synchronous=NORMAL: a killed process loses nothing committed; only a power cut
            # may lose the last few results, which are then simply computed again.
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute("CREATE TABLE IF NOT EXISTS results "
                               "(key TEXT PRIMARY KEY, report TEXT NOT NULL, records TEXT NOT NULL)")
            connection.commit()
        except sqlite3.DatabaseError:
            connection.close()
            raise
        return connection

    def get(self, key: str) -> Optional[tuple[FileReport, list[EventRecord]]]:
        row = self.connection.execute("SELECT report, records FROM results WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        return FileReport.model_validate_json(row[0]), _RECORDS.validate_json(row[1])

    def put(self, key: str, report: FileReport, records: list[EventRecord]) -> None:
        with self.connection:  # one transaction per file: committed whole or not at all
            self.connection.execute("INSERT OR REPLACE INTO results VALUES (?, ?, ?)",
                                    (key, report.model_dump_json(), _RECORDS.dump_json(records).decode("utf-8")))

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> "ResultCache":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
