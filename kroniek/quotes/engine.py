"""Quotes and reported speech in an analysed Article, each with its speaker.

1. Quoted stretches come from the quote marks (marks.py). One-word quotes, names and
   titles in quotes are scare quotes; short phrases without a verb ('witte mars') count as
   partial quotes only where the sentence attributes them to someone.
2. A quote interrupted by its attribution ("We gaan," zei hij, "ze vertellen …") is one quote.
3. The speaker of a direct quote comes from, in this order: the attribution right after it
   ("…", zei X / aldus X), the clause before its colon (X zegt: "…", headline X: '…'), the
   reported speech or cue verb of its own sentence (partial quotes), the next sentence
   ("Dat zei X."), the previous sentence (its colon, its quote's speaker, its speaker or its
   person subject), and finally a quote elsewhere with the same words (headline quotes).
4. Reported speech becomes quotes with direct=False: X zegt dat / of … (also "liet weten",
   "vroeg zich af of"), X zei … te + infinitive, volgens X …, …, aldus X, …, zegt X /
   …, heeft X aangekondigd, "Dat zegt X." after a claim, X heeft naar eigen zeggen …,
   X zegt: <words without quote marks>, and the headline "Rutte: <claim>".
5. Speakers become actors (speakers.py); pronouns resolve to the most recent person.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
import re

from ..records import ActorRef, Article, Quote, Span
from .doc import Doc, is_finite, is_name, is_pronoun, is_word
from .lexicon import CueLexicon, VerbCue
from .marks import Quoted, find_quoted
from .speakers import (PersonMention, SpeakerSpan, actor_ref, article_mentions, is_person_span, person_mentions,
                       resolve_pronoun)

SHORT_QUOTE_WORDS = 3     # up to this many words without a verb: a partial quote only when attributed
TITLE_MAX_WORDS = 6       # all-capitalised stretches up to this length are names or titles
GAP_MAX_TOKENS = 14       # longest attribution that may interrupt a quote


@dataclass
class Candidate:
    q: Quoted
    tokens: list[int]                 # content tokens
    words: int
    has_verb: bool
    first_sent: int
    last_sent: int
    paragraph: int
    gap: list[int] = field(default_factory=list)   # the attribution between two merged parts
    speaker: SpeakerSpan | None = None
    generic: bool = False             # attributed, but to nobody in particular (je, men)

    @property
    def start(self) -> int:
        return self.q.start

    @property
    def end(self) -> int:
        return self.q.end


@dataclass
class Reported:
    """Indirect speech: the reported clause and who reported it."""
    start: int
    end: int
    sent: int
    speaker: SpeakerSpan


@dataclass
class Found:
    """A speaker pattern that matched: the speaker's words (or None for a generic speaker)."""
    speaker: SpeakerSpan | None
    generic: bool = False


# ---------------------------------------------------------------- cue words


def verb_cue(doc: Doc, v: int, lex: CueLexicon, frame: str) -> VerbCue | None:
    t = doc.tok(v)
    if t.tag != "WW" or v in doc.quoted:
        return None
    if "inf" in t.features and v > 0 and doc.tok(v - 1).lemma.lower() == "te":
        return None      # "is te verklaren door", "weigerde te zeggen": nobody says it here
    svp = [c for c in doc.children.get(v, []) if doc.tok(c).rel == "svp"]
    svp_lemmas = {doc.tok(c).lemma.lower() for c in svp} | {doc.tok(c).text.lower() for c in svp}
    lemma = t.lemma.lower().replace("_", "")
    for cue in lex.entries(t.lemma):
        if frame not in cue.frames:
            continue
        if cue.particle:
            glued = lemma == cue.particle + cue.lemma
            if not glued and cue.particle not in svp_lemmas and not _loose_particle(doc, v, cue.particle):
                continue
        elif svp and not (svp_lemmas & {"er", "het"}):
            continue   # stelt uit, zegt af: another verb than the cue
        if cue.governor:
            h = t.head
            gov_ok = h is not None and doc.tok(h).lemma.lower() == cue.governor
            gov_ok = gov_ok or any(doc.tok(k).lemma.lower() == cue.governor and k not in doc.quoted
                                   for k in range(max(doc.sent_range(t.sent).start, v - 4), v))
            if not gov_ok:
                continue
        return cue
    return None


def _loose_particle(doc: Doc, v: int, particle: str) -> bool:
    """The particle where the parse did not attach it: later in the main clause ("gaf … aan"),
    or right before a participle ("heeft erop gewezen", "er op gewezen")."""
    rng = doc.sent_range(doc.tok(v).sent)
    for k in range(v + 1, min(rng.stop, v + 12)):
        t = doc.tok(k)
        if t.text in (",", ":", ";") or k in doc.quoted or (t.lemma in ("dat", "of") and t.tag == "VG"):
            break
        if t.lemma.lower() == particle and t.tag in ("VZ", "ADJ", "BW"):
            return True
    if "vd" in doc.tok(v).features or "inf" in doc.tok(v).features:
        for k in range(v - 1, max(rng.start, v - 3) - 1, -1):
            t = doc.tok(k)
            if t.text.lower() in (particle, "er" + particle) and t.tag in ("VZ", "ADJ", "BW", "VNW"):
                return True
    return False


def cue_tokens(doc: Doc, v: int, cue: VerbCue | None) -> tuple[int, ...]:
    toks = [v]
    if cue and cue.particle:
        rng = doc.sent_range(doc.tok(v).sent)
        toks += [k for k in range(v + 1, min(rng.stop, v + 12)) if doc.tok(k).lemma.lower() == cue.particle][:1]
    if cue and cue.governor:
        rng = doc.sent_range(doc.tok(v).sent)
        toks += [k for k in range(max(rng.start, v - 4), v) if doc.tok(k).lemma.lower() == cue.governor][-1:]
    return tuple(sorted(toks))


def _inside_complement(doc: Doc, v: int, c: int) -> bool:
    """Is token c inside the dat/of clause that follows verb v? ("zei dat Maintenance …":
    the parser's subject of "zei" is the clause's subject, not the speaker)."""
    return c > v and any(doc.tok(k).tag == "VG" and doc.tok(k).lemma.lower() in ("dat", "of")
                         for k in range(v + 1, c))


def _has_head_noun(doc: Doc, a: int, b: int) -> bool:
    """A speaker phrase needs a noun, a name or a pronoun ("wil" or "de" alone is a parse slip)."""
    return any(doc.tok(i).tag in ("N", "SPEC") or (doc.tok(i).tag == "VNW" and "pron" in doc.tok(i).features)
               or (doc.tok(i).tag == "ADJ" and "nom" in doc.tok(i).features)   # "Anderen zeiden dat"
               or is_name(doc.tok(i)) for i in range(a, b))


