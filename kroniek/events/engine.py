"""The event coder: clauses → predicates from the lexicon → source/target → mode, date,
place → enrichment → one event per real-world event.

Pure over an analysed Article (sentences, tokens, `article.timexes`, `article.actors`).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Optional

from ..records import ActorMention, ActorRef, Article, Event, Span, Token
from . import codebook, dating, places
from .clauses import (Argument, Clause, clause_arguments, is_passive, is_verb, mentions_by_sentence, split_clauses,
                      subject_and_objects)
from .lexicon import (NO_EVENT, ClauseWords, Entry, Lexicon, any_pattern, choose_code, choose_code_at, find_pattern,
                      load)
from .mode import clause_mode, combine, tense

# Confidence: a prior probability that a careful coder would record the event with this root,
# dyad and mode, by the way it was found. Set from hand-checking nl-eval output (see
# benchmarks/events_nl_eval.py); merged mentions raise it as independent evidence would.
CONFIDENCE = {
    "verb": 0.75,            # predicate and subject found by word order in the clause
    "verb_specific": 0.8,    # a construction with its object noun (gesprekken voeren, hulp leveren)
    "passive": 0.7,          # passive with an explicit door-agent
    "inherited": 0.55,       # subject taken from the governing or previous clause
    "discourse": 0.45,       # parties of a reciprocal verb taken from the meeting before it
    "nominal_pair": 0.65,    # de gesprekken tussen X en Y
    "nominal": 0.55,         # de Russische inval in Oekraïne
    "reaction": 0.5,         # target of a reaction ("betreurt het nieuws") taken from the event before
    "attributed": 0.6,       # a verdict ("X is corrupt") whose speaker is named around it, not as subject
    "crowd": 0.55,           # demonstrators named only by number ("Duizenden betogen in Parijs"), country from the place
    "implicit": 0.5,         # a passive with no agent ("Twintig betogers opgepakt in Minsk"): the doer left empty or the state
    "nominal_place": 0.45,   # a nominal event with no doer, placed by its place ("een aanslag in Mosul")
    "statement": 0.6,        # a plain statement (010) that carries no other event
}
DISCOURSE_SENTENCES = 2    # how far back a discourse rule looks for the parties of an earlier event
DISCOURSE_PARAGRAPHS = 1   # … or, for an agreement without parties, how many paragraphs back its meeting may be
STATE_AGENTS = {"GOV", "COP", "JUD", "MIL", "SPY", "LEG"}
# State agents that are coded by their role alone when no country can be found for them.
ROLE_ONLY_AGENTS = {"COP", "JUD", "MIL", "SPY", "LEG"}
# A doer that acts in words, not by force: for verbs with a `verbal_code` ("aanvallen").
VERBAL_ROLES = {"PTY", "LEG", "OPP", "MED", "CVL", "LAB", "BUS", "EDU", "JUD", "NGO", "ELI", "HRI", "REL"}
# Who does a passive's unnamed deed: arrests, bans and deportations by the state of the place
# (the police for arrests); violence and other acts are left to an empty doer.
IMPLICIT_STATE_CODES = {"173": "COP", "1711": "COP", "174": "GOV", "172": "GOV", "116": "JUD"}
SOURCELESS_ROOTS = {"14", "17", "18", "19", "20"}
# Violence and abduction whose private doers and victims are coded by their agent code (crime
# as GDELT codes it): assaults (18), fights (19), mass violence (20), kidnapping (181 is in 18),
# riots (145).
PRIVATE_VIOLENCE_ROOTS = {"18", "19", "20", "145"}   # events a coder records even when the doer is unnamed
PATIENT_IS_DOER_ROOTS = {"15"}   # "De luchtmacht is in paraatheid gebracht": the force posture is the patient's
OFFICIAL_ROLES = {"GOV", "LEG", "JUD", "MIL", "IGO", "PTY", "ELI", "SPY", "COP"}
REPAIRED_TAG_PENALTY = 0.1    # the verb was tagged as another part of speech by Frog
BARE_OBJECT_PENALTY = 0.05    # a bare object can be a subject the order misread


@dataclass
class Found:
    """An event candidate before merging."""

    entry: Entry
    code: str
    sources: list[Argument]
    target: Optional[Argument]
    clause: Clause
    trigger: list[int]                 # token indexes of the trigger words
    path: str
    mode: str = "asserted"
    confidence: float = 0.5
    symmetric: bool = False
    attributed: Optional[ActorMention] = None
    parent_has_event: bool = False
    target_ref: Optional[ActorRef] = None
    attribution_only: bool = False     # "Dat zegt X": the clause names who said the sentence before
    denial: Optional["Found"] = None   # the denial of this (negated) deed in the same clause


def named_entities(article: Article) -> list[ActorMention]:
    """Frog's PER and ORG names that no actor mention covers, as uncoded actors (kind "name").
    The actor layer codes what its knowledge base knows; a name it does not know is still the
    doer of "Paul Ryan roept Trump op …", with an empty code as GDELT leaves it."""
    taken = set()
    for m in article.actors:
        taken.update(range(m.tokens[0], m.tokens[1]))
    out: list[ActorMention] = []
    toks = article.tokens
    i = 0
    while i < len(toks):
        t = toks[i]
        kind = t.ner[2:] if t.ner.startswith("B-") else None
        if kind not in ("PER", "ORG") or i in taken:
            i += 1
            continue
        j = i + 1
        while j < len(toks) and toks[j].ner == f"I-{kind}" and toks[j].sent == t.sent:
            j += 1
        if not any(k in taken for k in range(i, j)) and toks[i].text[:1].isupper():
            out.append(ActorMention(text=article.text[toks[i].start:toks[j - 1].end], start=toks[i].start,
                                    end=toks[j - 1].end, sent=t.sent, tokens=(i, j), kind="name"))
        i = j
    return out


def _words(article: Article, idx) -> ClauseWords:
    return ClauseWords((article.tokens[i].lemma.lower(), article.tokens[i].text.lower()) for i in idx)


# ------------------------------------------------------------------ predicates

def _particles(article: Article, clause: Clause, lex: Lexicon) -> list[Token]:
    parts = lex.words("particles")
    toks = [article.tokens[i] for i in clause.tokens]
    out = []
    for k, t in enumerate(toks):
        if t.text.lower() not in parts:
            continue
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if t.rel == "svp" or nxt is None or nxt.tag in ("WW", "LET", "VZ", "VG") or nxt.text.lower() in ("te",) \
                or (nxt.tag == "VNW" and "betr" in nxt.features):    # "zet diplomaten uit die …"
            out.append(t)
    return out


def _particle_fits(article: Article, clause: Clause, p: Token, v: Token) -> bool:
    """A separated particle belongs to the finite verb it follows in a verb-second clause
    (vielen … binnen), or stands right before its verb (binnen te vallen, op wil heffen)."""
    if v.i == clause.finite and p.i > v.i:
        others = [i for i in clause.verbs if i != v.i and p.i > i]
        return not others or all("pv" in article.tokens[i].features for i in others)
    between = [article.tokens[i] for i in range(p.i + 1, v.i)]
    return 0 <= v.i - p.i <= 3 and all(t.text.lower() == "te" or t.tag == "WW" for t in between)


def _heads_the_clause(article: Article, clause: Clause, v: Token) -> bool:
    """The verb that carries the clause: the finite verb, or the participle or infinitive
    under an auxiliary ("heeft … gevraagd in te stemmen"), not a te-infinitive."""
    if v.i == clause.finite:
        return True
    return v.i > clause.start and article.tokens[v.i - 1].text.lower() != "te" and "pv" not in v.features


def _tail_after_relative(article: Article, clause: Clause) -> list[tuple[str, str]]:
    """The end of a main clause that an embedded relative clause cut off: "dient hij de premier,
    die vorige week om hervormingen vroeg, van repliek." The words after the comma that
    closes the relative clause, when no verb follows them, belong to the clause before it (its
    particle or the rest of its fixed expression)."""
    toks = [t for t in article.tokens[clause.end:] if t.sent == clause.sent]
    if len(toks) < 3 or clause.kind not in ("main", "conj") or article.tokens[clause.end - 1].text != "," \
            or not (toks[0].tag == "VNW" and "betr" in toks[0].features):
        return []
    commas = [k for k, t in enumerate(toks) if t.text == ","]
    if not commas:
        return []
    last = commas[-1]
    head, tail = toks[:last], toks[last + 1:]
    if not any(is_verb(t) for t in head) or any(is_verb(t) for t in tail) or not any(t.tag != "LET" for t in tail):
        return []
    return [(t.lemma.lower(), t.text.lower()) for t in tail]


def match_predicate(article: Article, clause: Clause, lex: Lexicon
                    ) -> Optional[tuple[Entry, str, list[int], set[int], bool]]:
    """The best lexicon verb entry for a clause: (entry, code, trigger tokens, consumed tokens,
    repaired-tag flag) or None."""
    words = _words(article, clause.tokens)
    after = clause.end
    if after < len(article.tokens) and article.tokens[after].sent == clause.sent \
            and article.tokens[after].tag == "VG" and article.tokens[after].text.lower() == "dat":
        words.append(("dat", "dat"))   # a dat-complement follows: "moest toegeven dat …" (with: ["dat"])
        # the dat-clause up to the end of the sentence: what an opinion verb says ("vindt dat het
        # kabinet veel te weinig doet") decides whether it is an event at all (complement_with)
        compl_words = _words(article, [t.i for t in article.tokens[after + 1:]
                                       if t.sent == clause.sent])
    else:
        compl_words = []
    words += _tail_after_relative(article, clause)
    aux = lex.words("auxiliaries")
    parts = _particles(article, clause, lex)
    cands: list[tuple[Token, bool]] = [(article.tokens[i], False) for i in clause.verbs]
    if not clause.verbs:
        # no verb at all: one may hide under another tag ("President Trump hint op …", hint as noun)
        for i in clause.tokens:
            t = article.tokens[i]
            if t.tag != "WW" and t.text.lower() in lex.verb_forms and t.tag in ("N", "ADJ", "SPEC") \
                    and not (t.tag == "N" and lex.noun_entries(t.lemma or t.text)):
                cands.append((t, True))   # (a noun with an event entry of its own is that noun: "aanval op Rafah")
    best = None
    for v, repaired in cands:
        lemmas: list[tuple[str, Optional[Token]]] = [(p.text.lower() + v.lemma.lower(), p) for p in parts
                                                     if _particle_fits(article, clause, p, v)]
        if repaired:
            lemmas += [(lem, None) for lem in sorted(lex.verb_forms.get(v.text.lower(), ()))]
        elif not any(p.rel == "svp" and p.head == v.i for p in parts):
            # `separable_verb`: with its particle attached by the parser ("stelde het besluit
            # uit"), the verb is never read without it (uitstellen, not stellen)
            lemmas.append((v.lemma.lower(), None))
            if v.lemma.lower() not in lex.verbs:     # a bad lemma (afreist): try the form
                lemmas += [(lem, None) for lem in sorted(lex.verb_forms.get(v.text.lower(), ()))]
        for lem, part in lemmas:
            for e in lex.verbs.get(lem, []):
                if lem in aux and not (e.with_any or e.with_all) and len(clause.verbs) > 1:
                    continue
                consumed: set[int] = set()
                ok = True
                for p in e.with_all:
                    hit = find_pattern(p, words)
                    if not hit:
                        ok = False
                        break
                    consumed.update(clause.tokens[hit[0]:hit[1] + 1])
                if not ok:
                    continue
                if e.complement_with and not any_pattern(e.complement_with, compl_words):
                    continue
                if e.with_any:
                    hit = any_pattern(e.with_any, words)
                    if not hit:
                        continue
                    consumed.update(clause.tokens[hit[0]:hit[1] + 1])
                code, obj_hit = choose_code_at(e, words)
                if code == NO_EVENT:
                    continue
                if obj_hit is not None:
                    # the object that chose the sub-code is part of the predicate, no nominal event
                    # of its own ("stelde een staakt-het-vuren voor")
                    consumed.update(clause.tokens[k] for k in range(obj_hit[0], obj_hit[1] + 1) if k < len(clause.tokens))
                # a plain statement verb yields to any other reading of the clause ("geeft kritiek")
                score = e.specificity - (10 if e.statement else 0) + (3 if part is not None else 0) - (1 if repaired else 0) \
                    - (1 if v.lemma in aux else 0) + (5 if e.governs and _heads_the_clause(article, clause, v) else 0)
                trig = sorted({v.i} | ({part.i} if part is not None else set()))
                if best is None or score > best[0]:
                    best = (score, e, code, trig, consumed, repaired)
    if best is None:
        return None
    return best[1], best[2], best[3], best[4], best[5]


# ------------------------------------------------------------------ arguments

def _target(entry_targets, args: list[Argument], objects: list[Argument], sources: list[Argument],
            after: Optional[int] = None, head: Optional[int] = None, finite: Optional[int] = None,
            root: Optional[int] = None) -> Optional[Argument]:
    src_ids = {id(a) for a in sources}
    for marker in entry_targets:
        if marker in ("obj", "adj"):
            continue
        direct = [a for a in args if a.marker == marker and id(a) not in src_ids]
        owner = [a for a in args if a.marker in ("van", "adj") and a.outer == marker and id(a) not in src_ids]
        if owner and not direct:
            return owner[0]
    for marker in entry_targets:
        for a in args:
            if id(a) in src_ids:
                continue
            if after is not None and a.first < after:
                continue
            if marker == "obj" and a in objects:
                return a
            if marker == "adj" and a.marker == "adj" and (head is None or a.head_noun is None or a.head_noun >= head):
                return a
            if a.marker == marker and marker not in ("obj", "adj"):
                return a
    # the owner of a non-actor object or target phrase: "valt doelwitten van Hamas aan",
    # "luchtaanvallen op doelen van Hezbollah"
    for marker in entry_targets:
        for a in args:
            if a.marker == "van" and a.outer == marker and id(a) not in src_ids and (after is None or a.first >= after):
                if marker != "obj" or not objects:
                    return a
    if "obj" in entry_targets and not objects:
        for a in args:      # an actor adjective on the object: "viel Oekraïense steden aan", "veroordeelde de Israëlische aanvallen"
            if a.marker == "adj" and id(a) not in src_ids and finite is not None and a.first > finite \
                    and root is not None and (root == 5 or root >= 9):   # not "ontving Amerikaanse dollars"
                return a
        for a in args:      # last resort: the owner of whatever the object is (objects follow the finite verb)
            if a.marker == "van" and id(a) not in src_ids and (after is None or a.first >= after) \
                    and (finite is None or finite < a.first <= finite + 8):
                return a
    return None


def _nominal_beside_its_verb(found: list[Found]) -> list[Found]:
    """A nominal event with no doer in a sentence whose verb already codes an event of the same
    root is that event named again ("zette hem uit, de eerste uitzetting sinds …"; a headline
    "Zware beschietingen op X" over "De RSF bestookte X"): only the verb's event stays."""
    verbs = {(f.clause.sent, f.code[:2]) for f in found if f.entry.kind == "verb" and f.sources}
    heads = {f.code[:2] for f in found if f.entry.kind == "verb" and f.sources and f.clause.sent <= 1}
    return [f for f in found if not (f.path == "nominal_place" and (
        (f.clause.sent, f.code[:2]) in verbs or (f.clause.sent == 0 and f.code[:2] in heads)))]


