"""Classes added while widening the benchmark margins (raw text, no Frog).

Reference date 2025-03-10 is a Monday."""
import pytest

from tests.time.helpers import one, tag

D = "2025-03-10"


@pytest.mark.parametrize("sentence, expr, value", [
    # an end before the start on the 12-hour dial is the afternoon
    ("De winkel is open van half acht tot 4 uur.", "van half acht tot 4 uur", "(T07:30,T16,PT8H30M)"),
    ("Het museum is open van 9 tot 5.", "van 9 tot 5", "(T09,T17,PT8H)"),
    # ... but a 24-hour night range crosses midnight
    ("De avondklok geldt van 22.00 tot 6.00 uur.", "van 22.00 tot 6.00 uur", "(T22:00,T06:00,PT8H)"),
])
def test_time_range_end_on_the_12_hour_dial(sentence, expr, value):
    t = tag(sentence, D)[expr]
    assert (t.type, t.value) == ("TIME", value)


@pytest.mark.parametrize("sentence, expr, value", [
    # a named day with a part of the day, after or before it
    ("Hij komt dinsdag in de ochtend terug.", "dinsdag in de ochtend", "2025-03-11TMO"),
    ("Hij werd op 3 maart 's nachts opgepakt.", "3 maart 's nachts", "2025-03-03TNI"),
    ("Zaterdag laat in de avond werd hij opgepakt.", "zaterdag laat in de avond", "2025-03-08TEV"),
    ("Het gebeurde in de avond van 4 maart.", "in de avond van 4 maart", "2025-03-04TEV"),
    ("Gisteren 's avonds werd hij opgepakt.", "gisteren 's avonds", "2025-03-09TEV"),
    # the night of one day to the next
    ("De aanslag vond plaats in de nacht van 3 op 4 maart.", "in de nacht van 3 op 4 maart", "2025-03-03TNI"),
    ("In de nacht van 31 januari op 1 februari vielen doden.", "in de nacht van 31 januari op 1 februari", "2025-01-31TNI"),
    ("In de nacht van 28 op 1 maart vielen doden.", "in de nacht van 28 op 1 maart", "2025-02-28TNI"),
])
def test_day_with_part_of_day(sentence, expr, value):
    t = tag(sentence, D)[expr]
    assert (t.type, t.value) == ("TIME", value)
    assert t.earliest == t.latest == value[:10]


def test_part_of_day_takes_the_day_named_earlier_in_its_sentence():
    t = tag("Gisteren werd hij 's avonds opgepakt.", D)["'s avonds"]
    assert (t.value, t.earliest) == ("2025-03-09TEV", "2025-03-09")
    # a day in the previous sentence does not carry over
    t = tag("Op 3 maart werd een man opgepakt. Hij had 's nachts ingebroken.", D)["'s nachts"]
    assert t.value == "2025-03-10TNI"


@pytest.mark.parametrize("sentence, expr", [
    ("De bibliotheek is 's avonds open.", "'s avonds"),
    ("Musea en bibliotheken gaan voortaan in de avond dicht", "in de avond"),
])
def test_habitual_part_of_day_is_a_set(sentence, expr):
    t = tag(sentence, D)[expr]
    assert (t.type, t.value, t.earliest) == ("SET", "XXXX-XX-XXT" + {"'s avonds": "EV", "in de avond": "EV"}[expr], None)


def test_part_of_day_in_a_past_clause_stays_a_day():
    t = tag("Hij werd 's avonds opgepakt.", D)["'s avonds"]
    assert (t.type, t.value) == ("TIME", "2025-03-10TEV")


@pytest.mark.parametrize("text", ["Tel: +86 2010-2015-86", "De code is 133-2010.", "2015-1-32 is een incorrecte datum"])
def test_no_year_inside_codes_and_phone_numbers(text):
    assert not [t for t in tag(text, D).values() if t.value and t.value[:2] in ("20", "19")]


def test_year_ranges_and_plain_years_still_read():
    assert tag("De oorlog duurde van 1914-1918.", D)["1914-1918"].earliest == "1914-01-01"
    assert tag("Het kabinet-Rutte viel in 2010.", D)["2010"].value == "2010"


