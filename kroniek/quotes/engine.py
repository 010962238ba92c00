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
4. Reported speech (X zegt dat …, volgens X …, …, aldus X, …, zegt X, "Dat zegt X" after
   a claim) becomes quotes with direct=False.
5. Speakers become actors (speakers.py); pronouns resolve to the most recent person.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
import re

from ..records import ActorRef, Article, Quote, Span
from .doc import Doc, is_finite, is_name, is_pronoun, is_word
from .lexicon import CueLexicon, VerbCue
from .marks import Quoted, find_quoted
from .speakers import PersonMention, SpeakerSpan, actor_ref, person_mentions, resolve_pronoun

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
    svp = [c for c in doc.children.get(v, []) if doc.tok(c).rel == "svp"]
    svp_lemmas = {doc.tok(c).lemma.lower() for c in svp} | {doc.tok(c).text.lower() for c in svp}
    for cue in lex.entries(t.lemma):
        if frame not in cue.frames:
            continue
        if cue.particle:
            if cue.particle not in svp_lemmas and not _loose_particle(doc, v, cue.particle):
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
    """The particle where the parse did not attach it: later in the same clause, before a comma."""
    rng = doc.sent_range(doc.tok(v).sent)
    for k in range(v + 1, min(rng.stop, v + 12)):
        t = doc.tok(k)
        if t.text in (",", ":", ";") or k in doc.quoted or (t.lemma in ("dat", "of") and t.tag == "VG"):
            return False
        if t.lemma.lower() == particle and t.tag in ("VZ", "ADJ", "BW"):
            return True
    # "heeft ... aangegeven": the particle glued to the participle is in the lemma itself
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


def subject_of(doc: Doc, v: int, lex: CueLexicon) -> int | None:
    """The subject of verb v, climbing from a participle or infinitive to its auxiliary."""
    h: int | None = v
    for _ in range(4):
        if h is None:
            return None
        for c in doc.children.get(h, []):
            t = doc.tok(c)
            if t.rel == "su" and c not in doc.quoted and is_word(t) and t.sent == doc.tok(v).sent:
                return c
        t = doc.tok(h)
        if t.rel not in ("vc", "cnj", "body") and h != v:
            return None
        h = t.head
    return None


def _speaker_np(doc: Doc, head: int) -> tuple[int, int]:
    a, b = doc.np_around(head)
    return a, b


def speaker_from_verb(doc: Doc, v: int, lex: CueLexicon, rule: str, cue: VerbCue | None,
                      inverted: bool) -> Found | None:
    """The speaker of a cue verb: its subject, or the noun phrase right after it (inverted
    "zei de minister") or right before it where the parse gives no subject."""
    h = subject_of(doc, v, lex)
    kind = cue.kind if cue else "speech"
    if h is not None and doc.tok(h).lemma.lower() in lex.anaphors and doc.tok(h).tag != "VNW" or \
            (h is not None and doc.tok(h).lemma.lower() in ("dat", "dit", "zo")):
        h = None  # "Dat zegt X": the subject the parser chose is the claim
    if h is None:
        span = None
        if inverted:
            k = v + 1
            rng = doc.sent_range(doc.tok(v).sent)
            while k in rng and (doc.tok(k).tag in ("BW",) or doc.tok(k).lemma.lower() in ("er", "eraan", "erbij", "het")
                                or doc.tok(k).rel == "svp"):
                k += 1
            if k in rng:
                span = doc.np_chunk_from(k, 1)
        else:
            span = doc.np_chunk_from(v - 1, -1) if v - 1 in doc.sent_range(doc.tok(v).sent) else None
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
    rng = doc.sent_range(doc.tok(v).sent)
    for k in range(v + 1, min(rng.stop, v + 10)):
        t = doc.tok(k)
        if k in doc.quoted or t.text in (":", ";") or t.text in ('"',):
            return None
        if t.tag == "VG" and t.lemma.lower() in ("dat", "of"):
            return k
        if is_finite(t) or (t.tag == "VG" and t.lemma.lower() not in ("dat", "of")):
            return None
    return None