def subject_of(doc: Doc, v: int, lex: CueLexicon) -> int | None:
    """The subject of verb v, climbing from a participle or infinitive to its auxiliary.
    Where the parser gave two subjects ("Met dat plan wil zij"), a person word wins."""
    h: int | None = v
    for _ in range(4):
        if h is None:
            return None
        subs = [c for c in doc.children.get(h, []) if doc.tok(c).rel == "su" and c not in doc.quoted
                and c not in doc.timed and is_word(doc.tok(c)) and doc.tok(c).sent == doc.tok(v).sent
                and not _inside_complement(doc, v, c)]
        if subs:
            personal = [c for c in subs if is_name(doc.tok(c)) or (is_pronoun(doc.tok(c)) and doc.tok(c).lemma.lower() in lex.pronouns)]
            return (personal or subs)[0]
        t = doc.tok(h)
        if t.rel not in ("vc", "cnj", "body") and h != v:
            return None
        h = t.head
    return None


def _speaker_np(doc: Doc, head: int) -> tuple[int, int]:
    return doc.np_around(head)


def _passive_agent(doc: Doc, v: int) -> int | None:
    """For a cue verb in the passive ("werd door de minister geprezen als", "werd gemeld"): the
    head of the door-agent, -1 where none is named; None for an active verb."""
    t = doc.tok(v)
    if "vd" not in t.features:
        return None
    h = t.head
    if h is None or doc.tok(h).lemma.lower() != "worden":
        return None
    rng = doc.sent_range(t.sent)
    for k in list(doc.children.get(v, [])) + list(doc.children.get(h, [])) + list(range(h + 1, v)):
        if k in rng and doc.tok(k).lemma.lower() == "door" and doc.tok(k).tag == "VZ" and k not in doc.quoted:
            objs = [c for c in doc.children.get(k, []) if doc.tok(c).rel == "obj1"]
            if objs:
                return objs[0]
            chunk = doc.np_chunk_from(k + 1, 1) if k + 1 in rng else None
            if chunk:
                return next((i for i in range(*chunk) if is_name(doc.tok(i))), chunk[0])
    return -1


def speaker_from_verb(doc: Doc, v: int, lex: CueLexicon, rule: str, cue: VerbCue | None,
                      inverted: bool) -> Found | None:
    """The speaker of a cue verb: its subject, or the noun phrase right after it (inverted
    "zei de minister") or right before it where the parse gives no subject."""
    kind = cue.kind if cue else "speech"
    agent = _passive_agent(doc, v)
    if agent is not None:
        if agent < 0:
            return Found(None)          # "Het incident werd niet gemeld": nobody is named
        a, b = _speaker_np(doc, agent)
        return Found(SpeakerSpan(a, b, agent, cue_tokens(doc, v, cue), rule + "-passive", kind))
    h = subject_of(doc, v, lex)
    if h is not None and not _has_head_noun(doc, *_speaker_np(doc, h)):
        h = None
    if h is not None and h > v and "vd" in doc.tok(v).features:
        h = None         # a participle ends its clause: "heeft bevestigd heffingen …" - the subject came before
    if h is not None and not person_like(doc, *_speaker_np(doc, h), lex):
        # "Over de integratie zei Mannion": the parser's subject names no one, the words
        # right after the verb do
        k = v + 1
        rng = doc.sent_range(doc.tok(v).sent)
        alt = doc.np_chunk_from(k, 1) if k in rng and k not in doc.quoted else None
        if alt and person_like(doc, alt[0], alt[1], lex) and not (alt[0] <= h < alt[1]):
            h = next((i for i in range(*alt) if is_name(doc.tok(i)) or is_pronoun(doc.tok(i))),
                     next((i for i in range(alt[1] - 1, alt[0] - 1, -1) if doc.tok(i).tag in ("N", "SPEC")), alt[0]))
    if h is not None and doc.tok(h).lemma.lower() in lex.anaphors and doc.tok(h).tag != "VNW" or \
            (h is not None and doc.tok(h).lemma.lower() in ("dat", "dit", "zo")):
        h = None  # "Dat zegt X": the subject the parser chose is the claim
    if h is None:
        span = None
        rng = doc.sent_range(doc.tok(v).sent)
        k = v + 1
        while k in rng and (doc.tok(k).tag in ("BW",) or doc.tok(k).lemma.lower() in ("er", "eraan", "erbij", "het")
                            or doc.tok(k).rel == "svp"):
            k += 1
        after = doc.np_chunk_from(k, 1) if k in rng else None
        lead = min(cue_tokens(doc, v, cue)) - 1      # before "liet" in "Het Kremlin liet weten"
        # "Jansen zei dinsdag" / "Schoof heeft vrijdag bevestigd": skip dates, adverbs, auxiliaries
        while lead in rng and (lead in doc.timed or doc.tok(lead).tag == "BW"
                               or (doc.tok(lead).tag == "WW" and doc.tok(lead).lemma.lower()
                                   in ("hebben", "zijn", "worden", "zullen", "kunnen", "moeten", "willen"))):
            lead -= 1
        if lead in rng and doc.tok(lead).text == ",":
            # "Darren Winder, een analist van Cazenove, zei": the name before the apposition
            opening = next((k for k in range(lead - 1, max(rng.start, lead - 15) - 1, -1)
                            if doc.tok(k).text == "," and k not in doc.quoted), None)
            if opening is not None and opening - 1 in rng:
                lead = opening - 1
        before = doc.np_chunk_from(lead, -1) if lead in rng else None
        if "vd" in doc.tok(v).features:
            after = None      # a participle ends its clause: its subject stands before it
        span = (after or before) if inverted else (before or after)
        if span is None:
            return None
        a, b = span
        head = next((i for i in range(a, b) if is_name(doc.tok(i))), None)
        head = head if head is not None else next((i for i in range(b - 1, a - 1, -1) if doc.tok(i).tag in ("N", "SPEC", "VNW")), a)
    else:
        a, b = _speaker_np(doc, h)
        head = h
    if doc.tok(head).lemma.lower() in lex.generic_speakers or doc.tok(head).text.lower() in lex.generic_speakers:
        return Found(None, generic=True)
    return Found(SpeakerSpan(a, b, head, cue_tokens(doc, v, cue), rule, kind))


def speaker_from_source(doc: Doc, p: int, lex: CueLexicon, rule: str) -> Found | None:
    """The speaker named by "volgens X" / "aldus X"."""
    objs = [c for c in doc.children.get(p, []) if doc.tok(c).rel == "obj1" and c > p and c not in doc.quoted]
    if objs:
        a, b = _speaker_np(doc, objs[0])
        a = max(a, p + 1)
        head = objs[0]
    else:
        span = doc.np_chunk_from(p + 1, 1) if p + 1 in doc.sent_range(doc.tok(p).sent) else None
        if not span:
            return None
        a, b = span
        head = next((i for i in range(a, b) if is_name(doc.tok(i))), None)
        head = head if head is not None else next((i for i in range(b - 1, a - 1, -1) if doc.tok(i).tag in ("N", "SPEC", "VNW")), a)
    heads = {doc.tok(i).lemma.lower() for i in range(a, b) if doc.tok(i).tag in ("N", "VNW")}
    if heads & lex.not_sources or doc.tok(head).lemma.lower() in lex.not_sources:
        return None
    if doc.tok(head).lemma.lower() in lex.generic_speakers:
        return Found(None, generic=True)
    return Found(SpeakerSpan(a, b, head, (p,), rule, "speech"))


