"""Benchmark: the stages run end to end over a tiny corpus and the figures are printed."""
from typer.testing import CliRunner

from cli import app
from pipeline.evaluation.bench import STAGES, bench_folder, merge_timing
from pipeline.evaluation.synthetic import generate_corpus, write_corpus


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


def test_merge_timing_merges_the_truth_records():
    records, seconds = merge_timing(50, seed=1)
    assert records == sum(a.kind == "event" for a in generate_corpus(50, seed=1, only_cooperation=True))
    assert seconds > 0


def test_cli_bench_prints_the_table_and_the_merge_growth(tmp_path):
    workdir = tmp_path / "not-yet-made"
    result = CliRunner().invoke(app, ["bench", "--sizes", "10,20", "--merge-sizes", "20,40", "--workdir", str(workdir),
                                      "--workers", "2"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "2 worker processes" in lines[1]
    assert "art/s" in lines[2] and "peak MB" in lines[2] and all(stage in lines[2] for stage in STAGES)
    assert [line.split()[0] for line in lines[3:5]] == ["10", "20"]
    assert "merge alone:" in result.output and "x the records" in result.output
    assert list(workdir.iterdir()) == []  # the folder is made, and the corpora are removed after the run


def test_cli_bench_refuses_sizes_that_are_not_numbers():
    result = CliRunner().invoke(app, ["bench", "--sizes", "ten"])
    assert result.exit_code != 0
