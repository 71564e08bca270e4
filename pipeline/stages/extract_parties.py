"""Parties: which governments an article mentions, and which of them take part (their roles: party_roles).

A place span from the NER stage becomes a *mention* of a region when it can be resolved to one
Kemendagri region or foreign city. What stands before it decides how much it says: a title
(`Wali Kota Bekasi`) or a government form (`Pemkot Bekasi`, `DPRD Kota Bandung`) marks the
government itself; a plain level (`Kota Bekasi`) marks the place; a bare name only echoes a party
found otherwise. Location qualifiers (`Kota Singkawang, Kalimantan Barat`, `Perfektur Osaka`) and
national offices (`KBRI Tokyo`) are not parties.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from rapidfuzz import fuzz, process
from spacy.tokens import Doc, Span

from .extract_event import event_sentence_starts, taking_part
from .dateline import dateline_place
from .participant_groups import accompanying_envoys, forum_regions, listed_regions
from .foreign_districts import (DISTRICT_KEY, MAX_TOKENS_TO_COUNTRY, as_districts, district_as_distrik,
                                district_region, pick_foreign)
from .non_government_places import is_non_government_origin, names_an_institution_after
from .person_names import is_honorific
from .region_mentions import Mention
from ..knowledge import (FOREIGN_REGION_KEY, Region, countries_by_name, foreign_cities_by_name, fold,
                         indonesian_regions, load_data, regions_by_bare_name)
from ..ner.nlp import PLACES_KEY, TERMS_KEY

INDONESIAN_LEVELS = ("provinsi", "kabupaten", "kota")
MIN_PARTIES = 2  # an inter-government event needs two governments
FUZZY_REGION_CUTOFF = 75
FUZZY_REGION_MARGIN = 5  # points a misspelling's best region must lead the next by
MIN_FUZZY_CHARS = 5
CLOSE_MISSPELLING_RATIO, MIN_CLOSE_MISSPELLING_CHARS = 85, 8
MAX_UNKNOWN_NAME_TOKENS = 3
ANCHOR_CHAIN_DEPTH = 3
MIN_POPULATION_AFTER_TITLE = 300_000  # a foreign city this large after an Indonesian title is the city

NOT_GOVERNMENT_TERMS = ("NATIONAL", "INSTITUTION")  # term labels before a place that is then no party


@dataclass
class Anchor:
    level: Optional[str]
    government: bool
    start: int  # token index where the anchoring phrase begins
    title_start: Optional[int] = None
    qualifier: bool = False
    not_government: bool = False  # a national office or an institution named after the region


@lru_cache(maxsize=None)
def _title_levels() -> list[Optional[str]]:
    return [t["level"] for t in load_data("titles")["titles"]]


@lru_cache(maxsize=None)
def _titles_before_a_unit() -> frozenset[int]:
    """The titles that an office's name follows (`unit_heads`): the place right after one is the
    unit's, or a word of it, never the title's government (`Direktur Jenderal Bina Administrasi
    Kewilayahan`: no town of Bina)."""
    return frozenset(i for i, t in enumerate(load_data("titles")["titles"]) if "unit_heads" in t)


def _skip_parenthetical_back(doc: Doc, index: int, max_tokens: int = 6) -> int:
    """`Pemerintah Kota (Pemkot) Bekasi`: the index before a `( ... )` that ends at `index`."""
    if index > 0 and doc[index - 1].text == ")":
        for j in range(index - 2, max(index - 2 - max_tokens, -1), -1):
            if doc[j].text == "(":
                return j
    return index


def _anchor_before(doc: Doc, index: int, terms_by_end: dict[int, Span]) -> Optional[Anchor]:
    """The chain of government terms that ends right before token `index`, if any."""
    anchors = load_data("gazetteer")["government_anchors"]
    anchor: Optional[Anchor] = None
    position = _skip_parenthetical_back(doc, index)
    for _ in range(ANCHOR_CHAIN_DEPTH):
        term = terms_by_end.get(position)
        if term is None and position > 0 and _is_body_number(doc[position - 1]):
            term = terms_by_end.get(position - 1)  # `Komisi I DPRD`
        if term is None or (term.label_ == "TITLE" and int(term.id_) in _titles_before_a_unit()):
            break
        label = term.label_
        if anchor is None:
            anchor = Anchor(level=None, government=False, start=term.start)
        anchor.start = term.start
        if label == "ANCHOR":
            spec = anchors[term.id_]
            anchor.level = anchor.level or spec["level"]
            anchor.government |= spec["government"]
        elif label == "TITLE":
            # `Sekretaris Daerah Kota`: a title written with its level word has that level
            level_word = anchors.get(term[-1].lower_)
            anchor.level = anchor.level or _title_levels()[int(term.id_)] or (level_word or {}).get("level")
            anchor.government = True
            anchor.title_start = term.start
        elif label == "DPRD_BODY":
            anchor.government = True
            anchor.title_start = term.start
        elif label == "QUALIFIER":
            anchor.qualifier = True
        elif label == "EMBASSY":
            anchor.level = "country"
        elif label in NOT_GOVERNMENT_TERMS:
            anchor.not_government = True
        else:
            break
        position = _skip_parenthetical_back(doc, term.start)
    return anchor


def _is_body_number(token) -> bool:
    return bool(re.fullmatch(r"[IVX]{1,4}|\d{1,2}|[A-E]", token.text))


def _foreign_suffix_after(doc: Doc, index: int) -> bool:
    """`Tono City`, `Toowoomba Regional Council`: a word after a foreign city that makes it a government."""
    return index < len(doc) and doc[index].text in load_data("gazetteer")["foreign_city_suffixes"]


@lru_cache(maxsize=None)
def _delegation_words() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(words.split()) for words in load_data("cues")["delegation_before"])


def _delegation_before(doc: Doc, index: int) -> bool:
    """`delegasi Kuching`, `rombongan dari Zwolle`: the words before a place name it as a delegation's."""
    return any(tuple(t.lower_ for t in doc[max(index - len(words), 0):index]) == words
               for words in _delegation_words())


