"""Ingest: find the article files under a folder and read each into `Article`s.

Every file gets a `FileReport`; a file that cannot be read is reported, never raised, so that one
bad download does not stop a run. Formats: plain text, Markdown, HTML (main text by trafilatura),
and scraper JSON / JSON Lines, whose field names are in data/ingest_fields.json. A sidecar
`<stem>.meta.json` beside a file gives its articles their url, publication date and title.

The text is returned as read (newlines and Unicode normalised); boilerplate removal is `clean`'s.
"""
from __future__ import annotations

import codecs
import errno
import hashlib
import json
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Iterator, Optional, Union

import charset_normalizer

from ..knowledge import load_data
from ..schema import Article, FileReport, FileStatus

ARTICLE_EXTENSIONS = frozenset({".txt", ".md", ".html", ".htm", ".json", ".jsonl"})
SIDECAR_SUFFIX = ".meta.json"
DEFAULT_MAX_BYTES = 20_000_000
SIDECAR_MAX_BYTES = 1_000_000  # a sidecar holds a url, a date and a title
# An oversized file is still hashed for the manifest, by streaming; past this size not even that.
HASH_MAX_BYTES = 1 << 30
READ_CHUNK_BYTES = 1 << 20
NESTED_TOO_DEEPLY = "The JSON is nested too deeply (over a thousand levels) to be an article."

# Link text may not hold `[` and a link target may not hold `]`: otherwise every `[` of a line of
# brackets would start a scan to the end of the line, quadratic time on hostile text.
_MD_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\([^)\]\n]*\)")
_MD_LINK = re.compile(r"\[([^\[\]\n]*)\]\([^)\]\n]*\)")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}(?:[ \t]+|$)", re.MULTILINE)


