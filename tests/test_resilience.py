"""Nothing lost, nothing crashes: bad input mixed with good articles, runs killed and resumed,
hostile text for every regular expression, and output that stays inside OUT_DIR."""
from __future__ import annotations

import ast
import codecs
import errno
import importlib
import inspect
import json
import multiprocessing
import os
import random
import re
import shutil
import signal
import time
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pipeline
from pipeline import files, process_folder
from pipeline.stages import clean
from pipeline.runner.cache import CACHE_FILE, ResultCache
from pipeline.ner.nlp import shared_nlp
from pipeline.runner.run import Limits, run
from pipeline.runner.workers import WorkerPool

run_module = importlib.import_module("pipeline.runner.run")  # the module; `pipeline.run` is the function

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "data" / "raw"
OUTPUTS = ("events.jsonl", "manifest.jsonl", "summary.json")

# An article of the sample folder that reports no event: its text, saved in other encodings and
# formats, must give no record either, so that the records of the mixed folder are the sample's.
NO_EVENT_TEXT = (SAMPLE / "kalbarpos-20250915-pontianak-rencana-kunjungan-kuching.txt").read_text(encoding="utf-8")
HOSTILE_UNITS = ["[", "![", "[a](", "“", '"', " ", "\t \n", "komisi ", "fraksi a ", "1/", "12 ", "(", "baca ", "di "]


def outputs_of(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS}


@pytest.fixture(scope="module", autouse=True)
def warm_pipeline():
    shared_nlp()  # built once here; every run of this module forks its workers from this process


# --- a folder of every kind of bad input, mixed with the sample articles ------------------------

# name in the folder -> the status it must get
BAD_INPUTS = {
    "kosong.txt": "skipped",                   # empty
    "spasi.txt": "skipped",                    # whitespace only
    "biner.txt": "skipped",                    # binary (NUL bytes) named .txt
    "gambar.md": "no_event",                   # binary without NUL bytes: decodes as some code page
    "latin1.txt": "no_event",                  # Latin-1
    "cp1252.txt": "no_event",                  # Windows-1252 with curly quotes
    "bom.txt": "no_event",                     # UTF-8 with BOM
    "utf16.txt": "no_event",                   # UTF-16 with BOM
    "terpotong.jsonl": "no_event",             # JSON Lines cut off mid-line
    "rusak.json": "skipped",                   # JSON cut off
    "dalam.json": "skipped",                   # JSON nested past the recursion limit
    "surrogat.jsonl": "no_event",              # lone surrogate escapes, unwritable as UTF-8
    "skrip.html": "no_event",                  # HTML whose scripts hold an event
    "raksasa.txt": "skipped",                  # 21 MB single line: over the file size limit
    "panjang.txt": "skipped",                  # 600,000 characters: over the article limit
    "putar.txt": "skipped",                    # symbolic link to itself
    "putus.txt": "skipped",                    # symbolic link to nothing
    "pipa.txt": "skipped",                     # named pipe: reading would wait forever
    "terkunci.txt": "error",                   # unreadable (permission denied)
    "hilang.txt": "skipped",                   # deleted during the run
    "bom-regex.md": "no_event",                # text built to make regular expressions backtrack
    "bom-regex.txt": "no_event",
    "nama\udcff\udcfe.txt": "no_event",        # file name bytes that are not UTF-8
    "%2e%2e%2fetc.txt": "no_event",           # hostile names: escaped dots and slashes, quotes, newline
    'kutip"\n.txt': "no_event",
    "events.jsonl": "skipped",                 # an input named like an output
}
BAD_INPUT_KINDS = 26
SCRIPT_EVENT = "Pemkot Bogor menerima kunjungan kerja Pemkab Garut"


