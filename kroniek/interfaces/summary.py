"""A readable summary of what a run found: a timeline table of the events, per article."""
from __future__ import annotations

import sys

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..records import Article


def _actor(a) -> str:
    if a is None:
        return "—"
    return f"{escape(a.text)} [dim]({escape(a.code or '?')})[/dim]"


def print_summary(articles: list[Article], errors: int, seconds: float, console: Console | None = None) -> None:
    # Not on a terminal, Rich assumes 80 columns, too narrow for a timeline: allow a wide table.
    console = console or Console(width=None if sys.stdout.isatty() else 160)
    events = sorted(((e, a) for a in articles for e in a.events), key=lambda p: (p[0].earliest or "", p[1].id))
    table = Table(title="kroniek: events found", show_lines=False, expand=False)
    for col in ("date", "source", "CAMEO", "target", "mode", "evidence"):
        table.add_column(col, overflow="fold")
    for e, a in events:
        date = e.earliest if e.earliest == e.latest else f"{e.earliest}..{e.latest}"
        ev = e.evidence[0].text if e.evidence else e.sentence
        table.add_row(date or "?", _actor(e.source), escape(f"{e.cameo} {e.plover or ''}".strip()), _actor(e.target),
                      e.mode, escape((ev[:90] + "…") if len(ev) > 90 else ev))  # article text is not markup
    if events:
        console.print(table)
    tokens = sum(len(a.tokens) for a in articles)
    console.print(f"[bold]{len(articles)}[/bold] articles, {tokens} tokens, "
                  f"{sum(len(a.timexes) for a in articles)} time expressions, "
                  f"{sum(len(a.actors) for a in articles)} actor mentions, {len(events)} events, "
                  f"{sum(len(a.quotes) for a in articles)} quotes, {errors} errors in {seconds:.1f} s")
