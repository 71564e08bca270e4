"""A synthetic corpus of Indonesian regional news, for the benchmark and the end-to-end tests.

Cooperation articles (visits, signings, coordination meetings, sister cities abroad) between
real regions of the gazetteers, each event told by one to four outlets in different words, with
near-misses: the same parties on another day (another event) and visits only planned (none). Four
ordinary local news articles (floods, traffic, markets, sports, budget sessions) go with each
cooperation article; they name officials and places but report no event between governments.

Everything is drawn from one seeded random generator, so a size and a seed give the same corpus
on every run. Each article carries its ground truth, so the pipeline's output can be checked
against what the generator meant. Names, templates and phrases live in data/synthetic.json.
"""
from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence, Union

from ..knowledge import (countries_by_name, foreign_cities, foreign_cities_by_name, fold, indonesian_regions,
                         load_data, regions_by_bare_name)
from ..schema import Article, EventDate, EventRecord, Official, Party, Source

ORDINARY_PER_COOPERATION = 4
PLANNED_SHARE = 0.1  # of the cooperation stories: a visit announced, not made
OTHER_DAY_SHARE = 0.1  # of the cooperation stories: parties of an earlier event meeting again
SOURCES_WEIGHTS = {1: 0.25, 2: 0.35, 3: 0.25, 4: 0.15}  # outlets telling one event
TYPE_WEIGHTS = {"visit": 0.55, "agreement": 0.25, "meeting": 0.2}
ABROAD_SHARE = 0.15  # events with a foreign city (sister cities)
PROVINCES_SHARE = 0.1  # events between two provinces
FIRST_DAY, LAST_DAY = date(2022, 1, 1), date(2025, 12, 31)
OTHER_DAY_GAP = (20, 200)  # days between an event and its parties' next one
PLAIN_FOREIGN_NAME = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?")


@dataclass(frozen=True)
class Government:
    """A region as a party of the corpus, with the names its articles use for it."""

    name: str  # the name the records give it: `Kota Bekasi`, `Jeonju`
    bare: str
    level: str
    country: str
    code: str
    country_name: Optional[str] = None  # Indonesian name of a foreign city's country


@dataclass(frozen=True)
class SyntheticArticle:
    """One generated article and the truth it was written from."""

    doc_id: str
    kind: str  # `event`, `planned` (a visit only announced) or `ordinary`
    event: Optional[str]  # the id of the event it reports; articles of one event share it
    type: Optional[str]
    parties: tuple[tuple[Government, str], ...]  # (party, `host` or `guest`), as the generator cast them
    day: Optional[date]
    published: date
    title: str
    url: str
    text: str
    officials: tuple[tuple[str, str, str], ...] = ()  # (name, position, party name)


@lru_cache(maxsize=None)
def _domestic() -> tuple[Government, ...]:
    """Regencies and cities (the five Jakarta municipalities and Kepulauan Seribu have no own government)."""
    return tuple(Government(name=r.name, bare=r.bare, level=r.level, country="ID", code=r.code)
                 for r in indonesian_regions() if r.level != "provinsi" and "Administrasi" not in r.name)


@lru_cache(maxsize=None)
def _provinces() -> tuple[Government, ...]:
    return tuple(Government(name=r.name, bare=r.bare, level=r.level, country="ID", code=r.code)
                 for r in indonesian_regions() if r.level == "provinsi")


@lru_cache(maxsize=None)
def _foreign() -> tuple[Government, ...]:
    """Large cities of the sister-city countries whose plain name the place ruler knows as theirs alone."""
    data = load_data("synthetic")
    country_names: dict[str, str] = {}
    for name, iso in load_data("gazetteer")["countries"].items():
        country_names.setdefault(iso, name)
    taken = set(regions_by_bare_name()) | set(countries_by_name())
    cities = []
    for city in foreign_cities():
        key = fold(city.name)
        if (city.country in data["sister_city_countries"] and city.population >= data["foreign_city_min_population"]
                and PLAIN_FOREIGN_NAME.fullmatch(city.name) and key not in taken
                and foreign_cities_by_name()[key][0] == city):
            cities.append(Government(name=city.name, bare=city.name, level="foreign_city", country=city.country,
                                     code=city.code, country_name=country_names[city.country]))
    return tuple(sorted(cities, key=lambda g: g.code))


@lru_cache(maxsize=None)
def _calendar_words() -> tuple[list[str], list[str]]:
    """Weekday names (Monday first) and month names, the first form dates.json lists for each."""
    dates = load_data("dates")
    weekdays: dict[int, str] = {}
    months: dict[int, str] = {}
    for form, number in dates["weekdays"].items():
        weekdays.setdefault(number, form.capitalize())
    for form, number in dates["months"].items():
        months.setdefault(number, form.capitalize())
    return [weekdays[i] for i in range(7)], [months[i] for i in range(1, 13)]


