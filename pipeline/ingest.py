"""Ingest: find the article files under a folder and read each into `Article`s.

Every file gets a `FileReport`; a file that cannot be read is reported, never raised, so that one
bad download does not stop a run. Formats: plain text, Markdown, HTML (main text by trafilatura),
and scraper JSON / JSON Lines, whose field names are in data/ingest_fields.json. A sidecar
`<stem>.meta.json` beside a file gives its articles their url, publication date and title.

The text is returned as read (newlines and Unicode normalised); boilerplate removal is `clean`'s.
"""
from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
import unicodedata
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Iterator, Optional

import charset_normalizer
import trafilatura

from .knowledge import load_data
from .schema import Article, FileReport

ARTICLE_EXTENSIONS = frozenset({".txt", ".md", ".html", ".htm", ".json", ".jsonl"})
SIDECAR_SUFFIX = ".meta.json"
DEFAULT_MAX_BYTES = 20_000_000

_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}(?:[ \t]+|$)", re.MULTILINE)


class _SkippedFile(Exception):
    """A file that is not an article we can read; its message is the report's reason."""


def list_input_files(root: Path) -> list[Path]:
    """All article files under `root`, recursively and sorted; sidecars and hidden entries left out.

    Symlinked directories are not entered, so a link back up the tree cannot loop.
    """
    found = []
    # os.walk lists a symlinked directory among `dirnames` but, with followlinks=False, never enters it.
    for folder, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        for name in filenames:
            if name.startswith(".") or name.lower().endswith(SIDECAR_SUFFIX):
                continue
            path = Path(folder) / name
            if path.suffix.lower() in ARTICLE_EXTENSIONS and path.is_file():
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
    content_hash = None
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise _SkippedFile(f"The file is {size} bytes, over the limit of {max_bytes} bytes.")
        raw = path.read_bytes()
        content_hash = hashlib.sha256(raw).hexdigest()
        articles, notes = _read_articles(path, raw)
    except _SkippedFile as skipped:
        return [], FileReport(path=str(path), doc_id=path.stem, status="skipped", reason=str(skipped),
                              content_hash=content_hash)
    except Exception as exc:  # any failure on one file must become its report, not stop the run
        reason = f"Reading failed with {type(exc).__name__}: {exc}"
        return [], FileReport(path=str(path), doc_id=path.stem, status="error", reason=reason,
                              content_hash=content_hash)
    report = FileReport(path=str(path), doc_id=articles[0].doc_id, status="ok", reason=" ".join(notes),
                        content_hash=content_hash)
    return articles, report


def _read_articles(path: Path, raw: bytes) -> tuple[list[Article], list[str]]:
    """The articles in the bytes of `path` and notes for the report; raises `_SkippedFile` for an unreadable file."""
    if not raw:
        raise _SkippedFile("The file is empty.")
    text = _decode(raw)

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

    sidecar_meta, sidecar_note = _read_sidecar(path)
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


def _normalise(text: str) -> str:
    """One newline convention and composed Unicode, so that offsets mean the same everywhere."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def _article(
    doc_id: str,
    path: Path,
    text: str,
    url: Optional[str] = None,
    published: Optional[date] = None,
    title: Optional[str] = None,
) -> Article:
    return Article(
        doc_id=doc_id,
        path=str(path),
        text=_normalise(text),
        url=url.strip() if url and url.strip() else None,
        published=published,
        title=_normalise(title).strip() if title and title.strip() else None,
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
            except json.JSONDecodeError:
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


def _read_sidecar(path: Path) -> tuple[dict, str]:
    """The metadata of `<stem>.meta.json` beside `path` (only its non-null values), and a note if ignored."""
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    if not sidecar.is_file():
        return {}, ""
    try:
        data = json.loads(_decode(sidecar.read_bytes()))
    except (OSError, ValueError, _SkippedFile) as exc:
        return {}, f"The sidecar {sidecar.name} was ignored: {type(exc).__name__}: {exc}"
    if not isinstance(data, dict):
        return {}, f"The sidecar {sidecar.name} was ignored: it is not a JSON object."

    # A null in the sidecar means "not known", so it leaves what the file itself says.
    meta: dict[str, Any] = {}
    for field in ("url", "title"):
        value = data.get(field)
        if isinstance(value, str) and value.strip():
            meta[field] = _normalise(value).strip()
    published = _parse_date(data.get("published"))
    if published is not None:
        meta["published"] = published
    return meta, ""