def _inside(inner: Region, outer: Region) -> bool:
    return outer.level == "provinsi" and inner.province_code == outer.code and inner.key != outer.key


def find_mentions(doc: Doc) -> list[Mention]:
    """Every mention of an Indonesian region or foreign city that can be resolved."""
    terms_by_end = {span.end: span for span in doc.spans[TERMS_KEY]}
    places = sorted(doc.spans[PLACES_KEY], key=lambda s: s.start)
    countries_in_doc = {countries_by_name()[s.id_].country for s in places if s.label_ == "COUNTRY"}
    # `PT Guangxi Beibu`, `KBRI Tokyo`, `investor asal Guangxi`: a name inside an institution's, or
    # where investors come from, does not count as naming the place
    not_government_ends = {t.end for t in doc.spans[TERMS_KEY] if t.label_ in NOT_GOVERNMENT_TERMS}
    not_government_ends |= {s.start for s in places if names_an_institution_after(doc, s)}
    foreign_counts = Counter(s.id_ for s in places if s.label_ == "FOREIGN" and s.start not in not_government_ends
                             and not is_non_government_origin(doc, s.start))
    mentions: list[Mention] = []
    pending_bare: list[tuple[Span, tuple[Region, ...]]] = []
    previous_end: dict[int, Mention] = {}
    places_covered: set[int] = set()
    district_of: dict[Optional[str], Optional[Region]] = {}  # a city's key: the one district of it named
    for place in places:
        anchor = _anchor_before(doc, place.start, terms_by_end) or _list_item_anchor(doc, place.start, previous_end)
        if (anchor and (anchor.not_government or anchor.qualifier)) or place.start in not_government_ends:
            continue
        start_token = anchor.start if anchor else place.start
        if _is_location_qualifier(doc, start_token, place, previous_end) or is_non_government_origin(doc, start_token):
            continue
        region: Optional[Region] = None
        end = place.end
        if place.label_ == "REGION":
            candidates = regions_by_bare_name().get(place.id_, ())
            if anchor and anchor.level in INDONESIAN_LEVELS:
                region = next((r for r in candidates if r.level == anchor.level), None)
            if region is None and anchor and anchor.level is None and anchor.government:
                region = _resolve_without_level(candidates, mentions)
            if region is None:
                pending_bare.append((place, candidates))
                continue
        elif place.label_ == "FOREIGN":
            suffix = _foreign_suffix_after(doc, place.end)
            region = pick_foreign(foreign_cities_by_name()[place.id_], countries_in_doc)
            # `Pemerintah Provinsi Gyeonggi-do, Korea Selatan`: a foreign province, with its country
            foreign_province = anchor is not None and anchor.level == "provinsi" and region.country in countries_in_doc
            if not (suffix or foreign_province or (anchor and anchor.level in ("kota", "foreign_city"))):
                # `Delegasi Toowoomba ... Toowoomba, Australia`: a city named again with its country
                # is a place taking part, enough to make up a pair (see select_parties)
                # as is one named once as a delegation's (`delegasi Kuching, Malaysia`)
                if ((foreign_counts[place.id_] < 2 and not _delegation_before(doc, place.start))
                        or region.country not in countries_in_doc):
                    continue
            elif (not suffix and anchor.title_start is not None and anchor.level == "kota"
                    and region.country not in countries_in_doc and not _large_city_not_a_person(doc, place, region)
                    and not _named_as_government_elsewhere(doc, place, terms_by_end)):
                continue  # `Wawali Bambang`: after a bare title a city's name is more often a person's
            end = place.end + 1 if suffix else place.end
        elif place.label_ == "DISTRICT":
            found = district_region(doc, place, countries_in_doc)
            if found is None:
                continue
            region, city_key = found
            district_of[city_key] = region if district_of.get(city_key, region) == region else None
        elif place.label_ == "COUNTRY" and anchor and anchor.level == "country":
            # A country acting through its embassy takes part as the country. A bare embassy is often
            # only a witness, so it counts as a named place (see select_parties); its envoy named by
            # title (`Konsul Jenderal Australia`) names the country as a government.
            region = countries_by_name()[place.id_]
        else:
            continue
        anchored = (anchor is not None and (anchor.level is not None or anchor.government) and not
                    (not anchor.government and _locates_sub_region(doc, start_token))) or region.level == "foreign_city"
        span = doc[start_token:end]
        mention = Mention(region=region, start_char=span.start_char, end_char=span.end_char, text=span.text,
                          sent_start=place.sent.start_char,
                          government=bool(anchor and anchor.government and
                                          (anchor.level != "country" or anchor.title_start is not None)) or
                          (region.level == "foreign_city" and
                           (_foreign_suffix_after(doc, place.end) or place.label_ == "DISTRICT")) or
                          (anchored and region.level in INDONESIAN_LEVELS and _acts_after(doc, end)),
                          anchored=anchored, title_start=anchor.title_start if anchor else None)
        mentions.append(mention)
        previous_end[end] = mention
        places_covered.update(range(start_token, end))
    mentions += _unknown_names_after_anchors(doc, places_covered, {m.region.key for m in mentions},
                                             [d for d in district_of.values() if d is not None])
    mentions += _resolve_bare(pending_bare, mentions)
    mentions += _bare_titles_of_dateline_region(doc, mentions, places_covered)
    return sorted(as_districts(mentions, district_of), key=lambda m: m.start_char)


