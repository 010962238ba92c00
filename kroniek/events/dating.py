"""When an event happened, as an interval of days (pure functions over Timex records).

Order of evidence: a time expression in the event's own clause; else one elsewhere in the
sentence that no other event claims; else the discourse (a past-tense event in a paragraph
whose earlier event was dated by an expression keeps that date); else the document date
and the tense: past and perfect events end at the document date, future ones start there.
"""
from __future__ import annotations

import datetime as dt
from typing import Optional, Sequence

from ..records import DocDate, Timex

DATED_TYPES = ("DATE", "TIME")


def usable(tx: Timex) -> bool:
    return tx.type in DATED_TYPES and bool(tx.earliest) and bool(tx.latest)


def timex_in_span(timexes: Sequence[Timex], start: int, end: int) -> Optional[Timex]:
    """The dated time expression inside [start, end) (character offsets); the first one if several."""
    inside = [t for t in timexes if usable(t) and start <= t.start and t.end <= end]
    return inside[0] if inside else None


def from_document(date: DocDate, tense: str, mode: str) -> tuple[str, str]:
    """The day interval the document date allows for an undated event.

    A month-dated document gives the month whatever the tense. A day-dated one: past and
    perfect → the three days up to the document date (news reports what just happened);
    present → the document day; future / intended → the week from the document day."""
    if date.precision != "day":
        return date.earliest.isoformat(), date.latest.isoformat()
    d = date.earliest
    if mode == "intended" or tense == "future":
        return d.isoformat(), (d + dt.timedelta(days=7)).isoformat()
    if tense == "past":
        return (d - dt.timedelta(days=3)).isoformat(), d.isoformat()
    return d.isoformat(), d.isoformat()

