"""The one schema: every stage passes these models, and the JSON Schema is generated from them.

Field names and meanings of `EventRecord` follow ../shared/spec/output-contract.md; the
`evidence` lists are ours, so that every value can be checked against its source text.
"""
from __future__ import annotations

from datetime import date
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

EventType = Literal["visit", "agreement", "meeting"]
Role = Literal["host", "guest", "partner"]
FileStatus = Literal["ok", "no_event", "skipped", "error"]


class Evidence(BaseModel):
    """Where a value came from: offsets are into the article's cleaned text (`Article.text`)."""

    model_config = ConfigDict(frozen=True)

    doc_id: str
    start: int
    end: int
    text: str


class Article(BaseModel):
    """One input document after ingest and cleaning."""

    doc_id: str = Field(description="File name without its extensions.")
    path: str = ""
    text: str
    url: Optional[str] = None
    published: Optional[date] = None
    title: Optional[str] = None


class Party(BaseModel):
    name: str = Field(description="Kemendagri name with level (`Kota Bekasi`) or GeoNames name (`Izumisano`).")
    country: str = Field(description="ISO 3166 alpha-2 code; `ID` for Indonesian regions.")
    role: Role
    level: Optional[Literal["provinsi", "kabupaten", "kota", "foreign_city", "country"]] = None
    code: Optional[str] = Field(None, description="Kemendagri code (`32.75`) or `geonames:<id>`.")
    evidence: list[Evidence] = Field(default_factory=list)


class Official(BaseModel):
    name: str = Field(description="Person's name without honorifics or degrees.")
    position: str = Field(description="Position in full words, e.g. `Penjabat Wali Kota`.")
    region: Optional[str] = Field(None, description="Name of the party the person belongs to.")
    evidence: list[Evidence] = Field(default_factory=list)


class Sector(BaseModel):
    code: str = Field(description="A code of sectors.json.")
    phrases: list[str] = Field(default_factory=list, description="The phrases that gave this code.")
    evidence: list[Evidence] = Field(default_factory=list)


class EventDate(BaseModel):
    start: Optional[str] = Field(None, description="`YYYY-MM-DD`, `--MM-DD` when the year is unknown, or null.")
    end: Optional[str] = Field(None, description="Last day, when the event itself spans several days.")
    span_start: Optional[str] = Field(None, description="First day of a multi-day visit that holds the event day.")
    span_end: Optional[str] = Field(None, description="Last day of that visit.")
    evidence: list[Evidence] = Field(default_factory=list)


class Source(BaseModel):
    doc_id: str
    url: Optional[str] = None
    published: Optional[date] = None
    title: Optional[str] = None


class EventRecord(BaseModel):
    """One inter-government event, possibly reported by several sources."""

    event_id: str = Field(description="Stable id: the same on every run over the same input.")
    type: EventType
    date: EventDate
    parties: list[Party]
    officials: list[Official] = Field(default_factory=list)
    sectors: list[Sector] = Field(default_factory=list)
    sources: list[Source]
    evidence: list[Evidence] = Field(default_factory=list, description="The sentences that gave the event type.")


class FileReport(BaseModel):
    """What happened to one input file."""

    path: str
    doc_id: Optional[str] = None
    status: FileStatus
    reason: str = ""
    content_hash: Optional[str] = Field(None, description="SHA-256 of the file's bytes, when they could be read.")
