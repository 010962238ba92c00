"""From meaning (`Sem`) to TIMEX3 value, mod and day interval, given the reference.

The reference is the document date as an interval (`Context.ref`); expressions that
depend on it (`morgen`, `vorige week`, `zaterdag`) are evaluated at both ends of it
(intervals.relative_to), so a month-only document date gives month-wide answers.
Anchored expressions (`een dag later`) are evaluated against the interval of the
expression they refer to (`Context.anchor`). Pure functions; no I/O.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, Optional

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta, MO, TU, WE, TH, FR, SA, SU

from ..records import DocDate
from . import intervals as iv
from .grammar import Sem, duration_value
from .intervals import Interval
from .lexicon import load

Day = dt.date
WEEKDAY_RD = {1: MO, 2: TU, 3: WE, 4: TH, 5: FR, 6: SA, 7: SU}
TENSES = ("past", "present", "future")


@dataclass
class Resolved:
    type: str
    value: str
    mod: Optional[str] = None
    interval: Optional[Interval] = None
    gran: str = "day"
    anchored: bool = False      # resolved against another expression, not the document date


@dataclass
class Context:
    doc: DocDate
    tense: str = "present"
    anchor: Optional[Resolved] = None

    @property
    def ref(self) -> Interval:
        return iv.doc_interval(self.doc)


# --- values -------------------------------------------------------------------------
def fmt(d: Day, gran: str) -> str:
    if gran == "day":
        return d.isoformat()
    if gran == "week":
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if gran == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if gran == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if gran == "year":
        return f"{d.year:04d}"
    if gran == "decade":
        return f"{d.year // 10:03d}"
    if gran == "century":
        return f"{d.year // 100:02d}"
    raise ValueError(gran)


def midpoint(i: Interval) -> Day:
    return i.earliest + dt.timedelta(days=(i.latest - i.earliest).days // 2)


def width_gran(i: Interval) -> str:
    n = i.days or 10_000
    return "day" if n <= 1 else "month" if n <= 62 else "year"


COARSER = ["day", "week", "month", "quarter", "year", "decade", "century"]


def coarser(a: str, b: str) -> str:
    ai = COARSER.index(a) if a in COARSER else 0
    bi = COARSER.index(b) if b in COARSER else 0
    return COARSER[max(ai, bi)]


def relative(ref: Interval, f: Callable[[Day], tuple[Interval, str]]) -> tuple[Interval, str]:
    """Evaluate `f(day) -> (interval, value)` over an uncertain reference; the value is
    kept where both ends agree, else it is the middle of the answer at a coarser grain."""
    e_iv, e_val = f(ref.earliest)
    if ref.earliest == ref.latest:
        return e_iv, e_val
    l_iv, l_val = f(ref.latest)
    hull = iv.hull(e_iv, l_iv)
    if e_val == l_val:
        return hull, e_val
    return hull, fmt(midpoint(hull), width_gran(hull))


def choose_year(make: Callable[[int], Optional[Interval]], d: Day, tense: str, deic: Optional[int] = None,
                within: Optional[Interval] = None) -> Optional[Interval]:
    """Pick the year for a year-less date (`24 februari`, `Pasen`, `de zomer`):
    one that falls inside `within` (an uncertain document date: `15 maart` in an article of
    March 2025) wins; else past tense → the latest one that started by `d`; future → the
    first that has not ended before `d`; present → the one containing `d`, else the nearest."""
    cands = [(y, make(y)) for y in range(d.year - 2, d.year + 3)]
    cands = [(y, c) for y, c in cands if c is not None]
    if not cands:
        return None
    if within is not None and deic is None and within.days and within.days > 1:
        inside = [c for _, c in cands if within.earliest <= c.earliest and c.latest <= within.latest]
        if len(inside) == 1:
            return inside[0]
    if deic == -1:
        past = [c for _, c in cands if c.latest < d]
        return past[-1] if past else None
    if deic == 1:
        fut = [c for _, c in cands if c.earliest > d]
        return fut[0] if fut else None
    containing = [c for _, c in cands if iv.contains(c, d)]
    if containing:
        return containing[0]
    if deic == 0:
        same = [c for y, c in cands if y == d.year]
        return same[0] if same else None
    if tense == "past":
        past = [c for _, c in cands if c.earliest <= d]
        return past[-1] if past else None
    if tense == "future":
        fut = [c for _, c in cands if c.latest >= d]
        return fut[0] if fut else None
    return min((c for _, c in cands), key=lambda c: min(abs((c.earliest - d).days), abs((c.latest - d).days)))


# --- calendar dates -----------------------------------------------------------------
def date_interval(sem: Sem, year: int) -> Optional[tuple[Interval, str]]:
    """The interval and value of a calendar date in `year`."""
    try:
        if sem.day and sem.month:
            d = dt.date(year, sem.month, sem.day)
            return iv.day_interval(d), d.isoformat()
        if sem.month:
            return iv.month_interval(year, sem.month), f"{year:04d}-{sem.month:02d}"
        if sem.quarter:
            return iv.quarter_interval(year, sem.quarter), f"{year:04d}-Q{sem.quarter}"
        if sem.half:
            return iv.half_interval(year, sem.half), f"{year:04d}-H{sem.half}"
        if sem.season:
            return iv.season_interval(year, sem.season), f"{year:04d}-{sem.season}"
        return iv.year_interval(year), f"{year:04d}"
    except ValueError:
        return None


def holiday_day(name: str, year: int) -> Optional[Day]:
    rule = load().holidays.get(name)
    if not rule:
        return None
    if rule == "koningsdag":
        if year < 2014:
            return dt.date(year, 4, 30)
        d = dt.date(year, 4, 27)
        return d - dt.timedelta(days=1) if d.isoweekday() == 7 else d
    if rule.startswith("easter"):
        return easter(year) + dt.timedelta(days=int(rule[6:]))
    if rule.startswith("nth:"):
        _, month, wd, n = rule.split(":")
        n = int(n)
        first = dt.date(year, int(month), 1)
        return first + relativedelta(weekday=WEEKDAY_RD[int(wd)](n)) if n > 0 else \
            first + relativedelta(day=31, weekday=WEEKDAY_RD[int(wd)](n))
    mm, dd = rule.split("-")
    return dt.date(year, int(mm), int(dd))


def apply_position(i: Interval, mod: Optional[str], d: Optional[Day]) -> Interval:
    if mod in ("START", "MID", "END"):
        return iv.part(i, mod)
    if mod == "LATER" and d is not None:
        return iv.intersect(i, Interval(d + dt.timedelta(days=1), None)) or i
    if mod == "EARLIER" and d is not None:
        return iv.intersect(i, Interval(None, d - dt.timedelta(days=1))) or i
    return i


def timex_mod(mod: Optional[str]) -> Optional[str]:
    return None if mod in ("LATER", "EARLIER", "EXACT") else mod


def week_of(sem: Sem, year: int) -> Optional[tuple[Interval, str]]:
    """ISO week `week` of `year`, or the n-th (Monday..Sunday) week of a month or year."""
    if not sem.weekof:
        try:
            monday = dt.date.fromisocalendar(year, sem.week, 1)
        except ValueError:
            return None
        return iv.week_interval(monday), f"{year:04d}-W{sem.week:02d}"
    period = iv.month_interval(year, sem.month) if sem.month else iv.year_interval(year)
    if sem.week == -1:
        w = iv.week_interval(period.latest if sem.month else dt.date(year, 12, 28))   # 28 Dec: always in the last ISO week
        if sem.month and w.earliest + dt.timedelta(days=3) > period.latest:
            w = iv.shift(w, days=-7)     # as ISO counts weeks: a week belongs where its Thursday is
    else:
        first = iv.week_interval(period.earliest)
        if not sem.month and period.earliest.isoweekday() > 4:     # ISO: week 1 has the first Thursday
            first = iv.shift(first, days=7)
        w = iv.shift(first, days=7 * (sem.week - 1))
    return w, fmt(w.earliest, "week")


def resolve_date(sem: Sem, ctx: Context) -> Optional[Resolved]:
    if sem.in_week:
        from dataclasses import replace as _replace
        r = resolve_date(_replace(sem, in_week=False), ctx)
        if r is None or not r.interval.is_day:
            return r
        w = iv.week_interval(r.interval.earliest)
        return Resolved("DATE", fmt(w.earliest, "week"), None, w, "week")
    if sem.week is not None:
        if sem.year:
            got = week_of(sem, sem.year)
            return Resolved("DATE", got[1], None, got[0], "week") if got else None

        def at_w(d):
            got = week_of(sem, d.year) if not sem.month else None
            if got is None and sem.month:
                chosen = choose_year(lambda y: iv.month_interval(y, sem.month), d, ctx.tense)
                got = week_of(sem, chosen.earliest.year)
            return got
        if at_w(ctx.ref.earliest) is None:
            return None
        i, value = relative(ctx.ref, at_w)
        return Resolved("DATE", value, None, i, "week")
    if sem.decade is not None:
        i = iv.decade_interval(sem.decade)
        return Resolved("DATE", f"{sem.decade:03d}", timex_mod(sem.mod), iv.part(i, sem.mod), "decade")
    if sem.century is not None:
        i = iv.century_interval(sem.century)
        return Resolved("DATE", f"{sem.century:02d}", timex_mod(sem.mod), iv.part(i, sem.mod), "century")
    if sem.day and not sem.month:
        return resolve_day_of_month(sem, ctx)
    if sem.year is not None:
        got = date_interval(sem, sem.year)
        if got is None:
            return None
        i, value = got
        return Resolved("DATE", value, timex_mod(sem.mod), apply_position(i, sem.mod, None), "day" if sem.day else "month")

    if sem.year_rel is not None:          # "november vorig jaar", "3 maart dit jaar"
        def at_rel(d: Day):
            got = date_interval(sem, d.year + sem.year_rel)
            if got is None:
                return None
            return apply_position(got[0], sem.mod, d), got[1]
        if at_rel(ctx.ref.earliest) is None or at_rel(ctx.ref.latest) is None:
            return None
        i, value = relative(ctx.ref, at_rel)
        return Resolved("DATE", value, timex_mod(sem.mod), i, "day" if sem.day else "month")

    def at(d: Day):
        chosen = choose_year(lambda y: (date_interval(sem, y) or (None, None))[0], d, ctx.tense, sem.deic, ctx.ref)
        if chosen is None:
            return None
        y = chosen.earliest.year
        i, value = date_interval(sem, y)
        return apply_position(i, sem.mod, d), value
    if at(ctx.ref.earliest) is None or at(ctx.ref.latest) is None:
        return None
    i, value = relative(ctx.ref, at)
    return Resolved("DATE", value, timex_mod(sem.mod), i, "day" if sem.day else "month")


def resolve_day_of_month(sem: Sem, ctx: Context) -> Optional[Resolved]:
    """'vrijdag de 26e', 'maandag 21': the month where that day is that weekday, by tense."""
    def at(d):
        cands = []
        for k in range(-24, 25):
            x = d + relativedelta(months=k)
            try:
                day = dt.date(x.year, x.month, sem.day)
            except ValueError:
                continue
            if sem.weekday is None or day.isoweekday() == sem.weekday:
                cands.append(day)
        if not cands:
            return None
        past = [c for c in cands if c <= d]
        fut = [c for c in cands if c >= d]
        if ctx.tense == "past":
            pick = past[-1] if past else fut[0]
        elif ctx.tense == "future" or not past:
            pick = fut[0] if fut else past[-1]
        else:                                   # present: the nearest
            pick = min((past[-1], *(fut[:1])), key=lambda c: abs((c - d).days))
        return iv.day_interval(pick), pick.isoformat()
    if at(ctx.ref.earliest) is None or at(ctx.ref.latest) is None:
        return None
    i, value = relative(ctx.ref, at)
    return Resolved("DATE", value, None, i)


def resolve_holiday(sem: Sem, ctx: Context) -> Optional[Resolved]:
    def make(y):
        d = holiday_day(sem.holiday, y)
        return iv.day_interval(d) if d else None
    if sem.year:
        i = make(sem.year)
        return Resolved("DATE", i.earliest.isoformat(), None, i) if i else None

    def at(d):
        i = choose_year(make, d, ctx.tense, sem.deic, ctx.ref)
        return i, i.earliest.isoformat()
    i, value = relative(ctx.ref, at)
    return Resolved("DATE", value, None, i)


# --- relative to the reference day --------------------------------------------------
def unit_period(d: Day, unit: str, k: int) -> tuple[Interval, str, str]:
    """The period of kind `unit` that is `k` steps from the one containing `d`."""
    if unit == "D":
        x = d + dt.timedelta(days=k)
        return iv.day_interval(x), x.isoformat(), "day"
    if unit in ("W", "WE"):
        w = iv.week_interval(d + dt.timedelta(weeks=k))
        if unit == "WE":
            sat = w.earliest + dt.timedelta(days=5)
            return Interval(sat, w.latest), fmt(sat, "week") + "-WE", "week"
        return w, fmt(w.earliest, "week"), "week"
    if unit == "M":
        x = d + relativedelta(months=k)
        return iv.month_interval(x.year, x.month), fmt(x, "month"), "month"
    if unit == "Q":
        x = d + relativedelta(months=3 * k)
        q = (x.month - 1) // 3 + 1
        return iv.quarter_interval(x.year, q), f"{x.year:04d}-Q{q}", "quarter"
    if unit == "Y":
        y = d.year + k
        return iv.year_interval(y), f"{y:04d}", "year"
    if unit == "DE":
        dec = d.year // 10 + k
        return iv.decade_interval(dec), f"{dec:03d}", "decade"
    if unit == "CE":
        c = d.year // 100 + k
        return iv.century_interval(c), f"{c:02d}", "century"
    raise ValueError(unit)


def resolve_rel(sem: Sem, ctx: Context) -> Optional[Resolved]:
    def at(d):
        k = sem.deic or 0
        if sem.deic is None and sem.unit == "WE" and ctx.tense == "past" and d.isoweekday() < 6:
            k = -1          # "het weekend" in a past clause on a weekday: the one before
        i, value, _ = unit_period(d, sem.unit, k)
        if sem.weekday and sem.unit == "W":
            x = i.earliest + dt.timedelta(days=sem.weekday - 1)
            return iv.day_interval(x), x.isoformat() + (f"T{sem.part}" if sem.part else "")
        if sem.day and sem.unit == "M":            # "de 15e van volgende maand"
            x = i.earliest.replace(day=min(sem.day, i.latest.day))
            return iv.day_interval(x), x.isoformat()
        return apply_position(i, sem.mod, d), value
    i, value = relative(ctx.ref, at)
    typ = "TIME" if sem.part and sem.weekday else "DATE"
    return Resolved(typ, value, timex_mod(sem.mod), i, "day" if (sem.weekday or sem.day) else "period")


def resolve_dayword(sem: Sem, ctx: Context) -> Resolved:
    def at(d):
        x = d + dt.timedelta(days=sem.n or 0)
        return iv.day_interval(x), x.isoformat() + (f"T{sem.part}" if sem.part else "")
    i, value = relative(ctx.ref, at)
    if sem.part and ctx.doc.precision != "day":
        value = value.split("T")[0] + f"T{sem.part}" if "-" in value and len(value) == 10 else value
    return Resolved("TIME" if sem.part else "DATE", value, None, i)


def weekday_near(d: Day, wd: int, deic: Optional[int], nextweek: bool, tense: str) -> Day:
    if nextweek:
        monday = iv.week_interval(d).earliest + dt.timedelta(weeks=1)
        return monday + dt.timedelta(days=wd - 1)
    if deic == -1:
        return d + relativedelta(days=-1, weekday=WEEKDAY_RD[wd](-1))
    if deic == 1:
        return d + relativedelta(days=1, weekday=WEEKDAY_RD[wd](1))
    if deic == 0:
        return iv.week_interval(d).earliest + dt.timedelta(days=wd - 1)
    if tense == "past":
        return d + relativedelta(weekday=WEEKDAY_RD[wd](-1))
    return d + relativedelta(weekday=WEEKDAY_RD[wd](1))


def resolve_weekday(sem: Sem, ctx: Context) -> Resolved:
    def at(d):
        x = weekday_near(d, sem.weekday, sem.deic, sem.nextweek, ctx.tense)
        return iv.day_interval(x), x.isoformat() + (f"T{sem.part}" if sem.part else "")
    i, value = relative(ctx.ref, at)
    return Resolved("TIME" if sem.part else "DATE", value, None, i)


def delta_of(n, unit: str) -> Optional[relativedelta]:
    if not isinstance(n, (int, float)):
        return None
    whole = int(n)
    frac = n - whole
    if unit == "Y":
        return relativedelta(years=whole, months=int(round(frac * 12)))
    if unit == "M":
        return relativedelta(months=whole, days=int(round(frac * 30)))
    if unit == "W":
        return relativedelta(days=int(round(n * 7)))
    if unit in ("D", "WE"):
        return relativedelta(days=int(round(n)))
    if unit == "Q":
        return relativedelta(months=int(round(3 * n)))
    if unit == "DE":
        return relativedelta(years=int(round(10 * n)))
    if unit == "CE":
        return relativedelta(years=int(round(100 * n)))
    if unit in ("H", "MIN", "S"):
        return relativedelta()   # within the day: the day does not move (at day granularity)
    return None


GRAN_OF_UNIT = {"S": "day", "MIN": "day", "H": "day", "D": "day", "WE": "day", "W": "day",
                "M": "month", "Q": "month", "Y": "year", "DE": "year", "CE": "century"}


def shifted(base: Interval, n, unit: str, sign: int, gran: Optional[str] = None,
            n2=None, unit2: Optional[str] = None) -> Optional[tuple[Interval, str]]:
    """`base` moved by n units (plus n2 unit2); the answer has the grain of the finest unit
    (a month for "twee maanden geleden") unless `gran` says otherwise."""
    delta = delta_of(n, unit)
    if delta is None:
        return None
    if unit2:
        extra = delta_of(n2, unit2)
        if extra is None:
            return None
        delta = delta + extra
        unit = unit2 if COARSER.index(GRAN_OF_UNIT[unit2]) < COARSER.index(GRAN_OF_UNIT[unit]) else unit
    gran = gran or GRAN_OF_UNIT[unit]
    moved = iv.shift(base, delta if sign > 0 else -delta)
    if gran == "day":
        i = moved
    elif gran == "month":
        i = iv.hull(iv.month_interval(moved.earliest.year, moved.earliest.month),
                    iv.month_interval(moved.latest.year, moved.latest.month))
    else:
        i = iv.hull(iv.year_interval(moved.earliest.year), iv.year_interval(moved.latest.year))
    value = fmt(moved.earliest, gran) if fmt(moved.earliest, gran) == fmt(moved.latest, gran) else \
        fmt(midpoint(i), coarser(gran, width_gran(i)))
    return i, value


def amount_mod(mod: Optional[str]) -> Optional[str]:
    return {"MORE_THAN": "MORE_THAN", "LESS_THAN": "LESS_THAN", "APPROX": "APPROX",
            "EQUAL_OR_MORE": "EQUAL_OR_MORE", "EQUAL_OR_LESS": "EQUAL_OR_LESS"}.get(mod or "")


def resolve_shift(sem: Sem, ctx: Context) -> Optional[Resolved]:
    if sem.n == "X":     # "jaren geleden": some time before
        vague = Sem("vague", value="PAST_REF" if sem.deic < 0 else "FUTURE_REF")
        return resolve_vague(vague, ctx)

    if sem.unit in ("H", "MIN", "S") and ctx.doc.time and ctx.doc.precision == "day" and isinstance(sem.n, (int, float)) and sem.date is None:
        h, mi = (int(x) for x in ctx.doc.time.split(":")[:2])
        base = dt.datetime(ctx.doc.year, ctx.doc.month, ctx.doc.day, h, mi)
        step = {"H": dt.timedelta(hours=sem.n), "MIN": dt.timedelta(minutes=sem.n), "S": dt.timedelta(seconds=sem.n)}[sem.unit]
        t = base + step if sem.deic > 0 else base - step
        return Resolved("TIME", t.strftime("%Y-%m-%dT%H:%M"), None, iv.day_interval(t.date()))
    if sem.date is not None:      # "twee weken voor Kerst", "drie dagen na 12 januari"
        b = resolve(sem.date, ctx)
        if b is None or b.interval is None or b.interval.earliest is None or b.interval.latest is None:
            return None
        got = shifted(b.interval, sem.n, sem.unit, sem.deic, "day" if b.interval.is_day else None)
        if got is None:
            return None
        i, value = got
    else:
        def at(d):
            return shifted(iv.day_interval(d), sem.n, sem.unit, sem.deic, None, sem.n2, sem.unit2)
        if at(ctx.ref.earliest) is None:
            return None
        i, value = relative(ctx.ref, at)
    mod = amount_mod(sem.mod)
    if mod in ("MORE_THAN", "EQUAL_OR_MORE"):
        mod = "BEFORE" if sem.deic < 0 else "AFTER"
    elif mod in ("LESS_THAN", "EQUAL_OR_LESS"):
        mod = "AFTER" if sem.deic < 0 else "BEFORE"
    return Resolved("DATE", value, mod, i)


def resolve_anchored(sem: Sem, ctx: Context) -> Optional[Resolved]:
    a = ctx.anchor
    if sem.unit in ("H", "MIN", "S") and (a is None or a.type != "TIME") and ctx.doc.time and sem.n:
        return resolve_shift(Sem("shift", n=sem.n, unit=sem.unit, deic=sem.deic), ctx)
    base = a.interval if a and a.interval and a.interval.earliest and a.interval.latest else ctx.ref
    if sem.n == 0 and a is None and sem.unit not in (None, "D"):
        return resolve_rel(Sem("rel", unit=sem.unit, deic=0), ctx)    # "dezelfde week" with nothing before it
    if sem.n == 0 and a is not None and sem.unit not in (None, "D") and a.interval.is_day:
        i, value, _ = unit_period(a.interval.earliest, sem.unit, 0)      # "dat weekend", "hetzelfde jaar"
        return Resolved("DATE", value, None, i, anchored=True)
    if sem.n == 0:
        i, value = base, (a.value.split("T")[0] if a else ctx.doc.iso())
    else:
        got = shifted(base, sem.n, sem.unit, sem.deic)
        if got is None:
            return None
        i, value = got
    if sem.part:
        value = (value if len(value) == 10 else value) + f"T{sem.part}"
    mod = sem.mod if sem.n == 0 and sem.mod in ("START", "MID", "END") else (amount_mod(sem.mod) and "APPROX")
    return Resolved("TIME" if sem.part else "DATE", value, mod, i, anchored=a is not None)


def resolve_duration(sem: Sem, ctx: Context) -> Resolved:
    value = sem.value or duration_value(sem.n, sem.unit)
    i = None
    if sem.deic in (-1, 1) and sem.unit and sem.n == "X" and sem.unit in ("D", "W", "M", "Y"):
        rough = {"D": relativedelta(days=7), "W": relativedelta(weeks=8), "M": relativedelta(months=12), "Y": relativedelta(years=10)}[sem.unit]
        i = Interval(ctx.ref.earliest - rough, ctx.ref.latest) if sem.deic < 0 else Interval(ctx.ref.earliest, ctx.ref.latest + rough)
    elif sem.deic in (-1, 1) and sem.unit and isinstance(sem.n, (int, float)):
        delta = delta_of(sem.n, sem.unit)
        if delta is not None and sem.unit not in ("H", "MIN", "S"):
            one = dt.timedelta(days=1)
            if sem.deic < 0:       # "de afgelopen vijf jaar": up to the day before
                i = Interval(ctx.ref.earliest - delta, ctx.ref.latest - one)
            else:                  # "de komende drie dagen": from the day after
                i = Interval(ctx.ref.earliest + one, ctx.ref.latest + delta)
    elif sem.deic == 0 and sem.unit and isinstance(sem.n, (int, float)):     # "binnen negen maanden"
        delta = delta_of(sem.n, sem.unit)
        if delta is not None and sem.unit not in ("H", "MIN", "S"):
            i = Interval(ctx.ref.earliest, ctx.ref.latest + delta - dt.timedelta(days=1))
    return Resolved("DURATION", value, amount_mod(sem.mod), i)


def resolve_vague(sem: Sem, ctx: Context) -> Resolved:
    if sem.value == "PAST_REF":
        i = iv.before(ctx.ref)
    elif sem.value == "FUTURE_REF":
        i = iv.after(ctx.ref)
    else:
        i = ctx.ref
    return Resolved("DATE", sem.value, None, i)


def hhmm(sem: Sem) -> str:
    if sem.hour is None:
        return f"T{sem.part}"
    return f"T{sem.hour:02d}" + (f":{sem.minute:02d}" if sem.minute is not None else "") + \
        (f":{sem.second:02d}" if sem.second is not None else "") + ("Z" if sem.utc else "")


def resolve_time(sem: Sem, ctx: Context) -> Optional[Resolved]:
    if sem.date is not None and sem.date.kind == "set" and sem.date.value == "P1D":
        return Resolved("SET", "XXXX-XX-XX" + hhmm(sem))      # "elke dag om 15.00 uur"
    if sem.date is not None:
        day = resolve(sem.date, ctx)
        if day is None:
            return None
        base = day.value.split("T")[0]
        part = sem.date.part
        if part and sem.hour is not None:
            from .grammar import with_part
            sem = Sem("time", hour=with_part(sem.hour, part), minute=sem.minute)
        if base.startswith("XXXX-WXX"):      # a set ("elke maandag om 16.00")
            return Resolved("SET", base + hhmm(sem))
        return Resolved("TIME", base + hhmm(sem), None, day.interval)
    if ctx.doc.precision == "day":
        return Resolved("TIME", ctx.doc.iso() + hhmm(sem), None, ctx.ref)
    return Resolved("TIME", hhmm(sem), None, ctx.ref)


def range_value(s: Resolved, e: Resolved, by_months: bool = False) -> str:
    """`(start,end,duration)`, the range notation of the TIMEX resolution library."""
    a, b = s.interval.earliest, e.interval.earliest
    if e.mod == "END":          # "tot het einde van 2008": the range runs until 2008 is over
        b = e.interval.latest + dt.timedelta(days=1)
    if s.gran == "day" or e.gran == "day" or s.interval.is_day:
        return f"({a.isoformat()},{b.isoformat()},P{(b - a).days}D)"
    rd = relativedelta(b, a)
    if rd.months or rd.days or not rd.years or by_months:
        months = rd.years * 12 + rd.months
        return f"({a.isoformat()},{b.isoformat()},P{months}M)"
    return f"({a.isoformat()},{b.isoformat()},P{rd.years}Y)"


def pt(minutes: int) -> str:
    h, m = divmod(minutes, 60)
    return "PT" + (f"{h}H" if h else "") + (f"{m}M" if m else "") if minutes else "PT0M"


def resolve_time_range(sem: Sem, ctx: Context) -> Optional[Resolved]:
    s, e = sem.start, sem.end
    if sem.date is not None:
        day = resolve(sem.date, ctx)
        if day is None:
            return None
        base, i = day.value.split("T")[0], day.interval
        if sem.date.kind == "date" and sem.date.month is None and sem.date.weekday:
            base = f"XXXX-WXX-{sem.date.weekday}"    # "maandag 21 tussen 9:30 en 15:00"
        elif sem.date.kind == "date" and sem.date.month is None and sem.date.day:
            base = f"XXXX-XX-{sem.date.day:02d}"     # "de 17 van 14.00 tot 16.00"
        elif sem.date.kind == "date" and sem.date.year is None and len(base) == 10:
            base = "XXXX" + base[4:]                 # the text names no year
        elif sem.date.kind == "weekday" and sem.date.deic is None and not sem.date.nextweek:
            base = f"XXXX-WXX-{sem.date.weekday}"
        part = sem.date.part
        if part:
            from .grammar import with_part
            s = Sem("time", hour=with_part(s.hour, part), minute=s.minute)
            e = Sem("time", hour=with_part(e.hour, part), minute=e.minute)
    else:
        base, i = "", ctx.ref
    minutes = (e.hour * 60 + (e.minute or 0)) - (s.hour * 60 + (s.minute or 0))
    if minutes < 0 and e.hour < 12 and minutes + 12 * 60 > 0:
        # "van half acht tot 4 uur", "van 9 tot 5": an end before the start on the
        # 12-hour dial is the afternoon, not the next morning
        e = Sem("time", hour=e.hour + 12, minute=e.minute, second=e.second, utc=e.utc)
        minutes += 12 * 60
    if minutes < 0:                      # "van 22.00 tot 6.00 uur": across midnight
        minutes += 24 * 60
    return Resolved("TIME", f"({base}{hhmm(s)},{base}{hhmm(e)},{pt(minutes)})", None, i)


def xxxx(value: str, text_has_year: bool) -> str:
    return value if text_has_year else "XXXX" + value[4:]


def resolve_range(sem: Sem, ctx: Context) -> Optional[Resolved]:
    start, end = sem.start, sem.end
    if start.kind == "time" and end.kind == "time":
        return resolve_time_range(sem, ctx)
    if start.kind == "date" and end.kind == "date":
        if start.year is None and end.year is not None and start.decade is None and start.deic is None:
            y = end.year
            if start.month and end.month and (start.month, start.day or 0) > (end.month, end.day or 0):
                y -= 1                                   # "nov-feb 2017": November 2016
            start = Sem(**{**start.__dict__, "year": y})
        if start.month is None and start.day and end.month:
            start = Sem(**{**start.__dict__, "month": end.month})
    e = resolve(end, ctx)
    if start.kind == "date" and end.kind == "date" and start.year is None and end.year is None and start.month \
            and end.month and e and e.interval and e.interval.earliest and start.decade is None:
        y = e.interval.earliest.year          # "van 18 tot 31 augustus", "van maart tot mei": one year
        if (start.month, start.day or 0) > (end.month, end.day or 0):
            y -= 1
        start = Sem(**{**start.__dict__, "year": y})
        s = resolve(start, ctx)
        start = Sem(**{**start.__dict__, "year": None})      # the value still says the text gave no year
    else:
        s = resolve(start, ctx)
    if not (s and e and s.interval and e.interval and s.interval.earliest and e.interval.latest):
        return None
    if end.kind == "weekday" and end.deic is None and not end.nextweek and s.interval.is_day and not end.part:
        # "van (volgende) maandag tot vrijdag": the first such weekday from the start on
        first = s.interval.earliest + dt.timedelta(days=(end.weekday - s.interval.earliest.isoweekday()) % 7)
        e = Resolved("DATE", first.isoformat(), None, iv.day_interval(first))
    if e.interval.latest < s.interval.earliest:
        if end.kind == "vague" and start.kind == "date" and start.year is None:     # "van maart tot op heden"
            s = Resolved(s.type, s.value, s.mod, iv.shift(s.interval, years=-1), s.gran)
        elif end.kind == "date" and end.year is None and end.decade is None:
            e = Resolved(e.type, e.value, e.mod, iv.shift(e.interval, years=1), e.gran)
        else:
            return None
    s.gran = "day" if (start.kind != "date" or start.day) else "period"
    e.gran = "day" if (end.kind != "date" or end.day) else "period"
    i = Interval(s.interval.earliest, e.interval.latest)
    value = range_value(s, e, by_months=bool(start.kind == "date" and (start.quarter or start.month or start.half)))
    if start.kind == "date" and end.kind == "date" and start.year is None and end.year is None \
            and start.decade is None and start.century is None and start.week is None:
        a, b, d = value[1:-1].split(",")     # the text names no year: TIMEX3 writes XXXX
        value = f"(XXXX{a[4:]},XXXX{b[4:]},{d})"
    return Resolved("DATE", value, None, i)


def resolve_set(sem: Sem, ctx: Context) -> Resolved:
    return Resolved("SET", sem.value)


def resolve_fiscal(sem: Sem, ctx: Context) -> Optional[Resolved]:
    """FY2008. Fiscal years start in different months (Apple: October, the Dutch state:
    January), so the interval is the calendar year widened by half a year on each side."""
    if sem.year is not None:
        y = sem.year
    else:
        ref = ctx.ref
        if ref.earliest.year != ref.latest.year:
            return None
        y = ref.earliest.year + (sem.year_rel or 0)
    return Resolved("DATE", f"FY{y}", None, Interval(dt.date(y - 1, 7, 1), dt.date(y + 1, 6, 30)), "year")


RESOLVERS = {"date": resolve_date, "holiday": resolve_holiday, "rel": resolve_rel, "dayword": resolve_dayword,
             "weekday": resolve_weekday, "shift": resolve_shift, "anchored": resolve_anchored,
             "duration": resolve_duration, "vague": resolve_vague, "time": resolve_time,
             "range": resolve_range, "set": resolve_set, "fiscal": resolve_fiscal}


def resolve(sem: Sem, ctx: Context) -> Optional[Resolved]:
    """The TIMEX3 type, value, mod and interval of `sem` in `ctx`; None if it is no valid date."""
    r = RESOLVERS[sem.kind](sem, ctx)
    if r is not None and sem.part and sem.kind in ("date", "holiday") and re.fullmatch(r"\d{4}-\d\d-\d\d", r.value):
        # "de avond van 4 maart", "3 maart 's nachts": a part of a named day
        r = Resolved("TIME", f"{r.value}T{sem.part}", r.mod, r.interval, r.gran, r.anchored)
    return r
