"""Command line of kerjasama: it parses arguments, calls the library and prints."""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from pipeline.evaluation.scoring import evaluate as evaluate_predictions
from pipeline.evaluation.results import format_report
from pipeline.stages.ingest import list_input_files
from pipeline.ner.nlp import BACKENDS, DEFAULT_BACKEND
from pipeline.runner.run import ENGINES, Engine, Limits
from pipeline.runner.run import run as run_pipeline
from pipeline.schema import EventRecord
from pipeline.runner.workers import WorkersUnavailable

app = typer.Typer(add_completion=False, no_args_is_help=False,
                  help="Indonesian regional news in, deduplicated inter-government cooperation events out.")

Backend = Enum("Backend", {name: name for name in BACKENDS}, type=str)  # the choices of --backend
EngineName = Enum("EngineName", {name: name for name in ENGINES}, type=str)  # the choices of --engine
DEFAULT_INPUT = Path("data/raw")
DEFAULT_OUTPUT = Path("data/out")


@app.command()
def run(input_dir: Path = typer.Argument(DEFAULT_INPUT, help="Folder of articles, read recursively."),
        out: Path = typer.Option(DEFAULT_OUTPUT, "--out", help="Folder for events.jsonl, manifest.jsonl, summary.json."),
        quiet: bool = typer.Option(False, "--quiet", help="No progress bar."),
        file_timeout: float = typer.Option(Limits.file_timeout_s, "--file-timeout", min=0.001,
                                           help="Seconds one file may take; a file that takes longer is stopped "
                                                "and reported as an error."),
        max_file_mb: float = typer.Option(Limits.max_file_bytes / 1e6, "--max-file-mb", min=0,
                                          help="Files larger than this many megabytes are skipped (hashed, never parsed)."),
        max_article_chars: int = typer.Option(Limits.max_article_chars, "--max-article-chars", min=1,
                                              help="Articles with more characters of text than this are skipped."),
        backend: Backend = typer.Option(DEFAULT_BACKEND, "--backend",
                                        help="NER backend: spacy (default) or stanza (needs the stanza extra)."),
        workers: int = typer.Option(Engine().workers, "--workers", min=1,
                                    help="Worker processes (default: one per core); with --engine dask and no "
                                         "--scheduler, the local cluster's."),
        engine: EngineName = typer.Option("local", "--engine",
                                          help="local: worker processes on this machine; dask: a Dask cluster."),
        scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Address of the Dask scheduler "
                                                "(tcp://host:8786) for --engine dask; default: a local cluster.")) -> None:
    """Extract and merge the cooperation events of every article under INPUT_DIR.

    Exit code: 0 when no file failed, 1 when any file failed (see manifest.jsonl), 2 when the run
    could not be done (no input folder, output folder not writable).
    """
    if not input_dir.is_dir():
        typer.echo(f"error: input folder not found: {input_dir}", err=True)
        raise typer.Exit(2)
    limits = Limits(file_timeout_s=file_timeout, max_file_bytes=int(max_file_mb * 1e6),
                    max_article_chars=max_article_chars)
    try:
        chosen_engine = Engine(engine.value, workers=workers, scheduler=scheduler)
    except ValueError as error:  # a --scheduler without --engine dask
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2)
    total = len(list_input_files(input_dir, exclude=out))
    # No auto-refresh: its thread would be running while the run forks its worker processes.
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  disable=quiet, transient=True, auto_refresh=False) as progress:
        task = progress.add_task("files", total=total)

        def advance(_path: Path) -> None:
            progress.advance(task)
            progress.refresh()
        try:
            result = run_pipeline(input_dir, out, progress=advance, limits=limits, backend=backend.value,
                                  engine=chosen_engine)
        except (ImportError, FileNotFoundError, WorkersUnavailable) as error:  # a package, model or cluster is missing
            typer.echo(f"error: {error}", err=True)
            raise typer.Exit(2)
        except OSError as error:
            typer.echo(f"error: cannot write the output in {out}: {error}", err=True)
            raise typer.Exit(2)
    for report in result.reports:
        if report.status == "error":
            typer.echo(f"error: {report.path}: {report.reason}", err=True)
    typer.echo(result.summary_line())
    typer.echo(f"wrote {out / 'events.jsonl'}")
    if result.counts()["error"]:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the event records."""
    typer.echo(json.dumps(EventRecord.model_json_schema(), indent=2, ensure_ascii=False))


@app.command()
def evaluate(gold: Path = typer.Option(..., "--gold", help="Folder of gold JSON files."),
             pred: Path = typer.Option(..., "--pred", help="events.jsonl to score."),
             show_errors: bool = typer.Option(False, "--show-errors", help="List each disagreement.")) -> None:
    """Per-field precision, recall and F1 of PRED against the gold answers."""
    try:
        report = evaluate_predictions(gold, pred)
    except (ValueError, OSError) as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2)
    typer.echo(format_report(report, show_errors=show_errors))


@app.command("train-ner")
def train_ner(backend: Backend = typer.Option(DEFAULT_BACKEND, "--backend", help="spacy or stanza."),
              corpora: Optional[Path] = typer.Option(None, "--corpora", help="Folder of the NER corpora "
                                                     "(default: $KERJASAMA_NER_CORPORA or ../shared/datasets/ner)."),
              output: Optional[Path] = typer.Option(None, "--output", help="Where the model goes (default: models/)."),
              only: list[str] = typer.Option([], "--corpus", help="Train on this corpus only (repeat the flag; "
                                             "default: the corpora marked for training in pipeline/data/ner_corpora.json)."),
              max_steps: Optional[int] = typer.Option(None, "--max-steps", help="spaCy: stop after this many steps.")) -> None:
    """Train the Indonesian NER (PER, ORG, LOC) from the labelled corpora and write it to models/."""
    try:
        if backend is Backend.spacy:
            from pipeline.ner.training import train_spacy_ner

            written = train_spacy_ner(output, corpora=only or None, corpora_folder=corpora, max_steps=max_steps)
        else:
            from pipeline.ner.stanza_training import train_stanza

            written = train_stanza(output, corpora=only or None, corpora_folder=corpora)
    except (FileNotFoundError, ValueError, ImportError) as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2)
    typer.echo(f"wrote {written}")


@app.command("bench-ner")
def bench_ner(backends: list[str] = typer.Option(list(BACKENDS), "--backend", help="Backends to compare (repeat the flag)."),
              corpora: Optional[Path] = typer.Option(None, "--corpora", help="Folder of the NER corpora.")) -> None:
    """Entity P/R/F1 per type on each corpus's test split, and words per second, for each backend."""
    from pipeline.ner.bench import bench, format_results, load_backend

    try:
        results = bench([load_backend(name) for name in backends], folder=corpora)
    except (FileNotFoundError, ValueError, ImportError) as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2)
    typer.echo(format_results(results))


