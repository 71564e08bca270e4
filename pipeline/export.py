"""Export: the run's files, each written whole or not at all (a temporary file renamed into place)."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Iterable

from pydantic import BaseModel

EVENTS_FILE = "events.jsonl"
MANIFEST_FILE = "manifest.jsonl"
SUMMARY_FILE = "summary.json"


def write_atomic(path: Path, lines: Iterable[str]) -> None:
    """Write `lines` to `path` so that a reader never sees a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            for line in lines:
                out.write(line)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_jsonl(path: Path, models: Iterable[BaseModel]) -> None:
    write_atomic(path, (m.model_dump_json(exclude_none=False) + "\n" for m in models))


def write_json(path: Path, data: dict) -> None:
    write_atomic(path, [json.dumps(data, ensure_ascii=False, indent=2) + "\n"])