def _attribute_previous_sentence(found: list[Found]) -> None:
    """"Dat zei de minister": the events of the sentence just before are the speaker's claims."""
    for f in found:
        if f.attribution_only and f.sources:
            for g in found:
                if g.clause.sent == f.clause.sent - 1 and g.attributed is None:
                    g.attributed = f.sources[0].mention


def _statements_carry_nothing_else(found: list[Found]) -> list[Found]:
    """A plain statement (010) is coded only when nothing else in its sentence is an event:
    "X zei dat Y Z aanviel" is the attack, claimed by X; "X zei dat de economie groeit" is X's
    statement."""
    busy = {f.clause.sent for f in found if not f.entry.statement and (f.sources or f.path == "nominal_place")
            and (f.target is not None or f.target_ref is not None or f.entry.target_optional)}
    return [f for f in found if not f.entry.statement
            or (f.clause.sent not in busy and f.sources and _coded(f.sources[0].mention)
                and _role(f.sources[0].mention) != "MED" and not f.attribution_only)]


def _domestic(code: str) -> bool:
    """Codes of acts on the people of a country rather than on another state: coercion (17),
    investigation (09), lawsuits and verdicts (115, 116), assaults and mass killings (18, 20:
    "RSF-strijders hebben honderden burgers vermoord"); and of people defying their own
    state's rules (128) or threatening it with protest (133: "De vakbonden dreigen met acties");
    demands with no addressee (10: "Vlaams Belang eist een asielstop") and political reforms or
    concessions (083: "Het kabinet schrapt de btw-verhoging") are aimed at the doer's own country."""
    return code[:2] in ("17", "09", "18", "20", "10") or code[:3] in ("115", "116", "128", "133", "083")


def _coded(m: Optional[ActorMention]) -> bool:
    return m is not None and bool(m.code or m.country)


def _role(m: Optional[ActorMention]) -> str:
    """The CAMEO agent of a mention: its role, else the agent part of its code."""
    if m is None:
        return ""
    if (m.code or "").startswith("IGO"):
        return "IGO"
    return (m.role or (m.code or "")[3:6] or "").upper()


def _acts_in_words(m: Optional[ActorMention]) -> bool:
    """A politician, party, court, journalist or unknown named person rather than a state or
    an armed force: who can only attack in words. A head of government or minister (GOV) is
    taken as the state: "Poetin viel Oekraïne aan" is the war."""
    if m is None:
        return False
    role = _role(m)
    if role in VERBAL_ROLES:
        return True
    return m.kind == "name" and not role


def _same_actor(a: ActorMention, b: ActorMention) -> bool:
    """One referent: the same mention, knowledge-base entity, coreference chain or name."""
    if a is b or (a.entity and a.entity == b.entity) or (a.chain is not None and a.chain == b.chain):
        return True
    return (a.code or a.country) == (b.code or b.country) and (a.person or a.text) == (b.person or b.text)


# ------------------------------------------------------------------ the coder

