"""Shared by the commands that print one layer of some articles on standard output
(`kroniek quotes`, `kroniek code`, `kroniek timex`, `kroniek actors resolve`): the inputs read
as articles, or as analysed articles from `kroniek extract` (`--analysed`, no Frog), run
through some pipeline stages, and every failed input reported at the end with exit code 1.
"""
from __future__ import annotations

import sys
from typing import Iterable, Iterator, Sequence

import typer

from ..records import Article, InputError


def article_inputs(inputs: Iterable[str], analysed: bool) -> Iterator[Article | InputError]:
    """Articles of .txt/.jsonl files and folders, or with `analysed` the analysed articles of
    articles.jsonl files (tokens included)."""
    if analysed:
        from ..reading.jsonl import read_analysed
        return read_analysed(inputs)
    from ..reading.sources import iter_articles
    return iter_articles(inputs)


def processed_articles(inputs: Iterable[str], stages: Sequence[str], analysed: bool,
                       problems: list[str]) -> Iterator[Article]:
    """The articles of `inputs` after Frog (unless `analysed`) and `stages`; an input or article
    that fails is added to `problems` as a message naming file and line, the rest go on."""
    from ..pipeline import Pipeline
    from .preflight import check_run
    names = list(stages) if analysed else ["frog", *stages]
    check_run(names)
    with Pipeline(names) as pipe:
        for item in pipe.process(article_inputs(inputs, analysed)):
            if isinstance(item, InputError):
                problems.append(str(item))
                continue
            yield item


def exit_on_problems(problems: Sequence[str]) -> None:
    """Standard output flushed, then one `error:` line per problem on standard error; exit 1
    if there was any."""
    sys.stdout.flush()
    for p in problems:
        typer.echo(f"error: {p}", err=True)
    if problems:
        raise typer.Exit(1)
