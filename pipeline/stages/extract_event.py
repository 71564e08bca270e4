"""Event type: agreement, meeting or visit, from cue words in sentences that report something done.

A signing wins over a visit (the guide's rule); a meeting held over video is a meeting; a visit,
study trip or audience is a visit; a plain `pertemuan` with no visit word is a meeting. A sentence
with a marker of the future (`akan`, `rencana`) reports a plan, and one with a marker of an earlier
time (`pernah`, `tahun lalu`) another event; a cue inside a quotation is someone's words, not the
report of what took place: none of them counts.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import NamedTuple, Optional

from spacy.tokens import Doc, Span

from ..knowledge import load_data
from ..ner.nlp import doc_text
from ..schema import Evidence

# A signing wins over a visit, a video meeting or a forum over the visit words it may use; an
# in-person "pertemuan" is a meeting only when nothing says that one side visited the other.
CUE_PRIORITY = ("agreement", "meeting_virtual", "meeting", "visit", "meeting_in_person")
MIN_PARTIES_NEAR_CUE = 2
MEETING_CUES = frozenset({"meeting_virtual", "meeting", "meeting_in_person"})


def _words(words: list[str]) -> str:
    # `(?!\w)`, not `\b`, at the end: a phrase may end in a comma (`sebelumnya,`)
    return r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?!\w)"


@lru_cache(maxsize=None)
def cue_patterns() -> dict[str, re.Pattern]:
    cues = load_data("cues")
    # `kunjungan wisatawan`, `rombongan turis`: visitors who are no government's delegation
    not_governments = r"(?!\s+" + _words(cues["not_government_visitors"]) + ")"
    patterns = {kind: re.compile(_words(words) + not_governments, re.IGNORECASE)
                for kind, words in cues["event_types"].items()}
    patterns["planned"] = re.compile(_words(cues["planned_markers"] + cues["earlier_event_markers"]), re.IGNORECASE)
    patterns["earlier"] = re.compile(_words(cues["earlier_event_markers"]), re.IGNORECASE)
    patterns["plan_anaphor"] = re.compile(rf"(?:{_words(cues['plan_anaphor_openers'])}\s+)?{_words(cues['plan_anaphors'])}",
                                          re.IGNORECASE)
    patterns["accompanying"] = re.compile(_words(cues["accompanying_words"]), re.IGNORECASE)
    patterns["national_meeting"] = re.compile(_words(cues["national_meetings"]["phrases"]), re.IGNORECASE)
    patterns["next_stop"] = re.compile(_words(cues["next_stop_markers"]["phrases"]), re.IGNORECASE)
    patterns["opinion"] = re.compile(_words(cues["opinion_markers"]["phrases"]), re.IGNORECASE)
    patterns["agreement_anaphor"] = re.compile(_words(cues["agreement_anaphors"]), re.IGNORECASE)
    patterns["witness"] = re.compile(_words(cues["witness_markers"]["named_after"]), re.IGNORECASE)
    patterns["witness_before"] = re.compile(_words(cues["witness_markers"]["named_before"]), re.IGNORECASE)
    patterns["roster"] = re.compile(_words(cues["roster_cues"]["words"]), re.IGNORECASE)
    patterns["membership"] = re.compile(_words(cues["roster_cues"]["membership"]), re.IGNORECASE)
    groups = cues["party_groups"]
    # `11 kabupaten/kota`, `tujuh pemerintah kota`: a number, one space, a counted word; no nested repetition
    number = r"(?:\d{1,3}|" + "|".join(re.escape(w) for w in groups["numbers"]) + ")"
    counted = r"\b" + number + " (?:" + "|".join(re.escape(w) for w in sorted(groups["counted"], key=len, reverse=True)) + r")\b"
    patterns["party_groups"] = re.compile(_words(groups["phrases"]) + "|" + counted, re.IGNORECASE)
    forum = cues["forum_groups"]
    # `3`-`999`: a number of three or more governments
    many = r"(?:[3-9]|[1-9]\d{1,2}|" + "|".join(re.escape(w) for w in forum["numbers"]) + ")"
    patterns["forum_groups"] = re.compile(
        _words(forum["phrases"]) + r"|\b" + many + " (?:" + "|".join(
            re.escape(w) for w in sorted(groups["counted"], key=len, reverse=True)) + r")\b", re.IGNORECASE)
    return patterns


def is_opinion_piece(text: str) -> bool:
    """Whether the article is a column that says so (`Penulis adalah dosen ...`, `Tulisan ini adalah
    opini pribadi`): an opinion reports no event, whatever signings it recalls."""
    return bool(cue_patterns()["opinion"].search(text))


QUOTED = re.compile(r"“[^”]{0,2000}”|\"[^\"\n]{0,2000}\"")


def without_quotes(text: str) -> str:
    """The text with what people are quoted as saying blanked out, offsets kept."""
    return QUOTED.sub(lambda m: " " * len(m.group(0)), text)


NARRATIVE_KEY = "kerjasama.narrative"


def narrative_of(doc: Doc) -> str:
    """`without_quotes` of the doc's text, made once per doc and kept in its `user_data`: the event,
    party and sector extractors each search it."""
    narrative = doc.user_data.get(NARRATIVE_KEY)
    if narrative is None:
        narrative = doc.user_data[NARRATIVE_KEY] = without_quotes(doc_text(doc))
    return narrative


class EventClass(NamedTuple):
    type: str
    evidence: list[Evidence]
    cue: str  # the kind of cue that decided it: `meeting_virtual` means no side hosted

    @property
    def remote(self) -> bool:
        return self.cue == "meeting_virtual"


def classify_event(doc: Doc, doc_id: str,
                   party_spans: Optional[list[tuple[str, int, int]]] = None) -> Optional[EventClass]:
    """The event type and the sentences that gave it, or None when no sentence reports a done event.

    A sentence reports the event when it has a cue outside quotation marks (a quote says what
    someone thinks or plans, not what took place), no marker of the future, and, when the parties
    are known (`party_spans`: party key, start, end), when it or a sentence beside it names two of
    them, not counting witnesses: a visit "ke Jembatan Barelang" in an article about preparing a
    delegation's visit is not one government meeting another.
    """
    patterns = cue_patterns()
    narrative = narrative_of(doc)
    sentences = list(doc.sents)
    if party_spans is not None:
        party_spans = taking_part(party_spans, doc)
    evidence: dict[str, list[Evidence]] = {kind: [] for kind in CUE_PRIORITY}
    national = _national_meeting_paragraphs(narrative)
    previous_planned = False
    for index, sent in enumerate(sentences):
        text = narrative[sent.start_char:sent.end_char]
        # `... dijadwalkan berkunjung bulan depan. Kunjungan tersebut dalam rangka ...`: the visit
        # pointed back to is the planned one
        planned = patterns["planned"].search(text) or (previous_planned and patterns["plan_anaphor"].match(text.lstrip()))
        previous_planned = bool(planned)
        if planned:
            continue
        near_cue = signatories = MIN_PARTIES_NEAR_CUE
        if party_spans is not None:
            start = sentences[max(index - 1, 0)].start_char
            end = sentences[min(index + 1, len(sentences) - 1)].end_char
            # `Penandatanganan Kerja Sama Antar Daerah` names the other parties as a group
            near_cue = (len({key for key, s, e in party_spans if s < end and start < e})
                        + bool(patterns["party_groups"].search(narrative, start, end)))
            # the signatories of an agreement are named where it is signed, or in the sentence
            # before one that points back to it: `... sepakat bekerja sama. Kesepakatan itu diteken ...`
            signed_from = start if patterns["agreement_anaphor"].search(text) else sent.start_char
            signatories = (len({key for key, s, e in party_spans if s < sent.end_char and signed_from < e})
                           + bool(patterns["party_groups"].search(narrative[signed_from:sent.end_char])))
        at_national_meeting = any(start <= sent.start_char < end for start, end in national)
        for kind in CUE_PRIORITY:
            # other events may be told across two sentences
            parties_seen = signatories if kind == "agreement" else near_cue
            if kind in MEETING_CUES and at_national_meeting:
                continue
            if parties_seen >= MIN_PARTIES_NEAR_CUE and patterns[kind].search(text):
                evidence[kind].append(_sentence_evidence(sent, doc_id))
    for kind in CUE_PRIORITY:
        if evidence[kind]:
            return EventClass(load_data("cues")["type_of_cue"].get(kind, kind), evidence[kind][:3], kind)
    return None


def _national_meeting_paragraphs(narrative: str) -> list[tuple[int, int]]:
    """The character ranges of the paragraphs that name a meeting the nation convenes."""
    ranges = []
    for match in cue_patterns()["national_meeting"].finditer(narrative):
        start = narrative.rfind("\n", 0, match.start()) + 1
        end = narrative.find("\n", match.end())
        ranges.append((start, end if end >= 0 else len(narrative)))
    return ranges


@lru_cache(maxsize=None)
def _witness_leads() -> frozenset[str]:
    return frozenset(load_data("cues")["witness_markers"]["leads"])


def taking_part(party_spans: list[tuple[str, int, int]], doc: Doc) -> list[tuple[str, int, int]]:
    """The party mentions that are neither witnesses (`Penandatanganan disaksikan Wakil Gubernur ...`,
    `Gubernur Jateng turut menyaksikan ...`) nor in a sentence about a plan or another time
    (`dijadwalkan melanjutkan kunjungan ke Provinsi Sulawesi Tengah`), nor in a paragraph that
    tells of a tour's next stop (`rombongan melanjutkan kunjungan ke Pemkab Sidoarjo. Di sana ...`)."""
    asides = _aside_ranges(doc)
    return [(key, s, e) for key, s, e in party_spans if not any(start <= s < end for start, end in asides)]


