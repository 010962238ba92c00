"""Pipeline component "timex": fills `article.timexes` (see tagger.tag_text).

Config: `vague` (default True) keeps the vague references `nu`, `eerder`, `binnenkort`
(PRESENT_REF / PAST_REF / FUTURE_REF); set it False for only anchored expressions.
"""
from __future__ import annotations

from ..pipeline import component
from ..records import Article
from .tagger import VAGUE_VALUES, tag_text


@component("timex")
def make_timex_component(vague: bool = True, **config):
    def run(article: Article) -> Article:
        found = tag_text(article.text, article.date, article.tokens or None, article.sentences or None)
        if not vague:
            found = [t for t in found if t.value not in VAGUE_VALUES]
        article.timexes = found
        return article
    return run
