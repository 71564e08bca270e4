"""The Stanza backend for real: a tiny model trained end to end here, and the shipped model in models/ner-stanza."""
import shutil
from pathlib import Path

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.ner.corpus import TaggedSentence
from pipeline.ner.stanza_backend import (NER_FILE, RESOURCES_FILE, STANZA_MODEL, TOKENIZER_FILE, StanzaNer,
                                         installed_indonesian_tokenizer, stanza_pipeline, stanza_tokenizer)
from pipeline.ner.stanza_training import StanzaTrainingSize, bracket_split, detokenized, train_stanza, write_tokenizer_data

TINY = StanzaTrainingSize(vector_dim=16, tokenizer_steps=20, tokenizer_eval_steps=20, ner_steps=20,
                          ner_eval_interval=20, ner_hidden_dim=32, ner_char_hidden_dim=16, sentences_per_split=100)
NO_STANZA_RESOURCES = Path("/nonexistent-stanza-resources")
LABELS = {"PER", "ORG", "LOC"}


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory) -> Path:
    return train_stanza(tmp_path_factory.mktemp("models") / "ner-stanza", corpora=["idner-news-2k"], size=TINY)


@pytest.fixture(scope="module")
def shipped_tokenizer():
    return stanza_tokenizer(spacy.blank("id").vocab, STANZA_MODEL, resources_dir=NO_STANZA_RESOURCES)


def test_tokens_are_glued_back_as_written():
    words = bracket_split(["Kata", "Anis", "(PKB)", ":", '"', "Kami", "siap", '"', ",", "di", "Bekasi", "."])
    text, offsets = detokenized(words)
    assert text == 'Kata Anis (PKB): "Kami siap", di Bekasi.'
    assert [text[start:end] for start, end in offsets][:6] == ["Kata", "Anis", "(", "PKB", ")", ":"]
    assert detokenized(words, curly_quotes=True)[0] == "Kata Anis (PKB): \u201cKami siap\u201d, di Bekasi."


def test_tokenizer_labels_end_tokens_and_sentences(tmp_path):
    sentences = [TaggedSentence(("Ia", "datang", "."), ("O",) * 3), TaggedSentence(("Pergi", "!"), ("O",) * 2)]
    write_tokenizer_data(sentences, tmp_path / "train.txt", tmp_path / "train.labels")
    assert (tmp_path / "train.txt").read_text() == "Ia datang. Pergi!\n"
    assert (tmp_path / "train.labels").read_text() == "01" "0" "000001" "2" "0" "00001" "2\n"  # Ia ␣ datang . ␣ Pergi !


def test_training_writes_a_whole_model_and_nothing_beside_it(tiny_model):
    assert {p.name for p in tiny_model.iterdir()} == {"pretrain.pt", TOKENIZER_FILE, NER_FILE, RESOURCES_FILE}
    assert [p.name for p in tiny_model.parent.iterdir()] == ["ner-stanza"]


def test_a_trained_model_loads_and_tags_pretokenized_sentences(tiny_model):
    sentences = [["Wali", "Kota", "Bekasi", "Tri", "Adhianto", "hadir", "."], ["Ya"]]
    spans = StanzaNer(tiny_model).tag(sentences)
    assert len(spans) == 2
    for words, sentence_spans in zip(sentences, spans):
        assert all(0 <= start < end <= len(words) and label in LABELS for start, end, label in sentence_spans)


def test_a_trained_model_tokenizes_text_with_offsets(tiny_model):
    text = "Wali Kota Bekasi menerima kunjungan. Gubernur hadir."
    document = stanza_pipeline(tiny_model, resources_dir=NO_STANZA_RESOURCES)(text)
    tokens = [token for sentence in document.sentences for token in sentence.tokens]
    assert tokens and all(text[t.start_char:t.end_char] == t.text for t in tokens)


def test_a_missing_model_says_how_to_train_one(tmp_path):
    with pytest.raises(FileNotFoundError, match="train-ner --backend stanza"):
        stanza_pipeline(tmp_path / "ner-stanza")


