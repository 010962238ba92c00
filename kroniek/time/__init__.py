"""Time: Dutch time expressions, TIMEX3 values and day intervals under an uncertain document date.

Public API (pure functions):

    from kroniek.time import tag_text
    timexes = tag_text(text, DocDate.parse("2025-03"))            # raw text
    timexes = tag_text(article.text, article.date, article.tokens, article.sentences)  # with Frog

Each `kroniek.records.Timex` has exact `start`/`end`, TIMEX3 `type`/`value`/`mod`, and for
DATE/TIME the day interval `earliest`..`latest` it can refer to, carrying the
uncertainty of the document date. Interval helpers for dating events from tense are in
`kroniek.time.intervals` (shift, before, after, by_tense, ...).

For dating an event from its clause when no time expression governs it:

    from kroniek.time import clause_tense, tense_interval
    clause_tense(article, start, end)      # "past" | "present" | "future" (Frog tokens if present)
    tense_interval(article, start, end)    # Interval: on/before the document date for past tense,
                                           # the document date for present, on/after for future

Modules: lexicon.yaml / holidays.tsv / tense_words.yaml (the Dutch vocabulary),
lexicon.py (loading, number words), grammar.py (the rules), resolve.py (normalization),
tense.py (clause tense), tagger.py (matching and combining), component.py (pipeline).
"""
from .intervals import Interval, by_tense, doc_interval
from .tagger import tag_text  # noqa: F401
from .tense import clause_tense  # noqa: F401


def tense_interval(article, start: int, end: int) -> Interval:
    """The day interval a clause's tense allows, given the document date (open-ended for
    past and future; see intervals.before / intervals.after for a bounded horizon)."""
    return by_tense(doc_interval(article.date), clause_tense(article, start, end))
