"""Benchmark on real-length articles: the `run` a user types, timed end to end, beside spaCy's tokenizer.

The corpora are built from the shipped sample articles (`data/raw`, read as `run` reads them),
about 1,800 characters each: a cooperation corpus of the sample replicated to a size, and the
realistic mix of one sample article in five, the rest ordinary local news of the same length
(pipeline/data/ordinary_news: floods, roads, markets, sports, budget sessions). Each corpus goes
through the run command as a child process, start-up included, and then through a bare
`spacy.blank("id")` tokenizer pass over the same texts, also a child process with its start-up:
their ratio is the figure to watch (1.0: the whole run as fast as spaCy's tokenizer alone). A
one-article run is timed beside a bare `spacy.blank("id")` start. Every timing is the best of a
few, as times on a shared machine swing with whatever else it does.

The merge is timed alone over the sample's own records, replicated as if many outlets had told
the same events, so that its growth with the number of records shows.
"""
from __future__ import annotations

import gc
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from time import perf_counter
from typing import Optional, Sequence

from ..knowledge import load_texts
from ..schema import Article, EventRecord
from ..stages.clean import clean_article_text
from ..stages.dedup import merge_records
from ..stages.extract import extract_record
from ..stages.ingest import list_input_files, read_file
from .synthetic import write_corpus

COOPERATION_SHARE = 5  # the realistic mix: one article in this many is about cooperation
ORDINARY_NEWS = "ordinary_news"
BARE_START = "import spacy; spacy.blank('id')"
# Every `.txt` of a folder through a blank Indonesian pipeline: spaCy's tokenizer and nothing else.
BARE_PASS = ("import pathlib, spacy, sys\n"
             "nlp = spacy.blank('id')\n"
             "texts = (p.read_text(encoding='utf-8') for p in sorted(pathlib.Path(sys.argv[1]).glob('*.txt')))\n"
             "for doc in nlp.pipe(texts):\n"
             "    pass\n")
MERGE_REPEATS = 3
# Run and time the command of its arguments, then print its seconds and its tree's peak kilobytes.
MEASURE_CHILD = ("import resource, subprocess, sys, time\n"
                 "start = time.perf_counter()\n"
                 "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
                 "seconds = time.perf_counter() - start\n"
                 "print(seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
                 "sys.exit(code)\n")


@dataclass(frozen=True)
class ChildRun:
    """A child process's wall-clock seconds and the peak memory of the largest process it ran."""

    seconds: float
    peak_mb: float


@dataclass(frozen=True)
class CorpusRow:
    """One corpus through the run and through the bare tokenizer pass."""

    name: str
    articles: int
    events: int
    run: ChildRun
    bare: ChildRun

    @property
    def per_second(self) -> float:
        return self.articles / self.run.seconds

    @property
    def bare_per_second(self) -> float:
        return self.articles / self.bare.seconds

    @property
    def ratio(self) -> float:
        """The bare pass's time over the run's: 1.0 is a run as fast as the tokenizer alone."""
        return self.bare.seconds / self.run.seconds


@dataclass(frozen=True)
class StartRow:
    """A one-article run beside a bare `spacy.blank("id")` start, each the best of its repeats."""

    run: ChildRun
    bare_start: ChildRun

    @property
    def multiple(self) -> float:
        return self.run.seconds / self.bare_start.seconds


def timed_child(argv: Sequence[str]) -> ChildRun:
    """Run `argv`, raising with its error output if it fails, through a small Python process that
    times it and reads the peak memory of the largest process of its tree (the kernel's maximum
    resident set over the children it waited for): started by that fresh process, not by this one,
    the tree's figure leaves out this process's own memory, which every child forked from it would
    carry as its peak."""
    completed = subprocess.run([sys.executable, "-c", MEASURE_CHILD, *argv], capture_output=True)
    if completed.returncode != 0:
        raise RuntimeError(f"{' '.join(argv[:3])} ... exited with {completed.returncode}:\n"
                           f"{completed.stderr.decode('utf-8', 'replace')[-2000:]}")
    seconds, peak_kb = completed.stdout.split()
    return ChildRun(seconds=float(seconds), peak_mb=int(peak_kb) / 1024)  # Linux reports kilobytes


def best_of(runs: Sequence[ChildRun]) -> ChildRun:
    return min(runs, key=lambda run: run.seconds)


def load_sample(folder: Path) -> list[Article]:
    """The articles of a folder as `run` reads them (text, html, json and jsonl files alike)."""
    articles = [article for path in list_input_files(Path(folder)) for article in read_file(path)[0]
                if article.text.strip()]
    if not articles:
        raise ValueError(f"no articles to build the benchmark's corpus from in {folder}")
    return articles


