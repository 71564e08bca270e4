"""Training of the project's spaCy NER (PER, ORG, LOC) from the labelled corpora: `python cli.py train-ner`.

The corpora's training splits become one spaCy `DocBin`, their dev splits another, and spaCy's own
training loop runs `models/ner-spacy.cfg` over them. The best model is written to `models/ner-spacy/`
whole or not at all, so that a failed training never leaves the pipeline without a model.
"""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Optional, Sequence

import spacy
from spacy.tokens import Doc, DocBin

from ..knowledge import load_data
from ..files import replace_dir
from .corpus import TaggedSentence, default_training_corpora, training_sentences
from .models import MODELS_DIR, SPACY_NER_MODEL

SPACY_CONFIG = MODELS_DIR / "ner-spacy.cfg"


def training_tags(sentence: TaggedSentence) -> list[str]:
    """The tags to learn from. In a corpus whose case was restored, a capitalised word outside every
    entity is left unannotated (`""`) rather than taught as "not an entity": NERP tags companies and
    brands as organisations but leaves government bodies and parties (`KPK`, `DPR`, `Golkar`) untagged,
    and those are the organisations this project reads about."""
    if not sentence.case_restored:
        return list(sentence.tags)
    return ["" if tag == "O" and index and word[:1].isupper() else tag
            for index, (word, tag) in enumerate(zip(sentence.words, sentence.tags))]


def tagged_doc(vocab, sentence: TaggedSentence) -> Doc:
    return Doc(vocab, words=list(sentence.words), ents=training_tags(sentence))


def write_docbin(sentences: Sequence[TaggedSentence], path: Path) -> None:
    vocab = spacy.blank("id").vocab
    DocBin(docs=(tagged_doc(vocab, s) for s in sentences), store_user_data=False).to_disk(path)


def train_spacy_ner(output: Optional[Path] = None, corpora: Optional[Sequence[str]] = None,
                    corpora_folder: Optional[Path] = None, config: Path = SPACY_CONFIG,
                    max_steps: Optional[int] = None) -> Path:
    """Train on the corpora's train splits, pick the best step on their dev splits, write the model to
    `output` (default: models/ner-spacy)."""
    from spacy.cli.train import train

    output = Path(output or SPACY_NER_MODEL)
    corpora = list(corpora or default_training_corpora())
    overrides = {}
    if max_steps:  # evaluate at least once, or there is no best model to keep
        every = spacy.util.load_config(config)["training"]["eval_frequency"]
        overrides = {"training.max_steps": max_steps, "training.eval_frequency": min(every, max_steps)}
    with tempfile.TemporaryDirectory(prefix="kerjasama-ner-") as work:
        work_dir = Path(work)
        write_docbin(training_sentences(corpora, "train", corpora_folder), work_dir / "train.spacy")
        # the best step is chosen on the cased corpora: their annotation is complete, and cased is what we read
        cased = [c for c in corpora if load_data("ner_corpora")["corpora"][c]["cased"]] or corpora
        write_docbin(training_sentences(cased, "dev", corpora_folder), work_dir / "dev.spacy")
        overrides |= {"paths.train": str(work_dir / "train.spacy"), "paths.dev": str(work_dir / "dev.spacy")}
        train(config, work_dir / "trained", overrides=overrides)
        replace_dir(work_dir / "trained" / "model-best", output)
    return output
