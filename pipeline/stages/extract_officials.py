"""Officials: named holders of a stated position in a party's government, once each.

A title span (`Pj. Wali Kota`, `Sekretaris Komisi I DPRD`, `Kepala Dinas Perdagangan`) is read with
what follows it: an optional region (`Bekasi`), then the person's name after honorifics (`Dr.`,
`H.`, `Mr.`) and before degrees (`S.ST., M.T.`); or, when no name follows, the name before it
(`Tri Adhianto selaku Wali Kota Bekasi`, `Ahmad Fauzan, Wakil Bupati ...`); or, where these rules
read nothing, the person the statistical NER finds right after the title. The official belongs to
the region the title names; else, for a DPRD commission, to the region whose commission it is;
else to a party inferred from the title's level and the text before it (see `_inferred_region`).
Headlines are skipped: they capitalise every word, so a name read there runs on.
Two spellings of one person, and two names for the one holder of a single-holder office in one
region (`Bupati Bojonegoro, Suyoto` / `Bupati Bojonegoro, Kang Yoto`), become one entry.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Span

from .extract_parties import LIST_SEPARATORS, Mention, PartyTally
from .official_positions import legislatures, read_field, read_position, unit_words
from .person_names import (MAX_NAME_TOKENS, is_honorific, name_without_honorifics, person_at, person_key, read_name,
                           read_name_before, same_person)
from .grouping import UnionFind
from ..knowledge import fold, load_data
from ..ner.nlp import PLACES_KEY, TERMS_KEY, doc_text
from ..schema import Evidence, Official

MAX_LEADER_POST_TOKENS = 8
POST_CONNECTORS = {"and", "of", "dan", "&", "for", "the"}
HEADLINE_TITLE_CASE_SHARE = 0.6
HEADLINE_MIN_WORDS = 4
HEADLINE_MAX_WORDS = 16
@dataclass
class OfficialMention:
    name: str
    position: str
    region_key: Optional[str]
    single: bool
    region_stated: bool  # the region is named with the title, not inferred
    start_char: int
    end_char: int
    text: str


def _skip_to_name(doc: Doc, index: int) -> int:
    """Past whitespace, commas, a parenthetical and an aside (`sekaligus <other post>,`, `untuk Indonesia,`)."""
    while index < len(doc):
        token = doc[index]
        if token.is_space or token.text in {",", ":", "–", "-"}:
            index += 1
        elif token.text == "(":
            after = _skip_parenthetical(doc, index)
            if after == index:
                break
            index = after
        elif token.lower_ in load_data("titles")["name_introducers"]:
            index += 1  # `Konsul Jenderal RRT di Medan, yaitu Mr. Zhang Min`
        elif token.lower_ in load_data("titles")["asides"]:
            comma = next((j for j in range(index + 1, min(index + 10, len(doc))) if doc[j].text == ","), None)
            if comma is None:
                break
            index = comma + 1
        else:
            break
    return index


MAX_LOCATING_TOKENS = 3  # `Hokkaido`, `Jawa Barat`: one place name between commas


def _skip_anchor_place(doc: Doc, anchor: Span) -> int:
    """Past a level word and the place it names when no gazetteer knows the place: in `Kepala Divisi
    ... Kota Higashikawa, Mr. Daiki Honda` the words between `Kota` and the comma are the city, as
    the parties read an unknown name after an anchor, and the name comes after the comma."""
    end = anchor.end
    level = load_data("gazetteer")["government_anchors"][anchor.id_]["level"]
    if level is None or end >= len(doc) or not doc[end].is_title:
        return end
    comma = next((i for i in range(end, min(end + MAX_LOCATING_TOKENS, len(doc))) if doc[i].text == ","), None)
    if comma is None or not all(doc[i].is_title for i in range(end, comma)):
        return end
    if any(e.label_ == "PER" and e.start == end and e.end == comma for e in doc.ents):
        return end  # `Kepala Bagian Kerja Sama Setdako Fitri Handayani, S.STP.`: the person, not a place
    return comma


def _skip_locating_places(doc: Doc, index: int, country_ends: dict[int, int]) -> int:
    """Past the places that locate a foreign official's city up to its country, to the name:
    `Wakil Wali Kota Higashikawa, Hokkaido, Jepang, Fumihiro Sitou`, `Gubernur Negara Bagian
    Victoria Australia, Linda Dessau`. Without a country at its end a chain is left as it is: the
    name after a comma may be the person's."""
    position = index
    while position < len(doc) and position not in country_ends and doc[position].text == ",":
        position += 1
        words_start = position
        while (position < len(doc) and position - words_start < MAX_LOCATING_TOKENS and doc[position].is_title
               and position not in country_ends):
            position += 1
    return country_ends.get(position, index)


