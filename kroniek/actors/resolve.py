"""The actor resolver: from Frog's tokens to `ActorMention`s with CAMEO codes.

Public API (the event coder and the quote attributor call these):

- `resolve_article(article) -> list[ActorMention]`: every actor mention of the article,
  in text order, coded at the article's date, with coreference chains. The `actors`
  component stores this list in `article.actors`.
- `mentions_in(article, first_tok, last_tok) -> list[ActorMention]`: the mentions whose
  tokens lie inside the article token range [first_tok, last_tok).
- `actor_for_span(article, first_tok, last_tok, date=None) -> ActorMention | None`: the
  best actor inside a noun phrase, e.g. `de Franse minister van Buitenlandse Zaken
  Barrot` -> Jean-Noël Barrot, FRAGOV; `Iraakse troepen` -> IRQMIL; `het Kremlin` -> RUSGOV.
  With `date` (a `datetime.date`, ISO string, `DocDate`, or `(earliest, latest)` pair)
  people are coded by the offices they held on that date instead of the article's date:
  Trump is USAGOV in 2018 and 2025, USAELI (former official) in 2022.
- `code_for(entity_id, date)`: a KB entity's code on a date.

How a mention is found (like TABARI's actors + agents dictionaries, but on Frog's analysis):
1. Knowledge-base names are matched on the tokens (longest first, case- and
   diacritic-insensitive, proper names only where written with a capital), role nouns on
   the word or its lemma, compounds split at a hyphen (`VN-chef`, `Hamas-leider`,
   `Oost-Oekraïne`) or recognised by their last part (`klimaatminister`). Frog's NER is
   only a hint: it finds unknown names next to a role (`de Oekraïense onderhandelaar X`).
2. A role noun takes its country from a nationality adjective before it (`Russische
   troepen`), a `van`-phrase after it (`de president van Rusland`), a possessive
   (`Ruslands president`) or a compound prefix; a name right after it is the person
   (`president Trump`). A role with an office and a country finds the office holder on the
   date (`de Russische president` -> Poetin).
3. Capitals and seats are government metonyms only where they are not a place
   (`Moskou reageerde`, not `in Moskou`); `Brussel` is the EU only with EU words around.
4. Chains: mentions of the same entity share a chain number; a bare role (`de president`)
   joins the latest earlier mention with that office; a subject pronoun `hij`/`zij`
   joins the most recent person of that gender in the same or previous sentence, but only
   where exactly one such person is in reach (otherwise it stays unresolved).
"""
from __future__ import annotations

import datetime as dt
import re
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from typing import Optional, Union

from ..records import ActorMention, Article, DocDate, Token
from .kb import AliasEntry, Entity, KnowledgeBase, RoleNoun, alias_key, country_of, load_kb, normalise, role_of

DateLike = Union[dt.date, str, DocDate, tuple, None]

# Prepositions after which a capital names a place, not a government.
LOCATIVE = frozenset({"in", "naar", "uit", "vanuit", "bij", "rond", "rondom", "nabij", "buiten", "binnen",
                      "via", "richting", "op", "te", "tot", "vanaf", "boven", "onder", "langs", "over"})
COMPASS = frozenset({"oost", "west", "noord", "zuid", "noordoost", "noordwest", "zuidoost", "zuidwest",
                     "centraal", "midden", "oostelijk", "westelijk"})
# Second parts of hyphenated compounds that keep the first part's actor: `EU-landen`.
COMPOUND_MEMBERS = frozenset({"landen", "lidstaten", "lidstaat", "top", "leiding", "bondgenoten",
                              "missie", "troepen", "militairen", "gezant", "delegatie"})
# Roles that an "in X" phrase places in X's state: de oppositie in Venezuela, de politie in Gent.
PLACED_BY_STATE = frozenset({"GOV", "OPP", "COP", "JUD", "LEG", "LAB", "SPY"})   # not PTY: "de partijen in Soedan" are the warring sides
KIND_RANK = {"person": 0, "role": 1, "igo": 2, "metonym": 3, "organisation": 3, "party": 4, "country": 5, "region": 5,
             "demonym": 6, "adjective": 7, "pronoun": 8}


# ---------------------------------------------------------------------------- dates
def as_day(value: DateLike, fallback: Optional[dt.date] = None) -> dt.date:
    """The day used to look up offices: the middle of an interval or of a partial date."""
    if value is None:
        return fallback or dt.date.today()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, DocDate):
        return value.earliest + (value.latest - value.earliest) / 2
    if isinstance(value, (tuple, list)) and len(value) == 2:
        a, b = as_day(value[0]), as_day(value[1] or value[0])
        return a + (b - a) / 2
    return as_day(DocDate.parse(str(value)))


# ---------------------------------------------------------------------------- matching
@dataclass
class Hit:
    first: int                           # article token index
    last: int                            # one past
    kind: str                            # alias kind, or "role"
    entries: list[AliasEntry] = field(default_factory=list)
    role: Optional[RoleNoun] = None
    entity: Optional[str] = None         # for compounds: actor of the prefix
    former: bool = False
    possessive: bool = False             # Ruslands, Noord-Korea's


def _is_capitalised(tok: Token) -> bool:
    c = tok.text[:1]
    return c.isupper() or c.isdigit()


def _possessive_stem(word: str) -> Optional[str]:
    """Noord-Korea's -> noord-korea, Ruslands -> rusland (Dutch genitive)."""
    if word.endswith("'s") and len(word) > 3:
        return word[:-2]
    if word.endswith("s") and len(word) > 4:
        return word[:-1]
    return None


def _match_aliases(kb: KnowledgeBase, toks: list[Token], i: int) -> Optional[Hit]:
    for n in range(min(kb.max_alias_len, len(toks) - i), 0, -1):
        key = tuple(normalise(t.text) for t in toks[i:i + n])
        entries = kb.aliases.get(key)
        possessive = False
        if not entries and _is_capitalised(toks[i]):
            stem = _possessive_stem(key[-1])
            if stem:
                entries = [e for e in kb.aliases.get(key[:-1] + (stem,), [])
                           if e.kind in ("country", "person", "igo", "region")]
                possessive = bool(entries)
        if not entries:
            continue
        usable = [e for e in entries if (not e.proper or _is_capitalised(toks[i]))
                  and (not e.acronym or toks[i].text.rstrip("'s").isupper())]
        kinds = {e.kind for e in usable}
        if "adjective" in kinds and len(kinds) > 1:
            # ambiguous.yaml rule `pos`: an adjective where Frog says ADJ, a name otherwise
            want_adj = n == 1 and toks[i].tag == "ADJ"
            usable = [e for e in usable if (e.kind == "adjective") == want_adj] or usable
        if usable:
            kinds = {e.kind for e in usable}
            kind = next(k for k in ("person", "igo", "metonym", "organisation", "party", "country", "capital", "region",
                                    "demonym", "adjective") if k in kinds)
            return Hit(toks[i].i, toks[i + n - 1].i + 1, kind, usable, possessive=possessive)
    return None


