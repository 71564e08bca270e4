"""Named-entity stage: a spaCy `Language` that splits sentences and marks government terms and places.

Two rulers, fed from the knowledge files and the gazetteers:
- `government_terms` (case-insensitive): level anchors (`Pemkot`, `Kabupaten`, `DPRD`), titles
  (`Wakil Wali Kota`, `Sekda`), title prefixes (`Pj.`), DPRD bodies, place qualifiers (`Perfektur`),
  national-government markers (`KBRI`), embassy words and a delegation's leader (`dipimpin oleh`),
  into `doc.spans["terms"]`;
- `place_names` (case-sensitive, so that the adjective "malang" is not Kota Malang): Kemendagri region
  names and short names, countries and foreign cities, into `doc.spans["places"]`; forty thousand
  names, matched by `gazetteer_matcher` from a table kept on disk.
A third component, `local_region_aliases`, adds the short names an article defines for itself
(`Kabupaten Tanah Laut (Tala)` ... `DPRD Tala`). Each span's `id_` says what it stands for; the
extractors read these spans.

The statistical NER (PER, ORG, LOC) finds what no list holds: names the rules cannot read (`I Made
Suardana`), places no gazetteer has. Two backends give it: `spacy` (the project's CNN model in
models/ner-spacy, the default, run over the sentences that hold a title) and `stanza` (Stanza's
tokeniser, sentence splitter and NER over the whole text, models/ner-stanza). One
stage, `resolve_entities`, merges rules and statistics into `doc.ents`: a gazetteer place is a LOC
whatever the model says, and a model entity never covers a title, an anchor or a place.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path
from typing import Callable

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, registry

from ..built import built
from ..knowledge import countries_by_name, foreign_cities_by_name, fold, load_data, regions_by_bare_name
from .gazetteer_matcher import GazetteerMatcher, PhraseTable, phrase_table
from .lazy_tokenizer import LazySpecialCasesTokenizer
from .models import SPACY_NER_MODEL

TERMS_KEY = "terms"
PLACES_KEY = "places"
FOREIGN_NAME_MIN_LENGTH = 4
BACKENDS = ("spacy", "stanza")
DEFAULT_BACKEND = "spacy"


def government_term_patterns() -> list[dict]:
    gazetteer, titles = load_data("gazetteer"), load_data("titles")
    patterns = [{"label": "ANCHOR", "pattern": form, "id": form} for form in gazetteer["government_anchors"]]
    for index, title in enumerate(titles["titles"]):
        patterns += [{"label": "TITLE", "pattern": form, "id": str(index)} for form in title["forms"]]
    for index, prefix in enumerate(titles["prefixes"]):
        patterns += [{"label": "PREFIX", "pattern": form, "id": str(index)} for form in prefix["forms"]]
    bodies = titles["dprd_body_titles"]
    patterns += [{"label": "DPRD_BODY", "pattern": f"{head} {body}", "id": f"{head} {body}"}
                 for head in bodies["heads"] for body in bodies["bodies"]]
    patterns += [{"label": "QUALIFIER", "pattern": q, "id": q} for q in gazetteer["place_qualifiers"]]
    patterns += [{"label": "NATIONAL", "pattern": m, "id": m} for m in gazetteer["national_markers"]]
    patterns += [{"label": "INSTITUTION", "pattern": m, "id": m} for m in gazetteer["institution_markers"]]
    patterns += [{"label": "EMBASSY", "pattern": e, "id": e} for e in gazetteer["country_embassy_anchors"]]
    patterns += [{"label": "LEADER", "pattern": m, "id": m} for m in titles["delegation_leader_markers"]]
    return patterns


def _case_variants(name: str) -> set[str]:
    """`Lubuk Linggau` as written, in capitals, and joined or hyphenated as sites also write it."""
    spellings = {name, name.replace(" ", ""), name.replace(" ", "-")} if " " in name else {name}
    return {variant for spelling in spellings for variant in (spelling, spelling.upper(), spelling.title())}


def place_patterns() -> list[dict]:
    patterns = []
    government_words = {fold(f) for t in load_data("titles")["titles"] for f in t["forms"]}
    government_words |= {fold(a) for a in load_data("gazetteer")["government_anchors"]}
    for key, regions in regions_by_bare_name().items():
        for name in {r.bare for r in regions if fold(r.bare) == key} or {key.title()}:
            patterns += [{"label": "REGION", "pattern": v, "id": key} for v in _case_variants(name)]
    for alias in load_data("gazetteer")["region_aliases"]:
        patterns.append({"label": "REGION", "pattern": alias, "id": fold(alias)})
    for name in load_data("gazetteer")["countries"]:
        patterns.append({"label": "COUNTRY", "pattern": name, "id": fold(name)})
    taken = set(regions_by_bare_name()) | government_words | set(countries_by_name())
    for key, cities in foreign_cities_by_name().items():
        if len(key) < FOREIGN_NAME_MIN_LENGTH or key in taken:
            continue
        for name in {cities[0].name, key.title()}:
            patterns.append({"label": "FOREIGN", "pattern": name, "id": key})
    return patterns


def place_table() -> PhraseTable:
    """`place_patterns` tokenised as texts are, built once and kept on disk (`built`): tokenising
    forty thousand names takes seconds."""
    return built("place-names", lambda: phrase_table(place_patterns(), pattern_tokenizer()))


@Language.factory("gazetteer_places")
def make_gazetteer_places(nlp: Language, name: str) -> GazetteerMatcher:
    return GazetteerMatcher(place_table(), PLACES_KEY)


ALIAS_MIN_CHARS, ALIAS_MAX_CHARS = 2, 10


@Language.component("local_region_aliases")
def local_region_aliases(doc: Doc) -> Doc:
    """An article's own short name for a region, `Kabupaten Tanah Laut (Tala)`, marks `Tala` everywhere in it."""
    places = list(doc.spans[PLACES_KEY])
    # The article's own definition beats a foreign city of the same name (`Tala` is also in GeoNames).
    taken = {i for span in places if span.label_ != "FOREIGN" for i in range(span.start, span.end)}
    aliases: dict[str, str] = {}
    institutions_end = {t.end for t in doc.spans[TERMS_KEY] if t.label_ == "INSTITUTION"}
    for span in places:
        if span.label_ != "REGION" or span.end + 2 >= len(doc) or span.start in institutions_end:
            continue  # `Universitas Jember (Unej)`: the university's short name
        opening, alias, closing = doc[span.end], doc[span.end + 1], doc[span.end + 2]
        if (opening.text == "(" and closing.text == ")" and alias.i not in taken and alias.is_alpha
                and (alias.is_title or alias.is_upper) and ALIAS_MIN_CHARS <= len(alias) <= ALIAS_MAX_CHARS):
            aliases[alias.text] = span.id_
    if aliases:
        added = [Span(doc, t.i, t.i + 1, label="REGION", span_id=aliases[t.text])
                 for t in doc if t.text in aliases and t.i not in taken]
        replaced = {span.start for span in added}
        kept = [span for span in places if not (span.label_ == "FOREIGN" and span.start in replaced)]
        doc.spans[PLACES_KEY] = sorted(kept + added, key=lambda s: s.start)
    return doc