@pytest.mark.parametrize("sentence, expr, value, earliest, latest", [
    # a range that runs until a period is over ends after its last day
    ("Tussen 2007 en eind 2008 groeide de economie.", "tussen 2007 en eind 2008", "(2007-01-01,2009-01-01,P2Y)", "2007-01-01", "2008-12-31"),
    ("De reeks is tussen 2007 en het einde van 2008.", "tussen 2007 en het einde van 2008", "(2007-01-01,2009-01-01,P2Y)", "2007-01-01", "2008-12-31"),
    ("De reeks loopt van 2007 tot het einde van 2008.", "van 2007 tot het einde van 2008", "(2007-01-01,2009-01-01,P2Y)", "2007-01-01", "2008-12-31"),
    # "de start van" is a position word like "begin"
    ("De reeks loopt van 2007 tot de start van 2008.", "van 2007 tot de start van 2008", "(2007-01-01,2008-01-01,P1Y)", "2007-01-01", None),
])
def test_range_to_the_end_of_a_period(sentence, expr, value, earliest, latest):
    t = tag(sentence, D)[expr]
    assert (t.value, t.earliest) == (value, earliest)
    if latest:
        assert t.latest == latest


def test_decimals_are_no_day_of_month():
    found = tag("6,107.31 augustus 2019 moet het decimaal niet bevatten", D)
    assert "augustus 2019" in found and found["augustus 2019"].value == "2019-08"


@pytest.mark.parametrize("sentence, expr, value", [
    # days of a working or trading calendar
    ("In de afgelopen zeven handelsdagen verloor de euro terrein.", "de afgelopen zeven handelsdagen", "P7D"),
    ("De index steeg drie werkdagen op rij.", "drie werkdagen", "P3D"),
    # an adjective between amount and unit
    ("De economie kromp twee opeenvolgende kwartalen.", "twee opeenvolgende kwartalen", "P2Q"),
    ("Zij werkte drie achtereenvolgende jaren bij het bedrijf.", "drie achtereenvolgende jaren", "P3Y"),
    ("Het duurde drie volle dagen.", "drie volle dagen", "P3D"),
    # and a half, in one word or four
    ("De bouw duurde tweeëneenhalf jaar.", "tweeëneenhalf jaar", "P2.5Y"),
    ("De bouw duurde twee en een half jaar.", "twee en een half jaar", "P2.5Y"),
    # two units
    ("Hij zat vijf jaar en drie maanden vast.", "vijf jaar en drie maanden", "P5Y3M"),
    ("Het duurde een jaar en vier dagen.", "een jaar en vier dagen", "P1Y4D"),
])
def test_more_duration_forms(sentence, expr, value):
    t = tag(sentence, D)[expr]
    assert (t.type, t.value) == ("DURATION", value)


@pytest.mark.parametrize("sentence, date, expr, value", [
    # the year, not the quarter, is relative
    ("In het derde kwartaal van vorig jaar maakte de bank verlies.", "2009-05-07", "het derde kwartaal van vorig jaar", "2008-Q3"),
    ("In het tweede kwartaal van volgend jaar opent de fabriek.", "2009-05-07", "het tweede kwartaal van volgend jaar", "2010-Q2"),
    # the last week of a month is the last one whose Thursday is in it (ISO)
    ("De export herstelde in de laatste week van juni.", "2009-07-01", "de laatste week van juni", "2009-W26"),
    ("De laatste week van 2016 was stormachtig.", "2017-03-01", "de laatste week van 2016", "2016-W52"),
])
def test_relative_year_of_a_quarter_and_last_week_of_a_month(sentence, date, expr, value):
    assert tag(sentence, date)[expr].value == value


def test_strong_past_verbs_set_the_tense_on_raw_text():
    # "steeg" is past: the March that has just gone, though "zal" is in the main clause
    t = tag("De bond verwacht dat de markt zal herstellen omdat de export weer steeg in maart.", "2009-04-01")["maart"]
    assert t.value == "2009-03"


@pytest.mark.parametrize("sentence", [
    "Koersen zakken op herdenking van ` Zwarte Vrijdag '",
    "Hij werkte er een blauwe maandag.",
    "Op Dolle Dinsdag vluchtten de bezetters.",
])
def test_weekday_in_names_and_idioms_is_no_day(sentence):
    assert not tag(sentence, D)


