"""N local worker processes, each with one pipeline (one kept-alive Frog), fed in batches.

The main process reads and admits articles, sends them in small batches to the workers and
yields the results back in input order; it stays the single writer. A batch closes at
`batch_size` articles or `batch_chars` characters, so that one batch of long articles does
not keep one worker busy for long while the other has nothing left (the tail of a run).
At most `2 × workers` batches are queued or running, so each worker always has the next one
at hand; a worker that finishes ahead of a slow batch earlier in the input goes on with the
next ones (their results wait, up to `8 × workers` batches, to come out in input order), so
one long article does not idle the other workers. Memory stays flat on any input size.

A worker that dies (killed, out of memory) breaks the pool: a fresh pool is started and the
batches in flight that had not come back are sent again once; a batch that breaks a pool
twice is reported as failed, article by article, so nothing is lost silently and nothing is
written twice.
"""
from __future__ import annotations

import multiprocessing
import os
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Iterable, Iterator

from ..records import Article, InputError
from .stats import RunStats, memory_report

_PIPE = None  # the worker's pipeline, built once by `_init_worker`
_INIT_ERROR: Exception | None = None


def component_modules(names: list[str]) -> list[str]:
    """The modules that registered these components here, so that a fresh worker process
    (which imports only kroniek) can register them too: plug-in components work in workers."""
    from ..pipeline import BUILTIN_MODULES, _FACTORIES
    return sorted({_FACTORIES[n].__module__ for n in names if n in _FACTORIES and n not in BUILTIN_MODULES})


def _watch_parent() -> None:
    """Leave when the main process is gone. Killed with SIGKILL, it cannot stop its pool, and
    an orphaned worker would wait for work for ever, holding its Frog (1.9 GB); on exit the
    worker's Frog sees the end of its input and stops too."""
    import threading
    import time
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)
    threading.Thread(target=watch, name="kroniek-parent-watch", daemon=True).start()


def _init_worker(names: list[str], config: dict, modules: list[str] = ()) -> None:
    global _PIPE
    _watch_parent()
    import importlib
    from multiprocessing.util import Finalize

    from ..pipeline import Pipeline
    global _INIT_ERROR
    try:
        for m in modules:
            importlib.import_module(m)
        _PIPE = Pipeline(names, config=config)
    except Exception as exc:   # raised with the first batch, in the main process: a clear error, no retry loop
        _INIT_ERROR = exc
        return
    # Worker processes leave through os._exit, which skips atexit: Finalize runs before it,
    # so each worker stops its Frog when the pool shuts down.
    Finalize(_PIPE, _PIPE.close, exitpriority=10)


def _run_batch(batch: list[Article | InputError]) -> tuple[list[Article | InputError], dict]:
    if _INIT_ERROR is not None:
        raise _INIT_ERROR
    assert _PIPE is not None
    from .overlap import process_overlapped
    results = list(process_overlapped(_PIPE, batch))
    return results, memory_report(os.getpid())


def _batches(items: Iterable[Article | InputError], size: int, workers: int = 1,
             max_chars: int = 0) -> Iterator[list[Article | InputError]]:
    """The first batch of each worker holds one article, so that every worker starts its Frog
    at once even on a small input; then batches of `size` articles, closed earlier when their
    text reaches `max_chars` characters (0: no limit)."""
    it = iter(items)
    for _ in range(workers):
        batch = list(islice(it, 1))
        if not batch:
            return
        yield batch
    batch, chars = [], 0
    for item in it:
        batch.append(item)
        chars += len(getattr(item, "text", ""))
        if len(batch) >= size or (max_chars and chars >= max_chars):
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def process_in_pool(articles: Iterable[Article | InputError], names: list[str], config: dict, workers: int,
                    stats: RunStats, batch_size: int = 8, batch_chars: int = 12_000,
                    ) -> Iterator[Article | InputError]:
    # spawn, not fork: the main process may run threads (progress bar), and a fork would copy
    # their locks; each worker imports kroniek afresh and starts its own Frog.
    ctx = multiprocessing.get_context("spawn")

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker,
                                   initargs=(names, config, component_modules(names)))

    pool = new_pool()
    pending: deque[tuple[list, Future]] = deque()   # (batch, future) in input order
    source = _batches(articles, batch_size, workers, batch_chars)
    exhausted = False
    busy_limit, held_limit = 2 * workers, 8 * workers
    try:
        while True:
            while not exhausted and len(pending) < held_limit \
                    and sum(1 for _, f in pending if not f.done()) < busy_limit:
                batch = next(source, None)
                if batch is None:
                    exhausted = True
                    break
                pending.append((batch, pool.submit(_run_batch, batch)))
            if not pending:
                break
            batch, future = pending[0]
            if not future.done():
                # Wait for any batch, not only the first: a worker that finished gets more work
                # (the loop above) while a slow batch ahead of it is still running.
                wait([f for _, f in pending if not f.done()], return_when=FIRST_COMPLETED)
                continue
            try:
                results, memory = future.result()
            except BrokenProcessPool:
                # A worker died: which batch killed it is unknown. Batches that came back keep
                # their results; the others run again one by one in a fresh pool, and a batch
                # that kills that pool too article by article, so that only the article that
                # kills a worker is lost, reported as failed. Input order is kept throughout.
                pool.shutdown(wait=False, cancel_futures=True)
                in_flight = list(pending)
                pending.clear()
                pool = new_pool()
                for b, f in in_flight:
                    done = _result_if_ok(f)
                    if done is not None:
                        stats.add_worker_memory(f"pid {done[1]['pid']}", done[1])
                        yield from done[0]
                        continue
                    ok, pool = yield from _run_isolated(pool, new_pool, b, stats)
                    if not ok:
                        for article in b:
                            _, pool = yield from _run_isolated(pool, new_pool, [article], stats, last=True)
                continue
            pending.popleft()
            stats.add_worker_memory(f"pid {memory['pid']}", memory)
            yield from results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _result_if_ok(future: Future):
    """The result of a batch that finished before the pool broke, else None."""
    if not future.done() or future.cancelled() or future.exception() is not None:
        return None
    return future.result()


def _run_isolated(pool, new_pool, batch, stats, last: bool = False):
    """Run one batch alone; (True, pool) when it went through, (False, fresh pool) when it broke
    the pool (with `last`, its articles are then reported as failed)."""
    try:
        results, memory = pool.submit(_run_batch, batch).result()
    except BrokenProcessPool:
        pool.shutdown(wait=False, cancel_futures=True)
        if last:
            yield from _failed(batch, "the worker process died on this article (killed, or out of memory)")
        return False, new_pool()
    stats.add_worker_memory(f"pid {memory['pid']}", memory)
    yield from results
    return True, pool


def _failed(batch: list[Article | InputError], reason: str) -> Iterator[InputError]:
    for a in batch:
        if isinstance(a, InputError):
            yield a
        else:
            yield InputError(file=a.origin, line=a.line, doc=a.id, stage="worker", reason=reason)
