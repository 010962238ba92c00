"""The clause grammar, one construction at a time, on invented sentences (real Frog, real time
and actor stages). Each construction has a case that must be coded and a case that must not.

A row: (construction, sentence, CAMEO root, source country, target country, mode). A country
of None means the side is left empty, "*" any; the mode is the mode of that event.
"""
from __future__ import annotations

import pytest

from .conftest import make_coder

pytestmark = pytest.mark.frog

CODED = [
    ("straight_main", "Rusland viel gisteren Georgië aan.", "19", "RUS", "GEO", "asserted"),
    ("inverted_main", "Gisteren viel Rusland Georgië aan.", "19", "RUS", "GEO", "asserted"),
    ("subordinate_verb_final", "Het Georgische ministerie meldt dat Rusland Georgië heeft aangevallen.",
     "19", "RUS", "GEO", "asserted"),
    ("perfect", "Turkije heeft maandag Syrië gebombardeerd.", "19", "TUR", "SYR", "asserted"),
    ("future", "Frankrijk zal Mali volgend jaar wapens leveren.", "07", "FRA", "MLI", "intended"),
    ("passive_with_door", "Georgië werd dinsdag door Rusland aangevallen.", "19", "RUS", "GEO", "asserted"),
    ("passive_without_agent_coercion", "In Minsk zijn zaterdag dertig betogers opgepakt.", "17", "BLR", "BLR",
     "asserted"),
    ("passive_without_agent_violence", "Oekraïne werd woensdag opnieuw gebombardeerd.", "19", None, "UKR", "asserted"),
    ("separable_verb", "Russische troepen trokken Georgië binnen.", "19", "RUS", "GEO", "asserted"),
    ("te_infinitive_complement", "Frankrijk belooft Mali wapens te leveren.", "03", "FRA", "MLI", "intended"),
    ("modal", "Duitsland wil Polen tanks leveren.", "07", "DEU", "POL", "intended"),
    ("coordinated_actors", "Frankrijk en Duitsland veroordelen Rusland.", "11", "DEU", "RUS", "asserted"),
    ("coordinated_targets", "Frankrijk veroordeelt Rusland en Wit-Rusland.", "11", "FRA", "BLR", "asserted"),
    ("reported_speech_dat", "De Georgische premier zei dat Rusland Georgië had aangevallen.",
     "19", "RUS", "GEO", "asserted"),
    ("reported_speech_volgens", "Volgens de Verenigde Naties heeft Soedan Tsjaad gebombardeerd.",
     "19", "SDN", "TCD", "asserted"),
    ("headline_colon_speaker", "Kremlin: 'Kyiv viel Koersk aan'", "19", "UKR", "RUS", "asserted"),
    ("role_head_before_its_actor", "Hoofd Britse inlichtingendienst hekelt Rusland", "11", "GBR", "RUS", "asserted"),
    ("exemption_extended_is_an_easing", "Trump verlengt de vrijstelling van de importheffingen voor Mexico.", "08",
     "USA", "MEX", "asserted"),
    ("supply_of_weapon_systems", "Duitsland levert Patriot-systemen aan Oekraïne.", "07", "DEU", "UKR", "asserted"),
    ("nominal_protest_with_place", "Er zijn protesten uitgebroken in Georgië.", "14", "GEO", "GEO", "asserted"),
    ("denial_keeps_the_denial", "Rusland ontkent Georgië te hebben aangevallen.", "01", "RUS", "*", "asserted"),
    ("negation", "Rusland heeft Georgië niet aangevallen.", "19", "RUS", "GEO", "negated"),
    ("conditional", "Als Rusland Georgië aanvalt, zal de EU sancties opleggen.", "19", "RUS", "GEO", "hypothetical"),
    ("headline_participle", "Dertig betogers opgepakt in Minsk", "17", "BLR", "BLR", "asserted"),
    ("nominal_without_doer", "Bij een bomaanslag in Bagdad zijn zondag tien mensen gedood.", "18", None, "IRQ",
     "asserted"),
    ("adjective_predicate_headline", "Oppositie in Hongarije woedend op premier Orbán", "11", "HUN", "HUN",
     "asserted"),
    ("adjective_predicate_clause", "De Franse president is erg kritisch over het plan van Duitsland.", "11", "FRA",
     "DEU", "asserted"),
    ("protest_aimed_at_its_country", "Duizenden Serviërs demonstreerden zondag in Belgrado.", "14", "SRB", "SRB",
     "asserted"),
]

NOT_CODED = [
    # (construction, sentence, a root that must not be coded)
    ("sports_report", "In de tweede helft viel Ajax Feyenoord aan en scoorde de spits twee keer.", "19"),
    ("crime_without_actors", "Een fietser werd zaterdag in Utrecht door een onbekende neergestoken.", "18"),
    ("headline_news_before_colon_is_no_speaker", "Russische raketaanval op Odesa: tien doden", "01"),
    ("nominal_as_topic", "Georgië beschuldigt Rusland van beschietingen op Georgische dorpen.", "19"),
    ("no_known_actor", "Jan de Vries prijst Piet Jansen om zijn moed.", "05"),
    ("adjective_as_attribute", "De boze Franse boeren blokkeerden met hun trekkers de snelweg.", "11"),
    ("denied_deed_is_not_asserted", "Het Syrische leger ontkent chemische wapens te hebben ingezet.", "20"),
    ("denied_attack_is_not_asserted", "Rusland ontkent Georgië te hebben aangevallen.", "19"),
    ("statement_that_carries_an_event", "De Georgische premier zei dat Rusland Georgië had aangevallen.", "01"),
]


@pytest.fixture(scope="module")
def coded(analysed):
    return make_coder(analysed, "2025-03-11")


def _country(actor):
    return actor.country if actor is not None else None


@pytest.mark.parametrize("construction,text,root,src,tgt,mode", CODED, ids=[r[0] for r in CODED])
def test_construction_is_coded(coded, construction, text, root, src, tgt, mode):
    events = coded(text).events
    seen = [(e.cameo, _country(e.source), _country(e.target), e.mode, e.rule) for e in events]
    assert any(e.cameo.startswith(root) and _country(e.source) == src and tgt in ("*", _country(e.target))
               and e.mode == mode for e in events), f"{construction}: {seen}"


@pytest.mark.parametrize("construction,text,root", NOT_CODED, ids=[r[0] for r in NOT_CODED])
def test_construction_is_not_coded(coded, construction, text, root):
    events = coded(text).events
    assert not [e for e in events if e.cameo.startswith(root) and e.mode in ("asserted", "intended")], \
        f"{construction}: {[(e.cameo, e.rule) for e in events]}"
