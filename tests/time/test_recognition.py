"""Recognition and normalization of every class of Dutch time expression (raw text, no Frog).

Reference date 2025-03-10 is a Monday."""
import pytest

from tests.time.helpers import one, tag

D = "2025-03-10"


@pytest.mark.parametrize("sentence, expr, value, earliest, latest", [
    # absolute dates in the common Dutch forms
    ("Op 2 augustus 1990 vielen troepen binnen.", "2 augustus 1990", "1990-08-02", "1990-08-02", "1990-08-02"),
    ("De brief is van 24-02-2022.", "24-02-2022", "2022-02-24", "2022-02-24", "2022-02-24"),
    ("Het besluit volgde op 3/1/2024.", "3/1/2024", "2024-01-03", "2024-01-03", "2024-01-03"),
    ("Dat was in februari 2022.", "februari 2022", "2022-02", "2022-02-01", "2022-02-28"),
    ("De wet geldt sinds 2016.", "2016", "2016", "2016-01-01", "2016-12-31"),
    ("Het rapport verscheen in 2016.", "2016", "2016", "2016-01-01", "2016-12-31"),
    ("Dat gebeurde op 3 jan. 2021.", "3 jan. 2021", "2021-01-03", "2021-01-03", "2021-01-03"),
    ("De top was op 12 feb 2023.", "12 feb 2023", "2023-02-12", "2023-02-12", "2023-02-12"),
    ("Hij stierf op de 1e mei 1990.", "de 1e mei 1990", "1990-05-01", "1990-05-01", "1990-05-01"),
    ("Op vierentwintig januari 2020 kwam hij.", "vierentwintig januari 2020", "2020-01-24", "2020-01-24", "2020-01-24"),
    ("De zomer van 2019 was heet.", "de zomer van 2019", "2019-SU", "2019-06-01", "2019-08-31"),
    ("In het eerste kwartaal van 2024 groeide de economie.", "het eerste kwartaal van 2024", "2024-Q1", "2024-01-01", "2024-03-31"),
    ("In de jaren negentig was dat anders.", "de jaren negentig", "199", "1990-01-01", "1999-12-31"),
    ("Dat begon in de twintigste eeuw.", "de twintigste eeuw", "19", "1900-01-01", "1999-12-31"),
    ("In week 12 van 2025 is het zover.", "week 12 van 2025", "2025-W12", "2025-03-17", "2025-03-23"),
    # datelines
    ("Bericht\n\n01-Mar-08\n\nTekst.", "01-mar-08", "2008-03-01", "2008-03-01", "2008-03-01"),
])
def test_absolute_dates(sentence, expr, value, earliest, latest):
    t = tag(sentence, D)[expr.lower()]
    assert (t.value, t.earliest, t.latest) == (value, earliest, latest)
    assert t.type == "DATE"


@pytest.mark.parametrize("sentence, expr, value, mod, earliest, latest", [
    ("Begin maart komt het kabinet met plannen.", "begin maart", "2025-03", "START", "2025-03-01", "2025-03-10"),
    ("Medio 2021 liep het mis.", "medio 2021", "2021", "MID", "2021-05-01", "2021-08-31"),
    ("Dat gebeurde eind vorige maand.", "eind vorige maand", "2025-02", "END", "2025-02-21", "2025-02-28"),
    ("Eind 2023 was de schuld gestegen.", "eind 2023", "2023", "END", "2023-09-01", "2023-12-31"),
    ("Halverwege april wordt beslist.", "halverwege april", "2025-04", "MID", "2025-04-11", "2025-04-20"),
])
def test_positions_in_periods(sentence, expr, value, mod, earliest, latest):
    t = tag(sentence, D)[expr]
    assert (t.value, t.mod, t.earliest, t.latest) == (value, mod, earliest, latest)


