"""The distributed mode on Dask: one kept-alive pipeline (one Frog) per worker, shards read
where they lie.

- `cluster`: a scheduler address (`tcp://host:8786`) or `local:N` for a local cluster of N
  worker processes (one thread each) on this machine.
- A worker plugin (`PipelinePlugin`) builds the pipeline once per worker when it joins and
  closes it (and its Frog) when the worker leaves; every task on that worker uses it.
- The client lists the inputs and cuts them into shards: a file, or a byte range of a large
  JSON Lines file. A shard travels as a path and offsets; the worker opens the file itself,
  so the input must be at the same path on the workers (a shared or replicated file system).
- Each task reads its shard, admits its articles (language, duplicates within the shard,
  already-stored ids), runs the pipeline, and either returns the articles to the client
  (`process_on_cluster`, the mode behind `process_inputs(cluster=...)`) or writes its own
  part of a Parquet dataset (`dataset_on_cluster`), so that only counts travel back.
- Dask runs a task again if its worker dies (`retries`); results are taken once, in shard
  order, and Parquet parts are named after their shard, so a retried task overwrites.
"""
from __future__ import annotations

import hashlib
import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

from distributed import WorkerPlugin

from ..records import Article, InputError
from .stats import RunStats, memory_report

PLUGIN_NAME = "kroniek-pipeline"
# JSON Lines files larger than this are cut into byte ranges. A shard's results travel back
# whole (with tokens, about ten times the input), so shards stay small; a few thousand
# articles keep every worker busy for minutes.
SHARD_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class Shard:
    path: str
    start: int = 0
    end: Optional[int] = None       # None: to the end of the file

    @property
    def id(self) -> str:
        key = f"{self.path}\0{self.start}\0{self.end}"
        return f"{Path(self.path).name[:40]}-{hashlib.sha1(key.encode()).hexdigest()[:10]}"


def make_shards(inputs: Iterable[str], shard_bytes: Optional[int] = None) -> Iterator[Shard | InputError]:
    """Shards of the inputs (absolute paths; folders expanded here, files read on the workers)."""
    from ..reading.sources import expand_inputs
    shard_bytes = shard_bytes or SHARD_BYTES
    for item in expand_inputs(inputs):
        if isinstance(item, InputError):
            yield item
            continue
        path = str(Path(item).resolve())
        size = os.path.getsize(path)
        if item.name.lower().endswith(".jsonl") and size > shard_bytes:
            for start in range(0, size, shard_bytes):
                yield Shard(path, start, min(start + shard_bytes, size))
        else:
            yield Shard(path)


def read_shard(shard: Shard) -> Iterator[Article | InputError]:
    from ..reading.sources import iter_articles
    if shard.end is None:
        yield from iter_articles([shard.path])
        return
    yield from _read_jsonl_range(shard)


def _read_jsonl_range(shard: Shard) -> Iterator[Article | InputError]:
    """The JSON Lines records that *start* inside [start, end): every line belongs to one shard."""
    from ..reading.jsonl import article_from_record, parse_line
    from ..reading.limits import ArticleChecks
    from ..records import InputProblem
    checks = ArticleChecks()
    with open(shard.path, "rb") as fh:
        line_no = 0
        if shard.start > 0:
            fh.seek(0)
            remaining = shard.start - 1
            while remaining > 0:   # count the lines before the range, for error messages
                block = fh.read(min(remaining, 1 << 20))
                if not block:
                    break
                line_no += block.count(b"\n")
                remaining -= len(block)
            fh.seek(shard.start - 1)
            fh.readline()           # to the end of the line in progress: it belongs to the previous shard
            line_no += 1            # (when the range starts right after a newline, that is just the newline)
        while fh.tell() < shard.end:
            raw = fh.readline()
            if not raw:
                break
            line_no += 1
            if not raw.strip():
                continue
            try:
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    raise InputProblem(f"malformed JSON line: {exc}", shard.path, line_no) from None
                a = article_from_record(parse_line(text, shard.path, line_no), shard.path, line_no)
                yield checks.check(a) or a
            except InputProblem as exc:
                yield InputError(file=shard.path, line=line_no, reason=exc.reason)


