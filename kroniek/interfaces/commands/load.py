"""`kroniek load PARQUET_DIR --db STORE`: bring a Parquet dataset (from `extract --format parquet`,
typically written by a cluster) into a store."""
from __future__ import annotations

import time
from pathlib import Path

import typer

from ..progress import article_progress, err_console


def register(app: typer.Typer) -> None:
    @app.command()
    def load(
        dataset: Path = typer.Argument(..., help="A Parquet dataset folder written by `kroniek extract --format parquet`"),
        db: str = typer.Option("kroniek.duckdb", "--db", help="The store file (DuckDB)", envvar="KRONIEK_DB"),
        batch: int = typer.Option(200, help="Articles per store transaction"),
        replace: bool = typer.Option(False, help="Replace stored articles even when unchanged"),
        progress: bool = typer.Option(None, help="Force the progress bar on or off"),
    ) -> None:
        """Load every article of DATASET, with its events, time expressions, quotes and actors,
        into the store. Idempotent: unchanged articles (same id and content hash) are left alone;
        an article written twice by two shards is loaded once."""
        from rich.console import Console
        from rich.markup import escape

        from ...scale.parquet import iter_dataset_articles
        from ...store import IngestResult, Store, StoreError
        started = time.monotonic()
        result = IngestResult()
        try:
            articles = iter_dataset_articles(dataset)
            with Store(db) as store, article_progress(None, progress) as advance:
                pending = []
                for a in articles:
                    pending.append(a)
                    if len(pending) >= batch:
                        result.merge(store.ingest(pending, replace=replace))
                        advance(len(pending))
                        pending = []
                if pending:
                    result.merge(store.ingest(pending, replace=replace))
                    advance(len(pending))
                counts = store.counts()
        except (FileNotFoundError, StoreError) as exc:
            err_console.print(f"[red]error[/red] {escape(str(exc))}", soft_wrap=True)
            raise typer.Exit(2)
        Console(stderr=True).print(
            f"[bold]{escape(db)}[/bold]: {len(result.added)} added, {len(result.replaced)} replaced, "
            f"{len(result.unchanged)} unchanged in {time.monotonic() - started:.1f} s; store holds "
            f"{counts['articles']} articles, {counts['events']} events")
