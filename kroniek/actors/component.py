"""The `actors` pipeline component: fills `article.actors` with `ActorMention`s.

Each mention has `text`, `start`/`end` (into article.text), `tokens` (article token range
[first, last)), `sent`, `code` (CAMEO actor code: USA, USAGOV, RUSMIL, IGOUNO ...),
`country` (ISO alpha-3, or IGO), `role` (GOV, MIL ...), `person` (canonical name of a
known person, or the name as written for an unknown person with a role), `kind`
(country, adjective, demonym, metonym, igo, person, role, party, pronoun), `entity`
(knowledge-base id) and `chain` (same number for mentions of one actor in the article).
People are coded by their offices on the article's date. For other dates and for spans,
see `kroniek.actors.resolve` (`actor_for_span`, `mentions_in`).
"""
from __future__ import annotations

from ..pipeline import component
from ..records import Article
from .resolve import Resolver


class ActorResolver:
    def __init__(self) -> None:
        self.resolver = Resolver()

    def __call__(self, article: Article) -> Article:
        article.actors = self.resolver.resolve(article)
        return article


@component("actors")
def make_actors() -> ActorResolver:
    return ActorResolver()
