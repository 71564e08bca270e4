"""Training of the Stanza NER backend (`stanza_backend.py` loads and runs it).

`python cli.py train-ner --backend stanza` trains three things from the labelled corpora into
`models/ner-stanza/`, whole or not at all:
- word vectors: word2vec over the corpora's training text, cased, in Stanza's pretrain format, since
  Stanza's own Indonesian vectors cannot be downloaded here;
- a tokenizer (tokens and sentences): Stanza's character tagger, trained on text rebuilt from the
  corpora's tokens, used where the user has not installed Stanza's own Indonesian tokenizer;
- the NER tagger (PER, ORG, LOC): Stanza's BiLSTM-CRF over those vectors and the words' characters,
  its best step on the dev splits kept.

Nothing here ever downloads.
"""
from __future__ import annotations

import json
import logging
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

try:
    from stanza.models.common.pretrain import Pretrain
except ImportError as error:
    raise ImportError("the Stanza NER backend needs the stanza extra: pip install -e '.[stanza]'") from error

from ..files import replace_dir
from ..knowledge import load_data
from .corpus import TaggedSentence, corpus_names, default_training_corpora, read_split
from .stanza_backend import (LANGUAGE, NER_FILE, PRETRAIN_FILE, RESOURCES_FILE, SHORTHAND, STANZA_MODEL, TOKENIZER_FILE,
                             one_torch_thread)

SENTENCES_PER_PARAGRAPH = 4

# How corpus tokens are glued back into running text for the tokenizer to learn from.
NO_SPACE_BEFORE = {",", ".", ")", "]", "}", ":", ";", "!", "?", "%", "”", "’", "..."}
NO_SPACE_AFTER = {"(", "[", "{", "“", "‘"}
STRAIGHT_QUOTE = '"'
BRACKETED = re.compile(r"([(\[]?)(.*?)([)\]]?)")


@dataclass(frozen=True)
class StanzaTrainingSize:
    """How big the vectors and networks are and how long each trains; the defaults make the shipped model."""
    vector_dim: int = 50
    vector_min_count: int = 2
    vector_epochs: int = 10
    tokenizer_steps: int = 1200
    tokenizer_eval_steps: int = 300
    ner_steps: int = 2000
    ner_eval_interval: int = 250
    ner_hidden_dim: int = 128
    ner_char_hidden_dim: int = 64
    ner_optimizer: str = "adam"
    ner_learning_rate: float = 0.001
    sentences_per_split: Optional[int] = None  # the first N sentences of each corpus split, for quick runs


def bracket_split(words: Sequence[str]) -> list[str]:
    """Brackets as tokens of their own: one corpus keeps `(24/8)` whole, the others split it, and so do we."""
    split = []
    for word in words:
        opening, inner, closing = BRACKETED.fullmatch(word).groups() if len(word) > 1 else ("", word, "")
        split += [part for part in (opening, inner, closing) if part]
    return split


def detokenized(words: Sequence[str], curly_quotes: bool = False) -> tuple[str, list[tuple[int, int]]]:
    """A sentence's tokens as they were probably written (`Bekasi, Selasa (24/8).`) and each token's offsets.

    `curly_quotes` writes the corpora's straight quotes as “ and ”, as many news sites do.
    """
    text, offsets, quote_open, glue_next = "", [], False, True
    for word in words:
        closing_quote = word == STRAIGHT_QUOTE and quote_open
        if not (glue_next or word in NO_SPACE_BEFORE or closing_quote):
            text += " "
        offsets.append((len(text), len(text) + len(word)))
        text += ("”" if quote_open else "“") if word == STRAIGHT_QUOTE and curly_quotes else word
        glue_next = word in NO_SPACE_AFTER or (word == STRAIGHT_QUOTE and not quote_open)
        if word == STRAIGHT_QUOTE:
            quote_open = not quote_open
    return text, offsets


def write_tokenizer_data(sentences: Sequence[TaggedSentence], text_path: Path, label_path: Path) -> None:
    """Stanza's tokenizer files: paragraphs of text, and one label per character (1 ends a token, 2 a sentence).

    Every other sentence has curly quotes, so that the tokenizer learns both kinds.
    """
    paragraphs, label_lines = [], []
    for first in range(0, len(sentences), SENTENCES_PER_PARAGRAPH):
        paragraph, labels = "", ""
        for index, sentence in enumerate(sentences[first:first + SENTENCES_PER_PARAGRAPH], first):
            if paragraph:
                paragraph, labels = paragraph + " ", labels + "0"
            text, offsets = detokenized(bracket_split(sentence.words), curly_quotes=index % 2 == 1)
            characters = ["0"] * len(text)
            for _, end in offsets:
                characters[end - 1] = "1"
            characters[offsets[-1][1] - 1] = "2"
            paragraph, labels = paragraph + text, labels + "".join(characters)
        paragraphs.append(paragraph)
        label_lines.append(labels)
    text_path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    label_path.write_text("\n\n".join(label_lines) + "\n", encoding="utf-8")


