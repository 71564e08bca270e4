"""Report: one self-contained HTML page of a run's events, to look at the dataset.

The page holds its data, script and style inline and fetches nothing, so it opens offline: a
cooperation network of regions (edges are events, coloured by their main sector), a map of the
regions drawn over the GeoNames towns of their countries, events by month, the top sectors and a
table of the events with links to their sources. The drawing is pipeline/dataset/templates/report.js.
"""
from __future__ import annotations

import html
import json
from collections import Counter
from importlib import resources
from pathlib import Path

from .entities import event_day, region_id
from ..files import write_atomic
from ..knowledge import towns_within
from ..schema import EventRecord
from .tables import build_tables, event_label, read_events, sector_labels

REPORT_FILE = "report.html"
# Tableau 10, less its grey: the grey is the colour of every sector past the first nine.
SECTOR_PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f"]
OTHER_SECTOR_COLOUR = "#bab0ac"
# The map's frame, south, north, west, east: Indonesia; a foreign party outside it is drawn at its edge.
MAP_FRAME = (-11.5, 6.5, 94.5, 141.5)


def main_sector(record: EventRecord) -> str | None:
    """The sector most of the event's text is about: the one with the most evidence, the first on a tie."""
    if not record.sectors:
        return None
    return max(record.sectors, key=lambda s: len(s.evidence)).code


def report_data(records: list[EventRecord], title: str) -> dict:
    """What the page draws, as plain JSON."""
    tables = build_tables(records)
    events_of_region = Counter(row.region_id for row in tables["parties"])
    officials: dict[str, list[dict]] = {}
    for row in tables["officials"]:
        officials.setdefault(row.event_id, []).append({"name": row.name, "position": row.position,
                                                       "person_id": row.person_id, "region_id": row.region_id})
    sector_events = Counter(s.code for record in records for s in record.sectors)
    colours = {code: SECTOR_PALETTE[i] if i < len(SECTOR_PALETTE) else OTHER_SECTOR_COLOUR
               for i, (code, _) in enumerate(sorted(sector_events.items(), key=lambda item: (-item[1], item[0])))}
    regions = [dict(row.model_dump(), events=events_of_region[row.region_id]) for row in tables["regions"]]
    return {
        "title": title,
        "sectors": [{"code": code, "label": sector_labels().get(code, code), "events": n, "colour": colours[code]}
                    for code, n in sorted(sector_events.items(), key=lambda item: (-item[1], item[0]))],
        "other_colour": OTHER_SECTOR_COLOUR,
        "regions": regions,
        "events": [{
            "event_id": record.event_id, "type": record.type, "date": record.date.start,
            "day": day.isoformat() if (day := event_day(record)) else None, "label": event_label(record),
            "parties": [{"region_id": region_id(p), "name": p.name, "role": p.role} for p in record.parties],
            "officials": officials.get(record.event_id, []),
            "sectors": [s.code for s in record.sectors], "main_sector": main_sector(record),
            "sources": [{"doc_id": s.doc_id, "url": s.url, "title": s.title,
                         "published": s.published.isoformat() if s.published else None} for s in record.sources],
        } for record in records],
        "frame": MAP_FRAME,
        # Two decimals (about a kilometre) are plenty for dots and keep the page small.
        "land": [[round(lat, 2), round(lon, 2), int(country == "ID")] for lat, lon, country in towns_within(*MAP_FRAME)],
    }


def render_report(data: dict) -> str:
    """The page: the template with its style, script and data put inline."""
    templates = resources.files("pipeline.dataset").joinpath("templates")
    page = templates.joinpath("report.html").read_text("utf-8")
    # `</` inside a script element would end it early; `<\/` reads the same to JSON.
    payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return (page.replace("{{title}}", html.escape(data["title"]))
                .replace("/*{{style}}*/", templates.joinpath("report.css").read_text("utf-8"))
                .replace("/*{{script}}*/", templates.joinpath("report.js").read_text("utf-8"))
                .replace("{{data}}", payload))


def write_report(out_dir: Path) -> Path:
    """`out_dir/report.html` from `out_dir/events.jsonl`."""
    out_dir = Path(out_dir)
    path = out_dir / REPORT_FILE
    data = report_data(read_events(out_dir), title=f"Kerjasama antardaerah — {out_dir.resolve().name}")
    write_atomic(path, [render_report(data)])
    return path
