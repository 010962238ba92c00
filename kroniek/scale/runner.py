"""Run the pipeline over inputs: the one entry point that `extract` and `ingest` share.

`process_inputs` yields each processed Article or InputError, in input order, whatever the
mode: one process (`workers=1`), N local worker processes each with one kept-alive Frog
(`workers=N`, see `kroniek.scale.pool`), or a Dask cluster (`cluster="local:N"` or a
scheduler address, see `kroniek.scale.cluster`). The caller is the single writer: every
result comes back to it, once, so nothing is lost or written twice.

Before any Frog time is spent, articles are admitted (`Admission`): articles in another
language than Dutch are skipped and counted (web input sets `Article.lang`), articles whose
content hash was seen before in this run are dropped as duplicates, and ids in `skip_ids`
(already stored) are passed over. Counts and per-worker memory go into `stats` (RunStats).
"""
from __future__ import annotations

import time
from typing import Any, Iterable, Iterator, Optional

from ..pipeline import DEFAULT_PIPELINE, Pipeline
from ..reading.sources import iter_articles
from ..records import Article, InputError
from .stats import RunStats, memory_report

LANGUAGES = ("nl",)


class Admission:
    """Which articles go to the pipeline: right language, not seen before, not stored already."""

    def __init__(self, stats: RunStats, skip_ids: Optional[set[str]] = None,
                 languages: tuple[str, ...] = LANGUAGES):
        self.stats, self.skip_ids, self.languages = stats, skip_ids or set(), languages
        self.seen: set[str] = set()

    def admit(self, article: Article) -> bool:
        self.stats.read += 1
        if article.lang not in self.languages:
            self.stats.skipped_language[article.lang] += 1
            return False
        # Duplicates first: a copy of an article that is already stored (under another id,
        # say a second URL) is a duplicate, not a new article.
        if not self.first_time(article):
            return False
        if article.id in self.skip_ids:
            self.stats.skipped_known += 1
            return False
        return True

    def first_time(self, article: Article) -> bool:
        h = article.content_hash
        if h in self.seen:
            self.stats.duplicates += 1
            return False
        self.seen.add(h)
        return True

    def filter(self, items: Iterable[Article | InputError]) -> Iterator[Article | InputError]:
        for item in items:
            if isinstance(item, InputError):
                if is_repeat(item):
                    self.stats.read += 1
                    self.stats.duplicates += 1
                    continue
                yield item
            elif self.admit(item):
                yield item


def is_repeat(error: InputError) -> bool:
    """The reader's id check (kroniek/reading/limits.py) refuses a second article with an id
    already read; when its text is the same (a crawl that fetched a page twice) that is a
    duplicate to count, not an input error."""
    return error.reason.startswith("duplicate id") and "the same article was already read" in error.reason


def _tally(stats: RunStats, item: Article | InputError) -> None:
    if isinstance(item, InputError):
        stats.failed += 1
    else:
        stats.count_article(item)


def process_inputs(inputs: Iterable[str], stages: Optional[list[str]] = None,
                   config: Optional[dict[str, dict[str, Any]]] = None, workers: int = 1,
                   cluster: Optional[str] = None, skip_ids: Optional[set[str]] = None, *,
                   stats: Optional[RunStats] = None, batch_size: int = 8) -> Iterator[Article | InputError]:
    """Read `inputs` and run the pipeline; articles whose id is in `skip_ids` are not processed.

    `workers`: local worker processes (each with its own Frog); `cluster`: a Dask scheduler
    address or `local:N`. `stats` (optional) is filled as the run goes."""
    names = list(stages or DEFAULT_PIPELINE)
    config = config or {}
    stats = stats if stats is not None else RunStats()
    started = time.monotonic()
    try:
        if cluster:
            from .cluster import process_on_cluster
            stats.mode = f"Dask cluster {cluster}"
            results = process_on_cluster(inputs, names, config, cluster, stats, skip_ids=skip_ids)
        elif workers > 1:
            from .pool import process_in_pool
            stats.mode = f"{workers} worker processes"
            articles = Admission(stats, skip_ids).filter(iter_articles(inputs))
            results = process_in_pool(articles, names, config, workers, stats, batch_size=batch_size)
        else:
            results = _process_here(Admission(stats, skip_ids).filter(iter_articles(inputs)), names, config, stats)
        for item in results:
            _tally(stats, item)
            yield item
            if isinstance(item, Article):
                for problem in layer_failures(item):
                    _tally(stats, problem)
                    yield problem
    finally:
        stats.seconds = time.monotonic() - started


def layer_failures(article: Article) -> list[InputError]:
    """A stage that failed on an article but kept it (the event coder does: the article goes
    on without events, the reason in `meta["events_error"]`) is an error too, so that
    errors.jsonl and the exit code tell it; the article itself is written and stored."""
    return [InputError(file=article.origin, line=article.line, doc=article.id, stage=key[: -len("_error")],
                       reason=f"{key[: -len('_error')]} failed, the article is kept without that layer: {value}")
            for key, value in article.meta.items() if key.endswith("_error")]


def _process_here(articles: Iterable[Article | InputError], names: list[str], config: dict,
                  stats: RunStats) -> Iterator[Article | InputError]:
    from .overlap import process_overlapped
    with Pipeline(names, config=config) as pipe:
        yield from process_overlapped(pipe, articles)
        stats.add_worker_memory("main", memory_report())


def write_dataset(inputs: Iterable[str], out_dir: str, stages: Optional[list[str]] = None,
                  config: Optional[dict[str, dict[str, Any]]] = None, workers: int = 1,
                  cluster: Optional[str] = None, skip_ids: Optional[set[str]] = None, *,
                  stats: Optional[RunStats] = None, with_tokens: bool = True, overwrite: bool = False,
                  progress=None) -> Iterator[InputError]:
    """Run the pipeline and write a Parquet dataset partitioned by article month (see
    `kroniek.scale.parquet`); yields the errors as they come. On a cluster the workers write
    their own parts; otherwise this process is the single writer."""
    from .parquet import ParquetDataset, prepare_folder
    names = list(stages or DEFAULT_PIPELINE)
    stats = stats if stats is not None else RunStats()
    prepare_folder(out_dir, overwrite=overwrite)
    started = time.monotonic()
    try:
        if cluster:
            from .cluster import dataset_on_cluster
            stats.mode = f"Dask cluster {cluster}, workers write Parquet"
            yield from dataset_on_cluster(inputs, out_dir, names, config or {}, cluster, stats, skip_ids=skip_ids,
                                          with_tokens=with_tokens, progress=progress)
            return
        with ParquetDataset(out_dir, part="main", with_tokens=with_tokens) as sink:
            seen = 0
            for item in process_inputs(inputs, names, config, workers=workers, skip_ids=skip_ids, stats=stats):
                sink.write(item)
                if progress:
                    progress(stats.consumed() - seen)
                    seen = stats.consumed()
                if isinstance(item, InputError):
                    yield item
    finally:
        stats.seconds = time.monotonic() - started
