"""Domestic politics of the Netherlands and Belgium in the actor layer: cabinets and
ministers by portfolio, parliament, parties, local government, courts, police, unions and
employers, with the home country for bare domestic nouns. GDELT codes NLDGOV -> NLD as an
event, so these must resolve with CAMEO codes. All sentences are invented."""
from __future__ import annotations

import pytest

from kroniek.actors.kb import load_kb
from kroniek.actors.resolve import resolve_article

pytestmark = pytest.mark.frog


def mention(article, text):
    ms = [m for m in resolve_article(article) if m.text == text]
    assert ms, f"{text!r} not among {[(m.text, m.code) for m in resolve_article(article)]}"
    return ms[0]


def codes(article):
    return {m.text: m.code for m in resolve_article(article)}


@pytest.mark.parametrize("text,date,span,code", [
    # the Dutch cabinet, parliament and ministers
    ("De ministerraad besloot vrijdag de accijns op tabak te verhogen.", "2023-06-02", "De ministerraad", "NLDGOV"),
    ("Het kabinet-Rutte IV stelde een noodfonds in.", "2022-03-04", "kabinet-Rutte IV", "NLDGOV"),
    ("De Kamer stemde dinsdag in met de nieuwe pensioenwet.", "2022-12-20", "De Kamer", "NLDLEG"),
    ("Een Kamermeerderheid wil dat de minister het plan intrekt.", "2023-02-01", "Een Kamermeerderheid", "NLDLEG"),
    ("De coalitiepartijen ruziën opnieuw over de stikstofaanpak.", "2022-10-11", "De coalitiepartijen", "NLDGOV"),
    ("De oppositiepartijen eisen een debat over de jeugdzorg.", "2022-10-11", "De oppositiepartijen", "NLDOPP"),
    ("De informateur sprak woensdag met alle fractievoorzitters.", "2024-01-10", "De informateur", "NLDGOV"),
    ("GroenLinks-PvdA en D66 dienen samen een motie in.", "2024-03-05", "D66", "NLDPTY"),
    # local government, courts, police, agencies
    ("De gemeenteraad van Zwolle stemde tegen de komst van een windpark.", "2021-05-06", "De gemeenteraad van Zwolle", "NLDGOV"),
    ("De rechtbank in Breda sprak de verdachte vrij.", "2020-11-12", "De rechtbank in Breda", "NLDJUD"),
    ("De politie heeft zaterdag drie jongeren aangehouden na een vechtpartij.", "2022-07-09", "De politie", "NLDCOP"),
    ("De marechaussee hield op Schiphol een smokkelaar aan.", "2023-04-04", "marechaussee", "NLDCOP"),
    ("De marechaussee zette twintig asielzoekers op het vliegtuig naar Albanië.", "2023-04-04", "marechaussee", "NLDCOP"),
    ("De Belastingdienst stuurde duizenden ouders een nieuwe brief.", "2021-02-02", "Belastingdienst", "NLDGOV"),
    ("De Nationale ombudsman uit scherpe kritiek op het UWV.", "2021-02-02", "Nationale ombudsman", "NLDGOV"),
    # unions and employers
    ("De FNV kondigt een staking aan in het streekvervoer.", "2023-01-16", "FNV", "NLDLAB"),
    ("VNO-NCW is blij met de lagere lasten voor bedrijven.", "2023-09-20", "VNO-NCW", "NLDBUS"),
    ("De vakbonden en de werkgevers sloten een nieuw akkoord.", "2023-01-16", "De vakbonden", "NLDLAB"),
    # Belgium
    ("De federale regering bereikte een akkoord over de begroting.", "2023-10-10", "De federale regering", "BELGOV"),
    ("Het federaal parket opende een onderzoek naar de aanslag in Brussel.", "2023-10-17", "Het federaal parket", "BELJUD"),
    ("Het ACV en het ABVV roepen op tot een nationale actiedag.", "2025-02-10", "ABVV", "BELLAB"),
    ("Voka vraagt de Vlaamse regering om minder regels.", "2019-11-05", "Voka", "BELBUS"),
    ("De burgemeester van Gent verbiedt vuurwerk op oudejaarsavond.", "2020-12-28", "De burgemeester van Gent", "BELGOV"),
])
def test_domestic_mentions(analysed, text, date, span, code):
    assert mention(analysed(text, date), span).code == code


@pytest.mark.parametrize("text,date,span,person", [
    ("De minister van Justitie wil de straffen voor geweld tegen agenten verhogen.", "2019-05-14",
     "De minister van Justitie", "Ferd Grapperhaus"),
    ("De minister van Volksgezondheid kondigde strengere maatregelen aan.", "2020-10-13",
     "De minister van Volksgezondheid", "Hugo de Jonge"),
    ("Minister van Financiën Heinen presenteerde de Voorjaarsnota.", "2025-04-15",
     "Minister van Financiën Heinen", "Eelco Heinen"),
    ("Staatssecretaris Van Rij wil de belasting op aandelen verhogen.", "2023-05-16",
     "Staatssecretaris Van Rij", "Marnix van Rij"),
    ("De burgemeester van Amsterdam stelde een samenscholingsverbod in.", "2023-11-20",
     "De burgemeester van Amsterdam", "Femke Halsema"),
    ("Premier Michel reageerde verheugd op het akkoord.", "2018-03-01", "Premier Michel", "Charles Michel"),
    ("De Vlaamse minister-president opende het nieuwe museum.", "2021-06-01",
     "De Vlaamse minister-president", "Jan Jambon"),
])
def test_office_holders_by_portfolio_and_town(analysed, text, date, span, person):
    m = mention(analysed(text, date), span)
    assert (m.person, m.code[:3], m.code[3:6]) == (person, m.code[:3], "GOV") and m.code[:3] in ("NLD", "BEL")


