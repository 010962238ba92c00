"""Actors: a Dutch actor knowledge base and resolver with CAMEO actor codes and offices
over time.

- `kroniek.actors.kb`: the knowledge base (data files in `data/`: countries, Dutch names,
  adjectives, demonyms, capitals, metonyms, regions, IGOs, organisations, parties, role
  nouns, people with dated offices, declared ambiguities); `load_kb()`, `KnowledgeBase.code_at`,
  `KnowledgeBase.holders`. `kroniek actors check` validates the files.
- `kroniek.actors.resolve`: the resolver and the API the other stages call:
  `resolve_article(article, date=None)`, `mentions_in(article, first_tok, last_tok)`,
  `actor_for_span(article, first_tok, last_tok, date=None)`, `code_for(entity_id, date)`.
- `kroniek.actors.component`: the `actors` pipeline component (fills `article.actors`).
- `kroniek.actors.build.make_countries`: regenerates `data/countries.tsv` (offline data only).
"""
