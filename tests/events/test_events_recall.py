"""Recall rules of the event coder on invented Dutch news sentences, with the real Frog,
time and actor stages. Each rule also has a sentence on which it must not fire."""
from __future__ import annotations

import pytest

from .conftest import make_coder

pytestmark = pytest.mark.frog


@pytest.fixture(scope="module")
def coded(analysed):
    return make_coder(analysed, "2018-03-01")


def codes(article):
    return {(e.cameo, e.source.code, e.target.code if e.target else None) for e in article.events}


def test_object_with_its_own_article_is_no_apposition_of_the_subject(coded):
    a = coded("Met hulp van de Duitse politie hebben Tsjechische rechercheurs een Tsjechische drugscrimineel "
              "kunnen oppakken die maandenlang in ons land ondergedoken zat.", "2024-05-10")
    assert ("173", "CZECOP", "CZECRM") in codes(a)


def test_admissions_are_015_and_denials_016(coded):
    a = coded("Premier Dick Schoof trekt in een interview met de NOS het boetekleed aan.", "2025-01-10")
    assert ("015", "NLDGOV", None) in codes(a)
    a = coded("Minister Hugo de Jonge moest toegeven dat het ministerie fouten had gemaakt bij de aanbesteding.",
              "2022-05-10")
    assert [e.cameo for e in a.events] == ["015"]
    a = coded("Het Kremlin ontkent elke betrokkenheid bij de sabotage van de gaspijpleiding.", "2024-03-20")
    assert [e.cameo for e in a.events] == ["016"]


def test_yielding_to_pressure_stays_080(coded):
    a = coded("De Griekse regering gaf toe aan de eisen van de Europese Unie.", "2015-07-13")
    assert all(e.cameo != "015" for e in a.events)


def test_reaction_to_news_targets_the_doer_before(coded):
    a = coded("De Chinese president Xi Jinping heeft woensdag aangekondigd een exportverbod op zeldzame metalen "
              "in te voeren. De Europese Commissie betreurt het nieuws en kondigt eigen tegenmaatregelen aan.",
              "2025-03-01")
    assert {("012", "IGOEEC", "CHNGOV"), ("1312", "IGOEEC", "CHNGOV")} <= codes(a)
    assert all(e.confidence <= 0.6 for e in a.events if e.source.code == "IGOEEC")


def test_bare_opposition_and_focus_adverb_before_subject(coded):
    a = coded("Vooral de kleine oppositiepartijen drongen bij het kabinet aan op een snelle beslissing.",
              "2025-01-10")
    assert any(e.cameo == "020" and e.source.code == "NLDOPP" for e in a.events)


def test_nominal_criticism_doer_is_its_own_van_phrase(coded):
    a = coded("Er kwam scherpe kritiek op het voorstel van minister Faber, van oppositie en vakbonden.",
              "2025-01-10")
    assert ("111", "NLDOPP", "NLDGOV") in codes(a)


def test_crowd_demonstrates_in_a_named_place(coded):
    a = coded("Honderden betogen in Madrid tegen de woningnood.", "2025-01-10")
    assert [(e.cameo, e.source.code) for e in a.events] == [("141", "ESPOPP")]
    a = coded("Duizenden mensen kwamen zaterdag naar het festival in Madrid.", "2025-01-10")
    assert a.events == []


def test_unresolved_hij_continues_the_previous_subject(coded):
    a = coded("De Russische president Vladimir Poetin heeft de Chinese leider Xi Jinping omschreven als een echte "
              "vriend. Hij zei tijdens zijn overleg met de Indiase premier Narendra Modi uit te kijken naar "
              "zijn ontmoeting met Xi.", "2024-07-09")
    assert {("036", "RUSGOV", "CHNGOV"), ("040", "RUSGOV", "INDGOV")} <= codes(a)


