"""Benchmark: the pipeline's stages over synthetic corpora of growing size, and the merge alone.

Each size gets a corpus from `synthetic.py` written to a folder, which then goes through the
stages one after another as a run takes it: read and clean each file, the prefilter, the NLP
pipeline (in batches), extraction and the merge. Every stage is timed by calling its function
here, so that the run itself carries no instrumentation. The NLP pipeline is loaded once, before
the first size, and its load is reported apart: it is paid once per process whatever the size.

The merge is also timed alone on the records a perfect extractor would give, so that its growth
with the number of events shows beside the whole run's.
"""
from __future__ import annotations

import resource
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from time import perf_counter
from typing import Iterator, Optional

from .clean import clean_text
from .dedup import merge_records
from .extract import record_from_doc
from .ingest import list_input_files, read_file
from .ner import shared_nlp
from .prefilter import prepare, screen
from .run import NLP_BATCH_SIZE
from .schema import Article
from .synthetic import generate_corpus, truth_records, write_corpus

STAGES = ("read_clean", "prefilter", "nlp", "extract", "merge")


@dataclass
class BenchRow:
    """One corpus through the pipeline: sizes, seconds per stage, throughput, memory."""

    articles: int
    screened_in: int  # articles the prefilter sent on to the NLP stage
    records: int
    stages: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    peak_rss_mb: float = 0.0

    @property
    def seconds(self) -> float:
        return sum(self.stages.values())

    @property
    def per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


def peak_rss_mb() -> float:
    """The most memory this process has held so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_pipeline() -> float:
    """Seconds to build the shared NLP pipeline and the prefilter's tables (nothing when this
    process has built them already)."""
    start = perf_counter()
    shared_nlp()
    prepare()
    return perf_counter() - start


def bench_folder(folder: Path) -> BenchRow:
    """Every article under `folder` through the stages, each stage timed."""
    row = BenchRow(articles=0, screened_in=0, records=0)
    stages = row.stages

    def screened() -> Iterator[tuple[str, Article]]:
        for path in list_input_files(folder):
            start = perf_counter()
            articles, _ = read_file(path)
            cleaned = [a.model_copy(update={"text": clean_text(a.text)}) for a in articles]
            middle = perf_counter()
            passed = [a for a in cleaned if a.text.strip() and screen(a.text)]
            stages["read_clean"] += middle - start
            stages["prefilter"] += perf_counter() - middle
            row.articles += len(articles)
            row.screened_in += len(passed)
            yield from ((a.text, a) for a in passed)

    extracted = []
    docs = shared_nlp().pipe(screened(), as_tuples=True, batch_size=NLP_BATCH_SIZE)
    while True:
        # time inside `next` is the NLP stage's, less what the reading generator spent in it
        before_feed = stages["read_clean"] + stages["prefilter"]
        start = perf_counter()
        item = next(docs, None)
        stages["nlp"] += perf_counter() - start - (stages["read_clean"] + stages["prefilter"] - before_feed)
        if item is None:
            break
        doc, article = item
        start = perf_counter()
        record = record_from_doc(article, doc)
        stages["extract"] += perf_counter() - start
        if record is not None:
            extracted.append(record)
    start = perf_counter()
    row.records = len(merge_records(extracted))
    stages["merge"] = perf_counter() - start
    row.peak_rss_mb = peak_rss_mb()
    return row


def run_bench(sizes: list[int], only_cooperation: bool = False, workdir: Optional[Path] = None,
              seed: int = 0) -> Iterator[BenchRow]:
    """For each size, a corpus generated into `workdir` (a temporary folder by default) and benchmarked."""
    for size in sizes:
        with tempfile.TemporaryDirectory(dir=workdir, prefix=f"bench-{size}-") as folder:
            write_corpus(generate_corpus(size, seed=seed, only_cooperation=only_cooperation), Path(folder))
            yield bench_folder(Path(folder))


def merge_timing(articles: int, seed: int = 0) -> tuple[int, float]:
    """The unmerged records of a corpus of `articles` cooperation articles, and the seconds
    `merge_records` takes over them."""
    records = truth_records(generate_corpus(articles, seed=seed, only_cooperation=True))
    start = perf_counter()
    merge_records(records)
    return len(records), perf_counter() - start


def table_header(load_seconds: float) -> str:
    return (f"NLP pipeline and prefilter load: {load_seconds:.1f} s (once per process, not counted below)\n"
            f"{'articles':>9} {'to NLP':>7} {'events':>7} {'seconds':>8} {'art/s':>7} {'peak MB':>8} "
            + " ".join(f"{stage:>10}" for stage in STAGES))


def table_row(row: BenchRow) -> str:
    return (f"{row.articles:>9} {row.screened_in:>7} {row.records:>7} {row.seconds:>8.1f} "
            f"{row.per_second:>7.1f} {row.peak_rss_mb:>8.0f} "
            + " ".join(f"{row.stages[stage]:>10.2f}" for stage in STAGES))


def format_merge_scaling(timings: list[tuple[int, float]]) -> str:
    lines = ["merge alone:"]
    for index, (records, seconds) in enumerate(timings):
        growth = ""
        if index and timings[index - 1][1]:
            previous_records, previous_seconds = timings[index - 1]
            growth = f"  ({records / previous_records:.1f}x the records, {seconds / previous_seconds:.1f}x the time)"
        lines.append(f"  {records:>9} records: {seconds:.2f} s{growth}")
    return "\n".join(lines)
