"""From a speaker's words to an actor: the actor stage's mentions where it ran, the most
recent fitting person for a pronoun, the words themselves otherwise."""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..records import ActorMention, ActorRef
from .doc import Doc, is_name, is_pronoun
from .lexicon import CueLexicon


@dataclass
class SpeakerSpan:
    first: int               # token range [first, last) of the speaker's words
    last: int
    head: int                # the head token (subject of the cue verb, object of "volgens")
    cue: tuple[int, ...]     # tokens of the cue words
    rule: str                # which attribution pattern found it
    kind: str = "speech"


def mention_for(doc: Doc, first: int, last: int, head: int | None = None) -> ActorMention | None:
    """The actor mention of the actor stage that best covers tokens [first, last)."""
    best, best_key = None, None
    for m in doc.article.actors:
        a, b = m.tokens
        if b <= first or a >= last:
            continue
        key = (head is not None and a <= head < b, m.person is not None, m.code is not None, b - a)
        if best_key is None or key > best_key:
            best, best_key = m, key
    return best


def _resolver_ref(doc: Doc, first: int, last: int) -> ActorRef | None:
    """The actor stage's resolver, where it is installed (it may still be under construction)."""
    try:
        from ..actors import resolve as actor_resolve  # type: ignore
    except ImportError:
        return None
    fn = getattr(actor_resolve, "actor_for_span", None)
    if fn is None:
        return None
    try:
        ref = fn(doc.article, first, last, doc.article.date)
    except Exception:  # the speaker still has its words if the resolver fails
        return None
    if isinstance(ref, ActorMention):
        ref = ref.ref()
    return ref if isinstance(ref, ActorRef) else None


def words_ref(doc: Doc, first: int, last: int) -> ActorRef:
    t = doc.article.tokens
    return ActorRef(text=doc.span_text(first, last), start=t[first].start, end=t[last - 1].end)


def actor_ref(doc: Doc, first: int, last: int, head: int | None = None) -> ActorRef:
    """The speaker as an ActorRef: its words, with code/country/person from the actor stage."""
    words = words_ref(doc, first, last)
    m = mention_for(doc, first, last, head)
    ref = m.ref() if m else _resolver_ref(doc, first, last)
    if ref is None:
        return words
    # Keep the speaker's full words ("de Amerikaanse minister van Buitenlandse Zaken Rubio")
    # where the actor mention covers only part of them.
    return replace(ref, text=words.text, start=words.start, end=words.end)


@dataclass
class PersonMention:
    first: int
    last: int
    head: int
    subject: bool
    ref: ActorRef


def person_mentions(doc: Doc, lex: CueLexicon) -> list[PersonMention]:
    """Persons named in the article, in order: the actor stage's person mentions, else
    Frog's PER names (the whole subject phrase where the name is a subject)."""
    out: list[PersonMention] = []
    toks = doc.article.tokens
    for m in doc.article.actors:
        if m.person or m.kind == "person":
            a, b = m.tokens
            if b - a == 1 and toks[a].lemma.lower() in lex.pronouns:
                continue
            subj = any(toks[i].rel == "su" for i in range(a, b))
            out.append(PersonMention(a, b, a, subj, m.ref()))
    if out:
        return sorted(out, key=lambda p: p.first)
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.ner.endswith("PER") and t.ner.startswith("B") or (t.ner.startswith("I-PER") and (i == 0 or not toks[i - 1].ner.endswith("PER"))):
            j = i + 1
            while j < len(toks) and toks[j].ner == "I-PER":
                j += 1
            # the whole subject phrase ("demissionair premier Mark Rutte") where it is one
            head, k = None, i
            for _ in range(4):
                if toks[k].rel == "su":
                    head = k
                    break
                h = toks[k].head
                if h is None or toks[h].sent != t.sent or toks[h].tag == "WW":
                    break
                k = h
            if head is not None:
                a, b = doc.np_around(head)
                a, b = min(a, i), max(b, j)
            else:
                a, b = i, j
            out.append(PersonMention(a, b, head if head is not None else i, head is not None, actor_ref(doc, a, b, i)))
            i = j
        else:
            i += 1
    return out


def resolve_pronoun(doc: Doc, pronoun: int, persons: list[PersonMention], speakers: list[PersonMention]) -> PersonMention | None:
    """The person a third-person pronoun speaker stands for: its coreference chain where the
    actor stage made one, else the most recent person before it, subjects and earlier
    speakers first (within two sentences), then any person mentioned before."""
    toks = doc.article.tokens
    chain_ref = _chain_antecedent(doc, pronoun)
    if chain_ref:
        return chain_ref
    before = [p for p in persons + speakers if p.last <= pronoun]
    if not before:
        return None
    sent = toks[pronoun].sent
    near = [p for p in before if p.subject and sent - toks[p.first].sent <= 2]
    pick = max(near or before, key=lambda p: (p.first, p.last))
    return pick


def _chain_antecedent(doc: Doc, pronoun: int) -> PersonMention | None:
    m = next((m for m in doc.article.actors if m.tokens[0] <= pronoun < m.tokens[1]), None)
    if m is None or m.chain is None:
        return None
    named = [x for x in doc.article.actors if x.chain == m.chain and x.tokens[1] <= pronoun
             and not is_pronoun(doc.article.tokens[x.tokens[0]])]
    if not named:
        return None
    x = named[0] if any(is_name(doc.article.tokens[i]) for i in range(*named[0].tokens)) else named[-1]
    return PersonMention(x.tokens[0], x.tokens[1], x.tokens[0], True, x.ref())