class EventCoder:
    def __init__(self, lex: Optional[Lexicon] = None):
        self.lex = lex or load()

    def __call__(self, article: Article) -> list[Event]:
        found = [g for f in self.find(article) for g in self.expand_targets(f)]
        self._discourse: dict[int, tuple[str, str]] = {}
        events = [self.to_event(article, f) for f in found]
        events = [e for e in events if e is not None]
        events = merge_events(events, article.date)
        for n, e in enumerate(events, 1):
            e.id = f"e{n}"
        return events

    # -------------------------------------------------------------- finding
    def find(self, article: Article) -> list[Found]:
        lex = self.lex
        mentions = mentions_by_sentence(article, self._placed_roles(article) + named_entities(article))
        quotes = self._direct_quotes(article)
        out: list[Found] = []
        prev_subject: Optional[tuple[int, Argument]] = None   # (sentence, subject) of the last main clause
        for s in article.sentences:
            clauses = split_clauses(article, s.index, lex)
            sent_mentions = mentions.get(s.index, [])
            next_text = article.sentence_text(s.index + 1)[:60] if s.index + 1 < len(article.sentences) else ""
            colon = self._headline_colon(article, s.index, sent_mentions)
            for c in clauses:
                c.args = clause_arguments(article, c, sent_mentions, lex)
                if colon is not None and c.start < colon:
                    # `headline_colon_speaker`: "Kremlin: 'Kyiv viel Koersk aan'" — the speaker
                    # before the colon is no argument of the clause after it
                    c.args = [a for a in c.args if a.first > colon]
            resolved_sources: dict[int, list[Argument]] = {}
            pending: Optional[tuple[int, Found, Entry]] = None
            clauses_with_event: set[int] = set()
            governing: set[int] = set()
            parent_modes: dict[int, str] = {}
            conditional = {k.index for k in clauses if k.kind == "sub" and k.opener is not None
                           and article.tokens[k.opener].text.lower() in lex.words("conditional_subordinators")
                           and not (k.opener + 1 < len(article.tokens)
                                    and article.tokens[k.opener + 1].text.lower() == "volgt")}
            for c in clauses:
                subj, objs = subject_and_objects(article, c, c.args, lex)
                front = self._subject_before_relative(article, c, clauses)
                if front is not None:
                    subj, objs = [front], [a for a in c.args if a.marker == "bare"]
                guessed_subject = False
                if not subj:
                    speaker = self._quoted_first_person(article, c, quotes) or \
                        self._reported_pronoun(article, c, clauses, resolved_sources)
                    if speaker is None:
                        # antecedents found by position, not by the actor layer: less sure
                        speaker = self._previous_subject(article, c, prev_subject) or \
                            self._relative_antecedent(article, c, clauses)
                        guessed_subject = speaker is not None
                    if speaker is not None:
                        subj = [speaker]
                if c.kind == "main" and subj and subj[0].mention.kind in ("person", "role", "pronoun"):
                    prev_subject = (s.index, subj[0])
                passive = is_passive(article, c, lex)
                if passive:
                    agents = [a for a in c.args if a.marker == "door"]
                    patients = subj
                    subj_sources = agents
                else:
                    patients = []
                    subj_sources = subj
                parent_modes[c.index] = combine(clause_mode(article, c, lex, next_text),
                                                *[parent_modes.get(c.parent, "asserted")] if c.kind in ("inf", "sub") and c.parent is not None else [])
                resolved_sources[c.index] = subj_sources or (
                    resolved_sources.get(c.parent, []) if c.kind in ("inf", "conj") and c.parent is not None else [])
                m = match_predicate(article, c, lex)
                consumed: set[int] = set()
                if m is not None:
                    entry, code, trig, consumed, repaired = m
                    f = self._verb_event(article, c, entry, code, trig, subj_sources, objs, patients, passive,
                                         repaired, clauses, resolved_sources, next_text, consumed)
                    if f is None or not f.sources:
                        consumed = set()   # "De Russische aanval op Kiev begon": the noun carries the event
                    if f is not None and guessed_subject and f.sources and f.path in ("verb", "verb_specific"):
                        f.path, f.confidence = "inherited", min(f.confidence, CONFIDENCE["inherited"])
                    if f is not None and c.parent is not None and c.parent in governing and c.kind in ("inf", "sub"):
                        f.mode = combine(f.mode, "hypothetical")   # what is demanded, refused or threatened
                    if f is not None and c.kind in ("inf", "sub") and c.parent is not None:
                        # the governing clause's verbs (overwegen, willen) and its own doubt or negation
                        inherited = parent_modes.get(c.parent, "asserted")
                        f.mode = combine(f.mode, self._governing_mode(article, clauses[c.parent]) or "asserted",
                                         inherited if inherited in ("negated", "hypothetical", "counterfactual") else "asserted")
                    if f is not None and c.kind == "main" and not entry.governs \
                            and (c.index - 1 in conditional or c.index + 1 in conditional):
                        f.mode = combine(f.mode, "hypothetical")   # "Als Rusland …, zal de EU …"
                    if f is not None and pending is not None and c.parent == pending[0] and c.kind in ("inf", "sub") \
                            and pending[1] in out and pending[1].code != pending[2].code:
                        # the matrix already took its sub-code from this complement ("afgesproken om te
                        # praten": 036): the complement is no second event
                        f = None
                        pending = None
                    if f is not None and pending is not None and c.parent == pending[0] and c.kind in ("inf", "sub"):
                        # the embedded event of a complement verb: its mode and, if missing, its source
                        _, matrix, mentry = pending
                        f.mode = combine(f.mode, mentry.complement or "asserted")
                        if not f.sources and matrix.sources:
                            f.sources, f.path, f.confidence = matrix.sources, "inherited", CONFIDENCE["inherited"]
                        if matrix in out and mentry.complement != "negated":
                            out.remove(matrix)     # a denial stays: "ontkent … te hebben geleverd" is 016
                        pending = None
                    if f is not None and entry.complement and not entry.standalone:
                        pending = (c.index, f, entry)    # only its complement can carry the event
                    elif f is not None:
                        if entry.governs:
                            governing.add(c.index)
                        f.parent_has_event = c.parent is not None and c.parent in clauses_with_event
                        if f.sources and (f.target is not None or f.target_ref is not None or f.entry.target_optional):
                            clauses_with_event.add(c.index)   # only an event that will be coded
                        out.append(f)
                        if f.denial is not None:
                            out.append(f.denial)
                        if entry.complement:
                            pending = (c.index, f, entry)
                    elif entry.complement:
                        # complement verb without its own actors: the embedded clause may still carry the event
                        ghost = Found(entry=entry, code=code, sources=subj_sources, target=None, clause=c,
                                      trigger=trig, path="verb")
                        pending = (c.index, ghost, entry)
                out.extend(self._nominal_events(article, c, consumed, next_text, resolved_sources.get(c.index, [])))
            self._headline_speaker(article, s.index, clauses, sent_mentions, out)
        out = _nominal_beside_its_verb(out)
        _attribute_previous_sentence(out)
        out = _statements_carry_nothing_else(out)
        self._discourse_parties(article, out)
        self._reaction_targets(article, out)
        return out

    def _reaction_targets(self, article: Article, found: list[Found]) -> None:
        """A reaction to news that names no target ("De EU betreurt het nieuws en kondigt
        tegenmaatregelen aan") is aimed at the doer of the event reported just before it, in
        the same or the previous two sentences, when that doer is another actor."""
        words = self.lex.words("reaction_words")
        stems = tuple(w[:-1] for w in words if w.endswith("*"))
        ordered = sorted(found, key=lambda f: f.trigger[0])
        for k, f in enumerate(ordered):
            if not f.sources or f.target is not None or f.target_ref is not None or f.symmetric:
                continue
            lemmas = {w for i in f.clause.tokens if article.tokens[i].tag == "N"
                      for w in (article.tokens[i].lemma.lower(), article.tokens[i].text.lower())}   # Frog: nieuws → nieuw
            if not (lemmas & words or any(lem.startswith(stems) for lem in lemmas if stems)):
                continue
            src = f.sources[0].mention
            for prev in reversed(ordered[:k]):
                if not prev.sources or f.clause.sent - prev.clause.sent > 2 or prev.clause.sent > f.clause.sent:
                    continue
                other = prev.sources[0].mention
                if (other.country or (other.code or "")[:3]) == (src.country or (src.code or "")[:3]):
                    continue
                f.target = prev.sources[0]
                f.path, f.confidence = "reaction", min(f.confidence, CONFIDENCE["reaction"])
                break

    def _verb_event(self, article, c: Clause, entry: Entry, code: str, trig, subj_sources, objs, patients, passive,
                    repaired, clauses, resolved_sources, next_text, consumed=frozenset()) -> Optional[Found]:
        lex = self.lex
        sources = list(subj_sources)
        path = "passive" if passive and sources else ("verb_specific" if entry.with_any else "verb")
        if not sources and c.kind == "inf" and c.parent is not None:
            # "de beslissing van Trump om … te erkennen": the owner of the noun before om controls it
            parent = clauses[c.parent]
            owners = [a for a in parent.args if a.marker == "van" and c.start - a.last <= 2]
            if owners:
                sources, path = [owners[-1]], "inherited"
        if not sources and passive and c.kind == "sub" and c.parent is not None and c.opener is not None \
                and article.tokens[c.opener].text.lower() in ("waarin", "waarmee", "waarbij", "waarop"):
            # "nam een verklaring aan waarin wordt aangedrongen op …": the document speaks
            # for the actor that adopted it
            parent = clauses[c.parent]
            docs = self.lex.words("document_nouns")
            if any(article.tokens[i].lemma.lower() in docs for i in parent.tokens) and resolved_sources.get(parent.index):
                sources, path = list(resolved_sources[parent.index]), "inherited"
        if not sources and not passive and c.kind in ("inf", "conj") and c.parent is not None:
            # the unexpressed subject of an infinitive or a second conjunct; a passive's
            # implicit agent is left empty instead
            sources = list(resolved_sources.get(c.parent, []))
            path = "inherited"
        if not sources and passive and code[:2] in PATIENT_IS_DOER_ROOTS and patients:
            sources, patients, path = list(patients), [], "implicit"
            objs = [o for o in objs if all(o is not s for s in sources)]
        if not sources and passive and (code[:2] in SOURCELESS_ROOTS or code[:3] in IMPLICIT_STATE_CODES):
            sources, path = self._implicit_agent(article, c, code), "implicit"
        if not sources and not passive and code[:2] == "14":
            crowd = self._crowd(article, c)
            if crowd is not None:
                sources, path = [crowd], "crowd"
        args = [a for a in c.args if all(a is not s for s in sources)]
        tgt_pool = args
        objects = list(objs) + (list(patients) if passive else [])
        # objects stand after the finite verb in a main clause, after the subject in a subordinate one
        if c.kind in ("main", "conj") and c.finite is not None:
            obj_from = c.finite
        elif sources and c.start <= sources[0].first < c.end:
            obj_from = sources[0].last - 1
        else:
            obj_from = c.start
        target = _target(entry.target, tgt_pool, objects, sources, finite=obj_from, root=int(code[:2]))
        if path == "implicit" and not sources and target is not None and target.marker == "adj":
            target = None    # "Een Gentse man werd neergestoken": a private person's town, no actor
        if target is not None and consumed and target.marker not in ("bare", "adj") and target.last <= min(consumed):
            # two phrases with the same preposition: the one after the construction's noun is its
            # partner ("tijdens zijn vergadering met Macron … naar zijn ontmoeting met Kim")
            later = [a for a in tgt_pool if a.marker == target.marker and a.first > max(consumed)]
            if later:
                target = later[0]
        compl = next((k for k in clauses if k.parent == c.index and k.kind in ("sub", "inf")), None)
        if entry.complement and compl is not None and entry.objects:
            code = choose_code(entry, _words(article, c.tokens + compl.tokens))   # "afgesproken om te praten": 036
            if code == NO_EVENT:
                return None
        if entry.governs and compl is not None:
            # "Iran eist dat de VS de sancties opheffen": the demand is addressed to the subject of
            # its complement and its sub-code comes from what is demanded
            code = choose_code(entry, _words(article, c.tokens + compl.tokens))
            if code == NO_EVENT:
                return None    # "het kabinet dreigt te vallen": the complement says it is no threat
            if entry.complement_with:
                # an opinion is about the subject of its dat-clause, never about a phrase of the
                # speaker's own NP ("Kamerlid Jansen van de SP vindt dat de minister …")
                csubj, _ = subject_and_objects(article, compl, compl.args, self.lex)
                target = (csubj or [None])[0]
            elif target is None:
                csubj, cobjs = subject_and_objects(article, compl, compl.args, self.lex)
                target = (csubj or [None])[0] or _target(entry.target, compl.args, cobjs, sources)
        symmetric = entry.symmetric
        if not symmetric and target is None and len(sources) >= 2 and code[:2] in ("03", "05", "08") \
                and (sources[0].mention.country or sources[0].mention.code) != (sources[1].mention.country or sources[1].mention.code):
            # "Israël en Hamas hebben ingestemd met een staakt-het-vuren": two sides agreeing
            # (cooperating, yielding) with no other target agree with each other
            symmetric = True
        if symmetric and len(sources) >= 2 and target is None:
            target = sources[1]
            sources = sources[:1]
        if symmetric and target is None:
            pair = [a for a in c.args if a.marker == "tussen"]
            if len(pair) >= 2:
                sources, target = [pair[0]], pair[1]
        if entry.speaker_source:
            # "'Het gedrag van GM tegenover Duitsland is onaanvaardbaar,' zei de Duitse minister",
            # "De Russische regering is corrupt. Dat zegt Edward Snowden": a verdict on an actor is
            # the speaker's disapproval; without a speaker (the reporter's own words) no event
            speaker = self._attribution(article, c, clauses, resolved_sources) or self._next_sentence_speaker(article, c)
            judged = list(sources) or [a for a in c.args if a.marker == "van" and c.finite is not None and a.last <= c.finite]
            if speaker is None or not judged or _same_actor(speaker, judged[0].mention):
                return None
            target = judged[0]
            sources = [Argument(mention=speaker, first=speaker.tokens[0], last=speaker.tokens[1], marker="bare")]
            path = "attributed"
        if entry.converse:
            # "GM krijgt van de Canadese staat een lening": the giver (a van-phrase or an actor
            # adjective in the object) is the source, the subject that receives is the target
            givers = [a for a in c.args if (a.marker in entry.doer or (a.marker == "adj" and a.outer in entry.doer))
                      and all(a is not s for s in sources)
                      and (obj_from is None or a.first > obj_from)]
            if not sources or not givers:
                return None
            sources, target = [givers[0]], sources[0]
        f = Found(entry=entry, code=code, sources=sources, target=target, clause=c, trigger=list(trig), path=path,
                  symmetric=symmetric)
        if target is None and entry.place_target:
            f.target_ref = self._place_actor(article, c, entry.target)
        if target is None and f.target_ref is None and sources and "obj" in entry.target:
            f.target_ref = self._institution_in_compound(article, c, obj_from, sources[0].mention)
        f.mode = clause_mode(article, c, lex, next_text, trigger_lemma=entry.lemma)
        if f.mode == "negated" and entry.governs:
            # "dreigen … niet langer wapens te leveren": the negation is inside the complement
            te = next((i for i in c.tokens if article.tokens[i].text.lower() == "te"), None)
            from .mode import negated as _negated
            # the negation belongs to the governing verb when it stands before it ("heeft hem niet
            # gevraagd … te stoppen"), to the complement when it follows it ("dreigt niet langer …")
            head = max(trig) if trig else (c.finite or te)
            if te is not None and not _negated(article, [i for i in c.tokens if i < te and i <= head], lex):
                f.mode = clause_mode(article, c, lex, next_text, ignore_negation=True)
        denial = self._denied_in_clause(article, c, trig)
        if denial is not None:
            # `denial_with_te_infinitive`: "ontkent chemische wapens te hebben ingezet" — the deed
            # is negated, and the denial is an event of its own (016)
            f.mode = "negated"
            i, dentry = denial
            f.denial = Found(entry=dentry, code=dentry.code, sources=list(sources), target=None, clause=c,
                             trigger=[i], path=path, confidence=CONFIDENCE["verb"],
                             mode=clause_mode(article, c, lex, next_text, trigger_lemma=dentry.lemma))
        if f.mode == "negated":
            self._cessation(article, c, f)
        conf = CONFIDENCE[path]
        if repaired:
            conf -= REPAIRED_TAG_PENALTY
        if target is not None and target in objs and not passive:
            conf -= BARE_OBJECT_PENALTY
        f.confidence = conf
        f.attributed = self._attribution(article, c, clauses, resolved_sources)
        if entry.statement:
            first = next((article.tokens[i] for i in c.tokens if article.tokens[i].tag != "LET"), None)
            # `anaphoric_attribution`: "Dat zei de minister maandag" names the speaker of the
            # sentence before; `trailing_attribution`: "…, zei de minister" (the speech verb opens
            # its clause after a comma) names the speaker of the clause before. Neither is a
            # statement of its own.
            f.attribution_only = first is not None and (
                (c.kind == "main" and first.text.lower() in ("dat", "dit") and first.tag == "VNW")
                or (first.i == c.finite and c.start > 0 and article.tokens[c.start - 1].text == ","
                    and article.tokens[c.start - 1].sent == c.sent)
                or (first.i == c.finite and article.tokens[first.i - 1].text == "," if first.i > 0 else False))
        return f

    @staticmethod
    def _direct_quotes(article: Article) -> list:
        """Direct quotes with an identified speaker, from the quotes layer (the quotes stage
        runs before this one); without that layer first persons stay unresolved."""
        return [q for q in article.quotes
                if q.direct and q.speaker is not None and (q.speaker.code or q.speaker.country)]

    def _quoted_first_person(self, article: Article, c: Clause, quotes: list) -> Optional[Argument]:
        """'"Wij willen praten met Teheran", zei de minister': the first person in a quote
        is its speaker (for "we": the speaker's side)."""
        if not quotes:
            return None
        content = [i for i in c.tokens if article.tokens[i].tag != "LET"]
        if not content:
            return None
        spots = {content[0]} | ({c.finite + 1} if c.finite is not None else set())
        for i in sorted(spots):
            t = article.tokens[i] if i < len(article.tokens) else None
            if t is None or t.text.lower() not in ("we", "wij", "ik"):
                continue
            q = next((q for q in quotes if q.start <= t.start < q.end), None)
            if q is None:
                continue
            sp = q.speaker
            m = ActorMention(text=sp.text, code=sp.code, country=sp.country, role=sp.role, person=sp.person,
                             start=t.start, end=t.end, sent=t.sent, tokens=(i, i + 1), kind="quoted-speaker")
            return Argument(mention=m, first=i, last=i + 1, marker="bare")
        return None

    def _reported_pronoun(self, article: Article, c: Clause, clauses: list[Clause],
                          resolved: dict[int, list[Argument]]) -> Optional[Argument]:
        """"De Amerikanen maakten bekend dat zij … gaan leveren": a third-person pronoun that
        opens the reported clause of a speech verb stands for the speaker."""
        if c.kind != "sub" or c.parent is None or c.opener is None or article.tokens[c.opener].text.lower() != "dat":
            return None
        nxt = c.opener + 1
        if nxt >= c.end or article.tokens[nxt].text.lower() not in ("hij", "zij", "ze", "het"):
            return None
        parent = clauses[c.parent]
        speech = self.lex.words("speech_verbs") | {"bekendmaken", "maken"}
        if not any(article.tokens[i].lemma.lower() in speech for i in parent.verbs):
            return None
        src = resolved.get(parent.index) or []
        if not src:
            return None
        return Argument(mention=src[0].mention, first=nxt, last=nxt + 1, marker="bare")

    def _previous_subject(self, article: Article, c: Clause, prev: Optional[tuple[int, Argument]]
                          ) -> Optional[Argument]:
        """A main clause whose subject is `hij` (or singular `zij`/`ze`) that the actor stage left
        unresolved continues the subject of the previous sentence's main clause, as it does in
        news prose ("Trump heeft Kim … omschreven. Hij zei …"; centering: the subject is the
        most likely antecedent). Only from the sentence just before."""
        if c.kind != "main" or c.finite is None or prev is None or prev[0] != c.sent - 1:
            return None
        fin = c.finite
        cands = [i for i in (c.tokens[0], fin + 1) if c.start <= i < c.end]
        for i in cands:
            t = article.tokens[i]
            low = t.text.lower()
            singular = "ev" in article.tokens[fin].features or "met-t" in article.tokens[fin].features
            if low == "hij" or (low in ("zij", "ze") and singular):
                if any(a.first <= i < a.last for a in c.args):
                    return None     # the actor stage resolved it
                if i == c.tokens[0] or (i == fin + 1 and article.tokens[c.tokens[0]].tag != "VNW"):
                    return Argument(mention=prev[1].mention, first=i, last=i + 1, marker="bare")
        return None

    def _relative_antecedent(self, article: Article, c: Clause, clauses: list[Clause]) -> Optional[Argument]:
        """"de Spaanse premier, die vorige maand nog waarschuwde voor …": a relative clause
        with no noun phrase of its own before its finite verb (only adverbs and time words) has
        its antecedent, the actor right before the relative pronoun, as subject. With a noun
        phrase there ("de deal die Rusland sloot") the antecedent is the object: no subject."""
        if c.kind != "sub" or c.parent is None or c.opener is None or c.finite is None:
            return None
        op = article.tokens[c.opener]
        if not (op.tag == "VNW" and "betr" in op.features and op.text.lower() in ("die", "dat")):
            return None
        temporal = self.lex.words("temporal_nouns")
        for i in range(c.opener + 1, c.finite):
            t = article.tokens[i]
            if t.tag in ("N", "SPEC", "VNW", "LID") and t.lemma.lower() not in temporal:
                return None
        before = c.opener - 1
        if before >= 0 and article.tokens[before].text == ",":
            before -= 1
        parent = clauses[c.parent]
        for a in parent.args:
            if a.last - 1 == before and a.marker not in ("adj", "van"):
                return Argument(mention=a.mention, first=a.first, last=a.last, marker="bare")
        return None

    def _subject_before_relative(self, article: Article, c: Clause, clauses: list[Clause]) -> Optional[Argument]:
        """"De Franse president, die gisteren in Berlijn was, ontmoette …": a main clause that
        starts with its finite verb after a relative clause has the noun phrase before that
        relative clause as its subject."""
        if c.kind != "main" or c.finite is None or c.index == 0:
            return None
        first = next((i for i in c.tokens if article.tokens[i].tag != "LET"), None)
        if first != c.finite:
            return None
        prev = clauses[c.index - 1]
        if prev.opener is None or not (article.tokens[prev.opener].tag == "VNW" and "betr" in article.tokens[prev.opener].features):
            return None
        head = clauses[0]
        args = [a for a in head.args if a.marker == "bare" and a.first < (prev.opener or 0)]
        return args[0] if args else None

    def _governing_mode(self, article: Article, parent: Clause) -> Optional[str]:
        """The mode a governing clause gives its complement: "overwegen om … te sturen" is
        hypothetical, "willen / van plan zijn / besluiten om …" intended."""
        lemmas = {article.tokens[i].lemma.lower() for i in parent.verbs}
        words = {article.tokens[i].text.lower() for i in parent.tokens}
        if lemmas & {"ontkennen", "weerleggen", "tegenspreken"}:
            return "negated"          # "ontkende dat Rusland burgers had aangevallen"
        if lemmas & {"overwegen", "speculeren"} or words & {"mogelijk", "misschien", "eventueel", "wellicht"}:
            return "hypothetical"
        intent = self.lex.words("intention_verbs") - {"gaan", "zullen"}
        if lemmas & intent or "plan" in words or "bereid" in words or "voornemens" in words:
            return "intended"
        return None

    def _cessation(self, article: Article, c: Clause, f: Found) -> None:
        """"zal geen wapens meer leveren": the stop of the act (1622), in the clause's other mode."""
        words = _words(article, c.tokens)
        cues = [tuple(p.split()) for p in self.lex.modes.get("cessation_cues") or []]
        if not any(find_pattern(p, words, max_gap=6) for p in cues):
            return
        table = self.lex.modes.get("cessation_codes") or {}
        new = table.get(f.code) or table.get(f.code[:2])
        if not new:
            return
        f.code = str(new)
        f.mode = clause_mode(article, c, self.lex, "", ignore_negation=True)

    def _placed_roles(self, article: Article) -> list[ActorMention]:
        """The actor layer's mentions, with a country for state and armed agents it left without
        one ("de politie", "een rechter", "de rebellen", "betogers"): the country of the place
        named in the same sentence ("door een rechter in Osijek", "de betogers in Caïro"), else
        of the one country or region the sentence names. Private persons and criminals get none
        (crime among citizens is no political event). The actor layer itself is not changed."""
        roles = self.lex.words("placed_roles")
        gov_nouns = self.lex.words("placed_government_nouns")
        own_state = {r.upper() for r in self.lex.words("placed_by_their_state")}
        out = []
        for m in article.actors:
            gov_ok = (m.role or "").upper() != "GOV" or (m.text.split() or [""])[-1].lower() in gov_nouns
            if m.code or m.country or (m.role or "").upper() not in {r.upper() for r in roles} or m.sent is None \
                    or not gov_ok:
                out.append(m)
                continue
            country = self._sentence_country(article, m.sent, (m.role or "").upper() in own_state,
                                             place_only=(m.role or "").upper() == "GOV")
            if not country:
                # `role_without_country`: "Politie pakt zeven verdachten op" with no country in
                # sight is still the police; GDELT codes such an actor by its role alone (COP)
                role = (m.role or "").upper()
                out.append(replace(m, code=role) if role in ROLE_ONLY_AGENTS else m)
                continue
            out.append(replace(m, code=f"{country}{m.role}", country=country))
        return out

    def _sentence_country(self, article: Article, sent: int, by_state: bool = False,
                          place_only: bool = False) -> Optional[str]:
        """The place named in the sentence ("in Osijek"), else the one country or region it
        names; for agents of a state's own politics (opposition, police, courts: by_state) also
        the one country of the other actors ("De Venezolaanse regering liet de oppositieleider
        arresteren", "kritiek op de plannen van minister Dekker, van oppositie")."""
        toks = [t.i for t in article.tokens if t.sent == sent]
        if not toks:
            return None
        hit = self._place(article, Clause(sent=sent, tokens=toks), ("in", "te", "uit"))
        if hit and hit.get("country") and len(hit["country"]) == 3:
            return hit["country"]
        if place_only:      # "de regering in Caïro", but "De regering legt Rusland sancties op" is no Russian one
            return None
        named = {m.country for m in article.actors if m.sent == sent and m.country and len(m.country) == 3
                 and m.country != "IGO" and m.kind in ("country", "region")}
        if by_state:
            # the state's own institutions only: "De regering legt Rusland sancties op" and "De
            # politie arresteerde twee Russen" name the other side, not the agent's country
            named |= {m.country for m in article.actors if m.sent == sent and m.country and len(m.country) == 3
                      and (m.code or "")[3:6] in ("GOV", "LEG", "JUD", "ELI") and m.kind in ("person", "role", "metonym")}
        return next(iter(named)) if len(named) == 1 else None

    def _headline_speaker(self, article: Article, sent: int, clauses: list[Clause],
                          mentions: list[ActorMention], out: list[Found]) -> None:
        """`headline_colon_speaker`: "Minister: 'Grens gaat dicht'", "Poetin: beschuldigingen zijn
        onzin" — an actor before a colon at the start of a sentence is its speaker, and the
        events after the colon are the speaker's claims. A headline with no event after the
        colon is not coded as a statement of its own: the article's lead reports it with its
        verb (on EventDNA dev such headline statements were a supported event 7 times in 25)."""
        colon = self._headline_colon(article, sent, mentions)
        if colon is None:
            return
        speaker = self._colon_speaker(article, sent, colon, mentions)
        for f in out:
            if f.clause.sent == sent and f.trigger and f.trigger[0] > colon:
                f.attributed = f.attributed or speaker

    def _headline_colon(self, article: Article, sent: int, mentions: list[ActorMention]) -> Optional[int]:
        """The colon of a headline "X: …" whose part before the colon is only its speaker X
        (within the first eight words, words after it); not "Russische raketaanval op Odesa:
        tien doden", whose first part is the news itself."""
        toks = article.sentence_tokens(sent)
        colon = next((t.i for t in toks[:8] if t.text == ":"), None)
        if colon is None or colon == toks[0].i or colon >= toks[-1].i - 1:
            return None
        return colon if self._colon_speaker(article, sent, colon, mentions) is not None else None

    @staticmethod
    def _colon_speaker(article: Article, sent: int, colon: int, mentions: list[ActorMention]) -> Optional[ActorMention]:
        first = article.sentence_tokens(sent)[0].i
        # only a speaker before the colon: "Trump waarschuwt Noord-Korea: …" has its own verb
        return next((m for m in mentions if m.tokens[0] <= first + 2 and m.tokens[1] == colon
                     and (m.code or m.country)
                     and not any(is_verb(article.tokens[i]) for i in range(first, m.tokens[0]))), None)

    @staticmethod
    def _free_noun_phrase(article: Article, c: Clause, noun: int) -> bool:
        """A nominal event stands on its own — as a headline, a subject, or after `bij`/`tijdens`
        ("Bij een aanslag in Kabul zijn …") — and is not the complement of another word's
        preposition ("beschuldigt Armenië van beschietingen", "reageert op de aanval"), where it
        is what someone talks about."""
        j = noun - 1
        while j >= c.start and article.tokens[j].tag in ("ADJ", "LID", "TW", "VNW", "BW"):
            j -= 1
        if j < c.start:
            return True
        before = article.tokens[j]
        if before.tag == "VZ":
            return before.text.lower() in ("bij", "tijdens")
        return before.tag in ("LET", "WW") or before.text.lower() == "er"

    @staticmethod
    def _protesters(article: Article, c: Clause, noun: int, place: ActorRef) -> Argument:
        """The unnamed protesters of a nominal protest ("protesten in Georgië"): that country's
        opposition, as the actor data codes demonstranten."""
        t = article.tokens[noun]
        m = ActorMention(text=t.text, code=f"{place.country}OPP", country=place.country, role="OPP",
                         start=t.start, end=t.end, sent=c.sent, tokens=(noun, noun + 1), kind="crowd")
        return Argument(mention=m, first=noun, last=noun + 1, marker="bare")

    def _denied_in_clause(self, article: Article, c: Clause, trig) -> Optional[tuple[int, Entry]]:
        """A denial verb (an entry with `complement: negated`) before the trigger in the same
        clause, with its entry: the trigger's deed is what is denied."""
        first = min(trig) if trig else None
        for i in c.verbs:
            if first is None or i >= first:
                continue
            lemma = article.tokens[i].lemma.lower()
            entry = next((e for e in self.lex.verbs.get(lemma, ()) if e.complement == "negated"), None)
            if entry is not None:
                return i, entry
        return None

    def _implicit_agent(self, article: Article, c: Clause, code: str) -> list[Argument]:
        """The unnamed doer of a passive (`passive_without_agent`): "In Minsk zijn twintig
        betogers opgepakt" is an arrest by the police of the country of the place; for violence
        ("Een journalist is doodgeschoten") the doer stays unknown (an empty list)."""
        role = IMPLICIT_STATE_CODES.get(code[:4]) or IMPLICIT_STATE_CODES.get(code[:3])
        if role is None or any(article.tokens[i].text.lower() == "door" for i in c.tokens):
            return []   # not a state's deed, or its doer is named, if not as an actor ("door de bosbranden")
        country = self._sentence_country(article, c.sent, by_state=True)
        if country == "IGO":
            return []
        v = article.tokens[c.verbs[0]] if c.verbs else article.tokens[c.start]
        label = f"({country} {role.lower()})" if country else f"({role.lower()})"
        m = ActorMention(text=label, code=f"{country or ''}{role}", country=country or None, role=role,
                         start=v.start, end=v.start, sent=c.sent, tokens=(v.i, v.i), kind="implicit")
        return [Argument(mention=m, first=v.i, last=v.i, marker="bare")]

    def _crowd(self, article: Article, c: Clause) -> Optional[Argument]:
        """Demonstrators the text names only by their number or as people ("Duizenden betogen in
        Parijs", "zijn duizenden mensen op straat gekomen"): the protesters of the country where
        they demonstrate, or of their demonym ("Duizenden Georgiërs gingen de straat op"), coded
        OPP like demonstranten in the actor data. The crowd word must be
        the subject-like noun phrase (not after a preposition) and the place must be named."""
        words = self.lex.words("crowd_words")
        crowd = None
        for i in c.tokens:
            t = article.tokens[i]
            if i > c.start and article.tokens[i - 1].tag == "VZ":
                continue
            if (t.lemma.lower() in words or t.text.lower() in words) and t.tag in ("TW", "N"):
                crowd = i
                break
        if crowd is None:
            return None
        demonym = next((a for a in c.args if a.first == crowd + 1 and a.mention.kind == "demonym"), None)
        hit = self._place(article, c, ("in", "te", "bij")) if demonym is None else None
        country = demonym.mention.country if demonym is not None else (hit["country"] if hit else None)
        if country is None:   # "In de Franse hoofdstad Parijs": the actor adjective of the place phrase
            country = next((a.mention.country for a in c.args if a.mention.kind in ("adjective", "country")
                            and (a.marker == "in" or a.outer == "in") and a.mention.country), None)
        if not country or len(country) != 3 or country == "IGO":
            return None
        last = crowd + 1 if demonym is None else demonym.last     # "Duizenden Georgiërs"
        while last < c.end and article.tokens[last].tag == "N" and article.tokens[last].lemma.lower() in words:
            last += 1      # "duizenden mensen"
        toks = article.tokens[crowd:last]
        m = ActorMention(text=article.text[toks[0].start:toks[-1].end], code=f"{country}OPP", country=country,
                         role="OPP", start=toks[0].start, end=toks[-1].end, sent=c.sent, tokens=(crowd, last),
                         kind="crowd")
        return Argument(mention=m, first=crowd, last=last, marker="bare")

    def _place_actor(self, article: Article, c: Clause, preps) -> Optional[ActorRef]:
        """A visit's destination named as a place ("reist af naar Seoel"): its country. With
        `obj` among the target slots, also a place named as the object after the finite verb
        ("hebben de stad Aleppo ingenomen")."""
        hit = self._place(article, c, tuple(p for p in preps if p not in ("obj", "adj")))
        if not hit and "obj" in preps and c.finite is not None:
            hit = self._object_place(article, c)
        if hit:
            return ActorRef(text=hit["text"], code=hit["country"], country=hit["country"])
        return None

    def _object_place(self, article: Article, c: Clause) -> Optional[dict]:
        toks = [i for i in c.tokens if i > c.finite]
        k = 0
        while k < len(toks):
            t = article.tokens[toks[k]]
            if t.tag == "VZ":        # a prepositional phrase is no object
                k += 1
                while k < len(toks) and article.tokens[toks[k]].tag in ("LID", "ADJ", "N", "SPEC", "TW"):
                    k += 1
                continue
            if t.text[:1].isupper() and t.tag == "SPEC":
                name = [t.text]
                while k + 1 < len(toks) and article.tokens[toks[k + 1]].tag == "SPEC":
                    k += 1
                    name.append(article.tokens[toks[k]].text)
                hit = places.resolve(" ".join(name))
                if hit and hit.get("country") and len(hit["country"]) == 3:
                    return hit
            k += 1
        return None

    def _next_sentence_speaker(self, article: Article, c: Clause) -> Optional[ActorMention]:
        """The speaker of a sentence named in the next one: "Dat zegt de Amerikaanse klokkenluider
        Edward Snowden", "Dat stelde minister X donderdag"."""
        toks = [t for t in article.tokens if t.sent == c.sent + 1]
        if len(toks) < 3 or toks[0].text.lower() not in ("dat", "dit") \
                or toks[1].lemma.lower() not in self.lex.words("speech_verbs"):
            return None
        # the first actor after the speech verb, before any subordinate clause
        end = next((t.i for t in toks[2:] if t.text in (",", ".", ";") or t.tag == "VG"), toks[-1].i + 1)
        for m in article.actors:
            if m.sent == c.sent + 1 and toks[2].i <= m.tokens[0] < end and (m.code or m.country):
                return m
        return None

    def _attribution(self, article: Article, c: Clause, clauses: list[Clause], resolved) -> Optional[ActorMention]:
        """`X zei dat …` and `volgens X`: the speaker the event is attributed to."""
        speech = self.lex.words("speech_verbs")
        if c.kind == "sub" and c.parent is not None and c.opener is not None \
                and article.tokens[c.opener].text.lower() == "dat":
            parent = clauses[c.parent]
            if any(article.tokens[i].lemma.lower() in speech for i in parent.verbs):
                src = resolved.get(parent.index) or []
                if src:
                    return src[0].mention
        for cl in clauses:
            for a in cl.args:
                if a.marker == "volgens":
                    return a.mention
        for cl in clauses[c.index + 1:]:
            # "…, zei de minister" / "…, meldt Reuters": a speech verb that opens the next clause
            first = next((i for i in cl.tokens if article.tokens[i].tag != "LET"), None)
            if first is not None and first == cl.finite and article.tokens[first].lemma.lower() in speech:
                bare = [a for a in cl.args if a.marker in ("bare", "volgens")]
                if bare:
                    return bare[0].mention
        return None

    def _nominal_events(self, article: Article, c: Clause, consumed: set[int], next_text: str,
                        subject: Optional[list[Argument]] = None) -> list[Found]:
        lex = self.lex
        out = []
        for i in c.tokens:
            t = article.tokens[i]
            if t.tag == "ADJ":
                # `adjective_predicate`: "Oppositie boos op minister", "is kritisch over het plan"
                entries = [e for e in lex.nouns.get((t.lemma or t.text).lower(), []) if e.predicate]
            elif t.tag == "N":
                entries = [e for e in lex.noun_entries(t.lemma or t.text) if not e.predicate]
            else:
                continue
            if not entries:
                continue
            entry = entries[0]
            if i in consumed and not entry.also_as_object:
                continue
            words = _words(article, [i] + [j for j in c.tokens if j > i][:6])
            code = choose_code(entry, words)
            if code == NO_EVENT:
                continue
            later = [a for a in c.args if a.first > i and a.first - i <= 10]
            sources: list[Argument] = []
            target = None
            path = "nominal"
            if entry.pair:
                pair = [a for a in later if a.marker in entry.pair]
                if len(pair) >= 2:
                    sources, target, path = [pair[0]], pair[1], "nominal_pair"
            if entry.predicate:
                # the one who is angry is the clause's subject, or the bare phrase before the
                # adjective in a headline without a verb; within the clause only
                before = [a for a in c.args if a.last <= i and a.marker == "bare"]
                sources = list(subject or before[-1:])
                if not sources:
                    continue
            if not sources and not entry.predicate:
                adj = [a for a in c.args if a.marker == "adj" and a.head_noun == i]
                if "adj" in entry.doer and adj:
                    sources = [adj[0]]
                elif "van" in entry.doer:
                    # the doer's van-phrase, not the owner inside the target phrase: "kritiek op de
                    # plannen van Dekker, van oppositie" is the opposition's criticism of Dekker
                    van = [a for a in later if a.marker == "van" and a.outer not in entry.target
                           and (a.first - i <= 4 or article.tokens[a.first - 2].text == ",")]
                    sources = van[:1]
                if not sources and subject and "van" in entry.doer:
                    # "tijdens zijn vergadering met Macron": the possessive is the clause's subject
                    j = i - 1
                    while j >= c.start and article.tokens[j].tag == "ADJ":
                        j -= 1
                    pos = article.tokens[j] if j >= c.start else None
                    if pos is not None and pos.tag == "VNW" and "bez" in pos.features \
                            and pos.text.lower() in ("zijn", "haar", "hun"):
                        sources, path = [subject[0]], "nominal"
                if sources:
                    target = _target(entry.target, later, [], sources)
            if entry.predicate:
                target = _target(entry.target, later, [], sources)
            place_ref = None
            after_noun = Clause(sent=c.sent, tokens=[j for j in c.tokens if j > i][:8])
            if sources and target is None and entry.place_target:
                place_ref = self._place_actor(article, after_noun, entry.target)
            if not sources and code[:2] in SOURCELESS_ROOTS and self._free_noun_phrase(article, c, i):
                # `nominal_without_doer`: "een zelfmoordaanslag op een markt in Mosul", "protesten
                # in Tbilisi": the event is placed, its doer unnamed (protesters: those of the place)
                target = _target(entry.target, later, [], [])
                if target is not None and not (target.mention.code or target.mention.country):
                    target = None
                if target is None:
                    place_ref = self._place_actor(article, after_noun, tuple(entry.target) + ("in", "te", "bij"))
                if target is not None or place_ref is not None:
                    path = "nominal_place"
                    if code[:2] == "14" and place_ref is not None:
                        sources = [self._protesters(article, c, i, place_ref)]
            if (not sources and path != "nominal_place") or (target is None and place_ref is None):
                continue
            f = Found(entry=entry, code=code, sources=sources, target=target, clause=c, trigger=[i], path=path,
                      symmetric=entry.symmetric)
            f.target_ref = place_ref
            prev = [article.tokens[j].text.lower() for j in range(max(c.start, i - 3), i)]
            f.mode = "negated" if "geen" in prev else "asserted"
            if any(w.startswith(("geplande", "voorgenomen", "komende", "aanstaande", "aangekondigde")) for w in prev):
                f.mode = "intended"
            if any(w in ("mogelijke", "eventuele") for w in prev):
                f.mode = "hypothetical"
            if path == "nominal_place" and clause_mode(article, c, lex, next_text) == "negated":
                f.mode = "negated"     # "De aangekondigde staking gaat niet door"
            if any(article.tokens[j].lemma.lower() in lex.words("cancel_verbs") for j in c.tokens):
                # `cancelled_nominal_event`: "stelde zijn bezoek aan Peking uit", "zegt de top af"
                f.mode = "counterfactual"
            f.confidence = CONFIDENCE[path]
            out.append(f)
        return out

    def _discourse_parties(self, article: Article, found: list[Found]) -> None:
        """`agreement_of_the_meeting_before`: a reciprocal agreement with no parties named ("In
        Genève is afgesproken om …") is made by the parties of the meeting the text reported
        just before it: in the same paragraph or the one before (DISCOURSE_PARAGRAPHS), the
        discourse unit that reports one meeting and what it agreed."""
        last_meeting: Optional[Found] = None
        for f in sorted(found, key=lambda f: f.trigger[0]):
            if f.sources and f.target is not None and f.code.startswith("04"):
                last_meeting = f
                continue
            if not f.sources and f.target is None and (f.symmetric or f.entry.symmetric) and last_meeting \
                    and 0 <= article.sentences[f.clause.sent].paragraph \
                    - article.sentences[last_meeting.clause.sent].paragraph <= DISCOURSE_PARAGRAPHS:
                f.sources, f.target = list(last_meeting.sources), last_meeting.target
                f.symmetric = True
                f.path, f.confidence = "discourse", CONFIDENCE["discourse"]

    # -------------------------------------------------------------- building events
    def expand_targets(self, f: Found) -> list[Found]:
        """"roepen Israël en Hamas op": one event per coordinated target, and per coordinated
        source (not for symmetric events, whose two sides are source and target)."""
        if len(f.sources) > 1 and not f.symmetric:
            # "België en Nederland sturen wapens": one event per coordinated doer
            return [g for src in f.sources for g in self.expand_targets(Found(**{**f.__dict__, "sources": [src]}))]
        if f.target is None or f.symmetric:
            return [f]
        args = f.clause.args
        if f.target not in args:
            return [f]
        k = args.index(f.target)
        out = [f]
        for j in range(k + 1, len(args)):
            c = args[j].coordinated_with
            while c is not None and c != k:
                c = args[c].coordinated_with
            if c == k and all(args[j] is not s for s in f.sources):
                g = Found(**{**f.__dict__})
                g.target = args[j]
                out.append(g)
        return out

    def _sports(self, article: Article, sent: int) -> bool:
        """A sports report: a sports word in the sentence, or two in the article (the headline
        says "Grand Prix", the sentence only "een aanval van Norris")."""
        words = self.lex.words("sports_words")
        if any(t.text.lower() in words or t.lemma.lower() in words for t in article.sentence_tokens(sent)):
            return True
        if not hasattr(self, "_sports_cache") or self._sports_cache[0] is not article:
            n = sum(1 for t in article.tokens if t.text.lower() in words or t.lemma.lower() in words)
            self._sports_cache = (article, n >= 2)
        return self._sports_cache[1]

    def to_event(self, article: Article, f: Found) -> Optional[Event]:
        if (f.entry.kind == "noun" or f.code[:2] in ("18", "19", "20")) and self._sports(article, f.clause.sent):
            return None            # the words of war in a sports report
        if not f.sources and f.path not in ("implicit", "nominal_place"):
            return None            # an event needs a doer, except the unnamed doers of violence and coercion
        if f.code[:2] in PRIVATE_VIOLENCE_ROOTS or f.code[:3] in PRIVATE_VIOLENCE_ROOTS:
            self._place_private_parties(article, f)
        src = f.sources[0].mention if f.sources else None
        if f.target is None and f.target_ref is None and (
                f.path == "nominal_place" or (src is not None and (f.path == "implicit" or _domestic(f.code)))):
            # a placed event with an unnamed doer: the country where it happens (a passive deed
            # with neither doer nor victim known, "Een man is in Gent neergestoken", stays uncoded);
            # `domestic_target`: the police, prosecutors and courts act on their own country when
            # whom they arrest, try or investigate is a private person ("Het parket vervolgt een
            # 40-jarige man"): GDELT codes BELJUD → BEL
            f.target_ref = self._domestic_target(article, f, src, any_root=True)
        if f.target is None and f.target_ref is None and not f.entry.target_optional \
                and not (_domestic(f.code) and _role(src) in STATE_AGENTS):
            return None            # (the state's coercion of private people is coded without a target)
        if not _coded(src) and not (f.target is not None and _coded(f.target.mention)) \
                and not (f.target_ref is not None and (f.target_ref.code or f.target_ref.country)):
            return None            # no known actor on either side ("Van Dam prijst De Vries"): no political event
        role = _role(src)
        if f.entry.source_not and role in f.entry.source_not:
            return None
        if f.entry.official_code and role in OFFICIAL_ROLES and f.code == f.entry.code:
            f.code = f.entry.official_code
        if f.entry.verbal_code and f.code == f.entry.code and _acts_in_words(src):
            f.code = f.entry.verbal_code
        tgt = f.target.mention if f.target is not None else None
        if tgt is not None and src is not None and _same_actor(src, tgt):
            return None
        if tgt is not None and src is not None and f.symmetric \
                and f.target in [a for a in f.clause.args if a.coordinated_with is not None] \
                and (src.code or src.country) == (tgt.code or tgt.country):
            return None            # two members of one side speaking together are not consulting each other
        tgt_ref = tgt.ref() if tgt is not None else f.target_ref
        if tgt_ref is not None and tgt is None and src is not None and f.path != "nominal_place" \
                and not (_domestic(f.code) or f.entry.target_optional) \
                and (tgt_ref.country == (src.country or (src.code or "")[:3])) and role not in ("REB", "SEP", "INS"):
            return None            # a visit at home is no visit; rebels taking a city of their country act on it
        if tgt_ref is None and f.entry.target_optional:
            tgt_ref = self._domestic_target(article, f, src)
        c = f.clause
        s = article.sentences[c.sent]
        tok0, tokn = article.tokens[c.start], article.tokens[c.end - 1]
        trig_tokens = [article.tokens[i] for i in f.trigger]
        trig = Span(min(t.start for t in trig_tokens), max(t.end for t in trig_tokens),
                    " ".join(t.text for t in trig_tokens), c.sent)
        evidence = Span(tok0.start, tokn.end, article.text[tok0.start:tokn.end], c.sent)
        earliest, latest, tid = self._date(article, f)
        if f.mode == "asserted" and tid and earliest > article.date.latest.isoformat() \
                and (tense(article, c) in ("present", "future", "none") or c.finite is None) and not (
                    c.finite is not None and article.tokens[c.finite].lemma in ("hebben", "zijn")
                    and any("vd" in article.tokens[i].features for i in c.verbs)):
            f.mode = "intended"     # "reist volgende week af naar Seoel": announced, not yet done
        ev = Event(cameo=f.code, source=src.ref() if src is not None else None, target=tgt_ref, mode=f.mode,
                   earliest=earliest, latest=latest, evidence=[evidence], trigger=trig,
                   sentence=article.sentence_text(s), confidence=max(0.05, min(0.95, f.confidence)),
                   plover=codebook.plover(f.code), goldstein=codebook.goldstein(f.code),
                   quadclass=codebook.quadclass(f.code), place=self._event_place(article, c),
                   attributed_to=f.attributed.ref() if f.attributed else None,
                   symmetric=f.symmetric, timex=tid, rule=f"{f.entry.name}|{f.path}")
        return ev

    def _place_private_parties(self, article: Article, f: Found) -> None:
        """`private_violence`: an assault, a shooting or a kidnapping among private people ("Een
        jongen beschiet een wagen in Lyon", "Bende ontvoert zakenman") is coded as GDELT and
        ICEWS code crime — the private parties by their agent code (CVL, CRM, …), with the
        country of the place named in their sentence when there is one ("Citizen (France)")."""
        private = {r.upper() for r in self.lex.words("private_roles")}
        for arg in f.sources[:1] + ([f.target] if f.target is not None else []):
            m = arg.mention
            role = (m.role or "").upper()
            if m.code or m.country or role not in private or m.sent is None:
                continue
            country = self._sentence_country(article, m.sent)
            arg.mention = replace(m, code=f"{country}{role}" if country else role, country=country)

    def _institution_in_compound(self, article: Article, c: Clause, after: Optional[int],
                                 src: ActorMention) -> Optional[ActorRef]:
        """`institution_compound_object`: "noemt het kabinetsbesluit kortzichtig", "hekelt het
        regeringsbeleid" — an object noun compounded with a state institution stands for that
        institution of the doer's own country (the same country: a foreign government's plan
        names its country, which the actor layer resolves)."""
        country = src.country or (src.code or "")[:3]
        if not country or len(country) != 3 or country == "IGO":
            return None
        stems = self.lex.words("institution_compound_stems")
        for i in c.tokens:
            t = article.tokens[i]
            if after is not None and i <= after or t.tag != "N":
                continue
            lemma = t.lemma.lower()
            for stem, role in (s.split(":") for s in stems):
                if lemma.startswith(stem) and len(lemma) > len(stem) + 3:
                    return ActorRef(text=t.text, code=f"{country}{role.upper()}", country=country, role=role.upper())
        return None

    def _domestic_target(self, article: Article, f: Found, src: Optional[ActorMention],
                         any_root: bool = False) -> Optional[ActorRef]:
        """An event with no grammatical target (a protest, a mobilisation, a curfew) is aimed at
        the country where it happens: the place named in its clause, else — for the doer's own
        politics (protest, coercion) — the doer's country. GDELT codes "Duizenden betogen in
        Tbilisi" as GEO → GEO."""
        hit = self._place(article, f.clause, ("in", "te", "bij", "voor"))
        if hit and hit.get("country") and len(hit["country"]) == 3:
            return ActorRef(text=hit["text"], code=hit["country"], country=hit["country"])
        country = (src.country or (src.code or "")[:3]) if src is not None else None
        if country and len(country) == 3 and country != "IGO" and (any_root or f.code[:2] in ("14", "15", "17")):
            return ActorRef(text=src.text, code=country, country=country)
        return None

    def _date(self, article: Article, f: Found) -> tuple[str, str, Optional[str]]:
        c = f.clause
        start, end = article.tokens[c.start].start, article.tokens[c.end - 1].end
        tx = dating.timex_in_span(article.timexes, start, end)
        if tx is None and c.kind == "sub" and c.parent is not None and not f.parent_has_event:
            # "Pas dinsdag raakte bekend dat …": a matrix clause that only carries the report
            # dates the reported event
            s = article.sentences[c.sent]
            tx = dating.timex_in_span(article.timexes, s.start, start)
        if tx is None and (f.entry.kind == "noun" or c.kind == "main"):
            s = article.sentences[c.sent]
            tx = dating.timex_in_span(article.timexes, s.start, s.end)
        tns = tense(article, c)
        if tx is not None and tns == "past" and c.finite is not None and tx.earliest > article.date.latest.isoformat():
            tx = None          # a past event can not be dated after publication: a misread weekday
        paragraph = article.sentences[c.sent].paragraph
        doc = (article.date.earliest.isoformat(), article.date.latest.isoformat())
        if tx is not None:
            if (tx.earliest, tx.latest) != doc and tx.latest <= doc[1]:
                # a paragraph about a time before the report: what follows in it stays there
                self._discourse[paragraph] = (tx.earliest, tx.latest)
            return tx.earliest, tx.latest, tx.tid or None
        inherited = getattr(self, "_discourse", {}).get(paragraph)
        if inherited and (tns == "past" or f.mode == "counterfactual"):
            f.path += "|date:discourse"
            return inherited[0], inherited[1], None
        e, l = dating.from_document(article.date, tns, f.mode)
        return e, l, None

    def _event_place(self, article: Article, c: Clause) -> Optional[dict]:
        """The place named in the event's clause, else in the clause that governs it
        ("In Jeddah is afgesproken om … te ondertekenen")."""
        hit = self._place(article, c)
        if hit is None and c.kind in ("inf", "sub", "conj") and c.parent is not None:
            parent = next((k for k in split_clauses(article, c.sent, self.lex) if k.index == c.parent), None)
            if parent is not None:
                hit = self._place(article, parent)
        return hit

    def _place(self, article: Article, c: Clause, preps: tuple[str, ...] = ("in", "te")) -> Optional[dict]:
        toks = [article.tokens[i] for i in c.tokens]
        for k, t in enumerate(toks):
            if t.text.lower() not in preps:
                continue
            j = k + 1
            while j < len(toks) and toks[j].tag in ("LID", "ADJ") and not toks[j].text[:1].isupper():
                j += 1
            name = []
            while j < len(toks) and toks[j].text[:1].isupper() and toks[j].tag in ("SPEC", "N", "ADJ"):
                name.append(toks[j].text)
                j += 1
            # "het Witte Huis" is a name; in "het Saudische Jeddah" the adjective is not part of it
            for first in range(len(name)):
                hit = places.resolve(" ".join(name[first:]))
                if hit:
                    return hit
        return None