def test_plain_weekday_still_read():
    assert tag("De koersen daalden maandag sterk.", D)["maandag"].value == "2025-03-10"


@pytest.mark.parametrize("sentence, expr, value", [
    ("De winkel is open van half acht tot 4 uur 's middags.", "van half acht tot 4 uur 's middags", "(T07:30,T16,PT8H30M)"),
    ("Het museum is open van half tien tot half vijf.", "van half tien tot half vijf", "(T09:30,T16:30,PT7H)"),
])
def test_half_hours_in_time_ranges(sentence, expr, value):
    assert tag(sentence, D)[expr].value == value


@pytest.mark.parametrize("sentence, expr, value", [
    ("Hij belt elke dag om 15.00 uur.", "elke dag om 15.00 uur", "XXXX-XX-XXT15:00"),
    ("De trein vertrekt dagelijks om 8 uur.", "dagelijks om 8 uur", "XXXX-XX-XXT08"),
    ("De markt is elke maandag om 16.00 uur.", "elke maandag om 16.00 uur", "XXXX-WXX-1T16:00"),
])
def test_daily_and_weekly_sets_with_a_clock_time(sentence, expr, value):
    t = tag(sentence, D)[expr]
    assert (t.type, t.value, t.earliest) == ("SET", value, None)


def test_sentence_index_without_frog():
    from kroniek.records import DocDate
    from kroniek.time import tag_text
    text = ("Op 3 maart werd hij opgepakt. Dr. Jansen zei dat vandaag.\n\nKop zonder punt\n"
            "Morgen volgt meer. Eind 2008 was het 3.5 graden.")
    assert [(t.text, t.sent) for t in tag_text(text, DocDate.parse(D))] == \
        [("3 maart", 0), ("vandaag", 1), ("Morgen", 3), ("Eind 2008", 4)]


@pytest.mark.parametrize("sentence, expr, value", [
    ("Het bedrijf boekte in het boekjaar 2008 winst.", "het boekjaar 2008", "FY2008"),
    ("Ik had veel te behalen vorig fiscaal jaar.", "vorig fiscaal jaar", "FY2024"),
    ("In het volgende boekjaar stijgt de winst.", "het volgende boekjaar", "FY2026"),
    ("De winst halveerde aan het eind van het financiële jaar.", "het financiële jaar", "FY2025"),
    # a split fiscal year is named after the year it ends in
    ("Over het boekjaar 2019/20 daalde de winst.", "het boekjaar 2019/20", "FY2020"),
])
def test_fiscal_years(sentence, expr, value):
    t = tag(sentence, D)[expr]
    assert (t.type, t.value) == ("DATE", value)
    y = int(value[2:])
    assert (t.earliest, t.latest) == (f"{y - 1}-07-01", f"{y + 1}-06-30")


def test_fiscal_year_under_a_month_only_document_date():
    t = tag("Vorig boekjaar was de omzet lager.", "2025-03")["vorig boekjaar"]
    assert t.value == "FY2024"


@pytest.mark.parametrize("sentence, date, expr, value", [
    # the end weekday is the first one from the start on, whatever the document day
    ("Hij heeft vakantie van volgende maandag tot vrijdag.", "2019-09-05", "van volgende maandag tot vrijdag", "(2019-09-09,2019-09-13,P4D)"),
    ("Het kabinet vergadert van dinsdag tot donderdag.", "2019-09-05", "van dinsdag tot donderdag", "(2019-09-10,2019-09-12,P2D)"),
    ("Van vrijdag tot maandag was het druk.", "2019-09-05", "van vrijdag tot maandag", "(2019-08-30,2019-09-02,P3D)"),
])
def test_weekday_ranges_across_the_document_day(sentence, date, expr, value):
    assert tag(sentence, date)[expr].value == value


