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
from typing import List

import typer


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
        from ..batch import exit_on_problems, processed_articles
        problems: list[str] = []
        out = sys.stdout
        for item in processed_articles(inputs, ["timex", "actors", "quotes", "events"], analysed, problems):
            if item.meta.get("events_error"):
                problems.append(f"{item.origin or item.id}: event coder: {item.meta['events_error']}")
            for e in item.events:
                if not all_modes and e.mode != "asserted":
                    continue
                if text:
                    tgt = f"{e.target.text} [{e.target.code}]" if e.target else "-"
                    src = f"{e.source.text} [{e.source.code}]" if e.source else "-"
                    out.write(f"{item.id}\t{e.id}\t{e.cameo} {e.plover or ''}\t{e.mode}\t{e.earliest}..{e.latest}\t"
                              f"{src} -> {tgt}\t{e.evidence[0].text}\n")
                else:
                    out.write(json.dumps(e.to_json(item.id), ensure_ascii=False) + "\n")
        exit_on_problems(problems)

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
