"""A place in an article resolved to a region: what the party extractors count and the
officials' extractor attaches people to."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..knowledge import Region
from ..schema import Evidence


@dataclass
class Mention:
    """One place in the text resolved to a region, with what anchors it."""

    region: Region
    start_char: int
    end_char: int
    text: str
    sent_start: int
    government: bool
    anchored: bool
    title_start: Optional[int] = None  # token index of the title that names this region's official

    def evidence(self, doc_id: str) -> Evidence:
        return Evidence(doc_id=doc_id, start=self.start_char, end=self.end_char, text=self.text)