@lru_cache(maxsize=1)
def _district_name() -> re.Pattern:
    suffixes = "|".join(re.escape(s) for s in load_data("gazetteer")["foreign_district_suffixes"])
    return re.compile(r"\b[A-Z][a-z]+-(?:" + suffixes + r")\b")


@Language.component("foreign_districts")
def foreign_districts(doc: Doc) -> Doc:
    """`Mapo-gu`, `Yeongdeungpo-gu`: a district of a foreign city with a government of its own (a
    Korean gu has its mayor), named with its suffix. GeoNames' cities leave most of them out, or
    hold the bare name as another place (`Mapo`), which the district replaces."""
    found = [doc.char_span(m.start(), m.end()) for m in _district_name().finditer(doc_text(doc))]
    districts = [Span(doc, s.start, s.end, label="DISTRICT", span_id=fold(s.text)) for s in found if s is not None]
    if districts:
        inside = {i for span in districts for i in range(span.start, span.end)}
        kept = [span for span in doc.spans[PLACES_KEY] if not (span.label_ == "FOREIGN" and span.start in inside)]
        doc.spans[PLACES_KEY] = sorted(kept + districts, key=lambda s: s.start)
    return doc


@Language.component("paragraph_sentences")
def paragraph_sentences(doc: Doc) -> Doc:
    """A line break starts a sentence: headlines, datelines and captions end without a full stop.

    The last component to set sentence starts, so it also fixes the sentences for the rest of the
    pipeline and the extractors (`index_sentences`)."""
    starts = [0]
    tokens = iter(doc)
    previous = next(tokens, None)
    for token in tokens:
        if token.is_space:
            token.is_sent_start = False  # the break itself belongs to the sentence it ends
        elif "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
        if token.is_sent_start:
            starts.append(token.i)
        previous = token
    if len(doc):
        index_sentences(doc, starts)
    return doc