def _title_level(term: Span) -> Optional[str]:
    """The level of government a title implies (None for a DPRD body's post, which has its own)."""
    return load_data("titles")["titles"][int(term.id_)]["level"] if term.label_ == "TITLE" else None


@lru_cache(maxsize=None)
def _envoy_seats() -> tuple[tuple[str, ...], ...]:
    """The words of each `envoy_seats` entry, the longest first."""
    return tuple(sorted((tuple(seat.split()) for seat in load_data("titles")["envoy_seats"]), key=len, reverse=True))


def _skip_seat(doc: Doc, index: int, place_tokens: set[int]) -> int:
    """Past the seat of a country's envoy, to the name: `Konsul Jenderal Jepang di Denpasar-Bali,
    Katsumata Harumi`, `Duta Besar Korea Selatan untuk Indonesia Lee Sang-deok`. The seat is a
    run of known places (or of `envoy_seats`: Indonesia is no place of the gazetteers) after `di`
    or `untuk`; without one the index stays where it was."""
    if index >= len(doc) or doc[index].lower_ not in load_data("titles")["seat_markers"]:
        return index
    end = index + 1
    for words in _envoy_seats():
        if tuple(t.lower_ for t in doc[end:end + len(words)]) == words:
            return end + len(words)
    while end < len(doc) and (end in place_tokens or (doc[end].text == "-" and end + 1 in place_tokens)):
        end += 1
    return end if end > index + 1 else index


FOREIGN_TITLE_LEVELS = ("kota", "provinsi")  # Indonesian titles that reporters give foreign heads too


@lru_cache(maxsize=None)
def _building_words() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The building words by their last word: `jabatan` → (`rumah`, `jabatan`)."""
    by_last: dict[str, list[tuple[str, ...]]] = {}
    for words in load_data("titles")["building_words"]:
        by_last.setdefault(words.split()[-1], []).append(tuple(words.split()))
    return {last: tuple(forms) for last, forms in by_last.items()}


def _names_building(doc: Doc, title_start: int) -> bool:
    """Whether the title is part of a building's name: `Rumah Jabatan Bupati`, `Pendopo Bupati`."""
    if title_start == 0:
        return False
    return any(title_start >= len(words) and tuple(t.lower_ for t in doc[title_start - len(words):title_start]) == words
               for words in _building_words().get(doc[title_start - 1].lower_, ()))


def _is_plural_title(doc: Doc, term: Span, titles_by_end: dict[int, Span]) -> bool:
    """A title after `para` (titles.json `plural_markers`), or after `dan` or a comma that follows
    such a title: `para bupati dan wali kota se-Jawa Tengah`."""
    markers = load_data("titles")["plural_markers"]
    while term.start > 0:
        before = doc[term.start - 1]
        if before.lower_ in markers:
            return True
        if before.lower_ not in LIST_SEPARATORS or (term.start - 1) not in titles_by_end:
            return False
        term = titles_by_end[term.start - 1]
    return False


