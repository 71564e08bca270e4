"""Merging records that report the same event: hand-built `EventRecord`s."""
import random
from typing import Optional, Sequence

import pytest

from pipeline.stages.dedup import dates_agree, merge_records
from pipeline.schema import EventDate, EventRecord, Evidence, Official, Party, Sector, Source

SEMARANG = {"name": "Kota Semarang", "country": "ID", "level": "kota", "code": "33.74"}
BANYUWANGI = {"name": "Kabupaten Banyuwangi", "country": "ID", "level": "kabupaten", "code": "35.10"}
SURABAYA = {"name": "Kota Surabaya", "country": "ID", "level": "kota", "code": "35.78"}
BEKASI = {"name": "Kota Bekasi", "country": "ID", "level": "kota", "code": "32.75"}
IZUMISANO = {"name": "Izumisano", "country": "JP", "level": "foreign_city", "code": "geonames:1861212"}


def record(doc_id: str, day: Optional[str], parties: Sequence[dict] = (SEMARANG, BANYUWANGI),
           roles: Sequence[str] = ("host", "guest"), officials: Sequence[tuple[str, str, str]] = (),
           sectors: Sequence[str] = (), event_type: str = "visit", stated: bool = True) -> EventRecord:
    """`stated`: the day is read from the text (with evidence); otherwise it is the publication day."""
    evidence = [Evidence(doc_id=doc_id, start=0, end=len(day), text=day)] if stated and day else []
    return EventRecord(
        event_id="", type=event_type, date=EventDate(start=day, evidence=evidence),
        parties=[Party(**party, role=role) for party, role in zip(parties, roles)],
        officials=[Official(name=n, position=p, region=r) for n, p, r in officials],
        sectors=[Sector(code=code, phrases=[code]) for code in sectors],
        sources=[Source(doc_id=doc_id, url=f"https://example.id/{doc_id}")])


def doc_ids(rec: EventRecord) -> list[str]:
    return [s.doc_id for s in rec.sources]


def test_same_parties_same_day_from_two_sources_merge():
    merged = merge_records([record("kompas-1", "2025-03-13"), record("antara-7", "2025-03-13")])
    assert len(merged) == 1
    [event] = merged
    assert sorted(doc_ids(event)) == ["antara-7", "kompas-1"]
    assert event.event_id.startswith("ev-") and len(event.event_id) > 3
    assert event.date.start == "2025-03-13"
    assert {p.name for p in event.parties} == {"Kota Semarang", "Kabupaten Banyuwangi"}
    assert len(event.parties) == 2


def test_event_id_does_not_depend_on_input_order_or_on_which_sources():
    a, b = record("kompas-1", "2025-03-13"), record("antara-7", "2025-03-13")
    [forward] = merge_records([a, b])
    [backward] = merge_records([b, a])
    assert forward.event_id == backward.event_id
    [alone] = merge_records([record("detik-3", "2025-03-13")])
    assert alone.event_id == forward.event_id


def test_event_id_differs_for_another_day_or_other_parties():
    base = merge_records([record("a", "2025-03-13")])[0].event_id
    assert merge_records([record("a", "2025-04-13")])[0].event_id != base
    assert merge_records([record("a", "2025-03-13", parties=(SEMARANG, SURABAYA))])[0].event_id != base


def test_same_parties_one_day_apart_merge():
    merged = merge_records([record("a", "2025-03-13"), record("b", "2025-03-14")])
    assert len(merged) == 1
    assert sorted(doc_ids(merged[0])) == ["a", "b"]
    assert merged[0].date.start in {"2025-03-13", "2025-03-14"}


def test_same_parties_three_days_apart_merge_and_four_days_apart_stay_apart():
    # outlets give a visit's first or last day: three days is still one visit
    assert len(merge_records([record("a", "2025-03-13"), record("b", "2025-03-16")])) == 1
    assert len(merge_records([record("a", "2025-03-13"), record("b", "2025-03-17")])) == 2


def test_same_parties_different_months_stay_apart():
    merged = merge_records([record("a", "2025-03-13"), record("b", "2025-05-13")])
    assert len(merged) == 2
    assert sorted(doc_ids(r)[0] for r in merged) == ["a", "b"]
    assert merged[0].event_id != merged[1].event_id


