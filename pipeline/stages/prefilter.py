"""Prefilter: a look at an article's cleaned text, before any NLP, that sets most articles without an event aside.

An article yields a record only when one of its sentences, outside quotation marks, carries an
event cue and no marker of the future (`extract_event.classify_event`), and when it is not an
index page of dated headlines (`extract.record_from_doc`); and a cue counts only where the
sentence or a sentence beside it names two parties. `screen` checks these necessary conditions
with the very patterns the extractors use, so an article it rejects is one the full pipeline
gives no record for; the articles it passes go on to tokenisation and NER.

Sentences are not known before the NLP stage, so the cue test runs over *clauses*: stretches of
text between line breaks and the sentencizer's sentence-final characters. The sentence stage only
ends sentences at such places, so every sentence is made of whole clauses: a cue clause free of
future markers lies in a sentence whose cue may count, and a cue clause with one lies in a
sentence that has it too. Cue words never hold those characters, so no cue straddles two clauses.
A sentence never runs over a line break either, so the cue's line and the lines with text before
and after it hold the sentences beside it; there the screen counts the names that may be parties
(`_may_name_two_parties`).
"""
from __future__ import annotations

import re
from collections import Counter
from bisect import bisect_right
from functools import lru_cache
from typing import Iterable, Iterator, Optional

from spacy.pipeline import Sentencizer

from .extract import INDEX_PAGE_STAMPS
from .extract_dates import date_stamps
from .extract_event import CUE_PRIORITY, cue_patterns, without_quotes
from ..built import built
from ..knowledge import load_data, regions_by_bare_name
from ..ner.nlp import government_term_patterns, place_patterns

WORD = re.compile(r"\w+")
NON_ASCII_WORD_CHARACTER = re.compile(r"[^\W\x00-\x7f]")
CLAUSE_BREAKS = frozenset(Sentencizer.default_punct_chars) | {"\n"}  # where the sentence stage may end a sentence


@lru_cache(maxsize=None)
def _any_cue() -> re.Pattern:
    """One alternation of every event cue of cues.json: the same words `classify_event` looks for."""
    patterns = cue_patterns()
    return re.compile("|".join(patterns[kind].pattern for kind in CUE_PRIORITY), re.IGNORECASE)


@lru_cache(maxsize=None)
def _cue_first_words() -> Optional[frozenset[str]]:
    """The first words of the cues, lower-cased; None when some cue does not begin with an ASCII word."""
    cues = load_data("cues")["event_types"]
    words = [word for kind in CUE_PRIORITY for word in cues[kind]]
    firsts = [WORD.match(word) for word in words]
    if not all(first and first.group(0).isascii() for first in firsts):
        return None
    return frozenset(first.group(0).lower() for first in firsts)


def _cue_matches(narrative: str) -> Iterator[re.Match]:
    """What `_any_cue().finditer(narrative)` finds, tried only where a word may begin a cue.

    Every cue is a literal phrase between word boundaries, so a match starts where a word starts
    and that word is the cue's first word, in any case. A word of ASCII characters is that word only
    if its lower case is; any other word is tried (case-insensitive matching pairs `s` with `ſ`, `k`
    with the Kelvin sign). One alternation of ninety phrases tried at every character cost most of
    the screen's time; tried at the few words that may begin one, it costs a fraction of that.
    """
    cue, firsts = _any_cue(), _cue_first_words()
    if firsts is None:
        yield from cue.finditer(narrative)
        return
    if NON_ASCII_WORD_CHARACTER.search(narrative):
        starts: Iterable[int] = (word.start() for word in WORD.finditer(narrative)
                                 if not word.group(0).isascii() or word.group(0).lower() in firsts)
    else:  # every word is ASCII: lower-casing keeps offsets, and a set of the words finds the candidates
        lowered = narrative.lower()
        present = firsts.intersection(WORD.findall(lowered))
        starts = sorted(start for first in present for start in _occurrences(lowered, first))
    resume = 0  # matches do not overlap: the next one starts where the last ended, at the earliest
    for start in starts:
        if start >= resume and (match := cue.match(narrative, start)):
            yield match
            resume = match.end()


def _occurrences(text: str, part: str, start: int = 0, end: Optional[int] = None) -> Iterator[int]:
    """Where `part` begins in `text[start:end]`, overlaps included."""
    position = text.find(part, start, end)
    while position >= 0:
        yield position
        position = text.find(part, position + 1, end)


@lru_cache(maxsize=None)
def _clause_break() -> re.Pattern:
    return re.compile("[" + re.escape("".join(sorted(CLAUSE_BREAKS))) + "]")


def reported_cues(text: str) -> Iterator[int]:
    """Offsets of the event cues that stand outside quotation marks in clauses with no marker of the future."""
    narrative = without_quotes(text)
    cues = list(_cue_matches(narrative))
    if not cues:
        return
    breaks = [m.start() for m in _clause_break().finditer(narrative)]
    planned = cue_patterns()["planned"]
    for cue in cues:
        index = bisect_right(breaks, cue.start())
        start = breaks[index - 1] + 1 if index else 0
        end = breaks[index] if index < len(breaks) else len(narrative)
        if not planned.search(narrative, start, end):
            yield cue.start()


LOCAL_ALIAS = re.compile(r"\((\w+)\)")  # `Kabupaten Tanah Laut (Tala)`: the article's own short name


