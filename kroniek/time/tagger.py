"""The temporal tagger: find Dutch time expressions in a text and normalize them.

    tag_text(text, doc_date, tokens=None, sentences=None) -> list[Timex]

Steps: (1) every grammar rule proposes matches; (2) the longest non-overlapping ones are
kept; (3) neighbours are combined: position words (`begin maart`, `eind vorige maand`,
`later deze week`), ranges (`van 3 tot 5 maart`, `tussen 2019 en 2021`), open ranges
(`sinds 2016`, `tot 14 januari`: mod ON_OR_AFTER / ON_OR_BEFORE ...) and a date with a
clock time (`morgen om 8.45`); (4) each expression is resolved in text order: anchored
ones (`een dag later`) against the last dated expression before them, the others against
the document date, with the tense of their clause deciding `zaterdag` and `24 februari`.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, replace
from typing import Callable, Optional, Sequence

from ..records import DocDate, Sentence, Timex, Token
from .grammar import ANCHOR_ONLY, Rule, Sem, compile_rules
from .lexicon import load
from .resolve import Context, Resolved, resolve
from .tense import clause_bounds, sentence_bounds, tense_from_text, tense_from_tokens


@dataclass
class Match:
    start: int          # the time expression
    end: int
    mstart: int         # everything the rule consumed (context words included)
    mend: int
    rule: str
    order: int
    sem: Sem


@functools.lru_cache(maxsize=1)
def rules() -> list[Rule]:
    return compile_rules(load())


def candidates(text: str) -> list[Match]:
    lex = load()
    out = []
    for order, rule in enumerate(rules()):
        for m in rule.regex.finditer(text):
            sem = rule.build(m, lex, text)
            if sem is None:
                continue
            if "x" in rule.regex.groupindex and m.group("x") is not None:
                s, e = m.span("x")
            else:
                s, e = m.span()
            if text[e - 1] == "." and TRAILING_DOT.search(text, s, e):
                e -= 1          # "3 maart." ends a sentence; "3 mrt." keeps its dot
            out.append(Match(s, e, m.start(), m.end(), rule.name, order, sem))
    return out


def select(cands: list[Match]) -> list[Match]:
    """Longest expression first, then the rule that needed more context, then leftmost, then rule order."""
    taken: list[Match] = []
    occupied = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), -(c.mend - c.mstart), c.order, c.mstart)):
        if any(c.mstart < e and s < c.mend for s, e in occupied):
            continue
        taken.append(c)
        occupied.append((c.mstart, c.mend))
    return sorted(taken, key=lambda c: c.start)


TRAILING_DOT = re.compile(r"(?:" + "|".join(["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                                              "september", "oktober", "november", "december", r"\d"]) + r")\.$", re.I)
VAGUE_VALUES = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}
DATEISH = {"date", "rel", "holiday", "dayword", "weekday"}
RANGE_ENDS = DATEISH | {"vague"}      # "van maart tot op heden", "tussen 22 januari en nu"
POSITION = re.compile(r"(?:(?:aan|in|tegen|vanaf|sinds|tot)\s+)?(?:het\s+|de\s+)?(?P<pos>begin|eind|einde|midden|medio|half|halverwege|later|eerder|vroeg|laat|start)(?:\s+(?:van|in))?(?:\s+(?:het|de))?\s+$", re.I)
POSITION_MOD = {"begin": "START", "vroeg": "START", "start": "START", "eind": "END", "einde": "END", "laat": "END",
                "midden": "MID", "medio": "MID", "half": "MID", "halverwege": "MID",
                "later": "LATER", "eerder": "EARLIER"}
RANGE_GAP = re.compile(r"\s*(?:tot\s+en\s+met|tot(?:\s+aan)?|t/m|-|–|—|tot\s+het|tot\s+de)\s*(?:het\s+|de\s+)?$", re.I)
RANGE_START = re.compile(r"(?:van|vanaf|tussen|sinds)\s+(?:het\s+|de\s+)?$", re.I)
OPEN = re.compile(r"(?P<w>rond|omstreeks|circa|ongeveer|sinds|sedert|vanaf|vanuit|tot\s+en\s+met|tot|t/m|uiterlijk|voor|vóór|na|tegen|niet\s+later\s+dan|ten\s+laatste)\s+(?:het\s+|de\s+)?$", re.I)
OPEN_MOD = {"rond": "APPROX", "omstreeks": "APPROX", "circa": "APPROX", "ongeveer": "APPROX", "sinds": "ON_OR_AFTER", "sedert": "ON_OR_AFTER", "vanaf": "ON_OR_AFTER", "vanuit": "ON_OR_AFTER",
            "tot": "BEFORE", "tot en met": "ON_OR_BEFORE", "t/m": "ON_OR_BEFORE", "uiterlijk": "ON_OR_BEFORE",
            "voor": "BEFORE", "vóór": "BEFORE", "na": "AFTER", "tegen": "ON_OR_BEFORE",
            "niet later dan": "ON_OR_BEFORE", "ten laatste": "ON_OR_BEFORE"}
DEIC_BEFORE = re.compile(r"(volgende|komende|aanstaande|eerstvolgende|eropvolgende|daaropvolgende|vorige|afgelopen|voorbije|verleden)\s+$", re.I)
SHIFT_GAP = re.compile(r"\s*(?P<w>na|vanaf|voor|vóór|gerekend\s+vanaf|later\s+dan|eerder\s+dan|sinds)\s+(?:de\s+|het\s+)?", re.I)
TIME_GAP = re.compile(r"^\s*,?\s*(?:om|rond|tegen|vanaf|van|later\s+dan)?\s*$", re.I)
TIME_DATE_GAP = re.compile(r"^\s*,?\s*(?:op\s+)?$", re.I)


def prefix(pattern: re.Pattern, text: str, m: Match) -> Optional[re.Match]:
    """`pattern` (anchored at its end with $) right before the expression of `m`."""
    return pattern.search(text, max(0, m.start - 40), m.start)


def merge(a: Match, b: Match, sem: Sem, rule: str, start: Optional[int] = None) -> Match:
    s = a.start if start is None else start
    return Match(s, b.end, min(a.mstart, s), b.mend, rule, a.order, sem)


def each(ms: list[Match], step: Callable[[Match, list[Match]], Match]) -> list[Match]:
    """One pass over the matches: `step(m, kept)` gives what stands in place of `m`, knowing
    the matches kept before it."""
    out: list[Match] = []
    for m in ms:
        out.append(step(m, out))
    return out


def pairs(ms: list[Match], join: Callable[[Match, Match], Optional[Match]]) -> list[Match]:
    """One pass over neighbours: `join(a, b)` gives one match for the two, or None to keep `a`
    as it is and go on with `b`."""
    out: list[Match] = []
    i = 0
    while i < len(ms):
        joined = join(ms[i], ms[i + 1]) if i + 1 < len(ms) else None
        if joined is not None:
            out.append(joined)
            i += 2
        else:
            out.append(ms[i])
            i += 1
    return out


def combine(text: str, ms: list[Match]) -> list[Match]:
    # position words before a period: "begin maart", "eind vorige maand", "later deze week"
    def position(m: Match, kept: list[Match]) -> Match:
        if m.sem.kind in ("date", "rel") and m.sem.day is None and m.sem.weekday is None:
            p = prefix(POSITION, text, m)
            prev_end = kept[-1].end if kept else 0
            if p and p.start() >= prev_end and not (m.sem.kind == "date" and m.sem.month and p.group("pos").lower() in ("later", "eerder")):
                mod = POSITION_MOD[p.group("pos").lower()]
                m = replace(m, start=p.start("pos"), mstart=min(m.mstart, p.start("pos")), sem=replace(m.sem, mod=mod), rule=m.rule + "+pos")
        return m

    # "november vorig jaar", "3 maart dit jaar", "eind juni van vorig jaar": one date
    def year(a: Match, b: Match) -> Optional[Match]:
        if a.sem.kind == "date" and a.sem.year is None and (a.sem.month or a.sem.season or a.sem.quarter) \
                and a.sem.deic is None and b.sem.kind == "rel" and b.sem.unit == "Y" and b.sem.mod is None \
                and re.fullmatch(r"\s*(?:van\s+)?", text[a.end:b.start]):
            return merge(a, b, replace(a.sem, year_rel=b.sem.deic or 0), a.rule + "+year")
        return None

    # a deictic word before a year-less date: "volgende 6e april", "aanstaande Pasen"
    def deictic(m: Match, kept: list[Match]) -> Match:
        if m.sem.kind in ("date", "holiday") and m.sem.year is None and m.sem.deic is None and m.sem.decade is None:
            dm = DEIC_BEFORE.search(text, max(0, m.mstart - 20), m.mstart)
            if dm and (not kept or dm.start() >= kept[-1].mend):
                sem = replace(m.sem, deic=-1 if dm.group(1).lower() in ("vorige", "afgelopen", "voorbije", "verleden") else 1)
                m = replace(m, sem=sem, start=dm.start(), mstart=dm.start(), rule=m.rule + "+deic")
        return m

    # "twee weken voor Kerst", "drie dagen na vandaag": a duration from another date
    def shift(a: Match, b: Match) -> Optional[Match]:
        if a.sem.kind == "duration" and a.sem.unit not in (None, "H", "MIN", "S") and a.sem.deic is None \
                and b.sem.kind in DATEISH:
            gap = SHIFT_GAP.fullmatch(text[a.end:b.mstart]) or (SHIFT_GAP.fullmatch(text[a.end:b.start]) if b.start >= a.end else None)
            if gap:
                sign = -1 if gap.group("w").lower() in ("voor", "vóór", "eerder dan") else 1
                sem = Sem("shift", n=a.sem.n, unit=a.sem.unit, deic=sign, mod=a.sem.mod, date=b.sem)
                return merge(a, b, sem, "shift_from")
        return None

    # ranges between two dates
    def date_range(a: Match, b: Match) -> Optional[Match]:
        gap = text[a.end:b.start] if b.start >= a.end else text[a.end:b.mstart]
        before = text[max(0, a.start - 12):a.start]
        starter = RANGE_START.search(before)
        ok_kinds = (a.sem.kind in RANGE_ENDS and b.sem.kind in RANGE_ENDS
                    and all(x.sem.kind != "vague" or x.sem.value == "PRESENT_REF" for x in (a, b))
                    and not (a.sem.kind == "vague" and b.sem.kind == "vague")) or (a.sem.kind == "time" and b.sem.kind == "time")
        # "van maart tot op heden": the "tot" is inside the second expression
        to_now = b.sem.kind == "vague" and text[b.start:b.end].lower().startswith("tot ") and not gap.strip()
        is_range = ok_kinds and (RANGE_GAP.fullmatch(gap) or to_now or (starter and starter.group(0).lower().startswith("tussen") and re.fullmatch(r"\s+en\s+(?:het\s+|de\s+)?", gap)))
        if is_range:
            s = starter.start() + max(0, a.start - 12) if starter else a.start
            rs = Sem("range", start=a.sem, end=b.sem, ttype="TIME" if a.sem.kind == "time" else None)
            return merge(a, b, rs, "range", start=s)
        return None

    # open ranges: "sinds 2016", "tot 14 januari"
    def open_range(m: Match, kept: list[Match]) -> Match:
        if m.sem.kind in DATEISH and m.sem.mod is None:
            o = prefix(OPEN, text, m)
            if o and (not kept or o.start() >= kept[-1].end):
                w = re.sub(r"\s+", " ", o.group("w").lower())
                m = replace(m, sem=replace(m.sem, mod=OPEN_MOD[w]), mstart=min(m.mstart, o.start()), rule=m.rule + "+open")
        return m

    # a day with a clock time: "morgen om 8.45", "zaterdag 5.00 uur", "5.00 uur op zaterdag"
    def day_time(a: Match, b: Match) -> Optional[Match]:
        day_a = a.sem.kind in ("dayword", "weekday") or (a.sem.kind == "date" and a.sem.day) or \
            (a.sem.kind == "rel" and a.sem.weekday) or (a.sem.kind == "set" and ((a.sem.value or "").startswith("XXXX-WXX") or a.sem.value == "P1D"))
        b_time = b.sem.kind == "time" or (b.sem.kind == "range" and b.sem.start.kind == "time")
        if day_a and b_time and b.sem.date is None and TIME_GAP.fullmatch(text[a.end:b.mstart] if b.mstart >= a.end else text[a.end:b.start]):
            return merge(a, b, replace(b.sem, date=a.sem, part=b.sem.part or a.sem.part), a.rule + "+time")
        day_b = b.sem.kind in ("dayword", "weekday") or (b.sem.kind == "date" and b.sem.day)
        a_time = a.sem.kind == "time" or (a.sem.kind == "range" and a.sem.start.kind == "time")
        if a_time and a.sem.date is None and day_b and TIME_DATE_GAP.fullmatch(text[a.end:b.mstart]):
            return merge(a, b, replace(a.sem, date=b.sem), b.rule + "+time")
        return None

    # a day with a part of the day: "dinsdag in de ochtend", "3 maart 's nachts",
    # "zaterdag laat in de avond", and before it: "in de avond van 4 maart"
    def day_part(a: Match, b: Match) -> Optional[Match]:
        if is_day(a.sem) and is_part_only(b) and DAY_PART_GAP.fullmatch(text[a.end:b.mstart] if b.mstart >= a.end else ""):
            return merge(a, b, replace(a.sem, part=b.sem.part, ttype="TIME"), a.rule + "+part")
        if is_part_only(a) and is_day(b.sem) and PART_DAY_GAP.fullmatch(text[a.end:b.start] if b.start >= a.end else "x"):
            return merge(a, b, replace(b.sem, part=a.sem.part, ttype="TIME"), b.rule + "+part")
        return None

    # "wekelijks op dinsdag", "elke week op vrijdag": a weekly set on that weekday
    def weekly_on(a: Match, b: Match) -> Optional[Match]:
        if a.sem.kind == "set" and a.sem.value == "P1W" and b.sem.kind == "weekday" and b.sem.deic is None \
                and not b.sem.nextweek and re.fullmatch(r"\s+(?:op\s+)?", text[a.end:b.start] if b.start >= a.end else "x"):
            sem = Sem("set", value=f"XXXX-WXX-{b.sem.weekday}" + (f"T{b.sem.part}" if b.sem.part else ""), ttype="SET")
            return merge(a, b, sem, "set_weekly_on")
        return None

    ms = each(ms, position)
    ms = pairs(ms, year)
    ms = each(ms, deictic)
    ms = pairs(ms, shift)
    ms = pairs(ms, date_range)
    ms = each(ms, open_range)
    ms = pairs(ms, day_part)
    ms = pairs(ms, weekly_on)
    return pairs(ms, day_time)


PART_RULES = ("pod_adverb", "part_phrase", "pos_unit")
DAY_PART_GAP = re.compile(r"\s*,?\s*", re.I)
PART_DAY_GAP = re.compile(r"\s+(?:van|op)\s+", re.I)


def is_part_only(m: Match) -> bool:
    """'s avonds, in de ochtend, laat in de avond: a part of some day the text does not name."""
    return m.rule in PART_RULES and m.sem.part is not None and m.sem.kind in ("dayword", "anchored") \
        and not m.sem.n and m.sem.unit in (None, "D")