# ---------------------------------------------------------------- reported speech


def _complementizer(doc: Doc, v: int) -> int | None:
    """The "dat"/"of" that opens the reported clause of cue verb v; None where another verb
    comes first ("hoopte de regering te overtuigen dat": the clause is not v's) or where v
    already has an object ("alles zegt dat zijn kiezers willen horen": a relative clause)."""
    rng = doc.sent_range(doc.tok(v).sent)
    objs = [c for c in doc.children.get(v, []) if doc.tok(c).rel == "obj1" and doc.tok(c).lemma.lower() not in ("dat", "of")]
    # an object right before the verb or between verb and "dat" takes the clause as a
    # relative clause ("waarin Wilders alles zegt dat zijn kiezers willen horen"); a topicalised
    # one far ahead is the parser's slip ("Geen bewijs De minister ontkende dat …")
    if any(v - 2 <= c < v for c in objs):
        return None
    for k in range(v + 1, min(rng.stop, v + 10)):
        t = doc.tok(k)
        if k in doc.quoted or t.text in (":", ";", ",") or t.tag == "LET" and t.text in ('"', "'"):
            return None
        # Frog sometimes tags the complementizer "dat" as a demonstrative (VNW); followed by
        # words it still opens the clause ("Zij verwacht dat tijdens de zomer …").
        is_comp = (t.tag == "VG" and t.lemma.lower() in ("dat", "of")) or (
            t.tag == "VNW" and t.lemma.lower() == "dat" and "aanw" in t.features and k + 1 < rng.stop
            and is_word(doc.tok(k + 1)) and doc.tok(k + 1).tag not in ("WW",))
        if is_comp:
            if any(v < c < k for c in objs):
                return None      # "zegt iets dat …": a relative clause on the object
            h = t.head
            if h is not None and h != v and doc.tok(h).tag == "WW" and doc.tok(h).lemma != doc.tok(v).lemma \
                    and doc.tok(v).head != h and doc.tok(h).head != v:
                return None
            return k
        if t.tag == "WW" or (t.tag == "VG" and t.lemma.lower() not in ("dat", "of")):
            return None
    return None


def _trim_end(doc: Doc, first: int, last: int) -> int:
    """Index one past the last token of [first, last) that is not closing punctuation."""
    while last > first and doc.tok(last - 1).tag == "LET" and doc.tok(last - 1).text not in ('"', "'", "”", "’", ")"):
        last -= 1
    return last


def anaphoric_attribution(doc: Doc, words: list[int], lex: CueLexicon) -> Found | None:
    """A sentence (its words from the start) "Dat zegt X." / "Dit meldt X." / "Zo reageert X." /
    "Dat heeft X gezegd": the speaker of the sentence before."""
    if not words:
        return None
    w0 = words[0]
    if doc.tok(w0).lemma.lower() not in lex.anaphors or w0 in doc.quoted:
        return None
    # the second word is the finite verb in Dutch word order, whatever the tagger says
    # ("Dat bevestigen Schoof en Faber": tagged as an infinitive)
    v = next((i for i in words[1:3] if doc.tok(i).tag == "WW" and (is_finite(doc.tok(i)) or i == words[1])), None)
    if v is None:
        return None
    cue = verb_cue(doc, v, lex, "anaphoric")
    if cue is None and doc.tok(v).lemma.lower() in ("hebben", "zijn", "laten"):
        cue_v = next((i for i in words[2:8] if verb_cue(doc, i, lex, "anaphoric")), None)
        if cue_v is not None:
            cue = verb_cue(doc, cue_v, lex, "anaphoric")
    if cue is None:
        return None
    f = speaker_from_verb(doc, v, lex, "anaphoric", cue, inverted=True)
    if f and f.speaker:
        f.speaker.cue = tuple(sorted(set(f.speaker.cue) | {w0}))
    return f


def _headline_colon(doc: Doc, sent: int, words: list[int], title_sents: set[int]) -> Reported | None:
    """A headline that puts a person's claim after his name and a colon, without quote marks:
    only where the words before the colon are a person and nothing else ("Rutte IV:",
    "Overzicht:" and "Bosbranden Californië:" are topics, not speakers)."""
    if sent not in title_sents:
        return None
    rng = doc.sent_range(sent)
    colon = next((k for k in rng if doc.tok(k).text == ":" and k not in doc.quoted), None)
    if colon is None or colon - rng.start > 4 or colon == rng.start:
        return None
    name = list(range(rng.start, colon))
    persons = [m for m in doc.mentions if m.person or m.kind == "person"]
    covered = all(any(m.tokens[0] <= i < m.tokens[1] for m in persons) for i in name)
    # a person the actor stage knows, or a full name the tagger marks as a person
    known = any(m.tokens[0] < colon and name[0] < m.tokens[1] for m in doc.mentions)
    if not covered and (known or not (len(name) >= 2 and all(doc.tok(i).ner.endswith("PER") for i in name))):
        return None   # "Rutte IV:" is the cabinet: the actor stage knows only "Rutte" as a person
    claim = [i for i in words if i > colon]
    if not claim or any(i in doc.quoted for i in claim) or not any(is_finite(doc.tok(i)) for i in claim):
        return None
    end = _trim_end(doc, colon + 1, rng.stop)
    return Reported(doc.tok(claim[0]).start, doc.tok(end - 1).end, sent,
                    SpeakerSpan(name[0], colon, name[0], (colon,), "headline-colon"))


def _colon_unquoted(doc: Doc, sent: int, words: list[int], lex: CueLexicon, end_tok: int) -> Reported | None:
    """A cue verb and its speaker, a colon, then the words said without quote marks."""
    rng = doc.sent_range(sent)
    colon = next((k for k in rng if doc.tok(k).text == ":" and k not in doc.quoted), None)
    if colon is None:
        return None
    claim = [i for i in words if i > colon]
    if not claim or any(i in doc.quoted for i in range(colon, end_tok)) or not any(is_finite(doc.tok(i)) for i in claim):
        return None
    for v in (i for i in words if i < colon):
        cue = verb_cue(doc, v, lex, "direct")
        if not cue or cue.kind == "opinion":
            continue
        f = speaker_from_verb(doc, v, lex, "colon-unquoted", cue, inverted=v < (subject_of(doc, v, lex) or -1))
        if not f or not f.speaker:
            continue
        # the colon right after the verb or its speaker ("zegt Mark Rutte:", "Rutte zegt:")
        between = [i for i in range(max(v, f.speaker.last - 1) + 1, colon) if is_word(doc.tok(i))]
        if between:
            continue
        return Reported(doc.tok(claim[0]).start, doc.tok(end_tok - 1).end, sent, f.speaker)
    return None


