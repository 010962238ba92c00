"""The Dutch time grammar: small readable rules over word classes from lexicon.yaml.

Each `Rule` has a name, a pattern written with word-class placeholders (`{MONTH}`,
`{NUM}`, `{UNIT}` ...; see lexicon.py) and a builder that turns the match into a `Sem`,
the meaning of the expression before it is anchored in time. Where a rule uses a group
named `x`, only that group is the time expression (`in 2016` → `2016`); the rest is
context the rule needed. The tagger (tagger.py) runs every rule, keeps the longest
non-overlapping matches, and then combines neighbours (`van A tot B`, `sinds A`,
`begin A`, `A om T`); resolve.py turns a `Sem` into a TIMEX3 value and a day interval.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Callable, Optional

from .lexicon import Lexicon, load


@dataclass
class Sem:
    """What an expression means, before resolution. Only the fields its kind uses are set.

    kinds: date (calendar fields, year may be missing), rel (this/last/next UNIT),
    dayword (today/yesterday ± part of day), weekday, shift (N UNIT ago / in N UNIT),
    anchored (N UNIT later/earlier than another expression), holiday, duration, set,
    vague (PRESENT_REF ...), time (clock time, optionally on a date), range (start..end).
    """

    kind: str
    year: Optional[int] = None
    month: Optional[int] = None
    day: Optional[int] = None
    weekday: Optional[int] = None
    part: Optional[str] = None          # MO AF EV NI
    quarter: Optional[int] = None
    half: Optional[int] = None
    season: Optional[str] = None
    decade: Optional[int] = None        # 199 = the 1990s
    century: Optional[int] = None       # 19 = the 1900s
    holiday: Optional[str] = None
    unit: Optional[str] = None          # S MIN H D W WE M Q Y DE CE
    n: object = None                    # amount or offset (int, float or "X")
    deic: Optional[int] = None          # -1 last, 0 this, +1 next
    nextweek: bool = False              # "volgende dinsdag" = the Tuesday of next week
    mod: Optional[str] = None           # START MID END LATER EARLIER, or an amount mod
    hour: Optional[int] = None
    minute: Optional[int] = None
    value: Optional[str] = None         # preset value (sets, durations, vague references)
    date: Optional["Sem"] = None        # the day a clock time is on
    start: Optional["Sem"] = None       # range ends
    end: Optional["Sem"] = None
    ttype: Optional[str] = None         # forced TIMEX3 type
    year_rel: Optional[int] = None      # "november vorig jaar": the year relative to the reference
    n2: object = None                   # a second amount: "drie jaar en vijf dagen geleden"
    unit2: Optional[str] = None
    second: Optional[int] = None
    utc: bool = False                   # "16.12 uur UTC": TIMEX3 writes Z
    week: Optional[int] = None          # ISO week number, or n-th week of a month/year
    weekof: bool = False                # "de eerste week van juli"
    in_week: bool = False               # "de week van 10 april": the week around a day


@dataclass
class Rule:
    name: str
    pattern: str
    build: Callable[[re.Match, Lexicon, str], Optional[Sem]]
    regex: Optional[re.Pattern] = field(default=None, repr=False)


def g(m: re.Match, name: str) -> Optional[str]:
    try:
        v = m.group(name)
    except IndexError:
        return None
    return v.lower() if v else None


def year_of(s: Optional[str]) -> Optional[int]:
    """'2022' → 2022, "'22" → 2022, "'98" → 1998."""
    if not s:
        return None
    s = s.strip().lstrip("'’")
    y = int(s)
    if len(s) == 2:
        y += 2000 if y < 50 else 1900
    return y


# --- builders ---------------------------------------------------------------------
def b_dmy(m, lex, text):
    day = lex.ordinal(g(m, "day"))
    month = lex.month(g(m, "month")) if not (g(m, "month") or "").isdigit() else int(g(m, "month"))
    year = year_of(g(m, "year"))
    if not day or not month or not 1 <= day <= 31 or not 1 <= month <= 12:
        return None
    if g(m, "sep") == "-" and re.search(r"(?<!\d)\d{1,3}-$", text[max(0, m.start("day") - 5):m.start("day")]):
        return None       # "133-03-03-2020": the tail of a code (after a year it is a range end)
    if year and len(g(m, "year").lstrip("'’")) == 2 and not (g(m, "month") or "").isdigit() and "'" not in g(m, "year") and "’" not in g(m, "year"):
        return None
    wd = lex.weekday(g(m, "wd")) if g(m, "wd") else None
    return Sem("date", year=year, month=month, day=day, weekday=wd, deic=-1 if g(m, "jl") and not year else None)


def b_dmy_dateline(m, lex, text):
    day, month, year = int(m.group("day")), lex.lookup("dateline_months", g(m, "month")), year_of("'" + m.group("year") if len(m.group("year")) == 2 else m.group("year"))
    return Sem("date", year=year, month=month, day=day) if month and 1 <= day <= 31 else None


def b_day_of_month(m, lex, text):
    """'de 15e dag van volgende maand', 'drieëntwintigste dag van september'."""
    day = lex.ordinal(re.sub(r"\s+", "", g(m, "day")))
    if not day or not 1 <= day <= 31:
        return None
    if g(m, "month"):
        return Sem("date", month=lex.month(g(m, "month")), day=day)
    deic = lex.lookup("deictic", g(m, "deic")) if g(m, "deic") else 0
    return Sem("rel", unit="M", deic=deic, day=day)


def b_hour_dayword(m, lex, text):
    """'8 vanmorgen', 'om 10, vanavond': an hour on a day with a part of day."""
    h = int(m.group("hw"))
    off, part = lex.lookup("day_words", g(m, "dw"))
    if not 0 <= h <= 24:
        return None
    return Sem("time", hour=h, minute=None, date=Sem("dayword", n=off, part=part), ttype="TIME")


def b_day_alone(m, lex, text):
    day = lex.ordinal(g(m, "day"))
    return Sem("date", day=day) if day and 1 <= day <= 31 else None


def b_numeric_dm(m, lex, text):
    """24/2 — only where it cannot be a fraction or a score: valid day and month."""
    day, month = int(m.group("day")), int(m.group("month"))
    if not (1 <= day <= 31 and 1 <= month <= 12) or (day, month) == (24, 7):     # "24/7": round the clock
        return None
    return Sem("date", month=month, day=day)


def b_iso(m, lex, text):
    y, mo, d = int(m.group("year")), int(m.group("month")), int(m.group("day"))
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return Sem("date", year=y, month=mo, day=d)


def b_month_year(m, lex, text):
    y = year_of(g(m, "year"))
    if not 1000 <= y <= 2100:     # "eind juni 5000 nieuwe woningen"
        return None
    return Sem("date", year=y, month=lex.month(g(m, "month")))


def b_month(m, lex, text):
    # "Mei" and "Augustus" are also names; a capital inside a sentence is a hint
    word = m.group("month")
    if word[0].isupper() and word.lower() in ("mei", "augustus", "juni") and m.start() > 0 and text[max(0, m.start() - 2):m.start()].strip() not in ("", ".", "!", "?", '"'):
        return None
    return Sem("date", month=lex.month(word))


YEAR_FOLLOWERS = {"en", "of", "tot", "t/m", "was", "werd", "is", "wordt", "zal", "kwam", "had", "heeft", "hadden",
                  "stond", "begon", "ging", "waren", "werden", "zijn", "zou", "zouden", "moet", "kan", "bleek",
                  "al", "nog", "ook", "pas", "niet", "de", "het", "een", "vielen", "maakte", "kreeg", "volgde",
                  "verscheen", "won", "trad", "brak", "liep", "vond", "bleef", "vertrok", "kwamen"}


def b_year(m, lex, text):
    y = int(m.group("year"))
    if not 1000 <= y <= 2199:
        return None
    # a year inside a code or phone number ("133-2010", "+86 2010-2015-86", "2015-1-32"): a
    # real date of that shape would have been read whole by a longer rule
    if re.search(r"\d[-/]$|\+\d+\s$", text[max(0, m.start("year") - 5):m.start("year")]) \
            or re.match(r"[-/]\d+[-/]\d", text[m.end("year"):]):
        return None
    prep = (m.group(0)[:m.start("x") - m.start()].strip().lower()) if m.group("x") is not None else ""
    weak = prep in ("en", "of") and not re.search(r"[12]\d{3}\s*$", text[max(0, m.start() - 8):m.start()])
    if not prep or weak:   # a bare year ("en 1500 agenten"): check the next word
        nxt = re.match(r"\s*([\w/]+|\S)?", text[m.end():])
        word = (nxt.group(1) or "") if nxt else ""
        if word and word[0].isalpha() and word.lower() not in YEAR_FOLLOWERS and not word[0].isupper():
            return None
        if not 1900 <= y <= 2100:
            return None
        if re.search(r"[€$£]\s*$|\d[.,]$", text[max(0, m.start() - 2):m.start()]):
            return None
    return Sem("date", year=y)


def b_decade(m, lex, text):
    w = g(m, "dec").lstrip("'’")
    if w.isdigit():
        tens = int(w) // 10
        century = int(g(m, "cent")) if g(m, "cent") else (19 if tens >= 2 else 20)
        return Sem("date", decade=century * 10 + tens)
    tens = lex.lookup("decades", w)
    return Sem("date", decade=190 + tens) if tens else None


def b_century(m, lex, text):
    n = lex.ordinal(g(m, "ord"))
    return Sem("date", century=n - 1) if n and 1 <= n <= 22 else None


ORD4 = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "laatste": 4, "1e": 1, "2e": 2, "3e": 3, "4e": 4}


def b_quarter(m, lex, text):
    q = int(m.group("q")) if g(m, "q") else ORD4.get(g(m, "qord"))
    if not q or not 1 <= q <= 4:
        return None
    # "het derde kwartaal van vorig jaar": the year is relative, not the quarter
    # (the last first quarter before May 2009 is 2009-Q1; the one of last year is 2008-Q1)
    year_rel = lex.lookup("deictic", g(m, "deic")) if g(m, "deic") else None
    return Sem("date", year=year_of(g(m, "year")), quarter=q, year_rel=year_rel)


def b_half(m, lex, text):
    h = ORD4.get(g(m, "hord"))
    if h not in (1, 2):
        return None
    deic = lex.lookup("deictic", g(m, "deic")) if g(m, "deic") else None
    if not g(m, "year") and deic is None and not re.search(r"jaar", g(m, 0) or ""):
        return None
    return Sem("date", year=year_of(g(m, "year")), half=h, deic=deic)


def b_season(m, lex, text):
    """'de zomer van 2019', 'deze winter', 'het najaar'; a bare 'zomer' is left alone."""
    if not (g(m, "deic") or g(m, "year") or re.match(r"(?:de|het)\s", g(m, 0) or "")):
        return None
    deic = lex.lookup("deictic", g(m, "deic")) if g(m, "deic") else None
    return Sem("date", season=lex.lookup("seasons", g(m, "season")), year=year_of(g(m, "year")), deic=deic)


def b_holiday(m, lex, text):
    if not g(m, "year") and re.match(r"-\s+(?:en|of|tot)\s", text[m.end():]):
        return None       # "de Paas- en Pinksterperiode", "Kerst- en Nieuwjaarsdagen": part of a compound
    return Sem("holiday", holiday=lex.key(g(m, "hol")), year=year_of(g(m, "year")))


REL_UNITS = {"voormiddag": "MO", "namiddag": "AF", "kalenderjaar": "Y", "dag": "D", "week": "W", "weekend": "WE", "werkweek": "W", "maand": "M", "kwartaal": "Q",
             "jaar": "Y", "decennium": "DE", "eeuw": "CE", "ochtend": "MO", "middag": "AF", "avond": "EV",
             "nacht": "NI", "morgen": "MO"}


def b_rel(m, lex, text):
    deic = lex.lookup("deictic", g(m, "deic"))
    unit = REL_UNITS[lex.key(g(m, "unit"))]
    if unit in ("MO", "AF", "EV", "NI"):     # "vanavond", "volgende avond"
        return Sem("dayword", n=deic, part=unit, ttype="TIME")
    if g(m, "deic") in ("afgelopen", "voorbije") and g(m, "det") and unit in ("D", "W", "M", "Y"):
        # "de komende week", "het afgelopen jaar": a period that touches the reference day
        return Sem("duration", n=1, unit=unit, deic=deic, ttype="DURATION")
    return Sem("rel", unit=unit, deic=deic)


def b_dayword(m, lex, text):
    w = lex.key(g(m, "dw"))
    if w == "morgen":
        before = text[max(0, m.start() - 12):m.start()].lower()
        if re.search(r"(?:\b(?:deze|die|de|een|elke|iedere|goede|zelfde|dezelfde|volgende|vroege|hele)|['’]s)\s+$", before):
            return None
    word = m.group("dw")
    if word[0].isupper() and re.search(r"[A-Z]\w*\s+$", text[max(0, m.start() - 25):m.start()]) and \
            not re.search(r"[.!?:\"'“]\s*[A-Z]\w*\s+$|^\s*[A-Z]\w*\s+$", text[max(0, m.start() - 25):m.start()]):
        return None       # "De Financiële Morgen": a name
    off, part = lex.lookup("day_words", w)
    if g(m, "vroeg"):
        part = "MO"
    return Sem("dayword", n=off, part=part, ttype="TIME" if part else None)


def b_weekday(m, lex, text):
    before = re.search(r"(\w+)\s*['‘’`]?\s*$", text[max(0, m.start() - 20):m.start()])
    if not g(m, "deic") and before and before.group(1).lower() in lex.data["weekday_idioms"]:
        return None       # "Zwarte Maandag" (a crash), "een blauwe maandag" (a short while)
    wd = lex.lookup("weekdays", g(m, "wd"))
    part = lex.lookup("parts_of_day", g(m, "part")) if g(m, "part") else None
    deic = lex.lookup("deictic", g(m, "deic")) if g(m, "deic") else None
    nextweek = False
    if g(m, "weekdeic"):              # "vorige week dinsdag", "dinsdag van volgende week"
        wdeic = lex.lookup("deictic", g(m, "weekdeic"))
        return Sem("rel", unit="W", deic=wdeic, weekday=wd, part=part, ttype="TIME" if part else None)
    if g(m, "jl"):
        deic = -1
    if g(m, "deic") in ("volgende", "volgend"):
        nextweek = True
    if g(m, "deic") in ("vorige", "vorig"):
        return Sem("rel", unit="W", deic=-1, weekday=wd, part=part, ttype="TIME" if part else None)
    return Sem("weekday", weekday=wd, part=part, deic=deic, nextweek=nextweek, ttype="TIME" if part else None)


ANCHOR_ONLY = "ANCHOR_ONLY"     # a value for parts that only count inside a larger expression


def unit_of(lex, word):
    return lex.lookup("units", word)


def b_shift(m, lex, text):
    n = lex.number(g(m, "num")) if g(m, "num") else "X"
    unit = unit_of(lex, g(m, "unit"))
    if n is None or unit is None:
        return None
    sign = -1 if g(m, "dir") in ("geleden", "terug") else 1
    if g(m, "dir") == "terug" and unit in ("S", "MIN", "H"):
        return None       # "een minuut terug" is going back for a minute, not a minute ago
    if g(m, "dir") == "terug" and re.search(r"\b(?:over|rond|om|binnen)\s+$", text[max(0, m.start() - 8):m.start()], re.I):
        return None
    amod = lex.lookup("amount_modifiers", g(m, "amod")) if g(m, "amod") else None
    if g(m, "num2"):       # "drie jaar en vijf dagen geleden"
        n2, u2 = lex.number(g(m, "num2")), unit_of(lex, g(m, "unit2"))
        if not isinstance(n2, (int, float)) or u2 is None or not isinstance(n, (int, float)):
            return None
        return Sem("shift", n=n, unit=unit, deic=sign, mod=amod, n2=n2, unit2=u2)
    return Sem("shift", n=n, unit=unit, deic=sign, mod=amod)


ANCHOR_DIR = {"later": 1, "daarna": 1, "erna": 1, "nadien": 1, "daarop": 1, "erop": 1, "na": 1,
              "eerder": -1, "daarvoor": -1, "ervoor": -1, "voordien": -1, "voordat": -1, "tevoren": -1,
              "volgende": 1, "vorige": -1, "voorgaande": -1, "daaropvolgende": 1}


def b_anchored(m, lex, text):
    n = lex.number(g(m, "num")) if g(m, "num") else 1
    unit = unit_of(lex, g(m, "unit")) or REL_UNITS.get(lex.key(g(m, "unit")))
    d = ANCHOR_DIR.get(g(m, "dir"))
    if n is None or unit is None or d is None:
        return None
    part = None
    if unit in ("MO", "AF", "EV", "NI"):
        part, unit = unit, "D"
    amod = lex.lookup("amount_modifiers", g(m, "amod")) if g(m, "amod") else None
    return Sem("anchored", n=n, unit=unit, deic=d, part=part, mod=amod, ttype="TIME" if part else None)


def b_same(m, lex, text):
    unit = REL_UNITS.get(lex.key(g(m, "unit")))
    if unit is None:
        return None
    part = unit if unit in ("MO", "AF", "EV", "NI") else None
    return Sem("anchored", n=0, unit="D" if part else unit, deic=1, part=part, ttype="TIME" if part else None)


def fmt_amount(n) -> str:
    if n == "X":
        return "X"
    if isinstance(n, float) and n.is_integer():
        n = int(n)
    return str(n)


def duration_value(n, unit) -> str:
    if unit in ("H", "MIN", "S"):
        return f"PT{fmt_amount(n)}{'M' if unit == 'MIN' else unit}"
    return f"P{fmt_amount(n)}{unit}"


def b_duration(m, lex, text):
    if g(m, "whole"):
        return Sem("duration", value=duration_value(1, unit_of(lex, g(m, "unit"))), ttype="DURATION")
    n = lex.number(g(m, "num"))
    unit = unit_of(lex, g(m, "unit"))
    if n is None or unit is None:
        return None
    if g(m, "unit") in ("min", "sec") and not (g(m, "num") or "")[:1].isdigit():
        return None
    amod = lex.lookup("amount_modifiers", g(m, "amod")) if g(m, "amod") else None
    if amod == "EXACT":
        amod = None
    span = g(m, "span") or g(m, "span2")
    deic = lex.lookup("deictic", span) if span else None
    if span == "laatste":
        deic = -1
    if span in ("eerste", "volgende") and not g(m, "binnen"):
        deic = 1 if span == "volgende" else None
    if g(m, "binnen"):
        deic = 0          # "binnen (de komende) 9 maanden": from the reference day on
    if g(m, "extra"):          # "een jaar en een kwart", "1 uur en 30 minuten"
        n2, u2 = lex.number(g(m, "num2")), unit_of(lex, g(m, "unit2"))
        if u2 == unit and isinstance(n, (int, float)) and isinstance(n2, (int, float)):
            n = n + n2
        elif unit == "H" and u2 == "MIN" and isinstance(n, int) and isinstance(n2, int):
            return Sem("duration", value=f"PT{n}H{n2}M", mod=amod, ttype="DURATION")
        elif isinstance(n, int) and isinstance(n2, int) and u2 is not None \
                and "YMWD".find(unit) >= 0 and "YMWD".find(u2) > "YMWD".find(unit) and len(unit) == len(u2) == 1:
            # "vijf jaar en drie maanden": P5Y3M
            return Sem("duration", value=f"P{n}{unit}{n2}{u2}", mod=amod, deic=deic, ttype="DURATION")
    if g(m, "kwart") and unit in ("Y", "H"):
        n = (n if isinstance(n, (int, float)) else 1) + 0.25
    return Sem("duration", n=n, unit=unit, mod=amod, deic=deic, value=duration_value(n, unit), ttype="DURATION")


def b_lang(m, lex, text):
    unit = lex.lookup("lang_compounds", g(m, "lang"))
    return Sem("duration", value=duration_value("X", unit), ttype="DURATION")


def b_set_unit(m, lex, text):
    n = lex.number(g(m, "num")) if g(m, "num") else 1
    unit = unit_of(lex, g(m, "unit"))
    if unit is None or n is None:
        return None
    if unit == "WE":
        return Sem("set", value=f"P{fmt_amount(n)}WE" if n != 1 else "XXXX-WXX-WE", ttype="SET")
    if unit == "Q":
        return Sem("set", value=f"P{3 * n if isinstance(n, int) else n}M", ttype="SET")
    return Sem("set", value=duration_value(n, unit), ttype="SET")


def b_set_weekday(m, lex, text):
    wd = lex.lookup("weekdays", g(m, "wd"))
    part = lex.lookup("parts_of_day", g(m, "part")) if g(m, "part") else None
    return Sem("set", value=f"XXXX-WXX-{wd}" + (f"T{part}" if part else ""), ttype="SET")


def b_set_adj(m, lex, text):
    return Sem("set", value=lex.lookup("set_adjectives", g(m, "adj")), ttype="SET")


def b_set_per(m, lex, text):
    unit = unit_of(lex, g(m, "unit"))
    return Sem("set", value=duration_value(1, unit), ttype="SET") if unit else None


def b_vague(m, lex, text):
    w = lex.key(g(m, "v"))
    if w in ("eerder", "recent", "later") and re.match(r"\s+(?:dan|genoemd|aangekondigd|gemelde|dit|deze|vorige|vorig|volgende|volgend|afgelopen|komende|in\s+de|in\s+het|op\s+de)\b", text[m.end():], re.I):
        return None
    return Sem("vague", value=lex.lookup("vague", w))


HOUR_WORDS = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
              "negen": 9, "tien": 10, "elf": 11, "twaalf": 12}
HOURW = "(?:" + "|".join(sorted(HOUR_WORDS, key=len, reverse=True)) + ")"


def hour_of(s: Optional[str]) -> Optional[int]:
    if s is None:
        return None
    s = s.lower()
    return int(s) if s.isdigit() else HOUR_WORDS.get(s)


def with_part(hour: int, part: Optional[str]) -> int:
    if part == "AF" and hour <= 7:
        return hour + 12
    if part == "EV" and 5 <= hour < 12:       # "vanavond om 1.00" is one at night
        return hour + 12
    if part == "NI" and 6 <= hour < 12:
        return hour + 12
    return hour


def b_clock(m, lex, text):
    h, mi = int(m.group("h")), int(m.group("m"))
    if not (0 <= h <= 24 and 0 <= mi <= 59):
        return None
    sep = text[m.start("h") + len(m.group("h"))]
    has_uur = bool(g(m, "uur"))
    if sep == "." and not has_uur and not g(m, "prep") and not g(m, "pod"):
        # Dutch writes decimals with a comma, so 20.30 is a time, unless money or a measure
        if re.search(r"[€$£]\s*$", text[max(0, m.start() - 3):m.start()]) or \
                re.match(r"\s*(?:%|procent|euro|dollar|miljoen|miljard|meter|kilo|km|cm|kg|punten|graden|mm)\b", text[m.end():], re.I):
            return None
    part = lex.lookup("parts_of_day_adverbs", g(m, "pod")) if g(m, "pod") else None
    return Sem("time", hour=with_part(h, part), minute=mi, second=int(m.group("sec")) if g(m, "sec") else None,
               utc=bool(g(m, "tz")), ttype="TIME")


def b_hour(m, lex, text):
    h = hour_of(g(m, "hw"))
    if h is None or not 0 <= h <= 24:
        return None
    part = lex.lookup("parts_of_day_adverbs", g(m, "pod")) if g(m, "pod") else None
    return Sem("time", hour=with_part(h, part), minute=None, ttype="TIME")


# "van 5 tot 7 procent": after these words bare numbers are no clock hours
NOT_AFTER_HOURS = {"procent", "euro", "dollar", "pond", "jaar", "jaren", "maanden", "maand", "weken", "week", "dagen",
                   "dag", "keer", "maal", "meter", "kilometer", "km", "graden", "punten", "mensen", "miljoen", "miljard",
                   "doden", "zetels", "stuks", "kilo", "ton", "liter", "personen", "leden", "landen", "minuten", "seconden"}


def b_hour_range(m, lex, text):
    """van 5 tot 6 's middags, tussen 9:30 en 15:00, 13:00-15:00"""
    h1, h2 = hour_of(g(m, "h1")), hour_of(g(m, "h2"))
    if h1 is None or h2 is None or h1 > 24 or h2 > 24:
        return None
    if (g(m, "half1") and (g(m, "m1") or h1 == 0)) or (g(m, "half2") and (g(m, "m2") or h2 == 0)):
        return None
    half1, half2 = bool(g(m, "half1")), bool(g(m, "half2"))     # "half acht" is 7.30
    h1, h2 = h1 - half1, h2 - half2
    clock = g(m, "m1") or g(m, "m2")
    pod = g(m, "pod1") or g(m, "pod2") or g(m, "pod0")
    if not (clock or g(m, "uur1") or g(m, "uur2") or pod):
        # bare numbers ("van 5 tot 7") are hours only before a time-ish word or the end
        nxt = re.match(r"\s*(\w+)?", text[m.end():]).group(1)
        if re.match(r"\s*[-–/]\s*\d", text[m.end():]):
            return None
        if not g(m, "pre") or (nxt and nxt.lower() in NOT_AFTER_HOURS) or re.match(r"\s*%", text[m.end():]) \
                or g(m, "conn") in ("-", "–"):
            return None          # "van 1-10 tot 7-11" are dates
    if not g(m, "pre") and not (g(m, "m1") or g(m, "m2")) and not pod:
        return None
    if g(m, "pre") == "tussen" and g(m, "conn") not in ("en", "-", "–", "tot"):
        return None
    p0 = lex.lookup("parts_of_day_adverbs", g(m, "pod0")) if g(m, "pod0") else None
    p1 = lex.lookup("parts_of_day_adverbs", g(m, "pod1")) if g(m, "pod1") else p0
    p2 = lex.lookup("parts_of_day_adverbs", g(m, "pod2")) if g(m, "pod2") else p0
    m1 = int(g(m, "m1")) if g(m, "m1") else (30 if half1 else None)
    m2 = int(g(m, "m2")) if g(m, "m2") else (30 if half2 else None)
    e = Sem("time", hour=with_part(h2, p2), minute=m2, ttype="TIME")
    s_h = with_part(h1, p1 or (p2 if h1 <= h2 else None))
    s = Sem("time", hour=s_h, minute=m1, ttype="TIME")
    return Sem("range", start=s, end=e, ttype="TIME")


