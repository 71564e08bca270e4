"""Positions: the words of an official's post read after its title span, for `extract_officials`.

`Kepala Dinas` takes the unit after it (`Perdagangan`, `Kelautan dan Perikanan`), `Asisten` its
number or unit, a DPRD body its number; a prefix before the title (`Pj.`, `Plt`) is written in
full. The unit ends at a comma, a place, another term, a person the NER finds, or, where it would
run on into the name after it, at the first word no office is named with (titles.json `unit_words`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Span, Token

from ..knowledge import fold, load_data
from ..ner.nlp import TERMS_KEY
from .person_names import MAX_NAME_TOKENS, is_honorific

MAX_UNIT_TOKENS = 10
UNIT_CONNECTORS = {"dan", "&", "serta"}
ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV", "5": "V"}


def read_position(doc: Doc, term: Span, entity_starts: set[int], prefixes: dict[int, Span],
              persons: dict[int, Span]) -> Optional[tuple[str, bool, int]]:
    """The position in full words, whether it has a single holder, and the token after it; None for a
    bare `Kepala` with no unit after it (`kepala daerah`)."""
    titles = load_data("titles")
    end = term.end
    if term.label_ == "DPRD_BODY":
        words = [term.text.title()]
        if end < len(doc) and re.fullmatch(r"[IVX]{1,4}|\d{1,2}|[A-E]", doc[end].text):
            words.append(ROMAN.get(doc[end].text, doc[end].text))
            end += 1
        council = "DPRD"
        if end < len(doc) and doc[end].lower_ in legislatures():
            council = doc[end].text.upper()  # Aceh's `DPRK`
            end += 1
        words.append(council)
        position, single = " ".join(words), False
    else:
        spec = titles["titles"][int(term.id_)]
        position, single = spec["position"], spec["single"]
        if spec.get("takes_number") and end < len(doc) and doc[end].text in ROMAN.keys() | set(ROMAN.values()):
            position += " " + ROMAN.get(doc[end].text, doc[end].text)
            end += 1
        elif spec.get("takes_unit") and end + 1 < len(doc) and doc[end].lower_ in titles["english_unit_markers"]:
            # `Director of International Cooperation Division`: an English title keeps its own words,
            # and its unit's head word comes last
            unit_end = _unit_end(doc, end + 1, entity_starts, persons)
            unit = doc[end + 1:unit_end]
            if not len(unit) or ("unit_heads" in spec and not any(t.text in spec["unit_heads"] for t in unit)):
                return None
            position, end = f"{term.text} {doc[end].text} {unit.text}", unit_end
        elif spec.get("takes_unit"):  # `Asisten II` or `Asisten Perekonomian dan Pembangunan`
            unit_end = _unit_end(doc, end, entity_starts, persons)
            if "unit_heads" in spec and (unit_end == end or doc[end].text not in spec["unit_heads"]):
                return None  # `Direktur Utama PT ...`: not an office of a government
            if unit_end > end:
                position += " " + doc[end:unit_end].text
                end = unit_end
            elif spec.get("needs_unit"):
                return None
        elif spec.get("area_after"):  # `Camat Alok, Fransiskus Lewar`: the district's name, then the person
            end = _area_name_end(doc, end)
        field, end = read_field(doc, end, entity_starts, persons)
        if field:
            position += " " + field
    prefix = _prefix_before(doc, term.start, prefixes)
    return (f"{prefix} {position}" if prefix else position), single, end


def read_field(doc: Doc, start: int, entity_starts: set[int], persons: dict[int, Span]) -> tuple[str, int]:
    """The field a post is for, and the token after it: `Bidang Ekonomi` in `Wakil Gubernur Bidang
    Ekonomi`, `Konsul Bidang Ekonomi dan Perdagangan` (titles.json `field_markers`); nothing, and
    `start`, where no field follows."""
    if start >= len(doc) or doc[start].lower_ not in load_data("titles")["field_markers"]:
        return "", start
    end = _unit_end(doc, start + 1, entity_starts, persons)
    return (doc[start:end].text, end) if end > start + 1 else ("", start)


MAX_AREA_TOKENS = 3


def _area_name_end(doc: Doc, start: int) -> int:
    """The comma after an area's name (`Alok`, `Kota Uneng`) that a title is of, or `start` when no
    comma follows a few capitalised words."""
    index = start
    while index < len(doc) and index - start < MAX_AREA_TOKENS and doc[index].is_title:
        index += 1
    return index if index > start and index < len(doc) and doc[index].text == "," else start


def _unit_end(doc: Doc, start: int, entity_starts: set[int], persons: dict[int, Span]) -> int:
    """End of the unit after `Kepala Dinas`: `Perdagangan`, `PUPR`, or a list `Kelautan dan Perikanan`.

    A comma ends the unit, unless it stands before the `dan` of a list (`Komunikasi, Informatika
    dan Persandian`); a region or another government term ends it too.
    """
    run_end = start
    while run_end < len(doc) and run_end - start < MAX_UNIT_TOKENS and run_end not in entity_starts and (
            _is_unit_word(doc[run_end]) or doc[run_end].text == "," or doc[run_end].lower_ in UNIT_CONNECTORS):
        if _is_abbreviated_honorific(doc[run_end]):
            break  # `Kepala Dinas Pariwisata Ir. Yulia Rahmi`: no office's name holds `Ir.`; a person follows
        run_end += 1
    while run_end > start and (doc[run_end - 1].lower_ in UNIT_CONNECTORS or doc[run_end - 1].text == ","):
        run_end -= 1  # `Kepala Dinas Pariwisata, Deni Mulyadi, serta Kepala Dinas ...`: the list of officials goes on
    run = doc[start:run_end]
    connectors = [t.i for t in run if t.lower_ in UNIT_CONNECTORS]
    if connectors:
        end = next((t.i for t in run if t.text == "," and t.i > connectors[-1]), run_end)
    else:
        end = next((t.i for t in run if t.text == ","), run_end)
    if _abbreviation_at(doc, end) or _place_at(doc, end, entity_starts):
        # `Dinas Pangan, Tanaman Pangan dan Hortikultura (DPTPH)`: the office's whole name, then its
        # short one; or a place or a government's name follows: the words before it are its office's
        return end
    # A person the statistical NER finds running on to the unit's end or past it began inside it: the
    # unit ends where the name begins (`Kepala Dinas ... Terpadu Satu Pintu Dadang Mohamad Ma'soem`),
    # unless a name follows the unit (`Asisten Pemerintahan dan Kesra, Sutrisna`).
    name_follows = end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].is_title and end + 1 not in entity_starts
    person_start = next((i for i in range(start + 1, end) if i in persons
                         and (persons[i].end > end or (persons[i].end == end and not name_follows))), end)
    if person_start < end or name_follows or (end < len(doc) and doc[end].is_title and end not in entity_starts):
        return person_start
    return _known_unit_end(doc, start, end)


def _place_at(doc: Doc, index: int, entity_starts: set[int]) -> bool:
    """A place or a government's name, not another title, begins at `index`."""
    return index in entity_starts and not any(t.start == index and t.label_ == "TITLE" for t in doc.spans[TERMS_KEY])