# -- the worker side ---------------------------------------------------------------------------

class PipelinePlugin(WorkerPlugin):
    """Dask worker plugin: one pipeline per worker, kept alive across tasks."""

    name = PLUGIN_NAME
    idempotent = False

    def __init__(self, names: list[str], config: dict, modules: list[str]):
        self.names, self.config, self.modules = list(names), dict(config), list(modules)
        self.pipeline = None
        self.lock = threading.Lock()

    def setup(self, worker) -> None:
        import importlib

        from ..pipeline import Pipeline
        for m in self.modules:
            importlib.import_module(m)
        self.lock = threading.Lock()   # tasks on a many-threaded worker share one Frog: one at a time
        self.pipeline = Pipeline(self.names, config=self.config)

    def teardown(self, worker) -> None:
        if self.pipeline is not None:
            self.pipeline.close()
            self.pipeline = None

    def __getstate__(self):
        return {"names": self.names, "config": self.config, "modules": self.modules}

    def __setstate__(self, state):
        self.__init__(state["names"], state["config"], state["modules"])


def _plugin() -> PipelinePlugin:
    from distributed import get_worker
    worker = get_worker()
    plugin = worker.plugins[PLUGIN_NAME]
    if plugin.pipeline is None:
        plugin.setup(worker)
    return plugin


def run_shard(shard: Shard, skip_ids: Optional[set[str]], languages: tuple[str, ...],
              out_dir: Optional[str] = None, with_tokens: bool = True) -> dict[str, Any]:
    """One task: read, admit and process a shard; return the items, or write them as Parquet."""
    from distributed import get_worker

    from .overlap import process_overlapped
    from .runner import Admission, _tally
    plugin = _plugin()
    admission_stats = RunStats()
    admission = Admission(admission_stats, skip_ids, languages)
    result: dict[str, Any] = {"shard": shard.id, "worker": get_worker().name}
    with plugin.lock:
        items = process_overlapped(plugin.pipeline, admission.filter(read_shard(shard)))
        if out_dir is None:
            result["items"] = list(items)
        else:   # written as they come: a shard's articles are never all held in memory
            from .parquet import ParquetDataset
            done = RunStats()
            errors: list[InputError] = []
            with ParquetDataset(out_dir, part=shard.id, with_tokens=with_tokens) as sink:
                for item in items:
                    sink.write(item)
                    _tally(done, item)
                    if isinstance(item, InputError):
                        errors.append(item)
            result["done"], result["errors"] = done, errors
    result.update(memory=memory_report(), admission=admission_stats, hashes=sorted(admission.seen))
    return result


# -- the client side ---------------------------------------------------------------------------

class ClusterError(RuntimeError):
    """The cluster named by --cluster cannot be used (bad address, scheduler not reachable)."""


CONNECT_TIMEOUT = "20s"


