"""`kroniek actors ...`: list the store's actors (`kroniek actors`, the store's `list`), look up and check the actor knowledge base, and resolve actors in
analysed articles.

    kroniek actors lookup Rutte --date 2021-06-01     who a name is, and its code on a date
    kroniek actors check                              validate the KB files (codes, dates, aliases)
    kroniek actors resolve articles.jsonl             actor mentions of analysed articles (JSON Lines)
"""
from __future__ import annotations

import json
import sys
from typing import List, Optional

import typer


def _load_kb():
    """The actor knowledge base, or exit 1 with the problem (file and line named)."""
    from ...actors.kb import KBError, load_kb
    try:
        return load_kb()
    except KBError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    actors = typer.Typer(help="The actors in the store (no subcommand, or `list`), the knowledge base and the resolver.")
    app.add_typer(actors, name="actors")

    @actors.callback(invoke_without_command=True)
    def default(ctx: typer.Context) -> None:
        """Without a subcommand: list the actors in the store (`kroniek actors list --help` for options)."""
        if ctx.invoked_subcommand is None:
            listing = ctx.command.get_command(ctx, "list")
            if listing is None:
                typer.echo(ctx.get_help())
                raise typer.Exit(0)
            with listing.make_context("list", [], parent=ctx) as sub:
                listing.invoke(sub)

    @actors.command()
    def lookup(name: str = typer.Argument(..., help="A name, short form, adjective or demonym"),
               date: Optional[str] = typer.Option(None, "--date", help="YYYY[-MM[-DD]]; default today")) -> None:
        """Show what NAME refers to in the knowledge base, and its CAMEO code on DATE."""
        from ...actors.kb import alias_key
        from ...actors.resolve import as_day
        kb = _load_kb()
        day = as_day(date)
        key = alias_key(name)
        entries = kb.aliases.get(key, [])
        role = kb.roles.get(key)
        if not entries and not role:
            typer.echo(f"{name!r}: not in the knowledge base")
            raise typer.Exit(1)
        for e in entries:
            ent = kb.entities[e.entity]
            code, office = kb.code_at(ent, day)
            typer.echo(f"{name!r} -> {ent.id} ({e.kind}): {ent.name}; on {day}: {code}"
                       + (f" as {office}" if office else ""))
            for o in ent.offices:
                typer.echo(f"    {o.code:10} {o.office:22} {o.start} .. {o.end or ''}")
        if role:
            typer.echo(f"{name!r}: role noun, CAMEO agent {role.role}" + (f", office {role.office}" if role.office else ""))

    @actors.command()
    def check() -> None:
        """Load and validate the knowledge base; exit 1 on a problem (file and line named)."""
        kb = _load_kb()
        shared = [" ".join(k) for k, v in kb.aliases.items() if len({e.entity for e in v}) > 1 and k not in kb.ambiguous]
        kinds: dict[str, int] = {}
        for e in kb.entities.values():
            kinds[e.kind] = kinds.get(e.kind, 0) + 1
        typer.echo(", ".join(f"{k}: {n}" for k, n in sorted(kinds.items()))
                   + f"; aliases: {len(kb.aliases)}; role nouns: {len(kb.roles)}")
        if shared:
            typer.echo(f"error: aliases shared without a rule in ambiguous.yaml: {', '.join(shared)}", err=True)
            raise typer.Exit(1)

    @actors.command()
    def resolve(inputs: List[str] = typer.Argument(..., help="articles.jsonl files written by `kroniek extract`"),
                date: Optional[str] = typer.Option(None, "--date", help="code people by their offices on this date")) -> None:
        """Write the actor mentions of analysed articles as JSON Lines (no Frog needed)."""
        from ...actors.resolve import resolve_article
        from ...reading.jsonl import read_analysed
        from ...records import InputError
        errors = 0
        for a in read_analysed(inputs):
            if isinstance(a, InputError):
                errors += 1
                typer.echo(f"error: {a}", err=True)
                continue
            for m in resolve_article(a, date):
                sys.stdout.write(json.dumps(m.to_json(a.id), ensure_ascii=False) + "\n")
        if errors:
            raise typer.Exit(1)