class _SkippedFile(Exception):
    """A file that is not an article we can read; its message is the report's reason."""

    def __init__(self, reason: str, content_hash: Optional[str] = None) -> None:
        super().__init__(reason)
        self.content_hash = content_hash


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def writable(text: str) -> str:
    """`text` with lone surrogates as U+FFFD, one character for one so that offsets hold: undecodable
    bytes of a file name and `\\ud800` escapes in JSON give them, and UTF-8 cannot write them."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def file_report(path: Path, status: FileStatus, reason: str, content_hash: Optional[str],
                doc_id: Optional[str] = None) -> FileReport:
    """The report of one file, its path and doc id made writable whatever bytes its name holds."""
    return FileReport(path=writable(str(path)), doc_id=doc_id or writable(path.stem), status=status,
                      reason=reason, content_hash=content_hash)


@dataclass(frozen=True)
class FileBytes:
    """A file's bytes, read once, with its sidecar's: what is hashed is what is parsed."""

    path: Path
    data: bytes
    content_hash: str
    sidecar: Optional[bytes] = None
    sidecar_problem: str = ""  # why the sidecar could not be read, for the report

    @property
    def sidecar_hash(self) -> Optional[str]:
        return hashlib.sha256(self.sidecar).hexdigest() if self.sidecar is not None else None


def list_input_files(root: Path, exclude: Optional[Path] = None) -> list[Path]:
    """All article entries under `root`, recursively and sorted; sidecars, hidden entries and the
    folder `exclude` (a run's output folder) left out.

    Symlinked directories are not entered, so a link back up the tree cannot loop. Entries that are
    not regular files (broken or looping links, named pipes) are listed, so that the manifest says
    why they were skipped.
    """
    found = []
    excluded = os.path.realpath(exclude) if exclude is not None else None
    # os.walk lists a symlinked directory among `dirnames` but, with followlinks=False, never enters it.
    for folder, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = [name for name in dirnames if not name.startswith(".")
                       and os.path.realpath(os.path.join(folder, name)) != excluded]
        for name in filenames:
            if name.startswith(".") or name.lower().endswith(SIDECAR_SUFFIX):
                continue
            path = Path(folder) / name
            if path.suffix.lower() in ARTICLE_EXTENSIONS:
                found.append(path)
    return sorted(found)


def iter_articles(root: Path) -> Iterator[tuple[FileReport, list[Article]]]:
    """`read_file` over every file of `list_input_files(root)`."""
    for path in list_input_files(root):
        articles, report = read_file(path)
        yield report, articles


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[Article], FileReport]:
    """The articles of one file and what happened to it, with the SHA-256 of its bytes when they
    could be read; never raises for a bad file."""
    loaded = load_file(path, max_bytes)
    if isinstance(loaded, FileReport):
        return [], loaded
    return parse_file(loaded)


def load_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Union[FileBytes, FileReport]:
    """The bytes of `path` and of its sidecar, or the report of why they could not be read."""
    try:
        data, content_hash = _read_regular_file(path, max_bytes)
    except _SkippedFile as skipped:
        return file_report(path, "skipped", str(skipped), skipped.content_hash)
    except Exception as exc:  # any failure on one file must become its report, not stop the run
        return file_report(path, "error", f"Reading failed with {type(exc).__name__}: {exc}", None)
    sidecar_path = path.with_name(path.stem + SIDECAR_SUFFIX)
    if not os.path.lexists(sidecar_path):
        return FileBytes(path, data, content_hash)
    try:
        sidecar, _ = _read_regular_file(sidecar_path, SIDECAR_MAX_BYTES)
    except Exception as exc:  # a bad sidecar costs the metadata, not the article
        return FileBytes(path, data, content_hash,
                         sidecar_problem=f"The sidecar {sidecar_path.name} was ignored: {exc}")
    return FileBytes(path, data, content_hash, sidecar=sidecar)


def parse_file(loaded: FileBytes) -> tuple[list[Article], FileReport]:
    """The articles in a file's bytes and its report; never raises for bad content."""
    path = loaded.path
    try:
        articles, notes = _read_articles(loaded)
    except _SkippedFile as skipped:
        return [], file_report(path, "skipped", str(skipped), loaded.content_hash)
    except Exception as exc:  # any failure on one file must become its report, not stop the run
        reason = f"Reading failed with {type(exc).__name__}: {exc}"
        return [], file_report(path, "error", reason, loaded.content_hash)
    report = file_report(path, "ok", " ".join(notes), loaded.content_hash, doc_id=articles[0].doc_id)
    return articles, report


def _read_regular_file(path: Path, max_bytes: int) -> tuple[bytes, str]:
    """The bytes of a regular file of at most `max_bytes` and their SHA-256.

    Raises `_SkippedFile` for what is not a readable regular file (a broken or looping link, a
    named pipe, a file gone since it was listed, one over the limit) and OSError when reading fails.
    """
    try:
        # Non-blocking, so that a named pipe cannot stall the run before fstat tells what it is.
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        if os.path.islink(path):
            raise _SkippedFile(f"The file is a symbolic link to {os.readlink(path)!r}, which does not exist.") from None
        raise _SkippedFile("The file disappeared before it could be read (deleted or moved during the run).") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise _SkippedFile("The file is a symbolic link that loops back on itself.") from None
        raise
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise _SkippedFile("The entry is not a regular file (a directory, named pipe, socket or device).")
        with os.fdopen(handle, "rb", closefd=False) as stream:
            if info.st_size > max_bytes:
                digest = _streamed_sha256(stream) if info.st_size <= HASH_MAX_BYTES else None
                raise _SkippedFile(f"The file is {info.st_size} bytes, over the limit of {max_bytes} bytes.", digest)
            # The size fstat gave and one byte more; a file that grew since is read on, to one byte past
            # the limit, which tells a file that grew past it. (One `read(max_bytes + 1)` would
            # allocate the limit, 20 MB, for every file: a tenth of a millisecond each.)
            data = stream.read(info.st_size + 1)
            if len(data) > info.st_size:
                data += stream.read(max_bytes + 1 - len(data))
    finally:
        os.close(handle)
    if len(data) > max_bytes:
        raise _SkippedFile(f"The file grew past the limit of {max_bytes} bytes while it was read.")
    return data, hashlib.sha256(data).hexdigest()


def _streamed_sha256(stream) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: stream.read(READ_CHUNK_BYTES), b""):
        digest.update(chunk)
    return digest.hexdigest()