@app.command()
def export(out_dir: Path = typer.Argument(DEFAULT_OUTPUT, help="A run's output folder, holding events.jsonl."),
           table_format: str = typer.Option("csv", "--format", help="csv, parquet or duckdb.")) -> None:
    """Write the events of OUT_DIR as relational tables: CSV or Parquet files in OUT_DIR/tables, or OUT_DIR/kerjasama.duckdb."""
    from pipeline.dataset.tables import TABLE_FORMATS, export_tables

    if table_format not in TABLE_FORMATS:
        typer.echo(f"error: unknown format {table_format!r}: choose one of {', '.join(TABLE_FORMATS)}", err=True)
        raise typer.Exit(2)
    try:
        paths = export_tables(out_dir, table_format)
    except FileNotFoundError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2)
    for path in paths:
        typer.echo(f"wrote {path}")


@app.command()
def report(out_dir: Path = typer.Argument(DEFAULT_OUTPUT, help="A run's output folder, holding events.jsonl.")) -> None:
    """Write OUT_DIR/report.html: one page, opening offline, with the network, map, timeline, sectors and events."""
    from pipeline.dataset.report import write_report

    try:
        path = write_report(out_dir)
    except FileNotFoundError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2)
    typer.echo(f"wrote {path}")


@app.command("schema-docs")
def schema_docs(out: Optional[Path] = typer.Option(None, "--out", help="Where to write (default: docs/schema.md).")) -> None:
    """Write the record's JSON Schema and every table's columns, generated from the models, as Markdown."""
    from pipeline.dataset.tables import write_schema_docs

    typer.echo(f"wrote {write_schema_docs(out) if out else write_schema_docs()}")