def test_politics_free_stabbing_yields_nothing(coded):
    a = coded("Een twintigjarige man uit Zottegem is zaterdagavond neergestoken in de Gentse binnenstad. "
              "Van de dader ontbreekt elk spoor.", "2024-05-28")
    assert a.events == []


def test_relative_clause_without_own_subject_takes_its_antecedent(coded):
    a = coded("Scholz dient de Poolse premier Donald Tusk, die zelf al pleitte voor een Europees leger, "
              "van antwoord.", "2024-06-03")
    assert any(e.cameo == "020" and e.source.code == "POLGOV" for e in a.events)
    a = coded("Het akkoord dat Rusland vorige week sloot met Oekraïne, is van tafel.", "2025-03-11")
    assert all(e.source.code != "UKR" for e in a.events)


def test_state_agents_without_country_take_the_place_of_their_sentence(coded):
    a = coded("Een rechter in Moskou heeft oppositieleider Aleksej Navalny veroordeeld tot negen jaar cel.",
              "2022-03-22")
    assert any(e.cameo == "116" and e.source.code == "RUSJUD" for e in a.events)
    a = coded("Een man is zaterdag in Amsterdam door een andere man neergestoken.", "2022-03-22")
    assert a.events == []


def test_opposition_without_country_belongs_to_the_state_in_its_sentence(coded):
    a = coded("De Venezolaanse regering heeft de oppositieleider laten arresteren.", "2024-08-01")
    assert ("173", "VENGOV", "VENOPP") in codes(a)
    a = coded("De Amerikaanse regering bekritiseerde de rebellen.", "2024-08-01")
    assert all(e.target is None or e.target.code != "USAREB" for e in a.events)


def test_crowd_named_by_demonym(coded):
    a = coded("Duizenden Georgiërs gingen zondag de straat op tegen de regering.", "2024-12-01")
    # the unnamed government is left unplaced: only a place would say whose it is
    assert [(e.cameo, e.source.code) for e in a.events] == [("141", "GEOOPP")]


def test_calling_someone_and_reacting_critically(coded):
    a = coded("De Franse president Macron heeft zijn Amerikaanse ambtgenoot Biden gebeld.", "2024-05-10")
    assert ("041", "FRAGOV", "USAGOV") in codes(a)
    a = coded("Ook de Amerikaanse regering reageerde kritisch op de verkiezingsuitslag in Venezuela.", "2024-07-30")
    assert ("111", "USAGOV", "VEN") in codes(a)


def test_appeal_for_weapons_storming_and_indirect_object_of_sanctions(coded):
    a = coded("De Oekraïense president Zelensky vroeg de NAVO om meer luchtafweer.", "2024-05-10")
    assert ("0232", "UKRGOV", "IGONAT") in codes(a)
    a = coded("Demonstranten bestormden het parlement in Belgrado.", "2024-05-10")
    assert ("145", "SRBOPP", "SRBLEG") in codes(a)
    a = coded("De Europese Unie legt Rusland nieuwe sancties op.", "2024-05-10")
    assert any(e.cameo == "163" and e.target is not None and e.target.country == "RUS" for e in a.events)


def test_rebels_take_a_city_named_as_object(coded):
    a = coded("De rebellen in Syrië hebben de stad Aleppo ingenomen.", "2024-11-30")
    assert ("192", "SYRREB", "SYR") in codes(a)
    a = coded("De Nederlandse premier bezocht zaterdag de stad Utrecht.", "2024-11-30")
    assert a.events == []


def test_unnamed_government_or_police_is_not_the_other_sides(coded):
    a = coded("De regering legt Rusland nieuwe sancties op.", "2024-05-10")
    assert all(e.source.code != "RUSGOV" for e in a.events)
    a = coded("De politie arresteerde twee Russen.", "2024-05-10")
    assert all(e.source.code != "RUSCOP" for e in a.events)


