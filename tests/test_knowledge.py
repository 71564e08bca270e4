"""The gazetteer's foreign cities: plain rows on disk, `Region`s made on lookup."""
import pickle

from pipeline.knowledge import ForeignCities, Region, fold, foreign_cities, foreign_cities_by_name, foreign_region_aliases

ROWS = [(1, "Springfield", "US", 60_000), (2, "Izumisano", "JP", 100_000), (3, "Springfield", "US", 150_000)]


def test_a_name_gives_its_cities_most_populous_first_as_regions():
    cities = ForeignCities(ROWS)
    assert len(cities) == 2 and set(cities) == {"springfield", "izumisano"}
    assert [city.key for city in cities["springfield"]] == ["geonames:3", "geonames:1"]
    assert cities["izumisano"] == (Region(key="geonames:2", name="Izumisano", level="foreign_city", country="JP",
                                          bare="Izumisano", code="geonames:2", population=100_000),)
    assert cities["izumisano"] is cities["izumisano"]  # made once
    assert "nowhere" not in cities and cities.get("nowhere") is None


def test_pickled_it_keeps_its_rows_not_the_regions_made_so_far():
    cities = ForeignCities(ROWS)
    looked_up = cities["springfield"]
    restored = pickle.loads(pickle.dumps(cities))
    assert restored._regions == {}
    assert restored["springfield"] == looked_up and dict(restored) == dict(cities)


def test_every_city_is_listed_once_under_its_name():
    by_name = foreign_cities_by_name()
    cities = foreign_cities()
    aliases = {fold(alias) for alias in foreign_region_aliases()}
    assert len(cities) == len({city.key for city in cities}) == sum(
        len(by_name[name]) for name in by_name if name not in aliases)
    assert by_name["pulau pinang"] == by_name["penang"] == by_name["negeri penang"]
    assert all(city.country != "ID" for city in cities)
