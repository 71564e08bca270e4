"""The tokenizer that adds spaCy's special cases as texts need them gives spaCy's own tokens."""
import pickle

import pytest
import spacy

from pipeline.ner.lazy_tokenizer import LazySpecialCasesTokenizer
from pipeline.ner.nlp import pattern_tokenizer

from tests.conftest import DEV_ARTICLES

ABBREVIATIONS = ["Kab.", "Pj."]

TRICKY = [
    "Anak-anak (anak-anak) bermain, anak - anak ANAK-ANAK Anak-anaknya di Kab. Bogor dll. s.d. 2025.",
    "Dr. med Dr.med  :) :-)\tPj. Bupati,\xa0M.Si. anak-anak,\n\nmasing-masing",
    "",
    "   ",
]


def lazy_tokenizer() -> LazySpecialCasesTokenizer:
    config = {"@tokenizers": "kerjasama.lazy_special_cases.v1", "extra_cases": ABBREVIATIONS}
    return spacy.blank("id", config={"nlp": {"tokenizer": config}}).tokenizer


@pytest.fixture(scope="module")
def eager_tokenizer():
    tokenizer = spacy.blank("id").tokenizer
    for case in ABBREVIATIONS:
        tokenizer.add_special_case(case, [{"ORTH": case}])
    return tokenizer


def tokens(doc) -> list[tuple]:
    return [(t.text, t.whitespace_, t.norm_, t.lower_, t.shape_, t.is_punct) for t in doc]


def test_same_tokens_as_spacy_on_the_dev_articles_and_tricky_text(eager_tokenizer):
    texts = TRICKY + [path.read_text(encoding="utf-8") for path in sorted(DEV_ARTICLES.glob("*.txt"))]
    assert len(texts) > 90
    lazy = lazy_tokenizer()
    for text in texts:
        assert tokens(lazy(text)) == tokens(eager_tokenizer(text)), text[:80]


def test_cases_are_added_only_when_a_text_could_need_them():
    lazy = lazy_tokenizer()
    waiting = len(lazy._pending)
    assert waiting > 10_000  # the language's ~16,000 special cases, none built yet
    assert [t.text for t in lazy("Anak-anak bermain di Kab. Bogor.")] == ["Anak-anak", "bermain", "di", "Kab.", "Bogor", "."]
    assert "Anak-anak" not in lazy._pending and "Kab." not in lazy._pending
    assert waiting - len(lazy._pending) < 20
    # a case spread over tokens with spaces between them is found too (and acts as spaCy's does: not at all)
    assert [t.text for t in lazy("anak - anak")] == ["anak", "-", "anak"] and "anak-anak" not in lazy._pending


def test_rules_pickling_and_an_added_case_keep_every_special_case(eager_tokenizer):
    lazy = lazy_tokenizer()
    lazy("Anak-anak bermain.")
    assert lazy.rules.keys() == eager_tokenizer.rules.keys()
    copy = pickle.loads(pickle.dumps(lazy))
    assert isinstance(copy, LazySpecialCasesTokenizer) and copy.rules == lazy.rules
    assert [t.text for t in copy("Kab. Bogor")] == ["Kab.", "Bogor"]
    lazy.add_special_case("anak-anak", [{"ORTH": "anak"}, {"ORTH": "-anak"}])
    assert [t.text for t in lazy("anak-anak")] == ["anak", "-anak"]


def test_the_pipeline_tokenizer_is_the_lazy_one():
    assert isinstance(pattern_tokenizer(), LazySpecialCasesTokenizer)
