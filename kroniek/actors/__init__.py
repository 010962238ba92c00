"""Actors: a Dutch actor knowledge base (data/) and resolver with CAMEO actor codes and
offices over time. See `kroniek.actors.resolve` for the API the other stages call
(`actor_for_span`, `mentions_in`, `resolve_article`) and `kroniek.actors.kb` for the
knowledge-base files."""