def b_wordtime(m, lex, text):
    h = hour_of(g(m, "hw"))
    if h is None:
        return None
    minutes = 0
    q = g(m, "q")
    if q:
        minutes = 15 if q == "kwart" else (lex.number(q) if not q.isdigit() else int(q))
        if not isinstance(minutes, int) or minutes > 29:
            return None
    if g(m, "half"):
        h, base = h - 1, 30
        minutes = base + minutes if g(m, "rel") == "over" else base - minutes
    elif g(m, "rel") == "voor":
        h, minutes = h - 1, 60 - minutes
    part = lex.lookup("parts_of_day_adverbs", g(m, "pod")) if g(m, "pod") else None
    return Sem("time", hour=with_part(h % 24, part), minute=minutes, ttype="TIME")


def b_noon(m, lex, text):
    return Sem("time", hour=24 if "nacht" in g(m, 0) else 12, minute=None, ttype="TIME")


def b_part_phrase(m, lex, text):
    """'in de ochtend', 'later op de dag': a part of the day the context is about."""
    part = lex.lookup("parts_of_day", g(m, "part"))
    return Sem("anchored", n=0, unit="D", deic=1, part=part, ttype="TIME") if part else None


def b_pos_unit(m, lex, text):
    """'eind van de maand', 'aan het eind van het jaar', 'later op de dag': the current period."""
    pos = {"begin": "START", "eind": "END", "einde": "END", "midden": "MID", "later": "LATER",
           "eerder": "EARLIER", "vroeg": "START", "laat": "END", "start": "START"}[g(m, "pos")]
    unit = REL_UNITS[g(m, "unit")]
    if unit in ("MO", "AF", "EV", "NI"):
        return Sem("anchored", n=0, unit="D", deic=1, part=unit, ttype="TIME")
    if unit == "D":        # "eerder op de dag", "aan het einde van de dag": the day the text is about
        return Sem("anchored", n=0, unit="D", deic=1, mod=pos)
    return Sem("rel", unit=unit, deic=0, mod=pos)


