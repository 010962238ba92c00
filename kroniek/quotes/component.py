"""The `quotes` pipeline component: direct quotes and reported speech with their speakers,
linked to the events coded inside them. Runs after `actors` and `events`."""
from __future__ import annotations

from ..pipeline import component
from ..records import Article
from .engine import extract_quotes
from .lexicon import CueLexicon, default_lexicon, load_lexicon
from .linking import link_events


class QuoteFinder:
    def __init__(self, lexicon: CueLexicon):
        self.lexicon = lexicon

    def __call__(self, article: Article) -> Article:
        article.quotes = extract_quotes(article, self.lexicon) if article.tokens else []
        link_events(article.events, article.quotes)
        return article


@component("quotes")
def make_quotes(cues: str | None = None) -> QuoteFinder:
    """`cues`: path of an alternative attribution lexicon (default: kroniek/quotes/cues.yaml)."""
    return QuoteFinder(load_lexicon(cues) if cues else default_lexicon())