def _abbreviation_at(doc: Doc, index: int) -> bool:
    """`(DPTPH)`: a short name in capitals in brackets."""
    return (index + 2 < len(doc) and doc[index].text == "(" and doc[index + 2].text == ")"
            and doc[index + 1].is_upper and doc[index + 1].is_alpha)


@lru_cache(maxsize=None)
def legislatures() -> frozenset[str]:
    """`dprd`, and Aceh's `dprk` and `dpra`."""
    return frozenset(load_data("gazetteer")["legislatures"])


@lru_cache(maxsize=None)
def unit_words() -> frozenset[str]:
    return frozenset(load_data("titles")["unit_words"])


def _known_unit_end(doc: Doc, start: int, end: int) -> int:
    """Where a unit that ran on into the name it is followed by ends: at the first word that is no
    word of an office's name, after the office's own short name (`Kepala Bapelitbangda Liny
    Tambajong`, `Kepala Dinas Kominfo Erwin Kontu`, `Kepala BPBD Budi Santoso`). The run stays
    whole where no such word ends it, or where what would be left is not a name: a word of an
    office is in it; another title may follow it (`... Liny Tambajong dan Kepala Dinas ...`). A run
    followed by a place (`Kepala Divisi ... Kota Higashikawa` names the unit's city) never gets here."""
    while end > start and (doc[end - 1].lower_ in UNIT_CONNECTORS or doc[end - 1].text == ","):
        end -= 1  # `Kepala Bapelitbangda Liny Tambajong dan Kepala Dinas ...`
    index = start
    if fold(doc[index].text) not in unit_words():
        index += 1  # the office's own short name
    while index < end and (fold(doc[index].text) in unit_words() or doc[index].lower_ in UNIT_CONNECTORS):
        index += 1
    rest = doc[index:end]
    if start < index < end and len(rest) <= MAX_NAME_TOKENS and all(
            t.is_title and fold(t.text) not in unit_words() for t in rest):
        return index
    return end


def _is_abbreviated_honorific(token: Token) -> bool:
    """`Ir.`, `Drs.`, `H.`: an honorific written short, which begins a person's name."""
    return token.text.endswith(".") and is_honorific(token)


def _is_unit_word(token: Token) -> bool:
    return token.is_title or (token.is_upper and token.is_alpha and len(token.text) >= 2)


def _prefix_before(doc: Doc, index: int, prefixes: dict[int, Span]) -> Optional[str]:
    """`Pj.`, `Plt`, `Penjabat (PJ)` right before a title (`prefixes`: prefix spans by their end)."""
    if index > 0 and doc[index - 1].text == ")":
        index = next((j for j in range(index - 2, max(index - 6, -1), -1) if doc[j].text == "("), index)
    span = prefixes.get(index)
    return load_data("titles")["prefixes"][int(span.id_)]["position"] if span else None