def _own_account(doc: Doc, sent: int, words: list[int], lex: CueLexicon, end_tok: int) -> Reported | None:
    for phrase in lex.own_account:
        n = len(phrase)
        for k in range(len(words) - n + 1):
            seq = words[k:k + n]
            if seq != list(range(seq[0], seq[0] + n)) or any(i in doc.quoted for i in seq):
                continue
            if tuple(doc.tok(i).lemma.lower() for i in seq) != phrase and \
                    tuple(doc.tok(i).text.lower() for i in seq) != phrase:
                continue
            rng = doc.sent_range(sent)
            for v in _main_verbs(doc, [i for i in words if i not in seq]):
                h = subject_of(doc, v, lex)
                if h is None:
                    # the first constituent before the finite verb, where the parse gives no subject
                    chunk = doc.np_chunk_from(v - 1, -1) if v - 1 in rng else None
                    if not chunk or any(is_word(doc.tok(i)) for i in range(rng.start, chunk[0])):
                        continue
                    h = next((i for i in range(chunk[1] - 1, chunk[0] - 1, -1) if doc.tok(i).tag in ("N", "SPEC")), None)
                    if h is None:
                        continue
                if doc.tok(h).lemma.lower() in lex.generic_speakers:
                    continue
                a, b = _speaker_np(doc, h)
                return Reported(doc.tok(rng.start).start, doc.tok(end_tok - 1).end, sent,
                                SpeakerSpan(a, b, h, tuple(seq), "own-account"))
    return None


def _te_infinitive(doc: Doc, v: int, words: list[int], lex: CueLexicon, end_tok: int) -> Reported | None:
    """"Trump heeft bevestigd heffingen te zullen instellen" / "Hij zei uit te kijken naar …":
    a cue verb with a te-infinitive clause and no dat clause; the claim runs from the first
    word after the verb and its subject to the sentence end."""
    t = doc.tok(v)
    if t.tag != "WW" or v in doc.quoted:
        return None
    cue = verb_cue(doc, v, lex, "te")
    if not cue or _complementizer(doc, v) is not None:
        return None
    if any(doc.tok(c).rel == "obj1" for c in doc.children.get(v, [])):
        return None
    te = next((k for k in range(v + 1, end_tok) if doc.tok(k).lemma.lower() == "te" and doc.tok(k).tag == "VZ"
               and k + 1 < end_tok and doc.tok(k + 1).tag == "WW" and "inf" in doc.tok(k + 1).features
               and k not in doc.quoted), None)
    if te is None or any(doc.tok(k).text in (",", ":", ";") or is_finite(doc.tok(k))
                         or doc.tok(k).lemma.lower() in lex.te_blockers for k in range(v + 1, te)):
        return None      # "om … te", "in een poging … te": a purpose, not what was said

    f = speaker_from_verb(doc, v, lex, "te-infinitive", cue, inverted=False)
    if not f or not f.speaker:
        return None
    first = v + 1
    cue_set = set(cue_tokens(doc, v, cue))
    while first < te and (f.speaker.first <= first < f.speaker.last or first in cue_set or first in doc.timed
                          or doc.tok(first).tag == "BW"):
        first += 1
    stop = _trim_end(doc, first, _next_clause(doc, lex, first, end_tok))
    if stop <= first + 1:
        return None
    return Reported(doc.tok(first).start, doc.tok(stop - 1).end, t.sent, f.speaker)