def b_week_number(m, lex, text):
    n = int(m.group("wn"))
    if not 1 <= n <= 53:
        return None
    return Sem("date", week=n, year=year_of(g(m, "year")))


def b_nth_week(m, lex, text):
    n = ORD4.get(g(m, "ord"), None)
    if n is None:
        n = lex.ordinal(g(m, "ord"))
    if g(m, "ord") == "laatste":
        n = -1
    if not n:
        return None
    month = lex.month(g(m, "month")) if g(m, "month") else None
    return Sem("date", week=n, month=month, year=year_of(g(m, "year")), weekof=True)


def b_deic_date(m, lex, text):
    deic = lex.lookup("deictic", g(m, "deic"))
    if g(m, "hol"):
        return Sem("holiday", holiday=lex.key(g(m, "hol")), deic=deic)
    return Sem("date", month=lex.month(g(m, "month")), deic=deic)


def b_year_month_num(m, lex, text):
    y, mo = int(m.group("year")), int(m.group("month"))
    return Sem("date", year=y, month=mo) if 1 <= mo <= 12 and 1900 <= y <= 2100 else None


def b_month_num_year(m, lex, text):
    mo, y = int(m.group("month")), int(m.group("year"))
    return Sem("date", year=y, month=mo) if 1 <= mo <= 12 and 1900 <= y <= 2100 else None


