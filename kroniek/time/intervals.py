"""Day intervals under an uncertain reference date: pure functions, no I/O.

An `Interval` is a closed range of days `earliest..latest`; either end may be None
(open). A document dated only `2025-03` is the interval 2025-03-01..2025-03-31, and
everything computed from it keeps that width: `vandaag` is the whole month, `een week
geleden` is 2025-02-22..2025-03-24. The rule that makes this work is `relative_to`:
an expression that is a monotone function of the reference day (tomorrow, last
Saturday, next month, ...) is evaluated at both ends of the reference interval and the
hull of the two results is the answer.

For the event coder (dating events from tense when no time expression governs a clause):

    from kroniek.time.intervals import Interval, doc_interval, shift, before, after, by_tense
    ref = doc_interval(article.date)           # the document date as an interval
    shift(ref, days=-1)                        # one day earlier, same uncertainty
    shift(ref, weeks=2)                        # keyword arguments as dateutil.relativedelta
    before(ref)                                # past tense: on or before the document date (earliest open)
    before(ref, horizon=relativedelta(years=1))#   ... but not more than a year before it
    after(ref)                                 # future tense: on or after the document date (latest open)
    by_tense(ref, "past" | "present" | "future")  # before / ref itself / after
    hull(a, b), intersect(a, b), contains(a, day)

Calendar pieces: `day_interval`, `week_interval` (ISO Monday..Sunday), `month_interval`,
`quarter_interval`, `half_interval`, `year_interval`, `season_interval`,
`decade_interval`, `century_interval`, and `part(interval, mod)` for START / MID / END
(first, middle, last third of the period, e.g. `eind februari` = 21..28 Feb).
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Callable, Optional

from dateutil.relativedelta import relativedelta

from ..records import DocDate

Day = dt.date


@dataclass(frozen=True)
class Interval:
    earliest: Optional[Day]
    latest: Optional[Day]

    def __post_init__(self):
        if self.earliest and self.latest and self.earliest > self.latest:
            raise ValueError(f"empty interval {self.earliest}..{self.latest}")

    @property
    def days(self) -> Optional[int]:
        if self.earliest is None or self.latest is None:
            return None
        return (self.latest - self.earliest).days + 1

    @property
    def is_day(self) -> bool:
        return self.days == 1

    def iso(self) -> tuple[Optional[str], Optional[str]]:
        return (self.earliest.isoformat() if self.earliest else None,
                self.latest.isoformat() if self.latest else None)

    def __str__(self) -> str:
        e, l = self.iso()
        return f"{e or '…'}..{l or '…'}"


def doc_interval(doc: DocDate) -> Interval:
    return Interval(doc.earliest, doc.latest)


def day_interval(d: Day) -> Interval:
    return Interval(d, d)


def week_interval(d: Day) -> Interval:
    monday = d - dt.timedelta(days=d.isoweekday() - 1)
    return Interval(monday, monday + dt.timedelta(days=6))


def month_interval(year: int, month: int) -> Interval:
    return Interval(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]))


def quarter_interval(year: int, quarter: int) -> Interval:
    first = 3 * (quarter - 1) + 1
    return Interval(dt.date(year, first, 1), month_interval(year, first + 2).latest)


def half_interval(year: int, half: int) -> Interval:
    return Interval(dt.date(year, 1, 1), dt.date(year, 6, 30)) if half == 1 else Interval(dt.date(year, 7, 1), dt.date(year, 12, 31))


def year_interval(year: int) -> Interval:
    return Interval(dt.date(year, 1, 1), dt.date(year, 12, 31))


def decade_interval(decade: int) -> Interval:
    """`decade` is the first three digits: 199 = 1990..1999."""
    return Interval(dt.date(decade * 10, 1, 1), dt.date(decade * 10 + 9, 12, 31))


def century_interval(century: int) -> Interval:
    """`century` is the first two digits, TIMEX3 style: 19 = 1900..1999."""
    return Interval(dt.date(max(1, century * 100), 1, 1), dt.date(century * 100 + 99, 12, 31))


# Meteorological seasons (as KNMI uses them): a winter belongs to the year it starts in.
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def season_interval(year: int, season: str) -> Interval:
    first, last = SEASON_MONTHS[season]
    end_year = year + 1 if last < first else year
    return Interval(dt.date(year, first, 1), month_interval(end_year, last).latest)


def part(iv: Interval, mod: Optional[str]) -> Interval:
    """The START, MID or END third of a bounded interval (other mods: unchanged).
    A calendar month splits at the 10th and 20th (`begin maart` = 1..10 March), a
    calendar year into January-April, May-August, September-December."""
    if mod not in ("START", "MID", "END") or iv.days is None or iv.days < 3:
        return iv
    e, l = iv.earliest, iv.latest
    if e.day == 1 and l == month_interval(e.year, e.month).latest:
        cuts = {"START": (1, 10), "MID": (11, 20), "END": (21, l.day)}[mod]
        return Interval(e.replace(day=cuts[0]), e.replace(day=cuts[1]))
    if (e.month, e.day, l.month, l.day) == (1, 1, 12, 31) and e.year == l.year:
        first, last = {"START": (1, 4), "MID": (5, 8), "END": (9, 12)}[mod]
        return Interval(dt.date(e.year, first, 1), month_interval(e.year, last).latest)
    third = iv.days // 3
    if mod == "START":
        return Interval(iv.earliest, iv.earliest + dt.timedelta(days=third - 1))
    if mod == "END":
        return Interval(iv.latest - dt.timedelta(days=iv.days - 2 * third - 1), iv.latest)
    return Interval(iv.earliest + dt.timedelta(days=third), iv.earliest + dt.timedelta(days=2 * third - 1))


def shift(iv: Interval, delta: Optional[relativedelta] = None, **kwargs) -> Interval:
    """Move both ends by a calendar duration (dateutil.relativedelta), keeping the width."""
    delta = delta if delta is not None else relativedelta(**kwargs)
    return Interval(iv.earliest + delta if iv.earliest else None, iv.latest + delta if iv.latest else None)


def hull(*ivs: Optional[Interval]) -> Optional[Interval]:
    ivs = [i for i in ivs if i is not None]
    if not ivs:
        return None
    e = None if any(i.earliest is None for i in ivs) else min(i.earliest for i in ivs)
    l = None if any(i.latest is None for i in ivs) else max(i.latest for i in ivs)
    return Interval(e, l)


def intersect(a: Interval, b: Interval) -> Optional[Interval]:
    e = max((x for x in (a.earliest, b.earliest) if x), default=None)
    l = min((x for x in (a.latest, b.latest) if x), default=None)
    if e and l and e > l:
        return None
    return Interval(e, l)


def contains(iv: Interval, d: Day) -> bool:
    return (iv.earliest is None or iv.earliest <= d) and (iv.latest is None or d <= iv.latest)


def relative_to(ref: Interval, f: Callable[[Day], Interval]) -> Interval:
    """Evaluate `f` (a monotone function of the reference day) at both ends of `ref`."""
    if ref.earliest is None or ref.latest is None:
        raise ValueError("the reference interval must be bounded")
    if ref.earliest == ref.latest:
        return f(ref.earliest)
    return hull(f(ref.earliest), f(ref.latest))


def before(ref: Interval, horizon: Optional[relativedelta] = None) -> Interval:
    """Past tense: on or before the reference (open-ended unless `horizon` bounds it)."""
    return Interval(ref.earliest - horizon if horizon and ref.earliest else None, ref.latest)


def after(ref: Interval, horizon: Optional[relativedelta] = None) -> Interval:
    """Future tense: on or after the reference (open-ended unless `horizon` bounds it)."""
    return Interval(ref.earliest, ref.latest + horizon if horizon and ref.latest else None)


def by_tense(ref: Interval, tense: str, horizon: Optional[relativedelta] = None) -> Interval:
    """The interval a clause in `tense` ("past", "present", "future") refers to."""
    if tense == "past":
        return before(ref, horizon)
    if tense == "future":
        return after(ref, horizon)
    return ref
