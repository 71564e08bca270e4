"""Sectors: the fields the parties cooperate in, discuss or study, as codes of sectors.json.

Sector phrases are matched with spaCy `PhraseMatcher`s (acronyms such as `TPA` case-sensitively,
other phrases in any case), in sentences that speak of the cooperation itself (a topic cue such
as `kerja sama`, `bidang`, `studi tiru`, `membahas`, or right after one, where a list of fields
goes on: "... kerja sama di 9 bidang. Yakni pengelolaan ..."): a city's introduction of itself is
background, not a sector. A field named `SUBJECT_MENTIONS` times or more counts wherever it is
named. The longest phrase wins, so `limbah cair` is wastewater, not waste. A phrase inside an
office's name (`Kepala Dinas Perdagangan`) is the office's, not a field of the talks; a street's
(`Jalan Khatib Sulaiman`) is an address; a sentence that opens on an earlier meeting
(`Sebelumnya, ...`) tells of that meeting's fields, and one that gives a party's profile
(`gambaran umum`) of the party.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .extract_event import cue_patterns, narrative_of
from ..knowledge import load_data
from ..ner.nlp import doc_text, pattern_tokenizer
from ..schema import Evidence, Sector


# A field the article names this many times is one of its subjects, in the sentences without a
# topic cue too: "... bergantung pada daerah lain dalam hal pangan" after a signing on food.
SUBJECT_MENTIONS = 3


@lru_cache(maxsize=None)
def _matchers() -> tuple[PhraseMatcher, PhraseMatcher, dict[int, str]]:
    """Matchers of the sector phrases, and the sector code of each match id.

    The patterns are tokenised apart from the pipeline, so its documents may have another
    vocabulary: match ids are mapped back to codes here rather than read from that vocabulary.
    """
    tokenizer = pattern_tokenizer()
    any_case, acronyms = PhraseMatcher(tokenizer.vocab, attr="LOWER"), PhraseMatcher(tokenizer.vocab, attr="ORTH")
    codes = {}
    for topic in load_data("sectors")["topics"]:
        codes[tokenizer.vocab.strings.add(topic["code"])] = topic["code"]
        for phrase in topic["phrases"]:
            matcher = acronyms if phrase.isupper() else any_case
            matcher.add(topic["code"], [tokenizer(phrase)])
    return any_case, acronyms, codes


@lru_cache(maxsize=None)
def _topic_cue() -> re.Pattern:
    cues = sorted(load_data("cues")["topic_cues"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=None)
def _self_introduction() -> re.Pattern:
    words = sorted(load_data("sectors")["self_introduction_words"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=None)
def _phrases_only_beside_another() -> frozenset[str]:
    return frozenset(load_data("sectors")["phrases_only_beside_another"])


MENU_SEPARATORS = frozenset({"|", "/", "»", "›"})


def _is_menu_item(span: Span) -> bool:
    """Whether the phrase stands alone between a page menu's separators (`Pemerintahan | Ekonomi |
    Hukum`, `Berita Utama  Pemerintahan  Ekonomi`, spaCy's tokens of the extra spaces): a section of
    the site, not a field of the talks."""
    doc = span.doc
    neighbours = [doc[i] for i in (span.start - 1, span.end) if 0 <= i < len(doc)]
    return bool(neighbours) and all(token.is_space or token.text in MENU_SEPARATORS for token in neighbours)


@lru_cache(maxsize=None)
def _list_opener() -> re.Pattern:
    openers = sorted(load_data("cues")["list_openers"], key=len, reverse=True)
    # Anchored: only a sentence's start opens a list; unanchored, a search would rescan every run of
    # spaces from each of its spaces (quadratic time on hostile text).
    # a numbered item (`2.`, `3)`) opens as its first one does
    return re.compile(r"\A\s*(?:" + "|".join(re.escape(o) for o in openers) + r"|\d{1,2}[.)])(?!\w)", re.IGNORECASE)


LIST_MARKER_MAX_CHARS = 3  # `1.`, `a.`, `•` alone


def _is_list_marker(text: str) -> bool:
    return len(text.strip()) <= LIST_MARKER_MAX_CHARS and bool(_list_opener().match(text))


NAME_JOINERS = frozenset({"dan", "&", ","})


def _office_name_tokens(doc: Doc) -> set[int]:
    """The words of offices' names after their first word (`Dinas Kepemudaan, Olahraga dan
    Pariwisata`, `Badan Perencanaan Pembangunan Daerah`): capitalised, or joining two that are."""
    office_words = frozenset(load_data("sectors")["office_words"])
    inside: set[int] = set()
    for token in doc:
        if token.text not in office_words:
            continue
        index = token.i + 1
        while index < len(doc) and (doc[index].is_title or (
                doc[index].lower_ in NAME_JOINERS and index + 1 < len(doc) and doc[index + 1].is_title)):
            inside.add(index)
            index += 1
    return inside


def extract_sectors(doc: Doc, doc_id: str) -> list[Sector]:
    any_case, acronyms, codes = _matchers()
    in_office_names = _office_name_tokens(doc)
    spans = filter_spans([Span(doc, start, end, label=codes[match_id])
                          for match_id, start, end in any_case(doc) + acronyms(doc)])
    cue = _topic_cue()
    sentences = list(doc.sents)
    opener = _list_opener()
    text = doc_text(doc)  # sliced once per sentence: spaCy joins a span's tokens at every `.text`
    texts = [text[s.start_char:s.end_char] for s in sentences]
    on_topic: set[int] = set()
    for i, sent in enumerate(sentences):
        # a list goes on item after item: each bullet of "... kerja sama di 9 bidang: • ... • ..." is on
        # topic, as is the item after a number the sentencizer made a sentence of (`1.`)
        after_topic = i and sentences[i - 1].start in on_topic
        if cue.search(texts[i]) or (after_topic and (opener.match(texts[i]) or _is_list_marker(texts[i - 1]))):
            on_topic.add(sent.start)
    address_words = frozenset(load_data("sectors")["address_words"])
    earlier = cue_patterns()["earlier"]
    narrative = narrative_of(doc)
    introduction = _self_introduction()
    earlier_sentences = {sent.start for sent, sent_text in zip(sentences, texts)
                         if earlier.match(narrative, sent.start_char + len(sent_text) - len(sent_text.lstrip()))
                         or introduction.search(sent_text)}
    # `Jalan Khatib Sulaiman` is an address, `| Ekonomi |` a menu's; a sentence that opens on an earlier meeting (`Sebelumnya,
    # ... menjajaki kerja sama di bidang perikanan`) tells of its fields, not of this one's
    spans = [span for span in spans if span.sent.start not in earlier_sentences and not _is_menu_item(span) and not (
        span.text in address_words and span.end < len(doc) and doc[span.end].is_title)]
    mentions = Counter(span.label_ for span in spans)
    sectors: dict[str, Sector] = {}
    for span in sorted(spans, key=lambda s: s.start):
        if span.sent.start not in on_topic and mentions[span.label_] < SUBJECT_MENTIONS:
            continue
        if span.start in in_office_names:
            continue  # `Kepala Dinas Perdagangan` is no field of the talks, though it adds to a subject's count
        sector = sectors.setdefault(span.label_, Sector(code=span.label_))
        phrase = span.text.lower() if not span.text.isupper() else span.text
        if phrase not in sector.phrases:
            sector.phrases.append(phrase)
        sector.evidence.append(Evidence(doc_id=doc_id, start=span.start_char, end=span.end_char, text=span.text))
    # `membuka jalan` is no road, `retribusi parkir` a levy: such a phrase alone names no field
    return [sector for sector in sectors.values() if not _phrases_only_beside_another().issuperset(sector.phrases)]