def make_bad_inputs(folder: Path) -> None:
    """Every kind of bad input of BAD_INPUTS, written into `folder` (the deleted file is added later)."""
    write = lambda name, data: (folder / name).write_bytes(data)  # noqa: E731
    write("kosong.txt", b"")
    write("spasi.txt", b" \n\t\r\n  ")
    write("biner.txt", bytes(range(256)) * 8)
    write("gambar.md", bytes(random.Random(4).randrange(128, 256) for _ in range(4000)))
    latin = "Harga cabai di pasar naik lagi; pedagang mengeluh sepi pembeli (café, résumé, Ñusa)."
    write("latin1.txt", latin.encode("latin-1"))
    write("cp1252.txt", ("“" + latin + "” — kata pejabat.").encode("cp1252"))
    write("bom.txt", codecs.BOM_UTF8 + NO_EVENT_TEXT.encode("utf-8"))
    write("utf16.txt", NO_EVENT_TEXT.encode("utf-16"))
    good_line = json.dumps({"id": "p1", "text": NO_EVENT_TEXT}, ensure_ascii=False)
    write("terpotong.jsonl", (good_line + "\n" + good_line[: len(good_line) // 2]).encode("utf-8"))
    write("rusak.json", b'{"text": "Pemkot Bekasi menerima kunjungan')
    write("dalam.json", b"[" * 100_000)
    write("surrogat.jsonl", b'{"text": "Rapat internal \\ud800 dinas \\udc00 tanpa tamu.", "title": "\\udfff"}\n')
    write("skrip.html", (f"<html><head><script>document.write('{SCRIPT_EVENT} di Balai Kota Bogor, "
                         f"Senin (2/6/2025).')</script></head><body><p>Rapat internal dinas membahas anggaran."
                         f"</p><script>alert('{SCRIPT_EVENT}')</script></body></html>").encode("utf-8"))
    write("raksasa.txt", b"Pemkot Bekasi menerima kunjungan " * 640_000)
    write("panjang.txt", ("kata " * 120_000).encode("utf-8"))
    os.symlink("putar.txt", folder / "putar.txt")
    os.symlink(folder / "tidak-ada.txt", folder / "putus.txt")
    os.mkfifo(folder / "pipa.txt")
    write("terkunci.txt", NO_EVENT_TEXT.encode("utf-8"))
    os.symlink(folder, folder / "lingkaran", target_is_directory=True)  # a folder loop: not entered
    write("bom-regex.md", ("[" * 30_000 + "![" * 10_000 + "[a](" * 10_000 + "\n" + " " * 30_000).encode("utf-8"))
    write("bom-regex.txt", ("“" * 30_000 + "\n" + "komisi " * 5_000 + "\n" + "1/" * 20_000 + "\n"
                            + "fraksi a " * 5_000 + "\n" + "\t" * 20_000 + "x").encode("utf-8"))
    write("nama\udcff\udcfe.txt", b"Catatan rapat internal.")
    write("%2e%2e%2fetc.txt", b"Catatan rapat internal.")
    write('kutip"\n.txt', b"Catatan rapat internal.")
    write("events.jsonl", b'{"event_id": "palsu", "parties": []}\n')


@pytest.fixture
def unreadable_and_vanishing(monkeypatch, tmp_path):
    """`terkunci.txt` cannot be opened (chmod would not stop root), and `hilang.txt` is deleted once
    the run has done its first file."""
    real_open = os.open

    def guarded_open(path, flags, *args, **kwargs):
        if os.fspath(path).endswith("terkunci.txt"):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_open(path, flags, *args, **kwargs)
    monkeypatch.setattr(os, "open", guarded_open)

    def progress(_path: Path) -> None:
        for vanishing in tmp_path.rglob("hilang.txt"):
            vanishing.unlink()
    return progress


def test_every_kind_of_bad_input_is_in_the_manifest_and_the_good_articles_are_untouched(tmp_path, unreadable_and_vanishing):
    assert len(BAD_INPUTS) == BAD_INPUT_KINDS
    folder, out = tmp_path / "in", tmp_path / "out"
    shutil.copytree(SAMPLE, folder)
    make_bad_inputs(folder)
    (folder / "hilang.txt").write_text(NO_EVENT_TEXT, encoding="utf-8")

    result = run(folder, out, progress=unreadable_and_vanishing)

    manifest = [json.loads(line) for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    statuses = {Path(entry["path"]).name: entry["status"] for entry in manifest}
    expected = {name.encode("utf-8", "surrogateescape").decode("utf-8", "replace"): status
                for name, status in BAD_INPUTS.items()}
    assert {name: statuses.get(name) for name in expected} == expected
    sample_files = [p for p in SAMPLE.iterdir() if not p.name.endswith(".meta.json")]
    assert len(manifest) == len(sample_files) + len(BAD_INPUTS)
    assert all(entry["reason"] for entry in manifest if entry["status"] != "ok")
    assert all(entry["content_hash"] for entry in manifest if entry["status"] in ("ok", "no_event"))
    summary = json.loads((out / "summary.json").read_text())
    assert summary["statuses"] == {s: sum(e["status"] == s for e in manifest) for s in ("ok", "no_event", "skipped", "error")}

    clean = process_folder(SAMPLE)
    assert [r.model_dump() for r in result.records] == [r.model_dump() for r in clean.records]
    assert SCRIPT_EVENT not in (out / "events.jsonl").read_text(encoding="utf-8")
    reasons = {Path(entry["path"]).name: entry["reason"] for entry in manifest}
    assert "over the limit of 20000000 bytes" in reasons["raksasa.txt"]
    assert "loops back on itself" in reasons["putar.txt"]
    assert "Permission denied" in reasons["terkunci.txt"]
    assert reasons["hilang.txt"].startswith("The file disappeared")
    assert "1 of 2 lines was not valid JSON" in reasons["terpotong.jsonl"]


def test_the_cli_exits_1_when_a_file_failed_and_0_when_only_files_were_skipped(tmp_path, unreadable_and_vanishing):
    from typer.testing import CliRunner

    from cli import app
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "baik.txt").write_text(NO_EVENT_TEXT, encoding="utf-8")
    (folder / "kosong.txt").write_bytes(b"")
    invoke = lambda: CliRunner().invoke(app, ["run", str(folder), "--out", str(tmp_path / "out"), "--quiet"])  # noqa: E731

    assert invoke().exit_code == 0
    (folder / "terkunci.txt").write_text(NO_EVENT_TEXT, encoding="utf-8")
    failed = invoke()
    assert failed.exit_code == 1
    assert "terkunci.txt: Reading failed with PermissionError" in failed.output


def test_nothing_is_written_outside_the_output_folder_whatever_the_input_names(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    escaping_ids = [{"id": "../../keluar", "text": NO_EVENT_TEXT}, {"id": "/etc/passwd", "text": NO_EVENT_TEXT},
                    {"id": "events.jsonl", "text": NO_EVENT_TEXT}]
    (folder / "..%2f..%2fkeluar.jsonl").write_text("\n".join(map(json.dumps, escaping_ids)), encoding="utf-8")
    (folder / "-rf .txt").write_text(NO_EVENT_TEXT, encoding="utf-8")
    before = set(tmp_path.rglob("*"))

    run(folder, out)

    written = set(tmp_path.rglob("*")) - before
    assert {p.relative_to(tmp_path).as_posix() for p in written} == {
        "out", "out/events.jsonl", "out/manifest.jsonl", "out/summary.json", f"out/{CACHE_FILE}"}


# --- isolation: a worker that overruns or dies costs one file -----------------------------------

def _slow_or_dying(item: str) -> str:
    if item == "lambat":
        time.sleep(30)
    if item.startswith("agak_lambat"):
        time.sleep(0.7)
    if item == "mati":
        os._exit(3)
    if item == "salah":
        raise ValueError("isi tidak sah")
    return item.upper()


def test_a_file_over_the_time_limit_or_killing_its_worker_costs_only_itself():
    prepared = []
    items = ["a", "lambat", "b", "mati", "salah", "c"]
    with WorkerPool(_slow_or_dying, timeout_s=1.0, prepare=lambda: prepared.append(1)) as pool:
        started = time.monotonic()
        outcomes = dict(pool.map_unordered((item, item) for item in items))
        elapsed = time.monotonic() - started
    assert elapsed < 15
    assert prepared == [1]
    assert {k: o.value for k, o in outcomes.items() if o.ok} == {"a": "A", "b": "B", "c": "C"}
    assert outcomes["lambat"].failure == "Processing took longer than the limit of 1 s and was stopped."
    assert outcomes["mati"].failure == "The worker process stopped (exit code 3) while on this file."
    assert outcomes["salah"].failure == "Processing failed with ValueError: isi tidak sah"


def test_a_time_limit_runs_from_when_the_worker_starts_on_an_item_not_from_when_it_was_queued():
    items = ["agak_lambat_1", "agak_lambat_2", "agak_lambat_3", "lambat", "mati", "d", "e"]
    with WorkerPool(_slow_or_dying, timeout_s=1.0) as pool:
        outcomes = dict(pool.map_unordered((item, item) for item in items))
    # each of the first three waited behind another, 0.7 s, and still had its whole second
    assert {k: o.value for k, o in outcomes.items() if o.ok} == {
        "agak_lambat_1": "AGAK_LAMBAT_1", "agak_lambat_2": "AGAK_LAMBAT_2", "agak_lambat_3": "AGAK_LAMBAT_3",
        "d": "D", "e": "E"}
    assert "longer than the limit" in outcomes["lambat"].failure and "exit code 3" in outcomes["mati"].failure


def test_two_workers_share_the_items_and_nothing_is_forked_without_work():
    prepared = []
    with WorkerPool(_slow_or_dying, timeout_s=5.0, size=2, prepare=lambda: prepared.append(1)) as pool:
        assert list(pool.map_unordered([])) == []
        assert prepared == [] and pool.workers == []
        outcomes = dict(pool.map_unordered((str(i), str(i)) for i in range(6)))
        assert len({worker.process.pid for worker in pool.workers}) == 2
    assert {k: o.value for k, o in outcomes.items()} == {str(i): str(i) for i in range(6)}


def test_a_slow_file_is_an_error_with_its_reason_and_the_rest_of_the_run_goes_on(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    shutil.copytree(SAMPLE, folder)
    (folder / "lambat.txt").write_text("Rapat internal.", encoding="utf-8")
    real_extract = run_module.extract_file

    def extract_slowly(task):
        if task.loaded.path.name == "lambat.txt":
            time.sleep(30)
        return real_extract(task)
    monkeypatch.setattr(run_module, "extract_file", extract_slowly)

    result = run(folder, tmp_path / "out", limits=Limits(file_timeout_s=3))

    report = next(r for r in result.reports if r.path.endswith("lambat.txt"))
    assert (report.status, report.reason) == ("error", "Processing took longer than the limit of 3 s and was stopped.")
    assert len(result.records) == len(process_folder(SAMPLE).records)
    # a time-out is not saved as the file's result: the next run tries the file again
    monkeypatch.setattr(run_module, "extract_file", real_extract)
    again = run(folder, tmp_path / "out", limits=Limits(file_timeout_s=3))
    assert next(r for r in again.reports if r.path.endswith("lambat.txt")).status == "no_event"


def test_a_damaged_cache_is_rebuilt_not_fatal(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / CACHE_FILE).write_bytes(b"bukan basis data SQLite " * 100)
    clean_out = tmp_path / "clean"

    run(SAMPLE, out)
    run(SAMPLE, clean_out)

    assert outputs_of(out) == outputs_of(clean_out)


# --- kill and resume ----------------------------------------------------------------------------

class _KillAt:
    """Patches, inside a forked child, that SIGKILL the child at one point of a run."""

    def __init__(self, what: str, nth: int) -> None:
        self.what, self.nth, self.calls = what, nth, 0

    def hit(self) -> None:
        self.calls += 1
        if self.calls == self.nth:
            os.kill(os.getpid(), signal.SIGKILL)

    def install(self) -> None:
        if self.what in ("after checkpoint", "inside checkpoint"):
            real_put = ResultCache.put

            def put(cache, key, report, records):
                if self.what == "inside checkpoint":
                    cache.connection.execute("INSERT INTO results VALUES (?, '{}', '[]')", (key,))
                    self.hit()  # a transaction begun, never committed
                real_put(cache, key, report, records)
                if self.what == "after checkpoint":
                    self.hit()
            ResultCache.put = put
        elif self.what == "mid-write":
            real_fsync = os.fsync

            def fsync(fd):
                self.hit()  # the temporary file written, not yet synced nor renamed
                real_fsync(fd)
            files.os.fsync = fsync
        elif self.what == "before rename":
            real_replace = os.replace

            def replace(source, target):
                self.hit()
                real_replace(source, target)
            files.os.replace = replace


def _run_then_die(folder: Path, out: Path, point: tuple[str, int] | None) -> None:
    if point is not None:
        _KillAt(*point).install()
    run(folder, out)
    os.kill(os.getpid(), signal.SIGKILL)  # when no point was reached: killed after the whole run


def _killed_run(folder: Path, out: Path, point: tuple[str, int] | None = None, after_s: float | None = None) -> None:
    child = multiprocessing.get_context("fork").Process(target=_run_then_die, args=(folder, out, point))
    child.start()
    child.join(timeout=after_s)
    if child.is_alive():
        os.kill(child.pid, signal.SIGKILL)
    child.join(timeout=60)
    assert child.exitcode == -signal.SIGKILL


class KillFolder(NamedTuple):
    folder: Path
    clean_outputs: dict[str, bytes]
    clean_seconds: float
    extracted_files: int  # how many files a worker extracts, so how many checkpoints a run makes


@pytest.fixture(scope="module")
def kill_folder(tmp_path_factory):
    """The sample articles and a few bad files, and the output of one uninterrupted run over them."""
    root = tmp_path_factory.mktemp("kill")
    folder = root / "in"
    shutil.copytree(SAMPLE, folder)
    (folder / "kosong.txt").write_bytes(b"")
    (folder / "biner.txt").write_bytes(bytes(range(256)))
    (folder / "terpotong.jsonl").write_text('{"text": "Pemkot', encoding="utf-8")
    clean_out = root / "clean"
    start = time.monotonic()
    run(folder, clean_out)
    seconds = time.monotonic() - start
    with ResultCache(clean_out / CACHE_FILE) as cache:
        (extracted,) = cache.connection.execute("SELECT count(*) FROM results").fetchone()
    return KillFolder(folder, outputs_of(clean_out), seconds, extracted)


# (where, at which call); call -1 is the last file's checkpoint. The three output files are each
# synced and renamed in turn.
KILL_POINTS = [
    ("inside checkpoint", 1), ("after checkpoint", 1), ("inside checkpoint", 7), ("after checkpoint", 8),
    ("after checkpoint", -1), ("mid-write", 1), ("mid-write", 2), ("before rename", 1),
    ("before rename", 2), ("before rename", 3), None,
]


@pytest.mark.parametrize("point", KILL_POINTS, ids=lambda p: "after the run" if p is None else f"{p[0]} {p[1]}")
def test_a_run_killed_at_any_point_then_resumed_writes_what_an_uninterrupted_run_writes(kill_folder, tmp_path, point):
    out = tmp_path / "out"
    if point is not None and point[1] == -1:
        point = (point[0], kill_folder.extracted_files)

    _killed_run(kill_folder.folder, out, point)
    run(kill_folder.folder, out)

    assert outputs_of(out) == kill_folder.clean_outputs
    assert sorted(p.name for p in out.iterdir()) == sorted([CACHE_FILE, *OUTPUTS])  # no temporaries left


RANDOM_KILLS = 10


def test_killed_at_random_moments_and_again_during_the_resume(kill_folder, tmp_path):
    moments = random.Random(20250724)
    for attempt in range(RANDOM_KILLS):
        out = tmp_path / f"out{attempt}"
        for _ in range(2):  # killed, then killed again while resuming
            _killed_run(kill_folder.folder, out, after_s=moments.uniform(0, kill_folder.clean_seconds))
        run(kill_folder.folder, out)
        assert outputs_of(out) == kill_folder.clean_outputs, f"attempt {attempt}"


def test_killed_after_every_file_in_turn_the_run_still_completes(kill_folder, tmp_path):
    out = tmp_path / "out"
    for _ in range(kill_folder.extracted_files):
        _killed_run(kill_folder.folder, out, ("after checkpoint", 1))  # each restart does one more file, then dies
    with ResultCache(out / CACHE_FILE) as cache:
        assert cache.connection.execute("SELECT count(*) FROM results").fetchone() == (kill_folder.extracted_files,)
    run(kill_folder.folder, out)
    assert outputs_of(out) == kill_folder.clean_outputs


# --- regular expressions on hostile text --------------------------------------------------------

def _patterns_in(value, found: list) -> None:
    if isinstance(value, re.Pattern):
        found.append(value)
    elif isinstance(value, dict):
        for item in value.values():
            _patterns_in(item, found)
    elif isinstance(value, (tuple, list, set, frozenset)):
        for item in value:
            _patterns_in(item, found)
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            _patterns_in(getattr(value, f.name), found)


def _literal_patterns(source: str) -> list[re.Pattern]:
    """Patterns written inline, `re.search(r"...", text, re.I)`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "re" and node.args and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)):
            flags = next((eval(compile(ast.Expression(k.value), "<flags>", "eval"), {"re": re})  # noqa: S307
                          for k in node.keywords if k.arg == "flags"), 0)
            found.append(re.compile(node.args[0].value, flags))
    return found


def pipeline_patterns() -> dict[str, re.Pattern]:
    """Every regular expression of the pipeline's modules: module constants, the patterns built from
    the data files by the cached builder functions, and inline literals."""
    found: dict[str, re.Pattern] = {}
    package = Path(pipeline.__file__).parent
    for source_file in sorted(package.rglob("*.py")):
        source = source_file.read_text(encoding="utf-8")
        if not re.search(r"^import re$", source, re.MULTILINE):
            continue
        module_name = ".".join(source_file.relative_to(package).with_suffix("").parts)
        module = importlib.import_module(f"pipeline.{module_name}")
        patterns: list[re.Pattern] = _literal_patterns(source)
        for name, value in vars(module).items():
            if getattr(value, "__module__", None) != module.__name__ and not isinstance(value, re.Pattern):
                continue
            if hasattr(value, "cache_info") and not any(
                    p.default is p.empty for p in inspect.signature(value).parameters.values()):
                _patterns_in(value(), patterns)
            else:
                _patterns_in(value, patterns)
        for number, pattern in enumerate(dict.fromkeys(patterns)):
            found[f"{module_name}:{number}:{pattern.pattern[:40]}"] = pattern
    return found


PATTERNS = pipeline_patterns()
# Matched against one stripped line as a whole (clean.is_boilerplate), never searched through a text.
WHOLE_LINE_ONLY = {clean._boilerplate()[0]}
SHORT, LONG = 2_500, 20_000
# Linear time grows eightfold from SHORT to LONG, quadratic sixty-four-fold; below the floor the
# timings are noise, and above the ceiling no linear pattern could be on 20,000 characters.
GROWTH_LIMIT, FLOOR_S, CEILING_S = 24, 0.02, 2.0


def _seconds(pattern: re.Pattern, text: str, tries: int = 3) -> float:
    best = float("inf")
    for _ in range(tries):
        start = time.perf_counter()
        if pattern in WHOLE_LINE_ONLY:
            pattern.fullmatch(text)
        else:
            for _ in pattern.finditer(text):
                pass
        best = min(best, time.perf_counter() - start)
    return best


def _fragments(pattern: re.Pattern) -> list[str]:
    words = re.findall(r"[^\W\d_]{2,}", pattern.pattern)[:30]
    return HOSTILE_UNITS + [w + " " for w in words] + ["a", "1", ".", ",", "-", ":", "|", "#", ")", "]", "”", "\n"]


def test_every_module_with_regular_expressions_is_audited():
    modules = {name.split(":")[0] for name in PATTERNS}
    assert {"stages.clean", "stages.extract_dates", "stages.extract_event", "stages.extract_officials",
            "stages.extract_parties", "stages.extract_sectors", "stages.ingest", "knowledge",
            "evaluation.matching"} <= modules
    assert len(PATTERNS) >= 25


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_regular_expressions_take_linear_time_on_hostile_text(name):
    pattern = PATTERNS[name]

    @settings(max_examples=12, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
    @given(st.lists(st.sampled_from(_fragments(pattern)), min_size=1, max_size=4).map("".join),
           st.sampled_from(["", "x", "\n", "]", ")", "”"]))
    def check(unit: str, tail: str) -> None:
        short = unit * (SHORT // len(unit)) + tail
        long = unit * (LONG // len(unit)) + tail
        first_s = _seconds(pattern, long, tries=1)
        assert first_s < CEILING_S, f"{pattern.pattern[:80]!r} took {first_s:.1f} s on {unit!r} * {len(long) // len(unit)}"
        if first_s > FLOOR_S:
            growth = _seconds(pattern, long) / max(_seconds(pattern, short), 1e-6)
            assert growth < GROWTH_LIMIT, f"{pattern.pattern[:80]!r} on {unit!r}: {growth:.0f}x for 8x the text"

    check()


def test_the_quadratic_markdown_link_of_old_is_caught_by_that_test():
    """The check must be able to fail: the link pattern as it was before, on a line of brackets."""
    old_link = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
    growth = _seconds(old_link, "[" * LONG) / _seconds(old_link, "[" * SHORT)
    assert growth > GROWTH_LIMIT
