"""Benchmark: the real-length corpora, the child-process timings, the merge alone and the synthetic stages."""
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from pipeline import extract_from_text
from pipeline.evaluation.bench_real import (COOPERATION_SHARE, bench_corpus, build_corpus, load_sample, merge_timing,
                                            ordinary_news, replicate_records, sample_records, timed_child)
from pipeline.evaluation.bench_synthetic import STAGES, bench_folder
from pipeline.evaluation.synthetic import generate_corpus, write_corpus
from pipeline.stages.dedup import merge_records

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "raw"


def test_the_mix_holds_one_sample_article_in_five_and_the_rest_ordinary_news():
    sample, ordinary = load_sample(SAMPLE), ordinary_news()
    corpus = build_corpus(sample, 40, ordinary)
    sample_texts, ordinary_texts = {a.text for a in sample}, {a.text for a in ordinary}
    assert len(corpus) == 40 and len({a.doc_id for a in corpus}) == 40
    assert sum(a.text in sample_texts for a in corpus) == 40 // COOPERATION_SHARE
    assert sum(a.text in ordinary_texts for a in corpus) == 40 - 40 // COOPERATION_SHARE
    assert {a.text for a in corpus} >= ordinary_texts  # every ordinary article is used, in turn
    assert [a.text for a in build_corpus(sample, 2 * len(sample))] == [a.text for a in sample] * 2


def test_ordinary_news_is_real_length_and_reports_no_event():
    ordinary = ordinary_news()
    assert len(ordinary) >= 5
    for article in ordinary:
        assert len(article.text) > 1500
        assert extract_from_text(article.text, doc_id=article.doc_id) is None, article.doc_id


def test_the_corpus_written_reads_back_with_its_sidecars(tmp_path):
    corpus = build_corpus(load_sample(SAMPLE), 6)
    write_corpus(corpus, tmp_path)
    back = load_sample(tmp_path)
    assert [(a.doc_id, a.url, a.published, a.title) for a in back] == [(a.doc_id, a.url, a.published, a.title)
                                                                        for a in corpus]


def test_a_child_process_is_timed_with_the_memory_of_its_largest_process():
    # the grandchild holds 200 MB; the child itself little
    grandchild = "b = bytearray(200 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096])"
    child = timed_child([sys.executable, "-c", f"import subprocess, sys; subprocess.run([sys.executable, '-c', {grandchild!r}], check=True)"])
    assert child.seconds > 0 and child.peak_mb >= 200
    assert timed_child([sys.executable, "-c", "pass"]).peak_mb < 150


def test_a_failing_child_raises_with_its_error_output():
    with pytest.raises(RuntimeError, match="(?s)exited with 3.*the reason"):
        timed_child([sys.executable, "-c", "import sys; sys.stderr.write('the reason'); sys.exit(3)"])


# A stand-in for the run command: slow the first time it runs, quick after; writes one event.
FIRST_SLOW_RUN = """
import sys, time
from pathlib import Path
out = Path(sys.argv[sys.argv.index("--out") + 1])
marker = out.parent / "ran-before"
if not marker.exists():
    marker.touch()
    time.sleep(1.0)
out.mkdir()
(out / "events.jsonl").write_text("{}\\n")
"""


def test_a_corpus_is_timed_the_best_of_its_repeats_each_into_a_fresh_output_folder(tmp_path):
    corpus = build_corpus(load_sample(SAMPLE), 3)
    row = bench_corpus("tiny", corpus, [sys.executable, "-c", FIRST_SLOW_RUN], workers=1, scratch=tmp_path,
                       repeats=2)
    assert row.run.seconds < 1.0 and row.events == 1 and row.articles == 3
    assert (tmp_path / "tiny-out-0").is_dir() and (tmp_path / "tiny-out-1").is_dir()


def test_replicated_records_merge_into_the_sample_events_with_every_copy_as_a_source():
    records = sample_records(load_sample(SAMPLE))
    assert records
    events = merge_records(records)
    merged = merge_records(replicate_records(records, 3 * len(records)))
    assert [[(p.name, p.role) for p in e.parties] for e in merged] == [[(p.name, p.role) for p in e.parties] for e in events]
    assert [len(e.sources) for e in merged] == [3 * len(e.sources) for e in events]
    size, count, seconds = merge_timing(records, 2 * len(records))
    assert (size, count) == (2 * len(records), len(events)) and seconds > 0


def test_bench_folder_counts_and_times_every_stage(tmp_path):
    articles = generate_corpus(30, seed=4)
    write_corpus(articles, tmp_path)
    row = bench_folder(tmp_path)
    assert row.articles == 30
    assert sum(a.kind == "event" for a in articles) <= row.screened_in < 30
    assert row.records == len({a.event for a in articles if a.kind == "event"})
    assert set(row.stages) == set(STAGES) and all(seconds >= 0 for seconds in row.stages.values())
    assert row.stages["nlp"] > 0 and row.run_seconds > 0 and row.per_second > 0
    assert row.peak_rss_mb > 0 and row.worker_peak_rss_mb > 0


def test_cli_bench_prints_the_real_length_runs_the_start_the_merge_and_the_synthetic_stages(tmp_path):
    workdir = tmp_path / "not-yet-made"
    result = CliRunner().invoke(app, ["bench", "--size", "10", "--repeats", "1", "--merge-sizes", "20,40",
                                      "--synthetic-sizes", "10", "--workdir", str(workdir), "--workers", "2"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "2 worker processes" in lines[0] and "bare spaCy tokenizer pass" in lines[0]
    assert "art/s" in lines[1] and "ratio" in lines[1]
    cooperation, mix = lines[2].split(), lines[3].split()
    assert cooperation[:2] == ["cooperation", "10"] and mix[:2] == ["mix", "10"]
    assert int(cooperation[2]) >= 1 and 0 < float(cooperation[-1])
    assert "one-article run:" in result.output and "spacy.blank('id') start" in result.output
    assert "synthetic short articles" in result.output
    assert "      20 records into" in result.output and "x the records" in result.output
    assert list(workdir.iterdir()) == []  # the folder is made, and the corpora are removed after the run


@pytest.mark.parametrize("option", [["--merge-sizes", "ten"], ["--synthetic-sizes", "0"],
                                    ["--sample", "no/such/folder"]])
def test_cli_bench_refuses_what_it_cannot_run(option):
    result = CliRunner().invoke(app, ["bench", *option])
    assert result.exit_code != 0


def test_cli_bench_says_why_a_sample_without_articles_cannot_be_benchmarked(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["bench", "--sample", str(tmp_path), "--size", "2"])
    assert result.exit_code == 2
    assert "no articles to build the benchmark's corpus from" in result.output
