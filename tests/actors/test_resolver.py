"""The actor resolver on invented Dutch news sentences and an invented example article,
analysed by the real Frog: every kind of mention, offices over time,
chains, pronouns, and the span API the event coder calls."""
from __future__ import annotations

import pytest

from kroniek.actors.component import make_actors
from kroniek.actors.resolve import actor_for_span, code_for, mentions_in, resolve_article

pytestmark = pytest.mark.frog


def codes(article) -> list[tuple[str, str | None]]:
    return [(m.text, m.code) for m in resolve_article(article)]


def find(article, text):
    ms = [m for m in resolve_article(article) if m.text == text]
    assert ms, f"{text!r} not among {[m.text for m in resolve_article(article)]}"
    return ms[0]


def span_of(article, words: str) -> tuple[int, int]:
    """Token range of the first occurrence of `words` in the article."""
    toks = [t.text for t in article.tokens]
    ws = words.split()
    for i in range(len(toks) - len(ws) + 1):
        if toks[i:i + len(ws)] == ws:
            return i, i + len(ws)
    raise AssertionError(f"{words!r} not in {toks}")


@pytest.mark.parametrize("text,date,mention,code,kind", [
    # countries, short forms, demonyms, adjectives + role nouns
    ("Volgende week levert de VS opnieuw wapens aan het Poolse leger.", "2025-03", "VS", "USA", "country"),
    ("Volgende week levert de VS opnieuw wapens aan het Poolse leger.", "2025-03", "het Poolse leger", "POLMIL", "role"),
    ("In augustus 1990 vielen Iraakse troepen Koeweit binnen.", "2025-03", "Iraakse troepen", "IRQMIL", "role"),
    ("Na lange onderhandelingen gaan de Amerikanen toch weer graan leveren aan Egypte.", "2025-03",
     "Amerikanen", "USA", "demonym"),
    # buildings and capitals as metonyms
    ("De Franse regering legt het vredesplan volgende week aan het Kremlin voor.", "2025-03", "Kremlin", "RUSGOV", "metonym"),
    ("Het Witte Huis reageerde woensdag niet op vragen van journalisten.", "2025-03-10", "Witte Huis", "USAGOV", "metonym"),
    ("Moskou reageerde furieus op de nieuwe sancties.", "2025-03-10", "Moskou", "RUSGOV", "metonym"),
    ("Brussel dreigt de lidstaten van de EU met sancties.", "2025-03-10", "Brussel", "IGOEEC", "metonym"),
    # IGOs and their leaders
    ("De VN-Veiligheidsraad vergadert maandag over Soedan.", "2024-05-01", "VN-Veiligheidsraad", "IGOUNO", "igo"),
    ("VN-chef Guterres riep op tot een staakt-het-vuren.", "2024-05-01", "VN-chef Guterres", "IGOUNO", "person"),
    # parties, organisations, regions
    ("De PVV wil dat het kabinet de grenzen sluit.", "2024-01-10", "PVV", "NLDPTY", "party"),
    ("De PVV wil dat het kabinet de grenzen sluit.", "2024-01-10", "het kabinet", "NLDGOV", "role"),
    ("Hamas vuurde opnieuw raketten af op Israël.", "2023-10-08", "Hamas", "PSEREB", "metonym"),
    ("Israëlische troepen trokken vrijdag Gaza binnen.", "2023-10-28", "Gaza", "PSE", "region"),
    ("De Amerikaanse Senaat stemde in met de steun.", "2024-04-23", "Amerikaanse Senaat", "USALEG", "metonym"),
    # offices and bodies by adjective and van-phrase
    ("Het Iraanse ministerie van Buitenlandse Zaken veroordeelde de aanval.", "2025-06-14",
     "Het Iraanse ministerie van Buitenlandse Zaken", "IRNGOV", "role"),
    ("Kamerlid Pieter Omtzigt van NSC wil dat het kabinet de toeslagen sneller herstelt.", "2024-02-01",
     "Kamerlid Pieter Omtzigt", "NLDLEG", "person"),
    ("Dat zei minister van Defensie Theo Francken na afloop van de NAVO-top.", "2025-06-26",
     "minister van Defensie Theo Francken", "BELGOV", "person"),
])
def test_mention_kinds(analysed, text, date, mention, code, kind):
    m = find(analysed(text, date), mention)
    assert (m.code, m.kind) == (code, kind)
    assert analysed(text, date).text[m.start:m.end] == m.text


