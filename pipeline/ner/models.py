"""Where the NER models live (models/ at the repository root) and what a model tags.

The lowest module of `pipeline.ner`: the pipeline, the Stanza backend, the training and the benchmark
all read it, and it reads none of them.
"""
from __future__ import annotations

from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parents[2] / "models"
SPACY_NER_MODEL = MODELS_DIR / "ner-spacy"

TokenSpan = tuple[int, int, str]  # (start, end, label) over a sentence's tokens