@pytest.mark.parametrize("sentence, expr, value, earliest, latest", [
    ("Vandaag is er overleg.", "vandaag", "2025-03-10", "2025-03-10", "2025-03-10"),
    ("Gisteren was er overleg.", "gisteren", "2025-03-09", "2025-03-09", "2025-03-09"),
    ("Eergisteren was er overleg.", "eergisteren", "2025-03-08", "2025-03-08", "2025-03-08"),
    ("Morgen is er overleg.", "morgen", "2025-03-11", "2025-03-11", "2025-03-11"),
    ("Overmorgen is er overleg.", "overmorgen", "2025-03-12", "2025-03-12", "2025-03-12"),
    ("Vorige week was er overleg.", "vorige week", "2025-W10", "2025-03-03", "2025-03-09"),
    ("Volgende maand komt er overleg.", "volgende maand", "2025-04", "2025-04-01", "2025-04-30"),
    ("Dit jaar komt er overleg.", "dit jaar", "2025", "2025-01-01", "2025-12-31"),
    ("Vorig jaar was er overleg.", "vorig jaar", "2024", "2024-01-01", "2024-12-31"),
    ("Hij komt over twee weken terug.", "over twee weken", "2025-03-24", "2025-03-24", "2025-03-24"),
    ("Precies een week geleden viel het besluit.", "precies een week geleden", "2025-03-03", "2025-03-03", "2025-03-03"),
    ("Drie jaar geleden viel het besluit.", "drie jaar geleden", "2022", "2022-01-01", "2022-12-31"),
    ("Twee maanden geleden viel het besluit.", "twee maanden geleden", "2025-01", "2025-01-01", "2025-01-31"),
    ("Later deze week komt er overleg.", "later deze week", "2025-W11", "2025-03-11", "2025-03-16"),
    ("Eerder deze maand was er overleg.", "eerder deze maand", "2025-03", "2025-03-01", "2025-03-09"),
])
def test_relative_expressions_with_a_day_date(sentence, expr, value, earliest, latest):
    t = tag(sentence, D)[expr]
    assert (t.value, t.earliest, t.latest) == (value, earliest, latest)


@pytest.mark.parametrize("sentence, expr, value, earliest, latest", [
    # weekdays and parts of days
    ("Afgelopen dinsdag sprak hij de Kamer toe.", "afgelopen dinsdag", "2025-03-04", "2025-03-04", "2025-03-04"),
    ("Komende dinsdag spreekt hij de Kamer toe.", "komende dinsdag", "2025-03-11", "2025-03-11", "2025-03-11"),
    ("Vanochtend werd het bekend.", "vanochtend", "2025-03-10TMO", "2025-03-10", "2025-03-10"),
    ("Gisteravond werd het bekend.", "gisteravond", "2025-03-09TEV", "2025-03-09", "2025-03-09"),
    ("Woensdagavond zal de minister spreken.", "woensdagavond", "2025-03-12TEV", "2025-03-12", "2025-03-12"),
])
def test_weekdays_and_parts_of_days(sentence, expr, value, earliest, latest):
    t = tag(sentence, D)[expr]
    assert (t.value, t.earliest, t.latest) == (value, earliest, latest)


def test_weekday_follows_tense():
    # 2025-03-10 is a Monday: past tense → the Saturday before, future → the one after
    assert one("Zaterdag demonstreerden duizenden mensen.", D).value == "2025-03-08"
    assert one("Zaterdag zullen duizenden mensen demonstreren.", D).value == "2025-03-15"
    assert one("Zaterdag is er een grote demonstratie gehouden.", D).value == "2025-03-08"
    assert one("Op zaterdag werd de wet aangenomen.", D).value == "2025-03-08"


def test_year_less_dates_follow_tense():
    assert one("Op 24 december werd hij gearresteerd.", D).value == "2024-12-24"
    assert one("Op 24 december zal hij terugkeren.", D).value == "2025-12-24"
    assert one("In juni vielen de eerste doden.", D).value == "2024-06"
    assert one("In juni zal de minister beslissen.", D).value == "2025-06"


@pytest.mark.parametrize("sentence, expr, value, earliest, latest", [
    ("Er werd van 3 tot 5 maart onderhandeld.", "van 3 tot 5 maart", "(XXXX-03-03,XXXX-03-05,P2D)", "2025-03-03", "2025-03-05"),
    ("Tussen 2019 en 2021 daalde het aantal.", "tussen 2019 en 2021", "(2019-01-01,2021-01-01,P2Y)", "2019-01-01", "2021-12-31"),
    ("Van maart tot mei 2024 was hij weg.", "van maart tot mei 2024", "(2024-03-01,2024-05-01,P2M)", "2024-03-01", "2024-05-31"),
])
def test_ranges(sentence, expr, value, earliest, latest):
    t = tag(sentence, D)[expr]
    assert (t.value, t.earliest, t.latest) == (value, earliest, latest)