LIST_SEPARATORS = frozenset({",", "dan", "serta"})


def _list_item_before(doc: Doc, index: int) -> int:
    """The end of the list item before the one at `index`: past up to two separators (`, dan`)."""
    position = index
    while position > 0 and index - position < 2 and doc[position - 1].lower_ in LIST_SEPARATORS:
        position -= 1
    return position


def _list_item_anchor(doc: Doc, index: int, previous_end: dict[int, Mention]) -> Optional[Anchor]:
    """`Kabupaten Gresik, Jombang dan Blora`, `Pemerintah Kota Denpasar dan Mossel Bay`: a bare name
    listed right after a region named at its level is named at that level too, and as a government
    when that one is."""
    position = _list_item_before(doc, index)
    before = previous_end.get(position) if position < index else None
    if before is None and position < index and position > 0 and doc[position - 1].is_title:
        # `Kabupaten Ketapang, Kubu Raya, Sangau, Sintang`: one item the gazetteer does not know
        # (misspelled) does not end the list
        hop = _list_item_before(doc, position - 1)
        before = previous_end.get(hop) if hop < position - 1 else None
    if (before is None or not before.anchored or before.title_start is not None
            or before.region.level not in INDONESIAN_LEVELS):
        return None  # `Wali Kota Kupang, George M. Hadjoh`: after a title the list is of people
    return Anchor(level=before.region.level, government=before.government, start=index)