def _read_articles(loaded: FileBytes) -> tuple[list[Article], list[str]]:
    """The articles in a file's bytes and notes for the report; raises `_SkippedFile` for an unreadable file."""
    path = loaded.path
    if not loaded.data:
        raise _SkippedFile("The file is empty.")
    text = _decode(loaded.data)

    suffix = path.suffix.lower()
    if suffix == ".json":
        articles, notes = _read_json(path, text)
    elif suffix == ".jsonl":
        articles, notes = _read_jsonl(path, text)
    elif suffix in (".html", ".htm"):
        articles, notes = [_read_html(path, text)], []
    elif suffix == ".md":
        articles, notes = [_article(path.stem, path, _strip_markdown(text))], []
    else:
        articles, notes = [_article(path.stem, path, text)], []

    articles = [article for article in articles if article.text.strip()]
    if not articles:
        raise _SkippedFile(" ".join(["No article text was found in the file.", *notes]))

    sidecar_meta, sidecar_note = _read_sidecar(loaded)
    if sidecar_note:
        notes.append(sidecar_note)
    if sidecar_meta:
        articles = [article.model_copy(update=sidecar_meta) for article in articles]
    return articles, notes


def _decode(raw: bytes) -> str:
    """Bytes to text: UTF-8 (BOM stripped) first, else charset-normalizer's best guess."""
    # Windows tools write UTF-16 with a BOM; its NUL bytes would otherwise read as binary.
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise _SkippedFile("The file starts with a UTF-16 mark but does not decode as UTF-16.") from None
    if b"\x00" in raw:
        raise _SkippedFile("The file holds binary content (NUL bytes), not text.")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(raw).best()
    if best is None:
        raise _SkippedFile("The file holds binary content: no text encoding decodes it.")
    return str(best)


def normalise(text: str) -> str:
    """One newline convention and composed Unicode, so that offsets mean the same everywhere."""
    return unicodedata.normalize("NFC", writable(text).replace("\r\n", "\n").replace("\r", "\n"))


def _article(
    doc_id: str,
    path: Path,
    text: str,
    url: Optional[str] = None,
    published: Optional[date] = None,
    title: Optional[str] = None,
) -> Article:
    return Article(
        doc_id=writable(doc_id),
        path=writable(str(path)),
        text=normalise(text),
        url=writable(url.strip()) if url and url.strip() else None,
        published=published,
        title=normalise(title).strip() if title and title.strip() else None,
    )


def _parse_date(value: Any) -> Optional[date]:
    """The date of an ISO date or datetime string (the day as written, time zone ignored), else None."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    # Python 3.10's fromisoformat does not accept the `Z` that many scrapers write for UTC.
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        return None


def _strip_markdown(text: str) -> str:
    """Markdown to its words: images dropped, links to their text, heading hashes and `**` removed."""
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_HEADING.sub("", text)
    return text.replace("**", "")


def _read_html(path: Path, html: str) -> Article:
    """Main text by trafilatura (tag stripping when it finds none), and the page's metadata."""
    import trafilatura  # here, not at the top: a tenth of a second at every start, needed only for HTML

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)
    if not text:
        text = _TagStripper.text_of(html)
    meta = trafilatura.extract_metadata(html)
    if meta is None:
        return _article(path.stem, path, text)
    return _article(path.stem, path, text, url=meta.url, published=_parse_date(meta.date), title=meta.title)


class _TagStripper(HTMLParser):
    """The text of an HTML page without its tags; script and style bodies dropped, blocks on own lines."""

    # `title` is dropped too: it is the page's metadata, not its text.
    SKIPPED = frozenset({"script", "style", "noscript", "template", "title"})
    BLOCKS = frozenset({
        "address", "article", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "footer",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre",
        "section", "table", "td", "th", "tr", "ul",
    })

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0

    @classmethod
    def text_of(cls, html: str) -> str:
        stripper = cls()
        stripper.feed(html)
        stripper.close()
        lines = (" ".join(line.split()) for line in "".join(stripper.parts).split("\n"))
        return "\n".join(line for line in lines if line)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.SKIPPED:
            self.skip_depth += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIPPED:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.parts.append(data)


def _first_text(record: dict, field: str) -> Optional[str]:
    """The value of the first of the field's names (data/ingest_fields.json) that holds a non-blank string."""
    for key in load_data("ingest_fields")[field]:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _article_from_record(record: dict, doc_id: str, path: Path) -> Optional[Article]:
    """An article from one scraper object, or None when it holds no text."""
    text = _first_text(record, "text")
    if text is None:
        return None
    return _article(
        doc_id,
        path,
        text,
        url=_first_text(record, "url"),
        published=_parse_date(_first_text(record, "published")),
        title=_first_text(record, "title"),
    )


