"""Synthetic corpus: deterministic, the promised mix, and the pipeline finds and merges what it was written from."""
import json
from collections import Counter
from datetime import date

import pytest

from pipeline import process_folder
from pipeline.stages.ingest import read_file
from pipeline.evaluation.synthetic import format_day, generate_corpus, truth_records, write_corpus


def test_same_seed_same_corpus_other_seed_other_corpus():
    first, again, other = generate_corpus(40, seed=5), generate_corpus(40, seed=5), generate_corpus(40, seed=6)
    assert [a.text for a in first] == [a.text for a in again]
    assert [a.text for a in first] != [a.text for a in other]


def test_the_mix():
    articles = generate_corpus(1000, seed=2)
    kinds = Counter(a.kind for a in articles)
    assert kinds["ordinary"] == 800 and kinds["event"] + kinds["planned"] == 200 and kinds["planned"] >= 5
    outlets_per_event = Counter(a.event for a in articles if a.kind == "event")
    assert {1, 2, 3, 4} <= set(outlets_per_event.values())
    assert {a.type for a in articles if a.kind == "event"} == {"visit", "agreement", "meeting"}
    assert any(g.level == "foreign_city" for a in articles for g, _ in a.parties)
    days_by_pair: dict[frozenset, set] = {}
    for a in articles:
        if a.kind == "event":
            days_by_pair.setdefault(frozenset(g.code for g, _ in a.parties), set()).add(a.day)
    assert any(len(days) > 1 for days in days_by_pair.values())  # near-misses: same parties, another day
    assert len(days_by_pair) > 50
    assert {a.kind for a in generate_corpus(50, seed=2, only_cooperation=True)} == {"event", "planned"}


def test_days_are_written_as_indonesian_news_write_them():
    day = date(2025, 7, 24)
    assert [format_day(day, style) for style in ("paren", "paren_short", "long", "plain")] == [
        "Kamis (24/7/2025)", "Kamis (24/7)", "Kamis, 24 Juli 2025", "24 Juli 2025"]


def test_files_come_with_sidecars_the_reader_takes(tmp_path):
    articles = generate_corpus(5, seed=1)
    write_corpus(articles, tmp_path)
    read, report = read_file(tmp_path / f"{articles[0].doc_id}.txt")
    assert report.status == "ok"
    assert read[0].url == articles[0].url and read[0].published == articles[0].published
    assert json.loads((tmp_path / f"{articles[0].doc_id}.meta.json").read_text("utf-8"))["title"] == articles[0].title


def test_truth_records_are_one_per_event_article():
    articles = generate_corpus(100, seed=3, only_cooperation=True)
    records = truth_records(articles)
    assert [r.sources[0].doc_id for r in records] == [a.doc_id for a in articles if a.kind == "event"]
    assert all(len(r.parties) == 2 and all(p.code for p in r.parties) for r in records)


@pytest.fixture(scope="module")
def pipeline_on_synthetic(tmp_path_factory):
    articles = generate_corpus(60, seed=0)
    folder = tmp_path_factory.mktemp("synthetic")
    write_corpus(articles, folder)
    return articles, process_folder(folder)


def test_pipeline_finds_each_event_once_with_all_its_outlets(pipeline_on_synthetic):
    articles, result = pipeline_on_synthetic
    events: dict[str, set] = {}
    for a in articles:
        if a.kind == "event":
            events.setdefault(a.event, set()).add(a.doc_id)
    assert len(events) >= 4 and any(len(ids) > 1 for ids in events.values())
    assert sorted(sorted(s.doc_id for s in r.sources) for r in result.records) == sorted(map(sorted, events.values()))


def test_pipeline_gets_parties_type_and_day_right(pipeline_on_synthetic):
    articles, result = pipeline_on_synthetic
    by_id = {a.doc_id: a for a in articles}
    for record in result.records:
        truth = by_id[record.sources[0].doc_id]
        assert record.type == truth.type
        assert record.date.start == truth.day.isoformat()
        expected = {g.name: role for g, role in truth.parties}
        assert {p.name for p in record.parties} == set(expected)
        if truth.type == "visit":
            assert {p.name: p.role for p in record.parties} == expected