def format_day(day: date, style: str) -> str:
    """A day as Indonesian news write it: `Kamis (24/7/2025)`, `Kamis (24/7)`, `Kamis, 24 Juli 2025`, `24 Juli 2025`."""
    weekdays, months = _calendar_words()
    weekday, month = weekdays[day.weekday()], months[day.month - 1]
    return {"paren": f"{weekday} ({day.day}/{day.month}/{day.year})",
            "paren_short": f"{weekday} ({day.day}/{day.month})",
            "long": f"{weekday}, {day.day} {month} {day.year}",
            "plain": f"{day.day} {month} {day.year}"}[style]


@dataclass(frozen=True)
class _Role:
    """A party as one event casts it: its government, official and where it receives guests."""

    government: Government
    position: str  # `Wali Kota`
    title: str  # `Wali Kota Bekasi`
    official: str
    first: str
    venue: str


class _Writer:
    """Draws stories and writes their articles from one random generator."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.data = load_data("synthetic")
        self.events: list[tuple[Government, Government, date]] = []

    def pick(self, items):
        return items[self.rng.randrange(len(items))]

    def day(self) -> date:
        return FIRST_DAY + timedelta(days=self.rng.randrange((LAST_DAY - FIRST_DAY).days + 1))

    def person(self, government: Government) -> tuple[str, str]:
        """Full name as first written and the name a second mention uses."""
        if government.level == "foreign_city":
            name = self.pick(self.data["foreign_names"][government.country])
            return name, name.split()[0]
        given, family = self.pick(self.data["given_names"]), self.pick(self.data["family_names"])
        prefix = self.pick(self.data["honorific_prefixes"])
        return f"{prefix} {given} {family}".strip(), given

    def role(self, government: Government) -> _Role:
        level = self.data["levels"][government.level]
        title, region = self.pick(level["titles"])
        official, first = self.person(government)
        return _Role(government, title, f"{title} {region.format(bare=government.bare)}", official, first,
                     self.pick(level["venue"]).format(bare=government.bare))

    def party_fields(self, role: _Role, prefix: str = "") -> dict[str, str]:
        """A party's template fields (`gov`, `short`, `place`, ...), each name after `prefix`."""
        g = role.government
        level = self.data["levels"][g.level]
        place = level["place"].format(bare=g.bare)
        fields = {"gov": level["gov"].format(bare=g.bare), "short": level["short"].format(bare=g.bare),
                  "place": place, "where": f"{place}, {g.country_name}" if g.country_name else place,
                  "bare": g.bare, "caps": g.bare.upper(), "title": role.title, "official": role.official,
                  "first": role.first, "venue": role.venue}
        return {prefix + key: value for key, value in fields.items()}

    def common_fields(self, day: date) -> dict[str, str]:
        sector1, sector2 = self.rng.sample(self.data["sectors"], 2)
        outlet = self.pick(self.data["outlets"])
        given, family = self.pick(self.data["given_names"]), self.pick(self.data["family_names"])
        return {"when": format_day(day, self.pick(self.data["date_styles"])), "sector1": sector1, "sector2": sector2,
                "outlet": outlet[0], "reporter": f"{given} {family}", "people": str(self.rng.randint(5, 60)),
                "commodity": self.pick(self.data["commodities"]), "market": self.pick(self.data["markets"]),
                "district": self.pick(self.data["districts"]), "planned_when": self.pick(self.data["planned_when"])}

    def pair(self, event_type: str) -> tuple[Government, Government]:
        """(host, guest): two cities or regencies, two provinces, or a foreign city on one side."""
        draw = self.rng.random()
        if event_type != "meeting" and draw < ABROAD_SHARE and _foreign():
            domestic, foreign = self.pick(_domestic()), self.pick(_foreign())
            return (domestic, foreign) if self.rng.random() < 0.7 else (foreign, domestic)
        pool = _provinces() if draw < ABROAD_SHARE + PROVINCES_SHARE else _domestic()
        host, guest = self.rng.sample(pool, 2)
        return host, guest

    def article(self, kind: str, template: dict, fields: dict[str, str], event: Optional[str] = None,
                event_type: Optional[str] = None, parties=(), day: Optional[date] = None, published: date = FIRST_DAY,
                officials=()) -> SyntheticArticle:
        title = template["title"].format(**fields)
        text = title + "\n\n" + "\n\n".join(p.format(**fields) for p in template["body"]) + "\n"
        domain = self.pick(self.data["outlets"])[1]
        slug = re.sub(r"[^a-z0-9]+", "-", fold(title)).strip("-")
        url = f"https://{domain}/{published.isoformat().replace('-', '/')}/{slug}"
        return SyntheticArticle(doc_id="", kind=kind, event=event, type=event_type, parties=tuple(parties), day=day,
                                published=published, title=title, url=url, text=text, officials=tuple(officials))

    def event_story(self, event_id: str, sources: int, again: Optional[tuple[Government, Government, date]] = None
                    ) -> list[SyntheticArticle]:
        """One event told by `sources` outlets, each with its own template, date style and publication day."""
        if again:
            # the earlier event's guest returns the visit, or the same pair signs or meets again
            guest, host, earlier = again
            day = earlier + timedelta(days=self.rng.randint(*OTHER_DAY_GAP))
            event_type = self.pick([t for t in TYPE_WEIGHTS if t != "meeting" or "foreign_city" not in
                                    (host.level, guest.level)])
        else:
            event_type = self.rng.choices(list(TYPE_WEIGHTS), weights=list(TYPE_WEIGHTS.values()))[0]
            host, guest = self.pair(event_type)
            day = self.day()
        self.events.append((host, guest, day))
        host_role, guest_role = self.role(host), self.role(guest)
        templates = self.rng.sample(self.data["templates"][event_type], min(sources, len(self.data["templates"][event_type])))
        officials = tuple((r.official, r.position, r.government.name) for r in (host_role, guest_role))
        articles = []
        for template in templates:
            fields = {**self.common_fields(day), **self.party_fields(host_role, "host_"),
                      **self.party_fields(guest_role, "guest_")}
            published = day + timedelta(days=self.rng.randint(0, 1))
            articles.append(self.article("event", template, fields, event_id, event_type,
                                         ((host, "host"), (guest, "guest")), day, published, officials))
        return articles

    def planned_story(self) -> SyntheticArticle:
        host, guest = self.pair("visit")
        announced = self.day()
        fields = {**self.common_fields(announced), **self.party_fields(self.role(host), "host_"),
                  **self.party_fields(self.role(guest), "guest_")}
        return self.article("planned", self.pick(self.data["templates"]["planned"]), fields,
                            parties=((host, "host"), (guest, "guest")), published=announced)

    def ordinary(self) -> SyntheticArticle:
        government, other = self.rng.sample(_domestic(), 2)
        day = self.day()
        fields = {**self.party_fields(self.role(government)), **self.common_fields(day), "other_bare": other.bare}
        return self.article("ordinary", self.pick(self.data["templates"]["ordinary"]), fields, published=day)

    def cooperation(self, count: int) -> list[SyntheticArticle]:
        articles: list[SyntheticArticle] = []
        while len(articles) < count:
            draw = self.rng.random()
            if draw < PLANNED_SHARE:
                articles.append(self.planned_story())
                continue
            event_id = f"E{len(self.events):06d}"
            again = self.pick(self.events) if draw < PLANNED_SHARE + OTHER_DAY_SHARE and self.events else None
            sources = self.rng.choices(list(SOURCES_WEIGHTS), weights=list(SOURCES_WEIGHTS.values()))[0]
            articles += self.event_story(event_id, min(sources, count - len(articles)), again)
        return articles


