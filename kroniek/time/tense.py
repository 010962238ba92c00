"""The tense of the clause a time expression sits in: "past", "present" or "future".

With Frog tokens (pipeline mode) the tense comes from the finite verb the expression
depends on (following the dependency heads), else from the finite verb nearest to it.
On raw text (the fast `kroniek timex` command) it comes from the nearest tense marker in
the sentence: auxiliaries, irregular past forms and perfect tenses (tense_words.yaml).
"""
from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Optional, Sequence

import yaml

from ..records import Token

HERE = Path(__file__).resolve().parent


@functools.lru_cache(maxsize=1)
def words() -> dict[str, set[str]]:
    with open(HERE / "tense_words.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return {k: set(v) for k, v in data.items()}


def clause_tense(article, start: int, end: int) -> str:
    """Tense ("past", "present", "future") of the clause around `article.text[start:end]`:
    from Frog tokens when the article has them, else from the raw text."""
    if article.tokens and article.sentences:
        s = article.sentence_at(start)
        if s is not None:
            return tense_from_tokens(article.tokens, article.tokens[s.first_token:s.last_token], start, end, article.text)
    return tense_from_text(article.text, start, end)


def tense_of_verb(tok: Token, sentence: Sequence[Token]) -> Optional[str]:
    if not tok.pos.startswith("WW(pv"):
        return None
    feats = tok.features
    if "verl" in feats:
        return "past"
    lemma = tok.lemma.lower()
    if lemma == "zullen":
        return "future"
    has_vd = any(t.pos.startswith("WW(vd") for t in sentence)
    has_inf = any(t.pos.startswith("WW(inf") for t in sentence)
    if lemma in ("hebben", "zijn") and has_vd:
        return "past"
    # Frog reads some participles as adjectives ("heeft ... bekend"); with hebben they are verbs
    if lemma == "hebben" and any(t.text.lower() in words()["hebben_participles"] for t in sentence):
        return "past"
    if lemma == "gaan" and has_inf:
        return "future"
    return "present"


def tense_from_tokens(tokens: Sequence[Token], sentence: Sequence[Token], start: int, end: int,
                      text: Optional[str] = None) -> str:
    """`tokens`: all article tokens (heads index them); `sentence`: the sentence's tokens.

    Order of evidence: a finite verb in the expression's own clause (nearest first); the
    finite verb up the dependency tree; the nearest finite verb of the sentence; a
    participle without a finite verb (headline perfect: "Minister ... overeengekomen").
    Where all that says present, a past or future marker in the clause (raw text) wins."""
    if not sentence:
        return "present"
    tense = _tense_from_tokens(tokens, sentence, start, end)
    if tense == "present" and text is not None:
        raw = tense_from_text(text, start, end, clause_only=True)
        if raw in ("past", "future"):
            return raw
    return tense


def _tense_from_tokens(tokens: Sequence[Token], sentence: Sequence[Token], start: int, end: int) -> str:
    if sentence:
        ca, cb = clause_bounds_tokens(sentence, start)
        clause = [t for t in sentence if ca <= t.start < cb]
        in_clause = [t for t in clause if t.pos.startswith("WW(pv") and not (start <= t.start < end)]
        if in_clause:
            nearest = min(in_clause, key=lambda t: abs(t.start - start))
            return tense_of_verb(nearest, clause) or "present"
    inside = [t for t in sentence if t.start >= start and t.end <= end] or \
             [min(sentence, key=lambda t: abs(t.start - start))]
    by_i = {t.i: t for t in tokens} if tokens and tokens[0].i != 0 else None
    seen = set()
    cur = inside[0]
    while cur is not None and cur.i not in seen:       # up the dependency tree
        seen.add(cur.i)
        t = tense_of_verb(cur, sentence)
        if t:
            return t
        if cur.head is None:
            break
        cur = by_i.get(cur.head) if by_i is not None else (tokens[cur.head] if 0 <= cur.head < len(tokens) else None)
    verbs = [t for t in sentence if t.pos.startswith("WW(pv")]
    if not verbs:
        return "past" if any(t.pos.startswith("WW(vd") for t in sentence) else "present"
    nearest = min(verbs, key=lambda t: abs(t.start - start))
    return tense_of_verb(nearest, sentence) or "present"


SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“‘(]?[A-Z0-9À-Ý])|\n\s*\n|\n")
WORD = re.compile(r"[\wÀ-ÿ]+(?:['’][\w]+)?")


