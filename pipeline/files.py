"""Atomic files: the run's files, each written whole or not at all (a temporary file renamed into place),
and a model folder replaced whole (`replace_dir`)."""
from __future__ import annotations

import csv
import io
import itertools
import glob
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from pydantic import BaseModel

if TYPE_CHECKING:
    import pyarrow

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


def write_atomic_with(path: Path, write: Callable[[Path], None]) -> None:
    """For writers that want a file name rather than lines (Parquet, DuckDB): `write` makes the file in a
    temporary folder beside `path`, and it is renamed into place only when whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=path.parent))
    try:
        write(folder / path.name)
        os.replace(folder / path.name, path)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def write_csv(path: Path, header: list[str], rows: Iterable[list[str]]) -> None:
    def lines() -> Iterator[str]:
        for row in itertools.chain([header], rows):
            buffer = io.StringIO()
            csv.writer(buffer, lineterminator="\n").writerow(row)
            yield buffer.getvalue()

    write_atomic(path, lines())


def write_parquet(path: Path, table: "pyarrow.Table") -> None:
    import pyarrow.parquet

    write_atomic_with(path, lambda temporary: pyarrow.parquet.write_table(table, temporary))


def write_duckdb(path: Path, tables: dict[str, "pyarrow.Table"], descriptions: dict[str, str]) -> None:
    """One DuckDB database holding `tables`, with each table's and column's description as its comment."""
    import duckdb

    def write(temporary: Path) -> None:
        with duckdb.connect(str(temporary)) as connection:
            for name, table in tables.items():
                connection.register("incoming", table)
                connection.execute(f'CREATE TABLE "{name}" AS SELECT * FROM incoming')
                connection.unregister("incoming")
                connection.execute(f"COMMENT ON TABLE \"{name}\" IS '{_sql_text(descriptions[name])}'")
                for field in table.schema:
                    description = (field.metadata or {}).get(b"description", b"").decode("utf-8")
                    connection.execute(f"COMMENT ON COLUMN \"{name}\".\"{field.name}\" IS '{_sql_text(description)}'")

    write_atomic_with(path, write)


def _sql_text(text: str) -> str:
    """A string literal's content: DuckDB's COMMENT takes no parameters, so quotes are doubled."""
    return text.replace("'", "''")


def remove_stale_temporaries(folder: Path, names: Iterable[str]) -> None:
    """Delete the temporary files that `write_atomic` leaves when its process is killed mid-write."""
    for name in names:
        for temporary in folder.glob(f".{glob.escape(name)}.*"):
            temporary.unlink(missing_ok=True)


def replace_dir(source: Path, target: Path) -> None:
    """Move `source` into place as `target`, so that `target` is always a complete model."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_name(f".{target.name}.new")
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(source, staging)
    retired = target.with_name(f".{target.name}.old")
    shutil.rmtree(retired, ignore_errors=True)
    if target.exists():
        target.rename(retired)
    staging.rename(target)
    shutil.rmtree(retired, ignore_errors=True)