def test_minister_with_title_and_name(analysed):
    a = analysed('"Wij willen deze week nog een antwoord uit Teheran", zei de Franse minister van Buitenlandse Zaken '
                 'Barrot na het beraad in Genève.', "2025-03")
    m = find(a, "de Franse minister van Buitenlandse Zaken Barrot")
    assert (m.person, m.code, m.country, m.role, m.entity) == ("Jean-Noël Barrot", "FRAGOV", "FRA", "GOV",
                                                                "person:jean_noel_barrot")


@pytest.mark.parametrize("date,trump", [("2018-06-01", "USAGOV"), ("2022-06-01", "USAELI"), ("2025-03-10", "USAGOV")])
def test_offices_over_time(analysed, date, trump):
    a = analysed("President Trump belde dinsdag met de Russische president Poetin.", date)
    assert find(a, "President Trump").code == trump
    assert find(a, "de Russische president Poetin").code == "RUSGOV"


def test_rutte_by_date(analysed):
    assert find(analysed("Rutte sprak in Brussel met de andere leiders.", "2021-06-01"), "Rutte").code == "NLDGOV"
    assert find(analysed("Rutte sprak in Brussel met de andere leiders.", "2025-03-01"), "Rutte").code == "IGONAT"
    assert code_for("person:mark_rutte", "2025-03") == "IGONAT"


def test_office_holder_from_role(analysed):
    m = find(analysed("De Russische president zei dat het Westen de oorlog heeft uitgelokt.", "2025-03-10"),
             "De Russische president")
    assert (m.code, m.person) == ("RUSGOV", "Vladimir Poetin")
    m = find(analysed("De secretaris-generaal van de NAVO waarschuwde voor Russische agressie.", "2025-03-10"),
             "De secretaris-generaal van de NAVO")
    assert (m.code, m.person) == ("IGONAT", "Mark Rutte")
    m = find(analysed("Ruslands president dreigde met vergelding.", "2025-03-10"), "Ruslands president")
    assert (m.code, m.person) == ("RUSGOV", "Vladimir Poetin")


def test_capital_as_place_is_no_actor(analysed):
    a = analysed("De delegaties kwamen dinsdag bijeen in Moskou.", "2025-03-10")
    assert all(m.country != "RUS" for m in resolve_article(a))


def test_unknown_person_with_role_and_bare_name(analysed):
    m = find(analysed("De Oekraïense onderhandelaar Oleksandr Kovalenko zei dat er geen akkoord is.", "2025-03-10"),
             "De Oekraïense onderhandelaar Oleksandr Kovalenko")
    assert (m.code, m.person, m.entity) == ("UKRGOV", "Oleksandr Kovalenko", None)
    assert not [m for m in resolve_article(analysed("Kovalenko zei dat er geen akkoord is.", "2025-03-10")) if m.code]


def test_other_person_with_known_surname_stays_unresolved(analysed):
    a = analysed("De burgemeester erkende dat de politie fouten had gemaakt in de zaak-Sanne Faber. Zij verdween "
                 "in 2019.", "2024-11-20")
    assert not any(m.person == "Marjolein Faber" for m in resolve_article(a))
    a = analysed("De burgemeester sprak met de ouders van Lotte Faber. Zij verdween in 2019.", "2024-11-20")
    assert not any(m.person == "Marjolein Faber" for m in resolve_article(a))


def test_former_official(analysed):
    m = find(analysed("Voormalig VN-secretaris-generaal Ban Ki-moon opende dinsdag een klimaatconferentie.", "2023-09-12"),
             "Voormalig VN-secretaris-generaal Ban Ki-moon")
    assert (m.person, m.code) == ("Ban Ki-moon", "KORELI")


def test_coordinated_nationalities(analysed):
    a = analysed("Voor de tweede keer kwamen een Indiase en Chinese delegatie gisteren bijeen.", "2025-03-10")
    assert {m.code for m in resolve_article(a)} >= {"INDGOV", "CHNGOV"}