def sentence_bounds(text: str, start: int) -> tuple[int, int]:
    a = 0
    for m in SENTENCE_END.finditer(text, 0, start):
        a = m.end()
    m = SENTENCE_END.search(text, start)
    return a, (m.start() if m else len(text))


CLAUSE_BREAK = re.compile(r"[,;:()]|\s(?:dat|die|waar|waarin|waarmee|omdat|toen|nadat|voordat|zodat|terwijl|maar|wanneer|als|hoewel|nu|zodra)\s", re.I)
DETERMINERS = {"de", "het", "een", "deze", "die", "dit", "dat", "zijn", "haar", "hun", "onze", "mijn", "jouw",
               "uw", "hetzelfde", "dezelfde", "elke", "iedere", "alle", "veel", "vele", "meer", "twee", "drie"}


def clause_bounds(text: str, a: int, b: int, start: int) -> tuple[int, int]:
    ca, cb = a, b
    for m in CLAUSE_BREAK.finditer(text, a, b):
        if m.end() <= start:
            ca = m.start()
        elif m.start() >= start:
            cb = m.start()
            break
    return ca, cb


def marker_tense(t: str, prev: str, w: dict, perfect: bool, clause_words: frozenset = frozenset()) -> Optional[str]:
    if t in w["future"]:
        return "future"
    if t in w["past"]:
        return "past"
    if t in w["perfect_aux"]:
        return "past" if perfect or (t in ("heeft", "hebben", "heb", "hebt") and w["hebben_participles"] & clause_words) else "present"
    if t in w["present"]:
        return "present"
    if len(t) >= 6 and (re.fullmatch(r"\w+[^aeiou](?:de|te)", t) or re.fullmatch(r"\w+(?:aa|ee|oo|uu|ei|ij|ou|ui|eu)[rlnmk]?(?:d|t)en", t)) and t not in w["not_weak_past"] and not t.startswith("ge") \
            and prev not in DETERMINERS and not t.endswith(("ische", "iste", "ante", "ente", "ende", "ste")):
        return "past"        # weak past: kondigde, meldde; plural after a long vowel: demonstreerden, daalden
    return None


def clause_bounds_tokens(sentence: Sequence[Token], start: int) -> tuple[int, int]:
    """Clause around `start` from the tokens: commas, colons and subordinators break it."""
    ca, cb = sentence[0].start, sentence[-1].end
    for t in sentence:
        brk = t.text in (",", ";", ":", "(", ")") or t.pos.startswith("VG(onder") or \
            (t.pos.startswith("VNW(betr") or t.pos.startswith("VNW(vb"))
        if not brk:
            continue
        if t.end <= start:
            ca = t.start
        elif t.start > start:
            cb = t.start
            break
    return ca, cb


def tense_from_text(text: str, start: int, end: int, clause_only: bool = False, default: str = "present") -> str:
    """The nearest tense marker in the clause of the expression, else in its sentence."""
    a, b = sentence_bounds(text, start)
    w = words()
    toks = [(m.start(), m.group(0).lower()) for m in WORD.finditer(text, a, b)]
    lower = {t for _, t in toks}
    perfect = any(t in w["participles"] or (re.fullmatch(r"(?:\w*)ge\w{2,}(?:d|t|en)", t) and t not in w["not_participles"]) for t in lower)
    ca, cb = clause_bounds(text, a, b, start)
    in_clause = {t for pos, t in toks if ca <= pos < cb}
    perfect_here = any(t in w["participles"] or (re.fullmatch(r"(?:\w*)ge\w{2,}(?:d|t|en)", t) and t not in w["not_participles"]) for t in in_clause)
    found: list[tuple[bool, int, str]] = []
    prev = ""
    for pos, t in toks:
        if not (start <= pos < end):
            tense = marker_tense(t, prev, w, perfect_here if ca <= pos < cb else perfect, frozenset(in_clause))
            if tense:
                found.append((not (ca <= pos < cb), abs(pos - start), tense))
        prev = t
    if clause_only:
        found = [f for f in found if not f[0]]
    return min(found)[2] if found else default
