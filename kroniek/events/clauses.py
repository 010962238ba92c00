"""Clauses and their arguments from word order, POS and chunks (TABARI-style sparse parsing).

Why not Frog's dependency relations: measured on the seed and nl-eval (benchmarks/
events_parse_check.py), Frog's `su` is unreliable exactly where Dutch news puts its subjects —
after the finite verb in inverted main clauses — and a fifth of sentences have several roots.
Dutch word order is regular enough to do without: the finite verb is second in a main clause
(the subject is the first constituent, or the first noun phrase after the finite verb when
something else is fronted), last in a subordinate clause (the subject follows the
subordinator). Prepositions mark the other arguments. Actors come from the actor stage
(`article.actors`), so only their positions have to be read here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..records import ActorMention, Article, Token
from .lexicon import Lexicon

PUNCT_BOUNDARY = {",", ";", ":", "(", ")", "\"", "“", "”", "'", "‘", "’", "–", "-", "—"}
NP_INNER_TAGS = {"LID", "ADJ", "TW", "N", "SPEC"}


def is_finite(t: Token) -> bool:
    return t.tag == "WW" and "pv" in t.features


def is_verb(t: Token) -> bool:
    return t.tag == "WW" and ("pv" in t.features or "inf" in t.features or "vd" in t.features) \
        and "nom" not in t.features and "prenom" not in t.features


@dataclass
class Argument:
    """An actor mention as an argument of a clause: how it is marked and where it stands."""

    mention: ActorMention
    first: int                 # article token index
    last: int                  # exclusive
    marker: str                # "bare", "adj", or the governing preposition (aan, met, tussen …)
    head_noun: Optional[int] = None   # for "adj": the noun the actor adjective modifies
    outer: Optional[str] = None       # for "van": the preposition of the phrase it belongs to ("op doelen van X")
    coordinated_with: Optional[int] = None  # index (in Clause.args) of the conjunct it follows


@dataclass
class Clause:
    sent: int
    tokens: list[int]                       # article token indexes, in order
    kind: str = "main"                      # main, sub, inf
    opener: Optional[int] = None            # the subordinator / coordinator / om that opens it
    finite: Optional[int] = None
    verbs: list[int] = field(default_factory=list)
    args: list[Argument] = field(default_factory=list)
    parent: Optional[int] = None            # index of the clause it depends on (in the sentence list)
    index: int = 0
    finite_repaired: bool = False           # a plural present Frog tagged as infinitive

    @property
    def start(self) -> int:
        return self.tokens[0]

    @property
    def end(self) -> int:
        return self.tokens[-1] + 1


def _lower(t: Token) -> str:
    return t.text.lower()


def split_clauses(article: Article, sent: int, lex: Lexicon) -> list[Clause]:
    """Cut a sentence into clauses at subordinators, relative pronouns, clause coordination,
    om-te infinitives and punctuation; segments without a verb rejoin their neighbour."""
    toks = article.sentence_tokens(sent)
    if not toks:
        return []
    subs = lex.words("subordinators")
    coords = lex.words("coordinators")
    segments: list[list[Token]] = [[]]
    openers: list[Optional[Token]] = [None]
    # a parenthesis without a finite verb of its own ("een lening van 3 miljard dollar (2,8 miljard
    # euro) verstrekt", "Wereldgezondheidsorganisatie (WHO)") is part of its phrase, no clause boundary
    inner_parens: set[int] = set()
    for k, t in enumerate(toks):
        if t.text == "(":
            close = next((j for j in range(k + 1, len(toks)) if toks[j].text in ("(", ")")), None)
            if close is not None and toks[close].text == ")" and not any(is_finite(x) for x in toks[k + 1:close]):
                inner_parens.update((k, close))
    paren_ids = {toks[k].i for k in inner_parens}
    for k, t in enumerate(toks):
        low = _lower(t)
        boundary = False
        if segments[-1]:
            if low in subs and ((t.tag == "VG" and "onder" in t.features)
                                or (low.startswith("waar") and t.tag in ("BW", "VNW"))):
                # a subordinate clause has its own verb; "toen" without a finite one is the adverb "then"
                strict = low in lex.words("ambiguous_subordinators")
                for x in toks[k + 1:]:
                    if x.text in PUNCT_BOUNDARY and x.i not in paren_ids:
                        break
                    if is_finite(x) or (not strict and x.tag == "WW"):
                        boundary = True
                        break
            elif t.tag == "VNW" and "betr" in t.features and k > 0 and (
                    toks[k - 1].text in {",", "\""} or toks[k - 1].tag in ("N", "SPEC")):
                # a relative clause, after a comma or right after its noun ("een deal die … werd besproken")
                boundary = True
            elif low == "om" and any(_lower(x) == "te" for x in toks[k + 1:k + 12]):
                boundary = True
            elif low in coords and t.tag == "VG":
                rest = toks[k + 1:]
                nxt = rest[0] if rest else None
                # "… en zat niet aan tafel": a coordinator right before a finite verb starts a clause;
                # so does one followed by a full clause of its own (a finite verb before the next boundary)
                if nxt is not None and is_finite(nxt):
                    boundary = True
                elif any(is_finite(x) for x in segments[-1]):
                    for x in rest:
                        if (x.text in PUNCT_BOUNDARY and x.i not in paren_ids) or (x.tag == "VG" and "onder" in x.features):
                            break
                        if is_finite(x):
                            boundary = True
                            break
            elif t.text in PUNCT_BOUNDARY and k not in inner_parens:
                # not inside a list of names: "VVD, CDA, D66 en ChristenUnie"
                prev = toks[k - 1] if k > 0 else None
                nxt = toks[k + 1] if k + 1 < len(toks) else None
                boundary = not (t.text == "," and prev is not None and nxt is not None
                                and prev.tag == "SPEC" and nxt.tag == "SPEC")
        if boundary:
            segments.append([])
            openers.append(t if t.text not in PUNCT_BOUNDARY else None)
        elif k == 0 and t.tag == "VG" and "onder" in t.features and low in subs:
            openers[0] = t              # a sentence that opens with its subordinate clause
        segments[-1].append(t)
    # merge verbless segments into the previous one (appositions, quoted NPs, "zei X")
    merged: list[tuple[list[Token], Optional[Token]]] = []
    for seg, op in zip(segments, openers):
        has_verb = any(is_verb(x) for x in seg)
        if merged and (not has_verb) and not (op is not None and op.tag == "VG" and "onder" in op.features):
            merged[-1][0].extend(seg)
        elif merged and not any(is_verb(x) for x in merged[-1][0]) and merged[-1][1] is None:
            merged[-1][0].extend(seg)
            if op is not None:
                merged[-1] = (merged[-1][0], op)
        else:
            merged.append((list(seg), op))
    clauses: list[Clause] = []
    for n, (seg, op) in enumerate(merged):
        idx = [t.i for t in seg]
        kind = "main"
        if op is not None:
            low = _lower(op)
            if low == "om" or (not any(is_finite(x) for x in seg) and any(_lower(x) == "te" for x in seg)):
                kind = "inf"
            elif (op.tag == "VG" and "onder" in op.features) or (op.tag == "VNW" and "betr" in op.features) \
                    or low.startswith("waar"):
                kind = "sub"
            elif low in coords:
                kind = "conj"
        elif not any(is_finite(x) for x in seg) and any(_lower(x) == "te" for x in seg):
            kind = "inf"
        if kind == "conj" and _lower(op) == "of":
            # "of" that Frog calls a coordinator but whose clause ends in its finite verb is
            # "whether": "Het is onduidelijk of Rusland bereid is"
            content = [t for t in seg if t.tag != "LET"]
            if content and is_finite(content[-1]):
                kind = "sub"
        c = Clause(sent=sent, tokens=idx, kind=kind, opener=op.i if op is not None else None, index=n)
        c.verbs = [t.i for t in seg if is_verb(t)]
        fin = [t.i for t in seg if is_finite(t)]
        c.finite = fin[0] if fin else None
        if c.finite is None and kind == "sub" and c.verbs and not any(_lower(x) == "te" for x in seg) \
                and "inf" in article.tokens[c.verbs[0]].features:
            # "dat zij … gaan leveren": a subordinate clause has a finite verb; the plural present
            # at the head of its final cluster was tagged as an infinitive
            c.finite, c.finite_repaired = c.verbs[0], True
        if c.finite is None and kind in ("main", "conj") and c.verbs and not any(_lower(x) == "te" for x in seg):
            # "Beide buurlanden gaan intensiever samenwerken": the plural present has the form of the
            # infinitive and Frog often tags it so; the verb after the first noun phrase is finite
            first_verb = article.tokens[c.verbs[0]]
            k = idx.index(first_verb.i)
            if k > 0 and article.tokens[idx[k - 1]].tag in ("N", "SPEC", "VNW") and \
                    "inf" in first_verb.features:
                c.finite, c.finite_repaired = first_verb.i, True
        if n > 0 and kind in ("sub", "inf", "conj"):
            c.parent = n - 1
        clauses.append(c)
    return clauses


# ------------------------------------------------------------------ arguments

def coded(m: ActorMention) -> bool:
    return bool(m.code or m.country)


def named(m: ActorMention) -> bool:
    """A person or organisation the text names that the knowledge base does not know ("Paul
    Ryan", "de vzw Kompas"): an actor without a code, still a doer or a target."""
    return m.kind == "name"


def mentions_by_sentence(article: Article, actors: Optional[list[ActorMention]] = None
                         ) -> dict[int, list[ActorMention]]:
    """Actor mentions with a code, the longest first when they overlap."""
    out: dict[int, list[ActorMention]] = {}
    spans = sorted((m for m in (article.actors if actors is None else actors)
                    if (coded(m) or named(m)) and m.tokens[1] > m.tokens[0]),
                   key=lambda m: (m.tokens[0], -(m.tokens[1] - m.tokens[0])))
    taken: list[tuple[int, int, str]] = []
    for m in spans:
        a, b = m.tokens
        if all(t.tag in ("VZ", "VG", "LID", "BW", "LET") for t in article.tokens[a:b]):
            continue          # "Om 8u30" is no Openbaar Ministerie
        country = m.country or (m.code or "")[:3]
        # inside a longer mention: "Amerikaanse" in "de Amerikaanse president" is dropped, but a
        # conjunct with another country ("een Oekraïense en Amerikaanse delegatie") is kept
        if any(a >= x and b <= y and (c == country or (a, b) == (x, y)) for x, y, c in taken):
            continue
        taken.append((a, b, country))
        sent = m.sent if m.sent is not None else article.tokens[a].sent
        out.setdefault(sent, []).append(m)
    return out


def _marker_before(article: Article, clause_start: int, first: int, lex: Lexicon) -> tuple[str, Optional[int]]:
    """Walk left from a mention over its own noun phrase: the preposition that governs it,
    "coord" when a coordinator comes first (the caller takes the first conjunct's marker),
    or "bare"."""
    i = first - 1
    opened = False     # a determiner or numeral was crossed: the noun phrase starts there
    while i >= clause_start:
        t = article.tokens[i]
        if opened and t.tag in ("N", "SPEC"):
            # a noun before the determiner ends another phrase: "in Minsk dertig betogers" —
            # betogers are no part of the in-phrase
            return "bare", None
        if t.tag in NP_INNER_TAGS or (t.tag == "VNW" and ("det" in t.features or "bez" in t.features)):
            opened = opened or t.tag in ("LID", "TW") or t.tag == "VNW"
            i -= 1
            continue
        if _lower(t) in ("aldus", "volgens", "zegt", "zei", "meldt"):
            return "volgens", i
        if _lower(t) == "richting":
            return "naar", i
        if t.tag == "VZ":
            low = _lower(t)
            return ({"vanuit": "uit", "namens": "van"}.get(low, t.lemma.lower() if t.lemma else low), i)
        if t.tag == "VG" and _lower(t) in ("en", "of", "noch"):
            return "coord", i
        if t.text == "," and i - 1 >= clause_start and article.tokens[i - 1].tag in ("SPEC", "N"):
            return "coord", i
        return "bare", None
    return "bare", None


def clause_arguments(article: Article, clause: Clause, mentions: list[ActorMention], lex: Lexicon) -> list[Argument]:
    people = lex.words("actor_heads")
    lo, hi = clause.start, clause.end
    args: list[Argument] = []
    prev_end = None
    for m in mentions:
        a, b = m.tokens
        if a < lo or a >= hi:
            continue
        if args and prev_end is not None and a < prev_end:
            # a conjunct the actor stage nested in the phrase before it
            args.append(Argument(mention=m, first=a, last=b, marker=args[-1].marker,
                                 coordinated_with=args[-1].coordinated_with if args[-1].coordinated_with is not None
                                 else len(args) - 1))
            continue
        if args and prev_end is not None and a == prev_end + 1 and article.tokens[prev_end].text == "(":
            args[-1].last = b       # "General Motors (GM)", "Sander Dekker (VVD)": a parenthesis on the actor
            prev_end = b + 1 if b < len(article.tokens) and article.tokens[b].text == ")" else b
            continue
        if prev_end is not None and a == prev_end and args and article.tokens[a].tag != "LID" and \
                (args[-1].mention.country or (args[-1].mention.code or "")[:3]) == (m.country or (m.code or "")[:3]):
            # an apposition right after another actor ("de Amerikaanse president Trump" read as
            # two mentions) is the same argument; one that opens with its own article is a new
            # noun phrase ("Poolse speurders een Poolse cybercrimineel": subject and object)
            args[-1].last = b
            prev_end = b
            continue
        prev_end = b
        if a > 0 and article.tokens[a - 1].text == "(" and b < len(article.tokens) and article.tokens[b].text == ")":
            continue   # "(Ecolo)", "(VVD)" after a name it did not join: a label, never an argument
        toks = article.tokens[a:b]
        head_noun = None
        marker, _ = _marker_before(article, lo, a, lex)
        # an actor adjective modifying a non-actor noun owns that thing ("een Amerikaans voorstel")
        if toks and all(t.tag == "ADJ" for t in toks) and b < len(article.tokens):
            nxt = b
            while nxt < hi and article.tokens[nxt].tag == "ADJ":
                nxt += 1
            if nxt < hi and article.tokens[nxt].tag == "N" and _lower(article.tokens[nxt]) not in people \
                    and article.tokens[nxt].lemma.lower() not in people:
                # before a people noun the adjective stands for the people ("met zijn Chinese
                # ambtgenoot", "Russische troepen"); before a thing it owns it ("een Amerikaans voorstel")
                outer_of_adj = marker if marker not in ("bare", "coord") else None
                marker, head_noun = "adj", nxt
        arg = Argument(mention=m, first=a, last=b, marker=marker, head_noun=head_noun)
        if marker == "adj":
            arg.outer = locals().get("outer_of_adj")
        if marker == "van" and _ is not None:
            outer, _o = _marker_before(article, lo, _, lex)
            arg.outer = outer if outer not in ("bare", "coord") else "obj"
        if marker == "coord" and args:
            prev = args[-1]
            arg.marker = prev.marker
            arg.coordinated_with = len(args) - 1
        elif marker == "coord":
            arg.marker = "bare"
        args.append(arg)
    return args


def is_passive(article: Article, clause: Clause, lex: Optional[Lexicon] = None) -> bool:
    """worden + participle; also a participle with a door-agent after `zijn` (the passive
    perfect: "is door een rechter veroordeeld") or with no finite verb at all (the headline
    passive: "Reddingsplan geblokkeerd door Senaat")."""
    lemmas = {article.tokens[i].lemma for i in clause.verbs}
    has_vd = any("vd" in article.tokens[i].features for i in clause.verbs)
    if has_vd and "worden" in lemmas:
        return True
    if not has_vd or "hebben" in lemmas:
        return False
    door = any(article.tokens[i].text.lower() == "door" and article.tokens[i].tag == "VZ" for i in clause.tokens)
    fin_lemma = article.tokens[clause.finite].lemma if clause.finite is not None else None
    if fin_lemma is not None and fin_lemma != "zijn":
        return False
    if door:
        return True
    # `passive_perfect_without_agent`: "In Minsk zijn dertig betogers opgepakt", and the headline
    # "Dertig betogers opgepakt": a participle after zijn (or alone) is passive unless its verb
    # forms its perfect with zijn ("is binnengevallen", "is afgetreden": active)
    if lex is None:
        return False
    with_zijn = lex.words("perfect_with_zijn")
    participles = [article.tokens[i] for i in clause.verbs if "vd" in article.tokens[i].features]
    return bool(participles) and all(t.lemma.lower() not in with_zijn for t in participles)


def subject_and_objects(article: Article, clause: Clause, args: list[Argument], lex: Lexicon
                        ) -> tuple[list[Argument], list[Argument]]:
    """The subject (with its conjuncts) and the bare objects of a clause, by word order.

    Main clause: the first constituent if it is a bare actor noun phrase, else the first
    bare actor after the finite verb (inversion). Subordinate clause: the first bare actor
    after the subordinator. Arguments inside another's coordination follow their first conjunct."""
    bare = [a for a in args if a.marker == "bare"]
    if not bare:
        return [], []
    subj: Optional[Argument] = None
    fin = clause.finite
    if clause.kind in ("main", "conj") and fin is not None:
        found, subj = _main_clause_subject(article, clause, args, bare, lex)
        if not found:
            return [], bare
    elif clause.kind in ("sub", "main", "conj"):
        heads = [a for a in bare if a.coordinated_with is None]
        subj = heads[0] if heads else None
        if subj is not None and clause.kind == "sub" and _unresolved_subject_before(article, clause, args, subj, lex):
            # "dat de Duitse deelstaat Volkswagen een garantie geeft": the subject is a noun
            # phrase the actor layer did not resolve; the first actor is an object
            return [], bare
    if subj is None:
        return [], bare
    k = args.index(subj)
    group = [subj] + [a for a in args[k + 1:] if _in_coordination(args, a, k)]
    objects = [a for a in bare if a not in group]
    return group, objects


def _unresolved_subject_before(article: Article, clause: Clause, args: list[Argument], first: Argument,
                               lex: Lexicon) -> bool:
    """A subordinate clause whose first noun phrase, right after the subordinator, is no actor
    argument: in a Dutch subordinate clause that phrase is the subject (Frog's relations are
    unreliable here), so the first actor after it is an object. Time phrases ("dat vorige week
    Rusland …") do not count."""
    start = clause.tokens[0] + (1 if clause.opener == clause.tokens[0] else 0)
    temporal = lex.words("temporal_nouns")
    for i in range(start, first.first):
        t = article.tokens[i]
        if _arg_at(args, i) is not None or t.tag not in ("LID", "ADJ", "N"):
            return False
        if t.tag == "N":
            return t.lemma.lower() not in temporal and t.text.lower() not in temporal
    return False


PRONOUN_SUBJECTS = {"hij", "zij", "ze", "wij", "we", "ik", "jij", "je", "u", "men", "jullie"}


def _arg_at(args: list[Argument], i: int) -> Optional[Argument]:
    for a in args:
        if a.first <= i < a.last:
            return a
    return None


def _main_clause_subject(article: Article, clause: Clause, args: list[Argument], bare: list[Argument],
                         lex: Lexicon) -> tuple[bool, Optional[Argument]]:
    """(decided, subject) for a verb-second clause. The first constituent is the subject when
    it is a noun phrase that is not a time expression or a fronted `dat`/`dit`; otherwise the
    first noun phrase after the finite verb is. A subject that is no actor gives (True, None):
    then the actors in the clause are objects, never the subject."""
    temporal = lex.words("temporal_nouns")
    fin = clause.finite
    start = clause.tokens[0]
    for i in clause.tokens:
        if i >= fin:
            break
        if article.tokens[i].text in (":", ";", "–", "—"):
            start = i + 1
    vorfeld = [i for i in clause.tokens if start <= i < fin and article.tokens[i].tag != "LET"]
    if vorfeld and article.tokens[vorfeld[0]].tag == "VG":
        vorfeld = vorfeld[1:]
    if vorfeld:
        pre = _arg_at(args, fin - 1)
        if pre is not None and pre.marker == "bare" and pre.last == fin and pre.first > vorfeld[0] \
                and article.tokens[pre.first - 1].tag == "BW":
            # a focus adverb before the subject ("Ook de EU steunt …", "Vooral de linkse
            # oppositiepartijen drongen aan …", after an inline subheading): one constituent
            return True, pre
        first = article.tokens[vorfeld[0]]
        low = _lower(first)
        if first.tag in ("LID", "N", "SPEC", "ADJ", "TW") or (first.tag == "VNW" and low in PRONOUN_SUBJECTS):
            nouns = [article.tokens[i] for i in vorfeld if article.tokens[i].tag in ("N", "SPEC")]
            is_time = bool(nouns) and all(t.lemma.lower() in temporal or _lower(t) in temporal for t in nouns)
            if not is_time:
                people = lex.words("actor_heads")
                arg = _arg_at(args, vorfeld[0])
                if arg is None:
                    # the actor must head the first noun phrase: only determiners, adjectives and
                    # role nouns before it ("Regeerakkoord Rutte IV" is an agreement, not Rutte)
                    for a in bare:
                        if a.first in vorfeld and all(
                                article.tokens[i].tag in ("LID", "ADJ", "TW") or article.tokens[i].lemma.lower() in people
                                or _lower(article.tokens[i]) in people
                                or _lower(article.tokens[i]) in ("de", "het", "een")   # Frog: "De VS" as one name, De as SPEC
                                for i in vorfeld if i < a.first):
                            arg = a
                        break
                if arg is None:
                    # "Het leger van Soedan", "de regering van Venezuela": a role noun owned by an actor
                    for a in args:
                        if a.marker == "van" and a.first in vorfeld:
                            heads = [article.tokens[i] for i in vorfeld if i < a.first and article.tokens[i].tag == "N"]
                            if heads and (heads[-1].lemma.lower() in people or _lower(heads[-1]) in people):
                                return True, a
                        break
                if arg is not None and arg.marker == "bare":
                    return True, arg
                if arg is not None and arg.marker == "adj":
                    return True, None
                return True, None        # a subject that is not an actor ("Tusk wil de EU hervormen")
    # inverted: the first noun phrase after the finite verb
    k = clause.tokens.index(fin) + 1
    toks = clause.tokens
    while k < len(toks):
        i = toks[k]
        t = article.tokens[i]
        arg = _arg_at(args, i)
        if arg is not None:
            if arg.marker == "bare":
                return True, arg
            k = toks.index(arg.last - 1) + 1 if (arg.last - 1) in toks else k + 1
            continue
        if t.tag in ("BW", "LET", "ADJ", "TW") or (t.tag == "VNW" and ("refl" in t.features or "pr" in t.features)):
            k += 1
            continue
        if t.tag == "VZ":              # skip a prepositional phrase ("onder meer", "in Jeddah")
            k += 1
            while k < len(toks) and article.tokens[toks[k]].tag in ("LID", "ADJ", "N", "SPEC", "TW", "VNW") \
                    and _arg_at(args, toks[k]) is None:
                k += 1
            continue
        if t.tag in ("N", "SPEC") and (t.lemma.lower() in temporal or _lower(t) in temporal):
            k += 1
            continue
        if t.tag == "LID":
            # a determiner: look at its noun phrase (an actor adjective in it may be the subject:
            # "kwamen een Amerikaanse en een Oekraïense delegatie bijeen")
            j = k + 1
            while j < len(toks) and article.tokens[toks[j]].tag in ("ADJ", "TW") and _arg_at(args, toks[j]) is None:
                j += 1
            if j < len(toks) and (_arg_at(args, toks[j]) is not None):
                k = j
                continue
            if j < len(toks) and article.tokens[toks[j]].tag in ("N", "SPEC") and \
                    article.tokens[toks[j]].lemma.lower() in temporal:
                k = j + 1
                continue
            return True, None
        if t.tag in ("N", "SPEC") or (t.tag == "VNW" and _lower(t) in PRONOUN_SUBJECTS):
            return True, None
        break
    return False, None


def _in_coordination(args: list[Argument], a: Argument, head: int) -> bool:
    c = a.coordinated_with
    while c is not None:
        if c == head:
            return True
        c = args[c].coordinated_with
    return False


def _starts_constituent(article: Article, clause: Clause, arg: Argument) -> bool:
    """Whether the actor begins the clause's first constituent (no preposition or adverb
    before it, only determiners, adjectives, a coordinator, quotes). A headline's topic
    before a colon ("Van raketman naar eerbaar: Trump looft …") is not part of the clause."""
    start = clause.tokens[0]
    for i in clause.tokens:
        if i >= arg.first:
            break
        if article.tokens[i].text in (":", ";", "–", "—"):
            start = i + 1
    for i in clause.tokens:
        if i < start:
            continue
        if i >= arg.first:
            return True
        t = article.tokens[i]
        if t.tag in ("LID", "ADJ", "TW", "LET", "N", "SPEC") or (t.tag == "VG" and i == start) \
                or (t.tag == "VNW" and "det" in t.features):
            continue
        return False
    return True
