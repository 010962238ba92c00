"""The typed records that flow through the pipeline.

One `Article` object travels through every stage (as a spaCy `Doc` does): the readers
fill its text and date, the analysis fills sentences and tokens, and the later stages
add time expressions, actor mentions, events and quotes. All character offsets
(`start`, `end`) index `Article.text`, the article text as read, so `text[start:end]`
is always the span a record talks about.

`to_json()` on each record gives the fields of ../shared/eval/SCHEMA.md (and more).
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from typing import Any, Literal, Optional

Precision = Literal["year", "month", "day"]
Mode = Literal["asserted", "intended", "hypothetical", "negated", "counterfactual"]
MODES: tuple[str, ...] = ("asserted", "intended", "hypothetical", "negated", "counterfactual")


class InputProblem(ValueError):
    """A documented input error: bad file, bad line, bad date. Carries where it happened."""

    def __init__(self, reason: str, file: str = "", line: int | None = None):
        self.reason, self.file, self.line = reason, file, line
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {reason}" if where else reason)


@dataclass(frozen=True)
class DocDate:
    """A publication date that keeps its precision: a month-only date is the whole month."""

    year: int
    month: Optional[int] = None
    day: Optional[int] = None
    time: Optional[str] = None  # "HH:MM[:SS]" when a full date-time was given

    def __post_init__(self):
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year out of range: {self.year}")
        if self.month is None and self.day is not None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month out of range: {self.month}")
        if self.day is not None:
            dt.date(self.year, self.month, self.day)  # raises ValueError on 2025-02-30

    @property
    def precision(self) -> Precision:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def earliest(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> dt.date:
        if self.day:
            return self.earliest
        if self.month:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return dt.date(self.year, 12, 31)

    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    # An ISO date-time: the time of day, then optional seconds' fraction and UTC offset, nothing else.
    _PATTERN = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)"
                          r"(?:[.,]\d+)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?", re.IGNORECASE)

    @classmethod
    def parse(cls, value: str) -> "DocDate":
        """`YYYY`, `YYYY-MM`, `YYYY-MM-DD` or an ISO date-time; ValueError otherwise."""
        m = cls._PATTERN.fullmatch(str(value).strip())
        if not m:
            raise ValueError(f"not a date (YYYY-MM or YYYY-MM-DD): {value!r}")
        y, mo, d, t = m.groups()
        try:
            if t:
                dt.time.fromisoformat(t)  # 99:99 is no time of day
            return cls(int(y), int(mo) if mo else None, int(d) if d else None, t)
        except ValueError as exc:
            raise ValueError(f"not a valid date {value!r}: {exc}") from None

    def to_json(self) -> dict:
        return {"value": self.iso(), "precision": self.precision,
                "earliest": self.earliest.isoformat(), "latest": self.latest.isoformat()}


def iso_day(value: object) -> Optional[dt.date]:
    """The day of an ISO date or date-time string (an interval end such as `earliest`), or None
    for a missing or malformed one (the raw value stays in the JSON layers)."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@dataclass
class Token:
    """One word as Frog analysed it. `i` is the index in the article, `head` the article
    index of the syntactic head (None for a root or where the parser was skipped)."""

    i: int
    text: str
    start: int
    end: int
    sent: int
    lemma: str = ""
    pos: str = ""           # full CGN tag, e.g. "WW(pv,tgw,ev)"
    ner: str = "O"          # BIO tag, e.g. "B-LOC"
    chunk: str = "O"        # BIO chunk tag, e.g. "B-NP"
    head: Optional[int] = None
    rel: str = ""           # dependency relation (su, obj1, vc, mod, ...); "mwp" for later words of a multiword unit
    mwu: Optional[int] = None  # article index of the first word of the multiword unit Frog joined this word into

    @property
    def tag(self) -> str:
        """The coarse POS: WW, N, SPEC, ADJ, VZ, ..."""
        return self.pos.split("(", 1)[0]

    @property
    def features(self) -> tuple[str, ...]:
        inner = self.pos[len(self.tag) + 1:-1] if "(" in self.pos else ""
        return tuple(f for f in inner.split(",") if f)


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int
    first_token: int      # article index of the first token
    last_token: int       # article index one past the last token
    parsed: bool = True   # False where the dependency parser was skipped


