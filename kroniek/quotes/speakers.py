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


KIND_RANK = {"person": 0, "role": 1, "igo": 2, "metonym": 3, "party": 4, "country": 5, "capital": 5,
             "demonym": 6, "adjective": 7, "pronoun": 8}


def article_mentions(article) -> list[ActorMention]:
    """The actor stage's mentions: from `article.actors` where the stage ran, else computed
    here (without storing them) where the stage is installed, else none."""
    if article.actors:
        return article.actors
    try:
        from ..actors.resolve import resolve_article
    except ImportError:
        return []
    try:
        return resolve_article(article)
    except Exception:  # a failing resolver leaves the speakers as words, it does not lose the quotes
        return []


def mention_for(doc: Doc, first: int, last: int, head: int | None = None) -> ActorMention | None:
    """The actor mention that best covers tokens [first, last): the one holding the head,
    else the most specific (person > role > organisation > country), coded ones first."""
    inside = [m for m in doc.mentions if m.tokens[0] < last and first < m.tokens[1]]
    if not inside:
        return None
    coded = [m for m in inside if m.code] or inside
    if head is not None:
        for m in coded:
            if m.tokens[0] <= head < m.tokens[1] and m.kind != "adjective":
                return m
    return min(coded, key=lambda m: (KIND_RANK.get(m.kind, 9), m.tokens[0]))


def words_ref(doc: Doc, first: int, last: int) -> ActorRef:
    t = doc.article.tokens
    return ActorRef(text=doc.span_text(first, last), start=t[first].start, end=t[last - 1].end)


def actor_ref(doc: Doc, first: int, last: int, head: int | None = None) -> ActorRef:
    """The speaker as an ActorRef: its words, with code/country/person from the actor stage."""
    words = words_ref(doc, first, last)
    m = mention_for(doc, first, last, head)
    if m is None:
        return words
    ref = m.ref()
    # Keep the speaker's full words ("de Franse minister van Buitenlandse Zaken Barrot")
    # where the actor mention covers only part of them.
    return replace(ref, text=words.text, start=words.start, end=words.end)


@dataclass
class PersonMention:
    first: int
    last: int
    head: int
    subject: bool
    ref: ActorRef
    person: bool = True      # a person (not an organisation or a country speaking)


def _office_noun(tok) -> bool:
    """A singular role noun that names an office held by one person (the actor stage's
    role list marks them with an office: president, minister, voorzitter, woordvoerder is not)."""
    if tok.tag != "N" or "ev" not in tok.features:
        return False
    try:
        from ..actors.kb import load_kb, normalise
    except ImportError:
        return False
    kb = load_kb()
    role = kb.roles.get((normalise(tok.lemma),)) or kb.roles.get((normalise(tok.text),))
    return bool(role and role.office)


def is_person_span(doc: Doc, first: int, last: int) -> bool:
    """Do tokens [first, last) name a person: a PER name, or an actor-stage person?"""
    toks = doc.article.tokens
    if any(toks[i].ner.endswith("PER") for i in range(first, last)):
        return True
    overlapping = [m for m in doc.mentions if m.tokens[0] < last and first < m.tokens[1]]
    if any(m.person or m.kind == "person" for m in overlapping):
        return True
    # a singular office ("de vicepresident", "voorzitter van de Fed") is one person;
    # "de overheid", "het ministerie" are not
    if any(m.kind == "role" and any(_office_noun(toks[i]) for i in range(*m.tokens)) for m in overlapping):
        return True
    # a bare name the actor stage does not know, as the speaker of a speech verb ("zei Djamal")
    words = [toks[i] for i in range(first, last) if toks[i].tag != "LET"]
    return bool(words) and not overlapping and all(is_name(t) for t in words)


def person_mentions(doc: Doc, lex: CueLexicon) -> list[PersonMention]:
    """Persons named in the article, in order: the actor stage's person mentions, else
    Frog's PER names (the whole subject phrase where the name is a subject)."""
    out: list[PersonMention] = []
    toks = doc.article.tokens
    for m in doc.mentions:
        if m.person or m.kind == "person":
            a, b = m.tokens
            if b - a == 1 and toks[a].lemma.lower() in lex.pronouns:
                continue
            subj = any(toks[i].rel == "su" for i in range(a, b))
            out.append(PersonMention(a, b, a, subj, m.ref()))
    i = 0
    while i < len(toks):  # Frog's PER names the actor stage does not know
        t = toks[i]
        if t.ner.endswith("PER") and t.ner.startswith("B") or (t.ner.startswith("I-PER") and (i == 0 or not toks[i - 1].ner.endswith("PER"))):
            j = i + 1
            while j < len(toks) and toks[j].ner == "I-PER":
                j += 1
            # the whole subject phrase ("demissionair premier Dick Schoof") where it is one
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
            text = doc.article.text
            word = toks[i].text
            scare = text[toks[i].start - 1:toks[i].start] in "'‘’\"“„" and toks[i].start > 0
            acronym = j - i == 1 and word.isupper() and len(word) <= 5     # "GM", "NPD": organisations
            if scare or acronym:
                i = j
                continue
            if not any(p.first < b and a < p.last for p in out):   # the actor stage's mention wins
                out.append(PersonMention(a, b, head if head is not None else i, head is not None, actor_ref(doc, a, b, i)))
            i = j
        else:
            i += 1
    return sorted(out, key=lambda p: p.first)


def resolve_pronoun(doc: Doc, pronoun: int, persons: list[PersonMention], speakers: list[PersonMention]) -> PersonMention | None:
    """The person a third-person pronoun speaker stands for: its coreference chain where the
    actor stage made one, else the most recent person before it, subjects and earlier
    speakers first (within two sentences), then any person mentioned before."""
    toks = doc.article.tokens
    chain_ref = _chain_antecedent(doc, pronoun)
    if chain_ref:
        return chain_ref
    # people named inside a quote are the speaker's subject matter, not the speaker;
    # "hij" and singular "zij"/"ze" stand for a person, plural "ze" may be an organisation
    t = toks[pronoun]
    singular = "ev" in t.features or t.lemma.lower() in ("hij", "hem")
    before = [p for p in persons + speakers if p.last <= pronoun and (p.person or not singular)
              and not any(i in doc.quoted for i in range(p.first, p.last))]
    if not before:
        return None
    sent = toks[pronoun].sent
    # the current speaker first ("…", zei Agema. "…", zei ze), then a recent subject, then anyone
    near_speakers = [p for p in speakers if p in before and sent - toks[p.first].sent <= 3]
    near = [p for p in before if p.subject and sent - toks[p.first].sent <= 2]
    return max(near_speakers or near or before, key=lambda p: (p.first, p.last))


def _chain_antecedent(doc: Doc, pronoun: int) -> PersonMention | None:
    m = next((m for m in doc.mentions if m.tokens[0] <= pronoun < m.tokens[1]), None)
    if m is None or m.chain is None:
        return None
    named = [x for x in doc.mentions if x.chain == m.chain and x.tokens[1] <= pronoun
             and not is_pronoun(doc.article.tokens[x.tokens[0]])]
    if not named:
        return None
    x = named[0] if any(is_name(doc.article.tokens[i]) for i in range(*named[0].tokens)) else named[-1]
    return PersonMention(x.tokens[0], x.tokens[1], x.tokens[0], True, x.ref())