@pytest.mark.parametrize("text,date,span,code", [
    ("Premier Schoof kreeg kritiek van oppositieleider Timmermans.", "2024-09-18", "Premier Schoof", "NLDGOV"),
    ("PVV-leider Wilders wil een strenger asielbeleid.", "2024-01-15", "PVV-leider Wilders", "NLDLEG"),
    ("Premier De Croo verdedigde de pensioenhervorming.", "2023-03-01", "Premier De Croo", "BELGOV"),
    ("Premier De Wever ontving de Franse president.", "2025-03-20", "Premier De Wever", "BELGOV"),
    ("Minister Faber wil het asielbeleid aanscherpen.", "2024-10-01", "Minister Faber", "NLDGOV"),
])
def test_dated_persons(analysed, text, date, span, code):
    assert mention(analysed(text, date), span).code == code


def test_a_room_is_no_parliament(analysed):
    a = analysed("Het hotel had geen vrije kamer meer. De kamer van het hotel was te klein.", "2023-05-02")
    assert not any(m.code and m.code.endswith("LEG") for m in resolve_article(a))


def test_foreign_opposition_is_placed_abroad(analysed):
    a = analysed("De oppositie in Venezuela roept op tot nieuwe verkiezingen.", "2019-02-12")
    assert mention(a, "De oppositie in Venezuela").code == "VENOPP"


def test_no_home_country_in_a_foreign_story(analysed):
    """In an article about Georgia `de politie` is not the Dutch police: no country (the
    event coder places it)."""
    a = analysed("In Georgië gingen duizenden mensen de straat op. De politie zette traangas in.", "2024-12-02")
    assert mention(a, "De politie").code is None


def test_flemish_article_takes_the_belgian_institutions(analysed):
    a = analysed("De Kamer keurde de begroting goed. Defensie krijgt extra geld, zei minister Francken in Antwerpen.",
                 "2025-03-01")
    c = codes(a)
    assert c["De Kamer"] == "BELLEG" and c["Defensie"] == "BELMIL"


def test_raad_van_state_judges_or_advises(analysed):
    a = analysed("De Raad van State vernietigde de vergunning voor de weg. Eerder adviseerde de Raad van State "
                 "het kabinet over de wet.", "2023-09-12")
    found = [m.code for m in resolve_article(a) if m.text.endswith("Raad van State")]
    assert found == ["NLDJUD", "NLDGOV"]


def test_an_institution_as_pronoun(analysed):
    a = analysed("De Belgische politie deed dinsdag huiszoekingen in Luik. Zij onderzoekt een fraudezaak.", "2024-03-05")
    zij = mention(a, "Zij")
    assert (zij.code, zij.kind) == ("BELCOP", "pronoun")


def test_every_dutch_and_belgian_person_has_a_provenance():
    kb = load_kb()
    people = [e for e in kb.entities.values() if e.kind == "person" and e.source.split(":")[0].endswith(
        ("netherlands.yaml", "belgium.yaml"))]
    assert len(people) > 200
    assert all(p.provenance.split()[0].split(";")[0] in ("phoenix", "hand", "phoenix+hand") for p in people), \
        [p.id for p in people if not p.provenance][:5]


def test_phoenix_candidates_are_reproducible(tmp_path, shared):
    from kroniek.actors.build.make_persons_from_phoenix import OUT, main
    out = main(shared / "data" / "petrarch2", tmp_path / "candidates.tsv")
    assert out.read_text(encoding="utf-8") == OUT.read_text(encoding="utf-8")
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()[2:]]
    assert {r[0] for r in rows} == {"NLD", "BEL"}
    assert any(r[2] == "Jan Peter Balkenende" and r[4] == "NLDGOV" for r in rows)


@pytest.mark.parametrize("text,date,span,code", [
    # a foreign ministry or minister is not the Dutch one
    ("Het Amerikaanse ministerie van Financiën legde nieuwe sancties op.", "2024-02-23",
     "Het Amerikaanse ministerie", "USAGOV"),
    ("In Duitsland riep minister van Binnenlandse Zaken Hans Keller (SPD) op tot kalmte.", "2024-02-23",
     "minister van Binnenlandse Zaken Hans Keller", None),
    # a small Flemish town makes the article Belgian
    ("De politie van Oostkamp zoekt getuigen van een inbraak.", "2022-09-14", "De politie van Oostkamp", "BELCOP"),
])
def test_country_of_ministries_and_towns(analysed, text, date, span, code):
    assert mention(analysed(text, date), span).code == code


def test_geonames_towns_are_reproducible(tmp_path):
    from kroniek.actors.build.make_municipalities import OUT, main
    out = main(tmp_path / "towns.tsv")
    assert out.read_text(encoding="utf-8") == OUT.read_text(encoding="utf-8")
