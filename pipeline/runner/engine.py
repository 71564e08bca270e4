"""The distributed engine: a run's files extracted on a Dask cluster instead of local worker processes.

`DaskPool` does what `workers.WorkerPool` does for a run, over a cluster: it takes (key, item)
pairs lazily and yields each key with its `Outcome` as it finishes. The client reads and hashes
each file and sends its bytes with the task, so the workers need the project installed but no
view of the input folder; what comes back is one file's report and its records, not yet merged.
The merge and the checkpoints stay with the client: the merge needs every file's records at once
and costs little beside the extraction, so a run on a cluster writes exactly what a local run does.

Dask rather than Ray: the work is a plain map of Python functions over files with results
gathered on the client, which `Client.submit` and `as_completed` are; `distributed` is pure Python
and small, and its `LocalCluster` runs real worker processes offline, which the tests use.

Each worker process builds the NLP pipeline once, when the pool registers its `prepare` as a
worker plugin (and again on any worker that joins later), not once per file. A worker that dies
on a file costs only that file: Dask retries it elsewhere and, after its allowed failures, the
file is reported as an error. The per-file time limit is the local engine's; on a cluster, a
file's task runs to its end.
"""
from __future__ import annotations

from itertools import islice
from typing import Any, Callable, Generic, Iterable, Iterator, Optional

from distributed import Client, LocalCluster, WorkerPlugin, as_completed

from .workers import Key, Outcome, WorkersUnavailable, outcome_of

CONNECT_TIMEOUT = "10s"
TASKS_PER_THREAD = 2  # queued beside each running task, so that no worker waits for the client's next file


class _Prepare(WorkerPlugin):
    """Runs `prepare` in each worker process as it joins, so that the first file does not pay for it."""

    name = "kerjasama-prepare"

    def __init__(self, prepare: Callable[[], Any]) -> None:
        self.prepare = prepare

    def setup(self, worker: Any) -> None:
        self.prepare()


class DaskPool(Generic[Key]):
    """`task` over a Dask cluster: the scheduler at `scheduler`, or a `LocalCluster` of `size`
    single-threaded worker processes when none is given."""

    def __init__(self, task: Callable[[Any], Any], scheduler: Optional[str] = None, size: int = 1,
                 prepare: Optional[Callable[[], Any]] = None) -> None:
        if size < 1:
            raise ValueError(f"a cluster needs at least one worker, not {size}")
        self.task, self.scheduler, self.size, self.prepare = task, scheduler, size, prepare
        self.cluster: Optional[LocalCluster] = None
        self.client: Optional[Client] = None

    def __enter__(self) -> "DaskPool[Key]":
        try:
            if self.scheduler is None:
                self.cluster = LocalCluster(n_workers=self.size, threads_per_worker=1, processes=True,
                                            dashboard_address=":0")
            self.client = Client(self.cluster or self.scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as error:
            self.close()
            where = f"the Dask scheduler at {self.scheduler}" if self.scheduler else "a local Dask cluster"
            raise WorkersUnavailable(f"cannot reach {where}: {error}") from error
        if self.prepare is not None:
            self.client.register_plugin(_Prepare(self.prepare))
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None

    def map_unordered(self, items: Iterable[tuple[Key, Any]]) -> Iterator[tuple[Key, Outcome]]:
        """Each item's key with its `Outcome`, in the order they finish; `items` is read lazily, a few
        per worker thread ahead, so that the client holds only the files in flight."""
        assert self.client is not None, "use the pool in a with statement"
        pending = iter(items)
        keys: dict[Any, Key] = {}
        finished = as_completed()

        def submit(entries: Iterable[tuple[Key, Any]]) -> None:
            for key, item in entries:
                future = self.client.submit(outcome_of, self.task, item, pure=False)
                keys[future] = key
                finished.add(future)

        threads = sum(self.client.nthreads().values()) or 1
        submit(islice(pending, threads * (1 + TASKS_PER_THREAD)))
        for future in finished:
            key = keys.pop(future)
            try:
                outcome = future.result()
            except Exception as error:  # the task's own failures come back as outcomes: this is the worker's
                outcome = Outcome(failure=f"The Dask worker running this file failed ({type(error).__name__}: {error}).")
            future.release()
            submit(islice(pending, 1))
            yield key, outcome