def _role_for_word(kb: KnowledgeBase, tok: Token) -> Optional[RoleNoun]:
    for key in ((normalise(tok.text),), (normalise(tok.lemma),)):
        if key in kb.roles:
            return kb.roles[key]
    return None


def _match_roles(kb: KnowledgeBase, toks: list[Token], i: int) -> Optional[Hit]:
    for n in range(min(kb.max_role_len, len(toks) - i), 0, -1):
        words = [normalise(t.text) for t in toks[i:i + n]]
        lemmas = [normalise(t.lemma or t.text) for t in toks[i:i + n]]
        for key in (tuple(words), tuple(words[:-1] + lemmas[-1:])):
            r = kb.roles.get(key)
            # The last word must be a noun: `militaire hulp` is no soldier.
            if r and toks[i + n - 1].tag in ("N", "SPEC") and (not r.proper or _is_capitalised(toks[i])):
                return Hit(toks[i].i, toks[i + n - 1].i + 1, "role", role=r)
    return None


def _match_compound(kb: KnowledgeBase, tok: Token) -> Optional[Hit]:
    """VN-chef, Hamas-leider, EU-landen, Oost-Oekraïne, oud-premier, klimaatminister."""
    text = tok.text
    if "-" in text.strip("-"):
        head, _, tail = text.partition("-")
        nh, nt = normalise(head), normalise(tail)
        if nh in kb.former_words:
            r = kb.roles.get((nt,))
            if r:
                return Hit(tok.i, tok.i + 1, "role", role=r, former=True)
        if nh in COMPASS:
            entries = kb.aliases.get((nt,))
            if entries and tail[:1].isupper():
                for kind in ("country", "adjective"):
                    found = [e for e in entries if e.kind == kind]
                    if found:
                        return Hit(tok.i, tok.i + 1, kind, found)
        if re.fullmatch(r"[IVX]+", tail) or nh == "kabinet":
            # A cabinet named after its premier: Rutte-IV, kabinet-Schoof -> that government.
            name = nt if nh == "kabinet" else nh
            persons = [e for e in kb.aliases.get((name,), []) if e.kind == "person"]
            if persons:
                return Hit(tok.i, tok.i + 1, "cabinet", persons)
        entries = [e for e in kb.aliases.get((nh,), []) if e.kind not in ("adjective",)
                   and (not e.acronym or head.isupper())]
        if entries and head[:1].isupper():
            r = kb.roles.get((nt,))
            if r is None:
                r = next((kb.roles[(s,)] for s in _suffixes(nt) if s in kb.compound_heads and (s,) in kb.roles), None)
            if r is not None:
                return Hit(tok.i, tok.i + 1, "role", role=r, entity=entries[0].entity, entries=entries)
            if nt in COMPOUND_MEMBERS:
                return Hit(tok.i, tok.i + 1, entries[0].kind, entries)
        return None
    if text[:1].isupper() and "-" not in text and (normalise(text),) not in kb.aliases:
        # A closed compound of a name and a role: Kremlinwoordvoerder, Hamasleider, VVD'er is not one.
        low = normalise(text)
        for k in range(2, len(low) - 3):
            head, tail = low[:k], low[k:]
            if tail in kb.compound_heads and (tail,) in kb.roles:
                entries = [e for e in kb.aliases.get((head,), []) if e.kind not in ("adjective", "demonym")
                           and (not e.acronym or text[:k].isupper())]
                if entries:
                    return Hit(tok.i, tok.i + 1, "role", role=kb.roles[(tail,)], entity=entries[0].entity,
                               entries=entries)
    if tok.tag == "N" and text[:1].islower():
        low = normalise(tok.lemma or text)
        for s in _suffixes(low):
            if s in kb.compound_heads and (s,) in kb.roles and len(low) > len(s) + 2:
                r = kb.roles[(s,)]
                return Hit(tok.i, tok.i + 1, "role", role=RoleNoun((low,), r.role, r.office if r.office == "minister" else None))
    return None


def _suffixes(word: str):
    for k in range(1, len(word)):
        yield word[k:]


def find_hits(kb: KnowledgeBase, toks: list[Token]) -> list[Hit]:
    """Non-overlapping matches in one sentence, longest first, left to right."""
    hits: list[Hit] = []
    i = 0
    while i < len(toks):
        cands = [h for h in (_match_aliases(kb, toks, i), _match_roles(kb, toks, i)) if h]
        if not cands:
            h = _match_compound(kb, toks[i])
            cands = [h] if h else []
        if cands:
            # Longest wins; on a tie a proper name beats a role noun (Tweede Kamer).
            best = max(cands, key=lambda h: (h.last - h.first, h.kind != "role"))
            hits.append(best)
            i += best.last - best.first
        else:
            i += 1
    return hits


# ---------------------------------------------------------------------------- resolving
@dataclass
class _Mention:
    first: int
    last: int
    kind: str
    code: Optional[str] = None
    country: Optional[str] = None
    role: Optional[str] = None
    person: Optional[str] = None
    entity: Optional[str] = None
    office: Optional[str] = None
    gender: Optional[str] = None
    chain: Optional[int] = None
    sent: int = 0
    plural: bool = False
    fallback: Optional[str] = None       # home country for a bare office noun no earlier mention explains
    home_pending: bool = False           # a domestic noun (de politie) that takes the home country if the context allows


