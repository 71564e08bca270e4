"""Governments an article names as taking part beyond those it names as parties: a roster of
participants (`antar 11 kabupaten/kota, meliputi ...`), the governments at a forum of many
(`rapat koordinasi bersama 24 kabupaten/kota`), and a country whose envoy accompanies a
delegation. `extract_parties` adds them to the parties."""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span

from .extract_event import CUE_PRIORITY, cue_patterns, narrative_of, taking_part
from .region_mentions import Mention
from ..knowledge import load_data
from ..ner.nlp import doc_text

ROSTER_MIN_REGIONS = 4  # a sentence or list naming this many regions at their level enumerates participants
ROSTER_ITEM_MAX_TOKENS = 8  # `2. Gubernur Sumatera Barat`: one line of a listed roster
LIST_MARKER_MAX_CHARS = 3  # `1.`, `a.`, `•`: the sentencizer may make a list line's number a sentence
VENUE_MAX_TOKENS_BEFORE = 5  # `di Abadi Convention Centre, Kota Jambi`
LIST_JOINERS = frozenset({"dan", "serta", ";"})


@lru_cache(maxsize=None)
def _venue_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words before a venue (`di`), and the list openers of two words (`di antaranya`)."""
    cues = load_data("cues")
    return frozenset(cues["roster_cues"]["venue_before"]), frozenset(
        opener for opener in cues["list_openers"] if len(opener.split()) == 2)


def _named_at_its_level(doc: Doc, m: Mention) -> bool:
    """Whether the mention names a region with its level word (`Kabupaten Cilacap`), not as where an
    event is held (`di Kota Semarang`)."""
    if not m.anchored:
        return False
    venue_words, two_word_openers = _venue_words()
    first = doc.char_span(m.start_char, m.end_char, alignment_mode="expand").start
    # `di Kota Semarang`, `di Abadi Convention Centre, Kota Jambi`: a `di` a few words before, in the
    # same list item, places the event, unless it opens a list (`di antaranya`)
    for index in range(first - 1, max(first - 1 - VENUE_MAX_TOKENS_BEFORE, -1), -1):
        token = doc[index]
        if token.lower_ in LIST_JOINERS or token.ent_type_ == "LOC":
            break
        if token.lower_ in venue_words and doc[index:index + 2].text.lower() not in two_word_openers:
            return False
    return True


def listed_regions(doc: Doc, mentions: list[Mention]) -> set[str]:
    """The regions of a roster of participants: a sentence, or a run of short list lines, naming four
    or more regions at their level, told of as the cooperation, the event or attending it
    (`Kerja sama dilakukan antar 11 kabupaten/kota, meliputi Kabupaten Gresik, Jombang, Blora ...`)
    in itself or in the sentence before it, and not as a plan nor as a forum's membership
    (`anggota forum itu ada lima kabupaten yaitu ...`). The place where a signing is held
    (`di Kota Semarang`) is its venue, not one of its parties."""
    regions_in: dict[int, set[str]] = {}
    for m in mentions:
        if _named_at_its_level(doc, m):
            regions_in.setdefault(m.sent_start, set()).add(m.region.key)
    patterns = cue_patterns()
    told = [patterns["roster"]] + [patterns[kind] for kind in CUE_PRIORITY]
    text = doc_text(doc)  # sliced once per sentence: spaCy joins a span's tokens at every `.text`
    texts = {s.start: text[s.start_char:s.end_char] for s in doc.sents}
    sentences = [s for s in doc.sents if len(texts[s.start].strip()) > LIST_MARKER_MAX_CHARS]

    def list_line(sent: Span) -> bool:
        return len(sent) <= ROSTER_ITEM_MAX_TOKENS and sent.start_char in regions_in

    listed: set[str] = set()
    index = 0
    while index < len(sentences):
        block = [sentences[index]]
        while list_line(block[-1]) and index + len(block) < len(sentences) and list_line(sentences[index + len(block)]):
            block.append(sentences[index + len(block)])
        named = set().union(*(regions_in.get(s.start_char, set()) for s in block))
        context = block + sentences[index - 1:index]
        if (len(named) >= ROSTER_MIN_REGIONS and any(p.search(texts[s.start]) for s in context for p in told)
                and not any(patterns["planned"].search(texts[s.start]) or patterns["membership"].search(texts[s.start])
                            for s in block)):
            listed |= named
        index += len(block)
    return listed


def forum_regions(doc: Doc, mentions: list[Mention]) -> set[str]:
    """The regions named as governments (an official's, a Pemkab's), in an article whose report of
    the event counts three or more governments taking part (`Pemprov Sulsel menggelar rapat
    koordinasi bersama 24 kabupaten/kota`): at a meeting of many governments, a regent who speaks
    speaks as one of them (`Bupati Gowa ... menyebut`), however seldom the article names the
    regency; so does a region named at its level where the governments are counted. Not a
    witness, nor one named in a sentence about a plan."""
    patterns = cue_patterns()
    narrative = narrative_of(doc)
    if not patterns["forum_groups"].search(narrative):
        return set()  # most articles: one search, no sentence to try

    def reports_forum(sent: Span) -> bool:
        start, end = sent.start_char, sent.end_char
        return bool(patterns["forum_groups"].search(narrative, start, end)
                    and any(patterns[kind].search(narrative, start, end) for kind in CUE_PRIORITY)
                    and not patterns["planned"].search(narrative, start, end))

    sentences = list(doc.sents)
    forum_at = [index for index, sent in enumerate(sentences) if reports_forum(sent)]
    if not forum_at:
        return set()
    # the sentence that counts the governments, and the one after it, may name them at their level:
    # `Lima pemerintah kabupaten menandatangani ... Penandatanganan diikuti Kabupaten Banyumas selaku
    # tuan rumah, Kabupaten Cilacap, ...`; a region so named takes part as much as its regent does
    roster = [(sentences[i].start_char, sentences[min(i + 1, len(sentences) - 1)].end_char) for i in forum_at]
    named = [(m.region.key, m.start_char, m.end_char) for m in mentions
             if m.government or (_named_at_its_level(doc, m) and any(s <= m.start_char < e for s, e in roster))]
    return {key for key, _, _ in taking_part(named, doc)}


ENVOY_AFTER_ACCOMPANYING_MAX_CHARS = 150  # `didampingi Konselor Bidang Kebudayaan ... Kedutaan Besar Jerman`


def accompanying_envoys(doc: Doc, mentions: list[Mention]) -> set[str]:
    """The countries whose embassy or envoy accompanies a delegation (`Delegasi juga didampingi Konsul
    Jenderal Australia di Makassar`): the envoy acts for the country, which takes part."""
    envoys = [m for m in mentions if m.region.level == "country" and m.anchored]
    if not envoys:
        return set()  # most articles name no embassy or envoy
    pattern = cue_patterns()["accompanying"]
    narrative = narrative_of(doc)
    found = set()
    for m in envoys:
        start = max(m.sent_start, m.start_char - ENVOY_AFTER_ACCOMPANYING_MAX_CHARS)
        if pattern.search(narrative, start, m.start_char):
            found.add(m.region.key)
    return found