DOC_TEXT_KEY = "kerjasama.text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined from the tokens once per doc and kept in its `user_data`: spaCy joins them
    again at every `doc.text`, and each extractor reads the whole text. A Doc's text never changes."""
    text = doc.user_data.get(DOC_TEXT_KEY)
    if text is None:
        text = doc.user_data[DOC_TEXT_KEY] = doc.text
    return text


def index_sentences(doc: Doc, starts: list[int]) -> None:
    """`doc.sents`, `span.sent` and `token.sent` served from one list of the sentences, made once
    from their first tokens (`starts`).

    Without it spaCy finds them again at every call, walking the tokens, and the extractors ask
    for the sentence of hundreds of spans an article."""
    sentences = tuple(doc[start:end] for start, end in zip(starts, starts[1:] + [len(doc)]))

    def sentence_of(span: Span) -> Span:
        return sentences[bisect_right(starts, span.start) - 1]

    doc.user_hooks["sents"] = lambda _doc: sentences
    doc.user_span_hooks["sent"] = sentence_of
    doc.user_token_hooks["sent"] = lambda token: sentence_of(doc[token.i:token.i + 1])


@Language.component("resolve_entities")
def resolve_entities(doc: Doc) -> Doc:
    """Rules and statistics merged into `doc.ents`: gazetteer places as LOC (their `ent_id_` the region
    key), then each model entity trimmed of rule-marked tokens at its edges (`Wali Kota Bekasi Tri
    Adhianto` → `Tri Adhianto`) and kept only if none remain inside it."""
    ruled = {i for key in (PLACES_KEY, TERMS_KEY) for s in doc.spans[key] for i in range(s.start, s.end)}
    places = [Span(doc, s.start, s.end, label="LOC", span_id=doc.vocab.strings.add(s.id_)) for s in doc.spans[PLACES_KEY]]
    found = []
    for ent in doc.ents:
        start, end = ent.start, ent.end
        while start < end and (start in ruled or doc[start].is_punct):
            start += 1
        while end > start and (end - 1 in ruled or doc[end - 1].is_punct):
            end -= 1
        if start < end and not any(i in ruled for i in range(start, end)):
            found.append(Span(doc, start, end, label=ent.label_))
    doc.ents = filter_spans(places + found)
    return doc


@registry.tokenizers("pretokenized_only.v1")
def pretokenized_only() -> Callable[[Language], Tokenizer]:
    """A tokenizer without rules, for a pipeline that is only given Docs made elsewhere."""
    def create(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)
    return create


@lru_cache(maxsize=1)
def pattern_tokenizer() -> LazySpecialCasesTokenizer:
    """spaCy's Indonesian tokenizer, with abbreviations that end in a full stop (`Kab.`, `Pj.`, `M.Si.`)
    kept as one token, so that they neither end a sentence nor tokenise differently in a pattern and
    in a text: what the pipelines tokenise text and the extractors their phrase patterns with.

    One per process, its special cases added as texts need them (`lazy_tokenizer`): building all
    sixteen thousand takes seconds."""
    forms = load_data("gazetteer")["abbreviations"]["forms"]
    abbreviations = sorted({variant for form in forms
                            for variant in (form, form.capitalize(), form.upper(), form.title())})
    config = {"@tokenizers": "kerjasama.lazy_special_cases.v1", "extra_cases": abbreviations}
    return spacy.blank("id", config={"nlp": {"tokenizer": config}}).tokenizer


