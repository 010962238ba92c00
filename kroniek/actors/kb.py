"""The actor knowledge base: countries, IGOs, metonyms, parties, people and role nouns.

All knowledge lives in data files next to this module (`data/`), kept apart from the
engine like the TABARI/PETRARCH dictionaries:

- `countries.tsv`      generated (build/make_countries.py) from pycountry + CLDR Dutch + GeoNames
- `country_words.tsv`  hand-written names, adjectives, demonyms and capitals per country
- `metonyms.yaml`      buildings, seats, state bodies and armed groups with their codes
- `organisations.yaml` companies and media with <country>BUS / <country>MED codes
- `regions.tsv`        regions and territories (Gaza, Krim, Catalonië) and world regions
- `igos.yaml`          international organisations with CAMEO IGO codes
- `parties.yaml`       political parties
- `persons/*.yaml`     people with their offices over time
- `roles.yaml`         role and agent nouns with CAMEO agent codes and office keys
- `municipalities.tsv` towns of the Netherlands and Belgium: no actors themselves, they give
                       a role its country (`de burgemeester van Gent`, `de politie in Utrecht`)
                       and tell Dutch from Flemish articles
- `ambiguous.yaml`     aliases shared by several entities, with the rule that chooses

`load_kb()` returns one cached `KnowledgeBase`; `KnowledgeBase.code_at(entity, date)`
gives a person's CAMEO code on a date (offices over time), `holders(country, office, date)`
who held an office on a date, and `aliases` maps normalised token tuples to entries.
Problems in the data raise `KBError` naming file and line.
"""
from __future__ import annotations

import csv
import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Optional

import yaml

DATA = Path(__file__).resolve().parent / "data"

# CAMEO primary and secondary role (agent) codes that kroniek emits.
ROLE_CODES = frozenset({
    "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "PTY", "REB", "SEP", "INS", "SPY", "UAF",
    "BUS", "MED", "CVL", "EDU", "HLH", "NGO", "LAB", "AGR", "CRM", "REF", "REL", "ELI",
    "DEV", "ENV", "HRI", "MOD", "RAD", "IGO", "PKO"})


class KBError(ValueError):
    """A problem in a knowledge-base file; the message names the file and line."""


@functools.lru_cache(maxsize=200_000)
def normalise(word: str) -> str:
    """Lower case, no diacritics, straight apostrophes: 'Oekraïense' -> 'oekraiense'."""
    word = word.replace("’", "'").replace("‘", "'").replace("`", "'")
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def alias_key(text: str) -> tuple[str, ...]:
    return tuple(normalise(w) for w in text.split())


