"""Foreign cities and their districts: which of the cities of one name an article means, and a
district with a government of its own (`Mapo-gu`, Seoul), which is the party rather than its city."""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from spacy.tokens import Doc, Span

from .region_mentions import Mention
from ..knowledge import FOREIGN_REGION_KEY, Region, countries_by_name, foreign_cities_by_name, fold, load_data
from ..ner.nlp import PLACES_KEY

MAX_TOKENS_TO_COUNTRY = 4


def pick_foreign(cities: tuple[Region, ...], countries_in_doc: set[str]) -> Region:
    """Of the foreign cities of one name, the one in a country the article names, else the first."""
    for city in cities:
        if city.country in countries_in_doc:
            return city
    return cities[0]


DISTRICT_KEY = "district:"


def district_region(doc: Doc, place: Span, countries_in_doc: set[str]) -> Optional[tuple[Region, Optional[str]]]:
    """A foreign district (`Mapo-gu`) of the city or country named right after it (`Mapo-gu, Seoul,
    Korea Selatan`), else of the one foreign country the article names; and that city's key."""
    places_by_start = {s.start: s for s in doc.spans[PLACES_KEY]}
    country = city_key = None
    for index in range(place.end, min(place.end + MAX_TOKENS_TO_COUNTRY, len(doc))):
        after = places_by_start.get(index)
        if after is not None and after.label_ == "FOREIGN":
            city = pick_foreign(foreign_cities_by_name()[after.id_], countries_in_doc)
            country, city_key = city.country, city.key
        elif after is not None and after.label_ == "COUNTRY":
            country = countries_by_name()[after.id_].country
        if country or doc[index].text != ",":
            break
    foreign = countries_in_doc - {"ID"}
    country = country or (next(iter(foreign)) if len(foreign) == 1 else None)
    if country is None or country == "ID":
        return None
    name = place.text
    return Region(key=f"{DISTRICT_KEY}{place.id_}", name=name, level="foreign_city", country=country, bare=name), city_key


def _district_named(words: list[str], districts: list[Region]) -> Optional[Region]:
    """The district that folded words such as `distrik eunpyeong` name, of those the article names
    with their suffix (`Eunpyeong-gu`)."""
    if len(words) < 2 or words[0] not in load_data("gazetteer")["sub_regional_units"]:
        return None
    stem = " ".join(words[1:])
    return next((d for d in districts if fold(d.name).rsplit(" ", 1)[0] == stem), None)


def district_as_distrik(words, districts: list[Region]) -> Optional[tuple[Region, int]]:
    """`Wali Kota Distrik Yeongdeungpo, Choi Min-seok` where the article names `Yeongdeungpo-gu`."""
    district = _district_named([fold(t.text) for t in words[:2]], districts)
    return (district, words[1].i + 1) if district is not None else None


def as_districts(mentions: list[Mention], district_of: dict[Optional[str], Optional[Region]]) -> list[Mention]:
    """Where an article names one district of a city (`Eunpyeong-gu, Seoul`), the city's government
    it names again is that district's (`salah satu distrik di Kota Seoul`), and so is the district
    named as `Distrik Eunpyeong`."""
    districts = [d for d in district_of.values() if d is not None]
    if not districts:
        return mentions

    def district(region: Region) -> Optional[Region]:
        if region.key in district_of:
            return district_of[region.key]
        if region.key.startswith(FOREIGN_REGION_KEY):
            return _district_named(fold(region.name).split(), districts)
        return None

    return [replace(m, region=district(m.region) or m.region) for m in mentions]
