"""Clean: an article's text without page furniture, with hard-wrapped lines mended.

Boilerplate lines (share buttons, "BACA JUGA" teasers, comment forms, photo credits, ...) are
matched by the patterns of data/boilerplate.json and become paragraph breaks. Lines that a site
wrapped at a fixed width are joined back into their paragraph, so that a sentence is on one line.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import groupby

from ..knowledge import load_data

# A line ending in one of these ends a sentence (or a quote, or a parenthesis) and is not wrapped.
SENTENCE_END = (".", "!", "?", ":", ";", '"', "”", "'", "’", ")", "]", "…")
# Bullets and enumerations (`•`, `-`, `1.`, `a)`) begin list items, which stay on their own lines.
# Anchored: only a line's start can open a list item, and an unanchored search would rescan every
# run of spaces from each of its spaces (quadratic time on hostile text).
LIST_ITEM = re.compile(r"\A\s*(?:[•◦▪‣·*-]|[0-9]{1,3}[.)]|[a-z][.)])\s")

# A block of lines is taken as wrapped at a fixed width when it has at least this many lines, and
# this share of them lack sentence punctuation and this share are of a wrap width.
WRAPPED_BLOCK_MIN_LINES = 3
WRAPPED_BLOCK_MIN_SHARE = 0.6
WRAP_WIDTH_MIN = 30
WRAP_WIDTH_MAX = 90
# A headline in a list of links to other articles is at most this long.
LINKED_HEADLINE_MAX = 150


@lru_cache(maxsize=None)
def _boilerplate() -> tuple[re.Pattern, tuple[str, ...]]:
    markers = load_data("boilerplate")
    whole_line = re.compile("|".join(f"(?:{p})" for p in markers["line_patterns"]), re.IGNORECASE)
    prefixes = tuple(prefix.lower() for prefix in markers["line_prefixes"])
    return whole_line, prefixes


def is_boilerplate(line: str) -> bool:
    """Whether a whole line is page furniture rather than article text."""
    key = " ".join(line.split())
    if not key:
        return False
    whole_line, prefixes = _boilerplate()
    return whole_line.fullmatch(key) is not None or key.lower().startswith(prefixes)


# spaCy's tokenizer splits punctuation off a token one character at a time, copying the rest each
# time: a run of 30,000 brackets or quotes takes minutes. No word of prose is this long; a URL that
# is loses nothing an event needs.
MAX_UNBROKEN_CHARS = 100
_UNBROKEN_RUN = re.compile(r"(?<!\S)\S{%d,}" % (MAX_UNBROKEN_CHARS + 1))


def clean_article_text(text: str) -> tuple[str, int]:
    """`clean_text`, then each run of over MAX_UNBROKEN_CHARS characters without a space blanked,
    with spaces of the same length so that offsets into the text stay true; and how many were."""
    return _UNBROKEN_RUN.subn(lambda run: " " * len(run.group()), clean_text(text))


def clean_text(text: str) -> str:
    """The article text without boilerplate lines, with hard wraps mended and blank runs collapsed.

    Idempotent: a pass can make a new boilerplate line or wrapped block (two joined lines may start
    with a marker), so passes repeat until nothing changes. Each pass after the first removes a
    line or does nothing, so this ends.
    """
    previous = None
    while text != previous:
        previous, text = text, _clean_once(text)
        if _text_lines(text) == _text_lines(previous):
            # No line was dropped or joined, only spaces and blank lines tidied: that makes no new
            # boilerplate line or wrapped block, so another pass would change nothing.
            break
    return text


def _text_lines(text: str) -> int:
    """The number of lines that hold more than spaces."""
    return sum(1 for line in text.splitlines() if line.strip())


def _clean_once(text: str) -> str:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    # A dropped line becomes a paragraph break, so that its neighbours are not joined across it.
    lines = _drop_link_lists(lines)
    lines = ["" if is_boilerplate(line) else line.rstrip() for line in lines]
    lines = _mend_hard_wraps(lines)
    return "\n".join(_collapse_blank_lines(lines))


@lru_cache(maxsize=None)
def _list_headers() -> frozenset[str]:
    return frozenset(" ".join(h.split()) for h in load_data("boilerplate")["list_headers"])


def _drop_link_lists(lines: list[str]) -> list[str]:
    """The headlines listed under a `BACA JUGA:` or `Berita Terkait` header are other articles.

    They go up to the first line that reads like article text (long, or ending a sentence) or the
    first blank line after them.
    """
    headers = _list_headers()
    kept: list[str] = []
    in_list = seen_item = False
    for line in lines:
        key = " ".join(line.split()).rstrip(":").strip().lower()
        if key in headers:
            in_list, seen_item = True, False
        elif in_list and line.strip() and len(line.strip()) <= LINKED_HEADLINE_MAX and not _ends_sentence(line):
            line, seen_item = "", True
        elif in_list and (line.strip() or seen_item):
            in_list = False
        kept.append(line)
    return kept


def _collapse_blank_lines(lines: list[str]) -> list[str]:
    """At most one blank line in a row, and none at the start or the end."""
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    return kept


def _ends_sentence(line: str) -> bool:
    return line.rstrip().endswith(SENTENCE_END)


def _is_list_item(line: str) -> bool:
    return LIST_ITEM.match(line) is not None


def _mend_hard_wraps(lines: list[str]) -> list[str]:
    """Each block of non-blank lines with its wrapped lines joined to the line that follows them."""
    mended: list[str] = []
    for non_blank, run in groupby(lines, key=bool):
        mended.extend(_mend_block(list(run)) if non_blank else run)
    return mended


def _mend_block(block: list[str]) -> list[str]:
    wrapped_at_width = _looks_wrapped_at_width(block)
    joined = [block[0]]
    for line, following in zip(block, block[1:]):
        if _continues(line, following, wrapped_at_width):
            joined[-1] = f"{joined[-1]} {following.lstrip()}"
        else:
            joined.append(following)
    return joined


def _continues(line: str, following: str, wrapped_at_width: bool) -> bool:
    """Whether `following` carries on the sentence that `line` broke off."""
    if _ends_sentence(line):
        return False
    # A sentence does not start in lower case: the line before was cut mid-sentence.
    if following.lstrip()[:1].islower() and not _is_list_item(following):
        return True
    return (
        wrapped_at_width
        and len(line.strip()) <= WRAP_WIDTH_MAX
        and not _is_list_item(line)
        and not _is_list_item(following)
    )


def _looks_wrapped_at_width(block: list[str]) -> bool:
    """Whether a block reads like a site's fixed-width wrapping: mostly unpunctuated lines of a wrap width.

    Its headline-like first line or short last line may differ; most lines may not.
    """
    if len(block) < WRAPPED_BLOCK_MIN_LINES:
        return False
    unpunctuated = sum(not _ends_sentence(line) for line in block)
    of_wrap_width = sum(WRAP_WIDTH_MIN <= len(line.strip()) <= WRAP_WIDTH_MAX for line in block)
    needed = WRAPPED_BLOCK_MIN_SHARE * len(block)
    return unpunctuated >= needed and of_wrap_width >= needed
