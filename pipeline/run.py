"""A whole run: a folder of articles in, merged event records and a manifest of every file out.

`process_folder` is what a notebook calls; `run` also writes the output files the CLI promises.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Optional

from .clean import clean_text
from .dedup import merge_records
from .export import EVENTS_FILE, MANIFEST_FILE, SUMMARY_FILE, write_json, write_jsonl
from .extract import record_from_doc
from .ingest import list_input_files, read_file
from .ner import shared_nlp
from .schema import Article, EventRecord, FileReport

ProgressCallback = Callable[[Path], None]
NLP_BATCH_SIZE = 32
MAX_ARTICLE_CHARS = 500_000  # within spaCy's max_length; news articles run to tens of thousands


@dataclass
class RunResult:
    records: list[EventRecord] = field(default_factory=list)
    reports: list[FileReport] = field(default_factory=list)

    def counts(self) -> Counter:
        return Counter(r.status for r in self.reports)

    def summary_line(self) -> str:
        counts = self.counts()
        skipped = Counter(r.reason for r in self.reports if r.status == "skipped")
        reasons = "; ".join(f"{n} {reason}" for reason, n in skipped.most_common(3))
        return (f"{len(self.reports)} files read: {counts['ok']} with an event, {counts['no_event']} without, "
                f"{counts['skipped']} skipped{f' ({reasons})' if reasons else ''}, {counts['error']} failed; "
                f"{len(self.records)} events written")


def _articles(files: list[Path], reports: list[FileReport], progress: Optional[ProgressCallback]) -> Iterator[tuple[Article, int]]:
    """Cleaned articles of every readable file, each with the index of its file's report."""
    for path in files:
        articles, report = read_file(path)
        reports.append(report)
        for article in articles:
            cleaned = article.model_copy(update={"text": clean_text(article.text)})
            if len(cleaned.text) > MAX_ARTICLE_CHARS:
                report.status = "skipped"
                report.reason = (f"article {article.doc_id} has {len(cleaned.text)} characters of text, over the "
                                 f"limit of {MAX_ARTICLE_CHARS} (no news article is that long)")
            elif cleaned.text.strip():
                yield cleaned, len(reports) - 1
        if progress:
            progress(path)


def process_folder(input_dir: Path, progress: Optional[ProgressCallback] = None) -> RunResult:
    """Every article under `input_dir` read, its event extracted, and same events merged."""
    input_dir = Path(input_dir)
    if not input_dir.is_dir():
        raise NotADirectoryError(f"input folder not found: {input_dir}")
    result = RunResult()
    files = list_input_files(input_dir)
    found_event: set[int] = set()
    extracted: list[EventRecord] = []
    stream = _articles(files, result.reports, progress)
    for doc, (article, report_index) in shared_nlp().pipe(((a.text, (a, i)) for a, i in stream), as_tuples=True,
                                                          batch_size=NLP_BATCH_SIZE):
        try:
            record = record_from_doc(article, doc)
        except Exception as error:  # one article's failure must not cost the batch
            report = result.reports[report_index]
            report.status, report.reason = "error", f"extraction failed: {type(error).__name__}: {error}"
            continue
        if record is not None:
            extracted.append(record)
            found_event.add(report_index)
    for index, report in enumerate(result.reports):
        if report.status == "ok" and index not in found_event:
            report.status = "no_event"
            report.reason = report.reason or "no inter-government event reported"
    result.records = merge_records(extracted)
    return result


def run(input_dir: Path, out_dir: Path, progress: Optional[ProgressCallback] = None) -> RunResult:
    """`process_folder`, then `events.jsonl`, `manifest.jsonl` and `summary.json` in `out_dir`."""
    result = process_folder(input_dir, progress)
    out_dir = Path(out_dir)
    write_jsonl(out_dir / EVENTS_FILE, result.records)
    write_jsonl(out_dir / MANIFEST_FILE, result.reports)
    write_json(out_dir / SUMMARY_FILE, {"files": len(result.reports), "statuses": dict(result.counts()),
                                        "events": len(result.records)})
    return result
