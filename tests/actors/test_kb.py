"""Consistency of the actor knowledge base (kroniek/actors/data): valid codes, ordered
dates, one holder per top office at a time, shared aliases only with a declared rule."""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

import pycountry
import pytest

from kroniek.actors.kb import (KNOWN_OFFICES, REGION_CODES, ROLE_CODES, KBError, inflect_adjective, load_kb,
                               normalise, parse_date)

INTERNATIONAL = ("IGO", "NGO", "NGM", "IMG", "MNC")


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def valid_code(kb, code: str) -> bool:
    """CAMEO-style: a country (ISO alpha-3 / KSV / region) or an international prefix,
    then three-letter groups; a domestic code's second group is a known role."""
    if not code or not re.fullmatch(r"(?:[A-Z]{3})+", code):
        return False
    head, rest = code[:3], code[3:]
    if head in INTERNATIONAL:
        return True
    if head not in kb.country_codes and head not in REGION_CODES:
        return False
    return not rest or rest[:3] in ROLE_CODES


def test_every_un_member_and_more(kb):
    # pycountry lists 249 ISO countries; all are in the KB with a Dutch name.
    for c in pycountry.countries:
        assert c.alpha_3 in kb.entities, c.name
    assert "KSV" in kb.entities
    # hand-written adjectives for (nearly) every UN member
    with_adj = {e.entity for entries in kb.aliases.values() for e in entries if e.kind == "adjective"}
    assert len(with_adj) >= 185


def test_codes_are_valid(kb):
    bad = []
    for e in kb.entities.values():
        if e.code and not valid_code(kb, e.code):
            bad.append((e.id, e.code))
        for o in e.offices:
            if not valid_code(kb, o.code):
                bad.append((e.id, o.code))
    assert not bad, bad


def test_role_nouns_use_cameo_agent_codes(kb):
    assert {r.role for r in kb.roles.values()} <= ROLE_CODES
    for noun in ("president", "troepen", "leger", "politie", "rechter", "parlement", "oppositie", "rebellen",
                 "demonstranten", "delegatie", "woordvoerder", "regering", "kabinet", "strijdkrachten"):
        assert (noun,) in kb.roles, noun
    assert kb.roles[("minister", "van", "buitenlandse", "zaken")].office == "foreign_minister"
    assert kb.roles[("troepen",)].role == "MIL"
    assert kb.roles[("politie",)].role == "COP"


def test_offices_dates_ordered_and_known(kb):
    for e in kb.entities.values():
        for o in e.offices:
            assert o.end is None or o.start < o.end, (e.id, o)
            assert o.office in KNOWN_OFFICES, (e.id, o.office)


def test_at_least_600_persons_with_gender(kb):
    persons = [e for e in kb.entities.values() if e.kind == "person"]
    assert len(persons) >= 600
    assert all(p.gender in ("m", "f") for p in persons if p.offices), [p.id for p in persons if p.gender not in ("m", "f")][:5]


@pytest.mark.parametrize("office", ["president", "premier", "foreign_minister", "defence_minister", "secretary_general"])
def test_one_holder_per_top_office_at_a_time(kb, office):
    """No two people hold the same top office of one actor on the same day (checked monthly
    2000-2025): catches typos in dates that would make `de Russische president` ambiguous."""
    by_code = defaultdict(list)
    for e in kb.entities.values():
        for o in e.offices:
            if o.office == office:
                by_code[o.code].append((e.id, o))
    problems = []
    for code, holders in by_code.items():
        for y in range(2000, 2026):
            for m in range(1, 13):
                day = dt.date(y, m, 15)
                who = {pid for pid, o in holders if o.holds(day)}
                if len(who) > 1:
                    problems.append((code, day.isoformat(), sorted(who)))
    assert not problems, problems[:10]


def test_shared_aliases_have_a_rule(kb):
    """An alias naming two different entities must be declared in ambiguous.yaml."""
    undeclared = []
    for key, entries in kb.aliases.items():
        if len({e.entity for e in entries}) > 1 and key not in kb.ambiguous:
            undeclared.append((" ".join(key), sorted({e.entity for e in entries})))
    assert not undeclared, undeclared
    for key, item in kb.ambiguous.items():
        assert item["rule"] in ("article", "date", "context", "prefer", "pos", "home"), item


