"""Time: Dutch time expressions, TIMEX3 values and day intervals under an uncertain document date.

Public API (pure functions):

    from kroniek.time import tag_text
    timexes = tag_text(text, DocDate.parse("2025-03"))            # raw text
    timexes = tag_text(article.text, article.date, article.tokens, article.sentences)  # with Frog

Each `kroniek.records.Timex` has exact `start`/`end`, TIMEX3 `type`/`value`/`mod`, and for
DATE/TIME the day interval `earliest`..`latest` it can refer to, carrying the
uncertainty of the document date. Interval helpers for dating events from tense are in
`kroniek.time.intervals` (shift, before, after, by_tense, ...).

Modules: lexicon.yaml / holidays.tsv / tense_words.yaml (the Dutch vocabulary),
lexicon.py (loading, number words), grammar.py (the rules), resolve.py (normalization),
tense.py (clause tense), tagger.py (matching and combining), component.py (pipeline).
"""
from .tagger import tag_text  # noqa: F401
