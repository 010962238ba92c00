"""The questions users ask of a store: events with filters, timelines, dyads, actors, articles.

Every function takes a `Store` and returns plain dicts and lists (dates as `datetime.date`),
which the command line, the HTTP API and the exports all format in their own way.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from typing import Any, Optional, Sequence

from .db import Store

QUADCLASS_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
SIDES = ("source", "target", "either")
BUCKETS = ("day", "week", "month", "quarter", "year")


@dataclass
class EventFilter:
    """Filters on events; every field is optional and they combine with AND.

    Actor values match a CAMEO actor code by prefix (`USA` matches `USAGOV`), a country code
    exactly, or a person's or actor's name (case ignored). Date ranges are inclusive ISO days:
    `since`/`until` test the event's interval for overlap, `article_since`/`article_until`
    the article's publication date.
    """

    actor: Optional[str] = None          # as source or target
    source: Optional[str] = None
    target: Optional[str] = None
    dyad: Optional[tuple[str, str]] = None
    directed: bool = False               # dyad A B: only A as source and B as target
    cameo: list[str] = field(default_factory=list)       # code prefixes: 07, 072, 0721
    root: list[str] = field(default_factory=list)        # two-digit root codes
    plover: list[str] = field(default_factory=list)
    quadclass: list[int] = field(default_factory=list)
    mode: list[str] = field(default_factory=list)
    since: Optional[str] = None
    until: Optional[str] = None
    article_since: Optional[str] = None
    article_until: Optional[str] = None
    text: Optional[str] = None           # free text in the sentence, evidence, actors or title
    article: Optional[str] = None        # one article id
    min_confidence: Optional[float] = None

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) in (None, [], False) for f in fields(self))


def _escape_like(value: str) -> str:
    """A user's value as literal text inside LIKE (with ESCAPE '\\'): % and _ are not wildcards."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _actor_clause(prefix: str, value: str, params: list) -> str:
    """A value in capitals (USA, USAGOV, IGOUNO) is a code: code prefix or country. Anything
    else may also be a name and is compared with names too (case ignored): part of a person's
    name (Trump → Donald Trump) or the whole text that named the actor (Rusland)."""
    v = value.strip()
    params.extend([v.upper(), v.upper()])
    clause = f"starts_with({prefix}_code, ?) OR {prefix}_country = ?"   # faster than LIKE, and no wildcards
    if not (v.isupper() and " " not in v):
        exact = _escape_like(v)
        params.extend([f"%{exact}%", exact])   # a person by part of the name (Trump), an actor by its text
        clause += f" OR {prefix}_person ILIKE ? ESCAPE '\\' OR {prefix}_text ILIKE ? ESCAPE '\\'"
    return f"({clause})"


def _either(value: str, params: list) -> str:
    return f"({_actor_clause('src', value, params)} OR {_actor_clause('tgt', value, params)})"


def _date(value: Optional[str], name: str) -> Optional[dt.date]:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        v = str(value)
        if len(v) == 7:       # a month: its first day (since) — `until` is widened below
            v += "-01"
        elif len(v) == 4:
            v += "-01-01"
        return dt.date.fromisoformat(v)
    except ValueError:
        raise ValueError(f"{name}: not a date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}") from None