def _acts_after(doc: Doc, index: int) -> bool:
    """`Kabupaten Purbalingga diwakili Sekda ...`: a place that sends someone acts as its government."""
    return index < len(doc) and doc[index].lower_ in load_data("cues")["acting_after_region"]


def _large_city_not_a_person(doc: Doc, place: Span, region: Region) -> bool:
    """`Wali Kota Yokohama, Takeharu Yamanaka`: few people bear a large city's name (`Bambang` is a
    town of 60,000), unless the NER model reads the name as a person's."""
    return region.population >= MIN_POPULATION_AFTER_TITLE and doc[place.start].ent_type_ != "PER"


def _named_as_government_elsewhere(doc: Doc, place: Span, terms_by_end: dict[int, Span]) -> bool:
    """Whether the article also names this foreign city as a city (`Kota X`, `X City`, `Majlis Daerah X`)."""
    for other in doc.spans[PLACES_KEY]:
        if other.id_ != place.id_ or other.start == place.start:
            continue
        anchor = _anchor_before(doc, other.start, terms_by_end)
        if _foreign_suffix_after(doc, other.end) or (anchor and anchor.title_start is None
                                                     and anchor.level in ("kota", "foreign_city")):
            return True
    return False


VILLAGE_NAME_MAX_TOKENS = 4


@lru_cache(maxsize=None)
def _sub_regional_units() -> frozenset[str]:
    return frozenset(load_data("gazetteer")["sub_regional_units"])


def _locates_sub_region(doc: Doc, start: int) -> bool:
    """Whether the region named from token `start` follows a village's or district's name, which it
    only locates: `Desa Mekar Jaya, Kecamatan Sukamaju, Kabupaten Luwu Utara`."""
    units = _sub_regional_units()
    index = start - 1
    if index >= 0 and doc[index].text == ",":
        index -= 1
    words = 0
    while index >= 0 and words < VILLAGE_NAME_MAX_TOKENS and doc[index].is_title and doc[index].lower_ not in units:
        index, words = index - 1, words + 1
    return bool(words) and index >= 0 and doc[index].lower_ in units


def _is_location_qualifier(doc: Doc, start_token: int, place: Span, previous_end: dict[int, Mention]) -> bool:
    """`Kota Singkawang, Kalimantan Barat` or `Izumisano, Jepang`: the second place only locates the
    first; so does a city right after a district of it (`Mapo-gu Seoul`)."""
    comma = start_token > 0 and doc[start_token - 1].text == ","
    before = previous_end.get(start_token - 1 if comma else start_token)
    if before is None:
        return False
    if before.region.key.startswith(DISTRICT_KEY) and place.label_ in ("FOREIGN", "COUNTRY"):
        return True
    if not comma:
        return False
    if place.label_ == "COUNTRY":
        return True
    return any(_inside(before.region, r) for r in regions_by_bare_name().get(place.id_, ()))


