"""Worker processes: each item of a run is handled in a child process that the parent can kill.

Regex and spaCy work cannot be interrupted reliably inside a thread, so a file that overruns its
time limit is stopped by killing the process that works on it; a replacement is forked and the
run goes on. A child that dies (killed for memory, crashed) costs only the item it held.

Children are forked, so whatever the parent prepared before (the spaCy pipeline, five seconds to
build) they share without building it again: replacing a killed worker is cheap. The parent must
not run other threads while it forks; the CLI's progress bar refreshes without one.
"""
from __future__ import annotations

import multiprocessing
import signal
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Callable, Generic, Iterable, Iterator, Optional, TypeVar

Key = TypeVar("Key")


class WorkersUnavailable(RuntimeError):
    """No worker could be had: a cluster that cannot be reached or started."""


@dataclass(frozen=True)
class Outcome:
    """What became of one item: its task's value, or why there is none."""

    value: Any = None
    failure: Optional[str] = None  # a sentence a person can read; None when the task returned

    @property
    def ok(self) -> bool:
        return self.failure is None


def outcome_of(task: Callable[[Any], Any], item: Any) -> Outcome:
    """`task(item)` as an `Outcome`: the task's own failure is the item's outcome, the worker lives on."""
    try:
        return Outcome(value=task(item))
    except Exception as error:
        return Outcome(failure=f"Processing failed with {type(error).__name__}: {error}")


def _serve(task: Callable[[Any], Any], inbox: Connection, parent_end: Connection) -> None:
    """A child's loop: items in, `Outcome`s out, until the parent closes its end or dies."""
    parent_end.close()  # else this child would hold its own pipe open and never see the parent go
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it stops the children
    while True:
        try:
            item = inbox.recv()
        except (EOFError, OSError):
            return
        try:
            inbox.send(outcome_of(task, item))
        except (BrokenPipeError, OSError):
            return


class _Worker:
    def __init__(self, task: Callable[[Any], Any]) -> None:
        parent_end, child_end = multiprocessing.Pipe()
        self.process = multiprocessing.get_context("fork").Process(
            target=_serve, args=(task, child_end, parent_end), daemon=True)
        self.process.start()
        child_end.close()
        self.connection = parent_end

    def stop(self) -> None:
        self.connection.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join()

    def death(self) -> str:
        """Why the process ended, in words."""
        self.process.join(timeout=1)
        code = self.process.exitcode
        if code is not None and code < 0:
            return f"killed by signal {signal.Signals(-code).name}, perhaps for lack of memory"
        return f"exit code {code}"


class WorkerPool(Generic[Key]):
    """`size` child processes running `task`, each item under a time limit of `timeout_s` seconds.

    `prepare` runs in the parent once, before the first child is forked (only if there is work):
    what it loads, every child inherits.
    """

    def __init__(self, task: Callable[[Any], Any], timeout_s: float, size: int = 1,
                 prepare: Optional[Callable[[], Any]] = None) -> None:
        if size < 1:
            raise ValueError(f"a pool needs at least one worker, not {size}")
        if timeout_s <= 0:
            raise ValueError(f"the time limit must be positive, not {timeout_s}")
        self.task, self.timeout_s, self.size, self.prepare = task, timeout_s, size, prepare
        self.workers: list[_Worker] = []

    def __enter__(self) -> "WorkerPool[Key]":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        for worker in self.workers:
            worker.stop()
        self.workers = []

    def _start_workers(self) -> None:
        if self.prepare is not None:
            self.prepare()
        self.workers = [_Worker(self.task) for _ in range(self.size)]

    def _replace(self, worker: _Worker) -> None:
        worker.stop()
        self.workers[self.workers.index(worker)] = _Worker(self.task)

    def map_unordered(self, items: Iterable[tuple[Key, Any]]) -> Iterator[tuple[Key, Outcome]]:
        """Each item's key with its `Outcome`, in the order they finish; `items` is read lazily."""
        pending = iter(items)
        busy: dict[Connection, tuple[_Worker, Key, float]] = {}
        while True:
            while len(busy) < self.size and (entry := next(pending, None)) is not None:
                if not self.workers:  # only now, with work to do, is it worth preparing and forking
                    self._start_workers()
                worker = next(w for w in self.workers if w.connection not in busy)
                key, item = entry
                failure = self._send(worker, item)
                if failure:
                    yield key, Outcome(failure=failure)
                else:
                    busy[worker.connection] = (worker, key, time.monotonic() + self.timeout_s)
            if not busy:
                return
            nearest = min(deadline for _, _, deadline in busy.values())
            for connection in wait(list(busy), timeout=max(0.0, nearest - time.monotonic())):
                worker, key, _ = busy.pop(connection)
                try:
                    outcome = connection.recv()
                except (EOFError, OSError):
                    outcome = Outcome(failure=f"The worker process stopped ({worker.death()}) while on this file.")
                    self._replace(worker)
                yield key, outcome
            now = time.monotonic()
            for connection, (worker, key, deadline) in list(busy.items()):
                if deadline <= now:
                    del busy[connection]
                    self._replace(worker)
                    yield key, Outcome(failure=f"Processing took longer than the limit of {self.timeout_s:g} s "
                                               "and was stopped.")

    def _send(self, worker: _Worker, item: Any) -> Optional[str]:
        """Hand `item` to `worker`; why that failed, if it did (the worker is then replaced)."""
        try:
            worker.connection.send(item)
        except (BrokenPipeError, OSError):
            failure = f"The worker process stopped ({worker.death()}) before it took this file."
            self._replace(worker)
            return failure
        return None
