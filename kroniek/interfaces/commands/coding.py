"""`kroniek code INPUT...`: the coded events of articles, as JSON Lines or readable lines,
with no store involved; `kroniek cameo CODE|WORD`: the codebook entry of a CAMEO code (name,
Goldstein, PLOVER, QuadClass) or the lexicon entries that code a Dutch verb or noun.

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
    def code(
        inputs: List[str] = typer.Argument(..., help="Articles (.txt, .jsonl, folders), or articles.jsonl with --analysed"),
        analysed: bool = typer.Option(False, "--analysed", help="Inputs are articles.jsonl from `kroniek extract` (with tokens)"),
        text: bool = typer.Option(False, "--text", help="One readable line per event instead of JSON Lines"),
        all_modes: bool = typer.Option(True, "--all-modes/--asserted-only",
                                       help="Also negated, hypothetical and counterfactual events"),
    ) -> None:
        """Code the events of INPUTS (CAMEO, PLOVER, Goldstein, mode, date, place, evidence). Exit 1 if some inputs failed."""
        from ...pipeline import Pipeline
        from ...records import InputError
        problems: list[str] = []
        names = ["timex", "actors", "events", "quotes"]
        if not analysed:
            names = ["frog"] + names
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
                if item.meta.get("events_error"):
                    problems.append(f"{item.origin or item.id}: event coder: {item.meta['events_error']}")
                for e in item.events:
                    if not all_modes and e.mode != "asserted":
                        continue
                    if text:
                        tgt = f"{e.target.text} [{e.target.code}]" if e.target else "-"
                        out.write(f"{item.id}\t{e.id}\t{e.cameo} {e.plover or ''}\t{e.mode}\t{e.earliest}..{e.latest}\t"
                                  f"{e.source.text} [{e.source.code}] -> {tgt}\t{e.evidence[0].text}\n")
                    else:
                        out.write(json.dumps(e.to_json(item.id), ensure_ascii=False) + "\n")
        out.flush()
        for p in problems:
            typer.echo(f"error: {p}", err=True)
        if problems:
            raise typer.Exit(1)

    @app.command()
    def cameo(what: str = typer.Argument(..., help="A CAMEO code (072) or a Dutch verb/noun lemma (leveren, inval)")) -> None:
        """Look up a CAMEO code in the codebook, or the lexicon entries for a Dutch word."""
        from ...events import codebook
        from ...events.lexicon import load
        if what.isdigit():
            if not codebook.is_code(what):
                typer.echo(f"error: {what} is not a CAMEO code in the codebook", err=True)
                raise typer.Exit(1)
            typer.echo(f"{what}\t{codebook.cameo_name(what)}\tGoldstein {codebook.goldstein(what)}\t"
                       f"PLOVER {codebook.plover(what)}\tQuadClass {codebook.quadclass(what)}")
            return
        lex = load()
        entries = lex.verbs.get(what.lower(), []) + lex.noun_entries(what)
        if not entries:
            typer.echo(f"no lexicon entry for {what!r}", err=True)
            raise typer.Exit(1)
        for e in entries:
            with_ = " | ".join(" ".join(p) for p in e.with_all + e.with_any)
            typer.echo(f"{e.name}\t{e.code} {codebook.cameo_name(e.code)}\twith: {with_ or '-'}\ttarget: {', '.join(e.target) or '-'}")
            for rule in e.objects:
                typer.echo(f"    objects {' | '.join(' '.join(p) for p in rule.patterns)} -> {rule.code}")
