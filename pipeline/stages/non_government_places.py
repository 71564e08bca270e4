"""Places named in a way that makes them no government: the start of an institution's name
(`Wageningen University`), or where people or products come from (`investor asal Guangxi`,
`pengusaha Sabah`). Words from gazetteer.json (`institution_suffixes`, `non_government_origins`).
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span

from ..knowledge import load_data


@lru_cache(maxsize=None)
def _institution_suffixes() -> frozenset[str]:
    return frozenset(load_data("gazetteer")["institution_suffixes"])


def names_an_institution_after(doc: Doc, place: Span) -> bool:
    """`Wageningen University`, `Leiden Universiteit`: a place that begins an institution's name,
    which is no government of it."""
    return place.end < len(doc) and doc[place.end].lower_ in _institution_suffixes()


@lru_cache(maxsize=None)
def _non_government_origins() -> tuple[frozenset[str], frozenset[str]]:
    origins = load_data("gazetteer")["non_government_origins"]
    return frozenset(origins["origin_words"]), frozenset(origins["people"])


def is_non_government_origin(doc: Doc, start_token: int) -> bool:
    """`investor asal Guangxi`, `wisatawan dari Kota Bandung`, `pengusaha Sabah`: where people or
    products come from."""
    origin_words, people = _non_government_origins()
    if start_token >= 1 and doc[start_token - 1].lower_ in people:
        return True
    return start_token >= 2 and doc[start_token - 1].lower_ in origin_words and doc[start_token - 2].lower_ in people