# A place name: its pattern as the place ruler matches it (case-sensitively), the name it stands for
# (`bekasi`) and how many regions a mention of it may resolve to. A plain tuple: forty thousand named
# tuples take six times as long to read back from disk, at every start.
PlaceName = tuple[str, str, int]


def _regions_named(pattern: dict) -> int:
    """`Bekasi` may be Kota or Kabupaten Bekasi, or for a bare `Bekasi` their province; a foreign city
    or a country is one."""
    if pattern["label"] != "REGION":
        return 1
    candidates = regions_by_bare_name().get(pattern["id"], ())
    same_province = len(candidates) > 1 and len({r.province_code for r in candidates}) == 1
    return max(len(candidates), 1) + same_province


@lru_cache(maxsize=None)
def _place_names() -> dict[str, tuple[PlaceName, ...]]:
    """The place ruler's names by their first word (`''` for the few that start with a sign), kept on
    disk by `built`: forty thousand of them take a second to index."""
    return built("prefilter-places", _index_place_names)


def _index_place_names() -> dict[str, tuple[PlaceName, ...]]:
    by_first: dict[str, list[PlaceName]] = {}
    for pattern in place_patterns():
        first = WORD.match(pattern["pattern"])
        name = (pattern["pattern"], pattern["id"], _regions_named(pattern))
        by_first.setdefault(first.group(0) if first else "", []).append(name)
    return {word: tuple(names) for word, names in by_first.items()}


@lru_cache(maxsize=None)
def _government_terms() -> tuple[re.Pattern, re.Pattern]:
    """Every government term of the term ruler, and those (anchors, titles) after which the
    extractors take an unknown name for a misspelt region (`Pemkab Sanggae`)."""
    def alternation(forms) -> re.Pattern:
        words = sorted({f.lower() for f in forms}, key=len, reverse=True)
        return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)

    patterns = government_term_patterns()
    return (alternation(p["pattern"] for p in patterns),
            alternation(p["pattern"] for p in patterns if p["label"] in ("ANCHOR", "TITLE")))


def _line_window(text: str, position: int) -> tuple[int, int]:
    """From the start of the last line with text before `position`'s line to the end of the next one."""
    start = text.rfind("\n", 0, position) + 1
    before = text[:start].rstrip()
    start = before.rfind("\n") + 1 if before else start
    end = text.find("\n", position)
    if end >= 0:
        following = len(text) - len(text[end:].lstrip())
        end = text.find("\n", following)
    return start, end if end >= 0 else len(text)


def _place_mentions(text: str, start: int, end: int) -> dict[int, list[PlaceName]]:
    """The place names in `text[start:end]` by where they start, longest first."""
    names = _place_names()
    found: dict[int, list[PlaceName]] = {}
    for name in names.get("", ()):
        for position in _occurrences(text, name[0], start, end):
            found.setdefault(position, []).append(name)
    for word in WORD.finditer(text, start, end):
        for name in names.get(word.group(0), ()):
            pattern = name[0]
            after = word.start() + len(pattern)
            if text.startswith(pattern, word.start()) and not (after < end and WORD.match(text, after)):
                found.setdefault(word.start(), []).append(name)
    return {position: sorted(names, key=lambda name: -len(name[0])) for position, names in found.items()}


def _may_name_two_parties(text: str, start: int, end: int, aliases: frozenset[str]) -> bool:
    """Whether `text[start:end]` may name two regions: an upper bound on the regions its place names,
    the article's own short names and the unknown names after government terms can stand for."""
    found = _place_mentions(text, start, end)
    mentions: Counter = Counter()  # (name, regions it may stand for) to times named
    for position, names in found.items():
        longest_end = position + len(names[0][0])
        # the ruler keeps the longest name at a place, unless a longer one starting inside it wins
        contested = any(position < other < longest_end for other in found)
        for _, name_id, regions in names if contested else names[:1]:
            mentions[name_id, regions] += 1
    for alias in aliases:
        mentions[alias, 1] += len(re.findall(rf"(?<!\w){re.escape(alias)}(?!\w)", text[start:end]))
    bound = sum(min(count, regions) for (_, regions), count in mentions.items())
    bound += bool(cue_patterns()["party_groups"].search(text, start, end))  # `antar daerah`: the others as a group
    if bound >= 2:
        return True
    any_term, naming_term = _government_terms()
    for term in naming_term.finditer(text, start, end):
        following = WORD.match(text, term.end() + 1) if text[term.end():term.end() + 1].isspace() else None
        if (following and following.group(0).istitle() and following.start() not in found
                and not any_term.match(text, following.start())):
            bound += 1
            if bound >= 2:
                return True
    return False


def has_reported_cue(text: str) -> bool:
    """Whether some cue reports something done and may have two parties near it."""
    aliases = frozenset(LOCAL_ALIAS.findall(text))
    windows_seen = set()  # a line with several cues is one window, looked at once
    for position in reported_cues(text):
        window = _line_window(text, position)
        if window not in windows_seen:
            windows_seen.add(window)
            if _may_name_two_parties(text, *window, aliases):
                return True
    return False


def prepare() -> None:
    """Build the screen's tables now (a few seconds: the gazetteers), not on the first article that needs them."""
    _any_cue(), _cue_first_words(), _clause_break(), _place_names(), _government_terms()


def screen(text: str) -> bool:
    """Whether a cleaned article may report an inter-government event and so needs the NLP stages.

    False only for articles the extractors would give no record: no cue in a clause that reports
    something done, or an index page of dated headlines.
    """
    return has_reported_cue(text) and date_stamps(text) < INDEX_PAGE_STAMPS
