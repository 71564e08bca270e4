"""One article in, at most one event record out: the extract stages run over one annotated text."""
from __future__ import annotations

import hashlib
from datetime import date
from typing import Optional

from spacy.tokens import Doc

from .clean import clean_article_text
from .ingest import normalise
from .extract_dates import date_stamps, extract_event_date
from .extract_event import classify_event, is_opinion_piece
from .extract_officials import find_official_mentions, merge_officials
from .extract_parties import MIN_PARTIES, find_mentions, parties_taking_part
from .extract_sectors import extract_sectors
from .party_roles import assign_roles
from ..ner.nlp import DEFAULT_BACKEND, annotate
from ..schema import Article, EventRecord, Source


INDEX_PAGE_STAMPS = 3


def record_from_doc(article: Article, doc: Doc) -> Optional[EventRecord]:
    """The event an annotated article reports, or None when it reports none."""
    if date_stamps(article.text) >= INDEX_PAGE_STAMPS or is_opinion_piece(article.text):
        return None  # a tag or index page lists many articles' events, a column recalls them; neither reports one
    mentions = find_mentions(doc)
    tallies = parties_taking_part(doc, mentions)
    if len(tallies) < MIN_PARTIES:
        return None
    event = classify_event(doc, article.doc_id, [(t.region.key, m.start_char, m.end_char) for t in tallies for m in t.mentions])
    if event is None:
        return None
    parties = assign_roles(article.text, tallies, event.type, article.doc_id, remote=event.remote)
    event_date, published = extract_event_date(article.text, article.doc_id, article.published)
    region_names = {t.region.key: t.region.name for t in tallies}
    officials = merge_officials(find_official_mentions(doc, mentions, tallies), region_names, article.doc_id)
    source = Source(doc_id=article.doc_id, url=article.url, published=published, title=article.title)
    return EventRecord(event_id=provisional_event_id(article.doc_id), type=event.type, date=event_date,
                       parties=parties, officials=officials, sectors=extract_sectors(doc, article.doc_id),
                       sources=[source], evidence=event.evidence)


def provisional_event_id(doc_id: str) -> str:
    """An article's own id until the merge stage gives the event its lasting one."""
    return "doc-" + hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:16]


def extract_record(article: Article, backend: str = DEFAULT_BACKEND) -> Optional[EventRecord]:
    """The event a cleaned article reports, if any."""
    return record_from_doc(article, annotate(article.text, backend))


def extract_from_text(text: str, doc_id: str = "text", published: Optional[date] = None,
                      backend: str = DEFAULT_BACKEND) -> Optional[EventRecord]:
    """For a notebook: the event one piece of raw article text reports, if any, as `run` would see it."""
    cleaned, _ = clean_article_text(normalise(text))
    return extract_record(Article(doc_id=doc_id, text=cleaned, published=published), backend)