def test_partial_date_merges_with_full_date_and_full_date_is_kept():
    for order in (("--03-13", "2025-03-13"), ("2025-03-13", "--03-13")):
        merged = merge_records([record("a", order[0]), record("b", order[1])])
        assert len(merged) == 1
        assert merged[0].date.start == "2025-03-13"
    ids = {merge_records([record("a", x), record("b", y)])[0].event_id
           for x, y in (("--03-13", "2025-03-13"), ("2025-03-13", "--03-13"))}
    assert len(ids) == 1


def test_different_parties_same_day_stay_apart():
    merged = merge_records([record("a", "2025-03-13"),
                            record("b", "2025-03-13", parties=(SEMARANG, SURABAYA))])
    assert len(merged) == 2
    assert {frozenset(p.name for p in r.parties) for r in merged} == {
        frozenset({"Kota Semarang", "Kabupaten Banyuwangi"}), frozenset({"Kota Semarang", "Kota Surabaya"})}


def test_a_report_naming_one_more_party_is_the_same_event():
    merged = merge_records([record("a", "2025-03-13"),
                            record("b", "2025-03-14", parties=(SEMARANG, BANYUWANGI, SURABAYA),
                                   roles=("host", "guest", "guest"))])
    assert [sorted(doc_ids(r)) for r in merged] == [["a", "b"]]
    assert {p.name for p in merged[0].parties} == {"Kota Semarang", "Kabupaten Banyuwangi", "Kota Surabaya"}


def test_sharing_one_party_is_not_sharing_the_event():
    assert len(merge_records([record("a", "2025-03-13"),
                              record("b", "2025-03-13", parties=(SEMARANG, SURABAYA, BEKASI),
                                     roles=("host", "guest", "guest"))])) == 2


def test_a_pair_among_many_signatories_is_its_own_event():
    # two of six governments at one ceremony: the report tells of their own signing
    others = [{"name": f"Kabupaten {n}", "country": "ID", "level": "kabupaten", "code": f"35.{n}"}
              for n in ("01", "02", "03", "04")]
    roster = record("roster", "2025-03-13", parties=(SEMARANG, BANYUWANGI, *others), roles=("host",) + ("guest",) * 5)
    assert len(merge_records([record("pair", "2025-03-13"), roster])) == 2


def test_a_report_naming_three_of_many_signatories_and_no_other_is_the_same_signing():
    others = [{"name": f"Kabupaten {n}", "country": "ID", "level": "kabupaten", "code": f"35.{n}"}
              for n in ("01", "02", "03", "04", "05", "06")]
    roster = record("roster", "2025-03-13", parties=(SEMARANG, BANYUWANGI, *others), roles=("host",) + ("guest",) * 7)
    three = record("three", "2025-03-13", parties=(SEMARANG, BANYUWANGI, others[0]), roles=("host", "guest", "guest"))
    assert len(merge_records([three, roster])) == 1
    outsider = {"name": "Kota Malang", "country": "ID", "level": "kota", "code": "35.73"}
    with_another = record("other", "2025-03-13", parties=(SEMARANG, BANYUWANGI, others[0], outsider),
                          roles=("host", "guest", "guest", "guest"))
    assert len(merge_records([with_another, roster])) == 2


def test_roles_follow_the_majority():
    merged = merge_records([record("a", "2025-03-13", roles=("host", "guest")),
                            record("b", "2025-03-13", roles=("guest", "host")),
                            record("c", "2025-03-13", roles=("host", "guest"))])
    [event] = merged
    assert {p.name: p.role for p in event.parties} == {"Kota Semarang": "host", "Kabupaten Banyuwangi": "guest"}


def test_known_role_beats_partner():
    merged = merge_records([record("a", "2025-03-13", roles=("partner", "partner")),
                            record("b", "2025-03-13", roles=("host", "guest")),
                            record("c", "2025-03-13", roles=("partner", "partner"))])
    assert {p.name: p.role for p in merged[0].parties} == {"Kota Semarang": "host", "Kabupaten Banyuwangi": "guest"}


def test_all_partner_stays_partner():
    merged = merge_records([record("a", "2025-03-13", roles=("partner", "partner"), event_type="meeting"),
                            record("b", "2025-03-13", roles=("partner", "partner"), event_type="meeting")])
    assert {p.role for p in merged[0].parties} == {"partner"}
    assert merged[0].type == "meeting"


def test_type_majority_and_agreement_wins_a_tie():
    merged = merge_records([record("a", "2025-03-13", event_type="visit"),
                            record("b", "2025-03-13", event_type="agreement")])
    assert merged[0].type == "agreement"
    merged = merge_records([record("a", "2025-03-13", event_type="visit"),
                            record("b", "2025-03-13", event_type="agreement"),
                            record("c", "2025-03-13", event_type="visit")])
    assert merged[0].type == "visit"