@dataclass
class Timex:
    """A TIMEX3 time expression with the day interval it can refer to."""

    text: str
    start: int
    end: int
    type: str                      # DATE, TIME, DURATION, SET
    value: str                     # TIMEX3 value: 2022-02-24, 2025-02, P30D, PRESENT_REF, ...
    mod: Optional[str] = None      # START, MID, END, BEFORE, AFTER, MORE_THAN, LESS_THAN, APPROX
    earliest: Optional[str] = None  # ISO day, for DATE and TIME
    latest: Optional[str] = None
    sent: Optional[int] = None
    tid: str = ""
    anchor: Optional[str] = None   # tid of the expression this one is anchored on
    rule: str = ""                 # the grammar rule that found it (for debugging and evaluation)

    def to_json(self, doc: str) -> dict:
        d = {"doc": doc, "text": self.text, "start": self.start, "end": self.end,
             "type": self.type, "value": self.value}
        for k in ("mod", "earliest", "latest", "sent", "tid", "anchor", "rule"):
            v = getattr(self, k)
            if v not in (None, ""):
                d[k] = v
        return d


@dataclass
class ActorRef:
    """An actor as an event or quote names it."""

    text: str
    code: Optional[str] = None       # CAMEO actor code, e.g. USAGOV, RUSMIL, IGOUNO
    country: Optional[str] = None    # ISO alpha-3, or IGO / EUR style international code
    role: Optional[str] = None       # CAMEO agent code: GOV, MIL, ...
    person: Optional[str] = None     # canonical name of a known person
    start: Optional[int] = None
    end: Optional[int] = None

    def to_json(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v is not None}


@dataclass
class ActorMention(ActorRef):
    """An actor mentioned in the text, as the resolver found it."""

    sent: Optional[int] = None
    tokens: tuple[int, int] = (0, 0)  # article token range [first, last)
    kind: str = ""                    # country, metonym, igo, person, role, party, demonym, adjective ...
    entity: Optional[str] = None      # the knowledge-base id it resolved to
    chain: Optional[int] = None       # coreference chain within the article

    def ref(self) -> ActorRef:
        return ActorRef(self.text, self.code, self.country, self.role, self.person, self.start, self.end)

    def to_json(self, doc: str | None = None) -> dict:
        d = {k: v for k, v in asdict(self).items() if v is not None}
        d["tokens"] = list(self.tokens)
        if doc is not None:
            d = {"doc": doc, **d}
        return d


@dataclass
class Span:
    start: int
    end: int
    text: str = ""
    sent: Optional[int] = None

    def to_json(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v is not None}


@dataclass
class Event:
    """A coded event: who did what to whom, when, where, how sure, and the text that proves it."""

    cameo: str
    source: Optional[ActorRef]
    target: Optional[ActorRef]
    mode: str = "asserted"
    earliest: Optional[str] = None
    latest: Optional[str] = None
    evidence: list[Span] = field(default_factory=list)   # first: the main mention
    trigger: Optional[Span] = None
    sentence: str = ""
    confidence: float = 0.5
    plover: Optional[str] = None
    goldstein: Optional[float] = None
    quadclass: Optional[int] = None
    place: Optional[dict] = None        # {"text", "country", "lat", "lon"}
    attributed_to: Optional[ActorRef] = None
    symmetric: bool = False
    timex: Optional[str] = None         # tid of the time expression that dates it
    rule: str = ""                      # lexicon entry that fired
    id: str = ""

    def to_json(self, doc: str) -> dict:
        return {
            "doc": doc, "id": self.id, "cameo": self.cameo,
            "source": self.source.to_json() if self.source else None,
            "target": self.target.to_json() if self.target else None,
            "mode": self.mode,
            "date": {"earliest": self.earliest, "latest": self.latest},
            "plover": self.plover, "goldstein": self.goldstein, "quadclass": self.quadclass,
            "confidence": round(self.confidence, 3), "symmetric": self.symmetric,
            "place": self.place,
            "attributed_to": self.attributed_to.to_json() if self.attributed_to else None,
            "evidence": [s.to_json() for s in self.evidence],
            "trigger": self.trigger.to_json() if self.trigger else None,
            "sentence": self.sentence, "timex": self.timex, "rule": self.rule,
        }


