"""`python cli.py bench-ner`: each NER backend on each corpus's test split, entity P/R/F1 per type and speed.

A backend is anything with a `name` and `tag(sentences) -> spans per sentence`, over the corpus's own
tokens, so that every backend is measured on the same words and the same gold entities.
"""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional, Protocol, Sequence

import spacy
from spacy.tokens import Doc

from ..knowledge import load_data
from .corpus import TaggedSentence, corpus_names, entity_spans, read_split
from .models import SPACY_NER_MODEL, TokenSpan
from .nlp import BACKENDS


class NerBackend(Protocol):
    name: str

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[TokenSpan]]:
        """(start, end, label) token spans of each pre-tokenised sentence."""


class SpacyNer:
    """The project's spaCy model alone, over given tokens."""

    name = "spacy"

    def __init__(self, model: Path = SPACY_NER_MODEL):
        self.nlp = spacy.load(model)

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[TokenSpan]]:
        docs = self.nlp.pipe(Doc(self.nlp.vocab, words=list(words)) for words in sentences)
        return [[(e.start, e.end, e.label_) for e in doc.ents] for doc in docs]


def load_backend(name: str) -> NerBackend:
    """A backend by name; Stanza's is imported only when asked for, as it is an optional extra."""
    if name == "spacy":
        return SpacyNer()
    if name == "stanza":
        from .stanza_backend import StanzaNer

        return StanzaNer()
    raise ValueError(f"unknown NER backend {name!r}: choose one of {', '.join(BACKENDS)}")


@dataclass
class EntityScore:
    true_positives: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class BenchResult:
    backend: str
    corpus: str
    per_type: dict[str, EntityScore] = field(default_factory=dict)
    overall: EntityScore = field(default_factory=EntityScore)
    words: int = 0
    seconds: float = 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


def score_entities(gold: Iterable[TaggedSentence], predicted: Iterable[list[TokenSpan]]) -> tuple[dict[str, EntityScore], EntityScore]:
    """Exact-match entity scores (same tokens, same type), per type and over all types."""
    per_type = {label: EntityScore() for label in load_data("ner_corpora")["labels"]}
    for sentence, spans in zip(gold, predicted):
        gold_spans, predicted_spans = Counter(entity_spans(sentence)), Counter(spans)
        for span, count in predicted_spans.items():
            per_type[span[2]].predicted += count
            per_type[span[2]].true_positives += min(count, gold_spans.get(span, 0))
        for span, count in gold_spans.items():
            per_type[span[2]].gold += count
    overall = EntityScore(*(sum(getattr(s, f) for s in per_type.values()) for f in ("true_positives", "predicted", "gold")))
    return per_type, overall


def bench_backend(backend: NerBackend, corpus: str, folder: Optional[Path] = None) -> BenchResult:
    sentences = read_split(corpus, "test", folder)
    started = time.perf_counter()
    predicted = backend.tag([s.words for s in sentences])
    seconds = time.perf_counter() - started
    per_type, overall = score_entities(sentences, predicted)
    return BenchResult(backend.name, corpus, per_type, overall, sum(len(s.words) for s in sentences), seconds)


def bench(backends: Sequence[NerBackend], corpora: Optional[Sequence[str]] = None,
          folder: Optional[Path] = None) -> list[BenchResult]:
    return [bench_backend(b, c, folder) for c in (corpora or corpus_names()) for b in backends]


def format_results(results: Sequence[BenchResult]) -> str:
    labels = load_data("ner_corpora")["labels"]
    header = f"{'corpus':<14} {'backend':<8} " + " ".join(f"{l + ' P/R/F1':>17}" for l in labels + ["ALL"]) + f" {'words/s':>9}"
    lines = [header, "-" * len(header)]
    for result in results:
        scores = [result.per_type[l] for l in labels] + [result.overall]
        cells = " ".join(f"{s.precision:5.3f}/{s.recall:5.3f}/{s.f1:5.3f}" for s in scores)
        lines.append(f"{result.corpus:<14} {result.backend:<8} {cells} {result.words_per_second:9.0f}")
    return "\n".join(lines)