def find_reported(doc: Doc, lex: CueLexicon, title_sents: set[int]) -> tuple[list[Reported], dict[int, Found]]:
    """Indirect speech in every sentence, and per sentence the "Dat zegt X." attribution it
    gives to the sentence before it."""
    art = doc.article
    out: list[Reported] = []
    anaphoric: dict[int, Found] = {}
    for s in art.sentences:
        rng = doc.sent_range(s.index)
        words = [i for i in rng if is_word(doc.tok(i))]
        if not words:
            continue
        end_tok = _trim_end(doc, rng.start, rng.stop)
        # "Dat zegt X." / "Dit meldt X." / "Zo reageert X.": attributes the sentence before.
        f = anaphoric_attribution(doc, words, lex)
        if f:
            anaphoric[s.index] = f
            prev = s.index - 1
            if f.speaker and prev >= 0 and prev not in title_sents and art.sentences[prev].paragraph == s.paragraph:
                prng = doc.sent_range(prev)
                pw = [i for i in prng if is_word(doc.tok(i))]
                if pw and not all(i in doc.quoted for i in pw):
                    pe = _trim_end(doc, prng.start, prng.stop)
                    out.append(Reported(doc.tok(prng.start).start, doc.tok(pe - 1).end, prev, f.speaker))
        # Headline "Schoof: hoe we het ook wenden of keren, deze bezuiniging is nodig"
        h = _headline_colon(doc, s.index, words, title_sents)
        if h:
            out.append(h)
        # X zegt dat … / X liet weten dat …
        for v in words:
            if doc.tok(v).tag != "WW" or v in doc.quoted:
                continue
            cue = verb_cue(doc, v, lex, "dat")
            if not cue:
                continue
            comp = _complementizer(doc, v)
            if comp is None or comp + 1 >= end_tok:
                continue
            f = speaker_from_verb(doc, v, lex, "dat-clause", cue, inverted=doc.tok(v).i < (subject_of(doc, v, lex) or -1))
            if not f or not f.speaker:
                continue
            stop = _colon_stop(doc, comp + 1, _next_clause(doc, lex, comp + 1, end_tok))
            stop = _trim_end(doc, comp + 1, stop)
            inner = [i for i in range(comp + 1, stop) if is_word(doc.tok(i))]
            if inner and all(i in doc.quoted for i in inner):
                continue      # "zei dat ``…''": the direct quote is the record, not a copy of it
            if stop > comp + 1:
                out.append(Reported(doc.tok(comp + 1).start, doc.tok(stop - 1).end, s.index, f.speaker))
        # "Met een zorgelijke blik zegt premier Schoof: we moeten nog dieper snijden" (speech without marks)
        r = _colon_unquoted(doc, s.index, words, lex, end_tok)
        if r:
            out.append(r)
        # "Het leger heeft naar eigen zeggen doelen aangevallen": the subject's own account
        r = _own_account(doc, s.index, words, lex, end_tok)
        if r:
            out.append(r)
        # "Zij zei uit te kijken naar het bezoek": a te-infinitive instead of a dat clause
        for v in words:
            r = _te_infinitive(doc, v, words, lex, end_tok)
            if r:
                out.append(r)
        # volgens X … / …, aldus X
        for p in words:
            pos = lex.sources.get(doc.tok(p).lemma.lower())
            if pos is None or p in doc.quoted or doc.tok(p).tag not in ("VZ", "BW"):
                continue
            f = speaker_from_source(doc, p, lex, doc.tok(p).lemma.lower())
            if not f or not f.speaker:
                continue
            b = f.speaker.last
            before = [i for i in words if i < p]
            after = [i for i in words if i >= b]
            if not before and after:            # Volgens X, …
                first = after[0]
                span = (first, end_tok)
            elif before and not after:          # …, volgens X. / …, aldus X.
                last = p
                while last > rng.start and doc.tok(last - 1).tag == "LET" and doc.tok(last - 1).text in (",", "—", "–", "-"):
                    last -= 1
                span = (rng.start, last)
            elif pos == "any":                  # Dat is volgens X een fout. / …, al draait het volgens X om …
                first = rng.start
                for k in range(p - 1, rng.start - 1, -1):
                    if k in doc.quoted or doc.tok(k).text in (".", "?", "!"):
                        first = k + 1       # a quote or a sentence end the parser did not split at
                        break
                    if doc.tok(k).text in (",", ":", ";") and k not in doc.quoted:
                        # a new clause after the comma ("…, al draait het volgens X …"); a main
                        # verb right after it means the part before belongs to the claim
                        nxt = doc.tok(k + 1)
                        if doc.tok(k).text != "," or nxt.tag == "VG" or nxt.lemma.lower() in ("al", "maar", "want"):
                            first = k + 1
                        break
                span = (first, end_tok)
            else:
                continue
            span = (span[0], _colon_stop(doc, span[0], span[1]))
            inner = [i for i in range(*span) if is_word(doc.tok(i))]
            if not inner or all(i in doc.quoted for i in inner):
                continue                        # the clause is a direct quote: attribution, not indirect speech
            if any(verb_cue(doc, i, lex, "after") and i < p and i not in doc.quoted for i in inner):
                continue                        # "…'', zei Jansen volgens de NOS": part of an attribution
            out.append(Reported(doc.tok(span[0]).start, doc.tok(span[1] - 1).end, s.index, f.speaker))
        # …, zegt X.  (inverted attribution after an unquoted clause)
        for v in words:
            if not is_finite(doc.tok(v)) or v in doc.quoted or v == words[0]:
                continue
            if doc.tok(v - 1).text != "," or (v - 2 >= rng.start and (v - 2) in doc.quoted and doc.tok(v - 2).tag == "LET"):
                continue
            cue_v = v
            cue = verb_cue(doc, v, lex, "after")
            if cue is None and doc.tok(v).lemma.lower() in ("hebben", "zijn"):
                # ", heeft het kabinet vrijdag laten weten": the cue is the participle
                cue_v = next((i for i in words if v < i and "vd" in doc.tok(i).features
                              and verb_cue(doc, i, lex, "after")), None)
                cue = verb_cue(doc, cue_v, lex, "after") if cue_v is not None else None
            if not cue or not cue.frames & {"dat", "anaphoric"}:
                continue
            if _complementizer(doc, cue_v) is not None:
                continue      # "…, zei een woordvoerder dat …": a dat clause, handled above
            f = speaker_from_verb(doc, v, lex, "inverted", cue, inverted=True)
            if not f or not f.speaker or f.speaker.first < v:
                continue      # "De bron, die niet bij naam genoemd wil worden, zei": subject first, not inverted
            # after the speaker only adverbials may follow ("…, stelde Agema in een brief aan het parlement")
            tail = [i for i in words if i >= f.speaker.last and i != cue_v]
            if any(doc.tok(i).lemma.lower() in ("dat", "of") and doc.tok(i).tag in ("VG", "VNW") and i not in doc.quoted
                   for i in tail):
                continue      # "…, waarschuwde Caterpillar, een bedrijf …, dat": the claim follows, not precedes
            after_speaker = doc.tok(f.speaker.last).text if f.speaker.last < rng.stop else ""
            if tail and not (doc.tok(tail[0]).tag in ("VZ", "BW") or tail[0] in doc.timed or tail[0] == cue_v
                             or after_speaker == ","):   # ", zei Femke de Graaf, econoom bij ING"
                continue
            if cue_v != v:
                f.speaker.cue = tuple(sorted(set(f.speaker.cue) | {cue_v}))
            clause = [i for i in words if i < v - 1]
            if not any(is_finite(doc.tok(i)) for i in clause) or all(i in doc.quoted for i in clause):
                continue
            out.append(Reported(doc.tok(rng.start).start, doc.tok(v - 2).end, s.index, f.speaker))
    return _dedupe_reported(out), anaphoric


def _colon_stop(doc: Doc, first: int, end: int) -> int:
    """Reported speech ends at a colon that opens a direct quote ("volgens Rutte geen
    patroon: "Dat zijn …""): the quote is the speaker's own words, recorded apart."""
    for k in range(first, end):
        if doc.tok(k).text == ":" and k not in doc.quoted and k + 1 < end and k + 1 in doc.quoted:
            return k
    return end


def _next_clause(doc: Doc, lex: CueLexicon, first: int, end: int) -> int:
    """Where reported speech ends: at the next attribution in the sentence (", zei hij",
    "en ontkende dat"), else at the sentence end."""
    for k in range(first, end):
        t = doc.tok(k)
        if k in doc.quoted:
            continue
        if t.text == "," and k + 1 < end and is_finite(doc.tok(k + 1)) and verb_cue(doc, k + 1, lex, "after"):
            return k
        if t.tag == "VG" and t.lemma.lower() in ("en", "maar") and k + 1 < end:
            # "… worden gehandhaafd en heeft verder een oproep": a finite verb right after
            # the conjunction is a new main clause of the speaker, not part of the claim
            if is_finite(doc.tok(k + 1)):
                return k
        if t.text == "," and any(doc.tok(j).lemma.lower() in lex.sources and j not in doc.quoted
                                 for j in range(k + 1, min(end, k + 5))):
            return k        # "…, al draait het volgens Schoof om …": another source's clause
        if t.lemma.lower() in ("aldus",) and t.tag in ("BW", "VZ"):
            return k - 1 if k - 1 >= first and doc.tok(k - 1).text == "," else k
    return end


def _dedupe_reported(items: list[Reported]) -> list[Reported]:
    seen, out = set(), []
    for r in sorted(items, key=lambda r: (r.start, -(r.end - r.start))):
        key = (r.start, r.end)
        if key in seen:
            continue
        seen.add(key)
        out.append(r)
    return out


# ---------------------------------------------------------------- direct quotes


def _candidate(doc: Doc, q: Quoted) -> Candidate | None:
    toks = [i for s, e in q.parts for i in doc.tokens_in(s, e)]
    if not toks:
        return None
    art = doc.article
    first_sent = doc.sentence_of_offset(q.open_at)
    last_sent = doc.sentence_of_offset((q.close_end or q.end) - 1)
    words = [i for i in toks if is_word(doc.tok(i))]
    para = art.sentences[first_sent].paragraph if first_sent is not None else 0
    return Candidate(q, toks, len(words), any(is_finite(doc.tok(i)) for i in words),
                     first_sent if first_sent is not None else 0, last_sent if last_sent is not None else 0, para)


def is_scare(doc: Doc, c: Candidate) -> bool:
    """One word, or a name or title (every word capitalised): not a quotation."""
    if c.words <= 1:
        return True
    words = [doc.tok(i) for i in c.tokens if is_word(doc.tok(i))]
    text = doc.article.text[c.start:c.end]
    if c.words <= TITLE_MAX_WORDS and not c.has_verb and not text.rstrip().endswith(("?", "!", ".")) \
            and all(w.text[:1].isupper() or w.text[:1].isdigit() for w in words):
        return True
    return False