@dataclass
class Quote:
    quote: str
    start: int
    end: int
    speaker: Optional[ActorRef] = None
    direct: bool = True
    sent: Optional[int] = None
    cue: Optional[Span] = None          # the attribution words ("zei", "aldus", "volgens")
    events: list[str] = field(default_factory=list)  # ids of the events inside
    id: str = ""
    parts: list[Span] = field(default_factory=list)  # the pieces of a quote interrupted by its attribution or paragraphs
    rule: str = ""                      # the attribution pattern that found the speaker

    def to_json(self, doc: str) -> dict:
        sp = self.speaker
        d = {"doc": doc, "id": self.id, "quote": self.quote, "start": self.start, "end": self.end,
             "speaker": ({"name": sp.person or sp.text, **sp.to_json()} if sp else None),
             "direct": self.direct, "sent": self.sent,
             "cue": self.cue.to_json() if self.cue else None, "events": list(self.events)}
        if self.parts:
            d["parts"] = [p.to_json() for p in self.parts]
        if self.rule:
            d["rule"] = self.rule
        return d


@dataclass
class Article:
    """The document object. Readers make it; pipeline components add layers to it."""

    id: str
    date: DocDate
    text: str
    title: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None
    origin: str = ""                  # file the article was read from
    line: Optional[int] = None        # line in that file (JSON Lines, WARC record number)
    text_offset: int = 0              # where `text` starts in the file (text format)
    lang: str = "nl"
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        import hashlib
        key = f"{self.date.iso()}\n{self.title or ''}\n{self.text}"
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]

    def sentence_tokens(self, s: Sentence | int) -> list[Token]:
        if isinstance(s, int):
            s = self.sentences[s]
        return self.tokens[s.first_token:s.last_token]

    def sentence_text(self, s: Sentence | int) -> str:
        if isinstance(s, int):
            s = self.sentences[s]
        return self.text[s.start:s.end]

    def sentence_at(self, offset: int) -> Optional[Sentence]:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None

    def to_json(self, with_tokens: bool = True) -> dict:
        d = {"id": self.id, "date": self.date.to_json(), "title": self.title, "url": self.url,
             "source": self.source, "origin": self.origin, "line": self.line, "lang": self.lang,
             "hash": self.content_hash, "text": self.text,
             "paragraphs": [list(p) for p in self.paragraphs]}
        if self.meta:  # notes on how it was read and analysed: encoding, unanalysed spans, a layer's failure
            d["meta"] = self.meta
        if with_tokens:
            d["sentences"] = [
                {"index": s.index, "start": s.start, "end": s.end, "paragraph": s.paragraph,
                 "parsed": s.parsed,
                 "tokens": [{"i": t.i, "text": t.text, "start": t.start, "end": t.end,
                             "lemma": t.lemma, "pos": t.pos, "ner": t.ner, "chunk": t.chunk,
                             "head": t.head, "rel": t.rel, **({"mwu": t.mwu} if t.mwu is not None else {})}
                            for t in self.sentence_tokens(s)]}
                for s in self.sentences]
        return d


@dataclass
class InputError:
    """One input that could not be read or processed; written to errors.jsonl."""

    file: str
    reason: str
    line: Optional[int] = None
    doc: Optional[str] = None
    stage: str = "read"

    def to_json(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v is not None}

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.reason}"


def article_from_json(d: dict) -> Article:
    """Rebuild an analysed Article from its `to_json()` form (articles.jsonl): text, date,
    sentences and tokens. Later layers are recomputed by the pipeline, not read back."""
    a = Article(id=d["id"], date=DocDate.parse(d["date"]["value"] if isinstance(d["date"], dict) else d["date"]),
                text=d["text"], title=d.get("title"), url=d.get("url"), source=d.get("source"),
                origin=d.get("origin") or "", line=d.get("line"), lang=d.get("lang") or "nl",
                paragraphs=[tuple(p) for p in d.get("paragraphs") or []])
    for s in d.get("sentences") or []:
        first = len(a.tokens)
        for t in s["tokens"]:
            a.tokens.append(Token(i=t["i"], text=t["text"], start=t["start"], end=t["end"], sent=s["index"],
                                  lemma=t.get("lemma", ""), pos=t.get("pos", ""), ner=t.get("ner", "O"),
                                  chunk=t.get("chunk", "O"), head=t.get("head"), rel=t.get("rel", ""),
                                  mwu=t.get("mwu")))
        a.sentences.append(Sentence(index=s["index"], start=s["start"], end=s["end"], paragraph=s["paragraph"],
                                    first_token=first, last_token=len(a.tokens), parsed=s.get("parsed", True)))
    return a