def b_year_range(m, lex, text):
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    if not (1800 <= y1 < y2 <= 2200):
        return None
    return Sem("range", start=Sem("date", year=y1), end=Sem("date", year=y2))


def b_dm_dash(m, lex, text):
    """1-10, 20-11: day-month with a dash, only as a range end or after a weekday or 'op'."""
    day, month = int(m.group("day")), int(m.group("month"))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    wd = lex.weekday(g(m, "wd")) if g(m, "wd") else None
    if wd is None and not g(m, "ctx"):
        return None
    if re.match(r"\s*(?:['’‘]s\s|uur\b|u\b)", text[m.end():]):
        return None       # "maandag 8-9 's ochtends": hours
    return Sem("date", month=month, day=day, weekday=wd, year=int(m.group("year")) if g(m, "year") else None)


def b_podadv(m, lex, text):
    return Sem("dayword", n=0, part=lex.lookup("parts_of_day_adverbs", g(m, "pod")), ttype="TIME")


def b_night_of_date(m, lex, text):
    """'de nacht van 3 op 4 maart' (also '31 januari op 1 februari' written as 'van 31 op 1 februari')."""
    d1, d2, month = int(m.group("d1")), int(m.group("day")), lex.month(g(m, "month"))
    if month is None or not (1 <= d1 <= 31 and 1 <= d2 <= 31):
        return None
    if g(m, "month1"):
        month = lex.month(g(m, "month1"))
    elif d1 > d2:                     # the night runs into the next month
        month = 12 if month == 1 else month - 1
    return Sem("date", day=d1, month=month, year=int(m.group("year")) if g(m, "year") else None, part="NI", ttype="TIME")