ASIDES_KEY = "kerjasama.asides"


def _aside_ranges(doc: Doc) -> list[tuple[int, int]]:
    """The character ranges `taking_part` leaves out, found once per document (three extractors ask).

    Each marker is searched for once over the whole text and placed in its sentence: most sentences
    hold none."""
    if ASIDES_KEY in doc.user_data:
        return doc.user_data[ASIDES_KEY]
    patterns = cue_patterns()
    narrative = narrative_of(doc)
    sentences = [(sent.start_char, sent.end_char) for sent in doc.sents]
    starts = [start for start, _ in sentences]

    def first_in_each_sentence(kind: str) -> dict[int, re.Match]:
        found: dict[int, re.Match] = {}
        for match in patterns[kind].finditer(narrative):
            index = bisect_right(starts, match.start()) - 1
            if index >= 0 and match.end() <= sentences[index][1]:
                found.setdefault(index, match)
        return found

    planned, next_stop = first_in_each_sentence("planned"), first_in_each_sentence("next_stop")
    witness, witness_before = first_in_each_sentence("witness"), first_in_each_sentence("witness_before")
    asides = []
    for index in sorted(set(planned) | set(next_stop) | set(witness) | set(witness_before)):
        start, end = sentences[index]
        if index in planned:
            asides.append((start, end))
        elif index in next_stop:
            paragraph_end = narrative.find("\n", start)
            asides.append((start, paragraph_end if paragraph_end >= 0 else len(narrative)))
        else:
            if index in witness:
                asides.append((witness[index].start(), end))
            if index in witness_before:
                marker = witness_before[index]
                clause_start = max(narrative.rfind(",", start, marker.start()) + 1, start)
                # a degree that ends the signatory's name ends the clause too: `..., M.Sc. Hadir menyaksikan ...`
                lead = {w for w in narrative[clause_start:marker.start()].lower().split() if not w.endswith(".")}
                if lead <= _witness_leads():
                    asides.append((marker.start(), end))  # `Turut menyaksikan, Wakil Gubernur ...`
                else:
                    asides.append((clause_start, marker.start()))
    doc.user_data[ASIDES_KEY] = asides
    return asides


def event_sentence_starts(doc: Doc) -> set[int]:
    """Character offsets of the sentences that carry any event cue (planned or done)."""
    patterns = cue_patterns()
    text = doc_text(doc)  # a sentence's text sliced from the doc's: spaCy joins a span's tokens at every `.text`
    return {sent.start_char for sent in doc.sents
            if any(patterns[k].search(text[sent.start_char:sent.end_char]) for k in CUE_PRIORITY)}


def _sentence_evidence(sent: Span, doc_id: str) -> Evidence:
    """The sentence without the whitespace around it, with offsets that still slice the text to it."""
    text = sent.text
    start = sent.start_char + len(text) - len(text.lstrip())
    return Evidence(doc_id=doc_id, start=start, end=start + len(text.strip()), text=text.strip())
