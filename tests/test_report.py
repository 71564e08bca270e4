"""The report page: built from a run's events, opened in headless Chromium."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.dataset.report import write_report
from pipeline.dataset.tables import build_tables, read_events
from tests.browser import open_page

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def report(dev_run: Path) -> Path:
    return write_report(dev_run)


def test_report_opens_without_errors_and_shows_network_map_timeline_and_table(report, dev_run):
    records = read_events(dev_run)
    regions = {p.code or p.name for r in records for p in r.parties}
    links = sum(1 for r in records for s in r.sources if s.url)
    placed = sum(1 for region in build_tables(records)["regions"] if region.lat is not None)
    with open_page(report) as (page, errors, outside):
        assert errors == []
        assert outside == [], "the page must open offline"
        assert page.locator("#network g[data-region] circle").count() == len(regions)
        assert page.locator("#network path.edge").count() == sum(len(r.parties) * (len(r.parties) - 1) // 2 for r in records)
        assert page.locator("#map g[data-region] circle").count() == placed
        assert page.locator("#timeline rect").count() >= 1
        assert page.locator("#sectors rect").count() >= 1
        assert page.locator("#events tbody tr").count() == len(records)
        assert page.locator("#events tbody a[href^='http']").count() == links
        assert page.locator("#network text").first.is_visible()


def test_clicking_a_region_lists_only_its_events(report, dev_run):
    records = read_events(dev_run)
    bekasi = sum(1 for r in records if any(p.code == "32.75" for p in r.parties))
    with open_page(report) as (page, errors, _):
        page.locator('#network g[data-region="32.75"] circle').click()
        assert page.locator("#events tbody tr:not([hidden])").count() == bekasi
        assert page.locator("#filter").input_value() == "Kota Bekasi"
        assert errors == []


def test_report_holds_its_data_script_and_style_inline(report):
    page = report.read_text("utf-8")
    assert "<script src" not in page and "<link rel=\"stylesheet\"" not in page
    data = page.split('<script type="application/json" id="report-data">')[1].split("</script>")[0]
    assert len(json.loads(data)["events"]) == len(read_events(report.parent))


def test_report_of_a_folder_without_events_is_a_clear_error(tmp_path):
    result = subprocess.run([sys.executable, "cli.py", "report", str(tmp_path)], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 2
    assert "no events.jsonl in" in result.stderr