def find_official_mentions(doc: Doc, mentions: list[Mention], parties: list[PartyTally]) -> list[OfficialMention]:
    """Every title followed by a name, with the party it belongs to (None when none fits)."""
    party_keys = {t.region.key for t in parties}
    by_title = {m.title_start: m for m in mentions if m.title_start is not None}
    mention_by_start = {m.start_char: m for m in mentions}
    mention_token_starts = {doc.char_span(m.start_char, m.end_char, alignment_mode="expand").start for m in mentions}
    place_starts = {s.start for s in doc.spans[PLACES_KEY]}
    region_tokens = {i for s in doc.spans[PLACES_KEY] if s.label_ in ("REGION", "COUNTRY") for i in range(s.start, s.end)}
    region_starts = {s.start for s in doc.spans[PLACES_KEY] if s.label_ == "REGION"}
    # foreign city names are too often also people's names (`Novi`) to stop a name
    entity_tokens = {i for key in (PLACES_KEY, TERMS_KEY) for s in doc.spans[key] if s.label_ != "FOREIGN"
                     for i in range(s.start, s.end)}
    term_starts = {s.start for s in doc.spans[TERMS_KEY]}
    terms_by_end = {s.end: s for s in doc.spans[TERMS_KEY] if s.label_ == "TITLE"}
    country_ends = {s.start: s.end for s in doc.spans[PLACES_KEY] if s.label_ == "COUNTRY"}
    country_end_of = {i: end for start, end in country_ends.items() for i in range(start, end)}  # by each token
    place_tokens = {i for s in doc.spans[PLACES_KEY] for i in range(s.start, s.end)}
    anchors = {s.start: s for s in doc.spans[TERMS_KEY] if s.label_ == "ANCHOR"}
    prefixes = {s.end: s for s in doc.spans[TERMS_KEY] if s.label_ == "PREFIX"}
    unit_stops = region_starts | term_starts | mention_token_starts
    persons = {e.start: e for e in doc.ents if e.label_ == "PER"}
    text = doc_text(doc)
    dprd_bodies = _dprd_bodies(text, mentions)
    found: list[OfficialMention] = []
    for term in sorted(doc.spans[TERMS_KEY], key=lambda s: s.start):
        if term.label_ not in ("TITLE", "DPRD_BODY"):
            continue
        if _in_headline(text, term.start_char):
            continue  # headlines capitalise every word, so a name read there runs on; the body repeats it
        if _is_plural_title(doc, term, terms_by_end):
            continue  # `para bupati dan wali kota Subosukawonosraten`: every holder, no one person
        read = read_position(doc, term, unit_stops, prefixes, persons)
        if read is None:
            continue
        position, single, index = read
        region_mention = by_title.get(term.start) or _mention_at(doc, _skip_parenthetical(doc, index),
                                                                  mention_by_start)
        if region_mention is not None:
            index = max(index, doc.char_span(region_mention.start_char, region_mention.end_char,
                                             alignment_mode="expand").end)
        if (region_mention is not None and region_mention.region.level == "foreign_city" and index < len(doc)
                and doc[index].text in load_data("gazetteer")["compass_words"]):
            index += 1  # `Datuk Bandar Kuching Utara Wan Azman`: a council of the city's north, not a name
        field, index = read_field(doc, index, unit_stops, persons)  # `Wakil Wali Kota Leipzig Bidang Ekonomi, ...`
        if field:
            position += " " + field
        index = _skip_locating_places(doc, country_ends.get(index, index), country_ends)  # `Mungyeong Si Korea Selatan, ...`
        if _title_level(term) == "country":
            index = _skip_seat(doc, index, place_tokens)
        if index in anchors:  # `... Sekretariat Daerah, Ahmad Rifani`
            index = _skip_anchor_place(doc, anchors[index])
        index = _skip_to_name(doc, index)
        tokens = (read_name(doc, index, term_starts) or read_name_before(doc, term.start, entity_tokens, prefixes)
                  or person_at(doc, index, persons))
        if not tokens or (tokens[0].i in place_starts and region_mention is None and len(tokens) == 1):
            continue
        if tokens[-1].i in country_end_of:
            # `Walikota Higashikawa Jepang, Mr. Honda`: a country ends a place, never a person's
            # name; the name, if any, comes after it
            tokens = read_name(doc, _skip_to_name(doc, country_end_of[tokens[-1].i]), term_starts)
        if not tokens or all(t.i in region_tokens for t in tokens):
            continue  # `Kantor Gubernur Sumut, Medan`: a place after the title, not a person
        name = doc[tokens[0].i:tokens[-1].i + 1].text
        if name.endswith(".") and len(tokens[-1].text) > 3:
            name = name[:-1]  # a sentence's full stop kept on a word the tokenizer knows as short (`Jun.`)
        if not any(len(t.text.rstrip(".")) >= 3 for t in tokens) or all(t.is_upper for t in tokens):
            continue  # `RRT`, `OPD`: initials alone are an acronym, not a person
        if all(fold(t.text) in unit_words() for t in tokens):
            continue  # `Konsul Bidang Ekonomi`: an office's words, not a person
        if _names_building(doc, term.start) and (tokens[0].i not in persons or persons[tokens[0].i].end <= tokens[-1].i):
            continue  # `Aula Rumah Jabatan Bupati, Puncak Indah`: a venue and where it is, unless the NER reads a whole person
        region_key = (region_mention.region.key if region_mention else
                      _dprd_body_region(position, dprd_bodies) or _inferred_region(term, parties, found))
        if region_key is not None and region_key not in party_keys:
            region_key = "outside"
        span = doc[min(term.start, tokens[0].i):max(term.end, tokens[-1].i + 1)]
        found.append(OfficialMention(name=name, position=position, region_key=region_key, single=single,
                                     region_stated=region_mention is not None,
                                     start_char=span.start_char, end_char=span.end_char, text=span.text))
    return found + _delegation_leaders(doc, mentions, mention_by_start, persons, party_keys, term_starts)