def _is_short(c: Candidate) -> bool:
    return c.words <= SHORT_QUOTE_WORDS and not c.has_verb


def _segment(doc: Doc, sent: int, start: int, end: int) -> list[int]:
    """Non-quoted tokens of a sentence between two offsets."""
    return [i for i in doc.sent_range(sent) if doc.tok(i).start >= start and doc.tok(i).end <= end and i not in doc.quoted]


def _raw_before_close(doc: Doc, c: Candidate) -> str:
    if c.q.close_end is None:
        return ""
    close_start = c.q.marks[-1][0]
    return doc.article.text[max(0, close_start - 1):close_start]


def attribution_after(doc: Doc, c: Candidate, lex: CueLexicon, seg: list[int] | None = None) -> Found | None:
    """"…", zei X  /  "…", aldus X  /  "…" zo stelt X  /  "…?", vroeg ze."""
    if seg is None:
        if c.q.close_end is None:
            return None
        nxt = [i for i in doc.sent_range(c.last_sent) if doc.tok(i).start >= c.q.close_end]
        seg = []
        for i in nxt:
            if i in doc.quoted:
                break
            seg.append(i)
    had_comma = _raw_before_close(doc, c) in (",", "?", "!")
    k = 0
    while k < len(seg) and doc.tok(seg[k]).tag == "LET":
        had_comma = had_comma or doc.tok(seg[k]).text in (",", "—", "–", "-")
        if doc.tok(seg[k]).text in (".", ":", ";"):
            return None
        k += 1
    if k >= len(seg):
        return None
    t0 = seg[k]
    lemma = doc.tok(t0).lemma.lower()
    if lemma in lex.sources:
        return speaker_from_source(doc, t0, lex, f"after-{lemma}")
    v = None
    if lemma == "zo" and k + 1 < len(seg) and is_finite(doc.tok(seg[k + 1])):
        v = seg[k + 1]
    elif is_finite(doc.tok(t0)):
        v = t0
    if v is None:
        return None
    cue = verb_cue(doc, v, lex, "after")
    if cue is None and not had_comma:
        return None
    return speaker_from_verb(doc, v, lex, "after", cue, inverted=True)


def _depth(doc: Doc, i: int) -> int:
    d, h = 0, doc.tok(i).head
    while h is not None and d < 20:
        d, h = d + 1, doc.tok(h).head
    return d


def person_like(doc: Doc, a: int, b: int, lex: CueLexicon) -> bool:
    """Words that can name a speaker: a name, a third-person pronoun, or an actor."""
    for i in range(a, b):
        t = doc.tok(i)
        if is_name(t) or (is_pronoun(t) and t.lemma.lower() in lex.pronouns):
            return True
    return any(m.tokens[0] < b and a < m.tokens[1] and m.kind not in ("adjective", "pronoun") for m in doc.mentions)


def _main_verbs(doc: Doc, words: list[int]) -> list[int]:
    """Finite verbs of the main clause(s) among `words`, shallowest first."""
    finite = [v for v in words if is_finite(doc.tok(v))]
    return [v for v in sorted(finite, key=lambda v: (_depth(doc, v), v)) if _depth(doc, v) <= 1]


def attribution_colon(doc: Doc, seg: list[int], lex: CueLexicon, headline_ok: bool = True) -> Found | None:
    """X zegt: "…"  /  Macron kritisch over de NAVO: '…'  /  headline Schoof: '…'."""
    words = [i for i in seg if is_word(doc.tok(i))]
    if not words:
        return None
    for p in reversed(words):
        if doc.tok(p).lemma.lower() in lex.sources and doc.tok(p).tag in ("VZ", "BW"):
            f = speaker_from_source(doc, p, lex, "colon-volgens")
            if f:
                return f
    cues = [v for v in words if verb_cue(doc, v, lex, "direct")]
    for v in reversed(cues):
        f = speaker_from_verb(doc, v, lex, "colon-cue", verb_cue(doc, v, lex, "direct"), inverted=False)
        if f:
            return f
    # Any main-clause verb: its subject, where that names someone, introduces the quote.
    mains = _main_verbs(doc, words)
    for v in mains:
        h = subject_of(doc, v, lex)
        if h is None or doc.tok(h).lemma.lower() in lex.anaphors:
            continue
        if doc.tok(h).lemma.lower() in lex.generic_speakers:
            return Found(None, generic=True)
        a, b = _speaker_np(doc, h)
        if person_like(doc, a, b, lex):
            return Found(SpeakerSpan(a, b, h, (v,), "colon-clause"))
        return None
    # A headline without a main verb, "Schoof: '…'", "Schoof trots: '…'",
    # "Dilan Yesilgöz over het jaar dat ze …: '…'": the person or organisation it starts with.
    if not mains:
        runs, i = [], 0
        while i < len(words):
            if is_name(doc.tok(words[i])):
                j = i
                while j + 1 < len(words) and words[j + 1] == words[j] + 1 and (is_name(doc.tok(words[j + 1])) or doc.tok(words[j + 1]).rel == "mwp"):
                    j += 1
                runs.append((words[i], words[j] + 1))
                i = j + 1
            else:
                i += 1
        def rank(r):
            a, b = r
            ner = {doc.tok(k).ner[2:] for k in range(a, b)}
            actor = any(m.tokens[0] < b and a < m.tokens[1] and m.kind in ("person", "role", "party", "igo")
                        for m in doc.mentions)
            return (not (actor or ner & {"PER", "ORG"}), a)
        text = doc.article.text
        runs = [(a, b) for a, b in runs if not (text[doc.tok(a).start - 1:doc.tok(a).start] in "'‘’\"“„"
                                                 and doc.tok(a).start > 0)]
        good = [r for r in runs if not rank(r)[0]] or ([runs[0]] if runs and runs[0][0] == words[0] else [])
        if not headline_ok:
            # in the body ("Darleen Druyun, onderminister: '…'") only a person starting the segment
            good = [r for r in good if r[0] == words[0] and is_person_span(doc, *r)]
        if good:
            a, b = min(good, key=rank)
            return Found(SpeakerSpan(a, b, a, (), "colon-name"))
    return None


def attribution_in_sentence(doc: Doc, c: Candidate, lex: CueLexicon, reported: list[Reported]) -> Found | None:
    """A partial quote: the reported speech around it, or the cue of its sentence."""
    inside = [r for r in reported if r.start <= c.start and c.end <= r.end]
    if inside:
        r = min(inside, key=lambda r: r.end - r.start)
        return Found(replace(r.speaker, rule="partial-" + r.speaker.rule))
    before, after = _clause_tokens(doc, c)
    first_q, last_q = min(c.tokens), max(c.tokens)
    # nearest cue first; one after the quote counts a little farther ("wat de fabrikant
    # 'politieke inmenging' noemt" vs. a cue two clauses back)
    order = sorted(before + after, key=lambda v: first_q - v if v < first_q else v - last_q + 2)
    for v in order:
        t = doc.tok(v)
        if t.lemma.lower() in lex.sources and t.tag in ("VZ", "BW"):
            f = speaker_from_source(doc, v, lex, "partial-" + t.lemma.lower())
            if f:
                return f
        cue = verb_cue(doc, v, lex, "direct")
        if cue:
            f = speaker_from_verb(doc, v, lex, "partial-cue", cue, inverted=v < (subject_of(doc, v, lex) or -1))
            if f and (f.speaker or f.generic):
                return f
    return None


