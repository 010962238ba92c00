"""The event coder on invented Dutch news sentences, analysed by the real Frog and the real time and
actor stages (Frog is started once per session by tests/conftest.py)."""
from __future__ import annotations

import pytest

from .conftest import make_coder

pytestmark = pytest.mark.frog


@pytest.fixture(scope="module")
def coded(analysed):
    return make_coder(analysed, "2025-03-11")


def one(article, root: str):
    found = [e for e in article.events if e.cameo.startswith(root)]
    assert found, f"no {root} event in {[(e.cameo, e.rule) for e in article.events]}"
    return found[0]


def countries(e):
    return (e.source.country if e.source else None, e.target.country if e.target else None)


def test_intention_with_gaan_and_object_subcode(coded):
    e = one(coded("Canada gaat opnieuw militaire hulp leveren aan Polen."), "07")
    assert e.cameo == "072" and countries(e) == ("CAN", "POL") and e.mode == "intended"
    assert e.plover == "AID" and e.quadclass == 2 and e.goldstein == pytest.approx(8.3)


def test_negation(coded):
    a = coded("Rusland heeft Oekraïne dinsdag niet aangevallen met raketten.")
    assert a.events and all(e.mode == "negated" for e in a.events)


def test_counterfactual_signing(coded):
    a = coded("Naar verwachting zouden Japan en Zuid-Korea toen een handelsverdrag ondertekenen. "
              "In plaats daarvan werd de Japanse premier naar huis gestuurd.")
    signed = [e for e in a.events if e.cameo.startswith("05")]
    assert signed and all(e.mode == "counterfactual" for e in signed)


def test_passive_with_door_agent(coded):
    e = one(coded("Oekraïne werd woensdag door Russische troepen aangevallen met artillerie."), "19")
    assert countries(e) == ("RUS", "UKR")


def test_passive_without_agent_is_not_guessed(coded):
    # the attack is recorded, its unnamed doer is left empty rather than guessed
    a = coded("Oekraïne werd woensdag aangevallen met artillerie.")
    found = [e for e in a.events if e.cameo.startswith("19")]
    assert found and all(e.source is None and e.target.country == "UKR" for e in found)


def test_passive_without_agent_and_without_actor_is_no_event(coded):
    # crime among private people: no actor on either side, the place alone makes no event
    a = coded("Een fietser is gisteren in Utrecht door een automobilist aangereden en geslagen.")
    assert not [e for e in a.events if e.cameo[:2] in ("18", "19", "20")]


def test_separable_verb_in_inverted_clause_dated_by_its_expression(coded):
    e = one(coded("Op 2 augustus 1990 vielen Iraakse troepen Koeweit binnen."), "19")
    assert countries(e) == ("IRQ", "KWT")
    assert (e.earliest, e.latest) == ("1990-08-02", "1990-08-02")
    assert e.trigger.text.split() == ["vielen", "binnen"]


def test_nominal_event_between_two_actors_with_place(coded):
    a = coded("De gesprekken tussen India en Pakistan in Dubai duurden de hele nacht.")
    e = one(a, "04")
    assert set(countries(e)) == {"IND", "PAK"} and e.symmetric
    assert e.place and e.place["country"] == "ARE"


def test_anchored_date_a_week_ago(coded):
    e = one(coded("Precies een week geleden pauzeerde Canada alle militaire hulp aan Saudi-Arabië."), "16")
    assert e.cameo == "1622" and countries(e) == ("CAN", "SAU")
    assert e.earliest <= "2025-03-04" <= e.latest


def test_inverted_clause_subject_after_the_verb(coded):
    e = one(coded("Gisteren ontving de Franse president Macron de Duitse bondskanselier in Parijs."), "04")
    assert e.cameo == "043" and countries(e) == ("FRA", "DEU")


def test_subordinate_clause_and_reported_speech(coded):
    a = coded("De Amerikaanse minister zei dat Israël Hamas met raketten had aangevallen.")
    e = one(a, "19")
    assert countries(e) == ("ISR", "PSE") and e.cameo == "194"    # rocket fire: 194 in the codebook
    assert e.attributed_to is not None and e.attributed_to.country == "USA"


def test_merging_two_mentions_of_one_meeting(coded):
    a = coded("Rusland en Oekraïne hebben in Istanbul gesprekken gevoerd. "
              "Na de gesprekken tussen Rusland en Oekraïne volgde een persconferentie.")
    meetings = [e for e in a.events if e.cameo.startswith("04")]
    assert len(meetings) == 1 and len(meetings[0].evidence) == 2
    assert meetings[0].confidence > 0.8


def test_accident_yields_no_event(coded):
    a = coded("Een tankwagen is gisteren op de A12 bij Woerden tegen een viaduct gebotst en heeft de vangrail "
              "beschadigd. De chauffeur bleef ongedeerd.")
    assert a.events == []