def _bare_titles_of_dateline_region(doc: Doc, mentions: list[Mention], covered: set[int]) -> list[Mention]:
    """`BLITAR – ... diterima langsung Wali Kota Bambang`, `TARAKAN – Pemkot menerima kunjungan`: a
    title followed by a name, or a government's form, with no region after it, in an article that
    names no government of its level, is the dateline's region of that level (a Wali Kota in Blitar
    heads Kota Blitar, not Kabupaten Blitar)."""
    place = dateline_place(doc)
    if place is None or place.label_ != "REGION":
        return []
    anchors = load_data("gazetteer")["government_anchors"]
    named_levels = {m.region.level for m in mentions if m.government}
    found = []
    for term in doc.spans[TERMS_KEY]:
        if term.label_ == "TITLE":
            level, named_person = _title_levels()[int(term.id_)], term.end < len(doc) and doc[term.end].is_title
        elif term.label_ == "ANCHOR" and anchors[term.id_]["government"]:
            level, named_person = anchors[term.id_]["level"], True
        else:
            continue
        if level not in INDONESIAN_LEVELS or level in named_levels or term.start in covered:
            continue
        if not (term.text[:1].isupper() and named_person):
            continue  # `menjadi wali kota di ibu kota provinsi`: the office, not a person's title
        region = next((r for r in regions_by_bare_name().get(place.id_, ()) if r.level == level), None)
        if region is not None:
            found.append(Mention(region=region, start_char=term.start_char, end_char=term.end_char, text=term.text,
                                 sent_start=term.sent.start_char, government=True, anchored=True,
                                 title_start=term.start if term.label_ == "TITLE" else None))
    return found


def _resolve_without_level(candidates: tuple[Region, ...], mentions: list[Mention]) -> Optional[Region]:
    """`DPRD Purbalingga`: the one region of that name, or the level this article already used for it."""
    if len(candidates) == 1:
        return candidates[0]
    seen = {m.region.key for m in mentions}
    return next((r for r in candidates if r.key in seen), None)


def _resolve_bare(pending: list[tuple[Span, tuple[Region, ...]]], mentions: list[Mention]) -> list[Mention]:
    """Bare names (`Bekasi`) echo a region the article names with its level elsewhere.

    A name that stays ambiguous within one province (`di Semarang`: Kota or Kabupaten Semarang)
    still places what happens there in that province, which may be the host party.
    """
    seen = {m.region.key: m.region for m in mentions}
    resolved = []
    for place, candidates in pending:
        region = next((r for r in candidates if r.key in seen), None)
        if region is None and len(candidates) == 1:
            region = candidates[0]
        if region is None and candidates and len({r.province_code for r in candidates}) == 1:
            region = _province(candidates[0].province_code)
        if region is None:
            continue
        resolved.append(Mention(region=region, start_char=place.start_char, end_char=place.end_char,
                                text=place.text, sent_start=place.sent.start_char, government=False,
                                anchored=False))
    return resolved


def _province(code: str) -> Region:
    return next(r for r in indonesian_regions() if r.level == "provinsi" and r.code == code)


@lru_cache(maxsize=None)
def _bare_names_by_level() -> dict[str, dict[str, Region]]:
    names: dict[str, dict[str, Region]] = {level: {} for level in INDONESIAN_LEVELS}
    for region in indonesian_regions():
        names[region.level][fold(region.bare)] = region
    return names