class Resolver:
    def __init__(self, kb: KnowledgeBase | None = None):
        self.kb = kb or load_kb()

    # -- entity choice ------------------------------------------------------------
    def _choose(self, entries: list[AliasEntry], day: dt.date, seen: dict[str, int], sentence_words: set[str],
                key: tuple[str, ...]) -> Optional[AliasEntry]:
        ids = list(dict.fromkeys(e.entity for e in entries))
        if len(ids) == 1:
            return entries[0]
        rule = self.kb.ambiguous.get(key, {}).get("rule", "article")
        by_id = {e.entity: e for e in entries}
        if rule == "context":
            for eid in ids:
                ctx = self.kb.entities[eid].context
                if ctx and sentence_words & set(ctx):
                    return by_id[eid]
            rest = [eid for eid in ids if not self.kb.entities[eid].context]
            return by_id[rest[0]] if rest else None
        in_article = [eid for eid in ids if eid in seen]
        if len(in_article) == 1:
            return by_id[in_article[0]]
        if rule == "home":
            home = [eid for eid in ids if self.kb.entities[eid].country == getattr(self, "_home", None)]
            if len(home) == 1:
                return by_id[home[0]]
        if rule in ("prefer", "home"):
            return by_id.get(self.kb.ambiguous[key]["prefer"])
        in_office = [eid for eid in ids if self.kb.offices_at(self.kb.entities[eid], day)]
        if len(in_office) == 1:
            return by_id[in_office[0]]
        return None

    def _entity_code(self, ent: Entity, day: dt.date) -> tuple[Optional[str], Optional[str]]:
        code, office = self.kb.code_at(ent, day)
        if ent.kind == "metonym" and ent.id == "metonym:taliban" and day >= dt.date(2021, 8, 15):
            code = "AFGGOV"   # the Taliban govern Afghanistan since 15 August 2021
        home = getattr(self, "_home", None)
        if ent.home and code and home in ent.home and home != code[:3]:
            code = home + code[3:]   # Defensie, het OM, de Raad van State: the home country's institution
        return code, office

    # -- main ---------------------------------------------------------------------
    def resolve(self, article: Article, date: DateLike = None) -> list[ActorMention]:
        day = as_day(date, as_day(article.date)) if date is not None else as_day(article.date)
        seen: dict[str, int] = {}          # entity id -> first-seen order
        local: dict[str, _Mention] = {}    # name word -> the person it named earlier in the article
        mentions: list[_Mention] = []
        signals: dict[int, list[tuple[str, int, bool]]] = {}   # sentence -> (country, token, weak) of its names
        matched = []
        for s in article.sentences:
            toks = article.tokens[s.first_token:s.last_token]
            if toks:
                hits = find_hits(self.kb, toks)
                signals[s.index] = self._country_signals(toks, hits)
                matched.append((s, toks, hits))
        self._home = self._home_country(article, signals)
        for s, toks, hits in matched:
            words = {normalise(t.text) for t in toks}
            found = self._sentence(article, s.index, toks, hits, day, seen, words)
            found += self._short_names(article, toks, hits, found, local, s.index)
            found.sort(key=lambda m: (m.first, m.last))
            for m in found:
                if m.entity:
                    seen.setdefault(m.entity, len(seen))
                self._remember_names(article, m, local)
            mentions.extend(found)
        self._home_defaults(mentions, signals)
        self._chain(article, mentions, day)
        return [self._emit(article, m) for m in mentions]

    def _country_signals(self, toks: list[Token], hits: list[Hit]) -> list[tuple[str, int, bool]]:
        """The countries a sentence names: countries, capitals (also as places), adjectives,
        demonyms, regions, people, parties, metonyms and towns (companies, media and IGOs
        say nothing about where the news happens)."""
        out: list[tuple[str, int, bool]] = []     # (country, token, weak: a nationality word)
        for h in hits:
            if h.kind == "role" and not h.entity:
                if self.kb.default_country.get(h.role.words) == "BEL":
                    out.append(("BEL", h.first, False))      # schepen, politiezone, de federale regering
                continue
            ids = {h.entity} if h.entity else {e.entity for e in h.entries}
            ents = [self.kb.entities.get(i) for i in ids if i]
            cs = {("HOME" if e.home else e.country) for e in ents
                  if e is not None and e.kind not in ("organisation", "igo") and e.country and len(e.country) == 3}
            if len(cs) == 1:
                # a demonym (twee Roemenen opgepakt) names people, not where the news happens: it
                # counts for the article, not against its sentence's nouns
                out.append((cs.pop(), h.first, h.kind == "demonym"))
        covered = {i for h in hits for i in range(h.first, h.last)}
        i = 0
        while i < len(toks):
            for n in (4, 3, 2, 1):
                key = tuple(normalise(t.text) for t in toks[i:i + n])
                if len(key) != n:
                    continue
                if key in self.kb.places and _is_capitalised(toks[i]):
                    out.append((self.kb.places[key][0], toks[i].i, False))
                elif key in self.kb.home_hints and toks[i].i not in covered:
                    out.append((self.kb.home_hints[key], toks[i].i, False))   # voormiddag, wethouder
                else:
                    continue
                i += n - 1
                break
            i += 1
        return out

    def _home_defaults(self, mentions: list[_Mention], signals: dict[int, list[tuple[str, int, bool]]]) -> None:
        """A domestic noun with no country (de politie, de oppositie, de vakbonden, de
        burgemeester) is the home country's (`_home_country`) where neither its sentence nor
        the article as a whole points abroad: no foreign country, capital, adjective, person or
        party in the sentence (or, where the sentence names home and abroad, a home name is the
        nearest: `demonstranten trokken door Amsterdam om een staakt-het-vuren in Gaza te
        eisen`), and no more foreign than home names in the article. Otherwise it keeps no
        country (the event coder places it by the sentence's place, if any)."""
        home = self._home
        pending = [m for m in mentions if m.home_pending and m.code is None]
        if not pending:
            return
        every = [c for cs in signals.values() for c, _, _ in cs]
        own = sum(c in (home, "HOME") for c in every)
        foreign = len(every) - own
        if foreign > own:
            return
        for m in pending:
            here = [(c, i) for c, i, weak in signals.get(m.sent, ()) if not weak]
            if any(c not in (home, "HOME") for c, _ in here):
                dist = lambda i: m.first - i if i < m.first else i - m.last + 1
                near_home = min((dist(i) for c, i in here if c in (home, "HOME")), default=None)
                near_abroad = min(dist(i) for c, i in here if c not in (home, "HOME"))
                if near_home is None or near_home >= near_abroad:
                    continue
            if m.office and not m.person:
                m.fallback = home          # de burgemeester: an earlier mayor of the article first (_chain)
                continue
            m.country, m.code = home, f"{home}{m.role}"
            m.entity = None if m.person else f"{home}:{m.role}"

    def _remember_names(self, article: Article, m: _Mention, local: dict[str, "_Mention"]) -> None:
        """After `Kim Jong-un` or `de Oekraïense onderhandelaar Oleksandr Kovalenko`, the
        words of the name (`Kim`, `Kovalenko`) name that person for the rest of the article."""
        if not m.person or m.kind == "pronoun":
            return
        name_words = [w for w in m.person.replace("-", " - ").split() if w[:1].isupper()]
        if len(name_words) < 2:
            return
        text_words = {normalise(article.tokens[i].text) for i in range(m.first, m.last)}
        for w in name_words:
            key = normalise(w)
            if len(key) < 3 or key not in text_words and normalise(m.person) not in text_words:
                continue
            if key in self.kb.aliases or (key,) in self.kb.aliases or (key,) in self.kb.roles:
                continue
            prev = local.get(key)
            if prev is not None and prev.person != m.person:
                local[key] = None          # two people share the word: it names neither
            elif prev is None and key not in local:
                local[key] = m

    def _short_names(self, article: Article, toks: list[Token], hits: list[Hit], found: list["_Mention"],
                     local: dict[str, "_Mention"], sent: int) -> list["_Mention"]:
        out = []
        covered = {i for h in hits for i in range(h.first, h.last)} | {i for m in found for i in range(m.first, m.last)}
        for t in toks:
            if t.i in covered or not _is_capitalised(t) or t.tag not in ("SPEC", "N"):
                continue
            ref = local.get(normalise(t.text))
            if ref is None:
                continue
            out.append(replace(ref, first=t.i, last=t.i + 1, kind="person", sent=sent, fallback=None))
        return out

    def _home_country(self, article: Article, signals: Optional[dict] = None) -> str:
        """The country whose institutions bare nouns (`het kabinet`, `de Kamer`) name:
        the Netherlands, unless the article speaks more of Belgium (Flemish press): its
        Belgian people, parties, adjectives, towns and Belgian-only titles (schepen,
        federale regering) outnumber the Dutch ones."""
        if signals is None:
            signals = {}
            for s in article.sentences:
                toks = article.tokens[s.first_token:s.last_token]
                if toks:
                    signals[s.index] = self._country_signals(toks, find_hits(self.kb, toks))
        every = [c for cs in signals.values() for c, _, _ in cs]
        return "BEL" if every.count("BEL") > every.count("NLD") else "NLD"

    def _sentence(self, article: Article, sent: int, toks: list[Token], hits: list[Hit], day: dt.date,
                  seen: dict[str, int], words: set[str]) -> list[_Mention]:
        kb = self.kb
        tok = lambda i: article.tokens[i] if 0 <= i < len(article.tokens) and article.tokens[i].sent == sent else None
        consumed: set[int] = set()
        out: list[_Mention] = []

        def entity_of(h: Hit) -> Optional[Entity]:
            key = tuple(normalise(article.tokens[i].text) for i in range(h.first, h.last))
            e = self._choose(h.entries, day, seen, words, key) if h.entries else None
            return kb.entities.get(h.entity or (e.entity if e else ""), None)

        for hi, h in enumerate(hits):
            if id(h) in consumed:
                continue
            if h.kind == "role":
                out.extend(self._role_mention(article, sent, h, hits, hi, day, seen, words, consumed, entity_of, tok))
                continue
            ent = entity_of(h)
            if ent is None:
                continue
            after = tok(h.last)
            if h.kind == "organisation" and after is not None and after.tag == "TW":
                continue          # de Fokker 50, een Airbus A320: a product, not the firm
            if h.possessive and hi + 1 < len(hits) and hits[hi + 1].kind == "role" and hits[hi + 1].first == h.last:
                continue          # Ruslands president: the role phrase takes it
            if h.kind != "cabinet":
                # The entry chosen among several decides the kind (Brussel: EU metonym or capital).
                chosen = [e for e in h.entries if e.entity == ent.id]
                if chosen and chosen[0].kind != h.kind:
                    h = replace(h, kind=chosen[0].kind)
            if h.kind == "adjective":
                # Leave a nationality adjective to the role noun it modifies, if any.
                head = self._adjective_head(article, h, hits, hi, tok)
                if head is not None:
                    continue
                out.append(_Mention(h.first, h.last, "adjective", ent.code, ent.country, None, entity=ent.id, sent=sent))
                continue
            if h.kind == "cabinet":
                home = ent.country
                out.append(_Mention(h.first, h.last, "metonym", f"{home}GOV", home, "GOV", entity=f"{home}:GOV", sent=sent))
                continue
            if h.kind in ("capital", "region") or (h.kind == "metonym" and ent.context and any(
                    e.kind in ("capital", "country", "region") for e in h.entries)):
                # (a metonym that is also a place name, as Brussel; not the Raad van State)
                prev = tok(h.first - 1)
                if prev is not None and prev.tag == "N" and "soort" in prev.features:
                    continue          # headline juxtaposition `aanslagen Parijs`, `bosbranden Californië`: a place
                if self._among_places(article, h, tok):
                    continue          # `New York, Boston en Washington`, `Cupertino, Californië`: places
                if prev is not None and prev.tag == "LID":
                    prev = tok(h.first - 2)
                if prev is not None and normalise(prev.text) in LOCATIVE:
                    continue          # `in Moskou`: a place, not the Russian government
                if h.kind == "capital":
                    out.append(_Mention(h.first, h.last, "metonym", f"{ent.code}GOV", ent.country, "GOV",
                                        entity=f"{ent.id}:GOV", sent=sent))
                    continue
            if h.kind == "person" and self._other_first_name(article, h, tok):
                continue          # Anne Faber is not Marjolein Faber: an unknown person stays unresolved
            code, office = self._entity_code(ent, day)
            kind = {"capital": "metonym"}.get(h.kind, h.kind)
            plural = any(e.plural for e in h.entries if e.entity == ent.id)
            person = ent.name if ent.kind == "person" else None
            country = (code[:3] if ent.home and code else ent.country) if ent.kind != "igo" else "IGO"
            m = _Mention(h.first, h.last, kind, code, country, role_of(code),
                         person=person, entity=ent.id, office=office, gender=ent.gender, sent=sent, plural=plural)
            out.append(m)
        # A word a later role phrase took in (Wit-Ruslands sterke man Aleksandr Loekasjenko) is no
        # mention of its own; the phrase carries it.
        taken = {(x.first, x.last) for x in hits if id(x) in consumed}
        return [m for m in out if m.kind == "role" or (m.first, m.last) not in taken
                or not any(o is not m and o.first <= m.first and m.last <= o.last for o in out)]

    def _place_at(self, article: Article, i: int, tok) -> Optional[tuple[str, int, str]]:
        """A town of municipalities.tsv starting at token i: (country, end token, name)."""
        for n in (3, 2, 1):
            ts = [tok(x) for x in range(i, i + n)]
            if any(t is None for t in ts) or not _is_capitalised(ts[0]):
                continue
            key = tuple(normalise(t.text) for t in ts)
            if key in self.kb.places:
                iso3, town = self.kb.places[key]
                return iso3, i + n, town
        return None

    def _titled_person(self, n: Hit, role, day: dt.date) -> tuple[Optional[Entity], Optional[str]]:
        cands = [self.kb.entities[i] for i in dict.fromkeys(e.entity for e in n.entries) if i in self.kb.entities]
        cands = [c for c in cands if c.kind == "person"]
        if not cands:
            return None, None
        if role.office:
            def fits(o):
                return o.office == role.office or (role.office == "minister" and o.office.endswith("minister"))
            holding = [c for c in cands if any(fits(o) and o.holds(day) for o in c.offices)]
            if len(holding) == 1:
                return holding[0], None
        countries = {c.country for c in cands}
        return None, (countries.pop() if len(countries) == 1 else None)

    def _among_places(self, article: Article, h: Hit, tok) -> bool:
        """A capital or region in a list or apposition with place names the KB does not
        know as actors (cities): `vliegt op Lissabon, Porto en Faro`."""
        for step, edge in ((-1, h.first - 1), (1, h.last)):
            sep = tok(edge)
            if sep is None or sep.text not in (",", "en", "of"):
                continue
            other = tok(edge + step)
            if other is not None and other.ner.endswith("LOC") and _is_capitalised(other):
                if not any(e.kind in ("country", "capital", "region", "metonym")
                           for e in self.kb.aliases.get((normalise(other.text),), [])):
                    return True
        return False

    def _other_first_name(self, article: Article, h: Hit, tok) -> bool:
        """A surname alias right after a capitalised name word that is not part of the
        match (Melania Trump, zaak-Anne Faber) names someone else."""
        if h.last - h.first != 1:
            return False
        prev = tok(h.first - 1)
        if prev is None:
            return False
        word = prev.text.rsplit("-", 1)[-1]
        if not word[:1].isupper() or prev.tag not in ("SPEC", "N") or prev.tag == "N" and "-" not in prev.text:
            return False
        key = (normalise(prev.text),)
        return key not in self.kb.aliases and key not in self.kb.roles

    def _adjective_head(self, article, h: Hit, hits: list[Hit], hi: int, tok) -> Optional[Hit]:
        """The role hit this adjective modifies: the next hit, across other adjectives,
        `en`, commas and plain adjectives (`een Indiase en Chinese delegatie`)."""
        j = h.last
        k = hi + 1
        while True:
            t = tok(j)
            if t is None:
                return None
            nxt = hits[k] if k < len(hits) else None
            if nxt is not None and nxt.first == j:
                if nxt.kind == "role":
                    return nxt
                if nxt.kind == "adjective":
                    j, k = nxt.last, k + 1
                    continue
                return None
            if t.tag in ("ADJ", "TW") or normalise(t.text) in ("en", ",", "of"):
                j += 1
                continue
            return None

    def _role_mention(self, article, sent, h, hits, hi, day, seen, words, consumed, entity_of, tok) -> list[_Mention]:
        """The mention a role noun heads, plus one per further coordinated nationality
        (`een Indiase en Chinese delegatie` -> INDGOV and CHNGOV)."""
        coordinated: list[tuple[Hit, Entity]] = []
        main = self._role_phrase(article, sent, h, hits, hi, day, seen, words, consumed, entity_of, tok, coordinated)
        out = [main]
        for adj, ent in coordinated:
            extra = self._role_phrase(article, sent, replace(h, entity=ent.id), hits, hi, day, seen, words,
                                      set(), entity_of, tok, [])
            extra.first = adj.first
            out.append(extra)
        return sorted(out, key=lambda m: m.first)

    def _role_phrase(self, article, sent, h: Hit, hits, hi, day, seen, words, consumed, entity_of, tok,
                     coordinated: list) -> _Mention:
        kb = self.kb
        first, last = h.first, h.last
        nxt_tok = tok(h.last)
        if h.role.words == ("eerste", "minister") and nxt_tok is not None and normalise(nxt_tok.text) in ("voor", "van") \
                and not any(x.first in (h.last + 1, h.last + 2) and x.kind in ("country", "igo") for x in hits):
            # `de eerste minister voor Wonen`: the first such minister, not the premier
            h = replace(h, role=kb.roles[("minister",)])
        country_ent: Optional[Entity] = kb.entities.get(h.entity) if h.entity else None
        former = h.former
        foreign_adjective = False
        # Left: adjectives of nationality, former-words, possessives, determiners.
        j = first - 1
        k = hi - 1
        while j >= 0:
            t = tok(j)
            if t is None:
                break
            w = normalise(t.text)
            prev_hit = hits[k] if k >= 0 else None
            if prev_hit is not None and prev_hit.last == j + 1:
                if prev_hit.possessive and country_ent is None:
                    # Ruslands president, Poetins woordvoerder
                    country_ent = entity_of(prev_hit)
                    consumed.add(id(prev_hit))
                    first = prev_hit.first
                    break
                if prev_hit.kind == "adjective":
                    if country_ent is None:
                        country_ent = entity_of(prev_hit)
                    else:
                        e = entity_of(prev_hit)
                        if e is not None and e.id != country_ent.id:
                            coordinated.append((prev_hit, e))
                    consumed.add(id(prev_hit))
                    first = prev_hit.first
                    j, k = prev_hit.first - 1, k - 1
                    continue
                break
            if w in kb.former_words:
                former = True
                first = j
                j -= 1
                continue
            if w.endswith("s") and t.text[:1].isupper() and len(w) > 3:
                # possessive: Ruslands president, Poetins woordvoerder
                stem = (w[:-1],) if not w.endswith("'s") else (w[:-2],)
                entries = [e for e in kb.aliases.get(stem, []) if e.kind in ("country", "person", "igo")]
                if entries and country_ent is None:
                    country_ent = kb.entities[entries[0].entity]
                    first = j
                    break
            if t.tag == "VNW" and "bez" in t.features and w in ("zijn", "haar") and country_ent is None:
                # Puigdemont en zijn ministers: the named person's country
                before = [x for x in hits[:hi] if x.kind == "person" and x.last <= j]
                owner = entity_of(before[-1]) if before else None
                if owner is not None and owner.kind == "person" and owner.country:
                    country_ent = owner
                first = j
                break
            if t.tag == "ADJ" and _is_capitalised(t) and j > 0 and tok(j - 1) is not None \
                    and re.search(r"(s|se|sche)$", w) and not kb.aliases.get((w,)):
                foreign_adjective = True      # de Joegoslavische autoriteiten: a nationality the KB lacks
            if t.tag == "ADJ" or (t.tag == "TW") or w in ("en", ",", "of"):
                j -= 1
                continue
            if t.tag == "LID" or (t.tag == "VNW" and "det" in t.features):
                first = j
            break
        # Right: "van (de) X", then a name in apposition.
        town: Optional[str] = None
        j = last
        k = hi + 1
        nxt = lambda: hits[k] if k < len(hits) else None
        t = tok(j)
        if t is not None and normalise(t.text) == "van":
            jj = j + 1
            t2 = tok(jj)
            if t2 is not None and t2.tag == "LID":
                jj += 1
            n = nxt()
            if n is not None and n.first == jj and n.kind in ("country", "igo", "metonym", "capital", "region"):
                e = entity_of(n)
                if e is not None:
                    country_ent = e
                    consumed.add(id(n))
                    last = n.last
                    j, k = n.last, k + 1
                    if n.kind == "capital":      # de burgemeester van Brussel
                        town = " ".join(normalise(article.tokens[x].text) for x in range(n.first, n.last))
            elif n is not None and n.first == jj and n.kind == "person" and h.role.role == "GOV" and not h.role.office \
                    and country_ent is None:
                # de regering van Maduro, het kabinet van Rutte: that person's government
                p = entity_of(n)
                if p is not None and p.country:
                    consumed.add(id(n))
                    return _Mention(first, n.last, "metonym", f"{p.country}GOV", p.country, "GOV",
                                    entity=f"{p.country}:GOV", sent=sent)
            elif not (n is not None and n.first == jj):
                place = self._place_at(article, jj, tok)
                if place is not None:
                    # de burgemeester van Gent, de gemeenteraad van Arnhem
                    country_ent, town = kb.entities[place[0]], place[2]
                    last = j = place[1]
        elif t is not None and normalise(t.text) == "in" and country_ent is None and h.role.role in PLACED_BY_STATE:
            # de oppositie in Venezuela, de politie in Utrecht: the state's own agents there
            # (not troops, rebels or refugees: "de troepen in Syrië" may be anyone's)
            jj = j + 1
            n = nxt()
            if n is not None and n.first == jj and n.kind in ("country", "capital", "region"):
                e = entity_of(n)
                if e is not None and e.kind in ("country", "region"):
                    country_ent = e
                    consumed.add(id(n))
                    last = n.last
                    j, k = n.last, k + 1
            elif not (n is not None and n.first == jj):
                place = self._place_at(article, jj, tok)
                if place is not None:
                    country_ent, town = kb.entities[place[0]], place[2]
                    last = j = place[1]
        person_ent: Optional[Entity] = None
        unknown_name: Optional[tuple[int, int]] = None
        is_title = bool(h.role.office) or h.role.words in kb.titles
        n = nxt()
        t = tok(j)
        if is_title and t is not None and normalise(t.text) in ("van", "voor") and not (n is not None and n.first == j):
            # A portfolio before the name: minister van Defensie Theo Francken,
            # staatssecretaris voor Jeugd en Preventie Jan de Boer.
            jj, limit = j + 1, j + 7
            while jj < limit:
                tj = tok(jj)
                if tj is None:
                    break
                nh = next((x for x in hits if x.first == jj), None)
                if nh is not None and nh.kind == "person":
                    while k < len(hits) and hits[k] is not nh:
                        k += 1
                    j = jj
                    break
                if not (tj.tag in ("LID", "ADJ", "N", "SPEC", "VG") or tj.text in (",", "-")):
                    break
                jj += 1
            n = nxt()
        if n is not None and n.first == j and n.kind == "person" and not is_title and h.role.role == "GOV":
            # kabinet Rutte, regering-Netanyahu: the government of that person's country.
            p = entity_of(n)
            consumed.add(id(n))
            if p is not None:
                return _Mention(first, n.last, "metonym", f"{p.country}GOV", p.country, "GOV",
                                entity=f"{p.country}:GOV", sent=sent)
        named_country: Optional[str] = None
        if n is not None and n.first == j and n.kind == "person":
            person_ent = entity_of(n)
            if person_ent is None and is_title:
                # A surname two people share, after a title: the one who holds that office on
                # the date (premier Michel in 2018 is Charles); else, where both are of one
                # country, that country (the name stays the text's).
                person_ent, named_country = self._titled_person(n, h.role, day)
                if person_ent is None and named_country:
                    unknown_name = (n.first, n.last)
            consumed.add(id(n))
            last = n.last
        else:
            # An unknown name in apposition: capitalised proper-noun tokens (SPEC or NER PER).
            jj = j
            while True:
                t = tok(jj)
                if t is None or not _is_capitalised(t) or not (t.tag == "SPEC" or t.ner.endswith("PER")):
                    break
                if any(x.first == jj and x.kind != "person" for x in hits):
                    break
                jj += 1
            if jj > j and is_title:
                unknown_name = (j, jj)
                last = jj
        role = h.role
        # Country of the role.
        base = None
        if country_ent is not None:
            if country_ent.kind == "person":
                base = country_ent.country     # Poetins woordvoerder: a Russian government spokesman
            else:
                base = country_ent.code if country_ent.kind == "igo" else (country_ent.country or country_of(country_ent.code))
        if base is None and named_country:
            base = named_country
        defaulted = home_default = False
        if base is None and not person_ent:
            key = tuple(normalise(article.tokens[i].text) for i in range(h.first, h.last))
            lem = tuple(normalise(article.tokens[i].lemma or article.tokens[i].text) for i in range(h.first, h.last))
            base = kb.default_country.get(key) or kb.default_country.get(lem)
            home_default = base == "NLD"
            if base == "NLD":
                base = getattr(self, "_home", "NLD")
            defaulted = base is not None
        m = _Mention(first, last, "role", role=role.role, office=role.office, sent=sent)
        if defaulted and home_default and unknown_name and not person_ent and not former and not foreign_adjective:
            # minister van Binnenlandse Zaken Otto Schily: an unknown name is the home country's
            # only where the context is domestic (as the home nouns below)
            base, defaulted = None, False
            m.home_pending = True
        elif defaulted and foreign_adjective:
            base, defaulted = None, False
        if base is None and not person_ent and not former and not foreign_adjective and (key in kb.home_nouns or lem in kb.home_nouns):
            # de politie, de oppositie, de vakbonden with no country named: the home country's
            # where the article is about home (decided in resolve(), `_home_defaults`)
            m.home_pending = True
            if role.office and not unknown_name:
                return m
        if defaulted and role.office and not unknown_name and not former:
            # `de premier` with no country named: an earlier premier of the article first
            # (chaining), else the home country's (decided in _chain).
            m.fallback = base
            return m
        if person_ent is not None:
            code, office = self._entity_code(person_ent, day)
            m.kind, m.person, m.entity, m.gender = "person", person_ent.name, person_ent.id, person_ent.gender
            m.code, m.office = code, office or role.office
            m.country, m.role = person_ent.country, role_of(code)
            if former and code and not code.endswith("ELI"):
                m.code, m.role = f"{person_ent.country}ELI", "ELI"
            elif not office and is_title and role.role in ("LEG", "OPP", "PTY", "JUD", "MIL", "MED", "REB"):
                # A known person the KB lists no office for on this day, with a title in
                # apposition (Kamerlid Fleur Agema): the title gives the role.
                m.code, m.role = f"{person_ent.country}{role.role}", role.role
            return m
        if base is None:
            if unknown_name:
                m.person = article.text[article.tokens[unknown_name[0]].start:article.tokens[unknown_name[1] - 1].end]
            return m
        is_igo = base.startswith(("IGO", "NGO", "NGM", "IMG"))
        if is_igo:
            m.country = "IGO" if base.startswith("IGO") else base[:3]
            m.code = base + ("MIL" if role.role == "MIL" and not base.endswith("MIL") else "")
            m.role = role_of(m.code)
            office = country_ent.head if role.office in ("head", "president", "premier") and country_ent else None
            office = office or (role.office if role.office not in ("head", None) else None)
            holder_prefix = base
        else:
            m.country = base
            suffix = "ELI" if former else role.role
            # A metonym with its own role (Kremlin -> RUSGOV) keeps it for woordvoerder etc.
            if country_ent is not None and country_ent.kind == "party" and (
                    role.role in ("PTY", "LEG") or role.role == "GOV" and not role.office):
                m.code = country_ent.code          # VVD-leider, VVD-congres: the party
            elif country_ent is not None and country_ent.kind in ("metonym", "organisation") and role.role == "GOV":
                m.code = country_ent.code          # Kremlin-woordvoerder: the Kremlin
            else:
                m.code = base + suffix
            m.role = role_of(m.code)
            office = role.office if role.office != "head" else None
            holder_prefix = base
        m.entity = f"{base}:{m.role}" if not is_igo else country_ent.id if country_ent else base
        if unknown_name:
            m.person = article.text[article.tokens[unknown_name[0]].start:article.tokens[unknown_name[1] - 1].end]
            m.entity = None
            return m
        if office and not former and office != "minister":
            holders = kb.holders(holder_prefix, office, day)
            if office == "mayor":       # de burgemeester van Gent: the mayor of that town
                holders = [p for p in holders if town and any(
                    o.office == "mayor" and o.place == town and o.holds(day) for o in p.offices)]
            if len(holders) == 1 and not m.plural:
                p = holders[0]
                m.kind, m.person, m.entity, m.gender, m.office = "person", p.name, p.id, p.gender, office
                m.kind = "role"
        return m

    # -- coreference --------------------------------------------------------------
    def _chain(self, article: Article, mentions: list[_Mention], day: dt.date) -> None:
        chains: dict[str, int] = {}
        next_chain = 0
        for idx, m in enumerate(mentions):
            if m.entity is None and m.kind == "role" and m.office and m.code is None:
                # Bare role: in apposition after a name (`Jan de Boer, staatssecretaris van ...`)
                # it is that person's; otherwise it joins the latest earlier mention with that office.
                before = article.tokens[m.first - 1] if m.first > 0 else None
                named = article.tokens[m.first - 2] if m.first > 1 else None
                if before is not None and before.text == "," and named is not None and named.sent == m.sent \
                        and _is_capitalised(named) and (named.tag == "SPEC" or named.ner.endswith("PER")):
                    left = next((p for p in mentions[:idx] if p.last == m.first - 1 and p.code), None)
                    if left is not None:
                        m.code, m.country, m.role, m.person, m.entity = left.code, left.country, left.role, left.person, left.entity
                        m.gender = left.gender
                    elif m.fallback:
                        m.country, m.code, m.entity = m.fallback, f"{m.fallback}{m.role}", None
                        j = m.first - 2
                        while j > 0 and article.tokens[j - 1].sent == m.sent and _is_capitalised(article.tokens[j - 1]) \
                                and article.tokens[j - 1].tag == "SPEC":
                            j -= 1
                        m.person = article.text[article.tokens[j].start:article.tokens[m.first - 2].end]
                    m.fallback = None
                for prev in reversed(mentions[:idx]) if m.code is None else ():
                    if prev.office == m.office and prev.code:
                        m.code, m.country, m.role, m.person, m.entity = prev.code, prev.country, prev.role, prev.person, prev.entity
                        m.gender = prev.gender
                        break
                else:
                    if m.fallback and m.code is None:
                        m.country, m.code = m.fallback, f"{m.fallback}{m.role}"
                        m.entity = f"{m.fallback}:{m.role}"
                        holders = self.kb.holders(m.fallback, m.office, day)
                        if len(holders) == 1:
                            m.person, m.entity, m.gender = holders[0].name, holders[0].id, holders[0].gender
            if m.kind == "demonym" and not m.plural and m.first > 0 and \
                    normalise(article.tokens[m.first - 1].text) == "de":
                # `de Pool`, `de Fransman` after a named person of that country: the same person
                # (a journalist's anaphor), when exactly one such person is in the last two sentences.
                near = {p.entity: p for p in mentions[:idx] if p.entity and p.entity.startswith("person:")
                        and m.sent - 2 <= p.sent <= m.sent and self.kb.entities[p.entity].country == m.country}
                if len(near) == 1:
                    p = next(iter(near.values()))
                    m.code, m.role, m.person, m.entity, m.gender = \
                        p.code, p.role, p.person, p.entity, p.gender
            key = m.entity or (f"name:{normalise(m.person)}" if m.person and m.code else None)
            if key is None:
                continue
            if key not in chains:
                chains[key] = next_chain
                next_chain += 1
            m.chain = chains[key]
        self._pronouns(article, mentions, chains)

    def _pronouns(self, article: Article, mentions: list[_Mention], chains: dict[str, int]) -> None:
        persons = [m for m in mentions if m.entity and m.entity.startswith("person:")]
        # Named people the KB does not know (an unknown name with a role, or a bare PER name):
        # where one is named after the candidate, the pronoun may be theirs: left unresolved.
        strangers = [(m.sent, m.last) for m in mentions
                     if m.person and not (m.entity and m.entity.startswith("person:")) and m.kind != "pronoun"]
        known = {i for m in persons for i in range(m.first, m.last)}
        for t in article.tokens:
            if t.ner.endswith("PER") and t.i not in known and _is_capitalised(t):
                strangers.append((t.sent, t.i + 1))
        new: list[_Mention] = []
        for t in article.tokens:
            if t.tag != "VNW" or "pers" not in t.features:
                continue
            w = normalise(t.text)
            if t.rel != "su":
                # Frog's parse often misses the subject; an institution's `zij` in subject
                # position (sentence-initial, after `dat`) with the verb's number still counts
                if w in ("zij", "ze") and self._subject_position(article, t):
                    number = self._verb_number(article, t)
                    if number is not None and not any(
                            (m.sent == t.sent and m.last <= t.i) or m.sent == t.sent - 1 for m in persons):
                        group = self._collective(article, mentions, t, plural=number == "mv")
                        if group is not None:
                            new.append(replace(group, first=t.i, last=t.i + 1, kind="pronoun", sent=t.sent))
                continue
            if w == "hij":
                gender = "m"
            elif w == "zij" and "ev" in t.features:
                gender = "f"
            elif w == "ze" and "ev" in t.features:
                gender = "f"
            elif w in ("zij", "ze") and "mv" in t.features:
                number = self._verb_number(article, t) or "mv"
                if number == "mv" or not any((m.sent == t.sent and m.last <= t.i) or m.sent == t.sent - 1 for m in persons):
                    group = self._collective(article, mentions, t, plural=number == "mv")
                    if group is not None:
                        new.append(replace(group, first=t.i, last=t.i + 1, kind="pronoun", sent=t.sent))
                continue
            else:
                continue
            # Persons in reach: earlier in this sentence or in the previous one.
            reach = [m for m in persons if (m.sent == t.sent and m.last <= t.i) or m.sent == t.sent - 1]
            cands = {m.entity for m in reach if m.gender == gender}
            others = {m.entity for m in reach if m.gender is None}
            if gender == "f" and not reach:
                # `zij` for an institution (a de-word): de politie ... zij onderzoekt
                group = self._collective(article, mentions, t, plural=False)
                if group is not None:
                    new.append(replace(group, first=t.i, last=t.i + 1, kind="pronoun", sent=t.sent))
                continue
            if len(cands) == 1 and not others:
                ref = max((m for m in reach if m.entity in cands), key=lambda m: m.last)
                later = [x for x in strangers if ((x[0] == t.sent and x[1] <= t.i) or x[0] == t.sent - 1)
                         and x[1] > ref.last]
                if later:
                    continue      # the last person named before the pronoun is someone else
                new.append(replace(ref, first=t.i, last=t.i + 1, kind="pronoun", sent=t.sent))
        if new:
            mentions.extend(new)
            mentions.sort(key=lambda m: (m.first, m.last))

    @staticmethod
    def _subject_position(article: Article, t: Token) -> bool:
        """First word of the sentence, or right after a subordinator (dat, omdat) or `en`."""
        prev = article.tokens[t.i - 1] if t.i > 0 else None
        return prev is None or prev.sent != t.sent or prev.tag == "VG" or prev.text in ('"', "'", "‘", "“")

    @staticmethod
    def _verb_number(article: Article, t: Token) -> Optional[str]:
        """ev/mv of the finite verb that agrees with a subject pronoun (the next finite verb
        of the clause, before punctuation): `zij onderzoekt` ev, `zij dreigen` mv."""
        for x in article.tokens[t.i + 1:t.i + 7]:
            if x.sent != t.sent or x.tag in ("LET", "VG"):
                return None
            if x.tag == "WW" and "pv" in x.features:
                if "mv" in x.features:
                    return "mv"
                if "ev" in x.features or "met-t" in x.features:
                    return "ev"
                return None
        return None

    def _collective(self, article: Article, mentions: list[_Mention], t: Token, plural: bool) -> Optional[_Mention]:
        """The one institution or group a subject pronoun `zij`/`ze` can stand for: a coded,
        non-person subject (rel su) earlier in the sentence or in the previous one, singular
        for `zij` + singular verb (de politie ... zij onderzoekt), plural for plural `zij`
        (de vakbonden ... zij dreigen). None where there are several or none."""
        found = {}
        for m in mentions:
            if not m.code or m.kind in ("person", "pronoun", "country", "adjective", "demonym", "region") \
                    or (m.entity or "").startswith("person:") or m.person:
                continue
            if not ((m.sent == t.sent and m.last <= t.i) or m.sent == t.sent - 1):
                continue
            toks = article.tokens[m.first:m.last]
            starts = m.first == 0 or article.tokens[m.first - 1].sent != m.sent
            if not (starts or any(x.rel == "su" for x in toks)):
                continue
            nouns = [x for x in toks if x.tag in ("N", "SPEC")]
            head = nouns[-1] if nouns else toks[-1]
            is_plural = "mv" in head.features
            if head.tag == "N" and is_plural != plural or head.tag == "SPEC" and plural:
                continue
            found[m.entity or m.code] = m
        return next(iter(found.values())) if len(found) == 1 else None

    def _emit(self, article: Article, m: _Mention) -> ActorMention:
        a, b = article.tokens[m.first], article.tokens[m.last - 1]
        return ActorMention(text=article.text[a.start:b.end], code=m.code, country=m.country, role=m.role,
                            person=m.person, start=a.start, end=b.end, sent=m.sent, tokens=(m.first, m.last),
                            kind=m.kind, entity=m.entity, chain=m.chain)