def test_open_ranges_keep_the_date_and_say_the_direction():
    t = tag("Het verbod geldt tot 14 januari 2026.", D)["14 januari 2026"]
    assert (t.value, t.mod) == ("2026-01-14", "BEFORE")
    t = tag("Sinds 2016 is dat verboden.", D)["2016"]
    assert (t.value, t.mod) == ("2016", "ON_OR_AFTER")


@pytest.mark.parametrize("sentence, expr, value", [
    ("Met Kerstmis 2024 was het stil.", "kerstmis 2024", "2024-12-25"),
    ("Met Pasen 2025 is het feest.", "pasen 2025", "2025-04-20"),
    ("Koningsdag 2025 valt op een zaterdag.", "koningsdag 2025", "2025-04-26"),
    ("Sinterklaas 2024 kwam per boot.", "sinterklaas 2024", "2024-12-05"),
    ("Op Nieuwjaar 2025 was het koud.", "nieuwjaar 2025", "2025-01-01"),
    ("Hemelvaartsdag 2025 is een vrije dag.", "hemelvaartsdag 2025", "2025-05-29"),
])
def test_holidays(sentence, expr, value):
    assert tag(sentence, D)[expr].value == value


def test_holiday_without_year_follows_tense():
    assert one("Met Kerstmis werd er gevochten.", D).value == "2024-12-25"
    assert one("Met Kerstmis zal er weer gevochten worden.", D).value == "2025-12-25"


@pytest.mark.parametrize("sentence, expr, value", [
    ("De trein vertrekt om 5.00 uur.", "5.00 uur", "2025-03-10T05:00"),
    ("Om kwart over drie begon het debat.", "kwart over drie", "2025-03-10T03:15"),
    ("Om half vier begon het debat.", "half vier", "2025-03-10T03:30"),
    ("Om 20.30 begon het debat.", "20.30", "2025-03-10T20:30"),
    ("Om 7 uur 's avonds begon het debat.", "7 uur 's avonds", "2025-03-10T19"),
    ("Morgen om 8.45 uur begint het debat.", "morgen om 8.45 uur", "2025-03-11T08:45"),
])
def test_times(sentence, expr, value):
    t = tag(sentence, D)[expr]
    assert (t.type, t.value) == ("TIME", value)


def test_decimal_money_is_not_a_time():
    assert tag("Het kost € 3.50 per stuk.", D) == {} or "3.50" not in tag("Het kost € 3.50 per stuk.", D)


@pytest.mark.parametrize("sentence, expr, value, mod", [
    ("Een wapenstilstand van veertig dagen.", "veertig dagen", "P40D", None),
    ("De staking duurt al meer dan vier weken.", "meer dan vier weken", "P4W", "MORE_THAN"),
    ("Na urenlange onderhandelingen lag er een akkoord.", "urenlange", "PTXH", None),
    ("Hij zat drieëntwintig jaar vast.", "drieëntwintig jaar", "P23Y", None),
    ("Het duurde ongeveer twee weken.", "ongeveer twee weken", "P2W", "APPROX"),
    ("Het duurde anderhalf jaar.", "anderhalf jaar", "P1.5Y", None),
    ("Er wordt 48 uur gestaakt.", "48 uur", "PT48H", None),
    ("Het duurde enkele weken.", "enkele weken", "PXW", None),
])
def test_durations(sentence, expr, value, mod):
    t = tag(sentence, D)[expr]
    assert (t.type, t.value, t.mod) == ("DURATION", value, mod)
    assert t.earliest is None


def test_duration_over_the_past_period_has_an_interval():
    t = tag("De afgelopen drie jaar groeide de economie.", D)["de afgelopen drie jaar"]
    assert (t.type, t.value, t.earliest, t.latest) == ("DURATION", "P3Y", "2022-03-10", "2025-03-09")


@pytest.mark.parametrize("sentence, expr, value", [
    ("Er wordt elke week vergaderd.", "elke week", "P1W"),
    ("Het rapport verschijnt jaarlijks.", "jaarlijks", "P1Y"),
    ("De dagelijkse briefing gaat door.", "dagelijkse", "P1D"),
    ("Het kabinet vergadert elke vrijdag.", "elke vrijdag", "XXXX-WXX-5"),
    ("Ze komen twee keer per maand bijeen.", "twee keer per maand", "P1M"),
])
def test_sets(sentence, expr, value):
    t = tag(sentence, D)[expr]
    assert (t.type, t.value) == ("SET", value)