def b_dayrange(m, lex, text):
    d1, d2 = lex.ordinal(g(m, "d1")), lex.ordinal(g(m, "d2"))
    month = lex.month(g(m, "month"))
    year = year_of(g(m, "year"))
    if not (d1 and d2 and 1 <= d1 < d2 <= 31 and month):
        return None
    return Sem("range", start=Sem("date", year=year, month=month, day=d1), end=Sem("date", year=year, month=month, day=d2))


# --- the rules ----------------------------------------------------------------------
# Patterns are case-insensitive; ' ' in a pattern is literal, so white space is written \s+.
DAYNUM = r"(?:[0-3]?\d(?:e|ste|de)?|{ORDW}|{NUMW})"
YEAR = r"(?:\d{4}|['’]\d\d)"
PREP_YEAR = r"(?:in|sinds|sedert|vanaf|van|tot|uit|na|voor|vóór|rond|omstreeks|begin|eind|medio|halverwege|het\s+jaar|jaar|per|t/m|tussen|en|of|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|zomer|winter|lente|herfst|voorjaar|najaar)"

# a date may follow a hyphen in a range ("1/10-2/11/2017", "18 nov-19 dec") but not a word
# compound ("Boeing-737")
DATE_PREFIX = r"(?<!\w)(?<![^\W\d]{4}-)(?<!\d[.,])"     # not the decimals of "6,107.31 augustus 2019"