def _unknown_names_after_anchors(doc: Doc, covered: set[int], named: set[str],
                                 districts: list[Region]) -> list[Mention]:
    """`Pemkab Sanggae`, `Majlis Daerah Tuaran`, `Wali Kota Higashikawa, Jepang`: a government anchor
    followed by a name the gazetteer lacks.

    After a title the next word is most often the person (`Bupati Nina`), so there a misspelling is
    taken only for a region the article also names correctly (`Bupati Mokumuko` for Mukomuko), and an
    unknown name only as a foreign city when its country follows it (`Walikota Higashikawa Jepang`).
    A prefecture or state (`Prefektur Kagawa`) is a party itself unless it locates the place before it.
    """
    anchors = load_data("gazetteer")["government_anchors"]
    titles_by_end = {t.end: t for t in doc.spans[TERMS_KEY] if t.label_ == "TITLE"}
    in_terms = {i for t in doc.spans[TERMS_KEY] for i in range(t.start, t.end)}
    found = []
    # Government forms first, so that a title may take a misspelling a form resolved (`Pemkab Sinjunjung`).
    for term in sorted(doc.spans[TERMS_KEY], key=lambda t: (t.label_ != "ANCHOR", t.start)):
        if term.end in covered or term.end >= len(doc):
            continue
        title_start = term.start if term.label_ == "TITLE" else None
        if term.label_ == "ANCHOR":
            spec = anchors[term.id_]
            level, government = spec["level"], spec["government"]
        elif term.label_ == "TITLE":
            level, government = _title_levels()[int(term.id_)], True
        elif term.label_ == "QUALIFIER" and not _locates_previous(doc, term.start, covered):
            level, government = "foreign_region", True
            title = titles_by_end.get(term.start)
            title_start = title.start if title is not None else None
        else:
            continue
        if level is None or level == "country":
            continue
        words = []
        for token in doc[term.end:term.end + MAX_UNKNOWN_NAME_TOKENS]:
            if not token.is_title or token.i in covered or token.i in in_terms:
                break  # `Gubernur Negara Bagian Victoria`: the next term anchors the name, not this one
            if words and is_honorific(token):
                break  # `Kerajaan Negeri Sabah Datuk Haji Ramli`: a person's honorifics after the place
            words.append(token)
        if not words:
            continue
        region = None
        if level in INDONESIAN_LEVELS and (government or level == "kabupaten"):
            region = _match_unknown(words, level)
            if (region is not None and term.label_ == "TITLE" and region[0].key not in named
                    and not _close_misspelling(words[0], region[0])):
                region = None
        if region is None:
            region = _foreign_named_before(words, found)  # `Kota Higashikawa` after `Higashikawa, Jepang`
        if region is None and term.label_ == "TITLE":
            region = district_as_distrik(words, districts)
        if region is None:
            region = _unknown_foreign(words, doc, country_required=level in INDONESIAN_LEVELS or term.label_ == "TITLE")
        if region is None:
            continue
        named.add(region[0].key)
        span = doc[term.start:region[1]]
        found.append(Mention(region=region[0], start_char=span.start_char, end_char=span.end_char, text=span.text,
                             sent_start=term.sent.start_char, government=government, anchored=True,
                             title_start=title_start))
    return found


def _locates_previous(doc: Doc, index: int, covered: set[int]) -> bool:
    """`Kota Izumisano, Perfektur Osaka`: a qualifier right after a place only locates that place, as
    one after `kota di` does (`kota di Prefektur Chiba tersebut`)."""
    before = index - 1 if index and doc[index - 1].text != "," else index - 2
    return (before >= 0 and before in covered) or (index >= 2 and doc[index - 1].lower_ == "di"
                                                   and doc[index - 2].lower_ in LOCATED_PLACE_WORDS)


LOCATED_PLACE_WORDS = frozenset({"kota", "kabupaten", "daerah", "wilayah", "kawasan"})


def _foreign_named_before(words, found: list[Mention]) -> Optional[tuple[Region, int]]:
    """`Wali Kota Mitaka Yasuko Kawamura` after `Kota Mitaka, Jepang`: after a title, the name of a
    foreign city the article has named with its country is that city, and the words after it the person."""
    by_name = {fold(m.region.name): m.region for m in found if m.region.key.startswith(FOREIGN_REGION_KEY)}
    for n in range(len(words), 0, -1):
        region = by_name.get(fold(" ".join(w.text for w in words[:n])))
        if region is not None:
            return region, words[n - 1].i + 1
    return None


def _unknown_foreign(words, doc: Doc, country_required: bool) -> Optional[tuple[Region, int]]:
    """A foreign government the gazetteer lacks: its name, and the country named right after it
    (`Higashikawa, Hokkaido, Jepang`), else (where not required) the country the article names first."""
    countries = {s.start: s for s in doc.spans[PLACES_KEY] if s.label_ == "COUNTRY"}
    name = []
    for token in words:
        if token.i in countries:
            break
        name.append(token)
    if not name or any(fold(t.text) in countries_by_name() for t in name):
        return None
    country = None
    index = name[-1].i + 1
    for index in range(index, min(index + MAX_TOKENS_TO_COUNTRY, len(doc))):
        if index in countries:
            country = countries_by_name()[countries[index].id_].country
            break
        if not (doc[index].text == "," or doc[index].is_title):
            break
    if country is None and not country_required:
        first = sorted((s.start < name[0].i, s.start, s.id_) for s in countries.values())
        country = countries_by_name()[first[0][2]].country if first else ""
    if country is None or country == "ID":
        return None
    text = " ".join(t.text for t in name)
    region = Region(key=f"{FOREIGN_REGION_KEY}{fold(text)}", name=text, level="foreign_city", country=country, bare=text)
    return region, name[-1].i + 1