def attribution_subject(doc: Doc, c: Candidate, lex: CueLexicon) -> Found | None:
    """A partial quote in a sentence without a speech verb ("Trump noemde het 'een heksenjacht'"):
    the person the sentence is about, where its main subject names one."""
    before, after = _clause_tokens(doc, c)
    for v in _main_verbs(doc, before + after):
        h = subject_of(doc, v, lex)
        if h is None:
            continue
        a, b = _speaker_np(doc, h)
        if doc.tok(h).lemma.lower() not in lex.generic_speakers and person_like(doc, a, b, lex):
            return Found(SpeakerSpan(a, b, h, (), "partial-subject"))
        return None
    return None


_SENTENCE_END = re.compile(r"[.?!…][\"'”’»]*\s*$")


def _clause_tokens(doc: Doc, c: Candidate) -> tuple[list[int], list[int]]:
    """Unquoted tokens of the quote's own sentence before and after it, not crossing a
    sentence end the parser missed ("… vechten." Kamerlid Agema vindt …)."""
    before = [i for i in doc.sent_range(c.first_sent) if doc.tok(i).end <= c.q.open_at and i not in doc.quoted]
    after = [i for i in doc.sent_range(c.last_sent) if doc.tok(i).start >= (c.q.close_end or c.end) and i not in doc.quoted]
    # cut at the last sentence end before the quote and the first one after it
    for k in range(len(before) - 1, -1, -1):
        if doc.tok(before[k]).text in (".", "?", "!"):
            before = before[k + 1:]
            break
    if _ends_sentence(doc, c):
        after = []
    else:
        for k, i in enumerate(after):
            if doc.tok(i).text in (".", "?", "!"):
                after = after[:k]
                break
    return before, after


def _ends_sentence(doc: Doc, c: Candidate) -> bool:
    return bool(_SENTENCE_END.search(doc.article.text[c.start:c.end]))


def _starts_sentence(doc: Doc, c: Candidate) -> bool:
    before, _ = _clause_tokens(doc, c)
    return not any(is_word(doc.tok(i)) for i in before)


def _previous_segment(doc: Doc, c: Candidate, title_sents: set[int]) -> tuple[list[int], int | None]:
    """The sentence before the quote's own: where the parser joined it to the quote's
    sentence, the words up to the sentence end before the quote; else the previous sentence."""
    own = [i for i in doc.sent_range(c.first_sent) if doc.tok(i).end <= c.q.open_at]
    ends = [k for k, i in enumerate(own) if doc.tok(i).text in (".", "?", "!") and i not in doc.quoted]
    if ends:
        cut = own[:ends[-1] + 1]
        earlier = [k for k in ends[:-1]]
        seg = cut[earlier[-1] + 1:] if earlier else cut
        if any(is_word(doc.tok(i)) for i in seg):
            return seg, c.first_sent
    prev = c.first_sent - 1
    if prev < 0 or (prev in title_sents and c.first_sent not in title_sents):
        return [], None
    return list(doc.sent_range(prev)), prev


def attribution_previous(doc: Doc, c: Candidate, lex: CueLexicon, done: list[Candidate],
                         reported: list[Reported], title_sents: set[int], subject_ok: bool = True) -> Found | None:
    """A quote takes its speaker from the sentence before: its colon, the speaker of a
    quote or of reported speech there, or (for a quote that is a sentence of its own) its
    person subject."""
    toks, prev = _previous_segment(doc, c, title_sents)
    if prev is None:
        return None
    seg = [i for i in toks if i not in doc.quoted]
    words = [i for i in seg if is_word(doc.tok(i))]
    if seg and doc.tok(seg[-1]).text == ":" and seg[-1] == toks[-1]:
        f = attribution_colon(doc, seg, lex, headline_ok=False)
        if f:
            if f.speaker:
                f.speaker = replace(f.speaker, rule="previous-colon")
            return f
    lo, hi = doc.tok(toks[0]).start, doc.tok(toks[-1]).end
    for d in reversed(done):
        if d.start < hi and d.end > lo and (d.speaker or d.generic):
            return Found(replace(d.speaker, rule="continuation") if d.speaker else None, generic=d.generic)
    reps = [r for r in reported if r.start < hi and r.end > lo]
    if reps:
        return Found(replace(reps[-1].speaker, rule="previous-reported"))
    if not subject_ok:
        return None
    for v in _main_verbs(doc, words):
        h = subject_of(doc, v, lex)
        if h is None:
            continue
        a, b = _speaker_np(doc, h)
        t = doc.tok(h)
        person = any(is_name(doc.tok(i)) and doc.tok(i).ner.endswith("PER") for i in range(a, b)) or \
            (is_pronoun(t) and t.lemma.lower() in lex.pronouns) or \
            any(m.tokens[0] <= h < m.tokens[1] and (m.person or m.kind in ("person", "role")) for m in doc.mentions)
        if person:
            return Found(SpeakerSpan(a, b, h, (), "previous-subject"))
        break
    return None


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def merge_interrupted(doc: Doc, cands: list[Candidate], lex: CueLexicon) -> list[Candidate]:
    """"We gaan," zei hij, "ze vertellen …" is one quote in two parts."""
    out: list[Candidate] = []
    for c in cands:
        if out:
            p = out[-1]
            text = doc.article.text
            if p.q.close_end is not None and p.paragraph == c.paragraph and c.q.open_at >= p.q.close_end:
                gap = [i for i in doc.tokens_in(p.q.close_end, c.q.open_at)]
                gap_words = [i for i in gap if is_word(doc.tok(i))]
                first_char = text[c.start:c.start + 1]
                comma = _raw_before_close(doc, p) == "," or (gap and doc.tok(gap[0]).text == ",")
                if gap_words and len(gap) <= GAP_MAX_TOKENS and comma and first_char.islower() \
                        and (not gap or doc.tok(gap[-1]).text in (",", ":")):
                    f = attribution_after(doc, p, lex, gap)
                    if f:
                        merged = Quoted(p.q.parts + c.q.parts, p.q.open_at, c.q.close_end, p.q.family, p.q.marks + c.q.marks)
                        m = Candidate(merged, p.tokens + c.tokens, p.words + c.words, p.has_verb or c.has_verb,
                                      p.first_sent, c.last_sent, p.paragraph, gap=gap)
                        out[-1] = m
                        continue
        out.append(c)
    return out