def ordinary_news() -> list[Article]:
    """Ordinary local news of real length, which reports no event between governments."""
    return [Article(doc_id=stem, text=text) for stem, text in load_texts(ORDINARY_NEWS)]


def build_corpus(sample: Sequence[Article], size: int, ordinary: Sequence[Article] = ()) -> list[Article]:
    """`size` articles named `bench-<n>`: the sample replicated in turn or, given ordinary news, one
    sample article in `COOPERATION_SHARE` and the ordinary ones in turn between them."""
    width = len(str(max(size - 1, 0)))
    corpus = []
    for index in range(size):
        if not ordinary:
            source = sample[index % len(sample)]
        elif index % COOPERATION_SHARE == 0:
            source = sample[(index // COOPERATION_SHARE) % len(sample)]
        else:
            source = ordinary[(index - index // COOPERATION_SHARE - 1) % len(ordinary)]
        corpus.append(source.model_copy(update={"doc_id": f"bench-{index:0{width}d}", "path": ""}))
    return corpus


def _events_written(out_dir: Path) -> int:
    with open(out_dir / "events.jsonl", encoding="utf-8") as events:
        return sum(1 for line in events if line.strip())


def _run_argv(run_command: Sequence[str], folder: Path, out_dir: Path, workers: int) -> list[str]:
    """The run command over `folder` into a fresh `out_dir`, without a progress bar."""
    return [*run_command, str(folder), "--out", str(out_dir), "--quiet", "--workers", str(workers)]


def bench_corpus(name: str, corpus: Sequence[Article], run_command: Sequence[str], workers: int,
                 scratch: Path, repeats: int = 1) -> CorpusRow:
    """`corpus` written as `.txt` files with sidecars, through the run and through the bare pass in
    turn, `repeats` times, each into a fresh output folder (a run finds its own checkpoints): the
    best of each counts, as a run is slowed, never sped up, by what else the machine does."""
    folder = scratch / f"{name}-articles"
    write_corpus(corpus, folder)
    runs, bares = [], []
    for repeat in range(repeats):
        out_dir = scratch / f"{name}-out-{repeat}"
        runs.append(timed_child(_run_argv(run_command, folder, out_dir, workers)))
        bares.append(timed_child([sys.executable, "-c", BARE_PASS, str(folder)]))
    return CorpusRow(name=name, articles=len(corpus), events=_events_written(out_dir), run=best_of(runs),
                     bare=best_of(bares))


def _one_article_folder(article: Article, scratch: Path) -> Path:
    folder = scratch / "one-article"
    if not folder.is_dir():
        write_corpus([article], folder)
    return folder


def bench_start(article: Article, run_command: Sequence[str], workers: int, scratch: Path,
                repeats: int) -> StartRow:
    """One article's run, into a fresh output folder each time, and the bare start, best of `repeats`."""
    folder = _one_article_folder(article, scratch)
    runs = [timed_child(_run_argv(run_command, folder, scratch / f"one-out-{n}", workers)) for n in range(repeats)]
    starts = [timed_child([sys.executable, "-c", BARE_START]) for _ in range(repeats)]
    return StartRow(run=best_of(runs), bare_start=best_of(starts))


def sample_records(sample: Sequence[Article]) -> list[EventRecord]:
    """The unmerged records of the sample's articles, as a run's workers give them."""
    records = []
    for article in sample:
        text, _ = clean_article_text(article.text)
        record = extract_record(article.model_copy(update={"text": text}))
        if record is not None:
            records.append(record)
    return records


def replicate_records(records: Sequence[EventRecord], size: int) -> list[EventRecord]:
    """`size` records: copies of `records` in turn, as the same events reported by many outlets,
    each copy told by a source of its own. The evidence a copy cites stays the original's: new
    evidence for each of 100,000 copies would cost a minute to make and gigabytes to hold, and the
    merge's work is in deciding which records go together."""
    if not records:
        raise ValueError("no records to replicate: the sample reports no event")
    copies = []
    for index in range(size):
        record = records[index % len(records)]
        sources = [source.model_copy(update={"doc_id": f"{source.doc_id}-copy{index}"}) for source in record.sources]
        copies.append(record.model_copy(update={"event_id": f"{record.event_id}-copy{index}", "sources": sources}))
    return copies


def merge_timing(records: Sequence[EventRecord], size: int) -> tuple[int, int, float]:
    """The records replicated to `size`, the events they merge into, and the seconds `merge_records`
    takes: the best of a few runs, each after a full garbage collection, as one run of under a
    second swings by half with whatever else the machine is doing."""
    copies = replicate_records(records, size)
    timings, events = [], 0
    for _ in range(MERGE_REPEATS):
        gc.collect()
        start = perf_counter()
        events = len(merge_records(copies))
        timings.append(perf_counter() - start)
    return size, events, min(timings)


@dataclass(frozen=True)
class RealBench:
    corpora: list[CorpusRow]
    first: ChildRun  # the first run, one article, which finds the disk cache stale or missing
    start: StartRow
    workers: int
    characters: int  # the sample articles' mean length

    @property
    def mix_speed_up(self) -> float:
        """How much faster the realistic mix runs than the cooperation corpus, per article."""
        cooperation, mix = self.corpora
        return mix.per_second / cooperation.per_second

    @property
    def mix_speed_up_past_start(self) -> Optional[float]:
        """The same, with the one-article run's time taken off each: the speed-up of the work per
        article, which a start-up paid once per run hides on small corpora (None where a corpus ran
        no longer than one article)."""
        cooperation, mix = (row.run.seconds - self.start.run.seconds for row in self.corpora)
        return cooperation / mix if cooperation > 0 and mix > 0 else None


def run_real_bench(sample: Sequence[Article], run_command: Sequence[str], size: int, workers: int,
                   workdir: Optional[Path] = None, repeats: int = 3) -> RealBench:
    """The cooperation corpus and the realistic mix of `size` articles each, built from `sample`
    (`load_sample`), and the one-article start, in a temporary folder under `workdir` that is
    removed after."""
    if workdir is not None:
        Path(workdir).mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=workdir, prefix="bench-real-") as scratch:
        # The first run after an install or a change of the data builds the disk cache (`built.py`):
        # timed apart, so that every run below finds it, as a user's every run but the first does.
        first = timed_child(_run_argv(run_command, _one_article_folder(sample[0], Path(scratch)),
                                      Path(scratch) / "first-out", workers))
        corpora = [bench_corpus("cooperation", build_corpus(sample, size), run_command, workers, Path(scratch),
                                repeats),
                   bench_corpus("mix", build_corpus(sample, size, ordinary_news()), run_command, workers,
                                Path(scratch), repeats)]
        start = bench_start(sample[0], run_command, workers, Path(scratch), repeats)
    characters = round(sum(len(article.text) for article in sample) / len(sample))
    return RealBench(corpora=corpora, first=first, start=start, workers=workers, characters=characters)


def format_real_bench(bench: RealBench) -> str:
    cooperation, mix = bench.corpora
    lines = [f"real-length articles (about {bench.characters} characters each), the run command with {bench.workers} "
             f"worker processes, start-up included, beside a bare spaCy tokenizer pass (one process) over the same texts:",
             f"{'corpus':>12} {'articles':>9} {'events':>7} {'run s':>7} {'art/s':>7} {'peak MB':>8} "
             f"{'bare s':>7} {'bare art/s':>10} {'ratio':>6}"]
    for row in bench.corpora:
        lines.append(f"{row.name:>12} {row.articles:>9} {row.events:>7} {row.run.seconds:>7.1f} {row.per_second:>7.1f} "
                     f"{row.run.peak_mb:>8.0f} {row.bare.seconds:>7.1f} {row.bare_per_second:>10.1f} {row.ratio:>6.2f}")
    past_start = bench.mix_speed_up_past_start
    lines.append(f"  ratio: bare pass time / run time (goal 1.0); the mix (1 in {COOPERATION_SHARE} about cooperation) "
                 f"runs {bench.mix_speed_up:.1f}x as fast as the cooperation corpus "
                 f"({mix.per_second:.0f} vs {cooperation.per_second:.0f} art/s), "
                 + (f"{past_start:.1f}x past the start-up (each run less the one-article run)" if past_start
                    else "no faster past the start-up than a one-article run"))
    start = bench.start
    lines.append(f"one-article run: {start.run.seconds:.2f} s, peak {start.run.peak_mb:.0f} MB; bare "
                 f"spacy.blank('id') start: {start.bare_start.seconds:.2f} s; {start.multiple:.2f}x")
    lines.append(f"first run (one article) with the disk cache to check or build: {bench.first.seconds:.2f} s")
    return "\n".join(lines)


def format_merge_scaling(timings: Sequence[tuple[int, int, float]]) -> str:
    lines = ["merge alone, the sample's records replicated:"]
    for index, (records, events, seconds) in enumerate(timings):
        growth = ""
        if index and timings[index - 1][2]:
            previous_records, _, previous_seconds = timings[index - 1]
            growth = f"  ({records / previous_records:.1f}x the records, {seconds / previous_seconds:.1f}x the time)"
        lines.append(f"  {records:>9} records into {events} events: {seconds:.2f} s{growth}")
    return "\n".join(lines)