def _match_unknown(words, level: str) -> Optional[tuple[Region, int]]:
    """A misspelt Indonesian region after its anchor (`Pemkab Sinjunjung`), by fuzzy match of its bare name.

    A short name is too close to too many others to be read as a misspelling (`Tuba`, a local short
    name, is one letter from `Tuban`), and a match needs a margin over the next region's."""
    choices = _bare_names_by_level()[level]
    best = None
    for n in range(1, len(words) + 1):
        text = fold(" ".join(w.text for w in words[:n]))
        if len(text) < MIN_FUZZY_CHARS:
            continue
        hits = process.extract(text, choices.keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_REGION_CUTOFF, limit=2)
        if not hits or hits[0][0][:1] != text[:1]:
            continue  # a misspelling keeps its first letter; a person's name after a title rarely does
        if len(hits) > 1 and hits[0][1] - hits[1][1] < FUZZY_REGION_MARGIN:
            continue
        if best is None or hits[0][1] > best[1]:
            best = (choices[hits[0][0]], hits[0][1], words[n - 1].i + 1)
    return (best[0], best[2]) if best else None


def _close_misspelling(word, region: Region) -> bool:
    """`Wali Kota Subusalam Affan Alfian`: a long word after a title this close to a region's name is
    that region misspelt, not a person's name, though the article names the region nowhere else."""
    return (len(word.text) >= MIN_CLOSE_MISSPELLING_CHARS
            and fuzz.ratio(fold(word.text), fold(region.bare)) >= CLOSE_MISSPELLING_RATIO)


@dataclass
class PartyTally:
    region: Region
    government: int = 0
    anchored: int = 0
    total: int = 0
    first: int = 0
    mentions: list[Mention] = field(default_factory=list)


def select_parties(mentions: list[Mention], event_sentences: Optional[set[int]] = None,
                   listed: frozenset[str] | set[str] = frozenset()) -> list[PartyTally]:
    """The governments that take part: those named as governments, topped up with named places to make two.

    Beyond the two governments named most, a government takes part only when it is named as one
    more than once or in a sentence that reports the event; otherwise it is background
    (`program Pemprov Jabar`). A region `listed` in a roster of participants (`listed_regions`)
    takes part whether or not it is named as a government.
    """
    tallies: dict[str, PartyTally] = {}
    for m in mentions:
        tally = tallies.setdefault(m.region.key, PartyTally(region=m.region, first=m.start_char))
        tally.government += m.government
        tally.anchored += m.anchored
        tally.total += 1
        tally.mentions.append(m)
    governments = sorted((t for t in tallies.values() if t.government or t.region.key in listed),
                         key=lambda t: (-t.government, t.first))
    chosen = governments[:MIN_PARTIES] + [
        t for t in governments[MIN_PARTIES:]
        if t.government > 1 or t.region.key in listed or event_sentences is None
        or any(m.sent_start in event_sentences for m in t.mentions)]
    if len(chosen) < MIN_PARTIES:
        rest = sorted((t for t in tallies.values() if t.anchored and not t.government),
                      key=lambda t: (-t.anchored, t.first))
        for tally in rest:
            if len(chosen) >= MIN_PARTIES:
                break
            if not any(_inside(tally.region, c.region) or _inside(c.region, tally.region) for c in chosen):
                chosen.append(tally)
    return sorted(chosen, key=lambda t: t.first)


def parties_taking_part(doc: Doc, mentions: list[Mention]) -> list[PartyTally]:
    """`select_parties` with what the article says of who takes part: the sentences that report the
    event, a roster of participants, a forum's governments; and not a region named only as a
    witness or in a plan (`Penandatanganan disaksikan Gubernur Jawa Tengah`)."""
    spans = [(m.region.key, m.start_char, m.end_char) for m in mentions]
    active = {key for key, _, _ in taking_part(spans, doc)}
    mentions = [m for m in mentions if m.region.key in active]
    listed = listed_regions(doc, mentions) | forum_regions(doc, mentions) | accompanying_envoys(doc, mentions)
    return select_parties(mentions, event_sentence_starts(doc), listed)
