"""The dateline: the place a report says it was written in, before a dash at the start of its
first line of body (`BLITAR –`, `Sanggau (ANTARA) -`, `SAMARINDA, Kompas -`)."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span

from ..ner.nlp import PLACES_KEY

DATELINE_DASHES = frozenset({"-", "–", "—", "--"})
MAX_TOKENS_TO_DASH = 6  # `(ANTARA)`, `, Kompas.com`: an outlet's name between the place and the dash


def dateline_place(doc: Doc) -> Optional[Span]:
    """The first place that begins a line and is followed by a dash, perhaps after an outlet's
    name in brackets or after a comma; None when no line starts so."""
    for place in doc.spans[PLACES_KEY]:
        if place.start and not ("\n" in doc[place.start - 1].text or "\n" in doc[place.start - 1].whitespace_):
            continue
        index, end = place.end, min(place.end + MAX_TOKENS_TO_DASH, len(doc))
        if index < end and doc[index].text == "(":
            while index < end and doc[index].text != ")":
                index += 1
            index += 1
        elif index < end and doc[index].text == ",":
            while index < end and doc[index].text not in DATELINE_DASHES and "\n" not in doc[index].text:
                index += 1
        if index < end and doc[index].text in DATELINE_DASHES:
            return place
    return None
