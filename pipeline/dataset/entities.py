"""Entities: one id for each region and each person across the whole corpus.

A region's id is its Kemendagri code (`32.75`) or GeoNames id (`geonames:1861091`). A person is
the officials of one region whose names are one name: the same after folding and dropping
honorifics ("H. Acep Purnama", "Acep Purnama"), or, for names of two words or more held in the
same office, a spelling variant ("M. Mansyur" / "Muhammad Mansyur", "Kamtono" / "Kamtomo", a
name with one more word). A person's id is a hash of the region and the first of their name keys
in sort order, so it depends neither on the order of the articles nor on the other people
of the corpus: new articles leave an existing id alone unless they bring a spelling of that
person that sorts first or show two people to be one.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Optional

from pydantic import BaseModel, Field
from rapidfuzz.distance import Levenshtein

from ..knowledge import fold, honorifics, indonesian_region_by_code, load_data, region_coordinates
from ..schema import EventRecord, Party

NameKey = tuple[str, ...]
FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DEPUTY_WORD = "Wakil"  # a deputy who later holds the office itself is the same person
MIN_TYPO_TOKEN_LENGTH = 5  # one edit in a shorter word makes another name (Erwin, Erwan)


class RegionRow(BaseModel):
    region_id: str = Field(description="Kemendagri code (`32.75`), `geonames:<id>`, or `<country>:<folded name>` for a place GeoNames lacks.")
    name: str = Field(description="Kemendagri name with level (`Kota Bekasi`) or GeoNames name (`Izumisano`).")
    level: Optional[str] = Field(description="`provinsi`, `kabupaten`, `kota`, `foreign_city` or `country`.")
    country: str = Field(description="ISO 3166 alpha-2 code; `ID` for Indonesian regions.")
    province_code: Optional[str] = Field(description="Kemendagri code of the province an Indonesian region lies in.")
    province: Optional[str] = Field(description="Name of that province.")
    lat: Optional[float] = Field(description="Latitude of the point the region is drawn at, where known.")
    lon: Optional[float] = Field(description="Longitude of that point.")
    coordinates_source: Optional[str] = Field(description="What the point is: `geonames:<id>` of the region's town, or `province capital <name>` when GeoNames has no town of the region's name.")


class PersonRow(BaseModel):
    person_id: str = Field(description="Stable id of the person: `person-` and a hash of their region and name key.")
    name: str = Field(description="The spelling seen most often.")
    spellings: list[str] = Field(description="Every spelling of the name seen in the records.")
    region_id: Optional[str] = Field(description="The region whose official the person is (`regions.region_id`); null when no record says.")


class PositionRow(BaseModel):
    person_id: str = Field(description="`people.person_id`.")
    position: str = Field(description="Position in full words, e.g. `Wakil Wali Kota`.")
    region_id: Optional[str] = Field(description="The region of the position (`regions.region_id`).")
    first_day: Optional[date] = Field(description="Earliest day of an event at which the person held it (the event's date, else its earliest publication); null when no event of it is dated.")
    last_day: Optional[date] = Field(description="Latest such day.")
    events: int = Field(description="Number of events at which the person held it.")


def region_id(party: Party) -> str:
    return party.code or f"{party.country}:{fold(party.name)}"


def event_day(record: EventRecord) -> Optional[date]:
    """The day an event is placed at in time: its date when the year is known, else its earliest publication."""
    if record.date.start and FULL_DATE.match(record.date.start):
        return date.fromisoformat(record.date.start)
    return min((s.published for s in record.sources if s.published), default=None)


def resolve_regions(records: Iterable[EventRecord]) -> list[RegionRow]:
    """Every region that takes part in an event, once, in id order."""
    parties = {region_id(p): p for record in records for p in record.parties}
    kemendagri = indonesian_region_by_code()
    rows = []
    for rid, party in sorted(parties.items()):
        region = kemendagri.get(party.code) if party.country == "ID" else None
        province = kemendagri[region.province_code] if region else None
        point = region_coordinates(party.code)
        rows.append(RegionRow(region_id=rid, name=party.name, level=party.level, country=party.country,
                              province_code=province.code if province else None,
                              province=province.name if province else None,
                              lat=point.lat if point else None, lon=point.lon if point else None,
                              coordinates_source=point.source if point else None))
    return rows


def name_key(name: str) -> NameKey:
    """The words of a name, folded, without honorifics: what spellings of one name share."""
    titles = honorifics()
    return tuple(word for word in fold(name).split() if word not in titles)


def _words_agree(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:  # an initial stands for a word with that first letter
        return a[0] == b[0]
    return min(len(a), len(b)) >= MIN_TYPO_TOKEN_LENGTH and a[0] == b[0] and Levenshtein.distance(a, b) <= 1


def spelling_variants(a: NameKey, b: NameKey) -> bool:
    """Two names of two words or more that one person may be written as: word by word the same up to
    initials and one typo each, the shorter in order within the longer, with one whole word alike."""
    if len(a) < 2 or len(b) < 2:
        return False
    shorter, longer = sorted((a, b), key=len)
    position = 0
    for word in shorter:
        while position < len(longer) and not _words_agree(word, longer[position]):
            position += 1
        if position == len(longer):
            return False
        position += 1
    return any(len(word) > 1 and word in longer for word in shorter)


def office(position: str) -> str:
    """A position without `Penjabat`, `Pelaksana Tugas` or `Wakil`: the office a variant spelling must share."""
    prefixes = [p["position"] for p in load_data("titles")["prefixes"]] + [DEPUTY_WORD]
    words = position.split()
    while words:
        lead = next((p for p in prefixes if words[:len(p.split())] == p.split()), None)
        if lead is None:
            break
        words = words[len(lead.split()):]
    return " ".join(words)


@dataclass(frozen=True)
class Mention:
    """One official of one event."""

    event_id: str
    index: int
    name: str
    position: str
    region_id: Optional[str]
    day: Optional[date]


def _mentions(records: Iterable[EventRecord]) -> list[Mention]:
    mentions = []
    for record in records:
        regions = {p.name: region_id(p) for p in record.parties}
        for index, official in enumerate(record.officials):
            mentions.append(Mention(record.event_id, index, official.name, official.position,
                                    regions.get(official.region), event_day(record)))
    return mentions


def _clusters(keys: dict[NameKey, set[str]]) -> list[list[NameKey]]:
    """Name keys of one region joined when they are spelling variants held in a shared office."""
    parent = {key: key for key in keys}

    def root(key: NameKey) -> NameKey:
        while parent[key] != key:
            key = parent[key]
        return key

    ordered = sorted(keys)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if keys[a] & keys[b] and spelling_variants(a, b):
                parent[max(root(a), root(b))] = min(root(a), root(b))
    groups: dict[NameKey, list[NameKey]] = defaultdict(list)
    for key in ordered:
        groups[root(key)].append(key)
    return list(groups.values())


def person_id(region: Optional[str], key: NameKey) -> str:
    digest = hashlib.sha256(f"{region or ''}|{' '.join(key)}".encode("utf-8")).hexdigest()
    return f"person-{digest[:16]}"


@dataclass
class People:
    people: list[PersonRow]
    positions: list[PositionRow]
    ids: dict[tuple[str, int], str]  # (event_id, index in the event's officials) to person_id

    def id_of(self, event_id: str, index: int) -> str:
        return self.ids[(event_id, index)]


def resolve_people(records: Iterable[EventRecord]) -> People:
    """One person per name and region, spelling variants merged; rows in id order."""
    by_region: dict[Optional[str], list[Mention]] = defaultdict(list)
    for mention in _mentions(records):
        by_region[mention.region_id].append(mention)
    people, positions, ids = [], [], {}
    for region, mentions in by_region.items():
        offices: dict[NameKey, set[str]] = defaultdict(set)
        for mention in mentions:
            offices[name_key(mention.name)].add(office(mention.position))
        for keys in _clusters(offices):
            pid = person_id(region, keys[0])
            members = [m for m in mentions if name_key(m.name) in keys]
            spellings = Counter(m.name for m in members)
            name = min(spellings, key=lambda s: (-spellings[s], -len(s), s))
            people.append(PersonRow(person_id=pid, name=name, spellings=sorted(spellings), region_id=region))
            held: dict[str, list[Mention]] = defaultdict(list)
            for mention in members:
                ids[(mention.event_id, mention.index)] = pid
                held[mention.position].append(mention)
            for position, times in sorted(held.items()):
                days = [m.day for m in times if m.day]
                positions.append(PositionRow(person_id=pid, position=position, region_id=region,
                                             first_day=min(days, default=None), last_day=max(days, default=None),
                                             events=len({m.event_id for m in times})))
    people.sort(key=lambda p: p.person_id)
    positions.sort(key=lambda p: (p.person_id, p.first_day or date.max, p.position))
    return People(people, positions, ids)
