"""Dates: every Indonesian date expression in an article, and the day its event took place.

Forms read: `Kamis (24/7/2025)`, `Rabu (07/08)`, `Senin, 19 Maret 2018`, `8 Agustus 2024`,
`23 hingga 25 Juli 2025`, `23–25 Juli 2025`, `03/06/2013, 11:36 WIB`. A day and month without a year
take the year of the publication date (metadata, or a dated line in the page header), else stay
`--MM-DD`. A stated year that contradicts its weekday while the publication year fits is a typo.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Optional

from ..knowledge import load_data
from ..schema import EventDate, Evidence

YEAR_AHEAD_TOLERANCE = timedelta(days=7)
HEADER_LINE_CHARS = 80
STAMP_SEPARATORS = ("|", "•", "·", "/")
LOWERCASE_WORD = re.compile(r"(?<![\w.])[a-z]")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    day: int
    month: int
    year: Optional[int]
    weekday: Optional[int] = None
    end_day: Optional[int] = None  # last day of a range (`23 hingga 25 Juli`)
    with_time: bool = False  # `03/06/2013, 11:36 WIB`: a page's own time stamp


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=None)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    data = load_data("dates")
    weekday = rf"(?P<wd>{_alternation(data['weekdays'])})"
    month = rf"(?P<month>{_alternation(data['months'])})\.?"
    range_word = _alternation(data["range_words"])
    zones = _alternation(data["time_zones"])
    time = rf"(?P<time>\s{{0,3}}[,|–-]?\s{{0,3}}(?:pukul\s)?\d{{1,2}}[:.]\d{{2}}\s{{0,3}}(?:{zones})\b)?"
    numeric = re.compile(
        rf"(?:\b{weekday}\s{{0,3}},?\s{{0,3}}\(?\s{{0,3}})?"
        rf"\b(?P<day>\d{{1,2}})[/.-](?P<mon>\d{{1,2}})(?:[/.-](?P<year>\d{{4}}|\d{{2}}))?\b(?![/.-]?\d){time}",
        re.IGNORECASE)
    textual = re.compile(
        rf"(?:\b{weekday}\s{{0,3}},?\s{{0,3}}\(?\s{{0,3}})?"
        rf"\b(?P<day>\d{{1,2}})(?:\s{{0,3}}(?:{range_word})\s{{0,3}}(?P<day2>\d{{1,2}}))?\s{{1,3}}{month}"
        rf"(?:\s{{1,3}}(?P<year>\d{{4}}))?\b{time}",
        re.IGNORECASE)
    return numeric, textual


def _full_year(text: Optional[str]) -> Optional[int]:
    if not text:
        return None
    year = int(text)
    return year + 2000 if year < 100 else year


@lru_cache(maxsize=8)  # the index-page check and the event date read the same article's dates
def find_dates(text: str) -> tuple[DateMention, ...]:
    """Every day-and-month date expression in `text`, in order, with valid calendar values."""
    data = load_data("dates")
    numeric, textual = _patterns()
    found: dict[int, DateMention] = {}
    for pattern in (textual, numeric):
        for m in pattern.finditer(text):
            if any(m.start() < f.end and f.start < m.end() for f in found.values()):
                continue
            groups = m.groupdict()
            month = int(groups["mon"]) if groups.get("mon") else data["months"][groups["month"].lower()]
            wd = data["weekdays"].get(groups["wd"].lower()) if groups.get("wd") else None
            mention = DateMention(start=m.start(), end=m.end(), text=m.group(0), day=int(groups["day"]),
                                  month=month, year=_full_year(groups.get("year")), weekday=wd,
                                  end_day=int(groups["day2"]) if groups.get("day2") else None,
                                  with_time=bool(groups.get("time")))
            if _valid(mention):
                found[m.start()] = mention
    return tuple(found[k] for k in sorted(found))


def _valid(m: DateMention) -> bool:
    if not (1 <= m.month <= 12 and 1 <= m.day <= 31):
        return False
    if m.year is not None and not 1990 <= m.year <= 2100:
        return False
    try:
        date(m.year or 2000, m.month, m.day)  # 2000 is a leap year: 29/2 stays valid without a year
    except ValueError:
        return False
    return m.end_day is None or m.day < m.end_day <= 31


def date_stamps(text: str) -> int:
    """How many dates with a time of day (`11 Juni 2025 | 14:05 WIB`) the text holds: a page has one
    or two, an index of articles one per entry."""
    return sum(m.with_time for m in find_dates(text))


@lru_cache(maxsize=None)
def _stamp_prefixes() -> tuple[str, ...]:
    return tuple(load_data("dates")["stamp_prefixes"])


def header_mentions(text: str, mentions: tuple[DateMention, ...]) -> list[tuple[DateMention, bool]]:
    """The full dates near the top that carry a time or stand on a line with no sentence around them
    (`8 Agustus 2024`, `Senin, 19 Maret 2018 Reporter: Adriana`, `Rabu, 05 Juni 2024 | Humas | 1.032
    kali`), among a menu's words, or after a posting's words (`Diunggah pada ...`): the page's date
    stamps, of the site's header (today's date) and of the article."""
    limit = load_data("dates")["header_chars"]
    stamps = []
    for m in mentions:
        if m.start > limit or m.year is None:
            continue
        line_start = text.rfind("\n", 0, m.start) + 1
        line_end = text.find("\n", m.end)
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        rest = line.replace(m.text, " ")
        after = text[m.end:line_start + len(line)].strip()
        menu_words_only = not LOWERCASE_WORD.search(rest)  # `Rabu, 25 Juni 2025  Beranda  Profil  Berita`
        stamp_line = menu_words_only or after[:1] in STAMP_SEPARATORS
        # `... Olahraga | Opini Senin, 15 September 2025 | Login | Langganan`: a menu after it, on a
        # line the cleaner joined to the headline
        menu_after = after[:1] in STAMP_SEPARATORS and not LOWERCASE_WORD.search(after)
        posted = text[line_start:m.start].lower().rstrip().endswith(_stamp_prefixes())
        if m.with_time or posted or menu_after or (stamp_line and (len(line) <= HEADER_LINE_CHARS or menu_words_only)):
            stamps.append((m, m.with_time or posted))
    return stamps


def publication_stamp(stamps: list[tuple[DateMention, bool]]) -> Optional[DateMention]:
    """The article's own stamp: one with a time or posting words (`Rabu, 6 November 2024 | 10:15
    WIB`) before a bare date, which may be the site header's today (`Jumat, 14 Februari 2025`)."""
    return next((m for m, posted in stamps if posted), None) or next((m for m, _ in stamps), None)


def _with_year(m: DateMention, published: Optional[date]) -> Optional[date]:
    """The calendar date a mention means, or None when no year can be known."""
    if m.year is not None:
        stated = date(m.year, m.month, m.day)
        if m.weekday is not None and stated.weekday() != m.weekday and published is not None:
            alternative = _in_year(m, published.year)
            if alternative and alternative.weekday() == m.weekday:
                return alternative
        return stated
    if published is None:
        return None
    guess = _in_year(m, published.year)
    if guess and guess > published + YEAR_AHEAD_TOLERANCE:
        guess = _in_year(m, published.year - 1)
    return guess


def _in_year(m: DateMention, year: int) -> Optional[date]:
    try:
        return date(year, m.month, m.day)
    except ValueError:
        return None


def _iso(m: DateMention, day: int, published: Optional[date]) -> str:
    resolved = _with_year(DateMention(m.start, m.end, m.text, day, m.month, m.year, m.weekday), published)
    return resolved.isoformat() if resolved else f"--{m.month:02d}-{day:02d}"


def _year_from_same_month(chosen: DateMention, mentions: tuple[DateMention, ...]) -> DateMention:
    """`Rabu (23/7)` in an article that also says `23 hingga 25 Juli 2025`: the day is in that year."""
    dated = next((m for m in mentions if m.year is not None and m.month == chosen.month), None)
    if dated is None:
        return chosen
    return DateMention(chosen.start, chosen.end, chosen.text, chosen.day, chosen.month, dated.year,
                       chosen.weekday, chosen.end_day, chosen.with_time)


@lru_cache(maxsize=None)
def _relative_patterns() -> tuple[re.Pattern, re.Pattern]:
    """`Kamis lalu` (a weekday and a past marker) and `kemarin` (a day counted from publication)."""
    words = load_data("dates")
    past = words["previous_week_markers"] + words["past_markers"]
    past_weekday = re.compile(rf"\b({_alternation(words['weekdays'])})\s+({_alternation(past)})\b", re.IGNORECASE)
    return past_weekday, re.compile(rf"\b({_alternation(words['relative_days'])})\b", re.IGNORECASE)


def _relative_or_published(text: str, doc_id: str, published: Optional[date]) -> EventDate:
    """No date in the text: `Kamis lalu` is the last Thursday before publication, `kemarin` the day
    before; otherwise the publication day."""
    if published is None:
        return EventDate()
    words = load_data("dates")
    past_weekday, relative_day = _relative_patterns()
    found = past_weekday.search(text)
    if found is not None:
        weekday = words["weekdays"][found.group(1).lower()]
        days_back = (published.weekday() - weekday) % 7 or 7
        if found.group(2).lower() in words["previous_week_markers"] and published.weekday() > weekday:
            days_back += 7  # `Kamis pekan lalu` on a Friday: not yesterday, the Thursday of the week before
        day = published - timedelta(days=days_back)
    else:
        found = relative_day.search(text)
        if found is None:
            return EventDate(start=published.isoformat())
        day = published + timedelta(days=words["relative_days"][found.group(1).lower()])
    return EventDate(start=day.isoformat(),
                     evidence=[Evidence(doc_id=doc_id, start=found.start(), end=found.end(), text=found.group(0))])


@lru_cache(maxsize=None)
def _planned_marker() -> re.Pattern:
    return re.compile(rf"\b(?:{_alternation(load_data('cues')['planned_markers'])})\b", re.IGNORECASE)


def _in_planned_sentence(text: str, mention: DateMention) -> bool:
    """`Rombongan dijadwalkan meninjau gudang jagung, Kamis (9/4)`: a day told with a plan (cues.json
    `planned_markers`) is when something is to happen, not the day of the event reported."""
    start = max(text.rfind(".", 0, mention.start), text.rfind("\n", 0, mention.start)) + 1
    ends = [i for i in (text.find(". ", mention.end), text.find("\n", mention.end)) if i >= 0]
    return _planned_marker().search(text, start, min(ends) if ends else len(text)) is not None


def extract_event_date(text: str, doc_id: str, published: Optional[date] = None) -> tuple[EventDate, Optional[date]]:
    """The event's date and the publication date used to resolve it.

    The event day is the first date tied to a weekday (`Kamis (24/7/2025)`, how Indonesian news
    dates what it reports), else the first date in the body, else the publication date; a weekday
    counted back from publication (`Kamis lalu`) told before the first of them is the event day. Without a
    publication date, a day without a year takes the year of a full date of the same month in the
    text. A range (`23 hingga 25 Juli 2025`) that holds the event day is kept as the visit's span.
    """
    mentions = find_dates(text)
    stamps = header_mentions(text, mentions)
    header = publication_stamp(stamps)
    published = published or (date(header.year, header.month, header.day) if header else None)
    body = [m for m in mentions if all(m is not stamp for stamp, _ in stamps) and not _in_planned_sentence(text, m)]
    chosen = next((m for m in body if m.weekday is not None), None) or next(iter(body), None)
    if chosen is not None and chosen.year is None and published is None:
        chosen = _year_from_same_month(chosen, mentions)
    # `menyambangi Kantor Wali Kota Padang pada Kamis lalu ... ungkap bupati, Senin (4/3/2019)`: a day
    # counted back from publication, told before any dated day, is the event's
    if chosen is None or (published is not None and _relative_patterns()[0].search(text, 0, chosen.start)):
        return _relative_or_published(text, doc_id, published), published
    start = _iso(chosen, chosen.day, published)
    event_date = EventDate(start=start,
                           evidence=[Evidence(doc_id=doc_id, start=chosen.start, end=chosen.end, text=chosen.text)])
    for span in (m for m in mentions if m.end_day is not None and m.month == chosen.month):
        if span.day <= chosen.day <= span.end_day:
            event_date.span_start = _iso(span, span.day, published)
            event_date.span_end = _iso(span, span.end_day, published)
            if chosen is span:
                event_date.end = event_date.span_end
            else:
                event_date.evidence.append(Evidence(doc_id=doc_id, start=span.start, end=span.end, text=span.text))
            break
    return event_date, published
