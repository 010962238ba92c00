"""`kroniek quotes INPUT...`: who said what. Quotes and reported speech with their speakers
(and the events coded inside them), as JSON Lines or as readable lines on standard output.

Without `--analysed` the inputs are articles (.txt with a date header, .jsonl with
id/date/text, folders) and one Frog analyses them; with `--analysed` they are articles.jsonl
files written by `kroniek extract` (tokens included) and Frog is not started.
"""
from __future__ import annotations

import json
import sys
from typing import Iterator, List

import typer


def _analysed_articles(paths: list[str], problems: list[str]) -> Iterator:
    from ...records import article_from_json
    for path in paths:
        try:
            fh = open(path, encoding="utf-8")
        except OSError as exc:
            problems.append(f"{path}: {exc.strerror or exc}")
            continue
        with fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    yield article_from_json(json.loads(line))
                except (ValueError, KeyError, TypeError) as exc:
                    problems.append(f"{path}:{n}: not an analysed article: {exc}")


def register(app: typer.Typer) -> None:
    @app.command()
    def quotes(
        inputs: List[str] = typer.Argument(..., help="Articles (.txt, .jsonl, folders), or articles.jsonl with --analysed"),
        analysed: bool = typer.Option(False, "--analysed", help="Inputs are articles.jsonl from `kroniek extract` (with tokens)"),
        direct_only: bool = typer.Option(False, "--direct-only", help="Leave out reported speech (direct: false)"),
        text: bool = typer.Option(False, "--text", help="One readable line per quote instead of JSON Lines"),
    ) -> None:
        """Write the quotes of INPUTS with speaker, cue and the events inside. Exit 1 if some inputs failed."""
        from ...pipeline import Pipeline
        from ...records import InputError
        problems: list[str] = []
        names = ["actors", "events", "quotes"] if analysed else ["frog", "actors", "events", "quotes"]
        out = sys.stdout
        with Pipeline(names) as pipe:
            if analysed:
                items = _analysed_articles(inputs, problems)
            else:
                from ...reading.sources import iter_articles
                items = iter_articles(inputs)
            for item in pipe.process(items):
                if isinstance(item, InputError):
                    problems.append(str(item))
                    continue
                for q in item.quotes:
                    if direct_only and not q.direct:
                        continue
                    if text:
                        who = (q.speaker.person or q.speaker.text) if q.speaker else "?"
                        mark = f'"{q.quote}"' if q.direct else f"({q.quote})"
                        out.write(f"{item.id}\t{who}: {mark}\n")
                    else:
                        out.write(json.dumps(q.to_json(item.id), ensure_ascii=False) + "\n")
        out.flush()
        for p in problems:
            typer.echo(f"error: {p}", err=True)
        if problems:
            raise typer.Exit(1)
