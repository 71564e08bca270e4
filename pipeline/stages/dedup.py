"""Merge: articles that report the same event become one record that lists every source.

Two records are the same event when they share two of their parties and their dates agree (within
three days, since outlets give a visit's first or last day, or get the day wrong; a date without a
year agrees on month and day; a missing date agrees with any; a publication day, taken where the
text states no day, agrees with the week before it). Two stated days further apart still agree
when the reports also share an official and a host: within a week (an outlet reporting a later
day of the same visit), or on the same day of the month a year apart (a typo in the year).
Outlets differ in how many of a forum's regions they name, so a pair report joins the roster
report that includes its pair; a report of only the host and one guest joins that of a gathering
with the same host, day and an official in common.
Records are blocked by each pair of their parties; within a block the records are linked by date,
full dates only with their neighbours in time, so a block costs about its size, not its square.
Different events between the same parties (other dates) stay apart.
"""
from __future__ import annotations

import gc
import hashlib
from collections import Counter, defaultdict
from contextlib import contextmanager
from bisect import bisect_left, bisect_right
from datetime import date, timedelta
from itertools import combinations
from typing import Iterable, Iterator, Optional

from .person_names import same_person
from .grouping import UnionFind
from ..knowledge import fold
from ..schema import EventDate, EventRecord, Official, Party, Sector

MAX_DAY_GAP = 3
CORROBORATED_DAY_GAP = 7  # stated days this far apart agree when the reports share an official and host
REPORT_LAG_DAYS = 7  # an article without the event's day is published within a week of it
SUBSET_PARTIES = 3  # a report naming this many of a larger signing's governments, and no other, tells of it
SHARED_PARTIES = 2  # an event between two governments: sharing one party is sharing a neighbour
TYPE_PRIORITY = {"agreement": 0, "meeting": 1, "visit": 2}


def party_key(party: Party) -> str:
    return party.code or f"{party.country}:{fold(party.name)}"


def _parse(day: Optional[str]) -> tuple[Optional[date], Optional[str]]:
    """(full date, month-day) of an ISO or `--MM-DD` date string."""
    if not day:
        return None, None
    if day.startswith("--"):
        return None, day[2:]
    parsed = date.fromisoformat(day)
    return parsed, day[5:]


def dates_agree(a: Optional[str], b: Optional[str]) -> bool:
    (full_a, md_a), (full_b, md_b) = _parse(a), _parse(b)
    if md_a is None or md_b is None:
        return True
    if full_a and full_b:
        return abs((full_a - full_b).days) <= MAX_DAY_GAP
    year = (full_a or full_b or date(2000, 1, 1)).year
    try:
        return abs((date(year, *map(int, md_a.split("-"))) - date(year, *map(int, md_b.split("-")))).days) <= MAX_DAY_GAP
    except ValueError:
        return md_a == md_b


def group_same_events(records: list[EventRecord]) -> list[list[int]]:
    """Indexes of the records that report one event, group by group, in input order.

    Two records are linked when their party sets are alike (`parties_alike`) and their dates agree,
    and a group holds the records that links join, directly or through others. Records with one
    party set are alike with each other, so sets are compared once per distinct pair, and the
    records of each alike pair are then linked by their dates alone.
    """
    blocks: dict[tuple[str, ...], list[int]] = defaultdict(list)
    party_sets = [frozenset(party_key(p) for p in record.parties) for record in records]
    for i, keys in enumerate(party_sets):
        for shared in combinations(sorted(keys), SHARED_PARTIES):
            blocks[shared].append(i)
    groups = UnionFind(len(records))
    compared: set[tuple[frozenset[str], frozenset[str]]] = set()
    for members in blocks.values():
        if len(members) < 2:
            continue
        by_set: dict[frozenset[str], list[int]] = defaultdict(list)
        for i in members:
            by_set[party_sets[i]].append(i)
        distinct = list(by_set)
        for position, keys in enumerate(distinct):
            for other in distinct[position:]:
                if (keys, other) in compared:
                    continue
                compared.add((keys, other))
                if parties_alike(keys, other):
                    _link_agreeing_dates(groups, by_set[keys] + (by_set[other] if other != keys else []), records)
                elif len(keys & other) == min(len(keys), len(other)) == SHARED_PARTIES:
                    _link_pair_to_gathering(groups, by_set[keys], by_set[other], records)
    return groups.groups()


