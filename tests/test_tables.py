"""The export's tables: they join back to exactly the records of events.jsonl, in every format."""
from __future__ import annotations

import csv
import subprocess
import sys
from collections import Counter
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from pipeline.dataset.tables import SCHEMA_DOCS, TABLE_ROWS, build_tables, export_tables, read_events, schema_markdown

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def database(dev_run: Path) -> duckdb.DuckDBPyConnection:
    (path,) = export_tables(dev_run, "duckdb")
    connection = duckdb.connect(str(path), read_only=True)
    yield connection
    connection.close()


def per_event(connection, sql: str) -> Counter:
    return Counter({event_id: n for event_id, n in connection.execute(sql).fetchall()})


def test_tables_join_back_to_exactly_the_records(database, dev_run):
    records = read_events(dev_run)
    assert records, "the dev run must find events"
    events = [row[0] for row in database.execute("SELECT event_id FROM events ORDER BY event_id").fetchall()]
    assert events == sorted(r.event_id for r in records)
    for table in ("parties", "officials", "sectors", "sources"):
        orphans = database.execute(f"SELECT count(*) FROM {table} LEFT JOIN events USING (event_id) "
                               "WHERE events.event_id IS NULL").fetchone()[0]
        assert orphans == 0, table
    assert per_event(database, "SELECT event_id, count(*) FROM parties GROUP BY ALL") == \
        Counter({r.event_id: len(r.parties) for r in records})
    assert per_event(database, "SELECT event_id, count(*) FROM officials GROUP BY ALL") == \
        Counter({r.event_id: len(r.officials) for r in records if r.officials})
    assert per_event(database, "SELECT event_id, count(*) FROM sources GROUP BY ALL") == \
        Counter({r.event_id: len(r.sources) for r in records})
    assert per_event(database, "SELECT event_id, count(DISTINCT code) FROM sectors GROUP BY ALL") == \
        Counter({r.event_id: len(r.sectors) for r in records if r.sectors})
    assert set(database.execute("SELECT event_id, doc_id FROM sources").fetchall()) == \
        {(r.event_id, s.doc_id) for r in records for s in r.sources}


def test_every_party_and_official_resolves_to_an_entity(database):
    assert database.execute("SELECT count(*) FROM parties LEFT JOIN regions USING (region_id) "
                        "WHERE regions.name IS NULL").fetchone()[0] == 0
    assert database.execute("SELECT count(*) FROM officials LEFT JOIN people USING (person_id) "
                        "WHERE people.name IS NULL").fetchone()[0] == 0
    assert database.execute("SELECT count(*) FROM positions LEFT JOIN people USING (person_id) "
                        "WHERE people.name IS NULL").fetchone()[0] == 0
    assert database.execute("SELECT count(*) FROM regions").fetchone()[0] == \
        database.execute("SELECT count(DISTINCT region_id) FROM parties").fetchone()[0]


def test_regions_carry_codes_provinces_and_coordinates(database):
    rows = {r[0]: r[1:] for r in database.execute("SELECT region_id, level, province, lat, lon FROM regions").fetchall()}
    level, province, lat, lon = rows["32.75"]
    assert (level, province) == ("kota", "Provinsi Jawa Barat")
    assert -6.5 < lat < -6.0 and 106.8 < lon < 107.2  # Bekasi, east of Jakarta
    _, province, lat, lon = rows["geonames:2110735"]  # Tōno, Iwate
    assert province is None and 38 < lat < 40 and 141 < lon < 142


def test_same_person_in_several_events_has_one_id_and_different_people_stay_apart(database):
    def ids(*names: str) -> set[str]:
        marks = ", ".join("?" for _ in names)
        return {row[0] for row in database.execute(f"SELECT person_id FROM officials WHERE name IN ({marks})", names).fetchall()}

    assert len(ids("M. Mansyur", "M Mansyur")) == 1  # two articles, two spellings
    assert database.execute("SELECT count(DISTINCT event_id) FROM officials WHERE person_id IN (SELECT person_id "
                            "FROM officials WHERE name = 'Edi Rusdi Kamtono')").fetchone()[0] == 2
    assert len(ids("Fahmi Muhammad Hanif", "Dyah Hayuning Pratiwi")) == 2  # two Bupati of Purbalingga
    held = database.execute("SELECT position FROM positions JOIN people USING (person_id) "
                        "WHERE people.name = 'Tri Adhianto' ORDER BY position").fetchall()
    assert held == [("Wakil Wali Kota",), ("Wali Kota",)]


def test_csv_and_parquet_hold_the_same_rows_as_the_tables(dev_run):
    tables = build_tables(read_events(dev_run))
    csv_paths = export_tables(dev_run, "csv")
    parquet_paths = export_tables(dev_run, "parquet")
    assert [p.stem for p in csv_paths] == [p.stem for p in parquet_paths] == list(TABLE_ROWS)
    for csv_path, parquet_path in zip(csv_paths, parquet_paths):
        with csv_path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            assert next(reader) == list(TABLE_ROWS[csv_path.stem].model_fields)
            assert sum(1 for _ in reader) == len(tables[csv_path.stem])
        table = pq.read_table(parquet_path)
        assert table.num_rows == len(tables[parquet_path.stem])
        assert table.column_names == list(TABLE_ROWS[parquet_path.stem].model_fields)
    assert str(pq.read_table(dev_run / "tables" / "events.parquet").schema.field("day").type) == "date32[day]"


def test_tables_do_not_depend_on_record_order(dev_run):
    records = read_events(dev_run)
    forward, backward = build_tables(records), build_tables(records[::-1])
    for name in ("regions", "people", "positions"):
        assert forward[name] == backward[name], name
    assert sorted(map(repr, forward["officials"])) == sorted(map(repr, backward["officials"]))


def test_export_of_a_folder_without_events_is_a_clear_error(tmp_path):
    result = subprocess.run([sys.executable, "cli.py", "export", str(tmp_path), "--format", "duckdb"], cwd=REPO,
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert f"no events.jsonl in {tmp_path}" in result.stderr


def test_export_names_the_formats_it_knows(tmp_path):
    result = subprocess.run([sys.executable, "cli.py", "export", str(tmp_path), "--format", "xlsx"], cwd=REPO,
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "csv, parquet, duckdb" in result.stderr


def test_schema_docs_are_up_to_date_with_the_models():
    assert SCHEMA_DOCS.read_text("utf-8") == schema_markdown(), "run `python cli.py schema-docs` and commit docs/schema.md"