def _until(value: Optional[str], name: str) -> Optional[dt.date]:
    """The last day an `until` value names: `2025-03` is until 2025-03-31."""
    d = _date(value, name)
    if d is None:
        return None
    v = str(value)
    if len(v) == 4:
        return dt.date(d.year, 12, 31)
    if len(v) == 7:
        nxt = dt.date(d.year + d.month // 12, d.month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return d


def where(f: EventFilter) -> tuple[str, list]:
    """The SQL condition on `events` for a filter, with its parameters."""
    conds: list[str] = []
    params: list[Any] = []
    if f.actor:
        conds.append(_either(f.actor, params))
    if f.source:
        conds.append(_actor_clause("src", f.source, params))
    if f.target:
        conds.append(_actor_clause("tgt", f.target, params))
    if f.dyad:
        a, b = f.dyad
        ab = f"({_actor_clause('src', a, params)} AND {_actor_clause('tgt', b, params)})"
        if f.directed:
            conds.append(ab)
        else:
            ba = f"({_actor_clause('src', b, params)} AND {_actor_clause('tgt', a, params)})"
            conds.append(f"({ab} OR {ba})")
    if f.cameo:
        conds.append("(" + " OR ".join("starts_with(cameo, ?)" for _ in f.cameo) + ")")
        params.extend(c.strip() for c in f.cameo)
    if f.root:
        conds.append("root IN (SELECT unnest(?))")
        params.append([r.strip().zfill(2) for r in f.root])
    if f.plover:
        conds.append("upper(plover) IN (SELECT unnest(?))")
        params.append([p.strip().upper() for p in f.plover])
    if f.quadclass:
        conds.append("quadclass IN (SELECT unnest(?))")
        params.append([int(q) for q in f.quadclass])
    if f.mode:
        conds.append("mode IN (SELECT unnest(?))")
        params.append([m.strip().lower() for m in f.mode])
    if (d := _date(f.since, "since")) is not None:
        conds.append("last_day >= ?")
        params.append(d)
    if (d := _until(f.until, "until")) is not None:
        conds.append("day <= ?")
        params.append(d)
    if (d := _date(f.article_since, "article_since")) is not None:
        conds.append("article_latest >= ?")
        params.append(d)
    if (d := _until(f.article_until, "article_until")) is not None:
        conds.append("article_earliest <= ?")
        params.append(d)
    if f.text:
        like = f"%{_escape_like(f.text)}%"
        conds.append("(" + " OR ".join(f"{c} ILIKE ? ESCAPE '\\'" for c in (
            "sentence", "evidence_text", "src_text", "tgt_text", "src_person", "tgt_person")) +
            " OR article_id IN (SELECT id FROM articles WHERE title ILIKE ? ESCAPE '\\'))")
        params.extend([like] * 7)
    if f.article:
        conds.append("article_id = ?")
        params.append(f.article)
    if f.min_confidence is not None:
        conds.append("confidence >= ?")
        params.append(float(f.min_confidence))
    return (" AND ".join(conds) if conds else "TRUE"), params


EVENT_COLUMNS = (
    "gid", "article_id", "event_id", "day", "last_day", "earliest", "latest", "cameo", "root", "plover", "goldstein",
    "quadclass", "mode", "confidence", "symmetric",
    "src_text", "src_code", "src_country", "src_role", "src_person", "src_start", "src_end",
    "tgt_text", "tgt_code", "tgt_country", "tgt_role", "tgt_person", "tgt_start", "tgt_end",
    "attr_text", "attr_code", "attr_country", "attr_person",
    "place_text", "place_country", "place_lat", "place_lon", "place",
    "trigger_start", "trigger_end", "trigger_text", "evidence_start", "evidence_end", "evidence_text",
    "sent", "lead", "sentence", "timex", "rule", "article_earliest", "article_latest",
)
SELECT_EVENT = ", ".join(f'"{c}"' for c in EVENT_COLUMNS)
ORDERS = {
    "date": "day, article_id, seq",
    "-date": "day DESC, article_id, seq",
    "article": "article_id, seq",
    "goldstein": "goldstein NULLS LAST, day, article_id, seq",     # every order ends on a unique key,
    "-goldstein": "goldstein DESC NULLS LAST, day, article_id, seq",  # so pages never overlap
    "confidence": "confidence DESC NULLS LAST, day, article_id, seq",
}


def events(store: Store, f: EventFilter | None = None, limit: Optional[int] = 100, offset: int = 0,
           order: str = "date", count: bool = True) -> dict:
    """Events matching `f` as flat rows plus the article's title and url, one page at a time:
    {"total", "limit", "offset", "items"} (total is None when `count` is False)."""
    f = f or EventFilter()
    if order not in ORDERS:
        raise ValueError(f"order must be one of {', '.join(ORDERS)}")
    with store.snapshot() as snap:   # the page and its total from one state of the store
        return _events(snap, f, limit, offset, order, count)


def _events(store, f: EventFilter, limit: Optional[int], offset: int, order: str, count: bool) -> dict:
    cond, params = where(f)
    cols = SELECT_EVENT
    join = (f"SELECT e.* EXCLUDE (seq), a.title AS article_title, a.url AS article_url, "
            f"a.date_value AS article_date, a.ingested_at AS article_ingested_at "
            f"FROM e LEFT JOIN articles a ON a.id = e.article_id ORDER BY {ORDERS[order]}")
    if limit is None or limit > 2000 or f.article:   # exports and one article's events: read straight
        page = "" if limit is None else f" ORDER BY {ORDERS[order]} LIMIT {int(limit)} OFFSET {int(offset)}"
        items = store.query(f"WITH e AS (SELECT {cols}, seq FROM events WHERE {cond}{page}) {join}", params)
    else:
        # Two steps: the page's event numbers, reading only the filtered and sorted columns;
        # then all columns of just those events through the index on gid (reading every
        # column of every match, or of scattered row ids, is several times slower).
        gids = [r["gid"] for r in store.query(
            f"SELECT gid FROM events WHERE {cond} ORDER BY {ORDERS[order]} LIMIT {int(limit)} OFFSET {int(offset)}",
            params)]
        items = []
        if gids:
            listed = ", ".join(str(int(g)) for g in gids)   # numbers from the store itself
            rows = store.query(f"SELECT {cols} FROM events WHERE gid IN ({listed})")
            # the page's articles by their primary key (cheaper than a join that scans them all)
            arts = {a["id"]: a for a in store.query(
                "SELECT id, title, url, date_value, ingested_at FROM articles WHERE id IN (SELECT unnest(?))",
                [sorted({r["article_id"] for r in rows})])}
            rank = {g: i for i, g in enumerate(gids)}
            for r in sorted(rows, key=lambda r: rank[r["gid"]]):
                a = arts.get(r["article_id"], {})
                r.update(article_title=a.get("title"), article_url=a.get("url"), article_date=a.get("date_value"),
                         article_ingested_at=a.get("ingested_at"))
                items.append(r)
    total = store.scalar(f"SELECT count(*) FROM events WHERE {cond}", params) if count else None
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def iter_events(store: Store, f: EventFilter | None = None, order: str = "date", batch: int = 10_000,
                with_spans: bool = False):
    """All matching events in order, streamed from one query over one snapshot (for exports);
    `with_spans` adds `evidence_spans`, the list of all evidence spans of each event."""
    cond, params = where(f or EventFilter())
    spans_col, spans_join = "", ""
    if with_spans:
        spans_col = ", coalesce(v.spans, []) AS evidence_spans"
        spans_join = ("LEFT JOIN (SELECT gid, list({'start': start, 'end': \"end\", 'text': text, 'sent': sent} "
                      "ORDER BY idx) AS spans FROM evidence GROUP BY gid) v ON v.gid = e.gid ")
    sql = (f"WITH e AS (SELECT {SELECT_EVENT}, seq FROM events WHERE {cond}) "
           f"SELECT e.* EXCLUDE (seq), a.title AS article_title, a.url AS article_url, "
           f"a.date_value AS article_date, a.ingested_at AS article_ingested_at{spans_col} "
           f"FROM e LEFT JOIN articles a ON a.id = e.article_id {spans_join}ORDER BY {ORDERS[order]}")
    with store.snapshot() as snap:
        yield from snap.stream(sql, params, batch)


def event_detail(store: Store, gid: int) -> Optional[dict]:
    """One event with all its evidence spans and the quotes that carry it."""
    with store.snapshot() as snap:
        return _event_detail(snap, gid)


def _event_detail(store, gid: int) -> Optional[dict]:
    rows = store.query(f"SELECT {SELECT_EVENT} FROM events WHERE gid = ?", [int(gid)])
    if not rows:
        return None
    e = rows[0]
    e["evidence"] = store.query('SELECT idx, start, "end", text, sent FROM evidence WHERE gid = ? ORDER BY idx',
                                [int(gid)])
    art = store.query("SELECT id, title, url, date_value, source FROM articles WHERE id = ?", [e["article_id"]])
    e["article"] = art[0] if art else None
    e["quotes"] = event_quotes(store, e)
    return e


def event_quotes(store: Store, e: dict) -> list[dict]:
    """Quotes that name the event, or that overlap its main evidence (the event is said in them)."""
    return store.query(
        'SELECT quote_id, quote, start, "end", direct, speaker_text, speaker_code, speaker_country, '
        'speaker_person, speaker_start, speaker_end, cue_text FROM quotes WHERE article_id = ? AND '
        '(list_contains(events, ?) OR (? IS NOT NULL AND start < ? AND "end" > ?)) ORDER BY seq',
        [e["article_id"], e["event_id"], e["evidence_start"], e["evidence_end"], e["evidence_start"]])


def timeline(store: Store, f: EventFilter | None = None, limit: Optional[int] = 200, offset: int = 0) -> dict:
    """Events in the order they happened (earliest possible day, then article order)."""
    return events(store, f, limit=limit, offset=offset, order="date")


def _bucket_start(d: dt.date, by: str) -> dt.date:
    if by == "day":
        return d
    if by == "week":
        return d - dt.timedelta(days=d.weekday())
    if by == "month":
        return d.replace(day=1)
    if by == "quarter":
        return dt.date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)
    return dt.date(d.year, 1, 1)