def _sizes(text: str, allow_none: bool = False) -> list[int]:
    try:
        sizes = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise typer.BadParameter(f"sizes must be whole numbers separated by commas, not {text!r}")
    if (not sizes and not allow_none) or (sizes and min(sizes) < 1):
        raise typer.BadParameter("give at least one size, each 1 or more")
    return sizes


@app.command()
def bench(size: int = typer.Option(2000, "--size", min=1,
                                   help="Articles in each real-length corpus (the sample articles replicated)."),
          sample: Path = typer.Option(Path(__file__).parent / DEFAULT_INPUT, "--sample",
                                      help="Folder of the real articles the corpora are built from."),
          repeats: int = typer.Option(3, "--repeats", min=1, help="Runs of each timing (each corpus, its bare pass, the one-article start); the best counts."),
          merge_sizes: str = typer.Option("10000,100000", "--merge-sizes",
                                          help="Record counts for the merge-only timing, comma-separated."),
          synthetic_sizes: str = typer.Option("1000", "--synthetic-sizes",
                                              help="Sizes of the synthetic short-article corpora, comma-separated "
                                                   "(empty: none)."),
          only_cooperation: bool = typer.Option(False, "--only-cooperation",
                                                help="Synthetic corpora of cooperation articles only, no ordinary news."),
          workdir: Optional[Path] = typer.Option(None, "--workdir", help="Where the corpora are written "
                                                 "(default: the system's temporary folder)."),
          seed: int = typer.Option(0, "--seed", help="Seed of the synthetic corpora."),
          workers: int = typer.Option(Engine().workers, "--workers", min=1,
                                      help="Worker processes of the run (default: one per core).")) -> None:
    """Time the run command end to end on real-length articles beside a bare spaCy tokenizer pass,
    a one-article start, the merge alone, and the stages over synthetic corpora."""
    from pipeline.evaluation.bench_real import (format_merge_scaling, format_real_bench, merge_timing,
                                                run_real_bench, load_sample, sample_records)
    from pipeline.evaluation.bench_synthetic import load_pipeline, run_bench, table_header, table_row

    merged_sizes, corpus_sizes = _sizes(merge_sizes), _sizes(synthetic_sizes, allow_none=True)
    if not sample.is_dir():
        raise typer.BadParameter(f"no folder of sample articles at {sample}", param_hint="--sample")
    run_command = [sys.executable, str(Path(__file__).resolve()), "run"]
    try:
        sample_articles = load_sample(sample)
        typer.echo(format_real_bench(run_real_bench(sample_articles, run_command, size, workers, workdir=workdir,
                                                    repeats=repeats)))
        if corpus_sizes:
            engine = Engine(workers=workers)
            typer.echo(table_header(load_pipeline(), engine))
            for row in run_bench(corpus_sizes, only_cooperation=only_cooperation, workdir=workdir, seed=seed,
                                 engine=engine):
                typer.echo(table_row(row))
        records = sample_records(sample_articles)
        typer.echo(format_merge_scaling([merge_timing(records, count) for count in merged_sizes]))
    except (ValueError, RuntimeError) as error:  # a sample with no articles or no event; a run that failed
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2)


if __name__ == "__main__":
    app()