def test_officials_with_spelling_variants_merge_into_one():
    merged = merge_records([
        record("a", "2025-03-13", officials=[("Gani Muhamad", "Wali Kota", "Kota Semarang"),
                                             ("Ipuk Fiestiandani", "Bupati", "Kabupaten Banyuwangi")]),
        record("b", "2025-03-13", officials=[("Gani Muhammad", "Wali Kota", "Kota Semarang")])])
    officials = merged[0].officials
    assert len(officials) == 2
    gani = [o for o in officials if o.name.startswith("Gani")]
    assert len(gani) == 1
    assert gani[0].name in {"Gani Muhamad", "Gani Muhammad"}
    assert gani[0].position == "Wali Kota"


def test_different_officials_stay_apart():
    merged = merge_records([
        record("a", "2025-03-13", officials=[("Gani Muhamad", "Wali Kota", "Kota Semarang")]),
        record("b", "2025-03-13", officials=[("Tri Adhianto", "Wali Kota", "Kota Bekasi")])])
    assert sorted(o.name for o in merged[0].officials) == ["Gani Muhamad", "Tri Adhianto"]


def test_sectors_are_unioned_once_each():
    merged = merge_records([record("a", "2025-03-13", sectors=["tourism", "culture"]),
                            record("b", "2025-03-13", sectors=["culture", "education"])])
    codes = [s.code for s in merged[0].sectors]
    assert sorted(codes) == ["culture", "education", "tourism"]
    assert len(codes) == len(set(codes))


def test_records_without_date_merge_with_stable_id():
    [forward] = merge_records([record("a", None), record("b", None)])
    [backward] = merge_records([record("b", None), record("a", None)])
    assert sorted(doc_ids(forward)) == ["a", "b"]
    assert forward.event_id == backward.event_id
    assert forward.date.start is None


@pytest.mark.parametrize("a, b, expected", [
    ("2025-03-13", "2025-03-13", True),
    ("2025-03-13", "2025-03-14", True),
    ("2025-03-14", "2025-03-13", True),
    ("2025-03-13", "2025-03-16", True),
    ("2025-03-13", "2025-03-17", False),
    ("2025-03-13", "2025-04-13", False),
    ("2024-03-13", "2025-03-13", False),
    ("2024-12-31", "2025-01-01", True),
    ("2024-02-29", "2024-03-01", True),
    ("--03-13", "2025-03-13", True),
    ("2025-03-13", "--03-14", True),
    ("--03-13", "2025-03-16", True),
    ("--03-13", "2025-03-17", False),
    ("--03-13", "--03-13", True),
    ("--03-13", "--03-14", True),
    ("--03-13", "--04-13", False),
    ("--02-26", "2024-03-01", False),  # 2024 is a leap year: four days apart
    ("--02-26", "2025-03-01", True),
    (None, "2025-03-13", True),
    ("--03-13", None, True),
    (None, None, True),
])
def test_dates_agree(a, b, expected):
    assert dates_agree(a, b) is expected


def corpus() -> list[EventRecord]:
    return [
        record("kompas-1", "2025-03-13"),
        record("antara-7", "2025-03-13", roles=("host", "guest"), sectors=["tourism"]),
        record("detik-2", "--03-13"),
        record("tribun-4", "2025-05-20"),
        record("jpnn-5", "2025-03-13", parties=(SEMARANG, SURABAYA), event_type="agreement"),
        record("radar-6", "2025-03-13", parties=(SEMARANG, SURABAYA), event_type="agreement"),
        record("bekasi-1", "2025-07-24", parties=(BEKASI, IZUMISANO)),
        record("bekasi-2", "2025-07-24", parties=(IZUMISANO, BEKASI), roles=("guest", "host")),
        record("solo-9", None, parties=(SURABAYA, BANYUWANGI), roles=("partner", "partner")),
    ]


def test_corpus_groups():
    merged = merge_records(corpus())
    assert sorted(sorted(doc_ids(r)) for r in merged) == sorted([
        ["antara-7", "detik-2", "kompas-1"], ["tribun-4"], ["jpnn-5", "radar-6"],
        ["bekasi-1", "bekasi-2"], ["solo-9"]])
    assert len({r.event_id for r in merged}) == len(merged)


