"""Pipeline component "events": fills `article.events` with coded CAMEO/PLOVER events."""
from __future__ import annotations

from ..pipeline import component
from ..records import Article
from .engine import EventCoder


@component("events")
def make_event_coder(**config):
    coder = EventCoder()

    def run(article: Article) -> Article:
        article.events = coder(article)
        return article
    return run
