"""Pipeline component "timex": fills `article.timexes` (see tagger.tag_text)."""
from __future__ import annotations

from ..pipeline import component
from ..records import Article
from .tagger import tag_text


@component("timex")
def make_timex_component(**config):
    def run(article: Article) -> Article:
        article.timexes = tag_text(article.text, article.date, article.tokens or None, article.sentences or None)
        return article
    return run