def _delegation_leaders(doc: Doc, mentions: list[Mention], mention_by_start: dict[int, Mention], persons: dict[int, Span],
                        party_keys: set[str], term_starts: set[int]) -> list[OfficialMention]:
    """The head of a delegation whose post no title list holds, the post being the capitalised words
    between the marker and the person the statistical NER finds: `Rombongan dipimpin Wethouder
    (anggota dewan eksekutif kota) Zwolle, Mr. Jan-Willem de Vries`, `delegasi Tono City yang
    dipimpin oleh General Affairs and Planning Division Hidetomo Suzuki`.

    The person belongs to the party named in the post (`Zwolle`), else to the party named last
    before the marker in its sentence (`delegasi Tono City`). A post that the title list knows
    (`dipimpin Wakil Bupati ...`) is left to the titles.
    """
    found = []
    for marker in doc.spans[TERMS_KEY]:
        if marker.label_ != "LEADER" or marker.end in term_starts:
            continue
        window_end = min(marker.sent.end, marker.end + MAX_LEADER_POST_TOKENS + MAX_NAME_TOKENS)
        person = next((persons[i] for i in range(marker.end + 1, window_end) if i in persons), None)
        if person is None:
            continue
        post, region_mention = _leader_post(doc[marker.end:person.start], mention_by_start)
        if not post:
            continue
        if region_mention is None:
            before = [m for m in mentions if marker.sent.start_char <= m.start_char < marker.start_char]
            region_mention = before[-1] if before else None
        region_key = region_mention.region.key if region_mention else None
        # the NER may read only the honorifics (`Dato' Seri Haji`): the name is then the words after them
        tokens = [t for t in person if not (is_honorific(t) or t.is_punct)] or read_name(doc, person.start, term_starts)
        if region_key not in party_keys or not tokens:
            continue
        span = doc[marker.end:tokens[-1].i + 1]
        found.append(OfficialMention(name=doc[tokens[0].i:tokens[-1].i + 1].text, position=post, region_key=region_key,
                                     single=False, region_stated=True, start_char=span.start_char,
                                     end_char=span.end_char, text=span.text))
    return found


