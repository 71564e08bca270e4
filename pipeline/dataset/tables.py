"""Tables: the records of events.jsonl as relational tables for CSV, Parquet and DuckDB.

Every table's row is a pydantic model, so that its columns, their types in Arrow and their
documentation (docs/schema.md) all come from one definition. `events` has one row per record;
`parties`, `officials`, `sectors` and `sources` have one row per value of a record and join to
it by `event_id`; `regions`, `people` and `positions` are the entities of entities.py.
"""
from __future__ import annotations

import json
import types
import typing
import datetime
from pathlib import Path
from typing import Literal, Optional, get_args

import pyarrow as pa
from pydantic import BaseModel, Field

from .entities import PersonRow, PositionRow, RegionRow, event_day, region_id, resolve_people, resolve_regions
from ..files import EVENTS_FILE, write_atomic, write_csv, write_duckdb, write_parquet
from ..knowledge import load_data
from ..schema import EventRecord

TableFormat = Literal["csv", "parquet", "duckdb"]
TABLE_FORMATS: tuple[str, ...] = get_args(TableFormat)
TABLES_DIR = "tables"
DUCKDB_FILE = "kerjasama.duckdb"
SCHEMA_DOCS = Path(__file__).resolve().parents[2] / "docs" / "schema.md"


class EventRow(BaseModel):
    event_id: str = Field(description="Stable id of the record in events.jsonl.")
    type: str = Field(description="`visit`, `agreement` or `meeting`.")
    date: Optional[str] = Field(description="Event day as the record has it: `YYYY-MM-DD`, `--MM-DD` when the year is unknown, or null.")
    date_end: Optional[str] = Field(description="Last day, when the event itself spans several days.")
    span_start: Optional[str] = Field(description="First day of a multi-day visit that holds the event day.")
    span_end: Optional[str] = Field(description="Last day of that visit.")
    day: Optional[datetime.date] = Field(description="The day the event is placed at in time: `date` when its year is known, else its earliest publication; null when neither is known.")
    label: str = Field(description="The parties' names, hosts first: `Kota Bekasi – Izumisano`.")


class PartyRow(BaseModel):
    event_id: str = Field(description="`events.event_id`.")
    region_id: str = Field(description="`regions.region_id`.")
    name: str = Field(description="Name of the region.")
    role: str = Field(description="`host`, `guest` or `partner`.")


class OfficialRow(BaseModel):
    event_id: str = Field(description="`events.event_id`.")
    person_id: str = Field(description="`people.person_id`.")
    name: str = Field(description="The name as this record spells it, without honorifics or degrees.")
    position: str = Field(description="Position in full words, e.g. `Penjabat Wali Kota`.")
    region_id: Optional[str] = Field(description="`regions.region_id` of the party the official belongs to.")


class SectorRow(BaseModel):
    event_id: str = Field(description="`events.event_id`.")
    code: str = Field(description="A sector code of sectors.json.")
    label: str = Field(description="The sector's English label.")
    phrase: Optional[str] = Field(description="A phrase of the articles that gave the code; one row per phrase.")


class SourceRow(BaseModel):
    event_id: str = Field(description="`events.event_id`.")
    doc_id: str = Field(description="The article: its file name without extensions.")
    url: Optional[str] = Field(description="The article's address, where known.")
    published: Optional[datetime.date] = Field(description="The article's publication day, where known.")
    title: Optional[str] = Field(description="The article's title, where known.")


TABLE_ROWS: dict[str, type[BaseModel]] = {
    "events": EventRow, "parties": PartyRow, "officials": OfficialRow, "sectors": SectorRow,
    "sources": SourceRow, "regions": RegionRow, "people": PersonRow, "positions": PositionRow,
}
TABLE_DESCRIPTIONS = {
    "events": "One row per record of events.jsonl.",
    "parties": "One row per event and region taking part (event × region × role).",
    "officials": "One row per event and official (event × person × position).",
    "sectors": "One row per event, sector and phrase (event × code × phrase).",
    "sources": "One row per event and article reporting it (event × article).",
    "regions": "One row per region taking part in any event.",
    "people": "One row per person across the corpus, spellings merged.",
    "positions": "One row per person and position held, with the days it was seen.",
}
ROLE_ORDER = {"host": 0, "partner": 1, "guest": 2}


def read_events(out_dir: Path) -> list[EventRecord]:
    """The records of a run's output folder."""
    path = Path(out_dir) / EVENTS_FILE
    if not path.is_file():
        raise FileNotFoundError(f"no {EVENTS_FILE} in {out_dir}: run `python cli.py run INPUT_DIR --out {out_dir}` first")
    with path.open(encoding="utf-8") as lines:
        return [EventRecord.model_validate_json(line) for line in lines if line.strip()]


def event_label(record: EventRecord) -> str:
    return " – ".join(p.name for p in sorted(record.parties, key=lambda p: ROLE_ORDER[p.role]))


def sector_labels() -> dict[str, str]:
    return {topic["code"]: topic["en"] for topic in load_data("sectors")["topics"]}


