"""Stanza as the second NER backend (`--backend stanza`): loading, tagging, and a spaCy tokenizer.

The model in `models/ner-stanza/` (word vectors, tokenizer, NER tagger) is trained by
`stanza_training.py`. Nothing here ever downloads: every pipeline is built with `download_method=None`.
"""
from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path
from typing import Optional, Sequence

try:
    import stanza
    import torch
    from stanza.resources.common import DEFAULT_MODEL_DIR
except ImportError as error:
    raise ImportError("the Stanza NER backend needs the stanza extra: pip install -e '.[stanza]'") from error

from spacy.tokens import Doc
from spacy.vocab import Vocab

from .models import MODELS_DIR, TokenSpan

STANZA_MODEL = MODELS_DIR / "ner-stanza"
PRETRAIN_FILE, TOKENIZER_FILE, NER_FILE = "pretrain.pt", "tokenizer.pt", "ner.pt"
# Stanza reads a resources.json before it loads anything; ours lists no downloadable model.
RESOURCES_FILE = "resources.json"
LANGUAGE = "id"
SHORTHAND = "id_kerjasama"
TRAIN_COMMAND = "python cli.py train-ner --backend stanza"


@contextmanager
def one_torch_thread():
    """Torch's threads fight each other on a small shared machine: these small networks train and tag faster on one.

    (On 2 busy cores, tagging the test splits ran at 6,900 words/s on one thread and 240-450 on two.)
    """
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(threads)


def installed_indonesian_tokenizer(resources_dir: Path = Path(DEFAULT_MODEL_DIR)) -> Optional[Path]:
    """Stanza's own Indonesian tokenizer where the user installed it (`stanza.download("id")`), else None."""
    resources_file = Path(resources_dir) / RESOURCES_FILE
    if not resources_file.is_file():
        return None
    package = json.loads(resources_file.read_text(encoding="utf-8")).get(LANGUAGE, {}).get("default_processors", {}).get("tokenize")
    model = Path(resources_dir) / LANGUAGE / "tokenize" / f"{package}.pt"
    return model if package and model.is_file() else None


def stanza_pipeline(model_dir: Path = STANZA_MODEL, pretokenized: bool = False,
                    resources_dir: Path = Path(DEFAULT_MODEL_DIR)) -> stanza.Pipeline:
    """Stanza tokenisation, sentence splitting and the project's NER, never downloading anything.

    The tokenizer is Stanza's own Indonesian one where `resources_dir` has it, else the project's.
    `pretokenized` takes lists of words instead of text, so that each word stays one token.
    """
    model_dir = Path(model_dir)
    missing = [name for name in (PRETRAIN_FILE, TOKENIZER_FILE, NER_FILE, RESOURCES_FILE) if not (model_dir / name).is_file()]
    if missing:
        raise FileNotFoundError(f"Stanza NER model incomplete in {model_dir} (missing {', '.join(missing)}): "
                                f"run `{TRAIN_COMMAND}`")
    tokenizer_model = installed_indonesian_tokenizer(resources_dir) or model_dir / TOKENIZER_FILE
    return stanza.Pipeline(lang=LANGUAGE, dir=str(model_dir), processors="tokenize,ner", download_method=None,
                           allow_unknown_language=True, use_gpu=False, logging_level="ERROR",
                           tokenize_model_path=str(tokenizer_model), tokenize_pretokenized=pretokenized,
                           ner_model_path=str(model_dir / NER_FILE), ner_pretrain_path=str(model_dir / PRETRAIN_FILE))


class StanzaNer:
    """The benchmark's Stanza backend: the project's Stanza NER over the corpus's own tokens."""
    name = "stanza"

    def __init__(self, model_dir: Path = STANZA_MODEL):
        self.pipeline = stanza_pipeline(model_dir, pretokenized=True)

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[TokenSpan]]:
        if not sentences:
            return []
        with one_torch_thread():
            document = self.pipeline([list(words) for words in sentences])
        return [[(entity.tokens[0].id[0] - 1, entity.tokens[-1].id[0], entity.type) for entity in sentence.ents]
                for sentence in document.sentences]


class StanzaTokenizer:
    """A spaCy tokenizer that runs Stanza: tokens, sentence starts and entities (PER, ORG, LOC) from Stanza.

    The Doc's text is the input text exactly, so that character offsets into it stay valid: whitespace
    Stanza skips becomes a token's trailing space or, beyond one space, a whitespace token of its own.
    """

    def __init__(self, pipeline: stanza.Pipeline, vocab: Vocab):
        self.pipeline = pipeline
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words, spaces, sent_starts = [], [], []
        position = 0

        def add_gap(gap: str) -> None:
            if words and gap.startswith(" ") and not spaces[-1]:
                spaces[-1], gap = True, gap[1:]
            if gap:
                words.append(gap)
                spaces.append(False)
                sent_starts.append(not sent_starts)  # whitespace belongs to the sentence it follows

        with one_torch_thread():
            sentences = self.pipeline(text).sentences if text.strip() else []
        for sentence in sentences:
            for index, token in enumerate(sentence.tokens):
                if token.start_char < position or token.end_char > len(text):
                    raise ValueError(f"Stanza token {token.text!r} at {token.start_char}-{token.end_char} does not follow the text")
                add_gap(text[position:token.start_char])
                sent_starts.append(index == 0 and (position > 0 or not words))  # leading whitespace opens the first
                words.append(text[token.start_char:token.end_char])
                spaces.append(False)
                position = token.end_char
        add_gap(text[position:])
        doc = Doc(self.vocab, words=words, spaces=spaces, sent_starts=sent_starts)
        doc.ents = [doc.char_span(entity.start_char, entity.end_char, label=entity.type)
                    for sentence in sentences for entity in sentence.ents]
        return doc


def stanza_tokenizer(vocab: Vocab, model_dir: Path = STANZA_MODEL,
                     resources_dir: Path = Path(DEFAULT_MODEL_DIR)) -> StanzaTokenizer:
    """`nlp.tokenizer = stanza_tokenizer(nlp.vocab)`: the spaCy pipeline then reads Stanza's tokens, sentences and entities."""
    return StanzaTokenizer(stanza_pipeline(model_dir, resources_dir=resources_dir), vocab)