def _entry_doc_id(record: dict, path: Path, number: int, entries: int) -> str:
    """A file of one entry is one article named by its file; several are told apart by id or number."""
    if entries == 1:
        return path.stem
    for key in load_data("ingest_fields")["id"]:
        value = record.get(key)
        # Scrapers write ids as strings or integers; a bool is neither.
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
            return str(value).strip()
    return f"{path.stem}-{number}"


def _tally(count: int, total: int, unit: str, singular: str, plural: str) -> str:
    """`1 of 10 lines was not valid JSON.` / `2 of 10 lines were not valid JSON.`"""
    return f"{count} of {total} {unit} {singular if count == 1 else plural}"


def _read_json(path: Path, text: str) -> tuple[list[Article], list[str]]:
    """A .json file: one scraper object, or a list of them."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _SkippedFile(f"The file is not valid JSON ({exc}).") from None
    except RecursionError:
        raise _SkippedFile(NESTED_TOO_DEEPLY) from None
    if isinstance(data, dict):
        article = _article_from_record(data, path.stem, path)
        return ([article] if article else []), []
    if not isinstance(data, list):
        raise _SkippedFile("The JSON holds neither an article object nor a list of them.")
    return _read_entries(path, list(enumerate(data, start=1)), "items")


def _read_jsonl(path: Path, text: str) -> tuple[list[Article], list[str]]:
    """A .jsonl file: one scraper object per line; bad lines are counted and passed over."""
    # Split on "\n" only: JSON strings may hold U+2028, which str.splitlines would break on.
    entries = []
    invalid = object()
    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), 1):
        if line.strip():
            try:
                entries.append((number, json.loads(line)))
            except (json.JSONDecodeError, RecursionError):  # a line nested too deeply is no article either
                entries.append((number, invalid))
    articles, notes = _read_entries(path, [(n, e) for n, e in entries if e is not invalid], "lines", len(entries))
    bad = sum(e is invalid for _, e in entries)
    if bad:
        notes.insert(0, _tally(bad, len(entries), "lines", "was not valid JSON.", "were not valid JSON."))
    return articles, notes


def _read_entries(path: Path, entries: list[tuple[int, Any]], unit: str,
                  total: Optional[int] = None) -> tuple[list[Article], list[str]]:
    """The articles of numbered scraper entries, with notes on those that are not articles."""
    total = len(entries) if total is None else total
    articles, not_objects, without_text = [], 0, 0
    for number, entry in entries:
        if not isinstance(entry, dict):
            not_objects += 1
            continue
        article = _article_from_record(entry, _entry_doc_id(entry, path, number, total), path)
        if article is None:
            without_text += 1
        else:
            articles.append(article)
    notes = []
    if not_objects:
        notes.append(_tally(not_objects, total, unit, "was not a JSON object.", "were not JSON objects."))
    if without_text:
        notes.append(_tally(without_text, total, unit, "had no text.", "had no text."))
    return articles, notes


def _read_sidecar(loaded: FileBytes) -> tuple[dict, str]:
    """The metadata of the file's `<stem>.meta.json` (only its non-null values), and a note if ignored."""
    if loaded.sidecar_problem:
        return {}, loaded.sidecar_problem
    if loaded.sidecar is None:
        return {}, ""
    name = loaded.path.stem + SIDECAR_SUFFIX
    try:
        data = json.loads(_decode(loaded.sidecar))
    except (ValueError, _SkippedFile) as exc:
        return {}, f"The sidecar {name} was ignored: {type(exc).__name__}: {exc}"
    if not isinstance(data, dict):
        return {}, f"The sidecar {name} was ignored: it is not a JSON object."

    # A null in the sidecar means "not known", so it leaves what the file itself says.
    meta: dict[str, Any] = {}
    for field in ("url", "title"):
        value = data.get(field)
        if isinstance(value, str) and value.strip():
            meta[field] = normalise(value).strip()
    published = _parse_date(data.get("published"))
    if published is not None:
        meta["published"] = published
    return meta, ""
