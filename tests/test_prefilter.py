"""Prefilter: it passes every article with an event and sets most ordinary news aside, never one with a record."""
import importlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import extract_from_text
from pipeline.stages.clean import clean_text
from pipeline.stages.ingest import list_input_files, load_file, read_file
from pipeline.knowledge import load_data
from pipeline.stages import prefilter
from pipeline.stages.prefilter import CLAUSE_BREAKS, screen
from pipeline.evaluation.synthetic import generate_corpus

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "eval" / "dev"
SYNTHETIC_SIZE = 300


def raw_texts(folder: Path) -> list[tuple[str, str]]:
    """(doc id, text as read, before cleaning) of every article under `folder`."""
    return [(a.doc_id, a.text) for path in list_input_files(folder) for a in read_file(path)[0]]


def test_no_cue_word_holds_a_clause_break():
    """The screen's premise: a cue or future marker never spans two clauses."""
    cues = load_data("cues")
    words = [w for kind in cues["event_types"].values() for w in kind] + cues["planned_markers"]
    assert not [w for w in words if set(w) & CLAUSE_BREAKS]


@pytest.mark.parametrize("text, passes", [
    ("Wali Kota Bekasi menerima kunjungan Bupati Banyuwangi di Balai Kota Bekasi.", True),
    # two parties, but the visit is only planned or only quoted
    ("Wali Kota Bekasi akan menerima kunjungan Bupati Banyuwangi pekan depan.", False),
    ("Wali Kota Bekasi dan Bupati Banyuwangi hadir. “Kunjungan ini penting,” ujarnya.", False),
    # a cue with one region only: an official's visit to a flood shelter
    ("Bupati Sleman melakukan kunjungan ke posko pengungsian di Kecamatan Sukamaju.", False),
    # an unknown name after a government form may be a misspelt region
    ("Bupati Sleman menerima kunjungan rombongan Pemkab Sanggae.", True),
    # the parties may stand in the line before the cue
    ("Pemkab Banyuwangi dan Pemkot Semarang.\nKeduanya menggelar rapat koordinasi.", True),
    ("Sebuah artikel tentang harga cabai di pasar.", False),
])
def test_screen(text, passes):
    assert screen(text) is passes


@pytest.mark.skipif(not DEV.is_dir(), reason="needs ../shared/eval/dev beside the repository")
def test_every_dev_article_with_an_event_passes():
    with_event = {p.stem for p in (DEV / "gold").glob("*.json") if json.loads(p.read_text("utf-8"))["event"]}
    articles = raw_texts(DEV / "articles")
    with_event |= {doc_id for doc_id, text in articles if extract_from_text(text, doc_id) is not None}
    assert len(with_event) >= 20
    missed = [doc_id for doc_id, text in articles if doc_id in with_event and not screen(clean_text(text))]
    assert missed == []


@pytest.fixture(scope="module")
def synthetic():
    return generate_corpus(SYNTHETIC_SIZE, seed=11)


def test_rejected_articles_get_no_record(synthetic):
    """Output unchanged: the full pipeline finds nothing in any article the screen sets aside."""
    articles = raw_texts(REPO / "data" / "raw") + [(a.doc_id, a.text) for a in synthetic]
    if DEV.is_dir():
        articles += raw_texts(DEV / "articles")
    rejected = [(doc_id, text) for doc_id, text in articles if not screen(clean_text(text))]
    assert len(rejected) > SYNTHETIC_SIZE / 2
    assert [doc_id for doc_id, text in rejected if extract_from_text(text, doc_id) is not None] == []


def test_most_ordinary_news_is_set_aside_and_no_event_report(synthetic):
    ordinary = [a for a in synthetic if a.kind == "ordinary"]
    rejected = sum(not screen(clean_text(a.text)) for a in ordinary)
    assert rejected / len(ordinary) >= 0.6
    assert all(screen(clean_text(a.text)) for a in synthetic if a.kind == "event")


def test_the_run_sends_no_rejected_article_to_the_nlp_stage(tmp_path, monkeypatch):
    run_module = importlib.import_module("pipeline.runner.run")  # the module; `pipeline.run` is the function

    class NoArticleExpected:
        def pipe(self, items, **_options):
            assert list(items) == [], "a rejected article reached the NLP stage"
            return iter(())

    (tmp_path / "cabai.txt").write_text("Sebuah artikel tentang harga cabai di pasar.", encoding="utf-8")
    monkeypatch.setattr(run_module, "shared_nlp", lambda backend: NoArticleExpected())
    report, records = run_module.extract_file(run_module._FileTask(load_file(tmp_path / "cabai.txt", 10_000), 10_000, "spacy"))
    assert (report.status, records) == ("no_event", [])


CUE_WORDS = sorted({word for words in load_data("cues")["event_types"].values() for word in words})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(CUE_WORDS), st.sampled_from(CUE_WORDS).map(str.upper),
                          st.sampled_from(["bekerja", "sama", "kunjungannya", "ſ", "K", "İ", "é", "_", "2025"]),
                          st.text(alphabet="abKkſ -_.,\n()“”", max_size=6)), max_size=25),
       st.lists(st.sampled_from(["", " ", "  ", "-", "\n", ", "]), min_size=25, max_size=25))
def test_cue_search_finds_what_the_cue_alternation_finds(pieces, gaps):
    text = "".join(piece + gap for piece, gap in zip(pieces, gaps))
    expected = [(m.start(), m.end()) for m in prefilter._any_cue().finditer(text)]
    assert [(m.start(), m.end()) for m in prefilter._cue_matches(text)] == expected


def test_cue_search_on_the_dev_articles():
    for path in sorted((DEV / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert ([m.span() for m in prefilter._cue_matches(text)]
                == [m.span() for m in prefilter._any_cue().finditer(text)]), path.name
