"""The labelled Indonesian NER corpora, read onto one tag set (PER, ORG, LOC), for training and benchmarks.

Each corpus is CoNLL-like: one token per line, the IOB2 tag in the last column, a blank line between
sentences. `pipeline/data/ner_corpora.json` names the corpora, their split files and how their tag sets
map onto ours. One corpus (NERP) is lower-cased; `restore_case` rebuilds its case from the cased
corpora and the gazetteer, so that a model trained on it still learns that names are capitalised.
"""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from ..knowledge import load_data, regions_by_bare_name

DEFAULT_CORPORA_DIR = Path(__file__).resolve().parents[3] / "shared" / "datasets" / "ner"
CORPORA_DIR_VARIABLE = "KERJASAMA_NER_CORPORA"


@dataclass(frozen=True)
class TaggedSentence:
    words: tuple[str, ...]
    tags: tuple[str, ...]  # IOB2 over PER/ORG/LOC, "O" elsewhere
    case_restored: bool = False


def corpora_dir(explicit: Optional[Path] = None) -> Path:
    """Where the corpora are: the argument, else $KERJASAMA_NER_CORPORA, else ../shared/datasets/ner."""
    folder = Path(explicit or os.environ.get(CORPORA_DIR_VARIABLE) or DEFAULT_CORPORA_DIR)
    if not folder.is_dir():
        raise FileNotFoundError(f"NER corpora folder not found: {folder} (set --corpora or ${CORPORA_DIR_VARIABLE})")
    return folder


def corpus_names() -> list[str]:
    return list(load_data("ner_corpora")["corpora"])


def default_training_corpora() -> list[str]:
    return [name for name, spec in load_data("ner_corpora")["corpora"].items() if spec["train"]]


def _mapped_tag(tag: str) -> str:
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, kind = tag.split("-", 1)
    label = load_data("ner_corpora")["tag_map"].get(kind)
    if kind not in load_data("ner_corpora")["tag_map"]:
        raise ValueError(f"unknown NER tag {tag!r}: add its type to pipeline/data/ner_corpora.json")
    return f"{prefix}-{label}" if label else "O"


def _repaired(tags: list[str]) -> list[str]:
    """IOB2 after mapping: an I- that no longer follows its own type (a dropped EVT, say) begins an entity."""
    repaired = []
    for index, tag in enumerate(tags):
        previous = repaired[index - 1] if index else "O"
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        repaired.append(tag)
    return repaired


def read_conll(path: Path) -> list[TaggedSentence]:
    """Sentences of one split file, tags mapped onto PER/ORG/LOC."""
    sentences, words, tags = [], [], []
    for line_number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        columns = line.split()
        if not columns:
            if words:
                sentences.append(TaggedSentence(tuple(words), tuple(_repaired(tags))))
            words, tags = [], []
            continue
        if len(columns) < 2:
            raise ValueError(f"{path}:{line_number}: expected a token and a tag, got {line!r}")
        words.append(columns[0])
        tags.append(_mapped_tag(columns[-1]))
    if words:
        sentences.append(TaggedSentence(tuple(words), tuple(_repaired(tags))))
    return sentences


def read_split(corpus: str, split: str, folder: Optional[Path] = None) -> list[TaggedSentence]:
    """One split (`train`, `dev` or `test`) of a named corpus, with case restored where the corpus lost it."""
    spec = load_data("ner_corpora")["corpora"][corpus]
    sentences = read_conll(corpora_dir(folder) / corpus / spec["splits"][split])
    if not spec["cased"]:
        lexicon = case_lexicon(corpora_dir(folder))
        sentences = [restore_case(s, lexicon) for s in sentences]
    return sentences


@lru_cache(maxsize=2)
def case_lexicon(folder: Path) -> dict[str, str]:
    """Lower-cased word → its usual spelling, from the cased corpora's training text and the region names.

    A sentence's first word says nothing about case, so it is not counted.
    """
    spellings: dict[str, Counter] = {}
    for corpus, spec in load_data("ner_corpora")["corpora"].items():
        if spec["cased"]:
            for sentence in read_conll(folder / corpus / spec["splits"]["train"]):
                for word in sentence.words[1:]:
                    spellings.setdefault(word.lower(), Counter())[word] += 1
    lexicon = {lower: counts.most_common(1)[0][0] for lower, counts in spellings.items()}
    for regions in regions_by_bare_name().values():
        for region in regions:
            for word in region.bare.split():
                lexicon.setdefault(word.lower(), word)
    return lexicon


def restore_case(sentence: TaggedSentence, lexicon: dict[str, str]) -> TaggedSentence:
    """A lower-cased sentence as it was probably written: entity words capitalised, known words as usually spelt."""
    words = []
    for index, (word, tag) in enumerate(zip(sentence.words, sentence.tags)):
        known = lexicon.get(word)
        if tag != "O":
            word = known if known and not known.islower() else word[:1].upper() + word[1:]
        elif known:
            word = known
        if index == 0:
            word = word[:1].upper() + word[1:]
        words.append(word)
    return TaggedSentence(tuple(words), sentence.tags, case_restored=True)


def entity_spans(sentence: TaggedSentence) -> list[tuple[int, int, str]]:
    """(start, end, label) token spans of an IOB2-tagged sentence."""
    spans, start, label = [], None, None
    for index, tag in enumerate(list(sentence.tags) + ["O"]):
        if start is not None and not tag.startswith("I-"):
            spans.append((start, index, label))
            start = None
        if tag.startswith("B-"):
            start, label = index, tag[2:]
    return spans


def training_sentences(corpora: Iterable[str], split: str, folder: Optional[Path] = None) -> list[TaggedSentence]:
    return [s for corpus in corpora for s in read_split(corpus, split, folder)]