def test_tariff_raise_on_goods_of_a_country(coded):
    a = coded("De VS verhogen de invoerrechten op Chinese elektrische auto's.", "2024-05-14")
    assert ("163", "USA", "CHN") in codes(a)


def test_past_obligation_reports_what_was_done(coded):
    a = coded("Minister Hugo de Jonge moest toegeven dat het ministerie fouten had gemaakt bij de aanbesteding.",
              "2022-05-10")
    assert [e.mode for e in a.events] == ["asserted"]
    a = coded("Rusland moet zijn troepen terugtrekken uit Oekraïne.", "2024-05-10")
    assert all(e.mode != "asserted" for e in a.events)


def test_two_sides_agreeing_exercises_and_a_withdrawn_veto(coded):
    a = coded("Israël en Hamas hebben ingestemd met een staakt-het-vuren.", "2025-01-15")
    assert any(e.source.country == "ISR" and e.target is not None and e.target.code == "PSEREB"
               and e.cameo.startswith("03") and e.symmetric for e in a.events)
    a = coded("De Chinese marine hield grootschalige oefeningen rond Taiwan.", "2024-05-24")
    assert ("150", "CHNMIL", "TWN") in codes(a)
    a = coded("Erdogan heeft zijn veto tegen de toetreding van Zweden ingetrokken.", "2024-01-23")
    assert ("080", "TURGOV", "SWE") in codes(a)
    a = coded("De scholieren hielden een brandoefening in de school.", "2024-01-23")
    assert a.events == []


def test_opinion_verb_with_a_verdict_of_failure_is_criticism_of_the_clause_subject(coded):
    a = coded("Kamerlid Laura Bromet van GroenLinks-PvdA vindt dat het kabinet te weinig doet tegen de droogte.",
              "2025-01-10")
    assert ("111", "NLDLEG", "NLDGOV") in codes(a)


def test_opinion_verb_without_a_verdict_or_without_an_actor_is_no_event(coded):
    # a mere opinion about a policy, and a verdict about no actor
    a = coded("De economen Anna Vos en Karel de Ruiter menen dat het nieuwe kabinet begint met een beleid "
              "van lagere belastingen.", "2025-01-10")
    assert a.events == []
    a = coded("Minister Van Weel vond dat er te veel zaken, zoals burenruzies, bij de rechter belandden.",
              "2025-01-10")
    assert a.events == []


def test_claim_of_a_violation_is_an_accusation_but_not_by_a_company(coded):
    a = coded("De Georgische regering beweert dat Rusland het bestandsakkoord heeft geschonden.", "2024-03-01")
    assert any(e.cameo.startswith("112") and e.source.code == "GEOGOV" and e.target.code.startswith("RUS")
               for e in a.events)
    a = coded("Het Duitse bedrijf Siemens claimt dat een Chinese concurrent een licentieovereenkomst uit 2010 "
              "schendt.", "2015-07-01")
    assert a.events == []


def test_idiom_van_antwoord_dienen_after_an_embedded_relative_clause(coded):
    a = coded("Bondskanselier Olaf Scholz presenteert een plan. In een interview dient hij de Poolse premier "
              "Donald Tusk, die zelf al pleitte voor een Europees leger, van antwoord.", "2024-06-03")
    assert ("010", "DEUGOV", "POLGOV") in codes(a)
    # the same verb without the idiom: "dienen" as "must" or "serve" is no event
    a = coded("Bondskanselier Olaf Scholz zei dat de deelstaten een plan dienen in te leveren.", "2024-06-03")
    assert all("dienen" not in e.rule for e in a.events)


def test_idioms_of_reprimand(coded):
    a = coded("De Europese Commissie tikt Hongarije op de vingers vanwege de nieuwe mediawet.", "2024-12-20")
    assert any(e.cameo == "111" and e.source.code == "IGOEEC" and e.target.code == "HUN"
               for e in a.events)
    a = coded("De kinderen tikten met hun vingers op de tafel.", "2024-12-20")
    assert a.events == []


