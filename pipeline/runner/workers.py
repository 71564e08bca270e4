"""Worker processes: each item of a run is handled in a child process that the parent can kill.

Regex and spaCy work cannot be interrupted reliably inside a thread, so a file that overruns its
time limit is stopped by killing the process that works on it; a replacement is forked and the
run goes on. A child that dies (killed for memory, crashed) costs only the item it held.

Children are forked, so whatever the parent prepared before (the spaCy pipeline, a second or more to
build) they share without building it again: replacing a killed worker is cheap. The parent must
not run other threads while it forks; the CLI's progress bar refreshes without one.
"""
from __future__ import annotations

import multiprocessing
import signal
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Callable, Generic, Iterable, Iterator, Optional, TypeVar

Key = TypeVar("Key")
QUEUE_DEPTH = 2  # items a worker holds at once: the one it is on and the next


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
        self._queues: dict[Connection, deque] = {}  # by worker: the (key, item)s it holds, in order
        self._started: dict[Connection, float] = {}  # by worker: when it began on the first of them

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
        """Each item's key with its `Outcome`, in the order they finish; `items` is read lazily.

        A worker holds up to `QUEUE_DEPTH` items, so that the next one is in its pipe when it
        finishes one rather than sent after the parent has checkpointed the result and read the next
        file (on a short article that wait was as long as the work). An item's time limit runs from
        when its worker starts on it; the items queued behind one that overran or killed its worker
        go to the worker that replaces it.
        """
        pending = iter(items)
        self._queues, self._started = {}, {}
        exhausted = False
        while True:
            while not exhausted and (not self.workers or self._roomiest() is not None):
                entry = next(pending, None)
                if entry is None:
                    exhausted = True
                    break
                if not self.workers:  # only now, with work to do, is it worth preparing and forking
                    self._start_workers()
                failure = self._assign(self._roomiest(), *entry)
                if failure:
                    yield entry[0], failure
            busy = [worker for worker in self.workers if self._queues.get(worker.connection)]
            if not busy:
                return
            nearest = min(self._started[worker.connection] for worker in busy) + self.timeout_s
            ready = wait([worker.connection for worker in busy], timeout=max(0.0, nearest - time.monotonic()))
            for worker in busy:
                if worker.connection not in ready:
                    continue
                key, _ = self._queues[worker.connection].popleft()
                try:
                    outcome = worker.connection.recv()
                except (EOFError, OSError):
                    yield key, Outcome(failure=f"The worker process stopped ({worker.death()}) while on this file.")
                    yield from self._restart(worker)
                    continue
                self._started[worker.connection] = time.monotonic()  # it goes on to the next item at once
                yield key, outcome
            now = time.monotonic()
            for worker in busy:
                queue = self._queues.get(worker.connection)
                if worker in self.workers and queue and self._started[worker.connection] + self.timeout_s <= now:
                    key, _ = queue.popleft()
                    yield key, Outcome(failure=f"Processing took longer than the limit of {self.timeout_s:g} s "
                                               "and was stopped.")
                    yield from self._restart(worker)

    def _roomiest(self) -> Optional[_Worker]:
        """The worker holding the fewest items, if it has room for another."""
        worker = min(self.workers, key=lambda w: len(self._queues.get(w.connection, ())))
        return worker if len(self._queues.get(worker.connection, ())) < QUEUE_DEPTH else None

    def _assign(self, worker: _Worker, key: Key, item: Any) -> Optional[Outcome]:
        """Hand `item` to `worker`; the failure, if the worker was found dead with nothing else of the
        run's (it is then replaced)."""
        queue = self._queues.setdefault(worker.connection, deque())
        try:
            worker.connection.send(item)
        except (BrokenPipeError, OSError):
            if not queue:
                failure = f"The worker process stopped ({worker.death()}) before it took this file."
                self._replace(worker)
                return Outcome(failure=failure)
            # it died on an earlier item: reading that item's result tells, and this one goes to its replacement
        if not queue:
            self._started[worker.connection] = time.monotonic()
        queue.append((key, item))
        return None

    def _restart(self, worker: _Worker) -> Iterator[tuple[Key, Outcome]]:
        """Replace a worker that died or overran; the items it held behind that one go to the new worker."""
        behind = self._queues.pop(worker.connection, ())
        self._started.pop(worker.connection, None)
        index = self.workers.index(worker)
        self._replace(worker)
        for key, item in behind:
            failure = self._assign(self.workers[index], key, item)
            if failure:
                yield key, failure