def test_event_ids_and_evidence(coded):
    a = coded("Japan gaat opnieuw militaire hulp leveren aan de Filipijnen. China viel Taiwan aan.")
    assert [e.id for e in a.events] == [f"e{n}" for n in range(1, len(a.events) + 1)]
    for e in a.events:
        ev = e.evidence[0]
        assert a.text[ev.start:ev.end] == ev.text and e.sentence and e.rule
        assert 0 <= e.confidence <= 1


def test_demand_takes_target_and_subcode_from_its_dat_clause(coded):
    a = coded("Iran eist dat de Verenigde Staten de sancties opheffen.")
    e = one(a, "10")
    assert e.cameo == "1054" and countries(e) == ("IRN", "USA")
    assert not [x for x in a.events if x.cameo.startswith("08") and x.mode == "asserted"]


def test_threat_to_attack_is_a_threat_not_an_attack(coded):
    a = coded("Rusland dreigt Oekraïne opnieuw aan te vallen.")
    e = one(a, "13")
    assert e.cameo.startswith("138") and countries(e) == ("RUS", "UKR") and e.mode == "asserted"
    assert not [x for x in a.events if x.cameo.startswith("19")]


def test_refusal_to_supply_weapons(coded):
    e = one(coded("Hongarije weigert wapens te leveren aan Oekraïne."), "12")
    assert countries(e) == ("HUN", "UKR")


def test_stopping_aid_is_a_cessation_not_a_negated_supply(coded):
    a = coded("Volgens de Britse premier zal het Verenigd Koninkrijk geen wapens meer leveren aan Saudi-Arabië.")
    e = one(a, "16")
    assert e.cameo == "1622" and countries(e) == ("GBR", "SAU") and e.mode == "intended"
    assert e.attributed_to is not None and e.attributed_to.country == "GBR"


def test_conditional_and_considered_events_are_hypothetical(coded):
    a = coded("Als Rusland de aanvallen niet staakt, zal de EU nieuwe sancties opleggen aan Moskou.")
    assert one(a, "16").mode == "hypothetical"
    b = coded("De Verenigde Staten overwegen om troepen naar Polen te sturen.")
    e = one(b, "15")
    assert countries(e) == ("USA", "POL") and e.mode == "hypothetical"


def test_coordinated_subject_of_a_reciprocal_verb_is_symmetric(coded):
    e = one(coded("Oekraïne en Rusland wisselden zaterdag gevangenen uit."), "08")
    assert e.cameo == "0841" and e.symmetric and set(countries(e)) == {"UKR", "RUS"}
    assert e.earliest == e.latest == "2025-03-08"


def test_light_verb_visit_and_indirect_object_criticism(coded):
    e = one(coded("De Chinese president bracht gisteren een bezoek aan Moskou."), "04")
    assert e.cameo == "042" and countries(e) == ("CHN", "RUS") and e.earliest == "2025-03-10"
    e = one(coded("Macron geeft NAVO kritiek na eerste top."), "11")
    assert e.target is not None and e.target.code.startswith("IGO")


def test_nominal_invasion_with_actor_adjective(coded):
    a = coded("De Iraakse inval in Koeweit begon op 2 augustus 1990.")
    e = one(a, "19")
    assert countries(e) == ("IRQ", "KWT") and e.earliest == "1990-08-02"


def test_subject_before_a_relative_clause(coded):
    a = coded("De Franse president, die gisteren in Berlijn was, ontmoette de Duitse bondskanselier.")
    e = one(a, "04")
    assert set(countries(e)) == {"FRA", "DEU"} and e.source.country == "FRA"


def test_coordinated_targets_give_one_event_each(coded):
    a = coded("De Verenigde Naties roepen Israël en Hamas op tot een staakt-het-vuren.")
    appeals = [e for e in a.events if e.cameo.startswith("02")]
    assert {e.target.country for e in appeals} == {"ISR", "PSE"}
    assert all(e.cameo == "0256" for e in appeals)


def test_attack_on_a_place_targets_its_country(coded):
    e = one(coded("Het Israëlische leger viel vannacht opnieuw doelen in Gaza aan."), "19")
    assert countries(e) == ("ISR", "PSE") and e.target.text == "Gaza"


def test_denied_event_is_negated(coded):
    a = coded("Een woordvoerder van het Kremlin ontkende dat Rusland Oekraïense steden met raketten had aangevallen.")
    attacks = [e for e in a.events if e.cameo.startswith("19")]
    assert attacks and all(e.mode == "negated" for e in attacks)


def test_discourse_dating_keeps_a_paragraph_in_its_time(coded):
    a = coded("Op 3 maart bezocht de Franse president Oekraïne. "
              "De Franse president sprak daar met de Oekraïense president over wapens.")
    # the talk (dated by the paragraph) is part of the visit: one event, two mentions, one day
    visit = one(a, "04")
    assert visit.earliest == visit.latest == "2025-03-03"
    assert len(visit.evidence) == 2 and "date:discourse" in visit.rule