def _leader_post(words: Span, mention_by_start: dict[int, Mention]) -> tuple[Optional[str], Optional[Mention]]:
    """The post in the words between a leader marker and the person, and the party named in it.

    Asides in brackets, honorifics and punctuation are left out; the post ends where a party is
    named. Any word that is neither capitalised nor a connector means this is not a post."""
    post, region_mention, index = [], None, words.start
    doc = words.doc
    while index < words.end:
        token = doc[index]
        if token.text == "(":
            index = _skip_parenthetical(doc, index, MAX_LEADER_POST_TOKENS)
            continue
        if token.idx in mention_by_start:
            region_mention = mention_by_start[token.idx]
            break
        if token.is_punct or is_honorific(token):
            index += 1
            continue
        if not (token.is_title or token.is_upper or token.lower_ in POST_CONNECTORS) or len(post) >= MAX_LEADER_POST_TOKENS:
            return None, None
        post.append(token.text)
        index += 1
    while post and post[-1].lower() in POST_CONNECTORS:
        post.pop()
    return (" ".join(post) or None), region_mention


DPRD_BODY_BEFORE = re.compile(r"\b(komisi\s+(?:[ivx]{1,4}|\d{1,2}|[a-e])|badan\s+\w+|fraksi\s+\w+)\s+$", re.IGNORECASE)


def _dprd_bodies(text: str, mentions: list[Mention]) -> dict[str, str]:
    """`Komisi I DPRD Tarakan` anywhere in the article: whose Komisi I a later `Anggota Komisi I` sits in."""
    bodies: dict[str, str] = {}
    for m in mentions:
        if m.text.lower().split()[0] in legislatures():
            body = DPRD_BODY_BEFORE.search(text, max(0, m.start_char - 40), m.start_char)
            if body:
                bodies.setdefault(fold(body.group(1)), m.region.key)
    return bodies


def _dprd_body_region(position: str, bodies: dict[str, str]) -> Optional[str]:
    key = fold(position)
    return next((region for body, region in bodies.items()
                 if any(f" {body} {council}" in f" {key}" for council in legislatures())), None)


def _skip_parenthetical(doc: Doc, index: int, longest: int = 5) -> int:
    """Past a `(DLH)` right at `index`."""
    if index < len(doc) and doc[index].text == "(":
        close = next((j for j in range(index + 1, min(index + longest + 1, len(doc))) if doc[j].text == ")"), None)
        if close is not None:
            return close + 1
    return index


def _mention_at(doc: Doc, index: int, mention_by_start: dict[int, Mention]) -> Optional[Mention]:
    """The region named right after a title's unit: `Kepala Bagian Kerja Sama Setda Kota Bogor`, or
    one whose `DPRD` the title's DPRD body took (`Ketua Komisi II DPRD Kota Banjabaru`)."""
    if index >= len(doc):
        return None
    found = mention_by_start.get(doc[index].idx)
    if found is None and index and doc[index - 1].lower_ in legislatures():
        found = mention_by_start.get(doc[index - 1].idx)
    return found