def _next_bucket(d: dt.date, by: str) -> dt.date:
    if by == "day":
        return d + dt.timedelta(days=1)
    if by == "week":
        return d + dt.timedelta(days=7)
    months = {"month": 1, "quarter": 3, "year": 12}[by]
    m = d.month - 1 + months
    return dt.date(d.year + m // 12, m % 12 + 1, 1)


ANCHORS = {  # which day of an event's possible interval a time series counts it on
    "earliest": "day",
    "middle": "day + CAST((last_day - day) / 2 AS INTEGER)",
    "latest": "last_day",
}


def dyad(store: Store, a: str, b: str, by: str = "week", directed: bool = False,
         f: EventFilter | None = None, fill: bool = True, anchor: str = "earliest") -> dict:
    """Counts per QuadClass and Goldstein sums per period for events between actors A and B.

    An event is counted in the period of its earliest possible day (or the middle or last
    one, `anchor`); `imprecise` counts the events whose date interval is wider than the
    period, so a chart can say how much of a bar rests on vague dates. Without a `mode`
    filter only asserted events are counted: an announced or denied attack is not an attack.
    """
    if by not in BUCKETS:
        raise ValueError(f"by must be one of {', '.join(BUCKETS)}")
    if anchor not in ANCHORS:
        raise ValueError(f"anchor must be one of {', '.join(ANCHORS)}")
    f = EventFilter(**{k.name: getattr(f, k.name) for k in fields(EventFilter)}) if f else EventFilter()
    f.dyad, f.directed = (a, b), directed
    if not f.mode:
        f.mode = ["asserted"]
    cond, params = where(f)
    width = {"day": 1, "week": 7, "month": 31, "quarter": 92, "year": 366}[by]
    ab_params: list = []
    ab = _actor_clause("src", a, ab_params)
    sql = f"""
        SELECT date_trunc('{by}', {ANCHORS[anchor]})::DATE AS period,
               count(*) AS events,
               count(*) FILTER (WHERE quadclass = 1) AS q1,
               count(*) FILTER (WHERE quadclass = 2) AS q2,
               count(*) FILTER (WHERE quadclass = 3) AS q3,
               count(*) FILTER (WHERE quadclass = 4) AS q4,
               coalesce(sum(goldstein), 0) AS goldstein,
               coalesce(sum(goldstein) FILTER (WHERE goldstein > 0), 0) AS goldstein_cooperation,
               coalesce(sum(goldstein) FILTER (WHERE goldstein < 0), 0) AS goldstein_conflict,
               count(*) FILTER (WHERE {ab}) AS a_to_b,
               count(*) FILTER (WHERE date_diff('day', coalesce(earliest, day), coalesce(latest, day)) >= {width})
                   AS imprecise
        FROM events WHERE {cond} GROUP BY period ORDER BY period"""
    rows = store.query(sql, ab_params + params)
    for r in rows:
        r["b_to_a"] = r["events"] - r["a_to_b"]
        r["goldstein_mean"] = round(r["goldstein"] / r["events"], 3) if r["events"] else None
        r["goldstein"] = round(r["goldstein"], 3)
        r["goldstein_cooperation"] = round(r["goldstein_cooperation"], 3)
        r["goldstein_conflict"] = round(r["goldstein_conflict"], 3)
    if fill and rows and len(rows) < 5000:
        rows = _fill(rows, by)
    return {"a": a, "b": b, "by": by, "directed": directed, "anchor": anchor, "modes": f.mode, "periods": rows,
            "totals": {k: sum(r[k] for r in rows) for k in ("events", "q1", "q2", "q3", "q4", "a_to_b", "b_to_a")}
            | {"goldstein": round(sum(r["goldstein"] for r in rows), 3)}}


def _fill(rows: list[dict], by: str) -> list[dict]:
    """Insert empty periods so that a chart's time axis has no silent gaps."""
    have = {r["period"]: r for r in rows}
    out, d, last = [], _bucket_start(rows[0]["period"], by), rows[-1]["period"]
    while d <= last and len(out) < 10_000:
        out.append(have.get(d) or {"period": d, "events": 0, "q1": 0, "q2": 0, "q3": 0, "q4": 0, "goldstein": 0.0,
                                   "goldstein_cooperation": 0.0, "goldstein_conflict": 0.0, "a_to_b": 0,
                                   "imprecise": 0, "b_to_a": 0, "goldstein_mean": None})
        d = _next_bucket(d, by)
    return out


def actors(store: Store, f: EventFilter | None = None, limit: Optional[int] = 100, offset: int = 0,
           search: Optional[str] = None) -> dict:
    """Actors in events (by CAMEO code, or country, and person), with how often they act and are acted on."""
    cond, params = where(f or EventFilter())
    role_rows = " UNION ALL ".join(
        f"SELECT coalesce({p}_code, {p}_country) AS actor, {p}_code AS code, {p}_country AS country, "
        f"{p}_person AS person, coalesce({p}_person, {p}_text) AS name, {int(p == 'src')} AS s, "
        f"{int(p == 'tgt')} AS t, goldstein, day FROM events WHERE {cond} "
        f"AND coalesce({p}_code, {p}_country) IS NOT NULL"
        for p in ("src", "tgt"))
    having, hparams = "", []
    if search:
        having = ("HAVING actor ILIKE ? ESCAPE '\\' OR any_value(person) ILIKE ? ESCAPE '\\' "
                  "OR bool_or(name ILIKE ? ESCAPE '\\')")
        hparams = [f"%{_escape_like(search)}%"] * 3
    sql = f"""
        SELECT actor, any_value(code) AS code, any_value(country) AS country, person,
               mode(name) AS name, count(*) AS events, sum(s) AS as_source, sum(t) AS as_target,
               round(avg(goldstein), 2) AS goldstein_mean, min(day) AS first, max(day) AS last,
               count(*) OVER () AS total
        FROM ({role_rows}) r GROUP BY actor, person {having}
        ORDER BY events DESC, actor, person"""
    page = "" if limit is None else f" LIMIT {int(limit)} OFFSET {int(offset)}"
    allp = params + params + hparams
    items = store.query(sql + page, allp)
    if items:
        total = items[0]["total"]
    else:  # an empty page: past the end, or nothing at all
        total = store.scalar(f"SELECT count(*) FROM ({sql})", allp) if offset else 0
    for r in items:
        del r["total"]
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def list_articles(store: Store, limit: int = 100, offset: int = 0, search: Optional[str] = None) -> dict:
    with store.snapshot() as snap:
        return _list_articles(snap, limit, offset, search)


def _list_articles(store, limit: int, offset: int, search: Optional[str]) -> dict:
    cond, params = "TRUE", []
    if search:
        cond = "(" + " OR ".join(f"{c} ILIKE ? ESCAPE '\\'" for c in ("title", "id", "text")) + ")"
        params = [f"%{_escape_like(search)}%"] * 3
    # Count events and quotes for the page's articles only (not for the whole store).
    items = store.query(
        f"WITH p AS (SELECT id, title, url, source, date_value AS date, date_precision, date_earliest "
        f"FROM articles WHERE {cond} ORDER BY date_earliest DESC, id LIMIT {int(limit)} OFFSET {int(offset)}), "
        f"ev AS (SELECT article_id, count(*) AS n FROM events WHERE article_id IN (SELECT id FROM p) GROUP BY 1), "
        f"qu AS (SELECT article_id, count(*) AS n FROM quotes WHERE article_id IN (SELECT id FROM p) GROUP BY 1) "
        f"SELECT p.* EXCLUDE (date_earliest), coalesce(ev.n, 0) AS events, coalesce(qu.n, 0) AS quotes "
        f"FROM p LEFT JOIN ev ON ev.article_id = p.id LEFT JOIN qu ON qu.article_id = p.id "
        f"ORDER BY p.date_earliest DESC, p.id", params)
    total = store.scalar(f"SELECT count(*) FROM articles WHERE {cond}", params)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def segments(text: str, marks: Sequence[dict]) -> list[dict]:
    """Cut `text` at every mark boundary: [{"start", "end", "text", "marks": [mark indexes]}].
    Overlapping and nested marks are fine; a renderer escapes each segment's text and styles
    it by the kinds of its marks."""
    cuts = {0, len(text)}
    for m in marks:
        s, e = max(0, min(len(text), m["start"])), max(0, min(len(text), m["end"]))
        if s < e:
            cuts.update((s, e))
    points = sorted(cuts)
    out = []
    for s, e in zip(points, points[1:]):
        inside = [i for i, m in enumerate(marks) if m["start"] <= s and m["end"] >= e and m["start"] < m["end"]]
        out.append({"start": s, "end": e, "text": text[s:e], "marks": inside})
    return out


def article_detail(store: Store, article_id: str, with_segments: bool = True) -> Optional[dict]:
    """An article's text with its events, quotes, time expressions and actors, and the marks
    (character spans into the text) that show them."""
    with store.snapshot() as snap:
        return _article_detail(snap, article_id, with_segments)


def _article_detail(store, article_id: str, with_segments: bool) -> Optional[dict]:
    rows = store.query("SELECT id, hash, date_value, date_precision, date_earliest, date_latest, title, url, "
                       "source, origin, line, lang, text, paragraphs, ingested_at FROM articles WHERE id = ?",
                       [article_id])
    if not rows:
        return None
    art = rows[0]
    evs = events(store, EventFilter(article=article_id), limit=None, order="article", count=False)["items"]
    spans = store.query('SELECT gid, idx, start, "end", text, sent FROM evidence WHERE article_id = ? '
                        'ORDER BY gid, idx', [article_id])
    by_gid: dict[int, list] = {}
    for s in spans:
        by_gid.setdefault(s["gid"], []).append(s)
    quotes = store.query('SELECT * EXCLUDE (article_id) FROM quotes WHERE article_id = ? ORDER BY seq', [article_id])
    timexes = store.query('SELECT * EXCLUDE (article_id) FROM timexes WHERE article_id = ? ORDER BY start',
                          [article_id])
    mentions = store.query('SELECT * EXCLUDE (article_id) FROM actor_mentions WHERE article_id = ? ORDER BY idx',
                           [article_id])
    marks: list[dict] = []
    for e in evs:
        e["evidence"] = by_gid.get(e["gid"], [])
        for s in e["evidence"]:
            marks.append({"kind": "evidence", "start": s["start"], "end": s["end"], "event": e["gid"]})
        if e["trigger_start"] is not None:
            marks.append({"kind": "trigger", "start": e["trigger_start"], "end": e["trigger_end"], "event": e["gid"]})
    for q in quotes:
        marks.append({"kind": "quote", "start": q["start"], "end": q["end"], "quote": q["quote_id"]})
        if q["speaker_start"] is not None:
            marks.append({"kind": "speaker", "start": q["speaker_start"], "end": q["speaker_end"],
                          "quote": q["quote_id"]})
        if q["cue_start"] is not None:
            marks.append({"kind": "cue", "start": q["cue_start"], "end": q["cue_end"], "quote": q["quote_id"]})
    for t in timexes:
        marks.append({"kind": "timex", "start": t["start"], "end": t["end"], "value": t["value"]})
    for m in mentions:
        if m["start"] is not None:
            marks.append({"kind": "actor", "start": m["start"], "end": m["end"], "code": m["code"]})
    marks = [m for m in marks if m["start"] is not None and m["end"] is not None]
    art.update(events=evs, quotes=quotes, timexes=timexes, actors=mentions, marks=marks)
    if with_segments:
        art["segments"] = segments(art["text"], marks)
    return art


def facets(store: Store, f: EventFilter | None = None) -> dict:
    """How many events have each CAMEO root, PLOVER type, mode and QuadClass (for filter menus)."""
    cond, params = where(f or EventFilter())
    rows = store.query(
        f"SELECT root, plover, mode, quadclass, count(*) AS n FROM events WHERE {cond} "
        f"GROUP BY GROUPING SETS ((root), (plover), (mode), (quadclass))", params)
    out: dict[str, list] = {"root": [], "plover": [], "mode": [], "quadclass": []}
    for r in rows:
        key = next((k for k in out if r[k] is not None), None)
        if key:
            out[key].append({"value": r[key], "n": r["n"]})
    for k in out:
        out[k].sort(key=lambda d: str(d["value"]))
    return out


def stats(store: Store) -> dict:
    c = store.counts()
    span = store.query("SELECT min(day) AS first, max(day) AS last FROM events")[0]
    return {**c, **span}