def _trim_end(doc: Doc, first: int, last: int) -> int:
    """Index one past the last token of [first, last) that is not closing punctuation."""
    while last > first and doc.tok(last - 1).tag == "LET" and doc.tok(last - 1).text not in ('"', "'", "”", "’", ")"):
        last -= 1
    return last


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
        w0 = words[0]
        if doc.tok(w0).lemma.lower() in lex.anaphors and w0 not in doc.quoted:
            v = next((i for i in words[1:3] if doc.tok(i).tag == "WW" and is_finite(doc.tok(i))), None)
            if v is not None:
                cue = verb_cue(doc, v, lex, "anaphoric")
                if cue is None and doc.tok(v).lemma.lower() in ("hebben", "zijn", "laten"):
                    # "Dat heeft X gezegd", "Dat liet X weten": the cue is further on
                    cue_v = next((i for i in words[2:] if verb_cue(doc, i, lex, "anaphoric")), None)
                    if cue_v is not None:
                        cue = verb_cue(doc, cue_v, lex, "anaphoric")
                if cue is not None:
                    f = speaker_from_verb(doc, v, lex, "anaphoric", cue, inverted=True)
                    if f:
                        if f.speaker:
                            f.speaker.cue = tuple(sorted(set(f.speaker.cue) | {w0}))
                        anaphoric[s.index] = f
                        prev = s.index - 1
                        if f.speaker and prev >= 0 and prev not in title_sents and art.sentences[prev].paragraph == s.paragraph:
                            prng = doc.sent_range(prev)
                            pw = [i for i in prng if is_word(doc.tok(i))]
                            if pw and not all(i in doc.quoted for i in pw):
                                pe = _trim_end(doc, prng.start, prng.stop)
                                out.append(Reported(doc.tok(prng.start).start, doc.tok(pe - 1).end, prev, f.speaker))
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
            stop = _next_clause(doc, lex, comp + 1, end_tok)
            stop = _trim_end(doc, comp + 1, stop)
            if stop > comp + 1:
                out.append(Reported(doc.tok(comp + 1).start, doc.tok(stop - 1).end, s.index, f.speaker))
        # volgens X … / …, aldus X
        for p in words:
            pos = lex.sources.get(doc.tok(p).lemma.lower())
            if pos is None or p in doc.quoted or doc.tok(p).tag not in ("VZ", "BW"):
                continue
            f = speaker_from_source(doc, p, lex, doc.tok(p).lemma.lower())
            if not f or not f.speaker:
                continue
            a, b = f.speaker.first, f.speaker.last
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
            elif pos == "any":                  # Dat is volgens X een fout.
                span = (rng.start, end_tok)
            else:
                continue
            inner = [i for i in range(*span) if is_word(doc.tok(i))]
            if not inner or all(i in doc.quoted for i in inner):
                continue                        # the clause is a direct quote: attribution, not indirect speech
            out.append(Reported(doc.tok(span[0]).start, doc.tok(span[1] - 1).end, s.index, f.speaker))
        # …, zegt X.  (inverted attribution after an unquoted clause)
        for v in words:
            if not is_finite(doc.tok(v)) or v in doc.quoted or v == words[0]:
                continue
            if doc.tok(v - 1).text != "," or (v - 2 >= rng.start and (v - 2) in doc.quoted and doc.tok(v - 2).tag == "LET"):
                continue
            cue = verb_cue(doc, v, lex, "after")
            if not cue or not cue.frames & {"dat", "anaphoric"}:
                continue
            rest = [i for i in words if i > v]
            f = speaker_from_verb(doc, v, lex, "inverted", cue, inverted=True)
            if not f or not f.speaker or any(i >= f.speaker.last for i in rest if not doc.tok(i).tag == "BW" and doc.tok(i).tag != "VZ"
                                              and not (doc.tok(i).tag in ("N", "SPEC", "ADJ", "LID", "TW") and i < f.speaker.last + 6)):
                continue
            clause = [i for i in words if i < v - 1]
            if not any(is_finite(doc.tok(i)) for i in clause) or all(i in doc.quoted for i in clause):
                continue
            out.append(Reported(doc.tok(rng.start).start, doc.tok(v - 2).end, s.index, f.speaker))
    return _dedupe_reported(out), anaphoric


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
            nxt = doc.tok(k + 1)
            if is_finite(nxt) and verb_cue(doc, k + 1, lex, "dat") and _complementizer(doc, k + 1) is not None:
                return k
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


