"""The NER stage: what the two span rulers mark, fed from the knowledge files and gazetteers."""
import subprocess
import sys

import spacy

from pipeline.ner.gazetteer_matcher import GazetteerMatcher, phrase_table
from pipeline.ner.nlp import PLACES_KEY, TERMS_KEY, annotate, blank_pipeline, place_patterns, place_table

from tests.conftest import DEV_ARTICLES


def spans(text: str, key: str) -> list[tuple[str, str]]:
    doc = annotate(text)
    return [(s.text, s.label_) for s in doc.spans[key]]


def test_government_terms_longest_match_and_any_case():
    terms = spans("PEMERINTAH KOTA Bekasi dan Wakil Walikota Bengkulu serta Pj. Bupati Kapuas", TERMS_KEY)
    assert terms == [("PEMERINTAH KOTA", "ANCHOR"), ("Wakil Walikota", "TITLE"), ("Pj.", "PREFIX"),
                     ("Bupati", "TITLE")]


def test_dprd_body_and_qualifier_and_national_marker():
    terms = spans("Wakil Ketua Badan Kehormatan DPRD DKI, Perfektur Osaka, dan KBRI Tokyo", TERMS_KEY)
    assert ("Wakil Ketua Badan Kehormatan", "DPRD_BODY") in terms
    assert ("Perfektur", "QUALIFIER") in terms and ("KBRI", "NATIONAL") in terms


def test_places_are_case_sensitive_so_common_words_are_not_regions():
    places = spans("Nasib malang menimpa warga Malang; rombongan dari Izumisano, Jepang, tiba di KOTA BEKASI.",
                   PLACES_KEY)
    assert ("malang", "REGION") not in places
    assert {("Malang", "REGION"), ("Izumisano", "FOREIGN"), ("Jepang", "COUNTRY"), ("BEKASI", "REGION")} <= set(places)


def test_short_names_from_the_gazetteer_file():
    places = dict(spans("Pemkab Minsel dan Pemprov Jateng", PLACES_KEY))
    assert places == {"Minsel": "REGION", "Jateng": "REGION"}


def test_sentences_are_split():
    doc = annotate("Pemkot Palu menerima kunjungan. Pemkab Minsel hadir.")
    assert len(list(doc.sents)) == 2


def test_an_articles_own_short_name_marks_the_region_everywhere():
    doc = annotate("Komisi II DPRD Kabupaten Tanah Bumbu (Tanbu) berkunjung. Wakil Ketua DPRD Tanbu, Ridwan, hadir.")
    places = [(s.text, s.label_, s.id_) for s in doc.spans[PLACES_KEY]]
    assert places.count(("Tanbu", "REGION", "tanah bumbu")) == 2


def test_line_breaks_start_sentences_and_abbreviations_do_not_end_them():
    doc = annotate("Judul Berita Tanpa Titik\n\nPINRANG – Sekda Kab. Pinrang hadir. Plt. Kepala Bappeda Ir. Budi datang.")
    assert [s.text.strip() for s in doc.sents] == [
        "Judul Berita Tanpa Titik", "PINRANG – Sekda Kab. Pinrang hadir.", "Plt. Kepala Bappeda Ir. Budi datang."]


def test_a_foreign_form_of_address_does_not_end_the_sentence():
    doc = annotate("Walikota Distrik Mapo, Ms. Park Ji-yeon, berkunjung ke Kabupaten Sumedang. Ia disambut Bupati.")
    assert len(list(doc.sents)) == 2


def test_rules_win_over_the_model_where_they_overlap():
    from spacy.tokens import Doc, Span

    from pipeline.ner.nlp import resolve_entities, shared_nlp

    words = ["Wali", "Kota", "Bekasi", "Tri", "Adhianto", "bertemu", "Pemkot", "Depok", "."]
    doc = Doc(shared_nlp().vocab, words=words)
    doc.spans[TERMS_KEY] = [Span(doc, 0, 2, "TITLE"), Span(doc, 6, 7, "ANCHOR")]
    doc.spans[PLACES_KEY] = [Span(doc, 2, 3, "REGION", span_id="bekasi"), Span(doc, 7, 8, "REGION", span_id="depok")]
    # the model's spans: a person run on from the title, an organisation over an anchor and a place
    doc.ents = [Span(doc, 0, 5, "PER"), Span(doc, 6, 8, "ORG")]
    ents = [(e.text, e.label_, e.ent_id_) for e in resolve_entities(doc).ents]
    assert ents == [("Bekasi", "LOC", "bekasi"), ("Tri Adhianto", "PER", ""), ("Depok", "LOC", "depok")]