def test_merging_is_order_independent():
    expected = {r.event_id: sorted(doc_ids(r)) for r in merge_records(corpus())}
    rng = random.Random(20250313)
    for _ in range(20):
        shuffled = corpus()
        rng.shuffle(shuffled)
        got = {r.event_id: sorted(doc_ids(r)) for r in merge_records(shuffled)}
        assert got == expected


def test_one_day_disagreement_gives_the_same_id_and_day_in_any_order():
    a, b = record("a", "2025-03-13"), record("b", "2025-03-14")
    forward, backward = merge_records([a, b]), merge_records([b, a])
    assert [(r.event_id, r.date.start) for r in forward] == [(r.event_id, r.date.start) for r in backward]
    assert forward[0].date.start == "2025-03-13"


def test_merged_record_has_at_most_one_host():
    a = record("a", "2025-02-12", roles=("host", "guest"))
    b = record("b", "2025-02-11", roles=("host", "host"))
    merged = merge_records([a, b])
    assert len(merged) == 1
    assert [p.role for p in merged[0].parties].count("host") == 1
    assert {p.name: p.role for p in merged[0].parties} == {"Kota Semarang": "host", "Kabupaten Banyuwangi": "guest"}


def test_a_chain_of_days_three_apart_is_one_event_in_any_order():
    # the 13th and the 19th are six days apart, joined through the 16th
    days = ["2025-03-13", "2025-03-16", "2025-03-19"]
    for order in (days, days[::-1], [days[2], days[0], days[1]]):
        merged = merge_records([record(f"doc-{day}", day) for day in order])
        assert [sorted(doc_ids(r)) for r in merged] == [["doc-2025-03-13", "doc-2025-03-16", "doc-2025-03-19"]]
    apart = merge_records([record("a", "2025-03-13"), record("b", "2025-03-17"), record("c", "2025-03-21")])
    assert [doc_ids(r) for r in apart] == [["a"], ["b"], ["c"]]


def test_an_undated_record_joins_every_dated_one_of_its_parties():
    merged = merge_records([record("march", "2025-03-13"), record("may", "2025-05-20"), record("undated", None),
                            record("other-parties", "2025-03-13", parties=(SEMARANG, SURABAYA))])
    assert [sorted(doc_ids(r)) for r in merged] == [["march", "may", "undated"], ["other-parties"]]


def test_a_date_without_year_joins_full_dates_of_different_years():
    merged = merge_records([record("2024", "2024-03-15"), record("2025", "2025-03-13"), record("no-year", "--03-14"),
                            record("later", "2025-03-19")])
    assert [sorted(doc_ids(r)) for r in merged] == [["2024", "2025", "no-year"], ["later"]]


def test_one_region_spelled_two_ways_is_one_party():
    short = record("short", "2025-03-13", parties=({**SEMARANG, "name": "Semarang"}, BANYUWANGI))
    longer = record("longer", "2025-03-14", parties=(SEMARANG, {**BANYUWANGI, "name": "Kab. Banyuwangi"}))
    assert [sorted(doc_ids(r)) for r in merge_records([short, longer])] == [["longer", "short"]]


def test_a_publication_day_joins_the_stated_day_of_the_week_before_it():
    stated = record("stated", "2026-01-29")
    reported = record("reported", "2026-02-03", stated=False)
    for order in ([stated, reported], [reported, stated]):
        merged = merge_records(order)
        assert [sorted(doc_ids(r)) for r in merged] == [["reported", "stated"]]
        assert merged[0].date.start == "2026-01-29"  # the day the text states wins


def test_a_publication_day_does_not_join_a_later_event_nor_one_weeks_before():
    reported = record("reported", "2026-02-03", stated=False)
    assert len(merge_records([reported, record("later", "2026-02-08")])) == 2
    assert len(merge_records([reported, record("earlier", "2026-01-20")])) == 2


WALI_KOTA = ("Agustina Wilujeng", "Wali Kota", "Kota Semarang")
BUPATI = ("Ipuk Fiestiandani", "Bupati", "Kabupaten Banyuwangi")


def test_a_later_day_of_a_visit_joins_when_an_official_and_the_host_are_shared():
    first = record("first", "2025-03-13", officials=(WALI_KOTA, BUPATI))
    later = record("later", "2025-03-18", officials=(("Ipuk Fiestiandani", "Bupati", "Kabupaten Banyuwangi"),))
    week = record("week", "2025-03-20", officials=(BUPATI,))
    for order in ([first, later, week], [week, later, first]):
        assert [sorted(doc_ids(r)) for r in merge_records(order)] == [["first", "later", "week"]]


