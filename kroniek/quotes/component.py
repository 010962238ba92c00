"""The `quotes` pipeline component: direct quotes and reported speech with their speakers.
Runs after `actors` and before `events`, which reads this layer (first persons in a quote,
attribution) and links each quote to the events coded inside it."""
from __future__ import annotations

from ..pipeline import component
from ..records import Article
from .engine import extract_quotes
from .lexicon import CueLexicon, default_lexicon, load_lexicon


class QuoteFinder:
    def __init__(self, lexicon: CueLexicon):
        self.lexicon = lexicon

    def __call__(self, article: Article) -> Article:
        article.quotes = extract_quotes(article, self.lexicon) if article.tokens else []
        return article


@component("quotes")
def make_quotes(cues: str | None = None) -> QuoteFinder:
    """`cues`: path of an alternative attribution lexicon (default: kroniek/quotes/cues.yaml)."""
    return QuoteFinder(load_lexicon(cues) if cues else default_lexicon())
