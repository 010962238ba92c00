"""The embedded store: one DuckDB file holding articles and every layer the pipeline adds.

`Store.ingest(articles)` is idempotent by article id and content hash: an unchanged article
is left alone, a changed one has all its rows replaced, and each call is one transaction,
so a crash never leaves half an article behind.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence

import duckdb
import pyarrow as pa

from ..records import ActorRef, Article, Event, Span, iso_day
from .schema import ARTICLE_TABLES, MIGRATIONS, Migration

DEFAULT_DB = "kroniek.duckdb"


class StoreError(RuntimeError):
    """A store that cannot be opened or used (locked, newer schema, not a kroniek store)."""


def event_gid(article_id: str, event_id: str) -> int:
    """A stable 53-bit event number (GDELT's GLOBALEVENTID is a number; JavaScript holds 53 bits)."""
    digest = hashlib.sha1(f"{article_id}\x00{event_id}".encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") & ((1 << 53) - 1) or 1


def _num(value) -> Optional[float]:
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None


@dataclass
class IngestResult:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    def merge(self, other: "IngestResult") -> None:
        self.added += other.added
        self.replaced += other.replaced
        self.unchanged += other.unchanged

    def to_json(self) -> dict:
        return {"added": len(self.added), "replaced": len(self.replaced), "unchanged": len(self.unchanged)}


class _Rows:
    """Column-wise rows of one table, turned into an Arrow table for one bulk insert."""

    def __init__(self, columns: Sequence[str]):
        self.columns = list(columns)
        self.data: dict[str, list] = {c: [] for c in columns}

    def add(self, **values) -> None:
        for c in self.columns:
            self.data[c].append(values.get(c))

    def __len__(self) -> int:
        return len(self.data[self.columns[0]])


def _actor_values(prefix: str, a: Optional[ActorRef], span: bool = True) -> dict:
    d = {f"{prefix}_text": a.text if a else None, f"{prefix}_code": a.code if a else None,
         f"{prefix}_country": a.country if a else None, f"{prefix}_role": a.role if a else None,
         f"{prefix}_person": a.person if a else None}
    if span:
        d[f"{prefix}_start"] = a.start if a else None
        d[f"{prefix}_end"] = a.end if a else None
    return d


ACTOR_FIELDS = ("text", "code", "country", "role", "person")


def _cols(prefix: str, span: bool = True) -> list[str]:
    return [f"{prefix}_{c}" for c in ACTOR_FIELDS] + ([f"{prefix}_start", f"{prefix}_end"] if span else [])


COLUMNS: dict[str, list[str]] = {
    "articles": ["id", "hash", "date_value", "date_precision", "date_earliest", "date_latest", "title", "url",
                 "source", "origin", "line", "lang", "text", "paragraphs", "meta", "ingested_at"],
    "sentences": ["article_id", "idx", "start", "end", "paragraph", "parsed"],
    "timexes": ["article_id", "tid", "text", "start", "end", "type", "value", "mod", "earliest", "latest",
                "sent", "anchor", "rule"],
    "actor_mentions": ["article_id", "idx", *ACTOR_FIELDS, "start", "end", "sent", "kind", "entity", "chain"],
    "events": ["gid", "article_id", "event_id", "seq", "cameo", "base", "root", "plover", "goldstein",
               "quadclass", "mode", "confidence", "symmetric", "earliest", "latest", "day", "last_day",
               "article_earliest", "article_latest", *_cols("src"), *_cols("tgt"), *_cols("attr", False),
               "place_text", "place_country", "place_lat", "place_lon", "place",
               "trigger_start", "trigger_end", "trigger_text", "evidence_start", "evidence_end",
               "evidence_text", "sent", "lead", "sentence", "timex", "rule"],
    "evidence": ["gid", "article_id", "idx", "start", "end", "text", "sent"],
    "quotes": ["article_id", "quote_id", "seq", "quote", "start", "end", "direct", "sent", *_cols("speaker"),
               "cue_start", "cue_end", "cue_text", "events"],
}

# Arrow types where inference from Python values could go wrong (all-None columns, dates).
_TYPES = {
    "date_earliest": pa.date32(), "date_latest": pa.date32(), "earliest": pa.date32(), "latest": pa.date32(),
    "day": pa.date32(), "last_day": pa.date32(), "article_earliest": pa.date32(), "article_latest": pa.date32(),
    "ingested_at": pa.timestamp("us"), "gid": pa.int64(), "goldstein": pa.float64(), "confidence": pa.float64(),
    "place_lat": pa.float64(), "place_lon": pa.float64(), "quadclass": pa.int8(), "symmetric": pa.bool_(),
    "lead": pa.bool_(), "parsed": pa.bool_(), "direct": pa.bool_(), "paragraphs": pa.list_(pa.list_(pa.int32())),
    "events": pa.list_(pa.string()), "line": pa.int32(),
}
_INT_COLS = {"seq", "idx", "start", "end", "paragraph", "sent", "chain", "trigger_start", "trigger_end",
             "evidence_start", "evidence_end", "cue_start", "cue_end", "src_start", "src_end", "tgt_start",
             "tgt_end", "speaker_start", "speaker_end"}


def _arrow_type(col: str) -> pa.DataType:
    if col in _TYPES:
        return _TYPES[col]
    if col in _INT_COLS:
        return pa.int32()
    return pa.string()


def _lead_end(a: Article) -> int:
    """Where the lead (first paragraph, or first sentence when paragraphs are unknown) ends."""
    if a.paragraphs:
        return a.paragraphs[0][1]
    if a.sentences:
        return a.sentences[0].end
    return len(a.text)


def article_rows(a: Article, now: dt.datetime, rows: dict[str, _Rows]) -> None:
    """Add one article's rows to the per-table buffers."""
    d = a.date
    rows["articles"].add(id=a.id, hash=a.content_hash, date_value=d.iso(), date_precision=d.precision,
                         date_earliest=d.earliest, date_latest=d.latest, title=a.title, url=a.url,
                         source=a.source, origin=a.origin, line=a.line, lang=a.lang, text=a.text,
                         paragraphs=[list(p) for p in a.paragraphs],
                         meta=json.dumps(a.meta, ensure_ascii=False, default=str) if a.meta else None,
                         ingested_at=now)
    for s in a.sentences:
        rows["sentences"].add(article_id=a.id, idx=s.index, start=s.start, end=s.end, paragraph=s.paragraph,
                              parsed=s.parsed)
    for t in a.timexes:
        rows["timexes"].add(article_id=a.id, tid=t.tid, text=t.text, start=t.start, end=t.end, type=t.type,
                            value=t.value, mod=t.mod, earliest=iso_day(t.earliest), latest=iso_day(t.latest),
                            sent=t.sent, anchor=t.anchor, rule=t.rule)
    for i, m in enumerate(a.actors):
        rows["actor_mentions"].add(article_id=a.id, idx=i, text=m.text, code=m.code, country=m.country,
                                   role=m.role, person=m.person, start=m.start, end=m.end, sent=m.sent,
                                   kind=m.kind, entity=m.entity, chain=m.chain)
    lead_end = _lead_end(a)
    seen: set[str] = set()
    for n, e in enumerate(a.events):
        eid = e.id or f"e{n + 1}"
        while eid in seen:  # duplicate ids from a stage would merge two events' evidence
            eid += "'"
        seen.add(eid)
        gid = event_gid(a.id, eid)
        _event_row(a, e, eid, n, gid, lead_end, rows["events"])
        for k, sp in enumerate(e.evidence):
            rows["evidence"].add(gid=gid, article_id=a.id, idx=k, start=sp.start, end=sp.end,
                                 text=sp.text or a.text[sp.start:sp.end], sent=sp.sent)
    for n, q in enumerate(a.quotes):
        cue = q.cue
        rows["quotes"].add(article_id=a.id, quote_id=q.id or f"q{n + 1}", seq=n, quote=q.quote, start=q.start,
                           end=q.end, direct=q.direct, sent=q.sent, **_actor_values("speaker", q.speaker),
                           cue_start=cue.start if cue else None, cue_end=cue.end if cue else None,
                           cue_text=(cue.text or a.text[cue.start:cue.end]) if cue else None,
                           events=list(q.events))


def _event_row(a: Article, e: Event, eid: str, n: int, gid: int, lead_end: int, out: _Rows) -> None:
    cameo = (e.cameo or "").strip()
    earliest, latest = iso_day(e.earliest), iso_day(e.latest)
    first: Optional[Span] = e.evidence[0] if e.evidence else None
    place = e.place if isinstance(e.place, dict) else None
    main = first or e.trigger
    out.add(gid=gid, article_id=a.id, event_id=eid, seq=n, cameo=cameo, base=cameo[:3] or None,
            root=cameo[:2] or None, plover=e.plover, goldstein=_num(e.goldstein),
            quadclass=int(e.quadclass) if e.quadclass is not None else None, mode=e.mode,
            confidence=_num(e.confidence), symmetric=bool(e.symmetric), earliest=earliest, latest=latest,
            day=(day := earliest or latest or a.date.earliest),
            last_day=max(latest or earliest or a.date.latest, day), article_earliest=a.date.earliest,
            article_latest=a.date.latest, **_actor_values("src", e.source), **_actor_values("tgt", e.target),
            **_actor_values("attr", e.attributed_to, span=False),
            place_text=place.get("text") or place.get("name") if place else None,
            place_country=place.get("country") if place else None,
            place_lat=_num(place.get("lat")) if place else None, place_lon=_num(place.get("lon")) if place else None,
            place=json.dumps(place, ensure_ascii=False, default=str) if place else None,
            trigger_start=e.trigger.start if e.trigger else None, trigger_end=e.trigger.end if e.trigger else None,
            trigger_text=(e.trigger.text or a.text[e.trigger.start:e.trigger.end]) if e.trigger else None,
            evidence_start=first.start if first else None, evidence_end=first.end if first else None,
            evidence_text=(first.text or a.text[first.start:first.end]) if first else None,
            sent=(main.sent if main and main.sent is not None else
                  (s.index if main and (s := a.sentence_at(main.start)) else None)),
            lead=(main.start < lead_end) if main else None, sentence=e.sentence, timex=e.timex, rule=e.rule)


class Snapshot:
    """Reads inside one transaction: the same `query` and `scalar` as a Store."""

    def __init__(self, cur):
        self.cur = cur

    def query(self, sql: str, params: Sequence = ()) -> list[dict]:
        res = self.cur.execute(sql, list(params))
        names = [d[0] for d in res.description]
        return [dict(zip(names, row)) for row in res.fetchall()]

    def scalar(self, sql: str, params: Sequence = ()):
        return self.cur.execute(sql, list(params)).fetchone()[0]

    def stream(self, sql: str, params: Sequence = (), batch: int = 10_000) -> Iterator[dict]:
        """Rows as dicts, fetched a batch at a time (for exports of any size)."""
        res = self.cur.execute(sql, list(params))
        names = [d[0] for d in res.description]
        while rows := res.fetchmany(batch):
            for row in rows:
                yield dict(zip(names, row))

    @contextlib.contextmanager
    def snapshot(self) -> Iterator["Snapshot"]:
        yield self   # already one


class Store:
    """One DuckDB file. Use as a context manager; `read_only=True` for queries only."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False,
                 migrations: Sequence[Migration] = MIGRATIONS):
        self.path = str(path)
        self.read_only = read_only
        self.migrations = tuple(migrations)
        self.lock = threading.RLock()             # writes and schema changes, one at a time
        self._cursor_lock = threading.Lock()      # handing out cursors to reader threads
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"{self.path}: no such store (create it with `kroniek ingest`)")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as exc:
            raise StoreError(f"{self.path}: cannot open the store ({exc}); another kroniek is writing to it "
                             f"(an ingest, or `kroniek serve`); a server started with --read-only lets "
                             f"queries share the file") from None
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: not a DuckDB store ({exc})") from None
        self._check_schema()

    # -- schema --------------------------------------------------------------------------
    @property
    def latest_version(self) -> int:
        return max((m.version for m in self.migrations), default=0)

    def version(self) -> int:
        # A cursor per call (scalar): GET /health calls this from many server threads at once,
        # and the shared connection refuses a second caller ("connection is busy": a 500).
        exists = self.scalar("SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'")
        if not exists:
            return 0
        return self.scalar("SELECT coalesce(max(version), 0) FROM schema_version")

    def _check_schema(self) -> None:
        current = self.version()
        if current > self.latest_version:
            raise StoreError(f"{self.path}: store schema version {current} is newer than this kroniek "
                             f"knows ({self.latest_version}); upgrade kroniek")
        if current < self.latest_version:
            if self.read_only:
                raise StoreError(f"{self.path}: store schema version {current} needs migrating to "
                                 f"{self.latest_version}; open it once for writing (e.g. `kroniek ingest`)")
            self.migrate()

    def migrate(self) -> list[int]:
        """Apply the migrations this file lacks, each in its own transaction."""
        applied = []
        with self.lock:
            self.con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                             "description VARCHAR, applied_at TIMESTAMP)")
            current = self.version()
            for m in sorted(self.migrations, key=lambda m: m.version):
                if m.version <= current:
                    continue
                self.con.execute("BEGIN TRANSACTION")
                try:
                    for stmt in m.statements:
                        self.con.execute(stmt)
                    self.con.execute("INSERT INTO schema_version VALUES (?, ?, ?)",
                                     [m.version, m.description, dt.datetime.now()])
                    self.con.execute("COMMIT")
                except Exception:
                    self.con.execute("ROLLBACK")
                    raise
                applied.append(m.version)
        return applied

    # -- writing -------------------------------------------------------------------------
    def hashes(self, ids: Optional[Iterable[str]] = None) -> dict[str, str]:
        """Stored content hash per article id (all, or those of `ids`)."""
        with self.lock:
            if ids is None:
                rows = self.con.execute("SELECT id, hash FROM articles").fetchall()
            else:
                ids = list(ids)
                if not ids:
                    return {}
                rows = self.con.execute("SELECT id, hash FROM articles WHERE id IN (SELECT unnest(?))",
                                        [ids]).fetchall()
        return dict(rows)

    def ingest(self, articles: Iterable[Article], replace: bool = False) -> IngestResult:
        """Store a batch of articles in one transaction. Unchanged articles (same id and content
        hash) are skipped unless `replace`; changed ones have all their rows replaced."""
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")
        batch: dict[str, Article] = {}
        for a in articles:
            batch[a.id] = a  # the last version of an id in one batch wins
        result = IngestResult()
        if not batch:
            return result
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)  # stored as UTC
        with self.lock:
            stored = self.hashes(batch)
            rows = {t: _Rows(COLUMNS[t]) for t in COLUMNS}
            for a in batch.values():
                if a.id in stored:
                    if stored[a.id] == a.content_hash and not replace:
                        result.unchanged.append(a.id)
                        continue
                    result.replaced.append(a.id)
                else:
                    result.added.append(a.id)
                article_rows(a, now, rows)
            if not result.added and not result.replaced:
                return result
            self.con.execute("BEGIN TRANSACTION")
            try:
                if result.replaced:
                    for t in (*ARTICLE_TABLES, "articles"):
                        key = "id" if t == "articles" else "article_id"
                        self.con.execute(f"DELETE FROM {t} WHERE {key} IN (SELECT unnest(?))", [result.replaced])
                for t, r in rows.items():
                    if len(r):
                        self._insert(t, r)
                self.con.execute("COMMIT")
            except duckdb.Error as exc:
                self._rollback()
                raise StoreError(f"{self.path}: could not store a batch of {len(batch)} articles, none of them "
                                 f"was stored ({exc}). Is the disk full? What was stored before is intact; "
                                 f"rerun the same command to go on") from exc
            except BaseException:
                self._rollback()
                raise
        return result

    def _rollback(self) -> None:
        """Undo the open transaction. When COMMIT itself failed (disk full) DuckDB has already
        undone it, and a ROLLBACK would raise and hide the real error."""
        try:
            self.con.execute("ROLLBACK")
        except duckdb.Error:
            pass

    def _insert(self, table: str, rows: _Rows) -> None:
        arrays = [pa.array(rows.data[c], type=_arrow_type(c)) for c in rows.columns]
        tbl = pa.Table.from_arrays(arrays, names=rows.columns)
        name = f"_incoming_{table}"
        self.con.register(name, tbl)
        try:
            cols = ", ".join(f'"{c}"' for c in rows.columns)
            self.con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {name}")
        finally:
            self.con.unregister(name)

    def delete(self, article_ids: Sequence[str]) -> int:
        with self.lock:
            ids = list(article_ids)
            n = self.con.execute("SELECT count(*) FROM articles WHERE id IN (SELECT unnest(?))", [ids]).fetchone()[0]
            self.con.execute("BEGIN TRANSACTION")
            try:
                for t in (*ARTICLE_TABLES, "articles"):
                    key = "id" if t == "articles" else "article_id"
                    self.con.execute(f"DELETE FROM {t} WHERE {key} IN (SELECT unnest(?))", [ids])
                self.con.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise
            return n

    # -- reading -------------------------------------------------------------------------
    def _cursor(self):
        with self._cursor_lock:
            return self.con.cursor()

    def query(self, sql: str, params: Sequence = ()) -> list[dict]:
        """Rows as dicts. A cursor per call, so threads of the HTTP server can read at once."""
        cur = self._cursor()
        try:
            res = cur.execute(sql, list(params))
            names = [d[0] for d in res.description]
            return [dict(zip(names, row)) for row in res.fetchall()]
        finally:
            cur.close()

    def scalar(self, sql: str, params: Sequence = ()):
        cur = self._cursor()
        try:
            return cur.execute(sql, list(params)).fetchone()[0]
        finally:
            cur.close()

    @contextlib.contextmanager
    def snapshot(self) -> Iterator["Snapshot"]:
        """Several reads that see one state of the store, even while another thread writes
        (a read-only transaction on its own cursor)."""
        cur = self._cursor()
        cur.execute("BEGIN TRANSACTION")
        try:
            yield Snapshot(cur)
        finally:
            try:
                cur.execute("ROLLBACK")
            finally:
                cur.close()

    def counts(self) -> dict[str, int]:
        return {t: self.scalar(f"SELECT count(*) FROM {t}") for t in ("articles", *ARTICLE_TABLES)}

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
