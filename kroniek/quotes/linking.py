"""Events ↔ quotes: an event coded inside a quote or reported speech is a claim of the
speaker; the quote lists the events it contains."""
from __future__ import annotations

from ..records import Event, Quote, Span


def _anchor(e: Event) -> Span | None:
    """The words that carry the event: its trigger, else its main evidence."""
    if e.trigger is not None:
        return e.trigger
    return e.evidence[0] if e.evidence else None


def _inside(q: Quote, a: Span) -> bool:
    pieces = [(p.start, p.end) for p in q.parts] or [(q.start, q.end)]
    return any(s <= a.start and a.end <= e for s, e in pieces)


def _is_cue(q: Quote, a: Span) -> bool:
    """The speech act itself ("zei", "liet weten") is the speaker's event, not a claim inside."""
    return q.cue is not None and a.start < q.cue.end and q.cue.start < a.end


def link_events(events: list[Event], quotes: list[Quote]) -> None:
    """Fill Quote.events and, where the event coder left it empty, Event.attributed_to.
    An event inside several quotes (a partial quote inside reported speech) belongs to the
    innermost one."""
    for q in quotes:
        q.events = []
    for n, e in enumerate(events):
        a = _anchor(e)
        if a is None:
            continue
        holders = [q for q in quotes if _inside(q, a) and not _is_cue(q, a)]
        if not holders:
            continue
        q = min(holders, key=lambda q: (q.end - q.start, not q.direct))
        if not e.id:
            continue
        for h in holders:
            if e.id not in h.events:
                h.events.append(e.id)
        if e.attributed_to is None and q.speaker is not None:
            e.attributed_to = q.speaker