def build_tables(records: list[EventRecord]) -> dict[str, list[BaseModel]]:
    """Every table of TABLE_ROWS, rows in record order (entity tables in id order)."""
    people = resolve_people(records)
    labels = sector_labels()
    tables: dict[str, list[BaseModel]] = {name: [] for name in TABLE_ROWS}
    for record in records:
        regions = {p.name: region_id(p) for p in record.parties}
        tables["events"].append(EventRow(event_id=record.event_id, type=record.type, date=record.date.start,
                                         date_end=record.date.end, span_start=record.date.span_start,
                                         span_end=record.date.span_end, day=event_day(record),
                                         label=event_label(record)))
        tables["parties"] += [PartyRow(event_id=record.event_id, region_id=region_id(p), name=p.name, role=p.role)
                              for p in record.parties]
        tables["officials"] += [OfficialRow(event_id=record.event_id, person_id=people.id_of(record.event_id, i),
                                            name=o.name, position=o.position, region_id=regions.get(o.region))
                                for i, o in enumerate(record.officials)]
        tables["sectors"] += [SectorRow(event_id=record.event_id, code=s.code, label=labels.get(s.code, s.code),
                                        phrase=phrase)
                              for s in record.sectors for phrase in (s.phrases or [None])]
        tables["sources"] += [SourceRow(event_id=record.event_id, doc_id=s.doc_id, url=s.url, published=s.published,
                                        title=s.title)
                              for s in record.sources]
    tables["regions"] = resolve_regions(records)
    tables["people"] = people.people
    tables["positions"] = people.positions
    return tables


def _arrow_type(annotation) -> pa.DataType:
    """The Arrow type of a row field: Optional is nullable, list[str] a list column."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        (inner,) = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _arrow_type(inner)
    if typing.get_origin(annotation) is list:
        return pa.list_(_arrow_type(typing.get_args(annotation)[0]))
    return {str: pa.string(), int: pa.int64(), float: pa.float64(), datetime.date: pa.date32()}[annotation]


def arrow_schema(model: type[BaseModel]) -> pa.Schema:
    return pa.schema([pa.field(name, _arrow_type(field.annotation), metadata={"description": field.description})
                      for name, field in model.model_fields.items()])


def arrow_table(model: type[BaseModel], rows: list[BaseModel]) -> pa.Table:
    schema = arrow_schema(model)
    return pa.Table.from_pylist([row.model_dump() for row in rows], schema=schema)


def _type_name(arrow_type: pa.DataType) -> str:
    """The column type as DuckDB names it."""
    if pa.types.is_list(arrow_type):
        return f"{_type_name(arrow_type.value_type)}[]"
    return {pa.string(): "VARCHAR", pa.int64(): "BIGINT", pa.float64(): "DOUBLE", pa.date32(): "DATE"}[arrow_type]


def _nullable(annotation) -> str:
    return ", null allowed" if type(None) in typing.get_args(annotation) else ""


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def export_tables(out_dir: Path, table_format: TableFormat) -> list[Path]:
    """The tables of `out_dir`'s events.jsonl written as CSV or Parquet files under `out_dir/tables`, or as one
    DuckDB file `out_dir/kerjasama.duckdb`; the paths written."""
    out_dir = Path(out_dir)
    tables = build_tables(read_events(out_dir))
    if table_format == "duckdb":
        path = out_dir / DUCKDB_FILE
        write_duckdb(path, {name: arrow_table(TABLE_ROWS[name], rows) for name, rows in tables.items()},
                     {name: TABLE_DESCRIPTIONS[name] for name in tables})
        return [path]
    paths = []
    for name, rows in tables.items():
        path = out_dir / TABLES_DIR / f"{name}.{table_format}"
        if table_format == "csv":
            columns = list(TABLE_ROWS[name].model_fields)
            write_csv(path, columns, ([_csv_cell(getattr(row, c)) for c in columns] for row in rows))
        else:
            write_parquet(path, arrow_table(TABLE_ROWS[name], rows))
        paths.append(path)
    return paths


def schema_markdown() -> str:
    """docs/schema.md: the JSON Schema of a record and the columns of every table, from the models."""
    lines = ["# Schema", "", "Generated by `python cli.py schema-docs` from `pipeline/schema.py`, "
             "`pipeline/dataset/tables.py` and `pipeline/dataset/entities.py`; do not edit by hand.", "",
             "## Records (`events.jsonl`)", "", "Each line of `events.jsonl` is one `EventRecord`:", "",
             "```json", json.dumps(EventRecord.model_json_schema(), indent=2, ensure_ascii=False), "```", "",
             "## Tables (`python cli.py export OUT_DIR --format csv|parquet|duckdb`)", "",
             "In CSV a list is written as a JSON array and a null as an empty cell.", ""]
    for name, model in TABLE_ROWS.items():
        lines += [f"### `{name}`", "", TABLE_DESCRIPTIONS[name], "", "| column | type | description |", "|---|---|---|"]
        for column, field in model.model_fields.items():
            lines.append(f"| `{column}` | {_type_name(_arrow_type(field.annotation))}{_nullable(field.annotation)} "
                         f"| {field.description} |")
        lines.append("")
    return "\n".join(lines)


def write_schema_docs(path: Path = SCHEMA_DOCS) -> Path:
    write_atomic(path, [schema_markdown()])
    return path
