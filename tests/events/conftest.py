"""The event coder's test helper: real Frog analysis (once per session), then the real time,
actor and event stages on a fresh copy of the layers."""
from __future__ import annotations

from kroniek.pipeline import get_factory


def make_coder(analysed, default_date: str):
    """coded(text, date=default_date) -> the Article with time expressions, actors and events."""
    stages = [get_factory(name)() for name in ("timex", "actors", "quotes", "events")]

    def run(text: str, date: str = default_date):
        a = analysed(text, date)
        a.timexes, a.actors, a.events = [], [], []
        for st in stages:
            a = st(a)
        return a
    return run