def test_chain_of_short_mentions(analysed):
    a = analysed("De Russische president Vladimir Poetin heeft de Chinese leider Xi Jinping een echte vriend "
                 "genoemd. Poetin wil volgend jaar naar Peking reizen. De president sprak van een nieuw tijdperk.",
                 "2024-07-09")
    full, short, role = (find(a, t) for t in ("De Russische president Vladimir Poetin", "Poetin", "De president"))
    assert full.chain == short.chain == role.chain is not None
    assert role.code == "RUSGOV" and role.person == "Vladimir Poetin"
    xi = [m for m in resolve_article(a) if m.person == "Xi Jinping"]
    assert xi and xi[0].code == "CHNGOV" and xi[0].chain != full.chain


def test_pronoun_resolved_only_when_safe(analysed):
    a = analysed("De Braziliaanse president Lula da Silva dreigt met hogere heffingen op Amerikaanse producten. "
                 "Hij reageert daarmee op het besluit van de VS om de invoerrechten op koffie te verhogen.",
                 "2025-07-20")
    hij = find(a, "Hij")
    assert (hij.kind, hij.person, hij.code) == ("pronoun", "Luiz Inácio Lula da Silva", "BRAGOV")
    assert hij.chain == find(a, "De Braziliaanse president Lula da Silva").chain
    # two men in reach: "hij" stays unresolved
    a = analysed("Trump sprak dinsdag met Poetin. Hij zei dat het gesprek goed was.", "2025-03-10")
    assert not [m for m in resolve_article(a) if m.kind == "pronoun"]
    # an unknown man named after the known one: "hij" may be his
    a = analysed("Trump ontving dinsdag de Oekraïense onderhandelaar Oleksandr Kovalenko. Hij zei dat het gesprek "
                 "goed was.", "2025-03-10")
    assert not [m for m in resolve_article(a) if m.kind == "pronoun"]
    # plural "ze" after two leaders is not a person
    a = analysed("De Duitse bondskanselier Angela Merkel en de Franse president Emmanuel Macron spraken met elkaar. "
                 "Ze waren het eens.", "2018-06-03")
    assert not [m for m in resolve_article(a) if m.kind == "pronoun"]


def test_actor_for_span_and_event_date(analysed):
    a = analysed("President Trump belde dinsdag met de Russische president Poetin.", "2025-03-10")
    f, l = span_of(a, "de Russische president Poetin")
    assert actor_for_span(a, f, l).person == "Vladimir Poetin"
    f, l = span_of(a, "President Trump")
    assert actor_for_span(a, f, l).code == "USAGOV"
    assert actor_for_span(a, f, l, date="2022-06-01").code == "USAELI"     # the event's date wins
    assert actor_for_span(a, f, l, date=("2018-01-01", "2018-12-31")).code == "USAGOV"
    assert [m.text for m in mentions_in(a, 0, len(a.tokens))] == ["President Trump", "de Russische president Poetin"]
    a = analysed("Volgende week levert de VS opnieuw wapens aan het Poolse leger.", "2025-03")
    f, l = span_of(a, "het Poolse leger")
    assert actor_for_span(a, f, l).code == "POLMIL"
    f, l = span_of(a, "de VS")
    assert actor_for_span(a, f, l).code == "USA"
    assert actor_for_span(a, *span_of(a, "wapens")) is None


def test_component_fills_article(analysed):
    a = analysed("Zelensky zei dat Oekraïne niet zal capituleren. Hij vroeg de Europese leiders om meer wapens.",
                 "2025-03-10")
    a = make_actors()(a)
    assert [(m.text, m.code) for m in a.actors] == [
        ("Zelensky", "UKRGOV"), ("Oekraïne", "UKR"), ("Hij", "UKRGOV"), ("de Europese leiders", "IGOEEC")]
    assert all(a.tokens[m.tokens[0]].start == m.start for m in a.actors)
    assert a.actors[0].to_json("t")["tokens"] == list(a.actors[0].tokens)


