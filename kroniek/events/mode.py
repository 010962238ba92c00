"""The mode of an event: asserted, intended, hypothetical, negated or counterfactual.

Read from the clause of the trigger and the clauses that govern it (a `dat`-clause under
`beloven`, an `om te`-infinitive under `besluiten`), with the cue words in lexicon/modes.yaml.
Precedence: negated > counterfactual > hypothetical > intended > asserted.
"""
from __future__ import annotations

from typing import Optional, Sequence

from ..records import Article
from .clauses import Clause
from .lexicon import ClauseWords, Lexicon, find_pattern

PRECEDENCE = ("negated", "counterfactual", "hypothetical", "intended", "asserted")


def _words(article: Article, idx: Sequence[int]) -> ClauseWords:
    return ClauseWords((article.tokens[i].lemma.lower(), article.tokens[i].text.lower()) for i in idx)


def _has_phrase(phrases, words) -> bool:
    return any(find_pattern(p, words, max_gap=0) for p in phrases)


def negated(article: Article, idx: Sequence[int], lex: Lexicon, trigger: Optional[int] = None) -> bool:
    words = _words(article, idx)
    neg = lex.words("negation")
    if not any(t in neg for _, t in words):
        return False
    exceptions = lex.phrases("negation_exceptions")
    for k, (_, t) in enumerate(words):
        if t in neg:
            window = words[k:k + 4]
            if _has_phrase(exceptions, window):
                continue
            return True
    return False


def clause_mode(article: Article, clause: Clause, lex: Lexicon, next_text: str = "",
                ignore_negation: bool = False, trigger_lemma: str = "") -> str:
    """The mode a clause gives the event it carries (without its governing clauses)."""
    idx = clause.tokens
    words = _words(article, idx)
    low = [w for _, w in words]
    if not ignore_negation and negated(article, idx, lex):
        return "negated"
    finite = article.tokens[clause.finite] if clause.finite is not None else None
    zou = any(w in ("zou", "zouden") for w in low)
    context = " ".join(low) + " " + next_text.lower()
    if (zou or _has_phrase(lex.phrases("counterfactual_frames"), words)) and \
            any(cue in context for cue in (" ".join(p) for p in lex.phrases("counterfactual_cues"))):
        return "counterfactual"
    if _has_phrase(lex.phrases("counterfactual_frames"), words) and any(w in ("had", "hadden") for w in low):
        return "counterfactual"
    hypo_exc = lex.phrases("hypothetical_exceptions")
    hypo_words = lex.words("hypothetical_words")
    if zou:
        return "hypothetical"
    for k, (_, w) in enumerate(words):
        t = article.tokens[idx[k]]
        if t.tag == "ADJ" and "prenom" in t.features:
            continue   # `doubt_on_a_noun`: "na de mogelijke vergiftiging" qualifies that noun, not the clause's event
        if w in hypo_words and not any(find_pattern(p, words[max(0, k - 3):k + 3], max_gap=0) for p in hypo_exc):
            return "hypothetical"
    if clause.kind == "sub" and clause.opener is not None and \
            article.tokens[clause.opener].text.lower() in lex.words("conditional_subordinators") and \
            not (article.tokens[clause.opener].text.lower() == "wanneer" and clause.finite is not None
                 and "verl" in article.tokens[clause.finite].features):   # "wanneer" + past = when
        return "hypothetical"
    verb_lemmas = [article.tokens[i].lemma.lower() for i in clause.verbs]
    hypo_verbs = lex.words("hypothetical_verbs")
    if finite is not None and finite.lemma.lower() in hypo_verbs and len(clause.verbs) > 1 \
            and not (finite.lemma.lower() in ("moeten", "kunnen") and "verl" in finite.features):
        # "moest toegeven", "kon … vatten": a past obligation or ability reports what was done
        return "hypothetical"
    if any(v == "overwegen" for v in verb_lemmas) and trigger_lemma != "overwegen":
        return "hypothetical"     # what is considered; considering itself (014) is asserted
    if finite is not None:
        lem = finite.lemma.lower()
        present = "tgw" in finite.features or clause.finite_repaired
        has_infinitive = any("inf" in article.tokens[i].features for i in clause.verbs if i != finite.i)
        if lem in ("gaan", "willen", "zullen") and has_infinitive and present:
            return "intended"
        if lem in lex.words("intention_verbs") and lem not in ("gaan", "willen", "zullen") and has_infinitive:
            return "intended"
    if any(find_pattern(p, words, max_gap=0) for p in lex.phrases("intention_words")) \
            and finite is not None and ("tgw" in finite.features or clause.finite_repaired):
        return "intended"
    return "asserted"


def combine(*modes: str) -> str:
    """The strongest of several modes (a negated plan is negated; an intended hypothesis hypothetical)."""
    for m in PRECEDENCE:
        if m in modes:
            return m
    return "asserted"


def tense(article: Article, clause: Clause) -> str:
    """past, present or future, from the finite verb and its auxiliaries."""
    fin = article.tokens[clause.finite] if clause.finite is not None else None
    if fin is None:
        # a participle without a finite verb ("hacker opgepakt", or an auxiliary Frog mistagged)
        # reports something done
        if any("vd" in article.tokens[i].features for i in clause.verbs):
            return "past"
        return "none"
    has_vd = any("vd" in article.tokens[i].features for i in clause.verbs)
    if clause.finite_repaired:
        return "present"
    if "verl" in fin.features:
        return "past"
    if fin.lemma in ("hebben", "zijn") and has_vd:
        return "past"
    if fin.lemma == "worden" and has_vd and "verl" in fin.features:
        return "past"
    if fin.lemma in ("zullen", "gaan") and any("inf" in article.tokens[i].features for i in clause.verbs):
        return "future"
    return "present"