def test_receiving_aid_is_the_givers_act(coded):
    # the giver is the van-phrase, the receiving subject the target
    a = coded("Volkswagen en BMW krijgen van de Duitse staat en de deelstaatregering van Beieren een "
              "overbruggingslening.", "2020-04-01")
    assert any(e.cameo == "071" and e.source.code.startswith("DEU") and e.target.code == "DEUBUS"
               for e in a.events)
    a = coded("Oekraïne kreeg vorige week van de Verenigde Staten nieuwe militaire hulp.", "2023-03-01")
    assert any(e.cameo == "072" and e.source.code.startswith("USA") and e.target.code.startswith("UKR")
               for e in a.events)


def test_an_order_received_or_aid_without_a_giver_is_no_aid(coded):
    a = coded("Boeing krijgt een order van 8 miljard dollar van Emirates.", "2015-06-13")
    assert a.events == []
    a = coded("De autobouwer heeft ruim 4 miljard euro aan staatssteun ontvangen.", "2020-05-07")
    assert a.events == []


def test_a_parenthesis_without_a_verb_does_not_cut_the_clause(coded):
    # an amount in brackets must not start a new clause and cut the verb off
    a = coded("Japan heeft aangekondigd dat het 300 miljoen dollar (ongeveer 280 miljoen euro) aan steun zal "
              "bieden aan Bangladesh.", "2018-03-01")
    # announced aid is an intent to provide it (0331); what matters here is that the clause holds
    assert {("071", "JPN", "BGD"), ("0331", "JPN", "BGD")} & codes(a)


def test_unresolved_subject_of_a_subordinate_clause_leaves_the_actor_after_it_an_object(coded):
    # "de nationale overheid" is the subject, the company after it the recipient
    a = coded("De premier en zijn minister van Economie kondigden maandag aan dat de nationale overheid "
              "Nissan een financieel steunpakket van 30 miljoen dollar (20 miljoen euro) biedt.", "2020-05-05")
    assert all(not (e.source.code or "").endswith("BUS") for e in a.events)
    # an actor right after the subordinator stays the subject, a time phrase after it notwithstanding
    a = coded("De minister zei dat Rusland vorige week wapens aan Syrië heeft geleverd.", "2018-03-01")
    assert ("072", "RUS", "SYR") in codes(a)


def test_verdict_in_reported_speech_is_the_speakers_criticism(coded):
    # the speaker in the next sentence ("Dat zegt …")
    a = coded("De Iraanse regering is 'door en door onbetrouwbaar'. Dat zegt de Amerikaanse journalist "
              "Tom Becker in een interview.", "2019-06-29")
    assert ("111", "USAMED", "IRNGOV") in codes(a)
    # a quote with the speaker after it; the judged actor is the owner of the subject
    a = coded("'Het optreden van Gazprom tegenover Moldavië is volstrekt onaanvaardbaar,' zei de Moldavische "
              "minister van Energie.", "2022-11-05")
    assert ("111", "MDAGOV", "RUSBUS") in codes(a)


def test_verdict_without_a_speaker_or_without_an_actor_is_no_event(coded):
    # the reporter's own words, and a verdict on a situation
    a = coded("De Iraanse regering is door en door onbetrouwbaar.", "2019-06-29")
    assert a.events == []
    a = coded("'De toestand is onaanvaardbaar,' zei premier Dick Schoof.", "2025-01-21")
    assert a.events == []


def test_asking_for_financial_support_is_a_request_for_economic_aid(coded):
    a = coded("De Duitse regering heeft Airbus gevraagd om financiële steun voor de bergingsoperatie.",
              "2019-06-30")
    assert ("0231", "DEUGOV", "FRABUS") in codes(a)
    # support asked of no actor is no event
    a = coded("De trainer vroeg om ondersteuning van het publiek.", "2019-06-30")
    assert a.events == []