def generate_corpus(size: int, seed: int = 0, only_cooperation: bool = False) -> list[SyntheticArticle]:
    """`size` articles in a shuffled order, one in five about cooperation (all, with `only_cooperation`)."""
    writer = _Writer(seed)
    cooperation = size if only_cooperation else round(size / (1 + ORDINARY_PER_COOPERATION))
    articles = writer.cooperation(cooperation) + [writer.ordinary() for _ in range(size - cooperation)]
    writer.rng.shuffle(articles)
    width = len(str(max(size - 1, 0)))
    return [SyntheticArticle(**{**a.__dict__, "doc_id": f"syn-{i:0{width}d}"}) for i, a in enumerate(articles)]


def write_corpus(articles: Sequence[Union[SyntheticArticle, Article]], folder: Path) -> None:
    """Each article as `<doc_id>.txt` with a `<doc_id>.meta.json` sidecar of what is known of its
    page (url, published, title), as scraped folders come."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for article in articles:
        (folder / f"{article.doc_id}.txt").write_text(article.text, encoding="utf-8")
        meta = {"url": article.url, "published": article.published and article.published.isoformat(),
                "title": article.title}
        meta = {key: value for key, value in meta.items() if value is not None}
        (folder / f"{article.doc_id}.meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")


def truth_records(articles: list[SyntheticArticle]) -> list[EventRecord]:
    """The unmerged records a perfect extractor would give: one per article that reports an event.

    They feed the merge stage's scaling benchmark without spending time on the extractor.
    """
    records = []
    for article in articles:
        if article.kind != "event":
            continue
        parties = [Party(name=g.name, country=g.country, role=role, level=g.level, code=g.code)
                   for g, role in article.parties]
        officials = [Official(name=name, position=position, region=region)
                     for name, position, region in article.officials]
        records.append(EventRecord(event_id=f"doc-{article.doc_id}", type=article.type,
                                   date=EventDate(start=article.day.isoformat()), parties=parties,
                                   officials=officials, sources=[Source(doc_id=article.doc_id, url=article.url,
                                                                        published=article.published,
                                                                        title=article.title)]))
    return records