def test_the_shipped_model_reads_the_names_in_sentences_with_a_title():
    doc = annotate("Rombongan tiba di Gianyar. Kunjungan diterima Wakil Ketua I DPRD Gianyar, I Made Suardana, "
                   "dan Sekretaris DPRD, Ni Luh Putu Astiti.\nIa berbincang dengan Ketut Sudiarta dari Klungkung.")
    persons = [e.text for e in doc.ents if e.label_ == "PER"]
    assert "I Made Suardana" in persons and "Ni Luh Putu Astiti" in persons
    assert "Ketut Sudiarta" not in persons  # no title in that sentence: the model does not read it
    assert ("Klungkung", "LOC") in {(e.text, e.label_) for e in doc.ents}  # the gazetteer's places everywhere


def _places(doc) -> list[tuple[str, str, str, int]]:
    return [(s.text, s.label_, s.id_, s.start) for s in doc.spans[PLACES_KEY]]


def _span_ruler_places(nlp, patterns):
    """What spaCy's own SpanRuler marks with the gazetteer matcher's settings: the reference it must equal."""
    reference = spacy.blank("id", vocab=nlp.vocab)
    reference.tokenizer = nlp.tokenizer
    ruler = reference.add_pipe("span_ruler", config={"spans_key": PLACES_KEY, "phrase_matcher_attr": "ORTH",
                                                       "spans_filter": {"@misc": "spacy.first_longest_spans_filter.v1"}})
    ruler.add_patterns(patterns)
    return reference


def test_the_gazetteer_matcher_marks_what_a_span_ruler_marks_overlaps_and_ties_included():
    nlp = blank_pipeline()
    patterns = [{"label": "REGION", "pattern": "Tanah Laut", "id": "tanah laut"},
                {"label": "REGION", "pattern": "Tanah", "id": "tanah"},
                {"label": "REGION", "pattern": "Laut Tanah", "id": "laut tanah"},
                {"label": "FOREIGN", "pattern": "Padang", "id": "padang"},  # two names over the same tokens
                {"label": "REGION", "pattern": "Padang", "id": "padang"},
                {"label": "REGION", "pattern": "Pangkal-Pinang", "id": "pangkalpinang"},
                {"label": "COUNTRY", "pattern": "Korea Selatan", "id": "korea selatan"},
                {"label": "REGION", "pattern": "Tanah Laut", "id": "tanah laut"}]  # a repeated pattern
    text = ("Bupati Tanah Laut Tanah dan Wali Kota Padang bertemu di Pangkal-Pinang, lalu ke Korea Selatan. "
            "Laut Tanah Laut; TANAH LAUT; Korea  Selatan.")
    matcher = GazetteerMatcher(phrase_table(patterns, nlp.tokenizer), PLACES_KEY)
    assert _places(matcher(nlp(text))) == _places(_span_ruler_places(nlp, patterns)(text))
    assert ("Tanah Laut", "REGION", "tanah laut", 1) in _places(matcher(nlp(text)))


def test_the_whole_gazetteer_marks_the_dev_articles_as_a_span_ruler_does():
    """Forty thousand names over real articles: the same spans, label and id, as spaCy's SpanRuler."""
    texts = [path.read_text("utf-8", errors="replace") for path in sorted(DEV_ARTICLES.glob("*.txt"))]
    assert len(texts) > 50
    nlp = blank_pipeline()
    matcher = GazetteerMatcher(place_table(), PLACES_KEY)
    reference = _span_ruler_places(nlp, place_patterns())
    for text in texts:
        assert _places(matcher(nlp(text))) == _places(reference(text))


def test_sentences_are_found_once_and_served_to_spans_and_tokens():
    doc = annotate("Pemkot Palu menerima kunjungan.\nPemkab Minsel hadir. Wali Kota Palu menyambut.")
    sentences = list(doc.sents)
    assert [s.text.strip() for s in sentences] == ["Pemkot Palu menerima kunjungan.", "Pemkab Minsel hadir.",
                                           "Wali Kota Palu menyambut."]
    assert list(doc.sents)[1] is sentences[1]  # the same spans, not found again
    minsel = next(s for s in doc.spans[PLACES_KEY] if s.text == "Minsel")
    assert minsel.sent.text == "Pemkab Minsel hadir."
    assert doc[-1].sent.start == sentences[2].start and doc[0].sent.end == sentences[0].end


def test_the_spacy_backend_runs_without_importing_torch_and_leaves_it_importable():
    # a fresh process, as a run's: thinc would import torch at start, which the spaCy models never use
    script = (
        "import importlib.util, sys\n"
        "import pipeline\n"
        "from pipeline.ner.nlp import shared_nlp\n"
        "doc = shared_nlp()('Bupati Demak menerima kunjungan Wali Kota Semarang.')\n"
        "assert doc.ents, 'the NER model found nothing'\n"
        "assert 'torch' not in sys.modules, 'torch was imported'\n"
        "if importlib.util.find_spec('torch') is not None:\n"
        "    import torch\n"
        "    assert torch.tensor([1]).sum().item() == 1\n"
        "print('ok')\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