def parse_date(value, where: str) -> Optional[dt.date]:
    """YYYY-MM-DD, YYYY-MM or YYYY; a partial start date means its first day."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    s = str(value).strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", s)
    if not m:
        raise KBError(f"{where}: not a date: {value!r}")
    y, mo, d = m.groups()
    try:
        return dt.date(int(y), int(mo or 1), int(d or 1))
    except ValueError as exc:
        raise KBError(f"{where}: bad date {value!r}: {exc}") from None


def inflect_adjective(base: str) -> list[str]:
    """The attributive -e form of a Dutch adjective of nationality, with the spelling
    rule for open syllables: Amerikaans -> Amerikaanse, Chinees -> Chinese, Indiaas ->
    Indiase, Russisch -> Russische."""
    m = re.search(r"(aa|ee|oo|uu)s$", base)
    if m:
        return [base, base[: m.start()] + m.group(1)[0] + "se"]
    return [base, base + "e"]


@dataclass(frozen=True)
class Office:
    code: str                    # CAMEO code while in office: USAGOV, IGONAT ...
    office: str                  # office key: president, premier, foreign_minister ...
    start: dt.date
    end: Optional[dt.date]       # None: still in office
    place: Optional[str] = None  # a mayor's town (normalised, municipalities.tsv's first name)

    def holds(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@dataclass
class Entity:
    id: str
    kind: str                    # country, igo, metonym, person, party
    name: str
    code: Optional[str] = None   # fixed code (countries, IGOs, metonyms, parties)
    country: Optional[str] = None
    gender: Optional[str] = None
    party: Optional[str] = None
    offices: list[Office] = field(default_factory=list)
    context: tuple[str, ...] = ()  # words that must occur in the sentence (metonyms like Brussel)
    head: Optional[str] = None     # office key of an IGO's leader (secretary_general ...)
    source: str = ""               # file:line, for error messages
    home: tuple[str, ...] = ()     # metonyms of a home institution (Defensie, OM): the countries it may belong to
    provenance: str = ""           # persons: where the offices come from (`source:` in persons/*.yaml)

    @property
    def role(self) -> Optional[str]:
        return role_of(self.code)


def role_of(code: Optional[str]) -> Optional[str]:
    """The first role group of a CAMEO code: USAGOV -> GOV, IGOUNO -> IGO, USA -> None."""
    if not code:
        return None
    if code.startswith(("IGO", "NGO", "NGM", "IMG", "MNC")):
        return code[:3]
    rest = code[3:6]
    return rest or None


def country_of(code: Optional[str]) -> Optional[str]:
    if not code:
        return None
    if code.startswith(("IGO", "NGO", "NGM", "IMG", "MNC")):
        return code[:3]
    return code[:3]


@dataclass(frozen=True)
class AliasEntry:
    entity: str                  # entity id
    kind: str                    # country, adjective, demonym, capital, metonym, igo, person, party
    proper: bool = True          # must start with a capital letter in the text
    plural: bool = False         # demonym plural (de Amerikanen)
    acronym: bool = False        # written in capitals (OM, IS, VN): must be capitals in the text


@dataclass(frozen=True)
class RoleNoun:
    words: tuple[str, ...]
    role: str
    office: Optional[str] = None
    proper: bool = False         # only where written with a capital (de Kamer, not de kamer van het hotel)


@dataclass
class KnowledgeBase:
    entities: dict[str, Entity] = field(default_factory=dict)
    aliases: dict[tuple[str, ...], list[AliasEntry]] = field(default_factory=dict)
    roles: dict[tuple[str, ...], RoleNoun] = field(default_factory=dict)
    default_country: dict[tuple[str, ...], str] = field(default_factory=dict)
    home_nouns: frozenset[tuple[str, ...]] = frozenset()
    places: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)   # town -> (country, canonical name)
    former_words: frozenset[str] = frozenset()
    titles: frozenset[tuple[str, ...]] = frozenset()
    compound_heads: frozenset[str] = frozenset()
    ambiguous: dict[tuple[str, ...], dict] = field(default_factory=dict)
    country_codes: frozenset[str] = frozenset()
    max_alias_len: int = 1
    max_role_len: int = 1
    _by_office: dict = field(default_factory=dict, repr=False)

    # -- building -------------------------------------------------------------------
    def add_entity(self, e: Entity) -> None:
        if e.id in self.entities:
            raise KBError(f"{e.source}: duplicate id {e.id!r} (also {self.entities[e.id].source})")
        self.entities[e.id] = e

    def add_alias(self, text: str, entry: AliasEntry) -> None:
        key = alias_key(text)
        if not key:
            return
        if entry.proper and len(key) == 1 and text.isupper() and len(text) <= 5:
            entry = replace(entry, acronym=True)
        bucket = self.aliases.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)
        self.max_alias_len = max(self.max_alias_len, len(key))

    # -- queries --------------------------------------------------------------------
    def offices_at(self, entity: Entity, day: dt.date) -> list[Office]:
        return [o for o in entity.offices if o.holds(day)]

    def code_at(self, entity: Entity, day: dt.date) -> tuple[Optional[str], Optional[str]]:
        """(code, office) of an entity on a day. A person in office gets the office's
        code (the highest-ranking office where several); a person who held a government
        office before the day and none on it is a former official, <country>ELI; anyone
        else is coded by country (and party, PTY) alone."""
        if entity.kind != "person":
            return entity.code, None
        current = self.offices_at(entity, day)
        if current:
            best = min(current, key=lambda o: OFFICE_RANK.get(o.office, 50))
            return best.code, best.office
        if any(o.start <= day for o in entity.offices):
            home = entity.country or country_of(entity.offices[0].code)
            return f"{home}ELI", None
        if entity.party and entity.country:
            return f"{entity.country}PTY", None
        return entity.country, None

    def holders(self, code_prefix: str, office: str, day: dt.date) -> list[Entity]:
        """People who held `office` for the actor `code_prefix` (USA, IGONAT ...) on `day`.
        The office key `minister` matches every ministerial office."""
        if not self._by_office:
            for e in self.entities.values():
                for o in e.offices:
                    self._by_office.setdefault(o.office, []).append((e, o))
        keys = [k for k in self._by_office if k.endswith("minister")] if office == "minister" else [office]
        out: list[Entity] = []
        for k in keys:
            for e, o in self._by_office.get(k, ()):
                if o.holds(day) and o.code.startswith(code_prefix) and e not in out:
                    out.append(e)
        return out


# Portfolio ministers (the key ends in `minister`, so that the office key `minister` in
# `holders` finds them too): `de minister van Volksgezondheid` finds the one holder on the date.
PORTFOLIO_MINISTERS = ("health_minister", "social_minister", "economy_minister", "education_minister",
                       "infrastructure_minister", "agriculture_minister", "climate_minister", "housing_minister",
                       "asylum_minister", "trade_minister", "development_minister", "legal_protection_minister",
                       "pensions_minister", "budget_minister", "regional_minister")
# State secretaries by portfolio (staatssecretaris van Toeslagen, voor Asiel en Migratie).
STATE_SECRETARIES = ("state_secretary", "asylum_state_secretary", "tax_state_secretary", "benefits_state_secretary")

# Which office gives the code when a person holds several at once.
OFFICE_RANK = {"president": 0, "monarch": 1, "supreme_leader": 1, "premier": 2, "secretary_general": 2,
               "commission_president": 2, "council_president": 2, "vicepresident": 3, "vicepremier": 4,
               "foreign_minister": 5, "defence_minister": 6, "finance_minister": 7, "interior_minister": 7,
               "justice_minister": 7, "minister": 8, "security_adviser": 9, "high_representative": 5,
               "flemish_premier": 7, "walloon_premier": 7, "brussels_premier": 7,
               **{k: 8 for k in PORTFOLIO_MINISTERS}, **{k: 9 for k in STATE_SECRETARIES},
               "military_chief": 10, "spy_chief": 10, "envoy": 11, "speaker": 12,
               "party_leader": 20, "opposition_leader": 20, "mayor": 25, "mp": 30}
# (a party president who is also a mayor, as Belgian ones often are, is coded as the former)

# `source:` of a person (persons/README.md): where the offices come from.
PROVENANCE = re.compile(r"(phoenix|hand|phoenix\+hand)(\s*[;(].*)?")


# Every office key persons/*.yaml may use (a typo is a KBError, not a silent miss).
KNOWN_OFFICES = frozenset(OFFICE_RANK) | {
    "commissioner", "director_general", "chief_prosecutor", "central_banker", "spokesperson", "adviser",
    "ambassador", "ambassador_un", "chief_of_staff", "security_council", "governor", "mayor",
    "regional_premier", "militia_leader", "negotiator", "crown_prince",
    "police_chief", "chief_justice", "humanitarian_chief", "general_assembly_president",
    "assistant_secretary_general", "ombudsman"}


# ---------------------------------------------------------------------------- loading
def _tsv_rows(path: Path) -> Iterable[tuple[int, dict]]:
    lines = [(n, line) for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if line.strip() and not line.startswith("#")]
    if not lines:
        return
    header = lines[0][1].split("\t")
    for n, line in lines[1:]:
        cells = line.split("\t")
        if len(cells) > len(header):
            raise KBError(f"{path}:{n}: {len(cells)} columns, expected {len(header)}")
        cells += [""] * (len(header) - len(cells))
        yield n, dict(zip(header, (c.strip() for c in cells)))


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split("|") if p.strip()]


def _yaml(path: Path):
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise KBError(f"{path}{line}: {exc}") from None
    except ValueError as exc:       # YAML reads 2025-02-30 as a date and fails: find the line
        bad = re.search(r"\d{4}-\d{2}-\d{2}", str(exc))
        lines = path.read_text(encoding="utf-8").splitlines()
        n = next((i for i, l in enumerate(lines, 1) if not l.startswith("#")
                  and any(_invalid_date(d) for d in re.findall(r"\b\d{4}-\d{2}-\d{2}\b", l))), 0)
        raise KBError(f"{path}:{n}: bad date: {exc}") from None


def _invalid_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
        return False
    except ValueError:
        return True


def _line_of(path: Path, needle: str) -> int:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return n
    return 0


def _load_countries(kb: KnowledgeBase, data: Path = DATA) -> None:
    path = data / "countries.tsv"
    english: list[tuple[str, str]] = []
    for n, row in _tsv_rows(path):
        iso3 = row["iso3"]
        names = [row["name_nl"]]
        m = re.fullmatch(r"(.+?)\s*\((.+)\)", row["name_nl"])       # Myanmar (Birma)
        if m:
            names = [m.group(1), m.group(2)]
        names = [re.sub(r"\s+SAR van China$", "", x) for x in names]
        kb.add_entity(Entity(id=iso3, kind="country", name=names[0], code=iso3, country=iso3,
                             source=f"{path}:{n}"))
        for name in names:
            kb.add_alias(name, AliasEntry(iso3, "country"))
        english.append((iso3, row["name_en"]))
    kb.country_codes = frozenset(e.id for e in kb.entities.values() if e.kind == "country")

    path = data / "country_words.tsv"
    for n, row in _tsv_rows(path):
        iso3 = row["iso3"]
        if iso3 not in kb.entities:
            raise KBError(f"{path}:{n}: unknown country code {iso3!r}")
        for name in _split(row["names"]):
            kb.add_alias(name, AliasEntry(iso3, "country"))
        for adj in _split(row["adjectives"]):
            for form in inflect_adjective(adj):
                kb.add_alias(form, AliasEntry(iso3, "adjective"))
        dem = _split(row["demonyms"])
        for i, d in enumerate(dem):
            kb.add_alias(d, AliasEntry(iso3, "demonym", plural=i % 2 == 1))
        for cap in _split(row["capitals"]):
            kb.add_alias(cap, AliasEntry(iso3, "capital"))
    # English one-word names (Ukraine, Russia) appear in Dutch text too, but only where
    # no Dutch name already claims the word (English "Congo" is the Republic of the Congo,
    # Dutch news means the DR Congo).
    for iso3, name in english:
        if " " not in name and "," not in name and alias_key(name) not in kb.aliases:
            kb.add_alias(name, AliasEntry(iso3, "country"))


def _load_simple(kb: KnowledgeBase, path: Path, kind: str) -> None:
    data = _yaml(path) or []
    for item in data:
        where = f"{path}:{_line_of(path, 'id: ' + str(item.get('id')))}"
        if "id" not in item or "code" not in item:
            raise KBError(f"{where}: entry needs id and code: {item}")
        names = item.get("names") or []
        home = tuple(item.get("home") or ())
        if home and country_of(item["code"]) not in home:
            raise KBError(f"{where}: home {list(home)} must include the country of code {item['code']!r}")
        e = Entity(id=f"{kind}:{item['id']}", kind=kind, name=item.get("name") or (names[0] if names else item["id"]),
                   code=item["code"], country=item.get("country") or country_of(item["code"]),
                   context=tuple(normalise(w) for w in item.get("context") or ()),
                   head=item.get("head"), source=where, home=home)
        kb.add_entity(e)
        for name in names:
            # Lower-case names (bondgenootschap, blauwhelmen) match in any case.
            kb.add_alias(name, AliasEntry(e.id, kind, proper=name[:1].isupper() or name[:1].isdigit()))
        for adj in item.get("adjectives") or []:
            kb.add_alias(adj, AliasEntry(e.id, "adjective"))


def _load_regions(kb: KnowledgeBase, data: Path = DATA) -> None:
    path = data / "regions.tsv"
    for n, row in _tsv_rows(path):
        code = row["code"]
        if code not in kb.country_codes and code not in REGION_CODES:
            raise KBError(f"{path}:{n}: unknown country or region code {code!r}")
        for name in _split(row["names"]):
            eid = f"region:{normalise(name)}"
            kb.add_entity(Entity(id=eid, kind="region", name=name, code=code,
                                 country=code, source=f"{path}:{n}"))
            kb.add_alias(name, AliasEntry(eid, "region"))


# CAMEO international region codes (codebook table 3.3).
REGION_CODES = frozenset({"AFR", "ASA", "BLK", "CRB", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR",
                          "LAM", "MEA", "MDT", "NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF", "WST"})


def _load_parties(kb: KnowledgeBase, data: Path = DATA) -> None:
    path = data / "parties.yaml"
    if not path.exists():
        return
    for item in _yaml(path) or []:
        where = f"{path}:{_line_of(path, 'id: ' + str(item.get('id')))}"
        e = Entity(id=f"party:{item['id']}", kind="party", name=item["name"],
                   code=f"{item['country']}PTY", country=item["country"], source=where)
        kb.add_entity(e)
        for name in [item["name"], *(item.get("aka") or [])]:
            kb.add_alias(name, AliasEntry(e.id, "party"))


def _load_persons(kb: KnowledgeBase, data: Path = DATA) -> None:
    for path in sorted((data / "persons").glob("*.yaml")):
        for item in _yaml(path) or []:
            where = f"{path}:{_line_of(path, 'id: ' + str(item.get('id')))}"
            for key in ("id", "name", "country"):
                if not item.get(key):
                    raise KBError(f"{where}: person needs {key}: {item}")
            offices = []
            for o in item.get("offices") or []:
                if not isinstance(o, list) or len(o) not in (3, 4, 5) or len(o) == 5 and o[1] != "mayor":
                    raise KBError(f"{where}: office must be [code, office, start, end?] (a mayor's: "
                                  f"[code, mayor, start, end or null, town]): {o}")
                start = parse_date(o[2], where)
                end = parse_date(o[3], where) if len(o) >= 4 else None
                if start is None:
                    raise KBError(f"{where}: office without start date: {o}")
                if end is not None and end < start:
                    raise KBError(f"{where}: office ends before it starts: {o}")
                if str(o[1]) not in KNOWN_OFFICES:
                    raise KBError(f"{where}: unknown office key {o[1]!r} (known: kb.KNOWN_OFFICES)")
                offices.append(Office(code=str(o[0]), office=str(o[1]), start=start, end=end,
                                      place=" ".join(alias_key(str(o[4]))) if len(o) == 5 else None))
            prov = str(item.get("source") or "")
            if prov and not PROVENANCE.fullmatch(prov):
                raise KBError(f"{where}: source must be phoenix, hand or phoenix+hand (then '; ...' or '(...)'), "
                              f"not {prov!r}")
            e = Entity(id=f"person:{item['id']}", kind="person", name=item["name"], country=item["country"],
                       gender=item.get("gender"), party=item.get("party"), offices=offices, source=where,
                       provenance=prov)
            kb.add_entity(e)
            for name in [item["name"], *(item.get("aka") or [])]:
                kb.add_alias(name, AliasEntry(e.id, "person"))


def _load_roles(kb: KnowledgeBase, data: Path = DATA) -> None:
    path = data / "roles.yaml"
    data = _yaml(path) or {}
    for role, groups in data.items():
        if role in ("default_country", "home_country", "former", "titles", "compound_heads"):
            continue
        if role not in ROLE_CODES:
            raise KBError(f"{path}:{_line_of(path, role + ':')}: unknown CAMEO role code {role!r}")
        for g in groups:
            for noun in g["nouns"]:
                key = alias_key(str(noun))
                if key in kb.roles:
                    raise KBError(f"{path}:{_line_of(path, str(noun))}: role noun {noun!r} listed twice")
                if g.get("office") and g["office"] not in KNOWN_OFFICES | {"head"}:
                    raise KBError(f"{path}:{_line_of(path, str(noun))}: unknown office key {g['office']!r}")
                kb.roles[key] = RoleNoun(key, role, g.get("office"), proper=bool(g.get("proper")))
                kb.max_role_len = max(kb.max_role_len, len(key))
    for iso3, nouns in (data.get("default_country") or {}).items():
        for noun in nouns:
            kb.default_country[alias_key(noun)] = iso3
    kb.home_nouns = frozenset(alias_key(n) for n in data.get("home_country") or ())
    for n in kb.home_nouns:
        if n not in kb.roles:
            raise KBError(f"{path}:{_line_of(path, 'home_country:')}: home_country noun {' '.join(n)!r} is not a role noun")
    kb.former_words = frozenset(normalise(w) for w in data.get("former") or ())
    kb.titles = frozenset(alias_key(w) for w in data.get("titles") or ())
    kb.compound_heads = frozenset(normalise(w) for w in data.get("compound_heads") or ())
    for t in kb.titles:
        if t not in kb.roles:
            raise KBError(f"{path}:{_line_of(path, 'titles:')}: title {' '.join(t)!r} is not a role noun")


def _load_places(kb: KnowledgeBase, data: Path = DATA) -> None:
    path = data / "municipalities.tsv"
    if not path.exists():
        return
    for n, row in _tsv_rows(path):
        iso3 = row["iso3"]
        if iso3 not in kb.country_codes:
            raise KBError(f"{path}:{n}: unknown country code {iso3!r}")
        for town in _split(row["names"]):
            names = [n.strip() for n in town.split("=") if n.strip()]     # Luik=Liège: one town
            for name in names:
                kb.places[alias_key(name)] = (iso3, " ".join(alias_key(names[0])))


def _load_ambiguous(kb: KnowledgeBase, data: Path = DATA) -> None:
    path = data / "ambiguous.yaml"
    if path.exists():
        for item in _yaml(path) or []:
            kb.ambiguous[alias_key(item["alias"])] = item


def load_kb(data: Path | None = None) -> KnowledgeBase:
    """The knowledge base from `data` (default: the package's data folder, loaded once)."""
    if data is None:
        return _default_kb()
    return _build(Path(data))


@functools.lru_cache(maxsize=1)
def _default_kb() -> KnowledgeBase:
    return _build(DATA)


def _build(data: Path) -> KnowledgeBase:
    kb = KnowledgeBase()
    _load_countries(kb, data)
    _load_simple(kb, data / "igos.yaml", "igo")
    _load_simple(kb, data / "metonyms.yaml", "metonym")
    _load_simple(kb, data / "organisations.yaml", "organisation")
    _load_regions(kb, data)
    _load_parties(kb, data)
    _load_persons(kb, data)
    _load_roles(kb, data)
    _load_places(kb, data)
    _load_ambiguous(kb, data)
    return kb