def title_sentences(art: Article) -> set[int]:
    """Sentences of the headline: the article's title where it opens the text, else a first
    short line without a final full stop (the reader's headline rule)."""
    if not art.paragraphs:
        return set()
    from ..reading.paragraphs import headline_of
    title = art.title or headline_of(art.text, art.paragraphs)
    ps, pe = art.paragraphs[0]
    if not title or art.text[ps:pe].strip() != title.strip():
        return set()
    return {s.index for s in art.sentences if s.start < pe and s.end > ps}


def find_direct(doc: Doc, lex: CueLexicon) -> list[Candidate]:
    cands = [c for c in (_candidate(doc, q) for q in find_quoted(doc.article.text, doc.article.paragraphs)) if c]
    cands = [c for c in cands if not is_scare(doc, c)]
    for c in cands:
        doc.quoted.update(c.tokens)
        for s, e in c.q.marks:
            doc.quoted.update(doc.tokens_in(s, e))
    return merge_interrupted(doc, cands, lex)


def attribute_direct(doc: Doc, cands: list[Candidate], lex: CueLexicon, reported: list[Reported],
                     anaphoric: dict[int, Found], title_sents: set[int]) -> list[Candidate]:
    done: list[Candidate] = []
    for c in cands:
        f: Found | None = None
        if c.gap:
            f = attribution_after(doc, c, lex, c.gap)
        if f is None and not _ends_sentence(doc, c) or (f is None and doc.article.text[c.end - 1:c.end] in "?!"):
            f = attribution_after(doc, c, lex)
        if f is None:
            before, _ = _clause_tokens(doc, c)
            if before and doc.tok(before[-1]).text == ":":
                f = attribution_colon(doc, before, lex, headline_ok=c.first_sent in title_sents or c.paragraph == 0)
        starts = _starts_sentence(doc, c)
        whole = starts and _ends_sentence(doc, c) or starts and not _clause_tokens(doc, c)[1]
        if f is None and not whole:
            f = attribution_in_sentence(doc, c, lex, reported)
            if f is None and not _is_short(c):
                f = attribution_subject(doc, c, lex)
        if f is None and _ends_sentence(doc, c) and c.q.close_end is not None:
            # "'…' Zo reageert de maatschappij." where the parser did not split the sentences
            rest = [i for i in doc.sent_range(c.last_sent) if doc.tok(i).start >= c.q.close_end and is_word(doc.tok(i))]
            f = anaphoric_attribution(doc, rest, lex)
        if f is None and c.last_sent + 1 in anaphoric:
            f = anaphoric[c.last_sent + 1]
        if f is None and _is_short(c):
            continue             # a short phrase nobody is said to have said: a scare quote
        if f is None:
            f = attribution_previous(doc, c, lex, done, reported, title_sents, subject_ok=starts)
        if f:
            c.speaker, c.generic = f.speaker, f.generic
        done.append(c)
    # Headline quotes and repeated words: a quote without speaker echoing one with a speaker.
    for c in done:
        if c.speaker or c.generic:
            continue
        w = _words(doc.article.text[c.start:c.end])
        for d in done:
            if d is c or not d.speaker:
                continue
            dw = _words(doc.article.text[d.start:d.end])
            if w and dw and len(w & dw) / len(w) >= 0.5 and len(w & dw) / len(dw) >= 0.5:
                c.speaker = replace(d.speaker, rule="echo")
                break
        else:
            # a headline quote that sums up reported speech in the body
            for r in reported:
                rw = _words(doc.article.text[r.start:r.end])
                if len(w) >= 4 and len(w & rw) / len(w) >= 0.6 and not (r.start <= c.start < r.end):
                    c.speaker = replace(r.speaker, rule="echo-reported")
                    break
    return done


# ---------------------------------------------------------------- the whole article


class SpeakerResolver:
    """SpeakerSpan → ActorRef; pronouns to the most recent fitting person."""

    def __init__(self, doc: Doc, lex: CueLexicon, spans: list[SpeakerSpan]):
        self.doc, self.lex = doc, lex
        self.persons = person_mentions(doc, lex)
        self.named = [PersonMention(s.first, s.last, s.head, True, actor_ref(doc, s.first, s.last, s.head),
                                    person=is_person_span(doc, s.first, s.last))
                      for s in spans if not self._is_pronoun(s)]
        self.cache: dict[tuple[int, int], ActorRef | None] = {}

    def _is_pronoun(self, s: SpeakerSpan) -> bool:
        t = self.doc.tok(s.head)
        return s.last - s.first == 1 and (t.lemma.lower() in self.lex.pronouns or t.text.lower() in self.lex.pronouns)

    def __call__(self, s: SpeakerSpan | None) -> ActorRef | None:
        if s is None:
            return None
        key = (s.first, s.last)
        if key not in self.cache:
            if self._is_pronoun(s):
                p = resolve_pronoun(self.doc, s.head, self.persons, self.named)
                self.cache[key] = replace(p.ref) if p else None
            else:
                self.cache[key] = actor_ref(self.doc, s.first, s.last, s.head)
        return self.cache[key]


def _cue_span(doc: Doc, s: SpeakerSpan | None) -> Span | None:
    if not s or not s.cue:
        return None
    # A span is contiguous: "gaf aan" and "liet weten" stay whole where the words stand
    # together; where other words come between ("gaf een verslag bij de politie aan") the verb alone.
    runs: list[list[int]] = []
    for i in sorted(s.cue):
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    run = next((r for r in runs if any(doc.tok(i).tag == "WW" for i in r)), runs[0])
    a, b = run[0], run[-1]
    t = doc.article.tokens
    return Span(t[a].start, t[b].end, doc.article.text[t[a].start:t[b].end], t[a].sent)


def extract_quotes(article: Article, lex: CueLexicon) -> list[Quote]:
    doc = Doc(article, time_words=lex.time_words)
    doc.mentions = article_mentions(article)
    titles = title_sentences(article)
    direct = find_direct(doc, lex)
    reported, anaphoric = find_reported(doc, lex, titles)
    direct = attribute_direct(doc, direct, lex, reported, anaphoric, titles)
    spans = [c.speaker for c in direct if c.speaker] + [r.speaker for r in reported]
    resolve = SpeakerResolver(doc, lex, spans)
    quotes: list[Quote] = []
    for c in direct:
        parts = [Span(s, e, article.text[s:e], doc.sentence_of_offset(s)) for s, e in c.q.parts]
        quotes.append(Quote(quote=" ".join(p.text for p in parts), start=c.start, end=c.end,
                            speaker=resolve(c.speaker), direct=True, sent=c.first_sent,
                            cue=_cue_span(doc, c.speaker), parts=parts if len(parts) > 1 else [],
                            rule=(c.speaker.rule if c.speaker else ("generic" if c.generic else ""))))
    for r in reported:
        quotes.append(Quote(quote=article.text[r.start:r.end], start=r.start, end=r.end,
                            speaker=resolve(r.speaker), direct=False, sent=r.sent,
                            cue=_cue_span(doc, r.speaker), rule=r.speaker.rule))
    quotes.sort(key=lambda q: (q.start, not q.direct, -q.end))
    for n, q in enumerate(quotes, 1):
        q.id = f"q{n}"
    return quotes