def is_day(sem: Sem) -> bool:
    """One named day without a part or clock time: 'dinsdag', 'gisteren', '4 maart'."""
    if sem.part is not None or sem.hour is not None or sem.mod is not None:
        return False
    return sem.kind in ("dayword", "weekday") or (sem.kind == "date" and bool(sem.day) and bool(sem.month or sem.weekday)) \
        or (sem.kind == "holiday")


def habitual(text: str, start: int) -> bool:
    """A habitual adverb (altijd, meestal, ...) in the clause of the expression at `start`."""
    a, b = sentence_bounds(text, start)
    ca, cb = clause_bounds(text, a, b, start)
    words = {w.lower() for w in re.findall(r"\w+", text[ca:cb])}
    return bool(words & set(load().data["habitual_adverbs"]))


def same_sentence(text: str, sentences: Optional[Sequence[Sentence]], a: int, b: int) -> bool:
    """Offsets `a` <= `b` in one sentence (Frog sentences if given, else no sentence end between)."""
    if sentences:
        sa, sb = sentence_index(sentences, max(0, a - 1)), sentence_index(sentences, b)
        return sa is not None and sa == sb
    return not SENTENCE_END.search(text, a, b)


SENTENCE_END = re.compile(r"[.!?]\s|\n")
ABBREVIATION = re.compile(r"(?<![\w.])(?:dr|drs|mr|ir|prof|mevr|dhr|st|jr|bijv|o\.a|i\.p\.v|ca|nr|blz|vs|e\.a)\.$", re.I)
RAW_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'’”)]*\s+(?=[\"'‘“(]*[A-Z0-9À-Ý])|\n\s*")


