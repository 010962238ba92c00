"""A Rich progress bar with articles/s and ETA, shown on a terminal for more than a few articles."""
from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Iterator, Optional

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TaskProgressColumn, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)

err_console = Console(stderr=True)


@contextmanager
def article_progress(total: Optional[int], enabled: bool | None = None) -> Iterator:
    """Yields `advance(n=1)`; draws a bar on a terminal when there are more than 3 articles."""
    if enabled is None:
        enabled = sys.stderr.isatty() and (total is None or total > 3)
    if not enabled:
        yield lambda n=1: None
        return
    with Progress(TextColumn("[bold]articles"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
                  TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"),
                  TimeRemainingColumn(), console=err_console, transient=False) as prog:
        task = prog.add_task("articles", total=total, rate="")

        def advance(n: int = 1) -> None:
            prog.advance(task, n)
            t = prog.tasks[0]
            if t.elapsed:
                prog.update(task, rate=f"{t.completed / t.elapsed:.1f}/s")
        yield advance
