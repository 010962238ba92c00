"""Normalization under a document date known only to the month, and anchoring."""
import datetime as dt

from dateutil.relativedelta import relativedelta

from kroniek.records import DocDate
from kroniek.time import intervals as iv
from tests.time.helpers import one, tag

M = "2025-03"


def span(t):
    return (t.earliest, t.latest)


def test_today_is_the_whole_month():
    t = one("Vandaag kwamen ze bijeen.", M)
    assert (t.value, *span(t)) == ("2025-03", "2025-03-01", "2025-03-31")


def test_tomorrow_and_yesterday_shift_the_month():
    assert span(one("Morgen komt hij.", M)) == ("2025-03-02", "2025-04-01")
    assert span(one("Gisteren kwam hij.", M)) == ("2025-02-28", "2025-03-30")


def test_a_week_ago_keeps_the_uncertainty():
    t = one("Precies een week geleden sloot de fabriek.", M)
    assert span(t) == ("2025-02-22", "2025-03-24")


def test_last_month_is_exact_when_the_month_is_known():
    t = one("Eind vorige maand was er ruzie.", M)
    assert (t.value, t.mod, *span(t)) == ("2025-02", "END", "2025-02-21", "2025-02-28")
    assert one("Vorige maand was er ruzie.", M).value == "2025-02"


def test_this_week_spans_the_weeks_of_the_month():
    t = one("Deze week komt er een besluit.", M)
    assert span(t) == ("2025-02-24", "2025-04-06")


def test_weekday_with_a_month_date():
    t = one("Zaterdag demonstreerden duizenden mensen.", M)
    assert span(t) == ("2025-03-01", "2025-03-29")       # 1 March 2025 is itself a Saturday


def test_year_only_document_date():
    t = one("Vandaag kwamen ze bijeen.", "2024")
    assert (t.value, *span(t)) == ("2024", "2024-01-01", "2024-12-31")


def test_absolute_dates_ignore_the_document_date():
    t = one("Op 2 augustus 1990 begon de inval.", M)
    assert (t.value, *span(t)) == ("1990-08-02", "1990-08-02", "1990-08-02")


def test_anchored_on_the_previous_expression():
    text = "Op 3 maart 2025 sloot de fabriek. Een dag later volgde het nieuws. De dag ervoor was er overleg."
    found = tag(text, M)
    later, before = found["een dag later"], found["de dag ervoor"]
    assert span(later) == ("2025-03-04", "2025-03-04") and later.anchor == found["3 maart 2025"].tid
    assert span(before) == ("2025-03-03", "2025-03-03") and before.anchor == later.tid


def test_anchored_on_an_uncertain_expression():
    found = tag("Precies een week geleden sloot de fabriek. Een dag later volgde het nieuws.", M)
    assert span(found["een dag later"]) == ("2025-02-23", "2025-03-25")
    assert found["een dag later"].anchor == found["precies een week geleden"].tid


def test_anchored_weeks_after():
    found = tag("Op 1 januari 2024 begon het. Twee weken daarna was het voorbij.", "2025-03-10")
    assert span(found["twee weken daarna"]) == ("2024-01-15", "2024-01-15")


def test_anchored_without_anything_before_uses_the_document_date():
    t = one("Een dag later volgde het nieuws.", "2025-03-10")
    assert span(t) == ("2025-03-11", "2025-03-11") and t.anchor is None


def test_interval_helpers():
    ref = iv.doc_interval(DocDate.parse("2025-03"))
    assert ref == iv.Interval(dt.date(2025, 3, 1), dt.date(2025, 3, 31))
    assert iv.shift(ref, days=-7) == iv.Interval(dt.date(2025, 2, 22), dt.date(2025, 3, 24))
    assert iv.shift(ref, relativedelta(months=1)) == iv.Interval(dt.date(2025, 4, 1), dt.date(2025, 4, 30))
    assert iv.before(ref) == iv.Interval(None, dt.date(2025, 3, 31))
    assert iv.after(ref) == iv.Interval(dt.date(2025, 3, 1), None)
    assert iv.before(ref, relativedelta(years=1)).earliest == dt.date(2024, 3, 1)
    assert iv.by_tense(ref, "present") == ref
    assert iv.by_tense(ref, "future") == iv.after(ref)
    assert iv.part(iv.month_interval(2025, 2), "END") == iv.Interval(dt.date(2025, 2, 21), dt.date(2025, 2, 28))
    assert iv.week_interval(dt.date(2025, 3, 10)).earliest == dt.date(2025, 3, 10)
    assert iv.season_interval(2024, "WI") == iv.Interval(dt.date(2024, 12, 1), dt.date(2025, 2, 28))
    assert iv.intersect(iv.month_interval(2025, 3), iv.month_interval(2025, 4)) is None
    assert iv.contains(iv.before(ref), dt.date(1999, 1, 1))
    assert iv.relative_to(ref, lambda d: iv.day_interval(d + dt.timedelta(days=1))) == \
        iv.Interval(dt.date(2025, 3, 2), dt.date(2025, 4, 1))


def test_tense_interval_for_the_event_coder():
    from kroniek.records import Article
    from kroniek.time import clause_tense, tense_interval
    a = Article(id="x", date=DocDate.parse("2025-03"), text="De VS pauzeerden de hulp. Rusland zal reageren.")
    assert clause_tense(a, 7, 18) == "past"
    assert tense_interval(a, 7, 18) == iv.Interval(None, dt.date(2025, 3, 31))
    assert tense_interval(a, 26, 33) == iv.Interval(dt.date(2025, 3, 1), None)


def test_year_less_date_inside_the_document_month():
    t = one("Op 15 maart werd hij gearresteerd.", M)
    assert (t.value, *span(t)) == ("2025-03-15", "2025-03-15", "2025-03-15")
    t = one("Op 15 februari werd hij gearresteerd.", M)
    assert (t.value, *span(t)) == ("2025-02-15", "2025-02-15", "2025-02-15")


def test_month_with_relative_year():
    t = one("In november vorig jaar werd hij gekozen.", M)
    assert (t.text, t.value, *span(t)) == ("november vorig jaar", "2024-11", "2024-11-01", "2024-11-30")
    t = one("Eind juni van vorig jaar werd hij gekozen.", M)
    assert (t.value, t.mod) == ("2024-06", "END")


def test_approximate_dates():
    t = one("Rond de jaarwisseling was het onrustig.", M)
    assert (t.value, t.mod) == ("2024-12-31", "APPROX")