def blank_pipeline() -> Language:
    """A pipeline of no components over `pattern_tokenizer` and its vocabulary."""
    tokenizer = pattern_tokenizer()
    nlp = spacy.blank("id", vocab=tokenizer.vocab,
                      config={"nlp": {"tokenizer": {"@tokenizers": "pretokenized_only.v1"}}})
    nlp.tokenizer = tokenizer
    return nlp


NAME_TERM_LABELS = ("TITLE", "DPRD_BODY", "LEADER")


class TitledSentenceNer:
    """The project's spaCy NER model, run over the sentences that hold a title or name a delegation's
    leader (`dipimpin oleh`).

    Those are the sentences whose names the extractors read; the model costs more than all the
    rules together, so the rest of an article is left to the rules. Each sentence is tagged as a
    document of the model's own vocabulary, and its entities are carried back by token position.
    """

    def __init__(self, model_dir: Path = SPACY_NER_MODEL):
        if not (Path(model_dir) / "config.cfg").is_file():
            raise FileNotFoundError(f"no NER model in {model_dir}: train one with `python cli.py train-ner`")
        # the model only tags Docs built from this pipeline's tokens: its own tokenizer, with the
        # language's 16,000 special cases, would cost seconds at every start and never run
        self.model = spacy.load(model_dir, exclude=["tokenizer"],
                                config={"nlp": {"tokenizer": {"@tokenizers": "pretokenized_only.v1"}}})

    def __call__(self, doc: Doc) -> Doc:
        starts = sorted({doc[s.start].sent.start for s in doc.spans[TERMS_KEY] if s.label_ in NAME_TERM_LABELS})
        sentences = [doc[start].sent for start in starts]
        tagged = self.model.pipe(Doc(self.model.vocab, words=[t.text for t in sentence],
                                     spaces=[bool(t.whitespace_) for t in sentence]) for sentence in sentences)
        doc.ents = [Span(doc, sentence.start + e.start, sentence.start + e.end, label=e.label_)
                    for sentence, sub in zip(sentences, tagged) for e in sub.ents]
        return doc


@Language.factory("titled_sentence_ner")
def make_titled_sentence_ner(nlp: Language, name: str) -> TitledSentenceNer:
    return TitledSentenceNer()


def build_nlp(backend: str = DEFAULT_BACKEND) -> Language:
    """The gazetteer rulers, the article's own aliases, the backend's sentences and NER, and their merge.

    The place names come first: a ruler runs the components before it over each of its phrase
    patterns. For the Stanza backend the rulers are built with
    spaCy's tokenizer and Stanza's then takes its place: it splits sentences and finds entities
    in one pass, before the rulers run.
    """
    if backend not in BACKENDS:
        raise ValueError(f"unknown NER backend {backend!r}: choose one of {', '.join(BACKENDS)}")
    nlp = blank_pipeline()
    longest = {"@misc": "spacy.first_longest_spans_filter.v1"}
    nlp.add_pipe("gazetteer_places", name="place_names")
    terms = nlp.add_pipe("span_ruler", name="government_terms",
                         config={"spans_key": TERMS_KEY, "phrase_matcher_attr": "LOWER", "spans_filter": longest})
    terms.add_patterns(government_term_patterns())
    nlp.add_pipe("local_region_aliases")  # after the terms: an institution's short name is not the region's
    nlp.add_pipe("foreign_districts")
    if backend == "spacy":
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("paragraph_sentences")
        nlp.add_pipe("titled_sentence_ner")
    else:
        from .stanza_backend import stanza_tokenizer

        nlp.tokenizer = stanza_tokenizer(nlp.vocab)
        nlp.add_pipe("paragraph_sentences")
    nlp.add_pipe("resolve_entities")
    return nlp


def shared_nlp(backend: str = DEFAULT_BACKEND) -> Language:
    """One pipeline per backend and process: building the rulers takes a few seconds."""
    return _built_nlp(backend)  # one cache key per backend, however the caller names it


@lru_cache(maxsize=None)
def _built_nlp(backend: str) -> Language:
    return build_nlp(backend)


def annotate(text: str, backend: str = DEFAULT_BACKEND) -> Doc:
    return shared_nlp(backend)(text)
