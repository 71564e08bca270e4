"""Command line of kerjasama: it parses arguments, calls the library and prints."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from pipeline.evaluate import evaluate as evaluate_predictions
from pipeline.evaluate import format_report
from pipeline.ingest import list_input_files
from pipeline.run import run as run_pipeline
from pipeline.schema import EventRecord

app = typer.Typer(add_completion=False, no_args_is_help=False,
                  help="Indonesian regional news in, deduplicated inter-government cooperation events out.")

DEFAULT_INPUT = Path("data/raw")
DEFAULT_OUTPUT = Path("data/out")


@app.command()
def run(input_dir: Path = typer.Argument(DEFAULT_INPUT, help="Folder of articles, read recursively."),
        out: Path = typer.Option(DEFAULT_OUTPUT, "--out", help="Folder for events.jsonl, manifest.jsonl, summary.json."),
        quiet: bool = typer.Option(False, "--quiet", help="No progress bar.")) -> None:
    """Extract and merge the cooperation events of every article under INPUT_DIR."""
    if not input_dir.is_dir():
        typer.echo(f"error: input folder not found: {input_dir}", err=True)
        raise typer.Exit(2)
    total = len(list_input_files(input_dir))
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  disable=quiet, transient=True) as progress:
        task = progress.add_task("articles", total=total)
        result = run_pipeline(input_dir, out, progress=lambda _path: progress.advance(task))
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


@app.command()
def export(out_dir: Path = typer.Argument(DEFAULT_OUTPUT, help="A run's output folder, holding events.jsonl."),
           table_format: str = typer.Option("csv", "--format", help="csv, parquet or duckdb.")) -> None:
    """Write the events of OUT_DIR as relational tables: CSV or Parquet files in OUT_DIR/tables, or OUT_DIR/kerjasama.duckdb."""
    from pipeline.tables import TABLE_FORMATS, export_tables

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
    from pipeline.report import write_report

    try:
        path = write_report(out_dir)
    except FileNotFoundError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2)
    typer.echo(f"wrote {path}")


@app.command("schema-docs")
def schema_docs(out: Optional[Path] = typer.Option(None, "--out", help="Where to write (default: docs/schema.md).")) -> None:
    """Write the record's JSON Schema and every table's columns, generated from the models, as Markdown."""
    from pipeline.tables import write_schema_docs

    typer.echo(f"wrote {write_schema_docs(out) if out else write_schema_docs()}")



if __name__ == "__main__":
    app()