@pytest.mark.parametrize("sentence, expr, value", [
    ("Het geldt per direct.", "per direct", "PRESENT_REF"),
    ("Nu is de beurt aan de oppositie.", "nu", "PRESENT_REF"),
    ("De oorlog duurt inmiddels lang.", "inmiddels", "PRESENT_REF"),
    ("Hij zei dat eerder al.", "eerder", "PAST_REF"),
    ("Er komt binnenkort een besluit.", "binnenkort", "FUTURE_REF"),
    ("Dat gebeurde onlangs ook.", "onlangs", "PAST_REF"),
])
def test_vague_references(sentence, expr, value):
    t = tag(sentence, D)[expr]
    assert t.value == value


def test_vague_reference_intervals():
    got = tag("Binnenkort komt er een besluit, eerder was dat anders.", D)
    assert (got["binnenkort"].earliest, got["binnenkort"].latest) == ("2025-03-10", None)
    assert (got["eerder"].earliest, got["eerder"].latest) == (None, "2025-03-10")


def test_belgian_forms():
    assert tag("De maatregel geldt per onmiddellijk.", D)["per onmiddellijk"].value == "PRESENT_REF"
    assert tag("Hij vertrok op maandag 3 maart.", D)["maandag 3 maart"].value == "2025-03-03"


def test_not_time_expressions():
    found = tag("Er kwamen 2000 mensen en 1500 agenten. Jan de Vries zegt dat het kabinet valt.", D)
    assert found == {}


def test_offsets_are_exact_with_odd_spacing():
    text = "Op  2 augustus\n1990 vielen ze binnen."
    t = one(text, D)
    assert text[t.start:t.end] == "2 augustus\n1990" and t.value == "1990-08-02"


@pytest.mark.parametrize("sentence, expr, value", [
    ("Het overleg is tussen 9.30 en 15.00 uur.", "tussen 9.30 en 15.00 uur", "(T09:30,T15:00,PT5H30M)"),
    ("Het overleg is van 5 tot 6 's middags.", "van 5 tot 6 's middags", "(T17,T18,PT1H)"),
    ("Morgen van 10.00 tot 12.00 uur is er overleg.", "morgen van 10.00 tot 12.00 uur", "(2025-03-11T10:00,2025-03-11T12:00,PT2H)"),
    ("De lancering was om 16.12 uur UTC.", "16.12 uur utc", "2025-03-10T16:12Z"),
])
def test_time_ranges_and_zones(sentence, expr, value):
    assert tag(sentence, D)[expr].value == value


def test_weekday_with_day_of_month_finds_the_month():
    assert one("Hij zal terugkomen op vrijdag de 28e.", D).value == "2025-03-28"
    assert one("Op maandag 24, om 8.00 uur, zal het beginnen.", D).value == "2025-03-24T08:00"


def test_compound_amounts_and_shifts_from_dates():
    assert one("De overstroming was precies drie jaar en vijf dagen geleden.", "2024-07-19").value == "2021-07-14"
    assert one("Twee weken voor Kerstmis 2024 viel het besluit.", D).value == "2024-12-11"
    assert one("Drie dagen na 12 januari 2025 kwam het bericht.", D).value == "2025-01-15"


def test_year_less_range_stays_in_one_year():
    t = one("Van 18 tot 31 augustus wordt er gebouwd.", "2024-02-29")
    assert t.earliest[:4] == t.latest[:4] and t.value == "(XXXX-08-18,XXXX-08-31,P13D)"


def test_names_are_not_day_words():
    assert tag("Dat schreef De Financiële Morgen.", D) == {}


@pytest.mark.parametrize("sentence, expr, value", [
    ("De betoging begint om 14u30 aan het station.", "14u30", "2025-03-10T14:30"),
    ("Deze voormiddag werd hij opgepakt.", "deze voormiddag", "2025-03-10TMO"),
    ("In de nacht van zaterdag op zondag werd ingebroken.", "de nacht van zaterdag op zondag", "2025-03-08TNI"),
    ("Op 30 maart jl. werd hij opgepakt.", "30 maart jl.", "2024-03-30"),
])
def test_belgian_and_newspaper_forms(sentence, expr, value):
    assert tag(sentence, D)[expr].value == value


def test_short_numeric_date_and_year_less_quarter():
    assert one("Op 24/2 viel Rusland binnen.", D).value == "2025-02-24"
    assert one("De winst steeg in het eerste kwartaal.", D).value == "2025-Q1"
    assert tag("De hulplijn is 24/7 bereikbaar.", D) == {}
