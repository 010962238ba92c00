"""The store's tables and their migrations.

Every change to the schema is a new numbered migration appended to `MIGRATIONS`; a store
records the versions applied in `schema_version`, so an old file is brought up to date
when it is opened and a file written by a newer kroniek is refused instead of misread.

Design choices:
- `events` is flat (actors, place, first evidence span as columns) because every query
  filters on those fields; all evidence spans are also in `evidence`.
- `events.day` is the day an event is counted on in time series: its earliest possible
  day, or the article's when the coder gave no date; `events.last_day` its latest possible day. `events.article_earliest` and
  `article_latest` repeat the article date so that filters on it need no join.
- `gid` is a stable 53-bit number derived from (article id, event id): the same event
  keeps its number when an article is re-ingested, and JavaScript can hold it.
- No foreign keys or unique indexes on child tables: an article's rows are replaced by
  delete + insert inside one transaction, which constraint checks would only slow down.
"""
from __future__ import annotations

from dataclasses import dataclass

ACTOR_COLUMNS = "text VARCHAR, code VARCHAR, country VARCHAR, role VARCHAR, person VARCHAR"


def _actor(prefix: str, with_span: bool = True) -> str:
    cols = [f"{prefix}_{c}" for c in ACTOR_COLUMNS.split(", ")]
    if with_span:
        cols += [f"{prefix}_start INTEGER", f"{prefix}_end INTEGER"]
    return ",\n    ".join(cols)


V1 = [
    """CREATE TABLE articles (
    id VARCHAR PRIMARY KEY,
    hash VARCHAR NOT NULL,
    date_value VARCHAR NOT NULL,
    date_precision VARCHAR NOT NULL,
    date_earliest DATE NOT NULL,
    date_latest DATE NOT NULL,
    title VARCHAR, url VARCHAR, source VARCHAR, origin VARCHAR, line INTEGER, lang VARCHAR,
    text VARCHAR NOT NULL,
    paragraphs INTEGER[][],
    meta JSON,
    ingested_at TIMESTAMP NOT NULL
)""",
    """CREATE TABLE sentences (
    article_id VARCHAR NOT NULL, idx INTEGER, start INTEGER, "end" INTEGER, paragraph INTEGER, parsed BOOLEAN
)""",
    """CREATE TABLE timexes (
    article_id VARCHAR NOT NULL, tid VARCHAR, text VARCHAR, start INTEGER, "end" INTEGER,
    type VARCHAR, value VARCHAR, mod VARCHAR, earliest DATE, latest DATE, sent INTEGER,
    anchor VARCHAR, rule VARCHAR
)""",
    f"""CREATE TABLE actor_mentions (
    article_id VARCHAR NOT NULL, idx INTEGER, {ACTOR_COLUMNS}, start INTEGER, "end" INTEGER,
    sent INTEGER, kind VARCHAR, entity VARCHAR, chain INTEGER
)""",
    f"""CREATE TABLE events (
    gid BIGINT NOT NULL,
    article_id VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL,
    seq INTEGER,
    cameo VARCHAR, base VARCHAR, root VARCHAR,
    plover VARCHAR, goldstein DOUBLE, quadclass TINYINT,
    mode VARCHAR, confidence DOUBLE, "symmetric" BOOLEAN,
    earliest DATE, latest DATE, day DATE,
    article_earliest DATE, article_latest DATE,
    {_actor("src")},
    {_actor("tgt")},
    {_actor("attr", with_span=False)},
    place_text VARCHAR, place_country VARCHAR, place_lat DOUBLE, place_lon DOUBLE, place JSON,
    trigger_start INTEGER, trigger_end INTEGER, trigger_text VARCHAR,
    evidence_start INTEGER, evidence_end INTEGER, evidence_text VARCHAR,
    sent INTEGER, lead BOOLEAN,
    sentence VARCHAR, timex VARCHAR, rule VARCHAR
)""",
    """CREATE TABLE evidence (
    gid BIGINT NOT NULL, article_id VARCHAR NOT NULL, idx INTEGER, start INTEGER, "end" INTEGER,
    text VARCHAR, sent INTEGER
)""",
    f"""CREATE TABLE quotes (
    article_id VARCHAR NOT NULL, quote_id VARCHAR, seq INTEGER, quote VARCHAR, start INTEGER, "end" INTEGER,
    direct BOOLEAN, sent INTEGER,
    {_actor("speaker")},
    cue_start INTEGER, cue_end INTEGER, cue_text VARCHAR,
    events VARCHAR[]
)""",
    # Point look-ups of one article's rows (timeline of an article, replacement on re-ingest).
    "CREATE INDEX events_article ON events(article_id)",
    "CREATE INDEX events_gid ON events(gid)",
    "CREATE INDEX evidence_article ON evidence(article_id)",
]


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


# Version 2: the last possible day of an event as a plain column, so that date-range filters
# compare two plain columns (`day <= until AND last_day >= since`), which DuckDB can answer
# from its per-block min/max statistics instead of evaluating coalesce() on every row.
V2 = [
    "ALTER TABLE events ADD COLUMN last_day DATE",
    "UPDATE events SET last_day = greatest(coalesce(latest, earliest, article_latest), day)",
]

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, sentences, time expressions, actor mentions, events, evidence, quotes", tuple(V1)),
    Migration(2, "events.last_day for fast date-range filters", tuple(V2)),
)

# The tables that hold one article's records, in the order they are replaced.
ARTICLE_TABLES = ("sentences", "timexes", "actor_mentions", "events", "evidence", "quotes")
