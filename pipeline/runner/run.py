"""A whole run: a folder of articles in, merged event records and a manifest of every file out.

`process_folder` is what a notebook calls; `run` also writes the output files the CLI promises and
checkpoints each file's result in the output folder, so that a killed run picks up where it stopped.

Each file is read and hashed here, then extracted in a worker process (`workers.py`, one per core
by default) under a time limit: a file that overruns it, or kills its worker, is reported as an
error and the run goes on. With the Dask engine (`engine.py`) the files go to a cluster's workers
instead. Files are read as workers are free to take them, and only each file's records are kept
until the end, when they are merged in the order of the files, so that the output depends neither
on the number of workers nor on which files were done before an interruption.
"""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Callable, Iterator, NamedTuple, Optional, Union

from ..stages import prefilter
from .cache import CACHE_FILE, ResultCache, result_key
from ..stages.clean import MAX_UNBROKEN_CHARS, clean_article_text
from ..stages.dedup import merge_records
from ..files import EVENTS_FILE, MANIFEST_FILE, SUMMARY_FILE, remove_stale_temporaries, write_json, write_jsonl
from ..stages.extract import record_from_doc
from ..stages.ingest import DEFAULT_MAX_BYTES, FileBytes, file_report, list_input_files, load_file, parse_file
from ..ner.nlp import DEFAULT_BACKEND, shared_nlp
from ..schema import Article, EventRecord, FileReport, FileStatus
from .workers import WorkerPool

ProgressCallback = Callable[[Path], None]
NLP_BATCH_SIZE = 32
MAX_ARTICLE_CHARS = 500_000  # within spaCy's max_length; news articles run to tens of thousands
FILE_STATUSES: tuple[FileStatus, ...] = ("ok", "no_event", "skipped", "error")
ENGINES = ("local", "dask")


@dataclass(frozen=True)
class Limits:
    """What one file may cost before it is given up on, so that no file can stall or swamp a run."""

    file_timeout_s: float = 120.0  # a normal article takes a hundredth of that; 20 MB of JSON Lines a minute
    max_file_bytes: int = DEFAULT_MAX_BYTES
    max_article_chars: int = MAX_ARTICLE_CHARS


@dataclass(frozen=True)
class Engine:
    """Where the files are extracted: `workers` local processes, or a Dask cluster (the scheduler at
    `scheduler`, or a local cluster of `workers` processes when none is given)."""

    name: str = "local"
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    scheduler: Optional[str] = None

    def __post_init__(self) -> None:
        if self.name not in ENGINES:
            raise ValueError(f"unknown engine {self.name!r}: choose one of {', '.join(ENGINES)}")
        if self.scheduler is not None and self.name != "dask":
            raise ValueError("--scheduler is for --engine dask: only the dask engine has a scheduler")

    def pool(self, limits: Limits, backend: str):
        """A `WorkerPool`, or a `DaskPool`, extracting files with `extract_file`."""
        prepare = partial(prepare_worker, backend)
        if self.name == "dask":
            from .engine import DaskPool  # distributed is imported only by runs that use it

            return DaskPool(extract_file, scheduler=self.scheduler, size=self.workers, prepare=prepare)
        return WorkerPool(extract_file, timeout_s=limits.file_timeout_s, size=self.workers, prepare=prepare)


@dataclass
class RunResult:
    records: list[EventRecord] = field(default_factory=list)
    reports: list[FileReport] = field(default_factory=list)

    def counts(self) -> Counter:
        return Counter(r.status for r in self.reports)

    def summary(self) -> dict:
        """What summary.json holds: the number of files, of each status (zeros included), of events."""
        counts = self.counts()
        return {"files": len(self.reports), "statuses": {status: counts[status] for status in FILE_STATUSES},
                "events": len(self.records)}

    def summary_line(self) -> str:
        counts = self.counts()
        skipped = Counter(r.reason for r in self.reports if r.status == "skipped")
        reasons = "; ".join(f"{n} {reason}" for reason, n in skipped.most_common(3))
        return (f"{len(self.reports)} files read: {counts['ok']} with an event, {counts['no_event']} without, "
                f"{counts['skipped']} skipped{f' ({reasons})' if reasons else ''}, {counts['error']} failed; "
                f"{len(self.records)} events written")


@dataclass(frozen=True)
class _FileTask:
    """What a worker needs for one file."""

    loaded: FileBytes
    max_article_chars: int
    backend: str


def extract_file(task: _FileTask) -> tuple[FileReport, list[EventRecord]]:
    """One file's report and its articles' records, not yet merged; runs in a worker process."""
    articles, report = parse_file(task.loaded)
    records: list[EventRecord] = []
    failures: list[str] = []
    too_long: list[str] = []
    cleaned = []
    blanked = 0
    for article in articles:
        text, runs = clean_article_text(article.text)
        blanked += runs
        if len(text) > task.max_article_chars:
            too_long.append(f"Article {article.doc_id} has {len(text)} characters of text, over the limit of "
                            f"{task.max_article_chars} (no news article is that long).")
        elif text.strip() and (task.backend != "spacy" or prefilter.screen(text)):
            # The screen rejects only articles the extractors would give no record; its clauses follow
            # the spaCy backend's sentence splitting, so Stanza's articles all go to the NLP stage.
            cleaned.append(article.model_copy(update={"text": text}))
    # Most files of a crawl have no article left for the NLP stage: spaCy's `pipe` costs even when empty.
    docs = shared_nlp(task.backend).pipe(((a.text, a) for a in cleaned), as_tuples=True,
                                         batch_size=NLP_BATCH_SIZE) if cleaned else ()
    for doc, article in docs:
        try:
            record = record_from_doc(article, doc)
        except Exception as error:  # one article's failure must not cost the file's other articles
            failures.append(f"Extraction of {article.doc_id} failed: {type(error).__name__}: {error}")
            continue
        if record is not None:
            records.append(record)
    if report.status != "ok":
        return report, records
    if failures:
        status: FileStatus = "error"
    elif records:
        status = "ok"
    elif too_long and len(too_long) == len(articles):
        status = "skipped"
    else:
        status = "no_event"
    notes = [f"{blanked} runs of over {MAX_UNBROKEN_CHARS} characters without a space were blanked "
             "(not prose: too slow to tokenise)."] if blanked else []
    reason = " ".join([*failures, *too_long, *notes, report.reason]).strip()
    if status == "no_event" and not reason:
        reason = "no inter-government event reported"
    return report.model_copy(update={"status": status, "reason": reason}), records