def attribution_colon(doc: Doc, seg: list[int], lex: CueLexicon, headline_ok: bool = True) -> Found | None:
    """X zegt: "…"  /  Trump kritisch voor de VN: '…'  /  headline Rutte: '…'."""
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
    # Any main-clause verb: the subject of the clause that introduces the quote.
    finite = sorted((v for v in words if is_finite(doc.tok(v))), key=lambda v: (_depth(doc, v), -v))
    for v in finite:
        if _depth(doc, v) > 1:
            break
        h = subject_of(doc, v, lex)
        if h is not None and doc.tok(h).lemma.lower() not in lex.anaphors:
            if doc.tok(h).lemma.lower() in lex.generic_speakers:
                return Found(None, generic=True)
            a, b = _speaker_np(doc, h)
            return Found(SpeakerSpan(a, b, h, (v,), "colon-clause"))
    # A verbless headline "Rutte: '…'" or "Rutte supertrots: '…'": the name it starts with.
    if headline_ok and is_name(doc.tok(words[0])) and not any(is_finite(doc.tok(v)) for v in words):
        b = words[0] + 1
        while b < len(doc.tokens) and b in words and (is_name(doc.tok(b)) or doc.tok(b).rel == "mwp"):
            b += 1
        return Found(SpeakerSpan(words[0], b, words[0], (), "colon-name"))
    return None


def attribution_in_sentence(doc: Doc, c: Candidate, lex: CueLexicon, reported: list[Reported]) -> Found | None:
    """A partial quote: the reported speech around it, or the cue verb of its sentence."""
    inside = [r for r in reported if r.start <= c.start and c.end <= r.end]
    if inside:
        r = min(inside, key=lambda r: r.end - r.start)
        return Found(replace(r.speaker, rule="partial-" + r.speaker.rule))
    sents = range(c.first_sent, c.last_sent + 1)
    cands = [i for s in sents for i in doc.sent_range(s) if i not in doc.quoted]
    before = [i for i in cands if doc.tok(i).end <= c.start]
    after = [i for i in cands if doc.tok(i).start >= c.end]
    for group in (reversed(before), after):
        for v in group:
            t = doc.tok(v)
            if t.lemma.lower() in lex.sources and t.tag in ("VZ", "BW"):
                f = speaker_from_source(doc, v, lex, "partial-" + t.lemma.lower())
                if f:
                    return f
            cue = verb_cue(doc, v, lex, "direct")
            if cue:
                f = speaker_from_verb(doc, v, lex, "partial-cue", cue, inverted=v < (subject_of(doc, v, lex) or -1))
                if f:
                    return f
    return None


def _is_whole_sentence_start(doc: Doc, c: Candidate) -> bool:
    return not any(is_word(doc.tok(i)) for i in _segment(doc, c.first_sent, 0, c.q.open_at))


def _is_whole_sentence_end(doc: Doc, c: Candidate) -> bool:
    if c.q.close_end is None:
        return True
    return not any(is_word(doc.tok(i)) for i in _segment(doc, c.last_sent, c.q.close_end, len(doc.article.text)))