def sentence_index(sentences: Optional[Sequence[Sentence]], offset: int) -> Optional[int]:
    for s in sentences or ():
        if s.start <= offset < s.end:
            return s.index
    return None


def tag_text(text: str, doc_date: DocDate, tokens: Optional[Sequence[Token]] = None,
             sentences: Optional[Sequence[Sentence]] = None) -> list[Timex]:
    """The time expressions of `text`, normalized against `doc_date`.

    `tokens`/`sentences` (Frog analysis, optional) give the sentence index of each
    expression and the tense of its clause; without them tense is read from the raw text."""
    matches = combine(text, select(candidates(text)))
    out: list[Timex] = []
    anchor: Optional[tuple[str, Resolved, int]] = None      # tid, resolution, end offset
    # without Frog sentences, number the sentences of the raw text the same way (from 0)
    raw_starts = None if sentences else [0] + [x.end() for x in RAW_SENTENCE_END.finditer(text)
                                              if not ABBREVIATION.search(text, max(0, x.start() - 8), x.start())]
    for m in matches:
        sent = sentence_index(sentences, m.start) if sentences else bisect.bisect_right(raw_starts, m.start) - 1
        if tokens and sentences and sent is not None:
            s = next(x for x in sentences if x.index == sent)
            tense = tense_from_tokens(tokens, tokens[s.first_token:s.last_token], m.start, m.end, text)
        else:
            tense = tense_from_text(text, m.start, m.end)
        ctx = Context(doc_date, tense, anchor[1] if anchor else None)
        sem = m.sem
        if sem.value == ANCHOR_ONLY:
            continue
        if is_part_only(m) and m.rule != "pos_unit":
            same = anchor is not None and anchor[1].interval.is_day and same_sentence(text, sentences, anchor[2], m.start)
            if same:      # "Gisteren werd hij 's avonds opgepakt": the evening of that day
                sem = Sem("anchored", n=0, unit="D", deic=1, part=sem.part, ttype="TIME")
            elif tense == "present" and not (anchor is not None and same_sentence(text, sentences, anchor[2], m.start)) \
                    and (tokens or tense_from_text(text, m.start, m.end, clause_only=True, default="") == "present"):
                # "De winkels zijn 's avonds open": habitual, no one evening (a SET)
                sem = Sem("set", value=f"XXXX-XX-XXT{sem.part}", ttype="SET")
            elif m.sem.kind == "anchored":
                sem = Sem("dayword", n=0, part=sem.part, ttype="TIME")   # no day named: the reference day
        if sem.kind == "weekday" and sem.deic is None and not sem.nextweek and tense != "future" \
                and habitual(text, m.start):
            # "De winkels zijn op zondag altijd gesloten", "op zondag ging hij altijd naar
            # de kerk": every Sunday, not one
            sem = Sem("set", value=f"XXXX-WXX-{sem.weekday}" + (f"T{sem.part}" if sem.part else ""), ttype="SET")
        try:
            r = resolve(sem, ctx)
        except (ValueError, OverflowError):
            r = None
        if r is None:
            continue
        tid = f"t{len(out) + 1}"
        e, l = r.interval.iso() if r.interval is not None else (None, None)
        out.append(Timex(text=text[m.start:m.end], start=m.start, end=m.end, type="SET" if r.type == "SET" else (sem.ttype or r.type),
                         value=r.value, mod=r.mod or (m.sem.mod if m.sem.mod in ("ON_OR_AFTER", "ON_OR_BEFORE", "BEFORE", "AFTER", "APPROX") else None),
                         earliest=e, latest=l, sent=sent, tid=tid,
                         anchor=anchor[0] if (m.sem.kind == "anchored" and anchor) else None, rule=m.rule))
        if r.type in ("DATE", "TIME") and r.interval is not None and r.interval.earliest and r.interval.latest \
                and m.sem.kind not in ("vague",) and not r.value.startswith("("):
            anchor = (tid, r, m.end)
    return out