def write_ner_data(sentences: Sequence[TaggedSentence], path: Path) -> None:
    """Stanza's NER training format: a JSON list of sentences, each a list of {text, ner} tokens (IOB2 here)."""
    document = [[{"text": word, "ner": tag} for word, tag in zip(s.words, s.tags)] for s in sentences]
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")


def build_pretrain(sentences: Sequence[TaggedSentence], path: Path, size: StanzaTrainingSize) -> None:
    """Skip-gram word2vec over the training text, cased (case tells names apart), saved as a Stanza pretrain."""
    from gensim.models import Word2Vec

    model = Word2Vec([list(s.words) for s in sentences], vector_size=size.vector_dim, min_count=size.vector_min_count,
                     epochs=size.vector_epochs, sg=1, window=5, workers=2, seed=1)
    text_vectors = path.with_suffix(".txt")
    model.wv.save_word2vec_format(str(text_vectors))
    Pretrain(str(path), str(text_vectors), save_to_file=True).load()
    text_vectors.unlink()


def _sentences(corpora: Sequence[str], split: str, folder: Optional[Path], size: StanzaTrainingSize) -> list[TaggedSentence]:
    return [s for corpus in corpora for s in read_split(corpus, split, folder)[:size.sentences_per_split]]


def train_stanza(output_dir: Optional[Path] = None, corpora: Optional[Sequence[str]] = None,
                 corpora_folder: Optional[Path] = None, size: StanzaTrainingSize = StanzaTrainingSize()) -> Path:
    """Train vectors, tokenizer and NER on the corpora's train splits (dev splits pick the best step); write `output_dir`.

    The tokenizer learns only from the cased corpora: a lower-cased one hides where its sentences end.
    """
    output_dir = Path(output_dir or STANZA_MODEL)
    # Importing Stanza's training entry points turns its logging to DEBUG for the whole process: put it back.
    stanza_logger = logging.getLogger("stanza")
    level = stanza_logger.level
    from stanza.models import ner_tagger, tokenizer
    stanza_logger.setLevel(level)

    corpora = list(corpora or default_training_corpora())
    cased = [c for c in corpora if load_data("ner_corpora")["corpora"][c]["cased"]]
    if not cased:
        raise ValueError(f"the Stanza tokenizer learns where sentences end from capitals: add a cased corpus to {corpora}")
    with tempfile.TemporaryDirectory(prefix="kerjasama-stanza-") as work, one_torch_thread():
        work_dir, model_dir = Path(work), Path(work) / "model"
        model_dir.mkdir()
        train_sentences = _sentences(corpora, "train", corpora_folder, size)
        # the vectors learn from all the text there is, the lower-cased corpus too (its case restored)
        build_pretrain(_sentences(corpus_names(), "train", corpora_folder, size), model_dir / PRETRAIN_FILE, size)

        for split in ("train", "dev"):
            write_tokenizer_data(_sentences(cased, split, corpora_folder, size),
                                 work_dir / f"{split}.txt", work_dir / f"{split}.labels")
        (work_dir / "mwt.json").write_text("[]", encoding="utf-8")  # Indonesian words are not split into several
        tokenizer.main(["--txt_file", str(work_dir / "train.txt"), "--label_file", str(work_dir / "train.labels"),
                        "--dev_txt_file", str(work_dir / "dev.txt"), "--dev_label_file", str(work_dir / "dev.labels"),
                        "--mwt_json_file", str(work_dir / "mwt.json"), "--no_use_mwt",
                        "--lang", LANGUAGE, "--shorthand", SHORTHAND, "--cpu",
                        "--steps", str(size.tokenizer_steps), "--eval_steps", str(size.tokenizer_eval_steps),
                        "--save_dir", str(model_dir), "--save_name", TOKENIZER_FILE])

        write_ner_data(train_sentences, work_dir / "train.json")
        write_ner_data(_sentences(corpora, "dev", corpora_folder, size), work_dir / "dev.json")
        ner_tagger.main(["--train_file", str(work_dir / "train.json"), "--eval_file", str(work_dir / "dev.json"),
                         "--wordvec_pretrain_file", str(model_dir / PRETRAIN_FILE), "--no_lowercase",
                         "--scheme", "bioes", "--shorthand", SHORTHAND, "--cpu",
                         "--hidden_dim", str(size.ner_hidden_dim), "--char_hidden_dim", str(size.ner_char_hidden_dim),
                         "--optim", size.ner_optimizer, "--lr", str(size.ner_learning_rate),
                         "--max_steps", str(size.ner_steps), "--eval_interval", str(size.ner_eval_interval),
                         "--save_dir", str(model_dir), "--save_name", NER_FILE])
        (model_dir / RESOURCES_FILE).write_text("{}", encoding="utf-8")
        replace_dir(model_dir, output_dir)
    return output_dir
