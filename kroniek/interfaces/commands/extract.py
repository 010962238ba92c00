"""`kroniek extract INPUT... --out DIR`: run the pipeline and write one JSON Lines file per layer
(or, with `--format parquet`, a Parquet dataset partitioned by article month)."""
from __future__ import annotations

import time
from pathlib import Path
from typing import List, Optional

import typer

from ...pipeline import DEFAULT_PIPELINE
from ...scale.runner import process_inputs
from ...records import Article, InputError
from ..preflight import check_run
from ..progress import article_progress, err_console
from ..summary import print_summary

# Counting lines costs a read of the file; above this the bar runs without a total.
COUNT_LIMIT_BYTES = 512 * 1024 * 1024
# The event table is for reading on screen; a bigger run gets the counts only (and keeps no
# articles in memory for it).
SUMMARY_MAX_ARTICLES = 500


def count_inputs(inputs: list[str]) -> int | None:
    """How many articles to expect (for the progress bar's ETA); None when it is costly to know
    (web pages and WARC files: how many are articles shows only on reading)."""
    from ...reading.sources import expand_inputs
    n, size = 0, 0
    for item in expand_inputs(inputs):
        if isinstance(item, InputError):
            continue
        name = item.name.lower()
        if name.endswith(".txt"):
            n += 1
        elif name.endswith(".jsonl"):
            size += item.stat().st_size
            if size > COUNT_LIMIT_BYTES:
                return None
            with open(item, "rb") as fh:
                n += sum(1 for line in fh if line.strip())
        else:
            return None
    return n


def frog_config(skip: str, parse_filter: bool) -> dict:
    return {"frog": {"skip": skip, **({"parse_filter": True} if parse_filter else {})}}


def register(app: typer.Typer) -> None:
    @app.command()
    def extract(
        inputs: List[str] = typer.Argument(..., help="Files or folders: .txt (date header), .jsonl, .html, .warc(.gz)"),
        out: Path = typer.Option(..., "--out", "-o", help="Folder for articles/events/timex/quotes/actors/errors"),
        stages: Optional[str] = typer.Option(None, help=f"Comma-separated pipeline components (default: {','.join(DEFAULT_PIPELINE)})"),
        skip: str = typer.Option("", help="Frog modules to skip, e.g. 'p' for no dependency parse"),
        parse_filter: bool = typer.Option(False, "--parse-filter/--parse-all",
                                          help="Dependency-parse only sentences with an event predicate and an actor (faster)"),
        workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes, each with its own Frog (~2 GB each)"),
        cluster: Optional[str] = typer.Option(None, "--cluster", help="Dask scheduler address, or local:N for N local workers"),
        fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl (one file per layer) or parquet (dataset by article month)"),
        overwrite: bool = typer.Option(False, help="Replace an existing Parquet dataset in --out"),
        tokens: bool = typer.Option(True, help="Write sentences and tokens in articles.jsonl"),
        summary: bool = typer.Option(True, help="Print a summary table of the events found"),
        progress: Optional[bool] = typer.Option(None, help="Force the progress bar on or off"),
    ) -> None:
        """Read INPUTS, run the pipeline, write DIR. Exit 1 if some inputs failed."""
        from rich.console import Console
        from rich.markup import escape

        from ...scale.stats import RunStats
        try:
            from ...scale.cluster import ClusterError
        except ImportError:        # Dask not installed: --cluster cannot be used anyway
            ClusterError = RuntimeError
        if fmt not in ("jsonl", "parquet"):
            err_console.print(f"[red]error[/red] --format must be jsonl or parquet, not {escape(fmt)}")
            raise typer.Exit(2)
        names = [s.strip() for s in stages.split(",")] if stages else list(DEFAULT_PIPELINE)
        check_run(names, cluster)
        config = frog_config(skip, parse_filter)
        stats = RunStats()
        started = time.monotonic()
        done: list[Article] = []
        total = count_inputs(inputs)
        try:
            _run(inputs, out, names, config, workers, cluster, fmt, overwrite, tokens, summary, progress,
                 total, stats, done)
        except ClusterError as exc:
            err_console.print(f"[red]error[/red] {escape(str(exc))}", soft_wrap=True)
            raise typer.Exit(2)
        stats.seconds = time.monotonic() - started
        if summary and done and len(done) <= SUMMARY_MAX_ARTICLES:
            print_summary(done, stats.failed, stats.seconds)
        Console(stderr=True).print(stats.summary(), highlight=False, markup=False, soft_wrap=True)
        if stats.failed:
            raise typer.Exit(1)


def _run(inputs, out, names, config, workers, cluster, fmt, overwrite, tokens, summary, progress, total, stats,
         done) -> None:
    """Write the output as JSON Lines or as a Parquet dataset, with the progress bar."""
    from rich.markup import escape
    if fmt == "parquet":
        from ...scale.runner import write_dataset
        try:
            with article_progress(total, progress) as advance:
                for err in write_dataset(inputs, str(out), names, config, workers=workers, cluster=cluster,
                                         stats=stats, with_tokens=tokens, overwrite=overwrite,
                                         progress=advance):
                    err_console.print(f"[red]error[/red] {escape(str(err))}", soft_wrap=True)
        except FileExistsError as exc:
            err_console.print(f"[red]error[/red] {escape(str(exc))}")
            raise typer.Exit(2)
    else:
        from ...output.jsonl import OutputFolder
        try:
            with OutputFolder(out, with_tokens=tokens) as sink, article_progress(total, progress) as advance:
                seen = 0
                for item in process_inputs(inputs, names, config=config, workers=workers, cluster=cluster,
                                           stats=stats):
                    sink.write(item)
                    # skipped and failed inputs move the bar too, so that it ends at its total
                    advance(stats.consumed() - seen)
                    seen = stats.consumed()
                    if isinstance(item, InputError):
                        err_console.print(f"[red]error[/red] {escape(str(item))}", soft_wrap=True)
                    elif summary and len(done) <= SUMMARY_MAX_ARTICLES:
                        done.append(item)
        except OSError as exc:  # disk full, output folder gone: say so, not a traceback
            err_console.print(f"[red]error[/red] {escape(write_failure(out, exc))}", soft_wrap=True)
            raise typer.Exit(2)


def write_failure(out: Path, exc: OSError) -> str:
    """What to tell the user when writing the output failed: "disk full" only when it is."""
    import errno
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return (f"cannot write the output in {out}: the disk is full ({exc}). The files there are "
                f"incomplete (the last line may be cut); run again when there is room")
    reason = exc.strerror or str(exc)
    if exc.filename and Path(out).resolve() not in Path(exc.filename).resolve().parents:
        return f"{exc.filename}: {reason}"      # a file read along the way, not the output
    name = f" {exc.filename}:" if exc.filename else ""
    return f"cannot write the output in {out}:{name} {reason}; the files there are incomplete"
