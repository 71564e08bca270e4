"""`train-ner` for spaCy, end to end on a slice of the real corpora: a model that loads and tags."""
from pathlib import Path

import spacy
from typer.testing import CliRunner

import cli
from pipeline.ner.bench import SpacyNer, bench_backend

REAL_CORPORA = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "ner"


def test_train_ner_writes_a_model_that_loads_and_is_scored(tmp_path):
    output = tmp_path / "ner-tiny"
    result = CliRunner().invoke(cli.app, ["train-ner", "--corpora", str(REAL_CORPORA), "--corpus", "idner-news-2k",
                                          "--output", str(output), "--max-steps", "30"])
    assert result.exit_code == 0, result.output
    assert set(spacy.load(output).get_pipe("ner").labels) == {"PER", "ORG", "LOC"}
    scored = bench_backend(SpacyNer(output), "idner-news-2k", REAL_CORPORA)
    assert scored.words > 5000 and scored.overall.predicted > 0  # thirty steps learn little, but it tags


def test_train_ner_says_where_the_corpora_are_missing(tmp_path):
    result = CliRunner().invoke(cli.app, ["train-ner", "--corpora", str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "NER corpora folder not found" in result.output


def test_the_shipped_model_keeps_its_measured_f1_on_the_cased_test_splits():
    """idner-news-2k meets the bar of 0.80; nergrit (0.68 measured) stays under its bar of 0.75, see README."""
    backend = SpacyNer()
    assert bench_backend(backend, "idner-news-2k", REAL_CORPORA).overall.f1 >= 0.80
    assert bench_backend(backend, "nergrit", REAL_CORPORA).overall.f1 >= 0.65
