"""Whatever text comes in, extraction returns a record or None and never raises."""
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import extract_from_text
from pipeline.stages.clean import clean_article_text, clean_text
from pipeline.stages.extract import extract_record, record_from_doc
from pipeline.stages.extract_dates import extract_event_date
from pipeline.stages.extract_event import classify_event
from pipeline.stages.extract_officials import find_official_mentions, merge_officials
from pipeline.stages.extract_parties import find_mentions, parties_taking_part
from pipeline.stages.party_roles import assign_roles
from pipeline.stages.extract_sectors import extract_sectors
from pipeline.stages.ingest import list_input_files, read_file
from pipeline.ner.nlp import annotate
from pipeline.schema import Article

FRAGMENTS = st.sampled_from([
    "Pemkot Bekasi", "Pemerintah Kabupaten (Pemkab) Banyuwangi", "Wali Kota", "Pj.", "Bupati Sleman,",
    " menerima kunjungan kerja ", "Kamis (24/7/2025)", "Rabu (07/08)", "23–25 Juli 2025", "(", ")", ",", ".",
    "\n\n", "“kerja sama”", "\"", "Kota Izumisano, Jepang", "DPRD DKI Jakarta", "H. Tri Adhianto, S.T.",
    "selaku", "BACA JUGA: ", "menandatangani MoU", "Zoom", "akan", "31/2/2025", "99/99", "-", "ditandatangani",
])
ARTICLE_LIKE = st.lists(st.one_of(FRAGMENTS, st.text(max_size=12)), max_size=40).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), ARTICLE_LIKE))
def test_extraction_never_raises(text):
    record = extract_from_text(text, doc_id="fuzz")
    if record is not None:
        assert len(record.parties) >= 2
        assert record.sources[0].doc_id == "fuzz"


# Real articles, cut, repeated and spliced with hostile fragments: extraction still returns a record
# or None, and every piece of evidence is a true slice of the text it was read from.
SAMPLE = Path(__file__).resolve().parents[1] / "data" / "raw"
ARTICLES = [a.text for path in list_input_files(SAMPLE) for a in read_file(path)[0]]
HOSTILE = st.sampled_from(["[" * 300, "“" * 200, " " * 500, "\n" * 50, "\u200b", "\ufeff", "\x00", "Ø",
                           "komisi " * 40, "1/" * 100, "Pemkot " * 30, "(" * 100])


@st.composite
def mutated_articles(draw) -> str:
    text = draw(st.sampled_from(ARTICLES))
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 400)))
        mutation = draw(st.sampled_from(["cut", "repeat", "splice", "upper"]))
        if mutation == "cut":
            text = text[:start] + text[end:]
        elif mutation == "repeat":
            text = text[:end] + text[start:end] + text[end:]
        elif mutation == "splice":
            text = text[:start] + draw(st.one_of(HOSTILE, FRAGMENTS, st.text(max_size=20))) + text[start:]
        else:
            text = text[:start] + text[start:end].upper() + text[end:]
    return text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_articles())
def test_mutated_articles_give_a_record_or_none_with_true_evidence(raw):
    article = Article(doc_id="mutan", text=clean_text(raw))
    record = extract_record(article)
    if record is None:
        return
    evidence = [e for p in record.parties for e in p.evidence] + [e for o in record.officials for e in o.evidence]
    evidence += [e for s in record.sectors for e in s.evidence] + record.date.evidence + record.evidence
    for item in evidence:
        assert article.text[item.start:item.end] == item.text


def test_text_from_a_notebook_is_normalised_as_files_are():
    """Lone surrogates (from `\\ud800` escapes) and Windows line ends, which spaCy or UTF-8 reject, as ingest treats them."""
    record = extract_from_text("Pemkot Bekasi \ud800 menerima kunjungan kerja Pemkab Bogor\r\ndi Balai Kota Bekasi.")
    assert record is not None and "\ufffd" in record.evidence[0].text
    assert "\r" not in record.evidence[0].text


def test_text_from_a_notebook_has_unbroken_runs_blanked_as_a_run_does():
    record = extract_from_text("Pemkot Bekasi menerima kunjungan kerja Pemkab Bogor di Balai Kota Bekasi " + "“" * 5000 + ".")
    assert record is not None and "“" not in record.evidence[0].text


# Every real article we hold (dev and sample), whole, with its paragraphs shuffled, and cut short:
# each extractor runs to the end on every one of them, whether or not the article has an event.
DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "articles"
REAL_ARTICLES = [a for folder in (DEV, SAMPLE) for path in list_input_files(folder) for a in read_file(path)[0]]


def _variants(text: str, seed: int) -> list[str]:
    paragraphs = text.split("\n")
    random.Random(seed).shuffle(paragraphs)
    cut = random.Random(seed).randint(0, len(text))
    return [text, "\n".join(paragraphs), text[:cut], text[cut:]]


def _run_every_extractor(article: Article) -> None:
    doc = annotate(article.text)
    mentions = find_mentions(doc)
    tallies = parties_taking_part(doc, mentions)
    spans = [(t.region.key, m.start_char, m.end_char) for t in tallies for m in t.mentions]
    event = classify_event(doc, article.doc_id, spans)
    assign_roles(article.text, tallies, event.type if event else "visit", article.doc_id, remote=bool(event and event.remote))
    extract_event_date(article.text, article.doc_id, article.published)
    merge_officials(find_official_mentions(doc, mentions, tallies), {t.region.key: t.region.name for t in tallies}, article.doc_id)
    extract_sectors(doc, article.doc_id)
    record_from_doc(article, doc)


def test_real_articles_are_many_and_include_the_dev_set():
    assert len(REAL_ARTICLES) >= 90


@pytest.mark.parametrize("article", REAL_ARTICLES, ids=lambda a: a.doc_id)
def test_every_extractor_runs_on_real_articles_whole_shuffled_and_cut(article):
    for index, text in enumerate(_variants(article.text, seed=len(article.text))):
        cleaned, _ = clean_article_text(text)
        _run_every_extractor(article.model_copy(update={"text": cleaned, "doc_id": f"{article.doc_id}#{index}"}))