@pytest.mark.parametrize("sentence, expr, value", [
    ("De raad vergadert wekelijks op dinsdag.", "wekelijks op dinsdag", "XXXX-WXX-2"),
    ("De winkels zijn op zondag altijd gesloten.", "zondag", "XXXX-WXX-7"),
    ("Op zondag was de winkel altijd al dicht, zei hij gisteren.", "zondag", "XXXX-WXX-7"),
    ("De markt is meestal op zaterdagochtend.", "zaterdagochtend", "XXXX-WXX-6TMO"),
])
def test_habitual_weekdays_are_sets(sentence, expr, value):
    t = tag(sentence, D)[expr]
    assert (t.type, t.value, t.earliest) == ("SET", value, None)


@pytest.mark.parametrize("sentence, expr", [
    ("De Kamer stemt op dinsdag over het plan.", "dinsdag"),           # a plan, not a habit
    ("Hij was altijd al kritisch, zei hij zondag.", "zondag"),         # the habit is in another clause
    ("Zondag zei hij dat hij altijd al tegen was.", "zondag"),
])
def test_weekdays_without_a_habit_stay_dates(sentence, expr):
    assert tag(sentence, D)[expr].type == "DATE"


def test_belgian_hour_after_voor_is_a_clock_time():
    assert tag("Je moet je stem uitbrengen voor 20u.", D)["20u"].value == "2025-03-10T20"
    # "voor drie uur" stays a duration
    assert tag("Hij zat voor drie uur vast.", D)["drie uur"].value == "PT3H"


@pytest.mark.parametrize("sentence, expr", [
    ("In de weekenden is het druk in de binnenstad.", "de weekenden"),
    ("De winkels zijn 's weekends open.", "'s weekends"),
    ("Tijdens weekenden rijden er minder treinen.", "weekenden"),
])
def test_weekends_in_the_plural_are_a_set(sentence, expr):
    t = tag(sentence, D)[expr]
    assert (t.type, t.value) == ("SET", "XXXX-WXX-WE")


def test_position_in_the_day_refers_to_the_day_just_named():
    found = tag("Zij sprak dinsdag met de minister. Eerder op de dag was al uitgelekt dat ze zou komen.", D)
    assert found["eerder op de dag"].value == found["dinsdag"].value == "2025-03-04"
    t = tag("Gisteren was de storing aan het einde van de dag verholpen.", D)["aan het einde van de dag"]
    assert (t.value, t.mod) == ("2025-03-09", "END")
    # with no day named, the document date
    assert tag("Aan het einde van de dag was de storing verholpen.", D)["aan het einde van de dag"].value == D


@pytest.mark.parametrize("sentence, expr, value", [
    ("In de nacht van vrijdag 7 op zaterdag 8 maart werd hij opgepakt.", "in de nacht van vrijdag 7 op zaterdag 8 maart", "2025-03-07TNI"),
    ("Gisteren werd in de loop van de avond de man vrijgelaten.", "in de loop van de avond", "2025-03-09TEV"),
])
def test_more_parts_of_named_days(sentence, expr, value):
    assert tag(sentence, D)[expr].value == value


def test_no_date_at_the_tail_of_a_code():
    assert not tag("De code van dit object is 133-03-03-2020", D)
    # a hyphenated range of two dates still reads
    t = tag("Tussen 01-02-2020-03-04-2020 was het dicht.", D)["tussen 01-02-2020-03-04-2020"]
    assert (t.earliest, t.latest) == ("2020-02-01", "2020-04-03")


def test_holiday_as_first_part_of_a_compound_is_no_date():
    assert not tag("De drukte nam toe in de Paas- en Pinksterperiode.", D)
    assert tag("Met Kerst was het druk.", D)["kerst"].value == "2024-12-25"


@pytest.mark.parametrize("sentence, expr, value", [
    ("Het gebeurde het jaar voor 2015.", "het jaar voor 2015", "2014"),
    ("De dag na 7 oktober 2023 werden reservisten opgeroepen.", "de dag na 7 oktober 2023", "2023-10-08"),
    ("Drie jaar na 2010 kwam hij terug.", "drie jaar na 2010", "2013"),
])
def test_one_unit_before_or_after_a_date(sentence, expr, value):
    assert tag(sentence, D)[expr].value == value


@pytest.mark.parametrize("sentence", ["De dag na de verkiezingen was het stil.", "Het jaar na de oorlog was zwaar."])
def test_unit_before_or_after_an_event_is_nothing_on_its_own(sentence):
    assert not tag(sentence, D)