def test_example_article_actors(example_article):
    """Every actor of the invented example article resolves to the right country and role."""
    a = example_article
    expect = {
        "Europese Unie": "IGOEEC", "Oekraïne": "UKR", "Hongarije": "HUN", "Rusland": "RUS",
        "de Oekraïense luchtmacht": "UKRMIL", "EU-buitenlandchef Kaja Kallas": "IGOEEC",
        "Minister Caspar Veldkamp": "NLDGOV", "Nederland": "NLD", "België": "BEL",
        "De Hongaarse premier Viktor Orbán": "HUNGOV", "Brussel": "IGOEEC", "Boedapest": "HUNGOV",
        "de Oekraïense president Volodymyr Zelensky": "UKRGOV", "de Europese leiders": "IGOEEC",
        "de Poolse premier Donald Tusk": "POLGOV", "Moskou": "RUSGOV",
        "Het Russische ministerie van Buitenlandse Zaken": "RUSGOV", "Een woordvoerder van het Kremlin": "RUSGOV",
        "Verenigde Staten": "USA", "Amerikaanse diplomaten": "USAGOV",
        "De Amerikaanse buitenlandminister Marco Rubio": "USAGOV", "Washington": "USAGOV",
        "de Oekraïense minister Andrii Sybiha": "UKRGOV",
    }
    got = {}
    for m in resolve_article(a):
        got.setdefault(m.text, m.code)
    for text, code in expect.items():
        assert got.get(text) == code, (text, got.get(text))
    # the joint negotiators name both sides
    assert {"USAGOV", "RUSGOV"} <= {m.code for m in resolve_article(a) if "onderhandelaars" in m.text}


def test_demonym_anaphor_joins_the_named_person(analysed):
    # a person named with an international office, then by nationality ("De Nederlander")
    a = analysed("Voor de top in Den Haag heeft NAVO-chef Mark Rutte een nieuw defensieplan voorgesteld. "
                 "De Nederlander wil dat de lidstaten vijf procent aan defensie uitgeven.", "2025-06-10")
    rutte, nl = find(a, "NAVO-chef Mark Rutte"), find(a, "Nederlander")
    assert (nl.person, nl.code, nl.chain) == ("Mark Rutte", "IGONAT", rutte.chain)


@pytest.mark.parametrize("text,date,person", [
    ("Clinton zei dat de gesprekken goed verliepen.", "2010-05-01", "Hillary Clinton"),   # the one in office
    ("Clinton zei dat de gesprekken goed verliepen.", "2020-05-01", None),                # neither: unresolved
    ("Bill Clinton bezocht Kosovo. Clinton zei dat de gesprekken goed verliepen.", "2010-05-01", "Bill Clinton"),
])
def test_shared_surname_rule(analysed, text, date, person):
    ms = [m for m in resolve_article(analysed(text, date)) if m.text == "Clinton"]
    assert (ms[0].person if ms else None) == person


def test_article_without_analysis_has_no_actors():
    from kroniek.records import Article, DocDate
    a = Article(id="x", date=DocDate(2025, 3), text="De Verenigde Staten en Rusland.")
    assert resolve_article(a) == [] and actor_for_span(a, 0, 0) is None


def test_bare_office_noun_uses_the_article_or_the_home_country(analysed):
    # Dutch article: `de koning` is the Dutch king on that day
    a = analysed("Ook deze keer mocht de pers niet mee toen de koning het ziekenhuis bezocht.", "2023-05-10")
    m = find(a, "de koning")
    assert (m.code, m.person) == ("NLDGOV", "Willem-Alexander")
    # an earlier premier in the article wins over the home country
    a = analysed("De Israëlische premier Netanyahu sprak met Biden. De premier zei dat de oorlog doorgaat.", "2024-05-01")
    m = find(a, "De premier")
    assert (m.code, m.person) == ("ISRGOV", "Benjamin Netanyahu")
    # Belgian article: the home country is Belgium
    a = analysed("De Belgische regering en de Vlaamse partijen zijn het eens. Het kabinet keurde het plan goed.",
                 "2024-05-01")
    assert find(a, "Het kabinet").code == "BELGOV"


def test_later_short_name_joins_the_person(analysed):
    a = analysed("De Oekraïense onderhandelaar Oleksandr Kovalenko zei dat er geen akkoord is. "
                 "Kovalenko voegde eraan toe dat de gesprekken doorgaan.", "2025-03-10")
    full = find(a, "De Oekraïense onderhandelaar Oleksandr Kovalenko")
    short = find(a, "Kovalenko")
    assert (short.code, short.person, short.chain) == ("UKRGOV", "Oleksandr Kovalenko", full.chain)
    a = analysed("Poetin prijst Xi Jinping. We zullen snel weer met Xi praten, zei hij.", "2024-07-09")
    assert find(a, "Xi").person == "Xi Jinping"
