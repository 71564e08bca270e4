"""People and regions: one stable id each across the corpus, spellings merged, different people apart."""
from __future__ import annotations

import shutil
from datetime import date

from pipeline.dataset.entities import name_key, resolve_people, spelling_variants
from pipeline.runner.run import run
from pipeline.schema import EventDate, EventRecord, Official, Party, Source
from pipeline.dataset.tables import build_tables, read_events
from tests.conftest import DEV_ARTICLES

BEKASI = ("Kota Bekasi", "32.75", "kota")
BENGKULU = ("Kota Bengkulu", "17.71", "kota")
KUNINGAN = ("Kabupaten Kuningan", "32.08", "kabupaten")
INDRAMAYU = ("Kabupaten Indramayu", "32.12", "kabupaten")


def record(event_id: str, day: str, *officials: tuple[str, str, tuple]) -> EventRecord:
    """An event between the regions of `officials` (name, position, region), each region once."""
    regions = list(dict.fromkeys(region for _, _, region in officials))
    parties = [Party(name=name, country="ID", role="partner", level=level, code=code) for name, code, level in regions]
    return EventRecord(event_id=event_id, type="visit", date=EventDate(start=day), parties=parties,
                       officials=[Official(name=n, position=p, region=r[0]) for n, p, r in officials],
                       sources=[Source(doc_id=event_id)])


def people_by_name(records: list[EventRecord]) -> dict[str, list]:
    result = resolve_people(records)
    by_name: dict[str, list] = {}
    for person in result.people:
        for spelling in person.spellings:
            by_name.setdefault(spelling, []).append(person)
    return by_name


def test_spellings_and_honorifics_of_one_person_merge():
    records = [record("e1", "2023-04-11", ("H. Acep Purnama", "Bupati", KUNINGAN), ("Nina Agustina", "Bupati", INDRAMAYU)),
               record("e2", "2023-05-02", ("Acep Purnama", "Bupati", KUNINGAN), ("Nina Agustina", "Bupati", INDRAMAYU)),
               record("e3", "2023-01-30", ("M. Mansyur", "Wakil Wali Kota", BEKASI), ("Dedy Wahyudi", "Wali Kota", BENGKULU)),
               record("e4", "2023-02-01", ("Muhammad Mansyur", "Wali Kota", BEKASI), ("Dedy Wahyudy", "Wali Kota", BENGKULU))]
    people = resolve_people(records)
    assert len(people.people) == 4
    spellings = sorted(p.spellings for p in people.people)
    assert ["Acep Purnama", "H. Acep Purnama"] in spellings
    assert ["M. Mansyur", "Muhammad Mansyur"] in spellings
    assert ["Dedy Wahyudi", "Dedy Wahyudy"] in spellings
    assert people.id_of("e1", 0) == people.id_of("e2", 0)


def test_similar_names_of_different_people_stay_apart():
    records = [record("e1", "2023-04-11", ("Ahmad Yani", "Bupati", KUNINGAN), ("Ahmad Yani", "Bupati", INDRAMAYU)),
               record("e2", "2023-04-12", ("Erwin", "Wakil Wali Kota", BEKASI), ("Budi Santoso", "Wali Kota", BENGKULU)),
               record("e3", "2023-04-13", ("Erwan", "Wakil Wali Kota", BEKASI), ("Budi Santosa", "Sekretaris Daerah", BENGKULU))]
    by_name = people_by_name(records)
    assert by_name["Ahmad Yani"][0].person_id != by_name["Ahmad Yani"][1].person_id  # same name, two regions
    assert by_name["Erwin"] != by_name["Erwan"]  # one word apart is another name
    assert by_name["Budi Santoso"] != by_name["Budi Santosa"]  # a variant spelling must hold the same office
    assert len(resolve_people(records).people) == 6


def test_one_person_with_two_positions_over_time():
    records = [record("e1", "2019-04-10", ("Tri Adhianto", "Wakil Wali Kota", BEKASI), ("Dedy Wahyudi", "Wakil Wali Kota", BENGKULU)),
               record("e2", "2025-07-24", ("Tri Adhianto", "Wali Kota", BEKASI), ("Dedy Wahyudi", "Wali Kota", BENGKULU))]
    people = resolve_people(records)
    tri = people.id_of("e1", 0)
    assert tri == people.id_of("e2", 0)
    held = [(p.position, p.first_day, p.last_day) for p in people.positions if p.person_id == tri]
    assert held == [("Wakil Wali Kota", date(2019, 4, 10), date(2019, 4, 10)),
                    ("Wali Kota", date(2025, 7, 24), date(2025, 7, 24))]


def test_person_ids_do_not_depend_on_order_nor_change_when_records_are_added():
    first = [record("e1", "2023-04-11", ("Acep Purnama", "Bupati", KUNINGAN), ("Nina Agustina", "Bupati", INDRAMAYU))]
    more = first + [record("e2", "2024-01-01", ("Tri Adhianto", "Wali Kota", BEKASI), ("Dedy Wahyudi", "Wali Kota", BENGKULU)),
                    record("e3", "2024-02-01", ("Acep Purnama", "Bupati", KUNINGAN), ("Tri Adhianto", "Wali Kota", BEKASI))]
    before = {p.name: p.person_id for p in resolve_people(first).people}
    after = {p.name: p.person_id for p in resolve_people(more).people}
    assert {name: after[name] for name in before} == before
    assert {p.name: p.person_id for p in resolve_people(more[::-1]).people} == after


def test_spelling_variant_rules():
    assert spelling_variants(name_key("Tri Adhianto"), name_key("Tri Adhianto Tjahyono"))
    assert spelling_variants(name_key("Edi Rusdi Kamtono"), name_key("Edi Rusdi Kamtomo"))
    assert not spelling_variants(name_key("Tri Adhianto"), name_key("Adhianto Tri"))
    assert not spelling_variants(name_key("M. Yusuf"), name_key("M. Yunus"))  # two letters apart
    assert not spelling_variants(name_key("Suyoto"), name_key("Suyoto Hadi"))  # one word says too little


def test_adding_articles_keeps_the_ids_of_existing_entities(dev_run, tmp_path):
    """A run over part of the dev articles, and the full run: every id of the part is in the full run's tables."""
    held_back = ("c10", "d06", "004_")
    part = tmp_path / "part"
    part.mkdir()
    for path in DEV_ARTICLES.iterdir():
        if not path.name.startswith(held_back):
            shutil.copy(path, part / path.name)
    run(part, tmp_path / "out")
    smaller, full = build_tables(read_events(tmp_path / "out")), build_tables(read_events(dev_run))
    assert len(smaller["events"]) < len(full["events"])
    for table, key in (("events", "event_id"), ("regions", "region_id"), ("people", "person_id")):
        ids = {getattr(row, key) for row in smaller[table]}
        assert ids <= {getattr(row, key) for row in full[table]}, table
    assert {(p.person_id, p.name) for p in smaller["people"]} <= {(p.person_id, p.name) for p in full["people"]}
