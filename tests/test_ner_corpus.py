"""Reading the NER corpora onto one tag set, restoring the case of a lower-cased corpus, and scoring."""
from pathlib import Path

import pytest

from pipeline.ner.bench import score_entities
from pipeline.ner.corpus import TaggedSentence, entity_spans, read_conll, read_split, restore_case

REAL_CORPORA = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "ner"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "split.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_tag_sets_map_onto_per_org_loc_and_dropped_types_leave_valid_iob(tmp_path):
    path = write(tmp_path, "Gubernur\tO\nGanjar\tB-PERSON\nPranowo\tI-PERSON\ndi\tO\nJawa\tB-PLACE\nTengah\tI-PLACE\n\n"
                           "festival B-EVT\njazz I-EVT\nkpk B-IND\n\n")
    first, second = read_conll(path)
    assert first.tags == ("O", "B-PER", "I-PER", "O", "B-LOC", "I-LOC")
    assert second.tags == ("O", "O", "B-ORG")


def test_an_inside_tag_without_its_beginning_starts_an_entity(tmp_path):
    (sentence,) = read_conll(write(tmp_path, "di O\nBogor I-LOC\nBarat I-LOC\nKPK B-ORG\n"))
    assert sentence.tags == ("O", "B-LOC", "I-LOC", "B-ORG")
    assert entity_spans(sentence) == [(1, 3, "LOC"), (3, 4, "ORG")]


def test_unknown_tags_and_bad_lines_are_errors_with_the_place(tmp_path):
    with pytest.raises(ValueError, match="unknown NER tag 'B-XYZ'"):
        read_conll(write(tmp_path, "kata B-XYZ\n"))
    with pytest.raises(ValueError, match="split.txt:2"):
        read_conll(write(tmp_path, "kata O\nsendirian\n"))


def test_case_is_restored_from_the_lexicon_and_entity_words_are_capitalised():
    sentence = TaggedSentence(("wali", "kota", "amos", "kenda", "tiba", "di", "manado", "senin"),
                              ("O", "O", "B-PER", "I-PER", "O", "O", "B-LOC", "O"))
    restored = restore_case(sentence, {"senin": "Senin", "manado": "Manado", "di": "di"})
    assert restored.words == ("Wali", "kota", "Amos", "Kenda", "tiba", "di", "Manado", "Senin")
    assert restored.tags == sentence.tags


def test_exact_match_scores_per_type():
    gold = [TaggedSentence(("Tri", "Adhianto", "di", "Bekasi"), ("B-PER", "I-PER", "O", "B-LOC"))]
    per_type, overall = score_entities(gold, [[(0, 1, "PER"), (3, 4, "LOC")]])
    assert (per_type["PER"].true_positives, per_type["PER"].predicted, per_type["PER"].gold) == (0, 1, 1)
    assert per_type["LOC"].f1 == 1.0
    assert overall.precision == 0.5 and overall.recall == 0.5


def test_the_real_corpora_read_with_entities_of_every_type():
    for corpus in ("idner-news-2k", "nergrit", "nerp"):
        sentences = read_split(corpus, "test", REAL_CORPORA)
        labels = {span[2] for s in sentences for span in entity_spans(s)}
        assert len(sentences) > 200 and labels == {"PER", "ORG", "LOC"}
    # the lower-cased corpus comes back with capitalised names
    nerp = read_split("nerp", "test", REAL_CORPORA)
    person_words = [s.words[i] for s in nerp for (a, b, label) in entity_spans(s) if label == "PER" for i in range(a, b)]
    assert sum(w[:1].isupper() for w in person_words) / len(person_words) > 0.95


def test_capitalised_words_outside_entities_of_a_case_restored_corpus_are_left_unannotated():
    from pipeline.ner.training import training_tags

    sentence = TaggedSentence(("Ketua", "KPK", "bertemu", "Amos", "di", "Manado"), ("O", "O", "O", "B-PER", "O", "B-LOC"),
                              case_restored=True)
    assert training_tags(sentence) == ["O", "", "O", "B-PER", "O", "B-LOC"]
    cased = TaggedSentence(sentence.words, sentence.tags)
    assert training_tags(cased) == list(sentence.tags)
