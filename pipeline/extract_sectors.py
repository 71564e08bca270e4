"""Sectors: the fields the parties cooperate in, discuss or study, as codes of sectors.json.

Sector phrases are matched with spaCy `PhraseMatcher`s (acronyms such as `TPA` case-sensitively,
other phrases in any case), and only in sentences that speak of the cooperation itself (a topic
cue such as `kerja sama`, `bidang`, `studi tiru`, `membahas`, or right after one, where a list of
fields goes on: "... kerja sama di 9 bidang. Yakni pengelolaan ..."): a city's introduction of
itself is background, not a sector. The longest phrase wins, so `limbah cair` is wastewater, not waste.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from .knowledge import load_data
from .ner import shared_nlp
from .schema import Evidence, Sector


@lru_cache(maxsize=None)
def _matchers() -> tuple[PhraseMatcher, PhraseMatcher]:
    nlp = shared_nlp()
    any_case, acronyms = PhraseMatcher(nlp.vocab, attr="LOWER"), PhraseMatcher(nlp.vocab, attr="ORTH")
    for topic in load_data("sectors")["topics"]:
        for phrase in topic["phrases"]:
            matcher = acronyms if phrase.isupper() else any_case
            matcher.add(topic["code"], [nlp.make_doc(phrase)])
    return any_case, acronyms


@lru_cache(maxsize=None)
def _topic_cue() -> re.Pattern:
    cues = sorted(load_data("cues")["topic_cues"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=None)
def _list_opener() -> re.Pattern:
    openers = sorted(load_data("cues")["list_openers"], key=len, reverse=True)
    return re.compile(r"\s*(?:" + "|".join(re.escape(o) for o in openers) + r")(?!\w)", re.IGNORECASE)


def extract_sectors(doc: Doc, doc_id: str) -> list[Sector]:
    any_case, acronyms = _matchers()
    spans = filter_spans(any_case(doc, as_spans=True) + acronyms(doc, as_spans=True))
    cue = _topic_cue()
    sentences = list(doc.sents)
    opener = _list_opener()
    on_topic = {s.start for i, s in enumerate(sentences)
                if cue.search(s.text) or (i and opener.match(s.text) and cue.search(sentences[i - 1].text))}
    sectors: dict[str, Sector] = {}
    for span in sorted(spans, key=lambda s: s.start):
        if span.sent.start not in on_topic:
            continue
        sector = sectors.setdefault(span.label_, Sector(code=span.label_))
        phrase = span.text.lower() if not span.text.isupper() else span.text
        if phrase not in sector.phrases:
            sector.phrases.append(phrase)
        sector.evidence.append(Evidence(doc_id=doc_id, start=span.start_char, end=span.end_char, text=span.text))
    return list(sectors.values())