# ------------------------------------------------------------------ merging

def _actor_key(a: Optional[ActorRef]) -> str:
    if a is None:
        return ""
    return a.country or (a.code or "")[:3] or a.text


def _specificity(code: str) -> int:
    """0356 > 035 > 030: a sub-code says more than its parent, a 0 digit is the parent's catch-all."""
    return len(code) * 2 - (1 if code.endswith("0") else 0)


def _overlap(a: Event, b: Event) -> bool:
    return bool(a.earliest and b.earliest and a.earliest <= b.latest and b.earliest <= a.latest)


def _weakly_dated(e: Event) -> bool:
    """Dated by the document alone (no time expression, no discourse): a headline's present."""
    return not e.timex and "date:discourse" not in e.rule


def _compatible_dates(a: Event, b: Event, recent_from: Optional[str]) -> bool:
    if _overlap(a, b):
        return True
    # "Israël valt Hamas aan" (headline, report day) and "heeft gisteren aangevallen": a
    # document-dated mention fits a dated one from the week before the report
    if recent_from is None or _weakly_dated(a) == _weakly_dated(b):
        return False
    dated = b if _weakly_dated(a) else a
    return bool(dated.latest and dated.latest >= recent_from)


def merge_events(events: list[Event], doc_date=None) -> list[Event]:
    """Mentions of one real event — same dyad (either way round when symmetric), same CAMEO
    root, same mode, overlapping dates — become one event with several evidence spans. The
    first mention stays the main one; the most specific code and the narrowest date win."""
    recent_from = None
    if doc_date is not None and doc_date.precision == "day":
        import datetime as _dt
        recent_from = (doc_date.earliest - _dt.timedelta(days=7)).isoformat()
    out: list[Event] = []
    for ev in events:
        home = None
        for o in out:
            if o.cameo[:2] != ev.cameo[:2] or o.mode != ev.mode or not _compatible_dates(o, ev, recent_from):
                continue
            if o.timex and ev.timex and (o.earliest, o.latest) != (ev.earliest, ev.latest):
                continue          # dated by two expressions that differ: two events
            same = (_actor_key(o.source), _actor_key(o.target)) == (_actor_key(ev.source), _actor_key(ev.target))
            swapped = (_actor_key(o.source), _actor_key(o.target)) == (_actor_key(ev.target), _actor_key(ev.source))
            if same or ((o.symmetric or ev.symmetric) and swapped):
                home = o
                break
        if home is None:
            out.append(ev)
            continue
        home.evidence.extend(ev.evidence)
        if _specificity(ev.cameo) > _specificity(home.cameo):
            home.cameo, home.plover, home.goldstein = ev.cameo, ev.plover, ev.goldstein
        if _weakly_dated(home) and not _weakly_dated(ev):
            home.earliest, home.latest, home.timex = ev.earliest, ev.latest, ev.timex
        elif ev.earliest and home.earliest and ev.earliest >= home.earliest and ev.latest <= home.latest \
                and not (_weakly_dated(ev) and not _weakly_dated(home)):
            home.earliest, home.latest, home.timex = ev.earliest, ev.latest, ev.timex or home.timex
        home.place = home.place or ev.place
        home.symmetric = home.symmetric or ev.symmetric
        home.confidence = min(0.95, 1 - (1 - home.confidence) * (1 - ev.confidence))
        home.rule = home.rule if ev.rule in home.rule else f"{home.rule}+{ev.rule}"
    return out