def test_stanzas_own_installed_indonesian_tokenizer_is_preferred(tiny_model, tmp_path):
    assert installed_indonesian_tokenizer(tmp_path) is None
    (tmp_path / "id" / "tokenize").mkdir(parents=True)
    (tmp_path / RESOURCES_FILE).write_text('{"id": {"default_processors": {"tokenize": "gsd"}}}')
    assert installed_indonesian_tokenizer(tmp_path) is None  # listed but not downloaded
    installed = tmp_path / "id" / "tokenize" / "gsd.pt"
    shutil.copy(tiny_model / TOKENIZER_FILE, installed)
    assert installed_indonesian_tokenizer(tmp_path) == installed
    pipeline = stanza_pipeline(tiny_model, resources_dir=tmp_path)
    assert pipeline.config["tokenize_model_path"] == str(installed)
    assert pipeline("Gubernur hadir.").sentences


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(list("aB .,\n\t\u00a0“”()-") + ["Bekasi", "Tri", "Kab."]), max_size=40).map("".join))
def test_any_text_comes_back_exactly(shipped_tokenizer, text):
    doc = shipped_tokenizer(text)
    assert doc.text == text


def test_the_shipped_model_keeps_the_text_exactly(shipped_tokenizer):
    text = "  BEKASI \u2014 Wali Kota Bekasi,\tTri Adhianto.\n\n\u201cKami siap,\u201d katanya  di Bekasi (12/5).\n"
    doc = shipped_tokenizer(text)
    assert doc.text == text
    assert [t.text for t in doc] == ["  ", "BEKASI", "\u2014", "Wali", "Kota", "Bekasi", ",", "\t", "Tri", "Adhianto", ".",
                                     "\n\n", "\u201c", "Kami", "siap", ",", "\u201d", "katanya", " ", "di", "Bekasi", "(",
                                     "12/5", ")", ".", "\n"]


def test_the_shipped_model_finds_obvious_entities(shipped_tokenizer):
    doc = shipped_tokenizer("Wali Kota Bekasi Tri Adhianto menerima kunjungan Gubernur Jawa Barat.")
    entities = {(e.text, e.label_) for e in doc.ents}
    assert ("Tri Adhianto", "PER") in entities
    assert any("Bekasi" in text and label in {"LOC", "ORG"} for text, label in entities)


def test_the_shipped_model_splits_sentences(shipped_tokenizer):
    doc = shipped_tokenizer("\n Pemkot Bekasi menerima kunjungan DPRD Garut. Mereka membahas sampah.\n\nFoto: Humas")
    assert [s.text for s in doc.sents] == ["\n Pemkot Bekasi menerima kunjungan DPRD Garut.", "Mereka membahas sampah.\n\n",
                                           "Foto: Humas"]


def test_the_shipped_model_tags_corpus_tokens():
    (spans,) = StanzaNer().tag([["Gubernur", "Jawa", "Barat", "Ridwan", "Kamil", "tiba", "di", "Bandung", "."]])
    assert (3, 5, "PER") in spans and (7, 8, "LOC") in spans


def test_the_pipeline_runs_on_the_stanza_backend_with_the_same_parties():
    from pipeline import extract_from_text
    from pipeline.stages.clean import clean_text

    sample = Path(__file__).resolve().parents[1] / "data" / "raw" / "jabarnews-20250519-bogor-jeonju-sister-city.txt"
    text = sample.read_text(encoding="utf-8")
    by_spacy, by_stanza = extract_from_text(text, "a1"), extract_from_text(text, "a1", backend="stanza")
    assert by_stanza is not None and by_spacy is not None
    assert [(p.name, p.role) for p in by_stanza.parties] == [(p.name, p.role) for p in by_spacy.parties]
    assert by_stanza.type == by_spacy.type and by_stanza.date.start == by_spacy.date.start
    cleaned = clean_text(text)  # evidence offsets are into the cleaned text, on either backend
    assert by_stanza.officials and all(cleaned[e.start:e.end] == e.text for o in by_stanza.officials for e in o.evidence)