def test_uncertain_whether_clause_is_hypothetical_and_sports_yield_nothing(coded):
    a = coded("Het is onduidelijk of Rusland bereid is om te onderhandelen met Oekraïne.")
    assert a.events and all(e.mode == "hypothetical" for e in a.events)
    b = coded("Het Nederlands elftal won met 3-0 van Frankrijk. De wedstrijd tussen Nederland en Duitsland eindigde in 2-2.")
    assert b.events == []


def test_agreeing_to_talk_is_intent_to_meet(coded):
    e = one(coded("De Verenigde Staten en Rusland hebben afgesproken om volgende week in Riyad te praten."), "03")
    assert e.cameo == "036" and set(countries(e)) == {"USA", "RUS"}


def test_nominal_attack_on_a_city_and_sports_reports(coded):
    e = one(coded("De Russische aanval op Kiev begon in de vroege ochtend."), "19")
    assert countries(e) == ("RUS", "UKR")
    a = coded("De Nederlandse aanval op het Franse doel leverde in de tweede helft niets op, "
              "want de Franse doelman hield stand.")
    assert a.events == []


def test_speech_verb_after_the_clause_attributes_the_event(coded):
    e = one(coded("Israël heeft Hamas met raketten aangevallen, zei de Amerikaanse minister."), "19")
    assert e.attributed_to is not None and e.attributed_to.country == "USA"


def test_coordinated_sources_give_one_event_each(coded):
    a = coded("België en Nederland sturen wapens naar Oekraïne.")
    aid = [e for e in a.events if e.cameo.startswith("07")]
    assert {e.source.country for e in aid} == {"BEL", "NLD"} and {e.target.country for e in aid} == {"UKR"}


@pytest.mark.parametrize("text,code,pair", [
    ("Rusland voert gesprekken met China over gasleveringen.", "040", ("RUS", "CHN")),
    ("De Europese Unie legt nieuwe sancties op aan Rusland.", "163", ("IGO", "RUS")),
    ("Frankrijk sluit een akkoord met Duitsland over de bouw van tanks.", "057", ("FRA", "DEU")),
    ("De Verenigde Staten delen inlichtingen met Israël.", "064", ("USA", "ISR")),
])
def test_light_verb_constructions(coded, text, code, pair):
    e = one(coded(text), code[:2])
    assert e.cameo == code and countries(e) == pair


def test_resolution_speaks_for_the_council_that_adopted_it(coded):
    a = coded("De VN-Veiligheidsraad nam zaterdag een resolutie aan waarin wordt opgeroepen "
              "tot een wapenstilstand in Soedan.")
    e = one(a, "02")
    assert e.cameo == "0256" and e.source.code.startswith("IGO") and e.target.country == "SDN"
    assert e.earliest == e.latest == "2025-03-08"


def test_an_official_protest_is_verbal(coded):
    e = one(coded("De Franse minister van Buitenlandse Zaken protesteerde tegen de Russische annexatie."), "1")
    assert e.cameo == "111" and e.source.country == "FRA"


def test_first_person_in_a_direct_quote_is_its_speaker(coded):
    a = coded('"We gaan volgende week met Noord-Korea praten", zei de Amerikaanse president Trump.')
    e = one(a, "04")
    assert countries(e) == ("USA", "PRK") and e.mode == "intended" and e.earliest >= "2025-03-17"


def test_date_anchored_on_the_previous_sentence(coded):
    a = coded("Op 3 maart pauzeerde Canada alle militaire steun aan Saudi-Arabië. "
              "Een dag later schortte Canada ook de uitwisseling van inlichtingen met Saudi-Arabië op.")
    stops = sorted((e.earliest, e.latest) for e in a.events if e.cameo.startswith("16"))
    assert stops == [("2025-03-03", "2025-03-03"), ("2025-03-04", "2025-03-04")]


def test_coordinated_subject_of_a_consultation(coded):
    e = one(coded("Egypte en Ethiopië hebben urenlang overlegd in Khartoem."), "04")
    assert set(countries(e)) == {"EGY", "ETH"} and e.symmetric and e.place["country"] == "SDN"
    e = one(coded("Vandaag kwamen een Indiase en een Chinese delegatie bijeen."), "04")
    assert set(countries(e)) == {"IND", "CHN"}


def test_pronoun_in_a_reported_clause_is_the_speaker(coded):
    e = one(coded("De Britten maakten bekend dat zij opnieuw militaire hulp aan Estland gaan leveren."), "07")
    assert e.cameo == "072" and countries(e) == ("GBR", "EST") and e.mode == "intended"