# ---------------------------------------------------------------------------- module API
_RESOLVER: Optional[Resolver] = None


def resolver() -> Resolver:
    global _RESOLVER
    if _RESOLVER is None:
        _RESOLVER = Resolver()
    return _RESOLVER


def resolve_article(article: Article, date: DateLike = None) -> list[ActorMention]:
    return resolver().resolve(article, date)


def _article_mentions(article: Article, date: DateLike) -> list[ActorMention]:
    if date is None:
        if not article.actors and article.tokens:
            article.actors = resolve_article(article)
        return article.actors
    # The event coder asks per event date: resolve once per article and day (a small LRU
    # kept here, not on the article, so that nothing unserialisable rides along).
    day = as_day(date)
    # hash(text) is cached on the string: an article re-read with other text never hits.
    key = (id(article), article.id, len(article.tokens), hash(article.text), day)
    if key in _DAY_CACHE:
        _DAY_CACHE.move_to_end(key)
        return _DAY_CACHE[key]
    _DAY_CACHE[key] = found = resolve_article(article, day)
    while len(_DAY_CACHE) > 256:
        _DAY_CACHE.popitem(last=False)
    return found


_DAY_CACHE: "OrderedDict[tuple, list[ActorMention]]" = OrderedDict()


def mentions_in(article: Article, first_tok: int, last_tok: int, date: DateLike = None) -> list[ActorMention]:
    """Mentions whose tokens lie within [first_tok, last_tok), in text order."""
    return [m for m in _article_mentions(article, date) if first_tok <= m.tokens[0] and m.tokens[1] <= last_tok]


