"""Fixtures shared by test modules: one pipeline run over the dev articles per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.runner.run import run

DEV_ARTICLES = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "articles"


@pytest.fixture(scope="session")
def dev_run(tmp_path_factory) -> Path:
    """A run's output folder for the dev articles (events.jsonl, manifest.jsonl, summary.json)."""
    out = tmp_path_factory.mktemp("dev-run")
    run(DEV_ARTICLES, out)
    return out