def connect(cluster: str):
    """A Dask Client for `local:N` (a local cluster, closed with the client) or an address."""
    from distributed import Client, LocalCluster
    if cluster.startswith("local"):
        _, _, n = cluster.partition(":")
        if n.strip() and not n.strip().isdigit():
            raise ClusterError(f"--cluster {cluster!r}: write local:N with N the number of workers")
        n_workers = int(n) if n.strip() else 2
        local = LocalCluster(n_workers=max(1, n_workers), threads_per_worker=1, processes=True,
                             dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(local)
        client._kroniek_local = local   # closed in `close`
        return client
    try:
        return Client(cluster, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {cluster!r} ({type(exc).__name__}: {exc}); "
                           f"start one with `dask scheduler` or use --cluster local:N") from None


def close(client) -> None:
    local = getattr(client, "_kroniek_local", None)
    client.close()
    if local is not None:
        local.close()


def _register(client, names: list[str], config: dict) -> None:
    from .pool import component_modules
    client.register_plugin(PipelinePlugin(names, config, component_modules(names)), name=PLUGIN_NAME)


def _ordered_results(client, shards: Iterable[Shard | InputError], submit, window: int) -> Iterator[Any]:
    """Submit shards with at most `window` in flight and yield their results in shard order
    (InputErrors from listing the inputs pass straight through)."""
    from collections import deque
    pending: deque = deque()
    it = iter(shards)
    exhausted = False
    while True:
        while not exhausted and len(pending) < window:
            s = next(it, None)
            if s is None:
                exhausted = True
            elif isinstance(s, InputError):
                pending.append(s)
            else:
                pending.append(submit(s))
        if not pending:
            return
        head = pending.popleft()
        yield head if isinstance(head, InputError) else head.result()


def _merge_admission(stats: RunStats, part: RunStats) -> None:
    stats.read += part.read
    stats.skipped_language.update(part.skipped_language)
    stats.skipped_known += part.skipped_known
    stats.duplicates += part.duplicates


def process_on_cluster(inputs: Iterable[str], names: list[str], config: dict, cluster: str, stats: RunStats,
                       skip_ids: Optional[set[str]] = None, languages: tuple[str, ...] = ("nl",),
                       shard_bytes: Optional[int] = None) -> Iterator[Article | InputError]:
    """Process on the cluster; yield every article and error back here, in input order, once."""
    client = connect(cluster)
    try:
        _register(client, names, config)
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        skip = client.scatter(set(skip_ids or ()), broadcast=True) if skip_ids else None
        seen: set[str] = set()

        def submit(shard: Shard):
            return client.submit(run_shard, shard, skip, languages, retries=1, pure=False)
        for res in _ordered_results(client, make_shards(inputs, shard_bytes), submit, 2 * workers):
            if isinstance(res, InputError):
                yield res
                continue
            _merge_admission(stats, res["admission"])
            stats.add_worker_memory(res["worker"], res["memory"])
            for item in res["items"]:
                if isinstance(item, Article):
                    h = item.content_hash
                    if h in seen:            # the same article in an earlier shard
                        stats.duplicates += 1
                        continue
                yield item
            seen.update(res["hashes"])      # this shard's articles, stored ones included
    finally:
        close(client)


def dataset_on_cluster(inputs: Iterable[str], out_dir: str, names: list[str], config: dict, cluster: str,
                       stats: RunStats, skip_ids: Optional[set[str]] = None, languages: tuple[str, ...] = ("nl",),
                       with_tokens: bool = True, shard_bytes: Optional[int] = None,
                       progress=None) -> Iterator[InputError]:
    """Workers write their shards' Parquet parts under `out_dir` (a path all workers share);
    the counts come back here. Yields the errors (also written to the dataset's errors table)."""
    from .parquet import ParquetDataset
    client = connect(cluster)
    out = str(Path(out_dir).resolve())
    try:
        _register(client, names, config)
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        skip = client.scatter(set(skip_ids or ()), broadcast=True) if skip_ids else None

        def submit(shard: Shard):
            return client.submit(run_shard, shard, skip, languages, out, with_tokens,
                                 retries=1, pure=False)
        with ParquetDataset(out, part="client") as listing_errors:
            for res in _ordered_results(client, make_shards(inputs, shard_bytes), submit, 2 * workers):
                if isinstance(res, InputError):
                    listing_errors.write(res)
                    stats.failed += 1
                    yield res
                    continue
                _merge_admission(stats, res["admission"])
                stats.add_worker_memory(res["worker"], res["memory"])
                d: RunStats = res["done"]
                stats.done += d.done
                stats.tokens += d.tokens
                stats.events += d.events
                stats.sentences += d.sentences
                stats.parsed_sentences += d.parsed_sentences
                stats.failed += d.failed
                if progress:
                    progress(d.done + d.failed + res["admission"].consumed())
                yield from res["errors"]
    finally:
        close(client)
