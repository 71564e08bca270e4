"""Benchmark's second part: the pipeline over synthetic corpora of growing size, stage by stage.

Synthetic articles are short (a few hundred characters), so their articles per second overstate
what real news gets; `bench_real.py` gives those figures. What these corpora show is how each stage
grows with the corpus, the merge of many distinct events included.

Each size gets a corpus from `synthetic.py` written to a folder, which first goes through the run
itself (`run.process_folder`: prefilter, worker processes, merge), timed whole. The same folder then goes through the stages one after another in this
process, as a worker takes them: read and clean each file, the prefilter, the NLP pipeline (in
batches), extraction and the merge. Every stage is timed by calling its function here, so that
the run itself carries no instrumentation. What a worker needs (the NLP pipeline, the prefilter's
tables) is loaded once, before the first size, and its load is reported apart: it is paid once
per process whatever the size, and the run's workers inherit it.
"""
from __future__ import annotations

import resource
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from time import perf_counter
from typing import Iterator, Optional

from ..stages.clean import clean_text
from ..stages.dedup import merge_records
from ..stages.extract import record_from_doc
from ..stages.ingest import list_input_files, read_file
from ..ner.nlp import DEFAULT_BACKEND, shared_nlp
from ..stages.prefilter import screen
from ..runner.run import NLP_BATCH_SIZE, Engine, prepare_worker, process_folder
from ..schema import Article
from .synthetic import generate_corpus, write_corpus

STAGES = ("read_clean", "prefilter", "nlp", "extract", "merge")


@dataclass
class BenchRow:
    """One corpus: the run's seconds and throughput, and the seconds of each stage taken one after another."""

    articles: int
    screened_in: int  # articles the prefilter sent on to the NLP stage
    records: int
    run_seconds: float = 0.0  # the whole run, with its worker processes
    stages: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    peak_rss_mb: float = 0.0  # the run's parent process, which holds each file's records until the merge
    worker_peak_rss_mb: float = 0.0  # the largest worker process

    @property
    def per_second(self) -> float:
        return self.articles / self.run_seconds if self.run_seconds else 0.0


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """The most memory this process, or the largest of its ended children, has held so far (Linux
    reports kilobytes)."""
    return resource.getrusage(who).ru_maxrss / 1024


def load_pipeline() -> float:
    """Seconds to build what a worker needs (nothing when this process has built it already)."""
    start = perf_counter()
    prepare_worker(DEFAULT_BACKEND)
    return perf_counter() - start


def bench_folder(folder: Path, engine: Optional[Engine] = None) -> BenchRow:
    """The run over `folder`, timed whole; then every article through the stages, each stage timed."""
    start = perf_counter()
    result = process_folder(folder, engine=engine)
    row = BenchRow(articles=0, screened_in=0, records=len(result.records), run_seconds=perf_counter() - start,
                   peak_rss_mb=peak_rss_mb(), worker_peak_rss_mb=peak_rss_mb(resource.RUSAGE_CHILDREN))
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
    merge_records(extracted)
    stages["merge"] = perf_counter() - start
    return row


def run_bench(sizes: list[int], only_cooperation: bool = False, workdir: Optional[Path] = None,
              seed: int = 0, engine: Optional[Engine] = None) -> Iterator[BenchRow]:
    """For each size, a corpus generated into `workdir` (a temporary folder by default) and benchmarked."""
    if workdir is not None:
        Path(workdir).mkdir(parents=True, exist_ok=True)
    for size in sizes:
        with tempfile.TemporaryDirectory(dir=workdir, prefix=f"bench-{size}-") as folder:
            write_corpus(generate_corpus(size, seed=seed, only_cooperation=only_cooperation), Path(folder))
            yield bench_folder(Path(folder), engine)


def table_header(load_seconds: float, engine: Engine) -> str:
    where = (f"{engine.workers} worker processes" if engine.name == "local"
             else f"dask at {engine.scheduler}" if engine.scheduler else f"a local dask cluster of {engine.workers} workers")
    return (f"synthetic short articles (a few hundred characters; not real-length):\n"
            f"NLP pipeline and prefilter load: {load_seconds:.1f} s (once per process, not counted below)\n"
            f"run s, art/s: the whole run on {where}; stage columns: seconds, one stage after another in one process\n"
            f"{'articles':>9} {'to NLP':>7} {'events':>7} {'run s':>7} {'art/s':>7} {'peak MB':>8} {'worker MB':>9} "
            + " ".join(f"{stage:>10}" for stage in STAGES))


def table_row(row: BenchRow) -> str:
    return (f"{row.articles:>9} {row.screened_in:>7} {row.records:>7} {row.run_seconds:>7.1f} "
            f"{row.per_second:>7.1f} {row.peak_rss_mb:>8.0f} {row.worker_peak_rss_mb:>9.0f} "
            + " ".join(f"{row.stages[stage]:>10.2f}" for stage in STAGES))
