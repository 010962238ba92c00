"""`kroniek extract INPUT... --out DIR`: run the pipeline and write one JSON Lines file per layer."""
from __future__ import annotations

import time
from pathlib import Path
from typing import List, Optional

import typer
from rich.markup import escape

from ...pipeline import DEFAULT_PIPELINE
from ...scale.runner import process_inputs
from ...records import Article, InputError
from ..progress import article_progress, err_console
from ..summary import print_summary


def count_inputs(inputs: list[str]) -> int | None:
    """How many articles to expect (for the progress bar); None when it is costly to know."""
    from ...reading.sources import expand_inputs
    n = 0
    for item in expand_inputs(inputs):
        if isinstance(item, InputError):
            continue
        if item.suffix == ".txt":
            n += 1
        else:
            return None
    return n


def register(app: typer.Typer) -> None:
    @app.command()
    def extract(
        inputs: List[str] = typer.Argument(..., help="Files or folders: .txt (date header), .jsonl, and the web formats"),
        out: Path = typer.Option(..., "--out", "-o", help="Folder for articles/events/timex/quotes/actors/errors .jsonl"),
        stages: Optional[str] = typer.Option(None, help=f"Comma-separated pipeline components (default: {','.join(DEFAULT_PIPELINE)})"),
        skip: str = typer.Option("", help="Frog modules to skip, e.g. 'p' for no dependency parse"),
        tokens: bool = typer.Option(True, help="Write sentences and tokens in articles.jsonl"),
        summary: bool = typer.Option(True, help="Print a summary table of the events found"),
        progress: Optional[bool] = typer.Option(None, help="Force the progress bar on or off"),
    ) -> None:
        """Read INPUTS, run the pipeline, write DIR/*.jsonl. Exit 1 if some inputs failed."""
        from ...output.jsonl import OutputFolder
        names = [s.strip() for s in stages.split(",")] if stages else list(DEFAULT_PIPELINE)
        started = time.monotonic()
        done: list[Article] = []
        errors = 0
        total = count_inputs(inputs)
        with OutputFolder(out, with_tokens=tokens) as sink, article_progress(total, progress) as advance:
            for item in process_inputs(inputs, names, config={"frog": {"skip": skip}}):
                sink.write(item)
                if isinstance(item, InputError):
                    errors += 1
                    # escaped: a reason quoting the input ("[/red] ...") is not console markup;
                    # soft_wrap: one line per error, whatever the terminal width, for grep
                    err_console.print(f"[red]error[/red] {escape(str(item))}", soft_wrap=True)
                else:
                    done.append(item)
                    advance()
        if summary:
            print_summary(done, errors, time.monotonic() - started)
        if errors:
            raise typer.Exit(1)