def attribution_previous(doc: Doc, c: Candidate, lex: CueLexicon, done: list[Candidate],
                         reported: list[Reported], title_sents: set[int]) -> Found | None:
    """A quote standing as its own sentence takes its speaker from the sentence before:
    a colon, the speaker of a quote or reported speech there, or its person subject."""
    prev = c.first_sent - 1
    if prev < 0 or (prev in title_sents and c.first_sent not in title_sents):
        return None
    rng = doc.sent_range(prev)
    seg = [i for i in rng if i not in doc.quoted]
    words = [i for i in seg if is_word(doc.tok(i))]
    last = [i for i in rng if doc.tok(i).tag == "LET" and i not in doc.quoted]
    if words and last and last[-1] == rng.stop - 1 and doc.tok(last[-1]).text == ":":
        f = attribution_colon(doc, seg, lex, headline_ok=False)
        if f:
            f.speaker and setattr(f.speaker, "rule", "previous-colon")
            return f
    quoted_here = [d for d in done if d.last_sent == prev or d.first_sent <= prev <= d.last_sent]
    for d in reversed(quoted_here):
        if d.speaker:
            return Found(replace(d.speaker, rule="continuation"))
    reps = [r for r in reported if r.sent == prev]
    if reps:
        return Found(replace(reps[-1].speaker, rule="previous-reported"))
    for v in sorted((v for v in words if is_finite(doc.tok(v))), key=lambda v: (_depth(doc, v), v)):
        h = subject_of(doc, v, lex)
        if h is None:
            continue
        a, b = _speaker_np(doc, h)
        t = doc.tok(h)
        person = any(is_name(doc.tok(i)) and doc.tok(i).ner.endswith("PER") for i in range(a, b)) or \
            (is_pronoun(t) and t.lemma.lower() in lex.pronouns) or \
            any(m.tokens[0] < b and a < m.tokens[1] and (m.person or m.kind == "person") for m in doc.article.actors)
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
    if not art.title or not art.paragraphs:
        return set()
    ps, pe = art.paragraphs[0]
    if art.text[ps:pe].strip() != art.title.strip():
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
        f = f or attribution_after(doc, c, lex)
        if f is None:
            seg = _segment(doc, c.first_sent, 0, c.q.open_at)
            seg = [i for i in seg if not done or doc.tok(i).start >= (done[-1].q.close_end or 0)]
            punct = [i for i in seg if doc.tok(i).tag == "LET"]
            if punct and punct[-1] == seg[-1] and doc.tok(punct[-1]).text == ":":
                f = attribution_colon(doc, seg, lex, headline_ok=True)
        whole = _is_whole_sentence_start(doc, c) and _is_whole_sentence_end(doc, c)
        if f is None and not whole:
            f = attribution_in_sentence(doc, c, lex, reported)
        if f is None and c.last_sent + 1 in anaphoric:
            f = anaphoric[c.last_sent + 1]
        if f is None and _is_short(c):
            continue             # a short phrase nobody is said to have said: a scare quote
        if f is None and _is_whole_sentence_start(doc, c):
            f = attribution_previous(doc, c, lex, done, reported, title_sents)
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
    return done


# ---------------------------------------------------------------- the whole article


class SpeakerResolver:
    """SpeakerSpan → ActorRef; pronouns to the most recent fitting person."""

    def __init__(self, doc: Doc, lex: CueLexicon, spans: list[SpeakerSpan]):
        self.doc, self.lex = doc, lex
        self.persons = person_mentions(doc, lex)
        self.named = [PersonMention(s.first, s.last, s.head, True, actor_ref(doc, s.first, s.last, s.head))
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
    a, b = min(s.cue), max(s.cue)
    t = doc.article.tokens
    return Span(t[a].start, t[b].end, doc.article.text[t[a].start:t[b].end], t[a].sent)


def extract_quotes(article: Article, lex: CueLexicon) -> list[Quote]:
    doc = Doc(article)
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
