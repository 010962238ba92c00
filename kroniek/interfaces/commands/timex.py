"""`kroniek timex INPUT...`: only the time expressions, as JSON Lines on standard output.

Fast: it does not start Frog; tense is read from the raw text. With `--analysed`, the
inputs are articles.jsonl files written by `kroniek extract` (Frog tokens included), and
the tagger uses the tokens for sentence indices and clause tense.
"""
from __future__ import annotations

import json
import sys
from typing import List

import typer


def register(app: typer.Typer) -> None:
    @app.command()
    def timex(
        inputs: List[str] = typer.Argument(..., help="Files or folders (.txt with date header, .jsonl with id/date/text)"),
        analysed: bool = typer.Option(False, "--analysed", help="Inputs are articles.jsonl from `kroniek extract` (with tokens)"),
        vague: bool = typer.Option(True, help="Keep vague references (nu, eerder, binnenkort: PRESENT_REF/PAST_REF/FUTURE_REF)"),
    ) -> None:
        """Write the time expressions of INPUTS (TIMEX3 value, mod, day interval) as JSON Lines."""
        from ...records import InputError
        from ..batch import article_inputs
        from ...time import tag_text
        from ...time.tagger import VAGUE_VALUES
        out = sys.stdout
        errors = 0

        def emit(a):
            for t in tag_text(a.text, a.date, a.tokens or None, a.sentences or None):
                if not vague and t.value in VAGUE_VALUES:
                    continue
                out.write(json.dumps(t.to_json(a.id), ensure_ascii=False) + "\n")

        for item in article_inputs(inputs, analysed):
            if isinstance(item, InputError):
                errors += 1
                typer.echo(f"error: {item}", err=True)
                continue
            emit(item)
        out.flush()
        if errors:
            raise typer.Exit(1)
