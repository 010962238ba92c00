"""`kroniek quotes INPUT...`: who said what. Quotes and reported speech with their speakers
(and the events coded inside them), as JSON Lines or as readable lines on standard output.

Without `--analysed` the inputs are articles (.txt with a date header, .jsonl with
id/date/text, folders) and one Frog analyses them; with `--analysed` they are articles.jsonl
files written by `kroniek extract` (tokens included) and Frog is not started.
"""
from __future__ import annotations

import json
import sys
from typing import List

import typer


def register(app: typer.Typer) -> None:
    @app.command()
    def quotes(
        inputs: List[str] = typer.Argument(..., help="Articles (.txt, .jsonl, folders), or articles.jsonl with --analysed"),
        analysed: bool = typer.Option(False, "--analysed", help="Inputs are articles.jsonl from `kroniek extract` (with tokens)"),
        direct_only: bool = typer.Option(False, "--direct-only", help="Leave out reported speech (direct: false)"),
        text: bool = typer.Option(False, "--text", help="One readable line per quote instead of JSON Lines"),
    ) -> None:
        """Write the quotes of INPUTS with speaker, cue and the events inside. Exit 1 if some inputs failed."""
        from ..batch import exit_on_problems, processed_articles
        problems: list[str] = []
        out = sys.stdout
        for item in processed_articles(inputs, ["actors", "quotes", "events"], analysed, problems):
            for q in item.quotes:
                if direct_only and not q.direct:
                    continue
                if text:
                    who = (q.speaker.person or q.speaker.text) if q.speaker else "?"
                    mark = f'"{q.quote}"' if q.direct else f"({q.quote})"
                    out.write(f"{item.id}\t{who}: {mark}\n")
                else:
                    out.write(json.dumps(q.to_json(item.id), ensure_ascii=False) + "\n")
        exit_on_problems(problems)