def _link_pair_to_gathering(groups: UnionFind, one: list[int], other: list[int], records: list[EventRecord]) -> None:
    """A report that names two of a gathering's governments (the host and a guest it quotes) joins the
    report of the whole gathering when the two agree on the date and the host and share an official;
    a signing's pair stays apart, since two of many signatories tell of their own signing.

    Records of one party set, day and host are one group already, so each such key is compared once,
    with the officials of all its records."""
    def by_key(indexes: list[int]) -> dict[tuple[Optional[str], Optional[str]], tuple[int, set[str]]]:
        keyed: dict[tuple[Optional[str], Optional[str]], tuple[int, set[str]]] = {}
        for i in indexes:
            host = _host_key(records[i])
            if records[i].type != "agreement" and host is not None:
                keyed.setdefault((records[i].date.start, host), (i, set()))[1].update(o.name for o in records[i].officials)
        return keyed
    theirs = by_key(other)
    for (day, host), (first, names) in by_key(one).items():
        for (other_day, other_host), (second, other_names) in theirs.items():
            if host == other_host and dates_agree(day, other_day) and any(
                    same_person(a, b) for a in names for b in other_names):
                groups.union(first, second)


def parties_alike(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two party sets of one event: they share two parties, and at least half of the longer one or
    all of the shorter one when that names three or more.

    Outlets name more or fewer of a forum's regions (four against two, four against eleven), but a
    report of two of the twelve governments at a signing tells of their own signing, not of the
    whole ceremony."""
    shared = len(a & b)
    return shared >= SHARED_PARTIES and (2 * shared >= max(len(a), len(b))
                                         or shared == min(len(a), len(b)) >= SUBSET_PARTIES)


def _link_agreeing_dates(groups: UnionFind, indexes: list[int], records: list[EventRecord]) -> None:
    """Joins the records among `indexes` whose dates agree, into the same groups as comparing every
    pair would, but comparing each full date only with its neighbours in time."""
    starts = {i: records[i].date.start for i in indexes}
    parsed = {i: _parse(start) for i, start in starts.items()}
    undated = [i for i in indexes if parsed[i][1] is None]
    if undated:  # it agrees with every date, so all of them are one group
        for i in indexes:
            groups.union(i, undated[0])
        return
    # Full dates agree when at most MAX_DAY_GAP days apart: on a line, so the chain of consecutive
    # days that close joins exactly what every pair would.
    by_day = sorted((parsed[i][0], i) for i in indexes if parsed[i][0] is not None)
    for (day, i), (next_day, j) in zip(by_day, by_day[1:]):
        if (next_day - day).days <= MAX_DAY_GAP:
            groups.union(i, j)
    # A day the text does not state is the day the article was published (extract_dates): the event
    # took place then or in the days before, so it agrees with the dated records of that week.
    days = [day for day, _ in by_day]
    for i in indexes:
        published = parsed[i][0]
        if published is not None and not records[i].date.evidence:
            first = bisect_left(days, published - timedelta(days=REPORT_LAG_DAYS))
            for _, j in by_day[first:bisect_right(days, published)]:
                groups.union(i, j)
    _link_corroborated_days(groups, [(day, i) for day, i in by_day if records[i].date.evidence], records)
    # A date without its year agrees by month and day in the other's year: no single line, and rare
    yearless = [i for i in indexes if parsed[i][0] is None]
    for i in yearless:
        for j in indexes:
            if j != i and dates_agree(starts[i], starts[j]):
                groups.union(i, j)


def _link_corroborated_days(groups: UnionFind, stated: list[tuple[date, int]], records: list[EventRecord]) -> None:
    """Joins records whose stated days are further apart than MAX_DAY_GAP but which name one of the
    same officials and no other host: days within CORROBORATED_DAY_GAP (a later day of one visit),
    or the same day and month a year apart (a year typo).

    Records of one day are already one group, so each distinct (day, host) is compared once, with
    the officials of all its records; a return visit, where the host changes, stays apart."""
    officials_by_day: dict[tuple[date, Optional[str]], tuple[int, set[str]]] = {}
    for day, i in stated:  # (the stated day, the record's index)
        key = (day, _host_key(records[i]))
        officials_by_day.setdefault(key, (i, set()))[1].update(o.name for o in records[i].officials)
    keys = sorted(officials_by_day, key=lambda key: (key[0], key[1] or ""))
    days = [day for day, _ in keys]
    for day, host in keys:
        later = keys[bisect_right(days, day + timedelta(days=MAX_DAY_GAP)):
                     bisect_right(days, day + timedelta(days=CORROBORATED_DAY_GAP))]
        next_year = _same_day_next_year(day)
        if next_year is not None:
            later += keys[bisect_left(days, next_year):bisect_right(days, next_year)]
        first, names = officials_by_day[(day, host)]
        for other_day, other_host in later:
            other, other_names = officials_by_day[(other_day, other_host)]
            if (host is None or other_host is None or host == other_host) and any(
                    same_person(a, b) for a in names for b in other_names):
                groups.union(first, other)


def _host_key(record: EventRecord) -> Optional[str]:
    return next((party_key(p) for p in record.parties if p.role == "host"), None)


def _same_day_next_year(day: date) -> Optional[date]:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return None


def merge_records(records: list[EventRecord]) -> list[EventRecord]:
    """One record per event, with every source, each with its stable event id."""
    with _no_cycle_collection():
        return [merge_group([records[i] for i in group]) for group in group_same_events(records)]


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """The cycle collector paused while the merge builds its records: each of its passes walks every
    record already held, so over a large corpus they cost more than linearly (a third of the merge
    of 100,000 records). Whatever cycles the merge leaves are collected once it is done."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def merge_group(members: list[EventRecord]) -> EventRecord:
    sources = sorted((s for r in members for s in r.sources), key=lambda s: s.doc_id)
    event_type = min(Counter(r.type for r in members).most_common(),
                     key=lambda item: (-item[1], TYPE_PRIORITY[item[0]]))[0]
    merged_date = _merge_dates([r.date for r in members])
    parties = _merge_parties(p for r in members for p in r.parties)
    record = EventRecord(event_id="", type=event_type, date=merged_date, parties=parties,
                         officials=_merge_officials(o for r in members for o in r.officials),
                         sectors=_merge_sectors(s for r in members for s in r.sectors), sources=sources,
                         evidence=[e for r in members for e in r.evidence])
    record.event_id = stable_event_id(record)
    return record


def stable_event_id(record: EventRecord) -> str:
    """From what identifies the event (its parties and day), not from which articles reported it."""
    day = record.date.start or f"undated:{record.sources[0].doc_id}"
    key = "|".join(sorted(party_key(p) for p in record.parties)) + "|" + day
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _merge_dates(dates: list[EventDate]) -> EventDate:
    def rank(d: EventDate) -> tuple[int, int, int, str]:
        full = d.start is not None and not d.start.startswith("--")
        # a day the text states beats a publication day
        return -(2 if full else 1 if d.start else 0), -bool(d.evidence), -counts[d.start], d.start or ""

    counts = Counter(d.start for d in dates)
    best = min(dates, key=rank)  # on a tie the earlier day, so that input order never changes the id
    return best.model_copy(update={"evidence": [e for d in dates for e in d.evidence]})


def _merge_parties(parties: Iterable[Party]) -> list[Party]:
    """Each party once; the one its sources most often call host hosts, and there is at most one host."""
    by_key: dict[str, list[Party]] = {}
    for party in parties:
        by_key.setdefault(party_key(party), []).append(party)
    host_votes = {key: sum(p.role == "host" for p in same) - sum(p.role == "guest" for p in same)
                  for key, same in by_key.items()}
    sided = any(p.role != "partner" for same in by_key.values() for p in same)
    host = max(by_key, key=lambda key: (host_votes[key], -list(by_key).index(key))) if sided else None
    merged = []
    for key, same in by_key.items():
        role = "partner" if not sided else "host" if key == host else "guest"
        merged.append(same[0].model_copy(update={"role": role, "evidence": [e for p in same for e in p.evidence]}))
    return merged


def _merge_officials(officials: Iterable[Official]) -> list[Official]:
    merged: list[Official] = []
    for official in officials:
        match = next((m for m in merged if same_person(m.name, official.name) or _surname_of(m, official)
                      or _initials_of(m, official)), None)
        if match is None:
            merged.append(official.model_copy(deep=True))
            continue
        if (len(official.name.split()), len(official.name)) > (len(match.name.split()), len(match.name)):
            match.name = official.name  # the fullest form: `Simon Petrus Tefa` over `Simon P. Tefa`
        match.evidence.extend(official.evidence)
    return merged


MIN_SURNAME_CHARS = 4


def _surname_of(a: Official, b: Official) -> bool:
    """`Mr. Honda` in one outlet, `Mr. Daiki Honda` in another: one official of one party named by
    the last word of the full name."""
    names = sorted((fold(a.name).split(), fold(b.name).split()), key=len)
    return (a.region == b.region and len(names[0]) == 1 < len(names[1])
            and len(names[0][0]) >= MIN_SURNAME_CHARS and names[0][0] == names[1][-1])


def _initials_of(a: Official, b: Official) -> bool:
    """`Simon P. Tefa` in one outlet, `Simon Petrus Tefa` in another: one official of one party, the
    same first and last names, a middle name written by its initial."""
    if a.region != b.region:
        return False
    words_a, words_b = ([w.rstrip(".") for w in fold(o.name).split()] for o in (a, b))
    if len(words_a) != len(words_b) or len(words_a) < 3 or words_a == words_b:
        return False
    if words_a[0] != words_b[0] or words_a[-1] != words_b[-1]:
        return False
    return all(x == y or (min(len(x), len(y)) == 1 and x[0] == y[0]) for x, y in zip(words_a[1:-1], words_b[1:-1]))


def _merge_sectors(sectors: Iterable[Sector]) -> list[Sector]:
    merged: dict[str, Sector] = {}
    for sector in sectors:
        into = merged.setdefault(sector.code, Sector(code=sector.code))
        into.phrases += [p for p in sector.phrases if p not in into.phrases]
        into.evidence += sector.evidence
    return list(merged.values())
