"""Pipeline component "events": fills `article.events` with coded CAMEO/PLOVER events.

A failure inside the coder must not cost the article its other layers (text, time
expressions, actors, quotes): the article goes on without events and the error is kept in
`article.meta["events_error"]` and logged with the article's file and line.
"""
from __future__ import annotations

import logging

from ..pipeline import component
from ..records import Article
from ..quotes.linking import link_events
from . import places
from .engine import EventCoder

log = logging.getLogger(__name__)


@component("events")
def make_event_coder(**config):
    coder = EventCoder()
    places.warm()    # GeoNames' cities load once at start-up, not inside the first article

    def run(article: Article) -> Article:
        try:
            article.events = coder(article)
            link_events(article.events, article.quotes)
        except Exception as exc:  # noqa: BLE001 - keep the article, report the failure
            where = f"{article.origin}:{article.line}" if article.line else (article.origin or article.id)
            log.error("event coder failed on %s (%s): %s: %s", article.id, where, type(exc).__name__, exc)
            article.events = []
            article.meta["events_error"] = f"{type(exc).__name__}: {exc}"
        return article
    return run