def actor_for_span(article: Article, first_tok: int, last_tok: int, date: DateLike = None) -> Optional[ActorMention]:
    """The best actor inside the token range [first_tok, last_tok): the mention that
    contains the syntactic head of the span if there is one, otherwise the most specific
    (person > role > IGO > metonym > party > country > demonym > adjective), leftmost first.
    Mentions without a code are returned only when nothing coded is there."""
    inside = [m for m in _article_mentions(article, date)
              if m.tokens[0] < last_tok and first_tok < m.tokens[1]]
    if not inside:
        return None
    heads = [t.i for t in article.tokens[first_tok:last_tok] if t.head is None or not first_tok <= t.head < last_tok]
    coded = [m for m in inside if m.code] or inside
    for h in heads:
        at_head = [m for m in coded if m.tokens[0] <= h < m.tokens[1]]
        if at_head:
            return min(at_head, key=lambda m: (KIND_RANK.get(m.kind, 9), m.tokens[0] - m.tokens[1]))
    return min(coded, key=lambda m: (KIND_RANK.get(m.kind, 9), m.tokens[0]))


def code_for(entity_id: str, date: DateLike) -> Optional[str]:
    kb = load_kb()
    ent = kb.entities.get(entity_id)
    if ent is None:
        return None
    return kb.code_at(ent, as_day(date))[0]