def _in_headline(text: str, position: int) -> bool:
    """A short line without a full stop whose words are mostly capitalised."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    line = text[start:end if end >= 0 else len(text)].strip()
    words = re.findall(r"[^\W\d_]+", line)
    if not HEADLINE_MIN_WORDS <= len(words) <= HEADLINE_MAX_WORDS or line.endswith("."):
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= HEADLINE_TITLE_CASE_SHARE


def _inferred_region(term: Span, parties: list[PartyTally], found: list[OfficialMention]) -> Optional[str]:
    """The party of a title named without its region.

    The one party of the title's level (`Walikota Hadianto`, one city among the parties; with no
    Indonesian one, a foreign city's `Wali Kota Seo`); else the
    party named last before the title in its sentence (`Dari Pemkab Demak hadir Kepala Bappeda ...`),
    or for a title with a level, in the text before it; else the party of the official named just
    before (`... didampingi Sekda Joko Budiyono`); else the party named last before it.
    Regional posts (all but envoys) belong to Indonesian parties.
    """
    level = load_data("titles")["titles"][int(term.id_)]["level"] if term.label_ == "TITLE" else None
    regional = level != "country"
    fitting = [t for t in parties if (t.region.level == level if level else t.region.country == "ID" or not regional)]
    if not fitting and level in FOREIGN_TITLE_LEVELS:
        fitting = [t for t in parties if t.region.level == "foreign_city"]  # a foreign city's `Wali Kota`
    if level and len(fitting) == 1:
        return fitting[0].region.key
    before = [(m.start_char, t.region.key) for t in fitting for m in t.mentions if m.start_char < term.start_char]
    in_sentence = [b for b in before if b[0] >= term.sent.start_char]
    if in_sentence or (level and before):
        return max(in_sentence or before)[1]
    fitting_keys = {t.region.key for t in fitting}
    previous = next((m.region_key for m in reversed(found) if m.region_key in fitting_keys), None)
    return previous or (max(before)[1] if before else None)


def _group_region(members: list[OfficialMention]) -> Optional[str]:
    stated = [m.region_key for m in members if m.region_stated]
    return Counter(stated or [m.region_key for m in members]).most_common(1)[0][0]


def merge_officials(found: list[OfficialMention], region_names: dict[str, str], doc_id: str) -> list[Official]:
    """One entry per person: first the same name up to spelling (or a one-word short form of it with
    the same position), then the same single-holder office.

    A person's region is the one stated with a title where there is one, so that `Gubernur Ganjar`
    (region inferred) joins `Gubernur Jawa Tengah Ganjar Pranowo`, not the host's governor.
    """
    groups = UnionFind(len(found))
    for i, a in enumerate(found):
        for j in range(i):
            if same_person(a.name, found[j].name):
                groups.union(i, j)
    for i, a in enumerate(found):
        for j in range(i):
            if a.position == found[j].position and _short_form(a.name, found[j].name):
                groups.union(i, j)
    by_person = [[found[i] for i in g] for g in groups.groups()]
    regions = [_group_region(g) for g in by_person]
    offices = UnionFind(len(by_person))
    for i, a in enumerate(by_person):
        for j in range(i):
            if regions[i] == regions[j] and _single_offices(a) & _single_offices(by_person[j]):
                offices.union(i, j)
    officials = []
    for office in offices.groups():
        members = [m for i in office for m in by_person[i]]
        region_key = regions[office[0]]
        if region_key in (None, "outside"):
            continue
        counts = Counter(person_key(m.name) for m in members)
        best = max(members, key=lambda m: (len(person_key(m.name).split()), counts[person_key(m.name)],
                                              -m.start_char))
        officials.append(Official(
            name=name_without_honorifics(best.name),
            position=Counter(m.position for m in members).most_common(1)[0][0], region=region_names[region_key],
            evidence=[Evidence(doc_id=doc_id, start=m.start_char, end=m.end_char, text=m.text) for m in members]))
    return sorted(officials, key=lambda o: o.evidence[0].start)


def _short_form(a: str, b: str) -> bool:
    """`Sekda Rahmat` for `Sekda Rahmat Hidayat`: one name is a single word of the other."""
    ta, tb = person_key(a).split(), person_key(b).split()
    short, long_ = sorted((ta, tb), key=len)
    return len(short) == 1 and len(long_) > 1 and short[0] in long_


def _single_offices(members: list[OfficialMention]) -> set[str]:
    """The person's own office (the position most often written with the name), if single-holder."""
    position, _ = Counter(m.position for m in members).most_common(1)[0]
    return {position} if any(m.single for m in members if m.position == position) else set()