def test_time_dependent_codes(kb):
    trump, rutte = kb.entities["person:donald_trump"], kb.entities["person:mark_rutte"]
    assert kb.code_at(trump, dt.date(2018, 6, 1))[0] == "USAGOV"
    assert kb.code_at(trump, dt.date(2022, 6, 1))[0] == "USAELI"     # a former president, no government actor
    assert kb.code_at(trump, dt.date(2025, 3, 10)) == ("USAGOV", "president")
    assert kb.code_at(rutte, dt.date(2021, 6, 1)) == ("NLDGOV", "premier")
    assert kb.code_at(rutte, dt.date(2025, 3, 1)) == ("IGONAT", "secretary_general")
    assert [p.id for p in kb.holders("RUS", "president", dt.date(2025, 3, 1))] == ["person:vladimir_putin"]
    assert [p.id for p in kb.holders("RUS", "president", dt.date(2010, 3, 1))] == ["person:dmitry_medvedev"]
    assert [p.id for p in kb.holders("USA", "foreign_minister", dt.date(2025, 3, 1))] == ["person:marco_rubio"]


def test_transliterations(kb):
    for alias, pid in [("Poetin", "vladimir_putin"), ("Zelensky", "volodymyr_zelensky"),
                       ("Zelenski", "volodymyr_zelensky"), ("Zelenskyy", "volodymyr_zelensky"),
                       ("Erdogan", "recep_tayyip_erdogan"), ("Netanyahu", "benjamin_netanyahu")]:
        assert {e.entity for e in kb.aliases[(normalise(alias),)]} == {f"person:{pid}"}


def test_country_words(kb):
    def ents(text):
        return {(e.entity, e.kind) for e in kb.aliases[tuple(normalise(w) for w in text.split())]}
    assert ("USA", "country") in ents("VS") and ("USA", "country") in ents("Verenigde Staten")
    assert ("USA", "adjective") in ents("Amerikaanse") and ("USA", "demonym") in ents("Amerikanen")
    assert ("GBR", "country") in ents("VK")
    assert ("UKR", "capital") in ents("Kyiv") and ("UKR", "capital") in ents("Kiev")
    assert ("metonym:kremlin", "metonym") in ents("Kremlin")
    assert ("igo:nato", "igo") in ents("NAVO")
    assert inflect_adjective("Chinees") == ["Chinees", "Chinese"]
    assert inflect_adjective("Indiaas") == ["Indiaas", "Indiase"]
    assert inflect_adjective("Russisch") == ["Russisch", "Russische"]


def test_bad_dates_are_reported_with_place():
    with pytest.raises(KBError, match="here.yaml:3"):
        parse_date("2024-13-01", "here.yaml:3")
    with pytest.raises(KBError, match="not a date"):
        parse_date("gisteren", "x.yaml:1")


def test_country_table_generator(tmp_path, shared):
    """The shipped countries.tsv is what the generator makes from pycountry, CLDR and GeoNames."""
    from kroniek.actors.build.make_countries import DATA, main
    out = main(tmp_path / "countries.tsv", shared / "data" / "geonames" / "countryInfo.txt")
    rows = lambda p: {l.split("\t")[0]: l.split("\t") for l in p.read_text(encoding="utf-8").splitlines()
                      if l and not l.startswith("#")}
    made, shipped = rows(out), rows(DATA / "countries.tsv")
    assert set(made) == set(shipped) and len(made) >= 250
    assert made["UKR"][2] == "Oekraïne" and made["UKR"][5] == "Kyiv"
    same = sum(made[k] == shipped[k] for k in made)
    assert same / len(made) > 0.95     # a newer pycountry/CLDR may rename a few: then regenerate


@pytest.mark.parametrize("file,bad,message", [
    ("persons/americas.yaml", "- {id: x_y, name: X Y, aka: [], country: USA, gender: m, offices: [[USAGOV, president, 2025-02-30]]}\n",
     r"americas.yaml:\d+: bad date"),
    ("persons/americas.yaml", "- {id: x_y, name: X Y, aka: [], country: USA, gender: m, offices: [[USAGOV, presdent, 2025-02-01]]}\n",
     r"americas.yaml:\d+: unknown office key 'presdent'"),
    ("persons/americas.yaml", "- {id: x_y, name: X Y, country: USA, offices: [[USAGOV, president, 2025-02-01, 2024-01-01]]}\n",
     r"americas.yaml:\d+: office ends before it starts"),
    ("persons/americas.yaml", "- {id: x_y, name: X Y, aka: [, country: USA}\n", r"americas.yaml:\d+"),
    ("country_words.tsv", "XXX\t\tFoos\t\t\n", r"country_words.tsv:\d+: unknown country code 'XXX'"),
    ("roles.yaml", "XYZ:\n  - {nouns: [foo]}\n", r"roles.yaml:\d+: unknown CAMEO role code 'XYZ'"),
])
def test_broken_kb_files_are_reported_with_file_and_line(tmp_path, file, bad, message):
    import shutil
    from kroniek.actors.kb import DATA
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    with open(data / file, "a", encoding="utf-8") as fh:
        fh.write(bad)
    with pytest.raises(KBError, match=message):
        load_kb(data)