# An article that goes through every extractor, so that the tables they build on first use are built
# by `prepare_worker`, once in the parent, rather than once in every worker (seconds each).
WARM_UP_ARTICLE = Article(doc_id="warm-up", text=(
    "BANDUNG – Wali Kota Bandung, H. Muhammad Farhan, menerima kunjungan kerja Pemerintah Kota Serang di Balai "
    "Kota Bandung, Selasa (12/8/2025). Kedua pihak membahas kerja sama pengelolaan sampah."))


def prepare_worker(backend: str) -> None:
    """What every file needs, built once per process before the first file: the NLP pipeline, the
    extractors' tables and, for the spaCy backend, the prefilter's."""
    record_from_doc(WARM_UP_ARTICLE, shared_nlp(backend)(WARM_UP_ARTICLE.text))
    if backend == "spacy":
        prefilter.prepare()


class _Pending(NamedTuple):
    """What the parent keeps of a file while a worker has it."""

    index: int
    cache_key: Optional[str]
    content_hash: str


def _process(input_dir: Path, limits: Limits, progress: Optional[ProgressCallback], cache: Optional[ResultCache],
             backend: str, engine: Engine, exclude: Optional[Path] = None) -> RunResult:
    input_dir = Path(input_dir)
    if not input_dir.is_dir():
        raise NotADirectoryError(f"input folder not found: {input_dir}")
    files = list_input_files(input_dir, exclude=exclude)
    results: list[tuple[FileReport, list[EventRecord]]] = [None] * len(files)  # type: ignore[list-item]

    def done(index: int, report: FileReport, records: list[EventRecord]) -> None:
        results[index] = (report, records)
        if progress:
            progress(files[index])

    def to_extract() -> Iterator[tuple[_Pending, _FileTask]]:
        """The files a worker must do; the rest (unreadable, or done by an earlier run) are done here."""
        for index, path in enumerate(files):
            loaded: Union[FileBytes, FileReport] = load_file(path, limits.max_file_bytes)
            if isinstance(loaded, FileReport):
                done(index, loaded, [])
                continue
            key = None
            if cache is not None:
                key = result_key(str(path), loaded.content_hash, loaded.sidecar_hash, limits.max_article_chars, backend)
                saved = cache.get(key)
                if saved is not None:
                    done(index, *saved)
                    continue
            yield _Pending(index, key, loaded.content_hash), _FileTask(loaded, limits.max_article_chars, backend)

    with engine.pool(limits, backend) as pool:
        for pending, outcome in pool.map_unordered(to_extract()):
            if not outcome.ok:
                # Not checkpointed: a time-out or a crash may not happen again, so a rerun retries the file.
                done(pending.index, file_report(files[pending.index], "error", outcome.failure, pending.content_hash), [])
                continue
            report, records = outcome.value
            if cache is not None and pending.cache_key is not None:
                cache.put(pending.cache_key, report, records)
            done(pending.index, report, records)

    result = RunResult(reports=[report for report, _ in results])
    result.records = merge_records([record for _, records in results for record in records])
    return result


def process_folder(input_dir: Path, progress: Optional[ProgressCallback] = None, limits: Limits = Limits(),
                   backend: str = DEFAULT_BACKEND, engine: Optional[Engine] = None) -> RunResult:
    """Every article under `input_dir` read, its event extracted, and same events merged."""
    return _process(input_dir, limits, progress, cache=None, backend=backend, engine=engine or Engine())


def run(input_dir: Path, out_dir: Path, progress: Optional[ProgressCallback] = None, limits: Limits = Limits(),
        backend: str = DEFAULT_BACKEND, engine: Optional[Engine] = None) -> RunResult:
    """`process_folder`, then `events.jsonl`, `manifest.jsonl` and `summary.json` in `out_dir`.

    Each file's result is checkpointed in `out_dir` as it is done; run again after an interruption,
    it finishes with exactly the output an uninterrupted run gives.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    outputs = (EVENTS_FILE, MANIFEST_FILE, SUMMARY_FILE)
    remove_stale_temporaries(out_dir, outputs)  # left by a run killed while writing
    with ResultCache(out_dir / CACHE_FILE) as cache:
        result = _process(input_dir, limits, progress, cache, backend, engine or Engine(), exclude=out_dir)
    write_jsonl(out_dir / EVENTS_FILE, result.records)
    write_jsonl(out_dir / MANIFEST_FILE, result.reports)
    write_json(out_dir / SUMMARY_FILE, result.summary())
    return result