def test_days_apart_stay_apart_without_a_shared_official_or_beyond_a_week_or_with_another_host():
    first = record("first", "2025-03-13", officials=(WALI_KOTA,))
    assert len(merge_records([first, record("other", "2025-03-18", officials=(BUPATI,))])) == 2
    assert len(merge_records([first, record("unnamed", "2025-03-18")])) == 2
    assert len(merge_records([first, record("weeks", "2025-03-21", officials=(WALI_KOTA,))])) == 2
    # the return visit: Banyuwangi hosts Semarang's mayor five days later
    back = record("back", "2025-03-18", roles=("guest", "host"), officials=(WALI_KOTA,))
    assert len(merge_records([first, back])) == 2


def test_a_year_typo_joins_the_same_day_a_year_apart_when_an_official_is_shared():
    right = [record(f"right-{n}", "2025-04-22", officials=(WALI_KOTA,)) for n in range(2)]
    typo = record("typo", "2024-04-22", officials=(WALI_KOTA, BUPATI))
    for order in (right + [typo], [typo] + right):
        [merged] = merge_records(order)
        assert sorted(doc_ids(merged)) == ["right-0", "right-1", "typo"]
        assert merged.date.start == "2025-04-22"  # the day most sources state
    assert len(merge_records([typo, record("unnamed", "2025-04-22")])) == 2
    assert len(merge_records([typo, record("two-years", "2026-04-22", officials=(WALI_KOTA,))])) == 2
    leap = record("leap", "2024-02-29", officials=(WALI_KOTA,))
    assert len(merge_records([leap, record("march", "2025-03-01", officials=(WALI_KOTA,))])) == 2


def test_a_report_of_the_host_and_one_guest_joins_the_gathering_with_the_same_host_and_an_official():
    others = [{"name": f"Kabupaten {n}", "country": "ID", "level": "kabupaten", "code": f"35.{n}"}
              for n in ("01", "02", "03")]
    mayor = [("Agustina Wilujeng", "Wali Kota", "Kota Semarang")]
    gathering = record("roster", "2025-03-13", parties=(SEMARANG, BANYUWANGI, *others),
                       roles=("host",) + ("guest",) * 4, officials=mayor, event_type="meeting")
    pair = record("pair", "2025-03-13", officials=mayor)
    assert len(merge_records([pair, gathering])) == 1
    assert len(merge_records([record("pair", "2025-03-13"), gathering])) == 2  # no official in common
    signing = gathering.model_copy(update={"type": "agreement"})
    assert len(merge_records([record("pair", "2025-03-13", officials=mayor, event_type="agreement"), signing])) == 2


def test_an_official_named_by_surname_in_one_outlet_is_the_same_person():
    full = record("a", "2025-03-13", parties=(SEMARANG, IZUMISANO),
                  officials=[("Daiki Honda", "Kepala Divisi", "Izumisano")])
    short = record("b", "2025-03-13", parties=(SEMARANG, IZUMISANO), officials=[("Honda", "Wali Kota", "Izumisano")])
    other_party = record("c", "2025-03-13", parties=(SEMARANG, IZUMISANO), officials=[("Honda", "Camat", "Kota Semarang")])
    [event] = merge_records([full, short, other_party])
    assert sorted((o.name, o.region) for o in event.officials) == [("Daiki Honda", "Izumisano"),
                                                                   ("Honda", "Kota Semarang")]


def test_an_official_whose_middle_name_one_outlet_writes_by_its_initial_is_the_same_person():
    initial = record("a", "2025-05-14", parties=(SEMARANG, IZUMISANO),
                     officials=[("Simon P. Tefa", "Bupati", "Kota Semarang")])
    full = record("b", "2025-05-14", parties=(SEMARANG, IZUMISANO),
                  officials=[("Simon Petrus Tefa", "Bupati", "Kota Semarang")])
    other = record("c", "2025-05-14", parties=(SEMARANG, IZUMISANO),
                   officials=[("Simon Paulus Tefa", "Bupati", "Izumisano")])
    [event] = merge_records([initial, full, other])
    assert sorted((o.name, o.region) for o in event.officials) == [("Simon Paulus Tefa", "Izumisano"),
                                                                   ("Simon Petrus Tefa", "Kota Semarang")]
