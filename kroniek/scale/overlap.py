"""Run the pipeline's stages on consecutive articles at once: Frog on article n+1 while the
Python stages (time, actors, events, quotes) work on article n.

Frog runs in its own process, so the thread that waits for it holds no lock: with a stage
per thread and a short queue between stages, Frog's core never waits for Python and the
Python stages take the other core. A component may split itself into steps by offering
`steps()` (the parse filter's tagger Frog and parser Frog), each then gets its own thread.

Results come out in input order, each article once; a failure in any step becomes the same
InputError that `Pipeline.process` makes, and the run goes on.
"""
from __future__ import annotations

import queue
import threading
from typing import Callable, Iterable, Iterator

from ..pipeline import Pipeline
from ..records import Article, InputError

_DONE = object()


class _Failure:
    def __init__(self, item: Article, exc: BaseException):
        self.item, self.exc = item, exc


def _steps(pipe: Pipeline) -> list[Callable[[Article], Article]]:
    """The pipeline as a list of steps: each analysis component alone (split further if it
    offers `steps()`), then all later components together in one step."""
    out: list[Callable[[Article], Article]] = []
    rest: list[Callable[[Article], Article]] = []
    for name, comp in pipe.components:
        if name == "frog" and not rest:
            out.extend(comp.steps() if hasattr(comp, "steps") else [comp])
        else:
            rest.append(comp)
    if rest:
        def later(article: Article, _rest=tuple(rest)) -> Article:
            for comp in _rest:
                article = comp(article)
            return article
        out.append(later)
    return out


def process_overlapped(pipe: Pipeline, items: Iterable[Article | InputError], depth: int = 2,
                       ) -> Iterator[Article | InputError]:
    steps = _steps(pipe)
    if len(steps) < 2:
        yield from pipe.process(items)
        return
    stop = threading.Event()
    queues = [queue.Queue(maxsize=depth) for _ in steps]   # queues[k] feeds step k
    out: queue.Queue = queue.Queue(maxsize=depth)

    def put(q: queue.Queue, value) -> bool:
        while not stop.is_set():
            try:
                q.put(value, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False

    def feed() -> None:
        try:
            for item in items:
                if not put(queues[0], item):
                    return
        except BaseException as exc:   # a reader's failure ends the run, as it would without threads
            put(queues[0], _Failure(None, exc))
            return
        put(queues[0], _DONE)

    def work(k: int) -> None:
        step, source = steps[k], queues[k]
        target = queues[k + 1] if k + 1 < len(steps) else out
        while not stop.is_set():
            try:
                item = source.get(timeout=0.2)
            except queue.Empty:
                continue
            if item is not _DONE and isinstance(item, Article):
                try:
                    item = step(item)
                except Exception as exc:
                    item = _Failure(item, exc)
            if not put(target, item) or item is _DONE:
                return

    threads = [threading.Thread(target=feed, daemon=True, name="kroniek-read")]
    threads += [threading.Thread(target=work, args=(k,), daemon=True, name=f"kroniek-step{k}")
                for k in range(len(steps))]
    for t in threads:
        t.start()
    try:
        while True:
            item = out.get()
            if item is _DONE:
                break
            if isinstance(item, _Failure):
                if item.item is None:
                    raise item.exc
                a = item.item
                yield InputError(file=a.origin, line=a.line, doc=a.id, stage="pipeline",
                                 reason=f"{type(item.exc).__name__}: {item.exc}")
            else:
                yield item
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=5)