RULES: list[Rule] = [
    # absolute dates
    Rule("date_dmy", DATE_PREFIX + r"(?:(?P<wd>{WEEKDAY}|{WDABBR}),?\s+)?(?:de\s+)?(?P<day>" + DAYNUM + r")\s+(?:van\s+)?(?P<month>{MONTHA})\.?(?:,?\s+(?:van\s+|in\s+)?(?P<year>" + YEAR + r"))?(?:\s+(?P<jl>jl\.|jongstleden|ll\.|laatstleden|j\.l\.))?(?!\w|-[^\W\d])", b_dmy),
    Rule("month_range", r"(?P<m1>{MONTHA})\.?\s*[-–]\s*(?P<m2>{MONTHA})\.?,?\s+(?P<year>\d{4})", lambda m, lex, t: Sem("range", start=Sem("date", month=lex.month(g(m, "m1"))), end=Sem("date", month=lex.month(g(m, "m2")), year=int(m.group("year"))))),
    Rule("dateline", r"(?P<day>[0-3]?\d)-(?P<month>{DLMONTH})-(?P<year>\d{4}|\d{2})(?![\d-])", lambda m, lex, t: b_dmy_dateline(m, lex, t)),
    Rule("date_mdy", r"(?P<month>{MONTH})\s+(?P<day>[0-3]?\d),?\s+(?P<year>\d{4})", b_dmy),
    Rule("date_numeric", DATE_PREFIX + r"(?:(?P<wd>{WEEKDAY}|{WDABBR}),?\s+)?(?P<day>[0-3]?\d)(?P<sep>[-/.])(?P<month>[01]?\d)(?P=sep)(?P<year>\d{4}|\d{2})(?!\d|/|-(?!\d))", b_dmy),
    Rule("date_iso", r"(?P<year>\d{4})-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\d])", b_iso),
    Rule("date_dm_slash", DATE_PREFIX + r"(?:(?P<wd>{WEEKDAY}|{WDABBR}),?\s+)?(?P<day>[0-3]?\d)/(?P<month>[01]?\d)(?![\d/,.]\d)", b_numeric_dm),
    Rule("month_year", r"(?P<month>{MONTHA})\.?,?\s+(?:van\s+|in\s+)?(?:het\s+jaar\s+)?(?P<year>" + YEAR + r")(?![\d])", b_month_year),
    Rule("month", r"(?P<month>{MONTH})", b_month),
    Rule("year_context", r"(?<![\w-])" + PREP_YEAR + r"\s+(?P<x>(?P<year>[12]\d{3}))(?![\d.,]\d|\w)", b_year),
    Rule("year", r"(?P<x>(?P<year>(?:19|20)\d\d))(?![\d.,]\d|\w)", b_year),
    Rule("decade", r"(?:de\s+)?jaren\s+(?P<dec>{DECADEW}|['’]?\d0)", b_decade),
    Rule("decade_digits", r"(?:de\s+)?jaren\s+(?P<cent>1[0-9]|20)(?P<dec>\d0)", b_decade),
    Rule("century", r"(?:de\s+)?(?P<ord>{ORDW}|\d{1,2}(?:e|ste|de))\s+eeuw", b_century),
    Rule("quarter", r"(?:(?:het|dit)\s+)?(?P<qord>eerste|tweede|derde|vierde|laatste|[1-4]e)\s+kwartaal(?:\s+(?:van\s+)?(?:(?P<year>\d{4})|(?P<deic>{DEIC})\s+jaar))?", b_quarter),
    Rule("half_h", r"(?:(?P<year>\d{4})[-\s]?)?H(?P<h>[12])(?:[-\s](?P<year2>\d{4}))?", lambda m, lex, t: Sem("date", half=int(m.group("h")), year=int(m.group("year") or m.group("year2"))) if (m.group("year") or m.group("year2")) else None),
    Rule("weekday_daynum", r"(?P<wd>{WEEKDAY}|{WDABBR}),?\s+(?:de\s+)?(?P<day>[0-3]?\d(?:e|ste|de)?|{ORDW})(?=\s*(?:$|[,.;:!?)]|(?:om|rond|tussen|van|vanaf|tot|en|['’‘]s)\s|(?:[0-2]?\d|" + HOURW + r")\s+uur|[0-2]?\d[.:][0-5]\d))(?![.:]\d)", lambda m, lex, t: Sem("date", day=lex.ordinal(g(m, "day")), weekday=lex.weekday(g(m, "wd"))) if lex.ordinal(g(m, "day")) and 1 <= lex.ordinal(g(m, "day")) <= 31 else None),
    Rule("day_of_month", r"(?:(?:op|voor|na)\s+)?(?:de\s+)?(?P<day>[0-3]?\d\s*(?:e|ste|de)|{ORDW})\s+(?:dag\s+)?van\s+(?:(?P<month>{MONTH})|(?:de\s+)?(?P<deic>{DEIC})\s+maand|de\s+maand)", lambda m, lex, t: b_day_of_month(m, lex, t)),
    Rule("month_day_range", r"(?P<month>{MONTHA})\.?\s+(?P<d1>[0-3]?\d)\s*(?:-|–|tot|t/m)\s*(?P<d2>[0-3]?\d)(?:,?\s+(?P<year>\d{4}))?", b_dayrange),
    Rule("year_month", r"(?P<year>(?:19|20)\d\d)\s+(?P<month>{MONTH})(?!\s+[0-3]?\d)", lambda m, lex, t: Sem("date", year=int(m.group("year")), month=lex.month(g(m, "month")))),
    Rule("month_abbr_range", DATE_PREFIX + r"(?P<month>{MONTHA})\.?(?=\s*(?:-|–)\s*[\w]|\s+(?:tot|t/m)\s)", lambda m, lex, t: Sem("date", month=lex.month(g(m, "month"))) if m.group("month")[0].islower() or m.group("month").lower() in lex.data["months"] else None),
    Rule("month_abbr_range_end", r"(?:tot|t/m|-|–)\s*(?P<x>(?P<month>{MONTHA}))\.?(?=\s*$|[\s,.;!?])", lambda m, lex, t: Sem("date", month=lex.month(g(m, "month"))) if m.group("month")[0].islower() else None),
    Rule("part_dayword", r"(?:de\s+)?(?P<part>ochtend|middag|avond|nacht)\s+(?:van\s+)?(?P<dw>vandaag|morgen|gisteren)", lambda m, lex, t: Sem("dayword", n=lex.lookup("day_words", g(m, "dw"))[0], part=lex.lookup("parts_of_day", g(m, "part")), ttype="TIME")),
    Rule("dayword_part", r"(?P<dw>vandaag|morgen|gisteren|overmorgen|eergisteren)\s+(?:in\s+de\s+)?(?P<part>ochtend|middag|namiddag|avond|nacht)", lambda m, lex, t: Sem("dayword", n=lex.lookup("day_words", g(m, "dw"))[0], part=lex.lookup("parts_of_day", g(m, "part")), ttype="TIME")),
    Rule("hour_dayword", r"(?:(?:op|om)\s+)?(?P<hw>[0-2]?\d)\s*,?\s+(?P<dw>vanavond|vanmorgen|vanochtend|vanmiddag|vannacht|morgenochtend|morgenavond|morgenmiddag|gisteravond|gisterochtend|gistermiddag)", lambda m, lex, t: b_hour_dayword(m, lex, t)),
    # a day of the month on its own: only after "op" ("op de 15e") or before a clock time
    # ("de 17 van 14.00 tot 16.00"); "de 3e" alone is mostly a rank
    Rule("day_alone", r"op\s+(?P<x>de\s+(?P<day>[0-3]?\d(?:e|ste|de)|{ORDW}))(?=\s*(?:$|[,;!?)]|\.(?!\d)))", b_day_alone),
    Rule("day_alone_time", r"(?:op\s+)?(?P<x>de\s+(?P<day>[0-3]?\d(?:e|ste|de)?|{ORDW}))(?=\s*,?\s*(?:(?:om|rond|tussen|van|vanaf)\s+)?[0-2]?\d[.:][0-5]\d)", b_day_alone),
    Rule("week_of_date", r"(?:de\s+)?week\s+(?:van|beginnend|startend|aanvangend|vanaf)\s+(?:op\s+)?(?P<day>" + DAYNUM + r")\s+(?P<month>{MONTHA})\.?(?:\s+(?P<year>\d{4}))?", lambda m, lex, t: replace(b_dmy(m, lex, t), in_week=True) if b_dmy(m, lex, t) else None),
    Rule("quarter_q", r"(?:(?P<year>\d{4})[-\s]?)?Q(?P<q>[1-4])(?:[-\s](?P<year2>\d{4}))?", lambda m, lex, t: b_quarter_q(m, lex, t)),
    Rule("half_year", r"(?:(?:de|het)\s+)?(?P<hord>eerste|tweede)\s+(?:helft|jaarhelft|halfjaar|halve\s+jaar)(?:\s+van\s+(?:(?:het\s+jaar\s+)?(?P<year>\d{4})|(?P<deic>{DEIC})\s+jaar))?", b_half),
    Rule("season", r"(?:(?:de|het|(?P<deic>{DEIC}))\s+)?(?P<season>{SEASON})(?:\s+(?:van\s+)?(?P<year>\d{4}))?", b_season),
    Rule("holiday", r"(?:(?:de|het)\s+)?(?P<hol>{HOLIDAY})(?:\s+(?:van\s+)?(?P<year>\d{4}))?", b_holiday),
    # relative to the reference day
    # fiscal years (TIDES/TimeML "FY2008"): "boekjaar 2008", "vorig boekjaar", "het financiële jaar"
    Rule("fiscal_year", r"(?:(?:het|dit)\s+)?(?:(?P<deic>{DEIC})\s+)?(?:boekjaar|fiscaal\s+jaar|fiscale\s+jaar|financi[eë]el\s+jaar|financi[eë]le\s+jaar)(?:\s+(?P<year>(?:19|20)\d\d)(?:\s*[/-]\s*(?P<y2>(?:19|20)?\d\d))?)?(?![\w/-])",
         # "boekjaar 2019/2020" is named after the year it ends in, as FY2020
         lambda m, lex, t: Sem("fiscal", year=(int(m.group("year")[:4 - len(g(m, "y2"))] + g(m, "y2")) if g(m, "y2") else int(m.group("year"))) if g(m, "year") else None,
                               year_rel=lex.lookup("deictic", g(m, "deic")) if g(m, "deic") else 0)),
    # "het jaar voor 2015", "de dag na 7 oktober": one unit from a date; kept only when the
    # date follows (tagger.combine makes it a shift), never on its own
    # (not "de week na Pasen": that is the week that follows, not a day seven days on)
    Rule("unit_from_date", r"(?:de|het)\s+(?P<unit>dag|jaar)(?=\s+(?:voor|vóór|na)\s)",
         lambda m, lex, t: Sem("duration", n=1, unit=unit_of(lex, g(m, "unit")), value=ANCHOR_ONLY, ttype="DURATION")),
    Rule("rel_unit", r"(?:(?P<det>het|de)\s+)?(?P<deic>{DEIC})\s+(?P<unit>dag|week|werkweek|weekend|maand|kwartaal|jaar|kalenderjaar|decennium|eeuw|ochtend|voormiddag|middag|namiddag|avond|nacht)", b_rel),
    Rule("span_plural", r"(?:de|het)\s+(?P<span>komende|afgelopen|voorbije|laatste|jongste|aankomende|volgende)\s+(?P<unit>dagen|weken|maanden|jaren|decennia|eeuwen)", lambda m, lex, t: Sem("duration", n="X", unit=unit_of(lex, g(m, "unit")), deic=-1 if g(m, "span") in ("afgelopen", "voorbije", "laatste", "jongste") else 1, value=duration_value("X", unit_of(lex, g(m, "unit"))), ttype="DURATION")),
    Rule("weekend", r"(?:in\s+)?het\s+(?P<x>weekend)", lambda m, lex, t: Sem("rel", unit="WE", deic=None)),
    Rule("dayword", r"(?P<dw>{DAYWORD})(?:\s+(?P<vroeg>vroeg))?", b_dayword),
    Rule("weekday", r"(?:(?P<deic>{DEIC})\s+)?(?P<wd>{WEEKDAY})(?P<part>{PART})?(?:\s+(?P<jl>jongstleden|laatstleden|jl\.|ll\.))?", b_weekday),
    Rule("weekday_week", r"(?P<weekdeic>{DEIC})\s+week\s*(?:op\s+|-\s*|,\s*)?(?P<wd>{WEEKDAY})(?P<part>{PART})?", b_weekday),
    Rule("weekday_of_week", r"(?P<wd>{WEEKDAY})(?P<part>{PART})?\s+(?:van\s+)?(?P<weekdeic>{DEIC})\s+week", b_weekday),
    Rule("shift", r"(?:(?P<amod>{AMOD})\s+)?(?:(?P<num>{NUM})\s+)?(?P<unit>{UNIT})(?:\s+en\s+(?P<num2>{NUM})\s+(?P<unit2>{UNIT}))?\s+(?P<dir>geleden|terug)", b_shift),
    Rule("shift_ahead", r"(?:(?P<amod>{AMOD})\s+)?(?P<dir>over)\s+(?P<num>{NUM})\s+(?P<unit>{UNIT})(?!\s+(?:en|of)\s)", lambda m, lex, t: b_shift(m, lex, t)),
    # anchored on another expression
    Rule("anchored", r"(?:(?P<amod>{AMOD})\s+)?(?P<num>{NUM})\s+(?P<unit>{UNIT})\s+(?P<dir>later|daarna|erna|nadien|daarop|eerder|daarvoor|ervoor|voordien|tevoren)", b_anchored),
    Rule("anchored_the", r"(?:de|het)\s+(?P<unit>dag|week|maand|jaar|ochtend|middag|avond|nacht)\s+(?P<dir>daarna|erna|nadien|daarop|erop|daarvoor|ervoor|voordien|tevoren)", b_anchored),
    Rule("anchored_next", r"(?:de|het)\s+(?P<dir>volgende|daaropvolgende|voorgaande)\s+(?P<unit>dag|week|maand|jaar|ochtend|middag|avond|nacht)", b_anchored),
    Rule("anchored_same", r"(?:die|diezelfde|dezelfde|die\s+zelfde|datzelfde|hetzelfde|dat)\s+(?P<unit>dag|week|weekend|maand|jaar|ochtend|middag|avond|nacht)", b_same),
    # durations
    Rule("duration", r"(?:(?P<amod>{AMOD})\s+)?(?:(?P<binnen>binnen)\s+)?(?:(?:de|het)\s+)?(?:(?P<span>afgelopen|voorbije|laatste|komende|aankomende|eerste|volgende)\s+)?(?P<num>{NUM})\s+(?:(?P<span2>aankomende|komende|afgelopen|laatste)\s+)?(?:{DURADJ}\s+)?(?P<unit>{UNIT})(?P<extra>\s+en\s+(?P<num2>{NUM})\s+(?P<unit2>{UNIT}))?(?P<kwart>\s+en\s+een\s+kwart)?", b_duration),
    Rule("duration_whole", r"(?:(?:de|het|een)\s+)?(?P<whole>hele|gehele|volle)\s+(?P<unit>dag|week|maand|jaar|nacht|uur)", b_duration),
    Rule("duration_lang", r"(?P<lang>{LANG})e?", b_lang),
    # sets
    Rule("set_weekends", r"(?:in|tijdens|gedurende)\s+(?P<x>(?:de\s+)?weekenden)", lambda m, lex, t: Sem("set", value="XXXX-WXX-WE", ttype="SET")),
    Rule("set_weekends_s", r"['’‘]s\s+weekends", lambda m, lex, t: Sem("set", value="XXXX-WXX-WE", ttype="SET")),
    Rule("set_every", r"(?:elke|iedere|ieder|elk|alle)\s+(?:(?P<num>{NUM})\s+)?(?P<unit>{UNIT})", b_set_unit),
    Rule("set_weekday", r"(?:elke|iedere|ieder|elk|op|om\s+de\s+week)\s+(?P<wd>{WEEKDAY})(?P<part>{PART})?(?=\s|$|[,.;:!?])" , lambda m, lex, t: b_set_weekday(m, lex, t) if not g(m, 0).startswith("op") else None),
    Rule("set_weekdays", r"(?:['’]s\s+)?(?P<wd>{WEEKDAY})(?P<part>{PART})?(?:en|s)(?![\w])", lambda m, lex, t: b_set_weekday(m, lex, t) if (g(m, 0).endswith("en") or g(m, 0).startswith(("'s", "’s"))) else None),
    Rule("set_adj", r"(?P<adj>{SETADJ})e?", b_set_adj),
    Rule("set_per", r"(?:(?:eenmaal|tweemaal|driemaal|(?:{NUM})\s+keer|(?:{NUM})\s+maal)\s+)?per\s+(?P<unit>dag|week|maand|jaar|kwartaal|uur)", b_set_per),
    Rule("set_om_de", r"om\s+de\s+(?:(?P<num>{NUM})\s+)?(?P<unit>{UNIT})", b_set_unit),
    # clock times
    Rule("clock", r"(?:(?P<prep>om|rond|tegen|vanaf|tot|tussen|na|voor|van)\s+)?(?P<x>(?P<h>[0-2]?\d)[:.](?P<m>[0-5]\d)(?::(?P<sec>[0-5]\d))?(?:\s*(?P<uur>uur|u\b|h\b))?(?:\s+(?P<pod>{PODADV}))?(?:\s+(?P<tz>UTC|GMT))?)(?![\d.,]\d)", b_clock),
    # Belgian clock times: "om 14u30", "20u", "14u15 Belgische tijd"
    Rule("clock_be", r"(?:(?P<prep>om|rond|tegen|vanaf|tot|tussen|na|voor|van)\s+)?(?P<x>(?P<h>[0-2]?\d)u(?P<m>[0-5]\d))(?!\w)", lambda m, lex, t: Sem("time", hour=int(m.group("h")), minute=int(m.group("m")), ttype="TIME") if int(m.group("h")) <= 24 else None),
    # "in de nacht van 3 op 4 maart": the night that starts on the first day
    Rule("night_of_date", r"(?:(?:in|tijdens)\s+)?de\s+nacht\s+van\s+(?:{WEEKDAY}\s+)?(?P<d1>[0-3]?\d)(?:\s+(?P<month1>{MONTHA})\.?)?\s+op\s+(?:{WEEKDAY}\s+)?(?P<day>[0-3]?\d)\s+(?P<month>{MONTHA})\.?(?:\s+(?P<year>\d{4}))?", b_night_of_date),
    Rule("night_of", r"de\s+nacht\s+van\s+(?P<wd>{WEEKDAY})\s+op\s+(?P<wd2>{WEEKDAY})", lambda m, lex, t: Sem("weekday", weekday=lex.weekday(g(m, "wd")), part="NI", ttype="TIME")),
    Rule("hour", r"(?:(?:om|rond|omstreeks|tegen|vanaf|tot|na)\s+)(?P<x>(?P<hw>[0-2]?\d|" + HOURW + r")\s*(?:uur|u\b)(?:\s+(?P<pod>{PODADV}))?)", b_hour),
    # Belgian "15u" is only ever a clock time, so also after "voor" ("voor 3u"), where
    # "voor drie uur" may be a duration
    Rule("hour_u_before", r"(?:voor|vóór)\s+(?P<x>(?P<hw>[0-2]?\d)u(?:\s+(?P<pod>{PODADV}))?)(?![\w:]|\.\d)", b_hour),
    Rule("hour_pod_phrase", r"(?:om|rond|omstreeks|tegen)\s+(?P<x>(?P<hw>[0-2]?\d|" + HOURW + r")\s+(?P<pod>{PODADV}))", b_hour),
    Rule("hour_after_hour", r"(?<=uur\s)(?:of|en|tot)\s+(?P<x>(?P<hw>[0-2]?\d|" + HOURW + r")\s*(?:uur|u\b))", b_hour),
    Rule("hour_bare", r"(?:om|rond|omstreeks|tegen)\s+(?P<x>(?P<hw>[0-2]?\d|" + HOURW + r"))(?=\s*(?:$|[,.;!?]))", b_hour),
    Rule("hour_pod", r"(?P<hw>[0-2]?\d|" + HOURW + r")\s*(?:uur|u)\s+(?P<pod>{PODADV})", b_hour),
    Rule("pod_hour", r"(?P<pod>{PODADV})\s+(?:om\s+)?(?P<hw>[0-2]?\d|" + HOURW + r")(?:\s+uur)?(?![\d:.])", b_hour),
    Rule("wordtime", r"(?:(?P<q>kwart|[1-2]?\d|{NUMW})\s+(?P<rel>over|voor)\s+)?(?P<half>half\s+)(?P<hw>" + HOURW + r"|[0-2]?\d)(?:\s+uur)?(?:\s+(?P<pod>{PODADV}))?", b_wordtime),
    Rule("wordtime_q", r"(?P<q>kwart|[1-2]?\d|{NUMW})\s+(?P<rel>over|voor)\s+(?P<hw>" + HOURW + r"|[0-2]?\d)(?:\s+uur)?(?:\s+(?P<pod>{PODADV}))?", lambda m, lex, t: b_wordtime(m, lex, t) if (g(m, "q") == "kwart" or re.search(r"\buur\b|['’]s", g(m, 0))) else None),
    Rule("noon", r"middernacht|(?:rond\s+|tegen\s+)?het\s+middaguur|(?:rond|tegen|tussen)\s+de\s+middag|(?<=om\s)middag", b_noon),
    Rule("pod_adverb", r"(?P<pod>{PODADV})", b_podadv),
    # ranges written as one expression
    Rule("day_range", r"(?:(?:van|tussen)\s+)?(?P<d1>[0-3]?\d)(?:e|ste|de)?\s*(?:tot(?:\s+en\s+met)?|t/m|-|–|en)\s*(?P<d2>[0-3]?\d)(?:e|ste|de)?\s+(?P<month>{MONTHA})\.?(?:\s+(?P<year>\d{4}))?", b_dayrange),
    Rule("hour_range", r"(?:(?P<pod0>{PODADV})\s+)?(?:(?P<pre>van|tussen|vanaf)\s+)?(?:(?P<half1>half)\s+)?(?P<h1>[0-2]?\d|" + HOURW + r")(?:[:.](?P<m1>[0-5]\d))?(?:\s*(?P<uur1>uur|u)\b)?(?:\s+(?P<pod1>{PODADV}))?\s*(?P<conn>tot|en|-|–)\s*(?:(?P<half2>half)\s+)?(?P<h2>[0-2]?\d|" + HOURW + r")(?:[:.](?P<m2>[0-5]\d))?(?:\s*(?P<uur2>uur|u)\b)?(?:\s+(?P<pod2>{PODADV}))?(?![\d/-])(?!\s+(?:{MONTHA})\b)", b_hour_range),
    Rule("year_range", r"(?P<y1>[12]\d{3})\s*[-–~/]\s*(?P<y2>[12]\d{3})(?![\d-])", b_year_range),
    Rule("date_dmy_sep", r"(?P<day>[0-3]?\d)[-/](?P<month>{MONTHA})(?:[-/](?P<year>\d{4}))?(?![\w/-])", b_dmy),
    Rule("month_year_sep", DATE_PREFIX + r"(?P<month>{MONTHA})[-/](?P<year>\d{4})", b_month_year),
    Rule("year_month_num", r"(?P<year>[12]\d{3})[-/](?P<month>[01]?\d)(?![\d/-])", b_year_month_num),
    Rule("month_num_year", r"(?P<month>[01]?\d)[-/](?P<year>[12]\d{3})(?![\d/-])", b_month_num_year),
    Rule("date_dm_dash", r"(?:(?P<ctx>van|tot|tussen|en|op|t/m|-|–)\s+)?(?P<x>(?:(?P<wd>{WEEKDAY}|{WDABBR}),?\s+)?(?P<day>[0-3]?\d)-(?P<month>[01]?\d)(?:,\s*(?P<year>[12]\d{3}))?)(?![\d/-])", b_dm_dash),
    Rule("deic_date", r"(?P<deic>{DEIC})\s+(?:(?P<month>{MONTH})|(?P<hol>{HOLIDAY}))", b_deic_date),
    Rule("week_number", r"(?:de\s+)?week\s+(?P<wn>[1-5]?\d)(?:\s+(?:van\s+)?(?P<year>\d{4}))?", b_week_number),
    Rule("nth_week", r"(?:de\s+)?(?P<ord>eerste|tweede|derde|vierde|laatste|[1-5]e)\s+week\s+van\s+(?:(?P<month>{MONTHA})\.?(?:\s+(?P<year>\d{4}))?|(?P<year2>\d{4}))", lambda m, lex, t: b_nth_week(m, lex, t) if not g(m, "year2") else replace(b_nth_week(m, lex, t), year=int(m.group("year2")))),
    Rule("pos_unit", r"(?:(?:aan|tegen|in)\s+)?(?:het\s+)?(?P<pos>begin|eind|einde|midden|later|eerder|vroeg|laat|start)\s+(?:van|in|op)\s+(?:de|het)\s+(?P<unit>dag|week|maand|jaar|ochtend|middag|avond)", b_pos_unit),
    Rule("part_phrase", r"(?:in|tijdens|gedurende)\s+de\s+(?:vroege\s+|late\s+)?(?P<part>ochtend|voormiddag|middag|namiddag|avond|nacht)", b_part_phrase),
    # vague references
    Rule("vague", r"(?P<v>{VAGUE})", b_vague),
]


def b_quarter_q(m, lex, text):
    q = int(m.group("q"))
    y = m.group("year") or m.group("year2")
    return Sem("date", quarter=q, year=int(y) if y else None)


def compile_rules(lex: Optional[Lexicon] = None) -> list[Rule]:
    lex = lex or load()
    classes = lex.classes()
    out = []
    for r in RULES:
        pat = r.pattern
        for name, alt in classes.items():
            pat = pat.replace("{" + name + "}", alt)
        if re.search(r"\{[A-Z]+\}", pat):
            raise ValueError(f"rule {r.name}: unknown word class in {r.pattern}")
        body = pat if pat.startswith("(?<!") else r"(?<![\w-])" + pat
        out.append(replace(r, regex=re.compile(body + r"(?![\w])", re.IGNORECASE)))
    return out
